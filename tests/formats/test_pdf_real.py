"""Real screenplay PDFs (born digital, with a text layer) from public repositories, read from
$SHOWBIBLE_REAL_PDFS (default ../scratch/pdfs) and skipped when absent. Their hand-checked
facts are committed, not the PDFs: tests/data/formats/real_pdfs.json names each file with its
sha256, its source, the scene headings counted by hand in print against those read (missed
and extra ones counted) and the cues read (every name checked: the few that are no character
are listed). A PDF in the folder with no recorded facts is still read: it must
give cues of a letter or more, and headings or cues."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

import pytest

from showbible.formats import read_script
from showbible.model import InputError, Kind

ROOT = Path(__file__).resolve().parents[2]
REAL = Path(os.environ.get("SHOWBIBLE_REAL_PDFS", str(ROOT.parent / "scratch" / "pdfs")))
FACTS = json.loads((ROOT / "tests" / "data" / "formats" / "real_pdfs.json").read_text())


def _pdfs(sub: str = "") -> list[Path]:
    folder = REAL / sub if sub else REAL
    return sorted(folder.glob("*.pdf")) if folder.is_dir() else []


def _recorded() -> list[tuple[dict[str, object], Path]]:
    by_sha = {str(d["sha256"]): d for d in FACTS["documents"]}
    found = []
    for path in _pdfs():
        facts = by_sha.get(hashlib.sha256(path.read_bytes()).hexdigest())
        if facts is not None:
            found.append((facts, path))
    return found


def test_facts_are_consistent() -> None:
    """The reader's headings are the hand count less the headings it missed plus the lines it
    took for headings wrongly; the names that are no characters are among the cue names."""
    for doc in FACTS["documents"]:
        expected = doc["headings_expected"] - doc["headings_missed"] + doc["headings_extra"]
        assert doc["headings_found"] == expected, doc["file"]
        assert set(doc["cue_names_not_characters"]) <= set(doc["cue_names"]), doc["file"]
        assert len(str(doc["sha256"])) == 64


@pytest.mark.skipif(not _recorded(), reason="no recorded real PDFs in $SHOWBIBLE_REAL_PDFS")
@pytest.mark.parametrize("index", range(len(FACTS["documents"])))
def test_real_pdf_reads_as_recorded(index: int) -> None:
    facts = FACTS["documents"][index]
    path = next((p for f, p in _recorded() if f is facts), None)
    if path is None:
        pytest.skip(f"{facts['file']} not in $SHOWBIBLE_REAL_PDFS")
    script = read_script(path)
    headings = [e for e in script.elements if e.kind is Kind.HEADING]
    cues = Counter(e.text for e in script.elements if e.kind is Kind.CHARACTER)
    assert len(headings) == facts["headings_found"]
    # The same cues, by name, as checked by hand: no watermark letter, header or heading word.
    assert sorted(cues) == facts["cue_names"]
    assert sum(cues.values()) == facts["cues"]


@pytest.mark.skipif(not _pdfs(), reason="no real screenplay PDFs in $SHOWBIBLE_REAL_PDFS")
def test_unrecorded_real_pdfs_read() -> None:
    recorded = {p for _, p in _recorded()}
    for path in _pdfs():
        if path in recorded:
            continue
        script = read_script(path)
        cues = [e.text for e in script.elements if e.kind is Kind.CHARACTER]
        headings = [e for e in script.elements if e.kind is Kind.HEADING]
        assert headings or cues, path
        assert all(len(c) > 1 for c in cues), (path, [c for c in cues if len(c) <= 1])


@pytest.mark.skipif(not _pdfs("not-screenplays"), reason="no PDFs in not-screenplays/")
def test_real_pdfs_that_are_not_screenplays_are_refused() -> None:
    for path in _pdfs("not-screenplays"):
        with pytest.raises(InputError, match="does not read as a screenplay"):
            read_script(path)


@pytest.mark.skipif(not _pdfs("scanned"), reason="no scanned PDFs in scanned/")
def test_real_scanned_pdfs_need_ocr() -> None:
    for path in _pdfs("scanned"):
        with pytest.raises(InputError, match="needs OCR"):
            read_script(path)
