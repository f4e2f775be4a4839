"""The store's rows read and written in plain SQL: the statements' common form (``Sql``, with
``?`` for parameters) and its ``sqlite3`` side (``LiteSql``). store/access.py says when each
side is used and opens them; nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

SCHEMA_VERSION = 1
# The newest migration in migrations/versions/ (a test holds the two together): a store at it
# is current without asking alembic.
SCHEMA_HEAD = "0003"

# The tables a build replaces, parents before children (tables.DERIVED's names, which a test
# holds to it): a whole build's write needs only their names, and importing SQLAlchemy's
# metadata for them cost a tenth of a second.
DERIVED_TABLES = (
    "characters", "encounters", "episodes", "facts", "findings", "interactions", "knowledge",
    "labels", "presence", "relations", "scenes", "series", "tells",
)  # fmt: skip

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
