"""Who plays whom, said with a role's words rather than a verb of playing: "the network cast A in
the role of X", "take over for A in the role of X", "A ... became X, a role she has held for 16
years", "A, who was drug lord X on <Show>", "A and B will tackle the roles of X and Y", "A's
return to the X universe as Y", "A (aka Y)" when A is a performer, "Y actor A". Read in
the relations pass, after ``Roles`` (whose
module is full), with the same ``emit_plays``: the pair is placed in its show like any other.
"""

from __future__ import annotations

import re

from showbible.news.called import Called
from showbible.news.cleaning import Paragraph
from showbible.news.entities import NAM, SER, Marked
from showbible.news.extractor import HEDGE
from showbible.news.names import keyof
from showbible.news.pairing import zip_roles
from showbible.news.recasts import Recasts
from showbible.news.respectively import Respectively
from showbible.news.roleforms import AUX, C_ITEM, DESC, list_of, role_named
from showbible.news.roles import CREDIT_BRACKET
from showbible.quick import rx

# "cast Kate Vance in the role of Della Marsh", "take over for A in the role of George"
_IN_THE_ROLE = rx.compile(
    rf"(?P<p>{NAM})\s+in\s+the\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:role|part)\s+of\s+(?:the\s+)?"
    rf"(?P<c>{NAM})"
)
# "Khalid Abdalla has the role of Dodi Fayed", "Jane Doe landed the part of X": a role obtained
# (also "The actress landed the part of the new resident, Morgan": the performer named before,
# and a description of the role before its name)
_GOT_ROLE = rx.compile(
    rf"(?:(?P<p>{NAM})|\b(?P<the>[Tt]he\s+(?:actress|actor|star|performer|comedian)))\s+{AUX}"
    rf"(?:has|had|have|gets|got|get|lands|landed|land|snags|snagged|wins|won|scores|scored|nabs|"
    rf"nabbed|books|booked)\s+(?:the|a)\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:role|part)\s+of\s+"
    rf"(?:the\s+(?:[a-z][\w\-]*\s+){{0,3}}?[a-z][\w\-]*,\s+)?(?:the\s+)?(?P<c>{NAM})"
)
# "the casting of Jonny Lee Miller as John Major": the casting named as a noun
_CASTING_OF = rx.compile(
    rf"\b(?:casting|recasting|hiring|addition)\s+of\s+(?P<p>{NAM})\s+as\s+(?P<c>{C_ITEM})"
)
# "S. Epatha Merkerson started on the show as ... and later became Lt. Anita Van Buren, a role
# she has held for 16 years": the role is the one the subject became
_BECAME_ROLE = rx.compile(
    rf"(?P<p>{NAM})[^.;:\ue002]{{0,120}}?\b(?:became|becomes|become|becoming)\s+(?P<c>{NAM}),\s+"
    rf"(?:a|the)\s+(?:[a-z][\w\-]*\s+)?(?:role|part)\b"
)

# "Jamie Hector, who was drug lord Marlo Stanfield on The Wire": a performer who *was* a named
# character on a named show played that character there
_WAS_ROLE = rx.compile(
    rf"(?P<p>{NAM}),?\s+who\s+(?:was|is|has\s+been)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w\-]*\s+){{0,3}}?"
    rf"(?P<c>{NAM})\s+(?:on|in)\s+(?:the\s+)?(?:[A-Z]\S*[’']s\s+)?(?P<s>\ue000\d+\ue001)"
)

# "Sabrina Impacciatore, better known as Valentina from the second season of The White Lotus",
# "Domhnall Gleeson, AKA Bill Weasley from Harry Potter": a performer named by a role of theirs
_KNOWN_AS = rx.compile(
    rf"(?P<p>{NAM}),\s+(?:(?:also|better|best)\s+known\s+as|aka|AKA|a\.k\.a\.)\s+"
    rf"(?:(?:the|a|an)\s+)?(?P<c>{NAM})\s+(?:from|on|in|of)\s+(?:the\s+)?"
    rf"(?:[a-z][\w\-]*\s+){{0,6}}?(?P<s>\ue000\d+\ue001)"
)
# "Anthony “Tony” Almeida is a fictional character portrayed by Carlos Bernard on the television
# series 24": a reference work's opening line
_CHARACTER_BY = rx.compile(
    rf"(?P<c>{NAM})\s+(?:is|was)\s+(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){{0,3}}?"
    rf"(?:character|protagonist|antagonist|villain)\s+(?:[a-z][\w\-]*\s+){{0,2}}?"
    rf"(?:portrayed|played|voiced)\s+by\s+(?P<p>{NAM})"
    rf"(?:\s+(?:on|in)\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){{0,3}}?(?P<s>\ue000\d+\ue001))?"
)

# "Hermione Corfield (The Road Dance) and Jeremy Irvine (...) will tackle the roles of Julia
# Moriston and Henry Beauchamp": in order, once the credits are blanked
_THE_ROLES_OF = rx.compile(
    rf"(?P<p>{list_of(NAM)}),?\s+{AUX}(?:tackles?|tackled|tackling|takes?\s+on|took\s+on|taking\s+on|"
    rf"steps?\s+into|stepped\s+into)\s+the\s+(?:roles?|parts?)\s+of\s+(?P<c>{list_of(C_ITEM)})"
)

# "Kim Cattrall's return to the Sex and the City universe as Samantha Jones", "Amy Ryan's
# absolutely necessary return to The Office as Holly Flax", "Henry Cavill's recasting as Geralt"
_RETURN_AS = rx.compile(
    rf"(?P<p>{NAM})[’']s?\s+(?:[a-z][\w\-]*\s+){{0,3}}(?:return|comeback|debut|turn|stint|casting|"
    rf"recasting)\b[^.;\ue002]{{0,60}}?"
    rf"\bas\s+(?P<c>{C_ITEM})"
)
# "the arrival of Jason Mewes and Kevin Smith — not as Jay and Silent Bob, but as Bunch and
# Sonny": the roles after "but as", in order (the ones denied are other parts of theirs)
_NOT_BUT_AS = rx.compile(
    rf"(?P<p>{list_of(NAM)})\s*(?:[—–,(]|--)?\s*not\s+as\s+(?:{DESC})?{list_of(NAM)}\s*,?\s+but\s+(?:rather\s+)?"
    rf"as\s+(?P<c>{list_of(C_ITEM)})"
)
# "Tom Ellis' titular devil", "John Cena's titular anti-hero": the hero a show is named after,
# played by the owner; the show is the one the sentence names
_TITULAR = rx.compile(
    rf"(?P<p>{NAM})[’']s?\s+(?:[a-z][\w\-]*\s+)?(?:(?:titular|eponymous)\s+(?:[a-z][\w\-]*\s+){{0,2}}?"
    r"[a-z][\w\-]*|title\s+(?:character|role|hero|heroine|part))\b"  # not "his title fight"
)
# "joins Barbara Hershey, reprising her role as Cora, and Robbie Kay, back as Peter Pan": a list
# item of a performer and the role they come back as
_BACK_AS = rx.compile(
    rf"(?P<p>{NAM}),\s+(?:(?:now|once\s+again|again|also)\s+)?(?:back|returning)\s+as\s+"
    rf"(?P<c>{C_ITEM})"
)
# "Rick Flag Sr. actor Frank Grillo said": the role, then its performer
_ROLE_ACTOR = rx.compile(rf"(?P<c>{NAM})\s+(?:actor|actress|star|voice\s+actor)\s+(?P<p>{NAM})")
# "because the actor Cameron Boyce is working on another project, his character, Luke Ross, is
# not featured": the character of the performer named before in the sentence
_THEIR_CHARACTER = rx.compile(
    rf"\b(?:his|her|their)\s+(?:[a-z][\w\-]*\s+)?(?:character|role),\s+(?P<c>{NAM}),"
)
# The performer a "his character" refers to: named just after the words of a performer's job.
_PERFORMER_NAMED = rx.compile(rf"\b(?:actor|actress|star|comedian|performer)\s+(?P<p>{NAM})")
# "Teddy Hawley is Prince Harry and Timothee Sambor is Prince William", "while Franco is
# Argyle": a performer *is* the role, when the article says the first is a performer and
# nothing says the second is
_IS_ROLE = rx.compile(rf"(?P<p>{NAM})\s+is\s+(?P<c>{NAM})(?=\s*(?:[,.;:]|and\b|$))")
# "Sarah Jessica Parker (aka Carrie Bradshaw)": the same person, unless one is a performer
_AKA = rx.compile(rf"(?P<p>{NAM})\s*\(\s*(?:aka|AKA|a\.k\.a\.)\s+(?P<c>{NAM})\s*\)")


# "will guest on The Office as Andy's brother", "will appear as Sabrina's father on Raising
# Hope", "will play the ex-wife of Eli (Alan Cumming) on an upcoming episode of The Good Wife":
# a new role named by its tie to a character, who is in that show
_TIED_ROLE = rx.compile(
    rf"\bas\s+(?P<o>{NAM})[’']s?\s+(?:[a-z][\w\-]*\s+){{1,4}}?(?:on|in)\s+[“\"‘']?(?P<s>{SER})"
    rf"|\b(?:the|a|an)\s+(?:[a-z][\w\-]*\s+){{0,2}}?[a-z][\w\-]*\s+(?:of|to)\s+(?P<o2>{NAM})"
    rf"(?:\s*\([^()]*\))?\s+(?:on|in)\s+(?:(?:an?|the)\s+(?:[a-z][\w\-]*\s+){{0,2}}?"
    rf"episodes?\s+of\s+)?[“\"‘']?(?P<s2>{SER})"
)


class Castings(Respectively, Recasts, Called):
    """``plays`` facts said with a role's words (see the module's docstring)."""

    def castings(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        for pattern in (
            _IN_THE_ROLE, _BECAME_ROLE, _WAS_ROLE, _GOT_ROLE, _CASTING_OF, _KNOWN_AS, _CHARACTER_BY
        ):  # fmt: skip
            for match in pattern.finditer(m.text):
                q = self.qualifier(m, match.start(), match.end(), question)
                if pattern is _CASTING_OF and not question:
                    # a noun phrase: only a hedge on the casting itself ("the rumoured casting
                    # of"), not on the sentence's opinion of it ("Perhaps most intriguing is")
                    near = HEDGE.search(m.text, max(0, match.start() - 20), match.end())
                    q = "hedged" if near else ""
                if match.groupdict().get("the"):
                    # "The actress landed the part of ...": the person the paragraph is about
                    performer = (
                        self.subject_before(para, sentence)
                        or self.last_person(para, sentence)
                        or ""
                    )
                else:
                    performer = m.at(match.group("p")).value
                if not performer or keyof(self.kb.full(performer)) in self.kb.characters:
                    continue  # "Della Marsh, in the role of Queen Mab": a character's disguise
                character = role_named(m, match.group("c"))
                show = match.groupdict().get("s")
                at = -1 if show else match.start("c")  # the show is said: no other is looked for
                played = self.emit_plays(performer, character, m, sentence, para, 0.75, q, at)
                if played and show:
                    self.add("appears_in", played, m.at(show).value, para.line, sentence, 0.7, q)
        text = CREDIT_BRACKET.sub(lambda x: " " * len(x.group()), m.text)
        for match in _THE_ROLES_OF.finditer(text):
            q = self.qualifier(m, match.start(), match.end(), question)
            performers = [x for x in m.all(match.group("p")) if x.kind == "name"]
            for who, part in zip_roles(performers, m.all(match.group("c"))):
                self.emit_plays(who.value, part, m, sentence, para, 0.8, q, match.start())
        for match in _BACK_AS.finditer(text):
            if keyof(self.kb.full(m.at(match.group("p")).value)) in self.kb.characters:
                continue  # "Della Marsh, back as Queen Mab": a character's disguise
            self.emit_plays(m.at(match.group("p")).value, m.at(match.group("c")), m, sentence, para,
                            0.75, self.qualifier(m, match.start(), match.end(), question),
                            match.start("c"))  # fmt: skip
        for match in _NOT_BUT_AS.finditer(text):
            performers = [x for x in m.all(match.group("p")) if x.kind == "name"]
            for who, part in zip_roles(performers, m.all(match.group("c"))):
                self.emit_plays(who.value, part, m, sentence, para, 0.75,
                                self.qualifier(m, match.start(), match.end(), question),
                                match.start("c"))  # fmt: skip
        for match in _TITULAR.finditer(m.text):
            # the nearest show named before ("the second run of Peacemaker ... brings back John
            # Cena's titular anti-hero"), else the one show of the sentence
            before = [x for x in m.all(m.text[: match.start()]) if x.kind == "series"]
            anywhere = [x for x in m.mentions if x.kind == "series"]
            shows = before or (anywhere if len({x.value for x in anywhere}) == 1 else [])
            if not shows:
                continue
            after = m.text[match.end() :]
            if re.match(r"\s+(?:in|on)\s", after) and not re.match(
                rf"\s+(?:in|on)\s+(?:the\s+)?{re.escape(shows[-1].token)}", after
            ):
                continue  # "her titular role in a stage play": a work of its own
            owner = keyof(self.kb.full(m.at(match.group("p")).value))
            if not self.franchise(shows[-1].value) and owner not in self.kb.characters:
                self.emit_plays(m.at(match.group("p")).value, shows[-1], m, sentence, para, 0.7,
                                self.qualifier(m, match.start(), match.end(), question),
                                placed=True)  # fmt: skip
        for match in _RETURN_AS.finditer(m.text):
            q = self.qualifier(m, match.start(), match.end(), question)
            who, part = m.at(match.group("p")), m.at(match.group("c"))
            self.emit_plays(who.value, part, m, sentence, para, 0.75, q, match.start("c"))
        for match in _THEIR_CHARACTER.finditer(m.text):
            named = list(_PERFORMER_NAMED.finditer(m.text, 0, match.start()))
            if named:
                actor = m.at(named[-1].group("p")).value
                self.emit_plays(actor, m.at(match.group("c")), m, sentence, para, 0.7,
                                self.qualifier(m, match.start(), match.end(), question),
                                match.start("c"))  # fmt: skip
        for match in _ROLE_ACTOR.finditer(m.text):
            who, part = m.at(match.group("p")), m.at(match.group("c"))
            if self.kb.performer_like(part.value) <= 0:
                self.emit_plays(who.value, part, m, sentence, para, 0.75, "", match.start())
        for match in _TIED_ROLE.finditer(m.text):
            tied = m.at(match.group("o") or match.group("o2"))
            show = m.at(match.group("s") or match.group("s2"))
            full = self.kb.full(tied.value)
            if (
                tied.kind != "name"
                or self.kb.performer_like(full) > 0
                or keyof(full) in self.kb.performers
                or self.hedged(m.text, match.start(), match.end())
                or question
            ):
                continue  # "play sister to Patricia Heaton on The Middle": a performer's
            self.add("appears_in", self.kb.characters.get(keyof(full), full), show.value,
                     para.line, sentence, 0.6)  # fmt: skip
        for match in _IS_ROLE.finditer(m.text):
            who, part = m.at(match.group("p")), m.at(match.group("c"))
            if (
                self.kb.performer_like(who.value) > 0
                and self.kb.performer_like(part.value) <= 0
                and keyof(self.kb.full(part.value)) not in self.kb.performers
                and not question
            ):
                self.emit_plays(who.value, part, m, sentence, para, 0.7,
                                self.qualifier(m, match.start(), match.end(), question),
                                match.start("c"))  # fmt: skip
        for match in _AKA.finditer(m.text):
            who, part = m.at(match.group("p")), m.at(match.group("c"))
            if self.kb.performer_like(who.value) > 0 >= self.kb.performer_like(part.value):
                self.emit_plays(who.value, part, m, sentence, para, 0.8, "", match.start())
