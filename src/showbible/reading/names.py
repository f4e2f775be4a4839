"""Normalising labels: cues, titles and walk-on roles.

Pure functions over strings, shared by the resolver (cues) and the extractor (action lines).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

# Honorifics dropped when a cue does not match as written ("EARL OF WESTMORELAND" ->
# "WESTMORELAND"). A universe adds its own with `titles:`.
BUILTIN_TITLES = (
    "SIR", "LORD", "LADY", "DAME", "KING", "QUEEN", "PRINCE", "PRINCESS", "DUKE", "DUCHESS",
    "EARL", "COUNT", "COUNTESS", "BARON", "BARONESS", "MARQUESS", "MARQUIS", "VISCOUNT",
    "MR", "MRS", "MS", "MISS", "MX", "DR", "DOCTOR", "PROFESSOR", "PROF", "CAPTAIN", "CAPT",
    "DETECTIVE", "DET", "INSPECTOR", "OFFICER", "AGENT", "SERGEANT", "SGT", "LIEUTENANT", "LT",
    "FATHER", "SISTER", "BROTHER", "MASTER", "MISTRESS", "JUDGE", "SENATOR", "MAYOR",
    "GENERAL", "COLONEL", "MAJOR", "ADMIRAL", "COMMANDER", "CHIEF", "ARCHBISHOP", "BISHOP",
    "CARDINAL", "SAINT", "ST", "UNCLE", "AUNT", "YOUNG", "OLD", "LITTLE",
)  # fmt: skip

# Walk-on roles and unidentified voices: no knowledge or history of their own, never a
# crossover. Matched on the head word after numbering and qualifiers are removed.
BUILTIN_ROLES = (
    "MAN", "MEN", "WOMAN", "WOMEN", "BOY", "BOYS", "GIRL", "GIRLS", "CHILD", "CHILDREN", "KID",
    "KIDS", "GUARD", "GUARDS", "SOLDIER", "SOLDIERS", "SERVANT", "SERVANTS", "SERVINGMAN",
    "SERVING-MAN", "MESSENGER", "MESSENGERS", "CITIZEN", "CITIZENS", "CROWD", "ALL", "BOTH",
    "LORDS", "LADIES", "GENTLEMAN", "GENTLEMEN", "ATTENDANT", "ATTENDANTS", "WAITER",
    "WAITRESS", "BARTENDER", "DRIVER", "COP", "COPS", "POLICEMAN", "REPORTER", "REPORTERS",
    "ANNOUNCER", "NARRATOR", "VOICE", "VOICES", "COMPUTER", "CREWMAN", "CREWMEN", "CREW",
    "PASSENGER", "CLERK", "RECEPTIONIST", "TECH", "TECHNICIAN", "NEWSCASTER", "ANCHOR",
    "SAILOR", "SAILORS", "MURDERER", "MURDERERS", "MURDER", "KEEPER", "HERALD", "GAOLER",
    "JAILER", "PORTER", "WATCHMAN", "WATCH", "TRAVELLER", "TRAVELLERS", "TRAVELER",
    "TRAVELERS", "THIEF", "THIEVES", "DOCKHAND", "STRANGER", "CUSTOMER", "CUSTOMERS",
    "NURSE", "PARAMEDIC", "OPERATOR", "DISPATCHER", "PATRON", "PATRONS", "BYSTANDER",
    "WITNESS", "THUG", "THUGS", "HENCHMAN", "HENCHMEN", "GOON", "GOONS", "SENTRY",
    "SENTINEL", "SOLDIERY", "OTHERS", "EVERYONE", "GROUP", "STUDENT", "STUDENTS",
    "PRISONER", "PRISONERS", "GUEST", "GUESTS", "SHERIFF", "DEPUTY", "PAGEBOY", "USHER",
    "PLAYER", "PLAYERS", "MUSICIAN", "MUSICIANS", "LORD", "CAPTAIN", "SCRIVENER",
)  # fmt: skip

_ORDINAL_PREFIX = re.compile(
    r"^(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|1ST|2ND|3RD|4TH|5TH|6TH|ANOTHER|AN|A|THE|"
    r"OLD|YOUNG|OTHER|SOME|ONE|TWO|THREE|LEAD|HEAD|ELDER|TALL|SHORT|FAT|THIN)\s+"
)
_NUMBER_SUFFIX = re.compile(r"(?:\s*#\s*\d+|\s*\d+|\s+[A-Z])$")
_QUALIFIER = re.compile(
    r"\s+(?:ON|IN|AT|FROM|WITH|OF|BEHIND|ABOVE|BELOW|OVER|UNDER|NEAR|NEXT|OUTSIDE|INSIDE)\b.*$"
)
_BRACKETS = re.compile(r"\s*\([^)]*\)")
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w'&\-]+")


def normalise(label: str) -> str:
    """Upper-case a cue or alias, drop extensions/markers and fold spacing: ``@Han (O.S.)`` ->
    ``HAN``, ``BOB:`` -> ``BOB``."""
    text = label.strip().lstrip("@").rstrip("^").strip()
    text = _BRACKETS.sub("", text)
    text = text.rstrip(":").strip()
    text = text.replace("’", "'")
    return _SPACE.sub(" ", text).upper()


def strip_titles(label: str, titles: frozenset[str]) -> str:
    """Drop leading honorifics and a following ``OF``: ``EARL OF WESTMORELAND`` ->
    ``WESTMORELAND``. Returns the label unchanged when nothing would be left."""
    words = label.replace(".", " ").split()
    i = 0
    while i < len(words) - 1 and words[i] in titles:
        i += 1
        if i < len(words) - 1 and words[i] in {"OF", "THE"}:
            i += 1
    return " ".join(words[i:]) if i else label


def is_role(label: str, roles: frozenset[str]) -> bool:
    """Whether a normalised cue is a walk-on role or unidentified voice (``GUARD #2``,
    ``FIRST MURDERER``, ``VOICE ON RADIO``, ``MAN IN SUIT``)."""
    text = label
    if text.startswith("VOICE"):
        return True
    for _ in range(3):
        stripped = _ORDINAL_PREFIX.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = _QUALIFIER.sub("", text)
    text = _NUMBER_SUFFIX.sub("", text).strip()
    if text in roles:
        return True
    words = text.split()
    # "POLICE OFFICER", "SECURITY GUARD": a role word at the head of a two-word label.
    return len(words) == 2 and words[-1] in roles and words[0] not in roles


def slug(label: str) -> str:
    """A stable id from a label: ``MISTRESS QUICKLY`` -> ``mistress-quickly``."""
    text = _NON_WORD.sub("-", label.lower().replace("'", "").replace("&", "and"))
    text = text.replace("_", "-")
    text = re.sub(r"-+", "-", text).strip("-")
    return text or "unnamed"


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w'\-]+", text) if w]


@functools.cache
def token_runs(label: str, min_len: int = 3) -> tuple[str, ...]:
    """Every contiguous run of words of a label, for partial names (``KING HENRY IV`` ->
    ``KING``, ``KING HENRY``, ``HENRY``, ``HENRY IV``, ...), without runs that begin or end
    with a joining word. Cached: every series' name matcher asks for the same labels."""
    toks = [t for t in re.split(r"[\s,;:!?()\[\]\"]+", label) if t and t != "."]
    out: list[str] = []
    for i in range(len(toks)):
        for j in range(i + 1, len(toks) + 1):
            if j - i == len(toks):
                continue
            run = toks[i:j]
            if run[0] in _JOINERS or run[-1] in _JOINERS:
                continue
            text = " ".join(run)
            if sum(c.isalpha() for c in text) >= min_len:
                out.append(text)
    return tuple(out)


_JOINERS = frozenset(
    {"OF", "THE", "AND", "A", "AN", "DE", "LA", "LE", "VON", "VAN", "&", "DU", "DI"}
)


def suggest(word: str, choices: Iterable[str], cutoff: float = 60) -> str | None:
    """The closest of ``choices`` to a mistyped ``word`` (case-insensitive), if any is close."""
    from rapidfuzz import fuzz, process, utils

    options = sorted(set(choices))
    if not options:
        return None
    # Plain ratio, not WRatio: a typo is the whole word gone slightly wrong, and WRatio's
    # partial matching would offer "a" for "alias".
    best = process.extractOne(
        word, options, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=cutoff
    )
    return str(best[0]) if best else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 60) -> str:
    """`` (did you mean 'x'?)`` for an error message, or nothing."""
    best = suggest(word, choices, cutoff)
    return f" (did you mean {best!r}?)" if best else ""
