"""Shows the article calls unscripted: a reality show's people are themselves, no characters.

"the reality TV show Keeping Up With The Kardashians", "Love Island, the ITV reality series",
"her docuseries Kourtney & Kim": the article's own words say which shows have no roles, and an
appearance in one is a person's, not a character's (the Daily Mail's dm3 split: the
Kardashians' articles alone proposed thirty). An article whose people are called "reality
(TV) stars" says so of the show it is most about.
"""

from __future__ import annotations

import re
from collections import Counter

from showbible.news.names import keyof
from showbible.quick import rx

_KIND = (
    r"(?:reality\s+(?:TV\s+|television\s+)?(?:show|series|programme|program|franchise)"
    r"|docu-?series)"
)
_STARS = rx.compile(r"(?i)\breality\s+(?:TV\s+|television\s+)?stars?\b")


def unscripted_shows(text: str, counts: Counter[str]) -> set[str]:
    """The keys of the shows (``counts``: each show the article names, how often) that it
    calls reality shows or docuseries, by apposition, or the show it names most when it calls
    its people reality stars."""
    out: set[str] = set()
    for show in counts:
        name = re.escape(show)
        before = rf"(?i:{_KIND})\s+(?:(?:called|named|titled)\s+)?{name}\b"
        after = (
            rf"\b{name}\W{{0,3}}\s*(?:(?i:the|a|an|its|her|his|their)\s+)?(?:[\w!+'’-]+\s+){{0,2}}?"
            rf"(?i:{_KIND})\b"
        )
        if re.search(before, text) or re.search(after, text):
            out.add(keyof(show))
    if _STARS.search(text) and counts:
        top, n = counts.most_common(1)[0]
        if n >= 2:
            out.add(keyof(top))
    return out
