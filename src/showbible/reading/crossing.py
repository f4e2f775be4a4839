"""Crossovers on evidence: is a label cued in two series one character, or two who share a name?

Without a bible, the same cue label in two series is asserted as one character only on evidence
a careful fan would accept (DESIGN §3); otherwise it is a *possible* crossover and each series
keeps a provisional character of its own until the bible settles it. The evidence is read from
the cues alone (which labels speak in which episodes), so it is known before any action line is
searched and every later stage sees one settled cast.

For a label L shared by series A and B (a pair; a label in three series is decided pair by
pair and the asserted pairs joined):

- *company*: the characters who speak in an episode with L in A **and** in an episode with L
  in B, less the main cast of both (cued in half the episodes of each long series: they are
  with everyone). Only company that is itself known to be the same person in A and B counts:
  a bible character, or a label already asserted for the pair. Coincidences support nothing:
  two unrelated sitcoms share JACK and RACHEL, but neither is known to cross. The main cast of
  both is no evidence for a common name (everyone meets them), but when that main cast is
  itself one person in both (the series are one franchise: Steven of Steven Universe and of
  its Future), a *distinctive* name that speaks with them in both is the franchise's guest
  coming back (AQUAMARINE, SUNSTONE), not a namesake; it counts as one supporter.
- *recurrence*: L speaks in two or more episodes of each series; a series of fewer episodes
  (a one-off crossover special) cannot show more than speaking in all of them, which counts
  when the other series shows real recurrence.
- *distinctiveness*: a single word that is a common English word or name (JACK, COLLINS,
  DATA, from ``lexicon/common.txt``) is not distinctive; a rarer one (WORF, FALSTAFF) or a
  full name of two or more words (PEGGY CARTER) is; so is a one-letter name (Q).

A distinctive label is asserted with one supporter (two when it speaks in just one episode of
each of two long series: a guest of both, whom one of the franchise's hubs may meet twice by
chance: FINCH of Doctor Who, beside Sarah Jane in 1974 and in 2006), when it meets another
distinctive shared label in both series (two rare names together twice are no chance), or
when it recurs in both with the main cast of both (a rare name that
recurs in two series among namesakes only is two people: ESTELLE of Seinfeld and of Friends,
with a JOEY and a RACHEL in each); a common one needs two supporters and recurrence, or three
supporters. Support grows from the bible's characters and those distinctive labels; asserted
labels then support others until nothing changes (a least fixed point, so a ring of
coincidences that only support each other never starts). Walk-on labels (``lexicon.walk_on``)
never cross and support nothing, but for one kind the evidence decides: a position word after a
modifier the lexicon does not know (ICE KING, PEPPERMINT BUTLER) is one person when it recurs
with the same company outside the main cast (``_one_person``), and is then a common name.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from showbible.reading.lexicon import MODIFIED_POSITION, SOLE_POSITION

RECUR = 2  # episodes in each series for a label to recur there
# A character cued in at least this share of a long series' episodes (the main cast) is with
# everyone there: meeting them in both series is no evidence.
UBIQUITOUS_SHARE = 0.5
UBIQUITOUS_MIN_EPISODES = 10
SUPPORT_DISTINCT = 1
SUPPORT_GUEST = 2  # a distinctive label in one episode of each of two long series
SUPPORT_COMMON_RECURRING = 2
SUPPORT_COMMON = 3
# A label that reads as a role (ICE KING, PEPPERMINT BUTLER) is one person when it speaks in
# this many episodes and in most (PERSON_SHARE) of them with someone outside the main cast who
# shares a quarter (PERSON_COMPANY) of them.
PERSON_EPISODES = 3
PERSON_COMPANY = 0.25
PERSON_SHARE = 0.5
# The main cast of both series is evidence only when it is an ensemble: two people or more who
# are somebody in both. One lead who is in every episode (THE DOCTOR of both runs of a show)
# meets every guest, so meeting them says nothing of who the guest is (two Osgoods, 42 years
# apart, the Cassandra of Troy and the Lady Cassandra).
ENSEMBLE = 2


@dataclass
class PairEvidence:
    """What speaks for and against one label being one person in two series."""

    series: tuple[str, str]
    episodes: tuple[int, int]
    company: list[str]  # ids with the label in both series
    support: list[str]  # those known to be the same person in both
    asserted: bool = False
    lengths: tuple[int, int] = (RECUR, RECUR)  # episodes of each series
    # Why the scripts' own text took an asserted pair apart (canon/succession.py), or None.
    refuted: str | None = None
    # The same full name in both series' introductions (canon/fullnames.py), or None.
    named: str | None = None
    # Company that is the main cast of both series: support for a distinctive label only.
    main: list[str] = field(default_factory=list)
    # The label itself is cued in half the episodes of both (a lead named by a role).
    lead: bool = False
    # Company that is a shared label itself (cued in both series, no walk-on), asserted or not.
    beside: list[str] = field(default_factory=list)

    @property
    def guest_in_both(self) -> bool:
        """Whether the label speaks in one episode of each series, both of them long: a guest
        of each, whose one supporter may be a coincidence of the franchise's hubs (Doctor
        Who's FINCH: a general of 1974 and a headmaster of 2006, each beside Sarah Jane, who
        meets the guests of twenty serials)."""
        return all(
            n == 1 and total >= UBIQUITOUS_MIN_EPISODES
            for n, total in zip(self.episodes, self.lengths, strict=True)
        )

    @property
    def recurs(self) -> bool:
        """Whether the label recurs in both series as far as each can show it, and really
        recurs in at least one (two one-off films show no recurrence at all)."""
        return max(self.episodes) >= RECUR and all(
            n >= min(RECUR, total) for n, total in zip(self.episodes, self.lengths, strict=True)
        )

    def reasons(self, label: str, distinctive: bool, names: Callable[[str], str]) -> Row:
        a, b = self.series
        ea, eb = self.episodes
        pro: list[str] = []
        con: list[str] = []
        if self.recurs:
            pro.append(f"speaks in {ea} episode(s) of {a} and {eb} of {b}")
        else:
            for sid, n in ((a, ea), (b, eb)):
                if n < RECUR:
                    con.append(f"speaks in only {n} episode(s) of {sid}")
        if self.support:
            who = ", ".join(names(c) for c in self.support[:5])
            pro.append(f"shares episodes in both series with {who}, who cross(es) too")
            if set(self.support) <= set(self.main):
                pro[-1] += " (the main cast of both)"
        elif self.company:
            who = ", ".join(names(c) for c in self.company[:5])
            con.append(f"shares episodes in both only with {who}, not known to cross")
        else:
            con.append(f"no one who speaks with {label} in {a} does so in {b}")
        if self.named:
            pro.append(self.named)
        if self.lead:
            pro.append(f"{label} speaks in half the episodes of both or more: the lead of both")
        (pro if distinctive else con).append(
            f"{label} is a distinctive name" if distinctive else f"{label} is a common name"
        )
        if self.refuted:
            con.append(self.refuted)
        return {"for": pro, "against": con}


Row = dict[str, list[str]]


@dataclass
class Crossing:
    """The decision on one label cued in several series."""

    character: str  # the provisional id the label resolved to before settling
    label: str
    series: list[str]  # in universe order
    walk_on: str | None  # why it is a walk-on (never crosses), or None
    distinctive: bool
    groups: list[list[str]] = field(default_factory=list)  # series that are one person
    pairs: list[PairEvidence] = field(default_factory=list)
    lead: bool = False  # a role word that is the lead of two series or more (SOLE_POSITION)

    @property
    def settled(self) -> bool:
        """Whether the evidence made one character of it everywhere."""
        return self.walk_on is None and len(self.groups) == 1


def settle(
    episodes: Sequence[tuple[str, Collection[str]]],
    candidates: dict[str, str],
    anchors: Collection[str],
    series_order: Sequence[str],
    walk_on: Callable[[str], str | None],
    distinctive: Callable[[str], bool],
) -> dict[str, Crossing]:
    """Decide every candidate. ``episodes``: (series, ids cued in one episode) for every
    episode; ``candidates``: provisional id -> its label, for the labels cued in two or more
    series; ``anchors``: ids that are one person wherever they appear (the bible's)."""
    order = {sid: i for i, sid in enumerate(series_order)}
    where: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    length: dict[str, int] = defaultdict(int)
    cued: dict[tuple[str, str], int] = defaultdict(int)
    for n, (sid, ids) in enumerate(episodes):
        length[sid] += 1
        for cid in ids:
            cued[(cid, sid)] += 1
            if cid in candidates:
                where[cid][sid].append(n)

    def everywhere(cid: str, sid: str) -> bool:
        return length[sid] >= UBIQUITOUS_MIN_EPISODES and (
            cued[(cid, sid)] >= UBIQUITOUS_SHARE * length[sid]
        )

    main = {cid for cid, sid in cued if everywhere(cid, sid)}
    out: dict[str, Crossing] = {}
    pairs: dict[tuple[str, str, str], PairEvidence] = {}
    for cid, label in candidates.items():
        series = sorted(where.get(cid, {}), key=lambda s: order.get(s, len(order)))
        why = walk_on(label)
        crossing = Crossing(cid, label, series, why, distinctive(label))
        # With a bible, its writers have named their people: a label it leaves out that reads
        # as a role (the twenty-eighth blind look's BUS CONDUCTOR of the Darrowby bus, cued in
        # both series among the same villagers) stays a role.
        if (
            why == MODIFIED_POSITION
            and not anchors
            and _one_person(cid, where[cid], episodes, main)
        ):
            # ICE KING, PEPPERMINT BUTLER: one person by the scripts' evidence, but a label
            # that reads as a description is never distinctive on its own.
            crossing.walk_on = why = None
            crossing.distinctive = False
        elif why == SOLE_POSITION and sum(everywhere(cid, sid) for sid in series) >= 2:
            # THE DOCTOR, cued in every episode of both runs of a show: a role word, but the
            # lead of both, one person; where it is a guest it needs the support a common name
            # needs.
            crossing.walk_on = why = None
            crossing.distinctive = False
            crossing.lead = True
        out[cid] = crossing
        if why is not None or len(series) < 2:
            continue
        company = {
            sid: set().union(*(episodes[n][1] for n in where[cid][sid])) - {cid} for sid in series
        }
        for a, b in itertools.combinations(series, 2):
            shared = company[a] & company[b]
            main_both = {y for y in shared if everywhere(y, a) and everywhere(y, b)}
            ev = PairEvidence(
                (a, b),
                (len(where[cid][a]), len(where[cid][b])),
                sorted(shared - main_both),
                [],
                lengths=(length[a], length[b]),
                main=sorted(main_both),
                lead=crossing.lead and everywhere(cid, a) and everywhere(cid, b),
            )
            crossing.pairs.append(ev)
            pairs[(cid, a, b)] = ev
    for (_cid, a, b), ev in pairs.items():
        ev.beside = [y for y in ev.company if (y, a, b) in pairs and out[y].walk_on is None]
    _assert_pairs(out, pairs, set(anchors))
    for crossing in out.values():
        crossing.groups = groups_of(crossing)
    return out


def _one_person(
    cid: str,
    where: Mapping[str, list[int]],
    episodes: Sequence[tuple[str, Collection[str]]],
    main: Collection[str],
) -> bool:
    """Whether a label that reads as a role (a modifier before a position word) is one person by
    the scripts' evidence: it speaks in ``PERSON_EPISODES`` episodes or more, and in most of
    them with company that recurs with it (someone outside the main cast who shares a quarter
    of its episodes, two at least). A role speaks in unrelated episodes with disjoint company;
    the main cast, with everyone, is no company."""
    mine = [n for ns in where.values() for n in ns]
    if len(mine) < PERSON_EPISODES:
        return False
    seen: dict[str, int] = defaultdict(int)
    for n in mine:
        for y in episodes[n][1]:
            if y != cid and y not in main:
                seen[y] += 1
    recurring = {y for y, k in seen.items() if k >= max(RECUR, PERSON_COMPANY * len(mine))}
    with_them = sum(1 for n in mine if not recurring.isdisjoint(episodes[n][1]))
    return with_them >= PERSON_SHARE * len(mine)


def _assert_pairs(
    out: dict[str, Crossing],
    pairs: dict[tuple[str, str, str], PairEvidence],
    anchors: set[str],
) -> None:
    def person(y: str) -> bool:
        # A main speaker of both series who is somebody: the bible's, or a label that is no
        # walk-on. THE DOCTOR of every episode of both runs of a show is a role by its word
        # until the evidence says otherwise: no company it keeps is evidence.
        return y in anchors or (y in out and out[y].walk_on is None)

    def ensemble(ev: PairEvidence) -> list[str]:
        main = [y for y in ev.main if person(y)]
        return main if len(main) >= ENSEMBLE else []

    def support(cid: str, a: str, b: str) -> list[str]:
        ev = pairs[(cid, a, b)]
        known = [*ev.company, *ensemble(ev)] if out[cid].distinctive else ev.company
        return [
            y for y in known if y in anchors or ((y, a, b) in pairs and pairs[(y, a, b)].asserted)
        ]

    # Seeds: distinctive labels that recur in both series with the main cast of both, or that
    # meet another distinctive shared label (not a walk-on) in both. Recurring among namesakes
    # only is two people who share a rare name: ESTELLE, George's mother in Seinfeld and Joey's
    # agent in Friends, recurs in both with a JOEY and a RACHEL of each, who are no one person.
    for (cid, a, b), ev in pairs.items():
        if ev.lead:
            ev.asserted = True
            continue
        if not out[cid].distinctive:
            continue
        recur = ev.recurs and bool(ensemble(ev))
        # Two rare names together in both series are no coincidence, guests or not; a bible
        # character met is one supporter, as a crossing label is (two for a guest of both).
        rare = any(
            (y, a, b) in pairs and out[y].distinctive and out[y].walk_on is None for y in ev.company
        )
        ev.asserted = recur or rare or _enough(True, ev, set(ev.company) & anchors)
    changed = True
    while changed:
        changed = False
        for (cid, a, b), ev in pairs.items():
            sup = support(cid, a, b)
            ev.support = sup
            if ev.asserted:
                continue
            if _enough(out[cid].distinctive, ev, sup):
                ev.asserted = changed = True
    for (cid, a, b), ev in pairs.items():
        ev.support = support(cid, a, b)


def _enough(distinctive: bool, ev: PairEvidence, supporters: Collection[str]) -> bool:
    """Whether this many supporters assert a pair: one for a distinctive label, two and
    recurrence or three for a common one. A distinctive guest of both series needs two, or one
    and another label the two series share beside it in both (Adventure Time's SHERMY, met
    with Simon, who crosses, and with BETH, cued in both, in the far future of both series)."""
    n = len(supporters)
    if distinctive and ev.guest_in_both:
        return n >= SUPPORT_GUEST or (
            n >= SUPPORT_DISTINCT and any(y not in supporters for y in ev.beside)
        )
    if distinctive:
        return n >= SUPPORT_DISTINCT
    return (ev.recurs and n >= SUPPORT_COMMON_RECURRING) or n >= SUPPORT_COMMON


def groups_of(crossing: Crossing) -> list[list[str]]:
    """The series joined by asserted pairs (union-find), each group in universe order."""
    parent = {sid: sid for sid in crossing.series}

    def find(s: str) -> str:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    if crossing.walk_on is None:
        for ev in crossing.pairs:
            if ev.asserted:
                parent[find(ev.series[1])] = find(ev.series[0])
    groups: dict[str, list[str]] = defaultdict(list)
    for sid in crossing.series:
        groups[find(sid)].append(sid)
    return list(groups.values())


def erode(crossings: Mapping[str, Crossing]) -> dict[str, dict[tuple[str, str], str]]:
    """The asserted pairs of common names that lose the support they were asserted on, once
    pairs of their supporters were taken apart after settling (canon/succession.py: a death, two
    surnames, a title created anew or silent through the series between), each marked refuted
    with why; to a fixed point, since a pair that falls takes its support from others. A pair
    falls when what is left would not have asserted it (``_assert_pairs``' rule): BUCKINGHAM of
    2 Henry VI and of Richard III was one person on the word of GLOUCESTER alone, who dies in 2
    Henry VI. A distinctive name that met another distinctive label in both series was
    asserted on that alone, and stands; support from the bible never fails."""
    out: dict[str, dict[tuple[str, str], str]] = {}
    changed = True
    while changed:
        changed = False
        for base, crossing in crossings.items():
            if crossing.walk_on is not None:
                continue
            for ev in crossing.pairs:
                if not ev.asserted:
                    continue
                lost = [y for y in ev.support if _taken_apart(crossings.get(y), ev.series)]
                left = [y for y in ev.support if y not in lost]
                if not lost or _holds(crossing, ev, crossings, left):
                    continue
                names = ", ".join(crossings[y].label for y in lost[:5])
                ev.asserted = False
                ev.refuted = (
                    f"asserted on the word of {names}, who are not one person in "
                    f"{ev.series[0]} and {ev.series[1]} (taken apart by their own evidence)"
                )
                out.setdefault(base, {})[ev.series] = ev.refuted
                changed = True
    return out


def _holds(
    crossing: Crossing, ev: PairEvidence, crossings: Mapping[str, Crossing], left: list[str]
) -> bool:
    """Whether ``_assert_pairs`` would assert the pair on ``left`` supporters: a distinctive
    label when it recurs, meets another distinctive shared label in both series (the seed,
    which asks nothing of that label's own crossing) or keeps a supporter; a common one on
    two supporters and recurrence, or three."""
    if crossing.distinctive:
        met = any(
            y in crossings
            and crossings[y].distinctive
            and crossings[y].walk_on is None
            and any(set(p.series) == set(ev.series) for p in crossings[y].pairs)
            and not _taken_apart(crossings[y], ev.series)
            for y in ev.company
        )
        return ev.recurs or met or _enough(True, ev, left)
    return _enough(False, ev, left)


def _taken_apart(crossing: Crossing | None, series: tuple[str, str]) -> bool:
    """Whether a supporter is no longer one person in both series (a bible character or a
    label never judged stays one)."""
    if crossing is None:
        return False
    for ev in crossing.pairs:
        if set(ev.series) == set(series):
            return not ev.asserted and ev.refuted is not None
    return False
