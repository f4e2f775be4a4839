"""Production facts from entertainment news: who plays whom, who runs which show, which
character turns up in which series, who said what, and which outlet the article cites.

An article is read in stages, one module each: ``cleaning`` (bytes, HTML and boilerplate to
paragraphs and sentences), ``series`` and ``entities`` (the shows, people and characters it
names, with the evidence of who is a performer), ``relations`` (plays, showrunner, appears_in
over marked sentences), ``quotes`` (quotes and sources), ``facts`` (the fact, its JSON and text).
Every fact is a proposal with its sentence, file, line and a confidence; ``review`` keeps them in
the store until a person accepts (into the bible) or rejects them. See ``docs/news.md``.
"""

from __future__ import annotations

from showbible.news.facts import KINDS, NewsFact, facts_to_json, format_fact
from showbible.news.reader import extract_facts, extract_text
from showbible.news.score import Score, matches, score

__all__ = [
    "KINDS",
    "NewsFact",
    "Score",
    "extract_facts",
    "extract_text",
    "facts_to_json",
    "format_fact",
    "matches",
    "score",
]
