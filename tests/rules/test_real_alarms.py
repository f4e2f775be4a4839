"""Continuity findings on real transcripts read without a bible (bench/real_alarms.py): a
broadcast show is consistent as far as its audience can tell, so each is presumed a false
alarm. Holds the figures the reintroduction rule reached (Friends + The Office 27 -> 7,
Seinfeld + Friends + The Big Bang Theory 46 -> 19 at the eighteenth session; 4 and 11 in the
nineteenth, old acquaintances playing strangers no longer judged) with some room.
The corpora live outside the repository (``SHOWBIBLE_IDENTITY_CORPORA``); skipped without them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import bench_module
from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe

CORPORA = Path(os.environ.get("SHOWBIBLE_IDENTITY_CORPORA", "/nonexistent"))


# The sitcoms' seventh (fortieth session): The Office's transcripts have no scene breaks, so an
# episode is one scene and two branches' people "meet" across a cut; "I'm Pam." -- "Karen."
# now names whom it was said to (an answer with one's own name, the fiftieth blind look), and
# that false meeting makes it a reintroduction.
@pytest.mark.parametrize(("name", "ceiling"), [("sitcoms", 7), ("franchise", 14)])
def test_real_transcripts_raise_few_continuity_findings(name: str, ceiling: int) -> None:
    root = CORPORA / name
    if not (root / "universe.yaml").is_file():
        pytest.skip(f"{root} is not present (set SHOWBIBLE_IDENTITY_CORPORA)")
    bench_module.load("identity_eval")  # real_alarms imports it by name
    alarms = bench_module.load("real_alarms")
    universe = load_universe(root)
    findings = compile_universe(universe).findings
    continuity = [f for f in findings if f.rule not in alarms.INPUT]
    listing = "\n".join(f"{f.file}:{f.line} {f.rule}: {f.message}" for f in continuity)
    assert len(continuity) <= ceiling, listing
    assert len(continuity) / len(universe.episodes) <= 0.05, listing
