"""Joining the inferred facts again after some scenes were replaced (a patch, build/patch.py),
without reading every scene's words again when the new scenes cannot change what secrets do.

``link`` is cheap but for secrets: which tells are distinctive (``learning.distinctive``: every
scene before a confidence searched for its tells) and who learns them (``learning.spread``: every
scene after it). In a canon where only some scenes changed, what those two read of the changed
scenes is small and can be compared: the confidences made there, the tells said anywhere in a
scene's words, and, for the speeches and readings that say a tell, who, where, which tells, and
who was there to hear. When that is the same before and after, every scene both searches read is
read the same, so they give what they gave: the old canon's facts of secrets are kept and only
the rest is joined again. When the scenes differ only in who was there to hear a tell said
(someone walked in, or out), the tells stay as distinctive as they were and only the secrets
whose tells are said there can be learnt by others: those are spread again (``respread``), the
rest kept. Otherwise everything is joined again. Either way the result is what ``link`` gives
for the new canon (tests/reading/test_infer_relink.py holds the two equal).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from showbible.reading.facts import SceneFacts
from showbible.reading.infer.learning import (
    Occurrences,
    Secret,
    TellFinder,
    _normal,
    distinctive,
)
from showbible.reading.infer.linking import (
    SECRET_VERBS,
    Linked,
    confided,
    confided_tells,
    link,
    respread,
)


@dataclass
class Replaced:
    """What a patch did: ``linked`` is what ``link`` gave for the canon before it, in which the
    scenes ``before`` were replaced by ``after`` (same keys, same places in release order)."""

    linked: list[Linked]
    before: list[SceneFacts]
    after: list[SceneFacts]
    # Where tells are said in the canon before the patch, if the caller kept it: updated here
    # for the replaced scenes, and then what the new canon's joins read.
    occurs: Occurrences = dataclasses.field(default_factory=Occurrences)


def relink(
    scenes: list[SceneFacts],
    is_role: Callable[[str], bool],
    bible_tells: Iterable[str],
    replaced: Replaced,
) -> list[Linked]:
    """``link(scenes, is_role, bible_tells)``, reusing the facts of secrets when they cannot
    have changed."""
    tells = confided_tells(scenes)
    finder = TellFinder(tells)
    occurs = replaced.occurs
    position = {sc.key: n for n, sc in enumerate(scenes)} if occurs.keys else {}
    moved: dict[str, dict[int, int]] = {}
    heard: set[str] = set()  # tells said where only who was there to hear them changed
    reread: set[str] = set()  # tells in the words of scenes whose words changed
    rewritten: set[str] = set()  # those scenes
    shapes = []
    for old, new in zip(replaced.before, replaced.after, strict=True):
        a, a_lines = _shape(old, finder, is_role)
        b, b_lines = _shape(new, finder, is_role)
        if occurs.keys:
            occurs.replace(position[new.key], _words(b), frozenset(tells))
        shapes.append((new, a, a_lines, b, b_lines))
    for new, a, a_lines, b, b_lines in shapes:
        if a[:-1] == b[:-1]:
            # Read alike but for lines moved in order (an edit above them: a line added or
            # taken away) and perhaps who was there to hear the tells said. Both searches only
            # compare these lines with each other (who said what first) and give them back, so
            # a map that keeps their order keeps what they give.
            lines = dict(zip(a_lines, b_lines, strict=True))
            if any(x != y for x, y in lines.items()):
                moved[new.key] = lines
            if a[-1] != b[-1]:
                heard |= {t for _who, _line, found in _said(a) for t in found}
        elif a[2] or b[2]:
            # Confidences here, and other words: everything again.
            return link(scenes, is_role, bible_tells, occurs=occurs)
        else:
            # Other words: only the secrets whose tells they hold (before or after) can read
            # otherwise, in this scene and, through who learnt them here, after it.
            reread |= set(_words(a)) | set(_words(b))
            rewritten.add(new.key)
    # The same confidences in the new scenes, and the same said and read of them, but for where
    # their lines stand: the same secrets and tells, learnt at the same places, moved.
    kept = [x for x in replaced.linked if x.verb in SECRET_VERBS]
    if moved:
        if any(x.line not in moved[x.scene] for x in kept if x.scene in moved):
            # A line the searches did not read: unsure.
            return link(scenes, is_role, bible_tells, occurs=occurs)
        kept = [
            dataclasses.replace(x, line=moved[x.scene][x.line]) if x.scene in moved else x
            for x in kept
        ]
    if reread:
        # Where each tell is said, found once for the session (a pass over every scene's
        # words, about what joining these secrets again without it reads) and kept up to date
        # since: the secrets joined again read only the scenes that say their tells. Someone
        # walking in needs no more than spreading the secrets said there again, which reads
        # the speeches once: it uses the index when there is one but does not make it.
        occurs.ensure(scenes, tells)
        again = _joined_again(kept, reread | heard, rewritten, scenes, is_role, bible_tells, occurs)
        if again is None:
            return link(scenes, is_role, bible_tells, occurs=occurs)
        kept = again
    elif heard:
        kept = _heard_again(kept, heard, scenes, is_role, occurs)
    return link(scenes, is_role, bible_tells, secret_facts=kept)


def _group(facts: Iterable[Linked]) -> dict[str, list[Linked]]:
    """Facts of secrets by secret: each secret's fact, then who learns it (``link``'s order)."""
    out: dict[str, list[Linked]] = {}
    for x in facts:
        out.setdefault(x.subject if x.verb == "secret" else str(x.obj), []).append(x)
    return out


def _joined_again(
    kept: list[Linked],
    tells: set[str],
    rewritten: set[str],
    scenes: list[SceneFacts],
    is_role: Callable[[str], bool],
    bible_tells: Iterable[str],
    occurs: Occurrences,
) -> list[Linked] | None:
    """The facts of secrets with those that have a tell (normalised) in ``tells`` joined again
    from nothing — which of their tells are distinctive, who learns them — and the rest kept;
    None when a kept fact stands in a ``rewritten`` scene (its line cannot be placed)."""
    secrets = confided(scenes, is_role, bible_tells)
    again = [s for s in secrets if any(_normal(t) in tells for t in s.tells)]
    ids = {s.id for s in again}
    old = _group(kept)
    if any(x.scene in rewritten for sid, facts in old.items() if sid not in ids for x in facts):
        return None
    distinctive(again, scenes, occurs)
    fresh = _group(respread(again, scenes, is_role, occurs))
    return [x for s in secrets for x in (fresh if s.id in ids else old).get(s.id, [])]


def _heard_again(
    kept: list[Linked],
    said: set[str],
    scenes: list[SceneFacts],
    is_role: Callable[[str], bool],
    occurs: Occurrences,
) -> list[Linked]:
    """The facts of secrets with those whose tells (normalised) are in ``said`` spread again;
    in ``link``'s order: each secret's fact followed by who learns it."""
    groups = _group(kept)
    again = [
        Secret(sid, head.scene, head.line, head.file, head.sentence, head.confidence,
               tuple(head.data["tells"]), tuple(head.data["hearers"]))
        for sid, (head, *_rest) in groups.items()
        if any(_normal(t) in said for t in head.data["tells"])
    ]  # fmt: skip
    if not again:
        return kept
    fresh = _group(respread(again, scenes, is_role, occurs))
    return [x for sid, facts in groups.items() for x in fresh.get(sid, facts)]


def _said(shape: tuple[object, ...]) -> list[tuple[str, int, list[str]]]:
    said = shape[5]
    assert isinstance(said, list)
    return said


def _words(shape: tuple[object, ...]) -> list[str]:
    words = shape[4]
    assert isinstance(words, list)
    return words


def _shape(
    sc: SceneFacts, finder: TellFinder, is_role: Callable[[str], bool]
) -> tuple[tuple[object, ...], list[int]]:
    """What the searches read of a scene (its confidences and ``_read``), with each line given
    as its rank among those lines; and those lines in order."""
    confided = [i for i in sc.inferred or () if i.kind == "confides"]
    key, flashback, words, said, read, heard = _read(sc, finder, is_role) if not finder.empty else (
        sc.key, sc.flashback, [], [], [], []
    )  # fmt: skip
    lines = sorted({i.line for i in confided} | {ln for _c, ln, _f in said} | {r[1] for r in read})
    rank = {ln: n for n, ln in enumerate(lines)}
    shape = (
        key,
        sc.file,
        [dataclasses.replace(i, line=rank[i.line]) for i in confided],
        flashback,
        words,
        [(c, rank[ln], f) for c, ln, f in said],
        [(subject, rank[ln], reason, f) for subject, ln, reason, f in read],
        heard,
    )
    return shape, lines


def _read(
    sc: SceneFacts, finder: TellFinder, is_role: Callable[[str], bool]
) -> tuple[str, bool, list[str], list[tuple[str, int, list[str]]],
           list[tuple[str, int, str, list[str]]], list[str]]:  # fmt: skip
    """What ``distinctive`` and ``spread`` read of a scene, for any secret whose tells
    ``finder`` holds: the tells in its words as ``distinctive`` joins them; the speeches
    (not voices) and readings that say one, with who and where; who heard them; whether the
    scene is a flashback (``spread`` skips those)."""
    words = finder("\n".join([d.text for d in sc.dialogue] + [x.text for x in sc.sentences]))
    said = [(d.character, d.line, sorted(found)) for d in sc.dialogue if not d.voice
            for found in [finder(d.text)] if found]  # fmt: skip
    read = [(h.subject, h.line, h.reason, sorted(found)) for h in sc.inferred or ()
            if h.kind == "learns" for found in [finder(h.sentence)] if found]  # fmt: skip
    heard = [c for c in sc.present if not is_role(c)] if said else []
    return (sc.key, sc.flashback, sorted(words), said, read, heard)
