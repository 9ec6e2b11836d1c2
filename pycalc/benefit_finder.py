"""'What can I get?': from one short description of a reader's situation to every benefit that may
apply under today's rules, each computed by its own calculator.

``find_benefits(situation)`` maps the situation to each calculator's inputs, runs the calculators
that may apply, and returns one entry per benefit: ``{"calculator", "inputs", "result", "why",
"status", "monthly_amount", "annual_amount"}``, where ``result`` is exactly ``calculate(calculator, inputs)`` (or
None when the situation rules the benefit out, or lacks a figure only the reader has). ``status``
is "likely" (the calculator says you qualify), "unlikely" (it says you do not, or the situation
rules it out) or "ask" (we need a figure from you). Likely benefits come first, the most valuable
first. Which benefit applies to what is a question of eligibility, not of amounts: the amounts are
the calculators' own, with their sources.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Callable

from . import fields
from .errors import InputError
from .money import nok
from .parameters import Rules
from .registry import calculate
from .rule_sets import all_rule_sets
from .units import MONTHS_A_YEAR as MONTHS

EVENTS = {
    "lost_job": "lost my job",
    "fewer_hours": "my working hours were cut",
    "ill": "I am ill",
    "expecting_child": "we are expecting a child",
    "adopting": "we are adopting a child",
    "disabled": "my ability to work is reduced for good",
    "partner_died": "my spouse or partner died",
    "parent_died": "my parent died",
    "retiring": "I am retiring",
    "moving_abroad": "I am moving abroad",
}
MAX_CHILDREN = 15
YEARS_IN_A_LIFE = 120
# Who a benefit is for: the ages and years in its conditions (its calculator holds its amounts).
ADULT = 18                      # child benefit and child supplements: children under 18
CHILDRENS_PENSION_AGE = 20      # children's pension to 20 (folketrygdloven § 18-4, from 2024)
PENSION_AGE = 67                # old-age pension in full, end of disability benefit and allowances
EARLIEST_PENSION_AGE, LATEST_PENSION_AGE = 62, 75
FULL_RESIDENCE_YEARS = 40       # full guarantee pension; below it, the supplementary allowance
CASH_FOR_CARE_AGE_YEARS = 1     # cash-for-care: from 12 to 20 months
CASH_FOR_CARE_FIRST_MONTH = 12
SCHOOL_AGE, CARE_AGE = 6, 10    # child-care benefit: kindergarten, and after-school care up to 4th grade

SCALARS = (
    fields.integer("age", "Your age", max=YEARS_IN_A_LIFE, help="Age in whole years."),
    fields.integer("years_in_norway", "Years lived in Norway", max=YEARS_IN_A_LIFE,
                   help="Years you have lived in Norway since you were 16."),
    fields.boolean("partner", "Spouse or partner", help="You live with a spouse, registered partner or cohabitant."),
    fields.boolean("single_parent", "Single parent", help="You care for your children alone."),
    fields.money("annual_income", "Income from work last year", help="Wages and self-employment, before tax."),
    fields.money("income_year_2", "Income from work the year before", help="Before tax."),
    fields.money("income_year_3", "Income from work three years ago", help="Before tax."),
    fields.percent("hours_reduction_percent", "How much your working hours fell",
                   help="Only if your hours were cut."),
    fields.money("monthly_childcare_costs", "Child-care costs a month",
                 help="Kindergarten and after-school care, for the child-care benefit."),
    fields.money("pension_account", "Your pension account",
                 help="Your pension savings (pensjonsbeholdning), on nav.no under 'Din pensjon'."),
)
OPTIONAL = ("age", "years_in_norway", "hours_reduction_percent", "monthly_childcare_costs", "pension_account")
LISTS = {"children_ages": (0, 25), "children_in_kindergarten_hours": (0, 60)}


def _listed(name, raw, low, high, errors):
    if raw is None or raw == "":
        return []
    items = raw.split(",") if isinstance(raw, str) else raw
    if not isinstance(items, (list, tuple)) or len(items) > MAX_CHILDREN:
        errors.append({"field": name, "message": f"Give a list of at most {MAX_CHILDREN} whole numbers, such as 1,4."})
        return []
    values = []
    for item in items:
        text = str(item).strip()
        if isinstance(item, bool) or not text.isdigit() or not low <= int(text) <= high:
            errors.append({"field": name, "message": f"Each entry must be a whole number from {low} to {high}; "
                                                     f"{text[:20]!r} is not."})
            return []
        values.append(int(text))
    return values


def _events(raw, errors):
    items = raw.split(",") if isinstance(raw, str) else (raw or [])
    if not isinstance(items, (list, tuple)):
        errors.append({"field": "events", "message": "Give the events as a list, such as lost_job,ill."})
        return []
    unknown = [str(e)[:30] for e in items if e not in EVENTS and str(e).strip()]
    if unknown:
        errors.append({"field": "events", "message": f"Unknown event {unknown[0]!r}. Choose from: {', '.join(EVENTS)}."})
    return [e for e in EVENTS if e in items]


def read_situation(situation) -> dict:
    """The situation cleaned: scalars read as calculators read them (amounts as people type them),
    lists of ages and hours, events; InputError with a message per field otherwise."""
    if not isinstance(situation, dict):
        raise InputError([{"field": "situation", "message": "The situation must be a set of named answers."}])
    known = {f.name for f in SCALARS} | set(LISTS) | {"events"}
    errors = [{"field": str(k)[:40], "message": f"Unknown question {str(k)[:40]!r}. The questions are: "
                                                f"{', '.join(sorted(known))}."} for k in situation if k not in known]
    present = {k: v for k, v in situation.items() if k in known and v is not None and v != ""}
    values, field_errors = fields.clean_all(SCALARS, {k: v for k, v in present.items() if k not in LISTS and k != "events"})
    errors += field_errors
    for name in OPTIONAL:  # not asked is not zero
        if name not in present:
            values[name] = None
    for name, (low, high) in LISTS.items():
        values[name] = _listed(name, present.get(name), low, high, errors)
    values["events"] = _events(present.get("events"), errors)
    if len(values["children_in_kindergarten_hours"]) > len(values["children_ages"]):
        errors.append({"field": "children_in_kindergarten_hours",
                       "message": "Give kindergarten hours for at most as many children as you gave ages, in the same order."})
    age, years = values.get("age"), values.get("years_in_norway")
    if age is not None and years is not None and years > age:
        errors.append({"field": "years_in_norway", "message": f"Years lived in Norway ({years}) cannot be more than your age ({age})."})
    if errors:
        raise InputError(errors)
    return values


@dataclass(frozen=True)
class Verdict:
    inputs: dict | None  # None: not run
    why: str
    status: str = ""     # "" means: decided by the calculator's own answer


@dataclass(frozen=True)
class Benefit:
    calculator: str
    consider: Callable[[dict], list[Verdict]]
    annual: Callable[[dict, Rules], Decimal]  # outputs -> a year, before tax (the calculator's own yearly figure where it has one)
    entitled: Callable[[dict], bool] = lambda outputs: outputs.get("eligible", True) is not False


def _children_under(s, limit):
    return sum(1 for a in s["children_ages"] if a < limit)


def _has(s, *events):
    return any(e in s["events"] for e in events)


def _age_between(s, low, high):
    return s.get("age") is None or low <= s["age"] < high


def _said(*events):
    return " or ".join(f"'{EVENTS[e]}'" for e in events)


def _incomes(s):
    return {"income_year_1": s["annual_income"], "income_year_2": s["income_year_2"], "income_year_3": s["income_year_3"]}


def _unemployment(s):
    if not _has(s, "lost_job", "fewer_hours"):
        return [Verdict(None, f"Unemployment benefit: you did not say {_said('lost_job', 'fewer_hours')}.", "unlikely")]
    reduction = 100 if _has(s, "lost_job") else s.get("hours_reduction_percent")
    why = "You lost your job." if reduction == 100 else "Your working hours were cut."
    if reduction is None:
        reduction = Decimal(50)
        why += " You did not say by how much: we assumed by half, the least that counts."
    return [Verdict({**_incomes(s), "children": _children_under(s, ADULT), "hours_reduction_percent": reduction},
                    why + " It rests on your income from work in the last one to three years.")]


def _sickness(s):
    if not _has(s, "ill"):
        return [Verdict(None, f"Sickness benefit: you did not say {_said('ill')}.", "unlikely")]
    inputs = {"annual_income": s["annual_income"]}
    if s.get("age") is not None:
        inputs["age"] = s["age"]
    return [Verdict(inputs, "You are ill. It rests on your income from work, and at least four weeks in work before.")]


def _work_assessment(s):
    if not _has(s, "ill", "disabled") or not _age_between(s, ADULT, PENSION_AGE):
        return [Verdict(None, "Work assessment allowance: for people aged 18 to 66 whose illness or injury cuts "
                              "their ability to work by at least half, usually after sickness benefit ends.", "unlikely")]
    return [Verdict({**_incomes(s), "children": _children_under(s, ADULT), **({"age": s["age"]} if s.get("age") else {})},
                    "Your illness may keep you from work for long: after sickness benefit (up to a year) this "
                    "allowance may follow while you get treatment or training.")]


def _disability(s):
    if not _has(s, "disabled") or not _age_between(s, ADULT, PENSION_AGE):
        return [Verdict(None, f"Disability benefit: you did not say {_said('disabled')} (ages 18 to 66).", "unlikely")]
    return [Verdict({**_incomes(s), "married_or_cohabitant": s["partner"], "children": _children_under(s, ADULT)},
                    "Your ability to work is reduced for good. It rests on your best three of the five years "
                    "before; we used the incomes you gave.")]


def _parental(s):
    if not _has(s, "expecting_child", "adopting"):
        return [Verdict(None, f"Parental benefit: you did not say {_said('expecting_child', 'adopting')}.", "unlikely")]
    return [Verdict({"annual_income": s["annual_income"], "adoption": _has(s, "adopting") and not _has(s, "expecting_child"),
                     "who_is_entitled": "both" if s["partner"] else "mother_only"},
                    "A child is coming. It rests on income from work in 6 of the last 10 months; without it, a "
                    "one-off grant is paid instead.")]


def _child_benefit(s):
    children = _children_under(s, ADULT)
    if not children:
        return [Verdict(None, "Child benefit: for children under 18, and you gave none.", "unlikely")]
    why = f"You have {children} child{'ren' if children > 1 else ''} under 18."
    if s["single_parent"]:
        why += " As a single parent you get the extended rate."
    return [Verdict({"children": children, "single_parent": s["single_parent"]}, why)]


def _hours(s, index):
    hours = s["children_in_kindergarten_hours"]
    return hours[index] if index < len(hours) else 0


def _cash_for_care(s):
    ones = [i for i, age in enumerate(s["children_ages"]) if age == CASH_FOR_CARE_AGE_YEARS]
    if not ones:
        return [Verdict(None, "Cash-for-care benefit: for children aged 12 to 20 months, and you gave no child aged 1.",
                        "unlikely")]
    return [Verdict({"child_age_months": CASH_FOR_CARE_FIRST_MONTH, "daycare_hours_per_week": _hours(s, i)},
                    f"Your child aged 1 ({_hours(s, i)} hours a week in kindergarten): paid from 12 to 20 months "
                    f"of age, less with more kindergarten hours.") for i in ones]


def _child_care(s, cash_for_care_monthly=Decimal(0)):
    in_care = [i for i, age in enumerate(s["children_ages"]) if age < CARE_AGE and (age >= SCHOOL_AGE or _hours(s, i) > 0)]
    if not s["single_parent"] or not in_care:
        return [Verdict(None, "Child-care benefit: for single parents who work or study, with children in "
                              "kindergarten or after-school care (up to 4th grade).", "unlikely")]
    if s.get("monthly_childcare_costs") is None:
        return [Verdict(None, "Child-care benefit: you may get 64% of your child-care costs; tell us what care "
                              "costs you a month.", "ask")]
    return [Verdict({"monthly_childcare_costs": s["monthly_childcare_costs"], "children_in_care": len(in_care),
                     "monthly_cash_for_care_benefit": cash_for_care_monthly, "annual_income": s["annual_income"]},
                    "You are a single parent paying for child care while you work or study.")]


def _adjustment(s):
    if not _has(s, "partner_died") or not _age_between(s, 0, PENSION_AGE):
        return [Verdict(None, f"Adjustment allowance: you did not say {_said('partner_died')} (under 67).", "unlikely")]
    return [Verdict({"expected_income": s["annual_income"]},
                    "Your spouse or partner died. Paid for up to three years, less with income from work.")]


def _childrens_pension(s):
    found = []
    if _has(s, "partner_died") and _children_under(s, CHILDRENS_PENSION_AGE):
        found.append(Verdict({"children": _children_under(s, CHILDRENS_PENSION_AGE)},
                             "Your children's other parent died: each child under 20 gets a children's pension."))
    if _has(s, "parent_died") and s.get("age") is not None and s["age"] < CHILDRENS_PENSION_AGE:
        found.append(Verdict({"children": 1}, "Your parent died and you are under 20."))
    return found or [Verdict(None, "Children's pension: for children under 20 who lost a parent.", "unlikely")]


def _old_age(s):
    age = s.get("age")
    if not (_has(s, "retiring") or (age is not None and age >= PENSION_AGE)) \
            or (age is not None and not EARLIEST_PENSION_AGE <= age <= LATEST_PENSION_AGE):
        return [Verdict(None, "Old-age pension: you can draw it from 62, and it is paid at the latest from 67; "
                              "you did not say you are retiring.", "unlikely")]
    known = s.get("years_in_norway")
    years = FULL_RESIDENCE_YEARS if known is None else min(known, FULL_RESIDENCE_YEARS)
    inputs = {"pension_account": s.get("pension_account") or 0, "insured_years": years,
              "partner_with_pension_or_high_income": s["partner"]}
    if age is not None:
        inputs.update(birth_year=_birth_year(age),
                      withdrawal_age=min(max(age, EARLIEST_PENSION_AGE), LATEST_PENSION_AGE))
    why = f"You are retiring, with {years} years of residence counted (40 give the full guarantee pension)."
    if s.get("pension_account") is None:
        why += (" Without your pension account figure (nav.no, 'Din pensjon') this shows the guarantee pension only:"
                " the least you get.")
    return [Verdict(inputs, why)]


def _birth_year(age):
    """Today's rules' year less the age (the situation gives ages in whole years)."""
    return all_rule_sets()["2026"]["date"].year - age


def _supplementary(s, pension_annual=Decimal(0)):
    age, years = s.get("age"), s.get("years_in_norway")
    if age is None or age < PENSION_AGE or years is None or years >= FULL_RESIDENCE_YEARS:
        return [Verdict(None, "Supplementary allowance: for people 67 or older who have lived in Norway for less "
                              "than 40 years.", "unlikely")]
    return [Verdict({"age": age, "residence_years": years, "other_income": s["annual_income"] + pension_annual,
                     "living_situation": "spouse_67_or_older" if s["partner"] else "alone"},
                    f"You are {age} and have lived in Norway for {years} years: it tops up a low income to a "
                    f"minimum level (we counted your pension and income from work).")]


def _old_age_annual(outputs):
    """The pension a year or, where it needs figures only NAV has (born 1954-1962: the old-rules part
    and the divisor), the guarantee level: the least it pays drawn in full at 67."""
    worked_out = outputs.get("not_worked_out") in (None, "nothing") and outputs["annual_pension"] is not None
    shown = outputs["annual_pension"] if worked_out else outputs["guarantee_level"]
    return Decimal(str(shown or 0))


def _yearly(name):
    return lambda outputs, rules: Decimal(str(outputs[name]))


def _monthly(name):
    return lambda outputs, rules: Decimal(str(outputs[name])) * MONTHS


def _daily(name, days_a_year):
    """A daily rate over the days the benefit is paid in a year (a parameter of its own rules)."""
    return lambda outputs, rules: Decimal(str(outputs[name])) * rules(days_a_year)


BENEFITS = (
    Benefit("unemployment_benefit", _unemployment, _yearly("annual_rate")),
    Benefit("sickness_benefit", _sickness, _daily("daily_rate", "sickness.paid_days_per_year")),
    Benefit("work_assessment_allowance", _work_assessment, _yearly("total_annual")),
    Benefit("disability_benefit", _disability,
            lambda o, rules: Decimal(str(o["annual_paid"])) + Decimal(str(o["child_supplement_annual"]))),
    Benefit("parental_benefit", _parental, _daily("daily_rate", "parental.paid_days_per_year")),
    Benefit("child_benefit", _child_benefit, _monthly("monthly_amount")),
    Benefit("cash_benefit_small_children", _cash_for_care, _monthly("monthly_amount"),
            lambda o: o["monthly_amount"] > 0),
    Benefit("child_care_benefit", _child_care, _monthly("monthly_benefit"), lambda o: o["monthly_benefit"] > 0),
    Benefit("adjustment_allowance", _adjustment, _monthly("monthly_paid"), lambda o: o["monthly_paid"] > 0),
    Benefit("childrens_pension", _childrens_pension, _yearly("total_annual"), lambda o: o["total_annual"] > 0),
    Benefit("old_age_pension_new_rules", _old_age, lambda o, rules: _old_age_annual(o), lambda o: _old_age_annual(o) > 0),
    Benefit("supplementary_allowance", _supplementary, _yearly("annual_allowance")),
)


def _run(benefit, verdict):
    if verdict.inputs is None:
        return {"calculator": benefit.calculator, "inputs": None, "result": None, "why": verdict.why,
                "status": verdict.status, "monthly_amount": None, "annual_amount": None}
    result = calculate(benefit.calculator, verdict.inputs)
    entitled = benefit.entitled(result["outputs"])
    rules = Rules(date.fromisoformat(result["rules_date"]))
    annual = benefit.annual(result["outputs"], rules) if entitled else Decimal(0)
    why = verdict.why if entitled else f"{verdict.why} On your figures: {result['headline']}"
    return {"calculator": benefit.calculator, "inputs": result["inputs"], "result": result, "why": why,
            "status": "likely" if entitled else "unlikely",
            "monthly_amount": int((annual / MONTHS).quantize(Decimal(1))), "annual_amount": int(annual.quantize(Decimal(1)))}


def find_benefits(situation: dict) -> list[dict]:
    """Every benefit that may apply, the likely ones first (most valuable first), then those we need
    a figure for, then the unlikely ones with why."""
    s = read_situation(situation)
    found = []
    by_id = {b.calculator: b for b in BENEFITS}
    for benefit in BENEFITS:
        if benefit.calculator == "child_care_benefit":
            # NAV deducts cash-for-care paid for a child in care; a child at home is not in care.
            cash = sum(e["monthly_amount"] or 0 for e in found if e["calculator"] == "cash_benefit_small_children"
                       and e["inputs"] and e["inputs"]["daycare_hours_per_week"] > 0)
            verdicts = _child_care(s, Decimal(cash))
        elif benefit.calculator == "supplementary_allowance":
            pension = sum((_old_age_annual(e["result"]["outputs"]) for e in found
                           if e["calculator"] == "old_age_pension_new_rules" and e["result"]), Decimal(0))
            verdicts = _supplementary(s, Decimal(str(pension)))
        else:
            verdicts = benefit.consider(s)
        found += [_run(by_id[benefit.calculator], v) for v in verdicts]
    order = {"likely": 0, "ask": 1, "unlikely": 2}
    return sorted(found, key=lambda e: (order[e["status"]], -(e["monthly_amount"] or 0)))


def household_monthly_total(found: list[dict]) -> int:
    """The likely benefits together, a month before tax (one-off grants not counted)."""
    return sum(e["monthly_amount"] for e in found if e["status"] == "likely")


def total_words(found: list[dict]) -> str:
    return f"About {nok(household_monthly_total(found))} a month before tax, from the benefits you are likely to get."
