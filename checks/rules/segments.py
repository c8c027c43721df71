"""SEG: segment-level QA between each Japanese provision and its English twin (same id).

As translation QA tools (Okapi CheckMate, Xbench) check aligned segments:

SEG001  untranslated: Japanese script in the English text, beyond the names the metadata allows.
SEG002  numbers in one text and not the other (dates and durations are DAT and DUR's).
SEG003  a defined term, instrument or party (the Sides' short names) named in one language and not the other.
SEG004  negation in one text and not the other (〜ない, ものではない … against not, no, nor …);
        the legal "may" (〜することができる) without may / can in English.
SEG005  the same English text for two different Japanese provisions.
SEG006  a length ratio far from the document's own (an area left out, or half a text).
SEG007  an area of Article 1 that does not open with its title (metadata ``areas``), in either language.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from typing import Any, Iterator

from checks import Finding
from checks.model.corpus import Corpus
from checks.model.document import HEADING_KINDS, Document, Provision
from checks.find.durations import WORDS
from checks.model import languages
from checks.find.termforms import forms, occurrences

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+")
O, T = languages.ORIGINAL, languages.TRANSLATION  # the signed original; the reference translation
NUMBER_WORD = re.compile(r"\b(" + "|".join(WORDS) + r")\s+(?=originals\b)", re.IGNORECASE)
RATIO_SPREAD = 1.6  # a text this many times longer or shorter than the median ratio is an outlier
MIN_LENGTH = 20  # shorter texts (headings, names) are not compared as copies
RATIO_MIN_LENGTH = 50  # nor, below this many Japanese characters, by their length ratio


def numbers(text: str, lang: str) -> Counter[int]:
    """The numbers a text states, dates and durations aside (those are compared as dates and periods)."""
    p = languages.profile(lang)
    for pattern in (p.date, p.duration):
        text = pattern.sub(" ", text)
    found = Counter(int(n) for n in p.digits.findall(text))
    if p.number_words:
        found.update(WORDS[w.lower()] for w in NUMBER_WORD.findall(text))
    return found


def allowed_japanese(facts: dict[str, Any]) -> set[str]:
    """Japanese the English text may quote: the metadata's Japanese names."""
    names = {t[O] for t in facts.get("defined_terms", [])} | {i[O] for i in facts.get("instruments", [])}
    names |= {s["name"][O] for s in facts.get("signatories", [])} | {p[O] for p in facts.get("parties", [])}
    return names


def _both(entry: dict[str, Any]) -> str:
    """「量子技術」 / "quantum technology": a name in both languages, each quoted its own way."""
    return " / ".join(languages.profile(lang).quote.format(entry[lang]) for lang in (O, T))


def pairs(facts: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(label, Japanese pattern, English pattern) for each named thing the two texts must name alike."""
    out = []
    for entry in facts.get("defined_terms", []) + facts.get("instruments", []):
        out.append((_both(entry), occurrences(forms(entry, O), O), occurrences(forms(entry, T), T)))
    for party in facts.get("parties", []):  # the Sides, by the short names both texts use
        short = party["short"]
        out.append((_both(short), occurrences([short[O]], O), occurrences([short[T]], T)))
    return out


def check(corpus: Corpus) -> Iterator[Finding]:
    ja, en, facts = corpus.memoranda.get(O), corpus.memoranda.get(T), corpus.facts
    if ja is None or en is None or facts is None or not ja.provisions or not en.provisions:
        return
    rel = corpus.rel(en.path)
    allowed = allowed_japanese(facts)
    named = pairs(facts)
    aligned = [(p, q) for p in ja.provisions if (q := en.get(p.id)) is not None]
    for p, q in aligned:
        yield from _untranslated(rel, q, allowed)
        yield from _numbers(rel, p, q)
        if p.kind not in HEADING_KINDS:
            yield from _named(rel, p, q, named)
            yield from _negation(rel, p, q)
    yield from _duplicates(rel, aligned)
    yield from _ratios(rel, aligned)
    yield from _areas(corpus, ja, en, facts)


def _untranslated(rel: str, q: Provision, allowed: set[str]) -> Iterator[Finding]:
    for m in JAPANESE.finditer(q.text):
        if m.group(0) not in allowed:
            yield Finding(rel, q.line, q.col, "SEG001", f"'#{q.id}' has Japanese text in English: '{m.group(0)[:20]}' "
                                                        "(expected a translation, or a name the metadata lists)")
            return


def _numbers(rel: str, p: Provision, q: Provision) -> Iterator[Finding]:
    want, got = numbers(p.text, O), numbers(q.text, T)
    if want != got:
        yield Finding(rel, q.line, q.col, "SEG002", f"numbers in '#{q.id}' differ between languages: expected "
                                                    f"{sorted(want.elements())} (ja), found {sorted(got.elements())}")


def _named(rel: str, p: Provision, q: Provision, named: list[tuple[str, Any, Any]]) -> Iterator[Finding]:
    for label, in_ja, in_en in named:
        a, b = bool(in_ja.search(p.text)), bool(in_en.search(q.text))
        if a != b:
            side = "Japanese" if a else "English"
            yield Finding(rel, q.line, q.col, "SEG003", f"'#{q.id}' names {label} in the {side} text only: "
                                                        "expected both texts to name it")


def _negation(rel: str, p: Provision, q: Provision) -> Iterator[Finding]:
    po, pt = languages.profile(O), languages.profile(T)
    a, b = bool(po.negation.search(p.text)), bool(pt.negation.search(q.text))
    if a != b:
        yield Finding(rel, q.line, q.col, "SEG004", f"'#{q.id}' is negative in the {'Japanese' if a else 'English'} "
                                                    "text only: expected the same polarity (ない / ものではない ↔ not, no, nor)")
    if po.may.search(p.text) and not pt.may.search(q.text):
        yield Finding(rel, q.line, q.col, "SEG004", f"'#{q.id}': the Japanese says 〜ことができる: expected "
                                                    "'may' (or can) in the English")


def _duplicates(rel: str, aligned: list[tuple[Provision, Provision]]) -> Iterator[Finding]:
    seen: dict[str, Provision] = {}
    for p, q in aligned:
        body = re.sub(r"^\d+\.\d+\s+", "", q.text).strip().lower()
        if len(body) >= MIN_LENGTH and body in seen and seen[body].text != p.text:
            yield Finding(rel, q.line, q.col, "SEG005", f"'#{q.id}' has the same English text as "
                                                        f"'#{seen[body].id}', but their Japanese texts differ")
        seen.setdefault(body, p)


def _ratios(rel: str, aligned: list[tuple[Provision, Provision]]) -> Iterator[Finding]:
    measured = [(len(q.text) / len(p.text), q) for p, q in aligned if len(p.text) >= RATIO_MIN_LENGTH]
    if len(measured) < 5:
        return
    median = statistics.median(r for r, _ in measured)
    for ratio, q in measured:
        if ratio < median / RATIO_SPREAD or ratio > median * RATIO_SPREAD:
            yield Finding(rel, q.line, q.col, "SEG006", f"'#{q.id}' is {ratio:.1f}× as long as its Japanese text; "
                                                        f"the document's median is {median:.1f}×: expected a full translation")


def _areas(corpus: Corpus, ja: Document, en: Document, facts: dict[str, Any]) -> Iterator[Finding]:
    for area in facts.get("areas") or []:
        for lang, doc in ((O, ja), (T, en)):
            prov = doc.get(area["id"])
            if prov is None:
                continue
            title = prov.text.split(languages.profile(lang).title_end, 1)[0].strip()
            if title != area[lang]:
                yield Finding(corpus.rel(doc.path), prov.line, prov.col, "SEG007",
                              f"'#{prov.id}' opens with '{title[:40]}': expected its title '{area[lang]}' (metadata areas)")
