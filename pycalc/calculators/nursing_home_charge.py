"""Charge for long-term nursing home care (vederlag for langtidsopphold), guide chapter XII."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, percent
from ..sources import guide
from ..units import MONTHS_A_YEAR

CHARGE = guide("XII", "How is long-term care accessed?")
# Where the 2026 rule was read: municipal price pages quoting the regulation (see the parameter files).
CHARGE_2026 = ("https://www.hjelmeland.kommune.no/betalingssatsar/betalingssatsar-helse-og-omsorg/betaling-for-opphald-"
               "ved-omsorgssenter/; forskrift om egenandel for kommunale helse- og omsorgstjenester § 3")


def _lower_band(income, exemption, p, explain, source=CHARGE) -> Decimal:
    limit = p.g_times("long_term_care.lower_band_limit")
    exemption = min(exemption, limit)
    rate = p("long_term_care.lower_band_rate")
    charged = min(max(income - exemption, Decimal(0)), limit - exemption)
    explain.step(
        f"{percent(rate)} of income between {nok(exemption)} and {nok(limit)} "
        f"({p.g_words('long_term_care.lower_band_limit')}): {percent(rate)} of {nok(charged)} = {nok(charged * rate)}.",
        source,
    )
    return charged * rate


def _upper_band(income, p, explain, source=CHARGE) -> Decimal:
    limit = p.g_times("long_term_care.lower_band_limit")
    rate = p("long_term_care.upper_band_rate")
    charged = max(income - limit, Decimal(0))
    explain.step(f"{percent(rate)} of income above {nok(limit)}: {percent(rate)} of {nok(charged)} "
                 f"= {nok(charged * rate)}.", source)
    return charged * rate


def _capped(charge, x, explain, source=CHARGE) -> Decimal:
    if not x["full_cost"]:
        explain.step(f"The charge is {nok(charge)} a year. It can never exceed the full cost of the place; "
                     "give that cost to apply the limit.", source)
        return charge
    if charge > x["full_cost"]:
        explain.step(f"{nok(charge)} exceeds the full cost of the place, {nok(x['full_cost'])}, so you pay the "
                     "full cost.", source)
        return x["full_cost"]
    explain.step(f"{nok(charge)} does not exceed the full cost of the place, {nok(x['full_cost'])}.", source)
    return charge


def _headline(annual, at_most=False) -> str:
    if not annual:
        return "You pay no charge on this income."
    return (f"{'At most about' if at_most else 'About'} {nok(annual)} a year for the place "
            f"({nok(annual / MONTHS_A_YEAR)} a month).")


def formula_2013(x, p, explain):
    if x["allowance"]:
        explain.note("The 2013 rules use the guide's allowance of NOK 7,000; the allowance you entered is used with "
                     "the 2026 rules.")
    income = x["annual_income"]
    charge = _lower_band(income, p("long_term_care.charge_exemption"), p, explain) + _upper_band(income, p, explain)
    annual = _capped(charge, x, explain)
    explain.answer(_headline(annual))
    return dict(annual_charge=annual, capped_at_full_cost=annual < charge)


def formula_2026(x, p, explain):
    income, allowance = x["annual_income"], x["allowance"]
    if not allowance:
        explain.note("2026 rules: the allowance (fribeløp) for 2026 is set each year by the Ministry of Health and "
                     "Care Services; we could not trace the 2026 figure (the latest we read was NOK 9,400, for "
                     "2023). Without it the charge shown is a maximum: enter the allowance from your "
                     "municipality's price list or your charge decision, and the charge falls by 75% of it.")
    charge = (_lower_band(income, allowance, p, explain, CHARGE_2026) +
              _upper_band(income, p, explain, CHARGE_2026))
    annual = _capped(charge, x, explain, CHARGE_2026)
    explain.answer(_headline(annual, at_most=not allowance))
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
        fields.money("allowance", "Allowance (fribeløp) a year", max=1_000_000,
                     help="The part of your income left free of the charge, set by the government each year. Your "
                          "municipality's price list or your charge decision gives it. Used with the 2026 rules; "
                          "leave 0 if unknown and the charge shown is a maximum."),
    ),
    outputs=(
        Output("annual_charge", "Charge a year", "NOK/year"),
        Output("capped_at_full_cost", "Limited to the full cost of the place", "boolean"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
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
