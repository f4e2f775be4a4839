"""Full names: one cue label that the scripts introduce with two surnames is two people.

The cues cannot tell HOLLIS the barman from HOLLIS the courier kid: both meet characters who
cross, which is the evidence a fan would otherwise accept (reading/crossing.py). The scripts say
more. A screenplay introduces a character with a full name at first appearance, in capitals
("HOLLIS QUINT (50s), weathered, ..."); a transcript or a film in dialogue ("I'm Hollis Marr",
or someone else's "Mr. Marr," in the speech the character answers). A label introduced as HOLLIS
QUINT in one series and HOLLIS MARR in another is two people, as a fan reading both would know;
the same full name in both is evidence that they are one.

Only single-word labels are read (PEGGY CARTER is a full name already), and only surnames that
could be nothing else: a title, a nickname in quotes or brackets, a regnal number or a common
English word (AND, SLAMS, and common surnames too: never evidence against) is no surname, nor a
name word of another label cued in that series ("Mr. Stark," said to someone who answers is
more likely about Tony). A series that gives one label two surnames tells nothing. The bible
always wins: only provisional characters are judged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from showbible.reading import lexicon
from showbible.reading.crossing import Crossing
from showbible.reading.facts import SceneFacts
from showbible.reading.names import NAME_CHANGING_TITLES, is_regnal, name_words

_NICKNAME = r"(?:[\"“'‘(][^\"”’)]{1,24}[\"”’)]\s+)?"
_SELF = r"(?:I'm|I’m|I am|my name is|my name's|name's|name’s|call me|this is)"
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mister)\.?"


def _surname_ok(word: str, others: frozenset[str], titles: frozenset[str]) -> bool:
    word = word.upper()
    return (
        len(word) > 1
        and word not in titles
        and word not in NAME_CHANGING_TITLES
        and word not in {"JR", "SR", "ESQ"}
        and not is_regnal(word)
        and not lexicon.is_common(word)
        and word not in others
    )


def action_surnames(label: str, text: str) -> list[str]:
    """Surnames an action line gives ``label`` in capitals: ``HOLLIS QUINT (50s)``, ``DR. HOLLIS
    "HOLL" QUINT``; the full name ends where the capitals do."""
    pattern = (
        rf"(?<![\w'’]){re.escape(label)}\s+{_NICKNAME}([A-Z][A-Z'’-]+)(?![\w'’])(?!\s+[A-Z]{{2}})"
    )
    return [m.group(1) for m in re.finditer(pattern, text)]


def speech_surnames(first: str, text: str, own: bool) -> list[str]:
    """Surnames a speech gives the character called ``first`` (title case): a self-introduction
    when it is the character's own (``own``), else the full name said by someone else."""
    name = rf"{re.escape(first)}\s+{_NICKNAME}([A-Z][a-z][\w'’-]*)(?![\w'’])"
    if own:
        return [m.group(1) for m in re.finditer(rf"\b{_SELF}\s+{name}", text, re.IGNORECASE)]
    return [m.group(1) for m in re.finditer(rf"(?<![\w'’]){name}", text)]


def vocative_surnames(text: str) -> list[str]:
    """Surnames a speech addresses someone by (``Mr. Marr, ...``, ``..., Mr. Marr.``): the
    character who answers it."""
    pattern = rf"(?:^|[,.!?]\s*){_HONORIFIC}\s+([A-Z][a-z][\w'’-]*)(?=\s*(?:[,.!?]|$))"
    return [m.group(1) for m in re.finditer(pattern, text.strip())]


Found = dict[str, dict[str, str]]  # series -> surname (upper case) -> where (file:line)


LabelWords = dict[str, dict[str, set[str]]]  # series -> character (base id) -> name words


def label_words(scenes: Iterable[SceneFacts], titles: frozenset[str]) -> LabelWords:
    """The name words of every cue label, per series and character: read once for all the
    crossings judged (each needs the words of everyone else cued in its series)."""
    out: LabelWords = defaultdict(lambda: defaultdict(set))
    for scene in scenes:
        for cid, labels in scene.labels.items():
            words = out[scene.series][cid.split("--", 1)[0]]
            for written in labels:
                words.update(name_words(written.upper(), titles))
    return out


def read_surnames(
    label: str,
    ids: dict[str, str],
    scenes: Iterable[SceneFacts],
    titles: frozenset[str],
    words: LabelWords,
) -> Found:
    """Per series, the surnames the scripts give ``label`` (whose id in each series is
    ``ids[series]``), each with the first place it is given. ``words``: label_words(scenes)."""
    found: Found = defaultdict(dict)
    first = label.capitalize()
    others: dict[str, set[str]] = {}
    for series, cid_there in ids.items():
        mine = cid_there.split("--", 1)[0]
        others[series] = set().union(
            *(ws for cid, ws in words.get(series, {}).items() if cid != mine)
        )
    texts: list[tuple[str, str, str, bool]] = []  # series, surname, where, from the scene's own
    for scene in scenes:
        me = ids.get(scene.series)
        here = me is not None and (
            me in scene.present or me in scene.referenced or me in scene.speeches
        )
        if not here:
            # A full name is given where its character is: introduced there, speaking, spoken
            # to or spoken of (a name said in a speech makes its character referenced).
            continue
        for sentence in scene.sentences:
            if label not in sentence.text:
                continue  # most sentences: no regular expression to run
            for s in action_surnames(label, sentence.text):
                texts.append((scene.series, s, f"{scene.file}:{sentence.line}", True))
        for i, sp in enumerate(scene.dialogue):
            own = sp.character == me
            for s in [] if first not in sp.text else speech_surnames(first, sp.text, own):
                texts.append((scene.series, s, f"{scene.file}:{sp.line}", own))
            nxt = scene.dialogue[i + 1] if i + 1 < len(scene.dialogue) else None
            if not own and nxt is not None and nxt.character == me:
                for s in vocative_surnames(sp.text):
                    texts.append((scene.series, s, f"{scene.file}:{sp.line}", False))
    for series, surname, where, _own in texts:
        if _surname_ok(surname, frozenset(others[series] - {label}), titles):
            found[series].setdefault(surname.upper(), where)
    return found


def judge_names(
    crossing: Crossing, found: Found
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """Pairs of the label's series whose surnames disagree (each with why: both names and
    places) and pairs whose surnames agree (the same full name: evidence for)."""
    against: dict[tuple[str, str], str] = {}
    agree: dict[tuple[str, str], str] = {}
    first = crossing.label.title()
    for ev in crossing.pairs:
        a, b = ev.series
        sa, sb = found.get(a, {}), found.get(b, {})
        if len(sa) != 1 or len(sb) != 1:
            continue  # unnamed, or named two ways in one series: nothing to tell
        (na, wa), (nb, wb) = next(iter(sa.items())), next(iter(sb.items()))
        if na == nb:
            agree[ev.series] = f"introduced as {first} {na.title()} in both ({wa}, {wb})"
        else:
            against[ev.series] = (
                f"introduced as {first} {na.title()} in {a} ({wa}) and as {first} {nb.title()}"
                f" in {b} ({wb}): two surnames"
            )
    return against, agree


def name_cuts(
    judged: dict[str, Crossing],
    id_in: dict[str, dict[str, str]],
    scenes: list[SceneFacts],
    titles: frozenset[str],
) -> dict[str, dict[tuple[str, str], str]]:
    """For each crossing (single-word labels only), the asserted pairs two surnames refute; the
    evidence (for and against) is written on every pair of the crossing as well."""
    out: dict[str, dict[tuple[str, str], str]] = {}
    words: LabelWords | None = None
    for base, crossing in judged.items():
        if len(name_words(crossing.label, titles)) != 1 or crossing.walk_on is not None:
            continue
        word = name_words(crossing.label, titles)[0]
        if words is None:
            words = label_words(scenes, titles)
        found = read_surnames(word, id_in[base], scenes, titles, words)
        if len(found) < 2:
            continue
        against, agree = judge_names(crossing, found)
        for ev in crossing.pairs:
            ev.named = agree.get(ev.series)
            if ev.series in against and not ev.asserted:
                ev.refuted = against[ev.series]
        cuts = {
            ev.series: against[ev.series]
            for ev in crossing.pairs
            if ev.asserted and ev.series in against
        }
        if cuts:
            out[base] = cuts
    return out
