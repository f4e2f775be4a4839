"""Per scene: who is present, who is only referenced, where it is set, its annotations.

Presence follows DESIGN §3: a character is present when they speak (a ``(V.O.)`` voice is not
presence, ``(O.S.)`` is), or when an action line or stage direction names them entering or
acting. Names in dialogue are references only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from showbible.model import NARRATOR, Element, Kind, Scene
from showbible.quick import rx
from showbible.reading.annotations import Annotation, AnnotationProblem, parse_note
from showbible.reading.facts import Presence, SceneFacts, Sentence, Speech

# Places live in places.py; PlaceIndex and place_key stay importable from here for callers.
from showbible.reading.places import PlaceIndex as PlaceIndex
from showbible.reading.places import heading_location, heading_place, shot
from showbible.reading.places import place_key as place_key
from showbible.reading.prose import REMAINS_READING, read_mentions
from showbible.reading.prose_seen import seen
from showbible.reading.prose_tended import part_of_remains
from showbible.reading.prose_words import CAPITALS, DEVICE
from showbible.reading.resolve import Cast, NameMatcher
from showbible.universe.storytime import StoryTime, parse_story_time

# Heard, not there: a voice over, a pre-lap, and a ghost's speech (TEI plays: the dead speaking
# as their ghost is no living character present; formats/tei.py marks it); and what fan
# transcripts write after a cue for a speaker on a screen, a call, a recording or a memory
# ("DOCTOR (on screen):", "SONYA (memory):", "ROSE (on phone):", "PICARD (OC):"), counted in
# 333 Doctor Who transcripts: on screen 628, on scanner 118, memory 114, on viewscreen 67,
# hologram 39, on camera 28, facetime 17, on phone 16 ... ("(off)", "(behind door)" are
# there, unseen).
VOICE_EXTENSIONS = frozenset(
    {"V.O.", "VO", "V. O.", "VOICE", "VOICE OVER", "VOICEOVER", "PRE-LAP", "PRELAP", "GHOST"}
    | {"ON SCREEN", "ON-SCREEN", "ONSCREEN", "ON SCANNER", "ON VIEWSCREEN", "ON MONITOR"}
    | {"ON CAMERA", "ON TV", "ON TELEVISION", "ON LAPTOP", "ON WEBCAM", "ON VIDEO", "ON TAPE"}
    | {"ON PHONE", "ON THE PHONE", "ON TELEPHONE", "FACETIME", "ON RADIO", "ON THE RADIO"}
    | {"ON INTERCOM", "OVER INTERCOM", "ON COMM", "ON COMMS", "OC", "O.C.", "O. C."}
    | {"ON MACHINE", "ON ANSWERING MACHINE", "RECORDING", "RECORDED", "HOLOGRAM"}
    | {"MEMORY", "IN FLASHBACK", "FLASHBACK", "PREVIOUSLY", "DREAM", "IN DREAM"}
)
ENTRANCE = rx.compile(
    r"^\W*(?:re-?enter|enter|exit|exeunt|manet|manent|enters|exits)\b", re.IGNORECASE
)
FLASHBACK_MARK = rx.compile(
    r"\bFLASH(?:-|\s)?BACK\b|\b(?:\d+|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|TWENTY|"
    r"SEVERAL|MANY|SOME|A FEW)\s+(?:YEARS?|MONTHS?|WEEKS?|DAYS?|DECADES?)\s+"
    r"(?:EARLIER|AGO|BEFORE|PRIOR)\b|\bYEARS\s+(?:EARLIER|AGO|BEFORE)\b",
    re.IGNORECASE,
)
# A heading part that puts the scene in a dream, a memory or a vision ("INT. CHAPEL - MARA'S
# DREAM", "INT. CHAPEL - MEMORY", "DREAM SEQUENCE"): not the story's present, as a flashback.
_DREAMT = rx.compile(
    r"(?:^|\s[-–—]\s)(?:[\w'’]+\s+)?(?:DREAM|NIGHTMARE|MEMORY|VISION|FANTASY|HALLUCINATION)"
    r"(?:\s+SEQUENCE)?\s*(?:\)|$|\s[-–—]\s)",
    re.IGNORECASE,
)
# A heading part that is a year ("INT. CHAPEL - 1998", "SUMMER 1998"): another time when the
# episode's story time is a date of another year.
# A word before it is a season's, a month's or an era's: "ROOM 1114" and "PLATFORM 1012" are
# numbers (the fifty-first blind look's hotel room had been a flashback to the year 1114).
_YEAR_PART = rx.compile(
    r"(?:^|\s[-–—]\s)(?:(?:SPRING|SUMMER|AUTUMN|FALL|WINTER|EARLY|LATE|MID|JANUARY|FEBRUARY|"
    r"MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|CHRISTMAS|EASTER)"
    r"\s+)?((?:1[0-9]|20)\d\d)\s*(?:\)|$|\s[-–—]\s)",
    re.IGNORECASE,
)


def _another_time(heading: str, story: StoryTime | None) -> bool:
    """Whether a heading sets its scene outside the story's present: a flashback ("YEARS
    EARLIER"), a dream or a memory, or a year that is not the episode's."""
    if FLASHBACK_MARK.search(heading) or _DREAMT.search(heading):
        return True
    year = _YEAR_PART.search(heading)
    return bool(
        year and story is not None and story.kind == "iso" and story.parts[:1] != (int(year[1]),)
    )


# Where a sentence ends: the space after a stop, or a line break. The space is a group of a
# match that holds its stop, not a match that looks behind for it: the engine then skips to
# the next stop or line break instead of trying the lookbehind at every character (the same
# spaces: a match holds no stop, so taking the stop in takes nothing from the match before).
_SENTENCE_END = rx.compile(r"[.!?;](\s+)|(\n+)")
_PRESENCE_END = rx.compile(r"[.!?](\s+)|(\n+)")
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
_QUOTED = rx.compile(r"“[^”]*”|\"[^\"]*\"|(?<!\w)'[^'\n]*?'(?!\w)")


def cue_is_voice(extensions: tuple[str, ...]) -> bool:
    # Most cues have no extension: no generator made for them (200,000 cues at 500 episodes).
    return bool(extensions) and any(e.upper().strip() in VOICE_EXTENSIONS for e in extensions)


@dataclass
class EpisodeExtraction:
    scenes: list[SceneFacts]
    cues: dict[str, set[str]]  # character -> normalised labels cued in this episode


def resolve_cues(cast: Cast, series: str, scenes: tuple[Scene, ...]) -> dict[str, set[str]]:
    """First pass over an episode: every cue's character, so that cues become names too."""
    labels: dict[str, set[str]] = {}
    for scene in scenes:
        for el in scene.elements:
            if (
                el.kind is Kind.CHARACTER
                and el.text.strip()
                and names_someone(el.text, cast, series)
            ):
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
    before: SceneFacts | None = None,
    present_tense: bool = False,
) -> SceneFacts:
    """What one scene holds. ``before``: the scene before it in the script, whose place a
    heading that resumes it keeps (``BACK TO SCENE``); other shot headings (``POV: THE SKY``,
    ``ANGLE ON``) name no place (reading/places.py ``shot``). ``present_tense``: the script
    narrates in the present (``prose_seen.narrated_in_present``)."""
    heading = scene.heading.text if scene.heading is not None else ""
    location = heading_location(heading) if heading else ""
    place = heading_place(places, heading, location)
    how = shot(heading) if heading else None
    if how == "resume" and before is not None:
        location, place = before.location, before.place
    elif how is not None:
        location, place = "", None
    facts = SceneFacts(
        series=series,
        episode=episode,
        number=scene.number,
        file=file,
        heading=heading,
        line=scene.line,
        end_line=scene.end_line,
        place=place,
        location=location,
        story=story,
        flashback=flashback_before or bool(heading and _another_time(heading, story)),
    )
    speaker: str | None = None
    identity: str | None = None
    voice = False
    cue_line = 0
    asides: list[str] = []  # the directions since the cue or the last block of words
    laid_out: set[str] = set()  # whose remains the scene's action has shown (prose_tended.py)
    for el in scene.elements:
        kind = el.kind
        if kind is Kind.PARENTHETICAL:
            asides.append(el.text.strip())
            continue
        if asides and kind is not Kind.DIALOGUE and kind is not Kind.LYRIC:
            asides.clear()  # a direction that no words followed in its turn
        if kind is Kind.CHARACTER:
            if not el.text.strip() or not names_someone(el.text, cast, series):
                # An empty cue: a turn whose speaker the script does not name (subtitles), or a
                # book's "I" the bible gives no one. What follows is heard, not said by the last
                # speaker.
                speaker = None
                continue
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
            else:  # (as _mark_present, without a Presence per cue)
                was = facts.present.get(speaker)
                if was is None:
                    how = "offscreen" if _offscreen(el.extensions) else "speaks"
                    facts.present[speaker] = Presence(el.line, how, identity)
                elif not was.shown:
                    facts.present[speaker] = replace(was, shown=True)
        elif kind is Kind.DIALOGUE or kind is Kind.LYRIC:
            named: list[str] = []
            for match in matcher.find(el.text):
                if match.character != speaker:
                    facts.referenced.setdefault(match.character, _line_at(el, match.start))
                    if match.character not in named:
                        named.append(match.character)
            if speaker is not None:
                aside = "; ".join(asides) if asides else ""
                facts.dialogue.append(
                    Speech(
                        speaker, cue_line, el.line, el.text, identity, voice, tuple(named), aside
                    )
                )
            asides.clear()
        elif kind is Kind.ACTION:
            speaker = None
            _read_action(el, matcher, facts, places, present_tense, laid_out)
        elif kind is Kind.NOTE:
            _read_note(el, facts)
        elif kind is Kind.TRANSITION:
            speaker = None
            if FLASHBACK_MARK.search(el.text) and not facts.present:
                facts.flashback = True
        elif kind is Kind.HEADING or kind is Kind.SECTION:
            speaker = None
    if facts.voices:
        _voices_on_the_line(scene, facts)
    for ann in facts.annotations:
        if ann.verb == "flashback":
            facts.flashback = True
        elif ann.verb in ("present", "absent"):
            for name in annotation_names(ann):
                if not names_someone(name, cast, series):
                    continue
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


# What carries a voice from elsewhere: a call, a radio, a recording.
_DEVICE = rx.compile(
    rf"\b(?:(?:{DEVICE})s?|walkie|receivers?|the line|tapes?|recorders?|recordings?|"
    r"voicemail|answering machine|filtered|long distance|hangs? up|hung up|video (?:call|link)s?|"
    r"(?:call|link|feed) (?:connects|drops|cuts out)|telepresence|facetime|skype|zoom call)\b",
    re.IGNORECASE,
)
# What brings the voice's owner into the scene after all.
_ARRIVES = rx.compile(
    r"\b(?:enters?|entering|walks? (?:in|into)|comes? (?:in|into)|steps? (?:in|into)|"
    r"arrives?|bursts? (?:in|into)|strides? (?:in|into)|appears?|is here|is there)\b",
    re.IGNORECASE,
)


def _voices_on_the_line(scene: Scene, facts: SceneFacts) -> None:
    """A character heard only as a voice (every cue V.O.) in a scene of a call, a radio or a
    recording, whom an action line names without bringing in ("He hangs up before Mo can
    answer"), is the voice on the line, not there: a reference (DESIGN §3: V.O. is no
    presence). A narrator's V.O. over a scene that shows them is untouched: no device carries
    it."""
    words = [el.text for el in scene.elements if el.kind in (Kind.ACTION, Kind.PARENTHETICAL)]
    if not any(_DEVICE.search(w) for w in words):
        return
    spoken = {s.character for s in facts.dialogue if not s.voice}
    for cid in list(facts.voices):
        was = facts.present.get(cid)
        if was is None or was.how != "action" or cid in spoken:
            continue  # not there, there by a direction or an annotation, or heard in the room
        named = [s.text for s in facts.sentences if cid in s.names]
        if any(_ARRIVES.search(text) for text in named):
            continue
        del facts.present[cid]
        facts.referenced.setdefault(cid, was.line)


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
            # (a book's narrator "I" adds no one: the bible's alias, if any, is already there)
            if el.kind is Kind.CHARACTER and el.text.strip() not in ("", NARRATOR):
                cues.setdefault(el.text, None)
            elif el.kind is Kind.NOTE:
                parsed = parse_note(el.text, el.line)
                if isinstance(parsed, Annotation) and parsed.verb in ("present", "absent"):
                    named.extend(n for n in annotation_names(parsed) if n != NARRATOR)
    return list(cues), named


# "An ACOLYTE brings in a tray", "A GUARD steps out of the fog": a label introduced with an
# indefinite article names a kind of person, not a person (no one writes "a TEO").
# (In capitals with their accents: "a MÉDECIN in a windbreaker" is a walk-on in French.)
_KIND_INTRO = rx.compile(
    rf"\b(?:[Aa]n?|ANOTHER|[Aa]nother)\s+([{CAPITALS}][{CAPITALS}'\-]+(?:\s+[{CAPITALS}][{CAPITALS}'\-]+)*)"
    r"(?![\w'\-])"
)
_LABEL_START = rx.compile(rf"[{CAPITALS}][{CAPITALS}'\-]")  # within every match of _KIND_INTRO


def kind_labels(scenes: tuple[Scene, ...]) -> list[str]:
    """Every upper-case label an action line introduces with an indefinite article, in script
    order: walk-on roles the universe's own words declare (see pipeline.py)."""
    out: dict[str, None] = {}
    for scene in scenes:
        for el in scene.elements:
            # Searched only in a line with the first two letters of a label (a fifth of them):
            # the article's "a" is tried at every "a" of every line.
            if el.kind is Kind.ACTION and _LABEL_START.search(el.text):
                for m in _KIND_INTRO.finditer(el.text):
                    out.setdefault(m.group(1), None)
    return list(out)


def flashback_transition(scene: Scene) -> bool:
    """Whether a scene ends on a transition into a flashback (``FLASHBACK TO:``)."""
    for el in reversed(scene.elements):
        if el.kind is Kind.TRANSITION:
            return bool(FLASHBACK_MARK.search(el.text))
        if el.kind is not Kind.NOTE:
            return False
    return False


def _offscreen(extensions: tuple[str, ...]) -> bool:
    return bool(extensions) and any(e.upper().replace(" ", "") in _OFFSCREEN for e in extensions)


_OFFSCREEN = frozenset({"O.S.", "O.C.", "OS", "OC"})


def _mark_present(facts: SceneFacts, cid: str, presence: Presence) -> None:
    was = facts.present.get(cid)
    if was is None:
        facts.present[cid] = presence
    elif presence.shown and not was.shown:
        facts.present[cid] = replace(was, shown=True)  # first named, later seen: from the first


def _line_at(el: Element, offset: int) -> int:
    return el.line + el.text.count("\n", 0, offset)


# An action paragraph that shows the past or the unreal inside a present scene ("FLASHBACK: Jimmy
# running back through the rain", "FLASH CUT - ...", "DREAM: ..."): who it names is remembered,
# not there, and nothing it tells happens now.
_UNREAL_INSERT = rx.compile(
    r"^\W*(?:FLASH(?:-|\s)?(?:BACK|CUT|FORWARD)|MEMORY|DREAM|NIGHTMARE|VISION|HALLUCINATION|"
    r"FANTASY|IMAGINATION|IMAGINED)\s*(?:[:–—]|-+\s|TO:)",
    re.IGNORECASE,
)


def _read_action(
    el: Element,
    matcher: NameMatcher,
    facts: SceneFacts,
    places: PlaceIndex,
    present_tense: bool,
    laid_out: set[str],
) -> None:
    text = el.text
    matches = matcher.find(text)
    if matches:
        # A name inside a bible place's alias is the place's ("The Queen Ysolde heels hard in
        # the wind": the ship named for the dead queen, whose alias is "the Queen Ysolde").
        spans = places.alias_spans(text)
        named = [m for m in matches if any(a <= m.start and m.end <= b for a, b in spans)]
        for m in named:
            facts.referenced.setdefault(m.character, _line_at(el, m.start))
        matches = [m for m in matches if m not in named]
    if _UNREAL_INSERT.match(text):
        for m in matches:
            facts.referenced.setdefault(m.character, _line_at(el, m.start))
        return
    if matches and ("'" in text or '"' in text or "“" in text):
        quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
        for m in matches:
            if any(a <= m.start < b for a, b in quoted):
                facts.referenced.setdefault(m.character, _line_at(el, m.start))
        matches = [m for m in matches if not any(a <= m.start < b for a, b in quoted)]
    for start, sentence in _sentences(text):
        end = start + len(sentence)
        inside = [m for m in matches if start <= m.start < end]
        facts.sentences.append(
            Sentence(
                _line_at(el, start),
                sentence,
                tuple(m.character for m in inside),
                tuple(m.start - start for m in inside),
            )
        )
    if not matches:
        return
    # Presence is read per whole sentence: a semicolon does not end "Enter A; B; and C".
    for start, sentence in presence_sentences(text):
        end = start + len(sentence)
        inside = [m for m in matches if start <= m.start < end]
        if not inside:
            continue
        entrance = bool(ENTRANCE.match(sentence))
        readings = read_mentions(
            sentence,
            [(m.start - start, m.end - start) for m in inside],
            direction=entrance,
            context=text,
        )
        for m, reading in zip(inside, readings, strict=True):
            line = _line_at(el, m.start)
            if reading.why == "remains":
                laid_out.add(m.character)
            elif reading.present and part_of_remains(text[m.end :], m.character in laid_out):
                reading = REMAINS_READING
            if reading.present:
                how = "direction" if entrance else "action"
                was = facts.present.get(m.character)
                # Once shown in the scene, a later mention cannot take it back: not read again.
                shown = (
                    entrance
                    or (was is not None and was.shown)
                    or seen(sentence, m.start - start, m.end - start, present_tense=present_tense)
                )
                _mark_present(facts, m.character, Presence(line, how, m.identity, shown))
            else:
                facts.referenced.setdefault(m.character, line)


def names_someone(label: str, cast: Cast, series: str) -> bool:
    """Whether a cue names someone: any does but a first-person book's narrator (``NARRATOR``)
    that the bible gives to no one of the series."""
    return label.strip() != NARRATOR or cast.knows(NARRATOR, series)


def presence_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences presence is read in (offset, text): a semicolon does not end one."""
    return _sentences(text, _PRESENCE_END)


def _sentences(text: str, ends: re.Pattern[str] = _SENTENCE_END) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for m in ends.finditer(text):
        end, after = m.span(1)  # the space
        if end < 0:
            end, after = m.span(2)  # the line break
        if text[end - 3 : end] == "..." and text[after : after + 1].islower():
            continue  # "Ward looks ... dead.": a pause, not an end
        if text[end - 1 : end] == "." and "\n" not in text[end:after]:
            # The word the stop ends: from the last space, or from the sentence's start when
            # the word opens it ("Morning. Sgt. Vasko's photo": not from the text's start).
            space = text.rfind(" ", pos, end)
            word = text[space + 1 if space >= 0 else pos : end].lower().lstrip("'\"‘“([:")
            if word in _ABBREVIATIONS and (word != "no." or text[after : after + 1].isdigit()):
                continue  # "No." only before a number: "No. 5", not "Cole's ghost? No. Just"
            if (
                len(word) == 2
                and text[end - 2].isupper()
                and text[: end - 2].rstrip().endswith(":")
                and text[after : after + 2].isupper()
            ):
                continue  # an initial after a colon: "its strip of name tape: D. KOWALCZYK."
        if end > pos:
            out.append((pos, text[pos:end]))
        pos = after
    if pos < len(text):
        out.append((pos, text[pos:]))
    return out


def _read_note(el: Element, facts: SceneFacts) -> None:
    parsed = parse_note(el.text, el.line)
    if isinstance(parsed, Annotation):
        facts.annotations.append(parsed)
    elif isinstance(parsed, AnnotationProblem):
        facts.problems.append(parsed)
