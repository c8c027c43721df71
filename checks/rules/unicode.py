"""UNI: hostile text, the characters a reader cannot see or cannot tell apart.

Every text file under docs/ (pages, data, the signed source, styles, scripts,
drawings) is read whole, hidden regions included: a character a reviewer
cannot see is as dangerous in a comment as in a provision.

* UNI001: a bidirectional control (U+061C, U+200E, U+200F, U+202A-U+202E,
  U+2066-U+2069). It can show text in an order other than the stored one
  ("Trojan Source", CVE-2021-42574).
* UNI002: an invisible character: zero-width and other format characters
  (Unicode category Cf), control characters other than tab, line feed and
  carriage return, line and paragraph separators, the Hangul and braille
  fillers, the combining grapheme joiner, variation and tag characters.
* UNI003: a mixed-script word: Latin letters with Cyrillic, Greek, Armenian
  or Cherokee ones in one word, where a letter can pass for a Latin one
  ("Vallance" written with a Cyrillic "а").

Allowed, because a language or an editor needs them: a byte order mark at the
very start of a file (editors on Windows write one); a variation selector
right after a CJK ideograph (a Japanese name written in a variant form,
異体字, U+FE00-U+FE0F and U+E0100-U+E01EF); the emoji presentation selectors
(U+FE0E, U+FE0F) after a symbol, and a zero-width joiner inside an emoji
sequence (what a phone's keyboard writes). Neither Japanese nor English needs
a bidirectional control, a zero-width joiner or non-joiner: no right-to-left
or joining script is written on this site. Ideographic (U+3000) and no-break
spaces are visible spacing and text of the signed original: not findings.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Iterator

from checks import Finding
from checks.model.corpus import Corpus
from checks.model.page import Lines

TEXT_FILES = ("*.md", "*.yml", "*.yaml", "*.txt", "*.json", "*.css", "*.js", "*.svg", "*.html", "*.xml")
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
VARIATION = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
# Format characters (Cf) but the bidirectional ones, controls, separators, fillers, joiners, tags.
INVISIBLE = ("\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2"
             "\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2028\u2029\u2060-\u2064\u206a-\u206f"
             "\u2800\u3164\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
             "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
SUSPECT = re.compile(f"[{BIDI}{INVISIBLE}{VARIATION}]")
# Scripts with letters that pass for Latin ones.
LOOKALIKE = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
                       "\u0530-\u058f\u13a0-\u13ff\uab70-\uabbf]")
LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
LETTERS = re.compile(r"[^\W\d_]+")
CJK_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _symbol(char: str) -> bool:
    """A symbol that has an emoji form (category So), or a keycap's base."""
    return unicodedata.category(char) == "So" or char in "#*0123456789"


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '<control>' if unicodedata.category(char) == 'Cc' else '<unnamed>')}"


def scan(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, code, message) for each hostile character or word of ``text``, in order."""
    for m in SUSPECT.finditer(text):
        char, at = m.group(), m.start()
        if char == "\ufeff" and at == 0:
            continue  # a byte order mark, as editors write it
        if char in "\ufe0e\ufe0f" and at > 0 and _symbol(text[at - 1]):
            continue  # text or emoji presentation of the symbol before it
        if char == "\u200d" and 0 < at < len(text) - 1 and _symbol(text[at + 1]) \
                and (_symbol(text[at - 1]) or text[at - 1] == "\ufe0f"):
            continue  # inside an emoji sequence
        if "\ufe00" <= char <= "\ufe0f" or char >= "\U000e0100":
            if at > 0 and CJK_IDEOGRAPH.match(text, at - 1):
                continue  # a variant form of the ideograph before it
            yield at, "UNI002", f"variation selector {_name(char)} not after a CJK ideograph or a symbol: expected none here"
        elif re.match(f"[{BIDI}]", char):
            yield at, "UNI001", (f"bidirectional control {_name(char)}: expected none "
                                 "(it can show text in another order than it is stored)")
        else:
            yield at, "UNI002", f"invisible character {_name(char)}: expected none (a reader cannot see it)"
    covered = 0  # the end of the last word judged: a long word is read once
    for m in LOOKALIKE.finditer(text):
        if m.start() < covered:
            continue
        word = LETTERS.match(text, _word_start(text, m.start()))
        covered = word.end()
        if LATIN.search(word.group()):
            others = sorted({c for c in word.group() if LOOKALIKE.match(c)})
            yield word.start(), "UNI003", (f"mixed-script word '{word.group()}': {', '.join(map(_name, others))} "
                                           "among Latin letters: expected one script per word")


def _word_start(text: str, at: int) -> int:
    """Where the run of letters holding ``text[at]`` starts (bounded: a word is short)."""
    start = at
    while start > 0 and at - start < 256 and LETTERS.match(text, start - 1):
        start -= 1
    return start


def check_file(path: Path, rel: str) -> Iterator[Finding]:
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return  # STR001 (pages), STR003 (metadata) and SAF001 (assets) name unreadable files
    lines: Lines | None = None
    for offset, code, message in scan(text):
        lines = lines or Lines(text)
        line, col = lines.line_col(offset)
        yield Finding(rel, line, col, code, message)


def check(corpus: Corpus) -> Iterator[Finding]:
    paths = sorted({p for pattern in TEXT_FILES for p in corpus.docs.rglob(pattern)
                    if p.is_file() and p.resolve().is_relative_to(corpus.docs)})
    for path in paths:
        yield from check_file(path, corpus.rel(path))
