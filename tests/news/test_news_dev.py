"""The dev set of real articles (tests/data/news/dev): the gold is committed, the texts are not.
They are read from $SHOWBIBLE_NEWS_DEV (default /work/scratch/news); without them these tests
skip. The floors are the figures of docs/news.md less a margin: a regression fails, a slip does
not."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from showbible.news import extract_facts, score
from showbible.news.score import DEV_SPLITS, load_dev

GOLD = Path(__file__).resolve().parents[1] / "data" / "news" / "dev"
KINDS = ("plays", "showrunner", "appears_in")
SPLITS = DEV_SPLITS
# A split whose first look is still to come (or was just taken) is not held to the floors: the
# floors are what the reader was developed to, and running it here would show its answers early.
# held10 and held11 were read (and the reader changed for them) after their first looks, so they
# join the floors, which drop for appears_in (they are the hardest splits: 0.59 with them).
# held12 joined them in the eighth session, once its errors were read and fixed by class;
# held13 joined them in the tenth session (its classes fixed in the ninth); held14 and held15
# joined them in the eleventh, once their misses were read and fixed by class. held16, held17
# and held18 (each hand-read and committed blind, before the reader ever ran on it; first looks
# taken in the eleventh session at 2a8b9cd, e8a77b0 and e695152, in docs/news.md) stay
# out: held16 and held17 were read after their looks and gave the recap class; held18 and held19
# (blind too; held19 first read at b8c0eed) were read after theirs for one fix each. All four
# stay out until a session fixes classes from them and says so. held20 to held32 were
# hand-read and committed blind too; their first looks are taken (docs/news.md, twelfth and
# thirteenth sessions; held20's blindness was broken by two articles read in the thirteenth), and
# they stay out until a session has fixed the classes they show and says so.
# held33 to held41 were hand-read and committed blind as well (fourteenth session), their
# first looks taken at once (docs/news.md); so were held42 to held62 (fifteenth session, seven
# rounds of three, each round's look taken at once).
FIRST_LOOK = (
    "held16", "held17", "held18", "held19", "held20", "held21", "held22", "held23", "held24",
    "held25", "held26", "held27", "held28", "held29", "held30", "held31", "held32",
    "held33", "held34", "held35", "held36", "held37", "held38", "held39", "held40",
    "held41", "held42", "held43", "held44", "held45", "held46", "held47", "held48", "held49",
    "held50", "held51", "held52", "held53", "held54", "held55", "held56", "held57", "held58",
    "held59", "held60", "held61", "held62",
    # The BBC set (tests/data/news/bbc; sixteenth session): hand-read blind, its first look taken
    # at once; texts any machine rebuilds (bench/news_bbc.py).
    "bbc1",
)  # fmt: skip
BBC = GOLD.parent / "bbc"
FLOOR = {"plays": (0.9, 0.85), "showrunner": (0.85, 0.75), "appears_in": (0.8, 0.55)}


def test_every_gold_file_names_its_article() -> None:
    for path in sorted(GOLD.glob("*.yaml")):
        doc = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        assert doc["address"].startswith("http") and len(doc["sha256"]) == 64, path
        # An article with no fact (performers guesting as no named character) is a hard negative.
        assert doc["split"] in SPLITS and isinstance(doc["facts"], list), path
        assert {f["kind"] for f in doc["facts"]} <= set(KINDS), path
    assert len(list(GOLD.glob("*.yaml"))) >= 25


def test_every_bbc_gold_file_names_its_article() -> None:
    paths = sorted(BBC.glob("*.yaml"))
    assert len(paths) >= 40
    for path in paths:
        doc = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        number = path.stem.removeprefix("bbc_ent_")
        assert doc["file"] == f"{path.stem}.txt" and len(number) == 3, path
        assert doc["address"] == (
            "https://github.com/AbdoulBaguiM/categorization/blob/"
            f"8c54de5108756aacbb289fece01462843a404f7d/bbc/entertainment/{number}.txt"
        ), path
        assert len(doc["sha256"]) == 64 and doc["split"] == "bbc1", path
        assert isinstance(doc["facts"], list), path
        assert {f["kind"] for f in doc["facts"]} <= set(KINDS), path


def test_the_dev_set_against_its_gold() -> None:
    articles = [a for a in load_dev(GOLD) if a.split not in FIRST_LOOK]
    if not articles:
        pytest.skip("the dev set's article texts are not here (SHOWBIBLE_NEWS_DEV)")
    facts = [f for a in articles for f in extract_facts([a.path], use_spacy=False)]
    scores = score(facts, [g for a in articles for g in a.gold], KINDS)
    for kind, (precision, recall) in FLOOR.items():
        assert scores[kind].precision >= precision, (kind, scores[kind])
        assert scores[kind].recall >= recall, (kind, scores[kind])
    tp = sum(s.true_positives for s in scores.values())
    assert tp / sum(s.true_positives + s.false_positives for s in scores.values()) >= 0.85
    assert tp / sum(s.true_positives + s.false_negatives for s in scores.values()) >= 0.7


def test_a_text_that_is_not_the_one_read_is_left_out(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("Mara Voss (Jane Doe) returns.\n")
    (texts / "b.txt").write_text("changed since the gold was read\n")
    for name, text in (("a", "Mara Voss (Jane Doe) returns.\n"), ("b", "the original text\n")):
        digest = hashlib.sha256(text.encode()).hexdigest()
        (gold / f"{name}.yaml").write_text(
            f"file: {name}.txt\naddress: https://example.org/{name}\nsha256: {digest}\n"
            "split: tune\nfacts:\n  - {kind: plays, subject: Jane Doe, object: Mara Voss}\n"
        )
    assert [a.path.name for a in load_dev(gold, texts)] == ["a.txt"]
    assert load_dev(gold, tmp_path / "absent") == []
