"""The plain-transcript reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from showbible.formats import read_script
from showbible.formats.transcript import (
    cut_notes,
    decode_text,
    parse_transcript,
    read_transcript,
    split_cue,
)
from showbible.model import InputError, Kind, Script

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "formats"


def rows(script: Script) -> list[tuple[str, str, int]]:
    return [(e.kind.value, e.text, e.line) for e in script.elements]


def test_transcript_file() -> None:
    script = read_script(DATA / "ledger_transcript.txt")
    assert script.title == (("Title", "The Ledger"), ("Transcribed by", "A. Fan"))
    assert rows(script)[2:] == [
        ("heading", "The Harbour Office", 4),
        ("action", "Mara and Tobias are arguing.", 4),
        ("character", "Mara", 6),
        ("dialogue", "Give it back.", 6),
        ("character", "Tobias", 7),
        ("parenthetical", "calmly", 7),
        ("dialogue", "Never.", 7),
        ("action", "He pockets the ledger", 7),
        ("character", "Tobias", 7),
        ("dialogue", "You'll thank me.", 7),
        ("character", "Mara", 8),
        ("dialogue", "You can't keep it,\nnot from me.", 8),
        ("action", "Nell walks in", 11),
        ("character", "Nell", 13),
        ("dialogue", "What did I miss?", 13),
        ("note", "learns: NELL ledger-location", 14),
        ("heading", "INT. QUAY - DAWN", 16),
        ("action", "Tobias stands at the edge.", 18),
        ("note", "dies: TOBIAS", 19),
        ("heading", "The Lighthouse", 21),
        ("character", "NELL", 23),
        ("dialogue", "They never learn.", 23),
        ("transition", "CUT TO:", 24),
    ]
    cues = [e for e in script.elements if e.kind is Kind.CHARACTER]
    assert cues[1].extensions == ("O.S.",)
    assert cues[2].extensions == ("O.S.", "CONT'D")
    assert cues[-1].extensions == ("V.O.",)
    dialogue = [e for e in script.elements if e.kind is Kind.DIALOGUE]
    assert (dialogue[3].line, dialogue[3].last_line) == (8, 9)
    assert [s.number for s in script.scenes] == [1, 2, 3]


def test_presence_and_annotations_in_a_universe(tmp_path: Path) -> None:
    from showbible import compile_universe, load_universe

    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "ep1.txt").write_bytes((DATA / "ledger_transcript.txt").read_bytes())
    (tmp_path / "universe.yaml").write_text(
        "name: T\nseries:\n  - id: t\n    scripts: ['t/*.txt']\n"
        "characters:\n  mara: {name: Mara Voss, aliases: [MARA]}\n"
        "  tobias: {name: Tobias Voss, aliases: [TOBIAS]}\n"
        "  nell: {name: Nell Hardy, aliases: [NELL]}\n"
        "secrets:\n  ledger-location: {statement: under the floor, tells: [floor stone]}\n",
        encoding="utf-8",
    )
    compiled = compile_universe(load_universe(tmp_path))
    s1, s2, s3 = compiled.canon.scenes
    assert set(s1.present) == {"mara", "tobias", "nell"}
    assert s1.present["nell"].how == "action"  # [Nell walks in]
    assert set(s2.present) == {"tobias"}
    assert "nell" in s3.voices and "nell" not in s3.present  # (V.O.) is not presence
    verbs = [(a.verb, a.args) for a in s1.annotations + s2.annotations]
    assert verbs == [("learns", "NELL ledger-location"), ("dies", "TOBIAS")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MARA: Hi.", [("character", "MARA", 1), ("dialogue", "Hi.", 1)]),
        ("Dr. Chen: Sit.", [("character", "Dr. Chen", 1), ("dialogue", "Sit.", 1)]),
        (
            "Man in Black: Halt.",
            [("character", "Man in Black", 1), ("dialogue", "Halt.", 1)],
        ),
        ("Hi.\n\nNote: this is prose.", [("action", "Hi.", 1),
                                          ("action", "Note: this is prose.", 3)]),
        ("see http://x.org: now", [("action", "see http://x.org: now", 1)]),
        ("(Mara sits)", [("action", "Mara sits", 1)]),
        (
            "[Mara enters,\nthen sits]",
            [("action", "Mara enters,\nthen sits", 1)],
        ),
        ("[Scene: Kitchen]", [("heading", "Kitchen", 1)]),
        # a screenplay's heading in the tag (the thirty-ninth blind look's Miami radio play):
        # "INT." ends no description
        ("[Scene: INT. RADIO STATION - STUDIO - NIGHT]",
         [("heading", "INT. RADIO STATION - STUDIO - NIGHT", 1)]),
        ("[Scene: EXT. SHACK - NIGHT. Rafa waits.]", [
            ("heading", "EXT. SHACK - NIGHT", 1), ("action", "Rafa waits.", 1)]),
        ("(Scene: Kitchen, Mara is there.)", [
            ("heading", "Kitchen", 1), ("action", "Mara is there.", 1)]),
        ("ACT TWO", [("section", "ACT TWO", 1)]),
        ("FADE OUT.", [("transition", "FADE OUT.", 1)]),
        ("Mara waits.\nShe sighs.", [("action", "Mara waits.\nShe sighs.", 1)]),
        ("MARA:\nHello\nthere", [("character", "MARA", 1), ("dialogue", "Hello\nthere", 2)]),
        ("[Sits] MARA: Hi", [("action", "Sits", 1), ("character", "MARA", 1),
                             ("dialogue", "Hi", 1)]),
        ("[unclosed bracket", [("action", "[unclosed bracket", 1)]),
        ("[[story: day 3]]", [("note", "story: day 3", 1)]),
        # A nickname in quotes is cued without them; a quoted sentence is no cue.
        ('"Eyeball": Ruby.', [("character", "Eyeball", 1), ("dialogue", "Ruby.", 1)]),
        ("\u201cGiant\u201d Ruby: Hi.", [("character", "Giant Ruby", 1),
                                    ("dialogue", "Hi.", 1)]),
        ('"Stop, thief": she cries.', [("action", '"Stop, thief": she cries.', 1)]),
        ('"Go" he said: now.', [("action", '"Go" he said: now.', 1)]),
    ],
)  # fmt: skip
def test_lines(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert rows(parse_transcript(text)) == expected


def test_heading_needs_to_stand_alone() -> None:
    script = parse_transcript("Mara waits.\nThe Harbour\n\nThe Harbour Office\n\nMARA: Hi.")
    assert rows(script)[:2] == [
        ("action", "Mara waits.\nThe Harbour", 1),
        ("heading", "The Harbour Office", 4),
    ]


def test_bad_bytes_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(b"\xef\xbb\xbfMARA: Hi.\r\n\r\nTOBIAS: Caf\xe9!\r\n")
    script = read_transcript(path)
    assert rows(script) == [
        ("character", "MARA", 1),
        ("dialogue", "Hi.", 1),
        ("character", "TOBIAS", 3),
        ("dialogue", "Caf\ufffd!", 3),
    ]
    assert script.diagnostics[0].line == 3
    assert "invalid UTF-8" in script.diagnostics[0].message


def test_utf16_with_bom() -> None:
    text, diags = decode_text("MARA: Hé".encode("utf-16"), "x")
    assert text == "MARA: Hé" and not diags


def test_helpers() -> None:
    assert split_cue("JIM (O.S.) (CONT'D)") == ("JIM", ("O.S.", "CONT'D"))
    assert split_cue("(O.S.)") == ("(O.S.)", ())
    clean, notes = cut_notes("A [[x: y]] b\n[[z]]")
    assert clean == "A  b\n"
    assert [(n.text, n.offset, n.newlines) for n in notes] == [("x: y", 2, 0), ("z", 5, 1)]


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read transcript"):
        read_transcript(tmp_path)


def test_a_transition_or_a_small_word_before_a_colon_is_no_speaker() -> None:
    # Friends: "CUT TO: Monica and Chandler's apartment." and a typo's "The: Flight Attendant:"
    # made characters CUT TO and THE, whom the name matcher then found in every "The ...".
    script = parse_transcript(
        "CUT TO: Monica and Chandler's apartment.\n\nMonica: Hi.\nCUT TO:\n\n"
        "The: Flight Attendant: Miss?\n"
    )
    cues = [e.text for sc in script.scenes for e in sc.elements if e.kind is Kind.CHARACTER]
    assert cues == ["Monica"]
    kinds = [(e.kind, e.text) for sc in script.scenes for e in sc.elements]
    assert (Kind.DIALOGUE, "Hi.") in kinds and (Kind.TRANSITION, "CUT TO:") in kinds


def test_a_speaker_whose_name_ends_in_to_is_no_transition() -> None:
    # "Kato:", "Roberto:", "OTTO:" are speakers; only "TO" as a word of its own makes a cut.
    script = parse_transcript(
        "[Scene: Hall]\n\nKato: Hi.\nRoberto: Hello.\nOTTO: Hey.\nPluto: Woof.\n"
        "DISSOLVE TO: the garden.\nSMASH CUT: Later.\nAlberto: Bye.\n"
    )
    cues = [e.text for sc in script.scenes for e in sc.elements if e.kind is Kind.CHARACTER]
    assert cues == ["Kato", "Roberto", "OTTO", "Pluto", "Alberto"]


def test_a_scene_closed_by_the_wrong_bracket_is_a_scene_and_no_warning() -> None:
    """Friends' transcripts: "[Scene: Chandler's Office, Chandler is on a break.)" is read as the
    scene it is; only a bracket that leaves its line as text is reported ("read as text")."""
    script = parse_transcript(
        "[Scene: Chandler's Office, Chandler is on a break.)\n\nMARA: Hi.\n\n"
        "[A wolf attacks the house.\n\nMARA: Run."
    )
    assert rows(script)[:2] == [
        ("heading", "Chandler's Office", 1),
        ("action", "Chandler is on a break.", 1),
    ]
    assert [(d.line, d.message) for d in script.diagnostics] == [(5, "unclosed '[': read as text")]


def test_a_numbered_walk_on_is_a_speaker_and_a_numbered_part_is_not() -> None:
    # The sixth blind look: "Intern 2: Thanks. Hey, is it true about Nightingale?" was read as
    # the words of the barista before it, who then said a secret's tell.
    script = parse_transcript(
        "[Scene: Kitchen]\n\nDevon: Oat flat white.\nIntern 2: Thanks.\nGuard #1: Move.\n"
        "Part 2: The Return\nDay 3: Morning.\nNadia: Hi.\n"
    )
    cues = [e.text for sc in script.scenes for e in sc.elements if e.kind is Kind.CHARACTER]
    assert cues == ["Devon", "Intern 2", "Guard #1", "Nadia"]
