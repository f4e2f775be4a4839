"""``files.read_file`` reads a file's bytes up to its limit, whatever size the file's status
gave (it reads that size first, then what the file grew by): the same bytes as one read of the
limit, and a file over the limit refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from showbible.formats.files import read_file
from showbible.model import InputError

_TEN_BYTES_MB = 10 / 1024 / 1024


@pytest.mark.parametrize("size", [0, 1, 9, 10])
def test_a_file_within_the_limit_is_read_whole(tmp_path: Path, size: int) -> None:
    path = tmp_path / "e.fountain"
    path.write_bytes(bytes(range(65, 65 + size)))
    assert read_file(path, limit_mb=_TEN_BYTES_MB) == bytes(range(65, 65 + size))


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "e.fountain"
    path.write_bytes(b"x" * 11)
    with pytest.raises(InputError, match="too large"):
        read_file(path, limit_mb=_TEN_BYTES_MB)


def test_a_file_whose_status_says_empty_is_read_to_its_end() -> None:
    # /proc's files have a size of 0 and bytes all the same: read past the size the status gave.
    if not os.path.isfile("/proc/self/status"):
        pytest.skip("no /proc")
    with open("/proc/self/status", "rb") as fh:
        assert fh.read(5) == read_file("/proc/self/status")[:5]
    assert len(read_file("/proc/self/status")) > 100
