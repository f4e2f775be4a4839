"""The Highland reader (a zip holding a TextBundle with Fountain) and the zip safety rules it
shares with the Fade In reader: paths outside the archive and bombs are refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from showbible.formats import read_script
from showbible.formats.fountain import read_fountain
from showbible.formats.highland import parse_highland
from showbible.formats.zips import MAX_MEMBER_BYTES
from showbible.model import InputError

ROOT = Path(__file__).resolve().parents[2]
EP1 = ROOT / "tests" / "fixtures" / "greyharbor" / "harbour" / "ep1.fountain"


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _rows(script: object) -> list[tuple[str, str, int]]:
    return [(e.kind.value, e.text, e.line) for e in script.elements]  # type: ignore[attr-defined]


def test_highland_reads_the_fountain_inside(tmp_path: Path) -> None:
    data = _zip(
        {
            "Ledger.textbundle/info.json": b'{"version": 2}',
            "Ledger.textbundle/text.fountain": EP1.read_bytes(),
            "Ledger.textbundle/assets/cover.png": b"\x89PNG",
        }
    )
    path = tmp_path / "ep1.highland"
    path.write_bytes(data)
    script = read_script(path)
    assert _rows(script) == _rows(read_fountain(EP1))
    assert script.path == str(path)


def test_older_highland_with_text_md() -> None:
    script = parse_highland(_zip({"x.textbundle/text.md": EP1.read_bytes()}), "old.highland")
    assert _rows(script) == _rows(read_fountain(EP1))


def test_highland_without_a_script() -> None:
    with pytest.raises(InputError, match=r"no text\.fountain"):
        parse_highland(_zip({"x.textbundle/info.json": b"{}"}), "empty.highland")


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_not_a_zip(data: bytes) -> None:
    with pytest.raises(InputError, match="not a Highland file") as err:
        parse_highland(data, "bad.highland")
    assert str(err.value).startswith("bad.highland: ")


@pytest.mark.parametrize(
    "name", ["../evil.fountain", "/etc/evil.fountain", "a/../../evil.fountain", "C:\\evil.fountain"]
)
def test_paths_outside_the_archive_refused(name: str) -> None:
    with pytest.raises(InputError, match="outside the archive"):
        parse_highland(_zip({name: b"INT. X - DAY\n"}), "evil.highland")


def test_zip_bomb_by_ratio_refused() -> None:
    bomb = _zip({"x.textbundle/text.fountain": b"\n" * (8 * 1024 * 1024)})
    with pytest.raises(InputError, match="zip bomb"):
        parse_highland(bomb, "bomb.highland")


def test_member_lying_about_its_size_is_bounded() -> None:
    # The directory says 10 bytes; the stream holds more than the member limit.
    big = b"INT. X - DAY\n" + b"a" * (MAX_MEMBER_BYTES + 10)
    data = bytearray(_zip({"t.fountain": big}, zipfile.ZIP_STORED))
    size = len(big).to_bytes(4, "little")
    small = (10).to_bytes(4, "little")
    data = bytearray(bytes(data).replace(size, small))
    with pytest.raises(InputError):
        parse_highland(bytes(data), "liar.highland")
