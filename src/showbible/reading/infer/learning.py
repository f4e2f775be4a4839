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
from collections.abc import Iterator
from dataclasses import dataclass, field

from showbible.reading.facts import Inferred, SceneFacts
from showbible.reading.infer.base import HIGH, Component, SceneView, Unit, fact
from showbible.reading.infer.clauses import blocked, has_any

_LEARN_STEMS = ("read", "stud", "find", "found", "discover", "open", "see", "watch", "overh",
                "eavesdrop", "listen", "deciph", "decod", "notic", "spot")  # fmt: skip
_LEARN_VERB = re.compile(
    r"\b(?:reads|read|studies|finds|found|discovers|discovered|opens|sees|watches|overhears|"
    r"overheard|eavesdrops|listens|deciphers|decodes|notices|spots)\b",
    re.I,
)


class Learning(Component):
    kind = "learns"

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if unit.kind == "speech" or not unit.named or not has_any(unit.low, _LEARN_STEMS):
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


def distinctive(secrets: list[Secret], scenes: list[SceneFacts]) -> None:
    """Keep only the tells that nobody says before their secret is confided: words in common
    use before it show nothing."""
    if not secrets:
        return
    pattern: dict[str, re.Pattern[str]] = {}
    for s in secrets:
        for t in s.tells:
            pattern.setdefault(t, re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, t.split()))
                                             + r"(?!\w)", re.I))  # fmt: skip
    position = {sc.key: i for i, sc in enumerate(scenes)}
    first: dict[str, int] = {}
    for i, sc in enumerate(scenes):
        if len(first) == len(pattern):
            break
        texts = [d.text for d in sc.dialogue] + [x.text for x in sc.sentences]
        blob = "\n".join(texts)
        low = blob.lower()
        # Only where each tell is first said matters: once found, it is not searched again
        # (searching every scene for every tell cost 10 s at 50 synthetic episodes).
        for t, rx in pattern.items():
            if t not in first and t.split()[0] in low and rx.search(blob):
                first[t] = i
    for s in secrets:
        at = position.get(s.scene, 0)
        s.tells = tuple(t for t in s.tells if first.get(t, at) >= at)


def spread(secrets: list[Secret], scenes: list[SceneFacts], hints: dict[str, list[Inferred]],
           people: dict[str, list[str]]) -> None:  # fmt: skip
    """Who learns each secret, scene by scene in release order (see the module's docstring).
    ``hints`` are the Learning facts per scene key; ``people`` who is present per scene key."""
    live = [s for s in secrets if s.tells]
    if not live:
        return
    rx = {s.id: re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, t.split()))
                                                      for t in s.tells) + r")(?!\w)", re.I)
          for s in live}  # fmt: skip
    position = {sc.key: i for i, sc in enumerate(scenes)}
    for s in live:
        for cid in s.hearers:
            s.knowers.setdefault(cid, (s.scene, s.line))
    for i, sc in enumerate(scenes):
        if sc.flashback:
            continue
        here = people.get(sc.key, [])
        for s in live:
            if position.get(s.scene, 0) > i:
                continue
            for d in sc.dialogue:
                if d.voice or d.character not in s.knowers or not rx[s.id].search(d.text):
                    continue
                if (s.knowers[d.character][0], s.knowers[d.character][1]) == (sc.key, d.line):
                    continue
                if sc.key == s.scene and d.line <= s.line:
                    continue
                for cid in here:
                    if cid not in s.knowers:
                        s.knowers[cid] = (sc.key, d.line)
                        s.learned.append((cid, sc.key, d.line, f"told by {d.character}"))
            for hint in hints.get(sc.key, ()):
                if hint.subject not in s.knowers and rx[s.id].search(hint.sentence):
                    s.knowers[hint.subject] = (sc.key, hint.line)
                    s.learned.append((hint.subject, sc.key, hint.line, hint.reason))
