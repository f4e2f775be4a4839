"""The stripboard: page lengths in eighths from the typed-page layout, INT/EXT and DAY/NIGHT from
headings, and the demo's strips from its canon."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible import compile_universe, load_universe
from showbible.formats.fountain import read_fountain
from showbible.schedule.plan import load_plan
from showbible.schedule.strips import (
    LINES_PER_PAGE,
    eighths_of,
    format_eighths,
    heading_parts,
    layout_lines,
    stripboard,
)

DEMO = Path(__file__).resolve().parents[2] / "examples" / "sallowmouth"


@pytest.mark.parametrize(
    ("heading", "parts"),
    [
        ("INT. NIGHT CLINIC - WARD - NIGHT", ("INT", "NIGHT")),
        ("EXT. LANTERN STAIRS - EVENING", ("EXT", "NIGHT")),
        ("INT./EXT. THE PATIENCE - DAY", ("INT/EXT", "DAY")),
        ("I/E CAR - MOVING - MORNING", ("INT/EXT", "DAY")),
        ("EXT. HARBOUR", ("EXT", "")),
        ("ACT 1 SCENE 2", ("", "")),
        ("INTERIOR DESIGNER'S OFFICE - NIGHT", ("", "NIGHT")),
    ],
)
def test_heading_parts(heading: str, parts: tuple[str, str]) -> None:
    assert heading_parts(heading) == parts


def test_eighths_round_up_and_never_below_one() -> None:
    assert eighths_of(0) == 1
    assert eighths_of(1) == 1
    assert eighths_of(LINES_PER_PAGE) == 8
    assert eighths_of(LINES_PER_PAGE + 1) == 9
    assert [format_eighths(e) for e in (1, 8, 11, 16)] == ["1/8", "1", "1 3/8", "2"]


def test_layout_wraps_each_element_at_its_width(tmp_path: Path) -> None:
    script = tmp_path / "s.fountain"
    words = " ".join(["word"] * 30)  # 149 characters: 3 lines of action, 5 of dialogue
    script.write_text(f"INT. ROOM - DAY\n\n{words}\n\nMARA\n{words}\n", encoding="utf-8")
    scene = read_fountain(script).scenes[-1]
    # heading 1, blank, action 3, blank, cue 1, dialogue 5
    assert layout_lines(scene.elements, scene.heading) == 1 + 1 + 3 + 1 + 1 + 5


def test_demo_strips_come_from_the_canon() -> None:
    compiled = compile_universe(load_universe(DEMO), rules=False)
    plan = load_plan(compiled.universe)
    assert plan is not None
    strips = {s.key: s for s in stripboard(compiled, plan)}
    first = strips["nightclinic:nc1#1"]
    assert (first.set, first.int_ext, first.day_night) == ("night-clinic", "INT", "NIGHT")
    assert first.characters == ("odie", "roz")  # the DOCKER and ORDERLY are walk-on roles
    assert 1 <= first.eighths <= 16
    placeholders = [s for s in strips.values() if s.arc is not None]
    # each of the arc's 3 scenes may go into any episode from nc4 to nc6: the solver keeps one
    assert sorted((s.episode, s.part) for s in placeholders) == [
        (e, j) for e in ("nc4", "nc5", "nc6") for j in range(3)
    ]
    assert {s.eighths for s in placeholders} == {12}
    assert all(s.characters == ("odie", "roz") and s.story is not None for s in placeholders)
    # the written scenes of the two blocks: about 26 pages
    assert 20 * 8 < sum(s.eighths for s in strips.values() if s.arc is None) < 32 * 8
