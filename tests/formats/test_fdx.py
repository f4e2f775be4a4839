"""The Final Draft reader: the peer FDX/Fountain pairs, our own files, and hostile XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible.formats import read_script
from showbible.formats.fdx import parse_fdx, read_fdx
from showbible.formats.fountain import read_fountain
from showbible.model import Element, InputError, Kind, Script

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "formats"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
ST_DIR = SHARED / "fountain-fixtures" / "screenplay-tools"


def stream(script: Script) -> list[tuple[Kind, str, str | None, tuple[str, ...]]]:
    """Type + trimmed text (+ scene number and cue extensions) of the story elements."""
    return [
        (e.kind, e.text.strip(), e.scene_number, e.extensions)
        for e in script.elements
        if e.kind is not Kind.TITLE
    ]


@pytest.mark.parametrize("name", ["TestFDX-FD", "TestFDX-FI"])
def test_same_stream_as_the_fountain_twin(name: str) -> None:
    fdx, fountain = ST_DIR / f"{name}.fdx", ST_DIR / f"{name}.fountain"
    if not fdx.exists():
        pytest.skip(f"shared fixtures not present at {ST_DIR}")
    ours = read_fdx(fdx)
    twin = read_fountain(fountain)
    assert stream(ours) == stream(twin)
    assert len(ours.elements) == 16
    assert [s.heading.text for s in ours.scenes if s.heading] == [
        "INT. RADIO STUDIO",
        "EXT. OUTSIDE THE FOOD STORE",
    ]
    assert ours.title_value("Title") == "FDX Test Script"
    assert ours.title_value("Author") == "Ian"
    assert not ours.diagnostics


def test_writer_outputs_of_the_peer_read_alike() -> None:
    files = sorted(ST_DIR.glob("TestFDX-FD-Write-*.fdx"))
    if not files:
        pytest.skip(f"shared fixtures not present at {ST_DIR}")
    streams = {f.name: stream(read_fdx(f)) for f in files}
    first = next(iter(streams.values()))
    assert len(first) == 16
    assert all(s == first for s in streams.values())


def _lines_ok(script: Script) -> None:
    for e in script.elements:
        assert e.line >= 1 and e.last_line >= e.line, e


def test_styled_runs_dual_dialogue_and_scene_numbers() -> None:
    script = read_script(DATA / "styled_dual.fdx")
    _lines_ok(script)
    els = script.elements
    by_kind: dict[Kind, list[Element]] = {}
    for e in els:
        by_kind.setdefault(e.kind, []).append(e)
    # Every run of a paragraph, styled or not, in order (the Python peer keeps only the first).
    assert by_kind[Kind.ACTION][0].text == "Mara slams the ledger shut."
    assert by_kind[Kind.ACTION][0].line == 18
    assert by_kind[Kind.ACTION][1].text == "Tobias watches.\nHe says nothing."
    assert (by_kind[Kind.ACTION][1].line, by_kind[Kind.ACTION][1].last_line) == (21, 22)
    headings = by_kind[Kind.HEADING]
    assert [(h.text, h.scene_number, h.line) for h in headings] == [
        ("INT. HARBOUR OFFICE - NIGHT", "12A", 15),
        ("EXT. QUAY - DAWN", "13", 59),
    ]
    # The arc-beat paragraphs inside SceneProperties are not script text.
    assert all("NOT PART" not in e.text for e in els)
    cues = by_kind[Kind.CHARACTER]
    assert [(c.text, c.extensions, c.dual) for c in cues] == [
        ("MARA", (), False),
        ("TOBIAS", ("CONT'D",), True),
        ("NELL", ("V.O.",), False),
    ]
    assert by_kind[Kind.DIALOGUE][0].text == "Give it back."
    assert by_kind[Kind.PARENTHETICAL][0].text == "at the same time"
    assert by_kind[Kind.TRANSITION][0].text == "FADE IN:"  # a General "FADE IN:"
    assert by_kind[Kind.LYRIC][0].text == "Row, row away"
    # The Shot is action; the unknown type too, with a warning.
    assert "CLOSE ON THE LEDGER" in [a.text for a in by_kind[Kind.ACTION]]
    assert any("Epigraph" in d.message for d in script.diagnostics)
    # [[notes]] become NOTE elements: inline (anchored) and standalone.
    notes = by_kind[Kind.NOTE]
    assert [(n.text, n.line, n.anchor) for n in notes] == [
        ("learns: NELL ledger-location", 50, len("They never learn.")),
        ("dies: TOBIAS", 53, -1),
    ]
    assert by_kind[Kind.DIALOGUE][-1].text == "They never learn."
    # FADE IN: alone does not make a scene 0.
    assert [s.number for s in script.scenes] == [1, 2]
    assert script.title_value("Title") == "The Ledger"
    assert script.title_value("Author") == "Jane Doe"


def test_text_given_as_str() -> None:
    script = parse_fdx(
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<FinalDraft><Content>'
        '<Paragraph Type="Action"><Text>Zoë waits.</Text></Paragraph></Content></FinalDraft>'
    )
    assert [(e.kind, e.text, e.line) for e in script.elements] == [(Kind.ACTION, "Zoë waits.", 2)]


HOSTILE = {
    "external entity": (
        b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
        b'<FinalDraft><Content><Paragraph Type="Action"><Text>&e;</Text></Paragraph>'
        b"</Content></FinalDraft>",
        2,
    ),
    "billion laughs": (
        b'<?xml version="1.0"?>\n\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        b' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        b' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n'
        b"<FinalDraft><Content><Paragraph><Text>&lol3;</Text></Paragraph></Content></FinalDraft>",
        3,
    ),
    "external DTD": (
        b'<?xml version="1.0"?>\n<!DOCTYPE FinalDraft SYSTEM "http://127.0.0.1:9/fd.dtd">\n'
        b"<FinalDraft/>",
        2,
    ),
    "DTD in UTF-16": (
        '<?xml version="1.0" encoding="UTF-16"?>\n\n<!DOCTYPE x [<!ENTITY a "b">]>\n'
        "<FinalDraft/>".encode("utf-16"),
        3,
    ),
    "undefined entity": (b"<FinalDraft>\n<Content>&nope;</Content></FinalDraft>", 2),
    "not well-formed": (b"<FinalDraft>\n<Content>\n<Paragraph>\n</FinalDraft>", 4),
    "empty": (b"", 1),
    "not Final Draft": (b"\n<html><body/></html>", 2),
    "bad bytes": (b"<FinalDraft><Content>\xff\xfe\x00</Content></FinalDraft>", 1),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_xml_is_an_input_error_with_file_and_line(case: str, tmp_path: Path) -> None:
    data, line = HOSTILE[case]
    path = tmp_path / "bad.fdx"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_script(path)
    err = info.value
    assert err.file == str(path)
    assert err.line == line
    assert str(err).startswith(f"{path}:{line}")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_fdx(tmp_path / "nope.fdx")
