"""Characters named bare in the article's own retelling of a story: an episode's recap, a
season's preview, a review ("Ava tells the teachers ...", "Locke is dead, Ben is on the run").

The relations read a character only with evidence inside its sentence (a performer, a role's
verb, the bible); a recap names its characters by first name and gives no such evidence, only
the genre of the text. Journalists name a real person in full and then by surname, and a
character by first name: so a one-word name the article never gives in full, never after
"the" or a preposition, with no performer's evidence, standing as the subject of a verb, is a
character (``characters.bare_character``); and in an article about one show (its dominant
show, or the show its paragraph is about) it is that show's. Proposed below the plainer facts.

And the names listed with a character placed so, or after "the characters of"
(``_listed_with``). And the article's own cast, wherever its names stand (``_named_cast``): a
name the article uses as a character's twice or more, by how it names people (a character by
first name or by rank, a real person in full and then by surname; a first name the census
lists is evidence).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from showbible.news.characters import bare_character, word_not_name
from showbible.news.cleaning import Paragraph, sentences
from showbible.news.entities import Marked, Mention, ranked, title_case
from showbible.news.extractor import Extractor
from showbible.news.names import ORGS, TIE, keyof
from showbible.news.synopses import subject_of_verb
from showbible.quick import rx
from showbible.reading.lexicon.given import is_given_name

# Below the facts a sentence states: the genre of the text is the evidence.
CONFIDENCE = 0.4
# Verbs of appearing or casting: their sentences are the relations' to read (and to refuse:
# "Otis and Sydney will appear in some capacity in Lisbon" places no one).
_APPEARING = rx.compile(
    r"\b(?:appear(?:s|ed|ing)?|return(?:s|ed|ing)?|guest|cameo|star(?:s|red|ring)?|"
    r"reprise[sd]?|reprising|join(?:s|ed|ing)?|cast|play(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)


# What names a title, not a person: "titled the first episode Eden", "an episode called Pilot"
_TITLED = rx.compile(r"\b(?:titled|entitled|called|named|dubbed)\s+(?:[a-z][\w\-]*\s+){0,3}$")

# What calls the names listed next characters: "the (legendary) characters of", "characters
# like", "such characters as"
_CHARACTERS_OF = rx.compile(
    r"\bcharacters\s+(?:of|like|such\s+as|including|named)\s+$|\bsuch\s+characters\s+as\s+$"
)

# Names listed together in a marked text: "A, B and C", "A and B", "A & B".
_TOKEN_LIST = rx.compile(
    r"\ue002\d+\ue003(?:\s*,\s*(?:and\s+)?\ue002\d+\ue003|\s+(?:and|&)\s+\ue002\d+\ue003)+"
)

# A name a tie introduces ("son Billy", "her sister Khloé", "sons William in 1982 and Harry") or
# one given an age ("Billy, 16,"): someone's family, whose the relatives read (relatives.py);
# the genre of the text says nothing of it.
_TIED = rx.compile(
    rf"\b(?:{TIE}|sons|daughters|children|kids|brothers|sisters|parents|grandchildren|dog|"
    r"puppy)\s*,?\s+(?:[^.;:\ue000]{0,40}?(?:\band|,)\s+)?$"
)
_AGED = rx.compile(r"\s*,\s*\d{1,3}\s*[,.;]")

# One sentence of the article's prose: its paragraph, where it starts there, its text, marked.
_Read = tuple[Paragraph, int, str, Marked]


class Recaps(Extractor):
    """appears_in facts for characters named bare as the subject of a verb in a text about one
    show."""

    family: frozenset[str] = frozenset()  # names the article gives as someone's family
    stars: frozenset[str] = frozenset()  # the words of the performers' names

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
        # A word of a performer's name is the performer's ("Madeline's prom dress" of Madeline
        # Petsch, "Cook's bookworm" of Rachael Leigh Cook): stars go by first name too.
        self.stars = frozenset(w for k in self.kb.performers for w in k.split())
        # Someone's son or daughter anywhere in the article is a real one everywhere in it
        # ("son Billy, 16" ... "Billy was seen carrying the shopping").
        self.family = frozenset(
            keyof(self.kb.full(x.value))
            for _p, _o, _s, m in read
            for x in m.mentions
            if x.kind == "name" and _family(m, x, m.text.find(x.token))
        )
        # A capitalised word the article also writes in lower case is a word ("Medicine",
        # "Follow", "Faith"), not a first name.
        lower = set(re.findall(r"\b[a-z][a-z'’\-]+\b", self.article.text))
        placed = {(keyof(f.subject), keyof(f.object)) for f in self.facts if f.kind == "appears_in"}
        for para, offset, sentence, marked in read:
            if _APPEARING.search(sentence):
                continue  # an appearance the relations read, or refused
            show = self.topic_show(para, offset) or main
            if not show or self.franchise(show):
                continue
            for x in marked.mentions:
                if x.kind != "name" or not subject_of_verb(marked, x):
                    continue
                at = marked.text.find(x.token)
                if self.hedged_about(marked.text, at, at + len(x.token)):
                    continue  # "Ava might ...": a hypothesis
                if _TITLED.search(marked.text[:at]):
                    continue  # "titled the first episode Eden": an episode's title
                if keyof(self.kb.full(x.value)) in self.family or keyof(x.value) in self.stars:
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
        self._named_cast(main, read, inside, lower, placed)
        self._listed_with(main, read, placed)

    def _listed_with(
        self, main: str | None, read: list[_Read], placed: set[tuple[str, str]]
    ) -> None:
        """A name listed with a character of the article's one show ("Locke leads Ben, Sun,
        Richard Alpert and The Others", "Ilana and Bram arrive"), itself read as a character
        and with no performer's evidence, is in that show too: a recap lists its people. So is
        a list the article calls characters ("playing the characters of Sarah Cameron, Pope")."""
        if not main or self.franchise(main):
            return
        show = keyof(main)
        added = True
        while added:  # a name placed by its list places the next list it is in
            added = False
            for para, _offset, sentence, marked in read:
                if any(x.kind == "series" and x.value != main for x in marked.mentions):
                    continue  # another show's people may be listed here
                for match in _TOKEN_LIST.finditer(marked.text):
                    after = marked.text[match.end() :]
                    if re.match(r"\s*\(", after) or (
                        re.search(r"\bas\s+$", marked.text[: match.start()])
                        and re.match(r"\s+as\b", after)
                    ):
                        continue  # "A as X, B as Y": performers and roles, not a list of people
                    names = [x for x in marked.all(match.group()) if x.kind == "name"]
                    fulls = [self.kb.full(x.value) for x in names]
                    # "playing the legendary characters of Sarah Cameron, Pope, JJ and Kiara"
                    called = _CHARACTERS_OF.search(marked.text[: match.start()]) is not None
                    if not called and not any((keyof(f), show) in placed for f in fulls):
                        continue
                    if any(keyof(f) in self.family for f in fulls):
                        continue  # "son Billy, 16, and daughter Nell": a family, no cast
                    for full in fulls:
                        k = keyof(full)
                        if (k, show) in placed or k == show:
                            continue
                        if not (self._listed_character(full) or (called and self._named(full))):
                            continue
                        at = marked.text.find(match.group())
                        if _APPEARING.search(sentence) and self.hedged_about(
                            marked.text, at, at + len(match.group())
                        ):
                            continue  # "A and B could appear in X": whether they are is open
                        placed.add((k, show))
                        self.add("appears_in", self.kb.characters.get(k, full), main, para.line,
                                 sentence, CONFIDENCE)  # fmt: skip
                        added = True

    def _named_cast(
        self,
        main: str | None,
        read: list[_Read],
        inside: set[str],
        lower: set[str],
        placed: set[tuple[str, str]],
    ) -> None:
        """The article's own cast: a name its prose uses as a character's at least twice, in
        a text about one show, is in that show, wherever it stands in the sentence ("gazes at
        Keeley", "Luke's plan"). What makes a name a character's here is how the article names
        it (see :meth:`_cast_member`); a word no census lists as a first name must stand as a
        verb's subject too, and three times."""
        alone = Counter(
            keyof(x.value)
            for _p, _o, _s, m in read
            for x in m.mentions
            if x.kind == "name" and " " not in x.value
        )
        seen: Counter[tuple[str, str]] = Counter()
        acts: Counter[tuple[str, str]] = Counter()
        where: dict[tuple[str, str], tuple[int, str]] = {}
        show = main
        if not show or self.franchise(show):
            return
        for para, _offset, sentence, marked in read:
            if len(re.findall(r"\b[a-z]{2,}\b", sentence)) < 3:
                continue  # a caption ("Jane Lynch", "Photo by FOX"), a byline: no prose
            if any(x.kind == "series" and x.value != show for x in marked.mentions):
                continue  # "That 70s Show lagged without Eric and Kelso": that show's people
            for x in marked.mentions:
                if x.kind != "name":
                    continue
                at = marked.text.find(x.token)
                if self.hedged_about(marked.text, at, at + len(x.token)):
                    continue
                if _TITLED.search(marked.text[:at]):
                    continue
                who = self._cast_member(x.value, alone, inside, lower)
                if who is None or keyof(who) == keyof(show):
                    continue
                key = (who, show)
                seen[key] += 1
                acts[key] += subject_of_verb(marked, x)
                where.setdefault(key, (para.line, sentence))
        for (who, show), n in seen.items():
            if keyof(who) in self.family:
                continue  # someone's son or daughter somewhere in the article: a real one
            listed = is_given_name(who.split()[0]) or ranked(who)
            if n < 2 or (not listed and (n < 3 or not acts[(who, show)])):
                continue
            if " " in who and not ranked(who) and not acts[(who, show)]:
                continue  # "Sarah, Zach and Donald" of a revival's news: its stars, by first name
            if (keyof(who), keyof(show)) in placed:
                continue
            placed.add((keyof(who), keyof(show)))
            line, sentence = where[(who, show)]
            self.add("appears_in", who, show, line, sentence, CONFIDENCE)

    def _someone_elses(self, full: str) -> bool:
        """Whether a name is a performer's (by the article, the bible or the catalogue) or a
        show's: never a character of a recap's list."""
        performer = keyof(full) in self.kb.performers or self.kb.performer_like(full) > 0
        return performer or bool(self.kb.is_series(full))

    def _named(self, full: str) -> bool:
        """Whether a name the article calls a character's may be one: no performer's, no
        show's, no word's ("Pope", "JJ", "Kiara" are)."""
        if self._someone_elses(full):
            return False
        return not word_not_name(full) and not any(w in ORGS for w in full.split())

    def _listed_character(self, full: str) -> bool:
        """Whether a name listed with a character may be one: read as a character already, or
        one word of a character's shape (``bare_character``), or a full name opening on a
        census first name; never a name with a performer's evidence, a show, an organisation."""
        k = keyof(full)
        if self._someone_elses(full):
            return False
        if len(full) < 3 or re.search(r"\s(?:And|Of|The)\s", full):
            return False  # "Aw", "Laverne And Shirley": a word, a title
        if k in self.kb.characters or bare_character(self.kb, full):
            return True
        words = full.split()
        return 2 <= len(words) <= 3 and is_given_name(words[0]) and not ranked(full)

    def _cast_member(
        self, value: str, alone: Counter[str], inside: set[str], lower: set[str]
    ) -> str | None:
        """The character a name stands for, by how the article names people: a performer
        or a real person is named in full and then by surname ("Staunton"), a character by
        first name ("Roy Kent" ... "Roy"), by rank ("Dr. Sharon", "Prince Harry") or by one
        word alone ("Keeley"). None for a performer, a show, a word the article also writes
        in lower case, or a name with none of that evidence."""
        full = self.kb.full(value)
        k = keyof(full)
        if self.kb.is_series(full) or k in self.kb.performers or k in self.kb.roles:
            return None
        if self.kb.performer_like(full) > 0:
            return None
        words = full.split()
        if len(words) == 1:
            if k not in self.kb.bare or k not in inside or value.lower() in lower:
                return None
            if re.fullmatch(r"[A-Z]{2,}", full) or re.search(r"['’][a-z]{1,2}$", full):
                return None  # an acronym ("FBI"), a contraction ("I'm"): no one's name
            return full
        if ranked(full):
            return full
        first, last = keyof(words[0]), keyof(words[-1])
        if alone[first] and not alone[last] and first in inside:
            return full  # named again by first name, never by surname
        return None

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


def _family(marked: Marked, x: Mention, at: int) -> bool:
    """Whether a name stands as someone's family: after a tie, or with an age."""
    if at < 0:
        return False
    return bool(_TIED.search(marked.text[:at]) or _AGED.match(marked.text, at + len(x.token)))
