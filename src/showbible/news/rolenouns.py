"""Roles named by a noun for the performance: "won an award for his portrayal of X in Y",
"known for her role as X in TV soap Y", "who was X in the long-running show".

The verb rules read who plays whom from a verb ("plays", "starred as", "reprised her role
as"); profiles and obituaries name the role by a noun owned by the performer instead, with the
show after it, often behind a word for its kind ("in TV soap Neighbours", "in ITV drama X").
"""

from __future__ import annotations

import dataclasses
import re

from showbible.news.cinema import CINEMA, among_the_cinema, stage_or_screen
from showbible.news.cleaning import Paragraph
from showbible.news.entities import NAM, SER
from showbible.news.names import keyof
from showbible.news.roles import C_ITEM, DESC, Roles

# "P ... for her role as C", "P ... his portrayal of C": the noun owned by P's pronoun, in P's
# clause (no other person between: "known in Britain and Australia for her role as" is P's)
_ROLE_NOUN = re.compile(
    rf"(?P<p>{NAM})[^.;]{{0,80}}?\b(?:for|in|with|through|by)\s+(?:his|her|their)\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?(?:role|portrayal|turn|part|performance)\s+(?:as|of)\s+"
    rf"(?:{DESC})?(?P<c>{C_ITEM})"
)
# "Fry's portrayal of headmaster Dr Arnold", "Holt's role as Mara"
_OWNED_NOUN = re.compile(
    rf"(?P<p>{NAM})[’']s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:role|portrayal|turn|performance)\s+"
    rf"(?:as|of)\s+(?:{DESC})?(?P<c>{C_ITEM})"
)
# "P ... for his character Ali G", "P ... as his Office character David": the character noun
# owned by P's pronoun (the show's name may stand before the noun)
_CHARACTER_NOUN = re.compile(
    rf"(?P<p>{NAM})[^.;]{{0,80}}?\b(?:for|as|with|in|through|by)\s+(?:his|her|their)\s+"
    rf"(?:(?P<s>{SER}|{NAM})\s+)?(?:[a-z][\w-]*\s+)?character,?\s+(?P<c>{NAM})"
)
# "Other TV appearances included the part of Matron in ITV drama X": a role with no performer
# in its sentence, the performer the text is about (only with the show after it)
_PART_OF = re.compile(
    rf"\b(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:part|role)\s+(?:of|as)\s+(?:{DESC})?"
    rf"(?P<c>{C_ITEM})"
)
# "P, who played Brookside's Marie Jackson": the show owns the role
_SHOWS_ROLE = re.compile(
    rf"(?P<p>{NAM})[^.;]{{0,60}}?\b(?:played|plays|playing|portrayed|portrays|as)\s+"
    rf"(?P<s>{SER})[’']s\s+(?:{DESC})?(?P<c>{NAM})"
)
# "P, who was C in the long-running show"
_WHO_WAS = re.compile(rf"(?P<p>{NAM}),\s+who\s+(?:was|is)\s+(?P<c>{NAM})\s+(?=(?:in|on)\b)")
# Where the role is: "in TV soap Y", "in the US series Y", "on Y" (a name not known as a show:
# after a role's noun, "in Y" is where it was played)
_SHOW_AFTER = re.compile(
    rf"\s*,?\s+(?:in|on)\s+(?:the\s+)?(?:(?:[A-Z]{{2,}}\d?|[a-z][\w-]*)\s+){{0,3}}?"
    rf"(?P<s>{SER}|{NAM})(?!\s*[’']s)"
)


# "soap EastEnders won ... when character Dot confided in ...": a name the sentence calls a
# character, in the one show it names
_CHARACTER = re.compile(
    rf"\b(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+)?character\s+(?P<c>{NAM})(?![’']s\s+[a-z])"
)


def characters_named(reader: Roles, sentence: str, para: Paragraph) -> None:
    """Place a name the sentence calls a character in the only show the sentence names."""
    m = reader.kb.mark(sentence)
    shows = {x.value for x in m.mentions if x.kind == "series"}
    if len(shows) != 1:
        return
    (show,) = shows
    for match in _CHARACTER.finditer(m.text):
        c = m.at(match.group("c"))
        if c.kind == "name" and keyof(c.value) not in reader.kb.persons:
            q = reader.qualifier(m, match.start(), match.end(), False)
            reader.add("appears_in", c.value, show, para.line, sentence, 0.6, q)


def role_nouns(reader: Roles, sentence: str, para: Paragraph) -> None:
    """Propose the roles a sentence names by a noun, and their show when it follows."""
    characters_named(reader, sentence, para)
    m = reader.kb.mark(sentence)
    # the article's text, for the cinema's guard (only a paragraph about the cinema asks)
    text = "\n".join(p.text for p in reader.article.paragraphs) if CINEMA.search(para.text) else ""
    starts = [n.start() for n in re.finditer(NAM, m.text)]
    for pattern in (_ROLE_NOUN, _OWNED_NOUN, _CHARACTER_NOUN, _WHO_WAS, _SHOWS_ROLE):
        # from every name: "Wood slated Sacha Baron Cohen for his character" is Cohen's
        matches = (pattern.match(m.text, at) for at in starts)
        for match in (x for x in matches if x is not None):
            performer = m.at(match.group("p"))
            stop = match.start("s") if match.groupdict().get("s") else match.start("c")
            between = re.findall(NAM, m.text[match.end("p") : stop])
            if performer.kind != "name" or any(
                keyof(m.at(t).value) in reader.kb.persons
                or reader.kb.performer_like(m.at(t).value) > 0
                for t in between
            ):
                continue
            where = _SHOW_AFTER.match(m.text, match.end())
            own = match.groupdict().get("s") or (where.group("s") if where else None)
            show = m.at(own) if own else None
            # "In other categories, A won for her role as X in T" among the Oscars: a film's
            # role, unless a word puts it on television (the guard careers keeps too)
            phrase = m.text[match.end("p") : where.start("s") if where else match.end()]
            if among_the_cinema(para.text, text, phrase, show.value if show else None):
                continue
            # a role's noun presupposes the role, whatever the verb's mood ("would not guest
            # star as his Harbourside character David")
            q = ""
            c = m.at(match.group("c"))
            # "his character Ali G's brand of humour": the name without its possessive
            c = dataclasses.replace(c, value=re.sub(r"[’']s$", "", c.value))
            played = reader.emit_plays(performer.value, c, m, sentence, para, 0.75, q)
            if played and show is not None:
                if show.kind == "name" and (
                    keyof(show.value) in reader.kb.persons
                    or reader.kb.performer_like(show.value) > 0
                    or stage_or_screen(show.value)
                ):
                    continue  # "his role as X in Jane Holt's film", "on Broadway": no show
                reader.add("appears_in", played, show.value, para.line, sentence,
                           0.7 if show.kind == "series" else 0.6, q)  # fmt: skip
    for match in _PART_OF.finditer(m.text):
        where = _SHOW_AFTER.match(m.text, match.end())
        if where is None or m.at(where.group("s")).kind != "series":
            continue
        if any(
            keyof(reader.kb.full(m.at(t).value)) in reader.kb.performers
            for t in re.findall(NAM, m.text[: match.start()])
        ):
            continue  # a performer before it is the sentence's own, read by the verb rules
        who = reader.last_person(para, sentence)
        c = m.at(match.group("c"))
        if who and c.kind == "name":
            played = reader.emit_plays(who, c, m, sentence, para, 0.6, "")
            if played:
                reader.add("appears_in", played, m.at(where.group("s")).value, para.line,
                           sentence, 0.6, "")  # fmt: skip
