"""Mark text in the other language with its own ``lang``.

The events MkDocs calls; what they do is ``checks.render.lang``.
"""

from __future__ import annotations

from checks.engine import event_priority
from checks.render.lang import mark


# MkDocs events: thin wiring of checks.render.lang, run by the build tests.
# pragma: no mutate block
@event_priority(-50)  # after every hook that adds content text (parallel view, provision tools)
def on_page_content(html: str, /, *, page, config, files) -> str | None:
    return mark(html, config["theme"]["language"])
