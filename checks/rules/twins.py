"""TWN: an editorial page and its twin in the other language state the same facts.

TWN001: a fact one page states and its twin does not state, or states
        differently: a date (in any format either language writes), a fact
        placeholder, a reference or link to a provision, a name or place the
        metadata holds (in either language's form), or one of the notices a
        reader relies on (no official English text found, the Japanese
        governs, the English is a reference translation, the source is the
        text of the PDF of the signed memorandum). The finding is placed on the
        fact and names the twin, and the twin's own differing fact of the same
        kind with its line, if it has one.

The memorandum pages are not editorial: PAR, SEG and TRM compare them. Front
matter is a page's summary and may say less (FCT and DAT check what it says);
comments are not read. Everything else a reader sees is: prose, notes, tables
and code spans.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, NamedTuple

from checks import Finding
from checks.find import refs
from checks.model import languages, site
from checks.render import placeholders
from checks.model.corpus import Corpus
from checks.find.dates import dates_in, known_dates
from checks.find.durations import durations_in
from checks.rules.facts import originals_in
from checks.model.page import Page

# Placeholders that render the number of originals (a figure, or in words).
COUNTS = frozenset({"originals", "originals_words"})
# The notices, as each language words them (a notice is stated when its pattern is found;
# the patterns are in the language profiles).
NOTICES = {notice: {lang: languages.profile(lang).notices[notice] for lang in languages.CODES}
           for notice in languages.profile(languages.ORIGINAL).notices}
KINDS = {"date": "the date", "fact": "the fact placeholder", "provision": "a reference to", "name": "the name of",
         "notice": "the notice", "period": "the notice period", "originals": "the number of originals"}

HIDDEN = ("comment", "front-matter")
ABBREVIATION = re.compile(r"[(（]([A-Z]{2,})[)）]")


def names_of(facts: dict[str, Any]) -> dict[str, str]:
    """Each name or place the metadata holds, in every language's form -> the fact it names."""
    out: dict[str, str] = {}
    for i, person in enumerate(facts.get("signatories") or [], 1):
        for value in (person.get("name") or {}).values():
            out[str(value)] = f"signatory {i}"
    for party in facts.get("parties") or []:
        forms = list((party.get("short") or {}).values())  # how prose names a Side
        forms += ABBREVIATION.findall(" ".join(str(party.get(lang, "")) for lang in site.LANGS))  # (DSIT)
        for value in forms:
            out[str(value)] = f"the Side {party.get('id')}"
    for lang, value in ((facts.get("signed") or {}).get("place") or {}).items():
        out[str(value).split(",")[0]] = "the signing place"
    return {name: fact for name, fact in out.items() if name.strip()}


class Stated(NamedTuple):
    """What a page states: each fact with the offset where it first does, and the kinds of fact
    it states wrongly (another rule names those: DAT001, FCT003, FCT004, REF001, STR005)."""

    facts: dict[tuple[str, str], int]
    wrong: set[str]


def stated(page: Page, names: dict[str, str], facts: dict[str, Any],
           provisions: frozenset[str] = frozenset()) -> Stated:
    """Every fact a page states. A placeholder states what its rendering gives the reader
    (dates, names, places, periods), or its own name when that is nothing recognisable:
    ``{{ signed_date }}`` and a written-out 28 April 2025 state the same fact."""
    text, out, wrong = page.text, {}, set()
    valid = {"date": known_dates(facts), "provision": provisions, "fact": placeholders.NAMES,
             "period": {f"{int(facts['notice_period']['months'])} months"},
             "originals": {str(int(facts["signed"]["originals"]))}}

    def add(kind: str, value: str, offset: int) -> bool:
        if page.in_any(offset, None, HIDDEN):
            return False
        if kind in valid and value not in valid[kind]:
            wrong.add(kind)
        else:
            out.setdefault((kind, value), offset)
        return True

    def add_all(source: str, offset: int | None = None) -> bool:
        """The dates, periods, numbers of originals and names in ``source`` (at ``offset`` if given)."""
        found = []
        for lang in site.LANGS:  # a page may quote the other language's dates (as examples, in 「」 or code)
            found += [("date", value, at) for at, value in dates_in(source, lang)]
        found += [("period", f"{months} months", at) for at, months in durations_in(source, page.lang)]
        found += [("originals", str(n), at) for at, n in originals_in(source, page.lang)]
        if offset is not None:  # names in prose are found below, each once
            found += [("name", fact, 0) for name, fact in names.items() if name in source]
        return any([add(kind, value, at if offset is None else offset) for kind, value, at in found])

    add_all(text)
    for m in placeholders.PLACEHOLDER.finditer(text):
        name = m.group("name")
        if name in COUNTS:
            add("originals", str(int(facts["signed"]["originals"])), m.start())
            continue
        try:
            rendered = placeholders.render(name, facts, page.lang) or ""
        except (KeyError, TypeError, AttributeError, ValueError):
            rendered = ""  # a fact the build adds (checksums, the repository)
        if not add_all(rendered, m.start()):
            add("fact", name, m.start())
    for ref in refs.find(page):
        add("provision", ref.target, ref.start)
    for name, fact in names.items():
        at = text.find(name)
        while at >= 0 and page.in_any(at, None, HIDDEN):
            at = text.find(name, at + len(name))
        if at >= 0:
            add("name", fact, at)
    for notice, patterns in NOTICES.items():
        if (m := patterns[page.lang].search(text)) is not None:
            add("notice", notice, m.start())
    return Stated(dict(sorted(out.items(), key=lambda item: item[1])), wrong)


def check(corpus: Corpus) -> Iterator[Finding]:
    if corpus.facts is None:
        return
    names = names_of(corpus.facts)
    signed = corpus.memoranda.get(site.DEFAULT_LANG)
    provisions = frozenset(signed.ids()) if signed is not None else frozenset()
    twins: dict[str, dict[str, Page]] = {}
    for path, page in corpus.pages.items():
        if not page.is_memorandum:
            twins.setdefault(site.stem(path.relative_to(corpus.docs)), {})[page.lang] = page
    for pair in twins.values():
        if len(pair) < 2:
            continue  # PAR002 names a page without its twin
        facts = {lang: stated(page, names, corpus.facts, provisions) for lang, page in pair.items()}
        for lang, page in pair.items():
            for other_lang, other in pair.items():
                if other_lang == lang:
                    continue
                mine, theirs = facts[lang].facts, facts[other_lang].facts
                # A kind the twin states wrongly is named by its own rule, on the twin.
                missing = [(k, v) for k, v in mine if (k, v) not in theirs and k not in facts[other_lang].wrong]
                for kind, value in missing:
                    line, col = page.line_col(mine[(kind, value)])
                    instead = [(v, other.line_col(at)[0]) for (k, v), at in theirs.items()
                               if k == kind and (k, v) not in mine]
                    found = ("; it states " + ", ".join(f"{v!r} (line {n})" for v, n in instead) + " instead") \
                        if instead else ""
                    yield Finding(corpus.rel(page.path), line, col, "TWN001",
                                  f"{KINDS[kind]} {value!r} is stated here but not in the twin page "
                                  f"{corpus.rel(other.path)}{found}: expected the same facts in both languages")
