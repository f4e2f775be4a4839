"""The store on both backends: SQLite (WAL) and a real PostgreSQL server.

Builds are incremental and atomic; readers keep answering while a build writes; two builds at
once do not corrupt anything; a store from a newer schema is refused.
"""

from __future__ import annotations

import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from showbible import build, queries, store
from showbible.model import InputError
from showbible.store import Store

DEMO = Path(__file__).resolve().parents[2] / "examples" / "sallowmouth"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/canon.sqlite"
        return
    server = request.getfixturevalue("pg_url")
    # A database of its own per test, so tests never see each other's canon.
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield server.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def universe(tmp_path: Path) -> Path:
    root = tmp_path / "sallowmouth"
    shutil.copytree(DEMO, root)
    return root


def _export(url: str) -> dict[str, object]:
    st = Store(url)
    try:
        with st.read() as conn:
            return queries.export(conn)
    finally:
        st.dispose()


def test_build_query_and_incremental_rebuild(universe: Path, url: str) -> None:
    first = build(universe, url)
    assert first.changed and first.parsed == 13 and first.cached == 0
    assert not build(universe, url).changed
    script = universe / "magpie" / "mp2.fountain"
    script.write_text(script.read_text() + "\nIda pockets the key.\n")
    again = build(universe, url)
    assert again.changed and again.parsed == 1 and again.cached == 12
    data = _export(url)
    assert len(data["episodes"]) == 13  # type: ignore[arg-type]


def test_both_backends_hold_the_same_canon(universe: Path, pg_url: str, tmp_path: Path) -> None:
    lite = f"sqlite:///{tmp_path}/a.sqlite"
    build(universe, lite)
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    pg = pg_url.rsplit("/", 1)[0] + "/" + name
    try:
        build(universe, pg)
        assert _export(lite) == _export(pg)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def test_failed_build_leaves_previous_canon(universe: Path, url: str) -> None:
    build(universe, url)
    before = _export(url)
    (universe / "universe.yaml").write_text(
        (universe / "universe.yaml").read_text() + "\nevents:\n  - {at: nowhere, dies: ida}\n"
    )
    with pytest.raises(InputError):
        build(universe, url)
    assert _export(url) == before


def test_readers_keep_answering_while_a_build_writes(universe: Path, url: str) -> None:
    build(universe, url)
    expected_pairs = len(_export(url)["encounters"])  # type: ignore[arg-type]
    stop = threading.Event()
    answers: list[int] = []
    errors: list[BaseException] = []

    def reader() -> None:
        st = Store(url)
        try:
            while not stop.is_set():
                with st.read() as conn:
                    answers.append(len(queries.crossovers(conn)["characters"]))
                    pairs = len(queries.export(conn)["encounters"])
                    # A reader sees a whole canon: never a half-written one.
                    assert pairs == expected_pairs
        except BaseException as exc:
            errors.append(exc)
        finally:
            st.dispose()

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for _ in range(3):
            build(universe, url, force=True)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not errors, errors
    assert answers and all(a == answers[0] for a in answers)


def test_two_builds_at_once_do_not_corrupt(universe: Path, url: str) -> None:
    build(universe, url)
    before = _export(url)
    results: list[object] = []

    def run() -> None:
        try:
            results.append(build(universe, url, force=True).changed)
        except InputError as exc:  # waiting too long is a clear error, not corruption
            results.append(str(exc))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(results) == 2
    assert all(r is True or "another build" in str(r) for r in results), results
    assert _export(url) == before


def test_newer_schema_is_refused(universe: Path, url: str) -> None:
    build(universe, url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(InputError, match="newer showbible"):
        build(universe, url)


def test_timing_sanity_of_waiting_writer(universe: Path, url: str) -> None:
    """A second writer waits for the first instead of failing at once."""
    build(universe, url)
    st = Store(url)
    release = threading.Event()
    holding = threading.Event()

    def hold() -> None:
        with st.write():
            holding.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    holding.wait(10)
    started = time.perf_counter()
    timer = threading.Timer(1.0, release.set)
    timer.start()
    result = build(universe, url, force=True)
    waited = time.perf_counter() - started
    t.join()
    st.dispose()
    assert result.changed and waited >= 0.9


def test_schema_head_is_the_newest_migration() -> None:
    # ensure_schema answers "current" from SCHEMA_HEAD without importing alembic; a migration
    # added without moving SCHEMA_HEAD would leave stores un-migrated.
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(store.MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == store.SCHEMA_HEAD
