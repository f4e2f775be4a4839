"""A title created anew: the one who held it before is somebody else.

``YORK`` speaks once in Henry V and throughout 1, 2 and 3 Henry VI, always with the same court,
which is the evidence a fan would otherwise accept (reading/crossing.py). But in 1 Henry VI the
king says to Richard Plantagenet "rise created princely Duke of York", and only after that does
anyone speak as YORK there: the title was made anew for someone who did not hold it, so the
YORK of a play before (the one who falls at Agincourt) is not him.

- *A creation*: a speech that says a rank of the label is created ("create thee Duke of
  Gloucester", "rise created princely Duke of York", "we here create thee the first duke of
  Suffolk"), the verb at most a few words before the title.
- *Anew*: the label's character is not present in that series before the creation (the line
  of its first presence comes after the speech). A holder raised in rank (the Earl of Suffolk
  made the first Duke of Suffolk) speaks before his creation, and stays one person.
- *Titles only*, as for deaths and silences (canon/succession.py): the label is itself a
  title the scripts use.

The series of the label's group from the creation on hold the new holder; those the order of
the series (canon/tenure.py ``closed_order``) puts before it hold the old one; a series of
unknown order goes with the side it shares more company with, and stands alone on a tie.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from showbible.canon.tenure import Order, across
from showbible.reading.crossing import Crossing
from showbible.reading.facts import SceneFacts

# Ranks that name a title by a place or house: "Duke of X", "Archbishop of X"; and the peers
# also named by the title alone: "Lord Clifford", "Earl Rivers".
RANKS_OF = (
    "duke|duchess|earl|countess|count|marquess|marquis|baron|baroness|archbishop|bishop|"
    "lord|lady|king|queen|prince|princess|thane|viscount"
)
PEERS = "duke|duchess|earl|countess|count|marquess|marquis|baron|baroness|lord|thane|viscount"

Where = tuple[int, int, str]  # (scene position in its series, line, file:line)


def created(labels: Iterable[str], scenes: Iterable[SceneFacts]) -> dict[tuple[str, str], Where]:
    """(label, series) -> where a speech first creates a rank of that label in that series."""
    wanted = sorted({label.upper() for label in labels}, key=len, reverse=True)
    if not wanted:
        return {}
    names = "|".join(r"\s+".join(map(re.escape, w.split())) for w in wanted)
    rx = re.compile(
        rf"\bcreat(?:e|ed|es|ing)\b(?:\s+[\w'’]+){{0,4}}?\s+(?:{RANKS_OF})\s+of\s+"
        rf"(?:the\s+)?({names})(?![\w'’])",
        re.IGNORECASE,
    )
    out: dict[tuple[str, str], Where] = {}
    positions: Counter[str] = Counter()
    for scene in scenes:
        pos = positions[scene.series]
        positions[scene.series] += 1
        for sp in scene.dialogue:
            if "creat" not in sp.text.lower():
                continue  # most speeches: no regular expression to run
            for m in rx.finditer(" ".join(sp.text.split())):
                key = (" ".join(m.group(1).upper().split()), scene.series)
                out.setdefault(key, (pos, sp.line, f"{scene.file}:{sp.line}"))
    return out


def first_seen(ids: Iterable[str], scenes: Iterable[SceneFacts]) -> dict[tuple[str, str], Where]:
    """(id, series) -> where the character is first present in that series."""
    wanted = set(ids)
    out: dict[tuple[str, str], Where] = {}
    positions: Counter[str] = Counter()
    for scene in scenes:
        pos = positions[scene.series]
        positions[scene.series] += 1
        for cid in wanted & scene.present.keys():
            line = scene.present[cid].line
            out.setdefault((cid, scene.series), (pos, line, f"{scene.file}:{line}"))
    return out


def creation_cuts(
    crossing: Crossing,
    id_in: Mapping[str, str],
    before: Order,
    creations: Mapping[tuple[str, str], Where],
    seen: Mapping[tuple[str, str], Where],
) -> dict[tuple[str, str], str]:
    """The asserted pairs of the crossing that a creation of its title contradicts, with why."""
    cut: dict[tuple[str, str], str] = {}
    asserted = {ev.series: ev for ev in crossing.pairs if ev.asserted}
    label = crossing.label.upper()
    for group in crossing.groups:
        for new in group:
            made = creations.get((label, new))
            first = seen.get((id_in[new], new))
            if made is None or first is None or first[:2] <= made[:2]:
                continue  # no creation there, or the holder was there before it (raised)
            side: dict[str, bool] = {new: True}
            for s in group:
                if (new, s) in before:
                    side[s] = True
                elif (s, new) in before:
                    side[s] = False
            if False not in side.values():
                continue  # nobody known to hold it before
            for p, q in across(group, side, asserted, cut):
                old = q if side[p] else p
                cut[(p, q)] = (
                    f"{crossing.label} is created anew in {new} ({made[2]}) before it is first "
                    f"there ({first[2]}), and {old} "
                    + ("comes before it" if (old, new) in before else "shares more with those")
                    + ": the title had another holder"
                )
    return cut
