"""Joining the inferred facts again after some scenes were replaced (a patch, build/patch.py),
without reading every scene's words again when the new scenes cannot change what secrets do.

``link`` is cheap but for secrets: which tells are distinctive (``learning.distinctive``: every
scene before a confidence searched for its tells) and who learns them (``learning.spread``: every
scene after it). In a canon where only some scenes changed, what those two read of the changed
scenes is small and can be compared: the confidences made there, the tells said anywhere in a
scene's words, and, for the speeches and readings that say a tell, who, where, which tells, and
who was there to hear. When that is the same before and after, every scene both searches read is
read the same, so they give what they gave: the old canon's facts of secrets are kept and only
the rest is joined again. Otherwise everything is joined again. Either way the result is what
``link`` gives for the new canon (tests/reading/test_infer_relink.py holds the two equal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from showbible.reading.facts import SceneFacts
from showbible.reading.infer.learning import TellFinder
from showbible.reading.infer.linking import SECRET_VERBS, Linked, link


@dataclass
class Replaced:
    """What a patch did: ``linked`` is what ``link`` gave for the canon before it, in which the
    scenes ``before`` were replaced by ``after`` (same keys, same places in release order)."""

    linked: list[Linked]
    before: list[SceneFacts]
    after: list[SceneFacts]


def relink(
    scenes: list[SceneFacts],
    is_role: Callable[[str], bool],
    bible_tells: Iterable[str],
    replaced: Replaced,
) -> list[Linked]:
    """``link(scenes, is_role, bible_tells)``, reusing the facts of secrets when they cannot
    have changed."""
    if _confided(replaced.before) == _confided(replaced.after):
        # The same confidences in the new scenes, the rest untouched: the same secrets and tells.
        finder = TellFinder(
            t for sc in scenes for i in sc.inferred or () if i.kind == "confides" for t in i.tells
        )
        if finder.empty or [_read(sc, finder, is_role) for sc in replaced.before] == [
            _read(sc, finder, is_role) for sc in replaced.after
        ]:
            kept = [x for x in replaced.linked if x.verb in SECRET_VERBS]
            return link(scenes, is_role, bible_tells, secret_facts=kept)
    return link(scenes, is_role, bible_tells)


def _confided(scenes: list[SceneFacts]) -> list[object]:
    return [
        (sc.key, sc.file, [i for i in sc.inferred or () if i.kind == "confides"]) for sc in scenes
    ]


def _read(sc: SceneFacts, finder: TellFinder, is_role: Callable[[str], bool]) -> tuple[object, ...]:
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
