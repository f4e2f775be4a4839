"""The store: the compiled canon in SQL, SQLite (WAL) by default, PostgreSQL for teams.

``tables`` holds the schema, ``engine`` the connections, transactions and migrations, ``lookup``
the lookups every query starts from. ``from showbible import store`` gives all of them by name
(``store.scenes``, ``store.Store``), as callers have always used it.
"""

from showbible.store.engine import (
    Store,
    default_url,
    read_meta,
    resolve_url,
    set_meta,
)
from showbible.store.tables import (
    BUILD_LOCK,
    DERIVED,
    MIGRATIONS,
    SCHEMA_VERSION,
    STORE_DIR,
    STORE_FILE,
    builds,
    characters,
    encounters,
    episodes,
    extracts,
    facts,
    files,
    findings,
    interactions,
    knowledge,
    labels,
    meta,
    metadata,
    presence,
    proposals,
    relations,
    scenes,
    series_t,
    tells,
)

__all__ = [
    "BUILD_LOCK",
    "DERIVED",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "STORE_DIR",
    "STORE_FILE",
    "Store",
    "builds",
    "characters",
    "default_url",
    "encounters",
    "episodes",
    "extracts",
    "facts",
    "files",
    "findings",
    "interactions",
    "knowledge",
    "labels",
    "meta",
    "metadata",
    "presence",
    "proposals",
    "read_meta",
    "relations",
    "resolve_url",
    "scenes",
    "series_t",
    "set_meta",
    "tells",
]
