"""The parse cache gives back exactly what the reader produced, and treats damage as a miss."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.build.serial import dump_script, load_script
from showbible.formats.fountain import parse_fountain

DEMO = Path(__file__).resolve().parents[2] / "examples" / "sallowmouth"
SYNTAX = st.sampled_from(
    [
        "INT. ROOM - DAY\n",
        "\n",
        "MARA (V.O.)\n",
        "Hello.\n",
        "[[note]]\n",
        "/* cut */\n",
        "#1A#\n",
        "BOB ^\n",
        "> THE END <\n",
        "Title: X\n",
        "~la la\n",
        "= synopsis\n",
        "# Act\n",
        "===\n",
        "(quietly)\n",
    ]
)


def _same(a: object, b: object) -> bool:
    return all(
        getattr(a, f) == getattr(b, f)
        for f in ("elements", "boneyard", "title", "diagnostics", "scenes")
    )


def test_round_trip_of_the_demo() -> None:
    for path in sorted(DEMO.rglob("*.fountain")):
        script = parse_fountain(path.read_text(), path.name)
        assert _same(load_script(dump_script(script)), script)


@settings(max_examples=200, deadline=None)
@given(st.lists(SYNTAX, max_size=40))
def test_round_trip_of_any_script(parts: list[str]) -> None:
    script = parse_fountain("".join(parts), "x.fountain")
    assert _same(load_script(dump_script(script)), script)


def test_damaged_or_foreign_blobs_are_misses() -> None:
    blob = dump_script(parse_fountain("INT. ROOM - DAY\n\nMARA\nHi.\n"))
    assert load_script(blob[:-5]) is None
    assert load_script(b"not zlib") is None
    assert load_script(zlib.compress(b'{"v": 1}')) is None
    assert load_script(zlib.compress(b'{"v": 2, "path": "x"}')) is None


def test_the_canon_depends_on_every_stage_but_the_faces() -> None:
    from showbible.build.compiler import engine_files

    package = Path(__file__).resolve().parents[2] / "src" / "showbible"
    names = {p.relative_to(package).as_posix() for p in engine_files()}
    for needed in ("formats/fountain.py", "reading/extract.py", "canon/fold.py", "model.py"):
        assert needed in names
    assert "rules/dead_character.py" in names
    assert not any(n.startswith(("cli/", "web/")) for n in names)


def test_a_parse_by_other_reader_code_is_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from showbible.build import serial
    from showbible.formats.fountain import parse_fountain

    blob = serial.dump_script(parse_fountain("INT. ROOM - DAY\n\nMARA\nHello.\n", "x.fountain"))
    assert serial.load_script(blob) is not None
    monkeypatch.setattr(serial, "FORMAT", f"{serial.LAYOUT}:other-readers")
    assert serial.load_script(blob) is None
