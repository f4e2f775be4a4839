"""The editor's square brackets inside a quote: the name again in full with what the editor adds
about it is an aside ("Jay [Detective Peter Jay, played by Daniel Mays]", the Daily Mail set's
Des), not the rest of the name ("Jay Detective Peter Jay" was read as one); a surname the editor
completes stays one name ("Melissa [Rosenberg, the showrunner]"); a bracket of names after a
name is a pair. Quotes of our own in a tabloid's voice."""

from __future__ import annotations

from news_triples import triples


def test_the_name_again_in_full_is_an_aside() -> None:
    text = (
        "Salt Road is a new ITV drama.\n\n"
        "'We come to him through Crane [Detective Ivo Crane, played by Tom Reyes] and Ada "
        "Lind,' she said.\n"
    )
    got = triples(text)
    assert ("plays", "Tom Reyes", "Detective Ivo Crane") in got
    assert not any("Crane Detective" in o or "Crane Detective" in s for _k, s, o in got)


def test_a_surname_the_editor_completes_is_one_name() -> None:
    text = "The Nevers returns. 'Jane [Marsh, the showrunner] is great,' said Ann.\n"
    assert ("showrunner", "Jane Marsh", "The Nevers") in triples(text, ("showrunner",))
