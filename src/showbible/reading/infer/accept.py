"""Accepting or rejecting an inferred fact: writing it into the user's bible, in place.

``showbible facts --accept ID`` turns the fact into a bible event at its scene (``{at: REF,
dies: hollis, source: "inferred: file:line"}``), adding the place when it is one the bible does
not have yet (a destroyed or confining place known only by its heading), and a confided secret
with its tells and the ``learns`` of those who heard it. ``--reject ID`` lists the id under
``rejected_facts``, which silences it. Both go through ``universe.edit``: the bible changes by
the added lines only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from showbible.model import InputError
from showbible.reading.names import slug
from showbible.universe.edit import add_entry, append_item
from showbible.universe.loader import UNIVERSE_FILE, Universe


def bible_file(universe: Universe, section: str) -> Path:
    """The bible file that holds ``section`` (universe.yaml when none does yet)."""
    file, line, _col = universe.locator.locate((section,))
    return universe.root / (file if line else UNIVERSE_FILE)


def _place(universe: Universe, key: str) -> str:
    """A place id for the bible: the bible's own, or a new entry for a heading's place."""
    if not key.startswith("~"):
        return key
    text = key[1:]
    pid = slug(text.replace(" - ", " ")) or "place"
    if pid not in universe.bible.places:
        name = text.title()
        add_entry(bible_file(universe, "places"), "places", pid,
                  {"name": name, "aliases": [text.upper()]})  # fmt: skip
    return pid


def accept(universe: Universe, fact: dict[str, Any]) -> str:
    """Write one inferred fact (a row of ``facts --inferred --format json``) into the bible;
    returns what was written where."""
    verb, subject, obj = fact["kind"], fact["subject"], fact.get("object")
    detail: dict[str, Any] = fact["detail"]
    at = detail.get("scene")
    if not at:
        raise InputError(f"fact {detail.get('id')} has no scene to place it at")
    source = f"inferred: {fact['file']}:{fact['line']}"
    events = bible_file(universe, "events")
    event: dict[str, Any] = {"at": at}
    if verb == "dies":
        event["dies"] = subject
    elif verb == "destroyed":
        event["destroyed"] = _place(universe, subject)
    elif verb == "cannot":
        event["cannot"] = {"who": subject, "what": obj, "tells": list(detail.get("tells") or ())}
    elif verb == "held":
        held: dict[str, Any] = {"who": subject, "place": _place(universe, obj or "")}
        if detail.get("until"):
            held["until"] = detail["until"]
        event["held"] = held
    elif verb == "secret":
        return _secret(universe, fact, detail, source)
    elif verb == "learns":
        secret = obj or ""
        if secret.startswith("~"):
            raise InputError(
                f"{subject} learns a secret the scripts confide; accept the secret itself "
                f"(its id is listed with `facts --inferred` as a `secret` fact)"
            )
        event["learns"] = {"who": subject, "secret": secret}
    else:
        raise InputError(f"an inferred {verb!r} fact cannot be written into the bible")
    event["source"] = source
    append_item(events, "events", event)
    return f"{verb} {subject}{' ' + str(obj) if obj else ''} at {at} ({events.name})"


def _secret(universe: Universe, fact: dict[str, Any], detail: dict[str, Any], source: str) -> str:
    tells = [str(t) for t in detail.get("tells") or ()]
    sid = slug(tells[0]) if tells else "secret"
    base, n = sid, 2
    while sid in universe.bible.secrets:
        sid, n = f"{base}-{n}", n + 1
    path = bible_file(universe, "secrets")
    hearers = [str(c) for c in detail.get("hearers") or ()]
    entry: dict[str, Any] = {"statement": detail.get("sentence", ""), "tells": tells}
    if hearers:
        entry["known_by"] = hearers[:1]  # the one who confides it knew it all along
    add_entry(path, "secrets", sid, entry)
    for who in hearers[1:]:
        append_item(bible_file(universe, "events"), "events",
                    {"at": detail["scene"], "learns": {"who": who, "secret": sid},
                     "source": source})  # fmt: skip
    return f"secret {sid} with tells {tells} ({path.name})"


def reject(universe: Universe, fact_id: str) -> str:
    if fact_id in universe.bible.rejected_facts:
        return f"{fact_id} was already rejected"
    path = bible_file(universe, "rejected_facts")
    append_item(path, "rejected_facts", fact_id)
    return f"{fact_id} rejected ({path.name})"
