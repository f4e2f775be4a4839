"""The Daily Mail set (tests/data/news/dailymail): its gold names every article, and the reader
keeps to floors below the figures of docs/news.md ("Twenty-first session"), so that a regression
fails and a slip does not. dm1 is tuned on; dm2 was hand-read blind and is only scored. The
texts are rebuilt from a fetched repository by bench/news_dailymail.py into $SHOWBIBLE_NEWS_DM;
without them (or with other bytes: each is checked against its sha256) the floors skip."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from showbible.news import extract_facts, score
from showbible.news.score import dailymail_texts, load_dev

DM = Path(__file__).resolve().parents[1] / "data" / "news" / "dailymail"
KINDS = ("plays", "showrunner", "appears_in")
COMMIT = "0346d6175a2c36d4054083c144b7f8364db73f2f"


def test_every_gold_file_names_its_article() -> None:
    paths = sorted(DM.glob("*.yaml"))
    assert len(paths) >= 100
    for path in paths:
        doc = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        assert doc["file"] == f"{path.stem}.txt" and len(doc["sha256"]) == 64, path
        assert doc["source"].startswith("source/_posts/") and doc["source"].endswith(".md"), path
        assert doc["address"].endswith(COMMIT + "/" + doc["source"]), path
        assert doc["split"] in ("dm1", "dm2", "dm3") and isinstance(doc["facts"], list), path
        assert {f["kind"] for f in doc["facts"]} <= set(KINDS), path


@pytest.mark.parametrize(
    ("split", "precision", "recall"),
    [("dm1", 0.79, 0.66), ("dm2", 0.69, 0.50), ("dm3", 0.72, 0.46)],
)
def test_the_split_keeps_its_floor(split: str, precision: float, recall: float) -> None:
    # measured (docs/news.md): dm1 0.72 / 0.62 in the twenty-sixth session (0.52 / 0.42 at
    # first look); dm2, never tuned on, 0.67 / 0.50 (0.60 / 0.41 at first look); dm3 0.56 /
    # 0.38 at first look (fortieth session); on 2026-12-07 (evening) dm1 0.80 / 0.69, dm2
    # 0.68 / 0.52, dm3 0.68 / 0.45; on 2026-12-07 (night) dm1 0.83 / 0.69, dm2 0.73 / 0.53,
    # dm3 0.76 / 0.49: the floors sit a few points below, so that a regression of a class
    # shows and the machine's rounding does not
    articles = [a for a in load_dev(DM, dailymail_texts()) if a.split == split]
    if len(articles) < 55:
        pytest.skip("the Daily Mail set's texts are not here (bench/news_dailymail.py)")
    facts = [f for a in articles for f in extract_facts([a.path], use_spacy=False)]
    scores = score(facts, [g for a in articles for g in a.gold], KINDS)
    tp = sum(s.true_positives for s in scores.values())
    assert tp / sum(s.true_positives + s.false_positives for s in scores.values()) >= precision
    assert tp / sum(s.true_positives + s.false_negatives for s in scores.values()) >= recall
