"""What each download adds to a build: its generation time, in this process, from the loaded model.

The build writes them once (the default language's ``on_post_build``) and
the verify page renders their hashes once per language from the same memo.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any, Callable

from bench import spread
from checks.export import akn, printed, publish
from checks.model import document, metadata, site
from checks.verify import exported


def _median_ms(fn: Callable[[], Any], runs: int) -> dict[str, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return spread(samples)


def measure(docs: Path, runs: int) -> list[dict[str, Any]]:
    """One row per export: name, generation time in ms and size in bytes."""
    facts = metadata.load(metadata.path_in(docs))
    models = {lang: document.load(site.memorandum_path(docs, lang)) for lang in site.LANGS}
    when = publish.generated(docs)
    files = publish.downloads(docs)
    jobs: dict[str, tuple[Callable[[], Any], str]] = {
        "memorandum.json": (lambda: json.dumps(publish.export(facts, models["ja"], models["en"]),
                                               ensure_ascii=False, indent=2), publish.JSON_NAME),
    }
    for lang in site.LANGS:
        jobs[f"Akoma Ntoso ({lang})"] = (lambda lang=lang: akn.document_xml(facts, models[lang], lang, when),
                                         akn.site_path(facts, lang))
    jobs["SHA256SUMS"] = (lambda: publish.sha256sums({k: v for k, v in files.items() if k != publish.SUMS_NAME}),
                          publish.SUMS_NAME)
    for lang in site.LANGS:
        jobs[f"PDF ({lang}, WeasyPrint, PDF/UA-1)"] = (
            lambda lang=lang: printed.render(printed.html_of(facts, models[lang], lang)), site.pdf_name(lang))
    jobs["all downloads (models memoised, as in the build)"] = (lambda: publish.downloads(docs), "")
    provisions = json.loads(files[publish.JSON_NAME])["provisions"]
    jobs["the build's check of both AKN documents (OUT004)"] = (
        lambda: [list(exported.check_akn(files[akn.site_path(facts, lang)], lang, provisions, None)) for lang in site.LANGS], "")
    rows = []
    for name, (fn, rel) in jobs.items():
        fn()  # warm imports
        slow = "PDF" in name or name.startswith("all downloads")
        rows.append({"export": name, "ms": _median_ms(fn, min(runs, 3) if slow else runs),
                     "bytes": len(files[rel]) if rel else None,
                     "sha256": hashlib.sha256(files[rel]).hexdigest()[:12] if rel else ""})
    return rows
