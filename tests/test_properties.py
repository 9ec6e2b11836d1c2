"""Property-based tests over every calculator, generated from its metadata.

Nothing here is written for one calculator, except the two small tables CAPS and MONOTONIC.
Calculators and rule sets are discovered at run time (pycalc.calculators(), each calculator's
"rule_sets"), so a new calculator or a new rule set is tested without touching this file.

1. Any input dict, valid or hostile, either computes or raises pycalc.InputError with readable messages.
2. A computed result is JSON, money is a finite amount >= 0, every step has text and a source,
   every output has a display string.
3. Caps hold, with the limits read from the parameters at the rule set's date (CAPS).
4. Outputs that the rules make monotonic in an income never fall when the income rises (MONOTONIC).

How many cases ran is printed at the end of the module and checked by the last test.
"""
import functools
import json
import math
import os
import re
import time
from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import pycalc
from pycalc.fields import clean_all
from pycalc.parameters import Rules, load
from pycalc.parameters import names as parameter_names
from pycalc.registry import _registry  # only to tell field validation from a formula's own InputError

# --- Settings profiles ------------------------------------------------------------------------
# Locally every run draws fresh random cases, so repeated runs explore more of the input space;
# a failure is stored in .hypothesis/ (gitignored) and replayed first on the next run.
# In CI (CI=true, as GitHub Actions and most CI services set it) a red build must be reproducible
# and a green one must not turn red by luck: derandomize=True seeds each test from its own name,
# so every CI run tries the same cases (reproduce locally with CI=true), and database=None keeps
# no state between runs. The profiles are applied per test, not loaded globally, so the other test
# modules keep Hypothesis' defaults. deadline=None: timing on a shared 2-core machine is noise;
# the run is bounded by max_examples instead (see the budgets below).
settings.register_profile(
    "pycalc-properties",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "pycalc-properties-ci", parent=settings.get_profile("pycalc-properties"), derandomize=True, database=None
)
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
PROFILE = settings.get_profile("pycalc-properties-ci" if IN_CI else "pycalc-properties")

CASES = Counter()  # cases actually run, by kind
COMPUTED = Counter()  # valid-input cases that computed, by (calculator, rule set)
_STARTED = time.perf_counter()

# --- What the metadata says -------------------------------------------------------------------
CALCULATORS = {c["id"]: c for c in pycalc.calculators()}
RULE_DATES = {r["id"]: date.fromisoformat(r["date"]) for r in pycalc.rule_sets()}
PAIRS = [(cid, rules) for cid, c in CALCULATORS.items() for rules in c["rule_sets"]]
PAIR_IDS = [f"{cid}@{rules}" for cid, rules in PAIRS]

# The run is bounded by a budget of cases per kind of test, shared among the calculators and rule
# sets, so adding a rule set adds coverage without making the run longer (each pair keeps a floor).
# About 3 ms a case: some 10,000 cases, about 30 s of CPU on this 2-core machine.
FUZZ_BUDGET = 4_000      # any inputs, valid or hostile
VALID_BUDGET = 4_000     # valid inputs only
MONOTONIC_BUDGET = 2_000  # pairs of calculations, the second with the income raised
ENTRY_EXAMPLES = 400     # hostile calculator ids, rule sets and whole-input values
FLOOR = 100
MIN_CASES = 5_000        # the last test fails if a full run of this module tries fewer cases


# PYCALC_PROPERTIES_SCALE=10 runs ten times the cases, for a deeper search by hand.
SCALE = float(os.environ.get("PYCALC_PROPERTIES_SCALE", "1"))


def per_pair(budget: int, pairs: int) -> int:
    return max(FLOOR, int(budget * SCALE) // max(pairs, 1))


def is_money_unit(unit: str) -> bool:
    return unit == "NOK" or unit.startswith("NOK/")


def rules_at(rules_id: str) -> Rules:
    return Rules(RULE_DATES[rules_id])


def D(json_number) -> Decimal:
    """An output (a JSON number) as an exact Decimal, for comparing with parameters."""
    assert isinstance(json_number, (int, float)) and not isinstance(json_number, bool), json_number
    return Decimal(str(json_number))


def ore(json_number) -> Decimal:
    """An input as echoed in the result (it may have more decimals) rounded to the øre, as money outputs are."""
    return D(json_number).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- Strategies -------------------------------------------------------------------------------
@functools.cache
def interesting_amounts(rules_id: str, maximum: Decimal) -> tuple:
    """Amounts where rules change: multiples of half G, and every NOK or G parameter in force
    on the rule set's date, each also 1 øre and 1 krone either side."""
    p = rules_at(rules_id)
    g = p.g
    found = {g * k / 2 for k in range(0, 31)}
    for name in parameter_names():
        try:
            parameter = load(name)
            value = parameter.at(p.date).value
        except LookupError:
            continue
        if parameter.unit == "NOK":
            found.add(value)
        elif parameter.unit == "G":
            found.add(value * g)
    amounts = set()
    for value in found:
        for delta in (Decimal(0), Decimal("0.01"), Decimal(1)):
            for amount in (value - delta, value + delta):
                amount = amount.quantize(Decimal("0.01"))
                if 0 <= amount <= maximum:
                    amounts.add(amount)
    return tuple(sorted(amounts))


def clean_values(field: dict, rules_id: str):
    """Valid values for one input, as the Python value the calculator works with."""
    kind = field["type"]
    if kind == "boolean":
        return st.booleans()
    if kind == "choice":
        return st.sampled_from([c["value"] for c in field["choices"]])
    low, high = Decimal(str(field["min"])), Decimal(str(field["max"]))
    if kind == "integer":
        return st.integers(int(low), int(high))
    if kind == "money":
        return st.one_of(
            st.sampled_from(interesting_amounts(rules_id, high)),
            st.integers(0, int(min(high, 3_000_000))).map(Decimal),  # where the rules bite
            st.integers(0, int(high)).map(Decimal),
            st.decimals(low, high, places=2, allow_nan=False, allow_infinity=False),
        )
    return st.one_of(  # percent, number
        st.integers(int(low), int(high)).map(Decimal),
        st.decimals(low, high, places=2, allow_nan=False, allow_infinity=False),
    )


def spellings(value, kind: str) -> list:
    """The ways a caller may write a valid value: JSON numbers, text from a form or URL, Decimal."""
    if kind == "boolean":
        return [value, int(value)] + (["true", "yes", "on", "1", "True", " YES "] if value
                                      else ["false", "no", "off", "0", "False"])
    if kind == "choice":
        return [value, f" {value} "] + ([int(value)] if value.isdigit() else [])
    if kind == "integer":
        return [value, str(value), float(value), Decimal(value), f" {value} "]
    grouped = f"{value:,}"
    forms = [value, str(value), float(value), grouped.replace(",", " "), grouped.replace(",", "\u00a0"),
             grouped.replace(",", "_"), f"  {value}\t"]
    return forms + ([int(value)] if value == value.to_integral_value() else [])


def raw_values(field: dict, rules_id: str):
    """Valid values for one input, spelled in any accepted way (a map, not a flatmap: much faster)."""
    def spell(drawn):
        value, which = drawn
        forms = spellings(value, field["type"])
        return forms[which % len(forms)]
    return st.tuples(clean_values(field, rules_id), st.integers(0, 7)).map(spell)


HOSTILE_TEXT = [
    "<img src=x onerror=alert(1)>", "javascript:alert(1)", "<script>alert(1)</script>", "\"><svg onload=alert(1)>",
    "'; DROP TABLE inputs; --", "{{7*7}}", "${7*7}", "%s%s%n", "NaN", "nan", "-nan", "sNaN", "Infinity", "-inf",
    "inf", "1e400", "-1e400", "1e-400", "1E+999999999", "1E-999999999", "0E+999999", "9" * 50, "400,000",
    "1.000.000", "four hundred", "0x10", "1/2", "½", "١٢٣", "\x00", "\u202e123", "\ufeff5", "💰", "  ", "",
    "-1", "-0.01", "+5", "--5", "1__0", "5e", "e5", ".", "-", "true", "None", "null", "undefined", "[]", "{}",
    "100%", "NOK 400000", "kr 5", "12 weeks", "x" * 1000,
]
HOSTILE_OBJECTS = [
    None, True, False, [], [400000], {}, {"value": 1}, (1,), {1}, b"400000", 1j, object(), 10**30, -10**30,
    2**63, -(2**63), 10**400, -1, -0.01, -1e-300, float("nan"), float("inf"), -float("inf"), 1e308,
    Decimal("NaN"), Decimal("-NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity"), Decimal("-1"),
    Decimal("1E+1000000"), Decimal("1E-1000000"),
]
HOSTILE = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.sampled_from(HOSTILE_OBJECTS),
    st.text(max_size=50),
    st.floats(),  # NaN, infinities, negatives, subnormals
    st.integers(),  # negative and huge
    st.decimals(),  # NaN, sNaN, infinities, any exponent
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
UNKNOWN_KEYS = st.one_of(
    st.sampled_from(["bonus", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "nan", "__proto__",
                     "constructor", "", " ", "x" * 100, 1, 2.5, None, True, (1, 2), Decimal("NaN")]),
    st.text(max_size=20),
    st.integers(),
)


@functools.cache
def valid_inputs(cid: str, rules_id: str):
    """Inputs every one of which is valid: required ones always given, optional ones maybe left out,
    None or blank (all three mean the default). Built once per calculator and rule set."""
    fields_ = CALCULATORS[cid]["inputs"]
    required = {f["name"]: raw_values(f, rules_id) for f in fields_ if f["required"]}
    optional = {
        f["name"]: st.one_of(raw_values(f, rules_id), st.sampled_from([None] + ([""] if f["type"] != "choice" else [])))
        for f in fields_ if not f["required"]
    }
    return st.fixed_dictionaries(required, optional=optional)


def _with_unknown(drawn) -> dict:
    inputs, extra = drawn
    return {**{k: v for k, v in extra if k not in inputs and k not in KNOWN_NAMES}, **inputs}


KNOWN_NAMES = {f["name"] for c in CALCULATORS.values() for f in c["inputs"]}


@functools.cache
def any_inputs(cid: str, rules_id: str):
    """Each input valid, hostile or left out (required ones too), and maybe names the calculator lacks."""
    fields_ = CALCULATORS[cid]["inputs"]
    each = {f["name"]: st.one_of(raw_values(f, rules_id), HOSTILE) for f in fields_}
    return st.tuples(st.fixed_dictionaries({}, optional=each),
                     st.lists(st.tuples(UNKNOWN_KEYS, HOSTILE), max_size=2)).map(_with_unknown)


@functools.cache
def clean_inputs(cid: str, rules_id: str):
    """Every input given, valid, as the clean Python value."""
    return st.fixed_dictionaries({f["name"]: clean_values(f, rules_id) for f in CALCULATORS[cid]["inputs"]})


# --- Checks -----------------------------------------------------------------------------------
_NOT_HUMAN = re.compile(r"Traceback|Decimal\(|\bnan\b|\binf\b|Infinity|<class |object at 0x|Error:", re.IGNORECASE)
_MONEY_DISPLAY = re.compile(r"NOK \d{1,3}(,\d{3})*(\.\d\d)?( a (day|week|month|year))?")


def _unknown_names(inputs) -> set:
    """The names of inputs as an error names them (they may be anything a caller sends)."""
    return {str(key)[:40] for key in inputs} if isinstance(inputs, dict) else set()


def check_input_error(error: pycalc.InputError, inputs, cid=None, quoted=()) -> None:
    """Every problem names a field and says, in words, what is wrong. ``quoted``: text from the
    caller that a message may repeat (an unknown calculator or rule set)."""
    assert isinstance(error.errors, list) and error.errors, "an InputError must name at least one problem"
    known = {f["name"] for f in CALCULATORS[cid]["inputs"]} if cid in CALCULATORS else set()
    for problem in error.errors:
        assert isinstance(problem, dict) and set(problem) == {"field", "message"}, problem
        field, message = problem["field"], problem["message"]
        assert isinstance(field, str) and isinstance(message, str), problem
        if field in known or (field in ("inputs", "calculator", "rules") and not message.startswith(field)):
            own_words = message
        else:  # an input the calculator does not have: the message starts with its name as given
            assert field in _unknown_names(inputs), f"error names a field that was neither an input nor given: {problem}"
            assert message.startswith(field), problem
            own_words = "The input" + message[len(field):]
        assert field.strip(), f"an error must name its field: {problem}"
        for text in quoted:
            own_words = own_words.replace(text, "")
        assert len(own_words.split()) >= 3 and re.search(r"[A-Za-z]{3}", own_words), f"not a sentence: {problem}"
        assert not _NOT_HUMAN.search(own_words), f"not a message for a person: {problem}"
    assert str(error), "the exception text is the messages"


def check_result(cid: str, rules_id: str, result: dict, inputs) -> None:
    meta = CALCULATORS[cid]
    units = {o["name"]: o["unit"] for o in meta["outputs"]}
    assert result["calculator"] == cid and result["rules"] == rules_id
    # The whole result is plain JSON: no Decimal, no NaN, nothing lost in a round trip.
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    assert set(result["outputs"]) == set(units), "outputs are exactly those the metadata declares"
    assert set(result["inputs"]) == {f["name"] for f in meta["inputs"]}, "every input is echoed, defaults filled in"
    assert set(result["display"]) == set(units), "every output has a display string"
    for name, value in result["outputs"].items():
        unit, shown = units[name], result["display"][name]
        assert isinstance(shown, str) and shown.strip(), (name, shown)
        assert not _NOT_HUMAN.search(shown), (name, shown)
        if is_money_unit(unit):
            assert isinstance(value, (int, float)) and not isinstance(value, bool), (name, value)
            assert math.isfinite(value) and value >= 0, (name, value)
            assert _MONEY_DISPLAY.fullmatch(shown), (name, shown)
        elif unit == "boolean":
            assert isinstance(value, bool) or value is None, (name, value)
        elif unit == "text":
            assert isinstance(value, str) or value is None, (name, value)
        elif value is not None:
            assert isinstance(value, (int, float)) and not isinstance(value, bool), (name, value)
            assert math.isfinite(value), (name, value)
    assert isinstance(result["steps"], list) and result["steps"], "a result explains itself"
    for step in result["steps"]:
        assert isinstance(step, dict) and set(step) >= {"text", "source"}, step
        assert isinstance(step["text"], str) and step["text"].strip(), step
        assert isinstance(step["source"], str) and step["source"].strip(), step
        assert not _NOT_HUMAN.search(step["text"]), step
        assert "NOK -" not in step["text"], step
    assert all(isinstance(n, str) and n.strip() for n in result["notes"]), result["notes"]
    if cid in CAPS:
        CAPS[cid](result["outputs"], result["inputs"], rules_at(rules_id))


# --- Caps (table 1 of 2) ----------------------------------------------------------------------
def _pension_points_most(p: Rules) -> Decimal:
    """The most points a year can give: income in full from G to 6 G, a third from 6 G to 12 G."""
    full = p("pension.points_full_count_limit") - p("pension.points_income_threshold")
    upper = (p("pension.points_ceiling") - p("pension.points_full_count_limit")) / p("pension.points_upper_band_divisor")
    return full + upper


def _cap_unemployment(out, inp, p):
    assert D(out["calculation_basis"]) <= p.g_times("unemployment.maximum_basis")


def _cap_sickness(out, inp, p):
    assert D(out["benefit_basis"]) <= p.g_times("sickness.maximum_basis")


def _cap_work_assessment(out, inp, p):
    assert D(out["calculation_basis"]) <= p.g_times("work_assessment.maximum_basis")


def _cap_pension_points(out, inp, p):
    assert D(out["points"]) <= _pension_points_most(p)


def _cap_child_care(out, inp, p):
    if D(inp["annual_income"]) > p.g_times("family.child_care_income_limit"):
        assert out["annual_benefit"] == 0 and out["eligible"] is False, out


def _cap_nursing_home(out, inp, p):
    if D(inp["full_cost"]) > 0:
        assert D(out["annual_charge"]) <= ore(inp["full_cost"]), (out, inp)


def _cap_healthcare(out, inp, p):
    # Ceiling 1 holds what you pay for doctors, important medicines and the other charges under it;
    # ceiling 2 the charges for physiotherapy, dental treatment and the like.
    assert D(out["patient_pays"]) <= p("healthcare.ceiling_1")
    assert D(out["patient_pays"]) <= D(out["charges_before_ceiling"])
    assert D(out["second_ceiling_pays"]) <= p("healthcare.ceiling_2")
    assert D(out["second_ceiling_pays"]) <= ore(inp["second_ceiling_charges"])


def _cap_death_grant(out, inp, p):
    assert D(out["grant"]) <= p("survivors.death_grant_maximum")
    assert D(out["grant"]) <= ore(inp["funeral_costs"])


CAPS = {
    "unemployment_benefit": _cap_unemployment,
    "sickness_benefit": _cap_sickness,
    "work_assessment_allowance": _cap_work_assessment,
    "pension_points": _cap_pension_points,
    "child_care_benefit": _cap_child_care,
    "nursing_home_charge": _cap_nursing_home,
    "healthcare_costs": _cap_healthcare,
    "death_grant": _cap_death_grant,
}

# --- Monotonicity (table 2 of 2) --------------------------------------------------------------
# calculator: (the input raised, outputs that must not fall). Each was checked against the formula:
# every path is a sum, min, max or rounding of non-decreasing terms, and the eligibility tests
# are "income >= limit", so a higher input can only turn a zero into an amount.
MONOTONIC = {
    "unemployment_benefit": ("income_year_1", ("daily_rate", "calculation_basis")),
    "sickness_benefit": ("annual_income", ("daily_rate",)),
    "parental_benefit": ("annual_income", ("weekly_amount",)),
    "work_assessment_allowance": ("income_year_1", ("annual_amount",)),
    "pension_points": ("annual_income", ("points",)),
    "earnings_pension_accrual": ("annual_income", ("annual_accrual",)),
    "old_age_pension": ("average_pension_points", ("annual_pension",)),
    "contributions": ("wage_income", ("member_contribution",)),
    "nursing_home_charge": ("annual_income", ("annual_charge",)),
    "child_benefit": ("children", ("monthly_amount",)),
    "disability_benefit": ("income_year_1", ("calculation_basis", "full_annual", "annual_benefit")),
    "adjustment_allowance": ("deceased_insured_years", ("monthly_full",)),
    "childrens_pension": ("deceased_insurance_years", ("per_child",)),
}
MONOTONIC_PAIRS = [(cid, rules) for cid in MONOTONIC if cid in CALCULATORS for rules in CALCULATORS[cid]["rule_sets"]]


@functools.cache
def varied_values(cid: str, rules_id: str):
    field_name, _ = MONOTONIC[cid]
    return clean_values(next(f for f in CALCULATORS[cid]["inputs"] if f["name"] == field_name), rules_id)


@st.composite
def raised_pair(draw, cid: str, rules_id: str):
    """Clean valid inputs, and a second set with the one input raised (or equal)."""
    field_name, _ = MONOTONIC[cid]
    base = draw(clean_inputs(cid, rules_id))
    field = next(f for f in CALCULATORS[cid]["inputs"] if f["name"] == field_name)
    high = Decimal(str(field["max"]))
    low_value = base[field_name]
    step = draw(st.sampled_from([0, 1, 2] if field["type"] == "integer" else
                                ["0", "0.01", "1", "1000", "50000", "any"]))
    if step == "any":
        high_value = draw(varied_values(cid, rules_id))
    else:
        high_value = low_value + (int(step) if field["type"] == "integer" else Decimal(step))
        high_value = min(high_value, int(high) if field["type"] == "integer" else high)
    low_value, high_value = sorted((low_value, high_value))
    return {**base, field_name: low_value}, {**base, field_name: high_value}


# --- The tests --------------------------------------------------------------------------------
def _calculate(cid, inputs, rules_id):
    try:
        return pycalc.calculate(cid, inputs, rules=rules_id), None
    except pycalc.InputError as error:
        return None, error


@pytest.mark.parametrize(("cid", "rules_id"), PAIRS, ids=PAIR_IDS)
@settings(PROFILE, max_examples=per_pair(FUZZ_BUDGET, len(PAIRS)))
@given(data=st.data())
def test_any_inputs_compute_or_raise_input_error(cid, rules_id, data):
    inputs = data.draw(any_inputs(cid, rules_id), label="inputs")
    CASES["any inputs"] += 1
    result, error = _calculate(cid, inputs, rules_id)  # any other exception fails the test
    if error is not None:
        check_input_error(error, inputs, cid)
    else:
        check_result(cid, rules_id, result, inputs)


@pytest.mark.parametrize(("cid", "rules_id"), PAIRS, ids=PAIR_IDS)
@settings(PROFILE, max_examples=per_pair(VALID_BUDGET, len(PAIRS)))
@given(data=st.data())
def test_valid_inputs_compute_a_sound_result(cid, rules_id, data):
    inputs = data.draw(valid_inputs(cid, rules_id), label="inputs")
    CASES["valid inputs"] += 1
    result, error = _calculate(cid, inputs, rules_id)
    if error is not None:
        # Each value is valid on its own: the field validation accepts them all (checked here). A few
        # calculators then refuse combinations that cannot be true, such as more years of residence
        # than years of age; that must be an InputError on one of the calculator's own inputs.
        _, field_errors = clean_all(_registry()[cid].inputs, inputs)
        assert not field_errors, f"valid values were refused: {field_errors}"
        check_input_error(error, inputs, cid)
        known = {f["name"] for f in CALCULATORS[cid]["inputs"]}
        assert all(problem["field"] in known for problem in error.errors), error.errors
        CASES["valid inputs refused as inconsistent"] += 1
        return
    COMPUTED[(cid, rules_id)] += 1
    check_result(cid, rules_id, result, inputs)


@pytest.mark.parametrize(("cid", "rules_id"), MONOTONIC_PAIRS, ids=[f"{c}@{r}" for c, r in MONOTONIC_PAIRS])
@settings(PROFILE, max_examples=per_pair(MONOTONIC_BUDGET, len(MONOTONIC_PAIRS)))
@given(data=st.data())
def test_raising_the_input_never_lowers_the_amount(cid, rules_id, data):
    lower, higher = data.draw(raised_pair(cid, rules_id), label="lower, higher inputs")
    CASES["monotonic pairs"] += 1
    field_name, outputs = MONOTONIC[cid]
    low = pycalc.calculate(cid, lower, rules=rules_id)["outputs"]
    high = pycalc.calculate(cid, higher, rules=rules_id)["outputs"]
    for name in outputs:
        note(f"{name}: {lower[field_name]} -> {low[name]}, {higher[field_name]} -> {high[name]}")
        assert D(low[name]) <= D(high[name]), (
            f"{cid} ({rules_id}): raising {field_name} from {lower[field_name]} to {higher[field_name]} "
            f"lowered {name} from {low[name]} to {high[name]}")


@settings(PROFILE, max_examples=int(ENTRY_EXAMPLES * SCALE))
@given(
    cid=st.one_of(st.sampled_from(sorted(CALCULATORS)), HOSTILE, st.sampled_from(["Child_Benefit", " child_benefit"])),
    inputs=st.one_of(HOSTILE, st.just({})),
    rules_id=st.one_of(st.none(), st.sampled_from(sorted(RULE_DATES)), HOSTILE, st.sampled_from(["1999", "2013 "])),
)
def test_unknown_calculators_rule_sets_and_non_dict_inputs_are_input_errors(cid, inputs, rules_id):
    CASES["entry points"] += 1
    try:
        result = pycalc.calculate(cid, inputs, rules=rules_id)
    except pycalc.InputError as error:
        quoted = [repr(str(given)[:40]) for given in (cid, rules_id)]
        check_input_error(error, inputs, cid if isinstance(cid, str) else None, quoted)
        return
    # Only a known calculator and rule set, with inputs it accepts, can compute.
    assert cid in CALCULATORS and (rules_id is None or rules_id in CALCULATORS[cid]["rule_sets"])
    check_result(cid, result["rules"], result, inputs)


def test_the_tables_name_real_calculators_inputs_and_outputs():
    for cid, cap in CAPS.items():
        assert cid in CALCULATORS, f"CAPS names {cid}, which is not a calculator"
    for cid, (field_name, outputs) in MONOTONIC.items():
        assert cid in CALCULATORS, f"MONOTONIC names {cid}, which is not a calculator"
        assert field_name in {f["name"] for f in CALCULATORS[cid]["inputs"]}, (cid, field_name)
        assert set(outputs) <= {o["name"] for o in CALCULATORS[cid]["outputs"]}, (cid, outputs)
        assert all(is_money_unit(o["unit"]) or o["unit"] == "points"
                   for o in CALCULATORS[cid]["outputs"] if o["name"] in outputs)
    for rules_id in {r for _, r in PAIRS}:
        assert _pension_points_most(rules_at(rules_id)) > 0


def test_every_calculator_and_rule_set_is_covered():
    assert CALCULATORS and all(c["rule_sets"] for c in CALCULATORS.values())
    assert {r for _, r in PAIRS} <= set(RULE_DATES), "a calculator lists a rule set pycalc.rule_sets() lacks"


def negative_zero_shown() -> list[str]:
    """Where a money input given as -0 (the others as in the worked example) shows as 'NOK -0'."""
    found = []
    for cid, rules_id in PAIRS:
        inputs = pycalc.example_inputs(cid)
        money = [f["name"] for f in CALCULATORS[cid]["inputs"] if f["type"] == "money"]
        for spelling in ("-0", -0.0, Decimal("-0.00")) if money else ():
            result = pycalc.calculate(cid, {**inputs, **{name: spelling for name in money}}, rules=rules_id)
            found += [f"{cid}@{rules_id} {spelling!r}: display {name}={text!r}"
                      for name, text in result["display"].items() if "NOK -" in text]
            found += [f"{cid}@{rules_id} {spelling!r}: step {s['text']!r}"
                      for s in result["steps"] if "NOK -" in s["text"]]
    return found


def test_negative_zero_is_not_shown():
    """A negative zero typed as an amount is 0, and never shown as 'NOK -0'."""
    shown = negative_zero_shown()
    assert not shown, "\n".join(shown)


def test_a_blank_input_name_gets_a_readable_error():
    """An input without a name is reported in words, not by its (blank) name."""
    cid = next(iter(CALCULATORS))
    for name in ("", " ", "\t"):
        with pytest.raises(pycalc.InputError) as raised:
            pycalc.calculate(cid, {**pycalc.example_inputs(cid), name: 1})
        (problem,) = raised.value.errors
        assert problem["field"].strip() and problem["message"][:1].isupper(), problem


def exponent_shown() -> list[str]:
    """Where a number input spelled with an exponent ("1E+2", valid: it is 100) shows so in the steps."""
    found = []
    for cid, rules_id in PAIRS:
        example = pycalc.example_inputs(cid)
        for f in CALCULATORS[cid]["inputs"]:
            if f["type"] not in ("money", "integer", "percent", "number") or example.get(f["name"]) is None:
                continue
            value = Decimal(str(example[f["name"]]))
            spelled = f"{value.normalize():E}" if value else "0E+2"
            try:
                result = pycalc.calculate(cid, {**example, f["name"]: spelled}, rules=rules_id)
            except pycalc.InputError:
                continue
            texts = [s["text"] for s in result["steps"]] + list(result["display"].values())
            found += [f"{cid}@{rules_id} {f['name']}={spelled!r}: {t!r}" for t in texts
                      if re.search(r"\d[Ee][+-]?\d", t)]
    return found


def test_numbers_given_with_an_exponent_are_shown_plainly():
    """Inputs are echoed in the steps as the guide writes numbers, however the caller spelled them."""
    shown = exponent_shown()
    assert not shown, "\n".join(shown)


def test_thousands_of_cases_ran(request):
    """The last test: how many cases the properties above tried, and that a full run tries thousands."""
    total = sum(CASES.values())
    line = (f"test_properties: {total} cases in {time.perf_counter() - _STARTED:.1f} s "
            f"({', '.join(f'{n} {kind}' for kind, n in sorted(CASES.items()))})")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():  # shown even under -q, not only on failure
            reporter.ensure_newline()
            reporter.write_line(line)
    else:
        print(line)
    properties = {"test_any_inputs_compute_or_raise_input_error", "test_valid_inputs_compute_a_sound_result",
                  "test_raising_the_input_never_lowers_the_amount",
                  "test_unknown_calculators_rule_sets_and_non_dict_inputs_are_input_errors"}
    selected = [item for item in request.session.items
                if item.module is request.module and getattr(item, "originalname", item.name) in properties]
    if len(selected) < len(PAIRS) * 2 + len(MONOTONIC_PAIRS) + 1:
        pytest.skip(f"only part of the module was selected; {line}")
    assert total >= MIN_CASES * min(SCALE, 1), line
    never = [f"{cid}@{rules_id}" for cid, rules_id in PAIRS if not COMPUTED[(cid, rules_id)]]
    assert not never, f"valid inputs never computed for {never}: the property checks did not run on them"
