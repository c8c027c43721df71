"""TRM: each defined term is defined once, where the metadata says, and its
English counterpart is defined there and used wherever the Japanese term is."""

from __future__ import annotations

import re
from typing import Iterator

from checks.model import languages
from checks import Finding
from checks.model.corpus import Corpus
from checks.find.termforms import bare, used_in

O, T = languages.ORIGINAL, languages.TRANSLATION
QUOTES_EN = "\"“”'‘’"


def defined_ja(term: str) -> re.Pattern[str]:
    """A Japanese definition quotes the term: 「本協定」."""
    return re.compile(f"「{re.escape(term)}」")


def defined_en(term: str) -> re.Pattern[str]:
    """An English definition quotes the term: "the Agreement" / a "Side"."""
    return re.compile(rf"[{QUOTES_EN}](?:the\s+|a\s+)?{re.escape(bare(term, T))}[{QUOTES_EN}]", re.IGNORECASE)


def check(corpus: Corpus) -> Iterator[Finding]:
    ja, en = corpus.memoranda.get(O), corpus.memoranda.get(T)
    if corpus.facts is None or ja is None:
        return
    rel_ja = corpus.rel(ja.path)
    for term in corpus.facts["defined_terms"]:
        where = term.get("defined_in")
        pattern = defined_ja(term[O])
        hits = [p for p in ja.provisions for _ in pattern.finditer(p.text)]
        if where:
            if len(hits) != 1:
                at = hits[1] if len(hits) > 1 else (ja.get(where) or ja.provisions[0])
                yield Finding(rel_ja, at.line, at.col, "TRM001",
                              f"term 「{term[O]}」 should be defined once, in '#{where}': found {len(hits)} definitions")
            elif hits[0].id != where:
                yield Finding(rel_ja, hits[0].line, hits[0].col, "TRM002",
                              f"term 「{term[O]}」 is defined in '#{hits[0].id}': expected '#{where}' (metadata)")
        if en is None:
            continue
        rel_en = corpus.rel(en.path)
        if where and (target := en.get(where)) is not None and not defined_en(term[T]).search(target.text):
            yield Finding(rel_en, target.line, target.col, "TRM003",
                          f"'#{where}' should define \"{term[T]}\" (counterpart of 「{term[O]}」): not found")
        # Where the Japanese uses the term, the English must: both read by termforms, as the glossary reads them.
        in_en = set(used_in(term, en, T))
        for pid in used_in(term, ja, O):
            if pid != where and (other := en.get(pid)) is not None and pid not in in_en:
                yield Finding(rel_en, other.line, other.col, "TRM004",
                              f"'#{pid}' uses 「{term[O]}」 in Japanese: expected \"{term[T]}\" here, not found")
