"""The stem prefilter of inference (reading/infer/__init__.py: one automaton pass per sentence,
then only the components whose stems it holds) is held to its definition, every component
reading every sentence: the same facts, in the same order, scene by scene, on the planted
universes, the examples, a synthetic universe with planted errors and the nine plays. The
definition walks the sentences without the automaton, so the components' own tests of stems
(``base.holds``, ``speech_holds``: bits of the same pass) are held to plain searches too."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

import synth_module
from showbible import compile_universe, load_universe
from showbible.build import pipeline
from showbible.reading.facts import Inferred
from showbible.reading.infer import COMPONENTS, confinement, infer_facts, secrets
from showbible.reading.infer.base import HARM_BIT, STEM_TESTS, Unit, holds
from showbible.reading.infer.clauses import sentences

ROOT = Path(__file__).resolve().parents[2]
PLAYS = ROOT.parent / "shared" / "data" / "shakespeare-fountain"
UNIVERSES = [
    ROOT / "bench" / "planted" / "cinder-bay",
    ROOT / "bench" / "planted" / "halcyon-drift",
    ROOT / "bench" / "planted" / "saltmarsh",
    ROOT / "examples" / "sallowmouth",
]


def _inferred(root: Path) -> list[tuple[str, list[Inferred]]]:
    return [
        (sc.key, sc.inferred or []) for sc in compile_universe(load_universe(root)).canon.scenes
    ]


def _release_unguarded(unit: Unit, bit: int) -> bool:
    return bit == confinement._RELEASE_BIT or holds(unit, bit)


def _same_both_ways(root: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    fast = _inferred(root)
    with monkeypatch.context() as m:
        m.setattr(pipeline, "infer_facts", functools.partial(infer_facts, every=True))
        # Release's stems (" out", not "out") are its guard too: the definition reads every
        # sentence with its patterns alone.
        m.setattr(confinement, "holds", _release_unguarded)
        plain = _inferred(root)
    assert [k for k, _ in fast] == [k for k, _ in plain]
    for (key, got), (_key, want) in zip(fast, plain, strict=True):
        assert got == want, key
    return sum(len(facts) for _k, facts in fast)


@pytest.mark.parametrize("root", UNIVERSES, ids=lambda p: p.name)
def test_prefilter_equals_every_component_on_every_sentence(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not (root / "universe.yaml").is_file():
        pytest.skip(f"{root} absent")
    assert _same_both_ways(root, monkeypatch) > 0  # the comparison compared something


@pytest.mark.parametrize("seed", [3, 11])
def test_prefilter_on_a_synthetic_universe(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "u"
    synth_module.load().generate(root, 3, 8, seed=seed, scenes_per_episode=(4, 6), plant=8)
    assert _same_both_ways(root, monkeypatch) > 0


@pytest.mark.skipif(not PLAYS.is_dir(), reason="shared Shakespeare data not present")
def test_prefilter_on_the_nine_plays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plays").mkdir()
    series = []
    for f in sorted(PLAYS.glob("*.fountain")):
        shutil.copy(f, tmp_path / "plays" / f.name)
        sid = f.stem.lower().replace("_", "-")
        series.append(f'  - {{id: {sid}, scripts: ["plays/{f.name}"]}}')
    (tmp_path / "universe.yaml").write_text("name: plays\nseries:\n" + "\n".join(series) + "\n")
    found = _same_both_ways(tmp_path, monkeypatch)
    assert found > 50


def test_every_component_but_the_stemless_has_lower_case_stems() -> None:
    # The automaton reads the sentence in lower case: a stem with a capital would never match.
    for make in COMPONENTS:
        stems: tuple[str, ...] = getattr(make, "stems", ())
        assert stems, make
        assert all(s == s.lower() and s for s in stems), make


def test_the_components_tests_of_stems_are_registered_lower_case() -> None:
    # ``holds`` reads a bit of the automaton's pass over the lower-cased sentence.
    assert STEM_TESTS
    for bit, stems in STEM_TESTS.items():
        assert stems and all(s == s.lower() and s for s in stems), bit
        assert bit > HARM_BIT and bit & (bit - 1) == 0  # one bit, none of another's


def test_a_speech_test_finds_its_stems_within_one_sentence() -> None:
    # ``speech_holds`` ORs the bits of a speech's sentences: exact only when no stem can span
    # the place where one sentence ends and the next begins (clauses.sentences).
    for stem in secrets._TRIGGER:
        assert not set(stem) & set('.!?;—–\n"”’)') and stem == stem.strip(), stem
        assert sentences(f"x {stem} y") == [(0, f"x {stem} y")], stem
