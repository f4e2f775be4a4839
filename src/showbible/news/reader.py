"""Reading articles: bytes to paragraphs, entities first, then relations, quotes and sources.

An optional spaCy pipeline, if one is importable *and* already installed with a model, only adds
person names to what the reader knows (recall); nothing is downloaded.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from pathlib import Path
from typing import Any

from showbible.model import InputError
from showbible.news.brackets import drop_credit_brackets
from showbible.news.characters import consistent_roles, learn_characters, word_not_name
from showbible.news.cleaning import Article, article_text, check_size, read_article, sentences
from showbible.news.consistency import typed
from showbible.news.credits import star_credit_placements
from showbible.news.described import described_roles
from showbible.news.entities import Knowledge, count_series, learn_people, learn_series
from showbible.news.episodes import forget_episodes
from showbible.news.facts import NewsFact, dedupe
from showbible.news.gazetteer import forget_days, learn_known_titles, load_titles, titles_path
from showbible.news.inventory import appearance_subject, heading_characters, learn_plain_series
from showbible.news.kinship import returning
from showbible.news.names import Lexicon, keyof, norm, unranked, words
from showbible.news.notshows import place_in_shows
from showbible.news.places import forget_places, is_place
from showbible.news.possessives import drop_owned_things
from showbible.news.quotes import Quotes
from showbible.news.recaps import Recaps
from showbible.news.relations import Relations
from showbible.news.relatives import Relatives
from showbible.news.rolenouns import role_nouns
from showbible.news.showowned import show_owned_characters
from showbible.news.synopses import Synopses
from showbible.news.things import drop_things
from showbible.news.trimming import without_ranks
from showbible.news.unscripted import unscripted_shows
from showbible.news.works import mark_media, television_only
from showbible.quick import rx
from showbible.reading.lexicon import is_common
from showbible.reading.lexicon.given import is_given_name, is_surname
from showbible.universe.bible import BibleConf


class Reader(Relations, Quotes, Synopses, Recaps, Relatives):
    def __init__(self, article: Article, kb: Knowledge, nlp: Any = None) -> None:
        super().__init__(article, kb)
        self.nlp = nlp

    def run(self, keep_hedged: bool = False, tv_only: bool = False) -> list[NewsFact]:
        text = self.article.text
        self.kb.owners = {
            keyof(m.group(1))
            for m in _OWNER.finditer(text)
            # not a surname's: "Sam Heughan's role"
            if not _CAPITALISED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        }
        learn_series(self.kb, self.article)
        learn_plain_series(self.kb, self.article)
        count_series(self.kb, self.article)
        learn_people(self.kb, self.article)
        # Known titles named plainly: after the people, so that a name is not taken for a show.
        if (
            learn_known_titles(self.kb, self.article)
            | forget_days(self.kb, text=self.article.text)
            | forget_places(self.kb, self.article)
            | forget_episodes(self.kb, self.article)
        ):
            count_series(self.kb, self.article)
        headings = heading_characters(self.kb, self.article)  # before roles: they learn some
        if self.nlp is not None:
            for para in self.article.paragraphs:
                for ent in self.nlp(para.text).ents:
                    if ent.label_ == "PERSON" and len(ent.text.split()) >= 2:
                        self.kb.persons.setdefault(keyof(ent.text), norm(ent.text))
        texts = [self.kb.speechless(para.text) for para in self.article.paragraphs]
        for para, text in zip(self.article.paragraphs, texts, strict=True):
            for offset, sentence in sentences(text):
                self.roles_pass(sentence, para, offset)
                role_nouns(self, sentence, para)  # "her role as X in Y"
                described_roles(self, sentence, para, sentence.rstrip().endswith("?"))
        learn_characters(self.kb, self.article)  # knowing the performers, the rest by evidence
        for para, text in zip(self.article.paragraphs, texts, strict=True):
            for offset, sentence in sentences(text):
                self.relations_pass(sentence, para, offset)
        # "EastEnders' Kush Kazemi": a show's possessive before a character it now knows
        if show_owned_characters(
            self.kb,
            self.article,
            lambda name, show, line, sentence, conf: self.add(
                "appears_in", name, show, line, sentence, conf
            ),
        ):
            self._cast_of_the_one_show()
        for name, show, performer, line, heading in headings:
            self.add("appears_in", name, show, line, heading, 0.7)
            if performer:
                self.add("plays", performer, name, line, heading, 0.6)
        self.synopses()
        self.recaps()
        self.relatives()
        self.quotes()
        self.sources()
        # Now that the whole article is known, a short name may have a full form ("cast as
        # Jessica" -> "Jessica Jones").
        facts = [
            NewsFact(
                f.kind,
                self._role(f.subject) if f.kind == "appears_in" else f.subject,
                self._role(f.object) if f.kind == "plays" else f.object,
                f.file,
                f.line,
                f.sentence,
                f.confidence,
                f.qualifier,
            )
            if f.kind in ("plays", "appears_in")
            else f
            for f in self.facts
        ]
        facts += returning(facts, self.kin())  # back in the revival: in the original too
        facts = typed(consistent_roles(facts), self.kb, self.article)
        if not keep_hedged:
            facts = [f for f in facts if f.qualifier != "hedged"]
        facts = [_about(f, appearance_subject(self.kb, f.subject, f.sentence)) for f in facts]
        # a performer read as the role a show is named after ("Peacemaker" in Peacemaker)
        facts = [f for f in facts if f.subject and not _own_title(f)]
        # a clause's or a title's capitalised word read as a character ("Follow", "Absence"),
        # unless a performer plays it ("Thing", "Wednesday", "Pops" are roles)
        played = {keyof(f.object) for f in facts if f.kind == "plays"}
        facts = [
            f
            for f in facts
            if not (f.kind == "appears_in" and keyof(f.subject) not in played)
            or not word_not_name(f.subject)
        ]
        # A character placed by where it stands (the show the text is about there, below a
        # sentence's own grammar) in a show nothing else vouches for: a capitalised span read
        # as a title once ("Old Sci-Fi Flicks GEEK PICK: ...", "Real Challenge: Hollywood")
        facts = [f for f in facts if f.kind != "appears_in" or self._placed_in_known(f)]
        # an episode's quoted title read as a name ("Law & Order's 'Sideshow'")
        facts = [f for f in facts if not (f.kind == "appears_in" and self._episode(f.subject))]
        # a role in a film, on a stage or on a record is marked so (a TV universe leaves it out)
        facts = mark_media(facts, self.article, self._known_title)
        if tv_only:
            facts = television_only(facts)
        # "Killing Eve star Jodie Comer" filming The Last Duel: her credit, not her role's show
        facts = star_credit_placements(facts)
        # "Mike Leigh's Vera Drake", "said Sky Networks' Sophie Turner Laing": no role
        facts = drop_owned_things(facts, self.article)
        # "Kate Winslet as Oscar presenters", "Jonathan Creek (BBC One)": no character
        facts = drop_things(facts, self.article)
        # "DVD", "US", "Roald Dahl", "X and Sacha Baron Cohen" read as shows
        facts = place_in_shows(facts, self.article, lambda n: keyof(n) in self.kb.persons)
        # "B (Calico), C (The Goat) or D (Hamlet)": nominees' works; "(Alva)": initials
        facts = drop_credit_brackets(
            facts, lambda t: self._known_title(t) or bool(self.kb.is_series(t))
        )
        # "Miki Johnson, Ozark (Fire Pink)", "Tanya Barfield, Mrs. America (Shirley)": a show
        # and its episode in an awards list, read as a role and a performer
        facts = [f for f in facts if not (f.kind == "plays" and self._show_as_role(f))]
        facts = [self._without_show(f) if f.kind == "plays" else f for f in facts]
        # "York City plays Upper East Side", "Daily Mail Australia plays One Nation": a place,
        # an outlet or a phrase of plain words in the performer's slot is no one
        facts = [f for f in facts if f.kind != "plays" or _person_like(f.subject)]
        # "Florida appears in Coronado Springs Resort": a country, a state, a continent is
        # where a story goes, no one in it
        facts = [
            f for f in facts if f.kind != "appears_in" or not (_region(f.subject) or _cut_out(f))
        ]
        if not any(f.kind == "plays" for f in facts) and _unscripted(self.article.text):
            # An article that pairs no one with a role and tells of a reality or a game show
            # (evictions, a vote, contestants, hosts): a guess of who is "in" the show it is
            # about is a contestant's or a host's, no character's
            facts = [f for f in facts if f.kind != "appears_in" or f.confidence >= 0.5]
        # "the reality TV show Keeping Up With The Kardashians": its people are themselves
        reality = unscripted_shows(self.article.text, self.kb.series_count)
        facts = [f for f in facts if f.kind != "appears_in" or keyof(f.object) not in reality]
        # "cast as Detective Inspector Keith Pedder": read with its ranks, named without them
        facts = [_without_ranks(f) for f in facts]
        return dedupe(facts)

    def _cast_of_the_one_show(self) -> None:
        """The show a possessive just made known is the article's only show: whom the article
        casts and places nowhere is in it ("EastEnders' Kush Kazemi ..." and, further down,
        "Kat Slater, portrayed by Jessie Wallace"), as the one show named places a cast."""
        shows = set(self.kb.series.values())
        if len(shows) != 1:
            return
        show = shows.pop()
        placed = {keyof(f.subject) for f in self.facts if f.kind == "appears_in"}
        for f in list(self.facts):
            if f.kind == "plays" and keyof(f.object) not in placed and f.qualifier != "hedged":
                placed.add(keyof(f.object))
                self.add("appears_in", f.object, show, f.line, f.sentence, 0.45)

    def _without_show(self, fact: NewsFact) -> NewsFact:
        """A performer's name with a show glued before it in a headline ("EastEnders Davood
        Ghadami" of "EastEnders Davood Ghadami QUITS the soap"): the name after the show."""
        words_ = fact.subject.split()
        for cut in range(len(words_) - 2, 0, -1):
            if self.kb.is_series(" ".join(words_[:cut])):
                return dataclasses.replace(fact, subject=" ".join(words_[cut:]))
        return fact

    def _show_as_role(self, fact: NewsFact) -> bool:
        """A ``plays`` fact whose performer is a show, or whose role is a show and whose
        performer is no one's name (no first name opens it): "Fire Pink plays Ozark". A
        title role played by a person stays ("Melissa Benoist plays Supergirl")."""
        if self.kb.is_series(fact.subject) or self._known_title(fact.subject):
            return True
        first = fact.subject.split()[0] if fact.subject.split() else ""
        show = bool(self.kb.is_series(fact.object) or self._known_title(fact.object))
        return show and not is_given_name(first) and keyof(fact.subject) not in self.kb.persons

    def _placed_in_known(self, fact: NewsFact) -> bool:
        """An appearance whose sentence names its show, or in a show something vouches for."""
        return norm(fact.object) in norm(fact.sentence) or self._vouched(fact.object)

    def _vouched(self, show: str) -> bool:
        """Whether more than one reading says a show is one: the titles list or the bible knows
        it, a cue or quotes name it as a show, the article names it twice or more, or a heading
        or the opening of a paragraph names it."""
        k = keyof(show)
        if k in load_titles(titles_path()) or k in self.kb.lex.series or k in self.kb.named:
            return True
        if self.kb.series_count[self.kb.is_series(show) or show] >= 2:
            return True
        # a heading's show, or the show a listing's paragraph opens on ("Copper Gulch (CBS,
        # 10 PM) – ...", "1. Jane Holt on Copper Gulch")
        name = norm(show)
        return any(
            norm(p.text).lstrip("0123456789.*#-–• ").startswith(name)
            or (len(p.text.split()) <= 12 and name in norm(p.text))
            for p in self.article.paragraphs
        )

    def _known_title(self, title: str) -> bool:
        """A series the titles list or the bible knows ("Will and Grace" as "Will & Grace")."""
        titles = load_titles(titles_path())
        return any(
            keyof(t) in titles or keyof(t) in self.kb.lex.series
            for t in (title, title.replace(" and ", " & "))
        )

    def _episode(self, name: str) -> bool:
        """Whether a name is an episode's title: the article quotes it as one and never names
        it outside quotes (an episode named after a character, "Pinkus Returns", does)."""
        if keyof(name) not in self.kb.episodes:
            return False
        text = self.article.text
        return not re.search(rf"(?<![\w“\"‘']){re.escape(name)}(?![\w”\"’'])", text)

    def _role(self, name: str) -> str:
        """A character's fullest form, but never a performer's name: in "Niles (David Hyde
        Pierce) ... their son David (Anders Keith)", David is not David Hyde Pierce."""
        full = self.kb.full(name)
        if full != name and " " not in name and self.kb.performer_like(full) > 0:
            return name
        return unranked(full)


# Words of the unscripted: a competition's people and its mechanics.
_REALITY = rx.compile(
    r"\b(?:houseguests?|evict\w*|eviction|contestants?|head of household|HoH|nominat\w+ for "
    r"eviction|veto|jury|alliances?|islanders?|the villa|voted (?:off|out)|eliminat\w+|"
    r"judges?|hosts?|hosted|presenters?|presented by|finalists?|reality (?:show|star|series|TV))\b",
    re.IGNORECASE,
)


# A capitalised word alone, as someone's, before a lower-case word: "Pip's mother"
_OWNER = rx.compile(r"(?<![\w'’.-])([A-Z][a-z]+)['’]s\s+[a-z]")
_CAPITALISED_BEFORE = rx.compile(r"[A-Z][\w'’.-]*[ \t]+$")


def _without_ranks(fact: NewsFact) -> NewsFact:
    if fact.kind == "plays":
        return dataclasses.replace(fact, object=without_ranks(fact.object))
    if fact.kind == "appears_in":
        return dataclasses.replace(fact, subject=without_ranks(fact.subject))
    return fact


def _unscripted(text: str) -> bool:
    """Words of a competition, two distinct ones or more."""
    return len({m.group(0).lower() for m in _REALITY.finditer(text)}) >= 2


def _person_like(name: str) -> bool:
    """Whether a performer's name could be someone's: a first name in it, a word that is no
    plain English word ("Davood", "Ghadami"), an initial ("LL Cool J"), or a surname alone
    ("Benson")."""
    words_ = [w.strip(".,'’") for w in name.split()]
    return (
        any(is_given_name(w) for w in words_)
        or any(len(w) == 1 and w.isupper() for w in words_)
        or any(w and not is_common(w) for w in words_)
        or (len(words_) == 1 and is_surname(words_[0]))
    )


_CONTINENTS = frozenset(
    ("america", "europe", "asia", "africa", "antarctica", "oceania", "the us", "the uk")
)


# A venue's last word: "Oracle Park", "Wembley Arena" (after no first name: "Grace Park" is one).
_VENUE = frozenset(
    words(
        """Park Stadium Arena Hotel Street Avenue Road Square Centre Center Theatre Theater
        Studios Airport Station Palace Cathedral Gardens"""
    )
)


def _region(name: str) -> bool:
    """A country, a state, a continent, a venue: where a story goes, no one in it."""
    words_ = name.split()
    venue = len(words_) >= 2 and words_[-1] in _VENUE and not is_given_name(words_[0])
    return is_place(name) or keyof(name) in _CONTINENTS or venue


def _cut_out(fact: NewsFact) -> bool:
    """A name cut out of another by an "&", opening on its letter alone ("T Park" of "AT&T
    Park"): no one's."""
    first = fact.subject.split()[0]
    return (
        len(first) == 1 and re.search(rf"\w&{re.escape(fact.subject)}", fact.sentence) is not None
    )


def _own_title(fact: NewsFact) -> bool:
    return fact.kind == "appears_in" and keyof(fact.subject) == keyof(fact.object)


def _about(fact: NewsFact, subject: str | None) -> NewsFact:
    """An ``appears_in`` fact about ``subject`` instead ("" drops it); other kinds unchanged."""
    if fact.kind != "appears_in" or subject == fact.subject:
        return fact
    return dataclasses.replace(fact, subject=subject or "")


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
    text: str,
    file: str = "<string>",
    bible: BibleConf | None = None,
    nlp: Any = None,
    *,
    keep_hedged: bool = False,
    tv_only: bool = False,
) -> list[NewsFact]:
    """Facts from one article's text (plain text; see :func:`extract_facts` for files)."""
    article = read_article(enumerate(text.split("\n"), 1), file)
    return Reader(article, Knowledge(Lexicon.from_bible(bible)), nlp).run(keep_hedged, tv_only)


def extract_facts(
    paths: list[Path],
    bible: BibleConf | None = None,
    *,
    use_spacy: bool = True,
    keep_hedged: bool = False,
    tv_only: bool = False,
) -> list[NewsFact]:
    """Read articles (text or HTML, as crawled: any encoding damage is replaced) and propose
    facts. The same article given twice (by path or by content) is read once. A role or an
    appearance the article sets in a film, on a stage, on a record or in a book has its
    ``medium``; ``tv_only`` leaves those out.

    Raises :class:`InputError` for a file that cannot be read or is not an article.
    """
    nlp = _spacy() if use_spacy else None
    lex = Lexicon.from_bible(bible)
    out: list[NewsFact] = []
    seen: set[str] = set()
    for path in paths:
        name = os.fspath(path)
        try:
            check_size(Path(path).stat().st_size, name)  # before reading 50 MB for nothing
            data = Path(path).read_bytes()
        except OSError as err:
            raise InputError(f"cannot read article: {err.strerror or err}", file=name) from err
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        article = read_article(article_text(data, name), name)
        out.extend(Reader(article, Knowledge(lex), nlp).run(keep_hedged, tv_only))
    return out
