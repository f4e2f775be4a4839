"""Who says each quotation in real novels (formats/manuscript.py), against a reader's labels.

The corpus: chapters of public-domain novels (Austen, Alcott, Christie, Stevenson, Baum), one
paragraph per line as Markdown, each quotation labelled by hand with its speaker (or null for a
title, a sign, a letter read out) by a reader who never saw the reader's rules. Fetched, not
committed: SHOWBIBLE_NOVELS (default /work/scratch/novels; SOURCES.md names each chapter's
origin), ``NAME.md`` beside ``NAME.labels.yaml`` (``- {line, quote, speaker}``).

A quotation is scored by the cue our reader puts over its paragraph's words: named right (the
label's name, titles aside: "Mr. Bingley" is "Bingley", "Miss Bingley" is not), named wrong, or
not named (an empty cue). Precision: right among named; recall: right among labelled speech.

Usage: python bench/manuscript_dev.py [--errors]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from ruamel.yaml import YAML

from showbible.formats.manuscript import parse_manuscript
from showbible.model import Kind

CORPUS = Path(os.environ.get("SHOWBIBLE_NOVELS", "/work/scratch/novels"))
# The first-person books' narrators, as their authors would name them in the front matter.
NARRATORS = {"mysterious_affair_at_styles": "Hastings", "treasure_island": "Jim"}
_FEMALE = {"mrs", "miss", "ms", "lady", "madame", "mme", "mademoiselle", "aunt", "sister"}
_TITLES = _FEMALE | {"mr", "dr", "captain", "capt", "sir", "lord", "uncle", "mister", "the"}


def _parts(name: str) -> tuple[set[str], set[str]]:
    words = re.findall(r"[a-z’'-]+", name.lower().replace(".", " "))
    return {w for w in words if w in _TITLES}, {w for w in words if w not in _TITLES}


def same(label: str, ours: str) -> bool:
    """Whether our cue names the labelled speaker, titles aside but not a woman's for a man's."""
    (lt, lw), (ot, ow) = _parts(label), _parts(ours)
    if bool(lt & _FEMALE) != bool(ot & _FEMALE):
        return False  # "Miss Bingley" is not "Bingley" (her brother)
    return bool(lw and ow) and (lw <= ow or ow <= lw)


def speakers(path: Path, narrator: str = "") -> dict[int, list[tuple[str, str]]]:
    """Each line's speeches: (cue, words), the cue "" for none."""
    script = parse_manuscript(path.read_text(encoding="utf-8"), str(path), narrator)
    out: dict[int, list[tuple[str, str]]] = {}
    cue = ""
    for e in script.elements:
        if e.kind is Kind.CHARACTER:
            cue = e.text
        elif e.kind is Kind.DIALOGUE:
            out.setdefault(e.line, []).append((cue, _plain(e.text)))
    return out


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def cue_of(speeches: list[tuple[str, str]], quote: str) -> str:
    """The cue over the speech that holds the quotation's opening words."""
    words = _plain(quote)
    return next(
        (cue for cue, said in speeches if words in said), speeches[0][0] if speeches else ""
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="list the wrong and unnamed")
    args = ap.parse_args()
    books = sorted(CORPUS.glob("*.labels.yaml"))
    if not books:
        print(f"no labelled novels under {CORPUS} (set SHOWBIBLE_NOVELS)")
        return 0
    print(f"{'novel':<30}{'speech':>7}{'named':>7}{'right':>7}{'precision':>10}{'recall':>8}")
    total = [0, 0, 0]
    for labels_path in books:
        name = labels_path.name.removesuffix(".labels.yaml")
        ours = speakers(CORPUS / f"{name}.md", NARRATORS.get(name, ""))
        labels = YAML(typ="safe", pure=True).load(labels_path.read_text(encoding="utf-8"))
        speech = named = right = 0
        for label in labels:
            got = cue_of(ours.get(label["line"], []), label["quote"])
            who = label["speaker"]
            speech += who is not None
            named += bool(got)
            ok = bool(got) and who is not None and same(who, got)
            right += ok
            if args.errors and (got or who) and not ok:
                print(f"    {name}:{label['line']} {label['quote'][:40]!r}: {who!r} got {got!r}")
        total = [total[0] + speech, total[1] + named, total[2] + right]
        p = right / named if named else 1.0
        print(f"{name:<30}{speech:>7}{named:>7}{right:>7}{p:>10.2f}{right / speech:>8.2f}")
    speech, named, right = total
    print(f"{'all':<30}{speech:>7}{named:>7}{right:>7}{right / named:>10.2f}{right / speech:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
