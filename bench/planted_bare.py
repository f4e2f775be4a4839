"""The planted-error universes read without a bible: how many planted errors the facts inferred
from the scripts find, and at what cost in false alarms.

For each universe of bench/planted, three runs:

- ``bible``: as written, but with ``settings.inferred_facts: high`` (the default) instead of
  the ``none`` the fixtures set; the false alarms beside those of ``none`` are the *new* ones
  the inferred facts bring to a universe whose bible is complete;
- ``bare``: ``universe.yaml`` reduced to its series (ids, scripts, episode story times and
  release dates): no characters, places, secrets, events, allows or settings;
- ``bare-text``: the same, and the scripts' fact annotations (``[[dies: ...]]``,
  ``[[destroyed: ...]]``, ``[[reveals: ...]]``, ``[[learns: ...]]``) removed too, so that only
  the words of the scripts establish the canon.

A finding matches a planted error by rule, scene and characters; without a bible the engine's
characters are provisional (``hollis`` for the cue ``HOLLIS``), so a character matches an
expected bible id when one of that id's aliases is its label. Planted errors that only the bible
establishes (a ``relation`` event, a secret's tells) cannot be found bare; the table says how many
were found all the same.

Run: ``python bench/planted_bare.py [--show]`` (``make bench`` runs it too).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from showbible.build.compiler import compile_universe
from showbible.reading.names import normalise
from showbible.rules import Finding
from showbible.universe.loader import load_universe

HERE = Path(__file__).resolve().parent / "planted"
_FACT_NOTE = re.compile(r"^\s*\[\[\s*(?:dies|destroyed|reveals|learns)\s*:[^\]]*\]\]\s*$", re.I)
_yaml = YAML(typ="safe", pure=True)


@dataclass
class Run:
    universe: str
    mode: str
    episodes: int
    planted: int
    found: int = 0
    false_alarms: list[Finding] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)

    @property
    def per_episode(self) -> float:
        return len(self.false_alarms) / self.episodes if self.episodes else 0.0


def _copy(folder: Path, into: Path, mode: str) -> Path:
    root = into / f"{folder.name}-{mode}"
    shutil.copytree(folder, root, ignore=shutil.ignore_patterns(".showbible", "expected.yaml"))
    doc = _yaml.load((folder / "universe.yaml").read_text(encoding="utf-8"))
    if mode == "bible":
        doc.setdefault("settings", {})["inferred_facts"] = "high"
    else:
        doc = {"name": doc.get("name", folder.name), "series": doc["series"]}
        if "release_order" in doc:
            doc["release_order"] = doc["release_order"]
    with (root / "universe.yaml").open("w", encoding="utf-8") as f:
        YAML().dump(doc, f)
    if mode == "bare-text":
        for script in root.rglob("*.fountain"):
            lines = script.read_text(encoding="utf-8").splitlines(keepends=True)
            # Blank the line rather than drop it: every line number stays as expected.yaml has it.
            kept = ["\n" if _FACT_NOTE.match(ln) else ln for ln in lines]
            script.write_text("".join(kept), encoding="utf-8")
    return root


def _labels(bible: dict[str, Any]) -> dict[str, set[str]]:
    """Each bible character's labels, normalised, for matching provisional characters."""
    out: dict[str, set[str]] = {}
    for cid, char in (bible.get("characters") or {}).items():
        labels = {normalise(cid.replace("-", " "))}
        for alias in char.get("aliases") or []:
            labels.add(normalise(alias["label"] if isinstance(alias, dict) else str(alias)))
        out[cid] = labels
    return out


def _same(found: tuple[str, ...], expected: list[str], labels: dict[str, set[str]]) -> bool:
    if len(found) != len(expected):
        return False
    want = [labels.get(e, {normalise(e)}) | {normalise(e.replace("-", " "))} for e in expected]
    # Without a bible a label seen in two series may be two provisional characters
    # ("pell" and "pell--beacon", until a crossover is settled): both are PELL.
    got = [normalise(c.split("--")[0].replace("-", " ")) for c in found]
    return all(any(g in w for w in want) for g in got) and all(
        any(g in w for g in got) for w in want
    )


def score(folder: Path, mode: str, tmp: Path) -> Run:
    expected = _yaml.load((folder / "expected.yaml").read_text(encoding="utf-8"))
    bible = _yaml.load((folder / "universe.yaml").read_text(encoding="utf-8"))
    labels = _labels(bible)
    universe = load_universe(_copy(folder, tmp, mode))
    findings = compile_universe(universe).findings
    planted = expected.get("findings") or []
    sealed = expected.get("sealed") or []
    run = Run(folder.name, mode, len(universe.episodes), len(planted))
    used: set[int] = set()
    for group, is_planted in ((planted, True), (sealed, False)):
        for exp in group:
            key = str(universe.parse_ref(exp["at"]))
            hit = next(
                (
                    i
                    for i, f in enumerate(findings)
                    if i not in used
                    and f.rule == exp["rule"]
                    and f.scene == key
                    and (
                        f.rule in ("destroyed-place", "unknown-character")
                        or _same(f.characters, exp.get("characters") or [], labels)
                    )
                ),
                None,
            )
            if hit is None:
                if is_planted:
                    run.missed.append(exp)
                continue
            used.add(hit)
            run.found += is_planted
    run.false_alarms = [f for i, f in enumerate(findings) if i not in used and not f.sealed]
    return run


MODES = ("bible", "bare", "bare-text")


def run_all(modes: tuple[str, ...] = MODES) -> list[Run]:
    folders = sorted(p for p in HERE.iterdir() if (p / "expected.yaml").is_file())
    with tempfile.TemporaryDirectory() as tmp:
        return [score(folder, mode, Path(tmp)) for folder in folders for mode in modes]


def report(runs: list[Run], show: bool = False) -> None:
    print(f"{'universe':<15}{'mode':<11}{'episodes':>9}{'found':>7}{'planted':>8}"
          f"{'recall':>8}{'false alarms':>14}{'per ep.':>8}")  # fmt: skip
    for r in runs:
        print(
            f"{r.universe:<15}{r.mode:<11}{r.episodes:>9}{r.found:>7}{r.planted:>8}"
            f"{r.found / r.planted:>8.2f}{len(r.false_alarms):>14}{r.per_episode:>8.2f}"
        )
        if show:
            for exp in r.missed:
                print(f"    missed {exp['rule']} at {exp['at']} {exp.get('characters') or ''}")
            for f in r.false_alarms:
                inferred = " [inferred]" if f.inferred else ""
                print(f"    false alarm {f.file}:{f.line}: {f.rule}{inferred}: {f.message[:110]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--mode", action="append", choices=("bible", "bare", "bare-text"))
    args = parser.parse_args()
    report(run_all(tuple(args.mode or MODES)), args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
