"""A book's manuscript in Markdown (``.md``, ``.markdown``): chapters and scenes of prose, the
dialogue in quotation marks, as authors of book series write them.

What maps to what (``docs/formats.md``):

- headings: the deepest level the file uses is its scenes (``## The cookhouse - night`` ->
  HEADING ``The cookhouse - night``, its place read as a screenplay heading's is); shallower ones
  are SECTIONs (a chapter's ``# Chapter Two``). A scene break (``***``, ``* * *``, ``---``,
  ``#``, ``§``) opens a scene with an empty heading: no place. A YAML front matter is skipped.
- a paragraph (lines up to a blank line) -> an ACTION with the narration, its quotations cut
  out, then each quotation as DIALOGUE under a cue for the one who says it;
- a paragraph wholly in italics or bold, or a block quote (``> ...``): a letter, a note, a
  thought set apart, heard as a quotation no one is named for;
- ``[[verb: args]]`` anywhere -> NOTE, so the annotations of DESIGN §2 work in prose;
- a first-person book names its narrator in the front matter (``narrator: Hastings``): ``I
  said`` is theirs, and a paragraph narrated in the first person (``I stepped out into the
  road``) has them there (a NOTE ``present: Hastings``, as TEI's stage directions give).

Who says a quotation is read from its paragraph, as a reader does (``_speaker``):

1. a name and a speech verb next to it: ``"Caron," Horace said.``, ``said Horace``,
   ``Horace asked, "..."``; a paragraph holds one speaker, so its other quotations are theirs,
   unless a quotation's own verb names another (``began Meg, but Jo cut in, "..."``);
2. a pronoun and a speech verb (``he said``) stands for the paragraph's subject, the name that
   opens one of its sentences before the quotation (``Ovila helped the comic out of the snow.
   "Lapointe," he said.``);
3. a paragraph that is only quotation continues a two-way exchange: the one before the last
   speaker, when the last two paragraphs were speeches by two people (a paragraph of narration,
   a heading or a quotation no one is found for ends the exchange).

Otherwise a quotation is no one's we can name: a song's title (``She sang "La Vie en rose"``), a
sign, a line from nobody named (``said the teamster``), a turn we cannot place. It is heard under
an empty cue, as a subtitle's unattributed line is: the names in it are referred to, no one is
made present by it and no one is taken to have said it.
"""

from __future__ import annotations

import os
import re

from showbible.formats.files import read_file
from showbible.formats.text import decode_text
from showbible.formats.transcript import cut_notes, note_elements
from showbible.model import NARRATOR, Element, Kind, Script, split_scenes
from showbible.quick import rx

# A sentence of one named person acting, standing between two quotations of a paragraph.
_BEAT = rx.compile(
    r"\s+((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})\s+[a-z][\w'’-]*\b[^\"“”]*?[.!]\s+"
)
_HEADING = rx.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BREAK = rx.compile(r"^\s*(?:\*\s*\*\s*\*[\s*]*|-\s*-\s*-[\s-]*|_\s*_\s*_[\s_]*|#|§|~~~+)\s*$")
_FRONT_MATTER = rx.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.DOTALL)
# A first-person book names its narrator in the front matter ("narrator: Hastings"): "I said"
# is theirs, and narration in the first person ("I stepped out into the road") has them there.
_NARRATOR = rx.compile(r"^narrator:\s*[\"']?([^\"'\n]+?)[\"']?\s*$", re.MULTILINE)
_FIRST_PERSON = rx.compile(r"(?:^|[^\w’'])I\s+[a-z]")
# A quotation: straight or curly double quotes; curly single quotes opening after a space.
_QUOTE = rx.compile(r"\"([^\"]+)\"|“([^”]+)”|(?:(?<=\s)|^)‘([^’]+(?:’\w[^’]*)*)’(?!\w)")
# A verb of saying: the common ones in any tense, and right after a quotation any verb in the
# past ("grumbled Jo", "Amy observed", "advised Jo, laughing"), as novels vary them endlessly.
_SAYS = (
    r"(?:said|says|say|asked|asks|replied|replies|answered|answers|called|calls|cried|cries|"
    r"shouted|shouts|whispered|whispers|murmured|murmurs|muttered|mutters|added|adds|"
    r"went\s+on|goes\s+on|continued|continues|told|tells|began|begins|spoke|speaks|"
    r"exclaimed|exclaims|repeated|repeats|cut\s+in|broke\s+in|put\s+in|chimed\s+in)"
)
_SAYS_AFTER = rf"(?:{_SAYS}|[a-z]{{3,}}ed(?:\s+(?:in|out|up|back|on))?)"
# Titles and the words that may stand before a name: "Mrs. March", "little Amy".
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Capt|Col|Gen|Lt|Sgt|Rev|St|Sir|Lady|Lord)\.?\s+)"
_NAME = (
    rf"(?:{_TITLE}?[A-Z][\w'’-]*(?:\s+(?:de\s+|la\s+|du\s+|van\s+|von\s+)?[A-Z][\w'’-]*){{0,2}})"
)
# ... and a character named by a capitalised noun: "said the Scarecrow", not "said the teamster".
_BEFORE_NAME = r"(?:(?:little|old|young|poor|dear|big)\s+|the\s+(?=[A-Z]))?"
_PRONOUN = r"(?:he|she|they|He|She|They|I)"
# After a quotation: ', Horace said' / ', said Horace' / ' he said'.
_AFTER = rx.compile(
    rf"\s*[,.!?…—–-]*\s*(?:(?P<n1>{_NAME}|{_PRONOUN})\s+(?:\w+ly\s+)?{_SAYS_AFTER}\b"
    rf"|{_SAYS_AFTER}\s+{_BEFORE_NAME}(?P<n2>{_NAME}|{_PRONOUN})\b)"
)
# Before a quotation: 'Horace said, ' / 'Horace asked her: ' / 'said Horace, '.
# ... or a verb of the sentence's subject: 'Horace turned to the boy and asked, '.
_BEFORE = rx.compile(
    rf"(?:(?P<n1>{_NAME}|{_PRONOUN})\s+(?:\w+ly\s+)?{_SAYS}|{_SAYS}\s+(?P<n2>{_NAME}|{_PRONOUN})"
    rf"|\b(?:and|then)\s+{_SAYS})(?:\s+(?:to\s+)?[\w'’]+){{0,4}}\s*[,:]\s*$"
)
# A name that opens a sentence of the narration: the paragraph's subject.
_SUBJECT = rx.compile(rf"(?:^|(?<=[.!?]\s))({_NAME})\s+[a-z]")
# Capitalised words that open a sentence and name no one ("Then he said", "Nobody said").
_NOT_NAME_WORDS = """The A An It This That These Those There Then When If But And Or So Now Here
Nobody Somebody Someone Everyone Everybody Anyone No One Only Even Still Just All Both Each
Neither Either What Who Why How Where I We You Mister Madame Monsieur Once Later Soon Again
Suddenly Yet After Before Presently Instead Perhaps Indeed Besides However Finally At In On
With For As From Of To By Meanwhile Thus Oh Ah Well Yes My His Her Their Our Your"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


def _name(found: str | None) -> str | None:
    """A speaker's name as written, or "" for a pronoun, or None for no one named."""
    if found is None:
        return None
    if found == NARRATOR:
        return NARRATOR  # the narrator's, when the front matter names one
    if found.lower() in ("he", "she", "they"):
        return ""
    words = found.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    if any(w in _NOT_NAMES for w in words):
        return None  # "Once I stepped out": a sentence's opening, no one's name
    if words and words[-1].endswith(("'s", "’s", "s'", "s’")):
        return None  # "Tilling's hat was on the chair": whose, not who
    return " ".join(words) or None


def _subject(narration: str) -> str | None:
    for m in _SUBJECT.finditer(narration):
        name = _name(m.group(1))
        if name:
            return name
    return None


def _attribution(text: str, quotes: list[re.Match[str]], i: int) -> str | None:
    """The name (or "" for a pronoun) that a speech verb next to quotation ``i`` gives."""
    end = quotes[i + 1].start() if i + 1 < len(quotes) else len(text)
    after = _AFTER.match(text, quotes[i].end(), end)
    if after is not None:
        return _name(after.group("n1") or after.group("n2"))
    start = quotes[i - 1].end() if i > 0 else 0
    before = _BEFORE.search(text[start : quotes[i].start()])
    if before is not None:
        found = before.group("n1") or before.group("n2")
        return "" if found is None else _name(found)  # "... and asked,": the subject
    return None


def _speaker(
    text: str,
    quotes: list[re.Match[str]],
    recent: list[str],
    narrator: str,
    narration: str,
    before: str = "",
) -> str | None:
    """Who says the paragraph's quotations (see the module's docstring), or None.
    ``narration``: the paragraph with its quotations cut out; ``before``: what the paragraph
    before leaves (``_ASKED_WHO``: it ended on a quotation asking who someone is; a name: it
    was one sentence of that person turning to someone)."""
    named = [_attribution(text, quotes, i) for i in range(len(quotes))]
    for name in named:
        if name == NARRATOR:
            if narrator:
                return narrator
        elif name:
            return name
    if "" in named:
        first = quotes[named.index("")].start()
        subject = _subject(text[:first])
        if subject is not None:
            return subject
    if not narration.strip(" \t\n,.;:!?…—–-") and len(recent) >= 2 and recent[-1] != recent[-2]:
        return recent[-2]
    # A beat between two of the paragraph's quotations, a sentence of its own on one person
    # acting: theirs ('"... to value the pictures." Hettie laid one floury finger on the
    # ticket. "No. Mrs Fennimore pawned the Salt herself."', the sixty-seventh blind look).
    for i in range(len(quotes) - 1):
        beat = _BEAT.fullmatch(text, quotes[i].end(), quotes[i + 1].start())
        if beat is not None and (name := _name(beat.group(1))):
            return name
    # The answer to "And who might you be?" opens on the answerer's name: '"Valeria
    # Sotomayor, Don Teodoro." She put out a gloved hand.' (the sixty-ninth blind look's Andes).
    if before == _ASKED_WHO:
        own = _NAMED_FIRST.match(quotes[0].group(quotes[0].lastindex or 1))
        if own is not None and (name := _name(own.group(1))):
            return name
    elif before and not narration.strip(" \t\n,.;:!?…—–-"):
        # '"Hettie turned to the girl in the red coat." / "And this must be your niece."':
        # a paragraph of one person turning to another, then words alone, are theirs
        return narrator if before == NARRATOR and narrator else before
    return None


_ASKED_WHO = "?"
# One sentence of a named person turning or going to someone: "Hettie turned to the girl in
# the red coat.", "Mara crossed to the window where Cole stood." (the sixty-seventh look's larder).
_TURNED = rx.compile(
    rf"\s*({_NAME})\s+(?:\w+ly\s+)?(?:turned|turns|wheeled|swung|spun|looked|looks|glanced|"
    r"glances|went|goes|crossed|crosses|came|comes|stepped|steps|leaned|leant|leans|bent|bends)"
    r"\s+(?:back\s+|round\s+|around\s+|over\s+|up\s+|down\s+)?(?:to|towards?|at|across\s+to|"
    r"over\s+to|up\s+to)\s+[^.!?\"“”]*[.!]\s*"
)


# A question asking who the one spoken to is, ending a quotation.
_ASKS_WHO = rx.compile(
    r"(?i)\b(?:who\s+(?:are\s+you|(?:might|may|would|could)\s+you\s+be)|what(?:'s|’s|\s+is)\s+"
    r"your\s+name|and\s+you\s+(?:are|would\s+be))\W*$"
)
# A quotation that opens on a name, then a pause: "Valeria Sotomayor, Don Teodoro."
_NAMED_FIRST = rx.compile(rf"\s*({_NAME})\s*(?:[,.;:!]|—|–|$)")


# A paragraph in italics or quoted as a block: a letter, a note, a sign or a thought set apart
# ("*A. -- Pledge it in your own name ... nobody picks it up but Giles. -- C.*", the
# sixty-seventh blind look's letter), heard as a quotation: its names are referred to, not there.
_SET_APART = rx.compile(r"(?:\*(?!\*)(?P<a>[^*]+)\*|_(?P<b>[^_]+)_|\*\*(?P<c>[^*]+)\*\*)")
_BLOCKQUOTE = rx.compile(r"^\s*>\s?", re.MULTILINE)


def _set_apart(text: str) -> str | None:
    """The words of a paragraph wholly in italics or bold, or quoted as a block, else None."""
    if text.lstrip().startswith(">"):
        return _BLOCKQUOTE.sub("", text)
    m = _SET_APART.fullmatch(text.strip())
    return None if m is None else (m.group("a") or m.group("b") or m.group("c"))


def _paragraph(
    text: str, line: int, recent: list[str], narrator: str = "", left: list[str] | None = None
) -> list[Element]:
    """The elements of one paragraph. ``recent``: the exchange's last speakers; ``left``: what
    the paragraph before leaves for this one (see ``_speaker``'s ``before``; kept up to date)."""
    left = left if left is not None else [""]
    before, left[:] = left[0], [""]
    kept, notes = cut_notes(text)
    apart = _set_apart(kept) if kept.strip() else None
    if apart is not None:
        recent.clear()
        said = " ".join(apart.split())
        heard = [Element(Kind.CHARACTER, "", line), Element(Kind.DIALOGUE, said, line)]
        return heard + note_elements(None, notes, line)
    quotes = list(_QUOTE.finditer(kept))
    out: list[Element] = []
    narration = _QUOTE.sub(" ", kept) if quotes else kept
    action = " ".join(narration.split())
    host = None
    if action.strip(" ,.;:!?…—–-"):
        host = Element(Kind.ACTION, action, line, line + text.count("\n"))
        out.append(host)
    out.extend(note_elements(host, notes, line))
    if narrator and _FIRST_PERSON.search(narration):
        out.append(Element(Kind.NOTE, f"present: {narrator}", line))  # "I stepped out"
    if not quotes:
        if host is not None:
            recent.clear()  # a paragraph of narration ends the exchange
            turned = _TURNED.fullmatch(action)
            if turned is not None and (name := _name(turned.group(1))):
                left[:] = [name]
        return out
    speaker = _speaker(kept, quotes, recent, narrator, narration, before) or ""
    if _ASKS_WHO.search(quotes[-1].group(quotes[-1].lastindex or 1)) is not None:
        left[:] = [_ASKED_WHO]
    if speaker:
        recent.append(speaker)
    else:
        recent.clear()  # whoever said it, the turns after it are not counted from it
    # Each quotation is the paragraph's speaker's unless its own verb names another: "'I'm the
    # oldest,' began Meg, but Jo cut in with a decided, 'I'm the man of the family.'"
    whose = []
    for i in range(len(quotes)):
        own = _attribution(kept, quotes, i)
        whose.append(own if own and own != NARRATOR else speaker)
    last = line + text.count("\n")
    i = 0
    while i < len(quotes):
        j = i
        while j + 1 < len(quotes) and whose[j + 1] == whose[i]:
            j += 1
        at = line + kept.count("\n", 0, quotes[i].start())
        out.append(Element(Kind.CHARACTER, whose[i], at))
        said = " ".join(" ".join(q.group(q.lastindex or 1).split()) for q in quotes[i : j + 1])
        out.append(Element(Kind.DIALOGUE, said, at, last))
        i = j + 1
    if whose[-1] and whose[-1] != speaker:
        recent.append(whose[-1])  # the exchange goes on from the last to speak
    return out


def parse_manuscript(text: str, path: str = "<string>", narrator: str = "") -> Script:
    """Parse a Markdown manuscript. Never raises: problems become ``Script.diagnostics``.
    ``narrator``: a first-person book's narrator, unless its front matter names one."""
    skipped = 0
    front = _FRONT_MATTER.match(text)
    if front is not None:
        skipped = front.group(0).count("\n")
        named = _NARRATOR.search(front.group(0))
        narrator = named.group(1).strip() if named else narrator
        text = text[front.end() :]
    # Unnamed, the narrator is "I": a bible may give the label to a character of the series
    # ("{label: I, series: [pledge]}", the sixty-seventh blind look's pawnshop niece).
    narrator = narrator or NARRATOR
    lines = text.split("\n")
    levels = [len(m.group(1)) for x in lines if (m := _HEADING.match(x))]
    scene_level = max(levels, default=0)
    elements: list[Element] = []
    recent: list[str] = []
    left = [""]  # what the paragraph before leaves for the next (``_speaker``'s ``before``)
    para: list[str] = []
    start = 0

    def flush() -> None:
        if para:
            elements.extend(_paragraph("\n".join(para), start, recent, narrator, left))
            para.clear()

    for k, raw in enumerate(lines):
        number = k + 1 + skipped
        heading = _HEADING.match(raw)
        if heading is not None or _BREAK.match(raw):
            flush()
            if heading is not None and len(heading.group(1)) < scene_level:
                level = len(heading.group(1))
                elements.append(Element(Kind.SECTION, heading.group(2), number, level=level))
            else:
                title = heading.group(2) if heading is not None else ""
                elements.append(Element(Kind.HEADING, title, number))
                recent.clear()
        elif not raw.strip():
            flush()
        else:
            if not para:
                start = number
            para.append(raw.strip())
    flush()
    story = tuple(elements)
    return Script(path=path, elements=story, scenes=split_scenes(story))


def read_manuscript(path: str | os.PathLike[str]) -> Script:
    """Read and parse a Markdown manuscript (UTF-8, BOM optional; legacy encodings guessed)."""
    name = os.fspath(path)
    data = read_file(name, noun="manuscript")
    text, diagnostics = decode_text(data, name)
    script = parse_manuscript(text, name)
    return Script(
        path=name,
        elements=script.elements,
        scenes=script.scenes,
        diagnostics=(*diagnostics, *script.diagnostics),
    )
