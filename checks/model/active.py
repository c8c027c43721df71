"""HTML as a browser reads it: the elements and attributes the site allows, and what a URL points at.

The allowlist the SAF rule (``checks.rules.safety``) judges the Markdown's HTML and
every built page by. URLs are read after entity decoding, with the
whitespace and control characters a browser ignores removed, so
``&#106;avascript:``, ``java\\tscript:`` and ``JaVaScRiPt:`` are all
``javascript:``. The element and attribute lists follow nh3's (ammonia's)
defaults, narrowed to what this site renders.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Iterable

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


def scheme(value: str) -> str | None:
    """The scheme of a URL attribute's value as a browser reads it (lower case), or None."""
    m = _SCHEME.match(_URL_NOISE.sub("", unescape(value)))
    return m.group(1).lower() if m else None

def host(url: str) -> str | None:
    """The host a URL names (absolute or protocol-relative, as a browser reads it), lower case; None if relative."""
    m = _HOST.match(_URL_NOISE.sub("", unescape(url)))
    return m.group("host").lower() if m and m.group("host") else None

def foreign(url: str, own_hosts: Iterable[str] = ()) -> str | None:
    """The other host a URL loads from, or None for the site's own files."""
    name = host(url)
    return name if name is not None and name not in set(own_hosts) else None
