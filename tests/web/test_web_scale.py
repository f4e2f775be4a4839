"""The pages at real sizes, in Chromium at 1280 px (issue 17, item 15): casts of 500 and 2,000
characters over three series. Nothing may run off the page: the crossover matrix shows every
series, sparklines and the appearance timeline stay inside their cards. Screenshots land in
test-artifacts/web/scale-*.png for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from showbible.build.compiler import build
from showbible.web import create_app

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
SERIES = ("alder", "birch", "cedar")
WIDTH = 1280

if not os.path.exists(CHROMIUM):
    pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _name(i: int) -> str:
    syllables = ("ka", "lo", "mi", "ren", "sa", "tu", "vel", "zor", "an", "bri")
    a, b, c = i % 10, (i // 10) % 10, (i // 100) % 10
    return (syllables[a] + syllables[b] + syllables[c]).capitalize() + f" {i}"


def make_universe(root: Path, people: int, episodes_per_series: int = 40) -> None:
    """Three series; everyone has a home series, one in twenty crosses into the next one; each
    scene has five speakers, so the cast is seen across many episodes."""
    lines = ["name: Scale", "series:"]
    lines += [f'  - {{id: {s}, scripts: ["{s}/*.fountain"]}}' for s in SERIES]
    lines.append("characters:")
    lines += [f"  p{i}: {{name: {_name(i)}, aliases: [P{i}]}}" for i in range(people)]
    (root / "universe.yaml").parent.mkdir(parents=True, exist_ok=True)
    (root / "universe.yaml").write_text("\n".join(lines) + "\n")
    home = {s: [i for i in range(people) if i % 3 == k] for k, s in enumerate(SERIES)}
    for k, s in enumerate(SERIES):
        guests = [i for i in home[SERIES[(k + 2) % 3]] if i % 20 == 0]
        cast = home[s] + guests
        (root / s).mkdir()
        n = 0
        for e in range(episodes_per_series):
            out = []
            for scene in range(8):
                out.append(f"INT. ROOM {scene} - DAY\n")
                for _ in range(5):
                    who = cast[(n * 7919 + e) % len(cast)]
                    n += 1
                    out.append(f"P{who}\nLine {n}.\n")
            (root / s / f"e{e + 1:03d}.fountain").write_text("\n".join(out))


@pytest.fixture(scope="module", params=[500, 2000], ids=["500-characters", "2000-characters"])
def scale_app(request: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, FastAPI]:
    root = tmp_path_factory.mktemp(f"scale{request.param}") / "u"
    make_universe(root, request.param)
    url = f"sqlite:///{root.parent / 'canon.sqlite'}"
    build(root, url)
    return request.param, create_app(root, url, watch=None, rate=1e6, burst=1e6)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield b
        b.close()


def test_pages_fit_at_1280(scale_app: tuple[int, FastAPI], browser: Any, serve: Any) -> None:
    people, app = scale_app
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with serve(app) as s:
        context = browser.new_context(viewport={"width": WIDTH, "height": 900})
        page = context.new_page()
        page.set_default_timeout(60_000)
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))

        def visit(path: str, name: str, full: bool = False) -> None:
            page.goto(s.url + path)
            page.screenshot(path=str(ARTIFACTS / f"scale-{people}-{name}.png"))
            if full:  # the whole page, where its length is the point (not the 2,000-row cast)
                page.screenshot(
                    path=str(ARTIFACTS / f"scale-{people}-{name}-full.png"), full_page=True
                )
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= WIDTH, f"{path} is {width} px wide at {WIDTH}"

        visit("/", "overview", full=True)
        page.wait_for_selector("#graph[data-ready=true]")
        page.screenshot(path=str(ARTIFACTS / f"scale-{people}-overview.png"))
        # Every series is in the crossover matrix, and the matrix is within reach (its card
        # scrolls rather than cutting columns off).
        headers = page.eval_on_selector_all(".matrix thead th", "els => els.map(e => e.innerText)")
        assert len([h for h in headers if h.strip()]) == len(SERIES)
        labelled = page.evaluate(
            "window.showbibleGraph.nodes().filter(n => n.data('major')).length"
        )
        assert 0 < labelled <= 30

        visit("/character/p0", "character", full=True)
        for box in page.eval_on_selector_all(
            "svg.curve, svg.timeline", "els => els.map(e => e.getBoundingClientRect().width)"
        ):
            assert box <= 1100, f"a chart {box} px wide"
        lanes = page.eval_on_selector_all(".timeline .lane-label", "els => els.length")
        assert lanes == 2  # p0's home series and the one they cross into, not all three

        visit("/cast", "cast")
        visit("/episodes", "episodes")
        visit("/findings", "findings")
        visit("/episode/alder/e001", "episode")
        assert problems == []
        context.close()
