"""Who plays whom, said the way a profile, an obituary or an awards story sums up a career: "A,
known for her role as X in TV soap S", "won an award for his portrayal of X in S", "other TV
appearances included the part of X in S and a cameo role as Y in T", "he found fame as X in S",
"A is to leave S, where she has played X", "A, who was X in the long-running show", "he ... was
saw mill owner X in S", "with A in the title role", "comedian A ... his character X".

These name a role as a thing the performer has (a noun: role, part, portrayal, fame) rather
than with a verb of playing, and the show after it is usually given with what kind of show it
is ("ITV drama", "the US series"): the show is the one the phrase names, never one guessed from
the article, so a film role ("her role as X in the film Y", or in a title the article calls a
film) or a role with no show gives no fact. The performer is a name's possessive; for "her",
the nearest person before it; with nobody named, the person the text is about (the subject of
the last sentence that opened on one), in full.

Also here, because it is read the same way, after the plays of a sentence: a lone "Performer
(Character)" pair that named no show is placed like any cast (``unplaced_pairs``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from showbible.news.cinema import among_the_cinema
from showbible.news.cleaning import Paragraph, sentences
from showbible.news.entities import NAM, SER, Marked, Mention
from showbible.news.names import NOT_PERSON_FIRST, ORGS, keyof, norm
from showbible.news.roleforms import C_ITEM, OWNER, role_named
from showbible.news.roles import Roles
from showbible.quick import rx

# What may stand between "in" and the show: what kind of show, whose, how it is known ("TV soap",
# "ITV drama", "the US series", "hit US comedy", "cult TV show"); never a film's or a stage's.
_KIND = (
    r"(?:(?:the|a|an)\s+)?(?:(?!(?:film|films|movie|movies|play|musical|stage|opera|novel|"
    r"book|game|version|adaptation|remake|biopic|of|and|with|from)\b)(?:[a-z][\w\-]*|[A-Z]{2,}\d?|"
    r"TV|Channel\s+\d|\ue002\d+\ue003(?:[’']s?)?)\s+){0,3}?"  # "the BBC One soap", "A's drama"
)
_IN_SHOW = rf"\s+(?:in|on)\s+{_KIND}[\"“‘']?(?P<s>{SER})"
# A role as a thing someone has: "her role as", "his portrayal of", "a cameo role as", "the part
# of"; whose it is comes before (a pronoun, a name's possessive, or nothing: see _CAREER)
_ROLE_NOUN = r"(?:(?:[a-z][\w\-]*|TV)\s+){0,2}?(?:role|part|portrayal|turn|stint)\s+(?:as|of)\s+"
_OWNED = rx.compile(
    rf"(?:(?P<pron>\b(?:[Hh]is|[Hh]er|[Tt]heir|whose))|(?P<p>{NAM})[’']s?)\s+{_ROLE_NOUN}"
    rf"{OWNER}(?P<c>{C_ITEM}){_IN_SHOW}"
)
# "He found fame as X in S", "A, who shot to fame as X in S", "known to millions as X in S": the
# role a career is known by
_FAME = rx.compile(
    rf"(?:(?P<p>{NAM}),?\s+who\s+|(?P<pron>\b(?:[Hh]e|[Ss]he))\s+)(?:\w+ly\s+|first\s+)?"
    rf"(?:(?:found|finds|shot\s+to|rose\s+to|achieved|won)\s+fame|became\s+(?:famous|a\s+"
    rf"household\s+name)|(?:is|was|became)\s+(?:\w+\s+)?known\s+to\s+(?:millions|viewers|audiences|fans))"
    rf"\s+(?:\w+\s+){{0,3}}?as\s+{OWNER}(?P<c>{C_ITEM}){_IN_SHOW}"
)
# "A is to leave S, where she has played X since 1995", "A quits S after 12 years playing X": the
# show named before, the role it gave the sentence's subject
_THERE = rx.compile(
    rf"(?P<s>{SER})\s*(?:,\s+(?:where|in\s+which)\s+(?:he|she|they)\s+(?:has\s+|had\s+|have\s+)?"
    rf"(?:\w+ly\s+)?(?:played|plays|portrayed|starred\s+as|been\s+playing)|\s+(?:after|following)\s+"
    rf"(?:more\s+than\s+)?(?:\w+\s+)?(?:years?|decades?|seasons?)\s+(?:of\s+)?(?:playing|as))\s+"
    rf"{OWNER}(?P<c>{C_ITEM})"
)
# "S star A, 45, best known as X": the role of a performer the text ties to a show ("S star A");
# never a stage name alone ("Reginald Dwight, better known as Elton John")
_KNOWN_AS = rx.compile(
    rf"(?P<p>{NAM})(?:,\s*\d{{1,3}})?,\s+(?:also\s+|better\s+|best\s+)?known\s+(?:to\s+\w+\s+)?"
    rf"as\s+{OWNER}(?P<c>{C_ITEM})(?!\s+(?:in|on|from)\s)"
)
# "Other TV appearances included the part of X in S and a cameo role as Y in T": a list of
# roles that are the career's, one item at a time
_CAREER = rx.compile(
    r"\b(?:appearances|roles|credits|parts|work)\s+(?:\w+\s+){0,2}?(?:include|included|"
    r"includes|including)\b"
)
_LISTED = rx.compile(rf"(?:\s*,)?\s+(?:and\s+)?(?:the|a|an)\s+{_ROLE_NOUN}"
                     rf"{OWNER}(?P<c>{C_ITEM}){_IN_SHOW}")  # fmt: skip
# "A, who was X in S", "and was saw mill owner X in S": a performer who *was* a character (the
# show may be "the long-running show": the one the article is about)
_WAS = rx.compile(
    rf"(?:(?P<p>{NAM}),?\s+who\s+|\band\s+|(?P<pron>\b(?:[Hh]e|[Ss]he))\s+(?:\w+ly\s+)?)"
    rf"(?:was|is|has\s+been)\s+(?!(?:nominated|named|called|known|born|cast|seen|set)\b)"
    rf"(?:(?:the|a|an)\s+)?(?:[a-z][\w\-]*\s+){{0,3}}?(?P<c>{NAM})"
    rf"(?:{_IN_SHOW}|\s+in\s+the\s+(?:[a-z][\w\-]*\s+){{0,2}}(?P<the>show|series|soap|sitcom|"
    rf"drama|comedy)\b)"
)
# "with A in the title role", "A takes the title role": the show's name is the role's
_TITLE_ROLE = rx.compile(
    rf"(?P<p>{NAM})\s+(?:(?:is|was|will\s+be)\s+)?in\s+the\s+title\s+(?:role|part)\b"
    rf"|(?P<p2>{NAM})\s+(?:(?:will|has|had|is|was)\s+)?(?:plays?|played|playing|takes?|took|"
    rf"taking)\s+the\s+title\s+(?:role|part)\b(?:\s+(?:in|of)\s+(?P<s>{SER}))?"
)

# "slated comedian A for his character X", "her Gullwing character, X": a character the
# performer named just before owns (the show, when the phrase names one)
_THEIR_CHARACTER = rx.compile(
    # ("her White House Press Secretary character Cat Grant": a job, named like a person)
    rf"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z]+\s+)?(?:(?P<s>{SER})\s+|{NAM}\s+)?(?:character|creation|"
    rf"alter\s+ego)\s*,?\s+(?P<c>{NAM})"
)
_JOB_BEFORE = rx.compile(r"\b(?i:actor|actress|star|comedian|comic|performer)\s+$")

# A title role on a stage or in a film is no TV role
_NOT_TV = rx.compile(r"\b(?:Broadway|West\s+End|stage|musical|film|movie|play|theatre|theater)\b")

# An opening phrase before a sentence's subject: "Despite an Oscar nomination, A ..."
_OPENING = rx.compile(
    r"^\W*(?:Despite|After|Before|Since|In|On|At|During|Following|Like|Unlike|Although|Though|"
    r"While|When|Born|Speaking|Last|This|Earlier|Later|Now|Today|Yesterday)\b[^,\ue002]{0,60},\s+"
)
# A title the article calls a film: "the Oscar-nominated movie T", "T, a film", "the T film"
_FILM = (
    r"\b(?:films?|movies?|biopic|picture)\s+(?:[\w\-’']+\s+){{0,2}}?{0}\b|\b{0}\s*,?\s+"
    r"(?:(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}?)?(?:films?|movies?|biopic)\b"
)


class Careers(Roles):
    """``plays`` (and where) from a career's summing up (see the module's docstring)."""

    _films: set[str] | None = None  # see filmed

    def roles_pass(self, sentence: str, para: Paragraph, offset: int) -> None:
        super().roles_pass(sentence, para, offset)
        marked = self.kb.mark(sentence)
        question = sentence.rstrip().endswith("?")
        if not (para.title or question):
            self.careers(marked, sentence, para)
            self.unplaced_pairs(marked, sentence, para)

    def unplaced_pairs(self, m: Marked, sentence: str, para: Paragraph) -> None:
        """A "Performer (Character)" pair that named no show before it (a round-up's "A
        (Monica) has been working on ...", "B (Ross) directed during his time on S") is in the
        show the text is about there, as a cast named with its performers is: the one after it
        in the sentence, else the one its paragraph named before, and so on (``cast_of``)."""
        if "(" not in sentence:
            return
        flat = norm(sentence)
        placed = {keyof(f.subject) for f in self.facts if f.kind == "appears_in"}
        for f in [f for f in self.facts if f.kind == "plays" and f.sentence == flat]:
            if keyof(f.object) in placed:
                continue
            token = next(
                (x.token for x in m.mentions if keyof(self.kb.full(x.value)) == keyof(f.object)),
                None,
            )
            at = m.text.find(token) if token else -1
            if at >= 0 and re.match(r"\s*\)", m.text[at + len(token or "") :]):
                self.cast_of(m, at, f.object, sentence, para, performer=f.subject)

    def careers(self, m: Marked, sentence: str, para: Paragraph) -> None:
        text = m.text
        for match in _OWNED.finditer(text):
            # "In other categories, A won for her role as X": the person nearest before the
            # pronoun, else the one the text is about
            who = (
                m.at(match.group("p")).value
                if match.group("p")
                else self.person_before(m, match.start())
                or self.career_owner(m, sentence, para, match.start())
            )
            self.career_role(who, match, m, sentence, para)
        career = _CAREER.search(text)
        if career is not None:
            who = self.career_owner(m, sentence, para, career.start())
            at = career.end()
            while (item := _LISTED.match(text, at)) is not None:  # the list's items, in a row
                self.career_role(who, item, m, sentence, para)
                at = item.end()
        for match in _FAME.finditer(text):
            who = (
                m.at(match.group("p")).value
                if match.group("p")
                else self.career_owner(m, sentence, para, match.start())
            )
            self.career_role(who, match, m, sentence, para)
        for match in _THERE.finditer(text):
            who = self.person_before(m, match.start()) or self.career_owner(
                m, sentence, para, match.start()
            )
            self.career_role(who, match, m, sentence, para)
        for match in _KNOWN_AS.finditer(text):
            who = m.at(match.group("p")).value
            self.career_role(who, match, m, sentence, para, self.kb.show_of.get(keyof(who)))
        for match in _WAS.finditer(text):
            who = (
                m.at(match.group("p")).value
                if match.group("p")
                else self.career_owner(m, sentence, para, match.start())
            )
            show = m.at(match.group("s")).value if match.group("s") else self.the_show(para)
            self.career_role(who, match, m, sentence, para, show)
        for match in _THEIR_CHARACTER.finditer(text):
            # a possessive names a fact even in a hypothesis ("he would not guest star as his
            # S character X": X is his S character)
            owner = self.performer_just_before(m, match.start())
            if owner is not None:
                show = m.at(match.group("s")).value if match.group("s") else None
                character = role_named(m, match.group("c"))
                if show is not None:
                    self.career_role(owner, match, m, sentence, para, show, hedge=False)
                elif character.kind == "name" and self.kb.performer_like(character.value) <= 0:
                    # "his character Ali G's humour": the name, not its possessive
                    bare = re.sub(r"[’']s?$", "", character.value)
                    self.emit_plays(
                        owner, replace(character, value=bare), m, sentence, para, 0.7, ""
                    )
        for match in _TITLE_ROLE.finditer(text):
            lead = m.at(match.group("p") or match.group("p2"))
            named = m.at(match.group("s")) if match.group("s") else None
            title = named or self.title_show(m, sentence, para)
            if title is not None and not self.hedged(text, match.start(), match.end()):
                self.emit_plays(lead.value, title, m, sentence, para, 0.7, "", placed=True)

    def career_role(
        self, who: str | None, match: re.Match[str], m: Marked, sentence: str, para: Paragraph,
        show: str | None = None, hedge: bool = True,
    ) -> None:  # fmt: skip
        """``who`` plays the role the match names, in the show it names (or ``show``); a
        "Y's aunt X" role puts Y in that show too. ``hedge``: whether the clause's hedge counts
        (a possessive's does not)."""
        if show is None and match.groupdict().get("s"):
            show = m.at(match.group("s")).value
        character = role_named(m, match.group("c"))
        if not who or not show or character.kind != "name" or self.franchise(show):
            return
        if keyof(self.kb.full(who)) in self.kb.characters or self.kb.is_series(who):
            return  # "Della's role as Queen Mab in ...": a character's disguise
        if self.kb.performer_like(character.value) > 0:
            return  # "who was Jane Doe in ...": a performer, no role
        if self.filmed(show):
            return  # "her role as X in The Long Pier", which the article calls a film
        span = m.text[match.end("c") : match.start("s")] if match.groupdict().get("s") else ""
        if any(
            x.value.split()[0] not in NOT_PERSON_FIRST | ORGS
            and not re.search(re.escape(x.token) + r"[’']", span)
            for x in m.all(span)
        ):
            return  # "as X in Jane Doe and S": a name of its own, neither a channel's nor whose
        if among_the_cinema(para.text, self.article.text, span, show):
            return  # "her role as X in T" among the Oscars, with nothing saying T is on TV
        q = "hedged" if hedge and self.hedged(m.text, match.start(), match.end()) else ""
        played = self.emit_plays(who, character, m, sentence, para, 0.75, q, placed=True)
        if played and not q and keyof(played) != keyof(show):
            self.add("appears_in", played, show, para.line, sentence, 0.7)
            # "a cameo role as Tom Farrell's mother Sheila in S": whose mother is in S too
            before = m.text[: match.start("c")]
            tied = re.search(rf"({NAM})[’']s?\s+(?:[a-z][\w\-]*\s+){{1,3}}$", before)
            if tied is not None:
                x = m.at(tied.group(1))
                full = self.kb.full(x.value)
                if x.kind == "name" and self.kb.performer_like(full) <= 0:
                    self.add("appears_in", full, show, para.line, sentence, 0.6)

    def filmed(self, show: str) -> bool:
        """Whether the article calls a title a film ("the Oscar-nominated movie T", "T, the
        film", "the T film")."""
        if self._films is None:
            text = self.article.text
            self._films = {
                keyof(t)
                for t in self.kb.series.values()
                if re.search(_FILM.format(re.escape(t)), text)
            }
        return keyof(show) in self._films

    def person_before(self, m: Marked, at: int) -> str | None:
        """The last person (not a character) the sentence names before ``at``."""
        for x in reversed([x for x in m.mentions if 0 <= m.text.find(x.token) < at]):
            full = self.kb.full(x.value)
            if (
                x.kind == "name"
                and keyof(full) in self.kb.persons
                and keyof(full) not in self.kb.characters
                and self.kb.performer_like(full) >= 0
            ):
                return full
        return None

    def performer_just_before(self, m: Marked, at: int) -> str | None:
        """The last person the sentence names before ``at``, when something says performer: a
        performer's job just before the name, a role the article gave them, or a catalogue's
        cast list (a novelist or a writer speaks of "his character" too)."""
        names = [x for x in m.mentions if x.kind == "name" and 0 <= m.text.find(x.token) < at]
        if not names:
            return None
        x = names[-1]
        full = self.kb.full(x.value)
        if keyof(full) not in self.kb.persons or keyof(full) in self.kb.characters:
            return None
        job = _JOB_BEFORE.search(m.text[: m.text.find(x.token)]) is not None
        known = keyof(full) in self.kb.performers or keyof(full) in self.kb.listed
        return full if job or known else None

    def career_owner(self, m: Marked, sentence: str, para: Paragraph, at: int) -> str | None:
        """The person a career's role is said of: the person the sentence opens on, when it
        opens on one before ``at``; else the person the last sentence that opened on one did
        (an obituary's "she", "Other TV appearances included": whoever the text is about, not
        the last name it dropped), in this paragraph or the two before; else nobody."""
        own = self.opening_subject(m)
        if own is not None and m.text.find(own[1]) < at:
            return own[0]
        paragraphs = self.article.paragraphs
        i = self.position(para)
        for k in range(i, max(-1, i - 3), -1):
            text = self.kb.speechless(paragraphs[k].text)
            if k == i:
                end = text.find(sentence[:30])
                text = text[: end if end >= 0 else len(text)]
            for _at, before in reversed(sentences(text)):
                found = self.opening_subject(self.kb.mark(before))
                if found is not None:
                    return found[0]
        return None

    def opening_subject(self, m: Marked) -> tuple[str, str] | None:
        """(the person, its token) a sentence opens on as its subject: its first name, after
        nothing but a few capitalised or lower-case words ("Irish actor", "Last year actor", "His
        wife"), when that name is a person's and not a character's."""
        if not m.mentions or m.mentions[0].kind != "name":
            return None
        x = m.mentions[0]
        # ("Despite an Oscar nomination, A worked ...": an opening phrase, then the subject)
        lead = _OPENING.sub("", m.text[: m.text.find(x.token)])
        if not re.fullmatch(r"\W*(?:[A-Za-z][\w\-]*\s+){0,3}", lead) or re.search(
            r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]ith|[Ii]n|[Oo]n|[Aa]s|[Bb]y)\s",
            lead,
        ):
            return None
        full = self.kb.full(x.value)
        if keyof(full) not in self.kb.persons or keyof(full) in self.kb.characters:
            return None
        return (full, x.token) if self.kb.performer_like(full) >= 0 else None

    def title_show(self, m: Marked, sentence: str, para: Paragraph) -> Mention | None:
        """The show a title role is of, when the sentence does not say: the one show it names,
        else the one show the sentence before it names; none on a stage or in a film."""
        if _NOT_TV.search(m.text):
            return None
        shows = {x.value: x for x in m.mentions if x.kind == "series"}
        if len(shows) == 1:
            return next(iter(shows.values()))
        if shows:
            return None
        text = self.kb.speechless(para.text)
        end = text.find(sentence[:30])
        before = sentences(text[: end if end >= 0 else len(text)])
        head = self.kb.mark(before[-1][1]) if before else None
        named = {x.value: x for x in head.mentions if x.kind == "series"} if head else {}
        return next(iter(named.values())) if len(named) == 1 else None
