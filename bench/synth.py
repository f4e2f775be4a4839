"""A seeded generator of synthetic shared universes, for benchmarks.

``generate(root, series=3, episodes_per_series=167)`` writes a complete universe folder
(``universe.yaml`` + one Fountain script per episode) at the density of Star Trek's three 1990s
series: about 35 scenes and 400 dialogue lines (~40 KB) per episode, so 500 episodes come to
~18,000 scenes, ~200,000 dialogue lines and ~20 MB. ``generate_total(root, episodes)`` shares a
total out over max(3, episodes // 150) series, as the command line does. Each series has its
regulars, a rotating pool of guests, walk-on roles, a ship, station or colony with its rooms
plus the worlds it visits, and its secrets; about 5% of the characters cross between series.
Everything comes from word lists and a small grammar in this file: no downloads, no external
text. Same seed and parameters, same bytes (no set or hash order is ever written out).

The canon is *consistent by construction*: the generator walks the episodes in story order (the
order in which the engine judges deaths, knowledge and places) and keeps the state the rules
check, so ``showbible check`` finds no errors and no warnings in it (benchmarks should measure the
engine, not the findings). What it keeps:

- presence: action lines name only characters who are in the scene; everyone in the scene is
  named in an action line or speaks (not in ``(V.O.)``); dialogue may mention anyone seen before;
- two-places: a character who can appear in several series (a crossing character) is booked for
  one episode per story day; everyone else belongs to one series, whose days strictly increase;
- deaths and destroyed places: after ``[[dies: X]]`` / ``[[destroyed: P]]`` they come back only
  in ``[[flashback]]`` scenes (and the dead as ``(V.O.)`` recordings);
- knowledge: only characters who know a secret (``known_by``, ``[[learns]]``, ``[[reveals]]``)
  speak its tells, and the tells use words no other line uses;
- relationships: each pair keeps one kind for good; no stranger phrases ("Who are you?");
- scenes that carry a later part of the day (``[[story: day N night]]``) come only at the end of
  an episode, so that story order inside an episode is scene order.

``plant=N`` then plants N known errors (dead characters back on screen, tells spoken too early,
scenes in destroyed places, characters doing what they cannot) and returns where they are.

Command line: ``python bench/synth.py OUT --episodes 500 [--series N] [--seed S] [--plant K]``
(prints the statistics as JSON).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from showbible.reading.names import BUILTIN_ROLES, BUILTIN_TITLES

_T = TypeVar("_T")

# --- word lists ------------------------------------------------------------------------------
# Names are made of syllables and checked against every word the templates use, so that a name
# never turns up by accident in a line of dialogue or action (which would make its owner
# referenced, or worse, present).

# fmt: off
_ONSETS = ("b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
           "b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "br", "dr", "kr", "tr", "sh",
           "th", "st", "y", "w", "ch")
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "e", "i", "a", "o", "ai", "ei")
_CODAS = ("n", "r", "l", "s", "m", "k", "th", "nd")
# Word endings: after a vowel, or (those starting with a vowel) in place of one.
_ENDINGS = ("", "", "", "n", "n", "r", "r", "l", "s", "k", "th", "x", "sh", "nd", "ra", "na",
            "ia", "el", "is", "on", "ek", "ov", "ar", "en", "in", "an", "ett", "ira", "ova")

_SETTINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    # kind: (title pattern, rooms; every room is an interior)
    "ship": ("{P}", ("MAIN BRIDGE", "ENGINEERING", "SICKBAY", "MESS HALL", "READY ROOM",
                     "CARGO BAY", "CORRIDOR", "TRANSPORTER ROOM", "OBSERVATION LOUNGE",
                     "SHUTTLEBAY", "CREW QUARTERS", "ARMORY", "BRIG", "ACCESS TUBE")),
    "station": ("Station {P}", ("OPS", "PROMENADE", "INFIRMARY", "SECURITY OFFICE",
                                "DOCKING RING", "HABITAT RING", "CANTINA", "AIRLOCK",
                                "SCIENCE LAB", "WARDROOM", "CARGO HOLD", "HOLDING CELLS")),
    "colony": ("{P} Colony", ("COMMAND CENTER", "MARKET HALL", "CLINIC", "WORKSHOP",
                              "SPACEPORT", "BARRACKS", "HYDROPONICS BAY", "ASSEMBLY HALL",
                              "WATER PLANT", "TAVERN", "ARCHIVE", "GOVERNOR'S OFFICE")),
}
_PRIMARY_SUFFIX = {"ship": "", "station": " STATION", "colony": " COLONY"}
# Away locations: (area, interior)
_AREAS = (("SURFACE", False), ("RUINS", False), ("MINING CAMP", False), ("CAVES", True),
          ("CAPITAL", False), ("DESERT", False), ("FOREST", False), ("LANDING FIELD", False),
          ("OUTPOST", True), ("CRASH SITE", False), ("VILLAGE", False), ("PALACE", True),
          ("TRADING POST", True), ("TEMPLE", True), ("PRISON CAMP", False),
          ("RESEARCH BASE", True), ("HARBOR", False), ("REFINERY", True))

_ROLE_CUES = ("GUARD", "GUARD #2", "MAN #2", "WOMAN", "COMPUTER", "VOICE ON RADIO", "ENSIGN",
              "NURSE", "BARTENDER", "TECHNICIAN", "CREWMAN", "MERCHANT", "CLERK", "MESSENGER",
              "CADET", "PILOT", "OLD MAN", "GIRL", "CUSTOMER", "PRISONER")
_ROLE_PROSE = {"GUARD": "A GUARD", "GUARD #2": "A second GUARD", "MAN #2": "Another MAN",
               "WOMAN": "A WOMAN", "ENSIGN": "A young ENSIGN", "NURSE": "A NURSE",
               "BARTENDER": "The BARTENDER", "TECHNICIAN": "A TECHNICIAN",
               "CREWMAN": "A CREWMAN", "MERCHANT": "A MERCHANT", "CLERK": "A CLERK",
               "MESSENGER": "A MESSENGER", "CADET": "A CADET", "PILOT": "A PILOT",
               "OLD MAN": "An OLD MAN", "GIRL": "A GIRL", "CUSTOMER": "A CUSTOMER",
               "PRISONER": "A PRISONER"}
_ROLE_DOING = ("waits by the door", "keeps watch", "works at a console", "hovers nearby",
               "pretends not to listen", "stands at attention", "carries a crate past")
_EXTRA_ROLES = ("ENSIGN", "MERCHANT", "CADET", "PILOT")  # not in the engine's built-in list

_SUBJECTS = ("the council", "Command", "the crew", "security", "engineering", "the ambassador",
             "the survey team", "the freighter captain", "the other ship", "somebody",
             "the science team", "the governor", "the night shift", "the magistrate",
             "the convoy", "the envoy", "the harbor office", "the inspector")
_VERBS = ("wants an answer by morning", "won't wait much longer", "is already on the way",
          "has gone quiet", "knows more than it admits", "is asking questions",
          "will never agree to this", "has been lying to us", "needs us at full strength",
          "changed the plan an hour ago", "is scared, and it shows", "has done worse",
          "keeps sending the same message", "won't talk to anyone but you",
          "wants the whole thing buried", "is running out of patience")
_NOUNS = ("shield grid", "reactor", "cargo", "sensor log", "docking clamp", "comm relay",
          "shuttle", "power coupling", "convoy", "treaty", "ceasefire", "evacuation",
          "supply run", "distress call", "beacon", "quarantine", "inquiry", "trade deal",
          "medical kit", "navigation array", "hull breach", "survey", "star chart",
          "lifeboat", "cooling system", "landing party", "flight plan", "water supply",
          "prisoner exchange", "long-range scan", "duty roster", "warp field",
          "supply manifest", "tractor beam", "airlock seal", "stabilizer", "transponder")
_ADJS = ("stable", "ready", "secure", "online", "clear", "finished", "intact", "sealed",
         "quiet", "in one piece", "under control", "where it belongs")
_TIMES = ("the end of the shift", "morning", "oh-six-hundred", "the next jump", "nightfall",
          "the council session", "the convoy's arrival", "the hearing", "first light",
          "the next relay window")
_COUNTS = ("two", "three", "four", "ten", "twenty", "forty", "ninety")
_UNITS = ("minutes", "hours", "days")
_THINGS = ("kilometers", "crates", "people", "ships", "shots", "signals")
_SHORT = ("Understood.", "Not a chance.", "Wait.", "Go on.", "Fair enough.", "Then do it.",
          "I'll handle it.", "Not now.", "Hold that thought.", "Agreed.", "Don't.",
          "Fine. Your way.", "Thank you.", "Later.", "Quiet!", "Look at this.", "Again.",
          "You heard me.", "Noted.", "Absolutely not.", "Good.", "Easy.", "Tell me.",
          "Is that a joke?", "Where?", "How many?", "Why now?", "Since when?", "Show me.")
_TEMPLATES = (
    "{S} {V}.", "We need the {N} {A} by {T}.", "I don't like it. The {N} was {A} an hour ago.",
    "How long until the {N} is {A}?", "Tell {s} the {N} can wait.",
    "If the {N} fails again, we lose the {N2}.", "You saw the {N}. You know what it means.",
    "Give me a minute with the {N}.", "That's the third time this week the {N} has failed.",
    "Nobody touches the {N} until I say so.", "I've run the numbers twice. The {N} won't hold.",
    "Then we do it the hard way.", "Are you sure about the {N}?", "With respect, {s} {V}.",
    "It's not the {N} I'm worried about. It's the {N2}.",
    "Keep the {N} {A} and stay off the open channel.",
    "We have {C} {U} before the {N} gives out.", "I want a full report on the {N} by {T}.",
    "Maybe. Or maybe the {N} was never {A} to begin with.", "Say that again, slowly.",
    "We've been over this. {S} {V}.", "Forget the {N}. Think about the {N2}.",
    "I can get the {N} {A}, but not before {T}.", "Whose idea was the {N}?",
    "You're asking me to trust {s} with the {N}.", "Tell me that's not the {N}.",
    "Then why is the {N} still not {A}?", "Everything depends on the {N} now.",
    "I'll believe it when the {N} is {A}.", "Don't look at me. Ask {s}.",
    "The {N} can wait. The {N2} can't.", "Half the {N} is gone, and {s} {V}.",
    "Nobody said this would be easy.", "Do you want the truth, or the version for {s}?",
    "I checked the {N} myself.", "Put it on the screen.", "We are not leaving without the {N}.",
    "I've seen this before, and it never ends well.", "Run it again. Both of them.",
    "Get some rest. The {N} will still be broken in the morning.",
    "If {s} finds out, we'll never hear the end of it.", "Just get the {N} {A}. Please.",
    "It was {C} {K}. I counted.", "Whatever happens, the {N} stays {A}.",
    "You could have warned me about the {N}.", "Then we wait for {T}.",
)
_TELL_LINES = ("Nobody outside this room hears about the {tell}.",
               "The {tell} is why they came here.",
               "If the council learns about the {tell}, we're finished.",
               "I've kept the {tell} quiet for a long time.",
               "You know what the {tell} means for all of us.",
               "Everything goes back to the {tell}.",
               "We both know about the {tell}. Stop pretending.")
_TELL_NOUNS = ("accord", "cipher", "ledger", "manifest", "dossier", "directive", "transfer",
               "bargain", "archive", "arrangement", "payments", "testimony", "shipment",
               "codes", "contract", "files")
_SECRET_STATEMENTS = ("{who} forged the {tell} to hide a weapons shipment",
                      "{who} sold the {tell} to the other side",
                      "the {tell} proves {who} was never who they claimed to be",
                      "{who} buried the {tell} after the last war",
                      "{who} has been paid for years through the {tell}")
_CAPABILITIES = (("swim", ("swims", "swimming", "dives into"), "{A} dives into the flooded shaft."),
                 ("drive", ("drives", "behind the wheel"), "{A} drives the rover down the ridge."),
                 ("climb", ("climbs", "scales"), "{A} climbs the service ladder."))

# Action. {A} and {B} are characters in the scene, {P} is A's possessive pronoun. No template
# says a death or a destruction, a capability tell, or a referential word ("of", "for",
# "about" ...) right before {B}: the engine reads those as meaning someone who is not here.
_OPEN_ONE = ("{A} sits at the far end of the table.", "{A} stands by the door.",
             "{A} works at a console, sleeves rolled up.", "{A} is already here, waiting.",
             "{A} enters, shaking off the cold.", "{A} paces.",
             "{A} hunches over a terminal.", "{A} stares out at the stars.",
             "{A} sorts through a stack of data chips.", "{A} eats alone, reading.",
             "{A} arrives at a run.", "{A} leans in the doorway.")
_OPEN_TWO = ("{A} and {B} wait by the hatch.", "{A} and {B} are in the middle of an argument.",
             "{A} and {B} walk fast.", "{A} and {B} sit across from each other.",
             "{A} follows {B} in.", "{A} catches up with {B}.")
_ACT_ONE = ("{A} crosses to the console and studies the readout.",
            "{A} leans over the table, frowning.", "{A} taps a panel. Nothing.",
            "{A} pauses at the hatch.", "{A} rubs {P} eyes.", "{A} looks up from a padd.",
            "{A} waits.", "{A} paces the length of the room.", "{A} keys the comm.",
            "{A} sets down {P} cup, untouched.", "{A} studies the star chart for a long moment.",
            "{A} checks the chronometer.", "{A} stands at the viewport, arms folded.",
            "{A} gathers up the data chips.", "{A} steps closer.",
            "{A} turns to go, then stops.", "{A} almost smiles.", "{A} shakes {P} head.",
            "{A} pockets the chip.", "{A} reads it twice.")
_ACT_TWO = ("{A} hands {B} a padd.", "{A} and {B} exchange a look.",
            "{A} catches {B} by the arm.", "{A} slides a data chip across the table to {B}.",
            "{A} glances at {B}.", "{A} steps between {B} and the door.",
            "{A} and {B} work in silence.", "{A} turns on {B}.", "{A} nods to {B}.",
            "{A} watches {B} closely.")
_ATMOSPHERE = ("The lights flicker, then steady.", "Somewhere below, a pump thuds into life.",
               "A chime sounds from the console.", "Static hisses from the speaker.",
               "Nobody moves.", "A long silence.", "The deck hums underfoot.",
               "Outside, the convoy drifts past.", "A door hisses shut somewhere down the hall.")
_PARENS = ("(quietly)", "(beat)", "(dry)", "(under {P} breath)", "(firm)", "(a beat, then)",
           "(not looking up)", "(into the comm)", "(sharp)", "(gently)")
_DESCRIPTIONS = ("a freighter pilot with a cracked voice", "ramrod straight, missing nothing",
                 "tired eyes, a uniform three sizes too neat", "a trader's smile and a hard stare",
                 "an engineer with grease to the elbows", "soft-spoken, never still",
                 "a veteran of too many wars", "in a borrowed coat, watchful",
                 "all angles and impatience", "calm in the way of people who have seen worse",
                 "a diplomat's manners and a soldier's hands", "young, brilliant, unsure of it")
_AGES = ("20s", "30s", "40s", "50s", "60s")
_DEATHS = ("A shot tears through the smoke. {A} slumps to the deck, dead.",
           "{A} slumps against the console, dead.", "{A} breathes {P} last.")
_DESTRUCTIONS = ("Flames pour out of every window. Within minutes, nothing is left standing.",
                 "The blast levels the whole compound.",
                 "The roof caves in with a roar, and then there is only smoke.")
_REVEAL_ACTION = ("{A} puts the evidence on the table for everyone to see.",
                  "{A} plays the intercepted message aloud.")
_LEARN_ACTION = ("{A} reads the decrypted file, then reads it again.",
                 "{A} listens, and the colour drains from {P} face.")
_RELATIONS = ("allies", "friends", "rivals", "partners", "trusts", "distrusts", "mentors",
              "protects", "owes", "family")
_TRANSITIONS = ("CUT TO:", "CUT TO:", "CUT TO:", "DISSOLVE TO:", "SMASH CUT TO:")
_ACTS = ("TEASER", "ACT ONE", "ACT TWO", "ACT THREE", "ACT FOUR", "ACT FIVE")
_TITLE_ADJS = ("Hollow", "Silent", "Last", "Broken", "Distant", "Burning", "Quiet", "Second",
               "Lost", "Cold", "Long", "Narrow", "Open", "Iron", "Hidden", "Final")
_TITLE_NOUNS = ("Gate", "Harbor", "Signal", "Crossing", "Covenant", "Tide", "Orbit",
                "Passage", "Witness", "Frontier", "Reckoning", "Lantern", "Watch", "Ledger",
                "Shore", "Accord", "Margin", "Horizon", "Descent", "Bargain")
_MENTIONS = ("{X} would have known what to do.", "Ask {X}. {X} was there.",
             "{X} warned us about this.", "This was {X}'s plan from the start.",
             "I keep thinking about what {X} said.", "Leave {X} out of it.")
_PRONOUN = {"her": "She", "his": "He"}
_VO_PARENS = {"alive": "(over the comm)", "dead": "(on the recording)"}
_HEADING_WORDS = ("INT", "EXT", "DAY", "NIGHT", "EVENING", "MORNING", "LATER", "CONTINUOUS",
                  "FADE", "FLASHBACK", "CUT", "BACK")
_MARK = "# A synthetic universe written by bench/synth.py"  # what _clear may replace
_PLANT_KINDS = ("dead-character", "premature-knowledge", "destroyed-place", "capability")


# fmt: on


def _vocabulary() -> frozenset[str]:
    """Every word the templates can write, lower-cased: names must not be one of them."""
    texts: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, tuple | list):
            for v in value:
                collect(v)
        elif isinstance(value, dict):
            for k, v in value.items():
                collect(k)
                collect(v)

    for key, value in globals().items():
        if key.startswith("_") and key.lstrip("_").isupper():
            collect(value)
    words = {w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", t)}
    # The honorifics and walk-on words the engine treats specially.
    words |= {w.lower() for label in (*BUILTIN_TITLES, *BUILTIN_ROLES) for w in label.split()}
    return frozenset(words)


# --- the model the generator keeps -------------------------------------------------------------


@dataclass(slots=True, eq=False)
class Person:
    id: str
    name: str  # full name, "Tessa Kavari"
    cue: str  # unique cue label, "KAVARI"
    short: str  # the cue as written in prose, "Kavari"
    home: int  # series index
    kind: str  # main | guest | crossing
    poss: str  # his | her
    desc: str  # "(40s, ...)" for the first appearance in an episode
    performer: str | None = None
    alive: bool = True
    death_day: int = 0
    knows: dict[str, None] = field(default_factory=dict)  # secret ids, in learning order
    seen: bool = False  # present in some scene already (may be mentioned in dialogue)
    series: tuple[int, ...] = ()  # crossing: every series they may appear in
    owed: list[int] = field(default_factory=list)  # crossing: series still to visit


@dataclass(slots=True, eq=False)
class Place:
    id: str
    name: str
    alias: str  # the heading text, "VARETH - MINING CAMP"
    interior: bool
    series: int
    destroyed_day: int = 0  # 0: standing


@dataclass(slots=True, eq=False)
class Secret:
    id: str
    statement: str
    tells: tuple[str, str]
    series: int
    known_by: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EpisodePlan:
    series: int
    index: int  # 0-based in its series
    id: str
    title: str
    released: date
    day: int
    rank: int = 0  # position in release order


@dataclass(eq=False)
class SeriesPlan:
    index: int
    id: str
    title: str
    proper: str  # the main setting's name, "Vareth"
    primary: str  # heading text of the main setting, "VARETH STATION"
    rooms: list[Place]
    away: list[Place]  # away locations, growing as the series visits new worlds
    mains: list[Person]
    guests: list[Person] = field(default_factory=list)
    secrets: list[Secret] = field(default_factory=list)
    cannot: tuple[Person, str, tuple[str, ...], str] | None = None  # who, what, tells, plant
    episodes: list[EpisodePlan] = field(default_factory=list)
    dead: list[Person] = field(default_factory=list)
    seen: list[Person] = field(default_factory=list)


@dataclass(slots=True)
class Planted:
    rule: str
    file: str
    line: int
    scene: str
    characters: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "file": self.file,
            "line": self.line,
            "scene": self.scene,
            "characters": list(self.characters),
        }


def _slug(text: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text)


class _Generator:
    def __init__(
        self,
        counts: list[int],
        seed: int,
        scenes_per_episode: tuple[int, int],
        dialogue_per_scene: tuple[int, int],
        plant: int,
        incidents: float = 1.0,
    ) -> None:
        self.rng = random.Random(seed)
        self.incidents = incidents
        # Plants draw from their own stream so that planting does not reshuffle the universe.
        self.plant_rng = random.Random(f"plant-{seed}")
        self.seed = seed
        self.counts = counts
        self.scenes_per_episode = scenes_per_episode
        self.dialogue_per_scene = dialogue_per_scene
        self.plant = plant
        self.vocab = _vocabulary()
        self.used_words: set[str] = set()
        self.used_ids: set[str] = set()
        self.people: list[Person] = []  # declared characters, in creation order
        self.places: list[Place] = []
        self.secrets: list[Secret] = []
        self.secret_by_id: dict[str, Secret] = {}
        self.events: list[str] = []  # YAML flow mappings for `events:`
        self.busy: dict[int, set[str]] = {}  # story day -> crossing characters booked
        self.relations: dict[tuple[str, str], tuple[Person, str, Person]] = {}
        self.crossing: list[Person] = []
        self.planted: list[Planted] = []
        self.pending: list[str] = []  # plant kinds due, placed at the next scene that allows
        self.stats = {
            "scenes": 0,
            "dialogue_lines": 0,
            "bytes": 0,
            "bible_bytes": 0,
            "deaths": 0,
            "destroyed_places": 0,
            "flashbacks": 0,
            "learns": 0,
            "reveals": 0,
            "relations": 0,
        }
        self.sentences = self._sentence_pool(6000)
        self.series: list[SeriesPlan] = [self._series(i) for i in range(len(counts))]
        self._crossing_cast()
        self._schedule()

    # --- names ------------------------------------------------------------------------------

    def _word(self, syllables: int) -> str:
        """A new pronounceable name word ("Tarel", "Vashenek"), never used before."""
        rng = self.rng
        while True:
            parts: list[str] = []
            for i in range(syllables):
                last = i == syllables - 1
                tail = (
                    _ENDINGS[int(rng.random() * len(_ENDINGS))]
                    if last
                    else _CODAS[int(rng.random() * len(_CODAS))]
                    if rng.random() < 0.3
                    else ""
                )
                onset = _ONSETS[int(rng.random() * len(_ONSETS))]
                if i == 0 and rng.random() < 0.12:
                    onset = ""  # "Arin", "Oskar"
                elif parts and parts[-1][-1] not in "aeiou":
                    onset = onset[0]  # no consonant pile-ups: "Tenkar", not "Tenkshar"
                vowel = _VOWELS[int(rng.random() * len(_VOWELS))]
                if tail[:1] in ("a", "e", "i", "o", "u") and onset:
                    vowel = ""  # "Stek", not "Steiek"
                parts.append(onset + vowel + tail)
            word = "".join(parts)
            if 4 <= len(word) <= 9 and word not in self.vocab and word not in self.used_words:
                self.used_words.add(word)
                return word.capitalize()

    def _person(self, home: int, kind: str) -> Person:
        rng = self.rng
        first = self._word(2 if rng.random() < 0.75 else 1 + int(rng.random() * 3))
        last = self._word(2 + int(rng.random() < 0.3))
        short = last if rng.random() < 0.6 else first
        pid = _slug(f"{first} {last}")
        performer = None
        if kind != "guest":
            # Performers never appear in scripts, so their words need not be reserved.
            performer = f"{self._word(2)} {self._word(2)}"
        p = Person(
            id=pid,
            name=f"{first} {last}",
            cue=short.upper(),
            short=short,
            home=home,
            kind=kind,
            poss="her" if rng.random() < 0.5 else "his",
            desc=f"({_AGES[int(rng.random() * 5)]}, "
            f"{_DESCRIPTIONS[int(rng.random() * len(_DESCRIPTIONS))]})",
            performer=performer,
        )
        self.people.append(p)
        return p

    def _place(self, series: int, proper: str, area: str, interior: bool, name: str) -> Place:
        alias = f"{proper} - {area}"
        place = Place(_slug(alias), name, alias, interior, series)
        self.places.append(place)
        return place

    def _away_place(self, series: int) -> Place:
        proper = self._word(2 + int(self.rng.random() * 2))
        area, interior = _AREAS[int(self.rng.random() * len(_AREAS))]
        return self._place(series, proper.upper(), area, interior, f"{area.title()}, {proper}")

    # --- the universe's plan ----------------------------------------------------------------

    def _series(self, index: int) -> SeriesPlan:
        rng = self.rng
        kind = ("ship", "station", "colony")[index % 3]
        proper = self._word(2 + int(rng.random() * 2))
        title = _SETTINGS[kind][0].format(P=proper)
        sid = _slug(title)
        primary = proper.upper() + _PRIMARY_SUFFIX[kind]
        rooms = [
            self._place(index, primary, room, True, f"{room.title()} ({title})")
            for room in _SETTINGS[kind][1]
        ]
        away = [self._away_place(index) for _ in range(4)]
        mains = [self._person(index, "main") for _ in range(8 + int(rng.random() * 8))]
        plan = SeriesPlan(index, sid, title, proper, primary, rooms, away, mains)
        n_eps = self.counts[index]
        for _ in range(max(2, n_eps // 10 + 1)):
            plan.secrets.append(self._secret(plan))
        what, tells, plant_line = _CAPABILITIES[index % len(_CAPABILITIES)]
        plan.cannot = (mains[-1], what, tells, plant_line)
        return plan

    def _secret(self, plan: SeriesPlan) -> Secret:
        rng = self.rng
        code = self._word(2 + int(rng.random() * 2))
        nouns = rng.sample(_TELL_NOUNS, 2)
        tells = (f"{code} {nouns[0]}", f"{code} {nouns[1]}")
        keepers = rng.sample(plan.mains, 1 + int(rng.random() * 2))
        template = _SECRET_STATEMENTS[int(rng.random() * len(_SECRET_STATEMENTS))]
        statement = template.format(who=keepers[0].name, tell=tells[0])
        secret = Secret(f"{_slug(code)}-{_slug(nouns[0])}", statement, tells, plan.index)
        for k in keepers:
            k.knows[secret.id] = None
            secret.known_by.append(k.id)
        self.secrets.append(secret)
        self.secret_by_id[secret.id] = secret
        return secret

    def _crossing_cast(self) -> None:
        """About 5% of all characters cross between series; each owes a visit to 2-3 series."""
        n_series = len(self.series)
        total_eps = sum(self.counts)
        mains = sum(len(s.mains) for s in self.series)
        expected = mains + int(total_eps * 1.4)  # guests: about 1.4 new ones per episode
        n = max(2, round(0.05 * expected)) if n_series > 1 else 0
        for i in range(n):
            home = i % n_series
            p = self._person(home, "crossing")
            others = [s for s in range(n_series) if s != home]
            visits = self.rng.sample(others, min(len(others), 1 + int(self.rng.random() * 2)))
            p.series = (home, *visits)
            p.owed = [home, *visits]
            self.crossing.append(p)

    def _schedule(self) -> None:
        """Release dates (weekly, series staggered like TNG, DS9 and Voyager) and story days."""
        rng = self.rng
        start = date(1987, 9, 28)
        for plan in self.series:
            n = self.counts[plan.index]
            stagger = plan.index * max(1, -(-n // 3))  # a new series every third of a run
            prefix = self._prefix(plan)
            day = 1 + 2 * stagger
            titles: set[str] = set()
            for k in range(n):
                season, number = divmod(k, 26)
                week = stagger + k + season * 14  # a summer break between seasons
                released = start + timedelta(days=7 * week + plan.index % 5)
                eid = f"{prefix}{season + 1}{number + 1:02d}"
                title = self._title(titles)
                plan.episodes.append(EpisodePlan(plan.index, k, eid, title, released, day))
                day += 1 + int(rng.random() * 3)
            assert plan.cannot is not None
            who, what, tells, _sentence = plan.cannot
            listed = ", ".join(_q(t) for t in tells)
            self.events.append(
                f'  - {{at: "{plan.id}:{plan.episodes[0].id}#1", cannot: {{who: {who.id}, '
                f"what: {what}, tells: [{listed}]}}}}"
            )
        everything = [e for s in self.series for e in s.episodes]
        # The engine's default release order: by date, then series order, then episode order.
        everything.sort(key=lambda e: (e.released, e.series, e.index))
        for rank, ep in enumerate(everything):
            ep.rank = rank
        # Story order as the engine sorts it: by story time, then release position.
        self.story_order = sorted(everything, key=lambda e: (e.day, e.rank))
        n = len(self.story_order)
        self.plant_at: dict[int, int] = {}
        for k in range(self.plant):
            at = min(n - 1, (k + 1) * n // (self.plant + 1))
            self.plant_at[at] = self.plant_at.get(at, 0) + 1

    def _title(self, taken: set[str]) -> str:
        """An episode title not yet used in its series; a long run gets two-parters."""
        rng = self.rng

        def pick(seq: tuple[str, ...]) -> str:
            return seq[int(rng.random() * len(seq))]

        title = ""
        for _ in range(20):
            r = rng.random()
            if r < 0.6:
                title = f"The {pick(_TITLE_ADJS)} {pick(_TITLE_NOUNS)}"
            elif r < 0.85:
                title = f"{pick(_TITLE_NOUNS)} of the {pick(_TITLE_ADJS)} {pick(_TITLE_NOUNS)}"
            else:
                title = f"{pick(_TITLE_ADJS)} {pick(_TITLE_NOUNS)}"
            if title not in taken:
                break
        base, n = title, 2
        while title in taken:
            title = f"{base}, Part {n}"
            n += 1
        taken.add(title)
        return title

    def _prefix(self, plan: SeriesPlan) -> str:
        letters = [c for c in plan.proper.lower() if c.isalpha()]
        for a in range(len(letters)):
            for b in range(a + 1, len(letters)):
                cand = letters[a] + letters[b]
                if cand not in self.used_ids:
                    self.used_ids.add(cand)
                    return cand
        n = 2
        while f"s{n}-" in self.used_ids:
            n += 1
        self.used_ids.add(f"s{n}-")
        return f"s{n}-"

    def _sentence_pool(self, size: int) -> list[str]:
        """Dialogue sentences from the grammar, built once: picking from a pool is what keeps
        5,000 episodes well under a minute."""
        rng = self.rng

        def pick(seq: tuple[str, ...]) -> str:
            return seq[int(rng.random() * len(seq))]

        pool: list[str] = []
        for _ in range(size):
            if rng.random() < 0.22:
                pool.append(pick(_SHORT))
                continue
            subject = pick(_SUBJECTS)
            n1 = pick(_NOUNS)
            n2 = pick(_NOUNS)
            while n2 == n1:
                n2 = pick(_NOUNS)
            text = pick(_TEMPLATES).format(
                S=subject[0].upper() + subject[1:],
                s=subject,
                V=pick(_VERBS),
                N=n1,
                N2=n2,
                A=pick(_ADJS),
                T=pick(_TIMES),
                C=pick(_COUNTS),
                U=pick(_UNITS),
                K=pick(_THINGS),
            )
            pool.append(text)
        return pool

    # --- episodes ---------------------------------------------------------------------------

    def run(self, root: Path) -> None:
        for plan in self.series:
            (root / plan.id).mkdir(parents=True, exist_ok=True)
        for n, ep in enumerate(self.story_order):
            self.pending.extend(
                _PLANT_KINDS[(len(self.planted) + len(self.pending) + k) % len(_PLANT_KINDS)]
                for k in range(self.plant_at.get(n, 0))
            )
            plan = self.series[ep.series]
            text = _Episode(self, plan, ep).write()
            data = text.encode("utf-8")
            (root / plan.id / f"{ep.id}.fountain").write_bytes(data)
            self.stats["bytes"] += len(data)
        bible = self._yaml().encode("utf-8")
        (root / "universe.yaml").write_bytes(bible)
        self.stats["bible_bytes"] = len(bible)

    def episode_cast(self, plan: SeriesPlan, ep: EpisodePlan) -> list[Person]:
        rng = self.rng
        alive = [m for m in plan.mains if m.alive]
        while len(alive) < 6:  # a new regular joins when the cast runs thin
            newcomer = self._person(plan.index, "main")
            plan.mains.append(newcomer)
            alive.append(newcomer)
        cast = [m for m in alive if rng.random() < 0.85]
        for m in alive:
            if len(cast) >= 4:
                break
            if m not in cast:
                cast.append(m)
        for _ in range(1 + int(rng.random() * 4)):
            recurring = [g for g in plan.guests[-15:] if g.alive and g not in cast]
            if recurring and rng.random() < 0.45:
                cast.append(recurring[int(rng.random() * len(recurring))])
            else:
                guest = self._person(plan.index, "guest")
                plan.guests.append(guest)
                cast.append(guest)
        booked = self.busy.setdefault(ep.day, set())
        for p in self.crossing:
            if not p.alive or p.id in booked or plan.index not in p.series:
                continue
            if plan.index in p.owed or rng.random() < (0.04 if p.home == plan.index else 0.02):
                if plan.index in p.owed:
                    p.owed.remove(plan.index)
                booked.add(p.id)
                cast.append(p)
        return cast

    # --- the bible --------------------------------------------------------------------------

    def _yaml(self) -> str:
        out: list[str] = [
            f"{_MARK} (seed {self.seed}, {len(self.series)} series, {sum(self.counts)} episodes).",
            "# Consistent by construction: `showbible check` should report no errors.",
            f"name: Synthetic universe {self.seed}",
            f"roles: [{', '.join(_EXTRA_ROLES)}]",
            "series:",
        ]
        for plan in self.series:
            out += [
                f"  - id: {plan.id}",
                f"    title: {_q(plan.title)}",
                f'    scripts: ["{plan.id}/*.fountain"]',
                "    episodes:",
            ]
            for ep in plan.episodes:
                out.append(
                    f"      {ep.id}: {{title: {_q(ep.title)}, released: {ep.released.isoformat()}"
                    f', story: "day {ep.day}"}}'
                )
        out.append("characters:")
        for p in self.people:
            if p.kind == "guest" and not p.seen:
                continue  # never written into a script
            extra = f", performer: {_q(p.performer)}" if p.performer else ""
            home = self.series[p.home].id
            out.append(f"  {p.id}: {{name: {_q(p.name)}, aliases: [{p.cue}], home: {home}{extra}}}")
        out.append("places:")
        for place in self.places:
            out.append(f"  {place.id}: {{name: {_q(place.name)}, aliases: [{_q(place.alias)}]}}")
        out.append("secrets:")
        for s in self.secrets:
            tells = ", ".join(_q(t) for t in s.tells)
            out.append(
                f"  {s.id}: {{statement: {_q(s.statement)}, tells: [{tells}], "
                f"known_by: [{', '.join(s.known_by)}]}}"
            )
        out.append("events:")
        out.extend(self.events)
        return "\n".join(out) + "\n"


class _Episode:
    """One episode's script, written scene by scene while the generator's state moves on."""

    def __init__(self, gen: _Generator, plan: SeriesPlan, ep: EpisodePlan) -> None:
        self.g = gen
        self.rng = gen.rng
        self.plan = plan
        self.ep = ep
        self.lines: list[str] = []
        self.rel = f"{plan.id}/{ep.id}.fountain"
        self.introduced: set[str] = set()
        self.scenes = 0

    # --- small helpers ----------------------------------------------------------------------

    def _pick(self, seq: Sequence[_T]) -> _T:
        # rng.random() and an index: several times cheaper than rng.choice in the hot loop.
        return seq[int(self.rng.random() * len(seq))]

    def para(self, text: str) -> int:
        """Append a paragraph and a blank line; return the paragraph's 1-based line."""
        self.lines.append(text)
        self.lines.append("")
        return len(self.lines) - 1

    def name_in_action(self, p: Person) -> str:
        """Full name in capitals with a description at the first appearance in the episode."""
        if p.id in self.introduced:
            return p.short
        self.introduced.add(p.id)
        return f"{p.name.upper()} {p.desc}"

    def mark_seen(self, people: list[Person]) -> None:
        for p in people:
            if not p.seen:
                p.seen = True
                self.g.series[p.home].seen.append(p)

    # --- the episode ------------------------------------------------------------------------

    def write(self) -> str:
        g, rng, plan, ep = self.g, self.rng, self.plan, self.ep
        lo, hi = g.scenes_per_episode
        n = lo + int(rng.random() * (hi - lo + 1))
        self.scenes = n
        cast = g.episode_cast(plan, ep)
        # Scenes at a later part of the day come last, so story order is scene order.
        trailing: list[str] = []
        if n > 3 and rng.random() < 0.35:
            k = 1 + int(rng.random() * min(4, n - 2))
            trailing = sorted(self._pick(("evening", "night")) for _ in range(k))
        first_trailing = n - len(trailing)
        f = g.incidents
        flashback = -1
        if plan.dead and first_trailing > 3 and rng.random() < 0.08 * f:
            flashback = 1 + int(rng.random() * (first_trailing - 2))
        victim: Person | None = None
        death_scene = -1
        guests = [p for p in cast if p.kind == "guest"]
        if rng.random() < 0.12 * f and guests:
            victim = self._pick(guests)
        elif rng.random() < 0.012 * f:  # now and then a regular (never a crossing character)
            victim = self._pick([p for p in cast if p.kind == "main"])
        if victim is not None:
            death_scene = n // 2 + int(rng.random() * (n - n // 2))
            if death_scene == flashback:
                death_scene = n - 1
        destroy_scene = -1
        if rng.random() < 0.04 * f and sum(1 for p in plan.away if not p.destroyed_day) > 3:
            destroy_scene = int(rng.random() * n)
            if destroy_scene == flashback:
                destroy_scene = -1
        secret_scene = int(rng.random() * n) if rng.random() < 0.35 * f else -1
        relation_scene = int(rng.random() * n) if rng.random() < 0.3 * f else -1
        recording_scene = int(rng.random() * n) if plan.dead and rng.random() < 0.05 * f else -1
        # Every guest and crossing character gets at least one scene.
        forced: dict[int, list[Person]] = {}
        for p in cast:
            if p is victim:
                at = death_scene
            elif p.kind != "main":
                at = int(rng.random() * n)
                at = at + 1 if at == flashback else at  # a flashback is never the last scene
            else:
                continue
            forced.setdefault(at, []).append(p)
        away = [p for p in plan.away if not p.destroyed_day]
        if rng.random() < 0.35 or len(away) < 4:
            fresh = g._away_place(plan.index)
            plan.away.append(fresh)
            away.append(fresh)
        visiting = [away[-1], self._pick(away)] if rng.random() < 0.7 else [away[-1]]

        lines = self.lines
        lines += [
            f"Title: {plan.title.upper()}",
            f'Episode: {ep.index + 1} - "{ep.title}"',
            "Credit: Written by",
            f"Author: {self._author()}",
            f"Draft date: Shooting script, {ep.released.isoformat()}",
            "",
            "FADE IN:",
            "",
        ]
        acts = [round(n * k / 6) for k in range(1, 6)]
        for i in range(n):
            part = trailing[i - first_trailing] if i >= first_trailing else None
            if i == flashback:
                self.flashback_scene(i, cast)
            else:
                self.scene(
                    i,
                    cast,
                    forced.get(i, []),
                    part=part,
                    places=visiting,
                    victim=victim if i == death_scene else None,
                    destroy=i == destroy_scene,
                    secret=i == secret_scene,
                    relation=i == relation_scene,
                    recording=i == recording_scene,
                )
            if victim is not None and i == death_scene:
                cast = [p for p in cast if p is not victim]
            if i + 1 in acts:
                act = _ACTS[acts.index(i + 1)]
                self.para(f">END OF {act}<")
        lines.append("FADE OUT.")
        lines.append("")
        lines.append(">THE END<")
        lines.append("")
        g.stats["scenes"] += n
        return "\n".join(lines)

    def _author(self) -> str:
        # Writers' names are not reserved: the title page is never read for characters.
        return f"{self._pick(('Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Ida'))} " + (
            self._pick(("Marsh", "Okoro", "Lindqvist", "Adeyemi", "Castell", "Roe", "Ibarra"))
        )

    def heading(self, place: Place, time_of_day: str) -> int:
        side = "INT." if place.interior else "EXT."
        return self.para(f"{side} {place.alias} - {time_of_day}")

    def choose_place(self, places: list[Place]) -> Place:
        if self.rng.random() < 0.65:
            return self._pick(self.plan.rooms)
        standing = [p for p in places if not p.destroyed_day]
        return self._pick(standing) if standing else self._pick(self.plan.rooms)

    def choose_people(self, cast: list[Person], forced: list[Person]) -> list[Person]:
        r = self.rng.random()
        k = 1 if r < 0.08 else 2 if r < 0.43 else 3 if r < 0.73 else 4 if r < 0.9 else 5
        pool = [p for p in cast if p not in forced]
        here = list(forced) + self.rng.sample(pool, max(0, min(len(pool), k - len(forced))))
        return here

    def opening(self, here: list[Person]) -> None:
        """Name everyone in the scene in an action line: that is what makes them present."""
        rng = self.rng
        sentences: list[str] = []
        # Consecutive templates, so that no paragraph says the same thing twice.
        one = int(rng.random() * len(_OPEN_ONE))
        i = 0
        while i < len(here):
            a = here[i]
            if i + 1 < len(here) and rng.random() < 0.35:
                b = here[i + 1]
                sentences.append(
                    self._pick(_OPEN_TWO).format(A=self.name_in_action(a), B=self.name_in_action(b))
                )
                i += 2
            else:
                one = (one + 1) % len(_OPEN_ONE)
                sentences.append(_OPEN_ONE[one].format(A=self.name_in_action(a)))
                i += 1
        if rng.random() < 0.3:
            sentences.insert(0, self._pick(_ATMOSPHERE))
        self.para(" ".join(sentences))

    def action(self, here: list[Person]) -> None:
        rng = self.rng
        if not here or rng.random() < 0.15:
            self.para(self._pick(_ATMOSPHERE))
            return
        a = self._pick(here)
        if len(here) > 1 and rng.random() < 0.4:
            b = self._pick([p for p in here if p is not a])
            text = self._pick(_ACT_TWO).format(A=a.short, B=b.short)
        else:
            text = self._pick(_ACT_ONE).format(A=a.short, P=a.poss)
        if rng.random() < 0.25:  # a second sentence about the same person: a pronoun
            text += " " + self._pick(_ACT_ONE).format(A=_PRONOUN[a.poss], P=a.poss)
        self.para(text)

    def speech(self, cue: str, text: str, paren: str | None = None) -> int:
        """A dialogue block; returns the line of its (one-line) dialogue."""
        self.lines.append(cue)
        if paren:
            self.lines.append(paren)
        self.lines.append(text)
        self.lines.append("")
        self.g.stats["dialogue_lines"] += 1
        return len(self.lines) - 1

    def line_for(self, speaker: Person | None, here: list[Person]) -> str:
        rng, pool = self.rng, self.g.sentences
        r = rng.random()
        count = 1 if r < 0.5 else 2 if r < 0.85 else 3 if r < 0.96 else 4 + int(rng.random() * 3)
        text = " ".join(pool[int(rng.random() * len(pool))] for _ in range(count))
        r = rng.random()
        if r < 0.08 and len(here) > 1:
            other = self._pick([p for p in here if p is not speaker])
            if text[-1] in ".!?":
                text = f"{text[:-1]}, {other.short}{text[-1]}"
        elif r < 0.12 and self.plan.seen:
            # Mentioning someone seen before is a reference, never presence.
            someone = self._pick(self.plan.seen[-30:])
            if someone is not speaker and someone not in here:
                text += " " + self._pick(_MENTIONS).format(X=someone.short)
        return text

    # --- scenes -----------------------------------------------------------------------------

    def scene(
        self,
        i: int,
        cast: list[Person],
        forced: list[Person],
        *,
        part: str | None,
        places: list[Place],
        victim: Person | None,
        destroy: bool,
        secret: bool,
        relation: bool,
        recording: bool,
    ) -> None:
        g, rng, plan, ep = self.g, self.rng, self.plan, self.ep
        here = self.choose_people(cast, forced)
        place = self.choose_place(places)
        if destroy:
            standing = [p for p in plan.away if not p.destroyed_day]
            place = self._pick(standing)
        plant, subject = self.plant_before() if not destroy else (None, None)
        if isinstance(subject, Place):
            place = subject
        if part is not None:
            time_of_day = part.upper()
        elif i == 0:
            time_of_day = "DAY"
        else:
            time_of_day = self._pick(("DAY", "DAY", "DAY", "CONTINUOUS", "LATER", "MORNING"))
        heading_line = self.heading(place, time_of_day)
        key = f"{plan.id}:{ep.id}#{i + 1}"
        if part is not None:
            self.para(f"[[story: day {ep.day} {part}]]")
        if plant == "destroyed-place":
            g.planted.append(Planted("destroyed-place", self.rel, heading_line, key, ()))
        elif isinstance(subject, Person):
            ghost = subject
            line = self.para(f"{ghost.short} {self._pick(_ROLE_DOING)}.")
            g.planted.append(Planted("dead-character", self.rel, line, key, (ghost.id,)))
        self.opening(here)
        self.mark_seen(here)
        walkons: list[str] = []
        if rng.random() < 0.35:
            role = self._pick(_ROLE_CUES)
            if role in _ROLE_PROSE:
                self.para(f"{_ROLE_PROSE[role]} {self._pick(_ROLE_DOING)}.")
            walkons.append(role)
        if secret:
            self.share_secret(here)
        if relation and len(here) > 1:
            self.relation(here)
        lo, hi = g.dialogue_per_scene
        blocks = lo + int(rng.random() * (hi - lo + 1))
        if len(here) == 1 and not walkons:
            blocks = max(1, blocks // 4)  # alone: a few lines to themselves
        tell_at = int(rng.random() * blocks) if rng.random() < 0.15 else -1
        voice_at = int(rng.random() * blocks) if rng.random() < 0.1 else -1
        record_at = int(rng.random() * blocks) if recording else -1
        previous: str | None = None
        interrupted = False
        for b in range(blocks):
            if b == voice_at:
                absent = [p for p in cast if p not in here]
                if absent:
                    p = self._pick(absent)
                    self.speech(f"{p.cue} (V.O.)", self.line_for(p, here), _VO_PARENS["alive"])
                    previous, interrupted = None, False
                    continue
            if b == record_at:
                p = self._pick(plan.dead)
                self.speech(f"{p.cue} (V.O.)", self.line_for(p, here), _VO_PARENS["dead"])
                previous, interrupted = None, False
                continue
            if b == tell_at and self.speak_tell(here):
                previous, interrupted = None, False
                continue
            if walkons and rng.random() < 0.12 and previous not in walkons:
                cue = self._pick(walkons)
                self.speech(cue, self.line_for(None, here))
                previous, interrupted = cue, False
                continue
            speaker = self._pick(here)
            if speaker.cue == previous and len(here) > 1 and not interrupted:
                speaker = self._pick([p for p in here if p is not speaker])
            cue = speaker.cue
            r = rng.random()
            if cue == previous and interrupted:
                cue += " (CONT'D)"
            elif r < 0.03:
                cue += " (O.S.)"
            paren = None
            if rng.random() < 0.1:
                paren = self._pick(_PARENS).format(P=speaker.poss)
            elif rng.random() < 0.03 and len(here) > 1:
                paren = f"(to {self._pick([p for p in here if p is not speaker]).short})"
            self.speech(cue, self.line_for(speaker, here), paren)
            previous, interrupted = speaker.cue, False
            if rng.random() < 0.22:
                self.action(here)
                interrupted = True
        if victim is not None:
            self.para(self._pick(_DEATHS).format(A=victim.short, P=victim.poss))
            self.para(f"[[dies: {victim.cue}]]")
            victim.alive = False
            victim.death_day = ep.day
            plan.dead.append(victim)
            g.stats["deaths"] += 1
        if destroy:
            self.para(self._pick(_DESTRUCTIONS))
            self.para(f"[[destroyed: {place.alias}]]")
            place.destroyed_day = ep.day
            g.stats["destroyed_places"] += 1
        if plant is None:
            self.plant_after(i, here, key, cast)
        if rng.random() < 0.03:
            self.para("[[Consider trimming this exchange for time.]]")
        if rng.random() < 0.22:
            self.para(self._pick(_TRANSITIONS))

    def flashback_scene(self, i: int, cast: list[Person]) -> None:
        """The dead come back only here (and in recordings), in places that may be gone."""
        rng, plan = self.rng, self.plan
        here = [self._pick(plan.dead)]
        alive = [p for p in cast if p.kind == "main"]
        here += rng.sample(alive, min(len(alive), 1 + int(rng.random() * 2)))
        destroyed = [p for p in plan.away if p.destroyed_day]
        place = (
            self._pick(destroyed) if destroyed and rng.random() < 0.5 else self._pick(plan.rooms)
        )
        self.heading(place, "NIGHT (FLASHBACK)" if rng.random() < 0.5 else "DAY")
        self.para("[[flashback]]")
        self.opening(here)
        lo, hi = self.g.dialogue_per_scene
        previous = None
        for _ in range((lo + int(rng.random() * (hi - lo + 1))) // 2):
            speaker = self._pick([p for p in here if p is not previous])
            self.speech(speaker.cue, self.line_for(speaker, here))
            previous = speaker
        self.para("CUT BACK TO:")
        self.g.stats["flashbacks"] += 1

    def share_secret(self, here: list[Person]) -> None:
        """A knower (if present) says it; then one listener learns it, or everyone does."""
        rng, g = self.rng, self.g
        candidates = list(self.plan.secrets)
        for p in here:
            if p.kind == "crossing":
                candidates += [s for s in g.secrets if s.id in p.knows and s not in candidates]
        secret = self._pick(candidates)
        unaware = [p for p in here if secret.id not in p.knows]
        if not unaware:
            return
        knowers = [p for p in here if secret.id in p.knows]
        if knowers:
            k = self._pick(knowers)
            self.speech(k.cue, self._pick(_TELL_LINES).format(tell=self._pick(secret.tells)))
        if rng.random() < 0.5 or len(here) == 1:
            learner = self._pick(unaware)
            self.para(self._pick(_LEARN_ACTION).format(A=learner.short, P=learner.poss))
            self.para(f"[[learns: {learner.cue} {secret.id}]]")
            learner.knows[secret.id] = None
            g.stats["learns"] += 1
        else:
            revealer = self._pick(here)
            self.para(self._pick(_REVEAL_ACTION).format(A=revealer.short))
            self.para(f"[[reveals: {secret.id}]]")
            for p in here:  # everyone present learns it, as the engine reads [[reveals]]
                p.knows[secret.id] = None
            g.stats["reveals"] += 1

    def speak_tell(self, here: list[Person]) -> bool:
        knowers = [p for p in here if p.knows]
        if not knowers:
            return False
        p = self._pick(knowers)
        sid = self._pick(list(p.knows))
        secret = self.g.secret_by_id[sid]
        self.speech(p.cue, self._pick(_TELL_LINES).format(tell=self._pick(secret.tells)))
        return True

    def relation(self, here: list[Person]) -> None:
        """One kind per pair for good, so no annotation ever contradicts an earlier one."""
        a, b = self.rng.sample(here, 2)
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        known = self.g.relations.get(key)
        if known is None:
            known = (a, self._pick(_RELATIONS), b)
            self.g.relations[key] = known
        self.para(f"[[relation: {known[0].cue} {known[1]} {known[2].cue}]]")
        self.g.stats["relations"] += 1

    # --- planted errors ---------------------------------------------------------------------

    def plant_before(self) -> tuple[str | None, Person | Place | None]:
        """Plants decided before a scene is written: a dead character back on screen, or a
        scene in a destroyed place. Only what died or burned on an *earlier* story day counts:
        a later part of the same day may still be ahead on the story timeline."""
        g = self.g
        if not g.pending:
            return None, None
        kind = g.pending[0]
        subject: Person | Place | None = None
        if kind == "dead-character":
            subject = self.dead_person()
        elif kind == "destroyed-place":
            subject = self.destroyed_place()
        if subject is None:
            return None, None
        g.pending.pop(0)
        return kind, subject

    def plant_after(self, i: int, here: list[Person], key: str, cast: list[Person]) -> None:
        """Plants written at the end of a scene: a tell spoken too early, an impossible act.

        A capability plant waits for a scene of this episode with the character in it; a kind
        that cannot be placed in this episode gives way to a tell spoken too early."""
        g = self.g
        if not g.pending:
            return
        kind = g.pending[0]
        if kind == "capability":
            assert self.plan.cannot is not None
            who, _what, _tells, sentence = self.plan.cannot
            # The bible's `cannot` holds from after the series' first scene on.
            if who.alive and who in here and (self.ep.index > 0 or i > 0):
                line = self.para(sentence.format(A=who.short))
                g.planted.append(Planted(kind, self.rel, line, key, (who.id,)))
                g.pending.pop(0)
                return
            if who.alive and who in cast and i < self.scenes - 1:
                return  # a later scene of this episode may have them
        for p in here:
            if not p.alive:
                continue  # died in this very scene
            unknown = [s for s in g.secrets if s.id not in p.knows]
            if unknown:
                secret = unknown[int(g.plant_rng.random() * len(unknown))]
                line = self.speech(p.cue, _TELL_LINES[0].format(tell=secret.tells[0]))
                g.planted.append(Planted("premature-knowledge", self.rel, line, key, (p.id,)))
                g.pending.pop(0)
                return

    def dead_person(self) -> Person | None:
        dead = [p for s in self.g.series for p in s.dead if p.death_day < self.ep.day]
        return dead[int(self.g.plant_rng.random() * len(dead))] if dead else None

    def destroyed_place(self) -> Place | None:
        gone = [p for p in self.g.places if p.destroyed_day and p.destroyed_day < self.ep.day]
        return gone[int(self.g.plant_rng.random() * len(gone))] if gone else None


def _counts(series: int, episodes_per_series: int | list[int]) -> list[int]:
    if isinstance(episodes_per_series, list):
        return episodes_per_series
    return [episodes_per_series] * series


def generate(
    root: Path,
    series: int,
    episodes_per_series: int | list[int],
    seed: int = 0,
    scenes_per_episode: tuple[int, int] = (30, 40),
    dialogue_per_scene: tuple[int, int] = (8, 16),
    plant: int = 0,
    incidents: float = 1.0,
) -> dict[str, Any]:
    """Write a synthetic universe into ``root`` and return its statistics.

    ``episodes_per_series`` is one count for every series, or a list with a count per series.
    The defaults give Star Trek's density: ~35 scenes, ~400 dialogue lines, ~40 KB an episode.
    ``plant`` plants that many known errors (one per scene, spread over the story), each listed
    in ``stats["planted"]`` as ``{rule, file, line, scene, characters}``: the finding the
    checker must report. ``incidents`` scales how often deaths, destructions, flashbacks,
    secrets and relationships happen (a small test universe wants more of them).

    ``root`` must be missing, empty, or a universe this function wrote before (replaced).
    Statistics: series, episodes, scenes, dialogue_lines, bytes (scripts), bible_bytes,
    characters (declared), crossing (their ids), places, secrets, deaths, destroyed_places,
    flashbacks, learns, reveals, relations, planted, seconds.
    """
    start = time.perf_counter()
    counts = _counts(series, episodes_per_series)
    if len(counts) != series or min(counts, default=0) < 1:
        raise ValueError("every series needs at least one episode")
    if scenes_per_episode[0] < 1 or scenes_per_episode[1] < scenes_per_episode[0]:
        raise ValueError(f"bad scenes_per_episode {scenes_per_episode}")
    root = Path(root)
    _clear(root)
    root.mkdir(parents=True, exist_ok=True)
    gen = _Generator(counts, seed, scenes_per_episode, dialogue_per_scene, plant, incidents)
    gen.run(root)
    if gen.pending:
        raise RuntimeError(f"could not plant {len(gen.pending)} of {plant} errors")
    declared = [p for p in gen.people if p.kind != "guest" or p.seen]
    return {
        "series": len(counts),
        "episodes": sum(counts),
        **gen.stats,
        "characters": len(declared),
        "crossing": [p.id for p in gen.crossing],
        "places": len(gen.places),
        "secrets": len(gen.secrets),
        "planted": [p.to_json() for p in gen.planted],
        "seconds": round(time.perf_counter() - start, 3),
    }


def _clear(root: Path) -> None:
    """Replace an earlier synthetic universe; never delete anything else."""
    if not root.exists() or not any(root.iterdir()):
        return
    bible = root / "universe.yaml"
    if bible.is_file() and bible.read_bytes().startswith(_MARK.encode()):
        shutil.rmtree(root)
        return
    raise FileExistsError(f"{root} is not empty and not a universe written by {__file__}")


def generate_total(
    root: Path, episodes: int, series: int | None = None, **kwargs: Any
) -> dict[str, Any]:
    """``generate`` by total episode count: default max(3, episodes // 150) series, the
    episodes shared out as evenly as possible."""
    n = series or max(3, episodes // 150)
    n = min(n, episodes)
    counts = [episodes // n + (1 if i < episodes % n else 0) for i in range(n)]
    return generate(root, n, counts, **kwargs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the universe into")
    parser.add_argument("--episodes", type=int, default=500)
    parser.add_argument("--series", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--plant", type=int, default=0, help="plant this many known errors")
    parser.add_argument(
        "--scenes", default="30-40", help="scenes per episode, as MIN-MAX (default 30-40)"
    )
    parser.add_argument(
        "--incidents", type=float, default=1.0, help="scale deaths, secrets, ... (default 1)"
    )
    args = parser.parse_args(argv)
    lo, _, hi = args.scenes.partition("-")
    stats = generate_total(
        args.out,
        args.episodes,
        args.series,
        seed=args.seed,
        scenes_per_episode=(int(lo), int(hi or lo)),
        plant=args.plant,
        incidents=args.incidents,
    )
    stats["crossing"] = len(stats["crossing"])
    json.dump(stats, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
