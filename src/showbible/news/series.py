"""Which names in an article are shows and films: the bible's series, titles the press marks as
titles (in quotes or italics, with a year, after a network's possessive), titles the grammar
gives away ("season 2 of X", "the spin-off X", "X star Jane Doe", "from A to B"), and the short
forms the article uses for them (the part after a colon, initials, a franchise's other half).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from showbible.news.cleaning import QUOTE_RE, Article, unquoted
from showbible.news.names import (
    GENRE,
    NAME,
    NOT_NAME_START,
    NOT_PERSON_FIRST,
    NUMBER_WORDS,
    ORGS,
    OUTLETS,
    keyof,
    nickname_in_name,
    norm,
    quoted_performer,
    quoted_role,
    words,
)
from showbible.quick import rx

# A title: capitalised words (digits and initials too: "9-1-1", "P.D."), with the small words
# titles keep inside ("Legends of Tomorrow", "Law & Order", "She-Hulk: Attorney at Law").
UP = "A-ZÀ-ÖØ-Þ"
TWORD = (
    rf"(?:(?:Mrs?|Ms|Dr|St)\.(?=[ \t]+[{UP}])|[{UP}]\.(?:[{UP}]\.)+|"
    rf"[{UP}](?:[^\W_]|-(?=[^\W_])|[’'](?=[{UP}a-z])|\*(?=[{UP}]))*\+?"
    rf"|\d(?:-\d)+)"
)
# "to" is left out: "from Arrow to The Flash" is two shows far more often than one title.
_SMALL = r"(?:of|the|and|at|in|on|a|an|for|&|with|from|vs\.?|no|by(?=[ \t]+the\b))"
# A number inside or after a title ("Station 19", "Chicago Fire Season 12" is cut by the cues),
# never as its first word; a decade ("That '70s Show"); a date-shaped one ("Fahrenheit 9/11").
TWORD_N = rf"(?:{TWORD}|\d{{1,4}}(?![\w/|:]|\.\d)|\d{{1,2}}/\d{{1,2}}(?![\d/])|[’']\d0s\b)"
TITLE = rf"{TWORD}(?:[ \t]+(?:{_SMALL}[ \t]+){{0,2}}{TWORD_N}){{0,6}}"
TITLE_RE = rx.compile(TITLE)
COLON_TITLE = rf"{TITLE}:[ \t]+{TITLE}"
_NETWORKS = (
    r"(?:CBS All Access|Marvel|Netflix|HBO|Disney\+?|Hulu|Amazon|Apple|FX|AMC|CBS|NBC|ABC|Fox|"
    r"Starz|Showtime|Peacock|Paramount\+?|The CW|CW|Prime Video|Max|BBC|ITV|Syfy|USA|TNT|TBS|"
    r"Freeform|DC|HBO Max|Disney\+ Hotstar|Apple TV\+?|Paramount Network|BBC One|BBC Two)"
)


# Services whose name before a title is never part of it, possessive or not ("the hit Disney+
# Star Wars series": Star Wars); not "Fox" or "Max", which begin titles of their own.
_SERVICE = (
    r"(?:Netflix|Hulu|Disney\+|Paramount\+|Peacock|HBO[ \t]+Max|Prime[ \t]+Video|Apple[ \t]+TV\+)"
)
_SERVICE_START = rx.compile(rf"{_SERVICE}[ \t]+(?=\S)")
NETWORK_TAIL = rx.compile(rf"\s(?:in|on|at)\s+the\s+{_NETWORKS}$")

SERIES_CUES = [
    # Marvel's The Defenders, Netflix's Jessica Jones, ABC's Family Matters
    rx.compile(rf"\b{_NETWORKS}(?:[’']s?|‘)\s+(?P<t>{COLON_TITLE}|{TITLE})"),
    # Jessica Jones season 2, Jessica Jones‘ first season, The Originals Season 4; a bare
    # "X series" only for a title of two words or more ("the Daryl series" is about Daryl)
    rx.compile(rf"(?P<t>{COLON_TITLE}|{TITLE})(?:[’'‘]s?)?\s+(?:(?:first|second|third|fourth|"
               rf"fifth|final|new|latest|upcoming|next)\s+)?[Ss]eason(?:\s+(?:\d+|{NUMBER_WORDS}))?\b"),
    # (also "the Harley Quinn original animated series")
    rx.compile(rf"(?P<t>{COLON_TITLE}|{TITLE}[ \t]+{TITLE}|{TITLE}[’'‘]s?)\s+(?:(?:original|new|"
               rf"upcoming|animated|live-action|hit|TV|television|comedy|drama|streaming)\s+){{0,3}}"
               rf"series\b"),
    # "Jane Doe has joined Copper Gulch as Mara Voss", "joined EastEnders in 2021, being
    # introduced as ...", "will guest star in X as", "boards X as", "makes her debut in X as":
    # what one joins or appears in as a role is a show (not a person: see cue_titles)
    rx.compile(rf"\b(?:join(?:s|ed|ing)?|board(?:s|ed|ing)?|(?:guest[- ]?)?star(?:s|red|ring)?\s+"
               rf"(?:in|on)|appear(?:s|ed|ing)?\s+(?:in|on)|recur(?:s|red|ring)?\s+on|"
               rf"sign(?:s|ed|ing)?\s+on\s+(?:to|for)|debut(?:s|ed)?\s+(?:in|on)|"
               rf"seen\s+in|land(?:s|ed)?\s+an?\s+(?:[\w-]+\s+)?role\s+(?:in|on))\s+"
               rf"(?P<t>{COLON_TITLE}|{TITLE})\s+(?:in\s+(?:19|20)\d\d\s*,?\s+)?"
               rf"(?:as|being\s+introduced\s+as)\s+(?!co-?hosts?\b|hosts?\b|an?\s+(?:co-?)?host|"
               rf"himself\b|herself\b|themselves\b)"),
    # "a main character on Doom Patrol": what a character is on is a show
    rx.compile(rf"\b(?:characters?|series\s+regulars?)\s+on\s+(?P<t>{COLON_TITLE}|{TITLE})"),
    # "Return in Book of Boba Fett Episode 6": a title before its episode's or season's number
    rx.compile(rf"\b(?:in|of|on)\s+(?P<t>{COLON_TITLE}|{TITLE})\s+(?:Season|Episode|Ep\.?|Chapter)"
               rf"\s+\d"),
    # season 2 of Daredevil, the premiere of The Defenders, seasons of A, B and C
    rx.compile(rf"\b(?:[Ss]eason(?:\s+(?:\d+|{NUMBER_WORDS}))?|premiere|finale|episode|pilot|cast|"
               rf"(?:co-)?showrunners?|"
               rf"showrunning(?:\s+duties)?|creator|writers'? room|world|spin-?off|offshoot|"
               rf"adaptation|revival|reboot|remake|trailer|teaser|poster|set)\s+(?:of|from|for|on)\s+"
               rf"(?:{NAME}[’']s\s+)?(?P<t>{COLON_TITLE}|{TITLE})"),
    rx.compile(rf"\b(?:seasons|episodes|fans|viewers|audiences)\s+of\s+"
               rf"(?P<list>(?:{COLON_TITLE}|{TITLE})(?:\s*,\s*(?:and\s+)?(?:{TITLE})|"
               rf"\s+and\s+(?:{TITLE}))*)"),
    # The Defenders is streaming / hits Netflix / is now available on
    rx.compile(rf"(?P<t>{TITLE})\s+(?:is|are)?\s*(?:now\s+)?(?:streaming|available|arriving|"
               rf"premieres|premiered|debuts|debuted|hits|airs|aired)\b(?!\s+as\b)"),
    # the spin-off Tidewater, TV soap Harbour Lane, the US series 48 Pier Road, the drama Sailors'
    # Wives (a TV title may hold a number, an apostrophe); not the verb "to show X", "doesn't show"
    rx.compile(rf"(?<!\band )(?<!\bor )(?<!n't )(?<!n’t )(?<!\bnot )(?<!\bto )(?<!\bwill )"
               rf"\b(?:spin-?off|sister (?:series|show)|series|show|drama|soap(?:\s+opera)?|"
               rf"comedy|sitcom|mini-?series|anthology|western|thriller|procedural|sequel|"
               rf"prequel|revival|reboot|animated|live-action|film|movie|blockbuster|musical|biopic|"
               rf"documentary|docu-?series|rom-?com|flick)(?:\s+series)?\s+"
               rf"(?P<t>(?<!film\s)(?<!movie\s)(?:[{UP}]\w+s[’'][ \t]+{TITLE}|\d{{1,3}}[ \t]+"
               rf"(?!(?:Season|Series|Episodes?|Part|Years?|Million)\b){TITLE})|{COLON_TITLE}|{TITLE})"),
    # its college-set spinoff, Gen V, continues ...: a title in apposition
    rx.compile(rf"\b(?:spin-?off|sequel|prequel|revival|reboot|offshoot)(?:\s+(?:series|show))?,\s+"
               rf"(?P<t>{COLON_TITLE}|{TITLE})(?:,|\.(?:\s|$))"),
    # Cinder Vale quietly wrapped its second season
    rx.compile(rf"(?P<t>{COLON_TITLE}|{TITLE})\s+(?:\w+ly\s+)?(?:wrapped|wraps|ended|ends|"
               rf"concluded|opened|opens|kicked off|kicks off|closed|closes|(?:is\s+|was\s+)?"
               rf"(?:heading|headed|going|moving)\s+into)\s+(?:up\s+)?its\s+(?:[\w-]+\s+)?"
               rf"(?:season|run)\b"),
    # the Greyharbor finale, the Daredevil premiere, the Station 19 episode "Ice Ice Baby"
    # (also after the article's modifiers: "the long-awaited Teen Wolf revival")
    rx.compile(rf"\b[Tt]he\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?P<t>{TITLE})\s+(?:[a-z]+\s+)?(?:finale|premiere|pilot|revival|reboot|"
               rf"remake|spin-?off|sitcom|"
               rf"writers'? room|episode(?=\s+[“\"']|\s{{2,}}))"),
    # "a little show called SAVED BY THE BELL", "the sitcom titled Night Desk"
    rx.compile(rf"\b(?:show|series|sitcom|drama|comedy|spin-?off|film|movie)\s+(?:called|titled|"
               rf"named)\s+(?P<t>{COLON_TITLE}|{TITLE})"),
    # "a long line of Happy Days spin offs", "the Harbor Nights spin-offs"
    rx.compile(rf"\b(?:of|the)\s+(?P<t>{TITLE})\s+spin[- ]?offs\b"),
    # "Moonlight, the upcoming CBS crime drama featuring vampires, ...": an apposition saying
    # what the show is (not "Jane Doe, the drama teacher")
    rx.compile(rf"(?P<t>{TITLE}),\s+(?:the|a|an)\s+(?:(?!(?:from|of|in|on|with|by|for|about|"
               rf"characters?|roles?|stars?|members?)\b)[\w\-]+\s+){{0,4}}?(?:drama|thriller|"
               rf"sitcom|series|comedy|procedural|miniseries|anthology|dramedy|spin-?off|reboot|"
               rf"revival|prequel|soap)\b(?![’'\-]|\s+(?:writer|actor|actress|star|producer|creator|"
               rf"runner|legend|veteran|icon|fan|host|teacher|student|club|school|queen|coach|"
               rf"critic|kid|major)s?\b)"),
    # "Quantico is a drama thriller centered around ...": a sentence saying what the show is
    # (not "Jane Doe is a comedy writer")
    rx.compile(rf"(?:^|[.!?]\s+)(?P<t>{TITLE})\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w\-]+\s+){{0,2}}?"
               rf"(?:drama|thriller|sitcom|series|comedy|procedural|miniseries|anthology|"
               rf"dramedy|soap|show)\b(?![\s-]+(?:writer|actor|actress|star|producer|creator|"
               rf"runner|legend|veteran|icon|fan|host)s?\b)"),
    # ran Night Ferry for three seasons
    rx.compile(rf"\b(?:ran|runs|running|created|co-created|developed)\s+(?P<t>{TITLE})\s+for\s+"
               rf"(?:\w+\s+)?seasons?\b"),
    # from Luke Cage to Iron Fist; take Karen Page to The Punisher
    rx.compile(rf"\bfrom\s+(?P<a>{COLON_TITLE}|{TITLE})\s+(?:over\s+)?to\s+"
               rf"(?P<b>{COLON_TITLE}|{TITLE})"),
    rx.compile(rf"\b(?:take|takes|taking|took|bring|brings|bringing|brought)\s+{NAME}\s+"
               rf"(?:back\s+)?(?:over\s+)?to\s+(?P<t>{COLON_TITLE}|{TITLE})"),
    # Arrow star Stephen Amell, The Boys cast members, Lower Decks stars
    rx.compile(rf"(?P<t>{COLON_TITLE}|{TITLE})\s+(?:stars?|co-stars?|cast(?:\s+members?)?|"
               rf"alums?|vets?|veterans?|actors?|actress|showrunners?|co-showrunners?|"
               rf"creator/showrunner|creator|co-creator)\s+"
               rf"(?={NAME})"),
    # Jane Doe's Greyharbor character; her Greyharbor co-stars (see _POSSESSIVE_CUE)
    rx.compile(rf"(?:[’']s|\b(?:his|her|their))\s+(?P<t>{COLON_TITLE}|{TITLE})\s+(?:characters?|roles?|"
               rf"co-stars?|castmates?|cast-mates?)\b"),
    # a well-known How I Met Your Mother character, the only Buffy cast member: a title
    # between a sentence's small word and what someone is in a show
    rx.compile(rf"\b(?:a|an|the|another|other|only|original)\s+(?:[a-z][\w\-]*\s+)?"
               rf"(?P<t>{COLON_TITLE}|{TITLE})\s+(?:characters?|cast\s+members?|alums?|villain|"
               rf"heroine|hero)\b"),
    # The Handmaid's Tale became a household name; The Walking Dead has become ...: a "The X"
    # subject of a show's verb (outlets and networks are left out by series_name)
    rx.compile(rf"(?:^|[.!?]\s+|,\s+)(?P<t>The\s+{TITLE})\s+(?:then\s+|also\s+)?(?:became|"
               rf"has become|premiered|premieres|returns|returned|ended|wrapped|faced|was "
               rf"renewed|was cancell?ed|is renewed|is (?:\w+ly\s+)?(?:coming back|returning|"
               rf"back|ending))\b"),
    # has been working on The Walking Dead since 2011; wrote for Lost
    rx.compile(rf"\b(?:working|worked|works|writing|wrote|writes)\s+(?:on|for)\s+"
               rf"(?P<t>The\s+{TITLE})\s+(?:since|for|from|in)\b"),
    # Gen V includes guest appearances from ...; X features a talented cast
    rx.compile(rf"(?P<t>{COLON_TITLE}|{TITLE})\s+(?:also\s+)?(?:includes|features|stars|boasts)\s+"
               rf"(?:guest appearances|a\s+(?:[a-z]+\s+)?cast|returning cast|an ensemble)\b"),
    # "this week's Game of Thrones moves back", "last week's Veep recap": a show's episode
    rx.compile(rf"\b(?:[Tt]his|[Ll]ast|[Nn]ext)\s+week[’']s\s+(?P<t>{COLON_TITLE}|{TITLE})"),
    # "Previously on Jane the Virgin:", a recap's opening; "Superstore - Season 2", a caption
    rx.compile(rf"^\W*[Pp]reviously\s+on\s+(?P<t>{COLON_TITLE}|{TITLE})\s*(?:[:.…]|$)"),
    rx.compile(rf"^\W*(?P<t>{COLON_TITLE}|{TITLE})\s+[-–—|]\s+(?:Season|Series)\s+\d{{1,2}}\s*$"),
    # 1. Cosmo Kramer (Seinfeld) on Mad About You: a list article's heading
    rx.compile(rf"^\s*\d+\.\s+{NAME}\s*\((?P<a>{TITLE})\)\s+(?:on|in)\s+(?P<b>{TITLE})\s*$"),
    # 2021's Spider-Man: No Way Home; Daredevil (2015)
    rx.compile(rf"\b(?:19|20)\d\d[’']s\s+(?P<t>{COLON_TITLE}|{TITLE})"),
    rx.compile(rf"(?P<t>{COLON_TITLE}|{TITLE})\s+\((?:19|20)\d\d\)"),
    # "Seinfeld on Curb Your Enthusiasm (2009)": a list article's heading, one show on another
    rx.compile(rf"^\s*(?:\d+(?:-\d+)?\.\s+)?(?P<a>{TITLE})\s+on\s+(?P<b>{COLON_TITLE}|{TITLE})\s*"
               rf"\((?:19|20)\d\d\)"),
    # Arrow, The Flash, DC's Legends Of Tomorrow and Supergirl return to The CW in October
    rx.compile(rf"(?P<list>(?:{COLON_TITLE}|{TITLE})(?:\s*,\s*(?:and\s+)?(?:{TITLE}))*(?:,?\s+and\s+"
               rf"(?:{TITLE})))\s+(?:return|returns|returning|air|airs|airing|premiere|premieres|debut|"
               rf"debuts|are returning|are back)\s+(?:to|on)\s+(?:the\s+)?{_NETWORKS}\b"),
    # Station 19 at 8|7c, NCIS, Mondays, 9/8c: a show's time slot
    rx.compile(rf"(?P<t>{COLON_TITLE}|{TITLE})\s*,?\s+(?:(?:at|on)\s+)?(?:(?:Mondays|Tuesdays|"
               rf"Wednesdays|Thursdays|Fridays|Saturdays|Sundays)\s*,?\s+(?:at\s+)?)?"
               rf"\d{{1,2}}(?::\d\d)?\s*(?:[|/]\s*\d{{1,2}}(?::\d\d)?\s*c|p\.?m\.?\s+ET)\b"),
    # who plays Maya Bishop on Station 19; plays Ben on Station 19
    rx.compile(rf"\b(?:plays|played|playing|portrays|portrayed|voices|voiced|stars as|"
               rf"starred as)\s+(?:the\s+)?{NAME}\s+(?:on|in)\s+(?P<t>{COLON_TITLE}|{TITLE})"),
    # the Station 19 and Grey's Anatomy crossover; the NCIS/Hawai'i crossover
    rx.compile(rf"(?P<list>(?:{COLON_TITLE}|{TITLE})(?:\s*,\s*(?:{TITLE}))*(?:\s+and\s+|\s*/\s*)"
               rf"(?:{COLON_TITLE}|{TITLE}))\s+(?:[Cc]rossovers?|[Tt]eam-up)\b"),
    # a new Grey's Anatomy episode, the latest FBI episode
    rx.compile(rf"\b(?:a|an|new|latest|next|upcoming|tonight's|Monday's|Tuesday's|Wednesday's|"
               rf"Thursday's|Friday's|Saturday's|Sunday's)\s+(?P<t>{COLON_TITLE}|{TITLE})\s+"
               rf"episodes?\b"),
    # multiple Game of Thrones episodes, Game of Thrones fans: a title of two words or more
    rx.compile(rf"(?!The\s+\S+\s+(?:episodes|fans|viewers|fandom|prequel|sequel|spin-?off|finale))"
               rf"(?P<t>{TITLE}[ \t]+(?:{_SMALL}[ \t]+)?{TITLE})[ \t]+(?:episodes|fans|viewers|"
               rf"fandom|prequel|sequel|spin-?offs?|finale)\b"),
    # an episode of FBI; a crossover with Arrow
    rx.compile(rf"\b(?:episodes?\s+of|(?:crossover|crossovers|team-up)(?:\s+(?:scene|episode|"
               rf"event)s?)?\s+(?:of|with|between))\s+"
               rf"(?P<list>(?:{COLON_TITLE}|{TITLE})(?:\s*,\s*(?:and\s+)?(?:{TITLE})|"
               rf"\s+and\s+(?:{TITLE}))*)(?<![’']s)\b(?![’']s\s+[a-z])"),
    # Chicago Med, the latest installment in ...: a title in apposition to what it is
    rx.compile(rf"(?P<t>{COLON_TITLE}|{TITLE}),\s+(?:the|a|an)\s+(?:(?:latest|newest|new|first|"
               rf"second|third|fourth|original|long-running|hit)\s+)?(?:installment|entry|addition|"
               rf"spin-?off|series|show|drama|sitcom|comedy)\s+(?:in|of|to|from)\b"),
    # will return to Doctor Who to serve as showrunner; its 60th anniversary; tuned into Doctor Who
    rx.compile(rf"\b(?:return|returns|returning|come back|comes back|back)\s+to\s+(?P<t>{TITLE})\s+"
               rf"(?:to\s+serve\s+)?as\s+(?:its\s+|the\s+)?(?:co-?)?show\s?runner"),
    rx.compile(rf"\b(?:\d+(?:st|nd|rd|th)\s+)?anniversary\s+of\s+(?P<t>{TITLE})|(?P<a>{TITLE})[’']s?\s+"
               rf"\d+(?:st|nd|rd|th)\s+anniversary\b|\btuned\s+in(?:to|\s+to)\s+(?P<b>{TITLE})"),
    # the Yellowstone spin-off 1923, previous spinoff, 1883; In 1923, Ford plays: a year that
    # the grammar makes a show's title
    rx.compile(r"\b(?:[Ss]pin-?[Oo]ff|series|show|prequel|sequel|drama)\s*,?\s+"
               r"(?P<t>(?:1[789]|20)\d\d)\b(?![\d,]\d|\s*[-–]|s\b)"),
    # 1923 premieres on Paramount+ December 18: a year that opens a sentence with a show's verb
    rx.compile(r"(?:^|[.!?]\s+)(?P<t>(?:1[789]|20)\d\d)\s+(?:premieres|premiered|debuts|debuted|"
               r"arrives|returns|airs|streams)\b"),
    rx.compile(r"^\W*In\s+(?P<t>(?:1[789]|20)\d\d),\s+[A-Z]\w+\s+(?:plays|stars|is)\b"),
    # Joe Cruz and Violet Mikami from the Chicago Fire cast
    rx.compile(rf"\bthe\s+(?P<t>{COLON_TITLE}|{TITLE})\s+cast\b(?!\s+(?:of|as)\b)"),
    # first took on the role in Thor; her role in Grey's Anatomy; his turn as X on Y
    rx.compile(rf"\b(?:role|part)\s+in\s+(?P<t>{COLON_TITLE}|{TITLE})|\b(?:role|part|portrayal|turn|"
               rf"stint)\s+(?:as|of)\s+(?:[a-z][\w\-]*\s+){{0,2}}{NAME}\s+(?:in|on)\s+(?!Broadway)(?P<a>{TITLE})(?<![’']s)(?![’']|\s+[A-Z])"),
    # made a third appearance in The Rise of Skywalker: a "The X" title where someone appears
    rx.compile(rf"\b(?:appear(?:s|ed|ing|ances?)?|debut(?:s|ed)?|cameos?|came|comes|starred|"
               rf"starring|reprised|reprising|returned|returning)\s+(?:\w+\s+){{0,2}}?in\s+"
               rf"(?P<t>The\s+{TITLE})"),
    # a gallery's heading "Chicago Fire: Sal Vasquez (Brandon Larracuente)": the show, then the
    # character and its performer; a caption "Arienne Mandi as Noor in The Night Agent"
    rx.compile(rf"^\s*(?P<t>{TITLE}[ \t]+{TITLE}):\s+{NAME}\s*\((?!The\s){NAME}\)\s*$"),
    rx.compile(rf"\bas\s+{NAME}\s+(?:on|in)\s+(?P<t>The\s+{TITLE})"),
    # Best: Scott M. Gimple (The Walking Dead): a person's show in brackets
    rx.compile(rf"{NAME}\s*\((?P<t>The\s+{TITLE})\)"),
    # "The Danish Girl, in which he portrayed ...", "His Death On The Nile, above, in which he
    # stars as Hercule Poirot": what someone plays in is a show or a film
    rx.compile(rf"(?P<t>{COLON_TITLE}|{TITLE}),\s+(?:[a-z]+,\s+)?in\s+which\s+(?:he|she|they|"
               rf"{NAME})\s+(?:also\s+)?(?:stars?|starred|plays?|played|portrays?|portrayed|"
               rf"appears?|appeared|voices?|voiced)\b"),
    # "starring in the upcoming Wonder Woman 1984": the work someone stars in, newly coming
    rx.compile(rf"\b(?:star(?:s|red|ring)?|appear(?:s|ed|ing)?|cameo(?:s|ed|ing)?)\s+in\s+the\s+"
               rf"(?:upcoming|forthcoming|new|latest)\s+(?P<t>{COLON_TITLE}|{TITLE})"),
    # "his upcoming NBC series, Young Rock, which ...": a new show's title in apposition
    rx.compile(rf"\b(?:upcoming|forthcoming|new|latest|hit|{_NETWORKS})\s+(?:series|show|drama|"
               rf"sitcom|comedy|film|movie|miniseries|documentary|docuseries),\s+"
               rf"(?P<t>{COLON_TITLE}|{TITLE}),"),
    # "Wendy Williams: The Hot Topic, the working title for the film"
    rx.compile(rf"(?P<t>{COLON_TITLE}|{TITLE}),\s+the\s+(?:working\s+)?title\s+(?:for|of)\s+the\s+"
               rf"(?:film|movie|show|series|biopic|documentary)\b"),
]  # fmt: skip

_QUOTED = rx.compile(
    r"“([^”“\"]{1,80})”|\"([^\"“”]{1,80})\"|‘((?:[^‘’]|’(?=[a-z]))+)’|(?<![\w])'([^'\n]{1,60})'(?![\w])"
)
# "the new movie called 'The Batman'" (dm3): a work's noun before the naming, no episode's
_WORK_CALLED = rx.compile(
    r"\b(?:movie|film|series|show|drama|sitcom|comedy|thriller|documentary|docu-?series|"
    r"mini-?series|spin-?off|programme|program|biopic|musical|feature)\s+(?:is\s+|was\s+)?"
    r"(?:called|titled|entitled|named)[\s,:]*$"
)
_EPISODE_BEFORE = rx.compile(
    # ("Grimm Recap: Ep. 19, 'Iron Hans'")
    r"(?:episodes?|titled|called|named|segment|song|chapter|installment|part|Episode \d+|"
    r"Ep\.?\s*\d+|"
    r"recap(?:ping|s)?|review|\d{1,2}\s*[x.]\s*\d{1,2}|"  # "Show Recap: 'Leslie vs. April'"
    r"(?:season|series|mid-?season|fall|spring|winter)\s+(?:finale|premiere)|"
    r"(?:backdoor|planted)\s+pilots?)(?:,?\s+(?:including|like|such as))?[\s,:]*$",
    re.IGNORECASE,
)
# After a quoted title, "episode" is ambiguous ("the 'Lower Decks' episode of ..." names a show);
# "crossover", "event" and the like name the event.
# "In later episodes, 'Raven's Home' offers ...": a clause opening on when, then its subject
_IN_EPISODES = rx.compile(
    r"\b(?:[Ii]n|[Oo]ver|[Aa]cross|[Tt]hroughout)\s+(?:[\w’'-]+\s+){0,2}episodes,\s*$"
)
_EPISODE_AFTER = rx.compile(
    r"^[\s”\"’']*(?:crossover|event|segment|two-parter|special|installment|panel)\b"
    # '"Night Work," Episode 101 of Showtime's "Penny Dreadful"', '"X," the third episode of'
    r"|^[,”\"’']*\s*(?:[Ee]pisode\s+\d+|the\s+(?:[\w’'-]+\s+){0,3}(?:episode|installment|"
    r"chapter)|this\s+week[’']s\s+episode)\s+of\b"
    # a network's listing: '"Pinkus Returns" – When Trevor's former co-worker ...'
    r"|^[”\"’']*\s*[–—]\s+(?:When|After|As|While|Once|With|Now|In)\b",
    re.IGNORECASE,
)
# "Harrowgate in May": a date glued to a title by a small word.
_WHEN = rx.compile(
    r"\s+(?:in|on|at|by|since|until|from)\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|\d{4}).*$"
)
NOT_NAME_START_CAPS = frozenset({"The", "A", "An"})
_MONTHS = frozenset(
    words("January February March April May June July August September October November December")
)
_NOT_TITLE_WORDS = frozenset({"I", "I'm", "We", "It's", "You", "Yes", "No", "Oh", "OK"})


def split_list(text: str) -> list[str]:
    parts = re.split(r"\s*,\s*(?:and\s+|or\s+|then\s+)?|\s+and\s+|\s+or\s+", text)
    return [p.strip() for p in parts if p.strip()]


# Words that start a sentence or a phrase but never a title ("According to", "With").
_TITLE_STOP = frozenset(
    words(
        """
    a an and as at but by for from if in into of on or so to with while after before despite
    unlike according plus also however still even since though although when where what who
    why how this that these those there here it its they we you i he she his her their our my
    your yes no oh well now then meanwhile perhaps maybe every each all both either neither
    some many most more few several another other such only just like including inside
    behind during across throughout between among amid against former original classic beloved
    upcoming
    """
    )
)


# A headline's verbs in Title Case, glued after the show they are said of ("Batman Returns",
# "Mary Poppins Returns" are titles: no "Returns" here).
_HEADLINE_VERBS = frozenset(
    words("""Announces Adds Joins Reveals Sets Casts Confirms Teases Drops Gets Lands Renews
    Cancels Unveils Taps Hires Recruits Books Enlists Welcomes Releases Shares Loses Eyes""")
)


def series_name(name: str, exact: bool = False, inside: bool = False, orgs: bool = True) -> str:
    """A candidate title cleaned of the sentence words glued to it, or "" if none is left.
    ``exact``: the title as quoted, only trimmed. ``inside``: the candidate stands inside a
    sentence ("the premiere of How I Met Your Father"), where a capitalised "How" or "I" can
    only be the title's own. ``orgs=False``: the grammar says it is a title even if its words
    name a team ("Marvel's The Avengers", "Avengers: Age of Ultron")."""
    name = norm(name).strip(' ,;:“”"‘’')
    if name.endswith(".") and not re.search(r"(?:\b[A-Z]\.){2,}$", name):
        name = name.rstrip(".")  # a full stop, not "P.D."
    # "REVIEW: Bob's Burgers", "Recap: Harbor Nights": a headline's label, not the title's;
    # "Game of Thrones Recap Season 7": the genre word glued after it
    name = re.sub(rf"^{GENRE}:\s+(?=\S)", "", name, flags=re.IGNORECASE)
    name = re.sub(rf"(?<=\S)(?:\s+{GENRE})+$", "", name)
    words = name.split()
    if len(words) >= 2 and words[0] == "the":
        words = words[1:]  # "the Station 19 and ...": a lower-case article is the sentence's
    while (
        not exact
        and words
        and (
            (words[0].lower().strip(".") in _TITLE_STOP and not (inside and words[0][0].isupper()))
            or re.fullmatch(rf"{_NETWORKS}['’]s?", words[0])
        )
    ):
        words = words[1:]  # "According to", "Netflix's"
    if not exact and len(words) > 2 and re.fullmatch(rf"{_NETWORKS}['’]s?", " ".join(words[:2])):
        words = words[2:]  # "The CW's Supernatural"
    service = _SERVICE_START.match(" ".join(words)) if not exact else None
    if service is not None:
        words = " ".join(words)[service.end() :].split()  # "Disney+ Star Wars"
    while words and words[-1] in ("Season", "Seasons", "season", "series", "TV", "series'"):
        words = words[:-1]
    while not exact and len(words) >= 3 and words[-1] in _HEADLINE_VERBS:
        words = words[:-1]  # "Scream Queens Announces Season 2 Cast": a headline's verb
    if len(words) >= 3 and words[-1].isdigit() and words[-2] in ("Season", "Episode", "Part"):
        words = words[:-2]  # "Station 19 Season 3"
    if words and re.fullmatch(r"[’']s?", words[-1]):
        words = words[:-1]
    if not words or (len(words) == 1 and words[0] in ("The",)):
        return ""
    if len(words) >= 3 and re.fullmatch(r"\d{1,3}", words[-1]) and words[-2] in ("in", "of", "for"):
        return ""  # "starred as Diana DuBois in 16 episodes": a count, not a title
    if (
        len(words) >= 2
        and re.fullmatch(r"(?:19|20)\d\d", words[-1])
        and (
            re.search(r"[’']s?$", words[-2])
            or (
                len(words) >= 4
                and words[-2] == "the"
                and words[-3] in ("in", "of", "for", "during")
            )
        )
    ):
        # "played Mara Voss in the 1998 season of X": a year's season; "Amy Krouse Rosenthal's
        # 2009 children's book": whose work of what year -- no title either way
        return ""
    if words[0] in ("Season", "Seasons", "Episode", "Part", "Chapter", "Volume") or words[0] in (
        _MONTHS
    ):
        return ""  # "before Season 2 premiered", "the May 2019 series finale"
    if re.search(r"-[a-z]+$", words[-1]) and not re.search(
        r"-(?:[a-z]{1,2}|up|on|off)$", words[-1]
    ):
        return ""  # "The Mike McMahan-created": an adjective, not a title
    name = re.sub(_WHEN, "", " ".join(words))
    # "played by Jack Quaid in The Boys series": a person's name, then the title ("Sex in the
    # City" keeps its one word before "in"); "the sitcom Mona Vickers for Channel 4": the channel's
    tail = re.match(r"^([A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*){1,2})\s(in|on|at|for|from|with)\s"
                    r"(?:the\s)?((?:The\s)?[A-Z].*)$", name)  # fmt: skip
    if tail and not exact:
        name = tail.group(1 if f"{tail[2]} {tail[3].split()[0]}" in _FOR_CHANNEL else 3)
    if not name or (tail and not exact and name in NOT_PERSON_FIRST):  # "X in the US series"
        return ""
    if not name.endswith(("'s Tale", "’s Tale")):
        name = re.sub(r"[’']s$", "", name)
    if orgs and (name in ORGS or all(w in ORGS for w in words if w != "The")):
        return ""
    if keyof(name) in OUTLETS:
        return ""
    if re.fullmatch(_NETWORKS, name):  # "episodes of CBS All Access"
        return ""
    if name.lower() in NOT_NAME_START:
        return ""
    if not exact and len(words) <= 3 and words[-1] in _DOCUMENTS:
        return ""  # "The CW's Official Description:", "NBC's Press Release": a page, no show
    if not exact and all(w.lower() in _GENERIC for w in name.split()):
        return ""  # "The Light from the TV Shows: ...": television itself, no show
    return name


_FOR_CHANNEL = {f"for {w}" for w in NOT_PERSON_FIRST if w not in ("US", "UK", "World")}
# Words that name television in general, never a show alone ("TV Shows", "Series").
_GENERIC = frozenset(words("tv television show shows series episodes seasons network networks"))
# What a network publishes about a show, never the show: the words a listing's fields end on.
_DOCUMENTS = frozenset(
    words("Description Synopsis Statement Announcement Website Logline Listing Listings")
)


def _title_like(text: str) -> bool:
    """Quoted words that read as a title, not as speech: short, capitalised, no sentence end."""
    words = text.split()
    if not words or len(words) > 8 or words[0] in _NOT_TITLE_WORDS:
        return False
    if text.rstrip()[-1:] in ".!?," or not (text[0].isupper() or text[0].isdigit()):
        return False
    small = {"of", "the", "and", "at", "in", "on", "a", "an", "to", "for", "&", "with", "no"}
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in small for w in words)


def headline_title(name: str) -> str:
    """ "The Lantern Keepers: Everything We Know About" is a headline's topic after a show;
    "Star Trek: Lower Decks" is a show."""
    head, _, tail = name.partition(":")
    return head if len(tail.split()) >= 3 else name


# "Season Four: Crusade - Façade - Devoted - Run": a fan site's list of a season's episodes
_EPISODE_LIST = rx.compile(
    rf"^\s*(?:Season|Series)\s+(?:\d{{1,2}}|{NUMBER_WORDS})\s*:\s*(?P<items>.+)$", re.IGNORECASE
)


def listed_episodes(article: Article) -> set[str]:
    """The keys of the episode titles a season's list names (three or more, between dashes or
    bullets): each is an episode, never a show, wherever else the article names it."""
    out: set[str] = set()
    for para in article.paragraphs:
        m = _EPISODE_LIST.match(para.text)
        if m is None:
            continue
        items = [i.strip() for i in re.split(r"\s+[-–—•|]\s+", m.group("items")) if i.strip()]
        if len(items) >= 3 and all(i[:1].isupper() and len(i.split()) <= 6 for i in items):
            out |= {keyof(i) for i in items}
    return out


# A quoted name someone or something goes by: "'Baby Yoda' as he's come to be known",
# "affectionately known as 'Baby Yoda'", "nicknamed 'The Boss'".
_NICKNAME_AFTER = rx.compile(
    r"\s*,?\s*as\s+(?:he|she|it|they)(?:['’](?:s|re)|\s+(?:is|are|was|were|has|have|had))?\s+"
    r"(?:[a-z]+\s+){0,3}?(?:known|called|dubbed|nicknamed)\b"
)
_NICKNAME_BEFORE = rx.compile(r"\b(?:known\s+as|nicknamed|dubbed)\s*$")


def quoted_titles(article: Article) -> tuple[list[str], set[str]]:
    """(titles of shows, titles of episodes and events) quoted in the article. A quoted title is
    an episode's when the article ever calls it one ("an episode titled ...", "the ... crossover"),
    or when it stands inside a longer quote (someone's words)."""
    # in the article's order: the first form a show is quoted in is the one kept
    shows: dict[str, None] = {}
    episodes: set[str] = set()
    for para in article.paragraphs:
        text = para.text
        speech = [(q.start(), q.end()) for q in QUOTE_RE.finditer(text) if len(q.group(0)) > 90]
        last_episode = -1  # where the last episode title ended: a list goes on with episodes
        for m in _QUOTED.finditer(text):
            raw = next(g for g in m.groups() if g is not None)
            body = re.sub(r"[’']s$", "", raw.strip().rstrip(".,"))  # “FBI’s” Jubal
            if not _title_like(body) or raw[:1].isspace():
                continue  # '..." Said Taylor, "...': the words between two quotations
            opened = text[: m.start()].count("“") > text[: m.start()].count("”")
            if m.group(0)[0] in "‘'" and (opened or any(s < m.start() < e for s, e in speech)):
                continue  # 'Hey,' inside someone's words
            before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 20]
            if re.match(r"^\s*-?verse", after) or (
                re.match(rf"^\s*\({NAME}\)", after) and not re.search(r"\b(?:of|from)\s*$", before)
            ):
                # "Arrow"-verse; "Hot Spock" (Ethan Peck): a nickname (`Remy of "X" (A)`: a show)
                continue
            if quoted_role(text[: m.start()]) or quoted_performer(text[m.end() :]):
                continue  # `Paige Hurd ("The Oval") as "Lauren"`: a cast list quoting its names
            if not para.title and nickname_in_name(body, before, after):
                continue  # Jennifer “JJ” Jareau; saw "Dirty" Den Watts killed off
            if _NICKNAME_AFTER.match(text, m.end()) or _NICKNAME_BEFORE.search(before):
                continue  # "the alien called The Child, or 'Baby Yoda' as he's come to be known"
            after_list = re.search(r"[”\"’']\s*(?:and|&|/|,|-|–)\s*$", before)
            listed = after_list or re.match(r"^[\s,]*(?:and|&|/|-|–)\s*[“\"‘']", after)
            # "'Grey's Anatomy' and 'Station 19' Crossover": shows, not an event; the backdoor
            # pilot "Simone" and "Enervo": episodes, as the first of the list is
            if (
                (
                    _EPISODE_BEFORE.search(before)
                    and not _IN_EPISODES.search(before)
                    and not _WORK_CALLED.search(before)
                )
                or (after_list and last_episode >= m.start() - 12)
                or (not listed and _EPISODE_AFTER.match(after))
            ):
                episodes.add(keyof(body))
                last_episode = m.end()
            elif (
                para.title
                and " " not in body.strip()
                and not body.isupper()  # "'SVU' Cameo": an acronym is a show's short name
                and not _named_again(article, body)
            ):
                continue  # "Lestat's Haunting 'Return'": a headline's word in scare quotes
            else:
                shows[body] = None
    return [s for s in shows if keyof(s) not in episodes], episodes


def _named_again(article: Article, word: str) -> bool:
    """Whether the article's text below its headline uses a word again, as written (a text of
    one line is its own headline: nothing below it to say otherwise)."""
    body = [p.text for p in article.paragraphs if not p.title]
    pattern = re.compile(rf"(?<!\w){re.escape(word.strip())}(?!\w)")
    return not body or any(pattern.search(text) for text in body)


def listed_titles(article: Article, known: Iterable[str]) -> list[str]:
    """ "reprising it in Marvel's The Avengers, Thor: The Dark World, and Avengers: Age of
    Ultron": three titles or more listed together, one of them a show or film the article names,
    are all shows or films."""
    keys = {keyof(k) for k in known}
    item = rf"(?:{_NETWORKS}[’']s\s+)?(?:{COLON_TITLE}|{TITLE})"
    found: list[str] = []
    for para in article.paragraphs:
        text = unquoted(para.text)
        # ended by punctuation: "On the last episode of A, Natalie and Crockett took ..." is
        # a show, then the sentence's subjects
        listed = rf"{item}(?:\s*,\s*{item})+,?\s+and\s+{item}(?=\s*[.;,)]|\s*$)"
        for m in re.finditer(listed, text):
            names = [series_name(n, orgs=False) for n in split_list(m.group(0))]
            names = [re.sub(rf"^{_NETWORKS}[’']s\s+", "", n) for n in names if n]
            if len(names) >= 3 and any(keyof(n) in keys for n in names):
                found.extend(names)
    return found


def franchise_lists(article: Article) -> list[str]:
    """ "Chicago Med, Chicago Fire, and Chicago P.D.": three or more names of two words listed
    together that share their first word are the shows of one franchise, not people."""
    found: list[str] = []
    item = rf"{TWORD}[ \t]+{TWORD}"
    for para in article.paragraphs:
        for m in re.finditer(rf"{item}(?:\s*,\s*(?:and\s+)?{item})+,?\s+and\s+{item}", para.text):
            names = split_list(m.group(0))
            firsts = {n.split()[0] for n in names}
            if len(names) >= 3 and len(firsts) == 1 and firsts.pop() not in NOT_NAME_START_CAPS:
                found.extend(names)
    return found
