"""Fill ``{{ name }}`` placeholders in pages from docs/_data/memorandum.yml.

Home and about pages state the signing date, the parties, the signatories
and the instruments; they take them from the metadata file so that a fact
is written once. An unknown placeholder is a warning naming the page and
line, so ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from checks import metadata

log = get_plugin_logger(__name__)

# A placeholder: double braces around a lower-case name.
PLACEHOLDER = re.compile(r"\{\{\s*(?P<name>[a-z_]+)\s*\}\}")

LABELS = {
    "ja": {"party": "当事者", "on_behalf": "代表", "name": "署名者", "title": "役職",
           "instrument": "文書", "date": "日付", "event": "経緯", "note": "注記",
           "term": "用語", "en": "英語参考訳での訳語", "defined_in": "定義箇所", "definition": "意味",
           "none": "—"},
    "en": {"party": "Party", "on_behalf": "Signing for", "name": "Signatory", "title": "Title",
           "instrument": "Instrument", "date": "Date", "event": "Event", "note": "Note",
           "term": "Term", "en": "Japanese original", "defined_in": "Defined in", "definition": "Meaning",
           "none": "—"},
}

_facts: dict[str, Any] = {}


def _table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(out)


def _date(value: Any, lang: str) -> str:
    return metadata.format_date(value, lang) if value else LABELS[lang]["none"]


def timeline(facts: dict[str, Any], lang: str) -> list[list[str]]:
    """Dated instruments, the signing and later events, in date order."""
    signed = {"ja": f"本協力覚書に署名（{facts['signed']['place']['ja']}）",
              "en": f"This memorandum signed ({facts['signed']['place']['en']})"}
    rows = [(metadata.iso(i["date"]), f"{i[lang]}: {i['event'][lang]}" if lang == "en" else f"「{i[lang]}」{i['event'][lang]}")
            for i in facts["instruments"] if i.get("date")]
    rows.append((metadata.iso(facts["signed"]["date"]), signed[lang]))
    rows += [(metadata.iso(e["date"]), e[lang]) for e in facts.get("events", [])]
    return [[metadata.format_date(d, lang), text] for d, text in sorted(rows)]


def render(name: str, facts: dict[str, Any], lang: str) -> str | None:
    """The Markdown for one placeholder, or None when the name is unknown."""
    other = "en" if lang == "ja" else "ja"
    lab = LABELS[lang]
    simple: dict[str, Callable[[], str]] = {
        "title": lambda: facts["title"][lang],
        "short_title": lambda: facts["short_title"][lang],
        "citation": lambda: facts["citation"][lang],
        "signed_date": lambda: metadata.format_date(facts["signed"]["date"], lang),
        "signed_date_iso": lambda: metadata.iso(facts["signed"]["date"]) or "",
        "signed_place": lambda: facts["signed"]["place"][lang],
        "originals": lambda: str(facts["signed"]["originals"]),
        "notice_period": lambda: facts["notice_period"][lang],
        "repo_url": lambda: str(facts.get("repo_url", "")).rstrip("/"),
        "parties": lambda: "\n".join(f"- {p[lang]}" for p in facts["parties"]),
        "signatories": lambda: _table(
            [lab["on_behalf"], lab["name"], lab["title"]],
            [[s["on_behalf"][lang], f"**{s['name'][lang]}**", s["title"][lang]]
             for s in facts["signatories"]]),
        "instruments": lambda: _table(
            [lab["instrument"], lab["date"], lab["event"], lab["note"]],
            [[i[lang], _date(i.get("date"), lang), i["event"][lang], i["note"][lang]]
             for i in facts["instruments"]]),
        "timeline": lambda: _table([lab["date"], lab["event"]], timeline(facts, lang)),
        "terms": lambda: _table(
            [lab["term"], lab["en"], lab["definition"]],
            [[t[lang], t[other], t["definition"][lang]] for t in facts["defined_terms"]]),
    }
    fn = simple.get(name)
    return fn() if fn else None


def expand(markdown: str, facts: dict[str, Any], lang: str, page: str) -> str:
    """Replace every placeholder; warn (naming page and line) on unknown ones."""
    def sub(m: re.Match[str]) -> str:
        out = render(m.group("name"), facts, lang)
        if out is None:
            line = markdown.count("\n", 0, m.start()) + 1
            log.warning("%s:%d: unknown fact placeholder '{{ %s }}'", page, line, m.group("name"))
            return m.group(0)
        return out
    return PLACEHOLDER.sub(sub, markdown)


def on_config(config, /):
    _facts.clear()
    path = metadata.path_in(config["docs_dir"])
    try:
        _facts.update(metadata.load_cached(path))
        _facts["repo_url"] = config["repo_url"] or ""
    except metadata.MetadataError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_page_markdown(markdown: str, /, *, page, config, files) -> str | None:
    lang = config["theme"]["language"]
    if lang not in LABELS:
        raise PluginError(f"facts hook: no labels for language '{lang}'")
    return expand(markdown, _facts, lang, page.file.src_uri)
