"""Meeting needs shared stage time where the script marks entrances and exits (canon/stage.py):
Hotspur exits before Hal enters, so sharing the scene is not meeting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.build.compiler import compile_universe
from showbible.canon import stage
from showbible.universe.loader import load_universe

BIBLE = """name: Stage
series:
  - {id: s, scripts: ["s/*.fountain"]}
characters:
  mara: {name: Mara Voss, aliases: [MARA, Mara]}
  ben: {name: Ben Marr, aliases: [BEN, Ben]}
  rafi: {name: Rafi Osei, aliases: [RAFI, Rafi]}
"""


def met(tmp_path: Path, script: str) -> set[tuple[str, str]]:
    (tmp_path / "universe.yaml").write_text(BIBLE)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "e1.fountain").write_text(script)
    return set(compile_universe(load_universe(tmp_path)).canon.encounters)


CASES = [
    (
        "no marks: everyone in the scene meets",
        "INT. HALL - DAY\n\nMARA\nHello.\n\nBEN\nHi.\n",
        {("ben", "mara")},
    ),
    (
        "exit named before the other enters",
        "INT. HALL - DAY\n\nMARA\nI am off.\n\nExit MARA.\n\nEnter BEN.\n\nBEN\nNobody here.\n",
        set(),
    ),
    (
        "a bare Exit is the last speaker's",
        "INT. HALL - DAY\n\nEnter MARA and RAFI.\n\nMARA\nI am off.\n\nExit.\n\n"
        "Enter BEN.\n\nBEN\nRafi!\n\nRAFI\nBen.\n",
        {("mara", "rafi"), ("ben", "rafi")},
    ),
    (
        "an exit that names someone twice",
        "INT. HALL - DAY\n\nEnter MARA and RAFI.\n\nMARA\nGo.\n\nExit RAFI, and RAFI's dog.\n\n"
        "Enter BEN.\n\nBEN\nMara.\n",
        {("mara", "rafi"), ("ben", "mara")},
    ),
    (
        "Exeunt empties the stage",
        "INT. HALL - DAY\n\nMARA\nCome.\n\nRAFI\nYes.\n\nExeunt.\n\nEnter BEN.\n\nBEN\nGone.\n",
        {("mara", "rafi")},
    ),
    (
        "Exeunt all but one: the named stays",
        "INT. HALL - DAY\n\nMARA\nCome.\n\nRAFI\nYes.\n\nExeunt all but RAFI.\n\n"
        "Enter BEN.\n\nBEN\nRafi.\n",
        {("mara", "rafi"), ("ben", "rafi")},
    ),
    (
        "NAME exits in prose",
        "INT. HALL - DAY\n\nMARA\nBye.\n\nMara exits.\n\nBen enters, soaked.\n\nBEN\nAnyone?\n",
        set(),
    ),
    (
        "speaking again after an exit is a return",
        "INT. HALL - DAY\n\nMARA\nBye.\n\nExit MARA.\n\nEnter BEN.\n\nBEN\nHello?\n\n"
        "MARA\nForgot my keys.\n",
        {("ben", "mara")},
    ),
    (
        "Exeunt some with one: only the named go",
        "INT. HALL - DAY\n\nEnter MARA and RAFI.\n\nMARA\nTake him.\n\nExeunt some with RAFI.\n\n"
        "Enter BEN.\n\nBEN\nMara.\n",
        {("mara", "rafi"), ("ben", "mara")},
    ),
    (
        "Exeunt some naming no one: nobody known goes",
        "INT. HALL - DAY\n\nEnter MARA and RAFI.\n\nMARA\nGo.\n\nExeunt some.\n\n"
        "Enter BEN.\n\nBEN\nStill here?\n",
        {("mara", "rafi"), ("ben", "mara"), ("ben", "rafi")},
    ),
    (
        "the slain leave the stage",
        "INT. HALL - DAY\n\nEnter MARA and RAFI.\n\nRAFI\nHa!\n\nRAFI is slain.\n\n"
        "Enter BEN.\n\nBEN\nMara.\n",
        {("mara", "rafi"), ("ben", "mara")},
    ),
    (
        "a bare Dies is the last speaker's",
        "INT. HALL - DAY\n\nEnter MARA and RAFI.\n\nRAFI\nI am hurt.\n\nDies\n\n"
        "Enter BEN.\n\nBEN\nMara.\n",
        {("mara", "rafi"), ("ben", "mara")},
    ),
]


@pytest.mark.parametrize(("name", "script", "want"), CASES, ids=[c[0] for c in CASES])
def test_met_needs_shared_stage_time(
    tmp_path: Path, name: str, script: str, want: set[tuple[str, str]]
) -> None:
    assert met(tmp_path, script) == want, name


@settings(max_examples=500, deadline=None)
@given(st.from_regex(stage._AFTER, alphabet=st.characters(max_codepoint=127)))
def test_every_move_after_its_subject_holds_a_word_that_is_looked_for(text: str) -> None:
    # A sentence without these words is not searched for a move (``stage._may_move``).
    assert stage._AFTER.search(text)
    assert stage._may_move(text), text


def test_a_sentence_beyond_ascii_is_searched() -> None:
    assert stage._AFTER.search("Mara dieſ") and stage._may_move("Mara dieſ")
    assert not stage._may_move("Mara sits.")
