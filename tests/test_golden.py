"""What the hooks and exports generate, compared whole with reviewed copies (golden files).

Each pure function that writes part of a page or an export is run on the
real metadata and memorandum and compared, character for character, with
``tests/fixtures/golden/<name>``. A deliberate change regenerates them:
``UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``, then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checks.export import publish
from checks.model import accessibility, document, metadata, site
from checks.render import placeholders
from conftest import ROOT, render

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
FACTS = metadata.load(ROOT / "docs/_data/memorandum.yml")
DOCS = {lang: document.load(ROOT / f"docs/memorandum.{lang}.md") for lang in site.LANGS}


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    assert path.exists(), f"no golden file {path}: run with UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text("utf-8")


@pytest.mark.parametrize("lang", site.LANGS)
def test_every_placeholder(lang: str) -> None:
    report = accessibility.load(accessibility.path_in(ROOT / "docs"))
    # One criterion more, with a '|' to escape and a result the report's words do not know.
    report = {**report, "criteria": [*report["criteria"], {"id": "9.9.9", "level": "A", "ja": "縦線 | 付き",
                                                          "en": "With | bar", "method": "manual", "result": "odd"}]}
    facts = {**FACTS, "repo_url": "https://example.org/owner/repo/", "translation_checked": "2026-11-26",
             "accessibility": report, "checksums": {"memorandum.json": "ab" * 32, "en/memorandum.en.pdf": "cd" * 32}}
    out = "\n\n".join(f"## {name}\n\n{placeholders.render(name, facts, lang)}" for name in sorted(placeholders.NAMES))
    golden(f"placeholders.{lang}.md", out + "\n")


@pytest.mark.parametrize("lang", site.LANGS)
def test_glossary(lang: str) -> None:
    glossary = render("glossary")
    golden(f"glossary.{lang}.md", glossary.render(FACTS, DOCS[lang], lang) + "\n")


@pytest.mark.parametrize("lang", site.LANGS)
def test_search_entries(lang: str) -> None:
    search = render("search")
    entries = search.provision_entries(DOCS[lang], lang, FACTS.get("search_synonyms") or [])
    golden(f"search-entries.{lang}.json", json.dumps(entries, ensure_ascii=False, indent=1) + "\n")


def test_search_index_rewrite() -> None:
    search = render("search")
    index = {"config": {"lang": ["ja"]}, "docs": [
        {"location": "", "title": "Home", "text": "x"},
        {"location": "memorandum/", "title": "本文", "text": "y"},
        {"location": "memorandum/#article-2", "title": "第 2 条", "text": "z"},
        {"location": "en/memorandum/", "title": "Text", "text": "y"},
        {"location": "en/memorandum/#article-2", "title": "Article 2", "text": "z"},
        {"location": "en/about/", "title": "About", "text": "w"},
    ]}
    rewritten = search.rewrite(index, DOCS, FACTS.get("search_synonyms") or [])
    split = {lang: search.only(rewritten, lang) for lang in site.LANGS}
    golden("search-index.json", json.dumps(split, ensure_ascii=False, indent=1) + "\n")


def test_memorandum_json_export() -> None:
    from checks.model import versions
    history = versions.read(ROOT / "docs/_data/versions.yml")
    golden("memorandum.json", json.dumps(publish.export(FACTS, DOCS["ja"], DOCS["en"], history), ensure_ascii=False,
                                         indent=1) + "\n")


@pytest.mark.parametrize("lang", site.LANGS)
def test_json_ld(lang: str) -> None:
    exports = render("exports")
    node = exports.legislation(FACTS, lang, f"https://e.org/{site.PREFIX[lang]}memorandum/", "https://e.org/other/")
    golden(f"legislation.{lang}.json", json.dumps(node, ensure_ascii=False, indent=1) + "\n")


@pytest.mark.parametrize("lang", site.LANGS)
def test_parallel_rows(lang: str) -> None:
    parallel = render("parallel")
    golden(f"parallel.{lang}.html", parallel.rows(DOCS["ja"], DOCS["en"], lang) + "\n")


@pytest.mark.parametrize("lang", site.LANGS)
def test_provision_tools(lang: str) -> None:
    provisions = render("provisions")
    backlinks = [("index.md", "Home"), ("sub/about.md", "About <this>")]
    from checks.export.cite import Citations
    cite = Citations(FACTS, lang, "2026-11-30", f"https://e.org/{site.PREFIX[lang]}memorandum/2026-11-30/")
    out = "\n".join(provisions.tools(pid, lang, f"{site.PREFIX[lang]}memorandum/", cite(pid),
                                     backlinks if pid == "article-2-1" else [],
                                     history="../changes/#x" if pid == "article-2-1" else None)
                    for pid in ("title", "preamble-3", "article-2-1", "signatory-2"))
    golden(f"tools.{lang}.html", out + "\n")


@pytest.mark.parametrize("lang", site.LANGS)
def test_term_targets_and_links(lang: str) -> None:
    terms = render("terms")
    found = terms.targets(FACTS, lang)
    text = "\n\n".join(p.text for p in DOCS[lang].provisions if p.kind not in document.HEADING_KINDS)
    out = "\n".join(f"{p.pattern} -> {a} | {t}" for p, a, t in found) + "\n\n" + \
        terms.link_terms(text, found, "../glossary.md", f"memorandum.{lang}.md", lang)
    golden(f"terms.{lang}.md", out + "\n")


def test_alternates_and_sitemap() -> None:
    alternates = render("alternates")
    links = alternates.alternates("https://e.org/site", "en/about/", "en", {"ja": "about/", "en": "en/about/"})
    xml = alternates.sitemap([("https://e.org/site/en/about/", [link for link in links if link[0] != "x-default"]),
                              ("https://e.org/site/en/?a=<b>&c", [("en", "https://e.org/site/en/?a=<b>&c")])])
    golden("alternates.txt", json.dumps(links) + "\n" + xml)


def test_conformance_removes_autocomplete_from_checkboxes_only() -> None:
    conformance = render("conformance")
    html = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" name="query" autocomplete="off" class="md-search__input">'
            '<input autocomplete="off" type="checkbox" id="__search">')
    assert conformance.valid(html) == ('<input class="md-toggle" type="checkbox" id="__drawer">'
                                       '<input type="text" name="query" autocomplete="off" class="md-search__input">'
                                       '<input type="checkbox" id="__search">')


@pytest.mark.parametrize("lang", site.LANGS)
def test_lang_marks_the_glossary(lang: str) -> None:
    """The other-language runs of a real generated page, marked by the lang hook."""
    import markdown
    lang_hook, glossary = render("lang"), render("glossary")
    html = markdown.markdown(glossary.render(FACTS, DOCS[lang], lang), extensions=["attr_list", "def_list", "md_in_html"])
    golden(f"lang.{lang}.html", lang_hook.mark(html, lang) + "\n")


@pytest.mark.parametrize("lang", site.LANGS)
def test_labels(lang: str) -> None:
    ids = [p.id for p in DOCS["ja"].provisions] + ["article-3-intro", "unknown-id"]
    golden(f"labels.{lang}.txt", "\n".join(f"{i}: {document.label(i, lang)}" for i in ids) + "\n")


def test_cli_help_and_json_output(tmp_path: Path, capsys) -> None:
    from checks import cli
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    help_text = capsys.readouterr().out
    docs = tmp_path / "docs"
    import shutil
    shutil.copytree(ROOT / "docs", docs)
    (docs / "extra.ja.md").write_text("# 追加\n", "utf-8")
    (docs / "more.en.md").write_text("# More\n", "utf-8")
    cli.main([str(docs), "--format", "json"])
    as_json = capsys.readouterr().out.replace(str(tmp_path), "TMP")
    other = tmp_path / "other"
    shutil.copytree(ROOT / "docs", other)
    cli.main([str(docs), str(other)])
    summary = capsys.readouterr().err.replace(str(tmp_path), "TMP")
    golden("cli.txt", help_text + "\n" + as_json + "\n" + summary)


@pytest.mark.parametrize("n,lang,expected", [
    (0, "en", "zero"), (1, "en", "one"), (2, "en", "two"), (12, "en", "twelve"), (13, "en", "13"), (2, "ja", "2"),
])
def test_counts_in_words(n: int, lang: str, expected: str) -> None:
    facts = {**FACTS, "signed": {**FACTS["signed"], "originals": n}}
    assert placeholders.render("originals_words", facts, lang) == expected


def test_table_cells_escape_the_pipe_and_an_unknown_lock_date_is_a_dash() -> None:
    facts = {**FACTS, "parties": FACTS["parties"], "defined_terms": [{**FACTS["defined_terms"][0], "ja": "a|b"}]}
    assert "| a\\|b |" in placeholders.render("terms", facts, "ja")
    assert placeholders.render("translation_checked", {**FACTS, "translation_checked": None}, "en") == "—"
    assert placeholders.render("timeline", {k: v for k, v in FACTS.items() if k != "events"}, "en").count("\n") == 4


def test_mutation_report_counts_only_what_was_tested() -> None:
    from bench import mutation, report
    text = "\n".join([
        "    checks.a.x_f__mutmut_1: killed", "    checks.a.x_f__mutmut_2: survived", "    checks.a.x_f__mutmut_3: no tests",
        "    checks.b.xǁCǁm__mutmut_1: killed", "    checks.b.xǁCǁm__mutmut_2: timeout", "    checks.b.xǁCǁm__mutmut_3: not checked",
        "noise line"])
    data = mutation.parse(text)
    assert data["overall"] == {"total": 6, "tested": 5, "killed": 2, "survived": 1, "no_tests": 1, "timeout": 1,
                               "not_checked": 1, "score": 0.4}
    assert data["modules"]["checks.b"]["score"] == 0.5
    lines = report.mutation({**data, "date": "D"})
    assert lines[2].startswith("Run D. 2 of 5 mutants tested were killed: score **40.0%** (goal: at least 85%: NOT met)")
    assert "| `checks.a` | 3 | 3 | 1 | 1 | 1 | 33% |" in lines


@pytest.mark.parametrize("lang", site.LANGS)
def test_akoma_ntoso(lang: str) -> None:
    from checks.export import akn
    golden(f"akn.{lang}.xml", akn.document_xml(FACTS, DOCS[lang], lang, "2026-01-01").decode())


@pytest.mark.parametrize("url,expected", [
    ("https://github.com/owner/name", "owner/name"), ("https://github.com/owner/name/", "owner/name"),
    ("https://github.com/owner/name.git", "owner/name"), ("https://github.com/owner/", "OWNER/REPOSITORY"),
    ("https://github.com/owner/name/tree/main", "OWNER/REPOSITORY"), ("", "OWNER/REPOSITORY"), (None, "OWNER/REPOSITORY"),
])
def test_the_repository_for_gh_attestation_verify(url, expected: str) -> None:
    assert placeholders._repository({"repo_url": url}) == expected


@pytest.mark.parametrize("lang", site.LANGS)
def test_printable_html(lang: str) -> None:
    from checks.export import printed
    golden(f"printed.{lang}.html", printed.html_of(FACTS, DOCS[lang], lang))


@pytest.mark.parametrize("lang", site.LANGS)
def test_changes_page(lang: str) -> None:
    from checks.model import versions
    history = versions.read(ROOT / "docs/_data/versions.yml")
    current = {code: {p.id: p.text for p in DOCS[code].provisions} for code in site.LANGS}
    golden(f"changes.{lang}.html", render("changes").render(history, current, lang) + "\n")


@pytest.mark.parametrize("lang", site.LANGS)
def test_feed(lang: str) -> None:
    from checks.export import feed
    from checks.model import versions
    history = versions.read(ROOT / "docs/_data/versions.yml")
    golden(f"feed.{lang}.atom", feed.atom(history, lang, "https://e.org/", "MoC", "The site").decode())
