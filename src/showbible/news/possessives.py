"""Whose is "P's C": a performer's character, or a maker's work, an organisation's thing, a
speaker's employer.

The press writes a performer's character as a possessive ("Jane Holt's Mara Voss"), and the
relation rules read it so whenever P looks like a person. Arts and music news uses the same
shape for everything else: a director's, an author's or a band's work ("Mike Leigh's Vera
Drake", "Fatboy Slim's Palookaville"), an organisation's person or thing ("said Sky Networks'
Sophie Turner Laing", "Nottingham University's Uncle Roy All Around You"), a name as an
attributive ("John Peel's BBC Radio 1 show", "David Mitchell's Booker-shortlisted novel").
A ``plays`` fact read from such a possessive, and the appearance of its "character" in that
line, are dropped when the article's own words say which of these it is:

- C stands before a noun for a thing, or is glued to a hyphen's word ("C album", "C show",
  "C-shortlisted"), or is told by its credits or its kind ("C, starring X", "C - a teenage
  drama");
- its sentence speaks of films, stages, records or companies and not of television;
- P, as the possessive writes it, is a title the article calls a film, a play or an album
  ("Ray's Taylor Hackford", after "biopic Ray"): its maker or its star;
- the possessive follows a speech verb (``said P's C``): C is the one who speaks;
- P is an organisation by its own words ("University", "Records", "Choir") or by the article's
  ("the band P"), or C is one by its own ("P's Sports Entertainment Enterprises", "P's LNM
  Holdings");
- the article names P with a maker's noun (director, author, singer, band ...) and never with
  a performer's (actor, actress, star).
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Article
from showbible.news.facts import NewsFact
from showbible.news.names import NOT_PERSON_FIRST, ORGS, keyof, words
from showbible.news.works import MUSIC, NOT_TV_WORLD, TV_WORLD, Works
from showbible.quick import rx

# A thing's noun after C: C names the thing (a work, a company, an event), not a character.
_THING_AFTER = rx.compile(
    r"(?:-[a-z]|(?:\s+\d+)?\s+(?:show|album|single|song|track|novel|book|film|movie|biopic|documentary|"
    r"label|studios?|company|coverage|festival|farm|site|website|programme|play|musical|opera|"
    r"tour|concert|band|group|awards?|prize|nominations?|collection|exhibition|painting|"
    r"project|empire|estate|records?|taskforce|campaign|trophy|ceremony|presenters?)\b"
    # a title told by its credits or its kind: "P's C, starring X", "P's C - a teenage drama"
    r"|,?\s+(?:starring|directed\s+by|written\s+by|produced\s+by|adapted\s+from)\b"
    r"|\s*[-–—,]\s*(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,4}?(?:drama|comedy|sitcom|film|movie|"
    r"thriller|documentary|series|serial|adaptation|musical|animation)\b)"
)
_SPEECH_BEFORE = rx.compile(r"\b(?:said|says|told|according\s+to|added|explained)\s+(?:the\s+)?$")
# Words that make a name an organisation's, whatever the article says of it.
_ORG_WORDS = frozenset(
    words("""University College Networks Network Interactive Council Association Equity Records
    Studios Studio Films Pictures Choir Orchestra Company Group Enterprises Ltd Inc FM Radio
    Yard Union Forum Circle Institute Society Academy Foundation Trust Theatre Opera Ballet
    Festival Court Corporation Agency Club Museum Gallery Magazine Holdings Industries Motors
    Bank Partners""")
)  # fmt: skip
_MAKER = (
    r"(?:director|film-?maker|author|novelist|writer|composer|painter|artist|photographer|"
    r"designer|producer|DJ|singer|rapper|musician|band|group|entrepreneur|playwright|poet|"
    r"conductor|songwriter|crooner|guitarist|choreographer|label|company)"
)
_PERFORMER = r"(?:actor|actress|star|performer|co-star|comedian)"


def _forms(name: str) -> list[str]:
    parts = name.split()
    return list(dict.fromkeys(f for f in (name, parts[-1], parts[0]) if f)) if parts else []


def _alt(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def _possessive(sentence: str, owner: str, owned: str) -> re.Match[str] | None:
    """The "P's C" that links a fact's performer and character in its sentence, if any."""
    if not owner.split() or not owned.split():
        return None
    return re.search(
        rf"(?<![\w-])(?P<p>{_alt(_forms(owner))})['’‘]s?\s+(?:[a-z][\w-]*\s+){{0,2}}"
        rf"(?P<c>{_alt(_forms(owned))})(?![\w])",
        sentence,
    )


def _elsewhere(sentence: str) -> bool:
    """A sentence of films, stages, records or companies that says nothing of television
    ("P's C picked up the best film award")."""
    return TV_WORLD.search(sentence) is None and (
        NOT_TV_WORLD.search(sentence) is not None
        or MUSIC.search(sentence) is not None
        or re.search(r"\bcompan(?:y|ies)\b", sentence) is not None
    )


def _organisation(text: str, owner: str) -> bool:
    words = owner.split()
    if any(w in _ORG_WORDS or w in ORGS for w in words) or words[0] in NOT_PERSON_FIRST:
        return True
    p = re.escape(owner)
    return (
        re.search(rf"\b(?:the\s+)?(?:band|group|label|company|firm|studio)\s+{p}\b", text)
        is not None
    )


def maker(text: str, owner: str, whole: bool = False) -> bool:
    """The article names P (by its last word, or ``whole``) with a maker's noun and never with
    a performer's."""
    last = re.escape(owner if whole else owner.split()[-1])
    # within a line: a byline's "Writer" above the title is nobody's noun
    near = rf"(?:[A-Z][\w'’-]*[ \t]+){{0,3}}?{last}\b"
    made = re.search(rf"\b(?i:{_MAKER})[ \t]+{near}", text) or re.search(
        rf"\b{last}['’]s?[ \t]+(?:[\w-]+[ \t]+){{0,2}}(?:film|movie|novel|album|book|opera|"
        rf"painting|documentary|biopic|single|song|label|company|classic|story|stories)\b",
        text,
    )
    acted = re.search(rf"\b(?i:{_PERFORMER})[ \t]+{near}", text) or re.search(
        rf"\b{last},?\s+who\s+(?:plays|played|stars|starred|is\s+playing)\b", text
    )
    return made is not None and acted is None


def not_a_role(fact: NewsFact, text: str, works: Works | None = None) -> bool:
    """Whether a ``plays`` fact is a possessive that the article shows to be no role."""
    found = _possessive(fact.sentence, fact.subject, fact.object)
    if found is None:
        return False
    return (
        _THING_AFTER.match(fact.sentence, found.end("c")) is not None
        # "Ray's Taylor Hackford", the article's "biopic Ray": a film's maker or star
        or (works is not None and works.not_tv(found.group("p")))
        or fact.object.split()[0] in NOT_PERSON_FIRST  # "Judy Finnigan's Channel 4 show"
        or fact.object.split()[-1] in _ORG_WORDS  # "Mr Kato's Sports Enterprises"
        or _SPEECH_BEFORE.search(fact.sentence[: found.start()]) is not None
        or _elsewhere(fact.sentence)
        or _organisation(text, fact.subject)
        or maker(text, fact.subject)
    )


def drop_owned_things(facts: list[NewsFact], article: Article) -> list[NewsFact]:
    """The facts without the possessives that are no roles (see the module's docstring), and
    without the appearance, in that line, of what such a possessive named."""
    text = article.text
    works = Works(article, lambda _title: False)  # what the article calls its titles
    owned = {
        (keyof(f.object), f.line) for f in facts if f.kind == "plays" and not_a_role(f, text, works)
    }
    return [
        f
        for f in facts
        if not (f.kind == "plays" and (keyof(f.object), f.line) in owned)
        and not (f.kind == "appears_in" and (keyof(f.subject), f.line) in owned)
    ]
