"""FCT: the facts the metadata holds, wherever a page states them.

FCT001: the signing clause does not name the signing place of the metadata.
FCT002: a page says the memorandum is legally binding (the metadata, after
        Article 2.1, says it is not), or the binding provision does not say so.
FCT003: a notice period on an editorial page that is not the metadata's.
FCT004: a number of originals that is not the metadata's (the signing clause
        must state it).
FCT005: an editorial page writes out a fact the metadata holds: it must use
        the placeholder, so the fact is written once (the message names it).
FCT006: a name the metadata holds written almost right anywhere a reader sees
        text (a signatory's name or title, a Side's name): a slip, with the
        metadata's spelling named.
FCT007: a page's title or description, or an editorial note of a memorandum
        page, says the memorandum was signed somewhere other than the
        metadata's place.
FCT008: a page's title or description names a department that is not a Side.
FCT009: a metadata string restates a value of the metadata differently: the
        notice period in words against its months, an instrument's date as the
        text gives it against its date.

Dates are DAT's (every format: Reiwa era, ISO, British order, ordinals).
Code and comments are not read; front matter is (it is the page's description).
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from checks import Finding
from checks.model import metadata, site
from checks.model.corpus import Corpus
from checks.find.dates import dates_in, known_dates
from checks.rules.dates import unknown_dates
from checks.find.durations import WORDS, durations_in
from checks.model import languages
from checks.model.metadata import iso
from checks.model.page import Lines, Page

MULTIPLES = {"duplicate": 2, "triplicate": 3}
KANJI_NUMBER = {c: i for i, c in enumerate("〇一二三四五六七八九十")}
HIDDEN = ("code", "comment")


def _count(text: str) -> int:
    text = text.lower()
    if text.isdigit():
        return int(text)
    return WORDS.get(text) or MULTIPLES.get(text) or KANJI_NUMBER.get(text, 0)


def originals_in(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """(offset, number) for each number of originals written in ``text``."""
    for m in languages.profile(lang).originals.finditer(text):
        yield m.start(), _count(m.group("n") or m.group("dup"))


def binding_claims(text: str, lang: str) -> Iterator[tuple[int, bool]]:
    """(offset, says binding) for each statement of legal force."""
    p = languages.profile(lang)
    for m in p.binding.finditer(text):
        if p.binding_negative:  # the verb says it: 持たない
            yield m.start(), m.group("verb") not in p.binding_negative
        else:  # a negation shortly before: not legally binding
            yield m.start(), not (p.negation_before and p.negation_before.search(text, max(0, m.start() - 40), m.start()))


def _visible(page: Page, offset: int) -> bool:
    return not page.in_any(offset, None, HIDDEN)


def check(corpus: Corpus) -> Iterator[Finding]:
    facts = corpus.facts
    if facts is None:
        return
    binding = bool(facts["legally_binding"])
    originals = int(facts["signed"]["originals"])
    months = int(facts["notice_period"]["months"])
    signed = iso(facts["signed"]["date"])
    for lang, doc in corpus.memoranda.items():
        rel = corpus.rel(doc.path)
        if (clause := doc.get("signatures")) is not None:
            place = facts["signed"]["place"][lang]
            if place not in clause.text:
                yield Finding(rel, clause.line, clause.col, "FCT001",
                              f"signing clause does not name the signing place: expected '{place}' (metadata signed.place)")
            stated = [n for _, n in originals_in(clause.text, lang)]
            if stated != [originals]:
                yield Finding(rel, clause.line, clause.col, "FCT004", f"signing clause: expected {originals} originals "
                                                                      f"(metadata signed.originals), found {stated or 'none'}")
        if (prov := doc.get(facts["binding_provision"])) is not None:
            claims = [says for _, says in binding_claims(prov.text, lang)]
            if claims != [binding]:
                want = "legally binding" if binding else "not legally binding"
                yield Finding(rel, prov.line, prov.col, "FCT002", f"'#{prov.id}' should say the memorandum is {want} "
                                                                  f"(metadata legally_binding: {str(binding).lower()})")
    yield from _names_and_sides(corpus)
    yield from _restated(corpus)
    for path, page in corpus.pages.items():
        rel, lang, text = corpus.rel(path), page.lang, page.text
        memorandum = page.is_memorandum
        for offset, says in binding_claims(text, lang):
            if says != binding and _visible(page, offset):
                line, col = page.line_col(offset)
                yield Finding(rel, line, col, "FCT002", "states that the memorandum is "
                              f"{'' if says else 'not '}legally binding: the metadata (Article 2.1) says it is "
                              f"{'' if binding else 'not '}legally binding")
        for offset, n in originals_in(text, lang):
            if not _visible(page, offset):
                continue
            line, col = page.line_col(offset)
            if n != originals:
                yield Finding(rel, line, col, "FCT004", f"{n} originals: expected {originals} (metadata signed.originals)")
            elif not memorandum:
                yield Finding(rel, line, col, "FCT005", "the number of originals written out: expected the "
                                                        "placeholder {{ originals }}" + (" (in words: {{ originals_words }})"
                                                                                          if languages.profile(lang).number_words else ""))
        if memorandum:
            continue
        for offset, value in dates_in(text, lang):
            if value == signed and _visible(page, offset):
                line, col = page.line_col(offset)
                yield Finding(rel, line, col, "FCT005", "the signing date written out: expected the placeholder "
                                                        "{{ signed_date }}")
        for m in durations_in(text, lang):
            if not _visible(page, m[0]):
                continue
            line, col = page.line_col(m[0])
            if m[1] != months:
                yield Finding(rel, line, col, "FCT003", f"notice period of {m[1]} months: expected {months} "
                                                        "(metadata notice_period), written as {{ notice_period }}")
            else:
                yield Finding(rel, line, col, "FCT005", "the notice period written out: expected the placeholder "
                                                        "{{ notice_period }}")
        place = facts["signed"]["place"][lang]
        for word in {place, place.split(",")[0]}:
            start = 0
            while (at := text.find(word, start)) >= 0:
                start = at + len(word)
                if _visible(page, at):
                    line, col = page.line_col(at)
                    yield Finding(rel, line, col, "FCT005", f"the signing place written out ('{word}'): expected "
                                                            "the placeholder {{ signed_place }}")


# --- names, places and Sides wherever a reader sees them --------------------

LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def guarded_names(facts: dict) -> list[tuple[str, str]]:
    """(name as the metadata writes it, where) for every name a reader could misspell: the
    signatories' names (each part of a name with a parenthesis too), their titles, the Sides'
    names. In Japanese only the signatories' names: the other Japanese names share too many
    characters with ordinary words to be told from a slip."""
    out = []
    for i, person in enumerate(facts.get("signatories") or [], 1):
        for key in ("name", "title"):
            for lang, value in (person.get(key) or {}).items():
                if key != "name" and not languages.profile(lang).guard_titles:
                    continue
                for part in re.split(r"[ \t]*[(（]|[)）]", str(value)):
                    out.append((part.strip(), f"signatories.{i}.{key}.{lang}"))
    for party in facts.get("parties") or []:
        guarded = [lang for lang in languages.CODES if languages.profile(lang).guard_titles]
        for value in (v for lang in guarded for v in (party.get(lang), (party.get("short") or {}).get(lang))):
            if value:
                out.append((re.sub(r"^the[ \t]+", "", str(value)), f"parties.{party.get('id')}"))
    return [(name, where) for name, where in out if len(name) >= 4]


def _distance(a: str, b: str, bound: int) -> int:
    """Levenshtein distance of ``a`` and ``b`` when at most ``bound``, else ``bound + 1`` (a band of the table)."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    big = bound + 1
    previous = {j: j for j in range(0, min(len(b), bound) + 1)}
    for i in range(1, len(a) + 1):
        current = {}
        for j in range(max(0, i - bound), min(len(b), i + bound) + 1):
            if j == 0:
                current[j] = i
                continue
            current[j] = min(previous.get(j, big) + 1, current.get(j - 1, big) + 1,
                             previous.get(j - 1, big) + (a[i - 1] != b[j - 1]))
        if min(current.values()) > bound:
            return big
        previous = current
    return min(previous.get(len(b), big), big)


def near_misses(text: str, names: list[tuple[str, str]]) -> Iterator[tuple[int, str, str, str]]:
    """(offset, written, name, where) for each place ``text`` writes a guarded name almost right.

    A name of Latin words is compared word by word where the text has one of its words of four
    letters or more: the same number of words with exactly one different, and that one one or
    two edits from the name's (case aside), is a near miss. A name in Japanese is compared as a
    window of characters (one more or less) that starts with its first two characters or ends
    with its last two: one or two edits apart is a near miss, and of the three windows the
    closest is the one reported. A stretch of text is reported once, whichever name or anchor
    reaches it first. Each anchor found costs a few word or character comparisons: linear in
    the text."""
    words = [(m.start(), m.end(), m.group().lower()) for m in LATIN_WORD.finditer(text)]
    at: dict[str, list[int]] = {}
    for index, (_, _, word) in enumerate(words):
        at.setdefault(word, []).append(index)
    seen: set[int] = set()
    for name, where in names:
        if LATIN_WORD.fullmatch(name.replace(" ", "").replace(",", "")) or name.isascii():
            yield from _latin_misses(text, name, where, words, at, seen)
        else:
            yield from _char_misses(text, name, where, seen)


def _latin_misses(text, name, where, words, at, seen):
    parts = [w.lower() for w in LATIN_WORD.findall(name)]
    for j, anchor in enumerate(parts):
        if len(anchor) < 4:
            continue
        for index in at.get(anchor, []):
            first = index - j
            window = words[first:first + len(parts)] if first >= 0 else []
            if len(window) != len(parts) or not seen.isdisjoint(range(window[0][0], window[-1][1])):
                continue
            different = [(w, p) for (_, _, w), p in zip(window, parts) if w != p]
            if len(different) == 1 and 0 < _distance(*different[0], 1 if len(different[0][1]) < 6 else 2) <= 2 \
                    and "\n" not in text[window[0][0]:window[-1][1]]:
                seen.update(range(window[0][0], window[-1][1]))
                yield window[0][0], text[window[0][0]:window[-1][1]], name, where


def _char_misses(text, name, where, seen):
    bound = 1 if len(name) < 8 else 2
    exact = [m.start() for m in re.finditer(re.escape(name), text)]
    for anchor, at_start in ((name[:2], True), (name[-2:], False)):
        for m in re.finditer(re.escape(anchor), text):
            best: tuple[int, int, int] | None = None  # (distance, start, end) of the closest window
            for length in (len(name), len(name) - 1, len(name) + 1):
                start = m.start() if at_start else m.end() - length
                end = start + length
                if start < 0 or end > len(text) or "\n" in text[start:end] or not seen.isdisjoint(range(start, end)):
                    continue
                if any(s < end and start < s + len(name) for s in exact[bisect.bisect_left(exact, start - len(name)):][:2]):
                    continue  # the name written right
                distance = _distance(text[start:end], name, bound)
                if 0 < distance <= bound and (best is None or distance < best[0]):
                    best = (distance, start, end)
            if best is not None:
                _, start, end = best
                seen.update(range(start, end))
                yield start, text[start:end], name, where


def sides_of(facts: dict, lang: str) -> list[str]:
    """How the texts name each Side in a language (the metadata's ``short`` names)."""
    return [str((party.get("short") or {}).get(lang)) for party in facts.get("parties") or []]


def other_places(text: str, lang: str, place: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, place) for each "signed in <place>" that names a place other than the signing place (FCT007)."""
    for m in languages.profile(lang).signed_at.finditer(text, start, len(text) if end is None else end):
        where = m.group("place")
        if not any(where in languages.profile(lang).months for lang in languages.CODES) and where not in place and not place.endswith(where):
            yield m.start("place"), where


def other_departments(text: str, lang: str, sides: list[str], start: int = 0,
                      end: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, name) for each department a text names that is not a Side (FCT008)."""
    for m in languages.profile(lang).department.finditer(text, start, len(text) if end is None else end):
        if not any(m.group().endswith(side) for side in sides):
            yield m.start(), m.group()


def not_a_side(named: str, sides: list[str]) -> str:
    return f"'{named}' is not a Side: expected " + " or ".join(f"'{s}'" for s in sides) + " (metadata parties)"


def _summaries(page: Page) -> Iterator[tuple[int, int]]:
    """(start, end) of what summarises the memorandum on a page: its front matter, and on a
    memorandum page its editorial notes."""
    if page.body_start:
        yield 0, page.body_start
    if page.is_memorandum:
        yield from ((r.start, r.end) for r in page.regions if r.kind == "editorial")


def _names_and_sides(corpus: Corpus) -> Iterator[Finding]:
    facts = corpus.facts
    names = guarded_names(facts)
    place = facts["signed"]["place"]
    sides = {lang: sides_of(facts, lang) for lang in languages.CODES}
    meta = metadata.path_in(corpus.docs)
    texts = [(corpus.rel(path), page, page.text) for path, page in corpus.pages.items()]
    try:
        texts.append((corpus.rel(meta), None, meta.read_text("utf-8")))
    except (OSError, UnicodeDecodeError):
        pass  # STR003 names an unreadable metadata file
    for rel, page, text in texts:
        lines = None
        around = list(_summaries(page)) if page is not None and page.is_memorandum else None
        for offset, written, name, where in near_misses(text, names):
            if page is not None and not _visible(page, offset):
                continue
            if around is not None and not any(s <= offset < e for s, e in around):
                continue  # the memorandum's own text is FID's and SIG's
            lines = lines or (page or Lines(text))
            line, col = lines.line_col(offset)
            yield Finding(rel, line, col, "FCT006",
                          f"'{written}' is almost a name the metadata holds: expected '{name}' (metadata {where})")
        if page is None:
            continue
        lang = page.lang
        for start, end in _summaries(page):
            for at, where in other_places(text, lang, place[lang], start, end):
                if _visible(page, at):
                    line, col = page.line_col(at)
                    yield Finding(rel, line, col, "FCT007", f"signed in '{where}': expected '{place[lang]}' "
                                                            "(metadata signed.place), written as {{ signed_place }}")
            if start != 0:
                continue  # departments are compared in the front matter's summary only
            for at, named in other_departments(text, lang, sides[lang], start, end):
                line, col = page.line_col(at)
                yield Finding(rel, line, col, "FCT008", not_a_side(named, sides[lang]))


def restated_problems(facts: dict) -> list[tuple[list, str]]:
    """(path in the metadata, message) for each string that restates a value differently."""
    out = []
    notice = facts.get("notice_period") or {}
    months = int(notice.get("months", 0))
    for lang in site.LANGS:
        text = notice.get(lang)
        if isinstance(text, str):
            stated = [n for _, n in durations_in(text, lang)]
            if stated != [months]:
                out.append((["notice_period", lang], f"notice_period.{lang} {text!r} states {stated or 'no period'}: "
                                                     f"expected {months} months (notice_period.months)"))
    for i, item in enumerate(facts.get("instruments") or []):
        date, text_date = iso(item.get("date")), iso(item.get("text_date"))
        if date and text_date and not date.startswith(text_date):
            out.append((["instruments", i, "text_date"], f"instruments.{i + 1}.text_date {text_date} is not "
                                                         f"{item.get('id')}'s date {date} at the text's precision"))
    return out


def _restated(corpus: Corpus) -> Iterator[Finding]:
    problems = restated_problems(corpus.facts)
    if not problems:
        return
    path = metadata.path_in(corpus.docs)
    try:
        _, node = metadata.read_yaml(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError, metadata.yaml.YAMLError):
        node = None  # STR003 names an unreadable metadata file
    for where, message in problems:
        line, col = metadata.position(node, where)
        yield Finding(corpus.rel(path), line, col, "FCT009", message)


# --- the facts in a text no page holds (a PDF's metadata) -------------------

def text_problems(text: str, lang: str, facts: dict) -> list[tuple[int, str, str]]:
    """(offset, code, message) for each fact a plain text states differently from the metadata,
    by the rules the pages are held to: a date not in the metadata (DAT001), a notice period
    (FCT003), a number of originals (FCT004), a legal character (FCT002), a name written almost
    right (FCT006), a signing place (FCT007) and a department that is not a Side (FCT008)."""
    out: list[tuple[int, str, str]] = list(unknown_dates(text, lang, known_dates(facts)))
    months = int(facts["notice_period"]["months"])
    out += [(at, "FCT003", f"notice period of {n} months: expected {months} (metadata notice_period)")
            for at, n in durations_in(text, lang) if n != months]
    originals = int(facts["signed"]["originals"])
    out += [(at, "FCT004", f"{n} originals: expected {originals} (metadata signed.originals)")
            for at, n in originals_in(text, lang) if n != originals]
    binding = bool(facts["legally_binding"])
    out += [(at, "FCT002", f"states that the memorandum is {'' if says else 'not '}legally binding: the metadata "
                           f"(Article 2.1) says it is {'' if binding else 'not '}legally binding")
            for at, says in binding_claims(text, lang) if says != binding]
    out += [(at, "FCT006", f"'{written}' is almost a name the metadata holds: expected '{name}' (metadata {where})")
            for at, written, name, where in near_misses(text, guarded_names(facts))]
    place = str(facts["signed"]["place"][lang])
    out += [(at, "FCT007", f"signed in '{where}': expected '{place}' (metadata signed.place)")
            for at, where in other_places(text, lang, place)]
    sides = sides_of(facts, lang)
    out += [(at, "FCT008", not_a_side(named, sides)) for at, named in other_departments(text, lang, sides)]
    return sorted(out)
