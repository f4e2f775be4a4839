"""Whether an action paragraph goes on over a page break.

Renderers break a long action paragraph at the foot of a page and go on at the head of the
next one, with nothing in print to say so (``(MORE)`` is for speeches; ``CONTINUED`` marks the
scene, not the paragraph, and is dropped with the margins before this is decided). The break
is read as one paragraph when the first part reaches the foot of the page (no blank line left
under it, measured against the lowest line this document prints) and the text itself goes on:
the new page starts in lower case, or the last sentence did not end (in a document that ends
its action paragraphs with a stop: a play's stage directions have none). A slug line wrapped
over the break goes on the same way, in capitals. A page that ends with a
full sentence and a page that starts with a capital stay two paragraphs: the print cannot tell
them from two paragraphs whose blank line fell on the break.
"""

from __future__ import annotations

from itertools import pairwise

from showbible.formats.pdf.clean import BodyLine
from showbible.formats.pdf.layout import Columns
from showbible.model import Element, Kind
from showbible.quick import rx

__all__ = ["PageBreaks"]

_ENDED = rx.compile(r"[.!?:…][\"'’”)\]]*\s*$")


def _ends_with_stops(lines: list[BodyLine], pitch: float, cols: Columns) -> bool:
    """Whether this document ends its action paragraphs with a stop, so that one without a
    stop at a page's foot goes on (a play's stage directions, ``Exit ROBIN``, have none)."""
    ends = [
        a.text
        for a, b in pairwise(lines)
        if a.page == b.page and b.y - a.y > 1.45 * pitch and cols.at(a.x0, cols.action)
    ]
    # Action in sentences (headings and other capitals lines aside).
    prose = [t for t in ends if any(c.islower() for c in t)]
    if len(prose) < 5:
        return True
    return sum(1 for t in prose if _ENDED.search(t)) >= 0.85 * len(prose)


class PageBreaks:
    """The foot of this document's pages, learned from the last line each page prints."""

    def __init__(self, lines: list[BodyLine], pitch: float, cols: Columns) -> None:
        last: dict[int, float] = {}
        for ln in lines:
            last[ln.page] = max(ln.y, last.get(ln.page, 0.0))
        feet = sorted(last.values())
        self.stops = _ends_with_stops(lines, pitch, cols)
        # The lower fifth of the pages' last lines: full pages, not a scene's short last page.
        self.foot = feet[int(len(feet) * 0.8)] if feet else 0.0
        self.pitch = pitch

    def joins(
        self, above: BodyLine, line: BodyLine, open_el: Element | None, cols: Columns
    ) -> bool:
        """Whether ``line``, the first on its page, continues the action paragraph ``open_el``
        whose last line ``above`` ended the page before (the caller has ruled out a heading)."""
        if (
            open_el is None
            or open_el.kind not in (Kind.ACTION, Kind.HEADING)
            or open_el.centered
            or not cols.at(above.x0, cols.action)
            or not cols.at(line.x0, cols.action)
            or above.y < self.foot - 1.6 * self.pitch
        ):
            return False
        text = line.text.strip()
        if open_el.kind is Kind.HEADING:
            # A long slug line wrapped over the break goes on in capitals.
            letters = [c for c in text if c.isalpha()]
            caps = bool(letters) and all(c.isupper() for c in letters)
            return caps and self.stops and not _ENDED.search(open_el.text)
        first = next((c for c in text if c.isalpha()), "")
        return first.islower() or (self.stops and not _ENDED.search(open_el.text))
