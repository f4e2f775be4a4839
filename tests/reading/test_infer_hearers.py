"""Who hears a confidence (reading/infer/secrets.py): in a private aside, the speaker, the one
spoken to before and the one who answers — a hearer left out would be reported for using what
they heard."""

from __future__ import annotations

from pathlib import Path

from showbible import compile_universe, load_universe

UNIVERSE = """name: Hearers
series:
  - id: harbor
    title: Harbor
    scripts: ["harbor/*.fountain"]
"""


def _hearers(tmp_path: Path, script: str) -> tuple[str, ...]:
    (tmp_path / "harbor").mkdir()
    (tmp_path / "universe.yaml").write_text(UNIVERSE)
    (tmp_path / "harbor" / "ep1.fountain").write_text(script)
    scenes = compile_universe(load_universe(tmp_path)).canon.scenes
    confided = [i for sc in scenes for i in sc.inferred or () if i.kind == "confides"]
    assert len(confided) == 1, confided
    return confided[0].who


OPENING = """Title: Harbor

INT. OLD CHAPEL - NIGHT

MARA and TOBIAS kneel by the altar. COLE waits by the door.

COLE
Make it quick.

MARA
Only us. If you see two short flashes from the point, it's me.
"""


def test_the_one_who_answers_hears_it(tmp_path: Path) -> None:
    who = _hearers(tmp_path, OPENING + "\nTOBIAS\nI can't swim, Mara.\n")
    assert set(who) == {"mara", "cole", "tobias"}


def test_nobody_answers_after_the_scene_moves_on(tmp_path: Path) -> None:
    script = OPENING + "\nTobias walks out into the rain.\n\nTOBIAS\nCold.\n"
    assert set(_hearers(tmp_path, script)) == {"mara", "cole"}
