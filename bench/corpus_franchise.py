"""Turn three fetched fan-transcript corpora into one showbible universe of 500 episodes, to
benchmark the engine on a real-shaped universe (many speakers, one-line walk-ons, scene breaks).

Standard library only; the helpers and the Friends page reader are ``bench/corpora.py``'s.
Texts stay outside the repository (by default in ``$SHOWBIBLE_IDENTITY_CORPORA/franchise``, or
/work/scratch/identity/franchise). Sources, read straight from the git directories that the
session's ``fetch`` tool made (``/work/.mirror/OWNER+NAME/repo``), in broadcast order:

- ``seinfeld``: github.com/ormoses/SeinfeldScripts ``data-raw/Seinfeld/raw/<n>.Rda`` (GPL-3
  package; each file one seinology.com script page saved by R, read here by a small reader of
  R's XDR format): ``INT./EXT.`` headings kept, a bracketed line standing alone (``[Setting:
  Monk's]``, ``[At Jerry's apartment.]``) as ``[Scene: ...]``, ``NAME: speech`` as cues,
  ``(directions)`` as action lines; released on the page's broadcast date. 174 episodes.
- ``friends``: github.com/fangj/friends ``season/*.html`` (one page per episode; ``[Scene: ...]``
  lines kept as scene breaks, ``Name: speech`` paragraphs as cues, bracketed directions as action
  lines); the outtakes page is no episode; pages whose speeches are ``<br>`` lines of one
  paragraph are read line by line. 228 episodes, no dates.
- ``bbt``: github.com/skashyap7/TBBTCorpus ``preprocessing/raw_corpus/<season>_<episode>.txt``
  (Apache-2.0; The Big Bang Theory fan transcripts, seasons 1-9, 202 episodes; ``Scene: place``
  lines open a scene, ``Name: speech`` lines are cues, ``(directions)`` and other prose are action
  lines). No dates. Only the first 98 fit under the default ``--max 500``.

Episodes without a single speech are skipped; at most ``--max`` episodes are kept, series by
series in the order given. ``--series friends,bbt --max 1000`` gives the 430-episode universe on
which a two-core build crashed before the workers were given the scripts' own roles
(``tests/build/test_pipeline.py::test_workers_read_the_roles_the_scripts_declare``).

The Simpsons script-lines dataset (the first choice, one series of 600 episodes) could not be
had: every public copy found keeps ``simpsons_script_lines.csv`` as one ~34 MB file, and the
fetched snapshots lack files of 4 MiB and more.

Usage: ``python bench/corpus_franchise.py [--out DIR] [--mirror DIR] [--max N] [--series a,b,c]``
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import html
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import (
    _TAG,
    Series,
    friends_episode,
    git_dir,
    git_files,
    git_show,
    speech,
    write_universe,
)

MIRROR = Path(os.environ.get("SHOWBIBLE_MIRROR", "/work/.mirror"))
OUT = Path(os.environ.get("SHOWBIBLE_IDENTITY_CORPORA", "/work/scratch/identity")) / "franchise"


def git_head(repo: Path) -> str:
    done = subprocess.run(
        ["git", "--git-dir", str(repo), "rev-parse", "HEAD"],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


# --- Friends (corpora.py's page reader, and a fallback) -------------------------------------

_BREAK = re.compile(r"<(?:br|p|/p|hr|div|/div)\b[^>]*>", re.I)
_NAMED = re.compile(r"^([A-Za-z][\w .'&-]{0,30}?)\s*:\s*(\S.*)$")
_CREDIT = re.compile(
    r"^(?:(?:originally )?written|transcribed|teleplay|story|directed|with minor|note\b)", re.I
)


def friends_plain(page: str) -> str:
    """A fallback for the few pages whose markup the paragraph reader misses (speeches in plain
    ``<br>``-separated lines): every line break of the page is a paragraph break; the text
    starts at the first scene line or speech after the credits."""
    body = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", page)
    body = _BREAK.sub("\n", body.replace("\r", " ").replace("\n", " "))
    out: list[str] = []
    for raw in html.unescape(_TAG.sub("", body)).split("\n"):
        line = " ".join(raw.split())
        if not line or (
            not out
            and (
                _CREDIT.match(line)
                or not (line.lower().startswith(("[scene", "(scene", "[at ")) or _NAMED.match(line))
            )
        ):
            continue
        m = _NAMED.match(line)
        out.append(speech(m[1], m[2]) if m else line + "\n\n")
    return "".join(out)


def _speeches(text: str) -> int:
    return sum(1 for para in text.split("\n\n") if _NAMED.match(para.strip()))


def friends(repo: Path, out: Path) -> list[tuple[str, str]]:
    (out / "friends").mkdir(parents=True, exist_ok=True)
    episodes = []
    for path in sorted(git_files(repo, "season")):
        stem = Path(path).stem
        if not path.endswith(".html") or not stem[:4].isdigit():
            continue  # 07outtakes.html: bloopers, no episode
        m = re.match(r"(\d\d)(\d\d)(?:-\d\d(\d\d))?(\D*)$", stem)
        if m is None:
            continue
        # 0212-0213 -> s02e12-e13 (a double episode); 0423uncut -> s04e23-uncut
        eid = f"s{m[1]}e{m[2]}" + (f"-e{m[3]}" if m[3] else "") + (f"-{m[4]}" if m[4] else "")
        page = git_show(repo, path).decode("latin-1")
        # The paragraph reader of corpora.py, unless the plain one finds more speeches (pages
        # whose speeches are <br>-separated lines of one <p>: 0203, 0211, 0212-0213, ...).
        text, plain = friends_episode(page), friends_plain(page)
        if _speeches(plain) > _speeches(text):
            text = plain
        if ": " in text:
            (out / "friends" / f"{eid}.txt").write_text(text, encoding="utf-8")
            episodes.append((eid, ""))
    return episodes


# --- The Big Bang Theory -----------------------------------------------------------------------

_BBT_FILE = re.compile(r"/(\d+)_(\d+)\.txt$")
_BBT_SCENE = re.compile(r"^scene\s*:\s*(.*)$", re.I)
_BBT_SPEECH = re.compile(r"^([^:()\[\]]{1,40}?(?:\s*\([^()]*\))?)\s*:\s*(\S.*)$")
_BBT_CREDIT = re.compile(r"^(?:written by|teleplay|story)\b", re.I)


def _line(s: str, speaker: re.Pattern[str], strip: str) -> str:
    """A transcript paragraph of one source line: a speech when it reads as ``Name: words``,
    else a bracketed direction ("" when nothing is left of it)."""
    m = speaker.match(s)
    if m:
        return speech(m.group(1), m.group(2))
    direction = s.strip(strip).replace("[", "(").replace("]", ")")
    return f"[{direction}]\n\n" if direction else ""


def bbt_episode(text: str) -> str:
    """One raw BBT transcript as a transcript: ``[Scene: place]``, ``Name: speech`` and
    ``[direction]`` paragraphs, in order."""
    out: list[str] = []
    for line in text.splitlines():
        s = " ".join(line.split())
        if not s or _BBT_CREDIT.match(s):
            continue
        m = _BBT_SCENE.match(s)
        if m:
            place = m.group(1).strip().strip("[]")
            if place:
                out.append(f"[Scene: {place}]\n\n")
            continue
        out.append(_line(s, _BBT_SPEECH, "()[] ."))
    return "".join(out)


def bbt(repo: Path, out: Path) -> list[tuple[str, str]]:
    (out / "bbt").mkdir(parents=True, exist_ok=True)
    found = []
    for path in git_files(repo, "preprocessing/raw_corpus"):
        m = _BBT_FILE.search(path)
        if m:
            found.append((int(m.group(1)), int(m.group(2)), path))
    episodes = []
    for season, number, path in sorted(found):
        text = bbt_episode(git_show(repo, path).decode("utf-8", "replace"))
        if ": " not in text:
            continue
        eid = f"s{season:02d}e{number:02d}"
        (out / "bbt" / f"{eid}.txt").write_text(text, encoding="utf-8")
        episodes.append((eid, ""))
    return episodes


# --- Seinfeld ----------------------------------------------------------------------------------


def rda_strings(data: bytes) -> list[str]:
    """The strings of a small gzipped ``.Rda`` file (R's XDR serialisation, format 2): enough
    of the format for what ormoses/SeinfeldScripts saves per episode (a pairlist holding one
    character vector, the scraped page)."""
    d = gzip.decompress(data)
    if d[:7] != b"RDX2\nX\n":
        raise ValueError("not an XDR .Rda file")
    pos = 7 + 12  # the format, R and minimal-R versions
    out: list[str] = []

    def i32() -> int:
        nonlocal pos
        (v,) = struct.unpack(">i", d[pos : pos + 4])
        pos += 4
        return v

    def item() -> object:
        nonlocal pos
        flags = i32()
        kind, has_attr, has_tag = flags & 0xFF, flags & 0x200, flags & 0x400
        if kind in (254, 242):  # NILVALUE, EMPTYENV
            return None
        if kind == 9:  # CHARSXP
            n = i32()
            if n < 0:
                return None  # NA_STRING
            pos += n
            return d[pos - n : pos].decode("utf-8", "replace")
        if kind == 1:  # SYMSXP: its name
            return item()
        if kind == 2:  # LISTSXP: attributes, tag, value, the rest
            if has_attr:
                item()
            if has_tag:
                item()
            value = item()
            item()
            return value
        if kind == 16:  # STRSXP
            values = [item() for _ in range(i32())]
            if has_attr:
                item()
            out.extend(v for v in values if isinstance(v, str))
            return values
        raise ValueError(f"R type {kind} is not read here")

    item()
    return out


_ESCAPED = re.compile(r"(?:<[0-9a-f]{2}>)+")


def _unescape_r(text: str) -> str:
    """R printed the page's stray bytes as ``<c2><92>``: the bytes again, as UTF-8, and the C1
    controls they stand for read as the Windows-1252 punctuation they were (’ – “ ”)."""

    def fix(m: re.Match[str]) -> str:
        raw = bytes.fromhex(m.group(0).replace("<", "").replace(">", ""))
        return raw.decode("utf-8", "replace")

    text = _ESCAPED.sub(fix, text)
    return "".join(
        bytes([ord(c)]).decode("cp1252", "replace") if 0x80 <= ord(c) < 0xA0 else c for c in text
    ).replace("\ufffd", "")


_S_PC = re.compile(r"season\s*(\d+)\s*,\s*episodes?\s*(\d+)(?:\s*(?:&|and|/|-)\s*(\d+))?", re.I)
_S_DATE = re.compile(r"Broadcast date:\s*([A-Za-z]+\s+\d{1,2},?\s+\d{4})")
_S_SPEECH = re.compile(r"^([A-Z][A-Za-z0-9 .'&-]{0,30}?(?:\s*\([^()]*\))?)\s*:\s*(\S.*)$")
_S_HEADING = re.compile(r"^(?:INT|EXT)\b\.?", re.I)
_S_SETTING = re.compile(r"^(?:setting|scene|location)\s*:\s*", re.I)


def seinfeld_episode(page: str) -> str:
    """One seinology.com script as a transcript: ``INT./EXT.`` headings as they are, a
    bracketed line standing alone (``[Setting: Monk's]``, ``[At Jerry's apartment.]``) as
    ``[Scene: ...]``, ``NAME: speech`` paragraphs, ``(directions)`` and other prose as action
    lines; the site's header and cast list (above the ``=====`` rule) and what follows ``The
    End`` are left out."""
    body = re.split(r"={5,}", page, maxsplit=1)[-1]
    out: list[str] = []
    for raw in body.splitlines():
        s = " ".join(raw.split()).strip("= ")
        if not s:
            continue
        if s.lower().rstrip(".") == "the end" or s.lower().startswith("copyright"):
            break
        if s.startswith("[") and s.endswith("]") and _S_HEADING.match(s[1:]) is None:
            place = _S_SETTING.sub("", s[1:-1].strip()).strip()
            if place:
                out.append(f"[Scene: {place.replace('[', '(').replace(']', ')')}]\n\n")
            continue
        if s.startswith("[") and s.endswith("]"):
            s = s[1:-1].strip()  # [INT. ...] -> a heading line
        if _S_HEADING.match(s):
            out.append(s + "\n\n")
            continue
        out.append(_line(s, _S_SPEECH, "()[] "))
    return "".join(out)


def seinfeld(repo: Path, out: Path) -> list[tuple[str, str]]:
    (out / "seinfeld").mkdir(parents=True, exist_ok=True)
    found = []
    for path in git_files(repo, "data-raw/Seinfeld/raw"):
        if not path.endswith(".Rda"):
            continue
        page = _unescape_r("\n".join(rda_strings(git_show(repo, path))))
        head = re.split(r"={5,}", page, maxsplit=1)[0]
        pc, date = _S_PC.search(head), _S_DATE.search(head)
        if pc is None:
            continue
        # seinology numbers the pilot apart: season 1, episode 1 (Pilot), then 1 to 4 again
        number = 0 if "(pilot)" in head[pc.end() : pc.end() + 12].lower() else int(pc[2])
        eid = f"s{int(pc[1]):02d}e{number:02d}" + (f"-e{int(pc[3]):02d}" if pc[3] else "")
        released = ""
        if date:
            when = date.group(1).replace(",", "")
            released = datetime.datetime.strptime(when, "%B %d %Y").date().isoformat()
        text = seinfeld_episode(page)
        if ": " in text:
            found.append((released or "9999", int(pc[1]), number, eid, released, text))
    episodes = []
    for *_order, eid, released, text in sorted(found):
        if any(eid == e for e, _ in episodes):
            eid = f"{eid}-{len(episodes) + 1}"
        (out / "seinfeld" / f"{eid}.txt").write_text(text, encoding="utf-8")
        episodes.append((eid, released))
    return episodes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--mirror", type=Path, default=MIRROR)
    ap.add_argument("--max", type=int, default=500, help="keep at most this many episodes")
    ap.add_argument(
        "--series", default="seinfeld,friends,bbt", help="which series, comma-separated, in order"
    )
    args = ap.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    sources = {
        "seinfeld": ("Seinfeld", "ormoses+SeinfeldScripts", seinfeld),
        "friends": ("Friends", "fangj+friends", friends),
        "bbt": ("The Big Bang Theory", "skashyap7+TBBTCorpus", bbt),
    }
    chosen = [sid.strip() for sid in args.series.split(",") if sid.strip()]
    series: Series = []
    heads = []
    for sid in chosen:
        title, name, read = sources[sid]
        repo = git_dir(args.mirror, name)
        series.append((sid, title, read(repo, args.out)))
        heads.append(f"{name.replace('+', '/')}@{git_head(repo)}")
    budget = args.max
    for sid, _title, episodes in series:
        for eid, _ in episodes[budget:]:
            (args.out / sid / f"{eid}.txt").unlink()
        del episodes[budget:]
        budget -= len(episodes)
    write_universe(args.out, "Sitcoms: " + ", ".join(t for _, t, _ in series), series)
    print(f"wrote {args.out}: " + ", ".join(f"{sid} {len(eps)}" for sid, _, eps in series))
    print("from " + "  ".join(heads))


if __name__ == "__main__":
    main()
