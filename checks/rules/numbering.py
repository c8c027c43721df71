"""NUM: articles 1…n, paragraphs N.1…N.k, items and recitals consecutive; ids unique."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from checks.model import languages
from checks import Finding
from checks.model.corpus import Corpus
from checks.model.document import ID_PATTERN, Document


def check_document(doc: Document, rel: str) -> Iterator[Finding]:
    counts = Counter(doc.ids())
    seen: set[str] = set()
    for p in doc.provisions:
        if counts[p.id] > 1 and p.id in seen:
            yield Finding(rel, p.line, p.col, "NUM006", f"duplicate provision id '#{p.id}': expected each id once")
        seen.add(p.id)
    article, expected_article = 0, 1
    paragraph = item = recital = 0
    for p in doc.provisions:
        if p.kind == "article":
            id_num = int(ID_PATTERN["article"].match(p.id).group("a"))
            if not p.number:
                want = languages.profile(doc.lang).heading_form
                yield Finding(rel, p.line, p.col, "NUM001", f"article heading not recognised: expected '{want}', found '{p.text}'")
            elif int(p.number) != id_num:
                yield Finding(rel, p.line, p.col, "NUM001", f"heading number {p.number} does not agree with id '#{p.id}': expected {id_num}")
            if id_num != expected_article:
                yield Finding(rel, p.line, p.col, "NUM002", f"articles out of sequence: expected article {expected_article}, found article {id_num}")
            article, expected_article = id_num, id_num + 1
            paragraph = item = 0
        elif p.kind == "recital":
            recital += 1
            if int(p.number) != recital:
                yield Finding(rel, p.line, p.col, "NUM005", f"recitals out of sequence: expected '#preamble-{recital}', found '#{p.id}'")
                recital = int(p.number)
        elif p.kind == "paragraph":
            m = ID_PATTERN["paragraph"].match(p.id)
            art, par = int(m.group("a")), int(m.group("n"))
            paragraph += 1
            if art != article or par != paragraph:
                yield Finding(rel, p.line, p.col, "NUM003", f"paragraph id out of sequence: expected '#article-{article}-{paragraph}', found '#{p.id}'")
            if p.number != f"{art}.{par}":
                found = p.number or p.text[:12]
                yield Finding(rel, p.line, p.col, "NUM003", f"paragraph number does not agree with id '#{p.id}': expected '{art}.{par}', found '{found}'")
            paragraph = par
        elif p.kind == "item":
            m = ID_PATTERN["item"].match(p.id)
            item += 1
            if int(m.group("a")) != article or int(m.group("n")) != item:
                yield Finding(rel, p.line, p.col, "NUM004", f"item out of sequence: expected '#article-{article}-item-{item}', found '#{p.id}'")
                item = int(m.group("n"))


def check(corpus: Corpus) -> Iterator[Finding]:
    for doc in corpus.memoranda.values():
        yield from check_document(doc, corpus.rel(doc.path))
