"""Whom a line calls by name or title: the people present a greeting or a stranger line is
said to ("Hi, Goliad.", "Nice to meet you, Doctor.", "Commander Holt. Gideon Marsh. I don't
believe we've met."), and whether a said name is one of a character's own.

Read by the reintroduction rule to decide whom a stranger line is for; plain string work over
the speeches and the bible's names.
"""

from __future__ import annotations

import re

from showbible.quick import rx
from showbible.reading.facts import SceneFacts, Speech
from showbible.reading.lexicon import is_common
from showbible.reading.lexicon.given import is_given_name
from showbible.reading.names import is_title as names_title
from showbible.reading.names import normalise
from showbible.reading.prose_words import CAPITALS
from showbible.rules.base import Context
from showbible.rules.forms_of_address import is_title
from showbible.rules.stranger_line import plain

# Any Latin capital opens a name: "Bà Đặng?", "Ólafur!" (the seventy-first blind look's Hạ Long).
_UP = CAPITALS
# "Hi, Goliad. I'm Finn.", "Nice to meet you, Paul", "Good morning, Engineer.", "Welcome,
# Doctor": the line names whom it is said to.
_GREETING = r"(?i:hi|hey|hello|meet you|(?:good\s+)?(?:morning|afternoon|evening|day)|welcome)"
_VOCATIVE = rx.compile(
    rf"\b{_GREETING},?\s+([{_UP}][\w'-]+)"
    rf"|(?:^|[.!?]\s+)(?:\.\.\.)?([{_UP}][\w'-]+)\s*[?!,]"
)

# Words a line opens on or calls out that greet nobody by name: interjections, discourse
# markers, endearments and calls to a group ("Oh, hi.", "So, what's your name?", "Honey,",
# "Guys!"). The census lists some as first names (So, Man, Honey), so they are named here.
_NOT_A_NAME = frozenset(
    {
        "oh", "ah", "aw", "aww", "uh", "um", "umm", "er", "erm", "hmm", "hm", "well", "so",
        "yeah", "yes", "yep", "yup", "no", "nope", "okay", "ok", "alright", "right", "hey", "hi",
        "hello", "wow", "whoa", "gosh", "god", "sorry", "look", "listen", "wait", "please",
        "thanks", "now", "then", "but", "and", "huh", "eh", "ooh", "oops", "boy", "man", "dude",
        "guys", "buddy", "pal", "honey", "sweetie", "sweetheart", "darling", "dear", "babe",
        "baby", "kid", "kids", "son", "folks", "everyone", "everybody", "people", "ladies",
        "gentlemen", "friends", "hiya", "howdy", "yo", "morning", "afternoon", "evening", "anyway",
    }
)  # fmt: skip


def interjection(word: str) -> bool:
    """Whether a word is one a line opens on that greets or calls nobody by name ("Oh",
    "Hi", "Well", "Honey")."""
    return word.lower() in _NOT_A_NAME


def named_addressees(ctx: Context, speech: Speech, here: set[str]) -> list[str]:
    """The people present whom the line greets by name, if it does ("Hi, Goliad.",
    "...Susan? Pleased to meet you!", "Commander Holt. Gideon Marsh. I don't believe we've
    met.")."""
    named = []
    text = plain(speech.text)
    said = [(m.group(1) or m.group(2), "") for m in _VOCATIVE.finditer(text)]
    # "Captain Ashgrove": the name after the title, or the title and the name together
    said += [(m.group(2), m.group(1)) for m in _GREETED.finditer(text) if m.group(2)]
    opening = _OPENING_CALL.match(text)
    if opening is not None and (
        is_title(opening.group(1))
        # "Bà Đặng? Nice to meet you.": two words a bible declares as someone's name, with
        # an honorific the lexicon does not know, asked as whom the one before the speaker is
        # (called with a stop, "Meister Ebner. ... And who might you be, Fräulein?", the line
        # may turn to another)
        or (
            opening.group().endswith("?")
            and any(normalise(" ".join(opening.groups())) in _names_of(ctx, b) for b in here)
        )
    ):
        said.append((opening.group(2), opening.group(1)))
    for m in _IDENTIFIED.finditer(text):
        titled = m.group(2) is not None and is_title(m.group(1))
        said.append((m.group(2), m.group(1)) if titled else (m.group(1), ""))
    others = [b for b in here if b != speech.character]
    for word, title in said:
        # The most specific name wins: "Nice to meet you, Miss Hale." greets the one called
        # Miss Hale, not her brother, whom everyone calls Hale (a title that names someone
        # else, DESIGN §3).
        whole = [b for b in others if title and normalise(f"{title} {word}") in _names_of(ctx, b)]
        # ... and one whose declared name the word is, alone, over one whose longer name holds
        # it ("Mr. Varghese" is K. C. Varghese, called VARGHESE, not his niece Tessy Varghese)
        alone = [b for b in others if normalise(word) in _names_of(ctx, b)]
        named += whole or alone or [b for b in others if names_self(ctx, b, word)]
    return sorted(set(named))


def came_forward(scene: SceneFacts, speeches: list[Speech], k: int, named: list[str]) -> list[str]:
    """Of several present whom a line's call fits ("Mr Fennell?" with three Fennells on the
    wharf), the ones the action paragraph just before it brings to the speaker ("Angus comes
    down slower. Wipes his palm on his trousers. Holds it out.", the sixtieth blind look's Huon
    wharf); all of them when it names none of them, or when a speech comes between."""
    if len(named) < 2:
        return named
    after = speeches[k - 1].line if k > 0 else scene.line
    lines = [s.line for s in scene.sentences if after < s.line < speeches[k].cue_line]
    last = {c for s in scene.sentences if lines and s.line == lines[-1] for c in s.names}
    return [b for b in named if b in last] or named


# A line that opens by calling someone by title and name, a sentence of its own ("Commander
# Holt.", "Warden Hardy!"): said to them, whoever else stands there. A name alone opening a
# line is left to ``_VOCATIVE`` ("Holt," "Holt?"): "Holt." alone may as well answer a question.
_OPENING_CALL = rx.compile(rf"\W*([{_UP}][\w'-]+\.?)\s+([{_UP}][\w'-]+)\s*[.!?,]")


# "You'll be Mr. Varghese, from Mangalam.", "You must be Tessy.", "Are you Dr. Hale?": the line
# says whom it takes the one before the speaker to be (the fifty-third blind look's Kochi
# auction house, where the greeting that followed went to everyone in the hall).
_IDENTIFIED = rx.compile(
    r"\b(?i:you(?:['’]ll|\s+will|\s+must|['’]d|\s+would)\s+be|are\s+you)\s+"
    # ("You must be the famous Mr Boswell", the fifty-seventh blind look's fairground)
    rf"(?:the\s+(?:[a-z]+\s+){{0,2}})?([{_UP}][\w'-]+)"
    rf"(?:(?:(?<=Dr|Mr|Ms|rs)\.)?[ \t]+([{_UP}][\w'-]+))?"
)


# A greeting's first capitalised word, and the name after it when that word is a title (a dot
# only after an abbreviation: "Dr. Gablehouser", not "Captain. I'm from ...").
_GREETED = rx.compile(
    rf"\b{_GREETING},?\s+([{_UP}][\w'-]+)"
    rf"(?:(?:(?<=Dr|Mr|Ms|rs|of)\.)?[ \t]+([{_UP}][\w'-]+))?"
)


def greets_someone_else(text: str) -> bool:
    """Whether a greeting names, not by a title alone, someone the caller found no one present
    to be: rehearsing to an absent boss, hailing someone off screen, a made-up name in a game
    ("Hi, Ken Adams, nice to meet you."). "Hi I'm Leonard", "Hello Everyone" greet no one by
    name."""
    for m in _GREETED.finditer(text):
        word, after = m.group(1), m.group(2)
        name = after if is_title(word) else word
        if name is not None and _a_name(name):
            return True
    return False


def _a_name(word: str) -> bool:
    """Whether a capitalised word a greeting calls out is a person's name: a listed first name
    ("Ken") or a word too rare to be a common one ("Goliad"), never a word that greets nobody
    ("So", "Honey")."""
    word = word.strip(".'’")
    if word.lower() in _NOT_A_NAME:
        return False
    return is_given_name(word) or not is_common(word)


def calls_by_name(text: str) -> bool:
    """Whether the line calls someone by a name or a title ("...Susan?", "Hi, Goliad.",
    "Nice to meet you, Doctor."), not by an interjection that opens it ("Oh,", "Well,")."""
    for m in _VOCATIVE.finditer(text):
        word = (m.group(1) or m.group(2)).strip(".")
        if is_title(word) or _a_name(word):
            return True
    return False


def named_in(ctx: Context, text: str, people: set[str]) -> list[str]:
    """The people of ``people`` that ``text`` names by a capitalised word of their names."""
    words = re.findall(rf"[{_UP}][\w'-]+", text)
    return sorted(b for b in people if any(names_self(ctx, b, w) for w in words))


def plays_someone_else(ctx: Context, intros: list[re.Match[str]], me: str, here: set[str]) -> bool:
    """Whether a speech introduces itself as another person present ("Hi! I'm Rachel Green."
    said by someone else: playing her)."""
    return any(b != me and names_self(ctx, b, m.group(1)) for m in intros for b in here)


def names_self(ctx: Context, cid: str, said: str) -> bool:
    """Whether ``I'm X`` names the speaker: X is one of their names or a word of one."""
    said_words = normalise(said).split()
    if not said_words:
        return False
    names = _names_of(ctx, cid)
    words = {w for n in names for w in n.split()}
    # The name after its titles: "Khun Chai" names Chai, not whoever is "Khun Kanya" too.
    while len(said_words) > 1 and names_title(said_words[0]):
        said_words = said_words[1:]
    return said_words[0] in words or normalise(said) in names


def _names_of(ctx: Context, cid: str) -> set[str]:
    """A character's names, normalised: the bible's name, the id, every alias."""
    names = {normalise(ctx.canon.cast.characters[cid].name), normalise(cid.replace("-", " "))}
    conf = ctx.canon.universe.bible.characters.get(cid)
    if conf is not None:
        names |= {normalise(a if isinstance(a, str) else a.label) for a in conf.aliases}
    return names
