"""A store's canon as comparable text: what the tests of patched canons (a resident session, a
one-shot check) hold equal to a build from nothing."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from showbible import store


def canon_tables(url: str, meta: Iterable[str] = ("universe_hash",)) -> dict[str, list[str]]:
    """Every derived table, the caches and the ``meta`` keys, as sorted row texts."""
    st = store.Store(url)
    try:
        with st.read() as conn:
            out = {
                t.name: sorted(repr(tuple(r)) for r in conn.execute(select(t)))
                for t in (*store.DERIVED, store.files, store.extracts)
            }
            for key in meta:
                out[key] = [str(store.read_meta(conn, key))]
            return out
    finally:
        st.dispose()
