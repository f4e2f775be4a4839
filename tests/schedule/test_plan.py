"""The production plan: what it may say, and each bad plan refused at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible import compile_universe, load_universe
from showbible.build.compiled import Compiled
from showbible.model import InputError
from showbible.schedule.plan import load_plan, read_plan_file
from showbible.schedule.result import make_schedule

DEMO = Path(__file__).resolve().parents[2] / "examples" / "sallowmouth"
GOOD = (DEMO / "production.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def compiled() -> Compiled:
    return compile_universe(load_universe(DEMO), rules=False)


def _plan_error(compiled: Compiled, tmp_path: Path, text: str) -> InputError:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        plan = load_plan(compiled.universe, read_plan_file(path))
        assert plan is not None
        make_schedule(compiled, plan, time_limit=5)
    return caught.value


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_demo_plan_loads(compiled: Compiled) -> None:
    plan = load_plan(compiled.universe)
    assert plan is not None
    assert [u.id for u in plan.conf.units] == ["ferry-unit", "clinic-unit"]
    assert len(plan.days) == 10  # two weeks of Mondays to Fridays
    assert plan.block_of["nightclinic:nc4"] == (1, 1)
    assert plan.upcoming["nightclinic:nc4"].story is not None


@pytest.mark.parametrize(
    ("old", "new", "message", "at"),
    [
        ("  - character: odie ", "  - character: odette ", "unknown character 'odette'",
         "character: odette"),
        ("    series: nightclinic", "    series: nightclinik", "unknown series 'nightclinik'",
         "series: nightclinik"),
        ("      - episodes: [fm1, fm2, fm3]", "      - episodes: [fm1, fm2, fm9]",
         "unknown episode 'ferryman:fm9'", "fm9"),
        ("    window: {start: 2026-03-09, end: 2026-03-13}\n\ntime",
         "    window: {start: 2026-03-13, end: 2026-03-09}\n\ntime",
         "ends (2026-03-09) before it starts", "start: 2026-03-13, end: 2026-03-09"),
        ("  roz:     {name:", "  rozz:    {name:", "unknown character 'rozz'", "rozz:"),
        ("time_limit: 20", "time_limt: 20", "unknown field 'time_limt'", "time_limt"),
        ("  end: 2026-03-13\n", "  end: 2026-02-13\n", "calendar ends", "calendar:"),
    ],
)  # fmt: skip
def test_bad_plans_name_file_and_line(
    compiled: Compiled, tmp_path: Path, old: str, new: str, message: str, at: str
) -> None:
    assert old in GOOD, old
    text = GOOD.replace(old, new, 1)
    error = _plan_error(compiled, tmp_path, text)
    assert message in error.message
    assert error.file == "plan.yaml"
    assert error.line == _line_of(text, at)


def test_a_dead_character_cannot_be_booked(compiled: Compiled, tmp_path: Path) -> None:
    # Finch dies in Night Clinic 3, scene 2 (day 5 night); nc5 is set on day 7
    text = GOOD.replace("  - character: odie ", "  - character: finch ", 1)
    error = _plan_error(compiled, tmp_path, text)
    assert "finch is dead at the story time of nightclinic:nc4" in error.message
    assert "nightclinic:nc3#2" in error.message
    assert error.line == _line_of(text, "character: finch")


def test_an_arc_range_must_hold_its_episodes(compiled: Compiled, tmp_path: Path) -> None:
    text = GOOD.replace("between: [nc4, nc6]", "between: [nc6, nc4]", 1)
    error = _plan_error(compiled, tmp_path, text)
    assert "nightclinic:nc4 comes before nightclinic:nc6" in error.message
    text = GOOD.replace("between: [nc4, nc6]", "between: [nc5, nc6]", 1).replace(
        "episodes: 2 ", "episodes: 3 ", 1
    )
    error = _plan_error(compiled, tmp_path, text)
    assert "3 episodes asked for, but only 2 lie between" in error.message


def test_an_episode_shot_by_two_units_is_refused(compiled: Compiled, tmp_path: Path) -> None:
    text = GOOD.replace("[nc4, nc5, nc6]\n", "[nc4, nc5, nc6, nc1]\n", 1)
    error = _plan_error(compiled, tmp_path, text)
    assert "already shot by unit 'clinic-unit'" in error.message


def test_the_plan_may_live_in_universe_yaml(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "sallowmouth"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible", "production*.yaml"))
    body = GOOD.replace("into: nightclinic", "into: nightclinik")
    indented = "".join(f"  {line}" if line.strip() else line for line in body.splitlines(True))
    main = root / "universe.yaml"
    before = main.read_text(encoding="utf-8")
    main.write_text(before + "\nproduction:\n" + indented, encoding="utf-8")
    universe = load_universe(root)
    with pytest.raises(InputError) as caught:
        load_plan(universe)
    text = main.read_text(encoding="utf-8")
    assert caught.value.file == "universe.yaml"
    assert caught.value.line == _line_of(text, "into: nightclinik")
    main.write_text(before + "\nproduction:\n" + indented.replace("nightclinik", "nightclinic"))
    plan = load_plan(load_universe(root))
    assert plan is not None and plan.prefix == ("production",)
    assert plan.where("arcs", 0).startswith("universe.yaml:")
