"""Characters named bare in the article's own retelling of a story: an episode's recap, a
season's preview, a review ("Ava tells the teachers ...", "Locke is dead, Ben is on the run").

The relations read a character only with evidence inside its sentence (a performer, a role's
verb, the bible); a recap names its characters by first name and gives no such evidence, only
the genre of the text. Journalists name a real person in full and then by surname, and a
character by first name: so a one-word name the article never gives in full, never after
"the" or a preposition, with no performer's evidence, standing as the subject of a verb, is a
character (``characters.bare_character``); and in an article about one show (its dominant
show, or the show its paragraph is about) it is that show's. Proposed below the plainer facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from showbible.news.characters import bare_character
from showbible.news.cleaning import sentences
from showbible.news.entities import Marked, ranked, title_case
from showbible.news.extractor import HEDGE, Extractor
from showbible.news.names import keyof
from showbible.news.synopses import subject_of_verb

# Below the facts a sentence states: the genre of the text is the evidence.
CONFIDENCE = 0.4
# Verbs of appearing or casting: their sentences are the relations' to read (and to refuse:
# "Otis and Sydney will appear in some capacity in Lisbon" places no one).
_APPEARING = re.compile(
    r"\b(?:appear(?:s|ed|ing)?|return(?:s|ed|ing)?|guest|cameo|star(?:s|red|ring)?|"
    r"reprise[sd]?|reprising|join(?:s|ed|ing)?|cast|play(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)


class Recaps(Extractor):
    """appears_in facts for characters named bare as the subject of a verb in a text about one
    show."""

    def recaps(self) -> None:
        main = self.dominant_show()
        # Every sentence of the article's prose, marked once: which names stand inside running
        # prose is known only once all of it is read.
        read = [
            (para, offset, sentence, self.kb.mark(sentence))
            for para in self.article.paragraphs
            if not para.title  # a headline's capitals mark no name
            for offset, sentence in sentences(self.kb.speechless(para.text))
        ]
        inside = _named_inside(m for _p, _o, sentence, m in read if not title_case(sentence))
        # A capitalised word the article also writes in lower case is a word ("Medicine",
        # "Follow", "Faith"), not a first name.
        lower = set(
            re.findall(r"\b[a-z][a-z'’\-]+\b", "\n".join(p.text for p in self.article.paragraphs))
        )
        placed = {(keyof(f.subject), keyof(f.object)) for f in self.facts if f.kind == "appears_in"}
        for para, offset, sentence, marked in read:
            if HEDGE.search(sentence) or _APPEARING.search(sentence):
                continue  # a hypothesis; an appearance the relations read, or refused
            show = self.topic_show(para, offset) or main
            if not show or self.franchise(show):
                continue
            for x in marked.mentions:
                if x.kind != "name" or not subject_of_verb(marked, x):
                    continue
                who = bare_character(self.kb, x.value) or self._first_named(x.value)
                if who is None or keyof(x.value) not in inside or x.value.lower() in lower:
                    continue
                if re.fullmatch(r"[A-Z]{2,}", who) or re.search(r"['’][a-z]{1,2}$", who):
                    continue  # an acronym ("FBI"), a contraction ("I'm"): no one's name
                if (keyof(who), keyof(show)) in placed or keyof(who) == keyof(show):
                    continue
                placed.add((keyof(who), keyof(show)))
                self.add("appears_in", who, show, para.line, sentence, CONFIDENCE)

    def _first_named(self, name: str) -> str | None:
        """The full name a one-word name stands for, when it is how a character is named again:
        its first word ("Leslie" of "Leslie Knope": a real person is named again by surname) or
        after a rank ("Jamm" of "Councilman Jamm"); never a performer's name."""
        full = self.kb.full(name)
        words = full.split()
        if " " in name or len(words) < 2 or self.kb.is_series(full):
            return None
        k = keyof(full)
        if k in self.kb.performers or k in self.kb.roles or self.kb.performer_like(full) > 0:
            return None
        if k not in self.kb.characters and not ranked(full):
            return None  # a full name is a character's only on evidence ("Leslie Knope (Amy ...)")
        if words[0] == name or (ranked(full) and words[-1] == name):
            return self.kb.characters.get(k, full)
        return None


def _named_inside(marked: Iterable[Marked]) -> set[str]:
    """The one-word names written with a capital inside a sentence of running prose (the
    sentences given: not a headline, not a line in title case, whose capitals mark no name):
    not only at a sentence's start ("Fans", "Below", "Earlier")."""
    out: set[str] = set()
    for m in marked:
        # where the sentence's first word stands (a placeholder is no word character)
        lead = re.match(r"[^\w\ue000\ue002]*", m.text)
        start = lead.end() if lead else 0
        for x in m.mentions:
            if x.kind == "name" and " " not in x.value:
                at = m.text.find(x.token)
                # after a colon, a dash or a quote a capital opens a clause, not a name
                if at != start and re.search(r"[\w,\ue001\ue003]\s+$", m.text[:at]):
                    out.add(keyof(x.value))
    return out
