"""Per-provision tools on the memorandum pages: permalink, citation, backlinks.

Every provision gets a permalink (¶), a button that copies its citation in
the reader's language (Material's clipboard handles ``data-clipboard-text``),
and, where other pages refer to it, a generated "Referenced from" / 「参照元」
list. All of it is editorial and sits in ``.provision-tools``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml
from mkdocs.utils import get_relative_url

from checks import document, metadata, refs


TEXT = {
    "ja": {"cite": "引用をコピー", "link": "{label}へのリンク", "from": "参照元", "sep": "、",
           "citation": "{name} {label}（{url}）", "whole": "{name}（{url}）"},
    "en": {"cite": "Copy citation", "link": "Link to {label}", "from": "Referenced from", "sep": ", ",
           "citation": "{name}, {label} (reference translation), {url}",
           "whole": "{name} (reference translation), {url}"},
}
# A link written to a provision: ](memorandum.md#article-2-3) or ](../memorandum.md#…)
LINK_TO_PROVISION = re.compile(r"\]\((?:\.\./)*memorandum\.md#(?P<id>[a-z0-9-]+)")
# The start tag of an element carrying an id: <p id="article-2-1" …>
START_TAG = re.compile(r'<(?P<tag>p|li|h[1-6])\b[^>]*\bid="(?P<id>[^"]+)"[^>]*>')
CITE_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">'
             '<path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 '
             '0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12z"/></svg>')

_backlinks: dict[str, list[tuple[str, str]]] = {}  # provision id -> [(src_uri, page title)]
_state: dict[str, object] = {}


def referenced(text: str, lang: str) -> list[str]:
    """Provision ids a page's Markdown refers to, in order, once each."""
    found = [r.target for r in refs.find(text, lang, refs.SKIP_CODE)]
    found += [m.group("id") for m in LINK_TO_PROVISION.finditer(text)]
    return list(dict.fromkeys(found))


def _title(text: str, fallback: str) -> str:
    if text.startswith("---"):
        head = text.split("\n---", 1)[0].lstrip("-\n")
        meta = yaml.load(head, Loader=metadata.SafeLoader) or {}
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    m = re.search(r"^#\s+(.+?)\s*(?:\{.*\})?$", text, re.MULTILINE)
    return m.group(1) if m else fallback


def tools(pid: str, lang: str, page_url: str, absolute: str, citation_name: str,
          backlinks: list[tuple[str, str]]) -> str:
    """The HTML of one provision's tools."""
    t, label = TEXT[lang], document.label(pid, lang)
    # The title cites the memorandum as a whole.
    citation = t["whole" if pid == "title" else "citation"].format(name=citation_name, label=label,
                                                                   url=f"{absolute}#{pid}")
    out = [f'<a class="provision-permalink" href="#{pid}" title="{html.escape(t["link"].format(label=label))}" '
           f'aria-label="{html.escape(t["link"].format(label=label))}">¶</a>',
           f'<button type="button" class="provision-cite" data-clipboard-text="{html.escape(citation)}" '
           f'title="{t["cite"]}: {html.escape(label)}" aria-label="{t["cite"]}: {html.escape(label)}">{CITE_ICON}</button>']
    if backlinks:
        links = t["sep"].join(f'<a href="{get_relative_url(url, page_url)}">{html.escape(title)}</a>'
                              for url, title in backlinks)
        out.append(f'<span class="referenced-from">{t["from"]}: {links}</span>')
    return "".join(out)


def insert_tools(content: str, pieces: dict[str, str]) -> str:
    """Put each provision's tools at the end of its element (after it, for
    headings), in one pass over the page."""
    inserts: list[tuple[int, str]] = []
    for m in START_TAG.finditer(content):
        piece = pieces.get(m.group("id"))
        if piece is None:
            continue
        tag = m.group("tag")
        end = content.find(f"</{tag}>", m.end())
        if end < 0:
            continue
        if tag.startswith("h"):
            inserts.append((end + len(f"</{tag}>"),
                            f'<p class="provision-tools provision-tools--heading">{piece}</p>'))
        else:
            inserts.append((end, f' <span class="provision-tools">{piece}</span>'))
    out, pos = [], 0
    for at, text in sorted(inserts, key=lambda x: x[0]):
        out += [content[pos:at], text]
        pos = at
    out.append(content[pos:])
    return "".join(out)


def on_config(config, /):
    _backlinks.clear()
    _state.clear()
    return config


def on_files(files, /, *, config):
    _backlinks.clear()
    lang = config["theme"]["language"]
    _state["lang"] = lang
    _state["name"] = metadata.load_cached(metadata.path_in(config["docs_dir"]))["citation"][lang]
    for f in files.documentation_pages():
        stem = f.src_uri.rsplit(".", 2)
        if not f.src_uri.endswith(f".{lang}.md") or stem[0] in ("memorandum", "parallel"):
            continue
        text = f.content_string
        for pid in referenced(text, lang):
            _backlinks.setdefault(pid, []).append((f.src_uri, _title(text, f.src_uri)))
    return files


def on_page_content(content: str, /, *, page, config, files) -> str | None:
    if not page.file.src_uri.startswith("memorandum."):
        return None
    lang = str(_state["lang"])
    doc = document.load_cached(Path(page.file.abs_src_path))
    absolute = page.canonical_url or page.url
    urls = {f.src_uri: f.url for f in files.documentation_pages()}
    pieces = {p.id: tools(p.id, lang, page.url, absolute, str(_state["name"]),
                          [(urls[src], title) for src, title in _backlinks.get(p.id, []) if src in urls])
              for p in doc.provisions}
    return insert_tools(content, pieces)
