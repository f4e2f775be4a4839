"""The user's own cache folder, shared by the caches that outlive a process (the bible's built
YAML tree, compiled regular expressions).

Where: ``$SHOWBIBLE_CACHE_DIR/<part>``, else ``$XDG_CACHE_HOME/showbible/<part>``, else
``~/.cache/showbible/<part>``; ``SHOWBIBLE_NO_CACHE=1`` turns them off. The folder must be the
user's own and closed to others (0700), as the daemon's socket folder must (build/daemon.py):
an entry another user could write would feed this process whatever it liked.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def cache_folder(part: str) -> Path | None:
    """The user's own cache folder for ``part``, made 0700 if missing; None when turned off or
    not safely ours (another owner, a symlink, open to others)."""
    if os.environ.get("SHOWBIBLE_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("SHOWBIBLE_CACHE_DIR")
    xdg = os.environ.get("XDG_CACHE_HOME")
    if chosen:
        base = Path(chosen)
    elif xdg and os.path.isabs(xdg):  # the XDG spec says a relative one is to be ignored
        base = Path(xdg) / "showbible"
    else:
        base = Path(os.path.expanduser("~")) / ".cache" / "showbible"
        if not base.is_absolute():  # no home folder: "~" left as is would mean the cwd
            return None
    folder = base / part
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return folder
