"""Security: read-only, the token, headers, escaping of everything the scripts say, no traces,
and the last good canon (with a banner) when a build fails."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from showbible.web import create_app, overview
from showbible.web.security import TOKEN_COOKIE

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "examples" / "sallowmouth"

PAGES = [
    "/",
    "/cast",
    "/episodes",
    "/findings",
    "/search?q=a",
    "/docs",
    "/character/ida",
    "/episode/magpie/mp1",
]


def test_read_only(client: TestClient) -> None:
    for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
        r = client.request(method, "/api/summary")
        assert r.status_code == 405, method
        assert r.headers["allow"] == "GET, HEAD"
    head = client.head("/")
    assert head.status_code == 200 and head.content == b""
    assert client.head("/static/app.css").status_code == 200


def test_security_headers_and_no_inline_code(client: TestClient) -> None:
    for path in [*PAGES, "/api/summary", "/static/app.js", "/nope"]:
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe" not in csp, path
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert re.fullmatch(r"app;dur=\d+\.\d", r.headers["server-timing"]), path
    for path in PAGES:
        body = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", body), f"inline script in {path}"
        assert not re.search(r"\sstyle=", body), f"inline style in {path}"
        assert not re.search(r"\son[a-z]+=", body), f"inline handler in {path}"


def test_errors_never_show_a_trace(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(view: Any) -> Any:
        raise RuntimeError("internal detail /secret/path")

    monkeypatch.setattr(overview, "counts", broken)
    for path in ("/", "/api/summary"):
        r = client.get(path)
        assert r.status_code == 500
        assert "Traceback" not in r.text and "/secret/path" not in r.text
        assert "content-security-policy" in r.headers


@pytest.fixture(scope="module")
def guarded(demo: tuple[Path, str]) -> Any:
    root, url = demo
    return create_app(root, url, token="s3cret-token", watch=None)


def test_token_is_required(guarded: Any) -> None:
    with TestClient(guarded) as c:
        for path in ("/", "/api/summary", "/static/app.css", "/docs", "/openapi.json"):
            r = c.get(path)
            assert r.status_code == 401, path
            assert "s3cret" not in r.text
        assert c.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/?token=wrong").status_code == 401
        ok = c.get("/api/summary", headers={"Authorization": "Bearer s3cret-token"})
        assert ok.status_code == 200


def test_token_in_query_once_sets_a_cookie(guarded: Any) -> None:
    with TestClient(guarded) as c:
        r = c.get("/cast?token=s3cret-token&x=1", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/cast?x=1"
        cookie = r.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert "s3cret-token" not in cookie  # a digest, not the token itself
        assert c.cookies.get(TOKEN_COOKIE)
        assert c.get("/cast").status_code == 200
        assert c.get("/static/app.css").status_code == 200


def test_token_from_environment(demo: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOWBIBLE_TOKEN", "from-env")
    app = create_app(demo[0], demo[1], watch=None)
    with TestClient(app) as c:
        assert c.get("/api/summary").status_code == 401
        assert (
            c.get("/api/summary", headers={"Authorization": "Bearer from-env"}).status_code == 200
        )


NASTY = '<script>alert(1)</script> "onerror=alert(2) <img src=x onerror=alert(3)>'


def write_nasty_universe(root: Path) -> None:
    (root / "s").mkdir(parents=True)
    (root / "universe.yaml").write_text(
        "name: '<script>alert(\"u\")</script>'\n"
        "series:\n"
        "  - id: s\n"
        "    title: '\"><script>alert(6)</script>'\n"
        "    scripts: ['s/*.fountain']\n"
        "    episodes:\n"
        "      ep1: {title: '<img src=x onerror=alert(5)>', released: 2024-01-01}\n"
        "characters:\n"
        "  mara: {name: 'Mara <b>Bold</b> \"onerror=x', aliases: [MARA]}\n"
        "  bob: {name: Bob, aliases: [BOB]}\n",
        encoding="utf-8",
    )
    (root / "s" / "ep1.fountain").write_text(
        "Title: <script>alert('title')</script>\n\n"
        "INT. <SCRIPT>ALERT(1)</SCRIPT> HALL - NIGHT\n\n"
        f"Mara and Bob wait. {NASTY}\n\n"
        "MARA\n"
        f"{NASTY}\n\n"
        "BOB\n"
        "Who are you?\n\n"
        "MARA\n"
        "(whispering <script>alert(7)</script>)\n"
        "I'm Mara.\n\n"
        "INT. HALL - LATER\n\n"
        "Mara and Bob again.\n\n"
        "BOB\n"
        "Nice to meet you.\n",
        encoding="utf-8",
    )


def test_script_text_is_escaped(tmp_path: Path) -> None:
    root = tmp_path / "nasty"
    write_nasty_universe(root)
    app = create_app(root, f"sqlite:///{tmp_path / 'c.sqlite'}", watch=None)
    with TestClient(app) as c:
        ep = c.get("/episode/s/ep1")
        assert ep.status_code == 200
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in ep.text
        assert "&#34;onerror=alert(2)" in ep.text
        paths = [
            "/",
            "/cast",
            "/episodes",
            "/episode/s/ep1",
            "/findings",
            "/character/mara",
            "/search?q=mara",
            "/search?q=%3Cscript%3E",
            "/search?q=hall",
        ]
        for path in paths:
            r = c.get(path)
            assert r.status_code == 200, path
            body = r.text.lower()
            assert "<script>alert" not in body, path
            assert "<img src=x" not in body, path
            assert '"onerror=' not in body, path
            assert "<b>bold</b>" not in body, path
        # The cookie is the viewer's input too.
        c.cookies.set("watched", "<script>alert(8)</script>")
        r = c.get("/")
        assert "&lt;script&gt;alert(8)" in r.text and "<script>alert(8)" not in r.text


def test_failed_build_shows_last_good_canon(tmp_path: Path) -> None:
    root = tmp_path / "u"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible"))
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    create_app(root, url, watch=None)  # a good build first
    good = (root / "universe.yaml").read_text()
    (root / "universe.yaml").write_text(good + "\nthis: [is not: valid\n")
    app = create_app(root, url, watch=None)
    with TestClient(app) as c:
        page = c.get("/")
        assert page.status_code == 200
        assert "The latest build failed" in page.text and "universe.yaml" in page.text
        assert "Ida Quill" in c.get("/cast").text  # the last good canon
        status = c.get("/api/summary").json()["build"]
        assert status["ok"] is False and "universe.yaml" in status["message"]
        # Fixed: the watcher notices the change and rebuilds.
        canon = app.state.canon
        (root / "universe.yaml").write_text(good)
        assert canon.changed()
        canon.rebuild()
        assert "The latest build failed" not in c.get("/").text


def test_vendored_files_match_their_manifest() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "refresh_vendor.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    vendor = REPO / "src" / "showbible" / "web" / "static" / "vendor"
    manifest = json.loads((vendor / "manifest.json").read_text())
    names = {p["name"] for p in manifest["packages"]}
    assert names == {"cytoscape", "htmx.org"}
    for p in manifest["packages"]:
        assert p["version"] and p["license"] and len(p["sha256"]) == 64
        assert (vendor / p["license_file"]).stat().st_size > 100


def test_the_web_does_not_import_the_command_line() -> None:
    code = "import sys, showbible.web; sys.exit('showbible.cli' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_watcher_rebuilds_when_the_universe_changes(tmp_path: Path) -> None:
    import time

    root = tmp_path / "u"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible"))
    app = create_app(root, f"sqlite:///{tmp_path / 'c.sqlite'}", watch=0.2)
    yaml = root / "universe.yaml"
    with TestClient(app) as c:  # the lifespan starts the watcher
        yaml.write_text(yaml.read_text().replace("Pin and Tumbler", "Pin and Needle"))
        deadline = time.monotonic() + 30
        titles: list[str] = []
        while time.monotonic() < deadline:
            titles = [e["title"] for e in c.get("/api/episodes").json()]
            if "Pin and Needle" in titles:
                break
            time.sleep(0.2)
        assert "Pin and Needle" in titles


def test_an_edit_reaches_the_pages_through_the_resident_canon(tmp_path: Path) -> None:
    """The watcher's refresh patches the edited episode (no whole build) and the next request
    sees the new findings."""
    root = tmp_path / "u"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns(".showbible"))
    app = create_app(root, f"sqlite:///{tmp_path / 'c.sqlite'}", watch=None)
    with TestClient(app) as c:

        def jonah_strangers() -> list[Any]:
            found = c.get("/api/findings", params={"rule": "reintroduction"}).json()["findings"]
            return [f for f in found if "jonah" in f["characters"]]

        assert jonah_strangers()
        draft = root / "highwater" / "hw4-draft.fountain"
        text = draft.read_text()
        draft.write_text(
            text.replace("I'm Jonah Brennock", "It's me again").replace(
                "Nice to meet you, Mr. Brennock", "Back so soon, Mr. Brennock"
            )
        )
        canon = app.state.canon
        assert canon.changed()
        canon.rebuild()
        assert canon.last_refresh is not None and canon.last_refresh.mode == "episodes"
        assert jonah_strangers() == []
        assert "s me again" in c.get("/episode/highwater/hw4-draft").text
