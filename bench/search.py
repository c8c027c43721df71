"""Search as readers meet it: recall of the reader query list, and each language's index size."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from typing import Any

import yaml

from checks.model import site as site_ids

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "fixtures" / "search" / "queries.yml"


def index_sizes(site: Path) -> dict[str, dict[str, int]]:
    """Bytes of each language's search index, raw and gzip -6."""
    out = {}
    for lang in site_ids.LANGS:
        data = (site / site_ids.PREFIX[lang] / "search" / "search_index.json").read_bytes()
        out[lang] = {"raw": len(data), "gzip": len(gzip.compress(data, 6))}
    return out


def measure(site: Path, limit: int | None = None) -> dict[str, Any]:
    """Recall in the first three results a reader sees, per language, with the misses
    (``limit``: the first queries of each language only, for the quick mode)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import ARGS, chromium_path, recall, serving
    from playwright.sync_api import sync_playwright
    queries = {lang: rows[:limit] for lang, rows in yaml.safe_load(QUERIES.read_text("utf-8")).items()}
    result: dict[str, Any] = {"indexes": index_sizes(site), "recall": {}}
    with serving(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for lang in site_ids.LANGS:
            found, missed = recall(page, base, queries[lang], site_ids.PREFIX[lang])
            result["recall"][lang] = {"found": len(found), "queries": len(queries[lang]),
                                      "share": len(found) / len(queries[lang]),
                                      "missed": [{k: m[k] for k in ("query", "expect", "kind", "results")} for m in missed]}
        browser.close()
    return result
