"""What the checks read: the docs directory, its metadata and its pages.

Loading problems (a missing or undecodable page, broken YAML, a memorandum
page with no structure, an unreadable source) are kept as ``problems`` by
kind, never raised; the rule of each kind reports them with its code
(``checks.rules.structure`` for the pages, the metadata and the accessibility
report, ``checks.rules.fidelity`` for the signed source).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from checks.model import accessibility, cache, document, metadata, site, versions
from checks.model.page import Page

# Pages every language must have.
REQUIRED_PAGES = ("index", "memorandum", "about")
# The kinds of loading problem.
PAGE, FRONT_MATTER, METADATA, STRUCTURE, ACCESSIBILITY, SOURCE = (
    "page", "front matter", "metadata", "structure", "accessibility", "source")


class Problem(NamedTuple):
    kind: str
    path: str
    line: int
    col: int
    message: str


@dataclass
class Corpus:
    docs: Path
    root: Path
    facts: dict[str, Any] | None = None
    paths: list[Path] = field(default_factory=list)  # every Markdown file under docs/, readable or not
    pages: dict[Path, Page] = field(default_factory=dict)  # every readable, non-empty page, by path
    memoranda: dict[str, document.Document] = field(default_factory=dict)  # by language
    source: str | None = None  # the signed Japanese text
    source_path: Path | None = None
    problems: list[Problem] = field(default_factory=list)  # met while loading
    versions: versions.History = field(default_factory=versions.History)  # docs/_data/versions.yml

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def add(self, path: Path, line: int, col: int, kind: str, message: str) -> None:
        self.problems.append(Problem(kind, self.rel(path), line, col, message))


def load(docs: Path, root: Path | None = None, source: Path | None = None) -> Corpus:
    """Read everything under ``docs``; ``source`` overrides the kept copy of the signed text."""
    docs = docs.resolve()
    corpus = Corpus(docs, (root or docs.parent).resolve())
    meta_path = metadata.path_in(docs)
    try:
        corpus.facts = metadata.load_cached(meta_path)
    except metadata.MetadataError as exc:
        for line, col, message in exc.problems:
            corpus.add(exc.path, line, col, METADATA, message)
    digests: dict[Path, str] = {}  # each page's content hash, as its key in the memo (``cache``)
    for path in sorted(docs.rglob("*.md")):
        if "_data" in path.relative_to(docs).parts:
            continue
        corpus.paths.append(path)
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            corpus.add(path, 1, 1, PAGE, f"not valid UTF-8 (byte {exc.start}); pages must be UTF-8")
            continue
        except OSError as exc:
            corpus.add(path, 1, 1, PAGE, f"cannot read page: {exc.strerror}")
            continue
        if not text.strip():
            corpus.add(path, 1, 1, PAGE, "page is empty")
            continue
        # A page is read once per content (the build's hooks and repeated runs share it).
        key = ("page", str(path), hashlib.blake2b(text.encode(), digest_size=16).hexdigest())
        page = corpus.pages[path] = cache.by_key(key, lambda: Page(path, text))
        digests[path] = key[2]
        for err in ([page.front_matter_error] if page.front_matter_error else page.front_matter_problems()):
            corpus.add(path, err.line, err.col, FRONT_MATTER, err.message)
    for lang in site.LANGS:
        for name in REQUIRED_PAGES:
            path = docs / f"{name}.{lang}.md"
            if path not in corpus.paths:  # a page there but unreadable has its own problem above
                corpus.add(path, 1, 1, PAGE, f"missing page: expected {name}.{lang}.md in {corpus.rel(docs)}")
        path = site.memorandum_path(docs, lang)
        if path in corpus.pages:  # its provisions, read once per content, as the page is
            text = corpus.pages[path].text
            doc = cache.by_key(("memorandum", str(path), f"{digests[path]}:{lang}"),
                               lambda: document.parse(text, path, lang))
            corpus.memoranda[lang] = doc
            for p in doc.problems:
                corpus.add(path, p.line, p.col, STRUCTURE, p.message)
    _load_source(corpus, meta_path, source)
    corpus.versions = versions.load_cached(versions.path_in(docs))
    report = accessibility.path_in(docs)
    if not report.is_file():
        corpus.add(report, 1, 1, ACCESSIBILITY, "accessibility report not found: expected the JIS X 8341-3 table "
                                           "the accessibility pages show")
    else:
        for line, col, message in accessibility.read(report)[1]:
            expected = "" if "expected" in message else \
                ": expected the 38 WCAG 2.0 A and AA criteria, each once, with a known method and a result"
            corpus.add(report, line, col, ACCESSIBILITY, f"accessibility report: {message}{expected}")
    return corpus


def _load_source(corpus: Corpus, meta_path: Path, override: Path | None) -> None:
    """The signed text: the kept copy, its SHA-256 checked against the metadata."""
    if corpus.facts is None:
        return
    src = corpus.facts.get("source") or {}
    path = override or (corpus.docs / "_data" / str(src.get("path", "signed-original.txt")))
    try:
        raw = path.read_bytes()
    except OSError:
        corpus.add(path, 1, 1, SOURCE, "signed source text not found")
        return
    digest = hashlib.sha256(raw).hexdigest()
    if override is None and digest != src.get("sha256"):
        corpus.add(meta_path, 1, 1, SOURCE,
                   f"signed source SHA-256 expected {src.get('sha256')} (metadata), found {digest}")
    try:
        corpus.source = raw.decode("utf-8")
        corpus.source_path = path
    except UnicodeDecodeError:
        corpus.add(path, 1, 1, SOURCE, "signed source is not valid UTF-8")
