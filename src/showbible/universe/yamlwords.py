"""YAML parser errors in words: what is wrong at the line, and the likely fix.

A writer who slips an indentation in universe.yaml gets "expected <block end>, but found
'<block mapping start>'" from the parser; these say "line 12 is indented 3 spaces but the entry
above it 2: entries of one list or mapping start in the same column" instead.
"""

from __future__ import annotations


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(line: str) -> int:
    """Where the entries of the mapping on this line start: after any ``- `` list markers."""
    col = _indent(line)
    rest = line[col:]
    while rest.startswith("- "):
        step = 2 + len(rest[2:]) - len(rest[2:].lstrip(" "))
        col, rest = col + step, rest[step:]
    return col


def _above(lines: list[str], index: int) -> int | None:
    """The index of the nearest line above that holds YAML (not blank, not a comment)."""
    for i in range(index - 1, -1, -1):
        s = lines[i].strip()
        if s and not s.startswith("#"):
            return i
    return None


def explain(problem: str, context: str, line: int, text: str) -> str:
    """Words for the parser's ``problem`` (and ``context``) at 1-based ``line`` of ``text``."""
    lines = text.split("\n")
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    i = _above(lines, line - 1) if here else None
    prev = lines[i] if i is not None else ""
    p = problem.lower()
    if "\\t" in p or "'\\t'" in problem or "\t" in here[: _indent(here) + 1]:
        return (
            "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces"
        )
    if "expected <block end>" in p or ("mapping values are not allowed" in p and i is not None):
        if i is not None and _indent(here) != _key_column(prev):
            want = _key_column(prev)
            opener = prev.rstrip().endswith(":") or prev.strip() == "-"
            if opener and _indent(here) > want:
                return (
                    f"line {line} is indented {_indent(here)} spaces, more than the entries "
                    f"it belongs with: YAML nests by indentation; likely fix: line it up with "
                    f"the other entries under line {i + 1}"
                )
            return (
                f"line {line} is indented {_indent(here)} spaces but line {i + 1} above it "
                f"{want}: entries of one mapping or list start in the same column (YAML nests "
                f"by indentation); likely fix: indent line {line} by {want} spaces like line "
                f"{i + 1}, or, if it belongs inside line {i + 1}, end that line with ':'"
            )
        if "mapping values" in p:
            return (
                "a ': ' inside a value: YAML reads it as a new key; likely fix: put the value "
                'in quotes ("like: this")'
            )
        return (
            "an entry here does not line up with the ones before it: entries of one mapping or "
            "list start in the same column; check this line's indentation"
        )
    if "mapping values are not allowed" in p:
        return (
            "a ': ' inside a value: YAML reads it as a new key; likely fix: put the value in "
            'quotes ("like: this")'
        )
    if "expected ',' or '}'" in p or "expected ',' or ']'" in p:
        close = "}" if "}" in problem else "]"
        return (
            f"a {'{' if close == '}' else '['}...{close} opened earlier is not closed before "
            f"this line: likely fix: add '{close}' at the end of the entry, or separate items "
            "with ', '"
        )
    if "could not find expected ':'" in p or "while scanning a simple key" in context.lower():
        return (
            "a key without ':' (like `name Mara`): likely fix: write `key: value`, with a "
            "space after the colon"
        )
    if "found unexpected end of stream" in p or "quoted scalar" in context.lower():
        return "a quote opened here is never closed: likely fix: add the closing quote"
    if "found character '@'" in p or "found character '`'" in p:
        return "a value cannot start with '@' or '`' in YAML: likely fix: put it in quotes"
    return problem
