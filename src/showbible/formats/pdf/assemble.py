"""Printed lines to script elements, by column and by the shape of a speech.

A line starts an element when a blank line (a gap wider than the line pitch) or a page break
comes before it; lines without a gap continue the element above (a wrapped action paragraph,
the dialogue under a cue). A speech is a cue at the cue column followed, without a gap, by
lines at a smaller indent: parentheticals open with ``(``, the rest is dialogue. A ``(MORE)``
at the foot of a page and the ``NAME (CONT'D)`` cue at the head of the next join the two halves
into one speech. Two cues side by side start dual dialogue, read as two columns.

Every element gets ``page`` and ``line = page * 1000 + the line's number on its page``: a
number that orders the document and keeps the page inside every line a finding carries
(``file.pdf:p12:l34``, see ``showbible.report``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from showbible.formats.pdf.clean import BodyLine
from showbible.formats.pdf.headings import (
    HEADING_START,
    HeadingStyle,
    forced_heading,
    learn_heading_style,
)
from showbible.formats.pdf.layout import Columns, cue_like
from showbible.formats.pdf.pagebreak import PageBreaks
from showbible.formats.pdf.pages import Segment
from showbible.model import PDF_PAGE_LINES, Element, Kind
from showbible.quick import rx

__all__ = ["LINES_PER_PAGE", "assemble", "pdf_line"]

LINES_PER_PAGE = PDF_PAGE_LINES

# Forced headings have no INT/EXT; in capitals at the action column these words still make one.
_NUMBERED_SCENE = rx.compile(r"\b(?:SCENE|ACT)\s+[IVXLC\d]+\b")
# ``SCENE 3``, ``ACT I.``, ``- NIGHT`` make a heading; ``BACK TO SCENE`` does not. A slug
# line ending in a time of day (``FLASHBACK MIKE'S MEMORY - HOTEL ENTRANCE EARLIER``) is one.
_HEADING_WORDS = rx.compile(
    r"\b(?:SCENE\s+[IVXLC\d]+\b|ACT\s+[IVXLC\d]+\.)|\s[-–—]\s+(?:DAY|NIGHT)\b"
    r"|^[^!?]*\s[-–—]\s[^!?]*\b(?:DAY|NIGHT|MORNING|AFTERNOON|EVENING|DAWN|DUSK|SUNRISE|"
    r"SUNSET|NOON|MIDNIGHT|LATER|EARLIER|CONTINUOUS|SAME TIME)\W*$"
)
_TRANSITION = rx.compile(
    r"(?:[A-Z ]+\bTO:|FADE (?:IN|OUT)[.:]?|FADE TO BLACK[.:]?|CUT TO BLACK[.:]?)"
)
_EXTENSIONS = rx.compile(r"(?:\s*\(([^()]*)\))+\s*$")
# A camera direction set at the cue column (old typed scripts centre their shots) is no
# speaker: a cue never opens with INSERT or ANGLE, never holds a POV or a colon.
_SHOT = rx.compile(
    r"(?:INSERT|ANGLE|NEW ANGLE|CLOSE ?UP|CLOSE-UP|CLOSE ON|CLOSER|BACK TO|WIDE|REVERSE|"
    r"SUBTITLES?|SUPER|SUPERIMPOSE|MONTAGE|SERIES OF)\b|.*\bPOV\b|[^:]*:"
)
_EXTENSION = rx.compile(r"\(([^()]*)\)")
_JOINING = frozenset({"of", "the", "and", "in", "at", "on", "a", "an", "de", "la", "von", "van"})
_CONTD = rx.compile(r"CONT['’]?D|CONTINUED|CONT\.", re.IGNORECASE)


def pdf_line(page: int, number: int) -> int:
    return page * LINES_PER_PAGE + number


def _split_cue(text: str) -> tuple[str, tuple[str, ...], bool]:
    s = " ".join(text.split())
    dual = s.endswith("^")
    s = s.removesuffix("^").strip()
    m = _EXTENSIONS.search(s)
    if m is None or m.start() == 0:
        return s, (), dual
    return s[: m.start()].strip(), tuple(e.strip() for e in _EXTENSION.findall(m.group(0))), dual


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass(slots=True)
class _Builder:
    cols: Columns
    pitch: float
    width: float
    style: HeadingStyle
    page_break: PageBreaks
    out: list[Element] = field(default_factory=list)
    open: Element | None = None  # the element the next line without a gap continues
    speech: str | None = None  # the speaker while in a speech
    in_paren: bool = False
    more: bool = False  # the speech ran over the page with (MORE)
    above: BodyLine | None = None  # the printed line before the one being read

    def add(self, kind: Kind, line: BodyLine, text: str, **kw: object) -> Element:
        el = Element(kind, text, pdf_line(line.page, line.number), **kw)  # type: ignore[arg-type]
        el.page = line.page
        self.out.append(el)
        self.open = el
        return el

    def extend(self, line: BodyLine, text: str) -> None:
        el = self.open
        assert el is not None
        el.text = f"{el.text} {text}" if el.text else text
        el.end_line = pdf_line(line.page, line.number)


def assemble(lines: list[BodyLine], cols: Columns, pitch: float, width: float) -> list[Element]:
    style = learn_heading_style(lines, cols, pitch)
    b = _Builder(cols, pitch, width, style, PageBreaks(lines, pitch, cols))
    i = 0
    prev: BodyLine | None = None
    while i < len(lines):
        line = lines[i]
        b.above = prev
        new_page = prev is None or prev.page != line.page
        gap = new_page or line.y - prev.y > 1.45 * pitch  # type: ignore[union-attr]
        if line.more:
            b.more = b.speech is not None
            prev = line
            i += 1
            continue
        if new_page and b.more and b.speech is not None and _continues(line, b.speech, cols):
            # The speech's second half: its repeated cue is dropped, its lines go on.
            b.more = False
            prev = line
            i += 1
            continue
        b.more = False
        if _dual_start(line, cols):
            i = _dual(b, lines, i)
            prev = lines[i - 1]
            continue
        if b.speech is not None and (
            (not gap and line.x0 > cols.action + cols.tolerance)
            # Dialogue goes on over a blank line or a page break without (MORE) (screenplain
            # breaks speeches so): no other element starts at the dialogue column.
            or cols.at(line.x0, cols.dialogue)
            or (cols.at(line.x0, cols.parenthetical) and line.text.startswith("("))
        ):
            _speech_line(b, line)
        elif (
            new_page
            and b.page_break.joins(prev, line, b.open, cols)  # type: ignore[arg-type]
            and not _heading_at(b, line, lines[i + 1] if i + 1 < len(lines) else None)
        ):
            b.extend(line, line.text)
        elif not gap and b.open is not None and b.open.kind in (Kind.ACTION, Kind.HEADING):
            if b.open.kind is Kind.HEADING and not _caps(line.text):
                b.speech = None
                b.add(Kind.ACTION, line, line.text)
            else:
                b.extend(line, line.text)
        else:
            _start(b, line, lines[i + 1] if i + 1 < len(lines) else None)
        prev = line
        i += 1
    return b.out


def _continues(line: BodyLine, speaker: str, cols: Columns) -> bool:
    if not cols.at(line.x0, cols.cue) and line.x0 <= cols.action + cols.tolerance:
        return False
    name, extensions, _ = _split_cue(line.text)
    return name == speaker and any(_CONTD.search(e) for e in extensions)


def _follows(line: BodyLine, nxt: BodyLine | None, pitch: float) -> bool:
    return nxt is not None and nxt.page == line.page and 0 < nxt.y - line.y <= 1.45 * pitch


def _speech_over_page(line: BodyLine, nxt: BodyLine | None, cols: Columns) -> bool:
    """A cue left alone at the foot of a page (a word processor's page break) whose speech
    starts the next page, at the dialogue or parenthetical column."""
    return (
        nxt is not None
        and nxt.page == line.page + 1
        and (
            cols.at(nxt.x0, cols.dialogue)
            or (cols.at(nxt.x0, cols.parenthetical) and nxt.text.startswith("("))
        )
    )


def _start(b: _Builder, line: BodyLine, nxt: BodyLine | None) -> None:
    cols = b.cols
    text = line.text
    b.speech = None
    b.in_paren = False
    stripped = text.strip()
    at_action = line.x0 <= cols.action + cols.tolerance
    if (
        line.x0 > cols.action + 2 * cols.tolerance
        and (cue_like(stripped) or (cols.at(line.x0, cols.cue) and _label_like(stripped)))
        and (_follows(line, nxt, b.pitch) or _speech_over_page(line, nxt, cols))
        and nxt is not None
        and cols.action + cols.tolerance < nxt.x0 < line.x0 + cols.tolerance
        and not _TRANSITION.fullmatch(stripped)
        and not _SHOT.match(stripped)
    ):
        name, extensions, dual = _split_cue(stripped)
        b.add(Kind.CHARACTER, line, name, extensions=extensions, dual=dual)
        b.speech = name
        return
    if _caps(stripped) and (
        _TRANSITION.fullmatch(stripped)
        or (
            not at_action
            and line.x0 > cols.cue + cols.tolerance
            and stripped.endswith((":", "."))
            and line.x1 >= cols.right - 3 * cols.tolerance
        )
    ):
        b.add(Kind.TRANSITION, line, stripped)
        b.open = None
        return
    if at_action and _heading_at(b, line, nxt):
        b.add(Kind.HEADING, line, stripped, scene_number=line.scene_number)
        return
    middle = (cols.action + cols.right) / 2
    centred = (
        not at_action and abs((line.x0 + line.x1) / 2 - middle) <= 2 * cols.tolerance
    ) and not any(cols.at(line.x0, c) for c in (cols.cue, cols.dialogue, cols.parenthetical))
    b.add(Kind.ACTION, line, stripped, centered=centred)


def _name_like(text: str) -> bool:
    """A cue forced in mixed case (``@McCoy``, ``First Murderer``): a few capitalised words."""
    name, _, _ = _split_cue(text)
    words = name.split()
    if not 0 < len(words) <= 5 or name.endswith((".", "!", "?", ":", ",")):
        return False
    # Capitalised words, with joining words between (``Ghost of Prince Edward``).
    capital = [w[:1].isupper() or not w[:1].isalpha() for w in words]
    return any(capital) and all(
        c or w.lower() in _JOINING for w, c in zip(words, capital, strict=True)
    )


def _label_like(text: str) -> bool:
    """Any short label at the cue column above dialogue is a cue, whatever its case
    (``Second murderer``, ``of young Princes``): the layout says so."""
    name, _, _ = _split_cue(text)
    return 0 < len(name.split()) <= 5 and len(name) <= 40 and not name.endswith((".", "!", "?"))


def _is_heading(line: BodyLine, text: str) -> bool:
    if line.scene_number is not None:
        return True
    if HEADING_START.match(text):
        return True
    # ``SCENE LIST:`` labels a list and is no heading; ``ACT III. SCENE VII. THE CAMP:`` is one.
    label = text.endswith(":") and not _NUMBERED_SCENE.search(text)
    return _caps(text) and bool(_HEADING_WORDS.search(text)) and not label


def _heading_at(b: _Builder, line: BodyLine, nxt: BodyLine | None) -> bool:
    """Whether a line at the action column, after a blank line or a page break, is a heading:
    by its words or scene number, or by this document's heading layout (``headings``)."""
    text = line.text.strip()
    return _is_heading(line, text) or forced_heading(line, nxt, b.style, b.cols, b.pitch, b.above)


def _speech_line(b: _Builder, line: BodyLine) -> None:
    text = line.text.strip()
    el = b.open
    if b.in_paren and el is not None and el.kind is Kind.PARENTHETICAL:
        b.extend(line, text)
        if text.endswith(")"):
            el.text = el.text.removesuffix(")").rstrip()
            b.in_paren = False
        return
    if text.startswith("("):
        closed = text.endswith(")")
        b.add(Kind.PARENTHETICAL, line, text[1:-1].strip() if closed else text[1:].lstrip())
        b.in_paren = not closed
        return
    if el is not None and el.kind is Kind.DIALOGUE:
        b.extend(line, text)
    else:
        b.add(Kind.DIALOGUE, line, text)


def _dual_start(line: BodyLine, cols: Columns) -> bool:
    segs = line.segments
    return (
        len(segs) == 2
        and segs[0].x0 > cols.action + cols.tolerance
        and all(cue_like(s.text) or _name_like(s.text) for s in segs)
    )


def _cut(seg: Segment, split: float) -> list[tuple[float, str]]:
    """A segment running over the middle of dual dialogue (two columns printed closer than a
    segment gap), cut before the word right of the middle with the widest space before it."""
    if not (seg.x0 < split < seg.x1) or len(seg.words) < 2 or not seg.text:
        return [(seg.x0, seg.text.strip())]
    em = (seg.x1 - seg.x0) / len(seg.text)  # one character's width: screenplays are monospaced
    best: tuple[float, float, int] | None = None
    for (x, at), (nx, nat) in pairwise(seg.words):
        gap = nx - (x + (nat - at) * em)
        if nx >= split and (best is None or gap > best[0]):
            best = (gap, nx, nat)
    if best is None or best[0] < 0.3 * em:
        return [(seg.x0, seg.text.strip())]
    _, x, at = best
    return [(seg.x0, seg.text[:at].strip()), (x, seg.text[at:].strip())]


def _dual(b: _Builder, lines: list[BodyLine], i: int) -> int:
    """Read a block of dual dialogue starting at ``lines[i]``; return the index after it."""
    first = lines[i]
    left_cue, right_cue = first.segments[0].x0, first.segments[1].x0
    j = i + 1
    while j < len(lines):
        line, above = lines[j], lines[j - 1]
        if line.page != above.page or line.y - above.y > 1.45 * b.pitch:
            break
        j += 1
    block = lines[i:j]
    split = (left_cue + right_cue) / 2
    left: list[tuple[BodyLine, str]] = []
    right: list[tuple[BodyLine, str]] = []
    for line in block:
        for seg in line.segments:
            for x0, text in _cut(seg, split):
                (left if x0 < split else right).append((line, text))
    for column, dual in ((left, False), (right, True)):
        if not column:
            continue
        cue_line, cue = column[0]
        name, extensions, _ = _split_cue(cue)
        b.speech = None
        b.add(Kind.CHARACTER, cue_line, name, extensions=extensions, dual=dual)
        b.speech = name
        b.in_paren = False
        for line, text in column[1:]:
            part = BodyLine(line.page, line.number, line.y, 0, 0, text, [])
            _speech_line(b, part)
    b.speech = None
    b.open = None
    return j
