"""Read and extract every episode: from the caches when nothing it depends on changed, on every
core when many episodes need work.

Two phases, because an episode's extraction depends on its whole series: action lines are
searched for every name the series cues (``Cast.matcher``).

1. *Scan* each episode whose cues are not cached: read (or load the parsed script from the parse
   cache) and list its cue texts and its ``[[present:]]``/``[[absent:]]`` names. No cast needed.
2. The parent *resolves* those names into the cast in one fixed order (series, then episode,
   cues before annotation names: the order a one-process build met them in), so provisional
   characters get the same ids however the work was split.
3. *Extract* each episode whose facts are not cached, against that cast and its series' cues.

Cache keys: cues on (engine, bible, episode, file); facts additionally on the cast and the
series' cue sets. Workers are forked (Linux) and replay the parent's resolutions into a fresh
cast, so they hold the same cast without any of it being pickled; their results come back
pickled over a pipe from our own children, while the store holds only JSON.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from showbible.build import caststate
from showbible.build.factcache import decode_now, dump_facts, load_facts
from showbible.build.serial import dump_script, load_script
from showbible.build.workers import Pool, cores, crash_reply, split_runs
from showbible.formats import read_script
from showbible.model import Diagnostic, InputError, Kind, Script
from showbible.reading.extract import (
    PlaceIndex,
    cue_texts,
    extract_scene,
    flashback_transition,
    kind_labels,
    names_someone,
)
from showbible.reading.facts import SceneFacts
from showbible.reading.infer import infer_facts, place_names
from showbible.reading.introductions import introductions
from showbible.reading.matcher import Match
from showbible.reading.prose_tense import narrated_in_present
from showbible.reading.resolve import Cast, NameMatcher
from showbible.reading.tells import TellIndex, scene_tells
from showbible.universe.loader import Episode, Universe

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

Progress = Callable[[str, int, int], None]
# Below this many episodes to work on, forking costs more than it saves.
PARALLEL_MIN = 24
# How much script text (MB) a process keeps parsed from the scan for the extraction. A parsed
# script takes about 8 times its text in objects: kept whole, the 5,000-episode synthetic
# universe (207 MB) held 1 GB in each of the two workers. Past this, a script is parsed again
# when it is extracted, which costs less than loading it from its parse-cache blob.
KEEP_SCRIPTS_MB = 16


@dataclass
class CachedExtract:
    cue_key: str
    # JSON: {"cues": [...], "named": [...], "kinds": [...], "intros": [...],
    #        "diagnostics": [[line, msg, sev, col]]}
    cues: str
    facts_key: str
    facts: bytes


@dataclass
class EpisodeResult:
    """One episode's scenes and what the store's caches should now hold for it."""

    episode: Episode
    facts: list[SceneFacts]
    diagnostics: list[Diagnostic]
    parsed: bool  # read from its file (not from the parse cache)
    parse_blob: bytes | None  # a fresh parse, for the parse cache
    extract: CachedExtract
    extract_changed: bool
    # Whether the names the cast is replayed from (cue texts, names in annotations, kinds,
    # introductions) are, list for list, those of the episode's extraction before this one.
    same_names: bool = True


@dataclass
class _Scan:
    cues: list[str]
    named: list[str]
    diagnostics: list[tuple[int, str, str, int, str]]
    parsed: bool
    parse_blob: bytes | None
    kinds: list[str] = field(default_factory=list)  # labels introduced as "a GUARD"
    intros: list[str] = field(default_factory=list)  # names introduced in capitals, no cue


@dataclass
class Extraction:
    episodes: dict[str, EpisodeResult] = field(default_factory=dict)  # episode key -> result
    parsed: int = 0
    cached: int = 0  # scripts loaded from the parse cache
    extracted: int = 0  # episodes extracted (not loaded from the extraction cache)
    workers: int = 1
    # What the facts' cache keys were made of, for re-extracting one episode (``reextract``).
    bible_digest: str = ""
    cast_digest: str = ""
    series_cues: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    series_digest: dict[str, str] = field(default_factory=dict)
    # The cast as the replay of every episode's names left it (caststate.capture), for the
    # snapshot; None when it is no longer that (a patch changed an episode's names).
    cast_state: dict[str, Any] | None = None


_digest = caststate.digest


class _Context:
    """Everything a phase needs, shared by the parent and (through fork) its workers."""

    def __init__(
        self,
        universe: Universe,
        places: PlaceIndex,
        parse_cache: dict[str, tuple[str, bytes]],
        digests: dict[str, str],
    ) -> None:
        self.universe = universe
        self.places = places
        self.parse_cache = parse_cache
        self.digests = digests
        self.scripts: dict[str, Script] = {}
        # Scripts scanned but not kept (over KEEP_SCRIPTS_MB): their blob was made at the scan.
        self.dropped: set[str] = set()
        self._kept_bytes = 0
        bible = universe.bible
        self.tells = TellIndex({sid: sec.tells for sid, sec in bible.secrets.items()})
        self.place_names = place_names(bible)

    def script(self, ep: Episode, keep: bool = False) -> tuple[Script, bool, bytes | None]:
        """The parsed script: kept from the scan, from the parse cache, or read now. ``keep``:
        hold it for the extraction to come (the scan), within KEEP_SCRIPTS_MB."""
        got = self.scripts.pop(ep.key, None)  # an episode is extracted once: let it go after
        if got is not None:
            return got, False, None
        assert ep.path is not None
        script: Script | None = None
        hit = self.parse_cache.get(ep.rel)
        if hit is not None and hit[0] == self.digests[ep.rel]:
            script = load_script(hit[1])
        parsed = script is None
        if script is None:
            try:
                script = _relabel(read_script(ep.path), ep.rel)
            except InputError as exc:
                if exc.file != str(ep.path):
                    raise
                # Named like every other message: relative to the universe folder.
                raise InputError(exc.message, ep.rel, exc.line, exc.column) from None
        if keep:
            size = sum(len(el.text) for el in script.elements)
            if self._kept_bytes + size <= KEEP_SCRIPTS_MB * 1_000_000:
                self._kept_bytes += size
                self.scripts[ep.key] = script
            else:
                self.dropped.add(ep.key)
        elif ep.key in self.dropped:
            # Parsed again for its extraction: the scan reported it parsed and sent its blob.
            return script, False, None
        return script, parsed, dump_script(script) if parsed else None

    def scan(self, ep: Episode) -> _Scan:
        script, parsed, blob = self.script(ep, keep=True)
        cues, named = cue_texts(script.scenes)
        diagnostics = [
            (d.line, d.message, d.severity, d.column, d.code) for d in script.diagnostics
        ]
        return _Scan(
            cues, named, diagnostics, parsed, blob, kind_labels(script.scenes),
            introductions(script.scenes),
        )  # fmt: skip

    def extract(
        self, ep: Episode, cast: Cast, matcher: Any
    ) -> tuple[list[SceneFacts], bytes, bool, bytes | None]:
        script, parsed, blob = self.script(ep)
        matcher = _Remembering(matcher)
        facts: list[SceneFacts] = []
        flashback_next = False
        present_tense = narrated_in_present(
            el.text for sc in script.scenes for el in sc.elements if el.kind is Kind.ACTION
        )
        for scene in script.scenes:
            facts.append(
                extract_scene(
                    scene,
                    series=ep.series,
                    episode=ep.id,
                    file=ep.rel,
                    cast=cast,
                    matcher=matcher,
                    places=self.places,
                    story=ep.story,
                    flashback_before=flashback_next,
                    before=facts[-1] if facts else None,
                    present_tense=present_tense,
                )
            )
            flashback_next = flashback_transition(scene)
            check_cast_size(facts[-1], cast, self.universe.bible.settings.max_scene_cast)

        def resolve(label: str) -> str:
            if not names_someone(label, cast, ep.series):
                return ""  # a book's narrator the bible gives no one (formats/manuscript.py)
            return cast.resolve_cue(label, ep.series).character

        for f, sc in zip(facts, script.scenes, strict=True):
            f.tells = scene_tells(self.tells, f)
            f.inferred = infer_facts(f, self.place_names, sc, matcher, resolve)
        return facts, dump_facts(ep.series, ep.id, ep.rel, facts), parsed, blob


class _Remembering:
    """A series' name matcher that remembers what it found in each text of one episode.
    Extraction searches every speech for names, and inference (``base.walk``) searched each
    speech that names someone again, for where the names stand: 3% of the CPU of a cold build
    of Friends + The Office. What ``find`` finds depends on the text alone, so two speeches of
    the same words share their matches (which neither caller changes)."""

    def __init__(self, matcher: NameMatcher) -> None:
        self._matcher = matcher
        self._found: dict[str, list[Match]] = {}

    def find(self, text: str) -> list[Match]:
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self._matcher.find(text)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._matcher, name)


def check_cast_size(scene: SceneFacts, cast: Cast, limit: int) -> None:
    """Every pair present in a scene has met: a scene of thousands (2,000 cues in 30 KB, or one
    TEI ``<sp who>`` naming 2,000) makes millions of pairs and gigabytes. Refused here, before
    any pair is made, at the scene's heading."""
    people = sum(1 for cid in scene.present if not cast.is_role(cid))
    if people > limit:
        raise InputError(
            f"scene {scene.number} has {people:,} characters present, over the limit of {limit} "
            f"(settings.max_scene_cast in universe.yaml): every pair of them would be a meeting "
            f"({people * (people - 1) // 2:,} pairs). Write a crowd as one group cue "
            "(ALL, CROWD), or raise the limit",
            file=scene.file,
            line=scene.line,
        )


def _relabel(script: Script, rel: str) -> Script:
    """Scripts name their file relative to the universe folder, as every message does."""
    return dataclasses.replace(
        script,
        path=rel,
        diagnostics=tuple(dataclasses.replace(d, file=rel) for d in script.diagnostics),
    )


def _error(exc: InputError) -> tuple[str, str | None, int, int]:
    return (exc.message, exc.file, exc.line, exc.column)


# --- workers ---------------------------------------------------------------------------------


def _worker(conn: Connection, ctx: _Context) -> None:
    """A forked worker: scan, then extract, the episodes it is sent; one message per episode.
    Before the extraction it is sent the cast (as the names to resolve) and the series' cues."""
    cast: Cast | None = None
    series_cues: dict[str, dict[str, set[str]]] = {}
    matchers: dict[str, Any] = {}
    try:
        while True:
            msg = conn.recv()
            if msg[0] == "scan":
                for reply in _scan_here(ctx, msg[1]):
                    conn.send(reply)
            elif msg[0] == "cast":
                _, roles, replay, unjoined, split, series_cues, introduced = msg
                cast = _replayed(ctx.universe, roles, replay, unjoined, split)
                cast.add_introduced(introduced)
                matchers = {}
            elif msg[0] == "extract":
                keys = msg[1]
                assert cast is not None, "the cast comes before the episodes"
                for kind, key, payload in _extract_here(ctx, cast, series_cues, keys, matchers):
                    if kind == "facts":
                        # The JSON the cache needs anyway, not the objects: pickling them here
                        # and unpickling them in the parent cost more CPU than the parent
                        # building them from JSON (and the two cores are shared).
                        _facts, blob, parsed, parse_blob = payload
                        payload = (None, blob, parsed, parse_blob)
                    conn.send((kind, key, payload))
            else:
                return
    except (EOFError, KeyboardInterrupt):
        return
    except Exception as exc:  # a bug of ours: the parent raises it, saying what and where
        with contextlib.suppress(OSError):
            conn.send(crash_reply(exc))
    finally:
        conn.close()


def _replayed(
    universe: Universe,
    roles: frozenset[str],
    replay: list[tuple[str, str]],
    unjoined: frozenset[str],
    split: dict[str, dict[str, str]],
) -> Cast:
    cast = Cast(universe.bible)
    # The roles the scripts declare (caststate.introduced_roles) besides the bible's: without
    # them a worker read "TV Announcer" as the walk-on TV's and could not split the character
    # the parent had split between two series.
    cast.roles = roles
    for text, series in replay:
        cast.resolve_cue(text, series)
    cast.unjoin(unjoined)
    cast.apply_split(split)
    return cast


def _size(ep: Episode) -> int:
    """What a worker's share is measured in: the script's bytes."""
    try:
        return ep.path.stat().st_size if ep.path is not None else 0
    except OSError:
        return 0  # reading it reports the error, in its episode's turn


# --- the two phases --------------------------------------------------------------------------


def extract_universe(
    universe: Universe,
    cast: Cast,
    places: PlaceIndex,
    files: dict[str, str],
    parse_cache: dict[str, tuple[str, bytes]],
    extract_cache: dict[str, CachedExtract],
    bible_digest: str,
    progress: Progress | None = None,
    jobs: int | None = None,
    known: Extraction | None = None,
    resume: Any = None,
) -> Extraction:
    """Scenes for every episode with a file. ``files``: rel path -> sha256 of its content.
    Raises the first InputError in episode order. ``cast`` ends up holding every character
    the scripts name. ``known``: an earlier extraction still in memory (a session's), whose
    scenes are taken as they are wherever their cache key still holds. ``resume``: a cast
    state a snapshot kept (caststate.py), put back instead of replaying every episode's names
    when the caches hold every episode for it."""
    with_files = [e for e in universe.episodes if e.path is not None]
    base = {e.key: _digest(bible_digest, e.key, e.rel, files[e.rel]) for e in with_files}
    if resume is not None and known is None:
        resumed = _resumed(universe, cast, with_files, base, extract_cache, bible_digest, resume)
        if resumed is not None:
            return resumed
    ctx = _Context(universe, places, parse_cache, files)
    scans: dict[str, _Scan] = {}
    cue_docs: dict[str, str] = {}  # as the cache holds them: written again as they are
    for ep in with_files:
        hit = extract_cache.get(ep.rel)
        if hit is not None and hit.cue_key == base[ep.key]:
            scan = _scan_of(hit.cues)
            if scan is not None:  # a damaged entry is a miss
                scans[ep.key] = scan
                cue_docs[ep.key] = hit.cues
    to_scan = [e.key for e in with_files if e.key not in scans]
    n_jobs = jobs if jobs is not None else cores()
    pool: Pool | None = None
    out = Extraction()
    done = len(with_files) - len(to_scan)
    total = len(with_files)
    try:
        if n_jobs > 1 and len(to_scan) >= PARALLEL_MIN:
            out.workers = min(n_jobs, len(to_scan))
            pool = Pool(out.workers, _worker, ctx)
        errors: dict[str, tuple[str, str | None, int, int]] = {}
        owner: dict[str, int] = {}  # which worker holds an episode's parsed script
        if pool is not None:
            sizes = [_size(universe.episode(key)) for key in to_scan]
            parts = split_runs(to_scan, out.workers, sizes)
            replies = pool.run([("scan", part) for part in parts], len(to_scan))
        else:
            replies = ((0, r) for r in _scan_here(ctx, to_scan))
        for worker, (kind, key, payload) in replies:
            owner[key] = worker
            if kind == "error":
                errors[key] = payload
            else:
                scans[key] = payload
            done += 1
            if progress:
                progress("read", done, total)
        _raise_first(with_files, errors)

        replayed = caststate.replay(universe, cast, with_files, scans)
        replay, split, series_cues, introduced, cast_digest, series_digest = replayed
        state = caststate.capture(cast, series_cues, cast_digest, series_digest)

        facts: dict[str, list[SceneFacts]] = {}
        fresh: dict[str, tuple[bytes, bool, bytes | None]] = {}
        facts_key = {
            e.key: _digest(base[e.key], cast_digest, series_digest.get(e.series, ""))
            for e in with_files
        }
        for ep in with_files:
            hit = extract_cache.get(ep.rel)
            mine = known.episodes.get(ep.key) if known is not None else None
            if mine is not None and mine.extract.facts_key == facts_key[ep.key]:
                facts[ep.key] = mine.facts
                continue
            if hit is not None and hit.facts_key == facts_key[ep.key]:
                loaded = load_facts(hit.facts)
                if loaded is not None:
                    facts[ep.key] = loaded
        to_extract = [e.key for e in with_files if e.key not in facts]
        if pool is not None and len(to_extract) >= PARALLEL_MIN:
            parts = [[] for _ in range(out.workers)]
            for key in to_extract:  # to the worker that already parsed it, else the least busy
                w = owner.get(key)
                parts[
                    w if w is not None else min(range(out.workers), key=lambda i: len(parts[i]))
                ].append(key)
            replies = pool.share(
                ("cast", cast.roles, replay, cast.unjoined, split, series_cues, introduced),
                "extract",
                parts,
            )
        else:
            replies = ((0, r) for r in _extract_here(ctx, cast, series_cues, to_extract))
        for done, (_by, (kind, key, payload)) in enumerate(replies, 1):
            if kind == "error":
                errors[key] = payload
            else:
                got, blob, parsed, parse_blob = payload
                loaded = got if got is not None else load_facts(blob)
                if loaded is None:
                    raise RuntimeError(f"an extraction worker sent a damaged result for {key}")
                if got is None:
                    decode_now(loaded)  # while the workers work (see decode_now)
                facts[key] = loaded
                fresh[key] = (blob, parsed, parse_blob)
            if progress:
                progress("extract", done, len(to_extract))
        _raise_first(with_files, errors)
    finally:
        if pool is not None:
            pool.close()

    out.bible_digest, out.cast_digest = bible_digest, cast_digest
    out.cast_state = state
    out.series_cues, out.series_digest = series_cues, series_digest
    for ep in with_files:
        scan = scans[ep.key]
        blob, parsed_now, parse_blob = fresh.get(ep.key, (b"", False, None))
        parsed = scan.parsed or parsed_now
        cues_doc = cue_docs.get(ep.key) or _cues_doc(scan)
        hit = extract_cache.get(ep.rel)
        entry = CachedExtract(
            base[ep.key],
            cues_doc,
            facts_key[ep.key],
            blob if ep.key in fresh else (hit.facts if hit is not None else b""),
        )
        changed = hit is None or hit.cue_key != entry.cue_key or hit.facts_key != entry.facts_key
        out.episodes[ep.key] = EpisodeResult(
            ep,
            facts[ep.key],
            _diagnostics(ep, scan, facts[ep.key]),
            parsed,
            scan.parse_blob or parse_blob,
            entry,
            changed,
        )
        out.parsed += parsed
        out.cached += not parsed
        out.extracted += ep.key in fresh
    return out


def replayed_state(universe: Universe, extraction: Extraction) -> dict[str, Any] | None:
    """The cast state (caststate.capture) a replay of ``extraction``'s cue documents gives, as
    a build from nothing would write it; None if a document does not read. For the snapshot
    of a patch whose edited episodes now cue their names in another order or number."""
    with_files = [e for e in universe.episodes if e.path is not None]
    scans: dict[str, _Scan] = {}
    for ep in with_files:
        result = extraction.episodes.get(ep.key)
        scan = _scan_of(result.extract.cues) if result is not None else None
        if scan is None:
            return None
        scans[ep.key] = scan
    cast = Cast(universe.bible)
    replayed = caststate.replay(universe, cast, with_files, scans)
    return caststate.capture(cast, replayed[2], replayed[4], replayed[5])


def _scan_of(cues: str) -> _Scan | None:
    """A scan as its cue document keeps it (None: damaged)."""
    try:
        doc = orjson.loads(cues)
        return _Scan(
            doc["cues"], doc["named"], [tuple(d) for d in doc["diagnostics"]], False, None,
            doc["kinds"], doc["intros"],
        )  # fmt: skip
    except (ValueError, KeyError, TypeError):
        return None


def _resumed(
    universe: Universe,
    cast: Cast,
    with_files: list[Episode],
    base: dict[str, str],
    extract_cache: dict[str, CachedExtract],
    bible_digest: str,
    state: Any,
) -> Extraction | None:
    """The extraction of the canon a snapshot's cast state (``state``) was taken from, when
    the caches hold every episode of it: its cast put back into ``cast`` instead of replayed.
    None, with ``cast`` unchanged, when any episode's cue document or facts are not the cache's
    for that cast (the caller replays)."""
    try:
        digest = str(state["digest"])
        by_series = {str(k): str(v) for k, v in state["series_digests"].items()}
    except (KeyError, TypeError, AttributeError):
        return None
    facts: dict[str, list[SceneFacts]] = {}
    keys: dict[str, str] = {}
    scans: dict[str, _Scan] = {}
    for ep in with_files:
        hit = extract_cache.get(ep.rel)
        keys[ep.key] = _digest(base[ep.key], digest, by_series.get(ep.series, ""))
        if hit is None or hit.cue_key != base[ep.key] or hit.facts_key != keys[ep.key]:
            return None
        loaded = load_facts(hit.facts)
        # Of the cue document, only the script's own diagnostics are used: the rest of it is
        # what the cast state already holds.
        scan = _scan_of(hit.cues)
        if loaded is None or scan is None:
            return None
        facts[ep.key], scans[ep.key] = loaded, scan
    restored = caststate.restore(cast, state)
    if restored is None:
        return None
    series_cues, _digest_again, series_digest = restored
    out = Extraction(cached=len(with_files), bible_digest=bible_digest, cast_digest=digest)
    out.series_cues, out.series_digest, out.cast_state = series_cues, series_digest, state
    for ep in with_files:
        hit = extract_cache[ep.rel]
        entry = CachedExtract(base[ep.key], hit.cues, keys[ep.key], hit.facts)
        result = EpisodeResult(
            ep, facts[ep.key], _diagnostics(ep, scans[ep.key], facts[ep.key]), False, None, entry,
            False,
        )  # fmt: skip
        out.episodes[ep.key] = result
    return out


def _cues_doc(scan: _Scan) -> str:
    # orjson, as the facts (factcache.py): a one-shot check decodes every episode's cues, and
    # the json module's decoder was 0.02 of its 0.3 CPU s on Friends + The Office.
    doc = {
        "cues": scan.cues,
        "named": scan.named,
        "kinds": scan.kinds,
        "intros": scan.intros,
        "diagnostics": scan.diagnostics,
    }
    return orjson.dumps(doc, option=orjson.OPT_NON_STR_KEYS).decode()


def _diagnostics(ep: Episode, scan: _Scan, facts: list[SceneFacts]) -> list[Diagnostic]:
    out = [
        Diagnostic(ep.rel, ln, msg, sev, col, code) for ln, msg, sev, col, code in scan.diagnostics
    ]
    for f in facts:
        out.extend(Diagnostic(ep.rel, p.line, p.message, code="annotation") for p in f.problems)
    return out


def reextract(
    universe: Universe,
    places: PlaceIndex,
    cast: Cast,
    extraction: Extraction,
    ep: Episode,
    digest: str,
    matchers: dict[str, NameMatcher] | None = None,
) -> EpisodeResult | None:
    """Read and extract one edited episode against the cast and the series' names of
    ``extraction``, exactly as a whole extraction would. None when the edit changes which
    names the episode cues (or names in [[present:]]): the cast or its series' names may then
    change, and only a whole extraction is right. Raises InputError for a bad script."""
    old = extraction.episodes[ep.key]
    ctx = _Context(universe, places, {}, {ep.rel: digest})
    scan = ctx.scan(ep)
    try:
        before = orjson.loads(old.extract.cues)
    except ValueError:
        return None
    if set(scan.kinds) != set(before.get("kinds", ())):
        return None  # the universe's roles may change
    if scan.intros != before.get("intros"):
        return None  # the series' names may change
    for new_names, old_names in ((scan.cues, before["cues"]), (scan.named, before["named"])):
        if set(new_names) != set(old_names):
            return None
        # Provisional characters take ids in the order they are first met: keep that order.
        if _provisional_order(cast, ep.series, new_names) != _provisional_order(
            cast, ep.series, old_names
        ):
            return None
    # A series' matcher depends only on the cast and the series' names, which this path
    # leaves as they were: the caller may keep them (``matchers``) from one edit to the next.
    matchers = matchers if matchers is not None else {}
    matcher = matchers.get(ep.series)
    if matcher is None:
        matcher = matchers[ep.series] = cast.matcher(
            ep.series, extraction.series_cues.get(ep.series, {})
        )
    facts, blob, _parsed, parse_blob = ctx.extract(ep, cast, matcher)
    base = _digest(extraction.bible_digest, ep.key, ep.rel, digest)
    entry = CachedExtract(
        base,
        _cues_doc(scan),
        _digest(base, extraction.cast_digest, extraction.series_digest.get(ep.series, "")),
        blob,
    )
    same = all(
        getattr(scan, name) == before.get(name) for name in ("cues", "named", "kinds", "intros")
    )
    return EpisodeResult(
        ep, facts, _diagnostics(ep, scan, facts), True, scan.parse_blob or parse_blob, entry, True,
        same,
    )  # fmt: skip


def _provisional_order(cast: Cast, series: str, texts: list[str]) -> list[str]:
    out = []
    for text in dict.fromkeys(texts):
        char = cast.characters.get(cast.resolve_cue(text, series).character)
        if char is not None and char.provisional and not char.role:
            out.append(text)
    return out


def _scan_here(ctx: _Context, keys: list[str]) -> Iterator[tuple[str, str, Any]]:
    for key in keys:
        try:
            yield ("scan", key, ctx.scan(ctx.universe.episode(key)))
        except InputError as exc:
            yield ("error", key, _error(exc))


def _extract_here(
    ctx: _Context,
    cast: Cast,
    series_cues: dict[str, dict[str, set[str]]],
    keys: list[str],
    matchers: dict[str, Any] | None = None,
) -> Iterator[tuple[str, str, Any]]:
    matchers = matchers if matchers is not None else {}
    for key in keys:
        ep = ctx.universe.episode(key)
        if ep.series not in matchers:
            matchers[ep.series] = cast.matcher(ep.series, series_cues.get(ep.series, {}))
        try:
            yield ("facts", key, ctx.extract(ep, cast, matchers[ep.series]))
        except InputError as exc:
            yield ("error", key, _error(exc))


def _raise_first(
    episodes: list[Episode], errors: dict[str, tuple[str, str | None, int, int]]
) -> None:
    for ep in episodes:
        if ep.key in errors:
            message, file, line, column = errors[ep.key]
            raise InputError(message, file=file, line=line, column=column)
