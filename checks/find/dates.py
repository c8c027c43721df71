"""Dates as each language writes them: where a text states one, and which the metadata knows.

``dates_in`` reads every form the site and its readers write (``2025 年 4 月 28 日``, ``令和 7 年``,
``R7.4.28``, ``28 April 2025``, ``April 28th``, ``2025-04-28``, ``28/04/2025``) as an ISO date, at the
precision written; ``known_dates`` is every date the metadata holds. The DAT rule, the facts rule and the
twin-page rule all read dates here.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from checks.model.metadata import MONTHS_EN, iso

_MONTH = "|".join(MONTHS_EN)
# Eras a Japanese date may be written in: first year of each, in the Gregorian calendar.
ERAS = {"令和": 2019, "平成": 1989, "R": 2019, "H": 1989}
_D = r"[0-9０-９]"
DATE = {
    # Each pattern opens with a lookahead for a character a date can start
    # with: the engine then skips every other position at once.
    "ja": re.compile(
        r"(?=[0-9０-９令平RH])(?:"
        # 2025 年 4 月 28 日, 2025年4月28日, 1994 年 6 月, ２０２５年４月２８日
        rf"(?P<y>{_D}{{4}})\s*年\s*(?P<m>{_D}{{1,2}})\s*月(?:\s*(?P<d>{_D}{{1,2}})\s*日)?"
        # 令和 7 年 4 月 28 日, 令和元年, R7.4.28
        rf"|(?P<era>令和|平成)\s*(?P<ey>{_D}{{1,2}}|元)\s*年\s*(?P<em>{_D}{{1,2}})\s*月(?:\s*(?P<ed>{_D}{{1,2}})\s*日)?"
        rf"|(?<![A-Za-z0-9])(?P<era2>[RH])(?P<ry>\d{{1,2}})\.(?P<rm>\d{{1,2}})\.(?P<rd>\d{{1,2}})(?!\d)"
        # 2025/4/28, 2025-04-28
        r"|(?<![\d/.-])(?P<iy>\d{4})[/-](?P<im>\d{1,2})[/-](?P<id>\d{1,2})(?![\d/.-])"
        r")"
    ),
    "en": re.compile(
        r"(?=[0-9A-Z])(?:"
        rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?)?(?P<mon>{_MONTH})\s*,?\s*(?P<y>\d{{4}})"  # 28 April 2025, June 1994
        rf"|(?P<mon2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y2>\d{{4}})"  # April 28, 2025
        rf"|(?P<mon3>{_MONTH})\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)\b(?!,?\s*\d)"  # April 27th (no year)
        r"|(?<![\d/.-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d/.-])"  # 2025-04-28
        r"|(?<![\d/.-])(?P<ud>\d{1,2})/(?P<um>\d{1,2})/(?P<uy>\d{4})(?![\d/.-])"  # 28/04/2025 (British order)
        r")"
    ),
}


def dates_in(text: str, lang: str) -> Iterator[tuple[int, str]]:
    """(offset, ISO date) for each date written in ``text``; a date without a
    year (April 27th) is '--MM-DD', which no metadata date equals."""
    for m in DATE[lang].finditer(text):
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        if "era" in g or "era2" in g:
            era = g.get("era") or g["era2"]
            year = 1 if g.get("ey") == "元" else int(g.get("ey") or g["ry"])
            y, mo, d = str(ERAS[era] + year - 1), int(g.get("em") or g["rm"]), g.get("ed") or g.get("rd")
        elif "iy" in g:
            y, mo, d = g["iy"], int(g["im"]), g["id"]
        elif "uy" in g:
            y, mo, d = g["uy"], int(g["um"]), g["ud"]
        elif lang == "ja":
            y, mo, d = str(int(g["y"])), int(g["m"]), g.get("d")
        elif "mon3" in g:
            yield m.start(), f"--{MONTHS_EN.index(g['mon3']) + 1:02d}-{int(g['d3']):02d}"
            continue
        else:
            y = g.get("y") or g["y2"]
            mo = MONTHS_EN.index(g.get("mon") or g["mon2"]) + 1
            d = g.get("d") or g.get("d2")
        yield m.start(), f"{y}-{mo:02d}" + (f"-{int(d):02d}" if d else "")


def known_dates(facts: dict[str, Any]) -> set[str]:
    """Every date the metadata states, at each precision the text may use."""
    out = {iso(facts["signed"]["date"])}
    for item in facts.get("instruments", []) + facts.get("events", []):
        for key in ("date", "text_date"):
            if item.get(key):
                out.add(iso(item[key]))
    for e in facts.get("events", []) + facts.get("signatories", []):
        if e.get("source"):
            for lang in ("ja", "en"):
                out.update(d for _, d in dates_in(str(e["source"].get(lang, "")), lang))
    return {d for d in out if d}
