"""A store whose canon another engine compiled (an upgrade, or development between releases):
its caches are keyed on the engine, so every entry is a miss, never misread; the build and the
one-shot check say why everything is read again, and only then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from showbible import build, store
from showbible.build import oneshot
from showbible.build.compiler import ENGINE_KEY, engine_fingerprint

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "sallowmouth"


@pytest.fixture
def universe(tmp_path: Path) -> tuple[Path, str]:
    root = tmp_path / "u"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible"))
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    first = build(root, url)
    assert first.changed and first.note == ""  # a store with no canon: nothing to say
    return root, url


def _compiled_elsewhere(url: str) -> None:
    """Make the store's canon one another engine compiled (its hashes then differ too)."""
    st = store.Store(url)
    try:
        with st.write() as conn:
            store.set_meta(conn, ENGINE_KEY, "0" * 64)
            store.set_meta(conn, "universe_hash", "compiled by another engine")
    finally:
        st.dispose()


def test_the_build_says_another_engine_compiled_the_canon(universe: tuple[Path, str]) -> None:
    root, url = universe
    _compiled_elsewhere(url)
    done = build(root, url)
    assert done.changed and "another version of showbible's engine" in done.note
    st = store.Store(url)
    try:
        assert st.get_meta(ENGINE_KEY) == engine_fingerprint()
    finally:
        st.dispose()
    # Built by this engine now: an edit is no occasion for the note.
    script = next(root.rglob("*.fountain"))
    script.write_text(script.read_text() + "\nMARA\nQuite so.\n")
    assert build(root, url).note == ""


def test_the_one_shot_check_says_why_it_built_everything(universe: tuple[Path, str]) -> None:
    root, url = universe
    _compiled_elsewhere(url)
    done = oneshot.update(root, url)
    assert done.mode == "build" and "another version of showbible's engine" in done.note
