"""The command line end to end on a small universe of our own: every command, its JSON, exit
codes, and what happens with bad input (one message with file:line, exit 2, no traceback)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runner import run

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "greyharbor"


@pytest.fixture
def universe(tmp_path: Path) -> Path:
    root = tmp_path / "greyharbor"
    shutil.copytree(FIXTURE, root)
    return root


def test_build_then_up_to_date(universe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "build", str(universe))
    assert code == 0 and "built 3 episodes" in err and "3 parsed" in err
    code, _out, err = run(capsys, "build", str(universe))
    assert code == 0 and "up to date" in err
    (universe / "tower" / "t1.fountain").write_text(
        (universe / "tower" / "t1.fountain").read_text() + "\nRafi yawns.\n"
    )
    code, _out, err = run(capsys, "build", str(universe))
    assert "1 parsed, 2 unchanged" in err


def test_universe_found_upward(
    universe: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(universe / "tower")
    code, out, _err = run(capsys, "who", "rafi", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "rafi"


def test_who_met_crossovers_export(universe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    u = ["-u", str(universe)]
    code, out, _ = run(capsys, "who", "Mara", "--format", "json", *u)
    mara = json.loads(out)
    assert mara["series"] == ["harbour"]  # a (V.O.) in the tower is not presence
    assert {m["id"] for m in mara["met"]} == {"tobias", "rafi"}
    assert any(k["secret"] for k in mara["knows"]) is False

    code, out, _ = run(capsys, "met", "MARA", "rafi", "--format", "json", *u)
    met = json.loads(out)
    assert met["met"] and met["release"]["episode"] == "ep2" and met["story"]["scene"] == 1

    code, out, _ = run(capsys, "who", "mara", "--as-of", "ep1", "--format", "json", *u)
    assert {m["id"] for m in json.loads(out)["met"]} == {"tobias"}

    code, out, _ = run(capsys, "crossovers", str(universe), "--format", "json")
    data = json.loads(out)
    assert [c["id"] for c in data["characters"]] == ["rafi"]
    rafi = data["characters"][0]
    assert rafi["series"] == ["tower", "harbour"] and rafi["labels"] == ["RAFI"]
    assert rafi["first"]["series"] == "tower"  # t1 is released before ep2
    assert data["matrix"]["harbour"]["tower"] == 1

    code, out, _ = run(capsys, "export", str(universe), "--format", "json")
    exp = json.loads(out)
    assert set(exp) >= {"series", "episodes", "scenes", "characters", "encounters"}
    scene = next(s for s in exp["scenes"] if s["episode"] == "t1")
    assert scene["present"] == ["rafi"] and scene["heading"] == "INT. WEATHER STATION - DAY"
    assert {"a": "mara", "b": "rafi"}.items() <= next(
        e for e in exp["encounters"] if e["b"] == "rafi"
    ).items()

    for fmt, needle in (("graphml", "<graphml"), ("gexf", "<gexf"), ("csv", "a,b,a_name")):
        code, out, _ = run(capsys, "export", str(universe), "--format", fmt)
        assert code == 0 and needle in out


def test_check_formats_and_exit_codes(
    universe: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Text output names paths from where the user stands, so terminals can open them.
    monkeypatch.chdir(universe.parent)
    code, out, _err = run(capsys, "check", str(universe))
    assert "greyharbor/harbour/ep2.fountain:15: error" in out
    monkeypatch.chdir(universe)
    code, out, _err = run(capsys, "check", str(universe))
    assert code == 1
    assert "harbour/ep2.fountain:15: error dead-character: Tobias Voss" in out
    assert "evidence: universe.yaml:27: Tobias Voss dies" in out
    code, out, _ = run(capsys, "check", str(universe), "--format", "json")
    data = json.loads(out)
    finding = data["findings"][0]
    assert set(finding) >= {
        "rule",
        "severity",
        "file",
        "line",
        "scene",
        "characters",
        "message",
        "evidence",
        "sealed",
    }
    assert data["summary"]["errors"] == 1
    # Before ep2 was released there was nothing wrong yet.
    code, out, _ = run(capsys, "check", str(universe), "--as-of", "t1", "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []
    code, out, _ = run(capsys, "check", str(universe), "--only", "tower", "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []
    # Sealing it turns the error into a sealed finding and the exit code to 0.
    ep2 = universe / "harbour" / "ep2.fountain"
    ep2.write_text(
        ep2.read_text().replace("Tobias pours", "[[allow: dead-character a ghost]]\n\nTobias pours")
    )
    code, out, _ = run(capsys, "check", str(universe))
    assert code == 0 and "sealed dead-character" in out and "[a ghost]" in out


def test_parse_json(universe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(
        capsys, "parse", str(universe / "harbour" / "ep1.fountain"), "--format", "json"
    )
    data = json.loads(out)
    cue = next(
        e for e in data["elements"] if e["type"] == "character" and e.get("extensions") == ["V.O."]
    )
    assert cue["text"] == "TOBIAS" and cue["line"] == 17
    assert [s["heading"] for s in data["scenes"]] == [
        "INT. CHAPEL ON THE POINT - NIGHT",
        "EXT. QUAY - NIGHT",
    ]


def test_init_scaffolds_a_universe_that_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(capsys, "init", str(tmp_path / "new"))
    assert code == 0
    code, out, _ = run(capsys, "met", "ada", "ben", "--format", "json", "-u", str(tmp_path / "new"))
    assert code == 0 and json.loads(out)["met"]
    code, _, err = run(capsys, "init", str(tmp_path / "new"))
    assert code == 2 and "already exists" in err


def test_watch_order_and_facts(universe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "watch-order", "ep2", "--format", "json", "-u", str(universe))
    assert code == 0 and json.loads(out)["target"] == "harbour:ep2"
    code, out, _ = run(capsys, "facts", str(universe), "--format", "json")
    kinds = {f["kind"] for f in json.loads(out)["facts"]}
    assert {"dies", "learns"} <= kinds


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (
            lambda u: (u / "universe.yaml").write_text(
                (u / "universe.yaml").read_text().replace("characters:", "charcters:")
            ),
            "universe.yaml:15:1: charcters: unknown field 'charcters' (did you mean 'characters'?)",
        ),
        (
            lambda u: (u / "universe.yaml").write_text(
                (u / "universe.yaml").read_text().replace('"harbour:ep1#2"', '"harbour:ep9#2"')
            ),
            "universe.yaml:27",
        ),
        (
            lambda u: (u / "universe.yaml").write_text(
                (u / "universe.yaml").read_text().replace('"harbour:ep1#2"', '"harbour:ep1#7"')
            ),
            "there is no scene 7",
        ),
        (
            lambda u: (u / "universe.yaml").write_text(
                (u / "universe.yaml").read_text().replace("dies: tobias", "dies: tobais")
            ),
            "unknown character 'tobais' (did you mean 'tobias'?)",
        ),
        (
            lambda u: (u / "universe.yaml").write_text(
                (u / "universe.yaml").read_text().replace('["tower/*.fountain"]', '["../*"]')
            ),
            "leaves the universe folder",
        ),
        (
            lambda u: (u / "universe.yaml").write_text(
                (u / "universe.yaml").read_text() + "characters:\n  x: {}\n"
            ),
            "duplicate key",
        ),
    ],
)
def test_bad_input_is_one_clear_error(
    universe: Path, capsys: pytest.CaptureFixture[str], edit: object, needle: str
) -> None:
    code, _, _ = run(capsys, "build", str(universe))
    assert code == 0
    edit(universe)  # type: ignore[operator]
    code, out, err = run(capsys, "build", str(universe))
    assert code == 2, err
    assert needle in err and "Traceback" not in err
    # Queries still answer from the last good canon, with the error as a warning.
    code, out, err = run(capsys, "who", "rafi", "--format", "json", "-u", str(universe))
    assert code == 0 and json.loads(out)["id"] == "rafi"
    assert "answering from the last good canon" in err


def test_unreadable_and_odd_scripts(universe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (universe / "harbour" / "ep3.fountain").write_bytes(b"")
    (universe / "harbour" / "ep4.fountain").write_bytes(
        b"INT. ROOM - DAY\n\nMARA\nCaf\xe9 au lait.\n"
    )
    code, _, err = run(capsys, "build", str(universe))
    assert code == 0
    assert "harbour/ep4.fountain:4" in err and "UTF-8" in err


def test_no_universe_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "crossovers")
    assert code == 2 and "no universe.yaml" in err


def test_usage_errors_exit_2(universe: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(universe), "--format", "xml")
    assert code == 2 and "xml" in err
    code, _, err = run(capsys, "who", "nobody-at-all", "-u", str(universe))
    assert code == 2 and "no character" in err


def test_real_process_has_no_traceback(universe: Path) -> None:
    (universe / "universe.yaml").write_text("name: [unclosed\n")
    proc = subprocess.run(
        [sys.executable, "-m", "showbible", "build", str(universe)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "universe.yaml:" in proc.stderr and "Traceback" not in proc.stderr


def test_a_real_check_ends_fast_with_its_whole_output_and_code(universe: Path) -> None:
    # `python -m showbible` ends a check that compiled here through os._exit (cli.Teardown):
    # what it printed must all be out, and its exit code kept, for a first build, a patch
    # and an unchanged store alike.
    def check(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "showbible", "check", str(universe), "--no-daemon", *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )

    first = check("--format", "json")
    assert first.returncode == 1 and json.loads(first.stdout)["summary"]["errors"] == 1
    ep1 = universe / "harbour" / "ep1.fountain"
    ep1.write_text(ep1.read_text() + "\n")
    for proc in (check("--verbose"), check("--verbose", "--format", "sarif")):
        assert proc.returncode == 1, proc.stderr
        assert "checked by this process" in proc.stderr
    text = check().stdout
    assert "dead-character: Tobias Voss" in text and text.endswith("\n")
    sarif = json.loads(check("--format", "sarif").stdout)
    assert sarif["runs"][0]["results"]
