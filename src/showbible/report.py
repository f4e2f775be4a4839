"""Renderers for findings: text (like a compiler), JSON (DESIGN §5) and SARIF 2.1.0."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from showbible.model import Finding, pdf_page_line, place
from showbible.quick import rx
from showbible.version import __version__

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFO_URI = "https://github.com/showbible/showbible"
_LEVEL = {"error": "error", "warning": "warning", "note": "note"}


def summarise(findings: Iterable[Finding]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    files: set[str] = set()
    for f in findings:
        files.add(f.file)
        counts["sealed" if f.sealed else f.severity + "s"] += 1
    return {
        "errors": counts["errors"],
        "warnings": counts["warnings"],
        "notes": counts["notes"],
        "sealed": counts["sealed"],
        "files": len(files),
    }


def exit_code(findings: Iterable[Finding]) -> int:
    """1 when any unsealed error remains, else 0 (warnings and notes do not fail a check)."""
    return 1 if any(f.severity == "error" and not f.sealed for f in findings) else 0


def to_json(findings: list[Finding]) -> dict[str, Any]:
    return {"findings": [f.to_json() for f in findings], "summary": summarise(findings)}


def path_prefix(root: Path, cwd: Path | None = None) -> str:
    """How to show universe-relative paths from where the user stands, so that a terminal or
    an editor can open ``path:line``: relative to the working folder when the universe is in it,
    else absolute."""
    here = (cwd or Path.cwd()).resolve()
    try:
        rel = root.resolve().relative_to(here).as_posix()
    except ValueError:
        return root.resolve().as_posix() + "/"
    return "" if rel == "." else rel + "/"


def text_lines(
    findings: list[Finding], show_sealed: bool = True, prefix: str = ""
) -> list[tuple[str, str]]:
    """(style, text) pairs: one line per finding, then its evidence, indented."""
    out: list[tuple[str, str]] = []
    for f in findings:
        if f.sealed and not show_sealed:
            continue
        label = "sealed" if f.sealed else f.severity
        style = "dim" if f.sealed else {"error": "red", "warning": "yellow"}.get(f.severity, "cyan")
        tail = f" [{f.seal_reason}]" if f.sealed and f.seal_reason else ""
        inferred = " (from an inferred fact)" if f.inferred else ""
        where = f"{prefix}{place(f.file, f.line)}"
        out.append((style, f"{where}: {label} {f.rule}: {f.message}{inferred}{tail}"))
        for e in f.evidence:
            out.append(("dim", f"    evidence: {prefix}{place(e.file, e.line)}: {e.message}"))
    return out


def same_kind(f: Finding) -> tuple[object, ...]:
    """Findings that say the same thing (one dead character present in nine scenes) share
    this key: one group in text and on the web, separate in JSON and SARIF."""
    evidence = tuple((e.file, e.line, e.message) for e in f.evidence)
    return (f.rule, f.severity, f.sealed, f.seal_reason, f.message, f.inferred, evidence)


def group_findings(findings: list[Finding]) -> list[list[Finding]]:
    """Groups of findings of the same kind, each in file order, ordered by their first."""
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for f in findings:
        groups.setdefault(same_kind(f), []).append(f)
    return list(groups.values())


def grouped_text_lines(
    findings: list[Finding], prefix: str = "", width: int = 6
) -> list[tuple[str, str]]:
    """Like ``text_lines``, but a finding repeated in several places is one entry: its first
    place, ``(N places)``, its evidence, then the other places, ``width`` to a line."""
    out: list[tuple[str, str]] = []
    for group in group_findings(findings):
        first, *rest = group
        lines = text_lines([first], prefix=prefix)
        if rest:
            style, head = lines[0]
            lines[0] = (style, f"{head} ({len(group)} places)")
            places = [f"{prefix}{place(f.file, f.line)}" for f in rest]
            for i in range(0, len(places), width):
                label = "also at" if i == 0 else "       "
                lines.append(("dim", f"    {label}: {', '.join(places[i : i + width])}"))
        out.extend(lines)
    return out


def to_sarif(
    findings: list[Finding], universe_root: Path, cwd: Path | None = None
) -> dict[str, Any]:
    """A SARIF 2.1.0 log. Paths are relative to the working folder when the universe lies inside
    it (so code scanning maps them onto the repository), else to the universe folder."""
    # The rules' descriptions: only SARIF needs them, and a check answered by a running `watch`
    # prints text or JSON without importing the engine that the rules live in.
    from showbible.rules import RULES

    cwd = (cwd or Path.cwd()).resolve()
    root = universe_root.resolve()
    try:
        prefix = root.relative_to(cwd).as_posix()
        base_id = "%SRCROOT%"
        base_uri = cwd.as_uri() + "/"
    except ValueError:
        prefix = ""
        base_id = "UNIVERSE"
        base_uri = root.as_uri() + "/"

    def uri(rel: str) -> str:
        rel = rel.split("#", 1)[0]  # a bible-only episode is named "universe.yaml#series:ep"
        return rel if prefix in ("", ".") else f"{prefix}/{rel}"

    rule_ids = list(RULES)
    rules = [
        {
            "id": rid,
            "name": "".join(w.capitalize() for w in rid.split("-")),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": (type(rule).__doc__ or rule.summary).strip()},
            "helpUri": f"{INFO_URI}/blob/main/docs/rules/{rid}.md",
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        }
        for rid, rule in RULES.items()
    ]
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [_location(uri(f.file), f.line, base_id)],
            "partialFingerprints": {
                "showbible/v1": f"{f.rule}:{f.scene}:{','.join(sorted(f.characters))}"
            },
            "properties": {
                "scene": f.scene,
                "characters": list(f.characters),
                "inferred": f.inferred,
            },
        }
        if f.evidence:
            result["relatedLocations"] = [
                {**_location(uri(e.file), e.line, base_id), "id": i, "message": {"text": e.message}}
                for i, e in enumerate(f.evidence)
            ]
        if f.sealed:
            result["suppressions"] = [
                {"kind": "inSource", "justification": f.seal_reason or "allowed"}
            ]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "showbible",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFO_URI,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {base_id: {"uri": base_uri}},
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def _location(uri: str, line: int, base_id: str) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(1, line)}
    paged = pdf_page_line(uri, line)
    if paged is not None:
        # SARIF has no pages: the line on the page, and the page in the region's property bag.
        region = {"startLine": max(1, paged[1]), "properties": {"page": paged[0]}}
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": base_id},
            "region": region,
        }
    }


def dumps(data: Any) -> str:
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False, default=str)) + "\n"


def relative_to_universe(path: str, root: Path) -> str:
    """``--only PATH`` as given on the command line -> the universe-relative form findings use."""
    p = Path(path)
    full = p if p.is_absolute() else Path(os.getcwd()) / p
    try:
        return full.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()


# Characters a terminal or a CI log may act on instead of showing: C0 controls but newline and
# tab (ESC starts sequences that move the cursor, erase lines, set the window title), DEL, C1
# controls (U+009B is a one-character CSI to some terminals) and the bidirectional overrides
# that make a line read differently from its bytes. A name or cue in a script may hold any.
_UNSAFE = rx.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# JSON escapes C0 itself; these it writes raw when ensure_ascii is off.
_JSON_RAW = rx.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\u202e``):
    what every text output prints (the command line's consoles apply it to all they print)."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: _escape(m.group()), text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_safe(dumped: str) -> str:
    """JSON text with the control characters json.dumps leaves raw written as ``\\u`` escapes
    (valid JSON: they can only stand inside strings)."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
