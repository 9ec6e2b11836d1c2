"""Rule sets: the 2026 set is traced to NAV's sources, the 2013 set is left exactly as it was."""
import math
import re
from datetime import date

import pytest

import pycalc
from pycalc import parameters, registry
from pycalc.rule_sets import all_rule_sets
from case_data import load_cases

CASES = list(load_cases())
CASES_2013 = [(cid, case) for cid, case in CASES if case.get("rules", "2013") == "2013" and "errors" not in case]
CASES_2026 = [(cid, case) for cid, case in CASES if case.get("rules") == "2026" and "errors" not in case]
# Today's figures cite NAV's or Skatteetaten's code, a law section, or an official page (nav.no, Lovdata, the government,
# the health authorities): the rule, "repository + path + commit, or the page address".
TRACED = re.compile(r"\b(navikt|Skatteetaten)/[\w.-]+|§|https://(www\.)?(nav\.no|lovdata\.no|regjeringen\.no|helsedirektoratet\.no|helfo\.no|helsenorge\.no|skatteetaten\.no)/")
GUIDE_DATE = date(2013, 5, 1)


class _RecordingRules(parameters.Rules):
    """Rules that remember every parameter a formula asked for."""
    asked: set = set()

    def __call__(self, name):
        _RecordingRules.asked.add((name, self.date))
        return super().__call__(name)


@pytest.fixture
def recorded(monkeypatch):
    _RecordingRules.asked = set()
    monkeypatch.setattr(registry, "Rules", _RecordingRules)
    return _RecordingRules


def _matches(result, expected):
    for name, want in expected.items():
        got = result["outputs"][name]
        if isinstance(want, float):
            assert math.isclose(got, want, abs_tol=0.005), (name, got, want)
        else:
            assert got == want and type(got) is type(want), (name, got, want)


def test_every_2026_parameter_a_2026_formula_reads_is_traced_to_nav_or_the_law(recorded):
    for calculator_id, case in CASES_2026:
        pycalc.calculate(calculator_id, case["input"], rules="2026")
    on = all_rule_sets()["2026"]["date"]
    read = {name for name, when in recorded.asked if when == on}
    assert "basic_amount" in read
    for name in sorted(read):
        value = parameters.load(name).at(on)
        assert value.since > GUIDE_DATE, f"{name}: the 2026 rules would silently reuse the guide's 2013 figure"
        assert TRACED.search(value.source), f"{name}: the 2026 value must cite a navikt/ or Skatteetaten/ source or a law section"


def test_every_calculator_with_2026_has_2026_cases():
    covered = {cid for cid, _ in CASES_2026}
    offered = next(s for s in pycalc.rule_sets() if s["id"] == "2026")["calculators"]
    assert offered and sorted(offered) == sorted(covered)


@pytest.mark.parametrize(("calculator_id", "case"), CASES_2013, ids=[f"{c}: {case['name']}" for c, case in CASES_2013])
def test_2013_results_are_unchanged(calculator_id, case, recorded):
    result = pycalc.calculate(calculator_id, case["input"], rules="2013")
    assert result["rules"] == "2013" and result["rules_date"] == "2013-05-01"
    _matches(result, case["output"])
    for name, when in recorded.asked:
        assert parameters.load(name).at(when).since == GUIDE_DATE, f"{name}: 2013 must read the guide's figure"


def test_the_2013_basic_amount_is_the_guides():
    assert parameters.Rules(all_rule_sets()["2013"]["date"]).g == 85245
    assert parameters.Rules(all_rule_sets()["2026"]["date"]).g == 136549


def test_rule_sets_lists_both_sets_with_dates_and_calculators():
    sets = {s["id"]: s for s in pycalc.rule_sets()}
    assert sets["2026"]["date"] == "2026-11-29" and sets["2013"]["date"] == "2013-05-01"
    assert [s["id"] for s in pycalc.rule_sets()][:2] == ["2026", "2013"]
    everyone = {c["id"] for c in pycalc.calculators()}
    # Schemes that came after the guide (disability benefit 2015, adjustment allowance 2024, the new
    # old-age rules) have only today's set; every other calculator keeps the guide's.
    new_schemes = {"disability_benefit", "adjustment_allowance", "old_age_pension_new_rules"}
    assert set(sets["2013"]["calculators"]) == everyone - new_schemes
    assert new_schemes <= set(sets["2026"]["calculators"]) < everyone
    for s in sets.values():
        assert s["label"] and s["description"]


def test_without_rules_a_calculator_uses_its_newest_set():
    sets = {s["id"]: s for s in pycalc.rule_sets()}
    for calculator_id in sets["2026"]["calculators"]:
        assert pycalc.calculate(calculator_id, pycalc.example_inputs(calculator_id))["rules"] == "2026"
    for calculator_id in set(sets["2013"]["calculators"]) - set(sets["2026"]["calculators"]):
        assert pycalc.calculate(calculator_id, pycalc.example_inputs(calculator_id))["rules"] == "2013"
        with pytest.raises(pycalc.InputError):
            pycalc.calculate(calculator_id, pycalc.example_inputs(calculator_id), rules="2026")


def test_basic_amount_has_every_year_from_2013_to_2026_on_1_may():
    values = parameters.load("basic_amount").values
    assert [v.since for v in values] == [date(year, 5, 1) for year in range(2013, 2027)]
    assert all(TRACED.search(v.source) for v in values[1:])
    assert "21 September 2020" in values[2020 - 2013].source
