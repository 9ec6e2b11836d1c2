"""Pension points for a year's income (pensjonspoeng, old rules), guide chapter VI."""
from decimal import Decimal

from .. import fields
from ..units import RATIO_PLACES
from ..model import Calculator, Output
from ..money import nok, number, round_to
from ..sources import guide

SUPPLEMENTARY = guide("VI", "Supplementary pension")
OLD_RULES = "folketrygdloven chapter 3 (old rules, income years from 1992), beyond the guide"
# Where the 2026 rules were read: NAV's page on pension points, and NAV's G figures.
POINTS_2026 = ("https://www.nav.no/no/Person/Pensjon/Hva+kan+jeg+fa+i+pensjon/Relatert+informasjon/"
               "beregning-av-uf%C3%B8re-gjenlevende-og-alderspensjon-f%C3%B8r-2011?kap=10")
AVERAGE_G_2026 = "navikt/g, grunnbeløp.json (gjennomsnittPerÅr); " + POINTS_2026


def _counted_income(income, p, explain, g, source=OLD_RULES) -> Decimal:
    """Income above G, with the band between 6 G and 12 G counted one third and nothing above 12 G."""
    full_limit = p("pension.points_full_count_limit") * g
    ceiling = p("pension.points_ceiling") * g
    divisor = p("pension.points_upper_band_divisor")
    full_band = min(income, full_limit) - p("pension.points_income_threshold") * g
    upper_band = max(min(income, ceiling) - full_limit, Decimal(0)) / divisor
    explain.step(
        f"Income up to {p.g_words('pension.points_full_count_limit')} ({nok(full_limit)}) counts in full above G: "
        f"{nok(full_band)}. Income between {p.g_words('pension.points_full_count_limit')} and "
        f"{p.g_words('pension.points_ceiling')} ({nok(ceiling)}) counts 1/{number(divisor)}: {nok(upper_band)}. "
        f"Nothing above {p.g_words('pension.points_ceiling')} counts.",
        source,
    )
    return full_band + upper_band


def _points(income, p, explain, g, sources) -> Decimal:
    below_source, rule_source = sources
    threshold = p("pension.points_income_threshold") * g
    if income <= threshold:
        explain.step(
            f"No pension points: an income of {nok(income)} is not above the basic amount, {nok(threshold)}.",
            below_source,
        )
        explain.answer(f"No pension points: an income of {nok(income)} is not above the basic amount, "
                       f"{nok(threshold)}.")
        return Decimal(0)
    counted = _counted_income(income, p, explain, g, rule_source)
    step = p("pension.points_rounding")
    points = round_to(counted / g, step)
    explain.step(
        f"Pension points: {nok(counted)} / G {nok(g)} = {number(counted / g, RATIO_PLACES)}, "
        f"given to the nearest {number(step)}: {number(points)}.",
        rule_source,
    )
    explain.answer(f"{number(points)} pension points for an income of {nok(income)}.")
    return points


def formula_2013(x, p, explain):
    return dict(points=_points(x["annual_income"], p, explain, p.g, (SUPPLEMENTARY, OLD_RULES)))


def formula_2026(x, p, explain):
    g = p("pension.average_basic_amount")
    explain.step(f"Points are worked out with the year's average basic amount: {nok(g)} for 2026 (G of 1 May 2026 is "
                 f"{nok(p.g)}). The G limits below are multiples of it.", AVERAGE_G_2026)
    return dict(points=_points(x["annual_income"], p, explain, g, (POINTS_2026, POINTS_2026)))


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
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "Points are (income - G) / G for income up to 6 G; income between 6 G and 12 G counts one third and income "
        "above 12 G nothing, so a year gives at most 7 points. These limits are folketrygdloven chapter 3 (old "
        "rules) for income years from 1992; the guide says only that income below G gives no points.",
        "Points are given to two decimals, as NAV states them; the rounding step is a parameter "
        "(pension.points_rounding).",
        "Each year's points are worked out with that year's average G. Today's rules (2026) use the 2026 average, "
        "NOK 134,419 (navikt/g); the guide's 2013 rules use G of 1 May 2013.",
        "Pension points count for the old-rules part of the pension of people born 1962 or earlier; people born "
        "1963 or later build a pension account instead (see the earnings-related pension savings calculator).",
    ),
)
