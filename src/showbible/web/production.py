"""The Production page's data: the universe's shooting plan, as `showbible schedule` makes it
(docs/schedule.md), solved once per canon and kept with it.

A production plan is for the people making the show, and its stripboard names every scene of
the episodes it shoots: it is shown only to a viewer who sees the whole canon, never through a
"watched up to" cut (that would spoil what the cut hides).
"""

from __future__ import annotations

from typing import Any

from showbible.model import InputError
from showbible.schedule.plan import PLAN_FILE
from showbible.web.state import Canon, View

Row = dict[str, Any]
# A page request must not wait the plan's whole time limit: the best plan in this many seconds.
WEB_TIME_LIMIT = 10.0


def production(view: View) -> Row:
    if not view.cut.everything:
        return {"state": "cut"}
    if view.canon.session.compiled is None:
        return {"state": "unbuilt"}
    # production.yaml is not part of the canon's hash: its own time keys the plan too
    plan_file = view.canon.root / PLAN_FILE
    stamp = plan_file.stat().st_mtime_ns if plan_file.is_file() else 0
    return view.canon.cached(("production", view.version, stamp), lambda: _solve(view.canon))


def _solve(canon: Canon) -> Row:
    # imported here: CP-SAT brings pandas and a second of imports the other pages do not need
    from showbible.schedule.plan import load_plan
    from showbible.schedule.render import conflicts_text
    from showbible.schedule.result import make_schedule
    from showbible.schedule.svg import to_svg

    compiled = canon.session.compiled
    if compiled is None:
        return {"state": "unbuilt"}
    try:
        plan = load_plan(compiled.universe)
        if plan is None:
            return {"state": "none"}
        limit = min(plan.conf.time_limit, WEB_TIME_LIMIT)
        data = make_schedule(compiled, plan, time_limit=limit).to_json()
    except InputError as exc:
        return {"state": "bad", "error": str(exc)}
    return {
        "state": data["status"],
        "data": data,
        "svg": to_svg(data),
        "conflicts": conflicts_text(data) if data["status"] == "infeasible" else "",
    }
