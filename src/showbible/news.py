"""Production facts from entertainment news: who plays whom, who runs which show, which
character turns up in which series, who said what, and which outlet the article cites.

Articles are read as crawled: boilerplate lines ("Related:", "More:", affiliate notices,
subscription promos), embedded HTML and runs of corrupted bytes are dropped first. Then the text
is cut into paragraphs (one per line, as crawled text has them) and sentences, and a set of
patterns runs over names found by a small recogniser that needs no downloaded model:
capitalised-token sequences, possessives and bracketed names, helped by the bible's names
when one is given (characters, aliases, performers, series titles). An optional spaCy
pipeline, if one is importable *and* already installed with a model, only adds person names
to the recogniser (recall); nothing is downloaded.

Every fact is a proposal with its sentence, file, line and a confidence; ``showbible news``
prints them for review, and the bible is where a reviewer confirms them (see
``docs/news.md``).

Kinds (``subject`` -> ``object``):

- ``plays``: performer -> character (``Krysten Ritter's Jessica Jones``, ``Kilgrave's
  (David Tennant)``, ``X as Y``, ``Y, played by X``, ``X take Y to SERIES``);
- ``showrunner``: person -> series (``showrunner Marco Ramirez``, ``Melissa Rosenberg, the
  showrunner``); the series is the one the sentence names, else the nearest before it in the
  paragraph, else the series the article is most about;
- ``appears_in``: character -> series (``take Karen Page to The Punisher``, ``hopping from Luke
  Cage to Iron Fist``, ``X appears in SERIES``, ``SERIES brought together A, B and C``);
  hypotheticals (``could``, ``would``, questions) are left out;
- ``quote``: speaker -> the quoted words (quotes of five words or more, attributed by
  ``"...," X says``, ``X says: "..."``, a colon ending the paragraph before, the previous
  quote of the paragraph, or the person the text was last about);
- ``source``: outlet -> the article's title (``Source: EW``, ``speaking with Collider``,
  ``told Variety``).
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showbible.formats.text import decode_text
from showbible.model import InputError
from showbible.universe.bible import Alias, BibleConf

__all__ = [
    "KINDS",
    "NewsFact",
    "extract_facts",
    "extract_text",
    "facts_to_json",
    "format_fact",
    "score",
]

KINDS = ("plays", "showrunner", "appears_in", "quote", "source")


@dataclass(frozen=True, slots=True)
class NewsFact:
    """One proposed fact, with where it comes from."""

    kind: str
    subject: str
    object: str
    file: str
    line: int
    sentence: str
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "object": self.object,
            "file": self.file,
            "line": self.line,
            "sentence": self.sentence,
            "confidence": round(self.confidence, 2),
        }


def facts_to_json(facts: Iterable[NewsFact]) -> dict[str, object]:
    """The JSON document of ``showbible news --format json``."""
    return {"facts": [f.to_json() for f in facts]}


def format_fact(fact: NewsFact) -> str:
    """One line of ``showbible news`` text output."""
    arrow = {
        "plays": "plays",
        "showrunner": "runs",
        "appears_in": "appears in",
        "quote": "said",
        "source": "cited for",
    }[fact.kind]
    obj = fact.object if fact.kind != "quote" else f"“{_clip(fact.object, 70)}”"
    return (
        f"{fact.file}:{fact.line}: {fact.kind} ({fact.confidence:.2f}): "
        f"{fact.subject} {arrow} {obj}"
    )


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# Cleaning crawled text

_BOILERPLATE_START = re.compile(
    r"^\s*(?:related|more|more in|read more|see also|also read|read next|watch|advertisement|"
    r"sponsored|recommended|trending|popular|up next|next|previously|episode recaps|"
    r"sign up|subscribe|newsletter|share this|follow us|tags?|filed under|photo|image|credit|"
    r"getty images)\b\s*[:|•\-–—]",
    re.IGNORECASE,
)
_BOILERPLATE_ANY = re.compile(
    r"we may earn|earn (?:a )?commission|independently selected|affiliate|"
    r"\bsubscribe\b|on stands|buy it here|newsletter|cookie|privacy policy|all rights reserved|"
    r"terms of (?:use|service)|click here|sign up for",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(r"^\s*(?:source|via|h/t|sources?)\s*:\s*(?P<outlet>.+?)\s*$", re.I)
_TRAILER = re.compile(r"^\s*(?:more in|episode recaps|more from|you may also like)\b", re.I)
_TAG = re.compile(r"<[^<>]{0,4000}>")
_TEXTUAL = re.compile(
    r"[A-Za-z0-9\s.,;:!?'\"()\[\]\-–—…’‘“”/&%$#@*+=_éèêëáàâäíìîïóòôöúùûüçñÉÈÁÀÍÓÚÇÑ]"
)


def _garbage(token: str) -> bool:
    """A token of corrupted bytes: mostly characters that are not ordinary text."""
    if not token:
        return False
    if "\ufffd" in token:
        return True
    ok = sum(1 for c in token if _TEXTUAL.match(c))
    return ok / len(token) < 0.75


def _clean_line(line: str) -> str:
    if "<" in line:
        line = _TAG.sub(" ", line)
    if "&" in line:
        line = html.unescape(line)
    tokens = line.split()
    if any(_garbage(t) for t in tokens):
        kept = [t for t in tokens if not _garbage(t)]
        # A line that was mostly noise keeps nothing: its remaining words are noise too.
        if len(kept) < len(tokens) / 2:
            return ""
        return " ".join(kept)
    return line.strip()


@dataclass
class _Paragraph:
    line: int
    text: str
    title: bool = False  # the article's title (first line)


@dataclass
class _Article:
    file: str
    title: str
    paragraphs: list[_Paragraph]
    sources: list[tuple[str, int, str]] = field(default_factory=list)  # outlet, line, text


def _headline(line: str) -> bool:
    """A title line: short, and not a sentence (no final full stop)."""
    return len(line.split()) <= 20 and not line.rstrip().endswith((".", ",", ";"))


def _read_article(text: str, file: str) -> _Article:
    paragraphs: list[_Paragraph] = []
    sources: list[tuple[str, int, str]] = []
    title = ""
    ended = False
    for number, raw in enumerate(text.split("\n"), 1):
        if ended:
            break
        if not raw.strip():
            continue
        m = _SOURCE_LINE.match(raw)
        if m is not None and len(m.group("outlet").split()) <= 6:
            sources.append((m.group("outlet").strip(" ."), number, raw.strip()))
            ended = True  # what follows a "Source:" footer is the site's, not the article's
            continue
        if _TRAILER.match(raw):
            ended = True
            continue
        if _BOILERPLATE_START.match(raw) or _BOILERPLATE_ANY.search(raw):
            continue
        line = _clean_line(raw)
        if not line:
            continue
        if not paragraphs and _headline(line):
            title = line
            paragraphs.append(_Paragraph(number, line, title=True))
            continue
        paragraphs.append(_Paragraph(number, line))
    return _Article(file, title, paragraphs, sources)


# --------------------------------------------------------------------------------------------
# Sentences

_ABBREV = (
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "vs", "Lt", "Sgt", "Col", "Gen", "Prof", "No",
    "Vol", "Inc", "Co", "Ltd", "Mt", "Ft", "U.S", "U.K", "Ep", "ep", "etc",
)  # fmt: skip
_SENT_END = re.compile(r"(?<=[.!?…])[\"”’']?\s+(?=[\"“‘(\[]?[A-Z0-9])")


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; quotes are not respected (patterns work per sentence)."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        before = text[start : m.start()]
        word = re.search(r"([\w.]+)[.]$", before)
        if word is not None and (word.group(1) in _ABBREV or re.fullmatch(r"[A-Z]", word.group(1))):
            continue
        if before.strip():
            out.append((start, before))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return [piece for offset, sentence in out for piece in _chunks(offset, sentence)]


_MAX_SENTENCE = 600


def _chunks(offset: int, sentence: str) -> list[tuple[int, str]]:
    """A run-on "sentence" (a list, a caption wall, text without punctuation) is cut at
    spaces into pieces of bounded length, so that every pattern stays linear."""
    if len(sentence) <= _MAX_SENTENCE:
        return [(offset, sentence)]
    out = []
    start = 0
    while start < len(sentence):
        end = min(len(sentence), start + _MAX_SENTENCE)
        if end < len(sentence):
            space = sentence.rfind(" ", start + _MAX_SENTENCE // 2, end)
            end = space if space > start else end
        out.append((offset + start, sentence[start:end]))
        start = end
    return out


# --------------------------------------------------------------------------------------------
# Names

_UP = "A-ZÀ-ÖØ-Þ"
TOKEN = rf"(?:[{_UP}](?:[^\W_]|-(?=[^\W_])|[’'](?=[{_UP}]))*\.?)"
_PARTICLE = r"(?:de|da|van|von|der|den|del|di|du|le|la|bin|al|dos|das|mac)"
# A capitalised name of up to five words, particles inside ("Ludwig van Beethoven").
NAME = rf"{TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{TOKEN}){{0,4}}"
_NAME_RE = re.compile(NAME)


def _words(text: str) -> list[str]:
    return text.split()


# Words that start sentences or stand in titles but never begin a person's name.
_NOT_NAME_START = frozenset(
    _words("""a an and as at but by for from if in into of on or so the to with while after before
    despite unlike remember according plus also however still even since though although
    when where what who why how this that these those there here it its they we you i he she
    his her their our my your yes no oh well now then ever never because meanwhile perhaps
    maybe every each all both either neither some many most more much few several another
    other such only just first last next new old big small season seasons episode episodes
    part chapter act scene series show shows star stars premiere finale netflix marvel
    marvel's netflix's disney disney+ hulu hbo amazon abc nbc cbs fox cw starz showtime apple
    warning spoilers spoiler exclusive update updated photo photos video watch read listen
    does did do is are was were be been has have had will would could should can may might
    must shall mini-series mini tv film movie movies studios studio universe cinematic
    phase ew collider variety deadline ign vulture popularity oh whether then""")
)  # fmt: skip
_ORGS = frozenset(
    _words("""Marvel Netflix Disney Disney+ Hulu HBO Amazon Prime Video ABC NBC CBS Fox FX AMC CW
    Starz Showtime Apple Studios TV Television Entertainment Weekly EW Collider Variety
    Deadline IGN Vulture Cinematic Universe MCU Avengers Phase Comic-Con Twitter Instagram
    Facebook YouTube Reddit Emmy Emmys Oscar Oscars Golden Globes Alias Investigations
    Hand Hollywood Reporter News""")
)  # fmt: skip

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
}
_OUTLET_RE = re.compile(
    r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(OUTLETS, key=len, reverse=True)) + r")"
    r"(?![\w])",
    re.IGNORECASE,
)
_CITE = re.compile(
    r"\b(?:told|tells|telling|speaking (?:with|to)|spoke (?:with|to)|speak (?:with|to)|"
    r"talking (?:with|to)|talked (?:with|to)|sat down with|sits down with|sitting down with|"
    r"in an interview with|interview with|according to|reported by|as reported by|via|per|"
    r"revealed to|confirmed to|explained to|said to|exclusively to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _key(text: str) -> str:
    return re.sub(r"[^\w ]+", "", _norm(text).lower().removeprefix("the ")).strip()


_SPEECH_VERBS = (
    "says|said|explains|explained|adds|added|tells|told|notes|noted|continues|continued|"
    "laughs|laughed|recalls|recalled|jokes|joked|admits|admitted|teases|teased|reveals|"
    "revealed|shares|shared|insists|insisted|confirms|confirmed|offers|offered|muses|mused|"
    "points out|pointed out|acknowledges|acknowledged|writes|wrote|argues|argued|asks|asked|"
    "answers|answered|replies|replied|promises|promised|hints|hinted|warns|warned|states|"
    "stated|agrees|agreed|quips|quipped|remarks|remarked|describes|described|thinks|believes|"
    "tends|sits|sat|speaks|spoke"
)
_PRONOUNS = frozenset({"he", "she", "they", "He", "She", "They"})


# --------------------------------------------------------------------------------------------
# Knowledge of names: from the bible and from the article itself


@dataclass
class _Lexicon:
    characters: dict[str, str] = field(default_factory=dict)  # key -> canonical name
    performers: dict[str, str] = field(default_factory=dict)  # key -> canonical name
    performer_of: dict[str, str] = field(default_factory=dict)  # performer key -> character
    series: dict[str, str] = field(default_factory=dict)  # key -> series title

    @classmethod
    def from_bible(cls, bible: BibleConf | None) -> _Lexicon:
        lex = cls()
        if bible is None:
            return lex
        for s in bible.series:
            title = s.title or s.id.replace("-", " ").title()
            for label in {title, title.removeprefix("The "), s.id.replace("-", " ")}:
                lex.series.setdefault(_key(label), title)
        for cid, c in bible.characters.items():
            name = c.name or cid.replace("-", " ").title()
            labels = [name] + [a.label if isinstance(a, Alias) else a for a in c.aliases]
            for label in labels:
                if label and label[:1].isupper() and not label.isupper():
                    lex.characters.setdefault(_key(label), name)
            lex.characters.setdefault(_key(name), name)
            if c.performer:
                lex.performers[_key(c.performer)] = c.performer
                lex.performer_of[_key(c.performer)] = name
        return lex


def _strip_start(name: str) -> str:
    """Drop sentence-start words glued to a name: ``With Simone Missick`` -> ``Simone
    Missick``; ``Unlike Jessica`` -> ``Jessica``."""
    words = name.split()
    while words and words[0].lower().strip(".") in _NOT_NAME_START and len(words) > 1:
        if words[0] == "The" and len(words) > 1:
            break
        words = words[1:]
    if len(words) == 1 and words[0].lower() in _NOT_NAME_START:
        return ""
    return " ".join(words)


@dataclass
class _Context:
    """What the extractor knows while reading one article."""

    lex: _Lexicon
    series: dict[str, str] = field(default_factory=dict)  # key -> title (bible + article)
    series_count: Counter[str] = field(default_factory=Counter)
    persons: dict[str, str] = field(default_factory=dict)  # key -> full name
    characters: dict[str, str] = field(default_factory=dict)  # names used as characters
    performers: set[str] = field(default_factory=set)  # keys of names used as performers

    def is_series(self, name: str) -> str | None:
        key = _key(name)
        if key in self.series:
            return self.series[key]
        if key.startswith("marvels "):
            return self.series.get(key.removeprefix("marvels "))
        return None

    def full(self, name: str) -> str:
        """The fullest form of a name known in the article (``Ritter`` -> ``Krysten
        Ritter``; ``Jessica`` -> ``Jessica Jones``)."""
        name = _norm(name).strip(" ,.;:")
        key = _key(name)
        if key in self.lex.characters:
            return self.lex.characters[key]
        if key in self.lex.performers:
            return self.lex.performers[key]
        if key in self.persons:
            return self.persons[key]
        if " " not in name:
            longer = {
                full
                for k, full in self.persons.items()
                if k.split()[-1] == key or k.split()[0] == key
            }
            for known in (self.lex.characters, self.characters):
                longer |= {
                    full
                    for k, full in known.items()
                    if " " in k and (k.split()[-1] == key or k.split()[0] == key)
                }
            if len(longer) == 1:
                return next(iter(longer))
        return name


# --------------------------------------------------------------------------------------------
# Series detection

_SERIES_CUES = [
    # Marvel's The Defenders, Netflix's Jessica Jones
    re.compile(rf"\b(?:Marvel|Netflix|HBO|Disney\+?|Hulu|Amazon|Apple|FX|AMC|CBS|NBC|ABC|Fox|"
               rf"Starz|Showtime|Peacock|Paramount\+?)(?:[’']s?|‘)\s+(?P<t>{NAME})"),
    # Jessica Jones season 2, Jessica Jones‘ first season, Daredevil's second season
    re.compile(rf"(?P<t>{NAME})(?:[’'‘]s?)?\s+(?:(?:first|second|third|fourth|fifth|final|"
               rf"new|latest|upcoming|next)\s+)?(?:season|series)(?:\s+\d+)?\b"),
    # season 2 of Daredevil, the premiere of The Defenders, seasons of A, B and C
    re.compile(rf"\b(?:seasons?(?:\s+\d+)?|premiere|finale|episodes?|pilot|cast|showrunner|"
               rf"creator|writers'? room|fans|viewers|audiences|world)\s+of\s+"
               rf"(?P<list>(?:{NAME})(?:\s*,\s*(?:and\s+)?(?:{NAME})|\s+and\s+(?:{NAME}))*)"),
    # The Defenders is streaming / hits Netflix / is now available on
    re.compile(rf"(?P<t>{NAME})\s+(?:is|are)?\s*(?:now\s+)?(?:streaming|available|arriving|"
               rf"premieres|premiered|debuts|debuted|returns|hits)\b(?!\s+as\b)"),
    # the spin-off Tidewater, the sister series Copper Gulch, the drama Night Ferry
    re.compile(rf"\b(?:spin-?off|sister (?:series|show)|series|show|drama|comedy|sitcom|"
               rf"mini-?series|anthology|western|thriller|procedural|sequel|prequel|revival|"
               rf"reboot)\s+(?:series\s+)?(?P<t>{NAME})"),
    # Cinder Vale quietly wrapped its second season
    re.compile(rf"(?P<t>{NAME})\s+(?:\w+ly\s+)?(?:wrapped|wraps|ended|ends|concluded|opened|"
               rf"opens|kicked off|kicks off|closed|closes)\s+(?:up\s+)?its\s+(?:\w+\s+)?"
               rf"(?:season|run)\b"),
    # the Greyharbor finale, the Daredevil premiere
    re.compile(rf"\bthe\s+(?P<t>{NAME})\s+(?:finale|premiere|pilot|writers'? room)\b"),
    # ran Night Ferry for three seasons
    re.compile(rf"\b(?:ran|runs|running|created|co-created|developed)\s+(?P<t>{NAME})\s+for\s+"
               rf"(?:\w+\s+)?seasons?\b"),
    # to The Punisher / from Luke Cage to Iron Fist (the hop patterns' series)
    re.compile(rf"\bfrom\s+(?P<a>{NAME})\s+to\s+(?P<b>{NAME})"),
    re.compile(rf"\b(?:take|takes|taking|took|bring|brings|bringing|brought)\s+{NAME}\s+"
               rf"(?:back\s+)?(?:over\s+)?to\s+(?P<t>{NAME})"),
]  # fmt: skip


def _split_list(text: str) -> list[str]:
    parts = re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", text)
    return [p.strip() for p in parts if p.strip()]


def _learn_series(ctx: _Context, article: _Article) -> None:
    for key, title in ctx.lex.series.items():
        ctx.series.setdefault(key, title)
    found: list[str] = []
    for para in article.paragraphs:
        text = _unquoted(para.text)
        for cue in _SERIES_CUES:
            for m in cue.finditer(text):
                groups = m.groupdict()
                names: list[str] = []
                for g in ("t", "a", "b"):
                    if groups.get(g):
                        names.append(groups[g])
                if groups.get("list"):
                    names.extend(_split_list(groups["list"]))
                for n in names:
                    n = _series_name(n)
                    if n:
                        found.append(n)
    # A headline "X: Everything We Know About Season 3".
    for para in article.paragraphs[:1]:
        if not para.title:
            continue
        head = re.match(rf"(?P<t>{NAME})\s*:\s+(?P<rest>.*)$", para.text)
        if head is not None and re.search(
            r"\b(?:season|series|episode|finale|premiere)\b", head.group("rest"), re.IGNORECASE
        ):
            found.append(_series_name(head.group("t")))
    for title in found:
        if not title:
            continue
        key = _key(title)  # "The Defenders" and "Defenders" share one key
        if key in ctx.lex.characters and key not in ctx.lex.series:
            continue  # the bible says it is a character, not a show
        ctx.series.setdefault(key, title)
    # Count mentions, to know which series the article is most about.
    for para in article.paragraphs:
        for m in _NAME_RE.finditer(para.text):
            known = ctx.is_series(_series_name(m.group(0)) or "")
            if known:
                ctx.series_count[known] += 1


def _series_name(name: str) -> str:
    words = name.split()
    while words and words[0].lower().strip(".") in _NOT_NAME_START and words[0] != "The":
        words = words[1:]
    while words and words[-1] in ("Season", "Seasons", "Series"):
        words = words[:-1]
    if not words or (len(words) == 1 and words[0] in ("The",)):
        return ""
    name = " ".join(words)
    if name in _ORGS or all(w in _ORGS for w in words):
        return ""
    return name


def _unquoted(text: str) -> str:
    """The text with quoted passages blanked out (same length, so offsets hold)."""
    return _QUOTE_RE.sub(lambda m: " " * len(m.group(0)), text)


# --------------------------------------------------------------------------------------------
# Quotes

_QUOTE_RE = re.compile(r"\"[^\"]+\"|“[^”]+”|“[^\"”]+\"|\"[^\"“]+”")


@dataclass(frozen=True, slots=True)
class _Quote:
    start: int
    end: int
    text: str


def _quotes(text: str) -> list[_Quote]:
    out = []
    for m in _QUOTE_RE.finditer(text):
        body = m.group(0)[1:-1].strip()
        if len(body.split()) >= 5:
            out.append(_Quote(m.start(), m.end(), body))
    return out


_AFTER_ATTR = re.compile(
    rf"^\s*,?\s*(?:(?P<pre>(?:[a-z][\w\-]*\s+){{0,3}}?)(?P<name>{NAME}|he|she|they)\s+"
    rf"(?:\w+ly\s+)?(?:{_SPEECH_VERBS})\b|(?:{_SPEECH_VERBS})\s+(?P<pre2>(?:[a-z][\w\-]*\s+)"
    rf"{{0,3}}?)(?P<name2>{NAME}))"
)
_PERFORMER_WORDS = frozenset({"actress", "actor", "star", "performer", "co-star", "lead"})
_DESCRIPTOR_ATTR = re.compile(
    rf"^\s*,?\s*the\s+(?:\w+\s+)?(?P<d>actress|actor|star|performer|co-star|lead|showrunner|"
    rf"creator|director|writer|producer)\s+(?:\w+ly\s+)?(?:{_SPEECH_VERBS})\b"
)
_BEFORE_ATTR = re.compile(
    rf"(?P<name>{NAME}|he|she|they)(?:,\s+who)?\s+(?:\w+ly\s+)?(?:{_SPEECH_VERBS})"
    rf"(?:(?:\s+\w+){{0,6}}?\s*[:,]|(?:\s+\w+){{0,2}}?\s+that\s+[^\"“”.]*?)\s*$"
)


@dataclass
class _Speakers:
    """Who the text was last about, to attribute quotes with a pronoun or no attribution."""

    last_subject: str | None = None  # the last "NAME says/teases/..." before here
    last_person: str | None = None  # the last person named before here


# --------------------------------------------------------------------------------------------
# Patterns over one sentence

_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|may|should|if|whether|rumou?red|possibly|perhaps|maybe|hopes?|"
    r"wants? to|wish|wishes)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[,;:—–(]|\bbut\b|\band\b(?=\s+(?:we|they|he|she|it)\b)")

_PLAYS_PATTERNS: list[tuple[re.Pattern[str], float, bool]] = [
    # (pattern, confidence, performer-first): groups "p" performer, "c" character
    (re.compile(rf"(?P<c>{NAME})(?:[’']s)?\s+\((?P<p>{NAME})\)"), 0.85, False),
    (re.compile(rf"(?P<p>{NAME})\s+\((?:as\s+)?(?P<c>{NAME})\)"), 0.6, True),
    (re.compile(rf"(?P<p>{NAME})[’']s\s+(?P<c>{NAME})"), 0.6, True),
    (re.compile(rf"(?P<p>{NAME}),?\s+(?:who\s+)?(?:plays|played|portrays|portrayed|voices|"
                rf"voiced|is playing|will play|stars as|starred as|starring as|returns as|"
                rf"returned as|reprises (?:his|her|their) role as|reprising (?:his|her|their) "
                rf"role as|was cast as|is cast as|has been cast as|cast as|joins as|appears as)"
                rf"\s+(?:the\s+(?:[a-z][\w\-]*\s+){{0,3}}?)?(?P<c>{NAME})"), 0.85, True),
    (re.compile(rf"(?P<p>{NAME})\s+as\s+(?P<c>{NAME})"), 0.65, True),
    (re.compile(rf"(?P<c>{NAME}),?\s+(?:(?:is|was|will be|has been|is being)\s+)?(?:played|"
                rf"portrayed|voiced)\s+by\s+(?P<p>{NAME})"), 0.85, False),
    (re.compile(rf"(?P<p>{NAME})\s+(?:will\s+)?(?:take|takes|taking|took|bring|brings|bringing|"
                rf"brought)\s+(?P<c>{NAME})\s+(?:back\s+)?(?:over\s+)?to\s+{NAME}"), 0.75, True),
    (re.compile(rf"\b(?P<pron>she|he|they)\s+(?:was|were|is|has been|had been)\s+cast\s+as\s+"
                rf"(?P<c>{NAME})", re.IGNORECASE), 0.6, True),
    # As Marshal Eli Stone, Reuben Vance is as good as ever
    (re.compile(rf"^\W*As\s+(?P<c>{NAME}),\s+(?P<p>{NAME})"), 0.7, True),
]  # fmt: skip

_SHOWRUNNER_PATTERNS: list[tuple[re.Pattern[str], float]] = [
    # (Defenders) showrunner / co-showrunner Marco Ramirez; showrunner of X, Marco Ramirez
    (re.compile(rf"(?:(?P<s>{NAME})(?:[’']s)?\s+)?(?:co-?)?show-?runners?(?:\s+of\s+(?P<s2>{NAME}))?"
                rf",?\s+(?P<p>{NAME})"), 0.85),
    # Melissa Rosenberg, the (Jessica Jones) showrunner (of X)
    (re.compile(rf"(?P<p>{NAME}),?\s+(?:is\s+|was\s+)?(?:the\s+|its\s+|their\s+|a\s+)?"
                rf"(?:(?P<s>{NAME})(?:[’']s)?\s+)?(?:co-?)?show-?runner(?:\s+(?:of|on|for)\s+"
                rf"(?P<s2>{NAME}))?"), 0.85),
    # Hal Brennan serves as showrunner (of X)
    (re.compile(rf"(?P<p>{NAME}),?\s+(?:\w+ly\s+|also\s+)?(?:serves|served|will serve|acts|"
                rf"acted|remains|stays|takes over|took over|comes aboard|came aboard|signed on|"
                rf"signs on|joins|joined)\s+(?:on\s+)?as\s+(?:the\s+)?(?:co-?)?show-?runner"
                rf"(?:\s+(?:of|on|for)\s+(?P<s2>{NAME}))?"), 0.85),
    # showrunner alongside / with Dana Ko (the second of two)
    (re.compile(rf"\bshow-?runners?\s+(?:\w+\s+)?(?:alongside|with|together with)\s+"
                rf"(?P<p>{NAME})"), 0.75),
    # X, who runs Y / X runs Y / X previously ran Y
    (re.compile(rf"(?P<p>{NAME}),?\s+(?:who\s+)?(?:\w+ly\s+|also\s+)?(?:runs|ran|will run|"
                rf"is running|has run)\s+(?P<s2>{NAME})"), 0.6),
]  # fmt: skip

# "Wren Castell (Jamie Oduya) is set to appear ... after leading the spin-off Ashfall"
_LEADING = re.compile(
    rf"(?P<c>{NAME})(?:\s*\((?:{NAME})\))?[^.;]{{0,120}}?\b(?:after|since|before|while|when)\s+"
    rf"(?:leading|headlining|fronting|starring in|anchoring)\s+(?:the\s+)?(?:spin-?off\s+|"
    rf"series\s+|show\s+|drama\s+)?(?P<s>{NAME})"
)
_APPEARS_PATTERNS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(rf"(?P<c>{NAME})\s+(?:\w+ly\s+|also\s+)*(?:is\s+|are\s+|was\s+|will\s+be\s+)?"
                rf"(?:hopping|hops|hopped|moving|moves|moved|jumping|jumps|jumped|crossing over|"
                rf"crosses over|crossed over|heading|heads|headed|coming|comes|came|going|goes|"
                rf"went|making the (?:jump|leap|move))\s+(?:over\s+)?from\s+(?P<from>{NAME})\s+"
                rf"(?:over\s+)?to\s+(?P<s>{NAME})"), 0.8),
    (re.compile(rf"\b(?:take|takes|taking|took|bring|brings|bringing|brought)\s+(?P<c>{NAME})"
                rf"\s+(?:back\s+)?(?:over\s+)?to\s+(?P<s>{NAME})"), 0.8),
    # Tobias Fenn will cross over into Tidewater; Eli Stone heads over to Copper Gulch
    (re.compile(rf"(?P<c>{NAME})\s+(?:\w+ly\s+|also\s+)*(?:will\s+|is set to\s+|is going to\s+|"
                rf"is\s+|was\s+)?(?:cross(?:es|ed|ing)? over|head(?:s|ed|ing)? over|"
                rf"mov(?:e|es|ed|ing) over|hop(?:s|ped|ping)? over|jump(?:s|ed|ing)? over|"
                rf"travel(?:s|led|ling)?)\s+(?:in)?to\s+(?P<s>{NAME})"), 0.75),
    (_LEADING, 0.6),
    (re.compile(rf"(?P<c>{NAME})(?:\s*\((?:{NAME})\))?(?:,?\s+who)?\s+(?:\w+ly\s+|also\s+)*"
                rf"(?:will\s+|is set to\s+|is going to\s+|is\s+|was\s+|has\s+)?"
                rf"(?:\w+ly\s+|also\s+|first\s+)*(?:appear|appears|appeared|"
                rf"appearing|show up|shows up|showed up|turn up|turns up|turned up|pop up|"
                rf"pops up|popped up|guest-?stars?|guest-?starred|cameos?|cameoed|return|returns|"
                rf"returned|returning|make an appearance|makes an appearance|made an appearance|"
                rf"joins|joined|will join|has joined)\s+(?:in\s+|on\s+)?(?:the\s+(?:companion|"
                rf"sister|spin-?off|new)\s+(?:series|show)\s+|the\s+(?:\w+\s+)?"
                rf"season\s+of\s+|season\s+\d+\s+of\s+|the\s+(?=[^\W\d_]+\s+"
                rf"(?:finale|premiere|pilot)))?(?P<s>{NAME})"), 0.7),
]  # fmt: skip
# "who played Mara Voss in the first season of Greyharbor": the role's series.
_ROLE_IN = re.compile(
    rf"\s+in\s+(?:the\s+(?:\w+\s+)?season\s+of\s+|season\s+\d+\s+of\s+|the\s+)?"
    rf"(?P<s>{NAME})"
)
# "will also reprise her role in the spin-off Tidewater"
_REPRISE = re.compile(
    rf"(?P<p>{NAME}|\b[Ss]he|\b[Hh]e|\b[Tt]hey)\b[^.;]{{0,120}}?\brepris(?:e|es|ed|ing)\s+"
    rf"(?:his|her|their|the)\s+role(?:\s+as\s+(?P<c>{NAME}))?\s+(?:in|on|for)\s+"
    rf"(?:the\s+)?(?:spin-?off\s+|series\s+|show\s+|sequel\s+|new\s+)*(?P<s>{NAME})"
)

_ENSEMBLE = re.compile(
    r"\b(?:brought together|brings together|bring together|bringing together|unites|united|"
    r"reunites|reunited|features|featured|featuring|includes|included|include|including|"
    r"guest stars|guest-stars|stars|(?:will\s+)?(?:bring|brings|brought)(?=(?:\s+\S+){1,5}\s+"
    r"back\b)|welcomes|welcomed|introduces|introduced)\b"
)
_ITEM = rf"(?:the\s+)?(?:{NAME}[’']s\s+)?{NAME}"
_ENSEMBLE_LIST = re.compile(
    rf"(?:characters?\s+(?:like|such as|including)\s+|(?:interactions?|scenes?)\s+between\s+"
    rf"(?:characters\s+(?:like|such as)\s+)?|back\s+)?(?P<list>{_ITEM}(?:\s*,\s*(?:and\s+)?"
    rf"{_ITEM}|\s+and\s+{_ITEM})*)"
)
_THE_SERIES = re.compile(
    r"\b(?:the|this|that|its)\s+(?:(?:first|second|third|fourth|fifth|new|final|next|"
    r"upcoming|latest)\s+)?(?:mini-?series|series|show|season|team-up|crossover|event)\b",
    re.IGNORECASE,
)


class _Extractor:
    def __init__(self, article: _Article, lex: _Lexicon, nlp: Any = None) -> None:
        self.article = article
        self.ctx = _Context(lex)
        self.facts: list[NewsFact] = []
        self.nlp = nlp
        self.roles: dict[str, str] = {}  # performer key -> the character they play here

    # -- helpers ---------------------------------------------------------------------------

    def add(
        self, kind: str, subject: str, obj: str, line: int, sentence: str, confidence: float
    ) -> None:
        subject, obj = _norm(subject).strip(" ,.;:"), _norm(obj).strip(" ,;:")
        if not subject or not obj:
            return
        if kind != "quote":
            obj = obj.strip(".")
        self.facts.append(
            NewsFact(
                kind,
                subject,
                obj,
                self.article.file,
                line,
                _norm(sentence),
                max(0.05, min(0.99, confidence)),
            )
        )

    def person(self, raw: str) -> str | None:
        """A person's name from a matched NAME, or None if it is not one."""
        name = _strip_start(_norm(raw))
        if not name:
            return None
        words = name.split()
        if self.ctx.is_series(name) and _key(name) not in self.ctx.lex.characters:
            return None
        if all(w in _ORGS or w.lower() in _NOT_NAME_START for w in words):
            return None
        if words[0] == "The":
            return None
        return name

    def learn_persons(self) -> None:
        """Full names seen in the article (two or more capitalised words that are not a series
        or an organisation), so that ``Ritter`` can be read as ``Krysten Ritter``."""
        for para in self.article.paragraphs:
            if para.title:
                continue
            text = para.text.replace("[", "").replace("]", "")
            for m in _NAME_RE.finditer(text):
                name = _strip_start(m.group(0))
                words = name.split()
                if len(words) < 2 or len(words) > 4 or self.ctx.is_series(name):
                    continue
                if any(w in _ORGS or w.lower() in _NOT_NAME_START for w in words):
                    continue
                self.ctx.persons.setdefault(_key(name), name)
                if self.ctx.lex.performer_of.get(_key(name)):
                    self.ctx.performers.add(_key(name))
        if self.nlp is not None:
            for para in self.article.paragraphs:
                for ent in self.nlp(para.text).ents:
                    if ent.label_ == "PERSON" and len(ent.text.split()) >= 2:
                        self.ctx.persons.setdefault(_key(ent.text), _norm(ent.text))

    def series_for(self, sentence: str, para: _Paragraph, offset: int) -> tuple[str, float]:
        """The series a sentence is about: named in it, else the nearest before it in the
        paragraph, else the article's main series. With a confidence factor."""
        named = self.series_in(sentence)
        if named:
            return named[0], 1.0
        before = self.series_in(para.text[:offset])
        if before:
            return before[-1], 0.85
        if self.ctx.series_count:
            return self.ctx.series_count.most_common(1)[0][0], 0.7
        return "", 0.0

    def series_in(self, text: str) -> list[str]:
        out = []
        for m in _NAME_RE.finditer(_unquoted(text)):
            title = self.ctx.is_series(_series_name(m.group(0)) or "")
            if title:
                out.append(title)
        return out

    def main_series(self) -> str | None:
        if self.ctx.series_count:
            return self.ctx.series_count.most_common(1)[0][0]
        return None

    # -- run -------------------------------------------------------------------------------

    def run(self) -> list[NewsFact]:
        _learn_series(self.ctx, self.article)
        self.learn_persons()
        for para in self.article.paragraphs:
            text = para.text.replace("[", "").replace("]", "")  # editorial insertions
            for offset, sentence in _sentences(text):
                self.plays(sentence, para)
                self.showrunner(sentence, para, offset)
                self.appears(sentence, para)
        self.quotes()
        self.sources()
        # Now that the whole article is known, a short name may have a full form ("cast as
        # Jessica" -> "Jessica Jones").
        self.facts = [
            f
            if f.kind not in ("plays", "appears_in")
            else NewsFact(
                f.kind,
                f.subject if f.kind == "plays" else self.ctx.full(f.subject),
                self.ctx.full(f.object) if f.kind == "plays" else f.object,
                f.file,
                f.line,
                f.sentence,
                f.confidence,
            )
            for f in self.facts
        ]
        return _dedupe(self.facts)

    # -- plays -----------------------------------------------------------------------------

    def plays(self, sentence: str, para: _Paragraph) -> None:
        self.sentence_roles: dict[str, str] = {}
        if para.title:
            return
        text = _unquoted(sentence)
        for pattern, confidence, _performer_first in _PLAYS_PATTERNS:
            for m in pattern.finditer(text):
                groups = m.groupdict()
                if groups.get("pron"):
                    performer = self.last_subject_before(para, sentence)
                    confidence_now = confidence
                else:
                    performer = self.person(groups["p"])
                    confidence_now = confidence
                character = _strip_start(_norm(groups["c"]))
                if not performer or not character:
                    continue
                # A character may share its name with a show ("Jessica Jones (Krysten
                # Ritter)", "Charlie Cox's Daredevil"): the pattern says which it is here.
                if character.split()[0] in _ORGS or character.split()[0] == "The":
                    continue
                p_key, c_key = _key(performer), _key(character)
                lex = self.ctx.lex
                # The bible knows who is who: swap or drop a pair it contradicts.
                if p_key in lex.characters and c_key in lex.performers:
                    performer, character = character, performer
                    p_key, c_key = c_key, p_key
                if p_key in lex.characters and p_key not in lex.performers:
                    continue
                if c_key in lex.performers and c_key not in lex.characters:
                    continue
                if (
                    pattern is _PLAYS_PATTERNS[1][0]
                    and len(character.split()) >= 2
                    and len(performer.split()) >= 2
                ):
                    # "Krysten Ritter (Jessica Jones)" or "Jessica Jones (Krysten Ritter)": the
                    # first pattern read it the other way round already; keep only one.
                    continue
                if len(performer.split()) < 2 and p_key not in lex.performers:
                    full = self.ctx.full(performer)
                    if len(full.split()) < 2:
                        continue  # performers are named in full
                    performer = full
                if pattern is _PLAYS_PATTERNS[2][0] and not self.possessive_is_role(
                    performer, character
                ):
                    continue
                if self.ctx.lex.performer_of.get(_key(performer)):
                    confidence_now = max(confidence_now, 0.9)
                self.ctx.performers.add(_key(performer))
                self.ctx.characters.setdefault(_key(character), character)
                performer, character = self.ctx.full(performer), self.ctx.full(character)
                self.roles.setdefault(_key(performer), character)
                self.sentence_roles.setdefault(_key(performer), character)
                self.add("plays", performer, character, para.line, sentence, confidence_now)
                # "... cast as Ada Quill in the second season of Harbor Lights"
                after = _ROLE_IN.match(text, m.end())
                if after is not None:
                    series = self.series_here(after.group("s"), new_ok="season" in after.group(0))
                    if series and _key(series) != _key(character):
                        self.add("appears_in", character, series, para.line, sentence, 0.7)
        self.reprise(text, sentence, para)

    def reprise(self, text: str, sentence: str, para: _Paragraph) -> None:
        """``Lindqvist ... will also reprise her role in the spin-off Tidewater``."""
        for m in _REPRISE.finditer(text):
            if self.hypothetical(text, m.start(), m.end()):
                continue
            raw = m.group("p")
            if raw.lower() in ("she", "he", "they"):
                performer = self.last_subject_before(para, sentence) or ""
            else:
                performer = self.ctx.full(self.person(raw) or "")
            character = (
                m.group("c")
                or self.sentence_roles.get(_key(performer))
                or self.roles.get(_key(performer))
            )
            if not character:
                character = self.ctx.lex.performer_of.get(_key(performer))
            series = self.series_here(m.group("s"), new_ok=True)
            if character and series:
                self.add("appears_in", self.ctx.full(character), series, para.line, sentence, 0.7)

    def series_here(self, raw: str, new_ok: bool = False) -> str | None:
        """A series named where the grammar wants one: a known series, or (``new_ok``) a new
        one when the words around it say it is a show ("the spin-off X", "season 2 of X")."""
        name = _series_name(_norm(raw))
        if not name or re.search(r"-(?:winning|nominated|time|award)\b", name, re.IGNORECASE):
            return None
        known = self.ctx.is_series(name)
        if known or not new_ok:
            return known
        self.ctx.series.setdefault(_key(name), name)
        return name

    def possessive_is_role(self, performer: str, character: str) -> bool:
        """``Charlie Cox's Daredevil`` names a role; ``Ramirez's comments`` does not. The owner
        must be a full personal name and the owned a name (not a series, not an org)."""
        if len(performer.split()) < 2 and _key(performer) not in self.ctx.lex.performers:
            return False
        key = _key(character)
        if key in self.ctx.lex.characters:
            return True
        if key in self.ctx.persons and key not in self.ctx.lex.performers:
            return True
        return not any(w in _ORGS for w in character.split())

    # -- showrunners -----------------------------------------------------------------------

    def showrunner(self, sentence: str, para: _Paragraph, offset: int) -> None:
        if "runner" not in sentence.lower() and " run" not in sentence:
            return
        for pattern, confidence in _SHOWRUNNER_PATTERNS:
            for m in pattern.finditer(sentence):
                groups = m.groupdict()
                person = self.person(groups["p"])
                if not person:
                    continue
                person = self.ctx.full(person)
                if len(person.split()) < 2:
                    continue
                series = None
                for g in ("s", "s2"):
                    if groups.get(g):
                        # "X showrunner", "showrunner of X", "runs X": X is a show even if not
                        # seen as one yet.
                        series = self.series_here(groups[g], new_ok=True)
                        if series:
                            break
                factor = 1.0
                if series is None:
                    series, factor = self.series_for(sentence, para, offset)
                if not series:
                    continue
                self.add("showrunner", person, series, para.line, sentence, confidence * factor)

    # -- appears_in ------------------------------------------------------------------------

    def appears(self, sentence: str, para: _Paragraph) -> None:
        if para.title:
            return
        text = _unquoted(sentence)
        question = sentence.rstrip().endswith("?")
        for pattern, confidence in _APPEARS_PATTERNS:
            for m in pattern.finditer(text):
                if question or self.hypothetical(text, m.start(), m.end()):
                    continue
                groups = m.groupdict()
                target = self.ctx.is_series(_series_name(groups["s"]))
                if not target:
                    continue
                who = self.character_of(groups["c"])
                if who is None:
                    continue
                name, factor = who
                origin = groups.get("from")
                if origin:
                    source_series = self.ctx.is_series(_series_name(origin))
                    if source_series and _key(source_series) != _key(name):
                        self.add(
                            "appears_in", name, source_series, para.line, sentence,
                            confidence * factor,
                        )  # fmt: skip
                if _key(target) != _key(name):
                    self.add("appears_in", name, target, para.line, sentence, confidence * factor)
        self.ensemble(text, sentence, para, question)

    def ensemble(self, text: str, sentence: str, para: _Paragraph, question: bool) -> None:
        """``the series finally brought together A, B, C, and D``; ``The Defenders included
        characters like A, B and C``."""
        trigger = _ENSEMBLE.search(text)
        if trigger is None or question or self.hypothetical(text, 0, trigger.end()):
            return
        head = text[: trigger.start()]
        for boundary in _CLAUSE_START.finditer(head):
            head = text[boundary.end() : trigger.start()]  # the clause of the trigger
        named = self.series_in(head)
        if named:
            series, factor = named[-1], 0.75
        elif _THE_SERIES.search(head) and self.main_series():
            series, factor = self.main_series() or "", 0.6
        else:
            return
        m = _ENSEMBLE_LIST.search(text, trigger.end())
        if m is None or m.start() - trigger.end() > 40:
            return
        for item in _split_list(m.group("list")):
            who = self.character_of(item)
            if who is None:
                continue
            name, f2 = who
            if _key(name) == _key(series) or (self.ctx.is_series(name) and len(name.split()) < 2):
                continue
            self.add("appears_in", name, series, para.line, sentence, factor * f2)

    def character_of(self, raw: str) -> tuple[str, float] | None:
        """The character a name stands for, with a confidence factor: a performer known to
        play a character stands for them; an unknown performer stands for themself, with
        less confidence."""
        name = _norm(raw)
        owner = re.match(rf"(?:the\s+)?({NAME})'s\s+", name)
        if owner is not None:  # "Odile Marchetti's Sister Agnes": the role
            name = name[owner.end() :]
        name = _strip_start(re.sub(r"^the\s+", "", name))
        if not name or name.split()[0] in _ORGS:
            return None
        key = _key(name)
        lex = self.ctx.lex
        if key in lex.performer_of:
            return lex.performer_of[key], 0.95
        if key in lex.characters:
            return lex.characters[key], 1.0
        full = self.ctx.full(name)
        if _key(full) in self.ctx.performers:
            return full, 0.6
        if self.ctx.is_series(name) and len(name.split()) < 2:
            return None
        return full, 0.8

    def hypothetical(self, text: str, start: int, end: int) -> bool:
        """Whether the clause holding ``text[start:end]`` is a hypothesis."""
        clause_start = 0
        for m in _CLAUSE_START.finditer(text, 0, start):
            clause_start = m.end()
        return _HYPOTHETICAL.search(text, clause_start, end) is not None

    # -- quotes ----------------------------------------------------------------------------

    def last_subject_before(self, para: _Paragraph, sentence: str) -> str | None:
        """The person a sentence's pronoun most likely stands for: the last person before it
        who was the subject of a verb of saying or doing (``Ritter says``, ``Ramirez tends``)."""
        speakers = _Speakers()
        for p in self.article.paragraphs:
            end = len(p.text)
            if p is para:
                at = p.text.find(sentence[:30])
                end = at if at >= 0 else end
            self.scan_subjects(p.text[:end], speakers)
            if p is para:
                break
        return speakers.last_subject

    def scan_subjects(self, text: str, speakers: _Speakers) -> None:
        plain = _unquoted(text.replace("[", "").replace("]", ""))
        for m in re.finditer(rf"(?P<n>{NAME})\s+(?:\w+ly\s+)?(?:{_SPEECH_VERBS})\b", plain):
            person = self.person(m.group("n"))
            if person:
                full = self.ctx.full(person)
                if _key(full) not in self.ctx.characters or _key(full) in self.ctx.performers:
                    speakers.last_subject = full

    def quotes(self) -> None:
        previous_text = ""
        speakers = _Speakers()
        for para in self.article.paragraphs:
            if para.title:
                continue
            text = para.text
            last_speaker: str | None = None
            pos = 0
            for q in _quotes(text):
                # What the text was about up to this quote.
                self.scan_subjects(text[pos : q.start], speakers)
                speaker, confidence = self.attribute(text, q, previous_text, speakers)
                if speaker is None and last_speaker is not None:
                    speaker, confidence = last_speaker, 0.7
                if speaker is None and speakers.last_subject:
                    speaker, confidence = speakers.last_subject, 0.5
                if speaker:
                    self.add("quote", speaker, q.text, para.line, q.text, confidence)
                    last_speaker = speaker
                    speakers.last_subject = speaker
                pos = q.end
            self.scan_subjects(text[pos:], speakers)
            previous_text = text

    def attribute(
        self, text: str, q: _Quote, previous: str, speakers: _Speakers
    ) -> tuple[str | None, float]:
        after = text[q.end : q.end + 80]
        m = _AFTER_ATTR.match(after)
        if m is not None:
            raw = m.group("name") or m.group("name2")
            return self.speaker_name(raw, speakers), 0.85
        m = _DESCRIPTOR_ATTR.match(after)
        if m is not None:
            # "..., the actress admitted": the last performer named before the quote.
            role = m.group("d").lower()
            wanted = self.ctx.performers if role in _PERFORMER_WORDS else None
            found = self.last_person_before(text, q.start, wanted)
            if found:
                return found, 0.7
        before = text[max(0, q.start - 120) : q.start]
        m = _BEFORE_ATTR.search(before)
        if m is not None:
            return self.speaker_name(m.group("name"), speakers), 0.8
        if not text[: q.start].strip() and previous.rstrip().endswith(":"):
            # The paragraph before ends "... Ramirez revealed that ...:" and this one quotes him.
            prior = _Speakers()
            self.scan_subjects(previous, prior)
            if prior.last_subject:
                return prior.last_subject, 0.75
        return None, 0.0

    def last_person_before(self, text: str, end: int, among: set[str] | None) -> str | None:
        """The last person named before ``text[end]`` (this paragraph, then the ones before
        it); if ``among`` is given, only one whose key is in it."""
        chunks = [text[:end]]
        index = next((i for i, p in enumerate(self.article.paragraphs) if p.text == text), 0)
        chunks.extend(p.text for p in reversed(self.article.paragraphs[:index]))
        for chunk in chunks:
            plain = _unquoted(chunk.replace("[", "").replace("]", ""))
            for m in reversed(list(_NAME_RE.finditer(plain))):
                person = self.person(m.group(0))
                if not person:
                    continue
                full = self.ctx.full(person)
                if among is None or _key(full) in among:
                    return full
        return None

    def speaker_name(self, raw: str, speakers: _Speakers) -> str | None:
        if raw in _PRONOUNS or raw.lower() in ("he", "she", "they"):
            return speakers.last_subject
        person = self.person(raw)
        return self.ctx.full(person) if person else None

    # -- sources ---------------------------------------------------------------------------

    def sources(self) -> None:
        title = self.article.title
        seen: set[str] = set()
        for outlet, line, text in self.article.sources:
            name = OUTLETS.get(outlet.lower(), outlet)
            if _key(name) not in seen:
                seen.add(_key(name))
                self.add("source", name, title or Path(self.article.file).name, line, text, 0.95)
        for para in self.article.paragraphs:
            for m in _OUTLET_RE.finditer(para.text):
                name = OUTLETS[m.group(1).lower()]
                raw = m.group(1)
                if raw.islower() and raw not in ("io9",):
                    continue  # "people", "time", "empire" as words
                before = para.text[max(0, m.start() - 40) : m.start()]
                cited = _CITE.search(before) is not None
                after = para.text[m.end() : m.end() + 20]
                spoke = re.match(r"\s+(?:spoke|talked|sat down|asked|reports?|reported)", after)
                if not (cited or spoke) or _key(name) in seen:
                    continue
                seen.add(_key(name))
                self.add(
                    "source", name, title or Path(self.article.file).name, para.line, para.text, 0.8
                )


def _tidy(fact: NewsFact) -> NewsFact:
    """Names end where the sentence's punctuation begins ("Frank Castle." -> "Frank Castle")."""
    if fact.kind in ("plays", "showrunner", "appears_in"):
        subject = fact.subject.strip().rstrip(".,;:!?")
        obj = fact.object.strip().rstrip(".,;:!?")
        if (subject, obj) != (fact.subject, fact.object):
            return dataclasses.replace(fact, subject=subject, object=obj)
    return fact


def _dedupe(facts: list[NewsFact]) -> list[NewsFact]:
    best: dict[tuple[str, str, str, str], NewsFact] = {}
    order: list[tuple[str, str, str, str]] = []
    for f in map(_tidy, facts):
        key = (f.file, f.kind, _key(f.subject), _key(f.object))
        old = best.get(key)
        if old is None:
            best[key] = f
            order.append(key)
        elif f.confidence > old.confidence:
            best[key] = f
    out = [best[k] for k in order]
    return sorted(out, key=lambda f: (f.file, f.line, KINDS.index(f.kind)))


# --------------------------------------------------------------------------------------------
# Public API


def _spacy() -> Any:
    """An installed spaCy pipeline, if there is one; never downloads anything."""
    try:
        import spacy  # type: ignore[import-not-found]
    except Exception:  # an optional dependency, absent or broken
        return None
    for name in ("en_core_web_sm", "en_core_web_md", "en_core_web_lg"):
        try:
            return spacy.load(name)
        except Exception:  # not installed: try the next
            continue
    return None


def extract_text(
    text: str, file: str = "<string>", bible: BibleConf | None = None, nlp: Any = None
) -> list[NewsFact]:
    """Facts from one article's text."""
    article = _read_article(text, file)
    return _Extractor(article, _Lexicon.from_bible(bible), nlp).run()


def extract_facts(
    paths: list[Path], bible: BibleConf | None = None, *, use_spacy: bool = True
) -> list[NewsFact]:
    """Read articles (bytes as crawled: any encoding damage is replaced) and propose facts.

    Raises :class:`InputError` for a file that cannot be read.
    """
    lex_nlp = _spacy() if use_spacy else None
    out: list[NewsFact] = []
    for path in paths:
        name = os.fspath(path)
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise InputError(f"cannot read article: {err.strerror or err}", file=name) from err
        text, _diagnostics = decode_text(data, name)
        out.extend(extract_text(text, name, bible, lex_nlp))
    return out


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall of one kind of fact against a gold list."""

    kind: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def matches(fact: NewsFact, gold: dict[str, Any]) -> bool:
    """Whether an extracted fact is a gold fact: same file (by name), kind and subject; the same
    object, except that a quote only has to start with the gold words and a source's object
    is not compared."""
    if Path(fact.file).name != Path(str(gold["file"])).name or fact.kind != gold["kind"]:
        return False
    if _key(fact.subject) != _key(str(gold["subject"])):
        return False
    if fact.kind == "source":
        return True
    if fact.kind == "quote":
        return _key(fact.object).startswith(_key(str(gold["object"])))
    return _key(fact.object) == _key(str(gold["object"]))


def score(facts: Iterable[NewsFact], gold: Iterable[dict[str, Any]]) -> dict[str, Score]:
    """Per kind: each gold fact matched by at most one extracted fact, and the reverse."""
    facts = list(facts)
    gold = list(gold)
    out: dict[str, Score] = {}
    for kind in KINDS:
        mine = [f for f in facts if f.kind == kind]
        wanted = [g for g in gold if g["kind"] == kind]
        used: set[int] = set()
        tp = 0
        for g in wanted:
            hit = next((i for i, f in enumerate(mine) if i not in used and matches(f, g)), None)
            if hit is not None:
                used.add(hit)
                tp += 1
        out[kind] = Score(kind, tp, len(mine) - tp, len(wanted) - tp)
    return out
