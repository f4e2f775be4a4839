"""A book's manuscript in Markdown (formats/manuscript.py): scenes from headings and breaks,
narration as action, and each quotation under the one who says it -- or under no one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showbible.formats import read_script
from showbible.formats.manuscript import parse_manuscript
from showbible.model import Kind, Script


def speeches(script: Script) -> list[tuple[str, str, int]]:
    """(speaker, words, line) for each quotation: "" when no one is named for it."""
    out = []
    cue = ""
    for e in script.elements:
        if e.kind is Kind.CHARACTER:
            cue = e.text
        elif e.kind is Kind.DIALOGUE:
            out.append((cue, e.text, e.line))
    return out


def test_headings_sections_and_breaks() -> None:
    text = (
        "---\ntitle: La Drave\n---\n# Chapter One\n\n## The cookhouse - supper\n\nFonse stirs.\n"
        "\n* * *\n\nLater, the bunkhouse.\n\n# Chapter Two\n\n## The office - night\n\nHorace "
        "counts.\n"
    )
    script = parse_manuscript(text, "ep1.md")
    kinds = [(e.kind.value, e.text, e.line) for e in script.elements]
    assert kinds[0] == ("section", "Chapter One", 4)
    assert ("heading", "The cookhouse - supper", 6) in kinds
    assert ("action", "Fonse stirs.", 8) in kinds
    assert ("heading", "", 10) in kinds  # a scene break: a scene with no place
    assert [s.heading.text for s in script.scenes if s.heading] == [
        "The cookhouse - supper",
        "",
        "The office - night",
    ]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"Caron," Horace said. "You have people on the Main, I think."', "Horace"),
        ('"Mademoiselle Lamour," said Horace. "At your service."', "Horace"),
        ('Horace turned to the boy and asked, "You have the school, you?"', "Horace"),
        ("“Never heard of her,” Ti-Jean said quietly.", "Ti-Jean"),
        # a pronoun stands for the paragraph's subject
        ('Ovila helped the comic out of the snow. "Lapointe," he said. "Foreman."', "Ovila"),
        # novels vary the verb and the name's company (real chapters: Alcott, Baum, Austen)
        (
            '"Christmas won\'t be Christmas without any presents," grumbled Jo, lying on the rug.',
            "Jo",
        ),
        ("\"I don't think it's fair,\" added little Amy, with an injured sniff.", "Amy"),
        ('"It must be inconvenient," said the Scarecrow thoughtfully.', "Scarecrow"),
        ('"Yes, a nice long letter," Mrs. March said.', "Mrs. March"),
        # a sentence's opening is no one's name: "Once I stepped out ... said he"
        ('Once I stepped out into the road. "I have a son," said he.', ""),
        # a title, a sign, someone unnamed: no one we can name
        ('She sang "La Vie en rose" and two of them wept.', ""),
        ('"Everybody comes back up too," said the teamster.', ""),
        ('"Then he said nothing," someone muttered.', ""),
    ],
)
def test_who_says_a_quotation(paragraph: str, speaker: str) -> None:
    script = parse_manuscript(f"## The road - day\n\n{paragraph}\n", "ep.md")
    got = speeches(script)
    assert got and {who for who, _, _ in got} == {speaker}
    assert all(line == 3 for _, _, line in got)


def test_a_two_way_exchange_alternates_until_narration_breaks_it() -> None:
    text = (
        "## The bunkhouse - night\n\n"
        '"It\'s a trick," Momo said.\n\n'
        '"Rehearse somewhere else," said Fonse.\n\n'
        '"For the show."\n\n'
        '"Somewhere else."\n\n'
        "Later Ti-Jean found the comic by the stove.\n\n"
        '"You want to know why I\'m here."\n'
    )
    got = speeches(parse_manuscript(text, "ep.md"))
    assert [who for who, _, _ in got] == ["Momo", "Fonse", "Momo", "Fonse", ""]


def test_narration_keeps_the_names_and_leaves_the_quotations_out() -> None:
    text = '## Road - day\n\n"Bouboule owes me," Momo said, and put his hat on. [[dies: MOMO]]\n'
    script = parse_manuscript(text, "ep.md")
    action = [e.text for e in script.elements if e.kind is Kind.ACTION]
    assert action == ["Momo said, and put his hat on."]
    assert [e.text for e in script.elements if e.kind is Kind.NOTE] == ["dies: MOMO"]
    assert speeches(script) == [("Momo", "Bouboule owes me,", 3)]


def test_the_file_reader(tmp_path: Path) -> None:
    path = tmp_path / "ep1.md"
    path.write_bytes("## Le chantier - nuit\n\n« Non », dit-il. Fonse rit.\n".encode("cp1252"))
    script = read_script(path)
    assert [s.heading.text for s in script.scenes if s.heading] == ["Le chantier - nuit"]
    assert script.diagnostics  # a legacy encoding is reported, with how to re-save it


PIECES = st.lists(
    st.sampled_from(
        [
            "\n",
            "\n\n",
            "## The road - day",
            "# Chapter",
            "***",
            '"Hello," Mara said.',
            "said Cole",
            "“",
            "”",
            '"',
            "‘Hi,’ she said.",
            " he said. ",
            "[[dies: MARA]]",
            "Mara walks in.",
            "---",
        ]
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(PIECES)
def test_any_text_reads_with_valid_lines(pieces: list[str]) -> None:
    text = "".join(pieces)
    script = parse_manuscript(text, "x.md")
    lines = text.count("\n") + 1
    for e in script.elements:
        assert 1 <= e.line <= e.last_line <= lines


def test_a_first_person_books_narrator() -> None:
    text = (
        "---\nnarrator: Hastings\n---\n## The dispensary - afternoon\n\n"
        '"What a lot of bottles!" I exclaimed, as my eye travelled round the room.\n\n'
        "I pleaded guilty with a laugh.\n\n"
        '"Say something original," groaned Cynthia.\n'
    )
    script = parse_manuscript(text, "ch2.md")
    assert speeches(script) == [
        ("Hastings", "What a lot of bottles!", 6),
        ("Cynthia", "Say something original,", 10),
    ]
    notes = [(e.text, e.line) for e in script.elements if e.kind is Kind.NOTE]
    assert notes == [("present: Hastings", 6), ("present: Hastings", 8)]
    # without one, the narrator is "I", a label the bible may give to a character of the series
    bare = parse_manuscript(text.split("---\n", 2)[2], "ch2.md")
    assert speeches(bare)[0][0] == "I"
    assert [e.text for e in bare.elements if e.kind is Kind.NOTE] == ["present: I"] * 2


def test_a_quotation_whose_own_verb_names_another_is_theirs() -> None:
    text = (
        "## The parlour - evening\n\n"
        '"I\'m the oldest," began Meg, but Jo cut in with a decided, "I\'m the man of the '
        'family now."\n'
    )
    assert speeches(parse_manuscript(text, "ch1.md")) == [
        ("Meg", "I'm the oldest,", 3),
        ("Jo", "I'm the man of the family now.", 3),
    ]


def test_a_letter_set_apart_is_heard_not_there() -> None:
    """The sixty-seventh blind look's letter in italics: the husband it names is not present."""
    text = (
        "## The shop - night\n\n"
        "*A. -- Pledge it in your own name. Nobody picks it up but Giles. Burn this. -- C.*\n\n"
        "> Dear Ruth, the Salt is gone.\n> Isaac\n\n"
        "Ruth folded the letter.\n"
    )
    script = parse_manuscript(text, "ch2.md")
    assert speeches(script)[:2] == [
        ("", "A. -- Pledge it in your own name. Nobody picks it up but Giles. Burn this. -- C.", 3),
        ("", "Dear Ruth, the Salt is gone. Isaac", 5),
    ]
    assert [e.text for e in script.elements if e.kind is Kind.ACTION] == ["Ruth folded the letter."]


def test_a_beat_between_two_quotations_gives_their_speaker() -> None:
    """The sixty-seventh blind look's bakery: a sentence of one person acting, between two of
    the paragraph's quotations, with no verb of saying."""
    text = (
        "## The bakery - night\n\n"
        '"It was Mr Tilling that carried it." Hettie laid one floury finger on the ticket. '
        '"No. Mrs Fennimore pawned the Salt herself."\n\n'
        '"Not Tilling." Tilling\'s hat was still on the chair. "Someone else."\n'
    )
    got = speeches(parse_manuscript(text, "ch2.md"))
    assert [who for who, _, _ in got] == ["Hettie", ""]


def _book(tmp_path: Path, alias: bool) -> Path:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "ch1.md").write_text(
        "## The shop - morning\n\nI opened the shutters. Isaac was already at the counter.\n\n"
        '"Good morning," I said.\n\n"Morning, Ruth," said Isaac.\n',
        encoding="utf-8",
    )
    ruth = "  ruth: {name: Ruth Levene, aliases: [Ruth, {label: I, series: [shop]}]}\n"
    (tmp_path / "universe.yaml").write_text(
        "name: T\nseries:\n  - id: shop\n    scripts: ['shop/*.md']\ncharacters:\n"
        "  isaac: {name: Isaac Levene, aliases: [Isaac]}\n" + (ruth if alias else ""),
        encoding="utf-8",
    )
    return tmp_path


@pytest.mark.parametrize("alias", [True, False])
def test_the_narrator_is_whom_the_bible_gives_i(tmp_path: Path, alias: bool) -> None:
    """The sixty-seventh blind look's pawnshop: "I" is Ruth where the bible says so; where it
    gives "I" to no one, the narrator's lines are heard and no character "I" is made up."""
    from showbible.build.compiler import compile_universe
    from showbible.universe.loader import load_universe

    canon = compile_universe(load_universe(_book(tmp_path, alias))).canon
    scene = canon.scenes[0]
    speakers = {s.character for s in scene.dialogue}
    if alias:
        assert "ruth" in scene.present and speakers == {"ruth", "isaac"}
    else:
        assert set(scene.present) == {"isaac"} and speakers == {"isaac"}
        assert not [c for c in canon.cast.characters if c.lower() == "i"]


def test_the_answer_to_who_are_you_opens_on_the_answerers_name() -> None:
    # the sixty-ninth blind look's Andes: a reply with no verb of saying and a pronoun's beat,
    # whose own first words name the one who says it
    script = parse_manuscript(
        "# One\n\n## The house\n\n"
        '"Good evening, señorita," said Teodoro. "And who might you be?"\n\n'
        '"Valeria Sotomayor, Don Teodoro." She put out a gloved hand. "A pleasure to meet you."\n'
    )
    said = [(who, text) for who, text, _ in speeches(script)]
    assert said[-1][0] == "Valeria Sotomayor"


@pytest.mark.parametrize(
    "text",
    [
        # no question before: a name opening a reply is whom it calls
        '"Good evening," said Teodoro.\n\n"Valeria Sotomayor, you came." She smiled.\n',
        # narration between the question and the reply ends the exchange
        '"And who might you be?" said Teodoro.\n\nThe wind rose.\n\n"Valeria." She smiled.\n',
        # an answer that names someone else's relation is no name of the speaker's
        '"And who might you be?" said Teodoro.\n\n"Julián\'s partner, from Lima."\n',
    ],
)
def test_a_name_opening_a_reply_is_no_speaker_otherwise(text: str) -> None:
    script = parse_manuscript("# One\n\n## The house\n\n" + text)
    assert speeches(script)[-1][0] == ""


def test_one_sentence_of_someone_turning_to_another_gives_the_words_after() -> None:
    # the sixty-seventh blind look's larder: 'Hettie turned to the girl in the red coat.' then
    # a paragraph of words alone; in a first-person book, "I turned to the pony-trap." (Styles)
    script = parse_manuscript(
        "# One\n\n## The platform\n\n"
        "Hettie turned to the girl in the red coat.\n\n"
        "\"I don't believe we've been introduced, my dear.\"\n\n"
        "I turned to the pony-trap.\n\n"
        '"This is a very pleasant meeting for me, Miss Cynthia."\n',
        narrator="Hastings",
    )
    assert [who for who, _, _ in speeches(script)] == ["Hettie", "Hastings"]


@pytest.mark.parametrize(
    "text",
    [
        # more than the one turning sentence: the paragraph tells more than who speaks next
        'Hettie turned to the girl. The train pulled out behind them.\n\n"Well."\n',
        # a turn, then words with narration of their own that names no one
        'Hettie turned to the girl.\n\n"Well," came a voice from the carriage.\n',
    ],
)
def test_a_turn_gives_only_the_words_alone_right_after_it(text: str) -> None:
    script = parse_manuscript("# One\n\n## The platform\n\n" + text)
    assert speeches(script)[-1][0] == ""
