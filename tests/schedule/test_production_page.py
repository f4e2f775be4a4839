"""The web interface's Production page: the plan, its picture, the conflicts, and no spoilers
through a "watched up to" cut."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from showbible.web import create_app

DEMO = Path(__file__).resolve().parents[2] / "examples" / "sallowmouth"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    base = tmp_path_factory.mktemp("production")
    root = base / "sallowmouth"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible"))
    app = create_app(root, f"sqlite:///{base / 'canon.sqlite'}", watch=None, rate=1e6, burst=1e6)
    with TestClient(app) as c:
        c.root = root  # type: ignore[attr-defined]
        yield c


def test_the_page_shows_the_plan_and_its_picture(client: TestClient) -> None:
    page = client.get("/production")
    assert page.status_code == 200
    assert "Status: <strong>optimal</strong>" in page.text
    assert 'src="/production.svg"' in page.text
    assert "Priya Castellanos" in page.text and 'aria-current="page">Production' in page.text
    picture = client.get("/production.svg")
    assert picture.status_code == 200
    assert picture.headers["content-type"].startswith("image/svg+xml")
    assert ElementTree.fromstring(picture.text).tag.endswith("svg")


def test_a_cut_viewer_sees_no_plan(client: TestClient) -> None:
    client.get("/watched?upto=magpie:mp1", follow_redirects=False)
    client.cookies.set("watched", "magpie:mp1")
    page = client.get("/production")
    assert "shown only when the whole canon is" in page.text
    assert "Priya Castellanos" not in page.text
    assert client.get("/production.svg").status_code == 404
    client.cookies.clear()


def test_an_impossible_plan_lists_its_conflicts(client: TestClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    good = (root / "production.yaml").read_text(encoding="utf-8")
    (root / "production.yaml").write_text(
        (root / "production-impossible.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    try:
        page = client.get("/production")
        assert "No plan meets every request" in page.text
        assert "odie needs 1 travel day(s) between units" in page.text
    finally:
        (root / "production.yaml").write_text(good, encoding="utf-8")
