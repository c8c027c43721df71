"""Provision-level search entries for the memorandum pages.

Material's search plugin indexes a page by headings, so a hit in Article 2
lands on the article's heading. After mkdocs-static-i18n has written the
final (both-language) index, this hook replaces each memorandum section
entry with one entry per provision (``memorandum/#article-2-3`` titled
「第 2 条 2.3」), whose text is the provision's own text: no editorial tools.
It also writes each non-default language's own index (``/en/search/``),
which that language's pages search (see ``overrides/main.html``).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from checks import document, site

PREFIX = site.PREFIX


def provision_entries(doc: document.Document, lang: str) -> list[dict[str, str]]:
    """One index entry per provision of a memorandum page."""
    page = f"{PREFIX[lang]}{site.MEMORANDUM}/"
    out = []
    for p in doc.provisions:
        if p.kind == "title":
            continue
        title = document.label(p.id, lang)
        if p.kind == "article":
            title = p.text
        out.append({"location": f"{page}#{p.id}", "title": html.escape(title),
                    "text": f"<p>{html.escape(p.text)}</p>"})
    return out


def rewrite(index: dict[str, Any], docs: dict[str, document.Document]) -> dict[str, Any]:
    """The index with memorandum sections replaced by provisions (idempotent)."""
    entries = []
    for entry in index["docs"]:
        location = entry["location"]
        lang = next((lg for lg in sorted(PREFIX, key=lambda lg: -len(PREFIX[lg]))
                     if location.startswith(f"{PREFIX[lg]}{site.MEMORANDUM}/")), None)
        if lang is None:
            entries.append(entry)
        elif "#" not in location:
            entries.append(entry)  # the page itself
            entries.extend(provision_entries(docs[lang], lang))
    return {**index, "docs": entries}


def only(index: dict[str, Any], prefix: str) -> dict[str, Any]:
    """One language's entries, located relative to that language's root (``en/``)."""
    docs = [{**e, "location": e["location"][len(prefix):]} for e in index["docs"] if e["location"].startswith(prefix)]
    return {**index, "docs": docs}


def _write(path: Path, index: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    tmp.replace(path)


# MkDocs events: thin wiring of the functions above, run by the build tests.
# pragma: no mutate block
@event_priority(-110)  # after mkdocs-static-i18n (-100) has written the final index
def on_post_build(*, config):
    # The i18n plugin writes the final index at the end of the default
    # build, after the other languages' builds have changed ``config``: the
    # rewrite is idempotent and runs after every build.
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    pages = {e["location"] for e in index["docs"]}
    if not all(f"{prefix}{site.MEMORANDUM}/" in pages for prefix in PREFIX.values()):
        return  # not yet the final, both-language index
    docs_dir = Path(config["docs_dir"])
    docs = {lang: document.load_cached(site.memorandum_path(docs_dir, lang)) for lang in PREFIX}
    index = rewrite(index, docs)
    _write(path, index)
    for lang, prefix in PREFIX.items():
        if prefix:
            _write(Path(config["site_dir"]) / prefix / "search" / "search_index.json", only(index, prefix))
