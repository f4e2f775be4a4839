"""The store write of a cold build, measured apart from the compile (issue 21): the same compiled
canon written into an empty SQLite file, into an empty PostgreSQL database through the driver's
``executemany`` (what ``rows.insert_rows`` does), and into PostgreSQL through ``COPY``.

CPU seconds (user + system) of this process, and for PostgreSQL also of the server backend that
did the work (read from /proc), since the machine is shared and wall time says little; wall
time beside them. Best of ``--runs``.

    python bench/store_write.py UNIVERSE [--pg URL] [--runs 2]

Without ``--pg``, a throwaway PostgreSQL is started as tests/conftest.py starts one (Debian's
postgresql package); without that, only SQLite is measured.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, Table, create_engine, text

from showbible import store
from showbible.build import rows
from showbible.build.compiled import Compiled
from showbible.build.compiler import compile_universe, universe_hash
from showbible.universe.loader import load_universe


def _backend_cpu(conn: Connection) -> float | None:
    """CPU seconds of the PostgreSQL backend serving ``conn`` (None: not readable here)."""
    pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _copy_rows(conn: Connection, table: Table, batch: list[rows.Row]) -> None:
    """``insert_rows`` through PostgreSQL's COPY (psycopg 3), in the caller's transaction."""
    if not batch:
        return
    columns = list(batch[0])
    quote = conn.dialect.identifier_preparer.quote
    sql = f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(sql) as copy:
        for r in batch:
            copy.write_row(tuple(r[c] for c in columns))


@contextlib.contextmanager
def _inserting_with(insert: Callable[[Connection, Table, list[rows.Row]], None]) -> Iterator[None]:
    saved = rows.insert_rows
    rows.insert_rows = insert
    try:
        yield
    finally:
        rows.insert_rows = saved


def write_once(url: str, compiled: Compiled) -> dict[str, float | None]:
    st = store.Store(url)
    try:
        st.ensure_schema()
        cpu, wall = time.process_time(), time.perf_counter()
        server: float | None = None
        with st.write() as conn:
            before = _backend_cpu(conn) if url.startswith("postgresql") else None
            rows.write_canon(conn, compiled, {})
            rows.set_meta_all(conn, universe_hash(compiled.universe, compiled.hashes), compiled)
            if before is not None:
                after = _backend_cpu(conn)
                server = None if after is None else after - before
        # The commit is part of the write: measured after the transaction ends.
        return {
            "CPU s": time.process_time() - cpu,
            "server CPU s": server,
            "wall s": time.perf_counter() - wall,
        }
    finally:
        st.dispose()


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str | None]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        yield None
        return
    bindir = Path(found[-1]).parent
    folder = Path(tempfile.mkdtemp(prefix="showbible-pg-"))
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    data = folder / "data"
    subprocess.run([*as_pg, str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8"], check=True, capture_output=True)  # fmt: skip
    subprocess.run([*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                    "-w", "-o", f"-h 127.0.0.1 -p {port} -k {folder}", "start"],
                   check=True, capture_output=True)  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_pg, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], check=False, capture_output=True)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def _fresh_database(url: str, name: str) -> str:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url.rsplit("/", 1)[0] + "/" + name


def _best(runs: list[dict[str, float | None]]) -> dict[str, float | None]:
    return min(runs, key=lambda r: (r["CPU s"] or 0) + (r["server CPU s"] or 0))


def run(universe: Path, pg: str | None = None, repeat: int = 2) -> list[dict[str, object]]:
    """One row per way of writing: this process's CPU s, the server's, wall s (best of
    ``repeat``)."""
    compiled = compile_universe(load_universe(universe))
    out: dict[str, dict[str, float | None]] = {}
    folder = Path(tempfile.mkdtemp(prefix="showbible-write-"))
    try:
        runs = [write_once(f"sqlite:///{folder}/w{n}.sqlite", compiled) for n in range(repeat)]
        out["SQLite executemany"] = _best(runs)
        with contextlib.ExitStack() as stack:
            pg = pg or stack.enter_context(throwaway_postgres())
            if pg is not None:
                for label, insert in (("executemany", rows.insert_rows), ("COPY", _copy_rows)):
                    runs = []
                    for n in range(repeat):
                        url = _fresh_database(pg, f"bench_write_{label.lower()}_{n}")
                        with _inserting_with(insert):
                            runs.append(write_once(url, compiled))
                    out[f"PostgreSQL {label}"] = _best(runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    scenes = len(compiled.canon.scenes)
    return [{"store write": k, "scenes": scenes, **v} for k, v in out.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("universe", type=Path)
    parser.add_argument("--pg", default=None, help="a PostgreSQL URL (default: start one)")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    print(json.dumps(run(args.universe, args.pg, args.runs), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
