"""Rule fixtures, sqlfluff-style: one YAML file of pass/fail cases per rule.

Each ``<rule-id>.yaml`` holds ``rule: <id>`` and ``cases:``; each case becomes one test,
``<rule>/<case name>``. A case is built as a universe in a temporary folder:

* ``universe.yaml`` is ``base.yaml`` with the case's ``bible:`` merged over it:
  mappings merge key by key, recursively; ``null`` deletes a key; any other value (a list
  included) replaces the base's. ``series`` is the exception, because the base's is a list:
  the case gives ``{series id: {episode id: metadata}}``, merged into that series' episodes.
* ``scripts:`` maps paths inside the universe to their text.
* ``expect:`` lists the findings *of this rule* that the build must report, each
  ``{file, line, characters: [...], sealed: false}``; an empty list means it must not fire.
  An expected finding may also give ``evidence: [{file, line}, ...]``, checked in order.
* ``xfail: "<reason>"`` marks a case the engine gets wrong (strict: it fails once fixed).

Run: ``.venv/bin/pytest -q tests/rules``.
"""

from __future__ import annotations

import copy
import io
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from showbible.build.compiler import compile_universe
from showbible.rules import RULES
from showbible.rules.input import rule_of
from showbible.universe.loader import load_universe

HERE = Path(__file__).parent
DOCS = HERE.parents[1] / "docs" / "rules"
CASE_KEYS = {"name", "bible", "scripts", "expect", "xfail", "encoding", "globs"}
FINDING_KEYS = {"file", "line", "characters", "sealed", "evidence"}

_yaml = YAML(typ="safe", pure=True)


def _load(path: Path) -> Any:
    return _yaml.load(path.read_text(encoding="utf-8"))


def _fixtures() -> dict[str, dict[str, Any]]:
    """rule id -> its fixture file, for every ``<rule>.yaml`` next to this module."""
    return {p.stem: _load(p) for p in sorted(HERE.glob("*.yaml")) if p.name != "base.yaml"}


FIXTURES = _fixtures()
BASE = _load(HERE / "base.yaml")


def merge(base: Any, over: Any) -> Any:
    """``over`` on top of ``base``: mappings recursively, null deletes, the rest replaces."""
    if not (isinstance(base, dict) and isinstance(over, dict)):
        return copy.deepcopy(over)
    out = copy.deepcopy(base)
    for key, value in over.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge(out.get(key), value)
    return out


def bible_for(case: dict[str, Any]) -> dict[str, Any]:
    extra = dict(case.get("bible") or {})
    by_series = dict(extra.pop("series", None) or {})
    bible = merge(BASE, extra)
    for series in bible["series"]:
        if series["id"] in (case.get("globs") or {}):
            series["scripts"] = case["globs"][series["id"]]
        episodes = by_series.pop(series["id"], None)
        if episodes is not None:
            series["episodes"] = merge(series.get("episodes") or {}, episodes)
    # A misspelt series id would silently override nothing: refuse it.
    assert not by_series, f"bible.series names unknown series {sorted(by_series)}"
    return bible


def write_universe(root: Path, case: dict[str, Any]) -> None:
    buf = io.StringIO()
    _yaml.dump(bible_for(case), buf)
    (root / "universe.yaml").write_text(buf.getvalue(), encoding="utf-8")
    for rel, text in (case.get("scripts") or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(case.get("encoding") or "utf-8"))


def _row(f: dict[str, Any]) -> tuple[str, int, tuple[str, ...], bool]:
    return (f["file"], f["line"], tuple(sorted(f.get("characters") or ())), f.get("sealed", False))


def _params() -> list[Any]:
    params = []
    for rule, fixture in FIXTURES.items():
        for case in fixture.get("cases") or ():
            marks = []
            if case.get("xfail"):
                marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
            params.append(pytest.param(rule, case, id=f"{rule}/{case['name']}", marks=marks))
    return params


@pytest.mark.parametrize(("rule", "case"), _params())
def test_case(rule: str, case: dict[str, Any], tmp_path: Path) -> None:
    # Typos in a fixture must fail loudly, not turn a case into one that passes vacuously.
    assert set(case) <= CASE_KEYS, f"unknown case keys {sorted(set(case) - CASE_KEYS)}"
    for f in case["expect"]:
        assert set(f) <= FINDING_KEYS, f"unknown finding keys {sorted(set(f) - FINDING_KEYS)}"
    write_universe(tmp_path, case)
    compiled = compile_universe(load_universe(tmp_path))
    # Diagnostics mean a fixture annotation or reference was not understood, so the canon is
    # not what the case says. Globs of a series that this case gives no script are expected.
    # Diagnostics of the rule under test are its findings (rules/input.py).
    problems = [
        str(d)
        for d in compiled.diagnostics
        if "matches no file" not in d.message and rule_of(d) != rule
    ]
    assert problems == []
    # Compared as a multiset: a second finding for the same scene and character fails too.
    got = Counter(_row(f.to_json()) for f in compiled.findings if f.rule == rule)
    want = Counter(_row(f) for f in case["expect"])
    assert sorted(got.elements()) == sorted(want.elements()), "\n".join(
        f"  {f.file}:{f.line} {f.characters} sealed={f.sealed}: {f.message}"
        for f in compiled.findings
        if f.rule == rule
    )
    # Evidence says where the contradicted canon was set; checked only where a case gives it.
    by_row = {_row(f.to_json()): f for f in compiled.findings if f.rule == rule}
    for f in case["expect"]:
        if "evidence" in f:
            evidence = [(e.file, e.line) for e in by_row[_row(f)].evidence]
            assert evidence == [(e["file"], e["line"]) for e in f["evidence"]]


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_has_fixtures(rule: str) -> None:
    fixture = FIXTURES.get(rule)
    assert fixture is not None, f"tests/rules/{rule}.yaml is missing"
    assert fixture["rule"] == rule
    cases = fixture["cases"]
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "case names must be unique (they are test ids)"
    failing = sum(1 for c in cases if c["expect"])
    assert failing >= 3, f"{rule}: {failing} failing cases, want at least 3"
    assert len(cases) - failing >= 3, f"{rule}: {len(cases) - failing} passing cases, want 3"


def test_no_fixture_for_an_unknown_rule() -> None:
    assert set(FIXTURES) <= set(RULES)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_is_documented(rule: str) -> None:
    page = DOCS / f"{rule}.md"
    assert page.is_file(), f"docs/rules/{rule}.md is missing"
    assert f"`{rule}`" in (DOCS / "README.md").read_text(encoding="utf-8")
