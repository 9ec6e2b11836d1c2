"""Work assessment allowance (arbeidsavklaringspenger), guide chapter V."""
from decimal import Decimal

from .. import fields
from ..units import PERCENT
from ..model import Calculator, Output
from ..money import nok, percent
from ..income_basis import best_income_basis
from ..sources import guide

ENTITLED = guide("V", "When are you entitled to invalidity benefits?")
COVERED = guide("V", "What is covered?")


def _qualifies(x, p, explain) -> bool:
    youngest, limit = p("work_assessment.minimum_age"), p("work_assessment.age_limit")
    age_ok = youngest <= x["age"] < limit
    explain.step(
        f"Age {x['age']}: {'within' if age_ok else 'outside'} the ages {youngest} to {limit} "
        f"(the allowance stops at {limit}).",
        ENTITLED,
    )
    needed = p("work_assessment.minimum_capacity_reduction")
    reduction_ok = x["work_capacity_reduction_percent"] / PERCENT >= needed
    explain.step(
        f"Working capacity reduced by {x['work_capacity_reduction_percent']}%: "
        f"{'at least' if reduction_ok else 'less than'} the {percent(needed)} required.",
        ENTITLED,
    )
    return age_ok and reduction_ok


def _annual_amount(basis, p, explain) -> Decimal:
    rate = p("work_assessment.rate")
    from_income = basis * rate
    minimum = p.g_times("work_assessment.minimum_annual")
    explain.step(f"{percent(rate)} of {nok(basis)} = {nok(from_income)} a year.", COVERED)
    if from_income < minimum:
        explain.step(
            f"That is below the minimum of {p.g_words('work_assessment.minimum_annual')} ({nok(minimum)}), "
            f"so the allowance is {nok(minimum)} a year.",
            COVERED,
        )
        return minimum
    explain.step(
        f"That is not below the minimum of {p.g_words('work_assessment.minimum_annual')} ({nok(minimum)}).",
        COVERED,
    )
    return from_income


def _child_supplement(x, p, explain) -> Decimal:
    per_day = p("work_assessment.child_supplement_per_day")
    days = p("work_assessment.paid_days_per_week") * p("work_assessment.weeks_per_year")
    supplement = x["children"] * per_day * days
    explain.step(
        f"Child supplement: {x['children']} × {nok(per_day)} a day × {days} days a year "
        f"({p('work_assessment.paid_days_per_week')} days a week) = {nok(supplement)} a year.",
        COVERED,
    )
    return supplement


def formula_2013(x, p, explain):
    if not _qualifies(x, p, explain):
        explain.step(
            "Not entitled to work assessment allowance. If you are still within the sickness benefit period, "
            "look at sickness benefit (chapter III); if the reduction is permanent, the invalidity pension "
            "(chapter V); otherwise social financial assistance (chapter XI).",
            ENTITLED,
        )
        zero = Decimal(0)
        return dict(eligible=False, calculation_basis=zero, annual_amount=zero, child_supplement_annual=zero,
                    total_annual=zero)
    basis = best_income_basis(x, p, explain, COVERED, cap="work_assessment.maximum_basis")
    annual = _annual_amount(basis, p, explain)
    supplement = _child_supplement(x, p, explain)
    explain.step(f"In all {nok(annual + supplement)} a year.", COVERED)
    return dict(eligible=True, calculation_basis=basis, annual_amount=annual,
                child_supplement_annual=supplement, total_annual=annual + supplement)


CALCULATOR = Calculator(
    id="work_assessment_allowance",
    title="Work assessment allowance",
    chapter="V",
    summary="Whether you may get work assessment allowance while your working capacity is reduced, "
            "and how much a year, child supplement included.",
    inputs=(
        fields.money("income_year_1", "Income from work last calendar year", required=True, example=400000,
                     help="Pensionable income in the last full calendar year before you claim, before tax."),
        fields.money("income_year_2", "Income from work the year before",
                     help="Used for the three-year average; 0 if you had none."),
        fields.money("income_year_3", "Income from work two years before",
                     help="Used for the three-year average; 0 if you had none."),
        fields.integer("children", "Dependent children under 18", max=20,
                       help="Children you support who are under 18."),
        fields.integer("age", "Your age", required=True, example=40, max=120, unit="years",
                       help="Your age in whole years; the allowance is for ages 18 to 66."),
        fields.percent("work_capacity_reduction_percent", "Reduction in working capacity", default=50,
                       help="How much illness, injury or defect reduces your capacity for work; "
                            "at least 50% is needed."),
    ),
    outputs=(
        Output("eligible", "May get work assessment allowance", "boolean"),
        Output("calculation_basis", "Calculation basis", "NOK/year"),
        Output("annual_amount", "Allowance a year", "NOK/year"),
        Output("child_supplement_annual", "Child supplement a year", "NOK/year"),
        Output("total_annual", "In all a year", "NOK/year"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "'Between 18 and 67' is read as NAV applies it: from your 18th birthday until you turn 67, "
        "so age 67 does not qualify (folketrygdloven § 11-4).",
        "Each year's income counts up to 6 G before the three-year average is taken, as for unemployment benefit.",
        "NAV adjusts earlier years' income to today's basic amount; this calculator takes the incomes as given. "
        "Amounts are not rounded: NAV pays a daily rate (the year over 260 days) in whole kroner.",
        "NAV also checks that you are insured (three years, or one year while able to work), resident in Norway, "
        "and in active treatment or work-related measures followed up by NAV; this calculator cannot.",
    ),
)
