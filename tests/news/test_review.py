"""From a news article to the bible: propose, review, accept (into the YAML, comments kept)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_runner import run

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "defenders"
ARTICLE = """\
The Punisher Gets a Premiere Date

Netflix has set a November premiere for The Punisher, with Jon Bernthal's Frank Castle \
returning after his turn in Daredevil. The new season also brings back Deborah Ann Woll's Karen \
Page.
Related: Every Marvel show, ranked
Source: Variety
"""


def test_propose_review_accept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "defenders"
    shutil.copytree(EXAMPLE, root)
    article = tmp_path / "punisher.txt"
    article.write_text(ARTICLE)
    u = ["-u", str(root)]
    code, out, err = run(capsys, "news", str(article), "--format", "json", *u)
    assert code == 0
    facts = json.loads(out)["facts"]
    assert {"kind": "plays", "subject": "Jon Bernthal", "object": "Frank Castle"}.items() <= next(
        f for f in facts if f["kind"] == "plays" and f["subject"] == "Jon Bernthal"
    ).items()
    # Karen Page is already played by Deborah Ann Woll in the bible: nothing to review there.
    code, out, _ = run(capsys, "facts", "--proposed", "--format", "json", *u)
    proposals = json.loads(out)["proposals"]
    assert not any(p["subject"] == "Deborah Ann Woll" for p in proposals)
    frank = next(p for p in proposals if p["subject"] == "Jon Bernthal")
    code, _, err = run(capsys, "facts", "--accept", str(frank["id"]), *u)
    assert code == 0 and "Jon Bernthal plays frank-castle" in err
    text = (root / "universe.yaml").read_text()
    assert "performer: Jon Bernthal" in text and "punisher.txt, line 3" in text
    assert text.startswith("# Marvel's Netflix")  # the bible's comments survive
    code, out, _ = run(capsys, "who", "Frank Castle", "--format", "json", *u)
    assert code == 0 and json.loads(out)["performer"] == "Jon Bernthal"
    code, _, err = run(capsys, "facts", "--accept", str(frank["id"]), *u)
    assert code == 2 and "already accepted" in err
    # Proposing the same article again adds nothing.
    code, _, err = run(capsys, "news", str(article), *u)
    assert "0 new for review" in err
