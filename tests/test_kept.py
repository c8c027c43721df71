"""Results kept between builds (checks.model.kept): the same code and inputs give the kept
result, any changed byte computes afresh, and a rebuild that keeps builds the same site."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import bc_magic

from checks.model import kept, metadata
from checks.render import dated, templates
from checks.verify import output
from conftest import ROOT, build


@pytest.fixture
def keeping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keeping on, in a cache folder of this test's own."""
    monkeypatch.setenv("MEMORANDUM_KEPT", "on")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "japan-uk-quantum-moc" / "kept"


class Counter:
    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


# (inputs of the first call, inputs of the second, computations expected)
@pytest.mark.parametrize("first, second, calls", [
    (["a", b"b"], ["a", b"b"], 1),  # the same inputs: kept
    (["a", b"b"], ["a", b"c"], 2),  # a changed byte
    (["ab", "c"], ["a", "bc"], 2),  # the same bytes cut differently
    (["a"], ["a", ""], 2),  # one more input, even empty
    ([], [], 1),
])
def test_a_result_is_kept_on_its_inputs(keeping: Path, first: list, second: list, calls: int) -> None:
    compute = Counter({"x": [1, "二"]})
    assert kept.kept("k", first, compute) == {"x": [1, "二"]}
    assert kept.kept("k", second, compute) == {"x": [1, "二"]}
    assert compute.calls == calls


def test_kinds_and_code_name_results_apart(keeping: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compute = Counter(1)
    kept.kept("one", ["a"], compute)
    kept.kept("two", ["a"], compute)
    assert compute.calls == 2
    monkeypatch.setattr(kept, "code_digest", lambda: "other code")
    kept.kept("one", ["a"], compute)
    assert compute.calls == 3 and len(list((keeping / "one").glob("*.json"))) == 2


def test_the_code_digest_covers_every_module_of_the_checks_and_hooks() -> None:
    modules = [p for top in kept.CODE for p in (ROOT / top).rglob("*.py")]
    assert len(modules) >= 40 and kept.PROJECT == ROOT
    assert len(kept.code_digest()) == 64


@pytest.mark.parametrize("content", ["", "{not json", '{"x": 1}', "[1]"])
def test_a_kept_file_that_does_not_load_is_computed_again(keeping: Path, content: str) -> None:
    compute = Counter([1, 2])
    load = lambda data: [int(data[0]), int(data[1])]  # noqa: E731
    kept.kept("k", ["a"], compute, load=load)
    (path,) = (keeping / "k").glob("*.json")
    path.write_text(content, "utf-8")
    assert kept.kept("k", ["a"], compute, load=load) == [1, 2] and compute.calls == 2
    assert json.loads(path.read_text("utf-8")) == [1, 2]  # and written whole again


def test_off_computes_every_time_and_keeps_nothing(keeping: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMORANDUM_KEPT", "off")
    compute = Counter(1)
    kept.kept("k", ["a"], compute)
    kept.kept("k", ["a"], compute)
    assert compute.calls == 2 and not keeping.exists()


def test_a_folder_that_cannot_be_written_keeps_nothing_and_still_answers(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("MEMORANDUM_KEPT", "on")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder would be
    compute = Counter(5)
    assert kept.kept("k", ["a"], compute) == 5 and kept.kept("k", ["a"], compute) == 5 and compute.calls == 2


def test_a_result_that_is_not_json_is_not_kept_and_leaves_no_file(keeping: Path) -> None:
    compute = Counter({1, 2})
    assert kept.kept("k", ["a"], compute) == {1, 2}
    assert list((keeping / "k").iterdir()) == []


def test_a_kind_holds_at_most_the_limit(keeping: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "LIMIT", 3)
    for i in range(5):
        kept.kept("k", [str(i)], Counter(i))
    assert len(list((keeping / "k").glob("*.json"))) == 3


PAGE = ('<div class="md-content__inner"><p id="p-1">本文 &amp; text</p><p>stray</p>'
        '<a href="javascript:alert(1)">x</a><p>&amp;para;</p><script>alert(2)</script></div>')


def test_a_kept_page_reading_is_the_reading(keeping: Path) -> None:
    fresh = output.read(PAGE, frozenset({"p-1"}))
    assert fresh.unsafe and fresh.charrefs and fresh.stray and fresh.provisions  # every part is exercised
    assert output.read_kept(PAGE, frozenset({"p-1"})) == fresh
    assert output.read_kept(PAGE, frozenset({"p-1"})) == fresh  # loaded from the kept file
    assert len(list((keeping / "page-reading").glob("*.json"))) == 1
    assert output.read_kept(PAGE, frozenset()) == output.read(PAGE)  # other ids: read again


def test_kept_metadata_validation_gives_the_same_findings(keeping: Path, tmp_path: Path) -> None:
    bad = tmp_path / "metadata.yml"
    bad.write_text(metadata.path_in(ROOT / "docs").read_text("utf-8").replace("  date: 2025-04-28", "  date: 2025-02-30", 1),
                   "utf-8")
    errors = []
    for _ in range(2):
        with pytest.raises(metadata.MetadataError) as caught:
            metadata.load(bad)
        errors.append((caught.value.args, caught.value.problems))
    assert errors[0] == errors[1] and "expected a real date" in str(errors[0])
    assert len(list((keeping / "metadata-validation").glob("*.json"))) == 1


@pytest.mark.long
def test_a_rebuild_that_keeps_builds_the_same_site(committed: Path, tmp_path: Path, keeping: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Built three times: keeping nothing (the run's committed site), filling the kept results, reading
    them. The same files, byte for byte; and a fault planted in the docs is still found by the build that keeps."""
    project, fresh = committed / "project", committed / "site"  # the pages' dates are its commit's
    monkeypatch.setenv("MEMORANDUM_KEPT", "on")
    counts = []
    for name in ("fill", "read"):
        result = build(project, tmp_path / name)
        assert result.returncode == 0, result.stderr[-2000:]
        counts.append({p.name: len(list(p.glob("*.json"))) for p in keeping.iterdir()})
    # the first build kept one of each; the second read them all and kept nothing new
    assert counts[0] == counts[1] and counts[0]["version-pages"] == 2 and counts[0]["metadata-validation"] == 1
    assert counts[0]["downloads"] == 1
    assert counts[0]["page-reading"] == len(list(fresh.rglob("*.html"))), counts
    for name in ("fill", "read"):
        compared = filecmp.dircmp(fresh, tmp_path / name)
        assert _differences(compared) == [], name
    project = Path(shutil.copytree(project, tmp_path / "project", symlinks=True))  # the run's copy stays as it is
    page = project / "docs" / "memorandum.en.md"
    page.write_text(page.read_text("utf-8").replace("three months", "six months", 1), "utf-8")
    result = build(project, tmp_path / "fault")
    assert result.returncode != 0 and "memorandum.en.md" in result.stderr


def _differences(compared: filecmp.dircmp) -> list[str]:
    out = [f"{compared.left}/{n}" for n in compared.diff_files + compared.left_only + compared.right_only]
    for sub in compared.subdirs.values():
        out += _differences(sub)
    return out


def test_version_pages_are_kept_on_their_sources(keeping: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = Counter({"en/memorandum/2026-11-25/index.html": "<p>x</p>"})
    monkeypatch.setattr(dated, "pages", lambda *args: made())
    args = ("<html></html>", "en", None, {"title": "T"}, "https://example.org/", {})
    first = dated.pages_kept(*args, [b"v", b"m", b"f"])
    again = dated.pages_kept(*args, [b"v", b"m", b"f"])
    other = dated.pages_kept(*args, [b"v", b"m2", b"f"])
    assert first == again == other == made.value and made.calls == 2


def test_results_live_in_the_users_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert kept.folder() == tmp_path / ".cache" / "japan-uk-quantum-moc" / "kept"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert kept.folder() == tmp_path / "x" / "japan-uk-quantum-moc" / "kept"


def test_a_kept_file_is_whole_json_as_written_with_no_temporary_left(keeping: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    elsewhere = tmp_path / "tmp"
    elsewhere.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(elsewhere))  # a temporary file belongs beside the kept one
    kept.kept("k", ["a"], Counter({"text": "量子"}))
    assert [p.name.endswith(".json") for p in (keeping / "k").iterdir()] == [True]
    (path,) = (keeping / "k").iterdir()
    assert path.read_text("utf-8") == '{"text": "量子"}' and list(elsewhere.iterdir()) == []


def test_citations_are_kept_under_their_kind(keeping: Path) -> None:
    from checks.export import cite
    facts = metadata.load(metadata.path_in(ROOT / "docs"))
    item = cite.item(facts, "en", "2026-11-30", "https://e.org/")
    assert cite.oscola(item, "2.3") == cite._oscola(item, "2.3") == cite.oscola(item, "2.3")
    assert len(list((keeping / "oscola").glob("*.json"))) == 1


def test_kept_data_exports_are_the_exports(keeping: Path, tmp_path: Path) -> None:
    from checks.export import publish
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    made = publish.data_files(docs)
    assert publish.downloads(docs, pdfs=False) == publish.downloads(docs, pdfs=False) == {
        **made, publish.SUMS_NAME: publish.sha256sums(made)}
    assert len(list((keeping / "downloads").glob("*.json"))) == 1
    (docs / "_data" / "notes.txt").write_text("any file of the docs", "utf-8")  # a changed docs folder: made afresh
    publish.downloads(docs, pdfs=False)
    assert len(list((keeping / "downloads").glob("*.json"))) == 2


def test_the_code_digest_changes_with_the_installed_libraries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sysconfig
    digests = []
    for name in ("jsonschema-4.26.0.dist-info", "jsonschema-4.27.0.dist-info"):
        folder = tmp_path / name.split("-")[1]
        (folder / name).mkdir(parents=True)
        monkeypatch.setattr(sysconfig, "get_paths", lambda folder=folder: {"purelib": str(folder)})
        kept.code_digest.cache_clear()
        digests.append(kept.code_digest())
    kept.code_digest.cache_clear()
    assert digests[0] != digests[1]


@pytest.mark.parametrize("first, second, same", [(None, None, True), (None, "checks.x__mutmut_1", False),
                                                  ("checks.x__mutmut_1", "checks.x__mutmut_2", False),
                                                  ("checks.x__mutmut_2", "checks.x__mutmut_2", True)])
def test_the_code_digest_names_the_mutant_under_test(monkeypatch: pytest.MonkeyPatch, first, second, same: bool) -> None:
    """mutmut runs every mutant from the same files, choosing one by ``MUTANT_UNDER_TEST``: a result one
    mutant's build kept is not another's (the tests' builds keep their results)."""
    digests = []
    for value in (first, second):
        if value is None:
            monkeypatch.delenv("MUTANT_UNDER_TEST", raising=False)
        else:
            monkeypatch.setenv("MUTANT_UNDER_TEST", value)
        kept.code_digest.cache_clear()
        digests.append(kept.code_digest())
    kept.code_digest.cache_clear()
    assert (digests[0] == digests[1]) is same


def test_the_data_exports_are_made_once_a_process_for_the_same_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each language's verify page and the downloads ask for the data exports: with nothing kept between
    builds, they are made once for the same files, and afresh when any file changes. Each caller gets
    its own dict."""
    from checks.export import publish
    monkeypatch.setenv("MEMORANDUM_KEPT", "off")
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    made: list[Path] = []
    real = publish.data_files
    monkeypatch.setattr(publish, "data_files", lambda d: made.append(d) or real(d))
    first = publish.data_kept(docs)
    first["added by a caller"] = b"x"
    second = publish.data_kept(docs)
    assert made == [docs] and "added by a caller" not in second and second == real(docs)
    (docs / "_data" / "notes.txt").write_text("any file of the docs", "utf-8")
    publish.data_kept(docs)
    assert made == [docs, docs]


# --- the theme's compiled templates (checks.render.templates) ----------------

def _environment(folder: Path, source: str = "Hello {{ name }}") -> jinja2.Environment:
    (folder / "t.html").write_text(source, "utf-8")
    return templates.use(jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder))))


def test_a_template_compiled_once_is_loaded_by_the_next_build(keeping: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert _environment(tmp_path).get_template("t.html").render(name="A") == "Hello A"
    [file] = (keeping / "templates").iterdir()
    again = _environment(tmp_path)
    monkeypatch.setattr(again, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert again.get_template("t.html").render(name="B") == "Hello B"
    # An edited template does not match the kept code: it is compiled again, into the same file.
    assert _environment(tmp_path, "Bye {{ name }}").get_template("t.html").render(name="C") == "Bye C"
    assert list((keeping / "templates").iterdir()) == [file]


@pytest.mark.parametrize("damage", [b"", b"\x00" * 40, bc_magic, bc_magic + b"garbage", bc_magic + b"\x80\x02X"])
def test_an_unreadable_compiled_template_is_compiled_again(keeping: Path, tmp_path: Path, damage: bytes) -> None:
    _environment(tmp_path).get_template("t.html")
    [file] = (keeping / "templates").iterdir()
    file.write_bytes(damage)
    assert _environment(tmp_path).get_template("t.html").render(name="A") == "Hello A"
    assert file.read_bytes() != damage  # written again


def test_nothing_kept_compiles_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("MEMORANDUM_KEPT", "off")
    assert templates.cache() is None and _environment(tmp_path).bytecode_cache is None
    monkeypatch.setenv("MEMORANDUM_KEPT", "on")
    (tmp_path / "cache").write_text("a file where the folder would be")
    assert templates.cache() is None  # a folder that cannot be made keeps nothing
    assert _environment(tmp_path).get_template("t.html").render(name="A") == "Hello A"


def test_the_kept_templates_are_limited(keeping: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = keeping / "templates"
    folder.mkdir(parents=True)
    for n in range(5):
        (folder / f"__jinja2_{n}.cache").write_bytes(b"x")
        os.utime(folder / f"__jinja2_{n}.cache", ns=(n * 10**9, n * 10**9))
    monkeypatch.setattr(kept, "LIMIT", 3)
    assert templates.cache() is not None
    assert sorted(p.name for p in folder.iterdir()) == [f"__jinja2_{n}.cache" for n in (2, 3, 4)]


def test_a_kept_template_in_use_outlives_newer_ones_unused(keeping: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _environment(tmp_path).get_template("t.html")
    [used] = (keeping / "templates").iterdir()
    os.utime(used, ns=(0, 0))  # written long ago
    for n in range(3):  # written since, never read
        (keeping / "templates" / f"__jinja2_{n}.cache").write_bytes(b"x")
    _environment(tmp_path).get_template("t.html")  # read now
    monkeypatch.setattr(kept, "LIMIT", 3)
    assert templates.cache() is not None
    assert used.exists() and len(list((keeping / "templates").iterdir())) == 3
