"""The web's side of the first hour (issue 17): a character page says who died where and per
which source, cut at the viewer's point; one finding repeated in many scenes is one group."""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from showbible.web import create_app

GREYHARBOR = Path(__file__).resolve().parents[1] / "fixtures" / "greyharbor"


def test_character_page_life_status(client: TestClient) -> None:
    page = client.get("/character/finch").text
    assert "Died</strong> in" in page and "nightclinic:nc3#2" in page
    assert "per the annotation" in page and "Last seen in" in page
    data = client.get("/api/who/finch").json()
    assert data["life"]["died"]["episode"] == "nc3" and data["appeared"] is True
    # Before the death is released, the page does not say it.
    client.get("/watched", params={"upto": "magpie:mp1", "next": "/"}, follow_redirects=False)
    early = client.get("/character/finch").text
    assert "Died</strong>" not in early and "Last seen in" in early and "magpie:mp1#1" in early
    assert client.get("/api/who/finch").json()["life"]["died"] is None


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
