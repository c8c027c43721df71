"""SIG: each language's signature block names the metadata's signatories, in order."""

from __future__ import annotations

from typing import Iterator

from checks import Finding
from checks.model import site
from checks.model.corpus import Corpus


def parts(lines: list[str], lang: str) -> tuple[str, str, str]:
    """(on behalf of, name, title) from a signatory block's lines."""
    lines = [ln for ln in lines if ln]
    padded = lines + ["", ""]
    return padded[0], padded[1], site.joiner(lang).join(lines[2:])


def check(corpus: Corpus) -> Iterator[Finding]:
    if corpus.facts is None:
        return
    expected = corpus.facts["signatories"]
    for lang, doc in corpus.memoranda.items():
        rel = corpus.rel(doc.path)
        found = doc.of_kind("signatory")
        if len(found) != len(expected):
            at = found[-1] if found else (doc.get("signatures") or (doc.provisions[-1] if doc.provisions else None))
            yield Finding(rel, at.line if at else 1, at.col if at else 1, "SIG001",
                          f"expected {len(expected)} signatories, found {len(found)}")
        for n, (prov, meta) in enumerate(zip(found, expected), 1):
            on_behalf, name, title = parts(prov.text_lines, lang)
            for field, got, line_index in (("on_behalf", on_behalf, 0), ("name", name, 1), ("title", title, 2)):
                want = meta[field][lang]
                if got != want:
                    ln = prov.lines[min(line_index, len(prov.lines) - 1)]
                    yield Finding(rel, ln.number, ln.col + 1, "SIG002",
                                  f"signatory {n} {field.replace('_', ' ')}: expected '{want}', found '{got}'")
