"""Whether a sentence *shows* a named character there — doing something, or having something
done to them — rather than only naming them.

``reading/prose.py`` takes a name for presence unless the sentence makes it a reference of a
class it knows (a possessive, a picture, remains, a place, absence, a thought). That is right
for who was there (meetings, the cast of a scene), but every outside author found new ways a
name stands in a sentence without its bearer: a boat or a shuttle named for the dead man, his
name chalked on a board or lettered on a hull, his likeness on a clone, "the Dunmore file".
A rule that *accuses* — a dead man walking, one person in two places — asks for more than the
absence of a known reference: positive evidence that the sentence has the person there
(``seen``). The evidence is the sentence's shape around the name, read from words, not a parse:

- **the actor**: the name (or a list it heads, an appositive or parenthesis after it, a body
  part of theirs) followed by a finite verb — ``Cole walks in``, ``Wendell Pike, in his grey
  uniform, props open the door``, ``Vetch and Rusk carry a crate``, ``Booth lowered the fork``,
  ``Mara's eyes snap open``;
- **the one acted on or beside**: a finite verb, alone or with a preposition of place or
  direction, right before the name — ``Ines catches Kit's arm``, ``comes JORY VENN``, ``kneels
  beside Cole``, ``turns to Cole``, ``tries to hug Cole``;
- **the shown**: a camera or the story pointing at them — ``ANGLE ON COLE``, ``we see Cole``,
  ``There's Cole``, ``REVEAL: COLE``; an entrance direction (``Enter PELL``); a sentence that is
  the name alone (``COLE.`` after a figure appears in the doorway).

What fails these is a name standing as a thing's (``the shuttle Brannock tears up``: a name after
an article is no actor, unless a title opens it: ``The Duke of Mortain bears the sword``),
lettered or written up (``typeface: BRANNOCK``, ``FOR FRANK``), in a likeness (``with Brannock's
face``), the matter of something (``the Dunmore file``), handled as a body may be (``The mummies
drag Namin away``), reached from afar (``texts Cole``), in another time or world
(``reading/prose_unreal.py``), or done before the scene in a script told in the present
(``Cole built this boat``, ``narrated_in_present``). The same reading serves two rules' other
questions: whether the first named character owns the thing that acts (``owns_a_thing``,
capability) and whether one named character acts on another (``acts_on``, meetings in a crowd).
Measured on the labelled presence dev sets (``bench/presence_dev.py --seen``, docs/presence.md).
"""

from __future__ import annotations

import re

from showbible.quick import rx
from showbible.reading.lexicon import position_words
from showbible.reading.names import is_title
from showbible.reading.prose_named import creature_named, thing_before
from showbible.reading.prose_tended import tended
from showbible.reading.prose_tense import (
    FUNCTION,
    adverb,
    backstory,
    done_in_a_relative,
    finite,
    participle,
)
from showbible.reading.prose_unreal import elsewhere
from showbible.reading.prose_words import (
    ACT_MODIFIERS,
    ADJECTIVES,
    BODY,
    DOING,
    PARTICLES,
    SIMPLE_PAST,
    word_set,
)

# A name right after these is no one acted on: "the Dunmore file", "chalked FOR FRANK", "a
# song about Cole", "like Cole", "a boat called Cole", "his Cole" (his thing named Cole).
_NOT_ACTED_ON = word_set(
    """the a an for about like as than named called whose his her their its my your our
    this that these those"""
)
# "hold of Cole", "in front of Cole", "a wider shot of Mara": an "of" that is no possessor's.
_OF_AFTER = word_set(
    """hold sight front fun ahead side top shot closeup close-up pov view care behind
    instead"""
)
# Between a verb and the one it acts beside: "kneels beside Cole", "turns to Cole".
_NEAR = word_set(
    """to at toward towards beside behind past with after over around near by between
    among amongst alongside against under beneath above onto into on upon off before
    across through up down from along next close right"""
)
# After a name that opens a verbless fragment, these place them: "Danny in the doorway.",
# "IRINA at the window.", "MARA alone."
_PLACED = word_set(
    """in at on by behind beside near inside outside under against alone among amongst
    across beneath atop aboard opposite"""
)
# Before the name, opening the sentence: "Just Danny in Cole's coat.", "20B THORNTON on the
# rock pile" (a shot's number).
_OPENING = rx.compile(
    r"^(?:[\s\"'“‘(\[]|\w*\d\w*|just|and|then|now|only|still|meanwhile|suddenly|but|so)*",
    re.IGNORECASE,
)
_POSSESSIVE = rx.compile(r"^['’][sS]?\s+")
# After the name, a time before the scene or a habit: "which Struan had wound every Sunday",
# "as Morag would afterwards say" ("had" only before a participle: "Cole had a drink" is now).
_NOT_NOW = ("would", "used", "had")
_FIRST_WORD = rx.compile(r" ([a-z]+)\b")
_WORD = rx.compile(r"[A-Za-z][A-Za-z'’-]*")
_NAME_RUN = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
_LIST_NAME = rx.compile(
    rf"^\s*(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&|or|nor)\s+)(?:(?:the|a)\s+)?{_NAME_RUN}"
)
_AND_COMPANY = rx.compile(
    r"^\s+(?:and|&)\s+(?:his|her|their|the|a|an|two|three|some|[A-Z][\w]*['’]s)\s+"
)
# The name is the second or later of a list: "Vetch and Rusk carry a crate".
_LISTED_BEFORE = rx.compile(rf"{_NAME_RUN}(?:\s*,\s*(?:and\s+)?|\s+(?:and|&|or|nor)\s+)$")
# The rest of a name the matcher did not take ("WILL BLOOM, AGE 3", "Jenny Hill") or an
# epithet ("KARL THE GIANT", "ANDY the tattooist").
_REST_OF_NAME = rx.compile(r"^\s+(?:the\s+)?([A-Z][\w'’.-]*)|^\s+the\s+[a-z]+(?=\s)")
_ASIDE = rx.compile(
    r"^\s*(?:\([^)]{0,80}\)|,(?:[^,;:!?]{1,80},){1,3}|\s[—–-]{1,2}\s?[^—–;:!?]{1,120}[—–-]{1,2})"
)
_CAMERA = rx.compile(
    r"(?:\b(?:angle|close|close-up|closeup|closer|push|pushing|pan|pans|tilt|rack|focus|back|"
    r"tight|wide|hold|move|moving|track|tracking|favor|favour|stay|stays|ecu|cu|mcu|ms|ws)"
    r"\s+(?:in\s+|up\s+)?(?:on|to)|\b(?:we|you)\s+(?:see|find|hear|glimpse|watch)|"
    r"\breveals?|\brevealing|\bthere(?:'s|’s|\s+is|\s+stands|\s+sits)|\bit(?:'s|’s|\s+is|\s+was)|"
    r"\bthis\s+is|\bhere(?:'s|’s|\s+is)|\bin\s+(?:comes|walks|steps|strides|bursts|rushes)|"
    r"\bpov|\b(?:re-?)?enter(?:s|eth)?|\bexit|\bexeunt)"
    r"\s*[:—–-]?\s*$",
    re.IGNORECASE,
)
# Opening the sentence: "Aside to GLOUCESTER", "On John: clocking this".
_OPENS_ON = rx.compile(r"\W*(?:(?:aside\s+)?to|on)\s*[:—–-]?\s*$", re.IGNORECASE)
# The regular expressions that look back from the name read this much of what precedes it:
# each is anchored at the name, and searching a long sentence for them costs at every position.
_BACK = 80


def seen(
    sentence: str, start: int, end: int, *, direction: bool = False, present_tense: bool = False
) -> bool:
    """Whether ``sentence`` shows the character named at ``start:end`` there (see the module's
    docstring); the caller has already found that the sentence makes no reference of them.
    ``present_tense``: the script narrates in the present (``narrated_in_present``), so a verb
    in the past after the name tells what they did before the scene ("Cole swam the whole
    bay"), not what they do in it."""
    if direction:
        return True
    if elsewhere(sentence, start, end):
        return False  # "Once, Cole swam the bay", "It's as if Cole never left"
    if start == 0:
        # Most sentences that name someone open with them and a verb ("Mara crosses to the
        # window."): decided at once, as the whole reading (``_seen``) would.
        first = _FIRST_WORD.match(sentence, end)
        if first is not None:
            word = first.group(1)
            if word not in _NOT_NOW and not adverb(word) and finite(word, False):
                nxt = _WORD.search(sentence, first.end())
                return not (present_tense and backstory(word, nxt.group() if nxt else ""))
    return _seen(sentence, start, end, present_tense)


def _seen(sentence: str, start: int, end: int, present_tense: bool = False) -> bool:
    before, after = sentence[:start], sentence[end:]
    if not before.strip(" \t\"'“‘([") and not after.strip(" \t.!?…\"'”’)"):
        return True  # the sentence is the name
    if _apposed(before, after) or _in_tow(before, after):
        return True
    # A list shares what stands before its first name: "to reveal Sandra, Will and Josephine".
    head, listed = before, False
    while m := _LISTED_BEFORE.search(head, max(0, len(head) - _BACK)):
        head, listed = head[: m.start()], True
    if _INVERTED.search(head, max(0, len(head) - _BACK)):
        return True  # "Down the centre aisle come DAVY and SAM": a place, its verb, then them
    if tended(sentence, head[max(0, len(head) - _BACK) :], after):
        return False  # a face covered, a pulse felt for: what is done for a body
    if creature_named(before) or thing_before(before, sentence[start:end]):
        return False  # "The foal they are calling Hank", "the dhow Bibi Rukhsana": a name given
    if _acted_on(head):
        return not (present_tense and _done_before(head))
    compared = _COMPARED.search(head, max(0, len(head) - _BACK))
    if compared and compared.group().split()[0].lower() in _OF_AFTER:
        compared = None
    if compared and compared.group().endswith("of") and compared.group()[:1].isupper():
        compared = None
    if _a_things_name(before, sentence[start:end]) or compared:
        return False  # "the shuttle Brannock tears up", "looks like Cole did at that age"
    for _ in range(3):
        rest = _REST_OF_NAME.match(after)
        if rest is None or (rest.group(1) and finite(rest.group(1), True)):
            break  # "PIKE JOINS DUTCH": a verb in capitals is no part of the name
        after = after[rest.end() :]
    if present_tense and done_in_a_relative(head, after):
        return False  # "the basil that Bi Mwanaisha planted": a deed before the scene
    opens = not _OPENING.sub("", head)
    return _actor(after, listed, opens, present_tense)


# A place fronted, then a verb of coming or going, then the name (locative inversion): "Down the
# centre aisle come DAVY McCRACKEN and SAM GAULT", "Through the door bursts Mara", "Up the
# stairs troops the whole company" -- the name is the verb's subject, there now.
_INVERTED = rx.compile(
    r"(?:^|[.;:!?]\s+|[—–]\s*)\W*(?:down|up|into|in|out\s+of|through|across|along|over|onto|"
    r"round|around|past|from|out|on|behind|between)\b[^,.;:!?]{0,60}?\s+(?:come|comes|came|"
    r"walk|walks|step|steps|stride|strides|burst|bursts|run|runs|hurry|hurries|march|marches|"
    r"stumble|stumbles|roll|rolls|ride|rides|sweep|sweeps|stagger|staggers|wander|wanders|"
    r"limp|limps|troop|troops|file|files|pour|pours|appear|appears|emerge|emerges|rush|rushes|"
    r"climb|climbs|crawl|crawls|float|floats|dash|dashes|saunter|saunters|tumble|tumbles|"
    r"totter|totters|barrel|barrels|charge|charges|stroll|strolls|creep|creeps)\s+$",
    re.IGNORECASE,
)
# A comparison, or an "of" after a lower-case noun ("the story of Cole is told"; not "the Earl
# of WARWICK"): the verb after the name is another subject's.
_COMPARED = rx.compile(r"\b(?:like|than|about|unlike)\s*$|\b[a-z]+\s+of\s*$", re.IGNORECASE)
# "the shuttle Brannock", "The inshore boat, the Tom Treloar, bounces past": a name after an
# article, or after an article and a noun that is no kin or position, names a thing.
_ARTICLE_BEFORE = rx.compile(r"\b(?:the|a|an)\s+(?:([a-z][\w-]*)\s+)?$", re.IGNORECASE)
_KIN = word_set(
    """friend friends brother sister son daughter wife husband mother father partner boss
    colleague cousin uncle aunt nephew niece grandson granddaughter grandmother grandfather
    fiance fiancee fiancé fiancée girlfriend boyfriend lover widow widower twin assistant
    deputy lieutenant sergeant mate pal buddy neighbour neighbor landlord landlady lawyer
    client patient prisoner suspect victim witness old young little big late poor dear
    mutilated wounded injured dying sleeping frozen just-woken"""
)


def _a_things_name(before: str, name: str) -> bool:
    m = _ARTICLE_BEFORE.search(before, max(0, len(before) - _BACK))
    if m is None:
        return False
    noun = m.group(1)
    if noun is not None:
        if name.isupper() and len(name) > 2:
            # "at the corner of the apron SID BLOOM kneels": a name in capitals is a
            # screenplay's person coming on (a vessel's or a house's noun before it has been
            # read already, in ``_seen``)
            return False
        return noun.lower() not in _KIN and noun.upper() not in position_words()
    # "The Senator walks in", "The Duke of Mortain bears the sword": a title opens a person's
    # name, where "the shuttle Brannock" is a thing's.
    first = name.split()[0].strip(".,").upper() if name.split() else ""
    return first not in position_words() and not is_title(first)


def _actor(after: str, plural: bool, opens: bool, present_tense: bool = False) -> bool:
    m = _POSSESSIVE.match(after)
    if m:
        return _possessor(after[m.end() :])
    for _ in range(4):
        company = _AND_COMPANY.match(after)
        if company:  # "Mara and Cole's sister share a look", "Will and his mother pick out"
            rest = after[company.end() :]
            words = _WORD.findall(rest[:60])
            return any(finite(w, True) and _lead(rest, w) for w in words[1:3])
        listed = _LIST_NAME.match(after)
        if listed and not listed.group().endswith(("'s", "’s", "s'")):
            plural = True
            after = after[listed.end() :]
            continue
        aside = _ASIDE.match(after)
        if aside:
            after = _past_the_aside(after, aside.end())
            continue
        break
    words = _WORD.findall(after[:100])
    k = 0
    while k < len(words) and k < 3 and adverb(words[k]):
        k += 1
    if k >= len(words):
        return False
    word = words[k]
    if not _lead(after, word):
        return False
    low = word.lower()
    if low in _NOT_NOW and (low != "had" or (k + 1 < len(words) and participle(words[k + 1]))):
        # "the clock, which Struan had wound every Sunday", "as Morag would afterwards say":
        # before the scene, or a habit -- not what they do in it.
        return False
    if finite(word, plural):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        return not (present_tense and backstory(word, nxt))
    # A verbless fragment that opens with the name: "Danny in the doorway.", "Elaine and
    # Striker dancing slowly", "John still fumbling at the text".
    return opens and (low in _PLACED or (low.endswith("ing") and len(low) > 4))


_NAME_AT = rx.compile(_NAME_RUN)


def _name_end(sentence: str, start: int) -> int | None:
    """Where the name at ``start`` ends, before a possessive "'s" (which a name run takes)."""
    m = _NAME_AT.match(sentence, start)
    if m is None:
        return None
    return m.end() - 2 if m.group().endswith(("'s", "’s")) else m.end()


def owns_a_thing(sentence: str, start: int) -> bool:
    """Whether the name at ``start`` stands as the owner of a thing ("Rudy's old Ford is
    buried", "Mara's nephew drives"), not as someone who acts: a possessive whose head is no
    body part, act or contraction of theirs (``Mara's hands shake`` acts)."""
    end = _name_end(sentence, start)
    if end is None:
        return False
    after = sentence[end:]
    possessive = _POSSESSIVE.match(after)
    return possessive is not None and not _possessor(after[possessive.end() :])


# Between a name and the one it acts on: a verb, then a few words with no clause break ("bows
# to", "leads her out with", "hands the letter to").
_BETWEEN = rx.compile(r"\s+([A-Za-z][\w'’-]*)((?:\s+[a-z][\w'’-]*){0,5})\s+$")


def acts_on(sentence: str, first: int, second: int) -> bool:
    """Whether the name at ``first`` does something to or with the one at ``second``, later in
    the sentence: a finite verb right after the first name, and no more than a few lower-case
    words before the second ("Bastien bows to MADAME DE VIRAC", "Rafi hands Nell the key").
    Two names in one list or one crowd ("Mara, Tobias and Nell fill the nave") do not."""
    end = _name_end(sentence, first)
    if end is None or end > second:
        return False
    between = _BETWEEN.fullmatch(sentence, end, second)
    if between is None:
        return False
    verb = between.group(1)
    if any(w in _CLAUSE_WORDS for w in between.group(2).split()):
        return False  # "Rafi watches the door while Nell sings": another clause's subject
    return verb.islower() and not adverb(verb) and finite(verb, False)


_CLAUSE_WORDS = word_set(
    """while whilst as when because though although until since whereas if unless then so
    but or nor where who which that whom whose"""
)


_COMMA_PART = rx.compile(r",[^,;:!?]{1,80}(?=,)")


def _past_the_aside(after: str, longest: int) -> str:
    """What follows an aside after a name: the shortest run of comma parts that a finite verb
    follows ("THE MUMMER, wearing the round, blank face of a cupbearer, pours wine ..., where
    ..." -- not the longest, which ended at the "where"), else the longest."""
    pos = 0
    for _ in range(3):
        part = _COMMA_PART.match(after, pos)
        if part is None:
            break
        pos = part.end()
        word = _WORD.match(after, pos + 1) or _WORD.search(after, pos + 1, pos + 40)
        if word is not None and finite(word.group(), False) and word.group().islower():
            return after[pos + 1 :]
    return after[longest:]


def _possessor(rest: str) -> bool:
    """After ``Name's``: a contraction (``Mara's quiet``, ``Walt's had enough``, ``Trevor's
    with three men``), or a body part or act of theirs (``Danny's hand``, ``Mara's approach``,
    ``Sherlock's POV``): they are there. Anything else is their thing."""
    words = _WORD.findall(rest[:60])
    if not words:
        return False
    first = words[0].lower()
    if first in (
        "been",
        "got",
        "gotten",
        "had",
        "here",
        "there",
        "not",
        "no",
        "with",
        "quiet",
        "silent",
        "alone",
        "still",
        "already",
        "going",
        "about",
        "in",
        "at",
        "on",
    ):
        return True
    if first == "point" and words[1:2] == ["of"]:
        return True  # "Mara's point of view"
    if first.endswith("ing") and (len(words) == 1 or words[1].lower() in FUNCTION):
        return True  # "Cole's standing by the door", not "Jonah's curling staff photo"
    k = 0
    while k < len(words) and (words[k].lower() in ADJECTIVES or words[k].lower() in ACT_MODIFIERS):
        k += 1
    if k >= len(words):
        return False
    head = words[k].lower()
    if head in DOING:
        return True
    if not _BODY_RE.fullmatch(head):
        return False
    # A body part that does something ("Mara's eyes snap open"); one that only lies there
    # ("Gus Ferreira's face, clean now, unburned, eyes closed") may be the dead man's.
    at = rest.find(words[k]) + len(words[k])
    rest = rest[at:]
    aside = _ASIDE.match(rest)
    next_word = _WORD.match(rest[aside.end() :].lstrip()) if aside else None
    if next_word and _BODY_RE.fullmatch(next_word.group().lower()):
        return False  # "face, clean now, unburned, eyes closed": a list of parts, no act
    return _actor(rest, head.endswith("s") and head != "lips", False)


def _lead(after: str, word: str) -> bool:
    """The verb follows the name or its list directly, not after a stop or a new clause."""
    at = after.find(word)
    return at >= 0 and not re.search(r"[.;:!?]", after[:at])


# A name set beside a person it names: "her boyfriend, Norther Winslow", "his client, Nancy,
# an attractive waitress", "Her brother, Tom, sits down".
_APPOSED = rx.compile(
    r"\b(?:his|her|their|its|my|your|our|the|a|an)\s+(?:[\w'’-]+\s+){0,4}?([a-z][\w-]*)\s*,\s*$"
)


# "Walt and Belle come in out of the sleet, Ole behind them": someone brought on in the wake of
# the clause's subject (the forty-fourth blind look), "Mara comes in, Cole at her heels".
_AFTER_A_CLAUSE = rx.compile(r"\b[a-z]{2,}\b[^.;:]*,\s*$")
_TRAILING = rx.compile(
    r"^\s+(?:(?:close|right|just|a\s+step|two\s+steps)\s+)?(?:behind|beside|after)\s+"
    r"(?:him|her|them|us|[A-Z])|^\s+(?:at|on)\s+(?:his|her|their)\s+(?:heels|side|elbow)\b|"
    r"^\s+(?:in\s+tow|following|trailing|in\s+(?:his|her|their)\s+wake)\b"
)


def _in_tow(before: str, after: str) -> bool:
    """Whether the name follows a clause's comma in the wake of its subject ("..., Ole behind
    them", "..., Cole in tow")."""
    return _AFTER_A_CLAUSE.search(before) is not None and _TRAILING.match(after) is not None


def _apposed(before: str, after: str) -> bool:
    """Whether the name stands in apposition to a person (a kin word or a position) whom the
    sentence shows: acted on ("Mike is interviewing his client, Nancy") or acting after the
    closing comma ("Her brother, Tom, sits down")."""
    m = _APPOSED.search(before, max(0, len(before) - _BACK))
    if m is None:
        return False
    noun = m.group(1)
    if noun.lower() not in _KIN and noun.upper() not in position_words():
        return False
    if _acted_on(before[: m.start()]):
        return True
    # Acting, when the person opens the sentence ("A photo of her son, Cole, hangs" does not).
    rest = after.lstrip()
    opens = not _OPENING.sub("", before[: m.start()])
    return opens and rest.startswith(",") and _actor(rest[1:], False, False)


# Verbs whose object may as well be a body: "The mummies drag Namin away" after his death,
# "They lower Cole into the grave". Someone handled so is not shown alive there.
_HANDLED = word_set(
    """drag drags dragged dragging carry carries carried carrying haul hauls hauled hauling
    lift lifts lifted lifting lower lowers lowered lowering bury buries buried burying wrap
    wraps wrapped wrapping dump dumps dumped dumping wheel wheels wheeled wheeling scatter
    scatters scattered scattering"""
)


# Verbs that reach someone without their being there: written to, rung ("texts Danny");
# "calls" only with a device in the sentence ("picks up the radio and calls Danny", not
# "calls Danny over"). Not hearing or listening: "Mara hears Cole before she sees him".
_FROM_AFAR = word_set(
    """text texts texted texting email emails emailed emailing phone phones phoned phoning dial
    dials dialled dialed dialling dialing radio radios radioed radioing message messages
    messaged messaging page pages paged paging"""
)
_CALLS = word_set("call calls called calling ring rings rang ringing")
_DEVICE = rx.compile(
    r"\b(?:phone|cell|mobile|radio|walkie|intercom|comm|comms|headset|receiver|landline|"
    r"payphone|speed-dial|speakerphone)\b",
    re.IGNORECASE,
)


# Words in -ing that are no verb acting on the name after them: "Everything the Kestrel
# built" (the thirteenth blind look), "the wedding Cole planned".
_ING_NOUNS = word_set(
    """everything anything nothing something thing things king ring wing evening morning
    ceiling building wedding meeting painting drawing clothing bedding pudding sibling darling
    feeling earring stocking awning lightning offering"""
)


def _acted_on(before: str) -> bool:
    """A verb acts on the name from right before it — ``hugs Cole``, ``kneels beside Cole``,
    ``slides the ledger across to Mara``, ``grabs hold of Cole`` — or a camera or an entrance
    shows them."""
    if _CAMERA.search(before, max(0, len(before) - _BACK)) or _OPENS_ON.match(before):
        return True
    tail = before.rstrip()
    if not tail or tail[-1] in ",;:—–-(\"'“‘":
        return False
    words = _WORD.findall(tail[-80:])
    if not words or not tail.endswith(words[-1]):
        return False
    k = len(words) - 1
    if words[k].lower() in _NOT_ACTED_ON:
        return False
    if words[k].lower() == "of":
        return k >= 1 and words[k - 1].lower() in _OF_AFTER
    prep = ""
    while k >= 0 and len(prep.split()) < 2 and words[k].lower() in _NEAR:
        prep = words[k].lower() + " " + prep
        k -= 1
    while k >= 0 and adverb(words[k]):
        k -= 1
    if k < 0:
        return False
    if not prep and words[k].lower() in _HANDLED:
        return False  # "The mummies drag Namin away": a body is handled so too
    if words[k].lower() in _FROM_AFAR or (
        words[k].lower() in _CALLS and _DEVICE.search(before, max(0, len(before) - _BACK))
    ):
        return False  # "texts Danny", "picks up the radio and calls Danny"
    if not prep and _plural_noun(words, k):
        return False  # "right under the curtains Eddie hung in '71": the name opens a clause
    if _verb(words, k):
        return True
    low = words[k].lower()
    if (
        not prep
        and low.endswith("ing")
        and len(low) > 4
        and (words[k].islower() or k == 0)  # "Seeing Mariachi, he gets up"
        and low not in FUNCTION
        and low not in _ING_NOUNS
    ):
        return True  # "leaving Walt behind", "startling Two Socks", "She's watching Gus"
    if not prep or prep.split()[-1] not in _DATIVE:
        return False
    # "shows her vinyl to Pabst": a verb, its object (a few words), then "to" the name.
    for j in range(k - 1, max(-1, k - 6), -1):
        if _verb(words, j):
            return True
        if words[j].lower() not in _DETERMINERS and not words[j].islower():
            return False
    return False


def _done_before(before: str) -> bool:
    """Whether the verb that acts on the name is in the simple past ("went back with Tonyo",
    "gave it to Cole", "saw Cole"); the caller asks only of a script told in the present."""
    words = _WORD.findall(before[-80:])
    k = len(words) - 1
    for _ in range(2):
        if k >= 0 and words[k].lower() in _NEAR:
            k -= 1
    # The nearest verb, over an object before a dative ("gave the keys to Cole").
    for j in range(k, max(-1, k - 6), -1):
        low = words[j].lower()
        if low in SIMPLE_PAST:
            return True
        if not (adverb(low) or low in PARTICLES or low in _DETERMINERS or words[j].islower()):
            return False
        if finite(low, False) and not (j > 0 and words[j - 1].lower() in _DETERMINERS):
            return False
    return False


def _plural_noun(words: list[str], k: int) -> bool:
    """A plural noun after a determiner, right before the name ("the curtains Eddie hung"),
    which a verb's third person would otherwise be taken for ("eyes Charlie")."""
    low = words[k].lower()
    return (
        k > 0
        and words[k - 1].lower() in _DETERMINERS
        and len(low) > 3
        and low.endswith("s")
        and not low.endswith("ss")
        and low not in FUNCTION
    )


# What a sign or a page does to a name: "The nameplate still reads AUGUSTIN RENNER".
_LETTERING = word_set(
    """reads read says said spells spelled spelt bears lists names announces labelled labeled
    marked stamped engraved printed signed addressed"""
)


def _verb(words: list[str], k: int) -> bool:
    w = words[k]
    if w.lower() in _LETTERING:
        return False
    if w[:1].isupper() and not w.isupper() and k > 0:
        return False  # a capitalised word within a sentence is a name, not a verb
    if finite(w, False):
        return True
    if k < 1 or w.lower() in FUNCTION:
        return False
    if words[k - 1].lower() in _BEFORE_BASE:
        return True
    # A plural subject's verb has its base form: "Two DEPUTIES escort Tobias out", "Britta and
    # Abed follow Shirley", "They lift Cole", "the nurses wheel Matt in".
    return w.islower() and not adverb(w) and not w.endswith("ing") and _plural(words, k - 1)


# Not "we": in an action line it is the camera ("We see Cole", read as such above) or a line
# of dialogue set in brackets ("[-We want Flame!]", a transcript's crowd).
_PLURAL_WORDS = word_set("they both all two three four five six several others")


def _plural(words: list[str], j: int) -> bool:
    """Whether the word at ``j`` ends a plural subject: a plural pronoun or number, a list's
    last name (``Britta and Abed``), a plural in capitals (``DEPUTIES``) or a plural noun after
    a determiner (``the nurses``)."""
    w = words[j]
    low = w.lower()
    if low in _PLURAL_WORDS:
        return True
    if w[:1].isupper() and j >= 2 and words[j - 1].lower() == "and":
        return True
    if not (low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "us", "is", "'s"))):
        return False
    if w.isupper():
        return True
    return w.islower() and j >= 1 and words[j - 1].lower() in _DETERMINERS | _PLURAL_WORDS


_DATIVE = word_set("to toward towards at from across over with")
_DETERMINERS = word_set("the a an his her their its my your our this that some")


# A base form after these is a verb: "tries to hug Cole", "will find Cole".
_BEFORE_BASE = word_set("will would can could must should might may shall 'll let lets to")
_BODY_RE = rx.compile(rf"(?:{BODY})")
