"""Durations as each language writes them (``3 か月``, ``three months``, ``3 months``), in months.

The DUR rule, the facts rule, the twin-page rule and the segments rule read durations here.
"""

from __future__ import annotations

import re
from typing import Iterator

from checks.model import languages

# Each language's forms are its profile's ``duration`` pattern (3 か月, three months, 3 months); the number
# words of every language:
WORDS = {w: n for p in languages.PROFILES.values() for w, n in p.number_words.items()}  # 'three' -> 3


def months_in(text: str, lang: str) -> list[int]:
    return [months for _, months in durations_in(text, lang)]


def durations_in(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """(offset, months) for each period written in ``text``."""
    p = languages.profile(lang)
    for m in p.duration.finditer(text):
        n = m.group("n").lower()
        yield m.start(), int(n) if n.isdigit() else p.number_words[n]
