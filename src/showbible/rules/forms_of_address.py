"""The forms of address a line may call someone by instead of a name: the titles the cue
resolver and the lexicon know (``reading.names.is_title``) and the forms no cue carries, in the
languages and trades scripts keep as said ("Maestro", "Fräulein", "Sahib", "Guv").

Read by the reintroduction rule twice: to know whom a greeting names ("Nice to meet you,
Doctor."), and that "who might you be, Fräulein?" asks the one spoken to, not a mocking guess
("Who are you, Larry King?").
"""

from __future__ import annotations

from showbible.reading.names import is_title as names_title

# Titles a greeting may name someone by, alone ("Nice to meet you, Doctor.") or before a name
# ("Commander Holt."): every title the cue resolver and the lexicon know (``names.is_title``:
# honorifics, ranks, offices, Deputy, Warden, Coach), and forms of address no cue carries.
# Not the words that tell one namesake from another ("Young", "Old"), which open sentences.
_ADDRESS = frozenset({"MISTER", "MA'AM", "MAAM", "MADAM", "DOC", "SARGE", "YOUR", "SKIPPER"})
# ... and the forms of address of other languages and trades a script keeps as they are said
# ("Good day, Maestro. I'm Nori": the thirty-third blind look's Florence, where "Maestro" had
# read as somebody's name, so the line greeted someone absent).
_ADDRESS |= frozenset(
    {"MAESTRO", "SIGNORE", "SIGNOR", "SIGNORA", "SIGNORINA", "MESSER", "MONNA", "SER"}
    | {"MONSIEUR", "MESSIEURS", "MADEMOISELLE", "HERR", "FRAU", "FRÄULEIN", "FRAULEIN"}
    | {"SEÑOR", "SENOR", "SEÑORA", "SENORA", "SEÑORITA", "SENORITA", "DON", "DOÑA", "DONA"}
    | {"SENHOR", "SENHORA", "SENSEI", "SIFU", "SAHIB", "MEMSAHIB", "EFFENDI", "USTAD", "BHAI"}
    | {"DIDI", "BABU", "COMRADE", "GUV", "GUVNOR", "MISSUS", "BOSS", "CHIEF", "PADRE", "MAESTRA"}
)
_NOT_ADDRESS = frozenset({"YOUNG", "OLD", "LITTLE", "ELDER", "ST", "SAINT"})


def is_title(word: str) -> bool:
    """Whether a capitalised word is a title a greeting may call someone by."""
    upper = word.rstrip(".").upper()
    return upper in _ADDRESS or (upper not in _NOT_ADDRESS and names_title(upper))
