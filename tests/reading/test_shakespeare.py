"""The nine history plays as one shared universe: identity, presence, crossovers, meetings.

Uses ../shared/data/shakespeare-fountain (skipped when absent) with our bible in
tests/data/shakespeare/. The expectations in expected.yaml were checked by hand against the
files, line by line.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from showbible import queries
from showbible.build.compiled import Compiled
from showbible.build.compiler import build, compile_universe
from showbible.store import Store, default_url
from showbible.universe.loader import load_universe

HERE = Path(__file__).resolve().parents[1]
PLAYS = HERE.parents[1] / "shared" / "data" / "shakespeare-fountain"
DATA = HERE / "data" / "shakespeare"

pytestmark = pytest.mark.skipif(not PLAYS.is_dir(), reason=f"{PLAYS} is not present")


def _expected() -> dict[str, Any]:
    return YAML(typ="safe").load((DATA / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def universe_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("histories")
    shutil.copy(DATA / "universe.yaml", root / "universe.yaml")
    (root / "plays").mkdir()
    for play in PLAYS.glob("*.fountain"):
        shutil.copy(play, root / "plays" / play.name)
    return root


@pytest.fixture(scope="module")
def compiled(universe_dir: Path) -> Compiled:
    return compile_universe(load_universe(universe_dir))


def _series_of(compiled: Compiled, cid: str) -> set[str]:
    return set(compiled.canon.series_of(cid))


@pytest.mark.parametrize("cid", sorted(_expected()["crossovers"]) if PLAYS.is_dir() else [])
def test_crossovers(compiled: Compiled, cid: str) -> None:
    want = set(_expected()["crossovers"][cid])
    assert _series_of(compiled, cid) == want


def test_headline_crossovers(compiled: Compiled) -> None:
    assert _series_of(compiled, "falstaff") == {"1-henry-iv", "2-henry-iv", "merry-wives"}
    assert len(_series_of(compiled, "bardolph")) == 4
    assert {"2-henry-vi", "3-henry-vi", "richard-iii"} <= _series_of(compiled, "queen-margaret")


def test_same_labels_resolve_together(compiled: Compiled) -> None:
    cast = compiled.cast
    for (s1, l1), (s2, l2) in _expected()["same"]:
        a, b = cast.resolve_cue(l1, s1).character, cast.resolve_cue(l2, s2).character
        assert a == b, f"{s1}:{l1} -> {a} but {s2}:{l2} -> {b}"


def test_scoped_labels_resolve_apart(compiled: Compiled) -> None:
    cast = compiled.cast
    for (s1, l1), (s2, l2) in _expected()["not_same"]:
        a, b = cast.resolve_cue(l1, s1).character, cast.resolve_cue(l2, s2).character
        assert a != b, f"{s1}:{l1} and {s2}:{l2} both -> {a}"


def test_silent_presence_from_stage_directions(compiled: Compiled) -> None:
    canon = compiled.canon
    for item in _expected()["silent_presence"]:
        scene = next(
            s for s in canon.scenes if s.series == item["series"] and s.number == item["scene"]
        )
        assert item["character"] in scene.present, item
        assert scene.present[item["character"]].line == item["line"], item
        assert item["character"] not in scene.speeches, item


@pytest.mark.parametrize("timeline", ["release", "story"])
def test_first_meetings(compiled: Compiled, timeline: str) -> None:
    canon = compiled.canon
    for item in _expected()["met"]:
        a, b = sorted((item["a"], item["b"]))
        enc = canon.encounters.get((a, b))
        assert enc is not None, item
        first = enc.first_release if timeline == "release" else enc.first_story
        assert (first.series, first.number) == (item["series"], item["scene"]), item


def test_build_all_nine_from_cold_and_query(universe_dir: Path) -> None:
    result = build(universe_dir)
    assert result.changed and result.parsed == 9
    assert not build(universe_dir).changed
    st = Store(default_url(universe_dir))
    try:
        with st.read() as conn:
            data = queries.crossovers(conn)
            falstaff = queries.who(conn, "FALSTAFF")
            point = queries.as_of(conn, "1henryiv")
            early = queries.who(conn, "falstaff", point)
            met = queries.met(conn, "falstaff", "PRINCE HENRY")
    finally:
        st.dispose()
    ids = {c["id"] for c in data["characters"]}
    assert "falstaff" in ids and "bardolph" in ids
    # Walk-on roles (ALL, MESSENGER, First Murderer...) are everywhere but never a crossover.
    assert not [c for c in ids if c.startswith("role:")]
    assert falstaff["series"] == ["1-henry-iv", "2-henry-iv", "merry-wives"]
    assert [a["series"] for a in early["appearances"]] == ["1-henry-iv"]
    assert met["release"]["series"] == "1-henry-iv" and met["release"]["scene"] == 2


def test_check_finds_no_errors_in_the_canon_itself(compiled: Compiled) -> None:
    """Real published plays are canon: the checker must not call them wrong. The warnings left
    are real: Pistol introducing himself to the disguised king, Mowbray announcing himself at
    his trial, and the edition's truncated ghost labels (`of Prince Edward`)."""
    errors = [f for f in compiled.findings if f.severity == "error" and not f.sealed]
    assert errors == []
    warnings = [f for f in compiled.findings if f.severity == "warning"]
    assert len(warnings) <= 5
