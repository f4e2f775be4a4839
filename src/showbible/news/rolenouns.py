"""Roles named by a noun owned by a name, where ``careers`` reads those owned by a pronoun
or a career's list: "Fry's portrayal of headmaster Dr Arnold" (with or without the show after
it), "P ... as his Harbourside character David" (the show before the noun), "P, who played
Brookside's Marie Jackson" (the show owning the role).

The verb rules read who plays whom from a verb ("plays", "starred as", "reprised her role
as"); profiles and obituaries name the role by a noun instead. The pronoun-owned nouns ("her
role as X in TV soap Y"), "who was X in the show", "the part of X in S" and "character X" are
read once, by ``careers`` and ``called``.
"""

from __future__ import annotations

import dataclasses
import re

from showbible.news.cinema import CINEMA, among_the_cinema, stage_or_screen
from showbible.news.cleaning import Paragraph
from showbible.news.entities import NAM, SER
from showbible.news.names import keyof
from showbible.news.roleforms import C_ITEM, DESC, role_named
from showbible.news.roles import Roles
from showbible.quick import rx

# "Fry's portrayal of headmaster Dr Arnold", "Holt's role as Mara", "Daniel Craig's final
# outing as James Bond" (an outing, a stint, a debut only "as": "her return of serve")
_OWNED_NOUN = rx.compile(
    rf"(?P<p>{NAM})[’']s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:(?:role|portrayal|turn|performance)\s+"
    rf"(?:as|of)|(?:outing|stint|appearance|debut|return|bow)\s+as)\s+(?:{DESC})?(?P<c>{C_ITEM})"
)
# "P ... for his character Ali G", "P ... as his Office character David": the character noun
# owned by P's pronoun (the show's name may stand before the noun)
_CHARACTER_NOUN = rx.compile(
    rf"(?P<p>{NAM})[^.;]{{0,80}}?\b(?:for|as|with|in|through|by)\s+(?:his|her|their)\s+"
    rf"(?:(?P<s>{SER}|{NAM})\s+)?(?:[a-z][\w-]*\s+)?character,?\s+(?P<c>{NAM})"
)
# "P, who played Brookside's Marie Jackson": the show owns the role
_SHOWS_ROLE = rx.compile(
    rf"(?P<p>{NAM})[^.;]{{0,60}}?\b(?:played|plays|playing|portrayed|portrays|as)\s+"
    rf"(?P<s>{SER})[’']s\s+(?:{DESC})?(?P<c>{NAM})"
)
# Where the role is: "in TV soap Y", "in the US series Y", "on Y" (a name not known as a show:
# after a role's noun, "in Y" is where it was played)
_SHOW_AFTER = rx.compile(
    rf"\s*,?\s+(?:in|on)\s+(?:the\s+)?(?:(?:[A-Z]{{2,}}\d?|[a-z][\w-]*)\s+){{0,3}}?"
    rf"(?P<s>{SER}|{NAM})(?!\s*[’']s)"
)


def role_nouns(reader: Roles, sentence: str, para: Paragraph) -> None:
    """Propose the roles a sentence names by a noun, and their show when it follows."""
    m = reader.kb.mark(sentence)
    # the article's text, for the cinema's guard (only a paragraph about the cinema asks)
    text = reader.article.text if CINEMA.search(para.text) else ""
    starts = [n.start() for n in re.finditer(NAM, m.text)]
    for pattern in (_OWNED_NOUN, _CHARACTER_NOUN, _SHOWS_ROLE):
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
            c = role_named(m, match.group("c"))
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
