"""One answer to "does this text use that term": the glossary's "Used in" lists and TRM004 agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks import cli
from checks.find import termforms
from checks.model import document, metadata, site
from conftest import ROOT, docs_copy, render

glossary = render("glossary")
FACTS = metadata.load(metadata.path_in(ROOT / "docs"))


def _used_lists(docs: Path) -> dict[str, dict[str, list[str]]]:
    """Each language's "Used in" list of each defined term, as the glossary page renders it."""
    out = {}
    for lang in site.LANGS:
        text = glossary.render(FACTS, document.load(site.memorandum_path(docs, lang)), lang)
        out[lang] = {t["id"]: [i for i in termforms.used_in(t, document.load(site.memorandum_path(docs, lang)), lang)
                               if i != t.get("defined_in")] for t in FACTS["defined_terms"]}
        for term_id, ids in out[lang].items():
            section = text.split(f"{{ #term-{term_id} }}")[1].split("\n### ")[0]
            assert all(f"memorandum.md#{i})" in section for i in ids), (lang, term_id)
    return out


def test_on_the_real_text_both_languages_list_the_same_provisions_for_every_term() -> None:
    lists = _used_lists(ROOT / "docs")
    assert lists["ja"] == lists["en"]


# (provision, the English form dropped, the term) — a translation that leaves a defined term out.
FAULTS = [
    ("article-2-2", "Side", "side"),
    ("article-2-3", "Sides", "sides"),
    ("preamble-4", "the Agreement", "agreement"),
]


@pytest.mark.parametrize("pid, dropped, term_id", FAULTS)
def test_a_term_dropped_from_the_english_is_trm004_and_leaves_the_english_glossary_list(tmp_path: Path, pid: str,
                                                                                       dropped: str, term_id: str) -> None:
    docs = docs_copy(tmp_path)
    path = site.memorandum_path(docs, "en")
    doc = document.load(path)
    prov = doc.get(pid)
    assert dropped in prov.text
    lines = path.read_text("utf-8").splitlines(keepends=True)
    at = prov.line - 1
    lines[at] = re.sub(rf"\b{re.escape(dropped)}\b", "party", lines[at])  # every use on its line
    path.write_text("".join(lines), "utf-8")
    lists = _used_lists(docs)
    assert pid in lists["ja"][term_id] and pid not in lists["en"][term_id]
    term = next(t for t in FACTS["defined_terms"] if t["id"] == term_id)
    found = [f for f in cli.run(docs) if f.code == "TRM004"]
    assert [(f.line, f.message) for f in found] == [
        (prov.line, f"'#{pid}' uses 「{term['ja']}」 in Japanese: expected \"{term['en']}\" here, not found")]
