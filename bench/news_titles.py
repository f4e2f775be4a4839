"""Build the scratch list of known series titles (TVmaze-derived), for $SHOWBIBLE_TITLES.

The list the package ships is another one, from CC0 catalogues (bench/news_titles_cc0.py); this
one stays outside the repository, for comparison (docs/news.md, "The titles list in the
package").

The source is a TVmaze-derived table of about 2,500 top-rated shows (name, premiere date, type,
language, episodes), kept outside the repository in /work/scratch/news/gazetteer (see
docs/news.md, eighth session, for its address and commit). Nothing of it is committed: the
table reached us through a repository with no licence of its own, so the list is built here,
from the scratch copy, and the reader works without it.

    .venv/bin/python bench/news_titles.py   # writes /work/scratch/news/gazetteer/titles.tsv

Kept: English scripted and animated series with at least 6 episodes (a title the press names
as a show, not a special or a one-off).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path("/work/scratch/news/gazetteer")
SOURCE = HERE / "tvmaze_TV_show_data.csv"
OUT = HERE / "titles.tsv"
MIN_EPISODES = 6


def titles(source: Path) -> list[tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    with source.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["Language"] != "English" or row["Type"] not in ("Scripted", "Animation"):
                continue
            if not row["Total Episodes"].isdigit() or int(row["Total Episodes"]) < MIN_EPISODES:
                continue
            year = re.search(r"(?:19|20)\d\d", row["Premiere Date"])
            name = row["Name"].strip()
            out.setdefault(name.lower(), (name, year.group(0) if year else ""))
    return sorted(out.values())


def main() -> int:
    if not SOURCE.is_file():
        print(f"no source table at {SOURCE}")
        return 1
    rows = titles(SOURCE)
    OUT.write_text("".join(f"{t}\t{y}\n" for t, y in rows), encoding="utf-8")
    print(f"{len(rows)} titles -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
