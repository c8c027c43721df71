"""A version's page made from the built memorandum page (checks.render.dated), token by token:
each case is a piece of a built page and exactly what the version's page holds instead."""

from __future__ import annotations

import pytest

from checks.model.versions import Version
from checks.render import dated

VERSION = Version(lang="en", date="2026-11-25", reason={"en": "First", "ja": "初版"}, text={})
CURRENT = "https://example.org/en/memorandum/"
TEXTS = {"p-1": "Old text & more", "p-2": "Second \"old\" <b>"}  # the provisions this version words differently
IDS = {"p-1": "New text", "p-2": "Second new", "p-3": "Same"}
NOTICE = ('<div class="admonition note version-notice"><p class="admonition-title">Text as of 25 November 2026</p>'
          '<p>This is the text as of 25 November 2026. It is not the current text: the current text is on '
          '<a href="https://example.org/en/memorandum/">the memorandum page</a>. '
          '<a href="../../changes/#en">What changed</a> shows how the versions differ.</p></div>')


def cite(pid: str) -> str:
    return f"cite:{pid}"


# (case, the built page's piece, the version page's piece)
CASES = [
    ("a provision's text is replaced up to its tools, which stay",
     '<p id="p-1">New <em>text</em><span class="provision-tools"><a href="#p-1">¶</a></span></p>',
     '<p id="p-1">Old text &amp; more <span class="provision-tools"><a href="#p-1">¶</a></span></p>'),
    ("the same tag nested inside a replaced provision does not end it early",
     '<div id="p-2"><div>a</div><div>b</div>c</div><p>after</p>',
     '<div id="p-2">Second "old" &lt;b&gt; </div><p>after</p>'),
    ("a provision this version words the same is copied",
     '<p id="p-3">Same &amp; <b>bold</b></p>', '<p id="p-3">Same &amp; <b>bold</b></p>'),
    ("what belongs to the current page only is left out, nested or not",
     '<div class="md-source-file"><div>x</div><div>y</div></div><p>kept</p>'
     '<a class="provision-suggest" href="s">Suggest</a><span class="current-version">v</span>',
     '<p>kept</p>'),
    ("a void element of a current-only class leaves nothing out after it",
     '<img class="md-content__button" src="a.png"><p>kept</p>', '<img class="md-content__button" src="../a.png"><p>kept</p>'),
    ("the translation link, the JSON-LD and the current reference tags go",
     '<link rel="alternate" hreflang="ja" href="/memorandum/"><script type="application/ld+json">{"a": "<b>"}</script>'
     '<meta name="DC.title" content="T"><meta name="citation_title" content="T"><meta name="description" content="d">',
     '<meta name="description" content="d">'),
    ("the canonical address stays the current page's, with noindex and the version's tags after it",
     '<link rel="canonical" href="https://example.org/en/memorandum/2026-11-25/">',
     '<link rel="canonical" href="https://example.org/en/memorandum/"><meta name="robots" content="noindex">'
     '<meta name="DC.date" content="2026-11-25">'),
    ("the title names the date",
     '<title>The memorandum &amp; more - Site</title>', '<title>The memorandum &amp; more (as of 25 November 2026) - Site</title>'),
    ("the theme's configuration reads its base and search from one folder further down",
     '<script id="__config" type="application/json">{"base": "..", "search": "../assets/s.js", "x": "..", "n": 1}</script>',
     '<script id="__config" type="application/json">{"base": "../..", "search": "../../assets/s.js", "x": "..", "n": 1}'
     '</script>'),
    ("a provision's citation button cites the version",
     '<p id="p-3">Same<button class="provision-cite" data-clipboard-text="now">Cite</button></p>',
     '<p id="p-3">Same<button class="provision-cite" data-clipboard-text="cite:p-3">Cite</button></p>'),
    ("a citation button in a replaced provision's tools cites that provision",
     '<p id="p-1">New<span class="provision-tools"><button class="provision-cite" data-clipboard-text="now">C</button>'
     '</span></p>',
     '<p id="p-1">Old text &amp; more <span class="provision-tools"><button class="provision-cite" '
     'data-clipboard-text="cite:p-1">C</button></span></p>'),
    ("relative addresses go one folder deeper; absolute ones, root-relative ones and fragments stay",
     '<a href="../changes/">c</a><img src="img/a.png" alt=""><form action="f"></form><video poster="p.jpg"></video>'
     '<a href="https://x.org/">x</a><a href="/r">r</a><a href="#f">f</a><a href="mailto:a@b">m</a><a href="">e</a>',
     '<a href="../../changes/">c</a><img src="../img/a.png" alt=""><form action="../f"></form>'
     '<video poster="../p.jpg"></video>'
     '<a href="https://x.org/">x</a><a href="/r">r</a><a href="#f">f</a><a href="mailto:a@b">m</a><a href="">e</a>'),
    ("a replaced provision's tools end where their element ends: what follows them was the current text's",
     '<p id="p-1">New<span class="provision-tools"><span>T</span></span> tail</p><p id="p-3">Same</p>',
     '<p id="p-1">Old text &amp; more <span class="provision-tools"><span>T</span></span></p><p id="p-3">Same</p>'),
    ("the notice follows the first heading only",
     '<h1>Memorandum</h1><p>x</p><h1>Again</h1>', f'<h1>Memorandum</h1>{NOTICE}<p>x</p><h1>Again</h1>'),
    ("comments, declarations, processing instructions and references are copied as written",
     '<!DOCTYPE html><!-- c --><?pi x?><p>&para; &#182; &#xB6;</p><svg><![CDATA[x]]></svg><![if IE]>',
     '<!DOCTYPE html><!-- c --><?pi x?><p>&para; &#182; &#xB6;</p><svg><![CDATA[x]]></svg><![if IE]>'),
    ("tags the rewriter leaves alone keep their spelling (an inline SVG's viewBox)",
     '<svg viewBox="0 0 24 24"><path d="M0"/></svg>', '<svg viewBox="0 0 24 24"><path d="M0"/></svg>'),
]


@pytest.mark.parametrize("case, page, expected", CASES, ids=[c[0] for c in CASES])
def test_a_version_page_is_the_built_page_rewritten(case: str, page: str, expected: str) -> None:
    got = dated.dated(page, "en", VERSION, {**IDS, **TEXTS}, IDS, CURRENT, False, cite, [("DC.date", "2026-11-25")])
    assert got == expected


def test_the_current_version_says_it_is_current() -> None:
    got = dated.dated("<h1>M</h1>", "en", VERSION, IDS, IDS, CURRENT, True, cite)
    assert "which is still the current text" in got and "It is not the current text" not in got


@pytest.mark.parametrize("site_url, lang, date, expected", [
    ("https://example.org/", "en", "2026-11-25", "https://example.org/en/memorandum/2026-11-25/"),
    ("https://example.org/en/", "en", "2026-11-25", "https://example.org/en/memorandum/2026-11-25/"),
    ("https://example.org/", "ja", "2025-04-28", "https://example.org/memorandum/2025-04-28/"),
    ("", "ja", "2025-04-28", "/memorandum/2025-04-28/"),
])
def test_a_version_page_has_one_address(site_url: str, lang: str, date: str, expected: str) -> None:
    assert dated.url_of(site_url, lang, date) == expected
    assert dated.path_of(lang, date) == expected.split("//", 1)[-1].split("/", 1)[-1] if "//" in expected \
        else expected.lstrip("/")


class _Copy:
    """A handler that writes back what the parser read, as the renders do for what they do not change."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def __getattr__(self, name: str):  # each handle_<kind> (and unknown_decl): the token as written
        from checks.render import tokens
        kind = name.removeprefix("handle_")
        if kind in ("starttag", "startendtag"):
            return lambda tag, attrs, raw: self.out.append(raw)
        return lambda value: self.out.append(tokens.written(kind, value))


@pytest.mark.parametrize("html", [
    '<!DOCTYPE html><html lang="ja"><p class=a title="x > y">第 2 条&nbsp;&#8203;&#x41;</p></html>',
    '<svg viewBox="0 0 1 1"><path d="M0"/></svg><br/><img src=a.png>',
    "<!-- a comment --><?pi x?><![CDATA[ raw ]]><script>if (a < b) x = '</p>';</script>",
])
def test_a_page_read_once_is_walked_as_the_parser_read_it(html: str) -> None:
    from checks.render import tokens
    read = tokens.read(html)
    copy = _Copy()
    tokens.replay(read, copy)
    assert "".join(copy.out) == html
    assert tokens.read(html) == read  # the same page reads the same every time


def test_each_version_page_carries_its_own_reference_tags_once() -> None:
    """``pages``: every recorded version of a language, each with the tags of its own version (not
    the current page's), once, after the canonical address."""
    from checks.model import metadata, versions
    from conftest import ROOT
    docs = ROOT / "docs"
    history = versions.read(versions.path_in(docs))
    facts = metadata.load(metadata.path_in(docs))
    current = {"p-1": "x"}
    page = ('<html><head><title>M - S</title><link rel="canonical" href="https://example.org/en/memorandum/">'
            '<meta name="citation_public_url" content="https://example.org/en/memorandum/"></head>'
            '<body><h1>M</h1></body></html>')
    built = dated.pages(page, "en", history, current, "https://example.org/", facts)
    dates = [v.date for v in history.of("en")]
    assert sorted(built) == sorted(dated.path_of("en", d) + "index.html" for d in dates) and len(dates) >= 2
    for date in dates:
        html = built[dated.path_of("en", date) + "index.html"]
        url = dated.url_of("https://example.org/", "en", date)
        assert html.count('name="citation_public_url"') == 1 and f'content="{url}"' in html
        assert html.index('rel="canonical"') < html.index('name="citation_public_url"')
        assert html.count(f'<meta name="DC.date" content="{facts["signed"]["date"]}">') == 1
