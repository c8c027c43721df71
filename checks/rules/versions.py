"""VER: the published versions (``docs/_data/versions.yml``) and the pages agree.

VER001: the versions file cannot be used (YAML, shape, a date, a reason), at its line.
VER002: a language's versions are not in date order, or the signed original's first version is not
        dated the day it was signed.
VER003: a version names a provision the memorandum does not have.
VER004: a modification of the signed original without its source, or without the text (``was``) a
        provision had before it; or a first version of the signed original that gives text.
VER005: a page's provision differs from its latest recorded version, or the first English version
        leaves a provision out.
VER006: a version records a provision's text as changed but gives the text it already had.
VER007: a language has no recorded version.
VER008: a page links to the page of a version that is not recorded.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from checks import Finding
from checks.find import refs
from checks.model import languages, lock, metadata, site, versions
from checks.model.corpus import Corpus

HOW = "record it with `make relock REASON_EN='…' REASON_JA='…'`"


def check(corpus: Corpus) -> Iterator[Finding]:
    if not corpus.memoranda:
        return
    path = versions.path_in(corpus.docs)
    rel = corpus.rel(path)
    history = corpus.versions
    for line, col, message in history.problems:
        yield Finding(rel, line, col, "VER001", message)
    signed = metadata.iso(corpus.facts["signed"]["date"]) if corpus.facts else None
    yield from _links(corpus, history)
    original = corpus.memoranda.get(languages.ORIGINAL)
    if original is None or not original.provisions:
        return  # no structure to hold versions to (STR004 says why)
    ids = set(original.ids())  # the memorandum's provisions: the signed original's structure
    order = [p.id for p in original.provisions]
    for lang, doc in corpus.memoranda.items():
        found = history.of(lang)
        if not found:
            if not history.problems:
                yield Finding(rel, 1, 1, "VER007", f"no version of the {languages.profile(lang).name} text is "
                                                   f"recorded: expected '{lang}:' with its first version")
            continue
        yield from _order(rel, lang, found, signed)
        for version in found:
            for pid in [*version.text, *version.was]:
                if pid not in ids:
                    yield Finding(rel, version.lines.get(pid, version.line), 1, "VER003",
                                  f"version {version.date} names '#{pid}', which the memorandum does not have")
        if lang == languages.ORIGINAL:
            yield from _modifications(rel, found)
        current = {p.id: p.text for p in doc.provisions}
        first = found[0]
        if lang != languages.ORIGINAL:
            for pid in sorted(ids - set(first.text), key=order.index):
                yield Finding(rel, first.line, 1, "VER005", f"the first version ({first.date}) gives no text for "
                                                            f"'#{pid}': expected every provision's text")
        if history.problems:
            continue  # the versions cannot be folded: VER001 says where
        text = versions.base(history, lang, current)
        for version in found[1:]:
            for pid, after in version.text.items():
                unreplaced = lang == languages.ORIGINAL and pid not in version.was  # VER004's to report
                if pid in ids and text.get(pid) == after and not unreplaced:
                    yield Finding(rel, version.lines.get(pid, version.line), 1, "VER006",
                                  f"version {version.date} gives '#{pid}' the text it already had: "
                                  "expected only the provisions it changed")
            text.update(version.text)
        latest = found[-1]
        # An English change not yet checked is TRL004's to report (relock then records its version).
        unchecked = _unchecked(corpus) if lang == languages.TRANSLATION else set()
        twice = {pid for pid, n in Counter(p.id for p in doc.provisions).items() if n > 1}  # NUM003's to report
        for prov in doc.provisions:
            if prov.id in text and text[prov.id] != prov.text and prov.id not in unchecked | twice:
                yield Finding(corpus.rel(doc.path), prov.line, prov.col, "VER005",
                              f"'#{prov.id}' differs from its latest recorded version ({latest.date}): {HOW}")


def _links(corpus: Corpus, history: versions.History) -> Iterator[Finding]:
    """Every link to a version's page names a recorded version of the text it points to."""
    for path, page in corpus.pages.items():
        for offset, date, target in refs.version_links(page):
            # A target that names a language's folder (../en/memorandum/…) is that language's; any other is
            # read as the page's own language, or any language's where a relative path climbs out of it.
            named = next((code for code in languages.CODES if site.PREFIX[code] and f"/{site.PREFIX[code]}" in
                          f"/{target}".replace("../", "")), None)
            lang = named or site.lang_of(path)
            candidates = [lang] if named else list(languages.CODES)
            if all(v.date != date for code in candidates for v in history.of(code)):
                line, col = page.line_col(offset)
                known = ", ".join(v.date for v in history.of(lang)) or "none"
                yield Finding(corpus.rel(path), line, col, "VER008",
                              f"link to the {languages.profile(lang).name} version of {date} ('{target}'), which is not "
                              f"recorded: expected one of {known}")


def _unchecked(corpus: Corpus) -> set[str]:
    """The provisions whose English changed since the translation lock last checked it."""
    ja, en = corpus.memoranda.get(languages.ORIGINAL), corpus.memoranda.get(languages.TRANSLATION)
    if ja is None or en is None:
        return set()
    recorded, problem = lock.read(lock.path_in(corpus.docs))
    if problem is not None:
        return {p.id for p in en.provisions}
    return {item.key for item in lock.items(corpus.docs, ja, en)
            if item.kind == "provisions" and lock.status(item, recorded["provisions"].get(item.key)) != "ok"}


def _order(rel: str, lang: str, found: list[versions.Version], signed: str | None) -> Iterator[Finding]:
    for before, after in zip(found, found[1:]):
        if after.date <= before.date:
            yield Finding(rel, after.line, 1, "VER002", f"version {after.date} follows version {before.date}: "
                                                        "expected the versions of a language oldest first, one per date")
    if lang == languages.ORIGINAL and signed and found[0].date != signed:
        yield Finding(rel, found[0].line, 1, "VER002", f"the first version of the signed original is dated "
                                                       f"{found[0].date}: expected the signing date {signed}")


def _modifications(rel: str, found: list[versions.Version]) -> Iterator[Finding]:
    if found[0].text or found[0].was:
        yield Finding(rel, found[0].line, 1, "VER004", "the first version of the signed original gives text: "
                                                       "expected none (its text is the page's, held to the signed source)")
    for version in found[1:]:
        if not version.source or not any(v.strip() for v in version.source.values()):
            yield Finding(rel, version.line, 1, "VER004", f"modification {version.date} names no source: expected "
                                                          "where the Sides' agreement was published")
        for pid in version.text:
            if pid not in version.was:
                yield Finding(rel, version.lines.get(pid, version.line), 1, "VER004",
                              f"modification {version.date} changes '#{pid}' without the text it replaces: "
                              f"expected it under 'was'")
