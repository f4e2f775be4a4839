"""A quoted title right after a show's name is that show's episode.

A recap or a review names its episode in quotes after its show: `Hannibal's 'Mukozuke'`,
`REVIEW: Bob's Burgers "Lindapendant Woman"`, `Resident Alien Season 2, Episode 1, "Old
Friends."`. Read alone, the quoted title looked like a show, and became the show the article
was about: every character of the recap was then placed in the episode (9 wrong facts and 7
missed in one recap). Here a quoted title is taken back when, somewhere in the article, it
stands right after the name of a show the reader knows (named by a cue of the article's, by the
bible or by the titles list), with at most a possessive, a season and episode number, "recap"
or "review" and a colon between them; and that show is then known to be one. A network or a
franchise before a quoted show (`HBO's "Watchmen"`, `Marvel's 'Luke Cage'`) is no show, so the
quoted title stays a show; so does a quoted title the titles list or the bible knows, and one
quoted in a list of titles ('From Top Left: "NCIS," "Scandal," "Revolution"').
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Article
from showbible.news.entities import Knowledge
from showbible.news.gazetteer import load_titles, titles_path
from showbible.news.names import GENRE, keyof, norm
from showbible.quick import rx

# What may stand between a show's name and its episode's quoted title: a possessive, a colon or
# a spaced dash, a season and an episode number, a genre word (names.GENRE: "recap", "review").
# No comma or bare hyphen right after the name: "(‘Starship Troopers’, ‘The Wire’)",
# "‘HTGAWM’-‘Scandal’" list shows.
_BETWEEN = rx.compile(
    r"(?:[’']s|(?<=s)[’'])?[ \t]*"
    r"(?:[:–—-][ \t]+)?"
    r"(?:\(?(?:[Ss]eason|[Ss]eries)[ \t]+(?:\d+[AB]?|[A-Z][a-z]+),?[ \t]*)?"
    r"(?:[Ee]p(?:isode|\.)?[ \t]*\d+\)?,?[ \t]*)?"
    rf"(?:(?:{GENRE}|RECAP|REVIEW)[ \t]*)?"
    r"(?:[:–—-][ \t]+)?$"
)
# Another quoted title right after: "NCIS," "Scandal," ...
_LISTED = rx.compile(r"^\s*(?:,\s*)?(?:and\s+|&\s+)?[“\"‘']")
# The words before it, the last of which end the show's name (at most seven); a word in quotes
# is another title of a list.
_WORDS_BEFORE = rx.compile(r"(?<![‘“\"'’\w])((?:[\w’'.&!-]+[ \t]+){0,6}[\w.&!-]+)$")


def forget_episodes(kb: Knowledge, article: Article) -> bool:
    """Take back every show read so far that the article names in quotes right after another
    show (its episode); whether any was taken back."""
    titles = load_titles(titles_path())
    found: dict[str, str] = {}  # episode title -> the show it follows
    for para in article.paragraphs:
        text = norm(para.text)
        for title in set(kb.series.values()):
            if title in found or keyof(title) in titles or keyof(title) in kb.lex.series:
                continue  # a show the titles list or the bible knows stays one
            for m in re.finditer(rf"[“\"‘']{re.escape(norm(title))}[,.]?[”\"’']", text):
                if _LISTED.match(text[m.end() :]):
                    continue  # 'From Top Left: "NCIS," "Scandal," ...': a list of shows
                show = _show_before(kb, titles, text[: m.start()], title)
                if show is not None:
                    found[title] = show
                    break
    for episode, show in found.items():
        kb.forget_series(episode)
        k = keyof(episode)
        kb.episodes.add(k)
        # read as a name before it was known as an episode: "Law & Order's 'Sideshow'"
        kb.persons.pop(k, None)
        kb.characters.pop(k, None)
        if not kb.is_series(show):
            kb.add_series(show, exact=True)
    return bool(found)


def _franchise(kb: Knowledge, title: str) -> bool:
    """ "Star Wars" of "Star Wars: Andor": a franchise's name before its show's quoted title."""
    return keyof(title) not in kb.lex.series and any(
        t.startswith(title + ": ") for t in kb.series.values()
    )


def _show_before(kb: Knowledge, titles: dict[str, str], before: str, title: str) -> str | None:
    """The show whose name ends ``before`` (up to a season, a number, "recap"), when the reader
    knows it as one and it is not ``title`` itself."""
    between = _BETWEEN.search(before)
    if between is None:
        return None
    words = _WORDS_BEFORE.search(before[: between.start()])
    if words is None:
        return None
    parts = words.group(1).split()
    # "For Silicon Valley": the name is the longest run of last words that is a known show.
    for i in range(len(parts)):
        span = " ".join(parts[i:])
        if not span[:1].isupper() and not span[:1].isdigit():
            continue
        known = titles.get(keyof(span)) or kb.lex.series.get(keyof(span))
        if known is None and keyof(span) in kb.named:
            known = kb.is_series(span)  # named as a show by a cue of its own
        if known is not None and keyof(known) != keyof(title) and not _franchise(kb, known):
            return known
    return None
