"""Characters named by their tie to another character: "his son, Sean (Mika Amonsen)", "Kimmy
Gibler's estranged husband, Fernando", "Jessica's cousin Angela", "Bobby Donnell (A) loves his
very pregnant wife, Lindsay Dole (B)". A family member, a partner, a colleague of a character is
in that character's story: in the show the article places the owner in, when it places them in
exactly one. Read once every other relation is known (the owner's show is one of them);
proposed below the facts a sentence states.

Not read: the owner a performer ("Stamos' other on-screen son": the role's show is not said),
an owner the article places in no show or in several (a crossover's people), and a tie that is
hedged ("could be her long-lost sister, Ada").
"""

from __future__ import annotations

import re

from showbible.news.cleaning import sentences
from showbible.news.entities import NAM, Marked
from showbible.news.extractor import Extractor
from showbible.news.names import TIE as _TIE
from showbible.news.names import keyof
from showbible.quick import rx
from showbible.reading.lexicon.given import is_given_name

CONFIDENCE = 0.45

# "Kimmy Gibler's estranged husband, Fernando", "his son, Sean", "Jessica's cousin Angela"; not
# "a friend" (no owner) and not a list's next name ("his wife and Ada": "and" is no tie)
_TIED = rx.compile(
    rf"(?:(?P<o>{NAM})[’']s?|\b(?P<pro>[Hh]is|[Hh]er|[Tt]heir))\s+"
    rf"(?:[a-z][\w\-]*\s+){{0,3}}?(?P<t>{_TIE})\s*,?\s+(?P<c>{NAM})"
)

# A sentence that talks of a role: a tie in it may be the role's.
_ROLE_TALK = rx.compile(
    r"\b(?:characters?|roles?|on-?screen|plays|playing|played|portrays?|portrayed|portraying|"
    r"stars?\s+as|starring\s+as|returns?\s+as|in\s+the\s+(?:show|series|film|drama|soap))\b"
)


class Relatives(Extractor):
    """appears_in facts for characters named by their tie to a placed character."""

    def relatives(self) -> None:
        shows: dict[str, set[str]] = {}
        for f in self.facts:
            if f.kind == "appears_in" and f.qualifier != "hedged":
                shows.setdefault(keyof(f.subject), set()).add(f.object)
        placed = {(k, keyof(o)) for k, objs in shows.items() for o in objs}
        for para in self.article.paragraphs:
            if para.title:
                continue
            for _offset, sentence in sentences(self.kb.speechless(para.text)):
                marked = self.kb.mark(sentence)
                for match in _TIED.finditer(marked.text):
                    owner = self._owner(marked, match, shows)
                    if owner is None:
                        self._owner_of(marked, match, shows, placed, para.line, sentence)
                        continue
                    where = shows.get(keyof(owner), set())
                    if len(where) != 1:
                        continue  # in no show the article says, or in several
                    who = self.character_of(marked.at(match.group("c")).value)
                    if who is None or self.hedged_about(marked.text, match.start(), match.end()):
                        continue
                    show = next(iter(where))
                    named = set(self.topical_series(self.kb.speechless(para.text)))
                    if named and show not in named:
                        continue  # a spin-off's paragraph: the owner's other show is not it
                    if (keyof(who[0]), keyof(show)) in placed or keyof(who[0]) == keyof(owner):
                        continue
                    placed.add((keyof(who[0]), keyof(show)))
                    self.add("appears_in", who[0], show, para.line, sentence, CONFIDENCE)

    def _owner_of(
        self,
        marked: Marked,
        match: re.Match[str],
        shows: dict[str, set[str]],
        placed: set[tuple[str, str]],
        line: int,
        sentence: str,
    ) -> None:
        """The other way: a character the article places in one show, named by a tie to
        someone it names nowhere else ("Mollie Gallagher, who plays Roy Cropper's niece Nina"):
        that someone is in Nina's story, and so in her show. Not a performer ("Stamos' son")."""
        if not match.group("o"):
            return
        x = marked.at(match.group("o"))
        if x.kind != "name":
            return
        owner = self.kb.full(x.value)
        k = keyof(owner)
        if " " not in owner or k in self.kb.performers or k in self.kb.roles or k in shows:
            return
        who = self.character_of(marked.at(match.group("c")).value)
        if who is None or self.hedged_about(marked.text, match.start(), match.end()):
            return
        where = shows.get(keyof(who[0]), set())
        if len(where) != 1:
            return
        show = next(iter(where))
        if (k, keyof(show)) not in placed:
            placed.add((k, keyof(show)))
            self.kb.characters.setdefault(k, owner)  # a character now, by the tie
            self.add("appears_in", owner, show, line, sentence, CONFIDENCE)

    def _owner(
        self, marked: Marked, match: re.Match[str], shows: dict[str, set[str]]
    ) -> str | None:
        """The character the tie is of: the name before "'s", or the one "his"/"her" stands
        for (the last name before it in the sentence, when it is a character's, one the
        article has placed in a show already, or a performer's with a role: "Martin and Ruby
        discussed going away after the return of his ex-wife Stacey Slater")."""
        if match.group("o"):
            x = marked.at(match.group("o"))
            if x.kind != "name":
                return None
            k = keyof(self.kb.full(x.value))
            return self.kb.characters.get(k) if k in self.kb.characters else None
        before = [x for x in marked.all(marked.text[: match.start()]) if x.kind == "name"]
        if before:
            full = self.kb.full(before[-1].value)
            k = keyof(full)
            if k in self.kb.characters:
                return self.kb.characters[k]
            if k in shows and k not in self.kb.performers and is_given_name(full.split()[0]):
                return full  # placed by a frame ("watching Martin Fowler and Ruby Allen ...")
            if k in self.kb.roles and _ROLE_TALK.search(marked.text):
                # "Wahlberg plays Danny, and his son ...": his role's; a performer's partner
                # or child in a sentence about no role is their own ("Garner sat next to her
                # spouse, Mark Foster")
                return self.kb.full(self.kb.roles[k])
        return None  # "The actor ... alongside his wife, A": a performer's, or no one's
