"""A fast Fountain 1.1 reader that keeps the source line of every element.

The reader makes one pass over the lines of a file. Each paragraph start is classified by
its first character, so the common case (a cue followed by a block of dialogue, or a plain
action paragraph) costs a ``strip`` and a couple of comparisons per line. Notes and boneyards
are the only constructs that may cross lines in the middle of other text; they are cut out
of the text before the line pass, and only when the text contains ``[[`` or ``/*`` at all.

Conventions of our model (see ``showbible.model``):

- an ACTION element is one run of lines of one paragraph; blank lines separate elements and
  are never part of a text (the line numbers tell how many there were);
- dialogue lines are stripped; action lines keep their indentation and trailing spaces;
- a line holding two or more spaces and nothing else continues the current paragraph or
  speech as an empty line (the spec's "two spaces" rule);
- notes and boneyards are removed from the text. A note inside other text becomes a NOTE
  element right after its host with ``anchor`` = offset in the host's text; a note alone on
  its line(s) becomes a NOTE with anchor -1. Boneyards go to ``Script.boneyard``.
"""

from __future__ import annotations

import gc
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from showbible.formats.text import decode_text
from showbible.model import Diagnostic, Element, InputError, Kind, Script, split_scenes

__all__ = ["parse_fountain", "read_fountain"]

_TITLE = Kind.TITLE
_HEADING = Kind.HEADING
_ACTION = Kind.ACTION
_CHARACTER = Kind.CHARACTER
_DIALOGUE = Kind.DIALOGUE
_PAREN = Kind.PARENTHETICAL
_TRANSITION = Kind.TRANSITION
_LYRIC = Kind.LYRIC
_SECTION = Kind.SECTION
_SYNOPSIS = Kind.SYNOPSIS
_NOTE = Kind.NOTE
_PAGE_BREAK = Kind.PAGE_BREAK
_BONEYARD = Kind.BONEYARD

_HEADING_RE = re.compile(r"(?:int\.?/ext|int|ext|est|i/e)[. ]", re.IGNORECASE)
# Scene numbers are alphanumerics, dashes and full stops (``#1#``, ``#A3-1#``, ``#1.#``).
_SCENE_NUMBER_RE = re.compile(r"#([\w.\-]+)#$")
_EXTENSIONS_RE = re.compile(r"(?:\([^()]*\)\s*)+")
_EXTENSION_RE = re.compile(r"\(([^()]*)\)")
# A key starts the line with a word character; indented lines continue the previous value.
_TITLE_KEY_RE = re.compile(r"(\w[^:]*?)[ \t]*:(.*)")
# A whitespace-only line inside a note candidate; the caller tells blank from "two spaces".
_WS_LINE_RE = re.compile(r"\n([^\S\n]*)(?:\n|\Z)")

# Not ``... TO:`` but universally written as transitions; treating them as action would make
# a lone ``FADE IN:`` open a story scene of its own.
_FADES = frozenset({"FADE IN:", "FADE OUT.", "FADE OUT:", "FADE TO BLACK.", "FADE TO BLACK:"})

_Emit = Callable[[Element], None]


def _is_blank(line: str) -> bool:
    """A truly blank line: nothing but whitespace, and not the "two spaces" keep-together line."""
    return not line.strip() and "  " not in line


# --------------------------------------------------------------------------------------------
# Notes and boneyards: cut out before the line pass


@dataclass(slots=True)
class _Item:
    """One note or boneyard found in the text (lines are 1-based, original numbering)."""

    kind: Kind
    text: str
    line: int
    end_line: int


@dataclass(slots=True)
class _Source:
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
    items: list[_Item] = field(default_factory=list)
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


def _plain_source(lines: list[str]) -> _Source:
    nums = list(range(1, len(lines) + 1))
    return _Source(lines, nums, nums)


def _note_end(text: str, start: int) -> tuple[int, int, bool]:
    """Return (content end, region end, closed) for the note opening at ``start``.

    A note may not cross a truly blank line; when it would, it ends with the line before
    that blank line (so its annotation is kept) and is reported as unterminated.
    """
    close = text.find("]]", start + 2)
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


def _find_regions(
    text: str, src_diags: list[Diagnostic], path: str
) -> list[tuple[int, int, _Item]]:
    """Scan for notes and boneyards in document order; return (start, end, item) offsets."""
    found: list[tuple[int, int, _Item]] = []
    pos = 0
    line = 1
    counted = 0
    next_note = text.find("[[")
    next_bone = text.find("/*")
    while next_note != -1 or next_bone != -1:
        is_note = next_bone == -1 or (next_note != -1 and next_note < next_bone)
        start = next_note if is_note else next_bone
        line += text.count("\n", counted, start)
        counted = start
        if is_note:
            content_end, end, closed = _note_end(text, start)
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
        found.append((start, end, _Item(kind, text[start + 2 : content_end], line, end_line)))
        pos = end
        if next_note != -1 and next_note < pos:
            next_note = text.find("[[", pos)
        if next_bone != -1 and next_bone < pos:
            next_bone = text.find("/*", pos)
    return found


def _to_regions(text: str, found: list[tuple[int, int, _Item]]) -> list[_Region]:
    regions = []
    for index, (start, end, item) in enumerate(found):
        start_col = start - (text.rfind("\n", 0, start) + 1)
        end_col = end - (text.rfind("\n", 0, end) + 1)
        regions.append(_Region(item.line - 1, start_col, item.end_line - 1, end_col, index))
    return regions


def _cut_regions(
    raw: list[str], regions: list[_Region], items: list[_Item]
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


def _extract(text: str, raw: list[str], path: str) -> _Source:
    diags: list[Diagnostic] = []
    found = _find_regions(text, diags, path)
    if not found:
        src = _plain_source(raw)
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
    return _Source(lines, nums, ends, frozenset(breaks), items, marks, diags)


# --------------------------------------------------------------------------------------------
# The line pass


def _split_cue(s: str) -> tuple[str, tuple[str, ...], bool] | None:
    """Split a cue into name, extensions and the dual-dialogue caret; None if malformed."""
    dual = s.endswith("^")
    if dual:
        s = s[:-1].rstrip()
    paren = s.find("(")
    if paren == -1:
        name, extensions = s, ()
    else:
        name, rest = s[:paren].rstrip(), s[paren:]
        if not _EXTENSIONS_RE.fullmatch(rest):
            return None
        extensions = tuple(e.strip() for e in _EXTENSION_RE.findall(rest))
    if not name or "^" in name:
        return None
    return name, extensions, dual


def _heading(s: str, line: int, end: int, forced: bool) -> Element:
    number = None
    if "#" in s:
        m = _SCENE_NUMBER_RE.search(s)
        if m is not None:
            number = m.group(1)
            s = s[: m.start()].rstrip()
    return Element(_HEADING, s, line, end, scene_number=number, forced=forced)


def _read_dialogue(src: _Source, i: int, emit: _Emit) -> int:
    """Read the speech after a cue, from line ``i``; return the first line not consumed.

    The inner loop is the hot path of the reader (most lines of a script are dialogue): it
    only looks at the first character of each stripped line.
    """
    lines, nums, ends = src.lines, src.nums, src.ends
    n = len(lines)
    after_paren = False
    while i < n:
        first = i
        buf: list[str] = []
        while i < n:
            line = lines[i]
            s = line.strip()
            if s:
                c = s[0]
                if (c == "(" or c == "~" or c == "=") and _speech_break(s, after_paren and not buf):
                    break
            elif "  " not in line:
                break  # a blank line ends the speech; two spaces keep it together
            buf.append(s)
            i += 1
        if buf:
            emit(Element(_DIALOGUE, "\n".join(buf), nums[first], ends[i - 1]))
            after_paren = False
        if i >= n:
            break
        s = lines[i].strip()
        if not s or s[0] == "=":
            break  # blank line, or a page break that the action pass emits
        if s[0] == "(":
            emit(Element(_PAREN, s[1:-1].strip(), nums[i], ends[i]))
            after_paren = True
            i += 1
        else:
            i = _read_lyrics(src, i, emit)
    return i


def _speech_break(s: str, after_paren: bool) -> bool:
    """Whether a line starting with ``(``, ``~`` or ``=`` interrupts the dialogue text."""
    c = s[0]
    if c == "(":
        # Two parentheticals in a row: the second is dialogue (as both peer suites expect).
        return s[-1] == ")" and not after_paren
    if c == "~":
        return True
    return len(s) > 2 and not s.strip("=")


def _read_lyrics(src: _Source, i: int, emit: _Emit) -> int:
    """Read consecutive ``~`` lines (one stanza) from line ``i``; return the next line."""
    lines = src.lines
    n = len(lines)
    first = i
    buf: list[str] = []
    while i < n:
        line = lines[i]
        s = line.strip()
        if s:
            if s[0] != "~":
                break
            buf.append(s[1:].lstrip())
        elif "  " in line:
            buf.append("")
        else:
            break
        i += 1
    emit(Element(_LYRIC, "\n".join(buf), src.nums[first], src.ends[i - 1], forced=True))
    return i


def _read_start(src: _Source, i: int, emit: _Emit) -> int:
    """Try the constructs that need a blank line before them; return -1 if none matches."""
    lines = src.lines
    line = lines[i]
    s = line.strip()
    c = s[0]
    nxt = i + 1
    if c in "!>~#=":
        return -1  # line-level constructs: the action pass reads them
    if c == ".":
        if len(s) > 1 and s[1] != "." and not s[1].isspace():
            emit(_heading(s[1:].lstrip(), src.nums[i], src.ends[i], True))
            return nxt
        return -1
    if c == "@":
        cue = _split_cue(s[1:].strip())
        if cue is None:
            return -1
        name, extensions, dual = cue
        emit(Element(_CHARACTER, name, src.nums[i], src.ends[i], extensions, dual, forced=True))
        return _read_dialogue(src, nxt, emit)
    if c in "IiEe" and _HEADING_RE.match(s):
        emit(_heading(s, src.nums[i], src.ends[i], False))
        return nxt
    following = lines[nxt] if nxt < len(lines) else ""
    if not following or (not following.strip() and "  " not in following):
        # Trailing spaces after "TO:" make it action, as in Jouvence: the spec asks for a
        # line *ending* in TO:.
        if (s[-1] == ":" and line.endswith("TO:") and s.isupper()) or s in _FADES:
            emit(Element(_TRANSITION, s, src.nums[i], src.ends[i]))
            return nxt
        return -1
    if "(" in s or "^" in s:
        cue = _split_cue(s)
        if cue is None or not _cue_name(cue[0]):
            return -1
        name, extensions, dual = cue
        emit(Element(_CHARACTER, name, src.nums[i], src.ends[i], extensions, dual))
    elif _cue_name(s):
        emit(Element(_CHARACTER, s, src.nums[i], src.ends[i]))
    else:
        return -1
    return _read_dialogue(src, nxt, emit)


def _cue_name(name: str) -> bool:
    """A cue without ``@``: upper case, not starting with a digit (C3PO, not 3CPO)."""
    return name.isupper() and not name[0].isdigit() and name[-1] != ":"


def _read_action(src: _Source, i: int, emit: _Emit) -> int:
    """Read an action paragraph from line ``i`` up to a blank line or a boneyard break.

    Plain lines and centered lines gather into runs; lyrics, sections, synopses, forced
    transitions and page breaks are single-line elements that may sit inside the paragraph.
    """
    lines, nums, ends, breaks = src.lines, src.nums, src.ends, src.breaks
    n = len(lines)
    buf: list[str] = []
    kind: Kind | None = None
    centered = forced = False
    first = i
    start = i

    def flush(last: int) -> None:
        emit(
            Element(
                _ACTION if kind is not _LYRIC else _LYRIC,
                "\n".join(buf),
                nums[first],
                ends[last],
                centered=centered,
                forced=forced or kind is _LYRIC,
            )
        )

    while i < n:
        if breaks and i in breaks and i != start:
            break
        line = lines[i]
        s = line.strip()
        if not s:
            if "  " not in line:
                break
            # Two spaces keep the paragraph together; action keeps its spaces verbatim.
            if not buf:
                kind, centered, forced, first = _ACTION, False, False, i
            buf.append(line if kind is _ACTION and not centered else "")
            i += 1
            continue
        c = s[0]
        if c in "!>~#=":
            single = _line_element(s, nums[i], ends[i])
            if single is not None:
                if buf:
                    flush(i - 1)
                    buf, kind = [], None
                emit(single)
                i += 1
                continue
            # Left: lines that build runs (forced action, a lyric, centered ``>text<``).
            if c == "!":
                text, run, is_centered = line.lstrip()[1:], _ACTION, False
            elif c == "~":
                text, run, is_centered = s[1:].lstrip(), _LYRIC, False
            else:
                text, run, is_centered = s[1:-1], _ACTION, True
            if buf and (kind is not run or centered != is_centered):
                flush(i - 1)
                buf = []
            if not buf:
                kind, centered, forced, first = run, is_centered, c == "!", i
            buf.append(text)
            i += 1
            continue
        if buf and (kind is not _ACTION or centered):
            flush(i - 1)
            buf = []
        if not buf:
            kind, centered, forced, first = _ACTION, False, False, i
        buf.append(line)
        i += 1
    if buf:
        flush(i - 1)
    return i


def _line_element(s: str, line: int, end: int) -> Element | None:
    """Single-line elements that may appear anywhere in an action paragraph."""
    c = s[0]
    if c == "#":
        stripped = s.lstrip("#")
        return Element(_SECTION, stripped.strip(), line, end, level=len(s) - len(stripped))
    if c == "=":
        if len(s) > 2 and not s.strip("="):
            return Element(_PAGE_BREAK, "", line, end)
        return Element(_SYNOPSIS, s[1:].strip(), line, end)
    if c == ">" and not (len(s) > 1 and s[-1] == "<"):
        return Element(_TRANSITION, s[1:].strip(), line, end, forced=True)
    return None


def _read_body(src: _Source, i: int, emit: _Emit) -> None:
    lines = src.lines
    breaks = src.breaks
    n = len(lines)
    at_start = True
    while i < n:
        line = lines[i]
        if not line or not line.strip():
            # Whitespace-only lines between paragraphs are blank, "two spaces" included.
            at_start = True
            i += 1
            continue
        if at_start or (breaks and i in breaks):
            j = _read_start(src, i, emit)
            if j != -1:
                at_start = False
                i = j
                continue
        i = _read_action(src, i, emit)
        at_start = i < n and i in breaks


# --------------------------------------------------------------------------------------------
# Title page


def _read_title(src: _Source, emit: _Emit) -> tuple[int, list[tuple[str, str]]]:
    """Read the title page at the top; return the first body line and the entries."""
    end, entries = _title_entries(src.lines)
    if not entries or (len(entries) == 1 and not entries[0][1]):
        # A lone "CUT TO:" or "FADE IN:" at the top is script, not a title page.
        return 0, []
    out = []
    for key, parts, first, last in entries:
        value = "\n".join(parts)
        out.append((key, value))
        emit(Element(_TITLE, value, src.nums[first], src.ends[last], key=key))
    return end, out


def _title_entries(lines: list[str]) -> tuple[int, list[tuple[str, list[str], int, int]]]:
    """Scan ``Key: value`` lines and their indented continuations from the first line.

    The page ends at a blank line or at the first line that is neither (that line is body).
    """
    entries: list[tuple[str, list[str], int, int]] = []
    i = 0
    for i, line in enumerate(lines):  # i ends as the first body line
        if _is_blank(line):
            break
        if line[0].isspace():
            if not entries:
                break
            key, parts, first, _last = entries[-1]
            value = line.strip()
            if value:
                parts.append(value)
            entries[-1] = (key, parts, first, i)
            continue
        m = _TITLE_KEY_RE.fullmatch(line)
        if m is None or _HEADING_RE.match(line):
            break
        inline = m.group(2).strip()
        entries.append((m.group(1), [inline] if inline else [], i, i))
    else:
        i = len(lines)
    return i, entries


# --------------------------------------------------------------------------------------------
# Placing notes and boneyards back


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


def _anchor(
    layout: list[tuple[int, str]] | None, host: Element, raw: str, row: int, col: int
) -> int:
    """Offset in ``host.text`` of an item removed at column ``col`` of source row ``row``.

    A host's row is its source line minus what the element dropped (indentation, a forcing
    character, a scene number...), so the column is shifted by where the row's text starts in
    the line and clamped to the row.
    """
    if layout is None:
        return len(host.text)
    offset, part = layout[row]
    pos = raw.find(part) if part else 0
    return offset + min(max(col - max(pos, 0), 0), len(part))


def _item_element(item: _Item, anchor: int) -> Element:
    return Element(item.kind, item.text, item.line, item.end_line, anchor=anchor)


def _place_items(src: _Source, elements: list[Element]) -> tuple[list[Element], list[Element]]:
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
        for col, index in line_marks:
            anchor = _anchor(layouts[h], host, src.lines[k], k - first_k, col)
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


# --------------------------------------------------------------------------------------------
# Public API


def _normalise(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _parse(text: str, path: str, diagnostics: list[Diagnostic]) -> Script:
    # A long script becomes hundreds of thousands of small objects; with the cyclic collector
    # running, repeated full collections that can free nothing (the reader builds no cycles)
    # cost about a third of the parse. Pause it and restore the caller's setting.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse_text(text, path, diagnostics)
    finally:
        if collecting:
            gc.enable()


def _parse_text(text: str, path: str, diagnostics: list[Diagnostic]) -> Script:
    text = _normalise(text)
    raw = text.split("\n")
    # Only texts that contain a note or boneyard opener pay for the cutting pass.
    marked = "[[" in text or "/*" in text
    src = _extract(text, raw, path) if marked else _plain_source(raw)
    elements: list[Element] = []
    emit = elements.append
    body, title = _read_title(src, emit)
    _read_body(src, body, emit)
    boneyard: list[Element] = []
    if src.items:
        elements, boneyard = _place_items(src, elements)
    story = tuple(elements)
    return Script(
        path=path,
        elements=story,
        title=tuple(title),
        boneyard=tuple(boneyard),
        diagnostics=tuple(diagnostics + src.diagnostics),
        scenes=split_scenes(story),
    )


def parse_fountain(text: str, path: str = "<string>") -> Script:
    """Parse Fountain text. Never raises: problems become ``Script.diagnostics``."""
    return _parse(text, path, [])


def read_fountain(path: str | os.PathLike[str]) -> Script:
    """Read and parse a Fountain file (UTF-8, BOM optional; UTF-16/32 when it has a BOM)."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except OSError as err:
        raise InputError(f"cannot read Fountain file: {err.strerror or err}", file=name) from err
    text, diagnostics = decode_text(data, name)
    return _parse(text, name, diagnostics)
