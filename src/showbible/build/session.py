"""A universe kept compiled in memory between edits: the engine of ``watch`` and ``serve``.

A ``build`` from the command line starts from its caches every time, and at 500 episodes
loading the other episodes' scenes, checking every rule and rewriting every table costs
seconds. A Session compiles once and then, on each ``refresh``, looks at which files changed
(names, sizes, modification times) and takes the cheapest path that is exact:

- **episodes**: each edited episode is read and extracted again against the cast in memory,
  put into the canon in place, and only what it can reach is checked again (patch.py): its
  own scenes and the findings whose evidence points into it; when someone entered or left,
  died, learnt or revealed something, also every scene of those characters (or of that place);
  when a story time moved, every scene. Only the rows that can differ are rewritten
  (canonrows.write_episodes).
- **build**: the bible, a file added or removed, a name cued that the episode did not cue
  before (the cast and the series' names may change), or a scene added or removed (every later
  scene id moves): a whole build, from the caches and the scenes already in memory.

Either way the store ends up exactly as a build from nothing would leave it (tests/
test_session.py compares every table after every kind of edit). A bad script raises InputError
and changes nothing, in memory or in the store; it is read again with the next change.

The session freezes its canon out of the cyclic garbage collector's sight (``gc.freeze``) after
each whole build: a long-lived process holding millions of objects would otherwise pay a full
collection on most refreshes.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from showbible import store
from showbible.build import patch
from showbible.build.compiled import Compiled, Totals
from showbible.build.compiler import (
    Progress,
    build,
    compile_universe,
    freeze_canon,
    gc_paused,
    load_caches,
    read_script_bytes,
    thaw_canon,
    universe_hash,
)
from showbible.build.pipeline import EpisodeResult, reextract, replayed_state
from showbible.build.rows import log_build, set_meta_all, write_canon, write_episodes
from showbible.canon.fold import apply_overrides
from showbible.model import Diagnostic, InputError
from showbible.reading.extract import PlaceIndex
from showbible.reading.resolve import NameMatcher
from showbible.rules import Finding
from showbible.store.access import open_sql
from showbible.universe.loader import Episode, load_universe

Signature = dict[str, tuple[int, int]]  # path -> (mtime_ns, size)


@dataclass
class Refresh:
    """What one refresh did."""

    mode: Literal["unchanged", "episodes", "build"]
    files: list[str] = field(default_factory=list)  # changed files, relative to the universe
    seconds: float = 0.0
    reason: str = ""  # why a whole build was needed
    rechecked: int = 0  # scenes whose findings were worked out again


class Session:
    """Compile ``root`` once into the store at ``url``; ``refresh()`` after edits."""

    def __init__(
        self, root: Path | str, url: str | None = None, progress: Progress | None = None
    ) -> None:
        self.root = Path(root).resolve()
        self.progress = progress  # for whole builds
        self.url = store.resolve_url(self.root, url)
        self.compiled: Compiled | None = None
        self._signature: Signature = {}
        # Changes not applied because the refresh failed: looked at again with the next change.
        self._failed: set[str] = set()
        self.error: InputError | None = None  # why the last refresh failed, until one succeeds
        self._written: str | None = None  # the universe hash this session last wrote
        self.ignore = _store_files(self.url)  # the store's own files, if inside the universe
        self._by_path: dict[str, Episode] = {}
        # Per compiled canon (made again by each whole build): the series' name matchers, and
        # the bible's places.
        self._matchers: dict[str, NameMatcher] = {}
        self._places = PlaceIndex({})
        # More ``meta`` rows for the next patch to write with its own (oneshot.py: the
        # scripts' status, statcache.py).
        self.meta: dict[str, str] = {}

    # --- what callers read -------------------------------------------------------------------

    @property
    def findings(self) -> list[Finding]:
        return self.compiled.findings if self.compiled is not None else []

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.compiled.diagnostics if self.compiled is not None else []

    def scripts(self) -> tuple[int, list[str]]:
        """The canon's episode count and script files (universe-relative), as the store's
        ``episodes`` table holds them: what `check --only` verifies its paths against."""
        if self.compiled is None:
            return 0, []
        episodes = self.compiled.universe.episodes
        return len(episodes), [e.rel for e in episodes if e.path is not None and "#" not in e.rel]

    # --- refreshing --------------------------------------------------------------------------

    def changed(self) -> bool:
        """Whether a file changed since the last refresh (a cheap look at the folder)."""
        return files_signature(self.root, self.ignore) != self._signature

    def refresh(self) -> Refresh:
        """Bring memory and store up to date with the files. Raises InputError for bad input
        and leaves both as they were (``error`` keeps it); the files that failed are read
        again at the next change, whichever file it is."""
        try:
            done = self._refresh()
        except InputError as exc:
            self.error = exc
            raise
        if done.mode != "unchanged" or not self._failed:
            self.error = None
        return done

    def _refresh(self) -> Refresh:
        started = time.perf_counter()
        signature = files_signature(self.root, self.ignore)
        if self.compiled is None:
            return self._whole(signature, started, [], "first build")
        old = self._signature
        if signature == old:
            return Refresh("unchanged", seconds=time.perf_counter() - started)
        changed = sorted(
            (signature.keys() ^ old.keys())
            | {p for p in signature.keys() & old.keys() if signature[p] != old[p]}
            | (self._failed & signature.keys())
        )
        rels = [self._rel(p) for p in changed]
        if signature.keys() != old.keys():
            return self._whole(signature, started, rels, "files were added or removed")
        universe = self.compiled.universe
        if not self._by_path:
            # Keyed as the walk of the resolved root names them: the universe was loaded from
            # that root, so no path needs resolving (500 resolutions were 20 ms of a one-shot).
            self._by_path = {str(e.path): e for e in universe.episodes if e.path is not None}
        by_path = self._by_path
        edited: list[tuple[Episode, str, int]] = []
        for path, rel in zip(changed, rels, strict=True):
            ep = by_path.get(path)
            if ep is None:
                return self._whole(signature, started, rels, f"{rel} is not an episode script")
            try:
                data = read_script_bytes(Path(path), rel, universe.bible.settings.max_script_mb)
            except InputError:
                self._signature = signature
                self._failed = set(changed)
                raise
            digest = hashlib.sha256(data).hexdigest()
            if self.compiled.hashes.get(ep.rel, ("",))[0] != digest:
                edited.append((ep, digest, len(data)))
        if not edited:
            self._signature = signature
            self._failed.clear()
            return Refresh("unchanged", rels, time.perf_counter() - started)
        with gc_paused():
            try:
                fresh, why = self._reextract(edited)
            except InputError:
                self._signature = signature
                self._failed = set(changed)
                raise
            if fresh is None:
                return self._whole(signature, started, rels, why)
            rechecked = self._apply(fresh, edited, started)
        self._signature = signature
        self._failed.clear()
        return Refresh("episodes", rels, time.perf_counter() - started, rechecked=rechecked)

    def _rel(self, path: str) -> str:
        try:
            return Path(path).relative_to(self.root).as_posix()
        except ValueError:
            return path

    def _whole(self, signature: Signature, started: float, rels: list[str], why: str) -> Refresh:
        thaw_canon()  # the canon about to be replaced may be collected again
        try:
            known = self.compiled.extraction if self.compiled is not None else None
            result = build(
                self.root, self.url, progress=self.progress, known=known, index_tells=True
            )
        except InputError:
            self._signature = signature
            self._failed = set(signature)  # the next change builds the whole again
            freeze_canon()
            raise
        compiled = result.compiled or self._compile_current()
        self._take(compiled)
        # The canon lives as long as the session and holds millions of objects: left to the
        # cyclic collector, each refresh would end with a full scan of all of them (50 ms at
        # 500 episodes). Frozen, collections look only at what refreshes make.
        del result
        gc.collect()
        freeze_canon()
        self._written = universe_hash(compiled.universe, compiled.hashes)
        self._signature = signature
        self._failed.clear()
        return Refresh(
            "build", rels, time.perf_counter() - started, why, len(compiled.canon.scenes)
        )

    def _take(self, compiled: Compiled) -> None:
        self.compiled = compiled
        self._matchers = {}
        bible = compiled.universe.bible
        self._places = PlaceIndex({pid: p.aliases for pid, p in bible.places.items()})
        if compiled.totals is None:
            compiled.totals = Totals.of(compiled.canon.scenes)
        self._by_path = {}  # made when a change is first looked up

    def adopt(self, compiled: Compiled, written: str, edited: set[str]) -> None:
        """Start from a canon compiled elsewhere (oneshot.py: from the store), which the store
        holds as universe hash ``written``; ``edited``: the universe-relative paths of the
        scripts changed since, which the next ``refresh`` reads as a resident session would."""
        self._take(compiled)
        self._written = written
        signature = files_signature(self.root, self.ignore)
        for path in signature:
            if self._rel(path) in edited:
                signature[path] = (-1, -1)  # not what is there now: seen as changed
        self._signature = signature
        self._failed.clear()

    def _compile_current(self) -> Compiled:
        """The store was already up to date: compile from its caches (nothing is parsed)."""
        universe = load_universe(self.root)
        st = open_sql(self.url)
        try:
            with st.read() as db:
                cache, extracts = load_caches(db)
        finally:
            st.dispose()
        known = self.compiled.extraction if self.compiled is not None else None
        return compile_universe(universe, cache, extracts=extracts, known=known, index_tells=True)

    def _reextract(
        self, edited: list[tuple[Episode, str, int]]
    ) -> tuple[dict[str, EpisodeResult] | None, str]:
        """The edited episodes extracted again, or None (and why) when the edit reaches
        beyond them. Changes nothing."""
        compiled = self.compiled
        assert compiled is not None
        universe = compiled.universe
        out: dict[str, EpisodeResult] = {}
        for ep, digest, _size in edited:
            result = reextract(
                universe,
                self._places,
                compiled.cast,
                compiled.extraction,
                ep,
                digest,
                self._matchers,
            )
            if result is None:
                return None, f"{ep.rel} cues other names than before"
            apply_overrides(universe, result.facts)
            before = [s.key for s in compiled.extraction.episodes[ep.key].facts]
            if [s.key for s in result.facts] != before:
                return None, f"{ep.rel} has {len(result.facts)} scene(s), not {len(before)}"
            out[ep.key] = result
        return out, ""

    def _apply(
        self,
        fresh: dict[str, EpisodeResult],
        edited: list[tuple[Episode, str, int]],
        started: float,
    ) -> int:
        """Put the re-extracted episodes into the canon, check what they can have changed,
        and write their rows. A failure here drops the session's canon (the store keeps
        its last good one): the next refresh builds again."""
        compiled = self.compiled
        assert compiled is not None
        try:
            return self._apply_unsafe(compiled, fresh, edited, started)
        except BaseException:
            self.compiled = None
            raise

    def _apply_unsafe(
        self,
        compiled: Compiled,
        fresh: dict[str, EpisodeResult],
        edited: list[tuple[Episode, str, int]],
        started: float,
    ) -> int:
        before = compiled.totals or Totals.of(compiled.canon.scenes)
        for ep, digest, size in edited:
            compiled.hashes[ep.rel] = (digest, size)
        done = patch.apply(compiled, fresh, self._places)
        if not all(result.same_names for result in fresh.values()):
            # The snapshot holds the cast a replay of the episodes' names gives (caststate.py),
            # as a build from nothing would write it: replayed, here, from the edited names.
            compiled.extraction.cast_state = replayed_state(compiled.universe, compiled.extraction)
        after = before.replace(done.old, done.new)
        compiled.parsed = len(edited)
        compiled.cached = len(compiled.extraction.episodes) - len(edited)
        digest = universe_hash(compiled.universe, compiled.hashes)
        st = open_sql(self.url)
        try:
            with st.write() as db:
                if db.read_meta("universe_hash") == self._written:
                    write_episodes(
                        db,
                        compiled,
                        list(fresh),
                        before,
                        after,
                        meetings=bool(done.people),
                        story=done.story,
                    )
                    compiled.totals = after
                else:
                    # Someone else built since we wrote: their rows may not be ours to patch.
                    compiled.totals = write_canon(db, compiled, {})
                set_meta_all(db, digest, compiled)
                for key, value in self.meta.items():
                    db.set_meta(key, value)
                log_build(db, compiled, time.perf_counter() - started)
        finally:
            st.dispose()
        self._written = digest
        self.meta.clear()
        return done.rechecked


def files_signature(root: Path, ignore: frozenset[str] = frozenset()) -> Signature:
    """Names, sizes and modification times of the universe's files: cheap to take every
    second, and any edit, addition or removal changes it. Hidden files and folders (the
    store's own ``.showbible``, editors' swap files) are left out."""
    out: Signature = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            if path in ignore:
                continue
            try:
                st = os.stat(path)
            except OSError:
                continue
            out[path] = (st.st_mtime_ns, st.st_size)
    return out


def _store_files(url: str) -> frozenset[str]:
    """A SQLite store kept inside the universe folder is not one of its inputs."""
    if not url.startswith("sqlite:///"):
        return frozenset()
    path = str(Path(url.removeprefix("sqlite:///")).resolve())
    return frozenset(path + suffix for suffix in ("", "-wal", "-shm", "-journal"))
