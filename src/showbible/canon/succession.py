"""A title passes on: crossings that the series' own deaths contradict are taken apart.

The cues alone cannot tell a title from a name: ``GLOUCESTER`` in 2 Henry VI and in 3 Henry VI
meets the same court in both plays, which is the evidence a fan would otherwise accept
(reading/crossing.py). The plays themselves say more. Humphrey of Gloucester's body is borne in
2 Henry VI; 3 Henry VI comes after 2 Henry VI (York, Warwick and King Henry, alive there, die in
it); so the GLOUCESTER who speaks in 3 Henry VI is somebody else, who took the title.

- *Deaths* are the stage's (reading/infer's ``dies`` facts read from stage directions, at their
  confidence for a direction) and remains a direction shows: "the body of X", "X's body", "the
  corpse of X", "the Ghost of X" (not "X's head": in most scripts that is a living head). A
  death after which the character is still seen in that series (a dream, an afterlife, a
  flashback, a cartoon's) is no end, and counts for nothing.
- *Order*: series P comes before Q when someone the engine holds to be one person in both is
  alive in P and dies or lies dead in Q. A witness who dies in two series is two people and
  witnesses nothing; each pair of series is ordered by the majority of its witnesses, never by
  the character being judged.
- *Titles only*: only a label the scripts use as a title (itself "Duke of X", or named so in
  the text: "the Duke of Gloucester") passes on. A name does not: a dead MARROW seen again is the
  dead-character error the rules report, not somebody else.
- *Judgement*: a character who dies in D and is present in a series B that comes after D is not
  the same person there. The asserted pairs between the series after the death and the others
  are cut; each remaining group of series keeps a character of its own
  (``gloucester--3henryvi``), and the crossing lists the death as evidence against.

It runs on the extracted scenes before the canon is folded, on a whole build; the scenes it
renames are copies (the extraction keeps its own), so a second build decides the same from the
same facts. The bible always wins: only provisional characters are judged.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from typing import TypeVar

from showbible.canon.creation import (
    PEERS,
    RANKS_OF,
    Where,
    created,
    creation_cuts,
    first_seen,
)
from showbible.canon.fullnames import name_cuts
from showbible.canon.tenure import closed_order, companies, gap_cuts, nearer
from showbible.reading.crossing import Crossing, erode, groups_of
from showbible.reading.facts import SceneFacts, Sentence
from showbible.reading.resolve import Cast

V = TypeVar("V")
STAGE_CONFIDENCE = 0.9
MAX_ROUNDS = 5  # reading/infer's confidence for a death a stage direction shows
_HINT = re.compile(r"body|corpse|ghost|coffin|funeral", re.IGNORECASE)
_REMAINS_BEFORE = re.compile(
    r"\b(?:body|corpse|ghosts?|coffin|funeral)\s+of\s+(?:the\s+)?(?:[A-Za-z]+\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$",
    re.IGNORECASE,
)
_NAME = re.compile(r"[A-Z][\w’-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’-]*)*")
_REMAINS_AFTER = re.compile(r"^(?:'s|’s|'|’)\s+(?:dead\s+)?(?:body|corpse|ghost|coffin)\b")


def refine_crossings(
    cast: Cast, scenes: list[SceneFacts], declared: Mapping[str, int] | None = None
) -> list[SceneFacts]:
    """The scenes, with every crossing the deaths or two surnames (canon/fullnames.py)
    contradict taken apart (renamed copies where
    a character's id changes); ``cast`` is told of the new characters. ``declared``: the rank
    in release order of each series whose release the universe declares; between two such
    series it is the order, whatever deaths the scripts seem to show."""
    judged = {cid: c for cid, c in cast.crossings.items() if _judgeable(c)}
    if not judged:
        return scenes
    ids = {
        _id_in(base, c, group[0]) for base, c in judged.items() for group in c.groups if group[1:]
    }
    # Two surnames for one label are two people (canon/fullnames.py), whoever dies.
    id_in = {base: {sid: _id_in(base, c, sid) for sid in c.series} for base, c in judged.items()}
    cuts = name_cuts(judged, id_in, scenes, cast.titles)
    # A title passes on at a death, created anew or across a silence (canon/creation.py,
    # canon/tenure.py): all need the order of the series, read from deaths (or declared), and
    # only titles are judged.
    joined = {base for base, c in judged.items() if any(len(g) > 1 for g in c.groups)}
    if _any_dies(ids, scenes) or (declared and joined):
        index = _Index(scenes, declared or {})

        def name(cid: str) -> str:
            char = cast.characters.get(cid)
            return char.name if char is not None else cid

        dying = {
            _id_in(base, c, g[0]): c.label
            for base, c in judged.items()
            for g in c.groups
            if _id_in(base, c, g[0]) in index.dead
        }
        order = _Order(scenes, index)
        creations = created({judged[b].label for b in joined}, scenes)
        # What a creation or a silence would part, read before the titles (the dearest part:
        # the text of every scene) so that only the labels with something to part are read.
        spans = {b: judged[b] for b in joined if order.could_part(judged[b], creations)}
        passed = _passed_on(spans, scenes, order, creations, cast, name) if spans else {}
        labels = {judged[b].label for b in passed} | set(dying.values())
        titles = _titles(
            labels,
            scenes,
            set(dying) | {_id_in(b, judged[b], s) for b in passed for s in judged[b].series},
        )
        for base, c in judged.items():
            if c.label.upper() not in titles:
                # A name does not pass on: a dead man seen again is the error the rules are
                # there to report (dead-character), not somebody else under his name.
                continue
            for pair, why in _judge(base, c, index, name).items():
                cuts.setdefault(base, {}).setdefault(pair, why)
            if base in passed and base not in cuts:
                cuts[base] = passed[base]  # unless a death or two surnames already did
    for base, pairs in cuts.items():
        for ev in judged[base].pairs:
            if ev.series in pairs:
                ev.asserted = False
                ev.refuted = pairs[ev.series]
    if any(cuts.values()):
        # Pairs asserted on the word of those just taken apart are judged again.
        for base, pairs in erode(judged).items():
            cuts.setdefault(base, {}).update(pairs)
    split: dict[str, dict[str, str]] = {}
    for base, pairs in cuts.items():
        if not pairs:
            continue
        crossing = judged[base]
        groups = groups_of(crossing)
        if groups == crossing.groups:
            # Pairs refuted inside a group a chain of others still joins: the crossing stands,
            # and `identities` lists it as a suspected merge with the evidence both ways.
            continue
        crossing.groups = groups
        split[base] = {sid: f"{base}--{g[0]}" for g in crossing.groups for sid in g}
    if not split:
        return scenes
    rename = _renames(judged, split)
    cast.apply_split(split)
    return [_renamed(s, rename[s.series]) if rename.get(s.series) else s for s in scenes]


_RANK_WORD = re.compile(RANKS_OF)  # on lower-case text: a quick sieve, words or not
_RANK_OF = re.compile(rf"(?:{RANKS_OF})\s+of\s", re.IGNORECASE)


def _titles(labels: set[str], scenes: list[SceneFacts], ids: set[str]) -> set[str]:
    """The labels the scripts use as titles that pass from holder to holder: a label that is
    itself "<rank> of X", or one that the text names as "Duke of X", "Earl of X", "Archbishop
    of X"... (GLOUCESTER, WARWICK, YORK) or "Lord X" (CLIFFORD). A name is never one (MARROW,
    FALSTAFF). Only scenes where one of ``ids`` (the labels' characters) is present, speaks
    or is spoken of are read: a title said there names them."""
    wanted = {label.upper() for label in labels}
    found = {w for w in wanted if _RANK_OF.match(w)}
    rest = sorted(wanted - found, key=len, reverse=True)
    if not rest:
        return found
    # One pattern for just these labels, run once over the text (this is on a whole build's
    # path: a pattern per label, or every rank phrase of the universe, cost a tenth of it).
    names = "|".join(r"\s+".join(map(re.escape, w.split())) for w in rest)
    rx = re.compile(
        rf"\b(?:(?:{RANKS_OF})\s+of\s+(?:the\s+)?|(?:{PEERS})\s+)({names})(?!\w)",
        re.IGNORECASE,
    )
    for scene in scenes:
        mentioned = scene.present.keys() | scene.referenced.keys() | scene.speeches.keys()
        if ids.isdisjoint(mentioned):
            continue
        for text in [s.text for s in scene.sentences] + [sp.text for sp in scene.dialogue]:
            if not _RANK_WORD.search(text.lower()):
                continue  # most lines name no rank: the pattern of names is dearer to run
            for m in rx.finditer(text):
                found.add(" ".join(m.group(1).upper().split()))
        if found == wanted:
            break
    return found


class _Order:
    """The order of the series the deaths (or the declared release) give, closed
    transitively, and who is present in each series."""

    def __init__(self, scenes: list[SceneFacts], index: _Index) -> None:
        series = sorted({s.series for s in scenes})
        self.before = closed_order(series, lambda p, q: index.order(p, q)[0])
        self.present_in: dict[str, set[str]] = defaultdict(set)
        for cid, where in index.alive.items():
            for sid in where:
                self.present_in[sid].add(cid)

    def could_part(self, crossing: Crossing, creations: Mapping[tuple[str, str], Where]) -> bool:
        """Whether a creation or a silence could part the crossing: its title is created in a
        series of its own, or a series it is not cued in comes between two of its own."""
        label = crossing.label.upper()
        if any((label, sid) in creations for sid in crossing.series):
            return True
        mine = set(crossing.series)
        return any(
            a in mine and m not in mine and (m, b) in self.before and b in mine
            for a, m in self.before
            for b in mine
        )


def _passed_on(
    chosen: dict[str, Crossing],
    scenes: list[SceneFacts],
    order: _Order,
    creations: Mapping[tuple[str, str], Where],
    cast: Cast,
    name: Callable[[str], str],
) -> dict[str, dict[tuple[str, str], str]]:
    """The pairs of each crossing that its title created anew (canon/creation.py) or its
    silence through the series between (canon/tenure.py) would contradict, each with why;
    whether the label is a title that passes on at all is for the caller to say."""
    out: dict[str, dict[tuple[str, str], str]] = {}
    if not order.before:
        return out
    ids = {_id_in(b, c, g[0]) for b, c in chosen.items() for g in c.groups}
    company = companies(ids, scenes, cast.is_role)
    seen = first_seen(ids, scenes) if creations else {}
    for base, c in chosen.items():
        id_in = {sid: _id_in(base, c, sid) for sid in c.series}
        found = creation_cuts(c, id_in, order.before, creations, seen)
        for pair, why in gap_cuts(c, id_in, order.before, order.present_in, company, name).items():
            found.setdefault(pair, why)
        if found:
            out[base] = found
    return out


def _any_dies(ids: set[str], scenes: list[SceneFacts]) -> bool:
    """Whether one of ``ids`` dies or lies dead in some scene (checked before the full index,
    which reads every scene: a death is named in the scene's references or presence)."""
    for scene in scenes:
        if ids.isdisjoint(scene.referenced) and ids.isdisjoint(scene.present):
            continue
        for fact in scene.inferred or ():
            if fact.kind == "dies" and fact.subject in ids and fact.confidence >= STAGE_CONFIDENCE:
                return True
        for sentence in scene.sentences:
            if (
                not ids.isdisjoint(sentence.names)
                and _HINT.search(sentence.text)
                and not ids.isdisjoint(_remains(sentence))
            ):
                return True
    return False


def _judgeable(crossing: Crossing) -> bool:
    return crossing.walk_on is None and any(ev.asserted for ev in crossing.pairs)


def _id_in(base: str, crossing: Crossing, series: str) -> str:
    """The id a crossing's label has in a series: the base when it is one character everywhere,
    else its group's (as Cast.settle names them)."""
    if crossing.settled:
        return base
    for group in crossing.groups:
        if series in group:
            return f"{base}--{group[0]}"
    return base


class _Index:
    """Who is alive where, who dies where, and the order of series their lives give."""

    def __init__(self, scenes: list[SceneFacts], declared: Mapping[str, int]) -> None:
        self.declared = declared
        self.alive: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.dies: dict[str, dict[str, int]] = defaultdict(dict)  # death events, first scene
        self.dead: dict[str, dict[str, int]] = defaultdict(dict)  # deaths and remains
        self.seen: dict[tuple[str, str], str] = {}  # (id, series) -> file:line of the death
        positions: Counter[str] = Counter()
        for scene in scenes:
            pos = positions[scene.series]
            positions[scene.series] += 1
            for cid in scene.present:
                self.alive[cid][scene.series].append(pos)
            for fact in scene.inferred or ():
                if fact.kind == "dies" and fact.confidence >= STAGE_CONFIDENCE:
                    self._death(fact.subject, scene, pos, fact.line, event=True)
            for sentence in scene.sentences:
                if sentence.names and _HINT.search(sentence.text):
                    for cid in _remains(sentence):
                        self._death(cid, scene, pos, sentence.line, event=False)
        # A death after which the character is still seen in that series is no end (a dream,
        # an afterlife, a flashback, a cartoon's): it orders nothing and judges no one.
        for cid, where in self.dead.items():
            for series, pos in list(where.items()):
                if max(self.alive.get(cid, {}).get(series, [-1])) > pos:
                    del where[series]
                    self.dies.get(cid, {}).pop(series, None)
        self._voters: dict[tuple[str, str], set[str]] = defaultdict(set)
        for cid, where in self.dead.items():
            if len(self.dies.get(cid, {})) > 1:
                continue  # dies in two series: two people, no witness
            for q in where:
                for p, seen in self.alive.get(cid, {}).items():
                    # Alive in p (before any death there), dead in q: p comes before q.
                    if p != q and (p not in where or min(seen) < where[p]):
                        self._voters[(p, q)].add(cid)

    def _death(self, cid: str, scene: SceneFacts, pos: int, line: int, event: bool) -> None:
        for table in (self.dies, self.dead) if event else (self.dead,):
            table[cid].setdefault(scene.series, pos)
        self.seen.setdefault((cid, scene.series), f"{scene.file}:{line}")

    def order(self, p: str, q: str) -> tuple[int, list[str]]:
        """1 when series ``p`` comes before ``q`` (its witnesses outnumber those for the other
        way, the character being judged among them: its own life is evidence too), -1 when
        after, 0 when unknown; and the winning side's witnesses."""
        ahead = sorted(self._voters.get((p, q), set()))
        behind = sorted(self._voters.get((q, p), set()))
        if p in self.declared and q in self.declared and self.declared[p] != self.declared[q]:
            # The universe's release order wins over one read from a cartoon's deaths.
            return (1, ahead) if self.declared[p] < self.declared[q] else (-1, behind)
        if len(ahead) == len(behind):
            return 0, []
        return (1, ahead) if len(ahead) > len(behind) else (-1, behind)


def _remains(sentence: Sentence) -> list[str]:
    """The characters a direction shows as remains: "the body of X", "X's body", "the Ghosts
    of A, B, and C"."""
    out = []
    text = sentence.text
    for cid, start in zip(sentence.names, sentence.starts, strict=False):
        if _REMAINS_BEFORE.search(text, 0, start):
            out.append(cid)
            continue
        name = _NAME.match(text, start)
        end = name.end() if name else start
        if _REMAINS_AFTER.match(text[end:]):
            out.append(cid)
    return out


def _judge(
    base: str, crossing: Crossing, index: _Index, name: Callable[[str], str]
) -> dict[tuple[str, str], str]:
    """The asserted pairs of series a death contradicts, each with why.

    For each death of the label's character in a series D of a group: the series of the group
    that come after D hold someone else; those that come before D (or D itself) the one who
    died. A series of unknown order goes with the side it shares more company with (its
    asserted pair with the larger company, then support), and stands alone on a tie."""
    cut: dict[tuple[str, str], str] = {}
    asserted = {ev.series: ev for ev in crossing.pairs if ev.asserted}
    for group in crossing.groups:
        if len(group) < 2:
            continue
        cid = _id_in(base, crossing, group[0])
        for d in index.dead.get(cid, {}):
            if d not in group:
                continue
            later: dict[str, list[str]] = {}
            side: dict[str, bool] = {d: False}  # series -> holds the later person
            for b in group:
                if b == d:
                    continue
                sign, who = index.order(d, b)
                if sign > 0 and b in index.alive.get(cid, {}):
                    later[b] = who
                    side[b] = True
                elif sign < 0:
                    side[b] = False
            if not later:
                continue
            for u in group:
                if u not in side:
                    side_of = nearer(u, side, asserted)
                    if side_of is not None:
                        side[u] = side_of
            for a, b in asserted:
                if a not in group or b not in group or (a, b) in cut:
                    continue
                if a in side and b in side and side[a] == side[b]:
                    continue
                after = a if side.get(a) else b
                why = f"{crossing.label} dies in {d} ({index.seen.get((cid, d), d)}), and {after} "
                if after in later and after in index.declared and d in index.declared:
                    why += f"is released after {d}"
                elif after in later:
                    who = [name(y) for y in later[after] if y != cid][:3] or [crossing.label]
                    why += f"comes after {d} ({', '.join(who)} alive in {d}, dead in {after})"
                else:
                    why += "shares more company with the series after it: " + ", ".join(later)
                cut[(a, b)] = why
    return cut


def _renames(
    judged: dict[str, Crossing], split: dict[str, dict[str, str]]
) -> dict[str, dict[str, str]]:
    """Per series: old id -> new id, for the crossings taken apart. The old id is the base or a
    group's id (``base--series``), whichever the label had there."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for base, by_series in split.items():
        olds = [base, *(f"{base}--{s}" for s in judged[base].series)]
        for sid, new in by_series.items():
            out[sid].update({old: new for old in olds if old != new})
    return out


def _renamed(scene: SceneFacts, rename: dict[str, str]) -> SceneFacts:
    """A copy of the scene with ids renamed (only the fields that hold character ids)."""
    if not any(cid in rename for cid in (*scene.present, *scene.referenced, *scene.voices)):
        return scene

    def r(cid: str) -> str:
        return rename.get(cid, cid)

    def keys(d: Mapping[str, V]) -> dict[str, V]:
        return {r(k): v for k, v in d.items()}

    copy = dataclasses.replace(scene)
    copy.present = keys(scene.present)
    copy.referenced = keys(scene.referenced)
    copy.voices = keys(scene.voices)
    copy.labels = keys(scene.labels)
    copy.speeches = Counter({r(k): v for k, v in scene.speeches.items()})
    copy.dialogue = [
        dataclasses.replace(sp, character=r(sp.character), names=tuple(map(r, sp.names)))
        for sp in scene.dialogue
    ]
    copy.sentences = [dataclasses.replace(s, names=tuple(map(r, s.names))) for s in scene.sentences]
    copy.leads = None  # of the old names
    if scene.inferred is not None:
        copy.inferred = [
            dataclasses.replace(
                f, subject=r(f.subject), obj=f.obj and r(f.obj), who=tuple(map(r, f.who))
            )
            for f in scene.inferred
        ]
    return copy
