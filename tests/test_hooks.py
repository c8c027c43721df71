"""The hooks' pure functions, table-driven, in both languages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from checks import cli
from checks.export import publish
from checks.find import refs
from checks.model import document
from checks.render import placeholders
from checks.model.page import Page
from conftest import PROVISION_IDS, ROOT, render

FACTS = yaml.safe_load((ROOT / "docs/_data/memorandum.yml").read_text("utf-8"))
DOCS = {lang: document.load(ROOT / f"docs/memorandum.{lang}.md") for lang in ("ja", "en")}
IDS = set(DOCS["ja"].ids())

# (text, lang, [(matched text, target)]): references that link, and ones that must not.
REFERENCES = [
    ("第 2 条を参照", "ja", [("第 2 条", "article-2")]),
    ("第 2 条 2.3 による", "ja", [("第 2 条 2.3", "article-2-3")]),
    ("第2条2.3", "ja", [("第2条2.3", "article-2-3")]),
    ("なお 2.3 と 2.4", "ja", [("2.3", "article-2-3"), ("2.4", "article-2-4")]),
    ("CC BY 4.0、Python 3.11、1.6.1 版", "ja", []),
    ("同協定の第 4 条", "ja", []),
    ("# 第 1 条：協力分野", "ja", []),
    ("`第 1 条`", "ja", []),
    ("[第 2 条](memorandum.md#article-2)", "ja", []),
    ("2.1 本協力覚書は", "ja", []),
    ("see Article 2 and Article 2.3", "en", [("Article 2", "article-2"), ("Article 2.3", "article-2-3")]),
    ("paragraph 2.4 and paragraphs 2.1", "en", [("paragraph 2.4", "article-2-4"), ("paragraphs 2.1", "article-2-1")]),
    ("Article 4 of the 1994 Agreement", "en", []),
    ("Article 2 of this Memorandum", "en", [("Article 2", "article-2")]),
    ("version 2.3 of the tool", "en", []),
    ("## Article 1: Areas of Cooperation", "en", []),
]


def body(text: str, lang: str) -> Page:
    return Page.of_body(f"page.{lang}.md", text, lang)


@pytest.mark.parametrize("text,lang,expected", REFERENCES)
def test_reference_patterns(text: str, lang: str, expected) -> None:
    assert [(r.text, r.target) for r in refs.find(body(text, lang)) if r.linkable] == expected


crossrefs = render("crossrefs")

LINKING = [
    ("index.ja.md", "ja", "第 2 条 2.3 を見よ。", "[第 2 条 2.3](memorandum.md#article-2-3){ .xref } を見よ。"),
    ("memorandum.ja.md", "ja", "第 2 条 2.3 を見よ。", "[第 2 条 2.3](#article-2-3){ .xref } を見よ。"),
    ("sub/page.en.md", "en", "See Article 2.", "See [Article 2](../memorandum.md#article-2){ .xref }."),
    ("about.en.md", "en", "\nSee Article 3.", "\nSee Article 3."),
    ("about.en.md", "en", "```\nArticle 9\n```", "```\nArticle 9\n```"),
    ("about.ja.md", "ja", "第二条と第２条", "[第二条](memorandum.md#article-2){ .xref }と[第２条](memorandum.md#article-2){ .xref }"),
    ("about.ja.md", "ja", "第 2 条第 3 項", "[第 2 条第 3 項](memorandum.md#article-2-3){ .xref }"),
    ("about.en.md", "en", "Articles 2.1 and 2.9", "[Articles 2.1](memorandum.md#article-2-1){ .xref } and 2.9"),
    ("about.en.md", "en", "paragraphs 2.1 to 2.4", "[paragraphs 2.1](memorandum.md#article-2-1){ .xref } to "
                                                 "[2.4](memorandum.md#article-2-4){ .xref }"),
    ("about.en.md", "en", "see article 1", "see [article 1](memorandum.md#article-1){ .xref }"),
]


@pytest.mark.parametrize("src,lang,markdown,expected", LINKING)
def test_link_references(src: str, lang: str, markdown: str, expected: str) -> None:
    assert crossrefs.read(markdown, lang, src, IDS).text == expected


# One rule set for every reader of a page: (page text, lang, is the marked
# word a reference the check reports, is it linked by the hook, is the
# term linked). The marked word is "第 9 条"/"Article 9" (a reference to a
# missing provision), "第 2 条"/"Article 2" for linking, "双方"/"Sides" for terms.
REGIONS = [
    # (where, ja text, en text, reported/broken, linked, term linked)
    ("prose", "{x}", "{x}", True, True, True),
    ("comment", "<!-- {x} -->", "<!-- {x} -->", False, False, False),
    ("multi-line comment", "<!--\n{x}\n-->", "<!--\n{x}\n-->", False, False, False),
    ("admonition", '!!! note "注"\n\n    {x}', '!!! note "Note"\n\n    {x}', True, True, False),
    ("collapsible", '??? note "注"\n    {x}', '??? note "Note"\n    {x}', True, True, False),
    ("fenced code", "```\n{x}\n```", "```\n{x}\n```", False, False, False),
    ("inline code", "`{x}`", "`{x}`", False, False, False),
    ("heading", "## {x}", "## {x}", True, False, False),
    ("front matter", "---\nnote: {x}\n", "---\nnote: {x}\n", False, False, False),
]
WORDS = {"ja": ("第 9 条", "第 2 条", "双方"), "en": ("Article 9", "Article 2", "Sides")}
DATES = {"ja": "2025 年 5 月 1 日", "en": "1 May 2025"}  # a date the metadata does not hold


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("where,ja,en,reported,linked,term", REGIONS, ids=[r[0] for r in REGIONS])
def test_hooks_and_checks_agree_on_every_region(tmp_path: Path, lang, where, ja, en, reported, linked, term) -> None:
    missing, present, word = WORDS[lang]
    shape = ja if lang == "ja" else en
    # The check: a reference to a missing provision is reported, or not.
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / f"about.{lang}.md"
    original = page.read_text("utf-8")
    if shape.startswith("---\n"):  # a key added to the page's own front matter
        page.write_text(shape.format(x=missing) + original[4:], "utf-8")
    else:
        page.write_text(original + "\n" + shape.format(x=missing) + "\n", "utf-8")
    codes = [f.code for f in cli.run(docs, root=tmp_path) if f.path.endswith(page.name) and f.code.startswith("REF")]
    assert codes == (["REF001"] if reported else [])
    # The date check reads the same regions: a date the metadata does not know, or not.
    dated = page.read_text("utf-8").replace(missing, DATES[lang])
    page.write_text(dated, "utf-8")
    dates = [f.code for f in cli.run(docs, root=tmp_path) if f.path.endswith(page.name) and f.code == "DAT001"]
    assert dates == (["DAT001"] if reported or where == "front matter" else [])  # a description states facts too
    page.write_text(dated.replace(DATES[lang], missing), "utf-8")
    # The model the hook links with finds the same broken reference on the same line, or none.
    source = Page(page, page.read_text("utf-8"), lang)
    lines = [source.line_col(r.start)[0] for r in refs.find(source) if r.target not in IDS]
    assert lines == [f.line for f in cli.run(docs, root=tmp_path) if f.code == "REF001"]
    # The hook links a reference to an existing provision, or leaves it alone.
    close = "---\n" if shape.startswith("---\n") else ""  # a front matter of its own, closed
    text = Page(Path(f"about.{lang}.md"), shape.format(x=present) + close, lang).body  # what MkDocs hands a hook
    linked_text = crossrefs.read(text, lang, f"about.{lang}.md", IDS).text
    assert ("{ .xref }" in linked_text) == linked
    # The terms hook links a defined term in the memorandum's text only.
    text = Page(Path(f"memorandum.{lang}.md"), shape.format(x=word) + close, lang).body
    out = terms.link_terms(text, terms.targets(FACTS, lang), "glossary.md", f"memorandum.{lang}.md", lang)
    assert ("{ .term " in out) == term


terms = render("terms")


def linked(word: str, anchor: str) -> str:
    return f'[{word}](glossary.md#{anchor}){{ .term aria-describedby="definition-{anchor}" data-definition="{{{anchor}}}" }}'


def hidden(*anchors: str) -> str:
    spans = "".join(f'<span id="definition-{a}">{{{a}}}</span>\n' for a in anchors)
    return f'\n\n<div class="term-definitions" hidden>\n{spans}</div>\n'


@pytest.mark.parametrize("lang,markdown,expected", [
    ("ja", "双方は双方の", linked("双方", "term-sides") + "は双方の" + hidden("term-sides")),
    ("en", "the Sides and one Side", "the " + linked("Sides", "term-sides") + " and one "
     + linked("Side", "term-side") + hidden("term-side", "term-sides")),
    ("en", "# The Sides", "# The Sides"),
    ("en", "[Sides](x.md)", "[Sides](x.md)"),
    ("en", "<!-- the Sides -->", "<!-- the Sides -->"),
    ("ja", "??? note\n    双方", "??? note\n    双方"),
])
def test_link_terms_first_occurrence_per_block(lang: str, markdown: str, expected: str) -> None:
    tips = {f"term-{t['id']}": t["definition"][lang] for t in FACTS["defined_terms"]}
    want = expected.replace("{term-sides}", tips["term-sides"]).replace("{term-side}", tips["term-side"])
    assert terms.link_terms(markdown, terms.targets(FACTS, lang), "glossary.md", f"memorandum.{lang}.md", lang) == want


@pytest.mark.parametrize("text,value", [
    ('a "quoted" {braced} <tag> & more', "a &quot;quoted&quot; &#123;braced&#125; &lt;tag&gt; &amp; more"),
    ("it's", "it&#x27;s"),
])
def test_definition_attribute_survives_the_attribute_list(text: str, value: str) -> None:
    assert terms.attribute(text) == value


def test_a_definition_with_markup_is_escaped_in_the_hidden_list() -> None:
    assert terms.definitions({"term-x": "<b>&</b>"}) == (
        '\n\n<div class="term-definitions" hidden>\n<span id="definition-term-x">&lt;b&gt;&amp;&lt;/b&gt;</span>\n</div>\n')
    assert terms.definitions({}) == ""


def test_instrument_title_wins_over_the_term_inside_it() -> None:
    text = "「強化された日英のグローバルな戦略的パートナーシップに関する広島アコード」"
    out = terms.link_terms(text, terms.targets(FACTS, "ja"), "glossary.md")
    assert out.count("](glossary.md#") == 1 and "#instrument-hiroshima-accord" in out


alternates = render("alternates")


def test_alternates_are_absolute_with_x_default() -> None:
    assert alternates.alternates("https://example.org/moc/", "en/memorandum/", "en", {"ja": "memorandum/"}) == [
        ("en", "https://example.org/moc/en/memorandum/"),
        ("ja", "https://example.org/moc/memorandum/"),
        ("x-default", "https://example.org/moc/memorandum/"),
    ]


def test_sitemap_lists_alternates() -> None:
    xml = alternates.sitemap([("https://e.org/en/", [("en", "https://e.org/en/"), ("ja", "https://e.org/")])])
    assert "<loc>https://e.org/en/</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="ja" href="https://e.org/"/>' in xml


parallel = render("parallel")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_parallel_rows_have_every_provision_in_both_columns(lang: str) -> None:
    out = parallel.rows(DOCS["ja"], DOCS["en"], lang)
    for pid in ["title", *PROVISION_IDS]:
        row = out.split(f'id="{pid}"', 1)[1].split("</section>", 1)[0]
        assert row.count('class="parallel-cell"') == 2, pid
        for lang in ("ja", "en"):
            first = DOCS[lang].get(pid).lines[0].text
            assert parallel.inline(first) in row, (pid, lang)


exports = render("exports")


def test_export_hashes_are_of_nfc_text() -> None:
    data = publish.export(FACTS, DOCS["ja"], DOCS["en"])
    assert [p["id"] for p in data["provisions"]] == DOCS["ja"].ids()
    item = next(p for p in data["provisions"] if p["id"] == "article-2-3")
    assert item["text"]["ja"].startswith("2.3 本協力覚書は")
    assert item["sha256"]["ja"] == document.sha256_nfc(item["text"]["ja"])
    assert item["sha256"]["en"] != item["sha256"]["ja"]


@pytest.mark.parametrize("lang,key,legal", [
    ("ja", "workTranslation", "https://schema.org/OfficialLegalValue"),
    ("en", "translationOfWork", "https://schema.org/UnofficialLegalValue"),
])
def test_legislation_json_ld(lang: str, key: str, legal: str) -> None:
    node = exports.legislation(FACTS, lang, "https://e.org/x/", "https://e.org/y/")
    assert node["@type"] == "Legislation" and node["legislationDate"] == "2025-04-28"
    assert node["inLanguage"] == lang and node["legislationLegalValue"] == legal
    assert node[key]["url"] == "https://e.org/y/"


provisions = render("provisions")


# (body, language, front matter title, title expected, provisions referred to)
READINGS = [
    ("第 2 条 2.3 と [分野](memorandum.md#article-1-item-2)、`第 9 条`<!-- 第 8 条 -->", "ja", None,
     "about.ja.md", ["article-2-3", "article-1-item-2"]),
    ("# 概要 { #top }\n\n第 2 条 2.3 と第 2 条 2.3。\n", "ja", None, "概要", ["article-2-3"]),
    ("# Overview\n\nSee Article 9 and [the end](memorandum.md#article-2).\n", "en", "About this site",
     "About this site", ["article-9", "article-2"]),
    ("# Overview\n", "en", "  ", "Overview", []),
]


@pytest.mark.parametrize("text, lang, title, named, targets", READINGS)
def test_a_reading_gives_the_title_and_every_provision_referred_to(text, lang, title, named, targets) -> None:
    """What the "Referenced from" lists are made of: every reference in the text the reader gets (a link
    included, one to a provision that does not exist too), once each, and the page's title."""
    from checks.render import crossrefs
    reading = crossrefs.read(text, lang, f"about.{lang}.md", {"article-2", "article-2-3", "article-1-item-2"}, title)
    assert (reading.title, reading.targets) == (named, targets)


# (language, each page's (title, address, provisions it refers to), the lists written for article-2 and article-2-1)
FILLS = [
    ("en", {"about.en.md": ("About this site", "about/", ["article-2", "article-2-1"]),
            "glossary.en.md": ("Glossary", "glossary/", ["article-2-1"])},
     ('<span class="referenced-from">Referenced from: <a href="../about/">About this site</a></span>',
      '<span class="referenced-from">Referenced from: <a href="../about/">About this site</a>, '
      '<a href="../glossary/">Glossary</a></span>')),
    # a title in the other language's script is marked as the pages' text is
    ("en", {"about.en.md": ("日本語 page", "about/", ["article-2"])},
     ('<span class="referenced-from">Referenced from: <a href="../about/"><span lang="ja">日本語</span> page</a></span>', "")),
    ("ja", {"about.ja.md": ("このサイトについて", "about/", ["article-2-1", "article-2"]),
            "glossary.ja.md": ("用語集", "glossary/", ["article-2-1"])},
     ('<span class="referenced-from">参照元: <a href="../about/">このサイトについて</a></span>',
      '<span class="referenced-from">参照元: <a href="../about/">このサイトについて</a>、<a href="../glossary/">用語集</a></span>')),
    # a page that refers to most provisions (three or more, over half) is in no list
    ("en", {"index.en.md": ("Home", "", ["article-2", "article-2-1", "article-1"]),
            "about.en.md": ("About", "about/", ["article-2"])},
     ('<span class="referenced-from">Referenced from: <a href="../about/">About</a></span>', "")),
    ("en", {}, ("", "")),
]


@pytest.mark.parametrize("lang, references, expected", FILLS)
def test_the_referenced_from_lists_are_written_into_the_page(lang, references, expected) -> None:
    written = "".join(f'<p id="{pid}">{provisions.REFERENCED_FROM.format(pid=pid)}</p>' for pid in ("article-2", "article-2-1"))
    out = provisions.fill(written, lang, "memorandum/", references)
    assert out == f'<p id="article-2">{expected[0]}</p><p id="article-2-1">{expected[1]}</p>'


def test_insert_tools_inside_paragraphs_and_after_headings() -> None:
    html = '<h2 id="article-2">A<a class="headerlink">¶</a></h2><p id="article-2-1">T</p>'
    out = provisions.insert_tools(html, {"article-2": "H", "article-2-1": "P"})
    assert out == ('<h2 id="article-2">A<a class="headerlink">¶</a></h2><p class="provision-tools '
                   'provision-tools--heading">H</p><p id="article-2-1">T <span class="provision-tools">P</span></p>')


@pytest.mark.parametrize("citation, written", [
    ("日英量子科学技術協力覚書 第 2 条 2.3（https://e.org/m/#article-2-3）", "日英量子科学技術協力覚書 第 2 条 2.3（https://e.org/m/#article-2-3）"),
    ("A, B (28 April 2025) para 2.3 <https://e.org/m/#article-2-3>.", "A, B (28 April 2025) para 2.3 &lt;https://e.org/m/#article-2-3&gt;."),
])
def test_the_copy_button_copies_the_citation_it_is_given(citation: str, written: str) -> None:
    out = provisions.tools("article-2-3", "en", "memorandum/", citation, [])
    assert f'data-clipboard-text="{written}"' in out


@pytest.mark.parametrize("name,lang,expected", [
    ("signed_date", "ja", "2025 年 4 月 28 日"), ("signed_date", "en", "28 April 2025"),
    ("notice_period", "ja", "3 か月"), ("notice_period", "en", "three months"),
    ("no_such_fact", "en", None),
])
def test_fact_placeholders(name: str, lang: str, expected) -> None:
    assert placeholders.render(name, FACTS, lang) == expected


def test_timeline_is_in_date_order() -> None:
    dates = [row[0] for row in placeholders.timeline(FACTS, "en")]
    assert dates == ["June 1994", "18 May 2023", "28 April 2025", "6 November 2025"]


lang = render("lang")


@pytest.mark.parametrize("page_lang,html,expected", [
    ("ja", "<p>省（DSIT）は</p>", '<p>省（<span lang="en">DSIT</span>）は</p>'),
    ("ja", "<p>2.1 本協力覚書（Memorandum of Cooperation）は</p>",
     '<p>2.1 本協力覚書（<span lang="en">Memorandum of Cooperation</span>）は</p>'),
    ("ja", "<p><code>make test</code> と 2.1</p>", "<p><code>make test</code> と 2.1</p>"),
    ("ja", '<dd><span lang="en">the Agreement</span></dd>', '<dd><span lang="en">the Agreement</span></dd>'),
    ("en", "<p>See <code>第 1 条</code>.</p>", '<p>See <code><span lang="ja">第 1 条</span></code>.</p>'),
    ("en", "<p>signed in 1994 年 6 月</p>", '<p>signed in <span lang="ja">1994 年 6 月</span></p>'),
    ("en", '<a title="一方" href="#x">Side</a>', '<a title="一方" href="#x">Side</a>'),
    ("en", "<script>var a = '一方';</script>", "<script>var a = '一方';</script>"),
    # What is not text is written back as the page wrote it, a CDATA section with its closing "]]".
    ("ja", "<svg><![CDATA[ a ]]></svg><!-- DSIT --><p>DSIT</p>",
     '<svg><![CDATA[ a ]]></svg><!-- DSIT --><p><span lang="en">DSIT</span></p>'),
])
def test_lang_marks_other_language_runs(page_lang: str, html: str, expected: str) -> None:
    assert lang.mark(html, page_lang) == expected


def test_a_profiles_run_needs_only_passes_over_texts_when_it_marks_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    """The English profile's ``run_needs`` (one Japanese character) restricts nothing: every run of the
    script holds one. So the marks with it are the marks without it, on fragments of both scripts,
    numerals, tags, references and elements that keep their language."""
    import dataclasses
    import random
    from checks.model import languages
    pieces = ["漢字", "かな", "１２", "1994 ", "年", " ", "abc", "<b>", "</b>", "&amp;", "&#x4e00;", '<span lang="ja">',
              "</span>", "<code>", "</code>", "6 ", "月", "<!-- 一 -->", '<a title="一方">']
    rnd, marked = random.Random(29), 0
    profile = languages.profile("en")
    assert profile.run_needs is not None
    for _ in range(3000):
        html = "".join(rnd.choices(pieces, k=rnd.randint(0, 14)))
        with_needs = lang.mark(html, "en")
        monkeypatch.setitem(languages.PROFILES, "en", dataclasses.replace(profile, run_needs=None))
        assert lang.mark(html, "en") == with_needs, html
        monkeypatch.setitem(languages.PROFILES, "en", profile)
        marked += with_needs != html
    assert marked > 1000


HOME, ABOUT, GLOSSARY = ("index.ja.md", "ホーム"), ("about.ja.md", "このサイトについて"), ("glossary.ja.md", "用語集")
# (backlinks per provision, the lists readers get): a page that refers to more
# than half of the provisions with backlinks, and to three or more, is left out.
BACKLINKS = [
    ({"a": [HOME], "b": [HOME], "c": [HOME, ABOUT], "d": [ABOUT]}, {"c": [ABOUT], "d": [ABOUT]}),
    ({"a": [HOME], "b": [HOME], "c": [ABOUT], "d": [GLOSSARY]}, {"a": [HOME], "b": [HOME], "c": [ABOUT], "d": [GLOSSARY]}),
    ({"a": [HOME], "b": [HOME]}, {"a": [HOME], "b": [HOME]}),  # two provisions: a list, not a repetition
    ({"a": [HOME], "b": [HOME], "c": [HOME]}, {}),
    # exactly half of the six provisions with backlinks: not more than half, so listed
    ({"a": [HOME], "b": [HOME], "c": [HOME], "d": [ABOUT], "e": [ABOUT], "f": [GLOSSARY]},
     {"a": [HOME], "b": [HOME], "c": [HOME], "d": [ABOUT], "e": [ABOUT], "f": [GLOSSARY]}),
    ({"a": [HOME], "b": [HOME], "c": [HOME], "d": [HOME], "e": [ABOUT], "f": [GLOSSARY]},  # four of six: left out
     {"e": [ABOUT], "f": [GLOSSARY]}),
    ({}, {}),
]


@pytest.mark.parametrize("backlinks, expected", BACKLINKS)
def test_a_page_that_refers_to_most_provisions_is_not_listed_under_each(backlinks, expected) -> None:
    assert provisions.distinctive(backlinks) == expected


@pytest.mark.parametrize("permalink, count", [(True, 1), (False, 0)])
def test_a_heading_keeps_one_permalink(permalink: bool, count: int) -> None:
    out = provisions.tools("article-2", "ja", "memorandum/", "x", [], permalink=permalink)
    assert out.count('class="provision-permalink"') == count and out.count('class="provision-cite"') == 1


search = render("search")


def test_search_index_is_written_whole_and_readable(tmp_path: Path) -> None:
    out = tmp_path / "search" / "search_index.json"
    search._write(out, {"docs": [{"text": "双方"}]})
    assert out.read_text("utf-8") == '{"docs":[{"text":"双方"}]}'
    assert [p.name for p in out.parent.iterdir()] == ["search_index.json"]


@pytest.mark.parametrize("site_url, homes", [
    ("", ["/", "/en/"]),
    ("https://example.org/", ["/", "/en/"]),
    ("https://example.org/moc/", ["/moc/", "/moc/en/"]),
    ("https://example.org/moc", ["/moc/", "/moc/en/"]),
])
def test_the_404_notice_links_each_languages_pages_from_the_sites_root(site_url: str, homes: list[str]) -> None:
    from checks.render.lang import not_found
    html = not_found(site_url)
    assert re.findall(r'<section lang="(\w+)">', html) == ["ja", "en"]
    assert re.findall(r'href="([^"]+)"', html) == [h for home in homes for h in (home, f"{home}memorandum/")]
    assert "<h1>ページが見つかりません</h1>" in html and "<h1>Page not found</h1>" in html
