"""``NEEDED`` of the inference modules: each pattern a component searches only in a sentence that
holds one of its stems (``base.may_match``) has a stem within every match. Held on every
sentence and speech of the demo and a planted universe, and on strings made from each pattern;
a text beyond ASCII is always searched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.reading.infer import confinement, deaths, incapacity
from showbible.reading.infer.base import STEM_TESTS, Unit, may_match
from showbible.reading.infer.clauses import Focus, has_any

NEEDED = {
    f"{module.__name__.rsplit('.', 1)[1]}.{name}": needed
    for module in (deaths, confinement, incapacity)
    for name, needed in module.NEEDED.items()
}


@pytest.fixture(scope="module")
def texts(universe_texts: list[str]) -> list[str]:
    return universe_texts


@pytest.mark.parametrize("name", sorted(NEEDED))
def test_every_match_in_the_universes_holds_a_stem(name: str, texts: list[str]) -> None:
    pattern, stems = NEEDED[name]
    for text in texts:
        if pattern.search(text):
            assert not text.isascii() or has_any(text.lower(), stems), (name, text)


# A pattern as written, without the lookahead ``clauses.lead`` put before it (which the
# strings made from a pattern cannot satisfy): the same matches.
_LED = re.compile(r"\(\?=\[[^\]]*(?:\\.[^\]]*)*\]\)\(\?:(.*)\)", re.S)


def _unled(pattern: re.Pattern[str]) -> re.Pattern[str]:
    led = _LED.fullmatch(pattern.pattern)
    return re.compile(led.group(1), pattern.flags) if led else pattern


@pytest.mark.parametrize("name", sorted(NEEDED))
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_every_match_made_from_the_pattern_holds_a_stem(name: str, data: st.DataObject) -> None:
    pattern, stems = NEEDED[name]
    text = data.draw(st.from_regex(_unled(pattern), alphabet=st.characters(max_codepoint=127)))
    assert pattern.search(text)
    assert has_any(text.lower(), stems), text


def test_a_text_beyond_ascii_is_always_searched() -> None:
    _pattern, stems = deaths.NEEDED["high"]
    bit = next(b for b, s in STEM_TESTS.items() if s == stems)
    # "dieſ": re.I matches it as "dies", and its lower case holds no stem.
    for text, want in (("Mara dieſ.", True), ("Mara sleeps.", False), ("Mara dies.", True)):
        unit = Unit("action", text, 1, None, [], Focus(), low=text.lower())
        assert may_match(unit, bit) is want, text
        assert want == bool(deaths._SUBJECT_HIGH.search(text)), text
