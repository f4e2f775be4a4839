"""From an article file as crawled to paragraphs and sentences.

Bytes are checked first (an empty file, a PDF, binary data or a text far longer than any article
are refused with a message that says what to do). An HTML page is read for its text, each
paragraph keeping the line it starts on in the page, and its italics (the press's way of naming
a show) kept as quoted titles. Then boilerplate lines ("Related:", "More:", affiliate notices,
subscription promos), leftover tags and runs of corrupted bytes are dropped. Everything after a
"Source:" footer or "More in ..." is the site's, not the article's.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from showbible.formats.text import decode_text
from showbible.model import InputError
from showbible.news.names import words
from showbible.quick import rx

# A page with its markup may be large; its text, or a text file, is never this long (the longest
# features run to 50,000 characters): a dump, a book or a log, and slow to read (~60 µs a
# character).
MAX_BYTES = 5_000_000
MAX_CHARS = 200_000


def check_size(size: int, file: str) -> None:
    if size > MAX_BYTES:
        raise InputError(
            f"{size / 1e6:.1f} MB is not a news article (the limit is {MAX_BYTES / 1e6:.0f} MB): "
            "pass the article's own text",
            file=file,
        )


def check_length(chars: int, file: str) -> None:
    if chars > MAX_CHARS:
        raise InputError(
            f"{chars:,} characters of text is not a news article (the limit is {MAX_CHARS:,}): "
            "pass the article's own text",
            file=file,
        )


def article_text(data: bytes, file: str) -> list[tuple[int, str]]:
    """The numbered lines of an article's text, or :class:`InputError` saying why there are none."""
    check_size(len(data), file)
    if data.startswith(b"%PDF-"):
        raise InputError(
            "a PDF, not article text: save the article as text (for example "
            "`pdftotext ARTICLE.pdf ARTICLE.txt`) and read that",
            file=file,
        )
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise InputError("binary data, not article text", file=file)
    text, _diagnostics = decode_text(data, file)
    if not text.strip():
        raise InputError("empty article: nothing to read", file=file)
    if _HTML_START.match(text) or len(_TAG.findall(text[:20000])) > 20:
        lines = html_lines(text)
        if not any(t.strip() for _, t in lines):
            raise InputError("an HTML page with no article text in it", file=file)
        check_length(sum(len(t) for _, t in lines), file)
        return lines
    check_length(len(text), file)
    return list(enumerate(text.split("\n"), 1))


_HTML_START = rx.compile(r"\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)
_BLOCKS = frozenset(
    words(
        """
    p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article blockquote figcaption
    header footer title dd dt pre hr
    """
    )
)
_SKIPPED = frozenset(
    words(
        """
    script style noscript nav aside form svg button select template
    """
    )
)
_ITALIC = frozenset({"i", "em", "cite"})


class _PageText(HTMLParser):
    """The text of a page, paragraph by paragraph, with the page line each one starts on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self.parts: list[str] = []
        self.start = 0
        self.skipping = 0
        self.italic = 0
        self.italic_text: list[str] = []

    def flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text:
            self.lines.append((self.start, text))
        self.parts = []
        self.start = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.flush()
        elif tag in _ITALIC and not self.skipping:
            self.italic += 1
            self.italic_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.flush()
        elif tag in _ITALIC and self.italic:
            self.italic -= 1
            words = "".join(self.italic_text).strip()
            # A short italic run is a title ("<i>The Flash</i>"): quoted, it is read as one.
            if words and len(words.split()) <= 8 and words[:1].isupper():
                self.parts.append(f"“{words}”")
            else:
                self.parts.append(words)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.italic:
            self.italic_text.append(data)
            return
        if data.strip() and not self.start:
            self.start = self.getpos()[0]
        self.parts.append(data)


def html_lines(text: str) -> list[tuple[int, str]]:
    parser = _PageText()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.lines


_BOILERPLATE_START = rx.compile(
    r"^\s*(?:related|more|more in|read more|see also|also read|read next|watch|advertisement|"
    r"sponsored|recommended|trending|popular|up next|next|previously|episode recaps|"
    r"sign up|subscribe|newsletter|share this|follow us|tags?|filed under|photo|image|credit|"
    r"getty images)\b\s*[:|•\-–—]",
    re.IGNORECASE,
)
_BOILERPLATE_ANY = rx.compile(
    r"we may earn|earn (?:a )?commission|independently selected|affiliate|"
    r"\bsubscribe\b|on stands|buy it here|newsletter|cookie|privacy policy|all rights reserved|"
    r"terms of (?:use|service)|click here|sign up for|photo credit|\bposted in:|\btagged:",
    re.IGNORECASE,
)
# A picture's caption after its label, and how long it is before it says more than a credit.
_CAPTION = rx.compile(r"^\s*(?:photo|image|pictured|caption)\s*[:|•\-–—]\s*(?P<text>\S.*)$", re.I)
_CAPTION_WORDS = 6
# A paragraph this long is the article's prose, whatever phrase of a page's furniture it holds.
_PROSE_WORDS = 40
_SOURCE_LINE = rx.compile(r"^\s*(?:source|via|h/t|sources?)\s*:\s*(?P<outlet>.+?)\s*$", re.I)
_TRAILER = rx.compile(r"^\s*(?:more in|episode recaps|more from|you may also like)\b", re.I)
_TAG = rx.compile(r"<[^<>]{0,4000}>")
# Italics flattened by a crawler into "iThe Following/i".
_FLAT_ITALIC = rx.compile(r"(?<![\w/])i([A-Z][^/<>\n]{0,60}?)/i\b")
_TEXTUAL = rx.compile(
    r"[A-Za-z0-9\s.,;:!?'\"()\[\]\-–—…’‘“”/&%$#@*+=_|éèêëáàâäíìîïóòôöúùûüçñÉÈÁÀÍÓÚÇÑ]"
)


def _garbage(token: str) -> bool:
    """A token of corrupted bytes: mostly characters that are not ordinary text."""
    if not token:
        return False
    if "\ufffd" in token:
        return True
    ok = sum(1 for c in token if _TEXTUAL.match(c))
    return ok / len(token) < 0.75


# A photo caption's pointer to a person in the picture, right after their name: "David Mazouz,
# right, has been cast as ...", "Tom Reyes (left) will play ...", "Meg Doe, second from left,".
# It is layout, not prose: left in, it parts the name from its verb. Blanked with spaces of the
# same length, so offsets hold; a comma, a bracket or the end of the aside must close it
# ("Nia Okoro, right after ..." keeps its words).
_CAPTION_POINTER = rx.compile(
    r"(?<=[A-Za-z.])(?:\s*,\s*(?:(?:far|second|third|fourth|top|bottom|back|front|from|row)\s+)*"
    r"(?:left|right|center|centre)(?:\s+to\s+right)?\s*,|"
    # ("Camila Cabello (M) continued filming", dm3: a middle as well as a left and a right)
    r"\s*\((?:(?:far|second|third|top|bottom|from)\s+)*(?:left|right|center|centre|middle|"
    r"inset|[LRCM]|L-R)\)(?P<comma>,)?)"
    r"(?=\s)"
)


def _caption_pointers(line: str) -> str:
    # A comma after a bracketed pointer moves up to the name ("Tom Reyes (R), who play" ->
    # "Tom Reyes,     who play"): the list's grammar reads a comma right after a name.
    return _CAPTION_POINTER.sub(
        lambda m: ("," if m.group("comma") else "") + " " * (len(m.group(0)) - bool(m["comma"])),
        line,
    )


def _clean_line(line: str) -> str:
    if "left" in line or "right" in line or "cent" in line or "(" in line:
        line = _caption_pointers(line)
    if "<" in line:
        line = _TAG.sub(" ", line)
    if "&" in line:
        line = html.unescape(line)
    if "/i" in line:
        line = _FLAT_ITALIC.sub(r"“\1”", line)
    tokens = line.split()
    if any(_garbage(t) for t in tokens):
        kept = [t for t in tokens if not _garbage(t)]
        # A line that was mostly noise keeps nothing: its remaining words are noise too.
        if len(kept) < len(tokens) / 2:
            return ""
        return " ".join(kept)
    return line.strip()


@dataclass
class Paragraph:
    line: int
    text: str
    title: bool = False  # the article's title (first line)


@dataclass
class Article:
    file: str
    title: str
    paragraphs: list[Paragraph]
    sources: list[tuple[str, int, str]] = field(default_factory=list)  # outlet, line, text

    @functools.cached_property
    def text(self) -> str:
        """The whole article, a paragraph a line (made once: many readings search it)."""
        return "\n".join(p.text for p in self.paragraphs)


def _headline(line: str) -> bool:
    """A title line: short, and not a sentence (no final full stop)."""
    return len(line.split()) <= 20 and not line.rstrip().endswith((".", ",", ";"))


# A dateline a crawler kept in front of the text (" date 2023-07-23 ...").
_DATELINE = rx.compile(r"^\s*date \d{4}-\d\d-\d\d\s+")


def read_article(lines: Iterable[tuple[int, str]], file: str) -> Article:
    paragraphs: list[Paragraph] = []
    sources: list[tuple[str, int, str]] = []
    title = ""
    lines = list(lines)
    for i, (number, raw) in enumerate(lines):
        if not raw.strip():
            continue
        m = _SOURCE_LINE.match(raw)
        if m is not None and len(m.group("outlet").split()) <= 6:
            sources.append((m.group("outlet").strip(" ."), number, raw.strip()))
            break  # what follows a "Source:" footer is the site's, not the article's
        if _TRAILER.match(raw):
            if _prose_follows(lines[i + 1 : i + 6], paragraphs):
                continue  # "More from TVLine" amid the article (a syndicated promo box)
            break
        caption = _CAPTION.match(raw)
        if caption is not None and len(caption.group("text").split()) >= _CAPTION_WORDS:
            # "Photo: Mary Tyler Moore as Mary Richards in a scene from ...": a caption says
            # who is who in the picture; a credit ("Photo: Getty Images") is a few words
            raw = caption.group("text")
        elif _BOILERPLATE_START.match(raw) or (
            _BOILERPLATE_ANY.search(raw) and len(raw.split()) < _PROSE_WORDS
        ):
            continue  # (a paragraph of prose may say "a path Amos didn't sign up for")
        line = _clean_line(_DATELINE.sub("", raw))
        if not line:
            continue
        if not paragraphs and _kicker(line, lines[i + 1 : i + 4]):
            continue  # "Features", "Post Mortems": the section's label above the headline
        if not paragraphs and _headline(line):
            title = line
            paragraphs.append(Paragraph(number, line, title=True))
            continue
        paragraphs.extend(Paragraph(number, piece) for piece in _pieces(line))
    return Article(file, title, paragraphs, sources)


# A site section's label, as crawled above a headline: a word or three, each capitalised.
_KICKER = rx.compile(r"^(?:[A-Z][\w’'&]*\s*){1,3}$")


def _kicker(line: str, following: list[tuple[int, str]]) -> bool:
    """Whether a first line is a section's label ("Features", "Post Mortems") with the headline
    below it: a longer line that is itself a headline (no sentence, no question)."""
    if not _KICKER.match(line):
        return False
    below = next((_clean_line(raw) for _n, raw in following if raw.strip()), "")
    return (
        len(below.split()) > len(line.split()) + 1
        and _headline(below)
        and not below.rstrip().endswith("?")
    )


def _prose_follows(lines: list[tuple[int, str]], before: list[Paragraph]) -> bool:
    """Whether the next lines hold a paragraph of prose (30 words or more, not a list of links)
    that goes on about what the article was about (a capitalised word it used)."""
    seen = {w for p in before for w in re.findall(r"\b[A-Z][\w’']{3,}", p.text)}
    return any(
        len(raw.split()) >= 30 and seen & set(re.findall(r"\b[A-Z][\w’']{3,}", raw))
        for _, raw in lines
    )


MAX_PARAGRAPH = 2000


def _pieces(line: str) -> list[str]:
    """A line longer than any paragraph (a page flattened into one line, a caption wall) is read
    as paragraphs of whole sentences, each kept on the line's number: what the reader does per
    paragraph then stays bounded, and the whole read linear in the article's length."""
    if len(line) <= MAX_PARAGRAPH:
        return [line]
    out: list[str] = []
    current = ""
    for _offset, sentence in sentences(line):
        if current and len(current) + len(sentence) > MAX_PARAGRAPH:
            out.append(current.strip())
            current = ""
        current += sentence + " "
    if current.strip():
        out.append(current.strip())
    return out


_ABBREV = (
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "vs", "Lt", "Sgt", "Col", "Gen", "Prof", "No",
    "Vol", "Inc", "Co", "Ltd", "Mt", "Ft", "U.S", "U.K", "Ep", "ep", "etc", "P.D", "U.S.S", "T",
    "H", "J", "Capt", "Det", "p.m", "a.m",
)  # fmt: skip
# The closing quote after the full stop stays with its sentence (`in "Gotham."`): cut off, the
# title's opening quote would stand alone.
_SENT_END = rx.compile(r"(?<=[.!?…])(?P<q>[\"”’']?)\s+(?=[\"“‘(\[]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; quotes are not respected (patterns work per sentence)."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        before = text[start : m.start()]
        word = re.search(r"([\w.]+)[.]$", before)
        before = text[start : m.end("q")]
        if word is not None and (
            word.group(1) in _ABBREV or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.group(1))
        ):
            continue  # "Dr.", "H.", "A.C. Slater": initials end no sentence
        if before.count("(") > before.count(")") and ")" in text[m.end() : m.end() + 80]:
            continue  # "Jeremy Irvine (Mamma Mia! Here We Go Again)": a title in brackets
        if before.strip():
            out.append((start, before))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return [piece for offset, sentence in out for piece in _chunks(offset, sentence)]


_MAX_SENTENCE = 600


def _chunks(offset: int, sentence: str) -> list[tuple[int, str]]:
    """A run-on "sentence" (a list, a caption wall, text without punctuation) is cut at
    spaces into pieces of bounded length, so that every pattern stays linear."""
    if len(sentence) <= _MAX_SENTENCE:
        return [(offset, sentence)]
    out = []
    start = 0
    while start < len(sentence):
        end = min(len(sentence), start + _MAX_SENTENCE)
        if end < len(sentence):
            space = sentence.rfind(" ", start + _MAX_SENTENCE // 2, end)
            end = space if space > start else end
        out.append((offset + start, sentence[start:end]))
        start = end
    return out


QUOTE_RE = rx.compile(r"\"[^\"]+\"|“[^”]+”|“[^\"”]+\"|\"[^\"“]+”")


def unquoted(text: str) -> str:
    """The text with quoted passages blanked out (same length, so offsets hold)."""
    return QUOTE_RE.sub(lambda m: " " * len(m.group(0)), text)


def used_unlabelled(article: Article, word: str) -> bool:
    """Whether the article uses ``word`` anywhere but as a line's opening label ("Wrap: The
    Crown star ...", a tabloid caption's kicker, is never the word's use)."""
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(word.strip())}(?![\w'’-])")
    return any(
        m.start() > 0 or not p.text[m.end() :].lstrip().startswith(":")
        for p in article.paragraphs
        for m in pattern.finditer(p.text.lstrip())
    )
