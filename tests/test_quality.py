"""Quality gates on every built page, both languages: accessibility, lang, HTML validity."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import ARTIFACTS
from test_browser import ALL_PAGES

ROOT = Path(__file__).resolve().parent.parent
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", ALL_PAGES)
def test_axe_wcag_22_aa(served, chromium, path: str, width: int) -> None:
    base, _ = served
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/{path}", wait_until="networkidle")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    context.close()
    assert violations == []


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
