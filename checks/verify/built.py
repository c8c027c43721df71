"""The built site against its sources: ``python -m checks --site DIR`` and the build.

Every built page is read as a reader gets it (``checks.verify.output``) and its
findings are placed in the Markdown source it came from:

* OUT001: the visible text of a provision differs from the document
  model's text, or a memorandum page shows text outside every provision;
* OUT002: a character reference shows as text (``&para;``);
* OUT003: ``/memorandum.json`` disagrees with the built pages (text or
  SHA-256), or the built Japanese text differs from the signed source;
* OUT004, OUT005: the Akoma Ntoso documents and ``SHA256SUMS`` against
  ``memorandum.json`` and the built files (``checks.verify.exported``); OUT005
  also when a page or a search index still shows a download's stand-in
  (``site.stand_in``) where its SHA-256 belongs;
* OUT007: a PDF's metadata against the memorandum and the facts
  (``checks.verify.exported``);
* OUT006: a language's search index is missing, unreadable, holds another
  language's pages, or lacks one of its memorandum's provisions (the index
  ``hooks/search.py`` writes last, after every language is built);
* SAF001–SAF004, SAF006: active content, by the allowlist in ``checks.model.active``,
  and what a page loads from another host.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

from checks import Finding
from checks.model import document, metadata, site
from checks.render import placeholders
from checks.rules import fidelity, safety
from checks.verify import exported, output


def source_of(rel: PurePosixPath, docs: Path) -> tuple[Path | None, str]:
    """The source file and language of a built page (None for the theme's own pages)."""
    lang = site.DEFAULT_LANG
    parts = rel.parts
    for code, prefix in site.PREFIX.items():
        if prefix and parts and parts[0] == prefix.rstrip("/"):
            lang, parts = code, parts[1:]
    if not parts:
        return None, lang
    if parts[-1] != "index.html":
        raw = docs.joinpath(*parts)
        return (raw if raw.is_file() else None), lang
    stem = "/".join(parts[:-1]) or "index"
    path = docs / f"{stem}.{lang}.md"
    return (path if path.is_file() else None), lang


def _line(needle: str, text: str) -> int:
    """The line of the first occurrence of ``needle`` in ``text`` (case-insensitive), else 1."""
    if not needle:
        return 1
    at = text.lower().find(needle.lower())
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _placeholder_line(name: str, text: str) -> int:
    """The line of the first ``{{ name }}`` placeholder in a page's source, else 1."""
    found = next((m for m in placeholders.PLACEHOLDER.finditer(text) if m.group("name") == name), None)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _unfilled(stand_in: str) -> str:
    return (f"a download's SHA-256 shows as its stand-in {stand_in[:24]}…: expected the digest, which the build "
            "fills in once the PDFs are made (hooks/exports.py)")


class Site:
    """One built site and the docs it was built from."""

    def __init__(self, site_dir: Path, docs: Path, root: Path,
                 read_pdf: Callable[[bytes], exported.PdfMetadata] = exported.pdf_metadata) -> None:
        self.site_dir, self.docs, self.root, self.read_pdf = site_dir, docs, root, read_pdf
        self.docs_by_lang = {lang: document.load_cached(site.memorandum_path(docs, lang))
                             for lang in site.LANGS if site.memorandum_path(docs, lang).is_file()}
        self.meta_path = metadata.path_in(docs)
        self.built_texts: dict[str, dict[str, str]] = {}

    def rel(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    def check_page(self, html_path: Path) -> Iterator[Finding]:
        rel = PurePosixPath(html_path.relative_to(self.site_dir).as_posix())
        src, lang = source_of(rel, self.docs)
        where = self.rel(src) if src else f"{self.rel(self.site_dir)}/{rel}"
        source_text = src.read_text("utf-8", errors="replace") if src else ""
        doc = self.docs_by_lang.get(lang) if src and site.is_memorandum(src.name) else None
        ids = frozenset(doc.ids()) if doc else frozenset()
        html = html_path.read_text("utf-8", errors="replace")
        built = output.read_kept(html, ids)
        if left := site.STAND_IN.search(html):
            yield Finding(where, _placeholder_line("checksums", source_text), 1, "OUT005",
                          f"on the built page {rel}: {_unfilled(left[0])}")
        for v in built.unsafe:
            line = _line(v.needle, source_text)
            if line == 1 and self.meta_path.is_file() and v.needle:
                meta_line = _line(v.needle, self.meta_path.read_text("utf-8", errors="replace"))
                if meta_line > 1:
                    yield Finding(self.rel(self.meta_path), meta_line, 1, v.code, f"on the built page {rel}: {v.message}")
                    continue
            yield Finding(where, line, 1, v.code, f"on the built page {rel}: {v.message}")
        for ref in sorted(set(built.charrefs)):
            yield Finding(where, 1, 1, "OUT002", f"'{ref}' shows as text on the built page {rel} "
                                                 f"({built.charrefs.count(ref)} times): expected the character it stands for")
        if doc is None:
            return
        self.built_texts[lang] = built.provisions
        expected = {p.id: p.text for p in doc.provisions}
        for mismatch in output.compare(built, expected, lang):
            prov = doc.get(mismatch.pid) if mismatch.pid else None
            line = prov.line if prov else _line(mismatch.needle, source_text)
            yield Finding(where, line, 1, "OUT001", f"on the built page {rel}: {mismatch.message}")

    def check_search(self) -> Iterator[Finding]:
        """Each language's search index, as the build leaves it (OUT006); nothing for a site
        built without search (no language has an index)."""
        if not any((self.site_dir / site.PREFIX[lang] / "search").is_dir() for lang in self.docs_by_lang):
            return
        for lang, doc in sorted(self.docs_by_lang.items()):
            path = self.site_dir / site.search_index(lang)
            rel = f"{self.rel(self.site_dir)}/{site.search_index(lang)}"
            try:
                text = path.read_text("utf-8")
                index = json.loads(text)
            except FileNotFoundError:
                yield Finding(rel, 1, 1, "OUT006", "search index not written: expected one per language")
                continue
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                yield Finding(rel, 1, 1, "OUT006", f"search index not readable: {exc}")
                continue
            for problem in search_problems(index, lang, doc.ids()):
                yield Finding(rel, 1, 1, "OUT006", f"search index {problem}")
            if left := site.STAND_IN.search(text):
                yield Finding(rel, 1, 1, "OUT005", f"in the search index: {_unfilled(left[0])}")

    def check_pdfs(self) -> Iterator[Finding]:
        """Each language's PDF metadata (OUT007), for a site built with PDFs: against the text's
        title and language, the Sides and the facts, and the other language's PDF."""
        try:
            facts = metadata.load_cached(self.meta_path)
        except metadata.MetadataError:
            return  # STR003 names the metadata file
        subjects, where = {}, {}
        for lang, doc in sorted(self.docs_by_lang.items()):
            path = self.site_dir / site.pdf_name(lang)
            if not path.is_file():
                continue
            where[lang] = self.rel(path)
            try:
                meta = self.read_pdf(path.read_bytes())
            except (OSError, ValueError) as exc:
                yield Finding(where[lang], 1, 1, "OUT007", f"{site.pdf_name(lang)}: {exc}")
                continue
            title = next((p.text for p in doc.provisions if p.kind == "title"), "")
            for message in exported.pdf_problems(meta, lang, title, facts):
                yield Finding(where[lang], 1, 1, "OUT007", f"{site.pdf_name(lang)}: {message}")
            subjects[lang] = meta.subject
        for lang, message in exported.pdf_twin_problems(subjects, facts):
            yield Finding(where[lang], 1, 1, "OUT007", f"{site.pdf_name(lang)}: {message}")

    def check_exports(self) -> Iterator[Finding]:
        """memorandum.json against the built pages; the built Japanese against the signed source."""
        ja = self.docs_by_lang.get(site.ORIGINAL)
        json_path = self.site_dir / "memorandum.json"
        if ja is not None and json_path.is_file():
            try:
                data = json.loads(json_path.read_text("utf-8"))
                provisions = {p["id"]: p for p in data["provisions"]}
            except (ValueError, KeyError, TypeError) as exc:
                yield Finding(self.rel(json_path), 1, 1, "OUT003", f"memorandum.json is not readable: {exc}")
                return
            for lang, texts in self.built_texts.items():
                doc = self.docs_by_lang[lang]
                for prov in doc.provisions:
                    entry = provisions.get(prov.id)
                    if entry is None:
                        yield Finding(self.rel(doc.path), prov.line, 1, "OUT003", f"'#{prov.id}' is missing from memorandum.json")
                        continue
                    text = entry.get("text", {}).get(lang, "")
                    if entry.get("sha256", {}).get(lang) != document.sha256_nfc(text):
                        yield Finding(self.rel(doc.path), prov.line, 1, "OUT003",
                                      f"memorandum.json: SHA-256 of '#{prov.id}' ({lang}) does not match its text")
                    if prov.id in texts and output.visible(text, lang) != output.visible(texts[prov.id], lang):
                        yield Finding(self.rel(doc.path), prov.line, 1, "OUT003",
                                      f"memorandum.json text of '#{prov.id}' ({lang}) differs from the built page")
            yield from self._downloads(data)
        yield from self._against_source()

    def _signed_source(self) -> str | None:
        try:
            facts = metadata.load_cached(self.meta_path)
            raw = (self.docs / "_data" / str(facts["source"]["path"])).read_text("utf-8")
        except (metadata.MetadataError, OSError, UnicodeDecodeError, KeyError, TypeError):
            return None  # the checks report an unreadable metadata file or source (STR003, FID002)
        return fidelity.source_text(raw)

    def _downloads(self, data: dict) -> Iterator[Finding]:
        """The Akoma Ntoso documents against memorandum.json, and SHA256SUMS against every download."""
        akn = data.get("akn") if isinstance(data.get("akn"), dict) else {}
        provisions = [p for p in data.get("provisions", []) if isinstance(p, dict)]
        paths: dict[str, str] = {}
        for lang in site.LANGS:
            if isinstance(akn.get(lang), str):
                paths[lang] = akn[lang]
            else:
                yield Finding(self.rel(self.site_dir / "memorandum.json"), 1, 1, "OUT004",
                              f"memorandum.json names no Akoma Ntoso document for '{lang}': expected "
                              f"akn.{lang}, the document's path in the site")
        for lang, url in sorted(paths.items()):
            doc = self.docs_by_lang.get(lang)
            path = self.site_dir / str(url).lstrip("/")
            if not path.is_file():
                yield Finding(self.rel(self.site_dir / "memorandum.json"), 1, 1, "OUT004",
                              f"memorandum.json names the Akoma Ntoso document {url}, which is not in the built site")
                continue
            source = self._signed_source() if lang == site.ORIGINAL else None
            for problem in exported.check_akn(path.read_bytes(), lang, provisions, source):
                prov = doc.get(problem.pid) if doc and problem.pid else None
                where, line = (self.rel(doc.path), prov.line) if prov and doc else (self.rel(path), 1)
                yield Finding(where, line, 1, "OUT004", f"{url}: {problem.message}")
        published = data.get("versions") if isinstance(data.get("versions"), dict) else {}
        version_paths = list(dict.fromkeys(
            str(v[key]) for found in published.values() if isinstance(found, list)
            for v in found if isinstance(v, dict) for key in ("json", "akn") if v.get(key)))
        listed = site.download_names([str(u) for u in paths.values()], version_paths)
        for rel, message in exported.check_sums(self.site_dir, listed):
            yield Finding(self.rel(self.site_dir / rel), 1, 1, "OUT005", message)

    def _against_source(self) -> Iterator[Finding]:
        ja, texts = self.docs_by_lang.get(site.ORIGINAL), self.built_texts.get(site.ORIGINAL)
        if ja is None or texts is None:
            return
        source = self._signed_source()
        if source is None:
            return
        found = [(unicodedata.normalize("NFC", ch), p.line, 1) for p in ja.provisions
                 for ch in output.visible(texts.get(p.id, ""), site.ORIGINAL)]
        diff = fidelity.compare(source, found)
        if diff:
            line, _, message = diff
            yield Finding(self.rel(ja.path), line, 1, "OUT003", f"built Japanese text: {message}")


def search_problems(index: object, lang: str, ids: list[str]) -> list[str]:
    """What keeps one language's search index from being the final one: only that language's
    pages, every provision of its memorandum (an entry ``memorandum/#id``)."""
    docs = index.get("docs") if isinstance(index, dict) else None
    if not isinstance(docs, list):
        return ["has no list of entries"]
    locations = {str(e.get("location", "")) for e in docs if isinstance(e, dict)}
    others = sorted(loc for loc in locations for other in site.LANGS
                    if other != lang and site.PREFIX[other] and loc.startswith(site.PREFIX[other]))
    out = [f"holds another language's page {loc!r}: expected {lang} pages only" for loc in others[:3]]
    missing = [pid for pid in ids if pid != "title" and f"{site.MEMORANDUM}/#{pid}" not in locations]
    if missing:
        out.append(f"has no entry for {', '.join('#' + m for m in missing[:5])}"
                   f"{' …' if len(missing) > 5 else ''}: expected one entry per provision")
    return out


def check_site(site_dir: Path, docs: Path, root: Path | None = None,
               read_pdf: Callable[[bytes], exported.PdfMetadata] | None = None) -> list[Finding]:
    """Every finding on a built site, sorted (``read_pdf``: how a PDF's metadata is read, by default here)."""
    checker = Site(site_dir.resolve(), docs.resolve(), (root or docs.parent).resolve(),
                   read_pdf or exported.pdf_metadata)
    findings: list[Finding] = []
    for html_path in sorted(checker.site_dir.rglob("*.html")):
        findings.extend(checker.check_page(html_path))
    for svg in sorted(checker.site_dir.rglob("*.svg")):
        rel = svg.relative_to(checker.site_dir)
        src = checker.docs / rel
        where = checker.rel(src) if src.is_file() else checker.rel(svg)
        for line, col, code, message in safety.scan_asset(svg.read_text("utf-8", errors="replace")):
            findings.append(Finding(where, line, col, code, f"on the built asset {rel.as_posix()}: {message}"))
    findings.extend(checker.check_exports())
    findings.extend(checker.check_search())
    findings.extend(checker.check_pdfs())
    return sorted(set(findings))
