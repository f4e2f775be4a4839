"""The shapes of a role said by a pronoun or by a possessive, compiled once, which ``Roles``
(roles.py) reads: "She voiced a character named Pilar", "The pair will star as X and Y", "Jack
Quaid's Brad Boimler" -- and what keeps a possessive from being a role (a title owning the next
name, a tie between two people)."""

from __future__ import annotations

from showbible.news.entities import NAM, SER
from showbible.news.roleforms import AUX, C_ITEM, DESC, V_AS, V_DIRECT, V_ROLE
from showbible.quick import rx

# "She voiced a character named Pilar in ...", "She also starred as Diana DuBois in Empire": the
# performer the text is about
PRONOUN_PLAYS = rx.compile(
    rf"(?:^\W*|[.;]\s+|,\s+(?:and|but|now|and\s+now)\s+)(?P<pron>[Ss]he|[Hh]e)\s+{AUX}(?:{V_DIRECT}\s+"
    rf"(?:a\s+character\s+(?:named|called)\s+|the\s+role\s+of\s+)?|(?:{V_AS}|"
    rf"guest-starred)\s+as\s+)(?P<c>{C_ITEM})"
)
PRONOUN_ROLE = rx.compile(
    rf"\b(?P<pron>[Ss]he|[Hh]e|[Tt]hey)(?:[’']s|\s+has|\s+had|\s+have)?\s+(?:\w+\s+)?{V_ROLE}\s+"
    rf"(?:his|her|their)\s+(?:{SER}\s+)?(?:role|character|part)\s+(?:as|of)\s+(?P<c>{C_ITEM})"
)
# The pair will star as X and Y; the duo will reprise their roles of X and Y, respectively
PAIR_ROLE = rx.compile(
    rf"\b(?:[Tt]he\s+(?:pair|duo|two)|[Bb]oth)\s+{AUX}(?:{V_ROLE}|{V_AS})\s+(?:(?:his|her|their)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:roles?|characters?)\s*,?\s*(?:of|as)?\s+|as\s+)"
    rf"(?P<c>{NAM}\s*,?\s+and\s+{NAM})"
)
PRONOUN_CAST = rx.compile(
    rf"\b(?P<pron>[Ss]he|[Hh]e|[Tt]hey)\s+(?:was|were|is|has been|had been)\s+cast\s+as\s+"
    rf"(?P<c>{NAM})"
)
# Jack Quaid's Brad Boimler; Claudia Doumit's now-deceased Victoria Neuman
POSSESSIVE = rx.compile(
    # (also "Tavi Gevinson's mystery character Kate Keller": a word or two, then "character")
    rf"(?P<p>{NAM})[’'‘]s?\s+(?:[a-z]+-[a-z][\w\-]*\s+|(?:[a-z][\w\-]*\s+){{0,2}}(?:character|role),?\s+)?"
    rf"(?P<c>{NAM}|{SER}(?!\s+(?:spin-?off|"
    rf"series|show|season|cast|episodes?|character|film|movie|franchise|universe|reboot|revival|"
    rf"prequel|sequel|adaptation|"
    rf"crossover|set|finale|premiere)))(?!\s*\((?![a-z]))(?!\s+(?!and\b|or\b|as\b)[a-z][\w\-]*\s+\ue002)"
)
# "Bridget Jones's Diary's Dolly Wells": what a possessive seemed to give a role owns the next
# name itself -- a title crediting its performer; "'A Bunny's Tale'": a title in quotes.
TITLE_OWNS = rx.compile(r"[’']s\s+\ue002")
# Between a possessive and a name, a tie between two people, never a role ("Williams' ex-husband
# Kevin Hunter", "Kylie's BFF Jordyn Woods", "her half-sister Kim"): the name is someone else.
TIE_BETWEEN = rx.compile(
    r"\b(?:(?:ex|step|half|grand|great)-[a-z]+|BFFs?|[Bb]esties?|[Bb]est\s+friends?|"
    r"[Bb]oyfriend|[Gg]irlfriend|[Ff]ianc[ée]e?|[Hh]usband|[Ww]ife|[Ss]pouse|[Pp]al)\b"
)
QUOTED_BEFORE = rx.compile(r"(?:^|\s)[‘'\"“](?:(?:A|An|The)\s+)?$")
# A name that someone joins or stands beside, before its verb ("will join Tom Cruise on location
# to reprise her role"): the role the verb gives with the subject's pronoun is the subject's (the
# sentence's opening name), unless a pronoun of its own stands between ("as he reprises his").
JOINED = rx.compile(
    r"\b(?:join|joins|joined|joining|with|alongside|opposite|beside|meets?|met)\s+$"
)
OWN_ROLE = rx.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:role|part|character)\b")
SUBJECT_PRONOUN = rx.compile(r"\b(?:he|she|they)\b")
OPENING_NAME = rx.compile(
    r"\W*(?:(?:[Aa]ctress|[Aa]ctor|[Ss]tar|[Ss]inger|[Cc]omedian)\s+)?(\ue002\d+\ue003)"
)
# A name right after a verb of playing, then a succession: "will play X, reprising B's role"
ROLE_BEFORE = rx.compile(rf"\b{V_DIRECT}\s+(?:{DESC})?$")
THEN_SUCCESSION = rx.compile(
    r",\s+(?:reprising|replacing|succeeding|inheriting|(?:taking|stepping)\s+over)\b"
)
# A credit between a name and its verb that names a role of theirs too: "Jane Holt, who played
# Mara Voss in Harbour Street, will next play Ivo"
CREDIT_ROLE = rx.compile(
    rf",\s+who\s+(?:\w+ly\s+)?(?:played|plays|portrayed|portrays|voiced|voices)\s+(?P<c>{NAM})"
    r"(?![’']s?\b)"  # "who played Della's mom": whose, no role
)
# A character known by "The" and an epithet ("The Penguin", "The Riddler", "The Client"), right
# after a verb of playing or "as": a role, where "The X" elsewhere is a title.
THE_EPITHET = rx.compile(
    r"\b(?:plays|play|playing|played|portrays|portray|portraying|portrayed|voices|voicing|"
    r"voiced|as)\s+The\s+$"
)
