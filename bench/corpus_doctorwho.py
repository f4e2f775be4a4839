"""Turn the chakoteya.net Doctor Who transcripts into a showbible universe of two series.

It is measured on by ``bench/identity_eval.py`` against ``tests/data/identity/doctorwho.json``;
the texts stay outside the repository.

Source: github.com/LaurenceDyer/DocWho-Dataset_construction_EDA_and_ML at commit
e19f7f8dd25e0d5feb6bddf19b3f6bfb2fde0d0d, ``Raw/DoctorWho_<season>-<story>.csv`` (one scraped
transcript page per file: an index column and a ``Script`` column holding one line of the page per
row), read straight from the git directory that the session's ``fetch`` tool made
(``MIRROR_DIR/LaurenceDyer+DocWho-Dataset_construction_EDA_and_ML/repo``). The script refuses a
snapshot at another commit: the titles and dates it corrects are that commit's.

Writes to OUT_DIR ``universe.yaml`` and one transcript per story:

- ``doctor-who-1963/sNNeMM-<title>.txt``: Doctor Who (1963-1989), one transcript per serial,
  numbered within each season in broadcast order; 158 serials.
- ``doctor-who-2005/sNNeMM-<title>.txt``: Doctor Who (2005-2022), one transcript per episode or
  special, series = chakoteya season - 26, numbered as chakoteya numbers them; 175 episodes.

Each episode is released on its original airdate. Transcript paragraphs, a blank line between:

- ``[Scene: <location>]`` from chakoteya's ``[Location]`` headings;
- ``[<action>]`` from stand-alone ``(action)`` paragraphs;
- ``[Episode Two - <title>]`` from the part or episode markers inside a serial;
- ``NAME: text`` for speeches; a cue qualifier such as ``[OC]`` or ``[on screen]`` becomes a
  parenthetical, ``NAME (OC): text``.

Left out: the unaired pilot of An Unearthly Child (1-0), the unbroadcast Shada (17-6), the
animated The Infinite Quest (29-14) and the web-only Vastra Investigates (33-59). Everything else
is kept.

Usage: ``python bench/corpus_doctorwho.py MIRROR_DIR OUT_DIR``, MIRROR_DIR being the folder of
fetched snapshots (/work/.mirror), as ``bench/corpora.py --mirror`` takes it. The evaluation
reads the universe from ``$SHOWBIBLE_IDENTITY_CORPORA/doctorwho`` (/work/scratch/identity/...).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import itertools
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import git_dir, git_files, git_show

SOURCE = "LaurenceDyer+DocWho-Dataset_construction_EDA_and_ML"
COMMIT = "e19f7f8dd25e0d5feb6bddf19b3f6bfb2fde0d0d"
PREFIX = "DoctorWho_"

SKIP = {"1-0", "17-6", "29-14", "33-59"}

# The page's own title line is wrong or cut short for these.
TITLE_FIX = {
    "3-9": "The War Machines",
    "23-4": "The Trial of a Time Lord - The Ultimate Foe",
    "33-0": "The Doctor, the Widow and the Wardrobe",
    "33-11": "Journey to the Centre of the TARDIS",
    "3-3": "The Daleks' Master Plan",
}
# The page's airdate is wrong for these (checked against the BBC broadcast record).
DATE_FIX = {
    "3-3": "1965-11-13",  # page says 1966
    "35-8": "2015-11-07",  # page says 7 Oct
    "37-4": "2018-10-28",  # page says 28 Sep
    "26-1": "1989-09-06",  # page says "6 Sep 6, 1989"
}

_MON = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTHS = {m: i for i, m in enumerate(_MON, 1)}

NUMWORDS = (
    r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|\d+)"
)


def parse_date(s: str) -> str | None:
    """An ISO date from the page's free-form airdate (``6 Sep, 1989``, ``Sept 6 1989``...)."""
    day = mon = year = None
    for t in s.replace(",", " ").split():
        tl = t.lower().rstrip(".")
        if tl[:3] in MONTHS and mon is None and not tl.isdigit():
            mon = MONTHS[tl[:3]]
        elif t.isdigit() and len(t) == 4:
            year = int(t)
        elif t.isdigit() and day is None:
            day = int(t)
    if day and mon and year:
        return datetime.date(year, mon, day).isoformat()
    return None


def slug(t: str) -> str:
    t = t.lower().replace("'", "")
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:40].strip("-")


CUE = re.compile(
    r"^(?P<name>[A-ZÀ-Þ0-9'][^:\[\]{}()]*?)\s*"
    r"(?P<q>[\[{][^:]*?(?:[\]}]|$)|\([^:]*?\)|OC\])?\s*:\s*(?P<text>.*)$"
)


def cue_of(line: str) -> tuple[str, str | None, str] | None:
    """Return (name, qualifier, text) if the line opens a speech, else None."""
    # scraping debris before a cue would otherwise hide it
    s = re.sub(r"^(?:[)>\u00e9]+\s*|\(\d+\.\)\s*)", "", line)
    m = CUE.match(s)
    if not m:
        return None
    name = m.group("name").strip()
    if name.lower().startswith("original airdate"):
        return None
    # McDONNELL, MacRANALD are capitalised names all the same
    core = re.sub(r"Ma?c(?=[A-Z])", "", name)
    if re.search(r"[a-z]", core) or not re.search(r"[A-Z]", core) or len(name) > 45:
        return None
    q = m.group("q")
    if q:
        q = q.strip("[]{}() ").strip()
    name = re.sub(r"\s+", " ", name).rstrip(" ?")
    return name, q, m.group("text").strip()


# The pages often run a speech cue into the previous sentence on the same line.
INLINE_CUE = re.compile(
    r"(?<=[.!?)\]\"\u2019'\->])\s*"
    r"(?=(?:Ma?c)?[A-Z][A-Z0-9'.\-]*(?:\s+(?:Ma?c)?[A-Z0-9][A-Z0-9'.\-]*)*"
    r"\s*(?:[\[(][^\]):]{1,30}[\])])?\s*:(?:\s|$))"
)
# ... or a heading or direction onto the end of a previous one ...
INLINE_BLOCK = re.compile(r"(?<=[)\]])\s*(?=\[)|(?<=\])\s*(?=\()")
# ... or an interrupted speech into the next cue ("... you're CLARA: What?").
INLINE_CUE2 = re.compile(
    r"(?<=[a-z,])\s+(?=(?:Ma?c)?[A-Z][A-Z'.\-]+(?:\s+(?:Ma?c)?[A-Z][A-Z0-9'.\-]*)*"
    r"\s*(?:[\[(][^\]):]{1,30}[\])])?\s*:(?:\s|$))"
)


def split_inline(line: str) -> list[str]:
    line = INLINE_BLOCK.sub("\n", line)
    line = INLINE_CUE.sub("\n", line)
    line = INLINE_CUE2.sub("\n", line)
    return line.split("\n")


def read_lines(data: bytes) -> list[str]:
    """The page's lines from one CSV (its header row and index column dropped)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    out: list[str] = []
    for r in rows[1:]:
        out.extend(split_inline((r[1] if len(r) > 1 else "").replace("\xa0", " ")))
    return out


@dataclass
class Block:
    """One paragraph of the transcript being built: speech, scene, action or part."""

    kind: str
    text: str
    name: str = ""
    qual: str | None = None


def convert(lines: list[str]) -> tuple[str | None, str]:
    """The airdate as the page gives it, and the transcript of the page's ``lines``."""
    # title and credits precede the airdate line; the transcript follows it
    start = 0
    air = None
    for i, line in enumerate(lines):
        if "Original Airdate" in line:
            start = i + 1
            air = line.split(":", 1)[1].strip()
            break
    body = []
    for line in lines[start:]:
        if line.strip().startswith("<Back"):
            break
        body.append(line.strip())

    blocks: list[Block] = []
    cur: Block | None = None
    open_paren = 0  # depth of an open stand-alone (action) paragraph
    open_bracket = False
    i = 0
    while i < len(body):
        line = body[i]
        i += 1
        if not line:
            continue
        # A [scene] or (action) may run over several lines; a new cue, heading or stand-alone
        # direction closes an unbalanced one (the pages have unbalanced brackets now and then).
        starts_new = line.startswith(("[", "(")) or cue_of(line) is not None
        if cur is not None and cur.kind == "scene" and open_bracket:
            if starts_new:
                open_bracket = False
            else:
                cur.text += " " + line
                if "]" in line or ")" in line:
                    open_bracket = False
                continue
        if cur is not None and cur.kind == "action" and open_paren > 0:
            if starts_new:
                open_paren = 0
            else:
                cur.text += " " + line
                open_paren += line.count("(") - line.count(")")
                continue
        # some pages put a part marker's number on a line of its own ("Episode" / "Two")
        m = re.match(r"^(Episode|Part)\s*$", line)
        if m and i < len(body):
            j = i
            while j < len(body) and not body[j]:
                j += 1
            if j < len(body) and re.match(NUMWORDS + r"\b", body[j]):
                line = m.group(1) + " " + body[j]
                i = j + 1
        if re.match(r"^(Episode|Part)\s+" + NUMWORDS + r"\b(\s*-.*)?$", line) and len(line) < 80:
            cur = Block("part", line)
            blocks.append(cur)
            continue
        if line.startswith("["):
            cur = Block("scene", line)
            blocks.append(cur)
            open_bracket = "]" not in line and ")" not in line
            continue
        if line.startswith("("):
            cur = Block("action", line)
            blocks.append(cur)
            open_paren = line.count("(") - line.count(")")
            continue
        c = cue_of(line)
        if c:
            cur = Block("speech", c[2], c[0], c[1])
            blocks.append(cur)
            continue
        # the pages wrap long paragraphs: anything else continues the open block
        if cur is None:
            cur = Block("action", line)
            blocks.append(cur)
        elif cur.kind == "speech":
            cur.text = (cur.text + " " + line).strip()
        elif cur.kind == "part":
            # a part title wrapped after its first words ("Episode Two - The" / "Cave of Skulls")
            if cur.text.rstrip().endswith(("-", "The", "A", "of")) or cur.text.count(" ") < 2:
                cur.text += " " + line
            else:
                cur = Block("action", line)
                blocks.append(cur)
        else:
            cur.text += " " + line

    out = []
    for b in blocks:
        if b.kind == "speech":
            label = f"{b.name} ({b.qual})" if b.qual else b.name
            t = re.sub(r"\s+", " ", b.text).strip()
            out.append(f"{label}: {t}" if t else f"{label}:")
        elif b.kind == "scene":
            s = re.sub(r"\s+", " ", b.text).strip().lstrip("[").rstrip("]").strip()
            s = s.rstrip("]").strip()
            if s:
                out.append(f"[Scene: {s}]")
        elif b.kind == "part":
            out.append("[{}]".format(re.sub(r"\s+", " ", b.text).strip()))
        else:
            s = re.sub(r"\s+", " ", b.text).strip()
            if s.startswith("(") and s.endswith(")"):
                s = s[1:-1].strip()
            # the reader takes a bracketed paragraph as one direction: no brackets inside it
            s = s.replace("[", "(").replace("]", ")")
            if s:
                out.append(f"[{s}]")
    return air, "\n\n".join(out) + "\n"


@dataclass
class Episode:
    key: str
    parts: list[str]  # chakoteya's <season>-<story>[-<part>], split
    season: int
    title: str | None
    date: str | None
    text: str
    stem: str = ""


def read_episodes(repo: Path) -> list[Episode]:
    names = sorted(
        Path(p).name
        for p in git_files(repo, "Raw")
        if Path(p).name.startswith(PREFIX) and p.endswith(".csv")
    )
    eps = []
    for name in names:
        key = name[len(PREFIX) : -len(".csv")]
        if key in SKIP:
            continue
        lines = read_lines(git_show(repo, f"Raw/{name}"))
        title = None
        for line in lines:
            if "Doctor Who Transcripts" in line:
                title = re.sub(r"^.*Doctor Who Transcripts\s*-?\s*", "", line).strip()
                break
        title = TITLE_FIX.get(key, title)
        air, text = convert(lines)
        date = DATE_FIX.get(key) or parse_date(air or "")
        parts = key.split("-")
        eps.append(Episode(key, parts, int(parts[0]), title, date, text))
    return eps


Series = list[tuple[str, str, list[Episode]]]


def arrange(eps: list[Episode]) -> Series:
    """Name every episode and put each series in broadcast order."""
    classic = sorted(
        (e for e in eps if e.season <= 26),
        key=lambda e: (e.season, int(e.parts[1]), int(e.parts[2]) if len(e.parts) > 2 else 0),
    )
    # chakoteya's story numbers have Shada's gap and 3-1-5 (Mission to the Unknown, aired after
    # 3-1): numbering afresh keeps episode numbers consecutive
    counter: dict[int, int] = {}
    for e in classic:
        counter[e.season] = counter.get(e.season, 0) + 1
        e.stem = f"s{e.season:02d}e{counter[e.season]:02d}-{slug(e.title or '')}"

    revival = [e for e in eps if e.season >= 27]
    for e in revival:
        # Born Again (Children in Need, 18 Nov 2005) aired before The Christmas Invasion (28-0)
        if e.key == "28-05":
            s, n = 1, 14
        else:
            s, n = e.season - 26, int(e.parts[1])
        e.stem = f"s{s:02d}e{n:02d}-{slug(e.title or '')}"
    revival.sort(key=lambda e: e.stem)
    return [
        ("doctor-who-1963", "Doctor Who (1963-1989)", classic),
        ("doctor-who-2005", "Doctor Who (2005-2022)", revival),
    ]


def check_order(series: Series) -> None:
    """Warn of dates out of broadcast order: a wrong airdate on a page shows up this way."""
    for sid, _, lst in series:
        for a, b in itertools.pairwise(lst):
            if a.date and b.date and a.date > b.date:
                print("ORDER WARNING", sid, a.stem, a.date, b.stem, b.date, file=sys.stderr)
        if any(e.date is None for e in lst):
            print("MISSING DATE", sid, [e.stem for e in lst if not e.date], file=sys.stderr)


def write(out: Path, series: Series) -> None:
    # not corpora.write_universe: it leaves dates unquoted, and this YAML must stay as first made
    out.mkdir(parents=True, exist_ok=True)
    y = ['name: "Doctor Who (1963-1989) and its 2005 revival"', "series:"]
    for sid, stitle, lst in series:
        (out / sid).mkdir(parents=True, exist_ok=True)
        for e in lst:
            (out / sid / f"{e.stem}.txt").write_text(e.text, encoding="utf-8")
        y += [f"  - id: {sid}", f'    title: "{stitle}"', f'    scripts: ["{sid}/*.txt"]']
        y.append("    episodes:")
        for e in lst:
            y.append(
                f'      {e.stem}: {{released: "{e.date}"}}' if e.date else f"      {e.stem}: {{}}"
            )
    (out / "universe.yaml").write_text("\n".join(y) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mirror", type=Path, metavar="MIRROR_DIR", help="folder of fetched snapshots")
    ap.add_argument("out", type=Path, metavar="OUT_DIR", help="universe folder to write")
    args = ap.parse_args()
    repo = git_dir(args.mirror, SOURCE)
    if not repo.is_dir():
        sys.exit(f"no snapshot at {repo}: fetch github:{SOURCE.replace('+', '/')} first")
    head = subprocess.check_output(["git", "--git-dir", str(repo), "rev-parse", "HEAD"], text=True)
    head = head.strip()
    if head != COMMIT:
        sys.exit(f"{repo} is at {head}, not {COMMIT}: the fixes here are that commit's")
    series = arrange(read_episodes(repo))
    check_order(series)
    write(args.out, series)
    for sid, _, lst in series:
        print(sid, len(lst))


if __name__ == "__main__":
    main()
