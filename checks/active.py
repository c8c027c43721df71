"""Active content, judged on elements and attributes as a browser reads them.

One allowlist for the Markdown-level check (``checks.safety``: each HTML tag
and attribute list of a page, parsed) and the built-HTML check
(``checks.output``: every element of every built page). Attribute values are
judged after entity decoding, with the whitespace and control characters a
browser ignores in a URL removed, so ``&#106;avascript:``, ``java\\tscript:``
and ``JaVaScRiPt:`` are all ``javascript:``. The element and attribute lists
follow nh3's (ammonia's) defaults, narrowed to what this site renders.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Iterable, Iterator, NamedTuple

# Elements Markdown, the site's hooks and its editorial pages render.
CONTENT_ELEMENTS = frozenset("""
a abbr article aside b blockquote br button caption cite code col colgroup dd del details dfn div dl dt em
figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark nav ol p path pre q s samp section small span
strong sub summary sup svg table tbody td tfoot th thead time tr u ul var wbr
""".split())
# Elements a drawing under docs/ (an SVG asset) may use besides those.
SVG_ELEMENTS = CONTENT_ELEMENTS | frozenset("""
g circle rect line polyline polygon ellipse defs lineargradient radialgradient stop text tspan title desc use
symbol clippath mask html head body
""".split())
# Elements the theme adds around the content (header, navigation, search).
THEME_ELEMENTS = CONTENT_ELEMENTS | frozenset("""
html head body title meta link script main header footer form input label
""".split())
# Elements that run, embed or rebase content: never allowed in content.
DANGEROUS = frozenset("""
script iframe frame frameset object embed applet base meta link style form input textarea select option
foreignobject animate set handler listener math template portal noscript
""".split())
# Elements that have no end tag: every parser-based reader and editor of the site's HTML uses this list.
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
GLOBAL_ATTRS = frozenset("id class lang title dir role hidden tabindex translate".split())
ELEMENT_ATTRS = {
    "a": {"href", "hreflang", "rel", "target", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"},  # and style, text-align only
    "ol": {"start", "type", "reversed"}, "li": {"value"},
    "time": {"datetime"}, "details": {"open"}, "button": {"type", "name", "value"},
    "svg": {"xmlns", "viewbox", "width", "height", "fill", "focusable"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "col": {"span"}, "colgroup": {"span"}, "q": {"cite"}, "blockquote": {"cite"},
    "del": {"cite", "datetime"}, "ins": {"cite", "datetime"}, "abbr": {"title"},
}
URL_ATTRS = frozenset("""
href src cite action formaction poster data xlink:href srcset background longdesc ping manifest icon
codebase archive usemap lowsrc dynsrc
""".split())
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# A table cell's alignment, as Python-Markdown writes it.
SAFE_STYLE = re.compile(r"^\s*text-align:\s*(?:left|right|center)\s*;?\s*$")
# What a browser drops from a URL before reading its scheme.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


# What an element fetches by itself as the page loads (or, for a form, where it
# sends what a reader types). A script is judged as a script (SAF001).
LOADS = {
    "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
    "input": ("src", "formaction"), "button": ("formaction",), "form": ("action",), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href"), "body": ("background",),
    "table": ("background",), "td": ("background",), "th": ("background",),
}
# <link rel=…> values that make a browser fetch the target (alternate, canonical and the like do not).
LOADING_RELS = frozenset("stylesheet icon preload prefetch modulepreload manifest apple-touch-icon preconnect "
                         "dns-prefetch mask-icon prerender".split())
_HOST = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.\-]*:)?//(?:[^/?#@]*@)?(?P<host>[^/?#:]*)")


class Verdict(NamedTuple):
    code: str  # SAF001 element, SAF002 handler, SAF003 URL, SAF004 attribute, SAF006 another host
    message: str
    needle: str  # what to look for in the source to place the finding


def scheme(value: str) -> str | None:
    """The scheme of a URL attribute's value as a browser reads it (lower case), or None."""
    m = _SCHEME.match(_URL_NOISE.sub("", unescape(value)))
    return m.group(1).lower() if m else None


def judge_url(attr: str, value: str) -> Verdict | None:
    """A URL with a scheme other than http(s) or mailto."""
    values = [v.strip().split(" ")[0] for v in value.split(",")] if attr == "srcset" else [value]
    for v in values:
        s = scheme(v)
        if s is not None and s not in SAFE_SCHEMES:
            return Verdict("SAF003", f"'{s}:' URL in {attr}=: expected an http(s), relative or mailto link", v.strip()[:40])
    return None


def host(url: str) -> str | None:
    """The host a URL names (absolute or protocol-relative, as a browser reads it), lower case; None if relative."""
    m = _HOST.match(_URL_NOISE.sub("", unescape(url)))
    return m.group("host").lower() if m and m.group("host") else None


def foreign(url: str, own_hosts: Iterable[str] = ()) -> str | None:
    """The other host a URL loads from, or None for the site's own files."""
    name = host(url)
    return name if name is not None and name not in set(own_hosts) else None


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
                yield Verdict("SAF006", f"<{tag} {name}={url.strip()!r}> loads from another host ({other}): "
                              "expected a file of this site", url.strip()[:40])


def judge_with_loads(tag: str, attrs: list[tuple[str, str | None]], elements: frozenset[str]) -> list[Verdict]:
    """``judge`` (attributes outside the allowlist allowed), then ``external`` for an element not refused."""
    verdicts = list(judge(tag, attrs, elements, strict_attrs=False))
    if not any(v.code == "SAF001" for v in verdicts):
        verdicts += external(tag, attrs)
    return verdicts


def judge(tag: str, attrs: Iterable[tuple[str, str | None]], elements: frozenset[str] = CONTENT_ELEMENTS,
          strict_attrs: bool = True) -> Iterator[Verdict]:
    """What is wrong with one element: its name, its attributes, its URLs."""
    tag = tag.lower()
    if tag in DANGEROUS or tag not in elements:
        yield Verdict("SAF001", f"<{tag}> element: expected none that runs, embeds or is not in the allowlist", f"<{tag}")
    for name, value in attrs:
        name, value = name.lower(), value or ""
        if name.startswith("on"):
            yield Verdict("SAF002", f"event handler '{name}=' on <{tag}>: expected none", f"{name}=")
        elif name in URL_ATTRS:
            if (v := judge_url(name, value)) is not None:
                yield v
        elif name == "style" and tag in ("td", "th"):  # a table column's alignment, as Markdown writes it
            if not SAFE_STYLE.match(value):
                yield Verdict("SAF004", f"style {value.strip()[:40]!r} on <{tag}>: expected only text-align "
                              "(left, right or center)", "style=")
        elif name == "http-equiv":
            yield Verdict("SAF001", f"<{tag} http-equiv={value!r}>: expected no refresh or policy change", "http-equiv")
        elif strict_attrs and not (name in GLOBAL_ATTRS or name.startswith(("aria-", "data-"))
                                   or name in ELEMENT_ATTRS.get(tag, ())):
            yield Verdict("SAF004", f"attribute '{name}' on <{tag}>: expected one of the allowlist", f"{name}=")
