"""Writing into a hand-written bible changes nothing but the added lines."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from showbible.model import InputError
from showbible.universe.edit import add_entry, add_to_entry, add_to_list, append_item, scalar

BIBLE = """\
# My show.  A comment that must survive.
name: Greyharbor
series:
  - id: greyharbor
    title: Greyharbor   # trailing comment
    scripts: ["greyharbor/*.fountain"]
characters:
  mara:   {name: Mara Voss, aliases: [MARA, Mara], performer: Jane Doe}
  hal:
    name: Prince Henry (Hal), later King Henry V, a name long enough that a dumper would wrap it
    aliases:
      - HAL
      - PRINCE HAL

  tobias: {name: Tobias Voss, aliases: [TOBIAS, "your uncle"]}
places:
  chapel: {name: Chapel on the Point}
events:
  - {at: "ep101#5", dies: tobias}
  # a comment between events
  - at: "ep101#6"
    destroyed: chapel

# the end
"""


def _changes(old: str, new: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(old.splitlines(), new.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def _load(text: str) -> object:
    return YAML(typ="safe", pure=True).load(text)


def test_block_additions_only_add_lines(tmp_path: Path) -> None:
    path = tmp_path / "universe.yaml"
    path.write_text(BIBLE)
    append_item(path, "events", {"at": "greyharbor:ep101#2", "dies": "hollis", "source": "x: 1"})
    add_to_entry(path, "characters", "hal", "performer", "Tom Hiddleston")
    add_to_list(path, "characters", "hal", "aliases", "PRINCE OF WALES")
    add_entry(path, "places", "boathouse", {"name": "Boathouse", "aliases": ["BOATHOUSE"]})
    removed, added = _changes(BIBLE, path.read_text())
    assert removed == []
    assert added == [
        "      - PRINCE OF WALES",
        "    performer: Tom Hiddleston",
        "  boathouse: {name: Boathouse, aliases: [BOATHOUSE]}",
        '  - {at: "greyharbor:ep101#2", dies: hollis, source: "x: 1"}',
    ]


def test_flow_entries_change_one_line(tmp_path: Path) -> None:
    path = tmp_path / "universe.yaml"
    path.write_text(BIBLE)
    add_to_list(path, "characters", "mara", "aliases", "MARA VOSS")
    add_to_entry(path, "characters", "tobias", "performer", "Sam O'Neil: Jr")
    removed, added = _changes(BIBLE, path.read_text())
    assert len(removed) == len(added) == 2
    assert (
        added[0]
        == "  mara:   {name: Mara Voss, aliases: [MARA, Mara, MARA VOSS], performer: Jane Doe}"
    )
    assert added[1].endswith(', performer: "Sam O\'Neil: Jr"}')


def test_new_sections_go_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "universe.yaml"
    path.write_text("name: T\nseries: []\n")
    append_item(path, "rejected_facts", "i1a2b3c")
    append_item(path, "events", {"at": "t:e1#1", "dies": "mara"})
    assert path.read_text() == (
        "name: T\nseries: []\nrejected_facts:\n  - i1a2b3c\nevents:\n"
        '  - {at: "t:e1#1", dies: mara}\n'
    )


def test_crlf_and_no_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "universe.yaml"
    path.write_bytes(b"name: T\r\nevents:\r\n  - {at: a, dies: b}")
    append_item(path, "events", {"at": "c", "dies": "d"})
    assert (
        path.read_bytes()
        == b"name: T\r\nevents:\r\n  - {at: a, dies: b}\r\n  - {at: c, dies: d}\r\n"
    )


def test_refuses_rather_than_rewriting(tmp_path: Path) -> None:
    path = tmp_path / "universe.yaml"
    path.write_text("characters:\n  mara: Mara Voss\n")
    with pytest.raises(InputError):
        add_to_entry(path, "characters", "mara", "performer", "Jane Doe")
    assert path.read_text() == "characters:\n  mara: Mara Voss\n"


@settings(max_examples=25, deadline=None)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85"),
        min_size=1,
        max_size=30,
    )
)
def test_any_value_reads_back(tmp_path_factory: pytest.TempPathFactory, value: str) -> None:
    """Whatever the value (quotes, colons, #, yes/no, numbers, unicode), the bible reads back
    as before plus exactly that value."""
    path = tmp_path_factory.mktemp("edit") / "universe.yaml"
    path.write_text(BIBLE)
    add_to_entry(path, "characters", "hal", "performer", value)
    append_item(path, "events", {"at": value, "dies": "mara"})
    data = _load(path.read_text())
    assert isinstance(data, dict)
    assert data["characters"]["hal"]["performer"] == value
    assert data["events"][-1] == {"at": value, "dies": "mara"}
    assert scalar(value)  # never empty
