"""Writing into a user's bible without rewriting it: line-level insertion.

Accepting a fact (``facts --accept``: an inferred fact, or a production fact from the news) adds
an event, a place, a secret, an alias or a performer to the YAML the user wrote by hand. A YAML
round trip through a dumper re-wraps long values, re-indents lists and drops blank lines, so the
diff of one accept is dozens of lines. Here ruamel.yaml's round-trip loader only *locates* the
entry (its lines and columns); the new text is inserted as lines (or, inside a one-line flow
mapping or list, as a few characters) in the entry's own style, and the result is loaded again
and compared with what was meant: the write happens only when the file then holds exactly the
old data plus the addition. Everything else -- comments, blank lines, quoting, key order, line
width -- is byte for byte what the user wrote.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from showbible.model import InputError
from showbible.quick import rx
from showbible.universe.yamlread import plain

_PLAIN = rx.compile(r"^[A-Za-z0-9_][A-Za-z0-9_ .'/-]*$")
_RESERVED = frozenset({"y", "yes", "n", "no", "true", "false", "on", "off", "null", "~"})


def scalar(value: object) -> str:
    """A YAML scalar for ``value``: plain when that reads back the same, else double-quoted."""
    if isinstance(value, bool) or value is None or isinstance(value, int | float):
        return json.dumps(value)
    text = str(value)
    plain = _PLAIN.match(text) and text.lower() not in _RESERVED and not text.endswith(" ")
    if plain and (not re.match(r"^[0-9.+-]", text) or not _looks_numeric(text)):
        return text
    return json.dumps(text, ensure_ascii=False)


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return bool(re.match(r"^\d{4}-\d{2}-\d{2}", text))
    return True


def flow(data: dict[str, Any]) -> str:
    """A one-line flow mapping: ``{at: "ep1#2", dies: tobias}``."""
    parts = []
    for key, value in data.items():
        if isinstance(value, dict):
            parts.append(f"{key}: {flow(value)}")
        elif isinstance(value, list | tuple):
            parts.append(f"{key}: [{', '.join(scalar(v) for v in value)}]")
        else:
            parts.append(f"{key}: {scalar(value)}")
    return "{" + ", ".join(parts) + "}"


def _load(text: str) -> Any:
    yaml = YAML(typ="rt")
    return yaml.load(text)


def _write(path: Path, old: str, new: str, expect: Callable[[Any], None]) -> None:
    """Write ``new`` only if it loads as the old data changed by ``expect``."""
    want = plain(_load(old)) or {}
    expect(want)
    got = plain(_load(new))
    if got != want:
        raise InputError(
            "could not add this to the bible without rewriting it; add it by hand", str(path)
        )
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(new.encode("utf-8"))
    tmp.replace(path)  # never a half-written bible


def _read(path: Path) -> str:
    """The file as written: line ends as they are (CRLF stays CRLF)."""
    return path.read_bytes().decode("utf-8")


def _end_of_block(lines: list[str], start: int, indent: int) -> int:
    """The index of the last line (0-based) of the block that starts at line ``start`` and whose
    continuation lines are indented deeper than ``indent``; trailing blanks and comments that
    are not indented deeper are left out."""
    last = start
    for i in range(start + 1, len(lines)):
        stripped = lines[i].strip()
        if not stripped:
            continue
        width = len(lines[i]) - len(lines[i].lstrip(" "))
        if width <= indent:
            break
        if not stripped.startswith("#"):
            last = i
    return last


def _closing(lines: list[str], line: int, col: int) -> tuple[int, int]:
    """Where the flow collection that opens at (line, col) closes (its ``]`` or ``}``)."""
    depth = 0
    quote = ""
    i, j = line, col
    while i < len(lines):
        text = lines[i]
        while j < len(text):
            ch = text[j]
            if quote:
                if ch == "\\" and quote == '"':
                    j += 1
                elif ch == quote:
                    quote = ""
            elif ch in "\"'":
                quote = ch
            elif ch == "#" and (j == 0 or text[j - 1] in " \t"):
                break
            elif ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
                if depth == 0:
                    return i, j
            j += 1
        i, j = i + 1, 0
    raise InputError("unbalanced brackets in the bible")


def _value_at(parent: Any, key: str | int) -> tuple[int, int]:
    """Where a mapping's value or a list's item starts (0-based line and column)."""
    if isinstance(parent, CommentedSeq):
        assert isinstance(key, int)
        line, col = parent.lc.item(key)
    else:
        line, col = parent.lc.value(key)
    return int(line), int(col)


def _dash(lines: list[str], seq: CommentedSeq) -> int:
    """The column of a block list's ``-`` (ruamel gives its items' content columns)."""
    line, col = seq.lc.item(0)
    found = lines[line].rfind("-", 0, col)
    return found if found >= 0 else max(int(col) - 2, 0)


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def append_item(path: Path, key: str, item: dict[str, Any] | str) -> None:
    """Add ``item`` to the top-level list ``key`` of ``path`` (creating the list at the end of
    the file when there is none), one flow-mapping line in the list's own indentation."""
    old = _read(path) if path.exists() else ""
    nl = _newline(old)
    lines = old.splitlines(keepends=True)
    doc = _load(old) if old.strip() else None
    line_text = flow(item) if isinstance(item, dict) else scalar(item)
    seq = doc.get(key) if isinstance(doc, CommentedMap) else None
    if isinstance(seq, CommentedSeq) and len(seq) and not seq.fa.flow_style():
        dash = _dash(lines, seq)
        last_line, _c = seq.lc.item(len(seq) - 1)
        end = _end_of_block(lines, last_line, dash)
        new_lines = [*lines[: end + 1], " " * dash + "- " + line_text + nl, *lines[end + 1 :]]
        if not new_lines[end].endswith(("\n", "\r")):
            new_lines[end] += nl
        new = "".join(new_lines)
    elif isinstance(doc, CommentedMap) and isinstance(seq, CommentedSeq):
        kline, kcol = doc.lc.value(key)
        close_line, close_col = _closing(lines, kline, kcol)
        text = lines[close_line]
        sep = ", " if len(seq) else ""
        lines[close_line] = text[:close_col] + sep + line_text + text[close_col:]
        new = "".join(lines)
    elif isinstance(doc, CommentedMap) and key in doc and doc[key] is None:
        kline, _ = doc.lc.key(key)
        end = _end_of_block(lines, kline, 0)
        new_lines = [*lines[: end + 1], "  - " + line_text + nl, *lines[end + 1 :]]
        new = "".join(new_lines)
    else:
        tail = "" if not old or old.endswith(("\n", "\r")) else nl
        new = old + tail + f"{key}:{nl}  - {line_text}{nl}"

    def expect(data: Any) -> None:
        data.setdefault(key, None)
        data[key] = [*(data[key] or []), item]

    _write(path, old, new, expect)


def add_to_entry(path: Path, section: str, entry: str | int, key: str, value: Any) -> None:
    """Set ``section.entry.key`` (a scalar, or a mapping added whole) when the entry exists
    without it, in the entry's own style: a flow mapping gets ``, key: value`` before its
    ``}``; a block mapping gets a line at its keys' indentation."""
    old = _read(path)
    nl = _newline(old)
    lines = old.splitlines(keepends=True)
    doc = _load(old)
    node = doc[section][entry]
    if isinstance(value, dict):
        rendered = flow(value)
    elif isinstance(value, list | tuple):
        rendered = "[" + ", ".join(scalar(v) for v in value) + "]"
    else:
        rendered = scalar(value)
    if isinstance(node, CommentedMap) and node.fa.flow_style():
        vline, vcol = _value_at(doc[section], entry)
        close_line, close_col = _closing(lines, vline, vcol)
        text = lines[close_line]
        sep = ", " if len(node) else ""
        lines[close_line] = text[:close_col] + f"{sep}{key}: {rendered}" + text[close_col:]
        new = "".join(lines)
    elif isinstance(node, CommentedMap) and len(node):
        keys = list(node)
        _first, kcol = node.lc.key(keys[0])
        last_line, _ = node.lc.key(keys[-1])
        end = _end_of_block(lines, last_line, kcol)
        new = "".join([*lines[: end + 1], " " * kcol + f"{key}: {rendered}{nl}", *lines[end + 1 :]])
    else:
        raise InputError(f"{section}.{entry} is not a mapping; add {key!r} by hand", str(path))

    def expect(data: Any) -> None:
        data[section][entry][key] = plain(value)

    _write(path, old, new, expect)


def add_to_list(path: Path, section: str, entry: str | int, key: str, value: Any) -> None:
    """Append ``value`` to the list ``section.entry.key`` in its own style (``[A, B]`` gets
    ``, C``; a block list gets a ``- C`` line), creating the key when the entry lacks it."""
    old = _read(path)
    nl = _newline(old)
    lines = old.splitlines(keepends=True)
    doc = _load(old)
    node = doc[section][entry]
    seq = node.get(key) if isinstance(node, CommentedMap) else None
    if seq is None:
        add_to_entry(path, section, entry, key, [value])
        return
    if not isinstance(seq, CommentedSeq):
        raise InputError(f"{section}.{entry}.{key} is not a list; add to it by hand", str(path))
    if seq.fa.flow_style():
        vline, vcol = node.lc.value(key)
        close_line, close_col = _closing(lines, vline, vcol)
        text = lines[close_line]
        sep = ", " if len(seq) else ""
        rendered = flow(value) if isinstance(value, dict) else scalar(value)
        lines[close_line] = text[:close_col] + sep + rendered + text[close_col:]
        new = "".join(lines)
    else:
        dash = _dash(lines, seq)
        last_line, _c = seq.lc.item(len(seq) - 1)
        end = _end_of_block(lines, last_line, dash)
        item = " " * dash + "- " + (flow(value) if isinstance(value, dict) else scalar(value)) + nl
        new = "".join([*lines[: end + 1], item, *lines[end + 1 :]])

    def expect(data: Any) -> None:
        data[section][entry][key] = [*data[section][entry][key], value]

    _write(path, old, new, expect)


def add_entry(path: Path, section: str, key: str, value: dict[str, Any]) -> None:
    """Add ``section.key`` as a one-line flow mapping after the section's last entry, at its
    entries' indentation (the section is created at the end of the file when missing)."""
    old = _read(path) if path.exists() else ""
    nl = _newline(old)
    lines = old.splitlines(keepends=True)
    doc = _load(old) if old.strip() else None
    node = doc.get(section) if isinstance(doc, CommentedMap) else None
    line_text = f"{scalar(key)}: {flow(value)}"
    if isinstance(node, CommentedMap) and len(node) and not node.fa.flow_style():
        keys = list(node)
        _l, kcol = node.lc.key(keys[0])
        last_line, _c = node.lc.key(keys[-1])
        end = _end_of_block(lines, last_line, kcol)
        new = "".join([*lines[: end + 1], " " * kcol + line_text + nl, *lines[end + 1 :]])
    elif node is None and section not in (doc or {}):
        tail = "" if not old or old.endswith(("\n", "\r")) else nl
        new = old + tail + f"{section}:{nl}  {line_text}{nl}"
    else:
        raise InputError(f"{section} is not written as a block mapping; add {key!r} by hand",
                         str(path))  # fmt: skip

    def expect(data: Any) -> None:
        data[section] = {**(data.get(section) or {}), key: plain(value)}

    _write(path, old, new, expect)
