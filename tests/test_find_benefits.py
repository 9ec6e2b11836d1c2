"""'What can I get?' (pycalc.find_benefits): situations as data, every amount equal to calculate."""
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import pycalc

SITUATIONS = tomllib.loads((Path(__file__).parent / "situations" / "what_can_i_get.toml").read_text(encoding="utf-8"))["situation"]


@pytest.mark.parametrize("case", SITUATIONS, ids=[s["name"] for s in SITUATIONS])
def test_situation(case):
    found = pycalc.find_benefits(case["situation"])
    status = {}
    for entry in found:
        assert set(entry) >= {"calculator", "inputs", "result", "why"} and entry["why"]
        status.setdefault(entry["calculator"], set()).add(entry["status"])
        if entry["result"] is not None:
            assert entry["result"] == pycalc.calculate(entry["calculator"], entry["inputs"])
    for expected in ("likely", "ask", "unlikely"):
        for calculator in case.get(expected, []):
            assert status.get(calculator) == {expected}, (calculator, status.get(calculator))
    likely = [e["monthly_amount"] for e in found if e["status"] == "likely"]
    assert likely == sorted(likely, reverse=True) and all(m > 0 for m in likely)
    assert [e["status"] for e in found] == sorted((e["status"] for e in found), key=["likely", "ask", "unlikely"].index)


def test_the_single_mothers_household_total_adds_her_likely_benefits():
    found = pycalc.find_benefits(SITUATIONS[0]["situation"])
    unemployment = next(e for e in found if e["calculator"] == "unemployment_benefit")
    assert unemployment["annual_amount"] == round(unemployment["result"]["outputs"]["annual_rate"])
    assert unemployment["monthly_amount"] == round(unemployment["result"]["outputs"]["annual_rate"] / 12)
    child = next(e for e in found if e["calculator"] == "child_benefit")
    assert child["monthly_amount"] == child["result"]["outputs"]["monthly_amount"]
    assert child["annual_amount"] == child["result"]["outputs"]["annual_amount"]
    assert pycalc.household_monthly_total(found) == sum(e["monthly_amount"] for e in found if e["status"] == "likely")


@pytest.mark.parametrize(("situation", "field"), [
    ({"age": "old"}, "age"),
    ({"children_ages": "1,x"}, "children_ages"),
    ({"children_ages": [30]}, "children_ages"),
    ({"events": "won_lottery"}, "events"),
    ({"age": 30, "years_in_norway": 31}, "years_in_norway"),
    ({"children_ages": "1", "children_in_kindergarten_hours": "10,20"}, "children_in_kindergarten_hours"),
    ({"salary": 5}, "salary"),
    ({"annual_income": "550,5"}, "annual_income"),
])
def test_bad_situations_are_named_by_field(situation, field):
    with pytest.raises(pycalc.InputError) as raised:
        pycalc.find_benefits(situation)
    assert field in {e["field"] for e in raised.value.errors}


def test_not_a_situation_at_all():
    with pytest.raises(pycalc.InputError):
        pycalc.find_benefits(["age", 30])


def test_cli_find_prints_the_same_and_exits_2_on_bad_input():
    run = subprocess.run([sys.executable, "-m", "pycalc", "find", "age=34", "annual_income=300000",
                          "children_ages=1,4", "single_parent=true", "events=lost_job"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == pycalc.find_benefits({"age": "34", "annual_income": "300000", "children_ages": "1,4",
                                                           "single_parent": "true", "events": "lost_job"})
    bad = subprocess.run([sys.executable, "-m", "pycalc", "find", "age=old"], capture_output=True, text=True)
    assert bad.returncode == 2 and "age" in bad.stderr
