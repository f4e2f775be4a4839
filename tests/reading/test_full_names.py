"""A bible name with a nickname quoted inside it (Wanjiru "Shiro" Kamau, James “Sawyer” Ford)
is the character's name with and without it: "Wanjiru Kamau. But everybody calls me Shiro.",
given on the phone in the fortieth blind look's matatu, had made a character Kamau of the
surname, referenced and never seen (a dangling reference)."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe

INTRO = (
    'INT. MATATU - DAY\n\nAt the door, fanning notes, stands WANJIRU "SHIRO" KAMAU (28), '
    'makanga. Beside her JAMES "SAWYER" FORD (40s) counts coins.\n\nSHIRO\nTao! Tao!\n\n'
    "JAMES\nEasy.\n"
)
CALL = (
    "INT. HOTEL RECEPTION - NIGHT\n\nNEEMA\nA name for the booking?\n\n"
    "SHIRO (V.O.)\nWanjiru Kamau. But everybody calls me Shiro.\n\n"
    "JAMES (V.O.)\nJames Ford. Sawyer, to you.\n"
)


def _dangling(tmp_path: Path, shiro: str, james: str) -> list[tuple[str, ...]]:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "e1.fountain").write_text(INTRO)
    (tmp_path / "s" / "e2.fountain").write_text(CALL)
    (tmp_path / "universe.yaml").write_text(
        'name: T\nseries:\n  - id: s\n    scripts: ["s/*.fountain"]\n'
        f"characters:\n  shiro: {{name: {shiro}, aliases: [SHIRO, Shiro, Wanjiru]}}\n"
        f"  james: {{name: {james}, aliases: [JAMES, James]}}\n  neema: {{aliases: [NEEMA]}}\n"
    )
    compiled = compile_universe(load_universe(tmp_path))
    return [f.characters for f in compiled.findings if f.rule == "dangling-reference"]


@pytest.mark.parametrize(
    ("shiro", "james"),
    [
        ('"Wanjiru \\"Shiro\\" Kamau"', "James “Sawyer” Ford"),
        ("Wanjiru Kamau", "James Ford"),  # no nickname: the whole name, as before
    ],
)
def test_the_name_without_its_nickname_is_the_character(
    tmp_path: Path, shiro: str, james: str
) -> None:
    assert _dangling(tmp_path, shiro, james) == []
