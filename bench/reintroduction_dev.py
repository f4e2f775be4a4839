"""Precision and recall of the ``reintroduction`` rule on its labelled dev set.

The dev set (bench/reintroduction/README.md):

- real firings: every firing of the rule on Friends + The Office (``sitcoms``) and Adventure
  Time (``adventure``) read bare, labelled by hand before the rule was changed
  (``bench/reintroduction/labels.csv``: file, line, pair, label). The corpora are made by
  ``bench/corpora.py sitcoms|adventure`` under ``$SHOWBIBLE_IDENTITY_CORPORA`` (default
  /work/scratch/identity); each is copied to a temporary folder and built there;
- planted: the reintroduction errors of bench/planted (positives) and every other
  reintroduction finding there (false alarms), with the bible and bare.

A firing matches a label by corpus, file, line and pair. A firing with no label (the rule
now fires somewhere it did not when the labels were taken) is listed: label it before trusting
the figures.

``--classes``: how many labelled firings and planted errors each class of the rule turns off
(the rule run with that one class disabled; a class is off when its test always says "no").

Run: ``python bench/reintroduction_dev.py [--show] [--classes]``.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import showbible.rules.reintroduction as rule_mod
import showbible.rules.stranger_line as line_mod
from planted_bare import HERE as PLANTED
from planted_bare import score
from showbible.build.compiler import compile_universe
from showbible.rules import run_rules
from showbible.universe.loader import load_universe

ROOT = Path(__file__).resolve().parent
LABELS = ROOT / "reintroduction" / "labels.csv"
CORPORA = Path(os.environ.get("SHOWBIBLE_IDENTITY_CORPORA", "/work/scratch/identity"))
RULE = "reintroduction"

Key = tuple[str, str, int, str, str]


def _labels() -> dict[Key, bool]:
    with LABELS.open(encoding="utf-8") as f:
        return {
            (r["corpus"], r["file"], int(r["line"]), r["a"], r["b"]): r["label"] == "true"
            for r in csv.DictReader(f)
        }


def _real_firings(corpus: str, tmp: Path) -> set[Key]:
    root = tmp / corpus
    shutil.copytree(CORPORA / corpus, root, ignore=shutil.ignore_patterns(".showbible"))
    fired: set[Key] = set()
    for f in compile_universe(load_universe(root)).findings:
        if f.rule == RULE:
            a, b = sorted(f.characters)
            fired.add((corpus, f.file, f.line, a, b))
    return fired


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the firings that remain")
    parser.add_argument("--classes", action="store_true", help="what each class turns off")
    args = parser.parse_args()
    labels = _labels()
    if args.classes:
        with tempfile.TemporaryDirectory() as tmp:
            classes(labels, Path(tmp))
        return 0
    return run(labels, args.show)


def run(labels: dict[Key, bool] | None = None, show: bool = False) -> int:
    """Print the dev set's table; 1 when the corpora are absent (nothing measured)."""
    labels = labels if labels is not None else _labels()
    corpora = sorted({k[0] for k in labels})
    missing = [c for c in corpora if not (CORPORA / c / "universe.yaml").is_file()]
    if missing:
        print(f"corpora not found under {CORPORA}: {', '.join(missing)} (bench/corpora.py)")
        return 1
    tp = fp = pos = 0
    print(f"{'part':<24}{'firings':>8}{'true':>6}{'false':>7}{'positives':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in corpora:
            fired = _real_firings(corpus, Path(tmp))
            unlabelled = sorted(k for k in fired if k not in labels)
            true = sum(labels.get(k, False) for k in fired)
            n_pos = sum(v for k, v in labels.items() if k[0] == corpus)
            tp, fp, pos = tp + true, fp + len(fired) - true, pos + n_pos
            print(f"{corpus:<24}{len(fired):>8}{true:>6}{len(fired) - true:>7}{n_pos:>10}")
            for k in unlabelled:
                print(f"    UNLABELLED {k}")
            if show:
                for k in sorted(fired):
                    print(f"    fires {k[1]}:{k[2]} {k[3]} / {k[4]}")
        for mode in ("bible", "bare"):
            p_tp = p_fp = p_pos = 0
            for folder in sorted(p for p in PLANTED.iterdir() if (p / "expected.yaml").is_file()):
                run = score(folder, mode, Path(tmp))
                missed = sum(e["rule"] == RULE for e in run.missed)
                planted = _planted_count(folder)
                p_pos += planted
                p_tp += planted - missed
                p_fp += sum(f.rule == RULE for f in run.false_alarms)
            print(f"{'planted (' + mode + ')':<24}{p_tp + p_fp:>8}{p_tp:>6}{p_fp:>7}{p_pos:>10}")
            if mode == "bible":
                tp, fp, pos = tp + p_tp, fp + p_fp, pos + p_pos
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / pos if pos else 1.0
    print(f"dev set (real + planted with bible): precision {precision:.3f} ({tp}/{tp + fp}), "
          f"recall {recall:.3f} ({tp}/{pos})")  # fmt: skip
    return 0


def _planted_count(folder: Path) -> int:
    from ruamel.yaml import YAML

    expected = YAML(typ="safe", pure=True).load((folder / "expected.yaml").read_text("utf-8"))
    return sum(e["rule"] == RULE for e in expected.get("findings") or [])


_NEVER = re.compile(r"(?!)")
# Each class and how to disable it: (module, attribute, value that makes its test say "no").
CLASSES: dict[str, list[tuple[Any, str, Any]]] = {
    "clause end": [(line_mod, "_CLAUSE_END", re.compile("")), (line_mod, "_WHO_TAIL", _NEVER)],
    "rhetorical guess": [(line_mod, "_GUESS", _NEVER)],
    "quotation": [(line_mod, "quoted", lambda *a: False), (rule_mod, "quoted", lambda *a: False)],
    "embedded": [(line_mod, "_EMBEDDED", _NEVER)],
    "speech to a room, formula": [(rule_mod, "framed_introduction", lambda *a: False)],
    "answer judged at its question": [(rule_mod, "replies_to_stranger", lambda *a: False)],
    "playing someone else": [
        (rule_mod, "plays_someone_else", lambda *a: False),
        (rule_mod, "_greets_self", lambda *a: False),
    ],
    "next to a walk-on": [(rule_mod, "next_to_walk_on", lambda *a: False)],
    "introducing someone": [(rule_mod, "introduces_another", lambda *a: False)],
    "played non-recognition": [(rule_mod, "played_non_recognition", lambda *a: False)],
    "answered with a part": [(rule_mod, "answered_as_someone_else", lambda *a: False)],
    "third person's introduction": [(rule_mod, "introduction_before", lambda *a: None)],
    "greeted by name": [(rule_mod, "named_addressees", lambda *a: [])],
    "crowd is no meeting": [(rule_mod, "dealt", lambda *a: True)],
}


def classes(labels: dict[Key, bool], tmp: Path) -> None:
    """Each class disabled in turn: the labelled firings and planted errors it turns off."""
    compiled = []
    for corpus in sorted({k[0] for k in labels}):
        root = tmp / f"{corpus}-classes"
        shutil.copytree(CORPORA / corpus, root, ignore=shutil.ignore_patterns(".showbible"))
        compiled.append((corpus, compile_universe(load_universe(root))))
    planted = []
    for folder in sorted(p for p in PLANTED.iterdir() if (p / "expected.yaml").is_file()):
        root = tmp / f"{folder.name}-classes"
        shutil.copytree(folder, root, ignore=shutil.ignore_patterns(".showbible", "expected.yaml"))
        planted.append((folder.name, compile_universe(load_universe(root))))

    def fired() -> tuple[int, int]:
        assert all(c.fold is not None for _, c in compiled + planted)
        real = sum(
            (corpus, f.file, f.line, *sorted(f.characters)) in labels
            for corpus, c in compiled
            for f in run_rules(c.canon, c.fold, only=[RULE])
        )
        found = sum(
            not f.sealed for _, c in planted for f in run_rules(c.canon, c.fold, only=[RULE])
        )
        return real, found

    base_real, base_planted = fired()
    print(f"{'class disabled':<32}{'labelled firings':>17}{'planted found':>14}")
    print(f"{'(none)':<32}{base_real:>17}{base_planted:>14}")
    for name, patches in CLASSES.items():
        saved = [(mod, attr, getattr(mod, attr)) for mod, attr, _ in patches]
        for mod, attr, value in patches:
            setattr(mod, attr, value)
        try:
            real, found = fired()
        finally:
            for mod, attr, value in saved:
                setattr(mod, attr, value)
        print(f"{name:<32}{real:>17}{found:>14}")


if __name__ == "__main__":
    sys.exit(main())
