"""capability: an action line puts a character to something the canon says they cannot do.

Anti-pattern (``{at: "ep101#1", cannot: {who: mara, what: drive, tells: ["drives", "behind
the wheel"]}}``)::

    Mara drives through the rain.

Fix: have someone else do it (``Tobias drives; Mara rides shotgun.``), add a scene where she
learns, or seal it: ``[[allow: capability she learned off-screen]]``. Only action lines count,
and only when the character is the sentence's first named character: dialogue about driving is
not driving, and a tell denied, or in another named character's clause ("Mara rides in the back
while Rafi drives"), is not hers (docs/rules/capability.md). An incapacity inferred from one
sentence that three or more later scenes contradict is refuted by the story, not reported (see
``rules/base.py``); which scenes contradict each is kept for a patch to count again only in its
own scenes (``_counted``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from showbible.canon.fold import Known
from showbible.quick import rx
from showbible.reading.facts import SceneFacts, Sentence
from showbible.reading.infer.clauses import PRONOUN_SEX, character_sex
from showbible.reading.prose_seen import owns_a_thing
from showbible.rules.base import REFUTED_BY, Context, Evidence, Finding, Rule, refute
from showbible.rules.premature_knowledge import tell_pattern


class Capability(Rule):
    id = "capability"
    severity = "error"
    summary = "an action line puts a character to something the canon says they cannot do"

    def check(self, ctx: Context) -> Iterator[Finding]:
        fold = ctx.fold
        if not fold.cannot:
            return
        patterns = {
            cid: [
                (k, tell_pattern(k.event.data.get("tells") or [k.event.obj or ""])) for k in knowns
            ]
            for cid, knowns in fold.cannot.items()
        }
        # Over every scene, whatever the scope: how many scenes contradict each inferred
        # incapacity (only those can be refuted; a bible's are not counted, which spares a
        # patch reading every scene's sentences again).
        inferred = {
            cid: mine
            for cid, pats in patterns.items()
            if (mine := [(k, p) for k, p in pats if k.event.source == "inferred"])
        }
        doing = _counted(ctx, inferred, self.id)
        refuted = {
            id(k)
            for knowns in fold.cannot.values()
            for k in knowns
            if refute(k.event, doing[id(k)])
        }
        for scene in ctx.scenes():
            reported: set[str] = set()
            for known, _line, sentence, cid in _contradictions(ctx, scene, patterns):
                if cid in reported or id(known) in refuted:
                    continue
                reported.add(cid)
                what = known.event.obj
                yield self.finding(
                    scene,
                    sentence.line,
                    (cid,),
                    f"{ctx.name(cid)} cannot {what}, but here: {sentence.text.strip()!r}",
                    [
                        Evidence.of(
                            known.event,
                            f"{ctx.name(cid)} cannot {what}" + _said(known.event.data),
                        )
                    ],
                    inferred=known.event.source == "inferred",
                )


def _counted(
    ctx: Context, inferred: dict[str, list[tuple[Known, re.Pattern[str] | None]]], rule: str
) -> Counter[int]:
    """How many scenes contradict each inferred incapacity (by ``id`` of its Known), over every
    scene. A patch re-counts only its own (``ctx.stale``) scenes for a character whose inferred
    incapacities are those counted before: which scenes contradicted each is kept in
    ``ctx.kept`` (and in the one-shot's snapshot). Counting every scene read the words of
    every scene a character with an incapacity leads (15% of a one-shot's patch of a real
    franchise). A character whose incapacities changed is counted again over every scene: a
    sentence counts against the first of them it contradicts."""
    before: dict[str, Any] = {}
    if ctx.kept is not None and ctx.stale is not None:
        before = ctx.kept.get(rule) or {}
    keys = {cid: [_key(k) for k, _p in pats] for cid, pats in inferred.items()}
    again = {cid: pats for cid, pats in inferred.items() if _held(before.get(cid)) != keys[cid]}
    patched = {cid: pats for cid, pats in inferred.items() if cid not in again}
    found: dict[int, set[str]] = {}
    if again:
        for scene in ctx.canon.scenes:
            for k, _line, _s, _cid in _contradictions(ctx, scene, again):
                found.setdefault(id(k), set()).add(scene.key)
    if patched:
        stale = ctx.stale or frozenset()
        for cid, pats in patched.items():
            for (k, _p), scenes in zip(pats, before[cid][1], strict=True):
                found[id(k)] = {s for s in scenes if s not in stale}
        pos = ctx.canon.release_pos
        for key in sorted(k for k in stale if k in pos):
            scene = ctx.canon.scenes[pos[key]]
            for k, _line, _s, _cid in _contradictions(ctx, scene, patched):
                found.setdefault(id(k), set()).add(scene.key)
    if ctx.kept is not None:
        ctx.kept[rule] = {
            cid: [keys[cid], [sorted(found.get(id(k), ())) for k, _p in pats]]
            for cid, pats in inferred.items()
        }
    return Counter({k: len(scenes) for k, scenes in found.items()})


def refuted_in(entry: Any) -> dict[str, tuple[bool, ...]]:
    """Which inferred incapacities of each character the kept counts refute, in order: a patch
    compares them before and after (build/patch.py), since a contradiction added or taken
    away in one episode refutes, or restores, an incapacity whose findings stand in others."""
    if not isinstance(entry, dict):
        return {}
    out = {}
    for cid, counted in entry.items():
        if _held(counted) is not None:
            out[str(cid)] = tuple(len(scenes) >= REFUTED_BY for scenes in counted[1])
    return out


def _key(known: Known) -> str:
    """An inferred incapacity as the next process knows it again: where it was said, and what
    it forbids (the pattern a sentence must match)."""
    e = known.event
    tells = e.data.get("tells") or []
    return f"{e.scene}|{e.line}|{e.obj}|" + "|".join(str(t) for t in tells)


def _held(entry: Any) -> list[str] | None:
    """The keys a kept entry was counted for, or None when it is not one (another version)."""
    if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], list)):
        return None
    keys, scenes = entry
    if not isinstance(scenes, list) or len(scenes) != len(keys):
        return None
    return [str(k) for k in keys]


def _contradictions(
    ctx: Context, scene: SceneFacts, patterns: dict[str, list[tuple[Known, re.Pattern[str] | None]]]
) -> Iterator[tuple[Known, int, Sentence, str]]:
    """Each action sentence of a scene that puts its first-named character (or whom a pronoun
    opening it stands for, see ``_carried``) to something an incapacity in force says they
    cannot do: (the incapacity, line, sentence, character), the first per sentence."""
    fold = ctx.fold
    # Only a sentence led by someone whose incapacity began by this scene can contradict it:
    # asked first of what every scene keeps beside its words, which then stay undecoded.
    pos = fold.at(scene)[0]
    if not any(
        cid in patterns and any(k.moment[0] <= pos for k, _p in patterns[cid])
        for cid in scene.action_leads()
    ):
        return
    before: Sentence | None = None
    for sentence in scene.sentences:
        cid = sentence.names[0] if sentence.names else _carried(sentence, before)
        if sentence.names:
            before = sentence
        if cid is None or cid not in patterns:
            continue
        if sentence.starts and owns_a_thing(sentence.text, sentence.starts[0]):
            continue  # "Mara's nephew drives the van": hers is the van's driver, not she
        when = fold.at(scene, sentence.line)
        for known, pattern in patterns[cid]:
            if pattern is not None and known.moment < when and _done(pattern, sentence):
                yield known, sentence.line, sentence, cid
                break


# A clause or sentence that opens on a subject pronoun: "Ibou tears off his shirt; he plunges
# into the surf and swims".
_PRONOUN_LED = rx.compile(r"^\W*(?:(?:and|then|but)\s+)?(he|she)\b", re.IGNORECASE)


def _carried(sentence: Sentence, before: Sentence | None) -> str | None:
    """Whom a sentence naming no one is about when it opens on "he" or "she" right after a
    sentence of the same action paragraph (its line) naming exactly one character that
    pronoun can mean: that character."""
    opening = _PRONOUN_LED.match(sentence.text)
    if opening is None or before is None or before.line != sentence.line:
        return None
    sex = PRONOUN_SEX[opening.group(1).lower()]
    meant = {cid for cid in before.names if character_sex(cid) in (None, sex)}
    return meant.pop() if len(meant) == 1 else None


# Words that deny what follows them in their clause: "Mara never drives", "nobody behind the
# wheel", "unable to get behind the wheel", "won't swim".
_DENIAL = rx.compile(
    r"\b(?:no|not|never|nobody|none|neither|nor|without|unable|cannot|refuses?|refused|"
    r"instead\s+of|no\s+one|no-one|used\s+to|would)\b|n['’]t\b",
    re.IGNORECASE,
)
_CLAUSE = rx.compile(r"[,;:()\u2014\u2013]|\s--?\s")


def _done(pattern: re.Pattern[str], sentence: Sentence) -> bool:
    """Whether a tell stands in the sentence as something its first named character does: not
    denied in its own clause ("Mara never drives", "nobody behind the wheel of it", "unable to
    get behind the wheel", "used to be the one behind the wheel"), and not nearer another
    named character, whose act it is ("Rudy rides in the back while Tess drives", "Rudy
    watches Tess get behind the wheel"; a name in an aside between commas does not count:
    "Mara, with Rafi beside her, drives")."""
    text = sentence.text
    plain = _ASIDE.sub(lambda a: " " * len(a.group()), text)
    others = [
        start
        for cid, start in zip(sentence.names[1:], sentence.starts[1:], strict=False)
        if cid != sentence.names[0] and plain[start] != " "
    ]
    for m in pattern.finditer(text):
        before = text[: m.start()]
        cuts = [c.end() for c in _CLAUSE.finditer(before)]
        clause = before[cuts[-1] :] if cuts else before
        if _DENIAL.search(clause):
            continue
        nearest = max((start for start in others if start < m.start()), default=None)
        if nearest is not None and _acts_for_another(text, nearest, m.start()):
            continue  # another's act: "... while Tess drives", "watches Tess get behind"
        return True
    return False


# A parenthesis between commas after the first name: "Mara, with Rafi beside her, drives".
_ASIDE = rx.compile(r",[^,;:]{1,60},")
# Before another name, what makes it the subject of the words after it: a clause of its own
# ("while Tess drives", "and Tess takes the wheel") or a verb that lets it act ("watches Tess
# get behind the wheel", "lets Tess drive").
_SUBJECT_NEXT = rx.compile(
    r"\b(?:while|whilst|as|and|but|when|whereas|until|because|so|then|before|after|"
    r"watch(?:es)?|sees?|lets?|makes?|helps?|hears?|wants?|asks?|tells?|leaves?|allows?)\s+$",
    re.IGNORECASE,
)
# ... unless a subject pronoun of the first takes it back before the tell: "as Ishbel came
# down the steps towards him he hauled a creel".
_PRONOUN_SUBJECT = rx.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)


def _acts_for_another(text: str, other: int, tell: int) -> bool:
    return bool(_SUBJECT_NEXT.search(text, 0, other)) and not _PRONOUN_SUBJECT.search(
        text, other, tell
    )


def _said(data: dict[str, object]) -> str:
    """The sentence an inferred fact rests on, for its evidence."""
    return f" (inferred from {data['sentence']!r})" if data.get("sentence") else ""
