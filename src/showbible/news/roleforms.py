"""The sentence-shape fragments of a role, shared by every relation that reads one: a list of
names, a character's slot with what may describe it ("the late", "FBI agent", "DC supervillain"),
the verbs of playing and of appearing, a performer's credit between name and verb, whose the
role is ("Gullwing's Nora Fisk"). Regular-expression source, marked as ``entities`` marks a
sentence (names ``NAM``, shows ``SER``); compiled where they are used."""

from __future__ import annotations

import re

from showbible.news.entities import NAM, SER, Marked, Mention


def list_of(item: str) -> str:
    # ("A, B, and/or C appeared ... as X, Y, and Z": "and/or" joins a list too)
    return rf"{item}(?:\s*,\s*(?:and\s+|&\s+)?{item})*(?:\s*,?\s*(?:and/or|and|&)\s+{item})?"


CH = rf"(?:{NAM}|{SER})"  # a character's slot: a show may share its name with its hero
# What a name before it may qualify: a kind of person ("DC supervillain", "Jojo Rabbit director").
# Listed, or a word shaped like a noun for a person ("Bond girl", "MMA fighter", "City Council
# member", "Congresswoman", "songwriter", "novelist"); never a word of grammar that ends so.
_KIND_LISTED = (
    r"(?:villain|supervillain|superhero|hero|antihero|anti-hero|mutant|assassin|detective|agent|"
    r"director|creator|writer|producer|icon|legend|character|co-founder|founder|leader|member|"
    r"activist|lawyer|attorney|judge|girl|boy|queen|king|prince|princess|chef|spy|officer)"
)
_KIND_OF_PERSON = (
    rf"(?:{_KIND_LISTED}|"
    r"(?!(?:her|after|over|under|never|other|either|neither|rather|whether|ever|later|per|"
    r"former|latter|upper|inner|outer|order|err|manner|number|matter|border|corner|power|"
    r"summer|winter|water|paper|letter|dinner|partner|center|chapter|quarter|career|answer|"
    r"offer|cover|layer)\b)"
    r"[a-z][a-z\-]*(?:er|or|ist|ian|man|woman|wife|ess|ee|ant|star)s?)"
)
# A word of a description is never a preposition, a conjunction or a verb of being ("Sam Hill
# as defender Kate Vance" is a performer and a role, not a description), nor a word that brings
# in another person ("cast as X, replacing B", "as X opposite B").
_NOT_GRAMMAR = (
    r"(?!(?:from|in|on|at|to|by|for|with|of|into|and|or|as|than|who|which|that|is|are|was|"
    r"were|but|while|whereas|not|like|plus|opposite|alongside|beside|besides|replacing|"
    r"succeeding|following|reprising|playing|portraying|starring|including|featuring|"
    r"joining)\b)"
)
# A description before a name ("the late", "former crew member", "villain"); never a preposition.
DESC = (
    # ("FBI agent Dale Cooper": an agency named like a show, then the job)
    r"(?:(?:the|a|an|his|her|their|its|our)\s+)?"
    # ("Paul's cousin Ira", "the Buchmans' apartment superintendent Mr. Wicker": whose; "the
    # Indiana Jones-style professor Alaric"; "R&B songstress A", "Tony winner B": genre, award)
    r"(?:(?:\ue000\d+\ue001|\ue002\d+\ue003(?:[’']s?|-[a-z][\w\-]*|&\ue002\d+\ue003)|[A-Z]{2,}|"
    r"[A-Z][a-z]+-[a-z][\w\-]*)\s+(?=[a-z])|\ue002\d+\ue003\s+(?:winner|nominee)\s+(?=\ue002))?"
    # ("DC comic book supervillain Bloodsport": a name that qualifies a kind of person)
    # ("anti-feminist Eagle Forum founder Phyllis Schlafly": words before that name too)
    rf"(?:(?:{_NOT_GRAMMAR}[a-z][\w\-]*\s+){{0,2}}?\ue002\d+\ue003\s+(?:{_NOT_GRAMMAR}[a-z][\w\-]*\s+){{0,2}}"
    rf"(?={_KIND_OF_PERSON}\s))?"
    # ("the harbor master's daughter Mara Voss": a possessive noun in it)
    rf"(?:{_NOT_GRAMMAR}[a-z][\w\-]*(?:[’']s)?\s+){{0,4}}?"
)
_AKA = r"(?:\s*\((?:aka|AKA|a\.k\.a\.)\s[^()]{1,40}\))?"
CREDITED = "(?:\ue000\\d+\ue001[’']s?\\s+)?"  # "played by GLOW's Ellen Wong": a show's performer
# A character as a list names it: a description, a two-word job title ("Special Agent"), the
# name; never "the Girl of Steel".
_JOB = r"(?:(?:Special|Senior|Supervisory)\s+Agent\s+)?"
C_ITEM = (
    # ("plays The Penguin": an epithet's "The", which the marking leaves outside the name)
    rf"(?:{DESC})?{_JOB}(?:The\s+(?=\ue002))?{CH}{_AKA}(?!\s+of\s+(?:[A-Z]|\ue002|\ue000))"
    r"(?!-[a-z])"  # "an Indiana Jones-style professor": a name glued to "-style" describes
    r"(?![’']s\s+(?:\([^()]*\)\s+)?(?:[a-z][\w\-]*\s+)?[a-z])"  # "played Grace's mom": not Grace
    r"(?!\s+(?:characters?|roles?|parts?)\b)"  # "their Breaking Bad characters": no character
    # "as X, and B returns as Y": B is the next clause's subject, no role
    r"(?!\s+(?:also\s+|will\s+|is\s+|has\s+|once\s+|again\s+|\w+ly\s+|set\s+to\s+)*(?:returns?|"
    r"returning|plays?|playing|joins?|"
    r"reprises?|voices?|portrays?)\b)"
    r"(?!\s+[a-z][\w\-]*[’'](?:s\b|\s))"  # "X, the Wayne family's butler": Wayne names a noun
    # "FBI agent Dale Cooper": FBI, named like a show, describes the role
    r"(?!(?<=\ue001)\s+[a-z][\w\-]*\s+\ue002)"
    # "Black Panther co-founder Bobby Seale": a name that qualifies a kind of person
    rf"(?!\s+(?:co-[a-z]+|president|chief|{_KIND_LISTED})\s+\ue002)"
)
# A performer in a list, unless a "played by" follows (then it is the next pair's character).
P_ITEM = rf"{NAM}(?!,?\s+(?:is\s+|was\s+)?(?:played|portrayed|voiced)\s+by)"
# "A as X and B as Y", "A (Credit) as X and B (Credit) as Y": X alone is A's
C_ITEM_NOT_AS = C_ITEM + r"(?!\s*(?:\([^()]*\)\s*)?,?\s+as\b)"
AUX = r"(?:(?:will|is|are|was|were|has|have|had|been|be|being|set|to|also|now|once|again|still|" \
      r"best known for|known for|(?:best\s+)?(?:famous|remembered)\s+for|" \
      r"previously|originally|first|both|all|expected|rumou?red|said|reported|going|slated|" \
      r"scheduled|due|poised|about|next|soon|later|then|already|even|just|\w+ly)\s+)*"  # fmt: skip
V_DIRECT = (
    r"(?:(?:returns|returning|returned|return)\s+to\s+)?"  # "returns to voice Bob"
    r"(?:plays|played|playing|play|portrays|portrayed|portraying|portray|voices|voiced|voicing|"
    r"voice|reprises|reprised|reprising|reprise|"
    # "will again lend her voice to Peggy Hill", "provides the voice of", "gives voice to"
    r"(?:lends?|lent|lending)\s+(?:(?:his|her|their)\s+)?voices?\s+to|"
    r"(?:provides?|provided|providing|gives?|gave|giving)\s+(?:the\s+)?voices?\s+(?:of|to|for))"
    r"(?!\s+by\b)"
)
V_AS = (
    r"(?:guest[- ])?(?:stars?|starred|starring|returns?|returned|returning|cast|appears?|appeared|"
    r"appearing|joins?|joined|comes back|came back|is back|showing up|shows up|show up|debuts|"
    r"debuted|signed on|signs on|boarded|(?:made|makes|make|making)\s+(?:his|her|their|a|an)"
    r"(?:\s+(?:[\w\-]+\s+)?(?:debut|bow|appearance|return|comeback))?)"  # "her soap debut as"
)
V_ROLE = (
    r"(?:reprises|reprised|reprising|reprise|originated|originate|took on|takes on|take on|"
    r"playing|plays|played|play|returning|returns|returned|return|stepping into|steps into|"
    r"reclaims?|reclaimed|reclaiming|resumes?|resumed|resuming)"
)
# A performer's credit between the name and the verb: "Zoe McLellan from NCIS: New Orleans will
# be playing", "Paulo Costanzo, who was previously seen in The Night Of, will be playing".
CREDIT = (  # "Schreiber (Love in the Time of Cholera) played", "Lithgow, 75, played"
    rf"(?:\s*\((?!\s*{NAM}\s*\))[^()]{{1,60}}\)|,\s*\d{{1,3}},|\s+(?:from|of)\s+{SER}|,?\s+who\s+(?:was|is|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    rf"(?:seen|known|best\s+known|starred|starring)\s+(?:in|on|for)\s+{SER},?|,\s+(?:who|the|an?)\s+"
    rf"[^,;.]{{0,100}},(?=\s+{AUX}(?:{V_AS}|{V_DIRECT})))?"  # ", the longest-running Genie, will"
)
# "plays Cobra Kai villain Hawk": the show, what the character is there, the character; "the
# British vamp Spike": a capitalised adjective, what the character is, the character
SER_ROLE = (
    rf"(?:{SER}\s+(?:[a-z][\w\-]*\s+){{1,2}}(?={NAM})|(?:the|a|an)\s+{NAM}\s+"
    rf"(?:[a-z][\w\-]*\s+){{1,2}}(?={NAM}))"
)
# whose the role is, then the role: "as Karen's (Megan Mullally) lover X", "Gullwing's Nora Fisk"
OWNED_ROLE = rf"(?:(?:the\s+)?{CH}[’']s?\s+(?:\({NAM}\)\s+)?(?:[a-z][\w\-]*\s+){{1,3}}(?={NAM})" \
             rf"|{SER}[’']s\s+(?={NAM}))"  # fmt: skip
OWNER = rf"{OWNED_ROLE}?"
# "plays a TV star named Regina Coburn"; "executive produces and stars as" (another verb first)
NAMED = r"(?:a|an|the)\s+(?:\S+\s+){0,3}?(?:named|called)\s+"
AND_THEN = r"(?:[^.;,\ue000\ue002]{1,50}?\s+and\s+(?:also\s+)?)?"


def role_named(m: Marked, span: str) -> Mention:
    """The role a ``C_ITEM`` span names: its last mention outside an "(aka ...)" bracket, as a
    description before it may name a qualifier ("the role of Bond girl Xenia Onatopp")."""
    return m.all(re.sub(r"\((?:aka|AKA|a\.k\.a\.)[^()]*\)", "", span))[-1]
