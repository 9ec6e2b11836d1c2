"""Reader-first calculators in a real browser, on a phone (390 x 844) and a desktop (issue 12).

The answer in words leads the result and stays in view while the reader types; the live region
reads it when typing pauses; amounts are read as people type them (the page sends the text,
pycalc reads it); errors wait; every step's source is a link; a printed result is one clean
record; a shared link opens with the reader's figures and never flashes the worked example;
chart lines keep 3:1 in both schemes; an embedded calculator shows its answer near the top.
"""
import json
import re
import time
import zlib
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

import pycalc
from conftest import BOOT_TIMEOUT_MS, SITE, output_values, wait_for_browser_result, widget

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
UNEMPLOYMENT = "unemployment_benefit"
CALCULATORS = pycalc.calculators()
MONEY_SPELLINGS = ["550 000", "550,000", "550.000", "kr 550 000", "NOK 550,000"]
SILENT_WORKER = "self.onmessage = () => {};"
ERRORS_WAIT_S = 1.2  # calculator.js: ERRORS_AFTER_MS


# ---------------------------------------------------------------- pages and contexts

def page_of(calculator_id: str) -> str:
    for path in sorted(SITE.rglob("index.html")):
        if "embed" in path.parts:
            continue
        if f'data-calculator="{calculator_id}"' in path.read_text(encoding="utf-8"):
            return "/" + path.relative_to(SITE).parent.as_posix() + "/"
    raise AssertionError(f"{calculator_id} is on no page")


def calculator_pages() -> dict[str, list[str]]:
    """page path -> the calculators on it, in page order."""
    pages = {}
    for meta in CALCULATORS:
        pages.setdefault(page_of(meta["id"]), []).append(meta["id"])
    return pages


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def screen(request, browser):
    """A phone and a desktop, each one context for the module (its HTTP cache keeps Pyodide warm)."""
    name = request.param
    options = {"viewport": VIEWPORTS[name]}
    if name == "phone":
        options.update(is_mobile=True, has_touch=True)
    context = browser.new_context(**options)
    context.screen_name = name
    yield context
    context.close()


@pytest.fixture
def reader(screen, site_url):
    """A page on the screen under test; no request may leave the site's origin."""
    page = screen.new_page()
    page.set_default_timeout(15_000)
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.screen_name = screen.screen_name
    yield page
    page.close()
    foreign = [url for url in seen if urlsplit(url).hostname not in ("127.0.0.1", None)
               and not url.startswith(("data:", "blob:"))]
    assert not foreign, f"requests left the site's origin: {foreign}"


def in_view(page, selector: str) -> dict:
    """Whether the element is wholly inside the window and is what the reader sees at its centre."""
    return page.eval_on_selector(selector, """(element) => {
        const r = element.getBoundingClientRect();
        const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
        const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
        const seen = document.elementFromPoint(x, y);
        return {top: r.top, bottom: r.bottom, height: innerHeight,
                inside: r.top >= 0 && r.bottom <= innerHeight && r.height > 0,
                on_top: Boolean(seen && (element.contains(seen) || seen.contains(element))),
                visibility: getComputedStyle(element).visibility};
    }""")


def wait_for_outputs(page, calculator_id: str, expected: dict):
    page.wait_for_function(
        """([id, expected]) => {
            const w = document.querySelector(`[data-calculator="${id}"]`);
            if (w.querySelector('.calc-result[data-stale]') || w.querySelector('.calc-result[data-source="build"]')) return false;
            const cells = [...w.querySelectorAll('[data-output]')];
            return cells.every((c) => c.dataset.value === JSON.stringify(expected[c.dataset.output]));
        }""", arg=[calculator_id, expected], timeout=BOOT_TIMEOUT_MS)


# ---------------------------------------------------------------- 1. the answer first

def test_the_worked_example_leads_with_its_answer_in_words_before_any_script(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    for path, ids in calculator_pages().items():
        page.goto(f"{site_url}{path}")
        for calculator_id in ids:
            expected = pycalc.calculate(calculator_id, pycalc.example_inputs(calculator_id))
            calculator = widget(page, calculator_id)
            headline = calculator.locator("[data-headline]")
            assert headline.count() == 1, calculator_id
            assert headline.inner_text() == expected["headline"], calculator_id
            assert headline.is_visible(), calculator_id
            # Under the form, above the other outputs; the outputs in the calculator's own order.
            order = calculator.evaluate("""(w) => {
                const [form, answer, first] = ['[data-form]', '[data-answer]', '[data-output]'].map((s) => w.querySelector(s));
                const between = [];
                for (let e = form.nextElementSibling; e && e !== answer; e = e.nextElementSibling) {
                    if (getComputedStyle(e).display !== 'none') between.push(e.className);
                }
                return [Boolean(form.compareDocumentPosition(answer) & Node.DOCUMENT_POSITION_FOLLOWING) && !between.length,
                        Boolean(answer.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)];
            }""")
            assert order == [True, True], f"{calculator_id}: the answer must come right after the form, before the outputs"
            meta = next(c for c in CALCULATORS if c["id"] == calculator_id)
            shown = [calculator.locator("[data-output]").nth(i).get_attribute("data-output")
                     for i in range(calculator.locator("[data-output]").count())]
            assert shown == [o["name"] for o in meta["outputs"]], f"{calculator_id}: outputs not in the declared order"
    context.close()


def test_the_answer_stays_in_view_while_the_first_field_is_typed_on_every_calculator(browser, site_url):
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    page.route("**/pycalc-worker.js", lambda route: route.fulfill(body=SILENT_WORKER, content_type="text/javascript"))
    problems = []
    for path, ids in calculator_pages().items():
        page.goto(f"{site_url}{path}")
        for calculator_id in ids:
            first = widget(page, calculator_id).locator("[data-form] input[type=text], [data-form] select").first
            first.scroll_into_view_if_needed()
            first.focus()
            answer = f'[data-calculator="{calculator_id}"] [data-answer]'
            field = in_view(page, f'[data-calculator="{calculator_id}"] [name="{first.get_attribute("name")}"]'
                            if first.get_attribute("name") else f'[data-calculator="{calculator_id}"] [data-rules-select]')
            seen = in_view(page, answer)
            if not (seen["inside"] and seen["on_top"]):
                problems.append(f"{path} {calculator_id}: answer not in view while typing: {seen}")
            if not (field["inside"] and field["on_top"]):
                problems.append(f"{path} {calculator_id}: the field being typed is hidden: {field}")
    context.close()
    assert not problems, "\n".join(problems)


def test_typing_keeps_the_answer_in_view_and_the_live_region_reads_it_when_typing_pauses(reader, site_url):
    page = reader
    page.goto(f"{site_url}/unemployment/")
    calculator = widget(page, UNEMPLOYMENT)
    field = calculator.locator('input[name="income_year_1"]')
    field.scroll_into_view_if_needed()
    field.focus()
    page.wait_for_selector(f'[data-calculator="{UNEMPLOYMENT}"][data-state="ready"]', timeout=BOOT_TIMEOUT_MS)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    time.sleep(1.5)
    calculator.locator("[data-live]").evaluate("""region => {
        window.announcements = [];
        new MutationObserver(() => window.announcements.push(region.textContent))
            .observe(region, {childList: true, characterData: true, subtree: true});
    }""")
    for key in "456789":
        page.keyboard.type(key)
        seen = in_view(page, f'[data-calculator="{UNEMPLOYMENT}"] [data-headline]')
        assert seen["inside"] and seen["on_top"], f"{page.screen_name}: answer out of view while typing: {seen}"
        time.sleep(0.15)
    figures = {**pycalc.example_inputs(UNEMPLOYMENT), "income_year_1": "456789"}
    expected = pycalc.calculate(UNEMPLOYMENT, figures)
    wait_for_outputs(page, UNEMPLOYMENT, expected["outputs"])
    headline = calculator.locator("[data-headline]")
    assert headline.inner_text() == expected["headline"]
    assert calculator.locator("[data-answer-tag]").is_hidden(), "no longer the worked example"
    page.wait_for_function("() => window.announcements.length > 0", timeout=5_000)
    time.sleep(1.5)
    announcements = page.evaluate("window.announcements")
    assert len(announcements) == 1, f"one announcement when typing pauses, not one a keystroke: {announcements}"
    said = announcements[0]
    assert said.startswith(expected["headline"]), f"the answer is read first: {said!r}"
    meta = next(c for c in CALCULATORS if c["id"] == UNEMPLOYMENT)
    positions = []
    for output in meta["outputs"]:
        text = f'{output["label"]}: {expected["display"][output["name"]]}.'
        assert text in said, f"{text!r} is not read"
        positions.append(said.index(text))
    assert positions == sorted(positions), "outputs are read most important first, in the declared order"
    assert page.evaluate("document.activeElement.name") == "income_year_1", "typing keeps the focus in the field"


def test_units_are_spoken_with_fields_and_outputs(reader, site_url):
    page = reader
    page.goto(f"{site_url}/unemployment/")
    calculator = widget(page, UNEMPLOYMENT)
    assert calculator.locator("[aria-hidden=true]").count() == 0, "nothing in the widget is hidden from screen readers"
    meta = next(c for c in CALCULATORS if c["id"] == UNEMPLOYMENT)
    for field in meta["inputs"]:
        if not field["unit"] or field["type"] in ("boolean", "choice"):
            continue
        described = calculator.locator(f'[name="{field["name"]}"]').evaluate(
            "(e) => e.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' ')")
        assert field["unit"] in described, f"{field['name']}: unit {field['unit']!r} not in its description {described!r}"


def test_calculate_brings_the_answer_into_view_and_gives_it_the_focus(reader, site_url):
    page = reader
    page.goto(f"{site_url}/unemployment/")
    calculator = widget(page, UNEMPLOYMENT)
    calculator.locator('input[name="income_year_1"]').fill("300000")
    button = calculator.locator("button[type=submit]")
    button.scroll_into_view_if_needed()
    if page.screen_name == "phone":
        button.tap()
    else:
        button.click()
    expected = pycalc.calculate(UNEMPLOYMENT, {**pycalc.example_inputs(UNEMPLOYMENT), "income_year_1": "300000"})
    wait_for_outputs(page, UNEMPLOYMENT, expected["outputs"])
    page.wait_for_function("() => document.activeElement && document.activeElement.hasAttribute('data-headline')")
    time.sleep(1)  # a smooth scroll ends
    seen = in_view(page, f'[data-calculator="{UNEMPLOYMENT}"] [data-headline]')
    assert seen["inside"] and seen["on_top"], seen
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused answer shows its focus"


# ---------------------------------------------------------------- 2. amounts and errors

def money_fields() -> list[tuple[str, str]]:
    return [(c["id"], f["name"]) for c in CALCULATORS for f in c["inputs"] if f["type"] == "money"]


def test_every_money_field_reads_amounts_as_people_type_them(browser, site_url):
    """The page sends the text as typed; pycalc reads each spelling as 550,000 (issue 12, H7's parsing)."""
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    problems = []
    for path, ids in calculator_pages().items():
        fields = [(c, f) for c, f in money_fields() if c in ids]
        if not fields:
            continue
        page.goto(f"{site_url}{path}")
        for calculator_id, name in fields:
            base = pycalc.example_inputs(calculator_id)
            try:
                expected = pycalc.calculate(calculator_id, {**base, name: 550000})
            except pycalc.InputError:
                continue  # 550,000 is not a possible value here (a limit): nothing to compare
            for spelling in MONEY_SPELLINGS:
                box = widget(page, calculator_id).locator(f'[name="{name}"]')
                assert box.get_attribute("type") == "text" and box.get_attribute("inputmode") == "decimal"
                box.fill(spelling)
                try:
                    wait_for_outputs(page, calculator_id, expected["outputs"])
                except Exception:
                    shown = widget(page, calculator_id).locator(f'[data-error-for="{name}"]').text_content()
                    problems.append(f"{calculator_id}.{name} = {spelling!r}: not read as 550,000 ({shown or 'no message'})")
                    continue
                assert box.input_value() == spelling, "the page leaves what the reader typed as it is"
            box.fill(str(base[name]) if base[name] is not None else "")
    context.close()
    assert not problems, "\n".join(problems)


def test_an_error_waits_until_the_reader_pauses_or_leaves_the_field(reader, site_url):
    page = reader
    page.goto(f"{site_url}/unemployment/")
    calculator = widget(page, UNEMPLOYMENT)
    field = calculator.locator('input[name="income_year_1"]')
    message = calculator.locator('[data-error-for="income_year_1"]')
    field.focus()
    page.wait_for_selector(f'[data-calculator="{UNEMPLOYMENT}"][data-state="ready"]', timeout=BOOT_TIMEOUT_MS)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("-")  # the first keystroke of "-5": not an amount yet, but the reader is still typing
    page.wait_for_function(f"""() => document.querySelector('[data-calculator="{UNEMPLOYMENT}"] .calc-result[data-stale]')""")
    time.sleep(0.5)
    assert message.is_hidden(), "an error must not appear at the first keystroke"
    assert field.get_attribute("aria-invalid") is None
    message.wait_for(state="visible", timeout=5_000)  # the reader paused
    assert field.get_attribute("aria-invalid") == "true"

    # Corrected: the message goes at once. Wrong again and leaving the field: it comes at once.
    field.fill("400000")
    message.wait_for(state="hidden", timeout=5_000)
    field.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("abc")
    left_at = time.monotonic()
    page.keyboard.press("Tab")
    message.wait_for(state="visible", timeout=5_000)
    assert time.monotonic() - left_at < ERRORS_WAIT_S, "leaving the field shows its error without waiting"

    # Calculate: the error summary takes the focus, its link leads back to the field.
    calculator.locator("button[type=submit]").click()
    page.wait_for_function("() => document.activeElement && document.activeElement.hasAttribute('data-error-summary')")
    assert calculator.locator("[data-error-summary] a").count() >= 1


# ---------------------------------------------------------------- 3. sources

class _Steps(HTMLParser):
    """Each step of each widget in a built page: its links, and whether NAV's reference is folded."""

    def __init__(self):
        super().__init__()
        self.widget, self.in_steps, self.step, self.depth = None, False, None, 0
        self.steps = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-calculator" in attrs and tag == "div":
            self.widget = attrs["data-calculator"]
        if tag == "ol" and "data-steps" in attrs:
            self.in_steps = True
        elif self.in_steps and tag == "li" and self.step is None:
            self.step = {"widget": self.widget, "links": [], "folded": [], "text": ""}
        elif self.step is not None and tag == "a":
            self.step["links"].append(attrs.get("href", ""))
        elif self.step is not None and tag == "details":
            self.step["folded"].append("open" not in attrs and "calc-reference" in attrs.get("class", ""))

    def handle_endtag(self, tag):
        if tag == "li" and self.step is not None:
            self.steps.append(self.step)
            self.step = None
        elif tag == "ol" and self.in_steps:
            self.in_steps = False

    def handle_data(self, data):
        if self.step is not None:
            self.step["text"] += data


def test_every_steps_source_is_a_link_and_navs_code_is_folded_away():
    problems = []
    for path in calculator_pages():
        html = (SITE / path.strip("/") / "index.html").read_text(encoding="utf-8")
        parser = _Steps()
        parser.feed(html)
        assert parser.steps, path
        for step in parser.steps:
            where = f"{path} {step['widget']}: {step['text'][:70]!r}"
            if not step["links"]:
                problems.append(f"{where}: no link to its source")
            for href in step["links"]:
                parts = urlsplit(href)
                if parts.scheme in ("http", "https"):
                    continue
                target = (SITE / path.strip("/") / parts.path).resolve() if not parts.path.startswith("/") \
                    else (SITE / parts.path.lstrip("/")).resolve()
                if not (target / "index.html").is_file() and not target.is_file():
                    problems.append(f"{where}: link {href!r} leads to no page")
            if not all(step["folded"]):
                problems.append(f"{where}: NAV's code reference is not folded away")
    assert not problems, f"{len(problems)} steps:\n" + "\n".join(problems)


def test_browser_computed_steps_link_their_sources(reader, site_url):
    page = reader
    page.goto(f"{site_url}/unemployment/")
    calculator = widget(page, UNEMPLOYMENT)
    for rules in [r["id"] for r in pycalc.rule_sets() if UNEMPLOYMENT in r["calculators"]]:
        calculator.locator("[data-rules-select]").select_option(rules)
        expected = pycalc.calculate(UNEMPLOYMENT, pycalc.example_inputs(UNEMPLOYMENT), rules=rules)
        page.wait_for_function(
            "label => document.querySelector('[data-calculator=\"unemployment_benefit\"] [data-rules]').textContent.includes(label)",
            arg=expected["rules_label"], timeout=BOOT_TIMEOUT_MS)
        wait_for_browser_result(page, UNEMPLOYMENT)
        steps = calculator.locator("[data-steps] > li")
        assert steps.count() == len(expected["steps"])
        for i, step in enumerate(expected["steps"]):
            item = steps.nth(i)
            links = item.locator(".calc-source a")
            wanted = [c for c in step.get("citations", []) if c.get("url")]
            assert links.count() == len(wanted), f"{rules} step {i}: {step['text'][:60]}"
            for j, citation in enumerate(wanted):
                assert links.nth(j).inner_text() == citation["text"]
                assert links.nth(j).is_visible()
                href = links.nth(j).evaluate("(a) => a.href")
                assert href.startswith(("https://", site_url)), href
            details = item.locator("details.calc-reference")
            if step.get("reference"):
                assert details.count() == 1 and details.get_attribute("open") is None
                assert details.locator("summary").inner_text() == "Where NAV's code says this"


# ---------------------------------------------------------------- 4. print and share

def pdf_pages(data: bytes) -> list[int]:
    """The number of text-showing operations on each page of a PDF Chromium wrote (0 = a blank page)."""
    objects = {}
    for match in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        objects[int(match.group(1))] = match.group(2)

    def stream(body: bytes) -> bytes:
        found = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
        if not found:
            return b""
        raw = found.group(1)
        return zlib.decompress(raw) if b"/FlateDecode" in body else raw

    counts = []
    for body in objects.values():
        if not re.search(rb"/Type\s*/Page[^s]", body):
            continue
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", body)
        refs = [int(n) for n in re.findall(rb"(\d+) 0 R", contents.group(1))] if contents else []
        text = sum(len(re.findall(rb"\bT[jJ]\b", stream(objects.get(ref, b"")))) for ref in refs)
        counts.append(text)
    return counts


def test_the_print_button_gives_one_clean_record_without_blank_pages(reader, site_url):
    page = reader
    page.goto(f"{site_url}/unemployment/")
    calculator = widget(page, UNEMPLOYMENT)
    calculator.locator('input[name="income_year_1"]').fill("300000")
    expected = pycalc.calculate(UNEMPLOYMENT, {**pycalc.example_inputs(UNEMPLOYMENT), "income_year_1": "300000"})
    wait_for_outputs(page, UNEMPLOYMENT, expected["outputs"])
    page.evaluate("window.print = () => { window.printed = true; }")
    calculator.locator("[data-print]").click()
    assert page.evaluate("window.printed === true")
    pages = pdf_pages(page.pdf(format="A4"))
    assert pages and all(pages), f"a blank page in the printout: text operations per page {pages}"
    assert len(pages) <= 4, f"one calculator takes {len(pages)} pages"

    calculator.locator("[data-print]").click()  # making the PDF ended that print ("afterprint")
    page.emulate_media(media="print")
    visible_buttons = page.eval_on_selector_all(
        "button, .md-button, [role=button]", "els => els.filter((e) => e.getClientRects().length).map((e) => e.outerHTML.slice(0, 80))")
    assert visible_buttons == [], "buttons in the printout"
    record = calculator.inner_text()
    figures = calculator.locator("[data-print-summary]")
    assert figures.is_visible() and "300000" in figures.inner_text()
    meta = next(c for c in CALCULATORS if c["id"] == UNEMPLOYMENT)
    assert figures.locator("dd").count() == len(meta["inputs"]), "every figure, none left out"
    assert all(figures.locator("dd").nth(i).inner_text().strip() for i in range(figures.locator("dd").count()))
    assert expected["headline"] in record
    assert record.index("300000") < record.index(expected["headline"]) < record.index(expected["display"]["daily_rate"]), \
        "the record reads: your figures, the answer, the outputs"
    assert calculator.locator("[data-steps]").is_visible()
    assert f"in force from {expected['rules_date']}" in record
    origin = calculator.locator("[data-print-origin]").inner_text()
    assert "#calc-unemployment_benefit?" in origin and "income_year_1=300000" in origin, "the link back to these figures"
    assert not calculator.locator("[data-form]").is_visible()
    outside = page.evaluate("""() => [...document.querySelectorAll('h1, .md-header, .md-sidebar, .md-footer')]
        .filter((e) => e.getClientRects().length).length""")
    assert outside == 0, "only the calculator is printed"
    page.emulate_media(media="screen")


def test_a_printed_page_has_its_figures_without_scripts_and_no_blank_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/sickness-benefits/")
    page.emulate_media(media="print")
    for figures in page.locator("[data-print-summary]").all():
        assert figures.is_visible()
        assert figures.locator("dd").count() > 0, "no empty 'Your figures' heading"
    assert page.locator("button:visible").count() == 0
    pages = pdf_pages(page.pdf(format="A4"))
    assert pages and all(pages), f"a blank page: {pages}"
    context.close()


def test_copy_link_confirms_and_the_link_opens_with_the_figures_without_flashing_the_example(reader, screen, site_url):
    page = reader
    screen.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(f"{site_url}/unemployment/")
    calculator = widget(page, UNEMPLOYMENT)
    figures = {"income_year_1": "310000", "children": "1"}
    for name, value in figures.items():
        calculator.locator(f'[name="{name}"]').fill(value)
    expected = pycalc.calculate(UNEMPLOYMENT, {**pycalc.example_inputs(UNEMPLOYMENT), **figures})
    wait_for_outputs(page, UNEMPLOYMENT, expected["outputs"])
    copy = calculator.locator("[data-copy-link]")
    assert copy.is_visible() and "Copy link" in copy.inner_text()
    copy.click()
    status = calculator.locator("[data-copy-status]")
    page.wait_for_function("(s) => s.textContent.includes('Link copied')", arg=status.element_handle())
    assert status.get_attribute("role") == "status"
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(f"{site_url}/unemployment/#calc-unemployment_benefit?") and "income_year_1=310000" in link

    example = pycalc.calculate(UNEMPLOYMENT, pycalc.example_inputs(UNEMPLOYMENT))
    other = screen.new_page()
    # Before every frame is painted: is the worked example's answer or result showing?
    other.add_init_script("""(() => {
        window.flashes = [];
        const look = () => {
            const w = document.querySelector('[data-calculator="unemployment_benefit"]');
            if (w) {
                const answer = w.querySelector('[data-headline]');
                const result = w.querySelector('.calc-result');
                for (const [what, element] of [["answer", answer], ["result", result]]) {
                    if (element && getComputedStyle(element).visibility === "visible"
                        && w.querySelector('.calc-result[data-source="build"]')) window.flashes.push(what);
                }
            }
            requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
    })()""")
    other.goto(link)
    assert other.locator("head script[src$='javascripts/calculator-early.js']").count() >= 1, \
        "calculator-early.js must be a blocking script in the page's <head> (overrides/main.html, extrahead)"
    wait_for_outputs(other, UNEMPLOYMENT, expected["outputs"])
    assert other.locator(f'[data-calculator="{UNEMPLOYMENT}"] [name="income_year_1"]').input_value() == "310000"
    assert widget(other, UNEMPLOYMENT).locator("[data-headline]").inner_text() == expected["headline"]
    assert expected["headline"] != example["headline"]
    assert other.evaluate("window.flashes") == [], "the worked example showed before the link's figures"
    other.close()

    # Without scripts nothing is hidden: the worked example shows.
    quiet = screen.browser.new_context(java_script_enabled=False)
    still = quiet.new_page()
    still.goto(link)
    assert widget(still, UNEMPLOYMENT).locator("[data-headline]").is_visible()
    quiet.close()


# ---------------------------------------------------------------- 5. chart contrast, embeds

CONTRAST = """(line) => {
    const parse = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
    const over = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
                                   b: top.b * top.a + under.b * (1 - top.a), a: 1});
    const layers = [];
    for (let e = line; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a > 0) layers.push(c);
    }
    let background = {r: 255, g: 255, b: 255, a: 1};
    for (const layer of layers.reverse()) background = over(layer, background);
    const stroke = over(parse(getComputedStyle(line).stroke), background);
    const luminance = (c) => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
    function lin(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    const [hi, lo] = [luminance(stroke), luminance(background)].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_lines_keep_3_to_1_against_their_background(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.route("**/pycalc-worker.js", lambda route: route.fulfill(body=SILENT_WORKER, content_type="text/javascript"))
    found = {}
    for meta in CALCULATORS:
        path = page_of(meta["id"])
        if page.url != f"{site_url}{path}":
            page.goto(f"{site_url}{path}")
            page.wait_for_function("s => document.body.dataset.mdColorScheme === s",
                                   arg={"light": "default", "dark": "slate"}[scheme])
            page.evaluate("() => document.getAnimations().forEach((a) => a.finish())")
        for selector in [".calc-chart-line", ".calc-chart-mark"]:
            for i, line in enumerate(widget(page, meta["id"]).locator(selector).all()):
                found[f"{meta['id']} {selector} {i}"] = line.evaluate(CONTRAST)
    context.close()
    assert found, "no chart found"
    weak = {k: round(v, 2) for k, v in found.items() if v < 3}
    assert not weak, f"{scheme}: chart lines below 3:1: {weak}"


def test_an_embedded_calculator_on_a_phone_shows_its_answer_near_the_top(browser, site_url):
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/embed/{UNEMPLOYMENT}/")
    answer = page.locator("[data-headline]")
    top = answer.evaluate("(e) => e.getBoundingClientRect().top + scrollY")
    form = page.locator("[data-form]").evaluate("(e) => e.getBoundingClientRect().top + scrollY")
    assert top < VIEWPORTS["phone"]["height"] / 2, f"the answer is {top}px down an embedded calculator"
    assert top < form, "in a frame the answer comes before the figures"
    context.close()
