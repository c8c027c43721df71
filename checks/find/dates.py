"""Dates as each language writes them: where a text states one, and which the metadata knows.

``dates_in`` reads every form the site and its readers write (``2025 年 4 月 28 日``, ``令和 7 年``,
``R7.4.28``, ``28 April 2025``, ``April 28th``, ``2025-04-28``, ``28/04/2025``) as an ISO date, at the
precision written; ``known_dates`` is every date the metadata holds. The DAT rule, the facts rule and the
twin-page rule all read dates here.
"""

from __future__ import annotations

from typing import Any, Iterator

from checks.model import languages
from checks.model.metadata import iso



def dates_in(text: str, lang: str) -> Iterator[tuple[int, str]]:
    """(offset, ISO date) for each date written in ``text``; a date without a
    year (April 27th) is '--MM-DD', which no metadata date equals."""
    p = languages.profile(lang)
    for m in p.date.finditer(text):
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        if "era" in g or "era2" in g:
            era = g.get("era") or g["era2"]
            year = 1 if g.get("ey") == "元" else int(g.get("ey") or g["ry"])
            y, mo, d = str(p.eras[era] + year - 1), int(g.get("em") or g["rm"]), g.get("ed") or g.get("rd")
        elif "iy" in g:
            y, mo, d = g["iy"], int(g["im"]), g["id"]
        elif "uy" in g:
            y, mo, d = g["uy"], int(g["um"]), g["ud"]
        elif "m" in g:  # a month written as a number: 2025 年 4 月
            y, mo, d = str(int(g["y"])), int(g["m"]), g.get("d")
        elif "mon3" in g:
            yield m.start(), f"--{p.months.index(g['mon3']) + 1:02d}-{int(g['d3']):02d}"
            continue
        else:
            y = g.get("y") or g["y2"]
            mo = p.months.index(g.get("mon") or g["mon2"]) + 1
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
            for lang in languages.CODES:
                out.update(d for _, d in dates_in(str(e["source"].get(lang, "")), lang))
    return {d for d in out if d}
