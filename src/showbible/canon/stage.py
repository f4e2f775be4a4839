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
- ``Exeunt some with X`` / ``Exit one with X``: only part of the stage goes, so only the named.
- The dead leave: ``Dies`` (the last speaker), ``X dies``, ``X and Y are slain``.
- A scene that opens with the stage play's ``Enter ...`` opens on an empty stage (see
  ``_on_from_start``); a speech given ``[Within]`` is heard from off stage and brings no one on;
  a clause of an entrance with no verb of its own ("Enter A; B following") brings B on too.

Scored against Folger's annotation of nine plays by bench/stage_time_dev.py (docs/relationships.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import combinations

from showbible.quick import rx
from showbible.reading.facts import SceneFacts

_START = rx.compile(r"^\W*(?P<verb>re-?enters?|enters?|exits?|exeunt|dies)\b", re.IGNORECASE)
# "Mara exits." / "Ben leaves the room": names before the verb go. So do the dead: "Cole
# dies", "wherein SIR HUMPHREY and WILLIAM STAFFORD are slain" (no one meets them after).
# Several go or come as the plural verb: "Lancaster and Westmoreland exit", "Carriers exit" (the
# Folger texts' way), when a name or a plural stands right before it; not the noun, the
# infinitive or the imperative ("blocks the exit", "may enter", "then enter JOAN").
_AFTER = rx.compile(
    r"\b(?P<verb>exits|leaves|re-?enters|enters|dies|(?:is|are)\s+(?:slain|killed)"
    r"|(?P<plural>exit|re-?enter|enter)(?!\w))",
    re.IGNORECASE,
)
# Each match of _AFTER holds one of these: a sentence of ASCII without them is not searched
# (most action sentences; the search is tried at every character). Beyond ASCII, re.IGNORECASE
# also matches "ſ", "ı", "İ" and the Kelvin sign, which lower-case to no "s", "i" or "k".
AFTER_WORDS = ("exit", "leaves", "enter", "dies", "slain", "killed")
_SUBJECT_END = rx.compile(r"(?:\b[A-Z][\w'’.-]*|\w+s|\bboth|\ball|\btoo)\W*$")
_GOING_AFTER = rx.compile(r"exit|leaves|dies|is\s|are\s", re.IGNORECASE)
# A pronoun goes: "He exits." is the last speaker's, "They exit." / "They all exit." empties the
# stage, as a bare Exit / Exeunt does ("He leaves the letter" is no exit); "All but the Prince
# and Peto exit": the named stay.
_PRONOUN = rx.compile(r"^\W*(?P<who>he|she|they)\s+(?:all\s+)?exits?\b", re.IGNORECASE)
_ALL_BUT = rx.compile(r"^\W*all\s+(?:but|except|save)\b", re.IGNORECASE)
# "Exeunt some with Lord SAY", "Exit one with the Clerk", "Exeunt some of them": only part of
# the stage goes, so only the named go; naming nobody, no one known leaves.
_SOME = rx.compile(
    r"^\W*(?:exeunt|exit)\s+(?:some|one|two|three|four|certain|several|a\s+few|others|many|most)\b",
    re.IGNORECASE,
)
_WITHIN = rx.compile(r"\s*[\[(]\s*within\b", re.IGNORECASE)
_BUT = rx.compile(r"\b(?:but|except|save|manet|manent)\b", re.IGNORECASE)
_END = 1 << 30


def _moves(scene: SceneFacts) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(line, order, "in"/"out"/"all-out"/"last-out", who) of every marked move, in line order."""
    out: list[tuple[int, int, str, tuple[str, ...]]] = []
    for n, s in enumerate(scene.sentences):
        m = _START.match(s.text)
        if m:
            going = not m.group("verb").lower().startswith(("en", "re"))
            if going and _SOME.match(s.text):
                if s.names:
                    out.append((s.line, n, "out", s.names))
            elif going and s.names and _BUT.search(s.text):
                out.append((s.line, n, "all-out", s.names))  # the named stay
            elif s.names:
                out.append((s.line, n, "out" if going else "in", s.names))
            elif going:
                plural = m.group("verb").lower() == "exeunt"
                out.append((s.line, n, "all-out" if plural else "last-out", ()))
            continue
        pronoun = _PRONOUN.match(s.text)
        if pronoun:
            plural = pronoun.group("who").lower() == "they"
            out.append((s.line, n, "all-out" if plural else "last-out", ()))
            continue
        m = _AFTER.search(s.text) if _may_move(s.text) else None
        verbless = m is None
        if m and _ALL_BUT.match(s.text):
            # The named stay; a name we cannot tell ("the King") speaks again at once.
            out.append((s.line, n, "all-out", s.names))
            continue
        if m and m.group("plural") and not _SUBJECT_END.search(s.text, 0, m.start()):
            m = None
        if m and s.names:
            before = tuple(c for c, at in zip(s.names, s.starts, strict=False) if at < m.start())
            if before:
                going = bool(_GOING_AFTER.match(m.group("verb")))
                out.append((s.line, n, "out" if going else "in", before))
        elif verbless and s.names and out and out[-1][:3] == (s.line, n - 1, "in"):
            # A clause of the entrance with no verb of its own: "Enter FALSTAFF and PETO;
            # FRANCIS following with wine", "...; at another, the FRENCH KING, QUEEN ISABEL".
            out.append((s.line, n, "in", s.names))
    return out


def _may_move(text: str) -> bool:
    """Whether ``_AFTER`` may match the sentence (``AFTER_WORDS``)."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(word in low for word in AFTER_WORDS)


def stage_times(scene: SceneFacts, people: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Each person's stretches of stage time, as (from line, to line); {} when the scene marks
    no move (everyone shares all of it)."""
    moves = _moves(scene)
    people = set(people)
    if not moves or len(people) < 2:
        return {}
    # Speaking or acting: (line, who). A speech from the cue's line; presence from its line.
    # A speech given within ("[Within]  Who's there?") is heard from off stage: no entrance.
    within = {(sp.cue_line, sp.character) for sp in scene.dialogue if _WITHIN.match(sp.text)}
    acts = [(sp.cue_line, sp.character) for sp in scene.dialogue if not sp.voice]
    acts += [(p.line, cid) for cid, p in scene.present.items() if p.how != "bible"]
    acts = [act for act in acts if act not in within]
    events: list[tuple[int, int, str, tuple[str, ...]]] = list(moves)
    events += [(line, -1, "act", (cid,)) for line, cid in acts]
    events.sort(key=lambda e: (e[0], e[1]))
    entered: dict[str, int] = {}
    out: dict[str, list[tuple[int, int]]] = {c: [] for c in people}
    # Heard only from within, never seen: not on stage unless an entrance brings them on.
    unseen = {c for _l, c in within} - {c for _l, c in acts}
    for c in _on_from_start(scene, moves, people - unseen, acts):
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


def _opens_empty(scene: SceneFacts, moves: list[tuple[int, int, str, tuple[str, ...]]]) -> bool:
    """Whether the scene opens on an empty stage: its first move is the stage play's ``Enter
    ...`` (verb first), before anyone speaks."""
    line, n, kind, _who = moves[0]
    first_cue = min((sp.cue_line for sp in scene.dialogue), default=_END)
    verb = _START.match(scene.sentences[n].text)
    return kind == "in" and line < first_cue and verb is not None and verb.group("verb")[0] in "eE"


def _on_from_start(
    scene: SceneFacts,
    moves: list[tuple[int, int, str, tuple[str, ...]]],
    people: set[str],
    acts: list[tuple[int, str]],
) -> set[str]:
    """Who is on stage when the scene starts. Not those marked entering. Where the scene opens
    on an empty stage (a play's ``Enter ...``), nobody else either: a character the entrances do
    not name comes on when first seen or heard ("Enter Sheriff and the Carrier" naming a walk-on
    the reader does not know, a companion in a clause of their own), unless they are first named
    going, or staying while the rest go: they were there all along. Otherwise everyone not
    marked entering is there."""
    marked_in = {c for _l, _n, kind, who in moves if kind == "in" for c in who}
    unmarked = people - marked_in
    if not _opens_empty(scene, moves):
        return unmarked
    first_act: dict[str, int] = {}
    for line, c in acts:
        first_act[c] = min(line, first_act.get(c, _END))
    first_named: dict[str, int] = {}  # going, or staying ("Exeunt all except HENRY")
    for line, _n, kind, who in moves:
        if kind in ("out", "all-out"):
            for c in who:
                first_named.setdefault(c, line)
    return {c for c in unmarked if first_named.get(c, _END) <= first_act.get(c, _END)}


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
