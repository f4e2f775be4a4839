"""Where a role's show stands in a marked sentence (see ``entities``): right after the role
("plays Mara Voss on Greyharbor", "cast as X, the family's butler, in Gotham"), as the show of
an episode the sentence is about, or as a show that only describes another ("the Supernatural
prequel")."""

from __future__ import annotations

import re

from showbible.news.entities import NAM, SER

_YEAR_SER = (
    rf"(?:(?:19|20)\d\d[’']s\s+|the\s+(?:original|first|new|hit|animated|classic|long-running|"
    rf"live-action)\s+|the\s+|[A-Z]\w+[’']s\s+)?{SER}"
)
# "cast as Alfred Pennyworth, the Wayne family's loyal butler, in Gotham": an appositive saying
# what the role is may stand between the role and its show.
_APPOSITIVE = rf"(?:\s*,\s+(?:a|an|the|his|her|their|{NAM}[’']s)\s+[^,;.()]{{1,100}}?,)?"
ROLE_IN = re.compile(
    rf"\s*(?:\((?:aka|AKA)[^()]*\)\s*)?{_APPOSITIVE},?\s+(?:on|in)\s+[\"“‘']?(?:the\s+(?:\w+\s+)?season\s+of\s+|"
    rf"[Ss]eason\s+\d+\s+of\s+|\w+\s+episodes?\s+of\s+)?(?P<s>{_YEAR_SER}(?:\s*,\s*(?:and\s+)?{_YEAR_SER}|\s+and\s+"
    rf"{_YEAR_SER})*)"
)
# "In a clip from this week's episode of Family Guy, Peter Griffin (Seth MacFarlane) ...": the
# show whose episode the sentence is about.
EPISODE_OF = re.compile(
    rf"\b(?:episode|season|finale|premiere|clip|scene|pilot)s?\s+(?:\d+\s+)?(?:of|from)\s+"
    rf"(?:the\s+)?(?P<s>{SER})"
)
# "the Supernatural prequel": a show that describes another show.
DESCRIBES = re.compile(r"^\s+(?:prequel|sequel|spin-?offs?|reboot|revival|universe|franchise)\b")
