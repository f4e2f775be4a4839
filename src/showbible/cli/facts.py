"""Commands about facts: the canon's facts and their sources, and news facts for review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from showbible.cli.common import (
    DbOpt,
    UniverseArg,
    UniverseOpt,
    app,
    choose,
    err,
    out,
    print_json,
    root_of,
    with_canon,
)
from showbible.model import InputError
from showbible.universe.root import find_root

# The store, the bible's reader and the inference are imported by the functions that use them
# (importing the command line must stay cheap: tests/cli/test_import_cost.py).


@app.command()
def facts(
    universe: UniverseArg = None,
    inferred: Annotated[
        bool,
        typer.Option(
            "--inferred", help="Only the facts inferred from action lines, with their confidence."
        ),
    ] = False,
    proposed: Annotated[
        bool,
        typer.Option(
            "--proposed",
            help="The facts proposed from news articles (`showbible news`), waiting for review.",
        ),
    ] = False,
    accept: Annotated[
        list[str] | None,
        typer.Option(
            "--accept",
            help="Accept ID (an inferred fact's id from --inferred, or a news proposal's number): "
            "write it into the bible, changing nothing else (repeatable).",
        ),
    ] = None,
    reject: Annotated[
        list[str] | None,
        typer.Option(
            "--reject", help="Reject ID (an inferred fact or a news proposal) (repeatable)."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Canon facts with their sources: bible, annotations, inferred, and the engine's doubts;
    with --proposed/--accept/--reject, the review of facts proposed from the news."""
    from showbible import queries  # with SQLAlchemy: imported when used

    choose(fmt, ("text", "json"), "--format")
    root = root_of(universe, universe_opt)
    accept, reject = accept or [], reject or []
    mine = [i for i in accept + reject if not i.isdigit()]
    if mine:
        _decide_inferred(root, db, [i for i in accept if not i.isdigit()],
                         [i for i in reject if not i.isdigit()])  # fmt: skip
        accept = [i for i in accept if i.isdigit()]
        reject = [i for i in reject if i.isdigit()]
        if not (accept or reject or proposed):
            return
    if proposed or accept or reject:
        _review(root, db, [int(i) for i in accept], [int(i) for i in reject], fmt)
        return
    rows = with_canon(root, db, queries.facts_list)
    if inferred:
        rows = [r for r in rows if r["source"] == "inferred"]
    if fmt == "json":
        print_json({"facts": rows})
        return
    for r in rows:
        detail = json.loads(r["detail"]) if r["detail"] else {}
        what = f"{r['kind']} {r['subject']}" + (f" {r['object']}" if r["object"] else "")
        extra = ""
        if r["kind"] == "provisional-character" and detail.get("suggestion"):
            extra = f"  looks like a misspelling of {detail['suggestion']}"
        elif r["kind"] in ("possible-crossover", "suspected-merge", "suspected-split"):
            extra = "  " + "; ".join(detail.get("evidence", {}).get("against", [])[:2])
        elif r["source"] == "inferred":
            extra = "  " + _inferred_note(r, detail)
        elif detail.get("source"):
            extra = f"  (source: {detail['source']})"
        out.print(
            f"{r['file']}:{r['line']}: [bold]{escape(what)}[/] [dim]({r['source']})[/]"
            f"{escape(extra)}"
        )


def _inferred_note(r: dict[str, Any], detail: dict[str, Any]) -> str:
    """id, confidence, whether the checker uses it and why not, the sentence, any conflict."""
    if detail.get("withdrawn"):
        status = f"withdrawn by {detail['withdrawn']}"
    elif detail.get("rejected"):
        status = "rejected"
    elif detail.get("refuted"):
        status = f"not used: the story refutes it ({detail['refuted']})"
    elif detail.get("used"):
        status = "used"
    elif detail.get("conflict"):
        status = f"not used: the bible says otherwise at {detail['conflict']}"
    elif detail.get("stated"):
        status = "stated by the bible or an annotation"
    else:
        status = "not used (below the confidence setting, or the bible states it)"
    return (
        f"[{detail.get('id', '?')}] confidence {r['confidence']:.1f}, {status}: "
        f"{detail.get('sentence', '')!r} ({detail.get('reason', '')})"
    )


def _decide_inferred(root: Path, db: str | None, accept: list[str], reject: list[str]) -> None:
    """Accept (write into the bible) or reject (silence) inferred facts by their ids."""
    from showbible import queries  # with SQLAlchemy: imported when used
    from showbible.reading.infer import accept as infer_accept
    from showbible.universe.loader import load_universe

    rows = with_canon(root, db, queries.facts_list)
    by_id: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["source"] == "inferred" and r["detail"]:
            detail = json.loads(r["detail"])
            by_id[detail.get("id", "")] = {**r, "detail": detail}
    for fid in accept + reject:
        if fid not in by_id:
            raise InputError(f"no inferred fact {fid!r} (see `showbible facts --inferred`)")
    for fid in accept:
        universe = load_universe(root)  # each accept sees the bible as the last one left it
        err.print(f"accepted {fid}: {infer_accept.accept(universe, by_id[fid])}")
    for fid in reject:
        err.print(f"rejected {infer_accept.reject(load_universe(root), fid)}")


def _review(root: Path, db: str | None, accept: list[int], reject: list[int], fmt: str) -> None:
    # The news reader is imported only by the commands that use it: it is the largest part of
    # the package, and every other command starts faster without it.
    from showbible.news import review
    from showbible.store import Store, resolve_url  # the store and the bible: when used
    from showbible.universe.loader import load_universe

    universe = load_universe(root)
    st = Store(resolve_url(root, db))
    try:
        st.ensure_schema()
        with st.write() as conn:
            for pid in accept:
                err.print(f"accepted {pid}: {review.decide(conn, universe, pid, True)}")
                universe = load_universe(root)  # the bible changed
            for pid in reject:
                review.decide(conn, universe, pid, False)
                err.print(f"rejected {pid}")
            rows = review.listing(conn)
    finally:
        st.dispose()
    if fmt == "json":
        print_json({"proposals": rows})
        return
    if not rows:
        err.print("no proposals waiting for review")
    for r in rows:
        out.print(
            f"[bold]{r['id']:>4}[/] {r['kind']:<11} {escape(r['subject'])} → "
            f"{escape(r['object'][:80])}  [dim]{escape(r['file'])}:{r['line']} "
            f"({r['confidence']:.2f})[/]"
        )


@app.command()
def news(
    files: Annotated[list[Path], typer.Argument(help="Article text files, as crawled.")],
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Only the facts at least this sure (0 to 1). On the BBC dev set, nine in ten "
            "of those at 0.7 or more were right, and a little under half of all were found.",
        ),
    ] = 0.0,
    tv_only: Annotated[
        bool,
        typer.Option(
            "--tv-only",
            help="Leave out the roles and appearances an article sets in a film, on a stage, "
            "on a record or in a book (shown as [film], [stage], ... otherwise).",
        ),
    ] = False,
    universe_opt: UniverseOpt = None,
    db: DbOpt = None,
) -> None:
    """Production facts from news articles: who plays whom, showrunners, characters moving
    between series, quotes, outlets. With a universe, names are matched to its bible and the
    facts are kept for review (`showbible facts --proposed`)."""
    from showbible.store import Store, resolve_url  # the store and the bible: when used
    from showbible.universe.loader import load_universe

    choose(fmt, ("text", "json"), "--format")
    root = universe_opt if universe_opt is not None else find_root()
    universe = load_universe(root) if root is not None else None
    from showbible.news import extract_facts, facts_to_json, format_fact, review

    found = [
        f
        for f in extract_facts(files, universe.bible if universe else None, tv_only=tv_only)
        if f.confidence >= min_confidence
    ]
    if fmt == "json":
        print_json(facts_to_json(found))
    else:
        for fact in found:
            out.print(escape(format_fact(fact)))
            out.print(f"    [dim]{escape(fact.sentence[:160])}[/]")
    if root is not None:
        st = Store(resolve_url(root, db))
        try:
            st.ensure_schema()
            with st.write() as conn:
                added = review.record(conn, found, universe)
        finally:
            st.dispose()
        err.print(f"{len(found)} fact(s), {added} new for review: showbible facts --proposed")
