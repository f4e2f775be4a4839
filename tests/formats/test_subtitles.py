"""The subtitle reader (.srt, .vtt): speakers, turns, sounds, scenes at silences, bad timing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.formats import read_script
from showbible.formats.subtitles import DEFAULT_SCENE_GAP, parse_subtitles, read_subtitles
from showbible.model import InputError, Kind

SRT = """1
00:00:01,000 --> 00:00:03,000
MARA: Did you find it?

2
00:00:03,500 --> 00:00:05,000
- Under the floor stone.
- [TOBIAS] Keep your voice down.

3
00:00:05,200 --> 00:00:07,000
<i>The ledger, Tobias.</i>
[door slams]

4
00:00:20,000 --> 00:00:22,000
[LAUGHS] You again.
ELSIE (V.O.): Nobody listens.
"""

VTT = """WEBVTT
Kind: captions

NOTE
a note that runs
over two lines

STYLE
::cue { color: yellow }

intro
00:01.000 --> 00:02.500 align:start position:10%
<v Mara>Did you find it?</v>

00:03.000 --> 00:04.000
<v.loud Tobias Marsh>Under the floor stone.
It was there all along.</v>
"""


def _rows(script: object) -> list[tuple[str, str, int]]:
    return [(e.kind.value, e.text, e.line) for e in script.elements]  # type: ignore[attr-defined]


def test_srt_speakers_turns_sounds_and_scenes() -> None:
    script = parse_subtitles(SRT, "ep.srt")
    assert _rows(script) == [
        ("heading", "00:00:01", 2),
        ("character", "MARA", 3),
        ("dialogue", "Did you find it?", 3),
        ("character", "", 7),
        ("dialogue", "Under the floor stone.", 7),
        ("character", "TOBIAS", 8),
        ("dialogue", "Keep your voice down.", 8),
        ("character", "", 12),
        ("dialogue", "The ledger, Tobias.", 12),
        ("parenthetical", "door slams", 13),
        ("heading", "00:00:20", 16),
        ("parenthetical", "LAUGHS", 17),
        ("character", "", 17),
        ("dialogue", "You again.", 17),
        ("character", "ELSIE", 18),
        ("dialogue", "Nobody listens.", 18),
    ]
    elsie = next(e for e in script.elements if e.text == "ELSIE")
    assert elsie.extensions == ("V.O.",)
    assert len(script.scenes) == 2


def test_unattributed_lines_are_dialogue_without_a_cue() -> None:
    # Names said in an unattributed line are heard: dialogue (references), never action
    # (which would make them present).
    script = parse_subtitles(SRT, "ep.srt")
    line = next(e for e in script.elements if "Tobias." in e.text)
    assert line.kind is Kind.DIALOGUE
    assert not any(e.kind is Kind.ACTION for e in script.elements)


def test_an_unnamed_turn_is_not_the_last_speakers(tmp_path: Path) -> None:
    # A named turn and an unnamed one often share a subtitle: the empty cue keeps the second
    # from being read as more of the first speaker's words.
    from showbible import compile_universe, load_universe

    (tmp_path / "universe.yaml").write_text(
        "name: Subs\nseries:\n  - {id: s, scripts: ['s/*.srt']}\ncharacters:\n"
        "  mara: {name: Mara, aliases: [MARA]}\n  tobias: {name: Tobias, aliases: [TOBIAS]}\n"
    )
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "ep.srt").write_text(SRT)
    scenes = compile_universe(load_universe(tmp_path)).canon.scenes
    said = [(d.character, d.text) for s in scenes for d in s.dialogue]
    assert ("mara", "Did you find it?") in said
    assert all(text not in ("Under the floor stone.", "The ledger, Tobias.") for _c, text in said)
    assert "tobias" in scenes[0].present  # TOBIAS speaks; the unnamed line only names him


def test_vtt_voices_and_skipped_blocks() -> None:
    script = parse_subtitles(VTT, "ep.vtt")
    assert [(e.kind.value, e.text) for e in script.elements] == [
        ("heading", "00:00:01"),
        ("character", "Mara"),
        ("dialogue", "Did you find it?"),
        ("character", "Tobias Marsh"),
        ("dialogue", "Under the floor stone. It was there all along."),
    ]


def test_a_voices_extensions_are_a_cues() -> None:
    """``<v YAI (V.O.)>``: a message from the dead is heard, as a V.O. cue is in any format."""
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v YAI (V.O.)>Feed first. Shout after.\n"
    cue = next(e for e in parse_subtitles(text, "x.vtt").elements if e.kind is Kind.CHARACTER)
    assert (cue.text, cue.extensions) == ("YAI", ("V.O.",))


def test_a_direction_opening_a_named_turn_is_its_parenthetical() -> None:
    """``<v Leilani>(to Kirinami, bowing) You must be ...``: whom the words are for, as a
    screenplay's parenthetical says; an unnamed turn's brackets are a sound heard, as before."""
    text = (
        "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Leilani>(to Kirinami, bowing) You must be the "
        "Oyakata.\n\n00:03.500 --> 00:04.000\n(laughter) Welcome.\n"
    )
    rows = [(e.kind.value, e.text) for e in parse_subtitles(text, "x.vtt").elements][1:]
    assert rows == [
        ("character", "Leilani"),
        ("parenthetical", "to Kirinami, bowing"),
        ("dialogue", "You must be the Oyakata."),
        ("parenthetical", "laughter"),
        ("character", ""),
        ("dialogue", "Welcome."),
    ]


@pytest.mark.parametrize("gap", [1.0, DEFAULT_SCENE_GAP, 60.0])
def test_scene_gap_is_a_setting(gap: float) -> None:
    script = parse_subtitles(SRT, "ep.srt", scene_gap=gap)
    headings = [e.text for e in script.elements if e.kind is Kind.HEADING]
    expected = {1.0: 2, DEFAULT_SCENE_GAP: 2, 60.0: 1}[gap]
    assert len(headings) == expected


def test_sounds_in_capitals_are_not_speakers() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\n[MUSIC PLAYING] Here we go.\n[JAMES] Stop.\n"
    rows = [(e.kind.value, e.text) for e in parse_subtitles(text, "x.srt").elements][1:]
    assert rows == [
        ("parenthetical", "MUSIC PLAYING"),
        ("character", ""),
        ("dialogue", "Here we go."),
        ("character", "JAMES"),
        ("dialogue", "Stop."),
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("1\n00:00:01,000 --> 00:00:0x,000\nHello\n", 2),
        ("1\n00:00:01,000 --> \nHello\n", 2),
        ("1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03,000 -> 00:00:04,000\nBye\n", 6),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\n00:03.0 --> soon\nBye\n", 6),
    ],
)
def test_broken_timestamps_name_their_line(text: str, line: int) -> None:
    with pytest.raises(InputError) as err:
        parse_subtitles(text, "ep.srt")
    assert err.value.line == line
    assert str(err.value).startswith(f"ep.srt:{line}: broken subtitle timing line")


def test_read_by_suffix_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "ep.SRT"
    path.write_bytes(b"\xef\xbb\xbf" + SRT.replace("\n", "\r\n").encode())
    script = read_script(path)
    assert script.elements[1].text == "MARA"
    vtt = tmp_path / "ep.vtt"
    vtt.write_text(VTT, encoding="utf-16")
    assert read_subtitles(vtt).elements[1].text == "Mara"


def test_no_timing_lines_is_a_warning_not_a_crash() -> None:
    script = parse_subtitles("just some text\nand more\n", "x.srt")
    assert script.elements == ()
    assert "no subtitles" in script.diagnostics[0].message


PARTS = [
    "1\n", "00:00:01,000 --> 00:00:02,000\n", "00:01.000 --> 00:02.000\n", "WEBVTT\n", "\n",
    "MARA: hi\n", "- ", "[TOBIAS] ", "<v Mara>", "</v>", "<i>", "[door slams]\n", "NOTE x\n",
    "-->", "00:00:0x,000", "♪", "(V.O.)", ":", "é", "\r\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=40))
def test_arbitrary_subtitle_text_reads_or_names_its_line(parts: list[str]) -> None:
    text = "".join(parts)
    try:
        script = parse_subtitles(text, "x.srt")
    except InputError as err:
        assert 1 <= err.line <= text.count("\n") + 1
        return
    for e in script.elements:
        assert 1 <= e.line <= text.count("\n") + 1
