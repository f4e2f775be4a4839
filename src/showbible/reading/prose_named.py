"""A name that is a thing's, or written up for someone not there: readings of presence from
prose (``reading/prose.py``) that hang on the words right before a name, past any clause break.

- a thing named for someone: a vessel, an inn, a prize (``the shuttle Brannock``), a first name
  and surname after "the" (``the Tom Treloar`` bounces past: a boat), ``named after Tobias``;
- a name lettered on something, after a colon (``freshly painted in an old-fashioned typeface:
  BRANNOCK``);
- a dedication or a memorial (``dedicated to Frank``, ``in memory of Carl``);
- the matter someone is (``the Dunmore file``, ``the Lasko deposition``).
Found in planted universes written by outside authors (bench/planted/README.md).
"""

from __future__ import annotations

from showbible.quick import rx
from showbible.reading.lexicon import VESSELS, position_words
from showbible.reading.lexicon.given import is_given_name, is_surname
from showbible.reading.names import is_title
from showbible.reading.prose_words import LETTERING, word_set

# Words to or for someone who is not there to hear: "dedicated to Frank", "in memory of Cole",
# "named after Tobias".
DEDICATED = rx.compile(
    r"\b(?:dedicat(?:ed|es|ing)\s+to|in\s+(?:loving\s+)?(?:memory|honou?r|remembrance)\s+of|"
    r"named\s+(?:for|after)|honou?ring|commemorating|memoriali[sz]ing)\s+$"
)
_THE_BEFORE = rx.compile(r"\bthe\s+$")
# A vessel, a house or a prize named for someone: "the shuttle Brannock", "the Brannock Prize"
# is read after the name (prose.py).
# A courtesy in the thing's name: "the dhow Bibi Rukhsana" (the fifty-first blind look's
# Zanzibar), "the trawler Lady Grace", "the Queen Mary", "the jeepney MANG PIDO"; a saint in any
# language ("the steamer Agios Stavros", the fifty-fifth blind look's Istanbul quay; "the San
# Pedro"; an article, "the trawler El-Mahrous"); then the name set off as a name is ("The KGH
# cutter *Malik* noses in", the fifty-seventh blind look's Nuuk quay: Fountain's italics; quotes).
_NAME_OF_A_THING = (
    r"\s+(?:(?:bibi|lady|miss|mrs|mr|mister|captain|sir|saint|st|queen|king|princess|prince|"
    r"dona|doña|don|señora|senora|mama|mother|old|little|big|agios|agia|aghios|ayios|hagia|san|"
    r"santa|santo|são|sao|sainte|sankt|sveti|sveta|svyatoy|mang|aling|lolo|lola|tito|tita|"
    r"kuya|el|al|la|le|il|lo|der|die|das)\.?\s+)?"
    # an article fixed to the name ("the trawler El-Mahrous", the sixty-ninth blind look's
    # Alexandria harbour)
    r"(?:(?:el|al|ad|an|ar|as|ash|at|az)-)?[*_\"“‘']?$"
)
THING_BEFORE = rx.compile(
    r"\b(?:the|a|an|her|his|their|our)\s+(?:\w+\s+)?(?:"
    + "|".join(sorted(VESSELS))
    + r"|pub|inn|tavern|hotel|scholarship|prize|award|trophy|memorial)"
    + _NAME_OF_A_THING
)
# A road or air vehicle named as boats are, its name painted on it in capitals ("The jeepney
# MANG PIDO swings out of the terminal", the sixty-fourth blind look's Manila; "the truck BIG
# BERTHA"): asked only of a name in capitals, as "the van Mara drives" has Mara at the wheel.
VEHICLE_BEFORE = rx.compile(
    r"\b(?:the|a|an|her|his|their|our)\s+(?:\w+\s+)?(?:jeepney|jeep|matatu|danfo|trotro|"
    r"tro-tro|tuk-tuk|rickshaw|bus|minibus|coach|tram|trolley|truck|lorry|van|tractor|train|"
    r"engine|plane|aeroplane|airplane|aircraft|airliner|bomber|seaplane|rocket|tank)"
    + _NAME_OF_A_THING
)


def thing_before(before: str, name: str) -> bool:
    """Whether the words before a name make it a thing's: a vessel's, an inn's, a prize's, or a
    vehicle's when the name is in capitals (``before`` in any case)."""
    low = before.lower()
    start = max(0, len(low) - 60)
    if THING_BEFORE.search(low, start):
        return True
    return name.isupper() and VEHICLE_BEFORE.search(low, start) is not None


# An animal given someone's name: "The foal they are calling Hank" (the fiftieth blind look's
# ranch, a foal named for the dead grandfather), "a mare called Bess", "the dog, named Cole".
_CREATURES = (
    r"foal|colt|filly|mare|stallion|gelding|horse|pony|calf|heifer|bull|steer|dog|pup|puppy|cat|"
    r"kitten|hound|bird|parrot|goat|kid|lamb|ewe|pig|hen|rooster|cow|mule|donkey|hawk|eagle|falcon"
)
_CREATURE_NAMED = rx.compile(
    r"\b(?:the|a|an|her|his|their|our|this|that)\s+(?:[\w-]+\s+){0,2}?(?:"
    + _CREATURES
    + r")\b,?\s+"
    r"(?:(?:that|which|who)\s+)?(?:(?:they|we|he|she|you|everyone|people)\s+(?:are\s+|is\s+|"
    r"were\s+|have\s+been\s+)?(?:calling|call|called)|called|named|nicknamed|christened|dubbed)"
    r"\s+$"
)


# ... or a name with what it is after it: "Levko the lion lowers his great carved head" (the
# sixty-eighth blind look's puppet, named by the children for the dead carver), "Bess the mare".
_CREATURE_AFTER = rx.compile(
    r"\s+the\s+(?:[\w-]+\s+)?(?:"
    + _CREATURES
    + r"|lion|tiger|bear|wolf|fox|mouse|rabbit|hare|owl|crow|dragon|puppet|marionette|doll|"
    r"teddy|toy|robot|scarecrow)\b"
)


def creature_named(before: str) -> bool:
    """Whether the words before a name give it to an animal (any case)."""
    return _CREATURE_NAMED.search(before.lower(), max(0, len(before) - 70)) is not None


# Letters put on something, then a colon and the words: "painted in an old-fashioned
# typeface: BRANNOCK", "stencilled on the crate: COLE".
LETTERED = rx.compile(rf"\b(?:{LETTERING}|lettering|typeface|reads|reading)\b[^.!?:]*:\s*[\"“']?$")


# The patterns above that make a name a reference on their own (prose.py's trigger words).
NAMED_RULES = (DEDICATED, THING_BEFORE, VEHICLE_BEFORE, LETTERED, _CREATURE_AFTER)


# A name before the matter it names: "the Dunmore file", "the Lasko deposition".
_MATTER_AFTER = rx.compile(
    r"\s+(?:file|files|case|cases|account|folder|dossier|report|trial|hearing|verdict|appeal|"
    r"deposition|estate|affair|matter|investigation|inquest|inquiry|murder|killing|papers)\b"
)


def named_for(low: str, original: str, start: int, end: int) -> str | None:
    """The class of reference a name at ``start:end`` is by the words before it ("place",
    "depiction", "thought"), or None. ``low``: the sentence lower-cased."""
    dedicated = DEDICATED.search(low, max(0, start - 40), start)
    if dedicated is not None:  # "after" and "for" may open a clause: read past them
        return "place" if dedicated.group(0).startswith("named") else "thought"
    if thing_before(low[max(0, start - 60) : start], original[start:end]):
        return "place"  # "The shuttle Brannock tears up out of the bay"
    if creature_named(low[:start]) or _CREATURE_AFTER.match(low, end):
        return "place"  # "The foal they are calling Hank", "Levko the lion lowers his head"
    if LETTERED.search(low, max(0, start - 80), start):
        return "depiction"  # "freshly painted in an old-fashioned typeface: BRANNOCK"
    if _THE_BEFORE.search(low, 0, start) and _named_after(original[start:end]):
        return "place"  # "The inshore boat, the Tom Treloar, bounces past"
    if _THE_BEFORE.search(low, 0, start) and _MATTER_AFTER.match(low, end):
        return "thought"  # "Tomas slides the Dunmore file back across the desk"
    if _named_thing_after(original, end):
        return "place"  # "eats Kestrel Krunch dry", "the statue in Kestrel Square"
    if _qualifies(low, original, start, end):
        return "place"  # "the Holloway orchard", "Fennell apples and Holloway apples go"
    if _LIFE_DATES.match(original, end):
        return "depiction"  # "DR. ANTON REISS 1919 - 1961.": a grave's or a plaque's words
    return None


# A name and the years of a life: the words on a stone, a plaque, a memorial card ("J. HALE
# 1928 - 1962", "Cole Marsh (1971-2023)", "TOM TRELOAR, 1986-2024"), never someone there.
_LIFE_DATES = rx.compile(
    r"\s*,?\s*\(?\s*(?:b\.\s*)?(?:1[0-9]|20)\d\d\s*(?:[-–—]|to)\s*(?:1[0-9]|20)\d\d\b"
)


# A capitalised word right after a name that is no name of anyone: the name is a thing's
# ("eats Kestrel Krunch dry straight from the box", the thirteenth blind look's cereal; "Cole
# Street", "Harlan Industries"). A first name or a surname goes on the person's own name
# (the bible's full name is matched whole before this is asked; "Mara Voss", "Walter Brand").
_WORD_AFTER = rx.compile(r"[ \t]+([A-Z][a-z][\w'’-]*)")


def _named_thing_after(original: str, end: int) -> bool:
    m = _WORD_AFTER.match(original, end)
    if m is None or original[:end].isupper():
        return False
    word = m.group(1).rstrip("'’")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if any(c.isupper() for c in word[1:]):
        return False  # a brand's verb, not a thing: "Priya FaceTimes her mom"
    return not (is_given_name(word) or is_surname(word) or is_title(word))


# A lower-case word after a name, and the word after it (the sixtieth blind look's orchard:
# "Fennell apples and Holloway apples go down it together").
_NOUN_AFTER = rx.compile(r"[ \t]+([a-z][a-z'’-]+)\b")
_NOT_NOUNS = word_set(
    """and or but nor as at in on to by of for from with into onto than then too also still
    just now all both never always not is are was were has had does did will would can could
    may might must shall should who whom which that"""
)


def _qualifies(low: str, original: str, start: int, end: int) -> bool:
    """Whether a family name stands before the noun it qualifies, a thing of theirs or named
    for them, not the person: after "the" ("the Holloway orchard", "the Fennell boys"; a
    surname or a first name, which no one calls a person with an article), or twice over
    before the same noun ("Fennell apples and Holloway apples")."""
    name = original[start:end]
    noun = _NOUN_AFTER.match(original, end)
    if noun is None or noun.group(1) in _NOT_NOUNS or " " in name:
        return False
    if _THE_BEFORE.search(low, 0, start) and (is_surname(name) or is_given_name(name)):
        return name.upper() not in position_words()  # "the Doctor", "the Captain": a title
    # Twice: the pair then its verb ("... apples go down"), not two people doing one thing
    # ("Mara waits and Cole waits.", "Mara nods and Cole nods back").
    word = noun.group(1)
    first = _PAIR_BEFORE.search(original, 0, start)
    if first is not None and first.group(1) == word:
        return _verb_after(original, noun.end())
    again = _PAIR_AFTER.match(original, noun.end())
    return again is not None and again.group(1) == word and _verb_after(original, again.end())


# The same noun after another name, before "and" or after it (``_qualifies``); static, for
# they are tried at most names of an action line.
_PAIR_BEFORE = rx.compile(r"\b[A-Z][\w'’-]+\s+([a-z][a-z'’-]+)\s+(?:and|or)\s+$")
_PAIR_AFTER = rx.compile(r"\s+(?:and|or)\s+[A-Z][\w'’-]+\s+([a-z][a-z'’-]+)\b")


_PARTICLES = word_set("back up down out off away again too together here there")


def _verb_after(original: str, at: int) -> bool:
    nxt = _NOUN_AFTER.match(original, at)
    if nxt is None:
        return False
    w = nxt.group(1)
    return w not in _NOT_NOUNS and w not in _PARTICLES and not w.endswith("ly")


def _named_after(name: str) -> bool:
    """Whether a name after "the" is a thing named for a person: a first name and a surname
    ("the Tom Treloar", "the Marta Quill"), which no one calls a person with an article; a
    title is not ("the Duke of York", "the Doctor")."""
    words = name.split()
    return (
        len(words) >= 2
        and is_given_name(words[0])
        and words[0].upper() not in position_words()  # KING, PRINCESS are first names too
        and words[1][:1].isupper()
        and words[1].lower() != "of"
    )


# What a place's "where" clause says happened to someone there ("where Cole died", "the spot
# where Tobias fell"), or was to be there ("the back door where Baraka's face was going to be",
# the fortieth blind look's matatu: his portrait, never painted).
WHERE_PAST = rx.compile(
    r"^['’]s\s+[a-z]+\s+(?:(?:was|were)\s+(?:going|meant|supposed)\s+to\s+be|would\s+(?:have\s+)?"
    r"be(?:en)?|used\s+to\s+be|had\s+been)\b|"
    r"^(?:'s|’s)?\s+(?:had|once|used|last|would|died|fell|was|were|lay|perished|drowned|bled|"
    r"stood|sat|slept|lived|worked|hid|vanished|disappeared|went|got|breathed|kissed|proposed|"
    r"buried|met|made|left|crashed|jumped|waited|prayed|is\s+buried|kept|moored|docked|parked|"
    r"stored|lost|found|grew|played|taught|built|owned|rented|stayed|spent|courted|married|"
    # any other past act there: "the maidan where Karnik bowled his first ball and Dattu
    # Pawar hit it over the sightscreen" (the thirty-first blind look)
    r"hit|ran|threw|won|sang|fought|shot|caught|wrote|spoke|saw|took|gave|rode|drove|flew|"
    r"broke|began|swam|[a-z]{2,}ed)\b|"
    # where the dead lie now: "the hill with the cemetery on it, where Vito lies" (the
    # forty-fourth blind look), "where Cole rests in peace"; not "the bed where Mara lies asleep"
    r"^\s+(?:lies|rests)(?:\s*(?:[.,;:!?]|$)|\s+(?:buried|at\s+rest|in\s+(?:peace|state)))"
)
