"""Learning: who comes to know a secret, and when.

Reads, within a scene: a character reading, finding, seeing or overhearing something (an action
line whose subject reads, studies, finds, opens, overhears or watches), kept as a hint that the
engine matches against the tells of the secrets known at that point. Across scenes
(``spread``), in release order: hearers of a confidence know it from its line; a knower who
says one of its tells teaches everyone present (a reveal to the room); a reading or overhearing
whose sentence holds a tell teaches its subject.

Refuses: a tell said by someone who does not know it (that is the ``premature-knowledge``
finding, not a lesson), a tell in a sentence that is refused for the usual reasons (a question,
a denial), voices that are not there ((V.O.)), and flashbacks and dreams.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import ahocorasick

from showbible.quick import rx
from showbible.reading.facts import Inferred, SceneFacts, Speech
from showbible.reading.infer.base import HIGH, Component, SceneView, Unit, fact, holds, stem_bit
from showbible.reading.infer.clauses import blocked, lead

_LEARN_STEMS = ("read", "stud", "find", "found", "discover", "open", "see", "watch", "overh",
                "eavesdrop", "listen", "deciph", "decod", "notic", "spot")  # fmt: skip
_LEARN_BIT = stem_bit(_LEARN_STEMS)
_LEARN_VERB = rx.compile(
    r"\b(?:reads|read|studies|finds|found|discovers|discovered|opens|sees|watches|overhears|"
    r"overheard|eavesdrops|listens|deciphers|decodes|notices|spots)\b",
    re.I,
)
_LEARN_VERB = lead(_LEARN_VERB)  # the same matches, sooner (``clauses.lead``)


class Learning(Component):
    kind = "learns"
    stems = _LEARN_STEMS

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if unit.kind == "speech" or not unit.named or not holds(unit, _LEARN_BIT):
            return
        m = _LEARN_VERB.search(unit.text)
        if m is None or not unit.ms:
            return
        subject = [x for x in unit.ms if x.start < m.start() and not x.possessive]
        if not subject or blocked(unit.text, m.start(), subject_at=subject[-1].start):
            return
        yield fact("learns", subject[-1].cid, unit, HIGH, m.group(0).lower())


@dataclass
class Secret:
    """A secret the scripts set up: where, its tells and who heard it."""

    id: str
    scene: str
    line: int
    file: str
    sentence: str
    confidence: float
    tells: tuple[str, ...]
    hearers: tuple[str, ...]
    knowers: dict[str, tuple[str, int]] = field(default_factory=dict)  # cid -> (scene, line)
    learned: list[tuple[str, str, int, str]] = field(
        default_factory=list
    )  # (cid, scene, line, how)


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _word(c: str) -> bool:
    """A character of a word, as the regex ``\\w`` has it."""
    return c.isalnum() or c == "_"


class TellFinder:
    """Which of many tells a text holds, in one Aho-Corasick pass over it, as a search of the
    pattern ``(?<!\\w)WORD\\s+WORD...(?!\\w)`` (case ignored) would find them: the tell's words,
    lowercased, one space apart, in the text lowercased with its runs of space made one, with no
    word character either side. Searching every text with every secret's pattern grew as
    secrets times speeches (76 of 79 s of a one-shot check at 500 synthetic episodes), and
    compiling a pattern per tell cost more than the search (0.9 s for 3,300 tells)."""

    def __init__(self, tells: Iterable[str]) -> None:
        self.auto = ahocorasick.Automaton()
        for tell in tells:
            key = _normal(tell)
            if key:
                self.auto.add_word(key, key)
        self.empty = len(self.auto) == 0
        if not self.empty:
            self.auto.make_automaton()

    def __call__(self, text: str) -> set[str]:
        out: set[str] = set()
        if self.empty:
            return out
        low = _normal(text)
        last = len(low) - 1
        for end, key in self.auto.iter(low):
            if key in out:
                continue
            start = end - len(key) + 1
            before = start == 0 or not _word(low[start - 1])
            if before and (end == last or not _word(low[end + 1])):
                out.add(key)
        return out

    def pieces(self, texts: list[str]) -> dict[int, set[str]] | None:
        """What ``self(texts[i])`` gives for each text that holds a tell (by ``i``), in one
        pass over them all: the texts are normalised as one, a separator between them that
        ``_normal`` keeps and no tell holds (NUL), and each tell found is given to the text it
        lies in. Found in a text alone, a tell has no word character beside it there; nor has
        it here, where a space stands between it and the separator. None when a text holds the
        separator itself."""
        out: dict[int, set[str]] = {}
        if self.empty or not texts:
            return out
        raw = _APART.join(texts)
        if raw.count("\0") != len(texts) - 1:
            return None
        low = _normal(raw)
        seps: list[int] = []
        at = low.find("\0")
        while at >= 0:
            seps.append(at)
            at = low.find("\0", at + 1)
        last = len(low) - 1
        for end, key in self.auto.iter(low):
            start = end - len(key) + 1
            before = start == 0 or not _word(low[start - 1])
            if before and (end == last or not _word(low[end + 1])):
                piece = bisect_left(seps, start)
                got = out.get(piece)
                if got is None:
                    got = out[piece] = set()
                got.add(key)
        return out


# Between the texts of ``TellFinder.pieces``: neither a space (``str.split`` keeps it) nor a
# word character, with a line break either side so that no text runs into it.
_APART = "\n\0\n"


def words_of(sc: SceneFacts) -> str:
    """What a scene says and shows, as the searches for tells read it."""
    return "\n".join([d.text for d in sc.dialogue] + [x.text for x in sc.sentences])


class Occurrences:
    """Where tells are said: for each tell (normalised), the positions in release order of the
    scenes whose words hold it. With it ``distinctive`` looks up where each is first said and
    ``spread`` visits only the scenes that say one, instead of reading every scene's words. A
    resident session makes it the first time an edit reaches a secret's tells (relink.py) and
    keeps it, replacing the entries of the scenes each patch replaces: a reword near a tell
    had read every scene twice (1.2 of 1.5 s at 500 synthetic episodes). A build from nothing
    does without: one pass over every scene's words with every tell costs more than the two
    searches it replaces, which stop early or read the speeches only."""

    def __init__(self) -> None:
        self.keys: frozenset[str] = frozenset()  # the tells searched for
        self.at: dict[str, list[int]] = {}
        self.found: dict[int, frozenset[str]] = {}  # the other way round

    def covers(self, keys: Iterable[str]) -> bool:
        return all(k in self.keys for k in keys if k)

    def ensure(self, scenes: list[SceneFacts], keys: Iterable[str]) -> None:
        """Know where each of ``keys`` is said (searching every scene unless already known)."""
        want = frozenset(k for k in keys if k)
        if want <= self.keys:
            return
        finder = TellFinder(want)
        at: dict[str, list[int]] = {}
        found: dict[int, frozenset[str]] = {}
        for i, sc in enumerate(scenes):
            hit = finder(words_of(sc))
            if hit:
                found[i] = frozenset(hit)
                for k in hit:
                    at.setdefault(k, []).append(i)
        self.keys, self.at, self.found = want, at, found

    def replace(self, i: int, hit: Iterable[str], searched: frozenset[str]) -> None:
        """Scene ``i`` is now one whose words hold ``hit`` of the tells ``searched`` (the
        others it might hold are no longer known)."""
        self.keys &= searched
        for k in self.found.pop(i, ()):
            where = self.at.get(k, [])
            j = bisect_left(where, i)
            if j < len(where) and where[j] == i:
                del where[j]
        now = frozenset(hit) & self.keys
        if now:
            self.found[i] = now
            for k in now:
                insort(self.at.setdefault(k, []), i)


def distinctive(
    secrets: list[Secret], scenes: list[SceneFacts], occurs: Occurrences | None = None
) -> None:
    """Keep only the tells that nobody says before their secret is confided: words in common
    use before it show nothing. ``occurs``: where tells are said, when the caller keeps it."""
    if not secrets:
        return
    position = {sc.key: i for i, sc in enumerate(scenes)}
    if occurs is not None and occurs.covers(_normal(t) for s in secrets for t in s.tells):
        for s in secrets:
            at = position.get(s.scene, 0)
            s.tells = tuple(t for t in s.tells if not _said_before(occurs.at.get(_normal(t)), at))
        return
    # Tells alike but for case and spacing have the same exact pattern, so they are searched
    # as one key, each only until the last of its secrets is confided: where it is said after
    # that changes nothing.
    by_key: dict[str, list[str]] = {}
    until: dict[str, int] = {}
    for s in secrets:
        at = position.get(s.scene, 0)
        for t in s.tells:
            key = _normal(t)
            if t not in by_key.setdefault(key, []):
                by_key[key].append(t)
            until[key] = max(until.get(key, 0), at)
    live = {key for key in by_key if key and until[key] > 0}
    ends = sorted((until[key], key) for key in live)
    finder, stale, e = TellFinder(live), 0, 0
    first: dict[str, int] = {}
    for i, sc in enumerate(scenes):
        while e < len(ends) and ends[e][0] <= i:
            if ends[e][1] in live:
                live.discard(ends[e][1])
                stale += 1
            e += 1
        if not live:
            break
        if stale > 16 and stale * 4 > len(live):
            # Found and finished tells dropped from the automaton: common words are found in
            # the first scenes and would otherwise be reported in every scene after them.
            finder, stale = TellFinder(live), 0
        for key in finder(words_of(sc)) & live:
            for t in by_key[key]:
                first[t] = i
            live.discard(key)
            stale += 1
    for s in secrets:
        at = position.get(s.scene, 0)
        s.tells = tuple(t for t in s.tells if first.get(t, at) >= at)


def _said_before(where: list[int] | None, at: int) -> bool:
    return where is not None and len(where) > 0 and where[0] < at


def spread(secrets: list[Secret], scenes: list[SceneFacts], hints: dict[str, list[Inferred]],
           people: Mapping[str, list[str]],
           occurs: Occurrences | None = None) -> None:  # fmt: skip
    """Who learns each secret, scene by scene in release order (see the module's docstring).
    ``hints`` are the Learning facts per scene key; ``people`` who is present per scene key;
    ``occurs``: where tells are said, when the caller keeps it: then only the scenes whose
    words hold a tell are read (a lesson is a tell said in a speech or read in a sentence)."""
    live = [s for s in secrets if s.tells]
    if not live:
        return
    # Which secrets a tell may belong to, in the order of ``live`` (the order of the lessons).
    owners: dict[str, list[int]] = {}
    for k, s in enumerate(live):
        for t in s.tells:
            key = _normal(t)
            if k not in owners.setdefault(key, []):
                owners[key].append(k)
    finder = TellFinder(owners)
    position = {sc.key: i for i, sc in enumerate(scenes)}
    starts = [position.get(s.scene, 0) for s in live]
    for s in live:
        for cid in s.hearers:
            s.knowers.setdefault(cid, (s.scene, s.line))
    visit: Iterable[int] = range(len(scenes))
    if occurs is not None and occurs.covers(owners):
        visit = sorted({i for key in owners for i in occurs.at.get(key, ())})
    for i in visit:
        sc = scenes[i]
        if sc.flashback:
            continue
        scene_hints = hints.get(sc.key, ())
        # One automaton pass over the scene's speeches and hints says which tells each holds:
        # which secrets the scene may hold (only those are searched, exactly as a search of
        # every secret would: each secret's knowers are its own), and speech by speech which of
        # them each says. A scene of thousands of speeches is read once, not once per secret;
        # and not twice (the whole, then each speech of a scene that holds a tell: 0.6 of 0.8
        # CPU s at 500 synthetic episodes, which confide often).
        speeches = [d for d in sc.dialogue if not d.voice]
        texts = [d.text for d in speeches] + [h.sentence for h in scene_hints]
        found = finder.pieces(texts)
        if found is None:  # a text holds the separator: each searched alone, as the same
            found = {j: hit for j, text in enumerate(texts) if (hit := finder(text))}
        candidates = {
            k for hit in found.values() for key in hit for k in owners[key] if starts[k] <= i
        }
        if not candidates:
            continue
        said: dict[int, list[Speech]] = {}
        read: dict[int, list[Inferred]] = {}
        for j in sorted(found):
            secrets_here = {k for key in found[j] for k in owners[key]} & candidates
            if j < len(speeches):
                for k in secrets_here:
                    said.setdefault(k, []).append(speeches[j])
            else:
                for k in secrets_here:
                    read.setdefault(k, []).append(scene_hints[j - len(speeches)])
        here = people.get(sc.key, [])
        for k in sorted(candidates):
            s = live[k]
            for d in said.get(k, ()):
                if d.character not in s.knowers:
                    continue
                if (s.knowers[d.character][0], s.knowers[d.character][1]) == (sc.key, d.line):
                    continue
                if sc.key == s.scene and d.line <= s.line:
                    continue
                for cid in here:
                    if cid not in s.knowers:
                        s.knowers[cid] = (sc.key, d.line)
                        s.learned.append((cid, sc.key, d.line, f"told by {d.character}"))
            for hint in read.get(k, ()):
                if hint.subject not in s.knowers:
                    s.knowers[hint.subject] = (sc.key, hint.line)
                    s.learned.append((hint.subject, sc.key, hint.line, hint.reason))
