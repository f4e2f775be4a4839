"""`make bench`: every benchmark in one run, printed as tables.

1. Fountain parse speed: ours, jouvence and screenplain side by side on the same input (MB/s and
   ratios); beside it the PDF reader: our Fountain printed by afterwriting and screenplain, read
   back (pages/s of CPU time, share of printed elements identical; bench/pdf_roundtrip.py).
2. Cold build of the nine Shakespeare history plays (from ../shared/data) and of the demo
   universe, then a no-change rebuild and a one-file rebuild; the store write of a cold build
   of 50 synthetic episodes apart, into SQLite and PostgreSQL (executemany and COPY).
3. Checker accuracy on the planted-error universes (recall, false positives per episode); the
   inferred facts' precision and recall per kind, and the planted universes read without a bible;
   eighteen real screenplays read bare (every finding a false alarm).
4. `showbible news` precision and recall per predicate on the dev set of real articles.
5. Presence from prose: precision and recall per class on its labelled dev set, and per-scene
   presence in the nine plays without a bible against Folger's annotation.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(HERE))


def _timed(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _shakespeare_universe(into: Path) -> Path | None:
    plays = SHARED / "shakespeare-fountain"
    if not plays.is_dir():
        return None
    root = into / "histories"
    (root / "plays").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "data" / "shakespeare" / "universe.yaml", root)
    for play in plays.glob("*.fountain"):
        shutil.copy(play, root / "plays" / play.name)
    return root


def build_times() -> list[dict[str, object]]:
    """Cold build, rebuild with nothing changed, rebuild after editing one script."""
    from showbible.build.compiler import build

    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "sallowmouth"
        shutil.copytree(ROOT / "examples" / "sallowmouth", demo)
        universes = {"sallowmouth (demo)": demo}
        histories = _shakespeare_universe(Path(tmp))
        if histories is not None:
            universes["shakespeare (9 plays)"] = histories
        for name, root in universes.items():
            scripts = sorted(root.rglob("*.fountain"))
            size = sum(p.stat().st_size for p in scripts)
            cold, noop, edit = [], [], []
            for i in range(3):
                url = f"sqlite:///{tmp}/{i}-{root.name}.sqlite"
                start = time.perf_counter()
                result = build(root, url)
                cold.append(time.perf_counter() - start)
                start = time.perf_counter()
                build(root, url)
                noop.append(time.perf_counter() - start)
                with scripts[-1].open("a", encoding="utf-8") as f:
                    f.write(f"\n[[bench edit {i}]]\n")
                start = time.perf_counter()
                build(root, url)
                edit.append(time.perf_counter() - start)
            assert result.compiled is not None
            rows.append(
                {
                    "universe": name,
                    "MB": size / 1e6,
                    "episodes": len(result.compiled.universe.episodes),
                    "scenes": len(result.compiled.canon.scenes),
                    "cold build s": min(cold),
                    "unchanged s": min(noop),
                    "one file edited s": min(edit),
                }
            )
    return rows


def store_write_rows() -> list[dict[str, object]]:
    """The same compiled canon written into SQLite and PostgreSQL (executemany and COPY): CPU
    seconds of this process and of the server (bench/store_write.py)."""
    import store_write
    import synth

    with tempfile.TemporaryDirectory() as tmp:
        synth.generate_total(Path(tmp) / "u50", 50)
        return store_write.run(Path(tmp) / "u50")


def _table(rows: list[dict[str, object]]) -> str:
    if not rows:
        return "(nothing measured)"
    keys = [k for k, v in rows[0].items() if not isinstance(v, dict)]  # details stay in JSON
    cells = [[_fmt(r[k]) for k in keys] for r in rows]
    widths = [max(len(k), *(len(c[i]) for c in cells)) for i, k in enumerate(keys)]
    lines = ["  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines)


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return f"{v:.3f}" if v < 100 else f"{v:.0f}"
    return str(v)


def main() -> None:
    import parse_speed
    import planted_score

    print("== Fountain parse speed (same input, one run) ==")
    print(_table(parse_speed.run()))
    import pdf_roundtrip

    print("\n== PDF reading: our Fountain printed by third-party renderers, read back ==")
    rows, notes = pdf_roundtrip.run(pdf_roundtrip.default_sources(), pdf_roundtrip.RENDERERS)
    print(_table(rows))
    for note in notes:
        print("  note:", note)
    print("\n== Build into SQLite (best of 3) ==")
    print(_table(build_times()))
    print("\n== Store write of a cold build, 50 synthetic episodes (bench/store_write.py) ==")
    print(_table(store_write_rows()))
    print("\n== Checker accuracy on the planted-error universes ==")
    planted_score.report(planted_score.run())
    import infer_dev
    import planted_bare

    print("\n== Inferred facts: labelled dev sets per kind (bench/infer_dev.py) ==")
    print(infer_dev.table(infer_dev.run(infer_dev.KINDS, "fountain", False)))
    print("\n== The planted universes with a bare universe.yaml (bench/planted_bare.py) ==")
    planted_bare.report(planted_bare.run_all())
    import reintroduction_dev

    print("\n== reintroduction: labelled dev set (bench/reintroduction_dev.py) ==")
    reintroduction_dev.run()
    import screenplays_bare

    print("\n== Real screenplays read bare: false alarms per script (bench/screenplays_bare.py) ==")
    screenplays_bare.main([])
    import real_alarms

    print("\n== Real transcripts read bare: continuity findings per episode (real_alarms.py) ==")
    print(real_alarms.table(real_alarms.measure()[0]))
    import presence_dev
    import shakespeare_presence

    print("\n== Presence from prose: labelled dev set, per class (bench/presence_dev.py) ==")
    for parts in (("written", "shakespeare", "bigfish"), ("heldout",), ("screenplays",)):
        mentions = presence_dev.load(parts)
        if not mentions:
            continue
        predicted = presence_dev.predict(mentions)
        presence_dev.report(mentions, predicted)
        presence_dev.seen_table(mentions, predicted, errors=False)  # what the accusing rules keep
    print("\n== Presence in the nine plays, no bible, against Folger (shakespeare_presence.py) ==")
    if shakespeare_presence.GOLD.is_file() and shakespeare_presence.PLAYS.is_dir():
        shakespeare_presence.report(shakespeare_presence.score())
    else:
        print("(skipped: ../shared/data/shakespeare-gold is not present)")
    import identity_eval

    print("\n== Crossovers without a bible, against gold (bench/identity_eval.py) ==")
    print(identity_eval.table(identity_eval.evaluate()))
    import news_dev

    for label, gold, texts in (
        ("the stored pages", news_dev.GOLD, news_dev.dev_texts()),
        ("BBC News, 2004-05", news_dev.BBC_GOLD, news_dev.bbc_texts()),
        ("the Daily Mail's TV pages, 2020", news_dev.DM_GOLD, news_dev.dailymail_texts()),
    ):
        articles = news_dev.load_dev(gold, texts)
        print(f"\n== News facts on real articles: {label} (bench/news_dev.py) ==")
        print(news_dev.table(news_dev.run(articles)) if articles else "(article texts absent)")
    import talent

    if talent.DATA.is_dir():
        print("\n== Talent scheduling, proven optima (bench/talent.py; showbible's DP) ==")
        print(_table(talent.against_optima(talent.run(sorted(talent.DATA.glob("*.dzn"))))))
    print(
        "\n== Cost against size, synthetic universes (bench/scale.py; make bench-scale for "
        "5,000 episodes) =="
    )
    import scale

    with tempfile.TemporaryDirectory() as tmp:
        rows = scale.run([50, 500], Path(tmp))
    print(_table(rows))
    scale.save(rows)
    print("(rows merged into docs/performance-scale.json; plot: docs/performance-scale.png)")


if __name__ == "__main__":
    main()
