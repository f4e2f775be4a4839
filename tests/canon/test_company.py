"""Group entrances bring on a known company (canon/company.py): "Enter CADE and the rest" after
a scene Cade left with Dick and Smith brings them on; a king is not his earl's train."""

from __future__ import annotations

from pathlib import Path

from showbible.build.compiler import compile_universe
from showbible.universe.loader import load_universe

UNIVERSE = """name: Company
series:
  - {id: s, scripts: ["s/*.fountain"]}
"""

SCRIPT = """.ACT I. SCENE I. A HEATH.

!Enter CADE, DICK, and SMITH

CADE
We march.

DICK
We follow.

SMITH
And I.

!Exeunt

.ACT I. SCENE II. A STREET.

!Enter KING and EXETER

KING
Go, uncle.

EXETER
I go.

!Exeunt

.ACT I. SCENE III. LONDON.

!Enter CADE and the rest

CADE
Now strike.

.ACT I. SCENE IV. FRANCE.

!Enter EXETER and his train

EXETER
From the king.

.ACT I. SCENE V. A FIELD.

!Enter DICK

DICK
Alone at last.

!Exit

!Enter CADE with his company

CADE
Again.

.ACT I. SCENE VI. THE PALACE.

!Enter KING

KING
Where is my uncle?
"""


def present(tmp_path: Path) -> list[set[str]]:
    (tmp_path / "universe.yaml").write_text(UNIVERSE)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "e1.fountain").write_text(SCRIPT)
    canon = compile_universe(load_universe(tmp_path), rules=False).canon
    return [set(s.present) for s in canon.scenes]


def test_a_group_entrance_brings_on_the_leaders_followers(tmp_path: Path) -> None:
    scenes = present(tmp_path)
    assert scenes[2] == {"cade", "dick", "smith"}  # the rest: who left with Cade last time
    # The king left with Exeter, but is seen without him (scene VI): not his train.
    assert scenes[3] == {"exeter"}
    # Dick is already on and off again in this scene: the company comes from the last
    # scene Cade left; Dick, gone before Cade came, joins him anew.
    assert {"cade", "smith", "dick"} <= scenes[4]


def test_the_company_is_the_same_the_second_time(tmp_path: Path) -> None:
    from showbible.canon.company import add_company
    from showbible.canon.fold import build_canon  # noqa: F401  (the pass runs inside it)

    (tmp_path / "universe.yaml").write_text(UNIVERSE)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "e1.fountain").write_text(SCRIPT)
    canon = compile_universe(load_universe(tmp_path), rules=False).canon
    before = [dict(s.present) for s in canon.scenes]
    add_company(canon.scenes)
    assert [dict(s.present) for s in canon.scenes] == before
