"""How a defined term or an instrument is written, and where it occurs in text.

The one answer to "does this text use that term": the TRM and SEG checks,
the glossary's "Used in" lists and the terms hook all ask ``occurrences``
(through ``used_in`` for a memorandum's provisions), so the glossary lists
exactly the provisions the checks hold to the term.
"""

from __future__ import annotations

import re

from checks.model import document, languages


def bare(form: str, lang: str) -> str:
    """'the Agreement' -> 'Agreement' (English articles dropped); Japanese unchanged."""
    article = languages.profile(lang).leading_article
    return article.sub("", form) if article else form


def occurrences(forms: list[str], lang: str) -> re.Pattern[str]:
    """Where any form of a term occurs: a substring in Japanese, a whole word in English."""
    alts = "|".join(re.escape(bare(f, lang)) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b" if languages.profile(lang).spaced else f"(?:{alts})")


def forms(entry: dict, lang: str) -> list[str]:
    """A term or instrument as written in ``lang``, with its aliases, longest first."""
    out = [entry[lang]] + list((entry.get("aliases") or {}).get(lang, []))
    return sorted(out, key=len, reverse=True)


def used_in(entry: dict, doc: document.Document, lang: str) -> list[str]:
    """Ids of the provisions (headings aside) whose text uses any form of a term or instrument, in order."""
    pattern = occurrences(forms(entry, lang), lang)
    return [p.id for p in doc.provisions if p.kind not in document.HEADING_KINDS and pattern.search(p.text)]
