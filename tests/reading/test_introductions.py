"""Characters introduced by name in an action line who never speak (reading/introductions.py,
Cast.introduce): read bare, they are characters of their series for inference and presence,
and nothing else (no crossover, no misspelling, no walk-on, no sound effect, no play)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.build.compiler import compile_universe
from showbible.formats import read_script
from showbible.model import Element, Kind, Scene
from showbible.reading.introductions import _WORD, _introduces_in_capitals, introductions
from showbible.universe.loader import load_universe


def _intros(tmp_path: Path, script: str) -> list[str]:
    path = tmp_path / "e.fountain"
    path.write_text(script, encoding="utf-8")
    return introductions(read_script(path).scenes)


@pytest.mark.parametrize(
    ("script", "name"),
    [
        # an age after the name (screenplay)
        ("EXT. PIER - DAY\n\nCOLE BRECK (40s) watches from the pier.\n", "COLE BRECK"),
        ("EXT. PIER - DAY\n\nOn the quay, MARGUERITE, 60s, mends a net.\n", "MARGUERITE"),
        ("EXT. PIER - DAY\n\nHALVARD, forties, sun-cracked, coils rope.\n", "HALVARD"),
        # the name written again as a name
        ("EXT. PIER - DAY\n\nCOLE watches from the pier. The gulls rise as Cole turns.\n", "COLE"),
        (
            "EXT. SHINGLE - NIGHT\n\nEZRA CALE lies on the stones.\n\nSilas closes Ezra's eyes.\n",
            "EZRA CALE",
        ),
        (
            "INT. SURGERY - DAY\n\nDR. OYELARAN scrubs in. Mara waits for Oyelaran.\n",
            "DR. OYELARAN",
        ),
        # as an object
        ("INT. HOLD - NIGHT\n\nTwo men shove JONAH ROOK (30s) down the ladder.\n", "JONAH ROOK"),
        # a name word that speaks in the episode confirms it ("Drew" is a common word too)
        (
            "INT. HOLD - NIGHT\n\nCAPTAIN DREW watches from the hatch.\n\nDREW\nUp.\n",
            "CAPTAIN DREW",
        ),
        # an episode that introduces five speakers and names them again only twice is no play
        (
            "INT. BAR - NIGHT\n\nMARTA HOLLOWAY (40s) pulls pints. DR. PELL (50s) drinks. NELL "
            "ROOK (20s) waits. Two men shove JONAH ROOK (30s) below. CAPTAIN DREW watches.\n\n"
            "MARTA\nNo.\n\nPELL\nYes.\n\nNELL\nNo.\n\nJONAH\nHelp.\n\nDREW\nQuiet.\n\n"
            "Drew slams the hatch. Pell's glass is empty.\n",
            "CAPTAIN DREW",
        ),
        # a regnal or family number after a first name or a surname stays a name
        ("INT. HALL - DAY\n\nROBERT JOHNSON III, 50s, signs the lease.\n", "ROBERT JOHNSON III"),
        ("INT. HALL - DAY\n\nLOUIS XIV, a boy of five, sits the throne.\n", "LOUIS XIV"),
        # capitals with accents are one name (the thirty-sixth blind look's Mexico City set)
        ("INT. FORO - DAY\n\nJOSÉ ÁLVAREZ (60s) lights the set.\n", "JOSÉ ÁLVAREZ"),
        ("INT. FORO - DAY\n\nLUPITA MÜLLER, 30s, powders a face.\n", "LUPITA MÜLLER"),
    ],
)
def test_introduced(tmp_path: Path, script: str, name: str) -> None:
    assert name in _intros(tmp_path, script)


@pytest.mark.parametrize(
    "script",
    [
        # sound effects, emphasis, acronyms: never written again as a name
        "INT. FLAT - NIGHT\n\nThe door SLAMS. Mara does NOT look back. The FBI van idles.\n",
        "INT. FLAT - NIGHT\n\nBANG! Mara ducks.\n",
        # a kind, a thing or a place: article, number, possessive, preposition before it
        "EXT. BAY - DAY\n\nThe KESTREL MAID rounds the point. Mara sails the Kestrel Maid.\n",
        "EXT. BAY - DAY\n\nTwo SMUGGLERS row past. Mara counts the Smugglers.\n",
        "EXT. BAY - DAY\n\nThe fishing boat CORMORANT sinks. Mara saw Cormorant go.\n",
        "EXT. ROAD - DAY\n\nA sign reads 'HOLLOWAY FARM'. Mara drives to Holloway.\n",
        # a super, a title, a numbered walk-on
        "EXT. ROAD - DAY\n\nSUPER: THREE YEARS LATER\n\nMara waits for Later.\n",
        "EXT. ROAD - DAY\n\nCOP #2 waves. Mara nods at Cop.\n",
        # a shout and function words
        "EXT. ROAD - DAY\n\n[Finn yells] NO! Finn, No!\n",
        "EXT. ROAD - DAY\n\nIT'S ALWAYS WEREWOLF, reads the poster. Jake loves Werewolf.\n",
        # what a sign reads, after a colon (the seventh blind look)
        "EXT. MAIN STREET - DAY\n\nA hand-lettered sign in the window: KETTLE FALLS STRONG. "
        "Kettle Falls has seen worse.\n",
        # ... and the tail of a run of four words or more is no name of its own (the
        # twenty-third blind look's signboard: NEW TIGER CLAW SCHOOL had made a SCHOOL)
        "INT. GODOWN - DAY\n\nOver the door, a signboard: NEW TIGER CLAW SCHOOL. Mara bows "
        "to the School.\n",
        "INT. GODOWN - DAY\n\nThe banner says it all: GRAND OPENING TODAY ONLY. Mara reads "
        "Only twice.\n",
        # a sign with an accented word: its unaccented tail is no name either (the thirty-
        # sixth blind look's "CORAZÓN DE CRISTAL - CAPÍTULO 180" had made a DE CRISTAL)
        "INT. FORO - DAY\n\nTaped to the monitor, somebody's joke: CORAZÓN DE CRISTAL - "
        "CAPÍTULO 180 - YA MERO.\n\nGlass walls, a view of the Periférico, a framed one-sheet "
        "of CORAZÓN DE CRISTAL with a 42 SHARE sticker slapped across Valeria's face.\n\n"
        "VALERIA\nThe board has decided that Corazón de Cristal ends with a funeral.\n",
        # one sign's or label's lettering, its parts set apart by a dash, a slash, an
        # ampersand, a bracket or a full stop (the twenty-sixth blind look: a Lagos cargo
        # agency's shopfront, barrels marked with their ports, an arrivals card)
        "EXT. SHOPFRONT - DAY\n\nA faded sign: ADEBAYO CARGO UK -- LAGOS / ACCRA -- WEEKLY. "
        "Mara was born in Lagos.\n",
        "INT. LOCK-UP - DAY\n\nBarrels, each one marked in pen. LAGOS. ACCRA. Mara flies to "
        "Accra.\n",
        "EXT. ARRIVALS - DAY\n\nHe holds up a card, MADAM YEMI (LONDON), by the rail. Mara "
        "lives in London.\n",
        "EXT. WAREHOUSE - DAWN\n\nThe shed with ADEBAYO SHIPPING & LOGISTICS along its flank "
        "burns. Mara runs the Logistics desk.\n",
        # an inscription under a photograph, a name with a job and its years (the twenty-
        # eighth blind look's pub: ARTHUR HEBBLETHWAITE, LANDLORD, 1919-1927)
        "INT. PUB - NIGHT\n\nShe looks up at the photograph, a big laughing man, with ARTHUR "
        "HEBBLETHWAITE, LANDLORD, 1919-1927 in copperplate underneath. Arthur would know.\n",
        # camera and cutting words, and an action shouted in capitals with its preposition
        # (seen on real screenplays: "CLOSE ON WARD", "SUIT BURSTS FROM THE WRECKAGE")
        "INT. HOLD - NIGHT\n\nCLOSE ON MARA as the lamp gutters, and Mara blinks.\n",
        "INT. HOLD - NIGHT\n\nBACK TO COLE, who waits. Mara watches Cole.\n",
        "EXT. PIER - DAY\n\nThe hull SPLITS AROUND COLE and the sea takes Cole under.\n",
        "EXT. PIER - DAY\n\nA wave HURLS COLE INTO the pilings; gulls circle Cole.\n",
        # a date and a time on a screen, not ages (the sixty-first blind look's voicemail:
        # "VOICEMAIL, 4 OCT, 11:52" had made OCT someone aged eleven)
        "INT. DORMITORY - NIGHT\n\nOn the screen: VOICEMAIL, 4 OCT, 11:52. He presses play. "
        "Mara waits till Oct is over.\n",
        # a grade or a part numbered in roman numerals, with a description after it (the
        # sixty-fourth blind look's certificate: "MASONRY NC II" had become someone)
        "INT. DIZON HOUSE - NIGHT\n\nA framed certificate over the TV -- TESDA, MASONRY NC "
        "II, a boy's name in gold -- beside a Santo Niño.\n",
        "INT. HALL - NIGHT\n\nThe programme, PHASE II, a thin booklet, lies open.\n",
        # a play writes every entrance in capitals: none of them introduces anyone
        ".ACT I. SCENE I.\n\nEnter KING HENRY and WESTMORELAND.\n\n"
        "KING HENRY\nSo shaken as we are.\n\n"
        "Exit KING HENRY. Enter HOTSPUR.\n\nHOTSPUR\nMy liege.\n\nExeunt HOTSPUR and "
        "WESTMORELAND.\n",
    ],
)
def test_not_introduced(tmp_path: Path, script: str) -> None:
    assert _intros(tmp_path, script) == []


def _universe(tmp_path: Path, scripts: dict[str, str]) -> Path:
    series = sorted({name.split("/")[0] for name in scripts})
    for name, text in scripts.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    lines = ["name: T", "series:"]
    for sid in series:
        lines += [f"  - id: {sid}", f'    scripts: ["{sid}/*.fountain"]']
    (tmp_path / "universe.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


PIER = "EXT. PIER - DAY\n\nCOLE BRECK (40s) watches from the pier.\n\nMARA\nWho's that?\n\n"


def test_a_name_written_on_something_is_no_one_coming_on(tmp_path: Path) -> None:
    """The forty-eighth blind look's station placard: the name somebody has written is read
    out later, but it is lettering, not an entrance."""
    script = (
        "EXT. PLATFORM - DAY\n\nOut of the coach: TERRY (30s), a carrier bag for luggage.\n\n"
        "TERRY\nWhere's the lad?\n\nDown the platform comes Kevin, holding up a sheet of copy "
        "paper on which somebody has written HINCHCLIFFE in thick black felt-tip.\n\n"
        "TERRY\nThat's us. Spelt wrong, Hinchcliffe is.\n"
    )
    assert _intros(tmp_path, script) == ["TERRY"]


def test_a_silent_introduced_character_dies(tmp_path: Path) -> None:
    """Bare: the death of a character who never speaks is inferred, and he is present."""
    root = _universe(
        tmp_path,
        {
            "harbour/e1.fountain": PIER + "EXT. QUAY - NIGHT\n\nMara shoots Cole dead.\n",
            "harbour/e2.fountain": "EXT. PIER - DAY\n\nCole mends a net.\n\nMARA\nMorning.\n",
        },
    )
    compiled = compile_universe(load_universe(root))
    assert compiled.collected is not None
    deaths = [e.subject for e in compiled.collected.inferred if e.verb == "dies"]
    assert deaths == ["cole-breck"]
    assert "cole-breck" in compiled.canon.scenes[0].present
    rules = {(f.rule, f.characters) for f in compiled.findings}
    assert ("dead-character", ("cole-breck",)) in rules


def test_no_crossover_and_no_misspelling(tmp_path: Path) -> None:
    """The same name introduced in two series, and cued in a third, is three characters: a
    crossover needs evidence. An introduction is no cue: no unknown-character finding."""
    root = _universe(
        tmp_path,
        {
            "a/e1.fountain": PIER,
            "b/e1.fountain": PIER,
            "c/e1.fountain": "INT. BAR - DAY\n\nCOLE BRECK\nA whisky.\n\nMARA\nSure.\n",
        },
    )
    compiled = compile_universe(load_universe(root))
    where: dict[str, set[str]] = {}
    for scene in compiled.canon.scenes:
        for cid in scene.present:
            where.setdefault(cid, set()).add(scene.series)
    coles = {cid: s for cid, s in where.items() if cid.startswith("cole")}
    assert len(coles) == 3 and all(len(s) == 1 for s in coles.values()), coles
    assert not [f for f in compiled.findings if f.rule == "unknown-character"]


def test_a_cued_name_or_walk_on_is_not_introduced_again(tmp_path: Path) -> None:
    """CAPTAIN DREW is the cue DREW; NOVICE DORIAN FELL is DORIAN; an OLD MAN is a walk-on."""
    root = _universe(
        tmp_path,
        {
            "a/e1.fountain": "INT. HOLD - NIGHT\n\nCAPTAIN DREW watches. NOVICE DORIAN FELL "
            "(19) prays. An OLD MAN (80s) sleeps. Drew waits for Dorian and the Old Man.\n\n"
            "DREW\nUp.\n\nDORIAN\nNo.\n",
        },
    )
    compiled = compile_universe(load_universe(root))
    present = set(compiled.canon.scenes[0].present)
    assert present == {"drew", "dorian"}, present


DREW = "INT. HOLD - NIGHT\n\nCAPTAIN DREW watches from the hatch.\n\nDREW\nDown you go.\n"


def _present(compiled: object, series: str) -> set[str]:
    scenes = compiled.canon.scenes  # type: ignore[attr-defined]
    return {cid for sc in scenes if sc.series == series for cid in sc.present}


def test_a_full_form_is_its_character_in_every_series(tmp_path: Path) -> None:
    """CAPTAIN DREW, introduced where DREW speaks, is Drew where another series writes "Captain
    Drew" (reading/fullforms.py): he dies there. Only the whole form: "the captain" of that
    series is nobody, and a bare "Drew" there is no one either (a common word, and a label
    another series cues is a crossover only on evidence)."""
    root = _universe(
        tmp_path,
        {
            "beacon/e1.fountain": DREW,
            "tide/e1.fountain": "EXT. DUNES - NIGHT\n\nSilas looks down. Below him, Captain Drew "
            "floats face down in the sluice.\n\nSILAS\nGod rest him.\n",
            "tide/e2.fountain": "EXT. QUAY - DAY\n\nThe captain waves. Drew waves too.\n\n"
            "SILAS\nMorning.\n",
        },
    )
    compiled = compile_universe(load_universe(root))
    assert compiled.collected is not None
    deaths = [(e.subject, e.file) for e in compiled.collected.inferred if e.verb == "dies"]
    assert deaths == [("drew", "tide/e1.fountain")]
    scenes = compiled.canon.scenes
    assert "drew" in scenes[1].present and "drew" not in scenes[2].present


def test_an_introduced_full_name_is_the_distinctive_first_name_cued_elsewhere(
    tmp_path: Path,
) -> None:
    """EZRA CALE, introduced dead in one series, is the EZRA who speaks in another: the death
    reaches him there. A common first name is no such evidence: JACK COLE is not the JACK of
    another series."""
    root = _universe(
        tmp_path,
        {
            "a/e1.fountain": "EXT. SHINGLE - NIGHT\n\nEZRA CALE lies on the stones, eyes open and "
            "empty. JACK COLE (50s) kneels. Silas closes Ezra's eyes, and Jack weeps.\n\n"
            "SILAS\nHe's gone.\n",
            "b/e1.fountain": "EXT. CHURCHYARD - DAY\n\nEzra Cale straightens a headstone.\n\n"
            "EZRA\nMorning.\n\nJACK\nMorning.\n",
        },
    )
    compiled = compile_universe(load_universe(root))
    assert compiled.collected is not None
    assert [e.subject for e in compiled.collected.inferred if e.verb == "dies"] == ["ezra"]
    rules = {(f.rule, f.characters) for f in compiled.findings}
    assert ("dead-character", ("ezra",)) in rules
    assert "jack-cole" in _present(compiled, "a") and "jack" in _present(compiled, "b")


def test_a_full_form_two_series_introduce_is_nobody_elsewhere(tmp_path: Path) -> None:
    """Two series each introduce a COLE BRECK (two characters until evidence joins them): a
    third series that writes "Cole Breck" cannot tell whose he is, and matches neither."""
    root = _universe(
        tmp_path,
        {
            "a/e1.fountain": PIER,
            "b/e1.fountain": PIER,
            "c/e1.fountain": "INT. BAR - DAY\n\nCole Breck orders a whisky.\n\nMARA\nSure.\n",
        },
    )
    compiled = compile_universe(load_universe(root))
    assert not any(cid.startswith("cole") for cid in _present(compiled, "c"))


def _capitals_per_word(scenes: list[Scene], words: set[str]) -> bool:
    """The definition: every word of every action line looked up one by one."""
    caps = title = 0
    for scene in scenes:
        for el in scene.elements:
            if el.kind is Kind.ACTION:
                for w in _WORD.findall(el.text):
                    if w.upper() in words:
                        caps += w.isupper()
                        title += not w.isupper()
    return caps <= 3 * (title + 1)


_PIECES = ["DREW", "Drew", "drew", "DREWS", "Ann", "ANN", "x", "-", "'", "\n", " ", ".", "Dr.DREW"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([Kind.ACTION, Kind.DIALOGUE, Kind.CHARACTER]),
            st.lists(st.sampled_from(_PIECES), max_size=12),
        ),
        max_size=8,
    )
)
def test_the_capitals_counted_at_once_are_those_counted_per_word(
    elements: list[tuple[Kind, list[str]]],
) -> None:
    els = tuple(Element(kind, "".join(parts), n + 1) for n, (kind, parts) in enumerate(elements))
    scenes = [Scene(1, None, els)]
    for words in ({"DREW"}, {"DREW", "ANN"}, set()):
        assert _introduces_in_capitals(scenes, words) == _capitals_per_word(scenes, words)


def test_a_bible_places_name_in_capitals_introduces_no_one(tmp_path: Path) -> None:
    """The sixth blind look: "the arcade sign, SANDBOX ARCADE, half the letters dead" made a
    character of the bible's place (then a dangling reference). A name the bible gives a place
    is the place's; a name in capitals the bible does not know is still introduced."""
    root = _universe(
        tmp_path,
        {
            "a/e1.fountain": "EXT. STREET - NIGHT\n\nWet neon from the arcade sign, SANDBOX "
            "ARCADE, half the letters dead. NELL VOSS (30s) waits under it. Nell shivers. "
            "The Sandbox Arcade is shut.\n\nTHEO\nCold?\n",
            "a/e2.fountain": "INT. SANDBOX ARCADE - NIGHT\n\nThe claw machine hums. Under a "
            "hand-lettered MEMORIAL BREAK ROOM sign, Theo waits.\n\nTHEO\nThe Memorial Break "
            "Room is in here.\n",
        },
    )
    (root / "universe.yaml").write_text(
        (root / "universe.yaml").read_text(encoding="utf-8")
        + "places:\n  arcade: {name: Sandbox Arcade, aliases: [SANDBOX ARCADE]}\n"
        + "  break: {name: Break Room, aliases: [BREAK ROOM]}\n",
        encoding="utf-8",
    )
    compiled = compile_universe(load_universe(root))
    assert set(compiled.cast.characters) == {"theo", "nell-voss"}, set(compiled.cast.characters)
