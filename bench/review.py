"""``make review`` against the size of a change: every English provision changed, memoranda of growing size.

Each row is a git repository holding a synthetic memorandum (``bench.corpus``)
in which a commit changes every English provision; the review of that commit
(the checks on its docs included) is timed. Linear: the time per changed
provision stays flat as the memorandum grows.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import corpus, spread
from checks import review

GIT = ["git", "-c", "user.email=bench@example.org", "-c", "user.name=bench", "-c", "commit.gpgsign=false"]


def _repo(dest: Path, factor: int) -> tuple[Path, int]:
    """A repository whose last commit changes every English provision of a corpus of this factor."""
    root = corpus.make(dest, factor)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*GIT, "add", "docs"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-qm", "base"], cwd=root, check=True)
    path = root / "docs" / "memorandum.en.md"
    text, changed = re.subn(r"expertise of the Sides", "expertise of both Sides", path.read_text("utf-8"))
    path.write_text(text, "utf-8")
    subprocess.run([*GIT, "commit", "-qam", "every provision"], cwd=root, check=True)
    return root, changed


def measure(runs: int, factors: tuple[int, ...] = (1, 4, 16)) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        for factor in factors:
            root, changed = _repo(Path(tmp) / f"f{factor}", factor)
            samples = []
            for _ in range(runs):
                start = time.perf_counter()
                text = review.review(root, "HEAD~1", "HEAD")
                samples.append(time.perf_counter() - start)
            shown = text.count("\n### ")
            s = spread(samples)
            rows.append({"factor": factor, "provisions": corpus.provisions(factor), "changed": changed,
                         "reviewed": shown, "s": s, "ms_per_provision": s["median"] * 1000 / max(shown, 1)})
    return rows
