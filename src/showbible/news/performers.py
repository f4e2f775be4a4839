"""Real performers named in full: one piece of evidence that a name is a performer's, never a
character's ("Sherilyn Fenn (Audrey Horne)", "Jennifer Coolidge's Tanya").

An article names a real person and a character alike, and its own words often say nothing of
which is which. The cast lists of streaming catalogues do: the list ships with the package
(news/data/performers.txt.gz, 37,292 names of two to five words from the cast lists of three
CC0 catalogues, built by bench/news_performers_cc0.py; data/README.md says whence). On the dev
set's gold it holds 593 of the 950 performers named in full and 3 of the 746 characters so
named (a character named for a real person: "Donald Trump"), so it is evidence, weighed with
the article's own ("as Jane Doe" still counts against). $SHOWBIBLE_PERFORMERS names another
list (one name a line, "#" comments, plain or gzip) and "none" turns it off. Reading and
keying the packaged list takes about 0.05 s, once per process.
"""

from __future__ import annotations

import gzip
import os
from functools import cache
from pathlib import Path

from showbible.news.names import keyof

PERFORMERS_ENV = "SHOWBIBLE_PERFORMERS"
PACKAGED_PERFORMERS = Path(__file__).with_name("data") / "performers.txt.gz"
NO_PERFORMERS = "none"


def performers_path() -> Path | None:
    """The list to read: $SHOWBIBLE_PERFORMERS, else the packaged one; None when turned off."""
    chosen = os.environ.get(PERFORMERS_ENV)
    if not chosen:
        return PACKAGED_PERFORMERS
    if chosen.strip().lower() == NO_PERFORMERS:
        return None
    return Path(chosen)


@cache
def load_performers(path: Path | None) -> frozenset[str]:
    """The keys of the names listed; empty when the file is absent, unreadable or off (the
    reader then goes without this evidence, never wrongly with it)."""
    if path is None or not path.is_file():
        return frozenset()
    try:
        data = path.read_bytes()
        text = (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8")
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError):
        return frozenset()
    return frozenset(
        keyof(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def known_performer(name: str) -> bool:
    """Whether a name of two words or more is a listed performer's."""
    return " " in name.strip() and keyof(name) in load_performers(performers_path())
