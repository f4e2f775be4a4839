"""The same article gives the same facts in every process: Python salts the hash of strings per
process, so whatever the reader keeps in a set must not decide which form of a name it reports
(a show quoted "Fresh Off The Boat" in the headline and "Fresh Off the Boat" below came out
either way before the fourteenth session)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ARTICLE = """'Night Desk' Star Will Guest On 'Harbor Lights Of The North'

Jane Doe will guest-star on an upcoming episode of "Harbor Lights of the North" as Mara Voss.

"Harbor Lights of the North," now in its fifth season, is loosely based on a true story.
"""

SCRIPT = (
    "import sys; from showbible.news import extract_text; "
    "print(sorted((f.kind, f.subject, f.object) for f in extract_text(sys.stdin.read(), 'a.txt')))"
)


def test_the_facts_do_not_depend_on_the_process_hash_seed(tmp_path: Path) -> None:
    outputs = set()
    for seed in range(8):
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT], input=ARTICLE, capture_output=True, text=True,
            env=env, check=True,
        )  # fmt: skip
        outputs.add(done.stdout)
    assert len(outputs) == 1, outputs
    assert "Mara Voss" in outputs.pop()
