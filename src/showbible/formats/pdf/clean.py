"""What a printed page carries that is not the script: page headers and footers, page numbers,
``(CONTINUED)`` / ``CONTINUED:`` markers, large or repeated watermark text, scene numbers in
the margins and revision asterisks. Scene numbers and asterisks are kept apart (the heading
gets its number; an asterisk only marks the line revised), the rest is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from showbible.formats.pdf.pages import Line, Page, Segment
from showbible.quick import rx

__all__ = ["Body", "BodyLine", "body_lines", "is_title_page"]

_PAGE_NUMBER = rx.compile(
    r"(?:page\s*)?[-–—(\[]?\s*\d{1,4}[A-Z]{0,3}\s*[.)\]]?\s*[-–—]?(?:\s*(?:of|/)\s*\d+)?\.?",
    re.IGNORECASE,
)
_CONTINUED = rx.compile(r"\(?\s*CONTINUED\s*\)?\s*:?\s*(?:\(\s*\d+\s*\))?", re.IGNORECASE)
_CONTINUED_IN = rx.compile(
    r"(?:\b[A-Z]?\d{1,4}[A-Z]{0,3}\.?\s+)?\(?CONTINUED\)?:?(?:\s*\(\d+\))?", re.IGNORECASE
)
_MORE = rx.compile(r"\(\s*MORE\s*\)", re.IGNORECASE)
_SCENE_NUMBER = rx.compile(r"[A-Z]?\d{1,4}[A-Z]{0,3}(?:[.-]\d+)?\.?", re.IGNORECASE)
_ASTERISKS = rx.compile(r"\*+")
_HEADING_START = rx.compile(
    r"(?:\d+[A-Z]?\.?\s+)?(?:INT|EXT|EST|I/E|E/I|INT\.?/EXT|EXT\.?/INT)[. /]", re.IGNORECASE
)
_DIGITS = rx.compile(r"\d+")
# A scene number printed in the text column itself, before the slug line (``1. EXT. ...``).
_NUMBER_FIRST = rx.compile(
    r"([A-Z]?\d{1,4}[A-Z]{0,3})\.?\s+(?=(?:INT|EXT|EST|I/E|E/I)[. /])", re.IGNORECASE
)

# A line in the top or bottom band of these fractions of the page height may be a running
# header or footer (US Letter: above 0.8 in, below 10.3 in, where Google Docs sets its footer;
# the body runs 1 in to 10.3 in at most).
_TOP_BAND = 0.075
_BOTTOM_BAND = 0.06
# Text this many times the body size is a watermark or a title; off the title page, dropped.
_LARGE = 1.6
# Body text recurring at one height on many pages is a watermark only when it is this long.
_WATERMARK_CHARS = 12


@dataclass(slots=True)
class BodyLine:
    """One printed line of the script, margins removed."""

    page: int
    number: int
    y: float
    x0: float
    x1: float
    text: str
    segments: list[Segment]  # the body's own segments (two for a line of dual dialogue)
    scene_number: str | None = None
    revised: bool = False
    more: bool = False  # a ``(MORE)``: the speech goes on over the page
    bold: bool = False


@dataclass(slots=True)
class Body:
    lines: list[BodyLine]
    size: float  # body font size
    pitch: float  # line spacing
    dropped: int  # header/footer/watermark lines dropped


def _mask(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split())).upper()


def _median(values: list[float], default: float) -> float:
    if not values:
        return default
    values = sorted(values)
    return values[len(values) // 2]


def is_title_page(page: Page, pages: int) -> bool:
    """A first page without scene headings, few lines and no run of body text is a title page."""
    if page.number != 1 or pages < 2 or not page.lines:
        return False
    if any(_HEADING_START.match(s.text) for ln in page.lines for s in ln.segments):
        return False
    return len(page.lines) <= 30


def _in_band(line: Line, page: Page) -> bool:
    return line.y < page.height * _TOP_BAND or line.y > page.height * (1 - _BOTTOM_BAND)


def _furniture_free(line: Line, page: Page) -> list[Segment]:
    """The line's segments without page furniture: ``(CONTINUED)`` / ``CONTINUED:`` markers
    anywhere; in the top and bottom bands, page numbers and a scene's ``12 CONTINUED:``
    printed inside a running header."""
    band = _in_band(line, page)
    # Numbers beside a scene heading are its scene numbers, never page numbers: a heading's
    # line, a number with text to its right, or the same number on both sides.
    segments = line.segments
    heading = band and any(_HEADING_START.match(s.text) for s in segments)
    texts = [s.text.strip() for s in segments]
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        text = texts[i]
        page_number = (
            band
            and not heading
            and _PAGE_NUMBER.fullmatch(text) is not None
            and i == len(segments) - 1
            and texts.count(text) == 1
        )
        if _CONTINUED.fullmatch(text) or page_number:
            continue
        if band and "CONTINUED" in text.upper():
            text = " ".join(_CONTINUED_IN.sub(" ", text).split())
            if not text:
                continue
            seg = Segment(seg.x0, seg.x1, text)
        out.append(seg)
    if any(_CONTINUED.fullmatch(t) for t in texts):
        # ``12 CONTINUED: 12`` below the margin band: its scene numbers go with the marker.
        out = [seg for seg in out if not _SCENE_NUMBER.fullmatch(seg.text.strip())]
    return out


def _key(segments: list[Segment], line: Line, band: bool) -> tuple[str, int]:
    text = " ".join(s.text for s in segments)
    # In the margins, and for a page number wherever it is printed (Fade In sets its own
    # below the top margin band), the digits are masked: the number changes page by page.
    masked = band or _PAGE_NUMBER.fullmatch(text.strip()) is not None
    return (_mask(text) if masked else text, round(line.y / 4))


def _repeated(pages: list[Page]) -> set[tuple[str, int]]:
    """Lines that recur at one height (rounded) on a third of the pages or more: in the top or
    bottom band with their digits masked (running headers and footers), anywhere when the
    same longer text recurs exactly (a watermark drawn upright)."""
    seen: Counter[tuple[str, int, bool]] = Counter()
    for page in pages:
        keys: set[tuple[str, int, bool]] = set()
        for ln in page.lines:
            band = _in_band(ln, page)
            segments = _furniture_free(ln, page)
            text = " ".join(s.text for s in segments)
            number = _PAGE_NUMBER.fullmatch(text.strip()) is not None
            if segments and (band or number or len(text) >= _WATERMARK_CHARS):
                # A page number recurs like a running header: on every page.
                keys.add((*_key(segments, ln, band), band or number))
        seen.update(keys)
    # A running header is on every page from the second on; body text must recur more often
    # before it counts as a watermark.
    need = {True: max(2, len(pages) // 3), False: max(3, len(pages) // 3)}
    return {key[:2] for key, n in seen.items() if n >= need[bool(key[2])]}


def _set_apart(page: Page, size: float) -> set[tuple[str, int]]:
    """On a one-page document nothing repeats: its margin lines set apart from the body by more
    than a blank line (somewhere between them and the first line out of the margin) are the
    header and footer; a table or text running on into the margin is not set apart."""
    lines = sorted(page.lines, key=lambda ln: ln.y)
    inside = [i for i, ln in enumerate(lines) if not _in_band(ln, page)]
    if not inside:
        return set()
    ys = [ln.y for ln in lines]
    out: set[tuple[str, int]] = set()
    for i, ln in enumerate(lines):
        if i in (inside[0], inside[-1]) or not _in_band(ln, page):
            continue
        span = ys[i : inside[0] + 1] if i < inside[0] else ys[inside[-1] : i + 1]
        if len(span) > 1 and max(b - a for a, b in pairwise(span)) > 1.8 * size:
            segments = _furniture_free(ln, page)
            if segments:
                out.add(_key(segments, ln, True))
    return out


def body_lines(pages: list[Page], skip_title: bool) -> Body:
    """Every printed line of the script proper, in reading order, margins removed."""
    content = pages[1:] if skip_title else pages
    sizes = [ln.size for p in content for ln in p.lines]
    size = _median(sizes, 12.0)
    # The title page carries the running header and footer too (a watermark as well).
    printed = [p for p in pages if p.lines]
    repeated = _repeated(printed) if len(printed) >= 2 else set()
    body_pages = [p for p in content if p.lines]
    if len(body_pages) == 1:
        repeated |= _set_apart(body_pages[0], size)
    gaps: list[float] = []
    for page in content:
        for a, b in pairwise(page.lines):
            gaps.append(b.y - a.y)
    # The spacing inside a paragraph is the smallest regular gap; blank lines make the rest.
    spacing = sorted(g for g in gaps if 0.8 * size <= g <= 2.5 * size)
    # A page with every paragraph one line long has no such gap: type is set at most ~1.2 em.
    pitch = min(spacing[len(spacing) // 5], 1.25 * size) if spacing else size
    left = _left_edge(content)
    right = _right_edge(content, left)
    out: list[BodyLine] = []
    dropped = 0
    for page in content:
        for line in page.lines:
            body = _clean_line(line, page, size, left, right, repeated)
            if body is None:
                dropped += 1
            else:
                out.append(body)
    return Body(out, size, pitch, dropped)


def _left_edge(pages: list[Page]) -> float:
    """The leftmost column most lines start at (action and headings), by count."""
    starts: Counter[int] = Counter()
    for page in pages:
        for ln in page.lines:
            for seg in ln.segments:
                head = seg.text.split(" ", 1)[0]
                if not (_SCENE_NUMBER.fullmatch(head) or _ASTERISKS.fullmatch(seg.text)):
                    starts[round(seg.x0)] += 1
                    break
    if not starts:
        return 0.0
    total = sum(starts.values())
    common = [x for x, n in starts.items() if n >= max(2, total * 0.01)]
    return float(min(common) if common else min(starts))


def _right_edge(pages: list[Page], left: float) -> float:
    ends = [seg.x1 for p in pages for ln in p.lines for seg in ln.segments if seg.x0 >= left - 2]
    if not ends:
        return left
    ends.sort()
    return ends[int(len(ends) * 0.98)]


def _clean_line(
    line: Line,
    page: Page,
    size: float,
    left: float,
    right: float,
    repeated: set[tuple[str, int]],
) -> BodyLine | None:
    if line.size > _LARGE * size:
        return None
    more = bool(_MORE.fullmatch(line.text.strip()))
    segments = _furniture_free(line, page)
    if not segments:
        return None
    if not more and _key(segments, line, _in_band(line, page)) in repeated:
        return None
    number: str | None = None
    revised = False
    # Margin marks: scene numbers and asterisks left of the text column or right of its edge.
    first = segments[0]
    if first.x0 < left - 0.5 * size and first.x1 > left:
        # A scene number printed close enough to its heading to join its segment.
        head, _, rest = first.text.partition(" ")
        if rest and _SCENE_NUMBER.fullmatch(head):
            number = head.rstrip(".")
            segments[0] = Segment(max(left, first.x0), first.x1, rest.lstrip())
    while segments and segments[0].x1 < left - 0.5 * size:
        mark = segments.pop(0).text.strip()
        if _ASTERISKS.fullmatch(mark):
            revised = True
        elif _SCENE_NUMBER.fullmatch(mark):
            number = mark.rstrip(".")
    while len(segments) > 1 or (segments and segments[-1].x0 > right + 0.5 * size):
        last = segments[-1]
        mark = last.text.strip()
        if last.x0 < right - 6 * size:
            break
        if _ASTERISKS.fullmatch(mark):
            revised = True
        elif _SCENE_NUMBER.fullmatch(mark) and (number is None or number == mark.rstrip(".")):
            number = mark.rstrip(".")
        else:
            break
        segments.pop()
    if number is None and segments and (lead := _NUMBER_FIRST.match(segments[0].text)):
        first = segments[0]
        number = lead.group(1)
        segments[0] = Segment(first.x0, first.x1, first.text[lead.end() :])
    if segments and segments[-1].text.endswith(" *"):
        # An asterisk printed close to a line's end.
        last = segments[-1]
        revised = True
        segments[-1] = Segment(last.x0, last.x1, last.text.rstrip(" *"))
    if not segments:
        return None
    body_text = " ".join(s.text for s in segments)
    return BodyLine(
        line.page,
        line.number,
        line.y,
        segments[0].x0,
        segments[-1].x1,
        body_text,
        segments,
        number,
        revised,
        more,
        line.bold,
    )
