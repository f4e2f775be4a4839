"""The production plan: what `production.yaml` (or `production:` in universe.yaml) may say.

Pydantic models with unknown fields refused, like the bible; then the plan is checked against the
universe (series, episodes and characters must exist) with every error at its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from natsort import natsorted
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from showbible.formats.files import YAML_LIMIT_MB, read_file
from showbible.model import InputError
from showbible.reading.names import did_you_mean
from showbible.universe.bible import ID_PATTERN
from showbible.universe.loader import Locator, Universe
from showbible.universe.storytime import StoryTime, parse_story_time
from showbible.universe.yamlread import YMap, plain, read_yaml

PLAN_FILE = "production.yaml"
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Window(_Model):
    start: date
    end: date

    @model_validator(mode="after")
    def _ordered(self) -> Window:
        if self.end < self.start:
            raise ValueError(f"the window ends ({self.end}) before it starts ({self.start})")
        return self

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


class CalendarConf(_Model):
    start: date
    end: date
    working_days: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
    holidays: tuple[date, ...] = ()

    @model_validator(mode="after")
    def _ordered(self) -> CalendarConf:
        if self.end < self.start:
            raise ValueError(f"the calendar ends ({self.end}) before it starts ({self.start})")
        if (self.end - self.start).days > 730:
            raise ValueError("the calendar spans more than two years; plan a season at a time")
        return self


class BlockConf(_Model):
    """Episodes a unit shoots together, within a window of dates."""

    episodes: tuple[str, ...] = Field(min_length=1)
    window: Window | None = None


class UnitConf(_Model):
    id: str = Field(pattern=ID_PATTERN)
    series: str
    pages_per_day: float = Field(default=5.0, gt=0, le=30)
    blocks: tuple[BlockConf, ...] = Field(min_length=1)


class PerformerConf(_Model):
    name: str | None = None
    rate: int = Field(default=0, ge=0)  # per day
    available: Window | None = None
    unavailable: tuple[date, ...] = ()
    travel_days: int | None = Field(default=None, ge=0, le=30)


class UpcomingConf(_Model):
    """An episode not written yet, so that arcs can be placed in it."""

    story: str | None = None
    title: str | None = None


class ArcConf(_Model):
    """A character into another series: placeholder scenes in some of its episodes, either
    the episodes listed, or so many of them `between` two (the solver picks which)."""

    character: str | tuple[str, ...]  # a list: any one of them, the solver picks (rotation)
    into: str
    episodes: Annotated[tuple[str, ...], Field(min_length=1)] | int
    between: tuple[str, str] | None = None
    scenes: int = Field(default=1, ge=1, le=200)
    eighths: int = Field(default=8, ge=1, le=80)  # each placeholder's length
    with_: tuple[str, ...] = Field(default=(), alias="with")
    window: Window | None = None

    @property
    def candidates(self) -> tuple[str, ...]:
        return (self.character,) if isinstance(self.character, str) else self.character

    @property
    def who(self) -> str:
        return " or ".join(self.candidates)

    @model_validator(mode="after")
    def _count_or_list(self) -> ArcConf:
        if isinstance(self.episodes, int):
            if self.between is None:
                raise ValueError("`episodes: N` needs `between: [FIRST, LAST]` to choose from")
            if not 1 <= self.episodes <= self.scenes:
                raise ValueError("an arc needs from 1 to `scenes` episodes (one scene each)")
        elif self.between is not None:
            raise ValueError("list the episodes, or give their number and `between`, not both")
        return self

    @property
    def count(self) -> int:
        """How many episodes the arc goes into."""
        return self.episodes if isinstance(self.episodes, int) else len(self.episodes)


class ProductionConf(_Model):
    calendar: CalendarConf
    units: tuple[UnitConf, ...] = Field(min_length=1)
    performers: dict[str, PerformerConf] = Field(default_factory=dict)
    upcoming: dict[str, UpcomingConf] = Field(default_factory=dict)
    arcs: tuple[ArcConf, ...] = ()
    travel_days: int = Field(default=1, ge=0, le=30)  # between units, unless a performer says
    time_limit: float = Field(default=20.0, gt=0, le=3600)
    rotation_weight: int = Field(default=0, ge=0, le=1000)


@dataclass(frozen=True)
class Upcoming:
    series: str
    id: str
    story: StoryTime | None
    title: str | None

    @property
    def key(self) -> str:
        return f"{self.series}:{self.id}"


@dataclass
class Plan:
    """A checked plan: the conf, where each part was written, the working days."""

    conf: ProductionConf
    locator: Locator
    prefix: tuple[str, ...]  # ("production",) inside universe.yaml, () in production.yaml
    days: list[date]
    upcoming: dict[str, Upcoming]  # "series:ep" -> episode not written yet
    block_of: dict[str, tuple[int, int]]  # "series:ep" -> (unit index, block index)
    # arc index -> the episodes ("series:ep") it may go into, in series order
    arc_episodes: dict[int, list[str]] = field(default_factory=dict)

    def where(self, *path: str | int) -> str:
        file, line, _col = self.locator.locate((*self.prefix, *path))
        return f"{file}:{line}"

    def error(self, path: tuple[str | int, ...], message: str) -> InputError:
        return self.locator.error((*self.prefix, *path), message)

    def travel(self, character: str) -> int:
        own = self.conf.performers.get(character)
        if own is not None and own.travel_days is not None:
            return own.travel_days
        return self.conf.travel_days


def plan_source(universe: Universe) -> tuple[Any, Locator, tuple[str, ...]] | None:
    """The raw plan and where it was read, or None when the universe has none."""
    path = universe.root / PLAN_FILE
    if path.exists() or path.is_symlink():
        # Links out of the universe, FIFOs, devices and oversized files are refused unread.
        raw = read_file(
            path, root=universe.root, shown=PLAN_FILE, limit_mb=YAML_LIMIT_MB, what="a plan"
        )
        return _raw_plan(raw, PLAN_FILE)
    data = universe.locator.data
    if isinstance(data, YMap) and "production" in data:
        return data["production"], universe.locator, ("production",)
    return None


def read_plan_file(path: Path) -> tuple[Any, Locator, tuple[str, ...]]:
    """A plan from any file (the demo's impossible plan sits beside the good one)."""
    raw = read_file(path, limit_mb=YAML_LIMIT_MB, what="a plan")
    return _raw_plan(raw, path.name)


def _raw_plan(raw: bytes, shown: str) -> tuple[Any, Locator, tuple[str, ...]]:
    data = read_yaml(raw, shown)
    if not isinstance(data, YMap):
        raise InputError("a production plan is a mapping (calendar:, units:, ...)", shown, 1)
    if "production" in data and len(data) == 1 and isinstance(data["production"], YMap):
        data = data["production"]  # a file that repeats the universe.yaml key
    locator = Locator()
    locator.register(data, shown)
    locator.data = data
    return data, locator, ()


def load_plan(
    universe: Universe, source: tuple[Any, Locator, tuple[str, ...]] | None = None
) -> Plan | None:
    """Validate the universe's plan (or `source`); None when there is none."""
    source = source if source is not None else plan_source(universe)
    if source is None:
        return None
    raw, locator, prefix = source
    if not isinstance(raw, dict):
        raise locator.error(prefix, "a production plan is a mapping (calendar:, units:, ...)")
    try:
        conf = ProductionConf.model_validate(plain(raw))
    except ValidationError as exc:
        raise _validation_error(exc, locator, prefix) from None
    plan = Plan(conf, locator, prefix, _working_days(conf.calendar), {}, {})
    _check(plan, universe)
    return plan


def _validation_error(
    exc: ValidationError, locator: Locator, prefix: tuple[str, ...]
) -> InputError:
    err = exc.errors()[0]
    # pydantic names union members in loc ("tuple[str, ...]", "int"): not steps of the YAML
    path = [
        p
        for p in err["loc"]
        if isinstance(p, int) or (isinstance(p, str) and "[" not in p and p not in ("int", "str"))
    ]
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        message = f"unknown field {path[-1]!r}"
    elif err["type"] == "missing":
        message = f"missing field {path[-1]!r}"
    where = ".".join(str(p) for p in path)
    return locator.error((*prefix, *path), f"{where}: {message}" if where else message)


def _working_days(calendar: CalendarConf) -> list[date]:
    working = {WEEKDAYS.index(d) for d in calendar.working_days}
    holidays = set(calendar.holidays)
    days = []
    day = calendar.start
    while day <= calendar.end:
        if day.weekday() in working and day not in holidays:
            days.append(day)
        day += timedelta(days=1)
    return days


def _check(plan: Plan, universe: Universe) -> None:
    conf = plan.conf
    series_ids = [s.id for s in universe.series]
    characters = {cid for cid, c in universe.bible.characters.items() if not c.role}

    def series(path: tuple[str | int, ...], sid: str) -> None:
        if sid not in series_ids:
            raise plan.error(path, f"unknown series {sid!r}" + did_you_mean(sid, series_ids))

    def character(path: tuple[str | int, ...], cid: str) -> None:
        if cid not in characters:
            raise plan.error(
                path,
                f"unknown character {cid!r}: performers and arcs name bible characters "
                "(only asserted characters are scheduled)" + did_you_mean(cid, characters),
            )

    if not plan.days:
        raise plan.error(("calendar",), "the calendar has no working day")
    for key, up in conf.upcoming.items():
        sid, _, eid = key.partition(":")
        series(("upcoming", key), sid)
        if not eid:
            raise plan.error(
                ("upcoming", key), f"write upcoming episodes as SERIES:EPISODE ({key!r})"
            )
        if f"{sid}:{eid}" in {e.key for e in universe.episodes}:
            raise plan.error(("upcoming", key), f"{key} is already an episode of the universe")
        story = None
        if up.story is not None:
            try:
                story = parse_story_time(up.story)
            except ValueError as exc:
                raise plan.error(("upcoming", key, "story"), str(exc)) from None
        plan.upcoming[key] = Upcoming(sid, eid, story, up.title)
    seen_units: set[str] = set()
    for ui, unit in enumerate(conf.units):
        if unit.id in seen_units:
            raise plan.error(("units", ui, "id"), f"unit id {unit.id!r} is used twice")
        seen_units.add(unit.id)
        series(("units", ui, "series"), unit.series)
        for bi, block in enumerate(unit.blocks):
            for ei, text in enumerate(block.episodes):
                path: tuple[str | int, ...] = ("units", ui, "blocks", bi, "episodes", ei)
                key = _episode_key(plan, universe, unit.series, text, path)
                if key in plan.block_of:
                    first = conf.units[plan.block_of[key][0]].id
                    raise plan.error(path, f"{key} is already shot by unit {first!r}")
                plan.block_of[key] = (ui, bi)
            if block.window is not None:
                _inside_calendar(plan, ("units", ui, "blocks", bi, "window"), block.window)
    for cid, performer in conf.performers.items():
        character(("performers", cid), cid)
        if performer.available is not None:
            _inside_calendar(plan, ("performers", cid, "available"), performer.available)
    for ai, arc in enumerate(conf.arcs):
        if not arc.candidates:
            raise plan.error(("arcs", ai, "character"), "an arc needs a character")
        for ci, cid in enumerate(arc.candidates):
            at: tuple[str | int, ...] = ("arcs", ai, "character")
            character(at if isinstance(arc.character, str) else (*at, ci), cid)
        for wi, partner in enumerate(arc.with_):
            character(("arcs", ai, "with", wi), partner)
        series(("arcs", ai, "into"), arc.into)
        plan.arc_episodes[ai] = _arc_episodes(plan, universe, ai)
        if arc.window is not None:
            _inside_calendar(plan, ("arcs", ai, "window"), arc.window)


def _arc_episodes(plan: Plan, universe: Universe, ai: int) -> list[str]:
    arc = plan.conf.arcs[ai]
    if isinstance(arc.episodes, tuple):
        named = [(("arcs", ai, "episodes", ei), text) for ei, text in enumerate(arc.episodes)]
    else:
        assert arc.between is not None
        named = [(("arcs", ai, "between", i), text) for i, text in enumerate(arc.between)]
    keys = []
    for where, text in named:
        key = _episode_key(plan, universe, arc.into, text, where)
        if key not in plan.block_of:
            raise plan.error(where, f"no unit shoots {key}: add it to a unit's block")
        keys.append(key)
    if isinstance(arc.episodes, tuple):
        return keys
    order = [e.key for e in universe.series_episodes(arc.into)] + natsorted(
        k for k, u in plan.upcoming.items() if u.series == arc.into
    )
    first, last = order.index(keys[0]), order.index(keys[1])
    if last < first:
        raise plan.error(("arcs", ai, "between"), f"{keys[1]} comes before {keys[0]}")
    chosen = order[first : last + 1]
    unshot = [k for k in chosen if k not in plan.block_of]
    if unshot:
        raise plan.error(
            ("arcs", ai, "between"), f"no unit shoots {', '.join(unshot)}: add to a unit's block"
        )
    if len(chosen) < arc.count:
        raise plan.error(
            ("arcs", ai, "episodes"),
            f"{arc.count} episodes asked for, but only {len(chosen)} lie between "
            f"{keys[0]} and {keys[1]}",
        )
    return chosen


def _episode_key(
    plan: Plan, universe: Universe, series: str, text: str, path: tuple[str | int, ...]
) -> str:
    sid, _, eid = text.rpartition(":")
    sid = sid or series
    if sid != series:
        raise plan.error(path, f"{text} is not an episode of {series!r}")
    key = f"{sid}:{eid}"
    if key in plan.upcoming or key in {e.key for e in universe.episodes}:
        return key
    known = [e.id for e in universe.series_episodes(series)] + [
        u.id for u in plan.upcoming.values() if u.series == series
    ]
    raise plan.error(
        path,
        f"unknown episode {key!r} (an unwritten one goes under `upcoming:` with its story time)"
        + did_you_mean(eid, known),
    )


def _inside_calendar(plan: Plan, path: tuple[str | int, ...], window: Window) -> None:
    cal = plan.conf.calendar
    if window.end < cal.start or window.start > cal.end:
        raise plan.error(
            path, f"the window {window.start}..{window.end} lies outside the calendar "
            f"{cal.start}..{cal.end}"
        )  # fmt: skip
