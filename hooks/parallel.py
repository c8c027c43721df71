"""The parallel view: Japanese and English side by side, one row per provision.

The events MkDocs calls; what they do is ``checks.render.parallel``.
"""

from __future__ import annotations

from pathlib import Path

from checks.engine import PluginError
from checks.model import document, site
from checks.render.parallel import MARKER, log, rows


# MkDocs events: thin wiring of checks.render.parallel, run by the build tests.
# pragma: no mutate block
def on_page_content(html_: str, /, *, page, config, files) -> str | None:
    if MARKER not in html_:
        return None
    docs = Path(config["docs_dir"])
    ja_path, en_path = site.memorandum_path(docs, site.ORIGINAL), site.memorandum_path(docs, site.TRANSLATION)
    if not ja_path.exists() or not en_path.exists():
        raise PluginError(f"{page.file.src_uri}: the parallel view needs {ja_path.name} and {en_path.name}")
    ja, en = document.load_cached(ja_path), document.load_cached(en_path)
    missing = [p.id for p in ja.provisions if en.get(p.id) is None]
    if missing:
        log.warning("%s: provisions missing from %s: %s", page.file.src_uri, en_path.name, ", ".join(missing))
    return html_.replace(MARKER, rows(ja, en, config["theme"]["language"]))
