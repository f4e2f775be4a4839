"""Opening an input file without trusting it: every file a universe names (its bible, its
scripts, its production plan) and every script named on the command line is read here.

What is refused, before a byte is read: a path that resolves outside the universe folder (a
symlink to ``/etc/passwd``), anything but a regular file (a FIFO would block the build forever,
``/dev/zero`` would grow until the kernel kills it), and a file over the size limit. The type and
size are checked again on the opened descriptor, and the read itself is bounded, so a file
swapped or grown after the check cannot get past either.
"""

from __future__ import annotations

import os
import stat

from showbible.model import InputError

# The most any file is read to: settings.max_script_mb may not exceed it. Callers that know
# the universe's own limit pass it.
HARD_LIMIT_MB = 1024
# A bible is read before its settings are known; the largest real one is a few hundred KB.
YAML_LIMIT_MB = 32


def display_name(name: str | os.PathLike[str]) -> str:
    """A file name fit for messages and storage: bytes that are not UTF-8 (kept by Python as
    lone surrogates, which cannot be encoded) shown as ``\\xe9``."""
    text = os.fspath(name)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(text)
        return raw.decode("utf-8", errors="backslashreplace")
    return text


def is_displayable(name: str) -> bool:
    """False for a file name that is not valid UTF-8 (it cannot be stored or hashed as text)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def inside(
    root: str | os.PathLike[str],
    path: str | os.PathLike[str],
    root_real: str | None = None,
    folders: dict[str, str] | None = None,
) -> bool:
    """Whether ``path``, symlinks resolved, lies inside the folder ``root``. ``root_real``:
    ``root`` resolved, and ``folders``: the folders resolved so far, when the caller asks this
    of many paths (each resolution is an ``lstat`` per folder of the path; with ``folders``, a
    path that is no symlink itself costs one ``lstat`` once its folder is known)."""
    root_real = root_real if root_real is not None else os.path.realpath(root)
    if folders is None or os.path.islink(path):
        real = os.path.realpath(path)
    else:
        folder, name = os.path.split(os.fspath(path))
        known = folders.get(folder)
        if known is None:
            known = folders[folder] = os.path.realpath(folder)
        real = os.path.join(known, name)
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def _kind(mode: int) -> str | None:
    """What a file is when it is not a regular file (None when it is)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _too_large(size: int, limit_mb: float, what: str, hint: str) -> str:
    shown = f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"
    return f"{shown} is too large for {what} (the limit is {limit_mb:g} MB{hint})"


def read_file(
    path: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | None = None,
    shown: str | None = None,
    limit_mb: float = HARD_LIMIT_MB,
    what: str = "one script",
    limit_hint: str = "",
    noun: str = "",
) -> bytes:
    """The bytes of a regular file of at most ``limit_mb``; with ``root``, only when the file
    (symlinks resolved) is inside that folder. Raises InputError naming ``shown``, its message
    starting "cannot read NOUN:"."""
    name = os.fspath(path)
    label = shown if shown is not None else display_name(name)
    cannot = f"cannot read {noun}: " if noun else "cannot read: "
    if root is not None and not inside(root, name):
        raise InputError(
            cannot + "a link to a file outside the universe folder, refused (copy it in instead)",
            file=label,
        )
    limit = int(limit_mb * 1024 * 1024)
    try:
        before = os.stat(name)
        kind = _kind(before.st_mode)
        if kind is not None:
            raise InputError(f"{cannot}it is {kind}, not a file", file=label)
        if before.st_size > limit:
            raise InputError(_too_large(before.st_size, limit_mb, what, limit_hint), file=label)
        # O_NONBLOCK: should the path have become a FIFO since the stat, opening it must not wait
        # for a writer (the type is checked again on the descriptor).
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(name, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{cannot}{exc.strerror or exc}", file=label) from None
    try:
        after = os.fstat(fd)
        kind = _kind(after.st_mode)
        if kind is not None:
            raise InputError(f"{cannot}it is {kind}, not a file", file=label)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            # As ``fh.read(limit + 1)``, without a buffer of the limit's size made (and given
            # back) for each file: the size it has now, then whatever it grew by since.
            first = min(after.st_size, limit) + 1
            data = fh.read(first)
            if len(data) == first and first <= limit:
                data += fh.read(limit + 1 - first)
        if len(data) > limit:
            raise InputError(_too_large(len(data), limit_mb, what, limit_hint), file=label)
        return data
    except OSError as exc:
        raise InputError(f"{cannot}{exc.strerror or exc}", file=label) from None
    finally:
        os.close(fd)
