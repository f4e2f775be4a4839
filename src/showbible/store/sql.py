"""The store's rows read and written in plain SQL, over SQLite's own driver or SQLAlchemy.

A one-shot check (build/oneshot.py) reads the store's caches and writes one episode's rows:
importing SQLAlchemy Core and its dialect for that cost more than the rest of the check's
reading and writing together (0.13 CPU s). Those statements are simple, so they are written
here once, with ``?`` for their parameters, and run on either

- ``LiteSql``: the ``sqlite3`` module, for a SQLite store at the current schema that this
  process may write (the common case: a universe's own ``.showbible/canon.sqlite``), or
- ``CoreSql`` (store/engine.py): a SQLAlchemy connection, for PostgreSQL (team mode), a store
  still to be created or migrated, or one in a read-only folder.

``open_sql`` picks. Both take SQLite connections through the same settings (WAL, ``BEGIN
IMMEDIATE`` for a write, the same busy timeout), so a one-shot check waits for a running build
as it did, and the rows they write are the same.
"""

from __future__ import annotations

import os
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any

from showbible.model import InputError

SCHEMA_VERSION = 1
# The newest migration in migrations/versions/ (a test holds the two together): a store at it
# is current without asking alembic.
SCHEMA_HEAD = "0003"

Row = dict[str, object]

# Rows per executemany: a bound on the tuples held at once.
BATCH = 5000


def quote(name: str) -> str:
    """An identifier, quoted as SQL quotes it: the schema's names are lower case, so quoted they
    are the names SQLAlchemy created on both databases (``key`` and ``line`` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def picker(columns: list[str]) -> Any:
    """A row's values in the columns' order, picked in C: a generator per row was a fifth of a
    whole store write (1.1 million values at 500 synthetic episodes)."""
    return itemgetter(*columns) if len(columns) > 1 else lambda r: (r[columns[0]],)


def insert_sql(table: str, columns: list[str], mark: str = "?") -> str:
    names = ", ".join(quote(c) for c in columns)
    return f"INSERT INTO {quote(table)} ({names}) VALUES ({', '.join(mark for _ in columns)})"


class Sql(ABC):
    """One connection inside a transaction. Statements use ``?`` for parameters."""

    @abstractmethod
    def execute(self, sql: str, params: Sequence[object] = ()) -> None: ...

    @abstractmethod
    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def insert(self, table: str, rows: list[Row]) -> None:
        """Many rows at once (all with the first row's keys) through the driver's fastest
        way in."""

    def scalar(self, sql: str, params: Sequence[object] = ()) -> Any:
        found = self.rows(sql, params)
        return found[0][0] if found else None

    def read_meta(self, key: str) -> str | None:
        value = self.scalar('SELECT "value" FROM "meta" WHERE "key" = ?', (key,))
        return str(value) if value is not None else None

    def set_meta(self, key: str, value: str) -> None:
        self.execute('DELETE FROM "meta" WHERE "key" = ?', (key,))
        self.execute('INSERT INTO "meta" ("key", "value") VALUES (?, ?)', (key, value))


class LiteSql(Sql):
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[object] = ()) -> None:
        self.conn.execute(sql, params)

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, params).fetchall()

    def insert(self, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        columns = list(rows[0])
        pick, sql = picker(columns), insert_sql(table, columns)
        for start in range(0, len(rows), BATCH):
            self.conn.executemany(sql, list(map(pick, rows[start : start + BATCH])))


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
    from showbible.store.engine import CoreStore

    return CoreStore(url)


def _lite(url: str) -> LiteStore | None:
    if not url.startswith("sqlite:///") or "?" in url:
        return None
    path = Path(url.removeprefix("sqlite:///"))
    if not path.is_file() or not os.access(path.parent, os.W_OK):
        return None  # to be created, or read as an immutable file (store/engine.py)
    return LiteStore(url, path)


def reason(said: str) -> str:
    """A database's complaint, as one line a writer can act on."""
    if "locked" in said or "lock timeout" in said:
        return "it is locked by another build; try again when it finishes"
    if "readonly" in said or "read-only" in said:
        return "the store is read-only"
    if "unable to open database file" in said:
        # SQLite in WAL mode needs to write beside the database even to read it.
        return "cannot open the database file: its folder is missing or read-only"
    if "disk" in said and "full" in said:
        return "the disk is full"
    return said.splitlines()[0]
