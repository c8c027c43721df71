"""The site's identity, in one place: its languages and which page is the memorandum.

Checks, hooks, exports and the bench all ask these questions here, never
with their own literals.
"""

from __future__ import annotations

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
