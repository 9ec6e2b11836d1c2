"""Unemployment benefit (dagpenger), guide chapter X."""
from decimal import Decimal

from .. import fields
from ..units import PERCENT
from ..model import Calculator, Output
from ..money import nok, percent, round_to
from ..income_basis import INCOME_YEARS, best_income_basis, three_year_average
from ..sources import guide

ENTITLED = guide("X", "When are you entitled to unemployment benefits?")
COVERED = guide("X", "What is covered?")


def _qualifies(x, p, explain) -> bool:
    last_year_limit = p.g_times("unemployment.minimum_income_last_year")
    three_year_limit = p.g_times("unemployment.minimum_income_three_years")
    three_years = sum(x[name] for name in INCOME_YEARS)
    by_last_year = x["income_year_1"] >= last_year_limit
    by_three_years = three_years >= three_year_limit
    explain.step(
        f"Income last year {nok(x['income_year_1'])} {'reaches' if by_last_year else 'is below'} "
        f"{p.g_words('unemployment.minimum_income_last_year')} ({nok(last_year_limit)}); the three years together, {nok(three_years)}, "
        f"{'reach' if by_three_years else 'are below'} "
        f"{p.g_words('unemployment.minimum_income_three_years')} ({nok(three_year_limit)}).",
        ENTITLED,
    )
    hours_needed = p("unemployment.minimum_hours_reduction")
    hours_ok = x["hours_reduction_percent"] / PERCENT >= hours_needed
    explain.step(
        f"Working hours reduced by {x['hours_reduction_percent']}%: "
        f"{'at least' if hours_ok else 'less than'} the {percent(hours_needed)} required.",
        ENTITLED,
    )
    return (by_last_year or by_three_years) and hours_ok


def _period_weeks(x, p, explain) -> int:
    limit = p.g_times("unemployment.long_period_minimum_income")
    long = max(x["income_year_1"], three_year_average(x)) >= limit
    weeks = p("unemployment.long_period_weeks" if long else "unemployment.short_period_weeks")
    explain.step(
        f"Income {'reaches' if long else 'is below'} {p.g_words('unemployment.long_period_minimum_income')} "
        f"({nok(limit)}), so the benefit period is "
        f"{weeks} weeks.",
        COVERED,
    )
    return int(weeks)


def _holiday_supplement(x, p, explain) -> Decimal:
    weeks_needed = p("unemployment.holiday_supplement_weeks")
    if x["weeks_on_benefit_last_year"] <= weeks_needed:
        explain.step(
            f"No holiday supplement: benefit was received for {x['weeks_on_benefit_last_year']} weeks "
            f"last year, and more than {weeks_needed} are needed.",
            COVERED,
        )
        return Decimal(0)
    rate = p("unemployment.holiday_supplement_rate")
    supplement = x["benefit_received_last_year"] * rate
    explain.step(
        f"Holiday supplement: {percent(rate)} of the {nok(x['benefit_received_last_year'])} received "
        f"last year = {nok(supplement)}.",
        COVERED,
    )
    return supplement


def formula_2013(x, p, explain):
    eligible = _qualifies(x, p, explain)
    if not eligible:
        holiday = _holiday_supplement(x, p, explain)
        explain.step(
            "Not entitled to unemployment benefit on these figures. Social financial assistance "
            "(chapter XI) may help while you have no income.",
            ENTITLED,
        )
        zero = Decimal(0)
        return dict(eligible=False, calculation_basis=zero, daily_rate=zero, child_supplement_per_day=zero,
                    total_per_day=zero, weekly_rate=zero, annual_rate=zero, period_weeks=0,
                    holiday_supplement=holiday)
    basis = best_income_basis(x, p, explain, COVERED, cap="unemployment.maximum_basis", rounding="unemployment.rounding")
    rate = p("unemployment.daily_rate")
    daily = round_to(basis * rate, p("unemployment.rounding"))
    explain.step(f"Daily rate: {percent(rate)} of {nok(basis)} = {nok(daily)}.", COVERED)
    child_supplement = x["children"] * p("unemployment.child_supplement_per_day")
    explain.step(
        f"Child supplement: {x['children']} × {nok(p('unemployment.child_supplement_per_day'))} "
        f"= {nok(child_supplement)} a day.",
        COVERED,
    )
    per_day = daily + child_supplement
    week_days, year_days = p("unemployment.paid_days_per_week"), p("unemployment.paid_days_per_year")
    explain.step(
        f"Paid {week_days} days a week: {nok(per_day * week_days)} a week, "
        f"{nok(per_day * year_days)} over {year_days} days.",
        COVERED,
    )
    return dict(eligible=True, calculation_basis=basis, daily_rate=daily,
                child_supplement_per_day=child_supplement, total_per_day=per_day,
                weekly_rate=per_day * week_days, annual_rate=per_day * year_days,
                period_weeks=_period_weeks(x, p, explain),
                holiday_supplement=_holiday_supplement(x, p, explain))


CALCULATOR = Calculator(
    id="unemployment_benefit",
    title="Unemployment benefit",
    chapter="X",
    summary="Whether your past income qualifies you for unemployment benefit, and how much a day, a week and a year.",
    inputs=(
        fields.money("income_year_1", "Income from work last calendar year", required=True, example=400000,
                     help="Wages and income from self-employment in the last full calendar year, before tax."),
        fields.money("income_year_2", "Income from work the year before",
                     help="Used for the three-year average; 0 if you had none."),
        fields.money("income_year_3", "Income from work two years before",
                     help="Used for the three-year average; 0 if you had none."),
        fields.integer("children", "Dependent children under 18", max=20,
                       help="Children you support who are under 18."),
        fields.percent("hours_reduction_percent", "Reduction in working hours", default=100,
                       help="How much your working hours have fallen, against your usual hours. 100 if you have lost all work."),
        fields.money("benefit_received_last_year", "Unemployment benefit received last year",
                     help="For the holiday supplement."),
        fields.integer("weeks_on_benefit_last_year", "Weeks on unemployment benefit last year", max=53,
                       help="For the holiday supplement.", unit="weeks"),
    ),
    outputs=(
        Output("eligible", "Entitled to unemployment benefit", "boolean"),
        Output("calculation_basis", "Calculation basis", "NOK/year"),
        Output("daily_rate", "Daily rate", "NOK/day"),
        Output("child_supplement_per_day", "Child supplement", "NOK/day"),
        Output("total_per_day", "Total a day, child supplement included", "NOK/day"),
        Output("weekly_rate", "A week (5 days)", "NOK/week"),
        Output("annual_rate", "A year (260 days)", "NOK/year"),
        Output("period_weeks", "Benefit period", "weeks"),
        Output("holiday_supplement", "Holiday supplement (paid on last year's benefit)", "NOK"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "The daily rate is rounded to the nearest krone, as NAV does; the guide gives no rounding.",
        "Weekly and annual amounts include the child supplement.",
        "NAV also checks that you are a genuine job seeker, registered with NAV and available for work; "
        "this calculator cannot.",
    ),
)
