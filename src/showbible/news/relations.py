"""Which character appears in which show, read from marked sentences (see ``entities``):
moving ("crosses over from SER to SER", "took him to both SER and SER"), appearing ("shows up
in SER", "first appeared in Season 3 of SER"), a show's own people ("SER's NAM (NAM)", "SER cast
members ...", "SER brought together A, B and C"), reprising a role in a show. A show is never a
subject; hypotheses, hopes and questions are kept apart as hedged. The reader runs ``Roles`` over
every sentence first, so that these know who is a character.
"""

from __future__ import annotations

import re

from showbible.news.appearances import Appearances
from showbible.news.cleaning import Paragraph
from showbible.news.credits import credited
from showbible.news.entities import NAM, SER, Marked, Mention
from showbible.news.extractor import NEGATION
from showbible.news.names import keyof
from showbible.news.performers import known_performer
from showbible.news.roleforms import AUX, CH, DESC, list_of
from showbible.news.showrunners import Showrunners
from showbible.quick import rx

_MOVE = (
    r"(?:hopping|hops|hopped|hop|moving|moves|moved|move|jumping|jumps|jumped|jump|crossing over|"
    r"crosses over|crossed over|cross over|crossover|crossovers|crossing|heading|heads|headed|"
    r"head|coming|comes|came|come|going|goes|went|go|travel\w*|visit\w*|making the (?:jump|leap|"
    r"move)|dropped by|drops by|stopped by|stops by)"
)
# A show in a list, with what kind of show it is: "the spin-off Harrowgate", "the drama X".
_SL_ITEM = (
    rf"(?:the\s+|(?:19|20)\d\d[’']s\s+|[A-Z]\w+[’']s\s+)?(?:(?:[a-z\-]+\s+){{0,2}}?(?:series|show|drama|comedy|"
    rf"sitcom|spin-?off|film|movie)\s+)?{SER}"
)
_SL = (
    rf"(?:both\s+)?{_SL_ITEM}(?:\s*,\s*(?:then\s+|and\s+)?{_SL_ITEM}|\s+(?:and|then)\s+"
    rf"{_SL_ITEM})*"
)
_NAM_PAIR = rf"{NAM}(?:\s*\({NAM}\))?"  # a name, or a name with its other name in brackets
# Who appears: names (a name with its other name in brackets), or "he"/"she" (the person the
# text was last about); "Marie — a young hero who first appeared in ..." is Marie.
_SUBJ = (
    rf"(?P<c>{list_of(_NAM_PAIR)}|\b(?:[Hh]e|[Ss]he|[Tt]hey|[Tt]he (?:two|pair|duo)|[Bb]oth)\b)"
    rf"(?:\s*[—–]\s*|,\s+)?(?:(?:a|an|the)\s+"
    rf"(?:[\w\-]+\s+|{NAM}\s+){{0,4}}?(?=who\b))?"
    # "Felicity's going to show up": "is", not a possessive
    rf"(?:[’']s(?=\s+(?:going|set|been|now|also|back|about|due|expected|slated|scheduled)\b))?"
)
_APPEAR = (
    r"(?:appear|appears|appeared|appearing|show up|shows up|showed up|showing up|turn up|turns up|"
    r"turned up|pop up|pops up|popped up|guest-?stars?|guest-?starred|guest-?starring|cameos?|"
    r"cameoed|return|returns|returned|returning|"
    r"(?:make|makes|made|making) (?:a|an|his|her|their) (?:[\w\-]+ ){0,2}?"
    r"(?:appearance|debut|cameo)|"
    r"joins|joined|join|"
    r"visit|visits|visited|visiting|is featured|was featured|back|comes back|came back|"
    r"(?:is|was|were|are)\s+introduced|debuted|debuts|"
    r"spinning off onto (?:his|her|their) "
    r"own series with|spun off into (?:his|her|their) own series|reprised\s+\w+|reprises\s+\w+|"
    r"returned as\s+\w+|(?:has been|have been|was|were|is|are)\s+(?:also\s+)?(?:a|an)\s+(?:\w+\s+)?"
    r"(?:presence|fixture|regular|staple|mainstay|character))"
)
_WHERE = (
    r"(?:on|in|into|at|with)?\s*(?:the\s+(?:companion|sister|spin-?off|new|animated|"
    r"live-action)\s+(?:series|show)\s+|the\s+(?:\w+\s+)?(?:season|revival|reboot|remake)\s+of\s+|[Ss]eason\s+\d+\s+of\s+"
    r"|(?:(?:the|an|a)\s+)?(?:[\w\-]+\s+){0,3}?episodes?\s+of\s+|the\s+(?:\w+\s+)?(?:finale|"
    r"premiere|pilot)\s+of\s+|(?:19|20)\d\d"
    r"[’']s\s+|the\s+)?(?:(?:the\s+)?(?:[a-z\-]+\s+){0,2}?(?:series|show|drama|comedy|sitcom|"
    r"spin-?off|film|movie)\s+)?"
)
_KNOWN_FOR = r"(?:(?:is|was|are|were)\s+(?:best\s+|also\s+)?known\s+for\s+)?"
_APPEARS: list[tuple[re.Pattern[str], float]] = [
    (rx.compile(rf"{_SUBJ}\s+(?:{AUX})?{_MOVE}\s+(?:over\s+)?from\s+(?P<from>{SER})\s+"
                rf"(?:over\s+)?(?:in)?to\s+(?P<s>{_SL})"), 0.8),
    (rx.compile(rf"\b(?:take|takes|taking|took|bring|brings|bringing|brought)\s+(?P<c>{NAM}|"
                rf"him|her|them)\s+(?:back\s+)?(?:over\s+)?(?:in)?to\s+(?:both\s+)?(?P<s>{_SL})"),
     0.8),
    (rx.compile(rf"{_SUBJ}\s+(?:{AUX})?{_MOVE}\s+(?:over\s+)?(?:in)?to\s+(?P<s>{_SL})"), 0.75),
    (rx.compile(rf"{_SUBJ}(?:,?\s+who)?\s+(?:{AUX})?{_KNOWN_FOR}{_APPEAR}\s+{_WHERE}(?P<s>{_SL})"),
     0.7),
    # Ahsoka Tano, a main character from animated series A and B; X, one of the heroes of A
    (rx.compile(rf"(?P<c>{NAM}),\s+(?:a|an|the|one\s+of\s+the)\s+(?:[\w\-]+\s+){{0,3}}?"
                rf"(?:character|hero|heroine|villain|regular|lead|favou?rite)s?\s+(?:from|in|on|of)"
                rf"\s+(?:the\s+)?(?:[a-z\-]+\s+){{0,2}}?(?:series\s+|show\s+)?(?P<s>{_SL})"), 0.65),
    # Lando's first appearance in the Star Wars film universe came in The Empire Strikes Back
    (rx.compile(rf"(?P<c>{NAM})[’']s\s+(?:\w+\s+){{0,2}}?(?:appearance|debut|cameo)\b"
                rf"[^.;\ue002]{{0,60}}?\b(?:came|was|is|will\s+be)\s+(?:in|on)\s+(?P<s>{_SL})"),
     0.65),
    # Jay Sherman (The Critic) on The Simpsons
    (rx.compile(rf"(?P<c>{NAM})\s*\((?P<from>{SER})\)(?:\s+(?:on|in)\s+(?P<s>{SER}))?"), 0.7),
    # Steve Urkel from ABC's Family Matters; Joe Cruz and Violet Mikami from the Chicago Fire cast
    (rx.compile(rf"(?P<c>{list_of(_NAM_PAIR)})\s+from\s+(?:the\s+)?(?:[\w\-]+\s+){{0,4}}?(?P<s>{SER})"
                rf"(?!\s+(?:over\s+)?to\b)"), 0.6),
]  # fmt: skip
# A name right after one of these is where someone goes, not who goes.
_PLACE = rx.compile(r"\b(?:for|into|toward|towards|near)\s+$")
_NAM_PAIRS = rf"{NAM}(?:\s*\({list_of(NAM)}\))?"
# "... made his first appearance on Arrow before spinning off onto his own series with The
# Flash": a second appearance of the same subject, joined to the first
_AND_APPEAR = rx.compile(
    rf"\s*,?\s+(?:before|and then|then|and later|and|after|but)\s+(?:{AUX})?{_APPEAR}\s+"
    rf"{_WHERE}(?P<s>{_SL})"
)
# "Urkel also appeared on other television shows—including Step by Step and Full House"
_SHOWS_INCLUDING = rx.compile(
    rf"\s+(?:on|in)\s+(?:other|several|many|\w+)\s+(?:[\w\-]+\s+)?(?:shows|series|films|"
    rf"movies)\s*[—–,:]?\s*(?:including|such as|like|among them)\s+(?P<s>{_SL})"
)
# "That episode also featured a quick appearance by Bob Belcher": the show the text is about
# "appearances by The Captain (Kyle MacLachlan) and Carl the bartender (Joe Nieves)"
_BY_ITEM = rf"(?:[Tt]he\s+)?{NAM}(?:\s+the\s+[a-z]+)?(?:\s*\({NAM}\))?"
_APPEARANCE_BY = rx.compile(
    rf"\b(?:an?\s+)?(?:[a-z\-]+\s+){{0,2}}(?:appearance|appearances|cameo|cameos|guest spot)\s+"
    rf"(?:by|from)\s+(?P<c>{list_of(_BY_ITEM)})"
)
# "another cameo from a Law & Order: SVU character." (named in the next sentence)
_ANNOUNCED = rx.compile(rf"\b(?:a|an|another)\s+(?:[\w\-]+\s+){{0,2}}?(?P<s>{SER})\s+character\b")
# "On the last episode of Chicago Med, Natalie and Crockett took ...": the episode's show
_EPISODE_SUBJECTS = rx.compile(
    rf"^\W*(?:In|On|During)\s+(?:the\s+|this\s+|last\s+)?(?:[\w’']+\s+){{0,3}}?(?:episode|finale|"
    rf"premiere)s?\s+of\s+(?P<s>{SER}),\s+(?P<c>{list_of(NAM)})\s+[a-z]"
)
# "Barney isn't the only How I Met Your Mother character to return": what a character is, said
# with its show ("X is a Grey's Anatomy character", "one of the Buffy characters")
_IS_CHARACTER = rx.compile(
    rf"(?P<c>{NAM})\s+(?:is|was|isn[’']t|wasn[’']t|is\s+not|was\s+not|remains)\s+(?:the\s+only|"
    rf"not\s+the\s+only|one\s+of\s+the|an?|the)\s+(?:[a-z][\w\-]*\s+){{0,2}}(?P<s>{SER})\s+"
    rf"(?:characters?|heroes|hero|villains?|regulars?)\b"
)
# Wren Castell (Jamie Oduya) is set to appear ... after leading the spin-off Ashfall
_LEADING = rx.compile(
    rf"{_SUBJ}[^.;\ue002]{{0,120}}?\b(?:after|since|before|while|when)\s+(?:leading|headlining|"
    rf"fronting|starring in|anchoring)\s+(?:the\s+)?(?:spin-?off\s+|series\s+|show\s+|"
    rf"drama\s+)?(?P<s>{SER})"
)
# "when he was portrayed by Billy Dee Williams", "a younger version of the character was played
# by Donald Glover in Solo": who plays the character the text is about
_PASSIVE_ROLE = rx.compile(
    rf"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Tt]he\s+character|[Tt]his\s+character)\s+(?:was|were|is|has\s+"
    rf"been|had\s+been)\s+(?:first\s+|originally\s+|later\s+|also\s+)?(?:played|portrayed|"
    rf"voiced)\s+by\s+(?:[a-z][\w\-/]*\s+){{0,3}}?(?P<p>{NAM})"
)
# "Skarsgard has appeared in many films, but fans know him best as Erik Selvig": the subject
_KNOWN_AS = rx.compile(
    rf"\b(?:know|knows|knew|remember|remembers)\s+(?:him|her|them)\s+(?:best\s+|most\s+)?as\s+"
    rf"(?P<c>{NAM})"
)
# Lindqvist ... will also reprise her role in the spin-off Tidewater; reprising his role from SVU;
# "The actor reprised the role in 1983's Return of the Jedi": the performer named last
_REPRISE = rx.compile(
    rf"(?P<p>{NAM}|\b(?:[Ss]he|[Hh]e|[Tt]hey|[Tt]he\s+(?:actor|actress|star))\b)[^.;]{{0,120}}?"
    rf"\b(?:repris(?:e|es|ed|ing)|took\s+on|takes\s+on)\s+"
    rf"(?:(?:his|her|their|the)\s+(?:role|character|part)|it)(?:\s+as\s+(?P<c>{NAM}))?\s+(?:in|on|"
    rf"for|from)\s+(?:the\s+)?(?:spin-?off\s+|series\s+|show\s+|sequel\s+|new\s+)*"
    rf"(?P<s>{_SL})"
)
# "Bryan Cranston and Aaron Paul will reprise their Breaking Bad roles on Better Call Saul": the
# roles the performers play (named anywhere in the article) are that show's
_REPRISE_SER_ROLES = rx.compile(
    rf"(?P<p>{list_of(NAM)})\s+{AUX}(?:reprise|reprises|reprised|reprising|return\s+to|returns\s+"
    rf"to|returning\s+to)\s+(?:his|her|their)\s+(?:[\w\-]+\s+)?(?P<s>{SER})\s+(?:roles?|"
    rf"characters?|parts?)\b"
)
_REPRISING_IT = rx.compile(
    rf"[^.;]{{0,60}}?\brepris(?:e|es|ed|ing)\s+it\s+(?:in|on)\s+(?P<s>{_SL})"
)
# 9-1-1's Hen (Aisha Hinds), Buck and Eddie; P.D.'s Jesse Lee Soffer; The Boys cast members A (X)
# "The Boys' central villain and breakout star, Homelander (Antony Starr)": what the character is
# to the show, then the character with its performer
_OWNED = rx.compile(
    rf"(?P<s>{SER})(?:[’'‘]s?\s+(?:{DESC})?|[’'‘]s?\s+(?:[a-z][\w\-]*\s+){{1,3}}(?:and\s+"
    rf"(?:[a-z][\w\-]*\s+){{0,2}})?[a-z][\w\-]*,\s+(?={NAM}\s*\()|\s+(?:cast\s+members?|cast|"
    rf"stars?|co-stars?|characters?)\s+)(?P<c>{list_of(_NAM_PAIRS)})"
)
_OWNED_ITEM = rf"(?:the\s+)?(?:{SER}[’']s\s+)?{CH}(?:\s*\({NAM}\))?"
_THE_SERIES = (
    r"(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:(?:first|second|third|fourth|fifth|new|final|next|upcoming|"
    r"latest)\s+)?(?:mini-?series|series|show|season|team-up|crossover|event)"
)
# The Defenders brought together A, B and C; the series finally brought together ...; the third
# season will bring X back; The Defenders also managed to include interactions between A and B
_ENSEMBLE = rx.compile(
    rf"(?:(?P<s>{SER})|(?P<the>\b{_THE_SERIES}\b))(?:,\s+(?:the|a|an)\s+[^.;:,]{{0,100}}?,)?"
    rf"[^.,;:\ue000\ue002]{{0,40}}?(?<![\w-])(?:brought "
    rf"together|brings together|bring together|bringing together|unites|united|reunites|"
    rf"reunited|features|featured|featuring|includes|included|include|including|welcomes|"
    rf"welcomed|introduces|introduced|brought back|brings back|will bring back|bring back|"
    rf"guest stars|guest-stars|(?:will\s+)?(?:bring|brings|brought)(?=(?:\s+\S+){{1,5}}\s+"
    rf"back\b))\s+(?:(?:characters?\s+(?:like|such as|including)\s+|(?:interactions?|"
    rf"scenes?)\s+between\s+(?:characters\s+(?:like|such as)\s+)?))?"
    rf"(?P<c>{list_of(_OWNED_ITEM)})"
)
_THE_SHOW_STARS = rx.compile(
    rf"^\W*(?:The|This|That)\s+(?:[a-z][\w\-]*\s+){{0,2}}(?:series|show|procedural|drama|"
    rf"comedy|sitcom|spin-?off|film|movie)\b[^.;]{{0,80}}?\b(?:stars|starring|co-stars|features)\s+"
    rf"(?P<p>{NAM})\s+as\s+(?:{NAM}\s+(?:co-[a-z]+|founder|leader|member|president|chief|"
    # ("stars Yahya Abdul Mateen II as Black Panther co-founder Bobby Seale": the role is the
    # name after the description, not the movement it qualifies)
    rf"activist|lawyer|attorney|judge|icon|legend|boss)\s+)?(?P<c>{NAM})"
)


_AS_ITEM = rf"{NAM}\s+as\s+{NAM}(?:/{NAM})?"
# Gen V will feature appearances from ... characters featured in The Boys, including A as X,
# B as Y and C as Z: every X is in the first show (and in the second, when one is named)
_FEATURES_AS = rx.compile(
    rf"(?P<s>{SER})\s+(?:{AUX})?(?:feature|features|featured|featuring|include|includes|"
    rf"included|star|stars|starred)\s+(?:(?:guest\s+)?appearances\s+(?:from|by)\s+)?"
    rf"(?:[^.;:\ue000\ue002]{{0,60}}?(?:in|from|on)\s+(?P<s2>{SER})\s*,?\s+)?"
    rf"(?:including|such as|like|with|notably)?\s*"
    rf"(?P<c>{list_of(_AS_ITEM)})"
)
# Melissa Benoist's Kara Danvers on all four shows: each show the sentence names
_ALL_SHOWS = rx.compile(
    rf"(?:{NAM}[’']s\s+)?(?P<c>{NAM})\s+(?:\w+\s+){{0,3}}?(?:on|in|across)\s+(?:all|each of the|"
    rf"both)\s+(?:(?:two|three|four|five|six|\d)\s+)?(?:of\s+the(?:se)?\s+)?(?:shows|series)\b"
)


# A paragraph that is a name and a show in brackets and nothing else.
_NAME_SHOW_LINE = rx.compile(
    r"^(?P<n>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3})\s*\((?P<s>[A-Z0-9][^()]{1,60})\)$"
)


# A subject pronoun: who it stands for is the last performer named, and what it is said of is
# their role (``subjects``), placed only where the role is already (``appears``).
_PERFORMER_PRONOUNS = ("he", "she", "they")


# "include interactions between characters like Misty Knight, Colleen Wing, ...": a list the
# article calls characters.
_CALLED_CHARACTERS = rx.compile(r"\bcharacters\s+(?:like|such\s+as|including|named|of)\s+$")


class Relations(Appearances, Showrunners):
    """plays, showrunner and appears_in, sentence by sentence."""

    announced: tuple[int, str] | None = None  # (paragraph line, show) of "a SER character"
    _credit_lines: set[int] | None = None

    def relations_pass(self, sentence: str, para: Paragraph, offset: int) -> None:
        self.offset = offset
        marked = self.kb.mark(sentence)
        question = sentence.rstrip().endswith("?")
        if para.title and question:
            return
        if self.announced is not None and self.announced[0] == para.line:
            # "... a cameo from a Law & Order: SVU character. Mariska Hargitay appeared in one
            # scene as Capt. Olivia Benson": the role named next is that show's character
            flat = " ".join(sentence.split())
            for f in [f for f in self.facts if f.kind == "plays" and f.sentence == flat][:1]:
                self.add("appears_in", f.object, self.announced[1], para.line, sentence, 0.6)
        self.announced = None
        said = _ANNOUNCED.search(marked.text)
        if said is not None and not any(x.kind == "name" for x in marked.mentions):
            self.announced = (para.line, marked.at(said.group("s")).value)
        self.showrunners(marked, sentence, para, offset, question)
        self.appears(marked, sentence, para, offset, question)

    # -- plays -----------------------------------------------------------------------------

    def appears(
        self, m: Marked, sentence: str, para: Paragraph, offset: int, question: bool
    ) -> None:
        text = m.text
        for pattern, confidence in _APPEARS:
            for match in pattern.finditer(text):
                q = self.qualifier(m, match.start(), match.end(), question)
                if NEGATION.search(text[max(0, match.start() - 12) : match.end()]):
                    continue
                groups = match.groupdict()
                if (
                    "(" in match.group(0)
                    and groups.get("from")
                    and (
                        all(self.performer_by_evidence(x.value) for x in m.all(groups["c"]))
                        or para.line in self.credit_lines()
                    )
                ):
                    # "Drake Rodger (The In Between)", "Finola Hughes (General Hospital)" in a
                    # list of nominees: a performer's credit, when anything says performer
                    # (the article, or a catalogue's cast list) and nothing says character
                    continue
                bare = re.sub(r"\([^()]*\)", "", groups["c"])  # a pair's performer aside
                if (
                    "from" not in groups
                    and re.search(r"\sfrom\s", match.group(0))
                    and any(self.is_performer(x.value) for x in m.all(bare))
                ):
                    continue  # "Zoe McLellan from NCIS: New Orleans will be playing": a credit
                if "known for" in match.group(0) and any(
                    self.is_performer(x.value) for x in m.all(groups["c"])
                ):
                    continue  # "A is best known for appearing in B": the performer's credit
                subjects = self.subjects(m, groups["c"], para, sentence)
                targets = m.all(groups.get("from")) + m.all(groups.get("s"))
                more = _AND_APPEAR.match(text, match.end())
                if more is not None:
                    targets += m.all(more.group("s"))
                # "She has also appeared on Celebrity Masterchef": a performer's pronoun is
                # their role only on a show the role is in already (or the article's own)
                career = groups["c"].strip().lower() in _PERFORMER_PRONOUNS
                for name, factor in subjects:
                    for target in targets:
                        if target.kind == "series" and not (
                            career and not self.placed_in(name, target.value)
                        ):
                            self.add("appears_in", name, target.value, para.line, sentence,
                                     confidence * factor, q)  # fmt: skip
        for match in re.finditer(
            rf"{_SUBJ}\s+(?:{AUX})?{_APPEAR}(?={_SHOWS_INCLUDING.pattern})", text
        ):
            shows = _SHOWS_INCLUDING.match(text, match.end())
            q = self.qualifier(m, match.start(), match.end(), question)
            for name, factor in self.subjects(m, match.group("c"), para, sentence):
                for target in m.all(shows.group("s") if shows else None):
                    if target.kind == "series":
                        self.add("appears_in", name, target.value, para.line, sentence,
                                 0.7 * factor, q)  # fmt: skip
        for match in _APPEARANCE_BY.finditer(text):
            if question or self.hedged(text, match.start(), match.end()):
                continue
            series, factor = self.series_for(sentence, para, offset, None)
            for x in m.all(match.group("c")):
                for who in self.known_character(x.value):  # guest actors are no characters
                    if series and not self.franchise(series):
                        self.add("appears_in", who, series, para.line, sentence, 0.6 * factor)
        for match in _EPISODE_SUBJECTS.finditer(text):
            q = self.qualifier(m, match.start(), match.end(), question)
            series = m.at(match.group("s")).value
            for x in m.all(match.group("c")):
                if x.kind == "name" and not self.is_performer(x.value):
                    self.add("appears_in", self.kb.full(x.value), series, para.line, sentence,
                             0.6, q)  # fmt: skip
        for match in _IS_CHARACTER.finditer(text):
            q = self.qualifier(m, match.start(), match.end(), question)
            series = m.at(match.group("s")).value
            for name, factor in self.subjects(m, match.group("c"), para, sentence):
                self.add("appears_in", name, series, para.line, sentence, 0.7 * factor, q)
        for match in _LEADING.finditer(text):
            q = self.qualifier(m, match.start(), match.end(), question)
            series = m.at(match.group("s")).value
            for name, factor in self.subjects(m, match.group("c"), para, sentence):
                self.add("appears_in", name, series, para.line, sentence, 0.6 * factor, q)
        self.passive_role(m, sentence, para, question)
        self.reprise(m, sentence, para, question)
        self.owned(m, sentence, para, question)
        self.groups(m, sentence, para, question)
        self.appearance_frames(m, sentence, para, question)
        self.castings(m, sentence, para, question)
        self.respectively(m, sentence, para, question)
        self.in_order(m, sentence, para, question)
        self.recasts(m, sentence, para, question)
        self.show_roles(m, sentence, para, question)
        self.placed_by_appositive(m, sentence, para, question)
        self.fronted_scene(m, sentence, para, question)
        self.hosted(m, sentence, para, question)

    def groups(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """What a sentence says of a group: a cast a show features ("SER will feature ... A
        as X, B as Y"), one character in "all four shows" it names."""
        for match in _FEATURES_AS.finditer(m.text):
            q = self.qualifier(m, match.start(), match.end(), question)
            shows = [m.at(match.group("s")).value]
            if match.group("s2"):
                shows.append(m.at(match.group("s2")).value)
            for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", match.group("c")):
                names = [x for x in m.all(item) if x.kind == "name"]
                if len(names) < 2:
                    continue
                character = self.kb.full(names[1].value)
                for series in shows:
                    self.add("appears_in", character, series, para.line, sentence, 0.65, q)
        for match in _ALL_SHOWS.finditer(m.text):
            q = self.qualifier(m, match.start(), match.end(), question)
            shows = [
                x.value for x in m.mentions if x.kind == "series" and not self.franchise(x.value)
            ]
            for name, factor in self.subjects(m, match.group("c"), para, sentence):
                for series in dict.fromkeys(shows):
                    self.add("appears_in", name, series, para.line, sentence, 0.6 * factor, q)

    def passive_role(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """ "Lando's first appearance came in ..., when he was portrayed by A": the character
        named before in the sentence (not a performer), else the last one before it; the film
        or show it is said to be in then ("played by A in Solo")."""
        for match in _KNOWN_AS.finditer(m.text):
            q = self.qualifier(m, match.start(), match.end(), question)
            people = [
                x.value for x in m.mentions
                if x.kind == "name" and 0 <= m.text.find(x.token) < match.start()
                and keyof(self.kb.full(x.value)) not in self.kb.characters
            ]  # fmt: skip
            who = people[-1] if people else self.last_person(para, sentence)
            if who:
                self.emit_plays(who, m.at(match.group("c")), m, sentence, para, 0.7, q)
        for match in _PASSIVE_ROLE.finditer(m.text):
            q = self.qualifier(m, match.start(), match.end(), question)
            before = [
                x for x in m.mentions
                if x.kind == "name" and 0 <= m.text.find(x.token) < match.start()
                and not self.is_performer(x.value)
            ]  # fmt: skip
            if before:
                character = before[0]  # "he" is the sentence's subject
            else:
                last = self.last_characters(para, sentence, 1)
                if not last:
                    continue
                character = Mention("name", last[0], last[0])
            performer = m.at(match.group("p")).value
            played = self.emit_plays(performer, character, m, sentence, para, 0.7, q)
            if played:
                self.role_in(match.end(), m, played, sentence, para, q)

    def reprise(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        for match in _REPRISE_SER_ROLES.finditer(m.text):
            q = self.qualifier(m, match.start(), match.end(), question)
            series = m.at(match.group("s")).value
            for x in m.all(match.group("p")):
                role = self.kb.roles.get(keyof(self.kb.full(x.value)))
                if x.kind == "name" and role:
                    self.add("appears_in", role, series, para.line, sentence, 0.7, q)
        self.reprise_role(m, sentence, para, question)

    def reprise_role(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """``she will also reprise her role in the spin-off Tidewater``: the performer's role,
        named here or elsewhere in the article, appears in that series."""
        for match in _REPRISE.finditer(m.text):
            q = self.qualifier(m, match.start(), match.end(), question)
            raw = match.group("p")
            if re.fullmatch(r"[Tt]he\s+(?:actor|actress|star)", raw):
                performer = self.last_performer(para, sentence) or ""
            elif self.pronoun(raw):
                performer = (
                    self.last_subject_before(para, sentence)
                    or self.last_performer(para, sentence)
                    or ""
                )
            else:
                performer = self.kb.full(self.person(m.at(raw).value) or "")
            here = [
                f.object for f in self.facts
                if f.kind == "plays" and f.sentence == " ".join(sentence.split())
                and keyof(f.subject) == keyof(performer)
            ]  # fmt: skip
            if match.group("c"):
                character = self.kb.full(m.at(match.group("c")).value)
            elif here:
                character = here[-1]  # the role named in the same sentence
            else:
                character = self.kb.roles.get(keyof(performer)) or self.kb.lex.performer_of.get(
                    keyof(performer), ""
                )  # fmt: skip
            targets = m.all(match.group("s"))
            more = _AND_APPEAR.match(m.text, match.end())  # ", then made a third appearance in"
            if more is not None:
                targets += m.all(more.group("s"))
            # "took on the role in Thor back in 2011, later reprising it in A, B and C"
            again = _REPRISING_IT.match(m.text, match.end())
            if again is not None:
                targets += m.all(again.group("s"))
            for target in targets:
                if character and target.kind == "series":
                    self.add("appears_in", self.kb.full(character), target.value, para.line,
                             sentence, 0.7, q)  # fmt: skip

    def subjects(
        self, m: Marked, span: str, para: Paragraph, sentence: str
    ) -> list[tuple[str, float]]:
        """The characters a matched subject stands for: names, performers with their roles,
        pairs (their character side), a pronoun (the last character named)."""
        if span in ("him", "her", "them"):
            last = self.last_character(para, sentence)
            return [(last, 0.7)] if last else []
        if span.lower() in ("the two", "the pair", "the duo", "both"):
            # "But Jessica Knight (Katrina Law) is. The two cross over to ...": the last two
            return [(x, 0.7) for x in self.last_characters(para, sentence)]
        if span.lower() in _PERFORMER_PRONOUNS:
            person = self.last_person(para, sentence)
            role = self.kb.roles.get(keyof(person)) if person else None
            return [(role, 0.7)] if role else []
        out: list[tuple[str, float]] = []
        mentions = m.all(span)
        if len(mentions) == 2 and re.search(rf"^{NAM}\s*\({NAM}\)$", span.strip()):
            for x in self.pair_character(mentions[0], mentions[1]):
                out.append((x, 0.9))
            return out
        for mention in mentions:
            if mention.kind == "series" and keyof(mention.value) not in self.kb.characters:
                continue  # a show is not a character
            if _PLACE.search(m.text[: m.text.find(mention.token)]):
                continue  # "the crew heads for Lisbon to join X": a place, not who joins
            who = self.character_of(mention.value)
            if who is not None:
                out.append(who)
        return out

    def owned(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """A show's own people: "9-1-1's Hen (Aisha Hinds)", "P.D.'s Jesse Lee Soffer" (her
        character), "The Boys cast members A (X), B (Y)", "The Defenders brought together A,
        B and C"; "The series stars Jane Doe as Mara Voss" (the series the text is about)."""
        credits = credited(m, self.kb.series_count)
        for match in _OWNED.finditer(m.text):
            if para.title:
                break
            series = m.at(match.group("s")).value
            if series in credits:
                continue  # "Mayor of Kingstown's Ash Santos as Andrea"
            q = self.qualifier(m, match.start(), match.end(), question)
            for names in self.items(m, match.group("c")):
                chars = (
                    self.pair_character(names[0], names[1]) if len(names) >= 2
                    else self.known_character(names[0].value)
                )  # fmt: skip
                for c in chars:
                    self.add("appears_in", c, series, para.line, sentence, 0.7, q)
        for match in _ENSEMBLE.finditer(m.text):
            if question or self.hedged(m.text, match.start(), match.end()):
                continue
            if match.group("s"):
                series, factor = m.at(match.group("s")).value, 0.75
            elif just := self.show_just_named(para, self.offset):  # "The series featured ..."
                series, factor = just, 0.6
            elif self.main_series():
                series, factor = self.main_series() or "", 0.6
            else:
                continue
            items = self.items(m, match.group("c"))
            # "The show also features Zoe Perry, Lance Barber ... and Parsons": a list with a
            # performer in it is a cast of performers, whose characters it does not name.
            cast = any(n[0].kind == "name" and self.is_performer(n[0].value) for n in items)
            called = _CALLED_CHARACTERS.search(m.text[: match.start("c")]) is not None
            for names in items:
                if len(names) >= 2 and names[0].kind == "name":
                    chars = self.pair_character(names[0], names[1])
                elif names[0].kind == "name" and (cast or (" " in names[0].value and not called)):
                    # a full name listed bare ("featuring Grace Jones, Wilt Chamberlain and André
                    # the Giant") is a performer's unless the article knows it as a character
                    # or calls the list characters ("characters like Misty Knight, ...")
                    chars = self.known_character(names[0].value)
                elif names[0].kind == "series":
                    # A hero who shares a show's name, listed among characters.
                    chars = [] if keyof(names[0].value) == keyof(series) else [names[0].value]
                else:
                    who = self.character_of(names[0].value)
                    chars = [who[0]] if who else []
                for c in chars:
                    self.add("appears_in", c, series, para.line, sentence, factor, "")
        stars = _THE_SHOW_STARS.search(m.text)
        if stars is not None and self.main_series():
            c = self.kb.full(m.at(stars.group("c")).value)
            self.add("appears_in", c, self.main_series() or "", para.line, sentence, 0.6, "")

    def credit_lines(self) -> set[int]:
        """The lines of a list of "Name (Show)" paragraphs, three or more in a row (a list of
        nominees under its categories' headings in capitals, a cast's credits), that name a
        performer by evidence and no character by evidence: every name in it is a performer's,
        the show a credit. A list of characters with their shows ("Sheldon Cooper (The Big
        Bang Theory)") names no performer."""
        if self._credit_lines is None:
            self._credit_lines = set()
            run: list[tuple[int, str]] = []
            for para in [*self.article.paragraphs, None]:
                m = _NAME_SHOW_LINE.match(para.text.strip()) if para is not None else None
                if para is not None and m is not None:  # the bracket: a show's or a film's title
                    run.append((para.line, m.group("n")))
                    continue
                if para is not None and run and para.text.isupper():
                    continue  # "OUTSTANDING LEAD ACTOR IN A DRAMA SERIES": the list goes on
                names = [n for _, n in run]
                if (
                    len(run) >= 3
                    and any(self.performer_by_evidence(n) for n in names)
                    and not any(self.kb.performer_like(n) < 0 for n in names)
                ):
                    self._credit_lines |= {line for line, _ in run}
                run = []
        return self._credit_lines

    def performer_by_evidence(self, name: str) -> bool:
        """Whether anything says a name is a performer's (the article, the bible, a catalogue's
        cast list) and nothing says it is a character's."""
        full = self.kb.full(name)
        score = self.kb.performer_like(full)
        return score > 0 or (score == 0 and known_performer(full))

    def is_performer(self, name: str) -> bool:
        full = self.kb.full(name)
        return keyof(full) in self.kb.performers or self.kb.performer_like(full) >= 2

    def items(self, m: Marked, span: str) -> list[list[Mention]]:
        """The items of a listed span, each as its mentions, a show's possessive left out
        ("Daredevil's Karen Page" is Karen Page)."""
        out = []
        for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", span):
            item = re.sub(rf"^{SER}[’']s\s+", "", item.strip())
            mentions = m.all(item)
            if mentions:
                out.append(mentions)
        return out
