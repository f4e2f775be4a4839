"""A name as the name pattern matched it, without the sentence's words glued to it: a month or
a day ("June 5 Netflix"), a sentence's opening word ("However Jane"), a gerund ("Featuring Jane
Doe"), a season ("Elsbeth Season 2"), an outlet ("According to TVLine Sarah"), a two-word job
("Special Agent Nick Torres"); never a month or an organisation alone."""

from __future__ import annotations

import re
from collections.abc import Callable

from showbible.news.names import (
    EPISODE_WORDS,
    NOT_NAME_START,
    ORGS,
    OUTLETS,
    SPOUSE,
    keyof,
    words,
)
from showbible.reading.lexicon import is_common, position_words
from showbible.reading.lexicon.given import first_and_surname, is_given_name, is_surname
from showbible.reading.names import is_title

_MONTHS = frozenset(
    words(
        """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays
    """
    )
)
# Titles of two words that stand before a full name (one word, "Captain", stays with it).
_JOB_TITLES = frozenset({"Special Agent", "Supervisory Special", "Senior Special"})

_GERUNDS = frozenset(
    words(
        """Joining Starring Featuring Having Playing Including Following Returning Leading
    Bringing Taking Making Being Getting Meeting Reprising Portraying Voicing Casting Welcoming"""
    )
)


# A press release's verbs in Title Case glued after a name ("Guest Stars", "Returns"); those
# that may be a surname too ("Star", "Cast") only after a name of two words.
_TITLE_VERBS = frozenset(
    words("Returns Joins Appears Reprises Exits Leaves Talks Says Reveals Teases Recurs Debuts")
)
_TITLE_VERBS_OR_NAMES = frozenset(words("Stars Star Guest Return Join Plays Voices Cast Lands"))


def trim_name(raw: str) -> tuple[int, str]:
    """A matched name without the sentence words glued to it, as (offset in ``raw``, name);
    never a month or an organisation (then the name is "")."""
    spans = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", raw)]
    while spans and (spans[0][1].lower().strip(".") in NOT_NAME_START or spans[0][1] in _MONTHS):
        if SPOUSE.match(raw[spans[0][0] :]):
            break  # "First Lady Kelly Kapowski": an office the role is named with
        if len(spans) == 2 and spans[0][1] in _MONTHS and first_and_surname(*(w for _, w in spans)):
            break  # "June Wheeler", "May Parker": a first name, before a surname
        spans = spans[1:]
    if (len(spans) >= 3 and spans[0][1].endswith("ing")) or (
        len(spans) == 2 and (spans[0][1] in _GERUNDS or _opening_word(spans[0][1], spans[1][1]))
    ):
        spans = spans[1:]  # "Having Jonathan Frakes", "Featuring Jane Doe", "Helping Eva"
    while len(spans) >= 2 and (spans[-1][1] in _TITLE_VERBS or (
        len(spans) >= 3 and spans[-1][1] in _TITLE_VERBS_OR_NAMES
    )):  # fmt: skip
        spans = spans[:-1]  # "Justin Kirk Guest Stars as Tad", "Richie Keen Returns as Pinkus"
    while spans and (spans[-1][1] in _MONTHS or spans[-1][1] in EPISODE_WORDS):
        if len(spans) == 2 and first_and_surname(*(w for _, w in spans)):
            break  # "Joy Sunday", "Isabel May": a surname that is a day's or a month's name
        spans = spans[:-1]  # "Elsbeth Season 2": the show's season, not a name
    if len(spans) >= 3 and keyof(spans[0][1]) in OUTLETS:
        spans = spans[1:]  # "According to TVLine Sarah Wayne Callies' Sara": the outlet
    if len(spans) >= 3 and spans[0][1] == "Charge":
        spans = spans[1:]  # "Special Agent in Charge Jane Tennant": a title's last word
    while len(spans) >= 4 and " ".join(w for _, w in spans[:2]) in _JOB_TITLES:
        spans = spans[2:]  # "Special Agent Nick Torres": a job title of two words is no name
    # "Clinical Lead Connie Beauchamp": a job's plain words before a first name and a surname
    # (a rank or a title stays: "Detective Peter Jay", "Queen Elizabeth II")
    plain = [w for _, w in spans]
    lead = _leading(plain, _job_word)
    if lead and is_given_name(plain[lead]) and len(spans) - lead >= 2:
        spans = spans[lead:]
    for i, (at, w) in enumerate(spans):
        cut = re.search(r"-[a-z]{3,}$", w)
        if cut is not None and w[0].isupper():
            if not re.search(r"(?:ing|ed)$", w) and len(spans) - i - 1 >= 2:
                # "Mary Magdalene Co-author Philippa Goslett": a credit and a job, then the name
                spans = spans[i + 1 :]
                break
            # "Nathan Fillion-starring The Rookie", "Nash-Betts-led": the name ends there
            spans = [*spans[:i], (at, w[: cut.start()])]
            break
    if not spans or all(w in ORGS for _, w in spans):
        return 0, ""
    if any(re.search(r"\d", w) for _, w in spans):
        return 0, ""  # "Earth-1", "S13E1": not a person
    if all(len(w) >= 3 and w.isupper() and not re.fullmatch(r"(?:[A-Z]\.)+", w) for _, w in spans):
        return 0, ""  # "RECAP", "EXCLUSIVE": a label in capitals, not a name ("D.J." is one)
    start = spans[0][0]
    return start, raw[start : spans[-1][0] + len(spans[-1][1])]


def _job_word(word: str) -> bool:
    """A capitalised common word that is no name and no title ("Clinical", "Lead")."""
    return (
        word.isalpha()
        and word[:1].isupper()
        and word[1:].islower()
        and is_common(word)
        and not is_given_name(word)
        and not is_surname(word)
        and not is_title(word.upper())
        and word.upper() not in position_words()
    )


def _opening_word(word: str, name: str) -> bool:
    """A gerund or an adverb that opens a sentence before a first name ("Helping Eva",
    "Clearly Jane"): no first name itself by the census lists ("Sterling", "Kelly" and "Emily"
    are). Before a word no list gives as a first name it may open a title ("Breaking Bad")."""
    return (
        bool(re.fullmatch(r"[A-Z][a-z]+(?:ing|ly)", word))
        and not is_given_name(word)
        and is_given_name(name)
    )


def without_ranks(name: str) -> str:
    """A character's name without two words or more of office or rank before a first name and
    a surname: "Detective Inspector Keith Pedder" is Keith Pedder, "Prime Minister Dawn
    Ellison" Dawn Ellison (the article's words stay in its sentence; one rank stays with the
    name: "Detective Peter Jay", "Queen Elizabeth II")."""
    parts = name.split()
    lead = _leading(parts, _rank_word)
    if lead >= 2 and is_given_name(parts[lead]) and len(parts) - lead in (2, 3):
        return " ".join(parts[lead:])
    return name


def _rank_word(word: str) -> bool:
    """A job's plain word, a position or a title ("Detective", "Inspector", "Prime")."""
    bare = word.upper().strip(".")
    return _job_word(word) or bare in position_words() or is_title(bare)


def _leading(words_: list[str], describes: Callable[[str], bool]) -> int:
    """How many words open the name and describe it, leaving two at least for the name."""
    lead = 0
    while len(words_) - lead >= 3 and describes(words_[lead]):
        lead += 1
    return lead
