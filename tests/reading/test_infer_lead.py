"""``clauses.lead`` (a lookahead of the letters a match can begin with, put before a pattern so
the regex engine skips through a sentence quickly) gives the same matches as the pattern itself:
every compiled pattern of the inference modules, on every sentence and speech of the demo and a
planted universe, and on random strings of the characters that fold case oddly."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re

import pytest

import showbible.reading.infer as infer
from showbible.reading.infer.clauses import lead


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for info in pkgutil.iter_modules(infer.__path__):
        module = importlib.import_module(f"showbible.reading.infer.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                out.append((f"{info.name}.{name}", value))
    return out


def _odd_strings() -> list[str]:
    rnd = random.Random(7)
    odd = "ſKİıSsKkIi '’-.,\n"
    words = ["dies", "killed", "shot", "locked", "free", "released", "is dead", "Mara", "HE"]
    out = []
    for _ in range(2000):
        parts = [rnd.choice(words) if rnd.random() < 0.5 else rnd.choice(odd) for _ in range(8)]
        out.append("".join(parts))
    return out


def _all(p: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


@pytest.fixture(scope="module")
def texts(universe_texts: list[str]) -> list[str]:
    return universe_texts + _odd_strings()


_LED = re.compile(r"\(\?=\[[^\]]*(?:\\.[^\]]*)*\]\)\(\?:(.*)\)", re.S)


def test_lead_finds_what_the_pattern_finds(texts: list[str]) -> None:
    patterns = _patterns()
    led = 0
    for name, p in patterns:
        # A module's pattern already led is compared with the pattern it leads, as written.
        was = _LED.fullmatch(p.pattern)
        plain = re.compile(was.group(1), p.flags) if was else p
        q = lead(plain)
        led += q is not plain
        for text in texts:
            want = _all(plain, text)
            assert _all(q, text) == want, (name, text)
            assert _all(p, text) == want, (name, text)
    assert led > 20 and len(texts) > 2000  # most patterns got a lead, over many texts


def test_lead_keeps_what_it_cannot_read() -> None:
    kept = [r"\w+", r"x*", r"(?i)ab", r"[^a]b", r"(?:ab)?c?", r"(?i:ab)c"]
    for p in [re.compile(k) for k in kept] + [re.compile("ab  # a comment", re.X)]:
        assert lead(p) is p
    q = lead(re.compile(r"\b(?:fires|shot)\b", re.I))
    assert q.pattern.startswith("(?=[fs])") and q.search("He SHOT it") is not None
