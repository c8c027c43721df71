"""Turn references to provisions into links to the memorandum of the same language.

``第 2 条``, ``第 2 条 2.3``, a bare ``2.3`` (Japanese), ``Article 2``,
``Article 2.3`` and ``paragraph 2.3`` become links to ``#article-2``,
``#article-2-3`` … on the memorandum page. Where a reference may be linked
is the page model's answer (``checks.model.page``, ``checks.find.refs``): not in
headings, code, comments, existing links or tags. A reference to a provision
that does not exist stays text: the checks (``REF001``, run by ``verify.py``)
name it once, with the page and the line in the source file.
"""

from __future__ import annotations

import posixpath
from typing import NamedTuple

from checks.find import refs
from checks.model import site
from checks.model.page import Page


def target_link(src_uri: str, target: str) -> str:
    """The Markdown link target from a page to a provision."""
    if site.is_memorandum(src_uri):
        return f"#{target}"
    start = posixpath.dirname(src_uri) or "."
    return f"{posixpath.relpath(site.MEMORANDUM + '.md', start)}#{target}"


class Reading(NamedTuple):
    """A page body read once for its references: the text with them linked, the page's title and
    every provision it refers to (in order, once each; the memorandum's "Referenced from" lists)."""

    text: str
    title: str
    targets: list[str]


def read(markdown: str, lang: str, src_uri: str, ids: set[str], title: object = None) -> Reading:
    """``markdown`` (a page body, as a hook receives it: placeholders expanded) with references to
    existing provisions linked; the title is ``title`` (the front matter's, as the reader gets it)
    when it is one, else the body's first H1, else ``src_uri``."""
    page = Page.of_body(src_uri, markdown, lang)
    found = list(refs.find(page))
    out, pos = [], 0
    for ref in found:
        if not ref.linkable or ref.target not in ids:
            continue
        out.append(markdown[pos:ref.start])
        out.append(f"[{ref.text}]({target_link(src_uri, ref.target)}){{ .xref }}")
        pos = ref.end
    out.append(markdown[pos:])
    named = title if isinstance(title, str) and title.strip() else page.title(src_uri)
    return Reading("".join(out), named, list(dict.fromkeys(ref.target for ref in found)))
