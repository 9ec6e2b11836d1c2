"""Failure and hostile input: the page stays readable and never runs what a reader did not write
(issue: Trustworthy)."""
import io
import re
import zipfile

import pytest

from conftest import SITE, choose_rules, output_values, wait_for_browser_result, widget

FAILURE = "Live calculation is unavailable"


# The standard library comes trimmed beside the bundle, with Pyodide's whole one as its fallback:
# only when neither arrives can Python not start.
BUNDLE = re.compile(r"/assets/pycalc-[0-9a-f]{12}\.zip$")


@pytest.mark.parametrize("blocked", ["**/pyodide.asm.wasm", re.compile(r"stdlib\.zip$"), BUNDLE,
                                     "**/pycalc-worker.js"], ids=["wasm", "standard library", "bundle", "worker"])
def test_when_live_calculation_cannot_load_the_worked_example_stays_and_the_reader_is_told(page, site_url, blocked,
                                                                                          requests_seen):
    page.route(blocked, lambda route: route.abort())
    page.goto(f"{site_url}/unemployment/")
    example = output_values(page, "unemployment_benefit")
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "500000")
    page.wait_for_selector('[data-calculator="unemployment_benefit"][data-state="error"]', timeout=30_000)
    status = widget(page, "unemployment_benefit").locator("[data-runtime-status]")
    assert FAILURE in status.inner_text() and status.is_visible()
    assert output_values(page, "unemployment_benefit") == example, "the pre-rendered example must stay"
    assert page.locator("h1").is_visible() and page.locator("article").inner_text().count("G") > 3


def test_a_worker_that_dies_is_restarted_and_the_current_inputs_recomputed(page, site_url, requests_seen):
    page.goto(f"{site_url}/unemployment/")
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "400000")
    wait_for_browser_result(page, "unemployment_benefit")
    page.evaluate("window.__pycalcRuntime.worker.terminate()")
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "500000")
    page.wait_for_function(
        """() => document.querySelector('[data-calculator="unemployment_benefit"] [data-output="daily_rate"]')
                 .dataset.value === "1200" """, timeout=90_000)
    assert page.evaluate("window.__pycalcRuntime.restarts") == 1
    assert widget(page, "unemployment_benefit").get_attribute("data-state") == "ready"


def _bundle_that_fails_for_seven_children() -> bytes:
    """The real pycalc bundle, with child benefit made to raise for 7 children: a stand-in for a bug."""
    original = next(p for p in (SITE / "assets").glob("pycalc-*.zip") if BUNDLE.search("/assets/" + p.name)).read_bytes()
    patched = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "pycalc/calculators/child_benefit.py":
                data = data.replace(b"    children = x[\"children\"]\n",
                                    b"    children = x[\"children\"]\n    assert children != 7, 'simulated fault'\n")
                assert b"simulated fault" in data
            target.writestr(item, data)
    return patched.getvalue()


def test_a_python_error_shows_a_plain_message_and_keeps_the_last_good_result_marked_stale(page, site_url,
                                                                                         requests_seen):
    bundle = _bundle_that_fails_for_seven_children()
    page.route(BUNDLE, lambda route: route.fulfill(body=bundle, content_type="application/zip"))
    page.goto(f"{site_url}/family-benefits/")
    choose_rules(page, "child_benefit", "2013")
    children = page.locator('[data-calculator="child_benefit"] input[name="children"]')
    children.fill("2")
    wait_for_browser_result(page, "child_benefit")
    children.fill("7")
    result = widget(page, "child_benefit").locator(".calc-result")
    page.wait_for_function(
        """() => document.querySelector('[data-calculator="child_benefit"] [data-status]')
                 .textContent.includes('failed')""", timeout=30_000)
    assert result.get_attribute("data-stale") == "true"
    assert output_values(page, "child_benefit")["monthly_amount"] == 1940, "last good result kept"
    assert "Traceback" not in widget(page, "child_benefit").inner_text()
    children.fill("3")
    wait_for_browser_result(page, "child_benefit")
    assert output_values(page, "child_benefit")["monthly_amount"] == 2910


PAYLOADS = ['<img src=x onerror="window.pwned=1">', "javascript:window.pwned=1", '"><script>window.pwned=1</script>']


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_the_link_is_shown_as_text_and_never_run(page, site_url, payload, requests_seen):
    from urllib.parse import quote

    page.goto(f"{site_url}/unemployment/#calc-unemployment_benefit?income_year_1={quote(payload)}&{quote(payload)}=1")
    message = page.locator('[data-calculator="unemployment_benefit"] [data-error-for="income_year_1"]')
    message.wait_for(state="visible", timeout=60_000)
    assert page.locator('[name="income_year_1"]').input_value() == payload
    assert "must be a number of kroner" in message.inner_text()
    assert page.evaluate("window.pwned === undefined")
    assert widget(page, "unemployment_benefit").locator("img, script:not([src])").count() == 0
