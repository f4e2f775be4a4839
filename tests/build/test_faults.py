"""Faults: a build killed with SIGKILL at any moment leaves the previous canon intact, and the
next build succeeds (SQLite's WAL and PostgreSQL's transactions do the work; the test proves
that showbible never writes outside one transaction)."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from showbible import queries
from showbible.store import Store

DEMO = Path(__file__).resolve().parents[2] / "examples" / "sallowmouth"


def _export(url: str) -> dict[str, object]:
    st = Store(url)
    try:
        with st.read() as conn:
            return queries.export(conn)
    finally:
        st.dispose()


def test_sigkill_during_builds(tmp_path: Path) -> None:
    root = tmp_path / "u"
    shutil.copytree(DEMO, root)
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    cmd = [sys.executable, "-m", "showbible", "build", str(root), "--db", url]
    assert subprocess.run(cmd, capture_output=True, check=False).returncode == 0
    before = _export(url)
    # How long a whole forced build takes here, so that the kills land inside one on a fast
    # machine and a slow one alike.
    started = time.perf_counter()
    assert subprocess.run([*cmd, "--force"], capture_output=True, check=False).returncode == 0
    whole = time.perf_counter() - started
    rng = random.Random(20261122)
    script = root / "magpie" / "mp1.fountain"
    original = script.read_text()
    killed = 0
    for i in range(10):
        # Change a script so each build has real work to do, then kill it part-way.
        script.write_text(original + f"\n[[prose note {i}]]\n")
        proc = subprocess.Popen(
            [*cmd, "--force"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.1, 0.9) * whole)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        # Whatever moment it died at, the store holds one whole canon: the old or the new one.
        # A note of prose changes no derived fact, so both exports are equal to the first.
        assert _export(url) == before
    assert killed >= 5, "the kills came too late to test anything"
    script.write_text(original)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    engine.dispose()
    assert _export(url) == before
