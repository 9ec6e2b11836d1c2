"""The rules of the Norwegian National Insurance Scheme as code.

    >>> import pycalc
    >>> pycalc.calculate("child_benefit", {"children": 2})["outputs"]["monthly_amount"]
    1940
"""
from .errors import InputError
from .registry import calculate, calculators, example_inputs, rule_sets
from .benefit_finder import find_benefits, household_monthly_total

__all__ = ["InputError", "calculate", "calculators", "example_inputs", "find_benefits", "household_monthly_total",
           "rule_sets"]
