"""Compile a universe: read scripts (reusing unchanged parses), resolve, extract, fold, store.

A build is all-or-nothing: every input is read and checked before the store is touched, and
the store is rewritten in one transaction.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Table, delete, insert, select

from showbible import __version__, store
from showbible.canon import Canon, Fold, build_canon, fold_events
from showbible.events import Collected, EventCollector
from showbible.extract import (
    PlaceIndex,
    SceneFacts,
    extract_scene,
    flashback_transition,
    resolve_cues,
)
from showbible.formats import read_script
from showbible.interaction import measure
from showbible.model import Diagnostic, InputError, Script
from showbible.names import did_you_mean
from showbible.resolve import Cast
from showbible.rules import Finding, run_rules
from showbible.serial import dump_script, load_script
from showbible.universe import Ref, Universe, error_text, load_universe

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Compiled:
    universe: Universe
    cast: Cast
    canon: Canon
    scripts: dict[str, Script]  # episode key -> script
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


def compile_universe(
    universe: Universe,
    cache: dict[str, tuple[str, bytes]] | None = None,
    progress: Progress | None = None,
    as_of: Ref | None = None,
) -> Compiled:
    """Read every script and fold the canon. ``cache`` maps rel path -> (sha256, parsed blob)."""
    cache = cache or {}
    scripts: dict[str, Script] = {}
    hashes: dict[str, tuple[str, int]] = {}
    diagnostics: list[Diagnostic] = list(universe.diagnostics)
    parsed = cached = 0
    with_files = [e for e in universe.episodes if e.path is not None]
    for n, ep in enumerate(with_files, 1):
        assert ep.path is not None
        data = _read_file(ep.path, ep.rel, universe.bible.settings.max_script_mb)
        digest = hashlib.sha256(data).hexdigest()
        hashes[ep.rel] = (digest, len(data))
        script: Script | None = None
        hit = cache.get(ep.rel)
        if hit is not None and hit[0] == digest:
            script = load_script(hit[1])
        if script is None:
            script = _relabel(read_script(ep.path), ep.rel)
            parsed += 1
        else:
            cached += 1
        scripts[ep.key] = script
        diagnostics.extend(script.diagnostics)
        if progress:
            progress("read", n, len(with_files))
    cast = Cast(universe.bible)
    places = PlaceIndex({pid: p.aliases for pid, p in universe.bible.places.items()})
    by_episode: dict[str, list[SceneFacts]] = {}
    for series in universe.series:
        eps = [e for e in universe.series_episodes(series.id) if e.key in scripts]
        cues: dict[str, set[str]] = defaultdict(set)
        for ep in eps:
            for cid, labels in resolve_cues(cast, series.id, scripts[ep.key].scenes).items():
                cues[cid] |= labels
        matcher = cast.matcher(series.id, cues)
        for ep in eps:
            facts: list[SceneFacts] = []
            flashback_next = False
            for scene in scripts[ep.key].scenes:
                facts.append(
                    extract_scene(
                        scene,
                        series=series.id,
                        episode=ep.id,
                        file=ep.rel,
                        cast=cast,
                        matcher=matcher,
                        places=places,
                        story=ep.story,
                        flashback_before=flashback_next,
                    )
                )
                flashback_next = flashback_transition(scene)
            for f in facts:
                diagnostics.extend(Diagnostic(ep.rel, p.line, p.message) for p in f.problems)
            by_episode[ep.key] = facts
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
        scripts,
        hashes,
        diagnostics,
        parsed,
        cached,
        collected=collected,
        fold=fold,
        findings=findings,
    )


def _relabel(script: Script, rel: str) -> Script:
    """Scripts name their file relative to the universe folder, as every message does."""
    return dataclasses.replace(
        script,
        path=rel,
        diagnostics=tuple(dataclasses.replace(d, file=rel) for d in script.diagnostics),
    )


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
    h = hashlib.sha256(engine_fingerprint().encode())
    for path in universe.bible_files:
        h.update(path.read_bytes())
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
    started = time.perf_counter()
    root = Path(root)
    universe = load_universe(root)
    st = store.Store(store.resolve_url(root, url))
    try:
        st.ensure_schema()
        if not force:
            current = universe_hash(universe, quick_hashes(universe))
            if st.get_meta("universe_hash") == current:
                return BuildResult(
                    False, 0, 0, time.perf_counter() - started, list(universe.diagnostics)
                )
        with st.read() as conn:
            cache = {
                row.path: (row.sha256, row.parsed)
                for row in conn.execute(
                    select(store.files.c.path, store.files.c.sha256, store.files.c.parsed)
                )
            }
        compiled = compile_universe(universe, cache, progress)
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


def set_meta_all(conn: Connection, digest: str, compiled: Compiled) -> None:
    store.set_meta(conn, "universe_hash", digest)
    store.set_meta(conn, "universe_name", compiled.universe.name)
    store.set_meta(conn, "built_at", datetime.now(UTC).isoformat(timespec="seconds"))
    store.set_meta(conn, "diagnostics", json.dumps([str(d) for d in compiled.diagnostics]))


def write_canon(conn: Connection, compiled: Compiled, cache: dict[str, tuple[str, bytes]]) -> None:
    """Replace the derived tables with this canon (inside the caller's transaction)."""
    universe, canon, cast = compiled.universe, compiled.canon, compiled.cast
    # The parse cache: keep rows whose content is unchanged, write the rest.
    live = set(compiled.hashes)
    for rel in set(cache) - live:
        conn.execute(delete(store.files).where(store.files.c.path == rel))
    rows = []
    for key, script in compiled.scripts.items():
        rel = universe.episode(key).rel
        digest, size = compiled.hashes[rel]
        if cache.get(rel, ("",))[0] != digest:
            conn.execute(delete(store.files).where(store.files.c.path == rel))
            rows.append(
                {"path": rel, "sha256": digest, "size": size, "parsed": dump_script(script)}
            )
    if rows:
        conn.execute(insert(store.files), rows)
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
    from showbible.rules.premature_knowledge import TellIndex

    index = TellIndex({sid: sec.tells for sid, sec in compiled.universe.bible.secrets.items()})
    rows: list[dict[str, object]] = []
    for i, scene in enumerate(compiled.canon.scenes):
        seen: set[tuple[str, str]] = set()
        for speech in scene.dialogue:
            for sid, _offset, _said in index.find(speech.text):
                if (speech.character, sid) not in seen:
                    seen.add((speech.character, sid))
                    rows.append(
                        {
                            "scene": i,
                            "character": speech.character,
                            "secret": sid,
                            "line": speech.line,
                        }
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
    for start in range(0, len(rows), 5000):
        conn.execute(insert(table), rows[start : start + 5000])
