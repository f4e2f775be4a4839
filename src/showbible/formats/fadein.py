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

from showbible.formats.fdx import (
    XmlElement,
    child,
    children,
    element_line,
    load_xml,
    localname,
    paragraph_elements,
    runs_text,
    script_element,
    title_entries,
)
from showbible.formats.files import read_file
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


class _OsfReader:
    def __init__(self, root: XmlElement, path: str) -> None:
        self.path = path
        self.out: list[Element] = []
        self.diagnostics: list[Diagnostic] = []
        self.unknown: set[str] = set()
        self.bases: dict[str, str] = {}
        styles = child(root, "styles")
        for style in children(styles, "style") if styles is not None else []:
            name = (style.get("name") or "").strip().lower()
            if name:
                self.bases[name] = (style.get("basestyle") or name).strip().lower()

    def style_of(self, para: XmlElement) -> str:
        style = child(para, "style")
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
        raw, line = runs_text(para, "text")
        number = (para.get("number") or para.get("scene_number") or "").strip() or None

        def make(kind: Kind, text: str, start: int, end: int) -> Element:
            return script_element(kind, text, start, end, number)

        self.out.extend(paragraph_elements(kind, raw, line, make))

    def title_page(self, root: XmlElement) -> list[tuple[str, str]]:
        page = child(root, "titlepage")
        if page is None:
            return []
        texts = (runs_text(para, "text")[0].strip() for para in children(page, "para"))
        return title_entries(t for t in texts if t)


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
    paragraphs = child(root, "paragraphs")
    if paragraphs is None:
        reader.diagnostics.append(
            Diagnostic(path, element_line(root), "no <paragraphs>: no script")
        )
    else:
        for para in children(paragraphs, "para"):
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
