"""A reader for TEI drama (``.xml``) in the DraCor / Folger encoding.

What maps to what (see ``docs/formats.md``):

- the cast: ``<particDesc>`` ``<person xml:id>`` / ``<personGrp xml:id>`` with ``<persName>``
  (or ``<name>``), and ``<castList>`` ``<role xml:id>``, give every id its *label*: the
  persName, else the cast-list name, else the first ``<speaker>`` written for it, else the id;
- a ``<div>`` that holds other ``<div>``s (an act) -> SECTION (level = depth) from its
  ``<head>``; a ``<div>`` that holds the play itself (a scene, a prologue) -> HEADING, its text
  the act's head and the scene's (``ACT I. SCENE II. London.``, as in the Fountain
  conversions), its ``n`` -> ``scene_number``;
- ``<sp who="#a #b">`` -> one CHARACTER per id, with the id's label as the cue (so that
  ``<speaker>`` abbreviations like ``Ham.`` do not split one person into several), the second
  and later with ``dual=True`` (a joint speech); ``<p>`` / ``<l>`` -> DIALOGUE, consecutive
  verse lines in one element with one text line per source line;
- ``<stage>`` -> ACTION; inside a speech, a stage that is not an entrance/exit -> PARENTHETICAL,
  and the speech goes on under ``LABEL (CONT'D)`` after an entrance/exit;
- ``<stage who="#a #b">`` (any type: entrance, exit, business) -> the ACTION plus a NOTE
  ``present: A, B``: exact presence through the ``present`` annotation, which the extractor
  resolves exactly as it resolves the cues, so silent characters are present too.

Labels are made safe for the annotation: commas become spaces and `` and `` becomes ``&``
(``Rosencrantz and Guildenstern`` -> ``Rosencrantz & Guildenstern``), in cues and notes alike.
Only the cues and notes are rewritten; stage and speech texts stay as written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from showbible.formats.fdx import XmlElement, element_line, load_xml, localname
from showbible.formats.files import read_file
from showbible.model import Diagnostic, Element, InputError, Kind, Script, split_scenes
from showbible.quick import rx

__all__ = ["TeiCast", "parse_tei", "read_tei"]

_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_ENTRANCE_TEXT = rx.compile(
    r"^\W*(?:re-?enter|enter|enters|exit|exits|exeunt|manet|manent)\b", re.IGNORECASE
)
_PRESENCE_TYPES = frozenset({"entrance", "exit", "entrances", "exits"})
# Elements whose content is not the text of the line they stand in.
_SKIP_TEXT = frozenset({"note", "speaker", "fw", "head", "castList", "figDesc", "bibl"})
_CHOICE_SKIP = frozenset({"sic", "orig", "abbr"})
_SPEECH_TEXT = frozenset({"p", "l", "ab", "seg"})


def _norm(text: str) -> str:
    return " ".join(text.split())


def safe_label(name: str) -> str:
    """A cue label that the ``present`` annotation can list: no commas, no `` and ``."""
    text = _norm(name.replace(",", " "))
    return re.sub(r"\s+and\s+", " & ", text, flags=re.IGNORECASE)


# One <sp> or <stage> naming more people than this is not a play's chorus but a hostile file:
# 2,000 refs in each of 1,400 speeches (28 MB) made 2.8 million cues and took 2 GB.
MAX_WHO = 200


def _ids(value: str | None) -> list[str]:
    out: dict[str, None] = {}  # ordered and de-duplicated in linear time
    for token in (value or "").split():
        ident = token.rsplit("#", 1)[-1].strip()
        if ident:
            out[ident] = None
    return list(out)


def _who(el: XmlElement, path: str) -> list[str]:
    """The ids an element's ``who`` names; refuses more than ``MAX_WHO`` of them."""
    ids = _ids(el.get("who"))
    if len(ids) > MAX_WHO:
        raise InputError(
            f"<{localname(el)} who> names {len(ids):,} people; at most {MAX_WHO} may speak or "
            'enter together (write a crowd as one group, e.g. who="#crowd")',
            path,
            element_line(el),
        )
    return ids


# A ghost, spirit or apparition of the dead in a stage direction or a speaker's name.
_GHOST = rx.compile(r"\b(?:ghosts?|spirits?|apparitions?|shades?|phantoms?)\b", re.IGNORECASE)
# The dead in a direction: their ghosts, or their bodies carried on ("with Caesar's body").
_DEAD = rx.compile(
    r"\b(?:ghosts?|spirits?|apparitions?|shades?|phantoms?|body|bodies|corpses?|coffin|hearse|"
    r"bier)\b",
    re.IGNORECASE,
)
_OWNER = rx.compile(r"([\w-]+)['’]s?\s*$")  # "Caesar's " before "body"
_CLAUSE = rx.compile(r"[.;:!?]|\s(?:and|with)\s+(?:enter|exit|exeunt)\b", re.IGNORECASE)


def _names(label: str, text: str) -> bool:
    """Whether the text names the label by one of its words (the cast's label "Banquo" in
    "the Ghost of Banquo", "Caesar" of "Julius Caesar" in "the Ghost of Caesar")."""
    low = text.lower()
    return any(
        len(w) > 2 and re.search(rf"\b{re.escape(w.lower())}\b", low) is not None
        for w in label.replace("&", " ").split()
    )


def _iter_children(el: XmlElement) -> Iterator[XmlElement]:
    for child in el:
        if localname(child):
            yield child


def _find(el: XmlElement, name: str) -> XmlElement | None:
    for d in el.iter():
        if localname(d) == name:
            return d
    return None


def _plain_text(el: XmlElement) -> str:
    return _norm(" ".join(el.itertext()))


@dataclass
class TeiCast:
    """The ids of a TEI play and their labels."""

    names: dict[str, str] = field(default_factory=dict)  # id -> persName / cast-list name
    spoken: dict[str, str] = field(default_factory=dict)  # id -> first <speaker> text

    def label(self, ident: str) -> str:
        return safe_label(self.names.get(ident) or self.spoken.get(ident) or ident)


def _read_cast(root: XmlElement, path: str) -> TeiCast:
    cast = TeiCast()
    for el in root.iter():
        local = localname(el)
        if local in ("person", "personGrp"):
            ident = el.get(_XML_ID)
            if not ident:
                continue
            name = None
            for tag in ("persName", "name", "orgName"):
                found = _find(el, tag)
                if found is not None and _plain_text(found):
                    name = _plain_text(found)
                    break
            if name:
                cast.names.setdefault(ident, name)
        elif local == "role":
            ident = el.get(_XML_ID)
            if not ident:
                continue
            found = _find(el, "roleName") or _find(el, "name")
            name = _plain_text(found) if found is not None else _plain_text(el)
            if name and ident not in cast.names:
                cast.names[ident] = name
    for sp in root.iter():
        if localname(sp) != "sp":
            continue
        ids = _who(sp, path)
        speaker = next((c for c in _iter_children(sp) if localname(c) == "speaker"), None)
        if len(ids) == 1 and speaker is not None:
            text = _plain_text(speaker).rstrip(".:").strip()
            if text:
                cast.spoken.setdefault(ids[0], text)
    return cast


@dataclass
class _Line:
    text: str
    line: int
    end_line: int


class _TeiReader:
    def __init__(self, path: str, cast: TeiCast) -> None:
        self.path = path
        self.cast = cast
        self.out: list[Element] = []
        self.diagnostics: list[Diagnostic] = []
        self.scene_count = 0
        self.deferred: list[XmlElement] = []
        # The ids that walk this scene as ghosts: "Enter the Ghost of Banquo" (who="#Banquo")
        # is no living Banquo, nor is the "Ghost exits." after it, nor the ghost's speech.
        self.ghosts: set[str] = set()

    # -- text --------------------------------------------------------------------------

    def gather(self, el: XmlElement) -> tuple[str, list[XmlElement]]:
        """The text of a line or paragraph, without notes and nested stage directions (which
        are returned apart, to be emitted after it)."""
        parts: list[str] = []
        stages: list[XmlElement] = []

        def walk(node: XmlElement, in_choice: bool) -> None:
            if node.text:
                parts.append(node.text)
            for child in node:
                local = localname(child)
                if local == "stage":
                    stages.append(child)
                elif local == "lb":
                    parts.append(" ")
                elif _keeps_text(local, in_choice):
                    walk(child, local == "choice")
                if child.tail:
                    parts.append(child.tail)

        walk(el, False)
        return _norm("".join(parts)), stages

    def span(self, el: XmlElement, text: str) -> _Line:
        line = element_line(el)
        raw = "".join(el.itertext())
        return _Line(text, line, line + raw.strip().count("\n"))

    # -- presence ----------------------------------------------------------------------

    def presence_note(self, stage: XmlElement, line: int, text: str) -> None:
        ids = _who(stage, self.path)
        self.ghosts.update(self.ghosts_in(ids, text))
        alive = [i for i in ids if i not in self.ghosts]
        if alive:
            labels = ", ".join(self.cast.label(i) for i in alive)
            self.out.append(Element(Kind.NOTE, f"present: {labels}", line))

    def ghosts_in(self, ids: list[str], text: str) -> list[str]:
        """The ids a stage direction shows dead: as ghosts ("Enter the Ghost of Banquo",
        "the Ghosts of Edward, Clarence ...") or carried ("with Caesar's body", "the body of
        Suffolk"); a ghost also when the direction names no one ("Ghost exits.")."""
        # A character who is a ghost by name (Hamlet's GHOST) is the one there, not a shade.
        ids = [i for i in ids if not _GHOST.search(self.cast.label(i))]
        if not ids:
            return []
        dead: list[str] = []
        for m in _DEAD.finditer(text):
            after = _CLAUSE.split(text[m.end() :], 1)[0]
            before = text[max(0, m.start() - 40) : m.start()]
            owner = _OWNER.search(before)
            for i in ids:
                label = self.cast.label(i)
                if i not in dead and (
                    (after.lstrip().lower().startswith("of") and _names(label, after))
                    or (owner is not None and _names(label, owner.group(1)))
                ):
                    dead.append(i)
        if dead or not _GHOST.search(text):
            return dead
        return [] if any(_names(self.cast.label(i), text) for i in ids) else ids

    def stage(self, stage: XmlElement) -> None:
        text, nested = self.gather(stage)
        line = element_line(stage)
        if text:
            span = self.span(stage, text)
            self.out.append(Element(Kind.ACTION, text, span.line, span.end_line))
        self.presence_note(stage, line, text)
        for inner in nested:  # Folger's type="mixed": "Bedford dies," inside a compound stage
            self.stage(inner)

    # -- structure ---------------------------------------------------------------------

    def body(self, body: XmlElement) -> None:
        self.container(body, depth=0, act=None)

    def container(self, el: XmlElement, depth: int, act: str | None) -> None:
        """Read the children of a body or an act-like div."""
        children = list(_iter_children(el))
        has_divs = any(_is_div(c) for c in children)
        pending: list[XmlElement] = []
        for index, child in enumerate(children):
            if _is_div(child):
                self.flush_loose(pending, el, act, later_div=True)
                pending = []
                self.div(child, depth + 1, act)
            elif localname(child) == "head" and depth > 0:
                continue
            else:
                pending.append(child)
            if index == len(children) - 1:
                self.flush_loose(pending, el, act, later_div=False, has_divs=has_divs)
                pending = []

    def flush_loose(
        self,
        items: list[XmlElement],
        parent: XmlElement,
        act: str | None,
        later_div: bool,
        has_divs: bool = True,
    ) -> None:
        """Content of an act-like div that is not in one of its scenes.

        With speech in it, it is a scene of its own (headed by the act). Stage directions
        alone (a setting) before a scene are held back and emitted after that scene's heading,
        so that they do not fall into the scene before.
        """
        if not items:
            return
        speech = any(localname(i) == "sp" or _has_sp(i) for i in items)
        if speech and has_divs and _is_div(parent):
            head = _head_text(parent) or (parent.get("type") or "scene").title()
            self.heading(head, element_line(items[0]), parent.get("n"))
        if later_div and not speech:
            self.deferred.extend(items)
            return
        for item in items:
            self.content(item)

    def div(self, div: XmlElement, depth: int, act: str | None) -> None:
        children = list(_iter_children(div))
        head = _head_text(div)
        if any(_is_div(c) for c in children):
            line = next((element_line(c) for c in children if localname(c) == "head"), 0)
            title = head or (div.get("type") or "part").title()
            self.out.append(Element(Kind.SECTION, title, line or element_line(div), level=depth))
            is_act = (div.get("type") or "").lower() == "act"
            self.container(div, depth, head if is_act and head else act)
            return
        # A scene (or a prologue, an epilogue...): a heading, then its content.
        head_el = next((c for c in children if localname(c) == "head"), None)
        line = element_line(head_el) if head_el is not None else element_line(div)
        n = div.get("n")
        if not head:
            head = f"{(div.get('type') or 'scene').title()} {n or self.scene_count + 1}"
        if act and not head.lower().startswith(act.lower()):
            head = f"{act.rstrip(' .')}. {head}"
        self.heading(head, line, n)
        for child in children:
            if child is not head_el:
                self.content(child)

    def heading(self, text: str, line: int, n: str | None) -> None:
        self.scene_count += 1
        self.ghosts = set()
        self.out.append(Element(Kind.HEADING, text, line, scene_number=(n or None)))
        deferred, self.deferred = self.deferred, []
        for item in deferred:
            self.content(item)

    def content(self, el: XmlElement) -> None:
        local = localname(el)
        if local == "sp":
            self.speech(el)
        elif local == "stage":
            self.stage(el)
        elif local in _SPEECH_TEXT or local in ("set", "trailer", "argument"):
            text, stages = self.gather(el)
            if text:
                span = self.span(el, text)
                self.out.append(Element(Kind.ACTION, text, span.line, span.end_line))
            for stage in stages:
                self.stage(stage)
        elif local in ("lg", "sp-group", "spGrp", "div0", "group", "floatingText", "body"):
            for child in _iter_children(el):
                self.content(child)
        elif _is_div(el):
            self.div(el, 1, None)
        # castList, note, pb, milestone, fw, head...: not part of the play's text

    # -- speeches ----------------------------------------------------------------------

    def speech(self, sp: XmlElement) -> None:
        ids = _who(sp, self.path)
        speaker = next((c for c in _iter_children(sp) if localname(c) == "speaker"), None)
        cue_line = element_line(speaker) if speaker is not None else element_line(sp)
        labels = [self.cast.label(i) for i in ids]
        if not labels and speaker is not None:
            spoken = safe_label(_plain_text(speaker).rstrip(".:"))
            if spoken:
                labels = [spoken]
        if not labels:
            self.diagnostics.append(
                Diagnostic(self.path, element_line(sp), "<sp> without who or <speaker>")
            )

        # A ghost's speech is heard from the dead, as a voice is: "(GHOST)" after its cue.
        ghost = bool(ids) and all(i in self.ghosts for i in ids)
        if (
            not ghost
            and speaker is not None
            and ids
            and _GHOST.search(_plain_text(speaker))
            and not any(_GHOST.search(label) for label in labels)
        ):
            ghost = True  # <speaker>Ghost</speaker> for the dead one's id
            self.ghosts.update(ids)

        def cue(line: int, contd: bool) -> None:
            for k, label in enumerate(labels):
                ext = ("CONT'D",) if contd else ()
                ext = (*ext, "GHOST") if ghost else ext
                self.out.append(Element(Kind.CHARACTER, label, line, extensions=ext, dual=k > 0))

        cue(cue_line, False)
        buf: list[_Line] = []
        needs_cue = False

        def flush() -> None:
            nonlocal buf, needs_cue
            if not buf:
                return
            if needs_cue:
                cue(buf[0].line, True)
                needs_cue = False
            self.out.append(
                Element(Kind.DIALOGUE, "\n".join(b.text for b in buf), buf[0].line, buf[-1].line)
            )
            buf = []

        def line_of(el: XmlElement) -> None:
            nonlocal needs_cue
            text, stages = self.gather(el)
            if text:
                span = self.span(el, text)
                single = span.end_line == span.line
                if buf and not (single and span.line == buf[-1].end_line + 1):
                    flush()
                buf.append(span)
                if not single:
                    flush()  # a wrapped paragraph: its text lines are not its source lines
            for stage in stages:
                inner_stage(stage)

        def inner_stage(stage: XmlElement) -> None:
            nonlocal needs_cue
            text, _nested = self.gather(stage)
            kind = (stage.get("type") or "").lower()
            moves = (
                stage.get("who") is not None
                or bool(set(kind.split()) & _PRESENCE_TYPES)
                or bool(_ENTRANCE_TEXT.match(text))
            )
            flush()
            if moves:
                self.stage(stage)
                needs_cue = bool(labels)
            elif text:
                span = self.span(stage, text)
                self.out.append(Element(Kind.PARENTHETICAL, text, span.line, span.end_line))

        def walk(el: XmlElement) -> None:
            for child in _iter_children(el):
                local = localname(child)
                if local == "speaker":
                    continue
                if local in _SPEECH_TEXT:
                    line_of(child)
                elif local == "stage":
                    inner_stage(child)
                elif local in ("lg", "sp"):
                    walk(child)

        walk(sp)
        flush()


def _keeps_text(local: str, in_choice: bool) -> bool:
    """Whether an element's text is part of the line it stands in (a ``<choice>`` keeps its
    corrected, regularised, expanded reading)."""
    if not local or local in _SKIP_TEXT:
        return False
    return not (in_choice and local in _CHOICE_SKIP)


def _is_div(el: XmlElement) -> bool:
    return re.fullmatch(r"div\d?", localname(el)) is not None


def _has_sp(el: XmlElement) -> bool:
    return any(localname(d) == "sp" for d in el.iter())


def _head_text(div: XmlElement) -> str:
    heads = [_plain_text(c) for c in _iter_children(div) if localname(c) == "head"]
    return " ".join(h for h in heads if h)


def _title(root: XmlElement) -> list[tuple[str, str]]:
    header = next((c for c in _iter_children(root) if localname(c) == "teiHeader"), None)
    if header is None:
        return []
    stmt = _find(header, "titleStmt")
    if stmt is None:
        return []
    out: list[tuple[str, str]] = []
    for el in _iter_children(stmt):
        local = localname(el)
        text = _plain_text(el)
        if not text:
            continue
        if local == "title":
            key = "Title" if not any(k == "Title" for k, _ in out) else "Subtitle"
            out.append((key, text))
        elif local == "author":
            out.append(("Author", text))
    return out


def _parse_tei_bytes(data: bytes, path: str) -> Script:
    root = load_xml(data, path, "TEI")
    if localname(root) not in ("TEI", "teiCorpus"):
        raise InputError(
            f"not a TEI document: the root element is <{localname(root) or '?'}>, not <TEI>",
            path,
            element_line(root),
        )
    cast = _read_cast(root, path)
    reader = _TeiReader(path, cast)
    text = next((c for c in root.iter() if localname(c) == "text"), None)
    body = None
    if text is not None:
        body = next((c for c in _iter_children(text) if localname(c) == "body"), None)
    if body is None:
        reader.diagnostics.append(
            Diagnostic(path, element_line(root), "no <text>/<body>: the play is empty")
        )
    else:
        reader.body(body)
        for item in reader.deferred:  # stage directions after the last scene of an act
            reader.content(item)
    elements = tuple(reader.out)
    return Script(
        path=path,
        elements=elements,
        title=tuple(_title(root)),
        diagnostics=tuple(reader.diagnostics),
        scenes=split_scenes(elements),
    )


def parse_tei(data: bytes | str, path: str = "<string>") -> Script:
    """Parse TEI drama from bytes (or text). Raises only :class:`InputError`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if isinstance(data, str):
        raw = re.sub(rb"^(\s*<\?xml[^>]*?)\sencoding=[\"'][^\"']*[\"']", rb"\1", raw, count=1)
    try:
        return _parse_tei_bytes(raw, path)
    except RecursionError:
        raise InputError("TEI XML nested too deeply", path, 1) from None


def read_tei(path: str | os.PathLike[str]) -> Script:
    """Read and parse a TEI drama file."""
    name = os.fspath(path)
    data = read_file(name, noun="TEI file")  # refuses FIFOs, devices, oversized files
    return parse_tei(data, name)
