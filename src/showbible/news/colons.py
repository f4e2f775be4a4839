"""Titles around a colon: "Star Trek: Lower Decks" is one show, "NZ Premiere: Crossing Jordan" a
label and a show, "30 Rock: If you caught ..." a show and a sentence; and a roundup whose items
open on their shows ("New Girl: Dermot Mulroney will play ...", "Parks and Recreation: A while
back ..."), where each label is a show and never the first half of a longer title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from showbible.news.cleaning import Article, unquoted, used_unlabelled
from showbible.news.names import GENRE_WORDS, WEEKDAYS, keyof, words
from showbible.news.series import TITLE, series_name
from showbible.quick import rx
from showbible.reading.lexicon import is_common
from showbible.reading.lexicon.given import is_given_name

# What a caption, a credit or a link puts before a colon.
_NOT_COLON_SHOW = frozenset(
    keyof(w)
    for w in [
        "Image Source",
        "Title",
        "Image",
        "Images",
        "Photo",
        "Photos",
        "Photo Credit",
        "Screenshot",
        "Screengrab",
        "Screencap",
        "Courtesy",
        "Photograph",
        "Credit",
        "Source",
        "Image Credit",
        "Via",
        "Read More",
        "Also Read",
        "See Also",
        "Related",
        "Watch",
        "More",
        "Warning",
        "Spoilers",
        "Update",
        "Editor's Note",
        "Note",
        "Recommended Videos",
        # "ABC announced a big shocker Thursday: Isaiah Washington ...": a day before a colon
        *WEEKDAYS,
        "Today",
        "Tonight",
        "Yesterday",
    ]
)


# The first word of a sentence after a colon, never of a title's second half ("Bonus: It ...",
# "Moonlighting: Aw, ...", "The West Wing: There ...").
_CLAUSE_OPENERS = frozenset(
    words("""it if there aw oh yes no this that these those you we i he she they its his her
    their our my your when while as but and so what why how who here now then
    after before since once until unless although though because despite during following
    speaking meanwhile""")
)
# A label's last word before a colon: what the line is, not the first half of a title.
_LABEL_ENDS = frozenset(
    keyof(w)
    for w in (*sorted(GENRE_WORDS), "Exclusive", "Trailer",
              "Interview", "Casting", "News", "Roundup", "Ratings",
              # a caption's credit glued to its last word: "Martin Compston as Steve Credit:"
              "Credit", "Credits", "Photo", "Photograph", "Image", "Courtesy", "Copyright")
)  # fmt: skip


def colon_titles(article: Article, known: Iterable[str]) -> list[str]:
    """ "Star Trek: Lower Decks", "Law & Order: SVU": a title with a colon is one show when its
    first or second half is a show the article names, when the article uses it twice, or when
    it stands inside a sentence (at the start of a line it is more often a headline's topic:
    "Star Trek: Jane Doe on ...")."""
    keys = {keyof(k) for k in known}
    roundup = bool(label_titles(article))  # items opening on their shows: "Show: sentence"
    counts: dict[str, int] = {}
    spans: dict[str, str] = {}
    for para in article.paragraphs:
        text = unquoted(para.text)
        for m in re.finditer(rf"(?P<a>{TITLE}):[ \t]+(?P<b>{TITLE})", text):
            # "Owen Strand on 9-1-1: Lone Star": the title starts after the last small word;
            # "Star Trek: Lower Decks and Star Trek: ...": two titles.
            a = series_name(
                re.split(r"\s(?:on|in|at|for|with|from|and)\s", m.group("a"))[-1], orgs=False
            )
            b = m.group("b")
            if a and f" and {a.split()[0]}" in b:
                b = b[: b.index(f" and {a.split()[0]}")]
            ends = {keyof(a.split()[-1] if a else ""), keyof(m.group("a").split()[-1])}
            if keyof(a) in _NOT_COLON_SHOW or ends & _LABEL_ENDS:
                continue  # "Image Source: Paramount Network", "NZ Premiere: Crossing Jordan"
            if keyof(b) in ("the", "a", "an") or b.split()[0].lower() in _CLAUSE_OPENERS:
                continue  # "Teen Wolf: The long-awaited revival ...", "30 Rock: If you caught"
            if (
                not text[: m.start()].strip()
                and " " not in a.strip()
                and not used_unlabelled(article, a)
            ):
                continue  # "Wrap: The Crown star ...": a caption's kicker, used nowhere else
            if a.split()[:1] in (["See"], ["Read"], ["Watch"], ["More"]):
                continue  # "See This: Parker Posey": a link's label
            if roundup and not para.title and _label(para.text) == m.group("a"):
                continue  # "New Girl: Dermot Mulroney will play ...": a roundup's label
            whole = f"{a}: {b}" if a else ""
            if not whole or re.match(r"\s*\(", text[m.end() :]):
                continue  # "Chicago Fire: Sal Vasquez (Brandon Larracuente)": a show's character
            k = keyof(whole)
            counts[k] = counts.get(k, 0) + 1
            spans.setdefault(k, whole)
            inside = not para.title and bool(text[: m.start()].strip())
            if ((keyof(a) in keys or keyof(b) in keys) and not para.title) or inside:
                counts[k] += 1  # a headline's "Show: what this is about" is not a title
    return [spans[k] for k, n in counts.items() if n >= 2]


# "New Girl: Dermot Mulroney will play ...", "30 Rock: If you caught ...": a roundup's item
# opening on the show it is about
_LABEL_LINE = rx.compile(rf"^\W*(?P<t>(?:\d{{1,4}}[ \t]+)?{TITLE})[ \t]*:[ \t]+(?P<rest>\S.*)$")


def _label(text: str) -> str | None:
    """The label a roundup's item opens on ("New Girl" of "New Girl: Dermot Mulroney will play
    an older love interest ..."), or None when the line is no such item."""
    m = _LABEL_LINE.match(text)
    if m is None or len(m.group("rest").split()) < 6 or len(m.group("t").split()) > 5:
        return None
    label = m.group("t")
    if len(label) < 3 or (len(label) <= 4 and label.isupper()):
        return None  # "Q:", "A:", "EW:": an interview's speakers
    if keyof(label) in _NOT_COLON_SHOW or keyof(label.split()[-1]) in _LABEL_ENDS:
        return None
    words_ = label.split()
    if is_given_name(words_[0]) and (len(words_) == 1 or label.istitle()):
        return None  # "Claire: ...", "Dermot Mulroney: ...": someone speaking
    if len(words_) == 1 and is_common(label):
        # "Tense: She and Patrick rehearsed ...", "Impressive: ...": a photo caption's kicker
        # (a tabloid opens each caption on one), not a roundup's show
        return None
    return label


def label_titles(article: Article) -> list[str]:
    """The shows a roundup's items open on ("Show: sentence"), when two lines or more of the
    article are laid out so: one such line is a headline's topic or a caption. A label that is
    a person's name ("Jane Doe: I loved it", an interview) or a page's label ("Update:") is none."""
    labels = [lab for p in article.paragraphs if not p.title and (lab := _label(p.text))]
    if len(labels) < 2 or len(set(labels)) < len(labels):
        return []  # "Who: ...", "Return: ..." again and again: a form's fields, not shows
    # A one-word label the article never uses elsewhere is a caption's kicker ("Starry: The
    # final trailer also shows ...", "Trendy: Rita Ora transforms ...", dm3), where a show of
    # one word ("Ratched: ...") is named in the text too.
    labels = [lab for lab in labels if " " in lab.strip() or used_unlabelled(article, lab)]
    return [n for n in (series_name(label) for label in labels) if n]
