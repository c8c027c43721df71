"""XLIFF 2.0 / 1.2 and TMX for translators: export, validation against the OASIS schemas, import, round trip."""

from __future__ import annotations

import filecmp
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree
from translate.storage import tmx as tt_tmx

from checks.export import interchange
from checks.model import document, lock, site
from conftest import ROOT, docs_copy

XLF2, XLF12 = interchange.NAMES["xliff2"], interchange.NAMES["xliff12"]
DATE = "2031-01-02"


def exported(tmp_path: Path) -> tuple[Path, Path]:
    docs = docs_copy(tmp_path)
    interchange.export(docs, tmp_path / "xliff")
    return docs, tmp_path / "xliff"


def same_tree(a: Path, b: Path) -> bool:
    cmp = filecmp.dircmp(a, b)
    stack = [cmp]
    while stack:
        c = stack.pop()
        if c.left_only or c.right_only or c.diff_files or c.funny_files:
            return False
        stack.extend(c.subdirs.values())
    return all(filecmp.cmp(x, b / x.relative_to(a), shallow=False) for x in a.rglob("*") if x.is_file())


@pytest.mark.parametrize("name, ns", [(XLF2, interchange.NS2), (XLF12, interchange.NS12)])
def test_the_export_is_valid_against_the_oasis_schema(tmp_path: Path, name: str, ns: str) -> None:
    _, out = exported(tmp_path)
    schema = interchange.load_schema(ns)
    doc = etree.parse(str(out / name))
    assert schema.validate(doc), schema.error_log
    ids = [u.get("id") for u in doc.iter(f"{{{ns}}}{'unit' if ns == interchange.NS2 else 'trans-unit'}")]
    ja = document.load(site.memorandum_path(ROOT / "docs", "ja"))
    assert ids == ja.ids()  # one unit per provision, in the text's order, the provision id as unit id


def test_the_schemas_refuse_what_they_should(tmp_path: Path) -> None:
    """The committed schemas are the real ones: an element the standard lacks is invalid."""
    _, out = exported(tmp_path)
    for name, ns in ((XLF2, interchange.NS2), (XLF12, interchange.NS12)):
        text = (out / name).read_text("utf-8").replace("<source>", "<sourcetext>", 1).replace("</source>", "</sourcetext>", 1)
        assert not interchange.load_schema(ns).validate(etree.fromstring(text.encode())), name


def test_the_tmx_holds_every_aligned_pair(tmp_path: Path) -> None:
    _, out = exported(tmp_path)
    store = tt_tmx.tmxfile.parsefile(str(out / interchange.NAMES["tmx"]))
    ja = document.load(site.memorandum_path(ROOT / "docs", "ja"))
    en = document.load(site.memorandum_path(ROOT / "docs", "en"))
    assert [(u.source, u.target) for u in store.units] == [(p.text, en.get(p.id).text) for p in ja.provisions]
    root = etree.parse(str(out / interchange.NAMES["tmx"])).getroot()
    assert root.get("version") == "1.4" and root.find("header").get("srclang") == "ja"


# (what the lock says of a provision, the state XLIFF 2.0 and 1.2 give its unit)
@pytest.mark.parametrize("edit, state2, state12", [
    (None, "final", "final"),
    ("en", "translated", "translated"),
    ("ja", "initial", "needs-review-translation"),
    ("drop", "translated", "translated"),
])
def test_the_lock_state_is_the_units_state(tmp_path: Path, edit: str | None, state2: str, state12: str) -> None:
    docs = docs_copy(tmp_path)
    path = lock.path_in(docs)
    recorded = lock.load(path)
    entry = recorded["provisions"]["article-2-3"]
    if edit == "drop":
        del recorded["provisions"]["article-2-3"]
    elif edit:
        entry[edit] = "0" * 64
    path.write_text(lock.dump(recorded), "utf-8")
    interchange.export(docs, tmp_path / "x")
    root2 = etree.parse(str(tmp_path / "x" / XLF2)).getroot()
    unit = root2.find(f".//{{{interchange.NS2}}}unit[@id='article-2-3']")
    assert unit.find(f"{{{interchange.NS2}}}segment").get("state") == state2
    root12 = etree.parse(str(tmp_path / "x" / XLF12)).getroot()
    unit = root12.find(f".//{{{interchange.NS12}}}trans-unit[@id='article-2-3']")
    assert unit.find(f"{{{interchange.NS12}}}target").get("state") == state12
    assert unit.get("approved") == ("yes" if edit is None else "no")


@pytest.mark.parametrize("name", [XLF2, XLF12])
def test_export_then_import_unchanged_leaves_docs_byte_identical(tmp_path: Path, name: str) -> None:
    docs, out = exported(tmp_path)
    assert interchange.apply(out / name, docs, DATE) == ([], [])
    assert same_tree(ROOT / "docs", docs)


@pytest.mark.parametrize("name", [XLF2, XLF12])
def test_one_unit_changed_changes_exactly_that_provision_and_its_lock_entry(tmp_path: Path, name: str) -> None:
    docs, out = exported(tmp_path)
    path = out / name
    old = "2.3 This Memorandum of Cooperation may be modified at any time"
    new = "2.3 This Memorandum of Cooperation may be amended at any time"
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), "utf-8")
    assert interchange.apply(path, docs, DATE) == ([], ["article-2-3"])
    before = document.load(site.memorandum_path(ROOT / "docs", "en"))
    after = document.load(site.memorandum_path(docs, "en"))
    changed = [p.id for p in after.provisions if p.text != before.get(p.id).text]
    assert changed == ["article-2-3"] and after.get("article-2-3").text.startswith(new)
    old_lines = site.memorandum_path(ROOT / "docs", "en").read_text("utf-8").splitlines()
    new_lines = site.memorandum_path(docs, "en").read_text("utf-8").splitlines()
    assert [i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b] == [before.get("article-2-3").line - 1]
    assert len(old_lines) == len(new_lines)
    locks = lock.load(lock.path_in(ROOT / "docs"))["provisions"], lock.load(lock.path_in(docs))["provisions"]
    assert [k for k in locks[0] if locks[0][k] != locks[1][k]] == ["article-2-3"]
    assert locks[1]["article-2-3"]["checked"] == DATE
    from checks import cli
    assert cli.run(docs) == []


# (name, file, old, new, the exact findings as (line or None, code, message)): each refused, docs unchanged.
BAD = [
    ("not well-formed", XLF2, "</xliff>", "</xlif>", [(None, "XLF001", "not well-formed XML: Opening and ending tag "
                                                                      "mismatch: xliff line 2 and xlif")]),
    ("not XLIFF", XLF2, "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"", "<xliff xmlns=\"urn:example\"",
     [(2, "XLF002", "root element '{urn:example}xliff': expected <xliff> of XLIFF 2.0 "
                    "(urn:oasis:names:tc:xliff:document:2.0) or 1.2 (urn:oasis:names:tc:xliff:document:1.2)")]),
    ("invalid XLIFF 2.0", XLF2, '<segment state="final">', '<segment state="approved">',
     [(None, "XLF002", "not valid XLIFF 2.0 (OASIS schema): Element '{urn:oasis:names:tc:xliff:document:2.0}segment', "
                       "attribute 'state': [facet 'enumeration'] The value 'approved' is not an element of the set "
                       "{'initial', 'translated', 'reviewed', 'final'}.")]),
    ("wrong language pair", XLF2, 'srcLang="ja" trgLang="en"', 'srcLang="en" trgLang="ja"',
     [(2, "XLF003", "language pair 'en' to 'ja': expected 'ja' (the signed Japanese) to 'en'")]),
    ("wrong pair in 1.2", XLF12, 'target-language="en"', 'target-language="fr"',
     [(3, "XLF003", "language pair 'ja' to 'fr': expected 'ja' (the signed Japanese) to 'en'")]),
    ("unknown unit id", XLF2, '<unit id="article-2-4"', '<unit id="article-2-9"',
     [(None, "XLF004", "unit 'article-2-9' is not a provision of both texts: expected one of title, preamble, "
                       "preamble-1, preamble-2 …")]),
    ("a unit twice", XLF2, '<unit id="article-2-4"', '<unit id="article-2-3"',
     [(None, "XLF004", "unit 'article-2-3' is given twice: expected each provision once")]),
    ("a unit twice in 1.2", XLF12, 'id="article-2-4"', 'id="article-2-3"',
     [(None, "XLF002", "not valid XLIFF 1.2 (OASIS schema): Element '{urn:oasis:names:tc:xliff:document:1.2}"
                       "trans-unit': Duplicate key-sequence ['article-2-3'] in key identity-constraint "
                       "'{urn:oasis:names:tc:xliff:document:1.2}K_unit_id'.")]),
    ("source changed", XLF2, "<source>2.3 本協力覚書は、", "<source>2.3 本覚書は、",
     [(None, "XLF005", "unit 'article-2-3': its source is not the current Japanese text of #article-2-3: expected "
                       "'2.3 本協力覚書は、双方の書面による合意に基づき、いつでも変更することができる…', found "
                       "'2.3 本覚書は、双方の書面による合意に基づき、いつでも変更することができる。変…' (export "
                       "again and carry the translation over)")]),
    ("empty target", XLF2, "2.3 This Memorandum", lambda t: re.sub(r"<target>2\.3 This[^<]*</target>",
                                                                    "<target>  </target>", t),
     [(None, "XLF006", "unit 'article-2-3' has an empty target: expected the English text")]),
    ("no target", XLF12, "2.2 This Memorandum", lambda t: re.sub(r'<target state="final">2\.2 This[^<]*</target>', "", t),
     [(None, "XLF006", "unit 'article-2-2' has no target: expected the English text")]),
    ("inline markup", XLF2, "<target>2.3 This Memorandum", '<target><ph id="1"/>2.3 This Memorandum',
     [(None, "XLF007", "unit 'article-2-3' holds inline markup (a tag or placeholder): expected plain text, as "
                       "exported")]),
    ("Markdown in the target", XLF2, "may be modified at any time", "may be **modified** at any time",
     [(None, "XLF007", "unit 'article-2-3': '*' in the target would be read as Markdown or HTML: expected plain text")]),
    ("an attribute list in the target", XLF12, "may be modified at any time", "may be modified {: #x } at any time",
     [(None, "XLF007", "unit 'article-2-3': '{' in the target would be read as Markdown or HTML: expected plain text")]),
    # Each unit is judged on its own: a refusal does not end the reading (one finding per unit, in order).
    ("every unit refused for what it holds", XLF2, "<source>2.2 本協力覚書は、",
     lambda t: t.replace("<source>2.2 本協力覚書は、", "<source>2.2 本覚書は、", 1).replace(
         "<target>2.3 This Memorandum", '<target><ph id="1"/>2.3 This Memorandum', 1).replace(
         "will not affect cooperative activities", "will not affect **cooperative** activities", 1),
     [(None, "XLF005", "unit 'article-2-2': its source is not the current Japanese text of #article-2-2: expected "
                       "'2.2 本協力覚書は、双方による署名の日から開始される。いずれか一方は、本覚書を…', found "
                       "'2.2 本覚書は、双方による署名の日から開始される。いずれか一方は、本覚書を終了…' (export again and carry "
                       "the translation over)"),
      (None, "XLF007", "unit 'article-2-3' holds inline markup (a tag or placeholder): expected plain text, as exported"),
      (None, "XLF007", "unit 'article-2-4': '*' in the target would be read as Markdown or HTML: expected plain text")]),
    ("a signatory's lines changed", XLF2, "<target>On behalf of the Cabinet Office of Japan",
     "<target>For the Cabinet Office of Japan",
     [(None, "XLF008", "unit 'signatory-1': #signatory-1 is written over several lines or with inline markup in "
                       "memorandum.en.md: edit it there")]),
]


@pytest.mark.parametrize("name, file, old, new, expected", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_refused_naming_file_and_unit_and_changes_nothing(tmp_path: Path, name, file, old, new,
                                                                       expected) -> None:
    docs, out = exported(tmp_path)
    path = out / file
    text = path.read_text("utf-8")
    assert old in text, old
    edited = new(text) if callable(new) else text.replace(old, new, 1)
    assert edited != text
    path.write_text(edited, "utf-8")
    findings, changed = interchange.apply(path, docs, DATE)
    assert changed == [] and findings and all(f.path == str(path) for f in findings)
    assert [(f.code, f.message) for f in findings] == [(code, message) for _, code, message in expected]
    for f, (line, _, _) in zip(findings, expected):
        assert line is None or f.line == line
        assert f.col == 1 or f.code in ("XLF001", "XLF002")  # a unit's finding is at its start; XML's own at the parser's column
        assert 1 <= f.line <= text.count("\n") + 2
    assert same_tree(ROOT / "docs", docs)


def test_a_unit_line_is_where_the_unit_is(tmp_path: Path) -> None:
    docs, out = exported(tmp_path)
    path = out / XLF2
    text = path.read_text("utf-8").replace('<unit id="article-2-4"', '<unit id="article-2-9"', 1)
    path.write_text(text, "utf-8")
    [finding], _ = interchange.apply(path, docs, DATE)
    assert text.splitlines()[finding.line - 1].lstrip().startswith('<unit id="article-2-9"')


def test_an_import_the_checks_refuse_puts_the_files_back(tmp_path: Path) -> None:
    docs, out = exported(tmp_path)
    path = out / XLF2
    text = path.read_text("utf-8")
    old = "<target>2.3 This Memorandum of Cooperation"
    path.write_text(text.replace(old, "<target>2.4 This Memorandum of Cooperation", 1), "utf-8")  # NUM: wrong number
    findings, changed = interchange.apply(path, docs, DATE)
    assert changed == [] and findings and {f.code[:3] for f in findings} <= {"NUM", "PAR", "SEG", "TRL", "FID", "TRM"}
    assert any(f.path.endswith("memorandum.en.md") for f in findings)
    assert same_tree(ROOT / "docs", docs)


def test_the_command_exits_non_zero_with_the_findings_and_never_a_traceback(tmp_path: Path) -> None:
    docs, out = exported(tmp_path)
    bad = out / "bad.xlf"
    bad.write_text("<xliff", "utf-8")
    run = subprocess.run([sys.executable, "-m", "checks.export.interchange", "import", str(bad), "--docs", str(docs)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0].startswith(f"{bad}:1:") and " XLF001 not well-formed XML" in run.stderr
    missing = subprocess.run([sys.executable, "-m", "checks.export.interchange", "import", str(out / "none.xlf"), "--docs",
                              str(docs)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert missing.returncode == 1 and "XLF001 cannot read the file" in missing.stderr and "Traceback" not in missing.stderr


EXPORTED: dict[str, bytes] = {}


def _exported_bytes(tmp_path_factory) -> dict[str, bytes]:
    if not EXPORTED:
        out = tmp_path_factory.mktemp("xliff")
        interchange.export(ROOT / "docs", out)
        EXPORTED.update({name: (out / name).read_bytes() for name in (XLF2, XLF12)})
    return EXPORTED


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(which=st.sampled_from([XLF2, XLF12]), at=st.floats(0, 1), cut=st.integers(0, 40),
       insert=st.sampled_from(["", "<", ">", "&", "&amp;", "<ph id='1'/>", "<x/>", '"', "\x00", "é", "本", "]]>",
                               "<!--", "-->", "<target>", "</target>", "<unit id='z'>", "<!DOCTYPE x [<!ENTITY a 'b'>]>"]))
def test_random_xliff_edits_never_raise_and_a_refusal_changes_nothing(tmp_path_factory, which, at, cut, insert) -> None:
    data = _exported_bytes(tmp_path_factory)[which].decode("utf-8")
    pos = int(at * len(data))
    edited = data[:pos] + insert + data[pos + cut:]
    folder = tmp_path_factory.mktemp("edit")
    docs = docs_copy(folder)
    path = folder / which
    path.write_bytes(edited.encode("utf-8", "surrogatepass"))
    findings, changed = interchange.apply(path, docs, DATE)
    if findings or not changed:
        assert same_tree(ROOT / "docs", docs)


def test_a_tmx_file_is_not_taken_for_xliff(tmp_path: Path) -> None:
    docs, out = exported(tmp_path)
    path = out / interchange.NAMES["tmx"]
    findings, changed = interchange.apply(path, docs, DATE)
    assert changed == [] and [(f.code, f.message) for f in findings] == [
        ("XLF002", "root element 'tmx': expected <xliff> of XLIFF 2.0 (urn:oasis:names:tc:xliff:document:2.0) or 1.2 "
                   "(urn:oasis:names:tc:xliff:document:1.2)")]
    assert same_tree(ROOT / "docs", docs)


@pytest.mark.parametrize("name", [XLF2, XLF12])
def test_a_comment_or_processing_instruction_in_a_target_is_not_its_text(tmp_path: Path, name: str) -> None:
    """What a translation tool leaves inside a target that is not text (a comment, a processing
    instruction) is dropped before the target is read: the text around it is the translation."""
    docs, out = exported(tmp_path)
    path = out / name
    text = path.read_text("utf-8")
    old = "may be modified at any time"
    assert text.count(old) == 1
    path.write_text(text.replace(old, "may be <?tool mark?>amended<!-- checked --> at any time"), "utf-8")
    assert interchange.apply(path, docs, DATE) == ([], ["article-2-3"])
    assert "may be amended at any time" in document.load(site.memorandum_path(docs, "en")).get("article-2-3").text


@pytest.mark.parametrize("name", [XLF2, XLF12])
def test_each_unit_carries_its_note_for_the_translator(tmp_path: Path, name: str) -> None:
    _, out = exported(tmp_path)
    root = etree.parse(str(out / name)).getroot()
    ns = etree.QName(root).namespace
    units = {u.id: u for u in interchange.units(ROOT / "docs")}
    found = {}
    for unit in root.iter(f"{{{ns}}}unit", f"{{{ns}}}trans-unit"):
        notes = unit.findall(f".//{{{ns}}}note")
        found[unit.get("id")] = [(n.text, n.get("from")) for n in notes]
    developer = "developer" if name == XLF12 else None
    assert found == {pid: [(u.note, developer)] for pid, u in units.items()}


def test_the_import_command_says_what_it_changed(tmp_path: Path, capsys) -> None:
    docs, out = exported(tmp_path)
    path = out / XLF2
    assert interchange.main(["import", str(path), "--docs", str(docs), "--date", DATE]) == 0
    assert capsys.readouterr().out == f"import-xliff: {path}: every unit equals the current English: nothing to change\n"
    text = path.read_text("utf-8")
    path.write_text(text.replace("may be modified at any time", "may be amended at any time").replace(
        "will not affect cooperative activities", "will not affect joint activities"), "utf-8")
    assert interchange.main(["import", str(path), "--docs", str(docs), "--date", DATE]) == 0
    assert capsys.readouterr().out == (f"import-xliff: updated #article-2-3, #article-2-4 in {docs / 'memorandum.en.md'}; "
                                       "re-stamped their lock entries; the checks pass\n")
