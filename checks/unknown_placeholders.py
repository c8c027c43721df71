"""STR005: every ``{{ name }}`` placeholder in a page names a fact the metadata renders."""

from __future__ import annotations

from typing import Iterator

from checks import Finding, placeholders
from checks.corpus import Corpus


def check(corpus: Corpus) -> Iterator[Finding]:
    for path, page in corpus.pages.items():
        for offset, name in placeholders.unknown(page):
            line, col = page.line_col(offset)
            yield Finding(corpus.rel(path), line, col, "STR005",
                          f"unknown fact placeholder '{{{{ {name} }}}}': expected one of "
                          + ", ".join(sorted(placeholders.NAMES)))
