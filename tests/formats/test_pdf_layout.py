"""The PDF reader's layout decisions measured with cases: headings without INT/EXT told from
capitals action lines (sounds, shots, character introductions), and action paragraphs that
run over a page break. Drawn here with reportlab, and printed by afterwriting and screenplain
when they are installed."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from showbible.formats.pdf import parse_pdf
from showbible.model import Kind, Script

canvas = pytest.importorskip("reportlab.pdfgen.canvas")

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "data" / "formats" / "forced_headings.fountain"

ACTION, CUE, DIALOGUE = 1.5, 3.7, 2.5
# (x in inches, text, bold); None is a blank line.
Row = tuple[float, str, bool] | None


def _draw(pages: list[list[Row]], numbers: dict[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612.0, 792.0))
    for rows in pages:
        y = 792.0 - 72
        for row in rows:
            if row is not None:
                x, text, bold = row
                c.setFont("Courier-Bold" if bold else "Courier", 12)
                c.drawString(x * 72, y, text)
                if numbers and text in numbers:
                    c.setFont("Courier", 12)
                    c.drawString(0.9 * 72, y, numbers[text])
                    c.drawString(7.3 * 72, y, numbers[text])
            y -= 12
        c.showPage()
    c.save()
    return buf.getvalue()


def _a(text: str, bold: bool = False) -> Row:
    return (ACTION, text, bold)


def _speech(name: str, words: str) -> list[Row]:
    return [(CUE, name, False), (DIALOGUE, words, False), None]


def _kinds(script: Script) -> list[tuple[str, str]]:
    return [(e.kind.value, e.text) for e in script.elements if e.kind is not Kind.TITLE]


def _headings(script: Script) -> list[str]:
    return [e.text for e in script.elements if e.kind is Kind.HEADING]


# Capitals at the action column that are not headings, whatever the layout.
NOT_HEADINGS = [
    "A GUNSHOT.",
    "KABOOM!",
    "ANGLE ON THE BUOY",
    "SILENCE",
    "BANG BANG BANG",
    "CLOSE ON MARA'S HANDS",
    "ELSIE",
    "THE END",
]


@pytest.mark.parametrize("renderer", ["afterwriting", "screenplain"])
def test_forced_headings_through_renderers(renderer: str, tmp_path: Path) -> None:
    """Renderers print a forced heading exactly like a capitals action line (no bold, no
    number): the slug line's shape decides, and sounds, shots and names stay action."""
    sys.path.insert(0, str(ROOT / "bench"))
    import pdf_roundtrip

    command = getattr(pdf_roundtrip, renderer)()
    if command is None:
        pytest.skip(f"{renderer} not installed")
    out = tmp_path / "forced.pdf"
    assert pdf_roundtrip.render(renderer, command, CASES, out)
    script = parse_pdf(out.read_bytes(), str(out))
    assert _headings(script) == [
        "INT. HARBOUR OFFICE - DAY",
        "OLD CHAPEL ROAD",
        "THE WATER BELOW THE BUOY",
        "BELFRY",
        "EXT. PIER - NIGHT",
    ]
    action = {e.text for e in script.elements if e.kind is Kind.ACTION}
    assert set(NOT_HEADINGS) <= action
    assert "TOBIAS HALE (50s, soaked to the bone) limps into view." in action


def _scene(heading: str, bold: bool = False) -> list[Row]:
    return [_a(heading, bold), None, _a("Rain falls on the quay."), None]


def test_bold_headings_make_bold_capitals_a_heading() -> None:
    """A document whose INT/EXT headings are bold (and its action is not): a bold capitals line
    is a heading, a plain one (a sound without a stop) is action."""
    rows: list[Row] = [
        *_scene("INT. HARBOUR OFFICE - DAY", bold=True),
        *_speech("MARA", "Nobody leaves."),
        *_scene("OLD CHAPEL ROAD", bold=True),
        *_scene("THUNDER ROLLS OVER THE HILLS"),
        *_scene("EXT. PIER - NIGHT", bold=True),
    ]
    script = parse_pdf(_draw([rows]), "bold.pdf")
    assert _headings(script) == [
        "INT. HARBOUR OFFICE - DAY",
        "OLD CHAPEL ROAD",
        "EXT. PIER - NIGHT",
    ]
    assert ("action", "THUNDER ROLLS OVER THE HILLS") in _kinds(script)


def test_numbered_scenes_make_an_unnumbered_capitals_line_action() -> None:
    """A document that numbers its scenes would number a heading too: a capitals line without
    a number is action, one with a number is a heading, INT/EXT or not."""
    rows: list[Row] = [
        *_scene("INT. HARBOUR OFFICE - DAY"),
        *_speech("MARA", "Nobody leaves."),
        *_scene("OLD CHAPEL ROAD"),
        *_scene("THE WATER BELOW THE BUOY"),
        *_scene("EXT. PIER - NIGHT"),
    ]
    numbers = {
        "INT. HARBOUR OFFICE - DAY": "1",
        "THE WATER BELOW THE BUOY": "2",
        "EXT. PIER - NIGHT": "3",
    }
    script = parse_pdf(_draw([rows], numbers), "numbered.pdf")
    got = [(e.text, e.scene_number) for e in script.elements if e.kind is Kind.HEADING]
    assert got == [
        ("INT. HARBOUR OFFICE - DAY", "1"),
        ("THE WATER BELOW THE BUOY", "2"),
        ("EXT. PIER - NIGHT", "3"),
    ]
    assert ("action", "OLD CHAPEL ROAD") in _kinds(script)


def _full_page(last: list[str], length: int = 54) -> list[Row]:
    """A page of ``length`` lines (54 fill it to its foot): speeches, then the given action."""
    rows: list[Row] = [_a("INT. HARBOUR OFFICE - DAY"), None]
    while len(rows) + 3 + len(last) <= length:
        rows += _speech("MARA", "Nobody leaves.")
    rows += [None] * (length - len(last) - len(rows))
    return rows + [_a(t) for t in last]


@pytest.mark.parametrize(
    ("foot", "head", "joined"),
    [
        # The next page starts in lower case: one paragraph.
        (["Mara climbs the stairs of the lighthouse and looks", "out over the"], "harbour.", True),
        # The sentence did not end at the foot: one paragraph, whatever the case.
        (["Mara climbs the stairs of the lighthouse and looks"], "Out over the harbour.", True),
        # A full sentence at the foot and a capital at the head: two paragraphs.
        (["Mara climbs the stairs of the lighthouse."], "Tobias waits below.", False),
    ],
    ids=["lower-case", "sentence-open", "sentence-ended"],
)
def test_action_over_a_page_break(foot: list[str], head: str, joined: bool) -> None:
    pages = [_full_page(foot), [_a(head), None, *_speech("MARA", "Go.")]]
    script = parse_pdf(_draw(pages), "break.pdf")
    action = [e for e in script.elements if e.kind is Kind.ACTION]
    whole = " ".join([*foot, head])
    if joined:
        assert action[-1].text == whole
        assert (action[-1].page, action[-1].end_line is not None) == (1, True)
    else:
        assert [a.text for a in action[-2:]] == [" ".join(foot), head]


def test_action_ending_above_the_foot_is_not_joined() -> None:
    """A paragraph that ends with room left under it on its page is complete, even when the
    next page starts in lower case (a blank line fell under it)."""
    first = _full_page(["Mara climbs the stairs and looks out over the"])
    short = _full_page(["Mara climbs the stairs and looks out over the"], length=44)
    pages = [
        first,
        [_a("INT. QUAY - DAWN"), None, *_speech("TOBIAS", "Here.")],
        short,
        [_a("harbour, at last.")],
    ]
    script = parse_pdf(_draw(pages), "early.pdf")
    action = [e.text for e in script.elements if e.kind is Kind.ACTION]
    assert action[-2:] == ["Mara climbs the stairs and looks out over the", "harbour, at last."]


def test_cue_left_at_the_foot_of_a_page() -> None:
    """A word processor may leave a cue alone at a page's foot: its speech on the next page,
    at the dialogue column, is still its speech (at the action column it is action)."""
    first = _full_page([])
    first[-1] = (CUE, "TOBIAS", False)
    pages = [first, [(DIALOGUE, "The tide is turning.", False), None, _a("He leaves.")]]
    script = parse_pdf(_draw(pages), "foot.pdf")
    assert _kinds(script)[-3:] == [
        ("character", "TOBIAS"),
        ("dialogue", "The tide is turning."),
        ("action", "He leaves."),
    ]


def test_lists_and_bracketed_breaks_are_not_headings() -> None:
    """A scene list's label and bracketed act breaks are capitals lines alone, before action,
    yet no headings; a numbered act and scene ending with a colon is one."""
    rows: list[Row] = [
        _a("SCENE LIST:"),
        None,
        _a("[ACT 1]"),
        None,
        _a("1: A rude awakening"),
        None,
        _a("A RUDE AWAKENING"),
        None,
        _a("Black screen. A computer boots up."),
        None,
        _a("ACT III. SCENE VII. THE FRENCH CAMP:"),
        None,
        _a("Enter the Constable."),
    ]
    script = parse_pdf(_draw([rows]), "list.pdf")
    assert _headings(script) == ["A RUDE AWAKENING", "ACT III. SCENE VII. THE FRENCH CAMP:"]


def test_sheared_italics_are_text_and_turned_text_a_watermark() -> None:
    """PDFium gives an angle to glyphs in italics faked by shearing (Amyuni's converter does
    it) as to a diagonal watermark's: only the turned ones are dropped."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612.0, 792.0))
    c.setFont("Courier", 12)
    c.drawString(108, 720, "INT. HARBOUR OFFICE - DAY")
    c.drawString(108, 696, "The ledger falls and")
    c.saveState()
    c.transform(1, 0, 0.2, 1, 259.2, 696)  # sheared, a space on: the baseline stays level
    c.drawString(0, 0, "VERY SUDDENLY")
    c.restoreState()
    c.saveState()
    c.translate(306, 396)
    c.rotate(45)
    c.setFont("Helvetica-Bold", 60)
    c.drawCentredString(0, 0, "DRAFT")
    c.restoreState()
    c.showPage()
    c.save()
    script = parse_pdf(buf.getvalue(), "italic.pdf")
    texts = [e.text for e in script.elements]
    assert "The ledger falls and VERY SUDDENLY" in texts
    assert not any("DRAFT" in t or t in "DRAFT" for t in texts)


def test_headings_set_apart_by_space_decide_by_space() -> None:
    """A document that sets its slug lines after two blank lines (Final Draft's habit): a
    capitals line after two is a heading, one after a single blank line is action."""

    def scene(heading: str) -> list[Row]:
        rain, quay, wait = _a("Rain falls on the quay"), _a("and the boats."), _a("Mara waits.")
        return [None, None, _a(heading), None, rain, quay, None, wait]

    rows: list[Row] = [
        *scene("INT. HARBOUR OFFICE - DAY")[2:],
        *scene("EXT. QUAY - NIGHT"),
        None,
        _a("THE OLD FERRY TERMINAL"),
        None,
        _a("Nobody has come here for years."),
        *scene("THE WATER BELOW THE BUOY"),
        *scene("EXT. PIER - NIGHT"),
    ]
    script = parse_pdf(_draw([rows]), "spaced.pdf")
    assert _headings(script) == [
        "INT. HARBOUR OFFICE - DAY",
        "EXT. QUAY - NIGHT",
        "THE WATER BELOW THE BUOY",
        "EXT. PIER - NIGHT",
    ]
    assert ("action", "THE OLD FERRY TERMINAL") in _kinds(script)
