"""Identity: cues and names in action lines -> character ids.

Order for a cue in a series: the bible's aliases scoped to it, its unscoped aliases, the same
with honorifics stripped or a courtesy before a whole name (``names.courtesy_of``), walk-on
roles, a provisional character (one per label across the universe, DESIGN §3). An unknown cue
close to an alias (rapidfuzz ratio >= 85, or one edit or swap in a longer name) carries its
character as a suggestion. Action lines' names: ``Cast.matcher`` per series (matcher.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from showbible.reading import fullforms, lexicon
from showbible.reading.cast_types import Character as Character
from showbible.reading.cast_types import Cue as Cue
from showbible.reading.cast_types import Introduced as Introduced
from showbible.reading.cast_types import pick_owner as _pick
from showbible.reading.crossing import Crossing, settle
from showbible.reading.lexicon import MODIFIED_POSITION

# NameMatcher, Value and _Words are re-exported: callers and tests import them from here.
from showbible.reading.matcher import NameMatcher as NameMatcher
from showbible.reading.matcher import Value as Value
from showbible.reading.matcher import _Words as _Words
from showbible.reading.names import (
    BUILTIN_ROLES,
    BUILTIN_TITLES,
    NAME_CHANGING_TITLES,
    courtesy_of,
    display_name,
    is_regnal,
    is_role,
    name_words,
    normalise,
    regnal_differs,
    slug,
    strip_titles,
    token_runs,
)
from showbible.universe.bible import Alias, BibleConf

MISSPELLING_RATIO = 85.0
MAIN_MIN_EPISODES = 3  # a series this long shows its main speakers (in half its episodes)


class Cast:
    """All characters of a universe and the way to name them, built once per build."""

    def __init__(self, bible: BibleConf) -> None:
        # A declared title ("ARCHBISHOP OF") is stripped by its first word (strip_titles skips OF)
        self.titles = frozenset(BUILTIN_TITLES) | {
            normalise(t).split()[0] for t in bible.titles if normalise(t)
        }
        # Titles that name someone else, less those the bible declares strippable.
        self.name_changing = frozenset(NAME_CHANGING_TITLES) - self.titles
        self.roles = frozenset(BUILTIN_ROLES) | {normalise(r) for r in bible.roles}
        # The bible's places: "SANDBOX ARCADE", "MEMORIAL BREAK ROOM" introduce no one.
        names = (n for p in bible.places.values() for n in (p.name or "", *p.aliases))
        self._places = tuple({" " + normalise(n) for n in names} - {" "})
        self.characters: dict[str, Character] = {}
        # normalised label -> [(character id, series scope or None)]
        self._exact: dict[str, list[tuple[str, frozenset[str] | None]]] = defaultdict(list)
        self._stripped: dict[str, list[tuple[str, frozenset[str] | None]]] = defaultdict(list)
        self._provisional_by_key: dict[str, str] = {}
        # Labels cued in several series, not one character there: id -> series -> id there.
        self._split: dict[str, dict[str, str]] = {}
        self._split_base: dict[str, Character] = {}
        self.crossings: dict[str, Crossing] = {}
        self.classes = lexicon.Classes()  # the universe's class words, known once settled
        self._walk_ons: dict[str, bool] = {}  # is_walk_on's answers, asked by every rule
        self.unjoined: frozenset[str] = frozenset()  # titled labels not their bare name's (unjoin)
        self._alias_labels: dict[str, str] = {}  # normalised bible alias -> character id
        self._cue_cache: dict[tuple[str, str], Cue] = {}
        self._descriptive: set[str] = set()
        # Provisional names' full forms, matched whole in every series (reading/fullforms.py)
        self.forms: dict[str, set[str]] = defaultdict(set)
        # Aliases written in lower case ("your uncle") are matched in text exactly as written.
        self._phrases: dict[str, list[tuple[str, frozenset[str] | None]]] = defaultdict(list)
        self._bible_people = bool(bible.characters)
        for cid, conf in bible.characters.items():
            char = Character(
                id=cid,
                name=conf.name or display_name(cid.replace("-", " ").upper()),
                role=conf.role,
                home=conf.home,
                performer=conf.performer,
            )
            for group, group_labels in conf.identity_groups().items():
                for label in group_labels:
                    char.identities[normalise(label)] = group
            self.characters[cid] = char
            scoped = {normalise(a.label) for a in conf.aliases if isinstance(a, Alias) and a.series}
            # The id names the character everywhere, unless one of its aliases scopes that
            # very label to some series (GLOUCESTER in one play is not GLOUCESTER in another).
            labels: list[tuple[str, frozenset[str] | None]] = (
                [] if normalise(cid) in scoped else [(cid, None)]
            )
            if conf.name:
                # A full name ("Hierophant Casimir Vey", Wanjiru "Shiro" Kamau and Wanjiru Kamau)
                # is matched whole, never cut: its words may be titles or descriptions.
                for full in conf.full_names():
                    labels.append((full, None))
                    self._descriptive.add(normalise(full))
            for alias in conf.aliases:
                if isinstance(alias, Alias):
                    scope = frozenset(alias.series) if alias.series else None
                    labels.append((alias.label, scope))
                else:
                    labels.append((alias, None))
            for label, scope in labels:
                if label[:1].islower() and label != cid:
                    self._phrases[" ".join(label.split())].append((cid, scope))
                    continue
                key = normalise(label)
                if not key:
                    continue
                if (cid, scope) not in self._exact[key]:
                    self._exact[key].append((cid, scope))
                self._alias_labels.setdefault(key, cid)
                bare = strip_titles(key, self.titles)
                if (cid, scope) not in self._stripped[bare]:
                    self._stripped[bare].append((cid, scope))
        self._alias_choices = sorted(self._alias_labels)
        self._shared_parts: _Shared | None = None

    # --- cues ----------------------------------------------------------------------------

    def resolve_cue(self, label: str, series: str) -> Cue:
        cached = self._cue_cache.get((label, series))
        if cached is not None:
            return cached
        cue = self._resolve(normalise(label), series)
        self._cue_cache[(label, series)] = cue
        return cue

    def knows(self, label: str, series: str) -> bool:
        """Whether the bible gives the label to someone of the series (nothing is made up: a
        first-person book's "I" is its narrator only where the bible says whose it is)."""
        key = normalise(label)
        probes = ((self._exact, key), (self._stripped, key), (self._exact, courtesy_of(key)))
        return any(_pick(index.get(probe, ()), series) for index, probe in probes)

    def _resolve(self, key: str, series: str) -> Cue:
        if not key:
            key = "UNNAMED"
        probes = ((self._exact, key), (self._stripped, key), (self._exact, courtesy_of(key)))
        for index, probe in probes:
            found = _pick(index.get(probe, ()), series)
            if found:
                return self._cue(found, key)
        bare = strip_titles(key, self.titles)
        if bare != key:
            found = _pick(self._stripped.get(bare, ()), series)
            if found:
                return self._cue(found, key)
        if is_role(key, self.roles):
            return Cue(self._role(key), key)
        cid = self._provisional(key, bare)
        split = self._split.get(cid)
        if split is not None:
            if series not in split:  # first cued here after settling: its own character
                split[series] = f"{cid}--{series}"
                self._add_split(cid, split[series], series)
            cid = split[series]
        return Cue(cid, key)

    def _cue(self, cid: str, key: str) -> Cue:
        return Cue(cid, key, self.characters[cid].identities.get(key))

    def _role(self, key: str) -> str:
        cid = "role:" + slug(key)
        if cid not in self.characters:
            self.characters[cid] = Character(cid, display_name(key), provisional=True, role=True)
        return cid

    def _provisional(self, key: str, bare: str) -> str:
        # "DUKE OF GLOUCESTER" and "GLOUCESTER" are one provisional character.
        ident = bare or key
        cid = self._provisional_by_key.get(ident)
        if cid is not None:
            return cid
        cid = slug(ident)
        n = 2
        while cid in self.characters or cid in self._split:
            cid = f"{slug(ident)}-{n}"
            n += 1
        char = Character(cid, display_name(ident), provisional=True)
        char.suggestion = self._misspelling_of(key)
        self.characters[cid] = char
        self._provisional_by_key[ident] = cid
        return cid

    def _misspelling_of(self, key: str) -> str | None:
        """The bible character a cue looks like a misspelling of: rapidfuzz ratio >= 85, or a
        letter dropped, added or swapped in a name of five or more (``TOBAIS``), which the
        ratio scores too low for short names; a letter replaced is another name as often
        (``DORAN`` beside ``DOLAN``). A cue identical to an alias scoped to other series is
        somebody else, not a misspelling."""
        if key in self._alias_labels:
            return None
        best = process.extractOne(
            key, self._alias_choices, scorer=fuzz.ratio, score_cutoff=MISSPELLING_RATIO
        )
        if best is not None:  # (KING HENRY VI is not a misspelling of KING HENRY V)
            return None if regnal_differs(key, best[0]) else self._alias_labels[best[0]]
        if len(key) >= 5:
            near = process.extractOne(key, self._alias_choices, scorer=OSA.distance, score_cutoff=1)
            n = near[0] if near is not None else ""  # a swap: one OSA step, two Levenshtein steps
            if n and (len(key) != len(n) or Levenshtein.distance(key, n) == 2):
                return self._alias_labels[n]
        return None

    # --- crossings -------------------------------------------------------------------------

    def settle(
        self, episodes: Iterable[tuple[str, Iterable[str]]], series_order: list[str]
    ) -> dict[str, dict[str, str]]:
        """Decide, on the evidence of who is cued with whom (reading/crossing.py), which
        provisional labels cued in several series are one character there; every other such
        label becomes a provisional character per series (or per group of series the evidence
        joins). ``episodes``: (series, cue texts) per episode, every cue already resolved.
        Returns the split (provisional id -> series -> id) for ``apply_split``."""
        episodes = [(series, list(texts)) for series, texts in episodes]
        # normalised label -> series -> episodes it is cued in; the main speakers of a series
        # (cued in half its episodes, of three or more) are names, never class words.
        spoken: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        length: dict[str, int] = defaultdict(int)
        unlisted: set[str] = set()  # labels a bible of people leaves out (DOUANIER): no main
        for series, texts in episodes:
            length[series] += 1
            for cue in {self.resolve_cue(text, series) for text in texts}:
                spoken[cue.label][series] += 1
                if self._bible_people and self.characters[cue.character].provisional:
                    unlisted.add(cue.label)
        main = {
            key
            for key, where in spoken.items()
            if any(length[s] >= MAIN_MIN_EPISODES and 2 * n >= length[s] for s, n in where.items())
        } - unlisted
        classes = self.classes = lexicon.class_words(spoken, self.roles, main, spoken)
        self._walk_ons.clear()
        self.unjoin(self._titled_walk_ons(classes))
        cued: list[tuple[str, set[str]]] = []
        seen: dict[str, set[str]] = defaultdict(set)
        for series, texts in episodes:
            ids = set()
            for text in texts:
                cue = self.resolve_cue(text, series)
                if not self.characters[cue.character].role:
                    ids.add(cue.character)
                    seen[cue.character].add(series)
            cued.append((series, ids))
        candidates = {
            cid: ident
            for ident, cid in self._provisional_by_key.items()
            if len(seen.get(cid, ())) > 1
        }
        if not candidates:
            return {}
        anchors = [c for c, char in self.characters.items() if not char.provisional]
        self.crossings = settle(
            cued,
            candidates,
            anchors,
            series_order,
            lambda label: lexicon.walk_on(label, self.roles, classes),
            self._distinctive,
        )
        split: dict[str, dict[str, str]] = {}
        for cid, crossing in self.crossings.items():
            if crossing.settled:
                continue
            split[cid] = {}
            for group in crossing.groups:
                for sid in group:
                    split[cid][sid] = f"{cid}--{group[0]}"
        self.apply_split(split)
        return split

    def _titled_walk_ons(self, classes: lexicon.Classes) -> frozenset[str]:
        """Titled labels whose bare word is a walk-on: each is a person of its own. ``MR. FOX``
        is not the foxes ``FOX #1`` and ``FOX #2`` make a class of, and ``KING WORM`` and
        ``PROFESSOR WORM`` are neither a worm nor each other (a title before a kind names
        someone). Every other titled label stays one with its bare name (``DR. HANK PYM``)."""
        ident_of = {cid: ident for ident, cid in self._provisional_by_key.items()}
        walks: dict[str, bool] = {}
        out: set[str] = set()
        for cue in self._cue_cache.values():
            ident = ident_of.get(cue.character)
            if ident is None or ident == cue.label:
                continue
            if ident not in walks:
                walks[ident] = lexicon.walk_on(ident, self.roles, classes) is not None
            if walks[ident]:
                out.add(cue.label)
        return frozenset(out)

    def unjoin(self, labels: Collection[str]) -> None:
        """Give each of these titled labels its own provisional character instead of its bare
        name's (``settle`` decides which; extraction workers replay the decision)."""
        if not labels:
            return
        self.unjoined = frozenset(labels)
        for key, cue in list(self._cue_cache.items()):
            if cue.label in labels and self.characters[cue.character].provisional:
                cid = self._provisional(cue.label, cue.label)
                self._cue_cache[key] = Cue(cid, cue.label, cue.identity)

    def _distinctive(self, label: str) -> bool:
        """A full name of two or more words, a name with a regnal number, a one-letter name (Q),
        or a word that is not a common English word or name (WORF, not JACK or COLLINS)."""
        words = name_words(label, self.titles)
        if len(words) != 1:
            return len(words) > 1
        if is_regnal(label.split()[-1]) and len(label.split()) > 1:
            return True  # EDWARD IV
        return len(words[0]) == 1 or not lexicon.is_common(words[0])

    def apply_split(self, split: dict[str, dict[str, str]]) -> None:
        """Give each series its own provisional character for the labels ``split`` names (the
        parent's decision, replayed as is by extraction workers)."""
        for cid, by_series in split.items():
            for sid, new in by_series.items():
                self._add_split(cid, new, sid)
            self._split[cid] = dict(by_series)
        if not split:
            return
        self._cue_cache = {
            (label, series): Cue(self.current(cue.character, series), cue.label, cue.identity)
            for (label, series), cue in self._cue_cache.items()
        }
        # A label split again (canon/succession.py after Cast.settle) drops the ids of its
        # first split that no series has now.
        used = {new for by_series in self._split.values() for new in by_series.values()}
        # Looked for among the split ids only: every character for every label was most of a
        # one-shot check's replay of the cast (Friends + The Office: 71 labels, 1,119 people).
        dashed = [c for c in self.characters if "--" in c]
        for cid in split:
            self.characters.pop(cid, None)
            for old in [c for c in dashed if c.startswith(cid + "--")]:
                if old not in used:
                    self.characters.pop(old, None)
        self._shared_parts = None

    def current(self, cid: str, series: str) -> str:
        """The id a character has in a series now: a split label's id there (``york`` or an
        earlier split's ``york--1henryvi`` -> its series' id), else ``cid``."""
        base = cid if cid in self._split else cid.split("--", 1)[0]
        return self._split.get(base, {}).get(series, cid)

    def _add_split(self, cid: str, new: str, series: str) -> None:
        if new in self.characters:
            return
        base = self._split_base.get(cid) or self.characters[cid]
        self._split_base[cid] = base
        self.characters[new] = Character(
            new, base.name, provisional=True, home=series, suggestion=base.suggestion
        )

    # --- introductions in action lines --------------------------------------------------

    def introduce(
        self,
        intros: Iterable[tuple[str, Iterable[str]]],
        series_cues: Mapping[str, Mapping[str, Collection[str]]],
    ) -> list[Introduced]:
        """The characters that action lines introduce by name and no cue, bible alias or walk-on
        names already (reading/introductions.py): ``intros`` are (series, names as written) in
        universe order; ``series_cues`` the labels each series cues. Each becomes a provisional
        character of its series, added here; the caller adds its labels to the series' names
        and gives the list to ``add_introduced`` of every other cast (extraction workers)."""
        mine: dict[str, dict[str, str]] = {}  # series -> label -> bare label
        seen_in: dict[str, set[str]] = defaultdict(set)  # bare label -> series introducing it
        known: dict[str, tuple[set[str], set[str], dict[str, set[str]]]] = {}
        forms: dict[tuple[str, str], Introduced] = {}  # full forms of characters that exist
        cued_by: dict[str, set[tuple[str, str]]] | None = None  # worked out when first asked
        judged: set[tuple[str, str]] = set()  # a name is judged once per series
        # Each name as written normalised once: the same names recur in episode after episode
        # (25,000 at 500 synthetic episodes, a tenth of a one-shot check's replay of the cast).
        norm: dict[str, str] = {}
        for series, names in intros:
            names = list(names)
            if not names:
                continue  # most episodes: worked out once per series, when one introduces
            if series not in known:
                known[series] = self._cued(series_cues.get(series, {}))
            cued, spoken, owners = known[series]
            for name in names:
                key = norm.get(name)
                if key is None:
                    key = norm[name] = normalise(name)
                if (series, key) in judged:
                    continue
                judged.add((series, key))
                bare = strip_titles(key, self.titles)
                words = name_words(key, self.titles)
                if not words or key in cued or bare in cued or any(w in spoken for w in words):
                    # someone's name already ("CAPTAIN DREW" for the cue DREW): a full form
                    who = fullforms.cue_owner(key, bare, words, owners)
                    if who is not None and fullforms.is_form(key) and not self._walk_on(key):
                        forms.setdefault((series, key), Introduced(who, "", series, key, True))
                    continue
                probes = [(self._exact, key), (self._stripped, key), (self._stripped, bare)]
                probes += [(self._exact, w) for w in words]
                if any(_pick(index.get(probe, ()), series) for index, probe in probes):
                    continue  # the bible's, whole or by a name word
                if self._walk_on(key) or self._walk_on(bare) or (" " + key).endswith(self._places):
                    continue
                if cued_by is None:
                    cued_by = fullforms.one_word_cues(series_cues, self.is_role)
                who = fullforms.named_elsewhere(words, series, cued_by)
                if who is not None:  # EZRA CALE, introduced here, is the EZRA cued elsewhere
                    forms.setdefault((series, key), Introduced(who, "", series, key, True))
                    continue
                mine.setdefault(series, {}).setdefault(key, bare)
                seen_in[bare].add(series)
        out: list[Introduced] = []
        for series, labels in mine.items():
            for key, bare in labels.items():
                # The same name cued or introduced in another series is a crossover only on
                # evidence (reading/crossing.py): each series keeps its own character.
                elsewhere = (
                    len(seen_in[bare]) > 1
                    or bare in self._provisional_by_key
                    or (key in self._provisional_by_key)
                )
                # Not ``--series``: that is how a label split between series is named.
                cid = slug(bare) if not elsewhere else f"{slug(bare)}-{slug(series)}"
                n = 2
                while cid in self.characters or cid in self._split:
                    cid = f"{slug(bare)}-{slug(series)}-{n}"
                    n += 1
                out.append(Introduced(cid, display_name(bare), series, key))
        out.extend(forms.values())
        self.add_introduced(out)
        return out

    def _cued(
        self, cues: Mapping[str, Collection[str]]
    ) -> tuple[set[str], set[str], dict[str, set[str]]]:
        """A series' cued labels, their name words, and who each of those names: a word of a
        cue in an introduced name may say who it is (NOVICE DORIAN FELL is DORIAN, CORVIN
        MARROW is MARROW, MONTGOMERY is SIR JOHN MONTGOMERY; JONAH ROOK may be NELL ROOK's
        brother, but a character missed costs less than one made twice)."""
        owners: dict[str, set[str]] = defaultdict(set)
        for cid, labels in cues.items():
            for label in labels:
                owners[label].add(cid)
                for w in name_words(label, self.titles):
                    owners[w].add(cid)
        cued = {label for labels in cues.values() for label in labels}
        return cued, {w for label in cued for w in name_words(label, self.titles)}, owners

    def _walk_on(self, label: str) -> bool:
        if is_role(label, self.roles) or lexicon.is_joint(label):
            return True
        words = name_words(label, self.titles)
        positions = lexicon.position_words() | self.roles
        if all(w in positions or lexicon.occupation(w) for w in words) or lexicon.names_no_one(
            label
        ):
            return True
        return lexicon.walk_on(label, self.roles, lexicon.Classes()) is not None

    def add_introduced(self, introduced: Iterable[Introduced]) -> None:
        """Add characters ``introduce`` found (replayed as they are by extraction workers)."""
        for intro in introduced:
            if fullforms.is_form(intro.label):
                self.forms[intro.label].add(intro.id)
            if intro.form:
                continue
            if intro.id not in self.characters:
                self.characters[intro.id] = Character(
                    intro.id, intro.name, provisional=True, home=intro.series
                )

    def is_role(self, cid: str) -> bool:
        char = self.characters.get(cid)
        return char is not None and char.role

    def is_walk_on(self, cid: str) -> bool:
        """Whether a provisional character's label names no one person (CRYSTAL GEMS, a group;
        OFFICER, a position): as the crossing evidence judged it, or, for a label of one
        series, as the lexicon reads it with the universe's class words. A modifier before a
        position (ICE KING) may be a person and stays one."""
        known = self._walk_ons.get(cid)
        if known is None:
            known = self._walk_ons[cid] = self._judge_walk_on(cid)
        return known

    def _judge_walk_on(self, cid: str) -> bool:
        crossing = self.crossings.get(cid.split("--")[0])
        if crossing is not None:
            return crossing.walk_on is not None
        char = self.characters.get(cid)
        if char is None or not char.provisional:
            return False
        why = lexicon.walk_on(normalise(char.name), self.roles, self.classes)
        # with a bible, a label it leaves out that reads as a role is one (DESPATCH RIDER)
        return why is not None and (why != MODIFIED_POSITION or self._bible_people)

    # --- names in text -------------------------------------------------------------------

    def matcher(self, series: str, cues: Mapping[str, Iterable[str]]) -> NameMatcher:
        """A matcher for action lines and dialogue of one series.

        ``cues`` maps each character present in the series to the normalised labels it was
        cued by there; they are names too, and their word runs make partial names
        (``Enter the PRINCE`` for ``PRINCE HENRY``) when only one character has them.

        Every series matches every name of the universe, so most of a matcher is the same for
        all of them: that part (labels no alias scopes to some series) is built once per cast
        (``_shared``); a series adds only what differs — its scoped aliases, its cues, and the
        partial names they make or unmake — over it.
        """
        base = self._shared()
        mine: dict[str, tuple[str, str | None]] = {}
        order: dict[str, tuple[int, int]] = {}
        for key, owners in base.scoped_exact:
            cid = _pick(owners, series)
            if cid is not None and not self.characters[cid].role:
                mine[key] = (cid, self.characters[cid].identities.get(key))
                order[key] = (0, base.exact_pos[key])
        for phrase, owners in base.scoped_phrases:
            cid = _pick(owners, series)
            if cid is not None:
                mine[phrase] = (cid, self.characters[cid].identities.get(normalise(phrase)))
                order[phrase] = (1, base.phrase_pos[phrase])
        n = 0
        for cid, labels in cues.items():
            # Cues gathered before a label was split again name its former id.
            cid = cid if cid in self.characters else self.current(cid, series)
            char = self.characters.get(cid)
            if char is None or char.role:
                continue
            for label in labels:
                if label not in base.full and label not in mine:
                    mine[label] = (cid, char.identities.get(label))
                    order[label] = (2, n)
                    n += 1
        whole: set[str] = (
            set()
        )  # full forms of other series' characters: no partial names of them here
        for key, form_owners in self.forms.items():
            owner = next(iter(form_owners))
            if (
                len(form_owners) == 1
                and key not in base.full
                and key not in mine
                and owner in self.characters
                and not self.characters[owner].role
            ):
                mine[key] = (owner, None)
                order[key] = (2, n)
                n += 1
                whole.add(key)
        if not mine:
            return NameMatcher(base.words, {}, None, self.titles, self.name_changing)
        # The word runs this series' own labels add owners to, and the shared partial names
        # its labels now spell out in full: their standing as partial names is worked out again.
        runs = self._run_owners({k: v for k, v in mine.items() if k not in whole})
        recomputed: dict[str, Value | None] = {}  # lower-cased run -> its partial entry, if any
        for run in {*runs, *(label for label in mine if label in base.partial)}:
            run_owners = base.owners_of.get(run, set()) | runs.get(run, set())
            partial = (
                len(run_owners) == 1
                and run not in base.full
                and run not in mine
                and not is_role(run, self.roles)
                and not lexicon.names_no_one(run)
            )
            recomputed[run.lower()] = (run, next(iter(run_owners)), None, True) if partial else None
        touched = {label.lower() for label in mine} | set(recomputed)
        by_lower: dict[str, list[str]] = defaultdict(list)
        for label in mine:
            by_lower[label.lower()].append(label)
        override: dict[str, tuple[Value, ...] | None] = {}
        extra: dict[str, tuple[Value, ...]] = {}
        for low in touched:
            fulls = [(base.order[lab], lab, base.full[lab]) for lab in base.by_lower.get(low, ())]
            fulls += [(order[lab], lab, mine[lab]) for lab in by_lower.get(low, ())]
            values: list[Value] = [
                (lab, cid, ident, False) for _o, lab, (cid, ident) in sorted(fulls)
            ]
            entry = recomputed[low] if low in recomputed else base.partial_by_lower.get(low)
            if entry is not None:
                values.append(entry)
            if low in base.entries:
                override[low] = tuple(values) or None
            elif values:
                extra[low] = tuple(values)
        words = _Words(extra) if extra else None
        return NameMatcher(base.words, override, words, self.titles, self.name_changing)

    def _run_owners(self, labels: Mapping[str, tuple[str, str | None]]) -> dict[str, set[str]]:
        """Who owns each word run of these labels: the candidates for partial names. Lower-case
        phrases and full names (often descriptions) make none."""
        out: dict[str, set[str]] = defaultdict(set)
        positions = lexicon.position_words()
        for label, (owner, _identity) in labels.items():
            if label[:1].islower() or label in self._descriptive:
                continue
            # A modifier alone names no one: SWAT of SWAT SERGEANT ("the SWAT Cops"), ICE of ICE
            # KING. Only runs that keep the position word at the end are partial names.
            head = label.rsplit(None, 1)[-1] if " " in label else ""
            for run in token_runs(label):
                if head in positions and not run.endswith(head):
                    continue
                out[run].add(owner)
        return out

    def _shared(self) -> _Shared:
        if self._shared_parts is None:
            self._shared_parts = _Shared.of(self)
        return self._shared_parts


@dataclass
class _Shared:
    """The part of every series' matcher that does not depend on the series: the labels whose
    owners no alias scopes to some series, and the partial names their word runs make."""

    full: dict[str, tuple[str, str | None]]
    order: dict[str, tuple[int, int]]  # label -> (0 exact | 1 phrase, position): a series' order
    by_lower: dict[str, list[str]]
    owners_of: dict[str, set[str]]
    partial: dict[str, Value]
    partial_by_lower: dict[str, Value]
    entries: dict[str, tuple[Value, ...]]
    words: _Words
    scoped_exact: list[tuple[str, list[tuple[str, frozenset[str] | None]]]]
    scoped_phrases: list[tuple[str, list[tuple[str, frozenset[str] | None]]]]
    exact_pos: dict[str, int]
    phrase_pos: dict[str, int]

    @classmethod
    def of(cls, cast: Cast) -> _Shared:
        full: dict[str, tuple[str, str | None]] = {}
        order: dict[str, tuple[int, int]] = {}
        scoped_exact, scoped_phrases = [], []
        exact_pos = {key: i for i, key in enumerate(cast._exact)}
        phrase_pos = {phrase: i for i, phrase in enumerate(cast._phrases)}
        for key, owners in cast._exact.items():
            if any(scope is not None for _cid, scope in owners):
                scoped_exact.append((key, owners))
                continue
            cid = _pick(owners, "")
            if cid is not None and not cast.characters[cid].role:
                full[key] = (cid, cast.characters[cid].identities.get(key))
                order[key] = (0, exact_pos[key])
        for phrase, owners in cast._phrases.items():
            if any(scope is not None for _cid, scope in owners):
                scoped_phrases.append((phrase, owners))
                continue
            cid = _pick(owners, "")
            if cid is not None:
                full[phrase] = (cid, cast.characters[cid].identities.get(normalise(phrase)))
                order[phrase] = (1, phrase_pos[phrase])
        owners_of = cast._run_owners(full)
        partial: dict[str, Value] = {}
        for run, run_owners in owners_of.items():
            if (
                len(run_owners) == 1
                and run not in full
                and not is_role(run, cast.roles)
                and not lexicon.names_no_one(run)
            ):
                partial[run] = (run, next(iter(run_owners)), None, True)
        by_lower: dict[str, list[str]] = defaultdict(list)
        for label in full:
            by_lower[label.lower()].append(label)
        partial_by_lower = {run.lower(): value for run, value in partial.items()}
        entries: dict[str, list[Value]] = defaultdict(list)
        for label, (cid, identity) in full.items():
            entries[label.lower()].append((label, cid, identity, False))
        for run, value in partial.items():
            entries[run.lower()].append(value)
        frozen = {low: tuple(values) for low, values in entries.items()}
        return cls(
            full,
            order,
            dict(by_lower),
            dict(owners_of),
            partial,
            partial_by_lower,
            frozen,
            _Words(frozen),
            scoped_exact,
            scoped_phrases,
            exact_pos,
            phrase_pos,
        )
