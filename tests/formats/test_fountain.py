"""Unit and property tests for the Fountain reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.formats.fountain import parse_fountain, read_fountain
from showbible.model import Element, InputError, Kind, Script

SHAKESPEARE = Path(__file__).resolve().parents[3] / "shared" / "data" / "shakespeare-fountain"


def kinds(script: Script) -> list[tuple[Kind, str]]:
    return [(e.kind, e.text) for e in script.elements]


def spans(script: Script) -> list[tuple[Kind, int, int]]:
    return [(e.kind, e.line, e.last_line) for e in script.elements]


def only(script: Script, kind: Kind) -> list[Element]:
    return [e for e in script.elements if e.kind is kind]


SAMPLE = """\
Title: Big Fish
Author:
    John August
    Daniel Wallace

# ACT ONE

= Edward tells a story.

INT. RIVER - DAY #1A#

The river is wide.
It is calm.

EDWARD (V.O.)
(softly)
There are some fish
that cannot be caught.

~Wide river, wide
~Old fish in the tide

>THE END<

CUT TO:

===

.FLASHBACK
"""


def test_every_kind_has_its_source_lines() -> None:
    script = parse_fountain(SAMPLE)
    assert spans(script) == [
        (Kind.TITLE, 1, 1),
        (Kind.TITLE, 2, 4),
        (Kind.SECTION, 6, 6),
        (Kind.SYNOPSIS, 8, 8),
        (Kind.HEADING, 10, 10),
        (Kind.ACTION, 12, 13),
        (Kind.CHARACTER, 15, 15),
        (Kind.PARENTHETICAL, 16, 16),
        (Kind.DIALOGUE, 17, 18),
        (Kind.LYRIC, 20, 21),
        (Kind.ACTION, 23, 23),
        (Kind.TRANSITION, 25, 25),
        (Kind.PAGE_BREAK, 27, 27),
        (Kind.HEADING, 29, 29),
    ]
    assert kinds(script)[5:10] == [
        (Kind.ACTION, "The river is wide.\nIt is calm."),
        (Kind.CHARACTER, "EDWARD"),
        (Kind.PARENTHETICAL, "softly"),
        (Kind.DIALOGUE, "There are some fish\nthat cannot be caught."),
        (Kind.LYRIC, "Wide river, wide\nOld fish in the tide"),
    ]
    assert script.title == (("Title", "Big Fish"), ("Author", "John August\nDaniel Wallace"))
    assert script.title_value("author") == "John August\nDaniel Wallace"
    assert only(script, Kind.TITLE)[1].key == "Author"
    assert only(script, Kind.SECTION)[0].level == 1
    heading = only(script, Kind.HEADING)[0]
    assert (heading.text, heading.scene_number) == ("INT. RIVER - DAY", "1A")
    assert only(script, Kind.CHARACTER)[0].extensions == ("V.O.",)
    centered = only(script, Kind.ACTION)[1]
    assert (centered.text, centered.centered) == ("THE END", True)
    forced = only(script, Kind.HEADING)[1]
    assert (forced.text, forced.forced) == ("FLASHBACK", True)


def test_line_numbers_survive_crlf_cr_and_bom() -> None:
    lf = "\ufeffINT. HOUSE - DAY\n\nBOB\nHi.\n\nShe leaves.\n"
    for text in (lf, lf.replace("\n", "\r\n"), lf.replace("\n", "\r")):
        script = parse_fountain(text)
        assert spans(script) == [
            (Kind.HEADING, 1, 1),
            (Kind.CHARACTER, 3, 3),
            (Kind.DIALOGUE, 4, 4),
            (Kind.ACTION, 6, 6),
        ]
        assert script.elements[0].text == "INT. HOUSE - DAY"


def test_tabs_and_trailing_whitespace() -> None:
    script = parse_fountain("\t\t\tBOB \n\tHello there.\t\n\n\tIndented action.  \n")
    assert kinds(script) == [
        (Kind.CHARACTER, "BOB"),
        (Kind.DIALOGUE, "Hello there."),
        (Kind.ACTION, "\tIndented action.  "),  # action keeps its whitespace
    ]


def test_two_spaces_keep_a_speech_together() -> None:
    script = parse_fountain("BOB\nOne.\n  \nTwo.\n\nAction.\n")
    assert spans(script)[1] == (Kind.DIALOGUE, 2, 4)
    assert only(script, Kind.DIALOGUE)[0].text == "One.\n\nTwo."


def test_character_rules() -> None:
    script = parse_fountain(
        "3CPO\nNo.\n\nC3PO\nYes.\n\n@3CPO\nForced.\n\nMcCLANE\nNo.\n\n@McCLANE\nYes.\n"
    )
    assert [e.text for e in only(script, Kind.CHARACTER)] == ["C3PO", "3CPO", "McCLANE"]
    blank_after = parse_fountain("BOB\n\nNot dialogue.\n")
    assert [k for k, _ in kinds(blank_after)] == [Kind.ACTION, Kind.ACTION]


def test_extensions_are_split_in_order_without_brackets() -> None:
    script = parse_fountain("STEEL (V.O.) (CONT'D)\nOne.\n\nMOM (O. S.)\nTwo.\n")
    assert [(e.text, e.extensions) for e in only(script, Kind.CHARACTER)] == [
        ("STEEL", ("V.O.", "CONT'D")),
        ("MOM", ("O. S.",)),
    ]


def test_dual_dialogue() -> None:
    script = parse_fountain("BRICK\nScrew retirement.\n\nSTEEL ^\nScrew retirement.\n")
    assert [(e.text, e.dual) for e in only(script, Kind.CHARACTER)] == [
        ("BRICK", False),
        ("STEEL", True),
    ]
    not_last = parse_fountain("AND ^ (Dual)\nNo.\n")
    assert not only(not_last, Kind.CHARACTER)


def test_scene_numbers_and_headings() -> None:
    script = parse_fountain(
        "INT. A #1#\n\nEXT. B - NIGHT #A3-1#\n\nINT./EXT. C\n\nI/E D\n\n. NOT A HEADING\n\n"
        "...neither\n\nEST E #😆#\n"
    )
    headings = [(e.text, e.scene_number) for e in only(script, Kind.HEADING)]
    assert headings == [
        ("INT. A", "1"),
        ("EXT. B - NIGHT", "A3-1"),
        ("INT./EXT. C", None),
        ("I/E D", None),
        ("EST E #😆#", None),
    ]
    assert [e.text for e in only(script, Kind.ACTION)] == [". NOT A HEADING", "...neither"]


def test_scenes_are_split_at_headings() -> None:
    script = parse_fountain("Title: X\n\nFADE IN:\n\nINT. A\n\nBOB\nHi.\n\nEXT. B\n\nRain.\n")
    assert [(s.number, s.heading.text if s.heading else None) for s in script.scenes] == [
        (1, "INT. A"),
        (2, "EXT. B"),
    ]
    assert script.scenes[0].line == 5
    assert script.scenes[1].end_line == 12


def test_transitions() -> None:
    script = parse_fountain("Go.\n\nCUT TO:\n\n> FADE OUT\n\nboop TO:\n\nNOT ONE TO:  \n")
    assert kinds(script) == [
        (Kind.ACTION, "Go."),
        (Kind.TRANSITION, "CUT TO:"),
        (Kind.TRANSITION, "FADE OUT"),
        (Kind.ACTION, "boop TO:"),
        (Kind.ACTION, "NOT ONE TO:  "),
    ]


def test_lone_key_on_line_one_is_not_a_title_page() -> None:
    script = parse_fountain("FADE IN:\n\nINT. HOUSE\n")
    assert script.title == ()
    assert kinds(script)[0] == (Kind.TRANSITION, "FADE IN:")


def test_title_page_ends_at_a_line_that_is_not_an_entry() -> None:
    script = parse_fountain("Title:\n\t_**BIG**_\n\tFISH\nCredit: by\nNot an entry.\nStill: no.\n")
    assert script.title == (("Title", "_**BIG**_\nFISH"), ("Credit", "by"))
    assert spans(script) == [(Kind.TITLE, 1, 3), (Kind.TITLE, 4, 4), (Kind.ACTION, 5, 6)]


def test_emphasis_is_kept_verbatim() -> None:
    script = parse_fountain("He *really* _did_ it. **\\*9765\\***\n")
    assert script.elements[0].text == "He *really* _did_ it. **\\*9765\\***"


def test_inline_and_standalone_notes() -> None:
    script = parse_fountain(
        "INT. HOUSE\n\nTOBIAS falls.[[dies: TOBIAS]] The end.\n\n[[Check the timeline]]\n\n"
        "BOB [[angry]]\nHello[[beat]] there.\n"
    )
    assert [(e.kind, e.text, e.line, e.anchor) for e in script.elements] == [
        (Kind.HEADING, "INT. HOUSE", 1, -1),
        (Kind.ACTION, "TOBIAS falls. The end.", 3, -1),
        (Kind.NOTE, "dies: TOBIAS", 3, 13),
        (Kind.NOTE, "Check the timeline", 5, -1),
        (Kind.CHARACTER, "BOB", 7, -1),
        (Kind.NOTE, "angry", 7, 3),
        (Kind.DIALOGUE, "Hello there.", 8, -1),
        (Kind.NOTE, "beat", 8, 5),
    ]


def test_note_alone_inside_a_speech_does_not_break_it() -> None:
    script = parse_fountain("BOB\nHello.\n[[he lies]]\nGoodbye.\n")
    assert [(e.kind, e.text, e.line, e.last_line) for e in script.elements] == [
        (Kind.CHARACTER, "BOB", 1, 1),
        (Kind.DIALOGUE, "Hello.\nGoodbye.", 2, 4),
        (Kind.NOTE, "he lies", 3, 3),
    ]


def test_multi_line_notes() -> None:
    script = parse_fountain("He waits.[[one\ntwo\n  \nthree]] Then goes.\n\nNext.\n")
    action, note, nxt = script.elements
    assert (action.text, action.line, action.last_line) == ("He waits. Then goes.", 1, 4)
    assert (note.text, note.line, note.last_line, note.anchor) == ("one\ntwo\n  \nthree", 1, 4, 9)
    assert (nxt.text, nxt.line) == ("Next.", 6)
    assert script.diagnostics == ()


def test_unterminated_note_stops_at_blank_line_with_a_warning() -> None:
    script = parse_fountain("Intro.\n\nHe waits[[dies: BOB\nstill open\n\nAfter.]] Done.\n")
    notes = only(script, Kind.NOTE)
    assert [(n.text, n.line, n.last_line) for n in notes] == [("dies: BOB\nstill open", 3, 4)]
    assert [(d.line, d.severity) for d in script.diagnostics] == [(3, "warning")]
    assert "unterminated note" in script.diagnostics[0].message
    assert kinds(script)[-1] == (Kind.ACTION, "After.]] Done.")


def test_boneyard_is_reported_not_parsed() -> None:
    text = "Before.\n/*\nINT. GONE\n\nBOB\nCut line.\n*/\nEXT. KEPT\n\nShe /* quietly */ leaves.\n"
    script = parse_fountain(text)
    assert kinds(script) == [
        (Kind.ACTION, "Before."),
        (Kind.HEADING, "EXT. KEPT"),
        (Kind.ACTION, "She  leaves."),
    ]
    assert [(b.text, b.line, b.last_line, b.anchor) for b in script.boneyard] == [
        ("\nINT. GONE\n\nBOB\nCut line.\n", 2, 7, -1),
        (" quietly ", 10, 10, 4),
    ]
    assert all(e.kind is not Kind.BONEYARD for e in script.elements)


def test_boneyard_inside_a_speech_is_transparent() -> None:
    script = parse_fountain("BOB\n/* I hate you. */\nI love you.\n")
    assert kinds(script) == [(Kind.CHARACTER, "BOB"), (Kind.DIALOGUE, "I love you.")]


def test_unterminated_boneyard_is_kept_as_text_with_a_warning() -> None:
    script = parse_fountain("One.\n\nTwo /* never closed\n\nThree.\n")
    assert [e.text for e in script.elements] == ["One.", "Two /* never closed", "Three."]
    assert [(d.line, "unterminated boneyard" in d.message) for d in script.diagnostics] == [
        (3, True)
    ]


def test_empty_and_blank_input() -> None:
    for text in ("", "\n", "   \n\n\t\n", "\ufeff"):
        script = parse_fountain(text)
        assert (script.elements, script.scenes, script.title) == ((), (), ())


def test_read_fountain_bom_crlf_and_path(tmp_path: Path) -> None:
    path = tmp_path / "a.fountain"
    path.write_bytes(b"\xef\xbb\xbfINT. HOUSE\r\n\r\nBOB\r\nHi.\r\n")
    script = read_fountain(path)
    assert script.path == str(path)
    assert spans(script) == [(Kind.HEADING, 1, 1), (Kind.CHARACTER, 3, 3), (Kind.DIALOGUE, 4, 4)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_read_fountain_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "u.fountain"
    bom = {"utf-16-be": "\ufeff", "utf-16-le": "\ufeff"}.get(encoding, "")
    path.write_bytes((bom + "INT. CAFÉ\n\nZOË\nÇa va.\n").encode(encoding))
    script = read_fountain(path)
    assert kinds(script) == [
        (Kind.HEADING, "INT. CAFÉ"),
        (Kind.CHARACTER, "ZOË"),
        (Kind.DIALOGUE, "Ça va."),
    ]
    assert script.diagnostics == ()


def test_read_fountain_windows_1252_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.fountain"
    path.write_bytes(b"INT. HOUSE\r\n\r\nBOB\r\nCaf\xe9 au lait.\r\nMore \xff.\r\n")
    script = read_fountain(path)
    assert only(script, Kind.DIALOGUE)[0].text == "Caf\xe9 au lait.\nMore \xff."
    assert len(script.diagnostics) == 1
    diag = script.diagnostics[0]
    assert (diag.file, diag.line, diag.severity) == (str(path), 4, "warning")
    assert "Windows-1252" in diag.message and "UTF-8" in diag.message


def test_read_fountain_invalid_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.fountain"
    # A byte order mark says UTF-8: the bad bytes are replaced, not read as another encoding.
    path.write_bytes(b"\xef\xbb\xbfINT. HOUSE\r\n\r\nBOB\r\nCaf\xe9 au lait.\r\nMore \xff.\r\n")
    script = read_fountain(path)
    assert only(script, Kind.DIALOGUE)[0].text == "Caf\ufffd au lait.\nMore \ufffd."
    assert len(script.diagnostics) == 1
    diag = script.diagnostics[0]
    assert (diag.file, diag.line, diag.severity) == (str(path), 4, "warning")
    assert "invalid UTF-8" in diag.message and "replaced" in diag.message


def test_read_fountain_unreadable_raises_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.fountain"
    with pytest.raises(InputError) as err:
        read_fountain(missing)
    assert err.value.file == str(missing)
    with pytest.raises(InputError):
        read_fountain(tmp_path)  # a directory


# --------------------------------------------------------------------------------------------
# Properties


FRAGMENTS = [
    "", " ", "  ", "\t", "INT. HOUSE", "EXT. A #1#", ".FORCED", "BOB", "BOB (V.O.) ^", "@bob",
    "(beat)", "Hello.", "CUT TO:", "> OUT", ">mid<", "~la", "# Act", "= syn", "===", "[[",
    "]]", "[[note]]", "/*", "*/", "Title: X", "    indented", "!Forced", "\r", "\ufeff", "é",
]  # fmt: skip

fountainish = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("\n".join)
texts = st.one_of(st.text(max_size=300), fountainish, st.lists(fountainish).map("".join))


def line_count(text: str) -> int:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.count("\n") + 1


@settings(max_examples=400, deadline=None)
@given(texts)
def test_parse_never_raises_and_lines_are_in_range(text: str) -> None:
    script = parse_fountain(text)
    limit = line_count(text)
    for el in (*script.elements, *script.boneyard):
        assert 1 <= el.line <= el.last_line <= limit, el
    for diag in script.diagnostics:
        assert 1 <= diag.line <= limit


@settings(max_examples=200, deadline=None)
@given(texts)
def test_parse_is_deterministic(text: str) -> None:
    assert parse_fountain(text) == parse_fountain(text)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_anchors_lie_inside_their_hosts(text: str) -> None:
    script = parse_fountain(text)
    host: Element | None = None
    for el in script.elements:
        if el.kind is Kind.NOTE and el.anchor >= 0:
            assert host is not None and 0 <= el.anchor <= len(host.text)
        elif el.kind is not Kind.NOTE:
            host = el


# --------------------------------------------------------------------------------------------
# Shakespeare: counts from the data set's README


def _readme_counts() -> dict[str, tuple[int, int, int]]:
    readme = (SHAKESPEARE / "README.md").read_text("utf-8")
    rows = re.findall(
        r"^\| `(\w+\.fountain)` \| [^|]+ \| (\d+) \| (\d+) \| \d+ \| (\d+) \|", readme, re.M
    )
    return {name: (int(a), int(b), int(c)) for name, a, b, c in rows}


@pytest.mark.skipif(not SHAKESPEARE.is_dir(), reason="shared data not present")
def test_shakespeare_scene_and_speech_counts() -> None:
    counts = _readme_counts()
    assert len(counts) == 9
    for name, (scenes, speeches, contd) in counts.items():
        script = read_fountain(SHAKESPEARE / name)
        cues = only(script, Kind.CHARACTER)
        continued = [c for c in cues if {"CONT'D", "CONT’D"} & set(c.extensions)]
        assert (len(script.scenes), len(cues) - len(continued), len(continued)) == (
            scenes,
            speeches,
            contd,
        ), name
        assert script.diagnostics == ()
