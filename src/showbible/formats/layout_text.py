"""A screenplay saved as plain text (``.txt``): the page's layout kept in spaces, as Final Draft's
and Fade In's "save as text", IMSDb and many writers' rooms leave it.

Such a file has no ``NAME: line`` and would be read as an empty transcript; its elements are told
by their indentation, as a PDF's are by their columns (DESIGN §2):

- the action margin is the least indent of the scene headings (of all lines if none);
- a **cue** is a line in capitals (a name, its extensions in brackets) after a blank line,
  with its speech right under it, indented less than the cue and more than the action (or, under
  a cue well past the margin, flush with the action); the lines under it up to the next blank
  line are its speech (a line in brackets, a parenthetical);
- a line in capitals ending in ``TO:`` (or ``FADE OUT.``, ``FADE TO BLACK.``) standing alone is
  a transition; any other line indented past the margin outside a speech is centred text;
- a line at the margin is a heading when it opens like one (``INT.``, ``EXT.``, ``I/E``, ``INT
  -``), its scene numbers kept (``5   INT. CORRIDOR - DAY   5``), otherwise action, however it
  is capitalised;
- what stands before the first heading outside a speech (a title block, ``FADE IN:``) is no
  scene.

The text is rewritten line for line into Fountain with its forcing marks (``@`` a cue, ``!``
action, ``>`` a transition, ``>...<`` centred) and read by the Fountain reader, so notes,
annotations and every element keep their file's line.
"""

from __future__ import annotations

import re

from showbible.quick import rx

_HEADING = rx.compile(r"(?:int\.?/ext|int|ext|i/e)[. -]|est[. ]", re.IGNORECASE)
# A name in capitals and what may follow it in a cue: extensions in brackets, a dual caret.
_CUE = rx.compile(r"[A-Z0-9ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒ][^a-z:]*?(?:\s*\([^()]*\))*\s*\^?")
_LETTER = rx.compile(r"[A-Za-zÀ-ÿ]")
# A scene number before a heading, and after it: "5   INT. CORRIDOR - DAY   5".
_NUMBER = rx.compile(r"(\d+[A-Z]?)\.?\s+")
_NUMBER_AFTER = rx.compile(r"\s+\d+[A-Z]?\.?\s*$")
_TRANSITION = rx.compile(r"[A-Z][A-Z .'-]*(?:TO:|FADE OUT\.?|FADE TO BLACK\.?|THE END\.?)")
# A transcript's speech: "NAME: what they say" at the margin.
_SPEECH = rx.compile(r"^[A-Z][A-Z .'-]{0,30}(?:\([^()]*\))?:\s+\S")
# How far past the margin a cue sits (a cue sits about 20 columns in, dialogue 10, in the
# industry's layout; a wrapped action line never does).
_CUE_INDENT = 8
_MIN_CUES = 3


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _cue(lines: list[str], i: int, margin: int) -> bool:
    """A line in capitals after a blank line, with its speech right under it: indented less
    than the cue and more than the action (the industry's layout, and "Notting Hill"'s cues at
    8 with dialogue at 4), or, under a cue well past the margin, at the margin itself (a
    layout that sets dialogue flush with the action)."""
    s = lines[i].strip()
    if not _CUE.fullmatch(s) or len(s) > 40 or not _LETTER.search(s) or s.startswith("[["):
        return False
    if (i > 0 and lines[i - 1].strip()) or i + 1 >= len(lines) or not lines[i + 1].strip():
        return False
    if _TRANSITION.fullmatch(s) or _heading(s) is not None:
        return False
    cue, speech = _indent(lines[i]), _indent(lines[i + 1])
    return cue > speech > margin or (cue >= margin + _CUE_INDENT and speech >= margin)


def _heading(s: str) -> str | None:
    """A scene heading as Fountain forces one, its scene number kept (``12  INT. BRIDGE  12``
    -> ``.INT. BRIDGE #12#``); None when the line is no heading."""
    number = _NUMBER.match(s)
    text = s[number.end() :] if number else s
    if not _HEADING.match(text):
        return None
    text = _NUMBER_AFTER.sub("", text).rstrip()
    return "." + text + (f" #{number.group(1)}#" if number else "")


def _margin(lines: list[str]) -> int:
    headings = [_indent(x) for x in lines if _heading(x.strip()) is not None]
    indents = headings or [_indent(x) for x in lines if x.strip()]
    return min(indents, default=0)


def to_fountain(text: str) -> str | None:
    """The text rewritten as Fountain, line for line, when it is a screenplay laid out in
    spaces (three cues or more, and more cues than transcript speeches); None otherwise."""
    lines = text.split("\n")
    margin = _margin(lines)
    cues = [i for i in range(len(lines)) if _cue(lines, i, margin)]
    speeches = sum(1 for x in lines if _SPEECH.match(x))
    if len(cues) < _MIN_CUES or len(cues) <= speeches:
        return None
    is_cue = set(cues)
    out: list[str] = []
    speaking = started = False
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            out.append("")
            speaking = False
            continue
        if speaking or s.startswith("[["):
            out.append(s)
        elif i in is_cue:
            out.append("@" + s)
            speaking = True
        elif _indent(line) < margin + _CUE_INDENT and (heading := _heading(s)) is not None:
            out.append(heading)
            started = True
        elif not started:
            out.append("")  # a title block, FADE IN: before the story
        elif _indent(line) >= margin + _CUE_INDENT:
            alone = (i == 0 or not lines[i - 1].strip()) and (
                i + 1 == len(lines) or not lines[i + 1].strip()
            )
            out.append(">" + s if alone and _TRANSITION.fullmatch(s) else ">" + s + "<")
        else:
            # At the margin: action, forced so that a line in capitals is no cue.
            opens = i == 0 or not lines[i - 1].strip()
            out.append("!" + s if opens else s)
    return "\n".join(out)
