"""Whether two names side by side show any sign of being a performer and a role.

``A (B)`` and ``A's B`` are how the press pairs a performer with a character, and also how any
news pairs a person with a team, a county, a company or a country: "J Pavey (Exeter Harriers)",
"Ref: S Bennett (Kent)", "Britain's Jason Gardener", "Mr Mittal's LNM Holdings". Which of the
two is the performer is decided by evidence elsewhere (``pairing.pair_vote``), but that vote
assumes a role is named at all; on a team sheet it only picks a direction for a wrong fact.
So a pair is read as a role only when something says roles are being talked about:

- the sentence names a show by a quote, a cue or the bible (not a roundup's label: "Sprints:
  T Marlow (Fenwick Harriers)"), or the article has a word of the screen anywhere (a cast listed
  under a show's news: "Tidewater Bay creator Jo Marsh has revealed more casting. ... Mara Voss
  (Nia Vale) and Tobias Reed (Tom Roe) are back"; shows are not all known when roles are read);
- the sentence has a word of the screen or of performing (actor, cast, star, character, role,
  plays, voiced, sitcom, episode...);
- either name is known as a performer or a character: the bible, or a role the article has
  already read (not a catalogue's cast lists: "Gordon Brown's Budget" is no role, though an
  actor has that name);
- both names are shaped like people's (a listed first name; "Will (Tom Roe)").

A line laid out as a pair ("A - X") is a cast's line only when one side is a person's full name
or known as a performer or a character (``line_of_cast``): an awards list pairs a category with
its winner ("Animation - Brush Head").

Measured on the BBC dataset's 1,839 business, politics, sport and tech articles, which state
no TV role (``bench/news_dev.py --negatives --other``), and held to the entertainment sets
(docs/news.md, "Eighteenth session").
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Article
from showbible.news.entities import Knowledge, Marked, Mention
from showbible.news.names import ORGS, keyof
from showbible.quick import rx
from showbible.reading.lexicon.given import is_given_name, is_surname

# Words that deny a pairing between names and parts, next to it: "A and B return -- not as X and
# Y, but as ...", "won't play", "no longer as", "instead of" (not "can't wait to reprise").
DENIED = rx.compile(
    r"(?:\b(?:not|never|no\s+longer|rather\s+than|instead\s+of)|n['’]t)\s+"
    r"(?:(?:just|only|even|simply|be)\s+)?(?:as|play|plays|playing|portray|portraying|reprise|"
    r"reprising)\b"
)

# Words of the screen and of performing. Not "show" or "series" alone (a test series, an air
# show), nor "play" (a team plays), which sport uses as much as television.
_ROLE_WORDS = rx.compile(
    r"\b(?:actors?|actress(?:es)?|acting|cast(?:ing)?|co-?stars?|co-?starring|stars?|"
    r"starr(?:ed|ing)|characters?|roles?|(?:the|a|his|her|their)\s+part\s+(?:of|as|in)|"
    r"portray(?:s|ed|ing|al)?|plays\s+(?:the\s+)?(?:role|part|character)|played\s+by|"
    r"playing|voiced|voices|voicing|sitcoms?|soaps?|"
    r"episodes?|TV|television|on-?screen|screen|film|movie|drama|comedy|villain|hero(?:ine)?|"
    r"reprise[sd]?|reprising|spin-?off|showrunner)\b",
    re.IGNORECASE,
)


# Words only the screen uses, looked for anywhere in the article: not "star", "role", "drama",
# "series", "season" or "character", which sport and politics use as much.
_SCREEN_WORDS = rx.compile(
    r"\b(?:actors?|actress(?:es)?|casting|cast\s+(?:members?|as|in|list)|sitcoms?|soaps?|"
    r"episodes?|starring|co-?stars?|co-?starring|showrunners?|television|TV|on-?screen|"
    r"portray(?:s|ed|ing|al)?|voiced|spin[- ]?offs?|show\s+(?:called|named)|previously\s+on|"
    r"reprise[sd]?|reprising|viewers|"
    r"screenwriter|scriptwriter|storylines?|cameo|finale|premieres?|revival|reboot|"
    r"recap|new\s+series|the\s+series|seasons?\s+(?:\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)|"
    r"seasons?\s+(?:premiere|finale))\b",
    re.IGNORECASE,
)
# Networks and streamers, as written (not "fox" or "abc" in running text).
_NETWORKS = rx.compile(
    r"\b(?:Netflix|HBO|Hulu|Disney\+|Prime\s+Video|Apple\s+TV|Peacock|Paramount\+|Showtime|"
    r"Starz|AMC|FX|CBS|NBC|ABC|Fox|The\s+CW|CW|BBC\s+(?:One|Two|Three|Four|1|2|3)|ITV\d?|"
    r"Channel\s+(?:4|5|Four|Five)|Sky\s+(?:One|Atlantic|Max))(?!\w)"
)


def screen_article(kb: Knowledge, article: Article) -> bool:
    """Whether the article has a word of the screen anywhere (read once per article)."""
    if kb.screen is None:
        kb.screen = any(
            _SCREEN_WORDS.search(p.text) or _NETWORKS.search(p.text) for p in article.paragraphs
        )
    return kb.screen


def known_role(kb: Knowledge, x: Mention) -> bool:
    """Whether a name is known as a performer's or a character's, beyond this one pair."""
    if x.kind != "name":
        return False
    k = keyof(kb.full(x.value))
    lex = kb.lex
    return (
        k in lex.performers
        or k in lex.characters
        or k in kb.performers
        or k in kb.characters
        or k in kb.roles
    )


def _words(name: str) -> list[str]:
    return name.replace(".", ". ").split()  # "J.D. Marsh": "J. D. Marsh"


def _personal(name: str) -> bool:
    """Whether a name is shaped like a person's by the census lists: it opens with a listed
    first name, or has two words or more and ends with a listed surname ("J.D. Marsh"); no
    company's word."""
    words = _words(name)
    if not words or any(w in ORGS for w in words):
        return False
    return is_given_name(words[0]) or (len(words) >= 2 and is_surname(words[-1]))


def two_people(kb: Knowledge, *names: Mention) -> bool:
    """Whether every name of a pair is shaped like a person's, one with a listed first name:
    "Will (Tom Roe)", "Rue Pell (Ada Lind)" pair two people, as a cast list does; "J Pavey
    (Exeter Harriers)", "Britain's Jason Gardener", "Sberbank (Savings Bank)" do not."""
    full = [kb.full(x.value) for x in names]
    return (
        len(full) >= 2
        and all(_personal(n) for n in full)
        and any(is_given_name(_words(n)[0]) for n in full)
    )


def line_of_cast(kb: Knowledge, a: Mention, b: Mention) -> bool:
    """Whether a line laid out as a pair ("A - X", "A | X") may give a role: one side is a
    person's full name with a listed first name, or either is known as a performer or a
    character. An awards list's lines ("Animation - Brush Head", "Pre-School Live Action -
    Balamory") pair a category with a winner."""
    if known_role(kb, a) or known_role(kb, b):
        return True
    return any(
        x.kind == "name" and len(words) >= 2 and is_given_name(words[0])
        for x in (a, b)
        for words in (kb.full(x.value).split(),)
    )


def _named_show(kb: Knowledge, m: Marked, x: Mention) -> bool:
    """Whether a mention is a show the article names by a quote, a cue or the bible, and not
    the label a line opens with ("Sprints: T Marlow (Fenwick Harriers)")."""
    if x.kind != "series" or not (keyof(x.value) in kb.named or keyof(x.value) in kb.lex.series):
        return False
    at = m.text.find(x.token)
    return not (at >= 0 and not m.text[:at].strip() and m.text[at + len(x.token) :].startswith(":"))


def role_sign(kb: Knowledge, article: Article, m: Marked, sentence: str, *names: Mention) -> bool:
    """Whether roles are being talked about where ``names`` stand side by side."""
    if screen_article(kb, article) or any(_named_show(kb, m, x) for x in m.mentions):
        return True
    if _ROLE_WORDS.search(sentence) or two_people(kb, *names):
        return True
    return any(known_role(kb, x) for x in names)
