"""The scripts' hashes kept with what ``os.stat`` said of each file, so that a one-shot check
(oneshot.py) reads and hashes only the scripts that changed: every script read and hashed was
0.04 of the 0.44 CPU s of a check with nothing edited at 500 synthetic episodes.

A file is taken as unchanged when its size, modification and change times (to the
nanosecond), inode and device are all those recorded, as git's index does. The change time
cannot be set from user space: an edit, a ``touch``, a copy or an archive unpacked over the
file all move it. The race git calls "racily clean" is closed by recording only files that had
been quiet for ``QUIET_NS`` when they were looked at: a write after the look then lands in a
later clock tick than the recorded times, so it is always seen. The status is taken before the
file is read, so a write between the two makes the next look read it again.

Kept in the store's ``meta`` (versioned JSON, tied to the universe folder), and only for a
SQLite store, which lives on this machine: a shared store's other machines have other inodes.
A hit also checks what reading the file would (a regular file within the bible's size limit),
so the same error is raised either way.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time

import orjson

from showbible.build.compiler import read_script_bytes
from showbible.universe.loader import Universe

META_KEY = "stat_cache"
FORMAT = 1
QUIET_NS = 2_000_000_000  # coarser than any file system's time stamps (FAT: 2 s)

Stat = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device
Entries = dict[str, tuple[Stat, str]]  # rel path -> (its status, sha256 of its bytes)


def load(text: str | None, universe: Universe) -> Entries:
    """The entries kept for this universe folder (none when they are of another format or
    folder, or do not read)."""
    if text is None:
        return {}
    try:
        doc = orjson.loads(text)
        if doc["v"] != FORMAT or doc["root"] != str(universe.root):
            return {}
        return {
            str(rel): ((int(a), int(b), int(c), int(d), int(e)), str(sha))
            for rel, (a, b, c, d, e, sha) in doc["files"].items()
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}


def dump(entries: Entries, universe: Universe) -> str:
    files = {rel: [*st, sha] for rel, (st, sha) in sorted(entries.items())}
    return orjson.dumps({"v": FORMAT, "root": str(universe.root), "files": files}).decode()


def hashes(universe: Universe, known: Entries) -> tuple[dict[str, tuple[str, int]], Entries]:
    """As ``compiler.quick_hashes`` gives them (rel path -> (sha256, size)), reading only the
    scripts ``known`` does not hold as they are; and the entries to keep now."""
    limit = int(universe.bible.settings.max_script_mb * 1024 * 1024)
    out: dict[str, tuple[str, int]] = {}
    keep: Entries = {}
    for ep in universe.episodes:
        if ep.path is None:
            continue
        looked = time.time_ns()
        try:
            st = os.stat(ep.path)
            now: Stat | None = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
        except OSError:
            now = None  # reading it says why
        hit = known.get(ep.rel)
        if (
            now is not None
            and hit is not None
            and hit[0] == now
            and stat.S_ISREG(st.st_mode)
            and st.st_size <= limit
        ):
            out[ep.rel] = (hit[1], now[0])
            keep[ep.rel] = hit
            continue
        data = read_script_bytes(ep.path, ep.rel, universe.bible.settings.max_script_mb)
        sha = hashlib.sha256(data).hexdigest()
        out[ep.rel] = (sha, len(data))
        if now is not None and now[0] == len(data) and max(now[1], now[2]) < looked - QUIET_NS:
            keep[ep.rel] = (now, sha)
    return out, keep
