"""`bench/news_dev.py --calibration`: per kind and confidence band, how many proposed facts the
gold confirms (docs/news.md, fourteenth session). Checked on a two-article set of our own."""

from __future__ import annotations

from pathlib import Path

from bench_module import load
from showbible.news.score import DevArticle


def test_each_proposed_fact_counts_once_in_its_band(tmp_path: Path) -> None:
    bench = load("news_dev")
    one = tmp_path / "one.txt"
    one.write_text("News\n\nJane Doe will play Mara Voss on Night Ferry, the network said.\n")
    two = tmp_path / "two.txt"
    two.write_text("News\n\nTom Reyes will play Ivo Crane on Salt Flats, the network said.\n")
    gold = [
        {"file": "one.txt", "kind": "plays", "subject": "Jane Doe", "object": "Mara Voss"},
        {"file": "two.txt", "kind": "plays", "subject": "Tom Reyes", "object": "Someone Else"},
    ]
    articles = [
        DevArticle(one, "https://example.org/1", "tune", gold[:1]),
        DevArticle(two, "https://example.org/2", "tune", gold[1:]),
    ]
    rows = bench.calibration(articles)
    plays = [r for r in rows if r["kind"] == "plays"]
    assert sum(int(r["proposed"]) for r in plays) == 2  # one proposed in each article
    assert sum(int(r["right"]) for r in plays) == 1  # the gold confirms one of them
    assert [r["confidence"] for r in plays] == ["0.0-0.5", "0.5-0.7", "0.7-1.0"]
