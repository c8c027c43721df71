"""REF: every reference to an article or paragraph points to a provision that exists."""

from __future__ import annotations

from typing import Iterator

from checks.model import languages
from checks import Finding
from checks.find import refs
from checks.model.corpus import Corpus


def check(corpus: Corpus) -> Iterator[Finding]:
    ja = corpus.memoranda.get(languages.ORIGINAL)
    if ja is None:
        return
    existing = set(ja.ids())
    articles = sorted(p.id for p in ja.of_kind("article"))
    for path, page in corpus.pages.items():
        for ref in refs.find(page):
            if ref.target in existing:
                continue
            line, col = page.line_col(ref.start)
            yield Finding(corpus.rel(path), line, col, "REF001", message(ref, ja, articles))


def message(ref: refs.Ref, ja, articles: list[str]) -> str:
    """What is wrong with a reference to a missing provision, and what would be right."""
    article = ref.target.split("-")[1] if ref.target.startswith("article-") else ""
    if ref.target.count("-") == 1 and article.isdigit():
        want = ", ".join(articles)
    elif article.isdigit():
        want = ", ".join(p.id for p in ja.of_kind("paragraph") if p.id.startswith(f"article-{article}-")) \
            or f"a paragraph of an article that has them (article {article} has none)"
    else:
        want = "a provision id such as " + ", ".join(ja.ids()[:3])
    return f"'{ref.text}' points to no provision ('#{ref.target}'): expected one of {want}"
