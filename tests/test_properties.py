"""Bad input is a finding, never a traceback: random metadata and front matter (Hypothesis).

Random values replace, and random deletions remove, parts of the real
metadata file and of a page's front matter; the checks must report every
problem as a finding with a file, a line and a column, and never raise.
240 metadata cases and 160 front-matter cases run on every `make test`
(1,200 and 800 with `make properties`), in shards of distinct seeds so that
parallel workers share them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from checks import cli
from checks.model import metadata
from conftest import ROOT

FACTS = yaml.load((ROOT / "docs/_data/memorandum.yml").read_text("utf-8"), Loader=metadata.SafeLoader)


def cases(n: int) -> settings:
    """``n`` generated cases, no deadline (a busy machine is slow), no example database."""
    return settings(max_examples=n, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path into a YAML tree (mapping keys and list indices)."""
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += paths(value, prefix + (i,))
    return out


PATHS = paths(FACTS)
# Values a contributor (or a broken editor) might leave: wrong types, empty
# and odd strings, impossible and partial dates, nested structures.
DATES = st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=30), DATES, st.sampled_from(["three", "", " ", "2025-02-30", "2025-13", "<b>x</b>",
                                                                   "{{ title }}", "第 9 条", "Article 9", "- x", "---"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.sampled_from(["ja", "en", "id", "date", "x"]),
                                                                       inner, max_size=3)), max_leaves=6)
EDITS = st.lists(st.tuples(st.sampled_from(PATHS), st.one_of(st.just("delete"), VALUES)), min_size=1, max_size=3)


def edited(facts: Any, edits: list[tuple[tuple, Any]]) -> Any:
    """A deep copy of ``facts`` with each edit applied where its path still exists."""
    import copy
    out = copy.deepcopy(facts)
    for path, value in edits:
        node = out
        try:
            for key in path[:-1]:
                node = node[key]
            if value == "delete":
                del node[path[-1]]
            else:
                node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    return out


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("property") / "docs"
    shutil.copytree(ROOT / "docs", out)
    return out


def assert_findings_are_placed(docs: Path) -> list:
    findings = cli.run(docs, root=docs.parent)  # must not raise
    for f in findings:
        assert f.path and f.line >= 1 and f.col >= 1 and len(f.code) == 6 and f.message, f
    return findings


SHARDS = 4  # each shard its own seed
# Cases per run: `make test` runs 4 x 60 metadata and 4 x 40 front matters (about 25 s of the two
# cores' time); `make properties` (PROPERTY_CASES=full) runs 4 x 300 and 4 x 200.
FULL = os.environ.get("PROPERTY_CASES") == "full"
METADATA_CASES, FRONT_MATTER_CASES = (1200, 800) if FULL else (240, 160)


@pytest.mark.long
@pytest.mark.parametrize("shard", range(SHARDS))
def test_random_metadata_is_reported_never_raised(docs: Path, shard: int) -> None:
    @seed(shard)
    @cases(METADATA_CASES // SHARDS)
    @given(EDITS)
    def case(edits) -> None:
        text = yaml.safe_dump(edited(FACTS, edits), allow_unicode=True, sort_keys=False)
        (docs / "_data/memorandum.yml").write_text(text, "utf-8")
        findings = assert_findings_are_placed(docs)
        if any(f.code == "STR003" for f in findings):
            assert all(f.path == "docs/_data/memorandum.yml" for f in findings if f.code == "STR003")
    case()


FRONT_TEXT = st.text(alphabet=st.sampled_from(list("abc:-[]{}'\"#&*!|>%@` \n\t2025-02-30日本")), max_size=60)
FRONT_VALUES = st.dictionaries(st.sampled_from(["title", "description", "date", "search", "hide", "x"]), VALUES, max_size=4)


@pytest.mark.parametrize("shard", range(SHARDS))
def test_random_front_matter_is_reported_never_raised(docs: Path, shard: int) -> None:
    (docs / "_data/memorandum.yml").write_text((ROOT / "docs/_data/memorandum.yml").read_text("utf-8"), "utf-8")
    body = (ROOT / "docs/about.en.md").read_text("utf-8").split("\n---\n", 1)[1]
    page = docs / "about.en.md"

    @seed(SHARDS + shard)
    @cases(FRONT_MATTER_CASES // SHARDS)
    @given(st.one_of(FRONT_TEXT, FRONT_VALUES.map(lambda d: yaml.safe_dump(d, allow_unicode=True))), st.booleans())
    def case(head: str, closed: bool) -> None:
        page.write_text("---\n" + head + ("\n---\n" if closed else "\n") + body, "utf-8")
        findings = assert_findings_are_placed(docs)
        for f in findings:
            if f.code == "STR002":
                assert f.path == "docs/about.en.md" and f.line <= head.count("\n") + 3
    case()


def test_the_unedited_metadata_is_clean(docs: Path) -> None:
    (docs / "_data/memorandum.yml").write_text((ROOT / "docs/_data/memorandum.yml").read_text("utf-8"), "utf-8")
    shutil.copy(ROOT / "docs/about.en.md", docs / "about.en.md")
    assert assert_findings_are_placed(docs) == []
