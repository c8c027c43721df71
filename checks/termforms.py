"""How a defined term or an instrument is written, and where it occurs in text.

Shared by the TRM check, the glossary and the terms hook.
"""

from __future__ import annotations

import re


def bare(form: str, lang: str) -> str:
    """'the Agreement' -> 'Agreement' (English articles dropped); Japanese unchanged."""
    return re.sub(r"^(?:the|a|an|this)\s+", "", form, flags=re.IGNORECASE) if lang == "en" else form


def occurrences(forms: list[str], lang: str) -> re.Pattern[str]:
    """Where any form of a term occurs: a substring in Japanese, a whole word in English."""
    alts = "|".join(re.escape(bare(f, lang)) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b" if lang == "en" else f"(?:{alts})")


def forms(entry: dict, lang: str) -> list[str]:
    """A term or instrument as written in ``lang``, with its aliases, longest first."""
    out = [entry[lang]] + list((entry.get("aliases") or {}).get(lang, []))
    return sorted(out, key=len, reverse=True)
