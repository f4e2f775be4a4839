"""Property tests: arbitrary input never makes a reader raise anything but InputError, and
every element it returns has a valid 1-based line."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showbible.formats.fdx import parse_fdx
from showbible.formats.tei import parse_tei
from showbible.formats.transcript import decode_text, parse_transcript
from showbible.model import InputError, Script

FDX_PARTS = [
    "<FinalDraft>", "</FinalDraft>", "<Content>", "</Content>", '<Paragraph Type="Action">',
    '<Paragraph Type="Character">', '<Paragraph Type="Dialogue">', '<Paragraph Number="1" '
    'Type="Scene Heading">', "</Paragraph>", "<Text>", "</Text>", "<DualDialogue>",
    "</DualDialogue>", "<TitlePage>", "</TitlePage>", "MARA (V.O.)", "[[dies: X]]", "\n",
    "&amp;", "&lt;", "<!-- c -->", "(aside)", "<?pi x?>", "é", "<Text/>", "<Paragraph/>",
]  # fmt: skip
TEI_PARTS = [
    '<TEI xmlns="http://www.tei-c.org/ns/1.0">', "</TEI>", "<text>", "</text>", "<body>",
    "</body>", '<div type="act">', '<div type="scene" n="2">', "</div>", "<head>ACT I</head>",
    '<sp who="#a #b">', "<sp>", "</sp>", "<speaker>A.</speaker>", "<l>", "</l>", "<p>", "</p>",
    '<stage type="entrance" who="#a">', "<stage>", "</stage>", "Enter A", "<lg>", "</lg>",
    '<person xml:id="a"><persName>Ann, Lady</persName></person>', "<particDesc>",
    "</particDesc>", "<note>n</note>", "\n", "<choice><sic>x</sic><corr>y</corr></choice>",
]  # fmt: skip


def _check(parse: Callable[[bytes], Script], data: bytes) -> None:
    try:
        script = parse(data)
    except InputError as err:
        assert err.line >= 0
        return
    for e in script.elements:
        assert e.line >= 1
        assert e.last_line >= e.line
    for d in script.diagnostics:
        assert d.line >= 1


def _fdx(data: bytes) -> Script:
    return parse_fdx(data, "x.fdx")


def _tei(data: bytes) -> Script:
    return parse_tei(data, "x.xml")


def _txt(data: bytes) -> Script:
    text, _ = decode_text(data, "x.txt")
    return parse_transcript(text, "x.txt")


FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
def test_fdx_arbitrary_bytes(data: bytes) -> None:
    _check(_fdx, data)


@FAST
@given(st.lists(st.sampled_from(FDX_PARTS), max_size=40))
def test_fdx_arbitrary_tag_soup(parts: list[str]) -> None:
    _check(_fdx, "".join(parts).encode("utf-8"))


@FAST
@given(st.binary(max_size=2000))
def test_tei_arbitrary_bytes(data: bytes) -> None:
    _check(_tei, data)


@FAST
@given(st.lists(st.sampled_from(TEI_PARTS), max_size=40))
def test_tei_arbitrary_tag_soup(parts: list[str]) -> None:
    _check(_tei, "".join(parts).encode("utf-8"))


@FAST
@given(st.binary(max_size=2000))
def test_transcript_arbitrary_bytes(data: bytes) -> None:
    _check(_txt, data)


TXT_ALPHABET = st.sampled_from(
    [*"MARA:()[]\n \t.,-'Scene:INT. EXT", "[[", "]]", "(V.O.)", "CUT TO:", "\r\n"]
)


@FAST
@given(st.lists(TXT_ALPHABET, max_size=200))
def test_transcript_arbitrary_text(parts: list[str]) -> None:
    _check(_txt, "".join(parts).encode("utf-8"))


def test_deep_nesting_is_an_input_error_or_a_script() -> None:
    deep = ("<div>" * 5000 + "</div>" * 5000).encode()
    _check(_tei, b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>' + deep + b"</body>"
           b"</text></TEI>")  # fmt: skip
    _check(_fdx, b"<FinalDraft><Content>" + b"<Paragraph>" * 5000 + b"</Content></FinalDraft>")
