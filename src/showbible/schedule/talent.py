"""The talent scheduling problem, solved exactly: the ordering core of production planning.

Scenes are shot one after another; scene s lasts `durations[s]` days; a performer is paid `rates[a]`
a day from the first day of their first scene to the last day of their last scene. Find the order
that pays least (Cheng, Diamond and Lin 1993).

The solver is the dynamic program over sets of shot scenes of Garcia de la Banda, Stuckey and Chu
("Solving talent scheduling with dynamic programming", INFORMS J. Computing 2011): the cost of the
next scene depends only on which scenes are already shot, so f(remaining) is memoised. Three of
their reductions keep it small:

- scenes with the same cast are shot together (merged into one longer scene);
- a performer in only one scene costs the same in every order (taken out, added back as a
  constant), and the two are repeated while either changes anything;
- a scene whose whole cast is already on location (shot before and needed again) goes next.

and the search is a branch and bound over that memo: the pay each remaining scene's own cast costs
is a lower bound; memo entries are exact values, or lower bounds when a branch was cut. A CP-SAT
model is the wrong shape for this core: it has to rediscover the set structure by search (about 95 s
on film103), where the DP enumerates at most one state per set of shot scenes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

# Up to 2**DENSE_LIMIT sets of shot scenes are enumerated outright (about 200 MB and 15 s at 23 on
# a loaded 2-core machine); larger problems go to the memoised branch and bound, which visits
# only the sets its bounds cannot cut.
DENSE_LIMIT = 23
# The branch and bound's on-hold bound enumerates subsets of the performers on hold.
HOLD_BOUND_LIMIT = 10


@dataclass(frozen=True)
class TalentProblem:
    """casts[s] is the set of performers (indices into rates) in scene s."""

    durations: tuple[int, ...]
    casts: tuple[frozenset[int], ...]
    rates: tuple[int, ...]

    @classmethod
    def from_matrix(
        cls, ia: Sequence[Sequence[int]], rates: Sequence[int], durations: Sequence[int]
    ) -> TalentProblem:
        """From the MiniZinc layout: ia[actor][scene] is 1 when the actor is in the scene."""
        casts = tuple(
            frozenset(a for a, row in enumerate(ia) if row[s]) for s in range(len(durations))
        )
        return cls(tuple(durations), casts, tuple(rates))

    @property
    def own_cost(self) -> int:
        """What the performers' own scenes cost: the part of every total that is not holding."""
        pairs = zip(self.durations, self.casts, strict=True)
        return sum(d * sum(self.rates[a] for a in cast) for d, cast in pairs)


@dataclass(frozen=True)
class TalentSolution:
    order: tuple[int, ...]
    total: int
    holding: int
    proven_optimal: bool
    seconds: float


def evaluate(problem: TalentProblem, order: Sequence[int]) -> tuple[int, int]:
    """(total, holding) of shooting the scenes in `order`."""
    start: dict[int, int] = {}
    end: dict[int, int] = {}
    day = 0
    for s in order:
        for a in problem.casts[s]:
            start.setdefault(a, day)
            end[a] = day + problem.durations[s]
        day += problem.durations[s]
    total = sum(problem.rates[a] * (end[a] - start[a]) for a in start)
    return total, total - problem.own_cost


def solve(
    problem: TalentProblem, time_limit: float = 60.0, dense_limit: int | None = None
) -> TalentSolution:
    """The cheapest order; proven_optimal is False only when the time limit cut the search.

    Problems of up to `dense_limit` scenes (after merging; default DENSE_LIMIT) go to the
    exhaustive DP, larger ones to the memoised branch and bound.
    """
    started = time.perf_counter()
    n = len(problem.durations)
    if n == 0:
        return TalentSolution((), 0, 0, True, 0.0)
    groups, durations, masks, rates = _reduce(problem)
    if len(groups) <= (DENSE_LIMIT if dense_limit is None else dense_limit):
        merged_order, proven = _dense(durations, masks, rates), True
    else:
        search = _Search(durations, masks, rates, started + time_limit)
        greedy = search.improve(search.greedy()[1], started + time_limit / 10)
        proven = search.run(greedy)
        merged_order = search.best_order if search.best_order is not None else greedy[1]
    order = tuple(s for g in merged_order for s in groups[g])
    total, holding = evaluate(problem, order)
    return TalentSolution(order, total, holding, proven, time.perf_counter() - started)


def _reduce(
    problem: TalentProblem,
) -> tuple[list[list[int]], list[int], list[int], list[int]]:
    """Merge scenes of one cast, drop performers of one (merged) scene, and again until neither
    changes anything (a drop can make two casts equal); casts become bitmasks."""
    groups = [[s] for s in range(len(problem.casts))]
    casts = list(problem.casts)
    while True:
        by_cast: dict[frozenset[int], list[int]] = {}
        for g, cast in enumerate(casts):
            by_cast.setdefault(cast, []).append(g)
        appearances: dict[int, int] = {}
        for cast in by_cast:
            for a in cast:
                appearances[a] = appearances.get(a, 0) + 1
        kept = frozenset(a for a, k in appearances.items() if k > 1)
        merged = [[s for g in members for s in groups[g]] for members in by_cast.values()]
        reduced = [cast & kept for cast in by_cast]
        if len(merged) == len(groups) and reduced == casts:
            break
        groups, casts = merged, reduced
    order = sorted(kept)
    bit = {a: i for i, a in enumerate(order)}
    masks = [sum(1 << bit[a] for a in cast) for cast in casts]
    durations = [sum(problem.durations[s] for s in g) for g in groups]
    rates = [problem.rates[a] for a in order]
    return groups, durations, masks, rates


def _dense(durations: list[int], masks: list[int], rates: list[int]) -> tuple[int, ...]:
    """The DP over every set of shot scenes at once, one numpy pass per scene and set size.

    f[S] is the least pay for shooting the scenes of S first (in any order); shooting s last of
    them costs d[s] times the pay of its cast and of everyone started before and needed after.
    """
    n = len(durations)
    size = 1 << n
    full = size - 1
    # actors[S]: everyone in some scene of S (32-bit when the cast allows: memory is the limit)
    width: type[np.signedinteger[Any]] = np.int32 if len(rates) <= 31 else np.int64
    actors: npt.NDArray[np.signedinteger[Any]] = np.zeros(size, dtype=width)
    for s in range(n):
        actors[1 << s : 2 << s] = actors[: 1 << s] | masks[s]
    pay = _pay_table(rates)
    popcount = np.zeros(size, dtype=np.int8)
    for s in range(n):
        popcount[1 << s : 2 << s] = popcount[: 1 << s] + 1
    best = np.full(size, np.iinfo(np.int64).max, dtype=np.int64)
    best[0] = 0
    for k in range(1, n + 1):
        sets = np.flatnonzero(popcount == k)
        after = actors[full ^ sets]  # actors of the scenes not yet shot
        for s in range(n):
            has = (sets >> s) & 1 == 1
            with_s = sets[has]
            before = with_s ^ (1 << s)
            held = (actors[before] & after[has]).astype(np.int64)
            cost = best[before] + durations[s] * pay(held | masks[s])
            best[with_s] = np.minimum(best[with_s], cost)
    order: list[int] = []
    current = full
    while current:
        for s in range(n):
            if current >> s & 1:
                before = current ^ (1 << s)
                held = (actors[before : before + 1] & actors[full ^ current]).astype(np.int64)
                if best[before] + durations[s] * int(pay(held | masks[s])[0]) == best[current]:
                    order.append(s)
                    current = before
                    break
    return tuple(reversed(order))


def _pay_table(rates: list[int]) -> Callable[[npt.NDArray[np.int64]], npt.NDArray[np.int64]]:
    """pay(m): the day rate of each set of performers m (a lookup table when it is small)."""
    if len(rates) <= 16:
        table = np.zeros(1 << len(rates), dtype=np.int64)
        for a, rate in enumerate(rates):
            table[1 << a : 2 << a] = table[: 1 << a] + rate
        return lambda m: table[m]

    def summed(m: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        total = np.zeros(m.shape, dtype=np.int64)
        for a, rate in enumerate(rates):
            total += ((m >> a) & 1) * rate
        return total

    return summed


class _Timeout(Exception):
    pass


class _Search:
    """f(Q): the least pay from now on when the scenes in bitmask Q remain to be shot."""

    def __init__(
        self, durations: list[int], masks: list[int], rates: list[int], deadline: float
    ) -> None:
        self.n = len(durations)
        self.full = (1 << self.n) - 1
        self.d = durations
        self.cast = masks
        self.rates = rates
        self.deadline = deadline
        self.ticks = 0
        self._pay: dict[int, int] = {}
        self._actors: dict[int, int] = {0: 0}
        # exact[Q] = f(Q); bound[Q] = a proven lower bound on f(Q) (after a cut branch)
        self.exact: dict[int, int] = {0: 0}
        self.bound: dict[int, int] = {}
        self.own = [durations[s] * self.pay(masks[s]) for s in range(self.n)]
        self._lower: dict[int, int] = {}
        self._days: dict[int, int] = {}
        self.best_order: tuple[int, ...] | None = None

    def pay(self, actors: int) -> int:
        cached = self._pay.get(actors)
        if cached is None:
            cached = 0
            rest, i = actors, 0
            while rest:
                if rest & 1:
                    cached += self.rates[i]
                rest >>= 1
                i += 1
            self._pay[actors] = cached
        return cached

    def actors(self, scenes: int) -> int:
        cached = self._actors.get(scenes)
        if cached is None:
            low = scenes & -scenes
            cached = self.cast[low.bit_length() - 1] | self.actors(scenes ^ low)
            self._actors[scenes] = cached
        return cached

    def step(self, remaining: int, s: int) -> int:
        """The pay while scene s is shot next: its cast and everyone on hold across it."""
        after = remaining & ~(1 << s)
        held = self.actors(self.full & ~remaining) & self.actors(after)
        return self.d[s] * self.pay(self.cast[s] | held)

    def choices(self, remaining: int) -> list[int]:
        shot = self.actors(self.full & ~remaining)
        scenes = [s for s in range(self.n) if remaining >> s & 1]
        for s in scenes:
            # s's whole cast has started and everyone on hold is in s: shooting s now lengthens
            # nobody's span and can only shorten some, so an optimal order shoots it next
            if self.cast[s] & ~shot == 0:
                held = shot & self.actors(remaining & ~(1 << s))
                if held & ~self.cast[s] == 0:
                    return [s]
        return scenes

    def lower(self, remaining: int) -> int:
        known = self.exact.get(remaining)
        if known is not None:
            return known
        cached = self._lower.get(remaining)
        if cached is None:
            own = sum(self.own[s] for s in range(self.n) if remaining >> s & 1)
            cached = own + self.on_hold_bound(remaining)
            self._lower[remaining] = cached
        return max(cached, self.bound.get(remaining, 0))

    def on_hold_bound(self, remaining: int) -> int:
        """Pay on hold that no order of the remaining scenes avoids.

        Order the performers already started and still needed by their last scene: each is
        paid through every scene of those who finish before them, and the scenes they are not
        in are holding. The least such sum over all orders (a DP over subsets of them) is a
        lower bound; it is what makes this search prove film103 without the exhaustive table.
        """
        held = self.actors(self.full & ~remaining) & self.actors(remaining)
        people = [a for a in range(len(self.rates)) if held >> a & 1]
        if len(people) < 2 or len(people) > HOLD_BOUND_LIMIT:
            return 0
        scenes_of = [
            sum(1 << s for s in range(self.n) if remaining >> s & 1 and self.cast[s] >> a & 1)
            for a in people
        ]
        k = len(people)
        union = [0] * (1 << k)
        for i in range(k):
            for t in range(1 << i):
                union[t | 1 << i] = union[t] | scenes_of[i]
        best = [0] + [1 << 60] * ((1 << k) - 1)
        for t in range(1, 1 << k):
            rest = t
            while rest:
                low = rest & -rest
                i = low.bit_length() - 1
                before = union[t ^ low] & ~scenes_of[i]
                value = best[t ^ low] + self.rates[people[i]] * self.days_of(before)
                if value < best[t]:
                    best[t] = value
                rest ^= low
        return best[-1]

    def days_of(self, scenes: int) -> int:
        cached = self._days.get(scenes)
        if cached is None:
            cached = sum(self.d[s] for s in range(self.n) if scenes >> s & 1)
            self._days[scenes] = cached
        return cached

    def greedy(self) -> tuple[int, tuple[int, ...]]:
        remaining, total, order = self.full, 0, []
        while remaining:
            s = min(self.choices(remaining), key=lambda s: self.step(remaining, s) - self.own[s])
            total += self.step(remaining, s)
            order.append(s)
            remaining &= ~(1 << s)
        return total, tuple(order)

    def cost(self, order: tuple[int, ...]) -> int:
        remaining, total = self.full, 0
        for s in order:
            total += self.step(remaining, s)
            remaining &= ~(1 << s)
        return total

    def improve(self, order: tuple[int, ...], until: float) -> tuple[int, tuple[int, ...]]:
        """Move one scene elsewhere while that pays less (a start, and the answer if the
        search runs out of time: better than the greedy order it begins from)."""
        best = self.cost(order)
        better = True
        while better and time.perf_counter() < until:
            better = False
            for i in range(len(order)):
                rest = order[:i] + order[i + 1 :]
                for j in range(len(order)):
                    if j == i:
                        continue
                    trial = (*rest[:j], order[i], *rest[j:])
                    value = self.cost(trial)
                    if value < best:
                        best, order, better = value, trial, True
                        break
                if better:
                    break
        return best, order

    def run(self, greedy: tuple[int, tuple[int, ...]]) -> bool:
        upper = greedy[0] + 1
        try:
            value = self.f(self.full, upper)
        except _Timeout:
            return False
        if value < upper:
            self.best_order = self.order()
        return True

    def f(self, remaining: int, budget: int) -> int:
        """f(remaining) if it is below budget, else some lower bound >= budget (a cut)."""
        known = self.exact.get(remaining)
        if known is not None:
            return known
        self.ticks += 1
        if self.ticks & 31 == 0 and time.perf_counter() > self.deadline:
            raise _Timeout
        options = []
        for s in self.choices(remaining):
            cost = self.step(remaining, s)
            options.append((cost + self.lower(remaining & ~(1 << s)), cost, s))
        options.sort()
        best = None
        cut_bound = None
        for estimate, cost, s in options:
            limit = budget if best is None else min(budget, best)
            if estimate >= limit:
                cut_bound = estimate if cut_bound is None else min(cut_bound, estimate)
                continue
            rest = remaining & ~(1 << s)
            value = cost + self.f(rest, limit - cost)
            if value < limit and (best is None or value < best):
                best = value
            elif value >= limit:
                cut_bound = value if cut_bound is None else min(cut_bound, value)
        if best is not None and (cut_bound is None or best <= cut_bound):
            self.exact[remaining] = best
            return best
        floor = min(x for x in (best, cut_bound) if x is not None)
        # every option is at least `floor`, which is itself >= budget
        self.bound[remaining] = max(self.bound.get(remaining, 0), floor)
        return floor

    def order(self) -> tuple[int, ...]:
        """Walk the exact values back from the full set."""
        remaining, order = self.full, []
        while remaining:
            target = self.exact[remaining]
            for s in self.choices(remaining):
                rest = remaining & ~(1 << s)
                if (
                    self.exact.get(rest) is not None
                    and self.step(remaining, s) + self.exact[rest] == target
                ):
                    order.append(s)
                    remaining = rest
                    break
            else:  # pragma: no cover - exact values always chain
                raise AssertionError("talent DP: broken chain of exact values")
        return tuple(order)
