"""The benchmark code runs (small mode) and writes a complete report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.mark.browser
@pytest.mark.long
def test_bench_quick_mode_writes_a_complete_report(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(tmp_path)],
                            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    report = (tmp_path / "RESULTS.md").read_text("utf-8")
    for heading in ("## 1. Build", "## 2. Checks", "## 2b. Linearity", "## 3. Growth", "## 4. Page weight",
                    "## 5. Lighthouse", "## 7. Downloads", "## 8. Search", "## 8b. Review of a change",
                    "## 8c. Versions"):
        assert heading in report
    data = json.loads((tmp_path / "results.json").read_text("utf-8"))
    assert data["builds"]["site"]["wall"]["median"] > 0 and data["builds"]["site-mkdocs"]["wall"]["median"] > 0
    assert data["builds"]["ratios"]["properdocs_vs_mkdocs"] > 0 and "the MkDocs fallback's time" in report
    assert set(data["builds"]["hooks_ms"]) == {p.name for p in (ROOT / "hooks").glob("*.py")}
    assert all(ms > 0 for ms in data["builds"]["hooks_ms"].values()) and "Where the hooks' time goes" in report
    assert {key.split(":")[0] for key in data["builds"]["hook_events_ms"]} == set(data["builds"]["hooks_ms"])
    assert "their post-build outputs" in report
    assert {g["factor"] for g in data["growth"]} == {1, 2}
    assert len(data["linearity"]) >= 15 and all(len(row["ms_per_kb"]) == 2 for row in data["linearity"])
    assert all(row["bytes"].get("html", 0) > 0 and row["total"] > 0 for row in data["weight"])
    assert 0 < data["lighthouse"][0]["performance"]["median"] <= 100
    assert data["lighthouse"][0]["tbt_ms"]["n"] == 1 and "Memorandum pages' total blocking time, median" in report
    assert {row["export"] for row in data["exports"]} >= {"memorandum.json", "Akoma Ntoso (ja)", "Akoma Ntoso (en)", "SHA256SUMS"}
    assert all(row["ms"]["median"] > 0 for row in data["exports"])
    assert {lang: r["queries"] for lang, r in data["search"]["recall"].items()} == {"ja": 5, "en": 5}  # quick: five each
    assert all(size["gzip"] > 0 for size in data["search"]["indexes"].values())
    assert [(row["factor"], row["reviewed"] == row["changed"] > 0) for row in data["review"]] == [(1, True), (2, True)]
    assert [(row["versions"], row["pages"]) for row in data["versions"]] == [(1, 1), (2, 2)]
    assert all(row["wall"]["median"] > 0 for row in data["versions"])
    # A later report compares with this one (the renderer is pure: no second run).
    from bench import report
    earlier = json.loads(json.dumps(data))
    earlier["date"] = "2026-01-01T00:00:00+00:00"
    earlier["builds"]["site"]["wall"]["median"] *= 2
    again = report.render(data, earlier)
    assert "Since the previous report (2026-01-01T00:00:00+00:00): strict build" in again
    assert "(-50.0 %)" in again


def test_hook_time_is_split_by_kind_as_a_share_of_the_hook_less_build() -> None:
    from bench import report
    hooks_ms = {"lang.py": 20.0, "search.py": 30.0, "verify.py": 80.0, "facts.py": 100.0, "exports.py": 40.0}
    assert report.split_sentence(hooks_ms, 0.8) == (
        "By kind, with each one's share of the hook-less build: the built-site verification (`verify.py`) "
        "80 ms (10.0 %); `facts.py` (metadata validation, placeholders) 100 ms (12.5 %); `exports.py` (the "
        "downloads written, after the wait for the PDFs) 40 ms (5.0 %); the page hooks (every other file) 50 ms (6.2 %).")
    events_ms = {"lang.py:page_content": 20.0, "search.py:config": 2.0, "search.py:post_build": 28.0,
                 "verify.py:post_build": 80.0, "exports.py:post_build": 40.0}
    assert report.split_sentence(hooks_ms, 0.8, events_ms).endswith(
        "the page hooks (every other file) 50 ms (6.2 %): their events up to each page's output 22 ms (2.8 %), "
        "their post-build outputs 28 ms (3.5 %).")


RESULTS = """    checks.model.site.x_stem__mutmut_1: killed
    checks.model.site.x_stem__mutmut_2: survived
    hooks.lang.xǁ_Markerǁ_flush__mutmut_3: no tests
    checks.model.site.x_joiner__mutmut_4: not checked
"""


def test_mutation_sample_is_seeded_and_scored_with_its_margin() -> None:
    from bench import mutation
    names = mutation.mutant_names(RESULTS)
    assert names == ["checks.model.site.x_stem__mutmut_1", "checks.model.site.x_stem__mutmut_2",
                     "hooks.lang.xǁ_Markerǁ_flush__mutmut_3", "checks.model.site.x_joiner__mutmut_4"]
    assert mutation.sample(names, 2, 1) == mutation.sample(list(reversed(names)), 2, 1)
    assert len(mutation.sample(names, 2, 1)) == 2 and len(mutation.sample(names, 9, 1)) == 4
    assert {tuple(mutation.sample(names, 2, seed)) for seed in range(20)} != {tuple(mutation.sample(names, 2, 1))}
    assert round(mutation.margin(0.8, 800), 4) == 0.0277 and mutation.margin(0.8, 0) == 0.0
    data = mutation.parse(RESULTS)
    assert (data["overall"]["killed"], data["overall"]["tested"], data["overall"]["not_checked"]) == (1, 3, 1)
    from bench import report
    data.update(date="2026-01-01T00:00:00+00:00", sample={"size": 3, "of": 4, "seed": 1, "margin": 0.5})
    text = "\n".join(report.mutation(data))
    assert "A seeded random sample of 3 of the 4 mutants" in text and "±50.0%" in text and "score **33.3%**" in text
