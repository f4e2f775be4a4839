"""The texts of the Daily Mail dev set of news (tests/data/news/dailymail), rebuilt from a fetched
repository.

Daily Mail "TV & Showbiz" articles of August-October 2020, as a site's scraper kept them in
github.com/soumyadipdas37/finescoop.github.io (``source/_posts/*.md``, front matter then the
article as crawled, photo captions mixed into the body) at commit
0346d6175a2c36d4054083c144b7f8364db73f2f. The articles are the Daily Mail's (the repository's
licence covers its site template, not them), so they never enter this repository: each gold YAML
names its text by file name, source path and sha256, and this script writes each text to
``$SHOWBIBLE_NEWS_DM`` (default /work/scratch/newsdm/texts) from the git directory the session's
``fetch`` tool makes (``/work/.mirror/OWNER+NAME/repo``). A text is the post's title, a blank
line, and its body with the surrounding blank lines stripped.

Usage: ``python bench/news_dailymail.py [--mirror DIR] [--out DIR]``; it says how many texts match
the gold's sha256 (exit 1 when one does not).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from corpora import git_dir
from showbible.news.score import dailymail_texts

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "news" / "dailymail"
REPO = "soumyadipdas37+finescoop.github.io"
COMMIT = "0346d6175a2c36d4054083c144b7f8364db73f2f"
MIRROR = Path(os.environ.get("SHOWBIBLE_MIRROR", "/work/.mirror"))
_TITLE = re.compile(r"^title: (.*)$", re.M)


def article_text(post: str) -> str:
    """The text the gold was read from: the title, a blank line, the body."""
    _, front, body = post.split("---", 2)
    found = _TITLE.search(front)
    title = found.group(1).strip() if found else ""
    return title + "\n\n" + body.strip() + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mirror", type=Path, default=MIRROR)
    ap.add_argument("--out", type=Path, default=dailymail_texts())
    args = ap.parse_args()
    repo = git_dir(args.mirror, REPO)
    if not repo.is_dir():
        print(f"no fetched copy of {REPO.replace('+', '/')} under {args.mirror}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    same = wanted = 0
    for gold in sorted(GOLD.glob("*.yaml")):
        doc = YAML(typ="safe").load(gold.read_text(encoding="utf-8"))
        wanted += 1
        post = subprocess.run(
            ["git", "--git-dir", str(repo), "show", f"{COMMIT}:{doc['source']}"],
            check=True, capture_output=True,
        ).stdout.decode("utf-8")  # fmt: skip
        data = article_text(post).encode("utf-8")
        (args.out / doc["file"]).write_bytes(data)
        same += hashlib.sha256(data).hexdigest() == doc["sha256"]
    print(f"{wanted} texts written to {args.out}; {same} match the gold's sha256")
    return 0 if same == wanted else 1


if __name__ == "__main__":
    sys.exit(main())
