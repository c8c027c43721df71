"""The built site as readers and machines get it: links, generated views, exports."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from bs4 import BeautifulSoup

from checks import cli, relock
from checks.model import document, languages
from checks.model import site as site_model
from conftest import PROVISION_IDS, ROOT, build, committed_project, copy_project

SITE_URL = "http://127.0.0.1:8000/"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal href points to (None for external links)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir() or (not target.suffix and not target.is_file()):
        target = target / "index.html"
    return target, unquote(parts.fragment)


@pytest.mark.long
def test_every_internal_link_and_fragment_resolves(site: Path) -> None:
    broken, cache = [], {}
    for page in pages(site):
        for a in parse(page).select("a[href]"):
            found = resolve(site, page, a["href"])
            if found is None:
                continue
            target, fragment = found
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {a['href']} (no file)")
                continue
            if fragment and target.suffix == ".html":
                if target not in cache:  # each page read once (setdefault would read it per link)
                    cache[target] = {t["id"] for t in parse(target).find_all(id=True)}
                if fragment not in cache[target]:
                    broken.append(f"{page.relative_to(site)}: {a['href']} (no #{fragment})")
    assert broken == []


@pytest.mark.parametrize("page,selector,minimum", [
    ("about/index.html", "a.xref", 1),
    ("en/about/index.html", "a.xref", 1),
    ("memorandum/index.html", "a.term", 15),
    ("en/memorandum/index.html", "a.term", 15),
    ("memorandum/index.html", ".referenced-from a", 2),  # the about page's; the home page refers to most
    ("en/memorandum/index.html", ".referenced-from a", 2),
    # every provision but the headings (title, preamble, articles), which keep the theme's one permalink
    ("memorandum/index.html", "a.provision-permalink", len(PROVISION_IDS) + 1 - 4),
    ("parallel/index.html", ".parallel-label a", len(PROVISION_IDS) + 1),
    ("en/glossary/index.html", "dd a[href*='memorandum/#']", 10),
])
def test_generated_links_exist(site: Path, page: str, selector: str, minimum: int) -> None:
    assert len(parse(site / page).select(selector)) >= minimum


@pytest.mark.parametrize("page", ["parallel/index.html", "en/parallel/index.html"])
def test_parallel_view_has_every_provision_in_both_columns(site: Path, page: str) -> None:
    html = parse(site / page)
    for pid in ["title", *PROVISION_IDS]:
        row = html.find(id=pid)
        assert row is not None and row.name == "section", pid
        cells = row.select(".parallel-cell")
        assert [c["lang"] for c in cells] == ["ja", "en"], pid
        assert all(c.get_text(strip=True) for c in cells), pid


def test_memorandum_json_validates_and_hashes_match(site: Path) -> None:
    data = json.loads((site / "memorandum.json").read_text("utf-8"))
    schema = json.loads((ROOT / "docs/memorandum.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    docs = {lang: document.load(ROOT / f"docs/memorandum.{lang}.md") for lang in ("ja", "en")}
    assert [p["id"] for p in data["provisions"]] == docs["ja"].ids()
    import hashlib
    for p in data["provisions"]:
        for lang in ("ja", "en"):
            assert p["text"][lang] == docs[lang].get(p["id"]).text
            nfc = unicodedata.normalize("NFC", p["text"][lang]).encode("utf-8")
            assert p["sha256"][lang] == hashlib.sha256(nfc).hexdigest()


def test_memorandum_json_rejects_a_broken_document(site: Path) -> None:
    data = json.loads((site / "memorandum.json").read_text("utf-8"))
    schema = json.loads((ROOT / "docs/memorandum.schema.json").read_text("utf-8"))
    data["provisions"][0]["sha256"]["ja"] = "not-a-hash"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_hreflang_alternates_are_absolute_on_every_page(site: Path) -> None:
    for page in pages(site):
        links = {l["hreflang"]: l["href"] for l in parse(page).select('link[rel="alternate"][hreflang]')}
        if re.search(r"/memorandum/\d{4}-\d{2}-\d{2}/index\.html$", page.as_posix()):
            assert links == {}, page  # a version's page points to the current text only (rel="canonical")
            continue
        assert set(links) == {"ja", "en", "x-default"}, page
        assert all(h.startswith(SITE_URL) for h in links.values()), page
        assert links["x-default"] == links["ja"]


def test_sitemaps_list_both_languages(site: Path) -> None:
    root = (site / "sitemap.xml").read_text("utf-8")
    english = (site / "en/sitemap.xml").read_text("utf-8")
    assert f"<loc>{SITE_URL}memorandum/</loc>" in root and f"<loc>{SITE_URL}en/memorandum/</loc>" in root
    locs = re.findall(r"<loc>([^<]+)</loc>", english)
    assert locs and all(loc.startswith(f"{SITE_URL}en/") for loc in locs)
    assert f'hreflang="ja" href="{SITE_URL}memorandum/"' in english


@pytest.mark.parametrize("page,lang", [("memorandum/index.html", "ja"), ("en/memorandum/index.html", "en")])
def test_json_ld_on_memorandum_pages(site: Path, page: str, lang: str) -> None:
    script = parse(site / page).find("script", type="application/ld+json")
    node = json.loads(script.string)
    assert node["@type"] == "Legislation" and node["inLanguage"] == lang
    assert node["legislationDate"] == "2025-04-28"
    assert ("workTranslation" if lang == "ja" else "translationOfWork") in node


def test_english_build_carries_no_japanese_state(site: Path) -> None:
    html = parse(site / "en/memorandum/index.html")
    definitions = [a["data-definition"] for a in html.select("a.term")]
    assert len(definitions) >= 15 and not [d for d in definitions if JAPANESE.search(d)]
    assert "参照元" not in html.get_text()
    for a in html.select(".referenced-from a"):
        assert (site / "en/memorandum" / a["href"]).resolve().is_relative_to((site / "en").resolve())


def test_each_pages_heading_links_are_titled_in_its_language(site: Path) -> None:
    """The heading permalinks' title is the page's language's (Python-Markdown's toc is configured once)."""
    found: dict[str, set[str]] = {}
    for path in sorted(site.rglob("*.html")):
        html = parse(path)
        lang = html.html.get("lang")
        for a in html.select("a.headerlink"):
            found.setdefault(lang, set()).add(a.get("title"))
    assert found == {lang: {languages.profile(lang).ui["headings"]["permalink"]} for lang in site_model.LANGS}


def test_backlinks_are_per_language(tmp_path: Path) -> None:
    """A reference only the Japanese about page makes shows up only in Japanese."""
    project = copy_project(tmp_path / "p")
    about = project / "docs/about.ja.md"
    about.write_text(about.read_text("utf-8") + "\n[序文の第 5 段](memorandum.md#preamble-5)も参照。\n", "utf-8")
    # The English page needs no change for this: recorded as the translation lock's --keep.
    assert relock.main(["--docs", str(project / "docs"), "--keep", "about"]) == 0
    # The twin pages now differ (TWN001, a warning): the build is not strict here.
    result = build(project, tmp_path / "site", strict=False)
    assert result.returncode == 0 and "TWN001" in result.stderr
    ja = parse(tmp_path / "site/memorandum/index.html").find(id="preamble-5")
    en = parse(tmp_path / "site/en/memorandum/index.html").find(id="preamble-5")
    assert "参照元: このサイトについて" in ja.select_one(".referenced-from").get_text()
    assert en.select_one(".referenced-from") is None


# One fault per kind a hook meets while transforming (it leaves it as written), each placed after
# front matter and after placeholders that expand into tables: (page, text appended, code, hook).
HOOK_FAULTS = [
    ("index.ja.md", "\n{{ signed_day }}\n", "STR005", "hooks/facts"),
    ("about.en.md", "\nSee Article 7.\n", "REF001", "hooks/crossrefs"),
    ("about.ja.md", "\n第 7 条を参照。\n", "REF001", "hooks/crossrefs"),
    ("glossary.en.md", "\nSee [the end](memorandum.md#article-9).\n", "REF001", "hooks/crossrefs"),
]


def test_build_warnings_name_the_line_the_checks_name(tmp_path: Path) -> None:
    """The strict build names each fault once, from the checks (verify.py), at the place
    ``python -m checks`` names; the hook that met it transforms and reports nothing.
    Every fault of the table in one build: each is on a page of its own."""
    project = copy_project(tmp_path)
    for page, added, _, _ in HOOK_FAULTS:
        path = project / "docs" / page
        path.write_text(path.read_text("utf-8") + added, "utf-8")
    checked = cli.run(project / "docs", root=project)
    expected = {code: sorted(f"{f.path}:{f.line}:{f.col}" for f in checked if f.code == code)
                for _, _, code, _ in HOOK_FAULTS}
    for page, _, code, _ in HOOK_FAULTS:  # each fault planted is one finding of the checks, on its page
        assert len([where for where in expected[code] if where.startswith(f"docs/{page}:")]) == 1, page
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    for logger in {logger for _, _, _, logger in HOOK_FAULTS}:
        assert [ln for ln in result.stderr.splitlines() if logger + ":" in ln] == [], logger
    for code, places in expected.items():
        assert [m.group(1) for m in re.finditer(rf"hooks/verify: (\S+:\d+:\d+): {code} ", result.stderr)] == places, code


@pytest.mark.long
def test_the_hooks_order_does_not_change_the_site(committed: Path, tmp_path: Path) -> None:
    """Where an event must run before another, the hook says so (event_priority); any order of
    ``hooks:`` builds the same site, byte for byte (each hook moved from where it stands)."""
    from test_engine import differences
    sites = [committed / "site"]  # the hooks as listed
    for name, order in (("reversed", lambda h: h[::-1]), ("rotated", lambda h: h[5:] + h[:5])):
        project = committed_project(tmp_path / name, order)
        result = build(project, tmp_path / f"site-{name}")
        assert result.returncode == 0, result.stderr[-2000:]
        sites.append(tmp_path / f"site-{name}")
    assert differences(sites[0], sites[1]) == [] and differences(sites[0], sites[2]) == []
    for other in sites[1:]:
        assert all((sites[0] / p.relative_to(other)).read_bytes() == p.read_bytes()
                   for p in other.rglob("*") if p.is_file())


def test_a_reference_a_placeholder_gives_the_reader_is_a_backlink(site: Path) -> None:
    """``{{ terms }}`` on the about pages names Article 2: the reader sees the link, and Article 2's
    "Referenced from" lists the page (it was read from the unexpanded source before)."""
    for prefix, label in (("", "このサイトについて"), ("en/", "About this site")):
        html = (site / prefix / "memorandum/index.html").read_text("utf-8")
        heading = html[html.index('id="article-2"'):html.index('id="article-2-1"')]
        tools = BeautifulSoup(heading, "html.parser").select_one(".referenced-from")
        assert tools is not None and label in tools.get_text(" "), prefix


IDS = ["title", "preamble", "article-2-3"]
# (case, index, language, problems expected)
SEARCH_INDEXES = [
    ("final", {"docs": [{"location": "memorandum/#preamble"}, {"location": "memorandum/#article-2-3"}]}, "ja", []),
    ("the other language's entries", {"docs": [{"location": "memorandum/#preamble"}, {"location": "memorandum/#article-2-3"},
                                               {"location": "en/"}]}, "ja",
     ["holds another language's page 'en/': expected ja pages only"]),
    ("a provision left out", {"docs": [{"location": "memorandum/#preamble"}]}, "en",
     ["has no entry for #article-2-3: expected one entry per provision"]),
    ("not an index", [1, 2], "ja", ["has no list of entries"]),
]


@pytest.mark.parametrize("case, index, lang, expected", SEARCH_INDEXES, ids=[c[0] for c in SEARCH_INDEXES])
def test_a_search_index_that_is_not_the_final_one_is_named(case: str, index, lang: str, expected: list[str]) -> None:
    from checks.verify import built
    assert built.search_problems(index, lang, IDS) == expected


def test_the_build_verifies_the_final_search_indexes(site: Path, tmp_path: Path) -> None:
    """verify.py reads the site at the end of the default language's build, after the search
    hook has split the indexes (it read it inside the English build before, and OUT006 named
    the joint index); a joint index left in place is named."""
    from checks.verify import built
    assert [f for f in built.check_site(site, ROOT / "docs") if f.code == "OUT006"] == []
    joint = tmp_path / "site"
    shutil.copytree(site, joint)
    en = json.loads((joint / "en/search/search_index.json").read_text("utf-8"))
    ja_index = joint / "search/search_index.json"
    index = json.loads(ja_index.read_text("utf-8"))
    index["docs"] += [{**e, "location": "en/" + e["location"]} for e in en["docs"][:1]]
    ja_index.write_text(json.dumps(index), "utf-8")
    found = [f.message for f in built.check_site(joint, ROOT / "docs") if f.code == "OUT006"]
    assert found == [f"search index holds another language's page 'en/{en['docs'][0]['location']}': expected ja pages only"]


def test_the_404_page_speaks_every_language_and_links_each_home(site: Path) -> None:
    """One 404 page for the site (a host serves it at any missing address): the default language's
    page, with each language's notice in its own ``lang`` and links to that language's pages."""
    assert not any(p.name == "404.html" for p in site.rglob("404.html") if p.parent != site)
    soup = parse(site / "404.html")
    assert soup.html["lang"] == site_model.DEFAULT_LANG
    sections = soup.select(".md-content section[lang]")
    assert [s["lang"] for s in sections] == list(site_model.LANGS)
    for section in sections:
        ui = languages.profile(section["lang"]).ui["not_found"]
        assert section.h1.get_text() == ui["title"] and ui["text"] in section.get_text()
        hrefs = [a["href"] for a in section.select("a")]
        assert hrefs == [f"/{site_model.PREFIX[section['lang']]}", f"/{site_model.PREFIX[section['lang']]}memorandum/"]
        assert all((site / href.lstrip("/") / "index.html").is_file() for href in hrefs)
