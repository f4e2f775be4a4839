"""What an episode's extraction produced, serialised for the store's extraction cache.

Extraction (presence, references, sentences, speeches) is the costliest step of a build, and
an episode's result only changes when its file, the bible, the cast or its series' cues change
(``pipeline`` keys the cache on exactly those). JSON and zlib, for the reason serial.py gives:
in team mode the store is shared, and unpickling shared data runs code.

An entry is five compressed documents: the scenes' facts (who is there, annotations, inferred
facts...), their extras (cue labels as written, speech counts, tells), their leads (who is named
first in each action sentence), their speeches and their action sentences. The words are two
thirds of the decoding (0.60 of 0.92 CPU s at 500 synthetic episodes) and half of the decoded
canon (70 of 147 MB traced). They stay compressed
until a scene of the episode is read (``CachedScene``): a one-shot check folds the whole canon
but re-reads the words of only the scenes an edit reaches. The extras are a third of what is
left (3.8 of 11.5 MB of JSON at 500 synthetic episodes) and a one-shot check reads them for the
edited episodes only (the cast and the totals come from the store): kept compressed the same way.
The leads apart from them: the ``capability`` rule asks every scene for them when the canon
holds an inferred incapacity, and decoding every episode's extras for that was a seventh of a
one-shot check of Friends + The Office (format 7).
"""

from __future__ import annotations

import contextlib
import dataclasses
import struct
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from sys import intern
from typing import Any

import orjson

from showbible.reading.annotations import Annotation, AnnotationProblem
from showbible.reading.facts import Inferred, Presence, SceneFacts, Sentence, Speech, Tell
from showbible.reading.groups import grouped
from showbible.universe.storytime import StoryTime

# 8: speeches' asides; 7: leads apart; 6: extras apart; 5: speeches apart from sentences; 4: words
# apart...
FORMAT = 9
# Before the five documents (facts, extras, leads, speeches, sentences): the lengths of the first
# four and the CRC-32 of the last four, so that damaged extras or words are a cache miss at load,
# like damaged facts, not an error when first read.
_HEAD = struct.Struct(">IIIII")


def _scene(s: SceneFacts) -> list[Any]:
    return [
        s.number,
        s.heading,
        s.line,
        s.end_line,
        s.place,
        s.location,
        [s.story.kind, list(s.story.parts), s.story.text] if s.story is not None else None,
        s.flashback,
        [[c, p.line, p.how, p.identity, *(() if p.shown else (0,))] for c, p in s.present.items()],
        list(s.referenced.items()),
        list(s.voices.items()),
        [[a.verb, a.args, a.line] for a in s.annotations],
        [[p.line, p.message] for p in s.problems],
        [i.row() for i in s.inferred] if s.inferred is not None else None,
        grouped(s),
    ]


def _extras(s: SceneFacts) -> list[Any]:
    return [{c: dict(n) for c, n in s.labels.items()}, dict(s.speeches), s.tells]


def _speeches(s: SceneFacts) -> list[Any]:
    return [
        [d.character, d.cue_line, d.line, d.text, d.identity, d.voice, d.names, d.aside]
        for d in s.dialogue
    ]


def _sentences(s: SceneFacts) -> list[Any]:
    return [[t.line, t.text, t.names, t.starts] for t in s.sentences]


def dump_facts(series: str, episode: str, file: str, scenes: list[SceneFacts]) -> bytes:
    doc = {"v": FORMAT, "s": series, "e": episode, "f": file, "scenes": [_scene(s) for s in scenes]}
    parts = [
        # orjson: the workers encode every episode, five times faster than the json module's
        # encoder (0.28 -> 0.05 CPU s for 500 synthetic episodes). Read back by orjson too:
        # with the collector paused, as builds and one-shots read, a third less than json.loads
        # (the five parts of 500 synthetic episodes 0.23 -> 0.15 CPU s), the same values.
        zlib.compress(orjson.dumps(rows, option=orjson.OPT_NON_STR_KEYS), 1)
        for rows in (
            doc,
            [_extras(s) for s in scenes],
            [s.action_leads() for s in scenes],
            [_speeches(s) for s in scenes],
            [_sentences(s) for s in scenes],
        )
    ]
    facts, extras, leads, speeches, sentences = parts
    rest = extras + leads + speeches + sentences
    head = _HEAD.pack(len(facts), len(extras), len(leads), len(speeches), zlib.crc32(rest))
    return head + facts + rest


def _counter(counts: dict[str, int]) -> Counter[str]:
    """``Counter(counts)`` without its checks of the argument: 180,000 of them decode the cache
    of 500 synthetic episodes, and they took it from 0.80 to 0.86 CPU s (one process, gc off)."""
    # Nor its __init__, which is Python: 0.34 -> 0.32 CPU s for 500 episodes' facts.
    out: Counter[str] = Counter.__new__(Counter)
    dict.update(out, counts)
    return out


# JSON makes a new object for every string and number it decodes. The character ids, how each
# is present, and the line numbers repeat across hundreds of thousands of speeches and lines,
# and a build holds every scene at once: shared (interned strings, one int per line number,
# which recur from one episode to the next), the scenes of 5,000 synthetic episodes take a
# fifth less memory. A few thousand line numbers at most stay here for the process's life.
_NUMBERS: dict[int, int] = {}


# The slots a cached scene's words live in: unset while they are compressed. The speeches and
# the action sentences are compressed apart: most passes over a canon read only one of them.
_DIALOGUE: Any = SceneFacts.__dict__["dialogue"]
_SENTENCES: Any = SceneFacts.__dict__["sentences"]
_SLOTS = (_DIALOGUE, _SENTENCES)
# The slots of the extras (part 2 of an entry, in the order ``_extras`` writes them) and of the
# leads (part 3), each with its part.
_EXTRA_NAMES = ("labels", "speeches", "tells", "leads")
_EXTRAS: tuple[Any, ...] = tuple(SceneFacts.__dict__[n] for n in _EXTRA_NAMES)
_EXTRAS_PART, _LEADS_PART = 2, 3
_PART_OF = (_EXTRAS_PART, _EXTRAS_PART, _EXTRAS_PART, _LEADS_PART)


class _Words:
    """One episode's speeches, sentences and extras, each compressed; decoded into its scenes
    when the first of them is read. Speeches and sentences are given back to compressed form
    when more than ``keep_words`` allows are decoded; the extras, small, stay once decoded."""

    __slots__ = ("blobs", "scenes")

    def __init__(
        self,
        blobs: tuple[memoryview, memoryview, memoryview, memoryview],
        scenes: list[CachedScene],
    ) -> None:
        self.blobs = blobs
        self.scenes = dict(enumerate(scenes))  # by position in the entry; an owned one leaves

    def decode(self, part: int) -> None:
        """Decode the speeches (``part`` 0), the sentences (1), the extras (2) or the leads (3)
        into the scenes."""
        rows = orjson.loads(zlib.decompress(self.blobs[part]))
        if part == _EXTRAS_PART:
            self._extras(rows)
            return
        if part == _LEADS_PART:
            leads = _EXTRAS[3]
            for n, scene in self.scenes.items():
                leads.__set__(scene, tuple(map(intern, rows[n])))
            return
        num = _NUMBERS.setdefault
        slot = _SLOTS[part]
        # Only speeches are pinned: most passes read them, one pass reads the sentences.
        if _KEPT.limit is not None and not (part == 0 and _KEPT.pin(len(self.blobs[part]))):
            # Words decoded for a while only: sharing their strings and numbers would save no
            # memory and cost a sixth of the decoding, which a windowed build does on each pass.
            for n, scene in self.scenes.items():
                if part == 0:
                    slot.__set__(
                        scene,
                        [
                            Speech(c, cl, ln, t, i, v, tuple(w), x)
                            for c, cl, ln, t, i, v, w, x in rows[n]
                        ],
                    )
                else:
                    slot.__set__(
                        scene, [Sentence(r[0], r[1], tuple(r[2]), tuple(r[3])) for r in rows[n]]
                    )
            self._keep(part)
            return
        for n, scene in self.scenes.items():
            if part == 0:
                slot.__set__(
                    scene,
                    [
                        Speech(
                            intern(c),
                            num(cl, cl),
                            num(ln, ln),
                            t,
                            ident and intern(ident),
                            voice,
                            tuple(map(intern, names)),
                            aside and intern(aside),
                        )
                        for c, cl, ln, t, ident, voice, names, aside in rows[n]
                    ],
                )
            else:
                slot.__set__(
                    scene,
                    [
                        Sentence(num(ln, ln), t, tuple(map(intern, names)), tuple(starts))
                        for ln, t, names, starts in rows[n]
                    ],
                )

    def _extras(self, rows: list[list[Any]]) -> None:
        labels, speeches, tells, _leads = _EXTRAS
        for n, scene in self.scenes.items():
            lab, said, told = rows[n]
            labels.__set__(scene, {c: _counter(k) for c, k in lab.items()})
            speeches.__set__(scene, _counter(said))
            tells.__set__(
                scene, [(k, sid, o, w) for k, sid, o, w in told] if told is not None else None
            )

    def _keep(self, part: int) -> None:
        with _KEPT.lock:  # a web server's requests read scenes beside a build
            if _KEPT.limit is not None:
                _KEPT.decoded[(self, part)] = None
                while _KEPT.limit is not None and len(_KEPT.decoded) > _KEPT.limit:
                    oldest, its = next(iter(_KEPT.decoded))
                    del _KEPT.decoded[(oldest, its)]
                    oldest.forget(its)

    def forget(self, part: int) -> None:
        """Back to compressed: the decoded words go (a caller still holding a list keeps it)."""
        slot = _SLOTS[part]
        # try/except, not contextlib.suppress: a windowed build forgets each scene's words once
        # per pass (1.7 million times at 5,000 synthetic episodes), and a context manager per
        # scene cost more than the deleting.
        for scene in self.scenes.values():
            try:  # noqa: SIM105
                slot.__delete__(scene)
            except AttributeError:  # not decoded since
                pass


class _Kept:
    """How many episodes' speeches or sentences stay decoded at once (None: all), and which,
    oldest first; and how many compressed bytes of words may still be decoded for good.

    The passes over a canon read its scenes in release order, one pass after another, and a
    window smaller than the canon keeps none of them from one pass to the next: every pass
    decoded every episode's speeches again (a third of the parent's CPU at 5,000 synthetic
    episodes, over about ten passes). The words decoded first while ``pinned`` lasts are kept (and
    shared, as a canon held whole shares them): the first episodes of every later pass are
    then read from memory, as many as the memory the caller allows."""

    def __init__(self) -> None:
        self.limit: int | None = None
        self.decoded: dict[tuple[_Words, int], None] = {}
        self.lock = threading.Lock()
        self.pinned = 0  # compressed bytes of words that may still be decoded for good

    def pin(self, size: int) -> bool:
        """Whether words of ``size`` compressed bytes are decoded for good (and counted)."""
        with self.lock:
            if size > self.pinned:
                return False
            self.pinned -= size
            return True


_KEPT = _Kept()


@contextlib.contextmanager
def keep_words(limit: int | None, pinned: int = 0) -> Iterator[None]:
    """Within the block, at most ``limit`` episodes' words (speeches, sentences) are decoded at
    once, besides the first ones decoded while their compressed bytes add up to ``pinned``,
    which stay decoded; the rest stay compressed until read again. For a canon too large to
    hold decoded: its words are half of its memory, and the passes over it read the scenes in
    order, so each episode outside the pinned ones is decoded about once per pass."""
    before = _KEPT.limit, _KEPT.pinned
    _KEPT.limit, _KEPT.pinned = limit, pinned if limit is not None else 0
    try:
        yield
    finally:
        with _KEPT.lock:
            _KEPT.limit, _KEPT.pinned = before
            if limit is not None:
                _KEPT.decoded.clear()  # the words decoded in the block stay with their scenes


def decode_now(scenes: list[SceneFacts]) -> None:
    """Decode an episode's words and extras now, unless a window keeps few decoded
    (``keep_words``). For a build's parent, as each worker's episode arrives: it waits for the
    workers there, and every pass after the extraction (the linking first) would decode them
    anyway, one after another on the build's critical path; so would the forks beside it
    (the meetings' for the stage times), each again, where they now share the parent's."""
    if _KEPT.limit is not None or not scenes:
        return
    first = scenes[0]
    if isinstance(first, CachedScene) and first.source is not None:
        first._words(0), first._words(1), first._extra(0), first._extra(3)


_FIELDS = [f.name for f in dataclasses.fields(SceneFacts)]


class CachedScene(SceneFacts):
    """A scene read from the cache. Its speeches and sentences are decoded on first read; set,
    they are the scene's own (an extraction or a patch replacing them) and never forgotten."""

    __slots__ = ("source",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.source: _Words | None = None
        super().__init__(*args, **kwargs)

    def __eq__(self, other: object) -> bool:
        # The same scene whether decoded from the cache or just extracted.
        if not isinstance(other, SceneFacts):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in _FIELDS)

    __hash__ = None  # type: ignore[assignment]  # mutable, like SceneFacts

    def __getstate__(self) -> dict[str, Any]:
        # A copy or a pickle holds its own words, not its episode's compressed ones: it is no
        # scene of that episode's, which decodes into its own scenes only.
        return {f: getattr(self, f) for f in _FIELDS}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.source = None
        for name, value in state.items():
            setattr(self, name, value)

    def _extra(self, index: int) -> Any:
        return self._decoded(_EXTRAS[index], _PART_OF[index])

    def _set_extra(self, index: int, value: Any) -> None:
        self._own()
        _EXTRAS[index].__set__(self, value)

    def decoded(self) -> bool:
        """Whether both the speeches and the sentences are decoded (or the scene's own)."""
        for slot in _SLOTS:
            try:
                slot.__get__(self, SceneFacts)
            except AttributeError:
                return False
        return True

    def _words(self, part: int) -> Any:
        return self._decoded(_SLOTS[part], part)

    def _decoded(self, slot: Any, part: int) -> Any:
        """The slot's value, decoding the episode's ``part`` into its scenes if it is unset."""
        try:
            return slot.__get__(self, SceneFacts)
        except AttributeError:
            assert self.source is not None  # only an attached scene lacks its words or extras
            self.source.decode(part)
            return slot.__get__(self, SceneFacts)

    def _own(self) -> None:
        source = self.source
        if source is not None:
            # All of them, before the scene leaves its episode's words.
            self._words(0), self._words(1), self._extra(0), self._extra(3)
            for n, scene in source.scenes.items():
                if scene is self:
                    del source.scenes[n]
                    break
            self.source = None

    @property
    def dialogue(self) -> list[Speech]:
        words: list[Speech] = self._words(0)
        return words

    @dialogue.setter
    def dialogue(self, value: list[Speech]) -> None:
        self._own()
        _DIALOGUE.__set__(self, value)

    @property
    def sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = self._words(1)
        return sentences

    @sentences.setter
    def sentences(self, value: list[Sentence]) -> None:
        self._own()
        _SENTENCES.__set__(self, value)

    @property
    def labels(self) -> dict[str, Counter[str]]:
        labels: dict[str, Counter[str]] = self._extra(0)
        return labels

    @labels.setter
    def labels(self, value: dict[str, Counter[str]]) -> None:
        self._set_extra(0, value)

    @property
    def speeches(self) -> Counter[str]:
        speeches: Counter[str] = self._extra(1)
        return speeches

    @speeches.setter
    def speeches(self, value: Counter[str]) -> None:
        self._set_extra(1, value)

    @property
    def tells(self) -> list[Tell] | None:
        tells: list[Tell] | None = self._extra(2)
        return tells

    @tells.setter
    def tells(self, value: list[Tell] | None) -> None:
        self._set_extra(2, value)

    @property
    def leads(self) -> tuple[str, ...] | None:
        leads: tuple[str, ...] | None = self._extra(3)
        return leads

    @leads.setter
    def leads(self, value: tuple[str, ...] | None) -> None:
        self._set_extra(3, value)


def load_facts(blob: bytes) -> list[SceneFacts] | None:
    """The cached scenes, or None when the blob is from another format version or damaged."""
    try:
        n, extra, led, said, crc = _HEAD.unpack_from(blob)
        # Views, not copies: the build keeps the entry for the store's write anyway (75 MB of
        # words at 5,000 synthetic episodes).
        rest = memoryview(blob)[_HEAD.size + n :]
        if zlib.crc32(rest) != crc or extra + led + said > len(rest):
            return None
        doc = orjson.loads(zlib.decompress(blob[_HEAD.size : _HEAD.size + n]))
        if not isinstance(doc, dict) or doc.get("v") != FORMAT:
            return None
        series, episode, file = str(doc["s"]), str(doc["e"]), str(doc["f"])
        out: list[CachedScene] = []
        num = _NUMBERS.setdefault
        said_at = extra + led
        words = _Words(
            (
                rest[said_at : said_at + said],
                rest[said_at + said :],
                rest[:extra],
                rest[extra:said_at],
            ),
            out,
        )
        new = CachedScene.__new__
        for r in doc["scenes"]:
            # Made without the dataclass's __init__, which would set empty words and extras
            # through their properties only for them to be taken off again (a sixth of the
            # decoding): those stay unset until read, and the rest is set here.
            facts = new(CachedScene)
            facts.source = words
            facts.series, facts.episode, facts.number, facts.file = series, episode, r[0], file
            facts.heading, facts.line, facts.end_line = r[1], r[2], r[3]
            facts.place, facts.location, facts.flashback = r[4], r[5], r[7]
            facts.story = StoryTime(r[6][0], tuple(r[6][1]), r[6][2]) if r[6] is not None else None
            facts.key = f"{series}:{episode}#{r[0]}"
            facts.present = {
                intern(p[0]): Presence(
                    num(p[1], p[1]), intern(p[2]), p[3] and intern(p[3]), len(p) == 4
                )
                for p in r[8]
            }
            facts.referenced = {intern(c): num(ln, ln) for c, ln in r[9]}
            facts.voices = {intern(c): num(ln, ln) for c, ln in r[10]}
            facts.annotations = [Annotation(v, a, ln) for v, a, ln in r[11]]
            facts.problems = [AnnotationProblem(ln, m) for ln, m in r[12]]
            facts.inferred = [Inferred.from_row(i) for i in r[13]] if r[13] is not None else None
            facts.grouped = bool(r[14])
            out.append(facts)
        words.scenes = dict(enumerate(out))
        return list(out)
    except (zlib.error, struct.error, ValueError, KeyError, TypeError, IndexError):
        return None  # a damaged cache entry is a cache miss, never an error
