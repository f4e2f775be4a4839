"""The demo universe built once into a SQLite store, for tests that ask the canon questions
(shared by the query tests)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection

from showbible import build
from showbible.store import Store

DEMO = Path(__file__).resolve().parents[1] / "examples" / "sallowmouth"


@contextmanager
def built_demo(into: Path) -> Iterator[tuple[Path, Connection]]:
    """(the universe's copy, a read connection to its store) under ``into``."""
    root = into / "sallowmouth"
    shutil.copytree(DEMO, root)
    url = f"sqlite:///{into}/canon.sqlite"
    build(root, url)
    st = Store(url)
    try:
        with st.read() as conn:
            yield root, conn
    finally:
        st.dispose()
