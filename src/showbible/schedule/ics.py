"""A schedule as iCalendar (RFC 5545): all-day events for each unit's shooting days and each
performer's calls. Lines end in CRLF and are folded at 75 octets (never inside a UTF-8
character); text is escaped; every event has a stable UID and a DTSTAMP."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from showbible.schedule.strips import format_eighths


def escape(text: str) -> str:
    """TEXT as RFC 5545 writes it: backslash, semicolon, comma escaped; any line break as \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold one content line: at most 75 octets a line, continuations start with a space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    start, limit = 0, 75
    while start < len(raw):
        end = min(len(raw), start + limit)
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:  # not inside a character
            end -= 1
        parts.append(raw[start:end].decode("utf-8"))
        start, limit = end, 74  # the leading space counts
    return "\r\n ".join(parts)


def to_ics(data: dict[str, Any], only: str | None = None, stamp: datetime | None = None) -> str:
    """Events of every unit and performer, or only of the unit or character `only`."""
    stamp = stamp or datetime.now(UTC)
    dtstamp = stamp.strftime("%Y%m%dT%H%M%SZ")
    slug = "".join(c if c.isalnum() else "-" for c in data["universe"].lower())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//showbible//schedule//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape(data['universe'] + ' shooting schedule')}",
    ]

    def event(uid: str, day: str, summary: str, description: str, category: str) -> None:
        start = date.fromisoformat(day)
        lines.extend(
            [
                "BEGIN:VEVENT",
                f"UID:{uid}@{slug}.showbible",
                f"DTSTAMP:{dtstamp}",
                f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{escape(summary)}",
                f"DESCRIPTION:{escape(description)}",
                f"CATEGORIES:{escape(category)}",
                "TRANSP:OPAQUE",
                "END:VEVENT",
            ]
        )

    for unit in data["units"]:
        if only is not None and only != unit["id"]:
            continue
        for day in unit["days"]:
            keys = [s["key"] for s in day["scenes"]]
            sets = sorted({s["set"] for s in day["scenes"]})
            event(
                f"{unit['id']}-{day['date']}",
                day["date"],
                f"{unit['id']}: {len(keys)} scene(s), {format_eighths(day['eighths'])} pages",
                "Scenes: " + ", ".join(keys) + "\nSets: " + ", ".join(sets),
                "unit",
            )
    for performer in data["performers"]:
        if only is not None and only != performer["character"]:
            continue
        name = performer["name"] or performer["character"]
        for call in performer["calls"]:
            event(
                f"call-{performer['character']}-{call['date']}",
                call["date"],
                f"Call: {name} ({performer['character']}), {call['unit']}",
                "Scenes: " + ", ".join(call["scenes"]) + "\nSets: " + ", ".join(call["sets"]),
                "call",
            )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
