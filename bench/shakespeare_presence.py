"""Per-scene presence in the nine history plays, read with no bible, against Folger's annotation.

`../shared/data/shakespeare-gold/gold.json` lists, per scene, the edition's cue labels of everyone
on stage at any point (speakers and silent entrants). We build the nine Fountain plays with a
universe file that names only the series, and compare each scene's present characters, as cue
labels of that play, with the gold: precision, recall and F1 over (scene, label) pairs, per play
and overall. Scenes the gold marks as mismatched are not scored, nor are labels the gold maps to
no person (its `labels_without_id`: `All`, `BOTH`, `Citizens`...).

    .venv/bin/python bench/shakespeare_presence.py [--misses] [--cues-only]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "data"
PLAYS = SHARED / "shakespeare-fountain"
GOLD = SHARED / "shakespeare-gold" / "gold.json"

_HEADING = re.compile(r"^\.?ACT\s+([IVX]+)\.\s*(?:SCENE\s+([IVX]+)|(PROLOGUE))", re.IGNORECASE)
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total


def _scene_id(heading: str) -> tuple[int, int, str] | None:
    """(act, scene, kind) of a Fountain heading ``.ACT I. SCENE II. ...`` / ``.ACT II. PROLOGUE``;
    the induction of 2 Henry IV is act 0."""
    if heading.lstrip(".").upper().startswith("INDUCTION"):
        return (0, 0, "induction")
    m = _HEADING.match(heading.strip())
    if m is None:
        return None
    if m.group(3):
        return (_roman(m.group(1).upper()), 0, "prologue")
    return (_roman(m.group(1).upper()), _roman(m.group(2).upper()), "scene")


def _universe(into: Path) -> Path:
    lines = ["name: histories without a bible", "series:"]
    (into / "plays").mkdir(parents=True)
    for play in sorted(PLAYS.glob("*.fountain")):
        shutil.copy(play, into / "plays" / play.name)
        sid = play.stem.replace("_", "-")
        lines += [
            f"  - id: {sid}",
            f'    scripts: ["plays/{play.name}"]',
            f"    episodes: {{{play.stem}: {{title: {play.stem}}}}}",
        ]
    (into / "universe.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return into


def engine_presence(cues_only: bool = False) -> dict[str, dict[tuple[int, int, str], set[str]]]:
    """play stem -> scene id -> the cue labels (of that play) of everyone the engine has present."""
    from showbible.build.compiler import compile_universe
    from showbible.universe.loader import load_universe

    with tempfile.TemporaryDirectory() as tmp:
        compiled = compile_universe(load_universe(_universe(Path(tmp))), rules=False)
    out: dict[str, dict[tuple[int, int, str], set[str]]] = {}
    by_play: dict[str, list[Any]] = defaultdict(list)
    for scene in compiled.canon.scenes:
        by_play[scene.episode].append(scene)
    for play, scenes in by_play.items():
        scenes.sort(key=lambda s: s.number)
        latest: dict[str, str] = {}  # character -> the label it last spoke under in this play
        later: dict[str, str] = {}  # character -> the first label it speaks under in this play
        for s in scenes:
            for cid, said in s.labels.items():
                later.setdefault(cid, said.most_common(1)[0][0])
        seen: dict[tuple[int, int, str], set[str]] = {}
        for s in scenes:
            sid = _scene_id(s.heading)
            labels: set[str] = set()
            for cid in s.present:
                if cues_only and cid not in s.labels:
                    continue  # there by a stage direction only
                said = s.labels.get(cid)
                if said:
                    labels.update(said)
                else:
                    name = compiled.cast.characters[cid].name.upper()
                    labels.add(latest.get(cid) or later.get(cid) or name)
            for cid, said in s.labels.items():
                latest[cid] = said.most_common(1)[0][0]
            if sid is not None:
                seen[sid] = labels
        out[play] = seen
    return out


def score(misses: bool = False, cues_only: bool = False) -> dict[str, dict[str, float]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    ours = engine_presence(cues_only)
    rows: dict[str, dict[str, float]] = {}
    total = [0, 0, 0]
    for play, data in gold["plays"].items():
        tp = fp = fn = 0
        # Group and stray labels (All, BOTH, Citizens...) denote no Folger person, so the gold can
        # never list them: they are left out of the engine's side too.
        unscored = set(data["alignment"].get("labels_without_id", ()))
        for scene in data["scenes"]:
            sid = (scene["act"], scene["scene"], scene["kind"])
            if sid[2] == "induction":
                sid = (0, 0, "induction")
            elif sid[2] == "prologue":
                sid = (sid[0], 0, "prologue")
            want = set(scene["present"])
            got = ours.get(play, {}).get(sid, set()) - unscored
            tp += len(want & got)
            fp += len(got - want)
            fn += len(want - got)
            if misses and (got ^ want):
                extra, missed = sorted(got - want), sorted(want - got)
                print(f"{play} {sid[0]}.{sid[1]}: extra {extra} missed {missed}")
        rows[play] = _prf(tp, fp, fn)
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
    rows["all"] = _prf(*total)
    return rows


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pairs": tp + fn, "precision": p, "recall": r, "F1": f}


def report(rows: dict[str, dict[str, float]]) -> None:
    print(f"{'play':<12} {'pairs':>6} {'precision':>9} {'recall':>7} {'F1':>6}")
    for play, r in rows.items():
        print(
            f"{play:<12} {int(r['pairs']):>6} {r['precision']:>9.3f} {r['recall']:>7.3f} "
            f"{r['F1']:>6.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every scene that differs")
    parser.add_argument(
        "--cues-only", action="store_true", help="the baseline: present only by speaking"
    )
    args = parser.parse_args()
    if not GOLD.is_file() or not PLAYS.is_dir():
        print(f"skipped: {GOLD} or {PLAYS} is not present")
        return 0
    report(score(misses=args.misses, cues_only=args.cues_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
