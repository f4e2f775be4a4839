"""Per scene: who is present, who is only referenced, where it is set, its annotations.

Presence follows DESIGN §3: a character is present when they speak (a ``(V.O.)`` voice is not
presence, ``(O.S.)`` is), or when an action line or stage direction names them entering or
acting. Names in dialogue are references only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from showbible.model import Element, Kind, Scene
from showbible.reading.annotations import Annotation, AnnotationProblem, parse_note
from showbible.reading.facts import Presence, SceneFacts, Sentence, Speech
from showbible.reading.resolve import Cast, Match, NameMatcher
from showbible.universe.storytime import StoryTime, parse_story_time

VOICE_EXTENSIONS = frozenset({"V.O.", "VO", "V. O.", "VOICE", "VOICE OVER", "PRE-LAP", "PRELAP"})
ENTRANCE = re.compile(
    r"^\W*(?:re-?enter|enter|exit|exeunt|manet|manent|enters|exits)\b", re.IGNORECASE
)
FLASHBACK_MARK = re.compile(
    r"\bFLASH(?:-|\s)?BACK\b|\b(?:\d+|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|TWENTY|"
    r"SEVERAL|MANY|SOME|A FEW)\s+(?:YEARS?|MONTHS?|WEEKS?|DAYS?|DECADES?)\s+"
    r"(?:EARLIER|AGO|BEFORE|PRIOR)\b|\bYEARS\s+(?:EARLIER|AGO|BEFORE)\b",
    re.IGNORECASE,
)
_HEADING_PREFIX = re.compile(
    r"^\s*(?:(?:INT|EXT|EST|I/E|INT\./EXT|INT/EXT|EXT\./INT|EXT/INT)[.\s]+)", re.IGNORECASE
)
_ACT_SCENE = re.compile(
    r"^\s*(?:ACT\s+[\w]+\.?\s*)?(?:SCENE\s+[\w]+\.?\s*)?(?:PROLOGUE\.?\s*)?", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
# "Mr. Pell enters" is one sentence: a full stop after these is not an end.
_ABBREVIATIONS = frozenset(
    {
        "mr.",
        "ms.",
        "mrs.",
        "dr.",
        "st.",
        "mt.",
        "jr.",
        "sr.",
        "lt.",
        "vs.",
        "sgt.",
        "col.",
        "gen.",
        "capt.",
        "prof.",
        "rev.",
        "no.",
    }
)
# Words quoted in an action line are said or written, not done: "A sign reads 'MARA WAS HERE'".
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<!\w)'[^'\n]*?'(?!\w)")
# Words after which a name is what someone thinks of or looks at, not who is there.
_REFERENTIAL = frozenset(
    {
        "of", "about", "for", "like", "photo", "picture", "portrait", "photograph", "memory",
        "remembers", "recalls", "thinks", "misses", "mourns", "imagines", "dreams", "mentions",
        "named", "called", "text", "texts", "letter", "message", "poster", "grave", "statue",
        "name", "without", "unlike", "than",
    }
)  # fmt: skip


def place_key(scene: SceneFacts) -> str | None:
    """Where a scene is, as rules compare places: its bible place, else its heading's location
    (folded, behind ``~``)."""
    if scene.place:
        return scene.place
    return "~" + " ".join(scene.location.lower().split()) if scene.location else None


class PlaceIndex:
    """Heading locations -> place ids, by the bible's aliases, longest match first."""

    def __init__(self, places: dict[str, tuple[str, ...]]) -> None:
        self._exact: dict[str, str] = {}
        for pid, aliases in places.items():
            for alias in (pid, *aliases):
                self._exact.setdefault(_fold(alias), pid)
        self._by_length = sorted(self._exact, key=len, reverse=True)

    def resolve(self, location: str) -> str | None:
        folded = _fold(location)
        if not folded:
            return None
        parts = [p.strip() for p in folded.split(" - ")]
        for n in range(len(parts), 0, -1):
            candidate = " - ".join(parts[:n])
            if candidate in self._exact:
                return self._exact[candidate]
        padded = f" {folded} "
        for alias in self._by_length:
            if f" {alias} " in padded:
                return self._exact[alias]
        return None


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s'-]", " ", text.lower()).split())


def heading_location(heading: str) -> str:
    """The location part of a heading: after INT./EXT., before the last ``- TIME``."""
    text = _HEADING_PREFIX.sub("", heading)
    if text == heading:
        text = _ACT_SCENE.sub("", heading)
    parts = [p.strip() for p in re.split(r"\s+[-–—]\s+", text) if p.strip()]
    if len(parts) > 1:
        parts = parts[:-1]  # the time of day
    return " - ".join(parts).strip(" .") or heading.strip()


def cue_is_voice(extensions: tuple[str, ...]) -> bool:
    return any(e.upper().strip() in VOICE_EXTENSIONS for e in extensions)


@dataclass
class EpisodeExtraction:
    scenes: list[SceneFacts]
    cues: dict[str, set[str]]  # character -> normalised labels cued in this episode


def resolve_cues(cast: Cast, series: str, scenes: tuple[Scene, ...]) -> dict[str, set[str]]:
    """First pass over an episode: every cue's character, so that cues become names too."""
    labels: dict[str, set[str]] = {}
    for scene in scenes:
        for el in scene.elements:
            if el.kind is Kind.CHARACTER:
                cue = cast.resolve_cue(el.text, series)
                labels.setdefault(cue.character, set()).add(cue.label)
    return labels


def extract_scene(
    scene: Scene,
    *,
    series: str,
    episode: str,
    file: str,
    cast: Cast,
    matcher: NameMatcher,
    places: PlaceIndex,
    story: StoryTime | None,
    flashback_before: bool = False,
) -> SceneFacts:
    heading = scene.heading.text if scene.heading is not None else ""
    location = heading_location(heading) if heading else ""
    facts = SceneFacts(
        series=series,
        episode=episode,
        number=scene.number,
        file=file,
        heading=heading,
        line=scene.line,
        end_line=scene.end_line,
        place=places.resolve(location) if location else None,
        location=location,
        story=story,
        flashback=flashback_before or bool(heading and FLASHBACK_MARK.search(heading)),
    )
    speaker: str | None = None
    identity: str | None = None
    voice = False
    cue_line = 0
    for el in scene.elements:
        kind = el.kind
        if kind is Kind.CHARACTER:
            cue = cast.resolve_cue(el.text, series)
            speaker, identity, cue_line = cue.character, cue.identity, el.line
            voice = cue_is_voice(el.extensions)
            said = facts.labels.get(speaker)
            if said is None:
                said = facts.labels[speaker] = Counter()
            said[el.text.strip()] += 1
            facts.speeches[speaker] += 1
            if voice:
                facts.voices.setdefault(speaker, el.line)
            else:
                how = "offscreen" if _offscreen(el.extensions) else "speaks"
                _mark_present(facts, speaker, Presence(el.line, how, identity))
        elif kind is Kind.DIALOGUE or kind is Kind.LYRIC:
            named: list[str] = []
            for match in matcher.find(el.text):
                if match.character != speaker:
                    facts.referenced.setdefault(match.character, _line_at(el, match.start))
                    if match.character not in named:
                        named.append(match.character)
            if speaker is not None:
                facts.dialogue.append(
                    Speech(speaker, cue_line, el.line, el.text, identity, voice, tuple(named))
                )
        elif kind is Kind.ACTION:
            speaker = None
            _read_action(el, matcher, facts)
        elif kind is Kind.NOTE:
            _read_note(el, facts)
        elif kind is Kind.TRANSITION:
            speaker = None
            if FLASHBACK_MARK.search(el.text) and not facts.present:
                facts.flashback = True
        elif kind is Kind.HEADING or kind is Kind.SECTION:
            speaker = None
    for ann in facts.annotations:
        if ann.verb == "flashback":
            facts.flashback = True
        elif ann.verb in ("present", "absent"):
            for name in annotation_names(ann):
                cid = cast.resolve_cue(name, series).character
                if ann.verb == "present":
                    facts.present.setdefault(cid, Presence(ann.line, "annotation"))
                else:
                    facts.present.pop(cid, None)
        elif ann.verb == "story":
            try:
                facts.story = parse_story_time(ann.args)
            except ValueError as exc:
                facts.problems.append(AnnotationProblem(ann.line, str(exc)))
    return facts


def annotation_names(ann: Annotation) -> list[str]:
    """The names a ``[[present: A, B and C]]`` or ``[[absent: ...]]`` annotation lists."""
    return [n for n in re.split(r"\s*,\s*|\s+and\s+", ann.args) if n]


def cue_texts(scenes: tuple[Scene, ...]) -> tuple[list[str], list[str]]:
    """Every distinct cue as written, and every name a present/absent annotation lists, in
    script order: all the names an episode can add to the cast (see pipeline.py)."""
    cues: dict[str, None] = {}
    named: list[str] = []
    for scene in scenes:
        for el in scene.elements:
            if el.kind is Kind.CHARACTER:
                cues.setdefault(el.text, None)
            elif el.kind is Kind.NOTE:
                parsed = parse_note(el.text, el.line)
                if isinstance(parsed, Annotation) and parsed.verb in ("present", "absent"):
                    named.extend(annotation_names(parsed))
    return list(cues), named


def flashback_transition(scene: Scene) -> bool:
    """Whether a scene ends on a transition into a flashback (``FLASHBACK TO:``)."""
    for el in reversed(scene.elements):
        if el.kind is Kind.TRANSITION:
            return bool(FLASHBACK_MARK.search(el.text))
        if el.kind is not Kind.NOTE:
            return False
    return False


def _offscreen(extensions: tuple[str, ...]) -> bool:
    return any(e.upper().replace(" ", "") in {"O.S.", "O.C.", "OS", "OC"} for e in extensions)


def _mark_present(facts: SceneFacts, cid: str, presence: Presence) -> None:
    if cid not in facts.present:
        facts.present[cid] = presence


def _line_at(el: Element, offset: int) -> int:
    return el.line + el.text.count("\n", 0, offset)


def _read_action(el: Element, matcher: NameMatcher, facts: SceneFacts) -> None:
    text = el.text
    matches = matcher.find(text)
    if matches and ("'" in text or '"' in text or "“" in text):
        quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
        for m in matches:
            if any(a <= m.start < b for a, b in quoted):
                facts.referenced.setdefault(m.character, _line_at(el, m.start))
        matches = [m for m in matches if not any(a <= m.start < b for a, b in quoted)]
    if not matches:
        if text:
            for start, sentence in _sentences(text):
                facts.sentences.append(Sentence(_line_at(el, start), sentence, ()))
        return
    for start, sentence in _sentences(text):
        end = start + len(sentence)
        inside = [m for m in matches if start <= m.start < end]
        line = _line_at(el, start)
        facts.sentences.append(
            Sentence(
                line,
                sentence,
                tuple(m.character for m in inside),
                tuple(m.start - start for m in inside),
            )
        )
        if not inside:
            continue
        if ENTRANCE.match(sentence):
            for m in inside:
                if _possessive(text, m):  # "Enter IDEN, with CADE'S head"
                    facts.referenced.setdefault(m.character, line)
                else:
                    _mark_present(facts, m.character, Presence(line, "direction", m.identity))
            continue
        for i, m in enumerate(inside):
            if i == 0 or _acting(text, m, inside[0]):
                _mark_present(facts, m.character, Presence(line, "action", m.identity))
            else:
                facts.referenced.setdefault(m.character, line)


def _acting(text: str, m: Match, first: Match) -> bool:
    """Whether a name later in a sentence is someone there rather than someone thought of."""
    before = text[first.start : m.start].lower().split()
    previous = before[-2:] if before else []
    if any(w.strip(",.;:'\"") in _REFERENTIAL for w in previous):
        return False
    return not _possessive(text, m)


def _possessive(text: str, m: Match) -> bool:
    return text[m.end : m.end + 2].lower() in ("'s", "’s")


def _sentences(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start()
        if text[end - 1 : end] == "." and "\n" not in m.group(0):
            word = text[text.rfind(" ", pos, end) + 1 : end].lower().lstrip("'\"‘“([")
            if word in _ABBREVIATIONS:
                continue
        if end > pos:
            out.append((pos, text[pos:end]))
        pos = m.end()
    if pos < len(text):
        out.append((pos, text[pos:]))
    return out


def _read_note(el: Element, facts: SceneFacts) -> None:
    parsed = parse_note(el.text, el.line)
    if isinstance(parsed, Annotation):
        facts.annotations.append(parsed)
    elif isinstance(parsed, AnnotationProblem):
        facts.problems.append(parsed)
