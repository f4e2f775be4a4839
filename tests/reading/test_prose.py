"""Presence from prose (reading/prose.py): one reading per name in a sentence, and what the
build makes of it (DESIGN §3, "Presence from prose")."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

import bench_module
from showbible.build.compiler import compile_universe
from showbible.reading.prose import read_mentions
from showbible.universe.loader import load_universe


def readings(sentence: str, *names: str, direction: bool = False) -> list[str]:
    spans, pos = [], 0
    for name in names:
        at = sentence.index(name, pos)
        spans.append((at, at + len(name)))
        pos = at + len(name)
    return [r.why for r in read_mentions(sentence, spans, direction=direction)]


@pytest.mark.parametrize(
    ("sentence", "names", "want"),
    [
        # the four sentences that made a dead man present in a planted-error universe
        ("Cole's body bag leaves on the coroner's boat.", ["Cole"], ["remains"]),
        ("ON THE RECORDER, COLE'S VOICE rasps.", ["COLE"], ["depiction"]),
        (
            "Images stutter across the wall: Tobias arguing with Cole.",
            ["Tobias", "Cole"],
            ["depiction", "depiction"],
        ),
        ("Danny stands where Cole died.", ["Danny", "Cole"], ["present", "place"]),
        # where the dead lie now (the forty-fourth blind look's harbour under the cemetery);
        # not the living lying somewhere
        (
            "Saro sits facing the hill with the cemetery on it, where Cole lies.",
            ["Saro", "Cole"],
            ["present", "place"],
        ),
        ("They climb to the churchyard where Cole rests in peace.", ["Cole"], ["place"]),
        (
            "Mara glances at the bed where Cole lies asleep.",
            ["Mara", "Cole"],
            ["present", "present"],
        ),
        # pictures listed, then each one's subject (the thirtieth blind look's offerings on
        # a pier); one of a group is still there
        (
            "Propped against the bucket are two framed photographs, one of the Old Master "
            "and, for reasons of her own, one of Boss Ko.",
            ["Old Master", "Boss Ko"],
            ["depiction", "depiction"],
        ),
        (
            "On the wall hang two portraits: one of Tat, one of Vincent.",
            ["Tat", "Vincent"],
            ["depiction", "depiction"],
        ),
        ("The photographs scatter. One of the guards, Tat, picks them up.", ["Tat"], ["present"]),
        # a place's "where" clause of past acts, going on to another name (the thirty-first
        # blind look); "where X keeps watch" now is X there
        (
            "The sound goes out over the maidan where Karnik bowled his first ball and Dattu "
            "Pawar hit it over the sightscreen.",
            ["Karnik", "Dattu Pawar"],
            ["place", "place"],
        ),
        # a photograph developing (the twenty-first and thirty-second blind looks' darkrooms);
        # breath on a window, a face at it, are there
        ("Hassan's face blooms on the glass, grinning into the lens.", ["Hassan"], ["depiction"]),
        (
            "On the glass in the dish, Pryce's face looked up at them from the tide crack.",
            ["Pryce"],
            ["depiction"],
        ),
        ("Mara's breath blooms on the glass.", ["Mara"], ["present"]),
        # the thirty-fourth blind look's whaler: a daguerreotype, a scrimshaw tooth, a letter in
        # his hand; a face out of the dark, a knife in a hand, are there
        ("The daguerreotype of Obed hangs over the mantel.", ["Obed"], ["depiction"]),
        (
            "A sperm whale's tooth, and on it, in fine black lines, Elihu's face.",
            ["Elihu"],
            ["depiction"],
        ),
        (
            "Elihu Brock's face looks back at them out of the ivory, not grinning.",
            ["Elihu Brock"],
            ["depiction"],
        ),
        ("Mara's face looks back at him out of the dark.", ["Mara"], ["present"]),
        ("Mara's face appears at the window.", ["Mara"], ["present"]),
        (
            "She looks at the door where Tobias stands and Mara waves.",
            ["Tobias", "Mara"],
            ["present", "present"],
        ),
        ("One of the Leongs stands at the door: Vincent.", ["Vincent"], ["present"]),
        # "what was X" is his remains (the twenty-eighth blind look: "carrying between them
        # what was Jacob Alderson, wrapped in the best blanket"); "What was X doing" asks
        (
            "Ezra and Sam come out, carrying between them what was Jacob Alderson, wrapped in "
            "a blanket.",
            ["Ezra", "Sam", "Jacob Alderson"],
            ["present", "present", "remains"],
        ),
        ("They find what is left of Cole under the rubble.", ["Cole"], ["remains"]),
        # a name and the years of a life: a stone's or a plaque's words (the seventeenth blind
        # look), and its hard negative, a year that is no life's span
        ("DR. ANTON REISS 1919 - 1961.", ["DR. ANTON REISS"], ["depiction"]),
        ("Cole Marsh (1971-2023) smiles from the card.", ["Cole Marsh"], ["depiction"]),
        ("Cole Marsh walks in, a 1971 Zippo in his hand.", ["Cole Marsh"], ["present"]),
        # a thing's lettering (the eighteenth blind look's boxes), and its hard negative
        ("Kevin staggers under a tower of boxes labeled KEITH.", ["Kevin", "KEITH"],
         ["present", "depiction"]),
        ("Cole, labeled a traitor, walks in.", ["Cole"], ["present"]),
        # "of" has its noun ("the apron"): the name after it opens a clause (the nineteenth
        # blind look), and its hard negative, "of" through a modifier to the name
        (
            "At the corner of the apron SID BLOOM kneels with the camera.",
            ["SID BLOOM"],
            ["present"],
        ),
        ("A photo of the late Cole hangs there.", ["Cole"], ["remains"]),
        # and their hard negatives: the same words with the person there
        ("Danny stands where Cole stands.", ["Danny", "Cole"], ["present", "present"]),
        ("Mara turns off the TV as Cole walks in.", ["Mara", "Cole"], ["present", "present"]),
        ("Cole's hand trembles on the wheel.", ["Cole"], ["present"]),
        ("Cole plays dead until the guard turns away.", ["Cole"], ["present"]),
        ("Cole doesn't move.", ["Cole"], ["present"]),
        ("No sign of Mara.", ["Mara"], ["absence"]),
        ("Mara and Tobias are nowhere to be seen.", ["Mara", "Tobias"], ["absence", "absence"]),
        ("Mara tells Danny that Cole is dead.", ["Mara", "Danny", "Cole"],
         ["present", "present", "thought"]),
        ("Mara's eyes snap open.", ["Mara"], ["present"]),
        ("Danny pockets Cole's lighter.", ["Danny", "Cole"], ["present", "possessive"]),
        ("Cole's office is dark.", ["Cole"], ["place"]),
        ("They turn onto Cole Road.", ["Cole"], ["place"]),
        ("A letter from Cole lies on the mat.", ["Cole"], ["depiction"]),
        # classes found on real screenplays, each beside its hard negative
        ("A wider shot of Mara.", ["Mara"], ["present"]),
        ("Danny's POV: the harbour lights.", ["Danny"], ["present"]),
        ("Mara dabs at Tobias's head with a cloth.", ["Mara", "Tobias"], ["present", "present"]),
        ("Tobias carries Cole's severed head.", ["Tobias", "Cole"], ["present", "remains"]),
        # a thing set down on a face is set on a body (the thirty-ninth blind look: keys dropped
        # on a dead man's face in the morning paper); a head laid on a chest or a cold cloth on
        # a brow are how the living are held and nursed
        ("He drops a ring of keys on the desk, on top of Cole's face.", ["Cole"], ["possessive"]),
        ("Mara dropped the keys on Cole's face.", ["Mara", "Cole"], ["present", "possessive"]),
        # where someone's face was to be is a place (the fortieth blind look: a portrait never
        # painted on a bus door); where a hand points now is the hand's owner, there
        ("The door where Cole's face was going to be curls in the heat.", ["Cole"], ["place"]),
        ("Mara looks where Cole's hand is pointing.", ["Mara", "Cole"], ["present", "present"]),
        ("Mara placed a coin on Cole's eyes.", ["Mara", "Cole"], ["present", "possessive"]),
        ("Mara rests her head on Cole's chest.", ["Mara", "Cole"], ["present", "present"]),
        ("Mara puts a cold cloth on Cole's forehead.", ["Mara", "Cole"], ["present", "present"]),
        ("Danny tugs at Cole's sleeve.", ["Danny", "Cole"], ["present", "present"]),
        ("Cole's jacket hangs on the hook.", ["Cole"], ["possessive"]),
        # a face that fills a screen is on it (the sixth blind look), not eyes that go to one
        ("Gus's face fills the screen, recorded in this chair.", ["Gus"], ["depiction"]),
        ("Cole's face fills every screen in the station.", ["Cole"], ["depiction"]),
        ("Mara's eyes go to the screen.", ["Mara"], ["present"]),
        ("Cole's hand fills the glass.", ["Cole"], ["present"]),
        # a name lettered on something (the seventh blind look), not the man climbing down
        ("Squad 41 backs in with GUS FERREIRA lettered in gold on the cab door.",
         ["GUS FERREIRA"], ["depiction"]),
        ("GUS FERREIRA climbs down from the cab.", ["GUS FERREIRA"], ["present"]),
        # a name among a sign's capitals (the sixtieth blind look's El Alto stall), not the man
        # under the sign, nor one in capitals after a sign named in another clause
        ("The api pot steaming, the sign API Y KUKA DON FELICIANO faded by the sun.",
         ["DON FELICIANO"], ["depiction"]),
        ("Under the sign, DON FELICIANO ladles api.", ["DON FELICIANO"], ["present"]),
        ("A banner: WELCOME HOME SGT REYES.", ["SGT REYES"], ["depiction"]),
        # any printed text after a colon, all capitals up to the name (the sixty-sixth blind
        # look's telex: a boat named for the girl); not a line of people coming on
        ("The strip: TÓRSHAVN RADIO 2247 - KG 312 RANNVÁ KLAKSVÍK - MAND OVER BORD.",
         ["RANNVÁ"], ["depiction"]),
        ("Two men come in: COLE and MARA.", ["COLE", "MARA"], ["present", "present"]),
        # a report runs on over its clauses (the sixty-seventh blind look's pub); a new main
        # clause ends it
        ("Bellamy said that he had gone off up the village after tea, and that when the "
         "Inspector had a feeling it was best to leave him be.", ["Bellamy", "Inspector"],
         ["present", "thought"]),
        ("Bellamy said that he would wait by the door, and Hale walks in.", ["Bellamy", "Hale"],
         ["present", "present"]),
        # a name with what it is after it: a puppet named for the dead carver (the sixty-eighth
        # blind look's Lviv theatre), not a man with his trade
        ("Solomiia lifts the lion, and Levko the lion lowers his great carved head.",
         ["Solomiia", "Levko"], ["present", "place"]),
        ("Levko the carver lowers his head.", ["Levko"], ["present"]),
        # a vessel's name with its article fixed to it (the sixty-ninth blind look's
        # Alexandria harbour); a past only supposed (its Barranco fire)
        ("Out past the breakwater, the trawler El-Mahrous noses home low in the water.",
         ["Mahrous"], ["place"]),
        ("A bombero found it where Tito must have flung it through the window.", ["Tito"],
         ["thought"]),
        ("Tito flung it through the window.", ["Tito"], ["present"]),
        # a family name qualifying a noun (the sixtieth blind look's Huon packing shed): the
        # family's thing, not the man; two people doing one thing stay there
        ("Fennell apples and Holloway apples go down it together.", ["Holloway"], ["place"]),
        ("The Holloway orchard is white with frost.", ["Holloway"], ["place"]),
        ("Mara waits and Cole waits.", ["Cole"], ["present"]),
        ("Mara nods and Cole nods back.", ["Cole"], ["present"]),
        ("Holloway picks apples.", ["Holloway"], ["present"]),
        # a tale told goes on through its "and"s; someone far away (the eighth blind look)
        ("So the Kid tells how Old Amos swam the Platte, and how the bull drowned and Old "
         "Amos didn't.", ["Kid", "Old Amos", "Old Amos"], ["present", "thought", "thought"]),
        ("Tully, who would have given a month's wages to be there, was watching the rocket "
         "from the fort, twelve miles away, with a sour mouth.", ["Tully"], ["absence"]),
        ("Tully rides in; the fort is twelve miles away.", ["Tully"], ["present"]),
        # a film's still, a place where he kept his boat, a plaque honoring him, a room named
        # for him (the ninth blind look), beside the same words with the person there
        ("The first still shows Johan at the ticket machine.", ["Johan"], ["depiction"]),
        ("Mara still watches Johan from the door.", ["Mara", "Johan"], ["present", "present"]),
        ("The pier runs past the loft where Johan kept his boat.", ["Johan"], ["place"]),
        ("Mara waits where Johan keeps watch.", ["Mara", "Johan"], ["present", "present"]),
        ("Gus props the cutout under the brass plaque honoring Arthur Halloran.",
         ["Gus", "Arthur Halloran"], ["present", "thought"]),
        ("Teddy locks the Halloran Room.", ["Teddy", "Halloran"], ["present", "place"]),
        ("Tobias's truck roars up the drive.", ["Tobias"], ["present"]),
        ("Tobias's truck is parked by the gate.", ["Tobias"], ["possessive"]),
        ("Mara's quiet for a long moment.", ["Mara"], ["present"]),
        ("Mara's quiet house creaks.", ["Mara"], ["place"]),
        ("Neither Mara nor Danny looks up.", ["Mara", "Danny"], ["present", "present"]),
        ("Neither Mara nor Danny came.", ["Mara", "Danny"], ["absence", "absence"]),
        ("Danny listens to Cole on the radio.", ["Danny", "Cole"], ["present", "depiction"]),
        ("Danny listens to Cole.", ["Danny", "Cole"], ["present", "present"]),
        ("Mara heads out to find Tobias.", ["Mara", "Tobias"], ["present", "absence"]),
        ("Mara goes to help Tobias.", ["Mara", "Tobias"], ["present", "present"]),
        ("A billboard reading Tobias for Mayor.", ["Tobias"], ["depiction"]),
        ("The ring slides onto Mara's finger.", ["Mara"], ["present"]),  # a verb, no slideshow
        ("The horses lift their heads at Mara's approach.", ["Mara"], ["present"]),
        ("Danny waits for Cole's next move.", ["Danny", "Cole"], ["present", "present"]),
        ("Cole's move to Boston surprised everyone.", ["Cole"], ["possessive"]),
        ("FROM Tobias's ANGLE: the pier.", ["Tobias"], ["present"]),
        ("Danny ignores her reference to Cole.", ["Danny", "Cole"], ["present", "thought"]),
        ("Mara slaps in a fresh clip and fires at Cole.", ["Mara", "Cole"], ["present", "present"]),
        # outside authors' planted universes (bench/planted/README.md): a boat named for the
        # dead, his name on a plaque, his photo behind an -ing word, a note in his hand
        ("The inshore boat, the Tom Treloar, bounces past the bow.", ["Tom Treloar"], ["place"]),
        ("A brass plaque: TOM TRELOAR, 1986-2024.", ["TOM TRELOAR"], ["depiction"]),
        ("The board holds Jonah Strand's curling staff photo.", ["Jonah Strand"], ["depiction"]),
        ("A handwritten note in the Senator's sprawling hand.", ["Senator"], ["depiction"]),
        # the third look: written up for the dead, dedicated, named after
        ("Someone has chalked FOR FRANK under it on the board.", ["FRANK"], ["depiction"]),
        ("A song on the jukebox, dedicated to Frank again.", ["Frank"], ["thought"]),
        ("A bench in memory of Carl faces the sea.", ["Carl"], ["thought"]),
        ("The lifeboat, named after Tobias, sits on the slip.", ["Tobias"], ["place"]),
        # the fourth look: a name lettered on a thing, a vessel named for someone, a likeness
        ("On her bow, freshly painted in an old typeface: BRANNOCK.", ["BRANNOCK"], ["depiction"]),
        ("The shuttle Brannock tears up out of the bay.", ["Brannock"], ["place"]),
        ("ECHO, with a scar and Cole's shoulders, climbs out.", ["Cole"], ["possessive"]),
        # the fifth look: the matter someone is
        ("Tomas slides the Dunmore file over.", ["Tomas", "Dunmore"], ["present", "thought"]),
        # and their hard negatives
        ("The Doctor slides the file across the desk.", ["Doctor"], ["present"]),
        ("Mara takes Cole's hand and Cole's arm.", ["Mara", "Cole"], ["present", "present"]),
        ("Cole looks up: MARA, soaked, at the door.", ["Cole", "MARA"], ["present", "present"]),
        ("The ship lurches. Brannock grabs the rail.", ["Brannock"], ["present"]),
        ("Mara walks in after Tobias.", ["Mara", "Tobias"], ["present", "present"]),
        ("Mara paints Cole by the window.", ["Mara", "Cole"], ["present", "present"]),
        ("Tom Treloar bounces past the bow.", ["Tom Treloar"], ["present"]),
        ("Enter the Duke of York.", ["Duke of York"], ["present"]),
        ("Cole's eating lunch at his desk.", ["Cole"], ["present"]),
        ("A knife glints in Mara's shaking hand.", ["Mara"], ["present"]),
        # the twenty-first look: an -ing word and a noun are a thing of X's (a sleeping bag
        # on the sledge of a man lost in the snow); an -ing word and what cannot begin a noun
        # phrase are X doing it ('s as "is")
        ("Beside him lay Pryce's sleeping bag.", ["Pryce"], ["possessive"]),
        ("Cole's riding boots stand by the door.", ["Cole"], ["possessive"]),
        ("She finds Cole's fishing rod in the shed.", ["Cole"], ["possessive"]),
        ("Mara tugs at Cole's riding boots.", ["Mara", "Cole"], ["present", "present"]),
        ("Cole's reading a letter by the fire.", ["Cole"], ["present"]),
        ("Cole's walking home.", ["Cole"], ["present"]),
        ("Cole's sleeping soundly.", ["Cole"], ["present"]),
        ("Cole's running late.", ["Cole"], ["present"]),
        # the twenty-second look: a screen owned by a thing ("On the robot's screen, Hale
        # leans in"), and one caught in the background of a recording on a screen
        ("On the robot's screen, Hale leans into her camera.", ["Hale"], ["depiction"]),
        ("Her father's face fills the screen, recorded that morning, with Takeda asleep in "
         "the background.", ["Takeda"], ["depiction"]),
        ("Cole's face fills the screen, and Mara turns, with Takeda right behind her.",
         ["Cole", "Mara", "Takeda"], ["depiction", "present", "present"]),
        ("Mara sits down, with Takeda beside her.", ["Mara", "Takeda"], ["present", "present"]),
        # the thirty-sixth blind look: after a preposition "'s" owns (no "is" follows one),
        # "safe" is a thing; opening the clause it is still "Mara is safe"
        ("The game is sealed and locked in the Arbiter's safe; the hall is empty.",
         ["Arbiter"], ["possessive"]),
        ("The letter goes into Mara's safe.", ["Mara"], ["possessive"]),
        ("Mara's safe now.", ["Mara"], ["present"]),
        ("The Arbiter's in the hall.", ["Arbiter"], ["present"]),
    ],
)  # fmt: skip
def test_screenplay_action(sentence: str, names: list[str], want: list[str]) -> None:
    assert readings(sentence, *names) == want


def test_stage_directions() -> None:
    assert readings("Enter TOBIAS, carrying the body of COLE", "TOBIAS", "COLE") == [
        "present",
        "remains",
    ]
    assert readings("Exeunt all but EXETER", "EXETER", direction=True) == ["present"]
    # a title the person holds is the person; a title that names someone else is not
    assert readings(
        "Enter KING HENRY, Lord John of LANCASTER, the EARL of WESTMORELAND",
        "KING HENRY",
        "LANCASTER",
        "WESTMORELAND",
    ) == ["present", "present", "present"]
    assert readings("Enter ANNE, Duchess of Gloucester", "ANNE", "Gloucester") == [
        "present",
        "possessive",
    ]
    # a semicolon does not end an entrance, and a list shares what stands before it
    assert readings(
        "Enter the Funeral of KING HENRY; GLOUCESTER, Protector; and EXETER",
        "KING HENRY",
        "GLOUCESTER",
        "EXETER",
    ) == ["remains", "present", "present"]
    assert (
        readings("Enter the Ghosts of RIVERS, GRAY, and VAUGHAN", "RIVERS", "GRAY", "VAUGHAN")
        == ["remains"] * 3
    )
    assert readings(
        "Enter LOVEL and RATCLIFF, with HASTINGS' head", "LOVEL", "RATCLIFF", "HASTINGS"
    ) == [
        "present",
        "present",
        "remains",
    ]


def test_a_voice_on_a_recorder_a_sentence_later() -> None:
    sentence = "COLE'S VOICE, thin and far away."
    context = "Mara plays the tape. " + sentence
    assert [r.why for r in read_mentions(sentence, [(0, 4)], context=context)] == ["depiction"]
    assert [r.why for r in read_mentions(sentence, [(0, 4)])] == ["possessive"]


def _dev() -> ModuleType:
    return bench_module.load("presence_dev")


def test_a_hand_and_a_face_read_with_their_paragraph() -> None:
    """The thirty-fourth blind look's whaler: a letter opened, then "Obed's hand, cramped and
    sea-stained" is handwriting, and "The top one is in Elihu's hand" one of the letters; a
    face being scratched into ivory is its picture. A knife in a hand, a portrait being painted
    of someone sitting for it, are the person there."""

    def why(sentence: str, name: str, context: str) -> str:
        at = sentence.index(name)
        return read_mentions(sentence, [(at, at + len(name))], context=context)[0].why

    letter = "He holds out the letter. She breaks the seal. "
    assert why("Obed's hand, cramped and sea-stained.", "Obed", letter) == "depiction"
    unties = "She unties the letters. "
    assert why("The top one is in Elihu's hand, never sent.", "Elihu", unties) == "depiction"
    assert why("The knife is in Mara's hand.", "Mara", letter) == "present"
    carving = "He is scratching a face into the ivory: a young man with a sailor's curls. "
    assert why("Elihu Brock's face, coming up line by line.", "Elihu Brock", carving) == (
        "depiction"
    )
    sitting = "Tobias is painting her portrait. "
    assert why("Mara's face lights up.", "Mara", sitting) == "present"


def test_a_face_listed_after_a_picture_is_announced() -> None:
    """The forty-eighth blind look's Sheffield paper: "The front page: He Knew. And Walt
    Hinchcliffe's face, grinning" lists what the page shows; a face after a sentence that
    announces nothing, or a sentence that does not go on from it, is the person there."""

    def why(sentence: str, name: str, context: str) -> str:
        at = sentence.index(name)
        return read_mentions(sentence, [(at, at + len(name))], context=context + sentence)[0].why

    page = "The front page: He Knew. "
    walt = "And Walt Hinchcliffe's face, grinning, goggles up, in the place where he stood."
    assert why(walt, "Walt Hinchcliffe", page) == "depiction"
    monitor = "On the monitor: the quay at night. "
    assert why("Then Cole's face, close, lit from below.", "Cole", monitor) == "depiction"
    assert why(walt, "Walt Hinchcliffe", "The men stop work: silence. ") == "present"
    assert why("Walt's face falls.", "Walt", page) == "present"


def test_dev_set_floor() -> None:
    """The labelled dev set (tests/data/presence): presence and reference both read right at
    least this often. The figures per class are in docs/presence.md (bench/presence_dev.py)."""
    dev = _dev()
    mentions = dev.load(("written", "shakespeare"))
    assert len(mentions) >= 400
    rows = dev.scores(mentions, dev.predict(mentions))
    assert rows["present"]["recall"] >= 0.97 and rows["present"]["precision"] >= 0.97
    assert rows["reference"]["recall"] >= 0.93 and rows["reference"]["precision"] >= 0.93


@pytest.mark.parametrize(("part", "floor"), [("screenplays", 0.90), ("westerns", 0.90)])
def test_real_screenplays_floor(part: str, floor: float) -> None:
    """The real parts of the dev set (other writers' screenplays, labelled blind; their texts
    are not committed, so this skips without them): present against reference read right at
    least this often (0.914 and 0.930 when set; first looks 0.873 and 0.880)."""
    dev = _dev()
    mentions = dev.load((part,))
    if not mentions:
        pytest.skip(f"the texts of {part}.yaml are absent (see its header)")
    predicted = dev.predict(mentions)
    pairs = zip(mentions, predicted, strict=True)
    right = sum((m.gold == "present") == (p == "present") for m, p in pairs)
    assert right / len(mentions) >= floor


UNIVERSE = """\
name: planted
series:
  - id: s
    scripts: ["s/*.fountain"]
    episodes:
      e1: {story: "day 1"}
      e2: {story: "day 2"}
characters:
  cole: {aliases: [COLE, Cole]}
  danny: {aliases: [DANNY, Danny]}
  tobias: {aliases: [TOBIAS, Tobias]}
places:
  chapel: {name: The Chapel, aliases: [CHAPEL, CHAPEL ON THE POINT]}
  buoy: {name: The bell buoy, aliases: [BUOY, BELL BUOY]}
"""

E1 = """\
INT. CHAPEL ON THE POINT - NIGHT

Cole and Danny argue by the altar.

[[dies: COLE]]

[[destroyed: CHAPEL]]

EXT. BELL BUOY - NIGHT

Tobias cuts the chain. The buoy sinks.

[[destroyed: BUOY]]
"""

E2 = """\
EXT. OLD CHAPEL ROAD - DAY

Cole's body bag leaves on the coroner's boat. Danny watches it go.

INT. POLICE STATION - DAY

ON THE RECORDER, COLE'S VOICE rasps.

Images stutter across the wall: Tobias arguing with Cole.

Danny stands where Cole died.

EXT. WATER BELOW THE BUOY - DAY

DANNY
Nothing left.
"""


def test_no_dead_man_present_and_no_destroyed_place(tmp_path: Path) -> None:
    (tmp_path / "universe.yaml").write_text(UNIVERSE)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "e1.fountain").write_text(E1)
    (tmp_path / "s" / "e2.fountain").write_text(E2)
    compiled = compile_universe(load_universe(tmp_path))
    e2 = [s for s in compiled.canon.scenes if s.episode == "e2"]
    assert [s.place for s in e2] == [None, None, None]
    assert all("cole" not in s.present for s in e2)
    assert "cole" in e2[0].referenced and "danny" in e2[0].present
    unsealed = [(f.rule, f.line) for f in compiled.findings if not f.sealed]
    assert not [r for r in unsealed if r[0] in ("dead-character", "destroyed-place")], unsealed


def test_a_family_name_and_a_telegram_in_capitals() -> None:
    # seen on real westerns: "A Loveless uncle is standing on a windswept grouse moor" (an
    # uncle of the Lovelesses), "BE ADVISED OF ESCAPE OF LEDNOV" (a capital makes no title in
    # a line all in capitals)
    assert readings("A Hollis uncle waits on the quay.", "Hollis") == ["possessive"]
    assert readings("Hollis waits on the quay with an uncle.", "Hollis") == ["present"]
    assert readings("BE ADVISED OF ESCAPE OF COLE FROM THE PIER.", "COLE") == ["possessive"]
    assert readings("Enter the EARL of WESTMORELAND", "WESTMORELAND") == ["present"]


def test_a_name_inside_a_place_alias_is_the_place(tmp_path: Path) -> None:
    # An outside author's saga: the bible names a ship "the Queen Ysolde"; "The Queen Ysolde
    # heels hard in the wind" is the ship, not the dead queen; "Queen Ysolde smiles" is her.
    (tmp_path / "universe.yaml").write_text(
        'name: T\nseries:\n  - id: s\n    scripts: ["s/*.fountain"]\n'
        "characters:\n  ysolde: {name: Queen Ysolde, aliases: [QUEEN YSOLDE, Queen Ysolde]}\n"
        "places:\n  ship: {name: The ship, aliases: [the Queen Ysolde]}\n"
    )
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "e1.fountain").write_text(
        "EXT. HARBOUR - DAY\n\nThe Queen Ysolde heels hard in the wind.\n\n"
        "INT. THRONE ROOM - DAY\n\nQueen Ysolde smiles.\n"
    )
    scenes = compile_universe(load_universe(tmp_path)).canon.scenes
    assert "ysolde" not in scenes[0].present and "ysolde" in scenes[0].referenced
    assert "ysolde" in scenes[1].present
