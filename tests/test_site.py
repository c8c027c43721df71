"""The built site: pages, languages, provision ids, the signed text, notices."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from checks.rules import fidelity
from conftest import PROVISION_IDS, ROOT, build, copy_project

PAGES = [
    ("index.html", "ja"), ("memorandum/index.html", "ja"), ("about/index.html", "ja"),
    ("en/index.html", "en"), ("en/memorandum/index.html", "en"), ("en/about/index.html", "en"),
]


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("page,lang", PAGES)
def test_page_exists_in_its_language(site: Path, page: str, lang: str) -> None:
    html = soup(site, page)
    assert html.html["lang"] == lang


@pytest.mark.parametrize("page", ["memorandum/index.html", "en/memorandum/index.html"])
@pytest.mark.parametrize("pid", PROVISION_IDS)
def test_every_provision_id_on_both_memorandum_pages(site: Path, page: str, pid: str) -> None:
    assert soup(site, page).find(id=pid) is not None, f"#{pid} missing on {page}"


def test_no_positional_slugs_on_memorandum_pages(site: Path) -> None:
    for page in ("memorandum/index.html", "en/memorandum/index.html"):
        ids = [t["id"] for t in soup(site, page).find_all(id=True)]
        assert not [i for i in ids if re.fullmatch(r"_\d+", i)], ids


def _text_of(element) -> str:
    return element.get_text("", strip=False)


def test_japanese_page_reproduces_signed_source(site: Path) -> None:
    """The rendered Japanese text equals the source, spaces included (the PDF's layout aside)."""
    from checks.model import document
    from checks.verify import output
    doc = document.load(ROOT / "docs/memorandum.ja.md")
    built = output.read((site / "memorandum/index.html").read_text("utf-8"), frozenset(doc.ids()))
    rendered = "".join(output.visible(built.provisions[pid], "ja") for pid in doc.ids())
    expected = fidelity.source_text((ROOT / "docs/_data/signed-original.txt").read_text("utf-8"))
    assert unicodedata.normalize("NFC", rendered) == expected and " 1 条" in rendered


def test_source_copy_is_the_recorded_signed_text() -> None:
    """The kept copy has the SHA-256 the metadata records (and equals shared/ when beside us)."""
    import hashlib
    import yaml
    kept = (ROOT / "docs/_data/signed-original.txt").read_bytes()
    facts = yaml.safe_load((ROOT / "docs/_data/memorandum.yml").read_text("utf-8"))
    assert hashlib.sha256(kept).hexdigest() == facts["source"]["sha256"]
    shared = ROOT.parent / "shared/source/000_05a0774c76918d86.txt"
    if shared.exists():
        assert shared.read_bytes() == kept


def test_english_page_carries_reference_translation_notice(site: Path) -> None:
    html = soup(site, "en/memorandum/index.html")
    notice = html.select_one(".admonition")
    assert notice is not None
    text = notice.get_text(" ")
    assert "reference translation" in text and "the signed memorandum" in text and "could be found" in text


def test_english_page_has_the_same_provisions(site: Path) -> None:
    html = soup(site, "en/memorandum/index.html")
    items = html.select("li[id^=article-1-item-]")
    assert [li["id"] for li in items] == [f"article-1-item-{i}" for i in range(1, 9)]
    for n in range(1, 5):
        assert html.find(id=f"article-2-{n}").get_text().startswith(f"2.{n} ")
    sigs = [html.find(id=f"signatory-{n}").get_text(" ") for n in (1, 2)]
    assert "Minoru Kiuchi" in sigs[0] and "Lord Vallance of Balham (Patrick Vallance)" in sigs[1]


def test_facts_come_from_metadata(site: Path) -> None:
    ja = soup(site, "index.html").get_text()
    en = soup(site, "en/index.html").get_text()
    assert "2025 年 4 月 28 日" in ja and "3 か月" in ja and "城内 実" in ja
    assert "28 April 2025" in en and "three months" in en and "Minoru Kiuchi" in en
    assert "{{" not in ja + en


def test_no_external_requests_in_html(site: Path) -> None:
    external = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!127\.0\.0\.1)""")
    for page, _ in PAGES:
        html = (site / page).read_text(encoding="utf-8")
        for m in external.finditer(html):
            tag_start = html.rfind("<", 0, m.start())
            tag = html[tag_start:m.end() + 60]
            # Plain links a reader follows are fine; loaded assets are not.
            assert tag.startswith("<a "), f"{page}: external asset {tag!r}"


@pytest.mark.parametrize("prefix, pipeline, words", [
    ("", [], ("量子", "署名", "termination")),  # English synonyms reach the Japanese provisions
    ("en/", ["trimmer"], ("quantum", "terminat", "改正")),
])
def test_each_language_has_its_own_search_index(site: Path, prefix: str, pipeline: list, words: tuple) -> None:
    import json
    index = json.loads((site / prefix / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["pipeline"] == pipeline
    text = " ".join(d["text"] + d["title"] + d.get("keywords", "") for d in index["docs"])
    for word in words:
        assert word in text


# (page, text appended, what the build's message names): a broken anchor, a missing page
# (MkDocs' own link validation) and an unknown placeholder, each on a page of its own.
BROKEN = [
    ("about.en.md", "[x](memorandum.md#article-9-9)", "article-9-9"),
    ("about.ja.md", "[x](nowhere.md)", "nowhere.md"),
    ("index.ja.md", "{{ no_such_fact }}", "no_such_fact"),
]


def test_broken_links_and_an_unknown_placeholder_fail_the_strict_build(tmp_path: Path) -> None:
    """One build with every fault of the table: it fails, and a message names each fault with its page."""
    project = copy_project(tmp_path / "p")
    for name, added, _ in BROKEN:
        page = project / "docs" / name
        page.write_text(page.read_text("utf-8") + f"\n{added}\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert {needle: any(name in line and needle in line for line in lines) for name, _, needle in BROKEN} == \
        {needle: True for _, _, needle in BROKEN}


@pytest.mark.parametrize("path, config, expected", [
    ("/proj/docs/about.en.md", "/proj/properdocs.yml", "docs/about.en.md"),
    ("/elsewhere/x.md", "/proj/properdocs.yml", "/elsewhere/x.md"),  # outside the project: as given
    ("docs/index.ja.md", None, "docs/index.ja.md"),  # no configuration: from the working folder
])
def test_a_source_file_is_named_from_the_project_folder(path: str, config, expected: str) -> None:
    from checks.model import site as site_model
    assert site_model.display_path(path, config) == expected
