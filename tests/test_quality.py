"""Quality gates on every built page, both languages: accessibility, lang, HTML validity."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from axe_playwright_python.sync_playwright import Axe

from browser import ARTIFACTS
from checks.model import accessibility
from test_browser import ALL_PAGES

ROOT = Path(__file__).resolve().parent.parent
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


REPORT = accessibility.load(accessibility.path_in(ROOT / "docs"))
# A version's page in each language (checks.render.dated): the current page's structure with a notice.
DATED_PAGES = ["memorandum/2025-04-28/", "en/memorandum/2026-11-25/"]


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", ALL_PAGES + DATED_PAGES)
def test_axe_wcag_22_aa(served, chromium, path: str, width: int) -> None:
    base, _ = served
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/{path}", wait_until="networkidle")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    # The accessibility report's claims for the criteria axe tests, against this run.
    contradicted = accessibility.contradictions(REPORT, results.response, f"/{path} at {width} px")
    # Every criterion the report says axe tested has an axe rule that tests it.
    tagged = accessibility.criteria_of(page.evaluate("() => axe.getRules().flatMap(r => r.tags)"))
    context.close()
    assert violations == [] and contradicted == []
    assert {str(c["id"]) for c in REPORT["criteria"] if c["method"] == "axe"} <= tagged


# Text in the other language must carry its own lang: Japanese text on an
# English page, and English words on a Japanese page.
OTHER_LANGUAGE = """lang => {
  const other = lang === 'en' ? /[\\u3040-\\u30ff\\u3400-\\u9fff]/ : /[A-Za-z]{3,}/;
  const want = lang === 'en' ? 'ja' : 'en';
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, svg, [hidden], [aria-hidden=true]')) continue;
    // Latin letters in code on a Japanese page are identifiers, not English.
    if (lang === 'ja' && el.closest('code, pre, kbd, samp')) continue;
    if (!other.test(n.textContent)) continue;
    const own = el.closest('[lang]');
    if (!own || own.getAttribute('lang') !== want) bad.push(n.textContent.trim().slice(0, 40));
  }
  return bad;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ALL_PAGES)
def test_text_in_the_other_language_carries_its_lang(served, page, path: str) -> None:
    base, _ = served
    page.goto(f"{base}/{path}")
    lang = page.evaluate("document.documentElement.lang")
    assert page.evaluate(OTHER_LANGUAGE, lang) == []


NODE_BIN = ROOT / "node_modules" / ".bin"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NODE_HINT = "run `make test` (it runs `npm ci` for the pinned tools) or `npm ci` yourself"


def _need(path: Path, what: str) -> None:
    if not path.exists():
        pytest.fail(f"{what} not found at {path}: {NODE_HINT}", pytrace=False)


def test_html_is_valid_for_the_nu_checker(site: Path) -> None:
    import shutil
    _need(VNU_JAR, "the W3C Nu HTML Checker (vnu-jar)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: apt-get install -y default-jre-headless", pytrace=False)
    files = sorted(str(p) for p in site.rglob("*.html"))
    assert len(files) >= 11
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert errors == []


LIGHTHOUSE_PAGES = ["", "memorandum/", "en/", "en/memorandum/", "en/changes/", "en/memorandum/2026-11-25/"]


def lighthouse(url: str, out: Path, categories: str = "accessibility,best-practices,seo,performance") -> dict:
    """One Lighthouse run (default mobile profile) in Debian's Chromium; the JSON report. The tests
    leave performance out (no trace to record: a third of the time); ``make bench`` measures it."""
    from browser import ARGS, chromium_path
    _need(NODE_BIN / "lighthouse", "Lighthouse 12.2.3")
    flags = " ".join(["--headless=new", *ARGS])
    result = subprocess.run(
        [str(NODE_BIN / "lighthouse"), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--only-categories={categories}", f"--chrome-flags={flags}"],
        env={**__import__("os").environ, "CHROME_PATH": chromium_path()},
        capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(out.read_text("utf-8"))


@pytest.mark.browser
@pytest.mark.long
@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES)
def test_lighthouse_accessibility_best_practices_seo_100(served, path: str) -> None:
    base, _ = served
    ARTIFACTS.mkdir(exist_ok=True)
    report = lighthouse(f"{base}/{path}", ARTIFACTS / f"lighthouse-{(path.strip('/') or 'home').replace('/', '-')}.json",
                        categories="accessibility,best-practices,seo")
    scores = {k: v["score"] for k, v in report["categories"].items()}
    failing = [(cat["id"], ref["id"]) for cat in report["categories"].values() if cat["id"] != "performance"
               for ref in cat["auditRefs"]
               if ref.get("weight") and (report["audits"][ref["id"]]["score"] or 0) < 1
               and report["audits"][ref["id"]]["score"] is not None]
    if path in DATED_PAGES:  # a version's page keeps itself out of search indexes (noindex): that one audit fails
        assert (scores["accessibility"], scores["best-practices"], failing) == (1, 1, [("seo", "is-crawlable")])
        return
    assert (scores["accessibility"], scores["best-practices"], scores["seo"], failing) == (1, 1, 1, [])
