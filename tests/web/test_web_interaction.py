"""The character page draws each pair's measured interaction per episode, spoiler-safe."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def _bars(html: str) -> list[str]:
    return re.findall(r"<title>([^<]*exchange\(s\)[^<]*)</title>", html)


def test_interaction_curve_on_the_character_page(client: TestClient) -> None:
    everything = _bars(client.get("/character/jonah").text)
    assert any(b.startswith("highwater:hw3:") for b in everything)
    client.post("/watched", data={"upto": "ferryman:fm2", "next": "/"})
    seen = _bars(client.get("/character/jonah").text)
    assert seen and all(b.startswith(("ferryman:fm1:", "ferryman:fm2:")) for b in seen)
