"""The script model every reader produces: Script -> Scene -> Element.

Readers parse only; they never resolve names. Every element keeps the 1-based line of its
source file so that every finding downstream can point at a file and a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class Kind(StrEnum):
    """The type of one element of a script."""

    TITLE = "title"  # one title-page entry: ``key`` holds the key, ``text`` the value
    HEADING = "heading"  # a scene heading; starts a new scene
    ACTION = "action"  # action / stage direction
    CHARACTER = "character"  # a cue: ``text`` is the name, ``extensions`` the (V.O.) etc.
    DIALOGUE = "dialogue"
    PARENTHETICAL = "parenthetical"  # text without the surrounding brackets
    TRANSITION = "transition"
    LYRIC = "lyric"
    SECTION = "section"  # ``level`` = number of '#'
    SYNOPSIS = "synopsis"
    NOTE = "note"  # a [[note]]; our annotations live in these
    PAGE_BREAK = "page_break"
    BONEYARD = "boneyard"  # /* ... */: kept out of the story, reported in Script.boneyard


@dataclass(slots=True)
class Element:
    """One element of a script with the lines it spans in its source file (1-based).

    Read-only by convention, not frozen: a frozen dataclass sets each field through
    ``object.__setattr__``, which cost a third of the Fountain reader's time (34 vs 51 MB/s).
    """

    kind: Kind
    text: str
    line: int
    end_line: int = 0  # 0 means "same as line"
    extensions: tuple[str, ...] = ()  # cue extensions without brackets: ("V.O.",), ("CONT'D",)
    dual: bool = False  # second cue of a dual-dialogue pair (``^``)
    scene_number: str | None = None  # ``#12A#`` on a heading
    level: int = 0  # section depth
    centered: bool = False  # ``>text<``
    forced: bool = False  # written with a forcing prefix (``.``, ``!``, ``@``, ``>``, ``~``)
    key: str | None = None  # title-page key
    anchor: int = -1  # NOTE/BONEYARD inside another element: char offset in that element's text
    page: int | None = None  # printed page (PDF); ``line`` is then a PDF_PAGE_LINES-based number

    @property
    def last_line(self) -> int:
        return self.end_line or self.line

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"type": self.kind.value, "text": self.text, "line": self.line}
        if self.end_line and self.end_line != self.line:
            out["end_line"] = self.end_line
        if self.extensions:
            out["extensions"] = list(self.extensions)
        if self.dual:
            out["dual"] = True
        if self.scene_number is not None:
            out["scene_number"] = self.scene_number
        if self.level:
            out["level"] = self.level
        if self.centered:
            out["centered"] = True
        if self.forced:
            out["forced"] = True
        if self.key is not None:
            out["key"] = self.key
        if self.anchor >= 0:
            out["anchor"] = self.anchor
        if self.page is not None:
            out["page"] = self.page
        return out


@dataclass(frozen=True, slots=True)
class Scene:
    """A run of elements from one heading to the next.

    ``number`` is 1-based within its script; 0 is the material before the first heading, which
    only counts as a scene when it holds dialogue or action beyond transitions.
    """

    number: int
    heading: Element | None
    elements: tuple[Element, ...]

    @property
    def line(self) -> int:
        if self.heading is not None:
            return self.heading.line
        return self.elements[0].line if self.elements else 1

    @property
    def end_line(self) -> int:
        last = self.elements[-1] if self.elements else self.heading
        return last.last_line if last is not None else 1


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found while reading input, tied to a file and line."""

    file: str
    line: int
    message: str
    severity: str = "warning"  # "warning" (input still usable) or "error"
    column: int = 0
    # The rule id it is reported under by `check` (rules/input.py); "" = script-syntax.
    code: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True, slots=True)
class Script:
    """One parsed script file."""

    path: str
    elements: tuple[Element, ...]
    title: tuple[tuple[str, str], ...] = ()  # title-page entries in order
    boneyard: tuple[Element, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    scenes: tuple[Scene, ...] = field(default=())

    def title_value(self, key: str) -> str | None:
        want = key.lower()
        for k, v in self.title:
            if k.lower() == want:
                return v
        return None


_STORY_KINDS = frozenset(
    {Kind.ACTION, Kind.CHARACTER, Kind.DIALOGUE, Kind.PARENTHETICAL, Kind.LYRIC}
)


def split_scenes(elements: tuple[Element, ...]) -> tuple[Scene, ...]:
    """Cut an element stream into scenes at each heading.

    Material before the first heading becomes scene 0 only if it holds dialogue or action
    (a title page, sections, notes or a lone ``FADE IN:`` do not make a scene).
    """
    scenes: list[Scene] = []
    heading: Element | None = None
    body: list[Element] = []
    number = 0
    for el in elements:
        if el.kind is Kind.HEADING:
            if heading is not None or any(e.kind in _STORY_KINDS for e in body):
                scenes.append(Scene(number, heading, tuple(body)))
            number += 1
            heading = el
            body = []
        elif el.kind is not Kind.TITLE:
            body.append(el)
    if heading is not None or any(e.kind in _STORY_KINDS for e in body):
        scenes.append(Scene(number, heading, tuple(body)))
    return tuple(scenes)


# The label a first-person book's narrator speaks and is present under (formats/manuscript.py):
# the bible may give it to a character of the series; where it gives it to no one, the
# narrator's lines are heard and no character is made up (reading/extract.py, names_someone).
NARRATOR = "I"

# A PDF element's ``line`` is ``page * PDF_PAGE_LINES + its line on the page``: one number that
# orders the document and carries the page to every finding (a page holds under 100 lines).
PDF_PAGE_LINES = 1000


def pdf_page_line(file: str, line: int) -> tuple[int, int] | None:
    """(page, line on the page) when ``file`` is a PDF and ``line`` carries a page, else None."""
    if line >= PDF_PAGE_LINES and file.lower().endswith(".pdf"):
        page, on_page = divmod(line, PDF_PAGE_LINES)
        return page, on_page
    return None


def place(file: str, line: int) -> str:
    """``file:line`` as findings print it; a PDF's is ``file.pdf:p12:l34``."""
    paged = pdf_page_line(file, line)
    if paged is not None:
        return f"{file}:p{paged[0]}:l{paged[1]}"
    return f"{file}:{line}"


class InputError(Exception):
    """Bad input: carries the file and line so the CLI can print ``file:line: message``."""

    def __init__(self, message: str, file: str | None = None, line: int = 0, column: int = 0):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.file is None:
            return self.message
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


# --- what a check reports ----------------------------------------------------------------------
# Here rather than with the rules: the reports, the store and a client of a running `watch`
# (build/daemon.py) read findings, and that client must not import the engine to do it (a check
# answered by a daemon spent 0.45 of its 0.5 CPU s importing it).


class _Established(Protocol):
    """Where a canon fact was established (reading/events.py's CanonEvent)."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def scene(self) -> str | None: ...
    @property
    def source(self) -> str: ...


class _Scene(Protocol):
    @property
    def file(self) -> str: ...
    @property
    def key(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where the contradicting canon was established."""

    file: str
    line: int
    message: str
    scene: str | None = None
    source: str | None = None  # bible | annotation | inferred | script

    @classmethod
    def of(cls, event: _Established, message: str) -> Evidence:
        """Evidence of a canon event (reading/events.py's CanonEvent)."""
        return cls(event.file, event.line, message, event.scene, event.source)

    @classmethod
    def scene_line(cls, scene: _Scene, line: int, message: str) -> Evidence:
        """Evidence of a line of a scene's script (reading/facts.py's SceneFacts)."""
        return cls(scene.file, line, message, scene.key, "script")

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "scene": self.scene,
            "message": self.message,
            "source": self.source,
        }


@dataclass
class Finding:
    rule: str
    severity: str
    file: str
    line: int
    scene: str
    characters: tuple[str, ...]
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    sealed: bool = False
    seal_reason: str | None = None
    inferred: bool = False  # rests on an inferred fact, not a stated one
    subject: str = ""  # what else tells two findings apart (unknown-character: the label)

    @property
    def key(self) -> tuple[str, str, tuple[str, ...], str]:
        return (self.rule, self.scene, tuple(sorted(self.characters)), self.subject)

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "scene": self.scene,
            "characters": list(self.characters),
            "message": self.message,
            "evidence": [e.to_json() for e in self.evidence],
            "sealed": self.sealed,
            "seal_reason": self.seal_reason,
            "inferred": self.inferred,
        }
