"""What an episode's extraction produced, serialised for the store's extraction cache.

Extraction (presence, references, sentences, speeches) is the costliest step of a build, and
an episode's result only changes when its file, the bible, the cast or its series' cues change
(``pipeline`` keys the cache on exactly those). JSON and zlib, for the reason serial.py gives:
in team mode the store is shared, and unpickling shared data runs code.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from sys import intern
from typing import Any

from showbible.reading.annotations import Annotation, AnnotationProblem
from showbible.reading.facts import Inferred, Presence, SceneFacts, Sentence, Speech
from showbible.universe.storytime import StoryTime

FORMAT = 3  # 3: inferred facts of every kind, with object, reason, tells and hearers


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
        [
            [d.character, d.cue_line, d.line, d.text, d.identity, d.voice, d.names]
            for d in s.dialogue
        ],
        [[t.line, t.text, t.names, t.starts] for t in s.sentences],
        s.tells,
        [i.row() for i in s.inferred] if s.inferred is not None else None,
    ]


def dump_facts(series: str, episode: str, file: str, scenes: list[SceneFacts]) -> bytes:
    doc = {"v": FORMAT, "s": series, "e": episode, "f": file, "scenes": [_scene(s) for s in scenes]}
    return zlib.compress(json.dumps(doc, separators=(",", ":")).encode(), 1)


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


def load_facts(blob: bytes) -> list[SceneFacts] | None:
    """The cached scenes, or None when the blob is from another format version or damaged."""
    try:
        doc = json.loads(zlib.decompress(blob))
        if not isinstance(doc, dict) or doc.get("v") != FORMAT:
            return None
        series, episode, file = str(doc["s"]), str(doc["e"]), str(doc["f"])
        out = []
        num = _NUMBERS.setdefault
        for r in doc["scenes"]:
            story = StoryTime(r[6][0], tuple(r[6][1]), r[6][2]) if r[6] is not None else None
            facts = SceneFacts(
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
            facts.dialogue = [
                Speech(
                    intern(c),
                    num(cl, cl),
                    num(ln, ln),
                    t,
                    ident and intern(ident),
                    voice,
                    tuple(map(intern, names)),
                )
                for c, cl, ln, t, ident, voice, names in r[15]
            ]
            facts.sentences = [
                Sentence(num(ln, ln), t, tuple(map(intern, names)), tuple(starts))
                for ln, t, names, starts in r[16]
            ]
            facts.tells = (
                [(k, sid, o, said) for k, sid, o, said in r[17]] if r[17] is not None else None
            )
            facts.inferred = [Inferred.from_row(i) for i in r[18]] if r[18] is not None else None
            out.append(facts)
        return out
    except (zlib.error, ValueError, KeyError, TypeError, IndexError):
        return None  # a damaged cache entry is a cache miss, never an error
