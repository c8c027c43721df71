"""Per-provision tools on the memorandum pages: permalink, citation, backlinks, a suggestion.

The events MkDocs calls; what they do is ``checks.render.provisions``.
"""

from __future__ import annotations

from pathlib import Path

from checks.engine import event_priority, get_relative_url
from checks.export.cite import Citations
from checks.model import build_state, document, metadata, site, versions
from checks.render.changes import history_anchor
from checks.render.dated import url_of
from checks.render.provisions import fill, insert_tools, suggest_link, suggestion_url, tools


# MkDocs events: thin wiring of checks.render.provisions, run by the build tests.
# pragma: no mutate block
@event_priority(-60)  # after lang (-50): the tools hold no text to mark; what they write in words is marked as written
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
    changed = {pid for v in history.of(lang)[1:] for pid in v.text}
    changes_url = get_relative_url(site.PREFIX[lang] + "changes/", page.url)
    pieces = {p.id: tools(p.id, lang, page.url, cite(p.id) if cite else f"{absolute}#{p.id}", None,
                          permalink=p.kind not in document.HEADING_KINDS,
                          suggestion=suggestion_url(repo, f"#{p.id}", lang, document.label(p.id, lang), p.text),
                          history=f"{changes_url}#{history_anchor(lang, p.id)}" if p.id in changed else None)
              for p in doc.provisions}
    return insert_tools(content, pieces)


def on_post_page(output: str, /, *, page, config) -> str | None:
    # Every page of this language has been read (hooks/crossrefs.py) before any is written.
    if not site.is_memorandum(page.file.src_uri):
        return None
    lang = config["theme"]["language"]
    return fill(output, lang, page.url, build_state.of(config).references.get(lang, {}))
