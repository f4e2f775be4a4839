"""Who shares the stage with whom inside a scene, where the script marks entrances and exits.

Sharing a scene is not always meeting: in 1 Henry IV V.3 Hotspur exits before Hal enters. Where a
scene marks entrances and exits (TEI ``<stage>`` rendered as action, Fountain or Final Draft
action lines such as ``Exit HOTSPUR.``, ``Exeunt.``, ``Enter PRINCE HAL``, ``Mara exits.``), each
character's stage time is worked out from them, and two characters meet only when their stage
times overlap. A scene without such marks is one stretch of stage time for everyone in it.

- A character is on stage from the scene's start, or from their marked entrance, until their
  marked exit; speaking or acting after an exit is a re-entrance (often unmarked).
- ``Exit.`` naming nobody is the last speaker's; ``Exeunt.`` naming nobody empties the stage.
- ``Exit X`` / ``Exeunt X and Y`` name who goes; in ``X exits`` the names before the verb go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import combinations

from showbible.reading.facts import SceneFacts

_START = re.compile(r"^\W*(?P<verb>re-?enters?|enters?|exits?|exeunt)\b", re.IGNORECASE)
# "Mara exits." / "Ben leaves the room": names before the verb go.
_AFTER = re.compile(r"\b(?P<verb>exits|leaves|re-?enters|enters)\b", re.IGNORECASE)
_BUT = re.compile(r"\b(?:but|except|save|manet|manent)\b", re.IGNORECASE)
_END = 1 << 30


def _moves(scene: SceneFacts) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(line, order, "in"/"out"/"all-out"/"last-out", who) of every marked move, in line order."""
    out: list[tuple[int, int, str, tuple[str, ...]]] = []
    for n, s in enumerate(scene.sentences):
        m = _START.match(s.text)
        if m:
            going = m.group("verb").lower().startswith("ex")
            if going and s.names and _BUT.search(s.text):
                out.append((s.line, n, "all-out", s.names))  # the named stay
            elif s.names:
                out.append((s.line, n, "out" if going else "in", s.names))
            elif going:
                plural = m.group("verb").lower() == "exeunt"
                out.append((s.line, n, "all-out" if plural else "last-out", ()))
            continue
        m = _AFTER.search(s.text)
        if m and s.names:
            before = tuple(c for c, at in zip(s.names, s.starts, strict=False) if at < m.start())
            if before:
                going = m.group("verb").lower() in ("exits", "leaves")
                out.append((s.line, n, "out" if going else "in", before))
    return out


def stage_times(scene: SceneFacts, people: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Each person's stretches of stage time, as (from line, to line); {} when the scene marks
    no move (everyone shares all of it)."""
    moves = _moves(scene)
    people = set(people)
    if not moves or len(people) < 2:
        return {}
    # Speaking or acting: (line, who). A speech from the cue's line; presence from its line.
    acts = [(sp.cue_line, sp.character) for sp in scene.dialogue if not sp.voice]
    acts += [(p.line, cid) for cid, p in scene.present.items() if p.how != "bible"]
    events: list[tuple[int, int, str, tuple[str, ...]]] = list(moves)
    events += [(line, -1, "act", (cid,)) for line, cid in acts]
    events.sort(key=lambda e: (e[0], e[1]))
    entered: dict[str, int] = {}
    out: dict[str, list[tuple[int, int]]] = {c: [] for c in people}
    marked_in = {c for _l, _n, kind, who in moves if kind == "in" for c in who}
    # Before any move, a character who is not marked entering was there from the start.
    for c in people:
        if c not in marked_in:
            entered[c] = scene.line
    last_speaker: str | None = None
    for line, _n, kind, who in events:
        if kind == "act":
            c = who[0]
            if c in people and c not in entered:
                entered[c] = line  # back on stage without a marked entrance
            if any(sp.cue_line == line and sp.character == c for sp in scene.dialogue):
                last_speaker = c
        elif kind == "in":
            for c in who:
                if c in people and c not in entered:
                    entered[c] = line
        else:
            if kind == "out":
                leaving = [c for c in who if c in entered]
            elif kind == "all-out":
                leaving = [c for c in entered if c not in who]  # "Exeunt all but FALSTAFF"
            else:
                leaving = [last_speaker] if last_speaker in entered else []
            # A name said twice in one exit ("Exit BEN, and BEN's dog") leaves once.
            for c in dict.fromkeys(leaving):
                if c is not None and c in entered:
                    out[c].append((entered.pop(c), line))
    for c, start in entered.items():
        out[c].append((start, _END))
    return out


def stage_pairs(scene: SceneFacts, people: Iterable[str]) -> set[tuple[str, str]]:
    """The pairs (sorted ids) of these people who share stage time in the scene."""
    people = sorted(set(people))
    times = stage_times(scene, people)
    if not times:
        return set(combinations(people, 2))
    out = set()
    for a, b in combinations(people, 2):
        if any(s1 < e2 and s2 < e1 for s1, e1 in times[a] for s2, e2 in times[b]):
            out.add((a, b))
    return out
