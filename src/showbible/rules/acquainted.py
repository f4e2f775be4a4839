"""Whether two people who shared a scene became acquainted there (reintroduction.py asks it
of every shared scene before a stranger line), and what gives a speaker's own name.

A small scene always acquaints; a crowd only where the scene shows the two dealt with each
other: one spoke right after the other or named them, both spoke and one said who he is, both
spoke at a gathering of ten or fewer and both are recurring characters, the scene states a
relationship between them, or one acts on the other (or both on each other).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from showbible.quick import rx
from showbible.reading.facts import SceneFacts, Sentence, Speech
from showbible.reading.prose_seen import acts_on
from showbible.rules.addressing import names_self
from showbible.rules.base import Context
from showbible.rules.stranger_line import plain

SELF_INTRO = rx.compile(  # on plain() text: typographic apostrophes made straight
    r"\b(?i:I'?m|I am|my name is|my name's|name's|call me|they call me)\s+"
    # a title before the name is no part of it: "I'm Dr. Vail" (the seventh blind look)
    r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Doctor|Captain|Capt|Sgt|Lt|Inspector|Sister|"
    r"Father|Lady|Lord|Sir)\.?\s+)?"
    r"((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})"
)


def dealt(ctx: Context, scene: SceneFacts, a: str, b: str, later: SceneFacts | None = None) -> bool:
    """Whether a shared scene made them acquainted: a small scene always does (a boat, a
    room for two or three); in a crowd, only if one spoke right after the other or named
    them. Sharing a party, an office or a hospital ward with a dozen others is no meeting
    (Coma Guy never met the woman at his bedside). ``later``: the scene of a stranger line
    between them, for the gathering's reading (``_gathered``)."""
    if len(ctx.canon.people(scene)) <= 3:
        return True
    speeches = [s for s in scene.dialogue if not s.voice]
    pair = {a, b}
    for x, y in pairwise(speeches):
        if {x.character, y.character} == pair:
            return True
    if any(
        (s.character == a and b in s.names) or (s.character == b and a in s.names) for s in speeches
    ):
        return True
    # Names given to the room: "Idris Kell. Welcome to Kestrel." ... "Jonah Dace. First
    # officer." -- both spoke in the scene, and each said who he is.
    speakers = {s.character for s in speeches}
    introduced = {s.character for s in speeches if says_own_name(ctx, s)}
    if pair <= speakers and bool(pair & introduced):
        return True
    if later is not None and pair <= speakers and _gathered(ctx, scene, pair, later):
        return True
    # A relationship the scene states between them ("[[relation: WHITFIELD allies HALE]]"):
    # allies, enemies or lovers know each other, however crowded the room.
    if any(
        k.event.scene == scene.key and {k.event.subject, k.event.obj} == pair
        for k in ctx.fold.relations
    ):
        return True
    # One does something to the other: "Bastien bows to MADAME DE VIRAC and leads her out into
    # the pavane", a dozen masquers about them; or both to each other ("Whitfield and Hale
    # look at each other").
    return any(
        _acts_between(s, a, b) or (_EACH_OTHER.search(s.text) is not None and _pair_only(s, pair))
        for s in scene.sentences
        if a in s.names and b in s.names
    )


# The most people a scene may hold for all who speak in it to have met (``_gathered``), how
# many released episodes before a stranger line it may be, and the episodes a character must
# be in to be held to it.
GATHERING = 10
REACH = 6
RECURRING = 3


def _gathered(ctx: Context, scene: SceneFacts, pair: set[str], later: SceneFacts) -> bool:
    """Both spoke at a gathering of ``GATHERING`` people or fewer, at most ``REACH`` released
    episodes before the stranger line's, and both are people of the story, present in
    ``RECURRING`` episodes: DESIGN's shared scene (the crew's beach party where the reporter
    and the commander's wife each had their say, never to each other; a workshop of five). No
    one is so held to a crowd of dozens, to a namesake's party seasons before (Friends' two
    Ericas, eight seasons apart), or to a gathering earlier the same day (people meet
    unintroduced and say who they are later that day)."""
    if (scene.series, scene.episode) == (later.series, later.episode):
        return False
    if len(ctx.canon.people(scene)) > GATHERING:
        return False
    order = ctx.canon.universe.release_index()
    then = order.get(f"{scene.series}:{scene.episode}")
    now = order.get(f"{later.series}:{later.episode}")
    if then is None or now is None or not 0 < now - then <= REACH:
        return False
    return all(_recurring(ctx, cid) for cid in pair)


def _recurring(ctx: Context, cid: str) -> bool:
    """Whether a character is present in ``RECURRING`` episodes or more."""
    canon = ctx.canon
    seen: set[tuple[str, str]] = set()
    for i in canon.appearances.get(cid, ()):
        scene = canon.scenes[i]
        seen.add((scene.series, scene.episode))
        if len(seen) >= RECURRING:
            return True
    return False


_EACH_OTHER = rx.compile(
    r"\b(?:each\s+other|one\s+another|shake\s+hands|exchange\s+(?:a\s+)?(?:looks?|glances?)|"
    r"trade\s+(?:looks|glances))\b"
)


def _pair_only(sentence: Sentence, pair: set[str]) -> bool:
    """Whether the two are the sentence's only names ("Whitfield and Hale look at each
    other"; not "Mara and Tobias watch Nell and Rafi embrace each other")."""
    return set(sentence.names) == pair


def _acts_between(sentence: Sentence, a: str, b: str) -> bool:
    if len(sentence.starts) != len(sentence.names):
        return False
    at = dict(zip(reversed(sentence.names), reversed(sentence.starts), strict=True))
    first, second = sorted((at[a], at[b]))
    return acts_on(sentence.text, first, second)


_NAME_FIRST = rx.compile(r"^\W*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)[.,!]")


# A name as a sentence of its own further on: "When I'm at home I'm second hand on Number
# Three, or I were. Stubbs. Nobby." (the forty-eighth blind look's steelman, answering).
# Not after an ellipsis's dramatic pause ("I... Am... Me-Mow!", a real transcript's villain
# revealing herself to someone she knows).
_NAME_SENTENCE = rx.compile(r"(?<=[^.][.!?])\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)[.!](?=\s|$)")


def says_own_name(ctx: Context, speech: Speech) -> bool:
    """Whether a speech gives its speaker's name: "I'm Jonah", or opens on it ("Jonah Dace.
    First officer."), or says it as a sentence of its own ("... or I were. Stubbs.")."""
    text = plain(speech.text)
    m = SELF_INTRO.search(text) or _NAME_FIRST.match(text)
    if m is not None and names_self(ctx, speech.character, m.group(1)):
        return True
    return any(names_self(ctx, speech.character, n.group(1)) for n in _NAME_SENTENCE.finditer(text))


def silent(ctx: Context, cid: str, speakers: Callable[[], set[str]]) -> bool:
    """Whether someone is a name a complete bible left out who never speaks anywhere
    (``speakers``: everyone who speaks in the canon, made when first asked): an animal, a figure
    in the background ("Aigerim, alone, feeding Tumar a strip of meat", the forty-fifth blind
    look's eagle), no one a guessed introduction may be meant for."""
    char = ctx.canon.cast.characters.get(cid)
    if char is None or not char.provisional or not ctx.canon.universe.bible.characters:
        return False
    return cid not in speakers()
