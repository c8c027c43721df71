"""The accessibility report (JIS X 8341-3:2016): complete, claimed in WAIC's words, never contradicted by axe."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from checks.model import accessibility
from conftest import ROOT

REPORT = accessibility.load(accessibility.path_in(ROOT / "docs"))


def test_the_report_lists_the_38_criteria_once_each() -> None:
    assert accessibility.problems(REPORT) == []
    assert [str(c["id"]) for c in REPORT["criteria"]] == list(accessibility.WCAG20_A_AA)
    assert len(accessibility.WCAG20_A_AA) == 38


def _with(change) -> dict:
    report = copy.deepcopy(REPORT)
    change(report)
    return report


# (what is wrong with the report, the problems named)
PROBLEMS = [
    ("a row left out", lambda r: r["criteria"].pop(11), ["criterion 1.4.3 is missing"]),
    ("a row twice", lambda r: r["criteria"].append(dict(r["criteria"][0])), ["criterion 1.1.1 is listed 2 times"]),
    ("a WCAG 2.1 criterion", lambda r: r["criteria"].append({**r["criteria"][0], "id": "1.4.10"}),
     ["1.4.10 is not a WCAG 2.0 A or AA criterion"]),
    ("an unknown method", lambda r: r["criteria"][0].update(method="guess"), ["criterion 1.1.1: unknown method 'guess'"]),
    ("no result", lambda r: r["criteria"][0].update(result="ok"),
     ["criterion 1.1.1: result 'ok', expected pass, fail or na"]),
]


@pytest.mark.parametrize("name, change, expected", PROBLEMS, ids=[p[0] for p in PROBLEMS])
def test_a_broken_report_is_named(name: str, change, expected: list[str]) -> None:
    assert accessibility.problems(_with(change)) == expected


@pytest.mark.parametrize("change, ja, en", [
    (lambda r: None, "JIS X 8341-3:2016 のレベル AA に準拠", "Conforms to JIS X 8341-3:2016, Level AA"),
    (lambda r: r["criteria"][11].update(result="fail"), "JIS X 8341-3:2016 のレベル AA に一部準拠",
     "Partially conforms to JIS X 8341-3:2016, Level AA"),
    (lambda r: r["criteria"].pop(0), "JIS X 8341-3:2016 のレベル AA に一部準拠",
     "Partially conforms to JIS X 8341-3:2016, Level AA"),  # an incomplete table claims nothing more
])
def test_the_claim_uses_waic_wording_and_conformance_only_when_all_passed(change, ja: str, en: str) -> None:
    report = _with(change)
    assert (accessibility.claim(report, "ja"), accessibility.claim(report, "en")) == (ja, en)


AXE = [
    ({"violations": []}, []),
    ({"violations": [{"id": "color-contrast", "tags": ["wcag2aa", "wcag143"]}]},
     ["p: axe rule 'color-contrast' fails 1.4.3, which the accessibility report says passed"]),
    ({"violations": [{"id": "target-size", "tags": ["wcag22aa", "wcag258"]}]}, []),  # not a 2.0 criterion
    ({"violations": [{"id": "x", "tags": ["wcag132"]}]}, []),  # 1.3.2 is checked by hand, not by axe
]


@pytest.mark.parametrize("axe, expected", AXE)
def test_an_axe_violation_contradicts_a_criterion_marked_passed_by_axe(axe: dict, expected: list[str]) -> None:
    assert accessibility.contradictions(REPORT, axe, "p") == expected


@pytest.mark.parametrize("prefix, claim", [("", "に準拠"), ("en/", "Conforms to")])
def test_the_accessibility_page_has_the_claim_and_38_rows(site: Path, prefix: str, claim: str) -> None:
    html = BeautifulSoup((site / prefix / "accessibility" / "index.html").read_text("utf-8"), "html.parser")
    rows = html.select("article table tbody tr")
    assert len(rows) == 38
    assert [r.find("td").get_text().split(" ", 1)[0] for r in rows] == list(accessibility.WCAG20_A_AA)
    assert claim in html.select_one("article ul").get_text()
