"""Deaths in the nine history plays, read with no bible: every death the stage directions
establish, from the Fountain edition and from the Folger TEI alike; none invented.

Fountain: ../shared/data/shakespeare-fountain (skipped when absent). TEI: the DraCor copies of
the Folger editions (github.com/dracor-org/shakedracor at 1146c6ce, ``tei/<play>.xml``), found
through the environment variable ``SHOWBIBLE_TEI_PLAYS`` (a folder; skipped when unset) -- they
are not in the repository.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe

FOUNTAIN = Path(__file__).resolve().parents[3] / "shared" / "data" / "shakespeare-fountain"
TEI = Path(os.environ.get("SHOWBIBLE_TEI_PLAYS", "/nonexistent"))

# On-stage deaths the directions establish in both editions: a word of the dying one's label.
BOTH = {
    "1henryiv": ["blunt", "hotspur"],
    "1henryvi": ["mortimer", "bedford", "talbot"],
    "2henryvi": ["horner", "gloucester", "suffolk", "cade", "clifford", "somerset"],
    "3henryvi": ["rutland", "york", "clifford", "warwick", "henry"],
    "richardii": ["richard"],
    "richardiii": ["clarence", "richard"],
}
# Told by a direction in one edition only: "Enter Soldiers, with the body of JOHN TALBOT" (the
# Folger text has him "borne"); "SIR HUMPHREY and WILLIAM STAFFORD are slain" (Folger: "both the
# Staffords"); "The Cardinal dies" (the MIT text has no direction there).
FOUNTAIN_ONLY = {"1henryvi": ["john-talbot"], "2henryvi": ["stafford"]}
TEI_ONLY = {"henry-vi-part-2": ["cardinal"]}
# Reported, never shown: Falstaff's death (Henry V II.3) must not be inferred.
NOT = ["falstaff"]
TEI_NAMES = {
    "1henryiv": "henry-iv-part-1", "2henryiv": "henry-iv-part-2", "henryv": "henry-v",
    "1henryvi": "henry-vi-part-1", "2henryvi": "henry-vi-part-2", "3henryvi": "henry-vi-part-3",
    "richardii": "richard-ii", "richardiii": "richard-iii",
    "merry_wives": "the-merry-wives-of-windsor",
}  # fmt: skip


def _deaths(files: list[Path], tmp: Path) -> dict[str, list[str]]:
    (tmp / "plays").mkdir(parents=True)
    series = []
    for f in files:
        shutil.copy(f, tmp / "plays" / f.name)
        sid = re.sub(r"[^a-z0-9-]", "-", f.stem.lower())
        series.append(f'  - {{id: {sid}, scripts: ["plays/{f.name}"]}}')
    (tmp / "universe.yaml").write_text("name: plays\nseries:\n" + "\n".join(series) + "\n")
    compiled = compile_universe(load_universe(tmp))
    assert compiled.collected is not None
    out: dict[str, list[str]] = {}
    for e in compiled.collected.inferred:
        if e.verb == "dies" and (e.confidence or 0) >= 0.9 and "withdrawn" not in e.data:
            out.setdefault(Path(e.file).stem.replace("_", "-"), []).append(e.subject)
    return out


def _check(found: dict[str, list[str]], expected: dict[str, list[str]]) -> None:
    for play, words in expected.items():
        got = found.get(play.replace("_", "-"), [])
        for word in words:
            assert any(word in cid for cid in got), f"{play}: no death of {word!r} in {got}"
    everyone = [cid for cids in found.values() for cid in cids]
    for word in NOT:
        assert not any(word in cid for cid in everyone), f"{word} invented: {everyone}"


@pytest.mark.skipif(not FOUNTAIN.is_dir(), reason="shared Shakespeare data not present")
def test_fountain_deaths(tmp_path: Path) -> None:
    found = _deaths(sorted(FOUNTAIN.glob("*.fountain")), tmp_path)
    _check(found, {p: BOTH.get(p, []) + FOUNTAIN_ONLY.get(p, []) for p in {*BOTH, *FOUNTAIN_ONLY}})


@pytest.mark.skipif(not TEI.is_dir(), reason="set SHOWBIBLE_TEI_PLAYS to the DraCor TEI folder")
def test_tei_deaths(tmp_path: Path) -> None:
    files = [
        TEI / f"{TEI_NAMES[p]}.xml" for p in TEI_NAMES if (TEI / f"{TEI_NAMES[p]}.xml").is_file()
    ]
    found = _deaths(files, tmp_path)
    expected = {TEI_NAMES[p]: words for p, words in BOTH.items()}
    for play, words in TEI_ONLY.items():
        expected.setdefault(play, []).extend(words)
    _check(found, expected)
