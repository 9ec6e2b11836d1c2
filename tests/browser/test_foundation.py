"""The foundation's promises, checked in a real browser (issue: Foundation)."""
import pycalc
from conftest import choose_rules, output_values, wait_for_browser_result, widget


def test_worked_example_is_in_the_page_before_any_script_runs(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/unemployment/")
    calculator = widget(page, "unemployment_benefit")
    assert calculator.get_attribute("data-state") == "prerendered"
    expected = pycalc.calculate("unemployment_benefit", pycalc.example_inputs("unemployment_benefit"))
    assert output_values(page, "unemployment_benefit") == expected["outputs"]
    assert calculator.locator('[data-output="daily_rate"]').inner_text() == expected["display"]["daily_rate"]
    context.close()


def test_typing_an_income_computes_the_daily_rate_in_the_browser(page, site_url, requests_seen):
    page.goto(f"{site_url}/unemployment/")
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "400000")
    wait_for_browser_result(page, "unemployment_benefit")
    rate = widget(page, "unemployment_benefit").locator('[data-output="daily_rate"]')
    assert rate.get_attribute("data-value") == "960"
    assert rate.inner_text() == "NOK 960 a day"
    assert any(url.endswith("pyodide.asm.wasm") for url in requests_seen), "the result must come from Pyodide"


def test_browser_result_matches_pycalc_for_a_full_scenario(page, site_url, requests_seen):
    scenario = {"income_year_1": "300000", "income_year_2": "450000", "income_year_3": "700000",
                "children": "2", "benefit_received_last_year": "120000", "weeks_on_benefit_last_year": "12"}
    page.goto(f"{site_url}/unemployment/")
    for name, value in scenario.items():
        page.fill(f'[data-calculator="unemployment_benefit"] [name="{name}"]', value)
    wait_for_browser_result(page, "unemployment_benefit")
    assert output_values(page, "unemployment_benefit") == pycalc.calculate("unemployment_benefit", scenario)["outputs"]
    steps = widget(page, "unemployment_benefit").locator("[data-steps] li")
    assert steps.count() == len(pycalc.calculate("unemployment_benefit", scenario)["steps"])


def test_a_bad_value_shows_its_message_beside_the_field_and_in_the_summary(page, site_url, requests_seen):
    page.goto(f"{site_url}/unemployment/")
    field = page.locator('[data-calculator="unemployment_benefit"] input[name="income_year_1"]')
    field.fill("-5")
    message = page.locator('[data-calculator="unemployment_benefit"] [data-error-for="income_year_1"]')
    message.wait_for(state="visible", timeout=60_000)
    assert message.inner_text() == "Income from work last calendar year must be a number of kroner, 0 or more."
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby").split()[-1] == message.get_attribute("id")
    field.press("Enter")
    summary = page.locator('[data-calculator="unemployment_benefit"] [data-error-summary]')
    page.wait_for_function("document.activeElement.hasAttribute('data-error-summary')", timeout=10_000)
    assert summary.is_visible()
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.name") == "income_year_1"


def test_inputs_are_shared_through_the_link_and_restored_on_load(page, site_url, requests_seen):
    page.goto(f"{site_url}/unemployment/")
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "300000")
    page.fill('[data-calculator="unemployment_benefit"] input[name="children"]', "1")
    wait_for_browser_result(page, "unemployment_benefit")
    page.wait_for_function("location.hash.includes('children=1')")
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    wait_for_browser_result(other, "unemployment_benefit")
    assert other.locator('[name="income_year_1"]').input_value() == "300000"
    expected = pycalc.calculate("unemployment_benefit", {"income_year_1": 300000, "children": 1})
    assert output_values(other, "unemployment_benefit") == expected["outputs"]
    assert output_values(other, "unemployment_benefit")["daily_rate"] == 720


def test_instant_navigation_keeps_both_calculators_working_with_one_worker(page, site_url, requests_seen):
    page.goto(f"{site_url}/unemployment/")
    page.evaluate("window.sameDocument = true")
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "400000")
    wait_for_browser_result(page, "unemployment_benefit")

    page.locator("nav.md-nav--primary a", has_text="Family benefits").first.click()
    page.wait_for_selector('[data-calculator="child_benefit"]')
    assert page.evaluate("window.sameDocument === true"), "instant navigation must not reload the page"
    choose_rules(page, "child_benefit", "2013")
    page.fill('[data-calculator="child_benefit"] input[name="children"]', "2")
    page.check('[data-calculator="child_benefit"] input[name="single_parent"]')
    wait_for_browser_result(page, "child_benefit")
    assert output_values(page, "child_benefit")["monthly_amount"] == 2910

    page.locator("nav.md-nav--primary a", has_text="Unemployment").first.click()
    page.wait_for_selector('[data-calculator="unemployment_benefit"]')
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "500000")
    wait_for_browser_result(page, "unemployment_benefit")
    assert output_values(page, "unemployment_benefit")["daily_rate"] == 1200
    assert page.evaluate("window.sameDocument === true")
    assert sum(url.endswith("pyodide.asm.wasm") for url in requests_seen) == 1, "the worker must boot once"


def test_a_page_without_a_calculator_loads_no_pyodide(page, site_url, requests_seen):
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests_seen if "pyodide" in url or "pycalc" in url]
