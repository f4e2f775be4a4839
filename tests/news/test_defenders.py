"""The facts-only Defenders universe: it loads, and every character cites its article."""

from __future__ import annotations

from pathlib import Path

from showbible import compile_universe, load_universe

DEFENDERS = Path(__file__).resolve().parents[2] / "examples" / "defenders"


def test_loads_with_bible_only_episodes() -> None:
    universe = load_universe(DEFENDERS)
    assert [s.id for s in universe.bible.series] == [
        "daredevil",
        "jessica-jones",
        "luke-cage",
        "iron-fist",
        "the-defenders",
        "the-punisher",
    ]
    assert all(e.path is None for e in universe.episodes)
    assert len(universe.episodes) == 7
    assert not universe.diagnostics
    chars = universe.bible.characters
    assert {c: chars[c].performer for c in chars if chars[c].performer} == {
        "jessica-jones": "Krysten Ritter",
        "kilgrave": "David Tennant",
        "malcolm": "Eka Darville",
        "matt-murdock": "Charlie Cox",
        "karen-page": "Deborah Ann Woll",
    }
    assert all((c.source or "").startswith("seeds/00") for c in chars.values())


def test_compiles_to_an_empty_canon() -> None:
    """No scripts, so no scenes: crossovers and meetings need scripts (docs/news.md)."""
    compiled = compile_universe(load_universe(DEFENDERS))
    assert compiled.canon.scenes == []
    assert not compiled.findings
