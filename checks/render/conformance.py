"""Keep the theme's HTML valid for the W3C Nu HTML Checker.

Material puts ``autocomplete="off"`` on its two hidden checkbox toggles
(drawer, search); HTML allows ``autocomplete`` on text-like inputs only.
The attribute is removed from checkbox inputs in every page and in the
404 page, which is rendered as a static template. The tags are found with
the standard library's HTML parser; every other byte is copied as it was.
"""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser


class _Tag(HTMLParser):
    """The first start tag of a piece of HTML: its name, attributes and raw text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: tuple[str, list[tuple[str, str | None]], str] | None = None

    def handle_starttag(self, tag, attrs):
        if self.found is None:
            self.found = (tag, attrs, self.get_starttag_text() or "")

    handle_startendtag = handle_starttag


def first_tag(text: str) -> tuple[str, list[tuple[str, str | None]], str] | None:
    """Fed up to each ``>`` in turn (one inside quotes leaves the tag open), so no more is parsed than the tag."""
    parser, pos = _Tag(), 0
    while parser.found is None and pos < len(text):
        end = text.find(">", pos)
        end = len(text) if end < 0 else end + 1
        parser.feed(text[pos:end])
        pos = end
    return parser.found


def valid(text: str) -> str:
    """``text`` with autocomplete removed from checkbox inputs. Only the text from each
    ``<input`` on is parsed (a tag ends where the parser says, quotes respected)."""
    out, pos = [], 0
    for m in re.finditer(r"<input\b", text, re.IGNORECASE):
        if m.start() < pos:
            continue
        found = first_tag(text[m.start():m.start() + 2000])
        if found is None:
            continue
        tag, attrs, raw = found
        if ("type", "checkbox") not in attrs or not any(k == "autocomplete" for k, _ in attrs):
            continue
        kept = "".join(f' {k}="{html_lib.escape(v, quote=True)}"' if v is not None else f" {k}"
                       for k, v in attrs if k != "autocomplete")
        out += [text[pos:m.start()], f"<{tag}{kept}{'/' if raw.endswith('/>') else ''}>"]
        pos = m.start() + len(raw)
    out.append(text[pos:])
    return "".join(out)
