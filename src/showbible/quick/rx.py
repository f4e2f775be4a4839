"""Regular expressions compiled once per machine, not once at every start.

Importing the engine compiles some 430 patterns at module level (the readers' and the
inference components' word lists among them), and Python compiles a pattern in Python: its
parser and code generator took 0.13 of the 0.42 s a one-shot ``check`` spends importing. What
they make is a list of integers that ``_sre.compile`` turns into a pattern in microseconds; that
list, with the group names and final flags, is kept here in the user's cache folder, and a later
process gives the same arguments to ``_sre.compile`` again (429 patterns: 6 ms instead of 127).

Exactly the same pattern: ``re.Pattern`` compares its string, flags and compiled code, and an
entry is only saved when the pattern it makes equals ``re.compile``'s. Everything it relies on
that is not public (``re._parser``, ``re._compiler._code``, ``_sre.compile``'s arguments) is
named in the file's header with the interpreter's version and ``_sre.MAGIC``; another Python
has another file, and a missing piece turns the cache off (plain ``re.compile``).

The file's cost is its reading, in every process: each pattern's code is kept as the base64 of
its 32-bit words (JSON's integers took 44 ms to parse for 965 patterns) and decoded only when
the pattern is asked for; and a pattern no process has asked for in the last
``KEEP_GENERATIONS`` saves (an older engine's) is dropped, so the file holds about what this
engine compiles.

Trust: JSON only (never marshal or pickle), the body's digest in the header (a damaged or
truncated file is ignored), and ``_sre.compile`` checks the code it is given (a list that is
no valid program raises, and the pattern is compiled afresh). A list that is a valid program
of another pattern would be believed, as the YAML cache's trees would: hence the folder must
be the user's own and closed to others (cachedir.py), like the daemon's socket. Only patterns
fixed in the source go through here (module-level constants), never ones made from a universe's
names, so the file holds what this engine compiles (three or four megabytes). Written once at
the exit of a process that compiled something new, atomically; best-effort, as every cache.
"""

from __future__ import annotations

import array
import atexit
import base64
import binascii
import contextlib
import hashlib
import importlib
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from showbible.quick.cachedir import cache_folder

FORMAT = 2  # bump when an entry's layout changes (2: code as base64 words, generations)
MAX_ENTRIES = 4096  # beyond this, a save keeps only what its process used
KEEP_GENERATIONS = 8  # saves a pattern no process asked for survives (an older engine's)
MAX_BYTES = 32 * 1024 * 1024
_WORD = "I"  # _sre's code words: CODESIZE 4 (in the header), the machine's byte order

# (final flags, code as base64 of its words, groups, group index, index group): _sre.compile's
# arguments after the pattern, as JSON gives them back.
Entry = tuple[int, str, int, dict[str, int], list[str | None]]
Key = tuple[str, int]
DerivedKey = tuple[str, str, int]  # (what derived it, with its version; the pattern; flags)


def _internals() -> tuple[Any, Any, Any] | None:
    """``re._parser``, ``re._compiler`` and ``_sre``, or None where this Python lacks them."""
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
        sre = importlib.import_module("_sre")
    except ImportError:
        return None
    if not (hasattr(parser, "parse") and hasattr(compiler, "_code") and hasattr(sre, "compile")):
        return None
    return parser, compiler, sre


_INTERNALS = _internals()


@dataclass
class _Cache:
    path: Path | None
    entries: dict[Key, Entry]
    derived: dict[DerivedKey, str | None]
    generation: int = 0  # the file's: how many saves made it
    ages: dict[Key | DerivedKey, int] = field(default_factory=dict)  # the save that last used each
    used: set[Key | DerivedKey] = field(default_factory=set)
    new: dict[Key, Entry] = field(default_factory=dict)
    new_derived: dict[DerivedKey, str | None] = field(default_factory=dict)
    pid: int = field(default_factory=os.getpid)
    saving: bool = False


_cache: _Cache | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the machine's cache when this pattern was compiled
    before by this Python."""
    if _INTERNALS is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    cache = _loaded()
    key = (pattern, int(flags))
    entry = cache.entries.get(key)
    if entry is not None:
        made = _from_entry(pattern, entry)
        if made is not None:
            cache.used.add(key)
            return made
        del cache.entries[key]
    made = re.compile(pattern, flags)
    if cache.path is not None:
        fresh = _entry(pattern, int(flags), made)
        if fresh is not None:
            cache.new[key] = fresh
            _save_at_exit(cache)
    return made


def derived(tag: str, pattern: str, flags: int, make: Callable[[], str | None]) -> str | None:
    """What ``make`` works out from a pattern (another pattern's text, or None), kept with the
    compiled patterns: for a derivation that costs a parse of its own (clauses.lead). ``tag``
    names the derivation and must change whenever its code does (a digest of its source)."""
    cache = _loaded()
    key = (tag, pattern, int(flags))
    if key in cache.derived:
        cache.used.add(key)
        return cache.derived[key]
    text = make()
    if cache.path is not None:
        cache.new_derived[key] = text
        _save_at_exit(cache)
    return text


def _save_at_exit(cache: _Cache) -> None:
    if not cache.saving:
        cache.saving = True
        atexit.register(save)


def _from_entry(pattern: str, entry: Entry) -> re.Pattern[str] | None:
    assert _INTERNALS is not None
    final, encoded, groups, groupindex, indexgroup = entry
    try:
        words = array.array(_WORD)
        words.frombytes(base64.b64decode(encoded, validate=True))
        made: re.Pattern[str] = _INTERNALS[2].compile(
            pattern, final, words.tolist(), groups, groupindex, tuple(indexgroup)
        )
    except (RuntimeError, TypeError, ValueError, OverflowError, binascii.Error):
        return None  # "invalid SRE code", or no code at all
    return made


def _entry(pattern: str, flags: int, made: re.Pattern[str]) -> Entry | None:
    """What ``_sre.compile`` needs to make ``made`` again, as re's compiler makes it; None
    unless the pattern it makes is ``made`` (the same string, flags and code)."""
    assert _INTERNALS is not None
    parser, compiler, _sre = _INTERNALS
    try:
        parsed = parser.parse(pattern, flags)
        code = base64.b64encode(
            array.array(_WORD, [int(op) for op in compiler._code(parsed, flags)]).tobytes()
        ).decode("ascii")
        groupindex = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry: Entry = (
            int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, indexgroup
        )  # fmt: skip
    except Exception:
        return None
    again = _from_entry(pattern, entry)
    return entry if again is not None and again == made else None


def _header() -> dict[str, Any]:
    assert _INTERNALS is not None
    sre = _INTERNALS[2]
    return {
        "showbible-patterns": FORMAT,
        "python": sys.version,
        "implementation": sys.implementation.name,
        "sre": [getattr(sre, "MAGIC", None), getattr(sre, "CODESIZE", None)],
        "maxunicode": sys.maxunicode,
        "words": [_WORD, array.array(_WORD).itemsize, sys.byteorder],
    }


def _path(folder: Path) -> Path:
    digest = hashlib.sha256(orjson.dumps(_header(), option=orjson.OPT_SORT_KEYS)).hexdigest()
    return folder / f"patterns-{digest[:32]}.json"


def _loaded() -> _Cache:
    global _cache
    if _cache is None or _cache.pid != os.getpid():
        folder = cache_folder("patterns")
        path = _path(folder) if folder is not None else None
        entries, made, generation, ages = _read(path) if path is not None else ({}, {}, 0, {})
        _cache = _Cache(path, entries, made, generation, ages)
    return _cache


_Read = tuple[dict[Key, Entry], dict[DerivedKey, str | None], int, dict[Key | DerivedKey, int]]


def _read(path: Path) -> _Read:
    """The entries of the file, with its generation and the save that last used each entry;
    none when it is absent, damaged, foreign or too big."""
    nothing: _Read = ({}, {}, 0, {})
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return nothing
    try:
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return nothing
            data = f.read(MAX_BYTES + 1)
        head, _, body = data.partition(b"\n")
        header = orjson.loads(head)
        expected = {**_header(), "sha256": hashlib.sha256(body).hexdigest()}
        if header != expected:
            return nothing
        rows = orjson.loads(body)
        entries: dict[Key, Entry] = {}
        ages: dict[Key | DerivedKey, int] = {}
        for pattern, flags, final, code, groups, groupindex, indexgroup, age in rows["compiled"]:
            entries[(pattern, flags)] = (final, code, groups, groupindex, indexgroup)
            ages[(pattern, flags)] = int(age)
        made: dict[DerivedKey, str | None] = {}
        for tag, pattern, flags, text, age in rows["derived"]:
            made[(tag, pattern, flags)] = text
            ages[(tag, pattern, flags)] = int(age)
        return entries, made, int(rows["generation"]), ages
    except (OSError, ValueError, TypeError, KeyError):  # orjson's errors are ValueErrors
        return nothing


def save() -> None:
    """Write what this process compiled afresh to the cache file (at exit; best-effort)."""
    cache = _cache
    if cache is None or cache.path is None or cache.pid != os.getpid():
        return
    if not cache.new and not cache.new_derived:
        return
    generation = cache.generation + 1
    ages = {**cache.ages, **dict.fromkeys(cache.used, generation)}
    ages.update(dict.fromkeys(cache.new.keys() | cache.new_derived.keys(), generation))
    oldest = generation - KEEP_GENERATIONS
    keep = {k: v for k, v in cache.entries.items() if ages.get(k, 0) > oldest}
    made = {k: v for k, v in cache.derived.items() if ages.get(k, 0) > oldest}
    if len(keep) + len(made) + len(cache.new) + len(cache.new_derived) > MAX_ENTRIES:
        keep = {k: v for k, v in keep.items() if k in cache.used}
        made = {k: v for k, v in made.items() if k in cache.used}
    keep.update(cache.new)
    made.update(cache.new_derived)
    rows = {
        "generation": generation,
        "compiled": [[p, f, *entry, ages[(p, f)]] for (p, f), entry in keep.items()],
        "derived": [[*key, text, ages[key]] for key, text in made.items()],
    }
    try:
        body = orjson.dumps(rows)
    except TypeError:  # a pattern JSON cannot hold (a lone surrogate): nothing saved
        return
    header = {**_header(), "sha256": hashlib.sha256(body).hexdigest()}
    temp = ""
    try:
        handle, temp = tempfile.mkstemp(dir=cache.path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(handle, "wb") as f:
            f.write(orjson.dumps(header) + b"\n" + body)
        os.replace(temp, cache.path)  # no fsync: a damaged file fails its digest and is redone
        temp = ""
    except OSError:
        pass
    finally:
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    cache.entries, cache.new, cache.derived, cache.new_derived = keep, {}, made, {}
    cache.generation = generation
    cache.ages = {k: ages[k] for k in keep.keys() | made.keys()}
