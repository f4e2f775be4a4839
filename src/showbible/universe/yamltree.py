"""The tree a bible's YAML is read into: dicts and lists that know where each key and item was
written. Kept apart from yamlread so that code handling trees (the loader, the YAML cache) need
not import the YAML library itself: a process whose YAML all comes from the cache never pays
ruamel's import (about 20 ms)."""

from __future__ import annotations

from typing import Any

Position = tuple[str, int, int]  # file, line, column (1-based)


class YMap(dict[str, Any]):
    """A mapping read from YAML; ``at[key]`` is where the key was written."""

    __slots__ = ("at",)

    def __init__(self) -> None:
        super().__init__()
        self.at: dict[str, Position] = {}


class YSeq(list[Any]):
    """A sequence read from YAML; ``at[i]`` is where item ``i`` was written."""

    __slots__ = ("at",)

    def __init__(self) -> None:
        super().__init__()
        self.at: list[Position] = []


def plain(node: Any) -> Any:
    """Read or round-trip YAML as plain dicts and lists (keys as text): for validating a part
    on its own, and for comparing a file before and after an edit."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node
