"""OUT007: what each PDF says about itself (title, language, author, notice) against the memorandum and its facts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pikepdf
import pytest

from checks.export import printed
from checks.model import document, metadata, site
from checks.verify import built, exported
from conftest import ROOT

FACTS = metadata.load(metadata.path_in(ROOT / "docs"))
TITLE = {lang: next(p.text for p in document.load(site.memorandum_path(ROOT / "docs", lang)).provisions
                    if p.kind == "title") for lang in site.LANGS}


def good(lang: str) -> exported.PdfMetadata:
    notice, author = printed.notice_of(FACTS, lang), printed.author_of(FACTS, lang)
    return exported.PdfMetadata(TITLE[lang], notice, author, lang, TITLE[lang], notice, author)


def edited(lang: str, field: str, old: str, new: str) -> exported.PdfMetadata:
    meta = good(lang)
    value = getattr(meta, field)
    assert old in value, (field, old)
    changes = {field: value.replace(old, new, 1)}
    if field == "subject":  # WeasyPrint writes the same notice into both
        changes["xmp_subject"] = changes["subject"]
    return meta._replace(**changes)


NOTICE_JA = "/Subject does not give the notice '{}': expected it, as every page that says what the text is gives it"

# (name, language, field, old, new, the exact problems)
FAULTS = [
    ("en: another signing place", "en", "subject", "signed in London", "signed in Paris",
     ["/Subject at character 79: signed in 'Paris': expected 'London, United Kingdom' (metadata signed.place) (FCT007)"]),
    ("ja: another signing place", "ja", "subject", "英国ロンドンで署名", "フランスパリで署名",
     ["/Subject at character 26: signed in 'フランスパリ': expected '英国ロンドン' (metadata signed.place) (FCT007)"]),
    ("ja: a date that is not the signing date", "ja", "subject", "4 月 28 日", "4 月 27 日",
     ["/Subject at character 10: date 2025-04-27 is not in the metadata: expected one of "
      "1994-06, 2023-05, 2023-05-18, 2024-10-15, 2025-04-28, 2025-11-06, 2025-11-07 (DAT001)"]),
    ("en: a date that is not the signing date", "en", "subject", "28 April 2025", "29 April 2025",
     ["/Subject at character 106: date 2025-04-29 is not in the metadata: expected one of "
      "1994-06, 2023-05, 2023-05-18, 2024-10-15, 2025-04-28, 2025-11-06, 2025-11-07 (DAT001)"]),
    ("en: three originals", "en", "subject", "gives two originals", "gives three originals",
     ["/Subject at character 213: 3 originals: expected 2 (metadata signed.originals) (FCT004)"]),
    ("ja: three originals", "ja", "subject", "原本を 2 通", "原本を 3 通",
     ["/Subject at character 114: 3 originals: expected 2 (metadata signed.originals) (FCT004)"]),
    ("en: a notice period", "en", "subject", "not an official document", "ended on four months' notice",
     ["/Subject at character 130: notice period of 4 months: expected 3 (metadata notice_period) (FCT003)"]),
    ("en: binding", "en", "subject", "not an official document", "a legally binding text",
     ["/Subject at character 123: states that the memorandum is legally binding: the metadata (Article 2.1) says "
      "it is not legally binding (FCT002)"]),
    ("en: the other language's title", "en", "title", TITLE["en"], TITLE["ja"],
     [f"/Title is {TITLE['ja']!r}: expected the memorandum's title {TITLE['en']!r}"]),
    ("ja: an XMP title of its own", "ja", "xmp_title", "量子科学技術", "量子技術",
     [f"XMP dc:title is {TITLE['ja'].replace('量子科学技術', '量子技術')!r}: expected the memorandum's title "
      f"{TITLE['ja']!r}"]),
    ("en: declared Japanese", "en", "lang", "en", "ja", ["/Lang is 'ja': expected 'en', the language of the text"]),
    ("ja: no language", "ja", "lang", "ja", "", ["/Lang is '': expected 'ja', the language of the text"]),
    ("en: an author that is not a Side", "en", "author", "the Department for Science, Innovation and Technology",
     "the Department for Culture, Media and Sport",
     ["/Author 'the Cabinet Office of Japan and the Department for Culture, Media and Sport (DSIT) of the United "
      "Kingdom of Great Britain and Northern Ireland' does not name the Sides: expected 'the Department for "
      "Science, Innovation and Technology (DSIT) of the United Kingdom of Great Britain and Northern Ireland' "
      "(metadata parties)",
      "/Author at character 37: 'Department for Culture, Media and Sport' is not a Side: expected 'Cabinet Office' or "
      "'Department for Science, Innovation and Technology' (metadata parties) (FCT008)"]),
    ("ja: no author", "ja", "author", printed.author_of(FACTS, "ja"), "",
     ["/Author '' does not name the Sides: expected '日本国内閣府' and "
      "'グレートブリテン及び北アイルランド連合王国の科学・イノベーション・技術省（DSIT）' (metadata parties)"]),
    ("en: an XMP subject of its own", "en", "xmp_subject", "reference translation", "translation",
     [f"XMP dc:subject {good('en').subject.replace('reference translation', 'translation', 1)!r} differs from "
      f"/Subject {good('en').subject!r}"]),
    ("ja: the governing text left out", "ja", "subject", "、本サイトでは日本語の本文を優先します", "",
     [NOTICE_JA.format("the Japanese governs")]),
    ("en: the source left out", "en", "subject", "from the text of the PDF of the signed memorandum", "",
     [NOTICE_JA.format("the source is the PDF of the signed memorandum")]),
    ("en: 'does not exist' for 'could not be found'", "en", "subject", "no official English text could be found",
     "no official English text exists", [NOTICE_JA.format("no official English text found")]),
]

# Edits a PDF's metadata may take with no problem.
LEGITIMATE = [
    ("en", "subject", "not an official document", "with no official standing"),
    ("ja", "subject", "公式の文書ではありません", "正式な効力はありません"),
    ("en", "author", " and ", ", and "),
    ("ja", "author", "、", "・"),
]


@pytest.mark.parametrize("name, lang, field, old, new, expected", FAULTS, ids=[f[0] for f in FAULTS])
def test_pdf_metadata_faults(name: str, lang: str, field: str, old: str, new: str, expected: list[str]) -> None:
    assert exported.pdf_problems(edited(lang, field, old, new), lang, TITLE[lang], FACTS) == expected


@pytest.mark.parametrize("lang, field, old, new", LEGITIMATE)
def test_pdf_metadata_legitimate_edits(lang: str, field: str, old: str, new: str) -> None:
    assert exported.pdf_problems(edited(lang, field, old, new), lang, TITLE[lang], FACTS) == []


def test_the_pdfs_as_made_state_every_fact_and_notice_alike() -> None:
    for lang in site.LANGS:
        assert exported.pdf_problems(good(lang), lang, TITLE[lang], FACTS) == []
        assert exported.notices_in(good(lang).subject, lang) == set(exported.twins.NOTICES)
    assert exported.pdf_twin_problems({lang: good(lang).subject for lang in site.LANGS}, FACTS) == []


# (language edited, old, new, the exact twin problems): a fact one PDF states and the other does not.
TWIN_FAULTS = [
    ("en", "signed in London, United Kingdom, on 28 April 2025, not", "not",
     [("en", "/Subject does not state date '2025-04-28', which the ja PDF's states"),
      ("en", "/Subject does not state name 'the signing place', which the ja PDF's states")]),
    ("ja", "署名の条項は原本を 2 通と示すものの、その言語は示していません。", "",
     [("ja", "/Subject does not state originals '2', which the en PDF's states")]),
]


@pytest.mark.parametrize("lang, old, new, expected", TWIN_FAULTS)
def test_the_two_pdfs_notices_state_the_same_facts(lang: str, old: str, new: str, expected: list) -> None:
    subjects = {other: good(other).subject for other in site.LANGS}
    assert old in subjects[lang]
    subjects[lang] = subjects[lang].replace(old, new, 1)
    assert exported.pdf_twin_problems(subjects, FACTS) == expected


def test_a_built_pdf_with_another_title_is_found_at_its_file(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    shutil.copytree(site, out)
    path = out / site_pdf("en")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Title"] = "Memorandum of Understanding"
        pdf.save(path)
    found = [(f.path, f.code, f.message) for f in built.check_site(out, ROOT / "docs", ROOT) if f.code == "OUT007"]
    assert found == [(str(path), "OUT007", f"en/memorandum.en.pdf: /Title is 'Memorandum of Understanding': expected "
                                           f"the memorandum's title {TITLE['en']!r}")]


def test_an_unreadable_pdf_is_a_finding(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    shutil.copytree(site, out)
    (out / site_pdf("ja")).write_bytes(b"%PDF-1.7\nnot a pdf")
    found = [(f.code, f.message.split(":")[0]) for f in built.check_site(out, ROOT / "docs", ROOT) if f.code == "OUT007"]
    assert found == [("OUT007", "memorandum.ja.pdf")]


def site_pdf(lang: str) -> str:
    return site.pdf_name(lang)


def test_the_reader_beside_the_build_reads_what_is_read_here(site: Path, monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    """The verification's reader (pypdf in a process started with the build) gives the same metadata and the same
    error as reading in the build's process; a process that cannot answer falls back to reading here."""
    pdfs = [(site / site_pdf(lang)).read_bytes() for lang in ("ja", "en")] + [b"%PDF-1.7\nnot a pdf"]

    def here(data: bytes) -> object:
        try:
            return exported.pdf_metadata(data)
        except ValueError as exc:
            return str(exc)

    def there(reader: exported.MetadataReader, data: bytes) -> object:
        try:
            return reader.read(data)
        except ValueError as exc:
            return str(exc)

    reader = exported.MetadataReader()
    assert reader.proc is not None
    assert [there(reader, d) for d in pdfs] == [here(d) for d in pdfs]
    reader.close()
    assert reader.proc is None
    from conftest import shell_command
    monkeypatch.setattr(exported.sys, "executable", shell_command(tmp_path / "python", "exit 1"))
    broken = exported.MetadataReader()
    assert [there(broken, d) for d in pdfs] == [here(d) for d in pdfs] and broken.proc is None


def _pdf(tmp_path: Path, name: str, xmp: bool) -> bytes:
    """A one-page PDF with document information, a catalog language and, with ``xmp``, XMP metadata."""
    import pikepdf
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Title"], pdf.docinfo["/Subject"], pdf.docinfo["/Author"] = "T 題", "S", "A; B"
    pdf.Root.Lang = pikepdf.String("ja")
    if xmp:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:title"], meta["dc:subject"], meta["dc:creator"] = "XT", ["k1", "k2"], ["C1", "C2"]
    path = tmp_path / name
    pdf.save(path)
    return path.read_bytes()


def test_a_pdfs_metadata_is_read_with_or_without_xmp(tmp_path: Path) -> None:
    assert exported.pdf_metadata(_pdf(tmp_path, "x.pdf", True)) == exported.PdfMetadata(
        "T 題", "S", "A; B", "ja", "XT", "k1 k2", "C1 C2")
    assert exported.pdf_metadata(_pdf(tmp_path, "n.pdf", False)) == exported.PdfMetadata("T 題", "S", "A; B", "ja", "", "", "")
    with pytest.raises(ValueError, match="not a readable PDF"):
        exported.pdf_metadata(b"%PDF-1.7\nnot a pdf")


def test_the_reader_process_answers_from_any_folder_and_ends_when_closed(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader's process finds the package wherever the build runs, answers as reading here does,
    and has ended once the reader is closed; a process that cannot start leaves reading here."""
    pdfs = [_pdf(tmp_path, "x.pdf", True), _pdf(tmp_path, "n.pdf", False)]
    # Not the project's folder; but mutation testing's instrumented modules read mutmut's configuration
    # from the working folder, in the reader's process too, so there the run's own folder stays.
    monkeypatch.chdir(tmp_path if "MUTANT_UNDER_TEST" not in os.environ else Path.cwd())
    reader = exported.MetadataReader()
    proc = reader.proc
    assert [reader.read(d) for d in pdfs] == [exported.pdf_metadata(d) for d in pdfs]
    assert reader.proc is proc and proc.poll() is None  # answered by the process, which still runs
    reader.close()
    assert reader.proc is None and proc.wait(timeout=60) == 0
    def no_process(*args, **kwargs):
        raise OSError("no such program")
    monkeypatch.setattr(exported.subprocess, "Popen", no_process)
    alone = exported.MetadataReader()
    assert alone.proc is None and alone.read(pdfs[0]) == exported.pdf_metadata(pdfs[0])


def test_a_pdfs_metadata_is_kept_by_its_bytes_and_a_rebuild_starts_no_reader(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """With results kept, a PDF read once is not read again, by any reader: a reader that is not eager
    starts its process only for a PDF no build read. An unreadable PDF is an error each time, never
    kept; a kept reading that is not one is read again."""
    from checks.model import kept
    monkeypatch.setenv("MEMORANDUM_KEPT", "on")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pdf, other, broken = _pdf(tmp_path, "x.pdf", True), _pdf(tmp_path, "n.pdf", False), b"%PDF-1.7\nnot a pdf"
    first = exported.MetadataReader(eager=False)
    assert (first.started, first.proc) == (False, None)
    assert first.read(pdf) == exported.pdf_metadata(pdf)
    assert first.started and first.proc is not None
    first.close()
    again = exported.MetadataReader(eager=False)
    assert again.read(pdf) == exported.pdf_metadata(pdf) and (again.started, again.proc) == (False, None)
    assert again.read(other) == exported.pdf_metadata(other) and again.started  # a new PDF: read
    for reader in (again, exported.MetadataReader(eager=False)):
        with pytest.raises(ValueError, match="not a readable PDF"):
            reader.read(broken)
        reader.close()
    assert sorted(p.stem for p in (kept.folder() / "pdf-metadata").glob("*.json")) == sorted(
        kept.key("pdf-metadata", [data]) for data in (pdf, other))
    for bad in ('["too", "few"]', '[1, 2, 3, 4, 5, 6, 7]', '{"title": "x"}', "not json"):
        (kept.folder() / "pdf-metadata" / f"{kept.key('pdf-metadata', [pdf])}.json").write_text(bad, "utf-8")
        third = exported.MetadataReader(eager=False)
        assert third.read(pdf) == exported.pdf_metadata(pdf) and third.started, bad
        third.close()


def test_closing_a_reader_whose_process_never_ends_kills_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``close`` waits for the process's output to end, then reaps it; one that keeps its output open
    past the wait is killed, and close returns."""
    from conftest import shell_command
    monkeypatch.setattr(exported.sys, "executable", shell_command(tmp_path / "python", "exec sleep 600"))
    monkeypatch.setattr(exported, "CLOSE_WAIT", 0.1)
    reader = exported.MetadataReader()
    proc = reader.proc
    assert proc is not None and proc.poll() is None
    reader.close()
    assert reader.proc is None and proc.returncode == -9
