"""Build the packaged list of known series titles (src/showbible/news/data/titles.tsv).

The source is four catalogues of the titles on US streaming services in mid-2021 (Netflix,
Hulu, Disney+, Amazon Prime Video), made by Shivam Bansal and published on Kaggle under CC0 1.0
(public domain dedication); see src/showbible/news/data/README.md for the copy read, its
commit and the licence records. The raw tables (with descriptions and cast lists) stay outside
the repository, in /work/scratch/news/gazetteer/streaming/; only the derived list of titles is
committed.

    .venv/bin/python bench/news_titles_cc0.py           # writes the packaged list
    .venv/bin/python bench/news_titles_cc0.py --out X   # elsewhere (to compare variants)

Kept, as bench/news_titles.py keeps from TVmaze: English scripted and animated series. A
catalogue has no language column, so English is the country of production (US, UK, Canada,
Australia, Ireland, New Zealand), or no country and no category of a foreign-language shelf
("International TV Shows", "Anime", "Korean TV Shows", "Latino"); scripted is no category of an
unscripted shelf (documentary, reality, talk, game, news, cooking, sport). Amazon's catalogue
is left out by default: nine in ten of its shows have no country and most are obscure
(measured in docs/news.md). A title of one common English word ("Hollywood", "Home", "Lost")
is kept only when the show is well known: it ran three seasons or more ("Lost", six), or two
catalogues carry it. The reader takes a one-word title only with strong context, and "Hollywood
star Jane Doe" is strong context too, so an obscure one (Netflix's one-season "Hollywood") costs
more than it brings. The catalogues' year is the latest season's as often as the first, so no
year is written.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/work/scratch/news/gazetteer/streaming")
OUT = ROOT / "src" / "showbible" / "news" / "data" / "titles.tsv"
COMMON = ROOT / "src" / "showbible" / "reading" / "lexicon" / "common.txt"
CATALOGUES = ("netflix", "hulu", "disney_plus")
OPTIONAL = ("amazon_prime",)
MIN_SEASONS = 3

ENGLISH = frozenset(
    {"United States", "United Kingdom", "Canada", "Australia", "Ireland", "New Zealand"}
)
# Shelves of shows in another language: with no country, these are not English series.
FOREIGN = frozenset(
    {
        "International TV Shows",
        "Anime Series",
        "Korean TV Shows",
        "Spanish-Language TV Shows",
        "International",
        "Anime",
        "Latino",
    }
)
# Shelves of unscripted television, in each catalogue's words.
UNSCRIPTED = frozenset(
    {
        # Netflix
        "Docuseries",
        "Reality TV",
        "Stand-Up Comedy & Talk Shows",
        "Science & Nature TV",
        # Hulu
        "Documentaries",
        "Reality",
        "News",
        "Cooking & Food",
        "Lifestyle & Culture",
        "Game Shows",
        "Sports",
        "Late Night",
        "Health & Wellness",
        "Science & Technology",
        "Stand Up",
        # Disney+
        "Animals & Nature",
        "Game Show / Competition",
        "Lifestyle",
        "Talk Show",
        "Travel",
        "Variety",
        # Amazon Prime Video
        "Documentary",
        "Unscripted",
        "Special Interest",
        "Fitness",
        "Talk Show and Variety",
        "Music Videos and Concerts",
        "and Culture",  # "Arts, Entertainment, and Culture", split on its commas
        "Faith and Spirituality",
    }
)
# What a catalogue appends to a title: a version, a language, a format, a season.
_TAIL = re.compile(
    r"\s*(?:\([^()]*\)|\[[^\[\]]*\]|[:\-–]\s*(?:Season|Series|Vol\.?|Volume)\s+\d+|"
    r"\s(?:Season|Series)\s+\d+)\s*$"
)


def clean(title: str) -> str:
    """ "Thella Raju (Telugu)" -> "Thella Raju", "Act 2 - Series 1" -> "Act 2"."""
    title = " ".join(title.split())
    while (shorter := _TAIL.sub("", title)) != title:
        title = shorter
    return title.strip(" -:–")


def latin(title: str) -> bool:
    """A title in Latin letters, as an English article spells it."""
    letters = [c for c in title if c.isalpha()]
    return bool(letters) and all(c.isascii() or c in "àáâäçèéêëíîïñóôöúûüÀÉÈÇ" for c in letters)


def english_scripted(row: dict[str, str]) -> bool:
    if row["type"] != "TV Show":
        return False
    shelves = {s.strip() for s in row["listed_in"].split(",")}
    if shelves & UNSCRIPTED:
        return False
    countries = [c.strip() for c in row["country"].split(",") if c.strip()]
    if countries:
        return countries[0] in ENGLISH
    return not shelves & FOREIGN


def rows(source: Path, catalogues: Iterable[str]) -> Iterator[tuple[str, dict[str, str]]]:
    for name in catalogues:
        with (source / f"{name}_titles.csv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                yield name, row


def titles(source: Path, catalogues: Iterable[str], common: frozenset[str]) -> list[str]:
    seen: dict[str, str] = {}  # lower-case title -> title as first spelled
    where: dict[str, set[str]] = {}  # lower-case title -> catalogues carrying it
    seasons: dict[str, int] = {}  # lower-case title -> most seasons a catalogue counts
    for name, row in rows(source, catalogues):
        if not english_scripted(row):
            continue
        title = clean(row["title"])
        if len(title) < 2 or title.startswith("#") or not latin(title):
            continue
        key = title.lower()
        seen.setdefault(key, title)
        where.setdefault(key, set()).add(name)
        count = re.match(r"(\d+) Seasons?$", row["duration"].strip())
        seasons[key] = max(seasons.get(key, 0), int(count.group(1)) if count else 0)
    out = []
    for key, title in seen.items():
        words = [w for w in key.split() if w not in ("the", "a", "an")]
        well_known = seasons[key] >= MIN_SEASONS or len(where[key]) >= 2
        if len(words) == 1 and words[0] in common and not well_known:
            continue  # a common word before it is a show, and this show is not well known
        out.append(title)
    return sorted(out, key=str.lower)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--with-amazon", action="store_true", help="add Amazon's catalogue")
    args = parser.parse_args(argv)
    catalogues = CATALOGUES + (OPTIONAL if args.with_amazon else ())
    missing = [c for c in catalogues if not (args.source / f"{c}_titles.csv").is_file()]
    if missing:
        print(f"no catalogue {', '.join(missing)} in {args.source}")
        return 1
    common = frozenset(COMMON.read_text(encoding="utf-8").split())
    out = titles(args.source, catalogues, common)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# Known series titles for showbible news (docs/news.md, gazetteer); derived from\n"
        "# CC0 streaming catalogues by bench/news_titles_cc0.py: see README.md beside this file.\n"
    )
    args.out.write_text(header + "".join(f"{t}\n" for t in out), encoding="utf-8")
    print(f"{len(out)} titles from {', '.join(catalogues)} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
