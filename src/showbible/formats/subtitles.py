"""A reader for subtitles (``.srt``, ``.vtt``): who speaks where the subtitles say so, and
scenes cut at long silences.

- Timing lines are read with pysubs2's timestamp parser; a line with ``-->`` (or a timestamp
  where a timing line belongs) that does not parse is an InputError with its line.
- Speakers: ``<v NAME>`` (WebVTT voice), ``NAME: text`` (the rules of the transcript reader),
  ``[NAME] text``; ``- `` starts a new turn inside one subtitle, and a turn may be named as
  above. A named turn is CHARACTER + DIALOGUE; a turn without a name is an empty CHARACTER +
  DIALOGUE: heard, said by nobody the script names, and the names in it are references, never
  presence.
- Sound descriptions (``[door slams]``, ``(laughing)``, ``♪``) are PARENTHETICALs: part of what
  is heard, never presence either; so is a direction opening a named turn (``<v Ana>(to Rafi,
  bowing) Welcome.``), which then says whom the words are for, as a screenplay's does.
- A silence longer than ``scene_gap`` seconds (default 8) between two subtitles starts a new
  scene: a HEADING holding the time it starts at (``00:12:31``).
- Markup (``<i>``, ``<b>``, ``<font>``, ``{\\an8}``) is dropped; WebVTT ``NOTE``, ``STYLE`` and
  ``REGION`` blocks are skipped.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from pysubs2.time import TIMESTAMP, timestamp_to_ms

from showbible.formats.files import read_file
from showbible.formats.text import decode_text
from showbible.formats.transcript import _speech, split_cue
from showbible.model import Diagnostic, Element, InputError, Kind, Script, split_scenes
from showbible.quick import rx

__all__ = ["DEFAULT_SCENE_GAP", "parse_subtitles", "read_subtitles"]

DEFAULT_SCENE_GAP = 8.0  # seconds of silence that end a scene

_ARROW = rx.compile(r"-->")
_VTT_SHORT = rx.compile(r"(\d{1,2}):(\d{1,2})[.,](\d{1,3})")
_TIMING = rx.compile(r"^\s*(?P<start>\S+)\s*-->\s*(?P<end>\S+)(?:\s+.*)?$")
_LOOKS_TIMED = rx.compile(r"^\s*\d{1,2}:\d{1,2}(?::\d{1,2})?[.,]\d")
_VOICE = rx.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>", re.IGNORECASE)
_TAGS = rx.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")
_BRACKET_NAME = rx.compile(r"^\[\s*([^\[\]]{1,40}?)\s*\]\s*:?\s*(.+)$")
_SOUND = rx.compile(r"^\s*(?:\[[^\[\]]*\]|\([^()]*\)|[♪♫#*\s]+)\s*$")
# Capitalised words in brackets that are sounds or manners, not speakers (SDH convention): a
# participle or past form of six letters or more (``PLAYING``, ``MUFFLED``), or a sound word.
_SOUND_WORD = rx.compile(
    r"^\w{3,}(?:ING|ED)$|^(?:MUSIC|LAUGHTER|APPLAUSE|SILENCE|THUNDER|GUNFIRE|GUNSHOTS?|"
    r"EXPLOSIONS?|SIRENS?|STATIC|CRASH|BANG|INAUDIBLE|INDISTINCT|PHONE|TV|RADIO|ECHO|"
    r"(?:LAUGH|SIGH|GROAN|SCREAM|CHUCKLE|GASP|COUGH|SNIFF|SOB|GRUNT|WHISPER|SHOUT|YELL|SNORE|"
    r"BEEP|RING|KNOCK|BARK|SLAM|CLAP|MUMBLE|MUTTER|SNICKER|GIGGLE|EXHALE|INHALE|SPLASH|THUD|"
    r"CLICK|BUZZ|CHEER|SCOFF|GULP|HUM|WHIMPER|PANT|SHRIEK|STAMMER)S?|CRIES|SIGHS)$",
    re.IGNORECASE,
)
_LEADING_SOUND = rx.compile(r"^(\[[^\[\]]*\]|\([^()]*\))\s*(?=\S)")
_SKIP_BLOCKS = ("NOTE", "STYLE", "REGION", "WEBVTT")


@dataclass(slots=True)
class _Cue:
    start: int  # ms
    end: int
    line: int  # the timing line
    lines: list[tuple[int, str]]  # (line number, text)


def _ms(stamp: str) -> int | None:
    stamp = stamp.strip()
    found = TIMESTAMP.fullmatch(stamp)
    if found is not None:
        return int(timestamp_to_ms(found.groups()))
    short = _VTT_SHORT.fullmatch(stamp)  # WebVTT leaves the hours out: ``01:02.500``
    if short is not None:
        return int(timestamp_to_ms(("0", *short.groups())))
    return None


def _cues(text: str, path: str, diagnostics: list[Diagnostic]) -> list[_Cue]:
    lines = text.split("\n")
    cues: list[_Cue] = []
    current: _Cue | None = None
    skipping = False
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            current = None
            skipping = False
            continue
        if skipping:
            continue
        if current is None and line.split(" ", 1)[0] in _SKIP_BLOCKS:
            skipping = True
            continue
        if _ARROW.search(line) or (current is None and _LOOKS_TIMED.match(line)):
            m = _TIMING.match(line)
            start = _ms(m.group("start")) if m else None
            end = _ms(m.group("end")) if m else None
            if start is None or end is None:
                raise InputError(f"broken subtitle timing line: {line[:80]!r}", file=path, line=n)
            if end < start:
                diagnostics.append(
                    Diagnostic(path, n, "subtitle ends before it starts: read as a moment")
                )
                end = start
            current = _Cue(start, end, n, [])
            cues.append(current)
            continue
        if current is None:
            continue  # a cue number or identifier before its timing line
        current.lines.append((n, line))
    return cues


def _stamp(ms: int) -> str:
    seconds = ms // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _bracket_speaker(name: str) -> bool:
    words = name.split()
    if not 0 < len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    return not any(_SOUND_WORD.search(w.strip(".,!?")) for w in words)


def _turns(lines: list[tuple[int, str]]) -> list[tuple[int, str | None, tuple[str, ...], str]]:
    """(line, speaker, extensions, text) per turn of one subtitle."""
    turns: list[tuple[int, str | None, tuple[str, ...], str]] = []
    voice: str | None = None
    for n, raw in lines:
        found = _VOICE.search(raw)
        if found is not None:
            voice = " ".join(found.group(1).split())
        text = " ".join(_TAGS.sub("", raw).split())
        if not text:
            continue
        dash = text.startswith(("-", "–", "—")) and not text.startswith("--")
        if dash:
            text = text.lstrip("-–— ").strip()
        speaker: str | None = voice if found is not None else None
        extensions: tuple[str, ...] = ()
        if speaker is not None:
            # ``<v YAI (V.O.)>``: a voice's extensions are a cue's (the forty-eighth blind
            # look's voice message from the dead), as in every other format.
            speaker, extensions = split_cue(speaker)
        if speaker is None:
            said = _speech(text)
            bracket = _BRACKET_NAME.match(text)
            if said is not None and said[2]:
                speaker, extensions, text = said
            elif bracket is not None and _bracket_speaker(bracket.group(1)):
                speaker, text = bracket.group(1), bracket.group(2).strip()
        if speaker is None and not _SOUND.match(text):
            lead = _LEADING_SOUND.match(text)
            if lead is not None:
                # ``[LAUGHS] Ha ha``: the sound, then what is said.
                turns.append((n, None, (), lead.group(1)))
                text = text[lead.end() :].strip()
        if _SOUND.match(text):
            turns.append((n, None, (), text))
            continue
        if (
            turns
            and not dash
            and speaker is None
            and found is None
            and not _SOUND.match(turns[-1][3])
        ):
            # The same turn goes on over the subtitle's next line.
            line, who, ext, before = turns[-1]
            turns[-1] = (line, who, ext, f"{before} {text}")
            continue
        turns.append((n, speaker, extensions, text))
    return turns


# A named turn that opens with a direction in round brackets, then the words.
_OPENING_DIRECTION = rx.compile(r"^\s*\(([^()]{1,80})\)\s*(\S.*)$", re.DOTALL)


def parse_subtitles(
    text: str, path: str = "<string>", scene_gap: float = DEFAULT_SCENE_GAP
) -> Script:
    """Parse SRT or WebVTT text. Raises InputError only for broken timing lines."""
    diagnostics: list[Diagnostic] = []
    cues = _cues(text, path, diagnostics)
    elements: list[Element] = []
    last_end: int | None = None
    gap_ms = int(scene_gap * 1000)
    for cue in cues:
        if last_end is None or cue.start - last_end > gap_ms:
            elements.append(Element(Kind.HEADING, _stamp(cue.start), cue.line))
        last_end = cue.end if last_end is None else max(last_end, cue.end)
        for line, speaker, extensions, said in _turns(cue.lines):
            if _SOUND.match(said):
                inner = said.strip().strip("[]()♪♫#* ").strip()
                if inner:
                    elements.append(Element(Kind.PARENTHETICAL, inner, line))
                continue
            # An unnamed turn gets an empty cue: without one, the model would give its words to
            # whoever spoke last (a named turn and an unnamed one often share a subtitle).
            elements.append(Element(Kind.CHARACTER, speaker or "", line, extensions=extensions))
            opening = _OPENING_DIRECTION.match(said) if speaker else None
            if opening is not None:
                # "<v Leilani>(to Kirinami, bowing) You must be the Oyakata.": the speaker's
                # direction, as a screenplay's parenthetical, then the words
                elements.append(Element(Kind.PARENTHETICAL, opening.group(1).strip(), line))
                said = opening.group(2)
            elements.append(Element(Kind.DIALOGUE, said, line))
    if not cues:
        diagnostics.append(Diagnostic(path, 1, "no subtitles found (no timing lines)"))
    story = tuple(elements)
    return Script(
        path=path, elements=story, diagnostics=tuple(diagnostics), scenes=split_scenes(story)
    )


def read_subtitles(path: str | os.PathLike[str], scene_gap: float = DEFAULT_SCENE_GAP) -> Script:
    """Read an ``.srt`` or ``.vtt`` file (UTF-8, BOM optional; UTF-16/32 with a BOM)."""
    name = os.fspath(path)
    text, diagnostics = decode_text(read_file(name), name)
    script = parse_subtitles(text, name, scene_gap)
    if not diagnostics:
        return script
    return Script(
        path=script.path,
        elements=script.elements,
        diagnostics=tuple(diagnostics) + script.diagnostics,
        scenes=script.scenes,
    )
