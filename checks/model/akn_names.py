"""Akoma Ntoso's names for this instrument: namespace, language codes, eIds and FRBR URIs.

The exports write them (``checks.export.akn``) and the verification reads a
built document by them (``checks.verify.exported``); neither defines them.

Naming follows the AKN naming convention. The Work's parts are the metadata's
``work`` (country, subtype, number) and signing date; for this memorandum it is
``/akn/jp/doc/memorandum/2025-04-28/quantum-science-technology``: the country
slot holds ``jp`` because the text reproduced here, the signed Japanese
original, is the one the Cabinet Office of Japan published, and ISO 3166-1
has no code for a pair of states (``jp-gb`` would read as a subdivision of
Japan). Each language is an Expression (``jpn@2025-04-28``,
``eng@2025-04-28``); the English one is marked ``FRBRtranslation`` of the
Japanese. Every provision id has one ``eId`` (``EID``), listed in
``/memorandum.json``.
"""

from __future__ import annotations

from typing import Any

from checks.model import document, languages, metadata, site

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANG3 = {lang: languages.profile(lang).lang3 for lang in site.LANGS}  # ISO 639-2

# Provision id -> eId, by kind (the model's GRAMMAR names the kinds).
EID = {
    "title": "longTitle",
    "preamble": "preamble__recs",
    "recital": "preamble__recs__rec_{n}",
    "article": "art_{a}",
    "intro": "art_{a}__list_1__intro",
    "item": "art_{a}__list_1__point_{n}",
    "paragraph": "art_{a}__para_{n}",
    "signing-clause": "conclusions__formula_1",
    "signatory": "conclusions__signature_{n}",
}


def eid(pid: str) -> str | None:
    """The AKN eId of a provision id: ``article-2-3`` -> ``art_2__para_3``."""
    parsed = document.parse_id(pid)
    return EID[parsed[0]].format(**parsed[1]) if parsed else None


def work_uri(facts: dict[str, Any]) -> str:
    work = facts["work"]
    return f"/akn/{work['country']}/doc/{work['subtype']}/{metadata.iso(facts['signed']['date'])}/{work['number']}"


def expression_uri(facts: dict[str, Any], lang: str, version: str | None = None) -> str:
    """A language's Expression: dated by signature, or by a recorded version (``eng@2026-11-25``)."""
    return f"{work_uri(facts)}/{LANG3[lang]}@{version or metadata.iso(facts['signed']['date'])}"


def site_path(facts: dict[str, Any], lang: str, version: str | None = None) -> str:
    """Where the build writes a language's document (of a version), relative to the site root."""
    return expression_uri(facts, lang, version).lstrip("/") + "/main.xml"
