"""Classes found on the held7 articles (the fourth session's first look), each in sentences of
our own: a performer's credit between the name and the verb, a show's role noun before the
character, the show an article is about, titles that open with "How" or "I", what a character
is in a show ("the only X character"), descriptions around a name ("Carl the bartender (A)",
"the British vamp Spike", "Karen's (A) former lover X"), and the hard negatives beside them
(someone's mother, "the new Chosen One", a cast that only "expressed interest")."""

from __future__ import annotations

import pytest

from showbible.news import extract_text

FACTS = tuple[str, str, str]


def triples(text: str) -> set[FACTS]:
    return {(f.kind, f.subject, f.object) for f in extract_text(text, "a.txt")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a performer's credit between the name and the verb; the role is the article's show's
        ("Harrowgate season 2 adds three regulars. Meg Doe from \"The Salt Flats\" will be "
         "playing Della Marsh, and Tom Reyes, who was previously seen in \"Dockside,\" will be "
         "playing Ivo Crane.",
         {("plays", "Meg Doe", "Della Marsh"), ("plays", "Tom Reyes", "Ivo Crane"),
          ("appears_in", "Della Marsh", "Harrowgate"), ("appears_in", "Ivo Crane", "Harrowgate")}),
        # the show, what the character is there, the character
        ("Harrowgate season 3 is here. \"We fought a lot,\" Tom Reyes, who plays Harrowgate "
         "villain Ivo Crane, said.",
         {("plays", "Tom Reyes", "Ivo Crane")}),
        # an article about one show (named three times, another once): a pair without a show
        ("\"Harrowgate\" gets new life on Netflix.\n\nHarrowgate never dies, and the original "
         "\"Salt Flats\" movie is long gone.\n\nThe fall Ivo (Tom Reyes) took is center stage.\n\n"
         "Harrowgate has found a way.",
         {("plays", "Tom Reyes", "Ivo"), ("appears_in", "Ivo", "Harrowgate")}),
        # a title that opens with "How", inside a sentence
        ("The premiere of How We Met Harrowgate saw Della Marsh (Nia Okoro) return.",
         {("plays", "Nia Okoro", "Della Marsh"),
          ("appears_in", "Della Marsh", "How We Met Harrowgate")}),
        # what a character is in a show, said with the show
        ("Della Marsh isn't the only How We Met Salt Flats character to make a grand return.",
         {("appears_in", "Della Marsh", "How We Met Salt Flats")}),
        # adverbs before "played by"; a job after the name, before the brackets
        ("Harrowgate season 2 is here. The driver is none other than Ivo Crane, once again "
         "played by Tom Reyes. Harrowgate also features appearances by The Captain (Nia Okoro) "
         "and Carl the bartender (Meg Doe).",
         {("plays", "Tom Reyes", "Ivo Crane"), ("plays", "Nia Okoro", "Captain"),
          ("plays", "Meg Doe", "Carl"), ("appears_in", "Captain", "Harrowgate"),
          ("appears_in", "Carl", "Harrowgate")}),
        # whose the role is, then the role; an apostrophe written as an opening quote
        ("Drake Roe will return as Della's (Nia Okoro) former lover Ivo Crane in Harrowgate "
         "season 2. "
         "It follows Meg Doe‘s Ada Vance.",
         {("plays", "Drake Roe", "Ivo Crane"), ("plays", "Nia Okoro", "Della"),
          ("plays", "Meg Doe", "Ada Vance"), ("appears_in", "Ivo Crane", "Harrowgate")}),
        # a capitalised adjective before what the character is
        ("Tom Reyes, who played the British vamp Ivo for five seasons, might return.",
         {("plays", "Tom Reyes", "Ivo")}),
        # "the revival of X" names a show even when a longer title starts with it
        ("The pilot for Harrowgate: New Docks is near. Ivo Crane joined the revival of "
         "Harrowgate in May.",
         {("appears_in", "Ivo Crane", "Harrowgate")}),
        # films: "X's first appearance came in", "when he was portrayed by", "The actor
        # reprised the role in 1983's X, then made a third appearance in Y", "a younger version
        # of the character was played by A in Z"
        ("Ivo's first appearance in the film universe came in The Salt Flats Strike Back in "
         "1980, when he was portrayed by Tom Reyes. The actor reprised the role in 1983's Return "
         "of the Docks, then made a third appearance in The Rise of Harrowgate.\n\nA younger "
         "version of the character was played by comedian/musician Nia Okoro in Harrowgate: A "
         "Dock Story in 2018.",
         {("plays", "Tom Reyes", "Ivo"), ("plays", "Nia Okoro", "Ivo"),
          ("appears_in", "Ivo", "The Salt Flats Strike Back"),
          ("appears_in", "Ivo", "Return of the Docks"),
          ("appears_in", "Ivo", "The Rise of Harrowgate"),
          ("appears_in", "Ivo", "Harrowgate: A Dock Story")}),
        # "know him best as X"; "took on the role in A, later reprising it in B, C, and D" (a
        # list with one known title is a list of titles; "Marvel's The X" is a title)
        ("Tom Reyes has appeared in many films, but fans know him best as Ivo Crane. He first "
         "took on the role in Harrowgate back in 2011, later reprising it in Marvel's The Docks, "
         "Harrowgate: The Dark Pier, and Docks: Age of Salt.",
         {("plays", "Tom Reyes", "Ivo Crane"), ("appears_in", "Ivo Crane", "Harrowgate"),
          ("appears_in", "Ivo Crane", "The Docks"),
          ("appears_in", "Ivo Crane", "Harrowgate: The Dark Pier"),
          ("appears_in", "Ivo Crane", "Docks: Age of Salt")}),
        # a character described as one of a show's; "best known for appearing in episodes of"
        ("Della Marsh, a main character from the animated series Harrowgate, returns in May.",
         {("appears_in", "Della Marsh", "Harrowgate")}),
        ("Della Marsh is best known for appearing in episodes of the \"Harrowgate\" and \"Salt "
         "Flats\" animated series.",
         {("appears_in", "Della Marsh", "Harrowgate"),
          ("appears_in", "Della Marsh", "Salt Flats")}),
        # a sentence's word glued to a name the article uses elsewhere
        ("What To Know Tom Reyes, who played Ivo in Harrowgate, hinted at a return.\n\nBut Tom "
         "Reyes, who played the British vamp Ivo for five seasons, might be back.",
         {("plays", "Tom Reyes", "Ivo")}),
        # a modal-looking name with a possessive; the show of a who-aside is the performer's
        ("\"Will and Grace\" is back for season 10 of Will and Grace. Drake Roe, who has been "
         "busy playing Ada Vance on Salt Flats, will return as Karen's (Meg Doe) former lover Ivo "
         "Crane. It also stars Will's "
         "(Tom Reyes) sister.",
         {("plays", "Drake Roe", "Ivo Crane"), ("plays", "Meg Doe", "Karen"),
          ("plays", "Tom Reyes", "Will"), ("appears_in", "Karen", "Will and Grace")}),
        # showrunners: "A and B serve as co-showrunners on the project"; a sentence announcing
        # a new showrunner, then "Jane Doe, executive producer of X, will be taking over the
        # lead duties", then "She takes over from John Roe" (who had the job)
        ("Disney+ renewed \"Harrowgate\" for a second season. Ada Vance and Ivo Crane also "
         "serve as co-showrunners on the project.",
         {("showrunner", "Ada Vance", "Harrowgate"), ("showrunner", "Ivo Crane", "Harrowgate")}),
        ("This article contains \"Harrowgate\" spoilers.\n\nThe thriller will have a new "
         "showrunner for this upcoming season. Jane Doe, executive producer of \"Salt Flats,\" "
         "will be taking over the lead duties for season 2. She takes over from John Roe.",
         {("showrunner", "Jane Doe", "Harrowgate"), ("showrunner", "John Roe", "Harrowgate")}),
        # a show's own synopsis, after a colon (this paragraph's or the next) or in quotes:
        # its characters are the show's; a year titled by its verb ("1923 premieres on")
        ("\"Harrowgate\" season 4 ends soon. The network's official synopsis for the episode "
         "says little, but there is an op with Bradford and Chen:\n\nOfficer Ivo Crane is "
         "forced to wait. Meanwhile, Sergeant Bradford and Officer Chen go undercover.",
         {("appears_in", "Officer Ivo Crane", "Harrowgate"),
          ("appears_in", "Sergeant Bradford", "Harrowgate"),
          ("appears_in", "Officer Chen", "Harrowgate")}),
        ("Harrison Ford's Jacob Dutton leads the trailer for 1924. \"Greed kills us all,\" "
         "Helen Mirren's Cara Dutton warns. Per the official synopsis, the series \"will "
         "introduce a new generation led by patriarch Jacob and matriarch Cara.\"\n\n1924 "
         "premieres on Paramount+ December 18.",
         {("appears_in", "Jacob Dutton", "1924"), ("appears_in", "Cara Dutton", "1924")}),
        # the episode a paragraph is about places the cast of its next sentences; "a SER
        # character" names the show of the role the next sentence gives
        ("The second episode of \"Harrowgate\" included another cameo from a \"Salt Flats\" "
         "character. Nia Okoro appeared in one scene as Capt. Della Marsh.",
         {("plays", "Nia Okoro", "Capt. Della Marsh"),
          ("appears_in", "Capt. Della Marsh", "Harrowgate"),
          ("appears_in", "Capt. Della Marsh", "Salt Flats")}),
        # "who played X in the original SER"
        ("Tom Reyes, who played Ivo in the original \"Harrowgate\", hinted at a return.",
         {("plays", "Tom Reyes", "Ivo"), ("appears_in", "Ivo", "Harrowgate")}),
        # "A and B will reprise their SER roles": the roles named anywhere in the article
        ("Tom Reyes and Nia Okoro will reprise their \"Harrowgate\" roles on \"Salt Flats\". "
         "The pair will reprise their roles of Ivo Crane and Della Marsh, respectively.",
         {("appears_in", "Ivo Crane", "Harrowgate"), ("appears_in", "Della Marsh", "Harrowgate")}),
        # held8: "to again play X's mother Diana"; "who will be played by"; "A (who plays X)";
        # "She voiced a character named X in the SER episode"; "a TV star named X"; a
        # performer "best known for playing X on SER"
        ("\"Harrowgate\" season 3 is near. Meg Doe will make her first appearance on "
         "\"Harrowgate\" since 2008 to again play Ivo Crane's mother Della.",
         {("plays", "Meg Doe", "Della"), ("appears_in", "Della", "Harrowgate")}),
        ("\"Harrowgate\" season 19 is here. The fan favorite is Ada Vance, who will be played by "
         "actress Meg Doe. Series cast member Tom Reyes (who plays Jimmy) called it a guest spot.",
         {("plays", "Meg Doe", "Ada Vance"), ("plays", "Tom Reyes", "Jimmy"),
          ("appears_in", "Ada Vance", "Harrowgate"), ("appears_in", "Jimmy", "Harrowgate")}),
        ("This is not the first time Nia Okoro has played a part in \"Harrowgate.\" She voiced "
         "a character named Pilar in the Salt Flats episode \"Ice Ice Baby.\" Nia Okoro is best "
         "known for playing Clair Vance on The Docks Show. Meg Doe fittingly plays a TV star "
         "named Regina Coburn in the episode.",
         {("plays", "Nia Okoro", "Pilar"), ("appears_in", "Pilar", "Salt Flats"),
          ("plays", "Nia Okoro", "Clair Vance"), ("appears_in", "Clair Vance", "The Docks Show"),
          ("plays", "Meg Doe", "Regina Coburn")}),
        # held9: a gallery heading "Show Name: Character (Performer)" and the paragraph under it
        ("Fall TV: All the New Characters\n\nHarrow Gate: Sal Vasquez (Tom Reyes)\n\nThe drama "
         "returns for its 14th season: Meg Doe's Ada Vance leaves.",
         {("plays", "Tom Reyes", "Sal Vasquez"), ("appears_in", "Sal Vasquez", "Harrow Gate"),
          ("appears_in", "Ada Vance", "Harrow Gate")}),
        # "A and B from the SER cast"; "On the last episode of SER, X and Y took ..." (X and Y
        # are characters, not shows)
        ("We will get to see Ivo Crane and Della Marsh from the Salt Flats cast.\n\nOn the last "
         "episode of \"Harrowgate\", Natalie and Crockett took their relationship further.",
         {("appears_in", "Ivo Crane", "Salt Flats"), ("appears_in", "Della Marsh", "Salt Flats"),
          ("appears_in", "Natalie", "Harrowgate"), ("appears_in", "Crockett", "Harrowgate")}),
        # "returning to SER as her character X"; "Former X (A)"; "According to TVLine A's X"
        ("Meg Doe is returning to \"Harrowgate\" as her character Ada Vance. Former Dean Munsch "
         "(Nia Okoro) will buy the hospital.\n\nWhen the Salt Flats revival was announced, Sara "
         "was missing. According to TVLine Tom Reyes' Sara is now on board.",
         {("plays", "Meg Doe", "Ada Vance"), ("appears_in", "Ada Vance", "Harrowgate"),
          ("plays", "Nia Okoro", "Dean Munsch"), ("plays", "Tom Reyes", "Sara")}),
        # a synopsis in the next paragraph, for the episode of the show named just before;
        # plural and subordinate subjects
        ("Below is the promo for the new episode of \"Harrowgate\". We also have the full "
         "episode synopsis for Some Things Are Worth It:\n\n\"Archer and Choi respond to a "
         "scene; when Carol's condition worsens, Manning is willing to help.\"",
         {("appears_in", "Choi", "Harrowgate"), ("appears_in", "Carol", "Harrowgate"),
          ("appears_in", "Manning", "Harrowgate")}),
    ],
)  # fmt: skip
def test_held7_classes(text: str, expected: set[FACTS]) -> None:
    assert expected <= triples(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # someone's relative is not that someone
        ("Meg Doe is back as Tom Reyes's on-screen half brother in Harrowgate.",
         ("plays", "Meg Doe", "Tom Reyes")),
        ("Drake Roe, who played Della's mom in Harrowgate, died in 2016.",
         ("plays", "Drake Roe", "Della")),
        # a part someone takes over is not a name
        ("The Harrowgate pilot stars Nia Okoro as the new Chosen One.",
         ("plays", "Nia Okoro", "Chosen One")),
        # a cast that only hopes to return is not placed in the show
        ("The pilot for Harrowgate: New Docks is set. Original cast members Meg Doe (Della "
         "Marsh) and Tom Reyes (Ivo Crane) have expressed interest in returning.",
         ("appears_in", "Della Marsh", "Harrowgate: New Docks")),
        # a performer's credit is not the role's show
        ("Harrowgate season 2 adds a regular. Meg Doe from \"The Salt Flats\" will be playing "
         "Della Marsh.",
         ("appears_in", "Della Marsh", "The Salt Flats")),
        # a crossover names both shows often: a pair without a show is not placed
        ("Harrowgate and Salt Flats cross over. Harrowgate leads. Salt Flats follows. "
         "Harrowgate ends. Salt Flats ends.\n\nThe fall Ivo (Tom Reyes) took is center stage.",
         ("appears_in", "Ivo", "Harrowgate")),
        # a character's name as a word of the show's title: the title role
        ("In the crossover, Bob (Nia Okoro) showed up in \"Bob's Docks\".",
         ("appears_in", "Bob", "Bob's Docks")),
        ("What To Know Tom Reyes, who played Ivo in Harrowgate, hinted at a return.\n\nBut Tom "
         "Reyes, who played Ivo for five seasons, might be back.",
         ("plays", "Know Tom Reyes", "Ivo")),
        ("\"Will and Grace\" is back. Drake Roe, who has been busy playing Ada Vance on Salt "
         "Flats, will return as Karen's (Meg Doe) former lover Ivo Crane.",
         ("appears_in", "Karen", "Salt Flats")),
        ("\"Will and Grace\" is back. It will welcome back Nia Okoro as Will's (Tom Reyes) "
         "mother, Ada Vance.",
         ("plays", "Nia Okoro", "Will")),
        # someone's words before the synopsis are not the synopsis
        ("Harrison Ford's Jacob Dutton leads the trailer for 1924. \"Greed kills us all,\" "
         "Helen Mirren's Cara Dutton warns. Per the official synopsis, the series \"will "
         "introduce a new generation led by patriarch Jacob and matriarch Cara.\"\n\n1924 "
         "premieres on Paramount+ December 18.",
         ("appears_in", "Greed", "1924")),
        # a synopsis that only may happen is no synopsis
        ("\"Harrowgate\" season 4 ends soon. A synopsis could follow: Officer Ivo Crane waits.",
         ("appears_in", "Officer Ivo Crane", "Harrowgate")),
        # a role said to be in a title the reader does not know is not placed by guess
        ("\"Harrowgate\" season 2 is here. \"Harrowgate\" has a guest star. \"Harrowgate\" "
         "rocks. Nia Okoro also starred as Diana DuBois in 16 episodes of Empire.",
         ("appears_in", "Diana DuBois", "Harrowgate")),
        # weekdays and a show's season are not names
        ("\"Harrowgate\" season 19 airs on Tuesdays (formerly Mondays).",
         ("appears_in", "Tuesdays", "Harrowgate")),
        # a list heading "Best: Person (Show)" names no show
        ("Best and Worst Showrunner Switches\n\nBest: Scott Gimble (The Walking Docks)\n\nHe "
         "ran it well.",
         ("appears_in", "Scott Gimble", "Best")),
    ],
)  # fmt: skip
def test_held7_hard_negatives(text: str, absent: FACTS) -> None:
    facts = triples(text)
    assert absent not in facts, facts
