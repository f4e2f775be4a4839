"""The shooting calendar as a CP-SAT model: every strip on one working day of its unit.

Hard: each scene of a unit's blocks is shot once; a performer works for one unit a day. Every
request of the plan is a literal that switches its constraints on (a block's window, a unit's
pages a day, a performer's availability and travel days, an arc and its window, a canon fact that
rules an arc out), so that when no plan exists the solver names the requests that conflict:
CP-SAT's sufficient assumptions give a core, and dropping each member in turn shrinks it to a
minimal one.

Objective, in order (solved one after another, each stage keeping the optimum of the last):
paid holding days (a performer is paid from their first to their last shooting day, weighted by
day rate), then the shift of each scene from its unit's baseline (script order packed into days),
then company moves (sets beyond the first that a unit uses in a day). The talent DP orders each
unit's scenes first, and that order, packed into days, is the solver's starting hint.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model

from showbible.schedule.canonfit import CanonBlock
from showbible.schedule.plan import Plan
from showbible.schedule.strips import Strip
from showbible.schedule.talent import TalentProblem
from showbible.schedule.talent import solve as talent_solve


@dataclass(frozen=True)
class Request:
    """One thing the plan asks for, in words, with where it was written."""

    kind: str  # window | pages | availability | travel | arc | arc-window | canon
    words: str
    where: str


def strip_days(strip: Strip, capacity: int) -> int:
    """Working days a strip takes: one, or as many whole days as its pages fill."""
    return max(1, math.ceil(strip.eighths / capacity))


@dataclass
class Solution:
    status: str  # optimal | feasible | infeasible | unknown (no plan found in the time limit)
    day: dict[str, int] = field(default_factory=dict)  # strip key -> index into plan.days
    span: dict[str, int] = field(default_factory=dict)  # strip key -> working days it takes
    holding_cost: int = 0
    rotation: int = 0
    shift: int = 0
    moves: int = 0
    conflicts: list[Request] = field(default_factory=list)
    minimal: bool = True  # the conflict set was shrunk to a minimal one
    seconds: float = 0.0


class _Model:
    def __init__(
        self,
        plan: Plan,
        strips: list[Strip],
        blocks: list[CanonBlock],
        shares: dict[str, dict[str, float]],
    ) -> None:
        self.plan = plan
        self.shares = shares
        self.strips = strips
        self.model = cp_model.CpModel()
        self.requests: list[tuple[cp_model.IntVar, Request]] = []
        self.days = len(plan.days)
        self.unit_of = [plan.block_of[f"{s.series}:{s.episode}"][0] for s in strips]
        # x[i][t]: strip i starts on day t; a strip longer than a day's pages takes whole days
        self.length = [strip_days(s, self.capacity(u)) for s, u in zip(strips, self.unit_of,
                                                                        strict=True)]  # fmt: skip
        self.x = [[self.model.new_bool_var(f"x{i}_{t}") for t in range(self.days)] for i in
                  range(len(strips))]  # fmt: skip
        self.occ = [self._occupied(i) for i in range(len(strips))]
        self._place(blocks)
        self._arc_parts()
        self._capacity()
        self._performers()
        self._objectives()

    def _occupied(self, i: int) -> list[cp_model.IntVar]:
        """occ[i][t]: strip i is being shot on day t."""
        length = self.length[i]
        if length == 1:
            return self.x[i]
        for t in range(max(0, self.days - length + 1), self.days):
            self.model.add(self.x[i][t] == 0)  # it would run past the calendar
        occ = []
        for t in range(self.days):
            o = self.model.new_bool_var(f"o{i}_{t}")
            self.model.add(o == sum(self.x[i][max(0, t - length + 1) : t + 1]))
            occ.append(o)
        return occ

    def _outside(self, i: int, holds: Callable[[date], bool]) -> list[int]:
        """Start days of strip i on which some day it takes fails `holds`."""
        days = self.plan.days
        length = self.length[i]
        return [
            t for t in range(self.days)
            if not all(holds(days[d]) for d in range(t, min(self.days, t + length)))
        ]  # fmt: skip

    def request(self, kind: str, words: str, *path: str | int) -> cp_model.IntVar:
        lit = self.model.new_bool_var(f"{kind}{len(self.requests)}")
        self.requests.append((lit, Request(kind, words, self.plan.where(*path))))
        return lit

    def _place(self, blocks: list[CanonBlock]) -> None:
        conf = self.plan.conf
        self.arc_lits: dict[int, cp_model.IntVar] = {}
        self.choices: dict[int, list[cp_model.IntVar]] = {}  # which candidate
        self.episodes: dict[int, list[cp_model.IntVar]] = {}  # which episodes
        self.enabled: dict[int, cp_model.IntVar] = {}  # placeholder strip -> it is shot
        for ai, arc in enumerate(conf.arcs):
            if isinstance(arc.episodes, tuple):
                eps = "in " + ", ".join(arc.episodes)
            else:
                assert arc.between is not None
                eps = f"in {arc.count} episode(s) between {arc.between[0]} and {arc.between[1]}"
            lit = self.request(
                "arc", f"{arc.who} into {arc.into} for {arc.scenes} scene(s) {eps}", "arcs", ai
            )
            self.arc_lits[ai] = lit
            self.choices[ai] = self._one_of(lit, len(arc.candidates), 1, f"pick{ai}")
            self.episodes[ai] = self._one_of(
                lit, len(self.plan.arc_episodes[ai]), arc.count, f"ep{ai}"
            )
            if arc.window is not None:
                window = self.request(
                    "arc-window",
                    f"{arc.who}'s arc shot between {arc.window.start} and {arc.window.end}",
                    "arcs",
                    ai,
                    "window",
                )
                for i, strip in enumerate(self.strips):
                    if strip.arc == ai:
                        for t in self._outside(i, arc.window.holds):
                            self.model.add(self.x[i][t] == 0).only_enforce_if(window)
        for block in blocks:
            canon = self.request("canon", block.words, "arcs", block.arc)
            for i, strip in enumerate(self.strips):
                if (strip.arc, strip.choice, strip.slot) == (block.arc, block.choice, block.slot):
                    self.model.add_implication(canon, self._enabled(i).Not())
        windows: dict[tuple[int, int], cp_model.IntVar] = {}
        for ui, unit in enumerate(conf.units):
            for bi, b in enumerate(unit.blocks):
                if b.window is not None:
                    windows[(ui, bi)] = self.request(
                        "window",
                        f"unit {unit.id} shoots {', '.join(b.episodes)} between "
                        f"{b.window.start} and {b.window.end}",
                        "units",
                        ui,
                        "blocks",
                        bi,
                        "window",
                    )
        for i, strip in enumerate(self.strips):
            if strip.arc is None:
                self.model.add_exactly_one(self.x[i])
            else:
                self.model.add(sum(self.x[i]) == self._enabled(i))
            ui, bi = self.plan.block_of[f"{strip.series}:{strip.episode}"]
            span = conf.units[ui].blocks[bi].window
            if span is not None:
                for t in self._outside(i, span.holds):
                    self.model.add(self.x[i][t] == 0).only_enforce_if(windows[(ui, bi)])

    def _one_of(
        self, lit: cp_model.IntVar, options: int, count: int, name: str
    ) -> list[cp_model.IntVar]:
        """`count` of `options` literals true when `lit` is (all of them: `lit` itself)."""
        if options == count:
            return [lit] * options
        picks = [self.model.new_bool_var(f"{name}_{k}") for k in range(options)]
        self.model.add(sum(picks) == count).only_enforce_if(lit)
        self.model.add(sum(picks) == 0).only_enforce_if(lit.Not())
        return picks

    def _enabled(self, i: int) -> cp_model.IntVar:
        found = self.enabled.get(i)
        if found is None:
            found = self.model.new_bool_var(f"on{i}")
            self.enabled[i] = found
        return found

    def _arc_parts(self) -> None:
        """Each arc scene is shot once, by the chosen candidate, in a chosen episode; each
        chosen episode gets at least one; scene j's episode comes no later than scene j+1's
        (the scenes are alike: no need to try them in every order)."""
        m = self.model
        for ai, arc in enumerate(self.plan.conf.arcs):
            mine = [i for i, s in enumerate(self.strips) if s.arc == ai]
            for j in range(arc.scenes):
                part = [i for i in mine if self.strips[i].part == j]
                m.add(sum(self._enabled(i) for i in part) == self.arc_lits[ai])
                for i in part:
                    strip = self.strips[i]
                    m.add_implication(self._enabled(i), self.choices[ai][strip.choice])
                    m.add_implication(self._enabled(i), self.episodes[ai][strip.slot])
                if j:
                    before = [i for i in mine if self.strips[i].part == j - 1]
                    m.add(
                        sum(self.strips[i].slot * self._enabled(i) for i in before)
                        <= sum(self.strips[i].slot * self._enabled(i) for i in part)
                    )
            for slot, chosen in enumerate(self.episodes[ai]):
                here = [self._enabled(i) for i in mine if self.strips[i].slot == slot]
                m.add(sum(here) >= 1).only_enforce_if(chosen)

    def capacity(self, ui: int) -> int:
        return max(1, round(self.plan.conf.units[ui].pages_per_day * 8))

    def _capacity(self) -> None:
        for ui, unit in enumerate(self.plan.conf.units):
            mine = [i for i, u in enumerate(self.unit_of) if u == ui]
            if not mine:
                continue
            cap = self.capacity(ui)
            lit = self.request(
                "pages", f"unit {unit.id} shoots at most {unit.pages_per_day:g} pages a day",
                "units", ui, "pages_per_day",
            )  # fmt: skip
            for t in range(self.days):
                # a scene longer than a day's pages takes its days whole
                load = sum(min(self.strips[i].eighths, cap) * self.occ[i][t] for i in mine)
                self.model.add(load <= cap).only_enforce_if(lit)

    def _performers(self) -> None:
        self.characters = sorted({c for s in self.strips for c in s.characters})
        self.works: dict[str, list[cp_model.IntVar]] = {}
        self.held: dict[str, list[cp_model.IntVar]] = {}
        for cid in self.characters:
            at: dict[int, list[cp_model.IntVar]] = {}
            for ui in sorted({self.unit_of[i] for i, s in enumerate(self.strips)
                              if cid in s.characters}):  # fmt: skip
                scenes = [i for i, s in enumerate(self.strips)
                          if cid in s.characters and self.unit_of[i] == ui]  # fmt: skip
                at[ui] = []
                for t in range(self.days):
                    w = self.model.new_bool_var(f"at_{cid}_{ui}_{t}")
                    self.model.add_max_equality(w, [self.occ[i][t] for i in scenes])
                    at[ui].append(w)
            works = []
            for t in range(self.days):
                w = self.model.new_bool_var(f"w_{cid}_{t}")
                self.model.add(w == sum(at[ui][t] for ui in at))  # one unit a day
                works.append(w)
            self.works[cid] = works
            self.held[cid] = self._held(cid, works)
            self._travel(cid, at)
            self._availability(cid, works)

    def _held(self, cid: str, works: list[cp_model.IntVar]) -> list[cp_model.IntVar]:
        """Days paid on hold: between the first working day and the last, not working. Monotone
        started-by and still-needed flags bound this tightly; first/last integers did not."""
        m = self.model
        started = [m.new_bool_var(f"s_{cid}_{t}") for t in range(self.days)]
        needed = [m.new_bool_var(f"n_{cid}_{t}") for t in range(self.days)]
        held = [m.new_bool_var(f"h_{cid}_{t}") for t in range(self.days)]
        for t, w in enumerate(works):
            m.add_implication(w, started[t])
            m.add_implication(w, needed[t])
            if t:
                m.add_implication(started[t - 1], started[t])
                m.add_implication(needed[t], needed[t - 1])
            # started, still needed and not working that day: paid to wait
            m.add_bool_or([started[t].Not(), needed[t].Not(), w, held[t]])
            m.add_implication(held[t], w.Not())
        return held

    def _travel(self, cid: str, at: dict[int, list[cp_model.IntVar]]) -> None:
        gap = self.plan.travel(cid)
        if len(at) < 2 or gap == 0:
            return
        path: tuple[str | int, ...] = ("travel_days",)
        if cid in self.plan.conf.performers and self.plan.conf.performers[cid].travel_days:
            path = ("performers", cid, "travel_days")
        lit = self.request("travel", f"{cid} needs {gap} travel day(s) between units", *path)
        # Redundant, for the bound: written scenes in k units mean at least k-1 moves between
        # them, each with its travel days paid on hold.
        units = {self.unit_of[i] for i, s in enumerate(self.strips)
                 if cid in s.characters and s.arc is None}  # fmt: skip
        if len(units) > 1:
            self.model.add(sum(self.held[cid]) >= gap * (len(units) - 1)).only_enforce_if(lit)
        for u in at:
            for v in at:
                if u == v:
                    continue
                for t in range(self.days):
                    for t2 in range(t + 1, min(self.days, t + gap + 1)):
                        self.model.add_bool_or([at[u][t].Not(), at[v][t2].Not()]).only_enforce_if(
                            lit
                        )

    def _availability(self, cid: str, works: list[cp_model.IntVar]) -> None:
        perf = self.plan.conf.performers.get(cid)
        if perf is None or (perf.available is None and not perf.unavailable):
            return
        name = perf.name or cid
        parts = []
        if perf.available is not None:
            parts.append(f"available only {perf.available.start}..{perf.available.end}")
        if perf.unavailable:
            parts.append("not on " + ", ".join(str(d) for d in perf.unavailable))
        lit = self.request(
            "availability", f"{name} ({cid}) is " + " and ".join(parts), "performers", cid
        )
        for t, day in enumerate(self.plan.days):
            out = day in perf.unavailable or (
                perf.available is not None and not perf.available.holds(day)
            )
            if out:
                self.model.add(works[t] == 0).only_enforce_if(lit)

    def rate(self, cid: str) -> int:
        perf = self.plan.conf.performers.get(cid)
        return perf.rate if perf is not None else 1

    def _objectives(self) -> None:
        m = self.model
        self.holding = sum(self.rate(cid) * sum(self.held[cid]) for cid in self.characters)
        # rotation: an arc offered to several characters costs, per candidate, the weight times
        # the percentage of their scenes already in the series it goes into
        weight = self.plan.conf.rotation_weight
        self.rotation = sum(
            weight * round(100 * self.shares.get(cid, {}).get(arc.into, 0.0)) * pick
            for ai, arc in enumerate(self.plan.conf.arcs)
            if len(arc.candidates) > 1
            for cid, pick in zip(arc.candidates, self.choices[ai], strict=True)
        )
        self.day_of = [sum(t * x for t, x in enumerate(row)) for row in self.x]
        self.baseline = self._baseline()
        shifts = []
        for i, strip in enumerate(self.strips):
            if strip.arc is not None:
                continue
            d = m.new_int_var(0, self.days, f"shift{i}")
            m.add_abs_equality(d, self.day_of[i] - self.baseline[i])
            shifts.append(d)
        self.shift = sum(shifts)
        set_days = []
        used_days = []
        for ui in range(len(self.plan.conf.units)):
            mine = [i for i, u in enumerate(self.unit_of) if u == ui]
            sets = sorted({self.strips[i].set for i in mine})
            for t in range(self.days):
                if not mine:
                    continue
                used = m.new_bool_var(f"used{ui}_{t}")
                m.add_max_equality(used, [self.occ[i][t] for i in mine])
                used_days.append(used)
                for name in sets:
                    y = m.new_bool_var(f"set{ui}_{t}_{name}")
                    m.add_max_equality(y, [self.occ[i][t] for i in mine
                                           if self.strips[i].set == name])  # fmt: skip
                    set_days.append(y)
        self.moves = sum(set_days) - sum(used_days)

    def _baseline(self) -> list[int]:
        """Each unit's script order packed into its days, pages a day at a time."""
        base = [0] * len(self.strips)
        for ui in range(len(self.plan.conf.units)):
            mine = [i for i, s in enumerate(self.strips) if self.unit_of[i] == ui and s.arc is None]
            for i, t in self._pack(ui, mine).items():
                base[i] = t
        return base

    def _pack(self, ui: int, order: list[int]) -> dict[int, int]:
        """Start days of strips shot in this order, each day filled up to the unit's pages."""
        cap = self.capacity(ui)
        start: dict[int, int] = {}
        t, load = self._first_day(ui, 0), 0
        for i in order:
            size = min(self.strips[i].eighths, cap)
            if load and (load + size > cap or self.length[i] > 1):
                t, load = t + 1, 0
            start[i] = min(t, self.days - self.length[i])
            if self.length[i] > 1:
                t, load = t + self.length[i] - 1, cap
            else:
                load += size
        return start

    def _first_day(self, ui: int, default: int) -> int:
        windows = [b.window for b in self.plan.conf.units[ui].blocks if b.window is not None]
        if not windows:
            return default
        start = min(w.start for w in windows)
        return next((t for t, d in enumerate(self.plan.days) if d >= start), default)

    def hint(self, time_limit: float) -> None:
        """The talent DP's order of each unit's scenes, packed into days, as a starting point."""
        for ui in range(len(self.plan.conf.units)):
            mine = [i for i, u in enumerate(self.unit_of) if u == ui]
            if not mine:
                continue
            cast_ids = sorted({c for i in mine for c in self.strips[i].characters})
            index = {c: k for k, c in enumerate(cast_ids)}
            problem = TalentProblem(
                tuple(self.strips[i].eighths for i in mine),
                tuple(frozenset(index[c] for c in self.strips[i].characters) for i in mine),
                tuple(self.rate(c) for c in cast_ids),
            )
            order = talent_solve(problem, time_limit=time_limit).order
            for i, t in self._pack(ui, [mine[k] for k in order]).items():
                for t2 in range(self.days):
                    self.model.add_hint(self.x[i][t2], t2 == t)


def _solver(seconds: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, seconds)
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = 1
    return solver


def solve_plan(
    plan: Plan,
    strips: list[Strip],
    blocks: list[CanonBlock],
    time_limit: float | None = None,
    shares: dict[str, dict[str, float]] | None = None,
) -> Solution:
    """The best plan within the time limit; `shares` (character -> series -> share of their
    scenes, from rotation.shares) prices the rotation term."""
    started = time.perf_counter()
    limit = plan.conf.time_limit if time_limit is None else time_limit
    built = _Model(plan, strips, blocks, shares or {})
    built.hint(min(2.0, limit / 10))
    # Requests fixed true, not assumed: assumptions keep CP-SAT's presolve from using them, and
    # the plan as written is what is solved; assumptions come in only to explain a failure.
    explained = built.model.clone()
    for lit, _request in built.requests:
        built.model.add(lit == 1)
    proven = True
    values: dict[str, int] = {}
    found = False
    stages = ((built.holding + built.rotation, 0.6), (built.shift, 0.25), (built.moves, 0.15))
    for n, (objective, share) in enumerate(stages):
        built.model.minimize(objective)
        remaining = limit - (time.perf_counter() - started)
        solver = _solver(remaining * share / sum(s for _o, s in stages[n:]))
        status = solver.solve(built.model)
        if status == cp_model.INFEASIBLE:
            break
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            proven = False
            break
        found = True
        proven = proven and status == cp_model.OPTIMAL
        best = int(solver.objective_value)
        values[f"stage{n}"] = best
        day = {
            s.key: t
            for i, s in enumerate(strips)
            for t, x in enumerate(built.x[i])
            if solver.boolean_value(x)
        }
        result = Solution(
            "optimal" if proven else "feasible",
            day,
            {s.key: built.length[i] for i, s in enumerate(strips)},
            holding_cost=int(solver.value(built.holding)),
            rotation=int(solver.value(built.rotation)),
            shift=int(solver.value(built.shift)),
            moves=int(solver.value(built.moves)),
        )
        built.model.add(objective <= best)
        built.model.clear_hints()  # type: ignore[no-untyped-call]
        for row in built.x:
            for x in row:
                built.model.add_hint(x, solver.boolean_value(x))
    if found:
        result.status = "optimal" if proven else "feasible"
        result.seconds = time.perf_counter() - started
        return result
    if status != cp_model.INFEASIBLE:  # no plan found in time, none proven impossible either
        return Solution("unknown", minimal=False, seconds=time.perf_counter() - started)
    core, minimal = _explain(built, explained, limit - (time.perf_counter() - started))
    return Solution(
        "infeasible",
        conflicts=[built.requests[k][1] for k in core],
        minimal=minimal,
        seconds=time.perf_counter() - started,
    )


def _explain(built: _Model, model: cp_model.CpModel, budget: float) -> tuple[list[int], bool]:
    """The smallest set of requests that cannot all hold: CP-SAT's core, then deletion."""
    index = {lit.index: k for k, (lit, _r) in enumerate(built.requests)}
    model.clear_objective()  # type: ignore[no-untyped-call]
    model.clear_hints()  # type: ignore[no-untyped-call]
    model.add_assumptions([lit for lit, _r in built.requests])
    solver = _solver(min(10.0, max(1.0, budget / 2)))
    if solver.solve(model) != cp_model.INFEASIBLE:
        return [], False
    core = sorted(index[v] for v in solver.sufficient_assumptions_for_infeasibility())
    minimal = True
    deadline = time.perf_counter() + max(1.0, budget)
    for k in list(core):
        trial = [j for j in core if j != k]
        model.clear_assumptions()
        model.add_assumptions([built.requests[j][0] for j in trial])
        left = deadline - time.perf_counter()
        if left <= 0:
            minimal = False
            break
        status = _solver(min(left, 5.0)).solve(model)
        if status == cp_model.INFEASIBLE:
            core = trial  # k is not needed for the conflict
        elif status != cp_model.FEASIBLE and status != cp_model.OPTIMAL:
            minimal = False
    return core, minimal
