"""The rules of the Norwegian National Insurance Scheme as code.

    >>> import pycalc
    >>> pycalc.calculate("child_benefit", {"children": 2})["outputs"]["monthly_amount"]
    1940
"""
from .errors import InputError
from .registry import calculate, calculators, example_inputs, rule_sets

__all__ = ["InputError", "calculate", "calculators", "example_inputs", "rule_sets"]
