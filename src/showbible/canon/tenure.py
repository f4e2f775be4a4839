"""A title silent through the series between: the holder it names has changed.

``CLARENCE`` speaks in 2 Henry IV and again in 3 Henry VI, and meets the same court in both
(GLOUCESTER, WARWICK, WESTMORELAND...), which is the evidence a fan would otherwise accept
(reading/crossing.py). But Henry V, 1 Henry VI and 2 Henry VI come between the two (their
order is read from the deaths, canon/succession.py), and that court goes on speaking in them
while CLARENCE never does: a generation passes, and the title comes back with someone else.
A careful reader who has seen the Duke of Clarence vanish from a court that carried on for
three plays does not take the one of 3 Henry VI for him.

- *Between*: series M comes between A and B when the order the deaths give (each pair by the
  majority of its witnesses, or the declared release order) puts A before M and M before B,
  directly or through other series (the order is closed transitively: 2 Henry IV before 2
  Henry VI before 3 Henry VI).
- *Silent*: the label's character is not present in M at all (a speech, an entrance).
- *The court goes on*: at least ``COURT`` of the characters present in an episode with it in
  A (the engine's ids, walk-on roles left out: the company the crossing was asserted on) are
  present in M. A series with fewer of its company is another story (a spin-off, a different
  cast), whose silence says nothing.
- *The last word*: no series of the label's own comes between A and M; the silence follows
  the last series it speaks in (EXETER of Henry V speaks again in 1 Henry VI, so the silence of
  2 Henry VI parts 1 Henry VI from 3 Henry VI, and Henry V goes with 1 Henry VI).
- *Titles only*, as for deaths: a label the scripts use as a title (canon/succession.py
  ``_titles``). A name does not pass on: a character absent for a film or two is the usual
  case, and the same person.

The series of the label's group are then split as a death splits them: those after the
silence hold somebody else, the one before it (and those before that) the one who fell silent;
a series of unknown order goes with the side it shares more company with, and stands alone on
a tie. COURT = 2 is the least that is more than one coincidence. On the plays 1 makes the same
cuts and 3 loses those of 2 Henry IV: of its court only GLOUCESTER and WARWICK go on in 2 Henry
VI (and WARWICK there is himself a merge the cues could not undo).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping

from showbible.reading.crossing import Crossing, PairEvidence
from showbible.reading.facts import SceneFacts

COURT = 2  # the label's company in A who must be present in a series M between A and B

Order = set[tuple[str, str]]  # (p, q): series p comes before series q


def closed_order(series: Collection[str], order: Callable[[str, str], int]) -> Order:
    """Every (p, q) with p before q: the pairs ``order`` ranks (1: before, -1: after), closed
    transitively. A pair the witnesses rank both ways through other series is left unranked."""
    before: Order = set()
    for p, q in itertools.combinations(sorted(series), 2):
        sign = order(p, q)
        if sign > 0:
            before.add((p, q))
        elif sign < 0:
            before.add((q, p))
    changed = True
    while changed:
        changed = False
        for (p, m), (m2, q) in itertools.product(list(before), list(before)):
            if m == m2 and p != q and (p, q) not in before:
                before.add((p, q))
                changed = True
    return {(p, q) for p, q in before if (q, p) not in before}


def companies(
    ids: Collection[str], scenes: Iterable[SceneFacts], is_role: Callable[[str], bool]
) -> dict[tuple[str, str], set[str]]:
    """(id, series) -> the characters present in an episode with it there, roles left out:
    the company the cues judged the crossing by (reading/crossing.py reads episodes too)."""
    cast: dict[tuple[str, str], set[str]] = defaultdict(set)
    for scene in scenes:
        cast[(scene.series, scene.episode)].update(scene.present)
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (series, _episode), here in cast.items():
        mine = here.intersection(ids)
        if not mine:
            continue
        others = {c for c in here if not is_role(c)}
        for cid in mine:
            out[(cid, series)] |= others - {cid}
    return out


def silences(
    cid: str,
    group: list[str],
    before: Order,
    present_in: Mapping[str, Collection[str]],
    company: Mapping[tuple[str, str], set[str]],
) -> dict[str, dict[str, list[str]]]:
    """For each series A of the group: the series B of the group after a silence that
    follows A, each with the series between A and B where the label's character is silent
    while COURT or more of its company in A are present there (and where no series of the
    group comes between A and it: the silence follows the last series the label speaks in)."""
    out: dict[str, dict[str, list[str]]] = {}
    for a in group:
        mine = company.get((cid, a), set())
        if len(mine) < COURT:
            continue
        later: dict[str, list[str]] = defaultdict(list)
        for m in sorted(present_in):
            if (
                (a, m) not in before
                or cid in present_in[m]
                or len(mine & set(present_in[m])) < COURT
                # A silence follows the last series the label speaks in before it.
                or any((a, g) in before and (g, m) in before for g in group)
            ):
                continue
            for b in group:
                if (m, b) in before:
                    later[b].append(m)
        if later:
            out[a] = dict(later)
    return out


def gap_cuts(
    crossing: Crossing,
    id_in: Mapping[str, str],
    before: Order,
    present_in: Mapping[str, Collection[str]],
    company: Mapping[tuple[str, str], set[str]],
    name: Callable[[str], str],
) -> dict[tuple[str, str], str]:
    """The asserted pairs of the crossing that a silence contradicts, each with why.
    ``id_in``: the label's id in each of its series."""
    cut: dict[tuple[str, str], str] = {}
    asserted = {ev.series: ev for ev in crossing.pairs if ev.asserted}
    for group in crossing.groups:
        if len(group) < 2:
            continue
        cid = id_in[group[0]]
        for a, later in silences(cid, group, before, present_in, company).items():
            side: dict[str, bool] = {a: False}
            for b in group:
                if b in later:
                    side[b] = True
                elif b != a and (b, a) in before:
                    side[b] = False
            for p, q in across(group, side, asserted, cut):
                after = p if side[p] else q
                quiet = later.get(after)
                if quiet is None:
                    why = (
                        f"{crossing.label} falls silent after {a}, and {after} shares more "
                        f"company with the series after the silence: {', '.join(later)}"
                    )
                else:
                    court = sorted(company.get((cid, a), set()) & _all(present_in, quiet))
                    who = ", ".join(name(c) for c in court[:3])
                    why = (
                        f"{crossing.label} speaks in none of {', '.join(quiet)}, between {a} "
                        f"and {after}, though its company in {a} ({who}) goes on there: a "
                        "title that passed to somebody else"
                    )
                cut[(p, q)] = why
    return cut


def _all(present_in: Mapping[str, Collection[str]], series: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for sid in series:
        out |= set(present_in[sid])
    return out


def across(
    group: Iterable[str],
    side: dict[str, bool],
    asserted: Mapping[tuple[str, str], PairEvidence],
    cut: Collection[tuple[str, str]],
) -> list[tuple[str, str]]:
    """The asserted pairs not yet cut whose two series lie on either side of a change of
    holder, once each series of the group of unknown side is put on the side it shares more
    with (``side`` is filled in)."""
    for u in group:
        if u not in side:
            joined = nearer(u, side, asserted)
            if joined is not None:
                side[u] = joined
    return [
        (p, q)
        for p, q in asserted
        if (p, q) not in cut and p in side and q in side and side[p] != side[q]
    ]


def nearer(
    u: str, side: dict[str, bool], asserted: Mapping[tuple[str, str], PairEvidence]
) -> bool | None:
    """The side a series of unknown order shares more company with (its asserted pair with
    the larger company, then support), or None on a tie."""
    best: dict[bool, tuple[int, int]] = {}
    for (a, b), ev in asserted.items():
        other = b if a == u else a if b == u else None
        if other is None or other not in side:
            continue
        score = (len(ev.company), len(ev.support))
        best[side[other]] = max(best.get(side[other], (-1, -1)), score)
    if len(best) == 1:
        return next(iter(best))
    if len(best) == 2 and best[True] != best[False]:
        return best[True] > best[False]
    return None
