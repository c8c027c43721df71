""""Suggest a correction": a plain link to the issue form, filled in from the page, only with a repository."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from checks.model import document, site
from conftest import CONFIG, ROOT, build, copy_project, render

provisions = render("provisions")
FORM = ROOT / ".github/ISSUE_TEMPLATE" / provisions.FORM
REPO = "https://github.com/owner/name"


# (repository, place, language, label, current text, the link's query or None)
@pytest.mark.parametrize("repo, place, lang, label, current, expected", [
    (REPO, "#article-2-3", "en", "Article 2.3", "2.3 This Memorandum …",
     {"template": ["correction.yml"], "title": ["Correction: Article 2.3"], "place": ["#article-2-3"],
      "language": ["English (en)"], "current": ["2.3 This Memorandum …"]}),
    (REPO + ".git/", "#article-2-3", "ja", "第 2 条 2.3", "2.3 本協力覚書は、",
     {"template": ["correction.yml"], "title": ["訂正の提案：第 2 条 2.3"], "place": ["#article-2-3"],
      "language": ["日本語 (ja)"], "current": ["2.3 本協力覚書は、"]}),
    (REPO, "about.en.md", "en", "About", "", {"template": ["correction.yml"], "title": ["Correction: About"],
                                                "place": ["about.en.md"], "language": ["English (en)"]}),
    ("", "#title", "en", "Title", "x", None),
    ("https://gitlab.com/owner/name", "#title", "en", "Title", "x", None),
    ("http://github.com/owner/name", "#title", "en", "Title", "x", None),
    ("https://github.com/owner", "#title", "en", "Title", "x", None),
])
def test_the_suggestion_link_fills_the_form(repo, place, lang, label, current, expected) -> None:
    url = provisions.suggestion_url(repo, place, lang, label, current)
    if expected is None:
        assert url is None
        return
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == REPO + "/issues/new"
    assert parse_qs(parts.query) == expected


def test_a_long_text_is_cut_so_the_link_stays_short() -> None:
    url = provisions.suggestion_url(REPO, "#preamble-3", "en", "Preamble", "x" * 5000)
    assert len(url) < 2500 and parse_qs(urlsplit(url).query)["current"] == ["x" * provisions.CURRENT_MAX + "…"]


def test_the_issue_form_is_valid_and_has_every_field_the_link_fills() -> None:
    schema = json.loads(resources.files("check_jsonschema.builtin_schemas.vendor")
                        .joinpath("github-issue-forms.json").read_text("utf-8"))
    form = yaml.safe_load(FORM.read_text("utf-8"))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(form)) == []
    ids = {item.get("id") for item in form["body"]}
    url = provisions.suggestion_url(REPO, "#title", "en", "Title", "x")
    assert set(parse_qs(urlsplit(url).query)) - {"template", "title"} <= ids
    [language] = [item for item in form["body"] if item.get("id") == "language"]
    assert {t["form_language"] for t in provisions.TEXT.values()} == set(language["attributes"]["options"])
    broken = {**form, "body": [{"type": "dropdown", "id": "language", "attributes": {"label": "x"}}]}
    assert list(jsonschema.Draft7Validator(schema).iter_errors(broken))  # the schema can fail


@pytest.fixture(scope="module")
def norepo(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("norepo"))
    config = project / CONFIG
    text = config.read_text("utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("repo_url:"))
    # A repository that is not on GitHub, where the issue form lives (an empty repo_url is refused by the
    # edit links and the about page's link to the guides).
    config.write_text(text.replace(line, 'repo_url: "https://gitlab.com/owner/name"'), "utf-8")
    out = tmp_path_factory.mktemp("site-norepo")
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    return out


def test_every_provision_and_editorial_page_offers_it_on_the_built_site(site: Path) -> None:
    for lang in site_langs():
        page = site / site_prefix(lang) / "memorandum" / "index.html"
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        doc = document.load(ROOT / f"docs/memorandum.{lang}.md")
        links = {parse_qs(urlsplit(a["href"]).query)["place"][0]: a for a in soup.select("a.provision-suggest")}
        assert list(links) == [f"#{p.id}" for p in doc.provisions]
        a = links["#article-2-3"]
        assert a["aria-label"] == f"{provisions.TEXT[lang]['suggest']}: {document.label('article-2-3', lang)}"
        assert parse_qs(urlsplit(a["href"]).query)["current"] == [doc.get("article-2-3").text]
        assert a.get("rel") == ["nofollow"] and not a.get("target")
        about = BeautifulSoup((site / site_prefix(lang) / "about" / "index.html").read_text("utf-8"), "html.parser")
        [end] = about.select("article p.suggest-correction a")
        assert end.get_text(strip=True) == provisions.TEXT[lang]["suggest_page"]
        assert parse_qs(urlsplit(end["href"]).query)["place"] == [f"about.{lang}.md"]


def test_without_a_repository_on_github_there_is_no_link(norepo: Path) -> None:
    pages = list(norepo.rglob("*.html"))
    assert len(pages) >= 14
    for page in pages:
        text = page.read_text("utf-8")
        assert "provision-suggest" not in text and "suggest-correction" not in text, page


def site_langs() -> list[str]:
    return list(site.LANGS)


def site_prefix(lang: str) -> str:
    return site.PREFIX[lang]
