"""A new SQLite store made from the head schema written out as SQL (``schema.sql``), without
SQLAlchemy and alembic.

A cold build into a universe that has no store yet created it through alembic: importing
SQLAlchemy and alembic and running the migrations took a quarter of a second of the build's
serial start, before the extraction workers begin, and the rows then went through SQLAlchemy's
connection (``access.CoreStore``) where an existing file takes ``sqlite3``'s (``LiteStore``).
``schema.sql`` is what the migrations make of an empty SQLite file, statement by statement in
the order they made it, with the revision stamped; ``tests/store/test_fresh.py`` holds it to
them, so a new migration that is not written out here fails there. Regenerate it with
``python -m showbible.store.fresh > src/showbible/store/schema.sql``.

Existing stores, PostgreSQL, and a folder where the file cannot be made go through
``access.open_sql`` and alembic as before.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path

SCHEMA = Path(__file__).with_name("schema.sql")


def create(url: str) -> bool:
    """Make the SQLite store of ``url`` at the head schema if it does not exist. True when the
    file is there afterwards (made now, or already); False when this way cannot make it (not
    a plain SQLite file URL, a folder that cannot be written), and alembic should."""
    if not url.startswith("sqlite:///") or "?" in url:
        return False
    path = Path(url.removeprefix("sqlite:///"))
    if path.exists():
        return True
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ddl = SCHEMA.read_text(encoding="utf-8")
    except OSError:
        return False
    # Made aside and linked into place: a build started at the same moment either finds no
    # file (and makes its own aside) or a whole one, never a half-made schema.
    aside = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        conn = sqlite3.connect(aside)
        try:
            conn.executescript(ddl)
        finally:
            conn.close()
        with contextlib.suppress(FileExistsError):  # another process made it first: theirs
            os.link(aside, path)
    except (OSError, sqlite3.Error):
        return path.exists()
    finally:
        with contextlib.suppress(OSError):
            aside.unlink()
    return True


def dump(path: Path) -> str:
    """The statements that make a store like the one at ``path`` (tables and indexes in the
    order they were made), with its schema revision stamped: what ``schema.sql`` holds."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        made = [sql for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")]  # fmt: skip
        revision = [v for (v,) in conn.execute("SELECT version_num FROM alembic_version")]
    finally:
        conn.close()
    lines = [
        "-- The head schema of a showbible SQLite store (store/fresh.py); generated.",
        "BEGIN;",
    ]
    lines += [f"{sql};" for sql in made]
    lines += [f"INSERT INTO alembic_version (version_num) VALUES ('{v}');" for v in revision]
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


def _main() -> None:
    import tempfile

    from showbible.store.engine import Store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "head.sqlite"
        store = Store(f"sqlite:///{path}")
        try:
            store.ensure_schema()
        finally:
            store.dispose()
        sys.stdout.write(dump(path))


if __name__ == "__main__":
    _main()
