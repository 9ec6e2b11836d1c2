"""Pension points for a year's income (pensjonspoeng, old rules), guide chapter VI."""
from decimal import Decimal

from .. import fields
from ..units import RATIO_PLACES
from ..model import Calculator, Output
from ..money import nok, number, round_to
from ..sources import guide

SUPPLEMENTARY = guide("VI", "Supplementary pension")
OLD_RULES = "folketrygdloven chapter 3 (old rules, income years from 1992), beyond the guide"


def _counted_income(income, p, explain) -> Decimal:
    """Income above G, with the band between 6 G and 12 G counted one third and nothing above 12 G."""
    full_limit = p.g_times("pension.points_full_count_limit")
    ceiling = p.g_times("pension.points_ceiling")
    divisor = p("pension.points_upper_band_divisor")
    full_band = min(income, full_limit) - p.g_times("pension.points_income_threshold")
    upper_band = max(min(income, ceiling) - full_limit, Decimal(0)) / divisor
    explain.step(
        f"Income up to {p.g_words('pension.points_full_count_limit')} ({nok(full_limit)}) counts in full above G: "
        f"{nok(full_band)}. Income between {p.g_words('pension.points_full_count_limit')} and "
        f"{p.g_words('pension.points_ceiling')} ({nok(ceiling)}) counts 1/{number(divisor)}: {nok(upper_band)}. "
        f"Nothing above {p.g_words('pension.points_ceiling')} counts.",
        OLD_RULES,
    )
    return full_band + upper_band


def formula_2013(x, p, explain):
    income = x["annual_income"]
    threshold = p.g_times("pension.points_income_threshold")
    if income <= threshold:
        explain.step(
            f"No pension points: an income of {nok(income)} is not above the basic amount, {nok(threshold)}.",
            SUPPLEMENTARY,
        )
        return dict(points=Decimal(0))
    counted = _counted_income(income, p, explain)
    step = p("pension.points_rounding")
    points = round_to(counted / p.g, step)
    explain.step(
        f"Pension points: {nok(counted)} / G {nok(p.g)} = {number(counted / p.g, RATIO_PLACES)}, "
        f"given to the nearest {number(step)}: {number(points)}.",
        OLD_RULES,
    )
    return dict(points=points)


CALCULATOR = Calculator(
    id="pension_points",
    title="Pension points",
    chapter="VI",
    summary="The pension points (old rules) a year's income from work earns.",
    inputs=(
        fields.money("annual_income", "Pensionable income for the year", required=True, example=400000,
                     help="Income from work (wages and self-employment) in one calendar year, before tax."),
    ),
    outputs=(
        Output("points", "Pension points", "points"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "Points are (income - G) / G for income up to 6 G; income between 6 G and 12 G counts one third and income "
        "above 12 G nothing, so a year gives at most 7 points. These limits are folketrygdloven chapter 3 (old "
        "rules) for income years from 1992; the guide says only that income below G gives no points.",
        "Points are given to two decimals, as NAV states them; the rounding step is a parameter "
        "(pension.points_rounding).",
        "Each year's points are worked out with that year's G; this uses G of 1 May 2013.",
    ),
)
