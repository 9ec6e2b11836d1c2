"""Every result leads with a one-line answer in words, written by the formula itself."""
import pytest

import pycalc
from pycalc.model import Explanation
from pycalc.parameters import Rules
from pycalc.registry import _registry
from pycalc.fields import clean_all
from pycalc.rule_sets import all_rule_sets

PAIRS = [(c.id, rules) for c in _registry().values() for rules in sorted(c.formulas)]


@pytest.mark.parametrize(("calculator_id", "rules"), PAIRS, ids=[f"{c}-{r}" for c, r in PAIRS])
def test_every_formula_words_its_answer(calculator_id, rules):
    calculator = _registry()[calculator_id]
    values, errors = clean_all(calculator.inputs, pycalc.example_inputs(calculator_id))
    assert not errors
    explanation = Explanation()
    calculator.formulas[rules](values, Rules(all_rule_sets()[rules]["date"]), explanation)
    assert explanation.headline, f"{calculator_id} ({rules}) must call explain.answer(...)"
    assert len(explanation.headline) < 240 and explanation.headline.strip() == explanation.headline


def test_the_answer_leads_the_result_and_the_cli_agrees():
    result = pycalc.calculate("unemployment_benefit", {"income_year_1": 400000})
    assert list(result)[:2] == ["calculator", "headline"]
