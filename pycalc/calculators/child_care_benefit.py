"""Child care benefit (stønad til barnetilsyn), guide chapter IX."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, percent
from ..sources import guide

COVERED = guide("IX", "What is covered?")


def _income_allows(x, p, explain) -> bool:
    limit = p.g_times("family.child_care_income_limit")
    ok = x["annual_income"] <= limit
    explain.step(
        f"Income from work {nok(x['annual_income'])} {'does not exceed' if ok else 'exceeds'} "
        f"{p.g_words('family.child_care_income_limit')} ({nok(limit)}).",
        COVERED,
    )
    return ok


def _costs_counted(x, explain) -> Decimal:
    costs, ceiling = x["annual_childcare_costs"], x["annual_cost_ceiling"]
    if costs > ceiling:
        explain.step(f"Costs of {nok(costs)} count up to the ceiling you gave, {nok(ceiling)}.", COVERED)
        return ceiling
    explain.step(f"Costs of {nok(costs)} are within the ceiling you gave, {nok(ceiling)}.", COVERED)
    return costs


def formula_2013(x, p, explain):
    if not _income_allows(x, p, explain):
        explain.step("No right to child care benefit with this income. Child benefit (barnetrygd) is paid "
                     "whatever your income.", COVERED)
        return dict(eligible=False, annual_benefit=Decimal(0))
    counted = _costs_counted(x, explain)
    rate = p("family.child_care_rate")
    benefit = counted * rate
    explain.step(f"Child care benefit: {percent(rate)} of {nok(counted)} = {nok(benefit)} a year.", COVERED)
    return dict(eligible=True, annual_benefit=benefit)


CALCULATOR = Calculator(
    id="child_care_benefit",
    title="Child care benefit",
    chapter="IX",
    summary="Child care benefit a year when your child must be looked after while you work or train.",
    inputs=(
        fields.money("annual_childcare_costs", "Child care costs a year", required=True, example=40000,
                     help="What you actually pay for someone to look after the child while you work or train."),
        fields.money("annual_income", "Income from work a year", required=True, example=300000,
                     help="Your income from work, before tax."),
        fields.money("annual_cost_ceiling", "Ceiling on costs a year", required=True, example=50000,
                     help="The guide gives no figure: NAV sets the most costs it covers each year, by the number "
                          "of children. Enter the ceiling NAV gives you."),
    ),
    outputs=(
        Output("eligible", "Entitled to child care benefit", "boolean"),
        Output("annual_benefit", "A year", "NOK/year"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "The guide says the benefit is 64% of costs 'up to a certain annual ceiling' but gives no ceiling; "
        "you enter it, and we read it as a ceiling on the costs counted.",
        "An income of exactly 6 G does not exceed 6 G, so it still qualifies.",
        "NAV also checks who the benefit is for (for example single parents in work or training); "
        "this calculator cannot.",
    ),
)
