"""`showbible db`: the store's schema migrations."""

from __future__ import annotations

import typer

from showbible.cli.common import (
    DbOpt,
    UniverseOpt,
    app,
    err,
    out,
    root_of,
)

db_app = typer.Typer(help="The canon store: schema migrations.", no_args_is_help=True)


app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(universe_opt: UniverseOpt = None, db: DbOpt = None) -> None:
    """Create the store's schema or migrate it to this version (alembic)."""
    from showbible.store import Store, resolve_url  # SQLAlchemy: imported when used

    root = root_of(None, universe_opt)
    st = Store(resolve_url(root, db))
    try:
        before = st.revision()
        st.ensure_schema()
        after = st.revision()
    finally:
        st.dispose()
    if before == after:
        err.print(f"store is at schema {after}: nothing to do")
    else:
        err.print(f"store migrated from {before or 'nothing'} to schema {after}")


@db_app.command("current")
def db_current(universe_opt: UniverseOpt = None, db: DbOpt = None) -> None:
    """Print the store's schema revision."""
    from showbible.store import Store, resolve_url  # SQLAlchemy: imported when used

    root = root_of(None, universe_opt)
    st = Store(resolve_url(root, db))
    try:
        out.print(st.revision() or "(empty store)")
    finally:
        st.dispose()
