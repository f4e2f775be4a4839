"""How a sentence says what it says: the shallow structure every inference component reads.

A fact is inferred only from a sentence that *asserts* it. This module finds, around the words
that state a fact (its predicate), what takes the assertion away: a question, a negation, a modal
or future ("will die", "could have died"), a condition ("if the tide turns"), a wish or a threat
("I want him dead"), an attempt or a purpose ("tries to kill", "raises the gun to kill"), a near
miss ("nearly drowns", "as if he were dead"), hearsay ("they say", "maybe"), an imperative
("Kill him!"), and depictions (dreams, screens, pictures, pretending). These are closed classes
of English function words and framing verbs, not phrases of any one story: they hold for every
kind of fact, which is why the components share them.

Subjects are resolved here too: a name, or a pronoun -- ``I`` is the speaker, ``you`` the one
spoken to, ``he``/``she``/``they`` the character last in focus.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

from showbible.quick import rx
from showbible.quick.frozen import quick_init
from showbible.reading.lexicon import SEXED_WORDS
from showbible.reading.lexicon.given import given_sex


def has_any(low: str, stems: tuple[str, ...]) -> bool:
    """Whether a lower-cased text holds any of the stems: the quick test a component makes
    before its patterns, one pass of an Aho-Corasick automaton (a long regex alternation, or a
    loop over the stems, costs ten times more on the nine plays)."""
    # Looked up by the tuple's identity first: the callers pass module constants, and hashing
    # a tuple of fifty stems on each of a million calls cost a third of the test.
    held = _BY_ID.get(id(stems))
    if held is None or held[0] is not stems:
        held = _BY_ID[id(stems)] = (stems, _automaton(stems))
    for _hit in held[1].iter(low):
        return True
    return False


_BY_ID: dict[int, tuple[tuple[str, ...], ahocorasick.Automaton]] = {}


@functools.cache
def _automaton(stems: tuple[str, ...]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for stem in stems:
        auto.add_word(stem, stem)
    auto.make_automaton()
    return auto


# The lookahead is worked out once per machine (quick/rx.py), the parse it needs being most of
# its cost; named by this file's digest, so that an edit here works it out again.
_LEAD = "lead:" + hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def lead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern with a lookahead of the characters a match can begin with, first: a
    long alternation led by ``\\b`` is tried at every position of the text, the class is
    skipped through quickly (2.7× on a sentence of 100 characters). The matches are the same
    (zero-width and non-capturing; under ``re.I`` a class folds case as a literal does). A
    pattern that can match empty, or begin with a category or a negation, is kept as it is."""
    led = rx.derived(_LEAD, pattern.pattern, pattern.flags, lambda: _led(pattern))
    return pattern if led is None else rx.compile(led, pattern.flags)


def _led(pattern: re.Pattern[str]) -> str | None:
    if pattern.flags & re.VERBOSE or re.match(r"\(\?[a-zA-Z]+\)", pattern.pattern):
        return None  # global inline flags must stay first; a verbose comment would swallow ")"
    first, empty = _starts(_parser.parse(pattern.pattern, pattern.flags))
    if first is None or empty:
        return None  # no telling
    chars = "".join(re.escape(c) for c in sorted(first))
    return f"(?=[{chars}])(?:{pattern.pattern})"


_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)


def _starts(items: Any) -> tuple[set[str] | None, bool]:
    """What a match of a parsed sequence can begin with (None: something not read here), and
    whether it can match empty."""
    out: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # the first character comes after
        if op is _C.LITERAL:
            return out | {chr(av)}, False
        if op is _C.IN:
            got = _class(av)
            return (None, False) if got is None else (out | got, False)
        if op is _C.SUBPATTERN:
            if av[1] or av[2]:
                return None, False  # flags changed inside
            got, empty = _starts(av[3])
        elif op is _C.BRANCH:
            got, empty = set(), False
            for branch in av[1]:
                one, none = _starts(branch)
                if one is None:
                    return None, False
                got |= one
                empty = empty or none
        elif op in _REPEATS:
            got, empty = _starts(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False
        if got is None:
            return None, False
        out |= got
        if not empty:
            return out, False
    return out, True


def _class(items: list[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            out.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] < 64:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # a negation, a category, a wide range
    return out


def wordset(text: str) -> frozenset[str]:
    """A closed class of words, written as one string."""
    return frozenset(text.split())


_WORD = rx.compile(r"[A-Za-z][A-Za-z'’-]*")
# Where a sentence ends: at the space after a stop (and its closing quotes), a dash between
# spaces, a blank line. The stop is matched, not looked behind for, and a lookahead says first
# what a match can begin with: the engine skips through the text instead of trying four
# alternatives, one a lookbehind, at every character (Friends + The Office, 117,800 texts:
# 0.30 -> 0.23 CPU s).
_SENTENCE_END = rx.compile(r"(?=[.!?;\s])(?:[.!?;][\"”’)]*\s+|\s[—–]+\s|\s--\s|\n\s*\n)")
# Its first alternative alone, for a text without a newline or a dash, where no other can
# match: led by a stop, not by a lookahead that stops at every space (most speeches; the
# sentences of 500 synthetic episodes' 199,000 texts 0.50 -> 0.30 CPU s).
_STOP_END = rx.compile(r"[.!?;][\"”’)]*\s+")
_STOPS = frozenset(".!?;")
_CLAUSE_CUT = rx.compile(r"[,;:()—–]|\s--\s|\bbut\b|\bthen\b|\bwhile\b|\bwhere\b|\bwho\b", re.I)

NEGATORS = wordset(
    "not n't never no nobody nothing none neither nor hardly barely scarcely cannot can't "
    "won't don't doesn't didn't isn't wasn't aren't weren't"
)
MODALS = wordset("will 'll would 'd could might may should shall must gonna ought")
CONDITIONS = wordset("if unless whether suppose supposing imagine lest otherwise")
WISHES = wordset(
    "wish wishes wished want wants wanted hope hopes hoped pray prays prayed fear fears "
    "swear swears threaten threatens threatened promise promises vow vows rather"
)
ATTEMPTS = wordset(
    "try tries tried trying attempt attempts attempted fails failed plans planned "
    "plan plans means meant intends intended about"
)
NEAR = wordset("almost nearly practically virtually")
HEARSAY = wordset(
    "say says rumour rumor rumours apparently supposedly allegedly reportedly maybe perhaps "
    "probably possibly presumably think thinks thought believe believes claims claimed "
    "heard hear reckon reckons doubt thinking believing assuming assumes assumed convinced "
    "imagining supposing"
)
DEPICTIONS = wordset(
    "dream dreams dreamt dreamed dreaming nightmare nightmares imagines imagined imagining "
    "vision visions fantasy fantasises fantasizes tv television screen screens footage film "
    "films movie video videos recording photo photograph photographs painting paintings "
    "picture pictures portrait model broadcast pretends pretending pretended fakes faked "
    "faking feigns feigned feigning story hallucination hallucinates visualizes visualises "
    "visualized visualised visualizing visualising envisions envisioned daydreams daydreaming"
)
SIMILE = (
    "as if",
    "as though",
    "like a",
    "like he",
    "like she",
    "like they",
    "looks like",
    "it's like",
    "it is like",
    "like i'm",
    "like you're",
    "like i am",
)
# Whom a third-person pronoun can mean by its sex: "He kills her." is not Aaron's death.
PRONOUN_SEX = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "he's": "m",
    "she": "f", "her": "f", "herself": "f", "she's": "f",
}  # fmt: skip


@functools.lru_cache(maxsize=4096)
def character_sex(cid: str) -> str | None:
    """ "m" or "f" when a character's id says (a title or kin word, else a first name the
    census gives one sex ten times as often as the other), else None: a pronoun may then mean
    them whatever its sex."""
    parts = [p for p in cid.split("--")[0].split("-") if p]
    for w in parts:
        if w in SEXED_WORDS:
            return SEXED_WORDS[w]
    return given_sex(parts[0]) if parts else None


PERSONAL = {
    "i": "speaker", "me": "speaker", "my": "speaker", "i'm": "speaker", "i've": "speaker",
    "i'd": "speaker", "i'll": "speaker", "myself": "speaker",
    "you": "addressee", "your": "addressee", "you're": "addressee", "you've": "addressee",
    "you'll": "addressee", "you'd": "addressee", "yourself": "addressee", "thou": "addressee",
    "thee": "addressee", "thy": "addressee",
    "he": "focus", "him": "focus", "his": "focus", "she": "focus", "her": "focus",
    "he's": "focus", "she's": "focus", "himself": "focus", "herself": "focus",
}  # fmt: skip
# Heading words that put a whole scene outside the story's present.
UNREAL_SCENE = rx.compile(
    r"\b(?:DREAM|DREAMS|NIGHTMARE|FANTASY|VISION|HALLUCINATION|IMAGINED|IMAGINATION|"
    r"ON (?:THE )?(?:TV|SCREEN|MONITOR)|TV SCREEN|FLASH[- ]?FORWARD|PLAY WITHIN)\b",
    re.I,
)


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def sentences(text: str) -> list[tuple[int, str]]:
    """A speech or action text cut into sentences, with their offsets."""
    out: list[tuple[int, str]] = []
    pos = 0
    plain = "\n" not in text and "-" not in text and "—" not in text and "–" not in text
    for m in (_STOP_END if plain else _SENTENCE_END).finditer(text):
        end = m.start()
        if text[end] in _STOPS:
            end += 1  # the stop is its sentence's
        if end > pos:
            out.append((pos, text[pos:end]))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        out.append((pos, text[pos:]))
    return out


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins (after the last comma, semicolon, "but", ...)."""
    start = 0
    for m in _CLAUSE_CUT.finditer(text, 0, pos):
        start = m.end()
    return start


@quick_init
@dataclass(frozen=True, slots=True)
class Mention:
    """A character named (or pronoun resolved) in a sentence."""

    cid: str
    start: int
    end: int
    possessive: bool = False
    pronoun: str = ""  # "speaker", "addressee", "focus" or "" for a name


_LIKE_FRAME = rx.compile(
    r"^\W*(?:it's|it is|it was|it's just|that's|this is) (?:like|as if)\b", re.I
)


def blocked(
    text: str,
    start: int,
    *,
    subject_at: int | None = None,
    negation: bool = True,
    modal: bool = True,
) -> str | None:
    """Why the predicate at ``start`` of this sentence is not asserted, or None.

    Looks at the words before the predicate: in its own clause for negation and modals (from the
    subject on, when known), in the whole sentence for conditions, wishes, attempts, near misses,
    hearsay; and at the whole sentence for questions and depictions.
    """
    stripped = text.rstrip(" \"'”’)")
    if stripped.endswith("?"):
        return "a question"
    low_all = words(text)
    if any(w in DEPICTIONS for w in low_all):
        return "a depiction (dream, screen, picture or pretence)"
    before = words(text[:start])
    if any(s in text[clause_start(text, start) : start].lower() for s in SIMILE):
        return "a simile"
    if _LIKE_FRAME.match(text):
        return "a simile"  # "It's like, all of a sudden, I'm blind."
    if any(w in CONDITIONS for w in before) or (before[:1] == ["without"]):
        return "a condition"
    if before[:1] == ["had"] or before[:2] == ["what", "if"]:
        return "a hypothetical"
    if any(w in WISHES for w in before):
        return "a wish, threat or promise"
    if any(w in ATTEMPTS for w in before):
        return "an attempt or a plan"
    if any(w in NEAR for w in before):
        return "a near miss"
    if any(w in HEARSAY for w in before):
        return "hearsay or a guess"
    if before[-1:] == ["to"]:
        return "a purpose or a plan (to + verb)"
    cstart = clause_start(text, start)
    if subject_at is not None and subject_at < start:
        cstart = min(cstart, subject_at)
    local = words(text[cstart:start])
    if negation and any(w in NEGATORS or w.endswith("n't") for w in local):
        return "negated"
    if modal and (
        any(w in MODALS or w.endswith("'ll") or w.endswith("'d") for w in local)
        or "going to" in " ".join(local)
    ):
        return "a modal or future"
    return None


def imperative(text: str, start: int) -> bool:
    """A command: the predicate opens the sentence in its bare form ("Kill him!")."""
    return not words(text[:start])


@dataclass
class Focus:
    """Who a pronoun means, as a scene goes on: the speaker, the one spoken to, and the
    characters last named (most recent last)."""

    speaker: str | None = None
    addressee: str | None = None
    recent: list[str] = field(default_factory=list)
    victim: str | None = None  # the object of the last harmful act: "Stabs him. He dies."

    def copy(self) -> Focus:
        return Focus(self.speaker, self.addressee, list(self.recent), self.victim)

    def named(self, cid: str) -> bool:
        """Put ``cid`` last in focus; whether that changed anything."""
        if self.recent and self.recent[-1] == cid:
            return False
        if cid in self.recent:
            self.recent.remove(cid)
        self.recent.append(cid)
        return True

    def other(self, *, besides: str | None = None) -> str | None:
        """The character a third-person pronoun most likely means."""
        if self.victim is not None and self.victim != besides:
            return self.victim
        for cid in reversed(self.recent):
            if cid != besides:
                return cid
        return None

    def ambiguous(self) -> bool:
        """Whether a third-person pronoun could mean more than one character."""
        others = {c for c in self.recent if c not in (self.speaker, self.addressee)}
        return len(others) > 1

    def resolve(self, role: str, sex: str | None = None) -> str | None:
        if role == "speaker":
            return self.speaker
        if role == "addressee":
            return self.addressee
        if sex is None:
            return self.other(besides=self.speaker)
        return self.other_of(sex, besides=self.speaker)

    def other_of(self, sex: str, *, besides: str | None = None) -> str | None:
        """``other``, among the characters a pronoun of that sex can mean (a character whose
        sex nothing tells can be meant by either)."""
        if self.victim is not None and self.victim != besides and _agrees(self.victim, sex):
            return self.victim
        for cid in reversed(self.recent):
            if cid != besides and _agrees(cid, sex):
                return cid
        return None


_PRONOUN = rx.compile(
    r"(?<![\w'])("
    + "|".join(sorted(map(re.escape, PERSONAL), key=lambda w: (-len(w), w)))
    + r")(?![\w'])",
    re.I,
)


def mentions(
    text: str,
    named: list[tuple[str, int, int]],
    focus: Focus,
    *,
    pronouns: bool = True,
    among: tuple[str, ...] = (),
) -> list[Mention]:
    """Names (given with their spans) and resolved pronouns of a sentence, in text order.
    ``among``: the people the sentence is about by the script's own markup (a TEI direction's
    ``who``), asked first for a pronoun of a sex ("He kills her." with Aaron and the Nurse)."""
    out = [Mention(cid, s, e, possessive(text, e)) for cid, s, e in named]
    if pronouns:
        taken = [(m.start, m.end) for m in out]
        for m in _PRONOUN.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            said = m.group(1).lower().replace("’", "'")
            role = PERSONAL[said]
            sex = PRONOUN_SEX.get(said)
            cid = _among(among, sex, focus) if role == "focus" else None
            cid = cid or focus.resolve(role, sex)
            if role == "focus":
                # "shove JONAH down the ladder and chain him": the name just before, if any
                earlier = [n for n in out if n.end <= m.start() and not n.pronoun]
                if earlier and earlier[-1].cid != focus.speaker and _agrees(earlier[-1].cid, sex):
                    cid = earlier[-1].cid
            if cid is None:
                continue
            owns = m.group(1).lower() in ("my", "your", "his", "thy") or (
                m.group(1).lower() == "her" and _followed_by_noun(text, m.end())
            )
            out.append(Mention(cid, m.start(), m.end(), owns, role))
    out.sort(key=lambda m: m.start)
    return out


def _among(among: tuple[str, ...], sex: str | None, focus: Focus) -> str | None:
    """Whom a gendered pronoun means among the people a direction is about (TEI ``who``):
    the one of that sex, else the only one whose sex nothing tells ("He kills her." with
    Aaron and the Nurse: Aaron, then the Nurse)."""
    if not among or sex is None:
        return None
    people = [c for c in among if c != focus.speaker]
    known = [c for c in people if character_sex(c) == sex]
    if len(known) == 1:
        return known[0]
    unknown = [c for c in people if character_sex(c) is None]
    return unknown[0] if not known and len(unknown) == 1 else None


def _agrees(cid: str, sex: str | None) -> bool:
    if sex is None:
        return True
    known = character_sex(cid)
    return known is None or known == sex


_IS = wordset(
    "a an the not been got gone dead alive here there in on at with going being no never still "
    "always just so very too all fine ok okay right back up out down off"
)


def possessive(text: str, end: int) -> bool:
    """A name followed by 's that owns something ("Rafi's hand"), not "Rafi's locked up"."""
    if text[end : end + 2].lower() not in ("'s", "’s"):
        return False
    nxt = words(text[end + 2 : end + 30])
    if not nxt:
        return True
    w = nxt[0]
    if w in _IS:
        return False
    return not (len(w) > 4 and w.endswith(("ed", "ing")) and w not in _ED_NOUNS)


_ED_NOUNS = wordset(
    "bedding wedding building ceiling clothing evening morning painting earring stocking "
    "pudding wedding sibling darling feeling meeting"
)


def _followed_by_noun(text: str, end: int) -> bool:
    nxt = words(text[end : end + 20])
    return bool(nxt) and nxt[0] not in _NOT_NOUN


# Words after "her" that make it the object ("bundle her into the car"), not an owner.
_NOT_NOUN = wordset(
    "and to in on at with out up into onto inside off over through from toward towards across "
    "down away back by"
)


# Someone's relative or thing as the subject of a verb of its own, between a mention and the
# predicate: the predicate is theirs, not the mention's.
_OWN_SUBJECT = rx.compile(
    r"\b(?:my|your|his|her|their|our)\s+(?:\w+\s+)?(?:is|was|are|were|has|had|'s|can't|cannot|"
    r"couldn't|can|could|will|won't|still)\b",
    re.I,
)


# A name before a predicate that is not its subject: after a preposition ("the fire behind Finn
# dies down"), or with a noun phrase of the predicate's own between them ("Finn shrivels up as
# the curse dies", "He gets up and checks the door is locked").
_PREPOSITION_BEFORE = rx.compile(
    r"\b(?:behind|beside|near|of|with|at|to|from|on|in|by|for|under|over|above|below|around|"
    r"past|toward|towards|into|onto|against|between|among|like|than)\s+(?:the\s+)?$",
    re.I,
)
_THING_BETWEEN = rx.compile(
    r"[^,;:!?.\"“”]*\b(?:the|a|an|this|that|its)\s+(?:[a-z][\w'-]*\s+){0,2}"
)


def not_its_subject(text: str, subject: Mention, pos: int) -> bool:
    """Whether ``subject`` (what ``subject_before`` found) is no subject of the predicate at
    ``pos`` (see the patterns above)."""
    return bool(
        _PREPOSITION_BEFORE.search(text, 0, subject.start)
        or _THING_BETWEEN.fullmatch(text, subject.end, pos)
    )


def subject_before(ms: list[Mention], pos: int, text: str) -> Mention | None:
    """The subject of a predicate at ``pos``: the last non-possessive mention before it in its
    clause, or the sentence's first mention when the predicate stands after a comma
    ("Rafi slumps against the wheel, dead")."""
    cstart = clause_start(text, pos)
    inside = [m for m in ms if cstart <= m.start < pos and not m.possessive]
    if inside:
        if _OWN_SUBJECT.search(text, inside[-1].end, pos):
            return None  # "You tell me why my kid is 17 and still can't read": the kid can't
        return inside[-1]
    if cstart > 0 and words(text[cstart:pos]) in ([], ["and"], ["then"], ["and", "then"]):
        first = [m for m in ms if m.start < cstart and not m.possessive]
        if first:
            return first[0]
    return None


def object_after(ms: list[Mention], end: int, text: str) -> Mention | None:
    """The object of a transitive predicate ending at ``end``: the first mention after it,
    with at most two words between ("kills Hollis", "shoots young Rafi dead")."""
    for m in ms:
        if m.start >= end:
            gap = words(text[end : m.start])
            if len(gap) <= 2 and not any(w in ("of", "for", "with", "to", "by") for w in gap):
                return m
            return None
    return None
