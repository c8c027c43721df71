"""Machine-readable outputs: the downloads of ``checks.export.publish`` and JSON-LD on the memorandum pages.

The events MkDocs calls; what they do is ``checks.render.exports``.
"""

from __future__ import annotations

import json
from pathlib import Path

from checks.engine import event_priority, get_relative_url
from checks.export import cite, feed, publish
from checks.model import build_state, languages, metadata, site, versions
from checks.render.dated import url_of
from checks.render.exports import fill_files, legislation, write_built


# MkDocs events: thin wiring of checks.render.exports, run by the build tests.
# pragma: no mutate block
def on_page_context(context, /, *, page, config, nav):
    lang = config["theme"]["language"]
    page.meta["feed"] = {"href": get_relative_url(site.PREFIX[lang] + site.FEED_NAME, page.url),
                         "title": languages.profile(lang).ui["changes"]["feed_link"], "type": feed.MEDIA_TYPE}
    if not site.is_memorandum(page.file.src_uri):
        return context
    alternate = (getattr(page.file, "alternates", None) or {}).get(site.other(lang))
    base = config["site_url"] or "/"
    other = (base if base.endswith("/") else base + "/") + alternate.url if alternate else ""
    facts = metadata.load_cached(metadata.path_in(config["docs_dir"]))
    data = legislation(facts, lang, page.canonical_url or page.url, other)
    latest = versions.load_cached(versions.path_in(config["docs_dir"])).latest(lang)
    if latest:  # what reference managers read: the version in force, at its own address
        url = url_of(config["site_url"], lang, latest.date)
        page.meta["cite_meta"] = cite.meta_tags(cite.item(facts, lang, latest.date, url))
    page.meta["jsonld"] = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return context


def on_pre_build(*, config):
    build_state.of(config).started.add(config["theme"]["language"])


# Last: the PDFs render beside the build and are taken once every language's pages are written.
@event_priority(-115)  # after mkdocs-static-i18n (-100) and the search indexes (-110); before the verification (-120)
def on_post_build(*, config):
    state = build_state.of(config)
    if not state.last_post_build("exports"):
        return
    docs = Path(config["docs_dir"])
    facts = metadata.load_cached(metadata.path_in(docs))
    history = versions.load_cached(versions.path_in(docs))
    root = feed.site_root(config["site_url"] or "/")
    feeds = {site.PREFIX[lang] + site.FEED_NAME: feed.atom(history, lang, root, facts["short_title"][lang],
                                                           config.get("site_author") or facts["short_title"][lang])
             for lang in site.LANGS}
    current = {lang: found.date for lang in site.LANGS if (found := history.latest(lang))}
    citations = cite.downloads(facts, current, root)  # each text's version in force, for reference managers
    downloads = publish.downloads_cached(config["docs_dir"])
    for rel, data in {**downloads, **feeds, **citations}.items():
        write_built(Path(config["site_dir"]) / rel, data)
    # The pages that list the PDFs' SHA-256 and the search indexes made from them show stand-ins until now.
    fill_files(Path(config["site_dir"]), [*sorted(state.stand_ins), *map(site.search_index, site.LANGS)],
               publish.checksums(downloads))
