"""Opening the zip containers of Highland (``.highland``) and Fade In (``.fadein``) without
trusting them.

Refused, each with an InputError naming the file: what is not a zip, a member whose path would
land outside the archive (absolute, ``..``, a drive letter), more members than any script file
has, and bombs: a member or the whole archive decompressing past a size limit, or a member
whose compression ratio no text reaches. The read itself is bounded, so a member that lies
about its size in the zip's directory cannot get past the limit either.
"""

from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from pathlib import PurePosixPath

from showbible.model import InputError
from showbible.quick import rx

__all__ = ["MAX_MEMBER_BYTES", "MAX_RATIO", "ZipMembers", "open_zip"]

MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one script text; the longest real ones are < 2 MB
MAX_TOTAL_BYTES = 256 * 1024 * 1024
# Text compresses 3-10x, XML up to ~30x; a ratio past this is a bomb, not a script.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # tiny members may compress absurdly well (a file of spaces)
_DRIVE = rx.compile(r"^[A-Za-z]:")
# What zipfile and its decompressors raise on damaged archives (bz2 raises OSError).
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    OSError,
    EOFError,
    NotImplementedError,
    ValueError,
)


def _unsafe(name: str) -> bool:
    if name.startswith(("/", "\\")) or _DRIVE.match(name) or "\0" in name:
        return True
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return ".." in parts


class ZipMembers:
    """The checked members of a zip archive, read with bounds."""

    def __init__(self, archive: zipfile.ZipFile, path: str, what: str) -> None:
        self.archive = archive
        self.path = path
        self.what = what
        self.names = [i.filename for i in archive.infolist() if not i.is_dir()]

    def find(self, *suffixes: str) -> str | None:
        """The first member (shortest path first) whose name ends with one of ``suffixes``."""
        found = [n for n in self.names if n.lower().endswith(suffixes)]
        found.sort(key=lambda n: (n.count("/"), n))
        return found[0] if found else None

    def read(self, name: str) -> bytes:
        info = self.archive.getinfo(name)
        try:
            with self.archive.open(info) as fh:
                data = fh.read(MAX_MEMBER_BYTES + 1)
        except _DAMAGED as err:
            raise InputError(
                f"{self.what}: damaged zip, cannot read {name!r}: {err}", file=self.path
            ) from None
        except RuntimeError as err:  # an encrypted member
            raise InputError(f"{self.what}: {name!r} is encrypted: {err}", file=self.path) from None
        if len(data) > MAX_MEMBER_BYTES:
            raise InputError(
                f"{self.what}: {name!r} decompresses past {MAX_MEMBER_BYTES // 2**20} MB: a zip "
                "bomb or not a script, refused",
                file=self.path,
            )
        return data


def open_zip(data: bytes, path: str, what: str) -> ZipMembers:
    """Open and check a zip archive given as bytes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGED as err:
        raise InputError(f"not a {what} file (not a zip archive: {err})", file=path) from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(
            f"{what} archive with {len(infos)} members refused (limit {MAX_MEMBERS})", file=path
        )
    total = 0
    for info in infos:
        if _unsafe(info.filename):
            raise InputError(
                f"{what} archive refused: member {info.filename!r} has a path outside the archive",
                file=path,
            )
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            1, info.compress_size
        ):
            raise InputError(
                f"{what} archive refused: member {info.filename!r} claims "
                f"{info.file_size} bytes from {info.compress_size} (a zip bomb)",
                file=path,
            )
    if total > MAX_TOTAL_BYTES:
        raise InputError(
            f"{what} archive refused: {total} bytes uncompressed (limit "
            f"{MAX_TOTAL_BYTES // 2**20} MB; a zip bomb?)",
            file=path,
        )
    return ZipMembers(archive, path, what)
