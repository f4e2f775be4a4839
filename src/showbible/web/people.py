"""Characters as a viewer at a point knows them: the cast, one character, two who met."""

from __future__ import annotations

from collections import Counter
from typing import Any

from showbible import queries
from showbible.web.state import View
from showbible.web.visible import known

Row = dict[str, Any]
# The keys of the query layer's answers that the web knows how to cut (see visible.known).
WHO_KEYS = (
    "id",
    "name",
    "provisional",
    "role",
    "performer",
    "home",
    "as_of",
    "series",
    "labels",
    "appearances",
    "appeared",
    "life",  # died and last seen: both cut at the viewer's point by the query
    "met",
    "knows",
)
MET_KEYS = ("a", "b", "met", "release", "story", "scenes_together")
RELATION_KEYS = ("id", "name", "as_of", "timeline", "relations")


def _visible_id(view: View, name: str) -> str:
    """A character id the viewer may see, found by id, name or label; otherwise NotFound with
    the same message as for a name that does not exist, so a 404 cannot confirm a spoiler."""
    try:
        cid = str(queries.find_character(view.conn, name)["id"])
    except queries.NotFound:
        if view.cut.everything:
            raise  # its suggestions may name anyone: only without a cut
        raise queries.NotFound(f"no character {name!r} in what you have watched") from None
    if not view.sight.sees_character(cid):
        raise queries.NotFound(f"no character {name!r} in what you have watched")
    return cid


def cast(view: View) -> list[Row]:
    """Every character seen so far, most seen first (walk-on roles last)."""
    index, sight = view.index, view.sight
    series_of = sight.series_of
    out: list[Row] = []
    for cid, n in sight.appearances.items():
        char = index.characters[cid]
        seen_in = series_of.get(cid, [])
        out.append(
            {
                "id": cid,
                "name": char.name,
                "role": char.role,
                "provisional": char.provisional,
                "appearances": n,
                "series": seen_in,
                "colour": index.colour(index.home_of(cid, seen_in)),
            }
        )
    out.sort(key=lambda c: (bool(c["role"]), -int(c["appearances"]), str(c["name"])))
    return out


def character(view: View, name: str) -> Row:
    """`who NAME`, cut at the viewer's point, with relationships and a timeline."""
    cid = _visible_id(view, name)
    index, sight = view.index, view.sight
    data = known(queries.who(view.conn, cid, view.cut.point), WHO_KEYS, view.cut)
    seen_series = sight.series_ids
    if not view.cut.everything:
        # Cues only from series the character has been seen in, without the speech counts
        # (the store counts speeches over every episode, seen or not).
        data["labels"] = {
            s: [{"label": x["label"]} for x in v]
            for s, v in data["labels"].items()
            if s in seen_series and s in data["series"]
        }
    cues = [x["label"] for v in data["labels"].values() for x in v]
    data["cues"] = sorted(set(cues), key=cues.index)
    if data["home"] not in data["series"]:
        data["home"] = None
    # Scenes together: only those the viewer has seen (the store counts them all).
    together: Counter[str] = Counter()
    for sid in sight.scenes:
        people = index.present.get(sid, ())
        if cid in people:
            together.update(c for c in people if c != cid)
    data["met"] = [
        m | {"scenes_together": together[m["id"]], "curve": _curve(view, cid, m["id"])}
        for m in data["met"]
        if sight.sees_character(m["id"])
    ]
    data["knows"] = [
        k | {"statement": index.secret_statements.get(k["secret"])}
        for k in data["knows"]
        if k["since"] is not None or view.cut.everything or k["secret"] in sight.secrets
    ]
    rel = queries.relations(view.conn, cid, view.cut.point)
    data["relations"] = [r for r in rel["relations"] if sight.sees_character(r["id"])]
    data["colour"] = index.colour(index.home_of(cid, data["series"]))
    return data


def _curve(view: View, a: str, b: str) -> list[Row]:
    """The pair's measured interaction per episode the viewer has seen whole, in release order:
    the "switches back and forth" made visible (issue: relationships over time)."""
    x, y = sorted((a, b))
    out = []
    for r in queries.interaction_curve(view.conn, x, y):
        if view.sight.sees_whole_episode(view.index, r["episode"]):
            out.append(
                {"episode": r["episode"], "scenes": r["scenes"], "exchanges": r["exchanges"]}
            )
    return out


def timeline(view: View, data: Row) -> Row:
    """The appearance timeline: one lane per series seen, one column per episode seen (release
    order), and the number of scenes the character is in at each crossing of the two."""
    index = view.index
    episodes = view.sight.episodes
    column = {e.key: i for i, e in enumerate(episodes)}
    # Lanes only for the series the character is in: a lane of empty dots says nothing.
    lanes = [
        {"id": sid, "title": title, "colour": index.colour(sid)}
        for sid, title in view.sight.series
        if sid in data["series"]
    ] or [{"id": sid, "title": t, "colour": index.colour(sid)} for sid, t in view.sight.series]
    lane_of = {lane["id"]: i for i, lane in enumerate(lanes)}
    marks = []
    for app in data["appearances"]:
        key = f"{app['series']}:{app['episode']}"
        if key in column:
            marks.append(
                {
                    "x": column[key],
                    "y": lane_of[app["series"]],
                    "scenes": len(app["scenes"]),
                    "series": app["series"],
                    "episode": app["episode"],
                    "first_scene": app["scenes"][0]["scene"],
                }
            )
    slots = [
        {
            "x": column[e.key],
            "y": lane_of[e.series],
            "series": e.series,
            "episode": e.id,
            "title": e.title or e.id,
        }
        for e in episodes
        if e.series in lane_of
    ]
    # Columns narrow as episodes multiply, so that 500 episodes fit the card (~900 px) rather
    # than a 4,000 px strip; episode ids label about ten evenly spaced columns.
    n = max(len(episodes), 1)
    step, lane_h, left = max(1.5, min(26.0, 900 / n)), 30, 150
    every = max(1, -(-n // 10))
    ticks = [{"x": i, "label": e.id} for i, e in enumerate(episodes) if i % every == 0]
    return {
        "lanes": lanes,
        "slots": slots if step >= 6 else [],  # below that the dots are a grey smear
        "marks": marks,
        "ticks": ticks,
        "step": step,
        "rmax": max(3.0, min(12.0, step * 1.5)),
        "lane_h": lane_h,
        "left": left,
        "width": round(left + step * n + 40),
        "height": lane_h * max(len(lanes), 1) + 22,
    }


def met(view: View, a: str, b: str) -> Row:
    """`met A B`, as the viewer knows it: a meeting they have not seen has not happened."""
    ida, idb = _visible_id(view, a), _visible_id(view, b)
    full = queries.met(view.conn, ida, idb)
    data = known(full, MET_KEYS, view.cut)
    scenes = view.index.scene_by_key
    release = data.get("release")
    if release is None:
        return data
    first = scenes.get(f"{release['series']}:{release['episode']}#{release['scene']}")
    if first is None or not view.sight.sees_scene(first.id):
        return {"a": data["a"], "b": data["b"], "met": False}
    story = data.get("story")
    if story is not None:
        on_story = scenes.get(f"{story['series']}:{story['episode']}#{story['scene']}")
        if on_story is None or not view.sight.sees_scene(on_story.id):
            data.pop("story")
    if not view.cut.everything:
        if "relations" in full:
            rel = queries.relations(view.conn, ida, view.cut.point, other=idb)
            data["relations"] = rel["relations"]
        if "interaction" in full:
            data["interaction"] = [
                i
                for i in full["interaction"]
                if view.sight.sees_whole_episode(view.index, str(i.get("episode")))
            ]
        together = sum(
            1
            for sid in view.sight.scenes
            if ida in view.index.present.get(sid, ()) and idb in view.index.present.get(sid, ())
        )
        data["scenes_together"] = together
    return data


def relations(view: View, name: str) -> Row:
    cid = _visible_id(view, name)
    data = known(queries.relations(view.conn, cid, view.cut.point), RELATION_KEYS, view.cut)
    data["relations"] = [r for r in data["relations"] if view.sight.sees_character(r["id"])]
    return data
