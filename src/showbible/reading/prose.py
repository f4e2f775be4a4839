"""Presence from prose: does a sentence of an action line or stage direction have a named
character *there*, or does it only refer to them?

One decision per name mention, given the sentence and where the names stand in it (the
NameMatcher finds them; this module never decides who a name is). A mention is presence unless
the sentence makes it a reference of one of these classes (DESIGN §3, "Presence from prose"):

- ``possessive``: ``Cole's badge``, ``HASTINGS' head``, ``the children of CLARENCE`` (an ``of``
  genitive whose head is not a title the person holds: ``the Earl of WARWICK`` is Warwick);
  a body part that does something is the person (``Mara's eyes snap open``);
- ``depiction``: photos, footage, film, images, screens, recordings, documents and voices on a
  recorder or phone (``images stutter across the wall: Tobias arguing with Cole``);
- ``remains``: body, corpse, grave, ashes, coffin, funeral (``Cole's body bag``, ``the body of X``);
- ``place``: places named after someone (``where Cole died``, ``Tobias's office``, ``Cole Road``);
- ``absence``: negation and absence (``no sign of Mara``, ``Cole is gone``, ``waits for Cole``);
- ``thought``: thoughts and speech about someone (``remembers Cole``, ``talks about Cole``,
  ``says Cole is late``).

Names joined by ``and`` or commas share the reading their list gets from what stands before it
(``the Ghosts of RIVERS, GRAY, and VAUGHAN``) and from a predicate after it (``Cole and Tobias
are gone``). The rules read words, not a parse: they are cheap enough to run on every name of a
5,000-episode universe.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from showbible.quick import rx
from showbible.reading.prose_named import NAMED_RULES, WHERE_PAST, named_for
from showbible.reading.prose_owned import after_gerund, carried_off, doing, worn_and_touched
from showbible.reading.prose_shown import (
    DEPICTED_AFTER,
    DEPICTION,
    DEPICTION_RE,
    DISPLAYED,
    ON_A_PLATE,
    ON_A_SCREEN,
    PICTURE_MADE,
    PLATE_PREFIX,
    SHOWN_ANY,
    SHOWN_RE,
    WRITTEN_RE,
    continues_a_picture,
    depicted_before,
    lettered_on,
    one_of_the_pictures,
)
from showbible.reading.prose_tended import tended
from showbible.reading.prose_unreal import reported, supposed
from showbible.reading.prose_words import (
    ABSENCE_NOUN,
    ADJECTIVES,
    BODY,
    DEVICE,
    OTHER_PERSON_OF,
    PLACE,
    REMAINS,
    THOUGHT_NOUN,
    closes_noun_phrase,
    word_set,
)

PRESENT = "present"
CLASSES = ("possessive", "depiction", "remains", "place", "absence", "thought")


@dataclass(frozen=True, slots=True)
class Reading:
    """What a sentence makes of one name in it: ``present``, or the class of reference."""

    why: str

    @property
    def present(self) -> bool:
        return self.why == PRESENT


_PRESENT = Reading(PRESENT)
_READINGS = {c: Reading(c) for c in CLASSES}
REMAINS_READING = _READINGS["remains"]  # what a scene makes of a laid-out body's parts too


# A name followed by one of these is a place's name: "Cole Road", "the Tobias house".
_PLACE_NAME = rx.compile(
    r"^\s+(?:road|street|avenue|boulevard|bridge|manor|memorial|building|tower|estate|farm|"
    r"ranch|school|academy|station|harbour|harbor|pier|wharf|creek|stadium|hospital|library|"
    r"center|centre|room|hall|wing|suite|lounge|auditorium|theatre|theater|park|square|plaza)\b"
)
# A name between an article and a kin word is a family's ("a Loveless uncle").
_KIN_AFTER = rx.compile(
    r"^\s+(?:uncle|aunt|cousin|nephew|niece|brother|sister|son|daughter|grandson|"
    r"granddaughter|relative|ancestor|descendant|in-law)s?\b"
)
_ARTICLE_BEFORE = rx.compile(r"\b(?:a|an|another|some|one)\s+$")
# An "of" genitive is the person when its head is a title they hold or a place beside them.
_SAME_PERSON_OF = rx.compile(
    r"\b(?:dukes?|earls?|marquess|marquis|counts?|viscounts?|barons?|thanes?|lords?|"
    r"princes?|kings?|regent|front|ahead|top|side|sight|presence|company|arms|view|midst|"
    r"reach|hearing|all|both|each|either|one|two|three|rest|"
    # a camera on someone ("a wider shot of John") and idioms of someone there ("make fun of
    # Walter", "grabs hold of Cole")
    r"shot|close-?up|angle|fun|hold|ahold|grip)\s+of\s+(?:the\s+)?$"
)
_OF = rx.compile(r"\b([\w’'-]+)\s+of\s+(?:(the|a|an|his|her|their)\s+)?(?:(\w+)\s+)?$")
# Words right before a name that deny or miss the person: "no Cole", "without Tobias".
_ABSENCE_BEFORE = rx.compile(
    r"(?:\bno|\bnot|\bwithout|\bneither|\bnor|\bexcept|\bminus|\bsans|\bbut\s+for|"
    r"\bsave\s+for|\babsent|\bmissing|\bwithout\s+even|\bno\s+longer|\bnot\s+even)"
    r"\s+(?:for\s+|the\s+|any\s+|a\s+)?$"
)
_NOR_NAME = rx.compile(r"^\s*,?\s+(?:nor|or)\s+[\w’'-]+")
_NAME_WORD = rx.compile(r"^\s+[\w’'-]+")


def _past_the_list(after: str) -> list[str]:
    """What may follow "neither X nor Y" after the list's names of one or two words."""
    out = [after]
    nor = _NOR_NAME.match(after)
    if nor is not None:
        rest = after[nor.end() :]
        out.append(rest)
        word = _NAME_WORD.match(rest)
        if word is not None:
            out.append(rest[word.end() :])
    return out


_BEING_THERE = rx.compile(
    r"^\s*,?\s+(?:(?:is|are|was|were|has|have|had|will\s+be|can\s+be|could\s+be)\s+)?"
    r"(?:been\s+)?(?:(?:anywhere|here|there|around|home|back|present|in\s+sight|seen|found|"
    r"to\s+be\s+(?:seen|found))\b|(?:comes?|came|arrive[sd]?|show(?:s|ed)?\s+up|appear(?:s|ed)?|"
    r"return(?:s|ed)?|turn(?:s|ed)?\s+up|make\s+it|made\s+it)\b)"
)
_EXCEPT_BEFORE = rx.compile(r"\b(?:but|except|save)\s+(?:the\s+)?$")
# Looking, waiting or asking for someone who is not there.
_FOR_BEFORE = rx.compile(
    r"\b(?:wait|look|search|hunt|ask|call|scan|listen|long|yearn|pine|grieve|weep|cry|mourn|"
    r"pray|send|sent|miss)\w*\s+(?:[\w']+\s+){0,3}?for\s+(?:the\s+)?$"
)
# "isn't here", "didn't come": absence only for verbs of being there or coming.
_NEGATED_BEING = rx.compile(
    r"^(?:\s*,)?\s+(?:isn't|wasn't|aren't|weren't|is\s+not|was\s+not|are\s+not|were\s+not|"
    r"hasn't|hadn't|has\s+not|had\s+not|doesn't|didn't|does\s+not|did\s+not|never|won't|will\s+not)"
    r"\s+(?:yet\s+|even\s+|ever\s+|been\s+)?(?:here|there|around|home|back|present|in|among|"
    r"with|come|came|arrive|arrived|show|showed|shown|appear|appeared|return|returned|turn\s+up|"
    r"turned\s+up|make\s+it|made\s+it|coming|arriving)\b"
)
_GONE = rx.compile(
    r"^(?:\s*,)?(?:'s|’s|\s+(?:is|was|are|were|has|had|have))?(?:\s+been)?\s+"
    r"(?:(?:long|already|still|now|clearly|simply)\s+)?"
    r"(?:gone|missing|absent|nowhere\b|vanished|disappeared|elsewhere|away\s+at|away\s+in|"
    r"out\s+of\s+town|not\s+here|not\s+there|not\s+among)\b|"
    r"^(?:\s+has|\s+had|'s|’s)\s+(?:already\s+|long\s+since\s+|just\s+)?(?:left|gone)\b"
)
_DEAD_AFTER = rx.compile(
    r"^(?:\s*,)?\s+(?:(?:is|was|are|were|lies|lie|lay|lying|sprawls|sprawled|hangs|hung|"
    r"floats|floated|slumps|slumped|rests|rested|remains|remained)\s+)?(?:\w+ly\s+)?"
    r"(?:dead(?!\s+(?:centre|center|ahead|still|silent|quiet|tired|serious|set|straight|"
    r"wrong|right|last|even|asleep|drunk|calm|level|certain|sure|broke|beat|eyes|eyed)\b)|"
    r"lifeless|deceased|a\s+corpse|in\s+(?:his|her|the|their)\s+(?:coffin|grave|casket))\b"
)
_DEAD_BEFORE = rx.compile(
    r"\b(?:the\s+)?(?:late|dead|deceased|murdered|slain|drowned|lifeless|bury|buries|buried|"
    r"burying|cremate|cremated|exhume|exhumed|entomb|entombed)\s+$"
    # "carrying between them what was Jacob Alderson", "what is left of Cole": the remains
    r"|\bwhat\s+(?:was|had\s+been|once\s+was|(?:is|was)\s+left\s+of|remains\s+of|remained\s+of)\s+$"
)
# A body under a sheet: "a sheet over Tobias", "the tarp covering Cole".
_COVERED = rx.compile(r"\b(?:sheet|tarp|shroud|blanket|body\s+bag)\s+(?:over|covers|covering)\s+$")
# "where Cole died", "the spot where Tobias fell": a place named by what happened to someone.
_WHERE = rx.compile(r"\bwhere\s+$")
# A place's "where" clause goes on to another name: "where Karnik bowled ... and Dattu Pawar".
_WHERE_AND = rx.compile(r"\bwhere\s+[^,;.:!?]{1,80}?\s+and\s+$")
# Verbs whose object is a person thought of, spoken of or remembered, not met.
_THOUGHT_VERB = rx.compile(
    r"\b(?:remember|recall|miss|mourn|imagine|picture|envision|envisage|mention|invoke|"
    r"fantasi[sz]e|daydream|recollect|grieve|reminisce|evoke|summon\s+up|think|dream|talk|speak|"
    r"gossip|write|wrote|written|sing|sang|sung|joke|complain|brag|boast|muse|obsess|worry|"
    r"wonder|hear|heard|read|learn|know|knew|care|forget|forgot|forgotten|ask|tell|told|"
    r"pray|lie|lied|lying|warn|curse)\w*\s+(?:\w+ly\s+)?(?:\w+\s+)?"
    r"(?:of|about|on|after|over|regarding|concerning)\s+(?:the\s+)?$|"
    r"\b(?:remembers?|remembered|remembering|recalls?|recalled|recalling|miss(?:es)?|missed|"
    r"missing|mourns?|mourned|mourning|imagines?|imagined|imagining|pictures|pictured|"
    r"picturing|envisions?|envisioned|mentions?|mentioned|mentioning|invokes?|invoked|"
    r"names|named|naming|recollects?|eulogi[sz]es?|eulogi[sz]ed|conjures?|conjured|"
    r"dreams?|dreamt|dreamed|reminisces?)\s+(?:\w+ly\s+)?(?:the\s+)?$|"
    r"\b(?:about|regarding|concerning)\s+$|"
    r"\b(?:writes|wrote|scrawls|scrawled|carves|carved|spells|spelled|types|typed|prints|"
    r"printed|etches|etched|scratches|scratched)\s+(?:the\s+name\s+)?$"
)
# Going elsewhere to find someone: "Mike gets up to go see Louis" (Louis is where Mike goes).
_GOING_TO = rx.compile(
    r"\b(?:go|goes|went|going|head(?:s|ed|ing)?|run(?:s|ning)?|ran|hurr(?:y|ies|ied)|"
    r"rush(?:es|ed)?|set(?:s)?\s+off)\s+(?:off\s+|out\s+|back\s+)?(?:to\s+)?"
    r"(?:see|find|fetch|visit|meet|warn|look\s+for|get)\s+$"
)
# Hearing someone through a device: "listening to Kramer on the radio" (but "Gina on the phone
# with Marcus" is Gina there, talking).
_LISTENING = rx.compile(r"\b(?:listen(?:s|ed|ing)?\s+to|hears?|heard|hearing)\s+$")
_ON_DEVICE = rx.compile(
    rf"^\s+(?:on|over|through|from)\s+(?:the|a|an|his|her|their|its)?\s*(?:\w+\s+)?"
    rf"(?:{DEVICE}|{SHOWN_ANY})\b"
)
# A name written up: "a sign that says Dogneetus", "a plaque reading Cole".
_SIGN_SAYS = rx.compile(
    r"\b(?:sign|signs|banner|plaque|label|placard|marquee|billboard|headstone|door|screen)\s+"
    r"(?:that\s+(?:says|reads|said|read)|reading|saying|labell?ed|marked|with\s+the\s+name)"
    r"\s+(?:[\"“']\s*)?$"
    # any thing's lettering: "a tower of boxes labeled KEITH" (the eighteenth blind look),
    # "a crate stencilled COLE", "a mug monogrammed Mara"
    r"|\b[a-z]{3,}\s+(?:labell?ed|stencil+ed|stamped|tagged|monogrammed)\s+(?:[\"“']\s*)?$"
)
# Words said of someone: "his reference to Bristow", "a tribute to Cole" (a toast is often
# raised to someone at the table).
_REFERENCE_TO = rx.compile(
    r"\b(?:reference|references|allusion|allusions|tribute|tributes|ode|odes|"
    r"homage|eulogy|eulogies|dedication|prayer|prayers)\s+to\s+(?:the\s+)?$"
)
# A name written by someone: "has chalked FOR FRANK under it", "writes COLE on the glass",
# "someone has sprayed JUNO LIVES in hot pink" (the twelfth blind look's graffiti).
_WRITES = rx.compile(
    r"\b(?:writ(?:es|ten|ing)|wrote|chalk(?:s|ed|ing)?|scrawl(?:s|ed|ing)?|"
    r"engrav(?:es|ed|ing)|inscrib(?:es|ed|ing)|spray-paint(?:s|ed|ing)?|spray(?:s|ed|ing)|"
    r"daub(?:s|ed|ing)|stencil(?:s|l?ed|l?ing)|graffitie?[sd]?)\s+(?:(?:for|to)\s+)?$"
)
# Reaching someone through a device: "dials Cole", "radios Danny".
_DEVICE_VERB = rx.compile(
    r"\b(?:dials|dialed|dialled|dialing|phones|phoned|texts|texted|emails|emailed|messages|"
    r"messaged|radios|radioed|pages|paged|skypes|facetimes|rings|rang)\s+$"
)
_COMPARISON = rx.compile(r"\b(?:like|unlike|than|resembl\w*|as\s+if|as\s+though)\s+(?:a\s+)?$")
# Verbs taking a clause: the name after them is who the clause is about.
_SAY_VERB = rx.compile(
    r"\b(?:says?|said|saying|tells?|told|telling|whispers?|whispered|explains?|explained|"
    r"claims?|claimed|insists?|insisted|admits?|admitted|reali[sz]es?|reali[sz]ed|knows?|knew|"
    r"believes?|believed|suspects?|suspected|announces?|announced|reports?|reported|learns?|"
    r"learned|learnt|hears?|heard|reveals?|revealed|swears?|swore|confess(?:es)?|confessed|"
    r"guess(?:es)?|guessed|wonders?|wondered|fears?|feared|hopes?|hoped|doubts?|doubted|"
    r"thinks?|thought|assumes?|assumed|figures?|figured|writes?|wrote|reads?|promises?|"
    r"promised|lies|lied|argues?|argued|shouts?|shouted|yells?|yelled|mutters?|muttered|"
    r"adds?|added|agrees?|agreed|decides?|decided|notes?|noted|repeats?|repeated|asks?|asked)"
    r"\b(?P<rest>[^.;:]*?)$"
)
_CLAUSE_WORD = rx.compile(
    r"(?:^|\s)(?:that|if|whether|where|why|how|what|when|who|whom|whose)\s+(?:\w+\s+){0,2}$"
)
_FINITE_AFTER = rx.compile(
    r"^(?:'s|’s)?\s+(?:is|was|are|were|has|had|have|will|would|could|can|should|must|might|"
    r"may|never|isn't|wasn't|won't|wouldn't|didn't|doesn't|hasn't|hadn't|can't|couldn't|"
    r"shouldn't|did|does|used|always|still|already)\b"
)
# "Kai's already gone", "Cole's in the kitchen": 's as "is" or "has", not a possessive.
_ING_NOUNS = (
    r"(?:hand)?writing|wedding|building|painting|drawing|clothing|earring|recording|king|thing|"
    r"evening|morning|feeling|meeting|ceiling|bedding|stocking|pudding|lodging|belonging|"
    r"sibling|darling|offspring|wing|string|spring|sling|swing|ring|landing|awning|opening|"
    r"warning|setting|standing|seating|railing|footing|saying"
)
_CONTRACTION = rx.compile(
    r"^(?:'s|’s)\s+(?:gone|here|there|not|dead|alive|back|home|already|been|got|going|coming|"
    r"just|still|never|always|a|an|in|on|at|out|up|down|off|fine|right|wrong|late|too|so|all|"
    r"clearly|visibly|obviously|really|also|now|barely|almost|suddenly|definitely|"
    rf"no|nowhere|missing|asleep|awake|with|about|over|left|had|(?!(?:{_ING_NOUNS})s?\b)\w+ing)\b"
)
# "Stephanie's quiet for a beat" is "Stephanie is quiet"; "Mara's quiet house" is a possessive,
# so the adjective must end its phrase.
_IS_ADJECTIVE = rx.compile(
    r"^(?:'s|’s)\s+(?:quiet|silent|sure|ready|okay|ok|happy|sad|angry|mad|scared|afraid|upset|"
    r"furious|stunned|shocked|confused|nervous|tired|drunk|alone|busy|hurt|sick|done|speechless|"
    r"frozen|stuck|lost|calm|livid|thrilled|excited|impressed|embarrassed|uncomfortable|"
    r"unconscious|awake|asleep|safe|free|late|early|naked|soaked|exhausted|terrified)"
    r"(?=\s*(?:[.,;:!?—)]|--|\s-\s|$)|\s+(?:for|to|with|about|at|in|on|and|but|as|that|now|"
    r"again|too|enough|by|from)\b)"
)
_POSSESSIVE = rx.compile(r"^(?:'s|’s|'|’)(?=\W|$)")
_GOVERNED = rx.compile(r"\b(?:in|into|inside|from|of|onto|to|with|by|for)\s+(?:the\s+|an?\s+)?$")
_AFTER_WORDS = rx.compile(r"[\w’'-]+")
_CONNECTOR = rx.compile(r"^\s*(?:,\s*|,?\s*(?:and|or|nor|&)\s+|,?\s*and\s+then\s+)(?:the\s+)?$")
# A clause ends at these; what stands before a name is read from the clause's start.
_CLAUSE_BREAK = rx.compile(
    r";|\.\s|!|\?|\s(?:as|while|when|whilst|until|till|before|after|then|but|because|though|"
    r"although|meanwhile|whereupon|once)\s|,\s+and\s+(?=\w+\s+(?:\w+s|\w+ed)\b)"
)


def read_mentions(
    sentence: str,
    spans: Sequence[tuple[int, int]],
    *,
    direction: bool = False,
    context: str = "",
) -> list[Reading]:
    """One reading per name (``spans``: start and end of each name in ``sentence``, in order).

    ``direction``: the sentence is a stage direction of entrances and exits (``Enter``,
    ``Exeunt all but EXETER``), where ``but`` and ``except`` keep someone on stage.
    ``context``: the paragraph the sentence stands in (``The tape plays. COLE'S VOICE: ...``)."""
    low = sentence.lower()
    if not _may_refer(low) and not any(low[max(0, s - 4) : s] == "the " for s, _e in spans):
        return [_PRESENT] * len(spans)
    context = context.lower() if context else low
    own: list[Reading | None] = []  # from the name's own words, or None
    before_reading: list[Reading | None] = []  # from what precedes it in its clause
    after_reading: list[Reading | None] = []  # from a predicate after it (shared by its list)
    linked: list[bool] = []  # joined to the previous name by "and" or a comma only
    for i, (start, end) in enumerate(spans):
        after = low[end:]
        own.append(_own(low, sentence, start, end, after, context))
        clause_start = _clause_start(low, start)
        before = low[clause_start:start]
        previous_end = spans[i - 1][1] if i else -1
        linked.append(
            i > 0
            and previous_end >= clause_start
            and bool(_CONNECTOR.match(low[previous_end:start]))
        )
        before_reading.append(_before(low, sentence, before, clause_start, start, after, direction))
        after_reading.append(_after(after))
    out: list[Reading] = []
    n = len(spans)
    for i in range(n):
        reading = own[i]
        if reading is None:
            # A list shares the reading before its first name and the predicate after its last.
            first = i
            while first > 0 and linked[first]:
                first -= 1
            last = i
            while last + 1 < n and linked[last + 1]:
                last += 1
            reading = before_reading[i]
            if reading is None and first != i and own[first] is None:
                reading = before_reading[first]
            if reading is None and (own[last] is None or last == i):
                reading = after_reading[last]
        out.append(reading or _PRESENT)
    # A name again later in a sentence that has made it a tale, a picture or remains keeps
    # that reading: "the Kid tells how Old Amos swam the Platte ... and how the bull drowned
    # and Old Amos didn't" (the eighth blind look).
    said = [low[s:e] for s, e in spans]
    for i in range(1, n):
        if out[i].present:
            j = next((j for j in range(i) if said[j] == said[i] and not out[j].present), None)
            if j is not None and out[j].why in ("thought", "depiction", "remains"):
                out[i] = out[j]
    return out


def _clause_start(low: str, start: int) -> int:
    begin = 0
    for m in _CLAUSE_BREAK.finditer(low, 0, start):
        begin = m.end()
    return begin


def _own(low: str, original: str, start: int, end: int, after: str, context: str) -> Reading | None:
    """Readings that hang on the name itself: its possessive, a place named for it."""
    # After a preposition "'s" owns ("locked in the Arbiter's safe"): no "is" follows one.
    governed = _GOVERNED.search(low, max(0, start - 24), start) is not None
    contracted = _CONTRACTION.match(after)
    if governed and contracted is not None and not contracted.group(0).endswith("ing"):
        contracted = None  # (an -ing word is read below either way: "in Mara's shaking hand")
    if contracted is not None and contracted.group(0).endswith("ing"):
        # "Jonah's curling staff photo" is his photo; "Cole's eating lunch" is Cole, eating:
        # what the -ing word comes before decides (prose_owned.after_gerund).
        tail = after[contracted.end() :]
        kind = after_gerund(contracted.group(0).split()[-1], tail)
        if kind != "doing":
            owned = _possessive_head(
                low[:end], low[max(0, start - 60) : start], "'s" + tail, context
            )
            if kind == "thing" or owned.why in ("depiction", "remains", "place"):
                return owned
    if _POSSESSIVE.match(after) and not contracted and (governed or not _IS_ADJECTIVE.match(after)):
        # "HASTINGS' head" is a possessive; "'Cole'" in quotes is not, and is read elsewhere.
        if after[:1] in ("'", "’") and after[:2] not in ("'s", "’s") and low[end - 1] != "s":
            return None
        if _WHERE.search(low, max(0, start - 8), start) and WHERE_PAST.match(after):
            return _READINGS["place"]  # "the door where Baraka's face was going to be"
        return _possessive_head(low[:end], low[max(0, start - 60) : start], after, context)
    if _PLACE_NAME.match(after) and original[end : end + 2].strip()[:1].isupper():
        return _READINGS["place"]
    if _KIN_AFTER.match(after) and _ARTICLE_BEFORE.search(low, 0, start):
        return _READINGS["possessive"]  # "A Loveless uncle is standing": a Loveless, not him
    why = named_for(low, original, start, end)
    return _READINGS[why] if why is not None else None


# "Tobias has Cole's eyes", "ECHO, with Brannock's face and Brannock's shoulders", "she's
# wearing Juno's face tonight": a likeness.
_LIKENESS = rx.compile(
    r"\b(?:has|have|had|with|wears?|wearing|wore|worn)\s+(?:[\w'’]+\s+){0,3}?(?:(?:and|,)\s+)?$"
)
# A hand described as handwriting is: "Obed's hand, cramped and sea-stained" (the thirty-fourth
# blind look's letter from the Pacific).
_HANDWRITING = rx.compile(
    r"^['’]s?\s+hand\b[^.;!?]{0,30}?\b(?:cramped|sprawling|neat|spidery|shaky|careful|looping|"
    r"crabbed|elegant|unsteady|wavering|copperplate|scrawl\w*|illegible|legible|tidy|untidy)\b"
)
_ONE_OF_THEM = rx.compile(r"\b(?:one|it|this|that|each|which|they|all)\b")
_WRITING = rx.compile(
    r"\b(?:note|notes|letter|letters|writ\w*|scrawl\w*|signed|signature|ink|margin)\b"
)


# ... or the screen named elsewhere in the paragraph: "On the substation's public screen, the
# memorial feed has come back ... Juno's face comes up, grinning, upside down."
# A face that comes off is a mask someone wore: "Halden's face slides away like wax off a
# candle" (the fourteenth blind look's shapeshifter).
_MASK_OFF = rx.compile(
    r"^['’]s?\s+(?:[\w-]+\s+)?face\s+(?:\w+ly\s+)?(?:slides|slips|peels|melts|ripples|"
    r"drips|sloughs|dissolves|blurs|flows|runs|falls\s+away|comes\s+off|comes\s+away)\b"
)
_DISPLAYED_NOW = rx.compile(rf"^['’]s?\s+(?:[\w-]+\s+){{0,2}}?{DISPLAYED}")


def _possessive_head(low: str, before: str, after: str, context: str) -> Reading:
    """What ``X's ...`` makes of X, by the noun it owns (``low``: the sentence up to the name)."""
    words = _AFTER_WORDS.findall(after[2:] if after[:2] in ("'s", "’s") else after[1:], 0, 60)
    head = words[:4]
    if worn_and_touched(words, before) or carried_off(words) or doing(head):
        return _PRESENT
    remains, depiction, place, body = _REMAINS_W, _DEPICTION_W, _PLACE_W, _BODY_W
    for k, w in enumerate(head):
        if w == "body" and k + 1 < len(head) and head[k + 1] in ("bag", "bags"):
            return _READINGS["remains"]
        if w == "voice" or w == "voices":
            if DEPICTION_RE.search(context) or "recorded" in context:
                return _READINGS["depiction"]
            return _READINGS["possessive"]
        if w in ("absence", "disappearance"):
            return _READINGS["absence"]
        if w in ("ghost", "spirit", "shade"):
            return _READINGS["remains"]
        if (
            w == "hand"
            and re.search(r"\bin\s+(?:the\s+)?$", before)
            and (
                _WRITING.search(low)
                # "She unties the letters. The top one is in Elihu's hand": one of them
                or (_WRITING.search(context.lower()) and _ONE_OF_THEM.search(before))
            )
        ):
            return _READINGS["depiction"]  # "a note in the Senator's sprawling hand"
        if w == "hand" and _HANDWRITING.match(after) and _WRITING.search(context.lower()):
            return _READINGS["depiction"]  # a letter opened: "Obed's hand, cramped and sea-stained"
        if body.match(w):
            # A head is remains only where the sentence says so ("Enter ... with HASTINGS' head",
            # "CADE'S head on a pike"); "Mara's head snaps up", "tending to Jeff's head": theirs.
            if w == "body" or (
                w == "head"
                and (
                    _remains_context(low)
                    or not _DEAD_WORDS.isdisjoint(head[:k])
                    or _HEAD_SHOWN.match(after, 2)
                )
            ):
                return _READINGS["remains"]
            if (
                SHOWN_RE.search(low)
                or ON_A_SCREEN.search(after, 0, 90)
                or ON_A_PLATE.match(after)
                or PLATE_PREFIX.match(low)
                or (
                    w == "face"
                    and (PICTURE_MADE.search(before) or PICTURE_MADE.search(context.lower()))
                    is not None
                )
                or (_DISPLAYED_NOW.match(after) and SHOWN_RE.search(context.lower()))
                or continues_a_picture(low, context.lower())
            ):
                return _READINGS["depiction"]
            if w == "face" and _MASK_OFF.match(after):
                return _READINGS["possessive"]  # "Halden's face slides away like wax": a mask
            if tended(low, before, after):
                return _READINGS["possessive"]  # keys dropped on top of a face: prose_tended.py
            if _LIKENESS.search(before) or _THOUGHT_VERB.search(before):
                # "Tobias has Cole's eyes", "remembers Cole's hands": a likeness, a memory
                return _READINGS["possessive"]
            return _PRESENT
        if remains.match(w):
            return _READINGS["remains"]
        if depiction.match(w):
            return _READINGS["depiction"]
        if place.match(w):
            return _READINGS["place"]
        if w not in ADJECTIVES and not w.endswith("ed"):
            if k + 1 < len(head) and depiction.match(head[k + 1]):
                return _READINGS["depiction"]  # a compound: "Jonah's staff photo"
            break
    return _READINGS["possessive"]


_REMAINS_W = rx.compile(rf"^(?:{REMAINS})$")
# The head of "the N of X" that makes X a reference of a class.
_OF_HEADS = (
    (rx.compile(rf"(?:{REMAINS})s?|ghosts?|spirits?|shades?"), "remains"),
    (rx.compile(rf"(?:{DEPICTION})"), "depiction"),
    (rx.compile(rf"(?:{ABSENCE_NOUN})"), "absence"),
    (rx.compile(rf"(?:{THOUGHT_NOUN})"), "thought"),
    (rx.compile(rf"(?:{PLACE})"), "place"),
)
_DEPICTION_W = rx.compile(rf"^(?:{DEPICTION})$")
_PLACE_W = rx.compile(rf"^(?:{PLACE})$")
_BODY_W = rx.compile(rf"^(?:{BODY})$")


_DEAD_WORDS = word_set("severed dead lifeless bloody bloodied decapitated cut-off")
# "CADE'S head on a pike", "HASTINGS' head in a sack": carried or set up, not on the shoulders.
_HEAD_SHOWN = rx.compile(
    r"[\w\s]{0,20}?\bhead\s+(?:on|upon|in)\s+a\s+(?:pike|pole|spike|stake|lance|sack|box|bag|basket)\b"
)


def _remains_context(low: str) -> bool:
    return bool(
        re.search(
            r"\b(?:severed|dead|lifeless|corpse|bearing|borne|carr(?:y|ies|ying|ied)|throw\w*|"
            r"with|holding|holds|on\s+a\s+pike|in\s+a\s+sack|in\s+a\s+box|mourn\w*|bury\w*|"
            r"buried|coroner|morgue|autopsy|slab|gurney|stretcher|wrapped|sheet)\b",
            low,
        )
    )


def _before(
    low: str,
    original: str,
    before: str,
    clause_start: int,
    start: int,
    after: str,
    direction: bool,
) -> Reading | None:
    """Readings that come from the words before the name, within its clause (or, for a report
    that runs on, within its sentence)."""
    if reported(low, start) or supposed(after):
        return _READINGS["thought"]
    if not before.strip():
        return None
    tail = before[-60:]
    if _DEAD_BEFORE.search(tail) or _COVERED.search(tail):
        return _READINGS["remains"]
    if (_WHERE.search(tail) or _WHERE_AND.search(tail)) and (
        WHERE_PAST.match(after) or _DEATH_AFTER.match(after)
    ):
        return _READINGS["place"]
    if _SAME_PERSON_OF.search(tail):
        return _READINGS["depiction"] if one_of_the_pictures(low, start) else None
    of = _OF.search(tail)
    if of is not None and of.group(2) and of.group(3) and closes_noun_phrase(of.group(3)):
        # "at the corner of the apron SID BLOOM kneels": "of" has its noun ("the apron"); the
        # name opens the clause after it (the nineteenth blind look's ringside)
        of = None
    if of is not None:
        head = of.group(1)
        for pattern, why in _OF_HEADS:
            if pattern.fullmatch(head):
                return _READINGS[why]
        if re.search(
            r"\b(?:think\w*|thought|dream\w*|speak\w*|spoke|talk\w*|tell\w*|told|"
            r"sing\w*|sang|heard|hear\w*|know\w*|knew|news|word|remind\w*|"
            r"warn\w*|accus\w*|suspect\w*|afraid|fond|proud|jealous|envious|"
            r"ashamed|tired|sick|scared|terrified|wary|aware|unaware|capable|"
            r"reminiscent|thinking|memory)\s+of\s+(?:the\s+)?(?:\w+\s+)?$",
            tail,
        ):
            return _READINGS["thought"]
        if head in ("instead", "outside", "out", "free", "rid", "clear", "short", "lack"):
            return _READINGS["absence"] if head in ("instead", "rid", "lack") else None
        if depicted_before(low, clause_start, start):
            return _READINGS["depiction"]
        capital = original[start - len(tail) + of.start(1)].isupper()
        # In a line all in capitals (a telegram, an insert: "BE ADVISED OF ESCAPE OF LEDNOV")
        # a capital makes no title.
        if head not in OTHER_PERSON_OF and capital and not _in_capitals(original):
            return None  # part of a name or a title: "Lord John of LANCASTER", "Earl of Kent"
        return _READINGS["possessive"]
    if direction and _EXCEPT_BEFORE.search(tail):
        return None
    absent = _ABSENCE_BEFORE.search(tail)
    if absent is not None:
        # "Neither Matt nor Hanson acknowledge it": they are there, not doing something; only
        # a predicate of being there denies them ("Neither Mara nor Tobias is here").
        if absent.group(0).strip() in ("neither", "nor") and not any(
            _BEING_THERE.match(rest) for rest in _past_the_list(after)
        ):
            return None
        return _READINGS["absence"]
    if _FOR_BEFORE.search(tail) or _GOING_TO.search(tail):
        return _READINGS["absence"]
    if _LISTENING.search(tail) and _ON_DEVICE.match(after):
        return _READINGS["depiction"]
    if _SIGN_SAYS.search(tail):
        return _READINGS["depiction"]
    if _REFERENCE_TO.search(tail):
        return _READINGS["thought"]
    if _WRITES.search(tail) or _WRITES.search(tail[:-4] if tail.endswith("for ") else ""):
        return _READINGS["depiction"]
    if _DEVICE_VERB.search(tail):
        return _READINGS["depiction"]
    if _THOUGHT_VERB.search(tail):
        return _READINGS["thought"]
    if _COMPARISON.search(tail):
        return _READINGS["thought"]
    said = _SAY_VERB.search(tail)
    if said is not None:
        rest = said.group("rest")
        if _CLAUSE_WORD.search(" " + rest) or (not rest.strip(" ,") and _FINITE_AFTER.match(after)):
            return _READINGS["thought"]
    if depicted_before(low, clause_start, start) or lettered_on(original, start):
        return _READINGS["depiction"]
    return None


def _in_capitals(text: str) -> bool:
    """Whether a line is written in capitals (a few lower-case letters aside: "McCALL")."""
    upper = sum(c.isupper() for c in text)
    return upper > 0 and upper >= 0.9 * sum(c.isalpha() for c in text)


_DEATH_AFTER = rx.compile(r"^\s+(?:died|fell|perished|drowned|was\s+killed|was\s+shot)\b")


def _after(after: str) -> Reading | None:
    """Readings from what is said of the name after it: gone, dead, on a screen, far away."""
    if _GONE.match(after) or _NEGATED_BEING.match(after) or _FAR_AWAY.search(after):
        return _READINGS["absence"]
    if _DEAD_AFTER.match(after):
        return _READINGS["remains"]
    if DEPICTED_AFTER.match(after) or _LETTERED_AFTER.match(after):
        return _READINGS["depiction"]
    return None


# "with GUS FERREIRA lettered in gold on the cab door": the name written on something.
_LETTERED_AFTER = rx.compile(
    r"^,?\s+(?:lettered|painted|stencil+ed|engraved|printed|carved|etched|embroidered|"
    r"inscribed|written|scrawled|chalked|spray-painted|emblazoned|embossed|stamped)\b"
)


# "Tully Brogan ... was at that moment watching the rocket from the parade ground, twelve
# miles away": said of them in their own clause (no semicolon between), somewhere else.
_FAR_AWAY = rx.compile(
    r"^[^;]*?,\s+(?:(?:\w+|a\s+hundred|a\s+thousand)\s+)?(?:miles?|leagues?|kilomet(?:re|er)s?)"
    r"\s+(?:away|off|distant)\s*[,.]|^[^;]*?\bhalf\s+a\s+world\s+away\b|"
    r"^\s*,\s+far\s+(?:away|off)\s*,"  # "Rafi, miles away, is still locked in", ", far away,"
)


def _may_refer(low: str) -> bool:
    """Whether any rule could read a reference here: most sentences of action ("Mara crosses to
    the window.") hold none of the rules' words, and are read present at the cost of a split."""
    if "'" in low or "’" in low or ":" in low or "—" in low or "--" in low:
        return True
    if _YEARS.search(low):
        return True  # a life's years after a name (prose_named._LIFE_DATES)
    return not _TRIGGERS.isdisjoint(_TOKEN.findall(low))


_YEARS = rx.compile(r"\d\d\d\d\s*(?:[-–—]|to)\s*\d\d\d\d")


def _trigger_words() -> frozenset[str]:
    """Every word (or stem) any rule above matches on, taken from the rules themselves, so
    that the shortcut in _may_refer can never skip a sentence a rule would read."""
    # The rules that can read a reference on their own; the others only qualify these, or need
    # an apostrophe or "of", which _may_refer looks for itself.
    rules = (
        SHOWN_RE, WRITTEN_RE, _PLACE_NAME, _ABSENCE_BEFORE, _FOR_BEFORE, _GONE,
        _NEGATED_BEING, _DEAD_AFTER, _DEAD_BEFORE, _COVERED, _WHERE, _THOUGHT_VERB, _SAY_VERB,
        _DEVICE_VERB, _COMPARISON, _GOING_TO, _LISTENING, _SIGN_SAYS, _REFERENCE_TO,
        *NAMED_RULES, _WRITES, _LETTERED_AFTER, _FAR_AWAY,
    )  # fmt: skip
    sources = [rule.pattern for rule in rules]
    words: set[str] = {"of"}
    for source in sources:
        words.update(re.findall(r"[a-z]{2,}", re.sub(r"\\[a-zA-Z]", " ", source)))
    # Words that only join or place the words above: alone they make nothing a reference.
    return frozenset(words) - word_set(
        """the an his her its their this that these those one another every some any and or to
        in on at with from into onto by up down out back over through across inside within is
        was are were be been has had have will would could can should must might may did does
        just still already always again also then when while as after before until till
        because though although once meanwhile whereupon whilst all both each either two three
        rest it he she they we you me him them us my your our so too very now here there which
        who whom whose what how why if whether never ly long since just simply clearly rest
        for"""
    )


_TOKEN = rx.compile(r"[a-z]+")
# The words and the stems' inflections ("remember" -> "remembers", "remembered"...).
_TRIGGERS = frozenset(
    w + end for w in _trigger_words() for end in ("", "s", "es", "ed", "d", "ing", "ly")
)
