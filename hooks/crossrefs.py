"""Turn references to provisions into links to the memorandum of the same language.

The events MkDocs calls; what they do is ``checks.render.crossrefs``.
"""

from __future__ import annotations

from checks.model import build_state, document, site
from checks.render.crossrefs import read


# MkDocs events: thin wiring of checks.render.crossrefs, run by the build tests.
# pragma: no mutate block
def on_files(files, /, *, config):
    lang = config["theme"]["language"]
    path = site.memorandum_path(config["docs_dir"], lang)
    state = build_state.of(config)
    state.ids[lang] = set(document.load_cached(path).ids()) if path.exists() else set()
    state.references[lang] = {}  # this language's build reads its pages again
    return files


def on_page_markdown(markdown: str, /, *, page, config, files) -> str | None:
    # A reference to a missing provision stays text; REF001 (the checks, run by verify.py) names it once.
    lang, src = config["theme"]["language"], page.file.src_uri
    state = build_state.of(config)
    reading = read(markdown, lang, src, state.ids.get(lang, set()), page.meta.get("title"))
    # The pages that refer to the memorandum: not its text, nor the parallel view of it, nor an index of it.
    if site.stem(src) not in (site.MEMORANDUM, site.PARALLEL) and src not in state.indexes:
        state.references.setdefault(lang, {})[src] = (reading.title, page.file.url, reading.targets)
    return reading.text
