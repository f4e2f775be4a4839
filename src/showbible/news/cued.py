"""Titles the grammar around them marks as shows or films ("season 2 of X", "the spin-off X",
"X star Jane Doe", "from A to B", ", in which he stars as"): the cues of ``series.SERIES_CUES``
read over an article, with what a line glues to a title taken off (a caption's kicker, where
and when a work was filmed), and the titles a recap's or a review's headline opens on.
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Article, unquoted, used_unlabelled
from showbible.news.names import GENRE, NUMBER_WORDS, WEEKDAYS
from showbible.news.performers import known_performer
from showbible.news.series import (
    NETWORK_TAIL,
    SERIES_CUES,
    TITLE,
    TWORD,
    UP,
    headline_title,
    series_name,
    split_list,
)
from showbible.quick import rx
from showbible.reading.lexicon import is_common, position_words
from showbible.reading.lexicon.given import is_given_name

# "filming Cinderella in England on Sunday": where and when a work was seen, not its title's
_SEEN_AT = rx.compile(
    rf"^(?P<t>.+?)\s+(?:in|at)\s+(?:[{UP}][\w'’\-]+\s+){{1,3}}?(?:on\s+(?:"
    + "|".join(WEEKDAYS)
    + r")|yesterday|last\s+(?:week|night|month)|this\s+(?:week|month|morning)|earlier\s+this)\b"
)

_YEAR_CUE = next(c for c in SERIES_CUES if c.pattern.endswith(r"\s+\((?:19|20)\d\d\)"))
_ON_HEADING = next(c for c in SERIES_CUES if c.pattern.startswith(r"^\s*(?:\d+(?:-\d+)?"))
# "Jane Doe's Greyharbor character": a title unless the article names it as a role elsewhere.
_POSSESSIVE_CUE = next(c for c in SERIES_CUES if "castmates" in c.pattern)
_JOIN_CUE = next(c for c in SERIES_CUES if "introduced" in c.pattern)
# "Arrow star Stephen Amell", "the latest Ryan Murphy series": a maker's name before the noun
# when the article names that person as someone ("from the mind of Ryan Murphy", dm3)
_MAKERS_CUE = next(c for c in SERIES_CUES if c.pattern.endswith(r"){0,3}series\b"))
# "Scott M. Gimple (The Walking Dead)": a title in a bracket after a name
_BRACKET_CUE = next(c for c in SERIES_CUES if r"\((?P<t>The\s+" in c.pattern)
_AS_SOMEONE = r"(?:mind|pen|brain|hands?|creator|producer|director|writer)\s+of\s+|(?:from|by)\s+"
# "X streaming / premieres / arriving / hits": a person arrives and hits back too ("The trailer
# opens with Gifford arriving in Scotland", after "Kathie Lee Gifford")
_ARRIVING_CUE = next(c for c in SERIES_CUES if "arriving" in c.pattern)
_PEOPLE_DO_TOO = rx.compile(r"\b(?:arriving|hits)$")


def _persons_possessive(name: str, text: str, m: re.Match[str]) -> bool:
    """Whether a cue's one-word title is a first name in the possessive before a common noun
    ("role in Leslie's campaign"); a show's possessive ("Veep's finale") is no first name."""
    word = re.sub(r"[’']s$", "", name.strip())
    if " " in word or not re.fullmatch(r"[A-Z][a-z]+", word) or not is_given_name(word):
        return False
    at = text.find(word, m.start())
    return at >= 0 and re.match(r"[’']s\s+[a-z]", text[at + len(word) :]) is not None


def _person_shaped(name: str, whole: str) -> bool:
    """Two or three capitalised words opening on a first name the census lists ("Tom Reyes"),
    or a surname the article gives someone in full ("Staunton" after "Imelda Staunton")."""
    words = name.split()
    if len(words) == 1:
        return any(
            is_given_name(m.group(1))
            for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(name)}\b", whole)
        )
    return 2 <= len(words) <= 3 and is_given_name(words[0]) and all(w[:1].isupper() for w in words)


def _past_verb(name: str) -> bool:
    return " " not in name and name.endswith("ed") and is_common(name)


# A title, its possessive and a person's two or three words: "The Nanny's Fran Drescher".
_CREDIT_GLUED = rx.compile(r"^(.+?)[’']s\s+([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2})$")


def _unglued(name: str, text: str, article: Article, bracket: bool = False) -> str:
    """A cue's title without what the line glued to it: a caption's one-word kicker before a
    colon ("Wrap: The Crown star ...", a word the article never uses unlabelled), a performer
    after the show's possessive ("The Nanny's Fran Drescher": a performer the catalogue knows,
    or anyone in a bracket after a name; not "Tom Clancy's Jack Ryan"), where and when the
    work was seen ("filming Cinderella in England on Sunday")."""
    head, colon, tail = name.partition(":")
    if (
        colon
        and " " not in head.strip()
        and re.match(rf"^\W*{re.escape(name)}", text)
        and not used_unlabelled(article, head)
    ):
        name = tail.strip()
    credit = _CREDIT_GLUED.match(name)
    person = credit is not None and (
        known_performer(credit.group(2)) or (bracket and is_given_name(credit.group(2).split()[0]))
    )
    if credit is not None and person:
        name = credit.group(1)  # "Kate (The Nanny's Fran Drescher)": a show, then its performer
    at = text.find(name)
    seen = _SEEN_AT.match(name + text[at + len(name) : at + len(name) + 40]) if at >= 0 else None
    if seen is not None and len(seen.group("t")) < len(name):
        name = seen.group("t")
    return name


def cue_titles(article: Article) -> list[str]:
    """Titles that the grammar around them marks as shows or films."""
    found: list[str] = []
    whole = article.text
    for para in article.paragraphs:
        text = unquoted(para.text)  # someone's words are not the article's
        for cue in SERIES_CUES:
            for m in cue.finditer(text):
                groups = m.groupdict()
                names = [groups[g] for g in ("t", "a", "b") if groups.get(g)]
                if cue is _YEAR_CUE and _ON_HEADING.match(text):
                    continue  # the heading cue reads "A on B (2009)" as two shows
                if cue is _POSSESSIVE_CUE and re.search(
                    rf"\b(?:role|character|as)\s+{re.escape(groups['t'])}\b", whole
                ):
                    continue  # "Lloyd's Lou character" after "his Roseanne role Lou": a role
                if (
                    cue is _POSSESSIVE_CUE
                    and len(groups["t"].split()) >= 2
                    and groups["t"].split()[-1].upper() in position_words()
                ):
                    continue  # "her White House Press Secretary character Cat Grant": a job
                if cue is _JOIN_CUE and _person_shaped(groups["t"], whole):
                    continue  # "joined Tom Reyes as a series regular": whom one joins
                if (
                    cue is _MAKERS_CUE
                    and _person_shaped(groups["t"], whole)
                    and re.search(rf"\b(?:{_AS_SOMEONE}){re.escape(groups['t'])}\b", whole)
                ):
                    continue  # "the latest Ryan Murphy series", "from the mind of Ryan Murphy"
                if (
                    cue is _ARRIVING_CUE
                    and _PEOPLE_DO_TOO.search(m.group(0))
                    and _person_shaped(groups["t"], whole)
                ):
                    continue  # "Gifford arriving in Scotland": someone the article names
                if groups.get("list"):
                    items = split_list(groups["list"])
                    opener = re.split(r"[.!?]\s+", text[: m.start()])[-1]
                    if re.match(r"^\W*(?:In|On|During)\b", opener) or re.match(
                        r"episode\s+of\b", m.group(0)
                    ):
                        # "On the last episode of A, Natalie and Crockett ...", "this week's
                        # episode of The Magicians, Julia ...": one episode is of one show
                        items = items[:1]
                    names.extend(items)
                # "a key role in Leslie's campaign": a first name's possessive, a person's;
                # "another fan of the show Tweeted.": a verb's past form, the clause's verb
                # "the miserable pensioner Tommy in the BBC sitcom": a role, then a network's
                names = [
                    n
                    for n in names
                    if not _persons_possessive(n, text, m)
                    and not _past_verb(n)
                    and not NETWORK_TAIL.search(n)
                ]
                names = [_unglued(n, text, article, cue is _BRACKET_CUE) for n in names]
                if para.title:  # a headline's "Show: what this is about" names the show alone
                    names = [headline_title(n) for n in names]
                start = min((m.start(g) for g in ("t", "a", "list") if groups.get(g)), default=0)
                inside = bool(re.search(r"[a-z,]\s+$", text[:start])) and not para.title
                network = cue is SERIES_CUES[0]  # "Marvel's The Avengers": a title
                found.extend(
                    n for n in (series_name(n, inside=inside, orgs=not network) for n in names) if n
                )
    # A headline "X: Everything We Know About Season 3".
    for para in article.paragraphs[:1]:
        head = re.match(rf"(?P<t>{TITLE})\s*:\s+(?P<rest>.*)$", para.text)
        # "Star Trek: Lower Decks crossover ...": there the colon is the show's own.
        colon_show = head is not None and re.match(
            rf"{TWORD}(?:[ \t]+{TWORD})?[ \t]+[a-z]", head.group("rest")
        )
        topic = head is not None and re.search(
            r"\b(?:season|series|episode|finale|premiere)\b", head.group("rest"), re.IGNORECASE
        )
        if para.title and head is not None and topic and not colon_show:
            # ("Steven Universe Review: ...": series_name drops the genre word)
            found.append(series_name(head.group("t")))
        if para.title:
            found.extend(_recap_headline(para.text, whole))
    # A blog's headline below its date line: "Monday, October 15, 2007" then "Desperate
    # Housewives Recap", a short line of its own among the first.
    for para in article.paragraphs[1:4]:
        short = len(para.text.split()) <= 8 and not re.search(r"[.!?]$", para.text)
        line = _RECAP_LINE.match(para.text) if short else None
        if line is not None:
            found.append(series_name(line.group("t"), exact=True))
    return [f for f in found if f]


# A recap's or a review's headline opens on its show: "Brooklyn Nine-Nine Recap 6.7: ...",
# "Parks and Recreation Recap: ...", "The Good Place season 4 review", "Psych 7x12", "modern
# family recapping: the wow factor" (a blog's lower case). The genre words: names.GENRE.
_RECAP_HEAD = rx.compile(
    rf"^\W*(?P<t>{TITLE})\s+(?:{GENRE}\b|[Ss](?:eason|eries)\s+(?:\d|{NUMBER_WORDS}\b)|\d{{1,2}}\s*[x.]\s*\d{{1,2}}\b|"
    r"[Ss]\d{1,2}\s*[Ee]\d{1,2}\b)"
)
# a line that is only a show and its genre word: "Desperate Housewives Recap"
# ("True Blood: Season Premiere", "Castle Season Finale")
_RECAP_LINE = rx.compile(
    rf"^\W*(?P<t>{TITLE})\s*:?\s+(?:(?:[Ss]eason|[Ss]eries|[Mm]id-?[Ss]eason)\s+)?"
    rf"(?:{GENRE}|RECAP|REVIEW)\W*$"
)
_LOWER_RECAP_HEAD = rx.compile(r"^\W*(?P<t>[a-z][a-z’' ]{2,40}?)\s+recap(?:ping|s)?\b")
# "Psych – Juliet Wears the Pantsuit": a show, a dash, an episode's title; a show only when the
# article names it again below (a headline "Sarah Chalke – Scrubs Star Returns" names a person).
_DASH_HEAD = rx.compile(rf"^\W*(?P<t>{TITLE})\s+[–—-]\s+[A-Z“\"‘']")


def _recap_headline(head: str, whole: str) -> list[str]:
    found: list[str] = []
    # "REVIEW: Bob's Burgers 'X'"
    head = re.sub(rf"^\W*{GENRE}\s*[:–—-]\s*", "", head, flags=re.IGNORECASE)
    if m := _RECAP_HEAD.match(head):
        # "Brooklyn Nine-Nine Recap 6.7": the cue word is no part of the title, nor "Hacks
        # Season 1 Episode 3 & Episode 4 Review"'s season and episodes
        title = re.sub(r"\s+(?:Season|Series|Episode|Part|Chapter)\s+\d.*$", "", m.group("t"))
        found.append(title)  # series_name below drops the genre words glued after it
    elif m := _LOWER_RECAP_HEAD.match(head):
        found.append(m.group("t").title())
    elif (m := _DASH_HEAD.match(head)) and whole.count(m.group("t")) >= 2:
        found.append(m.group("t"))
    # the title opens the headline: its first word is its own ("Only Murders in the Building")
    return [t for t in (series_name(f, exact=True) for f in found) if t]
