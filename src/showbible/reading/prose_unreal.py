"""Whether a sentence has a named character in another time or another world than the scene's:
before it ("Once, Cole swam the whole bay"), in a wish, a pretence or an expectation ("It's as
if Cole never left", "Danny wishes Cole were here", "Mara half expects Cole to walk in"), in a
memory ("Cole, in Mara's memory, is always twenty"), in a memorial ("A memorial to Cole stands
by the gate"), played by someone else ("Danny becomes Cole for the pageant"), or told dead or
buried ("Cole is buried on the hill"); or told of in a report that runs on ("Bellamy said that
... and that when the Inspector had a feeling", ``reported``).

``reading/prose_seen.seen`` asks this first: such a sentence shows no one there, whatever verb
follows the name. Each class is read from the words around the name in its sentence, as the
family of "a time other than the scene's" the outside authors' universes showed ("as Morag
would afterwards say", "which Struan had wound every Sunday").
"""

from __future__ import annotations

import re

from showbible.quick import rx

# A sentence that opens in the past: "Once, ...", "Years ago, ...", "Back then, ...", "As a
# boy, ...", "In those days, ...", "Before the war, ...", "Long ago ...".
_OPENS_BEFORE = rx.compile(
    r"^\W*(?:once\s*,|back\s+then|long\s+ago|years\s+(?:ago|before|earlier)|"
    r"(?:decades|months|weeks)\s+(?:ago|before|earlier)|in\s+those\s+days|"
    r"as\s+an?\s+(?:boy|girl|child|kid|young\s+(?:man|woman))\s*,|before\s+the\s+war|"
    r"in\s+(?:his|her|their)\s+(?:youth|day|prime))",
    re.IGNORECASE,
)  # "Once," with its comma: "Once inside, Cole locks the door" is now
# Before the name in its clause: a world that is not the scene's.
_UNREAL_BEFORE = rx.compile(
    r"\b((?:as\s+if|as\s+though|if\s+only|wish(?:es|ed)?|expects?|expected|hop(?:es|ed)|"
    r"pretends?|pretended|imagines?|imagined|dreams?\s+(?:of|about|that)|remembers?|"
    r"remembered|recalls?|recalled|memorial\s+(?:to|for)|tribute\s+to|in\s+memory\s+of|"
    r"becomes|became|dressed\s+as|disguised\s+as|made\s+up\s+as|impersonat\w+)\b)"
    r"[^.;:!?—–,]*$",
    re.IGNORECASE,
)
# Between that word and the name, a clause of the scene's own: "Mara remembers the day and
# Cole walks in".
_NEW_CLAUSE = rx.compile(r"\b(?:and|but|then|while|when|until|so)\b", re.IGNORECASE)
# Anywhere in the sentence: a memory or a mind frames it.
_FRAMED = rx.compile(
    r"\bin\s+(?:her|his|their|my|our|[A-Z][\w'’]*['’]s?)\s+"
    r"(?:memory|memories|mind|mind's\s+eye|dreams?|imagination|nightmares?)\b",
    re.IGNORECASE,
)


# Right after the name: their death or their burial told ("Cole is buried on the hill",
# "Cole is dead.", "Cole was laid to rest in May").
_GONE_AFTER = rx.compile(
    r"['’]?\s*(?:is|was|lies|lay|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:buried|interred|entombed|cremated|laid\s+to\s+rest|dead(?=\s*(?:[.;!?]|$)))",
    re.IGNORECASE,
)


def elsewhere(sentence: str, start: int, end: int) -> bool:
    """Whether the sentence has the character named at ``start:end`` in another time or world
    than the scene's, or tells them dead (see the module's docstring)."""
    before = sentence[:start]
    unreal = _UNREAL_BEFORE.search(before)
    if unreal is not None and _NEW_CLAUSE.search(before, unreal.end(1)):
        unreal = None
    return bool(
        _OPENS_BEFORE.match(before)
        or unreal
        or _FRAMED.search(sentence)
        or _GONE_AFTER.match(sentence, end)
    )


# A report that runs on over its clauses: "Bellamy said that he had gone off up the village
# after tea, and that when the Inspector had a feeling it was best to let him be" (the
# sixty-seventh blind look's pub: hearsay, not the Inspector there). Until the sentence ends or a
# new main clause begins (", and Hale walks in"; "and that ..." goes on reporting).
_REPORTED = rx.compile(
    r"\b(?:said|says|told\s+\w+|tells\s+\w+|explained|explains|reported|reports|added|adds)\s+"
    r"that\s(?:(?![;!?]|\.\s|,\s+(?:and|but)\s+(?!that\b|when\b|if\b))[^\n])*$"
)


def reported(low: str, start: int) -> bool:
    """Whether the name at ``start`` of a sentence (lower case) stands in a report."""
    return _REPORTED.search(low, max(0, start - 240), start) is not None


# A past only supposed: "where Tito must have flung it through the window before the beam came
# down" (the sixty-ninth blind look's Barranco fire, Tito dead by then): no one there.
_SUPPOSED = rx.compile(r"^\s+(?:must|might|may|could|would|should)(?:n['’]t)?\s+have\s+[a-z]+")


def supposed(after: str) -> bool:
    """Whether the words after a name (lower case) suppose what they did: a modal perfect."""
    return _SUPPOSED.match(after) is not None
