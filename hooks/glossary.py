"""The glossary page, generated from the metadata and the memorandum text.

The events MkDocs calls; what they do is ``checks.render.glossary``.
"""

from __future__ import annotations

from pathlib import Path

from checks.engine import event_priority
from checks.model import build_state, document, metadata, site
from checks.render.glossary import MARKER, render


# MkDocs events: thin wiring of checks.render.glossary, run by the build tests.
# pragma: no mutate block
@event_priority(50)  # after the placeholders (100), before the references are linked and read (0)
def on_page_markdown(markdown: str, /, *, page, config, files) -> str | None:
    if MARKER not in markdown:
        return None
    lang = config["theme"]["language"]
    docs = Path(config["docs_dir"])
    facts = metadata.load_cached(metadata.path_in(docs))
    doc = document.load_cached(site.memorandum_path(docs, lang))
    build_state.of(config).indexes.add(page.file.src_uri)  # it lists the provisions; it does not refer to them
    return markdown.replace(MARKER, render(facts, doc, lang))
