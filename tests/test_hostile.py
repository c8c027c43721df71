"""Hostile text and input: invisible and look-alike characters (UNI), resources from other
hosts (SAF006), and YAML that never finishes loading or hides a duplicate key."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from checks import Finding, cli
from checks.model import active, metadata
from checks.rules import safety, unicode
from checks.model.corpus import load as load_corpus
from checks.model.page import Page
from conftest import ROOT, docs_copy

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"


def _findings(docs: Path, codes: tuple[str, ...]) -> list[str]:
    return [str(f) for f in cli.run(docs, root=docs.parent) if f.code.startswith(codes)]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


# --- UNI: characters a reader cannot see or tell apart -------------------------

# (case, file, text replaced, replacement, findings expected: (columns after the replaced text's start, message))
BIDI = "expected none (it can show text in another order than it is stored)"
UNSEEN = "expected none (a reader cannot see it)"
UNI_FAULTS = [
    ("a right-to-left override in an English provision", "memorandum.en.md", "the Sides", "the \u202eSides\u202c",
     [(4, f"UNI001 bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE: {BIDI}"),
      (10, f"UNI001 bidirectional control U+202C POP DIRECTIONAL FORMATTING: {BIDI}")]),
    ("an isolate in a Japanese page", "about.ja.md", "覚書", "覚\u2067書",
     [(1, f"UNI001 bidirectional control U+2067 RIGHT-TO-LEFT ISOLATE: {BIDI}")]),
    ("a zero-width space splitting a word", "about.en.md", "memorandum", "memo\u200brandum",
     [(4, f"UNI002 invisible character U+200B ZERO WIDTH SPACE: {UNSEEN}")]),
    ("a byte order mark inside a page", "index.ja.md", "量子", "量\ufeff子",
     [(1, f"UNI002 invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE: {UNSEEN}")]),
    ("a soft hyphen", "about.en.md", "translation", "tr\u00adanslation",
     [(2, f"UNI002 invisible character U+00AD SOFT HYPHEN: {UNSEEN}")]),
    ("a control character in the metadata", "_data/memorandum.yml", "London", "Lon\x08don",
     [(3, f"UNI002 invisible character U+0008 <control>: {UNSEEN}")]),
    ("a Cyrillic letter in a Latin name", "about.en.md", "Vallance", "V\u0430llance",
     [(0, "UNI003 mixed-script word 'V\u0430llance': U+0430 CYRILLIC SMALL LETTER A among Latin letters: "
          "expected one script per word")]),
    ("a Greek omicron in the English text", "memorandum.en.md", "Cooperation", "C\u03bfoperation",
     [(0, "UNI003 mixed-script word 'C\u03bfoperation': U+03BF GREEK SMALL LETTER OMICRON among Latin letters: "
          "expected one script per word")]),
    ("a tag character in a comment", "about.en.md", "memorandum", "memorandum<!-- \U000e0041 -->",
     [(15, f"UNI002 invisible character U+E0041 TAG LATIN CAPITAL LETTER A: {UNSEEN}")]),
    ("a stray variation selector", "about.en.md", "memorandum", "memorandum\ufe01",
     [(10, "UNI002 variation selector U+FE01 VARIATION SELECTOR-2 not after a CJK ideograph or a symbol: expected none here")]),
]


def _place(path: Path, old: str) -> tuple[int, int]:
    text = path.read_text("utf-8")
    at = text.index(old)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


@pytest.mark.parametrize("case, name, old, new, expected", UNI_FAULTS, ids=[f[0] for f in UNI_FAULTS])
def test_hostile_characters_are_named(tmp_path: Path, case: str, name: str, old: str, new: str, expected) -> None:
    docs = docs_copy(tmp_path)
    line, col = _place(docs / name, old)
    _edit(docs / name, old, new)
    assert _findings(docs, ("UNI",)) == [f"docs/{name}:{line}:{col + offset}: {message}" for offset, message in expected]


# (case, text): what a language or an editor needs, and none is a finding.
UNI_LEGITIMATE = [
    ("a byte order mark at the start", "\ufeff# Title\n"),
    ("Windows line ends", "line one\r\nline two\r\n"),
    ("ideographic and no-break spaces", "第 1 条\u3000協力分野\u00a0(a)\n"),
    ("a kanji in a variant form (IVS)", "葛\U000e0100城市\n"),
    ("an emoji with its presentation selector", "\u00a9\ufe0f 2026, \u2764\ufe0f\n"),
    ("an emoji sequence with a joiner", "\U0001f469\u200d\U0001f52c\n"),
    ("a Greek letter in Japanese prose", "α線と β線\n"),
    ("a Greek word", "Ελλάδα\n"),
    ("Latin with diacritics", "Balham, café, naïve, Ōsaka\n"),
    ("full-width Latin in Japanese", "ＤＳＩＴ（英国）\n"),
    ("tabs", "a\tb\n"),
]


@pytest.mark.parametrize("case, text", UNI_LEGITIMATE, ids=[c[0] for c in UNI_LEGITIMATE])
def test_what_a_language_needs_is_no_finding(case: str, text: str) -> None:
    assert list(unicode.scan(text)) == []


def test_the_real_docs_have_no_hostile_character() -> None:
    assert _findings(ROOT / "docs", ("UNI",)) == []


def test_the_scan_is_linear_on_a_long_line() -> None:
    # A megabyte of look-alike letters in one word, then of invisible characters: no quadratic walk.
    word = "a" + "\u0430" * 1_000_000
    start = time.perf_counter()
    found = list(unicode.scan(word))
    assert len(found) == 1 and found[0][1] == "UNI003"
    assert len(list(unicode.scan("\u200b" * 100_000))) == 100_000
    assert time.perf_counter() - start < 30  # a bound against a hang, not a speed test (bench has the ratios)


# --- SAF006: resources from another host -----------------------------------

# (case, Markdown added to about.en.md, findings expected: (column, message))
EXTERNAL = [
    ("a Markdown image", "![logo](https://cdn.example/logo.png)",
     [(9, "SAF006 image 'https://cdn.example/logo.png' loads from another host (cdn.example): expected a file of this site")]),
    ("a protocol-relative image", "<img src=\"//cdn.example/x.png\" alt=\"x\">",
     [(11, "SAF006 <img src='//cdn.example/x.png'> loads from another host (cdn.example): expected a file of this site")]),
    ("a srcset", "<img src=\"x.png\" srcset=\"x.png 1x, https://cdn.example/x2.png 2x\" alt=\"x\">",
     [(36, "SAF006 <img srcset='https://cdn.example/x2.png'> loads from another host (cdn.example): expected a file of this site")]),
    ("a reference-style image", "![logo][l]\n\n[l]: https://cdn.example/logo.png",
     [(1, "SAF006 image 'https://cdn.example/logo.png' loads from another host (cdn.example): expected a file of this site")]),
]


@pytest.mark.parametrize("case, markdown, expected", EXTERNAL, ids=[e[0] for e in EXTERNAL])
def test_a_resource_from_another_host_is_named(tmp_path: Path, case: str, markdown: str, expected) -> None:
    docs = docs_copy(tmp_path)
    page = docs / "about.en.md"
    line = len(page.read_text("utf-8").splitlines()) + 2
    page.write_text(page.read_text("utf-8") + "\n" + markdown + "\n", "utf-8")
    assert [str(f) for f in cli.run(docs, root=docs.parent) if f.code == "SAF006"] == [
        f"docs/about.en.md:{line}:{col}: {message}" for col, message in expected]


@pytest.mark.parametrize("tag, attrs, expected", [
    ("img", [("src", "https://cdn.example/a.png")], ["<img src='https://cdn.example/a.png'> loads from another host (cdn.example)"]),
    ("iframe", [("src", "https://video.example/")], ["<iframe src='https://video.example/'> loads from another host (video.example)"]),
    ("link", [("rel", "stylesheet"), ("href", "https://fonts.example/a.css")],
     ["<link href='https://fonts.example/a.css'> loads from another host (fonts.example)"]),
    ("link", [("rel", "alternate"), ("href", "https://other.example/en/")], []),  # a link, not a load
    ("form", [("action", "https://collect.example/")], ["<form action='https://collect.example/'> loads from another host (collect.example)"]),
    ("video", [("poster", "HTTPS://img.example/p.jpg")], ["<video poster='HTTPS://img.example/p.jpg'> loads from another host (img.example)"]),
    ("a", [("href", "https://www.cao.go.jp/")], []),  # a link the reader follows
    ("img", [("src", "assets/logo.png")], []),
    ("img", [("src", "https://moc.example/logo.png")], []),  # the site's own host
], ids=["img", "iframe", "stylesheet", "alternate", "form", "poster", "anchor", "relative", "own-host"])
def test_what_an_element_loads_is_judged_by_its_host(tag: str, attrs, expected: list[str]) -> None:
    found = [v.message.split(": expected")[0] for v in safety.external(tag, attrs, own_hosts={"moc.example"})]
    assert found == expected


def test_a_built_page_that_loads_from_another_host_is_named(tmp_path: Path) -> None:
    from checks.verify import output
    html = ('<html><head><link rel="stylesheet" href="https://fonts.example/a.css"></head><body>'
            '<div class="md-content__inner"><p>x<img src="https://cdn.example/a.png" alt=""></p></div></body></html>')
    found = [v.message for v in output.read(html).unsafe if v.code == "SAF006"]
    assert found == ["<link href='https://fonts.example/a.css'> loads from another host (fonts.example): expected a file of this site",
                     "<img src='https://cdn.example/a.png'> loads from another host (cdn.example): expected a file of this site"]


# --- YAML: aliases and duplicate keys ------------------------------------------

ALIAS_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.mark.parametrize("text, expected", [
    (ALIAS_BOMB, (2, 8, "alias '*a' found: anchors and aliases are not allowed in the site's data")),
    ("a: 1\nb: 2\na: 3\n", (3, 1, "duplicate key 'a' (first on line 1): expected each key once")),
    ("x:\n  y: 1\n  z:\n    k: 1\n    k: 2\n", (5, 5, "duplicate key 'k' (first on line 4): expected each key once")),
    ("- {p: 1, p: 1}\n", (1, 10, "duplicate key 'p' (first on line 1): expected each key once")),
    ("base: &b {x: 1}\nmore:\n  <<: *b\n", (3, 7, "alias '*b' found: anchors and aliases are not allowed in the site's data")),
], ids=["alias bomb", "top-level duplicate", "nested duplicate", "flow duplicate", "merge key"])
def test_yaml_refuses_aliases_and_duplicate_keys(text: str, expected: tuple[int, int, str]) -> None:
    with pytest.raises(metadata.YAMLRefused) as caught:
        metadata.read_yaml(text)
    exc = caught.value
    assert (exc.problem_mark.line + 1, exc.problem_mark.column + 1, exc.problem) == expected


def test_yaml_reads_what_the_site_writes() -> None:
    data, node = metadata.read_yaml("a: 1\nb: [x, y]\nc: {d: 2025-04-28}\nkeys: {1: a, '1': b}\n")
    assert data == {"a": 1, "b": ["x", "y"], "c": {"d": "2025-04-28"}, "keys": {1: "a", "1": "b"}}
    assert node is not None


def test_a_text_read_twice_is_composed_once_and_each_caller_gets_its_own_data() -> None:
    text = "signed:\n  date: 2025-04-28\nnotes: [x]\n"
    first, node = metadata.read_yaml(text)
    first["notes"].append("changed by a caller")
    first["signed"]["date"] = "1999-01-01"
    second, again = metadata.read_yaml(text)
    assert again is node  # the memo's composition
    assert second == {"signed": {"date": "2025-04-28"}, "notes": ["x"]}
    assert second is not first and second["notes"] is not first["notes"]
    # A refusal is not memoised: the same text refused again, with its place.
    for _ in range(2):
        with pytest.raises(metadata.YAMLRefused):
            metadata.read_yaml("a: 1\na: 2\n")


def test_many_yaml_texts_do_not_crowd_the_files_memo_out() -> None:
    """Every page's front matter is YAML: reading them must not empty the memo of the files every
    hook reads (the metadata, the memorandum pages), which starts afresh when it is full."""
    from checks.model import cache
    key = ("test", "a file", "its hash")
    cache.by_key(key, lambda: "parsed once")
    for n in range(3 * cache.LIMIT):
        metadata.read_yaml(f"title: page {n}\n")
    assert cache.known(key)


@pytest.mark.parametrize("target, code", [
    ("_data/memorandum.yml", "STR003"),
    ("_data/translation-lock.yml", "TRL005"),
    ("_data/accessibility.yml", "STR006"),
    ("about.en.md", "STR002"),
], ids=["metadata", "lock", "accessibility", "front matter"])
def test_an_alias_bomb_anywhere_is_a_finding_in_bounded_time(tmp_path: Path, target: str, code: str) -> None:
    docs = docs_copy(tmp_path)
    path = docs / target
    if target.endswith(".md"):
        text = path.read_text("utf-8")
        body = text.split("---\n", 2)[2]
        path.write_text("---\n" + ALIAS_BOMB + "---\n" + body, "utf-8")
        line = 3
    else:
        path.write_text(ALIAS_BOMB + path.read_text("utf-8"), "utf-8")
        line = 2
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "checks", str(docs)], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    elapsed = time.perf_counter() - start
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"docs/{target}:{line}:8: {code} " in result.stdout and "alias '*a' found" in result.stdout, result.stdout[-2000:]
    assert elapsed < 10  # the bound is 2 s on an idle machine; this one may be busy


def test_a_duplicate_key_in_the_metadata_is_a_finding(tmp_path: Path) -> None:
    docs = docs_copy(tmp_path)
    meta = docs / "_data/memorandum.yml"
    text = meta.read_text("utf-8")
    meta.write_text(text + "signed:\n  place: Paris\n", "utf-8")
    first = text[:text.index("\nsigned:")].count("\n") + 2
    line = len(text.splitlines()) + 1
    assert f"docs/_data/memorandum.yml:{line}:1: STR003 invalid YAML: duplicate key 'signed' (first on line {first}): " \
           "expected each key once" in _findings(docs, ("STR",))


def test_the_files_memo_lets_the_entry_used_longest_ago_go() -> None:
    """Full, the memo drops one entry, the one used longest ago, not all of them: an entry read often
    (the metadata, read by every page) stays however many others pass through."""
    from checks.model import cache
    made: list[str] = []
    often = ("test", "read often", "hash")
    rarely = ("test", "read once", "hash")
    cache.by_key(rarely, lambda: made.append("rarely") or "r")
    for n in range(3 * cache.LIMIT):
        assert cache.by_key(often, lambda: made.append("often") or "o") == "o"
        cache.by_key(("test", f"other {n}", "hash"), lambda: "x")
    assert made == ["rarely", "often"] and cache.known(often) and not cache.known(rarely)
    assert sum(cache.known(("test", f"other {n}", "hash")) for n in range(3 * cache.LIMIT)) == cache.LIMIT - 1
