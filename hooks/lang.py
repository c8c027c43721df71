"""Mark text in the other language with its own ``lang``; the 404 page in every language.

The events MkDocs calls; what they do is ``checks.render.lang``.
"""

from __future__ import annotations

from checks.engine import event_priority
from checks.render.lang import NOT_FOUND, heading_link, mark, not_found, written_once


# MkDocs events: thin wiring of checks.render.lang, run by the build tests.
# pragma: no mutate block
@event_priority(-105)  # after mkdocs-static-i18n (-100) has set this build's language
def on_config(config, /):
    # Each language's build renders its pages' heading permalinks with its own title.
    heading_link(config["mdx_configs"], config["theme"]["language"])
    return config


@event_priority(-50)  # after every hook that adds content text (parallel view, changes); provisions.py marks its own
def on_page_content(html: str, /, *, page, config, files) -> str | None:
    return mark(html, config["theme"]["language"])


def on_template_context(context, /, *, template_name, config):
    if template_name == NOT_FOUND:
        context["not_found"] = not_found(config["site_url"])
    return context


def on_post_template(output_content: str, /, *, template_name: str, config) -> str | None:
    return written_once(template_name, config["theme"]["language"], output_content)
