"""XLIFF and TMX for translators: ``make xliff`` and ``make import-xliff FILE=…``.

Export (``python -m checks.export.interchange export``) writes every provision the
two texts share as one unit: the provision id as the unit's id, the Japanese
text as its source, the English as its target, and the translation lock's
state as the unit's state, in three files made with translate-toolkit:

* ``memorandum.ja-en.xlf``: XLIFF 2.0 (OmegaT, memoQ, Trados Studio 2019+);
* ``memorandum.ja-en.xliff12.xlf``: XLIFF 1.2 (older tools);
* ``memorandum.ja-en.tmx``: TMX 1.4b, the aligned pairs (also published on
  the site, ``checks.export.publish``).

Both XLIFF files are valid against the OASIS schemas in ``checks/schemas/``
(the tests validate them). The editorial pages are not exported: each is
written in its language with placeholders, notes and links, and the lock
holds it as a whole page, so a unit would be a Markdown file a CAT tool
cannot segment; their translation stays in the Markdown.

Lock state to unit state (XLIFF 2.0 / 1.2): checked against the current
Japanese ``final`` / ``final``; English edited since its check ``translated``
/ ``translated``; the Japanese changed since the check ``initial`` /
``needs-review-translation``; never checked ``translated`` / ``translated``.

Import (``python -m checks.export.interchange import FILE``) applies a translated
XLIFF (2.0 or 1.2) to ``docs/memorandum.en.md`` all or nothing. Refused, with
the file, the unit's line and a code, when anything is wrong, and nothing is
changed:

* XLF001: not well-formed XML, or not readable;
* XLF002: not XLIFF 1.2 or 2.0, or not valid against its OASIS schema;
* XLF003: a language pair other than Japanese to English;
* XLF004: a unit id that is not a provision of both texts, or one given twice;
* XLF005: a unit whose source is not the current Japanese text of its
  provision (the Japanese changed since the export, or the tool changed it);
* XLF006: a unit whose target is missing or empty;
* XLF007: markup in a unit (inline elements, or Markdown and HTML syntax in
  the target) that the Markdown would render as something else;
* XLF008: a changed unit whose provision the Markdown writes over several
  lines or with inline markup (a signatory's lines): edit it by hand.

Then each provision whose target differs from its English is rewritten in
place (nothing else in the file moves), the lock is re-stamped for those
provisions only, and the checks run; if they find anything, the files are
put back as they were and the findings are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Iterator, NamedTuple, Sequence

from checks import Finding
from checks.model import document, languages, lock, site, versions

SOURCE_LANG, TARGET_LANG = site.ORIGINAL, site.TRANSLATION
ORIGINAL = f"{site.MEMORANDUM}.{SOURCE_LANG}.md"  # the file the units come from
NAMES = {"xliff2": f"{site.MEMORANDUM}.{SOURCE_LANG}-{TARGET_LANG}.xlf",
         "xliff12": f"{site.MEMORANDUM}.{SOURCE_LANG}-{TARGET_LANG}.xliff12.xlf",
         "tmx": site.TMX_NAME}
NS2 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
SCHEMAS = Path(__file__).parents[1] / "schemas"  # checks/schemas
SCHEMA = {NS2: SCHEMAS / "xliff" / "xliff_core_2.0.xsd", NS12: SCHEMAS / "xliff" / "xliff-core-1.2-strict.xsd"}
XML_XSD = SCHEMAS / "xliff" / "informativeCopiesOf3rdPartySchemas" / "w3c" / "xml.xsd"
STATE2 = {"ok": "final", "edited": "translated", "stale": "initial", "missing": "translated"}
STATE12 = {"ok": "final", "edited": "translated", "stale": "needs-review-translation", "missing": "translated"}
SKELETON12 = (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{NS12}">'
              f'<file original="{site.MEMORANDUM}.{SOURCE_LANG}.md" source-language="{SOURCE_LANG}" '
              f'target-language="{TARGET_LANG}" datatype="plaintext"><body></body></file></xliff>\n')
# What Markdown would read as markup in a provision's English: tags, attribute
# lists, emphasis, code, links; a heading, list or quote marker at the start.
MARKDOWN = re.compile(r"[<>{}*`\[\]\\\n\r]|^\s*(?:#|[-+]\s|>)")
MAX_BYTES = 5_000_000


class Unit(NamedTuple):
    id: str
    source: str
    target: str
    state: str  # the lock's: ok, edited, stale, missing
    note: str


def units(docs: Path) -> list[Unit]:
    """Every provision both texts hold, in the Japanese text's order, with its lock state."""
    ja = document.load(site.memorandum_path(docs, SOURCE_LANG))
    en = document.load(site.memorandum_path(docs, TARGET_LANG))
    recorded = lock.load(lock.path_in(docs))["provisions"]
    out = []
    for item in lock.items(docs, ja, en):
        if item.kind != "provisions":
            continue
        entry = recorded.get(item.key)
        state = lock.status(item, entry)
        checked = (entry or {}).get("checked") or "never"
        out.append(Unit(item.key, item.ja, item.en, state,
                        f"{document.label(item.key, TARGET_LANG)}; translation lock: {state}, checked {checked}"))
    return out


# --- export -----------------------------------------------------------------

def xliff2(unit_list: list[Unit]) -> bytes:
    """XLIFF 2.0 of the units (translate-toolkit), valid against the OASIS core schema."""
    from lxml import etree
    from translate.storage import xliff2 as tt
    store = tt.Xliff2File(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    for u in unit_list:
        unit = store.addsourceunit(u.source)
        unit.setid(u.id)
        unit.target = u.target
        unit.addnote(u.note)
    root = etree.fromstring(bytes(store))
    root.find(f"{{{NS2}}}file").set("original", ORIGINAL)
    # translate-toolkit writes xml:space and the notes inside <segment>; the 2.0 schema allows
    # them on <unit> only (the notes before the segments).
    space = "{http://www.w3.org/XML/1998/namespace}space"
    states = {u.id: STATE2[u.state] for u in unit_list}
    for unit in root.iter(f"{{{NS2}}}unit"):
        for segment in unit.iter(f"{{{NS2}}}segment"):
            if segment.get(space) is not None:
                unit.set(space, segment.attrib.pop(space))
            segment.set("state", states[unit.get("id")])
            for notes in segment.findall(f"{{{NS2}}}notes"):
                segment.remove(notes)
                unit.insert(0, notes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def xliff12(unit_list: list[Unit]) -> bytes:
    """XLIFF 1.2 of the units (translate-toolkit), valid against the OASIS strict schema."""
    from translate.storage import xliff as tt
    store = tt.xlifffile.parsestring(SKELETON12.encode("utf-8"))
    for u in unit_list:
        unit = store.addsourceunit(u.source, filename=ORIGINAL)
        unit.setid(u.id)
        unit.settarget(u.target)
        unit.addnote(u.note, origin="developer")
        unit.xmlelement.find(f"{{{NS12}}}target").set("state", STATE12[u.state])
        unit.markapproved(u.state == "ok")
    from lxml import etree
    root = etree.fromstring(bytes(store))
    etree.cleanup_namespaces(root)  # translate-toolkit declares its default 1.1 namespace on each unit
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def tmx(unit_list: list[Unit]) -> bytes:
    """TMX 1.4b of the aligned pairs (translate-toolkit)."""
    from translate.storage import tmx as tt
    store = tt.tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    for u in unit_list:
        store.addtranslation(u.source, SOURCE_LANG, u.target, TARGET_LANG)
    return bytes(store)


def export(docs: Path, out: Path) -> list[Path]:
    unit_list = units(docs)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, make in (("xliff2", xliff2), ("xliff12", xliff12), ("tmx", tmx)):
        path = out / NAMES[kind]
        path.write_bytes(make(unit_list))
        written.append(path)
    return written


# --- import -----------------------------------------------------------------

class Incoming(NamedTuple):
    id: str
    source: str
    target: str | None
    line: int
    markup: bool  # an inline element in the source or target


def _text(element) -> tuple[str, bool]:
    """The text of a source or target, and whether it holds an inline element."""
    if element is None:
        return "", False
    return "".join(element.itertext()), len(element) > 0


def read(path: Path) -> tuple[list[Incoming], list[Finding]]:
    """The units of an XLIFF 2.0 or 1.2 file, or the findings that refuse the file as a whole."""
    from lxml import etree
    rel = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [Finding(rel, 1, 1, "XLF001", f"cannot read the file: {exc.strerror or exc}")]
    if len(data) > MAX_BYTES:
        return [], [Finding(rel, 1, 1, "XLF001", f"{len(data)} bytes: expected an XLIFF file under {MAX_BYTES} bytes")]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (1, 1)
        message = re.sub(r", line \d+, column \d+$", "", str(exc.msg))
        return [], [Finding(rel, max(line, 1), max(col, 1), "XLF001", f"not well-formed XML: {message}")]
    ns = etree.QName(root).namespace if isinstance(root.tag, str) else None
    if ns not in SCHEMA or etree.QName(root).localname != "xliff":
        return [], [Finding(rel, root.sourceline or 1, 1, "XLF002",
                            f"root element {root.tag!r}: expected <xliff> of XLIFF 2.0 ({NS2}) or 1.2 ({NS12})")]
    schema = load_schema(ns)
    if not schema.validate(root):
        return [], [Finding(rel, e.line or 1, (e.column or 0) + 1, "XLF002",
                            f"not valid XLIFF {'2.0' if ns == NS2 else '1.2'} (OASIS schema): {e.message}")
                    for e in list(schema.error_log)[:5]]
    q = lambda name: f"{{{ns}}}{name}"  # noqa: E731
    if ns == NS2:
        pairs = [(root.get("srcLang"), root.get("trgLang"), root)]
    else:
        pairs = [(f.get("source-language"), f.get("target-language"), f) for f in root.iter(q("file"))]
    problems = [Finding(rel, el.sourceline or 1, 1, "XLF003", f"language pair {src!r} to {trg!r}: expected "
                        f"{SOURCE_LANG!r} (the signed Japanese) to {TARGET_LANG!r}")
                for src, trg, el in pairs if not (_primary(src) == SOURCE_LANG and _primary(trg) == TARGET_LANG)]
    if problems:
        return [], problems
    found = []
    if ns == NS2:
        for unit in root.iter(q("unit")):
            parts = [p for p in unit if etree.QName(p).localname in ("segment", "ignorable")]
            sources = [_text(p.find(q("source"))) for p in parts]
            targets = [p.find(q("target")) for p in parts]
            target_texts = [_text(t) for t in targets]
            has_target = any(t is not None for t in targets)
            found.append(Incoming(unit.get("id", ""), "".join(s for s, _ in sources),
                                  "".join(t for t, _ in target_texts) if has_target else None, unit.sourceline or 1,
                                  any(m for _, m in sources + target_texts)))
    else:
        for unit in root.iter(q("trans-unit")):
            source, m1 = _text(unit.find(q("source")))
            target_el = unit.find(q("target"))
            target, m2 = _text(target_el)
            found.append(Incoming(unit.get("id", ""), source, target if target_el is not None else None,
                                  unit.sourceline or 1, m1 or m2))
    return found, []


def load_schema(ns: str):
    """The OASIS schema of one XLIFF version, read offline: the W3C ``xml.xsd`` both import is the
    copy beside them (the 1.2 schema names it by its web address)."""
    from lxml import etree

    class Local(etree.Resolver):
        def resolve(self, url, pubid, context):
            if url and url.rsplit("/", 1)[-1] == "xml.xsd":
                return self.resolve_filename(str(XML_XSD), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(SCHEMA[ns]), parser))


def _primary(tag: str | None) -> str:
    return (tag or "").split("-")[0].split("_")[0].lower()


def refusals(path: Path, incoming: list[Incoming], current: dict[str, Unit]) -> Iterator[Finding]:
    """What refuses the units one by one (XLF004–XLF007)."""
    rel, seen = str(path), set()
    for u in incoming:
        if u.id not in current:
            yield Finding(rel, u.line, 1, "XLF004", f"unit '{u.id}' is not a provision of both texts: expected one of "
                                                    f"{', '.join(list(current)[:4])} …")
            continue
        if u.id in seen:
            yield Finding(rel, u.line, 1, "XLF004", f"unit '{u.id}' is given twice: expected each provision once")
            continue
        seen.add(u.id)
        if u.markup:
            yield Finding(rel, u.line, 1, "XLF007", f"unit '{u.id}' holds inline markup (a tag or placeholder): "
                                                    "expected plain text, as exported")
            continue
        if u.source != current[u.id].source:
            yield Finding(rel, u.line, 1, "XLF005", f"unit '{u.id}': its source is not the current Japanese text of "
                                                    f"#{u.id}: expected {_short(current[u.id].source)!r}, found "
                                                    f"{_short(u.source)!r} (export again and carry the translation over)")
            continue
        if u.target is None or not u.target.strip():
            yield Finding(rel, u.line, 1, "XLF006", f"unit '{u.id}' has {'no' if u.target is None else 'an empty'} "
                                                    "target: expected the English text")
            continue
        if (m := MARKDOWN.search(u.target)) is not None:
            yield Finding(rel, u.line, 1, "XLF007", f"unit '{u.id}': {m.group().strip() or 'a line break'!r} in the "
                                                    "target would be read as Markdown or HTML: expected plain text")


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[:n] + "…"


def rewrite(text: str, doc: document.Document, changes: dict[str, str]) -> tuple[str, list[str]]:
    """The Markdown with each changed provision's text replaced where it is written; the ids that
    could not be replaced (written over several lines or with inline markup)."""
    lines = text.splitlines(keepends=True)
    refused = []
    for pid, new in changes.items():
        prov = doc.get(pid)
        if prov is None or len(prov.lines) != 1 or prov.lines[0].text.strip(document.BLANK) != prov.text:
            refused.append(pid)
            continue
        ln = prov.lines[0]
        raw = lines[ln.number - 1]
        if raw[ln.col:ln.col + len(ln.text)] != ln.text:
            refused.append(pid)
            continue
        lines[ln.number - 1] = raw[:ln.col] + new + raw[ln.col + len(ln.text):]
    return "".join(lines), refused


def apply(path: Path, docs: Path, today: str) -> tuple[list[Finding], list[str]]:
    """Apply one translated XLIFF file; (findings, ids changed). Nothing changes when there are findings."""
    incoming, problems = read(path)
    if problems:
        return problems, []
    current = {u.id: u for u in units(docs)}
    problems = list(refusals(path, incoming, current))
    if problems:
        return problems, []
    changes = {u.id: u.target for u in incoming if u.target != current[u.id].target}
    if not changes:
        return [], []
    en_path = site.memorandum_path(docs, TARGET_LANG)
    lock_path, versions_path = lock.path_in(docs), versions.path_in(docs)
    before = {en_path: en_path.read_bytes(), lock_path: lock_path.read_bytes()}
    if versions_path.is_file():
        before[versions_path] = versions_path.read_bytes()
    en_text = before[en_path].decode("utf-8")
    new_text, refused = rewrite(en_text, document.parse(en_text, en_path, TARGET_LANG), changes)
    if refused:
        lines = {u.id: u.line for u in incoming}
        return [Finding(str(path), lines[pid], 1, "XLF008", f"unit '{pid}': #{pid} is written over several lines or "
                                                           f"with inline markup in {en_path.name}: edit it there")
                for pid in refused], []
    en_path.write_text(new_text, encoding="utf-8", newline="")
    ja = document.load(site.memorandum_path(docs, SOURCE_LANG))
    en = document.parse(new_text, en_path, TARGET_LANG)
    recorded = lock.load(lock_path)
    for item in lock.items(docs, ja, en):
        if item.kind == "provisions" and item.key in changes:
            recorded["provisions"][item.key] = lock.stamp(item, today)
    lock_path.write_text(lock.dump(recorded), encoding="utf-8")
    # The imported English is a new version of it (checks.model.versions), its reason naming the file.
    history = versions.read(versions_path)
    if not history.problems:
        reason = {lang: languages.profile(lang).ui["versions"]["imported"].format(file=path.name) for lang in site.LANGS}
        texts = {p.id: p.text for p in en.provisions if p.id in changes}
        header = versions.header_of(before[versions_path].decode("utf-8")) if versions_path in before else versions.HEADER
        versions_path.write_text(versions.dump(versions.record(history, TARGET_LANG, today, reason, texts), header),
                                 "utf-8")
    from checks import cli  # the checks import every rule: only an import that changed something needs them
    findings = cli.run(docs, root=Path.cwd())
    if findings:
        for file, data in before.items():
            file.write_bytes(data)
        return findings, []
    return [], list(changes)


# --- command ----------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.export.interchange", description=(
        "XLIFF 2.0 and 1.2 and TMX for translators: export the provisions, import a translated XLIFF."))
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("export", help="write the XLIFF and TMX files")
    ex.add_argument("--docs", type=Path, default=Path("docs"))
    ex.add_argument("--out", type=Path, default=Path("xliff"))
    im = sub.add_parser("import", help="apply a translated XLIFF file to the English text")
    im.add_argument("file", type=Path)
    im.add_argument("--docs", type=Path, default=Path("docs"))
    im.add_argument("--date", default=dt.date.today().isoformat(), help="the lock's date (default: today)")
    args = parser.parse_args(argv)
    if args.command == "export":
        for path in export(args.docs, args.out):
            print(f"wrote {path}")
        return 0
    findings, changed = apply(args.file, args.docs, args.date)
    for f in findings:
        print(f, file=sys.stderr)
    if findings:
        print(f"import-xliff: {args.file}: nothing changed ({len(findings)} finding{'s' if len(findings) != 1 else ''})",
              file=sys.stderr)
        return 1
    if changed:
        print(f"import-xliff: updated {', '.join('#' + c for c in changed)} in "
              f"{site.memorandum_path(args.docs, TARGET_LANG)}; re-stamped their lock entries; the checks pass")
    else:
        print(f"import-xliff: {args.file}: every unit equals the current English: nothing to change")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
