"""Fixtures shared by the reading tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible import compile_universe, load_universe

ROOT = Path(__file__).resolve().parents[2]
UNIVERSES = [ROOT / "examples" / "sallowmouth", ROOT / "bench" / "planted" / "cinder-bay"]


@pytest.fixture(scope="session")
def universe_texts() -> list[str]:
    """Every sentence of action and every speech of the demo universe and a planted one: the
    text the inference patterns meet."""
    texts: list[str] = []
    for root in UNIVERSES:
        if (root / "universe.yaml").is_file():
            for sc in compile_universe(load_universe(root), rules=False).canon.scenes:
                texts.extend(s.text for s in sc.sentences)
                texts.extend(d.text for d in sc.dialogue)
    return texts
