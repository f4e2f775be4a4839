"""What a cold build's wall time on two idle cores is made of, measured on a busy machine.

Runs a cold ``build()`` of a fresh copy of UNIVERSE (its ``.showbible/`` left out) in this
process and prints CPU seconds: the imports and the parent's work before the extraction, while
the workers run (decoding their results), after them (folding, linking, the store write); each
extraction worker's, taken as it exits; the forks beside the parent (the rules', the
meetings'), from ``os.times()``. The **critical path** is imports + before + the busier worker
+ after: what the build takes on two idle cores, less the parent's share of a core while the
workers run. On a machine shared with other work, wall time moves with the load and CPU time
far less, so two versions of the engine compare by this sum (and by the workers' balance)
where their wall times do not. Linux (fork) only.

Usage: PYTHONPATH=SRC python bench/critical_path.py UNIVERSE [--runs N]
"""

from __future__ import annotations

import time

STARTED = time.process_time()

import argparse  # noqa: E402
import glob  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from showbible.build import pipeline  # noqa: E402
from showbible.build.compiler import build  # noqa: E402

IMPORTS = time.process_time() - STARTED


def _timed_worker(worker: Any, out: str) -> Any:
    def run(conn: Any, ctx: Any) -> None:
        try:
            worker(conn, ctx)
        finally:
            t = os.times()
            with open(os.path.join(out, f"worker{os.getpid()}"), "w") as f:
                f.write(str(t.user + t.system))

    return run


def measure(universe: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "u"
        shutil.copytree(universe, copy, ignore=shutil.ignore_patterns(".showbible"))
        pipeline._worker = _timed_worker(real_worker, tmp)
        marks: dict[str, float] = {}

        def progress(stage: str, done: int, total: int) -> None:
            marks.setdefault(stage, time.process_time())
            if done == total:
                marks[stage + " end"] = time.process_time()

        before = os.times()
        c0, w0 = time.process_time(), time.perf_counter()
        build(copy, progress=progress)
        c1, w1 = time.process_time(), time.perf_counter()
        after = os.times()
        workers = sorted(
            float(Path(f).read_text()) for f in glob.glob(os.path.join(tmp, "worker*"))
        )
    children = (after.children_user + after.children_system) - (
        before.children_user + before.children_system
    )
    start = marks.get("read", marks.get("extract", c0))
    end = marks.get("extract end", start)
    out = {
        "imports": IMPORTS,
        "before": start - c0,
        "during": end - start,
        "after": c1 - end,
        "forks": children - sum(workers),
        "wall": w1 - w0,
    }
    out["critical"] = out["imports"] + out["before"] + max(workers, default=0.0) + out["after"]
    for k, w in enumerate(workers):
        out[f"worker {k + 1}"] = w
    return out


real_worker = pipeline._worker


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("universe", type=Path)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    for _ in range(args.runs):
        got = measure(args.universe)
        load = os.getloadavg()[0]
        print(f"load {load:.2f} " + " ".join(f"{k} {v:.2f}" for k, v in got.items()), flush=True)


if __name__ == "__main__":
    main()
