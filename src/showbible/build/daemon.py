"""Checks answered by a resident canon: `watch` and `serve` listen on a local socket, and a
`check` in another process asks them instead of compiling (as dmypy does for mypy).

A fresh `check` must load the other episodes' canon before it can re-check one edited file; a
running `watch` or `serve` already holds it, and re-checks a save in a tenth of a second. So
the process that keeps a ``Session`` also serves this tiny protocol, one JSON object a line:

- request: ``{"protocol": 1, "op": "check", "only": [...], "rules": [...]}``
- answer: ``{"ok": true, "pid": N, "mode": "episodes", "seconds": 0.1, "findings": [...],
  "diagnostics": [...], "scripts": {"episodes": N, "files": [...]}}`` (the canon's episodes
  and script files, against which the client checks its ``--only`` paths; an older daemon
  leaves it out, and the client reads them from the store), or ``{"ok": false, "error":
  "..."}`` (the refresh failed: the caller reports the same error it would have met itself).

The socket lives in a folder of the user's own (``$XDG_RUNTIME_DIR/showbible`` or
``/tmp/showbible-UID``, mode 0700, refused if anyone else owns it), named by a digest of the
universe folder and the store URL, so that two universes or two stores never answer for each
other. A daemon that died leaves a socket nobody listens on: the client sees the refusal and
falls back to compiling itself; the next daemon to start removes it and binds afresh.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import json
import logging
import os
import socket
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from showbible.model import Diagnostic, Evidence, Finding

PROTOCOL = 1
CONNECT_TIMEOUT = 0.5  # a listening daemon accepts at once; a dead one refuses at once
ANSWER_TIMEOUT = 300.0  # a refresh that must rebuild the whole universe can take a while
MAX_MESSAGE = 64 * 1024 * 1024
log = logging.getLogger("showbible.daemon")


def socket_folder() -> Path | None:
    """The user's own folder for sockets, made 0700 if missing; None if it is not safely ours
    (another owner, a symlink, open to others): then no daemon is used at all."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) / "showbible" if runtime else None
    if base is None or not base.parent.is_dir():
        base = Path(tempfile.gettempdir()) / f"showbible-{os.getuid()}"
    try:
        base.mkdir(mode=0o700, exist_ok=True)
        info = base.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return None
    if info.st_mode & 0o077:
        return None
    return base


def socket_path(root: Path, url: str) -> Path | None:
    folder = socket_folder()
    if folder is None:
        return None
    key = f"{Path(root).resolve()}\0{url}".encode("utf-8", "surrogateescape")
    return folder / f"{hashlib.sha256(key).hexdigest()[:24]}.sock"


# --- the daemon's side ---------------------------------------------------------------------


class Daemon:
    """Answers checks for one resident session on a local socket, in a thread of its own.

    ``refresh`` brings the session up to date (the owner's own refresh, so that `watch` still
    prints what changed); ``findings``, ``diagnostics`` and ``scripts`` (the canon's episode
    count and script files) read its state. All are called under ``lock``, which the owner
    also holds around its own refreshes."""

    def __init__(
        self,
        root: Path,
        url: str,
        refresh: Callable[[], object],
        findings: Callable[[], list[Finding]],
        diagnostics: Callable[[], list[Diagnostic]],
        lock: threading.Lock | threading.RLock,
        scripts: Callable[[], tuple[int, list[str]]] | None = None,
    ) -> None:
        self.root = root
        self.url = url
        self._refresh = refresh
        self._findings = findings
        self._diagnostics = diagnostics
        self._scripts = scripts
        self._lock = lock
        self.path: Path | None = None
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def start(self) -> bool:
        """Listen, unless another live daemon already serves this universe and store (or
        sockets cannot be used here). True when this one listens."""
        path = socket_path(self.root, self.url)
        if path is None:
            return False
        if path.exists() or path.is_symlink():
            if _alive(path):
                log.info("another process already answers checks for this universe")
                return False
            with contextlib.suppress(OSError):
                path.unlink()
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(str(path))
            os.chmod(path, 0o600)
            server.listen(8)
        except OSError as exc:
            server.close()
            log.warning("cannot listen for checks on %s: %s", path, exc)
            return False
        server.settimeout(0.5)  # to notice close() promptly
        self.path, self._server = path, server
        self._thread = threading.Thread(target=self._serve, name="showbible-daemon", daemon=True)
        self._thread.start()
        return True

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        if self._server is not None:
            self._server.close()
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
        self._server = self._thread = None

    def _serve(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                try:
                    conn.settimeout(5)
                    request = json.loads(_read_line(conn))
                    conn.settimeout(None)
                    answer = self.answer(request)
                except (OSError, ValueError) as exc:
                    answer = {"ok": False, "error": f"bad request: {exc}"}
                with contextlib.suppress(OSError):
                    conn.sendall(json.dumps(answer, ensure_ascii=False).encode() + b"\n")

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        if request.get("protocol") != PROTOCOL or request.get("op") != "check":
            return {"ok": False, "error": f"unsupported request (protocol {PROTOCOL})"}
        started = time.perf_counter()
        with self._lock:
            try:
                mode = self._refresh()
            except Exception as exc:  # the owner's refresh reports its own failures
                return {"ok": False, "error": str(exc)}
            findings = select_findings(
                self._findings(), request.get("only", ()), request.get("rules", ())
            )
            diagnostics = list(self._diagnostics())
            scripts = self._scripts() if self._scripts is not None else None
        answer: dict[str, Any] = {
            "ok": True,
            "pid": os.getpid(),
            "mode": str(mode) if mode is not None else "",
            "seconds": round(time.perf_counter() - started, 4),
            "findings": [finding_to_wire(f) for f in findings],
            "diagnostics": [dataclasses.asdict(d) for d in diagnostics],
        }
        if scripts is not None:
            answer["scripts"] = {"episodes": scripts[0], "files": scripts[1]}
        return answer


def _alive(path: Path) -> bool:
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(CONNECT_TIMEOUT)
    try:
        probe.connect(str(path))
    except OSError:
        return False
    finally:
        probe.close()
    return True


def _read_line(conn: socket.socket) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if b"\n" in chunk:
            break
        if size > MAX_MESSAGE:
            raise ValueError("message too large")
    return b"".join(chunks).split(b"\n", 1)[0]


# --- the client's side ---------------------------------------------------------------------


@dataclasses.dataclass
class Answer:
    findings: list[Finding]
    diagnostics: list[Diagnostic]
    pid: int
    mode: str
    seconds: float
    scripts: tuple[int, list[str]] | None = None  # (episodes, script files), if it said


class DaemonError(Exception):
    """The daemon answered, but its refresh failed: the message is the build's error."""


def ask(root: Path, url: str, only: Iterable[str] = (), rules: Iterable[str] = ()) -> Answer | None:
    """Findings from a running `watch`/`serve` of this universe and store, or None when there
    is none (or it does not answer in time): then the caller compiles itself."""
    path = socket_path(root, url)
    if path is None or not path.exists():
        return None
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(CONNECT_TIMEOUT)
    try:
        client.connect(str(path))
        client.settimeout(ANSWER_TIMEOUT)
        request = {"protocol": PROTOCOL, "op": "check", "only": list(only), "rules": list(rules)}
        client.sendall(json.dumps(request).encode() + b"\n")
        raw = _read_line(client)
    except OSError as exc:
        if exc.errno not in (errno.ECONNREFUSED, errno.ENOENT, None):
            log.info("daemon at %s did not answer: %s", path, exc)
        return None
    except ValueError:
        return None
    finally:
        client.close()
    try:
        doc = json.loads(raw)
    except ValueError:
        return None
    if not doc.get("ok"):
        raise DaemonError(str(doc.get("error", "the daemon's refresh failed")))
    said = doc.get("scripts")
    scripts = (
        (int(said["episodes"]), [str(f) for f in said["files"]]) if isinstance(said, dict) else None
    )
    return Answer(
        scripts=scripts,
        findings=[finding_from_wire(f) for f in doc["findings"]],
        diagnostics=[Diagnostic(**d) for d in doc["diagnostics"]],
        pid=int(doc["pid"]),
        mode=str(doc["mode"]),
        seconds=float(doc["seconds"]),
    )


def select_findings(
    findings: list[Finding], only: Iterable[str], rules: Iterable[str]
) -> list[Finding]:
    """The findings on these files or folders (universe-relative) and of these rules; all
    of them when either is empty. The same selection `check --only/--rule` makes."""
    wanted = [o.rstrip("/") for o in only]
    if wanted:
        findings = [
            f for f in findings if any(f.file == w or f.file.startswith(w + "/") for w in wanted)
        ]
    chosen = set(rules)
    if chosen:
        findings = [f for f in findings if f.rule in chosen]
    return findings


def finding_to_wire(f: Finding) -> dict[str, Any]:
    # Every field, whatever the dataclass grows: the client rebuilds the same Finding.
    doc = {fld.name: getattr(f, fld.name) for fld in dataclasses.fields(f)}
    doc["characters"] = list(f.characters)
    doc["evidence"] = [dataclasses.asdict(e) for e in f.evidence]
    return doc


def finding_from_wire(doc: dict[str, Any]) -> Finding:
    names = {fld.name for fld in dataclasses.fields(Finding)}
    values = {k: v for k, v in doc.items() if k in names}
    values["characters"] = tuple(values.get("characters", ()))
    values["evidence"] = [Evidence(**e) for e in values.get("evidence", [])]
    return Finding(**values)
