"""Presence from prose, scored on its labelled dev set (tests/data/presence/).

Each entry is a sentence of an action line or stage direction with the names in it, each labelled
`present` or with the class of reference (possessive, depiction, remains, place, absence,
thought; `other` for a reference no class covers). The component (showbible.reading.prose) reads
every name; we report precision and recall per class, and for presence against reference.

- written.yaml: sentences written for the set, in several voices;
- shakespeare.yaml: stage directions of the nine plays (public domain), with their file:line;
- heldout.yaml: a batch written after the rules were settled, reported apart, never tuned on;
- bigfish.yaml: action lines of a published screenplay by line number only: its text is read
  from $SHOWBIBLE_PROSE_DIR/bigfish.fountain (default /work/scratch/prose) and that part is
  skipped when the file is absent (see the file's header for where it comes from);
- screenplays.yaml: action sentences of eighteen real screenplay PDFs by other writers, labelled
  blind, by PDF, line and a hash of the sentence: read from $SHOWBIBLE_REAL_PDFS (default
  ../scratch/pdfs), skipped when absent. Reported apart: its first look (before any change it
  prompted) is in docs/presence.md;
- westerns.yaml: action sentences of ten real screenplays, labelled blind, by file and a hash of
  the sentence: read from $SHOWBIBLE_WESTERNS (default ../scratch/western), skipped when absent.

    .venv/bin/python bench/presence_dev.py [--errors]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "data" / "presence"
PROSE = Path(os.environ.get("SHOWBIBLE_PROSE_DIR", "/work/scratch/prose"))
PDFS = Path(os.environ.get("SHOWBIBLE_REAL_PDFS", str(HERE.parents[1] / "scratch" / "pdfs")))
WESTERNS = Path(os.environ.get("SHOWBIBLE_WESTERNS", str(HERE.parents[1] / "scratch" / "western")))
BIGFISH_SHA256 = "d1c01de73c9d42b08196fe4667f9ed3499da5b87b78379da387418317e948d87"
LABELS = ("present", "possessive", "depiction", "remains", "place", "absence", "thought", "other")


@dataclass(frozen=True)
class Mention:
    part: str  # which file of the set
    voice: str
    where: str  # file:line or the sentence's first words
    sentence: str
    name: str
    start: int
    end: int
    gold: str
    context: str  # the whole line or paragraph


def _spans(text: str, names: list[tuple[str, int]]) -> list[tuple[int, int]]:
    """Where each (name, occurrence) stands in ``text``, in order."""
    out: list[tuple[int, int]] = []
    for name, nth in names:
        at = -1
        for _ in range(nth):
            at = text.find(name, at + 1)
            if at < 0:
                raise ValueError(f"{name!r} (occurrence {nth}) is not in {text!r}")
        out.append((at, at + len(name)))
    return out


def _sentence_of(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, list[int]]]:
    """The line split as the extractor splits it for presence: (sentence, offset, indexes)."""
    from showbible.reading.extract import presence_sentences

    out = []
    for start, sentence in presence_sentences(text):
        inside = [i for i, (a, _b) in enumerate(spans) if start <= a < start + len(sentence)]
        if inside:
            out.append((sentence, start, inside))
    return out


# A sentence found by its hash: where it stands (its line, if the reader gives one), the
# paragraph it stands in and its offset there.
Found = tuple[int, str, int]


def _pdf_sentences(root: Path, src: str) -> dict[str, list[Found]]:
    """Every action sentence of a PDF as the extraction splits it, by sha256 prefix."""
    from showbible.formats import read_script
    from showbible.model import Kind
    from showbible.reading.extract import _line_at, _sentences

    out: dict[str, list[Found]] = {}
    pdf = root / src
    for el in read_script(pdf).elements if pdf.is_file() else ():
        if el.kind is not Kind.ACTION:
            continue
        for start, sentence in _sentences(el.text):
            sha = hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:16]
            out.setdefault(sha, []).append((_line_at(el, start), el.text, start))
    return out


def _western_sentences(root: Path, src: str) -> dict[str, list[Found]]:
    """A film's action text as one stream of sentences (its lines joined), by sha256 prefix;
    each sentence is its own paragraph."""
    from showbible.reading.extract import _sentences

    out: dict[str, list[Found]] = {}
    path = root / f"{src}.txt"
    if path.is_file():
        raw = path.read_text(encoding="utf-8", errors="replace").split("\n")
        text = " ".join(line.strip() for line in raw if line.strip())
        for _start, sentence in _sentences(text):
            sha = hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:16]
            out.setdefault(sha, []).append((0, sentence, 0))
    return out


def _hashed_mentions(
    part: str,
    entries: list[dict[str, object]],
    root: Path,
    sentences_of: Callable[[Path, str], dict[str, list[Found]]],
) -> list[Mention]:
    """A part whose texts are not committed: each entry's sentence found by its hash in its
    source under ``root`` (at its line when the source has it there twice); an entry whose
    sentence is not found (another reader, another file) is left out and counted on stderr."""
    by_src: dict[str, dict[str, list[Found]]] = {}
    mentions: list[Mention] = []
    lost = 0
    for entry in entries:
        src = str(entry["src"])
        if src not in by_src:
            by_src[src] = sentences_of(root, src)
        candidates = by_src[src].get(str(entry["sha"]), [])
        line = int(str(entry.get("line", 0)))
        found = next((c for c in candidates if c[0] == line), candidates[0] if candidates else None)
        if found is None:
            lost += 1
            continue
        _line, text, offset = found
        names = entry["names"]
        assert isinstance(names, list)
        sentence_spans = _spans(text[offset:], [(n, int(k)) for n, k, _ in names])
        spans = [(a + offset, b + offset) for a, b in sentence_spans]
        where = f"{src}:{line}" if line else src
        sample = str(entry.get("sample", ""))
        for sentence, at, inside in _sentence_of(text, spans):
            for i in inside:
                a, b = spans[i]
                mentions.append(Mention(part, sample, where, sentence, str(names[i][0]),
                                        a - at, b - at, str(names[i][2]), text))  # fmt: skip
    if lost:
        print(f"{part}: {lost} sentences not found in {root}", file=sys.stderr)
    return mentions


def load(parts: tuple[str, ...] = ("written", "shakespeare", "bigfish")) -> list[Mention]:
    yaml = YAML(typ="safe")
    mentions: list[Mention] = []
    for part in parts:
        path = DATA / f"{part}.yaml"
        entries = yaml.load(path.read_text(encoding="utf-8")) or []
        if part == "screenplays":
            mentions += _hashed_mentions(part, entries, PDFS, _pdf_sentences)
            continue
        if part == "westerns":
            mentions += _hashed_mentions(part, entries, WESTERNS, _western_sentences)
            continue
        source: list[str] | None = None
        if part == "bigfish":
            text_file = PROSE / "bigfish.fountain"
            if not text_file.is_file():
                continue
            raw = text_file.read_bytes()
            if hashlib.sha256(raw).hexdigest() != BIGFISH_SHA256:
                print(f"skipped bigfish: {text_file} is not the labelled version", file=sys.stderr)
                continue
            source = raw.decode("utf-8").splitlines()
        for entry in entries:
            if source is not None:
                text = source[int(entry["line"]) - 1].strip()
                names = [(n, int(k)) for n, k, _ in entry["names"]]
                golds = [g for _, _, g in entry["names"]]
                where = f"bigfish:{entry['line']}"
            else:
                text = entry["text"]
                names = [
                    (n, 1 + [m for m, _ in entry["names"][:i]].count(n))
                    for i, (n, _) in enumerate(entry["names"])
                ]
                golds = [g for _, g in entry["names"]]
                where = entry.get("ref") or text[:40]
            spans = _spans(text, names)
            for sentence, offset, inside in _sentence_of(text, spans):
                for i in inside:
                    a, b = spans[i]
                    mentions.append(
                        Mention(
                            part,
                            entry.get("voice", "screenplay"),
                            where,
                            sentence,
                            names[i][0],
                            a - offset,
                            b - offset,
                            golds[i],
                            text,
                        )
                    )
    return mentions


def predict(mentions: list[Mention]) -> list[str]:
    from showbible.reading.extract import ENTRANCE
    from showbible.reading.prose import read_mentions

    by_sentence: dict[tuple[str, str, str], list[int]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault((m.where, m.sentence, m.context), []).append(i)
    out = [""] * len(mentions)
    for (_where, sentence, context), idx in by_sentence.items():
        readings = read_mentions(
            sentence,
            [(mentions[i].start, mentions[i].end) for i in idx],
            direction=bool(ENTRANCE.match(sentence)),
            context=context,
        )
        for i, r in zip(idx, readings, strict=True):
            out[i] = r.why
    return out


def seen_table(mentions: list[Mention], predicted: list[str], errors: bool) -> None:
    """Of the names the reader takes for presence, how many ``prose_seen.seen`` shows there:
    on those the gold has present (the accusing rules keep them) and on those it has as a
    reference (the reader's false presence, which ``seen`` should drop)."""
    from showbible.reading.extract import ENTRANCE
    from showbible.reading.prose_seen import seen
    from showbible.reading.prose_tense import narrated_in_present

    # The engine reads a script's tense from all its action lines; here, from the labelled
    # sentences of each source file (a real screenplay's or western's), which sample them.
    by_file: dict[str, list[str]] = {}
    for m in mentions:
        if m.part in ("screenplays", "westerns"):
            by_file.setdefault(m.where.split(":")[0], []).append(m.sentence)
    tense = {f: narrated_in_present(texts) for f, texts in by_file.items()}
    kept: Counter[tuple[str, bool]] = Counter()
    for m, p in zip(mentions, predicted, strict=True):
        if p != "present":
            continue
        present_tense = tense.get(m.where.split(":")[0], False)
        shown = seen(
            m.sentence,
            m.start,
            m.end,
            direction=bool(ENTRANCE.match(m.sentence)),
            present_tense=present_tense,
        )
        kept[(m.gold, shown)] += 1
        if errors and shown != (m.gold == "present"):
            print(f"  seen={shown} gold {m.gold}: {m.where}: {m.name} | {m.sentence[:150]}")
    right = kept[("present", True)], kept[("present", True)] + kept[("present", False)]
    wrong = sum(n for (g, s), n in kept.items() if g != "present" and s)
    false = sum(n for (g, _s), n in kept.items() if g != "present")
    print(
        f"  seen: present kept {right[0]}/{right[1]}"
        f" ({right[0] / max(1, right[1]):.3f}); false presence kept {wrong}/{false}"
    )


def scores(mentions: list[Mention], predicted: list[str]) -> dict[str, dict[str, float]]:
    """Per label: support, precision, recall; plus `reference` (every class against present)."""
    rows: dict[str, dict[str, float]] = {}
    pairs = [(m.gold, p) for m, p in zip(mentions, predicted, strict=True)]
    for label in (*LABELS, "reference"):

        def is_(x: str, label: str = label) -> bool:
            return x != "present" if label == "reference" else x == label

        gold_n = sum(is_(g) for g, _ in pairs)
        pred_n = sum(is_(p) for _, p in pairs)
        hit = sum(is_(g) and is_(p) for g, p in pairs)
        if label != "reference" and label != "present":
            # a reference read as another class is still a reference: counted apart below
            pass
        rows[label] = {
            "gold": gold_n,
            "predicted": pred_n,
            "precision": hit / pred_n if pred_n else float("nan"),
            "recall": hit / gold_n if gold_n else float("nan"),
        }
    rows["accuracy"] = {
        "gold": len(pairs),
        "predicted": len(pairs),
        "precision": sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0,
        "recall": float("nan"),
    }
    return rows


def report(mentions: list[Mention], predicted: list[str]) -> None:
    counts = Counter(m.part for m in mentions)
    print(
        "mentions: "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
        + f"; {len(mentions)} in all"
    )
    print(f"{'class':<12} {'gold':>5} {'pred':>5} {'precision':>9} {'recall':>7}")
    for label, r in scores(mentions, predicted).items():
        if label == "accuracy":
            print(f"exact class accuracy {r['precision']:.3f}")
            continue
        print(
            f"{label:<12} {int(r['gold']):>5} {int(r['predicted']):>5} "
            f"{r['precision']:>9.3f} {r['recall']:>7.3f}"
        )
    for part in counts:
        sub = [(m, p) for m, p in zip(mentions, predicted, strict=True) if m.part == part]
        right = sum((m.gold == "present") == (p == "present") for m, p in sub)
        print(f"  {part}: present-vs-reference right {right}/{len(sub)} ({right / len(sub):.3f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every wrong reading")
    parser.add_argument(
        "--seen", action="store_true", help="how the accusing rules' test (prose_seen) reads them"
    )
    args = parser.parse_args()
    for title, parts in (
        ("dev set (written, shakespeare, bigfish)", ("written", "shakespeare", "bigfish")),
        ("held-out batch (never tuned on)", ("heldout",)),
        ("real screenplays (labelled blind; see docs for the first look)", ("screenplays",)),
        ("real westerns (labelled blind; see docs for the first look)", ("westerns",)),
    ):
        mentions = load(parts)
        if not mentions:
            print(f"== {title} ==\n(absent)")
            continue
        predicted = predict(mentions)
        print(f"== {title} ==")
        if args.errors:
            for m, p in zip(mentions, predicted, strict=True):
                if m.gold != p:
                    print(f"{m.where}: {m.name}: gold {m.gold}, read {p} | {m.sentence[:160]}")
        report(mentions, predicted)
        if args.seen:
            seen_table(mentions, predicted, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
