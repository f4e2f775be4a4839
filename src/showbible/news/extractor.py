"""What every part of the reader shares while it reads one article: the article, what is known
of its entities, the facts found so far, and the small judgements they all need (is this a
person, which character does a name stand for, which series is a sentence about, is this clause
a hypothesis)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from showbible.news.cleaning import Article, Paragraph, sentences, unquoted
from showbible.news.credits import credited
from showbible.news.entities import (
    NAM,
    SER,
    Knowledge,
    Marked,
    Mention,
    describes_other,
    films_or_past,
)
from showbible.news.facts import NewsFact
from showbible.news.kinship import kinship, referred
from showbible.news.names import (
    NAME,
    NUMBER_WORDS,
    ORGS,
    OUTLETS,
    PRONOUNS,
    SPEECH_VERBS,
    keyof,
    norm,
    strip_start,
)
from showbible.news.places import peoples_word, place_shaped
from showbible.quick import rx

# Words that make a clause a hypothesis, a hope or a report of talks, not a fact.
HEDGE = rx.compile(
    r"\b(?:would|could|might|(?-i:may|(?<![\w,]\s)May(?!\s+\d))|should|if|whether|rumou?red|rumou?rs?|possibly|perhaps|maybe|"
    r"hopes?|hoping|wants? to|wish|wishes|expected to|in talks|in negotiations|potential|"
    r"possible|likely|unlikely|reportedly|allegedly|if true|remains? to be seen|speculat\w+|"
    r"theor(?:y|ies|i[sz]e)|nothing (?:is )?planned|not (?:yet )?confirmed|"
    r"nothing (?:has been |is )?(?:\w+ly )?confirmed|expressed (?:an? )?interest|open to|hinted|"
    r"hints? at|(?:want|wants|wanted)\s+(?:\S+\s+){1,3}?to|"  # "fans want X to return"
    r"(?:was|were) going to)\b",  # "X was going to show up on Y": a past plan, not a fact
    re.IGNORECASE,
)
CLAUSE_START = rx.compile(
    r"[;:—–(]|,\s+(?:but|while|and)\b|\bbut\b|\band\b(?=\s+(?:we|they|he|she|it)\b)"
)
# Where the clause holding a name ends: the next clause, or a relative clause about someone.
_CLAUSE_END = rx.compile(CLAUSE_START.pattern + r"|,?\s+\b(?:who|whom|whose|which)\b")
# A paragraph that opens on a show as the subject of its verb: "Power Book II: Ghost begins ..."
_OPENS_ON = rx.compile(rf"^\W*({SER})\W*\s+(?:\w+ly\s+)?[a-z]")
_SCENE = rx.compile(
    rf"^\W*(?:In|On|During|Over\s+on)\s+(?:the\s+|this\s+week[’']s\s+|last\s+night[’']s\s+)?"
    rf"({SER})(?:[’']s?)?(?:\s+(?:[\w\-]+\s+){{0,2}}?(?:episode|hour|half|finale|premiere))?\s*,"
)
_THE_SHOW = rx.compile(
    r"^\W*(?:The|This|That|Its)\s+(?:[a-z][\w\-]*\s+){0,2}(?:series|show|drama|comedy|sitcom|"
    r"procedural|spin-?off|film|movie)\b"
)
# "The Crown star Olivia": the show as a performer's credit
_STAR_CREDIT = rx.compile(rf"(?P<s>{SER})\s+(?:actor|actress|star|alum)\s+(?P<p>{NAM})")
_ASIDE = rx.compile(r"\((?![^()]*\b(?:19|20)\d\d\))[^()]{12,}\)")  # not "Daredevil (2015)"
NEGATION = rx.compile(r"\b(?:no longer|not|never|won't|isn't|wasn't|rather than|instead of)\b")
# A work named by what it is, after a preposition: "in the police drama", "in the Netflix
# show", "in the series" (not "the film industry", "the show's creator").
_DESCRIBED_WORK = rx.compile(
    r"\b(?:in|on|for)\s+the\s+(?:[\w\-]+\s+){0,2}?(?:drama|series|show|sitcom|thriller|comedy|"
    r"film|movie|miniseries|programme|adaptation|biopic|musical|remake|reboot)\b"
    r"(?!\s*[’']s\b|\s+(?:industry|business|world)\b)"
)


# A section heading: a short line without a sentence's end, not a list's bullet ("THE CW's IN
# THE DARK", "Grey's Anatomy (ABC)"); it governs the paragraphs under it, at most _SECTION of them.
_HEADING = rx.compile(r"(?![•*\-–—]\s)[^\n]{1,100}(?<![.!?:;,])")
_SECTION = 8
# A line that links to another page: "... and More >>>", "Related: ...", "Read more: ..."
_LINK = rx.compile(
    r"(?:>>>?|»|→)\s*$|^\W*(?:Related|Read\s+more|Read\s+also|Also\s+read|See\s+also)\b\s*:"
)


@dataclass
class Speakers:
    """Who the text was last about, to attribute quotes with a pronoun or no attribution."""

    last_subject: str | None = None  # the last "NAME says/teases/..." before here
    last_person: str | None = None  # the last person named before here


# "X season 2", "X Season Four", "X series two": a show given a season
_SEASON_AFTER = rx.compile(rf"^[”\"’']?\s+(?i:season|series)\s+(?i:\d+|{NUMBER_WORDS})\b")


class Extractor:
    offset = 0  # of the sentence being read, in its paragraph

    def __init__(self, article: Article, kb: Knowledge) -> None:
        self.article = article
        self.kb = kb
        self.facts: list[NewsFact] = []
        self._subjects_at: list[str | None] = []  # see last_subject_before
        self._kin: dict[str, str] | None = None  # see kin
        self._sections: dict[int, str] | None = None  # see section_headings
        self._credits_only: set[str] | None = None  # see credits_only
        self._starred: dict[str, set[str]] | None = None  # see another_star_credit

    def add(
        self,
        kind: str,
        subject: str,
        obj: str,
        line: int,
        sentence: str,
        confidence: float,
        qualifier: str = "",
        title_role: bool = False,
    ) -> None:
        """Propose a fact. ``title_role``: an appearance of a role a performer is cast in, which
        may be in the show named for it ("the husband of Grace, played by Debra Messing" in Will
        and Grace): the guards against a show's own name read as a character are not asked."""
        subject, obj = norm(subject).strip(" ,.;:"), norm(obj).strip(" ,;:")
        if not subject or not obj:
            return
        if kind != "quote":
            obj = obj.strip(".") if not obj.endswith((".D.", ".I.")) else obj
            if keyof(subject) == keyof(obj) and not title_role:
                return
            title_words = [re.sub(r"[’']s$", "", w) for w in keyof(obj).split()]
            alone = keyof(subject)
            if (
                kind == "appears_in"
                and not title_role
                and (
                    keyof(obj) in alone.split()  # "Dexter Morgan" in "Dexter": its own title show
                    or (" " not in alone and {alone, alone + "s"} & {*title_words})
                )
            ):
                return  # "Bob" in "Bob's Burgers", "Grace" in "Will and Grace": a title role
            role = subject if kind == "appears_in" else obj if kind == "plays" else ""
            said = norm(sentence) if role else ""
            if role and place_shaped(role, said):
                return  # "Ramsay Street", "north of Sydney": a place read as a role
            if role and peoples_word(role, said):
                return  # "as Sokovian telepathic Wanda Maximoff": an adjective
            if role and keyof(role) in OUTLETS:
                return  # "MailOnline can reveal": the outlet telling the story
        if qualifier == "hedged":
            confidence *= 0.5
        self.facts.append(
            NewsFact(
                kind,
                subject,
                obj,
                self.article.file,
                line,
                norm(sentence),
                max(0.05, min(0.99, confidence)),
                qualifier,
            )
        )

    def person(self, raw: str) -> str | None:
        """A person's name from a matched name, or None if it is not one."""
        name = strip_start(norm(raw))
        if not name:
            return None
        words = name.split()
        if self.kb.is_series(name) and keyof(name) not in self.kb.lex.characters:
            return None
        if all(w in ORGS for w in words) or words[0] == "The":
            return None
        return name

    def character_of(self, raw: str) -> tuple[str, float] | None:
        """The character a name stands for, with a confidence factor: a performer known to
        play a character (from the bible or this article) stands for them."""
        name = strip_start(re.sub(r"^the\s+", "", norm(raw)))
        if not name or name.split()[0] in ORGS:
            return None
        k = keyof(name)
        lex = self.kb.lex
        if k in lex.performer_of:
            return lex.performer_of[k], 0.95
        if k in lex.characters:
            return lex.characters[k], 1.0
        full = self.kb.full(name)
        fk = keyof(full)
        if fk in self.kb.roles:
            return self.kb.full(self.kb.roles[fk]), 0.85
        if fk in self.kb.performers or self.kb.performer_like(full) >= 2:
            return None  # a performer whose character this article does not name
        if self.kb.is_series(name) and fk not in self.kb.characters:
            return None  # a show, not a character
        return full, 0.8

    def series_for(
        self, text: str, para: Paragraph, offset: int, at: int | None = None
    ) -> tuple[str, float]:
        """The series a sentence is about, with a confidence factor: "the show" is the
        article's; else one named in the sentence (before ``at``, the position of what the
        sentence says about it, when given); else the nearest before it in the paragraph; else
        the paragraph's heading; else the show the headline names; else one named after ``at``;
        else the article's main series."""
        kin = referred(text, self.kin(), self.main_series())
        if kin is not None:
            return kin, 0.8  # "The prequel will follow ...": the show the article calls so
        main = self.the_show(para)
        if main and _THE_SHOW.match(text):
            return self.show_just_named(para, offset) or main, 0.8
        # A show named in an aside ("who directed the pilot (as well as Game of Thrones
        # episodes)") is not what the sentence is about.
        text = _ASIDE.sub(lambda x: " " * len(x.group()), text)
        named = self.series_in(text if at is None else text[:at])
        if named:
            return (named[0] if at is None else named[-1]), 1.0
        prose = _ASIDE.sub(lambda x: " " * len(x.group()), para.text[:offset])
        before = [s for s in self.series_in(prose) if not self.franchise(s)]
        if before:
            return before[-1], 0.85
        heading = self.heading_before(para)
        if heading:
            return heading, 0.85
        title = self.article.paragraphs[0] if self.article.paragraphs else None
        if title is not None and title.title and title is not para:
            headline = {s for s in self.series_in(title.text) if not self.franchise(s)}
            if len(headline) == 1:
                return headline.pop(), 0.8
        after = self.series_in(text[at:]) if at is not None else []
        if after:
            return after[0], 0.8
        return (main, 0.7) if main else ("", 0.0)

    def previous_show(self, para: Paragraph) -> str | None:
        """The show the text was last about before this paragraph: the one show named in the
        nearest earlier paragraph that names any (its last sentence first), three at most."""
        paragraphs = self.article.paragraphs
        i = self.position(para)
        for before in reversed(paragraphs[max(0, i - 3) : i]):
            if before.title:
                break
            shows = self.topical_series(before.text)
            if not shows:
                continue
            last = sentences(self.kb.speechless(before.text))[-1][1]
            tail = set(self.topical_series(last))
            if len(tail) == 1:
                return tail.pop()
            if len(set(shows)) == 1:
                return shows[0]
            # Several shows: the article's own show, when that paragraph names it, is the one
            # the text goes on about ("House of the Dragon ... Game of Thrones fans").
            main = self.main_series()
            return main if main in shows else None
        return None

    def topical_series(self, text: str) -> list[str]:
        """The shows a text is about: not a franchise, not one named in an aside in brackets,
        not one used to describe something else ("The Good Wife spin-off", "X fans")."""
        marked = self.kb.mark(_ASIDE.sub(lambda x: " " * len(x.group()), text))
        credits = credited(marked, self.kb.series_count)  # "his role in Taken": his past
        return [
            x.value
            for x in marked.mentions
            if x.kind == "series"
            and not self.franchise(x.value)
            and x.value not in credits
            and not describes_other(marked.text[marked.text.find(x.token) + len(x.token) :])
        ]

    def topic_show(self, para: Paragraph, offset: int) -> str | None:
        """The show a sentence that names none is about: the article's when its paragraph
        opens with "The show"; else, in an article about one show, the show its paragraph
        names before it. None otherwise: a cast among several shows is not placed."""
        kin = referred(para.text[offset:], self.kin(), self.main_series())
        if kin is not None:
            return kin  # "The sequel ... gave Tariq his own show": the show called the sequel
        if _THE_SHOW.match(para.text):
            return self.main_series()
        # "In the Night Ferry hour, Della argued a case. ... Isaac (A) had overdosed": the scene a
        # paragraph opens on holds for its later sentences that name no show
        scene = _SCENE.match(self.kb.mark(self.kb.speechless(para.text)[:offset]).text)
        if scene is not None and offset > 0:
            marked = self.kb.mark(self.kb.speechless(para.text)[:offset])
            return marked.at(scene.group(1)).value
        # a gallery's "Sam Seaborn, The West Wing" over the paragraph: the heading's show, unless
        # the paragraph goes on about another
        heading = self.heading_before(para)
        if heading and set(self.topical_series(self.kb.speechless(para.text))) <= {heading}:
            return heading
        if len([t for t, n in self.kb.series_count.items() if n and not self.franchise(t)]) > 1:
            # a crossover's, a spin-off's: which show a cast is in needs saying; unless the
            # headline names one show and the article names it most ("The Mandalorian debuts
            # trailer for season two", and "the hit Disney+ Star Wars series" in passing)
            headline = self.headline_show()
            return headline if headline is not None and headline == self.main_series() else None
        named = set(self.topical_series(self.kb.speechless(para.text)))
        earlier = set(self.topical_series(self.kb.speechless(para.text)[:offset]))
        return earlier.pop() if earlier and len(named) == 1 else None

    def franchise(self, title: str) -> bool:
        """ "Star Trek" of "Star Trek: Lower Decks": a franchise, not a show (unless the bible
        says it is one)."""
        if keyof(title) in self.kb.lex.series or keyof(title) in self.kb.named:
            return False  # named as a show on its own ("between 9-1-1 and 9-1-1: Lone Star")
        return any(t.startswith(title + ": ") for t in self.kb.series.values())

    def heading_before(self, para: Paragraph) -> str | None:
        """The show of the section this paragraph is in: a short line just before it that names
        one show; or, in a roundup whose sections are headed by shows (two headings or more,
        each naming one show: "THE CW's IN THE DARK", "CBS' WELCOME TO THE NEIGHBORHOOD"), the
        heading above it, however many bullets between (they name the cast's credits). A heading
        naming none or several ends the search: it is another section's."""
        paragraphs = self.article.paragraphs
        i = self.position(para)
        if i > 0 and len(paragraphs[i - 1].text.split()) <= 12:
            # not "Hale played Pip in the Moonfall movies.": the films of a show's name
            marked = self.kb.mark(paragraphs[i - 1].text)
            shows = [
                x.value
                for x in marked.mentions
                if x.kind == "series"
                and not films_or_past(marked.text[marked.text.find(x.token) + len(x.token) :])
            ]
            if len(shows) == 1:
                return shows[0]
        sections = self.section_headings()
        if len(set(sections.values())) < 2:
            return None  # one such line is an aside ("Related: X"), not a roundup's sections
        for j in range(i - 1, max(0, i - _SECTION) - 1, -1):
            if j in sections:
                return sections[j]
            above = paragraphs[j]
            if _LINK.search(above.text):
                continue  # "Casting Bits: ... and More >>>": a link to another page, no heading
            if above.title or self._heading_like(above):
                return None  # the headline is the article's; a heading of no one show ends it
        return None

    def section_headings(self) -> dict[int, str]:
        """The paragraphs that are section headings naming one show each, by position."""
        if self._sections is None:
            self._sections = {}
            for j, above in enumerate(self.article.paragraphs):
                if not above.title and self._heading_like(above) and not _LINK.search(above.text):
                    shows = set(self.series_in(above.text))
                    if len(shows) == 1:
                        self._sections[j] = shows.pop()
        return self._sections

    def position(self, para: Paragraph, absent: int = 0) -> int:
        """Where a paragraph stands in the article (``absent`` for one that is not in it)."""
        return next((n for n, p in enumerate(self.article.paragraphs) if p is para), absent)

    def neighbours(self, para: Paragraph) -> tuple[str, ...]:
        """The texts of the paragraphs just before and just after this one."""
        paragraphs = self.article.paragraphs
        i = self.position(para, -1)
        return tuple(p.text for p in paragraphs[max(0, i - 1) : i + 2] if p is not para and i >= 0)

    @staticmethod
    def _heading_like(para: Paragraph) -> bool:
        return len(para.text.split()) <= 12 and bool(_HEADING.fullmatch(para.text.strip()))

    def series_in(self, text: str) -> list[str]:
        return [m.value for m in self.kb.mark(text).mentions if m.kind == "series"]

    def dominant_show(self) -> str | None:
        """The show an article is about when it names it at least twice while it names every
        other show once, or three times as often as any other (the others are then credits,
        asides, the franchise's past): a cast the text names without a show is that show's. A
        crossover names both its shows often ("Station 19" 9, "Grey's Anatomy" 4): neither."""
        counts = [n for t, n in self.kb.series_count.most_common() if n and not self.franchise(t)]
        main = self.main_series()
        if counts and main is not None and counts[0] == 1 and self.lead_shows() == {main}:
            # named once, but alone in the headline and the first paragraph, before the rest
            return main if len(counts) == 1 or counts[1] <= 1 else None
        if not counts or main is None or counts[0] < 2:
            return None
        return main if len(counts) == 1 or counts[1] <= 1 or counts[0] >= 3 * counts[1] else None

    def one_show(self) -> bool:
        """Whether the article is about one show: the only one it names, or the dominant one
        while no other is named twice."""
        named = {t for t, n in self.kb.series_count.items() if n and not self.franchise(t)}
        return len(named) == 1

    def several_shows(self) -> bool:
        """Whether the article names two shows or more twice or more (a crossover, a spin-off
        beside its parent): no one show is then what a paragraph with none is about."""
        counts = [n for t, n in self.kb.series_count.items() if n >= 2 and not self.franchise(t)]
        return len(counts) >= 2

    def lead_shows(self) -> set[str]:
        """The shows the headline and the first paragraph name: what the article is about,
        even when another is named more often."""
        out: set[str] = set()
        for para in self.article.paragraphs[:2]:
            m = self.kb.mark(para.text)
            credits = credited(m, self.kb.series_count)  # "Former X star Jane Doe": not X
            out |= {
                x.value
                for x in m.mentions
                if x.kind == "series"
                and x.value not in credits
                and not describes_other(m.text[m.text.find(x.token) + len(x.token) :])
            }
        return out

    def kin(self) -> dict[str, str]:
        if self._kin is None:
            self._kin = kinship(self.kb, self.article)
        return self._kin

    def the_show(self, para: Paragraph) -> str | None:
        """What "The show" opening a sentence stands for: the one show the headline names (the
        article's subject: "Showrunner leaves Dune: The Sisterhood prequel" over an article that
        names the films more), else the show the paragraph just before opens on as its subject
        ("Power Book II: Ghost begins ..."), else the show the article names most."""
        paragraphs = self.article.paragraphs
        headline = self.headline_show() if paragraphs and paragraphs[0] is not para else None
        if headline is not None:
            return headline
        i = self.position(para)
        if i > 0 and not paragraphs[i - 1].title:
            marked = self.kb.mark(self.kb.speechless(paragraphs[i - 1].text))
            opening = _OPENS_ON.match(marked.text)
            if opening is not None and not self.franchise(marked.at(opening.group(1)).value):
                return marked.at(opening.group(1)).value
        return self.main_series()

    def show_just_named(self, para: Paragraph, offset: int) -> str | None:
        """The one show the sentence before ``offset`` in its paragraph names: what a sentence
        opening "The series" right after it means ("She starred in the BBC drama The Capture.
        The series featured A, B and C", not the article's own show)."""
        head = self.kb.speechless(para.text)[:offset]
        if not head.strip():
            return None
        shows = set(self.topical_series(sentences(head)[-1][1]))
        return shows.pop() if len(shows) == 1 else None

    def described_show(self, text: str, para: Paragraph) -> str | None:
        """The show a sentence names only by what it is ("who plays Tony in the police drama",
        "in the Netflix show", "will star in the series as"): the article's own (``the_show``),
        when the article names one."""
        return self.the_show(para) if _DESCRIBED_WORK.search(text) else None

    def headline_show(self) -> str | None:
        """The one show (not a franchise) the headline names, if it names one."""
        paragraphs = self.article.paragraphs
        if not paragraphs or not paragraphs[0].title:
            return None
        shows = {s for s in self.series_in(paragraphs[0].text) if not self.franchise(s)}
        return shows.pop() if len(shows) == 1 else None

    def main_series(self) -> str | None:
        """The show the article names most (a franchise is not a show, nor a show it names only
        as someone's credit)."""
        most = None
        for title, _count in self.kb.series_count.most_common():
            if not self.franchise(title) and title not in self.credits_only():
                most = title
                break
        first = self.season_headline()
        if most is not None and first is not None and first != most:
            # "Jackson Ball reviews the eighth episode of Netflix's BoJack Horseman season 2"
            # then its episode's title twice: the show the headline gives a season, unless the
            # other is named three times as often
            counts = self.kb.series_count
            if counts[first] and counts[most] < 3 * counts[first]:
                return first
        return most

    def season_headline(self) -> str | None:
        """The one show the headline names with a season ("BoJack Horseman season 2",
        "Broadchurch series two"): what the article is about."""
        paragraphs = self.article.paragraphs
        if not paragraphs or not paragraphs[0].title:
            return None
        m = self.kb.mark(paragraphs[0].text)
        found = {
            x.value
            for x in m.mentions
            if x.kind == "series"
            and not self.franchise(x.value)
            and _SEASON_AFTER.match(m.text[m.text.find(x.token) + len(x.token) :])
        }
        return found.pop() if len(found) == 1 else None

    def credits_only(self) -> set[str]:
        """The shows the article names only as someone's credit ("Liam Neeson, who brings the
        menace of his role in Taken", "Former Reno 911! star"): never what it is about."""
        if self._credits_only is None:
            self._count_credits()
        assert self._credits_only is not None
        return self._credits_only

    def another_star_credit(self, show: str, performer: str | None) -> bool:
        """Whether the article names ``show`` only as performers' credits ("The Crown star
        Olivia", however often: a caption repeats its sentence), none of them ``performer``: a
        cast it lists without a show (a charity match's line-up) is not in it, where the
        credited performer's own role may be ("Dock 12 actor Tom Reyes ... who plays Ivo
        Crane")."""
        if self._starred is None:
            self._count_credits()
        assert self._starred is not None
        stars = self._starred.get(show)
        return stars is not None and (
            performer is None or keyof(self.kb.full(performer)) not in stars
        )

    def _count_credits(self) -> None:
        said: Counter[str] = Counter()
        starred: Counter[str] = Counter()
        stars: dict[str, set[str]] = {}
        for para in self.article.paragraphs:
            for _, sentence in sentences(self.kb.speechless(para.text)):
                marked = self.kb.mark(sentence)
                credits = credited(marked, self.kb.series_count)
                said.update(x.value for x in marked.mentions if x.value in credits)
                for c in _STAR_CREDIT.finditer(marked.text):
                    show = marked.at(c.group("s")).value
                    stars.setdefault(show, set()).add(
                        keyof(self.kb.full(marked.at(c.group("p")).value))
                    )
                    if show not in credits:
                        starred[show] += 1
        counts = self.kb.series_count
        self._credits_only = {t for t, n in said.items() if n >= counts[t]}
        self._starred = {
            t: stars[t] for t, n in (said + starred).items() if n >= counts[t] and t in stars
        }

    def placed_in(self, character: str, series: str) -> bool:
        """Whether the article has placed ``character`` in ``series`` already, or is about it."""
        mine = keyof(self.kb.full(character))
        return series == self.main_series() or any(
            f.kind == "appears_in" and keyof(f.subject) == mine and f.object == series
            for f in self.facts
        )

    def hedged(self, text: str, start: int, end: int) -> bool:
        """Whether the clause holding ``text[start:end]`` is a hypothesis or a hope."""
        clause_start = 0
        for m in CLAUSE_START.finditer(text, 0, start):
            clause_start = m.end()
        return HEDGE.search(text, clause_start, end) is not None

    def hedged_about(self, text: str, start: int, end: int) -> bool:
        """Whether the clause a name stands in, up to a relative clause or the next clause,
        hedges: "X (A) will reportedly appear" does; "Laura (B), who he believes may be a
        murderer" does not (the hedge is about what she is, not that she is in the show)."""
        stop = _CLAUSE_END.search(text, end)
        return self.hedged(text, start, stop.start() if stop else len(text))

    def topic_cast(
        self, character: Mention, sentence: str, para: Paragraph, performer: str | None = None
    ) -> None:
        """A character named with its performer in a sentence that names no show is in the
        show its paragraph is about, when that is one show."""
        topic = self.topic_show(para, self.offset) or self.dominant_show()
        if topic is not None and self.another_star_credit(topic, performer):
            topic = None  # "The Crown star Olivia" twice: not where a line-up's names are
        name = self.kb.full(character.text if character.kind == "series" else character.value)
        # "Ahsoka Tano (Rosario Dawson) will reportedly appear": who plays whom holds, where
        # the character is seen does not.
        at = sentence.find(character.text)
        hedge = self.hedged_about(sentence, at, at + len(character.text)) if at >= 0 else None
        q = "hedged" if (HEDGE.search(sentence) if hedge is None else hedge) else ""
        if topic and keyof(topic) != keyof(name):
            self.add("appears_in", name, topic, para.line, sentence, 0.5, q)

    def qualifier(self, marked: Marked, start: int, end: int, question: bool) -> str:
        return "hedged" if question or self.hedged(marked.text, start, end) else ""

    def pronoun(self, word: str) -> bool:
        return word in PRONOUNS or word.lower() in ("he", "she", "they", "him", "her", "them")

    def last_subject_before(self, para: Paragraph, sentence: str) -> str | None:
        """The person a sentence's pronoun most likely stands for: the last person before it
        who was the subject of a verb of saying or doing (``Ritter says``, ``Ramirez tends``)."""
        paragraphs = self.article.paragraphs
        index = self.position(para)
        # Who the text was about at the start of each paragraph, worked out once, in order.
        while len(self._subjects_at) <= index:
            n = len(self._subjects_at)
            speakers = Speakers(self._subjects_at[-1] if self._subjects_at else None)
            if n > 0:
                self.scan_subjects(paragraphs[n - 1].text, speakers)
            self._subjects_at.append(speakers.last_subject)
        speakers = Speakers(self._subjects_at[index])
        at = para.text.find(sentence[:30])
        self.scan_subjects(para.text[: at if at >= 0 else len(para.text)], speakers)
        return speakers.last_subject

    def scan_subjects(self, text: str, speakers: Speakers) -> None:
        plain = unquoted(text.replace("[", "").replace("]", ""))
        for m in re.finditer(rf"(?P<n>{NAME})\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b", plain):
            person = self.person(m.group("n"))
            if person:
                full = self.kb.full(person)
                if keyof(full) not in self.kb.characters or keyof(full) in self.kb.performers:
                    speakers.last_subject = full

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


def families(titles: list[str]) -> set[str]:
    """Shows told apart, one name and its longer form ("Criminal Minds", "Criminal Minds:
    Evolution") counted once."""
    return {t for t in titles if not any(o != t and t.startswith(o + ":") for o in titles)}
