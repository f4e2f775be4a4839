"""Meeting by shared stage time (canon/stage.py), scored against Folger's annotation.

The gold is ``tests/data/stage/folger_stage_pairs.json`` (written by bench/stage_time_gold.py
from the Folger TEI): per aligned scene of the nine plays, every pair of persons both present,
and whether their stage time overlaps. Ours: the nine Fountain plays of
../shared/data/shakespeare-fountain built with no bible, and ``stage_pairs`` over everyone the
engine has present in each scene (walk-on roles too: the rule, not the role policy, is measured);
each engine character is mapped to Folger persons through the cue labels it speaks under
(gold.json ``labels``), or, when it does not speak in the scene, the label it last spoke under in
the play. ``--bible`` declares the Folger persons instead (their labels as aliases scoped to
their play), to tell identity noise from stage-time errors: the figures hardly move with it.
``--tei`` reads the plays from the Folger TEI files themselves ($SHOWBIBLE_TEI_PLAYS, default
/work/scratch/stage/tei), the gold's own edition: no edition noise, and the directions in
Folger's words ("They exit.", "Lancaster and Westmoreland exit."); persons by their TEI names.

Over the pairs present together per Folger, "met in this scene" is scored for precision and
recall, beside the baseline that sharing a scene is meeting. The hard cases are the pairs Folger
keeps apart (both in the scene, no shared stage time): how many we keep apart, how many we say
met, and how many we cannot judge because we miss one of them. First meetings: per play, for
every pair that meets per Folger, whether our first meeting is in the same scene, earlier (the
error the rule exists to avoid), later, or missing.

    .venv/bin/python bench/stage_time_dev.py [--errors] [--play 1henryiv] [--bible] [--tei]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "data"
PLAYS = SHARED / "shakespeare-fountain"
GOLD = SHARED / "shakespeare-gold" / "gold.json"
PAIRS = HERE.parent / "tests" / "data" / "stage" / "folger_stage_pairs.json"
TEI = Path(os.environ.get("SHOWBIBLE_TEI_PLAYS", "/work/scratch/stage/tei"))
_TEI = "{http://www.tei-c.org/ns/1.0}"
_XML = "{http://www.w3.org/XML/1998/namespace}"

SceneId = tuple[int, int, str]
Pair = tuple[str, str]


def _presence_bench() -> ModuleType:
    """bench/shakespeare_presence.py: the bible-less universe of the nine plays, scene ids."""
    spec = importlib.util.spec_from_file_location(
        "shakespeare_presence", HERE / "shakespeare_presence.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class OurScene:
    """One Fountain scene as the engine reads it, in Folger persons."""

    present: set[str] = field(default_factory=set)  # persons with an engine character present
    met: set[Pair] = field(default_factory=set)  # pairs of persons whose characters share time


def _key(sid: SceneId) -> SceneId:
    return (0, 0, "induction") if sid[2] == "induction" else sid


def _slug(person: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", person.lower()).strip("-")


def _bible(root: Path, gold: dict[str, Any]) -> dict[str, str]:
    """Add to the bible-less universe at ``root`` one character per Folger person, with the cue
    labels gold.json maps to them as aliases scoped to their play; character id -> person."""
    aliases: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for play, data in gold["plays"].items():
        for label, v in data["labels"].items():
            if v.get("id"):
                aliases[v["id"]][label].append(play.replace("_", "-"))
    people = {_slug(p): p for p in aliases}
    lines = ["characters:"]
    for cid, person in sorted(people.items()):
        labels = aliases[person]
        lines.append(f"  {cid}:")
        lines.append(f"    name: {json.dumps(max(labels, key=lambda x: len(labels[x])))}")
        lines.append("    aliases:")
        for label, series in sorted(labels.items()):
            lines.append(f"      - {{label: {json.dumps(label)}, series: {json.dumps(series)}}}")
    with (root / "universe.yaml").open("a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return people


def _tei_universe(into: Path, gold: dict[str, Any], tei: Path) -> dict[str, dict[str, Any]]:
    """A bible-less universe of the Folger TEI files themselves (the same edition as the gold);
    per play, each cue label the TEI reader gives (the person's name) -> {"id": person}."""
    from showbible.formats.tei import safe_label

    lines = ["name: the nine plays in the Folger TEI", "series:"]
    (into / "plays").mkdir(parents=True)
    labels: dict[str, dict[str, Any]] = {}
    for play, data in gold["plays"].items():
        source = tei / f"{data['tei']}.xml"
        shutil.copy(source, into / "plays" / f"{play}.xml")
        sid = play.replace("_", "-")
        lines += [f"  - id: {sid}", f'    scripts: ["plays/{play}.xml"]']
        names: dict[str, list[str]] = defaultdict(list)
        root = ET.parse(source).getroot()
        for person in [*root.iter(f"{_TEI}person"), *root.iter(f"{_TEI}personGrp")]:
            # As the TEI reader labels them: persName, else name (groups), else orgName.
            found = (person.find(f"{_TEI}{tag}") for tag in ("persName", "name", "orgName"))
            name = next((n for n in found if n is not None), None)
            if name is not None:
                label = safe_label(" ".join("".join(name.itertext()).split()))
                names[label].append(person.get(f"{_XML}id") or "")
        # A name two persons share (two Murderers) tells neither: left unmapped.
        labels[play] = {k: {"id": v[0]} for k, v in names.items() if len(v) == 1}
    (into / "universe.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return labels


def _tei_scene_id(heading: str) -> SceneId | None:
    """(act, scene, "scene") of the TEI reader's heading ``ACT 1. Scene 2``; prologues, choruses
    and the induction hold one speaker each, so no pairs, and are left out."""
    m = re.match(r"ACT\s+(\d+)\.\s*Scene\s+(\d+)", heading, re.IGNORECASE)
    return (int(m.group(1)), int(m.group(2)), "scene") if m else None


def engine_scenes(
    gold: dict[str, Any], bible: bool = False, tei: Path | None = None
) -> dict[str, dict[SceneId, OurScene]]:
    """play stem -> scene id -> our presence and meetings, in Folger person ids. With ``bible``,
    a bible declares the Folger persons (their labels as aliases), so identity is no noise.
    With ``tei`` (a folder), the plays are read from the Folger TEI files there instead."""
    from showbible.build.compiler import compile_universe
    from showbible.canon.stage import stage_pairs
    from showbible.universe.loader import load_universe

    bench = _presence_bench()
    tei_labels: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if tei is not None:
            root = Path(tmp)
            tei_labels = _tei_universe(root, gold, tei)
        else:
            root = bench._universe(Path(tmp))
        declared = _bible(root, gold) if bible and tei is None else {}
        compiled = compile_universe(load_universe(root), rules=False)
    by_play: dict[str, list[Any]] = defaultdict(list)
    for scene in compiled.canon.scenes:
        by_play[scene.episode].append(scene)
    out: dict[str, dict[SceneId, OurScene]] = {}
    for play, scenes in by_play.items():
        labels = tei_labels[play] if tei is not None else gold["plays"][play]["labels"]

        def persons(said: Any, labels: dict[str, Any] = labels) -> set[str]:
            return {labels[x]["id"] for x in said if labels.get(x, {}).get("id")}

        scenes.sort(key=lambda s: s.number)
        first: dict[str, set[str]] = {}  # character -> persons of its first label in the play
        for s in scenes:
            for cid, said in s.labels.items():
                first.setdefault(cid, persons([said.most_common(1)[0][0]]))
        latest: dict[str, set[str]] = {}
        seen: dict[SceneId, OurScene] = {}
        for s in scenes:
            of: dict[str, set[str]] = {}
            for cid in s.present:
                if cid in declared:
                    of[cid] = {declared[cid]}
                    continue
                of[cid] = persons(s.labels[cid]) if cid in s.labels else set()
                if not of[cid]:
                    of[cid] = latest.get(cid) or first.get(cid) or set()
            for cid, said in s.labels.items():
                latest[cid] = persons([said.most_common(1)[0][0]])
            sid = _tei_scene_id(s.heading) if tei is not None else bench._scene_id(s.heading)
            if sid is None:
                continue
            ours = OurScene(present={p for ps in of.values() for p in ps})
            for a, b in stage_pairs(s, s.present):
                for pa in of.get(a, ()):
                    for pb in of.get(b, ()):
                        if pa != pb:
                            ours.met.add((min(pa, pb), max(pa, pb)))
            seen[_key(sid)] = ours
        out[play] = seen
    return out


@dataclass
class Tally:
    tp: int = 0  # met per Folger and per us
    fp: int = 0  # kept apart per Folger, met per us
    fn: int = 0  # met per Folger, not per us
    tn: int = 0  # kept apart per both
    base_tp: int = 0  # the baseline: both present in our scene counts as met
    base_fp: int = 0
    base_fn: int = 0
    hard: int = 0  # pairs Folger keeps apart
    hard_apart: int = 0  # ... both present for us and kept apart
    hard_met: int = 0  # ... both present for us and met
    hard_missing: int = 0  # ... one or both missing from our scene
    # First meetings per Folger placed in the same scene, early, late or never; "false": pairs
    # we have meet who never do. Ours, and the baseline (sharing a scene is meeting).
    first: Counter[str] = field(default_factory=Counter)
    base_first: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name in ("first", "base_first"):
                getattr(self, name).update(getattr(other, name))
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score_play(
    gold_scenes: list[dict[str, Any]], ours: dict[SceneId, OurScene], errors: list[str] | None
) -> Tally:
    t = Tally()
    # First scene (index) where each pair meets: per Folger, per us, per the baseline; only
    # over the pairs Folger has present together, so presence errors do not count here.
    firsts: dict[str, dict[Pair, int]] = {"gold": {}, "ours": {}, "scene": {}}
    for n, scene in enumerate(gold_scenes):
        sid = _key((scene["act"], scene["scene"], scene["kind"]))
        mine = ours.get(sid, OurScene())
        for a, b, overlap in scene["pairs"]:
            pair = (a, b)
            both = a in mine.present and b in mine.present
            met = pair in mine.met
            for name, yes in (("gold", overlap), ("ours", met), ("scene", both)):
                if yes:
                    firsts[name].setdefault(pair, n)
            if overlap:
                t.tp += met
                t.fn += not met
                t.base_tp += both
                t.base_fn += not both
            else:
                t.fp += met
                t.tn += not met
                t.base_fp += both
                t.hard += 1
                t.hard_apart += both and not met
                t.hard_met += met
                t.hard_missing += not both
            if errors is not None and met != overlap and (both or overlap):
                what = "met, Folger keeps apart" if met else "kept apart, Folger: met"
                if not both:
                    what = "missing " + " ".join(p for p in pair if p not in mine.present)
                errors.append(f"{sid[0]}.{sid[1]} {a} {b}: {what}")
    for name, counts in (("ours", t.first), ("scene", t.base_first)):
        for pair, n in firsts["gold"].items():
            m = firsts[name].get(pair)
            when = "never" if m is None else "same" if m == n else "early" if m < n else "late"
            counts[when] += 1
        counts["false"] += len(set(firsts[name]) - set(firsts["gold"]))
    return t


def score(
    errors: bool = False, only: str | None = None, bible: bool = False, tei: Path | None = None
) -> dict[str, Tally]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    dev = json.loads(PAIRS.read_text(encoding="utf-8"))
    ours = engine_scenes(gold, bible, tei)
    rows: dict[str, Tally] = {}
    total = Tally()
    for play, data in dev["plays"].items():
        if only and play != only:
            continue
        wrong: list[str] | None = [] if errors else None
        rows[play] = score_play(data["scenes"], ours.get(play, {}), wrong)
        total.add(rows[play])
        for line in wrong or ():
            print(f"{play} {line}")
    rows["all"] = total
    return rows


def figures(t: Tally) -> dict[str, float]:
    return {
        "precision": _ratio(t.tp, t.tp + t.fp),
        "recall": _ratio(t.tp, t.tp + t.fn),
        "base_precision": _ratio(t.base_tp, t.base_tp + t.base_fp),
        "base_recall": _ratio(t.base_tp, t.base_tp + t.base_fn),
        "hard_apart": _ratio(t.hard_apart, t.hard_apart + t.hard_met),
    }


def report(rows: dict[str, Tally]) -> None:
    print(
        f"{'play':<12} {'pairs':>5} {'met':>5} {'P':>6} {'R':>6} {'P scene':>7} {'R scene':>7}"
        f" {'apart':>5} {'kept':>5} {'merged':>6} {'miss':>5}"
        "  first meetings same/early/late/never/false: ours | scene"
    )
    for play, t in rows.items():
        f = figures(t)
        print(
            f"{play:<12} {t.tp + t.fn + t.fp + t.tn:>5} {t.tp + t.fn:>5}"
            f" {f['precision']:>6.3f} {f['recall']:>6.3f}"
            f" {f['base_precision']:>7.3f} {f['base_recall']:>7.3f}"
            f" {t.hard:>5} {t.hard_apart:>5} {t.hard_met:>6} {t.hard_missing:>5}"
            f"  {_firsts(t.first)} | {_firsts(t.base_first)}"
        )
    print(
        "pairs: present together per Folger; met: of them sharing stage time. P/R: our 'met in"
        " this scene'; P/R scene: sharing the scene counts as meeting. apart: pairs Folger keeps"
        " apart; kept: both present for us and kept apart; merged: we say they met; miss: we"
        " miss one of them. First meetings of the pairs Folger has meet: in the same scene as"
        " Folger, earlier, later, never; false: pairs that never meet per Folger."
    )


def _firsts(c: Counter[str]) -> str:
    return "/".join(str(c[k]) for k in ("same", "early", "late", "never", "false"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every pair we get wrong")
    parser.add_argument("--play", help="one play (file stem)")
    parser.add_argument(
        "--bible",
        action="store_true",
        help="declare the Folger persons (gold.json labels as aliases): identity is no noise",
    )
    parser.add_argument(
        "--tei",
        action="store_true",
        help="read the plays from the Folger TEI ($SHOWBIBLE_TEI_PLAYS), the gold's own edition",
    )
    args = parser.parse_args()
    if not GOLD.is_file() or not PLAYS.is_dir():
        print(f"skipped: {GOLD} or {PLAYS} is not present")
        return 0
    if args.tei and not TEI.is_dir():
        print(f"skipped: {TEI} is not present (set SHOWBIBLE_TEI_PLAYS)")
        return 0
    tei = TEI if args.tei else None
    report(score(errors=args.errors, only=args.play, bible=args.bible, tei=tei))
    return 0


if __name__ == "__main__":
    sys.exit(main())
