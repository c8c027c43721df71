"""The site's identity, in one place: its languages and which page is the memorandum.

Checks, hooks, exports and the bench all ask these questions here, never
with their own literals.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath

from checks.model.languages import CODES, ORIGINAL, TRANSLATION, profile

LANGS = CODES  # in the order of checks.model.languages.PROFILES: the signed original first
DEFAULT_LANG = ORIGINAL  # the signed original; served at /
MEMORANDUM = "memorandum"  # the memorandum page's stem: memorandum.<lang>.md
PARALLEL = "parallel"  # the parallel view's stem
CONFIG = "properdocs.yml"  # the build configuration, read by ProperDocs and by the MkDocs fallback
# URL prefix of each language's build: / for Japanese, /en/ for English.
PREFIX = {lang: "" if lang == DEFAULT_LANG else f"{lang}/" for lang in LANGS}
# The downloads' names under the site root (the exports write them, the built-site verification reads them).
JSON_NAME = f"{MEMORANDUM}.json"
SCHEMA_NAME = f"{MEMORANDUM}.schema.json"
SUMS_NAME = "SHA256SUMS"
TMX_NAME = f"{MEMORANDUM}.{LANGS[0]}-{LANGS[1]}.tmx"  # the aligned provisions, source language first
# The search index under a language's root (the theme writes both languages' there at the site root first).
SEARCH_INDEX = "search/search_index.json"


def other(lang: str) -> str:
    """The other language of the pair."""
    return LANGS[1] if lang == LANGS[0] else LANGS[0]


def joiner(lang: str) -> str:
    """How source lines of one provision join into its text."""
    return profile(lang).joiner


def lang_of(path: str | Path) -> str:
    """The language of a page from its suffix: ``memorandum.en.md`` -> en."""
    parts = PurePosixPath(str(path)).name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in LANGS else DEFAULT_LANG


def stem(src_uri: str | Path) -> str:
    """A page's name without language and extension: ``sub/about.en.md`` -> ``sub/about``."""
    name = str(src_uri).replace("\\", "/")
    parts = name.rsplit(".", 2)
    return parts[0] if len(parts) == 3 and parts[1] in LANGS else name.rsplit(".", 1)[0]


def is_memorandum(src_uri: str | Path) -> bool:
    """Whether a page (by its path under docs/) is a memorandum page."""
    return stem(src_uri) == MEMORANDUM


def search_index(lang: str) -> str:
    """Where a language's own search index is published, from the site root."""
    return f"{PREFIX[lang]}{SEARCH_INDEX}"


def pdf_name(lang: str) -> str:
    """Where a language's PDF of the memorandum is published, from the site root."""
    return f"{PREFIX[lang]}{MEMORANDUM}.{lang}.pdf"


def download_names(akn_paths: list[str], version_paths: list[str] = ()) -> list[str]:
    """The paths of every download SHA256SUMS must list, given where the AKN documents and the versions'
    JSON are (``akn.site_path`` and ``version_path`` when building, ``memorandum.json``'s ``akn`` and
    ``versions`` when reading a built site)."""
    named = [JSON_NAME, SCHEMA_NAME, *(p.lstrip("/") for p in akn_paths), *(p.lstrip("/") for p in version_paths),
             TMX_NAME, *(pdf_name(lang) for lang in LANGS)]
    return list(dict.fromkeys(named))  # the signed Japanese is its own first version: one file, named once


# A PDF renders in another process while the pages build, and the build takes it only after
# every language's pages are written: until then a page that lists its SHA-256 shows a stand-in,
# which the build replaces with the digest once the PDF is made (``checks.render.exports.fill``).
# A stand-in is 64 hex digits, as the digest will be, so every step between reads it as it will
# read the digest; sixteen zeros start it (a SHA-256 does so once in 2**64) and the rest names the file.
# The zeros are written out, and the look-behind (no hex digit before them) follows them: a pattern that
# starts with a literal is searched for as a string, 25 times faster over the built pages than one that
# starts with a look-behind, which is tried at every character. The matches are the same.
STAND_IN = re.compile(r"0000000000000000(?<![0-9a-f]0{16})[0-9a-f]{48}(?![0-9a-f])")


def stand_in(rel: str) -> str:
    """What a page shows in place of the SHA-256 of the download ``rel`` until the build fills it in."""
    return "0" * 16 + hashlib.sha256(rel.encode("utf-8")).hexdigest()[:48]


def version_path(lang: str, date: str) -> str:
    """Where a version of a language's text is published as JSON, from the site root."""
    return f"versions/{lang}/{date}.json"


FEED_NAME = "changes.atom"  # each language's Atom feed of published versions, under its root


def memorandum_path(docs_dir: str | Path, lang: str) -> Path:
    """Where a language's memorandum page lives."""
    return Path(docs_dir) / f"{MEMORANDUM}.{lang}.md"


def display_path(path: str | Path, config_file: str | Path | None) -> str:
    """A source file's path as the checks print it: relative to the project (properdocs.yml's folder)."""
    root = Path(config_file).resolve().parent if config_file else Path.cwd()
    try:
        return str(Path(path).resolve().relative_to(root))
    except ValueError:
        return str(path)
