"""The short forms an article uses for a show it names: its initials (TWD), an acronym the
article spells out ("How to Get Away With Murder" for HTGAWM), a title's marked last word alone
("Five-0" of Hawaii Five-0)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from showbible.quick import rx


def initials(title: str) -> str:
    """TWD for The Walking Dead, SNW for Strange New Worlds: the initials the press uses."""
    words = [w for w in re.split(r"[\s:]+", title) if w and w[0].isalpha()]
    return "".join(w[0] for w in words).upper() if len(words) >= 3 else ""


_SMALL_WORDS = ("a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or",
                "the", "to", "with", "vs")  # fmt: skip


def spelled_out(acronym: str, text: str) -> list[str]:
    """The words an acronym the article uses stands for, when the article spells it out:
    "How to Get Away With Murder" for HTGAWM, a title with "to" inside that no title pattern
    reads. Each word starts with the acronym's letter, in order; a word inside may be a small
    word in lower case ("to", "with"); the first and the last are capitalised. Every spelling
    the article uses (a crawl may glue a word to the last: "Murdercrossover")."""
    if not re.fullmatch(r"[A-Z]{3,8}", acronym):
        return []
    parts = []
    for i, c in enumerate(acronym):
        small = [w for w in _SMALL_WORDS if w[0] == c.lower()]
        inner = 0 < i < len(acronym) - 1 and small
        word = rf"{c}[\w’'\-]*" + (rf"|(?:{'|'.join(small)})\b" if inner else "")
        parts.append(f"(?:{word})")
    found = re.finditer(r"(?<![\w’'])" + r"[ \t]+".join(parts) + r"(?![\w’'])", text)
    return list(dict.fromkeys(f.group(0) for f in found))


# A title's last word that no dictionary has: a digit beside letters ("Five-0") or initials
# ("P.D.", "M.C."); never a plain word ("Anatomy"), a bare number ("19"), an abbreviation
# ("Jr.") or a word with a hyphen alone ("Spider-Man" of "The Amazing Spider-Man" is a hero).
_MARKED_WORD = rx.compile(r"(?=\S*\d)(?=\S*[A-Za-z])[A-Z0-9][\w\-]*|(?:[A-Z]\.)+[A-Z]\.?")


def marked_tails(titles: Iterable[str], text: str) -> dict[str, str]:
    """ "McGarrett and Five-0 are in pursuit", "the Five-0 team": the marked last word of a
    title the article names ("Hawaii Five-0"), standing alone in the text, is that show, when no
    other show of the article ends with it."""
    by_tail: dict[str, set[str]] = {}
    for t in titles:
        parts = t.split()
        if ":" not in t and len(parts) >= 2 and _MARKED_WORD.fullmatch(parts[-1]):
            by_tail.setdefault(parts[-1], set()).add(t)
    found: dict[str, str] = {}
    for tail, group in by_tail.items():
        if len(group) != 1:
            continue
        title = next(iter(group))
        head = re.escape(title.split()[-2])
        if re.search(rf"(?<![\w.\-])(?<!{head} ){re.escape(tail)}(?![\w\-])", text):
            found[tail] = title
    return found
