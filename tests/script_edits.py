"""The kinds of edit a writer makes to a script, as the tests of patched canons (a resident
session, a one-shot check) apply them at random: each a line to add, or a change in place."""

from __future__ import annotations

EDITS = (
    "reword", "insert", "delete", "blank", "enters", "dies", "learns", "reveals", "story",
    "flashback", "present", "absent", "stranger", "cannot", "contradicts",
)  # fmt: skip


def added_line(kind: str, name: str, secret: str, seed: int) -> str:
    """The text an edit of ``kind`` adds (not for "reword" and "delete", which change a line)."""
    return {
        "insert": "Quite so.",
        "blank": "",
        "enters": f"\n{name} walks in and sits down.\n",
        "dies": f"\n[[dies: {name}]]\n",
        "learns": f"\n[[learns: {name} {secret}]]\n",
        "reveals": f"\n[[reveals: {secret}]]\n",
        "story": f"\n[[story: day {seed % 40}]]\n",
        "flashback": "\n[[flashback]]\n",
        "present": f"\n[[present: {name}]]\n",
        "absent": f"\n[[absent: {name}]]\n",
        "stranger": "Who are you?",
        # An inferred incapacity, and an action line that contradicts it (rules/capability.py
        # counts such lines over every scene; a patch only over its own).
        "cannot": f"\n{name} flails in the water, going under. She can't swim.\n",
        "contradicts": f"\n{name} swims out to the buoy.\n",
    }[kind]
