"""FID: the Japanese memorandum page reproduces the signed source, character for character.

Spaces are text. The source loses only its layout (``../shared/source``'s
README): the blanks at the ends of its lines and the line breaks (the PDF
breaks lines inside words), the bullet glyphs before the areas of Article 1
with the blank after them, and the signature lines. The page's provisions
are joined the same way (a Japanese provision's source lines join with
nothing between them). So a dropped, added or substituted space (a no-break
or an ideographic space for a half-width one) is a difference.

FID001: the first difference, at its line and column in the page.
FID002: the kept copy of the source changed or is missing (``checks.model.corpus``).
FID003: a provision's text is not in Unicode NFC (the source is).
FID004: markup inside a provision that the signed original does not have
(emphasis, raw HTML); a signatory's name in bold and the line breaks of the
signature blocks are the page's only markup.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from checks.model import languages
from checks import Finding
from checks.model.corpus import SOURCE, Corpus
from checks.model.document import BLANK, Document

# Layout in the extracted PDF text that is not part of the memorandum, per line.
BULLET = re.compile(r"^•[ \t]*")
SIGNATURE_LINE = re.compile(r"^_{3,}$")
CONTEXT = 12  # characters shown either side of a difference
# Inline markup in a provision's source line: emphasis markers and HTML tags.
MARKUP = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|<[A-Za-z/!][^<>]*>")
SIGNATORY_BREAK = re.compile(r"<br\s*/?>$")


def source_text(raw: str) -> str:
    """The signed text as compared: NFC, with the layout of the PDF extraction removed."""
    out = []
    for line in unicodedata.normalize("NFC", raw).splitlines():
        line = BULLET.sub("", line.strip(BLANK))
        if line and not SIGNATURE_LINE.match(line):
            out.append(line)
    return "".join(out)


def page_chars(doc: Document, signed: dict[str, str] | None = None) -> list[tuple[str, int, int]]:
    """The page's memorandum text, NFC per grapheme, with positions. ``signed`` gives the signed text of
    provisions a recorded modification changed since (``checks.model.versions``): it is compared in
    their place, at the provision's first line."""
    out: list[tuple[str, int, int]] = []
    for prov in doc.provisions:
        chars = prov.chars() if prov.id not in (signed or {}) else (
            (ch, prov.line, prov.col) for ch in signed[prov.id])
        for ch, line, col in chars:  # lines are stripped of their edge blanks by the model
            if out and (unicodedata.combining(ch) or ch in "\u3099\u309a"):
                prev, pline, pcol = out.pop()
                ch, line, col = prev + ch, pline, pcol
            out.append((unicodedata.normalize("NFC", ch), line, col))
    return out


def _show(text: str) -> str:
    """A snippet with every space visible: repr-style escapes for all but the half-width space."""
    return repr(text)[1:-1] if text else "(end of text)"


def compare(expected: str, found: list[tuple[str, int, int]]) -> tuple[int, int, str] | None:
    """(line, col, message) at the first difference, or None when equal."""
    text = "".join(c for c, _, _ in found)
    if text == expected:
        return None
    i = 0
    while i < min(len(text), len(expected)) and text[i] == expected[i]:
        i += 1
    # Grapheme joins can make ``found`` shorter than ``text``: find the entry holding offset i.
    pos = 0
    line, col = (found[-1][1], found[-1][2] + 1) if found else (1, 1)
    for ch, ln, cl in found:
        if pos + len(ch) > i:
            line, col = ln, cl
            break
        pos += len(ch)
    what = ""
    if i < len(expected) and i < len(text) and (expected[i].isspace() or text[i].isspace()):
        what = " (spaces are text: " + ", ".join(
            f"{label} U+{ord(c):04X} {unicodedata.name(c, '?')}" for label, c in (("expected", expected[i]), ("found", text[i]))) + ")"
    where = f"after '{_show(expected[max(0, i - CONTEXT):i])}'" if i else "at its start"
    return line, col, (f"text differs from the signed source {where}: "
                       f"expected '{_show(expected[i:i + CONTEXT])}', found '{_show(text[i:i + CONTEXT])}'{what}")


def markup(doc: Document) -> Iterator[tuple[int, int, str]]:
    """(line, col, what) for markup inside a provision that the original does not have."""
    for prov in doc.provisions:
        for index, ln in enumerate(prov.lines):
            allowed: set[int] = set()
            if prov.kind == "signatory":
                if (br := SIGNATORY_BREAK.search(ln.text)) is not None:
                    allowed.add(br.start())
                if index == 1 and ln.text.startswith("**"):
                    end = ln.text.find("**", 2)
                    allowed |= {0, end} if end > 0 else set()
            for m in MARKUP.finditer(ln.text):
                if m.start() not in allowed:
                    yield ln.number, ln.col + m.start() + 1, m.group(0)


def check(corpus: Corpus) -> Iterator[Finding]:
    for problem in corpus.problems:
        if problem.kind == SOURCE:
            yield Finding(problem.path, problem.line, problem.col, "FID002", problem.message)
    doc = corpus.memoranda.get(languages.ORIGINAL)
    if doc is None or not doc.provisions:
        return
    rel = corpus.rel(doc.path)
    for prov in doc.provisions:
        for ln in prov.lines:
            if not unicodedata.is_normalized("NFC", ln.text):
                at = next(i for i in range(len(ln.text)) if not unicodedata.is_normalized("NFC", ln.text[i:i + 2]))
                yield Finding(rel, ln.number, ln.col + at + 1, "FID003",
                              f"text is not in Unicode NFC (the signed source is): expected "
                              f"'{unicodedata.normalize('NFC', ln.text[at:at + 2])}', found decomposed '{_show(ln.text[at:at + 2])}'")
    for line, col, what in markup(doc):
        yield Finding(rel, line, col, "FID004", f"markup '{what}' inside the memorandum's text: expected the signed "
                                                "text only (bold only for a signatory's name, <br> only to end a "
                                                "signature line)")
    if corpus.source is None:
        return
    # A provision a recorded modification changed (versions.yml) is held to the text it replaced.
    signed = {pid: text for version in reversed(corpus.versions.of(languages.ORIGINAL)[1:]) for pid, text in version.was.items()}
    diff = compare(source_text(corpus.source), page_chars(doc, signed))
    if diff:
        line, col, message = diff
        yield Finding(rel, line, col, "FID001", message)
