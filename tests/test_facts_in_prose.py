"""Facts wherever a reader sees text: names written almost right (FCT006), a signing place
in a summary (FCT007), a department that is not a Side (FCT008); faults and legitimate edits."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from checks import cli
from checks.model import metadata
from checks.rules import facts as facts_stated
from conftest import ROOT, docs_copy

FACTS = metadata.load(ROOT / "docs/_data/memorandum.yml")


def _run(docs: Path) -> list[str]:
    return [str(f) for f in cli.run(docs, root=docs.parent) if f.code in ("FCT006", "FCT007", "FCT008")]


def _replace(path: Path, old: str, new: str) -> tuple[int, int]:
    text = path.read_text("utf-8")
    at = text.index(old)
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


SIGNATORY_2 = "(metadata signatories.2.name.en)"
# (case, file, text replaced, replacement, columns after its start, message)
FAULTS = [
    ("a signatory's name misspelt in editorial prose", "about.en.md", "Lord Vallance of Balham, the style",
     "Lord Valance of Balham, the style", 0,
     f"FCT006 'Lord Valance of Balham' is almost a name the metadata holds: expected 'Lord Vallance of Balham' {SIGNATORY_2}"),
    ("his given name misspelt in an editorial note", "memorandum.en.md", "(Patrick Vallance); the translation",
     "(Patrik Vallance); the translation", 1,
     f"FCT006 'Patrik Vallance' is almost a name the metadata holds: expected 'Patrick Vallance' {SIGNATORY_2}"),
    ("a Japanese name misspelt in Japanese prose", "about.ja.md", "「パトリック・バランス」", "「パトリック・ヴァランス」", 1,
     "FCT006 'パトリック・ヴァランス' is almost a name the metadata holds: expected 'パトリック・バランス' "
     "(metadata signatories.2.name.ja)"),
    ("a misspelt name in a metadata note", "_data/memorandum.yml", "Lord Vallance of Balham is the style",
     "Lord Vallance of Balahm is the style", 0,
     f"FCT006 'Lord Vallance of Balahm' is almost a name the metadata holds: expected 'Lord Vallance of Balham' {SIGNATORY_2}"),
    ("a Side misspelt in a description", "index.en.md", "description: Overview of the Japan–UK Memorandum",
     "description: Overview of the Departmant for Science, Innovation and Technology's Memorandum", 29,
     "FCT006 'Departmant for Science, Innovation and Technology' is almost a name the metadata holds: expected "
     "'Department for Science, Innovation and Technology' (metadata parties.dsit)"),
    ("a wrong place in the memorandum page's own description", "memorandum.en.md", "signed in London on",
     "signed in Tokyo on", 10,
     "FCT007 signed in 'Tokyo': expected 'London, United Kingdom' (metadata signed.place), written as {{ signed_place }}"),
    ("a wrong place in a Japanese description", "memorandum.ja.md", "（2025 年 4 月 28 日署名）",
     "（2025 年 4 月 28 日、東京で署名）", 17,
     "FCT007 signed in '東京': expected '英国ロンドン' (metadata signed.place), written as {{ signed_place }}"),
    ("the wrong party in a description", "index.en.md", "description: Overview of the Japan–UK Memorandum",
     "description: Overview of the Department for Business and Trade's Memorandum", 29,
     "FCT008 'Department for Business and Trade' is not a Side: expected 'Cabinet Office' or "
     "'Department for Science, Innovation and Technology' (metadata parties)"),
    ("the wrong ministry in a Japanese description", "index.ja.md", "description: 日本国内閣府と英国科学・イノベーション・技術省",
     "description: 日本国内閣府と英国ビジネス・通商省", 20,
     "FCT008 '英国ビジネス・通商省' is not a Side: expected '内閣府' or '科学・イノベーション・技術省' (metadata parties)"),
]


@pytest.mark.parametrize("case, name, old, new, offset, message", FAULTS, ids=[f[0] for f in FAULTS])
def test_a_fact_written_wrong_around_the_text_is_named(tmp_path: Path, case: str, name: str, old: str, new: str,
                                                        offset: int, message: str) -> None:
    docs = docs_copy(tmp_path)
    line, col = _replace(docs / name, old, new)
    assert _run(docs) == [f"docs/{name}:{line}:{col + offset}: {message}"]


# (case, file, text replaced, replacement): edits a contributor makes, and none is a finding.
LEGITIMATE = [
    ("a name at the start of a sentence", "about.en.md", "The translation uses", "The Cabinet Office of Japan and the translation use"),
    ("a possessive", "about.en.md", "The translation uses", "Minoru Kiuchi's title and the translation use"),
    ("the other title of a minister", "about.en.md", "The translation uses",
     "Minister of State for Science, Research and Innovation: the translation uses"),
    ("a Side by its short name", "index.en.md", "description: Overview of the Japan–UK Memorandum",
     "description: Overview of the Cabinet Office and DSIT Memorandum"),
    ("the signing place by placeholder", "about.en.md", "The translation uses", "Signed in {{ signed_place }}, the translation uses"),
    ("another instrument signed elsewhere, in prose", "about.en.md", "The translation uses",
     "The 1994 Agreement was signed in Tokyo. The translation uses"),
    ("the signing month in a description", "verify.en.md", "description: ", "description: Signed in April 2025. "),
    ("a misspelling inside a comment", "about.en.md", "The translation uses", "<!-- Lord Valance --> The translation uses"),
]


@pytest.mark.parametrize("case, name, old, new", LEGITIMATE, ids=[c[0] for c in LEGITIMATE])
def test_a_legitimate_edit_is_no_finding(tmp_path: Path, case: str, name: str, old: str, new: str) -> None:
    docs = docs_copy(tmp_path)
    _replace(docs / name, old, new)
    assert _run(docs) == []


def test_the_real_docs_have_none() -> None:
    assert _run(ROOT / "docs") == []


def test_near_misses_are_linear_on_a_megabyte() -> None:
    names = facts_stated.guarded_names(FACTS)
    page = (ROOT / "docs/about.en.md").read_text("utf-8") + (ROOT / "docs/about.ja.md").read_text("utf-8")
    small, big = page * 20, page * 200
    start = time.perf_counter()
    assert list(facts_stated.near_misses(small, names)) == []
    t_small = time.perf_counter() - start
    start = time.perf_counter()
    assert list(facts_stated.near_misses(big + "Minoru Kiuchy", names))[-1][1] == "Minoru Kiuchy"
    t_big = time.perf_counter() - start
    assert t_big < 60 * max(t_small, 0.01)  # ten times the text: a bound against quadratic growth, not a speed test


# (case, metadata text replaced, replacement, the finding expected, or None for a legitimate edit)
RESTATED = [
    ("the notice period in words", "  en: three months\n", "  en: four months\n",
     "docs/_data/memorandum.yml:36:7: FCT009 notice_period.en 'four months' states [4]: expected 3 months "
     "(notice_period.months)"),
    ("the notice period in Japanese", "  ja: 3 か月\n", "  ja: 6 か月\n",
     "docs/_data/memorandum.yml:35:7: FCT009 notice_period.ja '6 か月' states [6]: expected 3 months "
     "(notice_period.months)"),
    ("an instrument's date as the text gives it", "    text_date: 1994-06\n", "    text_date: 1995-06\n",
     "docs/_data/memorandum.yml:85:16: FCT009 instruments.1.text_date 1995-06 is not agreement-1994's date 1994-06 "
     "at the text's precision"),
    ("the notice period in figures", "  en: three months\n", "  en: 3 months\n", None),
    ("the year the text gives of a dated instrument", "    text_date: 1994-06\n", "    text_date: 1994\n", None),
]


@pytest.mark.parametrize("case, old, new, expected", RESTATED, ids=[r[0] for r in RESTATED])
def test_a_metadata_string_that_restates_a_value_is_checked_against_it(tmp_path: Path, case: str, old: str, new: str,
                                                                      expected: str | None) -> None:
    docs = docs_copy(tmp_path)
    _replace(docs / "_data/memorandum.yml", old, new)
    found = [str(f) for f in cli.run(docs, root=docs.parent) if f.code == "FCT009"]
    assert found == ([expected] if expected else [])


def _levenshtein(a: str, b: str) -> int:
    """The whole table, as the textbook writes it: the reference the banded distance is held to."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        diagonal, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (x != y))
    return row[-1]


@pytest.mark.parametrize("a, b, bound, expected", [
    ("", "", 1, 0), ("abcd", "abcd", 2, 0), ("abcd", "abce", 1, 1), ("abcd", "abd", 1, 1), ("abcd", "abcde", 1, 1),
    ("abcd", "badc", 2, 3), ("abcd", "badc", 3, 3), ("abcd", "wxyz", 2, 3), ("ab", "abcd", 1, 2), ("ab", "abcd", 2, 2),
    ("", "ab", 2, 2), ("ab", "", 1, 2), ("Vallance", "Valance", 2, 1), ("バランス", "ヴァランス", 1, 2), ("バランス", "ヴァランス", 2, 2),
    ("kitten", "sitting", 2, 3), ("kitten", "sitting", 3, 3),
])
def test_the_banded_distance_is_exact_up_to_its_bound(a: str, b: str, bound: int, expected: int) -> None:
    assert facts_stated._distance(a, b, bound) == expected


def test_the_banded_distance_agrees_with_the_whole_table() -> None:
    import random
    rng = random.Random(20261201)
    for _ in range(3000):
        a = "".join(rng.choice("abcア") for _ in range(rng.randrange(0, 9)))
        b = "".join(rng.choice("abcア") for _ in range(rng.randrange(0, 9)))
        bound = rng.randrange(0, 4)
        assert facts_stated._distance(a, b, bound) == min(_levenshtein(a, b), bound + 1), (a, b, bound)


NAMES = [("Patrick Vallance", "signatories.2.name.en"), ("パトリック・バランス", "signatories.2.name.ja")]


@pytest.mark.parametrize("text, expected", [
    ("Patrick Vallance and Patrick Vallance.", []),
    ("Patrik Vallance.", [(0, "Patrik Vallance", "Patrick Vallance", "signatories.2.name.en")]),
    ("See patrick valance.", [(4, "patrick valance", "Patrick Vallance", "signatories.2.name.en")]),
    ("Patrick Valnalce.", [(0, "Patrick Valnalce", "Patrick Vallance", "signatories.2.name.en")]),  # two edits, 8 letters
    ("Patrick Vxllxnxe.", []),                       # three edits
    ("Patrik Valance.", []),                         # two words differ
    ("Patrik\nVallance.", []),                       # across a line break
    ("Mr Patrick Vallancee and Patrik Vallance", [(3, "Patrick Vallancee", "Patrick Vallance", "signatories.2.name.en"),
                                                  (25, "Patrik Vallance", "Patrick Vallance", "signatories.2.name.en")]),
    ("「パトリック・バランス」", []),
    ("「パトリック・ヴァランス」", [(1, "パトリック・ヴァランス", "パトリック・バランス", "signatories.2.name.ja")]),
    # The closest window (one edit) rather than the first within the bound ('パトリク・バランス」', two),
    # and once, though the anchors at either end both reach it.
    ("「パトリク・バランス」", [(1, "パトリク・バランス", "パトリック・バランス", "signatories.2.name.ja")]),
    ("パトリック・バランスパトリク・バランス", [(10, "パトリク・バランス", "パトリック・バランス", "signatories.2.name.ja")]),
    ("「パトリック・バラ\nンス」", []),
    # a slip next to one anchor: the window at the other anchor finds it
    ("「パトソック・バランヌ」", [(1, "パトソック・バランヌ", "パトリック・バランス", "signatories.2.name.ja")]),
    ("「パヒリック・バカンス」", [(1, "パヒリック・バカンス", "パトリック・バランス", "signatories.2.name.ja")]),
])
def test_a_name_written_almost_right_is_found_once(text: str, expected: list) -> None:
    assert list(facts_stated.near_misses(text, NAMES)) == expected


def test_two_names_written_almost_right_are_both_found_in_text_order_of_the_names() -> None:
    names = [("Patrick Vallance", "signatories.2.name.en"), ("Minoru Kiuchi", "signatories.1.name.en")]
    assert list(facts_stated.near_misses("Minoru Kiuchy met Patrik Vallance.", names)) == [
        (18, "Patrik Vallance", "Patrick Vallance", "signatories.2.name.en"),
        (0, "Minoru Kiuchy", "Minoru Kiuchi", "signatories.1.name.en")]
