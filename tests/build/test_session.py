"""The resident session: after every kind of edit, the store it patches is row for row the
store a build from nothing writes, and its findings are that build's findings."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canon_tables import canon_tables
from script_edits import EDITS, added_line
from showbible import build
from showbible.build.session import Session, files_signature
from showbible.model import InputError
from showbible.reading.infer.linking import confided_tells

ROOT = Path(__file__).resolve().parents[2]


def _assert_as_from_nothing(
    session: Session, root: Path, tmp: Path, name: str, url: str | None = None
) -> None:
    url = url or f"sqlite:///{tmp}/{name}.sqlite"
    fresh = build(root, url, force=True)
    assert fresh.compiled is not None
    want = [f.to_json() for f in fresh.compiled.findings]
    assert [f.to_json() for f in session.findings] == want
    got, expected = canon_tables(session.url), canon_tables(url)
    for table in expected:
        assert got[table] == expected[table], table


def _scripts(root: Path) -> list[Path]:
    return sorted(root.rglob("*.fountain"))


def _edit_speech(path: Path, change: str) -> None:
    """Change the first speech of the file: reword it, or add a line to it."""
    lines = path.read_text().splitlines()
    for i in range(len(lines) - 1):
        cue, said = lines[i], lines[i + 1]
        if re.fullmatch(r"[A-Z][A-Z .'-]+", cue.strip()) and said.strip() and not said.isupper():
            if change == "reword":
                lines[i + 1] = said + " Mind the tide."
            else:
                lines.insert(i + 2, "And mind the tide, too.")
            path.write_text("\n".join(lines) + "\n")
            return
    raise AssertionError(f"no speech in {path}")


def _touch(path: Path) -> None:
    """Make sure the edit is seen even on a filesystem with coarse modification times."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def _with_evidence_elsewhere(session: Session) -> Path:
    """A script that holds the evidence of a finding reported in another script."""
    for f in session.findings:
        for e in f.evidence:
            if e.file != f.file and e.file.endswith(".fountain"):
                return session.root / e.file
    raise AssertionError("the planted universe has no finding with evidence in another file")


def test_dialogue_edits_are_patched_in_place(universe: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    session = Session(universe, url)
    assert session.refresh().mode == "build"
    assert session.findings, "the planted errors should give findings"
    assert session.refresh().mode == "unchanged"

    target = _with_evidence_elsewhere(session)
    _edit_speech(target, "reword")
    _touch(target)
    done = session.refresh()
    assert done.mode == "episodes", done.reason
    assert done.files == [target.relative_to(universe).as_posix()]
    _assert_as_from_nothing(session, universe, tmp_path, "a")

    # A line added: every later line of the script moves, and so does the evidence it holds.
    _edit_speech(target, "insert")
    _touch(target)
    done = session.refresh()
    assert done.mode == "episodes", done.reason
    _assert_as_from_nothing(session, universe, tmp_path, "b")

    # Two scripts at once, one of them with a finding of its own.
    reported = session.root / session.findings[0].file
    for path in {reported, _scripts(universe)[0]}:
        _edit_speech(path, "insert")
        _touch(path)
    assert session.refresh().mode == "episodes"
    _assert_as_from_nothing(session, universe, tmp_path, "c")


def test_a_new_finding_in_an_edited_episode(universe: Path, tmp_path: Path) -> None:
    session = Session(universe, f"sqlite:///{tmp_path}/canon.sqlite")
    session.refresh()
    before = {f.key for f in session.findings}
    # Someone who has met everyone in the scene before acts as a stranger, late in the run.
    for path in reversed(_scripts(universe)):
        text = path.read_text()
        lines = text.splitlines()
        for i in range(len(lines) - 1):
            if re.fullmatch(r"[A-Z][A-Z .'-]+", lines[i].strip()) and lines[i + 1].strip():
                lines[i + 1] = "Who are you? " + lines[i + 1]
        path.write_text("\n".join(lines) + "\n")
        _touch(path)
        done = session.refresh()
        assert done.mode == "episodes", done.reason
        if {f.key for f in session.findings} - before:
            break
    else:
        raise AssertionError("no edit made a reintroduction finding")
    assert any(f.rule == "reintroduction" for f in session.findings)
    _assert_as_from_nothing(session, universe, tmp_path, "a")


def test_edits_that_reach_other_episodes_rebuild(universe: Path, tmp_path: Path) -> None:
    session = Session(universe, f"sqlite:///{tmp_path}/canon.sqlite")
    session.refresh()
    script = _scripts(universe)[3]

    # Someone new in a scene: meetings and appearances change for the whole canon.
    text = script.read_text()
    cue = next(
        m.group(0).strip()
        for other in _scripts(universe)
        for m in re.finditer(r"^[A-Z][A-Z .'-]+$", other.read_text(), re.M)
        if m.group(0).strip() not in text and not m.group(0).startswith(("INT", "EXT"))
    )
    script.write_text(text + f"\n{cue}\nI was here all along.\n")
    _touch(script)
    done = session.refresh()
    assert done.mode == "build" and done.reason
    _assert_as_from_nothing(session, universe, tmp_path, "a")

    # The bible.
    bible = universe / "universe.yaml"
    bible.write_text(bible.read_text() + "\n# a note in the bible\n")
    done = session.refresh()
    assert done.mode == "build" and "not an episode script" in done.reason
    _assert_as_from_nothing(session, universe, tmp_path, "b")

    # A new file.
    (universe / "notes.txt").write_text("ideas\n")
    assert session.refresh().mode == "build"


def test_a_bad_script_changes_nothing_until_fixed(universe: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    session = Session(universe, url)
    session.refresh()
    tables = canon_tables(url)
    findings = [f.to_json() for f in session.findings]
    script = _scripts(universe)[2]
    good = script.read_bytes()
    script.write_bytes(good + b"x" * (33 * 1024 * 1024))  # over the 32 MB limit
    with pytest.raises(InputError) as err:
        session.refresh()
    assert err.value.file == script.relative_to(universe).as_posix()
    assert canon_tables(url) == tables
    assert [f.to_json() for f in session.findings] == findings
    assert session.refresh().mode == "unchanged"  # nothing new to try...
    assert session.error is not None  # ...and the failure is not forgotten
    other = _scripts(universe)[4]
    _edit_speech(other, "reword")
    _touch(other)
    with pytest.raises(InputError):
        session.refresh()  # another edit: the bad script is read again, and still fails
    script.write_bytes(good)
    _touch(script)
    assert session.refresh().mode == "episodes"  # the other edit, now that this one is fixed
    assert session.error is None
    _assert_as_from_nothing(session, universe, tmp_path, "a")


def test_a_build_by_someone_else_is_not_patched_over(universe: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    session = Session(universe, url)
    session.refresh()
    script = _scripts(universe)[5]
    _edit_speech(script, "reword")
    _touch(script)
    build(universe, url)  # another process brought the store up to date first
    _edit_speech(script, "insert")
    _touch(script)
    assert session.refresh().mode == "episodes"
    _assert_as_from_nothing(session, universe, tmp_path, "a")


def test_the_store_inside_the_universe_is_not_an_input(universe: Path) -> None:
    session = Session(universe)  # the default store, in universe/.showbible
    session.refresh()
    assert not any(".showbible" in p for p in files_signature(universe))
    assert session.refresh().mode == "unchanged"


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(st.integers(0, 23), st.sampled_from(EDITS), st.integers(0, 10**6)),
        min_size=1,
        max_size=4,
    )
)
def test_any_series_of_edits_ends_as_a_build_from_nothing(
    pristine: Path, tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, str, int]]
) -> None:
    """Edits of every kind an episode can take, several in a row, each refreshed on its own:
    rewordings, moved lines, someone entering, a death, a secret learnt or revealed, a new
    story time, a flashback, the bible's presence overrides in a note."""
    tmp = tmp_path_factory.mktemp("edits")
    root = tmp / "u"
    shutil.copytree(pristine, root)
    session = Session(root, f"sqlite:///{tmp}/canon.sqlite")
    session.refresh()
    assert session.compiled is not None and session.compiled.collected is not None
    # The session keeps where the secrets' tells are said, which its patches then read.
    tells = confided_tells(session.compiled.canon.scenes)
    assert tells and session.compiled.collected.occurs.covers(tells)
    bible = session.compiled.universe.bible
    names = sorted(c.name or cid for cid, c in bible.characters.items() if not c.role)
    secrets = sorted(bible.secrets)
    scripts = _scripts(root)
    for which, kind, seed in edits:
        path = scripts[which % len(scripts)]
        lines = path.read_text().splitlines()
        at = seed % len(lines)
        name, secret = names[seed % len(names)], secrets[seed % len(secrets)]
        if kind == "reword":
            lines[at] += " Quite so."
        elif kind == "delete":
            del lines[at]
        else:
            lines.insert(at, added_line(kind, name, secret, seed))
        path.write_text("\n".join(lines) + "\n")
        _touch(path)
        with contextlib.suppress(InputError):
            session.refresh()
    _assert_as_from_nothing(session, root, tmp, "fresh")


def test_every_rule_says_what_it_reads() -> None:
    """A rule missing here would be re-checked only in the edited scenes: say what it reads."""
    from showbible.build.patch import READS, WHOLE
    from showbible.rules import INPUT_RULE_IDS, RULES

    # The input rules report the diagnostics, which every refresh works out again.
    assert set(RULES) == set(READS) | set(WHOLE) | INPUT_RULE_IDS
    assert not set(READS) & set(WHOLE)


def test_the_session_on_postgresql(
    universe: Path, tmp_path: Path, pg_pair: tuple[str, str]
) -> None:
    """The same patches through the same SQLAlchemy Core code, on a real PostgreSQL server."""
    mine, fresh = pg_pair
    session = Session(universe, mine)
    assert session.refresh().mode == "build"
    target = _with_evidence_elsewhere(session)
    _edit_speech(target, "insert")
    _touch(target)
    assert session.refresh().mode == "episodes"
    _assert_as_from_nothing(session, universe, tmp_path, "a", fresh)
    name = next(c.name for c in session.compiled.universe.bible.characters.values() if c.name)
    script = _scripts(universe)[6]
    script.write_text(script.read_text() + f"\n{name} walks in.\n\n[[dies: {name}]]\n")
    _touch(script)
    assert session.refresh().mode == "episodes"
    _assert_as_from_nothing(session, universe, tmp_path, "b", fresh)


def test_characters_coming_on_screen_and_going_off(tmp_path: Path) -> None:
    """The demo's two dangling references: Quarles steps on screen, Wendell is mentioned in an
    earlier episode, then both edits are undone."""
    root = tmp_path / "u"
    shutil.copytree(ROOT / "examples" / "sallowmouth", root, ignore=shutil.ignore_patterns(".*"))
    session = Session(root, f"sqlite:///{tmp_path}/canon.sqlite")
    session.refresh()

    def dangling() -> dict[str, str]:
        return {
            f.characters[0]: f.scene for f in session.findings if f.rule == "dangling-reference"
        }

    assert set(dangling()) == {"quarles", "wendell"}
    hw2, fm1 = root / "highwater" / "hw2.fountain", root / "ferryman" / "fm1.fountain"
    hw2_text, fm1_text = hw2.read_text(), fm1.read_text()
    hw2.write_text(hw2_text.replace("at the basin.", "at the basin. Alderman Quarles walks in."))
    fm1.write_text(fm1_text.replace("About evictions.", "About evictions. About Wendell."))
    _touch(hw2)
    _touch(fm1)
    assert session.refresh().mode == "episodes"
    assert "quarles" not in dangling() and dangling()["wendell"].startswith("ferryman:fm1")
    _assert_as_from_nothing(session, root, tmp_path, "a")
    hw2.write_text(hw2_text)
    fm1.write_text(fm1_text)
    _touch(hw2)
    _touch(fm1)
    assert session.refresh().mode == "episodes"
    assert set(dangling()) == {"quarles", "wendell"}
    _assert_as_from_nothing(session, root, tmp_path, "b")
