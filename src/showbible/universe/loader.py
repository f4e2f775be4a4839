"""Loads a universe folder: `universe.yaml` + `bible/*.yaml`, its series, episodes and orders.

Every error names ``file:line:column``: YAML is read by yamlread (through yamlcache, which keeps
the built tree for the next process), which keeps the position of every key and item, and
pydantic's error locations are walked back through them.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from natsort import natsorted
from pydantic import ValidationError

from showbible.formats.files import YAML_LIMIT_MB, display_name, inside, is_displayable, read_file
from showbible.model import Diagnostic, InputError
from showbible.quick import rx
from showbible.reading.names import did_you_mean, suggest
from showbible.universe.bible import ID_PATTERN, BibleConf, SeriesConf
from showbible.universe.root import UNIVERSE_FILE as UNIVERSE_FILE  # re-exported
from showbible.universe.root import find_root as find_root  # re-exported
from showbible.universe.storytime import StoryTime, parse_story_time
from showbible.universe.yamlcache import read_yaml_cached
from showbible.universe.yamltree import YMap, YSeq

_MAX_YAML_NODES = 200_000  # a YAML alias bomb expands past any real bible long before this
_ID = rx.compile(ID_PATTERN)
_UNDISPLAYABLE = "the file name is not valid UTF-8: skipped (rename it to read it)"
_NOT_A_FILE = "is not a regular file (a named pipe or a device?): skipped"
_UNREADABLE = "unreadable-file"  # the rule id check reports them under (rules/input.py)


@dataclass(frozen=True, slots=True)
class Episode:
    """One episode: a script file of a series, with its metadata."""

    series: str
    id: str
    index: int  # 0-based position in its series
    path: Path | None  # absolute path of the script, None for a bible-only episode
    rel: str  # path relative to the universe folder, for messages
    title: str | None = None
    released: date | None = None
    story: StoryTime | None = None

    @property
    def key(self) -> str:
        return f"{self.series}:{self.id}"


@dataclass(frozen=True, slots=True)
class Ref:
    """A resolved reference: an episode and, optionally, a 1-based scene number."""

    episode: Episode
    scene: int | None = None

    def __str__(self) -> str:
        return self.episode.key + (f"#{self.scene}" if self.scene is not None else "")


@dataclass
class Locator:
    """Maps a path into the merged YAML (keys and list indexes) back to file:line:column."""

    files: dict[int, str] = field(default_factory=dict)
    data: Any = None

    def register(self, node: Any, file: str) -> None:
        stack = [node]
        seen = 0
        while stack:
            cur = stack.pop()
            if isinstance(cur, YMap | YSeq):
                if id(cur) in self.files:
                    continue  # an alias: already registered
                self.files[id(cur)] = file
                seen += 1
                if seen > _MAX_YAML_NODES:
                    raise InputError(
                        f"too many YAML nodes (over {_MAX_YAML_NODES}); is this an alias bomb?",
                        file=file,
                    )
                stack.extend(cur.values() if isinstance(cur, YMap) else cur)

    def locate(self, path: Sequence[str | int]) -> tuple[str, int, int]:
        """The deepest node on ``path`` that exists, as (file, line, column), 1-based."""
        node = self.data
        best: tuple[str, int, int] = (UNIVERSE_FILE, 0, 0)
        for step in path:
            if isinstance(node, YMap) and step in node:
                best = node.at[step]  # type: ignore[index]
                node = node[step]  # type: ignore[index]
            elif isinstance(node, YSeq) and isinstance(step, int) and step < len(node):
                best = node.at[step]
                node = node[step]
            else:
                break
        return best

    def error(self, path: Sequence[str | int], message: str) -> InputError:
        file, line, col = self.locate(path)
        return InputError(message, file=file, line=line, column=col)


@dataclass
class Universe:
    """A loaded universe: bible, series, episodes in series order, and the release order."""

    root: Path
    bible: BibleConf
    episodes: tuple[Episode, ...]
    release: tuple[str, ...]  # episode keys in release order
    locator: Locator
    diagnostics: list[Diagnostic] = field(default_factory=list)
    bible_files: tuple[Path, ...] = ()
    _by_key: dict[str, Episode] = field(default_factory=dict, repr=False)
    _by_id: dict[str, list[Episode]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for ep in self.episodes:
            self._by_key[ep.key] = ep
            self._by_id.setdefault(ep.id, []).append(ep)

    @property
    def name(self) -> str:
        return self.bible.name

    @property
    def series(self) -> tuple[SeriesConf, ...]:
        return self.bible.series

    def episode(self, key: str) -> Episode:
        return self._by_key[key]

    def series_episodes(self, series: str) -> list[Episode]:
        return [e for e in self.episodes if e.series == series]

    def find_episode(self, text: str) -> Episode:
        """``EPISODE`` or ``SERIES:EPISODE``; raises KeyError with a helpful message."""
        if ":" in text:
            if text in self._by_key:
                return self._by_key[text]
            raise KeyError(self._unknown(text, self._by_key))
        found = self._by_id.get(text, [])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            keys = ", ".join(e.key for e in found)
            raise KeyError(f"episode {text!r} is ambiguous: qualify it as one of {keys}")
        if text in self._by_key:
            return self._by_key[text]
        series_ids = [s.id for s in self.series]
        if text in series_ids:
            eps = self.series_episodes(text)
            if eps:
                return eps[0]
        raise KeyError(self._unknown(text, {**self._by_id, **self._by_key}))

    def _unknown(self, text: str, choices: Iterable[str]) -> str:
        return f"no episode {text!r} in this universe" + did_you_mean(text, choices)

    def parse_ref(self, text: str) -> Ref:
        """Parse ``EPISODE``, ``SERIES:EPISODE``, ``EPISODE#SCENE``; KeyError/ValueError if bad."""
        ep_text, _, scene_text = str(text).partition("#")
        episode = self.find_episode(ep_text.strip())
        if not scene_text:
            return Ref(episode)
        if not scene_text.strip().isdigit() or int(scene_text) < 1:
            raise ValueError(f"scene number in {text!r} must be a whole number from 1")
        return Ref(episode, int(scene_text))

    def release_index(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self.release)}


# --- loading ---------------------------------------------------------------------------------


def error_text(exc: Exception) -> str:
    """The message of an exception; KeyError's str() would wrap it in quotes."""
    return str(exc.args[0]) if exc.args else str(exc)


def _read_yaml(path: Path, root: Path, shown: str) -> Any:
    raw = read_file(path, root=root, shown=shown, limit_mb=YAML_LIMIT_MB, what="a bible file")
    return read_yaml_cached(raw, shown)  # the same tree as yamlread.read_yaml, kept for next time


_LIST_KEYS = ("series", "events", "allow", "titles", "roles", "release_order")
_MAP_KEYS = ("characters", "places", "secrets", "settings")


def _merge(into: YMap, extra: YMap, locator: Locator, shown: str) -> None:
    for key in extra:
        value = extra[key]
        if key not in into:
            into[key] = value
            into.at[key] = extra.at[key]
            continue
        if key in _LIST_KEYS and isinstance(into[key], YSeq) and isinstance(value, YSeq):
            base = into[key]
            base.extend(value)
            base.at.extend(value.at)
            continue
        if key in _MAP_KEYS and isinstance(into[key], YMap) and isinstance(value, YMap):
            mapping = into[key]
            for sub in value:
                if sub in mapping:
                    first = locator.locate((key, sub))
                    _file, line, col = value.at[sub]
                    raise InputError(
                        f"{key}.{sub} is defined twice (first at {first[0]}:{first[1]})",
                        file=shown,
                        line=line,
                        column=col,
                    )
                mapping[sub] = value[sub]
                mapping.at[sub] = value.at[sub]
            continue
        _file, line, col = extra.at[key]
        first = locator.locate((key,))
        raise InputError(
            f"{key!r} is already set in {first[0]}:{first[1]}",
            file=shown,
            line=line,
            column=col,
        )


# How many of a bible's validation errors one message lists: each at its file and line, like a
# compiler's, so that a bible with several of one slip ("{name: A, B, ...}" in every place) is
# mended in one pass, not one error per run.
_ERRORS_SHOWN = 10


def _validation_error(exc: ValidationError, locator: Locator) -> InputError:
    errors = exc.errors()
    each = [_one_error(err, exc, locator) for err in errors[:_ERRORS_SHOWN]]
    first = each[0]
    if len(errors) > 1:
        more = [str(e) for e in each[1:]]
        if len(errors) > _ERRORS_SHOWN:
            more.append(f"... and {len(errors) - _ERRORS_SHOWN} more")
        first.message += f" (and {len(errors) - 1} more error(s):\n  " + "\n  ".join(more) + ")"
    return first


def _one_error(err: Any, exc: ValidationError, locator: Locator) -> InputError:
    loc = tuple(err["loc"])
    # pydantic appends union member names (e.g. "str", "Alias") to loc; keep real path steps.
    path = [p for p in loc if isinstance(p, int) or p in _known_path_step(locator, loc)]
    message = err["msg"]
    if err["type"] == "extra_forbidden":
        field_name = str(loc[-1])
        message = f"unknown field {field_name!r}"
        suggestion = _suggest_field(exc, loc)
        if len(loc) == 1 and field_name.rstrip("s") == "relationship":
            message += (
                " (a relationship is listed under `relations:` -- {from: ID, to: ID, relation: "
                "KIND, since: REF} -- or is an event; see docs/relationships.md)"
            )
        elif suggestion:
            message += f" (did you mean {suggestion!r}?)"
        elif _comma_in_flow(locator, path, field_name):
            fix = _comma_fix(locator, path, field_name)
            message += (
                " (in {...} a comma ends the value before it and starts a new key: quote a "
                "value that holds a comma" + (f": {fix}" if fix else "") + ")"
            )
    elif err["type"] == "missing":
        message = f"missing field {loc[-1]!r}"
    where = ".".join(str(p) for p in path)
    if where:
        message = f"{where}: {message}"
    return locator.error(path, message)


def _comma_fix(locator: Locator, path: list[Any], key: str) -> str:
    """The value a comma cut, written whole and quoted (``name: "The Baird house, Shore
    Street"``), or "" when the key before the cut pieces holds no text."""
    node = locator.data
    for step in path[:-1]:
        node = node[step]
    keys = list(node)
    at = keys.index(key)
    start = at
    while start > 0 and node[keys[start - 1]] is None:
        start -= 1
    if start == 0 or not isinstance(node[keys[start - 1]], str):
        return ""
    end = at
    while end + 1 < len(keys) and node[keys[end + 1]] is None:
        end += 1
    field = keys[start - 1]
    whole = ", ".join([node[field], *map(str, keys[start : end + 1])])
    return f"{field}: " + '"' + whole.replace('"', '\\"') + '"'


def _comma_in_flow(locator: Locator, path: list[Any], key: str) -> bool:
    """Whether ``key`` is a key with no value in a ``{...}`` mapping: the rest of a value cut
    at a comma (``{name: The Baird house, Shore Street, aliases: [...]}``)."""
    node = locator.data
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return False
    if not isinstance(node, YMap) or key not in node or node[key] is not None:
        return False
    line = node.at.get(key, ("", 0, 0))[1]
    # A mapping written on one line: another of its keys stands on the same line.
    return any(k != key and at[1] == line for k, at in node.at.items())


def _known_path_step(locator: Locator, loc: tuple[Any, ...]) -> set[str]:
    """The string steps of ``loc`` that are real keys in the YAML (not pydantic's tags)."""
    steps: set[str] = set()
    node = locator.data
    for step in loc:
        if isinstance(node, YMap) and step in node:
            steps.add(step)
            node = node[step]
        elif isinstance(node, YSeq) and isinstance(step, int) and step < len(node):
            node = node[step]
    return steps


def _suggest_field(exc: ValidationError, loc: tuple[Any, ...]) -> str | None:
    from showbible.universe import bible

    wrong = str(loc[-1])
    if len(loc) == 1:
        # At the top of the bible only its own sections are suggestions: "relations:" is no
        # misspelt event field ("relation"), it is relationships written where none go.
        return suggest(wrong, set(bible.BibleConf.model_fields) - {wrong}, cutoff=75)
    names: set[str] = set()
    for model in (
        bible.BibleConf,
        bible.SeriesConf,
        bible.CharacterConf,
        bible.EventConf,
        bible.EpisodeMeta,
        bible.SecretConf,
        bible.PlaceConf,
        bible.AllowConf,
        bible.Alias,
        bible.Cannot,
        bible.Held,
        bible.Learns,
        bible.Relation,
    ):
        names.update(model.model_fields)
    # A field of another model is no suggestion for itself (a for a).
    return suggest(wrong, names - {wrong}, cutoff=75)


def _to_plain(node: Any, locator: Locator) -> Any:
    """Plain dicts and lists for pydantic, expanding YAML aliases within a budget: a few
    kilobytes of nested aliases can otherwise expand to billions of nodes."""
    budget = [_MAX_YAML_NODES]

    def walk(n: Any, file: str) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise InputError(
                f"the YAML expands to over {_MAX_YAML_NODES} nodes through its aliases; "
                "is this an alias bomb?",
                file=file,
            )
        if isinstance(n, dict):
            here = locator.files.get(id(n), file)
            return {str(k): walk(v, here) for k, v in n.items()}
        if isinstance(n, list):
            here = locator.files.get(id(n), file)
            return [walk(v, here) for v in n]
        return n

    return walk(node, UNIVERSE_FILE)


def load_universe(root: Path | str) -> Universe:
    """Load and validate a universe folder. Raises InputError with file:line on bad input."""
    root = Path(root).absolute()
    main = root / UNIVERSE_FILE
    if not main.is_file():
        raise InputError(f"no {UNIVERSE_FILE} in {root}", file=str(root))
    locator = Locator()
    data = _read_yaml(main, root, UNIVERSE_FILE)
    if data is None:
        data = YMap()
    if not isinstance(data, YMap):
        raise InputError("the top level must be a mapping (name:, series:, ...)", UNIVERSE_FILE, 1)
    locator.register(data, UNIVERSE_FILE)
    locator.data = data
    bible_files = [main]
    bible_dir = root / "bible"
    diagnostics: list[Diagnostic] = []
    if bible_dir.is_dir():
        for extra_path in natsorted(bible_dir.glob("*.yaml"), key=lambda p: p.name):
            shown = f"bible/{display_name(extra_path.name)}"
            if not is_displayable(extra_path.name):
                diagnostics.append(Diagnostic(shown, 1, _UNDISPLAYABLE, code=_UNREADABLE))
                continue
            extra = _read_yaml(extra_path, root, shown)
            if extra is None:
                continue
            if not isinstance(extra, YMap):
                raise InputError("the top level must be a mapping", shown, 1)
            locator.register(extra, shown)
            _merge(data, extra, locator, shown)
            bible_files.append(extra_path)
    try:
        conf = BibleConf.model_validate(_to_plain(data, locator))
    except ValidationError as exc:
        raise _validation_error(exc, locator) from None
    except RecursionError:
        raise InputError("YAML nested too deeply", UNIVERSE_FILE) from None
    _check_ids(conf, locator)
    episodes = _discover_episodes(root, conf, locator, diagnostics)
    universe = Universe(
        root=root,
        bible=conf,
        episodes=tuple(episodes),
        release=(),
        locator=locator,
        diagnostics=diagnostics,
        bible_files=tuple(bible_files),
    )
    universe.release = _release_order(universe, locator)
    return universe


def _check_ids(conf: BibleConf, locator: Locator) -> None:
    seen: dict[str, int] = {}
    for i, s in enumerate(conf.series):
        if s.id in seen:
            first = locator.locate(("series", seen[s.id], "id"))
            raise locator.error(
                ("series", i, "id"),
                f"series id {s.id!r} is used twice (first at {first[0]}:{first[1]})",
            )
        seen[s.id] = i
    for section in ("characters", "places", "secrets"):
        for key in getattr(conf, section):
            if not _ID.match(key):
                raise locator.error(
                    (section, key),
                    f"{section[:-1]} id {key!r} must be lower-case letters, digits and '-'",
                )
    series_ids = set(seen)
    for cid, char in conf.characters.items():
        for i, alias in enumerate(char.aliases):
            if isinstance(alias, str) or not alias.series:
                continue
            for sid in alias.series:
                if sid not in series_ids:
                    raise locator.error(
                        ("characters", cid, "aliases", i, "series"),
                        f"alias {alias.label!r} is scoped to unknown series {sid!r}"
                        + did_you_mean(sid, series_ids),
                    )
        for i, entry in enumerate(char.appears_in):
            sid = entry if isinstance(entry, str) else entry.name
            if sid not in series_ids:
                raise locator.error(
                    ("characters", cid, "appears_in", i),
                    f"unknown series {sid!r}" + did_you_mean(sid, series_ids),
                )
        if char.home is not None and char.home not in series_ids:
            raise locator.error(
                ("characters", cid, "home"),
                f"unknown series {char.home!r}" + did_you_mean(char.home, series_ids),
            )


def _readable(path: str) -> bool:
    # The registry as it is now: readers added to formats/ are picked up without a list here.
    from showbible.formats import READERS

    return Path(path).suffix.lower() in READERS


def _unreadable(rel: str) -> Diagnostic:
    from showbible.formats import READERS

    kind = Path(rel).suffix.lower() or "files without a suffix"
    known = ", ".join(sorted(READERS))
    return Diagnostic(
        rel,
        1,
        f"not read: no reader for {kind} (showbible reads {known}); export it to Fountain "
        "(.fountain) or Final Draft (.fdx), or narrow the series' scripts glob to leave it out",
        code="unreadable-file",
    )


def _discover_episodes(
    root: Path, conf: BibleConf, locator: Locator, diagnostics: list[Diagnostic]
) -> list[Episode]:
    episodes: list[Episode] = []
    claimed: dict[str, str] = {}
    unread: list[str] = []
    root_real = os.path.realpath(root)  # once, not once per script
    folders: dict[str, str] = {}  # and each folder of scripts once
    for si, series in enumerate(conf.series):
        files: list[str] = []
        for gi, pattern in enumerate(series.scripts):
            where = ("series", si, "scripts", gi)
            if os.path.isabs(pattern) or ".." in Path(pattern).parts:
                raise locator.error(where, f"glob {pattern!r} leaves the universe folder")
            matches = glob.glob(pattern, root_dir=root, recursive=True)
            for match in matches:
                full = os.path.join(root, match)
                if not is_displayable(match):
                    # It could be neither hashed nor stored as text: skipped, not fatal.
                    diagnostics.append(
                        Diagnostic(display_name(match), 1, _UNDISPLAYABLE, code=_UNREADABLE)
                    )
                    continue
                if not inside(root, full, root_real, folders):
                    raise locator.error(
                        where, f"{match} resolves outside the universe folder (a symlink?)"
                    )
                if os.path.exists(full) and not os.path.isfile(full) and not os.path.isdir(full):
                    diagnostics.append(Diagnostic(match, 1, _NOT_A_FILE, code=_UNREADABLE))
                    continue
                if os.path.isfile(full) and match not in files:
                    if _readable(match):
                        files.append(match)
                    elif match not in unread:
                        unread.append(match)
                        diagnostics.append(_unreadable(match.replace(os.sep, "/")))
            if not matches:
                file, line, col = locator.locate(where)
                diagnostics.append(
                    Diagnostic(
                        file,
                        line,
                        f"glob {pattern!r} matches no file",
                        column=col,
                        code="missing-script",
                    )
                )
        by_stem: dict[str, str] = {}
        explicit = {m.file: eid for eid, m in series.episodes.items() if m.file}
        for rel in natsorted(files):
            rel = rel.replace(os.sep, "/")
            eid = explicit.get(rel) or Path(rel).stem
            if eid in by_stem:
                raise locator.error(
                    ("series", si, "scripts"),
                    f"two scripts give episode id {eid!r} in series {series.id!r}: "
                    f"{by_stem[eid]} and {rel} (set `file:` in episodes to tell them apart)",
                )
            if rel in claimed:
                raise locator.error(
                    ("series", si, "scripts"),
                    f"{rel} is claimed by series {claimed[rel]!r} and {series.id!r}",
                )
            claimed[rel] = series.id
            by_stem[eid] = rel
        for eid, meta in series.episodes.items():
            if meta.file and meta.file not in {v for v in by_stem.values()}:
                full = os.path.join(root, meta.file)
                if not inside(root, full) or not os.path.isfile(full):
                    raise locator.error(
                        ("series", si, "episodes", eid, "file"),
                        f"episode file {meta.file!r} not found inside the universe folder",
                    )
                by_stem[eid] = meta.file
        order = list(by_stem)
        for eid in series.episodes:
            if eid not in by_stem:
                # A bible-only episode (no script yet); warn when it looks like a typo.
                close = did_you_mean(eid, [e for e in by_stem if e not in series.episodes])
                if close:
                    file, line, col = locator.locate(("series", si, "episodes", eid))
                    diagnostics.append(
                        Diagnostic(
                            file,
                            line,
                            f"episode {eid!r} has no script{close}",
                            column=col,
                            code="missing-script",
                        )
                    )
                order.append(eid)
        for index, eid in enumerate(order):
            found_meta = series.episodes.get(eid)
            rel_path = by_stem.get(eid)
            story = None
            if found_meta is not None and found_meta.story is not None:
                try:
                    story = parse_story_time(found_meta.story)
                except ValueError as exc:
                    raise locator.error(
                        ("series", si, "episodes", eid, "story"), str(exc)
                    ) from None
            episodes.append(
                Episode(
                    series=series.id,
                    id=eid,
                    index=index,
                    path=(root / rel_path) if rel_path else None,
                    rel=rel_path or f"{UNIVERSE_FILE}#{series.id}:{eid}",
                    title=found_meta.title if found_meta else None,
                    released=found_meta.released if found_meta else None,
                    story=story,
                )
            )
    return episodes


def _release_order(universe: Universe, locator: Locator) -> tuple[str, ...]:
    series_rank = {s.id: i for i, s in enumerate(universe.series)}
    effective: dict[str, date] = {}
    for s in universe.series:
        last = date.min
        for ep in universe.series_episodes(s.id):
            last = ep.released or last
            effective[ep.key] = last
    default = sorted(
        universe.episodes, key=lambda e: (effective[e.key], series_rank[e.series], e.index)
    )
    listed: list[str] = []
    for i, text in enumerate(universe.bible.release_order):
        try:
            ref = universe.parse_ref(text)
        except (KeyError, ValueError) as exc:
            raise locator.error(("release_order", i), error_text(exc)) from None
        if ref.episode.key in listed:
            raise locator.error(("release_order", i), f"{ref.episode.key} is listed twice")
        listed.append(ref.episode.key)
    rest = [e.key for e in default if e.key not in set(listed)]
    return tuple(listed + rest)
