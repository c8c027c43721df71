"""One profile per language: everything the code knows about a language, in one place.

A profile holds a language's line joiner, its character classes and numerals,
how it writes dates, durations, references and the memorandum's facts, and
the strings its pages, PDFs and exports show. The rest of the code asks a
profile (``profile(lang).joiner``) or a role (``ORIGINAL``, ``TRANSLATION``)
and never names a language itself (tests/test_architecture.py reads the code
for language literals).

The order of ``PROFILES`` is the configuration: the first language is the
signed original, served at the site's root; the second is this site's
reference translation.
"""

from __future__ import annotations

from checks.model.languages import en, ja
from checks.model.languages.profile import Profile

PROFILES: dict[str, Profile] = {p.code: p for p in (ja.PROFILE, en.PROFILE)}
CODES: tuple[str, ...] = tuple(PROFILES)
ORIGINAL, TRANSLATION = CODES  # the signed original; this site's reference translation


def profile(lang: str) -> Profile:
    """A language's profile; an unknown code gets the translation's (a page's suffix may be anything)."""
    return PROFILES.get(lang) or PROFILES[TRANSLATION]


def latin() -> str:
    """The first language written in Latin script (ids made from names use it)."""
    return next(p.code for p in PROFILES.values() if p.spaced)
