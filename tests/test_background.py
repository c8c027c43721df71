"""The PDFs rendered in another process while the build goes on (``checks.export.printed``), and what starts them."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checks.export import printed, publish
from checks.model import site
from conftest import ROOT, shell_command

HTML = '<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><h1>T</h1><p>{}</p></body></html>'


def _fake_python(tmp_path: Path, body: str) -> str:
    """An executable standing in for the interpreter the worker runs on."""
    return shell_command(tmp_path / "python", body)


@pytest.fixture(autouse=True)
def no_jobs_left():
    yield
    printed.stop()


def test_a_render_in_the_other_process_is_the_render_made_here() -> None:
    text = HTML.format("background")
    printed.start([text, text])  # the same HTML twice: one render
    assert len(printed._jobs) == 1
    job, = printed._jobs.values()
    made = printed.result(text)
    assert made is not None and made[:5] == b"%PDF-"
    assert made == printed.render(text)
    assert printed._made(text) == printed.render(text)  # nothing under way now: rendered here
    assert job.proc.returncode == 0


def test_the_worker_runs_this_checks_package_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capfd: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seen"
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    monkeypatch.setattr(printed.sys, "executable", _fake_python(
        tmp_path, f'echo "$PYTHONPATH|$1|$2" > {out}; cat > {tmp_path / "stdin"}; echo noise >&2; exit 1'))
    text = HTML.format("where")
    printed.start([text])
    assert printed.result(text) is None
    assert out.read_text().strip() == f"{ROOT}{os.pathsep}/elsewhere|-m|checks.export.printed"
    assert json.loads((tmp_path / "stdin").read_text("utf-8")) == [text]  # the HTML went through the pipe
    assert capfd.readouterr() == ("", "")  # a failure is raised by the render here, not printed twice


def test_the_worker_reads_html_and_writes_each_pdf_framed() -> None:
    texts = [HTML.format(f"page {i} é") for i in range(2)]
    sink = io.BytesIO()
    assert printed.worker(io.BytesIO(json.dumps(texts).encode()), sink) == 0
    assert printed.frames(sink.getvalue()) == [printed.render(t) for t in texts]


@pytest.mark.parametrize("data, expected", [
    (b"3\nabc2\nde", [b"abc", b"de"]),
    (b"", []),
    (b"3\nab", []),  # cut short: only whole PDFs
    (b"3\nabcx\nde", [b"abc"]),  # a broken length ends the stream
    (b"0\n", [b""]),
])
def test_frames_are_read_whole_or_not_at_all(data: bytes, expected: list[bytes]) -> None:
    assert printed.frames(data) == expected


def test_result_without_start_is_none() -> None:
    assert printed.result(HTML.format("never started")) is None


@pytest.mark.parametrize("body", ["cat > /dev/null; exit 1", "cat > /dev/null", "cat > /dev/null; printf '9\\nabc'"],
                         ids=["fails", "writes-nothing", "writes-half"])
def test_a_failed_render_elsewhere_is_rendered_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    monkeypatch.setattr(printed.sys, "executable", _fake_python(tmp_path, body))
    text = HTML.format("fallback")
    printed.start([text])
    assert printed.result(text) is None
    printed.start([text])
    assert printed._made(text) == printed.render(text)


def test_stop_ends_every_render_no_one_took(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printed.sys, "executable", _fake_python(tmp_path, "exec sleep 600"))
    printed.start([HTML.format(1), HTML.format(2)])
    jobs = list(printed._jobs.values())
    assert len(jobs) == 2 and jobs[0] is jobs[1]  # one process for both
    printed.stop()
    assert jobs[0].proc.returncode is not None and printed._jobs == {}


def test_a_killed_build_leaves_no_file_and_no_process(tmp_path: Path) -> None:
    """A build killed while its PDFs render (SIGKILL: no exit handler runs) leaves nothing behind."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    code = ("import os, signal; from checks.export import printed; "
            f"printed.start([{HTML.format('killed')!r}]); "
            "job, = printed._jobs.values(); print(job.proc.pid, flush=True); "
            "job.feeder.join(); os.kill(os.getpid(), signal.SIGKILL)")  # killed once the worker has the HTML
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "TMPDIR": str(tmp)})
    assert run.returncode == -signal.SIGKILL
    worker = int(run.stdout.split()[0])
    deadline = time.monotonic() + 120
    while _alive(worker) and time.monotonic() < deadline:  # a condition, waited for: the worker sees its pipe close
        time.sleep(0.05)
    assert not _alive(worker)
    assert list(tmp.iterdir()) == []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def test_prepare_starts_only_the_pdfs_no_build_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the PDFs no build kept are rendered; ``prepare`` says whether any of its PDFs is being
    rendered (a new PDF, whose metadata the build reads)."""
    started: list[str] = []
    def start(texts) -> None:
        for text in texts:
            started.append(text)
            printed._jobs[printed.digest(text)] = None
    monkeypatch.setattr(printed, "start", start)
    monkeypatch.setattr(printed, "_jobs", {})
    monkeypatch.setattr(printed, "CACHE", tmp_path)
    kept, new = HTML.format("kept"), HTML.format("new")
    (tmp_path / f"{printed._inputs_key(kept)}.pdf").write_bytes(b"%PDF-kept")
    assert printed.prepare([kept]) is False and started == []
    assert printed.prepare([kept, new]) is True
    assert started == [new]
    assert printed.prepare(iter([new])) is True  # under way since the last call
    started.clear()
    printed._jobs.clear()
    monkeypatch.setenv("MEMORANDUM_PDF_CACHE", "off")  # nothing is kept: both
    assert printed.prepare([kept, new]) is True
    assert started == [kept, new]


def test_publish_prepares_each_language_once_and_never_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[list[str]] = []
    monkeypatch.setattr(publish.printed, "prepare", lambda texts: started.append(list(texts)) or True)
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    assert publish.prepare(docs) is True
    assert [[t[t.index("<html"):t.index(">", t.index("<html"))] for t in texts] for texts in started] == [
        ['<html lang="ja"', '<html lang="en"']]
    monkeypatch.setattr(publish, "downloads", lambda d, pdfs=True: {"memorandum.json": b"{}"})
    publish.downloads_cached(docs)
    assert publish.prepare(docs) is False  # the downloads are made: nothing to start
    (docs / "_data" / "memorandum.yml").write_text("- not: a mapping\n", "utf-8")
    assert publish.prepare(docs) is False  # the build reports the broken metadata; starting nothing is all prepare does
    assert len(started) == 1


def test_checksums_are_made_when_first_read_with_stand_ins_for_the_pdfs(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    files = {"memorandum.json": b"{}"}
    monkeypatch.setattr(publish, "data_kept", lambda docs: calls.append(docs) or files)
    sums = publish.Checksums("docs")
    assert calls == []
    pdfs = {site.pdf_name(lang): site.stand_in(site.pdf_name(lang)) for lang in site.LANGS}
    assert dict(sums) == dict(sorted({"memorandum.json": hashlib.sha256(b"{}").hexdigest(), **pdfs}.items()))
    assert len(sums) == 1 + len(site.LANGS) and sums["memorandum.json"]
    assert calls == [Path("docs")]  # read three ways, made once
    # A stand-in is read as a digest is (64 hex digits) and is never one a file is likely to have.
    assert all(site.STAND_IN.fullmatch(v) and len(v) == 64 for v in pdfs.values()) and len(set(pdfs.values())) == len(pdfs)
    assert not site.STAND_IN.search(hashlib.sha256(b"{}").hexdigest())