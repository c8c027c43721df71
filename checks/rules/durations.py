"""DUR: the notice period agrees across languages and with the metadata."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from checks.model import languages
from checks import Finding
from checks.find.durations import months_in
from checks.model.corpus import Corpus


def check(corpus: Corpus) -> Iterator[Finding]:
    if corpus.facts is None:
        return
    notice = corpus.facts["notice_period"]
    months, pid = int(notice.get("months", 0)), notice.get("provision")
    found: dict[str, dict[str, Counter[int]]] = {}
    for lang, doc in corpus.memoranda.items():
        found[lang] = {p.id: Counter(months_in(p.text, lang)) for p in doc.provisions}
        prov = doc.get(pid) if pid else None
        if prov is None:
            continue
        got = sorted(found[lang][pid].elements())
        if got != [months]:
            yield Finding(corpus.rel(doc.path), prov.line, prov.col, "DUR001",
                          f"notice period in '#{pid}': expected {months} months ('{notice.get(lang)}'), "
                          f"found {', '.join(f'{g} months' for g in got) or 'none'}")
    o, t = languages.ORIGINAL, languages.TRANSLATION
    if o in found and t in found:
        en = corpus.memoranda[t]
        for prov in en.provisions:
            want, got = found[o].get(prov.id), found[t][prov.id]
            if want is not None and want != got and prov.id != pid:
                yield Finding(corpus.rel(en.path), prov.line, prov.col, "DUR002",
                              f"durations in '#{prov.id}' differ between languages: expected "
                              f"{sorted(want.elements())} months (ja), found {sorted(got.elements())}")
