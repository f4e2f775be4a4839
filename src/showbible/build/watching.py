"""Being told when a universe's files change: the trigger of `watch` and of `serve`'s watcher.

The operating system's notifications (inotify, FSEvents, ReadDirectoryChangesW, through
watchfiles) wake us within a few milliseconds of a save and cost nothing while nobody writes.
Where they cannot be had (a network filesystem, a full inotify table), the folder is polled
instead. Either way this only says *that* something may have changed: ``Session.refresh``
then works out exactly what, so a spurious wake-up costs one look at the folder.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger("showbible.watch")
SAFETY_NET = 2.0


def changes(
    root: Path,
    ignore: frozenset[str] = frozenset(),
    interval: float = 0.5,
    *,
    polling: bool = False,
    stop: threading.Event | None = None,
) -> Iterator[None]:
    """Yield whenever a file of ``root`` may have changed (hidden files and folders, such as
    the store's ``.showbible``, and the paths in ``ignore`` aside). ``interval``: seconds
    between looks when polling. Ends when ``stop`` is set; Ctrl-C raises KeyboardInterrupt."""
    if not polling:
        try:
            yield from _notified(root, ignore, interval, stop)
            return
        except (OSError, RuntimeError) as exc:  # no notifications here: poll instead
            log.warning("file notifications unavailable (%s); polling every %ss", exc, interval)
    yield from _polled(interval, stop)


def _notified(
    root: Path, ignore: frozenset[str], interval: float, stop: threading.Event | None
) -> Iterator[None]:
    import watchfiles

    def wanted(_change: watchfiles.Change, path: str) -> bool:
        if path in ignore:
            return False
        try:
            parts = Path(path).relative_to(root).parts
        except ValueError:
            return True
        return not any(p.startswith(".") for p in parts)

    for _batch in watchfiles.watch(
        root,
        watch_filter=wanted,
        debounce=100,  # an editor's save is often several writes: take them as one
        step=20,
        stop_event=stop,
        poll_delay_ms=int(interval * 1000),
        raise_interrupt=True,
        # Also wake every SAFETY_NET seconds with nothing notified: a change made before the
        # notifications were set up (or one they missed) is then found by the caller's look.
        rust_timeout=int(SAFETY_NET * 1000),
        yield_on_timeout=True,
    ):
        yield None


def _polled(interval: float, stop: threading.Event | None) -> Iterator[None]:
    while True:
        if stop is not None:
            if stop.wait(interval):
                return
        else:
            time.sleep(interval)
        yield None
