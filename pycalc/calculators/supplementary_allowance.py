"""Supplementary allowance for persons with a short period of residence in Norway (supplerende stønad), guide chapter XI."""
from decimal import Decimal

from .. import fields
from ..errors import InputError
from ..model import Calculator, Output
from ..money import nok, number, percent
from ..sources import guide

SCHEME = guide("XI", "Supplementary allowance scheme")
COVERED = guide("XI", "What is covered? Supplementary allowance scheme")


def _check(x):
    if x["residence_years"] > x["age"]:
        raise InputError([{
            "field": "residence_years",
            "message": f"Years of residence in Norway ({x['residence_years']}) cannot be more than your age "
                       f"({x['age']}).",
        }])


def _eligible(x, p, explain) -> bool:
    minimum_age = p("supplementary_allowance.minimum_age")
    if x["age"] < minimum_age:
        explain.step(
            f"Not eligible: you are {x['age']}, and the allowance is for people who have reached "
            f"{number(minimum_age)}. Before that, social financial assistance (chapter XI) may help.",
            SCHEME,
        )
        return False
    if not x["resident_in_norway"]:
        explain.step("Not eligible: the allowance is only for permanent residents of Norway.", SCHEME)
        return False
    full_years = p("supplementary_allowance.full_residence_years")
    if x["residence_years"] >= full_years:
        explain.step(
            f"Not eligible: with {x['residence_years']} years of residence (at least {number(full_years)}) you have "
            f"a full residence-based pension, at least the minimum pension level. Look at the old-age pension "
            f"(chapter VI) instead.",
            SCHEME,
        )
        return False
    explain.step(
        f"Eligible: aged {x['age']} (at least {number(minimum_age)}), resident in Norway, with "
        f"{x['residence_years']} years of residence, fewer than the {number(full_years)} that give a full pension.",
        SCHEME,
    )
    return True


def formula_2013(x, p, explain):
    _check(x)
    income = x["other_income"]
    if not _eligible(x, p, explain):
        return dict(eligible=False, maximum_allowance=Decimal(0), annual_allowance=Decimal(0),
                    income_with_allowance=income)
    maximum = p("pension.minimum_pension_level_single")
    explain.step(f"Full allowance: the minimum pension level for a single person, {nok(maximum)} a year.", COVERED)
    rate = p("supplementary_allowance.income_reduction_rate")
    deduction = income * rate
    allowance = max(maximum - deduction, Decimal(0))
    explain.step(
        f"Reduced by {percent(rate)} of other income and pensions, {nok(income)}: "
        f"{nok(maximum)} - {nok(deduction)} = {nok(allowance)} a year"
        f"{', nothing left' if not allowance else ''}.",
        SCHEME,
    )
    return dict(eligible=True, maximum_allowance=maximum, annual_allowance=allowance,
                income_with_allowance=income + allowance)


CALCULATOR = Calculator(
    id="supplementary_allowance",
    title="Supplementary allowance for a short residence in Norway",
    chapter="XI",
    summary="Whether you can get the supplementary allowance from 67, and how much it tops up your income and "
            "pensions.",
    inputs=(
        fields.integer("age", "Your age", required=True, example=70, max=120, unit="years",
                       help="Your age in whole years; the allowance starts at 67."),
        fields.integer("residence_years", "Years of residence in Norway before 67", required=True, example=10,
                       max=120, unit="years",
                       help="Years you have lived in Norway between 16 and 67; they give your pension's insurance "
                            "period."),
        fields.money("other_income", "Other income a year, pensions included",
                     help="Your own and your spouse's income from work and capital, and Norwegian and foreign "
                          "pensions, before tax."),
        fields.boolean("resident_in_norway", "Permanent resident of Norway", default=True,
                       help="You live in Norway permanently."),
    ),
    outputs=(
        Output("eligible", "Eligible for the supplementary allowance", "boolean"),
        Output("maximum_allowance", "Full allowance", "NOK/year"),
        Output("annual_allowance", "Supplementary allowance a year", "NOK/year"),
        Output("income_with_allowance", "Your income with the allowance", "NOK/year"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "The scheme is for people with fewer than 40 years of residence; with 40 years your old-age pension is at "
        "least the minimum pension level, the allowance's maximum, so we treat 40 years or more as not eligible.",
        "The allowance tops up a pension: your Norwegian old-age pension (reduced for short residence) and any "
        "foreign pension go into other income and are deducted krone for krone, as is other income (lov om "
        "supplerende stønad, beyond the guide).",
        "The full allowance is the minimum pension level for a single person; for a couple NAV uses a lower rate, "
        "which the guide does not give. The guide says a spouse's or cohabitant's income also reduces the "
        "allowance, so include it in other income.",
        "NAV may also count capital and property, requires you to reapply in person every year, and stops the "
        "allowance during long stays abroad; this calculator cannot check that.",
    ),
)
