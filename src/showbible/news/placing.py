"""Where a role's show stands in a marked sentence (see ``entities``): right after the role
("plays Mara Voss on Greyharbor", "cast as X, the family's butler, in Gotham"), as the show of
an episode the sentence is about, or as a show that only describes another ("the Supernatural
prequel")."""

from __future__ import annotations

import re

from showbible.news.entities import NAM, SER, Marked, Mention
from showbible.news.names import ORGS
from showbible.quick import rx

_YEAR_SER = (
    rf"(?:(?:19|20)\d\d[’']s\s+|the\s+(?:[a-z][\w\-]*\s+){{0,2}}|(?:[Tt]he\s+)?[A-Z]\w+[’']s\s+)?"
    rf"{SER}"
)
# What a show is called before its title: "Sky One's 2019 series, X", "Hollywood TV series X",
# "the ABC medical drama X".
_KIND_WORDS = r"series|show|drama|sitcom|comedy|miniseries|soap|thriller|film|movie|musical"
_KIND = rf"(?:(?:the\s+)?(?:[\w’'\-]+\s+){{0,3}}(?:{_KIND_WORDS})\s*,?\s+)?"
# "cast as Alfred Pennyworth, the Wayne family's loyal butler, in Gotham": an appositive saying
# what the role is may stand between the role and its show.
# Or, unpunctuated, a few words in lower case: "plays Terry the punch-drunk boxer in Hollywood TV
# series Ray Donovan".
_APPOSITIVE = (
    rf"(?:\s*,\s+(?:a|an|the|his|her|their|{NAM}[’']s)\s+[^,;.()]{{1,100}}?,"
    r"|\s+(?:a|an|the)(?:\s+[a-z][\w’'\-]*){1,4}?(?=,?\s+(?:on|in)\s))?"
)
ROLE_IN = rx.compile(
    rf"\s*(?:\((?:aka|AKA)[^()]*\)\s*)?{_APPOSITIVE},?\s+(?:on|in)\s+[\"“‘']?(?:the\s+(?:\w+\s+){{0,2}}seasons?\s+of\s+|"
    rf"[Ss]eason\s+\d+\s+of\s+|\w+\s+episodes?\s+of\s+)?{_KIND}(?P<s>{_YEAR_SER}(?:\s*,\s*(?:and\s+)?{_YEAR_SER}|\s+and\s+"
    rf"{_YEAR_SER})*)"
)
# A work the article does not know, right after a role: "in the beloved Harbor Nights franchise",
# "in Sky One's 2019 series, The Reluctant Landlord", "in the movie 42". Its show, not another.
WORK_AFTER = rx.compile(
    r"\s+(?:in|on)\s+(?:the\s+)?(?:(?:[\w’'\-]+\s+){0,3}?(?:[A-Z0-9][\w’'\-]*\s+){1,5}"
    rf"(?:franchise|saga|trilogy|films|movies|{_KIND_WORDS})\b|"
    rf"(?:[\w’'\-]+\s+){{0,4}}?(?:{_KIND_WORDS})\s*,?\s+(?:the\s+)?[A-Z0-9])"
)
_CAPITALISED = rx.compile(r"\b[A-Z0-9][\w\-]*")


def work_after(text: str, at: int) -> bool:
    """Whether a work the article does not know stands right after a role (``WORK_AFTER``):
    not a network's show ("in the Netflix show": the article's own, described)."""
    found = WORK_AFTER.match(text, at)
    if found is None:
        return False
    words = [re.sub(r"[’'].*$", "", w) for w in _CAPITALISED.findall(found.group())]
    return not all(w in ORGS for w in words)


# "In a clip from this week's episode of Family Guy, Peter Griffin (Seth MacFarlane) ...": the
# show whose episode the sentence is about.
EPISODE_OF = rx.compile(
    rf"\b(?:episode|season|finale|premiere|clip|scene|pilot)s?\s+(?:\d+\s+)?(?:of|from)\s+"
    rf"(?:the\s+)?(?P<s>{SER})"
)
# "the Supernatural prequel": a show that describes another show.
DESCRIBES = rx.compile(r"^\s+(?:prequel|sequel|spin-?offs?|reboot|revival|universe|franchise)\b")
# "the Yellowstone ranch", "the Bridgerton family": after "the", a show's title before a noun that
# is not the production's own (its season, cast, finale, fans) names a thing in the story.
_SHOW_WORDS = (
    r"series|show|shows|season|seasons|episodes?|finale|premiere|pilot|cast|casts|stars?|co-stars?|"
    r"fans|viewers|audiences?|writers?|creators?|producers?|showrunners?|team|crew|set|sets|"
    r"trailer|teaser|reunion|revival|reboot|remake|prequel|sequel|spin-?offs?|universe|franchise|"
    r"characters?|storylines?|timeline|alums?|actors?|actress(?:es)?|adaptation|version|run|"
    r"movie|film|special|crossover|ratings?|renewal|soundtrack|world"
)
# Words that go on a sentence or join two titles ("the Scandal and HTGAWM crossover"), no noun.
_JOINING = (
    r"and|or|but|nor|of|in|on|at|to|for|with|from|by|as|is|was|were|are|has|had|have|will|"
    r"would|can|could|may|might|who|which|that|where|when|itself|alone|too|again|ever"
)
NAMED_THING = rx.compile(rf"^\s+(?!(?:{_SHOW_WORDS}|{_JOINING})\b)[a-z][a-z\-]+\b")


def not_the_show(m: Marked, x: Mention) -> bool:
    """Whether a show's title, as marked in a sentence, stands for something else: a thing in
    its story ("the Yellowstone ranch") or a show of its family ("the Supernatural prequel")."""
    at = m.text.find(x.token)
    after = m.text[at + len(x.token) :]
    if DESCRIBES.match(after):
        return True
    # "the" before the title in lower case, not its own first word ("The Walking Dead from")
    the = x.text.startswith("the ") or re.search(r"\bthe\s+$", m.text[:at])
    return bool(the) and NAMED_THING.match(after) is not None


# A sentence that opens on a show as the subject of a casting verb ("'Pearson' will see A
# reprise his role ...", "Harrowgate adds B as X"): the cast it names is that show's.
_CAST_SUBJECT = rx.compile(
    rf"^\W*({SER})\W*\s+(?:(?:will|also|now|\w+ly)\s+)*(?:see|sees|saw|feature[sd]?|featuring|"
    r"star(?:s|red)?|add(?:s|ed)?|casts?)\b"
)
# A clause of its own between a show's casting verb and a role ("while Salt Flats adds ...")
_OTHER_CLAUSE = rx.compile(r";|\b(?:while|whereas|but)\b|,\s+and\s+(?:the\s+)?\ue000")


def cast_subject(m: Marked, at: int) -> Mention | None:
    """The show a sentence opens on as the subject of a casting verb, when the role at ``at``
    stands in that clause."""
    subject = _CAST_SUBJECT.match(m.text)
    if subject is None or _OTHER_CLAUSE.search(m.text, subject.end(), at):
        return None
    return m.at(subject.group(1))


# A show as the subject of a clause's verb, not governed by a preposition ("before Dune proper,
# Dune: The Sisterhood is all about ..."; a quoted title may hold the comma before it): what a
# paragraph naming several shows is about.
_SUBJECT_SHOW = rx.compile(
    rf"(?:^\W*|[,;.]\s+|\ue001\s+)(?:the\s+)?({SER})\s+(?:(?:also|now|still|\w+ly)\s+)*(?:is|are|was|were|"
    r"will|has|had|follows|tells|centers|centres|sees|features|stars|picks|begins|opens|takes)\b"
)


def subject_shows(m: Marked) -> list[str]:
    return [m.at(x.group(1)).value for x in _SUBJECT_SHOW.finditer(m.text)]
