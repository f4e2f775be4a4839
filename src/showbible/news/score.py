"""Scoring extracted facts against hand-read gold, and the dev set of real articles.

A gold fact names its file, kind, subject and object; a subject or object may list equally good
names separated by ``|`` ("Mariner|Beckett Mariner"). Each gold fact matches at most one
extracted fact.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from showbible.news.facts import KINDS, NewsFact
from showbible.news.names import keyof

DEV_TEXTS = Path("/work/scratch/news")  # where the dev set's article texts are kept


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall of one kind of fact against a gold list."""

    kind: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def _same(found: str, wanted: str) -> bool:
    return any(keyof(found) == keyof(w) for w in wanted.split("|"))


def matches(fact: NewsFact, gold: dict[str, Any]) -> bool:
    """Whether an extracted fact is a gold fact: same file (by name), kind and subject; the same
    object, except that a quote only has to start with the gold words and a source's object
    is not compared."""
    if Path(fact.file).name != Path(str(gold["file"])).name or fact.kind != gold["kind"]:
        return False
    if not _same(fact.subject, str(gold["subject"])):
        return False
    if fact.kind == "source":
        return True
    if fact.kind == "quote":
        return keyof(fact.object).startswith(keyof(str(gold["object"])))
    return _same(fact.object, str(gold["object"]))


def score(
    facts: Iterable[NewsFact], gold: Iterable[dict[str, Any]], kinds: Iterable[str] = KINDS
) -> dict[str, Score]:
    """Per kind: each gold fact matched by at most one extracted fact, and the reverse."""
    facts = list(facts)
    gold = list(gold)
    out: dict[str, Score] = {}
    for kind in kinds:
        mine = [f for f in facts if f.kind == kind]
        wanted = [g for g in gold if g["kind"] == kind]
        used: set[int] = set()
        tp = 0
        for g in wanted:
            hit = next((i for i, f in enumerate(mine) if i not in used and matches(f, g)), None)
            if hit is not None:
                used.add(hit)
                tp += 1
        out[kind] = Score(kind, tp, len(mine) - tp, len(wanted) - tp)
    return out


# The splits of the dev set of real articles (tests/data/news/dev), in the order they were
# made: each ``heldN`` was hand-read and committed before the reader ran on it.
DEV_SPLITS = (
    "tune", "held", "held2", "held3", "held4", "held5", "held6", "held7", "held8", "held9",
    "held10", "held11", "held12", "held13", "held14", "held15", "held16", "held17",
    "held18", "held19", "held20", "held21", "held22", "held23", "held24",
    "held25", "held26", "held27", "held28", "held29", "held30", "held31", "held32", "held33",
    "held34", "held35", "held36", "held37", "held38", "held39", "held40",
    "held41", "held42", "held43", "held44", "held45", "held46", "held47", "held48", "held49",
    "held50", "held51", "held52", "held53", "held54", "held55", "held56", "held57", "held58",
    "held59", "held60", "held61", "held62",
    # tests/data/news/bbc: BBC News articles of 2004-2005, texts rebuilt by bench/news_bbc.py
    "bbc1",
    # tests/data/news/dailymail: Daily Mail TV articles of 2020, texts by bench/news_dailymail.py
    "dm1", "dm2", "dm3",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DevArticle:
    """One article of a dev set: where its text is, its address and its gold facts."""

    path: Path
    address: str
    split: str
    gold: list[dict[str, Any]]


def dev_texts() -> Path:
    return Path(os.environ.get("SHOWBIBLE_NEWS_DEV", os.fspath(DEV_TEXTS)))


def bbc_texts() -> Path:
    """Where bench/news_bbc.py writes the BBC set's texts (tests/data/news/bbc)."""
    return Path(os.environ.get("SHOWBIBLE_NEWS_BBC", "/work/scratch/newsbbc/texts"))


def dailymail_texts() -> Path:
    """Where bench/news_dailymail.py writes the texts of tests/data/news/dailymail."""
    return Path(os.environ.get("SHOWBIBLE_NEWS_DM", "/work/scratch/newsdm/texts"))


def load_dev(gold_dir: Path, texts: Path | None = None) -> list[DevArticle]:
    """The dev set's articles whose text is present and is the text the gold was read from
    (same sha256); an empty list when the texts folder is absent."""
    texts = texts if texts is not None else dev_texts()
    if not texts.is_dir():
        return []
    out = []
    for path in sorted(gold_dir.glob("*.yaml")):
        doc = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        text = texts / str(doc["file"])
        if not text.is_file() or hashlib.sha256(text.read_bytes()).hexdigest() != doc["sha256"]:
            continue
        gold = [dict(g, file=doc["file"]) for g in doc["facts"]]
        out.append(DevArticle(text, str(doc["address"]), str(doc["split"]), gold))
    return out


def negatives(
    texts: Path, gold_dir: Path, exceptions: Path | None = None, other: bool = False
) -> tuple[list[Path], dict[str, list[dict[str, Any]]]]:
    """The BBC negative control: the entertainment texts no gold YAML of ``gold_dir`` names, and
    the true facts the ``exceptions`` file lists by file name (only for a text whose sha256 is
    the one the exception was read from). ``other``: the business, politics, sport and tech
    articles instead (``bench/news_bbc.py --other``), all presumed to state no TV role."""
    if other:
        return sorted(p for p in texts.glob("bbc_*_*.txt") if not p.name.startswith("bbc_ent_")), {}
    named = {
        str(YAML(typ="safe").load(p.read_text(encoding="utf-8"))["file"])
        for p in gold_dir.glob("*.yaml")
    }
    paths = sorted(p for p in texts.glob("bbc_ent_*.txt") if p.name not in named)
    true: dict[str, list[dict[str, Any]]] = {}
    if exceptions is not None and exceptions.is_file():
        doc = YAML(typ="safe").load(exceptions.read_text(encoding="utf-8"))
        for entry in doc["articles"]:
            path = texts / str(entry["file"])
            if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]:
                true[path.name] = [dict(g, file=entry["file"]) for g in entry["facts"]]
    return paths, true
