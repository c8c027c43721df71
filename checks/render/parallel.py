"""The parallel view: Japanese and English side by side, one row per provision.

``<!-- parallel-view -->`` on ``parallel.<lang>.md`` becomes one row per
provision id (``#article-2-3`` …), aligned by id, built from the two
memorandum pages at build time, so the repository holds no third copy of the
text. The rows are written as HTML after the page's Markdown is rendered:
the only inline Markdown in the memorandum's source is bold and ``<br>``.
"""

from __future__ import annotations

import html
import re

from checks.engine import get_plugin_logger
from checks.model import document, languages, site

log = get_plugin_logger("hooks/parallel")

MARKER = "<!-- parallel-view -->"
COLUMNS = {lang: languages.profile(lang).ui["languages"] for lang in site.LANGS}  # each column's name, per page language
# A line break as the memorandum pages write it.
BR = re.compile(r"<br\s*/?>")
# Bold text: **…**
BOLD = re.compile(r"\*\*(.+?)\*\*")


def inline(text: str) -> str:
    """The memorandum source's inline Markdown (bold, <br>) as HTML; all else escaped."""
    return "<br>".join(BOLD.sub(r"<strong>\1</strong>", html.escape(part, quote=False))
                       for part in BR.split(text))


def cell(prov: document.Provision | None) -> str:
    """A provision's text as HTML, line by line as on its memorandum page."""
    if prov is None:
        return ""
    body = "\n".join(inline(line.text) for line in prov.lines)
    return f"<p><strong>{body}</strong></p>" if prov.kind in document.HEADING_KINDS else f"<p>{body}</p>"


def rows(ja: document.Document, en: document.Document, lang: str) -> str:
    """The rows, in the Japanese order, each with both languages' text."""
    names = COLUMNS[lang]
    out = ['<div class="parallel">',
           '<div class="parallel-head" aria-hidden="true">'
           + "".join(f'<span lang="{code}">{names[code]}</span>' for code in site.LANGS) + '</div>']
    for prov in ja.provisions:
        label = html.escape(document.label(prov.id, lang))
        out.append(f'<section class="parallel-row parallel-{prov.kind}" id="{prov.id}" aria-label="{label}">'
                   f'<p class="parallel-label"><a href="#{prov.id}">{label}</a></p>')
        for code, p in ((site.ORIGINAL, prov), (site.TRANSLATION, en.get(prov.id))):
            out.append(f'<div class="parallel-cell" lang="{code}" data-column="{names[code]}">{cell(p)}</div>')
        out.append("</section>")
    out.append("</div>")
    return "\n".join(out)
