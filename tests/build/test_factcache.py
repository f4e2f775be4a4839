"""The extraction cache's entries: scenes decoded with their words (speeches, sentences) left
compressed until read, and at most so many episodes' words decoded at once within
``keep_words`` — without any reader seeing a difference."""

from __future__ import annotations

import struct
import zlib
from collections import Counter
from pathlib import Path

import pytest

from showbible import build
from showbible.build import compiler
from showbible.build.compiler import compile_universe
from showbible.build.factcache import CachedScene, dump_facts, keep_words, load_facts
from showbible.reading.facts import SceneFacts, Speech
from showbible.store import Store
from showbible.universe.loader import load_universe

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "sallowmouth"


@pytest.fixture(scope="module")
def episodes() -> list[list[SceneFacts]]:
    compiled = compile_universe(load_universe(DEMO))
    return [r.facts for r in compiled.extraction.episodes.values()]


def _set(scene: CachedScene, name: str) -> bool:
    """Whether a slot of the scene holds its value (decoded or its own), without decoding."""
    try:
        SceneFacts.__dict__[name].__get__(scene, SceneFacts)
    except AttributeError:
        return False
    return True


def _speeches_decoded(scene: CachedScene) -> bool:
    return _set(scene, "dialogue")


def _blob(scenes: list[SceneFacts]) -> bytes:
    s = scenes[0]
    return dump_facts(s.series, s.episode, s.file, scenes)


def _loaded(scenes: list[SceneFacts]) -> list[CachedScene]:
    out = load_facts(_blob(scenes))
    assert out is not None and all(isinstance(s, CachedScene) for s in out)
    return out  # type: ignore[return-value]


def test_words_stay_compressed_until_a_scene_is_read(episodes: list[list[SceneFacts]]) -> None:
    scenes = max(episodes, key=len)
    loaded = _loaded(scenes)
    assert all(isinstance(s, CachedScene) for s in loaded)
    assert not any(s.decoded() for s in loaded)
    # What the folds ask of every scene is there without the words.
    assert [s.present for s in loaded] == [s.present for s in scenes]
    assert [s.action_leads() for s in loaded] == [s.action_leads() for s in scenes]
    assert not any(s.decoded() for s in loaded)
    # Reading one scene's sentences decodes its episode's sentences, not their speeches.
    assert loaded[-1].sentences == scenes[-1].sentences
    assert not any(_speeches_decoded(s) for s in loaded)
    assert loaded[0].dialogue == scenes[0].dialogue
    assert all(s.decoded() for s in loaded)
    assert loaded == scenes and scenes == loaded


def test_at_most_the_kept_episodes_are_decoded(episodes: list[list[SceneFacts]]) -> None:
    loaded = [_loaded(scenes) for scenes in episodes]
    assert len(loaded) >= 3
    with keep_words(2):
        for scenes in loaded:
            assert scenes[0].dialogue is not None
        decoded = [_speeches_decoded(scenes[0]) for scenes in loaded]
        assert decoded == [False] * (len(loaded) - 2) + [True, True]
        # A forgotten episode is decoded again, equal to what it was.
        assert loaded[0] == episodes[0]
    # Outside the block nothing is forgotten any more.
    for scenes in loaded:
        assert scenes[0].sentences is not None and scenes[0].dialogue is not None
    assert all(scenes[0].decoded() for scenes in loaded)


def test_the_first_words_decoded_within_the_pinned_bytes_stay(
    episodes: list[list[SceneFacts]],
) -> None:
    loaded = [_loaded(scenes) for scenes in episodes]
    assert len(loaded) >= 4
    sizes = [len(scenes[0].source.blobs[0]) for scenes in loaded]  # type: ignore[union-attr]
    # Room for the first two episodes' speeches, not for a third.
    with keep_words(1, pinned=sizes[0] + sizes[1]):
        for _ in range(2):  # two passes in order, as a build's passes read the canon
            for scenes in loaded:
                assert scenes[0].dialogue is not None
            decoded = [_speeches_decoded(scenes[0]) for scenes in loaded]
            assert decoded == [True, True] + [False] * (len(loaded) - 3) + [True]
        # The pinned words are shared (interned) as a whole canon's are, and equal.
        assert loaded[0] == episodes[0] and loaded[1] == episodes[1]
        assert loaded[2] == episodes[2]
    # Without room nothing is pinned, and what a block allowed does not outlive it.
    fresh = [_loaded(scenes) for scenes in episodes]
    with keep_words(1):
        for scenes in fresh:
            assert scenes[0].dialogue is not None
        decoded = [_speeches_decoded(scenes[0]) for scenes in fresh]
        assert decoded == [False] * (len(fresh) - 1) + [True]


def test_words_set_on_a_cached_scene_are_its_own(episodes: list[list[SceneFacts]]) -> None:
    first, *rest = [_loaded(scenes) for scenes in episodes]
    said = Speech("mara", 1, 2, "A line of my own.", None, False)
    with keep_words(1):
        first[0].dialogue = [said]
        for scenes in rest:
            assert scenes[0].dialogue is not None  # decoding these forgets the first's words
        assert first[0].dialogue == [said]
        # The other scenes of the first episode were forgotten, and come back as cached.
        assert len(first) > 1 and not _speeches_decoded(first[1])
        assert first[1].sentences == episodes[0][1].sentences


def _labels_decoded(scene: CachedScene) -> bool:
    return _set(scene, "labels")


def test_extras_stay_compressed_until_read_and_a_set_one_is_the_scenes_own(
    episodes: list[list[SceneFacts]],
) -> None:
    scenes = max(episodes, key=len)
    loaded = _loaded(scenes)
    assert len(loaded) > 1 and any(s.labels for s in scenes)
    # What a one-shot check asks of every scene leaves the extras compressed.
    assert [s.present for s in loaded] == [s.present for s in scenes]
    assert [s.inferred for s in loaded] == [s.inferred for s in scenes]
    assert not any(_labels_decoded(s) for s in loaded)
    # Reading one decodes the episode's: every scene's labels, speech counts, tells and leads.
    assert loaded[-1].speeches == scenes[-1].speeches
    assert all(_labels_decoded(s) for s in loaded)
    assert [(s.labels, s.speeches, s.tells, s.action_leads()) for s in loaded] == [
        (s.labels, s.speeches, s.tells, s.action_leads()) for s in scenes
    ]
    # Set on a scene of an episode not yet decoded, an extra is that scene's; the others
    # still decode theirs from the cache.
    again = _loaded(scenes)
    again[0].labels = {"mara": Counter({"MARA": 1})}
    assert again[0].labels == {"mara": Counter({"MARA": 1})}
    assert [s.labels for s in again[1:]] == [s.labels for s in scenes[1:]]
    assert again[0].speeches == scenes[0].speeches and again[0].source is None


def test_leads_decode_without_the_other_extras(episodes: list[list[SceneFacts]]) -> None:
    # The capability rule asks every scene for its leads: the labels and speech counts beside
    # them stay compressed (format 7).
    scenes = max(episodes, key=lambda e: sum(bool(s.action_leads()) for s in e))
    loaded = _loaded(scenes)
    assert any(s.action_leads() for s in scenes)
    assert [s.action_leads() for s in loaded] == [s.action_leads() for s in scenes]
    assert not any(_labels_decoded(s) for s in loaded) and not any(s.decoded() for s in loaded)


@pytest.mark.parametrize("how", ["copy", "deepcopy", "pickle"])
def test_a_copy_of_a_cached_scene_has_its_own_words(
    episodes: list[list[SceneFacts]], how: str
) -> None:
    import copy
    import pickle

    loaded = _loaded(episodes[0])
    with keep_words(1):
        made = {
            "copy": copy.copy,
            "deepcopy": copy.deepcopy,
            "pickle": lambda s: pickle.loads(pickle.dumps(s)),
        }[how](loaded[0])
        assert made.source is None and made.decoded()
        for scenes in episodes[1:]:
            assert _loaded(scenes)[0].dialogue is not None  # forgets the first episode's words
        assert not loaded[0].decoded() and made.decoded()
        assert made == episodes[0][0]
        made.dialogue = []
        assert loaded[0].dialogue == episodes[0][0].dialogue


@pytest.mark.parametrize(
    "damage",
    [
        "facts",
        "words",
        "extras",
        "leads",
        "crc",
        "split",
        "format 6",
        "format 5",
        "old format",
        "truncated",
    ],
)
def test_a_damaged_or_older_entry_is_a_miss(episodes: list[list[SceneFacts]], damage: str) -> None:
    blob = _blob(episodes[0])
    head = struct.Struct(">IIIII")
    n, extra, led, said, crc = head.unpack_from(blob)
    facts, rest = blob[head.size : head.size + n], blob[head.size + n :]
    if damage == "facts":
        blob = head.pack(n, extra, led, said, crc) + facts[:-5] + b"xxxxx" + rest
    elif damage == "words":
        blob = head.pack(n, extra, led, said, crc) + facts + rest[:-5] + b"xxxxx"
    elif damage == "extras":
        blob = head.pack(n, extra, led, said, crc) + facts + b"xxxxx" + rest[5:]
    elif damage == "leads":
        broken = rest[:extra] + b"x" * led + rest[extra + led :]
        blob = head.pack(n, extra, led, said, crc) + facts + broken
    elif damage == "crc":
        blob = head.pack(n, extra, led, said, crc ^ 1) + facts + rest
    elif damage == "split":
        blob = head.pack(n, extra, led, len(rest) - extra - led + 1, crc) + facts + rest
    elif damage == "format 6":  # four documents (the leads among the extras) behind four numbers
        words = rest[extra + led :]
        old = rest[:extra] + words
        blob = struct.pack(">IIII", n, extra, said, zlib.crc32(old)) + facts + old
    elif damage == "format 5":  # three documents behind a header of three numbers
        words = rest[extra + led :]
        blob = struct.pack(">III", n, said, zlib.crc32(words)) + facts + words
    elif damage == "old format":  # format 3: one zlib document, no header
        blob = zlib.compress(b'{"v":3,"s":"x","e":"y","f":"z","scenes":[]}')
    else:
        blob = blob[:5]
    assert load_facts(blob) is None


def test_a_large_build_keeps_few_words_and_gives_the_same_canon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from showbible import queries

    u = tmp_path / "u"
    shutil.copytree(DEMO, u, ignore=shutil.ignore_patterns(".showbible"))

    def export(db: Path) -> dict[str, object]:
        st = Store(f"sqlite:///{db}")
        try:
            with st.read() as conn:
                return queries.export(conn)
        finally:
            st.dispose()

    build(u, f"sqlite:///{tmp_path / 'whole.db'}")
    monkeypatch.setattr(compiler, "WORDS_KEPT_FROM", 0)
    monkeypatch.setattr(compiler, "WORDS_KEPT", 1)
    # From the cache, one episode's words at a time.
    shutil.copy(tmp_path / "whole.db", tmp_path / "kept.db")
    build(u, f"sqlite:///{tmp_path / 'kept.db'}", force=True)
    assert export(tmp_path / "kept.db") == export(tmp_path / "whole.db")


_TURNS = """INT. DOCKS - DAY

MARA
(into the phone)
Who's this?
(listens)
Oh. You.

RAFI
Get the rope.

MARA
(to Rafi)
Fine.
"""


def test_a_speech_keeps_the_directions_of_its_turn_before_it(tmp_path: Path) -> None:
    """What each block of words is said to, as its directions say, survives the cache."""
    (tmp_path / "universe.yaml").write_text(
        "name: T\nseries:\n  - id: s\n    title: S\n    scripts: ['s/*.fountain']\n"
        "    episodes:\n      e1: {released: 2024-01-01}\n",
        encoding="utf-8",
    )
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "e1.fountain").write_text(_TURNS, encoding="utf-8")
    compiled = compile_universe(load_universe(tmp_path))
    scenes = compiled.extraction.episodes["s:e1"].facts
    said = [(d.character, d.text, d.aside) for d in scenes[0].dialogue]
    assert said == [
        ("mara", "Who's this?", "into the phone"),
        ("mara", "Oh. You.", "listens"),
        ("rafi", "Get the rope.", ""),
        ("mara", "Fine.", "to Rafi"),
    ]
    for limit in (None, 1):  # decoded for good, and decoded for a while
        with keep_words(limit):
            back = _loaded(scenes)
            assert [(d.text, d.aside) for d in back[0].dialogue] == [(t, a) for _c, t, a in said]
