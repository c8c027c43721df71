"""A page for every recorded version of each text, at its own dated address.

The events MkDocs calls; what they do is ``checks.render.dated``.
"""

from __future__ import annotations

from pathlib import Path

from checks.engine import event_priority
from checks.export.feed import site_root
from checks.model import document, metadata, site, versions
from checks.render.dated import pages_kept, path_of


# MkDocs events: thin wiring of checks.render.dated, run by the build tests.
# pragma: no mutate block
@event_priority(-110)  # after the i18n plugin (-100) has built every language; before the verification (-120)
def on_post_build(*, config):
    docs, site_dir = Path(config["docs_dir"]), Path(config["site_dir"])
    history = versions.load_cached(versions.path_in(docs))
    facts = metadata.load_cached(metadata.path_in(docs))
    for lang in site.LANGS:
        built = site_dir / site.PREFIX[lang] / site.MEMORANDUM / "index.html"
        found = history.of(lang)
        if not built.is_file() or not found or not site.memorandum_path(docs, lang).is_file():
            continue
        made = [site_dir / path_of(lang, v.date) / "index.html" for v in found]
        if all(p.is_file() and p.stat().st_mtime_ns >= built.stat().st_mtime_ns for p in made):
            continue  # this build's pages of this language are written (each language's build calls this)
        current = {p.id: p.text for p in document.load_cached(site.memorandum_path(docs, lang)).provisions}
        sources = [p.read_bytes() for p in (versions.path_in(docs), site.memorandum_path(docs, lang), metadata.path_in(docs))]
        for rel, text in pages_kept(built.read_text("utf-8"), lang, history, current, site_root(config["site_url"] or "/"),
                                    facts, sources).items():
            out = site_dir / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
