"""Brackets after a name that give no role: a nominee's works, an abbreviation.

"Name (Other Name)" is read as a performer and a role. Two kinds of bracket are neither:

- a list of nominees with their works ("A (His Dark Materials and The History Boys), B
  (Calico), C (The Goat, or Who is Sylvia?) or D (Hamlet)"): when one bracket of a list of
  three or more holds two titles joined, or a title the article calls a work or the titles list
  knows, every bracket of the list is a credit;
- the initials of the words before it ("the Association of Leading Visitor Attractions
  (Alva)", "Music of Black Origin (Mobo)"): an abbreviation;
- what two or more people have in brackets in the same article ("B Cockbain (Ospreys), R
  Jones (Ospreys)", "C Latham (Australia)", "A Smith (Lab)"): their team, country, party or
  company. A cast list gives each role to one performer; a team sheet, a ballot or a list of
  delegates gives one affiliation to many.

The ``plays`` facts read from such brackets, and the appearances of those names in that line,
are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from showbible.news.facts import NewsFact
from showbible.news.names import NAME, keyof
from showbible.quick import rx

_LIST = rx.compile(
    rf"{NAME}\s*\([^()]{{1,60}}\)(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){NAME}\s*"
    rf"\([^()]{{1,60}}\)){{2,}}"
)
_BRACKET = rx.compile(r"\(([^()]{1,60})\)")
# Two titles joined in one bracket: "His Dark Materials and The History Boys", "X, or Y?"
_JOINED = rx.compile(r"[A-Z][\w'’-]*\s+(?:and|or|&)\s+[A-Z]|,\s+or\s+")
_SMALL = frozenset(("of", "and", "the", "for", "in", "on", "to", "a", "&"))


def _abbreviation(before: str, inside: str) -> bool:
    """Whether a one-word bracket spells the initials of the capitalised words before it."""
    word = inside.strip()
    if " " in word or not 2 <= len(word) <= 8 or not word[:1].isupper():
        return False
    words = [w for w in re.findall(r"[\w'’-]+", before)[-2 * len(word) - 2 :]]
    caps = [w for w in words if w.lower() not in _SMALL]
    for start in range(len(caps)):
        tail = caps[start:]
        if all(w[:1].isupper() for w in tail) and "".join(w[0] for w in tail).lower() == (
            word.lower()
        ):
            return True
    return False


def credit_brackets(sentence: str, is_work: Callable[[str], bool]) -> set[str]:
    """The keys of the bracketed names of a sentence that are credits or abbreviations."""
    out: set[str] = set()
    for lst in _LIST.finditer(sentence):
        inside = [b.group(1).strip() for b in _BRACKET.finditer(lst.group(0))]
        if any(_JOINED.search(b) or is_work(b) for b in inside):
            out |= {keyof(b) for b in inside}
            out |= {keyof(p) for b in inside for p in re.split(r"\s+(?:and|or|&)\s+|,\s*", b)}
    for b in _BRACKET.finditer(sentence):
        if _abbreviation(sentence[: b.start()], b.group(1)):
            out.add(keyof(b.group(1)))
    return out


_PAIR = rx.compile(rf"({NAME})\s*\(([^()]{{1,60}})\)")


def shared_brackets(sentences: set[str]) -> set[str]:
    """The keys of what a bracket after a name holds for two or more different names of the
    same sentences (an article's): affiliations, not roles."""
    holders: dict[str, set[str]] = {}
    for sentence in sentences:
        for m in _PAIR.finditer(sentence):
            holders.setdefault(keyof(m.group(2)), set()).add(keyof(m.group(1)))
    return {inside for inside, names in holders.items() if len(names) >= 2}


def drop_credit_brackets(facts: list[NewsFact], is_work: Callable[[str], bool]) -> list[NewsFact]:
    """The facts without the roles that are credits, abbreviations or affiliations (see the
    module's docstring); ``is_work`` says whether a bracket's text is a title the article
    knows."""
    dropped: set[tuple[str, int]] = set()
    shared = shared_brackets({f.sentence for f in facts if f.kind == "plays"})
    for f in facts:
        if f.kind == "plays":
            found = credit_brackets(f.sentence, is_work)
            credit = keyof(f.object) in found or keyof(f.subject) in found
            affiliation = keyof(f.object) in shared and _bracketed(f.sentence, f.object)
            if credit or affiliation:
                dropped.add((keyof(f.object), f.line))
    return [
        f
        for f in facts
        if not (f.kind == "plays" and (keyof(f.object), f.line) in dropped)
        and not (f.kind == "appears_in" and (keyof(f.subject), f.line) in dropped)
    ]


def _bracketed(sentence: str, name: str) -> bool:
    """Whether the sentence holds the name in brackets after another name."""
    return any(keyof(m.group(2)) == keyof(name) for m in _PAIR.finditer(sentence))
