"""Precision and recall of `showbible news` on the dev set of real articles, per predicate.

The gold facts are in tests/data/news/dev/ (one YAML per article, with its address and the
sha256 of its text); the texts are read from $SHOWBIBLE_NEWS_DEV (default /work/scratch/news)
and never committed. Articles whose text is absent or differs are left out and counted.

    .venv/bin/python bench/news_dev.py            # the table, by split (tune, held, held2-13), all
    .venv/bin/python bench/news_dev.py --errors   # and every miss and every extra fact
    .venv/bin/python bench/news_dev.py --without held11  # a split left out (before its first look)
    .venv/bin/python bench/news_dev.py --only held11     # one split alone (its first look)
    .venv/bin/python bench/news_dev.py --set bbc         # the BBC set (texts: bench/news_bbc.py)
    .venv/bin/python bench/news_dev.py --set dm   # the Daily Mail set (bench/news_dailymail.py)
    .venv/bin/python bench/news_dev.py --negatives       # the BBC articles of no TV series
    .venv/bin/python bench/news_dev.py --negatives --list  # and every fact with its sentence
    .venv/bin/python bench/news_dev.py --negatives --other # the business, politics, sport, tech

Known series titles come from the packaged list (src/showbible/news/data/titles.tsv, built by
bench/news_titles_cc0.py); $SHOWBIBLE_TITLES names another list (the scratch TVmaze one from
bench/news_titles.py, say), and SHOWBIBLE_TITLES=none reads without any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from showbible.news import NewsFact, extract_facts, format_fact, matches, score
from showbible.news.score import (
    DEV_SPLITS,
    DevArticle,
    bbc_texts,
    dailymail_texts,
    dev_texts,
    load_dev,
    negatives,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "news" / "dev"
BBC_GOLD = ROOT / "tests" / "data" / "news" / "bbc"
DM_GOLD = ROOT / "tests" / "data" / "news" / "dailymail"
KINDS = ("plays", "showrunner", "appears_in")
# The BBC entertainment articles left out of the BBC set, judged from headline and opening to
# say nothing about a TV series: every fact proposed on them is presumed wrong, except those the
# exceptions list (an article that does name a TV role after all), kept with its sha256.
NEGATIVE_EXCEPTIONS = BBC_GOLD / "negatives" / "exceptions.yaml"


def run(articles: list[DevArticle], tv_only: bool = False) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for split in (*DEV_SPLITS, "all"):
        chosen = [a for a in articles if split in ("all", a.split)]
        if not chosen:
            continue
        facts = [
            f for a in chosen for f in extract_facts([a.path], use_spacy=False, tv_only=tv_only)
        ]
        gold = [g for a in chosen for g in a.gold]
        scores = score(facts, gold, KINDS)
        tp = sum(s.true_positives for s in scores.values())
        fp = sum(s.false_positives for s in scores.values())
        fn = sum(s.false_negatives for s in scores.values())
        for kind, s in [*scores.items(), ("(all three)", None)]:
            t, p, n = (
                (s.true_positives, s.false_positives, s.false_negatives) if s else (tp, fp, fn)
            )
            rows.append(
                {
                    "split": f"{split} ({len(chosen)})",
                    "kind": kind,
                    "gold": t + n,
                    "found": t + p,
                    "precision": round(t / (t + p), 2) if t + p else 1.0,
                    "recall": round(t / (t + n), 2) if t + n else 1.0,
                }
            )
    return rows


def errors(articles: list[DevArticle], tv_only: bool = False) -> list[str]:
    out = []
    for a in articles:
        facts = [
            f for f in extract_facts([a.path], use_spacy=False, tv_only=tv_only) if f.kind in KINDS
        ]
        out += [
            f"extra [{a.split}] {format_fact(f)}"
            for f in facts
            if not any(matches(f, g) for g in a.gold)
        ]
        out += [
            f"missed [{a.split}] {a.path.name}: {g['kind']} {g['subject']} -> {g['object']}"
            for g in a.gold
            if not any(matches(f, g) for f in facts)
        ]
    return out


# Confidence bands of the proposed facts: what a reviewer sorting by confidence would meet.
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 1.01))


def calibration(articles: list[DevArticle], tv_only: bool = False) -> list[dict[str, object]]:
    """Per kind and confidence band, how many proposed facts are right: whether a higher
    confidence means a likelier fact."""
    counts: dict[tuple[str, int], list[int]] = {}
    for a in articles:
        for f in extract_facts([a.path], use_spacy=False, tv_only=tv_only):
            if f.kind not in KINDS:
                continue
            band = next(i for i, (lo, hi) in enumerate(BANDS) if lo <= f.confidence < hi)
            ok = any(matches(f, g) for g in a.gold)
            counts.setdefault((f.kind, band), [0, 0])[0 if ok else 1] += 1
    rows: list[dict[str, object]] = []
    for kind in KINDS:
        for band, (lo, hi) in enumerate(BANDS):
            right, wrong = counts.get((kind, band), [0, 0])
            rows.append(
                {
                    "kind": kind,
                    "confidence": f"{lo:.1f}-{min(hi, 1.0):.1f}",
                    "proposed": right + wrong,
                    "right": right,
                    "precision": round(right / (right + wrong), 2) if right + wrong else "-",
                }
            )
    return rows


def negative_control(texts: Path, listing: bool, other: bool = False) -> str:
    paths, true = negatives(texts, BBC_GOLD, NEGATIVE_EXCEPTIONS, other)
    proposed = {k: 0 for k in KINDS}
    wrong = {k: 0 for k in KINDS}
    with_facts = 0
    lines: list[str] = []
    for path in paths:
        facts: list[NewsFact] = [
            f for f in extract_facts([path], use_spacy=False, tv_only=True) if f.kind in KINDS
        ]
        with_facts += bool(facts)
        for f in facts:
            right = any(matches(f, g) for g in true.get(path.name, []))
            proposed[f.kind] += 1
            wrong[f.kind] += not right
            if listing:
                lines.append(f"{'true ' if right else 'wrong'} {format_fact(f)}")
                lines.append(f"      | {f.sentence}")
    rows: list[dict[str, object]] = [
        {"kind": k, "proposed": proposed[k], "wrong": wrong[k]} for k in KINDS
    ]
    rows.append(
        {"kind": "(all three)", "proposed": sum(proposed.values()), "wrong": sum(wrong.values())}
    )
    head = (
        f"negative control: {len(paths)} BBC {'other' if other else 'entertainment'} articles "
        f"of no TV series, {with_facts} with a proposed fact; {len(true)} exceptions"
        + ("" if other else f" ({NEGATIVE_EXCEPTIONS.name})")
    )
    return "\n".join([head, table(rows), *lines])


def table(rows: list[dict[str, object]]) -> str:
    heads = list(rows[0])
    width = {h: max(len(h), *(len(str(r[h])) for r in rows)) for h in heads}
    lines = ["  ".join(h.ljust(width[h]) for h in heads)]
    lines += ["  ".join(str(r[h]).ljust(width[h]) for h in heads) for r in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every miss and extra fact")
    parser.add_argument("--without", action="append", default=[], help="leave this split out")
    parser.add_argument("--only", action="append", help="read this split alone (repeatable)")
    parser.add_argument(
        "--calibration", action="store_true", help="precision per kind and confidence band"
    )
    parser.add_argument(
        "--set",
        choices=("pages", "bbc", "dm"),
        default="pages",
        help="the dev set: pages (tests/data/news/dev), bbc (tests/data/news/bbc, texts from "
        "bench/news_bbc.py) or dm (tests/data/news/dailymail, texts from "
        "bench/news_dailymail.py)",
    )
    parser.add_argument(
        "--negatives",
        action="store_true",
        help="the negative control: facts proposed on the BBC articles no gold YAML names",
    )
    parser.add_argument(
        "--list", action="store_true", help="with --negatives: every fact and its sentence"
    )
    parser.add_argument(
        "--other",
        action="store_true",
        help="with --negatives: the BBC business, politics, sport and tech articles instead "
        "(bench/news_bbc.py --other writes them)",
    )
    args = parser.parse_args()
    if args.negatives:
        print(negative_control(bbc_texts(), args.list, args.other))
        return 0
    gold_dir, texts, variable = {
        "bbc": (BBC_GOLD, bbc_texts(), "SHOWBIBLE_NEWS_BBC"),
        "dm": (DM_GOLD, dailymail_texts(), "SHOWBIBLE_NEWS_DM"),
    }.get(args.set, (GOLD, dev_texts(), "SHOWBIBLE_NEWS_DEV"))
    articles = [
        a
        for a in load_dev(gold_dir, texts)
        if a.split not in args.without and (args.only is None or a.split in args.only)
    ]
    wanted = len(list(gold_dir.glob("*.yaml")))
    if not articles:
        print(f"news dev set: no article texts in {texts} (set {variable})")
        return 0
    if len(articles) < wanted:
        left = wanted - len(articles)
        print(f"news dev set: {left} of {wanted} texts absent, changed or left out")
    # The BBC set's gold counts television alone ("film roles do not count", its README);
    # the pages' and the Daily Mail's count films and stages too.
    tv_only = args.set == "bbc"
    if args.calibration:
        print(table(calibration(articles, tv_only)))
        return 0
    print(table(run(articles, tv_only)))
    if args.errors:
        print("\n".join(errors(articles, tv_only)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
