"""What a stranger line says, read from its own words and its neighbours: whether "Who are you"
or "I'm Rafi" is the speaker treating someone as a stranger, or something that only shares the
words. Measured on 195 firings of Friends, The Office and Adventure Time read bare (all banter,
quotation or story-played non-recognition) and the planted errors (bench/reintroduction_dev.py).

Each class below is a reason the line is *not* the speaker's sincere act towards the people in
the room; the reintroduction rule asks :func:`stranger_phrase` and the two neighbour tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from showbible.quick import rx
from showbible.reading.facts import SceneFacts, Sentence, Speech
from showbible.reading.lexicon import is_common
from showbible.reading.lexicon.given import is_given_name
from showbible.reading.prose_shown import DEPICTION_RE
from showbible.reading.prose_words import PLACE
from showbible.rules.forms_of_address import is_title

# "Who are you?" and its modal forms: "And who might you be?", "Who would you be?"
WHO_ARE_YOU = r"who (?:are you|(?:might|may|would|could) you be)"
# Contracted or not, in any register: "I don't believe we've met", "I do not think we have
# met" (the eleventh blind look's siege), "we have never met", "I have not had the honour".
_STRANGER = rx.compile(
    r"\b(?:(?:nice|pleased|good|glad|great|lovely|delighted|happy) to (?:finally )?meet you|"
    r"(?:nice|pleased|good|glad|delighted|happy) to make your acquaintance|"
    # "A pleasure to meet you", "It's an honour to meet you" (the fiftieth blind look's tango)
    # ("It is an honour to make your acquaintance", the sixty-fifth blind look's logging-camp clerk)
    r"(?:a|an|my|such\s+a)\s+(?:real\s+|great\s+|true\s+)?(?:pleasure|hono(?:u)?r|delight)\s+"
    r"to\s+(?:finally\s+)?(?:meet\s+you|make\s+your\s+acquaintance)|"
    # the same formula in the languages scripts are set in, as a sentence's opening words
    r"(?:^|(?<=[.!?¡¿] ))(?:mucho\s+gusto|encantad[oa]|enchant[ée]e?|piacere|prazer|"
    r"freut\s+mich|hajimemashite)(?=[,.!?]|\s+(?:señora?|señorita|madame|monsieur|signora?)\b)|"
    rf"{WHO_ARE_YOU}|have we (?:ever )?met|have we been (?:formally )?introduced|do i know you|"
    r"do we know each other|what'?s your name|"
    r"i (?:don'?t|do not|didn'?t|did not) (?:know|catch|get) your name|"
    r"(?:allow|permit|let) me to introduce myself|may i introduce myself|"
    r"first time we'?ve met|charmed, i'?m sure|how do you do|"
    r"we(?: have|'?ve)?(?:n'?t| not| never) (?:yet )?met|"
    r"i (?:don'?t|do not) (?:think i |believe i )?know you|"
    r"i (?:don'?t|do not) (?:believe|think) (?:that )?we(?:'?ve| have) (?:ever )?"
    r"(?:met|been (?:formally )?introduced)|"
    # the subject dropped, a sentence of its own: "Sit down, Doctor. Don't believe we've met."
    # (the twenty-seventh blind look's station manager), "Haven't met, have we?"
    r"(?:^|(?<=[.!?] )|(?<=[.!?]  )|(?<=[.!?]\n))(?:(?:don'?t|do not) (?:believe|think) "
    r"(?:that )?we(?:'?ve| have) (?:ever )?(?:met|been (?:formally )?introduced)|"
    r"(?:don'?t|do not) (?:think|believe) i know you|haven'?t met)|"
    r"(?:we|i)(?: have|'?ve)(?:n'?t| not) (?:yet )?(?:had the (?:pleasure|hono(?:u)?r)|"
    r"been (?:formally )?introduced)|"
    # ("I don't believe we've had the pleasure, sir", the fifty-seventh blind look's fair)
    r"i (?:don'?t|do not) (?:believe|think) (?:i|we)(?:'?ve| have) had the "
    r"(?:pleasure|hono(?:u)?r))"
    # a question mark ends no word: "And you are?", "And you would be?", "And you are...?"
    r"\b|\band you (?:are|would be)(?:\s*(?:\.\.\.|…|—|--))?\s*\?",
    re.IGNORECASE,
)
# "Who are you talking to?", "I don't know you guys": the words open a longer question or
# clause, so they must close theirs (punctuation, the end, or one of these few tails).
_OPEN_ENDED = rx.compile(
    rf"{WHO_ARE_YOU}|i (?:don'?t|do not) (?:think i |believe i )?know you|how do you do",
    re.IGNORECASE,
)
# After "we haven't met", whom: a third person ("We've not met him yet. Where's he chained
# up?", a real transcript), not the one spoken to.
_MET_WHOM = rx.compile(
    r"\s+(?:(?i:him|her|them|it|your|his|their|the|a|an|my|our|anyone|anybody)\b|[A-Z])"
)
_CLAUSE_END = rx.compile(r"\s*(?:$|[?!.,;:…—–\-\"”\]])")
# ... or end in an idiom of the same question: "who might you be when you're at home?" (the
# forty-eighth blind look's Fleet Street pub)
_WHO_TAIL = rx.compile(
    r"\s*(?:guys|people|two|all|again|then|when you'?re at home)\s*[?!.]", re.IGNORECASE
)
# "How can I answer that when I'm pretending I don't know you?", "You can't just say ...":
# the phrase is the object of another verb, not said to anyone.
_EMBEDDED = rx.compile(
    r"(?i)\b(?:pretend(?:ing|s|ed)?|that|if|like|say|says|said|saying|tell(?:s|ing)?)\s*,?\s*"
    # reported: "She says it's nice to meet you." (a translation, a message passed on)
    r"(?:(?:it'?s|it\s+(?:is|was))\s+)?$"
)
# "Who are you? The Hardy boys?", "Who are you, Larry King?": a guess that answers itself.
_GUESS = rx.compile(r"\s*[?!,]+\s*([^.!?]{1,40})\?")
_NOT_GUESS = rx.compile(r"(?i)^(?:and|or|but|why|what|where|how|when|who|do|did|are|is|can)\b")
# ... nor is a question of its own after a call: "Who are you? Chat, does anyone know this
# guy?" (the twenty-ninth blind look's livestream)
_QUESTION_AFTER = rx.compile(
    r"(?i),\s*(?:does|do|did|is|are|was|can|could|will|would|has|have)\s+\w"
)
# A speech to a room or a formula: "Welcome, everybody! My name is Andy", "I'm Meredith and
# I'm an alch...", "I'm Monica. I'm disgusting." -- the introduction frames something else.
_AUDIENCE = rx.compile(
    # a welcome to a room ("Welcome, everybody!", "Welcome to the show"), not to one person
    # ("Welcome, madam, welcome into Surrey! ... I'm Squire Hobnail", the twenty-fourth look)
    r"(?i)\b(?:welcome(?=,?\s+(?:everybody|everyone|all|y'?all|friends|folks|ladies|gentlemen|"
    r"back|to)\b|\s*[!.])|everybody|everyone|ladies and gentlemen|folks|future people|"
    # ("are you all right there?" asks after one: the thirty-second look's tunnel)
    r"for channel|you all(?!\s+right)|introduc\w*\s+(?:ourselves|yourselves|themselves)|"
    r"(?:go|going)\s+(?:a)?round\s+the\s+(?:room|table|circle))\b"
)
# A welcome to a named place said to the one person there is said to them: "Bonjour! Welcome to
# Chez Thérèse. I'm Josée, the owner." to the coach alone in the shop (the thirty-ninth blind
# look), not a shop's patter to a room.
_WELCOME_TO_PLACE = rx.compile(
    r"(?i:welcome)\s+(?:(?i:back)\s+)?(?i:to)\s+(?:the\s+)?(?!The\s)[A-Z]"
)
# ... but "I'm Margit Pell. I'm with the Lantern." goes on introducing: who one is with, where
# from, what one is here for, what one does ("I'm June Halloran. I'm an attending in the
# emergency department", the seventh blind look; "I'm Monica. I'm a mess." is still a formula).
_FORMULA_TAIL = rx.compile(
    r"^[\s\w',.!;-]{0,30}?\b[Ii](?:'m| am)\s+"
    # ("I'm Agnes Pike, of the Sunday Times. I'm told you're the diver": a hedge, the
    # fifty-second blind look's reporter, goes on as an introduction does)
    r"(?!(?:with|from|here|at|on|in|your|his|her|their|the|calling|looking|sorry|told|afraid|"
    r"sure|glad|pleased|delighted|hoping|given|sent|assured)\b)"
    r"(?!an?\s+(?!(?:mess|wreck|disaster|idiot|fool|jerk|loser|genius|monster|joke|fraud|"
    r"nobody|nothing|failure|bit|little)\b)[a-z])"
    # "I am attending his lordship": what one is doing, with whom (not "I'm disgusting.")
    r"(?!\w+ing\s+(?:his|her|the|a|an|my|your|their|our|to|for|on|at|with)\b)[a-z]"
)
_SELF_ASKED = rx.compile(r"(?i)\bwho am i\?\s*$")
# A third person introducing someone in the line before: "Dad, this is Ross Geller."
_INTRODUCES = rx.compile(
    r"\b(?:[Tt]his is|[Tt]hese are|[Mm]eet|introduce you to|[Hh]ere'?s),?\s+"
    r"(?:(?:my|our)\s+\w+,?\s+)?(?:(?:umm?|uh|er|erm|well),?\s+)*[A-Z]"
    # "... and Sam, my brother." presents Sam; "Nice to meet you, my brother!" calls the one
    # met so (the sixty-first blind look's Notting Hill doorstep): a name before the comma
    r"|\b[A-Z][\w'’-]*,\s*(?:my|our)\s+(?:parents|mother|mom|father|dad|wife|husband|son|"
    r"daughter|sister|brother|friends?|boss|family)\W*$"
)
# The other answers "It's me, Finn!": the story plays the non-recognition (a disguise, a
# transformation), it is not a writer forgetting a meeting.
_ITS_ME = rx.compile(
    r"(?i)\b(?:it'?s|it is) me\b|\byou know me\b|\bremember me\b|\brecogni[sz]e\b|"
    r"(?<!have )\bwe(?:'ve| have)? met\b|\byou and i were\b|\bname again\b"
)
# The answer that says the asker was told before: "Told you.", "I've already told you", "You
# know who I am".
_TOLD = rx.compile(
    r"(?i)^\W*(?:(?:i|i've|i\s+have)\s+(?:already\s+)?)?told\s+you\b|\byou\s+know\s+who\s+i\s+am\b"
)
# "Who are you?" -- "Oh, I'm Carrie Bradshaw": a costume or a part, not the one asked.
_ANSWER_INTRO = rx.compile(r"\b(?:I'm|I am|my name is)\s+([A-Z][\w'-]*)")
_ASKS_WHO = rx.compile(r"(?i)\bwho\b|\bname\b")
_WORD = rx.compile(r"[A-Z][\w'-]+")
_QUESTION = rx.compile(rf"(?i){WHO_ARE_YOU}|do i know you|have we met|what'?s your name")


def stranger_phrase(text: str) -> tuple[str, int] | None:
    """The first stranger phrase that the speaker says as their own, with its offset."""
    text = plain(text)
    for m in _STRANGER.finditer(text):
        if quoted(text, m.start()) or _EMBEDDED.search(_sentence_before(text, m.start())):
            continue  # He said, "Nice to meet you, Glenda."
        rest = text[m.end() :]
        if m.group(0).lower().endswith("met") and _MET_WHOM.match(rest):
            continue  # "We've not met him yet": someone else is the one not met
        if _OPEN_ENDED.fullmatch(m.group(0)):
            who = m.group(0).lower().startswith("who ")
            if not (_CLAUSE_END.match(rest) or (who and _WHO_TAIL.match(rest))):
                continue  # "Who are you talking to?", "I don't know you'd be so bored"
            guess = _GUESS.match(rest)
            if (
                guess
                and not _NOT_GUESS.match(guess.group(1).strip())
                and not _QUESTION_AFTER.search(guess.group(1))
                and not _vocative(guess)
                and not _trade_guess(guess.group(1))
            ):
                continue  # "Who are you? Ansel Adams?!"
        return m.group(0), m.start()
    return None


def _trade_guess(text: str) -> bool:
    """Whether a guess after "Who are you?" asks what someone is, as a sincere question does
    ("Who are you? Press?", the fifty-first blind look's stage door; "A doctor?", "From the
    council?"), not whom they would mock them as ("My mother?", "Larry King?")."""
    words = text.strip().split()
    if not words:
        return False
    if words[0].lower() in ("a", "an", "from", "with"):
        return True
    return len(words) == 1 and is_common(words[0]) and not is_given_name(words[0])


def _vocative(guess: re.Match[str]) -> bool:
    """Whether what follows "who are you" after a comma is whom it is asked of, not a guess:
    "And who are you, girl?", "And who might you be, Fräulein?" (the fifty-sixth blind look's
    Vienna stage; a guess is a name: "Who are you, Sherlock Holmes?")."""
    mark = guess.group(0).lstrip()[:1]
    said = guess.group(1).strip()
    return mark == "," and (said[:1].islower() or (" " not in said and is_title(said)))


def plain(text: str) -> str:
    """The text with typographic apostrophes made plain (transcripts mix ’ and ')."""
    return text.replace("’", "'").replace("‘", "'")


def _sentence_before(text: str, offset: int) -> str:
    before = text[:offset]
    cut = max(before.rfind(c) for c in ".!?")
    return before[cut + 1 :]


def quoted(text: str, offset: int) -> bool:
    """Whether ``offset`` falls inside a quotation in the speech."""
    return _quoted(text, offset)


def _quoted(text: str, offset: int) -> bool:
    before = text[:offset]
    if before.count('"') % 2 or before.count("“") > before.count("”"):
        return True
    # Single quotes double as apostrophes: count only those that open after a space or a
    # bracket and are not closed before the phrase ("You can't just say, 'Nice to meet you'").
    opens = [
        i for i, ch in enumerate(before) if ch in "'‘" and (i == 0 or not before[i - 1].isalnum())
    ]
    if not opens:
        return False
    last = opens[-1]
    closes = [
        i
        for i in range(last + 1, len(before))
        if before[i] in "'’" and not (i + 1 < len(before) and before[i + 1].isalnum())
    ]
    return not closes


def framed_introduction(text: str, start: int, end: int, listeners: int = 2) -> bool:
    """Whether a self-introduction at ``start:end`` frames a speech to a room or a formula.
    ``listeners``: how many others are there to hear it."""
    for part in (text[:start], text[end : end + 40]):
        for audience in _AUDIENCE.finditer(part):
            if not (listeners == 1 and _WELCOME_TO_PLACE.match(part, audience.start())):
                return True
    if _SELF_ASKED.search(text[:start]) or _ITS_ME.search(text):
        return True  # "Who am I? I'm Kelly Kapoor.", "Jo... It's me. I'm Dwight."
    return bool(_FORMULA_TAIL.match(text[end:]))


# What a direction in a speaker's turn ("(to Rafi)", "(Answering the phone.)", "(Listens)")
# says the words are for: a person, or a telephone.
_TURNED_TO = rx.compile(
    r"(?i)^\s*(?:(?:turns|turning|says|saying|whispers|whispering|calls|calling|goes|going|"
    r"walks|walking)\s+(?:over\s+|back\s+|round\s+|around\s+)?)?to\s+([^,;.]+)"
)
_TO_INSIDE = rx.compile(r"(?i),\s*to\s+([^,;.]+)")
_TELEPHONE = rx.compile(
    r"(?i)\b(?:phone|telephone|cellphone|intercom|walkie|listens|listening|on the line|"
    r"hangs up|dials|into the radio|on the radio)\b"
)


# A direction that takes the words away from those at hand: "(walking away) Hey, what's your
# name?" to someone across the room, "(calling out)", "(aside)".
_AWAY = rx.compile(
    r"(?i)\b(?:walk(?:s|ing)?\s+(?:away|off|out)|leav(?:es|ing)|exit(?:s|ing)?|"
    r"call(?:s|ing)?\s+(?:out|after)|shout(?:s|ing)?\s+(?:out|after)|aside|off\s*screen)\b"
)


def turned_to(
    speeches: list[Speech],
    k: int,
    present: Callable[[str], object] = lambda _words: False,
    sentences: Sequence[Sentence] = (),
) -> tuple[str, str] | None:
    """Whom the latest direction of speech ``k``'s turn that says so has its words for:
    ("phone", "") on a telephone, ("away", "") when the speaker leaves or calls to someone
    elsewhere, ("to", whom) when the speaker turns to someone; else None. "(hangs up) (to
    Rafi)" is said to Rafi; so is "(coming forward, to Rafi, with a bow)", a "to" inside the
    direction, when ``present`` says it names someone there (not "(crossing, to the bar)").
    With no such direction, the action right before the turn (``sentences``, the scene's) may
    say it: "Gela wipes his palm on his trousers and offers it to Nino." (``_toward``)."""
    me, cue = speeches[k].character, speeches[k].cue_line
    j = k
    while j >= 0 and speeches[j].character == me and speeches[j].cue_line == cue:
        for aside in reversed(speeches[j].aside.split("; ") if speeches[j].aside else ()):
            if _TELEPHONE.search(aside):
                return "phone", ""
            if _AWAY.search(aside):
                return "away", ""
            m = _TURNED_TO.match(aside)
            if m is not None:
                return "to", m.group(1).strip()
            inside = (w.group(1).strip() for w in _TO_INSIDE.finditer(aside))
            whom = next((w for w in inside if present(w)), None)
            if whom is not None:
                return "to", whom
        j -= 1
    whom = _toward(sentences, speeches, k)
    return ("to", whom) if whom is not None and present(whom) else None


# The end of a sentence whose subject turns or reaches to someone: "... and offers it to Nino.",
# "She turns to Rafi.", "He looks at Mara."
_TOWARD = rx.compile(r"\b(?i:to|towards?|at)\s+((?:[A-Z][\w'’-]*\s*){1,3}?)\s*[.!]?\s*$")
_PRONOUN = rx.compile(r"^\W*(?:He|She|They)\b")


def _toward(sentences: Sequence[Sentence], speeches: list[Speech], k: int) -> str | None:
    """The name the speaker's own action, the last sentence before speech ``k``'s cue and
    after the speech before it, ends by turning or reaching to (the sixty-fifth blind look's
    Kutaisi bay: the hand offered to Nino, Soso beside them)."""
    after = speeches[k - 1].line if k > 0 else 0
    last = None
    for s in sentences:
        # (a book's narration shares its speech's line: '"Nice to meet you," said Agnieszka,
        # and held out her hand to Orysia.', the sixty-eighth blind look's border post)
        if after < s.line <= speeches[k].cue_line:
            last = s
    if last is None:
        return None
    me = speeches[k].character
    speaker = bool(last.names) and last.names[0] == me
    if not (speaker or _PRONOUN.match(last.text)):
        return None
    m = _TOWARD.search(last.text)
    return m.group(1).strip() if m is not None else None


def introduction_before(speeches: list[Speech], k: int) -> tuple[str, str] | None:
    """Someone else's introduction just before speech ``k``, split into whom it is made to
    and whom it presents ("Dad, this is Ross Geller." -> ("Dad, ", "this is Ross Geller.")):
    the stranger line answers it, so it is said to the other side of that introduction."""
    a = speeches[k].character
    for j in (k - 1, k - 2):
        if 0 <= j < len(speeches) and speeches[j].character != a:
            text = plain(speeches[j].text)
            m = _INTRODUCES.search(text)
            if m is not None:
                return text[: m.start()], text[m.start() :]
    return None


def introduces_another(text: str) -> bool:
    """Whether the speech itself introduces someone ("here's my friend Ross"): it is said to
    someone who has not met them."""
    said = plain(text)
    return any(not _A_PLACE.match(said, m.end() - 1) for m in _INTRODUCES.finditer(said))


# "this is Hobnail Hall, and yonder's the kennel": a place shown, no one introduced (the
# twenty-fourth blind look's squire welcoming a lady he had met to his house)
_A_PLACE = rx.compile(rf"(?:[A-Z][\w'’-]*\s+){{0,3}}(?i:{PLACE})\b")


# A memory lost, as the story tells it: "Everyone's memories are wiped", "she has amnesia".
# Only a memory lost for good counts across the episode: "you don't remember me" is one
# exchange's play (``_ITS_ME``), and must not excuse the episode's other stranger lines.
_AMNESIA = rx.compile(
    r"(?i)\bamnesia\b|\bmemor(?:y|ies)(?:'s| is| are| was| were| has been| have been| got)\s+"
    r"(?:wiped|erased|gone|lost|reset|taken)|\b(?:lost|wiped|erased) (?:his|her|their|my|your|"
    r"our|its|all) (?:\w+ )?memor"
)


def tells_of_amnesia(text: str) -> bool:
    """Whether a text tells of a memory lost ("Everyone's memories are wiped", "amnesia")."""
    return _AMNESIA.search(plain(text)) is not None


def played_non_recognition(speeches: list[Speech], k: int) -> bool:
    """Whether the scene plays the non-recognition: the line or the other's line just before
    or after says "It's me!", "Don't you recognise me?", "you and I were colleagues", or the
    answer says the asker was told before ("Who are you?" -- "Told you. The Doctor.")."""
    a = speeches[k].character

    def says_we_met(text: str) -> bool:
        # "I don't believe we've met" is the stranger line, not a recognition.
        return _ITS_ME.search(_STRANGER.sub(" ", plain(text))) is not None

    if says_we_met(speeches[k].text):
        return True
    nxt = speeches[k + 1] if k + 1 < len(speeches) else None
    if nxt is not None and nxt.character != a and _TOLD.search(plain(nxt.text)):
        return True  # "Who are you?" -- "Told you. The Doctor.": asked again, of what he is
    return any(
        0 <= j < len(speeches) and speeches[j].character != a and says_we_met(speeches[j].text)
        for j in (k - 1, k + 1)
    )


def answered_as_someone_else(
    speeches: list[Speech], k: int, names_self: Callable[[str, str], bool]
) -> bool:
    """Whether "Who are you?" is answered with a name that is not the answerer's own (a
    costume, a part in a play): ``names_self(character, said)`` tells own names."""
    if not _QUESTION.search(plain(speeches[k].text)) or k + 1 >= len(speeches):
        return False
    nxt = speeches[k + 1]
    m = _ANSWER_INTRO.search(plain(nxt.text))
    if m is None or nxt.character == speeches[k].character:
        return False
    return not names_self(nxt.character, m.group(1))


def beat_between(sentences: Sequence[Sentence], speeches: list[Speech], k: int) -> bool:
    """Whether an action line stands between speech ``k`` and the one before it: a new beat
    ("She leads him to the curb. Jun-Jun stands, holds out his hand."), after which "I'm
    Jun-Jun" introduces, not answers a line that named him in passing (the sixty-fourth blind
    look's Manila)."""
    if k == 0:
        return False
    after, before = speeches[k - 1].line, speeches[k].cue_line
    return any(after < s.line < before for s in sentences)


def replies_to_stranger(
    speeches: list[Speech], k: int, named: Callable[[str], bool] | None = None
) -> bool:
    """Whether speech ``k`` replies to another's stranger line ("Nice to meet you, too", "I'm
    Andy" after "Hello, I'm Angela Martin"), or, given ``named`` (whether a word names the
    speaker), answers a question asking who they are ("Who do you think you are?" -- "I'm
    Toby.") or a speech that has just said their name ("Where's Monica?! ... Is she here?" --
    "I'm Monica.", "You can't play Kramer." -- "I am Kramer."): an introduction tells a name
    the listener does not know, and this one was just said to them. The exchange is judged at
    its first line. Any other question ("Can I help you?" -- "I'm Mara.") leaves the
    introduction to be judged."""
    if k == 0 or speeches[k - 1].character == speeches[k].character:
        return False
    before = plain(speeches[k - 1].text).rstrip()
    if named is not None:
        if any(named(w) for w in _WORD.findall(before)):
            return True
        question = before[max(before.rfind(c) for c in ".!") + 1 :]
        if before.endswith("?") and _ASKS_WHO.search(question):
            return True
    return bool(_STRANGER.search(before) or _ANSWER_INTRO.search(before))


# A direction that makes the exchange a bit the two are doing: "They hold it for one more
# second, then both crack up. It's a bit they have been doing since sales training."
_A_BIT = rx.compile(
    r"(?i)\b(?:crack(?:s|ing)?\s+up|burst(?:s|ing)?\s+out\s+laughing|(?:an?\s+|their\s+)?"
    r"(?:old|running|usual)\s+(?:bit|joke|gag|routine)|a\s+bit\s+they|playing\s+along)\b"
)


def played_as_a_bit(scene: SceneFacts, speeches: list[Speech], k: int) -> bool:
    """Whether a direction within the next three speeches makes the stranger act a joke."""
    end = speeches[k + 3].line if k + 3 < len(speeches) else scene.end_line
    return any(speeches[k].line < s.line <= end and _A_BIT.search(s.text) for s in scene.sentences)


def next_to_walk_on(
    scene: SceneFacts, speeches: list[Speech], k: int, is_person: Callable[[str], bool]
) -> bool:
    """Whether a walk-on speaks just before or after ("Do I know you from somewhere?" --
    WOMAN: "I don't think so."): a newcomer is among those addressed -- unless, for one just
    before, an action line between turns the speaker to someone else ("Joy points to the
    stage. Marcus climbs down and offers his hand.", the ninth blind look)."""
    a = speeches[k].character
    for j in (k - 1, k + 1):
        if not 0 <= j < len(speeches) or speeches[j].character == a:
            continue
        if is_person(speeches[j].character):
            continue
        if j < k and any(
            speeches[j].line < s.line < speeches[k].cue_line
            and any(c != a and is_person(c) for c in s.names)
            for s in scene.sentences
        ):
            continue
        return True
    return False


# Someone the directions bring on without a name: "a figure crouched in a corner", "a young man
# steps out of the shadows" (not a likeness: "holding herself like a woman who has been in deep
# water").
_UNNAMED_ONE = rx.compile(
    r"(?i)\b(?:a|an|another|some)\s+(?:[\w-]+\s+){0,3}?(?:figure|man|woman|girl|boy|"
    r"stranger|shape|creature|silhouette|person|child|lad|lass|youth|visitor|intruder|"
    r"newcomer)\b(?!['’]s)"  # not a thing of someone's: "a man's coat"
)
# ... and a simile's: "looking at London the way a man looks at a bull in a field" (the
# forty-eighth blind look's Fleet Street pub)
# ... and a manner's: "with the mild curiosity of a man reading a menu" (the fiftieth's tango),
# "He has the look of a city man who has heard the wind for nine hours" (the sixty-eighth's
# estancia kitchen: a likeness of the one already there)
# ... and anyone inside the clause of one: "with the face of someone who has spent three hours
# on a microbus beside a man eating ful" (the sixty-ninth blind look's Alexandria stairs).
_LIKENESS_CLAUSE = rx.compile(
    r"(?i)\b(?:face|look|air|manner|eyes|expression|voice|walk)\s+of\s+(?:someone|somebody|"
    r"a\s+(?:[\w-]+\s+)?(?:man|woman|person|girl|boy))\s+(?:who|that)\b"
)
_LIKENED = rx.compile(
    r"(?i)\b(?:like|as\s+if|as\s+though|than|(?:the\s+)?way|much\s+as|(?:curiosity|air|manner|"
    r"patience|calm|gravity|care|dignity|weariness|tenderness|contempt|interest|bearing|"
    r"confidence|resignation|politeness|satisfaction|composure|caution|look|looks|face|eyes|"
    r"hands|voice|walk|build|stoop|swagger)\s+of)\s+$"
)


# A sentence that is a name and nothing else, a screenplay's way to name who was just described
# ("... holding a booking confirmation printed on hotel notepaper. ZEYNEP AYDIN."), an age after.
_NAME_ALONE = rx.compile(r"\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*(?:\([^()]*\))?[.!]?\s*")


def newcomer_shown(scene: SceneFacts, speeches: list[Speech], k: int) -> bool:
    """Whether the directions between the speech before ``k`` and ``k`` bring on someone with
    no name ("[Solomon's torch lights up a figure crouched in a corner.]" -- "Who are you?"):
    a line that names no one it is said to may be for them. Not when the speaker is new to the
    scene there: the one brought on is as likely the speaker ("A girl in a damp scarf stands at
    the desk." -- JUNIPER: "Hi. I'm Juniper Ashgrove")."""
    after = speeches[k - 1].line if k > 0 else scene.line
    a = speeches[k].character
    if not any(sp.character == a for sp in speeches[:k]) and not any(
        a in s.names for s in scene.sentences if s.line < speeches[k].cue_line
    ):
        return False  # "A girl in a damp scarf stands at the desk." -- JUNIPER: the speaker
    between = [s for s in scene.sentences if after < s.line <= speeches[k].cue_line]
    for i, s in enumerate(between):
        if DEPICTION_RE.search(s.text.lower()):
            continue  # "Pini's photograph: an old man in a waistcoat": a picture's
        if any(
            _NAME_ALONE.fullmatch(later.text) and len(later.names) == 1
            for later in between[i + 1 :]
        ):
            # "A figure comes across the field ... ZEYNEP AYDIN.": the figure, named -- the
            # speaker or another ("A girl comes up the street ... ROSA BOSWELL.", the
            # fifty-seventh blind look's Dublin: no one without a name)
            continue
        # where the speaker is named in the sentence: "A figure ... comes trotting over: Marcus"
        # -- MARCUS is the figure, revealed after it; "Marcus's torch lights up a figure" is not
        mine = [at for c, at in zip(s.names, s.starts, strict=False) if c == a]
        for m in _UNNAMED_ONE.finditer(s.text):
            # "The DOORMAN, a bald man in a string vest, follows Keung in": what a named one
            # looks like (the twenty-third blind look's gym), no one new
            before = s.text[: m.start()]
            if (
                before.rstrip().endswith((",", ":"))
                or _LIKENED.search(before)
                or _LIKENESS_CLAUSE.search(before)
            ):
                continue
            if any(at > m.start() for at in mine):
                continue  # the speaker, named after the figure they are
            return True
    return False


# A greeting returned in kind, the whole of a reply's opening: "Likewise.", "You too.", "And
# you.", "Same here.", "The pleasure's mine.", "Nice to meet you too." (the fifty-fourth blind
# look's Pico supper: "Joaquim Baptista. Pleased to meet you." -- "Likewise." from the one
# met before, while another at the table was new); "How do you do" returned as itself (the
# sixty-seventh look's platform: "... Hester Pryor. How do you do?" -- "How do you do, Mrs Pryor").
_IN_KIND = rx.compile(
    r"(?i)\W*(?:(?:likewise|same\s+here|(?:and\s+)?you\s+too|and\s+you|(?:the\s+)?pleasure(?:['’]s|"
    r"\s+is)\s+(?:all\s+)?mine|(?:nice|good|pleased|glad|happy|great|lovely)\s+to\s+meet\s+you"
    r"\s+(?:too|as\s+well)|enchant[ée]e?|charmed|how\s+do\s+you\s+do)\b"
    # a greeting alone, back ("Hi. Sorry. Kemi Okafor, I'm the station doctor." -- "Hi.", the
    # sixty-third blind look's core lab)
    r"|(?:hi|hello|hey|hiya|morning|evening|afternoon|g['’]day)\W*$)"
)


def answers_in_kind(text: str) -> bool:
    """Whether a reply opens by returning a greeting in kind ("Likewise.", "You too.")."""
    return _IN_KIND.match(text) is not None


# A whole name, then what the speaker is: "Miriam Hale. Flight surgeon.", "Regina Olmedo. Society
# pages." (the twentieth and twenty-second blind looks), "Hi. Sorry. Kemi Okafor, I'm the station
# doctor." (the sixty-third's core lab: a greeting or an apology before it, the job after a
# comma): an introduction.
NAME_AND_WHAT = rx.compile(
    r"^\W*(?:(?:Hi|Hello|Hey|Sorry|Morning|Evening|Afternoon|G'day|Oh|Right|Um|Er)[.!,]\s+){0,3}"
    r"([A-Z][\w'’-]+\s+[A-Z][\w'’-]+)(?:\.\s+(?!(?:I|You|He|She|We|They|It|This|That|There|"
    r"Here|What|Where|Who|How|Why|Let|Don't|Do|Get|Go|Come|Stop|Wait|Listen|Look|Please|Yes|"
    r"No|Okay|OK|Hello|Hi|Hey|Sorry|Thanks|Thank|Speaking|Over|Out)\b)[A-Z][a-z'’-]*"
    r"(?:\s+[a-z][\w'’-]*){0,3}[.!]|,\s+I['’]m\s+(?:the|a|an|your)\s)"
)
