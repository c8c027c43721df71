"""Reader journeys in a real browser (Debian's Chromium) against the served site."""

from __future__ import annotations

import re

import pytest
import yaml

from browser import ARTIFACTS, recall, search
from conftest import PROVISION_IDS, ROOT, render

pytestmark = pytest.mark.browser

PAGES = ["", "memorandum/", "parallel/", "glossary/", "changes/", "about/", "verify/", "accessibility/"]
ALL_PAGES = PAGES + [f"en/{p}" for p in PAGES]
IN_VIEW = """id => { const r = document.getElementById(id).getBoundingClientRect();
                     return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0; }"""


def wait_in_view(page, pid: str) -> None:
    page.wait_for_function(f"() => ({IN_VIEW})({pid!r})", timeout=5000)


@pytest.mark.parametrize("prefix,button", [("", "本文を読む"), ("en/", "Read the memorandum")])
def test_home_to_memorandum(served, page, prefix: str, button: str) -> None:
    base, _ = served
    page.goto(f"{base}/{prefix}")
    page.get_by_role("link", name=button).click()
    page.wait_for_url(f"{base}/{prefix}memorandum/")
    ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
    assert set(PROVISION_IDS) <= set(ids)


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("pid", ["preamble-5", "article-1-item-8", "article-2-3", "signatory-2"])
def test_permalink_brings_provision_into_view(served, page, prefix: str, pid: str) -> None:
    base, _ = served
    page.goto(f"{base}/{prefix}memorandum/#{pid}")
    wait_in_view(page, pid)


OPENED = """el => { const r = el.getBoundingClientRect();
    const hit = r.height > 0 && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && el.contains(hit) && getComputedStyle(el.closest('.md-select__inner')).opacity === '1'; }"""


def _switch(page, lang: str) -> None:
    """Open the language menu as a reader does and click once the link is what the pointer hits.
    Clicked while the menu still opens (max-height 0, opacity rising), Playwright scrolls to reach
    the link, and that scroll, which no reader makes, moves the place the switch carries."""
    page.locator(".md-header__option .md-select").hover()
    link = page.locator(f"a.md-select__link[hreflang={lang}]")
    page.wait_for_function(OPENED, arg=link.element_handle(), timeout=10000)
    link.click()


def test_switching_language_keeps_the_provision(served, page) -> None:
    base, _ = served
    page.goto(f"{base}/memorandum/#article-2-3")
    wait_in_view(page, "article-2-3")
    _switch(page, "en")
    page.wait_for_url(f"{base}/en/memorandum/#article-2-3")
    wait_in_view(page, "article-2-3")
    _switch(page, "ja")
    page.wait_for_url(f"{base}/memorandum/#article-2-3")
    wait_in_view(page, "article-2-3")


def test_switching_language_keeps_the_followed_provision_after_the_theme_rewrites_the_fragment(served, page) -> None:
    """navigation.tracking replaces the fragment with the section heading (history.replaceState, no
    hashchange) whenever it catches a scroll; the provision the reader followed, still in view, wins."""
    base, _ = served
    page.goto(f"{base}/memorandum/#article-2-3")
    wait_in_view(page, "article-2-3")
    # What the theme does, at a moment of its own: the heading in the address, and 2.2 peeking in above 2.3.
    page.evaluate("""() => { history.replaceState(null, '', '#article-2');
        const h = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const el = document.getElementById('article-2-3');
        window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - h - 40); }""")
    page.wait_for_function("""() => { const h = document.querySelector('.md-header').getBoundingClientRect().bottom;
        return document.getElementById('article-2-2').getBoundingClientRect().bottom > h + 8; }""", timeout=10000)
    _switch(page, "en")
    page.wait_for_url(f"{base}/en/memorandum/#article-2-3")


def test_switching_language_without_fragment_keeps_the_scroll_place(served, page) -> None:
    base, _ = served
    page.goto(f"{base}/en/memorandum/")
    # Put area 5 just below the sticky header: it is where the reader is.
    page.evaluate("""() => { const h = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const el = document.getElementById('article-1-item-5');
        window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - h - 2); }""")
    # Wait until the scroll has landed: area 5 is the first provision below the header.
    page.wait_for_function("""() => { const h = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const r = document.getElementById('article-1-item-5').getBoundingClientRect();
        return r.top <= h + 8 && r.bottom > h + 8; }""", timeout=10000)
    _switch(page, "ja")
    page.wait_for_url(f"{base}/memorandum/#article-1-item-5")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_cross_reference_leads_to_the_provision(served, page, prefix: str) -> None:
    base, _ = served
    page.goto(f"{base}/{prefix}about/")
    link = page.locator("a.xref").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(re.compile(rf".*/{prefix}memorandum/#{target}$"))
    wait_in_view(page, target)


@pytest.mark.parametrize("prefix,term,definition", [
    ("", "双方", "両当事者"), ("en/", "Sides", "and DSIT, together"),
])
@pytest.mark.parametrize("how", ["focus", "hover"])
@pytest.mark.parametrize("width", [1280, 375])
def test_defined_term_shows_its_definition(served, page, prefix, term, definition, how, width) -> None:
    base, _ = served
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base}/{prefix}memorandum/")
    link = page.locator("a.term", has_text=re.compile(rf"^{term}$")).first
    shown = "el => getComputedStyle(el, '::after').content"
    assert link.evaluate(shown) == "none"  # nothing until the reader points at it
    link.focus() if how == "focus" else link.hover()
    page.wait_for_function(f"el => ({shown})(el) !== 'none'", arg=link.element_handle())
    assert definition in link.evaluate(shown)
    if width == 375:  # on a phone, a bar across the foot of the screen, inside both edges
        box = link.evaluate("""el => { const s = getComputedStyle(el, '::after');
            return [s.position, parseFloat(s.left), parseFloat(s.right), parseFloat(s.bottom)]; }""")
        assert box[0] == "fixed" and min(box[1:]) > 0, box
    # Screen readers get the same meaning as the link's description.
    described = link.evaluate("el => document.getElementById(el.getAttribute('aria-describedby')).textContent")
    assert definition in described and link.get_attribute("title") is None


# What readers type, and the provision each must find (tests/fixtures/search/queries.yml).
QUERIES = yaml.safe_load((ROOT / "tests/fixtures/search/queries.yml").read_text("utf-8"))
RECALL_GOAL = 0.97  # share of queries (phrases included) whose provision is among the first three results a reader sees
PHRASE_GOAL = 0.95  # the share for phrases copied from the text, particles and verb endings included


@pytest.mark.long
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_search_recall_and_language(served, page, lang: str) -> None:
    base, _ = served
    prefix = "" if lang == "ja" else "en/"
    queries = QUERIES[lang]
    assert len(queries) >= 60 and sum(q["kind"] == "phrase" for q in queries) >= 15
    warnings: list[str] = []  # the search worker warns of a query it could not run, and finds nothing
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    found, missed = recall(page, base, queries, prefix)
    share = len(found) / len(queries)
    ARTIFACTS.mkdir(exist_ok=True)
    lines = [f"{lang}: recall in the first three results {len(found)}/{len(queries)} = {share:.3f}"]
    lines += [f"  missed {m['query']!r} ({m['kind']}) -> #{m['expect']}: saw {m['results'][:3]}" for m in missed]
    (ARTIFACTS / f"search-recall.{lang}.txt").write_text("\n".join(lines) + "\n", "utf-8")
    assert [w for w in warnings if "Invalid query" in w] == [], "\n".join(lines)
    assert share >= RECALL_GOAL, "\n".join(lines)
    phrases = sum(q["kind"] == "phrase" for q in found) / sum(q["kind"] == "phrase" for q in queries)
    assert phrases >= PHRASE_GOAL, "\n".join(lines)
    # Every result, seen or folded, is a page of the language searched from.
    seen = [r for row in found + missed for r in row["results"]]
    assert seen and all((r.startswith("en/") if lang == "en" else not r.startswith("en/")) for r in seen), seen


def test_a_query_for_nothing_finds_nothing(served, page) -> None:
    base, _ = served
    page.goto(f"{base}/")
    assert search(page, "zzqxj") == []


@pytest.mark.parametrize("query", ["Memorandum of Cooperation", "DSIT", "Side"])
def test_search_from_an_english_page_shows_english_results_first(served, page, query: str) -> None:
    base, _ = served
    page.goto(f"{base}/en/")
    assert search(page, query)[0].startswith("en/")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_parallel_view_side_by_side_on_desktop(served, page, prefix: str) -> None:
    base, _ = served
    page.goto(f"{base}/{prefix}parallel/#article-2-3")
    wait_in_view(page, "article-2-3")
    ja, en = (page.locator(f"#article-2-3 .parallel-cell[lang={lang}]").bounding_box() for lang in ("ja", "en"))
    assert ja["x"] < en["x"] and abs(ja["y"] - en["y"]) < 2
    assert ja["width"] > 250 and en["width"] > 250


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_parallel_view_stacks_on_a_phone(served, chromium, prefix: str) -> None:
    base, _ = served
    context = chromium.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(f"{base}/{prefix}parallel/#article-1-item-2")
    ja, en = (page.locator(f"#article-1-item-2 .parallel-cell[lang={lang}]").bounding_box() for lang in ("ja", "en"))
    assert abs(ja["x"] - en["x"]) < 2 and en["y"] > ja["y"] + ja["height"] - 2
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.parallel-cell')).fontSize)")
    assert font >= 14
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_print_is_a_clean_document(served, page, prefix: str) -> None:
    base, _ = served
    page.goto(f"{base}/{prefix}memorandum/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => [
        '.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-search', '.md-footer',
        '.provision-tools', '.md-top', '.md-content__button'
      ].filter(s => [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== 'none'))""")
    assert hidden == []
    breaks = page.evaluate("""() => [...document.querySelectorAll('article h2')]
        .map(h => getComputedStyle(h).breakAfter)""")
    assert set(breaks) == {"avoid"}
    keep = page.evaluate("getComputedStyle(document.getElementById('article-2-3')).breakInside")
    assert keep == "avoid"
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    (ARTIFACTS / f"memorandum-{prefix.strip('/') or 'ja'}.pdf").write_bytes(pdf)


@pytest.mark.parametrize("prefix,copied", [("", "コピー"), ("en/", "Copied")])
def test_cite_button_copies_the_citation(served, chromium, prefix: str, copied: str) -> None:
    base, _ = served
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base}/{prefix}memorandum/#article-2-3")
    button = page.locator("#article-2-3 .provision-cite")
    expected = button.get_attribute("data-clipboard-text")
    # the citation names the version in force and its page, where the text cited stays as it is
    date = {"": "2025-04-28", "en/": "2026-11-30"}[prefix]
    assert "2.3" in expected and f"{base}/{prefix}memorandum/{date}/#article-2-3" in expected
    button.click()
    dialog = page.locator(".md-dialog")
    dialog.wait_for(state="visible", timeout=5000)
    assert copied in dialog.inner_text()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    context.close()


OPACITY = "sel => getComputedStyle(document.querySelector(sel)).opacity"
# Every focusable element of the page, in document (tab) order.
FOCUSABLE = ("() => [...document.querySelectorAll('a[href], button, input, [tabindex]')]"
             ".filter(e => e.tabIndex >= 0 && e.getClientRects().length)")


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("width", [1280, 375])
def test_provision_tools_are_quiet_until_hover_focus_or_target(served, chromium, prefix: str, width: int) -> None:
    """The text reads as text: a provision's tools show on hover (or a tap), on keyboard focus and at its link's target."""
    base, _ = served
    context = chromium.new_context(viewport={"width": width, "height": 900}, has_touch=width < 600)
    page = context.new_page()
    try:
        page.goto(f"{base}/{prefix}memorandum/")
        tools = "#article-2-3 > .provision-tools"
        page.wait_for_function(f"() => ({OPACITY})({tools!r}) === '0'")
        shown = page.eval_on_selector_all(".provision-tools", "els => els.filter(e => getComputedStyle(e).opacity !== '0').length")
        assert shown == 0
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"quiet-tools-{prefix.strip('/') or 'ja'}-{width}.png"))
        # Pointer (desktop) or tap (touch screen) on the provision's text.
        if width < 600:
            page.tap("#article-2-3", position={"x": 5, "y": 5})
        else:
            page.hover("#article-2-3", position={"x": 5, "y": 5})
        page.wait_for_function(f"() => ({OPACITY})({tools!r}) === '1'")
        # Keyboard: Tab from the element before the permalink lands on it, and it shows.
        page.mouse.move(0, 0)
        page.goto(f"{base}/{prefix}about/")
        page.goto(f"{base}/{prefix}memorandum/")
        page.wait_for_function(f"() => ({OPACITY})({tools!r}) === '0'")
        before = page.evaluate(f"() => {{ const all = ({FOCUSABLE})(); const i = all.indexOf("
                               f"document.querySelector('{tools} .provision-permalink')); all[i - 1].focus(); return i; }}")
        assert before > 0
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.classList.contains('provision-permalink')")
        page.wait_for_function(f"() => ({OPACITY})({tools!r}) === '1'")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.classList.contains('provision-cite')")
        page.screenshot(path=str(ARTIFACTS / f"quiet-tools-{prefix.strip('/') or 'ja'}-{width}-focus.png"))
        # The permalink's target shows its tools (a touch reader follows a link to it).
        page.goto(f"{base}/{prefix}memorandum/#article-2-2")
        page.wait_for_function(f"() => ({OPACITY})('#article-2-2 > .provision-tools') === '1'")
    finally:
        context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_one_permalink_per_heading_and_no_repeated_backlinks(served, page, prefix: str) -> None:
    base, _ = served
    page.goto(f"{base}/{prefix}memorandum/")
    counts = page.evaluate(
        "() => [...document.querySelectorAll('article h1[id], article h2[id], article h3[id]')].map(h => {"
        " const next = h.nextElementSibling;"
        " const tools = next && next.classList.contains('provision-tools') ? next : null;"
        " return [h.id, h.querySelectorAll('a.headerlink').length"
        " + (tools ? tools.querySelectorAll('.provision-permalink').length : 0)]; })")
    assert counts and all(n == 1 for _, n in counts), counts
    lists = page.eval_on_selector_all(".referenced-from", "els => els.map(e => e.textContent)")
    # No list repeated provision after provision: the home page, which names nearly every provision
    # (its areas and its status list), is left out; the about page names three (Article 1, Article 2
    # through the terms table, 2.3).
    assert lists and not any(("ホーム" if not prefix else "Home") in t for t in lists), lists
    assert max((lists.count(t) for t in lists), default=0) <= 3, lists


@pytest.mark.parametrize("prefix, lang", [("", "ja"), ("en/", "en")])
def test_suggest_a_correction_opens_the_filled_form_from_the_keyboard(served, page, prefix: str, lang: str) -> None:
    """Reached with Tab from the provision's copy button, announced by its name, opened with Enter: the issue
    form on GitHub (answered here by a stand-in page: the browser leaves the site) with the place filled in."""
    from urllib.parse import parse_qs, urlsplit

    from checks.model import document
    text = render("provisions").TEXT[lang]
    opened: list[str] = []

    def form(route) -> None:
        opened.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>form</title>")

    page.route("https://github.com/**", form)
    base, _ = served
    page.goto(f"{base}/{prefix}memorandum/#article-2-3")
    page.locator("#article-2-3 .provision-cite").focus()
    page.keyboard.press("Tab")
    history = f"{text['history']}: {document.label('article-2-3', lang)}"
    if page.evaluate("() => document.activeElement.getAttribute('aria-label')") == history:
        page.keyboard.press("Tab")  # a provision the English changed links its history first
    name = f"{text['suggest']}: {document.label('article-2-3', lang)}"
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert focused == name
    page.wait_for_function(f"() => ({OPACITY})('#article-2-3 > .provision-tools') === '1'", timeout=5000)
    assert page.get_by_role("link", name=name).count() == 1
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^https://github\.com/.+/issues/new\?"), timeout=10000)
    query = parse_qs(urlsplit(opened[0]).query)
    assert query["template"] == ["correction.yml"] and query["place"] == ["#article-2-3"]
    assert query["current"][0].startswith("2.3 ")
