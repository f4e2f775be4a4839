"""Who shares the stage with whom, per scene, read from Folger's annotation of the nine plays.

The Folger encoding (as published by DraCor, github.com/dracor-org/shakedracor, CC BY-NC 4.0)
marks every entrance and exit as ``<stage type="entrance|exit" who="#id ...">`` and every speech
as ``<sp who="#id">``. So each person's stretches of stage time in a scene can be read from the
annotation alone, with no reading of the text:

- events are the ``<sp>`` and the entrance/exit ``<stage>`` elements, in document order (a
  direction inside a speech comes after the speech's start);
- an entrance puts its people on stage (if they are not already); an exit takes them off;
- an exit naming someone who never entered in the scene means they were on from its start;
- a group's entrance or exit moves its members too (Folger's dotted ids: ``PETITIONERS.0.1``,
  the First Petitioner, is one of ``PETITIONERS``), unless a member has an entrance of its own;
- a speech by someone off stage is an unmarked entrance, unless the speech is spoken ``within``
  (Folger's ``<stage type="location">within</stage>``): a voice from off stage meets nobody;
- other directions (``business``, ``sound``...) do not move anyone: Folger writes "The King enters
  with his power, crosses the stage and exits" as business, and "They whistle, within" for people
  who have gone.

Two people share stage time when one of their stretches overlaps one of the other's (an exit
followed by an entrance is no overlap: Hotspur exits before Hal enters in 1 Henry IV V.3).

This module writes ``tests/data/stage/folger_stage_pairs.json``: per aligned scene, every pair of
persons both present who have a cue label in the Fountain edition, with whether their stage time
overlaps. Only ids and derived facts: no play text.

    .venv/bin/python bench/stage_time_gold.py [--tei DIR] [--anomalies]

(TEI folder: ``$SHOWBIBLE_TEI_PLAYS``, default /work/scratch/stage/tei; see
tests/data/stage/README.md for how to fetch it.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent.parent / "shared" / "data" / "shakespeare-gold" / "gold.json"
OUT = HERE.parent / "tests" / "data" / "stage" / "folger_stage_pairs.json"
TEI = Path(os.environ.get("SHOWBIBLE_TEI_PLAYS", "/work/scratch/stage/tei"))
REPO = "github.com/dracor-org/shakedracor"
LICENCE = "CC BY-NC 4.0 (DraCor); Folger Shakespeare text CC BY-NC 3.0"
_NS = "{http://www.tei-c.org/ns/1.0}"
_FROM_START = -1  # on stage from the scene's start

SceneId = tuple[int, int, str]  # (act, scene, kind) as in gold.json; kind scene/prologue/induction


@dataclass
class SceneTimes:
    """Each person's stretches of stage time (event positions) in one TEI scene."""

    present: set[str] = field(default_factory=set)  # in the who of any <sp> or <stage>
    times: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    notes: Counter[str] = field(default_factory=Counter)  # annotation lapses worked around

    def overlap(self, a: str, b: str) -> bool:
        return any(
            s1 < e2 and s2 < e1
            for s1, e1 in self.times.get(a, ())
            for s2, e2 in self.times.get(b, ())
        )


def _who(element: ET.Element) -> list[str]:
    return [w.lstrip("#") for w in (element.get("who") or "").split()]


def _within(sp: ET.Element) -> bool:
    return any(
        "within" in "".join(st.itertext()).lower()
        for st in sp.iter(f"{_NS}stage")
        if st.get("type") == "location"
    )


def _members(group: str, ids: set[str]) -> list[str]:
    """The ids of ``ids`` that are members of ``group`` in Folger's dotted scheme:
    ``PETITIONERS.0.1_2H6`` (the First Petitioner) is one of ``PETITIONERS_2H6``."""
    base, _, play = group.rpartition("_")
    return [i for i in ids if i != group and i.startswith(base + ".") and i.endswith("_" + play)]


def scene_times(div: ET.Element) -> SceneTimes:
    out = SceneTimes()
    events: list[tuple[str, list[str], ET.Element]] = []
    for element in div.iter():
        if element.tag == f"{_NS}sp":
            events.append(("speech", _who(element), element))
        elif element.tag == f"{_NS}stage":
            events.append((element.get("type") or "", _who(element), element))
    out.present = {p for _kind, who, _e in events for p in who}
    # A member of a group enters and leaves with it ("They exit" naming PETITIONERS takes off the
    # First Petitioner, who came on as one of them), unless the member's own first mark is an
    # entrance of their own.
    first_own: dict[str, str] = {}
    for kind, who, _e in events:
        for p in who:
            first_own.setdefault(p, kind)
    on: dict[str, int] = {}
    entered: set[str] = set()
    for pos, (kind, named, element) in enumerate(events, start=1):
        who = list(named)
        if kind == "exit":
            who += [m for g in named for m in _members(g, out.present) if m in on]
        elif kind == "entrance":
            who += [
                m
                for g in named
                for m in _members(g, out.present)
                if first_own.get(m) != "entrance" and m not in entered
            ]
        if kind == "entrance" or (kind == "speech" and not _within(element)):
            for p in dict.fromkeys(who):
                if p not in on:
                    if kind == "speech":
                        out.notes["speech off stage: unmarked entrance"] += 1
                    on[p] = pos
                    entered.add(p)
        elif kind == "exit":
            for p in dict.fromkeys(who):
                if p in on:
                    out.times.setdefault(p, []).append((on.pop(p), pos))
                elif p not in entered:
                    out.notes["exit without entrance: on from the start"] += 1
                    out.times.setdefault(p, []).append((_FROM_START, pos))
                    entered.add(p)
                else:
                    out.notes["exit of someone already off"] += 1
    end = len(events) + 1
    for p, start in on.items():
        out.times.setdefault(p, []).append((start, end))
    return out


def _scene_id(div: ET.Element, act: int) -> SceneId | None:
    kind = div.get("type")
    if kind == "scene":
        return (act, int(div.get("n") or 0), "scene")
    if kind == "prologue":
        return (1, 0, "prologue")
    if kind == "chorus":  # Henry V's choruses are the MIT edition's act prologues
        return (act, 0, "prologue")
    if kind == "induction":
        return (0, 0, "induction")
    return None  # epilogues: the MIT edition folds them into the last scene


def play_times(path: Path) -> dict[SceneId, SceneTimes]:
    body = ET.parse(path).getroot().find(f".//{_NS}body")
    assert body is not None, path
    out: dict[SceneId, SceneTimes] = {}
    for top in body.findall(f"{_NS}div"):
        if top.get("type") == "act":
            act = int(top.get("n") or 0)
            for div in top.findall(f"{_NS}div"):
                sid = _scene_id(div, act)
                if sid is not None:
                    out[sid] = scene_times(div)
        else:
            sid = _scene_id(top, 0)
            if sid is not None:
                out[sid] = scene_times(top)
    return out


def derive(tei: Path, gold: dict[str, Any]) -> dict[str, Any]:
    """The committed dev set: per aligned scene, every labelled pair and whether they overlap."""
    plays: dict[str, Any] = {}
    files: dict[str, Any] = {}
    commit = ""
    for play, data in gold["plays"].items():
        path = tei / f"{data['tei']}.xml"
        commit = data["tei_commit"]
        files[play] = {
            "path": f"tei/{data['tei']}.xml",
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        }
        labelled = {v["id"] for v in data["labels"].values() if v.get("id")}
        times = play_times(path)
        scenes = []
        for scene in data["scenes"]:
            sid = (scene["act"], scene["scene"], scene["kind"])
            st = times[sid]
            people = sorted(st.present & labelled)
            pairs = [[a, b, st.overlap(a, b)] for a, b in combinations(people, 2)]
            scenes.append({"act": sid[0], "scene": sid[1], "kind": sid[2], "pairs": pairs})
        plays[play] = {"tei": data["tei"], "scenes": scenes}
    return {
        "about": (
            "Per scene of the nine plays (numbered as in ../shared/data/shakespeare-fountain, "
            "aligned scenes of ../shared/data/shakespeare-gold/gold.json only), every pair of "
            "Folger persons present who have a cue label in that edition, and whether their "
            "stage time overlaps by Folger's <stage type=entrance|exit> and <sp> annotation. "
            "Derived by bench/stage_time_gold.py; ids and booleans only, no play text."
        ),
        "source": {"repository": REPO, "commit": commit, "licence": LICENCE, "files": files},
        "plays": plays,
    }


def _dump(data: dict[str, Any]) -> str:
    """JSON with one scene to a line: reviewable diffs, a tenth of the indented size."""
    head = {k: v for k, v in data.items() if k != "plays"}
    text = json.dumps(head, indent=1)[:-2] + ',\n "plays": {\n'
    plays = []
    for play, d in data["plays"].items():
        scenes = ",\n".join("   " + json.dumps(s, separators=(",", ":")) for s in d["scenes"])
        plays.append(f'  "{play}": {{"tei": "{d["tei"]}", "scenes": [\n{scenes}\n  ]}}')
    return text + ",\n".join(plays) + "\n }\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tei", type=Path, default=TEI, help="folder of the DraCor TEI files")
    parser.add_argument(
        "--anomalies", action="store_true", help="count annotation lapses worked around"
    )
    args = parser.parse_args()
    if not GOLD.is_file() or not args.tei.is_dir():
        print(f"skipped: {GOLD} or {args.tei} is not present")
        return 0
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    if args.anomalies:
        for play, data in gold["plays"].items():
            notes: Counter[str] = Counter()
            for st in play_times(args.tei / f"{data['tei']}.xml").values():
                notes.update(st.notes)
            print(play, dict(notes))
        return 0
    data = derive(args.tei, gold)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(_dump(data), encoding="utf-8")
    pairs = [p for d in data["plays"].values() for s in d["scenes"] for p in s["pairs"]]
    print(f"wrote {OUT}: {len(pairs)} pairs, {sum(not p[2] for p in pairs)} kept apart")
    return 0


if __name__ == "__main__":
    sys.exit(main())
