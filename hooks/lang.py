"""Mark text in the other language with its own ``lang``.

The events MkDocs calls; what they do is ``checks.render.lang``.
"""

from __future__ import annotations

from checks.engine import event_priority
from checks.render.lang import heading_link, mark


# MkDocs events: thin wiring of checks.render.lang, run by the build tests.
# pragma: no mutate block
@event_priority(-105)  # after mkdocs-static-i18n (-100) has set this build's language
def on_config(config, /):
    # Each language's build renders its pages' heading permalinks with its own title.
    heading_link(config["mdx_configs"], config["theme"]["language"])
    return config


@event_priority(-50)  # after every hook that adds content text (parallel view, provision tools)
def on_page_content(html: str, /, *, page, config, files) -> str | None:
    return mark(html, config["theme"]["language"])
