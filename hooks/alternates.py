"""Language alternates: absolute hreflang links and relative language-selector
links on every page, and a sitemap for every language build.

mkdocs-static-i18n writes ``/sitemap.xml`` (both languages) in the default
build only; Material fetches ``sitemap.xml`` under each language's base, so
``/en/sitemap.xml`` must exist too. The hreflang links are absolute
(``site_url`` + the alternate page's URL) with ``x-default`` pointing at the
Japanese original.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from html import escape

from checks.model import build_state
from checks.engine import get_relative_url
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


# MkDocs events: thin wiring of the functions above, run by the build tests.
# pragma: no mutate block
def on_config(config, /):
    # (loc, [(hreflang, href)]) of each page of this language's build, for its sitemap
    build_state.of(config).sitemap[config["theme"]["language"]] = []
    return config


def on_page_context(context, /, *, page, config, nav):
    lang = config["theme"]["language"]
    others = {loc: f.url for loc, f in (getattr(page.file, "alternates", None) or {}).items()}
    site_url = config["site_url"] or "/"
    links = alternates(site_url, page.url, lang, others)
    page.meta["hreflang"] = links
    page.meta["language_links"] = {lang: get_relative_url(page.url, page.url),
                                   **{other: get_relative_url(url, page.url) for other, url in others.items()}}
    build_state.of(config).sitemap.setdefault(lang, []).append(
        (dict(links)[lang], [link for link in links if link[0] != "x-default"]))
    return context


def on_post_build(*, config):
    lang = config["theme"]["language"]
    if lang == DEFAULT_LANG:
        return  # the i18n plugin's sitemap at the root lists both languages
    folder = Path(config["site_dir"]) / lang
    folder.mkdir(parents=True, exist_ok=True)
    xml = sitemap(sorted(build_state.of(config).sitemap.get(lang, [])))
    (folder / "sitemap.xml").write_text(xml, encoding="utf-8")
    with gzip.GzipFile(folder / "sitemap.xml.gz", "wb", mtime=0) as gz:
        gz.write(xml.encode("utf-8"))
