"""A page read once by the standard library's HTML parser, as the list of what it found.

A render that writes one page several ways (a version's page for each version,
``checks.render.dated``) reads the page once and walks the list for each:
``read(html)`` gives each token as ``(kind, *args)``, in order, with the
arguments the parser's ``handle_<kind>`` methods receive; a start tag
(``starttag``, ``startendtag``) also carries its text as written.
``written(kind, value)`` gives any other token back as the page wrote it:
the renders that copy what they do not change (``checks.render.lang``,
``checks.render.dated``) write it so.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class _Recorder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tokens: list[tuple[Any, ...]] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("starttag", tag, attrs, self.get_starttag_text()))

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(("startendtag", tag, attrs, self.get_starttag_text()))

    def handle_endtag(self, tag):
        self.tokens.append(("endtag", tag))

    def handle_data(self, data):
        self.tokens.append(("data", data))

    def handle_entityref(self, name):
        self.tokens.append(("entityref", name))

    def handle_charref(self, name):
        self.tokens.append(("charref", name))

    def handle_comment(self, data):
        self.tokens.append(("comment", data))

    def handle_decl(self, decl):
        self.tokens.append(("decl", decl))

    def handle_pi(self, data):
        self.tokens.append(("pi", data))

    def unknown_decl(self, data):
        self.tokens.append(("unknown_decl", data))


def read(html: str) -> list[tuple[Any, ...]]:
    """Every token of ``html``, in order: ``(kind, *args)``."""
    recorder = _Recorder()
    recorder.feed(html)
    recorder.close()
    return recorder.tokens


def replay(tokens: list[tuple[Any, ...]], handler: Any) -> None:
    """Call ``handler.handle_<kind>(*args)`` for each token (``unknown_decl`` as itself); a start
    tag's text as written is the last argument of ``handle_starttag`` and ``handle_startendtag``."""
    for kind, *args in tokens:
        getattr(handler, kind if kind == "unknown_decl" else f"handle_{kind}")(*args)


# How each kind of token other than a start tag is written, around what the parser gave.
FORMS = {"data": "{}", "endtag": "</{}>", "entityref": "&{};", "charref": "&#{};", "comment": "<!--{}-->",
         "decl": "<!{}>", "pi": "<?{}>", "unknown_decl": "<![{}]>"}


def written(kind: str, value: str) -> str:
    """A token other than a start tag as the page wrote it, from what the parser gave: an end tag by
    its name, a reference whole, and a CDATA section (which the parser gives without its closing
    ``]]``) or another marked section closed again."""
    if kind == "unknown_decl" and value.startswith("CDATA["):
        return f"<![{value}]]>"
    return FORMS[kind].format(value)
