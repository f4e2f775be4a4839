"""What every rule shares: the Finding it reports and its evidence (defined in model.py, so that
a client of a running `watch` reads them without importing the engine), and the Rule base class."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from showbible.canon.fold import Canon, Fold
from showbible.model import Diagnostic, Evidence, Finding
from showbible.reading.events import CanonEvent
from showbible.reading.facts import SceneFacts

__all__ = ["REFUTED_BY", "SEVERITIES", "Context", "Evidence", "Finding", "Rule", "refute"]

SEVERITIES = ("error", "warning", "note")

# An inferred fact (a death, a destruction, a hold read from one sentence) that this many later
# scenes contradict is one the story itself refutes: Monica "dies" in one Friends transcript
# line and is in 276 scenes after it. Such a fact gives no finding; it is marked ``refuted``
# (``facts --inferred`` says so). A planted or real slip contradicts it once or twice.
REFUTED_BY = 3


def refute(e: CanonEvent, contradicting: int) -> bool:
    """Whether the story refutes an inferred fact that ``contradicting`` scenes contradict
    (marking it so); a bible or annotation fact is never refuted."""
    if e.source != "inferred":
        return False
    if contradicting < REFUTED_BY:
        e.data.pop("refuted", None)  # a session re-checks after edits: no stale mark
        return False
    e.data["refuted"] = f"{contradicting} later scenes contradict it"
    return True


@dataclass
class Context:
    """What rules read: the canon (scenes, cast, meetings) and the fold of events.

    ``scope`` (scene keys) asks for the findings of those scenes only, ``characters`` for the
    findings about those characters only: an incremental check (patch.py) re-checks what an
    edit can have changed. Rules still read the whole canon; they only skip the work of
    reporting outside the scope.
    """

    canon: Canon
    fold: Fold
    scope: frozenset[str] | None = None
    # Report on these characters only (a rule that reads the whole canon for each finding may
    # honour it to skip work; run_rules drops the findings about anyone else).
    characters: frozenset[str] | None = None
    # What the build could not read as written (rules/input.py reports them).
    diagnostics: tuple[Diagnostic, ...] = ()
    # What rules counted over every scene, by rule id, kept (as JSON) for the next check of a
    # patched canon: a rule may read and replace its entry. ``stale``: the scenes whose facts
    # changed since it was written (a patch's episodes); None when nothing kept holds (a
    # whole check, or a patch that moved the story's order).
    kept: dict[str, Any] | None = None
    stale: frozenset[str] | None = None

    def scenes(self) -> Sequence[SceneFacts]:
        """The scenes to report on, in release order."""
        if self.scope is None:
            return self.canon.scenes
        pos = self.canon.release_pos
        return [self.canon.scenes[i] for i in sorted(pos[k] for k in self.scope if k in pos)]

    def in_scope(self, scene: SceneFacts) -> bool:
        return self.scope is None or scene.key in self.scope

    def name(self, cid: str) -> str:
        char = self.canon.cast.characters.get(cid)
        return char.name if char else cid

    def is_person(self, cid: str) -> bool:
        """Rules about knowledge, meetings and death apply to characters, not walk-on roles,
        nor labels the crossing evidence judged walk-ons (a group: "nice to meet you" said to
        the CRYSTAL GEMS is said to no one person)."""
        cast = self.canon.cast
        return not cast.is_role(cid) and not cast.is_walk_on(cid)


class Rule:
    """A continuity rule. Subclasses set the class variables and implement ``check``."""

    id: ClassVar[str]
    severity: ClassVar[str]
    summary: ClassVar[str]

    def check(self, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        scene: SceneFacts,
        line: int,
        characters: tuple[str, ...],
        message: str,
        evidence: list[Evidence] | None = None,
        inferred: bool = False,
    ) -> Finding:
        return Finding(
            self.id,
            self.severity,
            scene.file,
            line,
            scene.key,
            characters,
            message,
            evidence or [],
            inferred=inferred,
        )
