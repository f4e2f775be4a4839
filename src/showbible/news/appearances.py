"""Where a character is seen, read from the structure of a clause rather than from its exact
words: a known character of the article (a name read as a character, a performer whose role the
article gives, ``X (Performer)``), an appearance predicate governing it (a verb or noun from one
lexicon: appear, return, guest-star, cameo, show up, visit, join, reprise, cross over, be back,
make an appearance ...) and a show that the predicate reaches through a preposition ("on", "in",
"to", "for" ...), all in one clause that is no hypothesis, no question and no negation.

The phrase classes in ``relations`` each fix a whole sentence shape; this frame only fixes its
three parts and what may stand between them, so that a new outlet's wording ("Patrick Dempsey
made his first live appearance on Grey's since 2015", "He's even reprised his role as Will Riker
on Lower Decks and in Picard") is read without a new class. A sentence opening with "He", "She"
or "The character" stands for the character named just before it (the cross-sentence link).

What keeps it precise: the subject must be a character the article already knows (a performer
with no role the article names is not one: "Dan Aykroyd will appear on The Connors" proposes
nothing); nothing but adverbs and auxiliaries, or an aside between commas, may stand between the
subject and the predicate, and nothing but a preposition and a few words (``an episode of``, ``the
season finale of``) between the predicate and the show; a show named as a credit ("former star
of House", "Castle alums"), one used to describe something else ("House fans"), or a franchise is
never the object; a hedge ("could", "fans want", "rumoured") or a question makes the fact
hedged; a negation ("didn't appear", "won't return") drops it.
"""

from __future__ import annotations

import re

from showbible.news.castings import Castings
from showbible.news.characters import NOT_PERFORMER
from showbible.news.cleaning import Paragraph
from showbible.news.credits import credited
from showbible.news.entities import ATTRIBUTIVE, NAM, SER, Marked, Mention
from showbible.news.extractor import CLAUSE_START, NEGATION
from showbible.news.names import keyof
from showbible.quick import rx

# The appearance predicates: verbs (any tense) and the nouns that name an appearance.
_VERBS = (
    r"(?:re)?appear(?:s|ed|ing)?|(?:show|turn|pop)(?:s|ed|ped|ing|ping)?\s+up|showed\s+up|"
    r"guest[- ]?star(?:s|red|ring)?|cameo(?:s|ed|ing)?|return(?:s|ed|ing)?|"
    r"(?:come|comes|came|coming)\s+back|(?:re)?join(?:s|ed|ing)?|repris(?:e|es|ed|ing)\s+"
    r"(?:his|her|their|the)\s+(?:role|part|character)(?:\s+as\s+" + NAM + r")?|"
    r"cross(?:es|ed|ing)?\s+over|visit(?:s|ed|ing)?|(?:stop|drop)(?:s|ped|ping)?\s+(?:by|in)|"
    r"head(?:s|ed|ing)?(?:\s+(?:over|back))?|recur(?:s|red|ring)?|"
    r"(?:is|are|was|were|be|been|[’']s|[’']re)\s+back|"
    r"(?:is|are|was|were|be|been)\s+featured|"
    r"(?:make|makes|made|making)\s+(?:a|an|his|her|their|the)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:appearance|cameo|debut|return|comeback)"
)
# "Kramer's turn on Mad About You", "her stint on X": a turn or a stint is an appearance too
_NOUNS = (
    r"(?:(?:re)?appearance|cameo|return|comeback|guest\s+(?:spot|turn|appearance)|debut|turn|"
    r"stint)"
)
_PREDICATE = rx.compile(rf"\b(?:{_VERBS})(?!\w)", re.IGNORECASE)
# "Amy Ryan's absolutely necessary return to The Office": a possessive subject of a noun.
_NOUN_PREDICATE = rx.compile(rf"[’']s?\s+(?:[\w\-]+\s+){{0,3}}?{_NOUNS}s?\b")
# What may stand between the subject and its verb: auxiliaries, adverbs, a modal that is no
# hedge ("will"), a short aside between commas ("Jubal, the unit's chief, heads to ...").
# (or between dashes, where a description may name people: "Olivia — Mellie Grant's (Bellamy
# Young) chief of staff — will head over to ...")
_SUBJECT_GAP = rx.compile(
    r"^(?:\s*,\s+[^,;:.\ue000]{1,50},|\s+(?:[—–]|--?)\s+[^—–;:.\ue000]{1,80}?\s+(?:[—–]|--?))?"
    r"(?:\s+(?:will|would|is|are|was|were|has|have|had|"
    r"been|be|being|set|to|also|even|now|finally|once|again|soon|then|later|both|all|going|"
    r"slated|scheduled|due|about|\w+ly))*\s*$|^[’']s\s+(?:even\s+|also\s+|now\s+)?$"
)
_DASH_ASIDE = rx.compile(r"(?<=\s)(?:[—–]|--?)\s[^—–;:.]{1,120}?\s(?:[—–]|--?)(?=\s)")
# "Kim Raver (who also returned to Grey's as Teddy Altman)": the name the who-clause is about.
_WHO = rx.compile(r"^\s*who\s+(?:(?:also|later|then|has|had|have|will|would|\w+ly)\s+)*$")
# Verbs that take the show as their object ("joins Grey's Anatomy", "visit the cast of X").
_TRANSITIVE = rx.compile(r"^(?:re)?join|^visit|^repris|^stop|^drop", re.IGNORECASE)
_DIRECT_GAP = rx.compile(
    r"^\s+(?:the\s+)?(?:(?:main\s+|regular\s+)?(?:cast|team|crew|set|world|ensemble|universe)\s+of\s+"
    r"(?:the\s+)?)?$"
)
# The words that may name a part of a show between a preposition and its title ("an episode of",
# "the season 5 finale of", "the upcoming spin-off series"); a place ("the docks of X") is none.
_PART = (
    r"the|a|an|both|its|this|that|next|last|first|second|third|final|new|latest|upcoming|"
    r"original|animated|live-action|hit|long-running|same|\d+\w*|two-part|two-hour|one-hour|"
    r"season|seasons|episode|episodes|finale|premiere|pilot|series|show|shows|spin-?off|revival|"
    r"reboot|remake|sequel|prequel|drama|comedy|sitcom|procedural|film|movie|cast|world|"
    r"installment|hour|crossover|event|arc|run|of|\w+ly"
)
# From the predicate to the show: adverbs, then a preposition, then a few words that name a
# part of a show ("an episode of", "the season 5 finale of", "the spin-off series").
_OBJECT_GAP = rx.compile(
    r"^(?:\s+(?:back|again|briefly|also|once\s+more|later|this\s+(?:week|season|fall|year)|"
    # "will appear in some capacity in X", "return in a guest role on X"
    r"(?:in|as|for)\s+(?:some|a|an|any)\s+(?:small\s+|guest\s+|brief\s+)?(?:capacity|form|way|"
    r"role|cameo|stint)|\w+ly))*\s*(?:,\s*)?\s+(?:over\s+)?"
    # "head over to star in X": a verb of appearing after "to"
    r"(?:to\s+(?:star|appear|guest[- ]?star|cameo)\s+)?(?:on|in|to|into|onto|for|at|with|via)\s+"
    rf"(?:(?:{_PART})\s+){{0,6}}$"
)
# "on Lower Decks and, most memorably, in Picard": more shows for the same predicate
_MORE_SHOWS = rx.compile(
    r"\s*(?:,\s*)?(?:and|as\s+well\s+as|then)\s*,?\s+(?:[a-z][\w\-,\s]{0,40}?\s+)?"
    rf"(?:on|in|to)\s+(?:the\s+)?(?P<s>{SER})"
)
_AS_ROLE = rx.compile(rf"\s+as\s+(?:(?:the\s+)?(?:[a-z][\w\-]*\s+){{0,3}}?)(?P<c>{NAM})")
_OPENING = rx.compile(
    r"^\W*(?P<w>[Hh]e|[Ss]he|[Tt]hey|[Tt]he\s+character|[Tt]his\s+character|[Tt]he\s+actor|"
    r"[Tt]he\s+actress|[Tt]he\s+star)\b"
)
_TOKEN = rx.compile(f"{SER}|{NAM}")
# The show as the subject of a host predicate: "Night Ferry will welcome back Della Marsh", "the
# episode of Night Ferry will feature A (B) and C", "SER's finale brings back X".
_HOST = rx.compile(
    rf"(?P<s>{SER})(?:[’']s?\s+(?:[\w\-]+\s+){{0,3}}?(?:episode|finale|premiere|season|pilot|"
    r"hour|revival|return))?\s+(?:(?:will|is|are|also|now|finally|\w+ly|set\s+to|going\s+to)\s+)*"
    r"(?:welcom(?:e|es|ed|ing)\s+back|(?:bring|brings|brought|bringing)\s+back|"
    r"feature[sd]?|featuring|see[s]?\s+the\s+return\s+of|reunite[sd]?|"
    r"(?:has|have|had)\s+(?:a\s+)?(?:guest\s+)?(?:appearances?|cameos?)\s+(?:by|from))\s+"
    rf"(?P<c>(?:{NAM}(?:\s*\({NAM}\))?)(?:\s*(?:,\s*(?:and\s+)?|and\s+){NAM}(?:\s*\({NAM}\))?)*)"
)
# A fronted adverbial that sets the scene for the whole sentence: "In Grey's Anatomy, Amelia
# (A) worries ...", "On the last episode of Chicago Med, ...", "During SER's premiere, ...".
_FRONTED = rx.compile(
    r"^\W*(?:In|On|During|With|Over\s+on|Meanwhile,?\s+(?:in|on))\s+(?:(?:the|this|last|next|"
    r"a|an|new|latest|upcoming|final|first|\d+\w*|season|two-part)\s+){0,4}(?:(?:episode|"
    r"finale|premiere|pilot|season|hour|installment)s?\s+(?:\d+\s+)?of\s+)?"
    # (the show's part may follow it with no possessive: "In the SER hour,")
    rf"(?P<s>{SER})(?:(?:[’']s?)?\s+(?:[\w\-]+\s+){{0,3}}?(?:episode|finale|premiere|pilot|hour))?"
    r"\s*,\s+"
)
_LIST_JOIN = rx.compile(r"^\s*(?:,\s*(?:and\s+)?|(?:and|&)\s+)$")
# "the Star Wars film universe", "the Arrowverse's TV franchise": a franchise, not a show
_FRANCHISE_WORDS = rx.compile(
    r"\s+(?:film|movie|TV|television|animated|cinematic|shared)\s+(?:universe|franchise|saga|films|"
    r"movies)\b"
)
# "best known for", "previously starred": a performer's other work, not the article's role.
_CAREER = rx.compile(r"\b(?:known\s+for|previously|formerly|also\s+starred|credits)\b", re.I)


# "his Roseanne role Lou", "her Cheers character, Diane Chambers", "reprising her Karate Kid 2
# role", "their Bewitched characters": a character tied to its show by a possessive.
_SHOW_ROLE = rx.compile(
    rf"(?:\b(?P<pro>his|her|their)|(?P<o>{NAM})[’']s?)\s+(?:(?:former|old|original|iconic|famous|"
    rf"beloved|[\w]+-\w+)\s+)?(?P<s>{SER})\s+(?P<w>roles?|characters?|parts?|personas?)\b"
    rf"(?:\s*,?\s+(?:as\s+|of\s+)?(?P<c>{NAM}))?"
)
# "Elsa Dutton (Isabel May), the teenage daughter in 1883": an appositive that places a known
# character in a show ("Gil Grissom, the former leader of the CSI team").
_PLACED_BY_APPOSITIVE = rx.compile(
    rf"(?P<c>{NAM})(?:\s*\({NAM}\))?,\s+(?:(?:a|an|the|one\s+of\s+the)\s+{NOT_PERFORMER}{{1,4}}?"
    rf"(?:in|on|of|from)\s+(?:the\s+)?(?:(?:hit|original|animated|[\w\-]+[’']s)\s+)?(?P<s>{SER})"
    rf"(?!\s+(?:fans|writers?|producers?|creators?|showrunners?|co-stars?|stars?|cast)\b)"
    # "George, the Seinfeld role David himself inspired"
    rf"|(?:(?:a|an|the)\s+)?(?:[a-z][\w\-]*\s+)?(?P<s2>{SER})\s+(?:role|character)\b)"
)


class Appearances(Castings):
    """The general appearance frame over a marked sentence (see the module's docstring)."""

    def appearance_frames(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        text = m.text
        credits = credited(m)
        tokens = [(t.start(), t.end(), m.at(t.group())) for t in _TOKEN.finditer(text)]
        # an aside between dashes starts no clause of its own: its subject is the name before it
        flat = _DASH_ASIDE.sub(lambda x: " " * len(x.group()), text)
        for pred in [*_PREDICATE.finditer(text), *_NOUN_PREDICATE.finditer(text)]:
            start, end = pred.start(), pred.end()
            clause = max([0, *(c.end() for c in CLAUSE_START.finditer(flat, 0, start))])
            subjects = self._frame_subjects(m, tokens, clause, start, para, sentence)
            if not subjects:
                continue
            lo = min(s for s, _n, _f, _t in subjects)
            if NEGATION.search(text, lo, end) or re.search(r"n[’']t\b", text[lo:end]):
                continue
            verb = pred.group().split()[0] if pred.re is _PREDICATE else ""
            shows, stop = self._frame_shows(m, tokens, end, credits, bool(_TRANSITIVE.match(verb)))
            if not shows:
                continue
            q = self.qualifier(m, lo, stop, question)
            # the role named with the predicate or after the show ("reprised his role as Will
            # Riker on Lower Decks", "returned to Grey's as Teddy Altman") is the one seen there
            inner = re.search(NAM, pred.group())
            role = _AS_ROLE.match(text, stop) or _AS_ROLE.match(text, end)
            said = m.at(inner.group()) if inner else m.at(role.group("c")) if role else None
            # named as the role ("as Captain Vex"), it is a character unless a known performer
            who_as = self.character_of(said.value) if said is not None else None
            named = [who_as[0]] if who_as else []
            for _at, name, factor, through in subjects:
                for who in named or ([name] if name else []):
                    for series in shows:
                        if through and not named and not self.placed_in(who, series):
                            continue  # a performer's career, not the role's appearance
                        self.add("appears_in", self.kb.full(who), series, para.line, sentence,
                                 0.6 * factor, q)  # fmt: skip

    def fronted_scene(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """A sentence opening with its show ("In Grey's Anatomy, Amelia (A) worries ...; and
        Bailey grieves"): the characters it names are that show's, when it names no other show
        and says nothing hedged."""
        text = m.text
        scene = _FRONTED.match(text)
        if scene is None or question or self.hedged(text, scene.end(), len(text)):
            return
        series = m.at(scene.group("s")).value
        rest = m.all(text[scene.end() :])
        if self.franchise(series) or any(x.kind == "series" for x in rest):
            return
        for i, x in enumerate(rest):
            if x.kind != "name":
                continue
            if i + 1 < len(rest) and re.search(
                rf"{re.escape(x.token)}\s*\({re.escape(rest[i + 1].token)}\)", text
            ):
                chars = self.pair_character(x, rest[i + 1])
            elif i > 0 and re.search(rf"\({re.escape(x.token)}\)", text):
                continue  # the bracketed half of a pair, read with the name before it
            else:
                chars = self.known_character(x.value)
            for who in chars:
                self.add("appears_in", self.kb.full(who), series, para.line, sentence, 0.55)

    def hosted(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """A show said to bring its characters on ("Night Ferry will welcome back Della Marsh",
        "the episode of Night Ferry will feature A (B)"): each known character named."""
        text = m.text
        for host in _HOST.finditer(text):
            series = m.at(host.group("s")).value
            if series in credited(m) or self.franchise(series):
                continue
            q = self.qualifier(m, host.start(), host.end(), question)
            names = m.all(host.group("c"))
            for i, x in enumerate(names):
                if re.search(rf"\({re.escape(x.token)}\)", host.group("c")):
                    continue  # the bracketed half of a pair
                pair = i + 1 < len(names) and re.search(
                    rf"{re.escape(x.token)}\s*\({re.escape(names[i + 1].token)}\)", text
                )
                chars = (
                    self.pair_character(x, names[i + 1]) if pair
                    else self.known_character(x.value)
                )  # fmt: skip
                for who in chars:
                    self.add("appears_in", self.kb.full(who), series, para.line, sentence, 0.6, q)

    def show_roles(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """A character tied to a show by a possessive ("his Roseanne role Lou", "Kumiko, played
        by A, reprising her Karate Kid 2 role", "their Bewitched characters"): the character
        named after it, else the owner's role, else the known characters before it in the
        sentence (all of them for "their", the nearest for "his" or "her")."""
        text = m.text
        for match in _SHOW_ROLE.finditer(text):
            series = m.at(match.group("s")).value
            if self.franchise(series):
                continue
            q = self.qualifier(m, match.start(), match.end(), question)
            who: list[str] = []
            if match.group("c"):
                who = self.known_character(m.at(match.group("c")).value) or [
                    self.kb.full(m.at(match.group("c")).value)
                ]
            elif match.group("o"):
                role = self.kb.roles.get(keyof(self.kb.full(m.at(match.group("o")).value)))
                who = [role] if role else []
            else:
                before = [x for x in m.all(text[: match.start()]) if x.kind == "name"]
                known = [c for x in before for c in self.known_character(x.value)]
                plural = match.group("pro") == "their" or match.group("w").endswith("s")
                who = known if plural else known[-1:]
            for name in who:
                if name and not self.is_performer_name(name):
                    self.add("appears_in", self.kb.full(name), series, para.line, sentence, 0.65, q)

    def placed_by_appositive(
        self, m: Marked, sentence: str, para: Paragraph, question: bool
    ) -> None:
        """ "Elsa Dutton (Isabel May), the teenage daughter in 1883": a known character placed
        by an appositive naming its part in a show; a performer's appositive ("the star of X")
        is a credit, and an unknown name is left alone."""
        for match in _PLACED_BY_APPOSITIVE.finditer(m.text):
            series = m.at(match.group("s") or match.group("s2")).value
            if self.franchise(series) or series in credited(m):
                continue
            q = self.qualifier(m, match.start(), match.end(), question)
            for who in self.known_character(m.at(match.group("c")).value):
                self.add("appears_in", self.kb.full(who), series, para.line, sentence, 0.6, q)

    def is_performer_name(self, name: str) -> bool:
        full = self.kb.full(name)
        return keyof(full) in self.kb.performers or self.kb.performer_like(full) >= 2

    def last_performer(self, para: Paragraph, sentence: str) -> str | None:
        """Whom "the actor" stands for: the last performer of a known role named before."""
        for chunk in self._before(para, sentence):
            for x in reversed(self.kb.mark(chunk).mentions):
                full = self.kb.full(x.value)
                if x.kind == "name" and keyof(full) in self.kb.roles:
                    return full
        return None

    def _frame_subjects(
        self,
        m: Marked,
        tokens: list[tuple[int, int, Mention]],
        clause: int,
        start: int,
        para: Paragraph,
        sentence: str,
    ) -> list[tuple[int, str, float, bool]]:
        """The characters a predicate at ``start`` is said of: the names just before it (a
        list of them, or a pair with its performer in brackets), or a sentence-opening
        pronoun; each with where it stands, how sure, and whether it is a role read through
        its performer's pronoun ("She has also appeared on ...": placed only where the role
        is already, ``Extractor.placed_in``)."""
        text = m.text
        before = [t for t in tokens if clause <= t[0] and t[1] <= start]
        out: list[tuple[int, str, float, bool]] = []
        if not before and clause > 0 and _WHO.match(text[clause:start]):
            # the who-clause's name, just before its bracket or comma
            named = [t for t in tokens if t[1] <= clause]
            if (
                named
                and named[-1][2].kind == "name"
                and re.fullmatch(r"\s*[(,]\s*", text[named[-1][1] : clause])
            ):
                before, start = named[-1:], named[-1][1]
        # the subject: the nearest name from which only auxiliaries, adverbs or an aside between
        # commas (which may name someone: "Tom Reyes, fresh from a Broadway run, will") lead
        # to the predicate; a show in between ends the search
        while before and before[-1][2].kind == "name":
            gap = text[before[-1][1] : start]
            if gap.lstrip().startswith(")"):  # "Kevin Keller (Casey Cott) appear"
                gap = gap.lstrip()[1:]
            if _SUBJECT_GAP.match(gap):
                break
            before = before[:-1]
        if before and before[-1][2].kind == "name":
            s, e, mention = before[-1]
            if _CAREER.search(text, e, start) and keyof(self.kb.full(mention.value)) not in (
                self.kb.characters
            ):
                return []  # "A is best known for appearing in B": a performer's credit
            chain = [before[-1]]
            i = len(before) - 2
            while i >= 0 and before[i][2].kind == "name":
                between = text[before[i][1] : chain[0][0]]
                if re.fullmatch(r"\s*\(", between) or _LIST_JOIN.match(between):
                    chain.insert(0, before[i])  # a list, or "Name (Performer)"
                    i -= 1
                else:
                    break
            for s, _e, x in chain:
                known = self.known_character(x.value)
                # a performer whose role is named after the show ("returned to X as Rook")
                out += [(s, who, 1.0, False) for who in known] or [(s, "", 1.0, False)]
            if len(chain) == 2 and re.search(r"\(\s*$", text[chain[0][1] : chain[1][0]]):
                out = [
                    (chain[0][0], c, 1.0, False)
                    for c in self.pair_character(chain[0][2], chain[1][2])
                ]
            return out
        opening = _OPENING.match(text)
        lead = text[opening.end() : start] if opening else ""
        if opening and not before and clause == 0 and _SUBJECT_GAP.match(lead):
            word = opening.group("w").lower()
            if word.endswith("character"):
                last = self.last_character(para, sentence)
                return [(opening.start("w"), last, 0.8, False)] if last else []
            if word.split()[-1] in ("actor", "actress", "star"):
                actor = self.last_performer(para, sentence)
                role = self.kb.roles.get(keyof(actor)) if actor else None
                return [(opening.start("w"), self.kb.full(role), 0.7, False)] if role else []
            person = self.last_person(para, sentence)
            role = self.kb.roles.get(keyof(person)) if person else None
            character = bool(person) and keyof(person or "") in self.kb.characters
            if character:
                role = person  # "Sam Seaborn left ... He came back to ...": a character
            return [(opening.start("w"), self.kb.full(role), 0.7, not character)] if role else []
        return out

    def _frame_shows(
        self,
        m: Marked,
        tokens: list[tuple[int, int, Mention]],
        end: int,
        credits: set[str],
        transitive: bool = False,
    ) -> tuple[list[str], int]:
        """The shows a predicate ending at ``end`` reaches through a preposition, and where
        the last of them ends."""
        text = m.text
        after = [t for t in tokens if t[0] >= end]
        if not after or after[0][2].kind != "series":
            return [], end
        s, e, first = after[0]
        gap = text[end:s]
        if not (_OBJECT_GAP.match(gap) or (transitive and _DIRECT_GAP.match(gap))):
            return [], end
        if re.search(r"\bfrom\b", gap):
            return [], end
        shows = [first]
        more = _MORE_SHOWS.match(text, e)
        while more is not None:
            shows.append(m.at(more.group("s")))
            e = more.end()
            more = _MORE_SHOWS.match(text, e)
        out = []
        for x in shows:
            at = text.find(x.token)
            if x.value in credits or self.franchise(x.value):
                continue
            rest = text[at + len(x.token) :]
            if ATTRIBUTIVE.match(rest) or _FRANCHISE_WORDS.match(rest):
                continue  # "House fans", "the Supernatural prequel"
            out.append(x.value)
        return out, e
