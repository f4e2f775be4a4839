"""PDF round trip: our Fountain fixtures printed by third-party renderers, read back by the PDF
reader, compared element by element; and the reader's speed in pages per second of CPU time
(one core).

Renderers: afterwriting (npm ``afterwriting``; found on PATH, in $PDFTOOLS/node_modules/.bin or
in ../scratch/pdftools/node_modules/.bin), the same with a production draft's settings
(``afterwriting-studio``: watermark, scene numbers, revision header, footer, CONTINUED), and
screenplain (``pip install screenplain``; PDF via reportlab). A renderer that is not installed
is skipped, and the report says so.

Compared: the printed elements of the Fountain source (headings, action, cues, parentheticals,
dialogue, transitions, lyrics) as (type, text), text with whitespace collapsed and Fountain's
emphasis marks removed, headings, cues and transitions without regard to case (renderers print
them in capitals). An element counts as identical when a longest-matching alignment of the two
sequences pairs it with an equal one.

Usage: python bench/pdf_roundtrip.py [--renderers afterwriting,screenplain] [--show N] [FILES...]
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from showbible.formats.fountain import read_fountain  # noqa: E402
from showbible.formats.pdf import parse_pdf  # noqa: E402
from showbible.model import Element, InputError, Kind  # noqa: E402

PRINTED = {
    Kind.HEADING,
    Kind.ACTION,
    Kind.CHARACTER,
    Kind.DIALOGUE,
    Kind.PARENTHETICAL,
    Kind.TRANSITION,
    Kind.LYRIC,
}
CAPS = {Kind.HEADING, Kind.CHARACTER, Kind.TRANSITION}
_EMPHASIS = re.compile(r"(?<!\\)[*_]+")
RENDERERS = ["afterwriting", "afterwriting-studio", "screenplain"]
# A production draft as afterwriting prints it: a diagonal watermark, scene numbers both sides, a
# revision header and a footer on every page, CONTINUED at the foot and head of split scenes.
STUDIO = [
    "print_watermark=CONFIDENTIAL",
    "scenes_numbers=both",
    "print_header=BLUE REVISION",
    "print_footer=Property of Harbour Pictures",
    "scene_continuation_bottom=true",
    "scene_continuation_top=true",
    "print_profile=usletter",
]


def default_sources() -> list[Path]:
    found = sorted((ROOT / "tests" / "fixtures").rglob("*.fountain"))
    for sub in ("fountain-fixtures/screenplay-tools", "cyber-bob", "shakespeare-fountain"):
        found += sorted((SHARED / sub).glob("*.fountain"))
    return found


def afterwriting() -> list[str] | None:
    candidates = [shutil.which("afterwriting")]
    for base in (os.environ.get("PDFTOOLS"), str(ROOT.parent / "scratch" / "pdftools")):
        if base:
            candidates.append(str(Path(base) / "node_modules" / ".bin" / "afterwriting"))
    for c in candidates:
        if c and Path(c).exists():
            return [c]
    return None


def screenplain() -> list[str] | None:
    exe = Path(sys.executable).with_name("screenplain")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("screenplain")
    return [found] if found else None


def render(renderer: str, command: list[str], source: Path, out: Path) -> bool:
    if renderer.startswith("afterwriting"):
        args = [*command, "--source", str(source), "--pdf", str(out), "--overwrite"]
        if renderer == "afterwriting-studio":
            for setting in STUDIO:
                args += ["--setting", setting]
    else:
        args = [*command, "-f", "pdf", str(source), str(out)]
    done = subprocess.run(args, capture_output=True, timeout=120, check=False)
    return done.returncode == 0 and out.exists() and out.stat().st_size > 0


def _norm(el: Element) -> tuple[str, str]:
    text = " ".join(el.text.split())
    if el.kind in (Kind.ACTION, Kind.DIALOGUE, Kind.PARENTHETICAL, Kind.LYRIC):
        text = " ".join(_EMPHASIS.sub("", text).split())
    else:
        text = " ".join(_EMPHASIS.sub("", text).split()).upper()
    return el.kind.value, text


def printed(elements: tuple[Element, ...]) -> list[tuple[str, str]]:
    return [_norm(e) for e in elements if e.kind in PRINTED and e.text.strip()]


def compare(want: list[tuple[str, str]], got: list[tuple[str, str]]) -> int:
    matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def run(
    sources: list[Path], renderers: list[str], show: int = 0
) -> tuple[list[dict[str, object]], list[str]]:
    tools: dict[str, Callable[[], list[str] | None]] = {
        "afterwriting": afterwriting,
        "afterwriting-studio": afterwriting,
        "screenplain": screenplain,
    }
    rows: list[dict[str, object]] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for renderer in renderers:
            command = tools[renderer]()
            if command is None:
                notes.append(f"{renderer}: not installed, skipped")
                continue
            want_total = same = got_total = pages = 0
            seconds = 0.0
            failed: list[str] = []
            shown = 0
            for source in sources:
                out = Path(tmp) / f"{renderer}-{source.stem}.pdf"
                if not render(renderer, command, source, out):
                    failed.append(f"{source.name} (renderer failed)")
                    continue
                want = printed(read_fountain(source).elements)
                data = out.read_bytes()
                # CPU time of this process: one core's speed, whatever else the machine runs.
                start = time.process_time()
                try:
                    script = parse_pdf(data, str(out))
                except InputError as err:
                    failed.append(f"{source.name}: {err.message}")
                    want_total += len(want)
                    continue
                seconds += time.process_time() - start
                pages += max((e.page or 0) for e in script.elements) if script.elements else 0
                got = printed(script.elements)
                hit = compare(want, got)
                want_total += len(want)
                got_total += len(got)
                same += hit
                if show and hit < len(want) and shown < show:
                    shown += 1
                    print(f"--- {renderer} {source.name}: {hit}/{len(want)}")
                    for line in difflib.unified_diff(
                        [f"{k}: {t}" for k, t in want],
                        [f"{k}: {t}" for k, t in got],
                        n=0,
                        lineterm="",
                    ):
                        print("   ", line[:160])
            rows.append(
                {
                    "renderer": renderer,
                    "files": len(sources) - len(failed),
                    "elements": want_total,
                    "identical": same,
                    "identical %": 100.0 * same / want_total if want_total else 0.0,
                    "extra read": max(0, got_total - same),
                    "pages": pages,
                    "pages/s": pages / seconds if seconds else 0.0,
                }
            )
            notes += [f"{renderer}: {f}" for f in failed]
    return rows, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--renderers", default=",".join(RENDERERS))
    parser.add_argument("--show", type=int, default=0, help="print the differences of N files")
    args = parser.parse_args()
    rows, notes = run(args.files or default_sources(), args.renderers.split(","), args.show)
    for row in rows:
        print(
            f"{row['renderer']:<13} {row['files']} files, {row['pages']} pages: "
            f"{row['identical']}/{row['elements']} printed elements identical "
            f"({row['identical %']:.2f}%), {row['extra read']} extra; "
            f"{row['pages/s']:.0f} pages/s"
        )
    for note in notes:
        print("  note:", note)


if __name__ == "__main__":
    main()
