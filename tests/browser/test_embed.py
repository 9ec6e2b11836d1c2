"""Any calculator on a partner's site with one snippet (issue: embeddable calculators).

The partner's page is served from a second local port, so it has another origin than the site,
as it would in real life. Each test opens it cold: every iframe boots its own Pyodide.
"""
import json
import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

import pycalc
from conftest import BOOT_TIMEOUT_MS, SITE, serve
from pycalc.errors import InputError

TWO_BOOTS_MS = 2 * BOOT_TIMEOUT_MS  # two frames, two Pyodides, on two cores
MARKUP = "<img src=x onerror=window.pwned=1>"
UNEMPLOYMENT = "Unemployment benefit calculator"
CHILD_BENEFIT = "Child benefit calculator"

PARTNER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>A partner's advice page</title>
<style>body { font-family: sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; background: #f4f1ea; }</style>
<script>
  window.events = [];
  document.addEventListener("social-calculator:result", (event) => window.events.push({
    target: event.target.getAttribute("data-social-calculator"), detail: event.detail }));
</script>
</head><body>
<h1>A partner's advice page</h1>
<p>The partner's own text comes first.</p>
<!-- The published snippet, as copied from the "Embed a calculator" page. -->
<script src="LOADER" async></script>
<div data-social-calculator="unemployment_benefit" data-inputs="income_year_1=400000&children=2" data-theme="auto"><a href="#">Unemployment calculator</a></div>
<p>Between the two calculators.</p>
<div data-social-calculator="child_benefit" data-theme="dark" data-primary="#aa0000" data-compact></div>
<p>The end of the partner's page.</p>
</body></html>
"""

MARKUP_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Markup in the options</title></head><body>
<script src="LOADER" async></script>
<div data-social-calculator="unemployment_benefit" data-inputs="income_year_1=MARKUP" data-primary="red;background:url(//evil.example)"></div>
<div data-social-calculator="<b>child_benefit</b>">A marker with an unknown id stays as it is.</div>
</body></html>
"""


@pytest.fixture(scope="session")
def partner_url(site_url, tmp_path_factory):
    """A partner's site: plain HTML files with the published snippet, on a port of its own."""
    directory = tmp_path_factory.mktemp("partner")
    loader = f"{site_url}/embed.js"
    (directory / "index.html").write_text(PARTNER_PAGE.replace("LOADER", loader), encoding="utf-8")
    (directory / "markup.html").write_text(
        MARKUP_PAGE.replace("LOADER", loader).replace("MARKUP", MARKUP), encoding="utf-8")
    server = serve(directory)
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()


@pytest.fixture
def local_only(page, site_url, partner_url):
    """Every request of the page, its frames and their workers; none may leave the two servers."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    yield seen
    allowed = {urlsplit(site_url).netloc, urlsplit(partner_url).netloc}
    foreign = [url for url in seen if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc not in allowed]
    assert not foreign, f"requests left the two local servers: {foreign}"


def embed_frame(page, calculator_id):
    page.wait_for_selector(f'[data-social-calculator="{calculator_id}"] iframe')
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for frame in page.frames:
            if f"/embed/{calculator_id}/" in frame.url:
                frame.wait_for_load_state("domcontentloaded")
                return frame
        page.wait_for_timeout(100)
    raise AssertionError(f"no frame for {calculator_id}")


def wait_for_frame_result(frame, calculator_id, timeout=TWO_BOOTS_MS):
    frame.wait_for_selector(
        f'[data-calculator="{calculator_id}"][data-state="ready"] .calc-result[data-source="browser"]:not([data-stale])',
        timeout=timeout,
    )


def frame_outputs(frame) -> dict:
    return frame.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-output]')]
        .map((cell) => [cell.dataset.output, JSON.parse(cell.dataset.value)]))""")


def wait_for_fitted_height(page, frame, title, seconds=15):
    """The iframe's height on the partner's page is the height of the document inside it."""
    deadline = time.monotonic() + seconds
    # Chromium pauses rendering, and so ResizeObserver, in a cross-origin frame out of view: a reader
    # sees the frame fit once it scrolls into view, and so does this test.
    page.locator(f'iframe[title="{title}"]').scroll_into_view_if_needed()
    while True:
        outer = page.locator(f'iframe[title="{title}"]').evaluate("(f) => f.getBoundingClientRect().height")
        inner, scroll, client = frame.evaluate("""() => [document.documentElement.getBoundingClientRect().height,
            document.documentElement.scrollHeight, document.documentElement.clientHeight]""")
        if outer > 300 and abs(outer - inner) <= 3 and scroll <= client + 1:
            return outer
        if time.monotonic() > deadline:
            raise AssertionError(f"{title}: iframe {outer}px, content {inner}px (scroll {scroll}, client {client})")
        page.wait_for_timeout(200)


def test_two_calculators_appear_titled_lazy_and_sized_to_their_content(page, partner_url, local_only):
    page.goto(f"{partner_url}/index.html")
    unemployment = embed_frame(page, "unemployment_benefit")
    child = embed_frame(page, "child_benefit")
    frames = page.locator("[data-social-calculator] > iframe")
    assert frames.count() == 2
    assert [frames.nth(i).get_attribute("title") for i in range(2)] == [UNEMPLOYMENT, CHILD_BENEFIT]
    for i in range(2):
        assert frames.nth(i).evaluate("(f) => f.loading") == "lazy"
        assert frames.nth(i).evaluate("(f) => getComputedStyle(f).borderStyle") == "none"
        assert frames.nth(i).evaluate("(f) => Math.abs(f.offsetWidth - f.parentElement.clientWidth) <= 1")
    assert page.locator("text=Unemployment calculator").count() == 0, "the partner's fallback link is replaced"

    # data-inputs reach the widget through the fragment, and Pyodide computes them at once.
    wait_for_frame_result(unemployment, "unemployment_benefit")
    expected = pycalc.calculate("unemployment_benefit", {"income_year_1": "400000", "children": "2"})
    assert frame_outputs(unemployment) == expected["outputs"]
    assert page.evaluate("scrollY") == 0, "opening a calculator with figures must not scroll the partner's page"
    wait_for_fitted_height(page, unemployment, UNEMPLOYMENT)
    wait_for_fitted_height(page, child, CHILD_BENEFIT)

    # Options: dark, the partner's colour, compact; auto follows the reader (light here).
    assert child.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert child.evaluate("getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color').trim()") == "#aa0000"
    assert child.evaluate("document.documentElement.classList.contains('embed-compact')")
    assert unemployment.evaluate("document.body.dataset.mdColorScheme") == "default"

    # No cookies, no storage, on either side.
    for frame in (unemployment, child, page.main_frame):
        assert frame.evaluate("[document.cookie, localStorage.length, sessionStorage.length]") == ["", 0, 0]

    # The stripped page: no header, navigation or footer; a link back that leaves the frame.
    assert unemployment.locator(".md-header, .md-sidebar, .md-footer, .md-search").count() == 0
    back = unemployment.locator("a.embed-back")
    assert back.get_attribute("target") == "_blank"
    assert "/unemployment/#calc-unemployment_benefit" in back.evaluate("(a) => a.href")


def test_figures_typed_in_the_frames_match_pycalc_and_reach_the_partner_as_events(page, partner_url, local_only):
    page.goto(f"{partner_url}/index.html")
    unemployment = embed_frame(page, "unemployment_benefit")
    scenario = {"income_year_1": "300000", "income_year_2": "450000", "income_year_3": "700000",
                "children": "1", "benefit_received_last_year": "120000", "weeks_on_benefit_last_year": "12"}
    inside = page.frame_locator(f'iframe[title="{UNEMPLOYMENT}"]')
    wait_for_frame_result(unemployment, "unemployment_benefit")
    for name, value in scenario.items():
        inside.locator(f'[data-calculator="unemployment_benefit"] [name="{name}"]').fill(value)
    expected = pycalc.calculate("unemployment_benefit", scenario)
    page.wait_for_function(
        """(expected) => window.events.some((e) => e.target === "unemployment_benefit" &&
              JSON.stringify(e.detail.outputs) === JSON.stringify(expected))""",
        arg=expected["outputs"], timeout=BOOT_TIMEOUT_MS,
    )
    wait_for_frame_result(unemployment, "unemployment_benefit")
    assert frame_outputs(unemployment) == expected["outputs"]
    last = [e for e in page.evaluate("window.events") if e["target"] == "unemployment_benefit"][-1]
    assert last["detail"] == {"calculator": "unemployment_benefit", "inputs": json.loads(json.dumps(expected["inputs"])),
                              "outputs": expected["outputs"]}
    # The link back carries the reader's figures to the full chapter.
    assert "income_year_3=700000" in unemployment.locator("a.embed-back").evaluate("(a) => a.hash")

    # The second calculator works on its own, with its own worker.
    child = embed_frame(page, "child_benefit")
    other = page.frame_locator(f'iframe[title="{CHILD_BENEFIT}"]')
    other.locator('[name="children"]').fill("2")
    other.locator('[name="single_parent"]').check()
    wait_for_frame_result(child, "child_benefit")
    expected_child = pycalc.calculate("child_benefit", {"children": "2", "single_parent": True})
    page.wait_for_function(
        """(expected) => window.events.some((e) => e.target === "child_benefit" &&
              JSON.stringify(e.detail.outputs) === JSON.stringify(expected))""",
        arg=expected_child["outputs"], timeout=BOOT_TIMEOUT_MS,
    )
    assert frame_outputs(child) == expected_child["outputs"]
    wait_for_fitted_height(page, child, CHILD_BENEFIT)
    assert sum(url.endswith("pyodide.asm.wasm") for url in local_only) == 2, "one Pyodide per frame"


def test_messages_forged_by_the_partner_page_are_ignored(page, partner_url, local_only):
    page.goto(f"{partner_url}/index.html")
    unemployment = embed_frame(page, "unemployment_benefit")
    wait_for_frame_result(unemployment, "unemployment_benefit")
    height = wait_for_fitted_height(page, unemployment, UNEMPLOYMENT)
    page.wait_for_function("window.events.length >= 1")
    count = page.evaluate("window.events.length")
    page.evaluate("""() => {
        const height = { type: "social-calculator:height", calculator: "unemployment_benefit", height: 5 };
        const result = { type: "social-calculator:result", calculator: "unemployment_benefit",
                         inputs: {}, outputs: { daily_rate: 1e9 } };
        window.postMessage(height, "*");
        window.postMessage(result, "*");
        // and from a frame of the partner's own, which is not one of the loader's frames
        const own = document.createElement("iframe");
        document.body.append(own);
        own.contentWindow.parent.postMessage(height, "*");
        own.contentWindow.eval("parent.postMessage(" + JSON.stringify(result) + ", '*')");
    }""")
    page.wait_for_timeout(1000)
    assert page.evaluate("window.events.length") == count
    assert page.locator(f'iframe[title="{UNEMPLOYMENT}"]').evaluate("(f) => f.getBoundingClientRect().height") == height


def test_markup_in_the_options_is_only_ever_text(page, partner_url, local_only):
    page.goto(f"{partner_url}/markup.html")
    unemployment = embed_frame(page, "unemployment_benefit")
    try:
        pycalc.calculate("unemployment_benefit", {"income_year_1": MARKUP})
        raise AssertionError("pycalc accepted markup as an income")
    except InputError as problem:
        message = next(e["message"] for e in problem.errors if e["field"] == "income_year_1")
    shown = unemployment.locator('[data-error-for="income_year_1"]')
    shown.wait_for(state="visible", timeout=TWO_BOOTS_MS)
    assert shown.inner_text() == message
    assert unemployment.locator('[name="income_year_1"]').input_value() == MARKUP
    assert unemployment.locator("img[src=x]").count() == 0
    page.wait_for_timeout(500)
    assert page.evaluate("window.pwned") is None
    assert unemployment.evaluate("window.pwned") is None
    # A colour that is not #rgb or #rrggbb is dropped, never written into the frame's style.
    assert "primary" not in unemployment.url
    assert unemployment.evaluate("document.body.dataset.mdColorPrimary") != "custom"
    # An unknown calculator gets no frame, and the partner's content stays.
    assert page.locator('[data-social-calculator="<b>child_benefit</b>"]').inner_text() == \
        "A marker with an unknown id stays as it is."
    assert page.locator("iframe").count() == 1


def test_the_builder_page_shows_a_snippet_with_the_site_address_and_a_live_preview(page, site_url, local_only):
    page.goto(f"{site_url}/embed/")
    snippet = page.locator("#embed-snippet")
    snippet.wait_for(state="visible")
    text = snippet.input_value()
    assert text.startswith(f'<script src="{site_url}/embed.js" async></script>\n<div data-social-calculator="unemployment_benefit"')
    page.select_option("#embed-calculator", "child_benefit")
    page.fill("#embed-inputs", "children=3&nonsense=1")
    page.check("#embed-compact")
    expect(snippet).to_have_value(re.compile("data-compact"))  # no wait_for_function: the site's CSP forbids eval
    assert 'data-social-calculator="child_benefit" data-inputs="children=3" data-theme="auto" data-compact' in \
        snippet.input_value()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.click("#embed-copy")
    page.wait_for_selector("#embed-copy-status:has-text('Copied.')")
    assert page.evaluate("navigator.clipboard.readText()") == snippet.input_value()
    preview = page.locator(f'#embed-preview iframe[title="{CHILD_BENEFIT}"]')
    preview.wait_for(timeout=10_000)
    assert "#calc-child_benefit?children=3" in preview.get_attribute("src")


def test_embed_pages_are_in_no_menu_no_search_and_no_index():
    index = json.loads((SITE / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("embed/") and
                doc["location"] != "embed/" and not doc["location"].startswith("embed/#")]
    page = (SITE / "embed" / "unemployment_benefit" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert 'href="../../embed/unemployment_benefit/"' not in (SITE / "unemployment" / "index.html").read_text(encoding="utf-8")
    metadata = {c["id"]: c for c in json.loads((SITE / "assets" / "calculators.json").read_text(encoding="utf-8"))}
    assert metadata["unemployment_benefit"]["page"] == "unemployment/"
    assert metadata["unemployment_benefit"]["embed"] == "embed/unemployment_benefit/"
