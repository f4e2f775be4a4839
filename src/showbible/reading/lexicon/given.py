"""Whether a capitalised word is a given name or a surname: the 1990 US Census lists of first
names (5,494 of them) and surnames (88,799), public domain, as the ``names`` package ships them.
The news reader asks it of the people an article names; the reintroduction rule of the word a
greeting names ("Hi, Ken", not "Oh, hi").

A recap names its characters by first name and its real people in full, then by surname; a
capitalised word in running prose may also be a place ("Florida" aside), a group ("the Dharma
Initiative"), a company ("Dimension"), a demonym ("Russian") or a word opening a title
("Directions"). A word the lists hold is evidence of a person's first name; a word they do not
hold ("Topanga", "Sayid") needs more of the article's own evidence. Never the only evidence:
"Florida" and "Constance" are in the lists too.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_FIRST = ("dist.male.first", "dist.female.first")
_LAST = ("dist.all.last",)
_LINE_START = re.compile(r"^[^ \n]+", re.MULTILINE)


@cache
def _listed(files: tuple[str, ...]) -> frozenset[str]:
    """Every name the lists hold, upper case ("MARY"). Empty if the package's data is missing,
    which leaves a word without this piece of evidence, never wrongly with it."""
    return frozenset().union(*(_names(name) for name in files))


def is_given_name(word: str) -> bool:
    """Whether the word, in any case, is a listed first name ("Keeley" is; "Nate", "Sayid" are
    not)."""
    return word.upper() in _listed(_FIRST)


def is_surname(word: str) -> bool:
    """Whether the word is a listed surname ("Wheeler" is; "Netflix" is not)."""
    return word.upper() in _listed(_LAST)


def first_and_surname(first: str, last: str) -> bool:
    """Whether two words are a person's name by the lists: a first name, then a surname
    ("June Wheeler"; never "June Netflix" or "May 2019")."""
    return is_given_name(first) and is_surname(last.strip(".,;:’'"))


def given_sex(word: str) -> str | None:
    """ "m" or "f" when the word is a first name that the census gives one sex at least ten
    times as often as the other (AARON, LAVINIA), else None (JORDAN and KELLY, given to both;
    words of neither list: NURSE)."""
    male = _frequencies(_FIRST[0]).get(word.upper(), 0.0)
    female = _frequencies(_FIRST[1]).get(word.upper(), 0.0)
    if male > 10 * female:
        return "m"
    if female > 10 * male:
        return "f"
    return None


def _names(name: str) -> frozenset[str]:
    """The names of one list, without their figures: the first word of each line. Read apart
    from ``_frequencies`` because the surnames' 88,799 lines, each split and its share parsed,
    took a third of a one-shot check's patch (0.13 s) where only membership is asked."""
    try:
        text = resources.files("names").joinpath(name).read_text(encoding="ascii")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    return frozenset(_LINE_START.findall(text))


@cache
def _frequencies(name: str) -> dict[str, float]:
    """Each name of one list with its share of the population (0.240 for AARON); empty if the
    package's data is missing."""
    out: dict[str, float] = {}
    try:
        text = resources.files("names").joinpath(name).read_text(encoding="ascii")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return out
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0]] = float(parts[1])
    return out
