"""`facts --inferred`, `--accept ID`, `--reject ID`: inferred facts listed with their id and
confidence, written into the bible (which then changes by the added lines only) or silenced."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from cli_runner import run

BIBLE = """\
# Harbour: a hand-written bible.
name: Harbour
series:
  - id: harbour
    title: Harbour   # the only series
    scripts: ["harbour/*.fountain"]
characters:
  mara: {name: Mara Voss, aliases: [MARA, Mara]}
"""
EP1 = """\
INT. BOATHOUSE - NIGHT

MARA
I can't swim, Hollis.

HOLLIS
Who's there?

Cole shoots Hollis dead. The boathouse burns to the ground.

COLE
Done.
"""
EP2 = """\
EXT. DOCKS - DAY

Hollis walks along the pier.

INT. BOATHOUSE - DAY

Mara swims out to the buoy.
"""


@pytest.fixture
def universe(tmp_path: Path) -> Path:
    root = tmp_path / "harbour"
    (root / "harbour").mkdir(parents=True)
    (root / "universe.yaml").write_text(BIBLE)
    (root / "harbour" / "h1.fountain").write_text(EP1)
    (root / "harbour" / "h2.fountain").write_text(EP2)
    return root


def _inferred(capsys: pytest.CaptureFixture[str], root: Path) -> dict[tuple[str, str], dict]:
    code, out, _ = run(capsys, "facts", "--inferred", "--format", "json", "-u", str(root))
    assert code == 0
    rows = json.loads(out)["facts"]
    return {(r["kind"], r["subject"]): {**r, "detail": json.loads(r["detail"])} for r in rows}


def test_list_accept_reject(capsys: pytest.CaptureFixture[str], universe: Path) -> None:
    facts = _inferred(capsys, universe)
    death = facts[("dies", "hollis")]
    assert death["confidence"] >= 0.9 and death["detail"]["sentence"] == "Cole shoots Hollis dead."
    assert set(facts) >= {("cannot", "mara"), ("destroyed", "~boathouse")}
    code, out, _ = run(capsys, "facts", "--inferred", "-u", str(universe))
    assert death["detail"]["id"] in out and "confidence 0.9" in out
    code, out, _ = run(capsys, "check", "--format", "json", "-u", str(universe))
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert {"dead-character", "destroyed-place", "capability"} <= rules
    # Accept the death and the destruction; reject the incapacity.
    fid = death["detail"]["id"]
    place = facts[("destroyed", "~boathouse")]["detail"]["id"]
    cannot = facts[("cannot", "mara")]["detail"]["id"]
    code, _, err = run(capsys, "facts", "--accept", fid, "--accept", place, "--reject", cannot,
                       "-u", str(universe))  # fmt: skip
    assert code == 0 and f"accepted {fid}" in err and f"rejected {cannot}" in err
    new = (universe / "universe.yaml").read_text()
    diff = list(difflib.ndiff(BIBLE.splitlines(), new.splitlines()))
    assert not [d for d in diff if d.startswith("- ")]  # nothing of the user's changed
    assert [d[2:] for d in diff if d.startswith("+ ")] == [
        "events:",
        '  - {at: "harbour:h1#1", dies: hollis, source: "inferred: harbour/h1.fountain:9"}',
        '  - {at: "harbour:h1#1", destroyed: boathouse, source: "inferred: harbour/h1.fountain:9"}',
        "places:",
        "  boathouse: {name: Boathouse, aliases: [BOATHOUSE]}",
        "rejected_facts:",
        f"  - {cannot}",
    ]
    code, out, _ = run(capsys, "check", "--format", "json", "-u", str(universe))
    findings = json.loads(out)["findings"]
    assert {f["rule"] for f in findings} == {"dead-character", "destroyed-place"}
    assert not any(f["inferred"] for f in findings)  # the bible's now
    code, _, err = run(capsys, "facts", "--accept", "izzzzzz", "-u", str(universe))
    assert code == 2 and "no inferred fact 'izzzzzz'" in err
