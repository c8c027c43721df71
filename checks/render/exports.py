"""Machine-readable outputs: the downloads of ``checks.export.publish`` and JSON-LD on the memorandum pages.

``memorandum.json`` holds the metadata and every provision with its id,
kind, number, label and text in both languages, and the SHA-256 of each
text after NFC (``docs/memorandum.schema.json`` describes it). The JSON-LD is
schema.org ``Legislation``: the Japanese page is the text of the signed
original, the English page its reference translation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

from checks.model import document, languages, metadata, site


# What each language's text is, and how it states the binding status, are in the profiles (ui.exports);
# the binding status and its provision come from the metadata.
EXPORTS = {lang: languages.profile(lang).ui["exports"] for lang in site.LANGS}


def status(facts: dict[str, Any], lang: str) -> str:
    """The description of one language's text: its nature and the binding status the metadata records."""
    pid = facts.get("binding_provision") or ""
    label = document.label(pid, lang)
    words = EXPORTS[lang]
    return words["nature"] + site.joiner(lang) + words["binding"][bool(facts.get("legally_binding"))].format(label=label)


def legislation(facts: dict[str, Any], lang: str, url: str, other_url: str) -> dict[str, Any]:
    """schema.org Legislation for one language's memorandum page."""
    other = site.other(lang)
    node = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": f"{url}#legislation",
        "url": url,
        "name": facts["title"][lang],
        "alternateName": facts["short_title"][lang],
        "legislationType": EXPORTS[lang]["legislation_type"],
        "legislationDate": metadata.iso(facts["signed"]["date"]),
        "inLanguage": lang,
        "legislationLegalValue": EXPORTS[lang]["legal_value"],
        "description": status(facts, lang),
        "legislationPassedBy": [{"@type": "GovernmentOrganization", "name": p[lang]} for p in facts["parties"]],
        "spatialCoverage": facts["signed"]["place"][lang],
    }
    link = {"@type": "Legislation", "@id": f"{other_url}#legislation", "url": other_url, "inLanguage": other}
    node["workTranslation" if lang == site.DEFAULT_LANG else "translationOfWork"] = link
    return node


def fill(text: str, sums: Mapping[str, str]) -> str:
    """``text`` with the stand-in of each download in ``sums`` replaced by its SHA-256 (``site.stand_in``)."""
    for rel, digest in sums.items():
        text = text.replace(site.stand_in(rel), digest)
    return text


def fill_files(site_dir: Path, paths: Iterable[str], sums: Mapping[str, str]) -> None:
    """Fill the stand-ins in each built file (``paths`` from the site root; a missing one is skipped)."""
    for rel in dict.fromkeys(paths):
        path = site_dir / rel
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            continue
        filled = fill(text, sums)
        if filled != text:
            write_built(path, filled.encode("utf-8"))


def write_built(path: Path, data: bytes) -> None:
    """Write a file of the built site whole or not at all: beside it first, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
