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

import re
from html.parser import HTMLParser

from checks.model import active, kept, languages, site

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
    p = languages.profile(page_lang)
    other, pattern = site.other(page_lang), p.other_script

    def sub(m: re.Match[str]) -> str:
        run = m.group(0)
        if p.run_needs and not p.run_needs.search(run):
            return run
        return f'<span lang="{other}">{run}</span>'

    parts = CHARREF.split(text)
    return "".join(part if i % 2 else pattern.sub(sub, part) for i, part in enumerate(parts))


class _Marker(HTMLParser):
    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=False)
        self.page_lang = page_lang
        self.skip = SKIP | languages.profile(page_lang).unmarked_tags
        self.out: list[str] = []
        self.text: list[str] = []  # raw text since the last tag
        self.stack: list[tuple[str, str, bool]] = []  # (tag, lang in force, skipped)

    def _flush(self) -> None:
        if not self.text:
            return
        raw = "".join(self.text)
        self.text = []
        lang, skipped = (self.stack[-1][1], self.stack[-1][2]) if self.stack else (self.page_lang, False)
        self.out.append(raw if skipped or lang != self.page_lang else wrap(raw, self.page_lang))

    def handle_starttag(self, tag, attrs):
        self._flush()
        self.out.append(self.get_starttag_text())
        if tag in active.VOID:
            return
        lang = dict(attrs).get(LANG_ATTR) or (self.stack[-1][1] if self.stack else self.page_lang)
        skipped = tag in self.skip or (self.stack[-1][2] if self.stack else False)
        self.stack.append((tag, lang, skipped))

    def handle_startendtag(self, tag, attrs):
        self._flush()
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self._flush()
        self.out.append(f"</{tag}>")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        self.text.append(data)

    def handle_entityref(self, name):
        self.text.append(f"&{name};")

    def handle_charref(self, name):
        self.text.append(f"&#{name};")

    def handle_comment(self, data):
        self._flush()
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self._flush()
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self._flush()
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self._flush()
        self.out.append(f"<![{data}]>")


def mark(html: str, page_lang: str) -> str:
    """``html`` with other-language runs wrapped in ``<span lang>``; kept between builds on the
    page's HTML and language (``checks.model.kept``)."""
    if page_lang not in languages.PROFILES:
        return html
    return kept.kept("lang-marks", [html, page_lang], lambda: _mark(html, page_lang), load=str)


def _mark(html: str, page_lang: str) -> str:
    parser = _Marker(page_lang)
    parser.feed(html)
    parser.close()
    parser._flush()
    return "".join(parser.out)
