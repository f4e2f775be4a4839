"""The one-shot path (build/oneshot.py): a fresh start from the store's canon, patched as a
resident session patches it, leaves the store row for row as a build from nothing, with that
build's findings; whatever it cannot patch is a whole build, with the reason said."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canon_tables import canon_tables
from script_edits import EDITS, added_line
from showbible import build, store
from showbible.build import caststate, oneshot, snapshot, statcache
from showbible.build.check import check
from showbible.canon.fold import met_rows, restore_encounters
from showbible.model import InputError
from showbible.reading.resolve import Cast

META = ("universe_hash", snapshot.META_KEY)


def _assert_as_from_nothing(done: oneshot.OneShot, root: Path, url: str, tmp: Path) -> None:
    fresh_url = f"sqlite:///{tmp}/fresh-{os.urandom(4).hex()}.sqlite"
    fresh = build(root, fresh_url, force=True)
    assert fresh.compiled is not None and done.result.compiled is not None
    want = [f.to_json() for f in fresh.compiled.findings]
    assert [f.to_json() for f in done.result.compiled.findings] == want
    got, expected = canon_tables(url, META), canon_tables(fresh_url, META)
    for table in expected:
        assert got[table] == expected[table], table
    # The snapshot the next one-shot starts from: the same findings and joined inferred facts.
    assert _snapshot_text(url) == _snapshot_text(fresh_url)


def _snapshot_text(url: str) -> str | None:
    st = store.Store(url)
    try:
        with st.read() as conn:
            return store.read_meta(conn, snapshot.META_KEY)
    finally:
        st.dispose()


def _scripts(root: Path) -> list[Path]:
    return sorted(root.rglob("*.fountain"))


def _speech_lines(lines: list[str]) -> list[int]:
    return [
        i + 1
        for i in range(len(lines) - 1)
        if re.fullmatch(r"[A-Z][A-Z .'-]+", lines[i].strip())
        and lines[i + 1].strip()
        and not lines[i + 1].isupper()
    ]


def _edit(path: Path, kind: str, name: str, secret: str, seed: int = 0) -> None:
    lines = path.read_text().splitlines()
    speeches = _speech_lines(lines)
    at = speeches[seed % len(speeches)] if kind in ("reword", "insert") else seed % len(lines)
    if kind == "reword":
        lines[at] += " Quite so."
    elif kind == "delete":
        del lines[at]
    elif kind == "insert":
        lines.insert(at + 1, added_line(kind, name, secret, seed))
    else:
        lines.insert(at, added_line(kind, name, secret, seed))
    path.write_text("\n".join(lines) + "\n")


def _names(root: Path, url: str) -> tuple[list[str], list[str]]:
    done = oneshot.update(root, url)
    assert done.result.compiled is not None
    bible = done.result.compiled.universe.bible
    names = sorted(c.name or cid for cid, c in bible.characters.items() if not c.role)
    return names, sorted(bible.secrets)


@pytest.mark.parametrize("kind", ["reword", "insert", "dies", "learns", "reveals", "story"])
def test_one_edit_is_patched_from_the_store(universe: Path, tmp_path: Path, kind: str) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    names, secrets = _names(universe, url)
    assert oneshot.update(universe, url).mode == "unchanged"
    script = _scripts(universe)[5]
    # Late in the scene, after its cues: the edit keeps the cast and the scenes.
    _edit(script, kind, names[3], secrets[0], seed=len(script.read_text().splitlines()) - 2)
    done = oneshot.update(universe, url)
    assert done.mode == "episodes", done.note
    assert done.result.compiled is not None and done.result.compiled.parsed == 1
    _assert_as_from_nothing(done, universe, url, tmp_path)


def test_two_scripts_at_once_and_check(universe: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(universe, url)
    for path in _scripts(universe)[:2]:
        _edit(path, "insert", "", "")
    result = check(universe, url)
    assert result.how.startswith("patched the edited episodes"), result.how
    assert result.build is not None and result.build.compiled is not None
    _assert_as_from_nothing(oneshot.OneShot(result.build, "episodes"), universe, url, tmp_path)


def test_a_fresh_process_patches_a_sqlite_store_without_sqlalchemy(
    universe: Path, tmp_path: Path
) -> None:
    # The store is read and written through sqlite3 (store/access.py): importing SQLAlchemy
    # Core was a quarter of a one-shot check's imports. Patched exactly as in-process.
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(universe, url)
    _edit(_scripts(universe)[4], "reword", "", "")
    code = (
        "import json, sys\n"
        "from showbible.build import oneshot\n"
        f"done = oneshot.update({str(universe)!r}, {url!r})\n"
        "print(json.dumps([done.mode, 'sqlalchemy' in sys.modules]))\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    mode, imported = json.loads(ran.stdout.strip().splitlines()[-1])
    assert mode == "episodes" and not imported, ran.stderr
    fresh_url = f"sqlite:///{tmp_path}/fresh.sqlite"
    fresh = build(universe, fresh_url, force=True)
    assert fresh.changed
    got, expected = canon_tables(url, META), canon_tables(fresh_url, META)
    for table in expected:
        assert got[table] == expected[table], table
    assert _snapshot_text(url) == _snapshot_text(fresh_url)


def test_what_cannot_be_patched_is_a_whole_build(universe: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    done = oneshot.update(universe, url)
    assert done.mode == "build" and "no canon yet" in done.note
    # A name the episode never cued: the cast may change.
    script = _scripts(universe)[3]
    script.write_text(script.read_text() + "\nZEBEDEE ANVERS\nI was here all along.\n")
    done = oneshot.update(universe, url)
    assert done.mode == "build" and "cues other names" in done.note
    _assert_as_from_nothing(done, universe, url, tmp_path)
    # The bible.
    bible = universe / "universe.yaml"
    bible.write_text(bible.read_text() + "\n# a note in the bible\n")
    _edit(_scripts(universe)[4], "reword", "", "")
    done = oneshot.update(universe, url)
    assert done.mode == "build" and "not of these files" in done.note
    _assert_as_from_nothing(done, universe, url, tmp_path)


@pytest.mark.parametrize(
    "text, why",
    [
        ('{"v":999,"u":"x","f":[]}', "format 999"),
        ("{not json", "damaged"),
        (None, "no snapshot"),
    ],
)
def test_a_snapshot_of_another_version_is_never_read(
    universe: Path, tmp_path: Path, text: str | None, why: str
) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(universe, url)
    st = store.Store(url)
    try:
        with st.write() as conn:
            if text is None:
                conn.execute(store.meta.delete().where(store.meta.c.key == snapshot.META_KEY))
            else:
                store.set_meta(conn, snapshot.META_KEY, text)
    finally:
        st.dispose()
    _edit(_scripts(universe)[2], "reword", "", "")
    done = oneshot.update(universe, url)
    assert done.mode == "build" and why in done.note, done.note
    _assert_as_from_nothing(done, universe, url, tmp_path)
    # The build wrote a snapshot of this version: the next edit is patched.
    _edit(_scripts(universe)[2], "insert", "", "")
    assert oneshot.update(universe, url).mode == "episodes"


def _rewrite_snapshot(url: str, change: Callable[[dict[str, Any]], None]) -> None:
    text = _snapshot_text(url)
    assert text is not None
    doc = json.loads(text)
    change(doc)
    st = store.Store(url)
    try:
        with st.write() as conn:
            store.set_meta(conn, snapshot.META_KEY, json.dumps(doc))
    finally:
        st.dispose()


def test_the_one_shot_puts_the_snapshots_cast_back(
    universe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    built = build(universe, url)
    assert built.compiled is not None
    state = built.compiled.extraction.cast_state
    assert state is not None and len(state["cues"]) > 10
    # Read back from JSON into a cast made from the bible, it is the state it was taken from.
    text = _snapshot_text(url)
    assert text is not None
    cast = Cast(built.compiled.universe.bible)
    restored = caststate.restore(cast, json.loads(text)["c"])
    assert restored is not None
    series_cues, digest, by_series = restored
    assert caststate.capture(cast, series_cues, digest, by_series) == state
    # A reword keeps every name: the one-shot puts the cast back without replaying a cue. A
    # speech moved first by a name the episode cues later changes its names list for list
    # (their order): the cast is still put back, and replayed once, for the snapshot a build
    # from nothing would write.
    replayed: list[object] = []
    replay = caststate.replay

    def counted(*args: Any) -> Any:
        replayed.append(args)
        return replay(*args)

    script = _scripts(universe)[5]
    for kind, replays in (("reword", 0), ("reorder", 1)):
        if kind == "reword":
            _edit(script, "reword", "", "")
        else:
            lines = script.read_text().splitlines()
            speeches = _speech_lines(lines)
            first, last = lines[speeches[0] - 1], lines[speeches[-1] - 1]
            assert first != last
            lines[speeches[0] - 1 : speeches[0] - 1] = [last, "First.", ""]
            script.write_text("\n".join(lines) + "\n")
        replayed.clear()
        with monkeypatch.context() as m:
            m.setattr(caststate, "replay", counted)
            done = oneshot.update(universe, url)
        assert done.mode == "episodes", done.note
        assert len(replayed) == replays, kind
        _assert_as_from_nothing(done, universe, url, tmp_path)


def test_an_old_snapshot_is_refused_with_a_note_and_still_right(
    universe: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(universe, url)

    def format_6(doc: dict[str, Any]) -> None:  # as the version before the crossings' leads
        doc["v"] = 6

    _rewrite_snapshot(url, format_6)
    _edit(_scripts(universe)[2], "reword", "", "")
    done = oneshot.update(universe, url)
    assert done.mode == "build" and "format 6, not 7" in done.note, done.note
    _assert_as_from_nothing(done, universe, url, tmp_path)


def test_a_cast_state_that_does_not_read_is_replayed(universe: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(universe, url)

    def renamed(doc: dict[str, Any]) -> None:  # no longer what the cached facts are keyed on
        doc["c"]["chars"][-1][1] += " the Second"

    _rewrite_snapshot(url, renamed)
    _edit(_scripts(universe)[2], "reword", "", "")
    done = oneshot.update(universe, url)
    assert done.mode == "episodes", done.note
    _assert_as_from_nothing(done, universe, url, tmp_path)


def test_the_snapshot_holds_the_canons_joined_inferred_facts(
    universe: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    done = build(universe, url)
    assert done.compiled is not None and done.compiled.collected is not None
    text = _snapshot_text(url)
    st = store.Store(url)
    try:
        with st.read() as conn:
            digest = store.read_meta(conn, "universe_hash")
    finally:
        st.dispose()
    assert digest is not None
    snap, why = snapshot.load(text, digest)
    assert snap is not None and snap.linked is not None, why
    want = done.compiled.collected.linked
    assert len(want) > 0  # the universe has inferred facts to join
    assert [(x, x.data) for x in snap.linked] == [(x, x.data) for x in want]
    # A snapshot written without them still gives its findings; the caller joins them again.
    bare, _why = snapshot.load(snapshot.dump(digest, done.compiled.findings, None), digest)
    assert bare is not None and bare.linked is None and len(bare.findings) == len(snap.findings)


def test_the_snapshot_holds_the_canons_meetings(universe: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    done = build(universe, url)
    assert done.compiled is not None
    canon = done.compiled.canon
    want = [(k, e.a, e.b, e.first_release.key, e.first_story.key, e.scenes)
            for k, e in canon.encounters.items()]  # fmt: skip
    assert len(want) > 1  # the universe has meetings to keep
    text = _snapshot_text(url)
    assert text is not None
    digest = json.loads(text)["u"]
    snap, why = snapshot.load(text, digest)
    assert snap is not None and snap.met is not None, why
    assert snap.met == met_rows(canon)
    # Put back into a canon of the same scenes, they are the meetings found, in their order,
    # each on that canon's own scene objects.
    canon.encounters = {}
    assert restore_encounters(canon, snap.met)
    got = [(k, e.a, e.b, e.first_release.key, e.first_story.key, e.scenes)
           for k, e in canon.encounters.items()]  # fmt: skip
    assert got == want
    assert all(e.first_release is canon.scene(e.first_release.key)
               for e in canon.encounters.values())  # fmt: skip
    # A row naming a scene the canon lacks is not this canon's: nothing is taken from them.
    before = dict(canon.encounters)
    assert not restore_encounters(canon, [*snap.met, ("a", "b", "no/such/scene", "x", 1)])
    assert canon.encounters == before


def test_a_bad_script_changes_nothing(universe: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(universe, url)
    tables = canon_tables(url, META)
    script = _scripts(universe)[2]
    script.write_bytes(script.read_bytes() + b"x" * (33 * 1024 * 1024))
    with pytest.raises(InputError):
        oneshot.update(universe, url)
    assert canon_tables(url, META) == tables


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(st.integers(0, 23), st.sampled_from(EDITS), st.integers(0, 10**6)),
        min_size=1,
        max_size=4,
    )
)
def test_any_series_of_one_shot_checks_ends_as_a_build_from_nothing(
    pristine: Path, tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, str, int]]
) -> None:
    """Each edit followed by a one-shot update in a fresh start from the store."""
    tmp = tmp_path_factory.mktemp("edits")
    root = tmp / "u"
    shutil.copytree(pristine, root)
    url = f"sqlite:///{tmp}/canon.sqlite"
    names, secrets = _names(root, url)
    scripts = _scripts(root)
    done = None
    for which, kind, seed in edits:
        path = scripts[which % len(scripts)]
        _edit(path, kind, names[seed % len(names)], secrets[seed % len(secrets)], seed)
        try:
            done = oneshot.update(root, url)
        except InputError:
            done = None
    if done is None:
        return  # the last script is bad: the store keeps its last good canon (tested above)
    _assert_as_from_nothing(done, root, url, tmp)


def test_one_shot_on_postgresql(universe: Path, pg_pair: tuple[str, str]) -> None:
    """The shared store of team mode: the snapshot read back from PostgreSQL's meta table."""
    mine, fresh_url = pg_pair
    build(universe, mine)
    _edit(_scripts(universe)[6], "insert", "", "")
    done = oneshot.update(universe, mine)
    assert done.mode == "episodes", done.note
    fresh = build(universe, fresh_url, force=True)
    assert fresh.compiled is not None and done.result.compiled is not None
    assert [f.to_json() for f in done.result.compiled.findings] == [
        f.to_json() for f in fresh.compiled.findings
    ]
    got, expected = canon_tables(mine, META), canon_tables(fresh_url, META)
    for table in expected:
        assert got[table] == expected[table], table


def _stat_cache(url: str) -> dict[str, object]:
    st = store.Store(url)
    try:
        with st.read() as conn:
            text = store.read_meta(conn, statcache.META_KEY)
    finally:
        st.dispose()
    return {} if text is None else dict(json.loads(text)["files"])


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    reader = statcache.read_script_bytes

    def counted(path: Path, rel: str, limit_mb: int = 32) -> bytes:
        read.append(rel)
        return reader(path, rel, limit_mb)

    monkeypatch.setattr(statcache, "read_script_bytes", counted)
    return read


def test_a_check_reads_only_the_scripts_whose_status_changed(
    universe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every file here was written a moment ago: taken as quiet at once, for the test.
    monkeypatch.setattr(statcache, "QUIET_NS", -(10**12))
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(universe, url)
    scripts = _scripts(universe)
    _edit(scripts[1], "reword", "", "")
    assert oneshot.update(universe, url).mode == "episodes"  # every script read, then kept
    assert len(_stat_cache(url)) == len(scripts)
    read = _counting_reads(monkeypatch)
    assert oneshot.update(universe, url).mode == "unchanged"
    assert read == []
    _edit(scripts[4], "reword", "", "")
    done = oneshot.update(universe, url)
    assert done.mode == "episodes", done.note
    assert read == [scripts[4].relative_to(universe).as_posix()]
    _assert_as_from_nothing(done, universe, url, tmp_path)
    # Other bytes of the same size under the same modification time: the change time moved.
    path = scripts[6]
    before = path.stat()
    text = path.read_text()
    path.write_text(text.replace("Quite", "Qxite") if "Quite" in text else text[:-2] + "!\n")
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    read.clear()
    done = oneshot.update(universe, url)
    assert read == [path.relative_to(universe).as_posix()]
    assert done.mode in ("episodes", "build"), done.note
    _assert_as_from_nothing(done, universe, url, tmp_path)


def test_a_script_changed_just_now_is_read_again_next_time(
    universe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(universe, url)
    script = _scripts(universe)[2]
    _edit(script, "reword", "", "")
    assert oneshot.update(universe, url).mode == "episodes"
    # Written less than QUIET_NS ago: a second write in the same clock tick would not show in
    # its status, so it is not kept, and the next check reads it again.
    assert script.relative_to(universe).as_posix() not in _stat_cache(url)
    read = _counting_reads(monkeypatch)
    assert oneshot.update(universe, url).mode == "unchanged"
    assert script.relative_to(universe).as_posix() in read
