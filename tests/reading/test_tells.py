"""The secrets' tells found in a scene's speeches (reading/tells.py): one automaton pass over
all of a scene's speeches gives each speech what a search of it alone gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.reading.tells import TellIndex

# Spaces of three kinds (a tell's space matches a line break or a tab), word characters and
# not, a NUL (the pass's separator), and letters whose lower case is longer ("İ") or depends on
# what stands beside them (a final sigma).
_TEXT = "ab \n\t\x00'_İΣσ"


@settings(max_examples=500, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["s1", "s2", "s3"]),
        st.lists(st.text(alphabet="abAB 'Σσ", min_size=1, max_size=4), max_size=3).map(tuple),
        max_size=3,
    ),
    st.lists(st.text(alphabet=_TEXT, max_size=14), max_size=6),
)
def test_one_pass_over_a_scenes_speeches_finds_what_each_search_alone_finds(
    tells: dict[str, tuple[str, ...]], texts: list[str]
) -> None:
    index = TellIndex(tells)
    got = index.find_each(texts)
    if not index.empty and any("\x00" in t for t in texts):
        assert got is None
        return
    assert got == {k: found for k, text in enumerate(texts) if (found := index.find(text))}
