"""A bible's ``relations:`` section: each entry is a relation event at its scene (see
docs/relationships.md), and a wrong one is refused at its own line."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible.build.compiler import build
from showbible.model import InputError

_BIBLE = """\
name: Harbour
series:
  - id: harbour
    scripts: ["harbour/*.fountain"]
characters:
  mara: {name: Mara Voss, aliases: [MARA, Mara]}
  tobias: {name: Tobias Reed, aliases: [TOBIAS, Tobias]}
relations:
{entry}
"""
_SCRIPT = "INT. DOCKS - NIGHT\n\nMara watches Tobias count the money.\n"


def _universe(tmp_path: Path, entry: str) -> Path:
    (tmp_path / "universe.yaml").write_text(_BIBLE.replace("{entry}", entry), encoding="utf-8")
    (tmp_path / "harbour").mkdir()
    (tmp_path / "harbour" / "h1.fountain").write_text(_SCRIPT, encoding="utf-8")
    return tmp_path


def test_a_listed_relation_is_canon(tmp_path: Path) -> None:
    root = _universe(
        tmp_path, '  - {from: mara, to: tobias, relation: distrusts, since: "harbour:h1#1"}'
    )
    result = build(root)
    assert result.compiled is not None
    held = [
        (e.event.subject, e.event.obj, e.event.data["kind"], e.event.data["mutual"])
        for e in result.compiled.fold.relations
    ]
    assert held == [("mara", "tobias", "distrusts", False)]  # a directed kind runs one way


@pytest.mark.parametrize(
    ("entry", "needle"),
    [
        ('  - {a: mara, b: tobais, kind: distrusts, at: "harbour:h1#1"}', "unknown character"),
        ('  - {a: mara, b: tobias, kind: frenemies, at: "harbour:h1#1"}', "relationship kind"),
        ('  - {a: mara, b: tobias, kind: distrusts, at: "harbour:h9"}', "h9"),
    ],
)
def test_a_wrong_entry_is_refused_at_its_line(tmp_path: Path, entry: str, needle: str) -> None:
    root = _universe(tmp_path, entry)
    with pytest.raises(InputError) as info:
        build(root)
    assert needle in str(info.value)
    assert info.value.file == "universe.yaml" and info.value.line == 9
