"""A reader for Final Draft documents (``.fdx``, XML), and the safe XML loading it shares with
the TEI reader.

What maps to what (see ``docs/formats.md``): each ``<Paragraph>`` of ``<Content>`` becomes one
element by its ``Type``: Scene Heading -> HEADING (``Number`` -> ``scene_number``), Action,
General, Shot and Cast List -> ACTION, Character -> CHARACTER (``JIM (O.S.)`` -> name and
extensions), Parenthetical -> PARENTHETICAL (without its brackets), Dialogue -> DIALOGUE,
Transition -> TRANSITION, Lyrics/Singing -> LYRIC, New Act/End of Act -> SECTION. The text of a
paragraph is every ``<Text>`` run of it, styled runs included, in order. ``<DualDialogue>``
holds two speeches side by side: the second cue gets ``dual=True``. ``[[notes]]`` written in a
paragraph become NOTE elements, so annotations work in FDX as in Fountain. The title page's
paragraphs fill ``Script.title``. Every element carries the line of its text in the XML.

XML is parsed with lxml through defusedxml: no DTD (so no entity declarations, no billion
laughs, no external entities), no network, no entity expansion. A document with a DTD is
refused with an :class:`~showbible.model.InputError` naming ``file:line``, as is any XML
error. Nothing but ``InputError`` leaves the reader.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from showbible.formats.files import read_file
from showbible.formats.transcript import cut_notes, note_elements, split_cue
from showbible.model import Diagnostic, Element, InputError, Kind, Script, split_scenes
from showbible.quick import rx

with warnings.catch_warnings():
    # defusedxml.lxml is deprecated upstream but still the documented way to check an lxml
    # tree for DTDs and entity declarations; we use our own hardened parser with it.
    warnings.simplefilter("ignore", DeprecationWarning)
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
    from defusedxml import lxml as defused_lxml

__all__ = ["element_line", "load_xml", "localname", "parse_fdx", "read_fdx"]

XmlElement = Any  # lxml has no type stubs here: an ``lxml.etree._Element``


# --------------------------------------------------------------------------------------------
# Safe XML


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
        collect_ids=False,
    )


# ``<!DOCTYPE`` in the encodings libxml2 detects on its own (UTF-8 and ASCII-compatible
# ones, UTF-16, UTF-32).
_DOCTYPES = tuple(
    "<!DOCTYPE".encode(enc) for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


def _line_of(data: bytes, needle: bytes) -> int:
    """The 1-based line of ``needle`` in ``data``, counting newlines in the needle's encoding
    (its width tells UTF-16/32 from ASCII-compatible)."""
    at = data.find(needle)
    if at <= 0:
        return 1
    width = len(needle) // 9 if len(needle) % 9 == 0 else 1
    newline = b"\n".rjust(width, b"\0") if needle[:1] == b"\0" else b"\n".ljust(width, b"\0")
    return data.count(newline, 0, at) + 1


def load_xml(data: bytes, path: str, what: str) -> XmlElement:
    """Parse XML bytes safely and return the root element.

    Refuses a DTD (internal or external), entity declarations and undefined entities; any
    problem is an :class:`InputError` with ``file:line``.
    """
    if not data.strip():
        raise InputError(f"empty {what} file", file=path, line=1)
    for needle in _DOCTYPES:
        if needle in data:
            # Refused before libxml2 sees it: it would otherwise try to fetch an external DTD.
            raise InputError(
                f"{what} with a DTD refused: showbible reads no DTDs, entities or external "
                "resources",
                path,
                _line_of(data, needle),
            )
    try:
        root = defused_lxml.fromstring(
            data, parser=_parser(), forbid_dtd=True, forbid_entities=True
        )
    except etree.XMLSyntaxError as err:
        line = max(1, int(getattr(err, "lineno", 0) or 0))
        column = max(0, int((err.position or (0, 0))[1] if hasattr(err, "position") else 0))
        message = str(getattr(err, "msg", "") or err).strip() or "malformed XML"
        message = re.sub(r",? line \d+, column \d+\s*$", "", message)
        raise InputError(f"not well-formed {what} XML: {message}", path, line, column) from None
    except DefusedXmlException as err:
        line = _line_of(data, b"<!ENTITY")
        raise InputError(
            f"{what} with a DTD or entity declarations refused ({type(err).__name__}): "
            "showbible reads no DTDs, entities or external resources",
            path,
            line,
        ) from None
    except (ValueError, LookupError) as err:
        raise InputError(f"cannot parse {what} XML: {err}", path, 1) from None
    if root is None:
        raise InputError(f"empty {what} document", path, 1)
    return root


def localname(el: XmlElement) -> str:
    """The tag of an element without its namespace; '' for comments and processing
    instructions."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def element_line(el: XmlElement, default: int = 1) -> int:
    line = getattr(el, "sourceline", None)
    return line if isinstance(line, int) and line > 0 else default


def children(el: XmlElement, name: str | None = None) -> Iterator[XmlElement]:
    for child in el:
        local = localname(child)
        if local and (name is None or local == name):
            yield child


def child(el: XmlElement, name: str) -> XmlElement | None:
    return next(children(el, name), None)


def runs_text(para: XmlElement, tag: str) -> tuple[str, int]:
    """All ``tag`` runs of a paragraph, joined, and the line where the text starts: how both
    Final Draft (``<Text>``) and Open Screenplay Format (``<text>``) carry a paragraph."""
    runs: list[str] = []
    line = 0
    for t in children(para, tag):
        piece = "".join(t.itertext())
        if piece and not line:
            line = element_line(t, element_line(para))
        runs.append(piece)
    text = "".join(runs).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    return text, line or element_line(para)


_FADES = frozenset({"FADE IN:", "FADE OUT.", "FADE OUT:", "FADE TO BLACK.", "FADE TO BLACK:"})
_CREDIT = rx.compile(r"(?:written|screenplay|teleplay|story)\s+by:?", re.IGNORECASE)


def is_transition(text: str) -> bool:
    return text in _FADES or (text.isupper() and text.endswith(" TO:") and "\n" not in text)


MakeElement = Callable[[Kind, str, int, int], Element]


def paragraph_elements(kind: Kind, raw: str, line: int, make: MakeElement) -> list[Element]:
    """One paragraph of a word processor's script as elements: its text (notes cut out, a
    ``FADE IN:`` typed as action made a transition), made by ``make(kind, text, line, end)``,
    then its notes, placed beside it."""
    clean, notes = cut_notes(raw)
    text = clean.strip()
    if kind is Kind.ACTION and is_transition(text):
        kind = Kind.TRANSITION
    out: list[Element] = []
    host: Element | None = None
    if text:
        lead = clean[: len(clean) - len(clean.lstrip())]
        start = line + lead.count("\n")
        host = make(kind, text, start, start + text.count("\n"))
        out.append(host)
        notes = [type(n)(n.text, max(0, n.offset - len(lead)), n.newlines) for n in notes]
    out.extend(note_elements(host, notes, line))
    return out


def script_element(
    kind: Kind,
    text: str,
    line: int,
    end: int,
    scene_number: str | None = None,
    dual: bool = False,
) -> Element:
    """An element of the kind a paragraph's style names: cues split from their extensions,
    parentheticals without their brackets, acts as sections."""
    if kind is Kind.HEADING:
        return Element(kind, text, line, end, scene_number=scene_number)
    if kind is Kind.CHARACTER:
        name, extensions = split_cue(text)
        return Element(kind, name, line, end, extensions, dual)
    if kind is Kind.PARENTHETICAL:
        if text.startswith("(") and text.endswith(")"):
            text = text[1:-1].strip()
        return Element(kind, text, line, end)
    if kind is Kind.SECTION:
        return Element(kind, text, line, end, level=1)
    return Element(kind, text, line, end)


def title_entries(texts: Iterable[str]) -> list[tuple[str, str]]:
    """A title page's paragraphs as entries: the first is the ``Title``; the paragraph after
    ``Written by`` is the ``Author``; the others are kept as ``Text``."""
    entries: list[tuple[str, str]] = []
    after_by = False
    for text in texts:
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


# --------------------------------------------------------------------------------------------
# Final Draft

_KINDS: dict[str, Kind] = {
    "scene heading": Kind.HEADING,
    "action": Kind.ACTION,
    "general": Kind.ACTION,
    "shot": Kind.ACTION,
    "cast list": Kind.ACTION,
    "outline": Kind.ACTION,
    "outline body": Kind.ACTION,
    "character": Kind.CHARACTER,
    "parenthetical": Kind.PARENTHETICAL,
    "dialogue": Kind.DIALOGUE,
    "transition": Kind.TRANSITION,
    "lyrics": Kind.LYRIC,
    "lyric": Kind.LYRIC,
    "singing": Kind.LYRIC,
    "new act": Kind.SECTION,
    "end of act": Kind.SECTION,
    "act break": Kind.SECTION,
}


class _FdxReader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.out: list[Element] = []
        self.diagnostics: list[Diagnostic] = []
        self.unknown: set[str] = set()

    def read_content(self, content: XmlElement) -> None:
        for para in children(content, "Paragraph"):
            dual = child(para, "DualDialogue")
            if dual is not None:
                cues = 0
                for inner in children(dual, "Paragraph"):
                    if inner.get("Type"):
                        is_cue = (inner.get("Type") or "").strip().lower() == "character"
                        self.paragraph(inner, dual=is_cue and cues > 0)
                        cues += is_cue
            self.paragraph(para)

    def paragraph(self, para: XmlElement, dual: bool = False) -> None:
        raw_type = (para.get("Type") or "Action").strip()
        kind = _KINDS.get(raw_type.lower())
        if kind is None:
            kind = Kind.ACTION
            if raw_type not in self.unknown:
                self.unknown.add(raw_type)
                self.diagnostics.append(
                    Diagnostic(
                        self.path,
                        element_line(para),
                        f"unknown FDX paragraph type {raw_type!r}: read as action",
                    )
                )
        raw, line = runs_text(para, "Text")
        number = (para.get("Number") or "").strip() or None

        def make(kind: Kind, text: str, start: int, end: int) -> Element:
            return script_element(kind, text, start, end, number, dual)

        self.out.extend(paragraph_elements(kind, raw, line, make))

    def title_page(self, root: XmlElement) -> list[tuple[str, str]]:
        page = child(root, "TitlePage")
        content = child(page, "Content") if page is not None else None
        if content is None:
            return []
        texts = []
        for para in children(content, "Paragraph"):
            text, _line = runs_text(para, "Text")
            text = text.strip()
            if text:
                texts.append(text)
        return title_entries(texts)


def _parse_fdx_bytes(data: bytes, path: str) -> Script:
    root = load_xml(data, path, "Final Draft")
    if localname(root) != "FinalDraft":
        raise InputError(
            f"not a Final Draft document: the root element is <{localname(root) or '?'}>, "
            "not <FinalDraft>",
            path,
            element_line(root),
        )
    reader = _FdxReader(path)
    content = child(root, "Content")
    if content is None:
        reader.diagnostics.append(Diagnostic(path, element_line(root), "no <Content>: no script"))
    else:
        reader.read_content(content)
    title = reader.title_page(root)
    elements = tuple(reader.out)
    return Script(
        path=path,
        elements=elements,
        title=tuple(title),
        diagnostics=tuple(reader.diagnostics),
        scenes=split_scenes(elements),
    )


def parse_fdx(data: bytes | str, path: str = "<string>") -> Script:
    """Parse FDX from bytes (or text). Raises only :class:`InputError`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if isinstance(data, str):
        # A text given as str has no encoding left to declare: drop an XML declaration's.
        raw = re.sub(rb"^(\s*<\?xml[^>]*?)\sencoding=[\"'][^\"']*[\"']", rb"\1", raw, count=1)
    try:
        return _parse_fdx_bytes(raw, path)
    except InputError:
        raise
    except RecursionError:
        raise InputError("Final Draft XML nested too deeply", path, 1) from None


def read_fdx(path: str | os.PathLike[str]) -> Script:
    """Read and parse a Final Draft ``.fdx`` file."""
    name = os.fspath(path)
    data = read_file(name, noun="Final Draft file")  # refuses FIFOs, devices, oversized files
    return parse_fdx(data, name)
