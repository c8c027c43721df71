"""Turn references to provisions into links to the memorandum of the same language.

The events MkDocs calls; what they do is ``checks.render.crossrefs``.
"""

from __future__ import annotations

from checks.model import build_state, document, site
from checks.render.crossrefs import link_references


# MkDocs events: thin wiring of checks.render.crossrefs, run by the build tests.
# pragma: no mutate block
def on_files(files, /, *, config):
    lang = config["theme"]["language"]
    path = site.memorandum_path(config["docs_dir"], lang)
    build_state.of(config).ids[lang] = set(document.load_cached(path).ids()) if path.exists() else set()
    return files


def on_page_markdown(markdown: str, /, *, page, config, files) -> str | None:
    # A reference to a missing provision stays text; REF001 (the checks, run by verify.py) names it once.
    lang = config["theme"]["language"]
    return link_references(markdown, lang, page.file.src_uri, build_state.of(config).ids.get(lang, set()))
