"""References to provisions in running text, in both languages.

One finder for the references check, the cross-reference hook and the
backlinks: ``第 2 条``, ``第 2 条 2.3``, a bare ``2.3`` in Japanese prose,
``Article 2``, ``Article 2.3``, ``paragraph 2.3`` / ``paragraphs``, and
Markdown links written to ``memorandum.md#<id>``. Where a reference may sit
is the page model's answer (``checks.model.page``), the same for every caller.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from checks.model import languages
from checks.model.page import HIDDEN, UNLINKABLE, Page

# Kanji numerals (一 … 九十九), as the Japanese profile's reference pattern reads them.
KANJI = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_LIST_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def number(text: str) -> int:
    """An Arabic, full-width or kanji numeral as an int: '3', '３', '三', '十二', '二十一'."""
    if text.isdigit():
        return int(text)  # int() reads full-width digits too
    if "十" in text:
        tens, _, units = text.partition("十")
        return (KANJI.get(tens, 1) if tens else 1) * 10 + (KANJI.get(units, 0) if units else 0)
    return KANJI.get(text, 0)


# A link to a version's page: ](../memorandum/2026-11-25/#article-2-3), href="en/memorandum/2026-11-25/"
LINK_TO_VERSION = re.compile(r"(?:\]\(|href=[\"'])(?P<path>[^)\s\"'#]*?memorandum/(?P<date>\d{4}-\d{2}-\d{2})/?)")


def version_links(page: Page) -> Iterator[tuple[int, str, str]]:
    """(offset, date, path) of every link in running text to a version's page (``checks.render.dated``)."""
    for m in LINK_TO_VERSION.finditer(page.text, page.body_start):
        if not page.in_any(m.start(), m.end(), HIDDEN - {"attr"}):
            yield m.start("path"), m.group("date"), m.group("path")


# A Markdown link written to a provision: ](memorandum.md#article-2-3), ](../memorandum.md#…)
LINK_TO_PROVISION = re.compile(r"\]\((?:\.\./)*memorandum\.md#(?P<id>[^)\s\"']*)")
# Regions where no reference is read: hidden text, a numbered paragraph's own
# number and an article's own heading.
NOT_REFERENCES = HIDDEN | {"number", "provision-head"}

# A reference to an article of another instrument is not ours:
# "1994 年協定の第 4 条", "Article 4 of the 1994 Agreement".
class Ref(NamedTuple):
    start: int
    end: int
    target: str  # the provision id it names
    text: str
    linkable: bool  # running text where a link may be inserted (not a heading, link or tag)


def _target(article: int, paragraph: int | None) -> str:
    return f"article-{article}" if paragraph is None else f"article-{article}-{paragraph}"


def _japanese(m: re.Match[str], linkable: bool) -> Ref:
    g = m.groupdict()
    if g.get("art") is not None:
        article, paragraph = number(g["art"]), None
        if g.get("par") is not None:
            article, paragraph = number(g["art2"]), number(g["par"])  # 第 2 条 3.1 names 3.1: report it as written
        elif g.get("par2") is not None:
            paragraph = number(g["par2"])
    else:
        article, paragraph = number(g["bart"]), number(g["bpar"])
    return Ref(m.start(), m.end(), _target(article, paragraph), m.group(0), linkable)


def _english(m: re.Match[str], linkable: bool) -> list[Ref]:
    """One reference per number in a list: 'Articles 2.5 and 2.6' is 2.5 and 2.6, 'paragraphs 2.1 to 2.4'
    names its ends. The first reference's text includes the keyword."""
    paragraph_kw = m.group("kw").lower().startswith("para")
    out = []
    for k, n in enumerate(_LIST_NUMBER.finditer(m.group(0), m.start("list") - m.start())):
        art, _, par = n.group(0).partition(".")
        if paragraph_kw and not par:
            continue  # "paragraph 3" without an article is not a provision of this memorandum
        start = m.start() if k == 0 else m.start() + n.start()
        end = m.start() + n.end()
        out.append(Ref(start, end, _target(int(art), int(par) if par else None), m.string[start:end], linkable))
    return out


def find(page: Page) -> Iterator[Ref]:
    """Every reference in ``page``'s rendered text, in order."""
    text, lang = page.text, page.lang
    found: list[Ref] = []
    # How each language writes a reference (第 2 条 2.3, 第二条, bare 2.3; Article 2.3, Articles 2.5 and 2.6) and
    # an article of another instrument (1994 年協定の第 4 条; Article 4 of the 1994 Agreement): its profile.
    p = languages.PROFILES.get(lang)
    if p is not None:
        pattern, before, after = p.reference, p.other_instrument_before, p.other_instrument_after
        for m in pattern.finditer(text, page.body_start):
            kinds = page.kinds_at(m.start(), m.end())
            if not kinds.isdisjoint(NOT_REFERENCES):
                continue
            if before and before.search(text, max(0, m.start() - 12), m.start()):
                continue
            if after and after.match(text, m.end(), m.end() + 40):
                continue
            linkable = kinds.isdisjoint(UNLINKABLE)
            # A pattern with a list ("Articles 2.5 and 2.6") gives a reference per number.
            found.extend(_english(m, linkable) if "list" in pattern.groupindex else [_japanese(m, linkable)])
    for m in LINK_TO_PROVISION.finditer(text, page.body_start):
        if page.in_any(m.start(), m.end(), HIDDEN - {"attr"}):
            continue
        found.append(Ref(m.start("id"), m.end("id"), m.group("id"), m.group(0)[2:], False))
    yield from sorted(found)
