"""How the cold build grows from 500 to 5,000 episodes, measured so that the shared machine's
slow spells do not decide it: builds of the two sizes alternate (500, 5,000, 500, 5,000, 500),
each in a fresh process, and the ratio is that of the two fastest.

The time is that of the `build()` call, committed store and all, as bench/scale.py times it
(the process's exit, which frees the canon, aside).

Usage: python bench/ratio.py [--small 500] [--large 5000] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def one(size: int, folder: Path) -> float:
    """A cold build of the synthetic universe of ``size`` episodes, in this process."""
    from scale import pristine
    from showbible import build

    root = pristine(size, folder)  # bench/scale.py's, when it has run with this folder
    db = folder / f"ratio-{size}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    build(root, f"sqlite:///{db}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--out", default=None)
    parser.add_argument("--one", type=int, default=None)
    args = parser.parse_args()
    folder = Path(args.out or tempfile.mkdtemp(prefix="showbible-ratio-"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.one is not None:
        print(json.dumps(one(args.one, folder)))
        return 0
    times: dict[int, list[float]] = {args.small: [], args.large: []}
    for size in (args.small, args.large, args.small, args.large, args.small):
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--out", str(folder)],
            capture_output=True,
            text=True,
            check=True,
        )
        times[size].append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(f"{size:>6} episodes: cold build {times[size][-1]:.2f} s", flush=True)
    small, large = min(times[args.small]), min(times[args.large])
    ratio = large / small
    print(f"fastest: {small:.2f} s and {large:.2f} s; {args.large} / {args.small}: ×{ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
