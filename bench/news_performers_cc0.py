"""Build the packaged list of known performers (src/showbible/news/data/performers.txt.gz).

The source is the same three catalogues of the titles on US streaming services in mid-2021 as
the titles list (Netflix, Hulu, Disney+; Shivam Bansal, Kaggle, CC0 1.0; see
src/showbible/news/data/README.md for the copy read and the licence records), kept outside the
repository in /work/scratch/news/gazetteer/streaming/. Only the derived list of names is
committed.

    .venv/bin/python bench/news_performers_cc0.py           # writes the packaged list
    .venv/bin/python bench/news_performers_cc0.py --out X   # elsewhere (to compare variants)

Kept: every name in the `cast` column of every title (films and shows, any language) that is
written in Latin letters and has two to five words. A one-word name ("Zendaya", "Cher") is left
out: one word is as often a character's first name. Every title counts, not only English
series: a performer the press names is as often a film actor.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/work/scratch/news/gazetteer/streaming")
OUT = ROOT / "src" / "showbible" / "news" / "data" / "performers.txt.gz"
CATALOGUES = ("netflix", "hulu", "disney_plus")
HEADER = (
    "# Known performers for showbible news (docs/news.md); the cast lists of CC0 streaming\n"
    "# catalogues, derived by bench/news_performers_cc0.py: see README.md beside this file.\n"
)


def latin(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(
        c.isascii() or c in "àáâäãåçèéêëìíîïñòóôöõøùúûüýÿÀÁÉÈÇÖØÜ" for c in letters
    )


def performers(source: Path) -> list[str]:
    seen: dict[str, str] = {}  # lower case -> the name as first written
    for catalogue in CATALOGUES:
        with (source / f"{catalogue}_titles.csv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                for raw in (row.get("cast") or "").split(","):
                    name = " ".join(raw.split())
                    if 2 <= len(name.split()) <= 5 and latin(name) and not name.isupper():
                        seen.setdefault(name.lower(), name)
    return sorted(seen.values(), key=str.lower)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    missing = [c for c in CATALOGUES if not (args.source / f"{c}_titles.csv").is_file()]
    if missing:
        print(f"no catalogue {', '.join(missing)} in {args.source}")
        return 1
    out = performers(args.source)
    text = HEADER + "".join(f"{n}\n" for n in out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime 0: the same names give the same bytes
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(out)} performers from {', '.join(CATALOGUES)} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
