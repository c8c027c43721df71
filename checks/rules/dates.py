"""DAT: dates in the text equal the metadata, the same in both languages."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from checks.model import languages
from checks import Finding
from checks.find.dates import dates_in, known_dates
from checks.model.corpus import Corpus
from checks.model.metadata import format_date, iso


def unknown_dates(text: str, lang: str, known: set[str]) -> Iterator[tuple[int, str, str]]:
    """(offset, code, message) for each date a text states that the metadata does not hold (DAT001)."""
    listed = ", ".join(sorted(known))
    for offset, value in dates_in(text, lang):
        if value not in known:
            yield offset, "DAT001", f"date {value} is not in the metadata: expected one of {listed}"


def check(corpus: Corpus) -> Iterator[Finding]:
    if corpus.facts is None:
        return
    known = known_dates(corpus.facts)
    for path, page in corpus.pages.items():
        if page.lang not in languages.PROFILES:
            continue
        for offset, code, message in unknown_dates(page.text, page.lang, known):
            if not page.in_any(offset, None, ("code", "comment")):
                line, col = page.line_col(offset)
                yield Finding(corpus.rel(path), line, col, code, message)
    signed = iso(corpus.facts["signed"]["date"])
    per_lang: dict[str, dict[str, Counter[str]]] = {}
    for lang, doc in corpus.memoranda.items():
        per_lang[lang] = {p.id: Counter(d for _, d in dates_in(p.text, lang)) for p in doc.provisions}
        clause = doc.get("signatures")
        if clause is not None and signed not in per_lang[lang]["signatures"]:
            yield Finding(corpus.rel(doc.path), clause.line, clause.col, "DAT003",
                          f"signing clause does not state the signing date: expected '{format_date(signed, lang)}'")
    o, t = languages.ORIGINAL, languages.TRANSLATION
    if o in per_lang and t in per_lang:
        en = corpus.memoranda[t]
        for prov in en.provisions:
            want = per_lang[o].get(prov.id)
            got = per_lang[t][prov.id]
            if want is not None and want != got:
                yield Finding(corpus.rel(en.path), prov.line, prov.col, "DAT002",
                              f"dates in '#{prov.id}' differ between languages: expected "
                              f"{sorted(want.elements()) or 'none'} (ja), found {sorted(got.elements()) or 'none'}")
