"""Browser helpers: the built site served on 127.0.0.1, Debian's Chromium via Playwright.

Never downloads a browser. A missing Chromium is a test failure (in CI and
locally) whose message says how to install it.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import shutil
import socket
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
INSTALL_HINT = ("Chromium not found at {path}. Install Debian's browser and Japanese fonts with\n"
                "    apt-get update && apt-get install -y chromium fonts-noto-cjk\n"
                "(never `playwright install`: this machine cannot download browsers).")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-results"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


@functools.lru_cache(maxsize=512)
def compressed(path: str, mtime_ns: int, size: int) -> bytes:
    """gzip -6 of a file, once per version of it (every test loads the same theme files)."""
    return gzip.compress(Path(path).read_bytes(), 6)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as a real host serves them: text gzip-compressed when asked."""

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (path.suffix not in COMPRESSIBLE or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        stat = path.stat()
        body = compressed(str(path), stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that leaves a page mid-download closes its connection: not an error of the site."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory: Path, port: int) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1:port until the generator is closed."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[str]:
    """``directory`` served on a free 127.0.0.1 port for the ``with`` block: its base URL."""
    server = serve(directory, free_port())
    try:
        yield next(server)
    finally:
        server.close()


def chromium_path() -> str:
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if not path:
        pytest.fail(INSTALL_HINT.format(path=CHROMIUM), pytrace=False)
    return path


def search(page, query: str, visible: bool = False) -> list[str]:
    """Result locations (path#fragment, site-relative) for a query typed into the search box.

    With ``visible``, only the links a reader sees without opening a group's
    "more results" (Material folds a page's weaker matches into <details>).
    """
    from urllib.parse import urlsplit
    box = page.locator("input.md-search__input")
    # Each wait reads the theme's own words (the page's __config translations):
    # cleared, the box says the placeholder; after a query, a count or "none".
    # Clearing first means a "none" seen after typing is this query's answer,
    # never the last one's.
    box.fill("")
    box.press("End")  # Material searches on keyup: an empty query clears the results
    page.wait_for_function(
        "() => { const t = JSON.parse(document.getElementById('__config').textContent).translations;"
        " const meta = document.querySelector('.md-search-result__meta');"
        " return document.querySelectorAll('.md-search-result__item').length === 0"
        " && !!meta && meta.textContent.trim() === t['search.result.placeholder']; }", timeout=10000)
    box.fill(query)
    box.press("End")
    # The results have arrived for this query and stopped changing (the same
    # list on three animation frames in a row), or the theme says none match.
    page.wait_for_function(
        "q => { const t = JSON.parse(document.getElementById('__config').textContent).translations;"
        " const items = [...document.querySelectorAll('.md-search-result__item a')].map(a => a.href).join('|');"
        " if (document.querySelector('input.md-search__input').value !== q) return false;"
        " const meta = (document.querySelector('.md-search-result__meta') || {textContent: ''}).textContent.trim();"
        " if (meta === t['search.result.placeholder']) return false;"
        " if (!items && meta !== t['search.result.none']) return false;"
        " window.__stable = window.__last === items ? (window.__stable || 0) + 1 : 0;"
        " window.__last = items; return window.__stable >= 3; }", arg=query, timeout=10000, polling="raf")
    selector = ("els => els.filter(a => !" + ("a.closest('details:not([open])')" if visible else "false") + ")"
                ".map(e => e.href)")
    hrefs = page.eval_on_selector_all(".md-search-result__item a", selector)
    out = []
    for h in hrefs:
        u = urlsplit(h)
        out.append(u.path.lstrip("/") + (f"#{u.fragment}" if u.fragment else ""))
    return out


def recall(page, base: str, queries: list[dict], prefix: str, top: int = 3) -> tuple[list[dict], list[dict]]:
    """Run each query from the language's home page: (found, missed), each row with the results seen."""
    found, missed = [], []
    page.goto(f"{base}/{prefix}")
    for q in queries:
        results = search(page, str(q["query"]), visible=True)
        row = {**q, "results": results[:5]}
        target = f"{prefix}memorandum/#{q['expect']}"
        (found if target in results[:top] else missed).append(row)
    return found, missed


def serve_until_gone(directory: Path, port: int, watched: int) -> None:
    """Serve ``directory`` on ``port`` until process ``watched`` (the test run) has ended."""
    server = serve(directory, port)
    next(server)
    try:
        while True:
            try:
                os.kill(watched, 0)
            except ProcessLookupError:
                return
            threading.Event().wait(0.5)  # a poll of the run's process, not a wait for a result
    finally:
        server.close()


if __name__ == "__main__":  # python tests/browser.py DIRECTORY PORT PID: the run's shared server
    serve_until_gone(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
