"""Normalising labels: cues, titles and walk-on roles.

Pure functions over strings, shared by the resolver (cues) and the extractor (action lines).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from showbible.quick import rx
from showbible.reading import lexicon
from showbible.reading.lexicon.given import given_sex

# Honorifics that do not change the person, dropped when a cue does not match as written
# ("EARL OF WESTMORELAND" -> "WESTMORELAND", "DETECTIVE BURKE" -> "BURKE"). A universe adds its
# own with `titles:` (the bible always wins: a title it declares is stripped).
BUILTIN_TITLES = (
    "SIR", "DAME", "EARL", "COUNT", "DUKE", "BARON", "MARQUESS", "MARQUIS", "VISCOUNT", "KING",
    "QUEEN", "EMPEROR", "EMPRESS",
    "MR", "MX", "DR", "DOCTOR", "PROFESSOR", "PROF", "CAPTAIN", "CAPT", "DETECTIVE", "DET",
    "INSPECTOR", "OFFICER", "AGENT", "SERGEANT", "SGT", "LIEUTENANT", "LT", "ENSIGN", "CORPORAL",
    "FATHER", "SISTER", "BROTHER", "MASTER", "JUDGE", "SENATOR", "MAYOR", "GOVERNOR", "GENERAL",
    "COLONEL", "MAJOR", "ADMIRAL", "COMMANDER", "CHIEF", "SAINT", "ST", "REVEREND", "REV",
    # the Mr and the teacher of the languages scripts are set in ("Khun Chai. One minute.": the
    # forty-eighth blind look's Bangkok lieutenant calls Chai, with "Khun" of her own alias)
    "KHUN", "SENOR", "SEÑOR", "SENHOR", "SIGNOR", "HERR", "MONSIEUR", "SHRI", "EFENDI",
    "EFFENDI", "LOPEN", "DASHO", "AJARN", "USTAD", "SENSEI",
)  # fmt: skip

# Titles that name someone else than the bare name (DESIGN §3): the Duchess of York is not
# York, Lord Bardolph is not Bardolph, Mistress Page is not Page, young Clifford is not his
# father, Prince Edward is not (King) Edward; a king is still himself (KING T'CHAKA is T'CHAKA).
# Never stripped unless the bible declares them; in text, a name right after one of these is not
# that name (reading/resolve.py).
NAME_CHANGING_TITLES = (
    "LORD", "LADY", "PRINCE", "PRINCESS", "DUCHESS", "COUNTESS", "BARONESS", "MARCHIONESS",
    "MRS", "MS", "MISS", "MISTRESS", "ARCHBISHOP", "BISHOP",
    "CARDINAL", "ABBOT", "UNCLE", "AUNT", "YOUNG", "OLD", "LITTLE", "ELDER", "GRANDMA",
    "GRANDPA", "MADAME", "MADAM",
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

_ORDINAL_PREFIX = rx.compile(
    r"^(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|1ST|2ND|3RD|4TH|5TH|6TH|ANOTHER|AN|A|THE|"
    r"OLD|YOUNG|OTHER|SOME|ONE|TWO|THREE|LEAD|HEAD|ELDER|TALL|SHORT|FAT|THIN)\s+"
)
_NUMBER_SUFFIX = rx.compile(r"(?:\s*#\s*\d+|\s*\d+|\s+[A-Z])$")
_QUALIFIER = rx.compile(
    r"\s+(?:ON|IN|AT|FROM|WITH|OF|BEHIND|ABOVE|BELOW|OVER|UNDER|NEAR|NEXT|OUTSIDE|INSIDE)\b.*$"
)
_BRACKETS = rx.compile(r"\s*\([^)]*\)")
_SPACE = rx.compile(r"\s+")
_NON_WORD = rx.compile(r"[^\w'&\-]+")


_ALL_TITLES = frozenset(BUILTIN_TITLES + NAME_CHANGING_TITLES)


def is_title(word: str) -> bool:
    """Whether a word is a title people are called by: an honorific, rank or office the cue
    resolver knows (``DUKE``, ``COMMANDER``, ``DUCHESS``) or a position title of the lexicon
    (``WARDEN``, ``DEPUTY``), in any case, a final full stop ignored (``Dr.``)."""
    word = word.rstrip(".").upper()
    return word in _ALL_TITLES or word in lexicon.title_words()


def normalise(label: str) -> str:
    """Upper-case a cue or alias, drop extensions/markers and fold spacing: ``@Han (O.S.)`` ->
    ``HAN``, ``BOB:`` -> ``BOB``."""
    text = label.strip().lstrip("@").rstrip("^").strip()
    text = _BRACKETS.sub("", text)
    text = text.rstrip(":").strip()
    text = text.replace("’", "'")
    text = _NUMBER_SIGN.sub(r"\1", text)  # "GUARD #2" is the label "GUARD 2" is
    return _SPACE.sub(" ", text).upper()


_NUMBER_SIGN = rx.compile(r"(?<=\s)#\s*(\d)")


# A name-changing honorific before a whole name of the same sex is that person's courtesy:
# "MISS HARRIET ASHBY" is Harriet Ashby, a TEI cast list's persName (the forty-ninth blind
# look's Harvard computers); "MRS JOHN DUNMORE" is his wife, and "LADY GREY" stays no Grey.
_SEXED_HONORIFICS = {"MISS": "f", "MRS": "f", "MS": "f", "MISTRESS": "f", "MADAME": "f",
                     "MADAM": "f", "LADY": "f", "LORD": "m"}  # fmt: skip


def courtesy_of(label: str) -> str:
    """The whole name after a name-changing honorific of its first name's sex (a normalised
    label: ``MISS HARRIET ASHBY`` -> ``HARRIET ASHBY``), or "" when it is none."""
    words = label.replace(".", " ").split()
    if len(words) < 3 or words[0] not in _SEXED_HONORIFICS:
        return ""
    sex = _SEXED_HONORIFICS[words[0]]
    return " ".join(words[1:]) if given_sex(words[1]) == sex else ""


def strip_titles(label: str, titles: frozenset[str]) -> str:
    """Drop leading honorifics and a following ``OF``: ``EARL OF WESTMORELAND`` ->
    ``WESTMORELAND``. Returns the label unchanged when nothing would be left."""
    words = label.replace(".", " ").split()
    i = 0
    while i < len(words) - 1 and words[i] in titles:
        i += 1
        if i < len(words) - 1 and words[i] in {"OF", "THE"}:
            i += 1
    if not i or all(w.lstrip("#").isdigit() for w in words[i:]):
        return label  # "DOCTOR 1" is a numbered label, not a person called 1
    return " ".join(words[i:])


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


_ROMAN = rx.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
ORDINALS = {
    "FIRST": "I", "SECOND": "II", "THIRD": "III", "FOURTH": "IV", "FIFTH": "V", "SIXTH": "VI",
    "SEVENTH": "VII", "EIGHTH": "VIII", "NINTH": "IX", "TENTH": "X", "ELEVENTH": "XI",
    "TWELFTH": "XII", "THIRTEENTH": "XIII", "FOURTEENTH": "XIV", "FIFTEENTH": "XV",
    "SIXTEENTH": "XVI",
}  # fmt: skip


def is_regnal(word: str) -> bool:
    """A regnal number (``VI``, ``III``, ``XIV``): part of a name, never a typo of another."""
    return bool(word) and _ROMAN.match(word.upper()) is not None


def regnal_differs(a: str, b: str) -> bool:
    """Whether two labels differ only in a regnal number (``HENRY VI`` and ``HENRY V``): two
    people, so neither is a misspelling of the other."""
    wa, wb = a.split(), b.split()
    if not wa or not wb or wa == wb:
        return False
    ra = wa[-1] if is_regnal(wa[-1]) and len(wa) > 1 else ""
    rb = wb[-1] if is_regnal(wb[-1]) and len(wb) > 1 else ""
    return (ra or rb) != "" and ra != rb and wa[: len(wa) - bool(ra)] == wb[: len(wb) - bool(rb)]


# Joining words and name particles stay lower case inside a name: "John of Gaunt".
_PARTICLES = frozenset(
    [
        "of",
        "the",
        "and",
        "upon",
        "on",
        "in",
        "at",
        "de",
        "la",
        "le",
        "du",
        "des",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "del",
        "della",
        "y",
    ]
)


def display_name(label: str) -> str:
    """A label in title case for display, keeping regnal and scene numbers (``KING HENRY VI`` ->
    ``King Henry VI``, ``SCENE III``), particles in lower case (``JOHN OF GAUNT`` -> ``John of
    Gaunt``) and the capital after an apostrophe or hyphen (``O'BRIEN``, ``MARY-KATE``)."""
    out = []
    for i, word in enumerate(label.split()):
        if i and is_regnal(word) and word.isupper():
            out.append(word)
        elif i and word.lower() in _PARTICLES:
            out.append(word.lower())
        else:
            out.append(
                "-".join(
                    "'".join(part[:1].upper() + part[1:].lower() for part in piece.split("'"))
                    for piece in word.split("-")
                )
            )
    return " ".join(out)


def name_words(label: str, titles: frozenset[str]) -> list[str]:
    """The words of a label that name someone: without titles, joining words and regnal
    numbers (``EARL OF WESTMORELAND`` -> ``WESTMORELAND``, ``MRS. WALLACE`` -> ``WALLACE``)."""
    out: list[str] = []
    for word in label.replace(".", " ").split():
        if word in titles or word in NAME_CHANGING_TITLES or word in _JOINERS:
            continue
        if is_regnal(word) and out:
            continue
        out.append(word)
    return out


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
    # Function words name no one either: a cue misread from an all-capitals action line ("SUIT
    # BURSTS FROM THE WRECKAGE- BUT", "EVERYTHING BURNS") made "From" and "Everything" names.
    | {w.upper() for w in lexicon.FUNCTION_WORDS}
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
