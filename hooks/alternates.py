"""Language alternates: absolute hreflang links and relative language-selector
links on every page, and a sitemap for every language build.

The events MkDocs calls; what they do is ``checks.render.alternates``.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from checks.engine import event_priority, get_relative_url
from checks.model import build_state
from checks.model.site import DEFAULT_LANG
from checks.render.alternates import alternates, sitemap


# MkDocs events: thin wiring of checks.render.alternates, run by the build tests.
# pragma: no mutate block
@event_priority(-105)  # after mkdocs-static-i18n (-100) has set this build's language
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
