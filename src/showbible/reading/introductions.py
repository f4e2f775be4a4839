"""Characters a screenplay introduces in an action line who never speak in their series.

Screenplays write a character's name in capitals where they first appear ("COLE BRECK (40s)
watches from the pier."); one who never speaks has no cue, so without a bible nothing else
makes them a character, and what the scripts say of them (that they die, are locked up, are
there) is lost. An introduction counts when its capitals read as a proper name:

- a run of one to three words in capitals in an action line (not in quotes, not an element
  written all in capitals: a super, a sign, a shout), with no article, number, possessive or
  preposition before it ("the KESTREL MAID", "two SMUGGLERS", "to ROME") and no colon or number
  after it ("SUPER:", "COP #2");
- and the episode confirms it as a name: an age or description follows it ("JONAH ROOK (30s)",
  "MARA, 40s,"), or the name is written again in title case inside a sentence or as someone's
  ("closes Ezra's eyes", "Cole falls"): sound effects, emphasis and acronyms (SLAMS, NOT, FBI)
  are not written so.

``Cast.introduce`` then keeps a name only when it is no one's already (a bible alias, a cue of
the series or a first name of one: "CAPTAIN DREW" for the cue DREW), and no walk-on (a position,
group, kind or voice: "SMUGGLER", "OLD MAN"). Each is a provisional character of its own series
(never the same label cued or introduced in another series: that is a crossover, which needs
evidence, reading/crossing.py), with no cue, so no crossing, misspelling or knowledge rule reads
it as a speaker; it is found in action lines and dialogue like any name of its series.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from showbible.model import Kind, Scene
from showbible.quick import rx
from showbible.reading import lexicon
from showbible.reading.lexicon.given import is_given_name, is_surname
from showbible.reading.names import is_regnal
from showbible.reading.prose_words import CAPITALS, LETTERING


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A run of words in capitals, each of two letters or more (or an initial, "J."), apostrophes and
# hyphens inside (O'NEILL, MARY-KATE); a full stop ends the run unless the word is an abbreviated
# title that may lead it ("DR. PELL"; "Enter DOUGLAS. HOTSPUR follows" is two). Read whole up
# to six words, then judged: a name has at most three words after a title, and the tail of a
# longer run is no name of its own ("a signboard: NEW TIGER CLAW SCHOOL" made a SCHOOL).
# Capitals with their accents (prose_words.CAPITALS): a name in Spanish or Polish is one run,
# not its unaccented tail ("CORAZÓN DE CRISTAL" read as DE CRISTAL).
_UP = CAPITALS
_CAPS = rf"(?:[{_UP}][{_UP}'’\-]*[{_UP}]|[{_UP}]\.)"
_TITLE = r"(?:DR|MR|MRS|MS|ST|LT|SGT|CAPT|PROF|REV|FR|GEN|COL)\."
_RUN = rx.compile(
    r"(?<![\w'’\"“.])((?:" + _TITLE + r"[ ])?" + _CAPS + r"(?:[ ]" + _CAPS + r"){0,5})"
    r"(?![\w'’-])"
)
_QUOTED = rx.compile(r"“[^”]*”|\"[^\"]*\"|(?<!\w)'[^'\n]*?'(?!\w)")
# Words before a run that make it a kind, a thing, a place or several: "the", "two", "his", "to".
_NOT_AFTER = (
    _wordset(
        """a an the another some several few many his her their its our my your this that these
    those every each no any other both all one two three four five six seven eight nine ten
    eleven twelve of to in at on from into onto by for toward towards past near under over
    behind inside outside across through aboard reads read says marked labelled labeled
    sub station pub inn bar hotel club cafe restaurant
    street road avenue lane town village city planet moon hall house farm ranch codename
    called named"""
    )
    | lexicon.VESSELS
)
# Words no name is made of, and contractions (a name's apostrophe follows one letter: O'NEILL).
_FUNCTION = _wordset(
    """i me you he she it we they him her us them my mine our no not yes yeah oh ah hey and or
    but nor so if then than is are was were be been am do does did has have had will would can
    could shall should may might must what who why how when where this that these those there
    here its the an"""
)
# Words no name holds, though a run in capitals often does: the function words and adverbs of a
# shouted action ("SUIT BURSTS FROM THE WRECKAGE", "YANKED BACK IN", "EVERYTHING BURNS"), camera
# and cutting words ("CLOSE ON WARD", "CAMERA FINDS JAKOBY", "ECU WARD", "REVEALING GIBSON") and
# numbers ("SIX BLACK"). "OF", "DE" and the like stay: JOHN OF GAUNT.
_NOT_IN_NAME = lexicon.FUNCTION_WORDS | _wordset(
    """like off back up down out away along past toward towards hers close camera ecu cu angle
    pan tilt zoom insert pov revealing reveals reveal finds see wide tight push pull dolly track
    tracking cut cuts dissolve fade smash match intercut two three four five six seven eight
    nine ten dozen hundred"""
)
_CONTRACTION = rx.compile(r"\w{2,}['’](?:T|S|LL|RE|VE|D|M)$", re.I)
_AFTER_BAD = rx.compile(r"^\s*(?::|#|\d|['’][sS]\b)")
# Letters put on something: "TITAN MUSIC embossed on the flap", "KPPX painted on the van" -- a
# company's or a sign's words in capitals, no one coming on.
_LETTERING_AFTER = rx.compile(rf"^\s*(?:is\s+|are\s+)?(?:{LETTERING})\b")
# ... and the words after writing: "a sheet of copy paper on which somebody has written
# HINCHCLIFFE in thick black felt-tip" (the forty-eighth blind look's station placard)
_LETTERING_BEFORE = rx.compile(rf"(?i)\b(?:{LETTERING}|writes|wrote|spel(?:led|ls|t))\s*:?\s*$")
# A last word that makes a run a firm's, a band's or a building's name, not a person's.
_FIRM_WORDS = _wordset(
    """MUSIC RECORDS RECORDINGS INDUSTRIES INC CORP CORPORATION LTD LLC COMPANY CO BANK
    AIRLINES AIRWAYS MOTORS PICTURES STUDIOS PRODUCTIONS ENTERPRISES HOLDINGS GROUP PRESS
    LABS LABORATORIES SYSTEMS TECHNOLOGIES PHARMACEUTICALS INSURANCE ASSOCIATES"""
)
# (not a date or a time on a screen: "VOICEMAIL, 4 OCT, 11:52", the sixty-first blind look)
_AGE = rx.compile(
    r"^\s*(?:\(\s*(?:\d|early|mid|late|about|around|pre-?teen|teen|twent|thirt|fort|fift|sixt|"
    r"sevent|eight|nint|in (?:his|her|their))|,\s*(?:\d{1,2}s?\b(?![:.]\d|(?-i:\s+[A-Z]{3}))|"
    r"early|mid|late|a |an |"
    r"(?:twent|thirt|fort|fift|sixt|sevent|eight|nint)(?:y|ies)\b))",
    re.I,
)
_WORD = rx.compile(r"[A-Za-z][A-Za-z'’.-]*")
_MIN_LOWER_SHARE = 0.4  # an element mostly in capitals is a super, a sign or a shout
_TWO_CAPITALS = rx.compile(rf"[{_UP}][{_UP}]")
_LOWER = rx.compile(r"[a-z]")
_UPPER = rx.compile(rf"[{_UP}]")


def introductions(scenes: Sequence[Scene]) -> list[str]:
    """The names the episode's action lines introduce in capitals and confirm (see the module
    docstring), as written, in script order."""
    candidates: dict[str, bool] = {}  # run -> confirmed by an age or description
    action = Kind.ACTION
    for scene in scenes:
        for el in scene.elements:
            if el.kind is not action or _TWO_CAPITALS.search(el.text) is None:
                continue  # most elements: no action line in capitals
            lower = len(_LOWER.findall(el.text))
            if lower < _MIN_LOWER_SHARE * (lower + len(_UPPER.findall(el.text))):
                continue
            text = _QUOTED.sub(lambda m: " " * len(m.group(0)), el.text)
            runs = list(_RUN.finditer(text))
            for i, m in enumerate(runs):
                run = m.group(1)
                if _lettered(text, runs, i):
                    continue  # "ADEBAYO CARGO UK -- LAGOS / ACCRA", "MADAM YEMI (LONDON)"
                if len(run.split()) > (4 if "." in run.split()[0] else 3):
                    continue  # a sign's words or a shout, not a name
                before = _WORD.findall(text[max(0, m.start() - 40) : m.start()])
                if before and before[-1].lower() in _NOT_AFTER:
                    continue
                if _LETTERING_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                    continue  # a name written on something, not someone coming on
                if any(
                    w.lower() in _FUNCTION or w.lower() in _NOT_IN_NAME or _CONTRACTION.search(w)
                    for w in run.split()
                ):
                    continue  # "NO", "IT'S ALWAYS WEREWOLF", "CLOSE ON WARD": no names
                after = text[m.end() :]
                if _AFTER_BAD.match(after) or _LETTERING_AFTER.match(after):
                    continue
                if len(run.split()) > 1 and run.split()[-1] in _FIRM_WORDS:
                    continue  # "TITAN MUSIC", "HARLAN INDUSTRIES": a firm
                if _numbered_thing(run.split()):
                    continue  # "MASONRY NC II" on a certificate, "ACT III"
                aged = bool(_AGE.match(after))
                if not aged and _INSCRIPTION_AFTER.match(after):
                    continue  # "ARTHUR HEBBLETHWAITE, LANDLORD, 1919-1927 in copperplate"
                if not aged and _LETTERS_AFTER_COLON.search(text[: m.start()]):
                    continue  # "a sign in the window: KETTLE FALLS STRONG.": what it reads
                candidates[run] = candidates.get(run, False) or aged
    speakers = _speaker_words(scenes)
    if not candidates or not _introduces_in_capitals(scenes, speakers):
        return []
    said = (Kind.ACTION, Kind.DIALOGUE, Kind.LYRIC)
    joined = "\n".join(el.text for sc in scenes for el in sc.elements if el.kind in said)
    # The headings' places: "INT. CORMORANT - GALLEY" is a boat.
    places = {
        part.strip()
        for sc in scenes
        if sc.heading is not None
        for part in re.split(r"\s+-\s+|/|\.\s", sc.heading.text)
    }
    return [
        run
        for run, aged in candidates.items()
        if run not in places and (aged or _written_as_name(run, joined) or _speaks(run, speakers))
    ]


# Between two runs of one sign's or label's lettering: a dash, a slash, an ampersand, a bracket,
# a full stop ("ADEBAYO SHIPPING & LOGISTICS", "LAGOS / ACCRA / DOUALA", "MADAM YEMI (LONDON)",
# barrels "marked in pen. LAGOS. ACCRA. IBADAN."); never a comma or "and", which list the people
# a line brings on ("JONAH, MARA and TESS enter").
_LETTERING_GAP = rx.compile(r"[\s&/|+.()\-–—]{1,6}")
# After a run, more capitals and then a year or a number before any word in lower case: an
# inscription under a photograph, on a stone, a plaque ("ARTHUR HEBBLETHWAITE, LANDLORD,
# 1919-1927"); an age is read before this ("MARA, 40s,").
# (a separator before each word, no full stop inside one: read in one pass, never backtracking
# over how a long run of capitals splits into words)
_INSCRIPTION_AFTER = rx.compile(r"^(?:[\s,.]+[A-Z][A-Z'’\-]*)*[\s,.]+\d")
# After a colon, nothing in lower case up to the run: the run is what something reads ("a faded
# sign: ADEBAYO CARGO UK -- LAGOS")
_LETTERS_AFTER_COLON = rx.compile(r":[^a-z:]*$")


def _lettered(text: str, runs: list[re.Match[str]], i: int) -> bool:
    """Whether run ``i`` of an action line stands beside another run with only a sign's
    punctuation between them: one lettering, no one coming on."""
    gaps = []
    if i > 0:
        gaps.append(text[runs[i - 1].end() : runs[i].start()])
    if i + 1 < len(runs):
        gaps.append(text[runs[i].end() : runs[i + 1].start()])
    return any(gap.strip() and _LETTERING_GAP.fullmatch(gap) for gap in gaps)


def _speaker_words(scenes: Sequence[Scene]) -> set[str]:
    """The words of the episode's speaker cues (DREW of ``DREW (V.O.)``)."""
    # Each cue as written once: an episode repeats a few dozen cues thousands of times.
    cues = dict.fromkeys(
        el.text for sc in scenes for el in sc.elements if el.kind is Kind.CHARACTER
    )
    return {
        w for cue in cues for w in _WORD.findall(cue.split("(")[0]) if len(w) > 2 and w.isupper()
    }


def _introduces_in_capitals(scenes: Sequence[Scene], words: set[str]) -> bool:
    """Whether the script writes names in capitals only to introduce them: its speakers'
    names are written in capitals in its action lines at most about three times as often as in
    title case. A play writes every entrance in capitals ("Enter HOTSPUR"), 176 times to 18 in
    1 Henry IV (8 to 1 or more in all nine histories), so its capitals introduce no one; a
    screenplay introduces each speaker once, and an episode that introduces five and names them
    again only twice (5 to 2) still does."""
    # Counted over the words of all the action lines at once, without a Python step per word
    # (2% of a cold build of 500 synthetic episodes): no word crosses the newline that joins
    # two lines, and a word (led by a letter) is in capitals exactly when it is its own
    # upper case, so those in capitals are the words found in ``words`` as written.
    found = _WORD.findall("\n".join(el.text for sc in scenes for el in sc.elements
                                     if el.kind is Kind.ACTION))  # fmt: skip
    named = sum(map(words.__contains__, map(str.upper, found)))
    caps = sum(map(words.__contains__, found))
    return caps <= 3 * (named - caps + 1)


def _speaks(run: str, speakers: set[str]) -> bool:
    """Whether a name word of the run speaks in the episode ("CAPTAIN DREW watches", then DREW
    speaks): the capitals introduce a speaker, who is a name whatever else the episode says."""
    return any(
        w in speakers and w not in lexicon.position_words() for w in run.replace(".", " ").split()
    )


def _numbered_thing(words: list[str]) -> bool:
    """Whether a run ends in a number of two or more roman numerals after a word no listed first
    name or surname is: a grade, an act, a phase ("MASONRY NC II" on a certificate, the
    sixty-fourth blind look's Manila; "ACT III", "PHASE II"), not a regnal or family number
    ("HENRY IV", "JOHNSON III"). Many nouns are someone's surname ("GRADE II", "PART II" pass):
    the lists keep every name, not every thing out."""
    if len(words) < 2 or len(words[-1]) < 2 or not is_regnal(words[-1]):
        return False
    before = words[-2].rstrip(".")
    return not (is_given_name(before) or is_surname(before) or before in lexicon.position_words())


def _written_as_name(run: str, text: str) -> bool:
    """Whether a word of the run is written in title case inside a sentence (after a lower-case
    word or a comma) or as someone's ("Ezra's"): how names are written and shouts are not."""
    for word in run.replace(".", " ").split():
        if len(word) < 2 or word in lexicon.position_words():
            continue  # "Captain" in "Below him, Captain Drew floats" confirms no name
        title = re.escape(word[0] + word[1:].lower())
        # A common word (NO, STOP, and COLE or JACK too) after a comma may be an interjection
        # ("Finn, No!"): only after a lower-case word, or as someone's, is it a name.
        lead = "[a-z]" if lexicon.is_common(word) else "[a-z,;]"
        if re.search(rf"(?:{lead}\s+{title}|\b{title}['’]s)(?![\w'’-])", text):
            return True
    return False
