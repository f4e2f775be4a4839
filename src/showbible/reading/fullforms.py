"""Full forms of a name that reach past the series that speaks it.

Without a bible, a provisional character is a name of the series that cues or introduces it
only: JACK of one sitcom is not a JACK named in another's action lines, and nothing but the
evidence of reading/crossing.py joins two series' labels. One kind of name is safer than that: a
*full form* of two or more words that a screenplay writes for one character ("CAPTAIN DREW
watches from the hatch", "EZRA CALE lies on the stones"). Another series of the same universe
that writes that very form ("Captain Drew floats face down in the sluice") means that person: a
namesake with the same full form in one universe is far rarer than a walk-on JACK.

So a full form is matched in every series, whole and exactly (``Cast.matcher``), never cut into
partial names there: "the captain" of another series is nobody's. A form is a name only while
one character owns it; two series that introduce the same form keep it to themselves.

An introduced full name may also be the first name a *different* series cues: EZRA CALE,
introduced dead in one series, is the EZRA who speaks in another. That holds only when the first
name is distinctive (not a common word or name: JACK COLE is not the JACK of another show) and
exactly one character of the universe is cued by it, in a series other than the introducing one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping

from showbible.reading import lexicon


def is_form(key: str) -> bool:
    """Whether a normalised name is long enough to be a full form (two words or more)."""
    return len(key.split()) >= 2


def cue_owner(
    key: str, bare: str, words: Collection[str], owners: Mapping[str, set[str]]
) -> str | None:
    """The character of the series whose cue an introduced name spells out (``CAPTAIN DREW``
    for the cue ``DREW``, ``NOVICE DORIAN FELL`` for ``DORIAN``), when exactly one owns it.
    ``owners``: each cued label and name word of the series -> the characters it names."""
    for probe in (key, bare):
        found = owners.get(probe, set())
        if found:
            return next(iter(found)) if len(found) == 1 else None
    found = set().union(*(owners.get(w, set()) for w in words))
    return next(iter(found)) if len(found) == 1 else None


def named_elsewhere(
    words: list[str], series: str, cued_by: Mapping[str, Collection[tuple[str, str]]]
) -> str | None:
    """The character another series cues by the first word of an introduced full name (EZRA of
    EZRA CALE), when that word is distinctive and names exactly one character, cued outside
    ``series``. ``cued_by``: each single-word cue label -> (series, character) pairs."""
    if len(words) < 2 or lexicon.is_common(words[0]):
        return None
    pairs = cued_by.get(words[0], ())
    who = {cid for _s, cid in pairs}
    if len(who) != 1 or any(s == series for s, _c in pairs):
        return None
    return next(iter(who))


def one_word_cues(
    series_cues: Mapping[str, Mapping[str, Collection[str]]], is_role: Callable[[str], bool]
) -> dict[str, set[tuple[str, str]]]:
    """Each one-word cue label of the universe -> the (series, character) pairs it cues, roles
    left out: what ``named_elsewhere`` looks a first name up in."""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for sid, cues in series_cues.items():
        for cid, labels in cues.items():
            for label in labels:
                if len(label.split()) == 1 and not is_role(cid):
                    out[label].add((sid, cid))
    return out
