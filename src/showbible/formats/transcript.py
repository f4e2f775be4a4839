"""A reader for plain-text transcripts (``.txt``): ``NAME: line`` speeches, scene breaks, and
stage directions in brackets. A ``.txt`` that is a screenplay laid out in spaces (cues indented,
no ``NAME: line``) is read by ``layout_text.py`` instead.

What maps to what (see ``docs/formats.md``):

- ``NAME: line`` (``NAME (V.O.): line`` for extensions) -> CHARACTER + DIALOGUE. Lines that
  follow a speech without a blank line continue it. ``NAME:`` alone opens a speech whose text is
  on the following lines. A nickname in quotation marks is no part of the name (``"Eyeball":
  line`` is cued ``Eyeball``).
- ``[Scene: Central Perk. Ross and Joey are there.]`` -> HEADING ``Central Perk`` and, when the
  description goes on after the first ``.`` or ``,``, an ACTION with the rest (so the people it
  names are present, as an action line after a heading would make them); a tag that opens as a
  screenplay heading (``[Scene: INT. STUDIO - NIGHT]``) is cut after its ``INT.``.
- a heading line: ``INT. ...`` / ``EXT. ...``, ``SCENE ...``, or a short line in capitals or
  in Title Case standing alone between blank lines -> HEADING; ``ACT ...`` -> SECTION;
  ``... TO:``, ``FADE OUT.``, ``THE END`` -> TRANSITION.
- a line that is wholly ``[...]`` or ``(...)`` -> ACTION (brackets removed); it may run over
  several lines until its closing bracket.
- inside a speech, ``(...)`` -> PARENTHETICAL and ``[...]`` -> ACTION; when the speech goes on
  after an ACTION it is cued again as ``NAME (CONT'D)`` (as in a screenplay).
- ``[[verb: args]]`` anywhere, and ``[verb: args]`` for an annotation verb (``[dies: TOBIAS]``)
  -> NOTE, so the annotations of DESIGN §2 work in transcripts.
- any other text -> ACTION.
- ``Title:``, ``Episode:``, ``Written by:`` ... lines at the very top -> the title page.

The reader never raises anything but :class:`~showbible.model.InputError` (only when the file
cannot be read); every problem in the text becomes a diagnostic.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, replace

from showbible.formats.files import read_file
from showbible.formats.fountain import parse_fountain
from showbible.formats.layout_text import to_fountain
from showbible.formats.text import decode_text, normalise_newlines
from showbible.model import Diagnostic, Element, Kind, Script, split_scenes
from showbible.quick import rx
from showbible.reading.annotations import VERBS

__all__ = [
    "cut_notes",
    "decode_text",
    "parse_transcript",
    "read_transcript",
    "split_cue",
]

# --------------------------------------------------------------------------------------------
# Helpers shared by the other readers


_EXTENSIONS_RE = rx.compile(r"(?:\s*\([^()]*\))+\s*$")
_EXTENSION_RE = rx.compile(r"\(([^()]*)\)")


def split_cue(text: str) -> tuple[str, tuple[str, ...]]:
    """Split a cue into its name and extensions: ``JIM (O.S.) (CONT'D)`` -> ``JIM``,
    ``("O.S.", "CONT'D")``. A cue that is nothing but brackets keeps its text as the name."""
    s = " ".join(text.split())
    m = _EXTENSIONS_RE.search(s)
    if m is None or m.start() == 0:
        return s, ()
    extensions = tuple(e.strip() for e in _EXTENSION_RE.findall(m.group(0)) if e.strip())
    return s[: m.start()].rstrip(), extensions


@dataclass(frozen=True, slots=True)
class Note:
    """A ``[[note]]`` cut out of a text: its content, where it stood in the cleaned text, and
    how many newlines of the original text precede it (to give it its own line)."""

    text: str
    offset: int
    newlines: int


def cut_notes(text: str) -> tuple[str, list[Note]]:
    """Remove ``[[...]]`` notes from a text. An unclosed ``[[`` is left as text."""
    if "[[" not in text:
        return text, []
    out: list[str] = []
    notes: list[Note] = []
    pos = 0
    length = 0
    newlines = 0  # counted forward, not from the start for every note (quadratic)
    while True:
        start = text.find("[[", pos)
        if start == -1:
            break
        close = text.find("]]", start + 2)
        if close == -1:
            break
        piece = text[pos:start]
        out.append(piece)
        length += len(piece)
        newlines += piece.count("\n")
        notes.append(Note(text[start + 2 : close].strip(), length, newlines))
        newlines += text.count("\n", start, close + 2)
        pos = close + 2
    out.append(text[pos:])
    return "".join(out), notes


def note_elements(host: Element | None, notes: list[Note], line: int) -> list[Element]:
    """NOTE elements for notes cut from a text that starts at ``line``; ``host`` is the element
    that kept the rest of the text (None when nothing else was left: standalone notes)."""
    out = []
    for note in notes:
        anchor = min(note.offset, len(host.text)) if host is not None else -1
        out.append(Element(Kind.NOTE, note.text, line + note.newlines, anchor=anchor))
    return out


# --------------------------------------------------------------------------------------------
# Line classification

_HEADING_RE = rx.compile(
    r"(?:int\.?/ext|ext\.?/int|int|ext|est|i/e)[. ]\s*\S", re.IGNORECASE
)  # ``INT. KITCHEN``
_SCENE_WORD_RE = rx.compile(
    r"(?:scene|cold open|teaser|prologue|epilogue|tag|opening credits|closing credits)\b",
    re.IGNORECASE,
)
_ACT_RE = rx.compile(r"act\s+(?:\w+)\s*[.:]?\s*$|(?:end of act)\b", re.IGNORECASE)
_TRANSITIONS = frozenset(
    {
        "FADE IN:", "FADE IN.", "FADE OUT.", "FADE OUT:", "FADE OUT", "FADE TO BLACK.",
        "FADE TO BLACK", "THE END", "THE END.", "END", "END CREDITS", "CUT TO BLACK.",
        "SMASH CUT:", "MATCH CUT:", "JUMP CUT:", "TIME CUT:", "INTERCUT:", "FLASHBACK:",
        "BLACKOUT.", "BLACKOUT", "CURTAIN", "CURTAIN.",
    }
)  # fmt: skip
# ``NAME: text``; the name may hold titles and initials (``Dr. Chen``, ``Mrs. Geller``), an
# apostrophe (``Phoebe's Assistant``), ``#2``, ``&`` and extensions in brackets.
_SPEECH_RE = rx.compile(
    r"(?P<name>[^\W\d_][\w.'’\-&#]*(?:[ \t]+[\w.'’\-&#]+){0,4}?)"
    r"(?P<ext>(?:[ \t]*\([^()\n]*\))*)"
    r"[ \t]*:(?:[ \t]+(?P<text>.*)|[ \t]*)$"
)
# Keys that look like ``NAME:`` but are not speakers.
_NOT_SPEAKERS = frozenset(
    {
        "scene", "note", "notes", "written by", "transcribed by", "teleplay by", "story by",
        "directed by", "title", "setting", "time", "place", "episode", "season", "source",
        "credit", "credits", "author", "date", "draft date", "contact", "copyright", "http",
        "https", "location", "summary", "synopsis", "cast", "previously", "act",
    }
)  # fmt: skip
_TITLE_KEYS = frozenset(
    {
        "title", "episode", "season", "series", "written by", "transcribed by", "teleplay by",
        "story by", "directed by", "author", "source", "credit", "date", "draft date",
        "copyright", "contact", "notes", "note", "airdate", "air date",
    }
)  # fmt: skip
# A nickname in quotation marks as (part of) a cue: ``"Eyeball": ...``, ``"Giant" Ruby: ...``.
# The quotes are no part of the name; a quoted phrase with sentence punctuation is a line.
_QUOTED_CUE_RE = rx.compile(r'^["\u201c]([^"\u201c\u201d:.,!?\n]{1,40})["\u201d]')
_TITLE_LINE_RE = rx.compile(r"([A-Za-z][A-Za-z ]{0,20}?)[ \t]*:[ \t]*(.*)$")
_TAG_CUT = rx.compile(r"[.,;]\s+|\.$")  # where a scene tag's place ends and its description begins
_SCENE_TAG_RE = rx.compile(r"[\[(]\s*scene\s*:\s*(?P<body>.*?)\s*[\])]\s*$", re.IGNORECASE | re.S)
_SMALL_WORDS = frozenset(
    {"of", "the", "and", "in", "at", "on", "a", "an", "to", "by", "for", "with", "de", "la"}
)
_OPEN = {"[": "]", "(": ")"}
_OPENING = rx.compile(r"[\[(]")
_BRACKET_RE = rx.compile(r"[\[\]()]")
# A bracketed direction over more lines or characters than these is not one: read as text.
_SPAN_LINES = 40
_SPAN_CHARS = 4000


def _is_blank(line: str) -> bool:
    return not line.strip()


def _speech(line: str) -> tuple[str, tuple[str, ...], str] | None:
    """(name, extensions, text) of a ``NAME: text`` line, or None."""
    s = line.strip()
    if ":" not in s:
        return None
    quoted = _QUOTED_CUE_RE.match(s)
    if quoted is not None:
        s = quoted.group(1) + s[quoted.end() :]
    m = _SPEECH_RE.match(s)
    if m is None or "://" in s[: m.end("name") + 3]:
        return None
    name = _speaker(m.group("name"))
    if name is None:
        return None
    ext = m.group("ext")
    extensions = tuple(e.strip() for e in _EXTENSION_RE.findall(ext) if e.strip()) if ext else ()
    return name, extensions, (m.group("text") or "").strip()


@functools.lru_cache(maxsize=4096)
def _speaker(raw: str) -> str | None:
    """The name before a colon, stripped, if it can be a speaker's. Cached: a transcript names
    few speakers in thousands of lines, and these tests were a third of reading a line."""
    name = raw.strip()
    if name.lower() in _NOT_SPEAKERS:
        return None
    if name.lower() in _SMALL_WORDS or _names_a_transition(name):
        return None  # "CUT TO: Monica's apartment.", a typo's "The: Flight Attendant: ..."
    if not name[0].isupper():
        return None
    words = name.split()
    # Every word of a name is capitalised, or a joining word ("Man in Black"), or an initial,
    # or a walk-on's number after a word ("Intern 2", "Guard #1"), but not a part of the
    # script ("Part 2", "Day 3").
    if any(
        not (w[0].isupper() or w.lower() in _SMALL_WORDS or w[0] == "#" or (k and w.isdigit()))
        for k, w in enumerate(words)
    ):
        return None
    if words[-1].isdigit() and words[0].lower() in _NUMBERED_PARTS:
        return None
    return name


_NUMBERED_PARTS = frozenset(
    {
        "part", "chapter", "page", "day", "night", "week", "take", "reel", "disc", "track",
        "volume", "book", "round", "level", "stage", "step", "act", "scene", "episode",
        "season", "series", "chorus", "verse",
    }
)  # fmt: skip


def _looks_like_heading(s: str, isolated: bool) -> bool:
    """A scene heading: ``INT./EXT.``, ``SCENE ...`` always; otherwise a short line in capitals
    or Title Case that stands alone between blank lines."""
    if _HEADING_RE.match(s):
        return True
    if _SCENE_WORD_RE.match(s) and len(s.split()) <= 12:
        return True
    if not isolated or len(s) > 80 or len(s.split()) > 10:
        return False
    if s[-1] in ".!?,;:\"'”’" and not s.endswith(("INT.", "EXT.")):
        return False
    if not any(c.isalpha() for c in s):
        return False
    if s.isupper():
        return True
    words = [w for w in re.split(r"[\s\-–—/]+", s) if w]
    return all(
        (w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS or not w[0].isalpha())
        for w in words
    )


def _is_transition(s: str) -> bool:
    # Every transition is in capitals: most lines are not, and fail at the first test.
    return s.isupper() and (s.endswith("TO:") or s in _TRANSITIONS)


def _names_a_transition(name: str) -> bool:
    """Whether the words before a speech's colon are a transition ("CUT TO", "DISSOLVE TO",
    "SMASH CUT"), not a speaker: "TO" must be a word of its own, since names end in it too
    (Otto, Roberto, Sato)."""
    up = name.upper()
    words = up.split()
    return (len(words) > 1 and words[-1] == "TO") or up + ":" in _TRANSITIONS


def _closing(s: str) -> int:
    """Index of the bracket that closes the one opening ``s``, or -1."""
    depth = 0
    for k, c in enumerate(s):
        if c == s[0]:
            depth += 1
        elif c == _OPEN[s[0]]:
            depth -= 1
            if depth == 0:
                return k
    return -1


def _annotation_bracket(body: str) -> bool:
    """``[dies: TOBIAS]``: a bracketed direction that is an annotation."""
    m = re.match(r"\s*([A-Za-z][A-Za-z_-]*)\s*:", body)
    return m is not None and m.group(1).lower() in VERBS


# --------------------------------------------------------------------------------------------
# The reader


class _Reader:
    def __init__(self, text: str, path: str, diagnostics: list[Diagnostic]) -> None:
        self.lines = text.split("\n")
        self.path = path
        self.diagnostics = diagnostics
        self.out: list[Element] = []
        self.title: list[tuple[str, str]] = []
        # line index -> (line, column) where the bracket opening it closes, or None
        self.matched: dict[int, tuple[int, int] | None] = {}

    # -- emit helpers --------------------------------------------------------------------

    def emit_text(self, kind: Kind, text: str, line: int, **extra: object) -> None:
        """Emit an element of ``kind`` for ``text`` (starting at ``line``), with its notes."""
        clean, notes = cut_notes(text)
        stripped = clean.strip()
        host: Element | None = None
        if stripped:
            skip = len(clean) - len(clean.lstrip())
            start = line + clean.count("\n", 0, skip) if skip else line
            host = Element(kind, stripped, start, start + stripped.count("\n"), **extra)  # type: ignore[arg-type]
            self.out.append(host)
            if notes:
                notes = [Note(n.text, max(0, n.offset - skip), n.newlines) for n in notes]
        if notes:
            self.out.extend(note_elements(host, notes, line))

    def action(self, body: str, line: int) -> None:
        body = body.strip()
        if body.startswith("[[") and body.endswith("]]"):
            self.emit_text(Kind.ACTION, body, line)  # a lone note
        elif _annotation_bracket(body):
            self.out.append(Element(Kind.NOTE, " ".join(body.split()), line))
        else:
            self.emit_text(Kind.ACTION, body, line)

    # -- passes --------------------------------------------------------------------------

    def read(self) -> None:
        i = self.read_title()
        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            s = line.strip()
            if not s:
                i += 1
                continue
            i = self.read_paragraph_line(i, s)

    def read_title(self) -> int:
        i = 0
        n = len(self.lines)
        while i < n and _is_blank(self.lines[i]):
            i += 1
        entries: list[tuple[str, str, int]] = []
        while i < n and not _is_blank(self.lines[i]):
            m = _TITLE_LINE_RE.match(self.lines[i].strip())
            if m is None or m.group(1).strip().lower() not in _TITLE_KEYS:
                break
            entries.append((m.group(1).strip(), m.group(2).strip(), i + 1))
            i += 1
        if not entries or (i < n and not _is_blank(self.lines[i])):
            return 0  # not a title block: the top lines are the transcript itself
        for key, value, line in entries:
            self.title.append((key, value))
            self.out.append(Element(Kind.TITLE, value, line, key=key))
        return i

    def read_paragraph_line(self, i: int, s: str) -> int:
        lines = self.lines
        n = len(lines)
        line_no = i + 1
        # [Scene: ...]
        if s[0] in "[(" and not s.startswith("[["):
            end, body, closed = self.bracket(i)
            full = "\n".join(lines[i : end + 1]).strip()
            m = _SCENE_TAG_RE.match(full)
            if m is not None:
                # "[Scene: Chandler's Office, ...)": a scene all the same, whatever closes it.
                self.scene_tag(m.group("body"), line_no)
                return end + 1
            if closed:
                self.action(body, line_no)
                return end + 1
            close = _closing(s)
            if close == -1 and end == i:
                self.diagnostics.append(
                    Diagnostic(self.path, line_no, f"unclosed {s[0]!r}: read as text")
                )
            if close != -1:
                # ``[Sits] MARA: Hi``: the direction, then the rest of the line on its own.
                self.action(s[1:close], line_no)
                rest = s[close + 1 :].strip()
                speech = _speech(rest) if rest else None
                if speech is not None:
                    return self.read_speech(i, speech)
                if rest:
                    self.emit_text(Kind.ACTION, rest, line_no)
                return i + 1
        if _is_transition(s):
            self.emit_text(Kind.TRANSITION, s, line_no)
            return i + 1
        speech = _speech(s)
        if speech is not None:
            return self.read_speech(i, speech)
        prev_blank = i == 0 or _is_blank(lines[i - 1])
        next_blank = i + 1 >= n or _is_blank(lines[i + 1])
        if _ACT_RE.match(s) and s.split()[0].isupper() and prev_blank:
            self.emit_text(Kind.SECTION, s, line_no, level=1)
            return i + 1
        if prev_blank and _looks_like_heading(s, next_blank):
            self.emit_text(Kind.HEADING, s, line_no)
            return i + 1
        # Plain text: an action paragraph up to a blank line or a line of another kind.
        first = i
        i += 1
        while i < n:
            t = lines[i].strip()
            if not t or t[0] in "[(" or _speech(t) is not None:
                break
            i += 1
        self.emit_text(Kind.ACTION, "\n".join(x.strip() for x in lines[first:i]), line_no)
        return i

    def bracket(self, i: int) -> tuple[int, str, bool]:
        """The bracketed direction opening at line ``i``: (last line index, body, closed).

        Closed means the bracket closes at the end of a line (so the whole line(s) are a
        direction); it may span up to ``_SPAN_LINES`` lines and ``_SPAN_CHARS`` characters,
        never a blank line. The matches of a paragraph are found once, for all its lines:
        looking ahead from every unclosed ``[`` made 20,000 of them take over a minute.
        """
        lines = self.lines
        if i not in self.matched:
            self.match_paragraph(i)
        found = self.matched[i]
        if found is not None:
            j, k = found
            t = lines[j].strip()
            short = j - i < _SPAN_LINES
            if short and (j == i or sum(len(lines[x]) + 1 for x in range(i, j + 1)) <= _SPAN_CHARS):
                if k == len(t) - 1:
                    text = "\n".join(lines[x].strip() for x in range(i, j + 1))
                    return j, text[1:-1], True
                return j, "", False
        return i, "", False

    def match_paragraph(self, i: int) -> None:
        """Match the brackets of the paragraph from line ``i`` to the next blank line, ``[]``
        and ``()`` apart, and record, for each line that opens with one, where it closes
        (line, column in the stripped line) or None. What closes a bracket depends only on
        what follows it, so a later line of the same paragraph reads the same record."""
        lines = self.lines
        stacks: dict[str, list[int]] = {"[": [], "(": []}
        pairs = {"]": "[", ")": "("}
        j = i
        while j < len(lines):
            t = lines[j].strip()
            if j > i and not t:
                break
            if t and t[0] in "[(":
                self.matched[j] = None
            for m in _BRACKET_RE.finditer(t):
                c = m.group()
                if c in stacks:
                    stacks[c].append(j if m.start() == 0 else -1)
                elif stacks[pairs[c]]:
                    opener = stacks[pairs[c]].pop()
                    if opener != -1:
                        self.matched[opener] = (j, m.start())
            j += 1

    def scene_tag(self, body: str, line: int) -> None:
        body = " ".join(body.split())
        # "[Scene: INT. RADIO LIBERTAD - STUDIO - NIGHT]": a screenplay's heading in the tag,
        # whose "INT." ends no description; the cut is looked for after it.
        prefix = _HEADING_RE.match(body)
        start = prefix.end() - 1 if prefix is not None else 0
        m = _TAG_CUT.search(body, start)
        if m is None:
            heading, rest = body, ""
        else:
            heading, rest = body[: m.start()], body[m.end() :]
        self.emit_text(Kind.HEADING, heading or "Scene", line)
        if rest.strip():
            self.emit_text(Kind.ACTION, rest, line)

    def read_speech(self, i: int, speech: tuple[str, tuple[str, ...], str]) -> int:
        name, extensions, text = speech
        lines = self.lines
        n = len(lines)
        cue = Element(Kind.CHARACTER, name, i + 1, extensions=extensions)
        self.out.append(cue)
        # Gather the speech's lines: the text after the colon, then the lines that follow it
        # up to a blank line, another speech or a bracketed line of its own.
        parts: list[tuple[str, int]] = [(text, i + 1)] if text else []
        j = i + 1
        while j < n:
            t = lines[j].strip()
            if not t or _speech(t) is not None or _is_transition(t):
                break
            if t[0] in "[(" and not t.startswith("[["):
                break
            parts.append((t, j + 1))
            j += 1
        self.speech_body(cue, parts)
        return j

    def speech_body(self, cue: Element, parts: list[tuple[str, int]]) -> None:
        """Cut a speech's lines into DIALOGUE, PARENTHETICAL (``(...)``), ACTION (``[...]``)
        and NOTE elements. Consecutive dialogue lines form one DIALOGUE element."""
        if all("[" not in text and "(" not in text for text, _line in parts):
            # No bracket: one DIALOGUE element of every line (most speeches), as below.
            if parts:
                self.emit_text(Kind.DIALOGUE, "\n".join(t for t, _ in parts), parts[0][1])
            return
        pending: list[str] = []
        pending_line = 0
        needs_cue = False

        def flush() -> None:
            nonlocal pending, needs_cue
            if pending:
                if needs_cue:
                    self.out.append(
                        Element(
                            Kind.CHARACTER,
                            cue.text,
                            pending_line,
                            extensions=(*cue.extensions, "CONT'D"),
                        )
                    )
                    needs_cue = False
                self.emit_text(Kind.DIALOGUE, "\n".join(pending), pending_line)
                pending = []

        for text, line in parts:
            for kind, piece in _speech_pieces(text):
                if kind is Kind.DIALOGUE:
                    if not pending:
                        pending_line = line
                    elif pending_line + len(pending) != line:
                        # A piece of the same line after a bracket: keep the lines mapped.
                        flush()
                        pending_line = line
                    pending.append(piece)
                    continue
                flush()
                if kind is Kind.PARENTHETICAL:
                    self.emit_text(Kind.PARENTHETICAL, piece, line)
                elif kind is Kind.NOTE:
                    self.out.append(Element(Kind.NOTE, piece, line))
                else:
                    self.action(piece, line)
                    needs_cue = True
        flush()


def _speech_pieces(text: str) -> list[tuple[Kind, str]]:
    """Split one line of a speech at its bracketed parts (``[[notes]]`` stay in the text:
    ``emit_text`` cuts them out with their offsets)."""
    out: list[tuple[Kind, str]] = []
    start = 0
    i = 0
    # From one opening bracket to the next: stepping through every character in Python was
    # about a third of reading the transcripts of Friends + The Office (0.47 -> 0.13 CPU s).
    while (found := _OPENING.search(text, i)) is not None:
        i = found.start()
        c = text[i]
        if c == "[" and text.startswith("[[", i):
            close = text.find("]]", i + 2)
            if close == -1:
                break
            i = close + 2
            continue
        close = text.find(_OPEN[c], i + 1)
        if close == -1:
            break
        before = text[start:i].strip()
        if before:
            out.append((Kind.DIALOGUE, before))
        body = text[i + 1 : close].strip()
        if body:
            if c == "(":
                out.append((Kind.PARENTHETICAL, body))
            elif _annotation_bracket(body):
                out.append((Kind.NOTE, " ".join(body.split())))
            else:
                out.append((Kind.ACTION, body))
        i = start = close + 1
    rest = text[start:].strip()
    if rest:
        out.append((Kind.DIALOGUE, rest))
    return out


def parse_transcript(text: str, path: str = "<string>") -> Script:
    """Parse transcript text (or a screenplay laid out in spaces, ``layout_text.py``). Never
    raises: problems become ``Script.diagnostics``."""
    return _parse_any(normalise_newlines(text.removeprefix("\ufeff")), path, [])


def _parse_any(text: str, path: str, diagnostics: list[Diagnostic]) -> Script:
    fountain = to_fountain(text)
    if fountain is not None:  # a screenplay laid out in spaces, not a transcript
        read = parse_fountain(fountain, path)
        return replace(read, diagnostics=(*diagnostics, *read.diagnostics))
    return _parse(text, path, diagnostics)


def _parse(text: str, path: str, diagnostics: list[Diagnostic]) -> Script:
    reader = _Reader(text, path, diagnostics)
    reader.read()
    elements = tuple(reader.out)
    return Script(
        path=path,
        elements=elements,
        title=tuple(reader.title),
        diagnostics=tuple(diagnostics),
        scenes=split_scenes(elements),
    )


def read_transcript(path: str | os.PathLike[str]) -> Script:
    """Read and parse a transcript file (UTF-8, BOM optional; UTF-16/32 with a BOM)."""
    name = os.fspath(path)
    data = read_file(name, noun="transcript")  # refuses FIFOs, devices, oversized files
    text, diagnostics = decode_text(data, name)
    script = _parse_any(text, name, diagnostics)
    if text.strip() and not any(e.kind is Kind.CHARACTER for e in script.elements):
        # A stray notes file matched by a series' glob: its names are not presence.
        message = (
            "not a transcript: no line of the form `NAME: what they say` (nor a screenplay's "
            "cues indented in spaces); read as an empty episode (leave it out of the series' "
            "scripts glob, or write the speeches as NAME: line)"
        )
        return Script(
            path=name,
            elements=(),
            diagnostics=(*diagnostics, Diagnostic(name, 1, message, code="unreadable-file")),
        )
    return script
