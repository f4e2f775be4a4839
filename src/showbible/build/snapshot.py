"""The part of a compiled canon that the store's caches do not already hold, kept beside it for
the one-shot path (oneshot.py): the findings, exactly as the rules gave them, the inferred
facts joined across scenes (``reading.infer.linking.link``), who met whom first
(``canon.fold.met_rows``), the speech counts (``compiled.Totals``: every scene's counted
again was a tenth of the one-shot path), the cast as the replay of every episode's names
leaves it (caststate.py: the replay was another tenth) and what the rules counted over every
scene (``Compiled.kept``: ``capability``'s contradictions, 15% of a patch of a real franchise).

Everything else a resident session holds is made again from the extraction cache (versioned,
columnar JSON: factcache.py) by folding, which is cheap; the findings are not (every rule over
every scene), and the ``findings`` table drops what tells two findings apart (``subject``).
Neither is the joining of inferred facts, which reads every scene's words for every secret's
tells: 1.6 of the one-shot path's CPU seconds at 500 synthetic episodes, which a patch then
spends once more on the edited canon. Nor are the meetings, which read every scene's stage
directions for entrances and exits (0.7 CPU s there).
JSON, for the reason serial.py gives: in team mode the store is shared, and unpickling shared
data runs code. A snapshot of another format, or of another canon than the store's, is never
read: the caller builds instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import orjson

from showbible.build.compiled import Totals
from showbible.canon.fold import MetRow
from showbible.reading.infer.linking import Linked
from showbible.rules import Evidence, Finding

# 7: the crossings' leads and the classes' doubles (6: what the rules counted over the canon;
# 5: the cast as the replay of the episodes' names leaves it; 4: the speech counts; 3: the
# meetings; 2: the joined inferred facts)
FORMAT = 7
META_KEY = "snapshot"


def dump(
    universe_hash: str,
    findings: list[Finding],
    linked: list[Linked] | None,
    met: list[MetRow] | None = None,
    totals: Totals | None = None,
    cast: dict[str, Any] | None = None,
    kept: dict[str, Any] | None = None,
) -> str:
    """``linked``, ``met``, ``totals``, ``cast`` (caststate.capture): None when the canon's
    were not at hand (the snapshot then has none, and the one-shot path works them out
    again)."""
    rows = [
        [
            f.rule,
            f.severity,
            f.file,
            f.line,
            f.scene,
            list(f.characters),
            f.message,
            [[e.file, e.line, e.message, e.scene, e.source] for e in f.evidence],
            f.sealed,
            f.seal_reason,
            f.inferred,
            f.subject,
        ]
        for f in findings
    ]
    doc: dict[str, object] = {"v": FORMAT, "u": universe_hash, "f": rows}
    if linked is not None:
        doc["l"] = [
            [x.verb, x.subject, x.scene, x.line, x.file, x.confidence, x.sentence, x.obj, x.data]
            for x in linked
        ]
    if met is not None:
        doc["m"] = met
    if totals is not None:
        # Sorted: a patch's totals hold the same counts as a build's in another order.
        doc["t"] = [
            sorted(totals.speeches.items()),
            [[c, series, label, n] for (c, series, label), n in sorted(totals.labels.items())],
            sorted(totals.mentioned.items()),
        ]
    if cast is not None:
        doc["c"] = cast
    if kept:
        doc["k"] = kept
    return orjson.dumps(doc, option=orjson.OPT_NON_STR_KEYS).decode()  # as factcache


@dataclass
class Snapshot:
    findings: list[Finding]
    linked: list[Linked] | None  # None: written without them (the caller joins them again)
    met: list[MetRow] | None = None  # None: written without them (the caller finds them)
    totals: Totals | None = None  # None: written without them (the caller counts them)
    # The cast's state (caststate.py), read back as JSON; None: written without it (the caller
    # replays every episode's names). Checked as it is put back.
    cast: dict[str, Any] | None = None
    # What the rules counted over the canon (rules.base.Context.kept): a rule that finds its
    # entry missing or not of its shape counts again.
    kept: dict[str, Any] | None = None


def load(text: str | None, universe_hash: str) -> tuple[Snapshot | None, str]:
    """The snapshot of the canon ``universe_hash``, or None and why not."""
    if text is None:
        return None, "the store holds no snapshot"
    try:
        # orjson, as it was written: a third of the time of the json module's decoder here.
        doc = orjson.loads(text)
        if not isinstance(doc, dict):
            return None, "the snapshot is damaged"
        if doc.get("v") != FORMAT:
            return None, f"the snapshot is of format {doc.get('v')!r}, not {FORMAT}"
        if doc.get("u") != universe_hash:
            return None, "the snapshot is of another canon than the store's"
        findings = [
            Finding(
                str(rule),
                str(severity),
                str(file),
                int(line),
                str(scene),
                tuple(str(c) for c in characters),
                str(message),
                [Evidence(ef, int(el), em, es, eo) for ef, el, em, es, eo in evidence],
                sealed=bool(sealed),
                seal_reason=seal_reason,
                inferred=bool(inferred),
                subject=str(subject),
            )
            for (
                rule,
                severity,
                file,
                line,
                scene,
                characters,
                message,
                evidence,
                sealed,
                seal_reason,
                inferred,
                subject,
            ) in doc["f"]
        ]
        rows = doc.get("l")
        linked = None if rows is None else [
            Linked(str(verb), str(subject), str(scene), int(line), str(file), float(confidence),
                   str(sentence), None if obj is None else str(obj), dict(data))
            for verb, subject, scene, line, file, confidence, sentence, obj, data in rows
        ]  # fmt: skip
        pairs = doc.get("m")
        met = None if pairs is None else [
            (str(a), str(b), str(first), str(story), int(count))
            for a, b, first, story, count in pairs
        ]  # fmt: skip
        counts = doc.get("t")
        totals = None if counts is None else Totals(
            _counts(counts[0]),
            Counter({(str(c), str(sr), str(lab)): int(n) for c, sr, lab, n in counts[1]}),
            _counts(counts[2]),
        )  # fmt: skip
        cast = doc.get("c")
        if cast is not None and not isinstance(cast, dict):
            return None, "the snapshot is damaged"
        kept = doc.get("k")
        if kept is not None and not isinstance(kept, dict):
            return None, "the snapshot is damaged"
    except (ValueError, KeyError, TypeError, IndexError):
        return None, "the snapshot is damaged"
    return Snapshot(findings, linked, met, totals, cast, kept), ""


def _counts(pairs: list[list[object]]) -> Counter[str]:
    return Counter({str(k): int(str(v)) for k, v in pairs})
