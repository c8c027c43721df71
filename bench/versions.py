"""The build against the number of recorded versions: 1, 10 and 50 synthetic English versions.

Each row is a copy of the real site whose ``docs/_data/versions.yml`` records
the English as first published and then ``n - 1`` synthetic versions, each
changing one provision (turn about: a word added, then taken out again, so the
latest version is the page). Every version gets its page, its comparison, its
feed entry and its JSON: the build's time per version should stay flat.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench import corpus, spread
from checks.model import document, versions

PROVISION = "article-2-4"
WORD = " (synthetic)"


def with_versions(project: Path, n: int) -> None:
    """Record ``n`` English versions in the project's versions file (the page stays the latest)."""
    docs = project / "docs"
    path = versions.path_in(docs)
    history = versions.read(path)
    english = document.load(docs / "memorandum.en.md")
    current = {p.id: p.text for p in english.provisions}
    first = versions.Version("en", "2026-01-01", {"ja": "合成の版", "en": "Synthetic version"}, dict(current))
    found = [first]
    for i in range(1, n):
        text = current[PROVISION] + (WORD if (n - 1 - i) % 2 else "")
        found.append(versions.Version("en", f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}",
                                      {"ja": f"合成の版 {i}", "en": f"Synthetic version {i}"}, {PROVISION: text}))
    if n > 1 and found[1].text[PROVISION] == first.text[PROVISION]:
        found[0] = versions.Version("en", first.date, first.reason, {**current, PROVISION: current[PROVISION] + WORD})
    path.write_text(versions.dump(versions.History({**history.versions, "en": found})), "utf-8")


def measure(work: Path, build, runs: int, counts: tuple[int, ...] = (1, 10, 50)) -> list[dict[str, Any]]:
    """Strict build time with each number of English versions (``build`` is bench's own, one process per build)."""
    rows = []
    for n in counts:
        project = corpus.variant(corpus.ROOT, work / f"versions-{n}", "site")
        with_versions(project, n)
        samples = [build(project, work / f"out-versions-{n}")["wall"] for _ in range(runs)]
        s = spread(samples)
        rows.append({"versions": n, "wall": s, "pages": len(list((work / f"out-versions-{n}" / "en/memorandum")
                                                                 .glob("20*/index.html")))})
    return rows
