"""The per-language PDFs as a reader's software opens them: tagged, language, fonts, bookmarks, text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pikepdf
import pypdf
import pytest
from bs4 import BeautifulSoup

from checks.export import printed
from checks.verify import exported
from checks.model.site import LANGS, PREFIX, pdf_name
from conftest import PROVISION_IDS, shell_command

ALL_IDS = ["title", *PROVISION_IDS]


def pdf_path(site_dir: Path, lang: str) -> Path:
    return site_dir / pdf_name(lang)


def outline_titles(pdf: pikepdf.Pdf) -> list[str]:
    out: list[str] = []

    def walk(items) -> None:
        for item in items:
            out.append(str(item.title))
            walk(item.children)
    with pdf.open_outline() as outline:
        walk(outline.root)
    return out


def fonts(pdf: pikepdf.Pdf) -> list[tuple[str, bool]]:
    """(base font name, embedded) of every font the pages use."""
    out = {}
    for page in pdf.pages:
        for font in (page.Resources.get("/Font") or {}).values():
            descendants = font.get("/DescendantFonts")
            descriptor = descendants[0].get("/FontDescriptor") if descendants else font.get("/FontDescriptor")
            embedded = descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out[str(font.get("/BaseFont"))] = embedded
    return sorted(out.items())


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_is_tagged_declares_its_language_and_embeds_its_fonts(site: Path, lang: str) -> None:
    with pikepdf.open(pdf_path(site, lang)) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True and "/StructTreeRoot" in root
        assert str(root.Lang) == lang
        used = fonts(pdf)
        assert used and all(embedded for _, embedded in used), used
        assert all("+" in name for name, _ in used), used  # subsets
        if lang == "ja":
            assert any("Noto-Sans-CJK-JP" in name for name, _ in used), used
        meta = pdf.open_metadata()
        assert "pdfuaid:part" in str(meta) or meta.get("pdfuaid:part") == "1"


@pytest.mark.parametrize("lang", LANGS)
def test_every_provision_is_a_bookmark_and_the_title_is_set(site: Path, lang: str) -> None:
    data = json.loads((site / "memorandum.json").read_text("utf-8"))
    with pikepdf.open(pdf_path(site, lang)) as pdf:
        titles = outline_titles(pdf)
        assert [t.split(" ", 1)[0] for t in titles] == ALL_IDS
        assert str(pdf.docinfo["/Title"]) == data["provisions"][0]["text"][lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_text_is_the_json_text_provision_by_provision(site: Path, lang: str) -> None:
    data = json.loads((site / "memorandum.json").read_text("utf-8"))
    reader = pypdf.PdfReader(pdf_path(site, lang))
    text = exported.flat("".join(page.extract_text() for page in reader.pages))
    at = 0
    for p in data["provisions"]:
        want = exported.flat(p["text"][lang])
        found = text.find(want, at)
        assert found >= 0, (p["id"], want[:40], text[at:at + 60])
        at = found + len(want)


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_states_its_source_and_what_the_text_is(site: Path, lang: str) -> None:
    reader = pypdf.PdfReader(pdf_path(site, lang))
    first = exported.flat(reader.pages[0].extract_text())
    from checks.model import metadata
    from conftest import ROOT
    notice = printed.notice_of(metadata.load(metadata.path_in(ROOT / "docs")), lang)
    assert exported.notices_in(notice, lang) == set(exported.twins.NOTICES)  # every notice, in the page's words
    assert exported.flat(notice) in first, first[:400]


@pytest.mark.parametrize("lang", LANGS)
def test_the_memorandum_page_links_its_pdf(site: Path, lang: str) -> None:
    page = site / PREFIX[lang] / "memorandum" / "index.html"
    links = [a["href"] for a in BeautifulSoup(page.read_text("utf-8"), "html.parser").select("article a[href$='.pdf']")]
    assert links and all((page.parent / href).resolve() == pdf_path(site, lang).resolve() for href in links), links


def test_the_printable_html_has_every_provision_once() -> None:
    from checks.model import document, metadata
    from conftest import ROOT
    facts = metadata.load(metadata.path_in(ROOT / "docs"))
    for lang in LANGS:
        doc = document.load(ROOT / f"docs/memorandum.{lang}.md")
        ids = re.findall(r' id="([^"]+)" data-bookmark=', printed.html_of(facts, doc, lang))
        assert ids == ALL_IDS


def test_a_kept_pdf_is_the_one_a_render_makes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checks.model import document, metadata
    from conftest import ROOT
    monkeypatch.setattr(printed, "CACHE", tmp_path / "kept")
    facts = metadata.load(metadata.path_in(ROOT / "docs"))
    html_text = printed.html_of(facts, document.load(ROOT / "docs/memorandum.en.md"), "en")
    first = printed.pdf(html_text)
    assert len(list((tmp_path / "kept").glob("*.pdf"))) == 1
    assert printed.pdf(html_text) == first == printed.render(html_text)
    assert printed._inputs_key(html_text) != printed._inputs_key(html_text.replace("Article", "Art."))


def test_render_makes_a_tagged_compressed_pdf_ua_file() -> None:
    """In-process (no build): what ``printed.render`` asks WeasyPrint for."""
    import io
    data = printed.render('<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><h1>T</h1><p>x</p></body></html>')
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root and str(pdf.Root.Lang) == "en"
        streams = [o for o in pdf.objects if isinstance(o, pikepdf.Stream)]
        assert streams and all("/Filter" in s for s in streams)
        with pdf.open_metadata() as meta:  # read last: leaving the block rewrites the metadata stream
            assert meta.get("{http://www.aiim.org/pdfua/ns/id/}part") == "1"


@pytest.mark.parametrize("script,expected", [
    ('echo -n "/fonts/$3.otf"', tuple(f"/fonts/{f}.otf" for f in printed.FAMILIES)),  # one answer per family, in order
    ('echo -n "/fonts/$3.otf"; [ "$3" != serif ]', ()),  # fontconfig fails on one family: no key
    ('[ "$3" = serif ] || echo -n "/fonts/$3.otf"', ()),  # an empty answer: no key
], ids=["answers", "failure", "empty"])
def test_font_files_are_fontconfigs_answer_for_every_family(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           script: str, expected: tuple[str, ...]) -> None:
    shell_command(tmp_path / "fc-match", script)
    monkeypatch.setenv("PATH", str(tmp_path))
    printed._font_files.cache_clear()
    try:
        assert printed._font_files() == expected
    finally:
        printed._font_files.cache_clear()


def test_font_files_without_fontconfig_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-match
    printed._font_files.cache_clear()
    try:
        assert printed._font_files() == ()
    finally:
        printed._font_files.cache_clear()
