"""Characters the text calls so: "soap S won the prize when character Dot told ...", "the drama
S returns with fan-favourite character Dot Crane". A name right after the word "character", in a
sentence that names one show and no performer for it, is that show's character.

Whose character it is ("his character X", "A's character X") is read elsewhere (``careers``,
``roles``); here nobody owns the word, so only where the character is seen is said. A sentence
naming two shows or more, a film, or a hedge says nothing.
"""

from __future__ import annotations

from showbible.news.careers import Careers
from showbible.news.cleaning import Paragraph
from showbible.news.entities import NAM, Marked
from showbible.news.names import keyof
from showbible.quick import rx

# "character Dot", "the character Dot Crane", "fan-favourite character X"; not "his character",
# "A's character", "S character" (an owner, read elsewhere), nor "character actor X"
_CALLED = rx.compile(
    rf"(?<![’'])(?<!\ue001)(?<!\ue003)\s(?:(?:the|a|an|new|old|popular|fan-favou?rite|"
    rf"long-running|much-loved|beloved)\s+){{0,2}}characters?\s+(?P<c>{NAM})(?!\s*[’']s\b)"
)
_OWNED_BEFORE = rx.compile(r"\b(?:his|her|their|its|my|your|our)\s+(?:[a-z][\w\-]*\s+){0,2}$")


class Called(Careers):
    """``appears_in`` for a name the sentence calls a character (see the module's docstring)."""

    def roles_pass(self, sentence: str, para: Paragraph, offset: int) -> None:
        super().roles_pass(sentence, para, offset)
        if not (para.title or sentence.rstrip().endswith("?")):
            self.called(self.kb.mark(sentence), sentence, para)

    def called(self, m: Marked, sentence: str, para: Paragraph) -> None:
        shows = {x.value for x in m.mentions if x.kind == "series"}
        if len(shows) != 1 or any(self.franchise(s) for s in shows):
            return
        show = shows.pop()
        if self.filmed(show):
            return
        for match in _CALLED.finditer(m.text):
            if _OWNED_BEFORE.search(m.text[: match.start() + 1]):
                continue  # "his character X": whose it is, read by careers
            if self.hedged(m.text, match.start(), match.end()):
                continue
            x = m.at(match.group("c"))
            full = self.kb.full(x.value)
            if x.kind != "name" or self.kb.performer_like(full) > 0:
                continue
            if keyof(full) in self.kb.performers or keyof(full) == keyof(show):
                continue
            self.add("appears_in", full, show, para.line, sentence, 0.6)
