"""Findings as a viewer at a point may see them, filtered by rule, severity and series."""

from __future__ import annotations

from typing import Any

from showbible.build.check import load_findings
from showbible.report import group_findings, summarise
from showbible.rules import RULES, Finding
from showbible.web.state import View

Row = dict[str, Any]
SEVERITIES = ("error", "warning", "note")
SHOWN = 300


def all_findings(view: View) -> list[Finding]:
    """Every finding of this canon (the build computed them; read once per build)."""
    return view.canon.cached(
        ("findings", view.version), lambda: load_findings(view.canon.url, view.canon.root)
    )


def visible_findings(view: View) -> list[Finding]:
    """Findings whose scene, and every scene their evidence points at, the viewer has seen:
    a finding about a scene already watched can still cite canon from a later release
    (a death that comes earlier in story time), and citing it would spoil it."""

    def compute() -> list[Finding]:
        findings = all_findings(view)
        if view.cut.everything:
            return findings
        scenes = view.index.scene_by_key

        def seen(key: str | None) -> bool:
            if key is None:
                return True
            sc = scenes.get(key)
            return sc is not None and view.sight.sees_scene(sc.id)

        return [
            f
            for f in findings
            if f.scene and seen(f.scene) and all(seen(e.scene) for e in f.evidence)
        ]

    return view.cached("findings", compute)


def filtered(
    view: View,
    rule: str | None = None,
    severity: str | None = None,
    series: str | None = None,
) -> list[Finding]:
    out = []
    for f in visible_findings(view):
        if rule and f.rule != rule:
            continue
        if severity and f.severity != severity:
            continue
        if series and not f.scene.startswith(series + ":"):
            continue
        out.append(f)
    return out


def findings_page(view: View, rule: str | None, severity: str | None, series: str | None) -> Row:
    chosen = filtered(view, rule, severity, series)
    still = [f for f in chosen if not f.sealed]
    sealed = [f for f in chosen if f.sealed]
    return {
        # A page of thousands of findings helps nobody and costs seconds: show the first
        # SHOWN of each kind and say how many more the filters would reveal.
        "open": still[:SHOWN],
        "sealed": sealed[:SHOWN],
        # The same finding in many scenes (a dead character walking through nine) is one
        # group: its first place in full, the others behind one click.
        "open_groups": group_findings(still[:SHOWN]),
        "sealed_groups": group_findings(sealed[:SHOWN]),
        "hidden": max(0, len(still) - SHOWN) + max(0, len(sealed) - SHOWN),
        "summary": summarise(chosen),
        "rules": sorted(RULES),
        "severities": SEVERITIES,
        "series": view.sight.series,
        "chosen": {"rule": rule or "", "severity": severity or "", "series": series or ""},
    }
