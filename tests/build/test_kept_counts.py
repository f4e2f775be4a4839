"""What the rules counted over the whole canon (rules.base.Context.kept) is brought up to date
by a patch, not counted again: ``capability`` counts, for each inferred incapacity, the scenes
that contradict it (three refute it). A resident session and a one-shot check patched after
each edit must report and store what a build from nothing does, while reading only the edited
episode's scenes for the characters whose incapacities stayed as they were."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from canon_tables import canon_tables
from showbible import build
from showbible.build import oneshot, snapshot
from showbible.build.session import Session
from showbible.rules import capability

UNIVERSE = """name: Kept counts
series:
  - id: s
    scripts: ["s/*.fountain"]
    episodes: {e1: {}, e2: {}, e3: {}, e4: {}, e5: {}}
characters:
  mara: {name: Mara, aliases: [MARA]}
  tobias: {name: Tobias, aliases: [TOBIAS]}
"""
SCRIPTS = {
    "e1": "INT. HARBOUR - DAY\n\nMara flails in the water, going under. She can't swim.\n\n"
    "TOBIAS\nHold on!\n",
    "e2": "INT. JETTY - DAY\n\nMara swims to the jetty.\n\nTOBIAS\nWell done.\n",
    "e3": "INT. BUOY - DAY\n\nMara swims out to the buoy.\n\nTOBIAS\nShow-off.\n",
    "e4": "INT. SHORE - DAY\n\nMara sits on the sand.\n\nMARA\nCold today.\n\n"
    "INT. SHORE - NIGHT\n\nTobias lights a fire.\n\nMARA\nWarmer.\n",
    "e5": "INT. PIER - DAY\n\nTobias fishes.\n\nMARA\nAnything?\n",
}
WHISTLES = SCRIPTS["e5"] + "\nTobias whistles a tune.\n"
SWIMS = SCRIPTS["e4"].replace("Mara sits on the sand.", "Mara swims back to shore.")
# (episode, its new text, capability errors a build from nothing then reports, whether the
# edit leaves every refutation as it was: capability then reads the edited episode's scenes
# alone, to count and to report)
EDITS = [
    ("e5", WHISTLES, 2, True),
    # A third contradiction: the story refutes the incapacity, no finding is left.
    ("e4", SWIMS, 0, False),
    ("e5", WHISTLES + "\nTobias yawns.\n", 0, True),
    # Taken back: the two contradictions are reported again.
    ("e4", SCRIPTS["e4"], 2, False),
    # A second incapacity for Mara, said in another episode: her counts start again.
    ("e5", WHISTLES + "\nMara's legs are paralysed from the waist down.\n", 2, False),
    ("e4", SWIMS, 0, False),
]


def _universe(root: Path) -> Path:
    (root / "s").mkdir(parents=True)
    (root / "universe.yaml").write_text(UNIVERSE)
    for name, text in SCRIPTS.items():
        (root / "s" / f"{name}.fountain").write_text(text)
    return root


def _write(root: Path, episode: str, text: str) -> None:
    path = root / "s" / f"{episode}.fountain"
    path.write_text(text)
    stat = path.stat()  # seen even on a filesystem with coarse modification times
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def _as_from_nothing(findings: list[object], url: str, root: Path, tmp: Path) -> int:
    """The number of capability errors, after checking findings and tables are a fresh
    build's (the facts table holds which inferred facts the rules refuted)."""
    fresh_url = f"sqlite:///{tmp}/fresh-{os.urandom(4).hex()}.sqlite"
    fresh = build(root, fresh_url, force=True)
    assert fresh.compiled is not None
    want = [f.to_json() for f in fresh.compiled.findings]
    assert [f.to_json() for f in findings] == want  # type: ignore[attr-defined]
    meta = ("universe_hash", snapshot.META_KEY)
    got, expected = canon_tables(url, meta), canon_tables(fresh_url, meta)
    for table in expected:
        assert got[table] == expected[table], table
    return sum(1 for f in fresh.compiled.findings if f.rule == "capability")


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The scenes capability reads for contradictions, in order."""
    seen: list[str] = []
    real = capability._contradictions

    def counting(ctx, scene, patterns):  # type: ignore[no-untyped-def]
        seen.append(scene.key)
        return real(ctx, scene, patterns)

    monkeypatch.setattr(capability, "_contradictions", counting)
    return seen


def test_a_resident_session_counts_only_the_edited_scenes(
    tmp_path: Path, scanned: list[str]
) -> None:
    root = _universe(tmp_path / "u")
    session = Session(root, f"sqlite:///{tmp_path}/canon.sqlite")
    session.refresh()
    assert _as_from_nothing(session.findings, session.url, root, tmp_path) == 2
    for episode, text, errors, local in EDITS:
        _write(root, episode, text)
        scanned.clear()
        assert session.refresh().mode == "episodes"
        read = {key.split("#")[0] for key in scanned}
        assert _as_from_nothing(session.findings, session.url, root, tmp_path) == errors
        assert read == {f"s:{episode}"} if local else len(read) == len(SCRIPTS)


def test_a_one_shot_check_starts_from_the_kept_counts(tmp_path: Path, scanned: list[str]) -> None:
    root = _universe(tmp_path / "u")
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    build(root, url)
    for episode, text, errors, local in EDITS:
        _write(root, episode, text)
        scanned.clear()
        done = oneshot.update(root, url)
        assert done.mode == "episodes", done.note
        assert done.result.compiled is not None
        read = {key.split("#")[0] for key in scanned}
        assert _as_from_nothing(done.result.compiled.findings, url, root, tmp_path) == errors
        assert read == {f"s:{episode}"} if local else len(read) == len(SCRIPTS)
