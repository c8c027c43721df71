"""Turn references to provisions into links to the memorandum of the same language.

``第 2 条``, ``第 2 条 2.3``, a bare ``2.3`` (Japanese), ``Article 2``,
``Article 2.3`` and ``paragraph 2.3`` become links to ``#article-2``,
``#article-2-3`` … on the memorandum page. Headings, code and existing
links are left alone (``checks.refs``). A reference to a provision that does
not exist is a warning naming the page and line, so ``--strict`` fails.
"""

from __future__ import annotations

import posixpath

from mkdocs.plugins import get_plugin_logger

from checks import document, refs

log = get_plugin_logger(__name__)

_ids: set[str] = set()  # provision ids of this build's language


def target_link(src_uri: str, target: str, memorandum_uri: str) -> str:
    """The Markdown link target from a page to a provision."""
    if src_uri == memorandum_uri:
        return f"#{target}"
    start = posixpath.dirname(src_uri) or "."
    return f"{posixpath.relpath('memorandum.md', start)}#{target}"


def link_references(markdown: str, lang: str, src_uri: str, ids: set[str]) -> tuple[str, list[tuple[int, str, str]]]:
    """(markdown with references linked, [(line, text, target)] of broken ones)."""
    out, pos, broken = [], 0, []
    memorandum_uri = f"memorandum.{lang}.md"
    for ref in refs.find(markdown, lang):
        if ref.target not in ids:
            broken.append((refs.line_col(markdown, ref.start)[0], ref.text, ref.target))
            continue
        out.append(markdown[pos:ref.start])
        out.append(f"[{ref.text}]({target_link(src_uri, ref.target, memorandum_uri)}){{ .xref }}")
        pos = ref.end
    out.append(markdown[pos:])
    return "".join(out), broken


def on_config(config, /):
    _ids.clear()
    return config


def on_files(files, /, *, config):
    _ids.clear()
    path = document.memorandum_path(config["docs_dir"], config["theme"]["language"])
    if path.exists():
        _ids.update(document.load_cached(path).ids())
    return files


def on_page_markdown(markdown: str, /, *, page, config, files) -> str | None:
    lang = config["theme"]["language"]
    linked, broken = link_references(markdown, lang, page.file.src_uri, _ids)
    for line, text, target in broken:
        log.warning("%s:%d: reference '%s' points to no provision (#%s)", page.file.src_uri, line, text, target)
    return linked
