"""reintroduction: characters who have already met act as strangers.

Anti-pattern (Mara and Nell first met in teamup:ep1#2; later, in Mara's own series)::

    NELL
    I'm Nell. Nice to meet you.

Fix: cut the introduction, or play the history ("Twice in one week, Voss."). When the meeting
really is new, the engine already knows it: a first meeting never fires, nor does a late
introduction in the episode of a first meeting where no name passed between the two. For a
character in a mask, meeting the masked identity is not meeting the civilian one until the
secret linking them is known. Seal a deliberate pretence with ``[[allow: reintroduction they
pretend not to know each other]]``.

Refuses (stranger_line.py; docs/rules/reintroduction.md, measured by
bench/reintroduction_dev.py): words that open another question ("Who are you talking to?"),
rhetorical guesses, quotations, speeches to a room, answers, someone playing someone else,
lines next to a walk-on, a line that names no one it greets in a scene with a newcomer in it,
a greeting to someone absent by name, non-recognition the scene plays ("It's me!"), costumes,
old acquaintances (five earlier episodes together: play, not a slip); and a scene shared in a
crowd without a word between the two is no meeting.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate

import ahocorasick

from showbible.canon.fold import Moment
from showbible.quick import rx
from showbible.reading.facts import SceneFacts, Sentence, Speech
from showbible.rules.acquainted import SELF_INTRO, dealt, says_own_name, silent
from showbible.rules.addressing import (
    calls_by_name,
    came_forward,
    greets_someone_else,
    interjection,
    named_addressees,
    named_in,
    names_self,
    plays_someone_else,
)
from showbible.rules.base import Context, Evidence, Finding, Rule
from showbible.rules.namesakes import Returns
from showbible.rules.stranger_line import (
    NAME_AND_WHAT,
    WHO_ARE_YOU,
    answered_as_someone_else,
    answers_in_kind,
    beat_between,
    framed_introduction,
    introduces_another,
    introduction_before,
    newcomer_shown,
    next_to_walk_on,
    plain,
    played_as_a_bit,
    played_non_recognition,
    quoted,
    replies_to_stranger,
    stranger_phrase,
    tells_of_amnesia,
    turned_to,
)
from showbible.rules.unknown_character import NearCues

_TRAILING_NAME = rx.compile(r",?\s+([A-Z][\w'’-]+)")
# The self-introduction (acquainted.SELF_INTRO) and stranger_line's phrases are slow to try
# at every position of 200,000 speeches, and nearly all speeches contain neither: one
# Aho-Corasick pass over the lower-cased speech tells which might.
_MAYBE = ahocorasick.Automaton()
for _word in (
    "meet you", "who are you", "you be", "have we met", "know you", "your name", "and you are",
    "haven't met", "havent met", "we've met", "weve met", "never met", "the pleasure",
    "been introduced", "have met", "not met", "the honour", "the honor", "acquaintance",
    "introduce myself", "each other", "you would be", "charmed", "first time we", "your name",
    "never met", "how do you do", " i'm ", " im ",
    " i am ", "name's ", "names ", "name is ",
    "call me ", "mucho gusto", "encantad", "enchant", "piacere", "prazer", "freut mich",
    "hajimemashite",
):  # fmt: skip
    _MAYBE.add_word(_word, _word)
_MAYBE.make_automaton()


# Of those words, the ones a self-introduction begins with: it goes on to a capitalised name
# (``SELF_INTRO``), where "I'm" in a sitcom's speech mostly goes on to "sorry", "not", "gonna".
_INTRO_WORDS = frozenset({" i'm ", " im ", " i am ", "name's ", "names ", "name is ", "call me "})
# A speech opening (past a greeting) on two capitalised words and a full stop, then a capital,
# or a comma and "I'm": maybe a whole name and what its owner is (stranger_line.NAME_AND_WHAT),
# looked for in the same pass over the scene. Led by the speeches' separator (the scene's text
# gets one in front too): a literal the engine skips to, where "^ |\x00 " was tried at every
# character (0.2 s over a franchise's speeches).
_NAME_OPENING = rx.compile(
    r"\x00 [^\w\x00]*(?:(?:Hi|Hello|Hey|Sorry|Morning|Evening|Afternoon|G'day|Oh|Right|Um|Er)"
    r"[.!,]\s+){0,3}[A-Z][\w'-]+\s+[A-Z][\w'-]+(?:\.\s+[A-Z]|,\s+I'm\s)"
)  # (the text's apostrophes are straight here)


def _lower(text: str) -> str:
    """The text lower-cased letter for letter: the offsets of a hit are the text's. ``lower``
    makes two characters of "İ" (and so had put a later speech's hits on the one before)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _maybe_strangers(speeches: list[Speech]) -> list[int]:
    """Which speeches might hold a stranger phrase: one pass over the whole scene (a pass
    per speech cost more in calls than in matching)."""
    if not speeches:
        return []
    texts = [s.text for s in speeches]
    text = (" " + " \x00 ".join(texts) + " ").replace("\n", " ").replace("\t", " ")
    text = text.replace("’", "'")  # one character for one: the offsets stay
    low = _lower(text)
    opening = [m.end() - 1 for m in _NAME_OPENING.finditer("\x00" + text)]
    if not opening and next(_MAYBE.iter(low), None) is None:
        return []
    starts = list(accumulate((len(t) + 3 for t in texts[:-1]), initial=1))
    found = {bisect_right(starts, end) - 1 for end in opening}  # "Miriam Hale. Flight surgeon."
    for end, word in _MAYBE.iter(low):
        if word in _INTRO_WORDS:
            after = end + 1
            while after < len(text) and text[after].isspace():
                after += 1
            if after == len(text) or not ("A" <= text[after] <= "Z"):
                continue  # no name follows: no self-introduction begins here
        found.add(bisect_right(starts, end) - 1)
    return sorted(found)


@dataclass(frozen=True, slots=True)
class _Meeting:
    pos: int
    ident_a: str | None
    ident_b: str | None
    scene: SceneFacts


class Reintroduction(Rule):
    id = "reintroduction"
    severity = "warning"
    summary = "characters who have already met introduce themselves or act as strangers"

    def check(self, ctx: Context) -> Iterator[Finding]:
        meetings = _Meetings(ctx)
        near: NearCues | None = None  # made when first asked: most scenes never ask
        spoken: list[set[str]] = []  # everyone who speaks anywhere, likewise (``silent``)

        def speakers() -> set[str]:
            if not spoken:
                spoken.append({c for scene in ctx.canon.scenes for c in scene.speeches})
            return spoken[0]

        for scene in ctx.scenes():
            speeches = [s for s in scene.dialogue if not s.voice]
            reported: set[tuple[str, str]] = set()
            for k in _maybe_strangers(speeches):
                speech = speeches[k]
                a = speech.character
                if not ctx.is_person(a):
                    continue
                here = set(ctx.canon.people(scene))
                sealed = self.id in ctx.fold.allows.get(scene.key, {})
                phrase = _stranger_phrase(ctx, speeches, k, here, sealed, scene.sentences)
                if phrase is None:
                    continue
                text, offset = phrase
                learns = _who_learns(text)
                line = speech.line + speech.text.count("\n", 0, offset)
                # Said to whoever has just called the speaker by name -- when they met in an
                # earlier episode (met earlier the same day, "Who are you?" may ask what they
                # are: "Pete, is there a way out?" -- "Who are you? How do you know so much?").
                caller = _called_by(ctx, speeches, k)
                if caller is not None:
                    at = ctx.fold.at(scene, line)
                    met = _met_before(ctx, meetings, scene, a, caller, at, speech.cue_line, learns)
                    if met is None or _episode(met.scene) == _episode(scene):
                        caller = None
                named = came_forward(scene, speeches, k, named_addressees(ctx, speech, here))
                if _WHO_ARE_YOU.search(text) and (
                    named or _asks_what(ctx, plain(speech.text), offset + len(text), here - {a})
                ):
                    # "Who are you, then, Doctor?": called by name, asked what he is; "Who are
                    # you, really, behind the mask?": asked what one is, not one's name
                    continue
                to = caller or (named[0] if named else None)
                # The guesses that spare a line the story may play (a bit, lost memories, a
                # non-recognition, a newcomer it may be for) give way where the writers sealed
                # the scene: they said there is a stranger act here, and a sealed finding alarms
                # no one.
                if _not_to_them(ctx, scene, speeches, k, to, sealed):
                    continue
                if played_as_a_bit(scene, speeches, k) and not sealed:
                    continue  # "then both crack up: a bit they have been doing for years"
                if meetings.amnesia(scene) and not sealed:
                    continue  # the episode tells of memories lost: strangers again, as played
                if not named and greets_someone_else(plain(speech.text)):
                    continue  # "Pleased to meet you, Dr Gablehouser.": nobody here
                introduction = introduction_before(speeches, k)
                present = partial(named_in, ctx, people=here - {a})
                aside = turned_to(speeches, k, present, scene.sentences)
                each = False
                if aside is not None:
                    # The turn's directions (or the action before it) say whom the words are
                    # for: a telephone ("(Answering the phone.) Who's this?"), or someone here
                    # the speaker turns to ("(To Emma) Gavin Mitchell. Pleased to meet you.").
                    targets = named_in(ctx, aside[1], here - {a}) if aside[0] == "to" else []
                    if not targets:
                        continue
                    guessed = False
                elif introduction is not None:
                    # Said to the other side of a third person's introduction: those presented,
                    # or, when the speaker is presented, those presented to; none we know of
                    # (a newcomer, a walk-on) -- nothing to judge.
                    to, presents = introduction
                    side = to if named_in(ctx, presents, {a}) else presents
                    targets = named_in(ctx, side, here - {a})
                    if not targets:
                        continue
                    guessed = False
                elif (
                    not named
                    and len(here - {a}) == 2
                    and _BOTH.match(plain(speech.text), offset + len(text))
                ):
                    # "Nice to meet you both": said to each of the two others here, so one
                    # already met is greeted as a stranger whoever the other is.
                    targets, guessed, each = sorted(here - {a}), False, True
                else:
                    targets = named
                    # Whom it is said to, guessed from who speaks near: the line names no one,
                    # not even by a title ("Nice to meet you, Doctor." names whom it greets;
                    # "Oh, hi." and "So, what's your name?" name no one).
                    guessed = not targets and not calls_by_name(plain(speech.text))
                    if guessed and not sealed and newcomer_shown(scene, speeches, k):
                        continue  # "[... lights up a figure in a corner.]" -- "Who are you?"
                    if guessed and caller is not None:
                        # "Morag. I'm sorry for your trouble." -- "Who are you?": a reply to
                        # the one who has just called the speaker by name is said to them.
                        targets, guessed = [caller], False
                    targets = targets or _addressees(ctx, scene, speeches, k)
                    answered = guessed and _answered_by(ctx, speeches, k, targets)
                    if answered:
                        # "And who are you, girl?" -- "Ruth Raine, ma'am.": the one who
                        # answers with her name is whom it was asked of, whoever else is there
                        # -- when they met in an earlier episode: a meeting earlier the same day
                        # may have been a voice on the telephone ("Who are you?" -- "I'm Donna
                        # Chang...": the face is new), judged as a guess as before.
                        b = speeches[k + 1].character
                        at = ctx.fold.at(scene, line)
                        first = _met_before(ctx, meetings, scene, a, b, at, speech.cue_line, learns)
                        if first is not None and _episode(first.scene) != _episode(scene):
                            guessed, targets = False, [b]
                if near is None:
                    near = NearCues(ctx)
                # A misspelt cue of someone here is them, not a stranger ("Harlow: Evening,
                # ma'am." -- "I'm Hattie Greer." -- "Harlowe: Four dollars.").
                slips = {x for x in here if _slip_of(ctx, near, x) in here}
                targets = [b for b in targets if b not in slips]
                if sealed:  # the writers' stranger act is between people, not with a walk-on
                    targets = [b for b in targets if ctx.is_person(b)]
                if not targets or not all(ctx.is_person(b) for b in targets):
                    continue  # none, or a walk-on or a group among them ("the Crystal Gems")
                when = ctx.fold.at(scene, line)
                prior = {
                    b: _met_before(
                        ctx, meetings, scene, a, b, when, speech.cue_line, learns, sealed
                    )
                    for b in targets
                }
                if not each and not all(prior.values()):
                    continue  # someone here is new to them: the introduction may be for them
                if (
                    guessed
                    and not sealed
                    and any(
                        _met_before(ctx, meetings, scene, a, x, when, speech.cue_line, learns)
                        is None
                        and not silent(ctx, x, speakers)
                        for x in sorted(here - {a} - set(prior) - slips)
                    )
                ):
                    # Guessed from neighbours, it may be for a stranger among the others here
                    # ("I'm Howard." to the women at the bar, between two lines of Raj's); a
                    # line that names whom it greets is judged ("Nice to meet you, Jessica").
                    continue
                for b, first in prior.items():
                    key = (min(a, b), max(a, b))
                    if key in reported or first is None:
                        continue
                    if not sealed and _old_acquaintances(ctx, meetings, scene, a, b, when):
                        continue  # play between people who share half a season, not a slip
                    reported.add(key)
                    yield self.finding(
                        scene,
                        line,
                        (a, b),
                        f"{ctx.name(a)} acts as a stranger to {ctx.name(b)} ({text!r}), but "
                        f"they met in {first.scene.key}",
                        [
                            Evidence.scene_line(
                                first.scene,
                                _first_line(first.scene, a, b),
                                f"{ctx.name(a)} and {ctx.name(b)} first meet",
                            )
                        ],
                    )


# Stranger phrases that greet, and so may answer another's introduction in kind.
_GREETING = rx.compile(r"(?i)meet you|how do you do|your acquaintance|charmed")
# "The name's Voss.": the article opens the introduction, it does not pass it by.
_THE_NAMES = rx.compile(r"(?:^|[.!?]\s*)[Tt]he$")

# A word of its own and its comma before an introduction: "Hi, I'm Donny.", "Oh -- hello, I'm
# Jen.", "Good morning, I'm Rafi." (the eighteenth blind look's dorm room: the comma had made it
# said in passing); an interjection by addressing.interjection.
_HELLO_BEFORE = rx.compile(r"(?:^|[.!?]\s*|--\s*)(?i:good\s+)?([A-Za-z]+)\s*,$")


def _hello_before(before: str) -> bool:
    m = _HELLO_BEFORE.search(before)
    return m is not None and interjection(m.group(1))


# After a stranger phrase, a greeting of two: "Nice to meet you both", "... you two".
_BOTH = rx.compile(r",?\s*(?:both|you\s+two|the\s+two\s+of\s+you)\b", re.IGNORECASE)


def _slip_of(ctx: Context, near: NearCues, cid: str) -> str | None:
    """The character a provisional cue misspells, if the engine takes it for a slip."""
    char = ctx.canon.cast.characters.get(cid)
    if char is None or not char.provisional:
        return None
    return char.suggestion or near.get(cid)


def _called_by(ctx: Context, speeches: list[Speech], k: int) -> str | None:
    """Who spoke just before speech ``k``, there, calling its speaker by name ("Morag. I'm
    sorry for your trouble."; not "I'd like you to meet Gavin"), if anyone."""
    if k == 0:
        return None
    before, me = speeches[k - 1], speeches[k].character
    if before.character == me or before.voice or me not in before.names:
        return None
    text = plain(before.text)
    called = _CALLED_FIRST.match(text) or _CALLED_LAST.search(text)
    return before.character if called and names_self(ctx, me, called.group(1)) else None


# A name said to someone: opening the speech ("Morag. ...", "Morag, ...") or closing it.
_CALLED_FIRST = rx.compile(r"\W*([A-Z][\w'’-]*)\s*[,.!?]")
_CALLED_LAST = rx.compile(r",\s*([A-Z][\w'’-]*)\s*[.!?]*\W*$")


def _stranger_phrase(
    ctx: Context,
    speeches: list[Speech],
    k: int,
    here: set[str],
    sealed: bool = False,
    sentences: Sequence[Sentence] = (),
) -> tuple[str, int] | None:
    """The stranger phrase speech ``k`` says as its speaker's own act, if any; where sealed, an
    introduction framed as a speech (a rehearsal, a formula) is one too, reported sealed ("I'm
    Isaiah Tolliver. I'm twenty-six." rehearsed for the jury, the twenty-second blind look).
    ``sentences``, the action: a beat parts an introduction from its name said just before."""
    speech = speeches[k]
    text, me = plain(speech.text), speech.character
    said_me = None if beat_between(sentences, speeches, k) else partial(names_self, ctx, me)
    intros = list(SELF_INTRO.finditer(text))
    if plays_someone_else(ctx, intros, me, here):
        return None  # "Hi! I'm Rachel Green.": the speaker plays someone else present
    found = stranger_phrase(text)
    if found is not None:
        if _greets_self(ctx, text, found, me):
            found = None  # "Nice to meet you, Chandler Bing Bing!": mimicking a caller
        elif _GREETING.search(found[0]) and replies_to_stranger(speeches, k):
            found = None  # "It's nice to meet you, too.", "How do you do." to an introduction
    if found is not None:
        return found
    for m in intros:
        before = text[: m.start()].rstrip()
        if (
            before
            and before[-1] not in ".!?"
            and not _THE_NAMES.search(before)
            and not _hello_before(before)
        ):
            continue  # "Because my name is George": said in passing, not an introduction
        if text[m.end() : m.end() + 2] == "'s":
            continue  # "I am Sir John Falstaff's": whose, not who
        if quoted(text, m.start()) or (
            not sealed and framed_introduction(text, m.start(), m.end(), len(here - {me}))
        ):
            continue  # a quotation, a speech to a room, "I'm Monica. I'm disgusting."
        if replies_to_stranger(speeches, k, said_me):
            continue  # an answer: the question or the first introduction is judged
        if names_self(ctx, me, m.group(1)):
            return m.group(0), m.start()
    # A whole name, then what the speaker is: "Miriam Hale. Flight surgeon.", "Regina Olmedo.
    # Society pages." (the twentieth and twenty-second blind looks): an introduction.
    named = NAME_AND_WHAT.match(text)
    if (
        named is not None
        and names_self(ctx, me, named.group(1))
        and not replies_to_stranger(speeches, k, said_me)
    ):
        return named.group(0), named.start()
    return None


def _greets_self(ctx: Context, text: str, found: tuple[str, int], me: str) -> bool:
    """Whether the stranger phrase greets the speaker by name: words put in a caller's mouth."""
    voc = _TRAILING_NAME.match(text, found[1] + len(found[0]))
    return voc is not None and names_self(ctx, me, voc.group(1))


def _not_to_them(
    ctx: Context,
    scene: SceneFacts,
    speeches: list[Speech],
    k: int,
    caller: str | None,
    allowed: bool = False,
) -> bool:
    """Whether the scene shows the line is not a stranger act towards people already met:
    said next to a walk-on or a non-recognition the scene plays (both unless the scene is
    sealed, ``allowed``: the fortieth blind look's porter greets his friend as a stranger
    beside a duty manager, as the writers sealed it), while introducing someone, or answered
    as someone else (a costume)."""
    speech = speeches[k]
    return (
        # next to a walk-on, unless it answers someone who has just called the speaker by name
        # or greets someone here by name ("Nice to meet you, Lieutenant.", a FIDDLER next)
        (next_to_walk_on(scene, speeches, k, ctx.is_person) and caller is None and not allowed)
        or introduces_another(speech.text)
        or (not allowed and played_non_recognition(speeches, k))
        or answered_as_someone_else(speeches, k, lambda c, said: names_self(ctx, c, said))
    )


def _episode(scene: SceneFacts) -> tuple[str, str]:
    return scene.series, scene.episode


def _answered_by(ctx: Context, speeches: list[Speech], k: int, targets: list[str]) -> bool:
    """Whether the next speech is one of ``targets`` giving their own name ("Ruth Raine,
    ma'am.", "I'm Ruth.") or saying what they are ("A gentleman that loves the morning, sir",
    the twenty-fourth blind look's disguise), as an answer to a question of who they are, or
    returning a greeting in kind ("Likewise.", "You too.")."""
    nxt = speeches[k + 1] if k + 1 < len(speeches) else None
    if nxt is None or nxt.character not in targets:
        return False
    said = plain(nxt.text)
    return says_own_name(ctx, nxt) or bool(_SELF_DESCRIBED.match(said) or answers_in_kind(said))


# An answer to "Who are you?" that says what the speaker is: "A gentleman that loves the
# morning", "Just a friend", "Nobody you'd know" (not "This is Bob", "He's my cousin").
_SELF_DESCRIBED = rx.compile(
    r"\W*(?:(?:just|only|merely)\s+)?(?:an?|nobody|no\s+one|one\s+who|your)\s+\w", re.IGNORECASE
)


def _addressees(ctx: Context, scene: SceneFacts, speeches: list[Speech], k: int) -> list[str]:
    a = speeches[k].character
    here = set(ctx.canon.people(scene))
    near = []
    for j in (k - 1, k + 1):
        if 0 <= j < len(speeches):
            b = speeches[j].character
            if b != a and b in here and b not in near:
                near.append(b)
    return near or sorted(here - {a})


class _Meetings:
    """Each pair's shared scenes in story order, worked out only for the pairs a stranger
    phrase asks about (from both characters' appearances, not from every scene); and since
    when a character is known to be the one cued now (``since``)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._pairs: dict[tuple[str, str], list[_Meeting]] = {}
        self._returns = Returns(ctx)
        self._amnesia: dict[tuple[str, str], bool] = {}

    def amnesia(self, scene: SceneFacts) -> bool:
        """Whether the scene's episode tells of a memory lost, in any scene ("Everyone's
        memories are wiped": Steven Universe's film, where the Gems no longer know Steven)."""
        key = (scene.series, scene.episode)
        got = self._amnesia.get(key)
        if got is None:
            episode = self._episode(scene)
            got = self._amnesia[key] = any(
                tells_of_amnesia(d.text) for s in episode for d in s.dialogue
            ) or any(tells_of_amnesia(x.text) for s in episode for x in s.sentences)
        return got

    def _episode(self, scene: SceneFacts) -> list[SceneFacts]:
        """The scenes of ``scene``'s episode, which stand together in release order."""
        scenes, ep = self._ctx.canon.scenes, (scene.series, scene.episode)
        start = end = self._ctx.canon.release_pos[scene.key]
        while start > 0 and (scenes[start - 1].series, scenes[start - 1].episode) == ep:
            start -= 1
        while end + 1 < len(scenes) and (scenes[end + 1].series, scenes[end + 1].episode) == ep:
            end += 1
        return scenes[start : end + 1]

    def episode_index(self, scene: SceneFacts) -> int:
        return self._returns.episode_index(scene)

    def since(self, cid: str, scene: SceneFacts) -> int:
        return self._returns.since(cid, scene)

    def get(self, key: tuple[str, str]) -> list[_Meeting]:
        got = self._pairs.get(key)
        if got is None:
            canon = self._ctx.canon
            a, b = key
            both = set(canon.appearances.get(a, ())) & set(canon.appearances.get(b, ()))
            scenes = sorted((canon.scenes[i] for i in both), key=lambda s: canon.story_pos[s.key])
            got = self._pairs[key] = [
                _Meeting(canon.story_pos[s.key], s.present[a].identity, s.present[b].identity, s)
                for s in scenes
            ]
        return got


def _knows_name(meetings: list[_Meeting], a: str, b: str, when: Moment) -> bool:
    """Whether, in their shared scenes before ``when`` (a scene and the cue line of the speech
    being judged), ``a`` has learnt ``b``'s name: ``a`` named ``b`` in a speech, or ``b``
    introduced himself while ``a`` was there. ``b`` naming ``a`` tells ``a`` nothing ("Hey
    Mike, sorry to drop by" -- "Who are you?")."""
    for m in meetings:
        if m.pos > when[0]:
            break
        for speech in m.scene.dialogue:
            if m.pos == when[0] and speech.cue_line >= when[1]:
                break
            if speech.character == a and b in speech.names:
                return True
            if speech.character == b and SELF_INTRO.search(plain(speech.text)) is not None:
                return True
    return False


def _related(ctx: Context, a: str, b: str, before: Moment) -> bool:
    """Whether a relationship between them was stated before ``before``: roommates the
    writers call allies ("[[relation: JI-WOO allies HA-NEUL]]" over their bunks) know each
    other's names though neither has said one yet (the forty-first blind look)."""
    pair = {a, b}
    return any(
        k.event.verb == "relation" and {k.event.subject, k.event.obj} == pair and k.moment < before
        for k in ctx.fold.relations
    )


# Who would learn a name from the stranger line: the other ("I'm Rafi."), its speaker ("Who
# are you?", "What's your name?"), or either ("Nice to meet you.", "Have we met?").
_ASKS = rx.compile(rf"(?i){WHO_ARE_YOU}|your name|know you|and you are")
_WHO_ARE_YOU = rx.compile(rf"(?i){WHO_ARE_YOU}")
_REALLY = rx.compile(r"(?i)\W{0,3}really\b")
# "Who are you, then, Doctor?": a name called at the end of the question's sentence.
_CALLED_AFTER = rx.compile(r"[^.?!]{0,24}?,\s*([A-Z][\w'-]+)\s*[?!]")


def _asks_what(ctx: Context, text: str, end: int, others: set[str]) -> bool:
    """Whether "Who are you" (ending at ``end``) asks what someone is, not their name: it goes
    on "really" or calls one of ``others`` by name before its sentence ends."""
    if _REALLY.match(text, end):
        return True
    called = _CALLED_AFTER.match(text, end)
    return called is not None and any(names_self(ctx, b, called.group(1)) for b in others)


def _who_learns(phrase: str) -> str:
    if SELF_INTRO.match(phrase):
        return "other"
    return "speaker" if _ASKS.search(phrase) else "either"


def _met_before(
    ctx: Context,
    meetings: _Meetings,
    scene: SceneFacts,
    a: str,
    b: str,
    when: Moment,
    said: int,
    learns: str = "either",
    literal: bool = False,
) -> _Meeting | None:
    """The first earlier meeting of a and b as they appear now, if any. ``said``: the line of
    the cue of the stranger speech; ``learns``: whose knowing the other's name makes it a
    stranger act (``_who_learns``); ``literal``: any scene shared is a meeting (DESIGN §3), a
    crowd too -- where the writers sealed the stranger line, so that it is reported sealed."""
    x, y = (a, b) if a < b else (b, a)
    now_x, now_y = scene.present[x].identity, scene.present[y].identity
    shared = meetings.get((x, y))
    together: list[_Meeting] = []
    named: bool | None = None  # worked out once, when a meeting of this episode asks
    since = max(meetings.since(x, scene), meetings.since(y, scene))
    for m in shared:
        if m.pos >= when[0]:
            break
        if since and m.scene.series == scene.series and meetings.episode_index(m.scene) < since:
            continue  # met before one of them came back under a name others share
        if m.scene.series == scene.series and m.scene.episode == scene.episode:
            if named is None:
                moment = (when[0], said)
                named = (
                    (learns != "other" and _knows_name(shared, a, b, moment))
                    or (learns != "speaker" and _knows_name(shared, b, a, moment))
                    or _related(ctx, x, y, moment)
                )
            if not named:
                # Met earlier in this very episode without the speaker learning the other's
                # name: people meet unintroduced and ask or tell who they are later that day
                # ("Who are you? What do you do?" in the taxi after the lab; "Harvey Specter.
                # Nice to meet you." the moment after he opened the door to him). Once the
                # speaker has named the other, or the other has introduced himself to him, a
                # stranger line is reported, this episode or later.
                return None
        if _same_face(ctx, x, m.ident_a, now_x, y, when) and _same_face(
            ctx, y, m.ident_b, now_y, x, when
        ):
            together.append(m)
            if literal or dealt(ctx, m.scene, x, y, scene):  # asked last: it reads the dialogue
                return m
    # Never one to one, but in the same company scene after scene, episode after episode: a
    # band on the road (the fourteenth blind look's sellsword and singer, who travel together
    # through three episodes in crowds of five or six). A crowd met once is no meeting.
    if len(together) >= COMPANY_SCENES and len({_episode(m.scene) for m in together}) >= 2:
        return together[0]
    return None


# Scenes shared in a crowd that make two people acquainted when they span two episodes or more.
COMPANY_SCENES = 3


def _same_face(
    ctx: Context, cid: str, then: str | None, now: str | None, viewer: str, when: Moment
) -> bool:
    """Whether ``viewer`` would recognise ``cid`` now from a meeting under identity ``then``."""
    if then == now or then is None or now is None:
        return True
    secret = _identity_secret(ctx, cid)
    return secret is not None and ctx.fold.knows_secret(viewer, secret, when)


def _identity_secret(ctx: Context, cid: str) -> str | None:
    conf = ctx.canon.universe.bible.characters.get(cid)
    return conf.identity_secret if conf is not None else None


# Two people who have talked together in this many episodes before know each other beyond any
# writer's forgetting: a stranger line between them is play (a joke, a pretence, a game), not a
# slip. The slip this rule exists for is the thin acquaintance -- one crossover, a guest spot --
# that another room's writers did not know of.
ACQUAINTED_EPISODES = 5


def _old_acquaintances(
    ctx: Context, meetings: _Meetings, scene: SceneFacts, a: str, b: str, when: Moment
) -> bool:
    """Whether ``a`` and ``b`` have talked together (``acquainted.dealt``) in
    ``ACQUAINTED_EPISODES`` earlier episodes, counting none before one of them came back under
    a name others share (``_Meetings.since``)."""
    x, y = (a, b) if a < b else (b, a)
    since = max(meetings.since(x, scene), meetings.since(y, scene))
    episodes: set[tuple[str, str]] = set()
    for m in meetings.get((x, y)):
        if m.pos >= when[0]:
            break
        ep = (m.scene.series, m.scene.episode)
        if ep in episodes or ep == (scene.series, scene.episode):
            continue
        if since and m.scene.series == scene.series and meetings.episode_index(m.scene) < since:
            continue
        if dealt(ctx, m.scene, x, y):
            episodes.add(ep)
            if len(episodes) >= ACQUAINTED_EPISODES:
                return True
    return False


def _first_line(scene: SceneFacts, a: str, b: str) -> int:
    return max(scene.present[a].line, scene.present[b].line)
