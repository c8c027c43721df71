"""References to provisions in running text, in both languages.

One finder for the references check, the cross-reference hook and the
backlinks: ``第 2 条``, ``第 2 条 2.3``, a bare ``2.3`` in Japanese prose,
``Article 2``, ``Article 2.3``, ``paragraph 2.3`` / ``paragraphs``, and
Markdown links written to ``memorandum.md#<id>``. Where a reference may sit
is the page model's answer (``checks.page``), the same for every caller.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from checks.page import HIDDEN, UNLINKABLE, Page

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
# A Markdown link written to a provision: ](memorandum.md#article-2-3), ](../memorandum.md#…)
LINK_TO_PROVISION = re.compile(r"\]\((?:\.\./)*memorandum\.md#(?P<id>[^)\s\"']*)")
# Regions where no reference is read: hidden text, a numbered paragraph's own
# number and an article's own heading.
NOT_REFERENCES = HIDDEN | {"number", "provision-head"}

# A reference to an article of another instrument is not ours:
# "1994 年協定の第 4 条", "Article 4 of the 1994 Agreement".
OTHER_INSTRUMENT_BEFORE = {"ja": re.compile(r"(?:協定|アコード|条約|憲章)の?[ \t]*$")}
OTHER_INSTRUMENT_AFTER = {
    "en": re.compile(r"\s+of\s+(?:the\s+)?(?!(?:this\s+)?Memorandum\b)(?:\d{4}\s+)?[A-Z]"),
}


class Ref(NamedTuple):
    start: int
    end: int
    target: str  # the provision id it names
    text: str
    linkable: bool  # running text where a link may be inserted (not a heading, link or tag)


def _target(article: int, paragraph: int | None) -> str:
    return f"article-{article}" if paragraph is None else f"article-{article}-{paragraph}"


def find(page: Page) -> Iterator[Ref]:
    """Every reference in ``page``'s rendered text, in order."""
    text, lang = page.text, page.lang
    found: list[Ref] = []
    pattern = REFERENCE.get(lang)
    if pattern is not None:
        before, after = OTHER_INSTRUMENT_BEFORE.get(lang), OTHER_INSTRUMENT_AFTER.get(lang)
        for m in pattern.finditer(text, page.body_start):
            kinds = page.kinds_at(m.start(), m.end())
            if not kinds.isdisjoint(NOT_REFERENCES):
                continue
            if before and before.search(text, max(0, m.start() - 12), m.start()):
                continue
            if after and after.match(text, m.end(), m.end() + 40):
                continue
            g = m.groupdict()
            if g.get("art") is not None:
                article = int(g["art"])
                par = g.get("par")
                if par is not None and g.get("art2") is not None:
                    article = int(g["art2"])  # 第 2 条 3.1 names paragraph 3.1: report it as written
                paragraph = int(par) if par is not None else None
            else:
                article, paragraph = int(g["bart"]), int(g["bpar"])
            found.append(Ref(m.start(), m.end(), _target(article, paragraph), m.group(0),
                             kinds.isdisjoint(UNLINKABLE)))
    for m in LINK_TO_PROVISION.finditer(text, page.body_start):
        if page.in_any(m.start(), m.end(), HIDDEN - {"attr"}):
            continue
        found.append(Ref(m.start("id"), m.end("id"), m.group("id"), m.group(0)[2:], False))
    yield from sorted(found)
