"""What readers get: active content in every form, built pages against the model, HTML edits through a parser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checks import cli
from checks.model import active
from checks.rules import safety
from checks.verify import built, output
from checks.model.page import Page
from conftest import ROOT, build, copy_project, render

FIXTURES = Path(__file__).parent / "fixtures"
ACTIVE = FIXTURES / "active"

# Each form of active content, in a page of its own (both languages where the
# form is Markdown): the exact findings of `python -m checks`, and the codes
# the built-HTML check reports for the same page (None where Markdown escapes
# the markup, so nothing active is published, and the Markdown check is the guard).
FORMS = [
    ("attr-list-no-colon.en.md", [(4, 2, "SAF002")], {"SAF002"}),
    ("attr-list-no-colon.ja.md", [(4, 2, "SAF002")], {"SAF002"}),
    ("handler-no-space.en.md", [(3, 11, "SAF002")], {"SAF002"}),
    ("handler-no-space.ja.md", [(3, 16, "SAF002")], None),
    ("reference-definition.en.md", [(5, 6, "SAF003")], {"SAF003"}),
    ("reference-definition.ja.md", [(5, 6, "SAF003")], {"SAF003"}),
    ("entity-scheme.en.md", [(3, 9, "SAF003")], {"SAF003"}),
    ("entity-scheme.ja.md", [(3, 1, "SAF003")], {"SAF003"}),
    ("meta-refresh.en.md", [(3, 1, "SAF001"), (3, 7, "SAF001")], {"SAF001", "SAF004"}),
    ("meta-refresh.ja.md", [(3, 1, "SAF001"), (3, 7, "SAF001")], {"SAF001", "SAF004"}),
    ("data-url.en.md", [(3, 1, "SAF001"), (3, 14, "SAF003")], {"SAF001", "SAF003"}),
    ("data-url.ja.md", [(3, 7, "SAF003")], {"SAF003"}),
]


def _docs_with(tmp_path: Path, *names: str) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for name in names:
        shutil.copy(ACTIVE / name, docs / name)
    return docs


def _found(docs: Path) -> list[tuple[str, int, int, str]]:
    return [tuple(f[:4]) for f in cli.run(docs, root=docs.parent)]


@pytest.mark.parametrize("name,expected,built_codes", FORMS, ids=[f[0] for f in FORMS])
def test_active_content_form_is_a_finding(tmp_path: Path, name: str, expected, built_codes) -> None:
    twin = name.replace(".en.", ".ja.") if ".en." in name else name.replace(".ja.", ".en.")
    docs = _docs_with(tmp_path, name, twin)  # both languages: no PAR002
    assert [f for f in _found(docs) if f[0] == f"docs/{name}" and f[3].startswith("SAF")] == \
        [(f"docs/{name}", line, col, code) for line, col, code in expected]


def test_markup_in_a_metadata_value_is_a_finding(tmp_path: Path) -> None:
    docs = _docs_with(tmp_path)
    meta = docs / "_data/memorandum.yml"
    meta.write_text(meta.read_text("utf-8").replace("    en: London, United Kingdom",
                                                    '    en: "London <img src=x onerror=alert(1)>"'), "utf-8")
    # The markup is a finding; the signing clause no longer names the metadata's place.
    assert _found(docs) == [("docs/_data/memorandum.yml", 26, 9, "SAF002"), ("docs/memorandum.en.md", 71, 1, "FCT001")]


def test_script_in_an_svg_asset_is_a_finding(tmp_path: Path) -> None:
    docs = _docs_with(tmp_path)
    (docs / "assets/images").mkdir(parents=True)
    shutil.copy(ACTIVE / "script.svg", docs / "assets/images/logo.svg")
    assert _found(docs) == [("docs/assets/images/logo.svg", 3, 3, "SAF001")]


def test_symlink_out_of_docs_is_a_finding(tmp_path: Path) -> None:
    docs = _docs_with(tmp_path)
    outside = tmp_path / "secret.txt"
    outside.write_text("not for publication", "utf-8")
    (docs / "assets/notes.txt").symlink_to(outside)
    (docs / "assets/inside.css").symlink_to(docs / "assets/stylesheets/memorandum.css")
    assert _found(docs) == [("docs/assets/notes.txt", 1, 1, "SAF005")]


def test_every_form_fails_the_build_and_the_built_check_sees_it(tmp_path: Path) -> None:
    """One build with every form: the strict build fails naming each file; the
    built-HTML check, run on a non-strict build, finds each form in what was published."""
    project = copy_project(tmp_path)
    names = [name for name, _, _ in FORMS]
    for name in names:
        shutil.copy(ACTIVE / name, project / "docs" / name)
    (project / "docs/assets/images").mkdir(parents=True)
    shutil.copy(ACTIVE / "script.svg", project / "docs/assets/images/logo.svg")
    # One build, not strict, so that it finishes: each file is named in a warning, which a
    # strict build turns into its failure (tests/test_engine.py shows it under either engine).
    loose = build(project, tmp_path / "site", "--no-strict")
    assert loose.returncode == 0 and "Traceback" not in loose.stderr
    warnings = [line for line in loose.stderr.splitlines() if line.startswith("WARNING")]
    for name in names:
        assert any(f"docs/{name}:" in line for line in warnings), name
    found: dict[str, set[str]] = {}
    for f in built.check_site(tmp_path / "site", project / "docs", project):
        found.setdefault(f.path, set()).add(f.code)
    for name, _, codes in FORMS:
        assert found.get(f"docs/{name}") == codes, name
    assert found.get("docs/assets/images/logo.svg") == {"SAF001"}


# Built HTML read as a reader gets it: (html, provision ids, provisions, stray, unsafe codes, charrefs).
READS = [
    ("entity split by a tag", '<p>&<span lang="en">para</span>;</p>', (), {}, [], [], ["&para;"]),
    ("entity in a title", '<a title="&amp;para; link" href="#x">x</a>', (), {}, [], [], ["&para;"]),
    ("decoded entity is fine", "<p>&para; &amp; &lt;</p>", (), {}, [], [], []),
    ("attribute with > and <", '<div class="md-content__inner"><p id="a" title="x > y < z">T<span class="provision-tools">¶</span></p></div>',
     ("a",), {"a": "T"}, [], [], []),
    ("nested list", '<div class="md-content__inner"><ul><li id="i1">Outer<ul><li>inner</li></ul> tail</li></ul></div>',
     ("i1",), {"i1": "Outerinner tail"}, [], [], []),
    ("stray text", '<div class="md-content__inner"><p id="a">T</p><p>Added</p><div class="admonition"><p>Note</p></div></div>',
     ("a",), {"a": "T"}, ["Added"], [], []),
    ("hidden text is not the provision's", '<div class="md-content__inner"><p id="a">T<span hidden>H</span><a class="headerlink">¶</a></p></div>',
     ("a",), {"a": "T"}, [], [], []),
    ("script in content", '<div class="md-content__inner"><p id="a">T</p><script>alert(1)</script></div>',
     ("a",), {"a": "T"}, [], ["SAF001"], []),
    ("handler in content", '<div class="md-content__inner"><p onclick="x()">T</p></div>', (), {}, ["T"], ["SAF002"], []),
    ("entity-encoded scheme", '<div class="md-content__inner"><a href="&#x6A;ava&#x09;script:x">T</a></div>', (), {}, ["T"], ["SAF003"], []),
    ("style outside tables", '<div class="md-content__inner"><p style="position:fixed">T</p></div>', (), {}, ["T"], ["SAF004"], []),
    ("table alignment is allowed", '<div class="md-content__inner"><table><tr><td style="text-align: left;">T</td></tr></table></div>',
     (), {}, ["T"], [], []),
    ("theme script by path", '<script src="../assets/javascripts/bundle.abc.min.js"></script>', (), {}, [], [], []),
    ("script from elsewhere", '<script src="https://cdn.example/x.js"></script>', (), {}, [], ["SAF001"], []),
    ("unknown inline script", "<head><script>fetch('/x')</script></head>", (), {}, [], ["SAF001"], []),
    ("meta refresh in head", '<head><meta http-equiv="refresh" content="0"></head>', (), {}, [], ["SAF001", "SAF001"], []),
]


@pytest.mark.parametrize("html,ids,provisions,stray,unsafe,charrefs", [r[1:] for r in READS], ids=[r[0] for r in READS])
def test_read_built_html(html, ids, provisions, stray, unsafe, charrefs) -> None:
    got = output.read(html, frozenset(ids))
    assert got.provisions == provisions
    assert got.stray == stray
    assert [v.code for v in got.unsafe] == unsafe
    assert got.charrefs == charrefs


@pytest.mark.parametrize("lang,want,got,same", [
    ("ja", "城内 実", "\n城内 実\n", True),
    ("ja", "日本国内閣府を代表して城内 実", "日本国内閣府を代表して\n城内 実", True),
    ("ja", "城内 実", "城内実", False),
    ("en", "On behalf of the Cabinet Office", "On behalf of\nthe Cabinet Office", True),
    ("en", "two originals", "three originals", False),
])
def test_visible_text_comparison(lang: str, want: str, got: str, same: bool) -> None:
    built_page = output.Built({"x": got}, [], [], [])
    assert (list(output.compare(built_page, {"x": want}, lang)) == []) == same


@pytest.mark.parametrize("value,scheme", [
    ("javascript:alert(1)", "javascript"), (" JaVaScRiPt:x", "javascript"), ("&#106;avascript:x", "javascript"),
    ("java\tscript:x", "javascript"), ("data:text/html,x", "data"), ("https://e.org/", "https"),
    ("../memorandum/#article-2", None), ("#top", None), ("mailto:a@e.org", "mailto"),
])
def test_url_scheme_as_a_browser_reads_it(value: str, scheme) -> None:
    assert active.scheme(value) == scheme


def test_the_comment_line_case_fails_check_and_build(tmp_path: Path) -> None:
    """Text after a comment on a line of Article 2.2 is rendered: the model reads it, the checks fail."""
    project = copy_project(tmp_path)
    page = project / "docs/memorandum.ja.md"
    text = page.read_text("utf-8").replace("2.2 本協力覚書は、双方による署名の日から開始される。",
                                           "2.2 本協力覚書は、双方による署名の日から開始される。\n<!-- 注 --> 追加された文", 1)
    page.write_text(text, "utf-8")
    codes = {(f.line, f.code) for f in cli.run(project / "docs", root=project)}
    assert (63, "FID001") in codes and (62, "STR004") in codes
    loose = build(project, tmp_path / "loose", "--no-strict")  # a warning: a strict build's failure
    assert loose.returncode == 0 and "Traceback" not in loose.stderr
    assert any(line.startswith("WARNING") and "docs/memorandum.ja.md:63:12: FID001" in line
               for line in loose.stderr.splitlines())
    out = built.check_site(tmp_path / "loose", project / "docs", project)
    # What the reader got: the first half of 2.2 outside every provision, and
    # a Japanese text that is not the signed one.
    assert [(f.line, f.code) for f in out if f.code.startswith("OUT")] == [(62, "OUT001"), (63, "OUT003"), (63, "OUT004")]
    assert "'2.2 本協力覚書は、双方による署名の日から開始される。'" in out[0].message


def test_built_site_shows_no_character_reference_and_passes_the_built_check(site: Path) -> None:
    for page in sorted(site.rglob("*.html")):
        assert output.read(page.read_text("utf-8")).charrefs == [], page
    assert built.check_site(site, ROOT / "docs", ROOT) == []


lang = render("lang")
provisions = render("provisions")


@pytest.mark.parametrize("page_lang,html,expected", [
    ("ja", '<a class="headerlink" href="#x" title="リンク">&para;</a>', '<a class="headerlink" href="#x" title="リンク">&para;</a>'),
    ("ja", "<p>Q&amp;A Research &amp; Development</p>",
     '<p>Q&amp;<span lang="en">A Research</span> &amp; <span lang="en">Development</span></p>'),
    ("ja", '<a title="x > 一方 < y">DSIT</a>', '<a title="x > 一方 < y"><span lang="en">DSIT</span></a>'),
    ("ja", "<p>a &#182; b &#x00B6; Word</p>", '<p>a &#182; b &#x00B6; <span lang="en">Word</span></p>'),
    ("en", '<p title="一方 > 双方">Side &amp; 一方</p>', '<p title="一方 > 双方">Side &amp; <span lang="ja">一方</span></p>'),
    ("ja", "<ul><li>Outer<ul><li>Inner text</li></ul></li></ul>",
     '<ul><li><span lang="en">Outer</span><ul><li><span lang="en">Inner text</span></li></ul></li></ul>'),
    ("ja", "<!-- Comment text --><p>本文</p>", "<!-- Comment text --><p>本文</p>"),
])
def test_lang_edits_through_a_parser(page_lang: str, html: str, expected: str) -> None:
    assert lang.mark(html, page_lang) == expected


@pytest.mark.parametrize("html,expected", [
    ('<ul><li id="i1">A<ul><li>B</li></ul></li></ul>', '<ul><li id="i1">A<ul><li>B</li></ul> <span class="provision-tools">T</span></li></ul>'),
    ('<p id="i1" title="a > b">A</p>', '<p id="i1" title="a > b">A <span class="provision-tools">T</span></p>'),
    ('<p id="i1">A &amp; <em>B</em></p>', '<p id="i1">A &amp; <em>B</em> <span class="provision-tools">T</span></p>'),
    ('<h2 id="i1">A<a class="headerlink">&para;</a></h2>',
     '<h2 id="i1">A<a class="headerlink">&para;</a></h2><p class="provision-tools provision-tools--heading">T</p>'),
    ('<p>no id</p>', '<p>no id</p>'),
    # Lines are counted: the end tag is found on the third line.
    ('<div>\n<p id="i1">A\nB</p>\n</div>', '<div>\n<p id="i1">A\nB <span class="provision-tools">T</span></p>\n</div>'),
    # An id the page repeats gets its tools once, at the first element.
    ('<p id="i1">A</p><p id="i1">B</p>', '<p id="i1">A <span class="provision-tools">T</span></p><p id="i1">B</p>'),
    # A stray end tag first; an element left open inside the provision is closed by it.
    ('</b><div><p id="i1">A<b>B</p></div>', '</b><div><p id="i1">A<b>B <span class="provision-tools">T</span></p></div>'),
    ('<div id="other"><p id="i1">A</p></div>', '<div id="other"><p id="i1">A <span class="provision-tools">T</span></p></div>'),
])
def test_provision_tools_land_at_the_end_of_their_element(html: str, expected: str) -> None:
    assert provisions.insert_tools(html, {"i1": "T"}) == expected


@pytest.mark.parametrize("text,kinds", [
    ("<!-- a -->", {"comment"}), ("`code`", {"code"}), ("[a](b)", {"link"}), ("{: #x }", {"attr"}),
    ("{onclick=x}", {"attr"}), ("<b>", {"tag"}), ("## H", {"heading"}), ("2.1 text", {"number"}),
    ("!!! note\n    body", {"editorial"}), ("plain", set()),
])
def test_page_regions(text: str, kinds: set[str]) -> None:
    page = Page.of_body("x.en.md", text, "en")
    assert {r.kind for r in page.regions} == kinds


@pytest.mark.parametrize("text,regions", [
    # A comment closed mid-line: what follows it on that line is prose again.
    ("<!-- a\nb -->Tail `c`\n", [("comment", "<!-- a\nb -->"), ("code", "`c`")]),
    ("x\n<!-- open\nmore\n", [("comment", "<!-- open\nmore\n")]),  # never closed: to the end
    ("```\ncode\n```\nafter\n", [("code", "```\ncode\n```")]),
    ("```\n~~~\n```\n", [("code", "```\n~~~\n```")]),  # the other fence character does not close
    ("```\nx\n````\ny\n", [("code", "```\nx\n````")]),  # a longer fence closes
    ("```\nx\n``` no\n```\n", [("code", "```\nx\n``` no\n```")]),  # a fence with text after it does not
    ("~~~\nx\n", [("code", "~~~\nx\n")]),  # never closed: to the end
    ("!!! note\n    body\n\nafter\n", [("editorial", "!!! note\n    body\n\n")]),
    ("!!! note\n    body\nafter\n", [("editorial", "!!! note\n    body\n")]),
    ("!!! note\n    body\n", [("editorial", "!!! note\n    body\n")]),
    ("### 第 2 条 {#article-2}\n", [("heading", "### 第 2 条 {#article-2}"), ("provision-head", "### 第 2 条 {#article-2}"),
                                   ("attr", "{#article-2}")]),
    ("## Article 2\n", [("heading", "## Article 2")]),
    ("2.1 text\n", [("number", "2.1")]),
    ("`a` <b> [l](u)\n", [("code", "`a`"), ("tag", "<b>"), ("link", "[l](u)")]),
], ids=["comment-then-prose", "unclosed-comment", "fence", "other-fence-char", "longer-fence", "fence-with-text",
        "unclosed-fence", "editorial-blank", "editorial-dedent", "editorial-at-end", "provision-heading", "heading",
        "own-number", "inline"])
def test_page_regions_are_exact(text: str, regions: list[tuple[str, str]]) -> None:
    """Where each region starts and ends, shown as the text it covers."""
    from checks.model.page import scan
    assert [(r.kind, r.start, r.end) for r in scan(text)] == [
        (kind, text.index(sub), text.index(sub) + len(sub)) for kind, sub in regions]


@pytest.mark.parametrize("tag,attrs,codes", [
    ("td", [("style", "text-align: right")], []),  # what Markdown tables write for aligned columns
    ("TH", [("STYLE", "text-align:center;")], []),
    ("td", [("style", "position: fixed; inset: 0")], ["SAF004"]),  # any other style can cover the page
    ("p", [("style", "text-align: right")], ["SAF004"]),
    ("div", [("aria-label", "x"), ("data-x", "y"), ("ARIA-hidden", "true")], []),
    ("th", [("scope", "col"), ("colspan", "2")], []),
    ("a", [("href", "https://e.org/"), ("hreflang", "en")], []),
    ("p", [("scope", "col")], ["SAF004"]),  # an element's own attribute, on another element
    ("a", [("href", "javascript:x()")], ["SAF003"]),
    ("p", [("onclick", "x()"), ("http-equiv", "refresh")], ["SAF002", "SAF001"]),
    ("script", [], ["SAF001"]),
], ids=["td-align", "th-align-upper-case", "td-other-style", "p-style", "aria-data", "th-own", "a-own",
        "own-elsewhere", "url", "handler-http-equiv", "script"])
def test_active_content_judged_per_element(tag: str, attrs: list[tuple[str, str]], codes: list[str]) -> None:
    assert [v.code for v in safety.judge(tag, attrs)] == codes


def test_a_table_cell_style_other_than_alignment_is_named_in_markdown_and_html() -> None:
    expected = [("SAF004", "style 'position: fixed' on <td>: expected only text-align (left, right or center)", "style=")]
    for strict in (True, False):  # the built page's check, and the Markdown's (lenient about other attributes)
        assert [tuple(v) for v in safety.judge("td", [("style", " position: fixed ")], strict_attrs=strict)] == expected


@pytest.mark.parametrize("text,error", [
    ("---\n- a\n---\nbody\n", (2, 1, "front matter should be a mapping, found list")),
    ("---\ntitle: [a\n---\nbody\n", (3, 1, "front matter is not valid YAML: did not find expected ',' or ']'")),
    ("---\ntitle: x\n  y: : z\n---\nbody\n", (3, 4, "front matter is not valid YAML: mapping values are not allowed in this context")),
    ("---\n---\nbody\n", None),
], ids=["list", "unclosed-flow", "bad-mapping", "empty"])
def test_front_matter_errors_name_line_and_column(text: str, error) -> None:
    """Lines count from the page's first line, the opening ``---``."""
    found = Page(Path("x.en.md"), text, "en").front_matter_error
    assert (tuple(found) if found else None) == error


def test_asset_scan_names_line_and_column() -> None:
    svg = (ACTIVE / "script.svg").read_text("utf-8")
    assert [(line, col, code) for line, col, code, _ in safety.scan_asset(svg)] == [(3, 3, "SAF001")]


def test_linearity_bench_measures_every_input() -> None:
    """The bench's inputs run through every per-page check (its timing is the bench's, not a test's)."""
    from bench import linearity
    rows = linearity.measure(1, (1, 2))
    assert [r["input"] for r in rows] == list(linearity.UNITS)
    assert all(len(r["ms_per_kb"]) == 2 and all(x > 0 for x in r["ms_per_kb"]) for r in rows)


# A built site made in-process from the model: one page per language with
# every provision as the theme renders it, and the downloads from checks.export.publish.


def fake_site(tmp_path: Path) -> Path:
    import html as html_lib
    import json
    from checks.export import publish
    from checks.model import document, site as site_ids
    docs = {lang: document.load(ROOT / f"docs/memorandum.{lang}.md") for lang in site_ids.LANGS}
    out = tmp_path / "site"
    for lang, doc in docs.items():
        rows = "".join(f'<p id="{p.id}">{html_lib.escape(p.text)}<span class="provision-tools">¶</span></p>'
                       for p in doc.provisions)
        page = out / site_ids.PREFIX[lang] / "memorandum/index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<html><body><article class="md-content__inner">{rows}</article></body></html>', "utf-8")
    for rel, data in publish.downloads_cached(ROOT / "docs").items():  # memorandum.json, AKN, PDFs, SHA256SUMS
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return out


def _json_hashes(old: str, new: str, rel: str = "memorandum.json") -> tuple[str, str]:
    """The first 12 hex digits of a download's SHA-256 (memorandum.json's unless named), as built and after one edit."""
    import hashlib
    from checks.export import publish
    data = publish.downloads_cached(ROOT / "docs")[rel]
    return tuple(hashlib.sha256(d).hexdigest()[:12] for d in (data, data.replace(old.encode(), new.encode(), 1)))


ENG_AKN = "akn/jp/doc/memorandum/2025-04-28/quantum-science-technology/eng@2025-04-28/main.xml"
# (what is changed in the fake site, file, old, new, expected (path, code) findings)
SITE_FAULTS = [
    ('nothing', None, '', '',
     []),
    ("a provision's visible text", 'en/memorandum/index.html', 'two originals', 'three originals',
     [('docs/memorandum.en.md', 71, 1, 'OUT001', "on the built page en/memorandum/index.html: built text of '#signatures' differs from the source after 'l 2025, in t': expected 'wo originals', found 'hree origina'"), ('docs/memorandum.en.md', 71, 1, 'OUT003', "memorandum.json text of '#signatures' (en) differs from the built page")]),
    ('Japanese text', 'memorandum/index.html', '政策対話を行う', '政策対話をする',
     [('docs/memorandum.ja.md', 46, 1, 'OUT001', "on the built page memorandum/index.html: built text of '#article-1-item-4' differs from the source after '影響を認識し、政策対話を': expected '行う。', found 'する。'"), ('docs/memorandum.ja.md', 46, 1, 'OUT003', "built Japanese text: text differs from the signed source after '影響を認識し、政策対話を': expected '行う。標準化およびガバナ', found 'する。標準化およびガバナ'"), ('docs/memorandum.ja.md', 46, 1, 'OUT003', "memorandum.json text of '#article-1-item-4' (ja) differs from the built page")]),
    ('stray text', 'memorandum/index.html', '</article>', '<p>追加</p></article>',
     [('docs/memorandum.ja.md', 1, 1, 'OUT001', "on the built page memorandum/index.html: visible text outside every provision: '追加': expected only provisions and editorial notes (admonitions) on a memorandum page")]),
    ('a split entity', 'en/memorandum/index.html', '¶</span>', '&<span>para</span>;</span>',
     [('docs/memorandum.en.md', 1, 1, 'OUT002', "'&para;' shows as text on the built page en/memorandum/index.html (1 times): expected the character it stands for")]),
    ('an inline script', 'memorandum/index.html', '</article>', '<script>alert(1)</script></article>',
     [('docs/memorandum.ja.md', 1, 1, 'SAF001', "on the built page memorandum/index.html: inline <script>: expected only the theme's own scripts")]),
    ("a provision's id changed", 'en/memorandum/index.html', 'id="article-2-4"', 'id="article-2-9"',
     [('docs/memorandum.en.md', 68, 1, 'OUT001', "on the built page en/memorandum/index.html: provision '#article-2-4' is missing from the built page"), ('docs/memorandum.en.md', 68, 1, 'OUT001', "on the built page en/memorandum/index.html: visible text outside every provision: '2.4 The termination of this Memorandum o': expected only provisions and editorial notes (admonitions) on a memorandum page")]),
    ('a hash in the export', 'memorandum.json', '"ja": "fa535d2b', '"ja": "0fa535d2b',
     [('docs/memorandum.ja.md', 6, 1, 'OUT003', "memorandum.json: SHA-256 of '#title' (ja) does not match its text"),
      ('site/memorandum.json', 1, 1, 'OUT005', 'SHA-256 differs from SHA256SUMS: expected {}…, found {}…'.format(
          *_json_hashes('"ja": "fa535d2b', '"ja": "0fa535d2b')))]),
    ('no Akoma Ntoso paths in the export', 'memorandum.json', '"akn": {', '"akn": ["x"], "was": {',
     [('site/memorandum.json', 1, 1, 'OUT004', "memorandum.json names no Akoma Ntoso document for 'en': expected akn.en, the document's path in the site"),
      ('site/memorandum.json', 1, 1, 'OUT004', "memorandum.json names no Akoma Ntoso document for 'ja': expected akn.ja, the document's path in the site"),
      ('site/memorandum.json', 1, 1, 'OUT005', 'SHA-256 differs from SHA256SUMS: expected {}…, found {}…'.format(
          *_json_hashes('"akn": {', '"akn": ["x"], "was": {')))]),
    ('an Akoma Ntoso path that is not built', 'memorandum.json', '"en": "/akn', '"en": "/gone/akn',
     [('site/gone/akn/jp/doc/memorandum/2025-04-28/quantum-science-technology/eng@2025-04-28/main.xml', 1, 1, 'OUT005', 'a download missing from SHA256SUMS'),
      ('site/memorandum.json', 1, 1, 'OUT004', 'memorandum.json names the Akoma Ntoso document /gone/akn/jp/doc/memorandum/2025-04-28/quantum-science-technology/eng@2025-04-28/main.xml, which is not in the built site'),
      ('site/memorandum.json', 1, 1, 'OUT005', 'SHA-256 differs from SHA256SUMS: expected {}…, found {}…'.format(
          *_json_hashes('"en": "/akn', '"en": "/gone/akn')))]),
    ("a provision's text in an Akoma Ntoso document", ENG_AKN, 'may be modified at any time', 'may be amended at any time',
     [('docs/memorandum.en.md', 65, 1, 'OUT004', f"/{ENG_AKN}: text of eId 'art_2__para_3' differs from memorandum.json: "
                                                "expected '2.3ThisMemorandumofCooperationmaybemodif', found "
                                                "'2.3ThisMemorandumofCooperationmaybeamend'"),
      (f'site/{ENG_AKN}', 1, 1, 'OUT005', 'SHA-256 differs from SHA256SUMS: expected {}…, found {}…'.format(
          *_json_hashes('may be modified at any time', 'may be amended at any time', ENG_AKN)))]),
    ('a provision left out of the export', 'memorandum.json', '"id": "article-2-4"', '"id": "article-2-9"',
     [('docs/memorandum.en.md', 68, 1, 'OUT003', "'#article-2-4' is missing from memorandum.json"),
      ('docs/memorandum.ja.md', 68, 1, 'OUT003', "'#article-2-4' is missing from memorandum.json"),
      ('site/akn/jp/doc/memorandum/2025-04-28/quantum-science-technology/eng@2025-04-28/main.xml', 1, 1, 'OUT004', "/akn/jp/doc/memorandum/2025-04-28/quantum-science-technology/eng@2025-04-28/main.xml: memorandum.json maps '#article-2-9' to eId 'art_2__para_4', expected 'art_2__para_9'"),
      ('site/akn/jp/doc/memorandum/2025-04-28/quantum-science-technology/jpn@2025-04-28/main.xml', 1, 1, 'OUT004', "/akn/jp/doc/memorandum/2025-04-28/quantum-science-technology/jpn@2025-04-28/main.xml: memorandum.json maps '#article-2-9' to eId 'art_2__para_4', expected 'art_2__para_9'"),
      ('site/memorandum.json', 1, 1, 'OUT005', 'SHA-256 differs from SHA256SUMS: expected {}…, found {}…'.format(
          *_json_hashes('"id": "article-2-4"', '"id": "article-2-9"')))]),
    ('an unreadable export', 'memorandum.json', '{', '[',
     [('site/memorandum.json', 1, 1, 'OUT003', "memorandum.json is not readable: Expecting ',' delimiter: line 2 column 12 (char 13)")]),
]


@pytest.mark.parametrize("name,file,old,new,expected", SITE_FAULTS, ids=[f[0] for f in SITE_FAULTS])
def test_built_site_check_on_a_fake_site(tmp_path: Path, name, file, old, new, expected) -> None:
    out = fake_site(tmp_path)
    if file:
        target = out / file
        text = target.read_text("utf-8")
        assert old in text
        target.write_text(text.replace(old, new, 1), "utf-8")
    found = [(f.path.replace(f"{ROOT}/", ""), f.line, f.col, f.code, f.message)
             for f in built.check_site(out, ROOT / "docs", tmp_path)]
    assert found == expected


@pytest.mark.parametrize("rel,expected", [
    ("index.html", ("index.ja.md", "ja")), ("en/index.html", ("index.en.md", "en")),
    ("memorandum/index.html", ("memorandum.ja.md", "ja")), ("en/about/index.html", ("about.en.md", "en")),
    ("404.html", (None, "ja")), ("en/missing/index.html", (None, "en")),
])
def test_built_page_maps_to_its_source(rel: str, expected) -> None:
    from pathlib import PurePosixPath
    src, lang = built.source_of(PurePosixPath(rel), ROOT / "docs")
    assert (src.name if src else None, lang) == expected


def test_a_drawing_with_every_allowed_element_is_clean() -> None:
    from checks.model import active
    shapes = sorted(active.SVG_ELEMENTS - active.CONTENT_ELEMENTS - {"html", "head", "body"})
    svg = '<svg xmlns="http://www.w3.org/2000/svg">' + "".join(f"<{t} id='{t}'/>" for t in shapes) + "</svg>"
    assert list(safety.scan_asset(svg)) == []
    assert [code for _, _, code, _ in safety.scan_asset(svg.replace("<g id='g'/>", "<foreignObject/>"))] == ["SAF001"]


@pytest.mark.parametrize("html,editorial_text", [
    ('<div class="md-content__inner"><details><summary>S</summary><p>D</p></details></div>', []),
    ('<div class="md-content__inner"><div class="admonition note"><p>N</p></div></div>', []),
    ('<div class="md-content__inner"><aside class="md-source-file">Last update</aside></div>', []),
    ('<div class="md-content__inner"><a class="md-content__button" href="e">Edit</a></div>', []),
    ('<div class="md-content__inner"><script type="application/json">{"x": 1}</script></div>', []),
    ('<div class="md-content__inner"><svg><title>T</title></svg><style>p{}</style></div>', []),
    ('<div class="md-content__inner"><section><p>Outside</p></section></div>', ["Outside"]),
    ('<p>Not in the content</p>', []),
])
def test_what_counts_as_text_outside_provisions(html: str, editorial_text) -> None:
    assert output.read(html).stray == editorial_text


def test_a_character_reference_inside_a_script_is_not_text() -> None:
    assert output.read('<script type="application/json">{"a": "&para;"}</script><p>&amp;para;</p>').charrefs == ["&para;"]


def test_what_only_the_built_check_sees_fails_the_build(tmp_path: Path) -> None:
    """Hidden text in an English provision: the Markdown checks pass, the build does not."""
    from checks import relock
    project = copy_project(tmp_path)
    page = project / "docs/memorandum.en.md"
    page.write_text(page.read_text("utf-8").replace(
        "will not affect cooperative activities in progress",
        'will not affect cooperative activities in progress<span style="display:none"> but may end them</span>', 1), "utf-8")
    assert relock.main(["--docs", str(project / "docs"), "--reason-en", "Edit", "--reason-ja", "編集"]) == 0  # the edit is recorded: only the reader's view is wrong
    assert cli.run(project / "docs", root=project) == []
    result = build(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for expected in ("docs/memorandum.en.md:68:1: SAF004 on the built page en/memorandum/index.html: attribute 'style' on <span>",
                     "docs/memorandum.en.md:68:1: OUT001 on the built page en/memorandum/index.html: built text of '#article-2-4'"):
        assert expected in result.stderr


@pytest.mark.parametrize("page_lang,html,expected", [
    # A misnested end tag closes what it closes; the language in force returns to the page's.
    ("ja", "<b><i>Word</b> 本文 Other</i>", '<b><i><span lang="en">Word</span></b> 本文 <span lang="en">Other</span></i>'),
    ("ja", '<div lang="en"><p>English here</p></div><p>Next</p>', '<div lang="en"><p>English here</p></div><p><span lang="en">Next</span></p>'),
    ("ja", "<pre><code>make test</code></pre><p>Then</p>", '<pre><code>make test</code></pre><p><span lang="en">Then</span></p>'),
    ("en", "<code>第 1 条</code><p>Side</p>", '<code><span lang="ja">第 1 条</span></code><p>Side</p>'),
    ("en", '<p lang="ja">一方</p><br><p>一方</p>', '<p lang="ja">一方</p><br><p><span lang="ja">一方</span></p>'),
    ("de", "<p>Wort</p>", "<p>Wort</p>"),
])
def test_lang_follows_nesting(page_lang: str, html: str, expected: str) -> None:
    assert lang.mark(html, page_lang) == expected


verify = render("verify")


@pytest.mark.parametrize("stdout,code,stderr,expected", [
    ("[]", 0, "", []),
    ('[{"path": "docs/a.md", "line": 3, "col": 2, "code": "REF001", "message": "m"}]', 1, "",
     ["docs/a.md:3:2: REF001 m"]),
    ("", 2, "usage: nowhere is not a directory\n", ["python -m checks failed (exit 2): usage: nowhere is not a directory"]),
    ("not json", 1, "", ["python -m checks printed no findings list: Expecting value: line 1 column 1 (char 0)"]),
    ('[{"path": "x"}]', 1, "", ["python -m checks printed no findings list: Finding.__new__() missing 4 required "
                                "positional arguments: 'line', 'col', 'code', and 'message'"]),
])
def test_the_build_reports_what_the_checks_printed(stdout: str, code: int, stderr: str, expected) -> None:
    assert verify.findings_of(stdout, code, stderr) == expected


# The theme's part of a page (outside the content): what is allowed and what is not, exactly.
THEME = [
    ('<link rel="stylesheet" href="../assets/x.css"><link rel="canonical" href="https://e.org/">', []),
    ('<link rel="icon" href="javascript:alert(1)">',
     [("SAF003", "<link href='javascript:alert(1)'>: expected http(s) or relative", "javascript:alert(1)")]),
    ('<meta name="viewport" content="width=device-width"><meta charset="utf-8">', []),
    ('<meta http-equiv="refresh" content="0">',
     [("SAF001", "<meta> element: expected none that runs, embeds or is not in the allowlist", "<meta"),
      ("SAF001", "<meta http-equiv='refresh'>: expected no refresh or policy change", "http-equiv")]),
    ('<script src="../../assets/javascripts/bundle.f1.min.js"></script><script src="assets/javascripts/tables.js"></script>', []),
    ('<script src="https://cdn.example/x.js"></script>',
     [("SAF001", "<script src='https://cdn.example/x.js'>: expected only the theme's scripts", "https://cdn.example/x.js")]),
    ('<script src="javascript:assets/javascripts/bundle.js"></script>',
     [("SAF001", "<script src='javascript:assets/javascripts/bundle.js'>: expected only the theme's scripts",
       "javascript:assets/javascripts/bundle.js")]),
    ('<script type="application/ld+json">{"a": 1}</script><script id="__config" type="application/json">{}</script>', []),
    ('<script type="module">import("x")</script>',
     [("SAF001", "inline <script>: expected only the theme's own scripts", 'import("x")')]),
    ("<script>var palette=__md_get(\"__palette\")</script><script>  </script>", []),
    ('<a href="javascript:void(0)" class="md-search__icon">s</a><form name="search"><input type="text"><label>L</label></form>', []),
    ('<iframe src="https://e.org/"></iframe>',
     [("SAF001", "<iframe> element: expected none that runs, embeds or is not in the allowlist", "<iframe")]),
    ('<div class="md-content__inner"><a href="javascript:void(0)">x</a></div>',
     [("SAF003", "'javascript:' URL in href=: expected an http(s), relative or mailto link", "javascript:void(0)")]),
    ('<div class="md-content__inner"><input type="text"></div>',
     [("SAF001", "<input> element: expected none that runs, embeds or is not in the allowlist", "<input"),
      ("SAF004", "attribute 'type' on <input>: expected one of the allowlist", "type=")]),
]


@pytest.mark.parametrize("html,expected", THEME, ids=[t[0][:40] for t in THEME])
def test_the_theme_part_of_a_page(html: str, expected) -> None:
    assert [tuple(v) for v in output.read(html).unsafe] == expected


@pytest.mark.parametrize("html,expected", [
    ('<img alt="&amp;para; sign" src="x.png"><p aria-label="&amp;amp;">x</p>', ["&para;", "&amp;"]),
    ('<p title="a &amp; b">x</p>', []),
])
def test_character_references_in_what_assistive_technology_reads(html: str, expected) -> None:
    assert output.read(html).charrefs == expected


@pytest.mark.parametrize("want,got,message", [
    ("2.1 This Memorandum", "2.1 This memorandum",
     "built text of '#x' differs from the source after '2.1 This ': expected 'Memorandum', found 'memorandum'"),
    ("Short", "Short and more", "built text of '#x' differs from the source after 'Short': expected '(end)', found ' and more'"),
    ("abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyZ",
     "built text of '#x' differs from the source after 'nopqrstuvwxy': expected 'z', found 'Z'"),
])
def test_mismatch_messages(want: str, got: str, message: str) -> None:
    built_page = output.Built({"x": got}, [], [], [])
    assert [m.message for m in output.compare(built_page, {"x": want}, "en")] == [message]


@pytest.mark.parametrize("text,expected", [
    ("---\ntitle: From front matter\n---\n# Heading\n", "From front matter"),
    ("---\ntitle: '  '\n---\n# Heading { #h }\n", "Heading"),
    ("Intro\n\n## Second level\n\n# First level {: .x }\n", "First level"),
    ("<!--\n# Not a title\n-->\nText\n", "fallback"),
    ("```\n# Not a title\n```\n", "fallback"),
])
def test_page_title_as_mkdocs_takes_it(text: str, expected: str) -> None:
    from checks.model.page import Page
    assert Page(Path("about.en.md"), text, "en").title("fallback") == expected
