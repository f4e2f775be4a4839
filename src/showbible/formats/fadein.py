"""A reader for Fade In documents (``.fadein``): a zip holding ``document.xml`` in Open
Screenplay Format (OSF).

The zip is opened by ``formats.zips`` (paths outside the archive and bombs refused) and the XML
by the hardened loader the Final Draft reader uses (no DTDs, no entities, no network, no huge
trees). Each ``<para>`` of ``<paragraphs>`` becomes one element by its style's ``basestyle``
(a custom style by the base style it names): Scene Heading, Action, Character, Parenthetical,
Dialogue, Transition, Shot, Lyrics; the text is every ``<text>`` run of it. The title page's
paragraphs fill ``Script.title`` as in FDX. Lines are those of ``document.xml``.
"""

from __future__ import annotations

import os
import re

from showbible.formats.fdx import XmlElement, element_line, load_xml, localname
from showbible.formats.files import read_file
from showbible.formats.transcript import cut_notes, note_elements, split_cue
from showbible.formats.zips import open_zip
from showbible.model import Diagnostic, Element, InputError, Kind, Script, split_scenes

__all__ = ["parse_fadein", "parse_osf", "read_fadein"]

_KINDS: dict[str, Kind] = {
    "scene heading": Kind.HEADING,
    "action": Kind.ACTION,
    "normal text": Kind.ACTION,
    "general": Kind.ACTION,
    "shot": Kind.ACTION,
    "character": Kind.CHARACTER,
    "parenthetical": Kind.PARENTHETICAL,
    "dialogue": Kind.DIALOGUE,
    "transition": Kind.TRANSITION,
    "lyrics": Kind.LYRIC,
    "lyric": Kind.LYRIC,
    "act break": Kind.SECTION,
    "new act": Kind.SECTION,
    "end of act": Kind.SECTION,
}
_FADES = frozenset({"FADE IN:", "FADE OUT.", "FADE OUT:", "FADE TO BLACK.", "FADE TO BLACK:"})
_CREDIT = re.compile(r"(?:written|screenplay|teleplay|story)\s+by:?", re.IGNORECASE)


def _children(el: XmlElement, name: str) -> list[XmlElement]:
    return [c for c in el if localname(c) == name]


def _child(el: XmlElement, name: str) -> XmlElement | None:
    found = _children(el, name)
    return found[0] if found else None


class _OsfReader:
    def __init__(self, root: XmlElement, path: str) -> None:
        self.path = path
        self.out: list[Element] = []
        self.diagnostics: list[Diagnostic] = []
        self.unknown: set[str] = set()
        self.bases: dict[str, str] = {}
        styles = _child(root, "styles")
        for style in _children(styles, "style") if styles is not None else []:
            name = (style.get("name") or "").strip().lower()
            if name:
                self.bases[name] = (style.get("basestyle") or name).strip().lower()

    def style_of(self, para: XmlElement) -> str:
        style = _child(para, "style")
        if style is None:
            return "action"
        base = (style.get("basestyle") or "").strip().lower()
        name = (style.get("name") or "").strip().lower()
        seen = 0
        # A custom style names its base; follow the chain to a built-in one.
        while base not in _KINDS and base in self.bases and seen < 10:
            base, seen = self.bases[base], seen + 1
        if not base and name:
            base = self.bases.get(name, name)
        return base or "action"

    def text_of(self, para: XmlElement) -> tuple[str, int]:
        runs: list[str] = []
        line = 0
        for t in _children(para, "text"):
            piece = "".join(t.itertext())
            if piece and not line:
                line = element_line(t, element_line(para))
            runs.append(piece)
        text = "".join(runs).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
        return text, line or element_line(para)

    def paragraph(self, para: XmlElement) -> None:
        style = self.style_of(para)
        kind = _KINDS.get(style)
        if kind is None:
            kind = Kind.ACTION
            if style not in self.unknown:
                self.unknown.add(style)
                self.diagnostics.append(
                    Diagnostic(
                        self.path,
                        element_line(para),
                        f"unknown Fade In style {style!r}: read as action",
                    )
                )
        raw, line = self.text_of(para)
        clean, notes = cut_notes(raw)
        text = clean.strip()
        if kind is Kind.ACTION and (text in _FADES or (text.isupper() and text.endswith(" TO:"))):
            kind = Kind.TRANSITION
        host: Element | None = None
        if text:
            lead = clean[: len(clean) - len(clean.lstrip())]
            start = line + lead.count("\n")
            end = start + text.count("\n")
            host = self.element(kind, text, start, end, para)
            self.out.append(host)
            notes = [type(n)(n.text, max(0, n.offset - len(lead)), n.newlines) for n in notes]
        self.out.extend(note_elements(host, notes, line))

    def element(self, kind: Kind, text: str, line: int, end: int, para: XmlElement) -> Element:
        if kind is Kind.HEADING:
            number = (para.get("number") or para.get("scene_number") or "").strip() or None
            return Element(kind, text, line, end, scene_number=number)
        if kind is Kind.CHARACTER:
            name, extensions = split_cue(text)
            return Element(kind, name, line, end, extensions)
        if kind is Kind.PARENTHETICAL:
            if text.startswith("(") and text.endswith(")"):
                text = text[1:-1].strip()
            return Element(kind, text, line, end)
        if kind is Kind.SECTION:
            return Element(kind, text, line, end, level=1)
        return Element(kind, text, line, end)

    def title_page(self, root: XmlElement) -> list[tuple[str, str]]:
        page = _child(root, "titlepage")
        if page is None:
            return []
        entries: list[tuple[str, str]] = []
        after_by = False
        for para in _children(page, "para"):
            text = self.text_of(para)[0].strip()
            if not text:
                continue
            if not entries:
                entries.append(("Title", text))
            elif _CREDIT.fullmatch(text):
                after_by = True
                entries.append(("Credit", text))
            elif after_by:
                entries.append(("Author", text))
                after_by = False
            else:
                entries.append(("Text", text))
        return entries


def parse_osf(data: bytes, path: str = "<bytes>") -> Script:
    """Parse Open Screenplay Format XML. Raises only InputError."""
    try:
        root = load_xml(data, path, "Fade In")
    except RecursionError:
        raise InputError("Fade In XML nested too deeply", path, 1) from None
    if localname(root) != "document":
        raise InputError(
            f"not an Open Screenplay Format document: the root element is "
            f"<{localname(root) or '?'}>, not <document>",
            path,
            element_line(root),
        )
    reader = _OsfReader(root, path)
    paragraphs = _child(root, "paragraphs")
    if paragraphs is None:
        reader.diagnostics.append(
            Diagnostic(path, element_line(root), "no <paragraphs>: no script")
        )
    else:
        for para in _children(paragraphs, "para"):
            reader.paragraph(para)
    elements = tuple(reader.out)
    return Script(
        path=path,
        elements=elements,
        title=tuple(reader.title_page(root)),
        diagnostics=tuple(reader.diagnostics),
        scenes=split_scenes(elements),
    )


def parse_fadein(data: bytes, path: str = "<bytes>") -> Script:
    """Parse the bytes of a ``.fadein`` file (a zip with ``document.xml``)."""
    members = open_zip(data, path, "Fade In")
    name = members.find("document.xml")
    if name is None:
        raise InputError("Fade In file without document.xml inside", file=path)
    return parse_osf(members.read(name), path)


def read_fadein(path: str | os.PathLike[str]) -> Script:
    name = os.fspath(path)
    return parse_fadein(read_file(name), name)
