"""Shows named plainly ("a reunion of the Frasier cast" is cued; "Kelsey Grammar returns to
Frasier" is not): a list of real titles is one piece of evidence that a capitalised span is a
show, never the only one.

The list ships with the package (news/data/titles.tsv: English scripted and animated series
from CC0 streaming catalogues, built by bench/news_titles_cc0.py; data/README.md says whence).
$SHOWBIBLE_TITLES names another list (one title a line, optionally a tab and its first year)
and "none" turns the list off; it is loaded once, and when it is absent or off this step does
nothing. A known title is taken as a show when the sentence also says so:

- any title, with strong context: the words the press puts around a show ("on X", "episode of
  X", "X star Jane Doe", "X (1982)", "NBC's X");
- a title of two words or more (not counting "The"), also with weak context: a television
  predicate in the sentence (appears, guest, cameo, reprise, crossover, episode, ...) or a
  performer or character the article names (a name with evidence of either). "Cheers",
  "Friends", "House", "Lost", "The Office" are words before they are titles: they need strong
  context;
- a title of two words or more named in two sentences of an article about a story on screen
  (the article says "characters", "episode", "series" ... twice or more): the subject of a
  review or a recap, which names its show without saying it is one.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import cache
from pathlib import Path

from showbible.news.cleaning import Article, sentences, unquoted
from showbible.news.entities import Knowledge
from showbible.news.names import NAME, WEEKDAYS, YEAR_SEASONS, keyof
from showbible.news.series import TITLE, series_name
from showbible.quick import rx

TITLES_ENV = "SHOWBIBLE_TITLES"
PACKAGED_TITLES = Path(__file__).with_name("data") / "titles.tsv"
NO_TITLES = "none"  # $SHOWBIBLE_TITLES=none: read without a list (tests, comparisons)

_SPAN = rx.compile(TITLE)
# What may stand around a known title inside one capitalised span: before it, a preposition
# ("Kramer on Cheers"), a possessive ("HBO's Rome"), a word that opens a sentence ("In", "When");
# after it, a preposition or "and" ("Cheers and Frasier"). "of", "the", "a" join the words of a
# longer title ("House of the Dragon", "Game of Thrones"): no title starts or ends there.
_JOINS = frozenset({"and", "&", "at", "in", "on", "for", "with", "from", "to", "by"})
_OPENS = rx.compile(
    r"(?:and|&|at|in|on|for|with|from|to|by|[\w.\-]+[’']s?|In|On|When|While|After|Before|Like|"
    r"Unlike|Since|Both|Even|Also|From|With|And|But|Then|Now|As)"
)
_NETWORK = (
    r"(?:NBC|CBS|ABC|Fox|FOX|HBO|Netflix|Hulu|AMC|FX|Showtime|Starz|Peacock|Paramount\+|"
    r"Disney\+|Amazon|Apple TV\+|The CW|CW|BBC|ITV|Syfy|USA|TNT|TBS|Freeform)"
)
# Strong context: what only a show is ("on Cheers", "episode of Lost", "the Frasier revival").
_STRONG_BEFORE = rx.compile(
    rf"(?:\b(?:on|episodes?\s+of|seasons?\s+of|cast\s+of|revival\s+of|reboot\s+of|"
    rf"spin-?off\s+of|finale\s+of|premiere\s+of|star\s+of|stars\s+of|"
    # where a performer guests: "a cameo in Friends", "guest-stars on House"
    rf"(?:appear(?:s|ed|ing)?|guest(?:-?starr?(?:s|ed|ing)?)?|cameo(?:s|ed)?|"
    rf"cross(?:es|ed)?\s+over)\s+(?:to|in|into))|"
    rf"{_NETWORK}[’']s)\s+$"
)
# "return to The Office as Holly Flax": a place one returns to is not returned to as a role
_RETURN_TO = rx.compile(r"\b(?:return(?:s|ed|ing)?|(?:comes?|came|coming)\s+back)\s+to\s+$")
_AS_ROLE = rx.compile(r"^\s+as\s+[A-Z]")
_STRONG_AFTER = rx.compile(
    r"^(?:\s+(?:stars?|co-stars?|alums?|cast(?:\s+members?)?|actors?|actress(?:es)?|"
    r"episodes?|finale|premiere|pilot|revival|reboot|spin-?off|sequel|prequel|reunion|"
    r"characters?|creator|showrunner|writers)\b|\s*\((?:19|20)\d\d\))"
    # what only a show does or is: "Cheers was on hiatus", "The Flintstones was an established
    # hit", "X premiered in 1989"
    r"|^\s+(?:(?:is|was|were)\s+(?:(?:\w+ly\s+)?(?:on\s+hiatus|cancell?ed|renewed|picked\s+up)\b|"
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:hit|sitcom|series|show|drama|comedy|cartoon)\b)|"
    r"(?:aired|airs|premiered|premieres|debuted|wrapped)\b)"
    # a show's own character, named in full: "Cheers' Sam Malone"
    r"|^[’']s?\s+[A-Z][\w.\-]+\s+[A-Z][\w.\-]+"
)
# Weak context: the sentence is about television work.
_POSSESSIVE_END = rx.compile(r"[’']s$")
_TV_PREDICATE = rx.compile(
    r"\b(?:appear(?:s|ed|ing|ance|ances)?|guest(?:-?starr?(?:ed|ing|s)?)?|cameos?|"
    r"reprise[sd]?|reprising|crossovers?|episodes?|seasons?|sitcom|series|spin-?off|"
    r"revival|reboot|starred|starring|co-starred|cast|portray(?:s|ed)?|played|plays|"
    r"voiced|role|shows?|premieres?|premiered|streamed|streaming)\b",
    re.IGNORECASE,
)
# What an article about a story on screen says somewhere: the subject of a review or a recap.
_FICTION = rx.compile(
    r"\b(?:characters?|episodes?|seasons?|series|shows?|finale|premiere|recap|review|plot|"
    r"storylines?|story|narrative|viewers|audiences?|fans|cast|actors?|actress(?:es)?|writers?|"
    r"showrunners?|sitcom|drama|comedy|cliffhanger)\b",
    re.IGNORECASE,
)
# A cast pair, "Jax Teller (Charlie Hunnam)": a sentence naming one is about television.
_PAIR = rx.compile(rf"{NAME}\s*\(\s*{NAME}\s*\)")


def titles_path() -> Path | None:
    """The list to read: $SHOWBIBLE_TITLES, else the packaged one; None when turned off."""
    chosen = os.environ.get(TITLES_ENV)
    if not chosen:  # unset, or set to nothing
        return PACKAGED_TITLES
    if chosen.strip().lower() == NO_TITLES:
        return None
    return Path(chosen)


@cache
def load_titles(path: Path | None) -> dict[str, str]:
    """key -> title, from a list of one title a line (a tab then anything may follow; a line
    opening with "#" is a comment); empty when the file is absent or the list is off."""
    if path is None or not path.is_file():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        title = line.split("\t", 1)[0].strip()
        if title and not title.startswith("#"):
            out.setdefault(keyof(title), title)
    return out


def common_title(title: str) -> bool:
    """One word besides an article: "Cheers", "The Office", "Lost". Such a title is a word
    before it is a show."""
    return len([w for w in title.split() if w not in ("The", "A", "An")]) <= 1


def _candidates(span: str) -> list[tuple[int, int]]:
    """Word ranges of a span, longest first: "Kelsey Grammer's Frasier" holds "Frasier"."""
    n = len(span.split())
    return sorted(
        ((i, j) for i in range(n) for j in range(i + 1, min(n, i + 7) + 1)),
        key=lambda r: (r[0] - r[1], r[0]),
    )


def learn_known_titles(
    kb: Knowledge, article: Article, titles: dict[str, str] | None = None
) -> int:
    """Add the known titles the article names plainly with context; the number added."""
    titles = titles if titles is not None else load_titles(titles_path())
    if not titles:
        return 0
    added = 0
    bare: Counter[str] = Counter()  # titles named without context: once per sentence
    for para in article.paragraphs:
        if para.title:
            continue  # a headline has no sentence around its words
        for _, sentence in sentences(unquoted(para.text)):
            people = {
                k
                for k, name in kb.persons.items()
                if (kb.evidence[k] != 0 or k in kb.characters or k in kb.lex.performers)
                and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence)
            }
            predicate = bool(_TV_PREDICATE.search(sentence) or _PAIR.search(sentence))
            named: set[str] = set()
            for m in _SPAN.finditer(sentence):
                found = _known_in(kb, titles, sentence, m.start(), m.group(0), predicate, people)
                if found is None:
                    continue
                title, said = found
                if said:
                    _take(kb, title)
                    added += 1
                else:
                    named.add(title)
            bare.update(named)
    # The article's own subject: a title of two words or more named in two sentences or more
    # of an article about television ("The Handmaid's Tale has often been bleak ...", "... as
    # The Handmaid's Tale ends"), as a review or a recap names its show without saying it is
    # one. A street or a book of that name in an article about something else stays a name.
    television = sum(len(_FICTION.findall(p.text)) for p in article.paragraphs) >= 2
    for title, n in bare.items():
        if n >= 2 and television and not kb.is_series(title):
            _take(kb, title)
            added += 1
    return added


def _only_a_day(day: str, text: str) -> bool:
    """Whether every mention of ``day`` in ``text`` is a time ("on Friday", "last Friday")."""
    said = [m.start() for m in re.finditer(rf"\b{day}\b", text)]
    return bool(said) and all(
        re.search(r"\b(?:on|last|next|this|every|from|until|till|by|since|that|each)\s+$",
                  text[max(0, at - 12) : at], re.IGNORECASE)
        for at in said
    )  # fmt: skip


def _take(kb: Knowledge, title: str) -> None:
    kb.add_series(title, exact=True)
    # the capitalised words were counted as a person's name until now
    kb.persons.pop(keyof(title), None)


def forget_days(kb: Knowledge, titles: dict[str, str] | None = None, text: str = "") -> bool:
    """A day of the week read as a show once ("Sunday's second season premiere", "Tuesday's
    finale": the day it airs), or only ever as a day ("filmed scenes with the show's younger
    cast on Friday", a caption saying it again), is a show only when the titles list knows it;
    an article about Wednesday names it again. A season of the year ("Winter TV preview: ...",
    "our Winter TV Preview") is one only when the list knows it, however often it is named.
    ``text``: the article. Whether any was taken back."""
    titles = titles if titles is not None else load_titles(titles_path())
    days = [
        t
        for t in set(kb.series.values())
        if keyof(t) not in titles
        and (
            (t in WEEKDAYS and (kb.series_count[t] <= 1 or _only_a_day(t, text)))
            or t in YEAR_SEASONS
        )
    ]
    for title in days:
        kb.forget_series(title)
    return bool(days)


def _known_in(
    kb: Knowledge,
    titles: dict[str, str],
    sentence: str,
    start: int,
    span: str,
    predicate: bool,
    people: set[str],
) -> tuple[str, bool] | None:
    """The known title in this span, and whether the words around it say it is a show; a
    title of one word (besides an article) is returned only when they do."""
    words = span.split()
    for i, j in _candidates(span):
        part = " ".join(words[i:j])
        # "Grey's Anatomy's Ellen Pompeo": the show's possessive before one of its people
        owner = _POSSESSIVE_END.sub("", part) if j < len(words) else part
        if owner != part and keyof(owner) in titles:
            part = owner
        k = keyof(part)
        if k not in titles or kb.is_series(part):
            continue
        if k in kb.characters or k in kb.lex.characters:
            continue  # "Jessica Jones": the article uses it as a character's name
        if k in kb.lex.performers or kb.evidence[k] != 0 or not series_name(part, inside=True):
            continue
        if (i > 0 and not _OPENS.fullmatch(words[i - 1])) or (
            j < len(words) and words[j] not in _JOINS and part == " ".join(words[i:j])
        ):
            continue  # "Marshal Eli Stone": a known title inside a longer name is no title
        at = start + len(" ".join(words[:i])) + (1 if i else 0)
        before, after = sentence[:at], sentence[at + len(part) :]
        if re.match(r"^[’']s?\s+[a-z]", after) or re.match(r"^\s*\(\s*[A-Z]", after):
            continue  # "Frasier's brother", "Frasier (Kelsey Grammer)": a character
        if re.search(r"\b(?:[Aa]s|[Pp]lays?|[Pp]layed|[Pp]laying|named|called)\s+$", before):
            continue  # "as Frasier", "plays Eli Stone": a role
        weak = predicate or bool(people - {k})
        strong = bool(
            _STRONG_BEFORE.search(before)
            or _STRONG_AFTER.match(after)
            or (_RETURN_TO.search(before) and _AS_ROLE.match(after))
        )
        opening = not before.strip()
        # "Eli Stone" after "As Marshal Eli Stone, ...": the short form of a name the article
        # uses, unless the words around it say it is a show ("the Dexter revival")
        in_name = any(p.endswith(f" {k}") or p.startswith(f"{k} ") for p in kb.persons)
        if strong or (weak and not common_title(part) and not opening and not in_name):
            return titles[k], True
        if not common_title(part) and not in_name:
            return titles[k], False
    return None
