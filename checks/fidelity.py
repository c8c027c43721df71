"""FID: the Japanese memorandum page reproduces the signed source.

Both sides are compared as NFC text with whitespace set aside; the source
also loses its layout artefacts (bullet glyphs, signature lines). The first
difference is reported at its line and column in the page.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from checks import Finding
from checks.corpus import Corpus
from checks.document import Document

# Layout in the extracted PDF text that is not part of the memorandum.
LAYOUT = re.compile(
    r"\s"  # line breaks, page breaks, trailing spaces
    r"|•"  # bullet glyphs before the areas of Article 1
    r"|_{3,}"  # signature lines
)
CONTEXT = 12  # characters shown either side of a difference


def source_text(raw: str) -> str:
    """The signed text as compared: NFC, layout and whitespace removed."""
    return LAYOUT.sub("", unicodedata.normalize("NFC", raw))


def page_chars(doc: Document) -> list[tuple[str, int, int]]:
    """The page's memorandum text, NFC per grapheme, with positions."""
    out: list[tuple[str, int, int]] = []
    for prov in doc.provisions:
        for ch, line, col in prov.chars():
            if ch.isspace():
                continue
            if out and (unicodedata.combining(ch) or ch in "\u3099\u309a"):
                prev, pline, pcol = out.pop()
                ch, line, col = prev + ch, pline, pcol
            out.append((unicodedata.normalize("NFC", ch), line, col))
    return out


def compare(expected: str, found: list[tuple[str, int, int]]) -> tuple[int, int, str] | None:
    """(line, col, message) at the first difference, or None when equal."""
    text = "".join(c for c, _, _ in found)
    if text == expected:
        return None
    i = 0
    while i < min(len(text), len(expected)) and text[i] == expected[i]:
        i += 1
    if i < len(found):
        line, col = found[i][1], found[i][2]
    elif found:
        line, col = found[-1][1], found[-1][2] + 1
    else:
        line, col = 1, 1
    want = expected[i:i + CONTEXT] or "(end of text)"
    got = text[i:i + CONTEXT] or "(end of text)"
    before = expected[max(0, i - CONTEXT):i]
    return line, col, (f"text differs from the signed source after '{before}': "
                       f"expected '{want}', found '{got}'")


def check(corpus: Corpus) -> Iterator[Finding]:
    doc = corpus.memoranda.get("ja")
    if doc is None or corpus.source is None or not doc.provisions:
        return
    diff = compare(source_text(corpus.source), page_chars(doc))
    if diff:
        line, col, message = diff
        yield Finding(corpus.rel(doc.path), line, col, "FID001", message)
