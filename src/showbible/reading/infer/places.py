"""Places named in a sentence, with where they stand: the bible's places by any name, the
scene's own place ("the building", "it", the head noun of its heading), and other named
locations ("the Harrow Street warehouse", "the Sable Queen"), keyed like an unknown heading
location (``~`` and its folded text) so that a later scene set there is recognised."""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from showbible.quick import rx
from showbible.reading.facts import SceneFacts
from showbible.reading.infer.clauses import words, wordset
from showbible.universe.bible import BibleConf

# Head nouns of places, buildings and vessels: the words that make "the X Y" a location.
PLACE_NOUNS = wordset(
    """abbey apartment arcade armoury arsenal asylum bakery bank barn barracks base bastion
    boat boathouse brewery bridge brig bunker cabin camp castle cathedral cellar chapel church
    dungeon gaol jail
    cinema citadel clinic cloister college convent cottage crypt dam depot distillery dock docks
    dockyard embassy estate factory farm farmhouse ferry fort fortress forge foundry garage
    granary hall hangar harbour harbor hospital hotel house hut inn keep kitchen lab laboratory
    library lighthouse lodge manor market mill mine monastery museum observatory office outpost
    palace pavilion pier plant precinct prison pub rectory refinery school ship shop shed shrine
    silo smithy stable stables station store studio synagogue tavern temple terminal theatre
    theater tower town tunnel vessel village villa warehouse wharf workshop yacht"""
)
_GENERIC = frozenset({"building", "place", "whole place", "structure", "it", "everything"})
_AUX = wordset(
    "is was has had have are were be been all then finally slowly quickly suddenly itself "
    "already at last soon now whole entire"
)
_ARTICLE = frozenset({"the", "a", "an"})
_PREPOSITIONS = wordset(
    "in into on onto at behind before after near by beside under over above below across "
    "through toward towards to from with without of off out inside outside around"
)


def _word(c: str) -> bool:
    """An ASCII character of a word, as the regex ``\\w`` has it."""
    return c.isalnum() or c == "_"


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s'-]", " ", text.lower()).split())


def place_key(facts: SceneFacts) -> str | None:
    """The key of the scene's place as the components write it in their facts: the bible place,
    else ``~`` and its heading's location, lower-cased (None: a heading with no location)."""
    if facts.place:
        return facts.place
    return "~" + " ".join(facts.location.lower().split()) if fold(facts.location) else None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    key: str  # bible place id, or ~folded name
    start: int
    end: int
    possessive: bool
    # False for an "it" that nothing before it names: the scene's own place is then a guess
    # ("Cole lights the fuse. It burns." is the fuse).
    sure: bool = True


class PlaceNames:
    """Finds the bible's places named in a sentence: one Aho-Corasick automaton for all their
    names, giving what one regex of them all, longest first, case ignored, between word
    boundaries, would (that regex, kept for text or names beyond ASCII, where lower case and
    the regex's ignoring of case may differ, grew with the number of places: 3.6% of a cold
    build at 500 synthetic episodes with 226 places)."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self._owner = {n.lower(): pid for pid, ns in names.items() for n in ns if n.strip()}
        alternatives = sorted(self._owner, key=len, reverse=True)
        self._alternatives = alternatives
        # Compiled when first needed (text beyond ASCII): the automaton answers the rest, and
        # compiling an alternation of every place's name cost a one-shot check 16 ms (226 places).
        self._compiled: re.Pattern[str] | None = None
        self._auto: ahocorasick.Automaton | None = None
        if alternatives and all(n.isascii() for n in alternatives):
            self._auto = ahocorasick.Automaton()
            for name in alternatives:
                self._auto.add_word(name, name)
            self._auto.make_automaton()

    @property
    def _regex(self) -> re.Pattern[str] | None:
        if self._compiled is None and self._alternatives:
            alternation = "|".join(map(re.escape, self._alternatives))
            self._compiled = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I)
        return self._compiled

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        if not self._alternatives:
            return []
        if self._auto is None or not text.isascii():
            return self.regex_spans(text)
        low = text.lower()
        last = len(low) - 1
        hits = []
        for end, name in self._auto.iter(low):
            start = end - len(name) + 1
            if (start > 0 and _word(low[start - 1])) or (end < last and _word(low[end + 1])):
                continue
            hits.append((start, -len(name), name))
        # The regex's order: leftmost first, the longest name there, none overlapping.
        hits.sort()
        out: list[tuple[str, int, int]] = []
        reached = 0
        for start, minus, name in hits:
            if start >= reached:
                reached = start - minus
                out.append((self._owner[name], start, reached))
        return out

    def regex_spans(self, text: str) -> list[tuple[str, int, int]]:
        """``spans`` by the one regex (its definition, and the way for text beyond ASCII)."""
        regex = self._regex
        if regex is None:
            return []
        return [(self._owner[m.group(0).lower()], m.start(), m.end())
                for m in regex.finditer(text)]  # fmt: skip

    def find(self, text: str) -> list[str]:
        return list(dict.fromkeys(pid for pid, _s, _e in self.spans(text)))


def place_names(bible: BibleConf) -> PlaceNames:
    """The finder for every name and alias of the bible's places."""
    names: dict[str, list[str]] = {}
    for pid, place in bible.places.items():
        names[pid] = [*place.aliases, *([place.name] if place.name else [])]
    return PlaceNames(names)


def place_before(
    text: str,
    pos: int,
    bible: list[tuple[str, int, int]],
    scene_key: str | None,
    location_words: frozenset[str],
    previous: list[str] | None = None,
) -> PlaceMention | None:
    """The place that is the subject of a predicate at ``pos``, if any. ``previous``: the
    places the sentence before names (``places_in``), which a subject "it" points back to."""
    it = _subject_it(text, pos)
    if it is None:
        return _place_before(text, pos, bible, scene_key, location_words)
    start, end = it
    # What the sentence names before "it" comes first ("hits the shelf with a hammer and it
    # collapses"), then the sentence before.
    here = places_in(text[:start], [b for b in bible if b[2] <= start], scene_key, location_words)
    named = list(dict.fromkeys(here or previous or ()))
    if THING in named:
        return None  # "Cole lights the fuse. It burns.": the fuse
    if len(named) == 1:
        # "They row past the Harrow Street warehouse. It goes up in flames."
        return PlaceMention(named[0], start, end, False)
    if named or scene_key is None:
        return None  # two places before it: which one burns is anyone's guess
    # Nothing before it names a place: the scene's own place is likely, not sure.
    return PlaceMention(scene_key, start, end, False, sure=False)


def _subject_it(text: str, pos: int) -> tuple[int, int] | None:
    """Where the subject "it" of a predicate at ``pos`` is, if that is its subject."""
    ws = list(_WORDS.finditer(text[:pos]))
    k = len(ws)
    while k and ws[k - 1].group(0).lower() in _AUX:
        k -= 1
    if not k or ws[k - 1].group(0).lower() != "it":
        return None
    return ws[k - 1].start(), ws[k - 1].end()


def places_in(
    text: str,
    bible: list[tuple[str, int, int]],
    scene_key: str | None,
    location_words: frozenset[str],
) -> list[str]:
    """What a later "it" may point back to in a sentence, in order: the places it names (the
    bible's, the scene's own -- "the building", the heading's head noun -- and named locations,
    "the Harrow Street warehouse"; a noun that only qualifies the next one, "the boathouse
    door", "the lighthouse keeper", or owns it names none), and ``THING`` for each other
    singular thing it names ("the letter", "a fuse": then "it" may be that). The subject and
    objects come first: what a preposition governs ("from the cliff", "on the stove") only
    when they name nothing ("Mara rows past the Harrow Street warehouse")."""
    ws = list(_WORDS.finditer(text))
    core: list[str] = []
    oblique: list[str] = []

    def add(key: str, start: int) -> None:
        before = [w for w in ws if w.end() <= start]
        k = len(before)
        while k and before[k - 1].group(0).lower() in _ARTICLE | _DETERMINERS:
            k -= 1
        governed = bool(k) and before[k - 1].group(0).lower() in _PREPOSITIONS
        (oblique if governed else core).append(key)

    for pid, s, e in bible:
        nxt = _WORDS.match(text, e + 1) if text[e : e + 1] == " " else None
        after = nxt.group(0) if nxt is not None else ""
        if after[:1].islower() and after.lower() not in _PREPOSITIONS | _AUX | _JOINING:
            continue  # "the lighthouse keeper"
        add(pid, s)
    for i, w in enumerate(ws):
        low = w.group(0).lower()
        if low in _DETERMINERS and _thing(ws, i, bible, location_words):
            add(THING, w.start())
        if low not in PLACE_NOUNS and low not in location_words and low not in _GENERIC:
            continue
        if low == "it" or text[w.end() : w.end() + 2].lower() in ("'s", "’s"):
            continue
        after = ws[i + 1].group(0).lower() if i + 1 < len(ws) else ""
        gap = text[w.end() : ws[i + 1].start()] if i + 1 < len(ws) else ""
        if after and not gap.strip() and after not in _PREPOSITIONS | _AUX | _JOINING:
            continue  # "the boathouse door", "the chapel bell"
        if any(s <= w.start() < e for _p, s, e in bible):
            continue
        found = _noun_phrase(text, ws[: i + 1], scene_key, location_words)
        if found is not None:
            add(found.key, found.start)
    return core or oblique


_WORDS = rx.compile(r"[A-Za-z][A-Za-z'’-]*")
_JOINING = wordset("and or as while where which that when until")
THING = ""  # in ``places_in``: a thing that is not a place
_DETERMINERS = wordset("the a an his her its their my your our this that")
# Heads that "it" does not point back to: times, and the places' parts are no things either
# way ("at dusk", "the end of the pier").
_NOT_THINGS = wordset(
    """dusk dawn night morning evening afternoon day noon midnight moment time end edge rest
    middle top bottom side way distance dark darkness light sky water sea air wind rain"""
)


def _thing(
    ws: list[re.Match[str]],
    i: int,
    bible: list[tuple[str, int, int]],
    location_words: frozenset[str],
) -> bool:
    """Whether the noun phrase a determiner at ``ws[i]`` begins (its next three words, up to a
    preposition or joining word) names a thing, not a place or a time: none of its words is a
    place's, and its first is no plural ("they") or time ("at dusk")."""
    phrase: list[re.Match[str]] = []
    for w in ws[i + 1 : i + 4]:
        low = w.group(0).lower()
        if low in _PREPOSITIONS or low in _AUX or low in _JOINING or low in _DETERMINERS:
            break
        phrase.append(w)
        if w.string[w.end() : w.end() + 1] in ".,;:!?":
            break
    if not phrase:
        return False
    for w in phrase:
        low = w.group(0).lower()
        if low in PLACE_NOUNS or low in location_words or low in _GENERIC:
            return False
        if any(s <= w.start() < e for _p, s, e in bible):
            return False
    first = phrase[0].group(0).lower()
    if first in _NOT_THINGS:
        return False
    return not (first.endswith("s") and not first.endswith(("ss", "us")))  # plurals are "they"


def _place_before(
    text: str,
    pos: int,
    bible: list[tuple[str, int, int]],
    scene_key: str | None,
    location_words: frozenset[str],
) -> PlaceMention | None:
    ws = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*", text[:pos]))
    k = len(ws)
    while k and ws[k - 1].group(0).lower() in _AUX:
        k -= 1
    if not k:
        return None
    end = ws[k - 1].end()
    for pid, s, e in bible:
        if e == end or (e <= end and not text[e:end].strip(" ,")):
            return PlaceMention(pid, s, e, text[e : e + 2].lower() in ("'s", "’s"))
    if text[end : end + 2].lower() in ("'s", "’s"):
        return None
    return _noun_phrase(text, ws[:k], scene_key, location_words)


def place_after(
    text: str,
    pos: int,
    bible: list[tuple[str, int, int]],
    scene_key: str | None,
    location_words: frozenset[str],
) -> PlaceMention | None:
    """The place that is the object of a transitive predicate ending at ``pos``."""
    for pid, s, e in bible:
        gap = words(text[pos:s])
        if s >= pos and len(gap) <= 1 and not (set(gap) & _PREPOSITIONS):
            return PlaceMention(pid, s, e, text[e : e + 2].lower() in ("'s", "’s"))
    ws = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*", text[pos:]))
    if not ws or ws[0].group(0).lower() not in _ARTICLE | {"it"}:
        return None
    if ws[0].group(0).lower() == "it":
        return None  # "tears it": the thing in hand more often than the place
    phrase = []
    for w in ws[1:5]:
        low = w.group(0).lower()
        if low in _PREPOSITIONS or low in _AUX or low in _ARTICLE:
            break  # the object ends where a preposition or verb begins
        phrase.append(w)
    if not phrase:
        return None
    mention = _noun_phrase(text[pos:], [ws[0], *phrase], scene_key, location_words)
    if mention is None:
        return None
    return PlaceMention(mention.key, mention.start + pos, mention.end + pos, mention.possessive)


_NEXT_WORD = rx.compile(r"\W*[A-Za-z'’-]+")


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether the clause from a noun phrase (``start``, ``end``) to the word after it is
    written in capitals (a beat: "THE WALL BEHIND HER EXPLODES", "A SECTION OF WALL
    COLLAPSES"), where capitals say nothing of names ("the KESTREL MAID sinks" is a name)."""
    after = _NEXT_WORD.match(text, end)
    clause = text[start : after.end() if after else end]
    letters = [c for c in clause if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _noun_phrase(
    text: str, ws: list[re.Match[str]], scene_key: str | None, location_words: frozenset[str]
) -> PlaceMention | None:
    """ "the Harrow Street warehouse" or "the building" just before a predicate."""
    phrase: list[re.Match[str]] = []
    for w in reversed(ws[-5:]):
        low = w.group(0).lower()
        if low in _ARTICLE:
            break
        phrase.insert(0, w)
    if not phrase:
        return None
    head = phrase[-1].group(0).lower()
    start, end = phrase[0].start(), phrase[-1].end()
    text_words = [w.group(0) for w in phrase]
    joined = " ".join(t.lower() for t in text_words)
    before = ws[len(ws) - len(phrase) - 1].group(0).lower() if len(ws) > len(phrase) else ""
    if joined in _GENERIC or (head == "place" and before in _ARTICLE):
        return PlaceMention(scene_key, start, end, False) if scene_key else None
    if head in location_words and scene_key:
        return PlaceMention(scene_key, start, end, False)
    # Capitals say "a name" only where the sentence is not all capitals: "THE WALL BEHIND HER
    # EXPLODES" and "A SECTION OF WALL COLLAPSES" name no place.
    capitals = all(t[:1].isupper() for t in text_words) and not _shouted(text, start, end)
    proper = capitals and before in _ARTICLE
    if head in PLACE_NOUNS or proper:
        if not (before in _ARTICLE or proper or capitals):
            return None
        return PlaceMention("~" + fold(" ".join(text_words)), start, end, False)
    return None
