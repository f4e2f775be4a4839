"""unknown-character: a cue that resolves to nobody in the bible but looks like someone who is.

Anti-pattern::

    TOBAIS
    The ledger's gone.

Without a bible (or for a name the bible does not hold), the scripts' own cast stands in for it:
a cue of one episode that is a slip of the hand from a cue of several episodes of the same
series -- a letter dropped, added or swapped with its neighbour (``TULLEY`` once, ``TULLY``
throughout; names of five letters or more, so that ``JON`` and ``JOHN`` are not one; no
replaced letter, as LARRY is not BARRY; no trailing S, as GOBLINS are a group; not a common
word or name in its own right, as JUSTIN is not JUSTINE) -- is as likely a misspelling. With a
bible, a name of its own is a slip too when its one speech in the universe stands between two
of the character it looks like, in a scene that names it nowhere else (ERIK amid EIRIK's).

Fix: correct the cue to ``TOBIAS``, or, if this really is somebody new, add them to the bible's
``characters`` (then the cue resolves and the warning goes).
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz.distance import OSA, Levenshtein

from showbible.quick import rx
from showbible.reading import lexicon
from showbible.reading.facts import SceneFacts, Speech
from showbible.rules.base import Context, Evidence, Finding, Rule

MIN_LETTERS = 5  # shorter names one letter apart are as often two people (JON, JOHN)
RECURRING = 2  # episodes of the series the name it is mistaken for is cued in


class UnknownCharacter(Rule):
    id = "unknown-character"
    severity = "warning"
    summary = "a cue resolves to no bible character and looks like a misspelling of one"

    def check(self, ctx: Context) -> Iterator[Finding]:
        cast = ctx.canon.cast
        first_seen: dict[str, tuple[str, int]] = {}
        near = NearCues(ctx)
        for scene in ctx.scenes():
            for cid in scene.labels:
                char = cast.characters.get(cid)
                if char is None or not char.provisional:
                    continue
                label = next(iter(scene.labels[cid]))
                suggestion = char.suggestion or near.get(cid)
                if suggestion is None:
                    continue
                if _a_name_of_its_own(label) and not (
                    char.suggestion and _amid(ctx, scene, cid, suggestion)
                ):
                    continue
                line = (
                    scene.present[cid].line
                    if cid in scene.present
                    else scene.voices.get(cid, scene.line)
                )
                target = cast.characters[suggestion]
                evidence = []
                known = first_seen.get(suggestion)
                if known is None:
                    known = _first_appearance(ctx, suggestion)
                    first_seen[suggestion] = known or ("", 0)
                if known and known[0]:
                    evidence.append(Evidence(known[0], known[1], f"{target.name} appears here"))
                finding = self.finding(
                    scene,
                    line,
                    (),
                    f"unknown character {label!r}: did you mean {target.name} ({suggestion})?",
                    evidence,
                )
                finding.subject = cid
                yield finding


class NearCues:
    """Provisional characters cued in one episode whose label is one edit from that of a
    provisional character cued in several episodes of the same series: the likely misspelling
    -> the character it misspells (see the module docstring). Worked out for the characters
    asked about only: a check of a few scenes (a one-shot check, a resident session) would
    otherwise compare every one-episode cue of the canon with every recurring one, and read
    every scene's labels to do it."""

    def __init__(self, ctx: Context) -> None:
        self.canon = ctx.canon
        self._labels: dict[str, str | None] = {}
        self._found: dict[str, str | None] = {}
        # series -> label length -> the recurring cues of that length: a slip is one letter
        # from its label, so only these three lengths are compared (255,000 comparisons of
        # every one-episode cue with every recurring one on a real franchise, 4 in 5 of them
        # between labels of lengths too far apart).
        self._recurring: dict[str, dict[int, list[tuple[str, str]]]] = {}

    def get(self, cid: str) -> str | None:
        if cid not in self._found:
            self._found[cid] = self._find(cid)
        return self._found[cid]

    def _candidate(self, cid: str) -> bool:
        """Whether the character is a cue the scripts alone give (no bible, no role, no
        suggestion already): the only kind that is a slip or that a slip is of."""
        char = self.canon.cast.characters.get(cid)
        return char is not None and char.provisional and not char.role and not char.suggestion

    def _episodes(self, cid: str, series: str, enough: int) -> set[str]:
        """The episodes of ``series`` the character appears in, up to ``enough`` of them."""
        canon = self.canon
        out: set[str] = set()
        for i in canon.appearances.get(cid, ()):
            scene = canon.scenes[i]
            if scene.series == series:
                out.add(scene.episode)
                if len(out) >= enough:
                    break
        return out

    def _label(self, cid: str) -> str | None:
        """The label the character is first cued by, as its first scene with a cue has it."""
        if cid not in self._labels:
            self._labels[cid] = None
            for i in self.canon.appearances.get(cid, ()):
                labels = self.canon.scenes[i].labels
                if cid in labels:
                    self._labels[cid] = labels[cid].most_common(1)[0][0].upper()
                    break
        return self._labels[cid]

    def _by_length(self, series: str) -> dict[int, list[tuple[str, str]]]:
        """The recurring cues of ``series`` (``RECURRING`` episodes or more) by label length."""
        got = self._recurring.get(series)
        if got is None:
            got = self._recurring[series] = {}
            for c in self.canon.appearances:
                if self._candidate(c) and len(self._episodes(c, series, RECURRING)) >= RECURRING:
                    b = self._label(c)
                    if b is not None:
                        got.setdefault(len(b), []).append((c, b))
        return got

    def _find(self, cid: str) -> str | None:
        canon = self.canon
        at = canon.appearances.get(cid, ())
        if not at or not self._candidate(cid):
            return None  # not a provisional cue at all
        first = canon.scenes[at[0]]
        if any(
            (canon.scenes[i].series, canon.scenes[i].episode) != (first.series, first.episode)
            for i in at
        ):
            return None  # cued in more than one episode
        a = self._label(cid)
        if a is None:
            return None
        by_length = self._by_length(first.series)
        hits = [
            c
            for n in (len(a) - 1, len(a), len(a) + 1)
            for c, b in by_length.get(n, ())
            if c != cid and _slip(a, b)
        ]
        return hits[0] if len(hits) == 1 else None


def _a_name_of_its_own(label: str) -> bool:
    """Whether a cue is a common English word or name in every word (JUSTIN beside JUSTINE,
    HELEN beside HELENE, ANGEL beside ANGELA in The Office: other people, not slips of the
    hand); RACEL, DIGHT or STANELY are none."""
    words = [w for w in label.replace(".", " ").split() if w]
    return bool(words) and all(lexicon.is_common(w) for w in words)


def _amid(ctx: Context, scene: SceneFacts, cid: str, target: str) -> bool:
    """Whether a cue that is a name of its own is still a slip of the hand: its one speech in
    the whole universe stands between two of the bible character it looks like, in a scene
    where nothing else names it and it does not name that character (the thirtieth blind
    look's ERIK, once, amid the priest EIRIK's speeches; a JUSTIN who greets JUSTINE, or is
    introduced, is someone)."""
    if len(ctx.canon.appearances.get(cid, ())) != 1:
        return False
    speeches = scene.dialogue
    at = [k for k, s in enumerate(speeches) if s.character == cid]
    if len(at) != 1 or not 0 < at[0] < len(speeches) - 1:
        return False
    k = at[0]
    if speeches[k - 1].character != target or (
        speeches[k + 1].character != target and not _goes_on(speeches[k - 1], speeches[k])
    ):
        # ... or goes on from the one it looks like, with no reply between: "TOMAS: I made the
        # shape, madam." -- "THOMAS: In Karlsbad this month the windows are all broken." (the
        # fifty-eighth blind look's subtitler, once; a reply to JUSTINE is JUSTIN's own)
        return False
    if target in speeches[k].names:
        return False  # said to the one it looks like ("Evening, Eirik."): someone else
    return not any(cid in s.names for s in scene.sentences) and not any(
        cid in s.names for s in speeches
    )


def _goes_on(before: Speech, speech: Speech) -> bool:
    """Whether a speech goes on from the one before it rather than answering it: the one before
    asks nothing and calls no one, and this one opens on no answer's word."""
    said = before.text.rstrip()
    return (
        not said.endswith("?") and not before.names and _ANSWER_OPENING.match(speech.text) is None
    )


# The words an answer opens on ("Yes, ...", "No.", "Well, ...", "Thank you").
_ANSWER_OPENING = rx.compile(
    r"(?i)\W*(?:yes|yeah|yep|no|nope|well|oh|ah|thanks|thank\s+you|right|sure|okay|ok|why|what|"
    r"really|indeed|quite|of\s+course|i\s+know|and\s+you)\b"
)


def _another_of_the_family(a: str, b: str) -> bool:
    """Whether two cues differ only in the title or kin word before the same name (MR.
    SANGER, MRS. SANGER; ``lexicon.SEXED_WORDS``): another member of the family or the house,
    one letter apart, not a slip."""
    wa, wb = a.lower().replace(".", " ").split(), b.lower().replace(".", " ").split()
    return (
        len(wa) == len(wb) > 1
        and wa[1:] == wb[1:]
        and wa[0] != wb[0]
        and wa[0] in lexicon.SEXED_WORDS
        and wb[0] in lexicon.SEXED_WORDS
    )


def _slip(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter dropped, added or swapped with its neighbour, as
    hands slip (TULLEY, LAMPLIGHTR, MARHSALL). A letter *replaced* is as often another name
    (LARRY and BARRY, PAULA and PAULO, MANNY and DANNY, in Friends), and a trailing S is a
    group (GOBLINS)."""
    if min(len(a), len(b)) < MIN_LETTERS or OSA.distance(a, b) != 1:
        return False
    if _another_of_the_family(a, b):
        return False
    if len(a) == len(b):
        return Levenshtein.distance(a, b) == 2  # a swap: one OSA step, two Levenshtein steps
    short, long_ = sorted((a, b), key=len)
    return long_ != short + "S"


def _first_appearance(ctx: Context, cid: str) -> tuple[str, int] | None:
    for i in ctx.canon.appearances.get(cid, ())[:1]:
        scene = ctx.canon.scenes[i]
        return scene.file, scene.present[cid].line
    return None
