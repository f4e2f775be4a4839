"""The extraction pipeline: forked workers give exactly what one process gives, and the
extraction cache never serves stale scenes (an incremental build equals a build from nothing)."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import synth_module
from showbible import build, queries
from showbible.build.compiler import bible_digest, compile_universe
from showbible.build.factcache import dump_facts, load_facts
from showbible.build.pipeline import PARALLEL_MIN, extract_universe
from showbible.canon.fold import met_rows
from showbible.reading.extract import PlaceIndex
from showbible.reading.resolve import Cast
from showbible.store import Store
from showbible.universe.loader import Universe, load_universe

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "sallowmouth"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pipeline") / "u"
    # Enough episodes for the workers to start, small scenes to stay quick; planted errors so
    # that there are findings to compare.
    synth_module.load().generate(
        root, 3, PARALLEL_MIN // 3 + 4, seed=7, scenes_per_episode=(4, 6), plant=6
    )
    return root


def _extracted(universe: Universe, jobs: int) -> tuple[Cast, Any]:
    """A cold extraction of ``universe`` on ``jobs`` processes, and the cast it grew."""
    files = {
        e.rel: hashlib.sha256(e.path.read_bytes()).hexdigest()
        for e in universe.episodes
        if e.path is not None
    }
    cast = Cast(universe.bible)
    places = PlaceIndex({pid: p.aliases for pid, p in universe.bible.places.items()})
    return cast, extract_universe(
        universe, cast, places, files, {}, {}, bible_digest(universe), jobs=jobs
    )


def _extract(universe: Universe, jobs: int) -> tuple[dict[str, bytes], list[str]]:
    cast, out = _extracted(universe, jobs)
    if jobs > 1:
        assert out.workers == jobs
    blobs = {
        key: dump_facts(r.episode.series, r.episode.id, r.episode.rel, r.facts)
        for key, r in out.episodes.items()
    }
    return blobs, sorted(cast.characters)


def test_workers_give_what_one_process_gives(synthetic: Path) -> None:
    universe = load_universe(synthetic)
    one, cast_one = _extract(universe, 1)
    two, cast_two = _extract(load_universe(synthetic), 2)
    assert cast_one == cast_two  # provisional characters got the same ids
    assert one.keys() == two.keys()
    for key in one:
        assert load_facts(one[key]) == load_facts(two[key]), key


def _results(universe: Universe, jobs: int) -> tuple[list[object], int, int]:
    _, out = _extracted(universe, jobs)
    return (
        [
            (key, r.facts, r.parse_blob, r.parsed, r.extract, r.extract_changed, r.diagnostics)
            for key, r in out.episodes.items()
        ],
        out.parsed,
        out.extracted,
    )


@pytest.mark.parametrize("jobs", [1, 2])
def test_scripts_parsed_again_past_the_budget_give_the_same_extraction(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """A process keeps parsed scripts from the scan for the extraction only up to
    KEEP_SCRIPTS_MB; the rest are parsed again. Nothing of the result may tell the two apart:
    not the scenes, nor the parse-cache blobs, nor which episodes count as parsed."""
    pipeline = importlib.import_module("showbible.build.pipeline")
    whole = _results(load_universe(synthetic), jobs)
    sizes = sorted(e.path.stat().st_size for e in load_universe(synthetic).episodes if e.path)
    # Room for a few scripts per process, so that some are kept and the rest parsed again.
    monkeypatch.setattr(pipeline, "KEEP_SCRIPTS_MB", 3 * sizes[len(sizes) // 2] / 1e6)
    assert _results(load_universe(synthetic), jobs) == whole
    monkeypatch.setattr(pipeline, "KEEP_SCRIPTS_MB", 0)
    assert _results(load_universe(synthetic), jobs) == whole


@pytest.mark.parametrize("n", [2, 3])
def test_workers_get_contiguous_runs_of_about_equal_bytes(n: int) -> None:
    """Every episode once, in order, in n runs; no run (but one of a single script) holds more
    than its share of the bytes by more than its largest script. Split by count, a universe of
    a long-scripted series and a short one loads one worker far more than the other."""
    split = importlib.import_module("showbible.build.workers").split_runs
    weights = [900] * 40 + [500] * 40 + [100, 5000, 100]
    keys = [f"e{k}" for k in range(len(weights))]
    parts = split(keys, n, weights)
    assert len(parts) == n and [k for part in parts for k in part] == keys
    share = sum(weights) / n
    for part in parts:
        got = [weights[keys.index(k)] for k in part]
        assert part and (len(got) == 1 or sum(got) <= share + max(got))
    # By count, the first worker would take 1.6 times the bytes of the second.
    halves = split(keys, 2, weights)
    sums = [sum(weights[keys.index(k)] for k in part) for part in halves]
    assert max(sums) - min(sums) <= max(weights)
    assert split(["a", "b"], 2, [0, 0]) == [["a"], ["b"]]


def test_a_worker_out_of_work_takes_another_ones_episodes(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The last script weighs as much as all the rest, so the second worker scans it alone and
    then extracts episodes the first one scanned (and holds parsed): which process extracted
    an episode must change nothing of the result, nor which count as parsed."""
    pipeline = importlib.import_module("showbible.build.pipeline")
    whole = _results(load_universe(synthetic), 1)
    log = tmp_path / "log"
    scan, extract = pipeline._Context.scan, pipeline._Context.extract

    def logged(what: str, method: Any) -> Any:
        def run(self: Any, ep: Any, *args: Any) -> Any:
            with log.open("a") as f:  # the workers are forked: this runs in them
                f.write(f"{what} {os.getpid()} {ep.key}\n")
            return method(self, ep, *args)

        return run

    monkeypatch.setattr(pipeline._Context, "scan", logged("scan", scan))
    monkeypatch.setattr(pipeline._Context, "extract", logged("extract", extract))
    last = load_universe(synthetic).episodes[-1].key
    monkeypatch.setattr(pipeline, "_size", lambda ep: 10**6 if ep.key == last else 1)
    assert _results(load_universe(synthetic), 2) == whole
    lines = [ln.split() for ln in log.read_text().splitlines()]
    by = {(what, key): pid for what, pid, key in lines}
    scanned_with_last = by[("scan", last)]
    moved = [
        key
        for (what, key), pid in by.items()
        if what == "extract" and pid == scanned_with_last and key != last
    ]
    assert moved  # the second worker took some of the first one's episodes


def test_findings_do_not_depend_on_the_number_of_workers(synthetic: Path) -> None:
    a = compile_universe(load_universe(synthetic), jobs=1)
    b = compile_universe(load_universe(synthetic), jobs=2)
    assert a.findings and [f.to_json() for f in a.findings] == [f.to_json() for f in b.findings]


def _roles_universe(root: Path) -> Path:
    """Two series of fan transcripts: in one, an action line introduces "a TV" and a TV
    speaks once, so the scripts declare TV a walk-on role (caststate.introduced_roles); a TV
    ANNOUNCER speaks in both series."""
    n = PARALLEL_MIN // 2 + 1
    lines = ["name: Roles", "series:"]
    for sid, who in (("one", ("Mara", "Tobias")), ("two", ("Danny", "Ines"))):
        (root / sid).mkdir(parents=True)
        lines += [f"  - id: {sid}", f'    title: "{sid.title()}"', f'    scripts: ["{sid}/*.txt"]',
                  "    episodes:"]  # fmt: skip
        for k in range(1, n + 1):
            lines.append(f"      e{k:02d}: {{}}")
            body = [f"[Scene: The kitchen, day {k}.]", f"{who[0]}: Morning.", f"{who[1]}: Is it?"]
            if sid == "one" and k == 1:
                body += ["[A TV is on in the corner.]", "TV: And now the weather."]
            if k in (2, 3):
                body += ["TV Announcer: Next, the news at nine."]
            (root / sid / f"e{k:02d}.txt").write_text("\n\n".join(body) + "\n")
    (root / "universe.yaml").write_text("\n".join(lines) + "\n")
    return root


def test_workers_read_the_roles_the_scripts_declare(tmp_path: Path) -> None:
    # A worker made its cast from the bible alone, without the roles the scripts declare: it
    # took TV ANNOUNCER for another character than the parent had split between the series,
    # and the build died with a KeyError in every worker (Friends + The Big Bang Theory).
    root = _roles_universe(tmp_path / "u")
    one = compile_universe(load_universe(root), jobs=1)
    two = compile_universe(load_universe(root), jobs=2)
    assert "TV" in one.cast.roles
    assert two.extraction.workers == 2
    assert sorted(one.cast.characters) == sorted(two.cast.characters)
    assert [sorted(s.present) for s in one.canon.scenes] == [
        sorted(s.present) for s in two.canon.scenes
    ]


def test_fact_cache_round_trip() -> None:
    compiled = compile_universe(load_universe(DEMO))
    for result in compiled.extraction.episodes.values():
        ep = result.episode
        blob = dump_facts(ep.series, ep.id, ep.rel, result.facts)
        assert load_facts(blob) == result.facts
    assert load_facts(b"not a blob") is None


def _canon(url: str) -> dict[str, object]:
    st = Store(url)
    try:
        with st.read() as conn:
            data = queries.export(conn)
            data["findings"] = [f.to_json() for f in _findings(url)]
            return data
    finally:
        st.dispose()


def _findings(url: str) -> list[object]:
    from showbible.build.check import load_findings

    return load_findings(url, Path("."))  # type: ignore[return-value]


def _fresh(root: Path, tmp: Path, name: str) -> dict[str, object]:
    url = f"sqlite:///{tmp}/{name}.sqlite"
    build(root, url, force=True)
    return _canon(url)


def _same(a: dict[str, object], b: dict[str, object]) -> None:
    assert json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def test_incremental_builds_equal_builds_from_nothing(tmp_path: Path) -> None:
    root = tmp_path / "u"
    shutil.copytree(DEMO, root)
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(root, url)
    ep = root / "magpie" / "mp2.fountain"

    # An edit that changes only this episode's own scenes.
    ep.write_text(ep.read_text() + "\nIda pockets the key.\n")
    result = build(root, url)
    assert result.compiled is not None and result.compiled.extraction.extracted == 1
    _same(_canon(url), _fresh(root, tmp_path, "a"))

    # A new character cued in one episode changes its series' names (and the cast): every
    # episode of that series is extracted again, and the canon is still the from-nothing one.
    ep.write_text(ep.read_text() + "\nINT. QUAY - NIGHT\n\nZEBEDEE QUILL\nEvening, all.\n")
    result = build(root, url)
    assert result.compiled is not None and result.compiled.extraction.extracted > 1
    _same(_canon(url), _fresh(root, tmp_path, "b"))

    # A bible change (a new alias) invalidates every cached extraction.
    bible = root / "universe.yaml"
    bible.write_text(bible.read_text() + "\n# an edit to the bible\n")
    result = build(root, url)
    total = len([e for e in load_universe(root).episodes if e.path is not None])
    assert result.compiled is not None and result.compiled.extraction.extracted == total
    _same(_canon(url), _fresh(root, tmp_path, "c"))

    # An episode removed: its cache rows go, and nothing of it stays in the canon.
    ep.unlink()
    build(root, url)
    _same(_canon(url), _fresh(root, tmp_path, "d"))


def test_an_error_in_a_worker_reaches_the_caller(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first bad file in episode order is reported, as a one-process build would."""
    from showbible.build import pipeline
    from showbible.model import InputError, Script

    universe = load_universe(synthetic)
    bad = [e for e in universe.episodes if e.path is not None][5:7]
    real = pipeline.read_script

    def reader(path: Path) -> Script:
        for ep in bad:
            if path == ep.path:
                raise InputError("unreadable on purpose", file=ep.rel, line=3)
        return real(path)

    monkeypatch.setattr(pipeline, "read_script", reader)  # the forked workers inherit it
    with pytest.raises(InputError) as err:
        compile_universe(universe, jobs=2)
    assert str(err.value) == f"{bad[0].rel}:3: unreadable on purpose"


def test_a_bug_in_a_worker_is_reported_with_where_it_happened(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that fails on a bug of ours says what failed and where, and the build stops
    with that message (the command line's internal error), not a broken pipe."""
    from showbible.build import pipeline

    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise KeyError("tv-announcer")

    monkeypatch.setattr(pipeline, "infer_facts", broken)
    with pytest.raises(RuntimeError) as err:
        compile_universe(load_universe(synthetic), jobs=2)
    assert "an extraction worker failed: KeyError: 'tv-announcer' at test_pipeline.py:" in str(
        err.value
    )


def test_rules_run_beside_the_store_write(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rules checked in a forked child while the parent writes give the same findings; a
    failure there fails the build and leaves the store as it was."""
    from showbible.build.check import load_findings

    build_module = importlib.import_module(
        "showbible.build.compiler"
    )  # the package's build() shadows it

    monkeypatch.setattr(build_module.RulesRun, "MIN_SCENES", 0)  # fork even for a small canon
    monkeypatch.setattr(build_module, "cores", lambda: 2)  # and on a machine with one core
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    result = build(synthetic, url, force=True)
    assert result.compiled is not None
    here = compile_universe(load_universe(synthetic), jobs=1).findings
    assert here and [f.to_json() for f in result.compiled.findings] == [f.to_json() for f in here]
    assert [f.to_json() for f in load_findings(url, synthetic)] == [f.to_json() for f in here]

    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise ValueError("a rule fell over")

    monkeypatch.setattr(build_module, "run_rules", broken)
    with pytest.raises(RuntimeError, match="a rule fell over"):
        build(synthetic, url, force=True)
    assert [f.to_json() for f in load_findings(url, synthetic)] == [f.to_json() for f in here]


def _refuted_universe(root: Path) -> Path:
    """One series whose first scene says "Mara dies." and where Mara speaks in four later
    scenes: the story refutes the inferred death (rules.base.refute)."""
    (root / "s").mkdir(parents=True)
    scenes = ["INT. KITCHEN - DAY\n\nMara trips on the stairs. Mara dies.\n\nTOBIAS\nNo!\n"]
    for k in range(4):
        scenes.append(f"INT. KITCHEN - DAY\n\nMARA\nMorning, number {k}.\n\nTOBIAS\nIs it?\n")
    (root / "s" / "e1.fountain").write_text("\n".join(scenes))
    (root / "universe.yaml").write_text(
        'name: Refuted\nseries:\n  - id: s\n    scripts: ["s/*.fountain"]\n'
        "    episodes:\n      e1: {}\n"
    )
    return root


def test_facts_the_rules_refute_in_their_fork_are_stored_as_unused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules mark an inferred fact the story refutes; run in a fork beside the store write,
    their marks reach the parent's rows of facts as they do when the rules run in it (a Friends
    death that 276 later scenes contradict was stored as used at two cores)."""
    build_module = importlib.import_module("showbible.build.compiler")
    root = _refuted_universe(tmp_path / "u")

    def facts(url: str) -> list[tuple[str, str, str]]:
        with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as conn:
            return list(conn.execute("SELECT kind, subject, detail FROM facts ORDER BY id"))

    here = f"sqlite:///{tmp_path}/here.sqlite"
    build(root, here)
    monkeypatch.setattr(build_module.RulesRun, "MIN_SCENES", 0)  # fork even for a small canon
    monkeypatch.setattr(build_module, "cores", lambda: 2)  # and on a machine with one core
    forked = f"sqlite:///{tmp_path}/forked.sqlite"
    build(root, forked)
    deaths = [json.loads(d) for kind, who, d in facts(here) if (kind, who) == ("dies", "mara")]
    assert deaths and "refuted" in deaths[0] and deaths[0]["used"] is False
    assert facts(forked) == facts(here)


def test_meetings_found_beside_the_joining_of_facts(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Meetings found in a forked child while the parent joins the inferred facts are those
    found in process, in the same order; a failure there fails the build and leaves the store
    as it was."""
    build_module = importlib.import_module("showbible.build.compiler")
    monkeypatch.setattr(build_module.RulesRun, "MIN_SCENES", 0)  # fork even for a small canon
    monkeypatch.setattr(build_module, "cores", lambda: 2)  # and on a machine with one core
    forked: list[int] = []
    real = build_module.MeetingsRun.__init__

    def counting(self: Any, canon: Any) -> None:
        forked.append(len(canon.encounters))  # none yet: the child finds them
        real(self, canon)

    monkeypatch.setattr(build_module.MeetingsRun, "__init__", counting)
    db = tmp_path / "canon.sqlite"
    result = build(synthetic, f"sqlite:///{db}", force=True)
    assert forked == [0] and result.compiled is not None
    here = compile_universe(load_universe(synthetic), jobs=1).canon
    assert met_rows(here) and met_rows(result.compiled.canon) == met_rows(here)

    def stored() -> list[tuple[object, ...]]:
        with contextlib.closing(sqlite3.connect(db)) as conn:
            return conn.execute("SELECT * FROM encounters ORDER BY a, b").fetchall()

    before = stored()
    assert len(before) == len(met_rows(here))

    def broken(_canon: object) -> None:
        raise ValueError("a stage direction fell over")

    monkeypatch.setattr(build_module, "find_encounters", broken)
    with pytest.raises(RuntimeError, match="a stage direction fell over"):
        build(synthetic, f"sqlite:///{db}", force=True)
    assert stored() == before


def test_rows_written_a_stretch_of_scenes_at_a_time_equal_rows_written_at_once(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole write makes the per-scene rows ROWS_AT_ONCE scenes at a time (memory); the
    store must not tell: the same rows as made in one go, whatever the stretch's length."""
    from canon_tables import canon_tables

    rows = importlib.import_module("showbible.build.rows")
    whole = f"sqlite:///{tmp_path}/whole.sqlite"
    build(synthetic, whole, force=True)
    for at_once in (1, 7):
        monkeypatch.setattr(rows, "ROWS_AT_ONCE", at_once)
        url = f"sqlite:///{tmp_path}/stretches-{at_once}.sqlite"
        build(synthetic, url, force=True)
        assert canon_tables(url) == canon_tables(whole)
