"""The title page of a screenplay PDF as title fields, as Fountain names them.

Blocks of lines (separated by blank space) in the upper half are the title, the credit
(``Written by``), the author(s) and the source (``Based on``); in the lower half the block on
the left is the contact and the one on the right the draft date (a copyright line is
``Copyright``, a block that is neither ``Notes``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from showbible.formats.pdf.pages import Line, Page
from showbible.quick import rx

__all__ = ["title_entries"]

_CREDIT = rx.compile(r"(?:(?:written|screenplay|teleplay|story|script)\s+)?by\b.*", re.IGNORECASE)
_SOURCE = rx.compile(r"(?:based on|adapted from|inspired by)\b", re.IGNORECASE)
_COPYRIGHT = rx.compile(r"copyright|\(c\)|©", re.IGNORECASE)
_DATE = rx.compile(
    r"\d|draft|revis|january|february|march|april|may|june|july|august|"
    r"september|october|november|december",
    re.IGNORECASE,
)


def _blocks(lines: list[Line], pitch: float) -> list[list[Line]]:
    if not lines:
        return []
    blocks: list[list[Line]] = [[lines[0]]]
    for a, b in pairwise(lines):
        if b.y - a.y > 1.5 * pitch:
            blocks.append([b])
        else:
            blocks[-1].append(b)
    return blocks


def title_entries(page: Page) -> list[tuple[str, str, int]]:
    """(key, value, line on the page) for each entry of a title page."""
    out: list[tuple[str, str, int]] = []
    # Lines side by side (contact left, draft right) are separate entries: split them first.
    lines: list[Line] = []
    for ln in page.lines:
        for seg in ln.segments:
            lines.append(Line(ln.page, ln.number, ln.y, ln.size, [seg]))
    middle = page.width / 2
    # Blocks are apart by more than a blank line of the page's own type size.
    sizes = sorted(ln.size for ln in page.lines)
    pitch = sizes[len(sizes) // 2] if sizes else 12.0
    upper = [ln for ln in lines if ln.y < page.height * 0.6]
    lower = [ln for ln in lines if ln.y >= page.height * 0.6]
    for block in _blocks(upper, pitch):
        text = "\n".join(ln.text for ln in block)
        first = block[0].number
        if _SOURCE.match(text):
            out.append(("Source", text, first))
        elif _CREDIT.fullmatch(block[0].text.strip()) and len(block) == 1:
            out.append(("Credit", text, first))
        elif not out:
            out.append(("Title", text, first))
        elif not any(k == "Author" for k, _, _ in out):
            out.append(("Author", text, first))
        else:
            out.append(("Notes", text, first))
    left = sorted((ln for ln in lower if (ln.x0 + ln.x1) / 2 < middle), key=lambda ln: ln.y)
    right = sorted((ln for ln in lower if (ln.x0 + ln.x1) / 2 >= middle), key=lambda ln: ln.y)
    for side, default in ((left, "Contact"), (right, "Draft date")):
        for block in _blocks(side, pitch):
            text = "\n".join(ln.text for ln in block)
            if _COPYRIGHT.search(text):
                key = "Copyright"
            elif default == "Draft date" and not _DATE.search(text):
                key = "Notes" if any(k == "Draft date" for k, _, _ in out) else "Draft date"
            else:
                key = default
            out.append((key, text, block[0].number))
    out.sort(key=lambda e: e[2])
    return out
