"""A compiled canon as store rows: written whole by a build, or for a few edited episodes by a
session (session.py) when the edit changed nothing other episodes depend on.

Scene ids are release positions, so an edit that keeps an episode's scene count keeps every
id: its scenes' rows (scenes, presence, tells) and its interactions are replaced in place, the
speech counts are adjusted by the difference, and the small whole-canon tables (facts,
knowledge, relations, findings) are rewritten.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from showbible.build import snapshot
from showbible.build.compiled import Compiled, LabelKey, Totals
from showbible.build.pipeline import EpisodeResult
from showbible.canon.fold import Canon, met_rows
from showbible.canon.interaction import measure
from showbible.reading.facts import SceneFacts
from showbible.reading.tells import TellIndex, scene_tells
from showbible.store.sql import DERIVED_TABLES, Row, Sql, quote


def set_meta_all(db: Sql, digest: str, compiled: Compiled) -> None:
    db.set_meta("universe_hash", digest)
    db.set_meta("universe_name", compiled.universe.name)
    db.set_meta("built_at", datetime.now(UTC).isoformat(timespec="seconds"))
    db.set_meta("diagnostics", json.dumps([str(d) for d in compiled.diagnostics]))
    # What a one-shot check needs beside the caches to patch this canon (oneshot.py).
    linked = compiled.collected.linked if compiled.collected is not None else None
    met = met_rows(compiled.canon)
    db.set_meta(
        snapshot.META_KEY,
        snapshot.dump(
            digest,
            compiled.findings,
            linked,
            met,
            compiled.totals,
            compiled.extraction.cast_state,
            compiled.kept,
        ),
    )


def log_build(db: Sql, compiled: Compiled, seconds: float) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    db.insert(
        "builds",
        [
            {
                "started": now,
                "finished": now,
                "status": "ok",
                "parsed": compiled.parsed,
                "cached": compiled.cached,
                "seconds": round(seconds, 3),
            }
        ],
    )


def write_caches(
    db: Sql,
    results: Iterable[EpisodeResult],
    hashes: dict[str, tuple[str, int]],
    cache: dict[str, tuple[str, bytes]],
) -> None:
    """The parse and extraction cache rows of these episodes, where their content changed."""
    rows: list[Row] = []
    extract_rows: list[Row] = []
    for result in results:
        rel = result.episode.rel
        digest, size = hashes[rel]
        if result.parse_blob is not None and cache.get(rel, ("",))[0] != digest:
            db.execute('DELETE FROM "files" WHERE "path" = ?', (rel,))
            rows.append({"path": rel, "sha256": digest, "size": size, "parsed": result.parse_blob})
        if result.extract_changed:
            db.execute('DELETE FROM "extracts" WHERE "path" = ?', (rel,))
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
    db.insert("files", rows)
    db.insert("extracts", extract_rows)


# Scenes whose rows are made and written at once by a whole write (write_canon).
ROWS_AT_ONCE = 10_000


def write_canon(
    db: Sql,
    compiled: Compiled,
    cache: dict[str, tuple[str, bytes]],
    findings_ready: Callable[[], None] | None = None,
) -> Totals:
    """Replace the derived tables with this canon (inside the caller's transaction).
    ``findings_ready`` is called before the findings are written: they may still be being
    worked out elsewhere (build.RulesRun) while the rest is written."""
    universe, canon = compiled.universe, compiled.canon
    live = set(compiled.hashes)
    for rel in set(cache) - live:
        db.execute('DELETE FROM "files" WHERE "path" = ?', (rel,))
    for (rel,) in db.rows('SELECT "path" FROM "extracts"'):
        if rel not in live:
            db.execute('DELETE FROM "extracts" WHERE "path" = ?', (rel,))
    write_caches(db, compiled.extraction.episodes.values(), compiled.hashes, cache)
    for table in reversed(DERIVED_TABLES):
        db.execute(f"DELETE FROM {quote(table)}")
    db.insert(
        "series",
        [
            {"id": s.id, "title": s.title or s.id, "position": i}
            for i, s in enumerate(universe.series)
        ],
    )
    release_index = universe.release_index()
    scene_counts = Counter(f"{s.series}:{s.episode}" for s in canon.scenes)
    db.insert(
        "episodes",
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
    # The per-scene tables a stretch of scenes at a time: whole, their rows (a dict each) were
    # a few hundred MB at 5,000 episodes, on top of the canon, at the build's peak of memory.
    stretches = [
        range(start, min(start + ROWS_AT_ONCE, len(canon.scenes)))
        for start in range(0, len(canon.scenes), ROWS_AT_ONCE)
    ]
    for stretch in stretches:
        db.insert("scenes", scene_rows(canon, stretch))
    for stretch in stretches:
        db.insert("presence", presence_rows(canon, stretch))
    totals = Totals.of(canon.scenes)
    db.insert("labels", label_rows(totals, None))
    db.insert("characters", character_rows(compiled, totals))
    db.insert("encounters", encounter_rows(canon))
    for stretch in stretches:
        db.insert("tells", tell_rows(compiled, stretch))
    db.insert("interactions", interaction_rows(compiled, None))
    if findings_ready is not None:
        findings_ready()
    _write_whole_canon_tables(db, compiled)
    return totals


def write_episodes(
    db: Sql,
    compiled: Compiled,
    keys: Sequence[str],
    before: Totals,
    after: Totals,
    *,
    meetings: bool,
    story: bool,
) -> None:
    """Rewrite what the edited episodes ``keys`` hold, for an edit that kept their scenes
    (count and keys; see patch.py). ``meetings``: presence changed, so appearances and
    meetings did too; ``story``: a story time changed, so every scene's story position may
    have. Every other row stays valid."""
    canon = compiled.canon
    episodes = [compiled.extraction.episodes[key] for key in keys]
    write_caches(db, episodes, compiled.hashes, {})
    for result in episodes:
        indexes = episode_range(canon, result.facts)
        if not indexes:
            continue
        lo, hi = indexes.start, indexes.stop - 1
        if not story:
            db.execute('DELETE FROM "scenes" WHERE "id" BETWEEN ? AND ?', (lo, hi))
            db.insert("scenes", scene_rows(canon, indexes))
        db.execute('DELETE FROM "presence" WHERE "scene" BETWEEN ? AND ?', (lo, hi))
        db.execute('DELETE FROM "tells" WHERE "scene" BETWEEN ? AND ?', (lo, hi))
        db.execute('DELETE FROM "interactions" WHERE "episode" = ?', (result.episode.key,))
        db.insert("presence", presence_rows(canon, indexes))
        db.insert("tells", tell_rows(compiled, indexes))
        db.insert("interactions", interaction_rows(compiled, result.facts))
    if story:
        db.execute('DELETE FROM "scenes"')
        db.insert("scenes", scene_rows(canon, range(len(canon.scenes))))
    if meetings or story:
        for table in ("encounters", "characters"):
            db.execute(f"DELETE FROM {quote(table)}")
        db.insert("encounters", encounter_rows(canon))
        db.insert("characters", character_rows(compiled, after))
    else:
        for cid in before.speeches.keys() | after.speeches.keys():
            if before.speeches[cid] != after.speeches[cid]:
                db.execute(
                    'UPDATE "characters" SET "speeches" = ? WHERE "id" = ?',
                    (after.speeches[cid], cid),
                )
    changed = [
        k for k in before.labels.keys() | after.labels.keys() if before.labels[k] != after.labels[k]
    ]
    for cid, series, lab in changed:
        db.execute(
            'DELETE FROM "labels" WHERE "character" = ? AND "series" = ? AND "label" = ?',
            (cid, series, lab),
        )
    db.insert("labels", label_rows(after, set(changed)))
    for table in ("facts", "knowledge", "relations", "findings"):
        db.execute(f"DELETE FROM {quote(table)}")
    _write_whole_canon_tables(db, compiled)


def character_rows(compiled: Compiled, totals: Totals) -> list[Row]:
    """Every character the canon knows of: in the bible, cued, present, referenced or heard."""
    canon, universe = compiled.canon, compiled.universe
    wanted = set(universe.bible.characters) | {c for c, _s, _l in totals.labels}
    wanted |= set(canon.appearances) | set(totals.mentioned)
    return [
        {
            "id": c.id,
            "name": c.name,
            "provisional": c.provisional,
            "role": c.role,
            "home": c.home or _home(canon, c.id),
            "performer": c.performer,
            "suggestion": c.suggestion,
            "appearances": len(canon.appearances.get(c.id, ())),
            "speeches": totals.speeches.get(c.id, 0),
        }
        for c in compiled.cast.characters.values()
        if c.id in wanted
    ]


def encounter_rows(canon: Canon) -> list[Row]:
    return [
        {
            "a": e.a,
            "b": e.b,
            "release_scene": canon.release_pos[e.first_release.key],
            "story_scene": canon.release_pos[e.first_story.key],
            "scenes": e.scenes,
        }
        for e in canon.encounters.values()
    ]


def episode_range(canon: Canon, scenes: Sequence[SceneFacts]) -> range:
    """The release positions of an episode's scenes (they are consecutive)."""
    if not scenes or scenes[0].key not in canon.release_pos:
        return range(0)
    first = canon.release_pos[scenes[0].key]
    return range(first, first + len(scenes))


def _write_whole_canon_tables(db: Sql, compiled: Compiled) -> None:
    canon = compiled.canon
    db.insert("facts", _facts(compiled))
    db.insert("knowledge", _knowledge_rows(compiled))
    db.insert(
        "relations",
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
    db.insert(
        "findings",
        [
            {
                "id": n,
                "rule": f.rule,
                "severity": f.severity,
                "file": f.file,
                "line": f.line,
                "scene": canon.release_pos.get(f.scene, -1),  # -1: universe.yaml
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


def scene_rows(canon: Canon, indexes: Iterable[int]) -> list[Row]:
    rows: list[Row] = []
    for i in indexes:
        s = canon.scenes[i]
        rows.append(
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
        )
    return rows


def presence_rows(canon: Canon, indexes: Iterable[int]) -> list[Row]:
    rows: list[Row] = []
    for i in indexes:
        s = canon.scenes[i]
        for cid, p in s.present.items():
            rows.append(
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
                rows.append(
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
            rows.append(
                {
                    "scene": i,
                    "character": cid,
                    "kind": "voice",
                    "line": line,
                    "how": "voice",
                    "identity": None,
                }
            )
    return rows


def label_rows(totals: Totals, only: set[LabelKey] | None) -> list[Row]:
    return [
        {"character": c, "series": sr, "label": lab, "speeches": n}
        for (c, sr, lab), n in sorted(totals.labels.items())
        if only is None or (c, sr, lab) in only
    ]


def interaction_rows(compiled: Compiled, scenes: Sequence[SceneFacts] | None) -> list[Row]:
    episode_pos = compiled.universe.release_index()
    return [
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
        for r in measure(compiled.canon, scenes)
    ]


def tell_rows(compiled: Compiled, indexes: Iterable[int]) -> list[Row]:
    """Who speaks a tell of which secret where: what a scene relies on the audience knowing."""
    index: TellIndex | None = None  # only for scenes whose tells were not worked out
    rows: list[Row] = []
    for i in indexes:
        scene = compiled.canon.scenes[i]
        seen: set[tuple[str, str]] = set()
        found = scene.tells
        if found is None:
            if index is None:
                secrets = compiled.universe.bible.secrets
                index = TellIndex({sid: sec.tells for sid, sec in secrets.items()})
            found = scene_tells(index, scene)
        for k, sid, _offset, _said in found:
            speech = scene.dialogue[k]
            if (speech.character, sid) not in seen:
                seen.add((speech.character, sid))
                rows.append(
                    {"scene": i, "character": speech.character, "secret": sid, "line": speech.line}
                )
    return rows


def _knowledge_rows(compiled: Compiled) -> list[Row]:
    if compiled.fold is None:
        return []
    canon = compiled.canon
    rows: list[Row] = []
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


def _home(canon: Canon, cid: str) -> str | None:
    """The series where a character appears most, for colouring and grouping."""
    counts = Counter(canon.scenes[i].series for i in canon.appearances.get(cid, ()))
    return counts.most_common(1)[0][0] if counts else None


def _facts(compiled: Compiled) -> list[Row]:
    from showbible.canon.identity import identity_report

    out: list[Row] = []
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
    for doubt in identity_report(canon):
        out.append(
            {
                "kind": doubt.kind,
                "subject": doubt.characters[0] if doubt.characters else doubt.label,
                "object": ", ".join(doubt.series),
                "scene": None,
                "file": doubt.file,
                "line": doubt.line,
                "source": "engine",
                "confidence": None,
                "detail": json.dumps(doubt.to_json()),
            }
        )
    # Declared aliases, so that `who`, `met` and the web's search find a character by any of
    # them; not those of a secret identity, which would give the secret away.
    for cid, conf in compiled.universe.bible.characters.items():
        secret = {label for labels in conf.identity_groups().values() for label in labels}
        for alias in conf.aliases:
            if (alias if isinstance(alias, str) else alias.label) in secret:
                continue
            out.append(
                {
                    "kind": "alias",
                    "subject": cid,
                    "object": alias if isinstance(alias, str) else alias.label,
                    "scene": None,
                    "file": None,
                    "line": None,
                    "source": "bible",
                    "confidence": None,
                    "detail": None,
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
                    # A fact the rules found the story refuting is not used either.
                    "detail": json.dumps(
                        {**e.data, "used": id(e) in used and "refuted" not in e.data},
                        default=str,
                    ),
                }
            )
    for n, row in enumerate(out):
        row["id"] = n
    return out
