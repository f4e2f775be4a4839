"""The sentence stream of inference (reading/infer/base.py ``walk``) gives the same units
whether or not it is handed the prefilter's automaton: with it, one automaton pass per sentence
finds both the components' stems and a harmful act's (HARM_BIT), which must strike the same
victims as the harmful-act test of its own. (That units sharing one focus copy until the focus
changes read as a copy per sentence did is held by the facts of whole universes: every
episode's facts were compared byte for byte before and after, docs/performance.md.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible import compile_universe, load_universe
from showbible.reading.infer import _prefilter
from showbible.reading.infer.base import HARM_BIT, HARM_STEMS, Unit, walk
from showbible.reading.infer.clauses import Focus, has_any

ROOT = Path(__file__).resolve().parents[2]
UNIVERSES = [ROOT / "examples" / "sallowmouth", ROOT / "bench" / "planted" / "cinder-bay"]


def _seen(u: Unit) -> tuple[object, ...]:
    f = u.focus
    return (u.kind, u.text, u.line, u.index, u.victim, f.speaker, f.addressee, tuple(f.recent),
            f.victim, [(m.cid, m.start, m.pronoun) for m in u.ms])  # fmt: skip


@pytest.mark.parametrize("root", UNIVERSES, ids=lambda p: p.name)
def test_walk_with_the_prefilter_is_the_walk_without(root: Path) -> None:
    if not (root / "universe.yaml").is_file():
        pytest.skip(f"{root} absent")
    stems, _unguarded = _prefilter()
    units = harmful = 0
    for facts in compile_universe(load_universe(root), rules=False).canon.scenes:
        plain = walk(facts, None, None, None)
        fast = walk(facts, None, None, None, stems)
        assert [_seen(u) for u in fast] == [_seen(u) for u in plain], facts.key
        for u in fast:
            assert u.stems is not None
            assert bool(u.stems & HARM_BIT) == has_any(u.low, HARM_STEMS)
            harmful += bool(u.stems & HARM_BIT)
        units += len(fast)
    assert units > 100 and harmful > 0  # the comparison compared something


def test_focus_named_says_whether_it_changed() -> None:
    f = Focus()
    assert f.named("a") and f.named("b")
    assert not f.named("b")  # already last: nothing changes
    assert f.named("a") and f.recent == ["b", "a"]
