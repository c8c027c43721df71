"""TWN: an editorial page and its twin state the same facts (dates, placeholders, provisions,
names and places, the notices), with a table of faults and one of legitimate edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import cli
from conftest import ROOT, docs_copy

EXPECT = "expected the same facts in both languages"


def _append(docs: Path, name: str, text: str) -> int:
    """Append a paragraph to a page; the line it is on."""
    path = docs / name
    before = path.read_text("utf-8")
    path.write_text(before.rstrip("\n") + "\n\n" + text + "\n", "utf-8")
    return len(before.rstrip("\n").splitlines()) + 2


def _twins(docs: Path) -> list[str]:
    return [str(f) for f in cli.run(docs, root=docs.parent) if f.code == "TWN001"]


def test_the_real_pages_state_the_same_facts() -> None:
    assert _twins(ROOT / "docs") == []


# (case, {page: paragraph appended}, expected findings with {page} standing for the appended line)
FAULTS = [
    ("a date only in English", {"about.en.md": "A joint meeting was held on 6 November 2025."},
     ["docs/about.en.md:{about.en.md}:29: TWN001 the date '2025-11-06' is stated here but not in the twin page "
      f"docs/about.ja.md: {EXPECT}"]),
    ("a date in Japanese only, in the Japanese form", {"about.ja.md": "2025 年 11 月 6 日に合同会合が開かれました。"},
     ["docs/about.ja.md:{about.ja.md}:1: TWN001 the date '2025-11-06' is stated here but not in the twin page "
      f"docs/about.en.md: {EXPECT}"]),
    ("the same event on different days",
     {"about.en.md": "A joint meeting was held on 6 November 2025.", "about.ja.md": "2025 年 11 月 7 日に合同会合が開かれました。"},
     ["docs/about.en.md:{about.en.md}:29: TWN001 the date '2025-11-06' is stated here but not in the twin page "
      "docs/about.ja.md; it states '2025-11-07' (line {about.ja.md}) instead: " + EXPECT,
      "docs/about.ja.md:{about.ja.md}:1: TWN001 the date '2025-11-07' is stated here but not in the twin page "
      "docs/about.en.md; it states '2025-11-06' (line {about.en.md}) instead: " + EXPECT]),
    ("a link to a provision only in Japanese", {"glossary.ja.md": "[第 2 条 2.3](memorandum.md#article-2-3)を参照。"},
     ["docs/glossary.ja.md:{glossary.ja.md}:2: TWN001 a reference to 'article-2-3' is stated here but not in the twin "
      f"page docs/glossary.en.md: {EXPECT}"]),
    ("a signatory named only in English", {"verify.en.md": "Minoru Kiuchi signed for Japan."},
     ["docs/verify.en.md:{verify.en.md}:1: TWN001 the name of 'signatory 1' is stated here but not in the twin page "
      f"docs/verify.ja.md: {EXPECT}"]),
    ("the notice period only in Japanese, by its placeholder", {"verify.ja.md": "{{ notice_period }}"},
     ["docs/verify.ja.md:{verify.ja.md}:1: TWN001 the notice period '3 months' is stated here but not in the "
      f"twin page docs/verify.en.md: {EXPECT}"]),
    ("a placeholder that renders no fact the check reads, only in English", {"verify.en.md": "{{ short_title }}"},
     ["docs/verify.en.md:{verify.en.md}:1: TWN001 the fact placeholder 'short_title' is stated here but not in the "
      f"twin page docs/verify.ja.md: {EXPECT}"]),
    ("the governing-text notice only in English",
     {"accessibility.en.md": "Where the translation and the Japanese differ, the Japanese governs on this site."},
     ["docs/accessibility.en.md:{accessibility.en.md}:48: TWN001 the notice 'the Japanese governs' is stated here but "
      f"not in the twin page docs/accessibility.ja.md: {EXPECT}"]),
]


@pytest.mark.parametrize("case, added, expected", FAULTS, ids=[f[0] for f in FAULTS])
def test_a_fact_one_twin_lacks_is_named_with_both_pages(tmp_path: Path, case: str, added: dict[str, str],
                                                        expected: list[str]) -> None:
    docs = docs_copy(tmp_path)
    lines = {name: _append(docs, name, text) for name, text in added.items()}
    want = []
    for line in expected:
        for name, n in lines.items():
            line = line.replace("{" + name + "}", str(n))
        want.append(line)
    assert _twins(docs) == want


def test_the_japanese_home_page_without_its_notice_is_named(tmp_path: Path) -> None:
    """The fault the translation review found: index.ja lacked the English page's notice."""
    docs = docs_copy(tmp_path)
    page = docs / "index.ja.md"
    text = page.read_text("utf-8")
    start = text.index("公式の英語の本文は見つかりませんでした。")
    end = text.index("\n", start)
    page.write_text(text[:start] + text[end:], "utf-8")
    found = _twins(docs)
    # The English states the notice (and the number of originals it rests on); the Japanese does not.
    assert [f.split(": TWN001 ")[1].split(" is stated")[0] for f in found] == [
        "the notice 'no official English text found'", "the number of originals '2'",
        "the notice 'the Japanese governs'"]
    assert all(f.startswith("docs/index.en.md:10:") and "docs/index.ja.md" in f for f in found)


# (case, {page: paragraph appended}): edits a contributor makes that keep the twins alike.
LEGITIMATE = [
    ("the same date in each language's form", {"about.en.md": "A joint meeting was held on 6 November 2025.",
                                               "about.ja.md": "2025年11月6日に合同会合が開かれました。"}),
    ("English reworded", {"verify.en.md": "Each file can be checked with any SHA-256 tool."}),
    ("a date in a comment", {"about.en.md": "<!-- checked on 6 November 2025 -->"}),
    ("the same provision, as a reference and as a link", {"glossary.en.md": "See Article 2.3.",
                                                          "glossary.ja.md": "[2.3](memorandum.md#article-2-3)を参照。"}),
    ("a Side by its abbreviation and by its name", {"verify.en.md": "DSIT signed for the UK.",
                                                    "verify.ja.md": "英国側は科学・イノベーション・技術省が署名しました。"}),
    ("the number of originals as a figure and in words", {"verify.en.md": "{{ originals_words }}",
                                                          "verify.ja.md": "{{ originals }}"}),
    ("the notice period written in one language, by placeholder in the other",
     {"verify.en.md": "{{ notice_period }}", "verify.ja.md": "3 か月"}),
    ("the signing date by placeholder and written out", {"verify.en.md": "{{ signed_date }}",
                                                         "verify.ja.md": "2025 年 4 月 28 日"}),
]


@pytest.mark.parametrize("case, added", LEGITIMATE, ids=[c[0] for c in LEGITIMATE])
def test_edits_that_keep_the_twins_alike_are_no_finding(tmp_path: Path, case: str, added: dict[str, str]) -> None:
    docs = docs_copy(tmp_path)
    for name, text in added.items():
        _append(docs, name, text)
    assert _twins(docs) == []
