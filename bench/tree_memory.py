"""Peak memory of a cold build's whole process tree, and who held it.

Runs ``python -m showbible build UNIVERSE --db sqlite:///DB`` in a child process (the store
emptied first, so the build is cold) and samples the PSS of the child and of all its
descendants (the extraction workers, the rules' fork) every 0.25 s from
``/proc/PID/smaps_rollup``: PSS counts a page shared by several processes once, split between
them, where RSS would count it in each. Prints the build's CPU time (user + system of the whole
tree, from ``getrusage``: on a shared machine CPU time is what compares), the peak, each
process's share at the peak, and the tree's total every few seconds, which shows the stages
(the workers' lifetime, then the parent alone folding and writing). Linux only.

Usage: python bench/tree_memory.py UNIVERSE DB [--every SECONDS]
(``bench/scale.py --memory N`` measures the same peak inside the scale run, without the
breakdown.)
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def rollup(pid: int) -> dict[str, int] | None:
    """PSS, RSS and private dirty memory of one process, in KB (None once it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            out = {}
            for line in f:
                key, _, value = line.partition(":")
                if key in ("Pss", "Rss", "Private_Dirty"):
                    out[key] = int(value.split()[0])
            return out
    except OSError:
        return None


def descendants(pid: int) -> list[int]:
    out: list[int] = []
    todo = [pid]
    while todo:
        here = todo.pop()
        try:
            for task in os.listdir(f"/proc/{here}/task"):
                with open(f"/proc/{here}/task/{task}/children") as f:
                    kids = [int(c) for c in f.read().split()]
                out += kids
                todo += kids
        except OSError:
            pass
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("universe", type=Path)
    parser.add_argument("db", type=Path)
    parser.add_argument("--every", type=float, default=5.0, help="seconds between timeline rows")
    args = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "showbible",
            "build",
            str(args.universe),
            "--db",
            f"sqlite:///{args.db}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak, last = 0, -args.every
    at_peak: tuple[float, dict[int, dict[str, int]]] = (0.0, {})
    timeline: list[tuple[float, int, dict[int, int]]] = []
    while proc.poll() is None:
        pids = [proc.pid, *descendants(proc.pid)]
        snap = {pid: r for pid in pids if (r := rollup(pid)) is not None}
        total = sum(r["Pss"] for r in snap.values())
        now = time.perf_counter() - started
        if total > peak:
            peak, at_peak = total, (now, snap)
        if now - last >= args.every:
            timeline.append((now, total, {pid: r["Pss"] for pid, r in snap.items()}))
            last = now
        time.sleep(0.25)
    err = proc.stderr.read().decode() if proc.stderr else ""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"exit {proc.returncode}; wall {time.perf_counter() - started:.1f} s; CPU "
        f"{ru.ru_utime + ru.ru_stime:.1f} s (user {ru.ru_utime:.1f}, system {ru.ru_stime:.1f}); "
        f"load {os.getloadavg()[0]:.1f}"
    )
    print(f"peak PSS of the tree: {peak / 1024:,.0f} MB at {at_peak[0]:.0f} s")
    for pid, r in at_peak[1].items():
        who = "build" if pid == proc.pid else "child"
        print(
            f"  {who} {pid}: PSS {r['Pss'] // 1024:,} MB, RSS {r['Rss'] // 1024:,} MB, "
            f"private dirty {r['Private_Dirty'] // 1024:,} MB"
        )
    print("s\ttree MB\tper process MB (the build first)")
    for now, total, each in timeline:
        print(f"{now:.0f}\t{total // 1024}\t" + " ".join(str(v // 1024) for v in each.values()))
    if proc.returncode:
        print(err[-3000:], file=sys.stderr)
    return proc.returncode or 0


if __name__ == "__main__":
    sys.exit(main())
