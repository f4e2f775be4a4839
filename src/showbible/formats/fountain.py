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
from collections.abc import Callable

from showbible.formats.files import read_file
from showbible.formats.fountain_notes import Source, cut_out, place_items, plain_source
from showbible.formats.text import decode_text
from showbible.model import Diagnostic, Element, Kind, Script, split_scenes
from showbible.quick import rx

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
_PAGE_BREAK = Kind.PAGE_BREAK

_HEADING_RE = rx.compile(r"(?:int\.?/ext|int|ext|est|i/e)[. ]", re.IGNORECASE)
# Scene numbers are alphanumerics, dashes and full stops (``#1#``, ``#A3-1#``, ``#1.#``).
_SCENE_NUMBER_RE = rx.compile(r"#([\w.\-]+)#$")
_EXTENSIONS_RE = rx.compile(r"(?:\([^()]*\)\s*)+")
_EXTENSION_RE = rx.compile(r"\(([^()]*)\)")
# A key starts the line with a word character; indented lines continue the previous value.
_TITLE_KEY_RE = rx.compile(r"(\w[^:]*?)[ \t]*:(.*)")

# Not ``... TO:`` but universally written as transitions; treating them as action would make
# a lone ``FADE IN:`` open a story scene of its own.
_FADES = frozenset({"FADE IN:", "FADE OUT.", "FADE OUT:", "FADE TO BLACK.", "FADE TO BLACK:"})

_Emit = Callable[[Element], None]


def _is_blank(line: str) -> bool:
    """A truly blank line: nothing but whitespace, and not the "two spaces" keep-together line."""
    return not line.strip() and "  " not in line


# --------------------------------------------------------------------------------------------
# Notes and boneyards: cut out before the line pass


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


def _read_dialogue(src: Source, i: int, emit: _Emit) -> int:
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


def _read_lyrics(src: Source, i: int, emit: _Emit) -> int:
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


def _read_start(src: Source, i: int, emit: _Emit) -> int:
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


def _read_action(src: Source, i: int, emit: _Emit) -> int:
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


def _read_body(src: Source, i: int, emit: _Emit) -> None:
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


def _read_title(src: Source, emit: _Emit) -> tuple[int, list[tuple[str, str]]]:
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
    src = cut_out(text, raw, path) if marked else plain_source(raw)
    elements: list[Element] = []
    emit = elements.append
    body, title = _read_title(src, emit)
    _read_body(src, body, emit)
    boneyard: list[Element] = []
    if src.items:
        elements, boneyard = place_items(src, elements)
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
    data = read_file(name, noun="Fountain file")  # refuses FIFOs, devices, oversized files
    text, diagnostics = decode_text(data, name)
    return _parse(text, name, diagnostics)
