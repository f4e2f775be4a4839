"""Score the checker on the planted-error universes in bench/planted/.

Each universe has an ``expected.yaml``: ``findings`` (planted errors that must be found),
``sealed`` (findings that must be reported as sealed) and ``traps`` (must not fire). A finding
matches an expectation by rule, scene and characters. Recall = planted found / planted; a false
positive is an unsealed finding that matches no expectation (a trap that fires is one).

Run: ``python bench/planted_score.py`` (``make bench`` runs it too), or ``python
bench/planted_score.py FOLDER...`` to score a blind look's universes before they join.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from showbible.build.compiler import compile_universe
from showbible.rules import Finding
from showbible.universe.loader import load_universe

HERE = Path(__file__).resolve().parent / "planted"


@dataclass
class Score:
    universe: str
    episodes: int
    planted: int
    found: int
    sealed_expected: int
    sealed_found: int
    false_positives: list[Finding] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    traps_fired: list[dict[str, Any]] = field(default_factory=list)
    traps: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def fp_per_episode(self) -> float:
        return len(self.false_positives) / self.episodes if self.episodes else 0.0


def _scene_key(universe: Any, at: str) -> str:
    return str(universe.parse_ref(at))


def _matches(f: Finding, exp: dict[str, Any], key: str) -> bool:
    if f.rule != exp["rule"] or f.scene != key:
        return False
    if f.rule == "unknown-character":
        suggest = exp.get("suggest")
        return suggest is None or ("did you mean" in f.message and f"({suggest})" in f.message)
    if f.rule == "destroyed-place":
        return True  # the place's finding: by scene (README, "Scoring"), whoever is there
    return set(f.characters) == set(exp.get("characters") or [])


def score_universe(folder: Path) -> Score:
    universe = load_universe(folder)
    expected = YAML(typ="safe").load((folder / "expected.yaml").read_text(encoding="utf-8"))
    findings = compile_universe(universe).findings
    planted = expected.get("findings") or []
    sealed = expected.get("sealed") or []
    traps = expected.get("traps") or []
    used: set[int] = set()
    score = Score(
        folder.name, len(universe.episodes), len(planted), 0, len(sealed), 0, traps=len(traps)
    )
    for group, want_sealed in ((planted, False), (sealed, True)):
        for exp in group:
            key = _scene_key(universe, exp["at"])
            hit = next(
                (
                    i
                    for i, f in enumerate(findings)
                    if i not in used and f.sealed == want_sealed and _matches(f, exp, key)
                ),
                None,
            )
            if hit is None:
                score.missed.append(exp)
                continue
            used.add(hit)
            if want_sealed:
                score.sealed_found += 1
            else:
                score.found += 1
    for i, f in enumerate(findings):
        if i not in used and not f.sealed:
            score.false_positives.append(f)
    for trap in traps:
        key = _scene_key(universe, trap["at"])
        if any(_matches(f, trap, key) and not f.sealed for f in findings):
            score.traps_fired.append(trap)
    return score


def run(folders: list[Path] | None = None) -> list[Score]:
    folders = folders or sorted(p for p in HERE.iterdir() if (p / "expected.yaml").is_file())
    return [score_universe(f) for f in folders]


def report(scores: list[Score], out: Any = sys.stdout) -> None:
    print(
        f"{'universe':<16} {'episodes':>8} {'planted':>8} {'found':>6} {'recall':>7} "
        f"{'sealed':>7} {'traps':>6} {'FP':>4} {'FP/ep':>6}",
        file=out,
    )
    total = Score("all", 0, 0, 0, 0, 0)
    for s in scores:
        print(
            f"{s.universe:<16} {s.episodes:>8} {s.planted:>8} {s.found:>6} {s.recall:>7.3f} "
            f"{s.sealed_found:>3}/{s.sealed_expected:<3} {s.traps:>6} "
            f"{len(s.false_positives):>4} {s.fp_per_episode:>6.3f}",
            file=out,
        )
        total.episodes += s.episodes
        total.planted += s.planted
        total.found += s.found
        total.sealed_expected += s.sealed_expected
        total.sealed_found += s.sealed_found
        total.traps += s.traps
        total.false_positives += s.false_positives
    print(
        f"{'all':<16} {total.episodes:>8} {total.planted:>8} {total.found:>6} "
        f"{total.recall:>7.3f} {total.sealed_found:>3}/{total.sealed_expected:<3} "
        f"{total.traps:>6} {len(total.false_positives):>4} {total.fp_per_episode:>6.3f}",
        file=out,
    )
    for s in scores:
        for exp in s.missed:
            print(
                f"  missed  {s.universe}: {exp['rule']} at {exp['at']} "
                f"{exp.get('characters') or ''}  ({exp.get('why', '')})",
                file=out,
            )
        for f in s.false_positives:
            print(f"  extra   {s.universe}: {f.file}:{f.line}: {f.rule}: {f.message}", file=out)


def main(argv: list[str] | None = None) -> int:
    """Score every universe of bench/planted/, or the folders given (a blind look's universes
    before they join: each a universe.yaml, its scripts and an expected.yaml)."""
    import argparse

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("universes", nargs="*", type=Path, help="universe folders (default: all)")
    args = ap.parse_args(argv)
    for folder in args.universes:
        if not (folder / "expected.yaml").is_file():
            print(f"{folder}: no expected.yaml there", file=sys.stderr)
            return 2
    report(run(args.universes or None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
