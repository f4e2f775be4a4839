"""What kind of work a title is, by the article's own words: a film, a play, an album or a book
is no TV series, and a role in one is no TV role: it is proposed with its ``medium`` (``film``,
``stage``, ``music``, ``book``), which ``tv_only`` leaves out.

Entertainment news that is not about television still reads like casting news ("The Aviator,
starring Leonardo DiCaprio as Howard Hughes", "who plays Hector in The History Boys at the
National Theatre"), and a creator's work reads like a performer's character ("Mike Leigh's Vera
Drake"). The relation rules see one sentence and a titles list that holds films too; this module
looks at what the whole article calls each title and where a role is played:

- a title the article calls a film, a play, a musical, an opera, an album, a single, a song or a
  book ("the film X", "X, the movie", "X album", "biopic X") and never a series is no show:
  what appears in it has its medium, and it is nobody's character and appears in nothing;
- a role whose own sentence sets it in such a work (a film's or a stage's word or title before
  the role, or right after it: "in Mike Leigh's film", "on stage") and names no television has
  the medium its words name;
- an article that never says anything of television (no TV word, no channel, no known series,
  no "show" in an article that names no stage, concert, radio or ceremony) but speaks of films,
  stages or records gives every role and appearance the medium it speaks of most;
- Broadway, the West End, Hollywood are worlds, no work anyone appears in.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

from showbible.news.cinema import stage_or_screen
from showbible.news.cleaning import Article
from showbible.news.facts import NewsFact
from showbible.news.names import NOT_NAME_START, keyof
from showbible.quick import rx

# Nouns for works that are not television. "play" only as a noun (after a determiner),
# "drama" and "comedy" not at all (TV dramas and comedies are as common as films).
_WORK = (
    r"(?:films?|movies?|biopics?|blockbusters?|musicals?|(?<!soap\s)operas?|ballets?|albums?|singles?|"
    r"songs?|novels?|books?|pantomimes?|panto|trilogy|(?:stage|theatre|West\s+End|Broadway)\s+"
    r"(?:show|version|production|revival|adaptation))"
)
_PLAY = r"(?:the|a|his|her|their|new|latest|hit)\s+play"
# Words a sentence uses for a film's or a stage's world.
NOT_TV_WORLD = rx.compile(
    rf"\b(?:{_WORK}|{_PLAY}|film-?makers?|cinemas?|box[\s-]office|Hollywood|Broadway|"
    r"West\s+End|on\s+(?:the\s+)?stage|theatres?|Theatre|directed\s+by|Royal\s+Shakespeare|"
    r"Oscar-nominated|Bollywood)\b",
    re.I,
)
# Words of a record's or a concert's world, for the article as a whole (a singer may be cast).
MUSIC = rx.compile(
    r"\b(?:charts?|gigs?|concerts?|tours?|festivals?|bands?|singers?|rappers?|DJs?|"
    r"records?|label|guitarists?|drummers?|novelists?|authors?|painters?|galler(?:y|ies))\b"
)
ADAPTATION = rx.compile(r"\b(?:film|movie|big-screen|stage)\s+(?:version|adaptation|remake)\b")
# Words for television: any of them in a role's sentence keeps the role a TV role.
TV_WORLD = rx.compile(
    r"\b(?:TV|television|televised|series|sitcoms?|soaps?|episodes?|seasons?|programmes?|"
    r"programs?|telly|BBC\s*(?:One|Two|Three|Four|1|2|3|4)|ITV\d?|Channel\s+(?:4|Four|5|Five)|"
    r"E4|Sky\s+One|HBO|NBC|CBS|ABC|(?<!Century\s)Fox|UPN|CNN|PBS|CW|FX|Showtime|Starz|Netflix|Hulu|"
    r"Disney\+|Peacock|Paramount\+|Prime\s+Video|Apple\s+TV|Nickelodeon|cartoons?|"
    r"sketch\s+show|chat\s+show|game\s+show|showrunners?)\b"
)
# A show of television's: "the long-running show", "its show", in an article that names no
# other kind of show (a stage's, a concert's, a radio's, a ceremony's, a fair's)
_A_SHOW = rx.compile(
    r"\b(?:the|a|an|his|her|its|their|this|that|whose|hit|long-running)\s+(?:[\w'’-]+\s+){0,2}?"
    r"shows?\b",
    re.I,
)
_OTHER_SHOWS = rx.compile(
    rf"\b(?:stage|theat(?:re|er)s?|Broadway|West\s+End|musicals?|(?<!soap\s)operas?|ballets?|"
    rf"pantomimes?|panto|{_PLAY}|Royal\s+Shakespeare|radio|DJs?|ceremon(?:y|ies)|awards?\s+shows?|"
    rf"road\s*shows?|fashion|motor\s+show|exhibitions?|galler(?:y|ies)|concerts?|gigs?|tours?|"
    rf"festivals?|bands?|singers?|rappers?|tickets?)\b",
    re.I,
)


def tv_show_word(text: str) -> bool:
    """Whether a text speaks of a show that can only be television's: a show (a noun: "the
    long-running show") in a text that names no stage, concert, radio, ceremony or fair."""
    return _A_SHOW.search(text) is not None and _OTHER_SHOWS.search(text) is None


# After a role, the phrase that says where it is played ("in Mike Leigh's latest film Vera
# Drake", "for the Royal Shakespeare Company"); not "on stage", which tells where a role that
# lives on elsewhere began ("originated the role of X on stage"); but "on Broadway", which
# names the stage's world ("best known for her role as X on Broadway").
_WHERE_AFTER = rx.compile(r"\s*,?\s*(?:in|at|for|on(?=\s+Broadway\b))\s+[^.;,:()-]{0,60}")


def _called(text: str, title: str) -> tuple[str, bool]:
    """The words by which the text calls a title a work that is not television ("" when it
    does not), and whether it calls it a series (either way, by a noun just before or just
    after one of its mentions)."""
    t = re.escape(title)
    other = re.search(
        rf"\b(?:{_WORK}|{_PLAY})\s*,?\s+{t}\b"  # "the film X", "biopic X", "hit play X"
        rf"|(?<![\w-]){t}(?:['’]s?)?\s+{_WORK}\b"  # "X album", "the Harry Potter films"
        rf"|(?<![\w-]){t}\s*,\s*(?:the|a|an|his|her|their|its)\s+"
        rf"(?:(?!to\b|will\b|would\b|could\b|can\b)[\w'’-]+\s+){{0,3}}"
        rf"(?:{_WORK}|play)\b"  # "X, a new film", "X, Mike Leigh's film"
        rf"|(?<![\w-]){t}\s*\(\s*(?:{_WORK}|play)\b"  # "X (film)"
        # "the film adaptation of X": in this article X is what a film is made of
        rf"|\b(?:film|movie|big-screen|stage)\s+(?:version|adaptation|remake)\s+of\s+"
        rf"(?:(?:the\s+)?(?:[\w'’-]+\s+){{0,3}})?{t}\b"
        # "X has been named best film", "X won best British film"
        # "X has been tipped ... to win the best film award"
        rf"|(?<![\w-]){t}\s+(?:has\s+been\s+|was\s+|is\s+)?(?:named|won|wins|took|picked\s+up|"
        rf"tipped|nominated|shortlisted)\s+(?:[\w'’-]+\s+){{0,8}}?(?:the\s+)?best\s+"
        rf"(?:[\w-]+\s+){{0,2}}(?:film|picture|movie|musical|album|single|song)\b"
        # box office takings: "X took $25m", "X, which has taken £48m"
        rf"|(?<![\w-]){t}\s*,?\s+(?:which\s+)?(?:has\s+|had\s+)?(?:took|taken|taking|grossed|"
        rf"earned|made|makes)\s+(?:more\s+than\s+|almost\s+|nearly\s+|over\s+)?[$£€]",
        text,
        re.I,
    )
    tv = re.search(
        rf"\b(?:series|sitcoms?|soaps?(?:\s+operas?)?|programmes?|TV\s+shows?|television\s+shows?|"
        rf"cartoons?|TV\s+dramas?|TV\s+comedy)\s*,?\s+{t}\b"
        rf"|(?<![\w-]){t}(?:['’]s)?\s+(?:series|sitcom|soap|episodes?|seasons?|spin-?off)\b"
        rf"|(?<![\w-]){t}\s*\(\s*(?:BBC|ITV|Channel|E4|Sky|HBO|NBC|CBS|ABC|Fox|UPN)",
        text,
        re.I,
    )
    return (other.group(0) if other is not None else ""), tv is not None


class Works:
    """What one article calls its titles."""

    def __init__(self, article: Article, known: Callable[[str], bool]) -> None:
        self.text = article.text
        self.known = known
        self._kinds: dict[str, tuple[str, bool]] = {}
        # without a TV word nothing is called a series, so only a known title can say "TV"
        # (looked up first: a long article holds thousands of capitalised spans)
        self.says_tv = (
            TV_WORLD.search(self.text) is not None
            or tv_show_word(self.text)  # "who was X in the long-running show"
            or any(self.known(t) and not self._kind(t)[0] for t in set(_titles(self.text)))
        )
        # one aside ("fresh from a Broadway run") does not make an article a film's or a stage's
        self.says_other = len(NOT_TV_WORLD.findall(self.text) + MUSIC.findall(self.text)) >= 2

    def _kind(self, title: str) -> tuple[str, bool]:
        k = keyof(title)
        if k not in self._kinds:
            self._kinds[k] = _called(self.text, title) if title.strip() else ("", False)
        return self._kinds[k]

    def not_tv(self, title: str) -> bool:
        """A title the article calls a film, a play, an album or a book, and never a series."""
        other, tv = self._kind(title)
        return bool(other) and not tv

    def medium(self, title: str) -> str:
        """The world of a title the article calls no series ("the 2002 film X": film)."""
        return medium_of(self._kind(title)[0])

    def tv(self, title: str) -> bool:
        """A title the article calls a series, or one a titles list knows that the article
        does not call a film or the like."""
        other, tv = self._kind(title)
        return tv or (not other and self.known(title))

    def screen_performer(self, name: str) -> bool:
        """A performer the article calls a film's or a stage's ("Film actress X", "Hollywood
        star X")."""
        last = re.escape(name.split()[-1]) if name.split() else ""
        return (
            bool(last)
            and re.search(
                rf"\b(?:[Ff]ilm|[Mm]ovie|Hollywood|[Ss]tage|[Tt]heatre|Broadway|West\s+End|[Oo]pera)"
                rf"\s+(?:actor|actress|star|legend|icon|veteran|great)\s+(?:[A-Z][\w'’-]*\s+){{0,2}}"
                rf"{last}\b",
                self.text,
            )
            is not None
        )

    def tv_sentence(self, sentence: str) -> bool:
        return TV_WORLD.search(sentence) is not None or any(self.tv(t) for t in _titles(sentence))

    def stage_or_screen_role(self, fact: NewsFact) -> bool:
        """A ``plays`` fact whose sentence sets the role in a film or on a stage (its words or
        a title the article calls so, before the role or right after it) and says nothing of
        television."""
        sentence = fact.sentence
        at = _find(sentence, fact.object)
        if at < 0:
            return False
        where = _WHERE_AFTER.match(sentence, at)
        before = sentence[:at]
        # the performer's own credit, set off by commas before the role's verb ("Tom Reyes,
        # who played the Genie on Broadway, will star as ...") is not where the role is played
        # the role's own clause: "has appeared in many films, but fans know him as X"
        before = re.split(r"[;:]|,\s+(?:but|while|whereas|although|though|and)\s", before)[-1]
        who = _find(before, fact.subject)
        if who >= 0:
            before = before[:who] + re.sub(r"^\s*,[^,]*,", " ", before[who:])
        around = before + (where.group(0) if where else "")
        if ADAPTATION.search(around):
            return True  # "the role of X in a film version of Miami Vice"
        if TV_WORLD.search(around) or any(self.tv(t) for t in _titles(around)):
            return False
        return NOT_TV_WORLD.search(around) is not None or any(
            self.not_tv(t) for t in _titles(around)
        )


def _find(sentence: str, name: str) -> int:
    """Where a name ends in its sentence (its full form, else its last word, else its first),
    or -1."""
    for form in (name, name.split()[-1] if name.split() else "", name.split()[0] if name else ""):
        if not form:
            continue
        m = re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sentence)
        if m:
            return m.end()
    return -1


_TITLE = rx.compile(
    r"(?:[A-Z][\w'’-]*|\d[\w/]*)(?:\s+(?:(?:of|the|and|in|on|a|to|for)\s+)*(?:[A-Z][\w'’-]*|\d+))*"
)


def _titles(text: str) -> Iterable[str]:
    """The capitalised spans that may be titles: not a lone function word ("The", "In") nor a
    lone nationality ("British series X" names X)."""
    for m in _TITLE.finditer(text):
        span = m.group(0)
        # "In Lantern Bay, ...": a sentence's first word glued to the title after it
        # (both forms: "Will and Grace" is a title whole)
        head, _, rest = span.partition(" ")
        if rest[:1].isupper() and head.lower() in NOT_NAME_START and head != "The":
            yield rest
        if " " not in span and (span.lower() in NOT_NAME_START or _DEMONYM.match(span)):
            continue
        yield span


_DEMONYM = rx.compile(r"[A-Z][a-z]+(?:ish|ian|can|ese)$|US$|UK$")


# Which world a word of NOT_TV_WORLD or MUSIC belongs to, tried in this order on the words
# that set a role there (the stage's before the film's: "the film of the musical" is a stage's)
_MEDIA_WORDS = (
    ("stage", rx.compile(
        r"\b(?:musicals?|(?<!soap\s)operas?|ballets?|pantomimes?|panto|play|stage|theat(?:re|er)s?|"
        r"Broadway|Off-Broadway|West\s+End|Royal\s+Shakespeare)\b", re.I)),
    ("music", rx.compile(
        r"\b(?:albums?|singles?|songs?|charts?|gigs?|concerts?|tours?|bands?|singers?|rappers?|"
        r"records?|label)\b", re.I)),
    ("book", rx.compile(r"\b(?:novels?|books?|trilogy|novelists?|authors?)\b", re.I)),
    ("film", rx.compile(
        r"\b(?:films?|movies?|biopics?|blockbusters?|film-?makers?|cinemas?|box[\s-]office|"
        r"Hollywood|Bollywood|Oscar-nominated|directed\s+by|big[\s-]screen)\b", re.I)),
)  # fmt: skip


def medium_of(text: str) -> str:
    """The world (``film``, ``stage``, ``music``, ``book``) whose word comes first in ``text``;
    ``film`` when none does (a title the article calls no series, named without a word)."""
    found = [(m.start(), medium) for medium, pattern in _MEDIA_WORDS if (m := pattern.search(text))]
    return min(found)[1] if found else "film"


def _article_medium(text: str) -> str:
    """The world an article speaks of most, of the four."""
    counts = {medium: len(pattern.findall(text)) for medium, pattern in _MEDIA_WORDS}
    return max(counts, key=lambda medium: counts[medium]) if any(counts.values()) else "film"


def mark_media(
    facts: list[NewsFact], article: Article, known: Callable[[str], bool]
) -> list[NewsFact]:
    """The roles and appearances of an article marked with the world they are in when the
    article says it is not television (see the module's docstring), by what it calls its works
    and the series ``known`` knows; a title read as a character or a performer dropped; other
    kinds of fact unchanged."""
    works = Works(article, known)
    # "Broadway star X ... reprise his role as Evan": the stage's world, no work
    facts = [f for f in facts if not (f.kind == "appears_in" and stage_or_screen(f.object))]
    if not works.says_tv and works.says_other:
        medium = _article_medium(article.text)
        return [
            dataclasses.replace(f, medium=medium) if f.kind in ("plays", "appears_in") else f
            for f in facts
        ]
    elsewhere = {
        keyof(f.subject): f.object
        for f in facts
        if f.kind == "appears_in" and works.not_tv(f.object)
    }
    on_tv = {
        keyof(f.subject) for f in facts if f.kind == "appears_in" and not works.not_tv(f.object)
    }
    # a role set on a stage or a screen takes its character's appearance of that line along;
    # so does a role of a performer the article calls a film or stage actor, in a sentence
    # that says nothing of television ("Film actress Annette Bening ... Bening played X")
    staged = {
        (keyof(f.object), f.line): medium_of(f.sentence)
        for f in facts
        if f.kind == "plays"
        and (
            works.stage_or_screen_role(f)
            or (works.screen_performer(f.subject) and not works.tv_sentence(f.sentence))
        )
    }
    out = []
    for f in facts:
        medium = ""
        if f.kind == "appears_in":
            if works.not_tv(f.subject):
                continue  # a film's or a play's title read as a character
            if works.not_tv(f.object):
                medium = works.medium(f.object)
            else:
                medium = staged.get((keyof(f.subject), f.line), "")
        elif f.kind == "plays":
            if works.not_tv(f.object):
                continue  # a film's or a play's title read as a role
            if keyof(f.object) in elsewhere and keyof(f.object) not in on_tv:
                medium = works.medium(elsewhere[keyof(f.object)])
            else:
                medium = staged.get((keyof(f.object), f.line), "")
        out.append(dataclasses.replace(f, medium=medium) if medium else f)
    return out


def television_only(facts: list[NewsFact]) -> list[NewsFact]:
    """The facts of television (and the kinds that have no world): what a universe of series
    alone takes."""
    return [f for f in facts if not f.medium]
