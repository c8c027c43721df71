"""The "What changed" page: every published version of each text and what it changed.

``render(history, current, lang)`` gives the HTML that replaces ``MARKER`` in the
rendered content of ``changes.<lang>.md`` (after the Markdown hooks, so no
reference or term inside a compared text is linked): for each text (the signed original first), a table of its
versions (date, provisions changed, reason), then, for each version after the
first, every provision it changed, before and after, side by side. English is
compared by word and Japanese by character (``marked``). A deletion is ``<del>``
and an insertion ``<ins>``: struck through and underlined by the stylesheet,
not told by colour, and each opens with a visually hidden word ("deleted",
"inserted") that screen readers read, since most do not announce the elements.
Every version and every changed provision has an id: ``#en-2026-11-26`` and
``#en-2026-11-26-article-2-3``; the memorandum pages link each provision to its
history here (``history_anchor``).
"""

from __future__ import annotations

import difflib
import functools
import html
import re
from typing import Mapping

from checks.model import document, languages, metadata, site, versions

MARKER = "<!-- changes -->"
# A word, or the blanks and marks between words: English is compared by word.
WORD = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def tokens(text: str, lang: str) -> list[str]:
    """What a change is measured in: words (and the blanks and marks between them) in a spaced
    language, characters in Japanese."""
    return WORD.findall(text) if languages.profile(lang).spaced else list(text)


@functools.lru_cache(maxsize=256)
def _runs(before: str, after: str, lang: str) -> tuple[tuple[bool, str, str], ...]:
    """(changed, old, new) runs from ``before`` to ``after`` (each language's page shows the same ones)."""
    a, b = tokens(before, lang), tokens(after, lang)
    # Changes with only blanks between them are one change ("aim to build" struck through once, not word by
    # word): a screen reader then says "deleted" once for them.
    runs: list[tuple[bool, str, str]] = []  # (changed, old, new)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        run = (op != "equal", "".join(a[i1:i2]), "".join(b[j1:j2]))
        if run[0] and runs and runs[-1][0]:  # a change right after a change
            _, o, n = runs.pop()
            run = (True, o + run[1], n + run[2])
        elif run[0] and len(runs) >= 2 and runs[-2][0] and not runs[-1][1].strip():  # after a change and blanks
            _, blank_old, blank_new = runs.pop()
            _, o, n = runs.pop()
            run = (True, o + blank_old + run[1], n + blank_new + run[2])
        runs.append(run)
    return tuple(runs)


def marked(before: str, after: str, lang: str, said: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Both texts as HTML, deletions in ``<del>`` (before) and insertions in ``<ins>`` (after); ``said``
    gives the hidden words a screen reader reads first (``{"deleted": …, "inserted": …}``)."""
    hidden = {k: f'<span class="visually-hidden">{html.escape(v)} </span>' for k, v in (said or {}).items()}
    runs = _runs(before, after, lang)
    left, right = [], []
    for changed, old, new in runs:
        if not changed:
            left.append(html.escape(old))
            right.append(html.escape(new))
            continue
        if old:
            left.append(f"<del>{hidden.get('deleted', '')}{html.escape(old)}</del>")
        if new:
            right.append(f"<ins>{hidden.get('inserted', '')}{html.escape(new)}</ins>")
    return "".join(left), "".join(right)


def version_anchor(lang: str, date: str) -> str:
    return f"{lang}-{date}"


def history_anchor(lang: str, pid: str) -> str:
    """Where a provision's history starts on the changes page: its first recorded change."""
    return f"{lang}-history-{pid}"


def _link(pid: str, lang: str, up: str) -> str:
    return f'<a href="{up}memorandum/#{pid}">{html.escape(document.label(pid, lang))}</a>'


def render(history: versions.History, current: Mapping[str, Mapping[str, str]], lang: str) -> str:
    """The HTML of the changes page in ``lang``; ``current`` gives each text's provisions as the pages have them."""
    words = languages.profile(lang).ui["changes"]
    up = "../"  # the changes page is one level below its language's root, as the memorandum page is
    out: list[str] = []
    for text_lang in site.LANGS:
        listed = versions.changes(history, text_lang, current.get(text_lang, {}))
        out.append(f'<h2 id="{text_lang}">{html.escape(words["texts"][text_lang])}</h2>')
        if not listed:
            out.append(f"<p>{html.escape(words['none'])}</p>")
            continue
        seen: set[str] = set()
        rows = []
        for version, changed in listed:
            date = metadata.format_date(version.date, lang)
            provisions = languages.profile(lang).list_sep.join(_link(c.pid, lang, up) for c in changed) or words["first"]
            anchor = f'<a href="#{version_anchor(text_lang, version.date)}">{date}</a>' if changed else date
            rows.append(f"<tr><td>{anchor}</td><td>{provisions}</td><td>{html.escape(version.reason[lang])}</td></tr>")
        out += ['<table class="versions">',
                f"<caption>{html.escape(words['caption'].format(text=words['in_text'][text_lang]))}</caption>",
                f'<thead><tr><th scope="col">{words["date"]}</th><th scope="col">{words["provisions"]}</th>'
                f'<th scope="col">{words["reason"]}</th></tr></thead>',
                "<tbody>", *rows, "</tbody>", "</table>"]
        for version, changed in listed[1:]:
            date = metadata.format_date(version.date, lang)
            out += [f'<h3 id="{version_anchor(text_lang, version.date)}">{html.escape(words["version"].format(date=date))}</h3>',
                    f"<p>{html.escape(version.reason[lang])}</p>"]
            if version.source:
                out.append(f"<p>{html.escape(words['source'])}{languages.profile(lang).detail_sep}"
                           f"{html.escape(version.source.get(lang, ''))}</p>")
            out += ['<table class="comparison">',
                    f"<caption>{html.escape(words['compared'].format(date=date))}</caption>",
                    f'<thead><tr><th scope="col">{words["provision"]}</th><th scope="col">{words["before"]}</th>'
                    f'<th scope="col">{words["after"]}</th></tr></thead>', "<tbody>"]
            for change in changed:
                left, right = marked(change.before or "", change.after, text_lang,
                                     {"deleted": words["deleted"], "inserted": words["inserted"]})
                ids = [f"{version_anchor(text_lang, version.date)}-{change.pid}"]
                if change.pid not in seen:
                    seen.add(change.pid)
                    ids.append(history_anchor(text_lang, change.pid))
                anchors = "".join(f'<span id="{i}"></span>' for i in ids[1:])
                out.append(f'<tr id="{ids[0]}"><th scope="row">{anchors}{_link(change.pid, lang, up)}</th>'
                           f'<td lang="{text_lang}" data-label="{words["before"]}">{left or words["empty"]}</td>'
                           f'<td lang="{text_lang}" data-label="{words["after"]}">{right}</td></tr>')
            out += ["</tbody>", "</table>"]
    return "\n".join(out)
