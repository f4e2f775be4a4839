"""Our Fountain reader against two peer suites, through one small adapter per suite.

Each adapter only renders our ``Script`` in the peer's dump format; it knows nothing about
individual cases. Cases where we differ on purpose are listed, with the reason, in
``docs/fountain-differences.md``; the table there is read here and those cases are marked
``xfail(strict=True)``, so a case that starts to pass (or a listed one that is fixed) shows up.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from showbible.formats.fountain import parse_fountain, read_fountain
from showbible.model import Element, Kind, Script

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
ST_DIR = SHARED / "fountain-fixtures" / "screenplay-tools"
JV_DIR = SHARED / "fountain-fixtures" / "jouvence"
DIFFERENCES = ROOT / "docs" / "fountain-differences.md"

# Below 0.95: four cases cannot pass without making the reader worse or ignoring the spec,
# two of them because the two suites contradict each other (see the differences document).
MIN_IDENTICAL = 0.94

CONTD = {"CONT'D", "CONT’D"}


# --------------------------------------------------------------------------------------------
# screenplay-tools: ``TYPE:"text"`` dumps


def _st_markers(script: Script) -> tuple[dict[int, str], dict[int, str]]:
    """Number notes and boneyards in source order, as screenplay-tools does: id -> marker."""
    notes = sorted(
        (e for e in script.elements if e.kind is Kind.NOTE), key=lambda e: (e.line, e.anchor)
    )
    note_ids = {id(e): f"[[{n}]]" for n, e in enumerate(notes)}
    bone_ids = {id(e): f"/*{n}*/" for n, e in enumerate(script.boneyard)}
    return note_ids, bone_ids


@dataclass
class _Piece:
    """One item of the st stream: a story element with its markers put back, or a marker."""

    kind: Kind
    text: str
    line: int
    last_line: int
    element: Element | None  # None for a standalone note/boneyard marker


def _host(hosts: list[Element], item: Element) -> Element | None:
    for host in hosts:
        if host.line <= item.line <= host.last_line:
            return host
    return None


def _st_pieces(script: Script) -> tuple[list[_Piece], list[str]]:
    note_ids, bone_ids = _st_markers(script)
    hosts = [e for e in script.elements if e.kind is not Kind.NOTE]
    inline: dict[int, list[tuple[int, str]]] = {}
    pieces: list[_Piece] = []
    removed = [e for e in script.elements if e.kind is Kind.NOTE] + list(script.boneyard)
    for item in removed:
        marker = note_ids.get(id(item)) or bone_ids[id(item)]
        host = _host(hosts, item) if item.anchor >= 0 else None
        if host is None:
            # st keeps a marker line where the note or boneyard stood: it reads as action.
            pieces.append(_Piece(Kind.ACTION, marker, item.line, item.last_line, None))
        else:
            inline.setdefault(id(host), []).append((item.anchor, marker))
    for host in hosts:
        text = host.text
        for anchor, marker in sorted(inline.get(id(host), []), reverse=True):
            text = text[:anchor] + marker + text[anchor:]
        pieces.append(_Piece(host.kind, text, host.line, host.last_line, host))
    pieces.sort(key=lambda p: p.line)
    tail = [f'{note_ids[id(e)]}NOTE:"{e.text}"' for e in script.elements if id(e) in note_ids]
    tail.sort(key=lambda s: int(s[2 : s.index("]")]))
    tail += [f'{bone_ids[id(e)]}BONEYARD:"{e.text}"' for e in script.boneyard]
    return pieces, tail


def _st_line(piece: _Piece) -> str:
    el = piece.element
    kind = piece.kind
    if el is None or kind is Kind.ACTION:
        centered = el is not None and el.centered
        return f'ACTION:"{piece.text}"' + (" (centered)" if centered else "")
    if kind is Kind.TITLE:
        value = piece.text
        if "\n" in value:
            value = "".join(f"\n    {v}" for v in value.split("\n"))
        return f'TITLEENTRY:"{el.key}":"{value}"'
    if kind is Kind.HEADING:
        number = f" ({el.scene_number})" if el.scene_number is not None else ""
        return f'HEADING:"{piece.text}"{number}'
    if kind is Kind.CHARACTER:
        exts = "".join(f' "({x})"' for x in el.extensions if x.upper() not in CONTD)
        return f'CHARACTER:"{piece.text}"{exts}' + (" (Dual)" if el.dual else "")
    if kind is Kind.SECTION:
        return f'SECTION:"{piece.text}" ({el.level})'
    if kind is Kind.PAGE_BREAK:
        return 'PAGEBREAK:""'
    return f'{kind.name}:"{piece.text}"'


def render_screenplay_tools(
    script: Script, merge_actions: bool = True, merge_dialogue: bool = True
) -> str:
    """Render in screenplay-tools' ``script.dump()`` format.

    Merged mode joins adjacent plain action paragraphs, blank lines included; blank lines
    between an action and a centered line become an empty ACTION. Unmerged mode writes one
    ACTION per line and one empty ACTION per blank line between action lines.
    """
    pieces, tail = _st_pieces(script)
    out: list[str] = []
    prev: _Piece | None = None
    for piece in pieces:
        is_action = piece.kind is Kind.ACTION
        centered = piece.element is not None and piece.element.centered
        if is_action and prev is not None and prev.kind is Kind.ACTION:
            gap = piece.line - prev.last_line - 1
            prev_centered = prev.element is not None and prev.element.centered
            if merge_actions and not centered and not prev_centered:
                joined = out[-1][len('ACTION:"') : -1] + "\n" * (gap + 1) + piece.text
                out[-1] = f'ACTION:"{joined}"'
                prev = piece
                continue
            if gap and merge_actions:
                out.append('ACTION:"' + "\n" * (gap - 1) + '"')
            elif gap:
                out.extend(['ACTION:""'] * gap)
        split = (is_action and not merge_actions and not centered) or (
            piece.kind is Kind.DIALOGUE and not merge_dialogue
        )
        if split:
            for text in piece.text.split("\n"):
                out.append(_st_line(_Piece(piece.kind, text, 0, 0, piece.element)))
        else:
            out.append(_st_line(piece))
        prev = piece
    return "\n".join(out + tail)


# The writer's layout (UTF8-output.fountain): cues three tabs in, dialogue one, transitions four.
def render_st_writer(script: Script) -> str:
    blocks: list[str] = []
    for el in script.elements:
        kind = el.kind
        if kind is Kind.HEADING:
            number = f" #{el.scene_number}#" if el.scene_number is not None else ""
            text = ("." if el.forced else "") + el.text + number
            blocks.append(("\n" if blocks else "") + text)
        elif kind is Kind.CHARACTER:
            exts = "".join(f" ({x})" for x in el.extensions)
            blocks.append("\t\t\t" + el.text + (" ^" if el.dual else "") + exts)
        elif kind is Kind.DIALOGUE:
            blocks[-1] += "".join(f"\n\t{line}" for line in el.text.split("\n"))
        elif kind is Kind.PARENTHETICAL:
            blocks[-1] += f"\n\t\t({el.text})"
        elif kind is Kind.TRANSITION:
            blocks.append("\t\t\t\t" + el.text)
        elif kind is Kind.ACTION:
            blocks.append(el.text)
    return "\n\n".join(blocks)


_EMPHASIS = re.compile(
    r"\*\*\*(\S(?:[^\n]*?\S)?)\*\*\*|\*\*(\S(?:[^\n]*?\S)?)\*\*"
    r"|\*(\S(?:[^\n]*?\S)?)\*|_(\S(?:[^\n]*?\S)?)_"
)
_ESCAPED_STAR = "\x00"


def _emphasis_tags(m: re.Match[str]) -> str:
    bold_italic, bold, italic, underline = m.groups()
    if bold_italic is not None:
        return f"<b><i>{bold_italic}</i></b>"
    if bold is not None:
        return f"<b>{bold}</b>"
    if italic is not None:
        return f"<i>{italic}</i>"
    return f"<u>{underline}</u>"


def render_st_formatted(script: Script) -> str:
    """The st format helper's output: the text with emphasis as tags, paragraphs kept.

    Emphasis never crosses a line, needs no space inside its markers, is not nested inside
    another match, and ``\\*`` is a literal star.
    """
    parts: list[str] = []
    prev: Element | None = None
    for el in script.elements:
        if prev is not None:
            parts.append("\n" * (el.line - prev.last_line))
        parts.append(el.text)
        prev = el
    text = "".join(parts).replace("\\*", _ESCAPED_STAR)
    return _EMPHASIS.sub(_emphasis_tags, text).replace(_ESCAPED_STAR, "*")


_FDX_TYPES = {
    Kind.HEADING: "Scene Heading",
    Kind.ACTION: "Action",
    Kind.CHARACTER: "Character",
    Kind.PARENTHETICAL: "Parenthetical",
    Kind.DIALOGUE: "Dialogue",
    Kind.TRANSITION: "Transition",
    Kind.LYRIC: "Lyrics",
}


def render_fdx_view(script: Script) -> str:
    """Our parse as FDX paragraphs would show it: type, trimmed text, scene number."""
    rows = []
    for el in script.elements:
        kind = _FDX_TYPES.get(el.kind)
        if kind is None:
            continue
        text = el.text
        if el.kind is Kind.CHARACTER:
            text += "".join(f" ({x})" for x in el.extensions)
        elif el.kind is Kind.PARENTHETICAL:
            text = f"({text})"
        number = f" #{el.scene_number}" if el.scene_number is not None else ""
        rows.append(f"{kind}:{text.strip()}{number}")
    return "\n".join(rows)


def read_fdx_view(path: Path) -> str:
    """The Content paragraphs of an FDX file in the same form as ``render_fdx_view``."""
    content = ET.parse(path).getroot().find("Content")
    assert content is not None
    rows = []
    for para in content.findall("Paragraph"):
        text = "".join(t.text or "" for t in para.iter("Text")).strip()
        number = para.get("Number")
        rows.append(f"{para.get('Type')}:{text}" + (f" #{number}" if number else ""))
    return "\n".join(rows)


@dataclass(frozen=True)
class Case:
    id: str
    run: Callable[[], tuple[str, str]]  # -> (ours rendered, expected)


def _st_dump_case(stem: str, expected: str, **options: bool) -> Case:
    def run() -> tuple[str, str]:
        script = read_fountain(ST_DIR / f"{stem}.fountain")
        return render_screenplay_tools(script, **options), (ST_DIR / expected).read_text("utf-8")

    return Case(f"screenplay-tools/{expected.removesuffix('.txt')}", run)


def _st_cases() -> list[Case]:
    dumps = [
        "Boneyards", "Character", "LineBreaks", "Lyrics", "Notes", "PageBreak",
        "Parenthetical", "SceneHeading", "Scratch", "Sections", "Tags", "TitlePage",
        "Transition", "UTF8",
    ]  # fmt: skip
    cases = [_st_dump_case(stem, f"{stem}.txt") for stem in dumps]
    # Upstream's Python tests ask for "Action-merged.txt"; the files are "-Merged"/"-Unmerged".
    cases += [
        _st_dump_case("Action", "Action-Merged.txt"),
        _st_dump_case("Action", "Action-Unmerged.txt", merge_actions=False),
        _st_dump_case("Dialogue", "Dialogue-Merged.txt"),
        _st_dump_case("Dialogue", "Dialogue-Unmerged.txt", merge_dialogue=False),
    ]

    def formatted() -> tuple[str, str]:
        script = read_fountain(ST_DIR / "Formatted.fountain")
        return render_st_formatted(script), (ST_DIR / "Formatted.txt").read_text("utf-8")

    def utf8_writer() -> tuple[str, str]:
        script = read_fountain(ST_DIR / "UTF8.fountain")
        return render_st_writer(script), (ST_DIR / "UTF8-output.fountain").read_text("utf-8")

    def fdx(stem: str) -> Callable[[], tuple[str, str]]:
        def run() -> tuple[str, str]:
            script = read_fountain(ST_DIR / f"{stem}.fountain")
            return render_fdx_view(script), read_fdx_view(ST_DIR / f"{stem}.fdx")

        return run

    cases += [
        Case("screenplay-tools/Formatted", formatted),
        Case("screenplay-tools/UTF8-output", utf8_writer),
        Case("screenplay-tools/TestFDX-FD", fdx("TestFDX-FD")),
        Case("screenplay-tools/TestFDX-FI", fdx("TestFDX-FI")),
    ]
    return cases


# --------------------------------------------------------------------------------------------
# Jouvence: prefixed paragraphs, blank lines kept inside action text


def _line_count(text: str) -> int:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)


def _jv_text(el: Element) -> tuple[str, str]:
    kind = el.kind
    if kind is Kind.ACTION:
        if el.centered:
            return "!><", "\n".join(part.strip() for part in el.text.split("\n"))
        return "!", el.text
    if kind is Kind.HEADING:
        number = f" #{el.scene_number}#" if el.scene_number is not None else ""
        return ".", el.text + number
    if kind is Kind.CHARACTER:
        exts = "".join(f" ({x})" for x in el.extensions)
        return "@", el.text + exts + (" ^" if el.dual else "")
    prefixes = {
        Kind.DIALOGUE: "=",
        Kind.PARENTHETICAL: "_",
        Kind.TRANSITION: ">",
        Kind.LYRIC: "~",
        Kind.SECTION: "#",
        Kind.SYNOPSIS: "+",
    }
    if kind is Kind.PARENTHETICAL:
        return "_", f"({el.text})"
    if kind is Kind.PAGE_BREAK:
        return "<pagebreak>", ""
    return prefixes[kind], el.text


def render_jouvence(script: Script, line_count: int) -> list[str]:
    """Render as Jouvence's ``out`` list.

    Jouvence lets every element except a plain action take one blank line before it; any
    other blank lines are kept as newlines in action text (appended to the scene's last
    paragraph if it is an action, else as a new action of blank lines). Lines removed by a
    boneyard or holding only a note do not count.
    """
    gone: set[int] = set()
    for item in [*script.boneyard, *(e for e in script.elements if e.kind is Kind.NOTE)]:
        if item.anchor < 0:
            gone.update(range(item.line, item.last_line + 1))
    out: list[list[str]] = []
    last: list[str] | None = None

    def blanks(after: int, before: int) -> int:
        return sum(1 for n in range(after + 1, before) if n not in gone)

    def spare(count: int) -> None:
        nonlocal last
        if count <= 0:
            return
        if last is not None and last[0] == "!":
            last[1] += "\n" * count
        else:
            last = ["!", "\n" * (count - 1)]
            out.append(last)

    prev_end = max((e.last_line for e in script.elements if e.kind is Kind.TITLE), default=0)
    for el in script.elements:
        if el.kind in (Kind.TITLE, Kind.NOTE):
            continue
        gap = blanks(prev_end, el.line)
        plain = el.kind is Kind.ACTION and not el.centered
        spare(gap - (1 if gap and not (plain and not el.forced) else 0))
        prefix, text = _jv_text(el)
        if plain and last is not None and last[0] == "!":
            last[1] += "\n" + text
        else:
            last = [prefix, text]
            out.append(last)
            if el.kind is Kind.HEADING:
                last = None  # a heading starts a scene with no paragraphs yet
        prev_end = el.last_line
    spare(blanks(prev_end, line_count + 1))
    return ["".join(p) for p in out]


def _jv_cases() -> list[Case]:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    cases = []
    for path in sorted(JV_DIR.glob("test_*.yaml")):
        with path.open(encoding="utf-8") as fh:
            docs = [d for d in yaml.load_all(fh) if d]
        for number, doc in enumerate(docs, 1):
            cases.append(Case(f"jouvence/{path.stem}#{number}", _jv_runner(doc)))
    return cases


def _jv_runner(doc: dict[str, Any]) -> Callable[[], tuple[str, str]]:
    def run() -> tuple[str, str]:
        source = doc["in"]
        script = parse_fountain(source)
        ours: dict[str, Any] = {"out": render_jouvence(script, _line_count(source))}
        expected: dict[str, Any] = {"out": list(doc["out"] or [])}
        if "title" in doc:
            ours["title"] = {k.lower(): v for k, v in script.title}
            expected["title"] = dict(doc["title"] or {})
        return repr(ours), repr(expected)

    return run


# --------------------------------------------------------------------------------------------
# Collection


def _documented_differences() -> dict[str, str]:
    """Case id -> reason, from the table rows ``| `case-id` | peer | reason |`` of the doc."""
    if not DIFFERENCES.exists():
        return {}
    rows = re.findall(r"^\| `([^`]+)` \|[^|]*\| ([^|]+) \|", DIFFERENCES.read_text("utf-8"), re.M)
    return {case: reason.strip() for case, reason in rows}


def _all_cases() -> list[Case]:
    if not (ST_DIR.is_dir() and JV_DIR.is_dir()):
        return []
    return _st_cases() + _jv_cases()


CASES = _all_cases()
DOCUMENTED = _documented_differences()


def _params() -> Iterator[Any]:
    if not CASES:
        yield pytest.param(None, id="shared-data-missing")
        return
    for case in CASES:
        marks = []
        if case.id in DOCUMENTED:
            marks.append(pytest.mark.xfail(strict=True, reason=DOCUMENTED[case.id]))
        yield pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_fixture_case(case: Case | None) -> None:
    if case is None:
        pytest.skip(f"peer fixtures not found under {SHARED}")
    ours, expected = case.run()
    assert ours == expected


def test_case_count() -> None:
    if not CASES:
        pytest.skip(f"peer fixtures not found under {SHARED}")
    suites = [c.id.split("/")[0] for c in CASES]
    assert (suites.count("screenplay-tools"), suites.count("jouvence")) == (22, 46)
    assert set(DOCUMENTED) <= {c.id for c in CASES}, "the doc lists an unknown case"


def test_identical_fraction() -> None:
    if not CASES:
        pytest.skip(f"peer fixtures not found under {SHARED}")
    identical = 0
    for case in CASES:
        ours, expected = case.run()
        identical += ours == expected
    fraction = identical / len(CASES)
    assert fraction >= MIN_IDENTICAL, f"{identical} of {len(CASES)} identical"
    # Every case that differs must be a documented, deliberate difference.
    assert identical == len(CASES) - len(DOCUMENTED)
