"""A British outlet's voice (sixteenth session, from the first look at the BBC set): a channel in
the bracket after a show ("The Harbour Bench (BBC Three)") is no performer, and a name owned
before an event's noun ("Kaplinsky's Harbour Dance win", "Holt's Olympic victory") is no
character. Sentences of our own."""

from __future__ import annotations

from showbible.news import extract_text

AWARDS = """Comedy awards go to Harbour Bench

Jane Holt, from The Tide Show, was also nominated, but she won best newcomer over Tom Reyes from
Saltwater (Channel 4) and Dana Price and Ivo Crane from The Harbour Bench (BBC Three).

The Tide Show (BBC Two) returns in the spring.
"""

POLL = """Holt's victory tops TV poll

Mara Holt's Olympic victory has been named the top television moment of the year. Dana Price's
Harbour Dance win was the top entertainment moment, and Ivo Crane's Wimbledon triumph came third.
"""

CAST = """Drama returns

In the new series of Saltwater, Jane Holt's Mara Voss faces her brother again (Tom Reyes).
"""


def test_a_channel_in_the_bracket_after_a_show_is_no_performer() -> None:
    plays = {(f.subject, f.object) for f in extract_text(AWARDS, "a.txt") if f.kind == "plays"}
    assert not any(s.startswith(("BBC", "Channel")) for s, _ in plays), plays


def test_a_name_owned_before_an_events_noun_is_no_character() -> None:
    plays = {(f.subject, f.object) for f in extract_text(POLL, "a.txt") if f.kind == "plays"}
    assert plays == set(), plays


def test_a_performers_character_is_still_read() -> None:
    plays = {(f.subject, f.object) for f in extract_text(CAST, "a.txt") if f.kind == "plays"}
    assert ("Jane Holt", "Mara Voss") in plays, plays


NICKNAME = """Harbour Street's anniversary seen by 12m

More than 12 million people saw "Gentle" Mara Voss leave the Anchor on Friday, marking Harbour
Street's 20th anniversary. Mara was confronted by Ines and Rafi before she went.
"""


def test_a_quoted_word_before_a_full_name_is_a_nickname_not_a_show() -> None:
    shows = {f.object for f in extract_text(NICKNAME, "a.txt") if f.kind == "appears_in"}
    assert "Gentle" not in shows, shows
