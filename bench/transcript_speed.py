"""Transcript parse throughput on real fan transcripts (``NAME: line`` with bracketed directions).

Input: every ``*.txt`` under ``$SHOWBIBLE_IDENTITY_CORPORA`` (default /work/scratch/identity:
the fetched Friends, The Office, Adventure Time, Steven Universe and MCU transcripts; none of
their text is in this repository). Prints the files, megabytes and the best of three CPU times
for parsing all of them, and a digest of every parse (elements, title page, diagnostics): two
versions of the reader that must read alike print the same digest.

Run: ``.venv/bin/python bench/transcript_speed.py``
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

from showbible.formats.transcript import parse_transcript

CORPORA = Path(os.environ.get("SHOWBIBLE_IDENTITY_CORPORA", "/work/scratch/identity"))
RUNS = 3


def main() -> None:
    texts: list[tuple[str, str]] = []
    for path in sorted(CORPORA.rglob("*.txt")):
        try:
            texts.append((str(path.relative_to(CORPORA)), path.read_text("utf-8")))
        except UnicodeDecodeError:
            continue  # the reader's own decoding is not what this measures
    if not texts:
        sys.exit(f"no transcripts under {CORPORA} (set SHOWBIBLE_IDENTITY_CORPORA)")
    size = sum(len(t.encode()) for _, t in texts) / 1e6
    best = float("inf")
    digest = ""
    for _ in range(RUNS):
        h = hashlib.sha256()
        started = time.process_time()
        parsed = [(name, parse_transcript(text, name)) for name, text in texts]
        best = min(best, time.process_time() - started)
        for name, s in parsed:
            h.update(repr((name, s.elements, s.title, s.diagnostics)).encode())
        digest = h.hexdigest()[:16]
    print(f"{len(texts)} transcripts, {size:.1f} MB: {best:.2f} CPU s ({size / best:.1f} MB/s)")
    print(f"digest of every parse: {digest}")


if __name__ == "__main__":
    main()
