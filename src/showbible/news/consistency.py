"""The article's last word on what each name is: a person, a character or a title.

The relation rules read one sentence at a time and may fill a slot with the wrong kind of name
("Olivia Williams (Counterpart)" read as a role; "Scrubs appears in Roseanne"). Once the whole
article is read, each name's kind is known from every place it stands, and a fact whose slots
hold the wrong kinds is dropped:

- ``plays``: the performer must not be a title, the character must not be a title nor a person
  the article names as a performer;
- ``appears_in``: the subject must be a character, not a title, a showrunner or a performer
  credited with a title ("Morgan Spector ('Homeland')").

Titles are known from the series the article names and from *credit brackets*: a name followed
by a bracketed title, the way articles give a performer's best-known work. A bracket is a title
when it is quoted, or a known series, or (in a list of such pairs) when the list's brackets
look like titles more than like names (lower-case words, a colon, a leading "The").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from showbible.news.cleaning import Article
from showbible.news.entities import Knowledge, title_case
from showbible.news.extractor import CLAUSE_START, NEGATION
from showbible.news.facts import NewsFact
from showbible.news.names import NAME, ROLE_VERB, keyof
from showbible.quick import rx

_PAIR = rf"(?P<n>{NAME})\s*\((?P<b>[^()]{{1,60}})\)"
_PAIR_RE = rx.compile(_PAIR)
# Pairs listed together: "A (X), B (Y) and C (Z)".
_PAIR_LIST = rx.compile(
    rf"{NAME}\s*\([^()]{{1,60}}\)(?:\s*,\s*(?:and\s+)?{NAME}\s*\([^()]{{1,60}}\)"
    rf"|\s+and\s+{NAME}\s*\([^()]{{1,60}}\))+"
)
_QUOTED = rx.compile(r"^\s*[‘'“\"].+[’'”\"]\s*$")
# A performer who takes a role right after the brackets: they hold a credit (see ROLE_VERB).
_ROLE_AFTER = rx.compile(rf"(?:\s*,?\s*(?:and\s+)?{NAME}\s*\([^()]{{1,60}}\))*{ROLE_VERB}")
# A list of performers after "starred", only some of them with brackets: "starred Zach Braff
# (Bullets Over Broadway), Sarah Chalke, Donald Faison, ... John C. McGinley (Glengarry Glen
# Ross), and more": a cast of characters would bracket every name.
_ITEM = rf"{NAME}(?:\s*\([^()]{{1,60}}\))?"
_STAR_LIST = rx.compile(
    rf"\b(?:starred|stars|starring|featured|featuring|features)\s+(?P<l>{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ITEM}){{2,}})"
)
# Words a name may hold in lower case; any other lower-case word makes a bracket a title's.
_NAME_LOWER = frozenset(
    ("de", "da", "van", "von", "der", "den", "del", "di", "du", "le", "la", "bin", "al", "dos",
     "das", "mac", "the", "of", "and", "or", "aka", "a.k.a.", "a")
)  # fmt: skip
_YEARS = rx.compile(r"\b(?:19|20)\d\d\b|\b(?:season|series|episode|film|movie|show)\b", re.I)


def _title_shape(bracket: str) -> int:
    """How much a bracket's text looks like a work's title (> 0) rather than a name."""
    text = bracket.strip()
    if _QUOTED.match(text):
        return 2
    if _YEARS.search(text) or not text or not text[0].isupper():
        return -1  # "(2015)", "(the late John Mahoney)": something else than a credit
    score = 0
    lower = [w for w in text.split() if w[:1].islower() and w.lower() not in _NAME_LOWER]
    if lower:
        score += 1
    if ":" in text:
        score += 1
    if text.split()[0] in ("The", "A", "An") and len(text.split()) > 1:
        score += 1
    return score


def _numbered(title: str) -> int:
    return 1 if re.search(r"\d", title) else 0


def credit_titles(
    kb: Knowledge,
    article: Article,
    sure: set[str] | None = None,
    roles: dict[str, set[str]] | None = None,
) -> dict[str, set[str]]:
    """Each title used as a credit in the article, with the names it was given after (keys);
    ``sure`` gets the names a credit marks as performers: a quoted title, or a list of them.
    ``roles``: each performer's roles (keys), as the facts give them."""
    out: dict[str, set[str]] = {}
    sure = set() if sure is None else sure

    def credit(name: str, bracket: str, listed: bool = False) -> None:
        title = bracket.strip().strip("‘'“\"’”").strip()
        out.setdefault(keyof(title), set()).add(keyof(kb.full(name)))
        if listed or _QUOTED.match(bracket):
            sure.add(keyof(kb.full(name)))

    for para in article.paragraphs:
        for m in _PAIR_LIST.finditer(para.text):
            pairs = list(_PAIR_RE.finditer(m.group(0)))
            shapes = [_title_shape(p.group("b")) for p in pairs]
            titles = sum(
                1 for p, s in zip(pairs, shapes, strict=True) if s > 0 or kb.is_series(p["b"])
            )
            if titles >= 2 and titles * 2 >= len(pairs) and min(shapes) >= 0:
                for p in pairs:
                    credit(p.group("n"), p.group("b"), listed=True)
        for m in _STAR_LIST.finditer(para.text):
            items = re.findall(_ITEM, m.group("l"))
            pairs = list(_PAIR_RE.finditer(m.group("l")))
            if pairs and len(pairs) * 2 < len(items):
                for p in pairs:  # a performer whose role the article gives elsewhere
                    if (roles or {}).get(keyof(kb.full(p["n"])), set()) - {keyof(p["b"])}:
                        credit(p.group("n"), p.group("b"), listed=True)
        for p in _PAIR_RE.finditer(para.text):
            if _ROLE_AFTER.match(para.text, p.end()) and keyof(p.group("b")) not in kb.performers:
                credit(p.group("n"), p.group("b"), listed=True)
            elif _QUOTED.match(p.group("b")) or (
                kb.is_series(p.group("b")) and not kb.is_series(p.group("n"))
            ):
                credit(p.group("n"), p.group("b"))
    return out


# Words a title in capitals holds and a person's name never does ("Ones To Watch").
_TITLE_WORDS = frozenset(("The", "Of", "To", "And", "In", "On", "With", "For", "At", "From", "Is"))


def _person_shaped(name: str) -> bool:
    return not any(w in _TITLE_WORDS for w in name.split()[1:])


# "X isn't the only <Show> character to return" says X returns.
_NOT = rx.compile(rf"(?:{NEGATION.pattern}|n[’']t\b)(?!\s+(?:the\s+)?only\b)")


def negated(fact: NewsFact) -> bool:
    """Whether the clause that places a character in a show says it is not so ("Charlie
    Hunnam won't be reprising his role as Jax Teller in Mayans"): a negation between the
    clause's start and the show's name."""
    text = fact.sentence
    at = -1
    for form in (fact.subject, fact.subject.split()[0], fact.subject.split()[-1]):
        at = text.find(form)
        if at >= 0:
            break
    end = text.find(fact.object, max(at, 0))
    if at < 0 or end < 0:
        return False
    lo, hi = min(at, end), max(at, end) + len(fact.object)
    start = 0
    for m in CLAUSE_START.finditer(text, 0, lo):
        start = m.end()
    return _NOT.search(text, start, hi) is not None


def _keys(names: Iterable[str]) -> set[str]:
    return {keyof(n) for n in names}


def typed(facts: list[NewsFact], kb: Knowledge, article: Article) -> list[NewsFact]:
    """The facts whose slots hold the kinds of names the article gives them (see above)."""
    sure: set[str] = set()
    roles: dict[str, set[str]] = {}
    for f in facts:
        if f.kind == "plays":
            roles.setdefault(keyof(f.subject), set()).add(keyof(f.object))
    credits = credit_titles(kb, article, sure, roles)
    titles = set(credits)

    # The shows the facts place characters in or give a showrunner, when a show's name cannot
    # be a hero's ("The Flash", "Station 19"; "Luke Cage" and "Arrow" can, and stay characters
    # where a fact holds them as one); a name the article or the bible knows as a character is
    # not one of them.
    shows = {
        keyof(f.object)
        for f in facts
        if f.kind in ("appears_in", "showrunner") and _title_shape(f.object) + _numbered(f.object)
    }
    shows -= set(kb.characters) | set(kb.lex.characters)

    def is_title(name: str) -> bool:
        return keyof(name) in titles | shows

    # A performer is never a show the facts place characters in, whatever its shape ("the
    # Mayans' Oakland president" is no "Mayans MC plays Oakland").
    placed = _keys(f.object for f in facts if f.kind in ("appears_in", "showrunner"))

    # "Jay and Silent Bob's Crash Landing": a headline's capitals name no role the text never
    # names again
    heads = {p.line for p in article.paragraphs[:2] if title_case(p.text)}
    prose = " ".join(keyof(p.text) for p in article.paragraphs if not title_case(p.text))

    def wrong_plays(f: NewsFact) -> bool:
        if not _person_shaped(f.subject) or is_title(f.subject) or is_title(f.object):
            return True  # a headline's words in capitals, or a title, is no performer or role
        owned = re.search(rf"[’']s\s+{re.escape(f.object)}", f.sentence)
        if f.line in heads and owned and prose and keyof(f.object) not in prose:
            return True
        if keyof(f.subject) in placed or keyof(kb.is_series(f.subject) or "") in placed:
            return True
        return keyof(f.object) in performers  # "A plays David Hyde Pierce": someone's performer

    performers = _keys(f.subject for f in facts if f.kind == "plays" and not is_title(f.object))
    kept = [f for f in facts if f.kind != "plays" or not wrong_plays(f)]
    played = _keys(f.object for f in kept if f.kind == "plays")
    # What a wrong pair placed in its sentence goes with it.
    misread = {(f.line, keyof(f.object)) for f in facts if f.kind == "plays"} - {
        (f.line, keyof(f.object)) for f in kept if f.kind == "plays"
    }
    runners = _keys(f.subject for f in facts if f.kind == "showrunner")
    credited = {n for names in credits.values() for n in names}
    out = []
    for f in kept:
        if f.kind == "showrunner" and not _person_shaped(f.subject):
            continue
        if f.kind == "appears_in":
            k = keyof(f.subject)
            if is_title(f.subject) or (k in runners and k not in played):
                continue
            if (f.line, k) in misread and k not in played:
                continue
            if negated(f):
                continue
            evidence = kb.performer_like(f.subject) + (k in sure)
            if k in credited and k not in played and evidence > 0 and keyof(f.object) in titles:
                # "Morgan Spector ('Homeland')": a performer's credit ("Cosmo Kramer (Seinfeld)"
                # unquoted, with no evidence either way, may be a character's show)
                continue
        out.append(f)
    return out
