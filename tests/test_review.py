"""``make review``: a change's two texts reviewed on fixture git repositories, and the comment the workflow posts."""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from checks import review
from conftest import ROOT

GIT = ["git", "-c", "user.email=review@example.org", "-c", "user.name=Review", "-c", "commit.gpgsign=false"]


def repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of docs/, committed."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copytree(ROOT / "docs", root / "docs")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-qm", "base"], cwd=root, check=True)
    return root


def commit(root: Path, message: str = "change") -> None:
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-qm", message], cwd=root, check=True)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def relock(root: Path) -> None:
    subprocess.run([sys.executable, "-m", "checks.relock", "--docs", str(root / "docs"), "--date", "2031-01-02",
                    "--reason-en", "Reviewed", "--reason-ja", "見直し"], cwd=root, check=True, capture_output=True)


def test_an_english_only_change(tmp_path: Path) -> None:
    root = repo(tmp_path)
    edit(root, "docs/memorandum.en.md", "may be modified at any time", "may be amended at any time")
    relock(root)
    commit(root)
    text = review.review(root, "HEAD~1", "HEAD")
    assert text.startswith(review.MARKER + "\n# Review of the two texts\n")
    assert "`HEAD~1` → `HEAD`: 1 provision changed, 0 editorial pages, 0 metadata values." in text
    assert "[!CAUTION]" not in text
    assert "## Findings (0)\n\nNone: `python -m checks` passes on this change." in text
    assert "### Article 2.3 (`#article-2-3`)\n\nTranslation lock: checked against the current Japanese; " \
           "re-stamped in this change (2031-01-02)." in text
    assert "| 日本語 | 2.3 本協力覚書は、双方の書面による合意に基づき、いつでも変更することができる。" in text
    assert "| (unchanged) |" in text
    row = next(line for line in text.splitlines() if line.startswith("| English |"))
    assert "may be <del>modified</del> at any time" in row and "may be <ins>amended</ins> at any time" in row
    assert row.count("<del>") == 1 and row.count("<ins>") == 1  # by word: one word out, one in


def test_a_japanese_change_warns_and_marks_characters(tmp_path: Path) -> None:
    root = repo(tmp_path)
    edit(root, "docs/memorandum.ja.md", "いつでも変更することができる", "いつでも改正することができる")
    commit(root)
    text = review.review(root, "HEAD~1", "HEAD")
    assert "> [!CAUTION]\n> **The signed Japanese text changed**: `#article-2-3`." in text
    row = next(line for line in text.splitlines() if line.startswith("| 日本語 |"))
    assert "いつでも<del>変更</del>する" in row and "いつでも<ins>改正</ins>する" in row
    assert "Translation lock: the Japanese changed since the check: update the English, then `make relock`." in text
    findings = text.split("## Findings (")[1].split(")")[0]
    assert int(findings) >= 2  # FID001 against the signed source, TRL001 the stale lock
    assert "FID001" in text and "TRL001" in text
    assert text.index("## Findings") < text.index("## Provisions")  # findings first


def test_a_change_of_the_signed_source_warns(tmp_path: Path) -> None:
    root = repo(tmp_path)
    edit(root, "docs/_data/signed-original.txt", "パトリック・バランス", "パトリック・バランズ")
    commit(root)
    text = review.review(root, "HEAD~1", "HEAD")
    assert "**The signed Japanese text changed**: its source file (`docs/_data/signed-original.txt`)." in text
    assert "FID002" in text


def test_a_metadata_change(tmp_path: Path) -> None:
    root = repo(tmp_path)
    edit(root, "docs/_data/memorandum.yml", "    en: London, United Kingdom", "    en: London, UK")
    commit(root)
    text = review.review(root, "HEAD~1", "HEAD")
    assert "0 provisions changed, 0 editorial pages, 1 metadata value." in text
    assert "| `signed.place.en` | London, United Kingdom | London, UK |" in text
    assert "FCT001" in text  # the signing clause no longer names the metadata's place


def test_a_new_page_and_a_renamed_page(tmp_path: Path) -> None:
    root = repo(tmp_path)
    (root / "docs/news.en.md").write_text("---\ntitle: News\ndescription: News.\n---\n\n# News\n\nNothing yet.\n", "utf-8")
    subprocess.run(["git", "mv", "docs/glossary.en.md", "docs/terms.en.md"], cwd=root, check=True)
    commit(root)
    text = review.review(root, "HEAD~1", "HEAD")
    assert "- `docs/news.en.md`: added; translation lock: no twin page" in text
    assert "- `docs/glossary.en.md` → `docs/terms.en.md`: renamed; translation lock: no twin page" in text
    assert "PAR002" in text  # each page lacks its twin


def test_no_change(tmp_path: Path) -> None:
    root = repo(tmp_path)
    subprocess.run([*GIT, "commit", "-q", "--allow-empty", "-m", "nothing"], cwd=root, check=True)
    text = review.review(root, "HEAD~1", "HEAD")
    assert "0 provisions changed, 0 editorial pages, 0 metadata values." in text
    assert text.rstrip().endswith("No change to the memorandum's texts, the editorial pages or the metadata.")


def test_the_working_tree_is_the_default_head_and_a_bad_revision_is_a_message(tmp_path: Path, capsys) -> None:
    root = repo(tmp_path)
    edit(root, "docs/memorandum.en.md", "may be modified at any time", "may be changed at any time")
    assert "`HEAD` → `the working tree`: 1 provision changed" in review.review(root, "HEAD")
    assert review.main(["no-such-rev", "--repo", str(root)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("review: git rev-parse") and captured.out == ""


@pytest.mark.parametrize("before, after, lang, expected", [
    ("may be modified at any time", "may be amended at any time", "en",
     ("may be <del>modified</del> at any time", "may be <ins>amended</ins> at any time")),
    ("a <b> & c", "a <b> & d", "en", ("a &lt;b&gt; &amp; <del>c</del>", "a &lt;b&gt; &amp; <ins>d</ins>")),
    ("変更することができる", "改正することができる", "ja", ("<del>変更</del>することができる", "<ins>改正</ins>することができる")),
    ("本協力覚書", "本協力覚書。", "ja", ("本協力覚書", "本協力覚書<ins>。</ins>")),
    ("same", "same", "en", ("same", "same")),
])
def test_changes_are_marked_by_word_in_english_and_by_character_in_japanese(before, after, lang, expected) -> None:
    assert review.marked(before, after, lang) == expected


@pytest.mark.build  # runs the workflow's `make review`, environment and all: not a test for each mutant
def test_the_workflow_step_writes_the_summary_and_the_pull_request_number(tmp_path: Path) -> None:
    """The Review workflow's own step (`make review`), run as GitHub runs it, on a fixture repository whose
    pull request changes one English provision."""
    import yaml
    workflow = yaml.safe_load((ROOT / ".github/workflows/review.yml").read_text("utf-8"))
    [step] = [s for s in workflow["jobs"]["review"]["steps"] if s.get("run") == "make review"]
    origin = tmp_path / "origin.git"
    project = tmp_path / "project"
    project.mkdir()
    (project / ".ci").mkdir()
    for name in ("Makefile", "pyproject.toml", "uv.lock", ".ci/uv.txt"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / ".gitignore").write_text(".venv\n.tools\nreview/\n", "utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    commit(project, "base")
    subprocess.run(["git", "clone", "-q", "--bare", str(project), str(origin)], check=True)
    subprocess.run(["git", "remote", "add", "origin", str(origin)], cwd=project, check=True)
    subprocess.run(["git", "fetch", "-q", "origin"], cwd=project, check=True)
    for kept in (".venv", ".tools"):  # the installed environment (its stamp is newer than the copied lock files)
        if (ROOT / kept).exists():
            (project / kept).symlink_to(ROOT / kept)
    # The copies' own times do not matter: the environment is the installed one, older than what it was made from
    # only in a fresh checkout of a working copy.
    for made, sources in ((ROOT / ".venv/.synced", ("pyproject.toml", "uv.lock")), (ROOT / ".tools/bin/uv", (".ci/uv.txt",))):
        if made.exists():
            for name in sources:
                os.utime(project / name, (min(made.stat().st_mtime - 60, (project / name).stat().st_mtime),) * 2)
    edit(project, "docs/memorandum.en.md", "may be modified at any time", "may be amended at any time")
    relock(project)
    commit(project, "pull request")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_BASE_REF": "main", "GITHUB_REF": "refs/pull/42/merge",
           "GITHUB_STEP_SUMMARY": str(summary)}
    run = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=project, env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    text = summary.read_text("utf-8")
    assert text == (project / "review/review.md").read_text("utf-8")
    assert "`origin/main` → `the working tree`: 1 provision changed, 0 editorial pages, 0 metadata values." in text
    assert "### Article 2.3 (`#article-2-3`)" in text and "<ins>amended</ins>" in text
    assert "re-stamped in this change (2031-01-02)" in text
    assert (project / "review/pr-number").read_text("utf-8") == "42\n"


# --- the comment -------------------------------------------------------------

HEAD = "a" * 40


class FakeGitHub(http.server.BaseHTTPRequestHandler):
    """The three API calls .ci/comment.py makes, recorded."""

    calls: list[tuple[str, str, dict | None]] = []
    comments: list[dict] = []
    head = HEAD

    def _reply(self, data) -> None:
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        type(self).calls.append(("GET", self.path, None))
        if re.fullmatch(r"/repos/o/r/pulls/\d+", self.path):
            self._reply({"head": {"sha": type(self).head}})
        elif "page=1" in self.path:
            self._reply(type(self).comments)
        else:
            self._reply([])

    def _write(self, method: str) -> None:
        data = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).calls.append((method, self.path, data))
        self._reply({"id": 1})

    def do_POST(self) -> None:  # noqa: N802
        self._write("POST")

    def do_PATCH(self) -> None:  # noqa: N802
        self._write("PATCH")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def github():
    FakeGitHub.calls, FakeGitHub.comments, FakeGitHub.head = [], [], HEAD
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeGitHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _comment(tmp_path: Path, api: str, number: str = "42", text: str = review.MARKER + "\n# Review\n"):
    folder = tmp_path / "review"
    folder.mkdir(exist_ok=True)
    (folder / "pr-number").write_text(number, "utf-8")
    (folder / "review.md").write_text(text, "utf-8")
    env = {"GITHUB_API_URL": api, "GITHUB_REPOSITORY": "o/r", "GITHUB_TOKEN": "t", "HEAD_SHA": HEAD,
           "PATH": os.environ["PATH"]}
    return subprocess.run(["python3", str(ROOT / ".ci/comment.py"), str(folder)], env=env, capture_output=True,
                          text=True, timeout=60)


def test_the_first_review_is_posted_and_the_next_updates_it(tmp_path: Path, github: str) -> None:
    run = _comment(tmp_path, github)
    assert run.returncode == 0 and run.stdout == "posted the review on #42\n", run.stderr
    assert FakeGitHub.calls[-1] == ("POST", "/repos/o/r/issues/42/comments", {"body": review.MARKER + "\n# Review\n"})
    FakeGitHub.comments = [{"id": 7, "user": {"login": "someone"}, "body": review.MARKER + " quoted"},
                           {"id": 9, "user": {"login": "github-actions[bot]"}, "body": review.MARKER + "\nold"}]
    run = _comment(tmp_path, github)
    assert run.returncode == 0 and run.stdout == "updated the review comment on #42\n", run.stderr
    assert FakeGitHub.calls[-1] == ("PATCH", "/repos/o/r/issues/comments/9", {"body": review.MARKER + "\n# Review\n"})


@pytest.mark.parametrize("number, text, head, message", [
    ("42; rm -rf /", review.MARKER, HEAD, "comment: pr-number '42; rm -rf /': expected a pull request number"),
    ("42", "# no marker", HEAD, "comment: review.md does not start with the review marker"),
    ("42", review.MARKER, "b" * 40, f"comment: pull request #42 is not at {HEAD}: the review belongs to another commit"),
])
def test_a_report_that_is_not_what_it_claims_is_not_posted(tmp_path: Path, github: str, number, text, head,
                                                           message) -> None:
    FakeGitHub.head = head
    run = _comment(tmp_path, github, number, text)
    assert run.returncode == 1 and run.stderr.strip() == message
    assert [c for c in FakeGitHub.calls if c[0] != "GET"] == []


def test_a_long_review_is_cut_to_what_a_comment_holds(tmp_path: Path, github: str) -> None:
    run = _comment(tmp_path, github, text=review.MARKER + "\n" + "x" * 100_000)
    assert run.returncode == 0
    body = FakeGitHub.calls[-1][2]["body"]
    assert len(body) == 65_000 and body.startswith(review.MARKER) and body.endswith("summary)\n")


def test_an_editorial_page_names_its_translation_lock_state(tmp_path: Path) -> None:
    """An English page edited without a check names the lock's state; checked and re-stamped, it says so."""
    root = repo(tmp_path)
    edit(root, "docs/about.en.md", "The translation uses the English names", "The translation gives the English names")
    commit(root)
    assert ("- `docs/about.en.md`: changed; translation lock: English edited since its check: run `make relock`"
            in review.review(root, "HEAD~1", "HEAD"))
    relock(root)
    commit(root, "relock")
    assert ("- `docs/about.en.md`: changed; translation lock: checked against the current Japanese"
            in review.review(root, "HEAD~2", "HEAD"))
