"""Real screenplays saved as plain text (fetched, never committed: SHOWBIBLE_LAYOUT_TXT, see
bench/layout_text_real.py): every scene heading a reference pattern finds is read, the cues are
read as cues, and fan transcripts stay transcripts. Skips when the corpus is absent."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

from showbible.formats.layout_text import to_fountain
from showbible.formats.text import decode_text

CORPUS = Path(os.environ.get("SHOWBIBLE_LAYOUT_TXT", "/work/scratch/layout_txt"))
BENCH = Path(__file__).resolve().parents[2] / "bench" / "layout_text_real.py"
pytestmark = pytest.mark.skipif(
    not any(CORPUS.glob("*.txt")), reason=f"no screenplays under {CORPUS}"
)


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("layout_text_real", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_a_real_layout_is_read(path: Path) -> None:
    headings, reference, cues, speakers = _bench().measure(path)
    assert headings >= reference
    assert cues >= 500 and speakers >= 5


def test_transcripts_stay_transcripts() -> None:
    for path in sorted((CORPUS / "transcripts").glob("*.txt")):
        assert to_fountain(decode_text(path.read_bytes(), str(path))[0]) is None, path.name
