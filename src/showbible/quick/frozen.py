"""A quicker ``__init__`` for the frozen, slotted dataclasses that a build makes by the million.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` (its own
``__setattr__`` refuses), a lookup and a call per field: 0.77 µs for a ``Speech`` of seven
fields against 0.18 µs for the same class unfrozen. A cold build of 500 synthetic episodes makes
some 200,000 speeches in the workers and decodes them again in the parent (where a twentieth
of its work after the extraction was these ``__init__``s), besides sentences, presences,
matches and mentions. The one made here stores each field through its slot's descriptor,
bound once when the class is made (0.43 µs): the same parameters, defaults and stored values,
so everything else the dataclass gives (equality, hashing, ``repr``, ``replace``, refusing
assignment) is as it was (tests/test_frozen.py).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass without ``__post_init__`` or default factories the
    quicker ``__init__`` (as a decorator, below ``@dataclass``)."""
    params = getattr(cls, "__dataclass_params__", None)
    assert params is not None and params.frozen and "__slots__" in cls.__dict__, cls
    assert not hasattr(cls, "__post_init__"), cls
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    namespace: dict[str, Any] = {}
    args: list[str] = []
    body: list[str] = []
    for k, f in enumerate(fields):
        assert f.init and not f.kw_only, (cls, f.name)
        assert f.default_factory is dataclasses.MISSING, (cls, f.name)
        if f.default is dataclasses.MISSING:
            args.append(f.name)
        else:
            namespace[f"_default{k}"] = f.default
            args.append(f"{f.name}=_default{k}")
        namespace[f"_set{k}"] = cls.__dict__[f.name].__set__
        body.append(f"    _set{k}(self, {f.name})")
    source = f"def __init__(self, {', '.join(args)}):\n" + "\n".join(body or ["    pass"])
    exec(source, namespace)  # as dataclasses itself makes __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls
