"""A reader for screenplay PDFs (``.pdf``): characters with positions (pypdfium2), margins
cleaned, the document's own columns learned, elements assembled (see ``docs/formats.md``).

- ``pages``: characters -> lines and segments, rotated (watermark) glyphs dropped;
- ``clean``: running headers and footers, page numbers, ``CONTINUED`` markers, large or
  repeated text dropped; scene numbers and revision asterisks kept apart from the text;
- ``layout``: the columns of this document (action, cue, dialogue, parenthetical);
- ``assemble``: elements, speeches joined over ``(MORE)`` / ``(CONT'D)``, dual dialogue;
- ``headings``: headings without INT/EXT, from the document's own heading layout;
- ``pagebreak``: whether an action paragraph goes on over a page break;
- ``titlepage``: the first page's entries as title fields.

A PDF without a text layer is refused (it needs OCR first); an encrypted one says so; a damaged
one, or one that reads as prose or a table rather than a screenplay, is an InputError naming
the file (and page). Nothing else leaves the reader.
"""

from __future__ import annotations

import os

from showbible.formats.pdf.assemble import LINES_PER_PAGE, assemble, pdf_line
from showbible.formats.pdf.clean import body_lines, is_title_page
from showbible.formats.pdf.layout import learn_columns
from showbible.formats.pdf.pages import open_pdf, read_pages
from showbible.formats.pdf.titlepage import title_entries
from showbible.model import Diagnostic, Element, InputError, Kind, Script, split_scenes

__all__ = ["LINES_PER_PAGE", "page_and_line", "parse_pdf", "read_pdf"]

_MAX_BYTES = 200 * 1024 * 1024
# Fewer lines than this without a heading or cue may still be a fragment of a script.
_PROSE_LINES = 60


def page_and_line(line: int) -> tuple[int, int]:
    """A PDF element's ``line`` as (page, line on the page)."""
    return divmod(line, LINES_PER_PAGE)


def parse_pdf(data: bytes, path: str = "<bytes>") -> Script:
    """Parse the bytes of a screenplay PDF. Raises only InputError."""
    doc = open_pdf(data, path)
    try:
        try:
            pages = read_pages(doc)
        except Exception as err:  # PDFium raises its own errors on damaged page content
            raise InputError(f"damaged PDF page: {err}", file=path) from None
    finally:
        doc.close()
    if not pages:
        raise InputError("PDF without pages", file=path)
    if sum(p.chars for p in pages) == 0:
        raise InputError(
            f"PDF without a text layer ({len(pages)} page(s) of images): it needs OCR first "
            "(e.g. `ocrmypdf in.pdf out.pdf`)",
            file=path,
        )
    # A watermark left out is no problem of the script: nothing is reported for it.
    diagnostics: list[Diagnostic] = []
    title_page = is_title_page(pages[0], len(pages))
    body = body_lines(pages, skip_title=title_page)
    elements: list[Element] = []
    title: list[tuple[str, str]] = []
    if title_page:
        for key, value, line in title_entries(pages[0]):
            el = Element(Kind.TITLE, value, pdf_line(1, line), key=key)
            el.page = 1
            elements.append(el)
            title.append((key, value))
    if body.lines:
        cols = learn_columns(body.lines, body.size, body.pitch)
        elements.extend(assemble(body.lines, cols, body.pitch, pages[0].width))
    _check_screenplay(elements, pages[-1].number, path)
    story = tuple(elements)
    return Script(
        path=path,
        elements=story,
        title=tuple(title),
        diagnostics=tuple(diagnostics),
        scenes=split_scenes(story),
    )


def _check_screenplay(elements: list[Element], pages: int, path: str) -> None:
    """Refuse prose, tables and slides: many lines of text, yet not one heading and hardly a
    speech."""
    body = [e for e in elements if e.kind is not Kind.TITLE]
    if not body and not elements:
        raise InputError(
            f"no script text in this PDF: its {pages} page(s) hold only page furniture "
            "(headers, page numbers, repeated or rotated text)",
            file=path,
        )
    headings = sum(1 for e in body if e.kind is Kind.HEADING)
    # Side-by-side labels in a table or on a slide can pass for dual dialogue; a script has
    # speeches of its own.
    cues = sum(1 for e in body if e.kind is Kind.CHARACTER and not _dual_pair(body, e))
    if headings or cues >= 2:
        return
    lines = sum(1 + ((e.end_line or e.line) - e.line) for e in body)
    if lines >= _PROSE_LINES:
        raise InputError(
            f"this PDF does not read as a screenplay: {lines} lines of text from page "
            f"{body[0].page or 1} of {pages} without a scene heading or a speech (prose, "
            "slides or a table?)",
            file=path,
        )


def _dual_pair(body: list[Element], cue: Element) -> bool:
    """Whether a cue is one of a pair of cues printed side by side (same page and line)."""
    return any(e is not cue and e.kind is Kind.CHARACTER and e.line == cue.line for e in body)


def read_pdf(path: str | os.PathLike[str]) -> Script:
    """Read and parse a screenplay PDF file."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > _MAX_BYTES:
            raise InputError(f"PDF of {size} bytes refused (limit {_MAX_BYTES})", file=name)
        with open(name, "rb") as fh:
            data = fh.read()
    except OSError as err:
        raise InputError(f"cannot read PDF file: {err.strerror or err}", file=name) from err
    return parse_pdf(data, name)
