"""The words presence from prose hangs its readings on (``reading/prose.py``): what shows or
records someone, what is left of the dead, places, body parts, acts, worn things, vehicles, the
adjectives a possessive's head may carry. Data only: each a set of words, or an alternation of
them longest first for a regular expression."""

from __future__ import annotations

from showbible.reading.lexicon import position_words
from showbible.reading.names import is_title


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def alternation(text: str) -> str:
    """The words of ``text`` as a regular expression's alternation, longest first (then in
    alphabetical order: the same pattern in every process, as rx.py's cache needs)."""
    return "|".join(sorted(set(text.split()), key=lambda w: (-len(w), w)))


# Things that show or record someone rather than have them there.
SHOWN = alternation(
    """photo photos photograph photographs photographic picture pictures portrait portraits
    snapshot snapshots polaroid polaroids footage film films video videos videotape tape tapes
    image images screen screens monitor monitors tv television televisions broadcast newscast
    viewscreen viewscreens telescreen webcam videophone display displays
    news recording recordings recorder dictaphone voicemail answering-machine playback hologram
    holograms projection projector slideshow poster posters painting paintings
    drawing drawings sketch sketches statue statues bust mural likeness effigy feed feeds
    tapestry tapestries fresco frescoes frieze friezes mosaic mosaics engraving engravings
    woodcut woodcuts etching etchings illustration illustrations
    livestream reel reels newsreel mugshot mugshots screensaver wallpaper album
    yearbook scrapbook locket x-ray x-rays
    daguerreotype daguerreotypes tintype tintypes ambrotype ambrotypes miniature miniatures
    cameo cameos scrimshaw lithograph lithographs carte-de-visite"""
)

# Things that write someone down, and devices that carry a voice from elsewhere.
WRITTEN = alternation(
    """letter letters note notes message messages text texts email emails postcard postcards
    diary journal file files dossier record records headline headlines article obituary
    newspaper paper papers nameplate nametag card cards plaque plaques inscription engraving
    placard caption headstone gravestone tombstone epitaph banner"""
)

# The capital letters, with their accents (JOSÉ, MÜLLER, ŁUKASZ, MÉDECIN), as a character class's
# inside: a label in capitals in French, Spanish or Polish is one word, not its unaccented tail.
CAPITALS = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŮŰŹŻŽ"

# What letters put on a thing are: "painted in an old-fashioned typeface: BRANNOCK" (before a
# name), "TITAN MUSIC embossed on the flap" (after capitals, reading/introductions.py).
LETTERING = alternation(
    """painted stencilled stenciled lettered printed embroidered engraved etched carved
    inscribed written scrawled chalked embossed stamped emblazoned monogrammed branded
    spray-painted"""
)

DEVICE = alternation("phone telephone cellphone radio intercom speaker speakerphone walkie-talkie")

REMAINS = alternation(
    """body bodies corpse corpses cadaver remains grave graves gravestone headstone tomb
    tombstone crypt ashes urn coffin coffins casket caskets hearse funeral funerals wake
    skeleton skull bones body-bag bodybag shroud carcass memorial obsequies bier head"""
)

PLACE = alternation(
    """office offices house home room bedroom flat apartment place desk chair seat bed
    cabin shop store bar garage cell study kitchen yard garden
    farm ranch estate manor hall street road lane avenue bridge tower mill camp palace castle
    lodgings quarters tent pavilion porch stall barn cottage station spot corner bunk locker
    workshop studio"""
)

# A body part doing something is the person: "Mara's eyes snap open".
BODY = alternation(
    """eyes eye hand hands face gaze jaw fingers finger fist fists mouth lips shoulders
    shoulder head feet foot knees knee arms arm legs leg back chest heart breath brow voice
    expression smile grin frown stare glance body cheek cheeks neck hair forehead nose chin
    ear ears wrist wrists ankle ankles waist lap elbow elbows palm palms skin tears throat
    temple temples knuckles thumb hip hips shadow reflection silhouette footsteps face brain
    view pov eyeline sightline"""
)

# What someone does, and where a camera stands for their eyes: "at Dunbar's approach", "waiting
# for Domino's next move", "FROM Clay's ANGLE", "Garvey's point of view" are the person there.
DOING = word_set(
    """approach entrance moves movement movements step steps stride strides reaction
    response attention turn pace angle pov eyeline"""
)

# What may stand before an act of someone's ("Dunbar's slow approach"); "move" is an act only
# after one ("Domino's next move" is his; "Cole's move to Boston" is a change of address).
ACT_MODIFIERS = word_set("next every first slightest sudden slow careful")
# -ing words that make a thing of the noun after them ("Pryce's sleeping bag", "Cole's riding
# boots", "the fishing rod"): after a name's 's, the pair is a thing of theirs, not "is V-ing".
COMPOUND_GERUNDS = word_set(
    """sleeping walking riding reading dressing swimming fishing hunting diving climbing
    skating running training dining drawing living sitting waiting changing packing hearing
    writing drinking shaving washing baking cooking sewing knitting boxing shooting hiking
    camping smoking dancing racing sailing rowing parking filing mixing carving rocking
    boarding betting calling visiting hiding landing spending working operating"""
)

# Heads of an "of" that name somebody else even when capitalised: "the Duchess of Gloucester".
OTHER_PERSON_OF = word_set(
    """duchess duchesses countess countesses lady ladies wife widow son sons daughter daughters
    child children heir heirs mother father brother sister uncle aunt nephew niece cousin
    servant servants man men page mayor bastard friend friends captain constable ambassador
    ambassadors messenger messengers herald soldiers army followers officers captain
    steward nurse tutor"""
)

THOUGHT_NOUN = alternation(
    """memory memories thought thoughts news word words story stories rumour rumours rumor
    rumors mention name names idea dream dreams vision visions talk tales tale account
    description fate question questions fear fears image"""
)

ABSENCE_NOUN = alternation("sign signs trace traces absence lack instead word news whereabouts")

# What someone wears, touched by another: "Pabst tugs at Tod's shirt", "Jenny ties Edward's
# laces": the wearer is there (a jacket on a hook is a possessive: no verb of touch before it).
WORN = word_set(
    """shirt shirts jacket coat collar sleeve sleeves robe robes toga dress skirt tie hat cap
    hood scarf glove gloves lapel lapels shoe shoes lace laces shoelaces boot boots belt
    trousers pants jeans clothes cloak cape apron uniform vest cuff cuffs hem tunic gown
    blouse sweater hoodie necklace"""
)

# A vehicle on the move carries its owner: "Will's rental car drives past a sign", "Rick's escape
# pod flies toward camera" (a car parked outside is a possessive: no verb of motion after it).
VEHICLE = word_set(
    """car cars cruiser truck van jeep suv cab taxi limo limousine bike motorcycle motorbike
    scooter ship boat pod shuttle plane jet helicopter chopper wagon carriage sedan pickup
    convertible ambulance hatchback coupe buggy cart canoe kayak raft yacht spaceship
    spacecraft starship craft"""
)

ADJECTIVES = word_set(
    """old new own little young dear late dead empty favourite favorite faded framed torn
    battered worn cold severed bloody bloodied lifeless pale broken crumpled small big large
    former last first second third best ragged muddy wet tiny creased grainy black white
    blurry printed open closed locked abandoned shabby childhood left right index pointer
    middle ring upper lower bare point quiet silent dark"""
)


def closes_noun_phrase(word: str) -> bool:
    """A word after an article that closes its noun phrase ("the apron"), not one that goes on
    into the name ("the late Cole", "the young Duke", "her brother Rafi")."""
    low = word.lower()
    return (
        low not in NAME_MODIFIERS
        and low.upper() not in position_words()
        and not is_title(low.upper())
        and not low.endswith(("ed", "ing"))
    )


NAME_MODIFIERS = frozenset(
    [
        "late",
        "old",
        "young",
        "little",
        "dear",
        "poor",
        "great",
        "dead",
        "real",
        "famous",
        "same",
        "other",
        "elder",
        "younger",
        "older",
        "beloved",
        "mighty",
        "wounded",
        "injured",
        "dying",
        "sleeping",
        "brother",
        "sister",
        "son",
        "daughter",
        "wife",
        "husband",
        "mother",
        "father",
        "uncle",
        "aunt",
        "cousin",
        "nephew",
        "niece",
        "friend",
        "boy",
        "girl",
        "man",
        "woman",
        "lady",
        "lord",
        "kid",
        "child",
        "baby",
        "twin",
        "widow",
        "partner",
        "lover",
        "fiance",
        "fiancee",
    ]
)


# Verb forms and adverbs for reading whether a sentence shows someone (prose_seen.py).
# Finite forms that end in neither -s nor -ed.
IRREGULAR_VERBS = word_set(
    """is was are were has had have does did do can could will would shall should may might
    must isn't wasn't aren't weren't hasn't hadn't doesn't didn't can't couldn't won't wouldn't
    stood sat came went took ran held knelt fell got gave made saw began drew threw grew
    rose woke spoke bent broke caught brought bought fought sought taught thought found left
    kept slept swept crept wept led fed sped struck stuck hung swung flung spun sank sprang
    strode rode drove wrote bit hid slid shook froze stole wore tore bore swore lay leapt
    dove flew blew met set put cut shut hit let quit read spread burst cast shed split lit
    sent spent lent dealt felt meant knew heard told sold said swam built won lost paid
    understood"""
)
# Words ending in -s that are not verbs (or not of this subject).
NOT_S_VERBS = word_set(
    """this his hers its yours ours theirs as us thus plus yes always perhaps towards
    afterwards sometimes besides across less unless whereas nevertheless news series means
    various pants glasses jeans clothes trousers whereabouts species famous nervous anxious
    serious previous obvious curious furious gorgeous enormous tremendous dangerous
    ridiculous cautious conscious precious jealous generous numerous mysterious
    downstairs upstairs indoors outdoors overseas sideways backwards forwards upwards
    downwards outwards inwards nowadays"""
)
ADVERBS = word_set(
    """still just also then now already finally only even both all again almost never
    soon once too slowly quickly suddenly quietly simply barely immediately instantly
    abruptly gently carefully silently"""
)
NOT_LY = word_set("only family reply apply supply fly ally rally belly jelly bully holly")
# Past forms that are no participle: after the name's verb, in a script told in the present,
# they tell what was done before the scene ("The raincoat went back with Tonyo"), where a
# participle may be the scene's own ("Kit, held between Cole and Mara").
SIMPLE_PAST = word_set(
    """went came gave took saw ran rode drove wrote spoke began drew threw grew rose woke
    broke froze stole wore tore swore fell flew blew knew sank sprang swam shook strode"""
)
PARTICLES = word_set("back off away out home in up down along over")
