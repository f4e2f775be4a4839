"""Quotes and sources: who said what (a double-quoted passage of five words or more and its
speaker), and which outlets the article cites."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from showbible.news.cleaning import QUOTE_RE, unquoted
from showbible.news.extractor import Extractor, Speakers
from showbible.news.names import (
    CITE,
    NAME,
    NAME_RE,
    OUTLET_RE,
    OUTLETS,
    PRONOUNS,
    SPEECH_VERBS,
    keyof,
)
from showbible.quick import rx


@dataclass(frozen=True, slots=True)
class _Quote:
    start: int
    end: int
    text: str


def _quotes(text: str) -> list[_Quote]:
    out = []
    for m in QUOTE_RE.finditer(text):
        body = m.group(0)[1:-1].strip()
        if len(body.split()) >= 5:
            out.append(_Quote(m.start(), m.end(), body))
    return out


_AFTER_ATTR = rx.compile(
    rf"^\s*,?\s*(?:(?P<pre>(?:[a-z][\w\-]*\s+){{0,3}}?)(?P<name>{NAME}|he|she|they)\s+"
    rf"(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b|(?:{SPEECH_VERBS})\s+(?P<pre2>(?:[a-z][\w\-]*\s+)"
    rf"{{0,3}}?)(?P<name2>{NAME}))"
)
_PERFORMER_WORDS = frozenset({"actress", "actor", "star", "performer", "co-star", "lead"})
_DESCRIPTOR_ATTR = rx.compile(
    rf"^\s*,?\s*the\s+(?:\w+\s+)?(?P<d>actress|actor|star|performer|co-star|lead|showrunner|"
    rf"creator|director|writer|producer)\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b"
)
_BEFORE_ATTR = rx.compile(
    rf"(?P<name>{NAME}|he|she|they)(?:,\s+who)?\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})"
    rf"(?:(?:\s+\w+){{0,6}}?\s*[:,]|(?:\s+\w+){{0,2}}?\s+that\s+[^\"“”.]*?)\s*$"
)


class Quotes(Extractor):
    """quote and source facts."""

    def quotes(self) -> None:
        previous_text = ""
        speakers = Speakers()
        for para in self.article.paragraphs:
            if para.title:
                continue
            text = para.text
            last_speaker: str | None = None
            pos = 0
            for q in _quotes(text):
                # What the text was about up to this quote.
                self.scan_subjects(text[pos : q.start], speakers)
                speaker, confidence = self.attribute(text, q, previous_text, speakers)
                if speaker is None and last_speaker is not None:
                    speaker, confidence = last_speaker, 0.7
                if speaker is None and speakers.last_subject:
                    speaker, confidence = speakers.last_subject, 0.5
                if speaker:
                    self.add("quote", speaker, q.text, para.line, q.text, confidence)
                    last_speaker = speaker
                    speakers.last_subject = speaker
                pos = q.end
            self.scan_subjects(text[pos:], speakers)
            previous_text = text

    def attribute(
        self, text: str, q: _Quote, previous: str, speakers: Speakers
    ) -> tuple[str | None, float]:
        after = text[q.end : q.end + 80]
        m = _AFTER_ATTR.match(after)
        if m is not None:
            raw = m.group("name") or m.group("name2")
            return self.speaker_name(raw, speakers), 0.85
        m = _DESCRIPTOR_ATTR.match(after)
        if m is not None:
            # "..., the actress admitted": the last performer named before the quote.
            role = m.group("d").lower()
            wanted = self.kb.performers if role in _PERFORMER_WORDS else None
            found = self.last_person_before(text, q.start, wanted)
            if found:
                return found, 0.7
        before = text[max(0, q.start - 120) : q.start]
        m = _BEFORE_ATTR.search(before)
        if m is not None:
            return self.speaker_name(m.group("name"), speakers), 0.8
        if not text[: q.start].strip() and previous.rstrip().endswith(":"):
            # The paragraph before ends "... Ramirez revealed that ...:" and this one quotes him.
            prior = Speakers()
            self.scan_subjects(previous, prior)
            if prior.last_subject:
                return prior.last_subject, 0.75
        return None, 0.0

    def last_person_before(self, text: str, end: int, among: set[str] | None) -> str | None:
        """The last person named before ``text[end]`` (this paragraph, then the ones before
        it); if ``among`` is given, only one whose key is in it."""
        chunks = [text[:end]]
        index = next((i for i, p in enumerate(self.article.paragraphs) if p.text == text), 0)
        chunks.extend(p.text for p in reversed(self.article.paragraphs[:index]))
        for chunk in chunks:
            plain = unquoted(chunk.replace("[", "").replace("]", ""))
            for m in reversed(list(NAME_RE.finditer(plain))):
                person = self.person(m.group(0))
                if not person:
                    continue
                full = self.kb.full(person)
                if among is None or keyof(full) in among:
                    return full
        return None

    def speaker_name(self, raw: str, speakers: Speakers) -> str | None:
        if raw in PRONOUNS or raw.lower() in ("he", "she", "they"):
            return speakers.last_subject
        person = self.person(raw)
        return self.kb.full(person) if person else None

    # -- sources ---------------------------------------------------------------------------

    def sources(self) -> None:
        title = self.article.title
        seen: set[str] = set()
        for outlet, line, text in self.article.sources:
            name = OUTLETS.get(outlet.lower(), outlet)
            if keyof(name) not in seen:
                seen.add(keyof(name))
                self.add("source", name, title or Path(self.article.file).name, line, text, 0.95)
        for para in self.article.paragraphs:
            for m in OUTLET_RE.finditer(para.text):
                name = OUTLETS[m.group(1).lower()]
                raw = m.group(1)
                if raw.islower() and raw not in ("io9",):
                    continue  # "people", "time", "empire" as words
                before = para.text[max(0, m.start() - 40) : m.start()]
                cited = CITE.search(before) is not None
                after = para.text[m.end() : m.end() + 20]
                spoke = re.match(r"\s+(?:spoke|talked|sat down|asked|reports?|reported)", after)
                if not (cited or spoke) or keyof(name) in seen:
                    continue
                seen.add(keyof(name))
                self.add(
                    "source", name, title or Path(self.article.file).name, para.line, para.text, 0.8
                )
