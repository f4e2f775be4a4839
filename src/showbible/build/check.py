"""`check` as a library call: bring the store up to date, then return the findings.

Without ``as_of`` the findings come from the store (the build computed them). With ``as_of``,
the canon is folded again from only what had been released up to that point, so a finding
never rests on canon established later in release order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from showbible import store
from showbible.build.daemon import DaemonError, ask, select_findings
from showbible.model import Diagnostic, Evidence, Finding, InputError

if TYPE_CHECKING:
    from showbible.build.compiled import BuildResult

# The engine, the store's tables and SQLAlchemy are imported where this process compiles: a
# check that a running `watch` or `serve` answers needs none of them (they are 0.45 of the 0.5
# CPU s such a check took).


@dataclass
class CheckResult:
    findings: list[Finding]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    build: BuildResult | None = None
    served_by: int | None = None  # the pid of the `watch`/`serve` that answered, if one did
    how: str = ""  # how this process brought the store up to date (oneshot.py), for --verbose
    # (episodes, script files) of the canon, as the answering `watch`/`serve` holds it: what
    # `check --only` verifies its paths against without reading the store (cli/scope.py).
    scripts: tuple[int, list[str]] | None = None


def check(
    root: Path | str,
    url: str | None = None,
    *,
    as_of: str | None = None,
    only: Iterable[str] = (),
    rules: Iterable[str] = (),
    daemon: bool = False,
) -> CheckResult:
    """Findings for a universe. ``only``: universe-relative file paths (or folders) to report on;
    ``rules``: rule ids to report; ``as_of``: a REF that cuts the canon in release order;
    ``daemon``: ask a running `watch`/`serve` of this universe and store first (daemon.py)."""
    root = Path(root)
    if daemon and as_of is None:
        try:
            answer = ask(root, store.resolve_url(root, url), only, rules)
        except DaemonError as exc:
            raise InputError(str(exc)) from None
        if answer is not None:
            return CheckResult(
                answer.findings,
                answer.diagnostics,
                None,
                served_by=answer.pid,
                scripts=answer.scripts,
            )
    from showbible.build import oneshot

    done = oneshot.update(root, url)
    result = done.result
    if as_of is not None:
        findings = _as_of(root, url, as_of)
    elif result.compiled is not None:
        findings = result.compiled.findings
    else:
        findings = load_findings(store.resolve_url(root, url), root)
    how = {
        "unchanged": "the store was up to date",
        "episodes": "patched the edited episodes from the store's canon",
        "build": "a whole build",
    }[done.mode] + (f" ({done.note})" if done.note else "")
    return CheckResult(select_findings(findings, only, rules), result.diagnostics, result, how=how)


def _as_of(root: Path, url: str | None, ref_text: str) -> list[Finding]:
    from showbible.build.compiler import compile_universe, load_caches
    from showbible.store.access import open_sql
    from showbible.universe.loader import error_text, load_universe

    universe = load_universe(root)
    try:
        ref = universe.parse_ref(ref_text)
    except (KeyError, ValueError) as exc:
        raise InputError(f"--as-of: {error_text(exc)}") from None
    st = open_sql(store.resolve_url(root, url))
    try:
        with st.read() as db:
            cache, extracts = load_caches(db)
    finally:
        st.dispose()
    compiled = compile_universe(universe, cache, as_of=ref, extracts=extracts)
    return compiled.findings


def load_findings(url: str, root: Path) -> list[Finding]:
    from showbible.store.access import open_sql

    st = open_sql(url)
    try:
        st.ensure_schema()
        with st.read() as db:
            scenes = dict(db.rows('SELECT "id", "key" FROM "scenes"'))
            rows = db.rows(
                'SELECT "rule", "severity", "file", "line", "scene", "characters", "message", '
                '"evidence", "sealed", "seal_reason", "inferred" FROM "findings" ORDER BY "id"'
            )
    finally:
        st.dispose()
    out = []
    for rule, severity, file, line, scene, characters, message, ev, sealed, why, inferred in rows:
        evidence = [
            Evidence(e["file"], e["line"], e["message"], e.get("scene"), e.get("source"))
            for e in json.loads(ev)
        ]
        out.append(
            Finding(
                rule,
                severity,
                file,
                line,
                scenes.get(scene, ""),
                tuple(json.loads(characters)),
                message,
                evidence,
                sealed=bool(sealed),
                seal_reason=why,
                inferred=bool(inferred),
            )
        )
    return out
