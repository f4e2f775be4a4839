"""The server's hold on one universe: its store, the outcome of the last build, and a cache.

The web never writes canon itself: a resident ``Session`` (session.py) builds at startup and,
when the watcher sees a file change, brings the store up to date (an edited episode in a tenth
of a second); requests only read. Derived views are cached per canon *version* (the
universe hash and build time stored with the canon) and per viewer position, so a second viewer
at the same point, or a second page showing the same graph, costs a dict lookup.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, select

from showbible import store
from showbible.build.session import Refresh, Session
from showbible.build.watching import changes
from showbible.model import InputError
from showbible.universe.loader import load_universe
from showbible.web.visible import Cut, Index, Sight, load_index, resolve_cut, sight

log = logging.getLogger("showbible.web")
T = TypeVar("T")


@dataclass
class BuildStatus:
    ok: bool
    message: str | None = None  # the build error, shown as a banner over the last good canon


class Canon:
    """One universe's store as the web sees it."""

    CACHE_SIZE = 256

    def __init__(self, root: Path, url: str | None) -> None:
        self.root = root
        self.url = store.resolve_url(root, url)
        self.store = store.Store(self.url)
        self.status = BuildStatus(ok=True)
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()
        self.session = Session(root, self.url)
        # Held by every rebuild: the watcher's, and those a `check` elsewhere asks for.
        self.build_lock = threading.RLock()
        self.last_refresh: Refresh | None = None  # what the last successful refresh did
        self._version: tuple[str | None, str | None] | None = None
        # Called with a whole-canon view after each build, to fill caches ahead of visitors.
        self.warmers: list[Callable[[View], object]] = []

    # --- building ------------------------------------------------------------------------

    def rebuild(self) -> BuildStatus:
        """Bring the store up to date. A failure keeps the last good canon and says why."""
        with self.build_lock:
            return self._rebuild()

    def refresh_for_check(self) -> str:
        """A rebuild asked for by a `check` in another process (daemon.py): its failure is
        that check's error, not only a banner."""
        with self.build_lock:
            status = self._rebuild()
            if not status.ok:
                raise InputError(status.message or "the build failed")
            return self.last_refresh.mode if self.last_refresh else ""

    def _rebuild(self) -> BuildStatus:
        try:
            self.last_refresh = self.session.refresh()
            self.status = BuildStatus(ok=True)
        except InputError as exc:
            self.status = BuildStatus(ok=False, message=str(exc))
        except Exception:
            # A bug in the engine must not take the site down with it: log the trace for
            # whoever runs the server, show only that it failed.
            log.exception("build failed")
            self.session.compiled = None  # start again from the store's caches next time
            self.status = BuildStatus(ok=False, message="the build failed with an internal error")
        try:
            self.store.ensure_schema()
        except InputError as exc:
            self.status = BuildStatus(ok=False, message=str(exc))
            return self.status
        try:
            self.warm()
        except Exception:
            log.exception("filling the caches after a build failed")  # pages will fill them
        return self.status

    def warm(self) -> None:
        """Load the new canon's index now, so that the first visitor after a build does not
        pay for it (about a second on a universe of 18,000 scenes)."""
        with self.view(None) as view:
            for warmer in self.warmers:
                warmer(view)

    def changed(self) -> bool:
        return self.session.changed()

    # --- reading ---------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.store.read() as conn:
            yield conn

    def version(self, conn: Connection) -> tuple[str | None, str | None]:
        """Which canon the store holds now: changes whenever any build writes."""
        rows: dict[str, str] = {
            str(r.key): str(r.value)
            for r in conn.execute(
                select(store.meta.c.key, store.meta.c.value).where(
                    store.meta.c.key.in_(["universe_hash", "built_at"])
                )
            )
        }
        return rows.get("universe_hash"), rows.get("built_at")

    def cached(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                value: T = self._cache[key]
                return value
        value = compute()
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    def index(self, conn: Connection, version: tuple[str | None, str | None]) -> Index:
        return self.cached(("index", version), lambda: self._load_index(conn))

    def _load_index(self, conn: Connection) -> Index:
        index = load_index(conn)
        # Place names and secret statements live only in the bible: take them when it loads
        # (after a failed build it may not; the pages then fall back to ids).
        try:
            bible = load_universe(self.root).bible
        except Exception:
            return index
        index.place_names = {pid: p.name for pid, p in bible.places.items() if p.name}
        index.secret_statements = {
            sid: s.statement for sid, s in bible.secrets.items() if s.statement
        }
        return index

    @contextmanager
    def view(self, ref: str | None) -> Iterator[View]:
        """One request's window on the canon: a connection, the index and the viewer's sight."""
        with self.read() as conn:
            version = self.version(conn)
            with self._lock:
                if version != self._version:
                    # A new canon (our build or anyone's): what was cached for the old one is
                    # dead weight, and an index of a large universe is tens of megabytes.
                    self._cache.clear()
                    self._version = version
            index = self.index(conn, version)
            cut = resolve_cut(conn, ref)
            seen = self.cached(("sight", version, cut.position), lambda: sight(index, cut))
            if seen.cut != cut:
                # Same position, other spelling of the reference: share the sight, keep the ref.
                seen = dataclasses.replace(seen, cut=cut)
            yield View(self, conn, version, index, seen)

    def meta(self, conn: Connection, key: str) -> str | None:
        value = conn.execute(select(store.meta.c.value).where(store.meta.c.key == key)).scalar()
        return None if value is None else str(value)

    def close(self) -> None:
        self.store.dispose()


@dataclass
class View:
    canon: Canon
    conn: Connection
    version: tuple[str | None, str | None]
    index: Index
    sight: Sight

    @property
    def cut(self) -> Cut:
        return self.sight.cut

    def cached(self, name: str, compute: Callable[[], T], *extra: Any) -> T:
        """A value derived from this canon at this point (and ``extra`` arguments)."""
        return self.canon.cached((name, self.version, self.cut.position, *extra), compute)


class Watcher:
    """Rebuilds the canon when a file of the universe changes, in a background thread."""

    def __init__(self, canon: Canon, interval: float) -> None:
        self.canon = canon
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="showbible-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        session = self.canon.session
        try:
            for _ in changes(session.root, session.ignore, self.interval, stop=self._stop):
                try:
                    if self.canon.changed():
                        log.info("universe changed; rebuilding")
                        self.canon.rebuild()
                except Exception:
                    log.exception("watching the universe failed")
        except Exception:
            log.exception("watching the universe stopped")
