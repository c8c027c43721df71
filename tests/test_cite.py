"""Citations: OSCOLA by a CSL processor, the Japanese form, and the files and tags reference managers read."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup

from checks.export import cite
from checks.model import metadata
from conftest import ROOT

FACTS = metadata.load(ROOT / "docs/_data/memorandum.yml")
URL = "https://e.org/en/memorandum/2026-11-30/"
OSCOLA_HEAD = ("Cabinet Office of Japan and Department for Science, Innovation and Technology (DSIT) of the United Kingdom "
               "of Great Britain and Northern Ireland, Memorandum of Cooperation on Quantum Science and Technology Between "
               "the Cabinet Office of Japan and the Department for Science, Innovation and Technology of the United "
               "Kingdom of Great Britain and Northern Ireland (28 April 2025), reference translation, version of "
               "30 November 2026")


@pytest.mark.parametrize("lang, pid, expected", [
    ("en", "article-2-3", f"{OSCOLA_HEAD} para 2.3 <{URL}#article-2-3>."),
    ("en", "preamble-3", f"{OSCOLA_HEAD} <{URL}#preamble-3>."),
    ("en", "title", f"{OSCOLA_HEAD} <{URL}>."),
    ("ja", "article-2-3", "日英量子科学技術協力覚書 第 2 条 2.3（2025 年 4 月 28 日時点の版）（https://e.org/memorandum/2025-04-28/#article-2-3）"),
    ("ja", "title", "日英量子科学技術協力覚書（2025 年 4 月 28 日時点の版）（https://e.org/memorandum/2025-04-28/）"),
])
def test_each_provision_is_cited_with_its_version_and_address(lang: str, pid: str, expected: str) -> None:
    date, url = ("2026-11-30", URL) if lang == "en" else ("2025-04-28", "https://e.org/memorandum/2025-04-28/")
    assert cite.Citations(FACTS, lang, date, url)(pid) == expected


def test_the_english_citation_is_what_the_oscola_style_makes_of_the_item() -> None:
    item = cite.item(FACTS, "en", "2026-11-30", f"{URL}#article-2-3")
    assert item["type"] == "treaty" and item["issued"] == {"date-parts": [[2025, 4, 28]]}
    assert cite.oscola(item, "2.3") == cite.Citations(FACTS, "en", "2026-11-30", URL)("article-2-3")


DOWNLOADS = cite.downloads(FACTS, {"ja": "2025-04-28", "en": "2026-11-30"}, "https://e.org/")


# (date, address) of a version: the citations filled into the forms the processor made once are the
# ones it makes for that version itself, odd addresses included; with no address it is asked directly.
VERSIONS = [("2025-04-28", "https://example.org/en/memorandum/2025-04-28/"),
            ("2026-11-25", "https://example.org/en/memorandum/2026-11-25/"),
            ("2024-02-29", "https://example.org/a b/?q=1&x=2#top"),
            ("1999-12-31", "<x> \"quoted\" & 'so'"),
            ("2030-01-09", "."),
            ("2030-01-09", "")]


@pytest.mark.parametrize("date, url", VERSIONS)
def test_each_versions_oscola_citation_is_what_the_processor_makes_of_its_item(date: str, url: str) -> None:
    made = cite.Citations(FACTS, "en", date, url)
    assert made.pinned == cite._oscola(cite.item(FACTS, "en", date, f"{url}#{cite.FRAGMENT}"), cite.PIN)
    assert made.whole == cite._oscola(cite.item(FACTS, "en", date, url), None)
    assert not set(made.pinned + made.whole) & {cite.SHOWN_DATE, cite.DATE, cite.ADDRESS}


def test_the_bibtex_file_parses_with_both_texts() -> None:
    library = bibtexparser.parse_string(DOWNLOADS["memorandum.bib"].decode())
    assert not library.failed_blocks
    entries = {e.key: {f.key: f.value for f in e.fields} for e in library.entries}
    assert set(entries) == {"quantum-science-technology-ja-2025-04-28", "quantum-science-technology-en-2026-11-30"}
    english = entries["quantum-science-technology-en-2026-11-30"]
    assert english["url"] == URL and english["date"] == "2025-04-28" and english["version"] == "2026-11-30"
    assert english["author"] == ("{Cabinet Office of Japan} and {Department for Science, Innovation and Technology (DSIT) "
                                 "of the United Kingdom of Great Britain and Northern Ireland}")
    assert all(e.entry_type == "misc" for e in library.entries)


def test_the_ris_file_parses_with_both_texts() -> None:
    records = rispy.loads(DOWNLOADS["memorandum.ris"].decode())
    assert [r["type_of_reference"] for r in records] == ["GOVDOC", "GOVDOC"]
    english = records[1]
    assert english["title"] == FACTS["title"]["en"] and english["urls"] == [URL]
    assert english["authors"] == ["Cabinet Office of Japan", "Department for Science, Innovation and Technology (DSIT) "
                                  "of the United Kingdom of Great Britain and Northern Ireland"]
    assert english["date"] == "2025/04/28/" and english["edition"] == "2026-11-30"


def test_the_csl_json_file_is_the_items_the_citations_are_made_from() -> None:
    items = json.loads(DOWNLOADS["memorandum.csl.json"])
    # Readable as written: indented, the Japanese as characters (not \u escapes), a final newline.
    text = DOWNLOADS["memorandum.csl.json"].decode("utf-8")
    assert text.startswith('[\n  {\n    "') and text.endswith("}\n]\n") and "\\u" not in text
    assert items[0]["title"] in text and not items[0]["title"].isascii()
    assert [i["language"] for i in items] == ["ja", "en"]
    assert cite.oscola(items[1]) == cite.Citations(FACTS, "en", "2026-11-30", URL)("title")


def test_the_built_pages_cite_the_version_in_force_and_carry_its_tags(site: Path) -> None:
    page = BeautifulSoup((site / "en/memorandum/index.html").read_text("utf-8"), "html.parser")
    copied = page.find(id="article-2-3").select_one(".provision-cite")["data-clipboard-text"]
    assert "version of 30 November 2026 para 2.3 <http://127.0.0.1:8000/en/memorandum/2026-11-30/#article-2-3>" in copied
    tags = {(m["name"], m["content"]) for m in page.find_all("meta", attrs={"name": True})
            if m["name"].startswith(("DC.", "citation_"))}
    assert ("citation_public_url", "http://127.0.0.1:8000/en/memorandum/2026-11-30/") in tags
    assert ("DC.date", "2025-04-28") in tags and ("DC.language", "en") in tags and ("DC.type", "statute") in tags
    assert sum(name == "DC.creator" for name, _ in tags) == 2
    # a version's page carries its own version's tags, once
    old = BeautifulSoup((site / "en/memorandum/2026-11-25/index.html").read_text("utf-8"), "html.parser")
    urls = [m["content"] for m in old.find_all("meta", attrs={"name": "citation_public_url"})]
    assert urls == ["http://127.0.0.1:8000/en/memorandum/2026-11-25/"]
    for name in cite.NAMES.values():
        assert (site / name).is_file()
    assert len(rispy.loads((site / "memorandum.ris").read_text("utf-8"))) == 2


# A small item, to hold each file format to its exact text.
ITEM = {"id": "moc-en-2026-11-30", "title": "T & {co}", "title-short": "T_s", "author": [{"literal": "A & B"}, {"literal": "C"}],
        "issued": {"date-parts": [[2025, 4, 8]]}, "event-place": "London", "version": "2026-11-30",
        "genre": "reference translation, version of 30 November 2026", "language": "en", "URL": "https://e.org/x#a_b"}


@pytest.mark.parametrize("text, expected", [
    ("a & b % c $ d # e _ f { g } h", r"a \& b \% c \$ d \# e \_ f \{ g \} h"),
    ("x~y^z", r"x\textasciitilde{}y\textasciicircum{}z"),
    ("plain 日本語", "plain 日本語"),
])
def test_bibtex_escapes_what_latex_reads_as_markup(text: str, expected: str) -> None:
    assert cite._bib_escape(text) == expected


def test_each_file_format_has_its_exact_text() -> None:
    assert cite.bibtex([ITEM]) == (
        "@misc{moc-en-2026-11-30,\n  title = {T \\& \\{co\\}},\n  shorttitle = {T\\_s},\n  author = {{A \\& B} and {C}},\n"
        "  date = {2025-04-08},\n  location = {London},\n  version = {2026-11-30},\n"
        "  note = {reference translation, version of 30 November 2026},\n  langid = {english},\n"
        "  url = {https://e.org/x\\#a\\_b}\n}\n")
    record = ("TY  - GOVDOC\nTI  - T & {co}\nST  - T_s\nAU  - A & B\nAU  - C\nDA  - 2025/04/08/\nPY  - 2025\nCY  - London\n"
              "ET  - 2026-11-30\nN1  - reference translation, version of 30 November 2026\nLA  - en\n"
              "UR  - https://e.org/x#a_b\nID  - moc-en-2026-11-30\nER  -\n")
    assert cite.ris([ITEM, ITEM]) == record + "\n" + record
    assert cite.meta_tags(ITEM) == [
        ("DC.title", "T & {co}"), ("DC.creator", "A & B"), ("DC.creator", "C"), ("DC.date", "2025-04-08"),
        ("DC.type", "statute"), ("DC.language", "en"), ("DC.identifier", "https://e.org/x#a_b"),
        ("DC.description", "reference translation, version of 30 November 2026"), ("DC.coverage", "London"),
        ("citation_title", "T & {co}"), ("citation_author", "A & B"), ("citation_author", "C"),
        ("citation_date", "2025/04/08"), ("citation_language", "en"), ("citation_public_url", "https://e.org/x#a_b")]


def test_the_downloads_cite_each_texts_current_version_at_its_page() -> None:
    files = cite.downloads(FACTS, {"ja": "2025-04-28", "en": "2026-11-30"}, "https://e.org/")
    assert set(files) == set(cite.NAMES.values())
    items = json.loads(files[cite.NAMES["csl"]])
    assert [(i["language"], i["version"], i["URL"]) for i in items] == [
        ("ja", "2025-04-28", "https://e.org/memorandum/2025-04-28/"),
        ("en", "2026-11-30", "https://e.org/en/memorandum/2026-11-30/")]
    assert files[cite.NAMES["bibtex"]].decode() == cite.bibtex(items) and files[cite.NAMES["ris"]].decode() == cite.ris(items)
