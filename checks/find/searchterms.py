"""Search terms a reader types that the text does not hold: folded into the index, never shown.

``keywords(text, lang, synonyms)`` returns the extra words of one index
entry, from its own text:

* the equivalents of every synonym group (``search_synonyms`` in the
  metadata) that the text uses, in both languages;
* US spellings of British words (``standardisation`` -> ``standardization``);
* dates as Japanese readers type them without spaces (``1994 年 6 月`` ->
  ``1994年``, ``1994年6月``);
* every ending (two characters or more) of each run of kanji and of
  katakana, so that a part of a compound (``合同委員会`` in
  ``日英科学技術協力合同委員会``, ``キャピタル`` in ``ベンチャーキャピタルファンド``)
  begins a word of the index, where the search box's trailing wildcard
  finds it. Endings of one character are left out: the search box splits a
  kanji query at the index's own words, and one-kanji words would cut every
  query down to its first character.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable, Iterable

from checks.model import languages

COMPOUND = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]{2,}|[\u30a0-\u30ff\uff66-\uff9f]{3,}")
JA_DATE = re.compile(r"(?P<y>\d{4})\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?)?")
WORD = re.compile(r"[A-Za-z]+")
# British endings and their US forms; words that only look British are left alone.
US_SPELLING = ((re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
               (re.compile(r"(?<=[a-z]{3})ys(e|es|ed|ing)$"), r"yz\1"),
               (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|able)?$"), r"or\1"),
               (re.compile(r"(?<=[a-z]{2})tre(s)?$"), r"ter\1"),
               (re.compile(r"^programme(s)?$"), r"program\1"))
NOT_BRITISH = frozenset({"promise", "premise", "otherwise", "exercise", "enterprise", "advise", "advised", "compromise",
                         "expertise", "raise", "rise", "arise", "wise", "precise", "concise", "franchise", "surprise",
                         "revise", "revised", "supervise", "televise", "improvise", "devise", "comprise", "despise",
                         "disguise", "incise", "excise", "chastise",
                         "detour", "contour", "devour", "paramour", "troubadour"})
# British words whose US form no ending above makes.
ALWAYS_US = {"licence": "license", "defence": "defense", "offence": "offense"}
# Every ending one of US_SPELLING changes: a word without one is passed over at once.
BRITISH_ENDING = re.compile(r"(?:is(?:e|es|ed|ing|ation|ations)|ys(?:e|es|ed|ing)|our(?:s|ed|ing|able)?|tres?"
                            r"|programmes?)$")


@functools.lru_cache(maxsize=4096)
def us_form(word: str) -> str | None:
    """The US form of one lower-case British-spelled word; None when the word is not one."""
    if word in ALWAYS_US:
        return ALWAYS_US[word]
    if word in NOT_BRITISH or not BRITISH_ENDING.search(word):
        return None
    for pattern, repl in US_SPELLING:
        us = pattern.sub(repl, word)
        if us != word:
            return us
    return None


def us_spellings(text: str) -> list[str]:
    """US forms of the British-spelled words in an English text, in order, once each."""
    forms = (us_form(w) for w in dict.fromkeys(WORD.findall(text.lower())))  # each word once, in order
    return list(dict.fromkeys(us for us in forms if us is not None))


def compound_parts(text: str) -> list[str]:
    """Every ending of two characters or more of each kanji run (two or more) and katakana run (three or more)."""
    out: dict[str, None] = {}
    for run in COMPOUND.findall(text):
        for i in range(len(run) - 1):
            out[run[i:]] = None
    return list(out)


def ja_dates(text: str) -> list[str]:
    """Dates written with spaces (``2025 年 4 月 28 日``) as typed without: year, year-month, full date."""
    out: dict[str, None] = {}
    for m in JA_DATE.finditer(text):
        out[f"{m['y']}年"] = None
        if m["m"]:
            out[f"{m['y']}年{m['m']}月"] = None
        if m["d"]:
            out[f"{m['y']}年{m['m']}月{m['d']}日"] = None
    return list(out)


def uses(text: str, lang: str, term: str) -> bool:
    """Whether a text uses a term: anywhere in Japanese, as the start of a word in English."""
    return _user(text, lang)(term)


def _user(text: str, lang: str) -> Callable[[str], bool]:
    """``uses`` for one text and many terms: English text is lowered once."""
    if not languages.profile(lang).spaced:
        return lambda term: term in text
    lowered = text.lower()
    # A term not in the text at all is not at a word's start in it: the plain search answers most terms.
    return lambda term: term.lower() in lowered and _word_start(term).search(lowered) is not None


@functools.lru_cache(maxsize=1024)
def _word_start(term: str) -> re.Pattern[str]:
    """A term (lowered) where a word starts."""
    return re.compile(r"(?<![A-Za-z])" + re.escape(term.lower()))


def synonyms_of(text: str, lang: str, groups: Iterable[dict[str, Any]]) -> list[str]:
    """Every word of each synonym group the text uses (both languages), once each."""
    out: dict[str, None] = {}
    used = _user(text, lang)
    for group in groups:
        if any(used(term) for term in group.get(lang) or []):
            for term in [t for code in languages.CODES for t in group.get(code) or []]:
                out[str(term)] = None
    return list(out)


def keywords(text: str, lang: str, groups: Iterable[dict[str, Any]] = (), compounds: bool = True) -> str:
    """The extra index words of one entry, space-separated (empty when there are none)."""
    words = synonyms_of(text, lang, groups)
    if languages.profile(lang).spaced:
        words += us_spellings(text)
    else:
        words += ja_dates(text)
        if compounds:
            words += compound_parts(text)
    return " ".join(dict.fromkeys(w for w in words if w))
