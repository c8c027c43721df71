"""Mark text in the other language with its own ``lang``.

A screen reader reads a Japanese page with a Japanese voice: English words
in it (``DSIT``, ``Memorandum of Cooperation``, the English column of the
glossary) need ``lang="en"``, and Japanese text on an English page needs
``lang="ja"``. This hook wraps such runs in ``<span lang>`` in the rendered
content, leaving elements that already carry the right ``lang``, scripts,
styles and (on Japanese pages) code alone.
"""

from __future__ import annotations

import re


# A tag, or a run of text between tags.
TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.DOTALL)
# An opening or closing tag: name and attributes.
TAG = re.compile(r"<(?P<close>/)?(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>[^>]*?)(?P<self>/)?>", re.DOTALL)
LANG_ATTR = re.compile(r"""\blang\s*=\s*["']?(?P<lang>[a-zA-Z-]+)""")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_JA = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
RUNS = {
    # English on a Japanese page: Latin words (with digits, spaces and
    # ASCII punctuation between them) that hold a word of 3+ letters.
    "ja": re.compile(r"[A-Za-z0-9][A-Za-z0-9 '’.,:;&/\-]*[A-Za-z0-9.]|[A-Za-z]{3,}"),
    # Japanese on an English page: kana, kanji and full-width forms, with
    # the numerals and spaces inside them (「1994 年 6 月」).
    "en": re.compile(rf"(?:[0-9]+ ?)?[{_JA}]+(?:[ 0-9]+[{_JA}]+)*"),
}
OTHER = {"ja": "en", "en": "ja"}
SKIP = {"script", "style", "svg", "textarea"}
SKIP_JA = SKIP | {"code", "pre", "kbd", "samp"}


def _wrap(text: str, page_lang: str) -> str:
    other = OTHER[page_lang]
    pattern = RUNS[page_lang]

    def sub(m: re.Match[str]) -> str:
        run = m.group(0)
        if page_lang == "ja" and not re.search(r"[A-Za-z]{3,}", run):
            return run
        return f'<span lang="{other}">{run}</span>'
    return pattern.sub(sub, text)


def mark(html: str, page_lang: str) -> str:
    """``html`` with other-language runs wrapped in ``<span lang>``."""
    if page_lang not in RUNS:
        return html
    skip = SKIP_JA if page_lang == "ja" else SKIP
    stack: list[tuple[str, str, bool]] = []  # (tag, lang in force, skipped)
    out = []
    for part in TOKEN.split(html):
        if not part:
            continue
        if part.startswith("<"):
            m = TAG.match(part)
            if m and not part.startswith("<!--"):
                name = m.group("name").lower()
                if m.group("close"):
                    while stack:
                        if stack.pop()[0] == name:
                            break
                elif name not in VOID and not m.group("self"):
                    lang_m = LANG_ATTR.search(m.group("attrs"))
                    inherited = stack[-1][1] if stack else page_lang
                    skipped = name in skip or (stack[-1][2] if stack else False)
                    stack.append((name, lang_m.group("lang") if lang_m else inherited, skipped))
            out.append(part)
            continue
        lang, skipped = (stack[-1][1], stack[-1][2]) if stack else (page_lang, False)
        out.append(part if skipped or lang != page_lang else _wrap(part, page_lang))
    return "".join(out)


def on_page_content(html: str, /, *, page, config, files) -> str | None:
    return mark(html, config["theme"]["language"])
