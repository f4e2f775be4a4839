"""The cast's replay (every name the episodes cue resolved into the cast, in one fixed order)
and what it leaves, kept in the snapshot (snapshot.py) so that a one-shot check (oneshot.py)
starts from it instead of replaying.

Starting the store's canon again resolved every cue of every episode (``extract_universe``:
``resolve_cue`` for each cue text, ``settle``, ``introduce``, the cue documents decoded, the
digests): 0.15 CPU s of a one-shot check at 500 synthetic episodes, 0.10 on Friends + The
Office. What that replay makes is a function of the bible and of the episodes' cue documents
alone, so for the canon a snapshot is tied to (its universe hash) it is known in advance:
``capture`` takes it at the end of the replay, before folding splits crossings again in place
(canon/succession.py), and ``restore`` puts it into a fresh cast.

JSON-able lists and dicts only (the snapshot is JSON, never pickle: serial.py says why), every
set sorted, so that two builds of one canon write the same text. ``restore`` checks what it
reads against the digests the replay made of it (``cast_digest``, ``series_digest``) and
changes nothing unless all of it reads; the caller replays when it returns None.

This module reads the cast's private state: it is the cast's own state, written and read
back whole, and kept here only so that resolve.py stays the size of its one job.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from typing import Any, Protocol

from showbible.reading import lexicon
from showbible.reading.crossing import Crossing, PairEvidence
from showbible.reading.lexicon.given import is_given_name
from showbible.reading.names import normalise
from showbible.reading.resolve import Cast, Character, Cue, Introduced
from showbible.universe.loader import Episode, Universe

SeriesCues = dict[str, dict[str, set[str]]]  # series -> character id -> labels cued there


class Names(Protocol):
    """What the replay reads of an episode's scan (pipeline's ``_Scan``)."""

    @property
    def cues(self) -> list[str]: ...
    @property
    def named(self) -> list[str]: ...
    @property
    def kinds(self) -> list[str]: ...
    @property
    def intros(self) -> list[str]: ...


def digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


def cast_digest(characters: dict[str, Character], forms: dict[str, set[str]]) -> str:
    """What every episode's cached facts depend on in the cast (pipeline's facts keys)."""
    return digest(
        *(f"{c.id}\t{c.name}\t{c.provisional}\t{c.role}" for c in characters.values()),
        *(f"form\t{k}\t{sorted(v)}" for k, v in sorted(forms.items())),
    )


def series_digests(series_cues: SeriesCues) -> dict[str, str]:
    """Each series' names, as its episodes' cached facts depend on them."""
    return {
        sid: digest(*(f"{c}\t{sorted(labels)}" for c, labels in sorted(cues.items())))
        for sid, cues in series_cues.items()
    }


Replayed = tuple[
    list[tuple[str, str]], dict[str, dict[str, str]], SeriesCues, list[Introduced], str,
    dict[str, str],
]  # fmt: skip


def replay(
    universe: Universe, cast: Cast, with_files: list[Episode], scans: Mapping[str, Names]
) -> Replayed:
    """Every name the scans hold resolved into ``cast`` (a cast just made from the bible), in
    one fixed order: the (cue text, series) pairs in that order, the split of labels cued in
    several series, the series' names, the characters action lines introduce, the cast's
    digest and each series' (what the cached facts are keyed on). A function of the bible and
    the scans alone: what a snapshot keeps of it (py) is what it would give again."""
    cast.roles = cast.roles | introduced_roles(with_files, scans)
    # Resolve every name in one fixed order, whoever scanned it.
    replay: list[tuple[str, str]] = []
    for series in universe.series:
        eps = [e for e in with_files if e.series == series.id]
        for ep in eps:
            replay.extend((t, ep.series) for t in scans[ep.key].cues)
        for ep in eps:
            replay.extend((t, ep.series) for t in scans[ep.key].named)
    for text, series_id in replay:
        cast.resolve_cue(text, series_id)
    # Labels cued in several series: one character there only on evidence (DESIGN §3).
    split = cast.settle(
        [(ep.series, scans[ep.key].cues) for ep in with_files],
        [s.id for s in universe.series],
    )
    series_cues: SeriesCues = {}
    for ep in with_files:
        cues = series_cues.setdefault(ep.series, {})
        for text in scans[ep.key].cues:
            cue = cast.resolve_cue(text, ep.series)
            cues.setdefault(cue.character, set()).add(cue.label)
    # Names action lines introduce that nobody cues: characters of their series too.
    introduced = cast.introduce([(e.series, scans[e.key].intros) for e in with_files],
                                series_cues)  # fmt: skip
    for intro in introduced:
        named = series_cues.setdefault(intro.series, {})
        if not intro.form or intro.id not in named:
            named[intro.id] = {intro.label}
    digest_ = cast_digest(cast.characters, cast.forms)
    return replay, split, series_cues, introduced, digest_, series_digests(series_cues)


def introduced_roles(episodes: list[Episode], scans: Mapping[str, Names]) -> frozenset[str]:
    """Walk-on roles the scripts declare in their own words, as if the bible's ``roles:``
    listed them: a cued label that an action line introduces with an indefinite article ("An
    ACOLYTE brings in a tray"), whose head word is a position, group or kind of person
    (lexicon) or none of whose words is a first name (``_described``: A POLICE DIVER), and which
    speaks in one episode of a series at most. The last two keep a name
    out ("a PHIL face") and a recurring character whose title is also a job (THE DOCTOR, cued
    in every episode, is no walk-on because a script says "a DOCTOR in a white coat")."""
    introduced = {normalise(t) for e in episodes for t in scans[e.key].kinds}
    positions = lexicon.position_words()
    per_series: dict[tuple[str, str], int] = {}
    # Each cue text normalised once, not once per episode that cues it (a tenth of a one-shot
    # check's replay of the cast).
    norm: dict[str, str] = {}
    for e in episodes:
        labels = {norm.get(t) or norm.setdefault(t, normalise(t)) for t in scans[e.key].cues}
        for label in labels & introduced:
            per_series[(label, e.series)] = per_series.get((label, e.series), 0) + 1
    recurring = {label for (label, _s), n in per_series.items() if n > 1}
    return frozenset(
        label
        for label, _s in per_series
        if label not in recurring and (label.split()[-1] in positions or _described(label))
    )


def _described(label: str) -> bool:
    """Whether a label introduced with an article is no name: none of its words is a first
    name (A POLICE DIVER; "a PHIL face" names Phil)."""
    words = label.replace("'", " ").split()
    return bool(words) and not any(is_given_name(w) for w in words)


def capture(
    cast: Cast, series_cues: SeriesCues, digest_: str, by_series: dict[str, str]
) -> dict[str, Any]:
    """The cast and the series' names as the replay leaves them (copied: folding changes the
    cast's crossings in place afterwards)."""
    return {
        "roles": sorted(cast.roles),
        "chars": [_character(c) for c in cast.characters.values()],
        "prov": [[k, v] for k, v in cast._provisional_by_key.items()],
        "split": {cid: dict(by) for cid, by in cast._split.items()},
        "base": {cid: _character(c) for cid, c in cast._split_base.items()},
        "cross": {cid: _crossing(c) for cid, c in cast.crossings.items()},
        "classes": [
            {w: sorted(labels) for w, labels in sorted(cast.classes.words.items())},
            sorted(cast.classes.counted),
            sorted(cast.classes.groups),
            sorted(cast.classes.doubles),
            sorted(cast.classes.once),
        ],
        "walk": dict(sorted(cast._walk_ons.items())),  # a cache: its order is not the cast's
        "unjoined": sorted(cast.unjoined),
        "cues": [
            [text, series, cue.character, cue.label, cue.identity]
            for (text, series), cue in cast._cue_cache.items()
        ],
        "forms": [[k, sorted(v)] for k, v in cast.forms.items()],
        "series": {
            sid: [[cid, sorted(labels)] for cid, labels in cues.items()]
            for sid, cues in series_cues.items()
        },
        "digest": digest_,
        "series_digests": dict(by_series),
    }


def restore(cast: Cast, state: Any) -> tuple[SeriesCues, str, dict[str, str]] | None:
    """Put ``state`` (from ``capture``, read back from JSON) into ``cast``, a cast just made
        from the bible; the series' names, the cast digest and the series' digests. None, with the
        cast unchanged, when the state does not read or does not give its own digests (the cast's
    and each series' names': what the cached facts are keyed on)."""
    try:
        characters = {str(r[0]): _char(r) for r in state["chars"]}
        forms: dict[str, set[str]] = defaultdict(set)
        for form, owners in state["forms"]:
            forms[str(form)] = {str(o) for o in owners}
        digest_ = str(state["digest"])
        if cast_digest(characters, forms) != digest_:
            return None
        series_cues: SeriesCues = {
            str(sid): {str(cid): {str(x) for x in labels} for cid, labels in rows}
            for sid, rows in state["series"].items()
        }
        by_series = series_digests(series_cues)
        if by_series != state["series_digests"]:
            return None
        words, counted, groups, doubles, once = state["classes"]
        classes = lexicon.Classes(
            {str(w): frozenset(map(str, labels)) for w, labels in words.items()},
            frozenset(map(str, counted)),
            frozenset(map(str, groups)),
            frozenset(map(str, doubles)),
            frozenset(map(str, once)),
        )
        cues = {
            (str(text), str(series)): Cue(str(cid), str(label), _opt(ident))
            for text, series, cid, label, ident in state["cues"]
        }
        roles = frozenset(map(str, state["roles"]))
        provisional = {str(k): str(v) for k, v in state["prov"]}
        split = {
            str(c): {str(s): str(i) for s, i in by.items()} for c, by in state["split"].items()
        }
        base = {str(cid): _char(r) for cid, r in state["base"].items()}
        crossings = {str(cid): _uncrossing(r) for cid, r in state["cross"].items()}
        walk_ons = {str(k): bool(v) for k, v in state["walk"].items()}
        unjoined = frozenset(map(str, state["unjoined"]))
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None
    cast.roles = roles
    cast.characters = characters
    cast.forms = forms
    cast.classes = classes
    cast._cue_cache = cues
    cast._provisional_by_key = provisional
    cast._split = split
    cast._split_base = base
    cast.crossings = crossings
    cast._walk_ons = walk_ons
    cast.unjoined = unjoined
    cast._shared_parts = None
    return series_cues, digest_, by_series


def _character(c: Character) -> list[object]:
    return [c.id, c.name, c.provisional, c.role, c.home, c.performer, c.suggestion, c.identities]


def _char(r: list[Any]) -> Character:
    cid, name, provisional, role, home, performer, suggestion, identities = r
    return Character(
        str(cid),
        str(name),
        bool(provisional),
        bool(role),
        _opt(home),
        _opt(performer),
        _opt(suggestion),
        {str(k): str(v) for k, v in identities.items()},
    )


def _crossing(c: Crossing) -> list[object]:
    return [
        c.character,
        c.label,
        list(c.series),
        c.walk_on,
        c.distinctive,
        [list(g) for g in c.groups],
        [
            [
                list(p.series), list(p.episodes), list(p.company), list(p.support), p.asserted,
                list(p.lengths), p.refuted, p.named, list(p.main), p.lead,
            ]
            for p in c.pairs
        ],
        c.lead,
    ]  # fmt: skip


def _uncrossing(r: list[Any]) -> Crossing:
    character, label, series, walk_on, distinctive, groups, pairs, lead = r
    return Crossing(
        str(character),
        str(label),
        [str(s) for s in series],
        _opt(walk_on),
        bool(distinctive),
        [[str(s) for s in g] for g in groups],
        [_pair(p) for p in pairs],
        bool(lead),
    )


def _pair(r: list[Any]) -> PairEvidence:
    series, episodes, company, support, asserted, lengths, refuted, named, main, lead = r
    a, b = series
    ea, eb = episodes
    la, lb = lengths
    return PairEvidence(
        (str(a), str(b)),
        (int(ea), int(eb)),
        [str(c) for c in company],
        [str(c) for c in support],
        bool(asserted),
        (int(la), int(lb)),
        _opt(refuted),
        _opt(named),
        [str(c) for c in main],
        bool(lead),
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
