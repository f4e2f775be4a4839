"""What an episode's extraction produced, serialised for the store's extraction cache.

Extraction (presence, references, sentences, speeches) is the costliest step of a build, and
an episode's result only changes when its file, the bible, the cast or its series' cues change
(``pipeline`` keys the cache on exactly those). JSON and zlib, for the reason serial.py gives:
in team mode the store is shared, and unpickling shared data runs code.

An entry is two compressed documents: the scene's facts (who is there, labels, annotations,
inferred facts...) and its words (speeches and action sentences), which are four fifths of the
decoding and of the memory. The words stay compressed until a scene of the episode is read
(``CachedScene``): a one-shot check folds the whole canon but re-reads the words of only the
scenes an edit reaches.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import struct
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from sys import intern
from typing import Any

from showbible.reading.annotations import Annotation, AnnotationProblem
from showbible.reading.facts import Inferred, Presence, SceneFacts, Sentence, Speech
from showbible.reading.groups import grouped
from showbible.universe.storytime import StoryTime

FORMAT = 4  # 4: words apart from facts (3: inferred facts of every kind, with object, reason...)
# Before the two documents: the compressed facts' length and the compressed words' CRC-32, so
# that damaged words are a cache miss at load, like damaged facts, not an error when first read.
_HEAD = struct.Struct(">II")


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
        [[c, p.line, p.how, p.identity] for c, p in s.present.items()],
        list(s.referenced.items()),
        list(s.voices.items()),
        {c: dict(n) for c, n in s.labels.items()},
        dict(s.speeches),
        [[a.verb, a.args, a.line] for a in s.annotations],
        [[p.line, p.message] for p in s.problems],
        s.tells,
        [i.row() for i in s.inferred] if s.inferred is not None else None,
        grouped(s),
        s.action_leads(),
    ]


def _words(s: SceneFacts) -> list[Any]:
    return [
        [
            [d.character, d.cue_line, d.line, d.text, d.identity, d.voice, d.names]
            for d in s.dialogue
        ],
        [[t.line, t.text, t.names, t.starts] for t in s.sentences],
    ]


def dump_facts(series: str, episode: str, file: str, scenes: list[SceneFacts]) -> bytes:
    doc = {"v": FORMAT, "s": series, "e": episode, "f": file, "scenes": [_scene(s) for s in scenes]}
    facts = zlib.compress(json.dumps(doc, separators=(",", ":")).encode(), 1)
    words = zlib.compress(
        json.dumps([_words(s) for s in scenes], separators=(",", ":")).encode(), 1
    )
    return _HEAD.pack(len(facts), zlib.crc32(words)) + facts + words


def _counter(counts: dict[str, int]) -> Counter[str]:
    """``Counter(counts)`` without its checks of the argument: 180,000 of them decode the cache
    of 500 synthetic episodes, and they took it from 0.80 to 0.86 CPU s (one process, gc off)."""
    out: Counter[str] = Counter()
    dict.update(out, counts)
    return out


# JSON makes a new object for every string and number it decodes. The character ids, how each
# is present, and the line numbers repeat across hundreds of thousands of speeches and lines,
# and a build holds every scene at once: shared (interned strings, one int per line number,
# which recur from one episode to the next), the scenes of 5,000 synthetic episodes take a
# fifth less memory. A few thousand line numbers at most stay here for the process's life.
_NUMBERS: dict[int, int] = {}


# The slots a cached scene's words live in: unset while they are compressed.
_DIALOGUE: Any = SceneFacts.__dict__["dialogue"]
_SENTENCES: Any = SceneFacts.__dict__["sentences"]


class _Words:
    """One episode's speeches and sentences, compressed; decoded into its scenes when the first
    of them is read, and given back to compressed form when more episodes than ``words_kept``
    allows are decoded (see ``keep_words``)."""

    __slots__ = ("blob", "scenes")

    def __init__(self, blob: memoryview, scenes: list[CachedScene]) -> None:
        self.blob = blob
        self.scenes = dict(enumerate(scenes))  # by position in the entry; an owned one leaves

    def decode(self) -> None:
        rows = json.loads(zlib.decompress(self.blob))
        num = _NUMBERS.setdefault
        for n, scene in self.scenes.items():
            dialogue, sentences = rows[n]
            _DIALOGUE.__set__(
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
                    )
                    for c, cl, ln, t, ident, voice, names in dialogue
                ],
            )
            _SENTENCES.__set__(
                scene,
                [
                    Sentence(num(ln, ln), t, tuple(map(intern, names)), tuple(starts))
                    for ln, t, names, starts in sentences
                ],
            )
        if _KEPT.limit is not None:
            with _KEPT.lock:  # a web server's requests read scenes beside a build
                _KEPT.decoded[self] = None
                while _KEPT.limit is not None and len(_KEPT.decoded) > _KEPT.limit:
                    oldest = next(iter(_KEPT.decoded))
                    del _KEPT.decoded[oldest]
                    oldest.forget()

    def forget(self) -> None:
        """Back to compressed: the decoded words go (a caller still holding a list keeps it)."""
        for scene in self.scenes.values():
            _DIALOGUE.__delete__(scene)
            _SENTENCES.__delete__(scene)


class _Kept:
    """How many episodes' words stay decoded at once (None: all), and which, oldest first."""

    def __init__(self) -> None:
        self.limit: int | None = None
        self.decoded: dict[_Words, None] = {}
        self.lock = threading.Lock()


_KEPT = _Kept()


@contextlib.contextmanager
def keep_words(limit: int | None) -> Iterator[None]:
    """Within the block, at most ``limit`` episodes' words (speeches, sentences) are decoded at
    once; the rest stay compressed until read again. For a canon too large to hold decoded:
    its words are four fifths of its memory, and the passes over it read the scenes in order,
    so each is decoded about once per pass."""
    before = _KEPT.limit
    _KEPT.limit = limit
    try:
        yield
    finally:
        with _KEPT.lock:
            _KEPT.limit = before
            if limit is not None:
                _KEPT.decoded.clear()  # the words decoded in the block stay with their scenes


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

    def decoded(self) -> bool:
        try:
            _DIALOGUE.__get__(self, SceneFacts)
        except AttributeError:
            return False
        return True

    def _words(self, slot: Any) -> Any:
        try:
            return slot.__get__(self, SceneFacts)
        except AttributeError:
            assert self.source is not None  # only an attached scene lacks its words
            self.source.decode()
            return slot.__get__(self, SceneFacts)

    def _own(self) -> None:
        source = self.source
        if source is not None:
            if not self.decoded():
                source.decode()
            for n, scene in source.scenes.items():
                if scene is self:
                    del source.scenes[n]
                    break
            self.source = None

    @property
    def dialogue(self) -> list[Speech]:
        words: list[Speech] = self._words(_DIALOGUE)
        return words

    @dialogue.setter
    def dialogue(self, value: list[Speech]) -> None:
        self._own()
        _DIALOGUE.__set__(self, value)

    @property
    def sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = self._words(_SENTENCES)
        return sentences

    @sentences.setter
    def sentences(self, value: list[Sentence]) -> None:
        self._own()
        _SENTENCES.__set__(self, value)


def load_facts(blob: bytes) -> list[SceneFacts] | None:
    """The cached scenes, or None when the blob is from another format version or damaged."""
    try:
        n, crc = _HEAD.unpack_from(blob)
        # A view, not a copy: the build keeps the entry for the store's write anyway (75 MB of
        # words at 5,000 synthetic episodes).
        words_blob = memoryview(blob)[_HEAD.size + n :]
        if zlib.crc32(words_blob) != crc:
            return None
        doc = json.loads(zlib.decompress(blob[_HEAD.size : _HEAD.size + n]))
        if not isinstance(doc, dict) or doc.get("v") != FORMAT:
            return None
        series, episode, file = str(doc["s"]), str(doc["e"]), str(doc["f"])
        out: list[CachedScene] = []
        num = _NUMBERS.setdefault
        for r in doc["scenes"]:
            story = StoryTime(r[6][0], tuple(r[6][1]), r[6][2]) if r[6] is not None else None
            facts = CachedScene(
                series, episode, r[0], file, r[1], r[2], r[3], r[4], r[5], story, r[7]
            )
            facts.present = {
                intern(c): Presence(num(ln, ln), intern(how), ident and intern(ident))
                for c, ln, how, ident in r[8]
            }
            facts.referenced = {intern(c): num(ln, ln) for c, ln in r[9]}
            facts.voices = {intern(c): num(ln, ln) for c, ln in r[10]}
            facts.labels = {c: _counter(n) for c, n in r[11].items()}
            facts.speeches = _counter(r[12])
            facts.annotations = [Annotation(v, a, ln) for v, a, ln in r[13]]
            facts.problems = [AnnotationProblem(ln, m) for ln, m in r[14]]
            facts.tells = (
                [(k, sid, o, said) for k, sid, o, said in r[15]] if r[15] is not None else None
            )
            facts.inferred = [Inferred.from_row(i) for i in r[16]] if r[16] is not None else None
            facts.grouped = bool(r[17])
            facts.leads = tuple(map(intern, r[18]))
            out.append(facts)
        words = _Words(words_blob, out)
        for facts in out:
            # Made with empty words (the dataclass's defaults): those go, the cached ones come.
            _DIALOGUE.__delete__(facts)
            _SENTENCES.__delete__(facts)
            facts.source = words
        return list(out)
    except (zlib.error, struct.error, ValueError, KeyError, TypeError, IndexError):
        return None  # a damaged cache entry is a cache miss, never an error
