"""The compliance checks: real docs clean, each rule's findings exact, CLI contract."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checks import Finding, cli
from checks.find.dates import dates_in
from checks.find.durations import months_in
from conftest import ROOT, docs_copy

FIXTURES = Path(__file__).parent / "fixtures"


GOLDEN_MESSAGES = FIXTURES / "golden" / "findings"


def findings(docs: Path, row: str = "") -> list[tuple[str, int, int, str]]:
    """The findings' places and codes, for the tables below; with ``row``, every message in full
    is also compared with ``tests/fixtures/golden/findings/<row>.txt`` (``UPDATE_GOLDEN=1`` rewrites
    it: review the diff), so a contributor is told what was expected and what was found."""
    found = cli.run(docs, root=docs.parent)
    if row:
        text = "".join(f"{f.path}:{f.line}:{f.col}: {f.code} {f.message}\n" for f in found)
        text = text.replace(str(docs.parent), "<tmp>")
        path = GOLDEN_MESSAGES / (re.sub(r"[^a-z0-9]+", "-", row.lower()).strip("-") + ".txt")
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
        assert path.exists(), f"no golden file {path}: run with UPDATE_GOLDEN=1 and review it"
        assert text == path.read_text("utf-8")
    return [tuple(f[:4]) for f in found]


def test_real_docs_are_clean() -> None:
    assert cli.run(ROOT / "docs", root=ROOT) == []


# (name, file, [(old, new), ...], expected findings). Each is one fault.
MUTATIONS = [
    ("renumber an article", "memorandum.ja.md", [("## 第 2 条：", "## 第 3 条：")], [
        ("docs/memorandum.ja.md", 57, 4, "NUM001"),
        ("docs/memorandum.ja.md", 57, 6, "FID001"),
    ]),
    ("article id out of sequence", "memorandum.en.md", [("{ #article-2 }", "{ #article-3 }")], [
        ("docs/memorandum.en.md", 57, 4, "NUM001"),
        ("docs/memorandum.en.md", 57, 4, "NUM002"),
        ("docs/memorandum.en.md", 57, 4, "PAR001"),
        ("docs/memorandum.en.md", 57, 4, "PAR001"),
        ("docs/memorandum.en.md", 59, 1, "NUM003"),
        ("docs/memorandum.en.md", 62, 1, "NUM003"),
        ("docs/memorandum.en.md", 65, 1, "NUM003"),
        ("docs/memorandum.en.md", 68, 1, "NUM003"),
    ]),
    ("paragraph number disagrees with id", "memorandum.ja.md", [("2.3 本協力覚書は、双方の", "2.5 本協力覚書は、双方の")], [
        ("docs/memorandum.ja.md", 65, 1, "NUM003"),
        ("docs/memorandum.ja.md", 65, 3, "FID001"),
    ]),
    ("signing date changed in Japanese", "memorandum.ja.md", [("2025 年 4 月 28 日のこの日", "2025 年 4 月 27 日のこの日")], [
        ("docs/memorandum.en.md", 71, 1, "DAT002"),
        ("docs/memorandum.ja.md", 71, 1, "DAT001"),
        ("docs/memorandum.ja.md", 71, 1, "DAT003"),
        ("docs/memorandum.ja.md", 71, 13, "FID001"),
    ]),
    ("signing date changed in English", "memorandum.en.md", [("on this 28th day of April 2025", "on this 29th day of April 2025")], [
        ("docs/memorandum.en.md", 71, 1, "DAT002"),
        ("docs/memorandum.en.md", 71, 1, "DAT003"),
        ("docs/memorandum.en.md", 71, 43, "DAT001"),
    ]),
    ("date written without spaces is the same date", "memorandum.en.md", [("signed in June 1994", "signed in June, 1994")], []),
    ("month of the 1994 agreement changed in English", "memorandum.en.md", [("signed in June 1994", "signed in July 1994")], [
        ("docs/memorandum.en.md", 20, 1, "DAT002"),
        ("docs/memorandum.en.md", 20, 188, "DAT001"),
    ]),
    ("date on the home page", "index.en.md", [("on {{ signed_date }}", "on 1 May 2025")], [
        ("docs/index.en.md", 3, 132, "DAT001"),
    ]),
    ("one character of the Japanese text", "memorandum.ja.md", [("政策対話を行う", "政策対話をする")], [
        ("docs/memorandum.ja.md", 46, 55, "FID001"),
    ]),
    ("signatories swapped", "memorandum.en.md", [("**Minoru Kiuchi**", "**@@**"), ("**Lord Vallance of Balham (Patrick Vallance)**", "**Minoru Kiuchi**"), ("**@@**", "**Lord Vallance of Balham (Patrick Vallance)**")], [
        ("docs/memorandum.en.md", 75, 1, "SIG002"),
        ("docs/memorandum.en.md", 80, 1, "SIG002"),
    ]),
    ("signatory title changed", "memorandum.ja.md", [("担当閣外大臣", "担当大臣")], [
        ("docs/memorandum.ja.md", 82, 1, "SIG002"),
        ("docs/memorandum.ja.md", 83, 3, "FID001"),
    ]),
    ("an item dropped from English", "memorandum.en.md", [("- Security policy dialogue: recognising the impact of quantum technology on societal resilience, national security and economic security, hold policy dialogue.\n  {: #article-1-item-4 }\n", "")], [
        ("docs/memorandum.en.md", 46, 3, "NUM004"),
        ("docs/memorandum.en.md", 46, 3, "PAR001"),
    ]),
    ("notice period in Japanese", "memorandum.ja.md", [("3 か月前", "6 か月前")], [
        ("docs/memorandum.ja.md", 62, 1, "DUR001"),
        ("docs/memorandum.ja.md", 62, 50, "FID001"),
    ]),
    ("notice period in English", "memorandum.en.md", [("three months in advance", "two months in advance")], [
        ("docs/memorandum.en.md", 62, 1, "DUR001"),
    ]),
    ("notice period gone from English", "memorandum.en.md", [("at least three months in advance", "in advance")], [
        ("docs/memorandum.en.md", 62, 1, "DUR001"),
    ]),
    ("a duration only in English", "memorandum.en.md", [("2.3 This", "2.3 For six months, this")], [
        ("docs/memorandum.en.md", 65, 1, "DUR002"),
    ]),
    ("an attribute list on its own", "memorandum.en.md", [("{: #article-2-1 }\n\n2.2", "{: #article-2-1 }\n\n{: #article-2-9 }\n\n2.2")], [
        ("docs/memorandum.en.md", 62, 1, "STR004"),
    ]),
    ("an id of no provision kind", "memorandum.en.md", [("{: #article-2-2 }", "{: #clause-2-2 }")], [
        ("docs/memorandum.en.md", 62, 1, "STR004"),
        ("docs/memorandum.en.md", 65, 1, "NUM003"),
        ("docs/memorandum.en.md", 65, 1, "PAR001"),
    ]),
    ("a term defined twice", "memorandum.ja.md", [("いずれか一方は", "いずれか「一方」は")], [
        ("docs/memorandum.ja.md", 62, 1, "TRM001"),
        ("docs/memorandum.ja.md", 62, 33, "FID001"),
    ]),
    ("an article heading without its number", "memorandum.en.md",
     [("## Article 1: Areas of Cooperation", "## Areas of Cooperation")], [
        ("docs/memorandum.en.md", 35, 4, "NUM001"),
        ("docs/memorandum.en.md", 35, 4, "SEG002"),
    ]),
    ("a term's definition dropped", "memorandum.ja.md", [("（以下、「本協定」）", "（以下、本協定）")], [
        ("docs/memorandum.ja.md", 20, 1, "TRM001"),
        ("docs/memorandum.ja.md", 20, 67, "FID001"),
    ]),
    ("a term defined twice in one provision", "memorandum.ja.md", [("（以下、「本協定」）", "（以下、「本協定」「本協定」）")], [
        ("docs/memorandum.ja.md", 20, 1, "TRM001"),
        ("docs/memorandum.ja.md", 20, 72, "FID001"),
    ]),
    ("a term defined in another provision", "memorandum.ja.md",
     [("（以下、「本協定」）", "（以下、本協定）"), ("また、本協定に基づき", "また、「本協定」に基づき")], [
        ("docs/memorandum.ja.md", 23, 1, "TRM002"),
        ("docs/memorandum.ja.md", 20, 67, "FID001"),
    ]),
    ("an English definition in curly quotes", "memorandum.en.md", [('(hereinafter "the Agreement")', "(hereinafter “the Agreement”)"),
                                                                  ('as a "Side" and', "as ‘a Side’ and")], []),
    ("English counterpart of a term not defined", "memorandum.en.md", [('(hereinafter "the Agreement")', '(hereinafter "the Treaty")')], [
        ("docs/memorandum.en.md", 20, 1, "TRM003"),
    ]),
    ("English counterpart of a term not used", "memorandum.en.md", [("Either Side may terminate", "Either party may terminate")], [
        ("docs/memorandum.en.md", 62, 1, "TRM004"),
    ]),
    ("reference to a missing article", "about.en.md", [("## Licence", "See Article 4.\n\n## Licence")], [
        ("docs/about.en.md", 48, 5, "REF001"),
    ]),
    ("raw script", "index.ja.md", [("## 当事者", "<script>x()</script>\n\n## 当事者")], [
        ("docs/index.ja.md", 15, 1, "SAF001"),
    ]),
    ("broken YAML in the metadata", "_data/memorandum.yml", [("signed:\n  date: 2025-04-28", "signed:\n  date: [2025-04-28")], [
        ("docs/_data/memorandum.yml", 24, 8, "STR003"),
    ]),
    ("signing date missing from the metadata", "_data/memorandum.yml", [("  date: 2025-04-28\n", "")], [
        ("docs/_data/memorandum.yml", 22, 1, "STR003"),
    ]),
    ("broken YAML in front matter", "about.ja.md", [("title: このサイトについて", "title: [このサイト")], [
        ("docs/about.ja.md", 3, 12, "STR002"),
    ]),
    ("a provision id used twice", "memorandum.en.md", [("{: #article-2-4 }", "{: #article-2-3 }")], [
        ("docs/memorandum.en.md", 68, 1, "NUM003"),
        ("docs/memorandum.en.md", 68, 1, "NUM003"),
        ("docs/memorandum.en.md", 68, 1, "NUM006"),
        ("docs/memorandum.en.md", 68, 1, "PAR001"),
        ("docs/memorandum.en.md", 68, 1, "PAR001"),
    ]),
    ("a defined term in lower case", "memorandum.en.md", [("Either Side may terminate", "Either side may terminate")], [
        ("docs/memorandum.en.md", 62, 1, "TRM004"),
    ]),
    ("an unknown fact placeholder", "index.en.md", [("{{ signed_place }}", "{{ signed_city }}")], [
        ("docs/index.en.md", 3, 110, "STR005"),
    ]),
    ("a handler without a space", "about.ja.md", [("## 本文の出典", '<svg/onload=alert(1)>\n\n## 本文の出典')], [
        ("docs/about.ja.md", 8, 6, "SAF002"),
    ]),
    ("signed source copy altered", "_data/signed-original.txt", [("城内 実", "城内 稔")], [
        ("docs/_data/memorandum.yml", 1, 1, "FID002"),
        ("docs/memorandum.ja.md", 75, 6, "FID001"),
    ]),
    # Facts written out where the metadata's placeholder belongs (FCT005), and a claim against it (FCT002).
    ("originals written out in English", "about.en.md", [("signed in {{ originals_words }} originals", "signed in two originals")], [
        ("docs/about.en.md", 1, 1, "TRL004"), ("docs/about.en.md", 18, 137, "FCT005")]),
    ("originals written out in Japanese", "about.ja.md", [("{{ originals }}", "2")], [
        ("docs/about.en.md", 1, 1, "TRL002"), ("docs/about.ja.md", 18, 47, "FCT005")]),
    ("notice period written out", "index.en.md", [("at least {{ notice_period }} in advance", "at least three months in advance")], [
        ("docs/index.en.md", 1, 1, "TRL004"), ("docs/index.en.md", 22, 111, "FCT005")]),
    ("notice period written out in Japanese", "index.ja.md", [("{{ notice_period }}前まで", "3 か月前まで")], [
        ("docs/index.en.md", 1, 1, "TRL002"), ("docs/index.ja.md", 22, 33, "FCT005")]),
    ("home page says legally binding in English", "index.en.md", [("**Not legally binding.**", "**Legally binding.**")], [
        ("docs/index.en.md", 1, 1, "TRL004"), ("docs/index.en.md", 21, 5, "FCT002")]),
    # Japanese in the English text is allowed for the names the metadata lists (parties, terms, instruments).
    ("names the metadata lists, in Japanese in the English", "memorandum.en.md", [
        ("The Cabinet Office of Japan and", "The Cabinet Office of Japan (日本国内閣府) and"),
        ('(hereinafter "the Agreement")', '(hereinafter "the Agreement", 本協定)'),
        ('(hereinafter "the Hiroshima Accord")', '(hereinafter "the Hiroshima Accord", 広島アコード)')], [
        ("docs/memorandum.en.md", 14, 1, "TRL004"), ("docs/memorandum.en.md", 20, 1, "TRL004")]),
    ("two recitals swapped", "memorandum.en.md", [("{: #preamble-2 }", "{: #preamble-X }"), ("{: #preamble-3 }", "{: #preamble-2 }"),
                                                  ("{: #preamble-X }", "{: #preamble-3 }")], [
        ("docs/memorandum.en.md", 17, 1, c) for c in ("DAT002", "NUM005", "PAR001", "SEG003", "SEG003", "SEG003", "SEG003",
                                                      "SEG006", "TRL004", "TRM003", "TRM003")] + [
        ("docs/memorandum.en.md", 20, 1, c) for c in ("DAT002", "NUM005", "SEG003", "SEG003", "SEG003", "SEG003", "SEG006",
                                                      "TRL004")] + [
        ("docs/memorandum.en.md", 23, 1, "NUM005"), ("docs/memorandum.en.md", 23, 1, "PAR001")]),
]


# What the translation lock and the segment QA add to each fault above: a
# change to a Japanese text makes its English twin stale (TRL001/TRL002), a
# change to an English text is an unrecorded translation edit (TRL004), a
# renamed or dropped provision leaves an entry the lock no longer matches
# (TRL003); a number or term in one language only is a SEG002/SEG003.
LOCK = {
    'renumber an article': [('docs/memorandum.en.md', 57, 1, 'TRL001'), ('docs/memorandum.en.md', 57, 4, 'SEG002')],
    'article id out of sequence': [('docs/_data/translation-lock.yml', 1, 1, 'TRL003')],
    'paragraph number disagrees with id': [('docs/memorandum.en.md', 65, 1, 'TRL001'), ('docs/memorandum.en.md', 65, 1, 'SEG002')],
    'signing date changed in Japanese': [('docs/memorandum.en.md', 71, 1, 'TRL001')],
    'signing date changed in English': [('docs/memorandum.en.md', 71, 1, 'TRL004')],
    'date written without spaces is the same date': [('docs/memorandum.en.md', 20, 1, 'TRL004')],
    'month of the 1994 agreement changed in English': [('docs/memorandum.en.md', 20, 1, 'TRL004')],
    'date on the home page': [('docs/index.en.md', 1, 1, 'TRL004')],
    'one character of the Japanese text': [('docs/memorandum.en.md', 46, 1, 'TRL001')],
    'signatories swapped': [('docs/memorandum.en.md', 74, 1, 'TRL004'), ('docs/memorandum.en.md', 79, 1, 'TRL004')],
    'signatory title changed': [('docs/memorandum.en.md', 79, 1, 'TRL001')],
    'an item dropped from English': [('docs/_data/translation-lock.yml', 1, 1, 'TRL003')],
    'notice period gone from English': [('docs/memorandum.en.md', 62, 1, 'TRL004')],
    'a duration only in English': [('docs/memorandum.en.md', 65, 1, 'TRL004')],
    'notice period in Japanese': [('docs/memorandum.en.md', 62, 1, 'TRL001')],
    'notice period in English': [('docs/memorandum.en.md', 62, 1, 'TRL004')],
    'a term defined twice': [('docs/memorandum.en.md', 62, 1, 'TRL001')],
    'an article heading without its number': [('docs/memorandum.en.md', 35, 1, 'TRL004')],
    "a term's definition dropped": [('docs/memorandum.en.md', 20, 1, 'TRL001')],
    'a term defined twice in one provision': [('docs/memorandum.en.md', 20, 1, 'TRL001')],
    'a term defined in another provision': [('docs/memorandum.en.md', 20, 1, 'TRL001'), ('docs/memorandum.en.md', 23, 1, 'TRL001')],
    'an English definition in curly quotes': [('docs/memorandum.en.md', 14, 1, 'TRL004'), ('docs/memorandum.en.md', 20, 1, 'TRL004')],
    'English counterpart of a term not defined': [('docs/memorandum.en.md', 20, 1, 'TRL004')],
    'English counterpart of a term not used': [('docs/memorandum.en.md', 62, 1, 'TRL004'), ('docs/memorandum.en.md', 62, 1, 'SEG003')],
    'reference to a missing article': [('docs/about.en.md', 1, 1, 'TRL004')],
    'raw script': [('docs/index.en.md', 1, 1, 'TRL002')],
    'broken YAML in front matter': [('docs/about.en.md', 1, 1, 'TRL002')],
    'a provision id used twice': [('docs/_data/translation-lock.yml', 1, 1, 'TRL003')],
    'a defined term in lower case': [('docs/memorandum.en.md', 62, 1, 'TRL004'), ('docs/memorandum.en.md', 62, 1, 'SEG003')],
    'an unknown fact placeholder': [('docs/index.en.md', 1, 1, 'TRL004')],
    'a handler without a space': [('docs/about.en.md', 1, 1, 'TRL002')],
    'empty page': [('docs/about.en.md', 1, 1, 'TRL004')],
    'whitespace-only page': [('docs/about.en.md', 1, 1, 'TRL002')],
    'missing page': [('docs/_data/translation-lock.yml', 1, 1, 'TRL003')],
    'safe': [('docs/safe.en.md', 1, 1, 'TRL003')],
    'unsafe': [('docs/unsafe.en.md', 1, 1, 'TRL003')],
    'refs': [('docs/refs.en.md', 1, 1, 'TRL003')],
    'forms': [('docs/forms.en.md', 1, 1, 'TRL003')],
}


# The signed text, character for character: spaces, normalisation form and markup.
SIGNED_TEXT = [
    ("a half-width space dropped", [("## 第 1 条：協力分野", "## 第1 条：協力分野")],
     [("docs/memorandum.en.md", 35, 1, "TRL001"), ("docs/memorandum.ja.md", 35, 5, "FID001")]),
    ("a no-break space for a half-width one", [("**城内 実**", "**城内\u00a0実**")],
     [("docs/memorandum.en.md", 74, 1, "TRL001"), ("docs/memorandum.ja.md", 75, 1, "SIG002"),
      ("docs/memorandum.ja.md", 75, 5, "FID001")]),
    ("an ideographic space for a half-width one", [("3 か月前までに", "3\u3000か月前までに")],
     [("docs/memorandum.en.md", 62, 1, "TRL001"), ("docs/memorandum.ja.md", 62, 51, "FID001")]),
    ("a space added", [("双方による署名の日から", "双方 による署名の日から")],
     [("docs/memorandum.en.md", 62, 1, "TRL001"), ("docs/memorandum.ja.md", 62, 14, "FID001")]),
    ("a leading ideographic space", [("2.4 本協力覚書の終了は", "\u30002.4 本協力覚書の終了は")],
     [("docs/memorandum.en.md", 68, 1, "TRL001"), ("docs/memorandum.ja.md", 68, 1, "FID001"),
      ("docs/memorandum.ja.md", 68, 1, "NUM003")]),
    ("decomposed kana (NFD)", [("連携が求められている", "連携か\u3099求められている")],
     [("docs/memorandum.ja.md", 20, 254, "FID003")]),  # the lock hashes NFC text: no TRL
    ("emphasis inside a provision", [("政策対話を行う", "**政策対話**を行う")],
     [("docs/memorandum.ja.md", 46, 50, "FID004"), ("docs/memorandum.ja.md", 46, 56, "FID004")]),
    ("raw HTML inside a provision", [("政策対話を行う", "<span>政策対話</span>を行う")],
     [("docs/memorandum.en.md", 46, 1, "TRL001"), ("docs/memorandum.ja.md", 46, 50, "FID001"),
      ("docs/memorandum.ja.md", 46, 50, "FID004"), ("docs/memorandum.ja.md", 46, 60, "FID004")]),
]


# Facts stated anywhere: binding status, place, originals, notice period and
# dates, hard-coded or wrong, in both languages (file, edits, exact findings).
FACTS = [
    ('English 2.1 says legally binding', 'memorandum.en.md', [('is not legally binding and does not create', 'is legally binding and does create')],
     [('docs/memorandum.en.md', 59, 1, 'FCT002'), ('docs/memorandum.en.md', 59, 1, 'TRL004'), ('docs/memorandum.en.md', 59, 39, 'FCT002')]),
    ('Japanese 2.1 says binding', 'memorandum.ja.md', [('法的拘束力を持たず', '法的拘束力を持ち')],
     [('docs/memorandum.en.md', 59, 1, 'TRL001'), ('docs/memorandum.ja.md', 59, 1, 'FCT002'), ('docs/memorandum.ja.md', 59, 45, 'FID001')]),
    ('English signing clause in another city', 'memorandum.en.md', [('Signed in London, United Kingdom,', 'Signed in Tokyo, Japan,')],
     [('docs/memorandum.en.md', 71, 1, 'FCT001'), ('docs/memorandum.en.md', 71, 1, 'TRL004')]),
    ('English signing clause with three originals', 'memorandum.en.md', [('in two originals.', 'in three originals.')],
     [('docs/memorandum.en.md', 71, 1, 'FCT004'), ('docs/memorandum.en.md', 71, 1, 'SEG002'), ('docs/memorandum.en.md', 71, 1, 'TRL004'), ('docs/memorandum.en.md', 71, 70, 'FCT004')]),
    ('Japanese signing clause with one original', 'memorandum.ja.md', [('原本 2 通', '原本 1 通')],
     [('docs/memorandum.en.md', 71, 1, 'SEG002'), ('docs/memorandum.en.md', 71, 1, 'TRL001'), ('docs/memorandum.ja.md', 71, 1, 'FCT004'), ('docs/memorandum.ja.md', 71, 29, 'FCT004'), ('docs/memorandum.ja.md', 71, 32, 'FID001')]),
    ('home page says legally binding', 'index.en.md', [('- **Not legally binding.**', '- **Legally binding.**')],
     [('docs/index.en.md', 1, 1, 'TRL004'), ('docs/index.en.md', 21, 5, 'FCT002')]),
    ('Japanese home page says binding', 'index.ja.md', [('**法的拘束力はありません。**', '**法的拘束力があります。**')],
     [('docs/index.en.md', 1, 1, 'TRL002'), ('docs/index.ja.md', 21, 5, 'FCT002')]),
    ('hard-coded wrong signing date', 'index.en.md', [('It was signed in {{ signed_place }} on {{ signed_date }}.', 'It was signed on 27 April 2025.')],
     [('docs/index.en.md', 1, 1, 'TRL004'), ('docs/index.en.md', 8, 247, 'DAT001')]),
    ('hard-coded correct signing date', 'index.ja.md', [('{{ signed_date }}、', '2025 年 4 月 28 日、')],
     [('docs/index.en.md', 1, 1, 'TRL002'), ('docs/index.ja.md', 8, 59, 'FCT005')]),
    ('Reiwa-era date', 'index.ja.md', [('{{ signed_date }}、', '令和 7 年 4 月 27 日、')],
     [('docs/index.en.md', 1, 1, 'TRL002'), ('docs/index.ja.md', 8, 59, 'DAT001')]),
    ('April 27th', 'about.en.md', [('on {{ signed_date }}.', 'on April 27th.')],
     [('docs/about.en.md', 1, 1, 'TRL004'), ('docs/about.en.md', 10, 132, 'DAT001')]),
    ('six-month notice on the home page', 'index.en.md', [('at least {{ notice_period }} in advance', 'at least six months in advance')],
     [('docs/index.en.md', 1, 1, 'TRL004'), ('docs/index.en.md', 22, 111, 'FCT003')]),
    ('six-month notice in Japanese', 'index.ja.md', [('**{{ notice_period }}前まで**', '**6 か月前まで**')],
     [('docs/index.en.md', 1, 1, 'TRL002'), ('docs/index.ja.md', 22, 33, 'FCT003')]),
    ('hard-coded place', 'about.ja.md', [('{{ signed_place }}で署名', '英国ロンドンで署名')],
     [('docs/about.en.md', 1, 1, 'TRL002'), ('docs/about.ja.md', 10, 27, 'FCT005')]),
]


# Segment QA between aligned provisions (file, edits, exact findings).
SEGMENTS = [
    ('an area left in Japanese', 'memorandum.en.md', [('Education, talent exchange and skills development: explore opportunities for education and exchange at the level of researchers and of technicians, and seek to build the talent base needed for the development of the quantum ecosystem.', '教育・人材交流・スキル育成：研究者レベルおよび技能者レベルにおける教育・交流機会を探索し、量子エコシステムの発展に必要な人材基盤の構築を図る。')],
     [('docs/memorandum.en.md', 44, 1, 'TRL004'), ('docs/memorandum.en.md', 44, 3, 'SEG001'), ('docs/memorandum.en.md', 44, 3, 'SEG006'), ('docs/memorandum.en.md', 44, 3, 'SEG007')]),
    ('a Japanese word in the English', 'memorandum.en.md', [('promote dialogue through research institutions', 'promote 対話 through research institutions')],
     [('docs/memorandum.en.md', 40, 1, 'TRL004'), ('docs/memorandum.en.md', 40, 3, 'SEG001')]),
    ('a Japanese phrase in a recital', 'memorandum.en.md', [('like-minded partners', '志を同じくするパートナー')],
     [('docs/memorandum.en.md', 29, 1, 'SEG001'), ('docs/memorandum.en.md', 29, 1, 'TRL004')]),
    ('a number added in English', 'memorandum.en.md', [('and research hubs', 'and 12 research hubs')],
     [('docs/memorandum.en.md', 40, 1, 'TRL004'), ('docs/memorandum.en.md', 40, 3, 'SEG002')]),
    ('a number dropped in English', 'memorandum.en.md', [('Article 1: Areas of Cooperation', 'Article One: Areas of Cooperation')],
     [('docs/memorandum.en.md', 35, 1, 'TRL004'), ('docs/memorandum.en.md', 35, 4, 'NUM001'), ('docs/memorandum.en.md', 35, 4, 'SEG002')]),
    ('a number added in Japanese', 'memorandum.ja.md', [('研究機関・研究ハブ', '3 つの研究機関・研究ハブ')],
     [('docs/memorandum.en.md', 40, 1, 'TRL001'), ('docs/memorandum.en.md', 40, 3, 'SEG002'), ('docs/memorandum.ja.md', 40, 112, 'FID001')]),
    ('a defined term dropped in English', 'memorandum.en.md', [('unless the Sides agree otherwise', 'unless agreed otherwise')],
     [('docs/memorandum.en.md', 68, 1, 'SEG003'), ('docs/memorandum.en.md', 68, 1, 'TRL004'), ('docs/memorandum.en.md', 68, 1, 'TRM004')]),
    ('a defined term added in English', 'memorandum.en.md', [('will not affect cooperative activities in progress', 'will not affect cooperative activities under the Agreement in progress')],
     [('docs/memorandum.en.md', 68, 1, 'SEG003'), ('docs/memorandum.en.md', 68, 1, 'TRL004')]),
    ('an instrument dropped in English', 'memorandum.en.md', [('the "Japan-UK Joint Committee on Cooperation in Science and Technology"', 'the joint committee')],
     [('docs/memorandum.en.md', 23, 1, 'SEG003'), ('docs/memorandum.en.md', 23, 1, 'TRL004')]),
    ('negation lost in 2.4', 'memorandum.en.md', [('will not affect cooperative activities in progress, unless the Sides agree otherwise', 'will affect cooperative activities in progress if the Sides agree')],
     [('docs/memorandum.en.md', 68, 1, 'SEG004'), ('docs/memorandum.en.md', 68, 1, 'TRL004')]),
    ('negation added in 2.3', 'memorandum.en.md', [('may be modified at any time', 'may not be modified at any time')],
     [('docs/memorandum.en.md', 65, 1, 'SEG004'), ('docs/memorandum.en.md', 65, 1, 'TRL004')]),
    ('may lost in 2.2', 'memorandum.en.md', [('Either Side may terminate', 'Either Side will terminate')],
     [('docs/memorandum.en.md', 62, 1, 'SEG004'), ('docs/memorandum.en.md', 62, 1, 'TRL004')]),
    ('negation lost in Japanese', 'memorandum.ja.md', [('解決できない', '解決できる')],
     [('docs/memorandum.en.md', 26, 1, 'SEG004'), ('docs/memorandum.en.md', 26, 1, 'TRL001'), ('docs/memorandum.ja.md', 26, 31, 'FID001')]),
    ('an area replaced by a copy of another', 'memorandum.en.md', [('Security policy dialogue: recognising the impact of quantum technology on societal resilience, national security and economic security, hold policy dialogue.', 'Education, talent exchange and skills development: explore opportunities for education and exchange at the level of researchers and of technicians, and seek to build the talent base needed for the development of the quantum ecosystem.')],
     [('docs/memorandum.en.md', 46, 1, 'TRL004'), ('docs/memorandum.en.md', 46, 3, 'SEG005'), ('docs/memorandum.en.md', 46, 3, 'SEG007')]),
    ('a recital replaced by a copy of another', 'memorandum.en.md', [('Recognising that cooperation between like-minded partners based on shared principles such as transparency, accountability and democratic values is essential to ensuring a fair research environment and to bringing together the expertise of both Sides;', 'Recognising that Japan and the United Kingdom are both leading nations in the field of quantum science and technology, and have a strong and diverse science, technology and innovation relationship through broad collaboration between academia, industry and government,')],
     [('docs/memorandum.en.md', 29, 1, 'SEG003'), ('docs/memorandum.en.md', 29, 1, 'SEG005'), ('docs/memorandum.en.md', 29, 1, 'TRL004'), ('docs/memorandum.en.md', 29, 1, 'TRM004')]),
    ('a paragraph replaced by a copy of another', 'memorandum.en.md', [('2.4 The termination of this Memorandum of Cooperation will not affect cooperative activities in progress, unless the Sides agree otherwise.', '2.4 This Memorandum of Cooperation may be modified at any time by written agreement of the Sides. A modification will take effect on the date agreed by the Sides and will form an integral part of this Memorandum of Cooperation.')],
     [('docs/memorandum.en.md', 68, 1, 'SEG004'), ('docs/memorandum.en.md', 68, 1, 'SEG005'), ('docs/memorandum.en.md', 68, 1, 'TRL004')]),
    ('half an area dropped', 'memorandum.en.md', [('Infrastructure, test equipment and joint missions: consider the possibility of shared use of research infrastructure and test facilities in order to strengthen research towards use-case development, technology demonstration, validation and maturation.', 'Infrastructure, test equipment and joint missions: consider the possibility of shared use of research infrastructure and test facilities.')],
     [('docs/memorandum.en.md', 50, 1, 'TRL004'), ('docs/memorandum.en.md', 50, 3, 'SEG006')]),
    ('an area cut to its title', 'memorandum.en.md', [('Research and innovation dialogue: promote dialogue through research institutions and research hubs, at every stage from basic research to applied research and innovation, with the aim of sharing best practice in academic research collaboration, including in quantum computing, networking and sensing, and of identifying future opportunities.', 'Research and innovation dialogue: promote dialogue.')],
     [('docs/memorandum.en.md', 40, 1, 'TRL004'), ('docs/memorandum.en.md', 40, 3, 'SEG006')]),
    ('two areas swapped in English', 'memorandum.en.md', [('Education, talent exchange and skills development: explore opportunities for education and exchange at the level of researchers and of technicians, and seek to build the talent base needed for the development of the quantum ecosystem.', '@@'), ('Security policy dialogue: recognising the impact of quantum technology on societal resilience, national security and economic security, hold policy dialogue.', 'Education, talent exchange and skills development: explore opportunities for education and exchange at the level of researchers and of technicians, and seek to build the talent base needed for the development of the quantum ecosystem.'), ('@@', 'Security policy dialogue: recognising the impact of quantum technology on societal resilience, national security and economic security, hold policy dialogue.')],
     [('docs/memorandum.en.md', 44, 1, 'TRL004'), ('docs/memorandum.en.md', 44, 3, 'SEG007'), ('docs/memorandum.en.md', 46, 1, 'TRL004'), ('docs/memorandum.en.md', 46, 3, 'SEG007')]),
    ('two areas swapped in Japanese', 'memorandum.ja.md', [('商業化、ユースケース、スケールアップ：ユースケース開発、実証プロジェクト等を通じて有望なイノベーションを促進し、量子技術の商業化と実用的市場ソリューションの展開を加速する。', '@@'), ('民間資金、産業界、機関投資家：業界コンソーシアムやベンチャーキャピタルファンドとの連携を通じ、量子分野への民間投資の促進を図る。', '商業化、ユースケース、スケールアップ：ユースケース開発、実証プロジェクト等を通じて有望なイノベーションを促進し、量子技術の商業化と実用的市場ソリューションの展開を加速する。'), ('@@', '民間資金、産業界、機関投資家：業界コンソーシアムやベンチャーキャピタルファンドとの連携を通じ、量子分野への民間投資の促進を図る。')],
     [('docs/memorandum.en.md', 52, 1, 'TRL001'), ('docs/memorandum.en.md', 54, 1, 'TRL001'), ('docs/memorandum.ja.md', 52, 3, 'FID001'), ('docs/memorandum.ja.md', 52, 3, 'SEG007'), ('docs/memorandum.ja.md', 54, 3, 'SEG007')]),
    ("an area's title changed in English", 'memorandum.en.md', [('Security policy dialogue:', 'Security dialogue:')],
     [('docs/memorandum.en.md', 46, 1, 'TRL004'), ('docs/memorandum.en.md', 46, 3, 'SEG007')]),
    ("a Side's name dropped in English", 'memorandum.en.md', [('and the Department for Science, Innovation and Technology of the United Kingdom of Great Britain and Northern Ireland agree', 'and the UK science ministry agree')],
     [('docs/memorandum.en.md', 37, 1, 'SEG003'), ('docs/memorandum.en.md', 37, 1, 'SEG006'), ('docs/memorandum.en.md', 37, 1, 'TRL004')]),
    ("a Side's name dropped in Japanese", 'memorandum.ja.md', [('日本国内閣府とグレートブリテン及び北アイルランド連合王国の科学・イノベーション・技術省は、', '日英の関係省庁は、')],
     [('docs/memorandum.en.md', 37, 1, 'SEG003'), ('docs/memorandum.en.md', 37, 1, 'SEG003'), ('docs/memorandum.en.md', 37, 1, 'TRL001'), ('docs/memorandum.ja.md', 37, 9, 'FID001')]),
]


@pytest.mark.parametrize("name,file,edits,expected", FACTS + SEGMENTS, ids=[f[0] for f in FACTS + SEGMENTS])
def test_facts_and_segments(tmp_path: Path, name: str, file: str, edits, expected) -> None:
    docs = docs_copy(tmp_path)
    page = docs / file
    text = page.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    page.write_text(text, encoding="utf-8")
    assert findings(docs, f"facts {name}") == expected


@pytest.mark.parametrize("name,edits,expected", SIGNED_TEXT, ids=[s[0] for s in SIGNED_TEXT])
def test_the_signed_text_character_for_character(tmp_path: Path, name: str, edits, expected) -> None:
    docs = docs_copy(tmp_path)
    page = docs / "memorandum.ja.md"
    text = page.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    page.write_text(text, encoding="utf-8")
    assert findings(docs, f"signed {name}") == sorted(expected)


@pytest.mark.parametrize("name,file,edits,expected", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_single_fault_is_caught(tmp_path: Path, name: str, file: str, edits, expected) -> None:
    docs = docs_copy(tmp_path)
    page = docs / file
    text = page.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"fixture edit does not apply: {old!r}"
        text = text.replace(old, new, 1)
    page.write_text(text, encoding="utf-8")
    assert findings(docs, f"single {name}") == sorted(expected + LOCK.get(name, []))


# Whole-file faults: (name, file, content or None to delete, expected findings).
FILE_FAULTS = [
    ("empty page", "about.en.md", "", [("docs/about.en.md", 1, 1, "STR001")]),
    ("whitespace-only page", "about.ja.md", " \n\t\n\u3000\n", [("docs/about.ja.md", 1, 1, "STR001")]),
    ("an English page without its Japanese twin", "extra.en.md", "# Extra\n", [("docs/extra.en.md", 1, 1, "PAR002")]),
    ("a Japanese page without its English twin", "extra.ja.md", "# 追加\n", [("docs/extra.ja.md", 1, 1, "PAR002")]),
    ("an HTML file under docs", "assets/embed.html", '<p onclick="x()">x</p>\n<iframe src="https://e.org"></iframe>\n', [
        ("docs/assets/embed.html", 1, 1, "SAF002"), ("docs/assets/embed.html", 2, 1, "SAF001")]),
    ("undecodable page", "index.en.md", b"\xff\xfe# x", [("docs/index.en.md", 1, 1, "STR001")]),
    ("missing page", "about.en.md", None, [
        ("docs/about.en.md", 1, 1, "STR001"), ("docs/about.ja.md", 1, 1, "PAR002")]),
    ("memorandum page with no structure", "memorandum.en.md", "# Just a title\n\nSome text.\n", [
        ("docs/memorandum.en.md", 1, 1, "SIG001"),
        ("docs/memorandum.en.md", 1, 1, "STR004"),
        ("docs/memorandum.en.md", 1, 1, "STR004"),
        ("docs/memorandum.en.md", 3, 1, "STR004"),
    ]),
    ("metadata missing", "_data/memorandum.yml", None, [("docs/_data/memorandum.yml", 1, 1, "STR003")]),
    ("metadata that is a list", "_data/memorandum.yml", "- title\n", [("docs/_data/memorandum.yml", 1, 1, "STR003")]),
    ("signed source missing", "_data/signed-original.txt", None, [("docs/_data/signed-original.txt", 1, 1, "FID002")]),
    ("signed source not UTF-8", "_data/signed-original.txt", b"\xff\xfe\x00", [
        ("docs/_data/memorandum.yml", 1, 1, "FID002"), ("docs/_data/signed-original.txt", 1, 1, "FID002")]),
    ("a binary asset", "assets/images/x.svg", b"<svg>\xff\xfe</svg>", [("docs/assets/images/x.svg", 1, 1, "SAF001")]),
    ("accessibility report missing", "_data/accessibility.yml", None, [("docs/_data/accessibility.yml", 1, 1, "STR006")]),
    ("a page that cannot be read", "about.en.md", Path("nowhere.md"), [("docs/about.en.md", 1, 1, "STR001")]),
]


@pytest.mark.parametrize("name,file,content,expected", FILE_FAULTS, ids=[f[0] for f in FILE_FAULTS])
def test_whole_file_fault_is_a_finding(tmp_path: Path, name: str, file: str, content, expected) -> None:
    docs = docs_copy(tmp_path)
    page = docs / file
    page.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        page.unlink()
    elif isinstance(content, Path):  # a link to a file that is not there
        page.unlink()
        page.symlink_to(content)
    elif isinstance(content, bytes):
        page.write_bytes(content)
    else:
        page.write_text(content, encoding="utf-8")
    assert findings(docs, f"file {name}") == sorted(expected + LOCK.get(name, []))


# Fixture pages added beside the real docs (both languages each time).
PAGE_FIXTURES = [
    ("references", "forms", [
        ("docs/forms.en.md", 5, 1, "REF001"), ("docs/forms.en.md", 5, 18, "REF001"), ("docs/forms.en.md", 5, 41, "REF001"),
        ("docs/forms.en.md", 5, 46, "REF001"), ("docs/forms.en.md", 5, 84, "REF001"),
        ("docs/forms.ja.md", 5, 1, "REF001"), ("docs/forms.ja.md", 5, 5, "REF001"), ("docs/forms.ja.md", 5, 9, "REF001"),
        ("docs/forms.ja.md", 5, 20, "REF001"), ("docs/forms.ja.md", 5, 38, "REF001"), ("docs/forms.ja.md", 5, 59, "REF001"),
    ]),
    ("safety", "safe", []),
    ("safety", "unsafe", [
        ("docs/unsafe.en.md", 3, 1, "SAF001"), ("docs/unsafe.en.md", 5, 18, "SAF002"),
        ("docs/unsafe.en.md", 7, 9, "SAF003"), ("docs/unsafe.en.md", 10, 4, "SAF002"),
        ("docs/unsafe.en.md", 12, 10, "SAF003"), ("docs/unsafe.en.md", 14, 1, "SAF001"),
        ("docs/unsafe.ja.md", 3, 1, "SAF001"), ("docs/unsafe.ja.md", 5, 13, "SAF002"),
        ("docs/unsafe.ja.md", 7, 8, "SAF003"), ("docs/unsafe.ja.md", 9, 1, "SAF001"),
    ]),
    ("references", "refs", [
        ("docs/refs.en.md", 5, 1, "REF001"), ("docs/refs.en.md", 5, 36, "REF001"),
        ("docs/refs.en.md", 5, 53, "REF001"),
        ("docs/refs.ja.md", 5, 1, "REF001"), ("docs/refs.ja.md", 5, 13, "REF001"),
        ("docs/refs.ja.md", 5, 30, "REF001"),
    ]),
]


@pytest.mark.parametrize("topic,stem,expected", PAGE_FIXTURES, ids=[f"{t}-{s}" for t, s, _ in PAGE_FIXTURES])
def test_fixture_pages(tmp_path: Path, topic: str, stem: str, expected) -> None:
    docs = docs_copy(tmp_path)
    for lang in ("ja", "en"):
        shutil.copy2(FIXTURES / topic / f"{stem}.{lang}.md", docs / f"{stem}.{lang}.md")
    assert findings(docs, f"page {topic} {stem}") == sorted(expected + LOCK.get(stem, []))


@pytest.mark.parametrize("text,lang,expected", [
    ("2025 年 4 月 28 日", "ja", ["2025-04-28"]),
    ("2025年4月28日", "ja", ["2025-04-28"]),
    ("1994 年 6 月と 2023 年 5 月", "ja", ["1994-06", "2023-05"]),
    ("28 April 2025", "en", ["2025-04-28"]),
    ("April 28, 2025", "en", ["2025-04-28"]),
    ("the 28th day of April 2025", "en", ["2025-04-28"]),
    ("June 1994 and May, 2023", "en", ["1994-06", "2023-05"]),
    ("Article 2.3 of 2025", "en", []),
    ("令和7年4月28日", "ja", ["2025-04-28"]),
    ("令和 元 年 5 月 1 日", "ja", ["2019-05-01"]),
    ("平成6年6月", "ja", ["1994-06"]),
    ("R7.4.28 と H6.6.1", "ja", ["2025-04-28", "1994-06-01"]),
    ("2025/4/28", "ja", ["2025-04-28"]),
])
def test_dates_in(text: str, lang: str, expected: list[str]) -> None:
    assert [d for _, d in dates_in(text, lang)] == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("3 か月前までに", "ja", [3]), ("3ヶ月", "ja", [3]), ("three months", "en", [3]),
    ("3 months'", "en", [3]), ("twelve-month", "en", [12]), ("no duration", "en", []),
])
def test_months_in(text: str, lang: str, expected: list[int]) -> None:
    assert months_in(text, lang) == expected


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checks", *args], cwd=cwd, capture_output=True, text=True)


def test_cli_clean_exit_0_with_summary() -> None:
    result = _cli()
    assert result.returncode == 0 and result.stdout.strip() == "ok: no findings in docs"


def test_cli_findings_exit_1_flake8_format(tmp_path: Path) -> None:
    docs = docs_copy(tmp_path)
    page = docs / "memorandum.ja.md"
    page.write_text(page.read_text("utf-8").replace("政策対話を行う", "政策対話をする"), "utf-8")
    result = _cli("docs", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/memorandum.en.md:46:1: TRL001 '#article-1-item-4': the Japanese text changed after the English was "
        "checked against it (2026-11-26): update the English to match, then run `make relock` (it shows the "
        "Japanese before and after)",
        "docs/memorandum.ja.md:46:55: FID001 text differs from the signed source after "
        "'影響を認識し、政策対話を': expected '行う。標準化およびガバナ', found 'する。標準化およびガバナ'"]
    assert "Traceback" not in result.stderr


def test_cli_json_and_github_formats(tmp_path: Path) -> None:
    docs = docs_copy(tmp_path)
    meta = docs / "_data/memorandum.yml"
    meta.write_text(meta.read_text("utf-8").replace("  originals: 2", "  originals: two"), "utf-8")
    message = "signed.originals: expected integer, found str 'two'"
    as_json = json.loads(_cli("--format", "json", "docs", cwd=tmp_path).stdout)
    assert as_json == [{"path": "docs/_data/memorandum.yml", "line": 27, "col": 14, "code": "STR003", "message": message}]
    github = _cli("--format", "github", "docs", cwd=tmp_path).stdout.strip()
    assert github == f"::error file=docs/_data/memorandum.yml,line=27,col=14,title=STR003::STR003 {message}"


@pytest.mark.parametrize("fmt,expected", [
    ("text", "docs/about.en.md:3:7: STR002 front matter is not valid YAML: x"),
    ("github", "::error file=docs/about.en.md,line=3,col=7,title=STR002::STR002 front matter is not valid YAML: x"),
])
def test_output_formats_keep_line_before_column(fmt: str, expected: str) -> None:
    finding = Finding("docs/about.en.md", 3, 7, "STR002", "front matter is not valid YAML: x")
    assert list(cli._format([finding], fmt)) == [expected]


def test_json_output_keeps_japanese_readable_and_indented() -> None:
    finding = Finding("docs/about.ja.md", 3, 7, "TRM001", "用語「一方」")
    assert list(cli._format([finding], "json")) == [
        '[\n  {\n    "path": "docs/about.ja.md",\n    "line": 3,\n    "col": 7,\n    "code": "TRM001",\n'
        '    "message": "用語「一方」"\n  }\n]']


def test_github_annotations_escape_what_github_reads() -> None:
    finding = Finding("docs/a b.md", 1, 2, "STR001", "50% done\r\nnext line")
    assert list(cli._format([finding], "github")) == [
        "::error file=docs/a b.md,line=1,col=2,title=STR001::STR001 50%25 done%0D%0Anext line"]


def test_paths_are_relative_to_the_root_given(tmp_path: Path) -> None:
    docs = docs_copy(tmp_path / "project")
    (docs / "about.en.md").write_text("", "utf-8")
    found = {f.path for f in cli.run(docs, root=tmp_path)}
    assert "project/docs/about.en.md" in found
    assert "docs/about.en.md" in {f.path for f in cli.run(docs)}  # the default root is the docs' parent


# The metadata's own faults, each with its exact message (the schema's words, placed at the key or value).
METADATA_FAULTS = [
    ("a synonym group without English", "  - {ja: [民主的価値観, 民主主義], en: [democratic values, democracy]}",
     "  - {ja: [民主的価値観, 民主主義]}", [(212, 5, "search_synonyms.9: 'en' is a required property")]),
    ("an impossible date", "  date: 2025-04-28", "  date: 2025-02-30",
     [(23, 9, "signed.date: expected a real date (YYYY, YYYY-MM or YYYY-MM-DD), found '2025-02-30'")]),
    ("a count in words", "  months: 3", "  months: three",
     [(33, 11, "notice_period.months: expected integer, found str 'three'")]),
    ("a missing English value", "    en: London, United Kingdom\n", "",
     [(24, 3, "signed.place: 'en' is a required property")]),
    ("a string where a pair belongs", "citation:\n  ja: 日英量子科学技術協力覚書\n  en: Japan–UK Quantum MoC",
     "citation: Japan–UK Quantum MoC", [(13, 11, "citation: expected object, found str 'Japan–UK Quantum MoC'")]),
    ("a list where a mapping belongs", "signed:\n", "signed: []\nx:\n", [(22, 9, "signed: expected object, found list 'list'")]),
    ("broken indentation", "title:", "- title:", [(9, 1, "invalid YAML: did not find expected '-' indicator")]),
    ("a wrong id", "binding_provision: article-2-1", "binding_provision: Article 2.1",
     [(30, 20, "binding_provision: expected a provision id such as article-2-1, found 'Article 2.1'")]),
    ("a bad hash", "  sha256: 47e7", "  sha256: 47E7", [(20, 11, "source.sha256: expected 64 lower-case hex digits, found "
                                                           "'47E7a4ab786c215eb698e948e019763e2cd68ea14c5f0cc3a918e8108ffedf1e'")]),
]


@pytest.mark.parametrize("name,old,new,expected", METADATA_FAULTS, ids=[m[0] for m in METADATA_FAULTS])
def test_metadata_faults_name_key_line_and_expectation(tmp_path: Path, name: str, old: str, new: str, expected) -> None:
    docs = docs_copy(tmp_path)
    meta = docs / "_data/memorandum.yml"
    text = meta.read_text("utf-8")
    assert old in text
    meta.write_text(text.replace(old, new, 1), "utf-8")
    got = [(f.line, f.col, f.message) for f in cli.run(docs, root=tmp_path) if f.code == "STR003"]
    assert got == expected


def test_cli_in_process(tmp_path: Path, capsys, monkeypatch) -> None:
    docs = docs_copy(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["docs"]) == 0
    assert capsys.readouterr().out.strip() == "ok: no findings in docs"
    (docs / "extra.ja.md").write_text("# 追加\n", "utf-8")
    assert cli.main(["docs", "--format", "github"]) == 1
    assert capsys.readouterr().out.strip() == (
        "::error file=docs/extra.ja.md,line=1,col=1,title=PAR002::PAR002 page has no en counterpart: expected extra.en.md")
    assert cli.main(["docs"]) == 1
    captured = capsys.readouterr()
    assert captured.out.strip() == "docs/extra.ja.md:1:1: PAR002 page has no en counterpart: expected extra.en.md"
    assert captured.err.strip() == "1 finding in docs"
    with pytest.raises(SystemExit) as exc:
        cli.main([str(tmp_path / "nowhere")])
    assert exc.value.code == 2


def test_cli_usage_error_exit_2(tmp_path: Path) -> None:
    result = _cli(str(tmp_path / "nowhere"))
    assert result.returncode == 2 and "not a directory" in result.stderr


def test_checks_never_write(tmp_path: Path) -> None:
    docs = docs_copy(tmp_path)
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    (docs / "memorandum.en.md").write_text("# x\n", "utf-8")
    before[docs / "memorandum.en.md"] = b"# x\n"
    _cli("docs", cwd=tmp_path)
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("old,new,expected", [
    # A fault deep in a list is placed at its own line: the second signatory's English name.
    ("      en: Lord Vallance of Balham (Patrick Vallance)\n", "", [(64, 5, "signatories.1.name: 'en' is a required property")]),
    ("  - party: dsit\n", "  - party: DSIT\n", [(60, 12, "signatories.1.party: expected a lower-case id such as agreement-1994, found 'DSIT'")]),
    ("    date: 2023-05-18\n", "    date: 2023-13-18\n", [(95, 11, "instruments.1.date: expected a real date (YYYY, YYYY-MM or YYYY-MM-DD), found '2023-13-18'")]),
])
def test_metadata_faults_in_lists_are_placed(tmp_path: Path, old: str, new: str, expected) -> None:
    docs = docs_copy(tmp_path)
    meta = docs / "_data/memorandum.yml"
    text = meta.read_text("utf-8")
    assert old in text
    meta.write_text(text.replace(old, new, 1), "utf-8")
    assert [(f.line, f.col, f.message) for f in cli.run(docs, root=tmp_path) if f.code == "STR003"] == expected


@pytest.mark.parametrize("value,lang,expected", [
    ("2025-04-28", "ja", "2025 年 4 月 28 日"), ("1994-06", "en", "June 1994"), ("2023", "en", "2023"), ("2023", "ja", "2023 年"),
])
def test_format_date(value: str, lang: str, expected: str) -> None:
    from checks.model import metadata
    assert metadata.format_date(value, lang) == expected


def test_format_date_rejects_what_is_not_a_date() -> None:
    from checks.model import metadata
    with pytest.raises(ValueError, match="not an ISO date: '28 April'"):
        metadata.format_date("28 April", "en")
    assert not metadata.real_date("2025-02-30") and metadata.real_date("2024-02-29") and not metadata.real_date(None)


# Front matter against checks/frontmatter.schema.json: (page, old, new, exact findings).
FRONT_MATTER_FAULTS = [
    ("about.en.md", "title: About this site", "title: About this site\ndate: 2025-02-30",
     [("docs/about.en.md", 3, 7, "STR002", "front matter: date: expected a real date (YYYY, YYYY-MM or YYYY-MM-DD), found '2025-02-30'")]),
    ("about.ja.md", "title: このサイトについて", "title: [このサイト, について]",
     [("docs/about.ja.md", 2, 8, "STR002", "front matter: title: expected string, found list 'list'")]),
    ("index.en.md", "title: Home", "title: Home\nsearch: {boost: high}",
     [("docs/index.en.md", 3, 17, "STR002", "front matter: search.boost: expected number, found str 'high'")]),
    ("glossary.ja.md", "title: 用語集", "title: 用語集\nhide: [sidebar]",
     [("docs/glossary.ja.md", 3, 8, "STR002", "front matter: hide.0: 'sidebar' is not one of ['navigation', 'toc', 'footer', "
                                              "'feedback', 'path', 'tags']")]),
]


@pytest.mark.parametrize("file,old,new,expected", FRONT_MATTER_FAULTS, ids=[f"{f[0]}-{f[3][0][4][14:30]}" for f in FRONT_MATTER_FAULTS])
def test_front_matter_is_validated(tmp_path: Path, file: str, old: str, new: str, expected) -> None:
    docs = docs_copy(tmp_path)
    page = docs / file
    text = page.read_text("utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), "utf-8")
    assert [tuple(f) for f in cli.run(docs, root=tmp_path) if f.code == "STR002"] == expected


@pytest.mark.parametrize("text,expected", [
    ("3", 3), ("３", 3), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("百", 0),
])
def test_numerals_in_references(text: str, expected: int) -> None:
    from checks.find.refs import number
    assert number(text) == expected


@pytest.mark.parametrize("expected, found, result", [
    ("abc", [("a", 1, 1), ("b", 1, 2), ("c", 1, 3)], None),
    ("abc", [("a", 1, 1), ("x", 2, 5), ("c", 2, 6)],
     (2, 5, "text differs from the signed source after 'a': expected 'bc', found 'xc'")),
    # the text ends early: the place just after its last character
    ("abc", [("a", 1, 1), ("b", 1, 2)], (1, 3, "text differs from the signed source after 'ab': expected 'c', found '(end of text)'")),
    ("ab", [("a", 1, 1), ("b", 1, 2), ("c", 4, 7)], (4, 7, "text differs from the signed source after 'ab': expected '(end of text)', found 'c'")),
    ("abc", [], (1, 1, "text differs from the signed source at its start: expected 'abc', found '(end of text)'")),
    ("xbc", [("a", 3, 2), ("b", 3, 3)], (3, 2, "text differs from the signed source at its start: expected 'xbc', found 'ab'")),
    ("a c", [("a", 1, 1), ("\u3000", 1, 2), ("c", 1, 3)],
     (1, 2, "text differs from the signed source after 'a': expected ' c', found '\\u3000c' (spaces are text: expected "
            "U+0020 SPACE, found U+3000 IDEOGRAPHIC SPACE)")),
])
def test_the_first_difference_from_the_signed_text_is_placed_and_shown(expected: str, found: list, result) -> None:
    from checks.rules import fidelity
    assert fidelity.compare(expected, found) == result
