"""The bible's YAML reader: libyaml's speed, ruamel's YAML 1.2, every key's position kept."""

from __future__ import annotations

import pytest

from showbible.model import InputError
from showbible.universe.yamlread import YMap, YSeq, read_yaml


def test_values_and_positions() -> None:
    doc = read_yaml(
        b"name: Test\nseries:\n  - id: a\n    released: 2024-01-31\n  - {id: b, n: 010}\n", "u.yaml"
    )
    assert isinstance(doc, YMap)
    assert doc == {
        "name": "Test",
        "series": [{"id": "a", "released": "2024-01-31"}, {"id": "b", "n": 10}],
    }
    assert doc.at["series"] == ("u.yaml", 2, 1)
    series = doc["series"]
    assert isinstance(series, YSeq)
    assert series.at[1] == ("u.yaml", 5, 5)
    assert series[0].at["released"] == ("u.yaml", 4, 5)


def test_yaml_1_2_that_libyaml_refuses() -> None:
    # A colon inside a flow item is YAML 1.2 (and how REFs are written in release_order).
    doc = read_yaml(b"release_order: [tower:t1, harbour:h2]\nflag: yes\n", "u.yaml")
    assert doc == {"release_order": ["tower:t1", "harbour:h2"], "flag": "yes"}


def test_merge_keys_and_aliases() -> None:
    doc = read_yaml(b"base: &b {k: 1, j: 1}\nthis: {<<: *b, j: 2}\n", "u.yaml")
    assert doc["this"] == {"k": 1, "j": 2}
    assert doc["this"].at["j"] == ("u.yaml", 2, 16)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"a: 1\na: 2\n", "u.yaml:2:1: duplicate key 'a'"),
        (b"? [1, 2]\n: x\n", "u.yaml:1:3: a mapping key must be a plain value"),
        (b"a: [1, 2\n", "u.yaml:2:1:"),
        (b"a: \xff\n", "u.yaml:1: not valid UTF-8"),
        (b"x: {<<: 3}\n", "u.yaml:1:9: a merge key (<<) needs a mapping"),
    ],
)
def test_errors_name_file_line_and_column(text: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        read_yaml(text, "u.yaml")
    assert str(err.value).startswith(message)
