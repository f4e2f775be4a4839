"""A screenplay saved as plain text with its layout in spaces (formats/layout_text.py), read
through the ``.txt`` reader: elements by indentation, each at its own line; transcripts are
never taken for one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.formats import read_script
from showbible.formats.layout_text import to_fountain
from showbible.formats.transcript import parse_transcript
from showbible.model import Kind, Script

# The sixty-fifth blind look's layout (a Kutaisi minibus sitcom), shortened.
SCRIPT = """\
                               ROUTE 42

                        Episode 1: "Dispatch"

FADE IN:

INT. DISPATCH BOOTH - DAWN

A glass box at the mouth of the bus station. A RADIO
crackles.

LIA CHKHEIDZE (50s), headset over headscarf, runs forty
marshrutkas from a swivel chair.

                    LIA
          Forty-two. Where are you.

                    GELA (V.O.)
               (radio)
          Rustaveli bridge.

                    LIA
          You are not on the Rustaveli bridge.
          [[relation: LIA distrusts GELA]]

                                                  CUT TO:

EXT. BUS STATION - DAY

                    SOSO
          Thirty years, that stop.

                          THE END
"""


def rows(script: Script) -> list[tuple[str, str, int]]:
    return [(e.kind.value, e.text, e.line) for e in script.elements]


def test_a_layout_screenplay_is_read_by_its_indentation() -> None:
    script = parse_transcript(SCRIPT, "route1.txt")
    got = rows(script)
    assert ("heading", "INT. DISPATCH BOOTH - DAWN", 7) in got
    assert ("character", "LIA", 15) in got
    assert ("dialogue", "Forty-two. Where are you.", 16) in got
    assert ("character", "GELA", 18) in got
    assert ("parenthetical", "radio", 19) in got
    assert ("transition", "CUT TO:", 26) in got
    assert ("heading", "EXT. BUS STATION - DAY", 28) in got
    assert ("note", "relation: LIA distrusts GELA", 24) in got
    cues = [e for e in script.elements if e.kind is Kind.CHARACTER]
    assert [c.extensions for c in cues if c.text == "GELA"] == [("V.O.",)]
    # action in capitals at the margin is action, not a cue; the title block is no scene
    assert any(k == "action" and t.startswith("LIA CHKHEIDZE (50s)") for k, t, _ in got)
    assert [s.heading.text for s in script.scenes if s.heading] == [
        "INT. DISPATCH BOOTH - DAWN",
        "EXT. BUS STATION - DAY",
    ]
    assert all(s.heading is not None for s in script.scenes)


def test_the_file_reader_reads_it_too(tmp_path: Path) -> None:
    path = tmp_path / "route1.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    script = read_script(path)
    assert not script.diagnostics
    assert len(script.scenes) == 2


def test_transcripts_are_not_taken_for_a_layout() -> None:
    transcript = "[Scene: Central Perk.]\n\nMONICA: Hi.\nROSS: Hey.\n\n    (beat)\n\nMONICA: Bye.\n"
    assert to_fountain(transcript) is None
    # a few indented lines in capitals are not enough: three cues or more
    short = "INT. A - DAY\n\n          MARA\n     Hi.\n\nShe goes.\n"
    assert to_fountain(short) is None


LINES = st.lists(
    st.sampled_from(
        [
            "",
            "INT. BOOTH - DAY",
            "                    LIA",
            "                    GELA (V.O.)",
            "               (radio)",
            "          Forty-two. Where are you.",
            "A glass box. A RADIO crackles.",
            "SHOUTING IN CAPITALS",
            "                                        CUT TO:",
            "             CENTRED TITLE",
            "[[dies: LIA]]",
        ]
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(LINES)
def test_every_element_keeps_its_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    converted = to_fountain(text)
    if converted is None:
        return
    assert converted.count("\n") == text.count("\n")  # line for line
    source = text.split("\n")
    for e in parse_transcript(text, "x.txt").elements:
        assert 1 <= e.line <= len(source)
        if e.kind in (Kind.CHARACTER, Kind.HEADING):
            assert e.text in source[e.line - 1]


@pytest.mark.parametrize(
    ("text", "headings", "cues"),
    [
        # scene numbers on both sides of the heading (IMSDb's Star Trek II)
        (
            "               5   INT. CORRIDOR - DAY               5\n\n"
            "                   Kirk rounds the corner.\n\n"
            "                                           KIRK\n"
            "                                     (dry)\n"
            "                             Aren't you dead?\n\n"
            "                                           SPOCK\n"
            "                             Not yet.\n\n"
            "                                           KIRK\n"
            "                             Good.\n",
            ["INT. CORRIDOR - DAY"],
            ["KIRK", "SPOCK", "KIRK"],
        ),
        # cues at 8 and dialogue at 4 over action at 2 (Notting Hill); "INT-" headings
        (
            "  INT- STREET - DAY\n\n  William walks.\n\n        WILLIAM (V.O.)\n    Of course.\n\n"
            "        ANNA\n    Hello.\n\n        WILLIAM\n    Hi.\n",
            ["INT- STREET - DAY"],
            ["WILLIAM", "ANNA", "WILLIAM"],
        ),
        # dialogue flush with the action under a cue well past it (Two for the Money)
        (
            "               INT. WEIGHT ROOM - DAY\n\n               Brandon limps in.\n\n"
            "                                     BRANDON\n               It doesn't rain.\n\n"
            "                                     COACH\n               It does now.\n\n"
            "                                     BRANDON\n               Fine.\n",
            ["INT. WEIGHT ROOM - DAY"],
            ["BRANDON", "COACH", "BRANDON"],
        ),
    ],
)
def test_layouts_of_real_screenplays(text: str, headings: list[str], cues: list[str]) -> None:
    script = parse_transcript(text, "x.txt")
    assert [e.text for e in script.elements if e.kind is Kind.HEADING] == headings
    assert [e.text for e in script.elements if e.kind is Kind.CHARACTER] == cues
