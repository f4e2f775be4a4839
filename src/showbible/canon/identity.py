"""Identity doubts for the bible to settle: possible crossovers, walk-on labels, suspected merges
and splits, each with its evidence and the one bible line that settles it.

- *possible crossover*: a label cued in several series that the evidence did not make one
  character (reading/crossing.py); each series keeps its own provisional character meanwhile.
- *walk-on*: a label cued in several series that names a position, group, kind or voice; it
  never crosses.
- *suspected merge*: a crossing the evidence asserted, but where one side is thin (a handful of
  speeches in one episode) while the other is a main character, or where the scripts refute
  pairs of series that a chain of other pairs still joins: the same person?
- *suspected split*: two provisional characters of one series whose labels look like one
  person's (``TONY`` and ``TONY STARK``): one character?
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from showbible.canon.fold import Canon
from showbible.reading import lexicon
from showbible.reading.names import NAME_CHANGING_TITLES, display_name, slug, strip_titles

JOINERS = frozenset({"OF", "THE", "AND", "A", "AN", "&"})
NAME_CHANGING = frozenset(NAME_CHANGING_TITLES)

THIN_SPEECHES = 5  # at most this many speeches in a series ...
THIN_EPISODES = 1  # ... in at most this many episodes
MAIN_SPEECHES = 20  # ... while another series gives the label at least this many


@dataclass
class Doubt:
    kind: str  # possible-crossover | walk-on | suspected-merge | suspected-split
    label: str
    characters: list[str]
    series: list[str]
    file: str
    line: int
    evidence: dict[str, list[str]] = field(default_factory=dict)  # "for" / "against"
    settle: str = ""  # the bible line that settles it
    apart: str = ""  # the bible entry that keeps them apart, where that is the other answer

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "label": self.label,
            "characters": self.characters,
            "series": self.series,
            "file": self.file,
            "line": self.line,
            "evidence": self.evidence,
            "settle": self.settle,
            "apart": self.apart,
        }


def identity_report(canon: Canon) -> list[Doubt]:
    """Every identity doubt of a built canon, in universe order."""
    return [
        *_crossings(canon),
        *_mixed_crossings(canon),
        *_thin_crossings(canon),
        *_splits(canon),
    ]


def _first(canon: Canon, cid: str, series: str | None = None) -> tuple[str, int]:
    for i in canon.appearances.get(cid, ()):
        scene = canon.scenes[i]
        if series is None or scene.series == series:
            return scene.file, scene.present[cid].line
    return "", 0


def _join(label: str) -> str:
    """The bible entry that makes a label one character wherever it is cued."""
    return f"{slug(label)}: {{name: {_quote(display_name(label))}, aliases: [{_quote(label)}]}}"


def _quote(label: str) -> str:
    return f'"{label}"' if any(c in label for c in ":#,[]{}'\"") else label


def _crossings(canon: Canon) -> list[Doubt]:
    cast = canon.cast
    names = {cid: char.name for cid, char in cast.characters.items()}
    out: list[Doubt] = []
    for base, crossing in cast.crossings.items():
        if crossing.settled:
            continue
        ids = list(dict.fromkeys(f"{base}--{g[0]}" for g in crossing.groups))
        ids = [cid for cid in ids if cid in cast.characters]
        label = crossing.label
        # Where the doubt lies: the label's first scene in the series it would cross into.
        file, line = _first(canon, ids[-1]) if ids else ("", 0)
        if crossing.walk_on is not None:
            out.append(
                Doubt(
                    "walk-on",
                    label,
                    ids,
                    crossing.series,
                    file,
                    line,
                    {"for": [f"{label} is {crossing.walk_on}"], "against": []},
                    _join(label) + "   # only if it really is one person everywhere",
                )
            )
            continue
        pro: list[str] = []
        con: list[str] = []
        for ev in crossing.pairs:
            why = ev.reasons(label, crossing.distinctive, lambda c: names.get(c, c))
            tag = f"{ev.series[0]}/{ev.series[1]}: "
            pro += [tag + r for r in why["for"]]
            con += [tag + r for r in why["against"]]
        first_series = crossing.groups[0][0] if crossing.groups else crossing.series[0]
        out.append(
            Doubt(
                "possible-crossover",
                label,
                ids,
                crossing.series,
                file,
                line,
                {"for": pro, "against": con},
                _join(label) + "   # one person in " + ", ".join(crossing.series),
                f"{slug(label)}-{first_series}: {{aliases: [{{label: {_quote(label)}, "
                f"series: [{first_series}]}}]}}   # and so for each series",
            )
        )
    return out


def _mixed_crossings(canon: Canon) -> list[Doubt]:
    """Crossings the evidence asserted as one character everywhere, though the scripts refute
    some of their pairs (canon/succession.py): a chain of asserted pairs joins series that the
    direct evidence keeps apart (WARWICK of 2 Henry IV and of 3 Henry VI). The crossing stands,
    since each link of the chain holds on its own; the bible decides."""
    cast = canon.cast
    names = {cid: char.name for cid, char in cast.characters.items()}
    out: list[Doubt] = []
    for base, crossing in cast.crossings.items():
        refuted = [ev for ev in crossing.pairs if ev.refuted and not ev.asserted]
        if not crossing.settled or not refuted or base not in cast.characters:
            continue
        label = crossing.label
        pro: list[str] = []
        for ev in crossing.pairs:
            if ev.asserted:
                why = ev.reasons(label, crossing.distinctive, lambda c: names.get(c, c))
                pro += [f"{ev.series[0]}/{ev.series[1]}: {r}" for r in why["for"]]
        con = [f"{ev.series[0]}/{ev.series[1]}: {ev.refuted}" for ev in refuted]
        later = refuted[0].series[1]
        file, line = _first(canon, base, later)
        out.append(
            Doubt(
                "suspected-merge",
                label,
                [base],
                crossing.series,
                file,
                line,
                {"for": pro, "against": con},
                f"{slug(label)}-{later}: {{aliases: [{{label: {_quote(label)}, series: "
                f"[{later}]}}]}}   # if the {later} one is somebody else",
            )
        )
    return out


def _thin_crossings(canon: Canon) -> list[Doubt]:
    """Provisional characters asserted in several series where one crossing is thin."""
    out: list[Doubt] = []
    for cid, scene_indexes in canon.appearances.items():
        char = canon.cast.characters.get(cid)
        if char is None or not char.provisional or char.role:
            continue
        # Most appear in one series only: asked first, without their speech counts, whose
        # decoding (a cached scene's extras) was most of a one-shot check's write of the facts.
        if len({canon.scenes[i].series for i in scene_indexes}) < 2:
            continue
        speeches: Counter[str] = Counter()
        episodes: dict[str, set[str]] = {}
        first_in: dict[str, tuple[str, int]] = {}
        for i in scene_indexes:
            scene = canon.scenes[i]
            speeches[scene.series] += scene.speeches.get(cid, 0)
            episodes.setdefault(scene.series, set()).add(scene.episode)
            first_in.setdefault(scene.series, (scene.file, scene.present[cid].line))
        if len(episodes) < 2:
            continue
        main = max(speeches.values(), default=0)
        thin = [
            s
            for s in episodes
            if speeches[s] <= THIN_SPEECHES and len(episodes[s]) <= THIN_EPISODES
        ]
        if not thin or main < MAIN_SPEECHES:
            continue
        s = thin[0]
        file, line = first_in[s]
        main_series = speeches.most_common(1)[0][0]
        label = char.name.upper()
        out.append(
            Doubt(
                "suspected-merge",
                label,
                [cid],
                list(episodes),
                file,
                line,
                {
                    "for": [f"{speeches[s]} speech(es) in {s} but {main} in {main_series}"],
                    "against": ["asserted as one character on the evidence of the cues"],
                },
                f"{cid}-{s}: {{aliases: [{{label: {_quote(label)}, series: [{s}]}}]}}"
                f"   # if the {s} one is somebody else",
            )
        )
    return out


def _name_parts(label: str, titles: frozenset[str]) -> list[str]:
    """The words of a label as a name, for short and full names: leading honorifics stripped
    (``DR. HANK PYM`` -> ``HANK PYM``) but no title elsewhere (``ICE KING`` stays two words,
    not a part ``ICE`` of ``ICE CREAM VENDOR``), joining words dropped; none for a joint cue
    (``FINN AND JAKE`` is two people speaking, not a full name of ``FINN``)."""
    if lexicon.is_joint(label):
        return []
    return [w for w in strip_titles(label, titles).split() if w not in JOINERS]


def _splits(canon: Canon) -> list[Doubt]:
    """Provisional labels of one series that look like one person's short and full name."""
    cast = canon.cast
    by_series: dict[str, list[str]] = defaultdict(list)
    for cid, scene_indexes in canon.appearances.items():
        char = cast.characters.get(cid)
        if char is None or not char.provisional or char.role:
            continue
        for sid in dict.fromkeys(canon.scenes[i].series for i in scene_indexes):
            by_series[sid].append(cid)
    out: list[Doubt] = []
    for sid, ids in by_series.items():
        words = {cid: _name_parts(cast.characters[cid].name.upper(), cast.titles) for cid in ids}
        short: dict[str, list[str]] = defaultdict(list)  # a name word -> full names with it
        for cid, ws in words.items():
            if len(ws) >= 2:
                for w in {ws[0], ws[-1]} - cast.titles - NAME_CHANGING:
                    short[w].append(cid)
        for cid, ws in words.items():
            if len(ws) != 1 or len(short.get(ws[0], ())) != 1:
                continue
            full = short[ws[0]][0]
            a, b = cast.characters[cid].name.upper(), cast.characters[full].name.upper()
            file, line = _first(canon, cid, sid)
            out.append(
                Doubt(
                    "suspected-split",
                    a,
                    [cid, full],
                    [sid],
                    file,
                    line,
                    {
                        "for": [f"{a} is a part of {b}, and of no other full name in {sid}"],
                        "against": ["two labels, each cued on its own"],
                    },
                    f"{slug(b)}: {{name: {_quote(display_name(b))}, aliases: [{_quote(b)}, "
                    f"{_quote(a)}]}}   # if they are one person",
                )
            )
    return out
