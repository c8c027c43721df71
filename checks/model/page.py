"""The page model: one reading of any Markdown page, for checks and hooks alike.

``Page`` holds a page's path, language, front matter (parsed once) and the
regions of its source that are not plain prose, found by one rule set:

==============  ==========================================================
kind            what it covers
==============  ==========================================================
front-matter    the YAML block between the opening and closing ``---``
comment         ``<!-- … -->``, on one line or many; not rendered
code            fenced blocks (````` / ``~~~``, unclosed runs to the end) and
                inline code spans
editorial       an admonition or collapsible block (``!!!`` / ``???``) with
                its indented body: rendered, but not the memorandum's text
heading         an ATX heading line
attr            an attribute list ``{: #id .class }`` / ``{ #id }``
link            an inline link ``[text](target)``
tag             an HTML tag ``<…>``
number          a numbered paragraph's own number at the start of a line
provision-head  a heading that carries an ``#article-N`` id
==============  ==========================================================

Whether a place is prose is then a question of which kinds a reader of the
page skips: the reference check skips what is not rendered as text
(``HIDDEN``); the linkers also skip what must not hold a link (``UNLINKABLE``).
Every scan is one pass over the lines; queries use bisection.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

import yaml

from checks.model import site
from checks.model.metadata import FRONT_MATTER_SCHEMA, read_yaml, validate


HIDDEN = frozenset({"front-matter", "comment", "code", "attr"})  # not read as text by anyone
UNLINKABLE = HIDDEN | {"heading", "link", "tag"}  # where no link may be inserted
NOT_MEMORANDUM_TEXT = UNLINKABLE | {"editorial"}  # what is not the text of a provision

FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
ADMONITION = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]")
HEADING_LINE = re.compile(r"^#{1,6}(?:[ \t]|$)")
PROVISION_HEAD = re.compile(r"\{[^{}\n]*#article-\d+[ \t}]")
OWN_NUMBER = re.compile(r"\d+\.\d+(?=[ \t])")
# Inline regions, each bounded so that no match scans past the next opener
# of its kind (linear in the line's length).
INLINE = re.compile(
    r"(?P<comment><!--)"
    r"|(?P<code>`[^`\n]*`)"
    r"|(?P<link>\[[^\[\]\n]*\]\([^()\n]*\))"
    r"|(?P<attr>\{:?[ \t]*(?:[#.][^{}\s]|[A-Za-z_][\w:.-]*[ \t]*=)[^{}\n]*\})"  # {: #id }, { .c }, {onclick=x}
    r"|(?P<tag></?[A-Za-z][^<>\n]*>|<![A-Za-z][^<>\n]*>)"
)


class Region(NamedTuple):
    start: int
    end: int
    kind: str


class FrontMatterError(NamedTuple):
    line: int
    col: int
    message: str


@dataclass
class Page:
    """A Markdown page as its readers (checks, hooks) see it."""

    path: Path
    text: str
    lang: str = ""
    body_start: int = 0  # offset of the first character after the front matter
    body_line: int = 1  # the line the body starts on
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_error: FrontMatterError | None = None
    regions: list[Region] = field(default_factory=list)
    has_front_matter: bool = True  # False for a body MkDocs has already split off

    def __post_init__(self) -> None:
        self.lang = self.lang or site.lang_of(self.path)
        if self.has_front_matter:
            self._read_front_matter()
        self.regions = list(scan(self.text, self.body_start))
        self._index: dict[str, tuple[list[int], list[int]]] = {}
        for r in sorted(self.regions):
            starts, ends = self._index.setdefault(r.kind, ([], []))
            if ends and r.start < ends[-1]:  # nested in the previous region of its kind
                ends[-1] = max(ends[-1], r.end)
                continue
            starts.append(r.start)
            ends.append(r.end)
        if self.body_start:
            self._index["front-matter"] = ([0], [self.body_start])

    @classmethod
    def of_body(cls, path: str | Path, markdown: str, lang: str) -> "Page":
        """The page model of Markdown without front matter (what a hook receives)."""
        return cls(Path(path), markdown, lang, has_front_matter=False)

    def _read_front_matter(self) -> None:
        if not (self.text.startswith("---\n") or self.text.startswith("---\r\n") or self.text.rstrip() == "---"):
            return
        offset, lines = 0, self.text.splitlines(keepends=True)
        offset += len(lines[0])
        for number, line in enumerate(lines[1:], 2):
            if line.strip() in ("---", "..."):
                head = self.text[len(lines[0]):offset]
                self.body_start, self.body_line = offset + len(line), number + 1
                self._parse_front_matter(head)
                return
            offset += len(line)
        self.front_matter_error = FrontMatterError(1, 1, "front matter opened with '---' is never closed")

    def _parse_front_matter(self, head: str) -> None:
        try:
            data, node = read_yaml(head)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 2, mark.column + 1) if mark else (2, 1)
            self.front_matter_error = FrontMatterError(line, col, f"front matter is not valid YAML: {exc.problem or exc.context}")
            return
        except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
            self.front_matter_error = FrontMatterError(2, 1, f"front matter is not valid YAML: {exc}")
            return
        if data is None:
            return
        if not isinstance(data, dict):
            self.front_matter_error = FrontMatterError(2, 1, f"front matter should be a mapping, found {type(data).__name__}")
            return
        self.front_matter = data
        self._node = node

    def front_matter_problems(self) -> list[FrontMatterError]:
        """What the front matter's values break of ``frontmatter.schema.json`` (types, real dates), by line."""
        node = self.__dict__.get("_node")
        if node is None:
            return []
        return [FrontMatterError(line + 1, col, f"front matter: {message}")
                for line, col, message in validate(node, self.front_matter, FRONT_MATTER_SCHEMA)]

    @property
    def body(self) -> str:
        """The Markdown MkDocs renders: the text after the front matter."""
        return self.text[self.body_start:]

    @property
    def is_memorandum(self) -> bool:
        return site.is_memorandum(self.path.name)

    def title(self, fallback: str = "") -> str:
        """The page's title as MkDocs takes it: front matter, else the first H1."""
        if isinstance(self.front_matter.get("title"), str) and self.front_matter["title"].strip():
            return self.front_matter["title"]
        for r in self.regions:
            if r.kind == "heading" and self.text.startswith("# ", r.start):
                text = self.text[r.start + 2:r.end]
                return re.sub(r"\s*\{[^{}]*\}\s*$", "", text).strip()
        return fallback

    def kinds_at(self, start: int, end: int | None = None) -> set[str]:
        """The kinds of region that overlap ``[start, end)`` (one offset when ``end`` is None)."""
        end = start + 1 if end is None else max(end, start + 1)
        found = set()
        for kind, (starts, ends) in self._index.items():
            i = bisect.bisect_right(starts, end - 1) - 1
            if i >= 0 and ends[i] > start:
                found.add(kind)
        return found

    def region_at(self, offset: int, kind: str) -> tuple[int, int] | None:
        """(start, end) of the region of ``kind`` that holds ``offset``, if one does."""
        starts, ends = self._index.get(kind, ([], []))
        i = bisect.bisect_right(starts, offset) - 1
        return (starts[i], ends[i]) if i >= 0 and ends[i] > offset else None

    def in_any(self, start: int, end: int | None, kinds: Iterable[str]) -> bool:
        """Whether ``[start, end)`` overlaps a region of any of ``kinds``."""
        return not self.kinds_at(start, end).isdisjoint(kinds)

    @cached_property
    def _lines(self) -> "Lines":
        return Lines(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset of the page's text."""
        return self._lines.line_col(offset)


class Lines:
    """1-based line and column of offsets of one text (a page's, or any file's), by bisection."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def scan(text: str, start: int = 0) -> Iterable[Region]:
    """The non-prose regions of ``text`` from ``start``, in one pass over its lines."""
    fence: str | None = None
    fence_start = 0
    comment_start: int | None = None
    editorial: tuple[int, int] | None = None  # (start offset, indent of the opener)
    offset = start
    for line in text[start:].splitlines(keepends=True):
        end = offset + len(line.rstrip("\r\n"))
        pos = offset
        if comment_start is not None:
            close = text.find("-->", offset, end)
            if close < 0:
                offset += len(line)
                continue
            yield Region(comment_start, close + 3, "comment")
            comment_start, pos = None, close + 3
        elif fence is not None:
            m = FENCE.match(line)
            if m and m.group("fence")[0] == fence[0] and len(m.group("fence")) >= len(fence) \
                    and not line[m.end():].strip():
                yield Region(fence_start, end, "code")
                fence = None
            offset += len(line)
            continue
        stripped = line.lstrip(" \t")
        indent = len(line) - len(stripped)
        if editorial is not None and pos == offset:
            if stripped.strip() and indent <= editorial[1]:
                yield Region(editorial[0], offset, "editorial")
                editorial = None
        if pos == offset:
            if (m := FENCE.match(line)) is not None:
                fence, fence_start = m.group("fence"), offset
                offset += len(line)
                continue
            if editorial is None and (m := ADMONITION.match(line)) is not None:
                editorial = (offset, len(m.group("indent")))
            if HEADING_LINE.match(line):
                yield Region(offset, end, "heading")
                if PROVISION_HEAD.search(line):
                    yield Region(offset, end, "provision-head")
            elif (m := OWN_NUMBER.match(line)) is not None:
                yield Region(offset, offset + m.end(), "number")
        comment_start = yield from _inline(text, pos, end)
        offset += len(line)
    if comment_start is not None:
        yield Region(comment_start, len(text), "comment")
    if fence is not None:
        yield Region(fence_start, len(text), "code")
    if editorial is not None:
        yield Region(editorial[0], len(text), "editorial")


def _inline(text: str, pos: int, end: int):
    """Inline regions of one line from ``pos``; returns where an unclosed comment starts."""
    while pos < end:
        m = INLINE.search(text, pos, end)
        if m is None:
            return None
        kind = m.lastgroup
        if kind == "comment":
            close = text.find("-->", m.end(), end)
            if close < 0:
                return m.start()
            yield Region(m.start(), close + 3, "comment")
            pos = close + 3
            continue
        yield Region(m.start(), m.end(), kind)
        pos = m.end()
    return None


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each blank-line separated block of ``text``."""
    start: int | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            start = offset if start is None else start
        elif start is not None:
            yield start, offset
            start = None
        offset += len(line)
    if start is not None:
        yield start, offset
