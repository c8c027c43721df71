"""The memorandum as a printable document: the one PDF module.

``html_of(facts, doc, lang)`` returns one self-contained HTML document per
language, a pure function of the model: the title, a notice on what the text
is (the signed original, or this site's reference translation), every
provision as its own element with its id. WeasyPrint turns it into a tagged
PDF (``render``): PDF/UA-1, the language declared, the fonts embedded as
subsets, one bookmark per provision (``bookmark-label``).

WeasyPrint's import and the two renders take about as long as the rest of
the build (bench §1 and §7), so ``start`` hands them to one other process
when the build starts and ``result`` takes what it made when the verify page
or the exports first need it. The HTML goes to that process through a pipe
and the PDFs come back through another: nothing is written to disk, so a
build that is killed leaves no file behind (the process ends when it finds
its pipe closed). When the other process fails, ``result`` answers None and
the caller renders in its own process, where any error is raised as it
always was. ``pdf`` adds the cache of rendered files (below).

Run as ``python -m checks.export.printed`` (the worker): a JSON list of HTML
documents on standard input, each PDF on standard output as a line with its
length in bytes, then its bytes.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import html
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, BinaryIO, Iterable

from checks.model import document, languages, metadata, site
from checks.render import placeholders

# What each PDF says it is (its first paragraph and its metadata's subject) is in the
# language profiles (ui.printed.notice). Both say the same things, as the pages'
# notices do: the source is the text of the PDF of the signed memorandum, what is
# known of the originals, that no official English text could be found, that the
# English is this site's reference translation and that the Japanese governs on
# this site. The facts come from the metadata; the built-site verification reads
# them back (OUT007).
CSS = """
@page { size: A4; margin: 20mm 18mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-family: %(font)s; font-size: 8pt; } }
body { font-family: %(font)s; font-size: 10.5pt; line-height: 1.7; }
h1 { font-size: 14pt; line-height: 1.5; bookmark-level: 1; }
h2 { font-size: 12pt; margin-top: 1.4em; bookmark-level: 2; }
.notice { font-size: 9pt; border: 0.5pt solid #555; padding: 0.6em 0.8em; }
[data-bookmark] { bookmark-level: 3; bookmark-label: attr(data-bookmark); }
h2[data-bookmark] { bookmark-level: 2; }
h1[data-bookmark] { bookmark-level: 1; }
ul { padding-left: 1.2em; }
.signatory { margin-top: 1.2em; }
"""


def _el(tag: str, p: document.Provision, lang: str, body: str, cls: str = "") -> str:
    label = html.escape(f"{p.id} {document.label(p.id, lang)}")
    klass = f' class="{cls}"' if cls else ""
    return f'<{tag} id="{p.id}" data-bookmark="{label}"{klass}>{body}</{tag}>'


def notice_of(facts: dict[str, Any], lang: str) -> str:
    """What a language's PDF says it is, with the metadata's facts."""
    signed = facts["signed"]
    p = languages.profile(lang)
    return p.ui["printed"]["notice"].format(
        place=signed["place"][lang], date=metadata.format_date(signed["date"], lang),
        originals=placeholders.render("originals_words" if p.number_words else "originals", facts, lang))


def author_of(facts: dict[str, Any], lang: str) -> str:
    """The PDF's author: the Sides, as the metadata names them."""
    names = [str(party[lang]) for party in facts["parties"]]
    return languages.profile(lang).names_join.join(names)


def html_of(facts: dict[str, Any], doc: document.Document, lang: str) -> str:
    """The printable HTML of one language's memorandum."""
    title = next((p.text for p in doc.provisions if p.kind == "title"), facts["title"][lang])
    notice = notice_of(facts, lang)
    author = author_of(facts, lang)
    parts: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items.clear()

    for p in doc.provisions:
        text = html.escape(p.text)
        if p.kind == "item":
            items.append(_el("li", p, lang, text))
            continue
        flush()
        if p.kind == "title":
            parts.append(_el("h1", p, lang, text))
            parts.append(f'<p class="notice">{html.escape(notice)}</p>')
        elif p.kind in ("preamble", "article"):
            parts.append(_el("h2", p, lang, text))
        elif p.kind == "signatory":
            lines = "<br>".join(html.escape(t) for t in p.text_lines if t)
            parts.append(_el("p", p, lang, lines, "signatory"))
        else:
            parts.append(_el("p", p, lang, text))
    flush()
    css = CSS % {"font": languages.profile(lang).font}
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="description" content="{html.escape(notice)}">'
            f'<meta name="author" content="{html.escape(author)}"><style>{css}</style></head>'
            f'<body>{"".join(parts)}</body></html>')


# Rendered PDFs are kept, per user, by a hash of everything they are made
# from: the HTML, WeasyPrint's version and the font files fontconfig picks
# for the families the HTML asks for. The same inputs give the same bytes,
# so a kept file is the file a render would make. MEMORANDUM_PDF_CACHE=off
# renders every time (make bench does, so that its build time is the real one).
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "japan-uk-quantum-moc" / "pdf"
FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "Noto Sans", "DejaVu Sans", "sans-serif", "serif")


@functools.lru_cache(maxsize=1)
def _font_files() -> tuple[str, ...]:
    """The font files fontconfig picks for ``FAMILIES``, asked once per process; empty when it cannot say."""
    import subprocess
    try:  # fc-match answers one pattern at a time: ask for every family at once
        asks = [subprocess.Popen(["fc-match", "-f", "%{file}", family], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True) for family in FAMILIES]
    except OSError:
        return ()
    files = []
    for ask in asks:
        try:
            out, _ = ask.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            ask.kill()
            ask.communicate()
            out = ""
        files.append(out.strip() if ask.returncode == 0 else "")
    return tuple(files) if all(files) else ()


def _inputs_key(html_text: str) -> str | None:
    """The hash of the HTML, WeasyPrint's version and the fonts; None when fontconfig cannot say."""
    from importlib.metadata import PackageNotFoundError, version
    digest = hashlib.sha256(html_text.encode())
    try:
        digest.update(version("weasyprint").encode())  # without importing it (most of a second)
    except PackageNotFoundError:
        return None
    files = _font_files()
    if not files:
        return None
    for name in files:
        try:
            st = os.stat(name)
        except OSError:
            return None
        digest.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def render(html_text: str) -> bytes:
    """A tagged PDF (PDF/UA-1) of the printable HTML, fonts embedded as subsets."""
    from weasyprint import HTML  # imported here: only the build's PDF step needs it
    return HTML(string=html_text).write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)


def _cache_key(html_text: str) -> str | None:
    return None if os.environ.get("MEMORANDUM_PDF_CACHE") == "off" else _inputs_key(html_text)


# --- rendering in another process ------------------------------------------

class _Job:
    """One worker process and the renders it was given, in order."""

    def __init__(self, proc: subprocess.Popen[bytes], keys: list[str], feeder: threading.Thread) -> None:
        self.proc, self.keys, self.feeder = proc, keys, feeder
        self.results: dict[str, bytes] | None = None

    def finish(self) -> dict[str, bytes]:
        """Every PDF the worker made, by key; empty when it failed."""
        if self.results is None:
            self.feeder.join()
            with self.proc.stdout:
                out = self.proc.stdout.read()
            self.proc.wait()
            self.results = dict(zip(self.keys, frames(out))) if self.proc.returncode == 0 else {}
            if len(self.results) != len(self.keys):
                self.results = {}
        return self.results


# Renders under way, by the SHA-256 of their HTML.
_jobs: dict[str, _Job] = {}


def digest(html_text: str) -> str:
    return hashlib.sha256(html_text.encode()).hexdigest()


def frames(data: bytes) -> list[bytes]:
    """The PDFs the worker wrote: each a line with its length, then its bytes (a short or broken
    stream gives the ones it holds whole)."""
    out, at = [], 0
    while at < len(data):
        end = data.find(b"\n", at)
        if end < 0 or not data[at:end].isdigit():
            break
        size = int(data[at:end])
        if end + 1 + size > len(data):
            break
        out.append(data[end + 1:end + 1 + size])
        at = end + 1 + size
    return out


def start(html_texts: Iterable[str]) -> None:
    """Render each HTML not already under way, all in one other process (one WeasyPrint import)."""
    todo = {digest(h): h for h in html_texts}
    todo = {d: h for d, h in todo.items() if d not in _jobs}
    if not todo:
        return
    root = str(Path(__file__).resolve().parents[2])  # where the checks package this process runs lives
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    try:
        proc = subprocess.Popen([sys.executable, "-m", "checks.export.printed"], env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return
    payload = json.dumps(list(todo.values())).encode("utf-8")

    def feed(pipe: BinaryIO = proc.stdin) -> None:  # a thread: the build goes on while the worker reads
        try:
            pipe.write(payload)
            pipe.close()
        except OSError:
            pass  # the worker ended early: ``result`` finds it failed

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    job = _Job(proc, list(todo), feeder)
    for d in todo:
        _jobs[d] = job


def result(html_text: str) -> bytes | None:
    """The PDF ``start`` made of this HTML, once it is done; None when none was started or it failed."""
    job = _jobs.pop(digest(html_text), None)
    return None if job is None else job.finish().get(digest(html_text))


@atexit.register
def stop() -> None:
    """End every render no one took (a build that failed first): no process is left behind."""
    for job in list(dict.fromkeys(_jobs.values())):
        if job.proc.poll() is None:
            job.proc.kill()
        job.proc.stdout.close()
        job.proc.wait()
    _jobs.clear()


def worker(source: BinaryIO, sink: BinaryIO) -> int:
    """The other process: read the HTML documents (all of them, before WeasyPrint's import), write each PDF."""
    texts = json.loads(source.read().decode("utf-8"))
    for text in texts:
        data = render(text)
        sink.write(b"%d\n" % len(data) + data)
    sink.flush()
    return 0


def prepare(html_texts: Iterable[str]) -> bool:
    """Start rendering, in the other process, each PDF no earlier build kept; ``pdf`` takes the result.
    Whether any of them is being rendered (a new PDF: no earlier build read its metadata)."""
    texts = list(html_texts)
    start(h for h in texts if (key := _cache_key(h)) is None or not (CACHE / f"{key}.pdf").is_file())
    return any(digest(h) in _jobs for h in texts)


def _made(html_text: str) -> bytes:
    """The render ``prepare`` started for this HTML, else a render here."""
    data = result(html_text)
    return render(html_text) if data is None else data


def pdf(html_text: str) -> bytes:
    """``render``, or the kept file made from the same inputs."""
    key = _cache_key(html_text)
    if key is None:
        return _made(html_text)
    path = CACHE / f"{key}.pdf"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = _made(html_text)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: render each time
    return data


if __name__ == "__main__":
    raise SystemExit(worker(sys.stdin.buffer, sys.stdout.buffer))
