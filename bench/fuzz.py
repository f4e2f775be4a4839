"""`make fuzz`: a mutational fuzzer for every reader (Fountain, FDX, TEI, transcripts, PDF,
subtitles, Highland, Fade In, the bible).

Each reader gets N inputs made by mutating a corpus of real seeds (byte flips, inserted syntax
tokens, splices, truncations, duplicated runs, encodings). For every input it checks what the
readers promise: nothing but ``InputError`` is ever raised, every element's line lies inside the
input, and parsing twice gives the same result. A failing input is saved under
``fuzz-crashes/`` to replay. Runs on all cores; deterministic for a given seed.

Then the size ladder: inputs grown past the seeds' few kilobytes -- every syntax token repeated
alone, on its own line and with text after it, and mutated seeds with a run of them repeated --
are parsed at 10 KB, 100 KB and (when 100 KB took over 20 ms) 1 MB. Ten times the input may
take about ten times as long; an input whose time grows more than ``SUPERLINEAR`` times per rung
(confirmed by timing both rungs again), or that takes over ``LADDER_HANG`` seconds, fails the run
and is saved: a quadratic reader turns a 40 KB file into minutes.

Usage: python bench/fuzz.py [--count 1000000] [--seed 1] [--readers fountain,fdx,...]
                            [--ladder-only] [--no-ladder]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import itertools
import multiprocessing
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CRASHES = ROOT / "fuzz-crashes"
SLOW = 2.0  # seconds for one input (two parses) before it counts as a hang

TOKENS = [
    b"[[", b"]]", b"/*", b"*/", b"\r\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"^",
    b"@", b"~", b">", b"<", b"===", b"#", b"##", b"INT. ", b"EXT. ", b".", b"!", b"=", b":",
    b"(V.O.)", b"(CONT'D)", b"\t", b"  \n", b"\n\n", b"Title: ", b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    b"<sp who='#a'>", b"</sp>", b"<Paragraph Type=\"Character\">", b"&a;", b"]]>", b"<![CDATA[",
    b"[Scene: ", b"NAME: ", b"- ", b"&anchor ", b"*anchor", b"{", b"}", b"[", b"]", b"'", b'"',
    b"\xe2\x80\x99", b"\xf0\x9f\x8e\xac", b"\xc3", b"\x80",
]  # fmt: skip


def _seeds(kind: str) -> list[bytes]:
    patterns = {
        "fountain": [
            "tests/fixtures/**/*.fountain",
            "examples/**/*.fountain",
            "bench/planted/**/*.fountain",
        ],
        "fdx": ["tests/data/formats/**/*.fdx"],
        "tei": ["tests/data/formats/**/*.xml"],
        "transcript": ["tests/data/formats/**/*.txt"],
        "pdf": ["tests/data/formats/**/*.pdf"],
        "subtitles": ["tests/data/formats/**/*.srt", "tests/data/formats/**/*.vtt"],
        # Containers: whole archives, and inner texts the target zips itself (see _zipped).
        "highland": ["tests/data/formats/**/*.highland", "tests/fixtures/**/*.fountain"],
        "fadein": ["tests/data/formats/**/*.fadein", "tests/data/formats/**/*.fdx"],
        "bible": [
            "examples/**/universe.yaml",
            "tests/fixtures/**/universe.yaml",
            "bench/planted/**/universe.yaml",
            "tests/bad/**/*.yaml",
        ],
    }[kind]
    files = sorted({p for pat in patterns for p in ROOT.glob(pat)})
    shared = {"fountain": "fountain-fixtures/**/*.fountain", "fdx": "fountain-fixtures/**/*.fdx"}
    if kind in shared and SHARED.is_dir():
        files += sorted(SHARED.glob(shared[kind]))
    limit = 200_000 if kind == "pdf" else 20_000  # a PDF cut short loses its xref table
    seeds = [f.read_bytes()[:limit] for f in files]
    return seeds or [b"INT. ROOM - DAY\n\nMARA\nHello.\n"]


def mutate(rng: random.Random, seeds: list[bytes]) -> bytes:
    seed = rng.choice(seeds)
    if len(seed) > 4000 and rng.random() < 0.9 and not seed.startswith(b"%PDF"):  # a window
        start = rng.randrange(len(seed) - 3000)
        seed = seed[start : start + rng.randint(200, 3000)]
    data = bytearray(seed)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        pos = rng.randint(0, len(data))
        if op == 0 and data:  # flip a byte
            i = rng.randrange(len(data))
            data[i] = rng.randrange(256)
        elif op == 1:  # insert a syntax token
            data[pos:pos] = rng.choice(TOKENS)
        elif op == 2 and data:  # delete a run
            data[pos : pos + rng.randint(1, 64)] = b""
        elif op == 3:  # splice in part of another seed
            other = rng.choice(seeds)
            start = rng.randint(0, len(other))
            data[pos:pos] = other[start : start + rng.randint(1, 400)]
        elif op == 4 and data:  # duplicate a run
            run = bytes(data[pos : pos + rng.randint(1, 200)])
            data[pos:pos] = run * rng.randint(1, 4)
        elif op == 5:  # truncate
            del data[pos:]
        else:  # random bytes
            data[pos:pos] = rng.randbytes(rng.randint(1, 16))
    if rng.random() < 0.03:  # now and then, another encoding of the same text
        text = bytes(data).decode("utf-8", "replace")
        data = bytearray(text.encode(rng.choice(["utf-16", "utf-8-sig", "latin-1"]), "replace"))
    return bytes(data)


# --- targets: each takes bytes, returns a fingerprint of the result, raises on broken promises


def _check_lines(script: object, data: bytes) -> object:
    from showbible.model import Script

    assert isinstance(script, Script)
    lines = max(1, data.count(b"\n") + data.count(b"\r") + 1)
    for el in (*script.elements, *script.boneyard):
        if not (1 <= el.line <= lines and el.line <= el.last_line <= lines):
            raise AssertionError(f"element line {el.line}-{el.last_line} outside 1..{lines}")
    return (script.elements, script.boneyard, script.title)


def _check_pdf_lines(script: object, data: bytes) -> object:
    from showbible.model import PDF_PAGE_LINES, Script

    assert isinstance(script, Script)
    for el in script.elements:
        page, on_page = divmod(el.line, PDF_PAGE_LINES)
        if page < 1 or on_page < 1 or el.page != page or el.last_line < el.line:
            raise AssertionError(f"PDF element line {el.line} (page {el.page}) is not a place")
    return (script.elements, script.title)


def _check_inner_lines(script: object, data: bytes) -> object:
    """Highland and Fade In lines point into the document inside the zip: only their order is
    checked here (the inner readers' own targets check the bounds)."""
    from showbible.model import Script

    assert isinstance(script, Script)
    for el in (*script.elements, *script.boneyard):
        if not 1 <= el.line <= el.last_line:
            raise AssertionError(f"element line {el.line}-{el.last_line} out of order")
    return (script.elements, script.boneyard, script.title)


def _zipped(inner: str) -> Callable[[bytes], bytes]:
    """Bytes that are not a zip become the named member of one, so the mutations reach the
    reader inside as well as the zip checks."""

    def wrap(data: bytes) -> bytes:
        if data.startswith(b"PK"):
            return data
        import io
        import zipfile

        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(inner, data)
        return buf.getvalue()

    return wrap


def _file_target(
    suffix: str,
    check: Callable[[object, bytes], object] = _check_lines,
    prepare: Callable[[bytes], bytes] | None = None,
) -> Callable[[bytes], object]:
    folder = Path(tempfile.mkdtemp(prefix="showbible-fuzz-"))
    path = folder / f"input{suffix}"

    def run(data: bytes) -> object:
        from showbible.formats import read_script

        path.write_bytes(prepare(data) if prepare is not None else data)
        return check(read_script(path), data)

    return run


def _bible_target() -> Callable[[bytes], object]:
    folder = Path(tempfile.mkdtemp(prefix="showbible-fuzz-"))

    def run(data: bytes) -> object:
        from showbible.universe.loader import load_universe

        (folder / "universe.yaml").write_bytes(data)
        u = load_universe(folder)
        return u.bible

    return run


TARGETS: dict[str, Callable[[], Callable[[bytes], object]]] = {
    "fountain": lambda: _file_target(".fountain"),
    "fdx": lambda: _file_target(".fdx"),
    "tei": lambda: _file_target(".xml"),
    "transcript": lambda: _file_target(".txt"),
    "pdf": lambda: _file_target(".pdf", _check_pdf_lines),
    "subtitles": lambda: _file_target(".srt"),
    "highland": lambda: _file_target(
        ".highland", _check_inner_lines, _zipped("x.textbundle/text.fountain")
    ),
    "fadein": lambda: _file_target(".fadein", _check_inner_lines, _zipped("document.xml")),
    "bible": _bible_target,
}


class Hang(Exception):
    """An input that did not finish within HANG seconds."""


HANG = 10  # seconds before an input counts as hung; its bytes are saved to replay


def _alarm(_signum: int, _frame: object) -> None:
    raise Hang


def _worker(args: tuple[str, int, int, int]) -> tuple[int, list[str]]:
    from showbible.model import InputError

    kind, seed, start, count = args
    rng = random.Random(f"{seed}:{kind}:{start}")
    seeds = _seeds(kind)
    target = TARGETS[kind]()
    crashes: list[str] = []
    signal.signal(signal.SIGALRM, _alarm)
    for i in range(count):
        data = mutate(rng, seeds)
        started = time.perf_counter()
        signal.alarm(HANG)
        try:
            first = target(data)
            if target(data) != first:
                raise AssertionError("parsing twice gave two results")
        except InputError:
            pass
        except Hang:
            crashes.append(_save(kind, data, f"hung: no answer in {HANG} s"))
        except RecursionError:
            crashes.append(_save(kind, data, "RecursionError"))
        except Exception:
            crashes.append(_save(kind, data, traceback.format_exc(limit=6)))
        finally:
            signal.alarm(0)
        took = time.perf_counter() - started
        if took > SLOW:  # a near-hang is a finding too
            crashes.append(_save(kind, data, f"slow: {took:.1f} s for two parses"))
        if len(crashes) > 20:
            return i + 1, crashes
    return count, crashes


def _save(kind: str, data: bytes, why: str) -> str:
    CRASHES.mkdir(exist_ok=True)
    name = f"{kind}-{hashlib.sha1(data).hexdigest()[:12]}"
    (CRASHES / f"{name}.bin").write_bytes(data)
    (CRASHES / f"{name}.txt").write_text(why)
    return name


# --- the size ladder ---------------------------------------------------------------------------

RUNGS = (10_000, 100_000, 1_000_000)  # bytes
SUPERLINEAR = 25.0  # time ratio between rungs (10x the bytes) that counts as super-linear
LADDER_HANG = 60  # seconds for one parse at the top rung
# Seconds: below this at the lower rung a ratio says nothing (caches, allocator and the
# interpreter's own start-up costs turn 5 ms into x30 at the next rung without any loop).
NOISE = 0.02
# Containers and PDF: bytes repeated are no longer a zip or a PDF (their inner readers are
# laddered as Fountain and FDX).
LADDER_READERS = ("fountain", "fdx", "tei", "transcript", "subtitles", "bible")


def grow(unit: bytes, size: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """``head`` + ``unit`` repeated to ``size`` bytes + ``tail``."""
    n = max(1, (size - len(head) - len(tail)) // max(1, len(unit)))
    return head + unit * n + tail


def ladder_inputs(kind: str, seed: int, count: int) -> list[tuple[str, bytes, bytes, bytes]]:
    """(label, head, unit, tail): the unit is what grows. Tokens alone, on lines and with text;
    windows of mutated seeds repeated inside the rest of the seed (so XML stays in its body)."""
    out: list[tuple[str, bytes, bytes, bytes]] = []
    for i, tok in enumerate(TOKENS):
        out += [
            (f"token{i}", b"", tok, b""),
            (f"token{i}+nl", b"", tok + b"\n", b""),
            (f"token{i}+text", b"", tok + b"a b\n", b""),
        ]
    rng = random.Random(f"{seed}:{kind}:ladder")
    seeds = _seeds(kind)
    for j in range(count):
        data = mutate(rng, seeds)
        if len(data) < 2:
            continue
        start = rng.randrange(len(data) - 1)
        end = min(len(data), start + rng.randint(1, 200))
        out.append((f"grown{j}", data[:start], data[start:end], data[end:]))
    return out


def _time_parse(target: Callable[[bytes], object], data: bytes, repeat: int) -> float:
    from showbible.model import InputError

    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()  # as builds run the readers (compiler.gc_paused): the reader's time alone
        # CPU time, not wall time: on a shared machine other processes' load would read as a
        # super-linear reader.
        started = time.process_time()
        try:
            with contextlib.suppress(InputError):
                target(data)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def _ladder_worker(args: tuple[str, list[tuple[str, bytes, bytes, bytes]]]) -> list[Any]:
    kind, items = args
    target = TARGETS[kind]()
    signal.signal(signal.SIGALRM, _alarm)
    rows: list[Any] = []
    for label, head, unit, tail in items:
        times: list[float] = []
        why = ""
        for rung in RUNGS:
            if rung == RUNGS[-1] and times and times[-1] < NOISE:
                # Under 20 ms at 100 KB: even a quadratic reader is under 2 s at 1 MB, and the
                # top rung is most of the ladder's time.
                break
            data = grow(unit, rung, head, tail)
            signal.alarm(LADDER_HANG)
            try:
                times.append(_time_parse(target, data, 3 if rung < RUNGS[-1] else 1))
            except Hang:
                times.append(float(LADDER_HANG))
                why = f"hung: no answer in {LADDER_HANG} s at {rung:,} bytes"
            except Exception:
                why = traceback.format_exc(limit=6)
            finally:
                signal.alarm(0)
            if why:
                break
            if len(times) > 1 and times[-2] > NOISE and times[-1] / times[-2] > SUPERLINEAR:
                # Confirm before failing: on a busy machine one slow run is not a slow reader.
                low = grow(unit, RUNGS[len(times) - 2], head, tail)
                times[-2] = min(times[-2], _time_parse(target, low, 3))
                times[-1] = min(times[-1], _time_parse(target, data, 2))
            if len(times) > 1 and times[-2] > NOISE and times[-1] / times[-2] > SUPERLINEAR:
                why = (
                    f"super-linear: {times[-2]:.3f} s at {RUNGS[len(times) - 2]:,} bytes, "
                    f"{times[-1]:.3f} s at {rung:,}"
                )
                break
        saved = _save(kind, grow(unit, RUNGS[1], head, tail), why) if why else ""
        rows.append((label, times, saved))
    return rows


def ladder(kind: str, seed: int, count: int, workers: int) -> tuple[int, list[str], list[Any]]:
    items = ladder_inputs(kind, seed, count)
    parts = [(kind, items[i::workers]) for i in range(workers)]
    with multiprocessing.Pool(workers) as pool:
        rows = [r for part in pool.map(_ladder_worker, parts) for r in part]
    failures = [saved for _label, _times, saved in rows if saved]
    return len(items), failures, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1_000_000, help="inputs per reader")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--readers", default=",".join(TARGETS))
    parser.add_argument("--ladder-only", action="store_true", help="only the size ladder")
    parser.add_argument("--no-ladder", action="store_true", help="skip the size ladder")
    parser.add_argument(
        "--grown",
        type=int,
        default=None,
        help="mutated seeds laddered per reader (default: count / 1,000, between 10 and 200)",
    )
    args = parser.parse_args()
    workers = os.cpu_count() or 1
    total_crashes = 0
    kinds = args.readers.split(",")
    if not args.ladder_only:
        total_crashes += _mutational(kinds, args.count, args.seed, workers)
    if not args.no_ladder:
        grown = args.grown if args.grown is not None else min(200, max(10, args.count // 1000))
        total_crashes += _ladders(kinds, args.seed, grown, workers)
    return 1 if total_crashes else 0


def _ladders(kinds: list[str], seed: int, grown: int, workers: int) -> int:
    print(
        f"\nsize ladder ({', '.join(f'{r // 1000:,} KB' for r in RUNGS)}; fails past "
        f"x{SUPERLINEAR:g} per rung)"
    )
    print(
        f"{'reader':<12} {'inputs':>7} {'failures':>8} {'seconds':>8}   slowest input: "
        + " / ".join(f"{r // 1000:,} KB" for r in RUNGS)
        + "   worst ratio"
    )
    failed = 0
    for kind in kinds:
        if kind not in LADDER_READERS:
            continue
        started = time.perf_counter()
        n, failures, rows = ladder(kind, seed, grown, workers)
        seconds = time.perf_counter() - started
        failed += len(failures)
        full = [r for r in rows if len(r[1]) == len(RUNGS)] or rows
        slowest = max(full, key=lambda r: r[1][-1]) if full else None
        ratios = [b / a for _l, t, _s in full for a, b in itertools.pairwise(t) if a > NOISE]
        shown = " / ".join(f"{t:.3f}" for t in slowest[1]) if slowest else "-"
        label = slowest[0] if slowest else ""
        worst = f"x{max(ratios):.1f}" if ratios else "-"
        print(
            f"{kind:<12} {n:>7} {len(failures):>8} {seconds:>8.1f}   {shown} s ({label})   {worst}",
            flush=True,
        )
        for name in failures[:5]:
            print(f"    saved fuzz-crashes/{name}.bin")
    return failed


def _mutational(kinds: list[str], count: int, seed: int, workers: int) -> int:
    total_crashes = 0
    print(f"{'reader':<12} {'inputs':>10} {'crashes':>8} {'seconds':>9} {'inputs/s':>9}")
    for kind in kinds:
        chunk = -(-count // (workers * 8))
        jobs = [(kind, seed, s, min(chunk, count - s)) for s in range(0, count, chunk)]
        started = time.perf_counter()
        with multiprocessing.Pool(workers) as pool:
            results = pool.map(_worker, jobs)
        seconds = time.perf_counter() - started
        done = sum(n for n, _ in results)
        crashes = [c for _, cs in results for c in cs]
        total_crashes += len(crashes)
        print(
            f"{kind:<12} {done:>10} {len(crashes):>8} {seconds:>9.1f} {done / seconds:>9.0f}",
            flush=True,
        )
        for name in crashes[:5]:
            print(f"    saved fuzz-crashes/{name}.bin")
    return total_crashes


if __name__ == "__main__":
    sys.exit(main())
