"""REF: every reference to an article or paragraph points to a provision that exists."""

from __future__ import annotations

from typing import Iterator

from checks import Finding, refs
from checks.corpus import Corpus
from checks.document import lang_of


def check(corpus: Corpus) -> Iterator[Finding]:
    ja = corpus.memoranda.get("ja")
    if ja is None:
        return
    existing = set(ja.ids())
    articles = sorted(p.id for p in ja.of_kind("article"))
    for path, text in corpus.pages.items():
        lang = lang_of(path)
        for ref in refs.find(text, lang, refs.SKIP_CODE):
            if ref.target in existing:
                continue
            line, col = refs.line_col(text, ref.start)
            if ref.paragraph is None:
                want = ", ".join(articles)
            else:
                want = ", ".join(p.id for p in ja.of_kind("paragraph") if p.id.startswith(f"article-{ref.article}-")) \
                    or f"a paragraph of an article that has them (article {ref.article} has none)"
            yield Finding(corpus.rel(path), line, col, "REF001",
                          f"'{ref.text}' points to no provision ('#{ref.target}'): expected one of {want}")
