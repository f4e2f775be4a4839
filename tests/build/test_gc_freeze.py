"""The canon frozen out of the cyclic collector's sight stays frozen through the engine's own
pauses of the collector, and is given back when thawed (compiler.freeze_canon / thaw_canon: a
flag of ours, since asking the collector how many objects are frozen walks all of them)."""

from __future__ import annotations

import gc

from showbible.build.compiler import freeze_canon, gc_paused, thaw_canon


def test_a_frozen_canon_stays_frozen_through_a_pause_and_thaws() -> None:
    was = gc.isenabled()
    try:
        canon = [[i] for i in range(10_000)]  # what a canon is: many small long-lived objects
        freeze_canon()
        frozen = gc.get_freeze_count()
        assert frozen >= len(canon)
        with gc_paused():
            made = [[i] for i in range(1_000)]
        assert gc.isenabled() == was
        assert gc.get_freeze_count() >= frozen  # the pause gave nothing back
        thaw_canon()
        assert gc.get_freeze_count() == 0
        # without a frozen canon, the end of a pause leaves nothing frozen either
        with gc_paused():
            made += [[i] for i in range(1_000)]
        assert gc.get_freeze_count() == 0
    finally:
        thaw_canon()
        if was:
            gc.enable()
