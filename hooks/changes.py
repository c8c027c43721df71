"""The "What changed" page, from the recorded versions and the memorandum pages.

The events MkDocs calls; what they do is ``checks.render.changes``.
"""

from __future__ import annotations

from pathlib import Path

from checks.model import document, site, versions
from checks.render.changes import MARKER, render


# MkDocs events: thin wiring of checks.render.changes, run by the build tests.
# pragma: no mutate block
def on_page_content(html_: str, /, *, page, config, files) -> str | None:
    if MARKER not in html_:
        return None
    docs = Path(config["docs_dir"])
    current = {lang: {p.id: p.text for p in document.load_cached(site.memorandum_path(docs, lang)).provisions}
               for lang in site.LANGS if site.memorandum_path(docs, lang).is_file()}
    history = versions.load_cached(versions.path_in(docs))
    return html_.replace(MARKER, render(history, current, config["theme"]["language"]))
