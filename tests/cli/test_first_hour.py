"""What a new user meets in the first hour (issue 17): CI sees every warning the engine has, typos
in paths are exit 2 with a suggestion, a bible change checks everything, repeated findings are
grouped in text and kept apart in JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_runner import run

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "greyharbor"


@pytest.fixture
def universe(tmp_path: Path) -> Path:
    root = tmp_path / "greyharbor"
    shutil.copytree(FIXTURE, root)
    return root


def _findings(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> list[dict[str, str]]:
    code, out, _ = run(capsys, "check", str(root), "--format", "json", *args)
    assert code in (0, 1)
    findings: list[dict[str, str]] = json.loads(out)["findings"]
    return findings


def test_warnings_are_findings_after_the_first_build(
    universe: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (universe / "harbour" / "ep3.fountain").write_bytes(
        b"INT. DOCKS - NIGHT\n\nMARA\nRen\xe9e is late.\n\n[[dis: RAFI]]\n\n[[dies: RAFFY]]\n"
    )
    (universe / "harbour" / "ep4.docx").write_bytes(b"PK\x03\x04 not a script")
    text = (universe / "universe.yaml").read_text()
    (universe / "universe.yaml").write_text(text.replace("harbour/*.fountain", "harbour/*"))
    code, _, err = run(capsys, "build", str(universe))
    assert code == 0, err
    # The second run finds the store up to date and still reports every warning.
    for _ in range(2):
        got = {(f["rule"], f["file"], f["line"]) for f in _findings(capsys, universe)}
        assert ("encoding", "harbour/ep3.fountain", 4) in got
        assert ("annotation", "harbour/ep3.fountain", 6) in got
        assert ("annotation", "harbour/ep3.fountain", 8) in got
        assert ("unreadable-file", "harbour/ep4.docx", 1) in got
    code, out, _ = run(capsys, "check", str(universe), "--format", "sarif")
    rules = {r["id"] for r in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}
    assert {"annotation", "encoding", "unreadable-file"} <= rules
    # Sealable like any finding.
    script = universe / "harbour" / "ep3.fountain"
    script.write_bytes(script.read_bytes() + b"\n[[allow: annotation a draft]]\n")
    sealed = [f for f in _findings(capsys, universe) if f["rule"] == "annotation"]
    assert sealed and all(f["sealed"] for f in sealed)


def test_bible_learns_an_undeclared_secret(
    universe: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with (universe / "universe.yaml").open("a") as fh:
        fh.write('  - {at: "harbour:ep1#1", learns: {who: mara, secret: ledger-locaton}}\n')
    code, _, err = run(capsys, "check", str(universe))
    assert code == 2
    assert "universe.yaml:" in err and "unknown secret 'ledger-locaton'" in err
    assert "ledger-location" in err


def test_only_and_check_files_typos(
    universe: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(universe)
    code, _, err = run(capsys, "check", "--only", "harbour/ep11.fountain")
    assert code == 2 and "did you mean 'harbour/ep1.fountain'" in err
    code, _, err = run(capsys, "check", "--only", "harbour")
    assert code == 1  # a folder of scripts is fine (the fixture has a dead man walking)
    code, _, err = run(capsys, "check-files", "harbour/ep9.fountain")
    assert code == 2 and "no such file" in err
    # A bible change checks the whole universe: the finding in harbour/ep2 is reported.
    code, out, _ = run(capsys, "check-files", "universe.yaml", "--format", "json")
    files = {f["file"] for f in json.loads(out)["findings"]}
    assert code == 1 and "harbour/ep2.fountain" in files
    # A script reports on itself only.
    code, out, _ = run(capsys, "check-files", "tower/t1.fountain", "--format", "json")
    assert {f["file"] for f in json.loads(out)["findings"]} <= {"tower/t1.fountain"}


def test_zero_episodes_is_bad_input(universe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (universe / "universe.yaml").write_text(
        'name: Greyharbor\nseries:\n  - {id: harbour, scripts: ["harbour/*.fdx"]}\n'
    )
    code, _, err = run(capsys, "check", str(universe))
    assert code == 2, err
    assert "no episodes" in err


def test_repeated_findings_grouped_in_text_apart_in_json(
    universe: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ep = universe / "harbour" / "ep2.fountain"
    scenes = "".join(f"INT. DOCKS {n} - NIGHT\n\nTOBIAS\nStill here, {n}.\n\n" for n in range(1, 6))
    ep.write_text(scenes)
    data = _findings(capsys, universe)
    dead = [f for f in data if f["rule"] == "dead-character" and f["file"].endswith("ep2.fountain")]
    assert len(dead) == 5
    code, out, _ = run(capsys, "check", str(universe))
    lines = [ln for ln in out.splitlines() if "dead-character" in ln]
    assert code == 1 and len(lines) == 1 and "(5 places)" in lines[0]
    assert "also at:" in out and out.count("harbour/ep2.fountain:") == 5


def test_plain_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "init", "My Show")
    assert code == 0 and "next: showbible build 'My Show'" in err
    code, _, err = run(capsys, "build", "My Show")
    assert code == 0 and "built 1 episode, 1 scene, 2 characters, 1 pair met" in err
    code, out, _ = run(capsys, "--help")
    assert "--version" in out and "<bool>" not in out
    bible = tmp_path / "My Show" / "universe.yaml"
    bible.write_text(bible.read_text().replace("ben: {name: Ben Marr,", "ben: {a: 1, name: Ben,"))
    code, _, err = run(capsys, "build", "My Show")
    assert code == 2 and "unknown field 'a'" in err and "did you mean" not in err


def test_export_defaults_and_graphml_booleans(
    universe: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "export", str(universe), "--format", "graphml")
    assert code == 0 and 'attr.type="boolean"' in out
    assert ">true<" in out or ">false<" in out
    assert ">True<" not in out and ">False<" not in out
    # Piped, no --format: JSON to stdout, as scripts expect.
    code, out, _ = run(capsys, "export", str(universe))
    assert code == 0 and json.loads(out)["characters"]
    # At a terminal: a file named after the universe, not a screenful of JSON.
    monkeypatch.chdir(universe.parent)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code, out, err = run(capsys, "export", str(universe))
    assert code == 0 and out == "" and "wrote greyharbor.json" in err
    assert json.loads((universe.parent / "greyharbor.json").read_text())["characters"]
