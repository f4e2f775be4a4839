"""Precision and recall of the inference components on real plays nobody here wrote.

The labels are ``tests/reading/infer_heldout/labels.tsv`` (see its README: hand labels written
before the engine read the texts). The texts are not in the repository: they are found in the
folder ``SHOWBIBLE_INFER_TEXTS`` (default ``/work/scratch/infer``), as ``eng/<play>.xml`` and
``shake/<play>.xml`` (DraCor TEI), and each must match the sha256 the labels were made on.

Each corpus is read as a universe with a bare ``universe.yaml`` (one series per play, no bible);
a fact a component read (sentence by sentence, before linking keeps one death per character)
counts for the labelled sentence whose lines hold it. A labelled sentence is
positive when it is ``stated`` (the default setting ``high`` is scored against these) or, at
``all``, ``stated`` or ``claim``; every other fact of that kind inside an unlabelled sentence
is ignored (the pools are samples).

Run: ``python bench/infer_heldout.py [--show]``; ``--draw KIND N_STAGE N_SPEECH`` prints a new
random pool of candidate sentences (no engine involved) -- how the labelled pools were drawn.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from showbible.build.compiler import compile_universe
from showbible.reading import infer
from showbible.universe.loader import load_universe

LABELS = Path(__file__).resolve().parents[1] / "tests" / "reading" / "infer_heldout" / "labels.tsv"
TEXTS = Path(os.environ.get("SHOWBIBLE_INFER_TEXTS", "/work/scratch/infer"))
NS = "{http://www.tei-c.org/ns/1.0}"
VERB = {"deaths": "dies", "confinement": "held", "incapacities": "cannot",
        "destructions": "destroyed"}  # fmt: skip
HIGH = 0.9
# The keyword pools the labelled sentences were drawn from (old spellings included).
POOLS = {
    "deaths": r"\b(dies|dye?s|died|dead|deade|slain|slaine|kill|kills|kils|killed|kild|stab\w*|"
    r"murther\w*|murder\w*|poison\w*|strangle\w*|body|bodie|corpse|expires?|breathe?s? his last)\b",
    "confinement": r"\b(prison\w*|dungeon|lock\w*|chain\w*|fetter\w*|imprison\w*|committed|jail|"
    r"gaol\w*|custody|arrest\w*|bound|ward|cell)\b",
    "incapacities": r"\b(cannot|can ?not|can't|blind\w*|lame|deaf|dumb|unable|"
    r"never (learn|could))\b",
    "incapacities2": r"\b(blind\w*|lame|deaf|dumb|mute|tongueless|eyeless|cripple\w*|palsy|palsied|"
    r"cannot (see|walk|speak|hear|read|swim|stand|write|go)|"
    r"can ?not (see|walk|speak|hear|read|swim|stand|write))\b",
    "destructions": r"\b(burn\w*|fire|flames?|sinks?|sunk|raze\w*|destroy\w*|demolish\w*|ashes|"
    r"ruin\w*|blown)\b",
}


@dataclass(frozen=True)
class Unit:
    """A sentence of a stage direction or a speech, with the source lines it spans."""

    file: str  # corpus/play.xml
    line: int
    end: int
    kind: str  # stage | speech
    text: str

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.text.encode()).hexdigest()[:12]


def _text(el: Any) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def units(path: Path, name: str) -> Iterator[Unit]:
    """Stage directions sentence by sentence; a speech's lines joined and split into
    sentences, each from the source line where it starts to the one where it ends."""
    tree = etree.parse(str(path))
    for el in tree.iter(NS + "stage"):
        end = el.sourceline + etree.tostring(el, encoding="unicode").count("\n")
        for sent in re.split(r"(?<=[.!?])\s+", _text(el)):
            if sent:
                yield Unit(name, el.sourceline, end, "stage", sent)
    for sp in tree.iter(NS + "sp"):
        pieces = [
            (el.sourceline, _text(el))
            for el in sp.iter(NS + "l", NS + "p")
            if not any(a.tag == NS + "stage" for a in el.iterancestors()) and _text(el)
        ]
        buf, start, last = "", 0, 0
        for line, t in pieces:
            for chunk in re.split(r"(?<=[.!?])\s+", t):
                start = start or line
                last = line
                buf = (buf + " " + chunk).strip()
                if re.search(r"[.!?]['\")]?$", chunk):
                    yield Unit(name, start, last, "speech", buf)
                    buf, start = "", 0
        if buf:
            yield Unit(name, start, last, "speech", buf)


def _corpora() -> list[str]:
    return sorted(p.name for p in TEXTS.iterdir() if p.is_dir() and any(p.glob("*.xml")))


def draw(kind: str, n_stage: int, n_speech: int, corpora: list[str]) -> None:
    pattern = re.compile(POOLS[kind], re.I)
    stage: list[Unit] = []
    speech: list[Unit] = []
    for corpus in corpora:
        for f in sorted((TEXTS / corpus).glob("*.xml")):
            for u in units(f, f"{corpus}/{f.name}"):
                if pattern.search(u.text):
                    (stage if u.kind == "stage" else speech).append(u)
    rnd = random.Random(14)
    pick = rnd.sample(stage, min(n_stage, len(stage))) + rnd.sample(
        speech, min(n_speech, len(speech))
    )
    for u in sorted(pick, key=lambda u: (u.file, u.line)):
        print(json.dumps({"file": u.file, "line": u.line, "unit": u.kind, "sentence": u.text}))


@dataclass
class Label:
    kind: str
    id: str
    file: str
    line: int
    sha1: str
    label: str
    unit: Unit | None = None


def load_labels() -> tuple[list[Label], dict[str, str]]:
    labels: list[Label] = []
    digests: dict[str, str] = {}
    for raw in LABELS.read_text(encoding="utf-8").splitlines():
        if raw.startswith("# sha256 "):
            _h, _s, digest, path = raw.split(" ", 3)
            digests[path] = digest
        elif raw and not raw.startswith(("#", "kind\t")):
            kind, lid, path, line, _unit, sha1, label = raw.split("\t")
            labels.append(Label(kind, lid, path, int(line), sha1, label))
    return labels, digests


def facts(corpus: str, tmp: Path) -> list[tuple[str, Any]]:
    """Every fact the components read in one corpus read as a bare universe (a series per
    play), with its file."""
    root = tmp / corpus
    (root / "plays").mkdir(parents=True)
    series = []
    for f in sorted((TEXTS / corpus).glob("*.xml")):
        shutil.copy(f, root / "plays" / f.name)
        sid = re.sub(r"[^a-z0-9-]", "-", f.stem.lower())
        series.append(f'  - {{id: {sid}, scripts: ["plays/{f.name}"]}}')
    (root / "universe.yaml").write_text(
        f"name: {corpus}\nsettings: {{inferred_facts: all}}\nseries:\n" + "\n".join(series) + "\n"
    )
    # A scene keeps one fact per kind and subject (reading/infer/__init__.py): here every
    # sentence's own fact is wanted, so the components' output is taken before that merge.
    merge = infer._dedupe
    infer._dedupe = lambda items: sorted(items, key=lambda i: i.line)
    try:
        compiled = compile_universe(load_universe(root))
    finally:
        infer._dedupe = merge
    # Each component's own facts, sentence by sentence (before linking keeps one death per
    # character and drops walk-on roles): what a sentence-level label scores.
    return [(scene.file, item) for scene in compiled.canon.scenes for item in scene.inferred or ()]


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _same(item: Any, unit: Unit) -> bool:
    """Whether a fact's sentence is (part of) the labelled one, or holds it: two sentences on
    one line are told apart."""
    a, b = _fold(item.sentence), _fold(unit.text)
    return not a or a in b or b in a


def score(show: bool = False) -> dict[tuple[str, str, str], dict[str, int]]:
    labels, digests = load_labels()
    for path, digest in digests.items():
        got = hashlib.sha256((TEXTS / path).read_bytes()).hexdigest()
        if got != digest:
            raise SystemExit(f"{path}: not the text the labels were made on")
    by_file: dict[str, list[Unit]] = defaultdict(list)
    for path in digests:
        by_file[path] = list(units(TEXTS / path, path))
    for lab in labels:
        lab.unit = next(
            (u for u in by_file[lab.file] if u.line == lab.line and u.sha1 == lab.sha1), None
        )
        if lab.unit is None:
            raise SystemExit(f"{lab.id}: sentence not found at {lab.file}:{lab.line}")
    found: dict[str, list[Any]] = defaultdict(list)  # corpus/play.xml -> facts
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in sorted({p.split("/")[0] for p in digests}):
            for file, item in facts(corpus, Path(tmp)):
                found[f"{corpus}/{Path(file).name}"].append(item)
    table: dict[tuple[str, str, str], dict[str, int]] = {}  # (set, kind, setting) -> counts
    for lab in labels:
        if lab.label == "walk-on":
            continue
        unit = lab.unit
        assert unit is not None
        hits = [
            e
            for e in found[lab.file]
            if e.kind == VERB[lab.kind] and unit.line <= e.line <= unit.end and _same(e, unit)
        ]
        for setting, threshold, positive in (
            ("high", HIGH, {"stated"}),
            ("all", 0.0, {"stated", "claim"}),
        ):
            said = any((e.confidence or 0) >= threshold for e in hits)
            want = lab.label in positive
            part = lab.id[0] if lab.id[:2] in ("B-", "C-") else "A"
            cell = table.setdefault((part, lab.kind, setting), {"tp": 0, "fp": 0, "fn": 0, "n": 0})
            cell["n"] += 1
            cell["tp"] += said and want
            cell["fp"] += said and not want
            cell["fn"] += want and not said
            if show and said != want and (setting == "all" or lab.label != "claim"):
                what = "false alarm" if said else "missed"
                subj = ", ".join(sorted({f"{e.subject} {e.confidence}" for e in hits}))
                print(f"  {setting:<4} {what:<11} {lab.kind:<12} {lab.id} {lab.file}:{lab.line}"
                      f" [{subj}] {unit.text[:100]}")  # fmt: skip
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--draw", nargs=3, metavar=("KIND", "N_STAGE", "N_SPEECH"))
    parser.add_argument("--corpora", default="eng,shake", help="folders to --draw from")
    args = parser.parse_args()
    if not TEXTS.is_dir() or not _corpora():
        print(f"no texts in {TEXTS} (set SHOWBIBLE_INFER_TEXTS)")
        return 0
    if args.draw:
        draw(args.draw[0], int(args.draw[1]), int(args.draw[2]), args.corpora.split(","))
        return 0
    table = score(args.show)
    print(f"{'set':<4}{'kind':<14}{'setting':<9}{'sentences':>10}{'positive':>9}{'found':>7}"
          f"{'P':>7}{'R':>7}")  # fmt: skip
    for (part, kind, setting), c in sorted(table.items()):
        pos = c["tp"] + c["fn"]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        r = c["tp"] / pos if pos else float("nan")
        said = c["tp"] + c["fp"]
        print(f"{part:<4}{kind:<14}{setting:<9}{c['n']:>10}{pos:>9}{said:>7}{p:>7.2f}{r:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
