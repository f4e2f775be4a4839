"""The store's engine: the compiled canon in SQL, SQLite (WAL) by default, PostgreSQL for teams.

SQLAlchemy Core only, portable SQL. A build replaces the derived tables inside one transaction,
so readers see either the previous canon or the new one, never half of each, and a failed build
leaves the previous canon as it was.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from showbible.model import InputError
from showbible.store.sql import reason as said_reason
from showbible.store.tables import BUILD_LOCK, MIGRATIONS, SCHEMA_HEAD, meta

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    _sqlite_settings(cur)


def _sqlite_connect_read_only(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    _sqlite_settings(dbapi_conn.cursor())


def _sqlite_settings(cur: Any) -> None:
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get("showbible_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class Store:
    """A connection to one canon store."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.read_only = False
        options: dict[str, Any] = {}
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            folder = path.parent
            if path.is_file() and not os.access(folder, os.W_OK):
                # A read-only universe folder (a mount, an archive, another user's): SQLite would
                # need to create its WAL files beside the store. Read it as an immutable file;
                # queries answer from it, a build that must write says it cannot.
                self.read_only = True
                uri = f"file:{quote(str(path.absolute()))}?mode=ro&immutable=1"
                options["creator"] = lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise InputError(
                        f"cannot create the store folder: {exc.strerror}", file=str(folder)
                    ) from None
        try:
            self.engine: Engine = create_engine(url, future=True, **options)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise InputError(f"cannot open store {url!r}: {exc}") from None
        if self.read_only:
            event.listen(self.engine, "connect", _sqlite_connect_read_only)
            event.listen(self.engine, "begin", _sqlite_begin)
        elif self.engine.dialect.name == "sqlite":
            # pysqlite defers BEGIN on its own; take control so that a build holds the write
            # lock from its first statement (a second build waits), while readers keep WAL
            # snapshots and never block.
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)

    def ensure_schema(self) -> None:
        """Bring the schema to this version's head (creating it on first use); refuse a store
        written by a newer showbible."""
        try:
            with self.read() as conn:
                current = _current_revision(conn)
            if current == SCHEMA_HEAD:
                # The common case, answered without alembic: importing it and reading its
                # scripts cost more than a whole one-file check is allowed to take.
                return
            if current is not None and not _known(current):
                raise InputError(
                    f"the store was written by a newer showbible (schema {current}, this one "
                    f"knows up to {SCHEMA_HEAD}); upgrade showbible or use another --db"
                )
            self.upgrade()
        except OperationalError as exc:
            raise InputError(f"cannot use the store: {_reason(exc)}") from None

    def upgrade(self) -> str | None:
        """Run the migrations up to head (`showbible db upgrade`); returns the new revision."""
        from alembic import command

        with self.write() as conn:
            config = _alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            return _current_revision(conn)

    def revision(self) -> str | None:
        with self.read() as conn:
            return _current_revision(conn)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise InputError(f"cannot read the store: {_reason(exc)}") from None

    @contextmanager
    def write(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as raw:
                conn = raw.execution_options(showbible_write=True)
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        # One build at a time per store: the second waits for the first (and
                        # gives up with a clear message after a minute).
                        conn.exec_driver_sql("SET LOCAL lock_timeout = '60s'")
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({BUILD_LOCK})")
                    yield conn
        except OperationalError as exc:
            raise InputError(f"cannot write the store: {_reason(exc)}") from None

    def get_meta(self, key: str) -> str | None:
        with self.read() as conn:
            return read_meta(conn, key)

    def has_canon(self) -> bool:
        return self.get_meta("universe_hash") is not None

    def dispose(self) -> None:
        self.engine.dispose()


def _current_revision(conn: Connection) -> str | None:
    """The schema revision alembic recorded, or None for a store not yet created."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


def _known(revision: str) -> bool:
    from alembic.util.exc import CommandError

    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False


def read_meta(conn: Connection, key: str) -> str | None:
    value = conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
    return str(value) if value is not None else None


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(meta.delete().where(meta.c.key == key))
    conn.execute(insert(meta).values(key=key, value=value))


def _reason(exc: OperationalError) -> str:
    return said_reason(str(exc.orig) if exc.orig is not None else str(exc))
