"""Check time per KB of one page, from 10 KB to 1 MB, for prose and for inputs
built to trip a backtracking pattern (runs of ``<``, ``[``, ``{:``, unclosed
comments and fences …). Every check is linear: the per-KB time stays flat."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from checks.find import dates, refs
from checks.model import document, metadata
from checks.render import placeholders
from checks.rules import facts as facts_stated, safety, twins, unicode
from checks.model.page import Page

ROOT = Path(__file__).resolve().parent.parent
SIZES_KB = (10, 100, 1000)
QUICK_SIZES_KB = (5, 20)  # the test suite's smoke run: the code runs, its figures are not reported
# Repeated units: a realistic page, then the shapes that once made a check quadratic.
UNITS = {
    "prose (about.en.md)": None, "`<`": "<", "`<a `": "<a ", "`<a on`": "<a onx", "`[`": "[", "`[a](`": "[a](",
    "backticks": "`", "`{: `": "{: ", "`<!--`": "<!--", "`&#`": "&#", "fences": "```\n", "admonitions": "!!! n\n",
    "headings": "# ", "`第 2 条`": "第 2 条 ", "`{{ x`": "{{ x ", "newlines": "\n", "`<a` + newline": "<a\n",
    # the hostile-text, name and twin-page scans
    "zero-width spaces": "\u200b", "a Cyrillic word": "\u0430", "a name's first word": "Lord ",
    "a Japanese name's first characters": "パト",
}
FACTS = metadata.load(ROOT / "docs/_data/memorandum.yml")
NAMES = facts_stated.guarded_names(FACTS)
TWIN_NAMES = twins.names_of(FACTS)


def check_page(text: str, lang: str = "en") -> float:
    """Seconds to read one page and run every per-page check on it."""
    start = time.perf_counter()
    page = Page(Path(f"x.{lang}.md"), text)
    list(safety.scan(page))
    list(refs.find(page))
    list(dates.dates_in(text, lang))
    list(placeholders.unknown(page))
    document.parse(text, Path(f"memorandum.{lang}.md"))
    list(unicode.scan(text))
    list(facts_stated.near_misses(text, NAMES))
    twins.stated(page, TWIN_NAMES, FACTS)
    return time.perf_counter() - start


def measure(runs: int, sizes: tuple[int, ...] = SIZES_KB) -> list[dict[str, Any]]:
    rows = []
    for name, unit in UNITS.items():
        unit = unit or (ROOT / "docs/about.en.md").read_text("utf-8")
        per_kb = []
        for kb in sizes:
            text = (unit * (kb * 1024 // len(unit.encode()) + 1))[:kb * 1024]
            per_kb.append(1000 * min(check_page(text) for _ in range(runs)) / kb)
        rows.append({"input": name, "ms_per_kb": per_kb, "ratio": per_kb[-1] / per_kb[0]})
    return rows
