"""The inference components on real plays nobody here wrote, against hand labels made before
the engine read them (tests/reading/infer_heldout; scored by bench/infer_heldout.py).

The texts are not in the repository: set ``SHOWBIBLE_INFER_TEXTS`` to the folder that holds
``eng/``, ``eng2/``, ``eng3/``, ``shake/`` and ``shake2/`` (DraCor TEI, see the labels' README);
skipped when unset. The floors are the figures of docs/inference.md, a little below.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import bench_module

TEXTS = os.environ.get("SHOWBIBLE_INFER_TEXTS")

# (set, kind) -> (precision floor, recall floor) at the default setting (confidence >= 0.9)
FLOORS = {
    ("A", "deaths"): (0.95, 0.75),
    ("A", "confinement"): (0.95, 0.6),
    ("B", "deaths"): (0.95, 0.45),
    ("C", "deaths"): (0.95, 0.6),
}


@pytest.fixture(scope="module")
def table() -> dict[tuple[str, str, str], dict[str, int]]:
    if not TEXTS or not Path(TEXTS).is_dir():
        pytest.skip("set SHOWBIBLE_INFER_TEXTS to the folder of the held-out plays")
    module: Any = bench_module.load("infer_heldout")
    module.TEXTS = Path(TEXTS)
    result: dict[tuple[str, str, str], dict[str, int]] = module.score()
    return result


@pytest.mark.parametrize(("part", "kind"), sorted(FLOORS))
def test_held_out(table: dict[tuple[str, str, str], dict[str, int]], part: str, kind: str) -> None:
    c = table[(part, kind, "high")]
    precision, recall = FLOORS[(part, kind)]
    assert c["n"] >= 75
    assert c["tp"] / max(1, c["tp"] + c["fp"]) >= precision, c
    assert c["tp"] / max(1, c["tp"] + c["fn"]) >= recall, c


def test_no_incapacity_is_invented_often(table: dict[tuple[str, str, str], dict[str, int]]) -> None:
    """171 sentences with 'cannot', 'blind', 'deaf', ...: at most the two figures it takes today
    ("I cannot fly" of Macbeth at the stake; Paris "blind in't")."""
    assert table[("A", "incapacities", "high")]["fp"] <= 2
