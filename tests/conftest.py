"""Shared fixtures: the project root, a strict build of the site in tmp_path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checks.model.site import CONFIG

ROOT = Path(__file__).resolve().parent.parent
# The tests compute every result (a test may change the code a kept result came
# from, as mutation testing does); tests/test_kept.py turns keeping on in a
# folder of its own.
os.environ["MEMORANDUM_KEPT"] = "off"
PROVISION_IDS = (
    ["preamble"] + [f"preamble-{i}" for i in range(1, 8)]
    + ["article-1", "article-1-intro"] + [f"article-1-item-{i}" for i in range(1, 9)]
    + ["article-2"] + [f"article-2-{i}" for i in range(1, 5)]
    + ["signatures", "signatory-1", "signatory-2"]
)


def shell_command(path: Path, body: str) -> str:
    """An executable shell script at ``path`` that runs ``body``: a stand-in for a program a test replaces."""
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return str(path)


def docs_copy(tmp_path: Path) -> Path:
    """A copy of the real docs/ in ``tmp_path`` (for a fault or an edit planted in it)."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    return docs


def copy_project(dest: Path) -> Path:
    """A copy of what a build reads (config, docs, hooks, overrides) in ``dest``."""
    shutil.copy2(ROOT / CONFIG, dest / CONFIG)
    for name in ("docs", "hooks", "overrides", "checks"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name)
    return dest


def build(project: Path, site: Path, *extra: str, site_url: str | None = None,
          engine: str = "properdocs", strict: bool = True) -> subprocess.CompletedProcess[str]:
    """``properdocs build --strict`` of ``project`` into ``site`` (for ``site_url`` when given);
    ``engine="mkdocs"`` builds with the MkDocs fallback instead; ``strict=False`` lets a build
    with findings finish (the configuration's ``strict: true`` taken out of a copy)."""
    if not strict:
        config = project / CONFIG
        config.write_text(config.read_text("utf-8").replace("\nstrict: true\n", "\n"), "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", engine, "build", *(["--strict"] if strict else []), "-f", str(project / CONFIG),
         "-d", str(site), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, strictly built once per session into a temporary directory."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    out = tmp_path_factory.mktemp("site")
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    return out


def render(name: str):
    """What hooks/<name>.py does, importable: ``checks.render.<name>``."""
    import importlib
    return importlib.import_module(f"checks.render.{name}")


def hook(name: str):
    """Import hooks/<name>.py as MkDocs does (by path), for its events (tests/test_hook_events.py)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(f"hooks.{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory):
    """The site built for, and served on, a free 127.0.0.1 port: (base URL, site dir)."""
    from browser import free_port, serve
    port = free_port()
    project = copy_project(tmp_path_factory.mktemp("served-project"))
    out = tmp_path_factory.mktemp("served-site")
    result = build(project, out, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    server = serve(out, port)
    base = next(server)
    yield base, out
    server.close()


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (a failure, never a skip, when missing)."""
    from browser import ARGS, chromium_path
    from playwright.sync_api import sync_playwright
    path = chromium_path()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def pytest_collection_modifyitems(items) -> None:
    """Mark every test that builds a site (through a fixture or by calling ``build``):
    ``-m "not build"`` selects the in-process tests (mutation testing runs those).
    The tests marked ``long`` run first, so that no worker is left with one at the end."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)
    for item in items:
        function = getattr(item, "function", None)
        calls_build = function is not None and "build" in function.__code__.co_names
        if calls_build or {"site", "served", "built"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)
