"""Finds the calculators (one module each in pycalc.calculators) and runs them."""
import functools
import importlib
import pkgutil

from . import calculators as calculator_package
from .citations import cite, reference
from .errors import InputError
from .fields import _json, clean_all
from .model import Explanation
from .parameters import Rules
from .rule_sets import all_rule_sets, newest

CHAPTER_ORDER = ["Membership", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@functools.cache
def _registry() -> dict:
    found = []
    for module_info in pkgutil.iter_modules(calculator_package.__path__):
        module = importlib.import_module(f"{calculator_package.__name__}.{module_info.name}")
        calculator = getattr(module, "CALCULATOR", None)
        if calculator is not None:
            found.append(calculator)
    found.sort(key=lambda c: (CHAPTER_ORDER.index(c.chapter), c.id))
    return {c.id: c for c in found}


def calculators() -> list[dict]:
    """Metadata of every calculator, in the order of the guide's chapters."""
    return [c.metadata() for c in _registry().values()]


def example_inputs(calculator_id: str) -> dict:
    """The inputs of the worked example shown before anything is typed."""
    return {f.name: f.example_value for f in _find(calculator_id).inputs}


def rule_sets() -> list[dict]:
    """Every rule set with its date and the calculators that have a formula for it."""
    return [
        {
            "id": rule_id,
            "date": data["date"].isoformat(),
            "label": data["label"],
            "description": data["description"],
            "calculators": [c.id for c in _registry().values() if rule_id in c.formulas],
        }
        for rule_id, data in sorted(all_rule_sets().items(), key=lambda kv: kv[1]["date"], reverse=True)
    ]


def _find(calculator_id):
    registry = _registry()
    if not isinstance(calculator_id, str) or calculator_id not in registry:
        raise InputError([{
            "field": "calculator",
            "message": f"There is no calculator called {str(calculator_id)[:40]!r}. "
                       f"The calculators are: {', '.join(registry)}.",
        }])
    return registry[calculator_id]


def _cited(step: dict) -> dict:
    """A step with its sources as links a reader can follow, and NAV's code reference for experts."""
    return {**step, "citations": cite(step["source"]), "reference": reference(step["source"])}


def calculate(calculator_id: str, inputs: dict, rules: str | None = None) -> dict:
    """Run one calculator; return a JSON-serialisable result with its steps and sources."""
    calculator = _find(calculator_id)
    if rules is None:
        rules = newest(calculator.formulas)
    if not isinstance(rules, str) or rules not in calculator.formulas:
        raise InputError([{
            "field": "rules",
            "message": f"The rule set {str(rules)[:40]!r} is not available for {calculator.title}. "
                       f"Choose one of: {', '.join(sorted(calculator.formulas, reverse=True))}.",
        }])
    values, errors = clean_all(calculator.inputs, inputs)
    if errors:
        raise InputError(errors)
    rule_set = all_rule_sets()[rules]
    explanation = Explanation()
    outputs = calculator.formulas[rules](values, Rules(rule_set["date"]), explanation)
    declared = {o.name: o for o in calculator.outputs}
    if set(outputs) != set(declared):
        raise RuntimeError(f"{calculator.id}: formula gave {sorted(outputs)}, metadata declares {sorted(declared)}")
    if not explanation.headline:
        raise RuntimeError(f"{calculator.id}: the {rules} formula gave no answer line (explain.answer)")
    return {
        "calculator": calculator.id,
        "headline": explanation.headline,
        "rules": rules,
        "rules_date": rule_set["date"].isoformat(),
        "rules_label": rule_set["label"],
        "inputs": {name: _json(value) for name, value in values.items()},
        "outputs": {name: declared[name].to_json(value) for name, value in outputs.items()},
        "display": {name: declared[name].display(value) for name, value in outputs.items()},
        "steps": [_cited(step) for step in explanation.steps],
        "notes": list(calculator.notes) + explanation.notes,
    }
