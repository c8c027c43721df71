"""An Atom feed (RFC 4287) of the published versions, one per language.

``atom(history, lang, site_url, title, author)`` lists, in ``lang``, every
published version of both texts (``docs/_data/versions.yml``), newest first:
each entry names the text and the date, says why, names the provisions it
changed and links to its comparison on the changes page and to the version's
JSON. Ids are the entries' permanent addresses on the site; ``updated`` is the
newest version's date, so the same versions give the same bytes. Every page
links its language's feed from its head (``hooks/exports.py``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from checks.model import document, languages, metadata, site, versions
from checks.render.changes import version_anchor

NS = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"


def site_root(site_url: str) -> str:
    """The site's root address from a language build's ``site_url`` (which may end with its prefix, ``en/``)."""
    url = site_url if site_url.endswith("/") else site_url + "/"
    for prefix in site.PREFIX.values():
        if prefix and url.endswith("/" + prefix):
            return url[: -len(prefix)]
    return url


def _time(date: str) -> str:
    """An ISO date as an RFC 3339 date-time at the start of that day (UTC)."""
    return f"{date}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{NS}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def entries(history: versions.History) -> list[tuple[str, versions.Version]]:
    """(text language, version) for every published version, newest first (the original first on a date)."""
    found = [(lang, v) for lang in site.LANGS for v in history.of(lang)]
    order = {lang: i for i, lang in enumerate(site.LANGS)}
    return sorted(found, key=lambda item: (item[1].date, -order[item[0]]), reverse=True)


def atom(history: versions.History, lang: str, site_url: str, title: str, author: str) -> bytes:
    """The feed of ``lang``'s pages (``site_url`` ends with a slash)."""
    ET.register_namespace("", NS)
    words = languages.profile(lang).ui["changes"]
    root_url = site_url + site.PREFIX[lang]
    changes_url = root_url + "changes/"
    feed = ET.Element(f"{{{NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    listed = entries(history)
    _sub(feed, "id", root_url + site.FEED_NAME)
    _sub(feed, "title", words["feed"].format(title=title))
    _sub(feed, "subtitle", words["feed_about"])
    _sub(feed, "updated", _time(listed[0][1].date) if listed else "1970-01-01T00:00:00Z")
    _sub(feed, "link", rel="self", type=MEDIA_TYPE, href=root_url + site.FEED_NAME)
    _sub(feed, "link", rel="alternate", type="text/html", href=changes_url)
    _sub(_sub(feed, "author"), "name", author)
    for text_lang, version in listed:
        found = history.of(text_lang)
        first = version is found[0]
        date = metadata.format_date(version.date, lang)
        entry = _sub(feed, "entry")
        anchor = text_lang if first else version_anchor(text_lang, version.date)
        _sub(entry, "id", f"{changes_url}#{version_anchor(text_lang, version.date)}")
        _sub(entry, "title", words["entry"].format(text=words["texts"][text_lang], date=date))
        _sub(entry, "updated", _time(version.date))
        _sub(entry, "published", _time(version.date))
        _sub(entry, "link", rel="alternate", type="text/html", href=f"{changes_url}#{anchor}")
        _sub(entry, "link", rel="related", type="application/json", href=site_url + site.version_path(text_lang, version.date))
        changed = languages.profile(lang).list_sep.join(document.label(pid, lang) for pid in version.text) if not first else ""
        summary = version.reason[lang] + (f"\n{words['provisions']}{languages.profile(lang).detail_sep}{changed}" if changed else "")
        _sub(entry, "summary", summary, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
