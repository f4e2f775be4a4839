"""Verb forms and the tense of a script's narration, as the reading of presence in prose
(prose_seen.py) needs them: whether a word is a finite verb, a participle, an adverb, a past no
present shares; whether a script narrates in the present; and, in such a script, whether a verb
after a name tells what they did before the scene ("Cole built this boat", "the basil that Bi
Mwanaisha planted") rather than what they do in it."""

from __future__ import annotations

from collections.abc import Iterable

from showbible.quick import rx
from showbible.reading.prose_words import ADVERBS, IRREGULAR_VERBS, NOT_LY, NOT_S_VERBS, word_set

FUNCTION = word_set(
    """the a an of in on at to for from with by and or but nor so yet as than that which who
    whom whose what where when while if because though although this these those his her
    their its my your our he she they it we you i me him them us not no"""
)
# Past forms no present-tense verb shares: the irregular finite forms less the present, the
# modals, the negations, and those the present shares ("put", "set", "read", "lay").
_PAST = IRREGULAR_VERBS - word_set(
    """is are has have do does can may might must shall should will would isn't aren't
    wasn't weren't hasn't hadn't doesn't didn't can't couldn't won't wouldn't burst cast cut hit
    lay let put quit read set shed shut split spread"""
)


def past(word: str) -> bool:
    low = word.lower()
    return low in _PAST or (low.endswith("ed") and len(low) > 3 and not low.endswith("eed"))


# A present-tense script slips into "was" ("Kailyn was already sitting") and writes its
# participles as fragments ("Ward stunned...", "Arly seated behind Julio"): only a past form no
# participle shares, or a past in -ed with its object after it, tells what was done before.
_OBJECT_WORDS = word_set(
    "the a an his her their its this that these those my your our him them it me us"
)


def backstory(word: str, after: str) -> bool:
    """Whether a verb after a name, in a present-tense script, tells what they did before the
    scene ("Once Cole swam the bay", "Cole built this boat"), not what they do in it."""
    low = word.lower()
    if low in ("was", "were", "had", "did", "could"):
        return False
    if low in _PAST:
        return True
    return past(low) and after.lower() in _OBJECT_WORDS


# A capitalised name and the word after it, as narration puts a verb there.
_NAME_THEN_WORD = rx.compile(r"\b[A-Z][a-z'’]+\s+([a-z]+)\b")


def narrated_in_present(texts: Iterable[str]) -> bool:
    """Whether a script's action lines tell their story in the present tense ("Mara crosses to
    the window"): of the verbs right after a capitalised name, at least four in the present and
    three times as many as in the past. Literary scripts in the past ("Booth lowered the fork")
    are not, and neither is a script too short to tell."""
    now = then = 0
    for text in texts:
        for m in _NAME_THEN_WORD.finditer(text):
            word = m.group(1)
            if word in FUNCTION or adverb(word):
                continue
            if past(word):
                then += 1
            elif word.endswith("s") and finite(word, False):
                now += 1
    return now >= 4 and now >= 3 * then


def participle(word: str) -> bool:
    low = word.lower()
    return (
        low.endswith(("ed", "en", "wn", "ne", "ung", "unk", "ound", "um")) or low in IRREGULAR_VERBS
    )


def adverb(word: str) -> bool:
    low = word.lower()
    return low in ADVERBS or (low.endswith("ly") and len(low) > 4 and low not in NOT_LY)


def finite(word: str, plural: bool) -> bool:
    low = word.lower().replace("’", "'")
    if not low.replace("'", "").replace("-", "").isalpha():
        return False
    if low in IRREGULAR_VERBS:
        return True
    if low in FUNCTION or low in NOT_S_VERBS:
        return False
    if low.endswith(("ed", "eth")) and len(low) >= 4:
        return True  # "Booth lowered", "SALISBURY lifteth himself up"
    if low.endswith("s") and len(low) >= 3 and not low.endswith(("ss", "us", "'s")):
        return True
    # After a list ("Vetch and Rusk carry"), a verb has its base form: any lower-case word that
    # is no function word, adverb or plural noun ("Cole and Brannock's shoulders").
    return plural and word.islower() and not adverb(word) and not low.endswith(("ing", "s"))


# A relative clause that opens on the name, after a thing: "the pots of basil that Bi Mwanaisha
# planted", "the boat which Cole built". In a present-tense script its past verb (with no object:
# the thing is its object) is a deed before the scene, whatever follows it.
_RELATIVE_BEFORE = rx.compile(r"\b[a-z]+\s+(?:that|which)\s+$")
_VERB_AFTER = rx.compile(r"^\s+(?:[a-z]+ly\s+)?([a-z]+)\b")


def done_in_a_relative(before: str, after: str) -> bool:
    """Whether the name opens a relative clause on a thing whose verb is in the past."""
    if _RELATIVE_BEFORE.search(before[-40:]) is None:
        return False
    verb = _VERB_AFTER.match(after)
    if verb is None:
        return False
    word = verb.group(1)
    return word not in ("was", "were", "had", "did", "could") and past(word)
