"""Precision and recall of the inference components on their labelled dev sets.

Each case of ``tests/reading/infer_cases/<kind>.yaml`` (see its README) becomes a one-episode
universe (the cast of ``cast.yaml``), written as Fountain -- or, with ``--format transcript``,
as a plain transcript -- and compiled; the facts of that kind are compared with the case's
``expect``. Counted at the default setting (``high``: confidence >= 0.9) and at ``all``.

Run: ``python bench/infer_dev.py [--kind dies] [--format transcript] [--show]``
(``make bench`` runs it too). ``--show`` prints every miss and false alarm.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe

CASES = Path(__file__).resolve().parents[1] / "tests" / "reading" / "infer_cases"
KINDS = ("deaths", "destructions", "incapacities", "confinement", "secrets", "learning")
HIGH = 0.9
_yaml = YAML(typ="safe", pure=True)


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = _yaml.load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    return data


def to_fountain(scene: str) -> str:
    """A case's compact scene text as a Fountain script (see the README of the cases)."""
    out: list[str] = []
    lines = scene.strip("\n").splitlines()
    if not lines or not lines[0].startswith("---"):
        lines.insert(0, "--- INT. HARBOUR OFFICE - DAY")
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.startswith("---"):
            heading = line[3:].strip()
            out.append(("" if heading.upper().startswith(("INT", "EXT")) else ".") + heading)
        elif line.startswith("[["):
            out.append(line)
        elif _cue(line):
            name, _, text = line.partition(":")
            text = text.strip()
            block = [name.strip()]
            if text.startswith("("):
                paren, _, text = text.partition(")")
                block.append(paren + ")")
            block.append(text.strip() or "...")
            out.append("\n".join(block))
        elif line.startswith("(") and line.endswith(")"):
            out.append("!" + line[1:-1])
        else:
            out.append("!" + line)
    return "\n\n".join(out) + "\n"


def to_transcript(scene: str) -> str:
    """The same scene as a plain transcript: ``NAME: line``, directions in brackets."""
    out: list[str] = []
    lines = scene.strip("\n").splitlines()
    if not lines or not lines[0].startswith("---"):
        lines.insert(0, "--- INT. HARBOUR OFFICE - DAY")
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.startswith("---"):
            # Transcripts name the place without INT./EXT. (the reader cuts "[Scene: INT. X]"
            # at its first full stop).
            place = re.sub(r"^(?:INT|EXT|I/E)\.\s*", "", line[3:].strip())
            out.append(f"\n[Scene: {place}]\n")
        elif line.startswith("[["):
            continue
        elif _cue(line):
            out.append(line)
        else:
            out.append(f"[{line.strip('()')}]")
    # A transcript is recognised by its speeches: one neutral line at the end keeps a case
    # made only of directions from being read as an empty file.
    out.append("NARRATOR: End of the case.")
    return "\n".join(out) + "\n"


def _cue(line: str) -> bool:
    name, sep, _ = line.partition(":")
    return bool(sep) and name.strip().isupper() and len(name.split()) <= 3


def universe_yaml(cast: dict[str, Any], ext: str) -> dict[str, Any]:
    return {
        "name": "Dev",
        "series": [{"id": "dev", "title": "Dev", "scripts": [f"dev/*.{ext}"]}],
        "characters": cast["characters"],
        "places": cast["places"],
        "settings": {"inferred_facts": "all"},
    }


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, got: set[str], want: set[str], where: str) -> None:
        self.tp += len(got & want)
        self.fp += len(got - want)
        self.fn += len(want - got)
        for g in sorted(got - want):
            self.misses.append(f"  false alarm {g!r}: {where}")
        for w in sorted(want - got):
            self.misses.append(f"  missed {w!r}: {where}")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def facts_of(kind: str, compiled: Any, threshold: float) -> set[str]:
    """The facts of ``kind`` a compiled case holds, written like its ``expect``."""
    got: set[str] = set()
    if kind == "secret":
        for sc in compiled.canon.scenes:
            for item in sc.inferred or ():
                if item.kind == "confides" and item.confidence >= threshold:
                    got.update(f"secret {t}" for t in item.tells)
        return got
    for e in compiled.collected.inferred:
        if e.verb != kind or (e.confidence or 0) < threshold or "withdrawn" in e.data:
            continue
        if e.data.get("reason") == "confided it":
            continue  # the one who tells a secret knew it already
        if kind in ("dies", "destroyed", "learns"):
            got.add(f"{kind} {e.subject}")
        elif kind == "cannot":
            got.add(f"cannot {e.subject} {e.obj}")
        elif kind == "held":
            until = e.data.get("until")
            tail = f" until {until.rpartition('#')[2]}" if until else ""
            got.add(f"held {e.subject} {e.obj}{tail}")
    return got


def _match(kind: str, got: set[str], want: set[str]) -> set[str]:
    """Map each fact found onto the expected one it states (tells and held places by overlap)."""
    if kind != "secret":
        return got
    out: set[str] = set()
    for w in want:
        phrase = w.split(" ", 1)[1].lower()
        if any(phrase in g[7:] or g[7:] in phrase for g in got):
            out.add(w)
    if not out and got:
        out.add("secret (other words)")
    return out


def run(names: tuple[str, ...], fmt: str, show: bool) -> dict[str, dict[str, float]]:
    cast = load("cast")
    ext = "fountain" if fmt == "fountain" else "txt"
    render = to_fountain if fmt == "fountain" else to_transcript
    results: dict[str, dict[str, float]] = {}
    for name in names:
        data = load(name)
        kind = data["kind"]
        tallies = {"high": Tally(), "all": Tally()}
        for n, case in enumerate(data["cases"]):
            with tempfile.TemporaryDirectory() as tmp:
                root = Path(tmp)
                (root / "dev").mkdir()
                (root / "dev" / f"case.{ext}").write_text(render(case["scene"]), encoding="utf-8")
                with (root / "universe.yaml").open("w", encoding="utf-8") as f:
                    YAML().dump(universe_yaml(cast, ext), f)
                compiled = compile_universe(load_universe(root))
                want = set(case.get("expect") or [])
                where = f"{name}.yaml case {n + 1}: {case['scene'].strip()[:90]!r}"
                for label, threshold in (("high", HIGH), ("all", 0.0)):
                    got = _match(kind, facts_of(kind, compiled, threshold), want)
                    tallies[label].add(got, want, where)
        sentences = sum(
            max(1, len([ln for ln in c["scene"].splitlines() if ln.strip()])) for c in data["cases"]
        )
        results[name] = {"cases": len(data["cases"]), "sentences": sentences}
        for label, t in tallies.items():
            results[name][f"precision_{label}"] = round(t.precision, 3)
            results[name][f"recall_{label}"] = round(t.recall, 3)
            results[name][f"tp_{label}"] = t.tp
            results[name][f"fp_{label}"] = t.fp
            results[name][f"fn_{label}"] = t.fn
        if show:
            print(f"--- {name} (high)", file=sys.stderr)
            print("\n".join(tallies["high"].misses), file=sys.stderr)
    return results


def table(results: dict[str, dict[str, float]]) -> str:
    lines = [
        f"{'kind':<14}{'cases':>6}{'sent.':>6}  {'P high':>7}{'R high':>7}"
        f"  {'P all':>7}{'R all':>7}"
    ]
    for name, r in results.items():
        lines.append(
            f"{name:<14}{r['cases']:>6}{r['sentences']:>6}  {r['precision_high']:>7.2f}"
            f"{r['recall_high']:>7.2f}  {r['precision_all']:>7.2f}{r['recall_all']:>7.2f}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=KINDS, action="append")
    parser.add_argument("--format", choices=("fountain", "transcript"), default="fountain")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run(tuple(args.kind or KINDS), args.format, args.show)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
