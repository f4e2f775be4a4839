"""Namesakes in a long series read without a bible (rules/namesakes.py): a label cued by a common
name that comes back after more than NAMESAKE_GAP episodes without it may be someone else, so
what the first one did is not taken as the second one's (Doctor Who's JAMES, killed in Black
Orchid, and another JAMES eleven stories on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible.build.compiler import compile_universe
from showbible.rules.namesakes import NAMESAKE_GAP
from showbible.universe.loader import load_universe


def _series(tmp_path: Path, back_at: int, bible: str = "") -> Path:
    (tmp_path / "long").mkdir()
    for n in range(1, back_at + 1):
        body = "INT. HALL - DAY\n\nMARA\nAnother day.\n"
        if n == 1:
            body = "INT. HALL - DAY\n\nJAMES\nHelp me.\n\nJames falls dead.\n\n[[dies: JAMES]]\n"
        elif n == back_at:
            body = "INT. HALL - DAY\n\nJAMES\nGood morning, Mara.\n\nMARA\nMorning.\n"
        (tmp_path / "long" / f"e{n:02d}.fountain").write_text(body, encoding="utf-8")
    (tmp_path / "universe.yaml").write_text(
        'name: T\nseries:\n  - id: long\n    scripts: ["long/*.fountain"]\n' + bible,
        encoding="utf-8",
    )
    return tmp_path


def _dead(root: Path) -> list[str]:
    findings = compile_universe(load_universe(root)).findings
    return [f.file for f in findings if f.rule == "dead-character"]


def test_a_common_name_back_after_a_long_absence_is_not_the_dead_one(tmp_path: Path) -> None:
    assert _dead(_series(tmp_path, NAMESAKE_GAP + 3)) == []


@pytest.mark.parametrize("back_at", [2, NAMESAKE_GAP])
def test_a_common_name_back_soon_is_the_dead_one(tmp_path: Path, back_at: int) -> None:
    assert _dead(_series(tmp_path, back_at)) == [f"long/e{back_at:02d}.fountain"]


def test_the_bible_makes_the_label_one_person(tmp_path: Path) -> None:
    bible = "characters:\n  james: {name: James Webb, aliases: [JAMES, James]}\n"
    back = NAMESAKE_GAP + 3
    assert _dead(_series(tmp_path, back, bible)) == [f"long/e{back:02d}.fountain"]
