"""The YAML cache gives back exactly the tree yamlread builds: the same values, the same
positions, the same sharing of aliased objects, the same errors; and a bad entry or an unusable
folder only costs the saving."""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import ruamel.yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showbible.model import InputError
from showbible.universe import yamlcache
from showbible.universe.loader import load_universe
from showbible.universe.yamlcache import cache_folder, entry_key, read_yaml_cached
from showbible.universe.yamljson import tree_from_json, tree_to_json
from showbible.universe.yamlread import read_yaml
from showbible.universe.yamltree import YMap, YSeq

REPO = Path(__file__).resolve().parents[2]
YAML_FILES = sorted(
    p for top in ("examples", "tests") for p in (REPO / top).rglob("*.yaml") if p.is_file()
)
SHARED = b"""\
base: &b {k: 1, j: [x, y]}
this: {<<: *b, j: 2}
list: &l [1, *b, {z: *b}]
again: *l
self: &s [a, *s]
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder; every document goes through the cache, small ones included."""
    monkeypatch.setenv("SHOWBIBLE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SHOWBIBLE_NO_CACHE", raising=False)
    monkeypatch.setattr(yamlcache, "MIN_BYTES", 0)
    got = cache_folder()
    assert got == tmp_path / "cache" / "yaml"
    return got


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def same(a: Any, b: Any) -> None:
    """a and b are the same tree: types, values, key order, positions, and which containers
    are one object (an alias) mapped one to one, cycles included."""
    pairs: dict[int, int] = {}
    back: dict[int, int] = {}
    stack = [(a, b)]
    while stack:
        x, y = stack.pop()
        assert type(x) is type(y), (x, y)
        if type(x) is float and math.isnan(x):
            assert math.isnan(y)
        elif type(x) in (YMap, YSeq):
            if id(x) in pairs or id(y) in back:
                assert pairs.get(id(x)) == id(y) and back.get(id(y)) == id(x)
                continue
            pairs[id(x)], back[id(y)] = id(y), id(x)
            if type(x) is YMap:
                assert list(x) == list(y) and list(x.at.items()) == list(y.at.items())
                stack.extend(zip(x.values(), y.values(), strict=True))
            else:
                assert len(x) == len(y) and x.at == y.at
                stack.extend(zip(x, y, strict=True))
        else:
            assert x == y


def fresh_and_cached(raw: bytes, shown: str) -> tuple[Any, Any, Any]:
    """The tree read directly, then through the cache twice (a miss that saves, then a hit)."""
    return read_yaml(raw, shown), read_yaml_cached(raw, shown), read_yaml_cached(raw, shown)


def no_compose(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("composed although the cache holds this document")

    monkeypatch.setattr(ruamel.yaml.YAML, "compose", refuse)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_repo_yaml_cached_is_the_same_tree(
    path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = path.read_bytes()
    shown = path.name
    try:
        fresh = read_yaml(raw, shown)
    except InputError as err:
        for _ in range(2):  # the same error every time, and nothing saved
            with pytest.raises(InputError) as again:
                read_yaml_cached(raw, shown)
            assert str(again.value) == str(err)
        assert entries(folder) == []
        return
    first = read_yaml_cached(raw, shown)
    assert len(entries(folder)) == 1
    with monkeypatch.context() as patch:
        no_compose(patch)
        second = read_yaml_cached(raw, shown)
    same(fresh, first)
    same(fresh, second)


@pytest.mark.parametrize("name", ["defenders", "sallowmouth"])
def test_example_universes_load_the_same(name: str, folder: Path, tmp_path: Path) -> None:
    root = tmp_path / name
    shutil.copytree(REPO / "examples" / name, root, ignore=shutil.ignore_patterns(".showbible"))
    os.environ["SHOWBIBLE_NO_CACHE"] = "1"  # monkeypatch restores the environment afterwards
    try:
        plain = load_universe(root)
    finally:
        del os.environ["SHOWBIBLE_NO_CACHE"]
    load_universe(root)  # fills the cache
    cached = load_universe(root)
    assert entries(folder)
    assert cached.bible == plain.bible and cached.episodes == plain.episodes
    same(plain.locator.data, cached.locator.data)


def test_aliases_stay_one_object(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh, first, second = fresh_and_cached(SHARED, "u.yaml")
    for doc in (fresh, first, second):
        assert doc["list"][1] is doc["base"] and doc["list"][2]["z"] is doc["base"]
        assert doc["again"] is doc["list"]
        assert doc["self"][1] is doc["self"]
        assert doc["this"]["j"] == 2 and doc["this"]["k"] == 1
        assert doc["this"].at["k"] == ("u.yaml", 1, 11)  # where the merged key was written
    same(fresh, second)


def test_the_alias_budget_counts_the_same(folder: Path, tmp_path: Path) -> None:
    bomb = (REPO / "tests" / "bad" / "yaml-alias-bomb" / "bible" / "extra.yaml").read_bytes()
    root = tmp_path / "u"
    shutil.copytree(REPO / "examples" / "sallowmouth", root)
    (root / "bible").mkdir(exist_ok=True)
    (root / "bible" / "zz-bomb.yaml").write_bytes(bomb)
    messages = set()
    for _ in range(3):
        with pytest.raises(InputError) as err:
            load_universe(root)
        messages.add(str(err.value))
    assert len(messages) == 1 and "alias bomb" in messages.pop()
    assert len(entries(folder)) == 2  # the bomb is valid YAML: its small tree is cached


def test_the_second_read_does_not_compose(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = (REPO / "examples" / "sallowmouth" / "universe.yaml").read_bytes()
    fresh = read_yaml_cached(raw, "universe.yaml")
    no_compose(monkeypatch)
    with pytest.raises(AssertionError):
        read_yaml(raw, "universe.yaml")  # the patch does bite
    same(fresh, read_yaml_cached(raw, "universe.yaml"))
    with pytest.raises(AssertionError):
        read_yaml_cached(raw, "other.yaml")  # another name is another entry


def test_the_name_is_part_of_the_key(folder: Path) -> None:
    one = read_yaml_cached(b"a: 1\n", "one.yaml")
    two = read_yaml_cached(b"a: 1\n", "two.yaml")
    assert one.at["a"] == ("one.yaml", 1, 1) and two.at["a"] == ("two.yaml", 1, 1)
    assert entry_key(b"a: 1\n", "one.yaml") != entry_key(b"a: 1\n", "two.yaml")
    assert len(entries(folder)) == 2


def _damage(entry: Path, how: str) -> None:
    data = entry.read_bytes()
    head, _, body = data.partition(b"\n")
    header = json.loads(head)
    if how == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif how == "empty":
        entry.write_bytes(b"")
    elif how == "flipped":  # a changed digit still parses, but fails the body's digest
        at = body.index(b"1")
        entry.write_bytes(head + b"\n" + body[:at] + b"7" + body[at + 1 :])
    elif how == "older":
        header["showbible-yaml-cache"] = 0
        entry.write_bytes(json.dumps(header).encode() + b"\n" + body)
    elif how == "foreign":
        entry.write_bytes(b"\x80\x04K\x01.")  # a pickle: never loaded
    elif how == "forged":  # a well-formed header over a body that is not a tree
        bad = b'{"root":[5],"nodes":[["m","a",1,1,1]]}'
        header["sha256"] = hashlib.sha256(bad).hexdigest()
        entry.write_bytes(json.dumps(header).encode() + b"\n" + bad)
    elif how == "directory":
        entry.unlink()
        entry.mkdir()
    elif how == "symlink":
        entry.unlink()
        (entry.parent / "elsewhere").write_bytes(data)
        entry.symlink_to(entry.parent / "elsewhere")


@pytest.mark.parametrize(
    "how", ["truncated", "empty", "flipped", "older", "foreign", "forged", "directory", "symlink"]
)
def test_a_damaged_entry_is_ignored_and_rebuilt(how: str, folder: Path) -> None:
    fresh = read_yaml(SHARED, "u.yaml")
    read_yaml_cached(SHARED, "u.yaml")
    (entry,) = entries(folder)
    _damage(entry, how)
    same(fresh, read_yaml_cached(SHARED, "u.yaml"))
    if how != "directory":  # a directory in the way stays in the way; the read still works
        assert json.loads(entry.read_bytes().partition(b"\n")[0])["showbible-yaml-cache"] == 1
        assert not entry.is_symlink()


def test_the_json_form_refuses_what_it_did_not_write() -> None:
    good = tree_to_json(read_yaml(SHARED, "u.yaml"), "u.yaml")
    same(read_yaml(SHARED, "u.yaml"), tree_from_json(good, "u.yaml"))
    bad: Any
    for bad in (
        [],
        {"root": 1},
        {"root": [0], "nodes": [["x"]]},
        {"root": [1], "nodes": [["s"]]},
        {"root": [True], "nodes": [["s"]]},
        {"root": [-1], "nodes": [["s"]]},
        {"root": [0], "nodes": [["s", {"a": 1}, 1, 1]]},
        {"root": [0], "nodes": [["s", 1, "1", 1]]},
        {"root": [0], "nodes": [["m", 1, 1, 1, 1]]},
        {"root": [0], "nodes": [["m", "a", 1, 1, 1, "a", 2, 2, 1]]},
        {"root": [0], "nodes": [["m", "a", 1, 1]]},
    ):
        with pytest.raises(ValueError):
            tree_from_json(bad, "u.yaml")


def test_errors_are_never_cached(folder: Path) -> None:
    bad = b"name: x\n" + b"# padding\n" * 200 + b"name: y\n"
    for _ in range(2):
        with pytest.raises(InputError, match=r"u\.yaml:202:1: duplicate key 'name'"):
            read_yaml_cached(bad, "u.yaml")
    assert entries(folder) == []


def test_a_tree_json_cannot_say_is_read_afresh(folder: Path) -> None:
    raw = b"blob: !!binary aGVsbG8=\nbig: 0x" + b"f" * 4000 + b"\n"
    fresh, first, second = fresh_and_cached(raw, "u.yaml")
    assert fresh["blob"] == b"hello" and first["blob"] == b"hello" and second == fresh
    assert entries(folder) == []


def test_a_read_only_folder_still_reads(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any, **__: Any) -> Any:
        raise PermissionError("read-only file system")

    read_yaml_cached(SHARED, "u.yaml")  # one entry, written before the folder became read-only
    (entry,) = entries(folder)
    os.utime(entry, (0, 0))  # old: a hit would refresh its age, and must not mind failing to
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(os, "utime", refuse)
    other = b"other: [1, 2]\n"
    same(read_yaml(other, "u.yaml"), read_yaml_cached(other, "u.yaml"))
    same(read_yaml(SHARED, "u.yaml"), read_yaml_cached(SHARED, "u.yaml"))
    assert len(entries(folder)) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through any mode bits")
def test_a_read_only_folder_by_its_mode(folder: Path) -> None:
    read_yaml_cached(SHARED, "u.yaml")
    folder.chmod(0o500)
    try:
        same(read_yaml(b"x: 1\n", "u.yaml"), read_yaml_cached(b"x: 1\n", "u.yaml"))
        same(read_yaml(SHARED, "u.yaml"), read_yaml_cached(SHARED, "u.yaml"))
    finally:
        folder.chmod(0o700)
    assert len(entries(folder)) == 1


def test_a_folder_open_to_others_or_not_ours_is_refused(folder: Path) -> None:
    folder.chmod(0o755)
    assert cache_folder() is None
    same(read_yaml(SHARED, "u.yaml"), read_yaml_cached(SHARED, "u.yaml"))
    assert entries(folder) == []
    folder.chmod(0o700)
    if os.geteuid() == 0:
        os.chown(folder, 65534, 65534)
        assert cache_folder() is None
        os.chown(folder, 0, 0)
    folder.rmdir()
    folder.symlink_to(folder.parent)
    assert cache_folder() is None


def test_the_folder_is_private_and_can_be_turned_off(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    read_yaml_cached(SHARED, "u.yaml")
    assert folder.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in entries(folder))
    monkeypatch.setenv("SHOWBIBLE_NO_CACHE", "1")
    assert cache_folder() is None
    monkeypatch.delenv("SHOWBIBLE_NO_CACHE")
    monkeypatch.delenv("SHOWBIBLE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "showbible" / "yaml"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # the XDG spec: ignore a relative one
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder() == tmp_path / "home" / ".cache" / "showbible" / "yaml"
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # no home folder at all
    assert cache_folder() is None


def test_the_folder_stays_bounded(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlcache, "MAX_FILES", 3)
    for n in range(5):
        read_yaml_cached(f"n: {n}\n".encode(), "u.yaml")
        (entry,) = [
            p for p in entries(folder) if p.stem == entry_key(f"n: {n}\n".encode(), "u.yaml")
        ]
        os.utime(entry, (1000 + n, 1000 + n))  # written in order, a second apart
    kept = {p.stem for p in entries(folder)}
    assert kept == {entry_key(f"n: {n}\n".encode(), "u.yaml") for n in (2, 3, 4)}
    (folder / ".tmp-dead.json").write_bytes(b"{")
    os.utime(folder / ".tmp-dead.json", (1000, 1000))
    monkeypatch.setattr(yamlcache, "MAX_TOTAL_BYTES", 1)
    read_yaml_cached(b"n: 9\n", "u.yaml")
    assert [p.stem for p in entries(folder)] == [entry_key(b"n: 9\n", "u.yaml")]
    assert not (folder / ".tmp-dead.json").exists()


# --- random documents ------------------------------------------------------------------------

_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.dates().map(str)
)
_trees = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=25,
)


@st.composite
def _documents(draw: st.DrawFn) -> bytes:
    """A random tree, some part of it placed twice (the dumper writes an anchor and an alias),
    in block or flow style."""
    tree = draw(st.dictionaries(st.text(max_size=6), _trees, min_size=1, max_size=5))
    shared = draw(st.sampled_from([None, *tree.values()]))
    if isinstance(shared, dict | list):
        tree[draw(st.text(max_size=6)) + "_again"] = shared
    yaml = ruamel.yaml.YAML(typ="safe", pure=True)
    yaml.default_flow_style = draw(st.sampled_from([False, True, None]))
    out = ruamel.yaml.compat.StringIO()
    yaml.dump(tree, out)
    return out.getvalue().encode()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=_documents())
def test_random_documents_round_trip(
    raw: bytes, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        fresh = read_yaml(raw, "r.yaml")
    except InputError as err:
        with pytest.raises(InputError) as again:
            read_yaml_cached(raw, "r.yaml")
        assert str(again.value) == str(err)
        return
    same(fresh, read_yaml_cached(raw, "r.yaml"))
    with monkeypatch.context() as patch:
        no_compose(patch)
        same(fresh, read_yaml_cached(raw, "r.yaml"))


def test_a_hit_does_not_import_the_yaml_library(tmp_path: Path) -> None:
    """What a hit saves besides composing: ruamel's import (0.02 CPU s), in a fresh process."""
    root = tmp_path / "u"
    skip = shutil.ignore_patterns(".showbible")
    shutil.copytree(REPO / "examples" / "sallowmouth", root, ignore=skip)
    code = (
        "import sys; from showbible.universe.loader import load_universe; "
        f"load_universe({str(root)!r}); print('ruamel.yaml' in sys.modules)"
    )
    env = {**os.environ, "SHOWBIBLE_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SHOWBIBLE_NO_CACHE", None)
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["True", "False"], [r.stderr for r in runs]
