"""A small recurring-cast series with real alias trouble: BOB / CYBER BOB, BOSS / CYBER BOSS,
the typo MARGARGET, a cue written ``BOB:``. Uses ../shared/data/cyber-bob (skipped if absent)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from showbible.build.compiled import Compiled
from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe

HERE = Path(__file__).resolve().parents[1]
SOURCE = HERE.parents[1] / "shared" / "data" / "cyber-bob"
DATA = HERE / "data" / "cyberbob"

pytestmark = pytest.mark.skipif(not SOURCE.is_dir(), reason=f"{SOURCE} is not present")


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return YAML(typ="safe").load((DATA / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Compiled:
    root = tmp_path_factory.mktemp("cyberbob")
    shutil.copy(DATA / "universe.yaml", root / "universe.yaml")
    (root / "episodes").mkdir()
    for f in SOURCE.glob("*.fountain"):
        shutil.copy(f, root / "episodes" / f.name)
    return compile_universe(load_universe(root))


def test_aliases(compiled: Compiled, expected: dict[str, Any]) -> None:
    cast = compiled.cast
    for (s1, l1), (s2, l2) in expected["same"]:
        assert cast.resolve_cue(l1, s1).character == cast.resolve_cue(l2, s2).character
    for (s1, l1), (s2, l2) in expected["not_same"]:
        assert cast.resolve_cue(l1, s1).character != cast.resolve_cue(l2, s2).character


def test_misspelling_is_flagged_once_per_scene(
    compiled: Compiled, expected: dict[str, Any]
) -> None:
    found = [f for f in compiled.findings if f.rule == "unknown-character"]
    for item in expected["misspellings"]:
        hits = [
            f for f in found if f.file == item["file"] and f.scene.endswith(f"#{item['scene']}")
        ]
        assert len(hits) == 1, found
        assert hits[0].line == item["line"]
        assert f"({item['suggest']})" in hits[0].message


def _scene(compiled: Compiled, episode: str, number: int) -> Any:
    return next(s for s in compiled.canon.scenes if s.episode == episode and s.number == number)


def test_presence(compiled: Compiled, expected: dict[str, Any]) -> None:
    for item in expected["silent_presence"]:
        scene = _scene(compiled, item["episode"], item["scene"])
        assert item["character"] in scene.present, item
        assert scene.present[item["character"]].line == item["line"]
    for item in expected["not_present"]:
        scene = _scene(compiled, item["episode"], item["scene"])
        assert item["character"] not in scene.present, item
