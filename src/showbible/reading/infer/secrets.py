"""Secrets: information shared in confidence, and who was there to hear it.

Reads: a speech that marks itself as confidential -- "only us", "between you and me", "tell no
one", "don't tell anyone", "keep this to yourself", "nobody else knows", "you're the only one
I've told", "our secret", "not a word to", "for your ears only", "off the record", "promise you
won't breathe a word", "this doesn't leave this room", a whisper ((whispering), "lowers her
voice", "leans close"), or a scene that is private ("alone", "pulls Teo aside", "out of
earshot") -- and takes the information in that speech (its other sentences, or the rest of the
marked one) as the secret. Its tells are its distinctive words: runs of two to four words that
start and end with a content word ("floor stone", "three short flashes", "sewn into the sail"),
and single marked words (a proper name, a code word after "password is"). The engine keeps a
tell only when nobody said it before the confidence (``linking``). The hearers are the speaker,
the one spoken to and the one who answers when the scene is a private aside, else everyone
present.

Refuses: "only us" meaning nobody else is there ("it's only us tonight", "only us left"),
"only you" meaning nobody else could ("only you can fly this"), "no secrets between us",
a marker in a question ("can you keep a secret?", "tell no one what?"), a confidence with no
distinctive words in it ("don't tell anyone I cried"), promises to keep one ("I promise I won't
tell"), and flashbacks and dreams.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from showbible.quick import rx
from showbible.reading.facts import Inferred
from showbible.reading.infer.base import (
    HIGH,
    MEDIUM,
    Component,
    SceneView,
    Unit,
    holds,
    speech_holds,
    stem_bit,
)
from showbible.reading.infer.clauses import lead, sentences, wordset

_MARKER = rx.compile(
    r"\b(?:(?:^|[,.] *)only us\b(?!\s+(?:left|tonight|here|now|would|could|on|in|at|two))|"
    # "Just you and me know this"; not "it's just you and me, cowboy" (alone together)
    r"only you and (?:i|me)\b|just between us|just (?:you and me|us two) (?:know|knows|will know|"
    r"can know|must know)\b|(?:^|[.!;] *)between "
    r"(?:you and me|us|ourselves)(?! and the)|(?:this|it|that)(?: stays| is| remains|'s) between "
    r"(?:you and me|us|ourselves)|(?:^|\W)only you\W*$|and only you|"
    # "no one but you knows"; not "I won't work for nobody but you!" (a song's lover)
    r"(?:nobody|no ?one) but you (?:knows|can know|must know|will know|may know)|"
    r"(?:^|[.!?;] *)(?:nobody|no ?one) but you\s*(?:[.!?]|$)|"
    r"tell no ?one|don'?t tell (?:anyone|anybody|a soul|the others|them)|(?:you )?(?:can't|"
    r"mustn't|must not|cannot) tell (?:anyone|anybody|the others|a soul)|not a word to|"
    r"keep (?:this|it|that) (?:to yourself|quiet|secret|between us|under your hat|quiet)|"
    r"keep it under your hat|(?:nobody|no ?one) else (?:knows|can know|may know|must know)(?! how)|"
    r"(?:you're|you are) the only one (?:i've told|i have told|who knows|i trust)|"
    r"i've never told anyone|i have never told anyone|our (?:little )?secret\b|"
    r"(?:promise|swear) (?:to )?(?:me )?(?:you won't|you'll never|you will never|not to) "
    r"(?:tell|breathe a word|say a word|repeat (?:this|it))|"
    r"(?:this|it|that|what i tell you) (?:doesn't|does not|can't|cannot|mustn't|must not|won't|"
    r"will not|never) leaves? (?:this|the) (?:room|boat|house|cabin|car|ship|office)|"
    r"swear you'll keep it|for your ears only|off the record|mum's the word|"
    r"don'?t breathe a word|you never heard this|if anyone asks|a secret, then|"
    r"i'll tell you,? and only you|not your (?:mother|father|wife|husband), not anyone|"
    r"say it once|never speak of it|i trust you, so)",
    re.I,
)
_PRIVATE_ACTION = rx.compile(
    r"\b(?:(?<=, )alone|pulls \w+ aside|takes \w+ aside|draws \w+ aside|out of earshot|"
    r"lowers (?:his|her|their) voice|leans close|leans in|whispers|closes the door|"
    r"glances at the door)\b",
    re.I,
)
_ACTION_STEMS = ("alone", "aside", "earshot", "voice", "lean", "whisper", "door", "overhear",
                 "eavesdrop", "listen", "low", "quiet", "soft", "sotto")  # fmt: skip
_ACTION_BIT = stem_bit(_ACTION_STEMS)
_WHISPER = rx.compile(r"^\s*\(?\s*(?:whispering|whispers|low|quietly|sotto voce|softly|"
                      r"keep your voice down)\b",
                      re.I)  # fmt: skip
_REFUSED = rx.compile(
    r"\bno secrets\b|\bi (?:promise|swear) i won't tell\b|\bcan you keep a secret\b|"
    r"\bdon'?t tell me\b",
    re.I,
)
_OVERHEAR = rx.compile(
    r"\b(?:overhears?|overheard|eavesdrops?|listens at|listening|hides and listens|"
    r"presses (?:an ear|against)[^.]*listen)\b",
    re.I,
)
STOPWORDS = wordset(
    """a an the and or but if of to in on at by for with from into onto over under through
    is are was were be been being am 's 're 've 'd 'll it its it's this that these those there
    here i me my mine you your yours he him his she her hers we us our they them their what
    which who whom whose where when why how not no nor so than then too very just only also
    all any some each every both few more most other such own same can can't cannot could
    would should will won't shall may might must do does did don't doesn't didn't have has had
    get got go goes going know knows tell told say says said want wants need let make makes
    like think see look come comes take give keep keeps as up out down off about again once
    never ever always now today tonight yes yeah oh well okay ok please right thing things
    one nobody anyone anybody everyone someone else something nothing i'm you're he's she's
    we're they're that's what's i'll you'll we'll i'd you'd i've you've we've thank thanks
    telling tells sorry
    couldn't wouldn't shouldn't mustn't isn't aren't wasn't weren't hasn't haven't hadn't
    ain't mightn't needn't he'd she'd they'd we'd he'll she'll they'll it'll
    really probably actually maybe perhaps still even quite pretty totally definitely
    certainly literally honestly seriously basically already almost ever anyway anymore
    because although though unless since whether while until till whereas
    thou thee thy thine ye hath hast hadst doth dost didst art wilt shalt wouldst couldst
    shouldst canst mayst mightst 'tis 'twas ere nay yea aye hither thither whither hence thence
    wherefore o"""
)
# The second-person and verb forms of Early Modern English are as empty as their modern ones:
# "thou hadst" was a tell of a "secret conference" in A Larum for London that a soldier "knew".
# Modals, their negations, sentence adverbs and conjunctions are in the list above ("show up
# because" was a Big Bang Theory tell that Raj "knew" two seasons later): "couldn't hold",
# "really exist" and "probably shouldn't" were tells of real sitcom confidences that other
# characters, seasons later and in another show, "knew".
# "..., yeah?": a tag, not a question
_TAG = rx.compile(r",\s*(?:yeah|right|okay|ok|yes|eh|understood|got it|all right)\?\s*$", re.I)
# Words without which no marker can match: a quick test before the full one.
# Word sequences without which no marker can match: a quick test before the full pattern.
_TRIGGER = (
    "only us", "only you", "you and me", "you and i", "between us", "between you",
    "between ourselves", "tell no", "tell anyone", "tell anybody", "tell a soul", "tell the",
    "tell them", "not a word", "keep this", "keep it", "keep that", "else knows", "else can",
    "else may", "else must", "the only one", "never told", "secret", "won't tell", "never tell",
    "not to tell", "your ears", "the record", "mum's", "breathe a word", "never heard",
    "anyone asks", "not anyone", "say it once", "speak of it", "i trust you", "nobody but",
    "no one but", "you'll keep", "stays between", "under your hat", "say a word", "repeat this",
    "repeat it", "leave this", "leave the", "leaves this", "leaves the",
)  # fmt: skip
_SPEECH_BIT = stem_bit(_TRIGGER)
# Searched in every speech that holds a marker's words, or every sentence with a stem: led by a
# lookahead of their first letters (``clauses.lead``), the same matches found sooner.
_MARKER, _REFUSED, _PRIVATE_ACTION, _OVERHEAR = map(
    lead, (_MARKER, _REFUSED, _PRIVATE_ACTION, _OVERHEAR)
)
_TOKEN = rx.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_CODE = rx.compile(r"\b(?:password|code|codeword|code word|signal|word|name) is (\w[\w-]*)", re.I)


def tells_of(text: str, names: set[str]) -> tuple[str, ...]:
    """The distinctive phrases of a confided text (see the module's docstring)."""
    out: list[str] = []
    for _offset, sent in sentences(text):
        if _MARKER.search(sent) and len(_content(sent, names)) < 2:
            continue
        toks = [t.group(0) for t in _TOKEN.finditer(sent)]
        low = [t.lower().replace("’", "'") for t in toks]
        content = [w not in STOPWORDS and w not in names and not _MARKER.fullmatch(w)
                   for w in low]  # fmt: skip
        for i in range(len(toks)):
            if not content[i]:
                continue
            inner_stop = 0
            for j in range(i + 1, min(i + 4, len(toks))):
                if not content[j]:
                    inner_stop += 1
                    if inner_stop > 2:
                        break
                    continue
                phrase = " ".join(low[i : j + 1])
                if phrase not in out:
                    out.append(phrase)
        for i, t in enumerate(toks):
            if i and t[:1].isupper() and content[i] and low[i] not in out:
                out.append(low[i])  # a proper name inside the sentence
        for m in _CODE.finditer(sent):
            if m.group(1).lower() not in STOPWORDS and m.group(1).lower() not in out:
                out.append(m.group(1).lower())
    return tuple(out)


def _content(sent: str, names: set[str]) -> list[str]:
    return [w for w in (t.group(0).lower() for t in _TOKEN.finditer(_MARKER.sub(" ", sent)))
            if w not in STOPWORDS and w not in names]  # fmt: skip


class Secrets(Component):
    kind = "confides"
    # What an action line or a direction needs; a speech is read whole from its first sentence.
    stems = _ACTION_STEMS

    def pending(self, unit: Unit) -> bool:
        # A speech is read from its first sentence, and only when a confidence's words are in
        # it or the moment is private (``_speech``'s first test, here so that the other
        # speeches, most of them, cost no call).
        if not unit.first:
            return False
        return unit.said is None or self._private or bool(unit.said & _SPEECH_BIT)

    def __init__(self) -> None:
        self._private = False
        self._n = 0
        self._confided: list[tuple[Unit, bool, bool, str, tuple[str, ...]]] = []
        self._eavesdroppers: list[str] = []

    def read(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if unit.kind != "speech":
            if not holds(unit, _ACTION_BIT):
                return iter(())
            if _PRIVATE_ACTION.search(unit.text):
                self._private = True
            if _OVERHEAR.search(unit.text) and unit.ms:
                self._eavesdroppers.append(unit.ms[0].cid)
            if unit.kind == "direction" and _WHISPER.match(unit.text):
                self._private = True
            return iter(())
        return self._speech(unit, scene)

    def _speech(self, unit: Unit, scene: SceneView) -> Iterator[Inferred]:
        if not unit.first or unit.speech < 0:
            return  # read each speech once, from its first sentence
        speech = scene.facts.dialogue[unit.speech].text
        if not self._private and not speech_holds(unit, scene, _SPEECH_BIT):
            return
        if _REFUSED.search(speech):
            return
        whispered = _whispered_before(unit, scene)
        if not self._private and not whispered and not _MARKER.search(speech):
            return
        marked = [s for _o, s in sentences(speech) if _MARKER.search(s)]
        marked = [s for s in marked if not _TAG.sub("", s).rstrip(" \"'”’)").endswith("?")]
        whisper = bool(_WHISPER.match(speech)) or self._private
        if not marked and not _whispered_before(unit, scene) and not self._private:
            return
        names = _name_words(scene)
        confided = _around(speech, marked)
        tells = tells_of(_MARKER.sub(" ", confided), names)
        if not tells or unit.speaker is None:
            return
        # A whisper or a private moment alone is not yet a confidence: medium, listed but not
        # used, unless the words themselves mark it ("only us", "tell no one").
        aside = bool(marked)
        self._confided.append((unit, aside, whisper, confided, tells))
        self._private = False  # a private aside covers the speech that follows it
        yield from ()

    def close(self, scene: SceneView) -> Iterator[Inferred]:
        for unit, aside, whisper, confided, tells in self._confided:
            speaker = unit.speaker
            assert speaker is not None
            addressee = unit.focus.addressee
            if (aside or whisper) and addressee:
                # The one spoken to is a guess from who spoke before; whoever answers is spoken
                # to as surely ("MARA: Only us. ... TOBIAS: I can't swim, Mara."), and a hearer
                # left out would be reported for using what they heard.
                who = [speaker, addressee, *_answered_by(unit, scene), *self._eavesdroppers]
            else:
                # In the scene's order: a frozenset's changes from one process to the next
                # (string hashing), and so did the order of the secret's hearers.
                who = [speaker, *scene.facts.present, *([addressee] if addressee else []),
                       *self._eavesdroppers]  # fmt: skip
            self._n += 1
            yield Inferred("confides", str(self._n), unit.line, HIGH if aside else MEDIUM,
                           " ".join(confided.split()), None, "shared in confidence", tells,
                           tuple(dict.fromkeys(who)))  # fmt: skip


def _around(speech: str, marked: list[str]) -> str:
    """What is confided: the marked sentence and the one after it (or, when the marker ends the
    speech, the one before it); a whispered speech's first two sentences. A long speech is not
    one secret."""
    parts = [s for _o, s in sentences(speech)]
    if not marked:
        return " ".join(parts[:2])
    i = parts.index(marked[0]) if marked[0] in parts else 0
    lo, hi = (i - 1, i + 1) if i == len(parts) - 1 and i > 0 else (i, i + 2)
    return " ".join(parts[max(lo, 0) : hi])


def _answered_by(unit: Unit, scene: SceneView) -> list[str]:
    """Who speaks next after the speech (not the speaker again: a speech of several sentences
    is several units), if anyone before an action line: the one who answers it."""
    for later in scene.units[unit.index + 1 :]:
        if later.kind == "speech" and later.speaker is not None and later.speaker != unit.speaker:
            return [later.speaker]
        if later.kind == "action":
            return []  # the scene moved on before anyone answered
    return []


def _whispered_before(unit: Unit, scene: SceneView) -> bool:
    """A (whispering) direction right before the speech."""
    i = unit.index - 1
    return (
        i >= 0 and scene.units[i].kind == "direction" and bool(_WHISPER.match(scene.units[i].text))
    )


def _name_words(scene: SceneView) -> set[str]:
    """Words of the characters' names, which are never tells of a secret (once per scene)."""
    known: set[str] | None = scene.memo.get("name_words")
    if known is None:
        known = scene.memo["name_words"] = _scene_name_words(scene)
    return known


def _scene_name_words(scene: SceneView) -> set[str]:
    out: set[str] = set()
    for unit in scene.units:
        # The names' own spans (a sentence's mentions that are not pronouns), without
        # resolving every sentence's pronouns to get them.
        for _cid, start, end in unit.named:
            out.update(w.lower() for w in re.findall(r"[\w'’-]+", unit.text[start:end]))
    for speech in scene.facts.dialogue:
        out.update(w.lower() for w in speech.character.replace("-", " ").split())
    for cid in scene.present:
        out.update(w.lower() for w in cid.replace("-", " ").split())
    return out
