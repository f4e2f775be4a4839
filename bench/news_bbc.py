"""The texts of the BBC dev set of news (tests/data/news/bbc), rebuilt from a fetched repository.

BBC News entertainment articles of 2004-2005 (D. Greene and P. Cunningham, "Practical solutions
to the problem of diagonal dominance in kernel document clustering", ICML 2006; the dataset's
notice: "All rights, including copyright, in the content of the original articles are owned by
the BBC"), as github.com/AbdoulBaguiM/categorization holds them in ``bbc/entertainment/NNN.txt``
at commit 8c54de5108756aacbb289fece01462843a404f7d. The texts never enter this repository: the
gold there names each by file and sha256, and this script writes them, byte for byte, to
``$SHOWBIBLE_NEWS_BBC`` (default /work/scratch/newsbbc/texts) as ``bbc_ent_NNN.txt``, from the
git directory the session's ``fetch`` tool makes (``/work/.mirror/OWNER+NAME/repo``). Unlike the
pages the first dev set was read from, any machine can rebuild these.

Usage: ``python bench/news_bbc.py [--mirror DIR] [--out DIR]``; it says how many texts match the
gold's sha256.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from corpora import git_dir
from showbible.news.score import bbc_texts

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "news" / "bbc"
REPO = "AbdoulBaguiM+categorization"
COMMIT = "8c54de5108756aacbb289fece01462843a404f7d"
FOLDER = "bbc/entertainment/"
# The dataset's other categories: news that states no TV role (a negative control).
OTHER = ("business", "politics", "sport", "tech")
MIRROR = Path(os.environ.get("SHOWBIBLE_MIRROR", "/work/.mirror"))


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(repo), *args], check=True, capture_output=True
    ).stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mirror", type=Path, default=MIRROR)
    ap.add_argument("--out", type=Path, default=bbc_texts())
    ap.add_argument(
        "--other",
        action="store_true",
        help="also the business, politics, sport and tech articles (bbc_CATEGORY_NNN.txt): "
        "a second negative control (bench/news_dev.py --negatives --other)",
    )
    args = ap.parse_args()
    repo = git_dir(args.mirror, REPO)
    if not repo.is_dir():
        print(f"no fetched copy of {REPO.replace('+', '/')} under {args.mirror}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    names = git(repo, "ls-tree", "-r", "--name-only", COMMIT, "--", FOLDER).decode().split("\n")
    sums: dict[str, str] = {}
    for path in sorted(n for n in names if n.startswith(FOLDER) and n.endswith(".txt")):
        data = git(repo, "show", f"{COMMIT}:{path}")
        name = f"bbc_ent_{Path(path).stem}.txt"
        (args.out / name).write_bytes(data)
        sums[name] = hashlib.sha256(data).hexdigest()
    for category in OTHER if args.other else ():
        folder = f"bbc/{category}/"
        listed = git(repo, "ls-tree", "-r", "--name-only", COMMIT, "--", folder).decode()
        for path in sorted(n for n in listed.split("\n") if n.endswith(".txt")):
            out = args.out / f"bbc_{category}_{Path(path).stem}.txt"
            out.write_bytes(git(repo, "show", f"{COMMIT}:{path}"))
    wanted = {}
    for gold in sorted(GOLD.glob("*.yaml")):
        doc = YAML(typ="safe").load(gold.read_text(encoding="utf-8"))
        wanted[doc["file"]] = doc["sha256"]
    same = sum(1 for name, sha in wanted.items() if sums.get(name) == sha)
    print(f"{len(sums)} texts written to {args.out}; {same} of the gold's {len(wanted)} match")
    return 0 if same == len(wanted) else 1


if __name__ == "__main__":
    sys.exit(main())
