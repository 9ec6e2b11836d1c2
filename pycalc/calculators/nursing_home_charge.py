"""Charge for long-term nursing home care (vederlag for langtidsopphold), guide chapter XII."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, percent
from ..sources import guide

CHARGE = guide("XII", "How is long-term care accessed?")


def _lower_band(income, p, explain) -> Decimal:
    exemption = p("long_term_care.charge_exemption")
    limit = p.g_times("long_term_care.lower_band_limit")
    rate = p("long_term_care.lower_band_rate")
    charged = min(max(income - exemption, Decimal(0)), limit - exemption)
    explain.step(
        f"{percent(rate)} of income between {nok(exemption)} and {nok(limit)} "
        f"({p.g_words('long_term_care.lower_band_limit')}): {percent(rate)} of {nok(charged)} = {nok(charged * rate)}.",
        CHARGE,
    )
    return charged * rate


def _upper_band(income, p, explain) -> Decimal:
    limit = p.g_times("long_term_care.lower_band_limit")
    rate = p("long_term_care.upper_band_rate")
    charged = max(income - limit, Decimal(0))
    explain.step(f"{percent(rate)} of income above {nok(limit)}: {percent(rate)} of {nok(charged)} "
                 f"= {nok(charged * rate)}.", CHARGE)
    return charged * rate


def _capped(charge, x, explain) -> Decimal:
    if not x["full_cost"]:
        explain.step(f"The charge is {nok(charge)} a year. It can never exceed the full cost of the place; "
                     "give that cost to apply the limit.", CHARGE)
        return charge
    if charge > x["full_cost"]:
        explain.step(f"{nok(charge)} exceeds the full cost of the place, {nok(x['full_cost'])}, so you pay the "
                     "full cost.", CHARGE)
        return x["full_cost"]
    explain.step(f"{nok(charge)} does not exceed the full cost of the place, {nok(x['full_cost'])}.", CHARGE)
    return charge


def formula_2013(x, p, explain):
    income = x["annual_income"]
    charge = _lower_band(income, p, explain) + _upper_band(income, p, explain)
    annual = _capped(charge, x, explain)
    return dict(annual_charge=annual, capped_at_full_cost=annual < charge)


CALCULATOR = Calculator(
    id="nursing_home_charge",
    title="Charge for long-term nursing home care",
    chapter="XII",
    summary="What you pay a year for a long-term place in a nursing home: 75% of income up to the basic amount "
            "(after an exempt first part) and 85% above it, never more than the full cost of the place.",
    inputs=(
        fields.money("annual_income", "Your income a year", required=True, example=200000,
                     help="The income the municipality counts: see the note on income after tax."),
        fields.money("full_cost", "Full cost of the place a year",
                     help="What the nursing home place costs the municipality a year. 0 or empty if unknown."),
    ),
    outputs=(
        Output("annual_charge", "Charge a year", "NOK/year"),
        Output("capped_at_full_cost", "Limited to the full cost of the place", "boolean"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "The guide does not say which income counts. Beyond the guide, the regulations on charges for municipal "
        "health and care services (forskrift om egenandel for kommunale helse- og omsorgstjenester) count your "
        "income after tax, with some further deductions: enter that figure for the charge the municipality sets.",
        "The guide's upper limit of the 75% band, NOK 85,245, is the basic amount on 1 May 2013; we tie it to the "
        "basic amount, as the regulations do.",
        "'Up to the full cost of a nursing home place' is read as a limit on the whole charge: you never pay more "
        "than the place costs. Nothing is rounded: the guide gives no rounding. Home nursing and personal "
        "assistance are free; short stays have other charges.",
    ),
)
