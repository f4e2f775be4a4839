"""Who plays whom in a sentence that pairs two lists "respectively", whatever the words
between them: "Actors A, B and C (X, Y and Z, respectively)", "A and B, who played X and Y,
respectively, in the original series", "X and Y, portrayed by A and B, respectively", "A and B
will reprise their Boy Meets World roles as X and Y, respectively".

"Respectively" says that two lists of the same length pair in order; it does not say which
list holds the performers. That is decided by the words between the lists (``played by``
puts the performers second; a verb of playing, "as", a role's word or a bracket puts them
first), else by the evidence the article gives for each name (``Knowledge.performer_like``).
The character list is the nearest list before the second of the same length; when none is
(``X (125) and ... Y (192), portrayed by A and B``), the nearest names before it, when the
words between them say "played by". Read in the relations pass, when the performers are known.

Without the word, English still pairs two lists in order when one sentence casts one as the
other: "A and B are hippie leaders X and Y", "A and B round out the cast as the film's
villains, X and Y", "A and B play X and Y". Read so (``in_order``) only when a verb of playing,
"as" or a bare "are"/"were" joins them, nothing else named stands between, the second list
ends its clause, and the article's evidence has every name of one list a performer's and no
name of the other (a bare copula says nothing of direction; "as" and "play" put the performers
first, and then the evidence must agree).
"""

from __future__ import annotations

import itertools

from showbible.news.cleaning import Paragraph
from showbible.news.entities import NAM, Marked, Mention
from showbible.news.names import keyof
from showbible.news.roles import Roles
from showbible.news.rolesigns import DENIED
from showbible.quick import rx

_RESPECTIVELY = rx.compile(r"\brespectively\b")
# Two names or more, coordinated: "A and B", "A, B and C", "A, B, and C".
_LIST = rx.compile(rf"{NAM}(?:\s*,\s*{NAM})*\s*,?\s+(?:and|&)\s+{NAM}")
# Between the two lists: the second holds the performers ("portrayed by").
_BY = rx.compile(r"\b(?:played|portrayed|voiced)\s+by\b")
# Between the two lists: the first holds the performers ("who played", "as", "(").
_PLAYING = rx.compile(
    r"\b(?:plays?|played|playing|portrays?|portrayed|portraying|voices?|voiced|voicing|as|"
    r"roles?|characters?|parts?)\b|\("
)
# How near "respectively" the second list ends: ", respectively", "respectively)".
_NEAR = 4
# Between two lists paired without "respectively": a verb of playing or "as" (performers
# first), or a bare copula, with at most a few describing words after it ("are hippie leaders").
_IN_ORDER_PLAYING = rx.compile(
    r"^\s+(?:(?:will|would|also|now|then|to)\s+)*(?:play|played|portray|portrayed|star\s+as|"
    r"starred\s+as|voice|voiced)\b[^.;:!?()]{0,60}$|^[^.;:!?()]{0,70}\bas\b[^.;:!?()]{0,50}$"
)
# (never a preposition among them: "are the parents of", "are married to", "are friends with")
_IN_ORDER_COPULA = rx.compile(
    r"^\s+(?:are|were)\s+(?:(?!(?:of|to|with|by|for|from|about|at|on|in|and|like|than|not)\b)"
    r"[a-z][\w\-]*\s+){0,4}$"
)
# What may follow the second list so that it ends its clause.
_CLAUSE_END = rx.compile(r"^\s*(?:$|[.,;:!?)\u2014\u2013-]|(?:in|on|for|from|opposite)\b)")


class Respectively(Roles):
    """``plays`` facts from two lists paired "respectively" (see the module's docstring)."""

    def respectively(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        said = _RESPECTIVELY.search(m.text)
        if said is None:
            return
        lists = [
            (match.start(), match.end(), [x for x in m.all(match.group()) if x.kind == "name"])
            for match in _LIST.finditer(m.text[: said.start()])
        ]
        second = [
            (s, e, names)
            for s, e, names in lists
            if len(m.text[e : said.start()].strip(" ,")) <= _NEAR and len(names) >= 2
        ]
        if not second:
            return
        start2, _end2, names2 = second[-1]
        first = [(s, e, n) for s, e, n in lists if e <= start2 and len(n) == len(names2)]
        if first:
            start1, end1, names1 = first[-1]
        else:
            before = [x for x in m.all(m.text[:start2]) if x.kind == "name"]
            start1, end1, names1 = 0, start2, before[-len(names2) :]
            if len(names1) != len(names2) or not _BY.search(m.text[:start2]):
                return
        between = m.text[end1:start2]
        if _BY.search(between):
            performers, characters = names2, names1
        elif _PLAYING.search(between):
            performers, characters = names1, names2
        else:
            side1 = sum(self.kb.performer_like(x.value) for x in names1)
            side2 = sum(self.kb.performer_like(x.value) for x in names2)
            if side1 == side2:
                return  # no evidence of which list is which
            performers, characters = (names1, names2) if side1 > side2 else (names2, names1)
        q = self.qualifier(m, start1, said.end(), question)
        pairs = list(zip(performers, characters, strict=True))
        self._drop_other_pairings(pairs, sentence)
        for performer, character in pairs:
            self.emit_plays(performer.value, character, m, sentence, para, 0.8, q, start1)

    def in_order(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """``plays`` facts from two lists paired in order without "respectively" (see the
        module's docstring)."""
        if _RESPECTIVELY.search(m.text):
            return
        lists = [
            (match.start(), match.end(), [x for x in m.all(match.group()) if x.kind == "name"])
            for match in _LIST.finditer(m.text)
        ]
        for (s1, e1, names1), (s2, e2, names2) in itertools.pairwise(lists):
            if len(names1) != len(names2) or len(names1) < 2:
                continue
            between = m.text[e1:s2]
            if any(x.kind in ("name", "series") for x in m.all(between)) or DENIED.search(between):
                continue  # someone else between; "A and B -- not as X and Y, but as ..."
            if not _CLAUSE_END.match(m.text[e2:]):
                continue
            like1 = [self.kb.performer_like(x.value) for x in names1]
            like2 = [self.kb.performer_like(x.value) for x in names2]
            first = all(v > 0 for v in like1) and not any(v > 0 for v in like2)
            second = all(v > 0 for v in like2) and not any(v > 0 for v in like1)
            if _IN_ORDER_PLAYING.match(between) and first:
                performers, characters = names1, names2
            elif _IN_ORDER_COPULA.match(between) and (first or second):
                performers, characters = (names1, names2) if first else (names2, names1)
            else:
                continue
            q = self.qualifier(m, s1, e2, question)
            pairs = list(zip(performers, characters, strict=True))
            self._drop_other_pairings(pairs, sentence)
            for performer, character in pairs:
                self.emit_plays(performer.value, character, m, sentence, para, 0.75, q, s1)

    def _drop_other_pairings(self, pairs: list[tuple[Mention, Mention]], sentence: str) -> None:
        """A pattern that read this sentence without its "respectively" may have paired these
        names otherwise ("A, B and C, who played X": C plays X); the order the sentence gives
        is the one that holds."""
        flat = " ".join(sentence.split())
        named = {keyof(self.kb.full(x.value)) for pair in pairs for x in pair}
        right = {(keyof(self.kb.full(p.value)), keyof(self.kb.full(c.value))) for p, c in pairs}
        self.facts = [
            f
            for f in self.facts
            if not (
                f.kind == "plays"
                and f.sentence == flat
                and {keyof(f.subject), keyof(f.object)} & named
                and (keyof(f.subject), keyof(f.object)) not in right
            )
        ]
