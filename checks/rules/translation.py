"""TRL: every English text was checked against the Japanese text it translates now.

TRL001: the Japanese provision changed since its English twin was checked.
TRL002: the Japanese twin of an editorial page changed since the English page was checked.
TRL003: an English provision or page has no entry in the lock (or the lock names one that is gone).
TRL004: the English text changed since it was checked (a translation edit not yet recorded).
TRL005: the lock file is not YAML the site accepts (a syntax error, an alias, a key given twice).
"""

from __future__ import annotations

from typing import Iterator

from checks.model import languages
from checks import Finding
from checks.model import lock
from checks.model.corpus import Corpus

HOW = "update the English to match, then run `make relock` (it shows the Japanese before and after)"


def check(corpus: Corpus) -> Iterator[Finding]:
    ja, en = corpus.memoranda.get(languages.ORIGINAL), corpus.memoranda.get(languages.TRANSLATION)
    if ja is None or en is None or not ja.provisions:
        return
    path = lock.path_in(corpus.docs)
    if not path.is_file():
        yield Finding(corpus.rel(path), 1, 1, "TRL003", f"no translation lock: run `make relock` to create {lock.FILE}")
        return
    recorded, problem = lock.read(path)
    if problem is not None:
        yield Finding(corpus.rel(path), problem[0], problem[1], "TRL005",
                      f"{problem[2]}: expected the lock as `make relock` writes it")
        return
    seen: dict[str, set[str]] = {"provisions": set(), "pages": set()}
    for item in lock.items(corpus.docs, ja, en):
        seen[item.kind].add(item.key)
        state = lock.status(item, recorded[item.kind].get(item.key))
        where = (corpus.rel(item.en_path), item.en_line, 1)
        what = f"'#{item.key}'" if item.kind == "provisions" else f"page '{item.key}'"
        if state == "stale":
            code = "TRL001" if item.kind == "provisions" else "TRL002"
            when = recorded[item.kind][item.key].get("checked") or "an unknown date"
            yield Finding(*where, code, f"{what}: the Japanese text changed after the English was checked "
                                        f"against it ({when}): {HOW}")
        elif state == "missing":
            yield Finding(*where, "TRL003", f"{what} is not in the translation lock: check the English against "
                                            "the Japanese, then run `make relock`")
        elif state == "edited":
            yield Finding(*where, "TRL004", f"{what}: the English text changed since it was checked against the "
                                            "Japanese: run `make relock` to record the check")
    if ja.problems or en.problems:
        return  # STR004 says what is wrong with the pages' shape; the lock's entries wait for it
    for kind, entries in recorded.items():
        for key in sorted(set(entries) - seen[kind]):
            if kind == "pages" and all(corpus.docs / f"{key}.{lang}.md" in corpus.paths for lang in languages.CODES):
                continue  # both pages are there but one is unreadable: STR001 says so
            yield Finding(corpus.rel(path), 1, 1, "TRL003", f"the lock names {kind[:-1]} '{key}', which is not in "
                                                            "both languages: run `make relock` to drop it")
