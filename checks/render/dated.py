"""A stable address for every version: the memorandum page as it read on a date.

``dated(html, lang, version, texts, current)`` turns the built memorandum page of
``lang`` into the page of one recorded version, published one level below it
(``/en/memorandum/2026-11-25/``): each provision reads as it did from that date
(``checks.model.versions.texts_at``), every provision permalink works there too,
and a notice opens the page ("This is the text as of …; the current text is …",
linked, in the page's language). The page points search engines to the current
text (``rel="canonical"``, ``noindex``), its citations name the version and its
address, and a correction cannot be suggested on it. Relative addresses are
rewritten for the page's depth. The page is read with the standard library's
HTML parser and written back token by token: what is not changed is copied as
it was (an inline SVG keeps its ``viewBox``).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from typing import Any, Callable, Iterable, Mapping

from checks.export import cite, feed
from checks.model import active, kept, languages, metadata, site, versions
from checks.render import tokens as html_tokens

TOOLS = "provision-tools"
# Attributes that hold an address.
ADDRESSES = ("href", "src", "action", "poster")
ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/|#)", re.IGNORECASE)
# What belongs to the current page only: suggesting a correction, editing the source, the date of its last change.
CURRENT_ONLY = frozenset({"provision-suggest", "suggest-correction", "md-content__button", "md-source-file",
                          "current-version"})


def path_of(lang: str, date: str) -> str:
    """Where a version's page is, from the site root: ``en/memorandum/2026-11-25/``."""
    return f"{site.PREFIX[lang]}{site.MEMORANDUM}/{date}/"


def url_of(site_url: str, lang: str, date: str) -> str:
    """A version page's address, from a language build's ``site_url`` (which may end with its prefix)."""
    return feed.site_root(site_url or "/") + path_of(lang, date)


def _deeper(url: str) -> str:
    """A relative address as seen from one folder further down."""
    return url if not url or ABSOLUTE.match(url) else "../" + url


def _relative(attrs: Mapping[str, str | None]) -> bool:
    """Whether a tag holds an address ``_deeper`` changes (a relative one)."""
    for name in ADDRESSES:
        url = attrs.get(name)
        if url and not ABSOLUTE.match(url):
            return True
    return False


_NO_CLASS: frozenset[str] = frozenset()


def _tag(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    """A start tag written anew (only for HTML elements whose attribute names are lower case anyway)."""
    parts = "".join(f" {k}" if v is None else f' {k}="{html_lib.escape(v)}"' for k, v in attrs)
    return f"<{tag}{parts}>"


class _Rewriter:
    """The built page, token by token (``checks.render.tokens``): what is not changed is copied as it was
    written (inline SVG keeps its ``viewBox``), so only the tags this module changes are written anew."""

    def __init__(self, texts: Mapping[str, str], citation: Callable[[str], str], current_url: str, lang: str, notice: str,
                 title: Callable[[str], str], ids: frozenset[str], meta: list[tuple[str, str]] = ()) -> None:
        self.meta = meta  # the version's tags for reference managers, in place of the current text's
        self.ids = ids  # every provision's id: a citation button names the provision it is in
        self.texts, self.citation, self.current_url, self.lang = texts, citation, current_url, lang
        self.notice, self.title = notice, title
        self.out: list[str] = []
        self.skip: tuple[str, int] | None = None  # (tag, depth) of an element left out
        self.provision: tuple[str, int, str] | None = None  # (tag, depth, id) of a provision whose text is replaced
        self.in_tools = 0  # depth inside the replaced provision's tools
        self.capture: str | None = None  # "title" or "config": text collected until the end tag
        self.captured: list[str] = []
        self.current_pid = ""

    # --- helpers -------------------------------------------------------------
    def _emit(self, text: str) -> None:
        if self.skip is None and not (self.provision and not self.in_tools):
            self.out.append(text)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], raw: str, void: bool) -> None:
        if self.skip is not None:
            if tag == self.skip[0] and not void:
                self.skip = (tag, self.skip[1] + 1)
            return
        a = dict(attrs)
        classes = set(a["class"].split()) if a.get("class") else _NO_CLASS
        if self.provision is not None and not self.in_tools:
            ptag, depth, pid = self.provision
            if TOOLS not in classes:  # the provision's old text replaces its content up to its tools
                if tag == ptag and not void:
                    self.provision = (ptag, depth + 1, pid)
                return
            self.in_tools = 1
        elif classes & CURRENT_ONLY and not void:
            self.skip = (tag, 1)
            return
        elif self.provision is not None and not void:
            self.in_tools += 1
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            return  # this version has no translation of its own to point to
        if tag == "script" and a.get("type") == "application/ld+json":
            self.skip = (tag, 1)
            return
        if tag == "meta" and str(a.get("name") or "").startswith(("DC.", "citation_")):
            return  # the current text's: the version's are written after the canonical link
        if tag == "link" and a.get("rel") == "canonical":
            self.out.append(_tag(tag, [(k, self.current_url if k == "href" else v) for k, v in attrs]))
            self.out.append('<meta name="robots" content="noindex">')
            self.out.extend(_tag("meta", [("name", name), ("content", content)]) for name, content in self.meta)
            return
        if tag == "title":
            self.capture, self.captured = "title", []
        if tag == "script" and a.get("id") == "__config":
            self.capture, self.captured = "config", []
        if a.get("id") in self.ids:
            self.current_pid = a["id"]
        if "provision-cite" in classes:
            pid = self.current_pid
            attrs = [(k, self.citation(pid) if k == "data-clipboard-text" else v) for k, v in attrs]
            raw = _tag(tag, attrs)
        elif _relative(a):
            raw = _tag(tag, [(k, _deeper(v) if k in ADDRESSES and v is not None else v) for k, v in attrs])
        self.out.append(raw)
        if a.get("id") in self.texts and not void:
            self.provision = (tag, 1, a["id"])
            self.in_tools = 0
            self.out.append(html_lib.escape(self.texts[a["id"]], quote=False) + " ")

    # --- events ----------------------------------------------------------------
    def handle_starttag(self, tag, attrs, raw):
        self._start(tag, attrs, raw, tag in active.VOID)

    def handle_startendtag(self, tag, attrs, raw):
        self._start(tag, attrs, raw, True)

    def handle_endtag(self, tag):
        if self.skip is not None:
            if tag == self.skip[0]:
                depth = self.skip[1] - 1
                self.skip = None if depth == 0 else (tag, depth)
            return
        if self.provision is not None:
            ptag, depth, pid = self.provision
            if self.in_tools:
                self.out.append(html_tokens.written("endtag", tag))
                self.in_tools -= 1
                return
            if tag == ptag:
                if depth == 1:
                    self.provision = None
                    self.out.append(html_tokens.written("endtag", tag))
                else:
                    self.provision = (ptag, depth - 1, pid)
            return
        if self.capture == "title" and tag == "title":
            self.out.append(html_lib.escape(self.title("".join(self.captured)), quote=False))
            self.capture = None
        elif self.capture == "config" and tag == "script":
            data = json.loads("".join(self.captured))
            for key in ("base", "search"):
                if isinstance(data.get(key), str):
                    data[key] = _deeper(data[key])
            self.out.append(json.dumps(data, ensure_ascii=False))
            self.capture = None
        self.out.append(html_tokens.written("endtag", tag))
        if tag == "h1" and self.notice:
            self.out.append(self.notice)
            self.notice = ""

    def handle_data(self, data):
        if self.capture and self.skip is None:
            self.captured.append(data)
            return
        self._emit(data)

    def handle_entityref(self, name):
        self._reference(html_tokens.written("entityref", name))

    def handle_charref(self, name):
        self._reference(html_tokens.written("charref", name))

    def _reference(self, text: str) -> None:
        self.handle_data(text) if not self.capture else self.captured.append(text)

    def handle_comment(self, data):
        self._emit(html_tokens.written("comment", data))

    def handle_decl(self, decl):
        self._emit(html_tokens.written("decl", decl))

    def handle_pi(self, data):
        self._emit(html_tokens.written("pi", data))

    def unknown_decl(self, data):
        self._emit(html_tokens.written("unknown_decl", data))


def pages(page: str, lang: str, history: versions.History, current: Mapping[str, str], site_url: str,
          facts: Mapping[str, Any]) -> dict[str, str]:
    """Every version's page of ``lang``, by its path from the site root (``site_url`` ends with a slash)."""
    found = history.of(lang)
    current_url = f"{site_url}{site.PREFIX[lang]}{site.MEMORANDUM}/"
    read = html_tokens.read(page)  # the page read once, written once per version
    out = {}
    for version in found:
        url = site_url + path_of(lang, version.date)
        texts = versions.texts_at(history, lang, current, version.date)
        out[path_of(lang, version.date) + "index.html"] = dated(
            read, lang, version, texts, current, current_url, version is found[-1], cite.Citations(facts, lang, version.date, url),
            cite.meta_tags(cite.item(facts, lang, version.date, url)))
    return out


def pages_kept(page: str, lang: str, history: versions.History, current: Mapping[str, str], site_url: str,
               facts: Mapping[str, Any], sources: Iterable[bytes]) -> dict[str, str]:
    """``pages``, kept between builds (``checks.model.kept``); ``sources`` are the bytes of the files
    ``history``, ``current`` and ``facts`` were read from."""
    return kept.kept("version-pages", [page, lang, site_url, *sources],
                     lambda: pages(page, lang, history, current, site_url, facts),
                     load=lambda data: {str(rel): str(text) for rel, text in data.items()})


def dated(page: str | list[tuple], lang: str, version: versions.Version, texts: Mapping[str, str], current_texts: Mapping[str, str],
          current_url: str, is_current: bool, citation: Callable[[str], str], meta: list[tuple[str, str]] = ()) -> str:
    """The built memorandum page ``page`` of ``lang`` (its HTML, or its tokens: ``checks.render.tokens.read``)
    as the page of ``version``."""
    words = languages.profile(lang).ui["dated"]
    date = metadata.format_date(version.date, lang)
    notice = ('<div class="admonition note version-notice"><p class="admonition-title">'
              f'{html_lib.escape(words["heading"].format(date=date))}</p><p>'
              + (words["current"] if is_current else words["earlier"]).format(
                  date=html_lib.escape(date),
                  current=f'<a href="{html_lib.escape(current_url)}">{html_lib.escape(words["current_link"])}</a>',
                  changes=f'<a href="../../changes/#{lang}">{html_lib.escape(words["changes_link"])}</a>')
              + "</p></div>")
    changed = {pid: text for pid, text in texts.items() if text != current_texts.get(pid)}

    def title(written: str) -> str:  # "The memorandum (as of 25 November 2026) - Site"
        page_title, sep, rest = html_lib.unescape(written).partition(" - ")
        return words["title"].format(title=page_title, date=date) + sep + rest

    rewriter = _Rewriter(changed, citation, current_url, lang, notice, title, frozenset(current_texts), meta)
    html_tokens.replay(html_tokens.read(page) if isinstance(page, str) else page, rewriter)
    return "".join(rewriter.out)
