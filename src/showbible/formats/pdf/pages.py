"""Printed lines of a PDF, read with pypdfium2: every character with its position, grouped into
lines by baseline and into segments by wide gaps.

pypdfium2 (PDFium) gives the characters of a page about ten times faster than pdfminer.six
(370 against 27-31 pages/s on the same 133-page scripts, characters only; docs/formats.md), and
the reader needs each character's position, size and angle, which its text-page API has.

A segment is a run of text without a wide gap: a scene number in the margin, the heading beside
it, the two columns of dual dialogue and a revision asterisk are separate segments of one line.
Rotated characters (a diagonal watermark) are dropped here, before they can join any line.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from showbible.model import InputError

__all__ = ["Line", "Page", "Segment", "open_pdf", "read_pages"]

# Characters on one baseline within this fraction of the font size form one line.
_BASELINE_TOLERANCE = 0.25
# A gap of this many font sizes (ems) between two glyphs starts a new segment: a scene number
# sits 3-5 ems from its heading, the columns of dual dialogue 2 or more; words in running text
# are at most two Courier spaces (1.2 em) apart.
_SEGMENT_GAP = 1.9
# A gap wider than this (in ems) between glyphs is a space even when the PDF has no space char.
_SPACE_GAP = 0.25
_MAX_PAGES = 5000


@dataclass(slots=True)
class Segment:
    x0: float  # the pen position of the first glyph (points from the page's left edge)
    x1: float  # the right edge of the last glyph
    text: str
    # (x, offset in text) of each word's start: where to cut two columns printed too close
    # to be told apart by the gap alone (afterwriting's dual dialogue).
    words: tuple[tuple[float, int], ...] = ()


@dataclass(slots=True)
class Line:
    page: int  # 1-based
    number: int  # 1-based line of text on its page, top to bottom
    y: float  # baseline, points from the top of the page
    size: float  # font size of most of its glyphs
    segments: list[Segment]
    bold: bool = False  # set in a bold face (a style headings may have that action lacks)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    chars: int = 0  # printable characters on the page, watermark included
    rotated: int = 0  # rotated (watermark) characters dropped


def open_pdf(data: bytes, path: str) -> pdfium.PdfDocument:
    """Open a PDF from bytes; encrypted, damaged and non-PDF input are InputErrors."""
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF file (no %PDF header)", file=path)
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        text = str(err)
        if "password" in text.lower() or "security" in text.lower():
            raise InputError(
                "encrypted PDF: showbible cannot read it without its password; save an "
                "unprotected copy",
                file=path,
            ) from None
        raise InputError(f"damaged or unreadable PDF: {text}", file=path) from None
    if len(doc) > _MAX_PAGES:
        raise InputError(f"PDF of {len(doc)} pages refused (limit {_MAX_PAGES})", file=path)
    return doc


@dataclass(slots=True)
class _Glyph:
    ch: str
    x: float  # origin
    left: float
    right: float
    y: float  # baseline from the top
    size: float
    # Whether the face is bold; asked only of the first glyph of each run of one baseline in
    # the stream (None for the rest), which is all a line's style needs and keeps it cheap.
    bold: bool | None = None


def _glyphs(textpage: object, height: float, page: Page) -> list[_Glyph]:
    raw = textpage.raw  # type: ignore[attr-defined]
    count = pdfium_c.FPDFText_CountChars(raw)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    out: list[_Glyph] = []
    get_unicode = pdfium_c.FPDFText_GetUnicode
    generated = pdfium_c.FPDFText_IsGenerated
    angle_of = pdfium_c.FPDFText_GetCharAngle
    origin = pdfium_c.FPDFText_GetCharOrigin
    box = pdfium_c.FPDFText_GetLooseCharBox
    size_of = pdfium_c.FPDFText_GetFontSize
    matrix_of = pdfium_c.FPDFText_GetMatrix
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    seen: set[tuple[str, int, int]] = set()
    weight_of = pdfium_c.FPDFText_GetFontWeight
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    font_info = pdfium_c.FPDFText_GetFontInfo
    last_y = -1.0
    scale = 1.0
    for i in range(count):
        code = get_unicode(raw, i)
        if code in (0, 10, 13, 0xFFFE, 0xFFFF) or generated(raw, i) == 1:
            continue
        ch = chr(code) if code < 0x110000 else "\ufffd"
        if ch.isspace():
            out.append(_Glyph(" ", 0.0, 0.0, 0.0, -1.0, 0.0))
            continue
        page.chars += 1
        angle = angle_of(raw, i)
        if angle > 0.02 and abs(angle - 2 * math.pi) > 0.02 and _turned(raw, i, matrix):
            page.rotated += 1
            continue
        origin(raw, i, ox, oy)
        x, y = ox.value, height - oy.value
        if _struck_again(seen, ch, x, y):
            continue
        # The loose box spans the glyph's advance, so glyphs of one word touch.
        box(raw, i, rect_ref)
        bold: bool | None = None
        if abs(y - last_y) > 0.5:
            # A new run in the stream: its style and scale, asked once for the run.
            last_y = y
            font_info(raw, i, name, 128, ctypes.byref(flags))
            bold = weight_of(raw, i) >= 600 or b"bold" in name.value.lower()
            # Some writers (macOS Quartz: Final Draft, Beat) set 1-point type scaled up by the
            # text matrix; the printed size is the font size times the matrix's vertical scale.
            scale = math.hypot(matrix.c, matrix.d) if matrix_of(raw, i, matrix_ref) else 1.0
        size = size_of(raw, i) * (scale or 1.0)
        out.append(_Glyph(ch, x, rect.left, rect.right, y, size, bold))
    return out


def _turned(raw: object, i: int, matrix: object) -> bool:
    """Whether a glyph PDFium gives an angle is turned off the baseline (a diagonal watermark)
    rather than slanted: italics faked by shearing the text matrix (Amyuni's, Movie Magic's)
    report an angle too, but their baseline, the matrix's first column, stays level."""
    if not pdfium_c.FPDFText_GetMatrix(raw, i, ctypes.byref(matrix)):  # type: ignore[arg-type]
        return True
    m = matrix  # an FS_MATRIX: (a, b) is where the baseline runs
    return abs(math.atan2(m.b, m.a)) > 0.02  # type: ignore[attr-defined]


def _struck_again(seen: set[tuple[str, int, int]], ch: str, x: float, y: float) -> bool:
    """Whether this glyph repeats one already drawn at (nearly) the same place: bold faked by
    striking the text twice (``TODTOD``), or a page number drawn again at the end of the
    page's content (``2.2.``). The place is rounded to points; a neighbour counts too."""
    px, py = round(x), round(y)
    if any((ch, px + dx, py) in seen for dx in (-1, 0, 1)):
        return True
    seen.add((ch, px, py))
    return False


def _lines(glyphs: list[_Glyph], page: Page) -> list[Line]:
    # Glyphs in stream order form runs; a space (y < 0) only marks a word break.
    rows: list[list[_Glyph]] = []
    for g in glyphs:
        if g.y < 0:
            if rows and rows[-1] and rows[-1][-1].ch != " ":
                rows[-1].append(g)
            continue
        for row in reversed(rows[-4:]):
            first = next(r for r in row if r.ch != " ")
            if abs(first.y - g.y) <= _BASELINE_TOLERANCE * max(first.size, 1.0):
                row.append(g)
                break
        else:
            rows.append([g])
    lines: list[Line] = []
    for row in rows:
        line = _line(row, page.number)
        if line is not None:
            lines.append(line)
    lines.sort(key=lambda ln: (round(ln.y, 1), ln.x0))
    merged: list[Line] = []
    for line in lines:
        prev = merged[-1] if merged else None
        if prev is not None and abs(prev.y - line.y) <= _BASELINE_TOLERANCE * line.size:
            prev.segments = _segments_sorted(prev.segments + line.segments, line.size)
            prev.bold = prev.bold or line.bold
        else:
            merged.append(line)
    for n, line in enumerate(merged, 1):
        line.number = n
    return merged


def _segments_sorted(segments: list[Segment], size: float) -> list[Segment]:
    segments.sort(key=lambda s: s.x0)
    out: list[Segment] = []
    for s in segments:
        if out and s.x0 - out[-1].x1 < _SEGMENT_GAP * size:
            last = out[-1]
            gap = s.x0 - last.x1
            joiner = " " if gap > _SPACE_GAP * size else ""
            shift = len(last.text) + len(joiner)
            words = last.words + tuple((x, at + shift) for x, at in s.words)
            out[-1] = Segment(last.x0, max(last.x1, s.x1), last.text + joiner + s.text, words)
        else:
            out.append(s)
    return out


def _line(row: list[_Glyph], page: int) -> Line | None:
    real = [g for g in row if g.ch != " "]
    if not real:
        return None
    # Stream order is reading order for nearly every writer; a few write a line out of order
    # (a scene number after its heading), so sort by position.
    spaced = _with_breaks(row)
    spaced.sort(key=lambda pair: pair[0].x)
    sizes = sorted(g.size for g in real)
    size = sizes[len(sizes) // 2] or 12.0
    segments: list[Segment] = []
    text: list[str] = []
    start = prev = spaced[0][0]
    words: list[tuple[float, int]] = [(start.x, 0)]
    for g, space_before in spaced:
        if g is not start:
            gap = g.left - prev.right
            if gap >= _SEGMENT_GAP * size:
                segments.append(Segment(start.x, prev.right, "".join(text), tuple(words)))
                text, start, words = [], g, [(g.x, 0)]
            elif space_before or gap > _SPACE_GAP * size:
                text.append(" ")
                words.append((g.x, len(text)))
        text.append(g.ch)
        prev = g
    segments.append(Segment(start.x, prev.right, "".join(text), tuple(words)))
    y = sorted(g.y for g in real)[len(real) // 2]
    styles = [g.bold for g in real if g.bold is not None]
    bold = bool(styles) and 2 * sum(styles) > len(styles)
    return Line(page, 0, y, size, segments, bold)


def _with_breaks(row: list[_Glyph]) -> list[tuple[_Glyph, bool]]:
    out: list[tuple[_Glyph, bool]] = []
    space = False
    for g in row:
        if g.ch == " ":
            space = True
            continue
        out.append((g, space))
        space = False
    return out


def read_pages(doc: pdfium.PdfDocument) -> list[Page]:
    """Every page's printed lines, top to bottom."""
    pages: list[Page] = []
    for index in range(len(doc)):
        page = doc[index]
        width, height = page.get_size()
        out = Page(index + 1, float(width), float(height))
        textpage = page.get_textpage()
        try:
            out.lines = _lines(_glyphs(textpage, float(height), out), out)
        finally:
            textpage.close()
            page.close()
        pages.append(out)
    return pages
