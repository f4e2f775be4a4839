"""The bible's YAML read once per content: the built tree kept on disk for the next process.

Composing the 135 KB ``universe.yaml`` of a 500-episode universe costs every process about
0.08 CPU s, and importing ruamel 0.02 s more (together 8% of a one-shot ``check``); loading the
JSON of its built tree costs 0.007 s. An entry is found by a digest of everything the tree
depends on: the raw bytes, the shown file name (every position holds it), this cache's format,
yamlread's building rules (its version and its very source) and the YAML library's version. So
an edited file, a newer showbible or another ruamel simply misses, and no entry is ever
invalidated by hand.

Trust: JSON only, never pickle (reading a cache must never run code); every entry carries the
digest of its body, so a damaged, truncated or foreign one is ignored and rebuilt, never
misread. Errors are never cached: a document that fails is read, and fails, afresh each time.
Writing is best-effort: a read-only or foreign folder, a full disk, only cost the saving.

Where: ``$SHOWBIBLE_CACHE_DIR/yaml``, else ``$XDG_CACHE_HOME/showbible/yaml``, else
``~/.cache/showbible/yaml``; ``SHOWBIBLE_NO_CACHE=1`` turns it off. The folder must be the
user's own and closed to others (0700), as the daemon's socket folder must (build/daemon.py):
an entry another user could write would feed this process any tree it liked.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

from showbible.quick.cachedir import cache_folder as shared_cache_folder
from showbible.universe.yamljson import Uncachable, tree_from_json, tree_to_json

CACHE_FORMAT = 1  # bump when the entry layout (header, yamljson's table) changes
RULES_VERSION = 1  # bump when what yamlread builds changes (its source is hashed too, see _rules)
MIN_BYTES = 1024  # smaller documents compose in well under a millisecond: not worth a file
MAX_FILES = 256  # a universe's bible files, with room for a few universes and versions
MAX_TOTAL_BYTES = 16 * 1024 * 1024
MAX_ENTRY_BYTES = 4 * 1024 * 1024  # a bigger tree is read afresh rather than crowd the rest out
_TOUCH_AFTER_S = 3600.0  # a hit refreshes the entry's age (kept longest when used) hourly at most
_STALE_TEMP_S = 600.0  # a temp file this old was left by a writer that died
_MISS = object()


def read_yaml_cached(raw: bytes, shown: str) -> Any:
    """yamlread.read_yaml, the same tree (positions, shared aliases and all), from the cache
    when these bytes were read before under this name."""
    folder = cache_folder() if len(raw) >= MIN_BYTES else None
    if folder is None:
        return _read_fresh(raw, shown)
    key = entry_key(raw, shown)
    path = folder / f"{key}.json"
    tree = _load(path, key, shown)
    if tree is _MISS:
        tree = _read_fresh(raw, shown)  # an InputError leaves here: errors are never cached
        _save(folder, path, key, tree, shown)
    return tree


def _read_fresh(raw: bytes, shown: str) -> Any:
    # Imported only now: a hit must not pay for the YAML library (yamltree says why).
    from showbible.universe.yamlread import read_yaml

    return read_yaml(raw, shown)


def cache_folder() -> Path | None:
    """The user's own folder for these entries (quick/cachedir.py says where and when not)."""
    return shared_cache_folder("yaml")


def entry_key(raw: bytes, shown: str) -> str:
    """The digest that names an entry: the bytes and everything their tree depends on."""
    prefix = json.dumps(["showbible-yaml", _rules(), shown])  # JSON: unambiguous, any name
    digest = hashlib.sha256(prefix.encode("ascii"))
    digest.update(b"\0")
    digest.update(raw)
    return digest.hexdigest()


@functools.cache
def _rules() -> str:
    """A digest of what the built tree depends on besides the bytes: the sources of the
    builder and of the tree and its JSON form (so an edit to any of them misses, even if nobody
    bumps RULES_VERSION) and the installed YAML library (its version is in its __init__; the C
    part is known by its file). Found without importing ruamel, which a hit never needs."""
    digest = hashlib.sha256(f"{CACHE_FORMAT} {RULES_VERSION}".encode("ascii"))
    here = Path(__file__).parent
    sources = [here / name for name in ("yamlread.py", "yamltree.py", "yamljson.py")]
    for spec_name in ("ruamel.yaml", "_ruamel_yaml"):
        try:
            spec = importlib.util.find_spec(spec_name)
        except (ImportError, ValueError):
            spec = None
        sources.append(Path(spec.origin) if spec and spec.origin else Path(spec_name))
    for source in sources:
        digest.update(b"\0" + os.fsencode(source))
        try:
            if source.suffix == ".py":
                digest.update(source.read_bytes())
            else:  # a compiled library: its size and time stand for it (hashing it costs ms)
                info = source.stat()
                digest.update(f"{info.st_size} {info.st_mtime_ns}".encode("ascii"))
        except OSError:
            digest.update(b"absent")
    return digest.hexdigest()


def _load(path: Path, key: str, shown: str) -> Any:
    """The tree of an entry, or _MISS for an absent, damaged, foreign or older one."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return _MISS
    try:
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES + 4096:
                return _MISS
            data = f.read(MAX_ENTRY_BYTES + 4096)
        head, _, body = data.partition(b"\n")
        header = json.loads(head)
        if header != {
            "showbible-yaml-cache": CACHE_FORMAT,
            "key": key,
            "sha256": hashlib.sha256(body).hexdigest(),
        }:
            return _MISS
        tree = tree_from_json(json.loads(body), shown)
    except (OSError, ValueError, RecursionError):  # ValueError: JSON's and Unicode's errors too
        return _MISS
    if time.time() - info.st_mtime > _TOUCH_AFTER_S:
        with contextlib.suppress(OSError):  # a read-only cache still serves
            os.utime(path)
    return tree


def _save(folder: Path, path: Path, key: str, tree: Any, shown: str) -> None:
    """Write the entry atomically (a temp file renamed over it), then keep the folder bounded;
    silently nothing when the tree or the folder will not have it."""
    try:
        body = json.dumps(tree_to_json(tree, shown), separators=(",", ":")).encode("ascii")
    except (Uncachable, ValueError, RecursionError):  # ValueError: an int too long to print
        return
    if len(body) > MAX_ENTRY_BYTES:
        return
    header = {"showbible-yaml-cache": CACHE_FORMAT, "key": key}
    header["sha256"] = hashlib.sha256(body).hexdigest()
    temp = ""
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")  # 0600
        with os.fdopen(handle, "wb") as f:
            f.write(json.dumps(header).encode("ascii") + b"\n" + body)
        # No fsync: after a crash a renamed but empty entry fails its digest and is rebuilt.
        os.replace(temp, path)
        temp = ""
        _prune(folder)
    except OSError:
        pass  # best-effort: the tree is already read, only the saving is lost
    finally:
        if temp:
            _unlink(temp)


def _prune(folder: Path) -> None:
    """Drop the least recently used entries beyond MAX_FILES or MAX_TOTAL_BYTES, and temp
    files a dead writer left behind."""
    now = time.time()
    entries: list[tuple[float, int, str]] = []
    with os.scandir(folder) as found:
        for item in found:
            try:
                info = item.stat(follow_symlinks=False)
            except OSError:
                continue
            if item.name.startswith(".tmp-"):
                if now - info.st_mtime > _STALE_TEMP_S:
                    _unlink(item.path)
            elif item.name.endswith(".json") and stat.S_ISREG(info.st_mode):
                entries.append((info.st_mtime, info.st_size, item.path))
    entries.sort(reverse=True)  # newest first; the newest (just written) is always kept
    total = 0
    for count, (_, size, where) in enumerate(entries, 1):
        total += size
        if count > 1 and (count > MAX_FILES or total > MAX_TOTAL_BYTES):
            _unlink(where)


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):  # another process pruned it first
        os.unlink(path)
