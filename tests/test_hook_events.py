"""Every hook event, called as the engine calls it, without a browser and without a build.

Each row calls one event of one hook with stand-ins for the engine's objects (a configuration, the files,
a page) over a copy of the real docs, and names what the event must change. An event that did nothing,
or returned nothing where it must return a page, fails its row. A test also checks that the table covers
every event every hook defines.
"""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import pytest

from checks.model import build_state, languages, site
from conftest import ROOT, docs_copy, hook

HOOKS = sorted(p.stem for p in (ROOT / "hooks").glob("*.py"))
MATERIAL = Path(__import__("material").__file__).parent / "templates"


class Config(dict):
    """The engine's configuration: a mapping with a path."""

    config_file_path = str(ROOT / site.CONFIG)


def config(tmp_path: Path, lang: str = "ja") -> Config:
    docs = tmp_path / "docs" if (tmp_path / "docs").is_dir() else docs_copy(tmp_path)
    return Config(docs_dir=str(docs), site_dir=str(tmp_path / "site"), repo_url="https://github.com/owner/name",
                  site_url="https://example.org/", extra={}, theme=_Theme(lang))


class _Theme(dict):
    def __init__(self, lang: str) -> None:
        super().__init__(language=lang)
        self.dirs = [str(MATERIAL)]


def file(docs: Path, src_uri: str, url: str = "", alternates: dict | None = None) -> SimpleNamespace:
    path = docs / src_uri
    url = url or _url(src_uri)
    return SimpleNamespace(src_uri=src_uri, abs_src_path=str(path), url=url, dest_uri=f"{url}index.html",
                           content_string=path.read_text("utf-8") if path.is_file() else "",
                           alternates=alternates or {})


def _url(src_uri: str) -> str:
    stem = site.stem(src_uri)
    lang = site.lang_of(src_uri)
    return site.PREFIX[lang] + ("" if stem == "index" else f"{stem}/")


def files(docs: Path, lang: str) -> SimpleNamespace:
    pages = [file(docs, p.name) for p in sorted(docs.glob(f"*.{lang}.md"))]
    return SimpleNamespace(documentation_pages=lambda: pages)


def page(docs: Path, src_uri: str) -> SimpleNamespace:
    f = file(docs, src_uri)
    other = site.other(site.lang_of(src_uri))
    twin = src_uri.replace(f".{site.lang_of(src_uri)}.md", f".{other}.md")
    f.alternates = {other: file(docs, twin)}
    return SimpleNamespace(file=f, url=f.url, canonical_url=f"https://example.org/{f.url}", meta={}, title="T")


def markdown(docs: Path, src_uri: str) -> str:
    text = (docs / src_uri).read_text("utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


# --- the rows: (hook, event, what it must do) ---------------------------------

def _alternates_on_config(tmp_path: Path) -> None:
    cfg = config(tmp_path, "en")
    build_state.of(cfg).sitemap["en"] = ["stale"]
    assert hook("alternates").on_config(cfg) is cfg
    assert build_state.of(cfg).sitemap["en"] == []


def _alternates_on_page_context(tmp_path: Path) -> None:
    cfg = config(tmp_path, "en")
    p = page(Path(cfg["docs_dir"]), "about.en.md")
    context = {"page": p}
    assert hook("alternates").on_page_context(context, page=p, config=cfg, nav=None) is context
    assert dict(p.meta["hreflang"])["ja"] == "https://example.org/about/" and p.meta["language_links"]
    assert build_state.of(cfg).sitemap["en"][0][0] == "https://example.org/en/about/"


def _alternates_on_post_build(tmp_path: Path) -> None:
    cfg = config(tmp_path, "en")
    build_state.of(cfg).sitemap["en"] = [("https://example.org/en/", [("en", "https://example.org/en/")])]
    hook("alternates").on_post_build(config=cfg)
    assert "<loc>https://example.org/en/</loc>" in (tmp_path / "site/en/sitemap.xml").read_text("utf-8")


def _conformance_on_post_page(tmp_path: Path) -> None:
    html = '<input type="checkbox" autocomplete="off" id="__drawer">'
    out = hook("conformance").on_post_page(html, page=None, config=config(tmp_path))
    assert out == '<input type="checkbox" id="__drawer">'


def _conformance_on_post_template(tmp_path: Path) -> None:
    html = '<input type="checkbox" autocomplete="off" id="__search">'
    out = hook("conformance").on_post_template(html, template_name="404.html", config=config(tmp_path))
    assert out == '<input type="checkbox" id="__search">'


def _crossrefs_on_files(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    fs = files(Path(cfg["docs_dir"]), "ja")
    assert hook("crossrefs").on_files(fs, config=cfg) is fs
    assert "article-2-3" in build_state.of(cfg).ids["ja"]
    build_state.of(cfg).references["ja"] = {"about.ja.md": ("x", "about/", ["article-1"])}  # a language build's second run
    hook("crossrefs").on_files(fs, config=cfg)
    assert build_state.of(cfg).references["ja"] == {}


def _crossrefs_on_page_markdown(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    build_state.of(cfg).ids["ja"] = {"article-2-3"}
    docs = Path(cfg["docs_dir"])
    p = page(docs, "about.ja.md")
    p.meta["title"] = "このサイトについて"
    out = hook("crossrefs").on_page_markdown("第 2 条 2.3 を参照。", page=p, config=cfg, files=None)
    assert out == "[第 2 条 2.3](memorandum.md#article-2-3){ .xref } を参照。"
    # what the page refers to, for the memorandum's "Referenced from" lists; the memorandum's own references are not
    hook("crossrefs").on_page_markdown("第 2 条 2.1 を参照。", page=page(docs, "memorandum.ja.md"), config=cfg, files=None)
    build_state.of(cfg).indexes.add("glossary.ja.md")  # the glossary, which lists where each term is defined
    hook("crossrefs").on_page_markdown("第 2 条 2.2 を参照。", page=page(docs, "glossary.ja.md"), config=cfg, files=None)
    assert build_state.of(cfg).references["ja"] == {"about.ja.md": ("このサイトについて", p.file.url, ["article-2-3"])}


def _exports_on_page_context(tmp_path: Path) -> None:
    cfg = config(tmp_path, "en")
    p = page(Path(cfg["docs_dir"]), "memorandum.en.md")
    hook("exports").on_page_context({}, page=p, config=cfg, nav=None)
    assert json.loads(p.meta["jsonld"])["@type"] == "Legislation"
    assert p.meta["feed"] == {"href": "../changes.atom", "title": "What changed (Atom feed)", "type": "application/atom+xml"}
    other = page(Path(cfg["docs_dir"]), "about.en.md")
    hook("exports").on_page_context({}, page=other, config=cfg, nav=None)
    assert "feed" in other.meta and "jsonld" not in other.meta  # every page links the feed; only the memorandum has JSON-LD


def _exports_on_pre_build(tmp_path: Path) -> None:
    cfg = config(tmp_path, "en")
    hook("exports").on_pre_build(config=cfg)
    assert build_state.of(cfg).started == {"en"}


def _exports_on_post_build(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    cfg["site_author"] = "The site"
    mod = hook("exports")
    for lang in site.LANGS:
        cfg["theme"]["language"] = lang
        mod.on_pre_build(config=cfg)
    pdf = site.pdf_name(site.DEFAULT_LANG)
    shown = tmp_path / "site" / "verify" / "index.html"  # a page that lists the PDF's SHA-256, as its stand-in
    shown.parent.mkdir(parents=True)
    shown.write_text(f"<td><code>{site.stand_in(pdf)}</code></td>", "utf-8")
    build_state.of(cfg).stand_ins.add("verify/index.html")
    mod.on_post_build(config=cfg)  # the other language's, inside the default language's: not the run's last
    assert not (tmp_path / "site" / site.JSON_NAME).exists()
    mod.on_post_build(config=cfg)
    assert (tmp_path / "site" / site.JSON_NAME).is_file() and (tmp_path / "site" / site.SUMS_NAME).is_file()
    for lang in site.LANGS:  # each language's feed, its ids on the configured site
        text = (tmp_path / "site" / site.PREFIX[lang] / site.FEED_NAME).read_text("utf-8")
        assert f"<id>https://example.org/{site.PREFIX[lang]}changes.atom</id>" in text and "<name>The site</name>" in text
    assert (tmp_path / "site" / "versions/en/2026-11-26.json").is_file()
    digest = hashlib.sha256((tmp_path / "site" / pdf).read_bytes()).hexdigest()
    assert shown.read_text("utf-8") == f"<td><code>{digest}</code></td>"


def _facts_on_config(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    assert hook("facts").on_config(cfg) is cfg
    facts = build_state.of(cfg).facts
    assert facts["signed"]["place"]["ja"] and facts["repo_url"] == cfg["repo_url"]
    from checks.export import printed
    printed.stop()  # the PDFs the event started: not needed here


def _facts_on_page_markdown(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    from checks.model import metadata
    build_state.of(cfg).facts.update(metadata.load(metadata.path_in(cfg["docs_dir"])))
    p = page(Path(cfg["docs_dir"]), "index.ja.md")
    p.meta["description"] = "{{ signed_date }}"
    out = hook("facts").on_page_markdown("{{ signed_place }}", page=p, config=cfg, files=None)
    assert out == "英国ロンドン" and p.meta["description"] == "2025 年 4 月 28 日"
    assert build_state.of(cfg).stand_ins == set()
    # The PDFs' SHA-256 show as stand-ins, and the page is named for the build to fill them in (hooks/exports.py).
    from checks.export import publish
    build_state.of(cfg).facts["checksums"] = publish.Checksums(cfg["docs_dir"])
    listed = page(Path(cfg["docs_dir"]), "verify.ja.md")
    out = hook("facts").on_page_markdown("{{ checksums }}", page=listed, config=cfg, files=None)
    assert all(site.stand_in(site.pdf_name(lang)) in out for lang in site.LANGS)
    assert build_state.of(cfg).stand_ins == {"verify/index.html"}


def _glossary_on_page_markdown(tmp_path: Path) -> None:
    cfg = config(tmp_path, "en")
    p = page(Path(cfg["docs_dir"]), "glossary.en.md")
    mod = hook("glossary")
    out = mod.on_page_markdown(f"# Glossary\n\n{mod.MARKER}\n", page=p, config=cfg, files=None)
    assert mod.MARKER not in out and "{ #term-side }" in out
    assert build_state.of(cfg).indexes == {"glossary.en.md"}  # an index of the text: in no "Referenced from" list


def _changes_on_page_content(tmp_path: Path) -> None:
    cfg = config(tmp_path, "en")
    p = page(Path(cfg["docs_dir"]), "changes.en.md")
    mod = hook("changes")
    out = mod.on_page_content(f"<h1>What changed</h1>\n{mod.MARKER}\n", page=p, config=cfg, files=None)
    assert mod.MARKER not in out and 'id="en-2026-11-26-article-2-3"' in out and "<del>" in out
    assert mod.on_page_content("<p>x</p>", page=p, config=cfg, files=None) is None


def _dated_on_post_build(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    built = tmp_path / "site"
    for lang in site.LANGS:  # the memorandum pages as the build wrote them: a heading and one provision
        page_dir = built / site.PREFIX[lang] / site.MEMORANDUM
        page_dir.mkdir(parents=True)
        (page_dir / "index.html").write_text(
            '<!doctype html><html><head><title>T - S</title><link rel="canonical" href="x"></head><body>'
            '<h1 id="title">T</h1><p id="article-2-3">now <span class="provision-tools">'
            '<button class="provision-cite" data-clipboard-text="c">c</button></span></p></body></html>', "utf-8")
    hook("dated").on_post_build(config=cfg)
    old = (built / "en/memorandum/2026-11-25/index.html").read_text("utf-8")
    assert "version-notice" in old and "now" not in old and '<meta name="robots" content="noindex">' in old
    assert (built / "memorandum/2025-04-28/index.html").is_file()


def _lang_on_config(tmp_path: Path) -> None:
    for lang in site.LANGS:
        cfg = config(tmp_path, lang)
        cfg["mdx_configs"] = {"toc": {"permalink": True}}
        assert hook("lang").on_config(cfg) is cfg
        assert cfg["mdx_configs"]["toc"]["permalink_title"] == languages.profile(lang).ui["headings"]["permalink"]
    cfg = config(tmp_path, site.TRANSLATION)
    cfg["mdx_configs"] = {"toc": {"permalink": False}, "tables": {}}  # no permalinks: nothing to title
    hook("lang").on_config(cfg)
    assert cfg["mdx_configs"] == {"toc": {"permalink": False}, "tables": {}}


def _lang_on_page_content(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    p = page(Path(cfg["docs_dir"]), "index.ja.md")
    out = hook("lang").on_page_content("<p>協力覚書（Memorandum of Cooperation）</p>", page=p, config=cfg, files=None)
    assert out == '<p>協力覚書（<span lang="en">Memorandum of Cooperation</span>）</p>'


def _lang_on_template_context(tmp_path: Path) -> None:
    context: dict[str, Any] = {}
    assert hook("lang").on_template_context(context, template_name="404.html", config=config(tmp_path)) is context
    assert '<section lang="ja">' in context["not_found"] and '<a href="/en/memorandum/">' in context["not_found"]
    other: dict[str, Any] = {}
    hook("lang").on_template_context(other, template_name="sitemap.xml", config=config(tmp_path))
    assert other == {}


def _lang_on_post_template(tmp_path: Path) -> None:
    mod = hook("lang")
    assert mod.on_post_template("<p>x</p>", template_name="404.html", config=config(tmp_path, site.TRANSLATION)) == ""
    assert mod.on_post_template("<p>x</p>", template_name="404.html", config=config(tmp_path)) == "<p>x</p>"
    assert mod.on_post_template("<url/>", template_name="sitemap.xml", config=config(tmp_path, site.TRANSLATION)) == "<url/>"


def _parallel_on_page_content(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    p = page(Path(cfg["docs_dir"]), "parallel.ja.md")
    mod = hook("parallel")
    out = mod.on_page_content(f"<h1>対訳</h1>\n{mod.MARKER}\n", page=p, config=cfg, files=None)
    assert mod.MARKER not in out and 'id="article-2-3"' in out


def _provisions_on_page_content(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    docs = Path(cfg["docs_dir"])
    p = page(docs, "memorandum.ja.md")
    out = hook("provisions").on_page_content('<p id="article-2-3">2.3 本協力覚書は</p>', page=p, config=cfg,
                                             files=files(docs, "ja"))
    assert 'class="provision-tools"' in out and 'class="provision-cite"' in out and "provision-suggest" in out
    assert "<!-- referenced-from article-2-3 -->" in out  # the place of its "Referenced from" list


def _provisions_on_post_page(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    docs = Path(cfg["docs_dir"])
    build_state.of(cfg).references["ja"] = {"about.ja.md": ("DSIT について", "about/", ["article-2-3"])}
    written = ('<p id="article-2-3">2.3 <span class="provision-tools"><!-- referenced-from article-2-3 --></span></p>'
               '<p id="article-2-4">2.4 <span class="provision-tools"><!-- referenced-from article-2-4 --></span></p>')
    out = hook("provisions").on_post_page(written, page=page(docs, "memorandum.ja.md"), config=cfg)
    assert out == ('<p id="article-2-3">2.3 <span class="provision-tools"><span class="referenced-from">参照元: '
                   '<a href="../about/"><span lang="en">DSIT</span> について</a></span></span></p>'
                   '<p id="article-2-4">2.4 <span class="provision-tools"></span></p>')
    assert hook("provisions").on_post_page(written, page=page(docs, "about.ja.md"), config=cfg) is None


def _search_on_config(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    assert hook("search").on_config(cfg) is cfg
    assert cfg["extra"]["search_worker"]["site"].startswith("search.")


def _search_on_post_build(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    mod = hook("search")
    mod.on_config(cfg)
    index = {"config": {"lang": ["ja", "en"], "separator": "x", "pipeline": []},
             "docs": [{"location": "memorandum/", "title": "本文", "text": "x"},
                      {"location": "en/memorandum/", "title": "Text", "text": "y"}]}
    workers = tmp_path / "site" / mod.WORKERS
    workers.mkdir(parents=True)
    shutil.copy2(mod.material_worker([str(MATERIAL)]), workers)
    (tmp_path / "site/search/search_index.json").parent.mkdir(parents=True)
    (tmp_path / "site/search/search_index.json").write_text(json.dumps(index), "utf-8")
    mod.on_post_build(config=cfg)
    en = json.loads((tmp_path / "site/en/search/search_index.json").read_text("utf-8"))
    assert "memorandum/#article-2-3" in [d["location"] for d in en["docs"]]
    assert (workers / cfg["extra"]["search_worker"]["site"]).is_file()


def _terms_on_files(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    fs = files(Path(cfg["docs_dir"]), "ja")
    assert hook("terms").on_files(fs, config=cfg) is fs
    assert build_state.of(cfg).targets["ja"]


def _terms_on_page_markdown(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    mod = hook("terms")
    mod.on_files(files(Path(cfg["docs_dir"]), "ja"), config=cfg)
    p = page(Path(cfg["docs_dir"]), "memorandum.ja.md")
    out = mod.on_page_markdown("本協定に基づき\n{: #preamble-4 }\n", page=p, config=cfg, files=None)
    assert out is not None and "glossary.md#term-agreement" in out


def _verify_on_pre_build(tmp_path: Path) -> None:
    cfg = config(tmp_path)
    hook("verify").on_pre_build(config=cfg)
    state = build_state.of(cfg)
    assert state.started == {"ja"} and state.checks is not None and state.pdf_reader is not None
    state.checks.kill()
    state.checks.communicate()
    state.pdf_reader.close()


def _verify_on_post_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cfg = config(tmp_path)
    mod = hook("verify")
    for lang in site.LANGS:
        cfg["theme"]["language"] = lang
        mod.on_pre_build(config=cfg)
    (tmp_path / "site").mkdir()
    for _ in site.LANGS:
        mod.on_post_build(config=cfg)
    state = build_state.of(cfg)
    assert state.read and state.checks is None and state.post_builds["verify"] == len(site.LANGS) and state.pdf_reader is None


def _templates_on_env(tmp_path: Path) -> None:
    import jinja2
    cfg = config(tmp_path)

    def compiled_again(*args, **kwargs):
        raise AssertionError("compiled again")
    with pytest.MonkeyPatch.context() as mp:  # keeping on (the tests' own process computes afresh), in tmp_path
        mp.setenv("MEMORANDUM_KEPT", "on")
        mp.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        for run in range(2):  # the next build's environment loads what the first compiled
            env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(MATERIAL)))
            assert hook("templates").on_env(env, config=cfg, files=None) is env
            if run:
                env.compile = compiled_again
            env.get_template("main.html")
    assert [p.name.startswith("__jinja2_") for p in (tmp_path / "cache/japan-uk-quantum-moc/kept/templates").iterdir()] == [True]


EVENTS: dict[tuple[str, str], Callable[..., None]] = {
    ("alternates", "on_config"): _alternates_on_config,
    ("alternates", "on_page_context"): _alternates_on_page_context,
    ("alternates", "on_post_build"): _alternates_on_post_build,
    ("changes", "on_page_content"): _changes_on_page_content,
    ("conformance", "on_post_page"): _conformance_on_post_page,
    ("conformance", "on_post_template"): _conformance_on_post_template,
    ("crossrefs", "on_files"): _crossrefs_on_files,
    ("crossrefs", "on_page_markdown"): _crossrefs_on_page_markdown,
    ("exports", "on_page_context"): _exports_on_page_context,
    ("exports", "on_pre_build"): _exports_on_pre_build,
    ("exports", "on_post_build"): _exports_on_post_build,
    ("facts", "on_config"): _facts_on_config,
    ("facts", "on_page_markdown"): _facts_on_page_markdown,
    ("glossary", "on_page_markdown"): _glossary_on_page_markdown,
    ("lang", "on_config"): _lang_on_config,
    ("lang", "on_page_content"): _lang_on_page_content,
    ("lang", "on_template_context"): _lang_on_template_context,
    ("lang", "on_post_template"): _lang_on_post_template,
    ("parallel", "on_page_content"): _parallel_on_page_content,
    ("provisions", "on_page_content"): _provisions_on_page_content,
    ("provisions", "on_post_page"): _provisions_on_post_page,
    ("search", "on_config"): _search_on_config,
    ("search", "on_post_build"): _search_on_post_build,
    ("templates", "on_env"): _templates_on_env,
    ("terms", "on_files"): _terms_on_files,
    ("terms", "on_page_markdown"): _terms_on_page_markdown,
    ("verify", "on_pre_build"): _verify_on_pre_build,
    ("dated", "on_post_build"): _dated_on_post_build,
    ("verify", "on_post_build"): _verify_on_post_build,
}


def events_defined() -> set[tuple[str, str]]:
    out = set()
    for name in HOOKS:
        tree = ast.parse((ROOT / "hooks" / f"{name}.py").read_text("utf-8"))
        out |= {(name, n.name) for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_")}
    return out


def test_every_event_of_every_hook_has_a_row() -> None:
    assert set(EVENTS) == events_defined()


@pytest.mark.parametrize("key", sorted(EVENTS), ids=[f"{h}.{e}" for h, e in sorted(EVENTS)])
def test_the_event_does_its_job(key: tuple[str, str], tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    run = EVENTS[key]
    args: dict[str, Any] = {"caplog": caplog} if "caplog" in run.__code__.co_varnames[:run.__code__.co_argcount] else {}
    run(tmp_path, **args)


@pytest.mark.parametrize("key", [("lang", "on_page_content"), ("conformance", "on_post_page"),
                                 ("crossrefs", "on_page_markdown"), ("provisions", "on_post_page"),
                                 ("templates", "on_env")])
def test_an_event_that_does_nothing_fails_its_row(key: tuple[str, str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows can fail: with the event replaced by one that changes nothing, its row fails."""
    name, event = key
    module = hook(name)
    real_hook = hook

    def unchanged(*args, **kwargs):
        return args[0] if args else kwargs.get("files")

    def patched(n: str):
        m = real_hook(n)
        if n == name:
            setattr(m, event, unchanged)
        return m

    monkeypatch.setitem(globals(), "hook", patched)
    assert module is not None
    with pytest.raises(AssertionError):
        EVENTS[key](tmp_path)


def test_an_on_config_that_reads_the_language_runs_after_the_i18n_plugin_sets_it() -> None:
    """mkdocs-static-i18n sets each build's language in its own on_config (priority -100): a hook's
    on_config that reads ``theme.language`` earlier reads the language of the build before."""
    import inspect
    i18n = __import__("mkdocs_static_i18n.plugin", fromlist=["I18n"])
    plugin_priority = next(getattr(fn, "mkdocs_priority") for name, fn in inspect.getmembers(i18n.I18n)
                           if name == "on_config")
    early = []
    for name in HOOKS:
        fn = getattr(hook(name), "on_config", None)
        if fn is not None and '"language"' in inspect.getsource(fn):
            if getattr(fn, "mkdocs_priority", 0) >= plugin_priority:
                early.append(name)
    assert plugin_priority == -100 and early == []


# Whether the PDFs' metadata reader starts with the build: (this run renders new PDFs, results are
# kept between builds; whether its process starts at once). A rebuild with kept PDFs starts none.
READER_START = [
    (True, True, True),
    (True, False, True),
    (False, False, True),
    (False, True, False),
]


@pytest.mark.parametrize("rendering, keeping, eager", READER_START)
def test_the_pdf_reader_starts_with_the_build_only_when_its_readings_are_new(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rendering: bool, keeping: bool, eager: bool) -> None:
    monkeypatch.setenv("MEMORANDUM_KEPT", "on" if keeping else "off")
    cfg = config(tmp_path)
    state = build_state.of(cfg)
    state.rendering = rendering
    hook("verify").on_pre_build(config=cfg)
    state.checks.kill()
    state.checks.communicate()
    try:
        assert (state.pdf_reader.started, state.pdf_reader.proc is not None) == (eager, eager)
    finally:
        state.pdf_reader.close()


def test_the_facts_config_records_that_any_language_renders_pdfs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each language's on_config asks for the PDFs; the run renders when any answer says so (the first
    language's starts the render; the second finds it under way or kept)."""
    mod = hook("facts")
    answers = iter([True, False])
    monkeypatch.setattr(mod.publish, "prepare", lambda docs: next(answers))
    cfg = config(tmp_path)
    for lang in site.LANGS:
        cfg["theme"]["language"] = lang
        mod.on_config(cfg)
        assert build_state.of(cfg).rendering is True
    fresh = config(tmp_path / "other")
    monkeypatch.setattr(mod.publish, "prepare", lambda docs: False)
    mod.on_config(fresh)
    assert build_state.of(fresh).rendering is False
