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


WIDTHS = [(1280, "desktop"), (375, "phone")]
SCREENSHOTS = ["", "memorandum/", "parallel/", "en/", "en/memorandum/", "en/parallel/"]  # for review, in test-results/


@pytest.mark.browser
@pytest.mark.parametrize("path", ALL_PAGES + DATED_PAGES + ["404.html"])  # the site's one 404 page, both languages
def test_each_page_stays_on_the_site_marks_its_languages_and_passes_axe(served, chromium, path: str) -> None:
    """One load of each page, then each width in turn (the page narrowed as a reader narrows a
    window: the theme's layout is media queries, tables.js re-marks its tables on resize):
    no request leaves the site, no console error and no failed response; text in the other
    language carries its lang; axe WCAG 2.2 AA finds nothing, and contradicts no claim of the
    accessibility report."""
    base, _ = served
    context = chromium.new_context(viewport={"width": WIDTHS[0][0], "height": 900})
    page = context.new_page()
    requests, errors, failures = [], [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: r.status >= 400 and failures.append(f"{r.status} {r.url}"))
    page.goto(f"{base}/{path}", wait_until="networkidle")
    lang = page.evaluate("document.documentElement.lang")
    unmarked = page.evaluate(OTHER_LANGUAGE, lang)
    violations, contradicted = {}, []
    for width, name in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_function("w => window.innerWidth === w && document.documentElement.clientWidth <= w", arg=width)
        if path in SCREENSHOTS:
            out = ARTIFACTS / "screenshots" / f"{(path.strip('/') or 'home').replace('/', '-')}-{name}.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=False)
            assert out.stat().st_size > 5_000
        # Only the violations are read: axe details every passing node too unless told not to
        # (half of each run's time on the memorandum pages).
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
        found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
        if found:
            violations[width] = found
        # The accessibility report's claims for the criteria axe tests, against this run.
        contradicted += accessibility.contradictions(REPORT, results.response, f"/{path} at {width} px")
    # Every criterion the report says axe tested has an axe rule that tests it.
    tagged = accessibility.criteria_of(page.evaluate("() => axe.getRules().flatMap(r => r.tags)"))
    context.close()
    outside = [u for u in requests if not u.startswith(base) and not u.startswith("data:")]
    problems = {"requests leaving the site": outside, "console errors": errors, "failed responses": failures,
                "other-language text without its lang": unmarked, "axe violations": violations,
                "report claims axe contradicts": contradicted}
    assert {check: found for check, found in problems.items() if found} == {}
    assert {str(c["id"]) for c in REPORT["criteria"] if c["method"] == "axe"} <= tagged


NODE_BIN = ROOT / "node_modules" / ".bin"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NODE_HINT = "run `make test` (it runs `npm ci` for the pinned tools) or `npm ci` yourself"


def _need(path: Path, what: str) -> None:
    if not path.exists():
        pytest.fail(f"{what} not found at {path}: {NODE_HINT}", pytrace=False)


@pytest.mark.long
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


def lighthouse(urls: list[str], out: Path, categories: str) -> list[dict]:
    """Lighthouse (default mobile profile) on each URL in turn, in one Node process and one
    Debian Chromium (tests/js/lighthouse_pages.mjs): the JSON reports, in order, for the
    ``categories`` (comma-separated). The tests leave performance out (no trace to record: a third
    of the time); ``make bench`` measures performance alone, one URL per call, so that each run
    starts a cold browser as a reader's first visit does."""
    from browser import ARGS, chromium_path
    _need(NODE_BIN / "lighthouse", "Lighthouse 12.2.3")
    out.mkdir(parents=True, exist_ok=True)
    flags = " ".join(["--headless=new", *ARGS])
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "js" / "lighthouse_pages.mjs"), str(out), categories, flags, *urls],
        cwd=ROOT, env={**__import__("os").environ, "CHROME_PATH": chromium_path()},
        capture_output=True, text=True, timeout=120 * len(urls))
    assert result.returncode == 0, result.stderr[-2000:]
    return [json.loads((out / f"{n}.json").read_text("utf-8")) for n in range(len(urls))]


def lighthouse_failures(report: dict) -> tuple[dict[str, float], list[tuple[str, str]]]:
    """A report's category scores, and each weighted audit below a full score (category, audit)."""
    scores = {k: v["score"] for k, v in report["categories"].items()}
    failing = [(cat["id"], ref["id"]) for cat in report["categories"].values() if cat["id"] != "performance"
               for ref in cat["auditRefs"]
               if ref.get("weight") and (report["audits"][ref["id"]]["score"] or 0) < 1
               and report["audits"][ref["id"]]["score"] is not None]
    return scores, failing


@pytest.mark.browser
@pytest.mark.long
def test_lighthouse_accessibility_best_practices_seo_100(served, tmp_path: Path) -> None:
    base, _ = served
    reports = lighthouse([f"{base}/{path}" for path in LIGHTHOUSE_PAGES], tmp_path,
                         categories="accessibility,best-practices,seo")
    ARTIFACTS.mkdir(exist_ok=True)
    seen, expected = {}, {}
    for path, report in zip(LIGHTHOUSE_PAGES, reports):
        name = (path.strip("/") or "home").replace("/", "-")
        (ARTIFACTS / f"lighthouse-{name}.json").write_text(json.dumps(report), "utf-8")
        assert report["finalDisplayedUrl"] == f"{base}/{path}", (path, report["finalDisplayedUrl"])
        scores, failing = lighthouse_failures(report)
        seen[path] = (scores["accessibility"], scores["best-practices"], scores["seo"], failing)
        # A version's page keeps itself out of search indexes (noindex): that one audit fails.
        expected[path] = ((1, 1, scores["seo"], [("seo", "is-crawlable")]) if path in DATED_PAGES
                          else (1, 1, 1, []))
    assert seen == expected
