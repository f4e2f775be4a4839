"""Accepting a news fact writes into the existing character, and the bible changes by the added
lines only (issue 17, item 8)."""

from __future__ import annotations

import difflib
from pathlib import Path

from showbible.news import review
from showbible.universe.loader import load_universe

BIBLE = """\
# Histories. Values long enough that a YAML dumper would wrap them (it must not).
name: Histories
series:
  - {id: h4, title: Henry IV Part One, scripts: ["h4/*.fountain"]}
characters:
  hal:
    name: Henry, Prince of Wales, called Hal by his friends in the taverns of Eastcheap
    aliases: [HAL, {label: PRINCE HAL, series: [h4]}]
  falstaff: {name: Sir John Falstaff, aliases: [FALSTAFF]}
"""


def _row(kind: str, subject: str, obj: str) -> dict[str, object]:
    return {"kind": kind, "subject": subject, "object": obj, "file": "news/a.txt", "line": 3}


def test_accepts_into_the_existing_character(tmp_path: Path) -> None:
    (tmp_path / "universe.yaml").write_text(BIBLE)
    universe = load_universe(tmp_path)
    done = review._write(universe, _row("plays", "Tom Hiddleston", "Prince Hal"))
    assert "plays hal" in done
    universe = load_universe(tmp_path)
    review._write(universe, _row("plays", "Sam Jones", "Sir John Falstaff"))
    new = (tmp_path / "universe.yaml").read_text()
    diff = list(difflib.ndiff(BIBLE.splitlines(), new.splitlines()))
    removed = [d[2:] for d in diff if d.startswith("- ")]
    added = [d[2:] for d in diff if d.startswith("+ ")]
    assert removed == ["  falstaff: {name: Sir John Falstaff, aliases: [FALSTAFF]}"]
    assert added == [
        "    performer: Tom Hiddleston",
        "  falstaff: {name: Sir John Falstaff, aliases: [FALSTAFF], performer: Sam Jones}",
    ]
    assert "prince-hal" not in new
    assert load_universe(tmp_path).bible.characters["hal"].performer == "Tom Hiddleston"
