"""PAR: both languages have the same pages and the same provisions in the same order."""

from __future__ import annotations

import difflib
from typing import Iterator

from checks.model import languages
from checks import Finding
from checks.model.corpus import Corpus
from checks.model.site import LANGS, other


def check(corpus: Corpus) -> Iterator[Finding]:
    names = {lang: {str(p.relative_to(corpus.docs)).rsplit(".", 2)[0]: p for p in corpus.paths
                    if p.name.endswith(f".{lang}.md")} for lang in LANGS}
    for lang in LANGS:
        for name, path in sorted(names[lang].items()):
            if name not in names[other(lang)]:
                yield Finding(corpus.rel(path), 1, 1, "PAR002",
                              f"page has no {other(lang)} counterpart: expected {name}.{other(lang)}.md")
    ja, en = corpus.memoranda.get(languages.ORIGINAL), corpus.memoranda.get(languages.TRANSLATION)
    if ja is None or en is None or not ja.provisions or not en.provisions:
        return  # STR004 already says the page has no structure
    a, b = ja.ids(), en.ids()
    rel_ja, rel_en = corpus.rel(ja.path), corpus.rel(en.path)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op in ("delete", "replace"):
            at = en.provisions[min(j1, len(b) - 1)] if b else None
            line, col = (at.line, at.col) if at else (1, 1)
            for pid in a[i1:i2]:
                yield Finding(rel_en, line, col, "PAR001",
                              f"provision '#{pid}' of {rel_ja} is missing here: expected the same provisions in both languages")
        if op in ("insert", "replace"):
            for prov in en.provisions[j1:j2]:
                yield Finding(rel_en, prov.line, prov.col, "PAR001",
                              f"provision '#{prov.id}' is not in {rel_ja}: expected the same provisions in both languages")
