"""two-places: one character in two places at the same story time, or away while held.

Anti-pattern (both episodes are ``story: day 3``)::

    magpie/mp3.fountain     INT. CLINIC - DAY     Mara is here
    teamup/t1.fountain      EXT. DOCKS - DAY      Mara is here too

Fix: give the scenes distinct story times (``[[story: day 3 night]]``), move one of them, or
seal a deliberate double (``[[allow: two-places it is her twin]]``). A scene that names no place
(a camera shot such as ``POV: THE SKY``, or no heading) is nowhere else. Scenes overlap only when
they are in different episodes and agree at the finest precision both give: ``day 3`` overlaps
``day 3 night``, but ``day 3 morning`` does not. Reported once, on the later scene in release
order, with the other as evidence. A hold inferred from one sentence that three or more later
scenes contradict is refuted by the story, not reported (see ``rules/base.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from showbible.canon.fold import Canon, Known
from showbible.reading.extract import place_key
from showbible.reading.facts import SceneFacts
from showbible.reading.places import at_place
from showbible.rules.base import Context, Evidence, Finding, Rule, refute


class TwoPlaces(Rule):
    id = "two-places"
    severity = "error"
    summary = "one character is present in two overlapping scenes in different places"

    def check(self, ctx: Context) -> Iterator[Finding]:
        yield from self._overlaps(ctx)
        yield from self._held(ctx)

    def _overlaps(self, ctx: Context) -> Iterator[Finding]:
        canon = ctx.canon
        # Only someone present in a scene reported on can be reported.
        candidates = (
            canon.appearances.keys()
            if ctx.scope is None
            else sorted({cid for scene in ctx.scenes() for cid in scene.present})
        )
        for cid in candidates:
            indexes = canon.appearances.get(cid, [])
            if not ctx.is_person(cid):
                continue
            # Bucket by the coarsest part of story time: only scenes sharing it can overlap.
            buckets: dict[tuple[str, int], list[int]] = {}
            for i in indexes:
                s = canon.scenes[i]
                if s.story is None or (s.flashback and not _dated(s)) or place_key(s) is None:
                    continue
                buckets.setdefault((s.story.kind, s.story.parts[0]), []).append(i)
            seen: set[str] = set()
            for group in buckets.values():
                for n, i in enumerate(group):
                    later = canon.scenes[i]
                    if later.key in seen or not ctx.in_scope(later):
                        continue
                    for j in group[:n]:
                        earlier = canon.scenes[j]
                        if (earlier.series, earlier.episode) == (later.series, later.episode):
                            continue
                        assert earlier.story is not None and later.story is not None
                        if not earlier.story.overlaps(later.story):
                            continue
                        if place_key(earlier) == place_key(later):
                            continue
                        if not (earlier.present[cid].shown and later.present[cid].shown):
                            continue  # named there, not shown there: not enough to accuse
                        seen.add(later.key)
                        yield self.finding(
                            later,
                            later.present[cid].line,
                            (cid,),
                            f"{ctx.name(cid)} is here ({later.location}, {later.story}) and "
                            f"at {earlier.location} in {earlier.key} at the same story time",
                            [
                                Evidence.scene_line(
                                    earlier,
                                    earlier.present[cid].line,
                                    f"{ctx.name(cid)} is at {earlier.location}",
                                )
                            ],
                        )
                        break

    def _held(self, ctx: Context) -> Iterator[Finding]:
        fold, canon = ctx.fold, ctx.canon
        for cid, spans in fold.held.items():
            # Over every scene, whatever the scope: how often the story contradicts each hold.
            away: Counter[int] = Counter()
            for i in canon.appearances.get(cid, ()):
                scene = canon.scenes[i]
                # A scene that names no place (a shot: "POV: THE SKY") is nowhere else.
                if not scene.flashback and place_key(scene) is not None:
                    when = fold.at(scene, scene.present[cid].line)
                    away.update(
                        k
                        for k, (known, until) in enumerate(spans)
                        if known.moment < when < until and not at_place(scene, known.event.obj)
                    )
            refuted = {k for k, n in away.items() if refute(spans[k][0].event, n)}
            for i in canon.appearances.get(cid, ()):
                scene = canon.scenes[i]
                if scene.flashback or not ctx.in_scope(scene) or place_key(scene) is None:
                    continue
                if not scene.present[cid].shown:
                    continue  # named there, not shown there: not enough to accuse
                when = fold.at(scene, scene.present[cid].line)
                for k, (known, until) in enumerate(spans):
                    place = known.event.obj
                    if not (known.moment < when < until and _within(canon, known, scene)):
                        continue
                    if at_place(scene, place):
                        continue
                    if k in refuted:
                        continue
                    yield self.finding(
                        scene,
                        scene.present[cid].line,
                        (cid,),
                        f"{ctx.name(cid)} is here ({scene.location}) while held at {place}",
                        [Evidence.of(known.event, f"{ctx.name(cid)} is held at {place}"
                                     + (f" (inferred from {known.event.data['sentence']!r})"
                                        if known.event.data.get("sentence") else ""))],
                        inferred=known.event.source == "inferred",
                    )  # fmt: skip
                    break


def _within(canon: Canon, known: Known, scene: SceneFacts) -> bool:
    """Whether a hold can be broken in a scene: a bible's or an annotation's lasts until its
    ``until`` or a release; one inferred from a sentence ("Fabien is in the cell") tells of its
    own episode and story day only -- a release off-screen is routine and often only told ("The
    magistrate let him go this morning", the sixty-third blind look's Corsican gendarmerie,
    where Fabien guts sardines at the Vieux-Port three days later). Every later scene still
    counts against it (``refute``)."""
    if known.event.source != "inferred":
        return True
    key = known.event.scene
    if key is None or key.split("#")[0] != f"{scene.series}:{scene.episode}":
        return False
    at = canon.release_pos.get(key)
    told = canon.scenes[at].story if at is not None else None
    if told is None or scene.story is None or told.kind != scene.story.kind:
        return True
    day = 3 if told.kind == "iso" else 1  # 2024-06-17, "day 3": the story day
    return scene.story.parts[:day] == told.parts[:day]


def _dated(scene: SceneFacts) -> bool:
    """Whether a flashback carries its own story time (``[[story: 1956-04-14T22:00]]``): then it
    puts its people at that time as any scene does (the seventy-second blind look's ramen cart,
    1956, against the deathbed of the other series at the same hour). Without one it has only
    its episode's time, which is not when it happens."""
    return any(a.verb == "story" for a in scene.annotations)
