"""Per-provision tools on the memorandum pages: permalink, citation, backlinks, a suggestion.

Every provision gets a permalink (¶; a heading keeps Material's own, one
per heading), a button that copies its citation in the reader's language
(Material's clipboard handles ``data-clipboard-text``), and, where other
pages refer to it, a generated "Referenced from" / 「参照元」 list. The list
is made of what each page refers to in the text its reader gets (the
references ``checks.render.crossrefs`` reads, placeholders expanded), and is
written into the page once every page of the language has been read
(``fill``). A page that indexes the text (the glossary: where each term is
defined and used) does not refer to it, and a page that refers to most of
the provisions (the home page's summary) is left out of the lists: the
same line under every provision says nothing. All of it
is editorial, sits in ``.provision-tools`` and shows on hover, keyboard
focus and when the provision is the link's target (memorandum.css).

When the configuration names a repository (``repo_url``), each provision's
tools and the end of each editorial page offer "Suggest a correction" /
「訂正を提案」: a plain link to a new issue on the correction form
(``.github/ISSUE_TEMPLATE/correction.yml``) with the place, the language and
the current text filled in. Nothing is sent from the page; without a
repository there is no link.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Callable, Mapping
from urllib.parse import urlencode, urlsplit

from checks.engine import get_relative_url
from checks.model import active, document, languages, site
from checks.render import lang as lang_marks


# The tools' strings are in each language's profile (ui.provisions).
TEXT = {lang: languages.profile(lang).ui["provisions"] for lang in site.LANGS}
# The issue form's file and the options of its language field, as the form writes them.
FORM = "correction.yml"
CURRENT_MAX = 1500  # characters of the current text put in the link (a URL stays well under 8 KB)
HISTORY_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">'
                '<path d="M13.5 8H12v5l4.28 2.54.72-1.21-3.5-2.08zM13 3a9 9 0 0 0-9 9H1l3.96 4.03L9 12H6a7 7 0 0 1 7-7 '
                '7 7 0 0 1 7 7 7 7 0 0 1-7 7c-1.93 0-3.68-.79-4.94-2.06l-1.42 1.42A8.9 8.9 0 0 0 13 21a9 9 0 0 0 '
                '9-9 9 9 0 0 0-9-9"/></svg>')
SUGGEST_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">'
                '<path d="M20.71 7.04c.39-.39.39-1.04 0-1.41l-2.34-2.34c-.37-.39-1.02-.39-1.41 0l-1.84 1.83 3.75 '
                '3.75M3 17.25V21h3.75L17.81 9.93l-3.75-3.75z"/></svg>')
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CITE_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">'
             '<path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 '
             '0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12z"/></svg>')

# Where a provision's "Referenced from" list goes in its tools: the pages that refer to it are known
# once every page of the language has been read, when the memorandum page is written (``fill``).
REFERENCED_FROM = "<!-- referenced-from {pid} -->"
PLACE = re.compile(r"<!-- referenced-from ([a-z0-9-]+) -->")


def backlinks_of(references: Mapping[str, tuple[str, str, list[str]]]) -> dict[str, list[tuple[str, str]]]:
    """provision id -> [(page, title)], in the pages' order, from each page's (title, address, provisions it
    refers to) (``checks.render.crossrefs.read``, in the text the reader gets)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for src, (title, _, targets) in references.items():
        for pid in targets:
            out.setdefault(pid, []).append((src, title))
    return out


def distinctive(backlinks: dict[str, list[tuple[str, str]]], least: int = 3) -> dict[str, list[tuple[str, str]]]:
    """The backlink lists without the pages that refer to more than half of the provisions that have any
    (and to at least ``least`` of them): such a page would be listed under nearly every provision."""
    counts: dict[str, int] = {}
    for refs_ in backlinks.values():
        for src in dict.fromkeys(src for src, _ in refs_):
            counts[src] = counts.get(src, 0) + 1
    common = {src for src, n in counts.items() if n >= least and n * 2 > len(backlinks)}
    out = {pid: [(src, title) for src, title in refs_ if src not in common] for pid, refs_ in backlinks.items()}
    return {pid: refs_ for pid, refs_ in out.items() if refs_}


def suggestion_url(repo_url: str, place: str, lang: str, label: str, current: str) -> str | None:
    """A new issue on the correction form with the place, the language and the current text filled in;
    None without a repository on GitHub."""
    parts = urlsplit(repo_url or "")
    if parts.scheme != "https" or parts.netloc != "github.com" or len([x for x in parts.path.split("/") if x]) != 2:
        return None
    if len(current) > CURRENT_MAX:
        current = current[:CURRENT_MAX] + "…"
    query = urlencode({"template": FORM, "title": TEXT[lang]["issue"].format(label=label), "place": place,
                       "language": TEXT[lang]["form_language"], "current": current})
    return f"{repo_url.rstrip('/').removesuffix('.git')}/issues/new?{query}"


def suggest_link(url: str, lang: str, label: str, page: bool = False) -> str:
    """The link: an icon labelled for a provision, words at the end of a page."""
    t = TEXT[lang]
    if page:  # written after the page's text was marked for its language (checks.render.lang): marked here
        return (f'<p class="suggest-correction"><a href="{html.escape(url)}" rel="nofollow">'
                f'{SUGGEST_ICON}{lang_marks.wrap(html.escape(t["suggest_page"]), lang)}</a></p>')
    return (f'<a class="provision-suggest" href="{html.escape(url)}" rel="nofollow" '
            f'aria-label="{html.escape(t["suggest"])}: {html.escape(label)}">{SUGGEST_ICON}</a>')


def tools(pid: str, lang: str, page_url: str, citation: str,
          backlinks: list[tuple[str, str]] | None, permalink: bool = True, suggestion: str | None = None,
          history: str | None = None) -> str:
    """The HTML of one provision's tools (without a permalink for a heading, which has the theme's);
    ``citation`` is what its button copies (``checks.export.cite``). ``backlinks`` None: not known yet,
    the place ``fill`` writes them in (``REFERENCED_FROM``)."""
    t, label = TEXT[lang], document.label(pid, lang)
    # Labelled by aria-label, shown as a CSS tooltip: no ``title``, whose native tooltip would
    # show the label a second time.
    out = [f'<a class="provision-permalink" href="#{pid}" '
           f'aria-label="{html.escape(t["link"].format(label=label))}">¶</a>'] if permalink else []
    out.append(f'<button type="button" class="provision-cite" data-clipboard-text="{html.escape(citation)}" '
               f'aria-label="{t["cite"]}: {html.escape(label)}">{CITE_ICON}</button>')
    if history:  # the provision changed since its first version: where its changes are shown
        out.append(f'<a class="provision-history" href="{html.escape(history)}" '
                   f'aria-label="{html.escape(t["history"])}: {html.escape(label)}">{HISTORY_ICON}</a>')
    if suggestion:
        out.append(suggest_link(suggestion, lang, label))
    if backlinks is None:
        out.append(REFERENCED_FROM.format(pid=pid))
    elif backlinks:
        out.append(referenced_from(lang, page_url, backlinks))
    return "".join(out)


def referenced_from(lang: str, page_url: str, backlinks: list[tuple[str, str]],
                    mark: Callable[[str], str] = lambda text: text) -> str:
    """The "Referenced from" list: a link to each page (address, title); ``mark`` is given each run of
    text as HTML (``checks.render.lang.wrap``, for a list written after the pages' text was marked)."""
    t = TEXT[lang]
    links = mark(t["sep"]).join(f'<a href="{get_relative_url(url, page_url)}">{mark(html.escape(title))}</a>'
                                for url, title in backlinks)
    return f'<span class="referenced-from">{mark(t["from"] + ": ")}{links}</span>'


def fill(output: str, lang: str, page_url: str, references: Mapping[str, tuple[str, str, list[str]]]) -> str:
    """The written memorandum page with each provision's "Referenced from" list in its place (none for a
    provision no page refers to, or only a page that refers to most of them: ``distinctive``), its text
    marked for its language as the page's own text is (``checks.render.lang``)."""
    backlinks = distinctive(backlinks_of(references))
    urls = {src: url for src, (_, url, _) in references.items()}

    def one(m: re.Match[str]) -> str:
        found = backlinks.get(m.group(1))
        if not found:
            return ""
        return referenced_from(lang, page_url, [(urls[src], title) for src, title in found],
                               mark=lambda text: lang_marks.wrap(text, lang))
    return PLACE.sub(one, output)


class _Ends(HTMLParser):
    """Where each element with one of ``ids`` ends: {id: (tag, end tag start, end tag end)}."""

    def __init__(self, html_: str, ids: set[str]) -> None:
        super().__init__(convert_charrefs=False)
        self.ids = ids
        self.lines = [0] + [m.end() for m in re.finditer("\n", html_)]
        self.stack: list[tuple[str, str | None]] = []
        self.ends: dict[str, tuple[str, int, int]] = {}

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in active.VOID:
            return
        pid = dict(attrs).get("id")
        self.stack.append((tag, pid if pid in self.ids and pid not in self.ends else None))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                pid = self.stack[i][1]
                if pid is not None:
                    start = self._offset()
                    self.ends[pid] = (tag, start, self.rawdata.index(">", start) + 1)
                del self.stack[i:]
                return


def insert_tools(content: str, pieces: dict[str, str]) -> str:
    """Put each provision's tools at the end of its element (after it, for
    headings), found by parsing the content: nested elements, attribute
    values with ``>`` and entities are read as a browser reads them."""
    parser = _Ends(content, set(pieces))
    parser.feed(content)
    parser.close()
    inserts: list[tuple[int, str]] = []
    for pid, (tag, start, end) in parser.ends.items():
        if tag in HEADING_TAGS:
            inserts.append((end, f'<p class="provision-tools provision-tools--heading">{pieces[pid]}</p>'))
        else:
            inserts.append((start, f' <span class="provision-tools">{pieces[pid]}</span>'))
    out, pos = [], 0
    for at, text in sorted(inserts):
        out += [content[pos:at], text]
        pos = at
    out.append(content[pos:])
    return "".join(out)
