"""Fountain's notes ``[[ ]]`` and boneyards ``/* */``: cut out of the text before the line pass,
then put back as elements beside the text that held them.

They are the only constructs that may cross lines in the middle of other text, so the reader
(``fountain.py``) sees only the lines left once they are gone, each with its original number.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from showbible.model import Diagnostic, Element, Kind
from showbible.quick import rx

_NOTE = Kind.NOTE
_BONEYARD = Kind.BONEYARD
# A whitespace-only line inside a note candidate; the caller tells blank from "two spaces".
_WS_LINE_RE = rx.compile(r"\n([^\S\n]*)(?:\n|\Z)")


@dataclass(slots=True)
class Item:
    """One note or boneyard found in the text (lines are 1-based, original numbering)."""

    kind: Kind
    text: str
    line: int
    end_line: int


@dataclass(slots=True)
class Source:
    """The lines the parser sees, with their original line numbers.

    ``nums[k]`` is the original first line of kept line ``k`` and ``ends[k]`` its last one
    (they differ when a note or boneyard joined several source lines into one). ``breaks``
    holds the kept lines that directly follow a removed boneyard: they start a paragraph.
    ``marks[k]`` lists (column, item index) for each item cut out of kept line ``k``.
    """

    lines: list[str]
    nums: list[int]
    ends: list[int]
    breaks: frozenset[int] = frozenset()
    items: list[Item] = field(default_factory=list)
    marks: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass(slots=True)
class _Region:
    """A note or boneyard as 0-based (line, column) start and exclusive end."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int
    item: int


def plain_source(lines: list[str]) -> Source:
    nums = list(range(1, len(lines) + 1))
    return Source(lines, nums, nums)


def _note_end(text: str, start: int, close: int) -> tuple[int, int, bool]:
    """Return (content end, region end, closed) for the note opening at ``start``; ``close``
    is the first ``]]`` after the opening (-1 if none), found once by the caller for every
    note it can serve: searching again from each unclosed ``[[`` made a file of them quadratic.

    A note may not cross a truly blank line; when it would, it ends with the line before
    that blank line (so its annotation is kept) and is reported as unterminated.
    """
    if close != -1 and text.find("\n", start, close) == -1:
        return close, close + 2, True  # the usual one-line note
    pos = start
    while True:
        m = _WS_LINE_RE.search(text, pos)
        if m is None:
            blank = -1
            break
        if "  " not in m.group(1):
            blank = m.start()  # the newline that ends the note's last line
            break
        pos = m.start() + 1
    if close != -1 and (blank == -1 or close < blank):
        return close, close + 2, True
    end = len(text) if blank == -1 else blank
    return end, end, False


def _find_regions(text: str, src_diags: list[Diagnostic], path: str) -> list[tuple[int, int, Item]]:
    """Scan for notes and boneyards in document order; return (start, end, item) offsets."""
    found: list[tuple[int, int, Item]] = []
    pos = 0
    line = 1
    counted = 0
    next_note = text.find("[[")
    next_bone = text.find("/*")
    next_close = text.find("]]", next_note + 2) if next_note != -1 else -1
    while next_note != -1 or next_bone != -1:
        is_note = next_bone == -1 or (next_note != -1 and next_note < next_bone)
        start = next_note if is_note else next_bone
        line += text.count("\n", counted, start)
        counted = start
        if is_note:
            if next_close != -1 and next_close < start + 2:
                next_close = text.find("]]", start + 2)
            content_end, end, closed = _note_end(text, start, next_close)
            if not closed:
                src_diags.append(
                    Diagnostic(
                        path, line, "unterminated note '[[': closed at the end of its paragraph"
                    )
                )
            kind = _NOTE
        else:
            close = text.find("*/", start + 2)
            if close == -1:
                # Swallowing the rest of the script would hide it without a trace: keep it.
                src_diags.append(Diagnostic(path, line, "unterminated boneyard '/*': kept as text"))
                next_bone = -1
                continue
            content_end, end, kind = close, close + 2, _BONEYARD
        end_line = line + text.count("\n", start, end)
        found.append((start, end, Item(kind, text[start + 2 : content_end], line, end_line)))
        pos = end
        if next_note != -1 and next_note < pos:
            next_note = text.find("[[", pos)
        if next_bone != -1 and next_bone < pos:
            next_bone = text.find("/*", pos)
    return found


def _to_regions(text: str, found: list[tuple[int, int, Item]]) -> list[_Region]:
    """Columns from offsets. The offsets only grow, so the start of the current line is
    carried forward: looking back for it from every item made one long line of items
    quadratic."""
    regions = []
    line_start = 0  # offset just after the last newline before ``scanned``
    scanned = 0

    def column(pos: int) -> int:
        nonlocal line_start, scanned
        nl = text.rfind("\n", scanned, pos)
        if nl != -1:
            line_start = nl + 1
        scanned = pos
        return pos - line_start

    for index, (start, end, item) in enumerate(found):
        start_col = column(start)
        end_col = column(end)
        regions.append(_Region(item.line - 1, start_col, item.end_line - 1, end_col, index))
    return regions


def _cut_regions(
    raw: list[str], regions: list[_Region], items: list[Item]
) -> tuple[dict[int, tuple[str, list[tuple[int, int]], int]], set[int], set[int]]:
    """Remove the regions from the lines.

    Returns the edited lines (index -> (text, marks, last source index)), the lines that
    vanish, and among those the ones a boneyard removed (they break paragraphs).
    """
    edits: dict[int, tuple[str, list[tuple[int, int]], int]] = {}
    void: set[int] = set()
    bone_void: set[int] = set()
    logical = -1
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    src_line = src_col = length = 0

    def finish() -> None:
        parts.append(raw[src_line][src_col:])
        edits[logical] = ("".join(parts), marks, src_line)

    for region in regions:
        if logical == -1 or src_line != region.start_line:
            if logical != -1:
                finish()
            logical, parts, marks = region.start_line, [], []
            src_line, src_col, length = region.start_line, 0, 0
        piece = raw[src_line][src_col : region.start_col]
        parts.append(piece)
        length += len(piece)
        marks.append((length, region.item))
        void.update(range(region.start_line + 1, region.end_line + 1))
        src_line, src_col = region.end_line, region.end_col
    if logical != -1:
        finish()
    for index, (clean, line_marks, _last) in list(edits.items()):
        if clean.strip():
            continue
        # Nothing but notes/boneyards on these lines: they vanish, their items stand alone.
        last = edits.pop(index)[2]
        void.update(range(index, last + 1))
        for _col, item_index in line_marks:
            if items[item_index].kind is _BONEYARD:
                bone_void.update(range(index, last + 1))
    return edits, void, bone_void


def cut_out(text: str, raw: list[str], path: str) -> Source:
    diags: list[Diagnostic] = []
    found = _find_regions(text, diags, path)
    if not found:
        src = plain_source(raw)
        src.diagnostics = diags
        return src
    items = [item for _s, _e, item in found]
    edits, void, bone_void = _cut_regions(raw, _to_regions(text, found), items)
    lines: list[str] = []
    nums: list[int] = []
    ends: list[int] = []
    breaks: set[int] = set()
    marks: dict[int, list[tuple[int, int]]] = {}
    prev = 0
    for index in sorted(void | edits.keys()):
        # Copy the untouched stretch before this line in one go.
        lines.extend(raw[prev:index])
        nums.extend(range(prev + 1, index + 1))
        ends.extend(range(prev + 1, index + 1))
        prev = index + 1
        if index in void:
            if index in bone_void and index + 1 not in void:
                breaks.add(len(lines))
            continue
        clean, line_marks, last = edits[index]
        marks[len(lines)] = line_marks
        lines.append(clean)
        nums.append(index + 1)
        ends.append(last + 1)
    lines.extend(raw[prev:])
    nums.extend(range(prev + 1, len(raw) + 1))
    ends.extend(range(prev + 1, len(raw) + 1))
    return Source(lines, nums, ends, frozenset(breaks), items, marks, diags)


def _layout(host: Element, rows: int) -> list[tuple[int, str]] | None:
    """(offset, text) of each source row of a host's text, or None if rows don't map 1:1."""
    parts = host.text.split("\n")
    if len(parts) != rows:
        return None
    layout = []
    offset = 0
    for part in parts:
        layout.append((offset, part))
        offset += len(part) + 1
    return layout


def _row_start(layout: list[tuple[int, str]] | None, raw: str, row: int) -> int:
    """Where a host's row text starts in its source line (found once per row, not per item:
    a long line of items made the search quadratic)."""
    if layout is None:
        return 0
    part = layout[row][1]
    return max(raw.find(part), 0) if part else 0


def _anchor(
    layout: list[tuple[int, str]] | None, host: Element, pos: int, row: int, col: int
) -> int:
    """Offset in ``host.text`` of an item removed at column ``col`` of source row ``row``.

    A host's row is its source line minus what the element dropped (indentation, a forcing
    character, a scene number...), so the column is shifted by where the row's text starts in
    the line (``pos``) and clamped to the row.
    """
    if layout is None:
        return len(host.text)
    offset, part = layout[row]
    return offset + min(max(col - pos, 0), len(part))


def _item_element(item: Item, anchor: int) -> Element:
    return Element(item.kind, item.text, item.line, item.end_line, anchor=anchor)


def place_items(src: Source, elements: list[Element]) -> tuple[list[Element], list[Element]]:
    """Merge notes into the element stream and collect boneyards, both in document order.

    An inline item goes right after its host; a standalone one right before the first
    element that starts below it. Work is per item, plus one slice copy of the stream.
    """
    items = src.items
    starts = [e.line for e in elements]  # strictly increasing: a line feeds one element
    after: dict[int, list[Element]] = {}  # element index -> NOTEs that follow it
    anchored: dict[int, tuple[int, Element]] = {}  # item index -> (host index, element)
    layouts: dict[int, list[tuple[int, str]] | None] = {}
    for k, line_marks in src.marks.items():
        line = src.nums[k]
        h = bisect_right(starts, line) - 1
        if h < 0 or elements[h].last_line < line:
            continue  # inside no element: placed as a standalone item below
        host = elements[h]
        first_k = bisect_left(src.nums, host.line)
        if h not in layouts:
            rows = bisect_right(src.nums, host.last_line) - first_k
            layouts[h] = _layout(host, rows)
        pos = _row_start(layouts[h], src.lines[k], k - first_k)
        for col, index in line_marks:
            anchor = _anchor(layouts[h], host, pos, k - first_k, col)
            anchored[index] = (h, _item_element(items[index], anchor))
    for index, item in enumerate(items):
        if index in anchored:
            h, note = anchored[index]
            if note.kind is _NOTE:
                after.setdefault(h, []).append(note)
        elif item.kind is _NOTE:
            h = bisect_left(starts, item.line) - 1
            after.setdefault(h, []).append(_item_element(item, -1))
    out: list[Element] = list(after.get(-1, ()))
    prev = 0
    for h in sorted(k for k in after if k >= 0):
        out.extend(elements[prev : h + 1])
        out.extend(_in_order(after[h]))
        prev = h + 1
    out.extend(elements[prev:])
    boneyard = [
        anchored[i][1] if i in anchored else _item_element(item, -1)
        for i, item in enumerate(items)
        if item.kind is _BONEYARD
    ]
    return out, boneyard


def _in_order(notes: list[Element]) -> list[Element]:
    """Inline notes of a host first, then the standalone ones that follow it."""
    return [n for n in notes if n.anchor >= 0] + [n for n in notes if n.anchor < 0]
