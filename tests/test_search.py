"""Search terms and the per-language indexes, without a browser (the browser measures recall)."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from checks.find import searchterms
from checks.model import document, metadata, site
from checks.model.site import LANGS, PREFIX
from conftest import ROOT, hook, render

search = render("search")
DOCS = {lang: document.load(site.memorandum_path(ROOT / "docs", lang)) for lang in site.LANGS}
SYNONYMS = metadata.load(metadata.path_in(ROOT / "docs")).get("search_synonyms")
GROUPS = [{"ja": ["変更", "改正"], "en": ["modification", "amendment"]},
          {"ja": ["終了", "解約"], "en": ["termination", "withdrawal"]}]

# (text, language, the keywords expected, exactly)
KEYWORDS = [
    ("いつでも変更することができる。", "ja", "変更 改正 modification amendment 変更"),
    ("本覚書を終了させる", "ja", "終了 解約 termination withdrawal 本覚書 覚書"),
    ("a modification at any time", "en", "変更 改正 modification amendment"),
    ("may be modified at any time", "en", ""),
    ("Modification and Termination", "en", "変更 改正 modification amendment 終了 解約 termination withdrawal"),
    ("an unmodified text", "en", ""),
    ("standardisation and commercialisation of the centre", "en", "standardization commercialization center"),
    ("behaviour, labour, our hour, four", "en", "behavior labor"),
    ("otherwise a promise", "en", ""),
    ("1994 年 6 月に署名", "ja", "1994年 1994年6月 署名"),
    ("2025 年 4 月 28 日", "ja", "2025年 2025年4月 2025年4月28日"),
    ("日英科学技術協力合同委員会", "ja",
     "日英科学技術協力合同委員会 英科学技術協力合同委員会 科学技術協力合同委員会 学技術協力合同委員会 技術協力合同委員会 "
     "術協力合同委員会 協力合同委員会 力合同委員会 合同委員会 同委員会 委員会 員会"),
    ("ベンチャーキャピタルファンド", "ja",
     "ベンチャーキャピタルファンド ンチャーキャピタルファンド チャーキャピタルファンド ャーキャピタルファンド "
     "ーキャピタルファンド キャピタルファンド ャピタルファンド ピタルファンド タルファンド ルファンド ファンド ァンド ンド"),
    ("日の本", "ja", ""),
]


@pytest.mark.parametrize("text, lang, expected", KEYWORDS, ids=[f"{k[1]}-{i}" for i, k in enumerate(KEYWORDS)])
def test_keywords(text: str, lang: str, expected: str) -> None:
    assert searchterms.keywords(text, lang, GROUPS) == " ".join(dict.fromkeys(expected.split()))


def test_synonyms_match_words_not_parts_of_words_in_english() -> None:
    assert searchterms.uses("The termination of", "en", "terminat")
    assert not searchterms.uses("determination", "en", "terminat")
    assert searchterms.uses("協力覚書の終了は", "ja", "終了")


def test_one_letter_kanji_never_enter_the_index() -> None:
    """The search box cuts a kanji query at the index's words: a one-kanji word would cut 変更 down to 変."""
    for lang, doc in DOCS.items():
        for p in doc.provisions:
            words = searchterms.keywords(p.text, lang, SYNONYMS).split()
            assert not [w for w in words if re.fullmatch(r"[\u4e00-\u9fff]", w)], p.id


def _index() -> dict:
    docs = [{"location": "", "title": "ホーム", "text": "<p>本覚書は法的拘束力を持たない。</p>"},
            {"location": "memorandum/", "title": "本文", "text": "x"},
            {"location": "memorandum/#article-2", "title": "第 2 条", "text": "y"},
            {"location": "en/", "title": "Home", "text": "<p>Not legally binding.</p>"},
            {"location": "en/memorandum/", "title": "Text", "text": "z"}]
    return {"config": {"lang": ["ja", "en"], "separator": "x", "pipeline": ["trimmer"]}, "docs": docs}


def test_each_language_gets_its_own_index_with_provisions_boosted() -> None:
    rewritten = search.rewrite(_index(), DOCS, SYNONYMS)
    assert search.rewrite(rewritten, DOCS, SYNONYMS) == rewritten  # idempotent
    for lang in site.LANGS:
        index = search.only(rewritten, lang)
        assert index["config"]["lang"] == ["en"] and index["config"]["separator"] == search.SEPARATOR
        assert index["config"]["pipeline"] == {"ja": [], "en": ["trimmer"]}[lang]  # no trimmer for Japanese
        locations = [d["location"] for d in index["docs"]]
        assert not any(loc.startswith("en/") for loc in locations)
        provisions = [d for d in index["docs"] if d["location"].startswith("memorandum/#")]
        assert [d["location"].split("#")[1] for d in provisions] == [p.id for p in DOCS[lang].provisions if p.kind != "title"]
        ranks = {d["location"].split("#")[1]: d["boost"] for d in provisions}
        assert ranks["article-2-3"] == search.PROVISION_BOOST > ranks["article-2"] == search.ARTICLE_BOOST
        page = next(d for d in index["docs"] if d["location"] == "memorandum/")
        assert page["text"] == "" and "boost" not in page
        home = next(d for d in index["docs"] if d["location"] == "")
        assert "boost" not in home and "modification" not in home["keywords"]
        by_id = {d["location"].split("#")[1]: d for d in provisions}
        assert "amendment" in by_id["article-2-3"]["keywords"] and "改正" in by_id["article-2-3"]["keywords"]
        assert "amendment" not in by_id["article-2"]["keywords"]  # an article's heading gets no synonyms


@pytest.mark.parametrize("text, expected", [
    ("本覚書は、ベンチャーキャピタルファンドとの連携（DSIT） 1994 年",
     ["本覚書", "は", "ベンチャーキャピタルファンド", "との", "連携", "DSIT", "1994", "年"]),
    ("3 か月前までに書面で通知することにより", ["3", "か", "月前", "までに", "書面", "で", "通知", "することにより"]),
    ("双方による署名の日から開始される", ["双方", "による", "署名", "の日から", "開始", "される"]),  # one kanji keeps its kana
    ("日英科学技術協力合同委員会", ["日英科学技術協力合同委員会"]),
])
def test_the_separator_cuts_index_and_query_at_script_changes(text: str, expected: list[str]) -> None:
    assert [p for p in re.split(search.SEPARATOR, text) if p] == expected


def test_the_built_indexes_are_one_language_each(site: Path) -> None:
    for lang in LANGS:
        data = json.loads((site / PREFIX[lang] / "search" / "search_index.json").read_text("utf-8"))
        locations = [d["location"] for d in data["docs"]]
        assert locations and not any(loc.startswith("en/") for loc in locations)
        assert "memorandum/#article-2-3" in locations and "parallel/" not in locations
        assert data["config"]["fields"] == search.FIELDS


# The search box's query segmentation, run in Node on a two-entry index: a/ holds
# the words 量子 and 技術, b/ the word 量子産業.
WORKER_INDEX = {"config": {"lang": ["en"], "separator": search.SEPARATOR, "pipeline": [], "fields": search.FIELDS},
                "docs": [{"location": "a/", "title": "A", "text": "<p>量子の技術</p>", "keywords": ""},
                         {"location": "b/", "title": "B", "text": "<p>量子産業の発展</p>", "keywords": ""}]}
# lunr's TokenSet.prototype.toString as Material's worker minifies it, and as the site fixes it.
TOKENSET = ('t.TokenSet.prototype.toString=function(){if(this._str)return this._str;for(var e=this.final?"1":"0",'
            'r=Object.keys(this.edges).sort(),n=r.length,i=0;i<n;i++){var s=r[i],o=this.edges[s];e=e+s+o.id}return e},')
TOKENSET_FIXED = TOKENSET.replace("+o.id}", '+o.id+","}')
MATERIAL_WORKER = search.material_worker([str(Path(__import__("material").__file__).parent / "templates")])


def _run_worker(tmp_path: Path, text: str, queries: list[str], index: dict | None = None) -> dict[str, list]:
    """The worker run in Node on ``index``: results per query, invalid queries, phantom and lost words."""
    worker, data, asked = tmp_path / "worker.js", tmp_path / "index.json", tmp_path / "queries.json"
    worker.write_text(text, "utf-8")
    data.write_text(json.dumps(WORKER_INDEX if index is None else index, ensure_ascii=False), "utf-8")
    asked.write_text(json.dumps(queries, ensure_ascii=False), "utf-8")
    run = subprocess.run(["node", str(ROOT / "tests" / "js" / "search_worker.js"), str(worker), str(data), str(asked)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


# (worker, query, the entries found, the first): Material's worker searches
# 量子産業 and 量子技術 as 量子 (both entries, in no telling order); the site's
# looks up the run's last word too.
@pytest.mark.parametrize("fixed, query, expected, first", [
    (True, "量子産業", {"b/"}, "b/"),
    (True, "量子産業の発展", {"a/", "b/"}, "b/"),  # a/ holds の
    (True, "量子技術", {"a/", "b/"}, "a/"),  # 量子* 技術*: a/ holds both
    (True, "量子", {"a/", "b/"}, None),
    (False, "量子産業", {"a/", "b/"}, None),
    (False, "量子技術", {"a/", "b/"}, None),
])
def test_the_sites_worker_looks_up_a_kanji_runs_last_word(tmp_path: Path, fixed: bool, query: str,
                                                         expected: set[str], first: str | None) -> None:
    text = MATERIAL_WORKER.read_text("utf-8")
    run = _run_worker(tmp_path, search.fixed_worker(text) if fixed else text, [query])
    [results] = run["results"]
    assert set(results) == expected and len(results) == len(expected) and run["invalid"] == []
    assert first is None or results[0] == first


# Words of a built index (checksums, dates, Akoma Ntoso paths) on which lunr's
# TokenSet gave two nodes one name: Material's worker holds two words the index
# does not (bdf4219c…ef2, …ef3), and a query that expands to them throws.
DIGIT_WORDS = json.loads((ROOT / "tests/fixtures/search/digit-words.json").read_text("utf-8"))
DIGIT_INDEX = {**WORKER_INDEX, "docs": [{"location": "d/", "title": "D", "text": "<p>" + " ".join(DIGIT_WORDS) + "</p>",
                                         "keywords": ""}]}
DIGIT_QUERIES = ["bdf4219c", "bdf4219c43c4ee0b52d7160b8314bc9615ef6a60957358a8a721ec6ef29d9735", "28", "2c627a25"]


@pytest.mark.parametrize("fixed, phantom, lost, found, invalid", [
    (False, ["bdf4219c43c4ee0b52d7160b8314bc9615ef6a60957358a8a721ec6ef2",
             "bdf4219c43c4ee0b52d7160b8314bc9615ef6a60957358a8a721ec6ef3"],
     ["bdf4219c43c4ee0b52d7160b8314bc9615ef6a60957358a8a721ec6ef29d9735"], [[], [], ["d/"], ["d/"]], ["bdf4219c"]),
    (True, [], [], [["d/"], ["d/"], ["d/"], ["d/"]], []),
])
def test_the_sites_worker_holds_exactly_the_words_with_digits_of_its_index(
        tmp_path: Path, fixed: bool, phantom: list[str], lost: list[str], found: list, invalid: list) -> None:
    text = MATERIAL_WORKER.read_text("utf-8")
    run = _run_worker(tmp_path, search.fixed_worker(text) if fixed else text, DIGIT_QUERIES, DIGIT_INDEX)
    assert (run["phantom"], run["lost"], run["results"], run["invalid"]) == (phantom, lost, found, invalid)


def test_every_word_of_the_built_indexes_is_held_and_found(tmp_path: Path, site: Path) -> None:
    """The fixed worker holds exactly the words of each built index, and every entry is found by a word it holds."""
    worker = search.fixed_worker(MATERIAL_WORKER.read_text("utf-8"))
    for lang in LANGS:
        index = json.loads((site / PREFIX[lang] / "search" / "search_index.json").read_text("utf-8"))
        queries = [search.text_of(e["text"]).split()[0] for e in index["docs"] if search.text_of(e["text"]).split()]
        queries = [q for q in queries if re.fullmatch(r"[\w.]+", q)]
        run = _run_worker(tmp_path, worker, queries, index)
        assert len(queries) >= 10 and (run["phantom"], run["lost"], run["invalid"]) == ([], [], []), lang
        assert all(run["results"]), (lang, [q for q, r in zip(queries, run["results"]) if not r])


@pytest.mark.parametrize("source, expected", [
    ("a;for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);b;" + TOKENSET + "\n//# sourceMappingURL=search.x.min.js.map\n",
     "a;for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);b;" + TOKENSET_FIXED + "\n"),
    ("for(let jj=ii+1;jj<qq.length;jj++)qq.slice(ii,jj)in idx;" + TOKENSET,
     "for(let jj=ii+1;jj<=qq.length;jj++)qq.slice(ii,jj)in idx;" + TOKENSET_FIXED),
    ("for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e;" + TOKENSET,  # already inclusive: Material fixed it
     "expected one segmentation loop `for(let j=i+1;j<q.length;j++)q.slice(i,j)in index`, found 0; "
     "a typed run of kanji would lose its last word"),
    ("for(let o=s+1;o<t.length;o++)t.slice(o,s)in e;" + TOKENSET, "found 0; a typed run of kanji would lose its last word"),
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e;for(let o=s+1;o<t.length;o++)t.slice(s,o)in e;" + TOKENSET,
     "found 2; a typed run of kanji would lose its last word"),
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e;" + TOKENSET_FIXED,  # lunr's own fix
     "expected one TokenSet name `e=e+label+node.id`, found 0; "
     "a query that expands to a word with digits would throw and find nothing"),
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e;" + TOKENSET + TOKENSET, "found 2; a query that expands to a word "
     "with digits would throw and find nothing"),
])
def test_the_worker_fixes_apply_once_each_or_say_what_they_found(source: str, expected: str) -> None:
    try:
        assert search.fixed_worker(source) == expected
    except search.WorkerChanged as problem:
        assert str(problem).endswith(expected)


def test_materials_installed_worker_takes_each_fix_once() -> None:
    """The fixed worker is Material's with two insertions, at the TokenSet name and the loop's bound, and nothing else."""
    text = MATERIAL_WORKER.read_text("utf-8")
    fixed, stripped = search.fixed_worker(text), search.SOURCE_MAP.sub("\n", text)
    first = os.path.commonprefix([stripped, fixed])
    assert first.endswith("e=e+s+o.id") and fixed[len(first):].startswith('+","}return e}')
    rest, fixed_rest = stripped[len(first):], fixed[len(first) + 4:]
    second = os.path.commonprefix([rest, fixed_rest])
    assert second.endswith("<") and fixed_rest[len(second)] == "=" and fixed_rest[len(second) + 1:] == rest[len(second):]
    assert "sourceMappingURL" not in fixed and search.worker_name(fixed) != MATERIAL_WORKER.name


def test_a_material_worker_without_a_fix_fails_the_strict_build_with_a_reason(tmp_path: Path, caplog) -> None:
    theme = tmp_path / "theme"
    (theme / search.WORKERS).mkdir(parents=True)
    (theme / search.WORKERS / "search.0000.min.js").write_text("for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e")
    config = {"extra": {"search_worker": {"stale": 1}}, "theme": SimpleNamespace(dirs=[str(theme)])}
    with caplog.at_level(logging.WARNING):
        hook("search").on_config(config)
    assert "search_worker" not in config["extra"]
    assert [r.getMessage() for r in caplog.records] == [
        f"hooks/search: hooks/search.py: Material's search worker {theme / search.WORKERS / 'search.0000.min.js'}: expected one "
        "segmentation loop `for(let j=i+1;j<q.length;j++)q.slice(i,j)in index`, found 0; a typed run of kanji would "
        "lose its last word. See whether Material has changed that code, and drop or update the fix (checks/render/search.py FIXES)."]


class _Config(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside, self.text = False, ""

    def handle_starttag(self, tag, attrs) -> None:
        self.inside = tag == "script" and ("id", "__config") in attrs

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text += data


def test_every_page_searches_with_the_fixed_worker(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 14
    for page in pages:
        parser = _Config()
        parser.feed(page.read_text("utf-8"))
        settings = json.loads(parser.text)
        assert not settings["base"].startswith("//"), page  # a path of this site, never another host
        url = settings["search"]
        worker = ((site / url[1:]) if url.startswith("/") else (page.parent / url)).resolve()
        assert worker.is_file() and worker.parent == (site / search.WORKERS).resolve(), page
        assert worker.read_text("utf-8") == search.fixed_worker(MATERIAL_WORKER.read_text("utf-8")), page
