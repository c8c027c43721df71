"""Fact placeholders: ``{{ name }}`` in a page, filled from docs/_data/memorandum.yml.

Home and about pages state the signing date, the parties, the signatories
and the instruments; they take them from the metadata file so that a fact
is written once. The facts hook fills them at build time; the STR005 check
reports an unknown name at the same line.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from typing import Any, Callable, Iterator

from checks.model import accessibility, languages, metadata, site
from checks.model.page import Page

# A placeholder: double braces around a lower-case name.
PLACEHOLDER = re.compile(r"\{\{\s*(?P<name>[a-z_]+)\s*\}\}")

LABELS = {lang: languages.profile(lang).ui["placeholders"] for lang in site.LANGS}  # strings in the profiles

def _table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(out)


def _date(value: Any, lang: str) -> str:
    return metadata.format_date(value, lang) if value else LABELS[lang]["none"]


def timeline(facts: dict[str, Any], lang: str) -> list[list[str]]:
    """Dated instruments, the signing and later events, in date order."""
    lab = LABELS[lang]
    rows = [(metadata.iso(i["date"]), lab["timeline"].format(name=i[lang], event=i["event"][lang]))
            for i in facts["instruments"] if i.get("date")]
    rows.append((metadata.iso(facts["signed"]["date"]), lab["signed"].format(place=facts["signed"]["place"][lang])))
    rows += [(metadata.iso(e["date"]), e[lang]) for e in facts.get("events", [])]
    return [[metadata.format_date(d, lang), text] for d, text in sorted(rows)]


def _in_words(n: int, lang: str) -> str:
    """A small count as prose writes it: 'two' in English, '2' in Japanese (a profile without number words)."""
    words = {v: k for k, v in languages.profile(lang).number_words.items()}
    return words.get(n, str(n))


def _signatories(facts: dict[str, Any], lang: str) -> str:
    lab = LABELS[lang]
    return _table([lab["on_behalf"], lab["name"], lab["title"], lab["note"]],
                  [[s["on_behalf"][lang], f"**{s['name'][lang]}**", s["title"][lang],
                    (s.get("note") or {}).get(lang, lab["none"])] for s in facts["signatories"]])


def _translation_checked(facts: dict[str, Any], lang: str) -> str:
    """When the translation was last checked against the Japanese (from the translation lock)."""
    checked = facts.get("translation_checked")
    return metadata.format_date(checked, lang) if checked else LABELS[lang]["none"]


def _instruments(facts: dict[str, Any], lang: str) -> str:
    lab = LABELS[lang]
    return _table([lab["instrument"], lab["date"], lab["event"], lab["note"]],
                  [[i[lang], _date(i.get("date"), lang), i["event"][lang], i["note"][lang]] for i in facts["instruments"]])


def _terms(facts: dict[str, Any], lang: str) -> str:
    lab = LABELS[lang]
    return _table([lab["term"], lab["other"], lab["definition"]],
                  [[t[lang], t[site.other(lang)], t["definition"][lang]] for t in facts["defined_terms"]])


def _checksums(facts: dict[str, Any], lang: str) -> str:
    """Every download with its SHA-256, linked relative to the verify page (``verify/`` under the language's root)."""
    up = "../" * (1 + site.PREFIX[lang].count("/"))
    sums = facts.get("checksums") or {}
    return _table([LABELS[lang]["file"], LABELS[lang]["sha256"]],
                  [[f'<a href="{up}{rel}"><code>{rel}</code></a>', f"`{digest}`"] for rel, digest in sorted(sums.items())])


def _repository(facts: dict[str, Any]) -> str:
    """``owner/name`` of the repository the site is built from (for ``gh attestation verify --repo``)."""
    path = urlsplit(str(facts.get("repo_url") or "")).path
    parts = [part for part in path.split("/") if part]
    if len(parts) != 2:
        return "OWNER/REPOSITORY"
    owner, name = parts
    return f"{owner}/{name.removesuffix('.git')}"


# Each placeholder's name and how it renders from (facts, lang).
RENDER: dict[str, Callable[[dict[str, Any], str], str]] = {
    "title": lambda f, lang: f["title"][lang],
    "short_title": lambda f, lang: f["short_title"][lang],
    "citation": lambda f, lang: f["citation"][lang],
    "signed_date": lambda f, lang: metadata.format_date(f["signed"]["date"], lang),
    "signed_date_iso": lambda f, lang: metadata.iso(f["signed"]["date"]) or "",
    "signed_place": lambda f, lang: f["signed"]["place"][lang],
    "originals": lambda f, lang: str(f["signed"]["originals"]),
    "originals_words": lambda f, lang: _in_words(int(f["signed"]["originals"]), lang),
    "notice_period": lambda f, lang: f["notice_period"][lang],
    "repo_url": lambda f, lang: str(f.get("repo_url", "")).rstrip("/"),
    "parties": lambda f, lang: "\n".join(f"- {p[lang]}" for p in f["parties"]),
    "signatories": _signatories,
    "instruments": _instruments,
    "timeline": lambda f, lang: _table([LABELS[lang]["date"], LABELS[lang]["event"]], timeline(f, lang)),
    "terms": _terms,
    "areas": lambda f, lang: "\n".join(f"{k}. [{a[lang]}](memorandum.md#{a['id']})"
                                       for k, a in enumerate(f.get("areas") or [], 1)),
    "translation_checked": _translation_checked,
    "current_version": lambda f, lang: _date((f.get("current_version") or {}).get(lang), lang),
    "checksums": _checksums,
    "accessibility_claim": lambda f, lang: accessibility.claim(f.get("accessibility") or {}, lang),
    "accessibility_table": lambda f, lang: accessibility.table(f.get("accessibility") or {}, lang),
    "accessibility_tested": lambda f, lang: _date((f.get("accessibility") or {}).get("tested"), lang),
    "repository": lambda f, lang: _repository(f),
}
NAMES = frozenset(RENDER)


def render(name: str, facts: dict[str, Any], lang: str) -> str | None:
    """The Markdown for one placeholder, or None when the name is unknown."""
    fn = RENDER.get(name)
    return fn(facts, lang) if fn else None


def unknown(page: Page) -> Iterator[tuple[int, str]]:
    """(offset, name) of each placeholder in a page whose name no fact answers to."""
    for m in PLACEHOLDER.finditer(page.text):  # front matter too: its title and description are filled
        if m.group("name") not in NAMES:
            yield m.start(), m.group("name")


def expand(markdown: str, facts: dict[str, Any], lang: str) -> str:
    """Every known placeholder replaced; unknown ones left as written (``unknown`` reports them)."""
    def sub(m: re.Match[str]) -> str:
        out = render(m.group("name"), facts, lang)
        return m.group(0) if out is None else out
    return PLACEHOLDER.sub(sub, markdown)
