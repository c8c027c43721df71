"""The built downloads against each other: Akoma Ntoso, ``memorandum.json`` and ``SHA256SUMS``.

Run on every build and by ``python -m checks --site DIR``; ``checks.verify.built``
reports what these functions find with the OUT codes:

* OUT004: an Akoma Ntoso document is missing, not well-formed, names the
  wrong language, lacks a provision's ``eId`` or has one twice, has an
  ``eId`` no provision maps to, or gives a provision a text other than
  ``memorandum.json``'s (compared with whitespace removed: the XML
  separates a number from its text by elements, not spaces); for Japanese,
  a text not found in the signed source in the source's order;
* OUT005: ``SHA256SUMS`` is missing, lists a file that is not there or
  whose SHA-256 differs, or leaves out a download;
* OUT007: a PDF's metadata (document information and XMP) differs from the
  memorandum: a title other than the text's own, a language other than the
  page's, an author other than the Sides, or a subject (the PDF's notice)
  that states a fact differently from the metadata (the rules the pages are
  held to: dates, places, names, Sides, originals, notice period), leaves out
  one of the notices a reader relies on, or states what the other language's
  PDF does not.

The XML is read with the standard library's parser; validation against
the OASIS schema (``akomantoso30.xsd``) is in the tests. PDFs are read with
pypdf.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import json
import os
import select
import subprocess
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from checks.rules import facts as facts_stated, twins
from checks.model import akn_names as akn, kept, site
from checks.model.page import Page

AKN = "{" + akn.NS + "}"
# The elements that hold one provision each (a list only groups an article's intro and points).
PROVISION_TAGS = frozenset(AKN + t for t in ("longTitle", "recitals", "recital", "article", "intro", "point",
                                             "paragraph", "formula", "signature"))


class Problem(NamedTuple):
    pid: str  # the provision concerned, or "" for the file as a whole
    message: str


def flat(text: str) -> str:
    """NFC text with every whitespace character removed."""
    return "".join(unicodedata.normalize("NFC", text).split())


def own_text(el: ET.Element) -> str:
    """The text an element holds itself: its descendants' text, except inside other elements with an eId."""
    parts = [el.text or ""]
    for child in el:
        if "eId" not in child.attrib:
            parts.append(own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def check_akn(data: bytes, lang: str, provisions: list[dict[str, Any]], source: str | None) -> Iterator[Problem]:
    """One language's AKN document against memorandum.json's provisions (and, in Japanese, the signed source)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        yield Problem("", f"not well-formed XML: {exc}")
        return
    language = root.find(f".//{AKN}FRBRExpression/{AKN}FRBRlanguage")
    found_lang = language.get("language") if language is not None else None
    if found_lang != akn.LANG3.get(lang):
        yield Problem("", f"FRBRlanguage: expected '{akn.LANG3.get(lang)}', found '{found_lang}'")
    if lang != site.ORIGINAL and root.find(f".//{AKN}FRBRExpression/{AKN}FRBRtranslation") is None:
        yield Problem("", "expected FRBRtranslation: the English expression is a translation of the Japanese")
    elements: dict[str, list[ET.Element]] = {}
    for el in root.iter():
        if el.tag in PROVISION_TAGS and "eId" in el.attrib:
            elements.setdefault(el.attrib["eId"], []).append(el)
    mapped = set()
    flat_source = flat(source) if source is not None else None
    at = 0
    for p in provisions:
        pid, eid = p.get("id", ""), p.get("eId")
        mapped.add(eid)
        if eid != akn.eid(pid):
            yield Problem(pid, f"memorandum.json maps '#{pid}' to eId '{eid}', expected '{akn.eid(pid)}'")
        found = elements.get(eid or "", [])
        if len(found) != 1:
            yield Problem(pid, f"eId '{eid}': expected one element, found {len(found) or 'none'}")
            continue
        text = flat(own_text(found[0]))
        expected = flat((p.get("text") or {}).get(lang, ""))
        if text != expected:
            yield Problem(pid, f"text of eId '{eid}' differs from memorandum.json: "
                                         f"expected '{expected[:40]}', found '{text[:40]}'")
        if flat_source is not None and text:
            where = flat_source.find(text, at)
            if where < 0:
                yield Problem(pid, f"text of eId '{eid}' is not in the signed source after the previous provision")
            else:
                at = where + len(text)
    for eid in sorted(set(elements) - mapped):
        yield Problem("", f"eId '{eid}' is not the eId of any provision in memorandum.json")


def check_sums(site_dir: Path, downloads: list[str]) -> Iterator[tuple[str, str]]:
    """(path, message) for each way SHA256SUMS disagrees with the built files; ``downloads`` must be listed."""
    sums = site_dir / "SHA256SUMS"
    if not sums.is_file():
        yield "SHA256SUMS", "missing: expected the SHA-256 of every download"
        return
    listed: dict[str, str] = {}
    for n, line in enumerate(sums.read_text("utf-8", errors="replace").splitlines(), 1):
        digest, sep, rel = line.partition("  ")
        if not sep or len(digest) != 64:
            yield "SHA256SUMS", f"line {n}: expected '<sha256>  <path>', found '{line[:60]}'"
            continue
        listed[rel] = digest
        target = (site_dir / rel).resolve()
        if not target.is_relative_to(site_dir.resolve()) or not target.is_file():
            yield rel, "listed in SHA256SUMS but not in the built site"
        elif (found := hashlib.sha256(target.read_bytes()).hexdigest()) != digest:
            yield rel, f"SHA-256 differs from SHA256SUMS: expected {digest[:12]}…, found {found[:12]}…"
    for rel in downloads:
        if rel not in listed:
            yield rel, "a download missing from SHA256SUMS"


# --- PDFs -------------------------------------------------------------------

class PdfMetadata(NamedTuple):
    title: str
    subject: str
    author: str
    lang: str
    xmp_title: str
    xmp_subject: str
    xmp_creator: str


def pdf_metadata(data: bytes) -> PdfMetadata:
    """What a PDF says about itself: its document information, its catalog's language and its XMP.
    Raises ``ValueError`` for a file pypdf cannot read."""
    import pypdf  # imported here: only a site with PDFs is read with it
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        info = reader.metadata or {}
        lang = reader.trailer["/Root"].get("/Lang")
        xmp = reader.xmp_metadata
        xmp_title = (xmp.dc_title or {}).get("x-default", "") if xmp else ""
        xmp_subject = " ".join(xmp.dc_subject or []) if xmp else ""
        xmp_creator = " ".join(xmp.dc_creator or []) if xmp else ""
    except (pypdf.errors.PyPdfError, KeyError, ValueError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a readable PDF: {exc}") from exc
    return PdfMetadata(str(info.get("/Title") or ""), str(info.get("/Subject") or ""), str(info.get("/Author") or ""),
                       str(lang or ""), str(xmp_title), str(xmp_subject), str(xmp_creator))


def notices_in(text: str, lang: str) -> set[str]:
    """The notices (``checks.rules.twins.NOTICES``) a text states."""
    return {notice for notice, patterns in twins.NOTICES.items() if patterns[lang].search(text)}


def pdf_problems(meta: PdfMetadata, lang: str, title: str, facts: dict[str, Any]) -> list[str]:
    """What one language's PDF metadata says differently from the memorandum and its metadata."""
    out = []
    for field, value in (("/Title", meta.title), ("XMP dc:title", meta.xmp_title)):
        if value != title:
            out.append(f"{field} is {value!r}: expected the memorandum's title {title!r}")
    if meta.lang != lang:
        out.append(f"/Lang is {meta.lang!r}: expected {lang!r}, the language of the text")
    sides = [str(party[lang]) for party in facts.get("parties") or []]
    missing = [side for side in sides if side not in meta.author]
    if not meta.author or missing:
        out.append(f"/Author {meta.author!r} does not name the Sides: expected "
                   + " and ".join(repr(s) for s in missing or sides) + " (metadata parties)")
    if meta.xmp_subject != meta.subject:
        out.append(f"XMP dc:subject {meta.xmp_subject!r} differs from /Subject {meta.subject!r}")
    for text, field in ((meta.subject, "/Subject"), (meta.author, "/Author")):
        for offset, code, message in facts_stated.text_problems(text, lang, facts):
            out.append(f"{field} at character {offset + 1}: {message} ({code})")
    for notice in twins.NOTICES:
        if notice not in notices_in(meta.subject, lang):
            out.append(f"/Subject does not give the notice '{notice}': expected it, as every page that says what "
                       "the text is gives it")
    return out


def pdf_twin_problems(subjects: dict[str, str], facts: dict[str, Any]) -> list[tuple[str, str]]:
    """(language, message) for each fact one language's PDF notice states and another's does not."""
    found = {lang: set(twins.stated(Page.of_body(f"memorandum.{lang}.pdf", text, lang), twins.names_of(facts), facts).facts)
             for lang, text in subjects.items()}
    out = []
    for lang, facts_here in sorted(found.items()):
        for other, facts_there in sorted(found.items()):
            for kind, value in sorted(facts_there - facts_here):
                if kind == "notice":
                    continue  # each PDF must give every notice: pdf_problems says which it lacks
                out.append((lang, f"/Subject does not state {kind} {value!r}, which the {other} PDF's states"))
    return out


CLOSE_WAIT = 30  # seconds the reader's process may take to end once its input is closed


class MetadataReader:
    """``pdf_metadata`` in a process of its own, so that pypdf's import (a quarter of a second)
    overlaps the page build instead of following it. ``read`` sends a PDF's bytes through a pipe
    and gets its metadata back; when the process cannot answer, the PDF is read here, where any
    error is raised as it always was.

    A PDF's metadata is kept between builds by its bytes (``checks.model.kept``): a rebuild whose
    PDFs did not change reads none of them. So the process starts with the reader only when
    ``eager`` (the build renders new PDFs, whose metadata no build kept); otherwise it starts when
    a PDF first needs reading, and a rebuild with kept PDFs starts none."""

    def __init__(self, eager: bool = True) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.started = False
        atexit.register(self.close)
        if eager:
            self._start()

    def _start(self) -> None:
        self.started = True
        root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "checks.verify.exported"], env=env, stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:
            self.proc = None

    def read(self, data: bytes) -> PdfMetadata:
        """The metadata of the PDF ``data``: kept from an earlier build, else read (an unreadable PDF
        raises ``ValueError``, and is not kept)."""
        return kept.kept("pdf-metadata", [data], lambda: self._read(data), dump=list, load=_kept_metadata)

    def _read(self, data: bytes) -> PdfMetadata:
        if not self.started:
            self._start()
        if self.proc is not None:
            try:
                self.proc.stdin.write(b"%d\n" % len(data) + data)
                self.proc.stdin.flush()
                answer = json.loads(self.proc.stdout.readline() or b"null")
            except (OSError, ValueError):
                answer = None
            if isinstance(answer, dict) and isinstance(answer.get("metadata"), list):
                return PdfMetadata(*answer["metadata"])
            if isinstance(answer, dict) and isinstance(answer.get("error"), str):
                raise ValueError(answer["error"])
            self.close()  # the process failed: read here from now on
        return pdf_metadata(data)

    def close(self) -> None:
        """End the process: close its input, wait for its output to end (a wait woken by the pipe,
        where ``Popen.wait``'s timeout would poll), then reap it; kill it if it does not end."""
        atexit.unregister(self.close)
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            proc.stdin.close()
        except OSError:
            pass
        with proc.stdout:
            ended, deadline = False, time.monotonic() + CLOSE_WAIT
            while not ended and (left := deadline - time.monotonic()) > 0:
                if select.select([proc.stdout], [], [], left)[0]:
                    ended = not os.read(proc.stdout.fileno(), 65536)
        try:
            proc.wait(timeout=None if ended else 0)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _kept_metadata(data: Any) -> PdfMetadata:
    """A kept reading back as ``PdfMetadata``; ``TypeError`` (read again) unless it is one's fields."""
    if not (isinstance(data, list) and len(data) == len(PdfMetadata._fields) and all(isinstance(v, str) for v in data)):
        raise TypeError("not a kept PDF metadata")
    return PdfMetadata(*data)


def worker(source, sink) -> int:
    """The reader's process: import pypdf first, then answer each PDF (a line with its length,
    then its bytes) with a line of JSON, until the pipe closes."""
    import pypdf  # noqa: F401 - the import this process exists to make early
    while True:
        head = source.readline()
        if not head.strip().isdigit():
            return 0
        data = source.read(int(head))
        try:
            answer = {"metadata": list(pdf_metadata(data))}
        except ValueError as exc:
            answer = {"error": str(exc)}
        sink.write(json.dumps(answer).encode("utf-8") + b"\n")
        sink.flush()


if __name__ == "__main__":
    raise SystemExit(worker(sys.stdin.buffer, sys.stdout.buffer))
