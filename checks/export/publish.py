"""The downloadable exports, as pure functions of the document model and the metadata.

``downloads(docs)`` returns every file a reader can download, keyed by its
path under the site root: ``memorandum.json`` (with its schema), one Akoma
Ntoso document and one tagged PDF per language, the aligned provisions as
TMX for translators (``checks.export.interchange``), and ``SHA256SUMS`` over all
of them. The build
writes them (``hooks/exports.py``) and the verify page lists the same hashes
(``{{ checksums }}``: ``Checksums``); nothing here needs MkDocs.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any, Iterator, Mapping

from checks.export import akn, interchange, printed
from checks.model import cache, document, kept, lock, metadata, site, versions

SCHEMA_NAME, JSON_NAME, SUMS_NAME = site.SCHEMA_NAME, site.JSON_NAME, site.SUMS_NAME


def _plain(value: Any) -> Any:
    """YAML values as JSON: dates become ISO strings."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def export(facts: dict[str, Any], ja: document.Document, en: document.Document,
           history: versions.History | None = None) -> dict[str, Any]:
    """The content of memorandum.json: metadata, every provision in both languages with its AKN eId,
    and the published versions of each text with where each is published as JSON."""
    provisions = []
    for p in ja.provisions:
        q = en.get(p.id)
        texts = {site.ORIGINAL: p.text, site.TRANSLATION: q.text if q else ""}
        provisions.append({
            "id": p.id, "kind": p.kind, "number": p.number or None,
            "eId": akn.eid(p.id),
            "label": {lang: document.label(p.id, lang) for lang in site.LANGS},
            "text": texts,
            "sha256": {lang: document.sha256_nfc(t) for lang, t in texts.items()},
        })
    meta = {k: v for k, v in _plain(facts).items() if k != "source"}
    return {"$schema": SCHEMA_NAME, "metadata": meta,
            "source": {"sha256": facts["source"]["sha256"]},
            "akn": {lang: "/" + akn.site_path(facts, lang) for lang in site.LANGS},
            "versions": {lang: [{"date": v.date, "reason": dict(v.reason), "provisions": list(v.text) if i else [],
                                 "json": "/" + site.version_path(lang, v.date),
                                 "akn": "/" + akn.site_path(facts, lang, v.date)}
                                for i, v in enumerate((history or versions.History()).of(lang))]
                         for lang in site.LANGS},
            "provisions": provisions}


def as_of(doc: document.Document, texts: Mapping[str, str]) -> document.Document:
    """The document with each provision's text as ``texts`` give it (one line each where it differs)."""
    provisions = [p if texts.get(p.id, p.text) == p.text else
                  dataclasses.replace(p, lines=[document.Line(p.line, p.col, texts[p.id])]) for p in doc.provisions]
    return dataclasses.replace(doc, provisions=provisions)


def version_json(history: versions.History, doc: document.Document, lang: str, version: versions.Version) -> dict[str, Any]:
    """One version of a language's text: every provision's text as of its date."""
    found = history.of(lang)
    texts = versions.texts_at(history, lang, {p.id: p.text for p in doc.provisions}, version.date)
    return {"lang": lang, "date": version.date, "reason": dict(version.reason),
            "current": version is found[-1],
            "previous": found[found.index(version) - 1].date if found.index(version) else None,
            "changed": list(version.text) if found.index(version) else [],
            "provisions": [{"id": p.id, "label": document.label(p.id, lang), "text": texts.get(p.id, ""),
                            "sha256": document.sha256_nfc(texts.get(p.id, ""))} for p in doc.provisions]}


def generated(docs: Path) -> str:
    """The manifestation date of the AKN files: the day the texts were last checked against each other.

    Taken from the translation lock, not the clock, so the same sources give
    the same bytes (and the same SHA-256) on every build.
    """
    return lock.latest(lock.load(lock.path_in(docs))) or "1970-01-01"


def checksums(files: dict[str, bytes]) -> dict[str, str]:
    """The SHA-256 of every download (SHA256SUMS itself left out), by path, sorted."""
    return {rel: hashlib.sha256(data).hexdigest() for rel, data in sorted(files.items()) if rel != SUMS_NAME}


def sha256sums(files: dict[str, bytes]) -> bytes:
    """``sha256sum``'s format: hash, two spaces, path; sorted by path."""
    return "".join(f"{digest}  {rel}\n" for rel, digest in checksums(files).items()).encode()


def downloads(docs: str | Path, pdfs: bool = True) -> dict[str, bytes]:
    """Every downloadable export, keyed by its path under the site root, and SHA256SUMS over them
    (``pdfs=False`` leaves the PDFs out: they take a second to render). The data exports are kept
    between builds on every file under ``docs`` (``checks.model.kept``); the PDFs on their HTML."""
    docs = Path(docs)
    files = data_kept(docs)
    if pdfs:
        facts = metadata.load_cached(metadata.path_in(docs))
        for lang in site.LANGS:
            model = document.load_cached(site.memorandum_path(docs, lang))
            files[site.pdf_name(lang)] = printed.pdf(printed.html_of(facts, model, lang))
    files[SUMS_NAME] = sha256sums(files)
    return files


def data_kept(docs: Path) -> dict[str, bytes]:
    """``data_files``, made once in a process for the same files under ``docs`` (each language's verify
    page and the downloads ask for them: three times a build) and kept between builds on them
    (``checks.model.kept``). A new dict each time: the caller may add to it."""
    parts = list(_docs_bytes(docs))
    return dict(cache.by_key(("data-downloads", str(docs.resolve()), kept.digest(parts)), lambda: kept.kept(
        "downloads", parts, lambda: data_files(docs),
        dump=lambda made: {rel: base64.b64encode(data).decode("ascii") for rel, data in made.items()},
        load=lambda stored: {str(rel): base64.b64decode(text, validate=True) for rel, text in stored.items()})))


def _docs_bytes(docs: Path) -> Iterator[bytes]:
    """Every file under ``docs``, each as its path and its bytes, in path order: what the data exports are
    made of."""
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        yield path.relative_to(docs).as_posix().encode()
        yield path.read_bytes()


def data_files(docs: Path) -> dict[str, bytes]:
    """The downloads made from the sources alone: memorandum.json and its schema, the Akoma Ntoso
    documents, each version's JSON and Expression, the TMX."""
    facts = metadata.load_cached(metadata.path_in(docs))
    models = {lang: document.load_cached(site.memorandum_path(docs, lang)) for lang in site.LANGS}
    history = versions.load_cached(versions.path_in(docs))
    files = {JSON_NAME: (json.dumps(export(facts, models[site.ORIGINAL], models[site.TRANSLATION], history),
                                    ensure_ascii=False, indent=2) + "\n").encode()}
    schema = docs / SCHEMA_NAME
    if schema.is_file():
        files[SCHEMA_NAME] = schema.read_bytes()
    when = generated(docs)
    for lang in site.LANGS:
        files[akn.site_path(facts, lang)] = akn.document_xml(facts, models[lang], lang, when)
    for lang in site.LANGS:
        for version in history.of(lang):
            files[site.version_path(lang, version.date)] = (json.dumps(
                version_json(history, models[lang], lang, version), ensure_ascii=False, indent=2) + "\n").encode()
            # The version as an Akoma Ntoso Expression dated by it (the signed Japanese is the document above).
            path = akn.site_path(facts, lang, version.date)
            if path not in files:
                texts = versions.texts_at(history, lang, {p.id: p.text for p in models[lang].provisions}, version.date)
                files[path] = akn.document_xml(facts, as_of(models[lang], texts), lang, when, version.date)
    files[site.TMX_NAME] = interchange.tmx(interchange.units(docs))
    return files


def _key(docs: Path) -> tuple[str, str, str]:
    sources = [metadata.path_in(docs), lock.path_in(docs), versions.path_in(docs), docs / SCHEMA_NAME,
               *(site.memorandum_path(docs, lang) for lang in site.LANGS)]
    return "downloads", str(docs), hashlib.sha256(b"".join(p.read_bytes() if p.is_file() else b"-" for p in sources)).hexdigest()


def downloads_cached(docs: str | Path) -> dict[str, bytes]:
    """``downloads`` memoised on the sources' content (the build asks once per language)."""
    return cache.by_key(_key(Path(docs)), lambda: downloads(docs))


def prepare(docs: str | Path) -> bool:
    """Start the PDFs ``downloads_cached`` will need rendering in the background (``printed.prepare``);
    whether any is being rendered."""
    docs = Path(docs)
    if cache.known(_key(docs)):
        return False
    try:
        facts = metadata.load_cached(metadata.path_in(docs))
        models = {lang: document.load_cached(site.memorandum_path(docs, lang)) for lang in site.LANGS}
        html_texts = [printed.html_of(facts, models[lang], lang) for lang in site.LANGS]
    except Exception:  # noqa: BLE001 - nothing to start; ``downloads`` raises the same error where it is reported
        return False
    return printed.prepare(html_texts)


class Checksums(Mapping[str, str]):
    """The SHA-256 of every download, as the verify page lists them, made when first read: the data
    exports' digests, and for each PDF its stand-in (``site.stand_in``). The PDFs render in another
    process while the pages build; the build fills their digests in once every language is built
    (``checks.render.exports.fill``), so no page waits for them."""

    def __init__(self, docs: str | Path) -> None:
        self._docs = docs
        self._sums: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        if self._sums is None:
            made = checksums(data_kept(Path(self._docs)))
            self._sums = dict(sorted({**made, **{site.pdf_name(lang): site.stand_in(site.pdf_name(lang))
                                                  for lang in site.LANGS}}.items()))
        return self._sums

    def __getitem__(self, rel: str) -> str:
        return self._all()[rel]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

