"""Which way a build, a session's patch or a one-shot check reads and writes the store.

A one-shot check (build/oneshot.py) reads the store's caches and writes one episode's rows:
importing SQLAlchemy Core and its dialect for that cost more than the rest of the check's
reading and writing together (0.13 CPU s). Those statements are simple, so they are written
once in plain SQL (store/sql.py) and run on either

- ``LiteStore``: the ``sqlite3`` module, for a SQLite store file that exists in a folder this
  process may write (the common case: a universe's own ``.showbible/canon.sqlite``), or
- ``CoreStore``: a SQLAlchemy connection (store/engine.py), for PostgreSQL (team mode), a
  store still to be created, or one in a read-only folder (read as an immutable file).

``open_sql`` picks. A store at another schema is handed to alembic, through SQLAlchemy, by
either's ``ensure_schema``: created, migrated, or refused as a newer showbible's. SQLite
connections get the same settings both ways (WAL, ``BEGIN IMMEDIATE`` for a write, the same
busy timeout), so a one-shot check waits for a running build as it did, and the rows written
are the same.
"""

from __future__ import annotations

import os
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from showbible.model import InputError
from showbible.store.sql import (
    BATCH,
    SCHEMA_HEAD,
    LiteSql,
    Row,
    Sql,
    insert_sql,
    picker,
    quote,
    reason,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection


class SqlStore(ABC):
    """A store's transactions, each handing out a ``Sql``."""

    @abstractmethod
    def ensure_schema(self) -> None:
        """Bring the schema to this version's head (creating it on first use); refuse a
        store written by a newer showbible."""

    @abstractmethod
    def read(self) -> Any:
        """A context manager: a ``Sql`` that sees one state of the store."""

    @abstractmethod
    def write(self) -> Any:
        """A context manager: a ``Sql`` inside a write transaction, committed when the block
        ends without an exception (rolled back otherwise)."""

    @abstractmethod
    def dispose(self) -> None:
        """Let go of what is held between transactions."""


class LiteStore(SqlStore):
    """A SQLite store through the ``sqlite3`` module: one connection per transaction, set up
    as store/engine.py sets up SQLAlchemy's."""

    def __init__(self, url: str, path: Path) -> None:
        self.url = url
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    def ensure_schema(self) -> None:
        with self.read() as db:
            current = _revision(db)
        if current != SCHEMA_HEAD:
            # Created, migrated or refused as a newer one's: alembic's work, through SQLAlchemy.
            from showbible.store.engine import Store

            st = Store(self.url)
            try:
                st.ensure_schema()
            finally:
                st.dispose()

    def dispose(self) -> None:
        pass  # a connection per transaction: nothing is held between them

    @contextmanager
    def read(self) -> Iterator[Sql]:
        with self._transaction("BEGIN", "cannot read the store") as db:
            yield db

    @contextmanager
    def write(self) -> Iterator[Sql]:
        with self._transaction("BEGIN IMMEDIATE", "cannot write the store") as db:
            yield db

    @contextmanager
    def _transaction(self, begin: str, doing: str) -> Iterator[Sql]:
        try:
            conn = self._connect()
        except sqlite3.OperationalError as exc:
            raise InputError(f"{doing}: {reason(str(exc))}") from None
        try:
            try:
                conn.execute(begin)
                yield LiteSql(conn)
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise InputError(f"{doing}: {reason(str(exc))}") from None
        finally:
            conn.close()


def _revision(db: Sql) -> str | None:
    if db.scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
                 ("alembic_version",)) is None:  # fmt: skip
        return None
    value = db.scalar("SELECT version_num FROM alembic_version")
    return str(value) if value is not None else None


def open_sql(url: str) -> SqlStore:
    """The store at ``url`` for plain SQL: through ``sqlite3`` when that can do all of it (a
    SQLite file that exists, in a folder this process may write; its ``ensure_schema`` hands
    a store at another schema to alembic), otherwise through SQLAlchemy."""
    lite = _lite(url)
    if lite is not None:
        return lite
    return CoreStore(url)


def _lite(url: str) -> LiteStore | None:
    if not url.startswith("sqlite:///") or "?" in url:
        return None
    path = Path(url.removeprefix("sqlite:///"))
    if not path.is_file() or not os.access(path.parent, os.W_OK):
        return None  # to be created, or read as an immutable file (store/engine.py)
    return LiteStore(url, path)


class CoreSql(Sql):
    """store/sql.py's statements on a SQLAlchemy connection: PostgreSQL's, or SQLite's where
    store/sql.py's own connection cannot be used."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.qmark = conn.dialect.paramstyle == "qmark"

    def _sql(self, sql: str) -> str:
        return sql if self.qmark else sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[object] = ()) -> None:
        self.conn.exec_driver_sql(self._sql(sql), tuple(params))

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.conn.exec_driver_sql(self._sql(sql), tuple(params))]

    def insert(self, table: str, rows: list[Row]) -> None:
        """Through the driver's own executemany: SQLAlchemy's per-row parameter processing
        cost more than the database did (0.8 s for 65,000 presence rows). PostgreSQL through
        psycopg takes them by COPY: half the CPU time of executemany, in this process and in
        the server alike (bench/store_write.py, 500 synthetic episodes: 1.1 + 0.7 s against
        2.5 + 1.3 s)."""
        if not rows:
            return
        conn = self.conn
        columns = list(rows[0])
        pick = picker(columns)
        if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
            raw = conn.connection.driver_connection
            names = ", ".join(quote(c) for c in columns)
            sql = f"COPY {quote(table)} ({names}) FROM STDIN"
            with raw.cursor() as cur, cur.copy(sql) as copy:  # type: ignore[union-attr]
                for r in rows:
                    copy.write_row(pick(r))
            return
        sql = insert_sql(table, columns, "?" if self.qmark else "%s")
        for start in range(0, len(rows), BATCH):
            conn.exec_driver_sql(sql, list(map(pick, rows[start : start + BATCH])))


class CoreStore(SqlStore):
    """A ``Store`` handing out ``CoreSql``s."""

    def __init__(self, url: str) -> None:
        from showbible.store.engine import Store  # SQLAlchemy: imported only on this side

        self.store = Store(url)

    def ensure_schema(self) -> None:
        self.store.ensure_schema()

    @contextmanager
    def read(self) -> Iterator[Sql]:
        with self.store.read() as conn:
            yield CoreSql(conn)

    @contextmanager
    def write(self) -> Iterator[Sql]:
        with self.store.write() as conn:
            yield CoreSql(conn)

    def dispose(self) -> None:
        self.store.dispose()
