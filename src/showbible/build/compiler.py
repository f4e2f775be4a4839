"""Compile a universe: read scripts (reusing unchanged parses), resolve, extract, fold, store.

A build is all-or-nothing: every input is read and checked before the store is touched, and
the store is rewritten in one transaction.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from showbible import store
from showbible.build.compiled import BuildResult, Compiled
from showbible.build.factcache import keep_words
from showbible.build.pipeline import CachedExtract, Extraction, extract_universe
from showbible.build.rows import log_build, set_meta_all, write_canon
from showbible.build.workers import cores
from showbible.canon.fold import (
    Canon,
    MetRow,
    build_canon,
    find_encounters,
    fold_events,
    met_rows,
    restore_encounters,
)
from showbible.formats.files import YAML_LIMIT_MB, read_file
from showbible.model import Diagnostic
from showbible.reading.aliases import check_aliases
from showbible.reading.events import EventCollector
from showbible.reading.extract import PlaceIndex
from showbible.reading.facts import SceneFacts
from showbible.reading.infer.linking import Linked
from showbible.reading.names import did_you_mean
from showbible.reading.resolve import Cast
from showbible.rules import run_rules
from showbible.store import fresh
from showbible.store.access import open_sql
from showbible.store.sql import SCHEMA_VERSION, Sql
from showbible.universe.loader import Ref, Universe, error_text, load_universe
from showbible.version import __version__

if TYPE_CHECKING:
    import multiprocessing.process
    from multiprocessing.connection import Connection

# multiprocessing is imported where a fork starts (see workers.py).

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def read_script_bytes(path: Path, rel: str, limit_mb: int = 32) -> bytes:
    # A feature film is about 200 KB of Fountain; a file over the limit is not a script (or is
    # many scripts glued together), and would hold the build hostage.
    return read_file(
        path, shown=rel, limit_mb=limit_mb, limit_hint=": settings.max_script_mb in universe.yaml"
    )


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Compiling makes millions of small objects and no garbage cycles worth collecting; left
    on, the cyclic collector re-scans the growing heap again and again (a third of a build)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            _enable_gc()


# Whether a canon is frozen out of the collector's sight (``freeze_canon``): asked of our own
# flag, since ``gc.get_freeze_count`` walks every frozen object (12 ms a call with the canon of
# 500 synthetic episodes frozen).
_frozen = False


def freeze_canon() -> None:
    """Keep every object alive now out of the cyclic collector's sight (a loaded canon: millions
    of objects, no garbage), until ``thaw_canon``."""
    global _frozen
    gc.freeze()
    _frozen = True


def thaw_canon() -> None:
    """Give the frozen objects back to the collector (the canon may be replaced, or the caller's
    process lives on)."""
    global _frozen
    gc.unfreeze()
    _frozen = False


def _enable_gc() -> None:
    """The collector back on, without its scanning at once everything made while it was off:
    all of that counts as young, and the first allocation after ``gc.enable()`` collected the
    young generation, the whole of a build's objects (0.3 CPU s at 500 synthetic episodes, in
    a process about to end). Moved to the oldest generation first (``freeze`` then
    ``unfreeze``: no object visited), they wait for the next full collection like every other
    long-lived object. Not when a canon is frozen (``freeze_canon``): the caller keeps it so
    (the one-shot path, a session), and ``unfreeze`` would give it back."""
    if _frozen:
        gc.enable()
        return
    gc.freeze()
    gc.enable()
    gc.unfreeze()


def compile_universe(
    universe: Universe,
    cache: dict[str, tuple[str, bytes]] | None = None,
    progress: Progress | None = None,
    as_of: Ref | None = None,
    extracts: dict[str, CachedExtract] | None = None,
    jobs: int | None = None,
    hashes: dict[str, tuple[str, int]] | None = None,
    known: Extraction | None = None,
    rules: bool = True,
    linked: list[Linked] | None = None,
    met: list[MetRow] | None = None,
    meetings_apart: bool = False,
    index_tells: bool = False,
    cast: Any = None,
) -> Compiled:
    """Read every script and fold the canon. ``cache`` maps rel path -> (sha256, parsed blob);
    ``extracts`` is the extraction cache (see pipeline.py); ``hashes`` the scripts' hashes
    when the caller has them (rel path -> (sha256, size), as quick_hashes gives); ``known``
    an extraction still in memory (see extract_universe); ``rules=False`` leaves the findings
    to the caller (see RulesRun); ``linked`` the inferred facts joined across these scenes,
    when the caller has them (the one-shot path, from the snapshot), and ``met`` their
    meetings (likewise). ``meetings_apart``: find the meetings in a forked child while this
    process joins the inferred facts (see MeetingsRun; a one-shot command's build).
    ``index_tells``: keep where the secrets' tells are said (a resident session's build, whose
    patches then join secrets again reading only the scenes that say their tells). ``cast``:
    the cast state a snapshot kept for these scenes (caststate.py), put back instead of
    replayed when the caches hold every episode for it."""
    with gc_paused():
        return _compile(
            universe, cache, progress, as_of, extracts, jobs, hashes, known, rules, linked, met,
            meetings_apart, index_tells, cast,
        )  # fmt: skip


def _compile(
    universe: Universe,
    cache: dict[str, tuple[str, bytes]] | None,
    progress: Progress | None,
    as_of: Ref | None,
    extracts: dict[str, CachedExtract] | None,
    jobs: int | None,
    hashes: dict[str, tuple[str, int]] | None,
    known: Extraction | None = None,
    rules: bool = True,
    linked: list[Linked] | None = None,
    met: list[MetRow] | None = None,
    meetings_apart: bool = False,
    index_tells: bool = False,
    cast_state: Any = None,
) -> Compiled:
    hashes = hashes if hashes is not None else quick_hashes(universe)
    check_aliases(universe)
    cast = Cast(universe.bible)
    places = PlaceIndex({pid: p.aliases for pid, p in universe.bible.places.items()})
    extraction = extract_universe(
        universe,
        cast,
        places,
        {rel: digest for rel, (digest, _size) in hashes.items()},
        cache or {},
        extracts or {},
        bible_digest(universe),
        progress,
        jobs,
        known,
        cast_state,
    )
    diagnostics: list[Diagnostic] = list(universe.diagnostics)
    by_episode: dict[str, list[SceneFacts]] = {}
    for key, result in extraction.episodes.items():
        by_episode[key] = result.facts
        diagnostics.extend(result.diagnostics)
    _check_references(universe, cast, Counter({k: len(v) for k, v in by_episode.items()}))
    if as_of is not None:
        by_episode = _cut(universe, by_episode, as_of)
    if as_of is not None:
        met = None
    scenes = sum(len(v) for v in by_episode.values())
    apart = meetings_apart and met is None and MeetingsRun.worth(scenes)
    # Apart: the canon without its meetings (an empty list of them restores none), found in
    # the child from this very state while the facts are joined here.
    canon = build_canon(universe, cast, by_episode, [] if apart else met)
    meetings = MeetingsRun(canon) if apart else None
    try:
        collected = EventCollector(universe, cast, places, canon.scenes).collect(
            universe.bible.settings.inferred_facts, linked=linked, index_tells=index_tells
        )
        if meetings is not None:
            meetings.wait()
    finally:
        if meetings is not None:
            meetings.close()
    diagnostics.extend(collected.diagnostics)
    fold = fold_events(canon, collected.events)
    kept: dict[str, Any] = {}
    findings = run_rules(canon, fold, diagnostics=diagnostics, kept=kept) if rules else []
    return Compiled(
        universe,
        cast,
        canon,
        extraction,
        hashes,
        diagnostics,
        extraction.parsed,
        extraction.cached,
        collected=collected,
        fold=fold,
        findings=findings,
        kept=kept,
    )


class MeetingsRun:
    """Who meets whom (``canon.fold.find_encounters``: every scene's entrances and exits),
    worked out in a forked child while the parent joins the inferred facts: the two are
    independent, and took turns on one core after the extraction while the other core idled
    (Friends + The Office: 0.33 and 0.54 CPU s). The child sends the meetings as
    ``met_rows``, which the parent puts back (``restore_encounters``), as the one-shot path
    puts back a snapshot's. Sizes as for RulesRun: below, forking costs more than it saves;
    above, the child's copies of the pages it reads cost too much memory."""

    def __init__(self, canon: Canon) -> None:
        self.canon = canon
        self._conn: Connection | None = None
        self._proc: multiprocessing.process.BaseProcess | None = None
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_meetings_child, args=(child, canon), daemon=True)
        self._proc.start()
        child.close()

    @staticmethod
    def worth(scenes: int) -> bool:
        """Whether a canon of this many scenes is worth a fork (and fork exists here)."""
        if not RulesRun.MIN_SCENES <= scenes <= RulesRun.MAX_SCENES or cores() < 2:
            return False
        import multiprocessing

        return "fork" in multiprocessing.get_all_start_methods()

    def wait(self) -> None:
        """Put the child's meetings into the canon."""
        assert self._conn is not None
        try:
            kind, payload = self._conn.recv()
        except EOFError:
            kind, payload = "error", "the meetings process died"
        if kind != "ok":
            raise RuntimeError(f"finding who meets whom failed: {payload}")
        if not restore_encounters(self.canon, payload):
            raise RuntimeError("the meetings process named a scene the canon lacks")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.join(timeout=10)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join(timeout=10)
            self._proc = None


def _meetings_child(conn: Connection, canon: Canon) -> None:
    try:
        find_encounters(canon)
        conn.send(("ok", met_rows(canon)))
    except BaseException as exc:  # reported to the parent, which raises it
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()
        os._exit(0)  # nothing of the parent's (store connections, atexit) is the child's


class RulesRun:
    """The rules over a compiled canon, run in a forked child while the parent writes the
    store (the two took turns on one core and left the other idle: 0.5 s of rules and 1 s of
    writing at 500 episodes). Small canons, one core or no fork: run here, now. So are large
    ones: the child shares the canon with its parent, but every page whose objects either of
    them reads (Python writes reference counts) is copied, some 10 KB per scene: 170 MB at 500
    episodes, well over a gigabyte at 5,000, for rules that take a few per cent of the build."""

    MIN_SCENES = 2000
    MAX_SCENES = 40_000

    def __init__(self, compiled: Compiled) -> None:
        self.compiled = compiled
        self._conn: Connection | None = None
        self._proc: multiprocessing.process.BaseProcess | None = None
        canon, fold = compiled.canon, compiled.fold
        assert fold is not None
        kept = compiled.kept
        if not self.MIN_SCENES <= len(canon.scenes) <= self.MAX_SCENES or cores() < 2:
            compiled.findings = run_rules(canon, fold, diagnostics=compiled.diagnostics, kept=kept)
            return
        import multiprocessing

        try:
            ctx = multiprocessing.get_context("fork")
        except ValueError:  # pragma: no cover - no fork on this platform
            compiled.findings = run_rules(canon, fold, diagnostics=compiled.diagnostics, kept=kept)
            return
        self._conn, child = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_rules_child, args=(child, compiled), daemon=True)
        self._proc.start()
        child.close()

    def wait(self) -> None:
        """Put the findings into ``compiled.findings`` (waiting for the child if it runs)."""
        if self._conn is None or self._proc is None:
            return
        try:
            kind, payload = self._conn.recv()
        except EOFError:
            kind, payload = "error", "the rules process died"
        finally:
            self._conn.close()
            self._proc.join(timeout=10)
            self._conn = None
        if kind != "ok":
            raise RuntimeError(f"checking the rules failed: {payload}")
        self.compiled.findings, marks, self.compiled.kept = payload
        _put_refuted(self.compiled, marks)

    def close(self) -> None:
        """Stop the child if nobody waited for it (the write failed)."""
        if self._proc is not None and self._proc.is_alive():
            self._proc.kill()
            self._proc.join(timeout=10)
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _refuted(compiled: Compiled) -> list[str | None]:
    """What the rules marked refuted among the inferred facts (rules.base.refute), in order."""
    inferred = compiled.collected.inferred if compiled.collected is not None else []
    return [e.data.get("refuted") for e in inferred]


def _put_refuted(compiled: Compiled, marks: list[str | None]) -> None:
    """The child's refuted marks on the parent's inferred facts: the rules set them on the
    child's copies, and the facts' rows, written here, say which facts the rules used (a
    Friends death that 276 later scenes contradict was stored as used at two cores)."""
    inferred = compiled.collected.inferred if compiled.collected is not None else []
    assert len(marks) == len(inferred), "the rules' child saw other facts"
    for e, mark in zip(inferred, marks, strict=True):
        if mark is None:
            e.data.pop("refuted", None)
        else:
            e.data["refuted"] = mark


def _rules_child(conn: Connection, compiled: Compiled) -> None:
    try:
        assert compiled.fold is not None
        kept: dict[str, Any] = {}
        findings = run_rules(
            compiled.canon, compiled.fold, diagnostics=compiled.diagnostics, kept=kept
        )
        conn.send(("ok", (findings, _refuted(compiled), kept)))
    except BaseException as exc:  # reported to the parent, which raises it
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()
        os._exit(0)  # nothing of the parent's (store connections, atexit) is the child's


def bible_digest(universe: Universe) -> str:
    """The engine and the bible: what every cached extraction depends on besides its file."""
    h = hashlib.sha256(engine_fingerprint().encode())
    for path in universe.bible_files:
        h.update(read_file(path, root=universe.root, limit_mb=YAML_LIMIT_MB, what="a bible file"))
    return h.hexdigest()


def _cut(
    universe: Universe, by_episode: dict[str, list[SceneFacts]], ref: Ref
) -> dict[str, list[SceneFacts]]:
    """Only what had been released up to ``ref`` (an episode, or a scene of one)."""
    keep = universe.release[: universe.release.index(ref.episode.key) + 1]
    out = {key: by_episode[key] for key in keep if key in by_episode}
    if ref.scene is not None and ref.episode.key in out:
        out[ref.episode.key] = [s for s in out[ref.episode.key] if s.number <= ref.scene]
    return out


def _check_references(universe: Universe, cast: Cast, counts: Counter[str]) -> None:
    """Bible references must name real episodes, scenes and characters."""
    bible = universe.bible
    checks: list[tuple[tuple[str | int, ...], str]] = []
    checks += [(("events", i, "at"), e.at) for i, e in enumerate(bible.events)]
    checks += [(("allow", i, "at"), a.at) for i, a in enumerate(bible.allow)]
    checks += [(("relations", i, "at"), r.at) for i, r in enumerate(bible.relations)]
    checks += [
        (("events", i, "held", "until"), e.held.until)
        for i, e in enumerate(bible.events)
        if e.held is not None and e.held.until
    ]
    for path, text in checks:
        try:
            ref = universe.parse_ref(text)
        except (KeyError, ValueError) as exc:
            raise universe.locator.error(path, error_text(exc)) from None
        have = counts.get(ref.episode.key, 0)
        if ref.scene is not None and ref.scene > have:
            raise universe.locator.error(
                path, f"{ref.episode.key} has {have} scene(s); there is no scene {ref.scene}"
            )
    known = set(bible.characters)
    for i, e in enumerate(bible.events):
        names: list[tuple[str, str]] = []
        if e.dies:
            names.append(("dies", e.dies))
        for verb in ("present", "absent"):
            names.extend((verb, n) for n in getattr(e, verb) or ())
        for verb in ("cannot", "learns", "held"):
            obj = getattr(e, verb)
            if obj is not None:
                names.append((verb, obj.who))
        for verb in ("relation", "ends"):
            obj = getattr(e, verb)
            if obj is not None:
                names.extend([(verb, obj.a), (verb, obj.b)])
        for verb, name in names:
            if name not in known and name not in cast.characters:
                raise universe.locator.error(
                    ("events", i, verb), f"unknown character {name!r}" + did_you_mean(name, known)
                )
    for i, r in enumerate(bible.relations):
        for name in (r.a, r.b):
            if name not in known and name not in cast.characters:
                raise universe.locator.error(
                    ("relations", i), f"unknown character {name!r}" + did_you_mean(name, known)
                )
    for i, e in enumerate(bible.events):
        if e.learns is not None and e.learns.secret not in bible.secrets:
            hint = did_you_mean(e.learns.secret, bible.secrets) or " (declare it under `secrets:`)"
            raise universe.locator.error(
                ("events", i, "learns", "secret"), f"unknown secret {e.learns.secret!r}{hint}"
            )
    for sid, secret in bible.secrets.items():
        for name in secret.known_by:
            if name not in known:
                raise universe.locator.error(
                    ("secrets", sid, "known_by"),
                    f"unknown character {name!r}" + did_you_mean(name, known),
                )


# Folders of the package whose code never changes a compiled canon.
FACES = frozenset({"cli", "web", "news", "schedule"})


PACKAGE = Path(__file__).resolve().parents[1]


def engine_files() -> list[Path]:
    """The package's code that a compiled canon depends on (every stage but the faces)."""
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in FACES
    ]


@functools.cache
def engine_fingerprint() -> str:
    """A digest of this engine's own code: a canon compiled by other code is stale even when
    no script changed (upgrades, and development between releases)."""
    h = hashlib.sha256(f"showbible {__version__} schema {SCHEMA_VERSION}".encode())
    for path in engine_files():
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def universe_hash(universe: Universe, hashes: dict[str, tuple[str, int]]) -> str:
    h = hashlib.sha256(bible_digest(universe).encode())
    for rel in sorted(hashes):
        h.update(f"{rel}\0{hashes[rel][0]}\n".encode())
    # The loader's warnings are findings: a new stray file or an emptied glob is a change.
    for d in universe.diagnostics:
        h.update(f"{d}\0{d.code}\n".encode())
    return h.hexdigest()


def quick_hashes(universe: Universe) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for ep in universe.episodes:
        if ep.path is not None:
            data = read_script_bytes(ep.path, ep.rel, universe.bible.settings.max_script_mb)
            out[ep.rel] = (hashlib.sha256(data).hexdigest(), len(data))
    return out


# Past this many episodes, a build keeps only WORDS_KEPT episodes' speeches and sentences
# decoded at a time (factcache.keep_words): at 5,000 synthetic episodes the build's process
# held 1.7-1.8 GB after extraction with every scene's words decoded, 0.9-1.1 GB with the window.
# Below it, decoding them again on each pass over the canon (2.5 CPU s per 500 episodes) costs
# more than the memory is worth.
WORDS_KEPT_FROM = 1500
WORDS_KEPT = 64
# Besides the window, the speeches decoded first stay decoded while their compressed size adds
# up to this (factcache._Kept): about ten times as much in memory (1.49 MB of words compressed
# were 14.2 MB decoded at 500 synthetic episodes), so 24 MB keep about 40% of the speeches of
# 5,000 synthetic episodes, which the passes after the first then read from memory (the tree's
# peak 1,156 -> 1,356 MB there: docs/performance.md, tenth session).
WORDS_PINNED = 24 << 20


def build(
    root: Path | str,
    url: str | None = None,
    *,
    force: bool = False,
    progress: Progress | None = None,
    known: Extraction | None = None,
    index_tells: bool = False,
) -> BuildResult:
    """Bring the store of a universe up to date. Raises InputError on bad input; the store is
    untouched in that case. ``known``: see extract_universe; ``index_tells``: see
    compile_universe."""
    with gc_paused():
        return _build(Path(root), url, force, progress, known, index_tells)


def _build(
    root: Path,
    url: str | None,
    force: bool,
    progress: Progress | None,
    known: Extraction | None,
    index_tells: bool = False,
) -> BuildResult:
    started = time.perf_counter()
    universe = load_universe(root)
    url = store.resolve_url(root, url)
    fresh.create(url)  # a first build's SQLite store, without alembic (store/fresh.py)
    st = open_sql(url)
    try:
        st.ensure_schema()
        hashes = quick_hashes(universe)
        with st.read() as db:
            if not force and db.read_meta("universe_hash") == universe_hash(universe, hashes):
                return BuildResult(
                    False, 0, 0, time.perf_counter() - started, list(universe.diagnostics)
                )
            cache, extracts = load_caches(db)
            note = engine_note(db)
        large = sum(e.path is not None for e in universe.episodes) > WORDS_KEPT_FROM
        with keep_words(WORDS_KEPT if large else None, WORDS_PINNED):
            compiled = compile_universe(
                universe, cache, progress, extracts=extracts, hashes=hashes, known=known,
                rules=False, meetings_apart=True, index_tells=index_tells,
            )  # fmt: skip
            if progress:
                progress("store", 0, 1)
            rules = RulesRun(compiled)
            try:
                with st.write() as db:
                    compiled.totals = write_canon(db, compiled, cache, rules.wait)
                    set_meta_all(db, universe_hash(universe, compiled.hashes), compiled)
                    db.set_meta(ENGINE_KEY, engine_fingerprint())
                    seconds = time.perf_counter() - started
                    log_build(db, compiled, seconds)
            finally:
                rules.close()
        if progress:
            progress("store", 1, 1)
        return BuildResult(
            True, compiled.parsed, compiled.cached, seconds, compiled.diagnostics, compiled, note
        )
    finally:
        st.dispose()


# The store's meta key for the fingerprint of the engine that compiled its canon.
ENGINE_KEY = "engine"


def engine_note(db: Sql) -> str:
    """Why every cached extraction is stale, when it is: the store's canon was compiled by
    other engine code (an upgrade, or development between releases). Its caches are keyed on
    the engine, so they are read as misses, never misread; this says so."""
    written = db.read_meta(ENGINE_KEY)
    if written is None or written == engine_fingerprint():
        return ""
    return (
        "the store's canon was compiled by another version of showbible's engine: "
        "every script is read and checked again"
    )


def load_caches(db: Sql) -> tuple[dict[str, tuple[str, bytes]], dict[str, CachedExtract]]:
    """The parse cache and the extraction cache, as compile_universe takes them."""
    cache = {
        path: (sha256, bytes(parsed))
        for path, sha256, parsed in db.rows('SELECT "path", "sha256", "parsed" FROM "files"')
    }
    extracts = {
        path: CachedExtract(cue_key, cues, facts_key, bytes(facts))
        for path, cue_key, cues, facts_key, facts in db.rows(
            'SELECT "path", "cue_key", "cues", "facts_key", "facts" FROM "extracts"'
        )
    }
    return cache, extracts
