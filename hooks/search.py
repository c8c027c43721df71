"""One search index per language, in which the memorandum's provisions come first.

The events MkDocs calls; what they do is ``checks.render.search``.
"""

from __future__ import annotations

import json
from pathlib import Path

from checks.engine import event_priority
from checks.model import document, metadata, site
from checks.render.search import (PREFIX, WORKERS, WorkerChanged, _write, fixed_worker, log, material_worker, only,
                                  rewrite, worker_name)


# MkDocs events: thin wiring of checks.render.search, run by the build tests.
# pragma: no mutate block
def on_config(config, /):
    # The template swaps Material's worker for the fixed one when there is one.
    config["extra"].pop("search_worker", None)
    found = material_worker(list(config["theme"].dirs))
    if found is None:
        return config
    try:
        text = fixed_worker(found.read_text(encoding="utf-8"))
    except WorkerChanged as problem:
        log.warning("hooks/search.py: Material's search worker %s: %s. See whether Material has changed that code, "
                    "and drop or update the fix (checks/render/search.py FIXES).", found, problem)
        return config
    config["extra"]["search_worker"] = {"source": str(found), "material": found.name, "site": worker_name(text)}
    return config


@event_priority(-110)  # after mkdocs-static-i18n (-100) has written the final index
def on_post_build(*, config):
    worker = config["extra"].get("search_worker")
    folder = Path(config["site_dir"]) / WORKERS
    if worker and (folder / worker["material"]).exists():
        text = fixed_worker(Path(worker["source"]).read_text(encoding="utf-8"))
        (folder / worker["site"]).write_text(text, encoding="utf-8")
    # The i18n plugin writes the final index at the end of the default
    # build, after the other languages' builds have changed ``config``.
    path = Path(config["site_dir"]) / site.SEARCH_INDEX
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    pages = {e["location"] for e in index["docs"]}
    if not all(f"{prefix}{site.MEMORANDUM}/" in pages for prefix in PREFIX.values()):
        return  # not yet the final, both-language index (or already split)
    docs_dir = Path(config["docs_dir"])
    docs = {lang: document.load_cached(site.memorandum_path(docs_dir, lang)) for lang in PREFIX}
    synonyms = metadata.load_cached(metadata.path_in(docs_dir)).get("search_synonyms") or []
    index = rewrite(index, docs, synonyms)
    for lang in PREFIX:
        _write(Path(config["site_dir"]) / site.search_index(lang), only(index, lang))
