"""Turn fetched public fan-transcript corpora into universes to measure on (texts stay outside
the repository; this script and the facts derived from them are all that is committed).

Each corpus is read straight from the git directory that the session's ``fetch`` tool makes
(``/work/.mirror/OWNER+NAME/repo``) at the commit that ``tests/data/identity/README.md`` names:

- ``mcu``: github.com/prestondunton/marvel-dialogue-nlp ``data/cleaned/<film>.csv`` (character,
  line): 18 films as nine series by sub-franchise (``tests/data/identity/mcu.json``), one
  transcript per film, released on the film's release date.
- ``sitcoms``: github.com/fangj/friends ``season/*.html`` (one transcript per episode, its
  ``[Scene: ...]`` lines kept as scene breaks) and github.com/bradlindblad/schrute
  ``data/theoffice.rda`` (one transcript per episode; reading .rda needs ``pyreadr`` and
  ``pandas``, which are not project dependencies: ``pip install pyreadr pandas`` in any venv and
  run this script with it). Two unrelated series: every crossover asserted on them is wrong.

- ``adventure``: github.com/ISmarsh/adventuretime-transcripts (wiki transcripts, ``Name:  speech``
  and ``[directions]``): Adventure Time and its two spin-offs, Distant Lands and Fionna and Cake,
  as three series in broadcast order; episodes whose transcript names no speakers (subtitle
  conversions) are left out. Gold: ``tests/data/identity/adventure.json``.
- ``steven``: github.com/crunes/steven-universe ``data/transcripts.csv`` and ``data/episodes.csv``
  (Steven Universe Wiki transcripts, one row per speech, location or description): Steven
  Universe, Steven Universe: The Movie and Steven Universe Future as three series in broadcast
  order; a location row opens a scene, a description is an action line, a speech's actions are
  its parenthetical. Gold: ``tests/data/identity/steven.json``.

Usage: ``python bench/corpora.py mcu|sitcoms|adventure|steven [--out DIR] [--mirror DIR]``; by
default the universes go to ``$SHOWBIBLE_IDENTITY_CORPORA`` (or /work/scratch/identity), where
``bench/identity_eval.py``, ``tests/reading/test_identity_real.py`` and the scale benchmark's
real-shaped row find them.
"""

from __future__ import annotations

import argparse
import ast
import csv
import html
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "identity"
MIRROR = Path(os.environ.get("SHOWBIBLE_MIRROR", "/work/.mirror"))
OUT = Path(os.environ.get("SHOWBIBLE_IDENTITY_CORPORA", "/work/scratch/identity"))

# Theatrical release dates (public facts), so that the nine series interleave in release order.
FILM_RELEASED = {
    "iron_man": "2008-05-02",
    "iron_man_2": "2010-05-07",
    "thor": "2011-05-06",
    "captain_america": "2011-07-22",
    "avengers": "2012-05-04",
    "iron_man_3": "2013-05-03",
    "thor_dark_world": "2013-11-08",
    "winter_soldier": "2014-04-04",
    "age_of_ultron": "2015-05-01",
    "ant_man": "2015-07-17",
    "civil_war": "2016-05-06",
    "guardians_2": "2017-05-05",
    "spider_man_homecoming": "2017-07-07",
    "ragnarok": "2017-11-03",
    "black_panther": "2018-02-16",
    "infinity_war": "2018-04-27",
    "captain_marvel": "2019-03-08",
    "avengers_endgame": "2019-04-26",
}


def git_dir(mirror: Path, name: str) -> Path:
    """The git directory ``fetch`` made for ``owner+name``: bare, or a checkout's ``.git``."""
    repo = mirror / name / "repo"
    return repo / ".git" if (repo / ".git").is_dir() else repo


def git_show(repo: Path, path: str) -> bytes:
    done = subprocess.run(
        ["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], check=True, capture_output=True
    )
    return done.stdout


def git_files(repo: Path, under: str) -> list[str]:
    done = subprocess.run(
        ["git", "--git-dir", str(repo), "ls-tree", "-r", "--name-only", "HEAD", under],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.splitlines()


def speech(name: str, text: str) -> str:
    """One transcript paragraph ``NAME: text`` on one line (the reader's speaker rule)."""
    return f"{' '.join(name.split())}: {' '.join(text.split())}\n\n"


Series = list[tuple[str, str, list[tuple[str, str]]]]


def write_universe(out: Path, name: str, series: Series) -> None:
    """``series``: (id, title, [(episode id, released or "")]); the YAML lists every episode."""
    lines = [f"name: {json.dumps(name)}", "series:"]
    for sid, title, episodes in series:
        lines += [f"  - id: {sid}", f"    title: {json.dumps(title)}"]
        lines += [f'    scripts: ["{sid}/*.txt"]', "    episodes:"]
        for eid, released in episodes:
            when = f"{{released: {released}}}" if released else "{}"
            lines.append(f"      {eid}: {when}")
    (out / "universe.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def mcu(mirror: Path, out: Path) -> None:
    repo = mirror / "prestondunton+marvel-dialogue-nlp" / "repo"
    gold = json.loads((GOLD / "mcu.json").read_text(encoding="utf-8"))
    series = []
    for sid, films in gold["series"].items():
        (out / sid).mkdir(parents=True, exist_ok=True)
        for film in films:
            rows = csv.DictReader(io.StringIO(git_show(repo, f"data/cleaned/{film}.csv").decode()))
            text = "".join(speech(r["character"], r["line"]) for r in rows if r["character"])
            (out / sid / f"{film}.txt").write_text(text, encoding="utf-8")
        title = sid.replace("-", " ").title()
        series.append((sid, title, [(f, FILM_RELEASED[f]) for f in films]))
    write_universe(out, "MCU films", series)


_P = re.compile(r"<p[^>]*>(.*?)</p>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_SPEAKER = re.compile(
    r"^\s*<(?:b|strong)>\s*([^<:]{1,40}?)\s*:?\s*</(?:b|strong)>\s*:?(.*)$", re.S | re.I
)


def friends_episode(page: str) -> str:
    """A Friends page as a transcript: ``[Scene: ...]`` lines, ``Name: speech`` paragraphs and
    bracketed directions, in order; the credits above the first scene are left out."""
    out: list[str] = []
    started = False
    for raw in _P.findall(page):
        raw = re.sub(r"</?font[^>]*>", "", raw, flags=re.I)
        m = _SPEAKER.match(raw)
        if m:
            name = html.unescape(_TAG.sub("", m.group(1)))
            text = html.unescape(_TAG.sub("", m.group(2)))
            if started and name.strip() and text.strip():
                out.append(speech(name, text))
            continue
        text = " ".join(html.unescape(_TAG.sub("", raw)).split())
        if text.lower().startswith(("[scene", "(scene")):
            started = True
        if started and text:
            out.append(text + "\n\n")
    return "".join(out)


def sitcoms(mirror: Path, out: Path) -> None:
    try:
        import pyreadr  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("reading the Office's .rda needs pyreadr and pandas: pip install pyreadr pandas")
    friends = mirror / "fangj+friends" / "repo"
    (out / "friends").mkdir(parents=True, exist_ok=True)
    f_eps = []
    for path in sorted(git_files(friends, "season")):
        if not path.endswith(".html"):
            continue
        eid = "e" + Path(path).stem
        text = friends_episode(git_show(friends, path).decode("latin-1"))
        if text:
            (out / "friends" / f"{eid}.txt").write_text(text, encoding="utf-8")
            f_eps.append((eid, ""))
    office = mirror / "bradlindblad+schrute" / "repo"
    rda = out / ".theoffice.rda"
    rda.write_bytes(git_show(office, "data/theoffice.rda"))
    frame = next(iter(pyreadr.read_r(str(rda)).values()))
    rda.unlink()
    (out / "office").mkdir(parents=True, exist_ok=True)
    o_eps: dict[str, list[str]] = {}
    for row in frame.itertuples():
        eid = f"s{int(row.season):02d}e{int(row.episode):02d}"
        o_eps.setdefault(eid, []).append(speech(str(row.character), str(row.text)))
    for eid, speeches in o_eps.items():
        (out / "office" / f"{eid}.txt").write_text("".join(speeches), encoding="utf-8")
    write_universe(
        out,
        "Two unrelated sitcoms",
        [
            ("friends", "Friends", f_eps),
            ("office", "The Office (US)", [(e, "") for e in sorted(o_eps)]),
        ],
    )


ADVENTURE = (
    ("adventure-time", "Adventure Time", "Adventure Time/"),
    ("distant-lands", "Adventure Time: Distant Lands", "Adventure Time Distant Lands/"),
    ("fionna-and-cake", "Adventure Time: Fionna and Cake", "Adventure Time Fionna and Cake/"),
)
_EPISODE = re.compile(r"\.S(\d+)E(\d+)\.")
_NAMED = re.compile(r"^[A-Z][\w .'&-]{0,40}?(?: \[[^]]*\])?:\s", re.M)


def adventure(mirror: Path, out: Path) -> None:
    repo = mirror / "ISmarsh+adventuretime-transcripts" / "repo"
    files = [f for f in git_files(repo, ".") if f.endswith(".txt") and "/Season " in f]
    series = []
    for sid, title, prefix in ADVENTURE:
        (out / sid).mkdir(parents=True, exist_ok=True)
        episodes = []
        for path in sorted(f for f in files if f.startswith(prefix)):
            m = _EPISODE.search(path)
            if m is None or int(m.group(1)) == 0:
                continue  # specials and shorts outside the run
            text = git_show(repo, path).decode("utf-8", "replace")
            if len(_NAMED.findall(text)) < 20:
                continue  # a subtitle conversion with no speakers: nothing to cross
            # Seasons 5 and 6 number some shorts twice: the title keeps the ids apart.
            slug = re.sub(r"[^a-z0-9]+", "-", path[m.end() : -len(".txt")].lower()).strip("-")
            eid = f"s{int(m.group(1)):02d}e{int(m.group(2)):02d}-{slug[:24].strip('-')}"
            (out / sid / f"{eid}.txt").write_text(text, encoding="utf-8")
            episodes.append((eid, ""))
        series.append((sid, title, episodes))
    write_universe(out, "Adventure Time and its spin-offs", series)


STEVEN = (
    ("steven-universe", "Steven Universe"),
    ("su-movie", "Steven Universe: The Movie"),
    ("su-future", "Steven Universe Future"),
)
# The wiki's location rows name a camera move before the place ("Trans. Int. Big Donut").
_CAMERA = re.compile(r"^(?:(?:trans|open|int|ext|cut to|pan to|zoom to)\b\.?\s*)+", re.I)


def _steven_series(season: str) -> str:
    return {"Movie": "su-movie", "Future": "su-future"}.get(season, "steven-universe")


def steven_episode(rows: list[dict[str, str]]) -> str:
    """One episode's rows as a transcript: ``[Scene: place]``, ``[description]`` and ``Name:
    (actions) speech`` paragraphs, in order."""
    out: list[str] = []
    for row in rows:
        place = _CAMERA.sub("", " ".join(row["location"].split())).strip(" .")
        if place:
            out.append(f"[Scene: {place}]\n\n")
        if row["speaker"].strip() and row["quote"].strip():
            actions = "; ".join(ast.literal_eval(row["actions"] or "[]"))
            said = f"({actions}) {row['quote']}" if actions else row["quote"]
            out.append(speech(row["speaker"], said))
        description = " ".join(row["description"].split())
        if description:
            out.append(f"[{description}]\n\n")
    return "".join(out)


def steven(mirror: Path, out: Path) -> None:
    repo = git_dir(mirror, "crunes+steven-universe")
    rows = list(csv.DictReader(io.StringIO(git_show(repo, "data/transcripts.csv").decode())))
    listed = list(csv.DictReader(io.StringIO(git_show(repo, "data/episodes.csv").decode())))
    by_episode: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_episode.setdefault(row["episode"], []).append(row)
    episodes: dict[str, list[tuple[str, str]]] = {sid: [] for sid, _ in STEVEN}
    for n, ep in enumerate(listed, 1):
        sid = _steven_series(ep["season"])
        text = steven_episode(by_episode.get(ep["title"], []))
        if not text:
            continue
        season = int(ep["season"]) if ep["season"].isdigit() else 1
        number = int(re.sub(r"\D.*", "", ep["num_season"]) or 1)  # "20/21", "29-32": doubles
        slug = re.sub(r"[^a-z0-9]+", "-", ep["title"].lower()).strip("-")[:24].strip("-")
        # A few titles share a season number in the listing: the running number keeps ids apart.
        eid = f"s{season:02d}e{number:02d}-{slug}" if sid != "su-movie" else f"movie-{slug}"
        if any(eid == e for e, _ in episodes[sid]):
            eid = f"{eid}-{n}"
        (out / sid).mkdir(parents=True, exist_ok=True)
        (out / sid / f"{eid}.txt").write_text(text, encoding="utf-8")
        episodes[sid].append((eid, ""))
    write_universe(out, "Steven Universe and its sequels", [(s, t, episodes[s]) for s, t in STEVEN])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", choices=["mcu", "sitcoms", "adventure", "steven"])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--mirror", type=Path, default=MIRROR)
    args = ap.parse_args()
    target = args.out / args.corpus
    target.mkdir(parents=True, exist_ok=True)
    corpora = {"mcu": mcu, "sitcoms": sitcoms, "adventure": adventure, "steven": steven}
    corpora[args.corpus](args.mirror, target)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
