"""Readers in linear time (issue 20): the inputs that were quadratic, timed at two sizes eight
times apart. Linear is x8; the old readers were x64 and worse (20,000 lines of `[` took 79 s)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from showbible.formats.fountain import parse_fountain
from showbible.formats.manuscript import parse_manuscript
from showbible.formats.tei import parse_tei
from showbible.formats.transcript import parse_transcript

GROWTH = 8
LIMIT = 24.0  # x3 the linear ratio: room for a busy machine, far from quadratic's x64


def _tei(n: int) -> str:
    sp = '<sp who="#a #b #c"><speaker>ALL</speaker><p>Hi.</p></sp>'
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="scene"><head>H</head>'
        + sp * n
        + "</div></body></text></TEI>"
    )


CASES: dict[str, tuple[Callable[[str], object], Callable[[int], str], int]] = {
    "transcript: unclosed [ on every line": (parse_transcript, lambda n: "[\n" * n, 2000),
    "transcript: [ opened, closed far below": (
        parse_transcript,
        lambda n: "[\n" * n + "]x\n" * n,
        2000,
    ),
    "transcript: many notes in one speech": (
        parse_transcript,
        lambda n: "MARA: " + "hi [[a]]\n" * n,
        2000,
    ),
    "fountain: one line of [[a]]": (
        parse_fountain,
        lambda n: "INT. A - DAY\n\n" + "[[a]]" * n + "\n",
        5000,
    ),
    "fountain: /* on one line": (parse_fountain, lambda n: "INT. A - DAY\n\n" + "/*" * n, 5000),
    "fountain: unclosed [[ between blank lines": (
        parse_fountain,
        lambda n: "INT. A - DAY\n\n" + "[[\n\n" * n,
        5000,
    ),
    "tei: many speeches": (parse_tei, _tei, 1000),
    "manuscript: one paragraph of many quotations": (
        parse_manuscript,
        lambda n: "## A - day\n\n" + '"Hi," Mara said. ' * n + "\n",
        2000,
    ),
    "manuscript: quotation marks never closed": (
        parse_manuscript,
        lambda n: "## A - day\n\n" + '"Hi, Mara said. ' * n + "\n",
        2000,
    ),
    "transcript: a screenplay laid out in spaces": (
        parse_transcript,
        lambda n: "INT. A - DAY\n\n" + "                    MARA\n          Hi.\n\n" * n,
        2000,
    ),
}


def _best(parse: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()  # CPU time: a busy machine is not a slow reader
            parse(text)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("name", sorted(CASES))
def test_reader_time_grows_linearly(name: str) -> None:
    parse, make, n = CASES[name]
    small = _best(parse, make(n))
    large = _best(parse, make(n * GROWTH))
    ratio = large / max(small, 1e-4)
    assert ratio < LIMIT, f"{name}: {small:.3f} s -> {large:.3f} s (x{ratio:.1f} for x{GROWTH})"
    assert large < 10, f"{name}: {large:.1f} s"
