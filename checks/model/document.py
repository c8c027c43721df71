"""The document model of a memorandum page, built on the page model (``checks.model.page``).

A memorandum page (``docs/memorandum.<lang>.md``) is Markdown written in a
small, fixed shape:

* ``# <title> { #title }``
* ``## <heading> { #preamble }`` then recitals, each a paragraph ending in
  ``{: #preamble-N }``;
* ``## <article heading> { #article-N }`` then an optional introductory
  paragraph ``{: #article-N-intro }``, list items ``- text`` each ending in
  ``{: #article-N-item-K }``, and numbered paragraphs ``N.K text`` ending in
  ``{: #article-N-K }``;
* the signing clause ``{: #signatures .signing-clause }`` and one paragraph
  per signatory ``{: #signatory-N .signatory }``, lines split by ``<br>``.

The page model's regions say what is not the memorandum's text: front
matter, comments, code blocks, and admonitions (``!!!`` / ``???`` blocks)
with their bodies, which are editorial; its headings end a block. This
module reads no Markdown syntax of its own beyond the shape above, so the
checks, the hooks and the exports agree on every line. A line that starts
with a comment and goes on with text is read as Python-Markdown renders it:
the comment is dropped and the text after it starts a new block.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterator, Literal, NamedTuple

from checks.model import cache, languages, site
from checks.model.page import Page


# An attribute list on its own line or at the end of a heading:
ATTR_LIST = re.compile(
    r"\{\s*:?\s*"  # opening brace, optional colon
    r"(?P<body>[^{}]*?)"  # the attributes: #id .class key=value
    r"\s*\}\s*$"  # closing brace at the end of the line
)
# An ATX heading: hashes, text, optional trailing attribute list.
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s*\{[^{}]*\})?\s*$")
# A bullet list item: marker, space, text.
LIST_ITEM = re.compile(r"^[-*+]\s+(?P<text>.*)$")
# A numbered paragraph opens with its number: "2.1 本協力覚書…".
PARAGRAPH_NUMBER = re.compile(r"^(?P<art>\d+)\.(?P<par>\d+)\s+")
# Inline markup that is not text: bold/italic markers, line breaks, comments.
INLINE_MARKUP = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|<br\s*/?>|<!--.*?-->")
# What Markdown strips at a line's ends: ASCII blanks only. A no-break or an
# ideographic space is text, as in the signed original.
BLANK = " \t\r"

Kind = Literal["title", "preamble", "recital", "article", "intro", "item", "paragraph", "signing-clause", "signatory"]
# The grammar of provision ids, in one table: kind and id pattern (named groups
# a = article, n = number within it). How readers name each kind is in the
# language profiles (``labels``).
GRAMMAR: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("title", re.compile(r"^title$")),
    ("preamble", re.compile(r"^preamble$")),
    ("recital", re.compile(r"^preamble-(?P<n>\d+)$")),
    ("article", re.compile(r"^article-(?P<a>\d+)$")),
    ("intro", re.compile(r"^article-(?P<a>\d+)-intro$")),
    ("item", re.compile(r"^article-(?P<a>\d+)-item-(?P<n>\d+)$")),
    ("paragraph", re.compile(r"^article-(?P<a>\d+)-(?P<n>\d+)$")),
    ("signing-clause", re.compile(r"^signatures$")),
    ("signatory", re.compile(r"^signatory-(?P<n>\d+)$")),
)
ID_PATTERN = dict(GRAMMAR)
HEADING_KINDS: frozenset[str] = frozenset({"title", "preamble", "article"})  # provisions written as headings


class Line(NamedTuple):
    """One source line of a block: 1-based line number, 0-based column."""

    number: int
    col: int
    text: str


@dataclass
class Provision:
    """One addressable unit of the memorandum, with its source position."""

    id: str
    kind: Kind | Literal[""]
    lines: list[Line]
    number: str = ""  # as printed: "1" in an article's heading, "2.3" at a paragraph's start; else from the id
    lang: str = languages.ORIGINAL

    @property
    def line(self) -> int:
        return self.lines[0].number

    @property
    def col(self) -> int:
        return self.lines[0].col + 1

    def chars(self) -> Iterator[tuple[str, int, int]]:
        """Each text character with its 1-based line and column."""
        for ln in self.lines:
            pos = 0
            for m in INLINE_MARKUP.finditer(ln.text):
                for i in range(pos, m.start()):
                    yield ln.text[i], ln.number, ln.col + i + 1
                pos = m.end()
            for i in range(pos, len(ln.text)):
                yield ln.text[i], ln.number, ln.col + i + 1

    @cached_property
    def text(self) -> str:
        """The plain text; lines joined (with a space in English)."""
        sep = site.joiner(self.lang)
        parts = [INLINE_MARKUP.sub("", ln.text).strip(BLANK) for ln in self.lines]
        return sep.join(p for p in parts if p)

    @property
    def text_lines(self) -> list[str]:
        """The plain text of each source line (a signatory's parts)."""
        return [INLINE_MARKUP.sub("", ln.text).strip(BLANK) for ln in self.lines]


class Problem(NamedTuple):
    """A place where the page does not have the memorandum's shape."""

    line: int
    col: int
    message: str


@dataclass
class Document:
    path: Path
    lang: str
    provisions: list[Provision]
    problems: list[Problem]

    def ids(self) -> list[str]:
        return [p.id for p in self.provisions]

    def get(self, pid: str) -> Provision | None:
        """The first provision with this id (indexed once the page is parsed)."""
        index = self.__dict__.get("_index")
        if index is None or index[1] != len(self.provisions):
            by_id: dict[str, Provision] = {}
            for p in self.provisions:
                by_id.setdefault(p.id, p)
            index = (by_id, len(self.provisions))
            self.__dict__["_index"] = index
        return index[0].get(pid)

    def of_kind(self, kind: str) -> list[Provision]:
        return [p for p in self.provisions if p.kind == kind]


def parse_attrs(body: str) -> str | None:
    """The id of an attribute list's body: ``#id .a .b`` -> "id"."""
    pid = None
    for tok in body.split():
        if tok.startswith("#"):
            pid = tok[1:]
    return pid


def _blocks(page: Page) -> Iterator[list[Line]]:
    """Blank-line separated blocks of a page's body, read through the page model's regions: what is
    in a comment, a code block or an editorial block (an admonition and its body) is left out."""
    text, block = page.text, []
    offset = page.body_start
    for number, raw in enumerate(text[page.body_start:].splitlines(keepends=True), page.body_line):
        start, line = offset, raw.rstrip("\r\n")
        offset += len(raw)
        stripped = line.lstrip(BLANK)
        at = start + len(line) - len(stripped)  # the first character that is not a blank
        comment = page.region_at(start, "comment")
        if comment and comment[0] < start or page.region_at(start, "code"):
            continue  # the line goes on a comment or a code block of earlier lines
        editorial = page.region_at(start, "editorial")
        if editorial:
            if editorial[0] == start and block:
                yield block  # an admonition ends the block before it
                block = []
            continue
        if stripped.startswith("<!--"):
            # A comment that starts the line: the text after it, if any, is rendered as a block of its own.
            comment = page.region_at(at, "comment")
            if comment is None or comment[1] > start + len(line):
                continue  # the comment goes on to a later line
            rest = text[comment[1]:start + len(line)].lstrip(" \t")
            if not rest.strip(BLANK):
                continue
            if block:
                yield block
                block = []
            block.append(Line(number, len(line) - len(rest), rest.rstrip(BLANK)))
            continue
        if not line.strip(BLANK):
            if block:
                yield block
                block = []
            continue
        # A new list item or heading (the page model's) starts a new block; a heading is one line.
        heading = page.region_at(start, "heading") is not None
        if block and (LIST_ITEM.match(stripped) and line == stripped or heading):
            yield block
            block = []
        block.append(Line(number, len(line) - len(stripped), stripped.rstrip(BLANK)))
        if heading:
            yield block
            block = []
    if block:
        yield block


def parse(text: str, path: Path, lang: str | None = None) -> Document:
    """Parse a memorandum page into its provisions."""
    lang = lang or site.lang_of(path)
    doc = Document(path, lang, [], [])
    for block in _blocks(Page(Path(path), text, lang)):
        attrs_id = None
        body = list(block)
        first = body[0]
        heading = HEADING.match(first.text)
        if heading:
            m = re.search(r"\{([^{}]*)\}\s*$", first.text)
            if m:
                attrs_id = parse_attrs(m.group(1).lstrip(":"))
            text = heading.group("text")
            body = [Line(first.number, first.col + heading.start("text"), text)]
        else:
            last = body[-1]
            m = ATTR_LIST.fullmatch(last.text) if last.text.startswith("{") else None
            if m:
                attrs_id = parse_attrs(m.group("body"))
                body = body[:-1]
            if body and LIST_ITEM.match(body[0].text):
                item = LIST_ITEM.match(body[0].text)
                body[0] = Line(body[0].number, body[0].col + item.start("text"), item.group("text"))
        if not body:
            doc.problems.append(Problem(first.number, first.col + 1, "attribute list with no text before it"))
            continue
        if attrs_id is None:
            if heading and len(heading.group("hashes")) == 1:
                doc.problems.append(Problem(first.number, 1, "title heading has no id (expected '{ #title }')"))
            else:
                doc.problems.append(Problem(first.number, first.col + 1, "block has no provision id (expected an attribute list such as '{: #article-2-1 }')"))
            continue
        prov = Provision(attrs_id, "", body, lang=lang)
        _classify(prov, lang, heading is not None)
        if not prov.kind:
            doc.problems.append(Problem(prov.line, prov.col, f"unknown provision id '{attrs_id}'"))
            continue
        doc.provisions.append(prov)
    if not doc.provisions:
        doc.problems.append(Problem(1, 1, "no memorandum structure found (no block carries a provision id)"))
    return doc


def _classify(prov: Provision, lang: str, is_heading: bool) -> None:
    """Set the kind and number of a provision from its id (by ``GRAMMAR``) and text."""
    for kind, pattern in GRAMMAR:
        m = pattern.match(prov.id)
        if m is None or (kind == "article" and not is_heading):
            continue
        prov.kind = kind
        g = m.groupdict()
        if kind == "article":
            # "第 1 条：協力分野" / "Article 1: Areas of Cooperation", as the language's profile reads it
            h = languages.PROFILES[lang].article_heading.match(prov.text) if lang in languages.PROFILES else None
            prov.number = h.group("num") if h else ""
        elif kind == "paragraph":
            n = PARAGRAPH_NUMBER.match(prov.text)
            prov.number = f"{n.group('art')}.{n.group('par')}" if n else ""
        else:
            prov.number = g.get("n") or ""
        return


def sha256_nfc(text: str) -> str:
    """The SHA-256 of a text after NFC normalisation: the hash /memorandum.json and the translation lock use."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()


def load(path: Path) -> Document:
    """Read and parse a page (the caller handles OSError/UnicodeDecodeError)."""
    return parse(path.read_text(encoding="utf-8"), path)


def load_cached(path: Path) -> Document:
    """``load`` memoised on the file's content (hooks parse each memorandum page once per build)."""
    return cache.by_content(path, load, "document")


def parse_id(pid: str) -> tuple[Kind, dict[str, str]] | None:
    """A provision id read by ``GRAMMAR``: its kind and its numbers (a, n)."""
    for kind, pattern in GRAMMAR:
        if m := pattern.match(pid):
            return kind, m.groupdict()
    return None


def label(pid: str, lang: str) -> str:
    """A reader's name for a provision id: 'article-2-3' -> '第 2 条 2.3' / 'Article 2.3'."""
    parsed = parse_id(pid)
    if parsed is None:
        return pid
    kind, numbers = parsed
    return languages.profile(lang).labels[kind].format(**numbers)
