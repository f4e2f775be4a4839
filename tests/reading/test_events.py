"""Canon events: annotations (and their mistakes), inferred facts, the fold's timing."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible import compile_universe, load_universe
from showbible.build.compiled import Compiled
from showbible.model import InputError

BIBLE = """\
name: T
settings: {inferred_facts: %s}
series:
  - id: s
    scripts: ["s/*.fountain"]
    episodes:
      e1: {story: "day 1"}
      e2: {story: "day 2"}
characters:
  mara: {aliases: [MARA, Mara]}
  tobias: {aliases: [TOBIAS, Tobias]}
places:
  chapel: {name: The Chapel, aliases: [CHAPEL]}
secrets:
  ledger: {tells: ["floor stone"], known_by: [tobias]}
"""


def make(tmp_path: Path, e1: str, e2: str = "", inferred: str = "high") -> Compiled:
    (tmp_path / "universe.yaml").write_text(BIBLE % inferred)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "e1.fountain").write_text(e1)
    (tmp_path / "s" / "e2.fountain").write_text(e2 or "INT. ROOM - DAY\n\nMara waits.\n")
    return compile_universe(load_universe(tmp_path))


def rules(c: Compiled) -> list[tuple[str, str, int]]:
    return [(f.rule, f.file, f.line) for f in c.findings if not f.sealed]


def test_mistyped_verbs_unknown_names_and_secrets_are_warnings(tmp_path: Path) -> None:
    c = make(
        tmp_path,
        "INT. ROOM - DAY\n\n[[died: TOBIAS]]\n\n[[learns: MARA ledgr]]\n\n"
        "[[dies: TOBYAS]]\n\n[[destroyed: CHAPLE]]\n\n[[relation: MARA likes TOBIAS]]\n\n"
        "[[just a note about lighting]]\n\nMARA\nHi.\n",
    )
    messages = {(d.line, d.message) for d in c.diagnostics}
    assert (3, "unknown annotation verb 'died' (did you mean 'dies'?)") in messages
    assert any(
        line == 5 and "unknown secret 'ledgr' (did you mean 'ledger'?)" in m for line, m in messages
    )
    assert any(
        line == 7 and "unknown character 'TOBYAS' (did you mean 'tobias'?)" in m
        for line, m in messages
    )
    assert any(
        line == 9 and "unknown place 'CHAPLE' (did you mean 'chapel'?)" in m for line, m in messages
    )
    assert any(line == 11 and "names no relationship kind" in m for line, m in messages)
    assert not any(line == 13 for line, _m in messages)  # prose notes are just notes
    assert all(d.file == "s/e1.fountain" for d in c.diagnostics)


def test_a_secret_no_bible_declares_is_provisional(tmp_path: Path) -> None:
    """Like a cue the bible does not know, an annotation's secret in a universe whose bible
    declares no secrets is declared by the annotation (a bare universe names its secrets only
    in the scripts). Where the bible keeps a list of secrets, one not on it is a finding."""
    script = (
        "INT. ROOM - DAY\n\nMara and Tobias sit.\n\n[[reveals: tide-clock]]\n\n"
        "[[learns: MARA crypt-tunnel]]\n\nMARA\nHi.\n"
    )
    (tmp_path / "bare").mkdir()
    bare = BIBLE.split("secrets:")[0] + "secrets: {}\n"
    (tmp_path / "bare" / "universe.yaml").write_text(bare % "high")
    (tmp_path / "bare" / "s").mkdir()
    (tmp_path / "bare" / "s" / "e1.fountain").write_text(script)
    c = compile_universe(load_universe(tmp_path / "bare"))
    assert not [d for d in c.diagnostics if "secret" in d.message]
    assert c.fold is not None
    assert {"mara", "tobias"} <= {cid for cid, sid in c.fold.knows if sid == "tide-clock"}
    assert ("mara", "crypt-tunnel") in c.fold.knows
    listed = make(tmp_path, script)
    warned = sorted(d.message for d in listed.diagnostics if "secret" in d.message)
    assert len(warned) == 2 and all("declare it under secrets:" in m for m in warned)


def test_learning_counts_from_its_line(tmp_path: Path) -> None:
    c = make(
        tmp_path,
        "INT. ROOM - DAY\n\nMARA\nThe floor stone?\n\nTOBIAS\nYes.\n\n"
        "[[learns: MARA ledger]]\n\nMARA\nUnder the floor stone, then.\n",
    )
    assert rules(c) == [("premature-knowledge", "s/e1.fountain", 4)]


def test_reveal_teaches_everyone_present(tmp_path: Path) -> None:
    c = make(
        tmp_path,
        "INT. ROOM - DAY\n\nMara and Tobias sit.\n\n[[reveals: ledger]]\n\n"
        "MARA\nThe floor stone.\n",
        "INT. ROOM - DAY\n\nMARA\nStill the floor stone.\n",
    )
    assert rules(c) == []


@pytest.mark.parametrize(
    ("line", "inferred", "fires"),
    [
        ("Tobias slumps against the wall. Dead.", "high", True),
        ("Tobias dies.", "high", True),
        ("Mara kills Tobias.", "high", True),
        ("Tobias goes limp.", "high", False),  # medium confidence: proposed, not used
        ("Tobias goes limp.", "all", True),
        ("Tobias dies.", "none", False),
        ("Tobias lies about the ledger.", "high", False),
    ],
)
def test_inferred_deaths(tmp_path: Path, line: str, inferred: str, fires: bool) -> None:
    c = make(
        tmp_path,
        f"INT. ROOM - DAY\n\nMara and Tobias argue.\n\n{line}\n",
        "INT. ROOM - DAY\n\nTobias pours tea.\n",
        inferred,
    )
    found = [f for f in c.findings if f.rule == "dead-character"]
    assert bool(found) == fires
    if found:
        assert found[0].inferred and found[0].evidence[0].source == "inferred"
        assert found[0].evidence[0].line == 5


def test_inferred_destruction_and_dies_direction(tmp_path: Path) -> None:
    c = make(
        tmp_path,
        "INT. CHAPEL - NIGHT\n\nThe Chapel burns to the ground.\n\nTOBIAS\nI die here.\n\n!Dies\n",
        "INT. CHAPEL - DAY\n\nMara walks the ashes.\n",
    )
    inferred = {(e.verb, e.subject, e.line) for e in c.collected.inferred}  # type: ignore[union-attr]
    assert ("destroyed", "chapel", 3) in inferred
    assert ("dies", "tobias", 8) in inferred
    assert [f.rule for f in c.findings] == ["destroyed-place"]


def test_events_take_effect_after_their_scene(tmp_path: Path) -> None:
    c = make(
        tmp_path,
        "INT. ROOM - DAY\n\n[[dies: TOBIAS]]\n\nTOBIAS\nMy last words.\n\n"
        "INT. HALL - DAY\n\nTOBIAS\nAnd these.\n",
    )
    assert rules(c) == [("dead-character", "s/e1.fountain", 10)]


def _bible_with(tmp_path: Path, events: str) -> Path:
    (tmp_path / "universe.yaml").write_text(BIBLE % "high" + "events:\n" + events)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "e1.fountain").write_text("INT. CHAPEL - DAY\n\nMara prays.\n")
    (tmp_path / "s" / "e2.fountain").write_text("INT. CHAPEL - DAY\n\nMara prays again.\n")
    return tmp_path


def test_bible_places_resolve_through_aliases(tmp_path: Path) -> None:
    root = _bible_with(tmp_path, '  - {at: "e1#1", destroyed: CHAPEL}\n')
    found = compile_universe(load_universe(root)).findings
    assert [(f.rule, f.file, f.line) for f in found] == [("destroyed-place", "s/e2.fountain", 1)]


@pytest.mark.parametrize(
    ("event", "needle"),
    [
        ('  - {at: "e1#1", destroyed: chapl}\n', "unknown place 'chapl' (did you mean 'chapel'?)"),
        ('  - {at: "e1#1", held: {who: mara, place: chapel, until: "e3#1"}}\n', "no episode 'e3'"),
        ('  - {at: "e1#1", held: {who: mara, place: chapel, until: "e2#4"}}\n', "no scene 4"),
    ],
)
def test_bad_bible_references_are_input_errors(tmp_path: Path, event: str, needle: str) -> None:
    root = _bible_with(tmp_path, event)
    with pytest.raises(InputError) as info:
        compile_universe(load_universe(root))
    assert needle in str(info.value) and info.value.file == "universe.yaml"
    assert info.value.line == 17  # the event's line in universe.yaml


def test_held_until_past_as_of_is_still_held(tmp_path: Path) -> None:
    root = _bible_with(
        tmp_path, '  - {at: "e1#1", held: {who: mara, place: chapel, until: "e2#1"}}\n'
    )
    universe = load_universe(root)
    compiled = compile_universe(universe, as_of=universe.parse_ref("e1"))
    assert compiled.findings == []
