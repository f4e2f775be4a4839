"""A title passes on (canon/succession.py): a label the cues made one character across two
series is taken apart when the scripts use it as a title, it dies in one and the other comes
after (people alive in the first die in the second); the rest of the crossing stands, and a
name (no title) never passes on."""

from __future__ import annotations

from pathlib import Path

from showbible.build.compiled import Compiled
from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe

UNIVERSE = """name: Succession
series:
  - {id: first, scripts: ["first/*.fountain"]}
  - {id: second, scripts: ["second/*.fountain"]}
"""

FIRST = """.ACT I. SCENE I. A HALL.

!Enter ZORVAN, QUILLEK, and MORDRETH

ZORVAN
The realm is ours.

QUILLEK
For now.

MORDRETH
I am old.

.ACT I. SCENE II. A FIELD.

!Enter ZORVAN and QUILLEK

ZORVAN
Where is the Duke of Mordreth?

QUILLEK
Dead.

!Enter Soldiers, bearing MORDRETH's body
"""

SECOND = """.ACT I. SCENE I. A HALL.

!Enter ZORVAN, QUILLEK, and MORDRETH

MORDRETH
My father's title is mine.

ZORVAN
I am hurt.

!Dies

QUILLEK
Treason!

!QUILLEK is slain

.ACT I. SCENE II. A GATE.

!Enter MORDRETH

MORDRETH
I rule.
"""


def _crossings(tmp_path: Path, first: str) -> tuple[dict[str, list[list[str]]], Compiled]:
    (tmp_path / "universe.yaml").write_text(UNIVERSE)
    for sid, text in (("first", first), ("second", SECOND)):
        (tmp_path / sid).mkdir()
        (tmp_path / sid / "e1.fountain").write_text(text)
    compiled = compile_universe(load_universe(tmp_path), rules=False)
    return {c.label: c.groups for c in compiled.cast.crossings.values()}, compiled


def test_a_title_whose_holder_died_before_the_next_series_is_two_people(tmp_path: Path) -> None:
    groups, compiled = _crossings(tmp_path, FIRST)
    assert groups["ZORVAN"] == [["first", "second"]]  # the witnesses stay one person
    assert groups["MORDRETH"] == [["first"], ["second"]]
    present = [set(s.present) for s in compiled.canon.scenes]
    assert "mordreth--first" in present[0] and "mordreth--second" in present[2]
    crossing = next(c for c in compiled.cast.crossings.values() if c.label == "MORDRETH")
    (pair,) = crossing.pairs
    assert pair.refuted is not None and "second comes after first" in pair.refuted


def test_without_a_death_the_crossing_stands(tmp_path: Path) -> None:
    alive = FIRST.replace("!Enter Soldiers, bearing MORDRETH's body\n", "")
    groups, _compiled = _crossings(tmp_path, alive)
    assert groups["MORDRETH"] == [["first", "second"]]


def test_a_name_does_not_pass_on(tmp_path: Path) -> None:
    """Without a word that MORDRETH is a title ("the Duke of Mordreth", "Lord Mordreth"), a dead
    MORDRETH seen in the later series stays one person there: that is the dead-character error
    the rules report, not an heir under his name."""
    nameless = FIRST.replace("Where is the Duke of Mordreth?", "Where is he?")
    groups, compiled = _crossings(tmp_path, nameless)
    assert groups["MORDRETH"] == [["first", "second"]]
    crossing = next(c for c in compiled.cast.crossings.values() if c.label == "MORDRETH")
    assert all(pair.refuted is None for pair in crossing.pairs)


def test_a_lord_named_by_the_title_alone_passes_it_on(tmp_path: Path) -> None:
    lord = FIRST.replace("Where is the Duke of Mordreth?", "Where is Lord Mordreth?")
    groups, _compiled = _crossings(tmp_path, lord)
    assert groups["MORDRETH"] == [["first"], ["second"]]


def test_the_declared_release_order_wins_over_one_read_from_deaths(tmp_path: Path) -> None:
    # The deaths say first comes before second (ZORVAN and QUILLEK, alive in first, die in
    # second); the universe says second was released first. MORDRETH, dead at the end of
    # first, is alive in second, which comes before it: one person, nothing to take apart.
    dated = UNIVERSE.replace(
        '"first/*.fountain"]}', '"first/*.fountain"], episodes: {e1: {released: 2020-01-01}}}'
    ).replace(
        '"second/*.fountain"]}', '"second/*.fountain"], episodes: {e1: {released: 2010-01-01}}}'
    )
    (tmp_path / "universe.yaml").write_text(dated)
    for sid, text in (("first", FIRST), ("second", SECOND)):
        (tmp_path / sid).mkdir()
        (tmp_path / sid / "e1.fountain").write_text(text)
    compiled = compile_universe(load_universe(tmp_path), rules=False)
    groups = {c.label: c.groups for c in compiled.cast.crossings.values()}
    assert groups["MORDRETH"] == [["first", "second"]]
