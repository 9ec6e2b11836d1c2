"""Runs every case in tests/cases/*.toml through pycalc.calculate."""
import math

import pytest

import pycalc
from case_data import load_cases

CASES = list(load_cases())


@pytest.mark.parametrize(("calculator_id", "case"), CASES, ids=[f"{c}: {case['name']}" for c, case in CASES])
def test_case(calculator_id, case):
    rules = case.get("rules", "2013")
    if "errors" in case:
        with pytest.raises(pycalc.InputError) as raised:
            pycalc.calculate(calculator_id, case["input"], rules=rules)
        assert sorted({e["field"] for e in raised.value.errors}) == sorted(case["errors"])
        return
    result = pycalc.calculate(calculator_id, case["input"], rules=rules)
    assert case["output"], "a case must expect at least one output"
    for name, expected in case["output"].items():
        actual = result["outputs"][name]
        if isinstance(expected, float):
            assert math.isclose(actual, expected, abs_tol=0.005), (name, actual, expected)
        else:
            assert actual == expected and type(actual) is type(expected), (name, actual, expected)
    for fragment in case.get("steps_mention", []):
        assert any(fragment in step["text"] for step in result["steps"]), fragment


def test_every_calculator_has_cases():
    with_cases = {c for c, _ in CASES}
    missing = [c["id"] for c in pycalc.calculators() if c["id"] not in with_cases]
    assert not missing
