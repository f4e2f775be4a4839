"""Real screenplays saved as plain text (IMSDb's, their layout in spaces), read by the ``.txt``
reader (formats/layout_text.py): per file, the scene headings read against the lines a reference
pattern takes for headings (``INT.``/``EXT.``, numbered or not), the cues and speakers read, and
whether fan transcripts (``NAME: line``) are left to the transcript reader.

The corpus is fetched, not committed (texts under their owners' rights): set
SHOWBIBLE_LAYOUT_TXT to a folder of ``*.txt`` screenplays with a ``transcripts/`` folder of
transcripts (default /work/scratch/layout_txt; its SOURCES.md names each file's origin).

Usage: python bench/layout_text_real.py
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from showbible.formats import read_script
from showbible.formats.layout_text import to_fountain
from showbible.formats.text import decode_text
from showbible.model import Kind

CORPUS = Path(os.environ.get("SHOWBIBLE_LAYOUT_TXT", "/work/scratch/layout_txt"))
# What a reader would call a scene heading, written independently of the reader's rules.
REFERENCE = re.compile(r"^\s*(?:\d+[A-Z]?\.?\s+)?(?:INT|EXT|INT\./EXT|I/E)\b[.\s-]")


def measure(path: Path) -> tuple[int, int, int, int]:
    """(headings read, reference headings, cues, distinct speakers) of one screenplay."""
    script = read_script(path)
    text, _ = decode_text(path.read_bytes(), str(path))
    reference = sum(1 for line in text.split("\n") if REFERENCE.match(line))
    headings = sum(e.kind is Kind.HEADING for e in script.elements)
    cues = [e.text for e in script.elements if e.kind is Kind.CHARACTER]
    return headings, reference, len(cues), len(set(cues))


def main() -> int:
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        print(f"no screenplays under {CORPUS} (set SHOWBIBLE_LAYOUT_TXT)")
        return 0
    print(f"{'screenplay':<22}{'headings':>9}{'reference':>10}{'cues':>7}{'speakers':>9}")
    read = ref = 0
    for path in files:
        h, r, c, s = measure(path)
        read, ref = read + min(h, r), ref + r
        print(f"{path.stem:<22}{h:>9}{r:>10}{c:>7}{s:>9}")
    print(f"headings read where the reference finds them: {read}/{ref}")
    transcripts = sorted((CORPUS / "transcripts").glob("*.txt"))
    taken = [p.stem for p in transcripts if to_fountain(decode_text(p.read_bytes(), "")[0])]
    print(f"transcripts taken for a layout: {len(taken)}/{len(transcripts)} {taken or ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
