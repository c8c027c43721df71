"""The contributor workflow: CI workflow, pre-commit, prose linting, guides, edit links."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from checks.model import site
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
# The Japanese prose the project writes: never the signed memorandum text.
def _prose(lang: str) -> list[str]:
    """Every page of one language the project writes: all but the memorandum's text."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob(f"*.{lang}.md")
                  if not site.is_memorandum(p.name))


JA_PROSE = _prose("ja") + ["CONTRIBUTING.ja.md"]
# The English prose the project writes (the reference translation aside).
EN_PROSE = _prose("en") + ["CONTRIBUTING.md", "README.md"]
TEXTLINT = ROOT / "node_modules/.bin/textlint"


def load(path: Path) -> dict:
    return yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)  # "on" stays a string key


def test_there_is_a_workflow() -> None:
    assert WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version(path: Path) -> None:
    lines = [l for l in path.read_text("utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", l)]
    assert lines
    for line in lines:
        assert re.search(r"uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_permissions_are_least_privilege(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        writes = {k for k, v in (job.get("permissions") or {}).items() if v == "write"}
        if name == "deploy":
            assert writes == {"pages", "id-token", "attestations"}
            assert "refs/heads/main" in job["if"] and "push" in job["if"]
        elif (path.name, name) == ("review-comment.yml", "comment"):
            # It writes the one review comment, after the Review run, from the default branch's code.
            assert writes == {"pull-requests"} and "workflow_run" in job["if"]
            assert "pull_request_target" not in path.read_text("utf-8")
        else:
            assert writes == set(), name
    assert "secrets." not in path.read_text("utf-8")


def test_workflow_runs_what_ci_runs() -> None:
    workflow = load(ROOT / ".github/workflows/ci.yml")
    assert set(workflow["on"]) >= {"pull_request", "push"}
    runs = [s.get("run", "") for s in workflow["jobs"]["test"]["steps"]]
    assert any(re.search(r"(^|\s)bash \.ci/run\b", r) for r in runs)
    assert "make annotations" in runs and "--format github" in (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^make test$", (ROOT / ".ci/run").read_text("utf-8"), re.MULTILINE)
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "make test" in readme and "make serve" in readme
    deploy = [s.get("uses", "") for s in workflow["jobs"]["deploy"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in deploy)
    assert any(u.startswith("actions/deploy-pages@") for u in deploy)


def test_pre_commit_runs_the_checks_and_yaml_hygiene() -> None:
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["memorandum-checks"]["entry"] == "python -m checks"
    assert "--unsafe" in hooks["check-yaml"]["args"]
    assert re.fullmatch(hooks["textlint-japanese"]["files"], "docs/about.ja.md")
    assert not re.fullmatch(hooks["textlint-japanese"]["files"], "docs/memorandum.ja.md")
    hook_defs = load(ROOT / ".pre-commit-hooks.yaml")
    assert hook_defs[0]["entry"] == "python -m checks"


def test_codeowners_cover_the_text_and_the_metadata() -> None:
    owners = (ROOT / ".github/CODEOWNERS").read_text("utf-8")
    for path in ("/docs/memorandum.ja.md", "/docs/memorandum.en.md", "/docs/_data/"):
        assert re.search(rf"^{re.escape(path)}\s+@", owners, re.MULTILINE), path
    template = (ROOT / ".github/pull_request_template.md").read_text("utf-8")
    assert template.count("- [ ]") >= 5 and "make test" in template


def test_contributing_guides_explain_every_check_code() -> None:
    from checks.codes import CODES
    codes = set(CODES)  # the registry, held to the modules by tests/test_codes.py
    assert len(codes) >= 25
    english = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    assert sorted(c for c in codes if c not in english) == []
    japanese = (ROOT / "CONTRIBUTING.ja.md").read_text("utf-8")
    assert sorted(p for p in {c[:3] for c in codes} if p not in japanese) == []


def _textlint(*files: str, config: str = ".textlintrc.json") -> subprocess.CompletedProcess[str]:
    if not TEXTLINT.exists():
        pytest.fail(f"textlint not found at {TEXTLINT}: run `make test` (npm ci) first", pytrace=False)
    return subprocess.run([str(TEXTLINT), "--config", str(ROOT / config), "--format", "unix", *files],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_japanese_prose_passes_textlint() -> None:
    # Every Japanese page but the signed text is linted, and never the signed text.
    assert len(_prose("ja")) == len(list((ROOT / "docs").glob("*.ja.md"))) - 1
    result = _textlint(*JA_PROSE)
    assert result.returncode == 0, result.stdout[-3000:]


def test_textlint_catches_bad_japanese_prose(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ja.md"
    bad.write_text("# 見出し\n\nこれは問題です!!\n\nこの文は、とても、とても、とても、とても、読みにくい、です。\n", "utf-8")
    result = _textlint(str(bad))
    assert result.returncode == 1
    assert "no-exclamation-question-mark" in result.stdout


@pytest.mark.parametrize("page,source", [
    ("memorandum/index.html", "docs/memorandum.ja.md"), ("en/about/index.html", "docs/about.en.md"),
])
def test_edit_link_and_last_changed_date(site: Path, page: str, source: str) -> None:
    html = BeautifulSoup((site / page).read_text("utf-8"), "html.parser")
    edit = html.select_one("a.md-content__button[href]")
    assert edit is not None and edit["href"].endswith(f"/edit/main/{source}")
    date = html.select_one(".git-revision-date-localized-plugin-date")
    assert date is not None and re.search(r"\d{4}", date.get_text())


def test_english_prose_passes_textlint() -> None:
    assert len(_prose("en")) == len(list((ROOT / "docs").glob("*.en.md"))) - 1
    result = _textlint(*EN_PROSE, config=".textlintrc.en.json")
    assert result.returncode == 0, result.stdout[-3000:]


def test_textlint_catches_bad_english_prose(tmp_path: Path) -> None:
    bad = tmp_path / "bad.en.md"
    bad.write_text("# Title\n\nThe site uses Javascript and is very, very obviously simple.\n", "utf-8")
    result = _textlint(str(bad), config=".textlintrc.en.json")
    assert result.returncode == 1
    assert "terminology" in result.stdout and "write-good" in result.stdout


def test_every_code_has_an_example_finding_in_both_guides() -> None:
    from checks.codes import CODES
    codes = set(CODES)
    for guide in ("CONTRIBUTING.md", "CONTRIBUTING.ja.md"):
        text = (ROOT / guide).read_text("utf-8")
        examples = set(re.findall(r"^(?:docs|site|xliff)/\S+:\d+:\d+: ([A-Z]{3}\d{3}) ", text, re.MULTILINE))
        assert sorted(codes - examples) == [], guide
