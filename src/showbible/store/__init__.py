"""The store: the compiled canon in SQL, SQLite (WAL) by default, PostgreSQL for teams.

``tables`` holds the schema, ``engine`` the connections, transactions and migrations, ``lookup``
the lookups every query starts from. ``from showbible import store`` gives all of them by name
(``store.scenes``, ``store.Store``), as callers have always used it; ``location`` where a
universe's store is. Loaded on first use (PEP 562): a check answered by a running `watch` needs
the store's URL (``resolve_url``), not SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from showbible.store.location import STORE_DIR, STORE_FILE, default_url, resolve_url

if TYPE_CHECKING:
    from showbible.store.engine import (
        Store,
        read_meta,
        set_meta,
    )
    from showbible.store.tables import (
        BUILD_LOCK,
        DERIVED,
        MIGRATIONS,
        SCHEMA_HEAD,
        SCHEMA_VERSION,
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

_ENGINE = frozenset({"Store", "read_meta", "set_meta"})


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'showbible.store' has no attribute {name!r}")
    module = importlib.import_module(
        "showbible.store.engine" if name in _ENGINE else "showbible.store.tables"
    )
    value = getattr(module, name)
    globals()[name] = value  # once: later lookups find it without this function
    return value


__all__ = [
    "BUILD_LOCK",
    "DERIVED",
    "MIGRATIONS",
    "SCHEMA_HEAD",
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
