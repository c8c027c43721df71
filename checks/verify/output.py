"""The built site as a reader gets it, checked against the document model.

``read`` parses one built page (the standard library's HTML parser, entity
references decoded as a browser decodes them) into what a reader sees:

* the visible text of every element whose id is a provision id, with the
  provision tools, heading permalinks and hidden elements left out;
* visible text in the page's content that belongs to no provision and to no
  editorial container (admonitions, the theme's buttons): text the model
  does not know about;
* every element and attribute, judged by ``checks.model.active``;
* character references that a reader sees literally (``&para;`` split by a
  tag is valid HTML and shows as those six characters).

The build runs these checks (``hooks/verify.py``) and so does
``python -m checks --site DIR``; both report ``path:line`` in the source.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Iterator, NamedTuple

from checks.model import active, kept, site
from checks.rules import safety

BLOCK = frozenset("""address article aside blockquote body dd details div dl dt figcaption figure footer form h1 h2 h3
h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul""".split())
# Never visible: their text is no reader's text.
INVISIBLE = frozenset("script style template noscript title head svg".split())
# Classes whose content is not the memorandum's text: the provision tools,
# Markdown's heading permalinks, the theme's page buttons and source dates.
TOOLS = frozenset({"provision-tools", "headerlink", "md-content__button", "md-source-file"})
# Editorial containers inside the content: their text is the site's own.
EDITORIAL = frozenset({"admonition", "md-source-file", "md-content__button"})
CONTENT = "md-content__inner"
# A character reference as text: what a reader should never see.
CHARREF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")
_WS_BREAK = re.compile(r"\s*\n\s*")
_WS = re.compile(r"[ \t\r\f\v]+")
JSON_TYPES = ("application/json", "application/ld+json")
# The theme's search-share button: a link that does nothing, outside the content.
THEME_URLS = frozenset({"javascript:void(0)"})
THEME_SCRIPTS = ("assets/javascripts/bundle.", "assets/javascripts/language.js", "assets/javascripts/tables.js")
# The theme's inline scripts (Material 9.8's base template), by their text
# with the page-relative scope path removed: like a CSP hash list.
THEME_INLINE = (
    "__md_scope=new URL(", "var palette=__md_get(", "var target=document.getElementById(location.hash.slice(1));",
)


def visible(text: str, lang: str) -> str:
    """Text as compared: line breaks (with the spaces around them) join as the
    language joins lines, other runs of blanks become one space."""
    return _WS.sub(" ", _WS_BREAK.sub(site.joiner(lang), text)).strip()


class Built(NamedTuple):
    provisions: dict[str, str]  # id -> visible text, for the ids asked about
    stray: list[str]  # visible text in the content outside provisions and editorial blocks
    unsafe: list[safety.Verdict]
    charrefs: list[str]  # literal character references a reader sees


class _Reader(HTMLParser):
    def __init__(self, ids: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.ids = ids
        # (tag, provision id or None, hidden, editorial, in content, invisible)
        self.stack: list[tuple[str, str | None, bool, bool, bool, bool]] = []
        self.texts: dict[str, list[str]] = {}
        self.stray: list[str] = []
        self.unsafe: list[safety.Verdict] = []
        self.charrefs: list[str] = []
        self.run: list[str] = []  # visible text since the last block boundary, for charrefs
        self.stray_run: list[str] = []  # stray text since the last block boundary
        self.script: list[str] | None = None

    def _top(self) -> tuple[str | None, bool, bool, bool]:
        if not self.stack:
            return None, False, False, False
        _, pid, hidden, editorial, content, _ = self.stack[-1]
        return pid, hidden, editorial, content

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK:
            self._flush()
        amap = {k: v or "" for k, v in attrs}
        classes = set(amap.get("class", "").split())
        self._judge(tag, attrs, amap)
        if tag in active.VOID:
            return
        pid, hidden, editorial, content = self._top()
        if amap.get("id") in self.ids and pid is None:
            pid = amap["id"]
            self.texts.setdefault(pid, [])
        hidden = hidden or tag in INVISIBLE or "hidden" in amap or bool(classes & TOOLS)
        editorial = editorial or bool(classes & EDITORIAL) or tag == "details"
        content = content or CONTENT in classes
        invisible = (self.stack[-1][5] if self.stack else False) or tag in INVISIBLE
        self.stack.append((tag, pid, hidden, editorial, content, invisible))
        if tag == "script" and not amap.get("src") and amap.get("type", "") not in JSON_TYPES:
            self.script = []  # an inline script: judged by its text at its end tag

    def handle_startendtag(self, tag, attrs):
        self._judge(tag, attrs, {k: v or "" for k, v in attrs})

    def handle_endtag(self, tag):
        if tag in BLOCK:
            self._flush()
        if tag == "script" and self.script is not None:
            self._judge_inline_script("".join(self.script))
            self.script = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)
        if self.stack and self.stack[-1][5]:
            return
        self.run.append(data)
        pid, hidden, editorial, content = self._top()
        if hidden:
            return
        if pid is not None:
            self.texts[pid].append(data)
        elif content and not editorial:
            self.stray_run.append(data)

    def _flush(self) -> None:
        if self.run:
            self.charrefs += CHARREF.findall("".join(self.run))
            self.run = []
        if self.stray_run:
            text = " ".join("".join(self.stray_run).split())
            if text:
                self.stray.append(text)
            self.stray_run = []

    def _judge(self, tag: str, attrs, amap: dict[str, str]) -> None:
        """The element's verdicts; what it loads from another host unless the element itself is refused."""
        before = len(self.unsafe)
        self._judge_element(tag, attrs, amap)
        if not any(v.code == safety.ELEMENT for v in self.unsafe[before:]):
            self.unsafe += safety.external(tag, attrs)

    def _judge_element(self, tag: str, attrs, amap: dict[str, str]) -> None:
        for name, value in attrs:
            if name in ("title", "aria-label", "alt") and value and CHARREF.search(value):
                self.charrefs += CHARREF.findall(value)
        if tag == "script":
            src = amap.get("src", "")
            if not src:  # inline: its text is judged at the end tag, unless it is JSON data
                return
            if any(p in src for p in THEME_SCRIPTS) and not active.scheme(src):
                return
            self.unsafe.append(safety.theme_script(src))
            return
        if tag == "meta" and "http-equiv" not in amap:
            return
        if tag == "link" and not active.scheme(amap.get("href", "")) in (None, "http", "https"):
            self.unsafe.append(safety.link_scheme(amap["href"]))
            return
        _, _, _, content = self._top()
        if content:  # what the Markdown rendered: the strict allowlist
            self.unsafe += safety.judge(tag, attrs, active.CONTENT_ELEMENTS)
        else:
            self.unsafe += (v for v in safety.judge(tag, attrs, active.THEME_ELEMENTS, strict_attrs=False)
                            if not (v.code == safety.ELEMENT and tag in active.THEME_ELEMENTS and tag != "meta")
                            and not (v.code == safety.URL and v.needle in THEME_URLS))

    def _judge_inline_script(self, text: str) -> None:
        if not text.strip() or text.lstrip().startswith(THEME_INLINE):
            return
        self.unsafe.append(safety.inline_script(text))


def read(html: str, ids: frozenset[str] = frozenset()) -> Built:
    """What a reader of one built page gets (see the module's docstring)."""
    reader = _Reader(ids)
    reader.feed(html)
    reader.close()
    reader._flush()
    return Built({pid: "".join(parts) for pid, parts in reader.texts.items()}, reader.stray,
                 reader.unsafe, reader.charrefs)


def read_kept(html: str, ids: frozenset[str] = frozenset()) -> Built:
    """``read``, kept between builds on the page's bytes and the ids asked about (``checks.model.kept``)."""
    return kept.kept("page-reading", [html, "\n".join(sorted(ids))], lambda: read(html, ids), dump=_dump, load=_load)


def _dump(built: Built) -> dict:
    return {"provisions": built.provisions, "stray": built.stray, "unsafe": [list(v) for v in built.unsafe],
            "charrefs": built.charrefs}


def _load(data: dict) -> Built:
    return Built({str(k): str(v) for k, v in data["provisions"].items()}, [str(t) for t in data["stray"]],
                 [safety.Verdict(*map(str, v)) for v in data["unsafe"]], [str(r) for r in data["charrefs"]])


class Mismatch(NamedTuple):
    pid: str | None  # None: text outside every provision
    message: str
    needle: str  # text to look for in the source to place the finding


def compare(built: Built, expected: dict[str, str], lang: str) -> Iterator[Mismatch]:
    """Each provision's visible text against the model's; stray visible text."""
    for pid, want in expected.items():
        got = built.provisions.get(pid)
        if got is None:
            yield Mismatch(pid, f"provision '#{pid}' is missing from the built page", "")
            continue
        a, b = visible(want, lang), visible(got, lang)
        if a != b:
            i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            yield Mismatch(pid, f"built text of '#{pid}' differs from the source after '{a[max(0, i - 12):i]}': "
                                f"expected '{a[i:i + 12] or '(end)'}', found '{b[i:i + 12] or '(end)'}'", b[i:i + 12])
    for text in built.stray:
        yield Mismatch(None, f"visible text outside every provision: '{text[:40]}': expected only provisions "
                             "and editorial notes (admonitions) on a memorandum page", text[:20])
