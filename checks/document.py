"""The document model of a memorandum page: one parser for checks and hooks.

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

Admonitions (``!!!`` / ``???`` blocks), HTML comments and front matter are
editorial and are not part of the memorandum's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterator, NamedTuple

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
# An admonition or collapsible block opener (pymdownx/admonition syntax).
ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s")
# Article headings: "第 1 条：協力分野" / "Article 1: Areas of Cooperation".
ARTICLE_HEADING = {
    "ja": re.compile(r"^第\s*(?P<num>\d+)\s*条\s*[：:]\s*(?P<title>.*)$"),
    "en": re.compile(r"^Article\s+(?P<num>\d+)\s*[:：.]\s*(?P<title>.*)$"),
}
# A numbered paragraph opens with its number: "2.1 本協力覚書…".
PARAGRAPH_NUMBER = re.compile(r"^(?P<art>\d+)\.(?P<par>\d+)\s+")
# Inline markup that is not text: bold/italic markers and line breaks.
INLINE_MARKUP = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|<br\s*/?>")
# Provision ids and their parts.
ID_ARTICLE = re.compile(r"^article-(?P<num>\d+)$")
ID_PARAGRAPH = re.compile(r"^article-(?P<art>\d+)-(?P<par>\d+)$")
ID_ITEM = re.compile(r"^article-(?P<art>\d+)-item-(?P<item>\d+)$")
ID_RECITAL = re.compile(r"^preamble-(?P<num>\d+)$")
ID_SIGNATORY = re.compile(r"^signatory-(?P<num>\d+)$")
ID_INTRO = re.compile(r"^article-(?P<num>\d+)-intro$")


class Line(NamedTuple):
    """One source line of a block: 1-based line number, 0-based column."""

    number: int
    col: int
    text: str


@dataclass
class Provision:
    """One addressable unit of the memorandum, with its source position."""

    id: str
    kind: str  # title, preamble, recital, article, intro, item, paragraph, signing-clause, signatory
    lines: list[Line]
    number: str = ""  # "1" for an article, "2.3" for a paragraph, "4" for an item
    heading: str = ""  # an article's title after the number
    classes: tuple[str, ...] = ()
    lang: str = "ja"

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
        sep = "" if self.lang == "ja" else " "
        parts = [INLINE_MARKUP.sub("", ln.text).strip() for ln in self.lines]
        return sep.join(p for p in parts if p)

    @property
    def text_lines(self) -> list[str]:
        """The plain text of each source line (a signatory's parts)."""
        return [INLINE_MARKUP.sub("", ln.text).strip() for ln in self.lines]


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
    front_matter_lines: int = 0

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


def parse_attrs(body: str) -> tuple[str | None, tuple[str, ...]]:
    """``#id .a .b`` -> ("id", ("a", "b"))."""
    pid, classes = None, []
    for tok in body.split():
        if tok.startswith("#"):
            pid = tok[1:]
        elif tok.startswith("."):
            classes.append(tok[1:])
    return pid, tuple(classes)


def lang_of(path: Path) -> str:
    """The language of a page from its suffix: ``memorandum.en.md`` -> en."""
    parts = path.name.split(".")
    return parts[-2] if len(parts) >= 3 else "ja"


def _blocks(lines: list[str], start: int) -> Iterator[list[Line]]:
    """Blank-line separated blocks, editorial blocks left out."""
    block: list[Line] = []
    in_admonition = in_comment = False
    for idx in range(start, len(lines)):
        raw = lines[idx]
        number = idx + 1
        if in_comment:
            in_comment = "-->" not in raw
            continue
        if raw.lstrip().startswith("<!--"):
            in_comment = "-->" not in raw
            continue
        if in_admonition:
            if not raw.strip() or raw.startswith(("    ", "\t")):
                continue
            in_admonition = False
        if ADMONITION.match(raw):
            if block:
                yield block
                block = []
            in_admonition = True
            continue
        if not raw.strip():
            if block:
                yield block
                block = []
            continue
        stripped = raw.lstrip()
        # A new list item or heading starts a new block.
        if block and (LIST_ITEM.match(stripped) and raw == stripped or HEADING.match(raw)):
            yield block
            block = []
        block.append(Line(number, len(raw) - len(stripped), stripped.rstrip()))
        if HEADING.match(raw):
            yield block
            block = []
    if block:
        yield block


def parse(text: str, path: Path, lang: str | None = None) -> Document:
    """Parse a memorandum page into its provisions."""
    lang = lang or lang_of(path)
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                start = i + 1
                break
    doc = Document(path, lang, [], [], start)
    for block in _blocks(lines, start):
        attrs_id, classes = None, ()
        body = list(block)
        first = body[0]
        heading = HEADING.match(first.text)
        if heading:
            m = re.search(r"\{([^{}]*)\}\s*$", first.text)
            if m:
                attrs_id, classes = parse_attrs(m.group(1).lstrip(":"))
            text = heading.group("text")
            body = [Line(first.number, first.col + heading.start("text"), text)]
        else:
            last = body[-1]
            m = ATTR_LIST.fullmatch(last.text) if last.text.startswith("{") else None
            if m:
                attrs_id, classes = parse_attrs(m.group("body"))
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
        prov = Provision(attrs_id, "", body, classes=classes, lang=lang)
        kind_of(prov, lang, heading is not None)
        if not prov.kind:
            doc.problems.append(Problem(prov.line, prov.col, f"unknown provision id '{attrs_id}'"))
            continue
        doc.provisions.append(prov)
    if not doc.provisions:
        doc.problems.append(Problem(1, 1, "no memorandum structure found (no block carries a provision id)"))
    return doc


def kind_of(prov: Provision, lang: str, is_heading: bool) -> None:
    """Set the kind and number of a provision from its id and text."""
    pid, text = prov.id, prov.text
    if pid == "title":
        prov.kind = "title"
    elif pid == "preamble":
        prov.kind = "preamble"
    elif m := ID_RECITAL.match(pid):
        prov.kind, prov.number = "recital", m.group("num")
    elif ID_ARTICLE.match(pid) and is_heading:
        prov.kind = "article"
        h = ARTICLE_HEADING[lang].match(text) if lang in ARTICLE_HEADING else None
        prov.number = h.group("num") if h else ""
        prov.heading = h.group("title") if h else text
    elif ID_INTRO.match(pid):
        prov.kind = "intro"
    elif m := ID_ITEM.match(pid):
        prov.kind, prov.number = "item", m.group("item")
    elif ID_PARAGRAPH.match(pid):
        prov.kind = "paragraph"
        n = PARAGRAPH_NUMBER.match(text)
        prov.number = f"{n.group('art')}.{n.group('par')}" if n else ""
    elif pid == "signatures":
        prov.kind = "signing-clause"
    elif m := ID_SIGNATORY.match(pid):
        prov.kind, prov.number = "signatory", m.group("num")


def load(path: Path) -> Document:
    """Read and parse a page (the caller handles OSError/UnicodeDecodeError)."""
    return parse(path.read_text(encoding="utf-8"), path)


_CACHE: dict[tuple[str, int, int], Document] = {}


def load_cached(path: Path) -> Document:
    """``load`` memoised on the file's path, mtime and size (hooks parse once per build)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE.clear() if len(_CACHE) > 32 else None
        _CACHE[key] = load(path)
    return _CACHE[key]


def memorandum_path(docs_dir: str | Path, lang: str) -> Path:
    """Where a language's memorandum page lives."""
    return Path(docs_dir) / f"memorandum.{lang}.md"


# How a provision is named to readers, by id pattern and language.
_LABELS = {
    "ja": {"title": "題名", "preamble": "序文", "recital": "序文 第 {n} 段", "article": "第 {a} 条",
           "intro": "第 {a} 条 柱書", "item": "第 {a} 条 分野 {n}", "paragraph": "第 {a} 条 {a}.{n}",
           "signing-clause": "署名", "signatory": "署名者 {n}"},
    "en": {"title": "Title", "preamble": "Preamble", "recital": "Preamble, recital {n}", "article": "Article {a}",
           "intro": "Article {a}, introduction", "item": "Article {a}, area {n}", "paragraph": "Article {a}.{n}",
           "signing-clause": "Signatures", "signatory": "Signatory {n}"},
}


def label(pid: str, lang: str) -> str:
    """A reader's name for a provision id: 'article-2-3' -> '第 2 条 2.3' / 'Article 2.3'."""
    names = _LABELS.get(lang, _LABELS["en"])
    if pid in ("title", "preamble"):
        return names[pid]
    if pid == "signatures":
        return names["signing-clause"]
    for kind, pattern in (("recital", ID_RECITAL), ("signatory", ID_SIGNATORY), ("item", ID_ITEM),
                          ("paragraph", ID_PARAGRAPH), ("article", ID_ARTICLE)):
        if m := pattern.match(pid):
            g = m.groupdict()
            return names[kind].format(a=g.get("art") or g.get("num"), n=g.get("num") or g.get("item") or g.get("par"))
    if m := ID_INTRO.match(pid):
        return names["intro"].format(a=m.group("num"))
    return pid
