"""Where a universe's store is: its URL, from the option, ``$SHOWBIBLE_DB`` or the default
SQLite file inside the universe. Apart from the engine so that a check answered by a running
`watch` names the daemon's socket (which the URL is part of) without importing SQLAlchemy."""

from __future__ import annotations

import os
from pathlib import Path

STORE_DIR = ".showbible"
STORE_FILE = "canon.sqlite"


def default_url(root: Path) -> str:
    return f"sqlite:///{(root / STORE_DIR / STORE_FILE).as_posix()}"


def resolve_url(root: Path, url: str | None) -> str:
    return url or os.environ.get("SHOWBIBLE_DB") or default_url(root)
