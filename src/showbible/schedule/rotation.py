"""Rotation: how the supporting cast moves between series over the release order.

For each asserted character present in two or more series (the leads, the character with the
most scenes in each series, left out), their scenes per series, the share of each, how many
times they moved from one series to another in release order, and a balance in [0, 1]:
the normalised Shannon entropy of their shares (0: all in one series; 1: evenly spread).

The scheduler reads the same shares: with `rotation_weight`, an arc offered to several
characters prefers one whose scenes are least concentrated in the series it goes into.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from showbible.canon.fold import Canon


def leads(canon: Canon) -> dict[str, str]:
    """Series -> the character with the most scenes in it (ties: the earlier id)."""
    counts: dict[str, Counter[str]] = {}
    for scene in canon.scenes:
        for cid in _asserted(canon, scene.present):
            counts.setdefault(scene.series, Counter())[cid] += 1
    return {
        sid: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for sid, c in counts.items() if c
    }


def _asserted(canon: Canon, present: Any) -> list[str]:
    chars = canon.cast.characters
    return [c for c in present if c in chars and not chars[c].role and not chars[c].provisional]


def shares(canon: Canon) -> dict[str, dict[str, float]]:
    """Character -> series -> share of their scenes (every asserted character)."""
    counts: dict[str, Counter[str]] = {}
    for scene in canon.scenes:
        for cid in _asserted(canon, scene.present):
            counts.setdefault(cid, Counter())[scene.series] += 1
    return {cid: {sid: n / sum(c.values()) for sid, n in c.items()} for cid, c in counts.items()}


def rotation(canon: Canon, include_leads: bool = False) -> dict[str, Any]:
    series = [s.id for s in canon.universe.series]
    episodes: list[str] = []
    per_episode: dict[str, Counter[str]] = {}
    path: dict[str, list[str]] = {}
    counts: dict[str, Counter[str]] = {}
    for scene in canon.scenes:  # release order
        key = f"{scene.series}:{scene.episode}"
        if not episodes or episodes[-1] != key:
            episodes.append(key)
        for cid in _asserted(canon, scene.present):
            per_episode.setdefault(cid, Counter())[key] += 1
            counts.setdefault(cid, Counter())[scene.series] += 1
            steps = path.setdefault(cid, [])
            if not steps or steps[-1] != scene.series:
                steps.append(scene.series)
    lead_of = leads(canon)
    lead_ids = set(lead_of.values())
    rows: list[dict[str, Any]] = []
    for cid, c in counts.items():
        if len(c) < 2 or (cid in lead_ids and not include_leads):
            continue
        total = sum(c.values())
        probabilities = [n / total for n in c.values()]
        entropy = -sum(p * math.log(p) for p in probabilities)
        balance = entropy / math.log(len(series)) if len(series) > 1 else 0.0
        char = canon.cast.characters[cid]
        rows.append(
            {
                "character": cid,
                "name": char.name,
                "home": char.home,
                "scenes": total,
                "series": {sid: c[sid] for sid in series if c[sid]},
                "shares": {sid: round(c[sid] / total, 3) for sid in series if c[sid]},
                "moves": len(path[cid]) - 1,
                "path": path[cid],
                "balance": round(balance, 3),
                "episodes": {
                    key: per_episode[cid][key] for key in episodes if per_episode[cid][key]
                },
            }
        )
    rows.sort(key=lambda r: (-r["moves"], -r["scenes"], r["character"]))
    return {"series": series, "episodes": episodes, "leads": lead_of, "characters": rows}


def rotation_table(data: dict[str, Any]) -> str:
    series = data["series"]
    head = f"{'character':<24} {'scenes':>6} {'moves':>5} {'balance':>7}  " + " ".join(
        f"{s[:11]:>11}" for s in series
    )
    lines = [head]
    for row in data["characters"]:
        cells = " ".join(
            f"{row['series'].get(s, 0):>4} ({row['shares'].get(s, 0):>4.0%})" for s in series
        )
        lines.append(
            f"{row['name'][:24]:<24} {row['scenes']:>6} {row['moves']:>5} {row['balance']:>7.2f}  "
            + cells
        )
    if not data["characters"]:
        lines.append("(no supporting character appears in two series)")
    return "\n".join(lines) + "\n"
