"""The finding codes: each code, the one module that reports it, and what it means.

The guides (CONTRIBUTING.md, CONTRIBUTING.ja.md) explain the same codes with the same meanings;
tests/test_codes.py holds the modules, the guides and this table to each other: every code a module
reports is here, written in that module only, and every prefix is one module's.
"""

from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    module: str
    meaning: str


CODES: dict[str, Code] = {
    "DAT001": Code("checks.rules.dates", 'a date the metadata does not know, in any format (`27 April 2025`, `April 27th`, `2025-04-27`, `27/04/2025`, `令和 7 年 4 月 27 日`, `R7.4.27`)'),
    "DAT002": Code("checks.rules.dates", "a provision's dates differ between languages"),
    "DAT003": Code("checks.rules.dates", 'the signing clause lacks the signing date'),
    "DUR001": Code("checks.rules.durations", 'the notice period disagrees with the metadata'),
    "DUR002": Code("checks.rules.durations", "a provision's durations differ between the languages"),
    "FCT001": Code("checks.rules.facts", "the signing clause does not name the metadata's signing place"),
    "FCT002": Code("checks.rules.facts", 'a page says the memorandum is legally binding, or 2.1 does not say it is not'),
    "FCT003": Code("checks.rules.facts", "a notice period on an editorial page that is not the metadata's"),
    "FCT004": Code("checks.rules.facts", "a number of originals that is not the metadata's"),
    "FCT005": Code("checks.rules.facts", 'an editorial page writes out a fact the metadata holds'),
    "FCT006": Code("checks.rules.facts", "a name the metadata holds written almost right (a signatory's name or title, a Side's name), in prose, notes, front matter or the metadata"),
    "FCT007": Code("checks.rules.facts", "a page's title or description, or an editorial note on a memorandum page, says the memorandum was signed somewhere else"),
    "FCT008": Code("checks.rules.facts", "a page's title or description names a department that is not a Side"),
    "FCT009": Code("checks.rules.facts", "a metadata string restates a value differently: the notice period in words against its months, an instrument's date as the text gives it against its date"),
    "FID001": Code("checks.rules.fidelity", 'the Japanese text differs from the signed source, spaces included (a dropped, added, no-break or ideographic space is a difference)'),
    "FID002": Code("checks.rules.fidelity", 'the kept source copy changed or is missing'),
    "FID003": Code("checks.rules.fidelity", 'the Japanese text is not in Unicode NFC'),
    "FID004": Code("checks.rules.fidelity", 'markup inside a provision that the original does not have'),
    "NUM001": Code("checks.rules.numbering", "a heading's number disagrees with its ID"),
    "NUM002": Code("checks.rules.numbering", 'articles out of sequence'),
    "NUM003": Code("checks.rules.numbering", 'paragraphs out of sequence or misnumbered'),
    "NUM004": Code("checks.rules.numbering", 'areas out of sequence'),
    "NUM005": Code("checks.rules.numbering", 'recitals out of sequence'),
    "NUM006": Code("checks.rules.numbering", 'an ID used twice'),
    "OUT001": Code("checks.verify.built", 'the built page shows a provision differently from its source, or shows text outside every provision'),
    "OUT002": Code("checks.verify.built", 'a character reference shows as text'),
    "OUT003": Code("checks.verify.built", '`memorandum.json` or the built Japanese text disagrees with the pages or the signed source'),
    "OUT004": Code("checks.verify.built", 'an Akoma Ntoso document disagrees with `memorandum.json` (an eId missing or doubled, a text, the language)'),
    "OUT005": Code("checks.verify.built", '`SHA256SUMS` disagrees with the built files, or leaves a download out; a page or search index shows a download\'s stand-in for its SHA-256'),
    "OUT006": Code("checks.verify.built", "a language's search index is missing, holds the other language's pages, or lacks a provision"),
    "OUT007": Code("checks.verify.built", "a PDF's metadata (title, language, author, the notice in its subject) differs from the memorandum, states a fact differently from `docs/_data/memorandum.yml`, leaves out a notice, or states what the other language's PDF does not"),
    "PAR001": Code("checks.rules.parity", 'the languages have different provisions'),
    "PAR002": Code("checks.rules.parity", 'a page has no counterpart'),
    "REF001": Code("checks.rules.references", 'a reference to a provision that does not exist, in any form: `第 3 条`, `第三条`, `第３条`, `第 2 条第 5 項`, `Articles 2.5 and 2.6`, `paragraphs 2.1 to 2.7`, `article 3`, a link to `memorandum.md#article-9`'),
    "SAF001": Code("checks.rules.safety", 'an element that runs, embeds or is not in the allowlist, in `docs/` or on a built page'),
    "SAF002": Code("checks.rules.safety", 'an event handler in an HTML tag'),
    "SAF003": Code("checks.rules.safety", 'a URL other than http(s), relative or mailto (`javascript:`, `data:`), also when entity-encoded'),
    "SAF004": Code("checks.rules.safety", 'an attribute outside the allowlist on a built page'),
    "SAF005": Code("checks.rules.safety", 'a symlink under `docs/` that points outside it'),
    "SAF006": Code("checks.rules.safety", "something a page loads from another host: an image, a frame, a style sheet, a font, a form's target (in the Markdown and on the built page)"),
    "SEG001": Code("checks.rules.segments", 'Japanese left in an English provision (beyond the names the metadata lists)'),
    "SEG002": Code("checks.rules.segments", "numbers in one language's provision and not the other's (dates and periods aside)"),
    "SEG003": Code("checks.rules.segments", 'a defined term, instrument or party named in one language only'),
    "SEG004": Code("checks.rules.segments", 'negation or the legal "may" in one language only'),
    "SEG005": Code("checks.rules.segments", 'the same English text for two different Japanese provisions'),
    "SEG006": Code("checks.rules.segments", "a translation much shorter or longer than the document's usual ratio"),
    "SEG007": Code("checks.rules.segments", 'an area of Article 1 that does not open with its title (metadata `areas`)'),
    "SIG001": Code("checks.rules.signatories", 'a signatory missing or one too many'),
    "SIG002": Code("checks.rules.signatories", 'a signatory out of order or misnamed'),
    "STR001": Code("checks.rules.structure", 'a page is missing, empty or not UTF-8'),
    "STR002": Code("checks.rules.structure", 'front matter is not valid YAML (a key given twice and an alias `*name` are refused too), or breaks `checks/frontmatter.schema.json` (a title that is not text, an impossible date)'),
    "STR003": Code("checks.rules.structure", 'the metadata file cannot be used (YAML with a key given twice or an alias `*name` included)'),
    "STR004": Code("checks.rules.structure", 'the memorandum page lost its shape'),
    "STR005": Code("checks.rules.structure", 'a fact placeholder no fact answers to'),
    "STR006": Code("checks.rules.structure", 'the accessibility report (`docs/_data/accessibility.yml`) is incomplete or unreadable: a criterion missing or listed twice, an unknown method, a result other than pass, fail or na'),
    "TRL001": Code("checks.rules.translation", 'a Japanese provision changed after its English twin was checked'),
    "TRL002": Code("checks.rules.translation", 'a Japanese editorial page changed after its English twin was checked'),
    "TRL003": Code("checks.rules.translation", 'a provision or page is missing from the translation lock, or the lock names one that is gone'),
    "TRL004": Code("checks.rules.translation", 'the English changed since it was checked'),
    "TRL005": Code("checks.rules.translation", 'the translation lock is not YAML the site accepts'),
    "TRM001": Code("checks.rules.terms", 'a term defined more than once'),
    "TRM002": Code("checks.rules.terms", 'a term defined in another provision than the metadata says'),
    "TRM003": Code("checks.rules.terms", 'the English counterpart is not defined where the term is'),
    "TRM004": Code("checks.rules.terms", 'the English counterpart is not used where the Japanese uses the term'),
    "TWN001": Code("checks.rules.twins", 'an editorial page states a fact its twin in the other language does not, or states differently: a date, a fact placeholder, a reference to a provision, a name or place from the metadata, a notice (no official English text found, the Japanese governs, the English is a reference translation, the source is the PDF of the signed memorandum)'),
    "UNI001": Code("checks.rules.unicode", 'a bidirectional control character anywhere under `docs/` (it can show text in another order than it is stored)'),
    "UNI002": Code("checks.rules.unicode", 'an invisible character: zero-width space or joiner, soft hyphen, a byte order mark inside a file, a control or tag character, a stray variation selector'),
    "UNI003": Code("checks.rules.unicode", 'a word that mixes Latin letters with Cyrillic, Greek, Armenian or Cherokee ones (a look-alike)'),
    "VER001": Code("checks.rules.versions", 'the versions file cannot be used (YAML, shape, a date, a reason)'),
    "VER002": Code("checks.rules.versions", "a language's versions are not in date order, or the signed original's first version is not dated the day it was signed"),
    "VER003": Code("checks.rules.versions", 'a version names a provision the memorandum does not have'),
    "VER004": Code("checks.rules.versions", 'a modification of the signed original without its source or without the text it replaces'),
    "VER005": Code("checks.rules.versions", 'a provision differs from its latest recorded version, or the first English version leaves one out'),
    "VER006": Code("checks.rules.versions", 'a version gives a provision the text it already had'),
    "VER007": Code("checks.rules.versions", 'a language has no recorded version'),
    "VER008": Code("checks.rules.versions", 'a link to the page of a version that is not recorded'),
    "XLF001": Code("checks.export.interchange", 'the file is not well-formed XML, or cannot be read'),
    "XLF002": Code("checks.export.interchange", 'not XLIFF 2.0 or 1.2, or not valid against the OASIS schema'),
    "XLF003": Code("checks.export.interchange", 'a language pair other than Japanese to English'),
    "XLF004": Code("checks.export.interchange", 'a unit ID that is not a provision of both texts, or one given twice'),
    "XLF005": Code("checks.export.interchange", "a unit's source is not the current Japanese text (it changed since the export, or the tool changed it)"),
    "XLF006": Code("checks.export.interchange", 'a unit has no target, or an empty one'),
    "XLF007": Code("checks.export.interchange", 'markup in a unit: a tag or placeholder, or Markdown and HTML syntax in the target'),
    "XLF008": Code("checks.export.interchange", "a changed unit whose provision the Markdown writes over several lines or with inline markup (a signatory's lines)"),
}


def prefixes() -> dict[str, str]:
    """Each code prefix and the module that reports its codes."""
    return {code[:3]: c.module for code, c in sorted(CODES.items())}
