"""Every calculator page: a typed scenario computed in the browser matches pycalc, the chart
follows the reader, and the print view holds the figures (issue: Every chapter)."""
import pytest

import pycalc
from conftest import SITE, output_values, wait_for_browser_result, widget

CALCULATORS = pycalc.calculators()


def _page_of(calculator_id: str) -> str:
    for page in (SITE).rglob("index.html"):
        if "embed" in page.parts:
            continue
        if f'data-calculator="{calculator_id}"' in page.read_text(encoding="utf-8"):
            return page.relative_to(SITE).parent.as_posix() + "/"
    raise AssertionError(f"{calculator_id} is on no page")


def _scenario(meta: dict) -> dict:
    """A change from the worked example in every numeric field: a different, valid case."""
    scenario = {}
    for field in meta["inputs"]:
        if field["type"] in ("money", "integer", "percent", "number"):
            example = field["example"]
            bumped = example + 1 if field["type"] == "integer" else round(example * 1.1 + 1000 * (field["type"] == "money"), 2)
            if field["max"] is not None and bumped > field["max"]:
                bumped = example
            scenario[field["name"]] = str(bumped)
    return scenario


@pytest.mark.parametrize("meta", CALCULATORS, ids=[c["id"] for c in CALCULATORS])
def test_a_typed_scenario_computed_in_the_browser_matches_pycalc(page, site_url, meta, requests_seen):
    calculator_id = meta["id"]
    page.goto(f"{site_url}/{_page_of(calculator_id)}")
    scenario = _scenario(meta)
    for name, value in scenario.items():
        page.fill(f'[data-calculator="{calculator_id}"] [name="{name}"]', value)
    try:
        expected = pycalc.calculate(calculator_id, scenario)
    except pycalc.InputError as problem:  # a combination the rules refuse: the page must say the same
        first = problem.errors[0]
        message = widget(page, calculator_id).locator(f'[data-error-for="{first["field"]}"]')
        message.wait_for(state="visible", timeout=60_000)
        assert message.inner_text() == first["message"]
        return
    wait_for_browser_result(page, calculator_id)
    assert output_values(page, calculator_id) == expected["outputs"]
    steps = widget(page, calculator_id).locator("[data-steps] li")
    assert steps.count() == len(expected["steps"])
    assert steps.first.inner_text().startswith(expected["steps"][0]["text"])


def test_the_chart_moves_with_the_reader_and_has_a_table(page, site_url, requests_seen):
    page.goto(f"{site_url}/unemployment/")
    chart = widget(page, "unemployment_benefit").locator("[data-chart]")
    assert "(your figure)" in chart.locator("table").text_content(), "pre-rendered chart with its table"
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "300000")
    page.wait_for_function("""() => document.querySelector('[data-calculator="unemployment_benefit"] [data-chart] table')
                              .textContent.includes('NOK 300,000 (your figure)')""", timeout=60_000)
    assert chart.locator("svg[role=img] title").count() == 1 and chart.locator("circle.calc-chart-you").count() == 1


def test_print_view_lists_the_figures_the_result_the_steps_and_the_rules(page, site_url, requests_seen):
    page.goto(f"{site_url}/unemployment/")
    page.fill('[data-calculator="unemployment_benefit"] input[name="income_year_1"]', "300000")
    wait_for_browser_result(page, "unemployment_benefit")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.click('[data-calculator="unemployment_benefit"] [data-print]')
    assert page.evaluate("window.printed === true")
    page.emulate_media(media="print")
    calculator = widget(page, "unemployment_benefit")
    printed = calculator.locator("[data-print-summary]")
    assert printed.is_visible() and "300000" in printed.inner_text()
    assert not calculator.locator("[data-form]").is_visible()
    assert calculator.locator("[data-steps]").is_visible() and "Rules:" in calculator.locator("[data-rules]").inner_text()
    assert not page.locator("header.md-header").is_visible() or page.evaluate(
        "getComputedStyle(document.querySelector('header.md-header')).visibility") == "hidden"


def test_switching_rule_sets_recomputes_with_each_set_and_goes_into_the_link(page, site_url, requests_seen):
    scenario = {"income_year_1": "400000", "children": "2"}
    page.goto(f"{site_url}/unemployment/")
    choice = widget(page, "unemployment_benefit").locator("[data-rules-select]")
    assert choice.input_value() == pycalc.rule_sets()[0]["id"], "the newest rule set is the default"
    for name, value in scenario.items():
        page.fill(f'[data-calculator="unemployment_benefit"] [name="{name}"]', value)
    for rules in [r["id"] for r in pycalc.rule_sets() if "unemployment_benefit" in r["calculators"]]:
        choice.select_option(rules)
        expected = pycalc.calculate("unemployment_benefit", scenario, rules=rules)
        page.wait_for_function(
            """([rules, label]) => document.querySelector('[data-calculator="unemployment_benefit"] [data-rules]')
                 .textContent.includes(label) && location.hash.includes('rules=' + rules)""",
            arg=[rules, expected["rules_label"]], timeout=60_000)
        wait_for_browser_result(page, "unemployment_benefit")
        assert output_values(page, "unemployment_benefit") == expected["outputs"]


def test_a_calculator_without_todays_rules_says_so(page, site_url, requests_seen):
    only_2013 = [c["id"] for c in CALCULATORS if pycalc.rule_sets()[0]["id"] not in c["rule_sets"]]
    assert only_2013, "this test needs a calculator that has only the guide's rules"
    page.goto(f"{site_url}/{_page_of(only_2013[0])}")
    notice = widget(page, only_2013[0]).locator("[data-rules-only]")
    assert "Available only with the guide's rules" in notice.inner_text()
