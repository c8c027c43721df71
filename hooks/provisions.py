"""Per-provision tools on the memorandum pages: permalink, citation, backlinks, a suggestion.

The events MkDocs calls; what they do is ``checks.render.provisions``.
"""

from __future__ import annotations

from pathlib import Path

from checks.engine import get_relative_url
from checks.export.cite import Citations
from checks.model import build_state, document, metadata, site, versions
from checks.model.page import Page
from checks.render.changes import history_anchor
from checks.render.dated import url_of
from checks.render.provisions import distinctive, insert_tools, referenced, suggest_link, suggestion_url, tools


# MkDocs events: thin wiring of checks.render.provisions, run by the build tests.
# pragma: no mutate block
def on_files(files, /, *, config):
    lang = config["theme"]["language"]
    # provision id -> [(src_uri, page title)], for this language's build
    backlinks: dict[str, list[tuple[str, str]]] = build_state.of(config).backlinks.setdefault(lang, {})
    backlinks.clear()
    facts = metadata.load_cached(metadata.path_in(config["docs_dir"]))
    for f in files.documentation_pages():
        if site.lang_of(f.src_uri) != lang or site.stem(f.src_uri) in (site.MEMORANDUM, site.PARALLEL):
            continue
        page = Page(Path(f.src_uri), f.content_string, lang)
        for pid in referenced(page, facts):
            backlinks.setdefault(pid, []).append((f.src_uri, page.title(f.src_uri)))
    return files


def on_page_content(content: str, /, *, page, config, files) -> str | None:
    lang = config["theme"]["language"]
    repo = config["repo_url"] or ""
    if not site.is_memorandum(page.file.src_uri):
        url = suggestion_url(repo, page.file.src_uri, lang, page.title or page.file.src_uri, "")
        return content + suggest_link(url, lang, "", page=True) if url else None
    facts = metadata.load_cached(metadata.path_in(config["docs_dir"]))
    history = versions.load_cached(versions.path_in(config["docs_dir"]))
    latest = history.latest(lang)
    # A provision's citation names the version in force and its page (checks.render.dated), where it stays.
    version_url = url_of(config["site_url"], lang, latest.date) if latest else ""
    cite = Citations(facts, lang, latest.date, version_url) if latest else None
    doc = document.load_cached(Path(page.file.abs_src_path))
    absolute = page.canonical_url or page.url
    urls = {f.src_uri: f.url for f in files.documentation_pages()}
    backlinks = distinctive(build_state.of(config).backlinks.get(lang, {}))
    changed = {pid for v in history.of(lang)[1:] for pid in v.text}
    changes_url = get_relative_url(site.PREFIX[lang] + "changes/", page.url)
    pieces = {p.id: tools(p.id, lang, page.url, cite(p.id) if cite else f"{absolute}#{p.id}",
                          [(urls[src], title) for src, title in backlinks.get(p.id, []) if src in urls],
                          permalink=p.kind not in document.HEADING_KINDS,
                          suggestion=suggestion_url(repo, f"#{p.id}", lang, document.label(p.id, lang), p.text),
                          history=f"{changes_url}#{history_anchor(lang, p.id)}" if p.id in changed else None)
              for p in doc.provisions}
    return insert_tools(content, pieces)
