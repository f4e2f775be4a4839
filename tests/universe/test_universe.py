"""The universe loader: format, merging, references, orders, and errors with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible.model import InputError
from showbible.universe.loader import find_root, load_universe

EPISODE = "INT. ROOM - DAY\n\nMARA\nHello.\n"


def make(tmp_path: Path, yaml: str, files: dict[str, str] | None = None) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "universe.yaml").write_text(yaml, encoding="utf-8")
    for rel, text in (files or {}).items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return tmp_path


BASIC = """\
name: Basic
series:
  - id: alpha
    scripts: ["alpha/*.fountain"]
    episodes:
      ep2: {released: 2024-02-01}
      ep10: {released: 2024-03-01, story: "day 3"}
  - id: beta
    scripts: ["beta/*.fountain"]
    episodes:
      b1: {released: 2024-01-15}
characters:
  mara: {name: Mara Voss, aliases: [MARA]}
"""


def basic(tmp_path: Path) -> Path:
    return make(
        tmp_path,
        BASIC,
        {
            "alpha/ep1.fountain": EPISODE,
            "alpha/ep2.fountain": EPISODE,
            "alpha/ep10.fountain": EPISODE,
            "beta/b1.fountain": EPISODE,
        },
    )


def test_natural_sort_and_release_order(tmp_path: Path) -> None:
    u = load_universe(basic(tmp_path))
    assert [e.id for e in u.series_episodes("alpha")] == ["ep1", "ep2", "ep10"]
    # ep1 has no date: it sorts before everything dated in its series; b1 airs between.
    assert u.release == ("alpha:ep1", "beta:b1", "alpha:ep2", "alpha:ep10")
    assert u.episode("alpha:ep10").story is not None


def test_undated_episode_follows_its_predecessor(tmp_path: Path) -> None:
    root = basic(tmp_path)
    (root / "alpha" / "ep3.fountain").write_text(EPISODE)
    u = load_universe(root)
    assert u.release.index("alpha:ep3") == u.release.index("alpha:ep2") + 1


def test_explicit_release_order(tmp_path: Path) -> None:
    root = basic(tmp_path)
    text = (root / "universe.yaml").read_text() + "release_order: [ep10, beta:b1]\n"
    (root / "universe.yaml").write_text(text)
    u = load_universe(root)
    assert u.release[:2] == ("alpha:ep10", "beta:b1")
    assert set(u.release) == {e.key for e in u.episodes}


def test_references(tmp_path: Path) -> None:
    u = load_universe(basic(tmp_path))
    assert str(u.parse_ref("ep2#3")) == "alpha:ep2#3"
    assert str(u.parse_ref("beta:b1")) == "beta:b1"
    with pytest.raises(KeyError, match="did you mean"):
        u.parse_ref("ep3")
    with pytest.raises(ValueError):
        u.parse_ref("ep2#x")


def test_bible_files_merge_in_name_order(tmp_path: Path) -> None:
    root = basic(tmp_path)
    (root / "bible").mkdir()
    (root / "bible" / "b.yaml").write_text("characters:\n  tobias: {name: Tobias}\n")
    (root / "bible" / "a.yaml").write_text("places:\n  chapel: {name: Chapel}\n")
    u = load_universe(root)
    assert set(u.bible.characters) == {"mara", "tobias"}
    assert "chapel" in u.bible.places


def test_duplicate_id_across_bible_files(tmp_path: Path) -> None:
    root = basic(tmp_path)
    (root / "bible").mkdir()
    (root / "bible" / "more.yaml").write_text("characters:\n  mara: {name: Other}\n")
    with pytest.raises(InputError) as info:
        load_universe(root)
    assert info.value.file == "bible/more.yaml" and info.value.line == 2
    assert "defined twice" in str(info.value) and "universe.yaml:13" in str(info.value)


@pytest.mark.parametrize(
    ("yaml", "line", "needle"),
    [
        ("name: X\nseries:\n  - id: a\n    scrpts: [x]\n", 4, "did you mean 'scripts'"),
        # a relationship listed under `relations:` needs its kind and its scene (the forty-
        # eighth and seventy-first blind looks' authors wrote the section; it is one now)
        ("name: X\nrelations:\n  - {a: x, b: y}\n", 3, "missing field 'kind'"),
        ("name: X\nrelationships:\n  - {a: x, b: y}\n", 2, "listed under `relations:`"),
        ("name: X\ncharacter:\n  x: {name: X}\n", 2, "did you mean 'characters'"),
        ("name: X\nseries:\n  - id: Bad_Id\n", 3, "series.0.id"),
        ("name: X\nseries:\n  - id: a\n  - id: a\n", 4, "used twice"),
        ("name: X\nname: Y\n", 2, "duplicate key"),
        ("name: X\nseries: [\n", 3, ""),
        ("name: X\nseries:\n  - id: a\n    scripts: ['../*.fountain']\n", 4, "leaves"),
        ("name: X\nseries:\n  - id: a\n    scripts: ['/etc/*']\n", 4, "leaves"),
        ("name: X\ncharacters:\n  Mara: {name: M}\n", 3, "lower-case"),
        (
            "name: X\nseries:\n  - id: a\n    episodes:\n      e1: {story: someday}\n",
            5,
            "neither an ordinal",
        ),
        ("name: X\nseries:\n  - id: a\nrelease_order: [nope]\n", 4, "no episode"),
        ("name: X\nevents:\n  - {at: e1, dies: a, destroyed: b}\n", 3, "exactly one"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, yaml: str, line: int, needle: str) -> None:
    make(tmp_path, yaml)
    with pytest.raises(InputError) as info:
        load_universe(tmp_path)
    assert info.value.file == "universe.yaml"
    assert info.value.line == line, str(info.value)
    assert needle in str(info.value)


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.fountain").write_text(EPISODE)
    root = tmp_path / "u"
    make(root, "name: X\nseries:\n  - id: a\n    scripts: ['a/*.fountain']\n")
    (root / "a").mkdir()
    (root / "a" / "x.fountain").symlink_to(outside / "x.fountain")
    with pytest.raises(InputError, match="outside the universe"):
        load_universe(root)


def test_a_folder_symlinked_out_is_refused_and_each_file_is_looked_at(tmp_path: Path) -> None:
    """Folders are resolved once for all their scripts (loader.py): a folder that is itself a
    link out is refused, and so is a link out beside scripts already found inside."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.fountain").write_text(EPISODE)
    root = tmp_path / "u"
    make(root, "name: X\nseries:\n  - id: a\n    scripts: ['a/*.fountain']\n")
    (root / "a").symlink_to(outside, target_is_directory=True)
    with pytest.raises(InputError, match="outside the universe"):
        load_universe(root)
    (root / "a").unlink()
    (root / "a").mkdir()
    (root / "a" / "a1.fountain").write_text(EPISODE)
    assert [e.rel for e in load_universe(root).episodes] == ["a/a1.fountain"]
    (root / "a" / "z9.fountain").symlink_to(outside / "x.fountain")
    with pytest.raises(InputError, match="outside the universe"):
        load_universe(root)


def test_glob_matching_nothing_is_a_warning(tmp_path: Path) -> None:
    make(tmp_path, "name: X\nseries:\n  - id: a\n    scripts: ['a/*.fountain']\n")
    u = load_universe(tmp_path)
    assert any("matches no file" in d.message and d.line == 4 for d in u.diagnostics)


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    make(
        tmp_path,
        "name: X\nplaces:\n  p:\n    aliases: *a8\n" + "\n".join("x" + ln for ln in lines) + "\n",
    )
    with pytest.raises(InputError):
        load_universe(tmp_path)


def test_find_root_walks_upward(tmp_path: Path) -> None:
    root = basic(tmp_path)
    assert find_root(root / "alpha") == root.resolve()
    assert find_root(Path("/")) is None


def test_scoped_alias_to_unknown_series(tmp_path: Path) -> None:
    make(
        tmp_path,
        "name: X\nseries:\n  - id: play-one\ncharacters:\n  g:\n    aliases:\n"
        "      - {label: G, series: [play-on]}\n",
    )
    with pytest.raises(InputError, match="did you mean 'play-one'") as info:
        load_universe(tmp_path)
    assert info.value.line == 7


def test_every_validation_error_of_a_bible_is_listed_at_its_line(tmp_path: Path) -> None:
    """Two places cut at a comma: both are reported, each at its file and line, so the bible is
    mended in one pass (the fifty-fourth blind look's authors met them one run at a time)."""
    yaml = (
        "series: []\n"
        "places:\n"
        "  dock: {name: The Old Dock, Shore Street, aliases: [OLD DOCK]}\n"
        "  mill: {name: The Mill, Quay Lane, aliases: [MILL]}\n"
    )
    with pytest.raises(InputError) as caught:
        load_universe(make(tmp_path, yaml))
    text = str(caught.value)
    assert text.startswith("universe.yaml:3:")
    assert "'Shore Street'" in text
    assert "(and 1 more error(s):\n  universe.yaml:4:" in text
    assert "'Quay Lane'" in text
