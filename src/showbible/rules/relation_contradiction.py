"""relation-contradiction: a relationship annotation contradicts the pair's current relationship
with no event changing it.

Anti-pattern (``[[relation: MARA enemies TOBIAS]]`` in ep1; nothing ends it; in ep4)::

    [[relation: MARA romance TOBIAS]]

Fix: end the old relationship where it changes (``[[ends: MARA enemies TOBIAS]]`` or a bible
``ends`` event), or seal the scene: ``[[allow: relation-contradiction a ruse]]``.

Learning what the other kept from one is such an event for a relationship that cools: when,
between the two annotations, one of the pair learns a secret the other had kept since the old
relationship was asserted (Gary learns the child is not his, which Sharon knew), the
relationship may turn to distrust, rivalry or
enmity without an ``ends`` -- but a secret found out is no reason to start trusting (Holt
learns Marsh signed the dive order, then "trusts" him: still a contradiction).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator

from showbible.canon.fold import Fold, Moment
from showbible.reading.events import CanonEvent, vocabulary
from showbible.rules.base import Context, Evidence, Finding, Rule


class RelationContradiction(Rule):
    id = "relation-contradiction"
    severity = "warning"
    summary = "a relationship annotation contradicts the current relationship"

    def check(self, ctx: Context) -> Iterator[Finding]:
        canon = ctx.canon
        _kinds, opposes = vocabulary(canon.universe.bible)
        # Per pair of characters: (from, to, kind) -> the event that made it hold; mutual kinds
        # are stored both ways. (One table per pair: a universe has thousands of relationships,
        # and each event is about one pair.)
        active: dict[tuple[str, str], dict[tuple[str, str, str], CanonEvent]] = {}
        since: dict[int, Moment] = {}  # id of an event -> its moment
        learnt = _learnt(ctx.fold)
        for known in ctx.fold.relations:
            since[id(known.event)] = known.moment
            e = known.event
            a, b = e.subject, e.obj or ""
            held = active.setdefault((a, b) if a < b else (b, a), {})
            kind = str(e.data.get("kind"))
            if e.verb == "ends":
                for key in list(held):
                    if e.data.get("kind") in (None, key[2]):
                        del held[key]
                continue
            mutual = bool(e.data.get("mutual"))
            opposed = opposes.get(kind, frozenset())
            clashes = [
                (k, source)
                for (x, y, k), source in held.items()
                if k in opposed and ((x, y) == (a, b) or (mutual and (x, y) == (b, a)))
            ]
            # Only a scene's annotation asserts a relationship; a bible event *is* the change.
            if (
                clashes
                and e.source == "annotation"
                and e.scene is not None
                and not (
                    kind in _COLD
                    and _found_out(
                        _about(ctx, learnt, a, b),
                        a,
                        b,
                        since[id(clashes[0][1])],
                        known.moment,
                        lambda pos: canon.scenes[canon.story_order[pos]].present,
                    )
                )
            ):
                old_kind, old = clashes[0]
                yield self.finding(
                    canon.scene(e.scene),
                    e.line,
                    (a, b),
                    f"{ctx.name(a)} {kind} {ctx.name(b)} here, but they are still {old_kind} "
                    "and nothing ended it",
                    [Evidence.of(old, f"{ctx.name(a)} and {ctx.name(b)}: {old_kind}")],
                )
            for old_kind, _old in clashes:
                for key in [k for k in held if k[2] == old_kind]:
                    del held[key]
            held[(a, b, kind)] = e
            if mutual:
                held[(b, a, kind)] = e


# The built-in kinds a relationship cools to: what a secret found out may explain.
_COLD = frozenset({"distrusts", "enemies", "rivals", "hunts", "cat-and-mouse"})


def _learnt(fold: Fold) -> dict[str, dict[str, Moment]]:
    """Per secret, when each character first knows it."""
    out: dict[str, dict[str, Moment]] = {}
    for (cid, secret), known in fold.knows.items():
        out.setdefault(secret, {})[cid] = known.moment
    return out


def _about(
    ctx: Context, learnt: dict[str, dict[str, Moment]], a: str, b: str
) -> dict[str, dict[str, Moment]]:
    """The secrets that may be what one of the pair kept from the other: one of them keeps it
    from the start (the bible's ``known_by``: Sharon's secret), or its statement names one
    of them (a full name, a first name or an alias), or it states nothing. A secret of the
    story at large that one of them came upon (a witness who informs for the police, the
    victim's life policy, found by the defence) is no reason for their own relationship to
    cool (the twenty-second blind look: the defendant's mother turns on his lawyer)."""
    secrets = ctx.canon.universe.bible.secrets
    out: dict[str, dict[str, Moment]] = {}
    for sid, knowers in learnt.items():
        conf = secrets.get(sid)
        if (
            conf is None
            or not conf.statement
            or a in conf.known_by
            or b in conf.known_by
            or any(_names(ctx, c).search(conf.statement) for c in (a, b))
        ):
            out[sid] = knowers
    return out


def _names(ctx: Context, cid: str) -> re.Pattern[str]:
    conf = ctx.canon.universe.bible.characters.get(cid)
    name = ctx.name(cid)
    forms = {name, name.split()[0]} if name.split() else {name}
    if conf is not None:
        forms |= {a if isinstance(a, str) else a.label for a in conf.aliases}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)) if f)
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w])", re.IGNORECASE)


def _found_out(
    learnt: dict[str, dict[str, Moment]],
    a: str,
    b: str,
    then: Moment,
    now: Moment,
    present: Callable[[int], Collection[str]],
) -> bool:
    """Whether, between ``then`` and ``now``, one of a and b learnt a secret the other had
    kept through the relationship (knew already when it was asserted, at ``then``): the story's
    own reason for it to change. One who learnt it only later kept nothing from the other
    (the seventeenth blind look: Pryce, allied with Dalby, hears that Reiss lived; months
    later Dalby does too, and "enemies" is still a contradiction). Nor is a secret the one who
    kept it is there to share in the very scene the relationship was made (the thirty-seventh
    blind look: Gus allies with Tommy and tells him of the levee; "enemies" later is
    reported). ``present``: who is in the scene at a story position."""
    for knowers in learnt.values():
        for x, y in ((a, b), (b, a)):
            mx, my = knowers.get(x), knowers.get(y)
            if mx is None or my is None or not then < mx < now or not my < then:
                continue
            if mx[0] == then[0] and mx[0] >= 0 and y in present(mx[0]):
                continue  # shared where they made it: nothing kept
            return True
    return False
