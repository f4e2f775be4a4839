"""MiniZinc data files (.dzn) of talent scheduling instances: numScenes, numActors, ia, c, d.

Only what those files use: `name = value;` with integers, flat lists `[1,2]` and 2-d arrays
`[| 1,0 | 0,1 |]`. Other parameters (a fixed order `s`, ...) are read and ignored.
"""

from __future__ import annotations

import re
from pathlib import Path

from showbible.model import InputError
from showbible.quick import rx
from showbible.schedule.talent import TalentProblem

_ASSIGN = rx.compile(r"([A-Za-z_]\w*)\s*=\s*(.*?);", re.S)
_COMMENT = rx.compile(r"%[^\n]*")


def read_dzn(path: Path) -> TalentProblem:
    text = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    values: dict[str, str] = {}
    for match in _ASSIGN.finditer(text):
        values[match.group(1)] = match.group(2).strip()
    try:
        scenes = int(values["numScenes"])
        actors = int(values["numActors"])
        ia = _matrix(values["ia"])
        rates = _list(values["c"])
        durations = _list(values["d"])
    except KeyError as missing:
        raise InputError(f"{path}: no {missing.args[0]} in this talent scheduling file") from None
    except ValueError as bad:
        raise InputError(f"{path}: {bad}") from None
    if len(ia) != actors or any(len(row) != scenes for row in ia):
        raise InputError(f"{path}: ia is not numActors x numScenes ({actors} x {scenes})")
    if len(rates) != actors or len(durations) != scenes:
        raise InputError(f"{path}: c needs numActors values and d numScenes values")
    return TalentProblem.from_matrix(ia, rates, durations)


def _list(text: str) -> list[int]:
    inner = text.strip()
    if not (inner.startswith("[") and inner.endswith("]")):
        raise ValueError(f"expected a list, found {text[:30]!r}")
    return [int(x) for x in inner[1:-1].replace("|", " ").replace(",", " ").split()]


def _matrix(text: str) -> list[list[int]]:
    inner = text.strip()
    if not (inner.startswith("[|") and inner.endswith("|]")):
        raise ValueError(f"expected a 2-d array [| ... |], found {text[:30]!r}")
    rows = [r for r in inner[2:-2].split("|") if r.strip()]
    return [[int(x) for x in row.replace(",", " ").split()] for row in rows]
