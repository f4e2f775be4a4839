"""Names of things read as characters: awards, events, companies and shows.

A capitalised name in a role's slot is read as a character when the sentence's grammar puts it
there ("Kate Winslet as Oscar presenters", "rejoined the band to play the Live Aid charity
concert"). The article's own words often say what the name is instead:

- it stands before a thing's noun, alone or in a list ("Oscar presenters", "Golden Globe and
  Bafta nominations", "the Live Aid charity concert"): it is that award's or event's name;
- a company's noun stands before it ("UPN's parent companies Paramount and Viacom");
- it owns the role a verb gives ("played Brookside's Marie Jackson"): it is the show;
- a channel's bracket follows it or a channel owns it ("Jonathan Creek (BBC One)", "BBC Two's
  The Mighty Boosh"): it is a show.

A ``plays`` fact whose character, or an ``appears_in`` fact whose subject, is such a name is
dropped.
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Article
from showbible.news.facts import NewsFact
from showbible.news.names import TIE
from showbible.quick import rx

# The nouns of things a name can stand before (one word may come between: "charity concert").
THING_NOUN = (
    r"(?:awards?|nominations?|nominees?|ceremony|ceremonies|presenters?|concerts?|festivals?|"
    r"gigs?|tours?|label|company|studios|coverage|prize|trophy|trophies|statuettes?|"
    r"winners?|campaign|taskforce|albums?|singles?)"
)
_LIST_ITEM = r"(?:\s*,\s*|\s+and\s+|\s+or\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_AFTER = rx.compile(rf"(?:{_LIST_ITEM})*(?:\s+[a-z][\w-]*)?\s+{THING_NOUN}\b")
_CHANNEL = (
    r"(?:BBC\s*(?:One|Two|Three|Four|\d)|ITV\d?|Channel\s+(?:4|Four|5|Five)|E4|Sky\s+One|S4C)"
)


def _name_at(text: str, name: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


def a_thing(name: str, sentence: str, text: str) -> bool:
    """Whether the article's words make a name an award's, an event's, a company's or a
    show's (see the module's docstring)."""
    if not name.strip():
        return False
    if any(_AFTER.match(sentence, m.end()) for m in _name_at(sentence, name)):
        return True
    if re.search(
        rf"\b(?:played|plays|playing|portrayed|portrays)\s+{re.escape(name)}[’']s\s+"
        rf"(?:(?!{TIE}\b)[a-z][\w-]*\s+)*[A-Z]",
        sentence,
    ):
        return True  # "played Brookside's Marie Jackson" (not "Roy Cropper's niece Nina")
    n = re.escape(name)
    return (
        re.search(
            rf"\b(?:compan(?:y|ies)|label|studios?|broadcasters?)\s+(?:[A-Z][\w'’-]*"
            rf"(?:\s+[A-Z][\w'’-]*)*\s*(?:,|and)\s+)*{n}(?![\w-])",
            text,
        )
        is not None
        or re.search(rf"(?<![\w-]){n}\s*\(\s*{_CHANNEL}\s*\)", text) is not None
        or re.search(rf"\b{_CHANNEL}['’]s\s+(?:The\s+)?{n}(?![\w-])", text) is not None
    )


def drop_things(facts: list[NewsFact], article: Article) -> list[NewsFact]:
    """The facts without a character that is a thing's name."""
    text = article.text
    return [
        f
        for f in facts
        if not (f.kind == "plays" and a_thing(f.object, f.sentence, text))
        and not (f.kind == "appears_in" and a_thing(f.subject, f.sentence, text))
    ]
