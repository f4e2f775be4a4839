"""Cost against size on synthetic universes (bench/synth.py) at 50, 500 and 5,000 episodes.

For each size, in a fresh process (so peak memory is that size's own): cold build into SQLite
and rebuild after editing one episode (each the best of two), a full check, as-of query
latency (p50/p99 over many `who` and `met` queries at random points), web page server time,
a resident session's refresh after edits of six kinds (`watch`, `serve`) beside a one-shot
`check --only` in a fresh process after an edit (a pre-commit hook), and peak memory: the
process's own, and, in a separate cold build, that of the whole process tree (the extraction
workers and the rules' fork too). Prints a table, writes docs/performance-scale.png (cost
against size) and returns the rows.

Usage: python bench/scale.py [--sizes 50,500,5000] [--out DIR]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from showbible.build.session import Session

HERE = Path(__file__).resolve().parent
REPEATS = 2
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


class TreeMemory:
    """The peak memory of this process and its children (the extraction workers, the rules'
    fork), sampled every 0.1 s as PSS: shared pages counted once, split among their sharers,
    which RSS would count in every process (Linux only; None elsewhere)."""

    def __init__(self) -> None:
        import threading

        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.available = Path("/proc/self/smaps_rollup").exists()
        if self.available:
            self._thread.start()

    @staticmethod
    def _pss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    @staticmethod
    def _children(pid: int) -> list[int]:
        out: list[int] = []
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    out += [int(c) for c in f.read().split()]
        except OSError:
            pass
        return out

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.1):
            total = self._pss(me) + sum(self._pss(c) for c in self._children(me))
            self.peak_kb = max(self.peak_kb, total)

    def stop(self) -> float | None:
        self._stop.set()
        return self.peak_kb / 1024 if self.available else None


def pristine(size: int, folder: Path) -> Path:
    """The synthetic universe of ``size`` episodes in ``folder``, generated the first time."""
    import synth

    root = folder / f"u{size}-pristine"
    if not (root / "universe.yaml").exists():
        synth.generate_total(root, size, seed=1)
    return root


def measure(size: int, folder: Path) -> dict[str, object]:
    """Everything for one size, in this process."""
    from showbible import build, check, queries
    from showbible.build import oneshot  # noqa: F401  # check() imports it on first use
    from showbible.store import Store

    # Each run edits its universe: work on a fresh copy of one generated once.
    root = folder / f"u{size}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(pristine(size, folder), root)
    mb = sum(p.stat().st_size for p in root.rglob("*.fountain")) / 1e6
    url = f"sqlite:///{folder}/u{size}.sqlite"
    # The day it was measured: rows are merged across runs (``save``), so a table may mix days.
    row: dict[str, object] = {"episodes": size, "MB": round(mb, 1), "measured": str(date.today())}

    # Builds are timed best of REPEATS: the machine is shared, and one run can be 10% slower
    # than the next for reasons of its neighbours'.
    colds = []
    for _ in range(REPEATS):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{folder}/u{size}.sqlite{suffix}").unlink(missing_ok=True)
        gc.collect()
        started = time.perf_counter()
        result = build(root, url)
        colds.append(time.perf_counter() - started)
        assert result.compiled is not None
        row["scenes"] = len(result.compiled.canon.scenes)
        del result
    row["cold build s"] = min(colds)

    scripts = sorted(root.rglob("*.fountain"))
    rebuilds = []
    for n in range(REPEATS):
        target = scripts[(len(scripts) // 2 + 7 * n) % len(scripts)]
        target.write_text(target.read_text() + "\n[[prose note: edited]]\n")
        gc.collect()
        started = time.perf_counter()
        rebuilt = build(root, url)
        rebuilds.append(time.perf_counter() - started)
        assert rebuilt.parsed == 1
        del rebuilt
    row["one-episode rebuild s"] = min(rebuilds)
    row.update(oneshot_checks(root, url, scripts))

    # The engine already in memory (imported above), as the rows before 2026-12-05 had it:
    # check() imports it on first use, which a fresh `showbible check` pays like any command.
    started = time.perf_counter()
    findings = check(root, url).findings
    row["check (up to date) s"] = time.perf_counter() - started
    row["errors"] = sum(1 for f in findings if f.severity == "error")

    st = Store(url)
    rng = random.Random(size)
    latencies: list[float] = []
    with st.read() as conn:
        people = [
            r["id"]
            for r in queries.export(conn)["characters"]
            if not r["role"] and r["appearances"] > 5
        ]
        episodes = [e["episode"] for e in queries.export(conn)["episodes"]]
        for _ in range(200):
            name = rng.choice(people)
            point = f"{rng.choice(episodes)}"
            t = time.perf_counter()
            queries.who(conn, name, queries.as_of(conn, point, "release"))
            latencies.append(time.perf_counter() - t)
            t = time.perf_counter()
            queries.met(conn, name, rng.choice(people))
            latencies.append(time.perf_counter() - t)
    st.dispose()
    latencies.sort()
    row["as-of query p50 ms"] = 1000 * statistics.median(latencies)
    row["as-of query p99 ms"] = 1000 * latencies[int(0.99 * (len(latencies) - 1))]

    # Before the web app: it keeps a resident canon of its own, and two at once would be a
    # peak no real process has.
    row.update(resident_edits(root, url, rng))
    # Side by side: what a pre-commit hook waits for against what `watch` answers in.
    row["one-shot ÷ resident"] = round(
        1000 * float(row["one-shot check s"]) / float(row["resident edit max ms"]), 1
    )
    gc.unfreeze()
    gc.collect()

    try:
        from showbible.web import create_app
        from showbible.web.timing import time_pages

        app = create_app(root, url, watch=0)
        pages = time_pages(app, ["/", "/cast", f"/character/{people[0]}", "/findings"], repeat=5)
        row["web page max ms"] = max(p["server_ms"] for p in pages.values())
    except Exception as exc:
        row["web page max ms"] = f"n/a ({type(exc).__name__})"
    row["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return row


ONE_SHOTS = 3
CHECK = [sys.executable, "-m", "showbible", "check"]


def _reword(path: Path) -> None:
    """The last speech of a script gets two more words: a writer's edit before a commit."""
    lines = path.read_text().splitlines()
    for i in range(len(lines) - 1, 0, -1):
        if lines[i - 1].isupper() and lines[i].strip() and not lines[i].isupper():
            lines[i] += " Quite so."
            break
    path.write_text("\n".join(lines) + "\n")


def _timed_checks(
    root: Path, url: str, scripts: list[Path], first: int, step: int, *options: str
) -> tuple[list[float], list[float], list[str]]:
    """ONE_SHOTS times: edit a script (``first``, then every ``step``-th), run ``showbible check
    --verbose --only`` on it in a fresh process; the wall times, the child's CPU times (user +
    system, from its rusage: the machine is shared, and CPU time is what the work costs) and
    what each said on stderr."""
    walls, cpus, said = [], [], []
    for n in range(ONE_SHOTS):
        target = scripts[(first + step * n) % len(scripts)]
        _reword(target)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run(
            [*CHECK, str(root), "--db", url, *options, "--verbose", "--only", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        assert proc.returncode in (0, 1), proc.stderr[-2000:]
        said.append(proc.stderr)
    return walls, cpus, said


def oneshot_checks(root: Path, url: str, scripts: list[Path]) -> dict[str, object]:
    """``showbible check --only FILE`` in a fresh process after editing FILE, with no `watch`
    running (a pre-commit hook, CI): wall time and CPU time, best of ONE_SHOTS. The store is
    up to date before each edit, as after a commit."""
    walls, cpus, said = _timed_checks(root, url, scripts, len(scripts) // 3, 11, "--no-daemon")
    how = next((ln for ln in said[-1].splitlines() if ln.startswith("checked by")), "")
    return {
        "one-shot check s": min(walls),
        "one-shot check CPU s": min(cpus),
        "one-shot check patched": "patched" in how,
    }


def memory(size: int, folder: Path) -> dict[str, object]:
    """A cold build sampled for the memory of the whole process tree, in a process of its own
    (sampling costs CPU, so it is kept out of the timed runs; a fresh process, so that nothing
    left over from them counts)."""
    from showbible import build

    root = folder / f"u{size}"  # measure() left it there, edits included
    url = f"sqlite:///{folder}/u{size}-memory.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{folder}/u{size}-memory.sqlite{suffix}").unlink(missing_ok=True)
    tree = TreeMemory()
    build(root, url)
    return {"peak MB, with children (PSS)": tree.stop()}


# What a writer does between two saves, from a reworded speech to a death.
EDIT_KINDS = ("reword", "insert", "enters", "dies", "learns", "reveals")


def resident_edits(root: Path, url: str, rng: random.Random) -> dict[str, object]:
    """A resident session (what `watch` and `serve` run): one edit of each kind, each timed
    from the save to the findings in memory and the store written."""
    from showbible.build.session import Session

    session = Session(root, url)
    started = time.perf_counter()
    session.refresh()
    out: dict[str, object] = {"session start s": time.perf_counter() - started}
    assert session.compiled is not None
    bible = session.compiled.universe.bible
    names = sorted(c.name for c in bible.characters.values() if c.name and not c.role)
    secrets = sorted(bible.secrets)
    scripts = sorted(root.rglob("*.fountain"))
    times: dict[str, float] = {}
    for kind in EDIT_KINDS * 3:
        path = scripts[rng.randrange(len(scripts))]
        lines = path.read_text().splitlines()
        speeches = [
            i
            for i in range(1, len(lines))
            if lines[i - 1].isupper() and lines[i].strip() and not lines[i].isupper()
        ]
        at = rng.choice(speeches)
        name, secret = rng.choice(names), rng.choice(secrets)
        added = {
            "insert": "Quite so.",
            "enters": f"\n{name} walks in.\n",
            "dies": f"\n[[dies: {name}]]\n",
            "learns": f"\n[[learns: {name} {secret}]]\n",
            "reveals": f"\n[[reveals: {secret}]]\n",
        }
        if kind == "reword":
            lines[at] += " Quite so."
        else:
            lines.insert(at + 1, added[kind])
        path.write_text("\n".join(lines) + "\n")
        t = time.perf_counter()
        done = session.refresh()
        took = time.perf_counter() - t
        assert done.mode == "episodes", done.reason
        times[kind] = max(times.get(kind, 0.0), took)
    out["resident edit max ms"] = 1000 * max(times.values())
    out["resident edit ms by kind"] = {k: round(1000 * v, 1) for k, v in times.items()}
    out.update(daemon_checks(session, scripts))
    del session
    return out


def daemon_checks(session: Session, scripts: list[Path]) -> dict[str, object]:
    """``showbible check --only FILE`` in a fresh process after editing FILE while this
    session answers checks on its socket (a pre-commit hook with `watch` running): wall time
    (the client, and the session's refresh it waits for) and the client's CPU time, best of
    ONE_SHOTS."""
    import threading

    from showbible.build.daemon import Daemon

    daemon = Daemon(
        session.root,
        session.url,
        lambda: session.refresh().mode,
        lambda: session.findings,
        lambda: session.diagnostics,
        threading.RLock(),
        session.scripts,
    )
    if not daemon.start():
        return {"daemon check s": "n/a (no socket)"}
    try:
        walls, cpus, said = _timed_checks(session.root, session.url, scripts, len(scripts) // 2, 7)
        for text in said:
            assert "checked by the watch/serve process" in text, text[-2000:]
    finally:
        daemon.close()
    return {"daemon check s": min(walls), "daemon check client CPU s": min(cpus)}


def run(sizes: list[int], folder: Path) -> list[dict[str, object]]:
    rows = []
    for size in sizes:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--out", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)
            continue
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        mem = subprocess.run(
            [sys.executable, __file__, "--memory", str(size), "--out", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        if mem.returncode == 0:
            rows[-1].update(json.loads(mem.stdout.strip().splitlines()[-1]))
        print(_fmt_row(rows[-1]), flush=True)
    return rows


def _fmt_row(row: dict[str, object]) -> str:
    return "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items())


def plot(rows: list[dict[str, object]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [int(r["episodes"]) for r in rows]  # type: ignore[call-overload]
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    for key in ("cold build s", "one-episode rebuild s", "check (up to date) s"):
        ax.plot(sizes, [float(r[key]) for r in rows], marker="o", label=key)  # type: ignore[arg-type]
    resident = [r for r in rows if "resident edit max ms" in r]
    if resident:
        ax.plot(
            [int(r["episodes"]) for r in resident],  # type: ignore[call-overload]
            [float(r["resident edit max ms"]) / 1000 for r in resident],  # type: ignore[arg-type]
            marker="o",
            label="edit + check, resident (watch/serve), slowest kind s",
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("episodes (synthetic universe, ~40 KB of Fountain each)")
    ax.set_ylabel("seconds (2 cores)")
    ax.set_title("showbible: cost against size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)


def save(rows: list[dict[str, object]]) -> None:
    """Merge these rows into docs/performance-scale.json (a 5,000-episode run need not repeat
    the small sizes) and draw docs/performance-scale.png from all of them."""
    saved = ROOT / "docs" / "performance-scale.json"
    merged = {
        int(r["episodes"]): r  # type: ignore[call-overload]
        for r in (json.loads(saved.read_text()) if saved.exists() else [])
    }
    merged.update({int(r["episodes"]): r for r in rows})  # type: ignore[call-overload]
    all_rows = [merged[k] for k in sorted(merged)]
    saved.write_text(json.dumps(all_rows, indent=1) + "\n")
    if all_rows:
        try:
            plot(all_rows, ROOT / "docs" / "performance-scale.png")
        except ImportError:
            print("matplotlib is not installed: no plot", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,500,5000")
    parser.add_argument("--out", default=None)
    parser.add_argument("--one", type=int, default=None)
    parser.add_argument("--memory", type=int, default=None)
    args = parser.parse_args()
    folder = Path(args.out or tempfile.mkdtemp(prefix="showbible-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.one is not None:
        print(json.dumps(measure(args.one, folder)))
        return 0
    if args.memory is not None:
        print(json.dumps(memory(args.memory, folder)))
        return 0
    save(run([int(s) for s in args.sizes.split(",")], folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
