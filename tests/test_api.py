"""The public contract of pycalc: calculate, calculators, InputError."""
import json
import math
from decimal import Decimal

import pytest

import pycalc
from pycalc.browser import handle_json


def test_a_result_has_the_documented_shape_and_is_json():
    result = pycalc.calculate("unemployment_benefit", {"income_year_1": 400000, "children": 2}, rules="2013")
    assert set(result) >= {"calculator", "rules", "inputs", "outputs", "steps", "notes"}
    assert result["inputs"]["income_year_2"] == 0, "defaults are filled in"
    assert all(set(step) == {"text", "source", "citations", "reference"} and step["text"] and step["source"]
               for step in result["steps"])
    assert json.loads(json.dumps(result)) == result


def test_without_rules_the_newest_rule_set_of_the_calculator_is_used():
    assert pycalc.calculate("child_benefit", {"children": 1})["rules"] == max(
        (r for r in pycalc.rule_sets() if "child_benefit" in r["calculators"]), key=lambda r: r["date"])["id"]


def test_input_error_is_a_value_error_with_field_messages():
    with pytest.raises(ValueError) as raised:
        pycalc.calculate("unemployment_benefit", {"income_year_1": -1})
    assert isinstance(raised.value, pycalc.InputError)
    assert raised.value.errors == [{"field": "income_year_1",
                                    "message": "Income from work last calendar year must be a number of kroner, 0 or more."}]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf"), "NaN", "Infinity", "1e400", 10**12,
                                 True, [400000], {"a": 1}, "four hundred", "400,0000", "400.5", "", "9" * 50])
def test_every_kind_of_bad_money_is_rejected_with_a_message(bad):
    with pytest.raises(pycalc.InputError) as raised:
        pycalc.calculate("unemployment_benefit", {"income_year_1": bad})
    (error,) = raised.value.errors
    assert error["field"] == "income_year_1" and "Income from work last calendar year" in error["message"]


@pytest.mark.parametrize("good", [400000, 400000.0, "400000", " 400 000 ", "400\u00a0000", Decimal("400000"),
                                  "400,000", "400.000", "kr 400 000", "NOK 400,000"])
def test_money_is_accepted_as_number_or_text(good):
    assert pycalc.calculate("unemployment_benefit", {"income_year_1": good})["outputs"]["daily_rate"] == 960


def test_all_errors_are_reported_together():
    with pytest.raises(pycalc.InputError) as raised:
        pycalc.calculate("unemployment_benefit", {"income_year_2": -1, "children": 2.5, "bonus": 1})
    assert {e["field"] for e in raised.value.errors} == {"income_year_1", "income_year_2", "children", "bonus"}


def test_unknown_calculator_and_rule_set_are_clear_errors():
    with pytest.raises(pycalc.InputError) as raised:
        pycalc.calculate("pension_for_cats", {})
    assert raised.value.errors[0]["field"] == "calculator" and "unemployment_benefit" in raised.value.errors[0]["message"]
    with pytest.raises(pycalc.InputError) as raised:
        pycalc.calculate("child_benefit", {}, rules="1999")
    assert raised.value.errors[0]["field"] == "rules" and "2013" in raised.value.errors[0]["message"]


def test_inputs_must_be_a_mapping():
    with pytest.raises(pycalc.InputError):
        pycalc.calculate("child_benefit", [("children", 1)])


def test_every_calculator_computes_its_worked_example():
    for meta in pycalc.calculators():
        result = pycalc.calculate(meta["id"], pycalc.example_inputs(meta["id"]))
        assert set(result["outputs"]) == {o["name"] for o in meta["outputs"]}
        for value in result["outputs"].values():
            assert not (isinstance(value, float) and math.isnan(value))
        assert result["steps"], meta["id"]


def test_the_browser_bridge_answers_results_errors_and_failures_as_json():
    ok = json.loads(handle_json(json.dumps({"calculator": "child_benefit", "inputs": {"children": 2}, "rules": "2013"})))
    assert ok["ok"] and ok["result"]["outputs"]["monthly_amount"] == 1940
    bad = json.loads(handle_json(json.dumps({"calculator": "child_benefit", "inputs": {"children": -2}})))
    assert not bad["ok"] and bad["errors"][0]["field"] == "children"
    assert json.loads(handle_json("[1]"))["errors"][0]["field"] == "request"
    assert "failure" in json.loads(handle_json("{not json"))


def test_the_browser_bridge_draws_charts_only_for_income_based_calculators():
    chart = json.loads(handle_json(json.dumps({"calculator": "unemployment_benefit", "chart": True, "uid": "u",
                                               "inputs": {"income_year_1": 400000}, "rules": "2013"})))
    assert chart["ok"] and chart["chart_html"].startswith("<svg") and "6 G" in chart["chart_html"]
    assert "<table>" in chart["chart_html"] and "(your figure)" in chart["chart_html"]
    none = json.loads(handle_json(json.dumps({"calculator": "child_benefit", "chart": True, "inputs": {}})))
    assert none == {"ok": True, "chart_html": ""}
