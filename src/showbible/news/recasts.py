"""Who plays whom when a role passes from one performer to another: "A replaces B as X", "A,
who succeeds B as X", "A inherits the role of X from B", "A takes over as X (following B's
run)". Both performers play the role (the earlier one did): a recast is two ``plays`` facts,
the one the article says goes first.

A role's successor is said with verbs of succession (replace, succeed, follow, take over, step
in, swap in, inherit, assume), which the plain patterns of ``Roles`` do not read; the
character may carry a description ("as Charles' lover (and future wife) Camilla Parker Bowles")
and the former performer a possessive ("following Helena Bonham-Carter's run").
"""

from __future__ import annotations

from showbible.news.cleaning import Paragraph
from showbible.news.entities import NAM, Marked
from showbible.news.names import keyof, norm
from showbible.news.roleforms import AUX, C_ITEM, role_named
from showbible.news.roles import Roles
from showbible.quick import rx

_SUCCEEDS = (
    r"(?:replaces|replaced|replacing|succeeds|succeeded|succeeding|follows|followed|following|"
    r"takes\s+over\s+from|took\s+over\s+from|taking\s+over\s+from|"
    r"(?:steps|stepped|stepping|swaps|swapped|swapping|subs|subbed|subbing)\s+in\s+for)"
)
# A description between "as" and the name that may hold a bracket: "as Charles' lover (and
# future wife) Camilla Parker Bowles". Never a preposition, as ``roles.DESC``: "replaced B as
# chief executive of Fiat Auto" names an office and its company, no role.
_ROLE_DESC = (
    r"(?:(?:the\s+)?(?:new\s+)?(?:(?!(?:of|at|for|with|under|from|in|on|to|by|into)\b)"
    r"[a-z][\w\-]*(?:[’']s?)?\s+|\([^()\ue002]{1,40}\)\s+){0,5}?)"
)
# Whose the role is, before its description: "Charles' lover", "the Queen's sister".
_OWNER = rf"(?:{NAM}[’']s?\s+)?"
_PATTERNS = [
    # "Olivia Williams replacing Emerald Fennell as Camilla", "A, who succeeds B as X"
    rx.compile(
        rf"(?P<p>{NAM}),?\s+(?:who\s+)?{AUX}{_SUCCEEDS}\s+(?P<o>{NAM})(?:[’']s?\s+[a-z]+)?\s+as\s+"
        rf"{_OWNER}{_ROLE_DESC}(?P<c>{C_ITEM})(?![’'])"
    ),
    # "Imelda Staunton inherits the role of The Queen from Olivia Colman"
    rx.compile(
        rf"(?P<p>{NAM})\s+{AUX}(?:inherits|inherited|inheriting|takes\s+over|took\s+over|"
        rf"taking\s+over|assumes|assumed|assuming)\s+the\s+(?:role|part)\s+of\s+(?P<c>{C_ITEM})"
        rf"\s+from\s+(?P<o>{NAM})"
    ),
    # "Lesley Manville takes over as Princess Margaret (following Helena Bonham-Carter's run)"
    rx.compile(
        rf"(?P<p>{NAM})\s+{AUX}(?:takes|took|taking)\s+over\s+as\s+{_ROLE_DESC}(?P<c>{C_ITEM})"
        rf"(?:\s*\(\s*{_SUCCEEDS}\s+(?P<o>{NAM}))?"
    ),
]

# The role passed on, said after a role the sentence has just given its performer: "plays
# Tristan Farnon, taking over from Peter Davison", "will portray Diana ..., before handing over
# the role to Elizabeth Debicki", "as James, the role made famous by Christopher Timothy", "will
# play Helen Alderson, reprising Carol Drinkwater and the late Lynda Bellingham's role". The
# other performer (``o``) plays that role too.
_LATE = r"(?:the\s+late\s+)?"
_PASSED_ON = rx.compile(
    r"(?:,\s+(?:(?:taking|took|takes)\s+over\s+(?:the\s+(?:role|part)\s+)?from|replacing|"
    r"succeeding|(?:stepping|subbing|filling)\s+in\s+for|"
    r"(?:a|the)\s+(?:[a-z]+\s+)?(?:role|part)\s+(?:(?:made\s+famous|originated|(?:first|originally|"
    r"previously|once|last)\s+played)\s+by)|"
    rf"(?:reprising|inheriting)(?=\s+{_LATE}{NAM}(?:\s+and\s+{_LATE}{NAM})?[’']s?\s+(?:role|part)\b))"
    r"|,?\s+(?:before|after|and|then)\s+(?:handing|passing|handed|passed|hands|passes)\s+(?:over\s+)?"
    r"the\s+(?:role|part|baton)\s+(?:over\s+)?to)"
    rf"\s+{_LATE}(?P<o>{NAM})(?:\s+and\s+{_LATE}(?P<o2>{NAM}))?"
)


class Recasts(Roles):
    """``plays`` facts for a role passing between performers (see the module's docstring)."""

    def recasts(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        for pattern in _PATTERNS:
            for match in pattern.finditer(m.text):
                q = self.qualifier(m, match.start(), match.end(), question)
                character = role_named(m, match.group("c"))
                at = match.start("c")
                self.emit_plays(m.at(match.group("p")).value, character, m, sentence, para,
                                0.8, q, at)  # fmt: skip
                if match.group("o"):
                    self.emit_plays(m.at(match.group("o")).value, character, m, sentence, para,
                                    0.75, q, at)  # fmt: skip
        self.passed_on(m, sentence, para, question)

    def passed_on(self, m: Marked, sentence: str, para: Paragraph, question: bool) -> None:
        """The other performer of a role the sentence has already given one (``_PASSED_ON``):
        the last role before the phrase that a ``plays`` fact of this sentence names."""
        said = norm(sentence)
        played: dict[str, str] | None = None  # the roles this sentence gave, asked once
        for match in _PASSED_ON.finditer(m.text):
            if played is None:
                played = {
                    keyof(f.object): f.subject
                    for f in self.facts
                    if f.kind == "plays" and f.sentence == said and f.line == para.line
                }
            roles = [
                x
                for x in m.mentions
                if x.kind == "name"
                and 0 <= m.text.find(x.token) < match.start()
                and keyof(self.kb.full(x.value)) in played
            ]
            if not roles:
                continue
            role = roles[-1]
            q = self.qualifier(m, match.start(), match.end(), question)
            for group in ("o", "o2"):
                if match.group(group) is None:
                    continue
                other = m.at(match.group(group)).value
                if keyof(self.kb.full(other)) == keyof(played[keyof(self.kb.full(role.value))]):
                    continue
                self.emit_plays(other, role, m, sentence, para, 0.75, q, placed=True)
