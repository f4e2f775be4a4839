"""A universe of facts alone (examples/defenders): no scripts, only what the news says."""

from __future__ import annotations

import shutil
from pathlib import Path

from showbible import build, queries
from showbible.store import Store

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "defenders"


def test_bible_alone_gives_crossovers_showrunners_and_sources(tmp_path: Path) -> None:
    root = tmp_path / "defenders"
    shutil.copytree(EXAMPLE, root)
    url = f"sqlite:///{tmp_path}/canon.sqlite"
    result = build(root, url)
    assert result.compiled is not None and result.compiled.canon.scenes == []
    st = Store(url)
    try:
        with st.read() as conn:
            cross = queries.crossovers(conn)
            karen = queries.who(conn, "Karen Page")
            facts = queries.facts_list(conn)
    finally:
        st.dispose()
    by_id = {c["id"]: c for c in cross["characters"]}
    assert set(by_id["karen-page"]["series"]) == {"the-defenders", "the-punisher"}
    assert all(step["declared"] for step in by_id["matt-murdock"]["path"])
    assert cross["matrix"]["daredevil"]["the-defenders"] >= 1
    assert {d["series"] for d in karen["declared_series"]} == {"the-defenders", "the-punisher"}
    assert karen["performer"] == "Deborah Ann Woll"
    runners = {(f["subject"], f["object"]) for f in facts if f["kind"] == "showrunner"}
    assert runners == {("Marco Ramirez", "the-defenders"), ("Melissa Rosenberg", "jessica-jones")}
