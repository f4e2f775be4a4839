"""Who plays whom, read from marked sentences (see ``entities``; the sentence-shape fragments
of a role are in ``roleforms``).

The patterns match the sentence's shape — ``NAM (NAM)``, ``NAM's NAM``, ``NAM and NAM as NAM and
NAM``, ``NAM, played by NAM`` — so one pattern covers every spelling of the names in it. Who is
the performer in ``A (B)`` is decided by evidence, not by bracket order: the bible, the words
around each name anywhere in the article ("actress", "stars", "plays", "as", "Captain"), a cast
list, a one-word name against a full one, and the other pairs of the same list. A cast listed
with its performers belongs to the show the text is about there.
"""

from __future__ import annotations

import re

from showbible.news.antecedents import Antecedents, opening_person
from showbible.news.characters import bare_character
from showbible.news.cleaning import Paragraph
from showbible.news.credits import credited, who_asides
from showbible.news.entities import NAM, SER, Marked, Mention, ranked, title_case
from showbible.news.extractor import HEDGE, families
from showbible.news.names import EVENT_AFTER, NOT_PERSON_FIRST, ORGS, ROLE_VERB, keyof, strip_start
from showbible.news.pairing import (
    WHO_SINGULAR,
    attributive,
    credits_bracket,
    line_pair,
    list_votes,
    pair_vote,
    performer_company,
    spread,
    zip_roles,
)
from showbible.news.placing import (
    DESCRIBES,
    EPISODE_OF,
    ROLE_IN,
    cast_subject,
    not_the_show,
    subject_shows,
    work_after,
)
from showbible.news.roleforms import (
    AND_THEN,
    AUX,
    C_ITEM,
    C_ITEM_NOT_AS,
    CH,
    CREDIT,
    CREDITED,
    DESC,
    NAMED,
    OWNED_ROLE,
    OWNER,
    P_ITEM,
    SER_ROLE,
    V_AS,
    V_DIRECT,
    V_ROLE,
    list_of,
    role_named,
)
from showbible.news.roleshapes import (
    CREDIT_ROLE,
    JOINED,
    OPENING_NAME,
    OWN_ROLE,
    PAIR_ROLE,
    POSSESSIVE,
    PRONOUN_CAST,
    PRONOUN_PLAYS,
    PRONOUN_ROLE,
    QUOTED_BEFORE,
    ROLE_BEFORE,
    SUBJECT_PRONOUN,
    THE_EPITHET,
    THEN_SUCCESSION,
    TIE_BETWEEN,
    TITLE_OWNS,
)
from showbible.news.rolesigns import DENIED, line_of_cast, role_sign
from showbible.news.series import series_name
from showbible.quick import rx
from showbible.reading.lexicon.given import is_given_name

_PLAYS: list[tuple[re.Pattern[str], float]] = [
    # A plays / voices Mara Voss; plays the lead character of X; "A - who plays X - said"
    (rx.compile(rf"(?P<p>{list_of(NAM)}){CREDIT}(?:,?\s*(?:who\s+)?|\s+[-–—]\s+who\s+){AUX}{V_DIRECT}\s+(?:the\s+(?:role|part|"
                rf"character)\s+of\s+)?(?:{SER_ROLE}|{OWNED_ROLE}|{NAMED}|(?:{DESC})?(?:character\s+(?:of\s+)?)?)"
                rf"(?P<c>{C_ITEM})"
                # not "plays X and Y" (two roles); "A plays X and B plays Y" is two clauses
                rf"(?!\s+and\s+\ue002\d+\ue003(?!{CREDIT},?\s+{AUX}(?:{V_DIRECT}|{V_AS})\b))"),
     0.85),
    # Cranston and Paul played White and Pinkman: two and two, in order ("Nick Nolte and Jojo Rabbit
    # director Taika Waititi lending their voices to Kuiil and IG-11"; not "X and Y's parents")
    (rx.compile(rf"(?P<p>{NAM}\s+and\s+(?:{DESC})?{NAM}),?\s+(?:who\s+)?{AUX}{V_DIRECT}\s+"
                rf"(?P<c>{NAM}\s+and\s+{NAM})(?![’']s?\b)"),
     0.8),
    # Jane Doe stars / returns / was cast / will be showing up on the Enterprise as Mara Voss
    (rx.compile(rf"(?P<p>{list_of(NAM)}){CREDIT},?\s+(?:who\s+)?{AUX}{AND_THEN}{V_AS}\b(?:[^.;,\ue002]|the\s+{NAM}){{0,40}}?"
                rf"\bas\s+{OWNER}(?P<c>{list_of(C_ITEM)})"), 0.85),
    # reprise her role as / the role of / their respective roles as / his TVD character
    # (also: "are also on board to reprise", "reprise his role from the X finale as")
    (rx.compile(rf"(?P<p>{list_of(NAM)}){CREDIT},?\s+(?:who\s+)?{AUX}(?:[a-z’']+\s+){{0,3}}?{AUX}{V_ROLE}\s+"
                rf"(?:to\s+)?(?:his|her|their|the)\s+(?:[a-z][\w\-]*\s+){{0,2}}?"
                rf"(?:{SER}\s+)?(?:roles?|characters?|part)(?:\s+from\s+(?:the\s+)?{SER}(?:\s+[\w\-]+){{0,3}}?)?"
                rf"\s*,?\s*(?:as|of)?\s+(?P<c>{list_of(C_ITEM)})"), 0.85),
    # Jane Doe, who returns in X, reprising the role of Mara Voss
    (rx.compile(rf"(?P<p>{NAM})[^.;\ue002]{{0,80}}?,\s+(?:reprising|playing|as)\s+(?:the|his|"
                rf"her|their)\s+(?:{SER}\s+)?(?:role|character|part)(?:\s*,?\s*(?:of|as))?\s+"
                rf"(?P<c>{C_ITEM})"), 0.8),
    # Jane Doe and John Roe as Mara Voss and Tobias Voss (, respectively)
    # (and a cast list's "include Jude Law, as Captain Hook": a comma before "as")
    (rx.compile(rf"(?<!/)(?P<p>{list_of(NAM)}){CREDIT},?\s+as\s+{OWNER}(?P<c>{list_of(C_ITEM_NOT_AS)})"),
     0.7),
    # Jane Doe joins / is back as the mayor's press secretary, Mara Voss: a description, then the
    # role after a comma, ending its clause
    (rx.compile(rf"(?P<p>{NAM}){CREDIT},?\s+(?:{AUX}(?:{V_AS}|{V_ROLE})\b[^.;,\ue002]{{0,40}}?)?\b(?:as|(?:who\s+)?{V_DIRECT})\s+"
                rf"(?:the|an?|his|her|their|\ue002\d+\ue003[’']s)\s+[^,;.()]{{1,80}}?,\s+(?P<c>{NAM})"
                rf"(?=\s*(?:[.;–—]|,\s+[a-z]|$))"), 0.7),
    # Mara Voss, (as) played / portrayed / voiced by Jane Doe; A and B, played by C and D
    # (also "X - played by A -", "X, the show's longest serving character, played by A")
    # (an appositive naming someone else before a finite "will be played by" says who the
    # subject is: "Maria, the nun who falls for Baron von Trapp, will be played by A": Maria's)
    (rx.compile(rf"(?P<c>{list_of(CH)})(?:,\s+(?:the|a|an|his|her|their|its)\s+[^,;.()\ue000\ue002]{{1,60}},"
                rf"|,\s+(?:the|a|an|his|her|their|its)\s+[^,;.()\ue000]{{1,80}},(?=\s+(?:is|was|"
                rf"will\s+be|has\s+been|is\s+being)\s))?"
                rf"(?:,?\s+|\s*[-–—]\s*)(?:who(?:\s+(?:is|will\s+be|was|has\s+been)|[’']s)\s+|(?:is|was|"
                rf"will be|has been|is being|as)\s+)?(?:(?:once\s+)?again\s+|\w+ly\s+|now\s+|"
                rf"still\s+|most\s+|also\s+|first\s+|last\s+|later\s+|then\s+|once\s+)*"
                rf"(?:played|portrayed|voiced)\s+(?:(?:most\s+)?\w+ly\s+|(?:once\s+)?again\s+|now\s+)?"
                rf"by\s+(?:{DESC})?{CREDITED}(?P<p>{list_of(P_ITEM)})"),
     0.85),
    # A photo's caption: "Kenneth Branagh is pictured above playing William Shakespeare",
    # "Jamie Dornan is pictured above as Christian Grey", "seen here as" (the "as" right after,
    # never "pictured leaving the set as Tom Roe arrived")
    (rx.compile(rf"(?P<p>{NAM}){CREDIT},?\s+(?:(?:is|was|are|were)\s+)?(?:pictured|seen|shown|"
                rf"photographed)(?:\s+(?:above|below|left|right|here|centre|center|inset|top|"
                rf"bottom|in\s+character))?\s+(?:as|playing|portraying)\s+(?P<c>{C_ITEM})"
                # ("was seen as Tom Roe arrived": a clause of its own, whose subject the name is)
                r"(?!\s+(?:[a-z]+ed|arrives|leaves|left|walks|looks|came|comes|went|goes|was|is|"
                r"were|are|had|has)\b)"), 0.8),
    # SERIES brought Jane Doe back as Mara Voss
    (rx.compile(rf"\b(?:brought|brings|bring|bringing)\s+(?P<p>{NAM})\s+back\s+as\s+"
                rf"(?P<c>{C_ITEM})"), 0.8),
    # Jane Doe takes Mara Voss to SERIES
    (rx.compile(rf"(?P<p>{NAM})\s+(?:will\s+)?(?:take|takes|taking|took|bring|brings|bringing|"
                rf"brought)\s+(?P<c>{NAM})\s+(?:back\s+)?(?:over\s+)?to\s+{SER}"), 0.75),
    # As Marshal Eli Stone, Reuben Vance is as good as ever
    (rx.compile(rf"^\W*As\s+(?:{DESC})?(?P<c>{CH}),\s+(?P<p>{NAM})"), 0.7),
    # Mara Voss (voiced by Jane Doe); Hughie Campbell (played by Jack Quaid in The Boys series)
    (rx.compile(rf"(?P<c>{list_of(CH)})\s*\((?:voiced|played|portrayed)\s+by\s+"
                rf"{CREDITED}(?P<p>{list_of(rf'(?:{DESC}){NAM}')})"
                rf"(?:\s+(?:in|on)\s+(?:the\s+)?(?P<s>{SER})(?:\s+(?:series|show|films?|movies?))?|"
                rf"\s+(?:on|in)\s+(?:TV|television|the\s+[a-z]+\s+series))?\)"), 0.85),
    # Jane Doe's Greyharbor character, Mara Voss
    (rx.compile(rf"(?P<p>{NAM})[’'](?:s\s+|\s+)(?:{SER}\s+)?(?:character|role),?\s+(?P<c>{NAM})"),
     0.8),
    # Jane Doe and John Roe will reunite as their fan-favourite characters, Mara and Tobias Voss
    (rx.compile(rf"(?P<p>{list_of(NAM)}),?\s+{AUX}(?:[a-z]+\s+){{0,2}}?as\s+(?:his|her|their)\s+"
                rf"(?:[\w-]+\s+){{0,2}}?(?:roles?|characters?),?\s+(?P<c>{list_of(NAM)})"), 0.8),
    # Jane Lynch will make her first appearance on X since 2008 to again play Reid's mother Diana
    # (or "announced her return to X to reprise her role as die-hard romantic Scarlett Brady")
    (rx.compile(rf"(?P<p>{NAM})[^.;\ue002]{{0,80}}?\bto\s+(?:once\s+)?(?:again\s+)?(?:(?:play|portray|"
                rf"voice)\s+|(?:reprise|resume|reclaim)\s+(?:his|her|their)\s+(?:[a-z][\w\-]*\s+)?"
                rf"(?:role|character|part)\s+(?:as|of)\s+)(?:{OWNED_ROLE}|(?:{DESC})?)"
                rf"(?P<c>{C_ITEM})"), 0.75),
    # series cast member Brian K. Dietzen (who plays Jimmy)
    (rx.compile(rf"(?P<p>{NAM})\s*\(\s*who\s+(?:plays|played|voices|voiced|portrays|portrayed)\s+"
                rf"(?P<c>{C_ITEM})\s*\)"), 0.85),
    # Linda Belcher's voice actor, John Roberts
    (rx.compile(rf"(?P<c>{NAM})[’']s\s+voice\s+actor,?\s+(?P<p>{NAM})"), 0.85),
]  # fmt: skip
# An awards list's line: the nominees, a comma, then the work and its episode in brackets.
_NOMINEES = rx.compile(rf"^\W*{NAM}(?:\s*(?:,|and|&)\s*{NAM})*\s*,\s*$")
_PROSE = rx.compile(r"\b(?!and\b)[a-z]{3,}\b(?![^()]*\))")  # a word of a sentence, not in brackets
# Mara Voss (Jane Doe); Kilgrave's (David Tennant); Cleveland (Mike Henry, later replaced by X)
_PAIRS = rx.compile(
    # ("Remy of "FBI: Most Wanted" (Dylan McDermott)": the character's show before the bracket)
    rf"(?P<a>{CH})(?:[’']s|\s+the\s+[a-z][\w\-]*|\s+(?:of|from)\s+(?:the\s+)?[\"“‘']?(?P<os>{SER})[\"”’']?)?"
    # ("Bruce Jenner (now Caitlyn)", "Tyler (born Emmitt Perry Jr.)": one person, renamed)
    rf"\s*\(\s*(?:as\s+)?(?:(?!(?:by|as|aka|AKA|from|in|on|of|and|or|who|with|now|born|née|nee|"
    rf"formerly|previously)\b|a\.k\.a\.)"
    rf"[^\s()\ue000\ue002,;]+\s+){{0,4}}(?P<b>{list_of(NAM)}(?:,\s*(?:later\s+|then\s+)?"
    rf"(?:replaced|succeeded|followed)\s+by\s+{NAM})?)(?:,\s+(?:returning|reprising|back|"
    rf"who)\b[^()\ue000\ue002]{{0,100}}|,\s+(?P<bs>{SER})|\s+(?:of|from)\s+[“\"‘']?(?P<bs2>{SER})[”\"’']?|"
    # a photo caption's place in the picture: "Ichabod Crane (Tom Mison, L)"
    rf",\s*(?:[LRC]|left|right|cent(?:er|re)|top|bottom|front|back)\.?)?\)"
    # ("teacher Kevin Riley (Thomas McCarthy) of "Boston Public"": the role's show after it)
    rf"(?:\s+(?:of|from)\s+[“\"‘']?(?P<os2>{SER}))?"
)
# A verb or "as" right before a name: the object of a clause before ("plays X and B plays Y")
_OBJECT_BEFORE = rx.compile(rf"\b(?:{V_DIRECT}|{V_ROLE}|as)\s+(?:{DESC})?$")
# A verb that gives the performer before it a role, whatever follows: "Toby Stephens (Black
# Sails), will play father and astrophysicist John Robinson", "Tricia Helfer (Battlestar
# Galactica) had been cast as Lucifer's mother" (a bracket before it holds no role)
_CAST_VERB = (
    r"\s*,?\s*(?:will\s+|is\s+set\s+to\s+|also\s+|now\s+|(?:has|have|had)\s+been\s+|was\s+|is\s+)*"
    r"(?:portray|play|voice|cast\s+as|star\s+as|take\s+on|tackle)\b"
    r"(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:role|part)\b(?!\s+of\b))"  # "play a key role"
)
_CAST_VERB_AT = rx.compile(_CAST_VERB)
# "(High School Musical)" after a name, or any bracket before a role's verb: a credit
CREDIT_BRACKET = rx.compile(
    r"(?<=\ue003)\s*\((?:(?:[^()\ue002]|\([^()\ue002]*\))*|[^()]{1,80}(?=\)(?:\s*,?\s*(?:and\s+)?"
    rf"{NAM}\s*\([^()]*\))*(?:{ROLE_VERB}|{_CAST_VERB})))\)"
)
# A one-word performer's name after a performer's job: "played by Emmy-winning actress Zendaya".
# "as creator Jesse Armstrong accepted the honor": "as" opens a clause (while), and a job in
# making a show before its subject names who does it -- no role of a story ("stars as director
# Jo Marsh in the biopic" is one: no verb follows; a story's narrator, judge or host may be).
_PRODUCTION_JOB = rx.compile(
    r"\bas\s+(?:the\s+)?(?:co-?)?(?:creator|showrunner|(?:executive\s+)?producer|director|"
    r"screenwriter|writer)\s+$"
)
_CLAUSE_VERB = rx.compile(
    r"\s+(?:(?:also|then|later|finally|proudly)\s+)?(?:[a-z]+ed|said|says|took|takes|gave|gives|"
    r"was|is|has|had|stood|stands|spoke|speaks|told|tells|made|makes|won|wins|came|comes)\b"
)
_MONONYM_JOB = r"(?:actress|actor|singer|rapper|star|model)"
# After a list of pairs: the people in it join a cast, with no role said ("A (X), B (Y), and
# newcomer C would be joining the show")
_JOINING = rx.compile(
    rf"^(?:\s*\([^()]*\))?(?:\s*,?\s*(?:and\s+)?(?:[a-z]+\s+)?{NAM}(?:\s*\([^()]*\))?)*\s+"
    r"(?:(?:would|will|are|were|have|has|had|also|now)\s+)*(?:be\s+|been\s+)?"
    r"(?:joining|join|joined|rounding\s+out|round\s+out)\s+(?:the\s+)?(?:show|series|cast|season)\b"
)
_IN_SERIES = rx.compile(rf"^\W*(?:In|On)\s+(?P<s>{SER})\s*,")


class Roles(Antecedents):
    """plays facts, and what they teach the other relations (who is a character, whose)."""

    def roles_pass(self, sentence: str, para: Paragraph, offset: int) -> None:
        """Who plays whom, first: the other relations need to know who is a character."""
        marked = self.kb.mark(sentence)
        question = sentence.rstrip().endswith("?")
        if not (para.title and question):
            self.offset = offset
            self.plays(marked, sentence, para, question)

    def emit_plays(
        self, performer: str, character: Mention, m: Marked, sentence: str, para: Paragraph,
        confidence: float, qualifier: str, at: int = -1, place: str = "", placed: bool = False,
    ) -> str | None:  # fmt: skip
        """Propose ``performer plays character`` and place the character in its show (``at``:
        where the cast stands; without, only where the show is plain, unless ``placed``)."""
        performer = strip_start(performer) or self.kb.full(performer)  # "Oh's": Sandra Oh
        name = character.text if character.kind == "series" else strip_start(character.value)
        if not name and re.search(re.escape(character.token) + r"[’']s\b", m.text or ""):
            name = character.value  # "Will's (Eric McCormack)": a name takes a possessive
        token = m.text.find(character.token) if character.token else -1
        if (
            token >= 0
            and re.search(r"\bthe\s+new\s+$", m.text[:token])
            and not (ranked(name) or is_given_name(name.split()[0]))
        ):
            return None  # "as the new Chosen One": a part taken over ("new Princess Anne": hers)
        if (
            token >= 0
            and _PRODUCTION_JOB.search(m.text[:token])
            and _CLAUSE_VERB.match(m.text, token + len(character.token))
        ):
            return None  # "won Best Drama as creator Jesse Armstrong accepted": a job, no role
        glued = re.match(r"^(.+?)\s+(?:in|on)\s+(.+)$", name)
        if glued and self.kb.is_series(series_name(glued.group(2))):
            name = glued.group(1)  # "the teenage Hope in The Originals Season 5": Hope
        if not performer or not name or name.split()[0] == "The":
            return None
        if token >= 0 and THE_EPITHET.search(m.text[:token]):
            if re.match(r"[’']s?\b", m.text[token + len(character.token) :]):
                return None  # "as The Color Purple's Sofia": a title owning the role
            if " " not in name:
                name = "The " + name  # "plays The Penguin": the character's "The" is its name's
        lex = self.kb.lex
        pk, ck = keyof(performer), keyof(name)
        if pk in lex.characters and ck in lex.performers:
            performer, name, pk, ck = name, performer, ck, pk
        if (pk in lex.characters and pk not in lex.performers) or (
            ck in lex.performers and ck not in lex.characters
        ):
            return None
        full = self.kb.full(performer)
        if full.split()[0] in ORGS or full.split()[0] in NOT_PERSON_FIRST:
            return None  # "The Mighty Boosh (BBC Three)": a channel in the bracket, no performer
        if (
            len(full.split()) < 2
            and pk not in lex.performers
            and not re.search(rf"\b{_MONONYM_JOB}\s+{re.escape(full)}\b", sentence)
        ):
            return None  # performers are named in full somewhere (but "actress Zendaya")
        if self.kb.is_series(full):
            return None
        if lex.performer_of.get(keyof(full)):
            confidence = max(confidence, 0.9)
        character_name = self.kb.full(name)
        if keyof(character_name) == keyof(full) or (
            " " not in name and self.kb.performer_like(character_name) > 0
        ):
            # "Mo Brings Plenty as Mo", "Niles (David Hyde Pierce) ... David (Anders Keith)":
            # the short name is the role, not a performer's full name
            character_name = name
        self.kb.performers.add(keyof(full))
        self.kb.characters.setdefault(keyof(character_name), character_name)
        if not qualifier:
            self.kb.roles.setdefault(keyof(full), character_name)
        self.add("plays", full, character_name, para.line, sentence, confidence, qualifier)
        own = self.kb.show_of.get(keyof(full))
        after = m.text[token + len(character.token) :] if token >= 0 else ""
        if re.match(r"\s+(?:in|on)\s+(?:[\w’']+\s+){0,3}?[A-Z\ue000\ue002]", after):
            own = None  # "starred as Diana DuBois in 16 episodes of Empire": that show's
        if own and not qualifier:
            # "Station 19 actor Grey Damon ... Damon, who plays Jack Givson": his show's
            self.add("appears_in", character_name, own, para.line, sentence, 0.6)
        elif not qualifier and not para.title and (at >= 0 or not placed):
            token = m.text.find(character.token) if character.token else -1
            if (where := token if token >= 0 else at) >= 0:
                self.cast_of(m, where, character_name, sentence, para, place, at < 0, performer)
        return character_name

    def cast_of(
        self, m: Marked, at: int, character: str, sentence: str, para: Paragraph, q: str = "",
        strict: bool = False, performer: str | None = None,
    ) -> None:  # fmt: skip
        """A character named with its performer belongs to the show the text is about there:
        the nearest show named before it in the sentence, else after it, else before the
        sentence in the paragraph, else the show the paragraphs before were about, else the
        article's one show (less sure each time). A franchise ("Star Trek" of "Star Trek: Lower
        Decks") is not a show."""
        closing = m.text.find("\ue003", at)
        if closing >= 0 and (
            self.role_in(closing + 1, m, character, sentence, para, q)
            or work_after(m.text, closing + 1)
        ):
            return  # "as Jean Grey in the X-Men franchise": the work right after it, no other
        credit_shows = credited(m, self.kb.series_count)
        # an aside's show is the performer's, not the role's ("Baldwin, who plays Trump on SNL")
        asides = who_asides(m.text)

        def shows(lo: int, hi: int) -> list[str]:
            out = []
            for x in m.mentions:
                pos = m.text.find(x.token)
                if x.kind != "series" or not lo <= pos < hi or self.franchise(x.value):
                    continue
                if any(a <= pos < b <= at for a, b in asides):
                    continue
                if re.match(r"\s*\(", m.text[pos + len(x.token) :]):
                    continue  # "Supergirl (X)": a hero
                if re.search(r"\ue003\s*\($", m.text[:pos]):
                    continue  # "Drake Rodger (The In Between)": a performer's credit
                if not_the_show(m, x):
                    continue  # "the Supernatural prequel has cast", "the Yellowstone ranch"
                if x.value not in credit_shows:
                    out.append(x.value)
            return out

        before, after = shows(0, at), shows(at, len(m.text))
        # "'Pearson' will see A ... along with B, who played Y": the subject show's cast
        subject = cast_subject(m, at)
        if subject is not None and before and not self.franchise(subject.value):
            before = [subject.value]
        end = m.text.find("\ue003", at)
        unknown = end >= 0 and bool(
            re.match(r"\ue003\s+(?:in|on)\s+(?:[\w’']+\s+){0,3}?[A-Z\ue002]", m.text[end:])
        )
        unknown = unknown and not self.described_show(m.text[end + 1 : end + 60], para)
        if len(set(before)) >= 3:
            return  # "a crossover between A, B, C and D, ... Barry (Grant Gustin)": whose?
        episode = [e for e in EPISODE_OF.finditer(m.text) if e.end() <= at]
        if episode:  # "In the finale of Supergirl, The Flash's Barry Allen (Grant Gustin)"
            before = [m.at(episode[-1].group("s")).value]
        head = self.kb.mark(self.kb.speechless(para.text)[: self.offset])
        head_asides = who_asides(head.text)
        earlier = [x.value for x in head.mentions if x.kind == "series"
                   and not self.franchise(x.value) and x.value not in credited(head)
                   and not any(a <= head.text.find(x.token) < b for a, b in head_asides)
                   and not DESCRIBES.match(head.text[head.text.find(x.token) + len(x.token):])
                   ]  # fmt: skip
        if strict and len(set(before + after)) != 1 and (before or after or not self.one_show()):
            q = "hedged"  # several shows in the sentence, or none in an article about several
        if before:
            series, confidence = before[-1], 0.6
        elif after:
            series, confidence = after[0], 0.5
        elif unknown:
            return  # "starred as Diana DuBois in 16 episodes of Empire": a show not recognised
        elif earlier:
            # "The second episode of A included a cameo from a B character. C appeared in one
            # scene as X": the episode the paragraph is about, when it names several shows
            shown = [head.at(e.group("s")).value for e in EPISODE_OF.finditer(head.text)]
            # several shows: the paragraph's subject ("before Dune proper, Dune: The Sisterhood is")
            several = not shown and len(families(earlier)) > 1
            if not (lead := subject_shows(head)[:1] if several else shown or earlier):
                return
            series, confidence = lead[-1], 0.5
        elif self.heading_before(para):  # "Chicago Fire: Sal Vasquez (...)" above it
            series, confidence = self.heading_before(para) or "", 0.5
        elif self.previous_show(para) and (
            not self.several_shows() or self.previous_show(para) in self.lead_shows()
        ):
            series, confidence = self.previous_show(para) or "", 0.45
        elif described := self.described_show(m.text, para):  # "in the police drama"
            series, confidence = described, 0.45
        elif len(named := set(self.kb.series_count) - self.credits_only()) == 1:
            series, confidence = named.pop(), 0.45  # the one show named, not as a credit
        elif self.dominant_show():
            series, confidence = self.dominant_show() or "", 0.4
        elif self.previous_show(para):
            # In an article about two shows or more (a crossover), the paragraph before naming
            # the one named less is weak evidence of a cast's show: below every plain fact.
            series, confidence, q = self.previous_show(para) or "", 0.45, "hedged"
        else:
            return
        credit = series in credited(m) or self.another_star_credit(series, performer)
        if not before and not after and credit:
            return  # "Former A star B will play X": A is B's credit, not where X is
        main = self.main_series()
        # "CSI Miami (CBS, 10 PM) – ...": a paragraph that opens with its show is about it
        opens = bool(head.mentions) and re.match(r"\W*\ue000", head.text) is not None
        if (
            not before
            and not (opens and head.mentions[0].value == series)
            and main
            and self.kb.series_count[series] == 1
            and self.kb.series_count[main] >= 3
            and series not in self.lead_shows()  # the show the article opens on is its topic
        ):
            series = main  # a show named once in passing is not what the text is about
        # a role cast here named in its show's title is in it ("Grace" in Will and Grace); not
        # a show named in part for it ("Oliver Twist" in a show read as "Oliver")
        own = keyof(series) == keyof(character) or keyof(character) in keyof(series).split()
        self.add("appears_in", character, series, para.line, sentence, confidence, q, own)

    def plays(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        # "Meg Donnelly (High School Musical) and Drake Rodger (The In Between) have been cast
        # as ...": a credit in brackets (no name in it) is blanked so the names read as a list.
        text = CREDIT_BRACKET.sub(lambda x: " " * len(x.group()), m.text)
        for pattern, confidence in _PLAYS:
            for match in pattern.finditer(text):
                if DENIED.search(text[match.end("p") : match.start("c")]):  # "-- not as X"
                    continue
                q = self.qualifier(m, match.start(), match.end(), question)
                performers = [x for x in m.all(match.group("p")) if x.kind == "name"]
                # "Matt Murdock (aka Daredevil)": the other name is the same character
                c_span = re.sub(r"\((?:aka|AKA|a\.k\.a\.)[^()]*\)", "", match.group("c"))
                # "the Indiana Jones-style professor Alaric": a name glued to a hyphen's word
                # describes the role, it is none
                characters = [
                    x
                    for x in m.all(c_span)
                    if not re.search(rf"{x.token}-[a-z]", c_span)
                    and not attributive(text[match.start("c") :], x.token)
                ]
                if WHO_SINGULAR.match(text, match.end("p")):
                    performers = performers[-1:]  # "A and B, who plays X": B plays X
                if len(performers) > 1 and _OBJECT_BEFORE.search(text[: match.start("p")]):
                    performers = performers[1:]  # "A plays X and B plays Y": X is no performer
                elif ROLE_BEFORE.search(text[: match.start("p")]) and THEN_SUCCESSION.match(
                    text, match.end("p")
                ):
                    continue  # "A will play X, reprising B's role": X is a role, no performer
                if (
                    JOINED.search(text, 0, match.start("p"))
                    and OWN_ROLE.search(text, match.end("p"), match.start("c"))
                    and not SUBJECT_PRONOUN.search(text, match.end("p"), match.start("c"))
                ):
                    # "A will join B on location to reprise her role as X": B is whom A joins,
                    # and the role is the subject's -- A, when the sentence opens on her
                    subject = OPENING_NAME.match(text)
                    if subject is None:
                        continue
                    performers = [m.at(subject.group(1))]
                # "A returns as X and B as Y", "as Tad, the Mayor", a headline: one role at most
                alone = not title_case(sentence) and not re.match(r"\s+as\b", text[match.end() :])
                alone = alone and re.search(r"\band\b|&", match.group("c")) is not None
                pairs = zip_roles(performers, characters, self.kb if alone else None)
                for performer, character in pairs:
                    where = ROLE_IN.match(m.text, match.end())
                    played = self.emit_plays(
                        performer.value, character, m, sentence, para, confidence, q,
                        -1 if where is not None else match.start(),
                    )  # fmt: skip
                    if played:
                        self.role_in(match.end(), m, played, sentence, para, q)
                        if match.groupdict().get("s"):
                            self.add("appears_in", played, m.at(match.group("s")).value,
                                     para.line, sentence, 0.7, q)  # fmt: skip
                # "Jane Holt, who played Mara Voss in Harbour Street, will next play Ivo": the
                # credit between the name and its verb names a role of hers too
                earlier = CREDIT_ROLE.search(text, match.end("p"), match.start("c"))
                if earlier is not None and len(performers) == 1:
                    at = earlier.start("c")
                    played = self.emit_plays(performers[0].value, m.at(earlier.group("c")), m,
                                             sentence, para, confidence, q, at)  # fmt: skip
                    if played:
                        self.role_in(earlier.end(), m, played, sentence, para, q)
        for match in PRONOUN_ROLE.finditer(text):
            who = self.last_person(para, sentence) or self.last_named(para, sentence)
            if who:
                self.emit_plays(who, role_named(m, match.group("c")), m, sentence, para, 0.7,
                                self.qualifier(m, match.start(), match.end(), question),
                                match.start())  # fmt: skip
        read_roles: set[str] = set()  # the roles a pronoun's reading has given someone
        for match in PRONOUN_PLAYS.finditer(text):
            # "Rashad has played a part in X. She voiced a character named Pilar": the person
            # the sentence before is about
            read_roles.add(match.group("c"))
            who = (
                opening_person(self.kb, m, match.start())
                or self.subject_before(para, sentence)
                or self.last_person(para, sentence)
            )
            if who:
                q = self.qualifier(m, match.start(), match.end(), question)
                played = self.emit_plays(who, role_named(m, match.group("c")), m, sentence, para,
                                         0.7, q, match.start())  # fmt: skip
                if played:
                    self.role_in(match.end(), m, played, sentence, para, q)
        for match in PAIR_ROLE.finditer(text):
            q = self.qualifier(m, match.start(), match.end(), question)
            pair = self.last_performers(para, sentence)
            roles = [x for x in m.all(match.group("c")) if x.kind == "name"]
            for who, role in zip(pair, roles, strict=False) if len(pair) == len(roles) else []:
                self.emit_plays(who, role, m, sentence, para, 0.7, q, match.start())
        for match in PRONOUN_CAST.finditer(text):
            if any(match.group("c") in span for span in read_roles):
                continue  # read above, with the sentence before's subject: one reading a role
            who = self.last_subject_before(para, sentence)
            if who:
                self.emit_plays(who, m.at(match.group("c")), m, sentence, para, 0.6, "")
        self.pairs(m, sentence, para, question)
        owned = list(POSSESSIVE.finditer(text)) if not para.title else []
        for i, match in enumerate(owned):
            p, c = m.at(match.group("p")), m.at(match.group("c"))
            # Listed ("A's X and B's Y"), they are a cast, in the show the text is about.
            near = [o for o in owned[max(0, i - 1) : i + 2] if o is not match]
            listed = any(
                re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)", text[a.end() : b.start()])
                for a, b in ((o, match) if o.start() < match.start() else (match, o) for o in near)
            )
            if c.kind == "series" and not (
                keyof(c.value) in self.kb.lex.characters or keyof(c.value) in self.kb.characters
            ):
                continue  # "Neil Gaiman's American Gods": a show, unless it is also a hero
            if TITLE_OWNS.match(text, match.end("c")) or QUOTED_BEFORE.search(
                text, 0, match.start("p")
            ):
                continue  # "Bridget Jones's Diary's Dolly Wells", "'A Bunny's Tale'": a title
            if EVENT_AFTER.match(text, match.end("c")) or not role_sign(
                self.kb, self.article, m, sentence, p, c
            ):  # "Sharapova's Wimbledon triumph"; "Britain's Jason Gardener"
                continue
            if TIE_BETWEEN.search(text, match.end("p"), match.start("c")) or TIE_BETWEEN.match(
                c.value
            ):
                continue  # "Williams' ex-husband Kevin Hunter", "Kylie's BFF Jordyn": a tie
            if self.kb.performer_like(p.value) > max(0.0, self.kb.performer_like(c.value)) or (
                len(self.kb.full(p.value).split()) >= 2
                and self.kb.performer_like(c.value) <= 0
                and keyof(self.kb.full(p.value)) in self.kb.persons
            ):
                played = self.emit_plays(
                    p.value, c, m, sentence, para, 0.6, "", match.start() if listed else -1
                )
                shows = set(self.kb.series_count) - self.credits_only()
                if played and not listed and len(shows) == 1:  # an article about one show
                    self.add("appears_in", played, shows.pop(), para.line, sentence, 0.45)
                elif played and not listed and not any(x.kind == "series" for x in m.mentions):
                    self.topic_cast(c, sentence, para, p.value)
        beside = (self.kb.mark(t) for t in self.neighbours(para))  # marked only if asked
        line = line_pair(m, beside)  # "A | X", "X: A" lines
        if line is not None and line_of_cast(self.kb, line[0], line[1]):
            a, b, lead = line
            first = (pair_vote(self.kb, a, b) or lead) > 0
            self.emit_plays(*((a.value, b) if first else (b.value, a)),
                            m, sentence, para, 0.7, "")  # fmt: skip

    def pairs(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """``A (B)`` pairs: which one is the performer is decided by evidence, and the pairs of
        one list share their order."""
        found: list[tuple[Mention, list[Mention], int, int]] = []
        owns: list[str] = []
        credit_after: list[bool] = []
        for match in _PAIRS.finditer(m.text):
            a, bs = m.at(match.group("a")), m.all(match.group("b"))
            if credits_bracket(m.text[: match.start()], match.group("b")):
                continue  # "producer Graham Yost (Justified, Boomtown)": a credit list
            if _JOINING.match(m.text[match.end() :]):
                continue  # "A (Persuasion), B (Hanna) and C would be joining the show": credits
            if _CAST_VERB_AT.match(m.text, match.end()) and match.group(0).endswith(")"):
                continue  # "Toby Stephens (Black Sails), will play ...": his credit
            if not role_sign(self.kb, self.article, m, sentence, a, *bs):
                continue  # "J Pavey (Exeter Harriers)": a team, a county, a company
            if _NOMINEES.match(m.text[: match.start()]) and not _PROSE.search(m.text):
                continue  # "Tanya Barfield, Mrs. America (Shirley)": a nominee, a work, its episode
            found.append((a, bs, match.start(), match.end()))
            # "Missy Peregrym (Agent Maggie Bell, FBI)": the role's show in the brackets
            # ("Sharon Leone (Diane Farr of 'Fire Country')": the performer's show is the role's)
            own = match.group("bs") or match.group("bs2") or match.group("os") or match.group("os2")
            owns.append(m.at(own).value if own else "")
            # "Kate Switzer (Brooke Smith, Silence Of The Lambs)": after the performer in the
            # brackets, a comma's show is her credit, not the role's
            credit_after.append(bool(match.group("bs")))
        if not found:
            return
        votes = [pair_vote(self.kb, a, bs[0]) for a, bs, _, _ in found]
        # the press's usual order, Character (Performer), unless the list goes on from a
        # performer ("A, who will reclaim his role of X, along with B (Y), C (Z)")
        after_performer = performer_company(self.kb, m, found[0][2])
        if after_performer:
            votes[0] += 2  # the list's own evidence, above one pair's doubtful vote
        default = 1 if sum(votes) > 0 else -1
        # Pairs listed together ("A (X), B (Y) and C (Z)") are a cast: their show is the one
        # the text is about there.
        listed = [False] * len(found)
        joined = [False] * len(found)
        for i in range(len(found) - 1):
            if re.fullmatch(
                r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)", m.text[found[i][3] : found[i + 1][2]]
            ):
                listed[i] = listed[i + 1] = joined[i] = True
        votes = list_votes(votes, joined)
        episode = list(EPISODE_OF.finditer(m.text))
        credit_shows = credited(m)
        asides = who_asides(m.text)
        # "original cast members A (W), B (O) and C (G) have expressed interest in returning":
        # the cast's own verb is a hypothesis, so is where the cast is seen.
        last = max((f[3] for f, cast in zip(found, listed, strict=True) if cast), default=0)
        verb = re.split(r"[,;(]|\b(?:that|which|who)\b", m.text[last : last + 60])[0]
        place = "hedged" if last and HEDGE.search(verb) else ""
        for (a, bs, start, _end), vote, cast, own, comma in zip(
            found, votes, listed, owns, credit_after, strict=True
        ):
            if comma and not ((vote or default) > 0 and a.kind == "name"):
                own = ""
            shown = [m.at(e.group("s")).value for e in episode if e.end() <= start]
            # "a new Grey's Anatomy episode in which Maggie (Kelly McCreary) will treat ...":
            # one pair after the show its sentence is about, less sure
            named = [
                x.value for x in m.mentions
                if x.kind == "series" and 0 <= m.text.find(x.token) < start
                and x.value not in credit_shows and not self.franchise(x.value)
                and not any(a <= m.text.find(x.token) < b <= start for a, b in asides)
                and not re.match(r"\s*\(", m.text[m.text.find(x.token) + len(x.token) :])
                and not not_the_show(m, x)
            ]  # fmt: skip
            first = (vote or default) > 0 and a.kind == "name"
            if not cast and (shown or named) and not own:
                character = bs[0] if first else a
                name = self.kb.full(
                    character.text if character.kind == "series" else character.value
                )
                series, confidence = (shown[-1], 0.6) if shown else (named[-1], 0.5)
                if keyof(series) != keyof(name):
                    self.add("appears_in", name, series, para.line, sentence, confidence)
            elif not cast and not own and {
                x.value for x in m.mentions
                if x.kind == "series" and not any(a <= m.text.find(x.token) < b for a, b in asides)
            } <= {self.dominant_show()}:  # fmt: skip
                self.topic_cast(bs[0] if first else a, sentence, para,
                                (a if first else bs[0]).value)  # fmt: skip
            q = ""  # "A (B)" names who plays whom even in a hypothetical or a question
            at = start if cast and not own else -1
            for left, b in spread(m, start, a, bs, self.kb.full if first else None):
                who, part, conf = (left.value, b, 0.8) if first else (b.value, left, 0.85)
                role = self.emit_plays(who, part, m, sentence, para, conf, q, at, place, True)
                if role and own:
                    self.add("appears_in", role, own, para.line, sentence, 0.75)

    def role_in(
        self, end: int, m: Marked, character: str, sentence: str, para: Paragraph, q: str
    ) -> bool:
        """ "plays Mara Voss on Greyharbor", "In Greyharbor, Jane Doe plays Mara Voss",
        "reprising his role from SVU": the role's series."""
        where = ROLE_IN.match(m.text, end)
        found = m.all(where.group("s")) if where is not None else []
        other = _IN_SERIES.search(m.text)
        if other is not None:
            found.append(m.at(other.group("s")))
        for x in found:
            if x.kind == "series" and keyof(x.value) != keyof(character):
                self.add("appears_in", character, x.value, para.line, sentence, 0.75, q)
        return bool(found)

    def known_character(self, name: str) -> list[str]:
        """The character a name is known to stand for in this article or the bible: itself if
        it was read as a character, or the role of a performer; nothing for an unknown name."""
        full = keyof(self.kb.full(name))
        if full in self.kb.characters or full in self.kb.roles or full in self.kb.lex.characters:
            who = self.character_of(name)
            return [who[0]] if who else []
        if full in self.kb.lex.performer_of:
            return [self.kb.lex.performer_of[full]]
        bare = bare_character(self.kb, name)  # "Kramer's turn on X": a one-word name's shape
        return [bare] if bare else []

    def pair_character(self, a: Mention, b: Mention) -> list[str]:
        who = self.character_of((b if pair_vote(self.kb, a, b) > 0 else a).value)
        return [who[0]] if who else []
