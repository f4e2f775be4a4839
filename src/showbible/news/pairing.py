"""How the pairs of a cast line up: performers with characters, and one order per list."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

from showbible.news.entities import NAM, Knowledge, Marked, Mention, ranked
from showbible.news.names import keyof, words
from showbible.quick import rx

# "Blake and Dylan Tuomy-Wilhoit (", "A, B and C (": the names listed before a pair's first name
_LEAD = rx.compile(rf"(?P<l>{NAM}(?:\s*,\s*{NAM})*)\s*,?\s+(?:and|&)\s+$")


# A job before a name: what follows in brackets is that person's credits.
_JOB_BEFORE = rx.compile(
    r"\b(?:[Pp]roducers?|[Cc]o-?creators?|[Cc]reators?|[Dd]irectors?|[Ww]riters?|[Ss]howrunners?|"
    r"[Hh]osts?)\s*$"
)


# "as a homeless Vietnam veteran", "as a retired Navy admiral": in an indefinite description,
# a capitalised word before a noun qualifies the noun; the role has no name.
_FUNCTION = (
    r"(?:in|on|at|from|for|with|to|of|into|and|or|but|who|whom|that|which|when|while|during|"
    r"after|before|since|until|this|next|last|is|was|will|would|has|had|have|the|a|an|as|"
    r"alongside|opposite|than|where)"
)


def attributive(span: str, token: str) -> bool:
    """Whether ``token`` stands in an indefinite description ("a ... TOKEN noun")."""
    return bool(
        re.match(rf"(?:a|an)\s+(?:[a-z][\w\-]*\s+){{0,3}}{token}\s+(?!{_FUNCTION}\b)[a-z]", span)
    )


# "A and B, who plays X": the clause is B's alone; "A and B, who play X and Y" is both's.
WHO_SINGULAR = rx.compile(r",\s*who\s+(?:(?:also|now|still|once|\w+ly)\s+)*(?:is|was|has|\w+s)\b")


def credits_bracket(before: str, inside: str) -> bool:
    """Whether a name's bracket lists its credits, not its role: after a job ("producer Graham
    Yost (Justified, Boomtown)"), or two titles or more between commas and no "and" ("stars
    Keri Russell (Felicity, Running Wilde)"); a role is one name, or two joined by "and"
    ("Michelle (Mary-Kate and Ashley Olsen)")."""
    if _JOB_BEFORE.search(before):
        return True
    if re.search(r",\s*(?:[LRC]|left|right|cent(?:er|re)|top|bottom|front|back)\.?\s*$", inside):
        return False  # "(Tom Mison, L)": a caption's place in the picture
    return "," in inside and not re.search(r"\b(?:and|&|later|then|replaced|succeeded)\b", inside)


# Words that go on with a list: "along with", "as well as", "joined by", a comma, "and".
_LIST_GOES_ON = rx.compile(
    r"(?:,?\s+(?:along\s+with|as\s+well\s+as|alongside|joined\s+by|together\s+with)|,|\s+and)\s*$"
)


def performer_company(kb: Knowledge, m: Marked, start: int) -> bool:
    """Whether the pairs at ``start`` go on with a list that a performer opened: "A, who will
    reclaim his role of X, along with B (Y), C (Z)": B and C are named as A is."""
    before = m.text[:start]
    if not _LIST_GOES_ON.search(before):
        return False
    # the name just before the list, outside any bracket and not inside a who-clause: "his
    # sister, Debra (Jennifer Carpenter)" after a performer's name is an apposition, no list
    head = re.sub(r"\([^()]*\)|,\s+who\s+[^,]*", "", before)
    last = re.search(r"(\ue002\d+\ue003)" + _LIST_GOES_ON.pattern, head)
    if last is None:
        return False
    name = m.at(last.group(1))
    return name.kind == "name" and keyof(kb.full(name.value)) in kb.performers


def list_votes(votes: list[int], joined: list[bool]) -> list[int]:
    """The pairs of one list share their order: each listed pair takes the sign of its list's
    votes ("Zack Morris (Mark-Paul Gosselaar), ..., A.C. Slater (Mario Lopez)": one pair's
    doubtful evidence does not turn it round). ``joined[i]``: pair i and i + 1 are listed."""
    out, start = list(votes), 0
    for i in range(len(votes)):
        if i + 1 < len(votes) and joined[i]:
            continue
        total = sum(votes[start : i + 1])
        if i > start and total:
            out[start : i + 1] = [1 if total > 0 else -1] * (i + 1 - start)
        start = i + 1
    return out


def zip_roles(
    performers: list[Mention], characters: list[Mention], kb: Knowledge | None = None
) -> list[tuple[Mention, Mention]]:
    """Performers to characters: one to one, in order ("A and B as X and Y"), or all to one; or,
    given the article's ``kb``, one to all ("Mike Judge will return as Hank Hill and Boomhauer":
    a voice actor's roles) when no name after the first may be a performer's ("A, reprising her
    role as X, and B, back as Y": B is one)."""
    if len(performers) == len(characters):
        return list(zip(performers, characters, strict=True))
    if len(characters) == 1:
        return [(p, characters[0]) for p in performers]
    if (
        len(performers) == 1
        and kb is not None
        and all(c.kind == "name" and not _maybe_performer(kb, c.value) for c in characters[1:])
    ):
        return [(performers[0], c) for c in characters]
    return []


def _maybe_performer(kb: Knowledge, name: str) -> bool:
    """A performer's name, or a full name the article does not know as a character's."""
    full = kb.full(name)
    if keyof(full) in kb.performers or kb.performer_like(name) > 0:
        return True
    return " " in full and keyof(full) not in kb.characters and not ranked(full)


def spread(
    m: Marked, start: int, a: Mention, bs: list[Mention], full: Callable[[str], str] | None
) -> list[tuple[Mention, Mention]]:
    """ "Blake and Dylan Tuomy-Wilhoit (Nicky and Alex Katsopolis)": as many names listed before
    the brackets as in them pair one to one, in order; with ``full`` (the list names performers),
    a first name alone there that the article never gives in full shares the surname of the last
    ("Blake" is Blake Tuomy-Wilhoit). Otherwise each name in the brackets pairs with the one
    before them ("Michelle (Mary-Kate and Ashley Olsen)")."""
    lead = _LEAD.search(m.text[:start]) if len(bs) >= 2 else None
    heads = m.all(lead.group("l")) if lead else []
    if len(heads) + 1 != len(bs) or any(h.kind != "name" for h in heads):
        return [(a, b) for b in bs]
    surname = a.value.split()[-1] if full and len(a.value.split()) >= 2 else ""
    heads = [
        dataclasses.replace(h, value=f"{h.value} {surname}")
        if full and surname and len(full(h.value).split()) == 1 else h
        for h in heads
    ]  # fmt: skip
    return list(zip([*heads, a], bs, strict=True))


# A pair on a line of its own: "Kate Vance | Sam Hill", "Sam Hill – Kate Vance", "Della Marsh:
# Nia Okoro". Which name is the performer is voted like any pair; undecided, a bar or a dash
# puts the performer first (a caption's order) and a colon the role first (a cast list's
# "Role: Performer"). A label before it is no role ("Cast: A", "Starring: A", "Posted By: A").
_LINE_PAIR = rx.compile(
    rf"^\s*(?P<a>{NAM})(?:\s*(?P<sep>[|–—:])|\s+(?P<dash>-))\s*(?P<b>{NAM})\s*$"
)  # (a hyphen between spaces is a dash: "Colin Farrell - Oswald Cobb")
_LABELS = frozenset(
    words("""cast starring stars guest guests network genre host hosts creator creators writer
    writers director directors producer producers showrunner showrunners premiere season episode
    photo credit image source update updated note spoilers where read watch also plus related via
    by posted written words story author reporter editor published filed""")
)  # fmt: skip


def line_pair(m: Marked, neighbours: Iterable[Marked] = ()) -> tuple[Mention, Mention, int] | None:
    """(a, b, +1 when a is the performer by default, -1 when b is) for a pair on its own line,
    when a line beside it (``neighbours``: the paragraphs just before and after, marked) is laid
    out as a pair too: a cast list is a list. One such line alone is a page's metadata ("Type:
    Spin Off", "Status: Ended") or a headline ("Abbott Elementary – Volunteers")."""
    found = _LINE_PAIR.match(m.text)
    if found is None or not any(_LINE_PAIR.match(n.text) for n in neighbours):
        return None
    sep = found.group("sep") or found.group("dash")  # "Colin Farrell - Oswald Cobb": a dash
    a, b = m.at(found.group("a")), m.at(found.group("b"))
    if any(w.lower() in _LABELS for w in a.value.split()):
        return None  # "Posted By: A": a byline
    return a, b, -1 if sep == ":" else 1


def pair_vote(kb: Knowledge, a: Mention, b: Mention) -> int:
    """+1 when the first of a pair is the performer, -1 when the second is, 0 undecided."""
    if a.kind == "series":
        return -1
    lex = kb.lex
    ka, kb2 = keyof(kb.full(a.value)), keyof(kb.full(b.value))
    if ka in lex.performers or kb2 in lex.characters:
        return 1
    if kb2 in lex.performers or ka in lex.characters:
        return -1
    # The press names performers in full: "Cate (Maddie Phillips)", "Homelander [Antony Starr]".
    wa, wb = len(kb.full(a.value).split()), len(kb.full(b.value).split())
    if wa != wb and min(wa, wb) == 1:
        return 1 if wa > wb else -1
    # "John Nolan (Fillion)": a surname alone is how the press names a performer again,
    # a first name alone how it names a character.
    sa, sb = short_form(kb, a.value), short_form(kb, b.value)
    ea, eb = kb.performer_like(a.value), kb.performer_like(b.value)
    if sa != sb and 0 in (sa, sb):
        # ... unless the article names the short one's full form as a performer and not the
        # other, and never writes the short one as someone's, as characters are ("Pip's
        # mother"): "Zack Siler (Freddie)" after "the role played by Freddie Prinze Jr"
        short, other = (ea, eb) if sa else (eb, ea)
        owner = keyof((a if sa else b).value) in kb.owners
        if short > 0 >= other and not owner:
            return 1 if sa else -1
        return 1 if sa > sb else -1
    if ea != eb:
        return 1 if ea > eb else -1
    return 0


def short_form(kb: Knowledge, name: str) -> int:
    """+1 for a surname written alone, -1 for a first name alone, 0 otherwise."""
    full = kb.full(name)
    if " " in name.strip() or full == name or " " not in full:
        return 0
    if all(re.fullmatch(r"(?:[A-Z]\.)+", w) for w in full.split()[:-1]):
        return 0  # "A.C. Slater": initials are how the name is written, not a surname alone
    return 1 if keyof(full.split()[-1]) == keyof(name) else -1
