"""How the package hangs together: no import cycle, and the checks do not import what produces the site."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "checks"
# Modules that make something (the PDFs, the downloads, XLIFF, a review, a relock): a check reads, it does not
# make; `python -m checks` and the built-site verification import none of them.
PRODUCERS = {"checks.export.printed", "checks.export.publish", "checks.export.interchange", "checks.review", "checks.relock"}


def imports(path: Path) -> set[str]:
    """The package's modules one module imports (at any level of its code)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "checks":
                out |= {f"checks.{a.name}" for a in node.names}
            elif node.module.startswith("checks."):
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("checks.")}
    return {m for m in out if (PACKAGE / f"{m.split('.', 1)[1]}.py").is_file()}


def graph() -> dict[str, set[str]]:
    return {f"checks.{p.stem}": imports(p) for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}


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
    assert cycle(graph()) == []


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
