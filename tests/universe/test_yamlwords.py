"""YAML slips explained in words, with the line and the likely fix (issue 17, item 10)."""

from __future__ import annotations

import pytest

from showbible.model import InputError
from showbible.universe.yamlread import read_yaml

GOOD = """name: U
series:
  - id: u
    title: U
characters:
  ada: {name: Ada Quill, aliases: [ADA]}
  ben: {name: Ben Marr, aliases: [BEN]}
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("  ben:", "   ben:", 7, "indent line 7 by 2 spaces like line 6"),
        ("    title: U", "   title: U", 4, "indent line 4 by 4 spaces like line 3"),
        ("  ben:", "\tben:", 7, "tab"),
        ("aliases: [ADA]}", "aliases: [ADA]", 7, "not closed"),
        ("title: U", 'title: "U', 4, "quote"),
    ],
)
def test_slips_in_words(old: str, new: str, line: int, words: str) -> None:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    with pytest.raises(InputError) as info:
        read_yaml(text.encode(), "universe.yaml")
    message = str(info.value)
    assert f"universe.yaml:{line}" in message, message
    assert words in message, message
    assert "<block" not in message and "expected" not in message.split(": ", 1)[1][:9]


def test_good_yaml_reads() -> None:
    assert read_yaml(GOOD.encode(), "universe.yaml")["name"] == "U"
