"""A one-shot update (``check`` in a fresh process, as in a pre-commit hook) that does a resident
session's work from the store instead of a whole build.

A build that finds a script edited re-runs every rule and rewrites every table (2 s at 500
episodes). A resident session (session.py) re-checks only what the edit reaches and rewrites
only its rows. Here, a Session is started from the canon the store holds: its scenes from the
extraction cache (factcache.py), its fold made again from them, its findings, its inferred
facts joined across scenes and its meetings from the snapshot (snapshot.py); the store's
hashes of the scripts are those the canon was compiled from, and only when they give exactly
the universe hash the store was written with is that canon used. Its cast is the snapshot's
too (caststate.py), put back instead of resolving every episode's names again.
Then ``refresh`` patches the edited episodes as it does in ``watch``, and takes a whole build
when the edit reaches beyond them (a name cued for the first time, a scene added...).

Anything else — no canon yet, the bible or the engine changed, a file added or removed, a
snapshot of another format — is a whole build, as before, with the reason kept in ``note``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from showbible import store
from showbible.build import snapshot, statcache
from showbible.build.compiled import BuildResult
from showbible.build.compiler import (
    build,
    compile_universe,
    engine_note,
    freeze_canon,
    gc_paused,
    load_caches,
    quick_hashes,
    thaw_canon,
    universe_hash,
)
from showbible.build.session import Session
from showbible.store.access import LiteStore, open_sql
from showbible.universe.loader import Universe, load_universe


@dataclass
class OneShot:
    result: BuildResult
    mode: str  # "unchanged", "episodes" (patched like a resident session) or "build"
    note: str = ""  # why a whole build was needed


def update(root: Path | str, url: str | None = None) -> OneShot:
    """Bring the store of ``root`` up to date, patching from the store's canon when only
    scripts were edited. Raises InputError on bad input, leaving the store as it was."""
    started = time.perf_counter()
    root = Path(root).resolve()
    url = store.resolve_url(root, url)
    universe = load_universe(root)
    with gc_paused():
        session, note = _resume(root, url, universe)
        if session is not None:
            # The canon just loaded (millions of objects, no garbage) is kept out of the cyclic
            # collector's sight while the patch runs: its first full collection would scan all
            # of it (a tenth of the one-shot's time). Frozen before the collector is back on:
            # the objects made while it was off all count as young, and the first allocation
            # after would scan every one of them. Given back after, for a caller whose
            # process lives on.
            freeze_canon()
    if session is None and note == "":
        # Up to date: what build() would find, without loading and hashing everything again.
        seconds = time.perf_counter() - started
        return OneShot(BuildResult(False, 0, 0, seconds, list(universe.diagnostics)), "unchanged")
    if session is None:
        result = build(root, url)
        return OneShot(result, "build" if result.changed else "unchanged", note)
    try:
        done = session.refresh()
    finally:
        thaw_canon()
    compiled = session.compiled
    assert compiled is not None
    result = BuildResult(
        True,
        compiled.parsed,
        compiled.cached,
        time.perf_counter() - started,
        compiled.diagnostics,
        compiled,
    )
    return OneShot(result, done.mode, done.reason)


def _resume(root: Path, url: str, universe: Universe) -> tuple[Session | None, str]:
    """A session holding the store's canon with the edited scripts still to read, or None
    (and why) when the store's canon cannot be the start."""
    st = open_sql(url)
    try:
        st.ensure_schema()
        with st.read() as db:
            # The scripts' hashes: on this machine's store, only the scripts whose status
            # changed are read (statcache.py); kept again with the patch's rows.
            local = isinstance(st, LiteStore)
            known = statcache.load(db.read_meta(statcache.META_KEY), universe) if local else {}
            hashes, keep = statcache.hashes(universe, known) if local else (
                quick_hashes(universe), {}
            )  # fmt: skip
            written = db.read_meta("universe_hash")
            if written is None:
                return None, "the store holds no canon yet"
            if written == universe_hash(universe, hashes):
                return None, ""  # up to date: the build finds nothing to do
            stored = {
                path: (sha256, size)
                for path, sha256, size in db.rows('SELECT "path", "sha256", "size" FROM "files"')
            }
            before = {rel: stored[rel] for rel in hashes if rel in stored}
            if len(before) != len(hashes) or universe_hash(universe, before) != written:
                return None, engine_note(db) or (
                    "the store's canon is not of these files and this bible"
                )
            snap, why = snapshot.load(db.read_meta(snapshot.META_KEY), written)
            if snap is None:
                return None, why
            cache, extracts = load_caches(db)
    finally:
        st.dispose()
    compiled = compile_universe(
        universe,
        cache,
        extracts=extracts,
        hashes=before,
        rules=False,
        linked=snap.linked,
        met=snap.met,
        cast=snap.cast,
    )
    if compiled.extraction.parsed:
        # A script was read from its file (a cache entry was missing), so that episode is
        # the edited text under the old hash: not the canon the store holds.
        return None, "the store's caches do not hold every episode"
    compiled.findings = snap.findings
    compiled.kept = dict(snap.kept or {})
    compiled.totals = snap.totals
    session = Session(root, url)
    if local and keep != known:
        session.meta[statcache.META_KEY] = statcache.dump(keep, universe)
    edited = {rel for rel in hashes if hashes[rel][0] != before[rel][0]}
    session.adopt(compiled, written, edited)
    return session, ""
