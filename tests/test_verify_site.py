"""The built-site verification's parts on small sites made by hand (no build): the search
indexes (OUT006), the PDFs' metadata as a reader gives it (OUT007), and unsafe markup placed
in the metadata file it came from."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from checks import Finding
from checks.model import metadata, site
from checks.verify import built, exported
from conftest import PROVISION_IDS, ROOT


def _site(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    out.mkdir()
    return out


def _index(lang: str) -> str:
    prefix = site.PREFIX[lang]
    return json.dumps({"docs": [{"location": f"{site.MEMORANDUM}/#{pid}"} for pid in PROVISION_IDS]
                       + [{"location": f"{prefix}x/"}]})


# (files of the site: path -> text, or None for a folder; the findings expected)
SEARCH = [
    ("no language has an index: a site built without search", {}, []),
    ("one index missing", {"search/search_index.json": _index("ja"), "en/search": None},
     [("site/en/search/search_index.json", "search index not written: expected one per language")]),
    ("one index not JSON", {"search/search_index.json": "{", "en/search/search_index.json": _index("en")},
     [("site/search/search_index.json",
       "search index not readable: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)")]),
    ("one index without entries", {"search/search_index.json": "{}", "en/search/search_index.json": _index("en")},
     [("site/search/search_index.json", "search index has no list of entries")]),
    ("both complete", {"search/search_index.json": _index("ja"), "en/search/search_index.json": _index("en")}, []),
]


@pytest.mark.parametrize("case, files, expected", SEARCH, ids=[c[0] for c in SEARCH])
def test_each_languages_search_index_is_read_back(tmp_path: Path, case: str, files: dict, expected: list) -> None:
    out = _site(tmp_path)
    for rel, text in files.items():
        path = out / rel
        if text is None:
            path.mkdir(parents=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    checker = built.Site(out, ROOT / "docs", tmp_path)
    assert [(f.path, f.line, f.col, f.code, f.message) for f in checker.check_search()] == [
        (path, 1, 1, "OUT006", message) for path, message in expected]


FACTS = metadata.load(metadata.path_in(ROOT / "docs"))
TITLES = {lang: built.Site(Path("."), ROOT / "docs", ROOT).docs_by_lang[lang].get("title").text for lang in site.LANGS}


def _meta(lang: str, subject: str) -> exported.PdfMetadata:
    """A PDF of ``lang`` with the memorandum's title and language, no author, and ``subject``."""
    return exported.PdfMetadata(TITLES[lang], subject, "", lang, TITLES[lang], subject, "")


def test_a_pdf_that_cannot_be_read_and_one_that_says_less_are_named(tmp_path: Path) -> None:
    out = _site(tmp_path)
    for lang in site.LANGS:
        (out / site.pdf_name(lang)).parent.mkdir(parents=True, exist_ok=True)
        (out / site.pdf_name(lang)).write_bytes(lang.encode())

    def unreadable(data: bytes) -> exported.PdfMetadata:
        raise ValueError(f"cannot read {data.decode()}")

    checker = built.Site(out, ROOT / "docs", tmp_path, unreadable)
    assert list(checker.check_pdfs()) == [
        Finding(f"site/{site.pdf_name(lang)}", 1, 1, "OUT007", f"{site.pdf_name(lang)}: cannot read {lang}")
        for lang in sorted(site.LANGS)]
    stated = "signed in London on 28 April 2025"

    def reader(data: bytes) -> exported.PdfMetadata:
        return _meta(data.decode(), stated if data == b"en" else "")

    found = list(built.Site(out, ROOT / "docs", tmp_path, reader).check_pdfs())
    twin = [f for f in found if "PDF's states" in f.message]
    assert twin and all(f.path == f"site/{site.pdf_name('ja')}" and f.code == "OUT007"
                        and f.message.startswith(f"{site.pdf_name('ja')}: /Subject does not state ")
                        and f.message.endswith("which the en PDF's states") for f in twin), found
    assert all(f.message.startswith(f"{site.pdf_name(f.path.split('/')[-1].split('.')[1])}: ") for f in found), found


def test_unsafe_markup_from_the_metadata_is_placed_at_its_line(tmp_path: Path) -> None:
    """A link the page's source does not hold but the metadata does is reported at the metadata's line."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    meta = metadata.path_in(docs)
    lines = meta.read_text("utf-8").splitlines(keepends=True)
    lines.insert(3, "# javascript:steal()\n")
    meta.write_text("".join(lines), "utf-8")
    out = _site(tmp_path)
    page = out / "about" / "index.html"
    page.parent.mkdir()
    page.write_text('<div class="md-content__inner"><a href="javascript:steal()">x</a></div>', "utf-8")
    found = [f for f in built.Site(out, docs, tmp_path).check_page(page)]
    assert [(f.path, f.line, f.col) for f in found] == [("docs/_data/memorandum.yml", 4, 1)], found
    assert found[0].message.startswith("on the built page about/index.html: ")


# A page or a search index that still shows a download's stand-in where its SHA-256 belongs (OUT005):
# (built file, its text; the findings expected: path, line, message). The verify page's placeholder is
# on line 12 of its source in both languages.
PDF = site.pdf_name(site.DEFAULT_LANG)
UNFILLED = (f"a download's SHA-256 shows as its stand-in {site.stand_in(PDF)[:24]}…: expected the digest, which "
            "the build fills in once the PDFs are made (hooks/exports.py)")
STAND_INS = [
    ("the verify page, filled", "verify/index.html", f"<code>{'ab' * 32}</code>", []),
    ("the verify page, a stand-in left", "verify/index.html", f"<code>{site.stand_in(PDF)}</code>",
     [("docs/verify.ja.md", 12, f"on the built page verify/index.html: {UNFILLED}")]),
    ("the English verify page, a stand-in left", "en/verify/index.html", f"<code>{site.stand_in(PDF)}</code>",
     [("docs/verify.en.md", 12, f"on the built page en/verify/index.html: {UNFILLED}")]),
    ("a page without the placeholder: its first line", "about/index.html", f"<p>{site.stand_in(PDF)}</p>",
     [("docs/about.ja.md", 1, f"on the built page about/index.html: {UNFILLED}")]),
    ("a longer run of hex digits is no stand-in", "about/index.html", f"<p>{site.stand_in(PDF)}0</p>", []),
]


@pytest.mark.parametrize("case, rel, text, expected", STAND_INS, ids=[c[0] for c in STAND_INS])
def test_a_stand_in_left_on_a_page_is_named_at_its_placeholder(tmp_path: Path, case: str, rel: str, text: str,
                                                               expected: list) -> None:
    out = _site(tmp_path)
    page = out / rel
    page.parent.mkdir(parents=True)
    page.write_text(text, "utf-8")
    found = [f for f in built.Site(out, ROOT / "docs", ROOT).check_page(page) if f.code == "OUT005"]
    assert [(f.path, f.line, f.message) for f in found] == expected


def test_a_stand_in_left_in_a_search_index_is_named(tmp_path: Path) -> None:
    out = _site(tmp_path)
    indexes = {lang: out / site.search_index(lang) for lang in site.LANGS}
    for lang, path in indexes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        index = json.loads(_index(lang))
        index["docs"][-1]["text"] = site.stand_in(PDF) if lang == site.DEFAULT_LANG else "ab" * 32
        path.write_text(json.dumps(index), "utf-8")
    found = [(f.path, f.line, f.code, f.message) for f in built.Site(out, ROOT / "docs", tmp_path).check_search()]
    assert found == [(f"site/{site.search_index(site.DEFAULT_LANG)}", 1, "OUT005", f"in the search index: {UNFILLED}")]


def test_a_built_page_that_is_not_utf8_is_read_never_raised(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are read as replacement characters: the page is still checked."""
    out = _site(tmp_path)
    page = out / "about" / "index.html"
    page.parent.mkdir()
    page.write_bytes(b'<div class="md-content__inner"><p>\xff\xfe</p><a href="javascript:x()">x</a></div>')
    found = list(built.Site(out, ROOT / "docs", ROOT).check_page(page))
    assert [(f.path, f.code) for f in found] == [("docs/about.ja.md", "SAF003")], found


def _stand_ins_by_definition(text: str) -> list[tuple[int, str]]:
    """Where a stand-in is, by its definition: sixteen zeros and 48 more hex digits, with no hex
    digit on either side."""
    hexdigits, out, at = set("0123456789abcdef"), [], 0
    while at + 64 <= len(text):
        run = text[at:at + 64]
        if (run.startswith("0" * 16) and set(run) <= hexdigits and (at == 0 or text[at - 1] not in hexdigits)
                and (at + 64 == len(text) or text[at + 64] not in hexdigits)):
            out.append((at, run))
            at += 64
        else:
            at += 1
    return out


def test_the_stand_in_pattern_finds_exactly_what_its_definition_names() -> None:
    """The pattern is written for speed (its zeros first, the look-behind after them): on texts made of
    zeros, other hex digits and other characters, it finds what the definition finds, no more."""
    rnd = random.Random(64)
    cases = [site.stand_in(PDF), "0" + site.stand_in(PDF), "g" + site.stand_in(PDF) + "-", "0" * 64, "0" * 65,
             "x" + "0" * 63 + "g", "0" * 16 + "a" * 47]
    for _ in range(3000):
        pieces = rnd.choices(["0" * 16, "0" * 17, "0", "a", "f9", "g", " ", "\n", "<", site.stand_in(PDF)], k=rnd.randint(0, 12))
        cases.append("".join(pieces))
    found = 0
    for text in cases:
        expected = _stand_ins_by_definition(text)
        assert [(m.start(), m[0]) for m in site.STAND_IN.finditer(text)] == expected, text
        found += bool(expected)
    assert found > 300  # the texts hold stand-ins as well as near misses
