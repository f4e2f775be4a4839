"""Linking inferred secrets across scenes (reading/infer/learning.py) finds candidate tells with
one automaton pass per text; held here to the plain definition it replaced, which searched every
text with every secret's pattern: the same secrets, tells and lessons, in the same order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import synth_module
from showbible import compile_universe, load_universe
from showbible.reading.facts import Inferred, SceneFacts
from showbible.reading.infer import linking
from showbible.reading.infer.learning import Occurrences, Secret, TellFinder

DEMO = Path(__file__).resolve().parents[2] / "examples" / "sallowmouth"


# --- the plain definition, as it stood before the automaton -----------------------------------


def plain_distinctive(
    secrets: list[Secret], scenes: list[SceneFacts], occurs: object = None
) -> None:
    """Keep only the tells that nobody says before their secret is confided: words in common
    use before it show nothing. (``occurs``, an index of where tells are said, is not read:
    the plain definition reads every scene.)"""
    if not secrets:
        return
    pattern: dict[str, re.Pattern[str]] = {}
    for s in secrets:
        for t in s.tells:
            pattern.setdefault(t, re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, t.split()))
                                             + r"(?!\w)", re.I))  # fmt: skip
    position = {sc.key: i for i, sc in enumerate(scenes)}
    first: dict[str, int] = {}
    for i, sc in enumerate(scenes):
        if len(first) == len(pattern):
            break
        texts = [d.text for d in sc.dialogue] + [x.text for x in sc.sentences]
        blob = "\n".join(texts)
        low = blob.lower()
        # Only where each tell is first said matters: once found, it is not searched again
        # (searching every scene for every tell cost 10 s at 50 synthetic episodes).
        for t, rx in pattern.items():
            if t not in first and t.split()[0] in low and rx.search(blob):
                first[t] = i
    for s in secrets:
        at = position.get(s.scene, 0)
        s.tells = tuple(t for t in s.tells if first.get(t, at) >= at)


def plain_spread(secrets: list[Secret], scenes: list[SceneFacts], hints: dict[str, list[Inferred]],
           people: dict[str, list[str]], occurs: object = None) -> None:  # fmt: skip
    """Who learns each secret, scene by scene in release order (see the module's docstring).
    ``hints`` are the Learning facts per scene key; ``people`` who is present per scene key."""
    live = [s for s in secrets if s.tells]
    if not live:
        return
    rx = {s.id: re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, t.split()))
                                                      for t in s.tells) + r")(?!\w)", re.I)
          for s in live}  # fmt: skip
    position = {sc.key: i for i, sc in enumerate(scenes)}
    for s in live:
        for cid in s.hearers:
            s.knowers.setdefault(cid, (s.scene, s.line))
    for i, sc in enumerate(scenes):
        if sc.flashback:
            continue
        here = people.get(sc.key, [])
        for s in live:
            if position.get(s.scene, 0) > i:
                continue
            for d in sc.dialogue:
                if d.voice or d.character not in s.knowers or not rx[s.id].search(d.text):
                    continue
                if (s.knowers[d.character][0], s.knowers[d.character][1]) == (sc.key, d.line):
                    continue
                if sc.key == s.scene and d.line <= s.line:
                    continue
                for cid in here:
                    if cid not in s.knowers:
                        s.knowers[cid] = (sc.key, d.line)
                        s.learned.append((cid, sc.key, d.line, f"told by {d.character}"))
            for hint in hints.get(sc.key, ()):
                if hint.subject not in s.knowers and rx[s.id].search(hint.sentence):
                    s.knowers[hint.subject] = (sc.key, hint.line)
                    s.learned.append((hint.subject, sc.key, hint.line, hint.reason))


# --- the comparison ---------------------------------------------------------------------------


def _universe(tmp_path: Path, seed: int) -> list[SceneFacts]:
    root = tmp_path / f"u{seed}"
    synth_module.load().generate(root, 3, 8, seed=seed, scenes_per_episode=(4, 6), plant=8)
    return compile_universe(load_universe(root)).canon.scenes


@pytest.mark.parametrize("seed", [11, 29])
def test_linking_equals_the_plain_definition(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    scenes = _universe(tmp_path, seed)
    fast = linking.link(scenes, lambda c: False)
    # With the index of where tells are said that a resident session keeps (learning.py).
    occurs = Occurrences()
    occurs.ensure(scenes, {" ".join(t.lower().split()) for s in linking.confided(
        scenes, lambda c: False) for t in s.tells})  # fmt: skip
    indexed = linking.link(scenes, lambda c: False, occurs=occurs)
    monkeypatch.setattr(linking, "distinctive", plain_distinctive)
    monkeypatch.setattr(linking, "spread", plain_spread)
    plain = linking.link(scenes, lambda c: False)
    for got in (fast, indexed):
        assert [(x.verb, x.subject, x.scene, x.line, x.obj, x.data) for x in got] == [
            (x.verb, x.subject, x.scene, x.line, x.obj, x.data) for x in plain
        ]
    assert any(x.verb == "learns" and x.data.get("reason", "").startswith("told by") for x in fast)


def test_linking_on_the_demo_equals_the_plain_definition(monkeypatch: pytest.MonkeyPatch) -> None:
    scenes = compile_universe(load_universe(DEMO)).canon.scenes
    fast = linking.link(scenes, lambda c: False)
    monkeypatch.setattr(linking, "distinctive", plain_distinctive)
    monkeypatch.setattr(linking, "spread", plain_spread)
    plain = linking.link(scenes, lambda c: False)
    assert [(x.verb, x.subject, x.scene, x.line, x.data) for x in fast] == [
        (x.verb, x.subject, x.scene, x.line, x.data) for x in plain
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab c", max_size=4), max_size=6),
    st.text(alphabet="ab cd", max_size=20),
)
def test_a_confidence_holds_a_bible_tell_as_the_substring_test_says(
    tells: list[str], text: str
) -> None:
    """The automaton that finds the bible's tells in a confidence answers exactly as testing
    each tell as a substring would (the empty tell is in every text)."""
    assert linking._Contains(tells)(text) == any(t in text for t in tells)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text(alphabet="ab \n'", min_size=1, max_size=5), max_size=5),
    st.lists(st.text(alphabet="ab \n\t\x00'_Σé", max_size=12), max_size=8),
)
def test_a_finders_pass_over_many_texts_gives_each_what_it_finds_alone(
    tells: list[str], texts: list[str]
) -> None:
    """``TellFinder.pieces`` (one pass over a scene's speeches and hints, in ``spread``) gives
    each text the tells a search of that text alone finds: none across two texts, none lost at
    a text's edge; and None, for a search one by one, when a text holds its separator."""
    finder = TellFinder(tells)
    got = finder.pieces(texts)
    if any("\x00" in t for t in texts) and texts and not finder.empty:
        assert got is None
        return
    assert got == {j: hit for j, text in enumerate(texts) if (hit := finder(text))}
