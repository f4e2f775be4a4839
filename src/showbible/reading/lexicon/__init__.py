"""Word lists for identity: walk-on labels (positions, crowds, species, voices) and common words.

``common.txt`` and ``titles.txt`` are derived from wordfreq and nameparser by
bench/identity_lexicon.py (see there); the classes below are written out by kind. A label is a
*walk-on* (it names a position, a group, a kind of being or a voice, never one person across
series) when:

1. it is numbered or ordinal (``MINER 1``, ``CREWWOMAN 2``, ``NEWS ANCHOR #4``, ``FIRST
   MURDERER``, ``GUARD B``), or a joint cue (``FINN AND JAKE``);
2. every word of it, after qualifiers (``MAN IN SUIT``, ``VOICE ON RADIO``) are cut, is a
   position, group, kind or voice word (``OFFICER``, ``SECURITY GUARD``, ``CHORUS``, ``ALIEN``,
   ``FEMALE``, ``UNKNOWN``, ``POLICE``) or a class word of the universe (``BAJORAN OFFICER``);
   or it has more words and its head is a description, group, kind or voice (``OLD LADY``,
   ``FEMALE VOICE``), or a position the universe numbers or cues in the plural as a label of
   its own (``BANANA GUARD 2``, ``BANANA GUARDS``);
3. the universe itself uses it as a class word: other labels number it in two or more ways
   (``KLINGON 2`` and ``KLINGON 3``, ``FIRST CITIZEN`` and ``SECOND CITIZEN``; a lone ``RIKER
   2`` is a double of one person), put it before a position word (``BAJORAN OFFICER``,
   ``ROMULAN GUARD``, ``KLINGON WOMAN``; not before a sovereign's title: ``ICE KING``), or cue
   its plural too (``GOBLINS``) — so species and nationalities that no list names are found by
   how the scripts use them. A main speaker of some series (``JAKE``) is never a class word.

A position word after a modifier the lexicon does not know (``ICE KING``, ``PEPPERMINT
BUTLER``) is ``MODIFIED_POSITION``: a role unless the scripts show one person
(reading/crossing.py decides).

A title followed by a name (``AGENT COULSON``, ``CAPTAIN JACK``) is a person, not a walk-on.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.resources import files

from showbible.quick import rx

# Positions on ships, stations, forces and in institutions that nameparser's titles lack.
POSITIONS = (
    "ENSIGN", "CREWMAN", "CREWMEN", "CREWWOMAN", "CREWMEMBER", "HELMSMAN", "NAVIGATOR",
    "TACTICAL", "ENGINEER", "ENGINEERS", "TECHNICIAN", "TECH", "TECHS", "SCIENTIST", "MEDIC",
    "CORPSMAN", "PILOT", "COPILOT", "CO-PILOT", "OPERATOR", "DISPATCHER", "DOCTOR", "NURSE",
    "PARAMEDIC", "SURGEON", "ORDERLY", "INTERN", "RESIDENT", "PATIENT", "COP", "DEPUTY",
    "TROOPER", "MARSHAL", "DETECTIVE", "GUARD", "SENTRY", "WARDEN", "JAILER", "GAOLER", "SOLDIER",
    "PRIVATE", "CADET", "RECRUIT", "MARINE", "SAILOR", "MINER", "WORKER", "WORKMAN", "LABOURER",
    "LABORER", "FARMER", "MERCHANT", "VENDOR", "TRADER", "SHOPKEEPER", "BARTENDER", "BARKEEP",
    "BARMAN", "BARMAID", "WAITER", "WAITRESS", "HOSTESS", "COOK", "CLERK", "RECEPTIONIST",
    "SECRETARY", "ASSISTANT", "AIDE", "ATTENDANT", "STEWARD", "STEWARDESS", "BUTLER", "MAID",
    "SERVANT", "PAGE", "MESSENGER", "POST", "COURIER", "HERALD", "PORTER", "DRIVER", "CABBIE",
    "DRAWER", "DOORMAN", "BOUNCER", "USHER", "VALET", "JANITOR", "CUSTODIAN", "GARDENER",
    "SHEPHERD",
    # a household's and a coaching inn's people, in period pieces (the twenty-fourth blind look's
    # 1698 London: a FOOTMAN in two acts of one play, a LINKBOY, a POSTBOY)
    "FOOTMAN", "FOOTBOY", "COACHMAN", "POSTBOY", "POSTILION", "LINKBOY", "LACKEY", "FLUNKEY",
    "CHAMBERMAID", "HOUSEMAID", "KITCHENMAID", "PARLOURMAID", "MILKMAID", "NURSEMAID",
    "SCULLION", "POTBOY", "BOOTBLACK", "CHARWOMAN", "LAUNDRESS", "SEAMSTRESS", "HOUSEKEEPER",
    "GOVERNESS", "GAMEKEEPER", "STABLEBOY", "STABLEHAND", "OSTLER", "HOSTLER", "TAPSTER",
    "INNKEEPER", "DRAYMAN", "BOATMAN", "FERRYMAN", "TURNKEY", "BEADLE", "WATCHMAN",
    "LAMPLIGHTER",
    # a rescue's crews (the twenty-fifth blind look's helicopter WINCHMAN)
    "WINCHMAN", "WINCHWOMAN", "LOOKOUT", "SPOTTER", "RANGER", "COASTGUARD", "LIFEBOATMAN",
    "RESCUER", "HANDLER", "CONTROLLER",
    # a team's and a ground's people (the twenty-eighth blind look's Texas football TRAINER), a
    # market's and a farm's (its Dales DROVER, AUCTIONEER)
    "TRAINER", "WATERBOY", "BALLBOY", "LINESMAN", "STATISTICIAN", "GROUNDSKEEPER",
    "GROUNDSMAN", "DROVER", "AUCTIONEER", "STOCKMAN", "JACKAROO", "HERDSMAN", "CARTER",
    "POSTMAN", "POSTMISTRESS", "LANDLORD", "LANDLADY", "VET", "VETERINARIAN",
    # who carries a message or a fare (the twenty-ninth's DESPATCH RIDER, lekki's OKADA RIDER)
    "RIDER", "RUNNER",
    # a theatre's, a hotel's and a casino's people, a workshop's, a ground's and a morgue's (the
    # thirty-first blind look's Paris opera CONCIERGE and DRESSER, in both series, taken for
    # people: in two cities at once, and a stranger to a dancer)
    "CONCIERGE", "BELLBOY", "BELLHOP", "PAGEBOY", "DRESSER", "STAGEHAND", "PROMPTER",
    "CALLBOY", "USHERETTE", "ACCOMPANIST", "REPETITEUR", "ORGANIST", "VIOLINIST", "CELLIST",
    "BALLERINA", "CHORISTER", "BUGLER", "COSTUMIER", "MILLINER", "HAIRDRESSER", "CROUPIER",
    "DEALER", "PHYSIO", "PHYSIOTHERAPIST", "MASSEUR", "MASSEUSE", "KITMAN", "PUNDIT",
    "PATHOLOGIST", "CORONER", "MORTICIAN", "UNDERTAKER", "SEXTON", "VERGER", "PADRE",
    "HUNTER", "FISHERMAN", "KEEPER", "REPORTER", "JOURNALIST", "ANCHOR", "NEWSCASTER",
    "ANNOUNCER", "NARRATOR", "INTERVIEWER", "HOST", "PRESENTER", "CAMERAMAN", "PHOTOGRAPHER",
    "SALESMAN", "SALESWOMAN", "SALESPERSON", "CASHIER", "TELLER", "BANKER", "LAWYER", "ATTORNEY",
    "PROSECUTOR", "JUDGE", "BAILIFF", "JUROR", "FOREMAN", "FOREPERSON", "WITNESS", "SUSPECT",
    "PRISONER", "INMATE", "CONVICT", "HOSTAGE", "VICTIM", "THUG", "GOON", "HENCHMAN", "MERCENARY",
    "ASSASSIN", "MURDERER", "THIEF", "ROBBER", "BANDIT", "PIRATE", "REBEL", "RAIDER", "SCOUT",
    "SPY", "AGENT", "OFFICIAL", "BUREAUCRAT", "DIPLOMAT", "AMBASSADOR", "DELEGATE", "MINISTER",
    "COUNCILMAN", "COUNCILWOMAN", "COUNCILLOR", "SENATOR", "GOVERNOR", "MAYOR", "STAFFER",
    "TEACHER", "PROFESSOR", "STUDENT", "PUPIL", "COACH", "PRIEST", "MONK", "NUN", "VICAR",
    "PASTOR", "PREACHER", "BISHOP", "CARDINAL", "ABBOT", "FRIAR", "CLERIC", "ACOLYTE",
    "CUSTOMER", "CLIENT", "PATRON", "GUEST", "VISITOR", "PASSENGER", "TOURIST", "TRAVELLER",
    "TRAVELER", "PEDESTRIAN", "BYSTANDER", "NEIGHBOR", "NEIGHBOUR", "STRANGER", "FAN", "PLAYER",
    "MUSICIAN", "SINGER", "DANCER", "ACTOR", "ACTRESS", "PERFORMER", "STRIPPER", "MODEL",
    "REALTOR", "SUPERVISOR", "MANAGER", "EMPLOYEE", "BOSS", "INTERN", "TEMP", "PRODUCER",
    "DIRECTOR", "OFFICER", "LIEUTENANT", "SERGEANT", "CORPORAL", "CAPTAIN", "COMMANDER",
    "COLONEL", "GENERAL", "MAJOR", "ADMIRAL", "CHIEF", "SHERIFF", "INSPECTOR", "CONSTABLE",
    "SECURITY", "POLICE", "POLICEMAN", "POLICEWOMAN", "FIREMAN", "FIREFIGHTER", "LIFEGUARD",
    # the public a broadcast or a show meets: a radio phone-in's CALLER, a heckler
    "CALLER", "LISTENER", "VIEWER", "HECKLER", "SPECTATOR", "ONLOOKER", "PASSERBY", "PASSER-BY",
    "SHOPPER", "COMMUTER", "ATTENDEE", "VOTER", "DJ", "DEEJAY", "ROADIE", "GROUPIE",
    # a school's and a campus's: the substitute nobody knows, the game's referee
    "SUBSTITUTE", "CHAPERONE", "MASCOT", "REFEREE", "UMPIRE", "CHEERLEADER", "TUTOR",
    "FRESHMAN", "SOPHOMORE", "ROOMMATE",
    # a ship's ratings (the twentieth blind look's submarine: RADIOMAN on the set)
    "RADIOMAN", "SONARMAN", "TORPEDOMAN", "QUARTERMASTER", "YEOMAN", "GUNNER", "LOOKOUT",
    "SIGNALMAN", "MOTORMAN", "COXSWAIN", "BOATSWAIN", "MIDSHIPMAN", "SEAMAN", "NOTARY",
)  # fmt: skip

# Groups and crowds, descriptions that name no one, kinds of being, and voices from devices.
GROUPS = (
    "ALL", "BOTH", "EVERYONE", "EVERYBODY", "TOGETHER", "OTHERS", "CROWD", "CHORUS", "GROUP",
    "AUDIENCE", "CLASS", "TEAM", "CREW", "STAFF", "FAMILY", "COUPLE", "KIDS", "CHILDREN", "MEN",
    "WOMEN", "PEOPLE", "GUYS", "GIRLS", "BOYS", "LADIES", "GENTLEMEN", "SEVERAL", "VARIOUS",
    "SOMEONE", "SOMEBODY", "NOBODY", "ANYONE", "MOB", "GANG", "SQUAD", "CROWDS",
)  # fmt: skip
DESCRIPTIONS = (
    "MAN", "WOMAN", "BOY", "GIRL", "CHILD", "KID", "BABY", "TEEN", "TEENAGER", "GUY", "LADY",
    "GENTLEMAN", "PERSON", "FEMALE", "MALE", "UNKNOWN", "UNSEEN", "UNIDENTIFIED", "FIGURE",
    "SHADOW", "SILHOUETTE", "OLD", "YOUNG", "ELDERLY", "FRIEND", "DATE", "PARTNER",
    "HUSBAND", "WIFE", "MOTHER", "FATHER", "MOM", "DAD", "SON", "DAUGHTER", "BROTHER",
    "SISTER", "GRANDMA", "GRANDPA", "GRANDMOTHER", "GRANDFATHER", "AUNT", "UNCLE", "COUSIN",
    "NEPHEW", "NIECE", "BRIDE", "GROOM", "WIDOW", "OTHER", "ANOTHER",
    # what a family calls its elders in the languages the scripts are set in (the forty-fifth
    # blind look's Kazakh eagle hunters: "APA on the screen" is his mother calling)
    "MAMA", "PAPA", "MAMMA", "MAMAN", "PAPI", "MAMI", "APA", "ATA", "AMMA", "APPA", "ABBA",
    "ABBU", "AMMI", "BABA", "OMA", "OPA", "NONNA", "NONNO", "ABUELA", "ABUELO", "OMMA",
    "EOMMA", "HALMEONI", "HARABEOJI", "OBAACHAN", "OJIICHAN", "BABUSHKA", "DEDUSHKA", "YIAYIA",
)  # fmt: skip
KINDS = (
    "ALIEN", "ALIENS", "HUMAN", "HUMANS", "HUMANOID", "ROBOT", "ANDROID", "DROID", "CYBORG",
    "DRONE", "CREATURE", "MONSTER", "BEAST", "ANIMAL", "VAMPIRE", "DEMON", "ZOMBIE", "GHOST",
    "SPIRIT", "ANGEL", "WITCH", "WIZARD", "FAIRY", "ELF", "DWARF", "GIANT", "TROLL", "MUTANT",
    "CLONE", "ENTITY", "BEING", "LIFEFORM", "NATIVE", "NATIVES", "VILLAGER", "VILLAGERS",
    "CITIZEN", "CITIZENS", "COLONIST", "COLONISTS", "SETTLER", "REFUGEE", "REFUGEES",
    "AMERICAN", "BRITISH", "ENGLISH", "ENGLISHMAN", "FRENCH", "FRENCHMAN", "GERMAN", "RUSSIAN",
    "ITALIAN", "SPANISH", "SPANIARD", "CHINESE", "JAPANESE", "KOREAN", "INDIAN", "IRISH",
    "IRISHMAN", "SCOTTISH", "SCOT", "SCOTSMAN", "WELSH", "WELSHMAN", "DUTCH", "DUTCHMAN",
    "AUSTRALIAN", "CANADIAN", "MEXICAN", "BRAZILIAN", "AFRICAN", "EUROPEAN", "ASIAN", "ARAB",
    "EGYPTIAN", "GREEK", "ROMAN", "TURK", "TURKISH", "PERSIAN", "POLISH", "SWEDISH", "NORWEGIAN",
    "DANISH", "DANE", "SWISS", "AUSTRIAN", "HUNGARIAN", "CZECH", "ISRAELI", "AFGHAN", "IRAQI",
    "IRANIAN", "SOVIET", "NAZI", "YANKEE", "MARTIAN", "VENUSIAN", "EARTHLING", "ASGARDIAN",
)  # fmt: skip
# Craft that carry a name of their own, which is often a person's: "the lighter LALLA ZINEB
# knocks against the quay wall" (the forty-seventh blind look's Casablanca port), "the trawler
# Brannock". Lower case: the readers match them in prose.
VESSELS = frozenset((
    "ship", "shuttle", "boat", "yacht", "ferry", "tug", "tugboat", "trawler", "barge", "launch",
    "lifeboat", "freighter", "cruiser", "starship", "frigate", "schooner", "steamer", "steamship",
    "runabout", "lighter", "dhow", "felucca", "junk", "sampan", "pirogue", "canoe", "dinghy",
    "sloop", "ketch", "cutter", "lugger", "coaster", "collier", "whaler", "sealer",
    "galleon", "brig", "brigantine", "catamaran", "trimaran", "houseboat",
    "narrowboat", "gondola", "punt", "pinnace", "longboat", "dory", "seiner",
    "longliner", "dredger", "icebreaker", "destroyer", "corvette", "submarine", "liner", "tanker",
    "skiff", "hydrofoil", "hovercraft", "airship", "zeppelin", "locomotive", "vessel", "craft",
))  # fmt: skip
VOICES = (
    "VOICE", "VOICES", "COMPUTER", "COMPUTERS", "INTERCOM", "RADIO", "TV", "TELEVISION",
    "PHONE", "TELEPHONE", "SPEAKER", "LOUDSPEAKER", "PA", "RECORDING", "RECORDER", "TAPE",
    "MACHINE", "SYSTEM", "AI", "HOLOGRAM", "SCREEN", "VIEWSCREEN", "MONITOR", "ANSWERPHONE",
    "VOICEMAIL", "BROADCAST", "NEWS", "TANNOY", "COMM", "COMMS", "SPEAKERPHONE", "ALARM",
)  # fmt: skip

_NUMBERED = rx.compile(r"(?:\s*#\s*\d+|\s+\d+|(?<=[A-Z])\d+|\s+[A-Z])$")
_CODE = rx.compile(r"([A-Z])\d+")  # K9, Q2: a letter and a number, no word to number
_ORDINAL = rx.compile(
    r"^(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH|\d+(?:ST|ND|RD|TH)|"
    r"ANOTHER|OTHER|ONE|TWO|THREE)\s+"
)
# A true ordinal: ANOTHER or OTHER beside a name may be a double (OTHER HELEN), not a kind.
_COUNTED = rx.compile(r"^(?:SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH)\s+")
_QUALIFIER = rx.compile(
    r"\s+(?:ON|IN|AT|FROM|WITH|OF|BEHIND|ABOVE|BELOW|OVER|UNDER|NEAR|NEXT|OUTSIDE|INSIDE|"
    r"THROUGH|INTO|OFF|AND|&)\b.*$"
)
_POSSESSIVE = rx.compile(r"'S$|S'$")
# "FINN AND JAKE", "FIONNA & CAKE": two or more speak the line together.
_JOINT = rx.compile(r"\S\s+(?:AND|&)\s+\S")
_WORD = rx.compile(r"[A-Z0-9][A-Z0-9'\-]*")


@functools.cache
def _read(name: str) -> frozenset[str]:
    text = files("showbible.reading.lexicon").joinpath(name).read_text(encoding="utf-8")
    # In C, not a generator per line: 13,000 common words are read by every process that
    # resolves a cue (a one-shot check among them).
    return frozenset(filter(None, map(str.strip, text.upper().splitlines())))


def title_words() -> frozenset[str]:
    """The titles, ranks and offices people are called by (``titles.txt``, upper case)."""
    return _read("titles.txt")


@functools.cache
def position_words() -> frozenset[str]:
    """Every word that names a position, group, description, kind of being or voice."""
    return _read("titles.txt") | frozenset(POSITIONS + GROUPS + DESCRIPTIONS + KINDS + VOICES)


_NO_ONE = frozenset(GROUPS + KINDS)
# Trades by their ending (NEUROLOGIST, PEDIATRICIAN, PSYCHIATRIST, PHARMACIST): no list holds
# every one a script names.
_OCCUPATION = rx.compile(r"[A-Z]{3,}(?:OLOGIST|IATRIST|ICIAN)|[A-Z]{4,}IST")


def occupation(word: str) -> bool:
    """Whether a word in capitals names a trade by its ending (the sixth blind look's
    NEUROLOGIST, which no list held, spoke a secret's tell as a person)."""
    return _OCCUPATION.fullmatch(word) is not None


# Titles and kin words before or in a name, with the sex they tell ("f" or "m"): LADY MACBETH
# is a woman (a pronoun's referent, reading/infer/clauses.py), and MR. SANGER beside MRS.
# SANGER is another of the family, not a misspelling (rules/unknown_character.py).
_FEMALE = """lady queen duchess countess mistress mrs ms miss madam madame princess empress wife
    widow mother daughter sister aunt niece girl woman maid maiden hostess baroness dame nun
    abbess goddess grandma grandmother"""
_MALE = """lord king duke earl count sir mr mister prince emperor husband father son brother uncle
    nephew boy man friar monk baron marquess master god grandpa grandfather"""
SEXED_WORDS: dict[str, str] = {
    **{w: "f" for w in _FEMALE.split()},
    **{w: "m" for w in _MALE.split()},
}


# Words no name is made of: prepositions, pronouns, determiners, conjunctions and auxiliaries.
# A run of a label's words that begins or ends with one is no partial name ("From" of a cue
# "SUIT BURSTS FROM THE WRECKAGE"), and a run of capitals that holds one introduces no one
# ("CLOSE ON WARD", "EVERYTHING BURNS"). Lower-case.
_FUNCTION = """from in on at to by with but or nor for into onto over under about after before
    through across against among around behind below beneath beside between beyond during inside
    outside upon within without as if then than so yet he she it we they you me him her us them
    his its our their my your this that these those everything everyone everybody something
    someone somebody nothing nobody anyone anything all some any each every no not is are was
    were be been has have had do does did"""
FUNCTION_WORDS = frozenset(_FUNCTION.split())


def names_no_one(run: str) -> bool:
    """Whether a run of a label's words is only kind and group words (``FRENCH`` of ``FRENCH
    KING``): "French Soldier" or "the French" is no part of that name."""
    words = run.upper().split()
    return bool(words) and all(w in _NO_ONE for w in words)


def is_common(word: str) -> bool:
    """Whether a word (JACK, COLLINS, DATA) is too common for a label alone to tell who it is."""
    return word.upper().replace("’", "'") in _read("common.txt")


def _class_word(text: str) -> bool:
    """What a number may follow to make a numbered label: words of two letters or more
    (MINER 1, GUARD1, JOSÉ 2), never a letter or a code (K9, R2-D2 are names)."""
    return all(
        sum(c.isalpha() for c in w) >= 2 and not any(c.isdigit() for c in w) and w[-1] != "-"
        for w in text.split()
    ) and bool(text.split())


def numbered(label: str) -> str | None:
    """The class word of a numbered or ordinal label (``MINER 1`` -> ``MINER``, ``FIRST
    CITIZEN`` -> ``CITIZEN``, ``HECKLER#1`` -> ``HECKLER``), or None."""
    text = label.replace("’", "'")
    stripped = _NUMBERED.sub("", text).strip()
    if stripped != text and _class_word(stripped):
        return stripped
    stripped = _ORDINAL.sub("", text).strip()
    if stripped != text and stripped:
        return stripped
    return None


# Heads that name one holder of an office in a realm (ICE KING, TURTLE PRINCESS): the word
# before them names the realm, not a kind of being, so it makes no class.
SOVEREIGNS = frozenset(
    {
        "KING", "QUEEN", "PRINCE", "PRINCESS", "EMPEROR", "EMPRESS", "DUKE", "DUCHESS",
        "MONARCH", "SULTAN", "TSAR", "CZAR", "PHARAOH", "KAISER", "OVERLORD",
    }
)  # fmt: skip
# Heads that never name one person, whatever stands before them (OLD LADY, FEMALE VOICE).
_NO_ONE_HEADS = frozenset(GROUPS + DESCRIPTIONS + KINDS + VOICES)
_ARTICLES = frozenset({"THE", "A", "AN"})
MODIFIED_POSITION = "a position word after a modifier (a role unless the scripts show one person)"
# A job alone (DOCTOR, MASTER, COACH): a role, unless it is the lead of the series it is cued in
# (reading/crossing.py: THE DOCTOR, cued in every episode of both runs of a show).
SOLE_POSITION = "a position word alone (a role unless it is the lead of every series it crosses)"


@dataclass(frozen=True)
class Classes:
    """How a universe uses its labels as classes: class words with the labels that show it
    (``KLINGON`` -> ``KLINGON 2``, ``KLINGON 3``; ``BAJORAN`` -> ``BAJORAN OFFICER``), and the
    labels it numbers or puts in the plural as labels of their own (``BANANA GUARD 2``,
    ``BANANA GUARDS``: many of them)."""

    words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    counted: frozenset[str] = frozenset()
    # Plurals the universe uses for a group: after ``THE`` or a group word (THE GEMS,
    # VARIOUS GEMS, ALL OTHER STEVENS), so that CRYSTAL GEMS and GEMS are groups too.
    groups: frozenset[str] = frozenset()
    # Letter-and-number labels that number a one-letter label of the universe (Q2 beside Q: a
    # double); K9 or R2 with no K or R cued are names.
    doubles: frozenset[str] = frozenset()
    # Labels cued in one episode of the whole universe: a modifier before a position there is
    # a walk-on's description (HEALTH INSPECTOR, ESTATE LAWYER), where one cued in many
    # episodes may be a person (ICE KING, PEPPERMINT BUTLER).
    once: frozenset[str] = frozenset()

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def shown_by_others(self, word: str, label: str) -> bool:
        """Whether labels other than ``label`` make ``word`` a class (PEPPERMINT BUTLER alone
        does not make PEPPERMINT one)."""
        return bool(self.words.get(word, frozenset()) - {label})


def class_words(
    labels: Iterable[str],
    roles: frozenset[str],
    main: Collection[str] = frozenset(),
    cued: Mapping[str, Mapping[str, int]] | None = None,
) -> Classes:
    """Words the universe uses as class words: numbered in two or more ways (``KLINGON 2`` and
    ``KLINGON 3``; one ``RIKER 2`` or ``Q2`` is a double, not a class), put before a position
    word (``BAJORAN OFFICER``; not before a sovereign's title: ``ICE KING``), or cued in the
    plural as well (``GOBLIN`` and ``GOBLINS``). A word whose own label is a main speaker of
    some series (``main``: JAKE, LOKI) is a name whatever other labels do with it (one ``JAKE
    PERSON``, two ``LOKIS``, a time loop's ``ANNA 2`` and ``ANNA 3``). ``labels`` are
    normalised cue labels; ``cued``, each label's count of episodes per series, tells which
    are cued in one episode only (``Classes.once``)."""
    positions = position_words() | roles
    numbers: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    plural: set[str] = set()
    names = set(labels)
    groups: set[str] = set()
    for label in names:
        head = _group_plural(label)
        if head is not None:
            groups.add(head)
        base = numbered(label)
        if base is not None:
            numbers.setdefault(base, set()).add(label)
            continue
        single = _singular(label, names)
        if single is not None:
            plural.add(single)
        words = _QUALIFIER.sub("", label).split()
        if (
            len(words) == 2
            and words[1] in positions
            and words[1] not in SOVEREIGNS
            and words[0] not in positions
            and not _POSSESSIVE.search(words[0])
        ):
            before.setdefault(words[0], set()).add(label)
    # A kind of being has a plural: a label in the plural (GOBLINS, WORMS, KLINGONS) makes
    # a class of its singular.
    for single in plural:
        if " " not in single and len(single) >= 3:  # "QS" is several Qs, not a kind of Q
            before.setdefault(single, set()).add(_plural_of(single, names))
    out: dict[str, frozenset[str]] = {}
    for word, shown in before.items():
        if word in main:
            continue  # a main speaker in its own right: a name
        out[word] = frozenset(shown)
    for base, variants in numbers.items():
        # two numberings, or one ordinal beside the label itself (DOUANIER and SECOND
        # DOUANIER, a customs post's officers in a Marseille radio serial; not RIKER and
        # RIKER 2, a double): the second of a kind says there is a kind
        ordinal = base in names and any(_COUNTED.match(v) for v in variants)
        if (len(variants) >= 2 or ordinal) and base not in main:
            out[base] = out.get(base, frozenset()) | frozenset(variants)
    doubles = frozenset(
        label for label in names if (m := _CODE.fullmatch(label)) and m.group(1) in names
    )
    once = frozenset(k for k, by in (cued or {}).items() if sum(by.values()) == 1)
    return Classes(out, frozenset(numbers) | frozenset(plural), frozenset(groups), doubles, once)


# Words before a plural that make it several people: THE DIAMONDS, VARIOUS GEMS, ALL STEVENS.
_GROUP_MARKERS = frozenset(GROUPS) | {"THE", "OTHER", "SOME", "MANY", "MORE", "TWO", "THREE"}


def singulars(word: str) -> tuple[str, ...]:
    """What ``word`` may be the English plural of (GEMS -> GEM, BOXES -> BOX, PONIES -> PONY);
    none for a word that only ends in s (ROSS, HUMUS, GENESIS, JONES: not of JON) or a short
    one (QS: several Qs are no kind)."""
    out: list[str] = []
    if word.endswith("IES"):
        out.append(word[:-3] + "Y")
    if word.endswith("ES") and word[:-2].endswith(("S", "X", "Z", "CH", "SH", "O")):
        out.append(word[:-2])
    if word.endswith("S") and not word.endswith(("SS", "US", "IS", "'S")):
        out.append(word[:-1])
    if word.endswith("MEN"):
        out.append(word[:-3] + "MAN")  # WOMEN, POLICEMEN, CYBERMEN
    return tuple(w for w in out if len(w) >= 3)


def _group_plural(label: str) -> str | None:
    """The plural head of a label that names several people by its own words (THE DIAMONDS,
    VARIOUS GEMS, ALL OTHER STEVENS -> DIAMONDS, GEMS, STEVENS), or None."""
    words: list[str] = _WORD.findall(_QUALIFIER.sub("", label))
    if len(words) >= 2 and words[0] in _GROUP_MARKERS and singulars(words[-1]):
        return words[-1]
    return None


def is_joint(label: str) -> bool:
    """Whether a label is several people speaking together (``FINN AND JAKE``, ``A & B``)."""
    return _JOINT.search(label) is not None


def _plurals(word: str) -> tuple[str, ...]:
    out: tuple[str, ...] = (word + "S", word + "ES")
    if word.endswith("MAN"):
        out = (*out, word[:-3] + "MEN")
    return (*out, word[:-1] + "IES") if word.endswith("Y") else out


def _singular(label: str, names: Collection[str]) -> str | None:
    """The label of which ``label`` is the plural, when both are labels (GOBLINS, GOBLIN)."""
    if label.endswith("MEN"):
        single = label[:-3] + "MAN"
        return single if single in names else None
    if not label.endswith("S"):
        return None
    for single in (label[:-1], label[:-2], label[:-3] + "Y"):
        if single and label in _plurals(single) and single in names:
            return single
    return None


def _plural_of(single: str, names: Collection[str]) -> str:
    return next(p for p in _plurals(single) if p in names)


def walk_on(label: str, roles: frozenset[str], classes: Classes) -> str | None:
    """Why a normalised label is a walk-on (it names no one person across series), or None.
    ``MODIFIED_POSITION`` and ``SOLE_POSITION`` are the answers the scripts' evidence may
    overturn (reading/crossing.py): ``ICE KING``, ``PEPPERMINT BUTLER``; THE ``DOCTOR``."""
    if numbered(label) is not None or label in classes.doubles:
        return "a numbered or ordinal label"
    if label.startswith("VOICE"):
        return "an unattributed voice"
    if is_joint(label):
        return "a joint cue (several speak it together)"
    text = _QUALIFIER.sub("", label).strip() or label
    words = _WORD.findall(text)
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    if not words:
        return None
    positions = position_words() | roles

    def lexical(w: str) -> bool:
        return (
            w in positions
            or occupation(w)
            or (w in classes and (len(words) == 1 or classes.shown_by_others(w, label)))
        )

    if all(lexical(w) for w in words):
        if (
            len(words) == 1
            and words[0] in position_words()
            and words[0] not in roles
            and words[0] not in _NO_ONE_HEADS
            and words[0] not in classes
        ):
            return SOLE_POSITION
        return "a position, group, description, kind or voice"
    head = words[-1]
    if head in classes.groups or _group_plural(label) is not None:
        return "a group (a plural the universe uses for several people)"
    if any(w in positions or w in classes for w in singulars(head)):
        return "a group (the plural of a position, kind or class)"
    if len(words) > 1 and words[-1] in positions:
        if words[-1] in _NO_ONE_HEADS or label in classes.counted:
            return "a position, group, description, kind or voice"
        if label in classes.once:
            return "a description of one episode's walk-on (a modifier before a position)"
        return MODIFIED_POSITION
    if len(words) == 1 and words[0] in classes:
        return "used in this universe as a class (numbered, or before a position word)"
    return None
