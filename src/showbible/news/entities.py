"""An article's entities before its relations: the shows and films it names (with every short
form it uses for them), the people and characters, and the evidence that a name is a performer
rather than a character. Each sentence is then *marked*: every mention is replaced by a
placeholder (``SER`` for a show, ``NAM`` for a name) so that the relation patterns see the
sentence's structure, not its spelling.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field

from showbible.news.cleaning import QUOTE_RE, Article
from showbible.news.colons import colon_titles, label_titles
from showbible.news.cued import cue_titles
from showbible.news.editorial import editorial
from showbible.news.names import (
    EPISODE_WORDS,
    NAME,
    NAME_RE,
    NOT_NAME_START,
    ORGS,
    ROLE_VERB,
    Lexicon,
    keyof,
    norm,
    quoted_performer,
    quoted_role,
    words,
)
from showbible.news.performers import known_performer
from showbible.news.series import (
    franchise_lists,
    listed_episodes,
    listed_titles,
    quoted_titles,
    series_name,
)
from showbible.news.shortforms import initials, marked_tails, spelled_out
from showbible.news.trimming import trim_name
from showbible.news.usage import used_titles
from showbible.quick import rx
from showbible.reading.lexicon.given import is_given_name

# A quoted title: double quotes, single curly ones (‘Lower Decks’) or straight ones ('Yellowstone').
_TITLE_QUOTE = rx.compile(
    rf"{QUOTE_RE.pattern}|‘(?:[^‘’]|’(?=[a-z])){{1,80}}’|(?<![\w])'[^'\n]{{1,60}}'(?![\w])"
)
# Placeholders: private-use characters never found in crawled text.
SER = "\ue000\\d+\ue001"
NAM = "\ue002\\d+\ue003"
_PLACE = rx.compile("\ue000(\\d+)\ue001|\ue002(\\d+)\ue003")
# Titles and ranks that make the name after them a character's.
_RANK = rx.compile(
    r"(?:Captain|Capt\.|Ensigns?|Dr\.|Doctors?|Detectives?|Det\.|Agent|Sergeant|Sgt\.|Lt\.|"
    r"Lieutenant|Chief|Officer|Commander|Admiral|Marshal|Sheriff|Deputy|Professor|King|Queen|"
    r"Prince|Princess|Lord|Lady|Sister|Brother|Father|Uncle|Aunt|in Charge|"
    # a British police drama's ranks ("DS Steve Arnott", "Superintendent Ted Hastings")
    r"Superintendent|Supt\.?|Inspector|Constable|Commissioner|Colonel|Col\.|Corporal|Nurse|"
    r"Judge|DS|DI|DCI|DSI|DCS|ADA)\s+$"
)


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str  # "series" or "name"
    text: str  # as written
    value: str  # the series' title, or the name as written
    token: str = ""  # its placeholder in the marked sentence


@dataclass
class Marked:
    """One sentence with its mentions replaced by placeholders."""

    text: str
    mentions: list[Mention]

    def at(self, token: str) -> Mention:
        m = _PLACE.search(token)
        assert m is not None, token
        return self.mentions[int(m.group(1) or m.group(2))]

    def all(self, span: str | None) -> list[Mention]:
        """Every mention inside a matched span, in order."""
        if not span:
            return []
        return [self.mentions[int(m.group(1) or m.group(2))] for m in _PLACE.finditer(span)]


@dataclass
class Knowledge:
    """What the reader knows of one article's entities."""

    lex: Lexicon
    series: dict[str, str] = field(default_factory=dict)  # key of any form -> title
    surfaces: dict[str, str] = field(default_factory=dict)  # surface (lower) -> title
    series_count: Counter[str] = field(default_factory=Counter)
    episodes: set[str] = field(default_factory=set)  # keys of quoted episode/event titles
    named: set[str] = field(default_factory=set)  # keys of shows a cue or a quote names alone
    name_count: Counter[str] = field(default_factory=Counter)  # how often each full name is used
    persons: dict[str, str] = field(default_factory=dict)  # key -> full name
    characters: dict[str, str] = field(default_factory=dict)  # names used as characters
    performers: set[str] = field(default_factory=set)  # keys of names used as performers
    evidence: Counter[str] = field(default_factory=Counter)  # > 0 performer, < 0 character
    # keys of names a catalogue's cast list holds (news/performers.py): half a point, so that
    # it decides between two names but never outweighs one word of the article's own
    listed: set[str] = field(default_factory=set)
    roles: dict[str, str] = field(default_factory=dict)  # performer key -> character
    show_of: dict[str, str] = field(default_factory=dict)  # performer key -> "<show> actor X"
    bare: set[str] = field(default_factory=set)  # one-word names inside sentences (characters)
    # one-word names written as someone's before a lower-case word ("Pip's mother"): how the
    # press writes a character, not a performer named again
    owners: set[str] = field(default_factory=set)
    screen: bool | None = None  # whether the article has a word of the screen (rolesigns.py)
    _series_re: re.Pattern[str] | None = None

    def is_series(self, name: str) -> str | None:
        k = keyof(name)
        if k in self.series:
            return self.series[k]
        if k.startswith("marvels "):  # "Marvel's The Avengers"
            rest = k.removeprefix("marvels ")
            return self.series.get(rest) or self.series.get(rest.removeprefix("the "))
        return None

    def add_series(self, title: str, *forms: str, exact: bool = False) -> None:
        title = series_name(title, exact=exact, orgs=not exact)
        if not title or keyof(title) in self.episodes:
            return
        k = keyof(title)
        if k in self.lex.characters and k not in self.lex.series:
            return  # the bible says it is a character, not a show
        title = self.series.setdefault(k, title)
        for form in (title, *forms):
            if form:
                self.series.setdefault(keyof(form), title)
                self.surfaces.setdefault(norm(form).lower(), title)
                self.surfaces.setdefault(norm(form).lower().removeprefix("the "), title)
        self._series_re = None

    def forget_series(self, title: str) -> None:
        """Take back a title read as a show ("Sunday's second season premiere": a day)."""
        k, self._series_re = keyof(title), None
        self.series = {key: t for key, t in self.series.items() if keyof(t) != k}
        self.surfaces = {form: t for form, t in self.surfaces.items() if keyof(t) != k}
        self.series_count.pop(title, None)

    def full(self, name: str) -> str:
        """The fullest form of a name known in the article (``Ritter`` -> ``Krysten
        Ritter``; ``Jessica`` -> ``Jessica Jones``)."""
        name = norm(name).strip(" ,.;:")
        k = keyof(name)
        if k in self.lex.characters:
            return self.lex.characters[k]
        if k in self.lex.performers:
            return self.lex.performers[k]
        if k in self.persons:
            return self.persons[k]
        if " " not in name:
            longer = {
                full
                for kk, full in self.persons.items()
                if (kk.split()[-1] == k or kk.split()[0] == k)
                and keyof(self.roles.get(kk, "")) != k  # "Mo Brings Plenty as Mo"
            }
            for known in (self.lex.characters, self.characters):
                longer |= {
                    full
                    for kk, full in known.items()
                    if " " in kk and (kk.split()[-1] == k or kk.split()[0] == k)
                }
            if len(longer) == 1:
                return next(iter(longer))
            # "Lowe": Rob Lowe, named four times, rather than his brother Chad, named once.
            ranked = sorted(longer, key=lambda n: -self.name_count[keyof(n)])
            if len(ranked) > 1 and self.name_count[keyof(ranked[0])] >= 2 * max(
                1, self.name_count[keyof(ranked[1])]
            ):
                return ranked[0]
        return name

    def performer_like(self, name: str, listed: bool = True) -> float:
        """Evidence that a name is a performer's (> 0) or a character's (< 0); ``listed``:
        counting a catalogue's cast list (else the article's and the bible's word only)."""
        k = keyof(self.full(name))
        score = float(self.evidence[k]) + (0.5 if listed and k in self.listed else 0.0)
        if k in self.lex.performers:
            score += 5
        if k in self.lex.characters:
            score -= 5
        if k in self.performers:
            score += 2
        if k in self.characters:
            score -= 1
        return score

    # -- marking ---------------------------------------------------------------------------

    def series_pattern(self) -> re.Pattern[str]:
        if self._series_re is None:
            forms = sorted(self.surfaces, key=len, reverse=True)
            body = "|".join(
                re.escape(f).replace("\\ ", r"\s+").replace("'", "['’‘]") for f in forms
            )
            body = body or "(?!)"
            self._series_re = re.compile(
                rf"(?<![\w’'\-])(?:(?:[Tt]he|Marvel['’]s)\s+)?(?:{body})(?![\w\-]|[’']\w\w)",
                re.IGNORECASE,
            )
        return self._series_re

    def mark(self, sentence: str) -> Marked:
        """The sentence with its series and names replaced by placeholders. Quoted speech is
        blanked; a quoted title is kept as its show."""
        mentions: list[Mention] = []
        text, inserted = editorial(sentence)
        spans: list[tuple[int, int, Mention]] = []
        for m in _TITLE_QUOTE.finditer(text):
            body = re.sub(r"[’']s$", "", m.group(0)[1:-1].strip(" ,."))
            title = self.is_series(body) if len(body.split()) <= 8 else None
            if title:
                spans.append((m.start(), m.end(), Mention("series", body, title)))
        for m in self.series_pattern().finditer(text):
            if any(s <= m.start() < e for s, e, _ in spans):
                continue
            if not self._series_here(text, m):
                continue
            if m.group(0).isdigit() and re.search(
                r"\b(?:during|since|until|by|from|before|after|of)\s+$", text[: m.start()]
            ):
                continue  # "a child during 1883": the year, not the show named by it
            title = self.is_series(m.group(0)) or self.surfaces.get(norm(m.group(0)).lower())
            if title:
                spans.append((m.start(), m.end(), Mention("series", m.group(0), title)))
        blanked = self._blank_speech(text, inserted, [(s, e) for s, e, _ in spans])
        plain = blanked
        for m in NAME_RE.finditer(plain):
            if any(s < m.end() and m.start() < e for s, e, _ in spans):
                continue
            at, name = trim_name(m.group(0))
            possessive = re.match(r"[’']s\s*\(", plain[m.end() :])
            if not name and re.fullmatch(r"[A-Z][a-z]+", m.group(0)) and possessive:
                at, name = 0, m.group(0)  # "Will's (Eric McCormack)": a name, not a verb
            if not name and _role_word(m.group(0), plain[: m.start()], plain[m.end() :]):
                at, name = 0, m.group(0)  # "Will (Matthew Morrison)", "as Will": not the verb
            if not name and _CAPS_CAST.match(m.group(0) + plain[m.end() : m.end() + 80]):
                at, name = 0, m.group(0)  # a photo credit's "REBECCA FERGUSON as Lady Jessica"
            owner = re.match(r"[’']s\b", plain[m.end() :])
            if not name and owner and self.someones_surname(m.group(0)):
                at, name = 0, m.group(0)  # "Oh's Cristina Yang" after "Sandra Oh": a surname
            if not name or (re.fullmatch(r"[LRC]", name) and plain[m.end() :].startswith(")")):
                continue  # "(Tom Mison, L)": a caption's place in the picture, no one's name
            first, _, tail = name.partition(" ")
            if (
                " " in tail
                and keyof(name) not in self.persons
                and keyof(tail) in self.persons
                and not _RANK.search(first + " ")
                and first.lower().strip(".") not in _TITLE_WORDS
            ):
                at, name = at + len(first) + 1, tail  # see _drop_glued
            start = m.start() + at
            spans.append((start, start + len(name), Mention("name", name, norm(name))))
        spans.sort(key=lambda s: s[0])
        out: list[str] = []
        pos = 0
        for start, end, mention in spans:
            if start < pos:
                continue
            out.append(plain[pos:start])
            i = len(mentions)
            token = f"\ue000{i}\ue001" if mention.kind == "series" else f"\ue002{i}\ue003"
            mentions.append(dataclasses.replace(mention, token=token))
            out.append(token)
            pos = end
        out.append(plain[pos:])
        return Marked("".join(out), mentions)

    def someones_surname(self, word: str) -> bool:
        """Whether a word is the surname of a person the article names ("Hurley" after
        "Elizabeth Hurley")."""
        return any(k.split()[-1] == keyof(word) for k in self.persons)

    def speechless(self, text: str) -> str:
        """A paragraph with its quoted speech blanked (same length, so offsets hold) and the
        editor's bracketed insertions kept: sentences split quotes, so this is done first."""
        text, inserted = editorial(text)
        titles = [
            (m.start(), m.end())
            for m in QUOTE_RE.finditer(text)
            if len(m.group(0).split()) <= 8 and self.is_series(m.group(0)[1:-1].strip(" ,."))
        ]
        return self._blank_speech(text, inserted, titles)

    @staticmethod
    def _blank_speech(
        text: str, inserted: list[tuple[int, int]], keep: list[tuple[int, int]]
    ) -> str:
        blanked = list(text)
        for m in QUOTE_RE.finditer(text):
            if any(s <= m.start() < e for s, e in keep):
                continue
            body = m.group(0)[1:-1]
            named = NAME_RE.fullmatch(body.strip()) is not None and (
                quoted_role(text[: m.start()]) or quoted_performer(text[m.end() :])
            )  # `as "Caridad Milgram"` in a cast list: a role, however many words
            if (len(body.split()) >= 3 or not body[:1].isupper()) and not named:
                for i in range(m.start(), m.end()):
                    if not any(s <= i < e for s, e in inserted):
                        blanked[i] = " "
            else:  # "Hot Spock": a nickname in quotes is still a name
                blanked[m.start()] = blanked[m.end() - 1] = " "
        return "".join(blanked)

    def _series_here(self, text: str, m: re.Match[str]) -> bool:
        """A one-word title inside a longer capitalised name is part of that name ("Green
        Arrow"), and a lower-case one is a word ("an arrow")."""
        found = m.group(0)
        bare = re.sub(r"^(?:[Tt]he|Marvel['’]s)\s+", "", found)
        if " " in bare.strip():
            return True
        if bare[:1].islower():
            return False
        if found == bare:
            prev = re.search(r"([A-Z][\w’'\-]*)\s$", text[: m.start()])
            if prev is not None:
                word = prev.group(1)
                possessive = word.endswith(("'s", "’s", "'", "’"))
                if not possessive and word.lower() not in NOT_NAME_START and word not in ORGS:
                    return False
        nxt = re.match(r"\s([A-Z][\w’'\-]*)", text[m.end() :])
        if nxt is not None and nxt.group(1).lower() not in NOT_NAME_START:
            return nxt.group(1) in EPISODE_WORDS or nxt.group(1) in ("Star", "Stars", "Showrunner")
        return True


# A photo credit's caption: "REBECCA FERGUSON as Lady Jessica Atreides in ..." (a name in
# capitals is otherwise a label: "BREAKING NEWS as Della Marsh returns")
_CAPS_CAST = rx.compile(
    r"^[A-Z][A-Z’'\-]+(?:\s+[A-Z][A-Z’'\-]+){1,2}\s+as\s+(?:[A-Z][a-z][\w’'.\-]*\s+){1,4}in\s"
)


def learn_series(kb: Knowledge, article: Article) -> None:
    """Every show and film the article names, and every form it names it by."""
    for k, title in kb.lex.series.items():
        kb.series.setdefault(k, title)
        kb.surfaces.setdefault(norm(title).lower(), title)
        kb.surfaces.setdefault(norm(title).lower().removeprefix("the "), title)
    shows, episodes = quoted_titles(article)
    kb.episodes |= episodes | listed_episodes(article)
    for title in shows:
        kb.add_series(title, exact=True)
        kb.named.add(keyof(title))
    for title in [*cue_titles(article), *label_titles(article), *used_titles(article)]:
        kb.add_series(title, exact=True)  # cue_titles has cleaned it, knowing where it stood
        kb.named.add(keyof(title))
    for title in colon_titles(article, list(kb.series.values())):
        kb.add_series(title)
    for title in franchise_lists(article):
        kb.add_series(title)
    for title in listed_titles(article, list(kb.series.values())):
        kb.add_series(title, exact=True)
    _drop_joined(kb)
    _drop_truncated(kb)
    _drop_people(kb, article, {keyof(t) for t in shows} | set(kb.lex.series))
    # Short forms: "Lower Decks" and "SNW" for "Star Trek: Strange New Worlds"; "TWD".
    text = article.text
    for title in list(dict.fromkeys(kb.series.values())):
        tail = title.partition(": ")[2]
        alone = len(re.findall(rf"(?<![\w:] ){re.escape(tail)}\b", text)) if tail else 0
        if alone > 2 * text.count(title):
            continue  # "Gen V, also known as The Boys: Gen V": the short name is the show's
        if tail and keyof(tail) in kb.series and kb.series[keyof(tail)] != title:
            # "Lower Decks" was read as a show of its own: it is this one.
            kb.series[keyof(tail)] = title
            kb.surfaces[norm(tail).lower()] = title
        for form in (initials(title), initials(tail) if tail else ""):
            if form and re.search(rf"(?<![\w.]){form}(?![\w])", text):
                kb.series.setdefault(keyof(form), title)
                kb.surfaces.setdefault(form.lower(), title)
    for title in list(dict.fromkeys(kb.series.values())):
        for long in spelled_out(title, text):  # HTGAWM: "How to Get Away with Murder"
            kb.add_series(title, long)
            for short in [t for t in kb.series.values() if long.startswith(t + " ")]:
                _drop_title(kb, short)  # "How" of "How to ...", cut short by "to"
    _franchise_forms(kb, text)
    for tail, title in marked_tails(kb.series.values(), text).items():
        if keyof(tail) not in kb.series and keyof(tail) not in kb.lex.characters:
            kb.series[keyof(tail)] = title
            kb.surfaces.setdefault(tail.lower(), title)


def count_series(kb: Knowledge, article: Article) -> None:
    """How often the article names each show, not counting a show used to describe something
    else: what the article is about. Run once every show is known."""
    kb.series_count.clear()
    for para in article.paragraphs:
        marked = kb.mark(para.text)
        for mention in marked.mentions:
            after = marked.text[marked.text.find(mention.token) + len(mention.token) :]
            if mention.kind == "series" and not describes_other(after):
                kb.series_count[mention.value] += 1


def describes_other(after: str) -> bool:
    """Whether a show named just before ``after`` is named to describe something else (its
    fans, its alumni, the films of its name), not as what the text is about."""
    return bool(ATTRIBUTIVE.match(after) or films_or_past(after))


def films_or_past(after: str) -> bool:
    """Whether a show named before ``after`` names its films, or someone's past ("alumni")."""
    return _NOT_THE_SUBJECT.match(after) is not None


# "Game of Thrones fans", "multiple Game of Thrones episodes", "Thrones–worthy": a show used to
# describe something else is not what the article is about, and does not count toward its show.
ATTRIBUTIVE = rx.compile(
    r"^(?:[–-]\w|\s+(?:fans|viewers|episodes|vets?|veterans?|alums?|universe|franchise|prequel|"
    r"sequel|spin-?off|creators?|finale|premiere)\b)"
)

# "a Lord of the Rings alumni", "Pippin in The Lord of the Rings movies": a title named for
# someone's past or for the films of its name is not what an article about a show is about.
_NOT_THE_SUBJECT = rx.compile(
    r"^[’']?\s+(?:alumni|alumnus|alumna|alumnae|movies|films|trilogy|novels|books|comics)\b"
)


def _drop_joined(kb: Knowledge) -> None:
    """ "The Vampire Diaries and The Originals", "TVD/The Originals": two shows, not one; and
    when one of them is a show the article names, the other is one too ("sister series
    Grey's Anatomy and Station 19")."""
    for title in list(dict.fromkeys(kb.series.values())):
        parts = re.split(r"\s+(?:and|&)\s+|\s*/\s*", title)
        known = [p for p in parts if kb.is_series(p) and kb.is_series(p) != title]
        if len(parts) == 1 or not known:
            continue
        if len(known) < len(parts) and " and " not in title:
            continue  # "Law & Order: SVU" is one title
        for k in [k for k, t in kb.series.items() if t == title]:
            del kb.series[k]
        for k in [k for k, t in kb.surfaces.items() if t == title]:
            del kb.surfaces[k]
        for part in parts:
            part = re.sub(r"^the\s+", "", part)  # "the Station 19 and Grey's Anatomy crossover"
            longer = [t for t in kb.series.values() if re.search(rf"\b{re.escape(part)}$", t)]
            if part not in known and " " not in part and len(set(longer)) == 1:
                # "The Big Bang Theory and Sheldon series": the short name of Young Sheldon
                kb.series.setdefault(keyof(part), longer[0])
                kb.surfaces.setdefault(part.lower(), longer[0])
            elif part not in known and part[:1].isupper():
                kb.add_series(part)
    kb._series_re = None


def _drop_truncated(kb: Knowledge) -> None:
    """ "Daredevil: Born" is "Daredevil: Born Again" cut short by a lower-case "again"."""
    titles = list(dict.fromkeys(kb.series.values()))
    for short in titles:
        if ":" in short and any(t != short and t.startswith(short + " ") for t in titles):
            _drop_title(kb, short)
    kb._series_re = None


def _drop_title(kb: Knowledge, title: str) -> None:
    for k in [k for k, t in kb.series.items() if t == title]:
        del kb.series[k]
    for k in [k for k, t in kb.surfaces.items() if t == title]:
        del kb.surfaces[k]
    kb._series_re = None


# "Big Bang Theory Stars Jim Parsons and Mayim Bialik": names listed after a performer's word.
_PEOPLE_LIST = rx.compile(
    rf"(?i:(?<![\w-])(?:stars?|starring|co-stars?|actors?|actress(?:es)?|alums?|cast members?))\s+"
    rf"(?P<list>{NAME}(?:\s*,\s*{NAME})*(?:,?\s+and\s+{NAME})?)"
)


def _drop_people(kb: Knowledge, article: Article, kept: set[str]) -> None:
    """A name the grammar took for a show ("Jim Parsons and Mayim Bialik are returning to CBS")
    is a person's when the article lists it after "stars" or "actors": unless quoted or the
    bible's, it is no show."""
    people: set[str] = set()
    for para in article.paragraphs:
        for m in _PEOPLE_LIST.finditer(para.text):
            people.update(keyof(trim_name(n)[1]) for n in re.split(r"\s*,\s*|\s+and\s+", m["list"]))
    for title in list(dict.fromkeys(kb.series.values())):
        if keyof(title) in people and keyof(title) not in kept:
            for k in [k for k, t in kb.series.items() if t == title]:
                del kb.series[k]
            for k in [k for k, t in kb.surfaces.items() if t == title]:
                del kb.surfaces[k]
    kb._series_re = None


def _franchise_forms(kb: Knowledge, text: str) -> None:
    """Shows of one franchise named by what sets them apart: "Fire's", "Med's", "P.D.'s" for
    Chicago Fire, Chicago Med and Chicago P.D., when the article names more than one of them."""
    titles = list(dict.fromkeys(kb.series.values()))
    by_first: dict[str, list[str]] = {}
    for t in titles:
        parts = t.split(" ", 1)
        if len(parts) == 2 and parts[0] not in ("The", "A"):
            by_first.setdefault(parts[0], []).append(t)
    for group in by_first.values():
        if len(group) < 2:
            continue
        for t in group:
            rest = t.split(" ", 1)[1]
            if re.search(rf"(?<![\w.]){re.escape(rest)}[’'‘]s\b", text):
                kb.series.setdefault(keyof(rest), t)
                kb.surfaces.setdefault(rest.lower(), t)


_PERFORMER_BEFORE = rx.compile(
    r"(?:\b(?:[Aa]ctor|[Aa]ctress|[Aa]ctors|[Aa]ctresses|star|stars|[Ss]tarring|co-star|co-stars|alum|"
    r"veteran|newcomer|cast members?|performer|comedian|voice actor|played by|portrayed by|"
    r"voiced by|the late)\s*,?\s*(?:and\s+(?:[a-z][\w\-]*\s+){1,2})?|"  # "co-star and boyfriend X"
    r"[’']s\s+(?:voice actor|star)\s*,?\s*)$"
)
_PLURAL_JOB = rx.compile(r"\b(?:[Aa]ctors|[Aa]ctresses|stars|[Ss]tarring|co-stars|cast members)\b")
_LIST_GOES_ON = rx.compile(r"\s*,\s*(?:and\s+)?|\s*,?\s+(?:and|&)\s+")
_PERFORMER_AFTER = rx.compile(
    r"^(?:,\s*who\s+)?\s*(?:plays|played|portrays|portrayed|voices|voiced|is playing|stars as|"
    r"starred as|reprises|reprised|reprising|will reprise|returns as|returning as|returned as|"
    r"was cast|is cast|has been cast|have been cast|were cast|are cast|will play|"
    r"is set to (?:play|portray|star)|stars in)\b"
    r"|^[’'](?:s)?\s+(?:[A-Z][\w’'-]*\s+){0,5}(?:character|role)\b"  # "Parsons’ TBBT character"
    # "Harriet Slater (Pennyworth) will portray Jamie's mother": a credit, then the new role
    r"|^\s*\((?!\s*(?:aka|AKA)\b)[^()]{1,60}\)(?:\s*,?\s*(?:and\s+)?(?:[A-Z][\w’'.-]*\s+){1,3}\([^()]"
    rf"{{1,60}}\))*{ROLE_VERB}\s+(?:the\s+roles?\s+of\s+)?[A-Z]"
)
# "Candice Patton (Iris West) told the magazine": the one who speaks to the press.
_SPOKE_AFTER = rx.compile(
    r"^(?:\s*\([^()]{1,40}\))?,?\s+(?:told|tells|says|said|explained|explains|added|adds|"
    r"revealed|reveals|noted|notes|shared|shares|recalled|recalls|teased|teases|admitted|"
    r"admits|echoed|echoes|spoke|speaks)\b"
)
_GOVERNED = rx.compile(rf"\b(?:behind|of|for|with|by)\s+(?:{NAME}\s*(?:,|and)\s+)*$")
_CHARACTER_BEFORE = rx.compile(
    r"\b(?:as|character(?:\s+of)?|role(?:\s+of)?|plays|played|portrays|playing|voices|"
    r"reprised|aka|AKA)\s+(?!by\b)(?:the\s+)?"  # ("played by X" names the performer)
    # "her long-time character and supporting stars A": a performer's word ends the role's reach
    r"(?:(?!(?:and|or|but|by|stars?|co-stars?|actors?|actress(?:es)?|cast)\b)[a-z][\w\-]*\s+){0,3}$"
)
_CHARACTER_AFTER = rx.compile(r"^,?\s*(?:is\s+|was\s+|as\s+)?(?:played|portrayed|voiced) by\b")


_SMALL_WORDS = frozenset(words("a an and as at by for from in into of on or the to with vs"))


def title_case(text: str) -> bool:
    """A line set in Title Case (a headline, a caption): every word capitalised, so that
    capitals there do not mark names ("Buck and Eddie Head to Texas")."""
    found = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", text) if w.lower() not in _SMALL_WORDS]
    return len(found) >= 4 and sum(w[0].isupper() for w in found) >= 0.9 * len(found)


def learn_people(kb: Knowledge, article: Article) -> None:
    """Full names seen in the article, and the evidence that each is a performer or a
    character: the words around it ("actress Jane Doe", "Jane Doe plays", "as Mara Voss",
    "Captain Mara Voss"), a cast list, the bible."""
    for para in article.paragraphs:
        text = editorial(para.text)[0]
        headline = title_case(text)
        listed_after = -1  # where a list a plural job word opens goes on: "Actors A and B"
        for m in NAME_RE.finditer(text):
            at, name = trim_name(m.group(0))
            if not name:
                continue
            start = m.start() + at
            name = norm(name)
            words = name.split()
            k = keyof(name)
            if (
                2 <= len(words) <= 4
                and not headline  # "Hen Tags Along as Buck and Eddie Head to Texas"
                and not kb.is_series(name)
                and not any(w in ORGS for w in words)
            ):
                kb.persons.setdefault(k, name)
                kb.name_count[k] += 1
            before, after = text[max(0, start - 40) : start], text[start + len(name) :][:60]
            job = _PERFORMER_BEFORE.search(before)
            listed = listed_after >= 0 and _LIST_GOES_ON.fullmatch(text[listed_after:start])
            # "The actors behind X and Y will reprise": X and Y are not who reprises
            if job or listed or (_PERFORMER_AFTER.match(after) and not _GOVERNED.search(before)):
                kb.evidence[k] += 2
            plural = listed or (job is not None and _PLURAL_JOB.search(job.group(0)))
            listed_after = start + len(name) if plural else -1
            if _SPOKE_AFTER.match(after) and len(words) >= 2:
                kb.evidence[k] += 1  # people quoted by the press are mostly real people
            if _CHARACTER_BEFORE.search(before) or _CHARACTER_AFTER.match(after):
                kb.evidence[k] -= 2
            if _RANK.search(before) or _RANK.search(words[0] + " "):  # "Dr. Tara Lewis"
                kb.evidence[k] -= 2
    _drop_glued(kb)
    kb.listed.update(k for k, name in kb.persons.items() if known_performer(name))
    for k, score in list(kb.evidence.items()):  # "co-star Davis": her full name's evidence
        longer = [full for full in kb.persons if " " not in k and full.split()[-1] == k]
        if score and len(longer) == 1:
            kb.evidence[longer[0]] += score
    _cast_lists(kb, article)
    _show_people(kb, article)


def ranked(name: str) -> bool:
    """Whether a name opens with a rank or a title ("Officer John Nolan", "Sgt. Bell")."""
    return bool(name.split()) and _RANK.search(name.split()[0] + " ") is not None


# Titles a name may carry besides ranks: "Marshal Eli Stone", "Agent Maggie Bell".
_TITLE_WORDS = frozenset(
    words("marshal agent officer sergeant detective doctor dr mr mrs ms miss sir lady lord judge")
)


def _drop_glued(kb: Knowledge) -> None:
    """ "What To Know James Marsters", "Whenever Pete Davidson": a name seen once whose last
    words are a name the article uses is that name with a sentence's word glued on."""
    for k, name in list(kb.persons.items()):
        tail = keyof(" ".join(name.split()[1:]))
        first = name.split()[0]
        if _RANK.search(first + " ") or first.lower().strip(".") in _TITLE_WORDS:
            continue  # "Marshal Eli Stone", "Captain Ilse Varga": a rank belongs to the name
        if len(name.split()) >= 3 and kb.name_count[k] == 1 and tail in kb.persons:
            del kb.persons[k]
            kb.evidence[tail] += kb.evidence.pop(k, 0)


# "Station 19 actor Grey Damon", "Chicago P.D. vets A and B", "9-1-1 star Angela Bassett"
_FORMER = rx.compile(r"\b(?:[Ff]ormer|[Ee]x-|[Oo]ne-time|[Ee]rstwhile|[Oo]netime)\s*(?:\S+\s+)?$")
_SHOW_PEOPLE = rx.compile(
    rf"(?P<s>{SER})(?:[’']s)?\s+(?:actors?|actress(?:es)?|stars?|co-stars?|vets?|veterans?|"
    rf"alums?|cast\s+members?|newcomers?|leads?)\s+(?P<p>{NAM}(?:\s*,\s*{NAM})*(?:,?\s+and\s+"
    rf"{NAM})?)"
)


def _show_people(kb: Knowledge, article: Article) -> None:
    """The show each performer is introduced by ("Station 19 actor Grey Damon"): the roles
    they play in the article are that show's, when the article names them with no other."""
    seen: dict[str, set[str]] = {}
    for para in article.paragraphs:
        m = kb.mark(para.text)
        for match in _SHOW_PEOPLE.finditer(m.text):
            show = m.at(match.group("s")).value
            # "Former Doctor Who star Noel": a performer still, but his show was then
            former = _FORMER.search(m.text, max(0, match.start() - 20), match.start())
            for x in m.all(match.group("p")):
                if x.kind == "name":
                    shows = seen.setdefault(keyof(kb.full(x.value)), set())
                    if not former:
                        shows.add(show)
    for k, shows in seen.items():
        # A show's actor or star is a performer, before any role of theirs is read: "She
        # made her soap debut as villain Ellie Nixon" after "EastEnders star Mica Paris".
        kb.performers.add(k)
        show = next(iter(shows)) if len(shows) == 1 else ""
        if show and kb.series_count[show] >= 2:  # "Wonder actress X": a credit named once
            kb.show_of[k] = show


_CAST = rx.compile(
    rf"\b(?:[Ss]tarring|[Ss]tars|cast(?:\s+members)?(?:,)?\s+(?:including|includes|include)?|"
    rf"talented cast,?\s+including|joined by|set to star alongside)\s+"
    rf"(?P<list>{NAME}(?:\s*,\s*(?:and\s+)?{NAME})+(?:,?\s+and\s+{NAME})?)"
)
_SUBJECT_CAST = rx.compile(
    rf"(?P<list>{NAME}(?:\s*,\s*{NAME})+,?\s+and\s+{NAME})\s+(?:are|were|will)\s+"
    rf"(?:all\s+|also\s+)?(?:set to\s+)?(?:star|co-star|join|joining|appear)"
)


def _cast_lists(kb: Knowledge, article: Article) -> None:
    """Names in a plain cast list ("Starring A, B and C"; "A, B and C are all set to star")."""
    for para in article.paragraphs:
        for pattern in (_CAST, _SUBJECT_CAST):
            for m in pattern.finditer(para.text):
                for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("list")):
                    name = trim_name(item)[1]
                    if name and len(name.split()) >= 2:
                        kb.evidence[keyof(name)] += 2


def _role_word(word: str, before: str, after: str) -> bool:
    """Whether a first name that is also a word no name starts with ("Will", "May") is a name
    here: a performer in brackets after it, or a casting verb before it."""
    if not re.fullmatch(r"[A-Z][a-z]{2,}", word) or not is_given_name(word):
        return False
    return bool(
        re.match(r"\s*[(\[]\s*[A-Z][\w.\-]+\s+[A-Z]", after)
        or re.search(r"\b(?:as|plays?|played|playing|portrays?|portrayed)\s+$", before)
    )
