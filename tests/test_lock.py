"""The translation lock: a corrected Japanese provision names exactly its English twin until relocked."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from checks import cli, relock
from conftest import ROOT


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the docs under git, as a contributor's checkout has them."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "docs")
    return tmp_path


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def _correct_japanese(docs: Path, old: str, new: str) -> None:
    """A legitimate correction: the page, the signed-source copy and its SHA-256 together."""
    _replace(docs / "memorandum.ja.md", old, new)
    source = docs / "_data/signed-original.txt"
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    _replace(source, old, new)
    _replace(docs / "_data/memorandum.yml", before, hashlib.sha256(source.read_bytes()).hexdigest())


def _findings(root: Path) -> list[tuple[str, int, str]]:
    return [(f.path, f.line, f.code) for f in cli.run(root / "docs", root=root)]


RELOCK_STALE = (
    "#article-1-item-2: the Japanese changed since <checked>:\n"
    "  --- #article-1-item-2 (checked)\n  +++ #article-1-item-2 (now)\n  @@ -1 +1 @@\n"
    "  -学術・産業界の交流と資金機会：両国の学術界および産業界の交流を促進し、例えば視察団派遣などにより協力可能性の特定を支援する。\n"
    "  +学術・産業界の交流と資金機会：両国の学術界および産業界の交流を促進し、例えば調査団派遣などにより協力可能性の特定を支援する。\n"
    "left #article-1-item-2 stale: update its English first, or pass --keep article-1-item-2 if the English needs no change\n"
    "relock: wrote <docs>/_data/translation-lock.yml; 1 item(s) still stale\n")


def _printed(capsys, docs: Path) -> str:
    """What relock printed, with the docs path and the lock's last check date as placeholders."""
    out = capsys.readouterr().out.replace(str(docs), "<docs>")
    return re.sub(r"changed since \d{4}-\d{2}-\d{2}:", "changed since <checked>:", out)


def test_a_corrected_provision_names_its_english_twin_until_relocked(repo: Path, capsys) -> None:
    docs = repo / "docs"
    _correct_japanese(docs, "例えば視察団派遣などにより", "例えば調査団派遣などにより")
    assert _findings(repo) == [("docs/memorandum.en.md", 42, "TRL001")]
    # relock shows the Japanese before and after, and keeps the item stale while the English is unchanged.
    assert relock.main(["--docs", str(docs), "--date", "2026-12-01"]) == 1
    assert _printed(capsys, docs) == RELOCK_STALE
    assert _findings(repo) == [("docs/memorandum.en.md", 42, "TRL001")]
    # The English is updated: relock stamps it, and the checks pass.
    _replace(docs / "memorandum.en.md", "for example through study missions", "for example through survey missions")
    assert relock.main(["--docs", str(docs), "--date", "2026-12-01", "--reason-en", "Survey missions",
                        "--reason-ja", "調査団"]) == 0
    assert _printed(capsys, docs) == RELOCK_STALE.split("left ")[0] + (
        "stamped #article-1-item-2 (English updated)\n"
        "relock: recorded version 2026-12-01 of the English (1 provision(s)) in <docs>/_data/versions.yml\n"
        "relock: wrote <docs>/_data/translation-lock.yml\n")
    assert _findings(repo) == []
    lock = (docs / "_data/translation-lock.yml").read_text("utf-8")
    assert lock.count("2026-12-01") == 1


def test_keep_restamps_a_provision_whose_english_needs_no_change(repo: Path, capsys) -> None:
    docs = repo / "docs"
    _correct_japanese(docs, "政策対話を行う。", "政策対話を行う。")  # no-op edit keeps the text: nothing stale
    assert _findings(repo) == []
    _replace(docs / "about.ja.md", "修正の提案は", "修正のご提案は")
    assert _findings(repo) == [("docs/about.en.md", 1, "TRL002")]
    assert relock.main(["--docs", str(docs), "--date", "2026-12-02"]) == 1
    out = _printed(capsys, docs).splitlines()
    assert out[0] == "about page: the Japanese changed since <checked>:" and out[1:4] == [
        "  --- about page (checked)", "  +++ about page (now)", "  @@ -53,2 +53,2 @@"]
    assert out[-2:] == ["left about page stale: update its English first, or pass --keep about if the English needs no change",
                        "relock: wrote <docs>/_data/translation-lock.yml; 1 item(s) still stale"]
    assert relock.main(["--docs", str(docs), "--date", "2026-12-02", "--keep", "about"]) == 0
    assert _printed(capsys, docs).splitlines()[-2:] == [
        "stamped about page (kept: --keep)", "relock: wrote <docs>/_data/translation-lock.yml"]
    assert _findings(repo) == []


def test_an_english_edit_is_recorded_by_relock(repo: Path, capsys) -> None:
    from checks.model import versions
    docs = repo / "docs"
    before = (docs / "_data/versions.yml").read_text("utf-8")
    lock_before = (docs / "_data/translation-lock.yml").read_text("utf-8")
    _replace(docs / "memorandum.en.md", "on this 28th day of April 2025", "on the 28th day of April 2025")
    assert _findings(repo) == [("docs/memorandum.en.md", 71, "TRL004")]
    # Without a reason in both languages nothing is written: the change stays TRL004.
    assert relock.main(["--docs", str(docs), "--date", "2026-12-03", "--reason-en", "Wording"]) == 2
    assert "give REASON_JA='…'" in capsys.readouterr().err
    assert (docs / "_data/versions.yml").read_text("utf-8") == before
    assert (docs / "_data/translation-lock.yml").read_text("utf-8") == lock_before
    # With them, the lock is stamped and the change is the English version of that date.
    assert relock.main(["--docs", str(docs), "--date", "2026-12-03", "--reason-en", "Wording",
                        "--reason-ja", "文言"]) == 0
    assert _findings(repo) == []
    latest = versions.read(docs / "_data/versions.yml").latest("en")
    assert (latest.date, dict(latest.reason), list(latest.text)) == ("2026-12-03", {"ja": "文言", "en": "Wording"}, ["signatures"])
    # A hand edit of the lock without a version is VER005 (the change was never published as a version).
    _replace(docs / "memorandum.en.md", "on the 28th day", "on this 28th day")
    assert relock.main(["--docs", str(docs), "--date", "2026-12-04", "--reason-en", "Back", "--reason-ja", "戻す"]) == 0
    (docs / "_data/versions.yml").write_text(before, "utf-8")
    _replace(docs / "memorandum.en.md", "on this 28th day", "on the 28th day")
    assert relock.main(["--docs", str(docs), "--date", "2026-12-05", "--reason-en", "x", "--reason-ja", "x"]) == 0
    (docs / "_data/versions.yml").write_text(before, "utf-8")
    assert _findings(repo) == [("docs/memorandum.en.md", 71, "VER005")]


def test_a_missing_lock_is_a_finding(repo: Path) -> None:
    (repo / "docs/_data/translation-lock.yml").unlink()
    assert _findings(repo) == [("docs/_data/translation-lock.yml", 1, "TRL003")]


@pytest.mark.parametrize("before,after,expected", [
    ("a\nb\nc\nd\ne", "a\nb\nC\nd\ne",
     "  --- x (checked)\n  +++ x (now)\n  @@ -2,3 +2,3 @@\n   b\n  -c\n  +C\n   d\n"),
    ("一方は", "双方は", "  --- x (checked)\n  +++ x (now)\n  @@ -1 +1 @@\n  -一方は\n  +双方は\n"),
    (None, "今の文", "  (the Japanese text it was checked against is not in the git history)\n  now: 今の文\n"),
])
def test_relock_shows_the_japanese_before_and_after(before, after: str, expected: str) -> None:
    assert relock.diff(before, after, "x") == expected


def test_the_lock_file_is_readable_yaml_with_its_header(repo: Path) -> None:
    from checks.model import lock, metadata
    text = (repo / "docs/_data/translation-lock.yml").read_text("utf-8")
    assert text.startswith(lock.HEADER)
    data = lock.load(repo / "docs/_data/translation-lock.yml")
    assert len(data["provisions"]) == 27 and set(data["pages"]) == {"about", "accessibility", "changes", "glossary", "index", "parallel", "verify"}
    assert metadata.real_date(lock.latest(data)) and lock.latest({"provisions": {}}) is None
    assert lock.load(repo / "nowhere.yml") == {"provisions": {}, "pages": {}}


def test_relock_help_says_what_each_option_does(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as stop:
        relock.main(["--help"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == (
        'usage: python -m checks.relock [-h] [--docs DOCS] [--keep ID] [--date DATE]\n'
        '                               [--reason-ja REASON_JA] [--reason-en REASON_EN]\n'
        '\n'
        'Re-stamp the translation lock after the English of a stale provision was updated (make relock).\n'
        '\n'
        'options:\n'
        '  -h, --help            show this help message and exit\n'
        '  --docs DOCS           the docs directory (default: docs)\n'
        '  --keep ID             re-stamp this stale item although its English is unchanged (the English\n'
        '                        needs no change)\n'
        '  --date DATE           the date to record (default: today)\n'
        '  --reason-ja REASON_JA\n'
        '                        why the English changed, in 日本語, for the version this change publishes\n'
        '                        (default: $REASON_JA)\n'
        '  --reason-en REASON_EN\n'
        '                        why the English changed, in English, for the version this change publishes\n'
        '                        (default: $REASON_EN)\n'
    )


def test_relock_reads_docs_from_the_working_directory_by_default(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    assert relock.main(["--date", "2026-12-01"]) == 0
    assert "relock: wrote docs/_data/translation-lock.yml" in capsys.readouterr().out


def test_relock_names_a_new_pair_and_a_check_with_no_date(repo: Path, capsys) -> None:
    docs = repo / "docs"
    (docs / "notes.ja.md").write_text("# 注記\n\n本文。\n", "utf-8")
    (docs / "notes.en.md").write_text("# Notes\n\nText.\n", "utf-8")
    assert relock.main(["--docs", str(docs), "--date", "2026-12-06"]) == 0
    assert "stamped notes page (new)\n" in _printed(capsys, docs)
    # An entry whose check date was lost, then a change of the Japanese: relock says so in words.
    _replace(docs / "_data/translation-lock.yml", ", checked: '2026-11-30'}\n  accessibility:", "}\n  accessibility:")
    _replace(docs / "about.ja.md", "修正の提案は", "修正のご提案は")
    assert relock.main(["--docs", str(docs), "--date", "2026-12-06"]) == 1
    assert _printed(capsys, docs).splitlines()[0] == "about page: the Japanese changed since the last check:"
