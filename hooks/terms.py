"""Link defined terms and named instruments in the memorandum to the glossary.

The first occurrence of each term (本協定, 一方, 双方 … / the Agreement,
Side, Sides …) and of each instrument in every block of a memorandum page
becomes a link to its glossary entry, titled with its meaning: Material's
tooltips show that title on hover and on keyboard focus.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any


from checks import metadata, refs
from checks.terms import forms, occurrences


PAGES = ("memorandum",)  # pages whose text gets glossary links
_targets: list[tuple[re.Pattern[str], str, str]] = []  # (pattern, glossary anchor, tooltip)


def targets(facts: dict[str, Any], lang: str) -> list[tuple[re.Pattern[str], str, str]]:
    """What to link, longest names first so an instrument's title wins over a term inside it."""
    out = []
    for inst in facts["instruments"]:
        date = metadata.format_date(inst["date"], lang) if inst.get("date") else ""
        tip = f"{inst['event'][lang]}（{date}）" if lang == "ja" and date else (
            f"{inst['event'][lang]} ({date})" if date else inst["event"][lang])
        out.append((occurrences([inst[lang]], lang), f"instrument-{inst['id']}", tip, len(inst[lang])))
    for term in facts["defined_terms"]:
        fs = forms(term, lang)
        out.append((occurrences(fs, lang), f"term-{term['id']}", term["definition"][lang], max(map(len, fs))))
    return [(p, a, t) for p, a, t, _ in sorted(out, key=lambda x: -x[3])]


def link_terms(markdown: str, found: list[tuple[re.Pattern[str], str, str]], glossary: str) -> str:
    """Link the first occurrence of each target in every blank-line separated block."""
    blocks = re.split(r"(\n[ \t]*\n)", markdown)
    for i, block in enumerate(blocks):
        if not block.strip() or block.lstrip().startswith(("#", "---", "!!!", "<")):
            continue
        skipped = [(m.start(), m.end()) for m in refs.SKIP.finditer(block)]
        for pattern, anchor, tip in found:
            for m in pattern.finditer(block):
                if any(a < m.end() and m.start() < b for a, b in skipped):
                    continue
                title = tip.replace('"', "'")
                link = f'[{m.group(0)}]({glossary}#{anchor} "{title}"){{ .term }}'
                block = block[:m.start()] + link + block[m.end():]
                # The new link is skipped from now on; later regions shift.
                shift = len(link) - (m.end() - m.start())
                skipped = [(a + shift, b + shift) if a >= m.end() else (a, b) for a, b in skipped]
                skipped.append((m.start(), m.start() + len(link)))
                break
        blocks[i] = block
    return "".join(blocks)


def on_config(config, /):
    _targets.clear()
    return config


def on_files(files, /, *, config):
    _targets.clear()
    facts = metadata.load_cached(metadata.path_in(config["docs_dir"]))
    _targets.extend(targets(facts, config["theme"]["language"]))
    return files


def on_page_markdown(markdown: str, /, *, page, config, files) -> str | None:
    if page.file.src_uri.split(".", 1)[0] not in PAGES:
        return None
    glossary = posixpath.relpath("glossary.md", posixpath.dirname(page.file.src_uri) or ".")
    return link_terms(markdown, _targets, glossary)
