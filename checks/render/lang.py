"""Mark text in the other language with its own ``lang``.

A screen reader reads a Japanese page with a Japanese voice: English words
in it (``DSIT``, ``Memorandum of Cooperation``, the English column of the
glossary) need ``lang="en"``, and Japanese text on an English page needs
``lang="ja"``. This hook wraps such runs in ``<span lang>`` in the rendered
content, leaving elements that already carry the right ``lang``, scripts,
styles and (on Japanese pages) code alone.

The content is read with the standard library's HTML parser and written
back token by token: tags, comments and attribute values are copied as they
were, and a character reference (``&para;``) is never split by a span.
"""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser
from typing import Callable
from urllib.parse import urlsplit

from checks.model import active, kept, languages, site
from checks.render.tokens import written

# The runs of the other language's script on a language's pages are its profile's
# ``other_script`` (English words on a Japanese page; kana, kanji and full-width
# forms with their numerals on an English page), marked when they hold the
# profile's ``run_needs`` (a word of three letters or more).
# A character reference, kept whole and outside any span.
CHARREF = re.compile(r"(&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")
SKIP = {"script", "style", "svg", "textarea"}
LANG_ATTR = "lang"


def wrap(text: str, page_lang: str) -> str:
    """Raw HTML text (no tags) with other-language runs in ``<span lang>``."""
    return _wrapper(page_lang)(text)


def _wrapper(page_lang: str) -> Callable[[str], str]:
    """``wrap`` for one language's pages."""
    p = languages.profile(page_lang)
    other, pattern, needs = site.other(page_lang), p.other_script, p.run_needs
    first = _first(page_lang)

    def sub(m: re.Match[str]) -> str:
        run = m.group(0)
        if needs and not needs.search(run):
            return run
        return f'<span lang="{other}">{run}</span>'

    def wrapped(text: str) -> str:
        if not first.search(text):
            return text
        parts = CHARREF.split(text)
        return "".join(part if i % 2 else pattern.sub(sub, part) for i, part in enumerate(parts))
    return wrapped


def _first(page_lang: str) -> re.Pattern[str]:
    """What a text must hold for a run in it to be marked. No run is marked in a text that holds
    nothing the run must hold: neither pattern looks around a match, so a match in a part of the
    text is a match in the whole."""
    p = languages.profile(page_lang)
    return p.run_needs or p.other_script


class _Marker(HTMLParser):
    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=False)
        self.page_lang = page_lang
        self.wrap = _wrapper(page_lang)
        self.skip = SKIP | languages.profile(page_lang).unmarked_tags
        self.out: list[str] = []
        self.text: list[str] = []  # raw text since the last tag
        self.stack: list[tuple[str, str, bool]] = [("", page_lang, False)]  # (tag, lang in force, skipped)

    def _flush(self) -> None:
        if not self.text:
            return
        raw = "".join(self.text)
        self.text = []
        _, lang, skipped = self.stack[-1]
        self.out.append(raw if skipped or lang != self.page_lang else self.wrap(raw))

    def handle_starttag(self, tag, attrs):
        if self.text:
            self._flush()
        self.out.append(self.get_starttag_text())
        if tag in active.VOID:
            return
        _, lang, skipped = self.stack[-1]
        own = None  # the element's own lang: the last one written, as a dict of the attributes keeps it
        for name, value in attrs:
            if name == LANG_ATTR:
                own = value
        self.stack.append((tag, own or lang, skipped or tag in self.skip))

    def handle_startendtag(self, tag, attrs):
        if self.text:
            self._flush()
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self.text:
            self._flush()
        self.out.append(written("endtag", tag))
        stack = self.stack
        for i in range(len(stack) - 1, 0, -1):
            if stack[i][0] == tag:
                del stack[i:]
                break

    def handle_data(self, data):
        self.text.append(data)

    def handle_entityref(self, name):
        self.text.append(written("entityref", name))

    def handle_charref(self, name):
        self.text.append(written("charref", name))

    def handle_comment(self, data):
        self._flush()
        self.out.append(written("comment", data))

    def handle_decl(self, decl):
        self._flush()
        self.out.append(written("decl", decl))

    def handle_pi(self, data):
        self._flush()
        self.out.append(written("pi", data))

    def unknown_decl(self, data):
        self._flush()
        self.out.append(written("unknown_decl", data))


def heading_link(mdx_configs: dict, page_lang: str) -> None:
    """Give the heading permalinks Python-Markdown's ``toc`` makes (when it makes them) the title of the
    pages' language (its profile's ``ui.headings.permalink``): the site configures the extension once for
    every language."""
    toc = mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink") and page_lang in languages.PROFILES:
        toc["permalink_title"] = languages.profile(page_lang).ui["headings"]["permalink"]


NOT_FOUND = "404.html"  # the theme's page for an address with no page, one for the whole site


def not_found(site_url: str) -> str:
    """The 404 page's content: each language's notice, in its own ``lang``, with links to that
    language's home page and memorandum. The links start at the site's root path: a host serves
    the page at whatever address was missing."""
    root = urlsplit(site_url or "/").path.rstrip("/") + "/"
    out = []
    for lang in site.LANGS:
        t, home = languages.profile(lang).ui["not_found"], root + site.PREFIX[lang]
        out.append(f'<section lang="{lang}"><h1>{html_lib.escape(t["title"])}</h1><p>{html_lib.escape(t["text"])}</p>'
                   f'<ul><li><a href="{html_lib.escape(home)}">{html_lib.escape(t["home"])}</a></li>'
                   f'<li><a href="{html_lib.escape(home + site.MEMORANDUM)}/">{html_lib.escape(t["memorandum"])}</a></li></ul>'
                   "</section>")
    return "\n".join(out)


def written_once(template_name: str, page_lang: str, output: str) -> str:
    """A static template's output, or nothing (MkDocs then writes no file) for the 404 page of a
    language other than the default: every language's build writes the site's one 404 page, and
    the default language's, with both notices, is the one kept."""
    return "" if template_name == NOT_FOUND and page_lang != site.DEFAULT_LANG else output


def mark(html: str, page_lang: str) -> str:
    """``html`` with other-language runs wrapped in ``<span lang>``; kept between builds on the
    page's HTML and language (``checks.model.kept``)."""
    if page_lang not in languages.PROFILES:
        return html
    return kept.kept("lang-marks", [html, page_lang], lambda: _mark(html, page_lang), load=str)


def _mark(html: str, page_lang: str) -> str:
    if not _first(page_lang).search(html):
        return html  # nothing to mark anywhere, tags included (most English pages hold no Japanese)
    parser = _Marker(page_lang)
    parser.feed(html)
    parser.close()
    parser._flush()
    return "".join(parser.out)
