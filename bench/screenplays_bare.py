"""Real screenplays read bare: every finding is a false alarm, every crossover wrong.

The eighteen born-digital screenplay and teleplay PDFs of tests/formats/test_pdf_real.py (by
other writers, from public repositories; facts in tests/data/formats/real_pdfs.json, the PDFs in
``$SHOWBIBLE_REAL_PDFS``, default ../scratch/pdfs) are read as one universe of eighteen
one-episode series with a bare ``universe.yaml`` (no bible). They are published, unrelated
scripts: a continuity finding there is a false alarm of the reading (a flashback taken for the
present, an adjective taken for a name, a shot taken for a place), and a crossover between two
of them is wrong. The figure is false alarms per script, per rule.

Run: ``python bench/screenplays_bare.py [--show]`` (``make bench`` runs it too).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe

ROOT = Path(__file__).resolve().parents[1]
PDFS = Path(os.environ.get("SHOWBIBLE_REAL_PDFS", str(ROOT.parent / "scratch" / "pdfs")))


def universe(pdfs: list[Path], into: Path) -> Path:
    """A bare universe of one series per PDF, in ``into``."""
    lines = ["name: Real screenplays, read bare", "series:"]
    for pdf in pdfs:
        sid = pdf.stem.lower().replace("_", "-")
        (into / sid).mkdir()
        shutil.copy(pdf, into / sid / pdf.name)
        lines += [f"  - id: {sid}", f'    scripts: ["{sid}/*.pdf"]']
    (into / "universe.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return into


def measure(folder: Path = PDFS) -> dict[str, Any] | None:
    """Findings by rule and crossing characters of the PDFs in ``folder``; None without any."""
    pdfs = sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    if not pdfs:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        compiled = compile_universe(load_universe(universe(pdfs, Path(tmp))), jobs=1)
    people = compiled.canon.cast.characters
    crossing = {
        cid
        for cid, where in compiled.canon.appearances.items()
        if not (cid in people and people[cid].role)
        and len({compiled.canon.scenes[i].series for i in where}) > 1
    }
    found = [f for f in compiled.findings if not f.sealed]
    return {
        "scripts": len(pdfs),
        "by rule": Counter(f.rule for f in found),
        "findings": found,
        "crossing": sorted(crossing),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every finding")
    args = parser.parse_args(argv)
    got = measure()
    if got is None:
        print(f"no PDFs in {PDFS} (set SHOWBIBLE_REAL_PDFS)")
        return 0
    n = got["scripts"]
    print(f"{'rule':24} {'findings':>8} {'per script':>10}")
    for rule, count in sorted(got["by rule"].items()):
        print(f"{rule:24} {count:8d} {count / n:10.3f}")
    total = sum(got["by rule"].values())
    print(f"{'all (' + str(n) + ' scripts)':24} {total:8d} {total / n:10.3f}")
    print(f"characters in two scripts, walk-on roles aside (all wrong): {len(got['crossing'])}")
    if args.show:
        for f in got["findings"]:
            print(f"  {f.file}:{f.line}: {f.rule}: {f.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
