"""Each series' name matcher is the cast's shared words plus the series' own: it must find
exactly what a matcher built from scratch for that series finds, in every text of real and
synthetic universes (scoped aliases, cues, partial names made and unmade)."""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

import synth_module
from showbible.build.compiler import compile_universe
from showbible.reading import lexicon
from showbible.reading.names import is_role, normalise, token_runs
from showbible.reading.resolve import Cast, NameMatcher, Value, _pick, _Words
from showbible.universe.loader import load_universe

ROOT = Path(__file__).resolve().parents[2]
PLAYS = ROOT.parent / "shared" / "data" / "shakespeare-fountain"


def _from_scratch(cast: Cast, series: str, cues: Mapping[str, Iterable[str]]) -> NameMatcher:
    """The matcher as one series alone would build it: every label, then its partial names."""
    full: dict[str, tuple[str, str | None]] = {}
    for key, owners in cast._exact.items():
        cid = _pick(owners, series)
        if cid is not None and not cast.characters[cid].role:
            full[key] = (cid, cast.characters[cid].identities.get(key))
    for phrase, owners in cast._phrases.items():
        cid = _pick(owners, series)
        if cid is not None:
            full[phrase] = (cid, cast.characters[cid].identities.get(normalise(phrase)))
    for cid, labels in cues.items():
        char = cast.characters.get(cid)
        if char is None or char.role:
            continue
        for label in labels:
            full.setdefault(label, (cid, char.identities.get(label)))
    owners_of: dict[str, set[str]] = defaultdict(set)
    for label, (owner, _identity) in full.items():
        if label[:1].islower() or label in cast._descriptive:
            continue
        for run in token_runs(label):
            owners_of[run].add(owner)
    entries: dict[str, list[Value]] = defaultdict(list)
    for label, (cid, identity) in full.items():
        entries[label.lower()].append((label, cid, identity, False))
    for run, run_owners in owners_of.items():
        if (
            len(run_owners) == 1
            and run not in full
            and not is_role(run, cast.roles)
            and not lexicon.names_no_one(run)
        ):
            entries[run.lower()].append((run, next(iter(run_owners)), None, True))
    return NameMatcher(
        _Words({k: tuple(v) for k, v in entries.items()}), {}, None, cast.titles, cast.name_changing
    )


def _synth_universe(tmp: Path) -> Path:
    synth_module.load().generate(tmp / "u", 4, 6, seed=3, scenes_per_episode=(3, 5), plant=4)
    return tmp / "u"


def _shakespeare(tmp: Path) -> Path | None:
    """The nine plays with our bible (as tests/test_shakespeare.py builds them): scoped
    aliases, titles and partial names in earnest."""
    plays = sorted(PLAYS.glob("*.fountain"))
    if not plays:
        return None
    root = tmp / "plays-universe"
    (root / "plays").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "data" / "shakespeare" / "universe.yaml", root / "universe.yaml")
    for play in plays:
        shutil.copy(play, root / "plays" / play.name)
    return root


def _universes(tmp: Path) -> list[Path]:
    out = [ROOT / "examples" / "sallowmouth", ROOT / "examples" / "defenders", _synth_universe(tmp)]
    plays = _shakespeare(tmp)
    return [*out, plays] if plays is not None else out


def test_layered_matchers_find_what_matchers_from_scratch_find(tmp_path: Path) -> None:
    checked = 0
    for root in _universes(tmp_path):
        compiled = compile_universe(load_universe(root))
        cast, extraction = compiled.cast, compiled.extraction
        texts: dict[str, list[str]] = defaultdict(list)
        for result in extraction.episodes.values():
            for scene in compiled.canon.scenes:
                if scene.file != result.episode.rel:
                    continue
                texts[scene.series] += [s.text for s in scene.dialogue]
                texts[scene.series] += [s.text for s in scene.sentences]
        for series in compiled.universe.series:
            cues = extraction.series_cues.get(series.id, {})
            layered = cast.matcher(series.id, cues)
            scratch = _from_scratch(cast, series.id, cues)
            for text in texts[series.id]:
                assert layered.find(text) == scratch.find(text), (root.name, series.id, text)
                checked += 1
    assert checked > 3_000


@pytest.mark.parametrize("text", ["", "PRINCE", "the Prince's hat", "Enter HAL and POINS."])
def test_a_matcher_with_nothing_of_its_own(text: str) -> None:
    from showbible.universe.bible import BibleConf

    cast = Cast(BibleConf.model_validate({"characters": {"hal": {"aliases": ["PRINCE HAL"]}}}))
    assert cast.matcher("s", {}).find(text) == _from_scratch(cast, "s", {}).find(text)


def test_function_words_make_no_partial_names() -> None:
    # A cue misread from an all-capitals action line must not make "From" or "Everything" a
    # name in every action sentence that begins with it.
    assert "FROM" not in token_runs("SUIT BURSTS FROM THE WRECKAGE")
    assert "SUIT BURSTS" in token_runs("SUIT BURSTS FROM THE WRECKAGE")
    assert token_runs("EVERYTHING BURNS") == ("BURNS",)
    assert "HENRY" in token_runs("KING HENRY IV")
