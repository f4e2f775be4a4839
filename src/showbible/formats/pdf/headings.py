"""Scene headings, from the words of a slug line and from the document's own heading layout.

A heading that starts ``INT``/``EXT`` (or carries a scene number) is one whatever the layout.
A *forced* heading has no such words (``OLD CHAPEL ROAD``, ``THE WATER BELOW THE BUOY``): it is
told from a capitals action line (a sound, ``A GUNSHOT.``; a shot, ``ANGLE ON THE DOOR``) by how
this document prints the headings it is sure of:

- the document numbers its scenes: a heading would carry a number, so a line without one is
  not a heading;
- its headings are set apart by more space than its action paragraphs (two blank lines): a
  line without that space is not a heading;
- its headings are bold and its action is not: a bold capitals line alone at the action column
  (not a name it cues, not the last line) is a heading, a plain one is not;
- otherwise the shape of a slug line: one line in capitals at the action column, a blank line
  before and after it, no sentence punctuation at its end, not a camera direction, not a sound
  written out (a word said twice, a letter held), not in quotes or brackets, not opening with
  an article, a pronoun or a camera's movement when the document writes INT/EXT slug lines
  (then it is a shot: ``A DIRTY BLACK PORSCHE``), not
  opening with a name the document cues (a character introduced), and action after it (not
  more capitals, not a speech, not the end of the script).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from showbible.formats.pdf.clean import BodyLine
from showbible.formats.pdf.layout import Columns, cue_like
from showbible.quick import rx

__all__ = ["HEADING_START", "HeadingStyle", "forced_heading", "learn_heading_style"]

HEADING_START = rx.compile(
    r"(?:INT|EXT|EST|I/E|E/I|INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT)(?:\.|\s|/)", re.IGNORECASE
)
# Camera and editing directions printed like a slug line, which scripts keep in the action.
_DIRECTION = rx.compile(
    r"(?:CAMERA|ANGLE|CLOSE|CLOSER|CLOSEUP|CLOSE-UP|WIDE|WIDER|EXTREME|INSERT|POV|REVERSE|BACK TO|"
    r"ON|OVER|UNDER|MONTAGE|SERIES OF|END OF|BEGIN|FLASHBACK|INTERCUT|SUPER|SUPERIMPOSE|"
    r"TITLE|TITLES|CHYRON|CARD|BLACK|DARKNESS|SILENCE|LATER|MOMENTS LATER|CONTINUOUS|"
    r"AERIAL|TRACKING|PAN|PUSH|PULL|ZOOM|DOLLY|CRANE|TWO SHOT|SHOT|ESTABLISHING|"
    r"SPLIT SCREEN|SLOW MOTION|FREEZE|THE END|END|CREDITS|SOUND|MUSIC|V\.?O\.?|O\.?S\.?)\b"
    r"|.*\b(?:POV|SHOT|ANGLE|CLOSE[- ]?UP|INSERT|CONTINUED|CONT'D|CONTINUOUS)\b"
)
# A slug line ends in a word or a bracket, never a sentence's stop, a comma or a dash.
_SENTENCE_END = rx.compile(r"(?:[.!?,;:…]|--|[-–—])[\"'’”)]*\s*$")
_MAX_WORDS = 10
# Quoted (a sign, a title card) or bracketed (``[ACT 1]``, ``[INTERMISSION]``: a note or a
# break in the show) text opens with one of these; a slug line never does.
_QUOTES = ('"', "'", "“", "‘", "«", "[", "(")
_EXTENSIONS = rx.compile(r"\s*\([^()]*\)\s*")
# A sound written out: a word said again at once (``BANG BANG``) or a letter held (``BOOOM``).
_SOUND = rx.compile(r"\b(\w+)\W+\1\b|([A-Z])\2\2")
# What a shot or a sentence opens with, and a place's name does not: something or someone
# introduced (``A DIRTY BLACK PORSCHE``, ``AN OLD MAN``), a pronoun (``SHE PUNCHES HIM``), a
# camera's movement (``PANNING DOWN``, ``MOVING WITH HIM``).
_SUBJECT = rx.compile(r"(?:A|AN|HE|SHE|IT|THEY|WE|I|YOU|HIS|HER|THEIR)\b|[A-Z]+ING\b")


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass(frozen=True, slots=True)
class HeadingStyle:
    """How this document prints the headings it is sure of (the ``INT``/``EXT`` ones)."""

    numbered: bool  # nearly every sure heading has a scene number
    bold: bool  # sure headings are bold and action lines are not
    # The blank space above nearly every sure heading, in line pitches, when it is wider than
    # above action paragraphs (Final Draft's two blank lines before a slug line); else 0.
    gap: float = 0.0
    # It writes slug lines with INT/EXT (two or more): then a capitals line opening with an
    # article or a pronoun is a shot or a sentence; a script without any (an animation titling
    # its scenes, ``A RUDE AWAKENING``) names scenes so.
    slugs: bool = False
    # The names this document cues (a short line at its cue column above dialogue): a capitals
    # line naming one (``ELSIE``, ``ELSIE VOSS, 30S``) introduces a character, not a place.
    names: frozenset[str] = frozenset()


def _cue_names(lines: list[BodyLine], cols: Columns, pitch: float) -> frozenset[str]:
    names: set[str] = set()
    for a, b in pairwise(lines):
        if (
            cols.at(a.x0, cols.cue)
            and a.page == b.page
            and 0 < b.y - a.y <= 1.45 * pitch
            and cols.action + cols.tolerance < b.x0 < a.x0 - cols.tolerance
            and cue_like(a.text)
        ):
            name = _EXTENSIONS.sub(" ", a.text).removesuffix("^").strip()
            if name:
                names.add(" ".join(name.split()))
    return frozenset(names)


def _names_someone(text: str, names: frozenset[str]) -> bool:
    """Whether the line is a name the document cues, alone or with a surname (``ELSIE``,
    ``ELSIE VOSS, 30S``, ``HANK MOODY`` for a cued ``HANK``; not ``EMMA AND JACK'S MESSAGE``)."""
    words = " ".join(re.split(r"[,(]", _EXTENSIONS.sub(" ", text), maxsplit=1)[0].split())
    return any(
        words == n or (words.startswith(n + " ") and " " not in words[len(n) + 1 :]) for n in names
    )


def _gaps_above(
    lines: list[BodyLine], cols: Columns, pitch: float
) -> tuple[Counter[float], Counter[float]]:
    """The space above each sure heading and above each action paragraph at the action column
    (after a blank line, on the same page), in line pitches to a tenth."""
    headings: Counter[float] = Counter()
    action: Counter[float] = Counter()
    for a, b in pairwise(lines):
        if a.page != b.page or b.x0 > cols.action + cols.tolerance:
            continue
        gap = round((b.y - a.y) / pitch, 1)
        if HEADING_START.match(b.text.strip()):
            headings[gap] += 1
        elif gap > 1.45 and not _caps(b.text):
            action[gap] += 1
    return headings, action


def _heading_gap(lines: list[BodyLine], cols: Columns, pitch: float) -> float:
    headings, action = _gaps_above(lines, cols, pitch)
    if not headings or not action:
        return 0.0
    gap, n = headings.most_common(1)[0]
    usual = action.most_common(1)[0][0]
    # Of the sure headings with a line above them on their page (not a page's first line).
    return gap if n >= 0.8 * sum(headings.values()) and gap >= usual + 0.6 else 0.0


def learn_heading_style(lines: list[BodyLine], cols: Columns, pitch: float) -> HeadingStyle:
    names = _cue_names(lines, cols, pitch)
    sure = [
        ln
        for ln in lines
        if ln.x0 <= cols.action + cols.tolerance and HEADING_START.match(ln.text.strip())
    ]
    if len(sure) < 2:
        return HeadingStyle(numbered=False, bold=False, names=names)
    gap = _heading_gap(lines, cols, pitch)
    numbered = sum(1 for ln in sure if ln.scene_number) >= 0.8 * len(sure)
    # Plain action (prose, not capitals: the capitals lines are what the style must decide).
    others = [
        ln
        for ln in lines
        if ln.x0 <= cols.action + cols.tolerance
        and not HEADING_START.match(ln.text.strip())
        and not _caps(ln.text)
    ]
    bold_action = sum(1 for ln in others if ln.bold) / len(others) if others else 0.0
    bold = sum(1 for ln in sure if ln.bold) >= 0.8 * len(sure) and bold_action <= 0.1
    return HeadingStyle(numbered=numbered, bold=bold, gap=gap, slugs=True, names=names)


def forced_heading(
    line: BodyLine,
    nxt: BodyLine | None,
    style: HeadingStyle,
    cols: Columns,
    pitch: float,
    above: BodyLine | None = None,
) -> bool:
    """Whether a line starting an element at the action column, after a blank line or a page
    break, is a heading without ``INT``/``EXT``."""
    text = line.text.strip()
    if (
        style.numbered
        or not _caps(text)
        or len(text.split()) > _MAX_WORDS
        or text.startswith(_QUOTES)
        or _names_someone(text, style.names)
    ):
        return False
    if nxt is not None and nxt.page == line.page and nxt.y - line.y <= 1.45 * pitch:
        return False  # a line of a longer paragraph, not a slug line on its own
    if nxt is None:
        return False  # the end of the script (THE END), not a place
    if (
        style.gap
        and above is not None
        and above.page == line.page
        and abs((line.y - above.y) / pitch - style.gap) > 0.3
    ):
        return False  # the document sets its headings apart by their space; this has not it
    if style.bold:
        return line.bold
    if (
        _SENTENCE_END.search(text)
        or _DIRECTION.match(text)
        or _SOUND.search(text)
        or (style.slugs and _SUBJECT.match(text))
    ):
        return False
    # Action follows: a line at the action column, not in capitals (a list of sounds or
    # shots), and not a speech (a capitals line over a speech is a name or a sound).
    return nxt.x0 <= cols.action + cols.tolerance and not _caps(nxt.text)
