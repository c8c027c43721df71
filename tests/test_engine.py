"""The build engine: ProperDocs builds the site, MkDocs 1.6.1 is a checked fallback,
Zensical is tried when it can be installed, and ``make serve`` runs the code just edited."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import free_port
from conftest import PROVISION_IDS, ROOT, build, copy_project

GENERATOR = {"properdocs": "mkdocs-ProperDocs 1.6.7, mkdocs-material", "mkdocs": "mkdocs-1.6.1, mkdocs-material"}


def _without_generator(html: bytes) -> tuple[str, list[str]]:
    """A page's markup with its generator meta tags taken out, and their contents."""
    soup = BeautifulSoup(html, "html.parser")
    tags = soup.find_all("meta", attrs={"name": "generator"})
    contents = [t.get("content", "") for t in tags]
    for t in tags:
        t.decompose()
    return str(soup), contents


def differences(a: Path, b: Path) -> list[str]:
    """Every way two built sites differ, other than the generator meta tag of their pages."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    out = [f"{name}: only in the first" for name in sorted(files_a - files_b)]
    out += [f"{name}: only in the second" for name in sorted(files_b - files_a)]
    for name in sorted(files_a & files_b):
        one, two = (a / name).read_bytes(), (b / name).read_bytes()
        if one == two:
            continue
        if not name.endswith(".html"):
            out.append(f"{name}: differs")
        elif _without_generator(one)[0] != _without_generator(two)[0]:
            out.append(f"{name}: differs beyond the generator tag")
    return out


def provision_texts(html: str) -> dict[str, str]:
    """Each provision's text in a built memorandum page, by id (whitespace runs as one space)."""
    soup = BeautifulSoup(html, "html.parser")
    texts = {}
    for pid in PROVISION_IDS:
        node = soup.find(id=pid)
        if node is not None:
            for tool in node.select(".headerlink, .provision-tools"):
                tool.decompose()
            texts[pid] = " ".join(node.get_text(" ").split())
    return texts


def _site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


PAGE = '<html><head><meta name="generator" content="{g}"><title>t</title></head><body>{b}</body></html>'
# (case, first site, second site, differences expected)
SITE_PAIRS = [
    ("the same", {"a.html": PAGE.format(g="x", b="1")}, {"a.html": PAGE.format(g="x", b="1")}, []),
    ("only the generator differs", {"a.html": PAGE.format(g="mkdocs-ProperDocs 1.6.7", b="1")},
     {"a.html": PAGE.format(g="mkdocs-1.6.1", b="1")}, []),
    ("the body differs too", {"a.html": PAGE.format(g="x", b="1")}, {"a.html": PAGE.format(g="y", b="2")},
     ["a.html: differs beyond the generator tag"]),
    ("a data file differs", {"s.json": "{}"}, {"s.json": "[]"}, ["s.json: differs"]),
    ("a file missing", {"a.txt": "1", "b.txt": "2"}, {"a.txt": "1", "c.txt": "3"},
     ["b.txt: only in the first", "c.txt: only in the second"]),
]


@pytest.mark.parametrize("case, first, second, expected", SITE_PAIRS, ids=[p[0] for p in SITE_PAIRS])
def test_site_differences_are_named(tmp_path: Path, case: str, first, second, expected: list[str]) -> None:
    assert differences(_site(tmp_path / "a", first), _site(tmp_path / "b", second)) == expected


def test_properdocs_and_the_mkdocs_fallback_build_the_same_site(tmp_path: Path) -> None:
    # Built from the repository itself: its pages' dates come from git (a copy
    # would show the time of each build instead).
    sites = {}
    for engine in ("properdocs", "mkdocs"):
        result = build(ROOT, tmp_path / f"site-{engine}", engine=engine)
        assert result.returncode == 0, result.stderr
        # No deprecation message, no warning: only the build's INFO lines.
        noise = [ln for ln in result.stderr.splitlines() if ln.strip() and not ln.startswith("INFO")]
        assert noise == [], (engine, noise)
        sites[engine] = tmp_path / f"site-{engine}"
    assert differences(sites["properdocs"], sites["mkdocs"]) == []
    for engine, out in sites.items():
        _, contents = _without_generator((out / "index.html").read_bytes())
        assert contents == [GENERATOR[engine]]
    for lang in ("", "en/"):
        texts = [provision_texts((out / lang / "memorandum/index.html").read_text("utf-8")) for out in sites.values()]
        assert set(texts[0]) == set(PROVISION_IDS) and texts[0] == texts[1]


def _engine_of_hooks(preamble: str) -> str:
    code = f"{preamble}\nfrom checks import engine\nprint(engine.NAME, engine.get_plugin_logger('x').logger.name)"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize("preamble, expected", [
    ("import properdocs.replacement", "properdocs properdocs.plugins.x"),  # what `properdocs` runs
    ("import mkdocs.plugins", "mkdocs mkdocs.plugins.x"),  # what `mkdocs` runs
    ("", "properdocs properdocs.plugins.x"),  # tests and the checks' CLI
], ids=["properdocs", "mkdocs", "neither"])
def test_the_hooks_use_the_running_engines_plugin_api(preamble: str, expected: str) -> None:
    # The logger's name decides whether a strict build counts a hook's warning.
    assert _engine_of_hooks(preamble) == expected


def test_a_finding_fails_the_strict_build_under_either_engine_and_is_printed_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / "docs/about.en.md"
    page.write_text(page.read_text("utf-8") + "\nSee Article 9.9, signed in {{ signed_city }}.\n", "utf-8")
    line = len(page.read_text("utf-8").splitlines())
    for engine in ("properdocs", "mkdocs"):
        result = build(project, tmp_path / f"out-{engine}", engine=engine)
        assert result.returncode == 1, (engine, result.stderr[-2000:])
        warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("WARNING")]
        # Each fault once (a rule reports, a hook transforms), with its place; the lock's TRL004 for the edit.
        assert [w.split(": ", 1)[1].split(" ", 2)[:2] for w in warnings] == [
            ["docs/about.en.md:1:1:", "TRL004"], [f"docs/about.en.md:{line}:5:", "REF001"],
            [f"docs/about.en.md:{line}:28:", "STR005"]], (engine, warnings)
        assert "warnings in strict mode" in result.stdout + result.stderr


def test_zensical_builds_the_same_provisions(site: Path, tmp_path: Path) -> None:
    if importlib.util.find_spec("zensical") is None or importlib.util.find_spec("zensical_i18n") is None:
        pytest.skip("Zensical cannot be installed here: zensical 0.1.1 requires zensical-ui 0.0.42, which the "
                    "package registry does not have; zensical-i18n 0.3.0 requires zensical < 0.1")
    project = copy_project(tmp_path / "project")
    out = tmp_path / "zensical-site"
    result = subprocess.run([str(Path(sys.executable).with_name("zensical")), "build", "-f",
                             str(project / "properdocs.yml")], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "SITE_DIR": str(out)}, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    for lang in ("", "en/"):
        ours = provision_texts((site / lang / "memorandum/index.html").read_text("utf-8"))
        theirs = provision_texts((project / "site" / lang / "memorandum/index.html").read_text("utf-8"))
        assert theirs == ours


def _serve_command(port: int) -> str:
    """The command `make serve` runs (make's dry run), with absolute paths."""
    dry = subprocess.run(["make", "-s", "-n", "serve", f"ADDR=127.0.0.1:{port}", f"RUN={ROOT / '.venv/bin'}"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return dry.stdout.strip().splitlines()[-1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(condition, what: str, seconds: float = 240.0):
    """Poll ``condition`` until it is true (a deadline only against a hang)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def test_make_serve_serves_an_edited_hooks_new_output(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    port = free_port()
    command = _serve_command(port)
    assert "watchfiles" in command and "properdocs serve" in command
    server = subprocess.Popen(["bash", "-c", command], cwd=project, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/en/about/"
    marker = "<!-- served by the edited hook -->"
    try:
        first = _wait_for(lambda: _get(url), "the first build to be served")
        assert marker not in first
        hook = project / "hooks/conformance.py"
        hook.write_text(hook.read_text("utf-8") + (
            "\n\ndef on_post_page(output, /, *, page, config):\n"
            f"    return output.replace('</body>', {marker!r} + '</body>')\n"), "utf-8")
        _wait_for(lambda: marker in _get(url), "the edited hook's output to be served")
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.mark.parametrize("workers, expected", [
    (1, ["L1", "L2", "L3", "a", "b", "c", "d", "e"]),
    (2, ["L1", "L3", "a", "b", "L2", "c", "d", "e"]),  # runs of 4 and 4
    (3, ["L1", "a", "L2", "b", "c", "L3", "d", "e"]),  # runs of 2, 3 and 3: each starts with a long one
])
def test_each_worker_starts_with_its_share_of_the_long_tests(workers: int, expected: list) -> None:
    from conftest import long_first
    items = ["a", "L1", "b", "L2", "c", "L3", "d", "e"]
    ordered = long_first(items, workers, lambda name: name.startswith("L"))
    assert ordered == expected and sorted(ordered) == sorted(items)
