"""YAML read fast and with positions: libyaml composes, we construct.

ruamel's round-trip loader keeps every node's position but is pure Python: 0.9 s for the
140 KB ``universe.yaml`` of a 500-episode universe, more than everything else a rebuild does.
libyaml (ruamel.yaml.clib) composes the same node graph, marks included, in a fifteenth of that
(falling back to ruamel's parser for the YAML 1.2 that libyaml's 1.1 refuses);
building plain dicts and lists from the nodes ourselves keeps the positions (``YMap.at``,
``YSeq.at``: ``(file, line, column)``, 1-based) and lets us refuse bad keys before anything is
built. Dates stay text: pydantic parses them, so a bad one is reported with its line.
The loader reads through yamlcache, which keeps the built tree for the next process.
"""

from __future__ import annotations

import warnings
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from showbible.model import InputError
from showbible.universe.yamltree import Position as Position  # re-exported
from showbible.universe.yamltree import YMap as YMap  # re-exported
from showbible.universe.yamltree import YSeq as YSeq  # re-exported
from showbible.universe.yamltree import plain as plain  # re-exported
from showbible.universe.yamlwords import explain

MAX_DEPTH = 64
_MERGE = "tag:yaml.org,2002:merge"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"


def read_yaml(raw: bytes, shown: str) -> Any:
    """Parse one YAML document into YMap/YSeq/scalars; InputError (with file:line) otherwise."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("not valid UTF-8", file=shown, line=line) from None
    check_depth(text, shown)
    try:
        with warnings.catch_warnings():
            # ruamel warns (on stderr) about re-used anchors; they are legal YAML.
            warnings.simplefilter("ignore")
            yaml = YAML(typ="safe", pure=False)
            try:
                node = yaml.compose(text)
            except MarkedYAMLError:
                # libyaml speaks YAML 1.1, which refuses some YAML 1.2 (``[tower:t1]``, a colon
                # inside a flow item): ruamel's own parser decides, and words the error.
                yaml = YAML(typ="safe", pure=True)
                node = yaml.compose(text)
        if node is None:
            return None
        check_keys(node, shown)
        return _Builder(shown, yaml.constructor).build(node)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "quoted scalar" in (exc.context or ""):
            mark = exc.context_mark  # where the quote opened, not the end of the file
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        line = mark.line + 1 if mark else 0
        col = mark.column + 1 if mark else 0
        words = explain(problem, exc.context or "", line, text)
        raise InputError(words, file=shown, line=line, column=col) from None
    except YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", file=shown) from None
    except RecursionError:
        raise InputError("YAML nested too deeply", file=shown) from None


class _Builder:
    """Nodes to Python. An alias is the same node twice, so it becomes the same object twice
    (expanding it is left to the caller, within a budget: see universe._to_plain)."""

    def __init__(self, shown: str, scalars: SafeConstructor) -> None:
        self.shown = shown
        self.scalars = scalars
        self.memo: dict[int, Any] = {}

    def build(self, node: Node) -> Any:
        done = self.memo.get(id(node))
        if done is not None:
            return done
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            seq = YSeq()
            self.memo[id(node)] = seq
            for item in node.value:
                seq.append(self.build(item))
                seq.at.append(self._where(item))
            return seq
        assert isinstance(node, MappingNode)
        out = YMap()
        self.memo[id(node)] = out
        merged: list[YMap] = []
        for key, value in node.value:
            if key.tag == _MERGE:
                got = self.build(value)
                sources = got if isinstance(got, list) else [got]
                for src in sources:
                    if not isinstance(src, YMap):
                        raise InputError(
                            "a merge key (<<) needs a mapping or a list of mappings",
                            *self._where(value),
                        )
                    merged.append(src)
                continue
            name = self._scalar(key)
            out[str(name)] = self.build(value)
            out.at[str(name)] = self._where(key)
        for src in merged:  # explicit keys win over merged ones
            for k, v in src.items():
                if k not in out:
                    out[k] = v
                    out.at[k] = src.at[k]
        return out

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag == _TIMESTAMP or node.tag == _STR:
            return node.value
        try:
            return self.scalars.construct_object(node, deep=True)
        except (YAMLError, ValueError, TypeError, OverflowError) as exc:
            raise InputError(f"cannot read this value: {exc}", *self._where(node)) from None

    def _where(self, node: Node) -> Position:
        mark = node.start_mark
        return (self.shown, mark.line + 1, mark.column + 1)


def check_keys(node: Node, shown: str) -> None:
    """Refuse duplicate and non-scalar mapping keys on the composed node graph, before anything
    is constructed. (A duplicate key inside an alias bomb would otherwise be reported with its
    enormous value; a list as a key cannot be a dict key at all.)"""
    seen: set[int] = set()
    stack: list[Node | None] = [node]
    while stack:
        cur = stack.pop()
        if cur is None or id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, MappingNode):
            keys: dict[str, Any] = {}
            for key, value in cur.value:
                if not isinstance(key, ScalarNode):
                    mark = key.start_mark
                    raise InputError(
                        "a mapping key must be a plain value, not a list or a mapping",
                        shown,
                        mark.line + 1,
                        mark.column + 1,
                    )
                if key.value in keys and key.tag != _MERGE:
                    first = keys[key.value].start_mark
                    mark = key.start_mark
                    raise InputError(
                        f"duplicate key {key.value!r} (first at line {first.line + 1}; "
                        "each key may appear once)",
                        shown,
                        mark.line + 1,
                        mark.column + 1,
                    )
                keys[key.value] = key
                stack.append(value)
        elif isinstance(cur, SequenceNode):
            stack.extend(cur.value)


def check_depth(text: str, shown: str) -> None:
    """Refuse absurd nesting before the YAML parser recurses into it (slowly, then fails)."""
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        if indent > 2 * MAX_DEPTH:
            raise InputError(f"YAML nested too deeply (over {MAX_DEPTH} levels)", shown, number)
        if "[" not in line and "{" not in line and depth == 0:
            continue
        quote = ""
        for ch in line:
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "'\"":
                quote = ch
            elif ch == "#":
                break
            elif ch in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    raise InputError(
                        f"YAML nested too deeply (over {MAX_DEPTH} levels)", shown, number
                    )
            elif ch in "]}":
                depth = max(0, depth - 1)
