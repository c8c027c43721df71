"""References to provisions in running text, in both languages.

One finder for the references check and the cross-reference hook:
``第 2 条``, ``第 2 条 2.3``, a bare ``2.3`` in Japanese prose,
``Article 2``, ``Article 2.3``, ``paragraph 2.3`` / ``paragraphs``.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator, NamedTuple

REFERENCE = {
    "ja": re.compile(
        r"第[ \t]*(?P<art>\d+)[ \t]*条"  # 第 2 条
        r"(?:[ \t\u3000]*(?P<art2>\d+)\.(?P<par>\d+)(?![\d.]))?"  # optional paragraph: 2.3
        r"|(?<![\w.\-/])(?<![A-Za-z] )(?P<bart>[1-9]\d?)\.(?P<bpar>[1-9]\d?)(?![\d.%\w])"  # bare 2.3
    ),
    "en": re.compile(
        r"\b(?:Article|Art\.)\s+(?P<art>\d+)(?:\.(?P<par>\d+))?(?![\d.]\d)"  # Article 2 / Article 2.3
        r"|\b[Pp]aragraphs?\s+(?P<bart>\d+)\.(?P<bpar>\d+)(?![\d.]\d)"  # paragraph 2.3
    ),
}
# Regions that are not running text: fenced code, inline code, headings,
# a numbered paragraph's own number, existing links' text and targets,
# HTML tags and attribute lists.
_CODE_SPANS = (
    r"^(?P<fence>`{3,}|~{3,}).*?^(?P=fence)[ \t]*$"  # fenced code block
    r"|`[^`\n]+`"  # inline code
)
# Code: what no check reads as prose.
CODE = re.compile(_CODE_SPANS, re.MULTILINE | re.DOTALL)
_CODE = (
    _CODE_SPANS
    + r"|^\d+\.\d+(?=[ \t])"  # a numbered paragraph's own number
    r"|\{[:#.][^}\n]*\}"  # attribute list
    r"|\A---\n.*?\n---$"  # front matter
    r"|^#{1,6}[ \t][^\n]*\{[^}\n]*#article-\d+[ }][^\n]*$"  # an article's own heading
)
# What the checker reads past: code, front matter, attribute lists.
SKIP_CODE = re.compile(_CODE, re.MULTILINE | re.DOTALL)
# What the linker also leaves alone: headings, existing links, HTML tags.
SKIP = re.compile(
    _CODE
    + r"|^#{1,6}[ \t][^\n]*$"  # heading line
    r"|\[[^\]\n]*\]\([^)\n]*\)"  # inline link [text](target)
    r"|<[^>\n]+>",  # an HTML tag
    re.MULTILINE | re.DOTALL,
)


# A reference to an article of another instrument is not ours:
# "1994 年協定の第 4 条", "Article 4 of the 1994 Agreement".
OTHER_INSTRUMENT_BEFORE = {"ja": re.compile(r"(?:協定|アコード|条約|憲章)の?[ \t]*$")}
OTHER_INSTRUMENT_AFTER = {
    "en": re.compile(r"^\s+of\s+(?:the\s+)?(?!(?:this\s+)?Memorandum\b)(?:\d{4}\s+)?[A-Z]"),
}


class Ref(NamedTuple):
    start: int
    end: int
    article: int
    paragraph: int | None
    text: str

    @property
    def target(self) -> str:
        if self.paragraph is None:
            return f"article-{self.article}"
        return f"article-{self.article}-{self.paragraph}"


def find(text: str, lang: str, skip: re.Pattern[str] = SKIP) -> Iterator[Ref]:
    """References in ``text`` outside the regions ``skip`` matches."""
    pattern = REFERENCE.get(lang)
    if pattern is None:
        return
    skipped = [(m.start(), m.end()) for m in skip.finditer(text)]
    k = 0
    for m in pattern.finditer(text):
        while k < len(skipped) and skipped[k][1] <= m.start():
            k += 1
        if k < len(skipped) and skipped[k][0] < m.end():
            continue
        before, after = OTHER_INSTRUMENT_BEFORE.get(lang), OTHER_INSTRUMENT_AFTER.get(lang)
        if before and before.search(text, max(0, m.start() - 12), m.start()):
            continue
        if after and after.match(text[m.end():m.end() + 40]):
            continue
        g = m.groupdict()
        if g.get("art") is not None:
            article = int(g["art"])
            par = g.get("par")
            if par is not None and g.get("art2") is not None and int(g["art2"]) != article:
                # 第 2 条 3.1 names a paragraph of another article: report as written
                article = int(g["art2"])
            paragraph = int(par) if par is not None else None
        else:
            article, paragraph = int(g["bart"]), int(g["bpar"])
        yield Ref(m.start(), m.end(), article, paragraph, m.group(0))


def in_code(text: str) -> Callable[[int], bool]:
    """A test of whether an offset of ``text`` lies in code (fenced or inline)."""
    regions = [(m.start(), m.end()) for m in CODE.finditer(text)]
    return lambda offset: any(a <= offset < b for a, b in regions)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
