"""Keep the theme's HTML valid for the W3C Nu HTML Checker.

Material puts ``autocomplete="off"`` on its two hidden checkbox toggles
(drawer, search); HTML allows ``autocomplete`` on text-like inputs only.
The attribute is removed from checkbox inputs in every page and in the
404 page, which is rendered as a static template.
"""

from __future__ import annotations

import re

# A checkbox <input> tag and, inside it, its autocomplete attribute.
CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')


def valid(html: str) -> str:
    return CHECKBOX.sub(lambda m: AUTOCOMPLETE.sub("", m.group(0)), html)


# MkDocs events: thin wiring of the functions above, run by the build tests.
# pragma: no mutate block
def on_post_page(output: str, /, *, page, config) -> str | None:
    return valid(output)


def on_post_template(output_content: str, /, *, template_name: str, config) -> str | None:
    return valid(output_content) if template_name.endswith(".html") else None
