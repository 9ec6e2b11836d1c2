"""WCAG 2.1 AA in a real browser (issue: Trustworthy).

axe-core checks every page, and every calculator widget in each of its states (rendered
without scripts, first paint before the worker is ready, a browser-computed result, a bad
value, live calculation unavailable), in the light and the dark scheme. Keyboard use, the
live region, reflow at 320 px and at 200% zoom, and reduced motion are checked directly.
"""
import re
import time
from pathlib import Path

import pycalc
import pytest
from conftest import BOOT_TIMEOUT_MS, SITE, wait_for_browser_result, widget

AXE_SOURCE = (Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
# Material's page-load progress bar has role=progressbar and no name; it is checked on its own
# (test_the_page_load_progress_bar_has_a_name) so that it does not hide everything else.
AXE_EXCLUDE = []
# A worker that never answers: the widget stays in its first, "starting" paint, and no Python
# competes for the two cores while axe runs.
SILENT_WORKER = "self.onmessage = () => {};"


# ---------------------------------------------------------------- the site's pages

def site_paths() -> list[str]:
    sitemap = (SITE / "sitemap.xml").read_text(encoding="utf-8")
    paths = [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    return paths + (["/404.html"] if (SITE / "404.html").is_file() else [])


def page_file(path: str) -> Path:
    relative = path.strip("/")
    return SITE / relative if relative.endswith(".html") else SITE / relative / "index.html"


def calculator_paths() -> list[str]:
    return [p for p in site_paths() if "data-calculator=" in page_file(p).read_text(encoding="utf-8")]


def guide_calculator_paths() -> list[str]:
    """The chapters with calculators: every widget is on one of them. (The embed pages show the
    same widgets on their own and are checked, with every other page, by the page-level tests.)"""
    return [p for p in calculator_paths() if "md-nav--primary" in page_file(p).read_text(encoding="utf-8")]


# ---------------------------------------------------------------- axe

def run_axe(page, include: str | None = None) -> list[dict]:
    if not page.evaluate("typeof window.axe === 'object'"):
        # Evaluated rather than added as a <script>: it works under the site's CSP and in a
        # page whose own scripts were removed.
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8") + "\n;0")
    return page.evaluate(
        """async ([include, exclude, tags]) => {
            const context = include ? {include: [include], exclude} : {exclude};
            const results = await axe.run(context, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return results.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
            }));
        }""",
        [include, AXE_EXCLUDE, WCAG_TAGS],
    )


def describe(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in found.items():
        for v in violations:
            for node in v["nodes"]:
                summary = " ".join(node["summary"].split())
                lines.append(f"{where}: {v['id']} ({v['impact']}) {node['target']}: {summary}")
    return f"{len(lines)} axe violation(s):\n" + "\n".join(lines)


def set_scheme(page, scheme: str, scripts: bool = True):
    page.emulate_media(color_scheme=scheme)
    if scripts:  # Material's palette script follows the system preference
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=SCHEMES[scheme])
    settle(page)


def settle(page):
    """Ends running transitions (colours fade when the scheme changes): axe sees the final colours."""
    page.evaluate("""() => new Promise((done) => requestAnimationFrame(() => {
        for (const animation of document.getAnimations()) {
            if (animation.effect?.getComputedTiming().endTime !== Infinity) animation.finish();
        }
        done();
    }))""")


DARK_CSS = """() => {
    const dark = (rules) => [...rules].some((rule) =>
        (rule.conditionText || rule.media?.mediaText || "").includes("prefers-color-scheme") || (rule.cssRules && dark(rule.cssRules)));
    return [...document.styleSheets].some((sheet) => { try { return dark(sheet.cssRules); } catch { return true; } });
}"""


def axe_in_both_schemes(page, where: str, found: dict, include: str | None = None, scripts: bool = True):
    # Without scripts, Material's palette cannot follow the system: the page looks the same in
    # both schemes unless a stylesheet asks for prefers-color-scheme itself.
    schemes = SCHEMES if scripts or page.evaluate(DARK_CSS) else ["light"]
    for scheme in schemes:
        set_scheme(page, scheme, scripts)
        violations = run_axe(page, include)
        if violations:
            found[f"{where} [{scheme}]"] = violations
    set_scheme(page, "light", scripts)


# ---------------------------------------------------------------- pages and widgets

@pytest.fixture(scope="module")
def context(browser):
    """One context for the module: its HTTP cache keeps Pyodide's files warm between pages."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def new_page(context):
    pages = []

    def make(*routes):
        page = context.new_page()
        page.set_default_timeout(15_000)
        for pattern, handler in routes:
            page.route(pattern, handler)
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.close()


def silent_worker(route):
    route.fulfill(body=SILENT_WORKER, content_type="text/javascript")


def is_page(url: str) -> bool:
    return url.endswith(("/", ".html"))


def without_scripts(route):
    """The page as a browser without JavaScript renders it: every <script> element removed.

    (A context with JavaScript disabled would render the same, but axe cannot run there.)"""
    response = route.fetch()
    body = re.sub(r"<script\b(?![^>]*application/json)[^>]*>.*?</script>", "", response.text(), flags=re.S)
    route.fulfill(response=response, body=body)


def wake_widgets(page):
    """Widgets start their runtime when they come into view: bring each one into view."""
    for calculator in page.locator("[data-calculator]").all():
        calculator.scroll_into_view_if_needed()
        page.wait_for_function("e => e.dataset.state !== 'prerendered'", arg=calculator.element_handle())
    page.evaluate("window.scrollTo(0, 0)")


def states(page) -> list[str]:
    return page.eval_on_selector_all("[data-calculator]", "els => els.map((e) => e.dataset.state)")


def wait_for_states(page, state: str, path: str):
    try:
        page.wait_for_function("s => [...document.querySelectorAll('[data-calculator]')].every((e) => e.dataset.state === s)",
                               arg=state, timeout=30_000)
    except Exception:
        pytest.fail(f"{path}: widgets did not all reach data-state={state!r}: {states(page)}")


def instant_navigate(page, url: str):
    """Follow a link the way a reader does, so Material swaps the page and the worker lives on."""
    # The address changes before Material swaps the content: wait for a widget that was not there
    # before the click, or the old page's widgets would pass for the new ones.
    page.evaluate("""url => { window.__widgetBefore = document.querySelector("[data-calculator]");
                             const a = document.createElement("a"); a.href = url;
                             document.body.append(a); a.click(); a.remove(); }""", url)
    page.wait_for_function("""url => location.href === url && document.querySelector('[data-calculator]')
                                     && document.querySelector('[data-calculator]') !== window.__widgetBefore""", arg=url)
    page.wait_for_function("() => [...document.querySelectorAll('[data-calculator]')].every((e) => e.calculatorWidget)")


# ---------------------------------------------------------------- axe: every page, every state

def test_every_page_rendered_without_javascript(new_page, site_url):
    page = new_page((is_page, without_scripts))
    found = {}
    for path in site_paths():
        page.goto(f"{site_url}{path}")
        assert set(states(page)) <= {"prerendered"}, path
        axe_in_both_schemes(page, f"{path} without JavaScript", found, scripts=False)
    assert not found, describe(found)


def test_every_page_at_first_paint_before_the_worker_is_ready(new_page, site_url):
    page = new_page(("**/pycalc-worker.js", silent_worker))
    found = {}
    for path in site_paths():
        page.goto(f"{site_url}{path}")
        wake_widgets(page)
        wait_for_states(page, "loading", path)
        axe_in_both_schemes(page, f"{path} first paint", found)
    assert not found, describe(found)


def test_every_widget_when_live_calculation_is_unavailable(new_page, site_url):
    # Without its worker script the runtime fails at once (the aborted Pyodide wasm can instead
    # hang until the 90 s time limit): the same "unavailable" state, reached quickly.
    page = new_page(("**/pycalc-worker.js", lambda route: route.abort()))
    found = {}
    for path in guide_calculator_paths():
        page.goto(f"{site_url}{path}")
        wake_widgets(page)
        wait_for_states(page, "error", path)
        status = page.locator("[data-calculator] [data-runtime-status]").first
        assert status.is_visible() and "unavailable" in status.inner_text()
        axe_in_both_schemes(page, f"{path} unavailable", found, include="[data-calculator]")
    assert not found, describe(found)


def test_every_widget_with_a_browser_result_and_with_a_bad_value(new_page, site_url):
    page = new_page()
    paths = guide_calculator_paths()
    page.goto(f"{site_url}{paths[0]}")
    found = {}
    for path in paths:
        if page.url != f"{site_url}{path}":
            instant_navigate(page, f"{site_url}{path}")
        ids = page.eval_on_selector_all("[data-calculator]", "els => els.map((e) => e.dataset.calculator)")
        for calculator_id in ids:
            form = widget(page, calculator_id).locator("[data-form]")
            form.evaluate("f => f.dispatchEvent(new Event('change', {bubbles: true}))")
        for calculator_id in ids:
            wait_for_browser_result(page, calculator_id)
        axe_in_both_schemes(page, f"{path} result", found, include="[data-calculator]")

        for calculator_id in ids:
            field = widget(page, calculator_id).locator("input[type=text]").first
            field.fill("abc")
            field.press("Enter")
            summary_id = widget(page, calculator_id).locator("[data-error-summary]").get_attribute("id")
            page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=summary_id,
                                   timeout=BOOT_TIMEOUT_MS)
            name = field.get_attribute("name")
            assert widget(page, calculator_id).locator(f'[data-error-for="{name}"]').is_visible(), f"{path} {name}"
            assert widget(page, calculator_id).locator(f"#{summary_id} a").count() >= 1
        axe_in_both_schemes(page, f"{path} bad value", found, include="[data-calculator]")
    assert not found, describe(found)


def test_the_page_load_progress_bar_has_a_name(new_page, site_url):
    page = new_page(("**/pycalc-worker.js", silent_worker))
    page.goto(f"{site_url}/")
    violations = page.evaluate(
        AXE_SOURCE.read_text(encoding="utf-8") + """
        ;axe.run({include: [".md-progress"]}, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]})
            .then((r) => r.violations.map((v) => v.id))""" % WCAG_TAGS)
    assert "aria-progressbar-name" not in violations, violations
    assert violations == []


# ---------------------------------------------------------------- keyboard

FOCUS_VISIBLE = """() => {
    let element = document.activeElement;
    // Material's palette switch is a visually hidden radio button; its label shows the focus.
    if (element.matches("input.md-option") && element.nextElementSibling) element = element.nextElementSibling;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const rect = element.getBoundingClientRect();
    return {
        visible: outline || style.boxShadow !== "none",
        on_screen: rect.width > 0 && rect.height > 0,
        what: element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
              (element.className ? "." + String(element.className).trim().split(/\\s+/).join(".") : ""),
        outline: `${style.outlineStyle} ${style.outlineWidth}`, shadow: style.boxShadow,
    };
}"""

UNEMPLOYMENT = "unemployment_benefit"
SCENARIO = {"income_year_1": "300000", "income_year_2": "450000", "income_year_3": "700000",
            "children": "2", "benefit_received_last_year": "120000", "weeks_on_benefit_last_year": "12"}


def focused(page) -> str:
    return page.evaluate("() => { const e = document.activeElement; return e.id || e.getAttribute('name') || e.tagName; }")


def assert_focus_visible(page, step: str):
    focus = page.evaluate(FOCUS_VISIBLE)
    assert focus["visible"], f"{step}: no visible focus on {focus['what']} (outline {focus['outline']}, box-shadow {focus['shadow']})"


def test_keyboard_alone_fills_submits_and_corrects_the_unemployment_calculator(new_page, site_url):
    page = new_page()
    page.goto(f"{site_url}/unemployment/")
    calculator = widget(page, UNEMPLOYMENT)
    controls = calculator.locator("[data-form] input, [data-form] select, [data-form] button")
    expected_order = [controls.nth(i).evaluate("e => e.id || e.name || e.textContent.trim()") for i in range(controls.count())]
    first_field = expected_order[0]

    # From the top of the page, Tab through Material's header and navigation to the widget.
    reached = []
    for step in range(400):
        page.keyboard.press("Tab")
        assert_focus_visible(page, f"Tab {step + 1}")
        if focused(page) == first_field:
            break
    else:
        pytest.fail(f"Tab never reached the calculator's first field {first_field!r}")

    # Through the widget: every field in order, typing into each.
    for step, expected in enumerate(expected_order):
        if step:
            page.keyboard.press("Tab")
        assert_focus_visible(page, f"widget field {expected}")
        name = page.evaluate("document.activeElement.name")
        reached.append(page.evaluate("() => { const e = document.activeElement; return e.id || e.name || e.textContent.trim(); }"))
        if name in SCENARIO:
            page.keyboard.press("ControlOrMeta+a")
            page.keyboard.type(SCENARIO[name])
            assert page.evaluate("document.activeElement.value") == SCENARIO[name], f"typing did not change {name}"
            last_text_field = name
    assert reached == expected_order, "Tab order in the widget is not the order of its fields"

    # Enter in a field submits; the result is computed in the browser and readable.
    page.locator(f"#{calculator.get_attribute('id')}-{last_text_field}").focus()
    page.keyboard.press("Enter")
    wait_for_browser_result(page, UNEMPLOYMENT)
    expected = pycalc.calculate(UNEMPLOYMENT, {**pycalc.example_inputs(UNEMPLOYMENT), **SCENARIO})
    result = calculator.get_by_role("region", name="Result")
    assert result.is_visible()
    assert expected["display"]["daily_rate"] in result.inner_text()

    # A bad value, then Enter: focus goes to the error summary, and its link back to the field.
    field_id = f"{calculator.get_attribute('id')}-income_year_1"
    page.locator(f"#{field_id}").focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("-5")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.hasAttribute('data-error-summary')",
                           timeout=BOOT_TIMEOUT_MS)
    assert_focus_visible(page, "error summary")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == f"#{field_id}"
    assert_focus_visible(page, "error summary link")
    page.keyboard.press("Enter")
    # Material's instant navigation also follows the link (history entry, hash): focus lands on the
    # field, leaves it for a moment and comes back. It must end there.
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=field_id, timeout=3_000)
    time.sleep(0.3)
    assert focused(page) == field_id
    assert_focus_visible(page, "field after following the error link")


# ---------------------------------------------------------------- the live region

def test_results_are_announced_once_when_the_reader_pauses(new_page, site_url):
    page = new_page()
    page.goto(f"{site_url}/unemployment/")
    calculator = widget(page, UNEMPLOYMENT)
    live = calculator.locator('[aria-live="polite"]')
    assert live.count() == 1
    field = calculator.locator('input[name="income_year_1"]')
    field.focus()  # starts the runtime
    page.wait_for_selector(f'[data-calculator="{UNEMPLOYMENT}"][data-state="ready"]', timeout=BOOT_TIMEOUT_MS)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    time.sleep(1.5)  # let the announcement for the emptied field (if any) pass
    live.evaluate("""region => {
        window.announcements = [];
        new MutationObserver(() => window.announcements.push({text: region.textContent, at: performance.now()}))
            .observe(region, {childList: true, characterData: true, subtree: true});
    }""")
    page.keyboard.type("456789", delay=150)  # quicker than the pause that triggers an announcement
    typed_at = page.evaluate("performance.now()")
    wait_for_browser_result(page, UNEMPLOYMENT)
    time.sleep(2.5)
    announcements = page.evaluate("window.announcements")
    assert len(announcements) == 1, f"expected one announcement after the pause, got {announcements}"
    assert announcements[0]["at"] > typed_at, "announced while the reader was still typing"
    expected = pycalc.calculate(UNEMPLOYMENT, {**pycalc.example_inputs(UNEMPLOYMENT), "income_year_1": "456789"})
    assert expected["display"]["daily_rate"] in announcements[0]["text"]


# ---------------------------------------------------------------- reflow, motion

REFLOW = """() => {
    const root = document.documentElement;
    const problems = [];
    if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const calc of document.querySelectorAll("[data-calculator]")) {
        const box = calc.getBoundingClientRect();
        if (box.left < 0 || box.right > root.clientWidth + 0.5) problems.push(`${calc.id} is wider than the window`);
        for (const el of calc.querySelectorAll("input, select, button, label, .calc-output")) {
            if (el.closest("[hidden]") || getComputedStyle(el).display === "none") continue;
            const r = el.getBoundingClientRect();
            const name = `${calc.id} ${el.tagName.toLowerCase()} ${el.id || el.name || el.textContent.trim().slice(0, 30)}`;
            if (r.width < 1 || r.height < 1) problems.push(`${name} has no size`);
            else if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`${name} sticks out of its widget`);
        }
        for (const el of calc.querySelectorAll("*")) {
            if (el.scrollWidth > el.clientWidth + 1 && ["hidden", "clip"].includes(getComputedStyle(el).overflowX)
                && !el.matches(".calc-live")) problems.push(`${calc.id} ${el.className || el.tagName} clips its content`);
        }
    }
    return problems;
}"""


def test_calculator_pages_reflow_at_320px_and_at_200_percent_zoom(new_page, site_url):
    # 640 px wide is a 1280 px window at 200% zoom: the same CSS pixels, so the same layout.
    page = new_page(("**/pycalc-worker.js", silent_worker))
    found = {}
    for path in calculator_paths():
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(f"{site_url}{path}")
        for width, name in [(640, "1280px at 200%"), (320, "320px")]:
            page.set_viewport_size({"width": width, "height": 800})
            page.wait_for_function("w => window.innerWidth === w", arg=width)
            problems = page.evaluate(REFLOW)
            if problems:
                found[f"{path} at {name}"] = problems
    assert not found, "\n".join(f"{where}: {p}" for where, problems in found.items() for p in problems)


MOTION = """() => {
    const seconds = (list) => Math.max(...list.split(",").map((t) => parseFloat(t) * (t.trim().endsWith("ms") ? 0.001 : 1)));
    const moving = [];
    for (const el of document.querySelectorAll("[data-calculator], [data-calculator] *")) {
        for (const pseudo of [null, "::before", "::after"]) {
            const s = getComputedStyle(el, pseudo);
            const longest = Math.max(seconds(s.transitionDuration), s.animationName === "none" ? 0 : seconds(s.animationDuration));
            if (longest > 0.01) moving.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo || ""}: ${longest}s`);
        }
    }
    return moving;
}"""


def test_widgets_do_not_move_when_the_reader_asks_for_reduced_motion(new_page, site_url):
    page = new_page(("**/pycalc-worker.js", silent_worker))
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{site_url}/unemployment/")
    wake_widgets(page)
    calculator = widget(page, UNEMPLOYMENT)
    calculator.locator("button[type=submit]").hover()
    calculator.locator("input[type=text]").first.focus()
    assert page.evaluate(MOTION) == []
