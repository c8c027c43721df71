"""Shared fixtures: the project root, a strict build of the site in tmp_path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from checks.model.site import CONFIG

ROOT = Path(__file__).resolve().parent.parent
# The tests compute every result in their own process, where a test may replace a
# function a kept result would bypass; tests/test_kept.py turns keeping on in a
# folder of its own. A build in its own process (``build``) keeps its results
# (checks.model.kept): a build of the same docs with the same code, the site
# fixture's or another test's, reads them; a planted fault or an edited hook
# changes the inputs or the code's hash, and the mutant under test is hashed too.
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
    """A copy of what a build reads (config, docs, hooks, overrides) in ``dest`` (made if missing)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / CONFIG, dest / CONFIG)
    for name in ("docs", "hooks", "overrides", "checks"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name)
    return dest


def build(project: Path, site: Path, *extra: str, site_url: str | None = None,
          engine: str = "properdocs", strict: bool = True, keep: bool = True) -> subprocess.CompletedProcess[str]:
    """``properdocs build --strict`` of ``project`` into ``site`` (for ``site_url`` when given);
    ``engine="mkdocs"`` builds with the MkDocs fallback instead; ``strict=False`` lets a build
    with findings finish (the configuration's ``strict: true`` taken out of a copy);
    ``keep=False`` computes every result afresh (``MEMORANDUM_KEPT=off``)."""
    if not strict:
        config = project / CONFIG
        config.write_text(config.read_text("utf-8").replace("\nstrict: true\n", "\n"), "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MEMORANDUM_KEPT": "on" if keep else "off"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", engine, "build", *(["--strict"] if strict else []), "-f", str(project / CONFIG),
         "-d", str(site), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make) -> Path:
    """A folder ``make`` fills once for the whole run: the first worker to ask makes it while the
    others wait on a lock (pytest-xdist's documented way to share a session fixture); a failed
    ``make`` leaves no mark, so the next worker tries again and reports its own failure."""
    import fcntl
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    target, mark = root / name, root / f"{name}.made"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not mark.exists():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir()
            make(target)
            mark.touch()
    return target


def committed_project(dest: Path, hooks_order) -> Path:
    """A copy of the project in its own git repository (the pages' dates then come from one
    commit, the same for every build), its hooks listed in the order ``hooks_order`` gives."""
    project = copy_project(dest)
    config = project / "properdocs.yml"
    text = config.read_text("utf-8")
    head, tail = text.split("\nhooks:\n", 1)
    lines = tail.split("\n")
    listed = [ln for ln in lines if ln.startswith("  - hooks/")]
    config.write_text(head + "\nhooks:\n" + "\n".join(hooks_order(listed) + lines[len(listed):]), "utf-8")
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-30T00:00:00Z", "GIT_COMMITTER_DATE": "2026-11-30T00:00:00Z"}
    for command in (["git", "init", "-q"], ["git", "add", "-A"],
                    ["git", "-c", "user.email=build@example.org", "-c", "user.name=build", "commit", "-qm", "site"]):
        subprocess.run(command, cwd=project, check=True, env=env, capture_output=True)
    return project


@pytest.fixture(scope="session")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project in a git repository of its own (``committed_project``, the hooks as listed)
    and its site, built once per run keeping nothing (every result computed): ``project/``, ``site/``.
    The tests that compare builds of the same commit (the hooks' order, kept results) compare with it."""
    def make(folder: Path) -> None:
        result = build(committed_project(folder / "project", list), folder / "site", keep=False)
        assert result.returncode == 0, result.stderr[-2000:]
    return made_once(tmp_path_factory, "committed", make)


def run_pid() -> int:
    """The test run's own process: the xdist controller from a worker, else this one."""
    return os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, strictly built once per run (whichever worker asks first) into a temporary directory."""
    def make(folder: Path) -> None:
        result = build(copy_project(folder / "project"), folder / "site")
        assert result.returncode == 0, result.stderr
    return made_once(tmp_path_factory, "site", make) / "site"


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
    """The site built for, and served on, a free 127.0.0.1 port: (base URL, site dir). Built once per
    run; one server process (tests/browser.py) serves every worker until the run ends."""
    import socket
    from browser import free_port

    def make(folder: Path) -> None:
        port = free_port()
        result = build(copy_project(folder / "project"), folder / "site", site_url=f"http://127.0.0.1:{port}/")
        assert result.returncode == 0, result.stderr
        subprocess.Popen([sys.executable, str(ROOT / "tests" / "browser.py"), str(folder / "site"), str(port),
                          str(run_pid())], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (folder / "port").write_text(str(port))

    folder = made_once(tmp_path_factory, "served", make)
    port = int((folder / "port").read_text())
    deadline = time.monotonic() + 120  # until the server accepts connections (well under a second when idle)
    while True:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        if time.monotonic() > deadline:
            pytest.fail(f"the test server on port {port} did not start", pytrace=False)
        threading.Event().wait(0.05)
    yield f"http://127.0.0.1:{port}", folder / "site"


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


def long_first(items: list, workers: int, is_long) -> list:
    """``items`` ordered so that each worker starts with its share of the long ones.

    pytest-xdist's ``worksteal`` gives each of the ``workers`` a run of the list in turn (the
    first ``n // workers`` items, then a share of the rest) and a worker that runs out takes
    from the end of another's: a long test at the head of each run is never left for the end."""
    long = [item for item in items if is_long(item)]
    rest = [item for item in items if not is_long(item)]
    if workers <= 1:
        return long + rest
    sizes, left = [], len(items)
    for remaining in range(workers, 0, -1):
        sizes.append(left // remaining)
        left -= sizes[-1]
    runs: list[list] = [[] for _ in range(workers)]
    for k, item in enumerate(long):
        runs[k % workers].append(item)
    others = iter(rest)
    for run, size in zip(runs, sizes):
        run.extend(item for _, item in zip(range(size - len(run)), others))
    return [item for run in runs for item in run] + list(others)


def pytest_collection_modifyitems(items) -> None:
    """Mark every test that builds a site (through a fixture or by calling ``build``):
    ``-m "not build"`` selects the in-process tests (mutation testing runs those).
    The tests marked ``long`` run first on every worker, so that no worker is left with one at the end."""
    items[:] = long_first(items, int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")),
                          lambda item: item.get_closest_marker("long") is not None)
    for item in items:
        function = getattr(item, "function", None)
        calls_build = function is not None and "build" in function.__code__.co_names
        if calls_build or {"site", "served", "built"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)
