"""STR: the docs can be read as the site needs them.

STR001: a page is missing, empty or not UTF-8;
STR002: front matter is not valid YAML or breaks ``frontmatter.schema.json``;
STR003: the metadata cannot be read or breaks ``metadata.schema.json``;
STR004: a memorandum page has a block the document model rejects;
STR005: a ``{{ name }}`` placeholder names no fact the metadata renders;
STR006: the accessibility report is missing or incomplete.

The first four and the last are met while the corpus loads (``checks.model.corpus``).
"""

from __future__ import annotations

from typing import Iterator

from checks import Finding
from checks.render import placeholders
from checks.model.corpus import ACCESSIBILITY, FRONT_MATTER, METADATA, PAGE, STRUCTURE, Corpus

CODES = {PAGE: "STR001", FRONT_MATTER: "STR002", METADATA: "STR003", STRUCTURE: "STR004", ACCESSIBILITY: "STR006"}


def check(corpus: Corpus) -> Iterator[Finding]:
    for problem in corpus.problems:
        if problem.kind in CODES:
            yield Finding(problem.path, problem.line, problem.col, CODES[problem.kind], problem.message)
    for path, page in corpus.pages.items():
        for offset, name in placeholders.unknown(page):
            line, col = page.line_col(offset)
            yield Finding(corpus.rel(path), line, col, "STR005",
                          f"unknown fact placeholder '{{{{ {name} }}}}': expected one of "
                          + ", ".join(sorted(placeholders.NAMES)))
