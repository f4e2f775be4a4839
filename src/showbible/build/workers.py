"""Forked worker processes for the extraction (``pipeline.py``), and how its episodes are
shared between them.

A worker is a function of (pipe, context) that answers the messages it is sent, one reply per
episode; the pool knows nothing of what the work is. The context reaches the workers through
fork, so none of it is pickled.
"""

from __future__ import annotations

import contextlib
import os
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# multiprocessing is imported where workers start: a one-shot check that patches an episode
# in-process never forks, and its import was 20 ms of that check's start.

# Episodes handed to a worker at a time (``Pool.share``): a few dozen milliseconds of work
# each, so that the workers finish within a chunk of each other.
CHUNK = 4
# The reply of a worker that failed (a bug of ours): (CRASH, "", what and where).
CRASH = "crash"


def crash_reply(exc: BaseException) -> tuple[str, str, str]:
    """What a worker sends its parent as it fails: the exception and its innermost frame,
    for a message that says where (its traceback stays in the worker)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return (CRASH, "", f"{type(exc).__name__}: {exc}{where}")


class Pool:
    """Forked workers with a pipe each."""

    def __init__(self, n: int, target: Callable[[Connection, Any], None], context: Any) -> None:
        import multiprocessing

        mp = multiprocessing.get_context("fork")
        self.conns: list[Connection] = []
        self.procs: list[Any] = []
        for _ in range(n):
            parent, child = mp.Pipe()
            proc = mp.Process(target=target, args=(child, context), daemon=True)
            proc.start()
            child.close()
            self.conns.append(parent)
            self.procs.append(proc)

    def run(self, messages: list[tuple[Any, ...]], expected: int) -> Iterator[tuple[int, Any]]:
        """Send each worker its message; yield (worker, reply) until ``expected`` replies."""
        for conn, msg in zip(self.conns, messages, strict=True):
            conn.send(msg)
        return self._replies(expected)

    def share(
        self, first: tuple[Any, ...], verb: str, queues: list[list[str]], chunk: int = CHUNK
    ) -> Iterator[tuple[int, Any]]:
        """Send every worker ``first``, then (``verb``, keys) for every key of ``queues`` (one
        per worker: the episodes it scanned, whose parsed scripts it may hold), ``chunk`` at a
        time, so that each has the next ones waiting; a worker whose own queue is done takes
        the last ones of the fullest other queue (parsing them again). Yield (worker, reply),
        one reply per key. Sent whole at the start, the worker with the costlier share kept
        the build waiting: Friends + The Office, split by the scripts' bytes, took 3.3 and
        2.8 CPU s (by count 3.4 and 2.6), the series' scripts costing differently per byte."""
        for conn in self.conns:
            conn.send(first)
        queues = [list(q) for q in queues]
        taken = [0] * len(queues)  # how far each queue was handed out from its start
        busy = [0] * len(self.conns)  # keys sent and not yet answered

        def feed(w: int) -> None:
            while busy[w] < 2 * chunk:
                if taken[w] < len(queues[w]):
                    keys = queues[w][taken[w] : taken[w] + chunk]
                    taken[w] += len(keys)
                else:
                    left = [len(q) - t for q, t in zip(queues, taken, strict=True)]
                    other = max(range(len(queues)), key=lambda i: left[i])
                    # At most half of what its owner has not yet been sent: the owner holds
                    # those scripts parsed, and will reach them soon enough.
                    n = min(chunk, left[other] // 2)
                    if n <= 0:
                        return
                    keys = queues[other][len(queues[other]) - n :]
                    del queues[other][len(queues[other]) - n :]
                try:
                    self.conns[w].send((verb, keys))
                except OSError:  # it died: say why, if it could
                    raise RuntimeError(self._why(self.conns[w])) from None
                busy[w] += len(keys)

        expected = sum(len(q) for q in queues)
        for w in range(len(self.conns)):
            feed(w)
        for w, reply in self._replies(expected):
            busy[w] -= 1
            feed(w)
            yield w, reply

    def _replies(self, expected: int) -> Iterator[tuple[int, Any]]:
        from multiprocessing.connection import Connection, wait

        index = {id(c): i for i, c in enumerate(self.conns)}
        received = 0
        while received < expected:
            for ready in wait(self.conns):
                assert isinstance(ready, Connection)
                try:
                    reply = ready.recv()
                except (EOFError, OSError):
                    raise RuntimeError("an extraction worker died") from None
                if reply[0] == CRASH:
                    raise RuntimeError(f"an extraction worker failed: {reply[2]}")
                received += 1
                yield index[id(ready)], reply

    @staticmethod
    def _why(conn: Connection) -> str:
        """What a worker that can no longer be written to said as it failed."""
        with contextlib.suppress(EOFError, OSError):
            while conn.poll(1):
                reply = conn.recv()
                if reply[0] == CRASH:
                    return f"an extraction worker failed: {reply[2]}"
        return "an extraction worker died"

    def close(self) -> None:
        for conn in self.conns:
            with contextlib.suppress(OSError):
                conn.send(("stop",))
            conn.close()
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()


def split_runs(keys: list[str], n: int, weights: list[int]) -> list[list[str]]:
    """``n`` contiguous runs of ``keys`` (episodes in series order, so that each worker meets
    as few series as it can: a series' name matcher holds every name of the universe, and at
    5,000 episodes building one costs 90 ms), each with about an equal share of ``weights``
    (the scripts' sizes), not of keys: Friends + The Office split by count gave one worker
    4.5 MB of Friends and the other 3.9 MB of both."""
    total = sum(weights)
    if total <= 0:
        return [keys[i * len(keys) // n : (i + 1) * len(keys) // n] for i in range(n)]
    cuts = [0]
    done = 0
    for k, weight in enumerate(weights):
        # Cut before this key when the run so far is nearer its share without it.
        share = total * len(cuts) / n
        if len(cuts) < n and done + weight / 2 > share and k > cuts[-1]:
            cuts.append(k)
        done += weight
    cuts += [len(keys)] * (n + 1 - len(cuts))
    return [keys[cuts[i] : cuts[i + 1]] for i in range(n)]


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
