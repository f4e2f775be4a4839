"""Showrunners, read from marked sentences: "SER showrunner NAM", "NAM, the showrunner of SER",
"tapped NAM to serve as its showrunner", "NAM stepped down as showrunner" (a fact of the past:
``ended``), "NAM replaced NAM as showrunner", and the ones who follow a named showrunner in the
next sentences ("He was replaced by NAM"). A showrunner needs a show named nearby: in the
sentence, the paragraph, its heading, or the article's headline.
"""

from __future__ import annotations

import re

from showbible.news.cleaning import Paragraph
from showbible.news.entities import NAM, SER, Marked
from showbible.news.extractor import Extractor
from showbible.news.names import keyof
from showbible.news.roleforms import AUX, DESC, list_of
from showbible.quick import rx

RUNNER = r"(?:[Cc]o-?)?[Ss]how[\s-]?runners?"
# ", who wrote and produced on X," between a name and its verb
_WHO = r"(?:,\s+who\s+[^.;,]{1,160}?,?|\s+[–—]\s+who\s+[^.;–—]{1,120}?\s+[–—])?"
# "of X", "for the new X show"
# (also "for Amazon's thriller series 'Tom Clancy's Jack Ryan'": an owner and a genre first)
_OF = (
    rf"(?:\s+(?:of|on|for)\s+(?:the\s+)?(?:new\s+)?(?:[A-Z][\w+]*[’']s\s+)?"
    rf"(?:(?!(?:of|from|in|on|at|by|with|for|to)\b)[a-z][\w\-]*\s+){{0,3}}?[‘'“\"]?"
    rf"(?P<s2>{list_of(SER)}))?"
)
# Other jobs listed before "showrunner": "the writer, showrunner and", "executive producer and"
_JOBS = (
    r"(?:(?:head\s+)?(?:writer|creator|co-creator|director|(?:executive\s+)?producer)\s*"
    r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*/\s*)){0,3}"
)
_LEFT = (
    r"(?:stepped down|stepping down|steps down|step down|is leaving|was leaving|leaving|left|"
    r"leaves|is exiting|exited|exits|exiting|departed|departs|departing|was fired|was ousted|"
    r"was replaced|has been replaced|parted ways|bowed out|quit|quits)"
)
# Jane Doe has been tapped to take over Dexter; was hired to run / helm X: running the show
_HELM = rx.compile(
    rf"(?P<p>{NAM}){_WHO},?\s+{AUX}(?:tapped|hired|named|chosen|brought\s+in|enlisted)\s+to\s+"
    rf"(?:take\s+over|run|helm|steer)\s+(?P<s2>{SER})(?!\s*[’']s)"
)
_SHOWRUNNER: list[tuple[re.Pattern[str], float, str]] = [
    # (SERIES) (co-)showrunner(s) (of SERIES) Jane Doe (and John Roe)
    (rx.compile(rf"(?:(?P<s>{list_of(SER)})(?:[’'‘]s?)?\s+)?(?:creator/|executive producer/|"
                rf"(?:original\s+)?(?:creator|executive producer) and )?"
                rf"{RUNNER}(?:\s+(?:of|on|for)\s+(?P<s2>{SER}))?(?:\s*(?:&|and|/)\s*(?:director|"
                rf"writer|executive producer|creator|producer))?,?\s+(?P<p>{list_of(NAM)})"),
     0.85, ""),
    # Jane Doe, the (SERIES) showrunner (of SERIES); Jane Doe became the showrunner for season 3
    (rx.compile(rf"(?P<p>{NAM}),?\s+(?:who\s+)?{AUX}(?:became\s+|becomes\s+|become\s+|"
                rf"remains\s+)?(?:the\s+|its\s+|"
                rf"their\s+|a\s+|an\s+)?(?:new(?:est)?\s+|original\s+|current\s+|former\s+|"
                rf"sole\s+|lone\s+)?"
                rf"(?:(?P<s>{SER})(?:[’'‘]s)?\s+)?{RUNNER}(?:\s+(?:of|on|for)\s+"
                rf"(?P<s2>{SER}))?"), 0.85, ""),
    # Jane Doe will serve as / has been named / took on the role of (new) showrunner (of X)
    # (also "Dan Lagana (American Vandal) will serve as the writer, showrunner and executive
    # producer of the series", "Favreau, who also serves as executive producer and showrunner")
    (rx.compile(rf"(?P<p>{list_of(NAM)})(?:\s*\([^()]{{1,60}}\))?{_WHO},?\s+(?:who\s+)?{AUX}(?:serves?|served|serving|acts?|acted|"
                rf"remains|stays|takes? over|took over|taking over|comes aboard|came aboard|"
                rf"signed on|signs on|joins|joined|chosen|named|tapped|hired|appointed|brought "
                rf"on|taken on the role of|takes? on the role of|took on the role of|stepped in|"
                rf"steps in|been chosen|been named|been tapped|returns|returning|returned|"
                rf"return|comes back|coming back|came back|steps? into|stepped into|stepping into|"
                rf"(?:been\s+)?(?:promoted|elevated|"
                rf"upped)(?:\s+from(?:\s+[\w\-]+){{1,4}}?)?\s+to)\s+(?:on\s+)?(?:as\s+)?(?:the\s+|"
                rf"its\s+|their\s+|a\s+)?(?:new(?:est)?\s+|sole\s+|lone\s+)?{_JOBS}{RUNNER}"
                rf"(?:,?\s+and\s+(?:executive\s+)?producer)?{_OF}"),
     0.85, ""),
    # Jane Doe will return to Greyharbor to serve as showrunner; is making a return to X as
    (rx.compile(rf"(?P<p>{NAM})\s+{AUX}(?:return|returns|returning|come back|comes back|making "
                rf"a return|make a return)\s+to\s+(?:[\w-]+\s+){{0,4}}?(?P<s2>{SER})\s+(?:to\s+"
                rf"(?:serve|act)\s+)?as\s+(?:its\s+|the\s+)?{RUNNER}"), 0.85, ""),
    # Jane Doe, the show's showrunner from season four through eight
    # (also "Mike Judge, the original series’ co-creator and co-showrunner")
    (rx.compile(rf"(?P<p>{NAM}),\s+(?:the|its)\s+(?:original\s+|new\s+)?(?P<the>show|series)"
                rf"(?:[’']s|s?[’'])\s+(?:new\s+|former\s+|original\s+)?"
                rf"(?:[a-z][\w\-]*\s+and\s+)?{RUNNER}\b"), 0.8, ""),
    # The new showrunner for the series is Jane Doe; Its showrunner will be Jane Doe
    (rx.compile(rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:new\s+)?{RUNNER}\s+(?:(?:for|of|on)\s+"
                rf"(?:(?:the|this)\s+(?P<the>series|show)|(?P<s2>{SER}))\s+)?(?:is|will be|was)\s+"
                rf"(?P<p>{NAM})"), 0.8, ""),
    # tapped Jane Doe to serve as its showrunner; having Jane Doe as the showrunner
    (rx.compile(rf"\b(?:tapped|hired|named|chose|picked|brought in|enlisted|having|appointed)\s+"
                rf"(?P<p>{NAM})\s+(?:to\s+serve\s+)?as\s+(?:its|the|their)\s+(?:new\s+)?"
                rf"{RUNNER}(?:\s+(?:of|on|for)\s+(?P<s2>{SER}))?"), 0.85, ""),
    # showrunner alongside / with Dana Ko (the second of two)
    (rx.compile(rf"\b{RUNNER}\s+(?:\w+\s+)?(?:alongside|with|together with)\s+(?P<p>{NAM})"),
     0.75, ""),
    # "during Steven Moffat's tenure as showrunner": whose time as showrunner it was
    (rx.compile(rf"(?P<p>{NAM})[’']s\s+(?:\w+\s+)?(?:tenure|time|stint|run|era|reign|years)\s+as\s+"
                rf"(?:the\s+|its\s+)?(?:show[’']s\s+)?{RUNNER}{_OF}"), 0.8, ""),
    # Jane Doe's showrunning duties on X
    (rx.compile(rf"(?P<p>{NAM})[’']s\s+showrunning\s+(?:duties\s+|job\s+|stint\s+)?(?:on|for|"
                rf"of|at)\s+(?P<s2>{SER})"), 0.8, ""),
    # X, who runs Y / X runs Y / X previously ran Y; X is showrunning Y
    (rx.compile(rf"(?P<p>{NAM}),?\s+(?:who\s+)?(?:\w+ly\s+|also\s+)?(?:runs|ran|will run|"
                rf"is running|has run|is showrunning|showrunning|showran)\s+(?P<s2>{SER})"),
     0.6, ""),
    # Jane Doe stepped down / is leaving the show as showrunner (of SERIES)
    # (also "stepped down from the role of co-showrunner")
    (rx.compile(rf"(?P<p>{NAM}){_WHO},?\s+(?:\w+\s+){{0,3}}?{_LEFT}\s+(?:(?:(?:from\s+)?the\s+(?:show|"
                rf"series)\s+|from\s+(?:his|her|their)\s+(?:post|role|job)\s+)?as|from\s+(?:his\s+|"
                rf"her\s+|their\s+|the\s+)(?:post|role|job|position)\s+of)\s+(?:the\s+|its\s+)?"
                rf"(?:show[’']s\s+)?{RUNNER}(?:\s+(?:of|on|for)\s+(?P<s2>{SER}))?"), 0.85, "ended"),
    # ... stepped down, leaving Jane Doe as the sole showrunner; with Jane Doe as its showrunner
    (rx.compile(rf"\b(?:leaving|leaves|left|making|makes|made|with)\s+(?:(?:TV|[a-z][\w\-]*)\s+){{0,3}}?"
                rf"(?P<p>{list_of(NAM)})\s+as\s+"
                rf"(?:the\s+|its\s+|their\s+)?(?:sole\s+|new\s+|lone\s+|only\s+)?{RUNNER}"
                rf"(?:\s+(?:of|on|for)\s+(?P<s2>{SER}))?"), 0.8, ""),
    # X has found a new showrunner (and executive producer) in Jane Doe
    (rx.compile(rf"\b(?:found|finds|hired|hires|named|names|tapped|taps|picked|picks)\s+(?:a|its|"
                rf"their)\s+new\s+{RUNNER}(?:\s+and(?:\s+[a-z\-]+){{1,3}}?)?,?\s+(?:in\s+)?"
                rf"(?P<p>{NAM})"), 0.8, ""),
    # A and B are taking on the title of showrunners while C and D step aside: C and D's time
    # as the show's showrunners ended
    (rx.compile(rf"\b{RUNNER}\b[^.;]{{0,80}}?\b(?:while|as|with)\s+(?:original\s+|former\s+)?"
                rf"(?:{RUNNER}\s+)?(?P<p>{list_of(NAM)})\s+{AUX}(?:step|steps|stepped|stepping)\s+"
                rf"(?:aside|down)\b"), 0.75, "ended"),
    (_HELM, 0.75, ""),
    # "Mirk and Padnick guide the series as showrunners", "Doe stays on as co-showrunner": any
    # verb but one of leaving (read above: those end a showrunner's time)
    (rx.compile(rf"(?P<p>{list_of(NAM)}){_WHO},?\s+(?!(?:\w+\s+){{0,3}}?{_LEFT}\b)"
                rf"(?<![’']s\s)(?:[a-z][\w\-]*\s+){{1,4}}?as\s+(?:the\s+|its\s+|their\s+)?(?:new\s+)?{RUNNER}"
                rf"{_OF}"), 0.75, ""),
    # X now has a second showrunner: Jane Doe
    (rx.compile(rf"\b{RUNNER}\s*:\s*(?P<p>{list_of(NAM)})"), 0.8, ""),
    # Taking on the showrunner role is Jane Doe; Stepping in as showrunner will be Jane Doe
    (rx.compile(rf"\b(?:[Tt]aking\s+(?:on|over)|[Ss]tepping\s+(?:into|in\s+as)|[Tt]aking\s+over\s+as)"
                rf"\s+(?:the\s+)?(?:new\s+)?{RUNNER}(?:\s+(?:role|job|post|duties|reins))?\s+(?:is|will\s+be|"
                rf"was)\s+(?P<p>{NAM})"), 0.85, ""),
    # Jane Doe was a creator, writer, director, and showrunner of the TNT series X
    (rx.compile(rf"(?P<p>{NAM}),?\s+(?:who\s+)?(?:is|was|has\s+been|had\s+been)\s+(?:also\s+)?(?:the\s+|a\s+|"
                rf"an\s+)?(?:[a-z\-]+,\s+){{1,5}}(?:and\s+)?{RUNNER}\s+(?:of|on|for)\s+(?:the\s+)?"
                rf"(?:[A-Z][\w+]*\s+)?(?:series\s+|show\s+|drama\s+|comedy\s+)?[‘'“\"]?"
                rf"(?P<s2>{SER})"), 0.8, ""),
    # Jane Doe (... but) has taken on showrunner duties at X; A, B and C are taking on the
    # title of showrunners
    (rx.compile(rf"(?P<p>{list_of(NAM)})(?:[^.;\ue002]{{0,120}}?\b(?:but|and)\s+)?,?\s*{AUX}"
                rf"(?:taken|took|takes|taking|take|assumed|assumes|assuming|inherited|inherits)\s+"
                rf"(?:on\s+)?(?:the\s+)?(?:(?:title|role|job|duties|position)s?\s+of\s+)?{RUNNER}"
                rf"(?:\s+(?:duties|role|job|reins|title))?(?:\s+(?:at|on|of|for)\s+(?:\S+[’']s\s+)?"
                rf"[‘'“\"]?(?P<s2>{SER}))?"), 0.8, ""),
    # he / she is the co-showrunner on the Starz series adaptation of X
    (rx.compile(rf"\b(?P<pron>[Hh]e|[Ss]he|[Tt]hey)\s+(?:is|was|will be|has been)\s+(?:also\s+)?"
                rf"(?:the\s+|a\s+)?{RUNNER}\s+(?:on|of|for)\s+(?:[^.;\ue000]{{0,50}}?\s)?"
                rf"(?P<s2>{SER})"), 0.75, ""),
]  # fmt: skip
# Jane Doe replaced John Roe as showrunner (of SERIES): Roe's time ended
_REPLACED = rx.compile(
    rf"(?P<p>{NAM})\s+(?:has\s+|had\s+|will\s+)?(?:replaced|replaces|replace|succeeded|succeeds)"
    rf"\s+(?P<old>{NAM})\s+as\s+(?:the\s+)?(?:new\s+)?{RUNNER}(?:\s+(?:of|on|for)\s+(?P<s2>{SER}))?"
)
_SUCCEEDS = rx.compile(
    rf"(?P<p>{NAM}|\b(?:[Hh]e|[Ss]he|[Tt]hey)\b)\s+(?:will\s+|is\s+set\s+to\s+)?"
    rf"(?:succeed|succeeds|replace|replaces|take over "
    rf"from|takes over from)\s+(?P<old>{NAM})"
)
# After a showrunner is named, the ones who follow them ("He was replaced by Jane Doe").
_SUCCESSOR = [
    rx.compile(
        rf"\b(?:(?:replaced|succeeded|supplanted)\s+by(?:\s+the\s+(?:team|duo|pair)\s+of)?|"
        rf"passed\s+(?:on\s+)?(?:his|her|their)\s+"
        rf"duties\s+to|leaving\s+the\s+job\s+to|handing\s+(?:the\s+reins|the\s+job|"
        rf"(?:his|her|their)\s+duties)\s+to|handed\s+(?:the\s+reins|the\s+job|(?:his|her|"
        rf"their)\s+duties)\s+to)\s+(?:{DESC})?(?P<p>{list_of(NAM)})"
    ),
    rx.compile(
        rf"(?P<p>{NAM})(?:,\s+[^,;.\ue002]{{1,60}}?,?)?\s+(?:will\s+be\s+|is\s+)?(?:took over|"
        rf"takes over|taking over|"
        rf"will take over|has taken over|replaced|replaces|succeeded|succeeds|stepped in|"
        rf"steps in|was brought back|came back)\b"
    ),
]
_NEW_RUNNER = rx.compile(rf"\b(?:a|its|their)\s+new\s+{RUNNER}\b", re.IGNORECASE)
_THE_SHOW_START = rx.compile(
    r"^\W*(?:The|This|That|Its)\s+(?:[a-z][\w\-]*\s+){0,2}(?:series|show)\b"
)
_SERIES_LIST_RUNNERS = rx.compile(rf"(?P<s>{SER})[’'‘]s\s+(?P<p>{NAM})")
_LEFT_ANY = rx.compile(rf"(?P<p>{NAM}){_WHO},?\s+(?:\w+\s+){{0,2}}?{_LEFT}\b")


class Showrunners(Extractor):
    """showrunner facts."""

    runner_context: tuple[int, str] | None = None  # (paragraph line, series) of the last one

    def showrunners(
        self, m: Marked, sentence: str, para: Paragraph, offset: int, question: bool
    ) -> None:
        text = m.text
        runner = re.search(rf"{RUNNER}|showrunning", text, re.IGNORECASE) is not None
        context = self.runner_context if self.runner_context and (
            self.runner_context[0] == para.line
        ) else None  # fmt: skip
        for match in _SUCCEEDS.finditer(text):
            # "Davies will succeed Chris Chibnall": a showrunner named before takes over; "He
            # takes over from Jeff Melvoi": the one named in this paragraph
            old = m.at(match.group("old")).value
            if self.pronoun(match.group("p")):
                shows = [context[1]] if context else []
            else:
                shows = self.shows_run_by(m.at(match.group("p")).value)
            for series in shows:
                if not self.hedged(text, match.start(), match.end()) and not question:
                    self.emit_runner(old, series, 0.7, "ended", set(), sentence, para)
        helm = _HELM.search(text) is not None
        if not (runner or helm or context) and " ran " not in text and "running" not in text:
            return
        if _NEW_RUNNER.search(text) and not any(x.kind == "name" for x in m.mentions):
            # "X will have a new showrunner for this season." then "Jane Doe will be taking over"
            shows, _ = self.runner_series(sentence, para, offset)
            if shows:
                self.runner_context = (para.line, shows[0])
        # "X, who directed the pilot (as well as ...), is stepping down": an aside in brackets
        # without a name is blanked (same length), so a name and its verb meet across it.
        text = re.sub(r"\([^()\ue002]*\)", lambda x: " " * len(x.group()), text)
        # "Michael Gans and Richard Register (Make It or Break It, Celebrity Deathmatch) will
        # serve as showrunners": a person's credits in brackets, names or not
        text = re.sub(r"(?<=\ue003)(\s*)\([^()]*\)", lambda x: " " * len(x.group()), text)
        left = {keyof(self.kb.full(m.at(x.group("p")).value)) for x in _LEFT_ANY.finditer(text)}
        emitted = False
        for pattern, confidence, qual in _SHOWRUNNER if runner or helm or " ran " in text else []:
            for match in pattern.finditer(text):
                groups = match.groupdict()
                if groups.get("pron"):
                    who = self.last_subject_before(para, sentence) or self.last_named(
                        para, sentence
                    )
                    people = [who] if who else []
                else:
                    people = [x.value for x in m.all(groups["p"]) if x.kind == "name"]
                named = [x.value for g in ("s", "s2") for x in m.all(groups.get(g))]
                main = self.main_series()
                if not named and groups.get("the") and main:
                    named = [main]  # "the series", "the show's": the article's show
                shows, factor = (named, 1.0) if named else self.runner_series(
                    sentence, para, offset, match.start()
                )  # fmt: skip
                q = "hedged" if self.qualifier(m, match.start(), match.end(), question) else qual
                if not shows and people:
                    # "Fuller is leaving the show as showrunner": the show he was said to run.
                    shows, factor = self.shows_run_by(people[0]), 0.85
                for person in people:
                    for series in shows:
                        emitted |= self.emit_runner(person, series, factor * confidence, q,
                                                    left, sentence, para)  # fmt: skip
        for match in _REPLACED.finditer(text) if runner else []:
            s2 = match.group("s2")
            series, factor = (
                (m.at(s2).value, 1.0) if s2 else self.series_for(sentence, para, offset)
            )
            if not series:
                continue
            old = m.at(match.group("old")).value
            left.add(keyof(self.kb.full(old)))
            self.facts = [
                f for f in self.facts
                if not (f.kind == "showrunner" and f.sentence == " ".join(sentence.split())
                        and keyof(f.subject) == keyof(self.kb.full(old)))
            ]  # fmt: skip
            emitted |= self.emit_runner(m.at(match.group("p")).value, series, 0.85 * factor, "",
                                        left, sentence, para)  # fmt: skip
            self.emit_runner(old, series, 0.85 * factor, "ended", left, sentence, para)
        if runner:
            for match in _SERIES_LIST_RUNNERS.finditer(text, _runner_end(text)):
                series = m.at(match.group("s")).value
                person = m.at(match.group("p")).value
                q = "ended" if keyof(self.kb.full(person)) in left else ""
                emitted |= self.emit_runner(person, series, 0.8, q, left, sentence, para)
        if self.runner_context and self.runner_context[0] == para.line:
            context = self.runner_context  # a showrunner named earlier in this sentence counts
        if runner or context:
            for pattern in _SUCCESSOR:
                for match in pattern.finditer(text):
                    if self.hedged(text, match.start(), match.end()) or question:
                        continue
                    found = (
                        [context[1]] if context else self.runner_series(sentence, para, offset)[0]
                    )
                    if not found:
                        continue
                    series = found[0]
                    for x in m.all(match.group("p")):
                        full = keyof(self.kb.full(x.value))
                        if full in self.kb.performers or self.kb.performer_like(x.value) >= 2:
                            continue  # "The Hunger Games star Liam Hemsworth replaces him"
                        if x.kind == "name":
                            emitted |= self.emit_runner(x.value, series, 0.7, "", left,
                                                        sentence, para)  # fmt: skip

    def runner_series(
        self, sentence: str, para: Paragraph, offset: int, at: int | None = None
    ) -> tuple[list[str], float]:
        """The show a showrunner sentence without one is about: the paragraph's, or the
        article's when the sentence says "the show" ("The show is led by ...")."""
        series, factor = self.series_for(
            sentence, para, offset, _plain_at(self.kb.mark(sentence), at)
        )
        title = self.article.paragraphs[0] if self.article.paragraphs else None
        headline = title is not None and title.title and series in self.series_in(title.text)
        if factor <= 0.7 and not (_THE_SHOW_START.match(sentence) or headline):
            before = self.previous_show(para)
            if before:  # the show the paragraph before was about
                return [before], 0.75
            return [], 0.0  # the article's main show is too far a guess, unless it heads it
        return ([series] if series else []), factor

    def shows_run_by(self, person: str) -> list[str]:
        full = keyof(self.kb.full(self.person(person) or person))
        known = [
            f.object for f in self.facts if f.kind == "showrunner" and keyof(f.subject) == full
        ]
        return known[-1:]

    def emit_runner(
        self, person: str, series: str, confidence: float, qualifier: str, left: set[str],
        sentence: str, para: Paragraph,
    ) -> bool:  # fmt: skip
        name = self.person(person)
        if not name or not series or _EVENT.search(series):
            return False  # "Prime Video's New York Comic Con panel": an event runs no show
        full = self.kb.full(name)
        if len(full.split()) < 2 or self.kb.is_series(full):
            return False
        if qualifier != "hedged" and keyof(full) in left:
            qualifier = "ended"
        self.add("showrunner", full, series, para.line, sentence, confidence, qualifier)
        if qualifier != "hedged":
            self.runner_context = (para.line, series)
        return True

    # -- appears_in ------------------------------------------------------------------------


# What holds a panel or an award, never a show's staff
_EVENT = rx.compile(
    r"\b(?:Comic[- ]?Con|Con|Festival|Fest|Awards?|Expo|Summit|Upfronts?|Gala|Panel|Convention|"
    r"Emmys|Globes|Oscars)$"
)


def _runner_end(text: str) -> int:
    found = re.search(RUNNER, text, re.IGNORECASE)
    return found.end() if found is not None else len(text)


def _plain_at(m: Marked, at: int | None) -> int | None:
    """A position in a marked sentence as a position in the sentence itself."""
    if at is None:
        return None
    plain = m.text[:at]
    for x in m.mentions:
        plain = plain.replace(x.token, x.text)
    return len(plain)
