"""The web's side of the first hour (issue 17): a character page says who died where and per
which source, cut at the viewer's point; one finding repeated in many scenes is one group."""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from showbible.web import create_app

GREYHARBOR = Path(__file__).resolve().parents[1] / "fixtures" / "greyharbor"


def test_character_page_life_status(client: TestClient, app: FastAPI) -> None:
    page = client.get("/character/finch").text
    assert "Died</strong> in" in page and "nightclinic:nc3#2" in page
    assert "per the annotation" in page and "Last seen in" in page
    data = client.get("/api/who/finch").json()
    assert data["life"]["died"]["episode"] == "nc3" and data["appeared"] is True
    # Before the death is released, the page does not say it.
    with TestClient(app, cookies={"watched": "magpie:mp1"}) as early_client:
        early = early_client.get("/character/finch").text
        assert early_client.get("/api/who/finch").json()["life"]["died"] is None
    assert "Died</strong>" not in early and "Last seen in" in early and "magpie:mp1#1" in early


def test_repeated_findings_are_one_group(tmp_path: Path) -> None:
    root = tmp_path / "greyharbor"
    shutil.copytree(GREYHARBOR, root)
    (root / "harbour" / "ep2.fountain").write_text(
        "".join(f"INT. DOCKS {n} - NIGHT\n\nTOBIAS\nStill here, {n}.\n\n" for n in range(1, 6))
    )
    app = create_app(
        root, f"sqlite:///{tmp_path / 'canon.sqlite'}", watch=None, rate=1e6, burst=1e6
    )
    with TestClient(app) as c:
        page = c.get("/findings", params={"rule": "dead-character"}).text
        api = c.get("/api/findings", params={"rule": "dead-character"}).json()
    assert len(api["findings"]) == 5  # separate in the API, as in JSON and SARIF
    assert page.count('class="finding-group"') == 1
    assert "the same in 4 more places" in page
    assert page.count("harbour/ep2.fountain:") == 5  # each place still linked once


def test_every_script_line_has_an_anchor(client: TestClient, demo: tuple[Path, str]) -> None:
    import re

    root, _url = demo
    page = client.get("/episode/magpie/mp1").text
    ids = {int(x) for x in re.findall(r'id="L(\d+)"', page)}
    lines = (root / "magpie" / "mp1.fountain").read_text().split("\n")
    first_scene = next(n for n, t in enumerate(lines, 1) if t.startswith(("INT.", "EXT.")))
    missing = [n for n, t in enumerate(lines, 1) if n >= first_scene and t.strip() and n not in ids]
    assert missing == []
    # A speech of several lines: each of its lines is its own anchor.
    speech = [
        n
        for n in range(first_scene, len(lines))
        if lines[n - 1].strip()
        and lines[n].strip()
        and not lines[n - 1].isupper()
        and not lines[n].isupper()
    ]
    assert speech and all(n in ids and n + 1 in ids for n in speech)
