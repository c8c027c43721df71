"""How the package hangs together: no import cycle, and the checks do not import what produces the site."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "checks"
# Modules that make something (the PDFs, the downloads, XLIFF, a review, a relock): a check reads, it does not
# make; `python -m checks` and the built-site verification import none of them.
PRODUCERS = {"checks.export.akn", "checks.export.printed", "checks.export.publish", "checks.export.interchange", "checks.review", "checks.relock"}


def module_of(path: Path) -> str:
    """checks/model/site.py -> checks.model.site; checks/model/languages/__init__.py -> checks.model.languages."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_of(p): p for p in PACKAGE.rglob("*.py") if p.stem != "__main__"}


def imports(path: Path) -> set[str]:
    """The package's modules one module imports (at any level of its code): ``from checks.model import
    site`` imports checks.model.site (and the package checks.model)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.split(".")[0] == "checks":
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("checks.")}
    return {m for m in out if m in MODULES} - {module_of(path)}


def graph() -> dict[str, set[str]]:
    return {m: imports(p) for m, p in MODULES.items()}


def cycle(g: dict[str, set[str]]) -> list[str]:
    """One import cycle, as the modules around it, or []."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> list[str]:
        state[m] = 1
        path.append(m)
        for n in sorted(g.get(m, ())):
            if state.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in state and (found := visit(n)):
                return found
        state[m] = 2
        path.pop()
        return []

    for m in sorted(g):
        if m not in state and (found := visit(m)):
            return found
    return []


def reach(g: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        m = todo.pop()
        for n in g.get(m, ()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def test_the_package_has_no_import_cycle() -> None:
    g = graph()
    # the graph covers the subpackages: the checks reach the rules, the model and the language profiles
    assert {"checks.rules.facts", "checks.model.site", "checks.model.languages.ja"} <= reach(g, "checks.cli")
    assert cycle(g) == []


@pytest.mark.parametrize("g, expected", [
    ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
])
def test_the_cycle_finder_finds_a_cycle(g, expected) -> None:
    assert cycle(g) == expected


@pytest.mark.parametrize("start", ["checks.cli", "checks.verify.built", "checks.verify.exported", "checks.verify.output"])
def test_the_checks_and_the_verification_import_no_producer(start: str) -> None:
    assert reach(graph(), start) & PRODUCERS == set()


def test_python_m_checks_loads_no_renderer() -> None:
    code = ("import sys, runpy; sys.argv = ['checks', '--help']\n"
            "try:\n    runpy.run_module('checks', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'translate', 'pypdf') "
            "or m in " + repr(sorted(PRODUCERS)) + "))")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"


HOOKS = ROOT / "hooks"
MUTABLE = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)


def module_state(path: Path) -> list[str]:
    """Module-level names a file binds to a mutable container, other than UPPER_CASE constants."""
    out = []
    for node in ast.parse(path.read_text("utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        value = getattr(node, "value", None)
        mutable = isinstance(value, MUTABLE) or (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                                                 and value.func.id in ("dict", "list", "set", "defaultdict"))
        out += [t.id for t in targets if isinstance(t, ast.Name) and mutable and not t.id.isupper()]
    return out


@pytest.mark.parametrize("source, expected", [
    ("_seen: set[str] = set()\n", ["_seen"]),
    ("_state = {'started': set()}\n", ["_state"]),
    ("LABELS = {'ja': 'x'}\nTIMEOUT = 600\n", []),
    ("def f():\n    seen = []\n", []),
])
def test_module_state_is_found(tmp_path: Path, source: str, expected: list[str]) -> None:
    path = tmp_path / "hook.py"
    path.write_text(source, "utf-8")
    assert module_state(path) == expected


def test_no_hook_keeps_state_in_its_module() -> None:
    """A build's state is on its configuration (checks.model.build_state): a rebuild never starts from the last one's."""
    files = sorted(HOOKS.glob("*.py")) + sorted((PACKAGE / "render").glob("*.py"))
    assert {p.name: module_state(p) for p in files if module_state(p)} == {}


def test_hooks_are_event_adapters() -> None:
    """A hook holds its events and imports, nothing else: what an event does is importable from checks.render."""
    found = {}
    for path in sorted(HOOKS.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        other = [getattr(n, "name", type(n).__name__) for n in tree.body
                 if not (isinstance(n, (ast.Import, ast.ImportFrom))
                         or (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
                         or (isinstance(n, ast.FunctionDef) and n.name.startswith("on_")))]
        if other:
            found[path.name] = other
        assert (PACKAGE / "render" / path.name).is_file(), path.name
    assert found == {}


# --- one profile per language ------------------------------------------------

PROFILES_DIR = PACKAGE / "model" / "languages"
LANGUAGE_CODES = ("ja", "en")  # the codes the configuration (properdocs.yml) builds


def language_literals(source: str, codes: tuple[str, ...] = LANGUAGE_CODES) -> list[tuple[int, str]]:
    """(line, code) for each string constant that is a language code: a branch (``lang == "ja"``), a
    table key (``{"en": …}``) or a lookup (``name["en"]``); or that names one as a file's language
    suffix or a folder (``f"{name}.en.md"``, ``"en/"``). Docstrings and longer strings are prose."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    in_path = re.compile(rf"(?:^|[./])({'|'.join(codes)})(?:[./]|$)")
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in docstrings:
            continue
        if node.value in codes:
            out.append((node.lineno, node.value))
        elif (m := in_path.search(node.value)) is not None:
            out.append((node.lineno, m.group(1)))
    return out


@pytest.mark.parametrize("source, expected", [
    ('if lang == "ja":\n    pass\n', [(1, "ja")]),
    ('NAMES = {\n    "en": "English",\n}\n', [(2, "en")]),
    ('x = name["en"]\n', [(1, "en")]),
    ('x = f"{a} (ja)"\n', []),  # a message that names a language in words
    ('"""Wraps runs in ``lang="en"``."""\n', []),
    ('x = languages.profile(lang).joiner\n', []),
    ('page = docs / f"{name}.en.md"\n', [(1, "en")]),
    ('url = "ja/memorandum/"\n', [(1, "ja")]),
    ('def f():\n    """Reads ``about.en.md``."""\n', []),
    ('x = "e.g. open the menu"\n', []),
])
def test_language_literals_are_found(source: str, expected: list) -> None:
    assert language_literals(source) == expected


def test_no_language_literal_outside_the_profiles() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}: {code!r}"
             for path in sorted([*PACKAGE.rglob("*.py"), *HOOKS.glob("*.py")]) if PROFILES_DIR not in path.parents
             for line, code in language_literals(path.read_text("utf-8"))]
    assert found == [], "ask checks.model.languages (profile(lang), ORIGINAL, TRANSLATION) instead"


def test_the_profiles_are_the_configured_languages() -> None:
    import yaml

    from checks.model import languages
    class Loader(yaml.SafeLoader):  # the configuration's !ENV and !!python tags are not this test's concern
        pass
    Loader.add_multi_constructor("", lambda loader, tag, node: None)
    config = yaml.load((ROOT / "properdocs.yml").read_text("utf-8"), Loader=Loader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    built = [lang["locale"] for lang in i18n["languages"]]
    default = [lang["locale"] for lang in i18n["languages"] if lang.get("default")]
    assert tuple(built) == languages.CODES == LANGUAGE_CODES and default == [languages.ORIGINAL]
    for code, p in languages.PROFILES.items():  # every profile has every UI string the others have
        assert p.code == code and set(p.ui) == set(languages.profile(languages.ORIGINAL).ui)
        for where, strings in p.ui.items():
            assert set(strings) == set(languages.profile(languages.ORIGINAL).ui[where]), (code, where)
        assert set(p.labels) == set(languages.profile(languages.ORIGINAL).labels)
        assert set(p.notices) == set(languages.profile(languages.ORIGINAL).notices)
