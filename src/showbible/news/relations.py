"""Relations between an article's entities, read from marked sentences (see ``entities``):
``plays`` (performer -> character), ``showrunner`` (person -> series) and ``appears_in``
(character -> series).

The patterns match the sentence's shape — ``NAM (NAM)``, ``NAM's NAM``, ``NAM and NAM as NAM and
NAM``, ``SER showrunner NAM``, ``NAM crosses over from SER to SER`` — so one pattern covers every
spelling of the names in it. Who is the performer in ``A (B)`` is decided by evidence, not by
bracket order: the bible, the words around each name anywhere in the article ("actress", "stars",
"plays", "as", "Captain"), a cast list, and the other pairs of the same list. Hypotheses, hopes
and questions are kept apart as hedged.
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Paragraph
from showbible.news.entities import NAM, SER, Marked, Mention
from showbible.news.extractor import NEGATION, Extractor
from showbible.news.names import keyof, strip_start


def _list(item: str) -> str:
    return rf"{item}(?:\s*,\s*(?:and\s+|&\s+)?{item})*(?:\s*,?\s*(?:and|&)\s+{item})?"


CH = rf"(?:{NAM}|{SER})"  # a character's slot: a show may share its name with its hero
# A description before a name ("the late", "former crew member", "villain"); never a preposition.
DESC = (
    r"(?:(?:the|a|an|his|her|their|its|our)\s+)?(?:(?!(?:from|in|on|at|to|by|for|with|of|into|"
    r"and|or|as|than|who|which|that|is|are|was|were)\b)[a-z][\w\-]*\s+){0,4}?"
)
_AKA = r"(?:\s*\((?:aka|AKA|a\.k\.a\.)\s[^()]{1,40}\))?"
C_ITEM = rf"(?:{DESC})?{CH}{_AKA}(?!\s+of\s+[A-Z])"
# A performer in a list, unless a "played by" follows (then it is the next pair's character).
P_ITEM = rf"{NAM}(?!,?\s+(?:is\s+|was\s+)?(?:played|portrayed|voiced)\s+by)"
C_ITEM_NOT_AS = C_ITEM + r"(?!\s+as\b)"  # "A as X and B as Y": X alone is A's
AUX = r"(?:(?:will|is|are|was|were|has|have|had|been|be|being|set|to|also|now|once|again|" \
      r"previously|originally|first|both|all|expected|rumou?red|said|reported|going|slated|" \
      r"scheduled|due|poised|about|\w+ly)\s+)*"  # fmt: skip
V_DIRECT = (
    r"(?:plays|played|playing|play|portrays|portrayed|portraying|portray|voices|voiced|voicing|"
    r"voice|reprises|reprised|reprising|reprise)(?!\s+by\b)"
)
V_AS = (
    r"(?:stars|starred|starring|star|returns|returned|returning|return|cast|appears|appeared|"
    r"appearing|appear|joins|joined|join|comes back|came back|is back|showing up|shows up|"
    r"show up|debuts|debuted|signed on|signs on|boarded)"
)
V_ROLE = (
    r"(?:reprises|reprised|reprising|reprise|originated|originate|took on|takes on|take on|"
    r"playing|plays|played|play|returning|returns|returned|return|stepping into|steps into)"
)
_PLAYS: list[tuple[re.Pattern[str], float]] = [
    # Jane Doe plays / portrays / voices Mara Voss; plays the lead character of Mara Voss
    (re.compile(rf"(?P<p>{_list(NAM)}),?\s*(?:who\s+)?{AUX}{V_DIRECT}\s+(?:the\s+(?:role|part|"
                rf"character)\s+of\s+)?(?:{DESC})?(?:character\s+(?:of\s+)?)?(?P<c>{C_ITEM})"),
     0.85),
    # Jane Doe stars / returns / was cast / will be showing up on the Enterprise as Mara Voss
    (re.compile(rf"(?P<p>{_list(NAM)}),?\s+(?:who\s+)?{AUX}{V_AS}\b[^.;,\ue000\ue002]{{0,40}}?"
                rf"\bas\s+(?P<c>{_list(C_ITEM)})"), 0.85),
    # reprise her role as / the role of / their respective roles as / his TVD character
    (re.compile(rf"(?P<p>{_list(NAM)}),?\s+(?:who\s+)?{AUX}{V_ROLE}\s+(?:to\s+)?(?:his|her|their|"
                rf"the)\s+(?:respective\s+|iconic\s+|original\s+)?(?:{SER}\s+)?(?:roles?|"
                rf"characters?|part)\s*,?\s*(?:as|of)?\s+(?P<c>{_list(C_ITEM)})"), 0.85),
    # Jane Doe, who returns in X, reprising the role of Mara Voss
    (re.compile(rf"(?P<p>{NAM})[^.;\ue002]{{0,80}}?,\s+(?:reprising|playing|as)\s+(?:the|his|"
                rf"her|their)\s+(?:{SER}\s+)?(?:role|character|part)(?:\s*,?\s*(?:of|as))?\s+"
                rf"(?P<c>{C_ITEM})"), 0.8),
    # Jane Doe and John Roe as Mara Voss and Tobias Voss (, respectively)
    (re.compile(rf"(?P<p>{_list(NAM)})\s+as\s+(?P<c>{_list(C_ITEM_NOT_AS)})"), 0.7),
    # Mara Voss, (as) played / portrayed / voiced by Jane Doe; A and B, played by C and D
    (re.compile(rf"(?P<c>{_list(CH)}),?\s+(?:who\s+is\s+|(?:is|was|will be|has been|is being|"
                rf"as)\s+)?(?:played|portrayed|voiced)\s+by\s+(?:{DESC})?(?P<p>{_list(P_ITEM)})"),
     0.85),
    # Jane Doe takes Mara Voss to SERIES
    (re.compile(rf"(?P<p>{NAM})\s+(?:will\s+)?(?:take|takes|taking|took|bring|brings|bringing|"
                rf"brought)\s+(?P<c>{NAM})\s+(?:back\s+)?(?:over\s+)?to\s+{SER}"), 0.75),
    # As Marshal Eli Stone, Reuben Vance is as good as ever
    (re.compile(rf"^\W*As\s+(?:{DESC})?(?P<c>{CH}),\s+(?P<p>{NAM})"), 0.7),
    # Mara Voss (voiced by Jane Doe)
    (re.compile(rf"(?P<c>{CH})\s*\((?:voiced|played|portrayed)\s+by\s+(?P<p>{_list(NAM)})\)"),
     0.85),
    # Jane Doe's Greyharbor character, Mara Voss
    (re.compile(rf"(?P<p>{NAM})[’']s\s+(?:{SER}\s+)?(?:character|role),?\s+(?P<c>{NAM})"), 0.8),
    # Linda Belcher's voice actor, John Roberts
    (re.compile(rf"(?P<c>{NAM})[’']s\s+voice\s+actor,?\s+(?P<p>{NAM})"), 0.85),
]  # fmt: skip
_PRONOUN_ROLE = re.compile(
    rf"\b(?P<pron>[Ss]he|[Hh]e|[Tt]hey)(?:[’']s|\s+has|\s+had|\s+have)?\s+(?:\w+\s+)?{V_ROLE}\s+"
    rf"(?:his|her|their)\s+(?:{SER}\s+)?(?:role|character|part)\s+(?:as|of)\s+(?P<c>{C_ITEM})"
)
_PRONOUN_CAST = re.compile(
    rf"\b(?P<pron>[Ss]he|[Hh]e|[Tt]hey)\s+(?:was|were|is|has been|had been)\s+cast\s+as\s+"
    rf"(?P<c>{NAM})"
)
_PAIRS = re.compile(rf"(?P<a>{CH})(?:[’']s)?\s*\((?:as\s+)?(?P<b>{_list(NAM)})\)")
_BAR = re.compile(rf"^\s*(?P<a>{NAM})\s*[|–]\s*(?P<b>{NAM})\s*$")
# Jack Quaid's Brad Boimler; Claudia Doumit's now-deceased Victoria Neuman
_POSSESSIVE = re.compile(
    rf"(?P<p>{NAM})[’']s?\s+(?:[a-z]+-[a-z][\w\-]*\s+)?(?P<c>{NAM}|{SER}(?!\s+(?:spin-?off|"
    rf"series|show|season|cast|episodes?|character|film|movie|franchise|universe|reboot|revival|"
    rf"crossover|set|finale|premiere)))(?!\s*\()"
)
_ROLE_IN = re.compile(
    rf"\s*(?:\((?:aka|AKA)[^()]*\)\s*)?,?\s+(?:on|in)\s+(?:the\s+(?:\w+\s+)?season\s+of\s+|"
    rf"[Ss]eason\s+\d+\s+of\s+|(?:19|20)\d\d[’']s\s+|the\s+)?(?P<s>{SER})"
)
_IN_SERIES = re.compile(rf"^\W*(?:In|On)\s+(?P<s>{SER})\s*,")

RUNNER = r"(?:co-?)?show-?runners?"
_LEFT = (
    r"(?:stepped down|stepping down|steps down|step down|is leaving|was leaving|leaving|left|"
    r"leaves|is exiting|exited|exits|exiting|departed|departs|departing|was fired|was ousted|"
    r"was replaced|has been replaced|parted ways|bowed out|quit|quits)"
)
_SHOWRUNNER: list[tuple[re.Pattern[str], float, str]] = [
    # (SERIES) (co-)showrunner(s) (of SERIES) Jane Doe (and John Roe)
    (re.compile(rf"(?:(?P<s>{_list(SER)})(?:[’'‘]s?)?\s+)?(?:creator/|executive producer/)?{RUNNER}"
                rf"(?:\s+(?:of|on|for)\s+(?P<s2>{SER}))?,?\s+(?P<p>{_list(NAM)})"), 0.85, ""),
    # Jane Doe, the (SERIES) showrunner (of SERIES); Jane Doe became the showrunner for season 3
    (re.compile(rf"(?P<p>{NAM}),?\s+(?:who\s+)?{AUX}(?:became\s+|becomes\s+|become\s+|"
                rf"remains\s+)?(?:the\s+|its\s+|"
                rf"their\s+|a\s+|an\s+)?(?:new(?:est)?\s+|original\s+|current\s+|former\s+)?"
                rf"(?:(?P<s>{SER})(?:[’'‘]s)?\s+)?{RUNNER}(?:\s+(?:of|on|for)\s+"
                rf"(?P<s2>{SER}))?"), 0.85, ""),
    # Jane Doe will serve as / has been named / took on the role of (new) showrunner (of X)
    (re.compile(rf"(?P<p>{NAM}),?\s+(?:who\s+)?{AUX}(?:serves?|served|serving|acts?|acted|"
                rf"remains|stays|takes? over|took over|taking over|comes aboard|came aboard|"
                rf"signed on|signs on|joins|joined|chosen|named|tapped|hired|appointed|brought "
                rf"on|taken on the role of|takes? on the role of|took on the role of|stepped in|"
                rf"steps in|been chosen|been named|been tapped)\s+(?:on\s+)?(?:as\s+)?(?:the\s+|"
                rf"its\s+|their\s+)?(?:new(?:est)?\s+)?{RUNNER}(?:\s+(?:of|on|for)\s+"
                rf"(?P<s2>{SER}))?"), 0.85, ""),
    # tapped Jane Doe to serve as its showrunner; having Jane Doe as the showrunner
    (re.compile(rf"\b(?:tapped|hired|named|chose|picked|brought in|enlisted|having|appointed)\s+"
                rf"(?P<p>{NAM})\s+(?:to\s+serve\s+)?as\s+(?:its|the|their)\s+(?:new\s+)?"
                rf"{RUNNER}(?:\s+(?:of|on|for)\s+(?P<s2>{SER}))?"), 0.85, ""),
    # showrunner alongside / with Dana Ko (the second of two)
    (re.compile(rf"\b{RUNNER}\s+(?:\w+\s+)?(?:alongside|with|together with)\s+(?P<p>{NAM})"),
     0.75, ""),
    # Jane Doe's showrunning duties on X
    (re.compile(rf"(?P<p>{NAM})[’']s\s+showrunning\s+(?:duties\s+|job\s+|stint\s+)?(?:on|for|"
                rf"of|at)\s+(?P<s2>{SER})"), 0.8, ""),
    # X, who runs Y / X runs Y / X previously ran Y; X is showrunning Y
    (re.compile(rf"(?P<p>{NAM}),?\s+(?:who\s+)?(?:\w+ly\s+|also\s+)?(?:runs|ran|will run|"
                rf"is running|has run|is showrunning|showrunning|showran)\s+(?P<s2>{SER})"),
     0.6, ""),
    # Jane Doe stepped down / is leaving the show as showrunner (of SERIES)
    (re.compile(rf"(?P<p>{NAM})\s+(?:\w+\s+){{0,3}}?{_LEFT}\s+(?:(?:from\s+)?the\s+(?:show|"
                rf"series)\s+|from\s+(?:his|her|their)\s+(?:post|role|job)\s+)?as\s+(?:the\s+)?"
                rf"(?:show[’']s\s+)?{RUNNER}(?:\s+(?:of|on|for)\s+(?P<s2>{SER}))?"), 0.85, "ended"),
    # he / she is the co-showrunner on the Starz series adaptation of X
    (re.compile(rf"\b(?P<pron>[Hh]e|[Ss]he|[Tt]hey)\s+(?:is|was|will be|has been)\s+(?:also\s+)?"
                rf"(?:the\s+|a\s+)?{RUNNER}\s+(?:on|of|for)\s+(?:{DESC})?(?:{NAM}[’']s\s+)?"
                rf"(?P<s2>{SER})"), 0.75, ""),
]  # fmt: skip
# Jane Doe replaced John Roe as showrunner (of SERIES): Roe's time ended
_REPLACED = re.compile(
    rf"(?P<p>{NAM})\s+(?:has\s+|had\s+|will\s+)?(?:replaced|replaces|replace|succeeded|succeeds)"
    rf"\s+(?P<old>{NAM})\s+as\s+(?:the\s+)?(?:new\s+)?{RUNNER}(?:\s+(?:of|on|for)\s+(?P<s2>{SER}))?"
)
# After a showrunner is named, the ones who follow them ("He was replaced by Jane Doe").
_SUCCESSOR = [
    re.compile(
        rf"\b(?:replaced\s+by|succeeded\s+by|passed\s+(?:on\s+)?(?:his|her|their)\s+"
        rf"duties\s+to|leaving\s+the\s+job\s+to|handing\s+(?:the\s+reins|the\s+job|"
        rf"(?:his|her|their)\s+duties)\s+to|handed\s+(?:the\s+reins|the\s+job|(?:his|her|"
        rf"their)\s+duties)\s+to)\s+(?:{DESC})?(?P<p>{_list(NAM)})"
    ),
    re.compile(
        rf"(?P<p>{NAM})\s+(?:will\s+be\s+|is\s+)?(?:took over|takes over|taking over|"
        rf"will take over|has taken over|replaced|replaces|succeeded|succeeds|stepped in|"
        rf"steps in|was brought back|came back)\b"
    ),
]
_THE_SHOW_START = re.compile(
    r"^\W*(?:The|This|That|Its)\s+(?:[a-z][\w\-]*\s+){0,2}(?:series|show)\b"
)
_SERIES_LIST_RUNNERS = re.compile(rf"(?P<s>{SER})[’'‘]s\s+(?P<p>{NAM})")
_LEFT_ANY = re.compile(rf"(?P<p>{NAM})\s+(?:\w+\s+){{0,2}}?{_LEFT}\b")

_MOVE = (
    r"(?:hopping|hops|hopped|hop|moving|moves|moved|move|jumping|jumps|jumped|jump|crossing over|"
    r"crosses over|crossed over|cross over|crossover|crossovers|crossing|heading|heads|headed|"
    r"head|coming|comes|came|come|going|goes|went|go|travel\w*|visit\w*|making the (?:jump|leap|"
    r"move)|dropped by|drops by|stopped by|stops by)"
)
# A show in a list, with what kind of show it is: "the spin-off Harrowgate", "the drama X".
_SL_ITEM = (
    rf"(?:the\s+)?(?:(?:[a-z\-]+\s+){{0,2}}?(?:series|show|drama|comedy|sitcom|spin-?off|film|"
    rf"movie)\s+)?{SER}"
)
_SL = rf"{_SL_ITEM}(?:\s*,\s*(?:then\s+|and\s+)?{_SL_ITEM}|\s+(?:and|then)\s+{_SL_ITEM})*"
_NAM_PAIR = rf"{NAM}(?:\s*\({NAM}\))?"  # a name, or a name with its other name in brackets
# Who appears: names (a name with its other name in brackets), or "he"/"she" (the person the
# text was last about); "Marie — a young hero who first appeared in ..." is Marie.
_SUBJ = (
    rf"(?P<c>{_list(_NAM_PAIR)}|\b(?:[Hh]e|[Ss]he|[Tt]hey)\b)(?:\s*[—–]\s*|,\s+)?(?:(?:a|an|the)\s+"
    rf"(?:[\w\-]+\s+|{NAM}\s+){{0,4}}?(?=who\b))?"
)
_APPEAR = (
    r"(?:appear|appears|appeared|appearing|show up|shows up|showed up|showing up|turn up|turns up|"
    r"turned up|pop up|pops up|popped up|guest-?stars?|guest-?starred|guest-?starring|cameos?|"
    r"cameoed|return|returns|returned|returning|make an appearance|makes an appearance|made an "
    r"appearance|made (?:his|her|their) (?:first |live-action |franchise )?(?:appearance|debut)|"
    r"make (?:his|her|their) (?:first |live-action )?(?:appearance|debut)|joins|joined|join|"
    r"visit|visits|visited|visiting|is featured|was featured|spinning off onto (?:his|her|their) "
    r"own series with|spun off into (?:his|her|their) own series|reprised\s+\w+|reprises\s+\w+|"
    r"returned as\s+\w+)"
)
_WHERE = (
    r"(?:on|in|into|at|with)?\s*(?:the\s+(?:companion|sister|spin-?off|new|animated|"
    r"live-action)\s+(?:series|show)\s+|the\s+(?:\w+\s+)?season\s+of\s+|[Ss]eason\s+\d+\s+of\s+"
    r"|(?:the|an|a)\s+(?:[\w\-]+\s+){0,3}?episodes?\s+of\s+|the\s+(?:\w+\s+)?(?:finale|"
    r"premiere|pilot)\s+of\s+|(?:19|20)\d\d"
    r"[’']s\s+|the\s+)?(?:(?:the\s+)?(?:[a-z\-]+\s+){0,2}?(?:series|show|drama|comedy|sitcom|"
    r"spin-?off|film|movie)\s+)?"
)
_APPEARS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(rf"{_SUBJ}\s+(?:{AUX})?{_MOVE}\s+(?:over\s+)?from\s+(?P<from>{SER})\s+"
                rf"(?:over\s+)?(?:in)?to\s+(?P<s>{_SL})"), 0.8),
    (re.compile(rf"\b(?:take|takes|taking|took|bring|brings|bringing|brought)\s+(?P<c>{NAM}|"
                rf"him|her|them)\s+(?:back\s+)?(?:over\s+)?(?:in)?to\s+(?:both\s+)?(?P<s>{_SL})"),
     0.8),
    (re.compile(rf"{_SUBJ}\s+(?:{AUX})?{_MOVE}\s+(?:over\s+)?(?:in)?to\s+(?P<s>{_SL})"), 0.75),
    (re.compile(rf"{_SUBJ}(?:,?\s+who)?\s+(?:{AUX})?{_APPEAR}\s+{_WHERE}(?P<s>{_SL})"), 0.7),
    # Jay Sherman (The Critic) on The Simpsons
    (re.compile(rf"(?P<c>{NAM})\s*\((?P<from>{SER})\)(?:\s+(?:on|in)\s+(?P<s>{SER}))?"), 0.7),
    # Steve Urkel from ABC's Family Matters; a character from the animated series The Critic
    (re.compile(rf"(?P<c>{NAM})\s+from\s+(?:the\s+)?(?:[\w\-]+\s+){{0,4}}?(?P<s>{SER})"
                rf"(?!\s+(?:over\s+)?to\b)"), 0.6),
]  # fmt: skip
_NAM_PAIRS = rf"{NAM}(?:\s*\({_list(NAM)}\))?"
# Wren Castell (Jamie Oduya) is set to appear ... after leading the spin-off Ashfall
_LEADING = re.compile(
    rf"{_SUBJ}[^.;\ue002]{{0,120}}?\b(?:after|since|before|while|when)\s+(?:leading|headlining|"
    rf"fronting|starring in|anchoring)\s+(?:the\s+)?(?:spin-?off\s+|series\s+|show\s+|"
    rf"drama\s+)?(?P<s>{SER})"
)
# Lindqvist ... will also reprise her role in the spin-off Tidewater; reprising his role from SVU
_REPRISE = re.compile(
    rf"(?P<p>{NAM}|\b(?:[Ss]he|[Hh]e|[Tt]hey)\b)[^.;]{{0,120}}?\brepris(?:e|es|ed|ing)\s+"
    rf"(?:his|her|their|the)\s+(?:role|character|part)(?:\s+as\s+(?P<c>{NAM}))?\s+(?:in|on|"
    rf"for|from)\s+(?:the\s+)?(?:spin-?off\s+|series\s+|show\s+|sequel\s+|new\s+)*"
    rf"(?P<s>{_SL})"
)
# 9-1-1's Hen (Aisha Hinds), Buck and Eddie; P.D.'s Jesse Lee Soffer; The Boys cast members A (X)
_OWNED = re.compile(
    rf"(?P<s>{SER})(?:[’'‘]s?\s+(?:{DESC})?|\s+(?:cast\s+members?|cast|stars?|co-stars?)\s+)"
    rf"(?P<c>{_list(_NAM_PAIRS)})"
)
_OWNED_ITEM = rf"(?:the\s+)?(?:{SER}[’']s\s+)?{CH}(?:\s*\({NAM}\))?"
_THE_SERIES = (
    r"(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:(?:first|second|third|fourth|fifth|new|final|next|upcoming|"
    r"latest)\s+)?(?:mini-?series|series|show|season|team-up|crossover|event)"
)
# The Defenders brought together A, B and C; the series finally brought together ...; the third
# season will bring X back; The Defenders also managed to include interactions between A and B
_ENSEMBLE = re.compile(
    rf"(?:(?P<s>{SER})|(?P<the>\b{_THE_SERIES}\b))[^.,;:\ue000\ue002]{{0,40}}?(?<![\w-])(?:brought "
    rf"together|brings together|bring together|bringing together|unites|united|reunites|"
    rf"reunited|features|featured|featuring|includes|included|include|including|welcomes|"
    rf"welcomed|introduces|introduced|brought back|brings back|will bring back|bring back|"
    rf"guest stars|guest-stars|(?:will\s+)?(?:bring|brings|brought)(?=(?:\s+\S+){{1,5}}\s+"
    rf"back\b))\s+(?:(?:characters?\s+(?:like|such as|including)\s+|(?:interactions?|"
    rf"scenes?)\s+between\s+(?:characters\s+(?:like|such as)\s+)?))?"
    rf"(?P<c>{_list(_OWNED_ITEM)})"
)
_THE_SHOW_STARS = re.compile(
    rf"^\W*(?:The|This|That)\s+(?:[a-z][\w\-]*\s+){{0,2}}(?:series|show|procedural|drama|"
    rf"comedy|sitcom|spin-?off|film|movie)\b[^.;]{{0,80}}?\b(?:stars|starring|co-stars|features)\s+"
    rf"(?P<p>{NAM})\s+as\s+(?P<c>{NAM})"
)


class Relations(Extractor):
    """plays, showrunner and appears_in, sentence by sentence."""

    runner_context: tuple[int, str] | None = None  # (paragraph line, series) of the last one
    offset = 0  # of the sentence being read, in its paragraph

    def roles_pass(self, sentence: str, para: Paragraph, offset: int) -> None:
        """Who plays whom, first: the other relations need to know who is a character."""
        marked = self.kb.mark(sentence)
        question = sentence.rstrip().endswith("?")
        if not (para.title and question):
            self.offset = offset
            self.plays(marked, sentence, para, question)

    def relations_pass(self, sentence: str, para: Paragraph, offset: int) -> None:
        marked = self.kb.mark(sentence)
        question = sentence.rstrip().endswith("?")
        if para.title and question:
            return
        self.showrunners(marked, sentence, para, offset, question)
        self.appears(marked, sentence, para, offset, question)

    # -- plays -----------------------------------------------------------------------------

    def emit_plays(
        self, performer: str, character: Mention, m: Marked, sentence: str, para: Paragraph,
        confidence: float, qualifier: str, at: int = -1,
    ) -> str | None:  # fmt: skip
        performer = strip_start(performer)
        name = character.text if character.kind == "series" else strip_start(character.value)
        if not performer or not name or name.split()[0] == "The":
            return None
        lex = self.kb.lex
        pk, ck = keyof(performer), keyof(name)
        if pk in lex.characters and ck in lex.performers:
            performer, name, pk, ck = name, performer, ck, pk
        if (pk in lex.characters and pk not in lex.performers) or (
            ck in lex.performers and ck not in lex.characters
        ):
            return None
        full = self.kb.full(performer)
        if len(full.split()) < 2 and pk not in lex.performers:
            return None  # performers are named in full somewhere
        if self.kb.is_series(full):
            return None
        if lex.performer_of.get(keyof(full)):
            confidence = max(confidence, 0.9)
        character_name = self.kb.full(name)
        self.kb.performers.add(keyof(full))
        self.kb.characters.setdefault(keyof(character_name), character_name)
        if not qualifier:
            self.kb.roles.setdefault(keyof(full), character_name)
        self.add("plays", full, character_name, para.line, sentence, confidence, qualifier)
        if at >= 0 and not qualifier and not para.title:
            token = m.text.find(character.token) if character.token else -1
            self.cast_of(m, token if token >= 0 else at, character_name, sentence, para)
        return character_name

    def cast_of(
        self, m: Marked, at: int, character: str, sentence: str, para: Paragraph,
        near: bool = False,
    ) -> None:  # fmt: skip
        """A character named with its performer belongs to the show the text is about there:
        the nearest show named before it in the sentence, else after it, else before the
        sentence in the paragraph (less sure each time). A franchise ("Star Trek" of "Star Trek:
        Lower Decks") is not a show."""

        def shows(lo: int, hi: int) -> list[str]:
            out = []
            for x in m.mentions:
                pos = m.text.find(x.token)
                if x.kind != "series" or not lo <= pos < hi or self.franchise(x.value):
                    continue
                if not re.match(r"\s*\(", m.text[pos + len(x.token) :]):  # "Supergirl (X)": a hero
                    out.append(x.value)
            return out

        before, after = shows(0, at), shows(at, len(m.text))
        if near:
            if before and keyof(before[-1]) != keyof(character):
                self.add("appears_in", character, before[-1], para.line, sentence, 0.55)
            return
        earlier = [s for s in self.series_in(self.kb.speechless(para.text)[: self.offset])
                   if not self.franchise(s)]  # fmt: skip
        if before:
            series, confidence = before[-1], 0.6
        elif after:
            series, confidence = after[0], 0.5
        elif earlier:
            series, confidence = earlier[-1], 0.5
        elif self.previous_show(para):
            series, confidence = self.previous_show(para) or "", 0.45
        elif len(set(self.kb.series_count)) == 1:
            series, confidence = next(iter(self.kb.series_count)), 0.45  # the one show named
        else:
            return
        if keyof(series) != keyof(character):
            self.add("appears_in", character, series, para.line, sentence, confidence)

    def previous_show(self, para: Paragraph) -> str | None:
        """The one show the paragraph before names, if it names exactly one."""
        paragraphs = self.article.paragraphs
        i = next((n for n, p in enumerate(paragraphs) if p is para), 0)
        if i == 0 or paragraphs[i - 1].title:
            return None
        shows = {s for s in self.series_in(paragraphs[i - 1].text) if not self.franchise(s)}
        return shows.pop() if len(shows) == 1 else None

    def franchise(self, title: str) -> bool:
        return any(t.startswith(title + ": ") for t in self.kb.series.values())

    def plays(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        text = m.text
        for pattern, confidence in _PLAYS:
            for match in pattern.finditer(text):
                q = self.qualifier(m, match.start(), match.end(), question)
                performers = [x for x in m.all(match.group("p")) if x.kind == "name"]
                characters = [x for x in m.all(match.group("c"))]
                if re.match(r",\s*who\b", text[match.end("p") :]):
                    performers = performers[-1:]  # "A and B, who plays X": B plays X
                pairs = _zip(performers, characters)
                for performer, character in pairs:
                    played = self.emit_plays(
                        performer.value, character, m, sentence, para, confidence, q,
                        match.start(),
                    )  # fmt: skip
                    if played:
                        self.role_in(match.end(), m, played, sentence, para, q)
        for match in _PRONOUN_ROLE.finditer(text):
            who = self.last_person(para, sentence) or self.last_named(para, sentence)
            if who:
                self.emit_plays(who, m.at(match.group("c")), m, sentence, para, 0.7,
                                self.qualifier(m, match.start(), match.end(), question),
                                match.start())  # fmt: skip
        for match in _PRONOUN_CAST.finditer(text):
            who = self.last_subject_before(para, sentence)
            if who:
                self.emit_plays(who, m.at(match.group("c")), m, sentence, para, 0.6, "")
        self.pairs(m, sentence, para, question)
        for match in _POSSESSIVE.finditer(text):
            p, c = m.at(match.group("p")), m.at(match.group("c"))
            if self.kb.performer_like(p.value) > max(0.0, self.kb.performer_like(c.value)) or (
                len(self.kb.full(p.value).split()) >= 2
                and self.kb.performer_like(c.value) <= 0
                and keyof(self.kb.full(p.value)) in self.kb.persons
            ):
                self.emit_plays(p.value, c, m, sentence, para, 0.6, "", match.start())
        bar = _BAR.match(text)
        if bar is not None:
            self.emit_plays(m.at(bar.group("a")).value, m.at(bar.group("b")), m, sentence,
                            para, 0.7, "")  # fmt: skip

    def pairs(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """``A (B)`` pairs: which one is the performer is decided by evidence, and the pairs of
        one list share their order."""
        found: list[tuple[Mention, list[Mention], int, int]] = []
        for match in _PAIRS.finditer(m.text):
            a, bs = m.at(match.group("a")), m.all(match.group("b"))
            found.append((a, bs, match.start(), match.end()))
        if not found:
            return
        votes = [self.vote(a, bs[0]) for a, bs, _, _ in found]
        default = 1 if sum(votes) > 0 else -1  # the press's usual order: Character (Performer)
        # Pairs listed together ("A (X), B (Y) and C (Z)") are a cast: their show is the one
        # the text is about there.
        listed = [False] * len(found)
        for i in range(len(found) - 1):
            if re.fullmatch(
                r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)", m.text[found[i][3] : found[i + 1][2]]
            ):
                listed[i] = listed[i + 1] = True
        for (a, bs, start, _end), vote, cast in zip(found, votes, listed, strict=True):
            q = ""  # "A (B)" names who plays whom even in a hypothetical or a question
            first = (vote or default) > 0 and a.kind == "name"
            at = start if cast else -1
            for b in bs:
                if first:
                    self.emit_plays(a.value, b, m, sentence, para, 0.8, q, at)
                else:
                    self.emit_plays(b.value, a, m, sentence, para, 0.85, q, at)
        for (a, bs, start, _end), vote, cast in zip(found, votes, listed, strict=True):
            if not cast:  # a pair on its own: its show only if named before it in the sentence
                first = (vote or default) > 0 and a.kind == "name"
                character = bs[0] if first else a
                self.cast_of(m, start, self.kb.full(character.text if character.kind == "series"
                             else character.value), sentence, para, near=True)  # fmt: skip

    def vote(self, a: Mention, b: Mention) -> int:
        """+1 when the first of a pair is the performer, -1 when the second is, 0 undecided."""
        if a.kind == "series":
            return -1
        lex = self.kb.lex
        ka, kb_ = keyof(self.kb.full(a.value)), keyof(self.kb.full(b.value))
        if ka in lex.performers or kb_ in lex.characters:
            return 1
        if kb_ in lex.performers or ka in lex.characters:
            return -1
        # The press names performers in full: "Cate (Maddie Phillips)", "Homelander [Antony Starr]".
        wa, wb = len(self.kb.full(a.value).split()), len(self.kb.full(b.value).split())
        if wa != wb and min(wa, wb) == 1:
            return 1 if wa > wb else -1
        ea, eb = self.kb.performer_like(a.value), self.kb.performer_like(b.value)
        if ea != eb:
            return 1 if ea > eb else -1
        return 0

    def role_in(
        self, end: int, m: Marked, character: str, sentence: str, para: Paragraph, q: str
    ) -> None:
        """ "plays Mara Voss on Greyharbor", "In Greyharbor, Jane Doe plays Mara Voss",
        "reprising his role from SVU": the role's series."""
        where = _ROLE_IN.match(m.text, end)
        found = [where.group("s")] if where is not None else []
        other = _IN_SERIES.search(m.text)
        if other is not None:
            found.append(other.group("s"))
        for token in found:
            series = m.at(token).value
            if keyof(series) != keyof(character):
                self.add("appears_in", character, series, para.line, sentence, 0.75, q)

    # -- showrunners -----------------------------------------------------------------------

    def showrunners(
        self, m: Marked, sentence: str, para: Paragraph, offset: int, question: bool
    ) -> None:
        text = m.text
        runner = re.search(rf"{RUNNER}|showrunning", text, re.IGNORECASE) is not None
        context = self.runner_context if self.runner_context and (
            self.runner_context[0] == para.line
        ) else None  # fmt: skip
        if not runner and context is None and " ran " not in text and "running" not in text:
            return
        left = {keyof(self.kb.full(m.at(x.group("p")).value)) for x in _LEFT_ANY.finditer(text)}
        emitted = False
        for pattern, confidence, qual in _SHOWRUNNER if runner or " ran " in text else []:
            for match in pattern.finditer(text):
                groups = match.groupdict()
                if groups.get("pron"):
                    who = self.last_subject_before(para, sentence)
                    people = [who] if who else []
                else:
                    people = [x.value for x in m.all(groups["p"]) if x.kind == "name"]
                named = [x.value for g in ("s", "s2") for x in m.all(groups.get(g))]
                shows, factor = (named, 1.0) if named else self.runner_series(
                    sentence, para, offset
                )  # fmt: skip
                q = "hedged" if self.qualifier(m, match.start(), match.end(), question) else qual
                for person in people:
                    for series in shows:
                        emitted |= self.emit_runner(person, series, factor * confidence, q,
                                                    left, sentence, para)  # fmt: skip
        for match in _REPLACED.finditer(text) if runner else []:
            s2 = match.group("s2")
            series, factor = (
                (m.at(s2).value, 1.0) if s2 else self.series_for(sentence, para, offset)
            )
            if not series:
                continue
            old = m.at(match.group("old")).value
            left.add(keyof(self.kb.full(old)))
            self.facts = [
                f for f in self.facts
                if not (f.kind == "showrunner" and f.sentence == " ".join(sentence.split())
                        and keyof(f.subject) == keyof(self.kb.full(old)))
            ]  # fmt: skip
            emitted |= self.emit_runner(m.at(match.group("p")).value, series, 0.85 * factor, "",
                                        left, sentence, para)  # fmt: skip
            self.emit_runner(old, series, 0.85 * factor, "ended", left, sentence, para)
        if runner:
            for match in _SERIES_LIST_RUNNERS.finditer(text, _runner_end(text)):
                series = m.at(match.group("s")).value
                person = m.at(match.group("p")).value
                q = "ended" if keyof(self.kb.full(person)) in left else ""
                emitted |= self.emit_runner(person, series, 0.8, q, left, sentence, para)
        if (runner or context) and not emitted:
            for pattern in _SUCCESSOR:
                for match in pattern.finditer(text):
                    if self.hedged(text, match.start(), match.end()) or question:
                        continue
                    series = context[1] if context else self.series_for(sentence, para, offset)[0]
                    if not series:
                        continue
                    for x in m.all(match.group("p")):
                        if x.kind == "name":
                            emitted |= self.emit_runner(x.value, series, 0.7, "", left,
                                                        sentence, para)  # fmt: skip

    def runner_series(self, sentence: str, para: Paragraph, offset: int) -> tuple[list[str], float]:
        """The show a showrunner sentence without one is about: the paragraph's, or the
        article's when the sentence says "the show" ("The show is led by ...")."""
        series, factor = self.series_for(sentence, para, offset)
        title = self.article.paragraphs[0] if self.article.paragraphs else None
        headline = title is not None and title.title and series in self.series_in(title.text)
        if factor <= 0.7 and not (_THE_SHOW_START.match(sentence) or headline):
            return [], 0.0  # the article's main show is too far a guess, unless it heads it
        return ([series] if series else []), factor

    def emit_runner(
        self, person: str, series: str, confidence: float, qualifier: str, left: set[str],
        sentence: str, para: Paragraph,
    ) -> bool:  # fmt: skip
        name = self.person(person)
        if not name or not series:
            return False
        full = self.kb.full(name)
        if len(full.split()) < 2 or self.kb.is_series(full):
            return False
        if qualifier != "hedged" and keyof(full) in left:
            qualifier = "ended"
        self.add("showrunner", full, series, para.line, sentence, confidence, qualifier)
        if qualifier != "hedged":
            self.runner_context = (para.line, series)
        return True

    # -- appears_in ------------------------------------------------------------------------

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
                subjects = self.subjects(m, groups["c"], para, sentence)
                targets = m.all(groups.get("from")) + m.all(groups.get("s"))
                for name, factor in subjects:
                    for target in targets:
                        if target.kind == "series":
                            self.add("appears_in", name, target.value, para.line, sentence,
                                     confidence * factor, q)  # fmt: skip
        for match in _LEADING.finditer(text):
            q = self.qualifier(m, match.start(), match.end(), question)
            series = m.at(match.group("s")).value
            for name, factor in self.subjects(m, match.group("c"), para, sentence):
                self.add("appears_in", name, series, para.line, sentence, 0.6 * factor, q)
        self.reprise(m, sentence, para, question)
        self.owned(m, sentence, para, question)

    def reprise(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """``she will also reprise her role in the spin-off Tidewater``: the performer's role,
        named here or elsewhere in the article, appears in that series."""
        for match in _REPRISE.finditer(m.text):
            q = self.qualifier(m, match.start(), match.end(), question)
            raw = match.group("p")
            if self.pronoun(raw):
                performer = self.last_subject_before(para, sentence) or ""
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
            for target in m.all(match.group("s")):
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
        if span.lower() in ("he", "she", "they"):
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
            who = self.character_of(mention.value)
            if who is not None:
                out.append(who)
        return out

    def known_character(self, name: str) -> list[str]:
        """The character a name is known to stand for in this article or the bible: itself if
        it was read as a character, or the role of a performer; nothing for an unknown name."""
        full = keyof(self.kb.full(name))
        if full in self.kb.characters or full in self.kb.roles or full in self.kb.lex.characters:
            who = self.character_of(name)
            return [who[0]] if who else []
        if full in self.kb.lex.performer_of:
            return [self.kb.lex.performer_of[full]]
        return []

    def pair_character(self, a: Mention, b: Mention) -> list[str]:
        vote = self.vote(a, b)
        chosen = b if vote > 0 else a
        who = self.character_of(chosen.value)
        return [who[0]] if who else []

    def last_person(self, para: Paragraph, sentence: str) -> str | None:
        """The performer a "he" or "she" stands for: the last one named before the sentence,
        in its paragraph or the one before."""
        paragraphs = self.article.paragraphs
        i = next((n for n, p in enumerate(paragraphs) if p is para), 0)
        text = self.kb.speechless(para.text)
        end = text.find(sentence[:30])
        chunks = [text[: end if end >= 0 else len(text)]]
        if i > 0:
            chunks.append(self.kb.speechless(paragraphs[i - 1].text))
        for chunk in chunks:
            for x in reversed(self.kb.mark(chunk).mentions):
                full = self.kb.full(x.value)
                if x.kind == "name" and keyof(full) in self.kb.performers:
                    return full
        return None

    def last_named(self, para: Paragraph, sentence: str) -> str | None:
        """The last full name of a person before the sentence in its paragraph."""
        text = self.kb.speechless(para.text)
        end = text.find(sentence[:30])
        for x in reversed(self.kb.mark(text[: end if end >= 0 else len(text)]).mentions):
            full = self.kb.full(x.value)
            if (
                x.kind == "name"
                and keyof(full) in self.kb.persons
                and self.kb.performer_like(full) >= 0
            ):
                return full
        return None

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

    def owned(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """A show's own people: "9-1-1's Hen (Aisha Hinds)", "P.D.'s Jesse Lee Soffer" (her
        character), "The Boys cast members A (X), B (Y)", "The Defenders brought together A,
        B and C"; "The series stars Jane Doe as Mara Voss" (the series the text is about)."""
        for match in _OWNED.finditer(m.text):
            if para.title:
                break
            series = m.at(match.group("s")).value
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
            elif self.main_series():
                series, factor = self.main_series() or "", 0.6
            else:
                continue
            for names in self.items(m, match.group("c")):
                if len(names) >= 2 and names[0].kind == "name":
                    chars = self.pair_character(names[0], names[1])
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


def _zip(performers: list[Mention], characters: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Performers to characters: one to one, in order ("A and B as X and Y"), or all to one."""
    if len(performers) == len(characters):
        return list(zip(performers, characters, strict=True))
    if len(characters) == 1:
        return [(p, characters[0]) for p in performers]
    return []


def _runner_end(text: str) -> int:
    found = re.search(RUNNER, text, re.IGNORECASE)
    return found.end() if found is not None else len(text)
