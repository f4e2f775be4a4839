"""`showbible init`: a small universe to start from, valid as written."""

from __future__ import annotations

from pathlib import Path

from showbible.model import InputError
from showbible.reading.names import slug
from showbible.universe.loader import UNIVERSE_FILE

_UNIVERSE = """\
# The universe: its series, their scripts, and the bible of canon facts.
# Format: docs/universe-format.md
name: {name}
series:
  - id: {sid}
    title: {name}
    scripts: ["{sid}/*.fountain"]       # natural sort = episode order
    episodes:
      ep01: {{title: Pilot, released: 2025-01-01, story: "day 1"}}
characters:
  ada: {{name: Ada Quill, aliases: [ADA]}}
  ben: {{name: Ben Marr, aliases: [BEN]}}
places:
  lighthouse: {{name: The Lighthouse, aliases: [LIGHTHOUSE]}}
secrets: {{}}
events: []
"""

_EPISODE = """\
Title: Pilot
Author: You

INT. LIGHTHOUSE - NIGHT

Rain against the glass. ADA climbs the last stair with a lantern.

ADA
Anyone up here?

BEN (O.S.)
Only the light, and me.

Ben steps out of the shadow of the lamp.

ADA
I'm Ada. The new keeper.

BEN
Ben. The old one.
"""

_GITIGNORE = ".showbible/\n"


def scaffold(directory: Path, name: str | None = None) -> list[Path]:
    """Write a starter universe into ``directory``; refuses to overwrite one."""
    target = directory / UNIVERSE_FILE
    if target.exists():
        raise InputError("a universe already exists here", file=str(target))
    title = name or directory.resolve().name.replace("-", " ").replace("_", " ").title()
    sid = slug(title) or "series"
    try:
        (directory / sid).mkdir(parents=True, exist_ok=True)
        files = {
            target: _UNIVERSE.format(name=title, sid=sid),
            directory / sid / "ep01.fountain": _EPISODE,
            directory / ".gitignore": _GITIGNORE,
        }
        written = []
        for path, text in files.items():
            if path.exists():
                continue
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", file=str(directory)) from None
    return written
