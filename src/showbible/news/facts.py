"""A proposed production fact, its JSON and text forms, and the per-file tidy-up of a fact list.

Kinds (``subject`` -> ``object``): ``plays`` (performer -> character), ``showrunner`` (person ->
series), ``appears_in`` (character -> series or film), ``quote`` (speaker -> words), ``source``
(outlet -> the article's title).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from showbible.news.entities import ranked
from showbible.news.names import keyof

KINDS = ("plays", "showrunner", "appears_in", "quote", "source")
# What a fact may say about itself beyond its triple: "ended" for a showrunner who stepped down
# or left (true of the past, not of the present); "hedged" for a fact the article only expects.
QUALIFIERS = ("", "ended", "hedged")
# Where a role is played when the article says it is not television: a fact of a film, a stage,
# a record or a book is still a production fact (a universe may hold films and plays), marked so
# that a television universe can leave it out (``tv_only``).
MEDIA = ("", "film", "stage", "music", "book")


@dataclass(frozen=True, slots=True)
class NewsFact:
    """One proposed fact, with where it comes from."""

    kind: str
    subject: str
    object: str
    file: str
    line: int
    sentence: str
    confidence: float
    qualifier: str = ""
    medium: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "subject": self.subject,
            "object": self.object,
            "file": self.file,
            "line": self.line,
            "sentence": self.sentence,
            "confidence": round(self.confidence, 2),
        }
        if self.qualifier:
            out["qualifier"] = self.qualifier
        if self.medium:
            out["medium"] = self.medium
        return out


def facts_to_json(facts: Iterable[NewsFact]) -> dict[str, object]:
    """The JSON document of ``showbible news --format json``."""
    return {"facts": [f.to_json() for f in facts]}


_ARROWS = {
    "plays": "plays",
    "showrunner": "runs",
    "appears_in": "appears in",
    "quote": "said",
    "source": "cited for",
}


def format_fact(fact: NewsFact) -> str:
    """One line of ``showbible news`` text output."""
    arrow = _ARROWS[fact.kind]
    if fact.kind == "showrunner" and fact.qualifier == "ended":
        arrow = "ran (no longer)"
    obj = fact.object if fact.kind != "quote" else f"“{_clip(fact.object, 70)}”"
    hedge = " [hedged]" if fact.qualifier == "hedged" else ""
    medium = f" [{fact.medium}]" if fact.medium else ""
    return (
        f"{fact.file}:{fact.line}: {fact.kind} ({fact.confidence:.2f}): "
        f"{fact.subject} {arrow} {obj}{hedge}{medium}"
    )


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _tidy(fact: NewsFact) -> NewsFact:
    """Names end where the sentence's punctuation begins ("Frank Castle." -> "Frank Castle")."""
    if fact.kind in ("plays", "showrunner", "appears_in"):
        subject = fact.subject.strip().rstrip(".,;:!?")
        obj = fact.object.strip().rstrip(",;:!?")
        if obj.endswith(".") and not obj.endswith((".D.", ".I.")):
            obj = obj.rstrip(".")
        if (subject, obj) != (fact.subject, fact.object):
            return dataclasses.replace(fact, subject=subject, object=obj)
    return fact


def dedupe(facts: list[NewsFact]) -> list[NewsFact]:
    """One fact per file, kind, subject and object: the most confident reading; a showrunner
    said to have left is "ended" even where another sentence names them plainly."""
    best: dict[tuple[str, str, str, str], NewsFact] = {}
    ended: set[tuple[str, str, str, str]] = set()
    order: list[tuple[str, str, str, str]] = []
    for f in map(_tidy, facts):
        k = (f.file, f.kind, keyof(f.subject), keyof(f.object))
        if f.qualifier == "ended":
            ended.add(k)
        old = best.get(k)
        if old is None:
            best[k] = f
            order.append(k)
        elif bool(old.medium) != bool(f.medium):
            if old.medium:  # said of television in another sentence: that reading stands
                best[k] = f
        elif f.confidence > old.confidence or (
            old.qualifier == "hedged" and f.qualifier != "hedged"
        ):
            best[k] = f
    out = []
    # "Preston Burke" beside "Dr. Preston Burke" for the same performer: one role, kept with its
    # rank (a rank is part of the name the house gold gives)
    with_rank = {
        (k[0], k[2], keyof(best[k].object.split(maxsplit=1)[1]))
        for k in order
        if k[1] == "plays" and ranked(best[k].object) and " " in best[k].object.strip()
    }
    for k in order:
        f = best[k]
        if k[1] == "plays" and (k[0], k[2], k[3]) in with_rank:
            continue
        if k in ended and f.qualifier != "ended":
            f = dataclasses.replace(f, qualifier="ended")
        out.append(f)
    return sorted(out, key=lambda f: (f.file, f.line, KINDS.index(f.kind)))
