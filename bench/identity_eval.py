"""Identity across series without a bible: asserted crossovers scored against hand-labelled gold.

Corpora (none of their text is in this repository; see tests/data/identity/README.md):

- ``mcu``: fan transcripts of 18 Marvel films grouped into nine series by sub-franchise; the
  gold (tests/data/identity/mcu.json) says for every label seen in two series whether it is one
  person there. Precision and recall of the asserted crossovers.
- ``adventure``: Adventure Time and its spin-offs Distant Lands and Fionna and Cake (wiki
  transcripts, three series of a real TV franchise with many walk-on labels); gold in
  tests/data/identity/adventure.json, labelled from the raw transcripts before the engine ran.
- ``steven``: Steven Universe, its film and Steven Universe Future (wiki transcripts, three
  series of one franchise, 175 episodes); gold in tests/data/identity/steven.json, labelled from
  the raw transcripts before the engine ran.
- ``doctorwho``: Doctor Who (1963-1989, 158 serials) and its 2005 revival (175 episodes),
  chakoteya.net transcripts; gold in tests/data/identity/doctorwho.json, labelled blind (by a
  helper who never ran the engine) before its first look: 16 labels (11 people) cross, 267
  shared labels are walk-ons, species and namesakes.
- ``sitcoms``: Friends and The Office (US), a negative control: every asserted crossover is
  wrong. Counted.
- ``franchise``: Seinfeld, Friends and The Big Bang Theory (500 episodes,
  ``bench/corpus_franchise.py``), another negative control.
- ``shakespeare``: the nine history plays of ../shared/data/shakespeare-fountain with no bible,
  scored against ../shared/data/shakespeare-gold: pairs (label, play, play) that are one person
  (cross-play identities) and pairs that are different persons (hard negatives, named persons and
  walk-on roles apart).

The fetched corpora are found under ``$SHOWBIBLE_IDENTITY_CORPORA`` (default
/work/scratch/identity), each a universe folder; absent ones are skipped.

Usage: ``python bench/identity_eval.py [--json] [--keep DIR]``
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "data" / "identity"
CORPORA = Path(os.environ.get("SHOWBIBLE_IDENTITY_CORPORA", "/work/scratch/identity"))

Row = dict[str, Any]


def _norm(label: str) -> str:
    return " ".join(label.replace("’", "'").split()).upper()


def crossovers_of(universe: Path, db: Path) -> dict[str, Any]:
    """Build ``universe`` into the SQLite file ``db`` and return ``crossovers --format json``."""
    url = f"sqlite:///{db}"
    cmd = [sys.executable, "-m", "showbible"]
    subprocess.run([*cmd, "build", str(universe), "--db", url], check=True, capture_output=True)
    done = subprocess.run(
        [*cmd, "crossovers", str(universe), "--db", url, "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    )
    data: dict[str, Any] = json.loads(done.stdout)
    return data


class BuildFailed(Exception):
    """A corpus that does not build: its row says why instead of stopping the others."""


def _built(universe: Path, db: Path) -> dict[str, Any]:
    try:
        return crossovers_of(universe, db)
    except subprocess.CalledProcessError as exc:
        lines = (exc.stderr or b"").decode(errors="replace").strip().splitlines()
        raise BuildFailed(lines[0] if lines else f"exit {exc.returncode}") from None


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


# --- labelled series corpora ------------------------------------------------------------------


def score_labelled(data: dict[str, Any], gold: dict[str, Any]) -> Row:
    """Asserted crossing characters against the gold people (each with the label forms it is
    cued by): a character is wrong when one of its labels is a person's who is not one across
    series, right when one is a person's who is; a person is recalled when some asserted
    character carries one of their labels."""
    people = gold["people"]
    index = {_norm(label): n for n, p in enumerate(people) for label in p["labels"]}
    positives = {n for n, p in enumerate(people) if p["same"] is True}
    right: set[int] = set()
    wrong: list[str] = []
    unlabelled: list[str] = []
    for ch in data["characters"]:
        hits = {index[_norm(x)] for x in ch["labels"] if _norm(x) in index}
        if any(people[n]["same"] is False for n in hits):
            wrong.append(", ".join(ch["labels"]))
        elif hits & positives:
            right |= hits & positives
        elif not hits:
            unlabelled.append(", ".join(ch["labels"]))
    asserted = len(right) + len(wrong)
    return {
        "asserted": len(data["characters"]),
        "possible": len(data.get("possible", [])),
        "precision": _ratio(len(right), asserted),
        "recall": _ratio(len(right), len(positives)),
        "gold crossing": len(positives),
        "wrong": wrong,
        "missed": sorted(people[n]["labels"][0] for n in positives - right),
        "unlabelled": unlabelled,
    }


def score_negative(data: dict[str, Any]) -> Row:
    return {
        "asserted": len(data["characters"]),
        "possible": len(data.get("possible", [])),
        "wrong": [", ".join(ch["labels"]) for ch in data["characters"]],
    }


# --- Shakespeare --------------------------------------------------------------------------------


def _series_id(play: str) -> str:
    return play.replace("_", "-")


def shakespeare_universe(into: Path) -> Path | None:
    plays = SHARED / "shakespeare-fountain"
    if not plays.is_dir():
        return None
    root = into / "histories-no-bible"
    (root / "plays").mkdir(parents=True)
    lines = ["name: Histories without a bible", "series:"]
    for play in sorted(plays.glob("*.fountain")):
        shutil.copy(play, root / "plays" / play.name)
        lines += [f"  - id: {_series_id(play.stem)}", f'    scripts: ["plays/{play.name}"]']
    (root / "universe.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def shakespeare_pairs(gold: dict[str, Any]) -> dict[str, set[tuple[str, str, str]]]:
    """(label, series, series) pairs: ``same`` (one person across the two plays), ``named``
    (different named persons), ``roles`` (different walk-ons under one label)."""
    same: set[tuple[str, str, str]] = set()
    for person in gold["cross_play"]:
        if not person.get("individual"):
            continue
        by_label: dict[str, list[str]] = {}
        for play, labels in person["labels"].items():
            for label in labels:
                by_label.setdefault(_norm(label), []).append(_series_id(play))
        for label, plays in by_label.items():
            for a, b in itertools.combinations(sorted(set(plays)), 2):
                same.add((label, a, b))
    named: set[tuple[str, str, str]] = set()
    roles: set[tuple[str, str, str]] = set()
    for neg in gold["hard_negatives"]:
        into = named if neg["named"] else roles
        for a, b in neg["different_pairs"]:
            a, b = sorted((_series_id(a), _series_id(b)))
            into.add((_norm(neg["label"]), a, b))
    return {"same": same, "named": named - same, "roles": roles - same}


def asserted_pairs(data: dict[str, Any]) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for ch in data["characters"]:
        for label in ch["labels"]:
            for a, b in itertools.combinations(sorted(ch["series"]), 2):
                out.add((_norm(label), a, b))
    return out


def score_shakespeare(data: dict[str, Any], gold: dict[str, Any]) -> Row:
    pairs = shakespeare_pairs(gold)
    said = asserted_pairs(data)
    same = pairs["same"]
    merged_named = said & pairs["named"]
    merged_roles = said & pairs["roles"]
    hit = said & same
    return {
        "asserted": len(data["characters"]),
        "possible": len(data.get("possible", [])),
        "precision": _ratio(len(hit), len(hit) + len(merged_named) + len(merged_roles)),
        "recall": _ratio(len(hit), len(same)),
        "gold crossing": len(same),
        "named merged": f"{len(merged_named)}/{len(pairs['named'])}",
        "roles merged": f"{len(merged_roles)}/{len(pairs['roles'])}",
        "wrong": sorted(f"{x[0]} {x[1]}={x[2]}" for x in merged_named | merged_roles),
        "missed": sorted(f"{x[0]} {x[1]}={x[2]}" for x in same - said),
    }


# --- run ------------------------------------------------------------------------------------------


def evaluate(keep: Path | None = None) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = keep or Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        mcu = CORPORA / "mcu"
        if (mcu / "universe.yaml").is_file():
            gold = json.loads((GOLD / "mcu.json").read_text(encoding="utf-8"))
            rows.append(_row("mcu (9 film series)", mcu, tmp, lambda d: score_labelled(d, gold)))
        adventure = CORPORA / "adventure"
        if (adventure / "universe.yaml").is_file():
            gold = json.loads((GOLD / "adventure.json").read_text(encoding="utf-8"))
            score_at = lambda d: score_labelled(d, gold)  # noqa: E731
            rows.append(_row("adventure time (3 series)", adventure, tmp, score_at))
        steven = CORPORA / "steven"
        if (steven / "universe.yaml").is_file():
            su_gold = json.loads((GOLD / "steven.json").read_text(encoding="utf-8"))
            score_su = lambda d: score_labelled(d, su_gold)  # noqa: E731
            rows.append(_row("steven universe (3 series)", steven, tmp, score_su))
        who = CORPORA / "doctorwho"
        if (who / "universe.yaml").is_file():
            dw_gold = json.loads((GOLD / "doctorwho.json").read_text(encoding="utf-8"))
            score_dw = lambda d: score_labelled(d, dw_gold)  # noqa: E731
            rows.append(_row("doctor who (2 runs)", who, tmp, score_dw))
        sitcoms = CORPORA / "sitcoms"
        if (sitcoms / "universe.yaml").is_file():
            rows.append(_row("sitcoms (negative control)", sitcoms, tmp, score_negative))
        franchise = CORPORA / "franchise"
        if (franchise / "universe.yaml").is_file():
            name = "seinfeld, friends, big bang (negative control)"
            rows.append(_row(name, franchise, tmp, score_negative))
        gold_file = SHARED / "shakespeare-gold" / "gold.json"
        plays = shakespeare_universe(tmp)
        if plays is not None and gold_file.is_file():
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            score = lambda d: score_shakespeare(d, gold)  # noqa: E731
            rows.append(_row("shakespeare (no bible)", plays, tmp, score))
    return rows


def _row(name: str, root: Path, tmp: Path, score: Callable[[dict[str, Any]], Row]) -> Row:
    try:
        return {"corpus": name, **score(_built(root, tmp / f"{root.name}.sqlite"))}
    except BuildFailed as exc:
        return {"corpus": name, "error": str(exc)}


def table(rows: Iterable[Row]) -> str:
    cols = ["corpus", "asserted", "possible", "precision", "recall", "gold crossing"]
    cols += ["named merged", "roles merged", "error"]
    out = [" | ".join(cols)]
    for row in rows:
        out.append(" | ".join("" if row.get(c) is None else str(row.get(c)) for c in cols))
    return "\n".join(out)


def main(argv: list[str]) -> int:
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    rows = evaluate(keep)
    if "--json" in argv:
        print(json.dumps(rows, indent=2))
    else:
        print(table(rows))
        for row in rows:
            for key in ("wrong", "missed", "unlabelled"):
                if row.get(key):
                    print(f"{row['corpus']} {key}: {'; '.join(row[key])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
