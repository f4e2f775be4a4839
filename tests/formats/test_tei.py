"""The TEI drama reader, on plays we wrote in the DraCor and Folger styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible import compile_universe, load_universe
from showbible.formats import read_script
from showbible.formats.tei import parse_tei, safe_label
from showbible.model import InputError, Kind, Script

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "formats"


def rows(script: Script) -> list[tuple[str, str, int]]:
    return [(e.kind.value, e.text, e.line) for e in script.elements]


def test_dracor_style_play() -> None:
    script = read_script(DATA / "harbour_play.xml")
    assert script.title == (
        ("Title", "The Harbour Watch"),
        ("Subtitle", "A Play in Two Acts"),
        ("Author", "Anonymous"),
    )
    assert [(s.number, s.heading.text if s.heading else None) for s in script.scenes] == [
        (1, "ACT I. SCENE I. The quay."),
        (2, "ACT I. SCENE II. The tower."),
        (3, "ACT II. SCENE I. The quay again."),
    ]
    first = script.scenes[0]
    got = [(e.kind.value, e.text, e.line) for e in first.elements]
    assert got == [
        # the act's setting, held back for its first scene
        ("action", "The harbour at dusk.", 35),
        ("action", "Enter MARA and TOBIAS, with lanterns.", 38),
        ("note", "present: Mara Voss, Tobias Voss", 38),
        # cues are the persName of the `who` id, not the abbreviated <speaker>
        ("character", "Mara Voss", 40),
        (
            "dialogue",
            "The tide is turning, uncle. Hear it pull.\nThe ledger must be moved before the dawn.",
            41,
        ),
        ("character", "Tobias Voss", 45),
        ("parenthetical", "Aside", 46),
        ("dialogue", "She knows too much already.", 47),
        ("action", "Exit.", 48),
        ("character", "Mara Voss", 51),
        ("dialogue", "Then I shall wait for Nell alone.", 52),  # the <note> is left out
        ("action", "Exit.", 54),
        ("note", "present: Mara Voss", 54),
    ]
    assert script.elements[0].kind is Kind.SECTION and script.elements[0].text == "ACT I"
    second = script.scenes[1].elements
    # Commas in a persName would split the annotation: "Warden, of the Tower".
    assert ("note", "present: Nell Hardy, Warden of the Tower", 58) in [
        (e.kind.value, e.text, e.line) for e in second
    ]
    assert ("note", "present: Sailors & Dockhands", 63) in [
        (e.kind.value, e.text, e.line) for e in second
    ]
    joint = [e for e in second if e.kind is Kind.CHARACTER and e.line == 65]
    assert [(c.text, c.dual) for c in joint] == [("Nell Hardy", False), ("Mara Voss", True)]
    third = script.scenes[2].elements
    assert [(e.kind.value, e.text) for e in third][-2:] == [
        ("dialogue", "Alone at last."),
        ("parenthetical", "He sits."),
    ]
    assert script.scenes[0].heading is not None
    assert script.scenes[0].heading.scene_number == "1"


def test_presence_reaches_the_extractor_without_a_resolver_change(tmp_path: Path) -> None:
    """Entrances name exactly who is on stage, silent characters included (the Warden and the
    sailors never speak), through the `present` annotation the reader emits."""
    (tmp_path / "play").mkdir()
    (tmp_path / "play" / "ep1.xml").write_bytes((DATA / "harbour_play.xml").read_bytes())
    (tmp_path / "universe.yaml").write_text(
        "name: T\nseries:\n  - id: harbour\n    scripts: ['play/*.xml']\n"
        "characters:\n  mara: {name: Mara Voss, aliases: [MARA]}\n",
        encoding="utf-8",
    )
    compiled = compile_universe(load_universe(tmp_path))
    scenes = {s.number: s for s in compiled.canon.scenes}
    assert set(scenes[1].present) == {"mara", "tobias-voss"}
    assert scenes[1].present["mara"].line == 38
    assert set(scenes[2].present) == {
        "nell-hardy",
        "mara",
        "warden-of-the-tower",
        "sailors-and-dockhands",
    }
    assert set(scenes[3].present) == {"tobias-voss"}
    # "Nell" in Mara's line is a reference, not presence.
    assert "nell-hardy" in scenes[1].referenced and "nell-hardy" not in scenes[1].present
    assert not compiled.diagnostics


def test_folger_style_cast_list_and_continued_speech() -> None:
    script = read_script(DATA / "folger_style.xml")
    assert rows(script) == [
        ("section", "ACT 1", 19),
        ("heading", "ACT 1. Scene 1", 21),
        ("action", "Enter the Old Keeper and a Boy, and the Ghost unseen.", 22),
        ("note", "present: OLD KEEPER, BOY, GHOST", 22),
        ("character", "OLD KEEPER", 24),
        ("dialogue", "Light the lamp, boy.", 25),  # <choice>: the correction
        ("character", "BOY", 28),
        ("dialogue", "I will.", 29),
        ("action", "He exits.", 30),
        ("note", "present: BOY", 30),
        ("character", "BOY", 31),  # the speech goes on after the exit: cued again
        ("dialogue", "And back again.", 31),
        ("character", "GHOST", 34),  # no cast entry: the <speaker> label
        ("dialogue", "Remember.", 35),
    ]
    assert script.elements[10].extensions == ("CONT'D",)


def test_body_without_divisions_is_scene_zero() -> None:
    script = read_script(DATA / "no_divs.xml")
    assert [s.number for s in script.scenes] == [0]
    assert rows(script) == [
        ("action", "A bare stage.", 5),
        ("character", "Voice", 7),
        ("dialogue", "Is anyone there?", 8),
    ]


def test_safe_label() -> None:
    assert safe_label("Humphrey, Duke of Gloucester") == "Humphrey Duke of Gloucester"
    assert safe_label("Rosencrantz and Guildenstern") == "Rosencrantz & Guildenstern"


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"<html/>", 1, "not a TEI document"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x "y">]>\n<TEI/>', 2, "DTD"),
        (b"<TEI>\n<text>\n</TEI>", 3, "not well-formed"),
    ],
)
def test_bad_tei_is_an_input_error(data: bytes, line: int, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        parse_tei(data, "play.xml")
    assert info.value.line == line
    assert info.value.file == "play.xml"


def test_tei_without_body_warns() -> None:
    script = parse_tei('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>')
    assert script.elements == ()
    assert "no <text>/<body>" in script.diagnostics[0].message


_DEAD_PLAY = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><particDesc>
<listPerson><person xml:id="Mara"><persName>Mara</persName></person>
<person xml:id="Cole"><persName>Cole</persName></person>
<person xml:id="Ghost"><persName>Ghost</persName></person></listPerson>
</particDesc></profileDesc></teiHeader><text><body>
<div type="scene" n="1"><head>Scene 1</head>
<stage type="entrance" who="#Mara #Cole">Enter Mara with Cole's body.</stage>
<stage type="exit" who="#Mara #Cole">Exeunt with the body.</stage>
</div>
<div type="scene" n="2"><head>Scene 2</head>
<stage type="entrance" who="#Mara">Enter Mara.</stage>
<stage type="entrance" who="#Cole">Enter the Ghost of Cole.</stage>
<sp who="#Cole"><speaker>Ghost</speaker><l>Remember me.</l></sp>
<stage type="exit" who="#Cole">Ghost exits.</stage>
<stage type="entrance" who="#Ghost">Enter Ghost.</stage>
<sp who="#Ghost"><speaker>Ghost</speaker><l>I am the Ghost.</l></sp>
</div></body></text></TEI>"""


def test_the_dead_carried_on_or_walking_as_ghosts_are_not_present() -> None:
    """Folger's who ids name the dead one on "with Cole's body" and "Enter the Ghost of
    Cole": neither is a living Cole (nor the ghost's speech, a voice from the dead); a
    character who is a ghost by name (Hamlet's GHOST) is there."""
    got = [r for r in rows(parse_tei(_DEAD_PLAY, "dead.xml")) if r[0] in ("note", "character")]
    assert got == [
        ("note", "present: Mara", 7),
        ("note", "present: Mara", 8),
        ("note", "present: Mara", 11),
        ("character", "Cole", 13),
        ("note", "present: Ghost", 15),
        ("character", "Ghost", 16),
    ]
    script = parse_tei(_DEAD_PLAY, "dead.xml")
    cues = [e for e in script.elements if e.kind is Kind.CHARACTER]
    assert [c.extensions for c in cues] == [("GHOST",), ()]
