"""Inputs at the edges, each held to its exact answer: bytes that are not UTF-8, an index
without its configuration, a text with no change, a provision with no translation, a file
that is not there, markup without the attribute a rule reads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checks import Finding
from checks.export import interchange, publish
from checks.model import document, metadata, site, versions
from checks.render import changes, conformance, provisions, search
from checks.verify import built, output
from conftest import ROOT

FACTS = metadata.load(metadata.path_in(ROOT / "docs"))
DOCS = {lang: document.load(site.memorandum_path(ROOT / "docs", lang)) for lang in site.LANGS}


@pytest.mark.parametrize("text, needle, line", [
    ("abc", "abc", 1), ("\nabc", "abc", 2), ("x\ny\nabc", "abc", 3), ("abc", "zzz", 1), ("", "", 1),
])
def test_a_needle_is_placed_at_its_line(text: str, needle: str, line: int) -> None:
    assert built._line(needle, text) == line


def test_bytes_that_are_not_utf8_are_read_as_replacement_characters_not_raised(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "about.ja.md").write_bytes(b"# \xff\xfe\n")
    out = tmp_path / "site"
    (out / "about").mkdir(parents=True)
    (out / "about" / "index.html").write_text('<div class="md-content__inner"><a href="javascript:x()">x</a></div>')
    (out / "logo.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"><script>\xff</script></svg>')
    checker = built.Site(out, docs, tmp_path)
    assert [(f.path, f.line, f.code) for f in checker.check_page(out / "about" / "index.html")] == [
        ("docs/about.ja.md", 1, "SAF003")]
    found = built.check_site(out, docs, tmp_path)
    assert ("site/logo.svg", "SAF001") in {(f.path, f.code) for f in found}, found


def test_an_index_without_its_configuration_gets_the_sites() -> None:
    index = {"docs": [{"location": "x/", "title": "X", "text": ""}, {"location": "en/x/", "title": "X", "text": ""}]}
    for lang in site.LANGS:
        data = search.only(index, lang)
        assert data["config"]["separator"] == search.SEPARATOR and data["config"]["fields"] == search.FIELDS
        assert [d["location"] for d in data["docs"]] == ["x/"]


@pytest.mark.parametrize("lang, none", [("en", "No version is recorded."), ("ja", "記録された版はありません。")])
def test_a_text_without_versions_says_so(tmp_path: Path, lang: str, none: str) -> None:
    recorded = tmp_path / "versions.yml"
    recorded.write_text("ja:\n  - date: 2025-04-28\n    reason: {ja: 署名, en: Signed}\n", "utf-8")
    history = versions.read(recorded)
    current = {code: {p.id: p.text for p in DOCS[code].provisions} for code in site.LANGS}
    html = changes.render(history, current, lang)
    assert html.count(f"<p>{none}</p>") == 1 and html.index('<h2 id="en">') < html.index(f"<p>{none}</p>")


def test_a_provision_with_no_translation_exports_an_empty_text() -> None:
    en = DOCS["en"]
    shorter = document.Document(en.path, en.lang, [p for p in en.provisions if p.id != "article-2-4"], [])
    data = publish.export(FACTS, DOCS["ja"], shorter)
    entry = next(p for p in data["provisions"] if p["id"] == "article-2-4")
    assert entry["text"]["en"] == "" and entry["text"]["ja"] == DOCS["ja"].get("article-2-4").text


def test_a_missing_xliff_file_is_one_finding(tmp_path: Path) -> None:
    path = tmp_path / "gone.xlf"
    assert interchange.read(path) == ([], [Finding(str(path), 1, 1, "XLF001", "cannot read the file: No such file or directory")])


def test_a_target_with_inline_markup_is_its_text_and_says_so() -> None:
    from lxml import etree
    assert interchange._text(etree.fromstring("<target>a<g>b</g>c</target>")) == ("abc", True)
    assert interchange._text(etree.fromstring("<target>abc</target>")) == ("abc", False)


def test_the_export_command_writes_every_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert interchange.main(["export", "--docs", str(ROOT / "docs"), "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written and sorted(capsys.readouterr().out.splitlines()) == [f"wrote {tmp_path / name}" for name in written]
    with pytest.raises(SystemExit):
        interchange.main([])  # a command is required


@pytest.mark.parametrize("repo", ["https://github.com/o/r", "https://github.com/o/r/", "https://github.com/o/r.git"])
def test_a_suggestion_opens_the_repositorys_issue_form(repo: str) -> None:
    url = provisions.suggestion_url(repo, "#article-2-3", "en", "Article 2.3", "text")
    assert url.startswith("https://github.com/o/r/issues/new?template=") and "&title=" in url


@pytest.mark.parametrize("text, expected", [
    ('<input type="checkbox" autocomplete="off">rest', ("input", [("type", "checkbox"), ("autocomplete", "off")], "")),
    ('<a title="x>y" href="h">', ("a", [("title", "x>y"), ("href", "h")], "")),
    ("no tag", None),
])
def test_the_first_tag_is_read_up_to_its_end(text: str, expected) -> None:
    found = conformance.first_tag(text)
    assert (found[0], found[1]) == expected[:2] if expected else found is None


def test_a_link_without_an_address_is_not_unsafe() -> None:
    assert output.read('<link rel="preload"><link rel="stylesheet" href="javascript:x">').unsafe[0].code == "SAF003"
    assert output.read('<link rel="preload">').unsafe == []
