"""Durations as each language writes them (``3 か月``, ``three months``, ``3 months``), in months.

The DUR rule, the facts rule, the twin-page rule and the segments rule read durations here.
"""

from __future__ import annotations

import re
from typing import Iterator

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
DURATION = {
    # 3 か月, 3ヶ月, ３カ月
    "ja": re.compile(r"(?P<n>\d+)\s*(?:か|ヶ|ケ|カ|ヵ|箇)月"),
    # three months, 3 months, three months'
    "en": re.compile(r"\b(?P<n>\d+|" + "|".join(WORDS) + r")[\s-]+months?\b", re.IGNORECASE),
}


def months_in(text: str, lang: str) -> list[int]:
    return [months for _, months in durations_in(text, lang)]


def durations_in(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """(offset, months) for each period written in ``text``."""
    for m in DURATION[lang].finditer(text):
        n = m.group("n").lower()
        yield m.start(), int(n) if n.isdigit() else WORDS[n]
