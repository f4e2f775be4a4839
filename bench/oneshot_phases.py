"""Where a fresh one-shot `check --only FILE` spends its time, phase by phase.

A one-shot check in a fresh process (a pre-commit hook) pays, in turn: the interpreter and the
command line's imports (typer, rich); the engine's imports (``showbible.build.oneshot`` and
what it pulls in: the readers, the inference components' patterns, the bible's pydantic
models, the rules); the resumption of the store's canon (``oneshot._resume``: hashes, the
snapshot, the extraction cache decoded and folded by ``compile_universe``); the patch
(``Session.refresh``: the edited episode read again, the rules re-run where the edit reaches,
the rows written). This prints each, in wall and CPU seconds, for N edits of a copy of
UNIVERSE (built first), so that a change to one phase is measured where it acts.

Each edit appends a word to the last speech of one script, then times the phases in a fresh
interpreter (``python -c``), as the hook would run. The rules are timed one by one as well.

Usage: python bench/oneshot_phases.py UNIVERSE [--edits N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Runs in the fresh interpreter: imports timed from its first line.
_PROBE = r"""
import time, sys
T0, C0 = time.perf_counter(), time.process_time()
import showbible.cli  # the command line's imports: typer, rich, the command groups
T1, C1 = time.perf_counter(), time.process_time()
from showbible.build import oneshot, session
import showbible.rules
T2, C2 = time.perf_counter(), time.process_time()
spent = {}
def timed(owner, name, label):
    inner = getattr(owner, name)
    def run(*a, **k):
        t, c = time.perf_counter(), time.process_time()
        try:
            out = inner(*a, **k)
            return list(out) if hasattr(out, "__next__") else out
        finally:
            w, p = spent.get(label, (0.0, 0.0))
            spent[label] = (w + time.perf_counter() - t, p + time.process_time() - c)
    setattr(owner, name, run)
timed(oneshot, "_resume", "resume")
timed(oneshot, "compile_universe", "resume: fold the cached canon")
timed(session.Session, "refresh", "patch")
for rule in showbible.rules.RULES.values():
    timed(type(rule), "check", "patch: rule " + rule.id)
done = oneshot.update(sys.argv[1])
T3, C3 = time.perf_counter(), time.process_time()
spent["imports: command line"] = (T1 - T0, C1 - C0)
spent["imports: engine"] = (T2 - T1, C2 - C1)
spent["update (resume + patch)"] = (T3 - T2, C3 - C2)
import json
print(json.dumps({"mode": done.mode, "note": done.note, "spent": spent}))
"""


def _edit(script: Path) -> None:
    lines = script.read_text(encoding="utf-8").rstrip("\n").split("\n")
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k]
        # A line of one word is no speech ("End" closing a transcript: with a word added, a
        # line of the episode's text, which is another scene, and a whole build).
        speech = len(line.split()) > 1
        if speech and not line.isupper() and not line.startswith(("[", "(", "INT", "EXT")):
            lines[k] = line + " Quite so."
            break
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("universe", type=Path)
    ap.add_argument("--edits", type=int, default=3)
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "u"
        shutil.copytree(args.universe, copy, ignore=shutil.ignore_patterns(".showbible"))
        subprocess.run(
            [sys.executable, "-m", "showbible", "build", str(copy)],
            check=True, capture_output=True, env=env,
        )  # fmt: skip
        scripts = sorted(
            p
            for p in copy.rglob("*")
            if p.suffix in (".fountain", ".txt") and ".showbible" not in p.parts
        )
        step = max(1, len(scripts) // (args.edits + 1))
        for n in range(args.edits):
            script = scripts[(n + 1) * step]
            _edit(script)
            out = subprocess.run(
                [sys.executable, "-c", _PROBE, str(copy)],
                capture_output=True, text=True, env=env,
            )  # fmt: skip
            if out.returncode != 0:
                print(out.stderr, file=sys.stderr)
                return 1
            got = json.loads(out.stdout.strip().splitlines()[-1])
            note = f": {got['note']}" if got["note"] else ""
            print(f"{script.relative_to(copy)} ({got['mode']}{note})")
            for label, (wall, cpu) in sorted(got["spent"].items(), key=lambda kv: -kv[1][0]):
                if wall >= 0.002:
                    print(f"  {label:40s} {wall:6.3f} s wall {cpu:6.3f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
