"""Link defined terms and named instruments in the memorandum to the glossary.

The first occurrence of each term (本協定, 一方, 双方 … / the Agreement,
Side, Sides …) and of each instrument in every block of a memorandum page
becomes a link to its glossary entry. Its meaning is the link's accessible
description (``aria-describedby`` to a hidden list of the page's definitions)
and a CSS tooltip on hover and keyboard focus (``data-definition``): no
``title`` for the theme's scripts to instrument as the page loads.
"""

from __future__ import annotations

import html
import re
from typing import Any


from checks.model import languages, metadata, site
from checks.model.page import NOT_MEMORANDUM_TEXT, Page, blocks
from checks.find.termforms import forms, occurrences




def targets(facts: dict[str, Any], lang: str) -> list[tuple[re.Pattern[str], str, str]]:
    """What to link, longest names first so an instrument's title wins over a term inside it."""
    out = []
    for inst in facts["instruments"]:
        date = metadata.format_date(inst["date"], lang) if inst.get("date") else ""
        tip = (languages.profile(lang).ui["terms"]["tip"].format(event=inst["event"][lang], date=date) if date
               else inst["event"][lang])
        out.append((occurrences([inst[lang]], lang), f"instrument-{inst['id']}", tip, len(inst[lang])))
    for term in facts["defined_terms"]:
        fs = forms(term, lang)
        out.append((occurrences(fs, lang), f"term-{term['id']}", term["definition"][lang], max(map(len, fs))))
    return [(p, a, t) for p, a, t, _ in sorted(out, key=lambda x: -x[3])]


def link_terms(markdown: str, found: list[tuple[re.Pattern[str], str, str]], glossary: str,
               src_uri: str = "memorandum.md", lang: str = "") -> str:
    """Link the first occurrence of each target in every blank-line separated block,
    in the memorandum's text only: the page model leaves out headings, code,
    comments, editorial blocks, attribute lists, links and tags."""
    page = Page.of_body(src_uri, markdown, lang or site.lang_of(src_uri))
    inserts: list[tuple[int, int, str]] = []
    described: dict[str, str] = {}
    for start, end in blocks(markdown):
        taken: list[tuple[int, int]] = []
        for pattern, anchor, tip in found:
            for m in pattern.finditer(markdown, start, end):
                if page.in_any(m.start(), m.end(), NOT_MEMORANDUM_TEXT) \
                        or any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                described[anchor] = tip
                inserts.append((m.start(), m.end(), f'[{m.group(0)}]({glossary}#{anchor}){{ .term '
                                f'aria-describedby="definition-{anchor}" data-definition="{attribute(tip)}" }}'))
                taken.append((m.start(), m.end()))
                break
    out, pos = [], 0
    for start, end, link in sorted(inserts):
        out += [markdown[pos:start], link]
        pos = end
    out.append(markdown[pos:])
    return "".join(out) + definitions(described)


def attribute(text: str) -> str:
    """A value for an attribute list: its quotes and braces as character references."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def definitions(described: dict[str, str]) -> str:
    """The hidden element each linked term's ``aria-describedby`` names, after the text."""
    if not described:
        return ""
    spans = "".join(f'<span id="definition-{a}">{html.escape(t, quote=False)}</span>\n'
                    for a, t in sorted(described.items()))
    return f'\n\n<div class="term-definitions" hidden>\n{spans}</div>\n'
