"""Classes found on held13 and fixed by structure, in sentences of our own: the marked last
word of a title the article names ("Five-0" of "Hawaii Five-0") standing alone is that show (a
plain word or a shared tail is not); names coordinated before brackets pair one to one."""

from __future__ import annotations

from showbible.news import extract_text
from showbible.news.shortforms import marked_tails

FACTS = tuple[str, str, str]

_CROSSOVER = (
    "In the ten seasons of “Coral Bay {a},” the team has crossed over only twice. Since “Coral "
    "Bay {a}” producer Ann Kell rebooted “Lantern Row,” fans have asked for a crossover between "
    "the two shows.\n"
    "The episode opens as McKenna (Ada Lind) asks Pruitt (Tom Reyes) from “Lantern Row” to "
    "assist {a}.\n"
    "McKenna and {a} are chasing a smuggler. After McKenna, Doyle (Ben Futa), and Amara (Nia "
    "Okoro) enter an empty room, Pruitt calls McKenna."
)


def triples(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}


def test_a_marked_short_form_is_the_show_it_ends() -> None:
    found = triples(_CROSSOVER.format(a="Six-5"))
    assert {("appears_in", "Doyle", "Coral Bay Six-5"),
            ("appears_in", "Amara", "Coral Bay Six-5")} <= found  # fmt: skip
    # the team is not the other show's; Pruitt, "from Lantern Row", is (Higgins "from Magnum
    # P.I." in the held13 article this stands for)
    assert {f[1] for f in found if f[0] == "appears_in" and f[2] == "Lantern Row"} <= {"Pruitt"}


def test_a_plain_last_word_is_no_short_form() -> None:
    # "Lights" is a word any sentence may hold: it stands for no show
    found = triples(_CROSSOVER.format(a="Lights"))
    assert ("appears_in", "Doyle", "Coral Bay Lights") not in found


def test_which_tails_are_short_forms() -> None:
    text = "McKenna and Six-5 and P.D. and 19 and Lights chase him. Harbour M.C. is back."
    titles = ["Coral Bay Six-5", "Chicago P.D.", "Station 19", "Coral Lights", "Harbour M.C."]
    # a marked word standing alone; a bare number, a plain word, a tail seen only after its
    # own head are none
    assert marked_tails(titles, text) == {"Six-5": "Coral Bay Six-5", "P.D.": "Chicago P.D."}
    # two shows ending with the same marked word: the short form names neither
    assert marked_tails(["Coral Bay Six-5", "Harbour Six-5"], text) == {}
    # a hyphenated word alone is as often a hero as a show; an abbreviation is no title
    hero = "Spider-Man saves the day, says Sammy Davis Jr. in The Amazing Spider-Man."
    assert marked_tails(["The Amazing Spider-Man", "Sammy Davis Jr."], hero) == {}


def test_coordinated_names_before_brackets_pair_one_to_one() -> None:
    # "Blake and Dylan Tuomy-Wilhoit (Nicky and Alex Katsopolis)": Blake shares the surname
    found = triples(
        "The cast of Harbour House returned for the premiere. Nia Okoro (Ada Lind) was there, "
        "and Tom and Ben Futa-Reyes (Pip and Jo Carrow) were in attendance too."
    )
    assert {("plays", "Tom Futa-Reyes", "Pip"), ("plays", "Ben Futa-Reyes", "Jo Carrow")} <= found
    assert ("plays", "Ben Futa-Reyes", "Pip") not in found


def test_a_first_name_the_article_gives_in_full_keeps_its_own_surname() -> None:
    # (a premiere: an article with no word of the screen reads no role from brackets,
    # news/rolesigns.py)
    found = triples(
        "Harbour House returned for its premiere. Nia Okoro was there. Nia and Ben Futa-Reyes "
        "(Pip and Jo) were in attendance too."
    )
    assert ("plays", "Nia Okoro", "Pip") in found
    assert not {f for f in found if f[1] == "Nia Futa-Reyes"}
    assert ("plays", "Ben Futa-Reyes", "Pip") not in found


def test_characters_listed_first_keep_their_names() -> None:
    # the order Character (Performer): one to one, and no surname is lent to a character
    found = triples(
        "The cast of Harbour House returned for the premiere. Pip and Jo Carrow (Tom Futa and "
        "Ben Reyes) were there."
    )
    assert {("plays", "Tom Futa", "Pip"), ("plays", "Ben Reyes", "Jo Carrow")} <= found
    assert ("plays", "Tom Futa", "Jo Carrow") not in found
