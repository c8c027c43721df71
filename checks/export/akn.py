"""Akoma Ntoso 3.0 (OASIS LegalDocML): one ``<doc name="memorandum">`` per language.

A pure function of the document model and the metadata, callable without
MkDocs: ``document_xml(facts, doc, lang, generated)`` returns the bytes the
build writes under ``/akn/…/main.xml``.

Naming follows the AKN naming convention (``checks.model.akn_names``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from checks.model import document, languages, metadata, site
from checks.model.akn_names import (EID, LANG3, NS, eid, expression_uri,  # noqa: F401 - the names the exports use
                                    site_path, work_uri)

PUBLISHER = "publisher"  # the TLCOrganization of this site, the translation's author


def _camel(name: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", name)
    return (words[0].lower() + "".join(w.capitalize() for w in words[1:])) if words else "person"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k.replace("_", ""): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _split(p: document.Provision) -> tuple[str, str]:
    """A numbered provision's printed number (with its punctuation) and the rest of its text."""
    text = p.text
    if p.kind == "article":
        m = languages.profile(p.lang).article_heading.match(text)
        if m:
            return text[: m.start("title")].rstrip(document.BLANK), m.group("title")
    if p.kind == "paragraph" and p.number and text.startswith(p.number):
        return p.number, text[len(p.number):].lstrip(document.BLANK)
    return "", text


def _meta(root: ET.Element, facts: dict[str, Any], lang: str, generated: str, version: str | None = None) -> None:
    date = metadata.iso(facts["signed"]["date"]) or ""
    meta = _sub(root, "meta")
    ident = _sub(meta, "identification", source=f"#{PUBLISHER}")
    work, expr = work_uri(facts), expression_uri(facts, lang, version)
    w = _sub(ident, "FRBRWork")
    _sub(w, "FRBRthis", value=f"{work}/!main")
    _sub(w, "FRBRuri", value=work)
    _sub(w, "FRBRdate", date=date, name="signature")
    for party in facts["parties"]:
        _sub(w, "FRBRauthor", href=f"#{party['id']}")
    _sub(w, "FRBRcountry", value=facts["work"]["country"])
    _sub(w, "FRBRsubtype", value=facts["work"]["subtype"])
    _sub(w, "FRBRname", value=facts["short_title"][lang])
    e = _sub(ident, "FRBRExpression")
    _sub(e, "FRBRthis", value=f"{expr}/!main")
    _sub(e, "FRBRuri", value=expr)
    _sub(e, "FRBRdate", date=version or date, name="version" if version else "signature")
    if lang == site.ORIGINAL:
        for party in facts["parties"]:
            _sub(e, "FRBRauthor", href=f"#{party['id']}")
    else:
        _sub(e, "FRBRauthor", href=f"#{PUBLISHER}")
    _sub(e, "FRBRauthoritative", value="true" if lang == site.ORIGINAL else "false")
    _sub(e, "FRBRlanguage", language=LANG3[lang])
    if lang != site.ORIGINAL:
        _sub(e, "FRBRtranslation", href=expression_uri(facts, site.ORIGINAL), fromLanguage=LANG3[site.ORIGINAL],
             by=f"#{PUBLISHER}")
    m = _sub(ident, "FRBRManifestation")
    _sub(m, "FRBRthis", value=f"{expr}/!main.xml")
    _sub(m, "FRBRuri", value=f"{expr}.akn")
    _sub(m, "FRBRdate", date=generated, name="generation")
    _sub(m, "FRBRauthor", href=f"#{PUBLISHER}")
    _sub(m, "FRBRformat", value="application/akn+xml")
    refs = _sub(meta, "references", source=f"#{PUBLISHER}")
    for party in facts["parties"]:
        _sub(refs, "TLCOrganization", eId=party["id"], href=f"/ontology/organization/{party['id']}",
             showAs=party[lang])
    _sub(refs, "TLCOrganization", eId=PUBLISHER, href=f"/ontology/organization/{PUBLISHER}",
         showAs=languages.profile(lang).ui["akn"]["publisher"])
    for s in facts["signatories"]:
        person = _camel(s["name"][languages.latin()])
        _sub(refs, "TLCPerson", eId=person, href=f"/ontology/person/{person}", showAs=s["name"][lang])
        _sub(refs, "TLCRole", eId=f"{person}Role", href=f"/ontology/role/{person}", showAs=s["title"][lang])


def _block(parent: ET.Element, tag: str, p: document.Provision) -> ET.Element:
    """A hierarchical unit holding one provision: num and content, or its text in content."""
    el = _sub(parent, tag, eId=eid(p.id) or p.id)
    num, rest = _split(p)
    if num:
        _sub(el, "num", num)
    _sub(_sub(el, "content"), "p", rest)
    return el


def _lines(parent: ET.Element, lines: list[str]) -> None:
    """Lines of inline text separated by ``<eol/>``, as the signed text breaks them."""
    last: ET.Element | None = None
    for i, line in enumerate(lines):
        if i:
            last = _sub(parent, "eol")
        if last is None:
            parent.text = line
        else:
            last.tail = line


def _signature(parent: ET.Element, p: document.Provision, signatory: dict[str, Any] | None) -> None:
    """A signatory's block: on whose behalf, the person and the role, each marked where the metadata names it."""
    sig = _sub(_sub(parent, "p"), "signature", eId=eid(p.id) or p.id)
    lines = [t for t in p.text_lines if t]
    name = signatory["name"][p.lang] if signatory else None
    at = lines.index(name) if name in lines else -1
    if at < 0 or signatory is None:
        _lines(_sub(sig, "span"), lines)
        return
    person = _camel(signatory["name"][languages.latin()])
    if at:
        _lines(_sub(sig, "span"), lines[:at])
        _sub(sig, "eol")
    _sub(sig, "person", name, refersTo=f"#{person}", as_=f"#{person}Role")
    rest = lines[at + 1:]
    if rest:
        _sub(sig, "eol")
        if site.joiner(p.lang).join(rest) == signatory["title"][p.lang]:
            _lines(_sub(sig, "role", refersTo=f"#{person}Role"), rest)
        else:
            _lines(_sub(sig, "span"), rest)


def document_xml(facts: dict[str, Any], doc: document.Document, lang: str, generated: str,
                 version: str | None = None) -> bytes:
    """The AKN document of one language's memorandum page (``doc``: the text as of ``version`` when given,
    an Expression dated by that version), as UTF-8 bytes."""
    root = ET.Element("akomaNtoso", {"xmlns": NS})
    d = _sub(root, "doc", name=facts["work"]["subtype"])
    _meta(d, facts, lang, generated, version)
    by_kind = {k: doc.of_kind(k) for k in EID}
    title = by_kind["title"][0].text if by_kind["title"] else facts["title"][lang]
    long = _sub(_sub(d, "preface"), "longTitle", eId=EID["title"])
    _sub(_sub(long, "p"), "docTitle", title)
    recs = _sub(_sub(d, "preamble"), "recitals", eId=EID["preamble"])
    if by_kind["preamble"]:
        _sub(recs, "heading", by_kind["preamble"][0].text)
    for p in by_kind["recital"]:
        _sub(_sub(recs, "recital", eId=eid(p.id) or p.id), "p", p.text)
    body = _sub(d, "mainBody")
    for art in by_kind["article"]:
        a = _sub(body, "article", eId=eid(art.id) or art.id)
        num, heading = _split(art)
        _sub(a, "num", num)
        _sub(a, "heading", heading)
        prefix = art.id + "-"
        intro = [p for p in by_kind["intro"] if p.id.startswith(prefix)]
        items = [p for p in by_kind["item"] if p.id.startswith(prefix)]
        if intro or items:
            lst = _sub(a, "list", eId=f"{eid(art.id)}__list_1")
            for p in intro:
                _sub(_sub(lst, "intro", eId=eid(p.id) or p.id), "p", p.text)
            for p in items:
                _block(lst, "point", p)
        for p in (q for q in by_kind["paragraph"] if q.id.startswith(prefix)):
            _block(a, "paragraph", p)
    concl = _sub(d, "conclusions")
    for p in by_kind["signing-clause"]:
        _sub(_sub(concl, "formula", name="signingClause", eId=eid(p.id) or p.id), "p", p.text)
    people = facts.get("signatories") or []
    for i, p in enumerate(by_kind["signatory"]):
        _signature(concl, p, people[i] if i < len(people) else None)
    ET.indent(root, space="  ")
    for p in root.iter("p"):  # inline content keeps its own spacing: no indentation inside a paragraph
        for el in p.iter():
            if el is not p and el.tail is not None and not el.tail.strip():
                el.tail = None
            if el.text is not None and not el.text.strip() and len(el):
                el.text = None
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
