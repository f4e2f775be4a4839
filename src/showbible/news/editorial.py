"""The editor's marks inside a sentence, read before anything else: square brackets (the other
name of a pair, or the editor's words inserted into a quote) and a nickname's quotes inside a
name (`Connie 'Meemaw' Tucker`)."""

from __future__ import annotations

import re

from showbible.news.names import NAME
from showbible.quick import rx

_BRACKET = rx.compile(r"\[([^\[\]]{1,120})\]")
_CLARIFIES = rx.compile(rf"^\s*{NAME}\s*,")
_PAIR_BODY = rx.compile(rf"^\s*{NAME}(?:\s+and\s+{NAME})?\s*$")


def editorial(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Square brackets: after a name and holding only names, the other name of a pair
    ("Cate [Maddie Phillips]" reads as "Cate (Maddie Phillips)"), or the name again in full with
    the editor's words ("Jay [Detective Peter Jay, played by Daniel Mays]"); otherwise the words
    inserted into a quote ("Melissa [Rosenberg, the showrunner]"), which are the article's own
    voice: the brackets go, and the spans (with the word before) are returned to keep them."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BRACKET.finditer(text):
        before = text[pos : m.start()]
        out.append(before)
        at = sum(len(p) for p in out)
        body = m.group(1)
        word = re.search(r"(\w[\w’'-]*)\s*$", before)
        if (_PAIR_BODY.match(body) and re.search(rf"{NAME}\s*$", before)) or (
            word is not None
            and _CLARIFIES.match(body)
            and word.group(1) in body.split(",")[0].split()
        ):
            # "Jay [Detective Peter Jay, played by Daniel Mays]": the name again, in full, and
            # what the editor adds about it -- an aside, not the rest of the name
            out.append(f"({body})")
        else:
            word = re.search(r"\S+\s*$", before)
            start = at - (len(word.group(0)) if word else 0)
            out.append(body)
            spans.append((start, at + len(body)))
        pos = m.end()
    out.append(text[pos:])
    # Connie 'Meemaw' Tucker, Jennifer “JJ” Jareau: a nickname's quotes inside a name go (same
    # length, so offsets hold) and the name reads whole.
    joined = _NICKNAME.sub(lambda q: f"{q.group(1)} {q.group(2)} ", "".join(out))
    return joined, spans


_NICKNAME = rx.compile(r"(\b[A-Z][\w.’'-]* )[‘'“\"]([A-Z][\w.’-]{1,20})[’'”\"](?= [A-Z])")
