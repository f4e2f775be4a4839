"""Names in text: the matcher that finds characters named in action lines and dialogue.

Built per series by ``resolve.Cast.matcher`` from the cast's labels; this module holds only
the matching itself (Aho-Corasick over lower-cased labels, whole words, longest first) and the
rules that make a longer name not a shorter alias (DESIGN §3)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import ahocorasick

from showbible.quick import rx
from showbible.quick.frozen import quick_init
from showbible.reading.lexicon.given import is_given_name
from showbible.reading.names import NAME_CHANGING_TITLES, ORDINALS


@quick_init
@dataclass(frozen=True, slots=True)
class Match:
    """A character named in a piece of text."""

    character: str
    start: int
    end: int
    identity: str | None
    partial: bool


Value = tuple[str, str, str | None, bool]  # (label as written, character, identity, partial)


class _Words:
    """Lower-cased labels -> their values, in one Aho-Corasick automaton."""

    def __init__(self, entries: Mapping[str, tuple[Value, ...]]) -> None:
        self.auto = ahocorasick.Automaton()
        self.empty = not entries
        for low, values in entries.items():
            self.auto.add_word(low, (len(low), low, values))
        if not self.empty:
            self.auto.make_automaton()


class NameMatcher:
    """Finds characters named in text: whole words, longest first, falling back to shorter.

    Case matters, as in scripts: a name must start with a capital (``Mara`` or ``MARA``, not the
    verb ``will`` for ``WILL``); a lower-case alias (``your uncle``) must match as written; and a
    partial name that is only a title (``PRINCE``) must be in capitals.

    The words are the cast's shared ones (``_Shared``) with a series' ``override`` (a label's
    values there, or None: not a name in this series) and its ``extra`` words.
    """

    def __init__(
        self,
        shared: _Words,
        override: dict[str, tuple[Value, ...] | None],
        extra: _Words | None,
        titles: frozenset[str],
        name_changing: frozenset[str] = frozenset(NAME_CHANGING_TITLES),
    ) -> None:
        self._layers = [(w, o) for w, o in ((shared, override), (extra, None)) if w and not w.empty]
        self._titles = titles
        self._before = _title_before(name_changing)
        self._singular = _plurals(titles | name_changing)
        self.empty = not self._layers

    def find(self, text: str) -> list[Match]:
        if self.empty or not text:
            return []
        low = text.lower()
        last = len(low) - 1
        candidates: list[tuple[int, int, str, str | None, bool]] = []
        for words, override in self._layers:
            for end, (length, key, found) in words.auto.iter(low):
                # Whole words only: no letter, digit or underscore either side. Tested inline:
                # most hits lie inside longer words ("ross" in "across"), and a call per hit
                # was a tenth of the search.
                start = end - length + 1
                if start:
                    c = low[start - 1]
                    if c.isalnum() or c == "_":
                        continue
                if end < last:
                    c = low[end + 1]
                    if c.isalnum() or c == "_":
                        continue
                values = override.get(key, found) if override else found
                if values is None:
                    continue  # not a name in this series
                original = text[start : end + 1]
                for label, cid, identity, partial in values:
                    if partial and not original.isupper() and _after_article(low, start):
                        continue  # "the Alderman's hat": a title used as a noun, not a name
                    if original.isupper() and _QUALIFIES.search(low, max(0, start - 16), start):
                        continue  # "CLOSE ON SOMETHING BROWN": an adjective, not Brown
                    if self._case_ok(original, label, partial):
                        candidates.append((start, end + 1, cid, identity, partial))
                        break
        if not candidates:
            return []
        # Longest match first at each position; shorter ones only where nothing longer holds.
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out: list[Match] = []
        covered = -1
        for start, end, cid, identity, partial in candidates:
            if start < covered:
                continue
            covered = end
            match = self._specific(text, Match(cid, start, end, identity, partial))
            if match is not None:
                out.append(match)
        return out

    def _specific(self, text: str, m: Match) -> Match | None:
        """The match, unless the text goes on to name someone more specific: a longer name
        containing a shorter alias is not that alias (DESIGN §3)."""
        # "KING HENRY the Sixth", "HENRY VI": a regnal number makes another name, which is a
        # character only when it is declared (or cued) as one.
        regnal = _REGNAL_AFTER.match(text, m.end)
        if regnal is not None:
            number = regnal.group(1) or ORDINALS.get(regnal.group(2).upper(), "")
            longer = self._lookup(f"{text[m.start : m.end]} {number}".lower())
            if longer is None:
                return None
            cid, identity = longer
            return Match(cid, m.start, regnal.end(), identity, False)
        # "LORD JOHN OF LANCASTER" is not the JOHN of JOHN OF GAUNT.
        if m.partial and _OF_AFTER.match(text, m.end):
            return None
        # "SIR JOHN SOMERVILLE" is not the JOHN of JOHN MORTIMER, nor "Tony Soprano" the Tony
        # of TONY STARK: a part followed by another name word, written alike, is another name.
        if m.partial and _another_name_after(text, m):
            return None
        # "A PIT BOSS sees everything" is not the BOSS of BOSS KO: a part in capitals after
        # another word in capitals that is no title is the end of another name.
        if m.partial and self._another_name_before(text, m):
            return None
        # "the Lords HASTINGS, MOWBRAY, and BARDOLPH": a plural title before a list gives each
        # name its title, and a titled name that is someone's ("LORD BARDOLPH") is theirs.
        tail = text[max(0, m.start - 5) : m.start].rstrip()
        plural = (
            _PLURAL_TITLE_LIST.search(text, max(0, m.start - 80), m.start)
            if tail.endswith((",", "and", "AND", "s", "S"))  # a list's or a plural's end
            else None
        )
        if plural is not None:
            title = self._singular.get(plural.group(1).upper())
            if title is not None:
                titled = self._lookup(f"{title} {text[m.start : m.end]}".lower())
                if titled is not None:
                    return Match(titled[0], m.start, m.end, titled[1], False)
        # "DUCHESS OF YORK", "LORD BARDOLPH", "MISTRESS PAGE": someone else than YORK, BARDOLPH
        # and PAGE.
        if self._before.search(text, max(0, m.start - 24), m.start):
            return None
        return m

    def _another_name_before(self, text: str, m: Match) -> bool:
        mine = text[m.start : m.end]
        if not mine.isupper():
            # In title case the word before may just open the sentence; inside one, a first
            # name before a surname is someone else's whole name ("who was Clemency Vane from
            # Half Moon Street", not Rupert Vane: the sixty-seventh blind look).
            title = _TITLE_WORD_BEFORE.search(text, max(0, m.start - 32), m.start)
            if title is None or title.group(1).upper() in self._titles:
                return False
            inside = _LOWER_WORD_BEFORE.search(text, max(0, title.start() - 24), title.start())
            if inside is None:
                return False
            known = self._lookup(title.group(1).lower())  # another's own name ("Clemency")
            return (known is not None and known[0] != m.character) or is_given_name(title.group(1))
        before = _WORD_BEFORE.search(text, max(0, m.start - 32), m.start)
        if before is None:
            return False
        word = before.group(1)
        return (
            word.isupper()
            and len(word) >= 2
            and word not in _NOT_NAMES
            and word.rstrip(".") not in self._titles
        )

    def _lookup(self, low: str) -> tuple[str, str | None] | None:
        for words, override in self._layers:
            found = words.auto.get(low, None)
            if found is None:
                continue
            _length, key, values = found
            values = override.get(key, values) if override else values
            for _label, cid, identity, partial in values or ():
                if not partial:
                    return cid, identity
        return None

    def _case_ok(self, original: str, label: str, partial: bool) -> bool:
        if not original[0].isupper():
            return original == label and not label[0].isupper()
        if partial and label in self._titles:
            return original.isupper()
        return True


_ARTICLE = rx.compile(r"(?:^|\W)(?:the|a|an)\s+$")
# Words after which a word is an adjective, never a name: an indefinite pronoun or a degree
# ("SOMETHING BROWN", "VERY WHITE"): a name in capitals there reads as what it means.
_QUALIFIES = rx.compile(
    r"(?:^|\W)(?:something|anything|nothing|everything|someone|anyone|very|too|quite)\s+$"
)
_ORDINAL_WORDS = "|".join([*ORDINALS, *(o.title() for o in ORDINALS)])
_REGNAL_AFTER = rx.compile(
    r"\s+(?:((?:X{0,2})(?:IX|IV|VI{0,3}|I{2,3})|X{1,2})\b(?!['\w])"
    r"|(?:the|THE)\s+(" + _ORDINAL_WORDS + r")\b)"
)
_OF_AFTER = rx.compile(r"\s+(?:of|OF)\s+[A-Z]")
_WORD_AFTER = rx.compile(r"[ \t]+([A-Z][A-Za-z'’-]+)\b")
_WORD_BEFORE = rx.compile(r"(?<![\w'’.-])([A-Z][A-Z'’-]+\.?)[ \t]+$")
_TITLE_WORD_BEFORE = rx.compile(r"(?<![\w'’.-])([A-Z][a-z'’\-]+)[ \t]+$")
_LOWER_WORD_BEFORE = rx.compile(r"\b[a-z][\w'’\-]*[ \t]+$")
_NOT_NAMES = frozenset({"OF", "AND", "THE", "A", "AN", "AS", "TO", "IN", "ON", "AT", "WITH", "I"})
# "the Lords HASTINGS, MOWBRAY, and BARDOLPH": a plural title, then names joined by commas and
# "and", up to the name being read.
_PLURAL_TITLE_LIST = rx.compile(
    r"(?<![\w'])([A-Z][A-Za-z]*[sS])\s+(?:(?:of|OF)\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$"
)


def _plurals(titles: frozenset[str]) -> dict[str, str]:
    """Each title's plural forms (LORDS, DUCHESSES, LADIES) -> the title."""
    out: dict[str, str] = {}
    for title in titles:
        out[title + "S"] = title
        out[title + "ES"] = title
        if title.endswith("Y"):
            out[title[:-1] + "IES"] = title
    return out


def _another_name_after(text: str, m: Match) -> bool:
    after = _WORD_AFTER.match(text, m.end)
    if after is None:
        return False
    word, mine = after.group(1), text[m.start : m.end]
    if word.upper() in _NOT_NAMES or len(word) < 2:
        return False
    if mine.isupper():
        return word.isupper()
    return mine.istitle() and word.istitle()


def _title_before(titles: frozenset[str]) -> re.Pattern[str]:
    """A name-changing title right before a name, capitalised as a title is (``Lady``,
    ``LADY``, ``Mrs.``), with an optional ``of``: ``DUCHESS OF `` before ``YORK``."""
    words = sorted(set(titles) | {t.title() for t in titles}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(r"(?<![\w'])(?:" + alternatives + r")\.?\s+(?:(?:of|OF)\s+)?$")


def _after_article(low: str, start: int) -> bool:
    return _ARTICLE.search(low[max(0, start - 6) : start]) is not None
