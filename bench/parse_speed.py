"""Fountain parse throughput: showbible against Jouvence and screenplain.

Input: the nine Shakespeare histories of ``shared/data/shakespeare-fountain`` repeated to about
20 MB. Ours parses all of it; the peers parse a ~2 MB slice of the same text (throughput is
per MB, and the full size would take them minutes). Each figure is the best of three runs.

Run: ``.venv/bin/python bench/parse_speed.py`` (needs the ``bench`` extra installed).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path

from showbible.formats.fountain import parse_fountain

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "shakespeare-fountain"
TARGET_MB = 20.0
PEER_MB = 2.0
RUNS = 3


def build_input(target_mb: float = TARGET_MB) -> str:
    """The plays joined by blank lines, repeated until the UTF-8 size reaches ``target_mb``."""
    plays = [p.read_text("utf-8") for p in sorted(DATA.glob("*.fountain"))]
    if not plays:
        raise SystemExit(f"no Fountain files under {DATA}")
    corpus = "\n\n".join(plays)
    repeats = max(1, round(target_mb * 1e6 / len(corpus.encode())))
    return "\n\n".join([corpus] * repeats)


def cut(text: str, mb: float) -> str:
    """A prefix of about ``mb`` MB that ends at a paragraph boundary."""
    end = text.find("\n\n", int(mb * 1e6))
    return text if end == -1 else text[:end]


def best_seconds(parse: Callable[[str], object], text: str, runs: int = RUNS) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - start)
    return best


def _jouvence(text: str) -> object:
    from jouvence.parser import JouvenceParser

    return JouvenceParser().parseString(text)


def _screenplain(text: str) -> object:
    from screenplain.parsers import fountain

    # parse() takes a stream: it strips boneyards from the whole text, then splits lines.
    return fountain.parse(io.StringIO(text))


def _annotated(text: str, every: int = 25) -> str:
    """The same text with a ``[[dies: X]]`` note on every ``every``-th non-empty line."""
    lines = text.split("\n")
    for i in range(7, len(lines), every):
        if lines[i]:
            lines[i] += " [[dies: TOBIAS]]"
    return "\n".join(lines)


def _row(name: str, text: str, parse: Callable[[str], object]) -> dict[str, object]:
    size = len(text.encode()) / 1e6
    try:
        seconds = best_seconds(parse, text)
    except ImportError as err:  # a peer that is not installed
        return {
            "parser": name,
            "input_mb": size,
            "seconds": None,
            "mb_per_s": None,
            "note": str(err),
        }
    return {"parser": name, "input_mb": size, "seconds": seconds, "mb_per_s": size / seconds}


def run() -> list[dict[str, object]]:
    """Measure all parsers; ``ratio`` is our MB/s divided by that row's MB/s."""
    text = build_input()
    peer_text = cut(text, PEER_MB)
    rows = [
        _row("showbible", text, parse_fountain),
        _row("showbible, a note every 25 lines", _annotated(text), parse_fountain),
        _row("jouvence", peer_text, _jouvence),
        _row("screenplain", peer_text, _screenplain),
    ]
    ours = rows[0]["mb_per_s"]
    for row in rows:
        speed = row["mb_per_s"]
        assert isinstance(ours, float)
        row["ratio"] = ours / speed if isinstance(speed, float) else None
    return rows


def _fmt(value: object, spec: str) -> str:
    return format(value, spec) if isinstance(value, float) else "n/a"


def main() -> None:
    rows = run()
    print(f"{'parser':<34} {'input MB':>9} {'best s':>8} {'MB/s':>8} {'ours/this':>10}")
    for row in rows:
        print(
            f"{row['parser']!s:<34} {_fmt(row['input_mb'], '9.1f')} {_fmt(row['seconds'], '8.3f')}"
            f" {_fmt(row['mb_per_s'], '8.1f')} {_fmt(row['ratio'], '9.1f')}x"
        )


if __name__ == "__main__":
    main()
