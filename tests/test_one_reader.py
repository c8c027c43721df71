"""One reading of a memorandum page: the document model's provisions are built on the page model's regions.

Each case is a page body and the provisions it holds. The test asks both models: the document model
(provisions and their text) and the page model (what is a comment, code or an editorial block), and they
must agree: no provision character sits where the page model says nothing is the memorandum's text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.model import document
from checks.model.page import Page

# (name, Markdown, {provision id: text}) in both languages' shapes.
CASES = [
    ("plain recitals", "本文。\n{: #preamble-1 }\n\n次の文。\n{: #preamble-2 }\n",
     {"preamble-1": "本文。", "preamble-2": "次の文。"}),
    ("a comment line starts a block of its own", "<!-- 注 --> 本文。\n{: #preamble-1 }\n",
     {"preamble-1": "本文。"}),
    ("a comment over lines hides what it holds", "<!--\n偽の文。\n{: #preamble-9 }\n-->\n本文。\n{: #preamble-1 }\n",
     {"preamble-1": "本文。"}),
    ("an admonition and its body are editorial", "!!! note \"注\"\n\n    注記の文。\n    {: #preamble-8 }\n\n本文。\n{: #preamble-1 }\n",
     {"preamble-1": "本文。"}),
    ("an admonition ends the block before it", "Text of the recital.\n!!! note\n    A note.\n\nMore.\n{: #preamble-2 }\n",
     {"preamble-2": "More."}),
    ("a fenced code block is code, not text", "```\nFake recital.\n{: #preamble-9 }\n```\n\nReal recital.\n{: #preamble-1 }\n",
     {"preamble-1": "Real recital."}),
    ("an unclosed fence runs to the end", "Real.\n{: #preamble-1 }\n\n~~~\nFake.\n{: #preamble-2 }\n",
     {"preamble-1": "Real."}),
    ("a comment inside a line stays out of the text", "Real <!-- not this --> text.\n{: #preamble-1 }\n",
     {"preamble-1": "Real  text."}),
    ("front matter is not text", "---\ntitle: x\n---\n\nReal.\n{: #preamble-1 }\n", {"preamble-1": "Real."}),
]


@pytest.mark.parametrize("name, markdown, expected", CASES, ids=[c[0] for c in CASES])
def test_the_document_model_reads_the_page_models_regions(name: str, markdown: str, expected: dict[str, str]) -> None:
    lang = "en" if markdown.isascii() else "ja"
    path = Path(f"memorandum.{lang}.md")
    doc = document.parse(markdown, path, lang)
    assert {p.id: p.text for p in doc.provisions} == expected
    page = Page(path, markdown, lang)
    starts = [0] + [i + 1 for i, ch in enumerate(markdown) if ch == "\n"]
    for p in doc.provisions:
        for _, line, col in p.chars():
            offset = starts[line - 1] + col - 1
            assert not page.in_any(offset, None, ("comment", "code", "editorial", "front-matter")), (p.id, line, col)
