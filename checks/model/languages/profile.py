"""The shape of a language profile (one instance per language, in ja.py and en.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

Pattern = re.Pattern[str]


@dataclass(frozen=True)
class Profile:
    code: str  # BCP 47, as the pages' lang attributes and file suffixes write it
    name: str  # the language's own name
    lang3: str  # ISO 639-2, as Akoma Ntoso names languages
    spaced: bool  # words are separated by blanks (compared by word, matched as whole words)
    joiner: str  # how the source lines of one provision join into its text
    quote: str  # how a message quotes a name in this language: '「{}」'
    list_sep: str  # between items of a list of links
    names_join: str  # between the names of the Sides
    detail_sep: str  # between a method and its detail
    title_end: str  # after an article's number in its heading
    heading_form: str  # an article heading as a message describes it
    article_heading: Pattern  # an article's heading: groups num, title
    labels: Mapping[str, str]  # a provision's name by kind, with {a} (article) and {n} (number)
    format_date: Callable[[str, str, str], str]  # (year, month or '', day or '') -> the date as written
    date: Pattern  # every form a date is written in (see checks.find.dates)
    duration: Pattern  # a period in months: group n
    digits: Pattern  # numbers as figures
    reference: Pattern  # a reference to a provision (see checks.find.refs)
    negation: Pattern  # a statement's negation
    may: Pattern  # a permission
    originals: Pattern  # a number of originals: group n (or dup)
    binding: Pattern  # a statement of legal force
    signed_at: Pattern  # "signed in <place>": group place
    department: Pattern  # a government department's name
    notices: Mapping[str, Pattern]  # the site's notices as this language words them, by notice
    other_script: Pattern  # a run of the other language's script on this language's pages
    font: str  # the PDF's font stack
    ui: Mapping[str, Any]  # strings the pages, PDFs and exports show, by where they are shown
    number_words: Mapping[str, int] = field(default_factory=dict)  # 'three' -> 3
    months: tuple[str, ...] = ()  # month names, January first
    eras: Mapping[str, int] = field(default_factory=dict)  # an era's name -> its first year
    binding_negative: frozenset[str] = frozenset()  # verbs of BINDING that deny legal force
    negation_before: Pattern | None = None  # a negation shortly before a statement of legal force
    other_instrument_before: Pattern | None = None  # "… 協定の" before a reference to another instrument
    other_instrument_after: Pattern | None = None  # "of the 1994 Agreement" after one
    leading_article: Pattern | None = None  # an article a name may open with: "the Agreement"
    run_needs: Pattern | None = None  # a run of the other script is marked only if it holds this
    unmarked_tags: frozenset[str] = frozenset()  # elements whose text keeps the page's language
    guard_titles: bool = False  # near-misses of titles and Sides' names are told from ordinary words
    search_pipeline: tuple[str, ...] = ()  # lunr's pipeline for this language's index
    search_lunr: tuple[str, ...] = ()  # lunr's languages for this language's index
