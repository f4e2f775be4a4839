"""Whether a sentence shows a named character there (reading/prose_seen.py); what the accusing
rules make of it is in tests/rules/dead-character.yaml and two-places.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from showbible.reading.prose_seen import seen

CASES = YAML(typ="safe").load((Path(__file__).parent / "seen_cases" / "seen.yaml").read_text())


def _seen(case: dict[str, Any]) -> bool:
    text, name = case["text"], case["name"]
    at = text.index(name)
    return seen(text, at, at + len(name), direction=text.lower().startswith("enter"))


@pytest.mark.parametrize("case", CASES["shown"], ids=lambda c: c["text"][:50])
def test_shown(case: dict[str, Any]) -> None:
    assert _seen(case)


@pytest.mark.parametrize("case", CASES["not_shown"], ids=lambda c: c["text"][:50])
def test_not_shown(case: dict[str, Any]) -> None:
    assert not _seen(case)
