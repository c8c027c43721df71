"""The built downloads against each other: Akoma Ntoso, ``memorandum.json`` and ``SHA256SUMS``.

Run on every build (``checks.built``) and by ``python -m checks --site DIR``:

* OUT004: an Akoma Ntoso document is missing, not well-formed, names the
  wrong language, lacks a provision's ``eId`` or has one twice, has an
  ``eId`` no provision maps to, or gives a provision a text other than
  ``memorandum.json``'s (compared with whitespace removed: the XML
  separates a number from its text by elements, not spaces); for Japanese,
  a text not found in the signed source in the source's order;
* OUT005: ``SHA256SUMS`` is missing, lists a file that is not there or
  whose SHA-256 differs, or leaves out a download.

The XML is read with the standard library's parser; validation against
the OASIS schema (``akomantoso30.xsd``) is in the tests.
"""

from __future__ import annotations

import hashlib
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from checks import akn

AKN = "{" + akn.NS + "}"
# The elements that hold one provision each (a list only groups an article's intro and points).
PROVISION_TAGS = frozenset(AKN + t for t in ("longTitle", "recitals", "recital", "article", "intro", "point",
                                             "paragraph", "formula", "signature"))


class Problem(NamedTuple):
    pid: str  # the provision concerned, or "" for the file as a whole
    code: str
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
        yield Problem("", "OUT004", f"not well-formed XML: {exc}")
        return
    language = root.find(f".//{AKN}FRBRExpression/{AKN}FRBRlanguage")
    found_lang = language.get("language") if language is not None else None
    if found_lang != akn.LANG3.get(lang):
        yield Problem("", "OUT004", f"FRBRlanguage: expected '{akn.LANG3.get(lang)}', found '{found_lang}'")
    if lang != "ja" and root.find(f".//{AKN}FRBRExpression/{AKN}FRBRtranslation") is None:
        yield Problem("", "OUT004", "expected FRBRtranslation: the English expression is a translation of the Japanese")
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
            yield Problem(pid, "OUT004", f"memorandum.json maps '#{pid}' to eId '{eid}', expected '{akn.eid(pid)}'")
        found = elements.get(eid or "", [])
        if len(found) != 1:
            yield Problem(pid, "OUT004", f"eId '{eid}': expected one element, found {len(found) or 'none'}")
            continue
        text = flat(own_text(found[0]))
        expected = flat((p.get("text") or {}).get(lang, ""))
        if text != expected:
            yield Problem(pid, "OUT004", f"text of eId '{eid}' differs from memorandum.json: "
                                         f"expected '{expected[:40]}', found '{text[:40]}'")
        if flat_source is not None and text:
            where = flat_source.find(text, at)
            if where < 0:
                yield Problem(pid, "OUT004", f"text of eId '{eid}' is not in the signed source after the previous provision")
            else:
                at = where + len(text)
    for eid in sorted(set(elements) - mapped):
        yield Problem("", "OUT004", f"eId '{eid}' is not the eId of any provision in memorandum.json")


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
