"""Canon events from every source, resolved to ids: the bible, inline annotations and inferred
facts. The fold (canon.py) places them on the timelines.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from showbible.model import Diagnostic
from showbible.reading.annotations import Annotation
from showbible.reading.extract import PlaceIndex
from showbible.reading.facts import SceneFacts
from showbible.reading.infer import HIGH, PlaceNames, infer_facts, place_names
from showbible.reading.infer.learning import Occurrences
from showbible.reading.infer.linking import Linked, confided_tells, link
from showbible.reading.infer.relink import Replaced, relink
from showbible.reading.names import did_you_mean
from showbible.reading.resolve import Cast
from showbible.universe.bible import BibleConf
from showbible.universe.loader import Universe

# Relationship kinds and whether each runs both ways by default; a universe may use others.
RELATION_KINDS: dict[str, bool] = {
    "family": True, "allies": True, "friends": True, "rivals": True, "romance": True,
    "enemies": True, "cat-and-mouse": True, "partners": True, "distrusts": False,
    "trusts": False, "employs": False, "hunts": False, "protects": False, "mentors": False,
    "loves": False, "fears": False, "owes": False, "hates": False,
}  # fmt: skip
# Other words writers use for a kind ("[[relation: PACHO hates SANTIAGO]]" and "despises", the
# sixty-sixth blind look's Valledupar; singulars, lovers and siblings): read as that kind.
SYNONYMS: dict[str, str] = {
    "despises": "hates", "loathes": "hates", "detests": "hates", "hate": "hates",
    "adores": "loves", "love": "loves", "trust": "trusts", "distrust": "distrusts",
    "mistrusts": "distrusts", "mistrust": "distrusts", "suspects": "distrusts",
    "fear": "fears", "protect": "protects", "mentor": "mentors", "employ": "employs",
    "hunt": "hunts", "friend": "friends", "ally": "allies", "enemy": "enemies",
    "rival": "rivals", "partner": "partners", "lovers": "romance", "dating": "romance",
    "married": "romance", "siblings": "family", "relatives": "family", "kin": "family",
}  # fmt: skip
# Kinds that cannot hold at once for the same pair (relation-contradiction).
OPPOSED: dict[str, frozenset[str]] = {
    "allies": frozenset({"enemies", "rivals", "hunts", "distrusts", "cat-and-mouse"}),
    "friends": frozenset({"enemies", "hunts", "distrusts"}),
    "romance": frozenset({"enemies", "hunts", "distrusts"}),
    "trusts": frozenset({"distrusts", "hates"}),
    "hates": frozenset({"loves", "trusts", "friends", "allies", "romance", "protects"}),
    "partners": frozenset({"enemies", "rivals", "hunts"}),
    "enemies": frozenset({"allies", "friends", "romance", "partners", "trusts"}),
    "distrusts": frozenset({"trusts", "allies", "friends", "romance"}),
    "hunts": frozenset({"allies", "friends", "romance", "partners", "protects"}),
    "rivals": frozenset({"allies", "partners"}),
    "cat-and-mouse": frozenset({"allies"}),
    "protects": frozenset({"hunts"}),
}


def kind_of(word: str, kinds: dict[str, bool]) -> str | None:
    """The relationship kind a word names, in an annotation or a bible's ``relations:`` entry
    (a synonym is its kind: "mistrusts" is "distrusts"), or None when it names none here."""
    low = word.strip().lower()
    low = low if low in kinds else SYNONYMS.get(low, low)
    return low if low in kinds else None


def vocabulary(bible: BibleConf) -> tuple[dict[str, bool], dict[str, frozenset[str]]]:
    """The relationship kinds of a universe (built-in plus `relation_kinds:`), each with whether
    it runs both ways, and which kinds oppose which (symmetrically)."""
    kinds = dict(RELATION_KINDS)
    opposed: dict[str, set[str]] = {k: set(v) for k, v in OPPOSED.items()}
    for name, conf in bible.relation_kinds.items():
        kind = name.lower()
        kinds[kind] = conf.mutual
        for other in conf.opposes:
            opposed.setdefault(kind, set()).add(other.lower())
            opposed.setdefault(other.lower(), set()).add(kind)
    for kind, others in list(opposed.items()):
        for other in others:
            opposed.setdefault(other, set()).add(kind)
    return kinds, {k: frozenset(v) for k, v in opposed.items()}


@dataclass(frozen=True, slots=True)
class CanonEvent:
    verb: str  # dies destroyed learns reveals cannot held relation ends allow
    subject: str  # character, place or (reveals) secret id
    scene: str | None  # scene key; None = true from the start
    line: int
    file: str
    source: str  # bible | annotation | inferred
    obj: str | None = None  # learns: secret; held: place; cannot: what; relation: other
    confidence: float | None = None
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class SceneEvents:
    """What one scene's annotations and action lines gave."""

    annotations: list[CanonEvent] = field(default_factory=list)
    inferred: list[CanonEvent] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass
class Collected:
    events: list[CanonEvent]
    inferred: list[CanonEvent]  # every inferred fact, used or not
    diagnostics: list[Diagnostic]
    # Per scene key, for the scenes that gave anything: lets a patch (patch.py) collect again
    # only the scenes it replaced.
    by_scene: dict[str, SceneEvents] = field(default_factory=dict)
    # The inferred facts joined across scenes (``link``), as the one-shot path keeps them beside
    # the store (build/snapshot.py) so as not to join them again.
    linked: list[Linked] = field(default_factory=list)
    # Where the secrets' tells are said in these scenes, as the joins found it: a patch's join
    # (relink.py) searches only the scenes it replaced.
    occurs: Occurrences = field(default_factory=Occurrences)


class EventCollector:
    """Turns bible entries, annotations and action lines into CanonEvents.

    ``by_key`` and ``last_scene`` (episode key -> its last scene's key) may be given by a caller
    that has them, so as not to index every scene again; ``reuse`` (a previous Collected) and
    ``replaced`` (scene keys) collect again only the replaced scenes, taking the others' events
    from ``reuse`` (valid while the set of characters on screen is unchanged: an annotation
    naming a provisional character resolves only if that character is ever seen)."""

    def __init__(
        self,
        universe: Universe,
        cast: Cast,
        places: PlaceIndex,
        scenes: list[SceneFacts],
        by_key: Mapping[str, SceneFacts] | None = None,
        last_scene: Mapping[str, str] | None = None,
        seen: set[str] | None = None,
    ) -> None:
        self.u = universe
        self.cast = cast
        self.places = places
        self.scenes = scenes
        self.by_key = by_key if by_key is not None else {s.key: s for s in scenes}
        self.diagnostics: list[Diagnostic] = []
        self.kinds, _opposed = vocabulary(universe.bible)
        if last_scene is None:
            last_scene = {}
            for s in scenes:
                last_scene[f"{s.series}:{s.episode}"] = s.key
        self._last_scene = last_scene
        if seen is not None:
            self._seen = seen

    # --- bible ---------------------------------------------------------------------------

    def _bible_scene(self, at: str) -> tuple[str | None, int, str]:
        """A bible REF -> (scene key, line, file). An episode without a scene means after its
        last scene: the event is canon from the next episode on."""
        ref = self.u.parse_ref(at)
        key = str(ref) if ref.scene is not None else self._last_scene.get(ref.episode.key)
        scene = self.by_key.get(key) if key else None
        return key, scene.line if scene else 0, scene.file if scene else ref.episode.rel

    def _bible_place(self, name: str, path: tuple[str | int, ...]) -> str:
        """A place named in the bible: its id, or any of its aliases."""
        if name in self.u.bible.places:
            return name
        pid = self.places.resolve_name(name)
        if pid is None:
            raise self.u.locator.error(
                path, f"unknown place {name!r}" + did_you_mean(name, self.u.bible.places)
            )
        return pid

    def bible_events(self) -> list[CanonEvent]:
        out: list[CanonEvent] = []
        locate = self.u.locator.locate
        for sid, secret in self.u.bible.secrets.items():
            file, line, _ = locate(("secrets", sid, "known_by"))
            for who in secret.known_by:
                out.append(
                    CanonEvent(
                        "learns",
                        who,
                        None,
                        line,
                        file,
                        "bible",
                        obj=sid,
                        data={"known_from_start": True},
                    )
                )
        for i, e in enumerate(self.u.bible.events):
            key, _line, _file = self._bible_scene(e.at)
            file, line, _ = locate(("events", i))
            base: dict[str, Any] = {"scene": key, "line": line, "file": file, "source": "bible"}
            if e.dies:
                out.append(CanonEvent("dies", e.dies, **base))
            elif e.destroyed:
                pid = self._bible_place(e.destroyed, ("events", i, "destroyed"))
                out.append(CanonEvent("destroyed", pid, **base))
            elif e.learns:
                out.append(CanonEvent("learns", e.learns.who, obj=e.learns.secret, **base))
            elif e.reveals:
                out.append(CanonEvent("reveals", e.reveals, **base))
            elif e.cannot:
                out.append(
                    CanonEvent(
                        "cannot",
                        e.cannot.who,
                        obj=e.cannot.what,
                        data={"tells": list(e.cannot.tells) or [e.cannot.what]},
                        **base,
                    )
                )
            elif e.held:
                until = None
                if e.held.until:
                    until, _l, _f = self._bible_scene(e.held.until)
                place = self._bible_place(e.held.place, ("events", i, "held", "place"))
                out.append(CanonEvent("held", e.held.who, obj=place, data={"until": until}, **base))
            elif e.relation:
                r = e.relation
                out.append(
                    CanonEvent(
                        "relation", r.a, obj=r.b, data={"kind": r.kind, "mutual": r.mutual}, **base
                    )
                )
            elif e.ends:
                out.append(
                    CanonEvent("ends", e.ends.a, obj=e.ends.b, data={"kind": e.ends.kind}, **base)
                )
        for i, listed in enumerate(self.u.bible.relations):
            key, _line, _file = self._bible_scene(listed.at)
            file, line, _ = locate(("relations", i))
            kind = kind_of(listed.kind, self.kinds)
            if kind is None:
                raise self.u.locator.error(
                    ("relations", i),
                    f"unknown relationship kind {listed.kind!r} (one of {', '.join(self.kinds)}; "
                    "or declare it under `relation_kinds:`)",
                )
            mutual = self.kinds[kind] if listed.mutual is None else listed.mutual
            out.append(
                CanonEvent(
                    "relation", listed.a, obj=listed.b, data={"kind": kind, "mutual": mutual},
                    scene=key, line=line, file=file, source="bible",
                )
            )  # fmt: skip
        return out

    # --- annotations ---------------------------------------------------------------------

    def scene_events(
        self, reuse: Collected | None = None, replaced: frozenset[str] = frozenset()
    ) -> dict[str, SceneEvents]:
        """Every scene's annotation and inferred events, in release order (scenes with none
        are left out); diagnostics go to ``self.diagnostics`` in scene order too."""
        out: dict[str, SceneEvents] = {}
        finder: PlaceNames | None = None
        for scene in self.scenes:
            key = scene.key
            if reuse is not None and key not in replaced:
                got = reuse.by_scene.get(key)
                if got is not None:
                    out[key] = got
                    self.diagnostics.extend(got.diagnostics)
                continue
            if not scene.annotations and not scene.inferred and scene.inferred is not None:
                continue
            before = len(self.diagnostics)
            mine = SceneEvents()
            for ann in scene.annotations:
                event = self._annotation(scene, ann)
                if event is not None:
                    mine.annotations.append(event)
            if scene.inferred is None:
                finder = finder or place_names(self.u.bible)
                scene.inferred = infer_facts(scene, finder)
            mine.diagnostics = self.diagnostics[before:]
            if mine.annotations or mine.inferred or mine.diagnostics:
                out[key] = mine
        return out

    def _annotation(self, scene: SceneFacts, ann: Annotation) -> CanonEvent | None:
        base: dict[str, Any] = {
            "scene": scene.key,
            "line": ann.line,
            "file": scene.file,
            "source": "annotation",
        }
        verb, args = ann.verb, ann.args
        if verb == "dies":
            cid = self.character(args, scene, ann.line)
            return CanonEvent("dies", cid, **base) if cid else None
        if verb == "destroyed":
            pid = self.place(args, scene, ann.line)
            return CanonEvent("destroyed", pid, **base) if pid else None
        if verb == "learns":
            name, _, secret = args.rpartition(" ")
            cid = self.character(name, scene, ann.line)
            sid = self.secret(secret, scene, ann.line)
            return CanonEvent("learns", cid, obj=sid, **base) if cid and sid else None
        if verb == "reveals":
            sid = self.secret(args, scene, ann.line)
            return CanonEvent("reveals", sid, **base) if sid else None
        if verb == "cannot":
            name, _, what = args.rpartition(" ")
            cid = self.character(name, scene, ann.line)
            return (
                CanonEvent("cannot", cid, obj=what, data={"tells": [what]}, **base) if cid else None
            )
        if verb in ("relation", "ends"):
            return self._relation(verb, args, scene, ann.line, base)
        if verb == "allow":
            rule, _, reason = args.partition(" ")
            return CanonEvent(
                "allow", rule.strip().lower(), data={"reason": reason.strip()}, **base
            )
        return None

    def _relation(
        self, verb: str, args: str, scene: SceneFacts, line: int, base: dict[str, Any]
    ) -> CanonEvent | None:
        vocabulary_kinds = self.kinds
        words = [kind_of(w, vocabulary_kinds) or w for w in args.split()]
        kinds = [i for i, w in enumerate(words) if w.lower() in vocabulary_kinds]
        if not kinds:
            if verb == "ends" and len(words) >= 2:
                a = self.character(" ".join(words[:-1]), scene, line)
                b = self.character(words[-1], scene, line)
                return (
                    CanonEvent("ends", a, obj=b, data={"kind": None}, **base) if a and b else None
                )
            known = ", ".join(vocabulary_kinds)
            self._warn(
                scene,
                line,
                f"[[{verb}: {args}]] names no relationship kind "
                f"(one of {known}); write [[{verb}: A kind B]]",
            )
            return None
        k = kinds[0]
        kind = words[k].lower()
        a = self.character(" ".join(words[:k]), scene, line)
        b = self.character(" ".join(words[k + 1 :]), scene, line)
        if not a or not b:
            return None
        return CanonEvent(
            verb, a, obj=b, data={"kind": kind, "mutual": vocabulary_kinds[kind]}, **base
        )

    # --- names ---------------------------------------------------------------------------

    def character(self, name: str, scene: SceneFacts, line: int) -> str | None:
        name = name.strip().strip(",")
        if not name:
            self._warn(scene, line, "annotation names no character")
            return None
        if name in self.u.bible.characters:
            return name
        cue = self.cast.resolve_cue(name, scene.series)
        char = self.cast.characters[cue.character]
        if not char.provisional or cue.character in self._seen_characters():
            return cue.character
        hint = (
            f" (did you mean {char.suggestion!r}?)"
            if char.suggestion
            else did_you_mean(name, self.u.bible.characters)
        )
        self._warn(scene, line, f"annotation names unknown character {name!r}{hint}")
        return None

    def _seen_characters(self) -> set[str]:
        if not hasattr(self, "_seen"):
            self._seen = {c for s in self.scenes for c in (*s.present, *s.voices)}
        return self._seen

    def place(self, name: str, scene: SceneFacts, line: int) -> str | None:
        name = name.strip()
        if name in self.u.bible.places:
            return name
        pid = self.places.resolve_name(name)
        if pid:
            return pid
        if scene.place is None and _fold(name) == _fold(scene.location):
            return "~" + _fold(scene.location)
        self._warn(
            scene,
            line,
            f"annotation names unknown place {name!r}" + did_you_mean(name, self.u.bible.places),
        )
        return None

    def secret(self, name: str, scene: SceneFacts, line: int) -> str | None:
        """A secret the bible declares. Where the bible declares none (a universe without a
        bible names its secrets only in the scripts), the annotation itself declares it, as an
        unknown cue is a provisional character; where the bible keeps the list of secrets, a
        name not on it is a finding (a typo, or a secret to add there with its tells)."""
        name = name.strip()
        if name in self.u.bible.secrets:
            return name
        if not self.u.bible.secrets:
            return name
        hint = did_you_mean(name, self.u.bible.secrets) or (
            " (declare it under secrets: in universe.yaml)"
        )
        self._warn(scene, line, f"annotation names unknown secret {name!r}{hint}")
        return None

    def _warn(self, scene: SceneFacts, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(scene.file, line, message, code="annotation"))

    # --- inferred --------------------------------------------------------------------------

    def collect(
        self,
        inferred_setting: str,
        reuse: Collected | None = None,
        replaced: frozenset[str] = frozenset(),
        linked: list[Linked] | None = None,
        relinked: Replaced | None = None,
        index_tells: bool = False,
    ) -> Collected:
        """``linked``: what ``link`` gives for these scenes, when the caller has it (the
        snapshot of the canon the store holds); ``relinked``: what it gave before some of
        them were replaced (a patch), to join again only what they can change;
        ``index_tells``: find where the secrets' tells are said, for the patches to come (a
        resident session), and join with it."""
        events = self.bible_events()
        by_scene = self.scene_events(reuse, replaced)
        for got in by_scene.values():
            events.extend(got.annotations)
        bible_tells = [t for s in self.u.bible.secrets.values() for t in s.tells]
        stated_before = {_said(e) for e in events}
        occurs = relinked.occurs if relinked is not None else Occurrences()
        if index_tells and linked is None:
            occurs.ensure(self.scenes, confided_tells(self.scenes))
        if linked is None and relinked is not None:
            linked = relink(self.scenes, self._not_a_person, bible_tells, relinked)
        elif linked is None:
            linked = link(self.scenes, self._not_a_person, bible_tells, occurs=occurs)
        # The stated deaths, destructions and confinements by what they are about: looking
        # through every event for each inferred fact grew as facts times events.
        said: dict[tuple[str, str], list[CanonEvent]] = {}
        for e in events:
            if e.verb in _CONFLICTING:
                said.setdefault((e.verb, e.subject), []).append(e)
        inferred = [self._inferred(item, said) for item in linked]
        stated = {_said(e) for e in events}
        rejected = set(self.u.bible.rejected_facts)
        for e in inferred:
            if e.data["id"] in rejected:
                e.data["rejected"] = True
            elif _said(e) in stated_before:
                e.data["stated"] = True
        use = [
            e
            for e in inferred
            if _said(e) not in stated
            and "withdrawn" not in e.data
            and "rejected" not in e.data
            and (
                inferred_setting == "all"
                or (inferred_setting == "high" and (e.confidence or 0) >= HIGH)
            )
        ]
        return Collected(events + use, inferred, self.diagnostics, by_scene, linked, occurs)

    def _not_a_person(self, cid: str) -> bool:
        """Walk-on roles, and groups a TEI cast lists as one (``Guards & Attendants``): no
        inferred fact is about them."""
        char = self.cast.characters.get(cid)
        return self.cast.is_role(cid) or (
            char is not None and char.provisional and (" & " in char.name or
                                                       len(char.name.split()) > 5)
        )  # fmt: skip

    def _inferred(
        self, item: Linked, stated: dict[tuple[str, str], list[CanonEvent]]
    ) -> CanonEvent:
        """An inferred fact as a canon event; where the bible or an annotation says otherwise
        about the same thing, it wins and the event says where (``conflict``). ``stated``: the
        events of ``_CONFLICTING`` verbs by (verb, subject), in their order."""
        data = dict(item.data)
        # A stable id, for `facts --accept ID` / `--reject ID` across builds.
        key = f"{item.verb}|{item.subject}|{item.obj}|{item.scene}"
        data["id"] = "i" + hashlib.sha1(key.encode()).hexdigest()[:6]
        data["scene"] = item.scene
        for e in stated.get((item.verb, item.subject), ()):
            if e.scene != item.scene or e.obj != item.obj:
                data["conflict"] = f"{e.where()} ({e.source}: {e.verb} {e.subject}"
                data["conflict"] += f" {e.obj})" if e.obj else f" at {e.scene or 'the start'})"
                break
        return CanonEvent(
            item.verb,
            item.subject,
            item.scene,
            item.line,
            item.file,
            "inferred",
            obj=item.obj,
            confidence=item.confidence,
            data=data,
        )


# What a stated event and an inferred one can disagree about (the inferred one then says so).
_CONFLICTING = frozenset({"dies", "destroyed", "held"})


def _said(e: CanonEvent) -> tuple[str, str, str | None]:
    """What an event is about, as far as the bible overriding an inference goes: a death, a
    destruction or a confinement of the same one; an incapacity or knowledge of the same thing."""
    return (e.verb, e.subject, e.obj if e.verb in ("cannot", "learns") else None)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s'-]", " ", text.lower()).split())
