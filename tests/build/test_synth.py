"""The synthetic-universe generator (bench/synth.py): a clean canon, byte-for-byte repeatable,
with crossing characters, and planted errors found exactly where it says they are."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import synth_module
from showbible.build.compiled import Compiled
from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe

synth = synth_module.load()

# Small but eventful: two series of three episodes, and incidents (deaths, destructions,
# flashbacks, secrets, relationships) six times as often as in a real run, so that every kind
# of canon event happens at least once.
SMALL: dict[str, Any] = {
    "series": 2,
    "episodes_per_series": 3,
    "seed": 1,
    "scenes_per_episode": (5, 7),
    "incidents": 6.0,
}


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _compile(root: Path) -> Compiled:
    return compile_universe(load_universe(root))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], Compiled]:
    root = tmp_path_factory.mktemp("synth") / "small"
    stats = synth.generate(root, **SMALL)
    return root, stats, _compile(root)


def test_small_universe_loads_and_checks_clean(
    small: tuple[Path, dict[str, Any], Compiled],
) -> None:
    _root, stats, compiled = small
    assert stats["episodes"] == 6
    assert len(compiled.universe.episodes) == 6
    assert len(compiled.canon.scenes) == stats["scenes"]
    assert compiled.diagnostics == []
    # A clean canon: no errors, and no warnings or notes either.
    assert [(f.rule, f.file, f.line, f.message) for f in compiled.findings] == []
    assert stats["planted"] == []


def test_small_universe_has_every_kind_of_canon_event(
    small: tuple[Path, dict[str, Any], Compiled],
) -> None:
    root, stats, compiled = small
    text = "\n".join(b.decode() for name, b in _files(root).items() if name.endswith(".fountain"))
    for feature in ("[[dies:", "[[destroyed:", "[[flashback]]", "[[relation:", "[[story: day",
                    "(V.O.)", "(CONT'D)", "CUT TO:", "Title:"):  # fmt: skip
        assert feature in text, feature
    assert "[[learns:" in text or "[[reveals:" in text
    fold = compiled.fold
    assert fold is not None
    assert fold.deaths and fold.destroyed and fold.cannot and fold.relations
    assert stats["deaths"] == len(fold.deaths)
    # Walk-on roles resolve to roles, never to characters.
    assert any(compiled.cast.is_role(cid) for s in compiled.canon.scenes for cid in s.present)


def test_crossing_characters_appear_in_two_series_or_more(
    small: tuple[Path, dict[str, Any], Compiled],
) -> None:
    _root, stats, compiled = small
    assert stats["crossing"]
    for cid in stats["crossing"]:
        assert len(compiled.canon.series_of(cid)) >= 2, cid


def test_same_seed_same_bytes_other_seed_other_universe(
    small: tuple[Path, dict[str, Any], Compiled], tmp_path: Path
) -> None:
    root, stats, _compiled = small
    again = synth.generate(tmp_path / "again", **SMALL)
    assert _files(tmp_path / "again") == _files(root)
    assert {k: v for k, v in again.items() if k != "seconds"} == {
        k: v for k, v in stats.items() if k != "seconds"
    }
    synth.generate(tmp_path / "other", **{**SMALL, "seed": SMALL["seed"] + 1})
    assert _files(tmp_path / "other") != _files(root)


def test_planted_errors_are_exactly_the_errors_found(tmp_path: Path) -> None:
    stats = synth.generate(tmp_path / "planted", **{**SMALL, "episodes_per_series": 4}, plant=4)
    planted = stats["planted"]
    assert len(planted) == 4
    assert len({p["rule"] for p in planted}) >= 3  # not four of one kind
    compiled = _compile(tmp_path / "planted")
    errors = [f for f in compiled.findings if f.severity == "error"]
    got = sorted((f.rule, f.file, f.line, f.scene, list(f.characters)) for f in errors)
    want = sorted((p["rule"], p["file"], p["line"], p["scene"], p["characters"]) for p in planted)
    assert got == want
    assert [f for f in compiled.findings if f.severity != "error"] == []


def test_command_line_shares_episodes_between_series(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli"
    assert synth.main([str(out), "--episodes", "7", "--series", "2", "--scenes", "2-3"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["episodes"] == 7 and stats["series"] == 2
    universe = load_universe(out)
    sizes = sorted(len(universe.series_episodes(s.id)) for s in universe.series)
    assert sizes == [3, 4]
    assert stats["bytes"] == sum(p.stat().st_size for p in out.rglob("*.fountain"))


def test_never_overwrites_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "universe.yaml").write_text("name: Mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        synth.generate(tmp_path / "mine", 1, 1, scenes_per_episode=(1, 1))
    assert (tmp_path / "mine" / "universe.yaml").read_text(encoding="utf-8") == "name: Mine\n"
