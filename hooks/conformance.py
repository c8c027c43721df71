"""Keep the theme's HTML valid for the W3C Nu HTML Checker.

The events MkDocs calls; what they do is ``checks.render.conformance``.
"""

from __future__ import annotations

from checks.render.conformance import valid


# MkDocs events: thin wiring of checks.render.conformance, run by the build tests.
# pragma: no mutate block
def on_post_page(output: str, /, *, page, config) -> str | None:
    return valid(output)


def on_post_template(output_content: str, /, *, template_name: str, config) -> str | None:
    return valid(output_content) if template_name.endswith(".html") else None
