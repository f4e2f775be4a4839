"""The Fade In reader (a zip holding Open Screenplay Format XML): the same script as its Fountain
and FDX twins from screenplay-tools, styles, title page, and XML safety."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.formats import read_script
from showbible.formats.fadein import parse_fadein, parse_osf
from showbible.formats.fdx import read_fdx
from showbible.model import InputError, Kind

ROOT = Path(__file__).resolve().parents[2]
PEERS = ROOT.parent / "shared" / "data" / "fountain-fixtures" / "screenplay-tools"

OSF = b"""<?xml version="1.0" encoding="UTF-8"?>
<document type="Open Screenplay Format document" version="50">
  <styles>
    <style name="Flashback Heading" basestyle="Scene Heading"/>
  </styles>
  <paragraphs>
    <para number="4A"><style basestyle="Scene Heading"/><text>INT. CHAPEL - NIGHT</text></para>
    <para><style basestyle="Action"/><text>Mara </text><text bold="1">lights</text>
      <text> a candle.</text></para>
    <para><style basestyle="Character"/><text>TOBIAS (V.O.)</text></para>
    <para><style basestyle="Parenthetical"/><text>(low)</text></para>
    <para><style basestyle="Dialogue"/><text>It's under the stone. [[dies: TOBIAS]]</text></para>
    <para><style basestyle="Action"/><text>CUT TO:</text></para>
    <para><style name="Flashback Heading"/><text>EXT. QUAY - DAY</text></para>
    <para><style basestyle="Singing"/><text>A song</text></para>
  </paragraphs>
  <titlepage>
    <para><style basestyle="Normal Text"/><text>THE LEDGER</text></para>
    <para><style basestyle="Normal Text"/><text>Written by</text></para>
    <para><style basestyle="Normal Text"/><text>Ann Example</text></para>
  </titlepage>
</document>
"""


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_osf_paragraphs_styles_and_title() -> None:
    script = parse_fadein(_zip({"document.xml": OSF}), "ep.fadein")
    rows = [(e.kind.value, e.text, e.line) for e in script.elements]
    assert rows == [
        ("heading", "INT. CHAPEL - NIGHT", 7),
        ("action", "Mara lights a candle.", 8),
        ("character", "TOBIAS", 10),
        ("parenthetical", "low", 11),
        ("dialogue", "It's under the stone.", 12),
        ("note", "dies: TOBIAS", 12),
        ("transition", "CUT TO:", 13),
        ("heading", "EXT. QUAY - DAY", 14),
        ("action", "A song", 15),
    ]
    assert script.elements[0].scene_number == "4A"
    assert script.elements[2].extensions == ("V.O.",)
    assert dict(script.title) == {
        "Title": "THE LEDGER",
        "Credit": "Written by",
        "Author": "Ann Example",
    }
    assert any("unknown Fade In style 'singing'" in d.message for d in script.diagnostics)


@pytest.mark.skipif(not PEERS.is_dir(), reason="../shared/data fountain-fixtures absent")
def test_same_elements_as_the_fdx_twin() -> None:
    fadein = read_script(PEERS / "TestFDX-FI.fadein")
    fdx = read_fdx(PEERS / "TestFDX-FI.fdx")

    def rows(s: object) -> list[tuple[str, str, tuple[str, ...]]]:
        return [
            (e.kind.value, e.text.upper() if e.kind is Kind.HEADING else e.text, e.extensions)
            for e in s.elements  # type: ignore[attr-defined]
        ]

    assert rows(fadein) == rows(fdx)
    assert fadein.title_value("Title") == "FDX Test Script"


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (b'<!DOCTYPE d [<!ENTITY x "y">]><document>&x;</document>', "DTD"),
        (b"<document><paragraphs><para></document>", "not well-formed"),
        (b"<FinalDraft/>", "not an Open Screenplay Format document"),
        (b"", "empty"),
    ],
)
def test_unsafe_or_broken_xml_refused(xml: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        parse_fadein(_zip({"document.xml": xml}), "ep.fadein")
    assert str(err.value).startswith("ep.fadein")


def test_missing_document_and_bad_paths() -> None:
    with pytest.raises(InputError, match=r"without document\.xml"):
        parse_fadein(_zip({"other.xml": OSF}), "ep.fadein")
    with pytest.raises(InputError, match="outside the archive"):
        parse_fadein(_zip({"../document.xml": OSF}), "ep.fadein")


def test_osf_direct() -> None:
    assert parse_osf(OSF, "doc.xml").elements[0].text == "INT. CHAPEL - NIGHT"


OSF_PARTS = [
    "<document>", "</document>", "<paragraphs>", "</paragraphs>", "<para>", "</para>",
    '<para number="2">', '<style basestyle="Character"/>', '<style basestyle="Dialogue"/>',
    '<style name="X"/>', "<styles>", "</styles>", '<style name="X" basestyle="X"/>', "<text>",
    "</text>", "MARA (V.O.)", "[[dies: X]]", "\n", "&amp;", "<titlepage>", "</titlepage>", "é",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(OSF_PARTS), max_size=40))
def test_arbitrary_osf_tag_soup(parts: list[str]) -> None:
    data = "".join(parts).encode()
    try:
        script = parse_osf(data, "x.xml")
    except InputError as err:
        assert err.line >= 0
        return
    for e in script.elements:
        assert 1 <= e.line <= e.last_line
