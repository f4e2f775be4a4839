"""`identities`, `crossovers --format json` `possible`, finding characters by any name, and the
ambiguous bible, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_runner import run

EPISODE = "INT. {place} - DAY\n\n{a}\nHello.\n\n{b}\nHi.\n\n"


def _universe(root: Path, bible: str = "") -> Path:
    (root / "universe.yaml").write_text(
        "name: T\nseries:\n  - id: one\n    scripts: ['one/*.fountain']\n"
        "  - id: two\n    scripts: ['two/*.fountain']\n" + bible,
        encoding="utf-8",
    )
    for series, other in (("one", "ROSS"), ("two", "DWIGHT")):
        (root / series).mkdir()
        for n in (1, 2):
            text = EPISODE.format(place=f"ROOM {n}", a="JACK", b=other)
            (root / series / f"e{n}.fountain").write_text(text, encoding="utf-8")
            text = EPISODE.format(place="HALL", a="FALSTAFF", b="BARDOLPH")
            (root / series / f"e{n + 2}.fountain").write_text(text, encoding="utf-8")
    return root


def test_identities_lists_possible_crossovers_with_evidence_and_settle_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _universe(tmp_path)
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    code, out, err = run(capsys, "identities", str(root), "--db", db, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    (jack,) = [p for p in data["possible-crossover"] if p["label"] == "JACK"]
    assert jack["characters"] == ["jack--one", "jack--two"]
    assert jack["settle"].startswith("jack: {name: Jack, aliases: [JACK]}")
    assert any("common name" in r for r in jack["evidence"]["against"])
    assert jack["file"] == "two/e1.fountain"
    # FALSTAFF and BARDOLPH recur together in both: one character each, no doubt.
    assert not [p for p in data["possible-crossover"] if p["label"] in ("FALSTAFF", "BARDOLPH")]
    code, out, _ = run(capsys, "identities", str(root), "--db", db)
    assert code == 0 and "JACK (one, two)" in out and "settle: jack: {name: Jack" in out
    code, out, _ = run(capsys, "crossovers", str(root), "--db", db, "--format", "json")
    data = json.loads(out)
    assert sorted(c["id"] for c in data["characters"]) == ["bardolph", "falstaff"]
    assert [p["label"] for p in data["possible"]] == ["JACK"]


def test_who_takes_any_name_and_lists_candidates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bible = (
        "characters:\n  falstaff: {name: Sir John Falstaff, aliases: [FALSTAFF, Jack Falstaff]}\n"
    )
    root = _universe(tmp_path, bible)
    db = f"sqlite:///{tmp_path / 'c.sqlite'}"
    for name in ("falstaff", "Sir John Falstaff", "jack falstaff", "JOHN FALSTAFF"):
        code, out, err = run(capsys, "who", name, "-u", str(root), "--db", db)
        assert code == 0 and "Sir John Falstaff" in out, (name, err)
    code, _out, err = run(capsys, "who", "jack", "-u", str(root), "--db", db)
    assert code == 2
    assert "names several characters" in err and "jack--one" in err and "jack--two" in err


def test_an_ambiguous_bible_is_an_error_with_both_positions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bible = (
        "characters:\n"
        "  york: {aliases: [YORK]}\n"
        "  duchess: {name: Duchess of York, aliases: [DUCHESS OF YORK, York]}\n"
    )
    root = _universe(tmp_path, bible)
    code, _out, err = run(capsys, "identities", str(root), "--db", f"sqlite:///{tmp_path}/c.db")
    assert code == 2
    assert "universe.yaml:8" in err and "universe.yaml:9" in err and "'York'" in err


def test_identities_on_a_universe_that_cannot_build_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _universe(tmp_path, "events:\n  - {at: 'nowhere#1', dies: jack}\n")
    code, _out, err = run(capsys, "identities", str(root), "--db", f"sqlite:///{tmp_path}/c.db")
    assert code == 2 and "universe.yaml:8" in err
