"""A first build's SQLite store made from ``schema.sql`` is the store the migrations make, and
the build that makes it imports neither SQLAlchemy nor alembic."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from showbible.store import fresh
from showbible.store.engine import Store
from showbible.store.sql import SCHEMA_HEAD

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "sallowmouth"


def _schema(path: Path) -> list[tuple[str, str, str, str | None]]:
    conn = sqlite3.connect(path)
    try:
        return list(
            conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
        )
    finally:
        conn.close()


def test_schema_sql_is_what_the_migrations_make(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite"
    store = Store(f"sqlite:///{migrated}")
    try:
        store.ensure_schema()
    finally:
        store.dispose()
    made = tmp_path / "made.sqlite"
    assert fresh.create(f"sqlite:///{made}")
    assert _schema(made) == _schema(migrated)
    assert fresh.dump(migrated) == fresh.SCHEMA.read_text(encoding="utf-8"), (
        "a migration changed the schema: regenerate store/schema.sql (see store/fresh.py)"
    )
    conn = sqlite3.connect(made)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(SCHEMA_HEAD,)]
    conn.close()


def test_an_existing_file_is_left_alone_and_a_folder_is_made(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "canon.sqlite"
    assert fresh.create(f"sqlite:///{path}")
    path.write_bytes(b"not a store")
    assert fresh.create(f"sqlite:///{path}")
    assert path.read_bytes() == b"not a store"
    assert list(path.parent.iterdir()) == [path]  # nothing left aside
    assert not fresh.create("postgresql://127.0.0.1/x")
    assert not fresh.create(f"sqlite:///{tmp_path}/x.sqlite?mode=ro")


def test_a_folder_that_cannot_be_written_falls_back(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    assert not fresh.create(f"sqlite:///{blocked}/canon.sqlite")


def test_a_first_build_imports_neither_sqlalchemy_nor_alembic(tmp_path: Path) -> None:
    universe = tmp_path / "u"
    subprocess.run(["cp", "-r", str(DEMO), str(universe)], check=True)
    subprocess.run(["rm", "-rf", str(universe / ".showbible")], check=True)
    code = (
        "import sys\n"
        "from showbible.build.compiler import build\n"
        f"build({str(universe)!r})\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    store = Store(f"sqlite:///{universe / '.showbible' / 'canon.sqlite'}")
    try:
        store.ensure_schema()  # at head: nothing for alembic to do
        assert store.revision() == SCHEMA_HEAD
    finally:
        store.dispose()


def test_the_derived_tables_named_in_plain_sql_are_sqlalchemys() -> None:
    from showbible.store.sql import DERIVED_TABLES
    from showbible.store.tables import DERIVED

    assert tuple(t.name for t in DERIVED) == DERIVED_TABLES
