"""A schedule as one SVG picture: a Gantt of units and performers over the working days, and the
stripboard of each unit (a strip per scene, day breaks between days), written directly."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

# The board's customary strip colours: white INT DAY, yellow EXT DAY, blue INT NIGHT,
# green EXT NIGHT; grey for what the heading does not say, dashed for unwritten arc scenes.
STRIP_COLOURS = {
    ("INT", "DAY"): "#ffffff",
    ("EXT", "DAY"): "#fff176",
    ("INT", "NIGHT"): "#90caf9",
    ("EXT", "NIGHT"): "#a5d6a7",
    ("INT/EXT", "DAY"): "#fff9c4",
    ("INT/EXT", "NIGHT"): "#b2dfdb",
}
SERIES_COLOURS = ("#5c6bc0", "#ef6c00", "#2e7d32", "#ad1457", "#00838f", "#6d4c41")
LABEL = 230
CELL = 30
ROW = 20
STRIP = 16
STRIP_HEIGHT = 190


def to_svg(data: dict[str, Any]) -> str:
    dates = sorted(
        {d["date"] for u in data["units"] for d in u["days"]}
        | {c["date"] for p in data["performers"] for c in p["calls"]}
    )
    if not dates:
        return _svg(400, 60, [_text(10, 30, f"{data['universe']}: no plan ({data['status']})")])
    column = {d: i for i, d in enumerate(dates)}
    series = sorted({u["series"] for u in data["units"]})
    colour = {s: SERIES_COLOURS[i % len(SERIES_COLOURS)] for i, s in enumerate(series)}
    parts: list[str] = [
        _text(10, 22, f"{data['universe']}: shooting plan ({data['status']})", size=15, bold=True)
    ]
    y = 40
    for i, day in enumerate(dates):
        parts.append(_text(LABEL + i * CELL + 3, y + 12, day[5:], size=9))
    y += 20
    parts.append(_text(10, y + 13, "units", bold=True))
    y += ROW
    for unit in data["units"]:
        parts.append(_text(14, y + 14, f"{unit['id']} ({unit['series']})"))
        for day in unit["days"]:
            x = LABEL + column[day["date"]] * CELL
            parts.append(_rect(x + 1, y + 2, CELL - 2, ROW - 4, colour[unit["series"]]))
            pages = day["eighths"] / 8
            parts.append(_text(x + 3, y + 14, f"{pages:.1f}", size=9, fill="#ffffff"))
        y += ROW
    y += 8
    parts.append(_text(10, y + 13, "performers (solid: working, hatched: paid on hold)", bold=True))
    y += ROW
    parts.append(
        '<defs><pattern id="hold" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fde0dc"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#c62828" stroke-width="2"/></pattern></defs>'
    )
    for p in data["performers"]:
        name = f"{p['name']} ({p['character']})" if p["name"] else p["character"]
        parts.append(_text(14, y + 14, name))
        working = {c["date"]: c for c in p["calls"]}
        first, last = column.get(p["first"], 0), column.get(p["last"], 0)
        for i in range(first, last + 1):
            x = LABEL + i * CELL
            call = working.get(dates[i])
            if call is None:
                parts.append(_rect(x + 1, y + 3, CELL - 2, ROW - 6, "url(#hold)"))
            else:
                unit_series = next(u["series"] for u in data["units"] if u["id"] == call["unit"])
                parts.append(_rect(x + 1, y + 3, CELL - 2, ROW - 6, colour[unit_series]))
        y += ROW
    y += 16
    width = LABEL + len(dates) * CELL + 20
    for unit in data["units"]:
        parts.append(_text(10, y + 13, f"stripboard: {unit['id']}", bold=True))
        y += ROW
        x = 14
        for day in unit["days"]:
            for scene in day["scenes"]:
                parts.append(_strip(x, y, scene))
                x += STRIP
            parts.append(_rect(x, y, 6, STRIP_HEIGHT, "#212121"))
            parts.append(_vertical(x + 5, y + STRIP_HEIGHT - 4, f"END {day['date'][5:]}",
                                   fill="#ffffff", size=7))  # fmt: skip
            x += 8
        width = max(width, x + 20)
        y += STRIP_HEIGHT + 16
    return _svg(width, y + 10, parts)


def _strip(x: int, y: int, scene: dict[str, Any]) -> str:
    fill = STRIP_COLOURS.get((scene["int_ext"], scene["day_night"]), "#e0e0e0")
    dash = ' stroke-dasharray="3,2"' if scene["placeholder"] else ""
    label = f"{scene['key']}  {scene['pages']} pg  {scene['set']}  " + ", ".join(
        scene["characters"]
    )
    return (
        f'<rect x="{x}" y="{y}" width="{STRIP - 1}" height="{STRIP_HEIGHT}" fill="{fill}" '
        f'stroke="#616161"{dash}><title>{escape(label)}</title></rect>'
        + _vertical(x + 11, y + STRIP_HEIGHT - 4, label[:36], size=8)
    )


def _vertical(x: int, y: int, text: str, size: int = 8, fill: str = "#212121") -> str:
    return (
        f'<text x="{x}" y="{y}" font-size="{size}" fill="{fill}" font-family="monospace" '
        f'transform="rotate(-90 {x} {y})">{escape(text)}</text>'
    )


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill={quoteattr(fill)} rx="2"/>'


def _text(
    x: float, y: float, text: str, size: int = 11, bold: bool = False, fill: str = "#212121"
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x}" y="{y}" font-size="{size}"{weight} fill="{fill}" '
        f'font-family="sans-serif">{escape(text)}</text>'
    )


def _svg(width: int, height: int, parts: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><rect width="100%" height="100%" fill="#fafafa"/>'
        + "".join(parts)
        + "</svg>\n"
    )


def rotation_svg(data: dict[str, Any]) -> str:
    """Heatmap: supporting characters (rows) by episode in release order (columns), each cell
    in its series' colour, darker for more scenes."""
    episodes = data["episodes"]
    rows = data["characters"]
    colour = {s: SERIES_COLOURS[i % len(SERIES_COLOURS)] for i, s in enumerate(data["series"])}
    cell = 18
    top = 120
    parts = [_text(10, 22, "rotation: scenes per episode, release order", size=15, bold=True)]
    for i, key in enumerate(episodes):
        x = LABEL + i * cell + 12
        series = key.split(":")[0]
        parts.append(_vertical(x, top - 6, key, size=9, fill=colour.get(series, "#212121")))
    peak = max((n for r in rows for n in r["episodes"].values()), default=1)
    for j, row in enumerate(rows):
        y = top + j * cell
        label = f"{row['name']} (moves {row['moves']}, balance {row['balance']:.2f})"
        parts.append(_text(10, y + 13, label[:38], size=10))
        for i, key in enumerate(episodes):
            n = row["episodes"].get(key, 0)
            x = LABEL + i * cell
            if n:
                opacity = 0.25 + 0.75 * n / peak
                parts.append(
                    f'<rect x="{x + 1}" y="{y + 1}" width="{cell - 2}" height="{cell - 2}" '
                    f'fill="{colour[key.split(":")[0]]}" fill-opacity="{opacity:.2f}">'
                    f"<title>{escape(row['name'])}: {n} scene(s) in {escape(key)}</title></rect>"
                )
            else:
                parts.append(_rect(x + 1, y + 1, cell - 2, cell - 2, "#eeeeee"))
    y = top + len(rows) * cell + 20
    for i, sid in enumerate(data["series"]):
        parts.append(_rect(10 + i * 130, y, 12, 12, colour[sid]))
        parts.append(_text(26 + i * 130, y + 11, sid, size=10))
    return _svg(LABEL + len(episodes) * cell + 20, y + 30, parts)
