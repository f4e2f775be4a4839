"""The quicker ``__init__`` of the frozen dataclasses a build makes by the million
(showbible/quick/frozen.py) makes what the dataclass's own makes."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from showbible.quick.frozen import quick_init
from showbible.reading.facts import Inferred, Presence, Sentence, Speech
from showbible.reading.infer.clauses import Mention
from showbible.reading.matcher import Match

QUICK = [Inferred, Presence, Speech, Sentence, Match, Mention]


def _plain(cls: type) -> type:
    """The same fields in a dataclass left as ``@dataclass`` makes it."""
    return dataclasses.make_dataclass(
        "Plain" + cls.__name__,
        [(f.name, f.type, f) for f in dataclasses.fields(cls)],
        frozen=True,
        slots=True,
    )


def _values(cls: type, n: int) -> list[object]:
    return [f"v{k}" if k % 2 else k for k in range(n)]


@pytest.mark.parametrize("cls", QUICK, ids=lambda c: c.__name__)
def test_the_same_instances_as_the_dataclass_makes(cls: type) -> None:
    fields = dataclasses.fields(cls)
    plain = _plain(cls)
    assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"  # given the quick one
    assert list(inspect.signature(cls).parameters) == [f.name for f in fields]
    required = [f for f in fields if f.default is dataclasses.MISSING]
    for n in range(len(required), len(fields) + 1):
        args = _values(cls, n)
        got, want = cls(*args), plain(*args)
        assert dataclasses.astuple(got) == dataclasses.astuple(want)
        kwargs = {f.name: v for f, v in zip(fields, args, strict=False)}
        assert cls(**kwargs) == got and hash(cls(**kwargs)) == hash(got)
        assert dataclasses.replace(got) == got
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(got, fields[0].name, "other")
    with pytest.raises(TypeError):
        cls(*_values(cls, len(fields) + 1))
    if required:
        with pytest.raises(TypeError):
            cls(*_values(cls, len(required) - 1))


def test_refuses_what_it_cannot_make_alike() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Later:
        a: int

        def __post_init__(self) -> None:
            pass

    with pytest.raises(AssertionError):
        quick_init(Later)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(AssertionError):
        quick_init(Factory)

    @dataclasses.dataclass(slots=True)
    class Thawed:
        a: int

    with pytest.raises(AssertionError):
        quick_init(Thawed)
