"""Characters named in a show's own description of itself: "ABC's official synopsis for the
episode ...: Officer John Nolan is forced to ...", "Here's the description for tonight's 9-1-1:
... Athena hunts down a bank robber", "the official logline reads, "With the ranch behind him,
Kayce (Grimes) joins ..."". The press quotes the network's text, so its characters are the show's
(``appears_in``). Quoted speech is otherwise not the article's own words, so the relations never
read it; this reads only the quotes and the text after a colon that follow such a word.
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Paragraph, sentences
from showbible.news.entities import SER, Marked, Mention, ranked
from showbible.news.extractor import HEDGE, Extractor
from showbible.news.names import keyof
from showbible.quick import rx

# "the official synopsis", "the series description", "the logline for the three-parter"
_SYNOPSIS = rx.compile(r"\b(?:synopsis|description|logline|log line|summary)\b", re.IGNORECASE)
_EPISODE_OF = rx.compile(rf"\bepisodes?\s+of\s+(?P<s>{SER})")
_COLON = rx.compile(r":(?:\s|$)")
_QUOTED = rx.compile(r"“([^”]{20,})”|\"([^\"]{20,})\"")
# A character as the subject of the synopsis's clause: "Athena hunts", "Sergeant Bradford and
# Officer Chen discover"; not "disguised by Covid protocols".
_SUBJECT_BEFORE = rx.compile(
    r"(?:^|[.:;,]\s*|\band\s+|\bMeanwhile,\s+|"
    r"\b(?i:when|while|as|after|before|until|where|because|since|once)\s+|"
    r"\b(?:then|later|now|finally|soon)\s+)$"
)
_VERB_AFTER = rx.compile(
    r"^(?:\s+and\s+\S+\s+[a-z]+|[’']s\s+[a-z]+|\s+(?:[a-z]+s|is|has|must|will|can|discover\w*))\b"
)


class Synopses(Extractor):
    """appears_in facts from a show's synopsis, logline or description quoted in the article."""

    def synopses(self) -> None:
        paragraphs = self.article.paragraphs
        for i, para in enumerate(paragraphs):
            text = self.kb.speechless(para.text)
            for offset, sentence in sentences(text):
                if not _SYNOPSIS.search(sentence) or HEDGE.search(sentence):
                    continue
                if re.search(r"\b(?:of|for)\s+the\s+(?:show|series)\b", sentence):
                    series = self.dominant_show() or ""  # "the official logline of the show"
                else:
                    series, factor = self.series_for(sentence, para, offset)
                    if factor < 0.8:  # the article's one show, or the episode's named before
                        series = self.dominant_show() or self._episode_show(i) or ""
                if not series or self.franchise(series):
                    continue
                for body in self._bodies(para, paragraphs[i + 1 : i + 2], sentence):
                    for who in self._characters(body):
                        if keyof(who) != keyof(series):
                            self.add("appears_in", who, series, para.line, body[:300], 0.5)

    def _episode_show(self, i: int) -> str | None:
        """ "Below is the promo for the new episode of Chicago Med." just before the synopsis."""
        for para in reversed(self.article.paragraphs[max(0, i - 2) : i + 1]):
            marked = self.kb.mark(self.kb.speechless(para.text))
            found = [marked.at(e.group("s")).value for e in _EPISODE_OF.finditer(marked.text)]
            if found:
                return found[-1]
        return None

    def _bodies(self, para: Paragraph, after: list[Paragraph], sentence: str) -> list[str]:
        """The synopsis itself: the quotes of the paragraph, the text after a colon that ends
        the sentence naming it (or the next paragraph when the colon ends this one)."""
        start = para.text.find(sentence[:30])
        key = _SYNOPSIS.search(para.text, max(0, start))
        if key is None:
            return []
        # the quotes after the word (before it: someone's words, not the synopsis)
        out = [next(g for g in q.groups() if g) for q in _QUOTED.finditer(para.text, key.end())]
        colon = _COLON.search(para.text, key.end())
        ends = sentence.rstrip().endswith(":")  # "... such as an op with Bradford and Chen:"
        if colon is not None and (ends or colon.start() - key.end() <= 150):
            rest = para.text[colon.end() :]
            out.append(rest if rest.strip() else (after[0].text if after else ""))
        return [b for b in out if b.strip()]

    def _characters(self, body: str) -> list[str]:
        plain = re.sub(r"[“”\"]", " ", body)
        marked = self.kb.mark(plain)
        out: list[str] = []
        for x in marked.mentions:
            if x.kind != "name":
                continue
            full = self.kb.full(x.value)
            k = keyof(full)
            if k in self.kb.performers or self.kb.performer_like(full) >= 2:
                continue  # "Kayce (Grimes)": the performer in brackets
            known = k in self.kb.characters or ranked(x.value)
            if known or subject_of_verb(marked, x):
                out.append(self.kb.characters.get(k, full))
        return list(dict.fromkeys(out))


def subject_of_verb(marked: Marked, x: Mention) -> bool:
    """Whether a name stands as the subject of a clause's verb: "Athena hunts", "Archer and
    Choi respond", "when Kayce's father arrives"."""
    at = marked.text.find(x.token)
    after = _plain_after(marked.text[at + len(x.token) :], marked.mentions)
    plural = re.search(r"\band\s+$", marked.text[:at]) and re.match(r"\s+[a-z]+\b", after)
    return bool(_SUBJECT_BEFORE.search(marked.text[:at]) and (_VERB_AFTER.match(after) or plural))


def _plain_after(text: str, mentions: list[Mention]) -> str:
    """What follows a mention, the next mentions written as plain words."""
    for x in mentions:
        text = text.replace(x.token, x.text)
    return text
