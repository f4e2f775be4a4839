"""A YAML tree (YMap/YSeq/scalars with positions) to JSON-able lists and back, exactly.

For the YAML cache (yamlcache): JSON, never pickle, because reading a cache must never run
code. The tree is written as a flat table of containers, each referred to by its index, so an
alias (the same object twice, see yamlread._Builder) comes back as the same object twice, even
in a cycle: the alias budget of loader._to_plain then counts exactly as it did on the fresh
tree. Positions are stored as line and column only; the file is the document's shown name,
which is part of the cache key.

Layout: ``{"root": VALUE, "nodes": [NODE, ...]}``. A VALUE is a JSON scalar (str, int, float,
bool, null: exactly the scalars yamlread builds) or ``[i]``, a reference to ``nodes[i]``. A NODE
is ``["m", key, VALUE, line, column, ...]`` (a YMap, its ``at`` in key order) or
``["s", VALUE, line, column, ...]`` (a YSeq).
"""

from __future__ import annotations

from typing import Any

from showbible.universe.yamltree import YMap, YSeq

_SCALARS = (str, int, float, bool, type(None))


class Uncachable(Exception):
    """The tree holds something the JSON form cannot say exactly (bytes from ``!!binary``, a
    set, a position in another file): such a document is simply read afresh each time."""


def tree_to_json(tree: Any, shown: str) -> dict[str, Any]:
    """The JSON-able form of a tree built by yamlread.read_yaml for the document ``shown``."""
    index: dict[int, int] = {}  # id(container) -> its place in nodes
    todo: list[Any] = []  # containers numbered but not yet written, in number order

    def value(v: Any) -> Any:
        kind = type(v)
        if kind is YMap or kind is YSeq:
            got = index.get(id(v))
            if got is None:
                got = index[id(v)] = len(index)
                todo.append(v)
            return [got]
        if kind not in _SCALARS:
            raise Uncachable(kind.__name__)
        return v

    def where(pos: Any) -> tuple[int, int]:
        if type(pos) is not tuple or len(pos) != 3 or pos[0] != shown:
            raise Uncachable("a position outside the document")
        line, column = pos[1], pos[2]
        if type(line) is not int or type(column) is not int:
            raise Uncachable("a position that is not a line and column")
        return line, column

    root = value(tree)
    nodes: list[list[Any]] = []
    done = 0
    while done < len(todo):  # todo grows as nodes are written: iterative, no deep recursion
        cur = todo[done]
        done += 1
        if type(cur) is YMap:
            if list(cur.at) != list(cur):  # the builder keeps them in step; refuse if not
                raise Uncachable("positions out of step with keys")
            out: list[Any] = ["m"]
            for key, item in cur.items():
                if type(key) is not str:
                    raise Uncachable("a key that is not text")
                out.append(key)
                out.append(value(item))
                out.extend(where(cur.at[key]))
        else:
            if len(cur.at) != len(cur):
                raise Uncachable("positions out of step with items")
            out = ["s"]
            for item, pos in zip(cur, cur.at, strict=True):
                out.append(value(item))
                out.extend(where(pos))
        nodes.append(out)
    return {"root": root, "nodes": nodes}


def tree_from_json(doc: Any, shown: str) -> Any:
    """The tree again; ValueError if ``doc`` is not exactly what tree_to_json writes (a damaged
    or foreign entry must be refused, never half-read)."""
    if type(doc) is not dict or set(doc) != {"root", "nodes"} or type(doc["nodes"]) is not list:
        raise ValueError("not a YAML tree")
    specs: list[Any] = doc["nodes"]
    # Every container first, then their contents: a reference may point forward or back.
    made: list[Any] = []
    for spec in specs:
        if type(spec) is not list or not spec:
            raise ValueError("not a node")
        if spec[0] == "m" and len(spec) % 4 == 1:
            made.append(YMap())
        elif spec[0] == "s" and len(spec) % 3 == 1:
            made.append(YSeq())
        else:
            raise ValueError("not a node")

    def value(v: Any) -> Any:
        kind = type(v)
        if kind is list:
            if len(v) != 1 or type(v[0]) is not int or not 0 <= v[0] < len(made):
                raise ValueError("a bad reference")
            return made[v[0]]
        if kind not in _SCALARS:
            raise ValueError("not a scalar")
        return v

    def where(line: Any, column: Any) -> tuple[str, int, int]:
        if type(line) is not int or type(column) is not int:
            raise ValueError("not a position")
        return (shown, line, column)

    for spec, obj in zip(specs, made, strict=True):
        if type(obj) is YMap:
            for i in range(1, len(spec), 4):
                key = spec[i]
                if type(key) is not str or key in obj:
                    raise ValueError("a bad key")
                obj[key] = value(spec[i + 1])
                obj.at[key] = where(spec[i + 2], spec[i + 3])
        else:
            for i in range(1, len(spec), 3):
                obj.append(value(spec[i]))
                obj.at.append(where(spec[i + 1], spec[i + 2]))
    return value(doc["root"])
