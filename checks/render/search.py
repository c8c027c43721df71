"""One search index per language, in which the memorandum's provisions come first.

Material's search plugin indexes a page by headings and mkdocs-static-i18n
writes one index for both languages. After both languages are built, this
hook rewrites it:

* each memorandum section entry becomes one entry per provision
  (``memorandum/#article-2-3`` titled 「第 2 条 2.3」) with the provision's
  own text, boosted above the editorial pages that summarise it;
* every entry gets a ``keywords`` field (``checks.find.searchterms``): the
  synonyms of the metadata's ``search_synonyms`` (provisions only), US
  spellings, dates as typed and the kanji pairs of Japanese compounds;
* each language gets its own index, ``/search/`` for Japanese and
  ``/en/search/`` for English (``overrides/main.html`` points the English
  pages at theirs), so a search never returns the other language.

Japanese is not cut by a statistical segmenter (TinySegmenter cuts
日英科学技術協力合同委員会 into 日英科学技|術協|力合|同|委員|会, and the query
合同委員会 differently): words are split at spaces, punctuation, changes
between kanji or kana and katakana, and changes between words of two kanji or
more and hiragana (the same ``SEPARATOR`` cuts the query), and a compound is
found by any of its parts through its endings (``checks.find.searchterms``). The index's ``lang`` is
therefore ``en`` (lunr's base pipeline, emptied for Japanese), not ``ja``.

The search box cuts a typed run of kanji at the index's words with Material's
worker (its ``segment``), which looks up every part of the run but the one
that ends it (``j < query.length``): 量子産業 was searched as 量子 and
新たに特定する協力分野 as …協力. The site serves Material's worker with that
bound made inclusive (``fixed_worker``), under a name of its own, and the
pages' configuration points at it (``overrides/main.html``). The same worker
also names lunr's word-set nodes so that two never share a name: with the
checksums and dates of the verify page, Material's merged two and a search for
``28`` (or 「28 April 2025」) threw and found nothing (``FIXES``). When an
upgrade of Material changes either piece of code, the strict build fails and
says which.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable

from checks.engine import get_plugin_logger
from checks.find import searchterms
from checks.model import document, languages, site
from checks.render.exports import write_built

log = get_plugin_logger("hooks/search")

PREFIX = site.PREFIX
PROVISION_BOOST = 8.0  # a provision against an editorial page (1) that mentions it
ARTICLE_BOOST = 1.0  # an article's heading only groups its paragraphs
FIELDS = {"title": {"boost": 4.0}, "text": {"boost": 1.0}, "keywords": {"boost": 1.0}}
KANJI, KATAKANA, HIRAGANA = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006", r"\u30a0-\u30ff\uff66-\uff9f", r"\u3041-\u309f"
# Blanks and punctuation, a change from or to katakana, and a change between a
# word of two kanji or more and hiragana: 書面で通知することにより is read as
# 書面 / で / 通知 / することにより, in the index and in the query alike, so a
# phrase typed with its particles and verb endings finds its provision. A single
# kanji stays with its kana (の日から, 関する): one-kanji words in the index would
# make the search box cut kanji queries down to them.
SEPARATOR = ("[\\s\\-\u3000、。，．・：；「」『』（）［］【】]+"
             f"|(?<=[{KANJI}{HIRAGANA}])(?=[{KATAKANA}])|(?<=[{KATAKANA}])(?=[{KANJI}{HIRAGANA}])"
             f"|(?<=[{KANJI}]{{2}})(?=[{HIRAGANA}])|(?<=[{HIRAGANA}])(?=[{KANJI}]{{2}})")


# Material's search worker, and what the site changes in it. Each fix must
# match Material's minified source exactly once; when an upgrade of Material
# changes it, the strict build fails with the fix's name and what a reader
# would lose.
SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*$")
WORKERS = Path("assets") / "javascripts" / "workers"


@dataclass(frozen=True)
class WorkerFix:
    """One change to Material's worker: the code it finds, how it changes it, what a reader loses without it."""
    name: str
    pattern: re.Pattern[str]
    replace: Callable[[re.Match[str]], str]
    loss: str


# The search box cuts a typed run of kanji at the index's words
# (``for(let j=i+1;j<q.length;j++)q.slice(i,j)in index``) but never looks up
# the part that ends the run: the bound is made inclusive.
SEGMENT_LOOP = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in \w+")
# lunr's TokenSet names a node by its finality and, for each edge, its
# character and the target node's number run together (``"0" + "2" + 15``), so
# two different nodes can get one name (``0``+``2``+``15``+``3``+``4`` and
# ``0``+``2``+``1``+``5``+``34``) once the index holds words with digits (dates,
# checksums). Minimising the set then merges them: it holds words the index
# does not, and a query that expands to one (``28`` with the checksum
# ``28d5…``) throws and finds nothing. A comma after each number ends it.
TOKENSET_NAME = re.compile(r"(TokenSet\.prototype\.toString=function\(\)\{if\(this\._str\)return this\._str;"
                           r"for\(var (\w+)=this\.final\?\"1\":\"0\",[^{}]*\{var (\w+)=\w+\[\w+\],(\w+)=this\.edges\[\3\];)"
                           r"\2=\2\+\3\+\4\.id\}")
FIXES = (
    WorkerFix("segmentation loop `for(let j=i+1;j<q.length;j++)q.slice(i,j)in index`", SEGMENT_LOOP,
              lambda m: m[0].replace(f"{m[1]}<{m[3]}.length", f"{m[1]}<={m[3]}.length", 1),
              "a typed run of kanji would lose its last word"),
    WorkerFix("TokenSet name `e=e+label+node.id`", TOKENSET_NAME,
              lambda m: f'{m[1]}{m[2]}={m[2]}+{m[3]}+{m[4]}.id+","}}',
              "a query that expands to a word with digits would throw and find nothing"),
)


class WorkerChanged(ValueError):
    """Material's search worker no longer holds, once, the code a fix of the site changes."""


def fixed_worker(source: str) -> str:
    """Material's search worker with the site's ``FIXES`` applied, each to the one place it fits.

    Its source map (which describes Material's file) is not referred to."""
    fixed = source
    for fix in FIXES:
        found = len(fix.pattern.findall(fixed))
        if found != 1:
            raise WorkerChanged(f"expected one {fix.name}, found {found}; {fix.loss}")
        fixed = fix.pattern.sub(fix.replace, fixed)
    return SOURCE_MAP.sub("\n", fixed)


def worker_name(text: str) -> str:
    """The fixed worker's file name, from its content (``search.<8 hex>.min.js``, as Material names its own)."""
    return f"search.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.min.js"


def material_worker(theme_dirs: list[str]) -> Path | None:
    """Material's search worker among the theme's folders (the first one found)."""
    for folder in theme_dirs:
        found = sorted((Path(folder) / WORKERS).glob("search.*.min.js"))
        if found:
            return found[0]
    return None


class _Text(HTMLParser):
    """The text of an index entry's HTML, read by a parser (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return " ".join(parser.parts)


def provision_entries(doc: document.Document, lang: str, synonyms: list[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """One index entry per provision of a memorandum page."""
    page = f"{PREFIX[lang]}{site.MEMORANDUM}/"
    out = []
    for p in doc.provisions:
        if p.kind == "title":
            continue
        article = p.kind in ("article", "preamble")
        entry = {"location": f"{page}#{p.id}", "title": html.escape(document.label(p.id, lang)),
                 "text": f"<p>{html.escape(p.text)}</p>",
                 "keywords": searchterms.keywords(p.text, lang, () if article else synonyms),
                 "boost": ARTICLE_BOOST if article else PROVISION_BOOST}
        out.append(entry)
    return out


def lang_of(location: str) -> str:
    """The language of an index entry, from its location's prefix."""
    return next((lg for lg in sorted(PREFIX, key=lambda lg: -len(PREFIX[lg])) if location.startswith(PREFIX[lg])),
                site.DEFAULT_LANG)


def rewrite(index: dict[str, Any], docs: dict[str, document.Document],
            synonyms: list[dict[str, Any]] = ()) -> dict[str, Any]:
    """The index with memorandum sections replaced by provisions, and keywords on every entry (idempotent)."""
    entries = []
    for entry in index["docs"]:
        location = entry["location"]
        lang = lang_of(location)
        if not location.startswith(f"{PREFIX[lang]}{site.MEMORANDUM}/"):
            text = text_of(f"{entry.get('title', '')} {entry.get('text', '')}")
            entries.append({**entry, "keywords": searchterms.keywords(text, lang)})
        elif "#" not in location:
            entries.append({**entry, "text": "", "keywords": ""})  # the page groups its provisions
            entries.extend(provision_entries(docs[lang], lang, synonyms))
    return {**index, "docs": entries}


def only(index: dict[str, Any], lang: str) -> dict[str, Any]:
    """One language's entries, located relative to that language's root (``en/``), with its own settings."""
    prefix = PREFIX[lang]
    docs = [{**e, "location": e["location"][len(prefix):]} for e in index["docs"] if lang_of(e["location"]) == lang]
    config = {**index.get("config", {}), "lang": list(languages.profile(lang).search_lunr), "separator": SEPARATOR,
              "pipeline": list(languages.profile(lang).search_pipeline),
              "fields": FIELDS}
    return {**index, "config": config, "docs": docs}


def _write(path: Path, index: dict[str, Any]) -> None:
    write_built(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
