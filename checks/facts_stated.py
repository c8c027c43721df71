"""FCT: the facts the metadata holds, wherever a page states them.

FCT001: the signing clause does not name the signing place of the metadata.
FCT002: a page says the memorandum is legally binding (the metadata, after
        Article 2.1, says it is not), or the binding provision does not say so.
FCT003: a notice period on an editorial page that is not the metadata's.
FCT004: a number of originals that is not the metadata's (the signing clause
        must state it).
FCT005: an editorial page writes out a fact the metadata holds: it must use
        the placeholder, so the fact is written once (the message names it).

Dates are DAT's (every format: Reiwa era, ISO, British order, ordinals).
Code and comments are not read; front matter is (it is the page's description).
"""

from __future__ import annotations

import re
from typing import Iterator

from checks import Finding
from checks.corpus import Corpus
from checks.dates import dates_in
from checks.durations import WORDS, durations_in
from checks.metadata import iso
from checks.page import Page

NUMBER_WORDS = {v: k for k, v in WORDS.items()}
ORIGINALS = {
    "ja": re.compile(r"原本[ \t]*(?P<n>[0-9０-９]+|[一二三四五六七八九十]+)[ \t]*通"),
    "en": re.compile(r"\b(?P<n>\d+|" + "|".join(WORDS) + r")[ \t]+(?:signed[ \t]+)?originals\b"
                     r"|\bin[ \t]+(?P<dup>duplicate|triplicate)\b", re.IGNORECASE),
}
MULTIPLES = {"duplicate": 2, "triplicate": 3}
KANJI_NUMBER = {c: i for i, c in enumerate("〇一二三四五六七八九十")}
BINDING = {
    "ja": re.compile(r"法的拘束力(?:を|が|は)[ \t]*(?P<verb>持たず|持たない|有しない|ない|なく|ありません|持つ|有する|ある|あります)"),
    "en": re.compile(r"\blegally[ \t-]+binding\b", re.IGNORECASE),
}
NEGATION_EN = re.compile(r"\b(?:not|no|nor|non|never|neither|without|n't)\b[\w\s,-]{0,24}$|non-$", re.IGNORECASE)
NEGATIVE_JA = {"持たず", "持たない", "有しない", "ない", "なく", "ありません"}
HIDDEN = ("code", "comment")


def _count(text: str) -> int:
    text = text.lower()
    if text.isdigit():
        return int(text)
    return WORDS.get(text) or MULTIPLES.get(text) or KANJI_NUMBER.get(text, 0)


def originals_in(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """(offset, number) for each number of originals written in ``text``."""
    for m in ORIGINALS[lang].finditer(text):
        yield m.start(), _count(m.group("n") or m.group("dup"))


def binding_claims(text: str, lang: str) -> Iterator[tuple[int, bool]]:
    """(offset, says binding) for each statement of legal force."""
    for m in BINDING[lang].finditer(text):
        if lang == "ja":
            yield m.start(), m.group("verb") not in NEGATIVE_JA
        else:
            yield m.start(), not NEGATION_EN.search(text, max(0, m.start() - 40), m.start())


def _visible(page: Page, offset: int) -> bool:
    return not page.in_any(offset, None, HIDDEN)


def check(corpus: Corpus) -> Iterator[Finding]:
    facts = corpus.facts
    if facts is None:
        return
    binding = bool(facts["legally_binding"])
    originals = int(facts["signed"]["originals"])
    months = int(facts["notice_period"]["months"])
    signed = iso(facts["signed"]["date"])
    for lang, doc in corpus.memoranda.items():
        rel = corpus.rel(doc.path)
        if (clause := doc.get("signatures")) is not None:
            place = facts["signed"]["place"][lang]
            if place not in clause.text:
                yield Finding(rel, clause.line, clause.col, "FCT001",
                              f"signing clause does not name the signing place: expected '{place}' (metadata signed.place)")
            stated = [n for _, n in originals_in(clause.text, lang)]
            if stated != [originals]:
                yield Finding(rel, clause.line, clause.col, "FCT004", f"signing clause: expected {originals} originals "
                                                                      f"(metadata signed.originals), found {stated or 'none'}")
        if (prov := doc.get(facts["binding_provision"])) is not None:
            claims = [says for _, says in binding_claims(prov.text, lang)]
            if claims != [binding]:
                want = "legally binding" if binding else "not legally binding"
                yield Finding(rel, prov.line, prov.col, "FCT002", f"'#{prov.id}' should say the memorandum is {want} "
                                                                  f"(metadata legally_binding: {str(binding).lower()})")
    for path, page in corpus.pages.items():
        rel, lang, text = corpus.rel(path), page.lang, page.text
        memorandum = page.is_memorandum
        for offset, says in binding_claims(text, lang):
            if says != binding and _visible(page, offset):
                line, col = page.line_col(offset)
                yield Finding(rel, line, col, "FCT002", "states that the memorandum is "
                              f"{'' if says else 'not '}legally binding: the metadata (Article 2.1) says it is "
                              f"{'' if binding else 'not '}legally binding")
        for offset, n in originals_in(text, lang):
            if not _visible(page, offset):
                continue
            line, col = page.line_col(offset)
            if n != originals:
                yield Finding(rel, line, col, "FCT004", f"{n} originals: expected {originals} (metadata signed.originals)")
            elif not memorandum:
                yield Finding(rel, line, col, "FCT005", "the number of originals written out: expected the "
                                                        "placeholder {{ originals }}" + (" (in words: {{ originals_words }})" if lang == "en" else ""))
        if memorandum:
            continue
        for offset, value in dates_in(text, lang):
            if value == signed and _visible(page, offset):
                line, col = page.line_col(offset)
                yield Finding(rel, line, col, "FCT005", "the signing date written out: expected the placeholder "
                                                        "{{ signed_date }}")
        for m in durations_in(text, lang):
            if not _visible(page, m[0]):
                continue
            line, col = page.line_col(m[0])
            if m[1] != months:
                yield Finding(rel, line, col, "FCT003", f"notice period of {m[1]} months: expected {months} "
                                                        "(metadata notice_period), written as {{ notice_period }}")
            else:
                yield Finding(rel, line, col, "FCT005", "the notice period written out: expected the placeholder "
                                                        "{{ notice_period }}")
        place = facts["signed"]["place"][lang]
        for word in {place, place.split(",")[0]}:
            start = 0
            while (at := text.find(word, start)) >= 0:
                start = at + len(word)
                if _visible(page, at) and (lang == "en" or word == place):
                    line, col = page.line_col(at)
                    yield Finding(rel, line, col, "FCT005", f"the signing place written out ('{word}'): expected "
                                                            "the placeholder {{ signed_place }}")
