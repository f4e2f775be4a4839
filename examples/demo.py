"""`make demo`: build the Sallowmouth universe, show its crossovers, a few answers, check
the draft episode against the canon, and plan the shoot of a crossover arc (and explain an
impossible one). Runs the real command line, as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
UNIVERSE = HERE / "sallowmouth"


def run(*args: str, db: str) -> int:
    shown = " ".join(args)
    print(f"\n$ showbible {shown}", flush=True)
    cmd = [sys.executable, "-m", "showbible", *args, "-u", str(UNIVERSE), "--db", db]
    if args[0] in ("build", "check", "crossovers", "facts", "export"):
        cmd = [sys.executable, "-m", "showbible", *args, str(UNIVERSE), "--db", db]
    return subprocess.run(cmd, check=False, env={**os.environ, "COLUMNS": "110"}).returncode


def main() -> int:
    # The demo's store lives in a temporary folder so the example stays pristine.
    folder = tempfile.mkdtemp(prefix="showbible-demo-")
    db = f"sqlite:///{folder}/canon.sqlite"
    try:
        print(f"Sallowmouth: three solo series and a team-up ({UNIVERSE})")
        steps = [
            ("build",),
            ("crossovers",),
            ("who", "ida"),
            ("met", "roz", "ida"),
            ("who", "jonah", "--as-of", "ferryman:fm3"),
            ("relations", "jonah"),
            ("watch-order", "highwater:hw3"),
            ("check", "--only", "highwater/hw4-draft.fountain"),
            # production.yaml: Odie crosses into Night Clinic while both series shoot
            ("schedule", "--call-sheet", "odie"),
            ("schedule", "--plan", str(UNIVERSE / "production-impossible.yaml")),
        ]
        for step in steps:
            code = run(*step, db=db)
            if step[0] == "check":
                print(f"(check exited {code}: the draft has continuity errors to fix)")
            elif step[0] == "schedule" and "--plan" in step:
                print(f"(schedule exited {code}: no plan can meet that request)")
            elif code != 0:
                return code
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
