"""Compile a universe: read scripts (reusing unchanged parses), resolve, extract, fold, store.

A build is all-or-nothing: every input is read and checked before the store is touched, and
the store is rewritten in one transaction.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Table, delete, insert, select

from showbible import __version__, store
from showbible.canon import Canon, Fold, build_canon, fold_events
from showbible.events import Collected, EventCollector
from showbible.extract import PlaceIndex, SceneFacts
from showbible.interaction import measure
from showbible.model import Diagnostic, InputError
from showbible.names import did_you_mean
from showbible.pipeline import CachedExtract, Extraction, extract_universe
from showbible.resolve import Cast
from showbible.rules import Finding, run_rules
from showbible.tells import TellIndex, scene_tells
from showbible.universe import Ref, Universe, error_text, load_universe

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Compiled:
    universe: Universe
    cast: Cast
    canon: Canon
    extraction: Extraction
    hashes: dict[str, tuple[str, int]]  # rel path -> (sha256, size)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    parsed: int = 0
    cached: int = 0
    collected: Collected | None = None
    fold: Fold | None = None
    findings: list[Finding] = field(default_factory=list)


@dataclass
class BuildResult:
    changed: bool
    parsed: int
    cached: int
    seconds: float
    diagnostics: list[Diagnostic]
    compiled: Compiled | None = None


def _read_file(path: Path, rel: str, limit_mb: int = 32) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit_mb * 1024 * 1024:
            # A feature film is about 200 KB of Fountain; a file this size is not a script
            # (or is many scripts glued together), and would hold the build hostage.
            raise InputError(
                f"{size / 1024 / 1024:.0f} MB is too large for one script (the limit is "
                f"{limit_mb} MB: settings.max_script_mb in universe.yaml)",
                file=rel,
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=rel) from None


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
            gc.enable()


def compile_universe(
    universe: Universe,
    cache: dict[str, tuple[str, bytes]] | None = None,
    progress: Progress | None = None,
    as_of: Ref | None = None,
    extracts: dict[str, CachedExtract] | None = None,
    jobs: int | None = None,
    hashes: dict[str, tuple[str, int]] | None = None,
) -> Compiled:
    """Read every script and fold the canon. ``cache`` maps rel path -> (sha256, parsed blob);
    ``extracts`` is the extraction cache (see pipeline.py); ``hashes`` the scripts' hashes
    when the caller has them (rel path -> (sha256, size), as quick_hashes gives)."""
    with gc_paused():
        return _compile(universe, cache, progress, as_of, extracts, jobs, hashes)


def _compile(
    universe: Universe,
    cache: dict[str, tuple[str, bytes]] | None,
    progress: Progress | None,
    as_of: Ref | None,
    extracts: dict[str, CachedExtract] | None,
    jobs: int | None,
    hashes: dict[str, tuple[str, int]] | None,
) -> Compiled:
    hashes = hashes if hashes is not None else quick_hashes(universe)
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
    )
    diagnostics: list[Diagnostic] = list(universe.diagnostics)
    by_episode: dict[str, list[SceneFacts]] = {}
    for key, result in extraction.episodes.items():
        by_episode[key] = result.facts
        diagnostics.extend(result.diagnostics)
    _check_references(universe, cast, Counter({k: len(v) for k, v in by_episode.items()}))
    if as_of is not None:
        by_episode = _cut(universe, by_episode, as_of)
    canon = build_canon(universe, cast, by_episode)
    collected = EventCollector(universe, cast, places, canon.scenes).collect(
        universe.bible.settings.inferred_facts
    )
    diagnostics.extend(collected.diagnostics)
    fold = fold_events(canon, collected.events)
    findings = run_rules(canon, fold)
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
    )


def bible_digest(universe: Universe) -> str:
    """The engine and the bible: what every cached extraction depends on besides its file."""
    h = hashlib.sha256(engine_fingerprint().encode())
    for path in universe.bible_files:
        h.update(path.read_bytes())
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
    for sid, secret in bible.secrets.items():
        for name in secret.known_by:
            if name not in known:
                raise universe.locator.error(
                    ("secrets", sid, "known_by"),
                    f"unknown character {name!r}" + did_you_mean(name, known),
                )


@functools.cache
def engine_fingerprint() -> str:
    """A digest of this engine's own code: a canon compiled by other code is stale even when
    no script changed (upgrades, and development between releases)."""
    h = hashlib.sha256(f"showbible {__version__} schema {store.SCHEMA_VERSION}".encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        if path.name == "cli.py" or "web" in path.relative_to(package).parts:
            continue  # the faces of the product do not change the canon
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def universe_hash(universe: Universe, hashes: dict[str, tuple[str, int]]) -> str:
    h = hashlib.sha256(bible_digest(universe).encode())
    for rel in sorted(hashes):
        h.update(f"{rel}\0{hashes[rel][0]}\n".encode())
    return h.hexdigest()


def quick_hashes(universe: Universe) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for ep in universe.episodes:
        if ep.path is not None:
            data = _read_file(ep.path, ep.rel, universe.bible.settings.max_script_mb)
            out[ep.rel] = (hashlib.sha256(data).hexdigest(), len(data))
    return out


def build(
    root: Path | str,
    url: str | None = None,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> BuildResult:
    """Bring the store of a universe up to date. Raises InputError on bad input; the store is
    untouched in that case."""
    with gc_paused():
        return _build(Path(root), url, force, progress)


def _build(root: Path, url: str | None, force: bool, progress: Progress | None) -> BuildResult:
    started = time.perf_counter()
    universe = load_universe(root)
    st = store.Store(store.resolve_url(root, url))
    try:
        st.ensure_schema()
        hashes = quick_hashes(universe)
        if not force:
            current = universe_hash(universe, hashes)
            if st.get_meta("universe_hash") == current:
                return BuildResult(
                    False, 0, 0, time.perf_counter() - started, list(universe.diagnostics)
                )
        with st.read() as conn:
            cache, extracts = load_caches(conn)
        compiled = compile_universe(universe, cache, progress, extracts=extracts, hashes=hashes)
        if progress:
            progress("store", 0, 1)
        with st.write() as conn:
            write_canon(conn, compiled, cache)
            set_meta_all(conn, universe_hash(universe, compiled.hashes), compiled)
            seconds = time.perf_counter() - started
            conn.execute(
                insert(store.builds).values(
                    started=datetime.now(UTC).isoformat(timespec="seconds"),
                    finished=datetime.now(UTC).isoformat(timespec="seconds"),
                    status="ok",
                    parsed=compiled.parsed,
                    cached=compiled.cached,
                    seconds=round(seconds, 3),
                )
            )
        if progress:
            progress("store", 1, 1)
        return BuildResult(
            True, compiled.parsed, compiled.cached, seconds, compiled.diagnostics, compiled
        )
    finally:
        st.dispose()


def load_caches(
    conn: Connection,
) -> tuple[dict[str, tuple[str, bytes]], dict[str, CachedExtract]]:
    """The parse cache and the extraction cache, as compile_universe takes them."""
    cache = {
        row.path: (row.sha256, row.parsed)
        for row in conn.execute(
            select(store.files.c.path, store.files.c.sha256, store.files.c.parsed)
        )
    }
    extracts = {
        row.path: CachedExtract(row.cue_key, row.cues, row.facts_key, row.facts)
        for row in conn.execute(select(store.extracts))
    }
    return cache, extracts


def set_meta_all(conn: Connection, digest: str, compiled: Compiled) -> None:
    store.set_meta(conn, "universe_hash", digest)
    store.set_meta(conn, "universe_name", compiled.universe.name)
    store.set_meta(conn, "built_at", datetime.now(UTC).isoformat(timespec="seconds"))
    store.set_meta(conn, "diagnostics", json.dumps([str(d) for d in compiled.diagnostics]))


def write_canon(conn: Connection, compiled: Compiled, cache: dict[str, tuple[str, bytes]]) -> None:
    """Replace the derived tables with this canon (inside the caller's transaction)."""
    universe, canon, cast = compiled.universe, compiled.canon, compiled.cast
    # The caches: keep rows whose content is unchanged, write the rest.
    live = set(compiled.hashes)
    for rel in set(cache) - live:
        conn.execute(delete(store.files).where(store.files.c.path == rel))
    conn.execute(delete(store.extracts).where(store.extracts.c.path.not_in(live)))
    rows: list[dict[str, object]] = []
    extract_rows: list[dict[str, object]] = []
    for result in compiled.extraction.episodes.values():
        rel = result.episode.rel
        digest, size = compiled.hashes[rel]
        if result.parse_blob is not None and cache.get(rel, ("",))[0] != digest:
            conn.execute(delete(store.files).where(store.files.c.path == rel))
            rows.append({"path": rel, "sha256": digest, "size": size, "parsed": result.parse_blob})
        if result.extract_changed:
            conn.execute(delete(store.extracts).where(store.extracts.c.path == rel))
            e = result.extract
            extract_rows.append(
                {
                    "path": rel,
                    "cue_key": e.cue_key,
                    "cues": e.cues,
                    "facts_key": e.facts_key,
                    "facts": e.facts,
                }
            )
    _insert(conn, store.files, rows)
    _insert(conn, store.extracts, extract_rows)
    for table in reversed(store.DERIVED):
        conn.execute(delete(table))
    _insert(
        conn,
        store.series_t,
        [
            {"id": s.id, "title": s.title or s.id, "position": i}
            for i, s in enumerate(universe.series)
        ],
    )
    release_index = universe.release_index()
    scene_counts = Counter(f"{s.series}:{s.episode}" for s in canon.scenes)
    _insert(
        conn,
        store.episodes,
        [
            {
                "key": e.key,
                "series": e.series,
                "id": e.id,
                "position": e.index,
                "release_pos": release_index[e.key],
                "title": e.title,
                "released": e.released.isoformat() if e.released else None,
                "story": str(e.story) if e.story else None,
                "file": e.rel if e.path is not None else None,
                "scenes": scene_counts.get(e.key, 0),
            }
            for e in universe.episodes
        ],
    )
    _insert(
        conn,
        store.scenes,
        [
            {
                "id": i,
                "key": s.key,
                "series": s.series,
                "episode": s.episode,
                "number": s.number,
                "heading": s.heading,
                "file": s.file,
                "line": s.line,
                "end_line": s.end_line,
                "place": s.place,
                "location": s.location,
                "story": str(s.story) if s.story else None,
                "flashback": s.flashback,
                "release_pos": i,
                "story_pos": canon.story_pos[s.key],
            }
            for i, s in enumerate(canon.scenes)
        ],
    )
    speeches: Counter[str] = Counter()
    label_rows: Counter[tuple[str, str, str]] = Counter()
    presence_rows = []
    for i, s in enumerate(canon.scenes):
        for cid, p in s.present.items():
            presence_rows.append(
                {
                    "scene": i,
                    "character": cid,
                    "kind": "present",
                    "line": p.line,
                    "how": p.how,
                    "identity": p.identity,
                }
            )
        for cid, line in s.referenced.items():
            if cid not in s.present:
                presence_rows.append(
                    {
                        "scene": i,
                        "character": cid,
                        "kind": "referenced",
                        "line": line,
                        "how": None,
                        "identity": None,
                    }
                )
        for cid, line in s.voices.items():
            presence_rows.append(
                {
                    "scene": i,
                    "character": cid,
                    "kind": "voice",
                    "line": line,
                    "how": "voice",
                    "identity": None,
                }
            )
        speeches.update(s.speeches)
        for cid, counts in s.labels.items():
            for lab, n in counts.items():
                label_rows[(cid, s.series, lab)] += n
    _insert(conn, store.presence, presence_rows)
    _insert(
        conn,
        store.labels,
        [
            {"character": c, "series": sr, "label": lab, "speeches": n}
            for (c, sr, lab), n in sorted(label_rows.items())
        ],
    )
    wanted = set(universe.bible.characters) | {c for c, _s, _l in label_rows}
    wanted |= set(canon.appearances)
    wanted |= {str(r["character"]) for r in presence_rows}
    _insert(
        conn,
        store.characters,
        [
            {
                "id": c.id,
                "name": c.name,
                "provisional": c.provisional,
                "role": c.role,
                "home": c.home or _home(canon, c.id),
                "performer": c.performer,
                "suggestion": c.suggestion,
                "appearances": len(canon.appearances.get(c.id, ())),
                "speeches": speeches.get(c.id, 0),
            }
            for c in cast.characters.values()
            if c.id in wanted
        ],
    )
    _insert(
        conn,
        store.encounters,
        [
            {
                "a": e.a,
                "b": e.b,
                "release_scene": canon.release_pos[e.first_release.key],
                "story_scene": canon.release_pos[e.first_story.key],
                "scenes": e.scenes,
            }
            for e in canon.encounters.values()
        ],
    )
    _insert(conn, store.facts, _facts(compiled))
    _insert(conn, store.knowledge, _knowledge_rows(compiled))
    _insert(conn, store.tells, _tell_rows(compiled))
    episode_pos = universe.release_index()
    _insert(
        conn,
        store.interactions,
        [
            {
                "a": r.a,
                "b": r.b,
                "episode": f"{r.series}:{r.episode}",
                "release_pos": episode_pos[f"{r.series}:{r.episode}"],
                "scenes": r.scenes,
                "exchanges": r.exchanges,
                "a_to_b": r.a_to_b,
                "b_to_a": r.b_to_a,
            }
            for r in measure(canon)
        ],
    )
    _insert(
        conn,
        store.relations,
        [
            {
                "id": n,
                "a": k.event.subject,
                "b": k.event.obj,
                "verb": k.event.verb,
                "kind": k.event.data.get("kind"),
                "mutual": k.event.data.get("mutual"),
                "scene": canon.release_pos[k.event.scene] if k.event.scene else None,
                "line": k.event.line,
                "file": k.event.file,
                "source": k.event.source,
            }
            for n, k in enumerate(compiled.fold.relations if compiled.fold else [])
        ],
    )
    _insert(
        conn,
        store.findings,
        [
            {
                "id": n,
                "rule": f.rule,
                "severity": f.severity,
                "file": f.file,
                "line": f.line,
                "scene": canon.release_pos[f.scene],
                "characters": json.dumps(list(f.characters)),
                "message": f.message,
                "evidence": json.dumps([e.to_json() for e in f.evidence]),
                "sealed": f.sealed,
                "seal_reason": f.seal_reason,
                "inferred": f.inferred,
            }
            for n, f in enumerate(compiled.findings)
        ],
    )


def _knowledge_rows(compiled: Compiled) -> list[dict[str, object]]:
    if compiled.fold is None:
        return []
    canon = compiled.canon
    rows: list[dict[str, object]] = []
    for (cid, secret), known in compiled.fold.knows.items():
        e = known.event
        how = "known_by" if e.data.get("known_from_start") else e.verb
        rows.append(
            {
                "character": cid,
                "secret": secret,
                "scene": canon.release_pos[e.scene] if e.scene else None,
                "line": e.line,
                "file": e.file,
                "source": e.source,
                "how": how,
            }
        )
    return rows


def _tell_rows(compiled: Compiled) -> list[dict[str, object]]:
    """Who speaks a tell of which secret where: what a scene relies on the audience knowing."""
    index = TellIndex({sid: sec.tells for sid, sec in compiled.universe.bible.secrets.items()})
    rows: list[dict[str, object]] = []
    for i, scene in enumerate(compiled.canon.scenes):
        seen: set[tuple[str, str]] = set()
        found = scene.tells if scene.tells is not None else scene_tells(index, scene)
        for k, sid, _offset, _said in found:
            speech = scene.dialogue[k]
            if (speech.character, sid) not in seen:
                seen.add((speech.character, sid))
                rows.append(
                    {"scene": i, "character": speech.character, "secret": sid, "line": speech.line}
                )
    return rows


def _home(canon: Canon, cid: str) -> str | None:
    """The series where a character appears most, for colouring and grouping."""
    counts = Counter(canon.scenes[i].series for i in canon.appearances.get(cid, ()))
    return counts.most_common(1)[0][0] if counts else None


def _facts(compiled: Compiled) -> list[dict[str, object]]:
    from showbible.identity import doubtful_identities

    out: list[dict[str, object]] = []
    canon = compiled.canon
    for cid, char in compiled.cast.characters.items():
        if not char.provisional or char.role or cid not in canon.appearances:
            continue
        first = canon.scenes[canon.appearances[cid][0]]
        out.append(
            {
                "kind": "provisional-character",
                "subject": cid,
                "object": char.name,
                "scene": canon.release_pos[first.key],
                "file": first.file,
                "line": first.present[cid].line,
                "source": "engine",
                "confidence": None,
                "detail": json.dumps({"suggestion": char.suggestion}),
            }
        )
    for doubt in doubtful_identities(canon):
        out.append(
            {
                "kind": "doubtful-identity",
                "subject": doubt.character,
                "object": ", ".join(doubt.series),
                "scene": None,
                "file": doubt.file,
                "line": doubt.line,
                "source": "engine",
                "confidence": None,
                "detail": json.dumps({"speeches": doubt.speeches, "reason": doubt.reason}),
            }
        )
    bible = compiled.universe.bible
    locate = compiled.universe.locator.locate
    for cid, conf in bible.characters.items():
        for i, entry in enumerate(conf.appears_in):
            sid, source = (entry, None) if isinstance(entry, str) else (entry.name, entry.source)
            file, line, _ = locate(("characters", cid, "appears_in", i))
            out.append(
                {
                    "kind": "appears_in",
                    "subject": cid,
                    "object": sid,
                    "scene": None,
                    "file": file,
                    "line": line,
                    "source": "bible",
                    "confidence": None,
                    "detail": json.dumps({"source": source or conf.source}),
                }
            )
    for si, series in enumerate(bible.series):
        for i, entry in enumerate(series.showrunners):
            who, source = (entry, None) if isinstance(entry, str) else (entry.name, entry.source)
            file, line, _ = locate(("series", si, "showrunners", i))
            out.append(
                {
                    "kind": "showrunner",
                    "subject": who,
                    "object": series.id,
                    "scene": None,
                    "file": file,
                    "line": line,
                    "source": "bible",
                    "confidence": None,
                    "detail": json.dumps({"source": source or series.source}),
                }
            )
    if compiled.collected is not None:
        used = {id(e) for e in compiled.collected.events}
        stated = [e for e in compiled.collected.events if e.source != "inferred"]
        for e in stated + compiled.collected.inferred:
            scene = canon.release_pos.get(e.scene) if e.scene else None
            out.append(
                {
                    "kind": e.verb,
                    "subject": e.subject,
                    "object": e.obj,
                    "scene": scene,
                    "file": e.file,
                    "line": e.line,
                    "source": e.source,
                    "confidence": e.confidence,
                    "detail": json.dumps({**e.data, "used": id(e) in used}, default=str),
                }
            )
    for n, row in enumerate(out):
        row["id"] = n
    return out


def _insert(conn: Connection, table: Table, rows: list[dict[str, object]]) -> None:
    """Many rows at once through the driver's own executemany: SQLAlchemy's per-row parameter
    processing cost more than the database did (0.8 s for 65,000 presence rows)."""
    if not rows:
        return
    columns = list(rows[0])
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    quote = conn.dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(mark for _ in columns)})"
    )
    for start in range(0, len(rows), 5000):
        batch = [tuple(r[c] for c in columns) for r in rows[start : start + 5000]]
        conn.exec_driver_sql(sql, batch)
