"""Real performers named in full (news/performers.py): the cast lists of CC0 catalogues are one
piece of evidence that a name is a performer's. The packaged list is read by default;
$SHOWBIBLE_PERFORMERS names another (plain or gzip) or turns it off."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from news_triples import played as _plays
from showbible.news.performers import (
    PACKAGED_PERFORMERS,
    PERFORMERS_ENV,
    known_performer,
    load_performers,
    performers_path,
)

# Both names in each pair are full names the sentence gives no evidence for: only a list can
# say which is the performer (the press's usual order, Character (Performer), says otherwise).
PAIRS = "The revival brings back Nia Vale (Mara Voss) and Tom Roe (Tobias Reed)."


def test_the_packaged_list_is_read_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PERFORMERS_ENV, raising=False)
    assert performers_path() == PACKAGED_PERFORMERS
    listed = load_performers(PACKAGED_PERFORMERS)
    assert len(listed) > 30_000
    assert known_performer("Jennifer Coolidge") and known_performer("Sherilyn Fenn")
    # characters named in full are not performers; one word is never looked up
    assert not known_performer("Audrey Horne") and not known_performer("Holly Flax")
    assert not known_performer("Cher")


@pytest.mark.parametrize("packed", [False, True])
def test_a_list_decides_which_name_is_the_performer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packed: bool
) -> None:
    text = "# invented names\nNia Vale\nTom Roe\n"
    path = tmp_path / ("list.txt.gz" if packed else "list.txt")
    path.write_bytes(gzip.compress(text.encode()) if packed else text.encode())
    monkeypatch.setenv(PERFORMERS_ENV, str(path))
    assert {("Nia Vale", "Mara Voss"), ("Tom Roe", "Tobias Reed")} <= _plays(PAIRS)


def test_without_a_list_the_press_order_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PERFORMERS_ENV, "none")
    assert performers_path() is None
    assert {("Mara Voss", "Nia Vale"), ("Tobias Reed", "Tom Roe")} <= _plays(PAIRS)


def test_an_unreadable_list_is_no_evidence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.gz"
    broken.write_bytes(b"\x1f\x8b not gzip at all")
    assert load_performers(broken) == frozenset()
    assert load_performers(tmp_path / "absent.txt") == frozenset()
    monkeypatch.setenv(PERFORMERS_ENV, str(broken))
    assert not known_performer("Nia Vale")
