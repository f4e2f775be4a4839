"""Pictures, recordings and writing in prose (``reading/prose.py``): the words that put a name
inside a thing that shows or records someone ("footage of Cole", "On the recorder, COLE'S
VOICE", "a letter from Cole", "Gus's face fills the screen") rather than have them there."""

from __future__ import annotations

import re

from showbible.quick import rx
from showbible.reading.prose_words import CAPITALS, DEVICE, SHOWN, WRITTEN

SHOWN_ANY = SHOWN + (
    r"|answering\s+machine|security\s+camera|camera\s+feed|front\s+page|page\s+one"
    r"|(?:first|last|next|one|another|the|a|this|that|each|every)\s+still"  # a film's still
)
DEPICTION = "|".join((SHOWN_ANY, WRITTEN, DEVICE))
DEPICTION_RE = rx.compile(rf"\b(?:{DEPICTION})\b")
SHOWN_RE = rx.compile(rf"\b(?:{SHOWN_ANY})\b")
WRITTEN_RE = rx.compile(rf"\b(?:{WRITTEN})\b")
# After a picture or recording, these put what follows inside it: "footage of", "images ...:".
SHOWING = rx.compile(
    r"(?:\bof\b|\bshowing\b|\bshows?\b|\bshowed\b|\bdepict\w*|\bfeatur\w*"
    r"|\bdisplay\w*|\bplay(?:s|ing|ed)\b|\bcaptur\w*|\breveal\w*|:|—|--|\s-\s)"
)
# A letter or a phone puts a name inside it only right after it: "a letter from Cole",
# "the phone: Cole" (but not "Mara drops the phone and hugs Cole").
WRITTEN_GAP = rx.compile(
    r"\s*(?:from|of|by|to|for|addressed\s+to|signed\s+by|about|with)?\s*(?:,|:|—|--)?\s*"
    r"(?:the\s+)?"
)
# A clause opened by "On the recorder," / "In the photo:" / "Across the screens —".
DEPICTION_PREFIX = rx.compile(
    rf"^\W*(?:on|in|across|over|through|from|onscreen|on-screen)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:{SHOWN_ANY})s?\b[^.;]*?(?:,|:|—|--|\s-\s)"
)
# "Cole smiles from the photo", "Cole (on screen)", "Cole, on the monitor,".
DEPICTED_AFTER = rx.compile(
    rf"^(?:'s|’s|')?\W{{0,3}}(?:[a-z’']+\s+)?(?:out\s+|up\s+|back\s+|down\s+|again\s+)?"
    rf"(?:in|on|from|across|onto|inside|within|over|through)\s+"
    rf"(?:the|a|an|this|that|his|her|its|their|one|another|every)?\s*"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{SHOWN_ANY})\b"
)

# "Gus's face fills the screen", "Cole's eyes stare out from the monitor": on a picture.
DISPLAYED = (
    r"\b(?:fills?|filling|floods?|dominates?|appears?|flickers?|flashes|looms?|freezes?|"
    r"(?:is|are|was)\s+(?:all\s+)?(?:on|over)|"  # "Rafi's face is on the evening news"
    r"(?:smiles?|stares?|looks?|peers?|gazes?)\s+out|comes?\s+up|pops?\s+up)\b"
)
ON_A_SCREEN = rx.compile(rf"{DISPLAYED}[^.;!?]{{0,40}}?\b(?:{SHOWN_ANY})\b")
# A photograph developing: "Hassan's face blooms on the glass" in the darkroom's tray (the
# thirty-second blind look), "On the glass in the dish, Pryce's face looked up at them" (the
# twenty-first's darkroom): a face coming up on a plate, a print or a negative is its image.
_SURFACE = r"(?:glass|plate|print|negative|paper|emulsion)"
# ... or one looking out of the ivory it is cut in: "Elihu Brock's face looks back at them out
# of the ivory" (the thirty-fourth look's scrimshaw tooth)
_CUT_IN = rf"(?:ivory|tooth|canvas|panel|fresco|page|bone|{_SURFACE})"
ON_A_PLATE = rx.compile(
    r"^['’]s?\s+(?:[\w-]+\s+)?(?:face|features|smile|grin|eyes|likeness)\s+(?:\w+ly\s+)?"
    r"(?:(?:blooms?|blooming|surfaces?|surfacing|emerges?|emerging|"
    r"develops?|developing|swims?\s+up|comes?\s+up|appears?|forms?)\s+(?:on|in|across)\s+"
    rf"(?:the\s+)?(?:[\w-]+\s+)?{_SURFACE}\b|"
    r"(?:looks?|stares?|gazes?|peers?|smiles?|glares?)\s+(?:back\s+|up\s+|out\s+)?"
    r"(?:at\s+[\w\s]{1,20}?\s+)?(?:out\s+of|from)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    rf"{_CUT_IN}\b)"
)
# A face being drawn, cut or painted, or standing in lines on a thing: "He is scratching a face
# into the ivory ... Elihu Brock's face, coming up line by line", "a sperm whale's tooth, and
# on it, in fine black lines, Elihu's face" (the thirty-fourth blind look's scrimshaw).
PICTURE_MADE = rx.compile(
    r"\b(?:draw(?:s|ing|n)?|drew|sketch\w*|paint(?:s|ing|ed)?|scratch(?:es|ing|ed)?|carv\w*|"
    r"engrav\w*|etch(?:es|ing|ed)?|whittl\w*|scrimshaw\w*)\b[^.;!?]{0,30}?\ba\s+(?:[\w-]+\s+)?"
    r"(?:face|likeness|profile)\b"
    r"|\bin\s+(?:[\w-]+\s+){0,2}?(?:lines|strokes|ink|charcoal|pencil|chalk|oils|watercolou?rs?)"
    r"\s*,\s*$"
)
PLATE_PREFIX = rx.compile(
    rf"^\W*(?:on|in)\s+the\s+(?:[\w-]+\s+)?{_SURFACE}\s+(?:in|on)\s+the\s+"
    r"(?:dish|tray|developer|bath|fixer|sink)\b"
)
# Pictures listed, then each one's subject: "two framed photographs, one of the Old Master and
# ... one of Boss Ko", "On the wall hang two portraits: one of Tat, one of Vincent" (the
# thirtieth blind look's offerings on the pier).
_ONE_OF = rx.compile(r"\b(?:one|another|the\s+other|each|both)\s+of\s+(?:the\s+)?$")
_SHOWN_LISTED = rx.compile(rf"\b(?:{SHOWN_ANY})\b(?:\s+[\w'’-]+){{0,4}}?\s*(?:,|:|—|--)")


def depicted_before(low: str, clause_start: int, start: int) -> bool:
    """Whether the words before a name (its clause from ``clause_start``, the text before it
    from 0) put it inside a picture, a recording or something written."""
    if DEPICTION_PREFIX.match(low, 0, start) or PLATE_PREFIX.match(low, 0, start):
        return True
    before = low[clause_start:start]
    shown = ON_A_SCREEN.search(low, 0, start) if before.endswith(", with ") else None
    if shown is not None and not re.search(
        r"\b(?:and|but|as|while|then)\b", low[shown.end() : start]
    ):
        return True  # "Her father's face fills the screen, recorded ..., with Takeda asleep"
    for m in SHOWN_RE.finditer(before):
        if SHOWING.search(before, m.end()):
            return True
    return any(WRITTEN_GAP.fullmatch(before, m.end()) for m in WRITTEN_RE.finditer(before))


def one_of_the_pictures(low: str, start: int) -> bool:
    """Whether a name is the subject of one of the pictures listed before it ("two
    photographs, one of the Old Master and one of Boss Ko")."""
    one = _ONE_OF.search(low, max(0, start - 24), start)
    return one is not None and _SHOWN_LISTED.search(low, 0, one.start()) is not None


# A picture announced, its contents in the sentences after: "The front page: He Knew. And Walt
# Hinchcliffe's face, grinning, goggles up" (the forty-eighth blind look's Sheffield paper);
# "On the monitor: the quay. Then Cole's face, close."
_ANNOUNCED = rx.compile(rf"\b(?:{SHOWN_ANY})\b[^.!?:]{{0,30}}:[^:]*$")
_GOES_ON = rx.compile(r"^\W*(?:and|then|beside\s+it|below\s+it|under\s+it|next\s+to\s+it)\b")


def continues_a_picture(low: str, context: str) -> bool:
    """Whether a sentence (``low``, lower case) goes on listing what the picture announced
    just before it in its paragraph (``context``, lower case) shows."""
    if not _GOES_ON.match(low):
        return False
    at = context.find(low.strip()[:40])
    return at > 0 and _ANNOUNCED.search(context, max(0, at - 200), at) is not None


# A sign's words in capitals, the name among them: "the sign API Y KUKA DON FELICIANO faded by
# the sun" (the sixtieth blind look's El Alto stall), "a banner: WELCOME HOME SGT. REYES".
_LETTERED_WORD = rf"[{CAPITALS}0-9][{CAPITALS}0-9'’&.\-]*\s+"  # a word of lettering, in capitals
_LETTERS_BEFORE = rx.compile(
    rf"\b(?:{WRITTEN}|signs?|signboards?|billboards?|posters?|labels?|logos?|placards?)"
    rf"\s*(?:reading|saying|that\s+reads|:)?\s*[\"“'‘]?(?:{_LETTERED_WORD}){{0,6}}$"
)

_CAPITALS_WORD = rx.compile(rf"[{CAPITALS}][{CAPITALS}'’\-]+\b")
# ... or any text after a colon that is all capitals up to the name, a word of it at least
# before the name: "The strip: TÓRSHAVN RADIO 2247 - KG 312 RANNVÁ KLAKSVÍK" (the sixty-sixth
# blind look's telex, a boat's name in it); not "Two men enter: COLE and MARA".
_PRINTED_AFTER_COLON = rx.compile(rf":\s*[\"“'‘]?(?:{_LETTERED_WORD}(?:[-–—/|]\s+)?){{1,10}}$")


def lettered_on(text: str, start: int) -> bool:
    """Whether a name written in capitals (its first word, at ``start``) stands among the
    capitals of a sign or another written thing named right before them: its lettering, not
    the person."""
    if _CAPITALS_WORD.match(text, start) is None:
        return False
    before = max(0, start - 80)
    return (
        _LETTERS_BEFORE.search(text, before, start) is not None
        or _PRINTED_AFTER_COLON.search(text, before, start) is not None
    )
