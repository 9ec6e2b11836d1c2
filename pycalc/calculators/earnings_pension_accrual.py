"""Earnings-related pension savings under the new rules (inntektspensjon, pensjonsbeholdning), guide chapter VI."""
from decimal import Decimal

from .. import fields
from ..units import PERCENT
from ..model import Calculator, Output
from ..money import nok, percent
from ..sources import guide

ACCRUAL = guide("VI", "What is covered? Earnings-related pension")
DRAWING = guide("VI", "When are you entitled to old-age benefits?")

# The grades the guide names: 'The pension may be drawn fully or partially (20%, 40%, 50%, 60% or 80%)'.
WITHDRAWAL_GRADES = ("20", "40", "50", "60", "80", "100")
# Accrual runs from the year you turn 13 to the year you turn 75: at most 63 years.
MOST_YEARS = 63


def _annual_accrual(income, p, explain) -> Decimal:
    ceiling = p.g_times("old_age.accrual_ceiling")
    counted = min(income, ceiling)
    rate = p("old_age.accrual_rate")
    accrual = counted * rate
    capped = " (the income above it does not count)" if income > ceiling else ""
    explain.step(
        f"Pensionable income counts up to {p.g_words('old_age.accrual_ceiling')}, {nok(ceiling)}{capped}: "
        f"{percent(rate)} of {nok(counted)} = {nok(accrual)} added to your pension savings a year.",
        ACCRUAL,
    )
    return accrual


def formula_2013(x, p, explain):
    accrual = _annual_accrual(x["annual_income"], p, explain)
    years = x["years"]
    savings = accrual * years
    explain.step(
        f"Over {years} {'year' if years == 1 else 'years'} at the same income: {nok(savings)} of pension savings, "
        f"without the yearly indexation of the savings.",
        ACCRUAL,
    )
    share = Decimal(x["withdrawal_percent"]) / PERCENT
    drawn = savings * share
    explain.step(
        f"Drawing {x['withdrawal_percent']}% of the pension from age {x['drawing_age']}: the pension is worked out "
        f"from {x['withdrawal_percent']}% of the savings, {nok(drawn)}; the other {nok(savings - drawn)} keeps "
        f"building up. The yearly pension is the savings drawn on divided by a life expectancy divisor for your "
        f"year of birth and age at drawing, which the guide does not give.",
        DRAWING,
    )
    return dict(annual_accrual=accrual, total_savings=savings, savings_drawn=drawn,
                savings_not_drawn=savings - drawn)


CALCULATOR = Calculator(
    id="earnings_pension_accrual",
    title="Earnings-related pension savings (new rules)",
    chapter="VI",
    summary="How much pension savings a year's income builds up under the new rules, and how much of it a "
            "partial pension draws on.",
    inputs=(
        fields.money("annual_income", "Pensionable income a year", required=True, example=500000,
                     help="Income from work in a year, before tax."),
        fields.integer("years", "Years with this income", default=1, min=1, max=MOST_YEARS, unit="years",
                       help="Savings build up from the year you turn 13 to the year you turn 75."),
        fields.choice("withdrawal_percent", "Share of the pension drawn",
                      [(grade, f"{grade}%") for grade in WITHDRAWAL_GRADES], default="100",
                      help="The old-age pension may be drawn in full or in part: 20%, 40%, 50%, 60% or 80%."),
        # Flexible drawing starts at 62 (the guide) and must start by 75.
        fields.integer("drawing_age", "Age when you start drawing", default=67, min=62, max=75, unit="years",
                       help="From 62 to 75. Drawing before 67 needs enough pension savings."),
    ),
    outputs=(
        Output("annual_accrual", "Pension savings built up a year", "NOK/year"),
        Output("total_savings", "Pension savings over the years (not indexed)", "NOK"),
        Output("savings_drawn", "Savings the drawn pension is worked out from", "NOK"),
        Output("savings_not_drawn", "Savings left to build up", "NOK"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "Total savings are the yearly accrual times the years, without the yearly indexation of the savings "
        "with wage growth and without the changes in G, so they are in 2013 kroner.",
        "The guide counts income up to 7.1 times the average G of the year; this uses G of 1 May 2013.",
        "The yearly pension is the savings divided by a life expectancy divisor for your year of birth and the "
        "age you start drawing; the guide gives no divisors, so the pension itself is not calculated. The drawing "
        "age only enters the explanation.",
        "Drawing before 67 requires savings large enough for a pension of at least the guarantee pension level "
        "at 67; this calculator cannot check that.",
        "The new rules apply in full to people born in 1963 or later; those born 1954-1962 get part old rules, "
        "part new rules.",
    ),
)
