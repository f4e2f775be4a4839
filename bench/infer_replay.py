"""The inference's CPU alone, apart from the rest of the extraction.

Runs a one-process compile of UNIVERSE with ``infer_facts`` recording its calls instead of
inferring, then replays every call (each scene's facts, elements, matcher and places) and
prints the best CPU seconds of ``--runs`` replays, with the number of facts found (which two
versions of the engine must agree on). Inference is about two fifths of a cold build's CPU
(500 synthetic episodes); timed alone, a change to it is measured without the noise of
parsing, extraction and the store. The garbage collector is off, as in a build.

Usage: SHOWBIBLE_NO_CACHE=1 PYTHONPATH=SRC python bench/infer_replay.py UNIVERSE [--runs N]
"""

from __future__ import annotations

import argparse
import gc
import time
from typing import Any

from showbible.build import pipeline
from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("universe")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    infer = pipeline.infer_facts

    def record(*a: Any, **k: Any) -> list[Any]:
        calls.append((a, k))
        return []

    pipeline.infer_facts = record  # type: ignore[assignment]
    compile_universe(load_universe(args.universe), jobs=1, rules=False)
    gc.disable()
    best, facts = float("inf"), 0
    for _ in range(args.runs):
        started = time.process_time()
        found = [infer(*a, **k) for a, k in calls]
        best = min(best, time.process_time() - started)
        facts = sum(map(len, found))
    print(f"{len(calls)} scenes, inference {best:.2f} CPU s (best of {args.runs}), {facts} facts")


if __name__ == "__main__":
    main()
