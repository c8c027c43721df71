"""Link defined terms and named instruments in the memorandum to the glossary.

The events MkDocs calls; what they do is ``checks.render.terms``.
"""

from __future__ import annotations

import posixpath

from checks.engine import event_priority
from checks.model import build_state, metadata, site
from checks.render.terms import link_terms, targets


# MkDocs events: thin wiring of checks.render.terms, run by the build tests.
# pragma: no mutate block
def on_files(files, /, *, config):
    facts = metadata.load_cached(metadata.path_in(config["docs_dir"]))
    # (pattern, glossary anchor, meaning) of this language's build
    build_state.of(config).targets[config["theme"]["language"]] = targets(facts, config["theme"]["language"])
    return files


@event_priority(-10)  # after crossrefs (0): a reference is a link, and no term is linked inside it
def on_page_markdown(markdown: str, /, *, page, config, files) -> str | None:
    if not site.is_memorandum(page.file.src_uri):
        return None
    glossary = posixpath.relpath("glossary.md", posixpath.dirname(page.file.src_uri) or ".")
    lang = config["theme"]["language"]
    return link_terms(markdown, build_state.of(config).targets.get(lang, []), glossary, page.file.src_uri, lang)
