"""What a spin-off article calls its shows by their kinship: "the sequel", "the prequel", "the
spin-off" for the show it names so ("the greenlight for sequel Power Book II: Ghost", "Gen V,
the spin-off of The Boys"), and "the original series" for the show that one comes from. A
sentence that opens with such a noun is about that show ("The sequel ... gave Tariq his own
show as it saw ... Monet (Mary J. Blige)")."""

from __future__ import annotations

import re

from showbible.news.cleaning import Article
from showbible.news.entities import SER, Knowledge
from showbible.news.facts import NewsFact
from showbible.quick import rx

_KIN = r"sequel|prequel|spin-?off|spinoff|revival|reboot"
# "sequel Power Book II: Ghost", "the spin-off series, Gen V"; "Gen V, the new spin-off", "X will
# be a prequel series"
_NAMED_AS = rx.compile(
    rf"\b(?P<n>{_KIN})(?:\s+series)?,?\s+(?P<s>{SER})|(?P<s2>{SER}),?\s+(?:(?:will\s+be|is)\s+)?"
    rf"(?:the|a|an|its)\s+(?:[a-z][\w\-]*\s+)?(?P<n2>{_KIN})\b"
)
# "a prequel series to Outlander", "the spin-off of The Boys": the show it comes from
_PARENT = rx.compile(
    rf"\b(?:(?:{_KIN})\s+(?:series\s+)?(?:to|of|from)\s+(?:the\s+)?(?:[a-z][\w\-]*\s+)?|"
    rf"(?:mothership|flagship)\s+(?:series\s+|show\s+)?)(?P<s>{SER})"
)  # (also "the mothership series Outlander")
# A sentence about a show named by its kinship: "The sequel, ...", "The original series, ..."
REFERS = rx.compile(
    rf"^\W*(?:The|This|Its)\s+(?:new\s+|upcoming\s+)?(?P<n>{_KIN})\b|"
    r"^\W*(?:The|Its)\s+(?P<o>original\s+(?:series|show)|predecessor|mothership|flagship)\b"
)


def _noun(word: str) -> str:
    return "spinoff" if word.lower().startswith("spin") else word.lower()


def kinship(kb: Knowledge, article: Article) -> dict[str, str]:
    """Kinship noun ("sequel", "spinoff", ..., "original") -> the show the article names so;
    a noun the article gives two shows is left out."""
    found: dict[str, set[str]] = {}
    for para in article.paragraphs:
        m = kb.mark(kb.speechless(para.text))
        for x in _NAMED_AS.finditer(m.text):
            noun, show = _noun(x.group("n") or x.group("n2")), x.group("s") or x.group("s2")
            found.setdefault(noun, set()).add(m.at(show).value)
        for x in _PARENT.finditer(m.text):
            found.setdefault("original", set()).add(m.at(x.group("s")).value)
    return {noun: shows.pop() for noun, shows in found.items() if len(shows) == 1}


def referred(text: str, kin: dict[str, str], main: str | None) -> str | None:
    """The show a sentence opening with "The sequel" or "The original series" is about; the
    original is, unless the article says whose kin it is, the show it names most that is not
    the kin."""
    ref = REFERS.match(text)
    if ref is None:
        return None
    if ref.group("n"):
        return kin.get(_noun(ref.group("n")))
    if "original" in kin:
        return kin["original"]
    return main if main is not None and main not in kin.values() else None


# Words that say a character comes back: in a sequel, a revival or a spin-off, from its original.
_RETURNS = rx.compile(
    r"\b(?:return(?:s|ed|ing)?|repris(?:e|es|ed|ing)|back|reunit(?:e|es|ed|ing)|revisit(?:s|ed)?|"
    r"(?:come|comes|came|coming)\s+back|once\s+again|original)\b",
    re.IGNORECASE,
)


def returning(facts: list[NewsFact], kin: dict[str, str]) -> list[NewsFact]:
    """A character placed in the article's sequel, revival or spin-off by a sentence that says
    it comes back ("reprise her role", "returns", "back") was in the original too: the same
    fact for the original, less sure: the show the article names as such ("a revival of X",
    "the spin-off of X", "the mothership series X"); not the show it names most (a cast's
    credits may be named more: "Gilmore Girls' Arielle Kebbel" in a Yellowstone spin-off)."""
    later = {kin[n] for n in ("sequel", "spinoff", "revival", "reboot", "prequel") if n in kin}
    original = kin.get("original")
    if original is None or not later or original in later:
        return []
    return [
        NewsFact(
            "appears_in",
            f.subject,
            original,
            f.file,
            f.line,
            f.sentence,
            f.confidence * 0.8,
            f.qualifier,
        )
        for f in facts
        if f.kind == "appears_in" and f.object in later and _comes_back(f.subject, f.sentence)
    ]


def _comes_back(name: str, sentence: str) -> bool:
    """Whether the clause naming ``name`` says it comes back: a return word in the 80
    characters before the name, or in the 40 after, with no other clause between ("A will
    reprise her role as X, and newcomer B will play Y": not Y)."""
    at = sentence.find(name.split()[0])
    if at < 0:
        return False
    before = re.split(r",\s+and\s|;|\bwhile\b", sentence[max(0, at - 80) : at])[-1]
    after = re.split(r",\s+and\s|;|\bwhile\b|\.", sentence[at : at + 40])[0]
    return _RETURNS.search(before) is not None or _RETURNS.search(after) is not None
