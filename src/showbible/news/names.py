"""Names in news text: the shape of a person's or a character's name and of a show's title,
the words that start sentences but never names, organisations and outlets, and what the bible
knows (characters, their aliases and performers, series titles)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from showbible.quick import rx
from showbible.universe.bible import Alias, BibleConf

_UP = "A-ZÀ-ÖØ-Þ"
# "D’Onofrio" and "D’onofrio", "O'Brien", "A-Train", "MacFarlane", initials ("H."), the
# abbreviations that stand in names ("Dr. Tara Lewis", "Titus Makin Jr."); initials without
# their last period before a name ("J.D Pollack"); "St." only before
# the rest of a surname ("Tariq St. Patrick", "Eva St. Clair"): alone it is a street or a saint's
# place, and its period would otherwise end the name ("Tariq St").
TOKEN = (
    rf"(?:(?:Dr|Mrs?|Ms|Jr|Sr|Prof|Sgt|Lt|Capt|Det|Col)\.(?=[ \t,;)])|St\.(?=[ \t][{_UP}])|"
    rf"[{_UP}]\.(?:[{_UP}]\.)+|(?:[{_UP}]\.)+[{_UP}](?=[ \t]+[{_UP}])|[{_UP}]\.(?=[ \t])|"
    rf"(?:[{_UP}][’'](?=[^\W\d_])[^\W_]|[{_UP}])"
    rf"(?:[^\W_]|-(?=[^\W_])|[’'](?=[{_UP}]))*)"
)
_PARTICLE = r"(?:de|da|van|von|der|den|del|di|du|le|la|bin|al|dos|das|mac)"
# A capitalised name of up to five words, particles inside ("Ludwig van Beethoven", "Serena van
# der Woodsen").
# A word shouted in capitals after a name in title case is no part of it: "Davood Ghadami QUITS
# the soap", a tabloid headline ("CHRIS PRATT", "JJ Abrams" keep theirs).
_NOT_SHOUTED = r"(?:(?<![a-z][ \t])|(?![A-Z]{4,}\b))"
NAME = rf"{TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_NOT_SHOUTED}{TOKEN}){{0,4}}"
NAME_RE = rx.compile(NAME)


def words(text: str) -> list[str]:
    return text.split()


# The article's genre, as a headline glues it after a show's title ("Grimm Recap: Ep. 19",
# "Outer Banks Finale Preview"); series._GENRE reads them in headlines, where a plural before
# another title is an outlet's verb instead ("NOC Recaps iZombie:").
GENRE_WORDS = frozenset(words("Recap Review Preview Finale Premiere Spoilers Promo"))
GENRE_PLURALS = frozenset(words("Recaps Reviews Previews"))


def _either_case(word: str) -> str:
    """A word as a pattern whose first letter may be in either case ("[Rr]ecap")."""
    return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"


# The genre words a headline glues after its show ("Grimm Recap", "Outer Banks Finale
# Preview"), a blog's "recapping"; a plural only before the headline's punctuation or a number
# ("NOC Recaps iZombie: ...": before another title it is the outlet's verb). A pattern.
GENRE = "(?:{})".format(
    "|".join(
        [r"[Rr]ecapping"]
        + [_either_case(w) for w in sorted(GENRE_WORDS)]
        + [_either_case(w) + r"(?=\s*(?:[:\-–—(]|\d|$))" for w in sorted(GENRE_PLURALS)]
    )
)
# ... and what else ends a span that is no name: a season or an episode ("Elsbeth Season 2"),
# a plural genre ("Murdoch Mysteries Reviews").
EPISODE_WORDS = (
    GENRE_WORDS
    | GENRE_PLURALS
    | frozenset(words("Season Seasons Episode Episodes Ep Trailer Synopsis"))
)

# Words that start sentences or stand in titles but never begin a person's name.
NOT_NAME_START = frozenset(
    words("""a an and as at but by for from if in into of on or so the to with while after before
    former once original
    despite unlike remember according plus also however still even since though although
    when where what which who whom whose why how this that these those there here it its they
    we you i he she indeed taking stepping joining replacing
    his her their our my your yes no oh well now then ever never because meanwhile perhaps
    maybe every each all both either neither some many most more much few several another
    other such only just first last next new old big small season seasons episode episodes
    part chapter act scene series show shows star stars premiere finale netflix marvel
    marvel's netflix's disney disney+ hulu hbo amazon abc nbc cbs fox cw starz showtime apple
    warning spoilers spoiler exclusive update updated photo photos video watch read listen
    does did do is are was were be been has have had will would could should can may might
    must shall mini-series mini tv film movie movies studios studio universe cinematic
    phase ew collider variety deadline ign vulture popularity oh whether then showrunner
    co-showrunner showrunners producer creator director writer actor actress actors actresses
    ensigns ensign doctors detectives
    obviously clearly finally apparently naturally hopefully interestingly notably reportedly
    previously originally currently recently eventually ultimately unfortunately luckily
    basically additionally similarly fortunately sadly
    meet welcome introducing enter say later soon suddenly afterwards instead""")
)  # fmt: skip
ORGS = frozenset(
    words("""Marvel Netflix Disney Disney+ Hulu HBO Amazon Prime Video ABC NBC CBS Fox FX AMC CW
    Starz Showtime Apple Studios TV Television Entertainment Weekly EW Collider Variety
    Deadline IGN Vulture Cinematic Universe MCU Avengers Phase Comic-Con Twitter Instagram
    Facebook YouTube Reddit Emmy Emmys Oscar Oscars Golden Globes Alias Investigations
    Hand Hollywood Reporter News Freeform Lucasfilm Paramount Paramount+ Peacock Syfy Bravo
    Lifetime Hallmark TBS TNT BBC ITV Crunchyroll Warner Lionsgate Pixar Miramax Epix MGM PBS
    MTV Nickelodeon Tubi""")
)  # fmt: skip

# Words that open a broadcaster's, a service's or a country's name, never a person's: a name led
# by one ("BBC Three", "Channel 4", "World Service", "US People's Choice Awards") is no
# performer (the British channels beside ORGS's American networks; not "Sky", a first name too).
NOT_PERSON_FIRST = frozenset(
    words("BBC ITV ITV1 ITV2 Channel E4 More4 Film4 S4C UKTV Radio World CNN US UK")
)

# A noun after "P's C" that makes C a word about an event, not a character: "Sharapova's
# Wimbledon triumph", "Holmes' Olympic victory", "Kaplinsky's Strictly Come Dancing win".
EVENT_AFTER = rx.compile(
    r"\s+(?:wins?|victory|victories|triumphs?|titles?|medals?|gold|defeats?|success|debut|"
    r"performances?|appearances?|exit|comeback)\b"
)


def nickname_in_name(body: str, before: str, after: str) -> bool:
    """Whether a quoted word is a nickname inside someone's name, not a title: between a
    capitalised word and another (Jennifer “JJ” Jareau, Connie 'Meemaw' Tucker), or one word
    before a first and last name, not after a preposition or article (saw "Dirty" Den Watts
    killed off; not on "Lost" ...). Not for headlines, which capitalise every word."""
    if re.search(r"\b[A-Z][\w’'.-]*\s$", before) and re.match(r"^\s[A-Z]", after):
        return True
    return (
        " " not in body.strip()
        and re.match(r"^\s[A-Z][a-z’'-]+\s[A-Z][a-z’'-]+\b(?!\s*[(:])", after) is not None
        and not re.search(r"\b(?:on|in|of|from|to|and|the|The)\s$", before)
    )


OUTLETS = {
    "ew": "EW",
    "entertainment weekly": "EW",
    "collider": "Collider",
    "variety": "Variety",
    "deadline": "Deadline",
    "the hollywood reporter": "The Hollywood Reporter",
    "hollywood reporter": "The Hollywood Reporter",
    "thr": "The Hollywood Reporter",
    "ign": "IGN",
    "vulture": "Vulture",
    "screen rant": "Screen Rant",
    "tvline": "TVLine",
    "tv line": "TVLine",
    "indiewire": "IndieWire",
    "empire": "Empire",
    "rolling stone": "Rolling Stone",
    "the wrap": "TheWrap",
    "thewrap": "TheWrap",
    "comicbook.com": "ComicBook.com",
    "den of geek": "Den of Geek",
    "polygon": "Polygon",
    "io9": "io9",
    "gizmodo": "Gizmodo",
    "uproxx": "Uproxx",
    "vanity fair": "Vanity Fair",
    "esquire": "Esquire",
    "gq": "GQ",
    "usa today": "USA Today",
    "bbc": "BBC",
    "the guardian": "The Guardian",
    "the new york times": "The New York Times",
    "new york times": "The New York Times",
    "los angeles times": "Los Angeles Times",
    "la times": "Los Angeles Times",
    "the a.v. club": "The A.V. Club",
    "av club": "The A.V. Club",
    "digital spy": "Digital Spy",
    "radio times": "Radio Times",
    "total film": "Total Film",
    "sfx": "SFX",
    "inverse": "Inverse",
    "slashfilm": "/Film",
    "/film": "/Film",
    "cinemablend": "CinemaBlend",
    "decider": "Decider",
    "tv guide": "TV Guide",
    "people": "People",
    "gamesradar": "GamesRadar+",
    "nerdist": "Nerdist",
    "the verge": "The Verge",
    "time": "Time",
    # the tabloids' own names for themselves (dm3: "MailOnline can reveal" read as a role)
    "mailonline": "MailOnline",
    "dailymail.com": "DailyMail.com",
    "daily mail": "Daily Mail",
    "daily mirror": "Daily Mirror",
    "daily express": "Daily Express",
    "tmz": "TMZ",
    "us weekly": "Us Weekly",
    "page six": "Page Six",
    "e! news": "E! News",
    "entertainment tonight": "Entertainment Tonight",
    "the daily beast": "The Daily Beast",
}
OUTLET_RE = rx.compile(
    r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(OUTLETS, key=len, reverse=True)) + r")"
    r"(?![\w])",
    re.IGNORECASE,
)
CITE = rx.compile(
    r"\b(?:told|tells|telling|speaking (?:with|to)|spoke (?:with|to)|speak (?:with|to)|"
    r"talking (?:with|to)|talked (?:with|to)|sat down with|sits down with|sitting down with|"
    r"in an interview with|interview with|according to|reported by|as reported by|via|per|"
    r"revealed to|confirmed to|explained to|said to|exclusively to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def keyof(text: str) -> str:
    return re.sub(r"[^\w ]+", "", norm(text).lower().removeprefix("the ")).strip()


SPEECH_VERBS = (
    "says|said|explains|explained|adds|added|tells|told|notes|noted|continues|continued|"
    "laughs|laughed|recalls|recalled|jokes|joked|admits|admitted|teases|teased|reveals|"
    "revealed|shares|shared|insists|insisted|confirms|confirmed|offers|offered|muses|mused|"
    "points out|pointed out|acknowledges|acknowledged|writes|wrote|argues|argued|asks|asked|"
    "answers|answered|replies|replied|promises|promised|hints|hinted|warns|warned|states|"
    "stated|agrees|agreed|quips|quipped|remarks|remarked|describes|described|thinks|believes|"
    "tends|sits|sat|speaks|spoke"
)
PRONOUNS = frozenset({"he", "she", "they", "He", "She", "They"})


@dataclass
class Lexicon:
    characters: dict[str, str] = field(default_factory=dict)  # key -> canonical name
    performers: dict[str, str] = field(default_factory=dict)  # key -> canonical name
    performer_of: dict[str, str] = field(default_factory=dict)  # performer key -> character
    series: dict[str, str] = field(default_factory=dict)  # key -> series title

    @classmethod
    def from_bible(cls, bible: BibleConf | None) -> Lexicon:
        lex = cls()
        if bible is None:
            return lex
        for s in bible.series:
            title = s.title or s.id.replace("-", " ").title()
            for label in {title, title.removeprefix("The "), s.id.replace("-", " ")}:
                lex.series.setdefault(keyof(label), title)
        for cid, c in bible.characters.items():
            name = c.name or cid.replace("-", " ").title()
            labels = [name] + [a.label if isinstance(a, Alias) else a for a in c.aliases]
            for label in labels:
                if label and label[:1].isupper() and not label.isupper():
                    lex.characters.setdefault(keyof(label), name)
            lex.characters.setdefault(keyof(name), name)
            if c.performer:
                lex.performers[keyof(c.performer)] = c.performer
                lex.performer_of[keyof(c.performer)] = name
        return lex


# The verb of a performer's new role, right after a credit in brackets: "Harriet Slater
# (Pennyworth) will portray", "A (X) and B (Y) will tackle the roles of", "(Condor's Nest) as".
ROLE_VERB = (
    r"\s*,?\s*(?:will\s+|is\s+set\s+to\s+|also\s+|now\s+)*(?:portray|play|star\s+as|voice|tackle|"
    r"take\s+on|as)\b(?=\s+(?:the\s+roles?\s+of\s+)?[A-Z\ue002])"  # a name next, not "a key role"
)
# A cast announcement that quotes its names: `Paige Hurd ("The Oval") as "Lauren"`, `"Woody
# McClain" ("The Bobby Brown Story") as "Cane Tejada"`. The quote after "as" is a role and the one
# before a credit bracket and "as" a performer: neither is a title nor someone's words. "known
# as", "such as", "billed as" ... name a title.
_AS_BEFORE = rx.compile(
    r"\bas\s+(?:(?!(?:of|in|on|for|from|at|to|with|by|and|or)\b)[a-z][\w-]*\s+){0,2}$|\bas\s*$"
)  # `as "Lauren"`, `as defender "Tameika Washington"`
_TITLE_AS = rx.compile(
    r"\b(?:known|such|billed|titled|described|referred\s+to|serves?|served|dubbed|renamed|"
    r"retitled|released|marketed|same|well|rebranded|premiered|debuted)\s+as\s*$",
    re.IGNORECASE,
)
_CREDIT_THEN_AS = rx.compile(r"^\s*\([^()]{1,120}\)\s*,?\s*as\s+[\"“‘']?[A-Z]")


def quoted_role(before: str) -> bool:
    """Whether a quote that follows ``before`` is a role a cast list names after "as"."""
    return _AS_BEFORE.search(before) is not None and _TITLE_AS.search(before) is None


def quoted_performer(after: str) -> bool:
    """Whether a quote followed by ``after`` is a performer: a credit bracket, then "as"."""
    return _CREDIT_THEN_AS.match(after) is not None


SPOUSE = rx.compile(r"(?:First|Second)\s+(?:Lady|Gentleman)\s")


def strip_start(name: str) -> str:
    """Drop sentence-start words glued to a name: ``With Simone Missick`` -> ``Simone
    Missick``; ``Unlike Jessica`` -> ``Jessica``."""
    words = name.split()
    # ("as an Americanised Jimmy Bond": a participle made of a place describes the role)
    while (
        words
        and len(words) > 1
        and (
            words[0].lower().strip(".") in NOT_NAME_START
            or re.fullmatch(r"[A-Z][a-z]+i[sz]ed", words[0])
        )
    ):
        if (words[0] == "The" and len(words) > 1) or SPOUSE.match(" ".join(words)):
            break  # "First Lady Kelly Kapowski": an office, which ``unranked`` drops
        words = words[1:]
    if len(words) == 1 and words[0].lower() in NOT_NAME_START and words[0] not in _FIRST_NAMES_TOO:
        return ""
    return " ".join(words)


# First names that are also words no name starts with: a mention already taken as a name
# ("Will (Matthew Morrison)", "as Will") keeps them.
_FIRST_NAMES_TOO = frozenset({"Will", "May"})


# Days of the week: a day opens a dateline or a list heading ("Thursday: ..."), never a title.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A season's number spelled out: "season two of Bridgerton", "series two".
NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# The seasons of the year: "our Winter TV Preview", "the Fall Finale" name a time, not a show.
YEAR_SEASONS = ("Winter", "Spring", "Summer", "Fall", "Autumn")


# Offices a character is named with ("California Governor Zack Morris", "First Lady Kelly
# Kapowski", "Mayor Bobby Golec"): a description before the person's own name. Ranks ("Detective
# Ada Quill", "Special Agent Ivo Crane") and nobility ("Lady Agatha Danbury") are kept: the house
# gold names characters with them.
_OFFICE = rx.compile(
    r"^(?:[A-Z][\w\-]*\s+){0,2}?(?:Governor|Gov\.|Mayor|President|Vice President|Senator|"
    r"Congressman|Congresswoman|(?:First|Second)\s+(?:Lady|Gentleman)|Ambassador|Principal|Coach|Professor)\s+"
)


def unranked(name: str) -> str:
    """A character's own name without the office or rank before it, when two words or more
    of name remain ("California Governor Zack Morris" -> "Zack Morris"; "Judge Crawford" and
    "Captain Boomerang" stay)."""
    m = _OFFICE.match(name)
    rest = name[m.end() :] if m else name
    if m is None or len(rest.split()) < 2 or not all(w[:1].isupper() for w in rest.split()):
        return name
    return rest


# A tie between two people a role can be named by: "Roy Cropper's niece Nina", "his son, Sean".
TIE = (
    r"(?:ex-)?(?:wife|husband|son|daughter|mother|father|mom|dad|brother|sister|half-brother|"
    r"half-sister|stepmother|stepfather|stepson|stepdaughter|cousin|aunt|uncle|nephew|niece|"
    r"grandmother|grandfather|grandson|granddaughter|twin|girlfriend|boyfriend|fianc[eé]e?|"
    r"partner|spouse|lover|assistant|secretary|boss|best\s+friend|friend|rival|nemesis|"
    r"colleague|mentor|protégé|protege|sidekick|roommate|neighbou?r|(?:in-)?laws?|"
    r"mother-in-law|father-in-law|son-in-law|daughter-in-law|sister-in-law|brother-in-law)"
)
