"""Places by alias (reading/places.py, DESIGN §3 "Places")."""

from __future__ import annotations

from showbible.reading.places import PlaceIndex, heading_location, heading_place, shot

PLACES = PlaceIndex(
    {
        "chapel": ("CHAPEL", "CHAPEL ON THE POINT"),
        "crypt": ("CRYPT",),
        "buoy": ("BUOY", "the bell buoy"),
        "harbour": ("HARBOUR", "HARBOUR - NORTH PIER"),
        "brass-gull": ("BRASS GULL",),
    }
)


def test_a_part_names_a_place_only_when_it_is_an_alias() -> None:
    assert PLACES.resolve("CHAPEL") == "chapel"
    assert PLACES.resolve("chapel on the point") == "chapel"
    assert PLACES.resolve("OLD CHAPEL ROAD") is None
    assert PLACES.resolve("WATER BELOW THE BUOY") is None
    assert PLACES.resolve("THE BELL BUOY") == "buoy"


def test_parts_split_at_dashes_and_slashes_longest_first() -> None:
    assert PLACES.resolve("CHAPEL ON THE POINT - CRYPT") == "chapel"
    assert PLACES.resolve("CRYPT - CHAPEL ON THE POINT") == "chapel"
    assert PLACES.resolve("CRYPT - STAIRS") == "crypt"
    assert PLACES.resolve("BUOY/CHAPEL ON THE POINT") == "chapel"
    assert PLACES.resolve("HARBOUR - NORTH PIER - DAWN SHIFT") == "harbour"
    # typographic dashes split too (a second definition of the splitter had lost them)
    assert PLACES.resolve("CRYPT – STAIRS") == "crypt"
    assert PLACES.resolve("STAIRS — CHAPEL ON THE POINT") == "chapel"


def test_ids_are_not_aliases_in_headings_but_name_a_place_in_annotations() -> None:
    assert PLACES.resolve("BRASS-GULL") is None
    assert PLACES.resolve("BRASS GULL") == "brass-gull"
    assert PLACES.resolve_name("brass-gull") == "brass-gull"
    assert PLACES.resolve_name("Brass Gull") == "brass-gull"
    assert PLACES.resolve_name("OLD CHAPEL ROAD") is None


def test_heading_location() -> None:
    assert heading_location("EXT. OLD CHAPEL ROAD - DAY") == "OLD CHAPEL ROAD"
    assert (
        heading_location("INT. CHAPEL ON THE POINT - CRYPT - NIGHT")
        == "CHAPEL ON THE POINT - CRYPT"
    )


def test_a_stage_play_heading_names_its_place() -> None:
    # The eleventh blind look: "SCENE VI - THE GRAND CHATELET - A CELL" had kept its dash
    # ("- THE GRAND CHATELET") and matched no alias, so a man held there was "elsewhere".
    assert heading_location("SCENE VI - THE GRAND CHATELET - A CELL") == "THE GRAND CHATELET"
    assert heading_location("ACT II. SCENE 3 - CRYPT - NIGHT") == "CRYPT"
    for heading in ("SCENE VI - THE BELL BUOY - A CELL", "INT. CELL BLOCK - THE BELL BUOY"):
        location = heading_location(heading)
        assert heading_place(PLACES, heading, location) == "buoy", heading
    assert heading_place(PLACES, "INT. CELL BLOCK - NIGHT", "CELL BLOCK") is None


def test_a_shot_heading_names_no_place_or_resumes_one() -> None:
    shots = ["POV: THE STARRY SKY", "ANGLE ON THE DOOR", "CLOSE ON MARA", "INSERT - A LETTER"]
    for heading in (*shots, "JOHN'S POV", "WIDE SHOT - HARBOUR", "ON SCREEN"):
        assert shot(heading) == "unknown", heading
    for heading in ("BACK TO SCENE", "CONTINUOUS", "BACK TO THE DOCKS"):
        assert shot(heading) == "resume", heading
    for heading in ("INT. CHAPEL - NIGHT", "EXT. POV DINER - DAY", "POVERTY ROW - DAY", "OCEAN"):
        assert shot(heading) is None, heading


def test_a_dash_after_int_is_no_part_of_the_place() -> None:
    assert heading_location("INT - JESUIT CATHEDRAL") == "JESUIT CATHEDRAL"
    assert heading_location("EXT - IROQUOIS CAMPSITE") == "IROQUOIS CAMPSITE"
    assert heading_location("INT. CHAPEL - NIGHT") == "CHAPEL"


def test_a_scene_is_at_a_place_a_heading_part_names() -> None:
    from showbible.reading.facts import SceneFacts
    from showbible.reading.places import at_place

    scene = SceneFacts(
        series="s", episode="e", number=1, file="f", heading="INT. PITHEAD – PIPE ROOM - DAY",
        line=1, end_line=2, place=None, location="PITHEAD – PIPE ROOM", story=None,
        flashback=False,
    )  # fmt: skip
    assert at_place(scene, "~pipe room") and at_place(scene, "~pithead")
    assert not at_place(scene, "~hall") and not at_place(scene, None)
