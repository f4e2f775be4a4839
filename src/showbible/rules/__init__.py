"""The continuity rules, one module each, registered by id.

``run_rules`` runs them over a canon and its event fold, seals what the scripts or the bible
allow, and returns the findings in file order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from showbible.canon.fold import Canon, Fold
from showbible.model import Diagnostic
from showbible.rules.base import Context, Evidence, Finding, Rule
from showbible.rules.capability import Capability
from showbible.rules.dangling_reference import DanglingReference
from showbible.rules.dead_character import DeadCharacter
from showbible.rules.destroyed_place import DestroyedPlace
from showbible.rules.input import INPUT_RULES
from showbible.rules.premature_knowledge import PrematureKnowledge
from showbible.rules.reintroduction import Reintroduction
from showbible.rules.relation_contradiction import RelationContradiction
from showbible.rules.two_places import TwoPlaces
from showbible.rules.unknown_character import UnknownCharacter

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        UnknownCharacter(),
        DeadCharacter(),
        DestroyedPlace(),
        PrematureKnowledge(),
        Capability(),
        Reintroduction(),
        TwoPlaces(),
        DanglingReference(),
        RelationContradiction(),
        *INPUT_RULES,
    )
}
# The rules whose findings are the build's diagnostics: re-run whole whenever they change.
INPUT_RULE_IDS = frozenset(r.id for r in INPUT_RULES)

__all__ = [
    "INPUT_RULE_IDS",
    "RULES",
    "Context",
    "Evidence",
    "Finding",
    "Rule",
    "in_file_order",
    "run_rules",
]


def run_rules(
    canon: Canon,
    fold: Fold,
    only: Iterable[str] | None = None,
    scope: Iterable[str] | None = None,
    characters: Iterable[str] | None = None,
    diagnostics: Iterable[Diagnostic] = (),
    kept: dict[str, Any] | None = None,
    stale: Iterable[str] | None = None,
) -> list[Finding]:
    """Findings in file order. ``scope``: report on these scenes (keys) only; ``characters``:
    on findings about these characters only; ``diagnostics``: the build's warnings, each a
    finding of the input rule it is tagged with; ``kept``, ``stale``: what the rules counted
    over the canon before ``stale`` scenes changed, which they bring up to date (Context)."""
    ctx = Context(
        canon,
        fold,
        frozenset(scope) if scope is not None else None,
        frozenset(characters) if characters is not None else None,
        tuple(diagnostics),
        kept,
        frozenset(stale) if stale is not None else None,
    )
    chosen = [RULES[r] for r in only] if only is not None else list(RULES.values())
    findings: dict[tuple[str, str, tuple[str, ...], str], Finding] = {}
    for rule in chosen:
        for f in rule.check(ctx):
            if ctx.scope is not None and f.scene not in ctx.scope:
                continue  # a rule that must read every scene reported outside the scope
            if ctx.characters is not None and ctx.characters.isdisjoint(f.characters):
                continue
            # One finding per rule, scene and character (or pair): keep the first line.
            if f.key not in findings or f.line < findings[f.key].line:
                findings[f.key] = f
    for f in findings.values():
        reason = fold.allows.get(f.scene, {}).get(f.rule)
        if reason is not None:
            f.sealed = True
            f.seal_reason = reason or "allowed"
    return in_file_order(canon, findings.values())


def in_file_order(canon: Canon, findings: Iterable[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (f.file, f.line, canon.release_pos.get(f.scene, 0), f.rule, f.characters),
    )
