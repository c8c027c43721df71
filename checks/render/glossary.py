"""The glossary page, generated from the metadata and the memorandum text.

``<!-- glossary -->`` on ``glossary.<lang>.md`` (a comment, like the parallel
view's marker, so no fact placeholder can be mistaken for it) becomes one entry per defined
term (``#term-<id>``) and per instrument (``#instrument-<id>``): the term in
both languages, its meaning, where it is defined and every provision that
uses it, each a link into the memorandum of the page's language.
"""

from __future__ import annotations

from typing import Any


from checks.model import document, languages, metadata, site
from checks.find.termforms import used_in


MARKER = "<!-- glossary -->"
LABELS = {lang: languages.profile(lang).ui["glossary"] for lang in site.LANGS}  # strings in the profiles


def _sentence(event: str, note: str, lang: str) -> str:
    return LABELS[lang]["sentence"].format(event=f"{event[:1].upper()}{event[1:]}", note=note)


def _links(ids: list[str], lang: str) -> str:
    return LABELS[lang]["sep"].join(f"[{document.label(i, lang)}](memorandum.md#{i})" for i in ids)


def render(facts: dict[str, Any], doc: document.Document, lang: str) -> str:
    lab, other = LABELS[lang], site.other(lang)
    out = [f"## {lab['terms']} {{ #terms }}", ""]
    for term in facts["defined_terms"]:
        used = [i for i in used_in(term, doc, lang) if i != term.get("defined_in")]
        defined = _links([term["defined_in"]], lang) if term.get("defined_in") else lab["none"]
        out += [f"### {term[lang]} {{ #term-{term['id']} }}", "", term["definition"][lang], "",
                lab["other"], f':   <span lang="{other}">{term[other]}</span>', "",
                lab["defined"], f":   {defined}", ""]
        if used:
            out += [lab["used"], f":   {_links(used, lang)}", ""]
    out += [f"## {lab['instruments']} {{ #instruments }}", ""]
    for inst in facts["instruments"]:
        mentioned = used_in(inst, doc, lang)
        out += [f"### {inst[lang]} {{ #instrument-{inst['id']} }}", "",
                _sentence(inst["event"][lang], inst["note"][lang], lang), "",
                lab["other"], f':   <span lang="{other}">{inst[other]}</span>', ""]
        if inst.get("date"):
            out += [lab["date"], f":   {metadata.format_date(inst['date'], lang)}", ""]
        if mentioned:
            out += [lab["mentioned"], f":   {_links(mentioned, lang)}", ""]
    return "\n".join(out)
