"""What a `check` reports on: the ``--only`` and `check-files` paths, checked against the built
universe (read from the store after the build, so that a `check` answered by a running `watch`
costs no second reading of the bible).

- a script, or a folder of scripts, is reported on;
- a bible file (``universe.yaml``, ``bible/*.yaml``) means everything: a bible change can move
  any finding, so the pre-commit hook checks the whole universe for it;
- any other path is a typo: exit 2 with the nearest script or folder;
- a universe without episodes is bad input: a clean check of nothing would pass CI.
"""

from __future__ import annotations

from pathlib import Path

from showbible.model import InputError
from showbible.reading.names import did_you_mean
from showbible.universe.root import UNIVERSE_FILE


def bible_files(root: Path) -> set[str]:
    return {UNIVERSE_FILE} | {f"bible/{p.name}" for p in (root / "bible").glob("*.yaml")}


def narrow(root: Path, wanted: list[str]) -> list[str]:
    """The paths to report on ([] = everything) before the build."""
    paths = [w.rstrip("/") for w in wanted]
    if any(p in bible_files(root) or p in ("", ".") for p in paths):
        return []
    return paths


def built_scripts(root: Path, db: str | None) -> tuple[int, list[str]]:
    """(episodes, script files) of the canon in the store."""
    from showbible.store import resolve_url
    from showbible.store.access import open_sql

    st = open_sql(resolve_url(root, db))
    try:
        with st.read() as sql:
            files = [file for (file,) in sql.rows('SELECT "file" FROM "episodes"')]
    finally:
        st.dispose()
    return len(files), [str(f) for f in files if f and "#" not in str(f)]


def verify(
    root: Path,
    db: str | None,
    paths: list[str],
    option: str,
    built: tuple[int, list[str]] | None = None,
) -> list[str]:
    """After the build: InputError for a universe without episodes or a path that is no script
    or folder of scripts; else the paths that are scripts or folders of them. ``built``: the
    canon's (episodes, script files) when a running `watch` said them, else read from the
    store."""
    count, scripts = built if built is not None else built_scripts(root, db)
    if count == 0:
        raise InputError(
            "the universe has no episodes: its series' scripts globs match no file",
            file=str(root / UNIVERSE_FILE),
        )
    folders = {p.rsplit("/", i)[0] for p in scripts for i in range(1, p.count("/") + 1)}
    known = set(scripts) | folders
    for p in paths:
        if p not in known:
            raise InputError(
                f"{option} {p}: no script or folder of scripts of this universe has that path"
                + did_you_mean(p, [*scripts, *sorted(folders)])
            )
    return paths
