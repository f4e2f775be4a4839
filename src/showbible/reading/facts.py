"""What extraction makes of one scene: who is there and how, what is said and done, and what
later steps (tells, inferred facts) work out once and cache with it.

These types sit below every reading module so that none of them needs another's types.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from sys import intern

from showbible.quick.frozen import quick_init
from showbible.reading.annotations import Annotation, AnnotationProblem
from showbible.universe.storytime import StoryTime

Tell = tuple[int, str, int, str]  # (index of the speech in the scene, secret, offset, as said)


@quick_init
@dataclass(frozen=True, slots=True)
class Inferred:
    """A fact one scene's text states (reading/infer/): its sentence, line, confidence, why."""

    kind: str  # dies destroyed cannot held released alive intact confides learns
    subject: str  # character or place id (a confided secret: its scene-local number)
    line: int
    confidence: float
    sentence: str
    obj: str | None = None  # cannot: what; held: place; learns: the secret or tell
    reason: str = ""  # the pattern or evidence that made it
    tells: tuple[str, ...] = ()  # cannot/confides: the words that give it away
    who: tuple[str, ...] = ()  # confides: who was there to hear it

    def row(self) -> list[object]:
        return [self.kind, self.subject, self.line, self.confidence, self.sentence, self.obj,
                self.reason, list(self.tells), list(self.who)]  # fmt: skip

    @classmethod
    def from_row(cls, r: list[object]) -> Inferred:
        k, s, ln, c, sent, obj, reason, tells, who = r
        assert isinstance(tells, list) and isinstance(who, list)
        # Interned: kinds, ids and reasons repeat over thousands of facts decoded from JSON,
        # which makes a new string for each (a build holds every scene's facts at once).
        return cls(intern(str(k)), intern(str(s)), int(str(ln)), float(str(c)), str(sent),
                   None if obj is None else intern(str(obj)), intern(str(reason)),
                   tuple(map(str, tells)), tuple(intern(str(w)) for w in who))  # fmt: skip


@quick_init
@dataclass(frozen=True, slots=True)
class Presence:
    line: int  # the first line that has them there
    how: str  # "speaks", "offscreen", "action", "direction", "bible"
    identity: str | None = None
    # Whether the scene *shows* them there -- they speak or are heard, enter, act or are acted
    # on (reading/prose_seen.py) -- and does not only name them in a sentence that no reference
    # class explains. The rules that accuse (dead-character, two-places) ask for it.
    shown: bool = True


@quick_init
@dataclass(frozen=True, slots=True)
class Speech:
    """One dialogue block: who, from which cue line, the text and its first line."""

    character: str
    cue_line: int
    line: int
    text: str
    identity: str | None
    voice: bool  # a (V.O.): heard, not there
    names: tuple[str, ...] = ()  # characters the speech names
    # The directions between its cue (or the block before it in the same turn) and its words,
    # "; "-joined: "to Rafi", "Answering the phone." -- whom or what the words are said to.
    aside: str = ""


@quick_init
@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an action line, with the characters it names in order."""

    line: int
    text: str
    names: tuple[str, ...]
    starts: tuple[int, ...] = ()  # where each name stands in ``text``


# Slots: a build holds every scene at once (174,000 at 5,000 synthetic episodes), and an
# instance dict of some 25 attributes was 1.5 KB of each, a quarter of the decoded canon.
@dataclass(slots=True)
class SceneFacts:
    series: str
    episode: str
    number: int
    file: str
    heading: str
    line: int
    end_line: int
    place: str | None
    location: str
    story: StoryTime | None
    flashback: bool
    present: dict[str, Presence] = field(default_factory=dict)
    referenced: dict[str, int] = field(default_factory=dict)
    voices: dict[str, int] = field(default_factory=dict)
    labels: dict[str, Counter[str]] = field(default_factory=dict)  # cue labels as written
    speeches: Counter[str] = field(default_factory=Counter)
    annotations: list[Annotation] = field(default_factory=list)
    problems: list[AnnotationProblem] = field(default_factory=list)
    dialogue: list[Speech] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # Worked out once at extraction and cached with it (None: not worked out, see pipeline.py).
    tells: list[Tell] | None = None
    inferred: list[Inferred] | None = None
    grouped: bool | None = None  # a group entrance's words (reading/groups.py); None: not read
    leads: tuple[str, ...] | None = None  # see ``action_leads``; None: not read yet
    # Asked for hundreds of thousands of times per build; a scene never changes its place.
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.key = f"{self.series}:{self.episode}#{self.number}"

    def action_leads(self) -> tuple[str, ...]:
        """The characters named first in the action sentences (the ones a sentence puts to
        something), sorted, worked out once: a rule asks it of every scene, and a scene read
        from the cache keeps its sentences compressed until they are read."""
        if self.leads is None:
            self.leads = tuple(sorted({s.names[0] for s in self.sentences if s.names}))
        return self.leads
