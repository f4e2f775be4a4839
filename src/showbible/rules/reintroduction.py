"""reintroduction: characters who have already met act as strangers.

Anti-pattern (Mara and Nell first met in teamup:ep1#2; later, in Mara's own series)::

    NELL
    I'm Nell. Nice to meet you.

Fix: cut the introduction, or play the history ("Twice in one week, Voss."). When the meeting
really is new, the engine already knows it: a first meeting never fires. For a character in a
mask, meeting the masked identity is not meeting the civilian one until the secret linking them
is known. Seal a deliberate pretence with ``[[allow: reintroduction they pretend not to know
each other]]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from showbible.canon import Moment
from showbible.extract import SceneFacts, Speech
from showbible.names import normalise
from showbible.rules.base import Context, Evidence, Finding, Rule

_SELF_INTRO = re.compile(
    r"\b(?i:I'?m|I am|my name is|my name's|name's|call me|they call me)\s+"
    r"((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})"
)
_STRANGER = re.compile(
    r"\b(?:(?:nice|pleased|good|glad|great|lovely) to (?:finally )?meet you|who are you|"
    r"have we met|do i know you|what'?s your name|and you are\?|we haven'?t met|"
    r"i don'?t (?:think i )?know you)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Meeting:
    pos: int
    ident_a: str | None
    ident_b: str | None
    scene: SceneFacts


class Reintroduction(Rule):
    id = "reintroduction"
    severity = "warning"
    summary = "characters who have already met introduce themselves or act as strangers"

    def check(self, ctx: Context) -> Iterator[Finding]:
        meetings = _meetings(ctx)
        for scene in ctx.canon.scenes:
            speeches = [s for s in scene.dialogue if not s.voice]
            reported: set[tuple[str, str]] = set()
            for k, speech in enumerate(speeches):
                a = speech.character
                if not ctx.is_person(a):
                    continue
                phrase = _stranger_phrase(ctx, speech)
                if phrase is None:
                    continue
                text, offset = phrase
                line = speech.line + speech.text.count("\n", 0, offset)
                targets = _addressees(ctx, scene, speeches, k)
                if not targets:
                    continue
                when = ctx.fold.at(scene, line)
                prior = {b: _met_before(ctx, meetings, scene, a, b, when) for b in targets}
                if not all(prior.values()):
                    continue  # someone here is new to them: the introduction may be for them
                for b, first in prior.items():
                    key = (min(a, b), max(a, b))
                    if key in reported or first is None:
                        continue
                    reported.add(key)
                    yield self.finding(
                        scene,
                        line,
                        (a, b),
                        f"{ctx.name(a)} acts as a stranger to {ctx.name(b)} ({text!r}), but "
                        f"they met in {first.scene.key}",
                        [
                            Evidence.scene_line(
                                first.scene,
                                _first_line(first.scene, a, b),
                                f"{ctx.name(a)} and {ctx.name(b)} first meet",
                            )
                        ],
                    )


def _stranger_phrase(ctx: Context, speech: Speech) -> tuple[str, int] | None:
    m = _STRANGER.search(speech.text)
    if m:
        return m.group(0), m.start()
    for m in _SELF_INTRO.finditer(speech.text):
        before = speech.text[: m.start()].rstrip()
        if before and before[-1] not in ".!?":
            continue  # "Because my name is George": said in passing, not an introduction
        if speech.text[m.end() : m.end() + 2] in ("'s", "’s"):
            continue  # "I am Sir John Falstaff's": whose, not who
        if _names_self(ctx, speech.character, m.group(1)):
            return m.group(0), m.start()
    return None


def _names_self(ctx: Context, cid: str, said: str) -> bool:
    """Whether ``I'm X`` names the speaker: X is one of their names or a word of one."""
    said_words = normalise(said).split()
    if not said_words:
        return False
    char = ctx.canon.cast.characters[cid]
    names = {normalise(char.name), normalise(cid.replace("-", " "))}
    conf = ctx.canon.universe.bible.characters.get(cid)
    if conf is not None:
        names |= {normalise(a if isinstance(a, str) else a.label) for a in conf.aliases}
    words = {w for n in names for w in n.split()}
    return said_words[0] in words or normalise(said) in names


def _addressees(ctx: Context, scene: SceneFacts, speeches: list[Speech], k: int) -> list[str]:
    a = speeches[k].character
    here = set(ctx.canon.people(scene))
    near = []
    for j in (k - 1, k + 1):
        if 0 <= j < len(speeches):
            b = speeches[j].character
            if b != a and b in here and b not in near:
                near.append(b)
    return near or sorted(here - {a})


def _meetings(ctx: Context) -> dict[tuple[str, str], list[_Meeting]]:
    out: dict[tuple[str, str], list[_Meeting]] = {}
    for scene in ctx.canon.in_story_order():
        pos = ctx.canon.story_pos[scene.key]
        people = sorted(ctx.canon.people(scene))
        for a, b in combinations(people, 2):
            out.setdefault((a, b), []).append(
                _Meeting(pos, scene.present[a].identity, scene.present[b].identity, scene)
            )
    return out


def _met_before(
    ctx: Context,
    meetings: dict[tuple[str, str], list[_Meeting]],
    scene: SceneFacts,
    a: str,
    b: str,
    when: Moment,
) -> _Meeting | None:
    """The first earlier meeting of a and b as they appear now, if any."""
    x, y = (a, b) if a < b else (b, a)
    now_x, now_y = scene.present[x].identity, scene.present[y].identity
    for m in meetings.get((x, y), ()):
        if m.pos >= when[0]:
            break
        if _same_face(ctx, x, m.ident_a, now_x, y, when) and _same_face(
            ctx, y, m.ident_b, now_y, x, when
        ):
            return m
    return None


def _same_face(
    ctx: Context, cid: str, then: str | None, now: str | None, viewer: str, when: Moment
) -> bool:
    """Whether ``viewer`` would recognise ``cid`` now from a meeting under identity ``then``."""
    if then == now or then is None or now is None:
        return True
    secret = _identity_secret(ctx, cid)
    return secret is not None and ctx.fold.knows_secret(viewer, secret, when)


def _identity_secret(ctx: Context, cid: str) -> str | None:
    conf = ctx.canon.universe.bible.characters.get(cid)
    return conf.identity_secret if conf is not None else None


def _first_line(scene: SceneFacts, a: str, b: str) -> int:
    return max(scene.present[a].line, scene.present[b].line)
