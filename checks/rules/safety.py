"""SAF: no active content in docs/ (Python-Markdown passes raw HTML through).

SAF001: an element that runs, embeds or is not in the allowlist;
SAF002: an event handler; SAF003: a URL with a scheme other than http(s)
or mailto; SAF004: an attribute or a style outside the allowlist; SAF005: a
symlink under docs/ that resolves outside it; SAF006: a resource loaded
from another host.

``judge`` and ``external`` are the one judgment of an element, against the
allowlist of ``checks.model.active``: here every HTML tag, attribute list, link,
reference definition and autolink of a page is parsed and judged, SVG and
HTML assets under docs/ are parsed whole; the built-HTML reader
(``checks.verify.output``) judges every element of every built page with them, the
check that cannot be walked around.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Iterable, Iterator, NamedTuple

import yaml

from checks import Finding
from checks.model import active, metadata
from checks.model.active import (CONTENT_ELEMENTS, DANGEROUS, ELEMENT_ATTRS, GLOBAL_ATTRS, LOADING_RELS, LOADS,
                           SAFE_SCHEMES, SAFE_STYLE, URL_ATTRS, foreign, scheme)
from checks.model.corpus import Corpus
from checks.model.page import Page

# Forms that no tag region may hide (a tag broken over lines, an unclosed
# one): an element that runs code, and an event handler in any tag.
RAW_ELEMENT = re.compile(r"<\s*(script|iframe|object|embed|base|frame|frameset|meta|link|style|svg|math|form)\b",
                         re.IGNORECASE)
RAW_HANDLER = re.compile(r"<[A-Za-z][^<>]*?[\s/\"'](on[A-Za-z]+)\s*=", re.IGNORECASE)
# Markdown URLs: [text](url), [label]: url, <scheme:...>
MD_LINK = re.compile(r"\]\(\s*<?(?P<url>[^()\s>]*)")
MD_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\[\]\n]+\]:[ \t]*<?(?P<url>\S+?)>?(?:[ \t]|$)", re.MULTILINE)
MD_AUTOLINK = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*)>")
# Markdown images, which the browser loads: ![alt](url) and ![alt][label] / ![label]
MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\(\s*<?(?P<url>[^()\s>]*)")
MD_IMAGE_REF = re.compile(r"!\[(?P<alt>[^\[\]\n]*)\](?:\[(?P<label>[^\[\]\n]*)\])?(?!\()")
ATTR_TOKEN = re.compile(r"(?P<name>[^\s=#.{}:][^\s={}]*)\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s}]*)")
ASSETS = ("*.svg", "*.html", "*.htm", "*.xml", "*.xhtml")


# The codes, written once.
ELEMENT, HANDLER, URL, ATTRIBUTE, SYMLINK, REMOTE = "SAF001", "SAF002", "SAF003", "SAF004", "SAF005", "SAF006"


class Verdict(NamedTuple):
    code: str  # ELEMENT, HANDLER, URL, ATTRIBUTE or REMOTE
    message: str
    needle: str  # what to look for in the source to place the finding




def judge_url(attr: str, value: str) -> Verdict | None:
    """A URL with a scheme other than http(s) or mailto."""
    values = [v.strip().split(" ")[0] for v in value.split(",")] if attr == "srcset" else [value]
    for v in values:
        s = scheme(v)
        if s is not None and s not in SAFE_SCHEMES:
            return Verdict(URL, f"'{s}:' URL in {attr}=: expected an http(s), relative or mailto link", v.strip()[:40])
    return None






def external(tag: str, attrs: Iterable[tuple[str, str | None]], own_hosts: Iterable[str] = ()) -> Iterator[Verdict]:
    """What one element loads from another host than the site's (SAF006). Callers ask only
    about an element they do not refuse already (SAF001): one finding for one fault."""
    tag = tag.lower()
    amap = {name.lower(): value or "" for name, value in attrs}
    names = LOADS.get(tag, ())
    if tag == "link" and LOADING_RELS & set(amap.get("rel", "").lower().split()):
        names = ("href",)
    for name in names:
        if name not in amap:
            continue
        urls = [v.strip().split(" ")[0] for v in amap[name].split(",")] if name == "srcset" else [amap[name]]
        for url in urls:
            if (other := foreign(url, own_hosts)) is not None:
                yield Verdict(REMOTE, f"<{tag} {name}={url.strip()!r}> loads from another host ({other}): "
                              "expected a file of this site", url.strip()[:40])


def judge_with_loads(tag: str, attrs: list[tuple[str, str | None]], elements: frozenset[str]) -> list[Verdict]:
    """``judge`` (attributes outside the allowlist allowed), then ``external`` for an element not refused."""
    verdicts = list(judge(tag, attrs, elements, strict_attrs=False))
    if not any(v.code == ELEMENT for v in verdicts):
        verdicts += external(tag, attrs)
    return verdicts


def judge(tag: str, attrs: Iterable[tuple[str, str | None]], elements: frozenset[str] = CONTENT_ELEMENTS,
          strict_attrs: bool = True) -> Iterator[Verdict]:
    """What is wrong with one element: its name, its attributes, its URLs."""
    tag = tag.lower()
    if tag in DANGEROUS or tag not in elements:
        yield Verdict(ELEMENT, f"<{tag}> element: expected none that runs, embeds or is not in the allowlist", f"<{tag}")
    for name, value in attrs:
        name, value = name.lower(), value or ""
        if name.startswith("on"):
            yield Verdict(HANDLER, f"event handler '{name}=' on <{tag}>: expected none", f"{name}=")
        elif name in URL_ATTRS:
            if (v := judge_url(name, value)) is not None:
                yield v
        elif name == "style" and tag in ("td", "th"):  # a table column's alignment, as Markdown writes it
            if not SAFE_STYLE.match(value):
                yield Verdict(ATTRIBUTE, f"style {value.strip()[:40]!r} on <{tag}>: expected only text-align "
                              "(left, right or center)", "style=")
        elif name == "http-equiv":
            yield Verdict(ELEMENT, f"<{tag} http-equiv={value!r}>: expected no refresh or policy change", "http-equiv")
        elif strict_attrs and not (name in GLOBAL_ATTRS or name.startswith(("aria-", "data-"))
                                   or name in ELEMENT_ATTRS.get(tag, ())):
            yield Verdict(ATTRIBUTE, f"attribute '{name}' on <{tag}>: expected one of the allowlist", f"{name}=")


def theme_script(src: str) -> Verdict:
    """A script a built page loads that is not one of the theme's."""
    return Verdict(ELEMENT, f"<script src={src!r}>: expected only the theme's scripts", src)


def inline_script(text: str) -> Verdict:
    """An inline script on a built page that is not one of the theme's."""
    return Verdict(ELEMENT, "inline <script>: expected only the theme's own scripts", text.strip()[:40])


def link_scheme(href: str) -> Verdict:
    """A <link> whose URL is not http(s) or relative."""
    return Verdict(URL, f"<link href={href!r}>: expected http(s) or relative", href)


class _Tags(HTMLParser):
    """Collect (tag, attrs, offset) from a piece of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]], tuple[int, int]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs, self.getpos()))

    handle_startendtag = handle_starttag


def tags(html: str) -> list[tuple[str, list[tuple[str, str | None]], tuple[int, int]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.found


def scan(page: Page, elements: frozenset[str] = CONTENT_ELEMENTS) -> Iterator[tuple[int, str, str]]:
    """(offset, code, message) for each unsafe construct a reader's browser would get."""
    text = page.text
    hidden = ("code", "comment")
    seen: set[tuple[int, str]] = set()

    def report(offset: int, code: str, message: str) -> Iterator[tuple[int, str, str]]:
        if (offset, code) not in seen and not page.in_any(offset, None, hidden):
            seen.add((offset, code))
            yield offset, code, message

    for r in page.regions:
        if r.kind == "tag":
            for tag, attrs, _ in tags(text[r.start:r.end]):
                for v in judge_with_loads(tag, attrs, elements):
                    at = text[r.start:r.end].lower().find(v.needle.lower())
                    yield from report(r.start + max(at, 0), v.code, v.message)
        elif r.kind == "attr":
            for m in ATTR_TOKEN.finditer(text, r.start, r.end):
                value = m.group("value").strip("\"'")
                for v in judge("span", [(m.group("name"), value)], strict_attrs=False):
                    if v.code != ELEMENT:
                        yield from report(m.start(), v.code, v.message.replace("<span>", "an attribute list"))
    for pattern in (MD_LINK, MD_DEFINITION, MD_AUTOLINK):
        for m in pattern.finditer(text, page.body_start):
            if (v := judge_url("href", m.group("url"))) is not None:
                yield from report(m.start("url"), v.code, v.message)
    yield from (x for offset, code, message in images(page) for x in report(offset, code, message))
    for m in RAW_ELEMENT.finditer(text):
        if m.group(1).lower() not in elements:
            yield from report(m.start(), ELEMENT, f"raw <{m.group(1).lower()}> element: expected no active or embedded content")
    for m in RAW_HANDLER.finditer(text):
        yield from report(m.start(1), HANDLER, f"inline event handler '{m.group(1).lower()}=' in an HTML tag: expected none")


def images(page: Page) -> Iterator[tuple[int, str, str]]:
    """(offset, SAF006, message) for each Markdown image the browser would load from another host."""
    text = page.text
    definitions = {m.group(0).split("]", 1)[0].lstrip(" [").lower(): m.group("url")
                   for m in MD_DEFINITION.finditer(text, page.body_start)}
    for m in MD_IMAGE.finditer(text, page.body_start):
        if (other := foreign(m.group("url"))) is not None:
            yield m.start("url"), REMOTE, (f"image {m.group('url')!r} loads from another host ({other}): "
                                             "expected a file of this site")
    for m in MD_IMAGE_REF.finditer(text, page.body_start):
        url = definitions.get((m.group("label") or m.group("alt")).lower())
        if url is not None and (other := foreign(url)) is not None:
            yield m.start(), REMOTE, f"image {url!r} loads from another host ({other}): expected a file of this site"


def scan_asset(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(line, col, code, message) for an SVG or HTML file under docs/, parsed whole."""
    for tag, attrs, (line, col) in tags(text):
        for v in judge_with_loads(tag, attrs, active.SVG_ELEMENTS):
            yield line, col + 1, v.code, v.message


def check(corpus: Corpus) -> Iterator[Finding]:
    for page in corpus.pages.values():
        for offset, code, message in sorted(scan(page)):
            line, col = page.line_col(offset)
            yield Finding(corpus.rel(page.path), line, col, code, message)
    yield from check_metadata(corpus)
    yield from check_tree(corpus)


def check_metadata(corpus: Corpus) -> Iterator[Finding]:
    """The metadata's values are rendered into pages: each string value is judged like a page."""
    meta = metadata.path_in(corpus.docs)
    try:
        _, root = metadata.read_yaml(meta.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError):
        return  # STR003 reports an unreadable metadata file
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if isinstance(node.value, str) and any(c in node.value for c in "<]{"):
                value = Page(meta, node.value, has_front_matter=False)
                for _, code, message in sorted(scan(value)):
                    yield Finding(corpus.rel(meta), node.start_mark.line + 1, node.start_mark.column + 1, code,
                                  f"in a metadata value: {message}")
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in node.value for v in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def check_tree(corpus: Corpus) -> Iterator[Finding]:
    """Assets parsed whole; symlinks that leave docs/."""
    docs = corpus.docs
    for path in sorted(docs.rglob("*")):
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(docs):
                yield Finding(corpus.rel(path), 1, 1, SYMLINK,
                              f"symlink resolves outside docs/ (to {target}): expected files inside docs/ only")
                continue
        if path.is_file() and any(path.match(p) for p in ASSETS) and path.resolve().is_relative_to(docs):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                yield Finding(corpus.rel(path), 1, 1, ELEMENT, "asset is not readable UTF-8: expected a text asset")
                continue
            for line, col, code, message in scan_asset(text):
                yield Finding(corpus.rel(path), line, col, code, message)

