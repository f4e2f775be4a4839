"""Shows the press names without a cue word, and the evidence that decides what a bracket holds.

`series.py` finds titles by the grammar around them ("season 2 of X", "the spin-off X"). New
outlets name shows plainly: a gallery heading ("Derek Shepherd, Grey's Anatomy"), the object of an
appearance ("Kramer's turn on Mad About You", "will appear on The Connors"), a guest list that
gives each performer's credit in brackets ("Cynthia Nixon (Sex and the City), Camryn Manheim
(Ghost Whisperer)"). Each rule here needs evidence that the span is a show, not a person or a
place: its position (a heading line shaped `Name, Title` repeated through the article), its
predicate (an appearance, a guest spot), or its neighbours (a list whose other brackets are
shows).
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Article, unquoted
from showbible.news.entities import Knowledge
from showbible.news.names import NAME, WEEKDAYS, keyof, norm
from showbible.news.performers import known_performer
from showbible.news.series import COLON_TITLE, TITLE, series_name
from showbible.quick import rx

# "Derek Shepherd, Grey's Anatomy" on a line of its own: a gallery's heading, character then
# show; "Audrey Boudreau, 24": a number is a title there.
_HEADING = rx.compile(
    # "Who: Lecy Goranson — Becky Conner, Roseanne": a label, and the performer before a dash
    rf"^\s*(?:[A-Z]\w+:\s+)?(?:(?P<p>{NAME})\s+[—–]\s+)?"
    rf"(?P<n>{NAME}),\s+(?P<t>{COLON_TITLE}|{TITLE}|\d{{2,4}})\s*$"
)
# "Kramer's turn on Mad About You", "will appear on The Connors", "guest-starred on House":
# what an appearance is on is a show. "on" only: "appeared in Boston" is a place.
_ON_SHOW = rx.compile(
    rf"\b(?:appear(?:s|ed|ing)?|(?:guest\s+)?appearances?|turns?|cameos?|guest[- ]?starr?(?:ed|"
    rf"ing|s)?|guest\s+spots?|stints?|(?:stopp?(?:ed|s)?|dropp?(?:ed|s)?)\s+by|"
    rf"(?:show(?:s|ed)?|pop(?:s|ped)?|turn(?:s|ed)?)\s+up|recurr?(?:ed|ing|s)?)\s+"
    rf"(?:\w+\s+){{0,2}}?on\s+(?P<t>{COLON_TITLE}|{TITLE})"
)
_CROSSED = rx.compile(
    rf"\bcross(?:ed|es)?\s+over\s+(?:with|into|onto|to)\s+(?P<t>{COLON_TITLE}|{TITLE})"
)
# "1. Shelley Long on Cheers", "2. A and B on That '70s Show": a list article's numbered heading.
_NUMBERED = rx.compile(
    rf"^\s*\d+\.\s+{NAME}(?:\s*,\s*{NAME})*(?:,?\s+(?:and|&)\s+{NAME})?\s+(?:on|in)\s+"
    rf"(?P<t>{COLON_TITLE}|{TITLE})(?:\s*\((?:19|20)\d\d\))?\s*$"  # "... (2009)": its year
)
# "the animated shorts on The Tracey Ullman Show", "That '70s Show": a title that says it is one.
_SHOW_WORD = rx.compile(rf"(?P<t>(?:The|That|This)\s+(?:[’']\d0s|{TITLE})\s+Show)\b")
# "Futurama on The Simpsons", "The Simpsons has delivered": "The" in capitals inside a sentence
# opens a title; used twice or more there, the title is the article's show.
_MID_THE = rx.compile(rf"(?<=[a-z,;:] )(?P<t>The\s+{TITLE})")
# Where a place stands, never a show: "at The Wall", "towards The Wall", "north of The Neck"
_AT_A_PLACE = rx.compile(
    r"\b(?:at|towards?|near|inside|outside|beyond|across|around|behind|past|beneath|above|"
    r"(?:north|south|east|west)\s+of)\s+$"
)
# "Gossip Girl (CW, 8 PM) – This episode ...": a TV listing opens its paragraph with the show, its
# network and its time.
_LISTING = rx.compile(
    rf"^\W*(?P<t>{COLON_TITLE}|{TITLE})\s*\((?:[A-Z][\w+&]*,?\s+)?(?:at\s+)?\d{{1,2}}"
    rf"(?::\d\d)?\s*(?:[AaPp]\.?[Mm]\.?|/\d{{1,2}}c)[^()]{{0,20}}\)"
)
# Sites and stages the same verbs take: "appeared on Broadway", "popped up on Twitter".
_NOT_SHOWS = frozenset(
    keyof(w)
    for w in (
        "Broadway",
        "Twitter",
        "X",
        "Instagram",
        "Facebook",
        "TikTok",
        "YouTube",
        "Reddit",
        "Threads",
        "Bluesky",
        "Stage",
        "Screen",
        "Set",
        "Earth",
        *WEEKDAYS,
    )
)
# "A (X), B (Y) and C (Z)": pairs listed together.
_PAIR = rf"{NAME}\s*\([^()]{{1,60}}\)"
_PAIR_LIST = rx.compile(rf"{_PAIR}(?:\s*,\s*(?:and\s+)?{_PAIR}|\s+and\s+{_PAIR})+")
_ONE_PAIR = rx.compile(rf"(?P<n>{NAME})\s*\((?P<b>[^()]{{1,60}})\)")


def gallery_headings(article: Article) -> list[tuple[str, str, int, str, str]]:
    """Lines shaped `Name, Title` (or `Who: Performer — Name, Title`), when the article has two
    or more of them (a gallery: one line alone may be a dateline or a byline), as (name, title,
    line, text, performer or "")."""
    found = []
    for para in article.paragraphs[1:]:
        m = _HEADING.match(para.text)
        if m and len(para.text.split()) <= 12:
            found.append((m.group("n"), m.group("t"), para.line, para.text, m.group("p") or ""))
    return found if len(found) >= 2 else []


def learn_plain_series(kb: Knowledge, article: Article) -> None:
    """Add the shows the article names without a cue (see the module's docstring)."""
    for _, title, _, _, _ in gallery_headings(article):
        kb.add_series(title, exact=True)
        kb.named.add(keyof(title))
    for para in article.paragraphs:
        text = unquoted(para.text)
        for pattern in (_ON_SHOW, _CROSSED):
            for m in pattern.finditer(text):
                if re.search(r"[’']s$", m.group("t")):
                    continue  # "on Grey's since 2015": a short form, known by _possessive_forms
                title = series_name(m.group("t"), inside=True)
                # "appeared on Broadway", "guest-starred on Tuesday's episode": no show
                if title and keyof(title) not in _NOT_SHOWS and not _person(kb, title):
                    kb.add_series(title, exact=True)
    mid: dict[str, int] = {}
    for para in article.paragraphs:
        text = unquoted(para.text)
        listing = _LISTING.match(text)
        if listing:
            kb.add_series(listing.group("t"), exact=True)
        numbered = _NUMBERED.match(text)
        if numbered and len(text.split()) <= 12:
            kb.add_series(numbered.group("t"), exact=True)
        for named in _SHOW_WORD.finditer(text):
            kb.add_series(named.group("t"), exact=True)
        if not para.title:
            for m in _MID_THE.finditer(text):
                if _AT_A_PLACE.search(text, 0, m.start()):
                    continue  # "to work at The Wall", "marching towards The Wall": a place
                title = series_name(m.group("t"), inside=True)
                if title and not _person(kb, title):
                    mid[title] = mid.get(title, 0) + 1
    for title, n in mid.items():
        if n >= 2 and len(title.split()) <= 4:
            kb.add_series(title, exact=True)
    _possessive_forms(kb, article)
    bracket_credits(kb, article)


def _possessive_forms(kb: Knowledge, article: Article) -> None:
    """ "Grey's" for Grey's Anatomy, "Schitt's" for Schitt's Creek: a show whose title opens with
    a possessive is named by that word alone once the article has named it in full."""
    text = article.text
    for title in list(dict.fromkeys(kb.series.values())):
        first = title.split()[0]
        if len(title.split()) >= 2 and re.search(r"\w[’']s$", first):
            stem = re.escape(first[:-2]) + r"[’']s"
            if re.search(rf"(?<![\w-]){stem}(?!\s+{re.escape(title.split()[1])})\b", text):
                kb.add_series(title, first)


def _person(kb: Knowledge, title: str) -> bool:
    k = keyof(title)
    return k in kb.lex.performers or k in kb.lex.characters or kb.evidence[k] > 0


def bracket_credits(kb: Knowledge, article: Article) -> None:
    """A list of `Performer (Credit)` pairs, one of whose brackets is a show the article knows
    ("Cynthia Nixon (Sex and the City), Camryn Manheim (Ghost Whisperer)"): every bracket of the
    list is a show, every name before one a performer. One pair alone decides nothing. Another
    list the article introduces with the same words ("Guest stars of note:") is one too, though
    none of its shows is known ("Sean Astin (Meerkat Manor), Zachary Quinto (Heroes)")."""
    lists = []
    for para in article.paragraphs:
        for lm in _PAIR_LIST.finditer(para.text):
            pairs = [(p.group("n"), p.group("b").strip()) for p in _ONE_PAIR.finditer(lm.group(0))]
            titles = [series_name(b, exact=True) for _, b in pairs]
            if not all(t and re.fullmatch(rf"{COLON_TITLE}|{TITLE}", t) for t in titles):
                continue  # "(Homer)", "(forensic scientist X)": a role, not a credit
            intro = keyof(re.split(r"[.!?]\s", para.text[: lm.start()])[-1])
            known = any(kb.is_series(b) for _, b in pairs)
            lists.append((pairs, titles, intro if len(intro.split()) <= 6 else "", known))
    intros = {intro for _, _, intro, known in lists if known and intro}
    for pairs, titles, intro, known in lists:
        if not known and intro not in intros:
            continue
        for (name, _), title in zip(pairs, titles, strict=True):
            kb.add_series(title, exact=True)
            kb.named.add(keyof(title))
            kb.evidence[keyof(norm(name).split(",")[-1].strip())] += 3


def heading_characters(kb: Knowledge, article: Article) -> list[tuple[str, str, str, int, str]]:
    """(character, show, performer or "", line, heading) for each gallery heading `Character,
    Show` whose name is no performer by the article's evidence. The performer is the person the
    paragraph under the heading opens with ("Patrick Dempsey made his first live appearance ...",
    "As played by Kim Raver ...", "Rob Lowe's deputy ... character"), a full name that is not the
    heading's character; the article learns that they play it."""
    found = []
    lines = {p.line: i for i, p in enumerate(article.paragraphs)}
    headings = gallery_headings(article)
    if sum(known_performer(h[0]) for h in headings) * 2 > len(headings):
        # Most of its names are performers a catalogue lists: "Claire Danes, Homeland" lines
        # are nominees or credits, each a performer and a show, not a gallery of characters.
        return []
    for name, title, line, text, said in headings:
        show = kb.is_series(title)
        if not show or kb.performer_like(name) > 0:
            continue
        character = kb.full(name)
        performer = ""
        if said:  # the heading names its performer: "Lecy Goranson — Becky Conner, Roseanne"
            performer = kb.full(said)
            kb.roles.setdefault(keyof(performer), character)
            kb.evidence[keyof(performer)] += 2
            found.append((character, show, performer, line, text))
            continue
        after = article.paragraphs[lines[line] + 1 :][:1]
        opening = after[0].text[:60] if after else ""
        opening = re.sub(r"^\W*As (?:played|portrayed) by\s+", "", opening)
        first = re.search(rf"(?<![\w.]){NAME}", opening)
        if first is not None:
            who = norm(first.group(0))
            words = who.split()
            if (
                2 <= len(words) <= 3
                and keyof(who) != keyof(character)
                and not kb.is_series(who)
                and kb.performer_like(who) >= 0
                and keyof(who) not in kb.characters
                and all(w[:1].isupper() for w in words)
            ):
                performer = kb.full(who)
                kb.roles.setdefault(keyof(performer), character)
                kb.evidence[keyof(performer)] += 2
        found.append((character, show, performer, line, text))
    return found


# A sentence that lists a cast: "the ensemble cast - including A and B", "The series featured A".
_CAST_LISTED = rx.compile(
    r"\b(?:ensemble|cast\s+(?:[-–—]\s+)?(?:including|includes|included|members?)|featur(?:ed|es|ing)"
    r"|co-?stars?|the\s+cast\b)",
    re.IGNORECASE,
)


def appearance_subject(kb: Knowledge, subject: str, sentence: str = "") -> str | None:
    """Who an `appears_in` fact is about: a character stays; a name with performer evidence and
    no character evidence stands for the role the article gives it, or for nobody ("Dan Aykroyd
    will appear on The Connors": a guest, not a character)."""
    k = keyof(kb.full(subject))
    is_character = (
        k in kb.characters or k in kb.lex.characters or k in {keyof(r) for r in kb.roles.values()}
    )
    # the article's own word: a performer it names as no one's may stand for their character
    # ("Simone Missick ... hopping from Luke Cage to Iron Fist"); the catalogue's word only in
    # a cast listed ("The Riverdale ensemble cast - including KJ Apa", "The series featured
    # Ron Perlman": dm3), where a performer is a member of the cast, no one in the story
    evidence = kb.performer_like(subject, listed=_CAST_LISTED.search(sentence) is not None)
    if is_character or evidence <= 0:
        return subject
    return kb.roles.get(k)  # the performer's role, or no one
