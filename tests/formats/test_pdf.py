"""The PDF reader on PDFs drawn here with reportlab (each layout a real arrangement of text on
US Letter or A4 pages), the bad inputs it must refuse, and, when installed, a round trip through
screenplain. Real screenplay PDFs are checked in test_pdf_real.py, layout decisions (headings
without INT/EXT, action over a page break) in test_pdf_layout.py."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from showbible.formats import read_script
from showbible.formats.pdf import page_and_line, parse_pdf
from showbible.model import InputError, Kind, Script, place

canvas = pytest.importorskip("reportlab.pdfgen.canvas")
pagesizes = pytest.importorskip("reportlab.lib.pagesizes")

ROOT = Path(__file__).resolve().parents[2]

# (x in inches from the left, text); a None x is a blank line. Final Draft's US Letter layout.
FD = {"action": 1.5, "cue": 3.7, "paren": 3.1, "dialogue": 2.5, "transition": 6.0}
# A different writer: everything shifted, A4.
OTHER = {"action": 1.2, "cue": 3.3, "paren": 2.8, "dialogue": 2.2, "transition": 5.6}

Row = tuple[str, str] | None  # (role, text) or a blank line


def _draw(
    pages: list[list[Row]],
    cols: dict[str, float],
    *,
    size: tuple[float, float] = (612.0, 792.0),
    title: list[tuple[float, float, str]] | None = None,
    numbers: bool = True,
    watermark: str | None = None,
    extra: Iterable[tuple[int, float, float, str]] = (),
) -> bytes:
    import io

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size)
    width, height = size
    if title is not None:
        c.setFont("Courier", 12)
        for x, y, text in title:
            c.drawString(x * 72, height - y * 72, text)
        c.showPage()
    for n, rows in enumerate(pages, 1):
        c.setFont("Courier", 12)
        if numbers and n > 1:
            c.drawString(width - 1.0 * 72 - 24, height - 0.5 * 72, f"{n}.")
        y = height - 1.0 * 72
        for row in rows:
            if row is not None:
                role, text = row
                x = cols[role] * 72
                if role == "transition":
                    x = width - 1.0 * 72 - c.stringWidth(text, "Courier", 12)
                c.drawString(x, y, text)
            y -= 12
        for page, x, yy, text in extra:
            if page == n:
                c.drawString(x, height - yy, text)
        if watermark:
            c.saveState()
            c.setFont("Helvetica-Bold", 60)
            c.setFillGray(0.85)
            c.translate(width / 2, height / 2)
            c.rotate(45)
            c.drawCentredString(0, 0, watermark)
            c.restoreState()
        c.showPage()
    c.save()
    return buf.getvalue()


SCRIPT: list[list[Row]] = [
    [
        ("action", "INT. LIGHTHOUSE - NIGHT"),
        None,
        ("action", "Mara climbs the stairs. TOBIAS waits at the top, lamp in"),
        ("action", "hand."),
        None,
        ("cue", "TOBIAS"),
        ("paren", "(quietly)"),
        ("dialogue", "You came back."),
        None,
        ("cue", "MARA (O.S.)"),
        ("dialogue", "I never left the harbour. Not"),
        ("dialogue", "once."),
        None,
        ("transition", "CUT TO:"),
        None,
        ("action", "EXT. QUAY - DAWN"),
        None,
        ("cue", "TOBIAS"),
        ("dialogue", "The ledger is under the floor"),
        ("dialogue", "stone, where she hid it."),
        ("paren", "(MORE)"),
    ],
    [
        ("cue", "TOBIAS (CONT'D)"),
        ("dialogue", "Nobody else knows."),
        None,
        ("action", "He walks away."),
    ],
]


def _kinds(script: Script) -> list[tuple[str, str]]:
    return [(e.kind.value, e.text) for e in script.elements if e.kind is not Kind.TITLE]


EXPECTED = [
    ("heading", "INT. LIGHTHOUSE - NIGHT"),
    ("action", "Mara climbs the stairs. TOBIAS waits at the top, lamp in hand."),
    ("character", "TOBIAS"),
    ("parenthetical", "quietly"),
    ("dialogue", "You came back."),
    ("character", "MARA"),
    ("dialogue", "I never left the harbour. Not once."),
    ("transition", "CUT TO:"),
    ("heading", "EXT. QUAY - DAWN"),
    ("character", "TOBIAS"),
    ("dialogue", "The ledger is under the floor stone, where she hid it. Nobody else knows."),
    ("action", "He walks away."),
]


@pytest.mark.parametrize(
    ("cols", "size"),
    [(FD, (612.0, 792.0)), (OTHER, pagesizes.A4)],
    ids=["final-draft-letter", "shifted-a4"],
)
def test_layouts_are_learned_per_document(
    cols: dict[str, float], size: tuple[float, float]
) -> None:
    script = parse_pdf(_draw(SCRIPT, cols, size=size), "ep.pdf")
    assert _kinds(script) == EXPECTED
    mara = next(e for e in script.elements if e.text == "MARA")
    assert mara.extensions == ("O.S.",)


def test_page_and_line_of_every_element() -> None:
    script = parse_pdf(_draw(SCRIPT, FD), "ep.pdf")
    heading = script.elements[0]
    assert (heading.page, page_and_line(heading.line)) == (1, (1, 1))
    last = script.elements[-1]
    assert last.page == 2
    # Lines of text on the page: the page number "2." is 1, the CONT'D cue 2, the action 4.
    assert page_and_line(last.line) == (2, 4)
    assert place("ep.pdf", last.line) == "ep.pdf:p2:l4"
    assert place("ep.fountain", 12) == "ep.fountain:12"
    assert script.elements[0].to_json()["page"] == 1


def test_watermark_letters_never_become_cues() -> None:
    script = parse_pdf(_draw(SCRIPT, FD, watermark="CONFIDENTIAL"), "ep.pdf")
    assert _kinds(script) == EXPECTED
    assert not script.diagnostics


def test_upright_repeated_watermark_and_running_header_dropped() -> None:
    pages = [SCRIPT[0][:13], [r for r in SCRIPT[0][13:20]], SCRIPT[0][:5], SCRIPT[0][:5]]
    marks = [(n, 200.0, 760.0, "PROPERTY OF HARBOUR PICTURES") for n in range(1, 5)]
    script = parse_pdf(_draw(pages, FD, extra=marks), "ep.pdf")
    texts = [e.text for e in script.elements]
    assert not any("PROPERTY" in t for t in texts)
    assert not any(t.rstrip(".").isdigit() for t in texts)


def test_scene_numbers_and_revision_asterisks_kept_apart() -> None:
    rows: list[list[Row]] = [
        [
            ("action", "INT. LIGHTHOUSE - NIGHT"),
            None,
            ("action", "Mara climbs the stairs."),
            None,
            ("action", "EXT. QUAY - DAWN"),
        ]
    ]
    marks = [
        (1, 0.9 * 72, 72.0, "12A"),
        (1, 7.3 * 72, 72.0, "12A"),
        (1, 7.6 * 72, 96.0, "*"),
        (1, 0.9 * 72, 120.0, "13"),
        (1, 7.3 * 72, 120.0, "13"),
    ]
    script = parse_pdf(_draw(rows, FD, extra=marks), "ep.pdf")
    headings = [(e.text, e.scene_number) for e in script.elements if e.kind is Kind.HEADING]
    assert headings == [("INT. LIGHTHOUSE - NIGHT", "12A"), ("EXT. QUAY - DAWN", "13")]
    action = next(e for e in script.elements if e.kind is Kind.ACTION)
    assert action.text == "Mara climbs the stairs."


def test_dual_dialogue_read_as_two_columns() -> None:
    rows: list[list[Row]] = [[("action", "INT. LIGHTHOUSE - NIGHT"), None]]
    dual = [
        (1, 2.3 * 72, 108.0, "MARA"),
        (1, 5.6 * 72, 108.0, "TOBIAS"),
        (1, 1.6 * 72, 120.0, "Now!"),
        (1, 4.6 * 72, 120.0, "(shouting)"),
        (1, 4.5 * 72, 132.0, "Not yet!"),
    ]
    script = parse_pdf(_draw(rows, FD, extra=dual), "ep.pdf")
    got = [(e.kind.value, e.text, e.dual) for e in script.elements][1:]
    assert got == [
        ("character", "MARA", False),
        ("dialogue", "Now!", False),
        ("character", "TOBIAS", True),
        ("parenthetical", "shouting", False),
        ("dialogue", "Not yet!", False),
    ]


def test_title_page_as_title_fields() -> None:
    title = [
        (3.2, 3.5, "THE LEDGER"),
        (3.5, 4.0, "Written by"),
        (3.4, 4.5, "Ann Example"),
        (1.5, 9.0, "ann@example.org"),
        (5.5, 9.0, "Draft 3, May 2026"),
    ]
    script = parse_pdf(_draw(SCRIPT, FD, title=title), "ep.pdf")
    assert script.title_value("Title") == "THE LEDGER"
    assert script.title_value("Credit") == "Written by"
    assert script.title_value("Author") == "Ann Example"
    assert script.title_value("Contact") == "ann@example.org"
    assert script.title_value("Draft date") == "Draft 3, May 2026"
    assert _kinds(script) == EXPECTED
    assert script.elements[-1].page == 3


def _pdf_with(draw: object) -> bytes:
    import io

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612.0, 792.0))
    draw(c)  # type: ignore[operator]
    c.save()
    return buf.getvalue()


def test_no_text_layer_needs_ocr() -> None:
    data = _pdf_with(lambda c: (c.rect(72, 72, 300, 300, fill=1), c.showPage()))
    with pytest.raises(InputError, match="needs OCR"):
        parse_pdf(data, "scan.pdf")


def test_encrypted_pdf_says_so() -> None:
    import io

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="secret")
    c.drawString(100, 700, "INT. HOUSE - DAY")
    c.save()
    with pytest.raises(InputError, match="encrypted"):
        parse_pdf(buf.getvalue(), "locked.pdf")


def test_prose_and_tables_are_not_screenplays() -> None:
    def novel(c: object) -> None:
        for page in range(3):
            for i in range(40):
                c.drawString(
                    72,
                    720 - 14 * i,
                    f"It was a quiet evening, {page} and line {i} of the chapter went on.",
                )  # type: ignore[attr-defined]
            c.showPage()  # type: ignore[attr-defined]

    with pytest.raises(InputError, match="does not read as a screenplay") as err:
        parse_pdf(_pdf_with(novel), "novel.pdf")
    assert str(err.value).startswith("novel.pdf: this PDF does not read as a screenplay")
    assert "from page 1 of 3" in str(err.value)

    def table(c: object) -> None:
        for i in range(60):
            for j, x in enumerate((72, 200, 330, 460)):
                c.drawString(x, 740 - 12 * i, f"{i * 4 + j:>6}")  # type: ignore[attr-defined]
        c.showPage()  # type: ignore[attr-defined]

    with pytest.raises(InputError, match="does not read as a screenplay"):
        parse_pdf(_pdf_with(table), "sheet.pdf")


@pytest.mark.parametrize(
    "data",
    [b"", b"hello", b"%PDF-1.4\n%garbage\n", b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"],
)
def test_corrupt_pdfs_are_input_errors(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        parse_pdf(data, "bad.pdf")
    assert str(err.value).startswith("bad.pdf")


def test_truncated_pdf_reads_or_is_an_input_error() -> None:
    # PDFium repairs what it can; anything it cannot is an InputError, never another exception.
    data = _draw(SCRIPT, FD)
    for cut in (len(data) // 3, len(data) // 2, len(data) - 40):
        with contextlib.suppress(InputError):
            parse_pdf(data[:cut], "cut.pdf")


def test_registered_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "ep.PDF"
    path.write_bytes(_draw(SCRIPT, FD))
    assert _kinds(read_script(path)) == EXPECTED


def test_round_trip_through_screenplain(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import pdf_roundtrip

    if pdf_roundtrip.screenplain() is None:
        pytest.skip("screenplain not installed")
    sources = sorted((ROOT / "tests" / "fixtures").rglob("*.fountain"))
    rows, notes = pdf_roundtrip.run(sources, ["screenplain"])
    assert not notes
    assert rows[0]["identical %"] >= 99.0


def test_findings_and_sarif_place_pdf_lines(tmp_path: Path) -> None:
    from showbible.report import text_lines, to_sarif
    from showbible.rules import RULES, Finding

    rule = next(iter(RULES))
    finding = Finding(rule, "error", "harbour/ep1.pdf", 12034, "harbour/ep1#3", ("mara",), "m")
    other = Finding(rule, "error", "harbour/ep2.fountain", 40, "harbour/ep2#1", ("mara",), "m")
    lines = [text for _, text in text_lines([finding, other])]
    assert lines[0].startswith("harbour/ep1.pdf:p12:l34: error")
    assert lines[1].startswith("harbour/ep2.fountain:40: error")
    sarif = to_sarif([finding, other], tmp_path, tmp_path)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
    assert regions == [{"startLine": 34, "properties": {"page": 12}}, {"startLine": 40}]


DUAL = """INT. QUAY - NIGHT

They argue.

MARA
Now! Right now, before the tide turns and the boats go out.

TOBIAS ^
(shouting)
Not yet!

Mara leaves.
"""


@pytest.mark.parametrize("renderer", ["afterwriting", "screenplain"])
def test_dual_dialogue_through_renderers(renderer: str, tmp_path: Path) -> None:
    # afterwriting sets the two columns closer than a segment gap: cut at the column line.
    sys.path.insert(0, str(ROOT / "bench"))
    import pdf_roundtrip

    command = getattr(pdf_roundtrip, renderer)()
    if command is None:
        pytest.skip(f"{renderer} not installed")
    source = tmp_path / "dual.fountain"
    source.write_text(DUAL)
    out = tmp_path / "dual.pdf"
    assert pdf_roundtrip.render(renderer, command, source, out)
    got = [(e.kind.value, e.text, e.dual) for e in parse_pdf(out.read_bytes(), str(out)).elements]
    assert got[2:7] == [
        ("character", "MARA", False),
        ("dialogue", "Now! Right now, before the tide turns and the boats go out.", False),
        ("character", "TOBIAS", True),
        ("parenthetical", "shouting", False),
        ("dialogue", "Not yet!", False),
    ]


def test_parse_cache_keeps_pages() -> None:
    from showbible.build.serial import dump_script, load_script

    script = parse_pdf(_draw(SCRIPT, FD), "ep.pdf")
    loaded = load_script(dump_script(script))
    assert loaded is not None
    assert [(e.page, e.line, e.end_line) for e in loaded.elements] == [
        (e.page, e.line, e.end_line) for e in script.elements
    ]
    from showbible.formats.fountain import parse_fountain

    fountain = load_script(dump_script(parse_fountain("INT. X - DAY\n\nMARA\nHi.\n", "x")))
    assert fountain is not None
    assert all(e.page is None for e in fountain.elements)
