"""The PDFs rendered in another process while the build goes on (``checks.background``), and what starts them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checks import background, printed, publish
from conftest import ROOT, shell_command

HTML = '<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><h1>T</h1><p>{}</p></body></html>'


def _fake_python(tmp_path: Path, body: str) -> str:
    """An executable standing in for the interpreter the background process runs on."""
    return shell_command(tmp_path / "python", body)


@pytest.fixture(autouse=True)
def no_jobs_left():
    yield
    background.stop()


def test_a_background_render_is_the_render_made_here() -> None:
    text = HTML.format("background")
    background.start([text, text])  # the same HTML twice: one render
    assert len(background._jobs) == 1
    (proc, work), = background._jobs.values()
    made = background.take(text)
    assert made is not None and made[:5] == b"%PDF-"
    assert printed._made(text) == printed.render(text)  # nothing under way now: rendered here
    assert proc.returncode == 0 and not work.exists()  # the working files went with the last result
    assert work.name.startswith("memorandum-pdf-")


def test_the_background_process_runs_this_checks_package_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capfd: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seen"
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    monkeypatch.setattr(background.sys, "executable", _fake_python(
        tmp_path, f'echo "$PYTHONPATH|$1|$2" > {out}; echo noise >&2; echo noise; exit 1'))
    text = HTML.format("where")
    background.start([text])
    assert background.take(text) is None
    assert out.read_text().strip() == f"{ROOT}{os.pathsep}/elsewhere|-m|checks.background"
    assert capfd.readouterr() == ("", "")  # a failure is raised by the render here, not printed twice


def test_main_writes_a_pdf_beside_each_html(tmp_path: Path) -> None:
    pages = [tmp_path / "a.html", tmp_path / "b.html"]
    for i, page in enumerate(pages):
        page.write_text(HTML.format(f"page {i} é"), "utf-8")
    assert background.main([str(p) for p in pages]) == 0
    for i, page in enumerate(pages):
        assert page.with_suffix(".pdf").read_bytes() == printed.render(HTML.format(f"page {i} é"))


def test_take_without_start_is_none() -> None:
    assert background.take(HTML.format("never started")) is None


@pytest.mark.parametrize("body", ["exit 1", 'for f in "$@"; do :; done'], ids=["fails", "writes-nothing"])
def test_a_failed_background_render_is_rendered_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    monkeypatch.setattr(background.sys, "executable", _fake_python(tmp_path, body))
    text = HTML.format("fallback")
    background.start([text])
    assert background.take(text) is None
    background.start([text])
    assert printed._made(text) == printed.render(text)


def test_stop_ends_every_render_no_one_took(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background.sys, "executable", _fake_python(tmp_path, "exec sleep 600"))
    background.start([HTML.format(1), HTML.format(2)])
    jobs = list(background._jobs.values())
    assert len(jobs) == 2 and jobs[0] == jobs[1]  # one process for both
    background.stop()
    proc, work = jobs[0]
    assert proc.returncode is not None and not work.exists() and background._jobs == {}


def test_prepare_starts_only_the_pdfs_no_build_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    monkeypatch.setattr(printed.background, "start", lambda texts: started.extend(texts))
    monkeypatch.setattr(printed, "CACHE", tmp_path)
    kept, new = HTML.format("kept"), HTML.format("new")
    (tmp_path / f"{printed._inputs_key(kept)}.pdf").write_bytes(b"%PDF-kept")
    printed.prepare([kept, new])
    assert started == [new]
    started.clear()
    monkeypatch.setenv("MEMORANDUM_PDF_CACHE", "off")  # nothing is kept: both
    printed.prepare([kept, new])
    assert started == [kept, new]


def test_publish_prepares_each_language_once_and_never_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[list[str]] = []
    monkeypatch.setattr(publish.printed, "prepare", lambda texts: started.append(list(texts)))
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    publish.prepare(docs)
    assert [[t[t.index("<html"):t.index(">", t.index("<html"))] for t in texts] for texts in started] == [
        ['<html lang="ja"', '<html lang="en"']]
    monkeypatch.setattr(publish, "downloads", lambda d, pdfs=True: {"memorandum.json": b"{}"})
    publish.downloads_cached(docs)
    publish.prepare(docs)  # the downloads are made: nothing to start
    (docs / "_data" / "memorandum.yml").write_text("- not: a mapping\n", "utf-8")
    publish.prepare(docs)  # the build reports the broken metadata; starting nothing is all prepare does
    assert len(started) == 1


def test_checksums_are_made_when_first_read(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    files = {"memorandum.json": b"{}", "SHA256SUMS": b""}
    monkeypatch.setattr(publish, "downloads_cached", lambda docs: calls.append(docs) or files)
    sums = publish.Checksums("docs")
    assert calls == []
    assert dict(sums) == publish.checksums(files) and len(sums) == 1 and sums["memorandum.json"]
    assert calls == ["docs"]  # read three ways, made once
