"""False alarms on real material: every finding of ``showbible check`` on real shows nobody here
wrote, read without a bible.

A broadcast show's transcripts are continuity-consistent as far as anyone watching can tell, so a
continuity finding on them (a dead man present, a secret known too soon, old acquaintances acting
as strangers, someone in two places) is presumed a false alarm: the held-out measure of issue 13
allows 0.1 per episode on another team's universe. The input rules (``script-syntax``,
``unreadable-file``, ``encoding``...) and ``unknown-character`` report real defects of the
transcripts (a speaker line with no words, a misspelt cue: ``RAHCEL``, ``NEMWAN``) and are
counted apart, as "input".

Corpora, under ``$SHOWBIBLE_IDENTITY_CORPORA`` (default /work/scratch/identity; made by
``bench/corpora.py``, ``bench/corpus_doctorwho.py`` and ``bench/corpus_franchise.py``): ``mcu``,
``adventure``, ``steven``, ``doctorwho`` (time travel and regeneration make some of its
findings the story's own: read, not presumed),
``sitcoms``, ``franchise``; the nine history plays of ../shared/data with no bible; and the
Renaissance plays (DraCor TEI, one series per play) under ``$SHOWBIBLE_INFER_TEXTS`` (default
/work/scratch/infer: the held-out texts of the inference bench, whose labels play no part here).
Each is built into a temporary store (the universe folder is read, never written).

Usage: ``python bench/real_alarms.py [--list] [--only NAME]``
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from identity_eval import CORPORA, shakespeare_universe
from showbible.rules import INPUT_RULE_IDS
from showbible.universe.loader import load_universe

NAMES = (
    "mcu", "adventure", "steven", "doctorwho", "sitcoms", "franchise", "plays", "renaissance",
)  # fmt: skip
INFER_TEXTS = Path(os.environ.get("SHOWBIBLE_INFER_TEXTS", "/work/scratch/infer"))
# Findings about the scripts as written, not about the story they tell.
INPUT = INPUT_RULE_IDS | {"unknown-character"}


def findings_of(universe: Path, db: Path) -> list[dict[str, Any]]:
    """``check --format json`` of ``universe`` built into the SQLite file ``db``."""
    done = subprocess.run(
        [sys.executable, "-m", "showbible", "check", str(universe), "--db", f"sqlite:///{db}",
         "--no-daemon", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{universe}: check exited {done.returncode}: {done.stderr[-400:]}")
    found: list[dict[str, Any]] = json.loads(done.stdout)["findings"]
    return found


def renaissance_universe(into: Path) -> Path | None:
    """The TEI plays of ``INFER_TEXTS`` (each play once) as one universe, a series per play."""
    plays = {p.name: p for p in sorted(INFER_TEXTS.glob("*/*.xml"))}
    if not plays:
        return None
    root = into / "renaissance"
    (root / "plays").mkdir(parents=True)
    lines = ['name: "Renaissance plays, read bare"', "series:"]
    for name, path in sorted(plays.items()):
        shutil.copy(path, root / "plays" / name)
        sid = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:60]
        lines += [f"  - id: {sid}", f'    scripts: ["plays/{name}"]']
    (root / "universe.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def corpora(tmp: Path, only: str | None) -> list[tuple[str, Path]]:
    out = []
    for name in NAMES:
        if only is not None and name != only:
            continue
        if name == "plays":
            root = shakespeare_universe(tmp)
        elif name == "renaissance":
            root = renaissance_universe(tmp)
        else:
            root = CORPORA / name
        if root is not None and (root / "universe.yaml").is_file():
            out.append((name, root))
    return out


Row = tuple[str, int, int, int, int, Counter[str]]


def measure(only: str | None = None) -> tuple[list[Row], list[tuple[str, dict[str, Any]]]]:
    """Per corpus: (name, episodes, continuity findings, of which errors, input findings, by
    rule); and every continuity finding with its corpus."""
    rows: list[Row] = []
    listed: list[tuple[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name, root in corpora(tmp, only):
            episodes = len(load_universe(root).episodes)
            found = findings_of(root, tmp / f"{name}.sqlite")
            continuity = [f for f in found if f["rule"] not in INPUT]
            by_rule = Counter(f["rule"] for f in continuity)
            errors = sum(f["severity"] == "error" for f in continuity)
            rows.append(
                (name, episodes, len(continuity), errors, len(found) - len(continuity), by_rule)
            )
            listed += [(name, f) for f in continuity]
    return rows, listed


def table(rows: list[Row]) -> str:
    out = ["corpus      episodes  continuity (errors)  per episode  input  by rule"]
    total_e = total_c = 0
    for name, episodes, c, errors, inputs, by_rule in rows:
        total_e, total_c = total_e + episodes, total_c + c
        rules = ", ".join(f"{r} {n}" for r, n in sorted(by_rule.items()))
        out.append(
            f"{name:10s} {episodes:9d} {c:11d} ({errors:3d}) {c / max(episodes, 1):12.3f} "
            f"{inputs:6d}  {rules}"
        )
    out.append(f"{'all':10s} {total_e:9d} {total_c:11d} {'':5s} {total_c / max(total_e, 1):12.3f}")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="every continuity finding")
    ap.add_argument("--only", choices=NAMES, help="one corpus")
    args = ap.parse_args()
    rows, listed = measure(args.only)
    print(table(rows) if rows else f"no corpus under {CORPORA} (set SHOWBIBLE_IDENTITY_CORPORA)")
    if args.list:
        for name, f in listed:
            print(f"{name}: {f['file']}:{f['line']} {f['rule']} {f['severity']}: {f['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
