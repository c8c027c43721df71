"""PDFs rendered in another process while the build goes on.

WeasyPrint's import and the two renders take about as long as the rest of
the build (bench §1 and §7). ``start`` hands them to one
background process when the build starts, so they run beside the page build;
``take`` waits for a result when the verify page or the exports first need
it. When the other process fails, ``take`` answers None and the caller
renders in its own process, where any error is raised as it always was.

Run as ``python -m checks.background FILE.html ...``: FILE.pdf is written
beside each file.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterable

# Renders under way, by the SHA-256 of their HTML: the process and its working directory.
_jobs: dict[str, tuple[subprocess.Popen[bytes], Path]] = {}


def digest(html_text: str) -> str:
    return hashlib.sha256(html_text.encode()).hexdigest()


def start(html_texts: Iterable[str]) -> None:
    """Render each HTML not already under way, all in one background process (one WeasyPrint import)."""
    todo = {digest(h): h for h in html_texts}
    todo = {d: h for d, h in todo.items() if d not in _jobs}
    if not todo:
        return
    work = Path(tempfile.mkdtemp(prefix="memorandum-pdf-"))
    for d, h in todo.items():
        (work / f"{d}.html").write_text(h, "utf-8")
    root = str(Path(__file__).resolve().parents[1])  # the checks package this process runs
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    try:
        proc = subprocess.Popen([sys.executable, "-m", "checks.background", *(str(work / f"{d}.html") for d in todo)],
                                env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
        return
    for d in todo:
        _jobs[d] = (proc, work)


def take(html_text: str) -> bytes | None:
    """The PDF ``start`` made of this HTML, once it is done; None when none was started or it failed."""
    key = digest(html_text)
    job = _jobs.pop(key, None)
    if job is None:
        return None
    proc, work = job
    proc.wait()
    try:
        return (work / f"{key}.pdf").read_bytes() if proc.returncode == 0 else None
    except OSError:
        return None
    finally:
        if all(other != work for _, other in _jobs.values()):
            shutil.rmtree(work, ignore_errors=True)


@atexit.register
def stop() -> None:
    """End every render no one took (a build that failed first): no process or file is left behind."""
    for proc, work in list(_jobs.values()):
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(work, ignore_errors=True)
    _jobs.clear()


def main(names: list[str]) -> int:
    from checks.printed import render
    for name in names:
        source = Path(name)
        source.with_suffix(".pdf").write_bytes(render(source.read_text("utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
