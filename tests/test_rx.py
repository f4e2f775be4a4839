"""Regular expressions kept compiled in the user's cache folder (showbible/quick/rx.py) are the
patterns ``re.compile`` makes, whatever the file holds; and the engine's own patterns are the
same in every process, so that a second process compiles nothing."""

from __future__ import annotations

import array
import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.quick import rx

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SHOWBIBLE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SHOWBIBLE_NO_CACHE", raising=False)
    monkeypatch.setattr(rx, "_cache", None)
    return tmp_path / "cache"


def _fresh_process() -> None:
    """Forget the loaded file, as a new process would start."""
    rx._cache = None


def _file(cache_dir: Path) -> Path:
    files = list((cache_dir / "patterns").glob("patterns-*.json"))
    assert len(files) == 1, files
    return files[0]


SAMPLES = [
    (r"\b(?:dies|died|dead)\b", re.I),
    (r"(?P<who>[A-Z][a-z]+)\s+(?:enters|exits)(?P<rest>.*)$", re.M),
    (r"(?<![\w'])(?:Lady|LADY|Mrs\.?)\s+(?:(?:of|OF)\s+)?$", 0),
    ("\ue000(\\d+)\ue001|\ue002(\\d+)\ue003", 0),
    (r"""(?x) a \s+ b  # a comment""", 0),
]


def test_a_pattern_kept_is_the_pattern_re_makes(cache_dir: Path) -> None:
    made = [rx.compile(p, f) for p, f in SAMPLES]
    assert made == [re.compile(p, f) for p, f in SAMPLES]
    rx.save()
    _fresh_process()
    again = [rx.compile(p, f) for p, f in SAMPLES]
    cache = rx._cache
    assert cache is not None and cache.new == {}  # every one came from the file
    assert cache.used == {(p, int(f)) for p, f in SAMPLES}
    assert again == made
    for pattern, expected in zip(again, made, strict=True):
        assert pattern.groupindex == expected.groupindex and pattern.groups == expected.groups
        text = "Lady Macbeth enters. Mrs of x\n a b \ue0007\ue001 DIED"
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in expected.finditer(text)
        ]


_ATOMS = st.sampled_from(
    ["a", "b", "ab", r"\d", r"\w", r"\s", "[a-c]", "[^x]", ".", r"\b", "^", "$", "é", "\\.", "Z"]
)


@st.composite
def _patterns(draw: st.DrawFn, depth: int = 0) -> str:
    parts = draw(st.lists(_ATOMS if depth > 1 else st.one_of(_ATOMS, _patterns(depth + 1)),
                          min_size=1, max_size=4))  # fmt: skip
    body = "".join(parts)
    kind = draw(st.sampled_from(["", "(?:{})", "({})", "(?P<g{n}>{})", "{}*", "{}+?", "{}{{1,3}}"]))
    body = kind.format(body, n=depth) if kind else body
    if draw(st.booleans()):
        body += "|" + draw(_ATOMS)
    return body


@settings(max_examples=150, deadline=None)
@given(
    pattern=_patterns(),
    flags=st.sampled_from([0, re.I, re.M, re.S, re.I | re.M, re.A]),
    text=st.text(alphabet="abcxZé. \n1_", max_size=30),
)
def test_any_pattern_round_trips(pattern: str, flags: int, text: str) -> None:
    try:
        expected = re.compile(pattern, flags)
    except re.error:
        return  # (two groups of one name): re's own error, raised by rx.compile as well
    entry = rx._entry(pattern, int(flags), expected)
    assert entry is not None
    # Through JSON, as the file holds it.
    again = rx._from_entry(pattern, tuple(json.loads(json.dumps(entry))))
    assert again == expected
    assert again is not None and again.groupindex == expected.groupindex
    assert [m.group(0) for m in again.finditer(text)] == [
        m.group(0) for m in expected.finditer(text)
    ]


def test_a_damaged_or_foreign_file_is_ignored_and_written_again(cache_dir: Path) -> None:
    rx.compile(*SAMPLES[0])
    rx.save()
    path = _file(cache_dir)
    good = path.read_bytes()
    head, _, body = good.partition(b"\n")
    header = json.loads(head)
    damaged = [
        good[: len(good) // 2],  # truncated: the digest fails
        b"not json at all",
        json.dumps({**header, "python": "2.7.18"}).encode() + b"\n" + body,  # another Python
        json.dumps({**header, "showbible-patterns": rx.FORMAT + 1}).encode() + b"\n" + body,
    ]
    for data in damaged:
        path.write_bytes(data)
        _fresh_process()
        assert rx.compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])
        cache = rx._cache
        assert (
            cache is not None
            and cache.entries == {}
            and SAMPLES[0][0] in {p for p, _f in cache.new}
        )
        rx.save()
        assert path.read_bytes().partition(b"\n")[0] == head  # written again, whole


def test_code_that_is_no_program_is_refused_by_sre_and_compiled_afresh(cache_dir: Path) -> None:
    """A file with a right digest but code that is no valid program (a bug, a bit flipped
    after the digest was taken) makes no pattern: ``_sre`` checks the code, and the pattern is
    compiled afresh. (Valid code of another pattern would be believed: the folder is the
    user's own, cachedir.py.)"""
    pattern, flags = SAMPLES[1]
    rx.compile(pattern, flags)
    rx.save()
    path = _file(cache_dir)
    head, _, body = path.read_bytes().partition(b"\n")
    rows = json.loads(body)
    for row in rows["compiled"]:
        words = array.array("I")
        words.frombytes(base64.b64decode(row[3]))
        words[1] = 99999  # an opcode that does not exist
        row[3] = base64.b64encode(words.tobytes()).decode()
    import hashlib

    forged = json.dumps(rows).encode()
    header = {**json.loads(head), "sha256": hashlib.sha256(forged).hexdigest()}
    path.write_bytes(json.dumps(header).encode() + b"\n" + forged)
    _fresh_process()
    made = rx.compile(pattern, flags)
    assert made == re.compile(pattern, flags)
    assert made.search("Ann enters now") is not None
    cache = rx._cache
    assert cache is not None and (pattern, int(flags)) in cache.new  # compiled afresh


def test_a_pattern_no_process_asks_for_is_dropped_after_some_saves(cache_dir: Path) -> None:
    """An older engine's patterns would stay in the file forever, and every process pays for
    reading them: one that no process asked for in KEEP_GENERATIONS saves is dropped, while
    one asked for again is kept however old."""
    stale, kept = SAMPLES[0], SAMPLES[1]
    rx.compile(*stale)
    rx.compile(*kept)
    rx.save()
    for n in range(rx.KEEP_GENERATIONS + 1):
        _fresh_process()
        rx.compile(*kept)
        rx.compile(f"new pattern {n}", 0)  # something new, so that the process saves
        rx.save()
        cache = rx._cache
        assert cache is not None
        assert ((stale[0], int(stale[1])) in cache.entries) == (n < rx.KEEP_GENERATIONS - 1)
    _fresh_process()
    assert rx.compile(*kept) == re.compile(*kept)
    cache = rx._cache
    assert cache is not None and cache.new == {} and cache.generation == rx.KEEP_GENERATIONS + 2
    assert (stale[0], int(stale[1])) not in cache.entries
    assert {p for p, _f in cache.entries} >= {kept[0], "new pattern 8", "new pattern 1"}
    assert "new pattern 0" not in {p for p, _f in cache.entries}


def test_no_file_when_caches_are_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOWBIBLE_NO_CACHE", "1")
    assert rx.compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])
    rx.save()
    assert not (cache_dir / "patterns").exists()


def test_a_folder_open_to_others_is_not_used(cache_dir: Path) -> None:
    (cache_dir / "patterns").mkdir(parents=True)
    os.chmod(cache_dir / "patterns", 0o777)
    assert rx.compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])
    rx.save()
    assert list((cache_dir / "patterns").iterdir()) == []


def test_a_derivation_is_worked_out_once(cache_dir: Path) -> None:
    calls: list[str] = []

    def make() -> str:
        calls.append("x")
        return "(?=[ab])(?:a|b)"

    assert rx.derived("test:1", "a|b", 0, make) == "(?=[ab])(?:a|b)"
    rx.save()
    _fresh_process()
    assert rx.derived("test:1", "a|b", 0, make) == "(?=[ab])(?:a|b)"
    assert rx.derived("test:2", "a|b", 0, lambda: None) is None  # another version: worked out
    assert calls == ["x"]


def test_the_engines_patterns_are_the_same_in_every_process(tmp_path: Path) -> None:
    """A pattern made from a set of words in the set's order would differ with each process's
    hash seed, and would never be found in the file: the second process compiles nothing."""
    probe = (
        "import showbible.build.oneshot, showbible.news.reader\n"
        "from showbible.quick import rx\n"
        "c = rx._cache\n"
        "print(len(c.new) + len(c.new_derived), len(c.used))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "SHOWBIBLE_NO_CACHE"}
    env.update(SHOWBIBLE_CACHE_DIR=str(tmp_path), PYTHONPATH=str(SRC))
    counts = []
    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", probe],
            env={**env, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        counts.append([int(n) for n in out.stdout.split()])
    assert counts[0][0] > 300 and counts[0][1] == 0  # the first compiles them all
    assert counts[1][0] == 0 and counts[1][1] >= counts[0][0]  # the second finds them all
