"""Reports: SARIF 2.1.0 validated against the published schema, JSON shape, text lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from showbible import compile_universe, load_universe
from showbible.report import exit_code, summarise, text_lines, to_json, to_sarif

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "sallowmouth"
SCHEMA = ROOT.parent / "shared" / "data" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def findings():  # type: ignore[no-untyped-def]
    return compile_universe(load_universe(DEMO)).findings


@pytest.mark.skipif(not SCHEMA.is_file(), reason=f"{SCHEMA} is not present")
def test_sarif_is_valid_2_1_0(findings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log = to_sarif(findings, DEMO, cwd=ROOT)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(findings)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "examples/sallowmouth/highwater/hw4-draft.fountain" in uris
    sealed = [r for r in results if "suppressions" in r]
    assert len(sealed) == 1 and sealed[0]["suppressions"][0]["kind"] == "inSource"
    assert all(r["relatedLocations"] for r in results if r["ruleId"] == "dead-character")
    # Outside the working folder, paths are relative to the universe with its own base id.
    outside = to_sarif(findings, DEMO, cwd=tmp_path)
    jsonschema.Draft4Validator(schema).validate(outside)
    assert "UNIVERSE" in outside["runs"][0]["originalUriBaseIds"]


def test_json_shape_and_summary(findings) -> None:  # type: ignore[no-untyped-def]
    data = to_json(findings)
    json.dumps(data)
    assert data["summary"] == summarise(findings)
    assert data["summary"] == {"errors": 5, "warnings": 2, "notes": 2, "sealed": 1, "files": 3}
    for f in data["findings"]:
        assert {
            "rule",
            "severity",
            "file",
            "line",
            "scene",
            "characters",
            "message",
            "evidence",
            "sealed",
        } <= set(f)
        for e in f["evidence"]:
            assert e["file"] and e["line"] >= 0
    assert exit_code(findings) == 1
    assert exit_code([f for f in findings if f.severity != "error"]) == 0


def test_every_finding_names_its_evidence(findings) -> None:  # type: ignore[no-untyped-def]
    for f in findings:
        if f.rule != "dangling-reference":  # a note about an absence has nothing to cite
            assert f.evidence, f


def test_text_lines(findings) -> None:  # type: ignore[no-untyped-def]
    lines = [t for _s, t in text_lines(findings, prefix="x/")]
    assert any(
        t.startswith("x/highwater/hw4-draft.fountain:133: error dead-character:") for t in lines
    )
    assert any(t.startswith("    evidence: x/nightclinic/nc3.fountain:97:") for t in lines)
    assert any(" sealed reintroduction: " in t for t in lines)


def test_demo_draft_has_exactly_its_planted_mistakes(tmp_path: Path) -> None:
    shutil.copytree(DEMO, tmp_path / "u")
    found = compile_universe(load_universe(tmp_path / "u")).findings
    draft = {
        (f.rule, f.line) for f in found if f.file == "highwater/hw4-draft.fountain" and not f.sealed
    }
    assert draft == {
        ("two-places", 15),
        ("capability", 57),
        ("premature-knowledge", 74),
        ("reintroduction", 92),
        ("destroyed-place", 125),
        ("dead-character", 133),
        ("unknown-character", 212),
    }
