"""The translation lock: which Japanese text each English text was checked against.

``docs/_data/translation-lock.yml`` records, for every English provision
(by id) and every English editorial page (by name), the SHA-256 (NFC, as in
``/memorandum.json``) of the Japanese text it translates, the SHA-256 of the
English text as it was when checked, and the date of the check:

.. code-block:: yaml

    provisions:
      article-2-1: {ja: 3f5c…, en: 9ab1…, checked: 2026-11-26}
    pages:
      about: {ja: 77e0…, en: 1c2d…, checked: 2026-11-26}

A provision's Japanese text is the model's (``Provision.text``); a page's
is the whole Japanese file. The checks compare (TRL001–TRL004); ``make
relock`` (``python -m checks.relock``) re-stamps after a contributor has
updated the English. Like gettext's fuzzy flag or MDN's ``sourceCommit``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from checks.model import document, languages, metadata, site

FILE = "translation-lock.yml"
HEADER = ("# The translation lock: the Japanese text (SHA-256 of its NFC form) each English\n"
          "# provision and page was checked against, the English text as checked, and when.\n"
          "# Written by `make relock`, read by `python -m checks` (TRL001-TRL004).\n")


def path_in(docs: str | Path) -> Path:
    return Path(docs) / "_data" / FILE


@dataclass(frozen=True)
class Item:
    """One lockable unit: a provision (kind 'provisions') or an editorial page (kind 'pages')."""

    kind: str
    key: str
    ja: str  # the Japanese text it translates
    en: str  # the English text
    en_path: Path
    en_line: int


def items(docs: Path, ja: document.Document, en: document.Document) -> list[Item]:
    """Every provision present in both languages and every editorial page pair."""
    out = [Item("provisions", p.id, p.text, q.text, en.path, q.line)
           for p in ja.provisions if (q := en.get(p.id)) is not None]
    for ja_page in sorted(docs.glob(f"*.{site.DEFAULT_LANG}.md")):
        name = site.stem(ja_page.name)
        en_page = docs / f"{name}.{site.TRANSLATION}.md"
        if name == site.MEMORANDUM or not en_page.is_file():
            continue
        try:
            out.append(Item("pages", name, ja_page.read_text("utf-8"), en_page.read_text("utf-8"), en_page, 1))
        except (OSError, UnicodeDecodeError):
            continue  # STR001 reports an unreadable page
    return out


def read(path: Path) -> tuple[dict[str, dict[str, dict[str, str]]], tuple[int, int, str] | None]:
    """The lock file as {kind: {key: {<original>, <translation>, checked}}} (hashes by language code), and what kept it from being read
    (line, column, message) when it is not YAML the site accepts; missing or broken parts are empty."""
    try:
        data, _ = metadata.read_yaml(path.read_text("utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return _empty(), ((mark.line + 1, mark.column + 1) if mark else (1, 1)) + (
            f"invalid YAML: {exc.problem or exc.context}",)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError) as exc:
        return _empty(), (1, 1, f"cannot read the lock: {exc}")
    data = data if isinstance(data, dict) else {}
    out: dict[str, dict[str, dict[str, str]]] = {}
    for kind in ("provisions", "pages"):
        entries = data.get(kind) if isinstance(data.get(kind), dict) else {}
        out[kind] = {str(k): {f: str(v.get(f, "")) for f in (*languages.CODES, "checked")}
                     for k, v in entries.items() if isinstance(v, dict)}
    return out, None


def _empty() -> dict[str, dict[str, dict[str, str]]]:
    return {"provisions": {}, "pages": {}}


def load(path: Path) -> dict[str, dict[str, dict[str, str]]]:
    """The lock file as {kind: {key: {<original>, <translation>, checked}}} (hashes by language code); missing or broken parts are empty."""
    return read(path)[0]


def dump(lock: dict[str, Any]) -> str:
    body = yaml.safe_dump({kind: {k: dict(v) for k, v in lock[kind].items()} for kind in ("provisions", "pages")},
                          allow_unicode=True, sort_keys=False, default_flow_style=None, width=200)
    return HEADER + body


def latest(lock: dict[str, Any], kind: str = "provisions") -> str | None:
    """The most recent check date recorded for a kind of item (ISO), if any."""
    dates = [v.get("checked", "") for v in lock.get(kind, {}).values() if metadata.real_date(v.get("checked"))]
    return max(dates) if dates else None


def status(item: Item, entry: dict[str, str] | None) -> str:
    """'ok', 'missing', 'stale' (the Japanese changed) or 'edited' (only the English changed)."""
    if entry is None:
        return "missing"
    if entry.get(languages.ORIGINAL) != document.sha256_nfc(item.ja):
        return "stale"
    if entry.get(languages.TRANSLATION) != document.sha256_nfc(item.en):
        return "edited"
    return "ok"


def stamp(item: Item, today: str) -> dict[str, str]:
    return {languages.ORIGINAL: document.sha256_nfc(item.ja), languages.TRANSLATION: document.sha256_nfc(item.en),
            "checked": today}
