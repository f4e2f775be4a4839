"""A universe kept compiled in memory between edits: the engine of ``watch`` and ``serve``.

A ``build`` from the command line starts from nothing but its caches every time, and at 500
episodes loading the other episodes' cached scenes, checking every rule and rewriting every
table costs seconds. A Session compiles once and then, on each ``refresh``, looks at which
files changed (names, sizes, modification times) and takes the cheapest path that is exact:

- **episodes**: each edited episode is read and extracted again against the cast in memory.
  When its scenes still hold the same people (and how they are there), places, story times and
  events — a reworded or added speech, a fixed typo, lines moved — nothing any other episode
  depends on changed. Only its own scenes, and the findings whose evidence points into it, are
  checked again, and only its rows are rewritten.
- **build**: anything else (the bible, a file added or removed, a new name cued, someone
  entering a scene, a death) is a whole build, reusing every cache.

Either way the store ends up exactly as a build from nothing would leave it (tests/
test_session.py compares every table). A bad script raises InputError and changes nothing,
in memory or in the store; it is tried again on every refresh until it is fixed.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from showbible import store
from showbible.build import (
    BuildResult,
    Compiled,
    build,
    compile_universe,
    gc_paused,
    load_caches,
    read_script_bytes,
    universe_hash,
)
from showbible.canon import apply_overrides, fold_events
from showbible.canonrows import (
    Totals,
    episode_range,
    log_build,
    set_meta_all,
    write_canon,
    write_episodes,
)
from showbible.events import EventCollector
from showbible.extract import PlaceIndex, SceneFacts
from showbible.model import Diagnostic, InputError
from showbible.pipeline import EpisodeResult, reextract
from showbible.rules import Finding, in_file_order, run_rules
from showbible.universe import Episode, load_universe

Signature = dict[str, tuple[int, int]]  # path -> (mtime_ns, size)


@dataclass
class Refresh:
    """What one refresh did."""

    mode: str  # "unchanged" | "episodes" | "build"
    files: list[str] = field(default_factory=list)  # changed files, relative to the universe
    seconds: float = 0.0
    reason: str = ""  # why a whole build was needed
    rechecked: int = 0  # scenes whose findings were worked out again


class Session:
    """Compile ``root`` once into the store at ``url``; ``refresh()`` after edits."""

    def __init__(self, root: Path | str, url: str | None = None) -> None:
        self.root = Path(root).resolve()
        self.url = store.resolve_url(self.root, url)
        self.compiled: Compiled | None = None
        self._signature: Signature = {}
        # Changes not applied because the refresh failed: looked at again with the next change.
        self._failed: set[str] = set()
        self.error: InputError | None = None  # why the last refresh failed, until one succeeds
        self._written: str | None = None  # the universe hash this session last wrote
        self._ignore = _store_files(self.url)
        self._by_path: dict[str, Episode] = {}

    # --- what callers read -------------------------------------------------------------------

    @property
    def findings(self) -> list[Finding]:
        return self.compiled.findings if self.compiled is not None else []

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.compiled.diagnostics if self.compiled is not None else []

    # --- refreshing --------------------------------------------------------------------------

    def changed(self) -> bool:
        """Whether a file changed since the last refresh (a cheap look at the folder)."""
        return files_signature(self.root, self._ignore) != self._signature

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
        signature = files_signature(self.root, self._ignore)
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
        by_path = self._by_path
        universe = self.compiled.universe
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
        try:
            result = build(self.root, self.url)
        except InputError:
            self._signature = signature
            self._failed = set(signature)  # the next change builds the whole again
            raise
        self.compiled = result.compiled or self._compile_current(result)
        if self.compiled.totals is None:
            self.compiled.totals = Totals.of(self.compiled.canon.scenes)
        self._by_path = {
            str(e.path.resolve()): e for e in self.compiled.universe.episodes if e.path is not None
        }
        self._written = universe_hash(self.compiled.universe, self.compiled.hashes)
        self._signature = signature
        self._failed.clear()
        return Refresh(
            "build", rels, time.perf_counter() - started, why, len(self.compiled.canon.scenes)
        )

    def _compile_current(self, result: BuildResult) -> Compiled:
        """The store was already up to date: compile from its caches (nothing is parsed)."""
        del result
        universe = load_universe(self.root)
        st = store.Store(self.url)
        try:
            with st.read() as conn:
                cache, extracts = load_caches(conn)
        finally:
            st.dispose()
        return compile_universe(universe, cache, extracts=extracts)

    def _reextract(
        self, edited: list[tuple[Episode, str, int]]
    ) -> tuple[dict[str, EpisodeResult] | None, str]:
        """The edited episodes extracted again, or None (and why) when the edit reaches
        beyond them. Changes nothing."""
        compiled = self.compiled
        assert compiled is not None
        universe = compiled.universe
        places = PlaceIndex({pid: p.aliases for pid, p in universe.bible.places.items()})
        out: dict[str, EpisodeResult] = {}
        for ep, digest, _size in edited:
            result = reextract(universe, places, compiled.cast, compiled.extraction, ep, digest)
            if result is None:
                return None, f"{ep.rel} cues other names than before"
            apply_overrides(universe, result.facts)
            if outward(result.facts) != outward(compiled.extraction.episodes[ep.key].facts):
                return None, f"{ep.rel}: who is in a scene, where or when, or its events changed"
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
        canon, universe = compiled.canon, compiled.universe
        before = compiled.totals or Totals.of(canon.scenes)
        old_scenes: list[SceneFacts] = []
        new_scenes: list[SceneFacts] = []
        for ep, digest, size in edited:
            old = compiled.extraction.episodes[ep.key].facts
            span = episode_range(canon, old)
            canon.scenes[span.start : span.stop] = fresh[ep.key].facts
            old_scenes.extend(old)
            new_scenes.extend(fresh[ep.key].facts)
            compiled.extraction.episodes[ep.key] = fresh[ep.key]
            compiled.hashes[ep.rel] = (digest, size)
        replaced = {s.key: s for s in new_scenes}
        for enc in canon.encounters.values():
            # Same scenes, same meetings: only the objects (and their lines) are new.
            enc.first_release = replaced.get(enc.first_release.key, enc.first_release)
            enc.first_story = replaced.get(enc.first_story.key, enc.first_story)
        places = PlaceIndex({pid: p.aliases for pid, p in universe.bible.places.items()})
        collected = EventCollector(universe, compiled.cast, places, canon.scenes).collect(
            universe.bible.settings.inferred_facts
        )
        compiled.collected = collected
        compiled.fold = fold_events(canon, collected.events)
        diagnostics = list(universe.diagnostics)
        for result in compiled.extraction.episodes.values():
            diagnostics.extend(result.diagnostics)
        compiled.diagnostics = diagnostics + collected.diagnostics

        rels = {ep.rel for ep, _d, _s in edited}
        scope = set(replaced)
        scope |= {
            f.scene
            for f in compiled.findings
            if f.file in rels or any(e.file in rels for e in f.evidence)
        }
        kept = [f for f in compiled.findings if f.scene not in scope]
        compiled.findings = in_file_order(
            canon, kept + run_rules(canon, compiled.fold, scope=scope)
        )
        after = before.replace(old_scenes, new_scenes)
        compiled.parsed, compiled.cached = (
            len(edited),
            len(compiled.extraction.episodes) - len(edited),
        )

        digest = universe_hash(universe, compiled.hashes)
        st = store.Store(self.url)
        try:
            with st.write() as conn:
                if store.read_meta(conn, "universe_hash") == self._written:
                    write_episodes(conn, compiled, list(fresh), before, after)
                else:
                    # Someone else built since we wrote: their rows may not be ours to patch.
                    write_canon(conn, compiled, {})
                set_meta_all(conn, digest, compiled)
                log_build(conn, compiled, time.perf_counter() - started)
        finally:
            st.dispose()
        compiled.totals = after
        self._written = digest
        return len(scope)


def outward(scenes: list[SceneFacts]) -> list[tuple[object, ...]]:
    """What other episodes, and the whole-canon tables, can depend on in these scenes: their
    keys, places, story times, who is there and how, who is referenced or heard, and their
    annotations and inferred events — everything but lines and words."""
    return [
        (
            s.key,
            s.place,
            s.location,
            s.story,
            s.flashback,
            sorted((cid, p.how, p.identity) for cid, p in s.present.items()),
            sorted(s.referenced),
            sorted(s.voices),
            [(a.verb, a.args) for a in s.annotations],
            [(i.kind, i.subject, i.confidence) for i in s.inferred or ()],
        )
        for s in scenes
    ]


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
