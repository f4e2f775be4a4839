"""A title passes on without a death on stage (canon/tenure.py, canon/creation.py), and a
crossing asserted on the word of people since taken apart falls with them (reading/crossing.py
``erode``). Each class is held both ways: the evidence that parts two holders, and the nearest
case where it must not."""

from __future__ import annotations

from pathlib import Path

from showbible.build.compiled import Compiled
from showbible.build.compiler import compile_universe
from showbible.canon.identity import identity_report
from showbible.canon.tenure import closed_order, silences
from showbible.reading.crossing import Crossing
from showbible.universe.loader import load_universe


def _compile(tmp_path: Path, texts: dict[str, str], ext: str = "fountain") -> Compiled:
    lines = ["name: Tenure", "series:"]
    for sid, text in texts.items():
        lines.append(f'  - {{id: {sid}, scripts: ["{sid}/*.{ext}"]}}')
        (tmp_path / sid).mkdir()
        (tmp_path / sid / f"e1.{ext}").write_text(text)
    (tmp_path / "universe.yaml").write_text("\n".join(lines) + "\n")
    return compile_universe(load_universe(tmp_path), rules=False)


def _crossing(compiled: Compiled, label: str) -> Crossing:
    return next(c for c in compiled.cast.crossings.values() if c.label == label)


# --- a title silent through the series between ----------------------------------------------
# ZORVAN, alive in the first play, dies in the middle one; QUILLEK, alive in both, dies in the
# last: so first < middle < last. VELLA is in all three and never dies.

FIRST = """.ACT I. SCENE I. A HALL.

!Enter ZORVAN, QUILLEK, VELLA, and MORDRETH

ZORVAN
The realm is ours.

VELLA
For now.

QUILLEK
Hold.

MORDRETH
The Duke of Mordreth stands with you.
"""

MIDDLE = """.ACT I. SCENE I. A HALL.

!Enter ZORVAN, QUILLEK, and VELLA

VELLA
Where has the old duke gone?

QUILLEK
Nobody knows.

ZORVAN
I am hurt.

!Dies
"""

LAST = """.ACT I. SCENE I. A GATE.

!Enter QUILLEK, VELLA, and MORDRETH

MORDRETH
I hold the title now.

VELLA
So be it.

QUILLEK
Treason!

!QUILLEK is slain
"""


def test_a_title_silent_while_its_court_goes_on_has_passed_to_somebody_else(
    tmp_path: Path,
) -> None:
    compiled = _compile(tmp_path, {"first": FIRST, "middle": MIDDLE, "last": LAST})
    mordreth = _crossing(compiled, "MORDRETH")
    assert mordreth.groups == [["first"], ["last"]]
    (pair,) = mordreth.pairs
    assert pair.refuted is not None and "speaks in none of middle" in pair.refuted
    assert "Vella" in pair.refuted or "Quillek" in pair.refuted  # the court that went on
    assert _crossing(compiled, "VELLA").settled  # the court itself stays one
    doubt = next(d for d in identity_report(compiled.canon) if d.label == "MORDRETH")
    assert doubt.kind == "possible-crossover"
    assert any("speaks in none of middle" in x for x in doubt.evidence["against"])


def test_a_name_silent_for_a_series_is_still_one_person(tmp_path: Path) -> None:
    """Without a word that MORDRETH is a title, an absence is only an absence."""
    first = FIRST.replace("The Duke of Mordreth stands with you.", "I stand with you.")
    compiled = _compile(tmp_path, {"first": first, "middle": MIDDLE, "last": LAST})
    assert _crossing(compiled, "MORDRETH").settled


def test_a_title_that_speaks_in_the_series_between_stands(tmp_path: Path) -> None:
    middle = MIDDLE.replace("!Enter ZORVAN, QUILLEK, and VELLA", "!Enter ZORVAN, QUILLEK, VELLA")
    middle = middle.replace("ZORVAN\nI am hurt.", "MORDRETH\nI am here.\n\nZORVAN\nI am hurt.")
    compiled = _compile(tmp_path, {"first": FIRST, "middle": middle, "last": LAST})
    assert _crossing(compiled, "MORDRETH").settled


def test_a_silence_needs_the_court_to_go_on() -> None:
    """A series between with fewer than two of the label's company is another story (a spin-off,
    another cast), whose silence says nothing."""
    before = closed_order(["a", "m", "b"], lambda p, q: {"am": 1, "ab": 0, "bm": -1}[p + q])
    assert before == {("a", "m"), ("m", "b"), ("a", "b")}
    company = {("x", "a"): {"p", "q", "r"}}
    court = {"a": {"x", "p", "q", "r"}, "m": {"p", "q"}, "b": {"x"}}
    assert silences("x", ["a", "b"], before, court, company) == {"a": {"b": ["m"]}}
    court["m"] = {"p", "s"}
    assert silences("x", ["a", "b"], before, court, company) == {}
    court["m"] = {"p", "q", "x"}  # it speaks there: no silence
    assert silences("x", ["a", "b"], before, court, company) == {}


def test_an_order_read_both_ways_orders_nothing() -> None:
    signs = {"ab": 1, "bc": 1, "ac": -1}
    before = closed_order(["a", "b", "c"], lambda p, q: signs[p + q])
    assert before == set()


# --- a title created anew --------------------------------------------------------------------

CREATED = """.ACT I. SCENE I. A HALL.

!Enter ZORVAN, QUILLEK, and VELLA

ZORVAN
Kneel, Brant, and rise created Duke of Mordreth.

!Enter MORDRETH

MORDRETH
I thank your grace.

VELLA
Long live the duke.

ZORVAN
I am hurt.

!Dies
"""


def test_a_title_created_anew_is_not_the_one_who_held_it_before(tmp_path: Path) -> None:
    compiled = _compile(tmp_path, {"first": FIRST, "second": CREATED})
    mordreth = _crossing(compiled, "MORDRETH")
    assert mordreth.groups == [["first"], ["second"]]
    (pair,) = mordreth.pairs
    assert pair.refuted is not None and "is created anew in second" in pair.refuted
    assert "second/e1.fountain:" in pair.refuted and "first comes before it" in pair.refuted


def test_a_holder_raised_in_rank_stays_one_person(tmp_path: Path) -> None:
    """The Earl made Duke of the same name speaks before his creation: the same man."""
    raised = CREATED.replace("!Enter ZORVAN, QUILLEK, and VELLA", "!Enter ZORVAN, QUILLEK, VELLA")
    raised = raised.replace(
        "ZORVAN\nKneel, Brant,", "MORDRETH\nI kneel.\n\nZORVAN\nKneel, Brant,"
    ).replace("!Enter MORDRETH\n\n", "")
    compiled = _compile(tmp_path, {"first": FIRST, "second": raised})
    assert _crossing(compiled, "MORDRETH").settled


# --- support taken apart -------------------------------------------------------------------


def _bar(intro: str, names: str) -> str:
    speeches = "\n".join(f"{n}\nEvening.\n" for n in names.split())
    return f"INT. HARBOUR BAR - NIGHT\n\n{intro} {names.replace(' ', ', ')} drink.\n\n{speeches}"


def test_a_common_name_asserted_on_the_word_of_one_taken_apart_falls(tmp_path: Path) -> None:
    """COLLINS (a common name, one episode each) crossed on three supporters; VESNA, one of
    them, is two people (two surnames): two are left, not enough."""
    compiled = _compile(
        tmp_path,
        {
            "one": _bar("VESNA QUARRELL (50s) polishes a glass.", "COLLINS ORLOK TAVISH VESNA"),
            "two": _bar("VESNA MARR, fourteen, eats an apple.", "COLLINS ORLOK TAVISH VESNA"),
        },
        ext="fountain",
    )
    assert not _crossing(compiled, "VESNA").settled
    collins = _crossing(compiled, "COLLINS")
    assert not collins.settled
    assert "on the word of VESNA" in (collins.pairs[0].refuted or "")
    assert _crossing(compiled, "ORLOK").settled  # meets TAVISH in both, who crosses


def test_a_common_name_with_support_left_stands(tmp_path: Path) -> None:
    compiled = _compile(
        tmp_path,
        {
            "one": _bar(
                "VESNA QUARRELL (50s) polishes a glass.", "COLLINS ORLOK TAVISH BRELL VESNA"
            ),
            "two": _bar("VESNA MARR, fourteen, eats an apple.", "COLLINS ORLOK TAVISH BRELL VESNA"),
        },
    )
    assert not _crossing(compiled, "VESNA").settled
    assert _crossing(compiled, "COLLINS").settled


def test_a_pair_refuted_inside_a_joined_group_is_a_suspected_merge(tmp_path: Path) -> None:
    """COLLINS of one and three is one person on the word of ORLOK, TAVISH and VESNA, and VESNA
    is two people there; but COLLINS of one and two, and of two and three, hold on their own.
    The chain stands, and `identities` lists the refuted pair with the line that settles it."""
    compiled = _compile(
        tmp_path,
        {
            "one": _bar(
                "VESNA QUARRELL (50s) polishes a glass.", "COLLINS ORLOK TAVISH VESNA BRELL KORRIN"
            ),
            "two": _bar("Rain.", "COLLINS BRELL KORRIN ORLOK DAKKA PELLOR"),
            "three": _bar(
                "VESNA MARR, fourteen, eats an apple.", "COLLINS ORLOK TAVISH VESNA DAKKA PELLOR"
            ),
        },
    )
    collins = _crossing(compiled, "COLLINS")
    assert collins.settled
    refuted = [ev for ev in collins.pairs if ev.refuted]
    assert [ev.series for ev in refuted] == [("one", "three")]
    doubt = next(
        d
        for d in identity_report(compiled.canon)
        if d.label == "COLLINS" and d.kind == "suspected-merge"
    )
    assert any("on the word of VESNA" in x for x in doubt.evidence["against"])
    assert "series: [three]" in doubt.settle
