"""Where a scene is: a heading's location, and the bible place it names (DESIGN §3, Places).

A location splits into parts at `` - `` and ``/``; a part names a place only when it *is* one of
that place's aliases (case and punctuation aside), the longest alias first. A place's name
inside a longer name is not the place: ``OLD CHAPEL ROAD`` is not the chapel and ``WATER BELOW
THE BUOY`` is not the buoy, whatever ``CHAPEL`` and ``BUOY`` are aliases of. A place's id is
not an alias unless the bible lists it as one.
"""

from __future__ import annotations

import re

from showbible.quick import rx
from showbible.reading.facts import SceneFacts

_HEADING_PREFIX = rx.compile(
    r"^\s*(?:(?:INT|EXT|EST|I/E|INT\./EXT|INT/EXT|EXT\./INT|EXT/INT)(?:[.\s]*[-–—:]\s*|[.\s]+))",
    re.IGNORECASE,
)
# A heading that names a shot, not a place ("POV: THE STARRY SKY", "ANGLE ON THE DOOR", "BACK TO
# SCENE", "INSERT - THE LETTER"): the camera moves, the scene stays where it was.
_SHOT = rx.compile(
    r"^\s*(?:POV\b|(?:[A-Z]+'S\s+)?POV\b|ANGLE\b|(?:EXTREME\s+)?CLOSE(?:\s*-?\s*UP|\s+ON)?\b|"
    r"CLOSEUP\b|ECU\b|CU\b|INSERT\b|BACK\s+TO\b|WIDE(?:\s+SHOT|\s+ON)?\b|REVERSE\b|"
    r"(?:TWO|OVER)[\s-]+SHOT\b|OVER\s+THE\s+SHOULDER\b|ON\s+[A-Z]|MOVING\s+SHOT\b|TRACKING\b|"
    r"HIGH\s+ANGLE\b|LOW\s+ANGLE\b|AERIAL\b|SAME\s+SCENE\b|CONTINUOUS\b)",
    re.IGNORECASE,
)
_ACT_SCENE = rx.compile(
    r"^\s*(?:ACT\s+[\w]+\.?\s*)?(?:SCENE\s+[\w]+\.?\s*)?(?:PROLOGUE\.?\s*)?", re.IGNORECASE
)
_PARTS = rx.compile(r"\s+[-–—]\s+|\s*/\s*")
_WORDS = rx.compile(r"\w+")  # "St Mary's" and "YSOLDE's" hold "mary" and "ysolde"


def place_key(scene: SceneFacts) -> str | None:
    """Where a scene is, as rules compare places: its bible place, else its heading's location
    (folded, behind ``~``)."""
    if scene.place:
        return scene.place
    return "~" + " ".join(scene.location.lower().split()) if scene.location else None


def at_place(scene: SceneFacts, place: str | None) -> bool:
    """Whether a scene is at ``place`` (a place key): its own key, or, for a place known only
    by words (``~pipe room``, where a sentence locked someone), one of its heading's parts or
    the place its sub-location is in (``PITHEAD - PIPE ROOM`` is at ``~pipe room`` and at
    ``~pithead``)."""
    key = place_key(scene)
    if key is None or place is None:
        return False
    if key == place:
        return True
    if not place.startswith("~"):
        return False
    parts = [" ".join(p.lower().split()) for p in _PARTS.split(scene.location or "")]
    return place[1:] in parts


class PlaceIndex:
    """Heading locations -> place ids, by the bible's aliases."""

    def __init__(self, places: dict[str, tuple[str, ...]]) -> None:
        self._exact: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        self._long: list[str] | None = None
        self._last_words: frozenset[str] = frozenset()
        self._ids = {fold(pid): pid for pid in places}
        for pid, aliases in places.items():
            for alias in aliases:
                key = fold(alias)
                if key:
                    self._exact.setdefault(key, pid)

    def alias_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the text names a bible place by an alias of two words or more ("the Queen
        Ysolde heels hard": the ship named for the queen), as spans."""
        if self._long is None:
            self._long = sorted((a for a in self._exact if " " in a), key=len, reverse=True)
            # A regex alternation is tried at every position of every action sentence (a
            # tenth of the extraction at 500 synthetic episodes); most sentences hold no alias's
            # last word at all, which a set of words tells at once (and the alternation of
            # them all is compiled only when one does: 5.5 ms for 226 places).
            self._last_words = frozenset(
                next(iter(_WORDS.findall(a.split()[-1])), a.split()[-1]) for a in self._long
            )
        if not self._long or self._last_words.isdisjoint(_WORDS.findall(text.lower())):
            return []
        if self._pattern is None:
            alternation = "|".join(r"\s+".join(map(re.escape, a.split())) for a in self._long)
            self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I)
        return [m.span() for m in self._pattern.finditer(text)]

    def resolve_name(self, name: str) -> str | None:
        """A place named in an annotation or the bible: by its id or one of its aliases."""
        key = fold(name)
        return self._ids.get(key) or self._exact.get(key)

    def resolve(self, location: str) -> str | None:
        """The place a location names: the whole location if it is an alias, else the part
        (split at `` - `` and ``/``) whose alias is longest."""
        folded = fold(location)
        if not folded or not self._exact:
            return None
        found = self._exact.get(folded)
        if found is not None:
            return found
        parts = [p for p in _PARTS.split(location) if p.strip()]
        best: tuple[int, str] | None = None
        # Every run of consecutive parts, so that an alias with a dash in it still matches.
        for i in range(len(parts)):
            for j in range(i + 1, len(parts) + 1):
                key = fold(" - ".join(parts[i:j]))
                pid = self._exact.get(key) if key else None
                if pid is not None and (best is None or len(key) > best[0]):
                    best = (len(key), pid)
        return best[1] if best else None


def fold(text: str) -> str:
    """A name as places compare them: lower case, punctuation (but ``'`` and ``-``) as spaces."""
    return " ".join(re.sub(r"[^\w\s'-]", " ", text.lower()).split())


_RESUME = rx.compile(r"^\s*(?:BACK\s+TO\b|CONTINUOUS\b|SAME\s+SCENE\b)", re.IGNORECASE)


def shot(heading: str) -> str | None:
    """What a heading that names a camera shot rather than a place says of the scene's place:
    ``"resume"`` (``BACK TO SCENE``, ``CONTINUOUS``: where the scene before it was) or
    ``"unknown"`` (``POV: THE STARRY SKY``, ``ANGLE ON``, ``INSERT``: in an intercut sequence
    the shot may belong to either side, so it names no place). None for a place heading."""
    if _HEADING_PREFIX.match(heading) is not None or _SHOT.match(heading) is None:
        return None
    return "resume" if _RESUME.match(heading) else "unknown"


def heading_location(heading: str) -> str:
    """The location part of a heading: after INT./EXT., before the last ``- TIME``."""
    parts = _heading_parts(heading)
    if len(parts) > 1:
        parts = parts[:-1]  # the time of day
    return " - ".join(parts).strip(" .") or heading.strip()


def heading_place(index: PlaceIndex, heading: str, location: str) -> str | None:
    """The bible place a heading names: by its location, else by any of its parts, the last
    included -- a stage play's or a prose heading's last part is no time of day ("SCENE VI -
    THE GRAND CHATELET - A CELL", "INT. CELL BLOCK - GRAND CHATELET")."""
    place = index.resolve(location) if location else None
    if place is None and heading:
        place = index.resolve(" - ".join(_heading_parts(heading)))
    return place


def _heading_parts(heading: str) -> list[str]:
    text = _HEADING_PREFIX.sub("", heading)
    if text == heading:
        # "SCENE VI - THE GRAND CHATELET": the act and scene number, then its dash, go
        text = _LEADING_DASH.sub("", _ACT_SCENE.sub("", heading))
    return [p.strip() for p in re.split(r"\s+[-–—]\s+", text) if p.strip()]


_LEADING_DASH = rx.compile(r"^[\s.:]*[-–—]+\s*")
