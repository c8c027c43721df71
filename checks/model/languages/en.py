"""English: the language of this site's reference translation."""

from __future__ import annotations

import re

from checks.model.languages.profile import Profile

MONTHS = ("January", "February", "March", "April", "May", "June",
          "July", "August", "September", "October", "November", "December")
NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MONTH = "|".join(MONTHS)
_WORDS = "|".join(NUMBER_WORDS)
_SCRIPT = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"  # Japanese


def _date(y: str, mo: str, d: str) -> str:
    """'2025', '4', '28' -> '28 April 2025' (month and day optional)."""
    if d:
        return f"{int(d)} {MONTHS[int(mo) - 1]} {y}"
    if mo:
        return f"{MONTHS[int(mo) - 1]} {y}"
    return y


PROFILE = Profile(
    code="en",
    name="English",
    lang3="eng",
    spaced=True,
    joiner=" ",
    quote='"{}"',
    list_sep=", ",
    names_join=" and ",
    detail_sep=": ",
    title_end=":",
    heading_form="Article N: …",
    # Article 1: Areas of Cooperation
    article_heading=re.compile(r"^Article\s+(?P<num>\d+)\s*[:：.]\s*(?P<title>.*)$"),
    labels={"title": "Title", "preamble": "Preamble", "recital": "Preamble, recital {n}", "article": "Article {a}",
            "intro": "Article {a}, introduction", "item": "Article {a}, area {n}", "paragraph": "Article {a}.{n}",
            "signing-clause": "Signatures", "signatory": "Signatory {n}"},
    format_date=_date,
    months=MONTHS,
    number_words=NUMBER_WORDS,
    date=re.compile(
        r"(?=[0-9A-Z])(?:"
        rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?)?(?P<mon>{_MONTH})\s*,?\s*(?P<y>\d{{4}})"  # 28 April 2025, June 1994
        rf"|(?P<mon2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y2>\d{{4}})"  # April 28, 2025
        rf"|(?P<mon3>{_MONTH})\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)\b(?!,?\s*\d)"  # April 27th (no year)
        r"|(?<![\d/.-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d/.-])"  # 2025-04-28
        r"|(?<![\d/.-])(?P<ud>\d{1,2})/(?P<um>\d{1,2})/(?P<uy>\d{4})(?![\d/.-])"  # 28/04/2025 (British order)
        r")"
    ),
    # three months, 3 months, three months'
    duration=re.compile(r"\b(?P<n>\d+|" + _WORDS + r")[\s-]+months?\b", re.IGNORECASE),
    digits=re.compile(r"\d+"),
    reference=re.compile(
        # Article 2, article 2.3, Art. 2, Articles 2.5 and 2.6, paragraphs 2.1 to 2.4
        r"\b(?P<kw>[Aa]rticles?|[Aa]rt\.|[Pp]aragraphs?|[Pp]aras?\.)[ \t]+(?P<list>\d+(?:\.\d+)?"
        r"(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|to)[ \t]+|[ \t]*[–-][ \t]*)\d+(?:\.\d+)?)*)(?![\d.]\d)"
    ),
    # "Article 4 of the 1994 Agreement": an article of another instrument.
    other_instrument_after=re.compile(r"\s+of\s+(?:the\s+)?(?!(?:this\s+)?Memorandum\b)(?:\d{4}\s+)?[A-Z]"),
    negation=re.compile(r"\b(?:not|no|nor|never|neither|none|cannot|unless|without)\b|n't\b", re.IGNORECASE),
    may=re.compile(r"\b(?:may|can|could)\b", re.IGNORECASE),
    originals=re.compile(r"\b(?P<n>\d+|" + _WORDS + r")[ \t]+(?:signed[ \t]+)?originals\b"
                         r"|\bin[ \t]+(?P<dup>duplicate|triplicate)\b", re.IGNORECASE),
    binding=re.compile(r"\blegally[ \t-]+binding\b", re.IGNORECASE),
    negation_before=re.compile(r"\b(?:not|no|nor|non|never|neither|without|n't)\b[\w\s,-]{0,24}$|non-$", re.IGNORECASE),
    signed_at=re.compile(r"\bsigned[ \t]+(?:in|at)[ \t]+(?P<place>[A-Z][\w-]+)"),
    department=re.compile(r"\bDepartment[ \t]+(?:for|of)[ \t]+[A-Z][\w-]*(?:(?:,[ \t]*|[ \t]+and[ \t]+|[ \t]+)[A-Z][\w-]*)*"),
    notices={
        "no official English text found": re.compile(r"No official English text[^.]*could (?:not )?be found", re.IGNORECASE),
        "the Japanese governs": re.compile(r"the Japanese (?:text )?governs", re.IGNORECASE),
        "the English is a reference translation": re.compile(r"reference translation", re.IGNORECASE),
        "the source is the PDF of the signed memorandum": re.compile(
            r"PDF of the (?:signed )?memorandum|memorandum signed in [^.]*PDF", re.IGNORECASE),
    },
    # Japanese on an English page: kana, kanji and full-width forms, with the
    # numerals and spaces inside them (「1994 年 6 月」).
    other_script=re.compile(rf"(?:[0-9]+ ?)?[{_SCRIPT}]+(?:[ 0-9]+[{_SCRIPT}]+)*"),
    # Every such run holds one of the script's characters: saying so lets a text without any be
    # passed over by a search for one character (the run's pattern, with its optional numerals
    # first, is tried at every digit: ten times slower over a page).
    run_needs=re.compile(rf"[{_SCRIPT}]"),
    leading_article=re.compile(r"^(?:the|a|an|this)\s+", re.IGNORECASE),
    guard_titles=True,
    font='"Noto Sans", "DejaVu Sans", sans-serif',
    search_pipeline=("trimmer",),
    search_lunr=("en",),
    ui={
        "headings": {"permalink": "Link to this heading"},  # the title of a heading's permalink (Python-Markdown's toc)
        "not_found": {"title": "Page not found", "text": "There is no page at this address.",
                      "home": "Home", "memorandum": "The memorandum (reference translation)"},  # the 404 page, in every language
        "languages": {"ja": "Japanese (signed original)", "en": "English (reference translation)"},
        "accessibility": {"pass": "Pass", "fail": "Fail", "na": "Pass (no content it applies to)", "yes": "Yes",
                          "no": "No", "head": ["Success criterion", "Level", "Applies", "Result", "Method"],
                          "claim": {True: "Conforms to {standard}, Level {target}",
                                    False: "Partially conforms to {standard}, Level {target}"}},
        "placeholders": {"on_behalf": "Signing for", "name": "Signatory", "title": "Title",
                         "instrument": "Instrument or body", "date": "Date", "event": "Event", "note": "Note",
                         "term": "Term", "other": "Japanese original", "defined_in": "Defined in", "definition": "Meaning",
                         "file": "File", "sha256": "SHA-256", "none": "—",
                         "signed": "This memorandum signed ({place})", "timeline": "{name}: {event}"},
        "provisions": {"history": "History", "cite": "Copy citation", "link": "Link to {label}", "from": "Referenced from", "sep": ", ",
                       "citation": "{name}, {label} (reference translation), {url}",
                       "whole": "{name} (reference translation), {url}",
                       "suggest": "Suggest a correction", "suggest_page": "Suggest a correction to this page",
                       "issue": "Correction: {label}", "form_language": "English (en)"},
        "glossary": {"terms": "Defined terms", "instruments": "Instruments and bodies the memorandum names",
                     "other": "Japanese original", "defined": "Defined in", "used": "Used in",
                     "mentioned": "Mentioned in", "date": "Date",
                     "none": "not formally defined (the memorandum's name for itself)", "sep": ", ",
                     "sentence": "{event}. {note}"},
        "terms": {"tip": "{event} ({date})"},
        "exports": {"legal_value": "https://schema.org/UnofficialLegalValue",
                    "nature": "Reference translation made by this site; no official English text could be found. "
                              "Where it differs from the Japanese text, the Japanese text governs on this site.",
                    "binding": {False: "The memorandum is not legally binding ({label}).",
                                True: "The memorandum is legally binding ({label})."},
                    "legislation_type": "Memorandum of Cooperation"},
        "akn": {"publisher": "This site (reference publication)"},
        "cite": {"style": "oscola", "genre": "reference translation, version of {date}", "langid": "english",
                 "provision": "{name}, {label} (reference translation, version of {date}), {url}",
                 "whole": "{name} (reference translation, version of {date}), {url}"},
        "dated": {"title": "{title} (as of {date})", "heading": "Text as of {date}",
                  "earlier": "This is the text as of {date}. It is not the current text: the current text is on {current}. {changes} shows how the versions differ.",
                  "current": "This is the text as of {date}, which is still the current text; {current} always shows the current text. {changes} shows how the versions differ.",
                  "current_link": "the memorandum page", "changes_link": "What changed",
                  "citation": "{name}, {label} (reference translation, version of {date}), {url}"},
        "versions": {"imported": "English from a translation tool imported ({file})"},
        "changes": {"texts": {"ja": "The Japanese text (signed original)", "en": "The English reference translation"},
                    "in_text": {"ja": "the Japanese text", "en": "the English reference translation"},
                    "caption": "Versions of {text}", "date": "Date", "provisions": "Provisions changed",
                    "reason": "Reason", "first": "(first version)", "version": "Version of {date}",
                    "compared": "Provisions the version of {date} changed, before and after",
                    "provision": "Provision", "before": "Before", "after": "After", "source": "Source",
                    "deleted": "deleted:", "inserted": "inserted:",
                    "feed": "{title}: what changed",
                    "feed_about": "The versions of the Japanese text and of the English reference translation this site has published",
                    "entry": "{text}: version of {date}", "feed_link": "What changed (Atom feed)", "empty": "(none)", "none": "No version is recorded."},
        "printed": {"notice": "This PDF is this site's own reference translation of the memorandum signed in {place}, on "
                              "{date}, not an official document; no official English text could be found. The signing "
                              "clause gives {originals} originals but does not say in which languages they are. The "
                              "Japanese text is reproduced character for character from the text of the PDF of the "
                              "signed memorandum; where this translation and the Japanese differ, the Japanese governs "
                              "on this site."},
    },
)
