"""How the pairs of a cast line up: performers with characters, and one order per list."""

from __future__ import annotations

from showbible.news.entities import Mention


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
    performers: list[Mention], characters: list[Mention]
) -> list[tuple[Mention, Mention]]:
    """Performers to characters: one to one, in order ("A and B as X and Y"), or all to one."""
    if len(performers) == len(characters):
        return list(zip(performers, characters, strict=True))
    if len(characters) == 1:
        return [(p, characters[0]) for p in performers]
    return []
