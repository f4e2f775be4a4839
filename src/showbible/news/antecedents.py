"""Who a pronoun or a short reference stands for: the person a sentence opens with
(``opening_person``), and the people and characters named before it in its paragraph or the
one before (``Antecedents``: "she", "the pair", "the two", "the actress")."""

from __future__ import annotations

import re

from showbible.news.cleaning import Paragraph, sentences
from showbible.news.entities import Knowledge, Marked
from showbible.news.extractor import Extractor
from showbible.news.names import keyof
from showbible.reading.lexicon.given import given_sex


def opening_person(kb: Knowledge, m: Marked, at: int) -> str | None:
    """The person a sentence opens with, for a pronoun at ``at`` later in it ("Peri Gilpin made
    an appearance, now she returns as Roz Doyle"); none when another name stands between, or
    when the opening name is a character's."""
    first = re.match("[^\\w\ue000\ue002]*", m.text)
    if at <= 0 or first is None or not m.mentions:
        return None
    named = [x for x in m.mentions if 0 <= m.text.find(x.token) < at and x.kind == "name"]
    x = m.mentions[0]
    if x.kind != "name" or named != [x] or m.text.find(x.token) != first.end():
        return None
    full = kb.full(x.value)
    return full if keyof(full) in kb.persons and kb.performer_like(full) >= 0 else None


class Antecedents(Extractor):
    """Who the people and characters named before a sentence are."""

    def _before(self, para: Paragraph, sentence: str) -> list[str]:
        """Where a pronoun's antecedent is looked for, nearest first: the paragraph's text before
        the sentence, then the paragraph before it (quoted speech left out of both)."""
        paragraphs = self.article.paragraphs
        i = next((k for k, p in enumerate(paragraphs) if p is para), 0)
        text = self.kb.speechless(para.text)
        end = text.find(sentence[:30])
        chunks = [text[: end if end >= 0 else len(text)]]
        if i > 0:
            chunks.append(self.kb.speechless(paragraphs[i - 1].text))
        return chunks

    def subject_before(self, para: Paragraph, sentence: str) -> str | None:
        """The first person (not a character) named in the sentence before, in its paragraph."""
        text = self.kb.speechless(para.text)
        before = [s for at, s in sentences(text) if at < text.find(sentence[:30])]
        for x in self.kb.mark(before[-1]).mentions if before else []:
            full = self.kb.full(x.value)
            if (
                x.kind == "name"
                and keyof(full) in self.kb.persons
                and (keyof(full) not in self.kb.characters or keyof(full) in self.kb.performers)
            ):
                return full
        return None

    def last_person(self, para: Paragraph, sentence: str) -> str | None:
        """The performer a "he" or "she" stands for: the last one named before the sentence,
        in its paragraph or the one before."""
        for chunk in self._before(para, sentence):
            for x in reversed(self.kb.mark(chunk).mentions):
                full = self.kb.full(x.value)
                if x.kind == "name" and keyof(full) in self.kb.performers:
                    return full
        return None

    def described(self, para: Paragraph, sentence: str, sex: str | None) -> str | None:
        """The person "the actress" or "the star" stands for: the paragraph before the sentence
        (else the one before it) is about someone the article gives a performer's marks
        ("Coronation Street star Elle Mulvaney"), its first such person, not the company they
        keep ("Jorgie Porter reunited with Kieron Richardson. The actress ..."); ``sex``: "f"
        for "the actress", "m" for "the actor", whom a first name of the other sex is not."""
        for chunk in self._before(para, sentence):
            for x in self.kb.mark(chunk).mentions:
                full = self.kb.full(x.value)
                if x.kind != "name" or keyof(full) not in self.kb.persons:
                    continue
                if sex is not None and given_sex(full.split()[0]) not in (sex, None):
                    continue
                if keyof(full) in self.kb.performers or self.kb.performer_like(full) > 0:
                    return full
        return None

    def last_performers(
        self, para: Paragraph, sentence: str, n: int = 2, known: bool = True
    ) -> list[str]:
        """The two performers "the pair" stands for: the last ``n`` named before the sentence
        in its paragraph (or the one before), in the order they were named; ``known``: one of
        them must be known as a performer (else "the pair play twins X and Y" says it)."""
        for chunk in self._before(para, sentence):
            found: list[str] = []
            for x in reversed(self.kb.mark(chunk).mentions):
                full = self.kb.full(x.value)
                character = keyof(full) in self.kb.characters or self.kb.performer_like(full) < 0
                if x.kind == "name" and not character and full not in found and " " in full:
                    found.append(full)
                if len(found) == n:
                    # named together, one of them known as a performer: the pair
                    if not known or any(self.kb.performer_like(f) > 0 for f in found):
                        return found[::-1]
                    return []
        return []

    def last_characters(self, para: Paragraph, sentence: str, n: int = 2) -> list[str]:
        """The last ``n`` characters named before the sentence in its paragraph ("The two
        cross over to ...")."""
        text = self.kb.speechless(para.text)
        end = text.find(sentence[:30])
        text = text[: end if end >= 0 else len(text)]
        paragraphs = self.article.paragraphs
        i = self.position(para)
        if not text.strip() and i > 0:  # the paragraph's first sentence: the one before
            text = self.kb.speechless(paragraphs[i - 1].text)
        before = self.kb.mark(text)
        found: list[str] = []
        for x in reversed(before.mentions):
            k = keyof(self.kb.full(x.value))
            if x.kind == "name" and k in self.kb.characters:
                if self.kb.characters[k] not in found:
                    found.append(self.kb.characters[k])
            elif x.kind == "name" and k in self.kb.roles:
                role = self.kb.full(self.kb.roles[k])
                if role not in found:
                    found.append(role)
            if len(found) == n:
                break
        return found if len(found) == n else []

    def last_character(self, para: Paragraph, sentence: str) -> str | None:
        """The character a "him" or "her" stands for: the last one named before the sentence,
        in its paragraph."""
        text = self.kb.speechless(para.text)
        end = text.find(sentence[:30])
        before = self.kb.mark(text[: end if end >= 0 else len(text)])
        for x in reversed(before.mentions):
            k = keyof(self.kb.full(x.value))
            if x.kind == "name" and k in self.kb.characters:
                return self.kb.characters[k]
        return None
