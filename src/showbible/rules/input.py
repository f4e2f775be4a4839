"""Rules for what the engine could not read as written: every warning a build prints is also a
finding, so that `check --format json|sarif` (CI, code scanning) sees what the engine saw, and a
warning that is intended can be sealed like any other finding.

The readers, the loader and the annotation collector tag each ``Diagnostic`` with the id of the
rule it is reported under (``Diagnostic.code``); an untagged one is ``script-syntax``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from showbible.model import Diagnostic
from showbible.reading.facts import SceneFacts
from showbible.rules.base import Context, Finding, Rule


class InputRule(Rule):
    """A rule whose findings are the build's diagnostics tagged with its id."""

    def check(self, ctx: Context) -> Iterator[Finding]:
        mine = [d for d in ctx.diagnostics if rule_of(d) == self.id]
        if not mine:
            return
        where = _SceneIndex(ctx.canon.scenes)
        for d in mine:
            scene = where.scene_at(d.file, d.line)
            yield Finding(
                self.id,
                self.severity,
                d.file,
                d.line,
                scene,
                (),
                d.message,
                # Two warnings of one rule in one scene are two findings.
                subject=f"{d.file}:{d.line}:{d.column}:{d.message}",
            )


class Annotation(InputRule):
    """annotation: a ``[[verb: ...]]`` note that cannot be applied (an unknown verb, a name that
    is no character, place or secret, a story time that does not parse): the canon does not
    have what the writer meant."""

    id = "annotation"
    severity = "warning"
    summary = "an annotation cannot be applied (unknown verb, character, place or secret)"


class Encoding(InputRule):
    """encoding: a script is not UTF-8 (it was decoded as another encoding, or bad bytes were
    replaced): names may read wrong until it is saved as UTF-8."""

    id = "encoding"
    severity = "warning"
    summary = "a script is not valid UTF-8"


class ScriptSyntax(InputRule):
    """script-syntax: the reader met something it read its own way (an unterminated note or
    boneyard, an unknown Final Draft paragraph type, a TEI speech without a speaker)."""

    id = "script-syntax"
    severity = "warning"
    summary = "a script has markup the reader could only guess at"


class UnreadableFile(InputRule):
    """unreadable-file: a file a series' glob matches that no reader accepts (a .docx, a stray
    note), or a text file that is not a transcript; the rest of the universe builds."""

    id = "unreadable-file"
    severity = "warning"
    summary = "a file matched by a series' scripts is not a script showbible reads"


class MissingScript(InputRule):
    """missing-script: a series' glob matches no file, or a bible episode that has no script
    looks like a misspelling of one that has."""

    id = "missing-script"
    severity = "warning"
    summary = "a series' glob matches no file, or an episode's script is missing"


INPUT_RULES: tuple[InputRule, ...] = (
    Annotation(),
    Encoding(),
    ScriptSyntax(),
    UnreadableFile(),
    MissingScript(),
)
_IDS = frozenset(r.id for r in INPUT_RULES)


def rule_of(d: Diagnostic) -> str:
    """The rule a diagnostic is reported under."""
    return d.code if d.code in _IDS else "script-syntax"


class _SceneIndex:
    """The scene of a file and line: the last scene of that file starting at or before it (the
    first scene for a line before any heading; "" for a file without scenes)."""

    def __init__(self, scenes: Sequence[SceneFacts]) -> None:
        self.by_file: dict[str, tuple[list[int], list[str]]] = {}
        for s in scenes:
            lines, keys = self.by_file.setdefault(s.file, ([], []))
            lines.append(s.line)
            keys.append(s.key)
        for lines, keys in self.by_file.values():
            order = sorted(range(len(lines)), key=lines.__getitem__)
            lines[:] = [lines[i] for i in order]
            keys[:] = [keys[i] for i in order]

    def scene_at(self, file: str, line: int) -> str:
        got = self.by_file.get(file)
        if not got:
            return ""
        lines, keys = got
        return keys[max(0, bisect.bisect_right(lines, line) - 1)]
