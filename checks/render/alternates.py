"""Language alternates: absolute hreflang links and relative language-selector
links on every page, and a sitemap for every language build.

mkdocs-static-i18n writes ``/sitemap.xml`` (both languages) in the default
build only; Material fetches ``sitemap.xml`` under each language's base, so
``/en/sitemap.xml`` must exist too. The hreflang links are absolute
(``site_url`` + the alternate page's URL) with ``x-default`` pointing at the
Japanese original.
"""

from __future__ import annotations

from html import escape

from checks.model.site import DEFAULT_LANG


def alternates(site_url: str, page_url: str, lang: str, others: dict[str, str]) -> list[tuple[str, str]]:
    """[(hreflang, absolute URL)] for a page: itself, its translations, x-default."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    links = {lang: base + page_url}
    links.update({other: base + url for other, url in others.items() if other != lang})
    out = sorted(links.items())
    if DEFAULT_LANG in links:
        out.append(("x-default", links[DEFAULT_LANG]))
    return out


def sitemap(entries: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """A sitemap with xhtml:link alternates."""
    rows = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for loc, alts in entries:
        rows.append(f"  <url>\n    <loc>{escape(loc)}</loc>")
        rows += [f'    <xhtml:link rel="alternate" hreflang="{escape(h)}" href="{escape(u)}"/>'
                 for h, u in alts]
        rows.append("  </url>")
    rows.append("</urlset>\n")
    return "\n".join(rows)
