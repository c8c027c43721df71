"""The parallel view: Japanese and English side by side, one row per provision.

``{{ parallel }}`` on ``parallel.<lang>.md`` becomes one row per provision id
(``#article-2-3`` …), aligned by id, built from the two memorandum pages at
build time, so the repository holds no third copy of the text.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from checks import document

log = get_plugin_logger(__name__)

PLACEHOLDER = "{{ parallel }}"
COLUMNS = {
    "ja": {"ja": "日本語（署名原本）", "en": "英語（参考訳）"},
    "en": {"ja": "Japanese (signed original)", "en": "English (reference translation)"},
}
HEADINGS = ("title", "preamble", "article")


def cell(prov: document.Provision | None) -> str:
    """A provision's Markdown as written on its memorandum page."""
    if prov is None:
        return ""
    body = "\n".join(line.text for line in prov.lines)
    return f"**{body}**" if prov.kind in HEADINGS else body


def rows(ja: document.Document, en: document.Document, lang: str) -> str:
    """The rows, in the Japanese order, each with both languages' text."""
    names = COLUMNS[lang]
    out = ['<div class="parallel" markdown>', "",
           '<div class="parallel-head" aria-hidden="true">'
           f'<span lang="ja">{names["ja"]}</span><span lang="en">{names["en"]}</span></div>', ""]
    for prov in ja.provisions:
        other = en.get(prov.id)
        out += [f'<section class="parallel-row parallel-{prov.kind}" id="{prov.id}" '
                f'aria-label="{document.label(prov.id, lang)}" markdown>', "",
                f'[{document.label(prov.id, lang)}](#{prov.id})', "{: .parallel-label }", ""]
        for code, p in (("ja", prov), ("en", other)):
            out += [f'<div class="parallel-cell" lang="{code}" data-column="{names[code]}" markdown>', "",
                    cell(p), "", "</div>", ""]
        out += ["</section>", ""]
    out.append("</div>")
    return "\n".join(out)


def on_page_markdown(markdown: str, /, *, page, config, files) -> str | None:
    if PLACEHOLDER not in markdown:
        return None
    docs = Path(config["docs_dir"])
    ja_path, en_path = document.memorandum_path(docs, "ja"), document.memorandum_path(docs, "en")
    if not ja_path.exists() or not en_path.exists():
        raise PluginError(f"{page.file.src_uri}: the parallel view needs {ja_path.name} and {en_path.name}")
    ja, en = document.load_cached(ja_path), document.load_cached(en_path)
    missing = [p.id for p in ja.provisions if en.get(p.id) is None]
    if missing:
        log.warning("%s: provisions missing from %s: %s", page.file.src_uri, en_path.name, ", ".join(missing))
    return markdown.replace(PLACEHOLDER, rows(ja, en, config["theme"]["language"]))
