"""The pages in a real browser: Debian's chromium, headless, driven by playwright.

One journey through the demo: the overview and its graph, a tap on a character, a first
meeting followed to its scene, then "watched up to" set before the team-up and the later
characters gone; no console errors anywhere (the strict CSP would report any inline code).
Screenshots land in test-artifacts/web/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
BEFORE_TEAM_UP = "nightclinic:nc3"

if not os.path.exists(CHROMIUM):
    pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.problems = problems
    yield pg
    context.close()


def shot(page: Any, name: str, full: bool = False) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def graph_ids(page: Any) -> set[str]:
    return set(page.evaluate("window.showbibleGraph.nodes().map(n => n.id())"))


def wait_for_graph(page: Any) -> None:
    page.wait_for_selector("#graph[data-ready=true]")


def test_journey(page: Any, served: Any) -> None:
    base = served.url
    page.goto(base + "/")
    wait_for_graph(page)
    assert {"ida", "jonah", "roz", "otilie"} <= graph_ids(page)
    shot(page, "overview")

    # Tap Jonah where cytoscape drew him, then open his page from the panel.
    point = page.evaluate(
        """() => { const n = window.showbibleGraph.$id('jonah'); const p = n.renderedPosition();
                   const r = document.getElementById('graph').getBoundingClientRect();
                   return {x: r.left + p.x, y: r.top + p.y}; }"""
    )
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#graph-info:not([hidden])")
    assert page.text_content("#info-name") == "Jonah Brennock"
    shot(page, "overview-selected")
    page.click("#info-link")
    page.wait_for_url("**/character/jonah")
    assert page.text_content("h1") == "Jonah Brennock"
    shot(page, "character", full=True)

    # His first meeting with Roz, followed to its scene.
    row = page.locator("#met tr", has_text="Rosalind Achterberg")
    row.locator("a.scene-ref").click()
    page.wait_for_url("**/episode/highwater/hw1#scene-*")
    scene = page.url.rsplit("#", 1)[1]
    target = page.locator(f"#{scene}")
    assert "Jonah Brennock" in target.text_content()
    assert page.evaluate("document.querySelector(':target').id") == scene
    shot(page, "episode")

    # The draft with its findings inline.
    page.goto(base + "/episode/highwater/hw4-draft#L133")
    page.wait_for_selector(".finding.sev-error")
    shot(page, "episode-findings")
    page.goto(base + "/findings")
    shot(page, "findings")
    page.select_option("select[name=severity]", "note")  # htmx swaps the results in
    page.wait_for_function(
        "() => !document.getElementById('results').innerText.includes('dead-character')"
    )
    assert "dangling-reference" in page.inner_text("#results")
    assert "severity=note" in page.url

    # Watched up to the last solo episode: the team-up's people are gone.
    page.goto(base + "/")
    wait_for_graph(page)
    page.select_option("#upto", BEFORE_TEAM_UP)  # submits itself
    page.wait_for_selector(".spoiler-note")
    wait_for_graph(page)
    ids = graph_ids(page)
    assert "otilie" not in ids and {"ida", "jonah", "roz"} <= ids
    assert page.input_value("#upto") == BEFORE_TEAM_UP
    assert "High Water" not in page.inner_text("main")
    shot(page, "overview-watched")
    page.goto(base + "/character/jonah")
    assert "Ida Quill" not in page.inner_text("#met")
    page.goto(base + "/cast")
    assert "Otilie" not in page.inner_text("main")
    page.goto(base + "/search?q=otil")
    assert "Nothing matches" in page.inner_text("#results")
    shot(page, "search-watched")
    # Back to everything for other tests, through the same-origin POST form (the browser sends
    # its Origin; the guard must accept our own page's).
    page.select_option("#upto", "")
    page.wait_for_selector(".spoiler-note", state="detached")

    assert page.problems == [], page.problems


def test_graph_filters(page: Any, served: Any) -> None:
    page.goto(served.url + "/")
    wait_for_graph(page)
    everyone = graph_ids(page)
    page.uncheck("input[name=series][value=highwater]")
    page.uncheck("input[name=series][value=magpie]")
    wait_for_graph(page)
    fewer = graph_ids(page)
    assert fewer < everyone and "jonah" in fewer
    page.fill("#min", "10")
    page.dispatch_event("#min", "input")
    busy = graph_ids(page)
    assert busy <= fewer
    edges = page.evaluate("window.showbibleGraph.edges().length")
    assert edges >= 0
    assert page.problems == [], page.problems


def test_search_as_you_type(page: Any, served: Any) -> None:
    page.goto(served.url + "/search")
    page.fill("#q", "roz")
    page.wait_for_selector("#results a[href='/character/roz']")
    shot(page, "search")
    assert page.problems == [], page.problems


def write_big_cast(root: Path, people: int = 2000, series: int = 5, episodes: int = 40) -> None:
    """A universe of ``people`` characters (every one a provisional character found in the
    scripts), ten scenes an episode, six people a scene, one of them from another series."""
    import random

    rnd = random.Random(7)
    names = [f"P{i:04d}" for i in range(people)]
    lines = ["name: Big Cast", "series:"]
    for s in range(series):
        lines += [f"  - id: s{s}", f"    title: Series {s}", f"    scripts: ['s{s}/*.fountain']"]
        (root / f"s{s}").mkdir(parents=True)
        pool = names[s::series]
        for e in range(episodes):
            out = [f"Title: S{s} E{e}", ""]
            for sc in range(10):
                out += [f"INT. ROOM {s}-{e}-{sc} - DAY", ""]
                for who in [*rnd.sample(pool, 5), rnd.choice(names)]:
                    out += [f"AGENT {who}", "We keep going.", ""]
            (root / f"s{s}" / f"e{e:03d}.fountain").write_text("\n".join(out))
    (root / "universe.yaml").write_text("\n".join(lines) + "\n")


def test_graph_of_two_thousand(page: Any, tmp_path: Path, serve: Any) -> None:
    from fastapi.testclient import TestClient

    from showbible.web import create_app

    root = tmp_path / "big"
    write_big_cast(root)
    app = create_app(root, f"sqlite:///{tmp_path / 'c.sqlite'}", watch=None)
    with TestClient(app) as c:
        assert len(c.get("/api/graph").json()["nodes"]) >= 1990
    with serve(app) as served:
        page.goto(served.url + "/")
        page.wait_for_selector("#graph[data-ready=true]", timeout=30_000)
        nodes, edges, zoom = page.evaluate(
            "() => { const g = window.showbibleGraph;"
            " return [g.nodes().length, g.edges().length, g.zoom()]; }"
        )
        assert nodes >= 1990
        assert edges <= 1500  # a dense cast starts with only its strongest links
        assert zoom * 11 < 8  # zoomed out to fit: names are too small to draw, so they are not
        shot(page, "graph-2000")
        page.fill("#min", "9")
        page.dispatch_event("#min", "input")
        assert page.evaluate("window.showbibleGraph.nodes().length") < nodes
    assert page.problems == [], page.problems
