"""Old-age pension under the old rules (alderspensjon: grunnpensjon, tilleggspensjon, minste pensjonsnivå), guide chapter VI."""
from decimal import Decimal

from .. import fields
from ..units import MONTHS_A_YEAR
from ..model import Calculator, Output
from ..money import nok, number, percent, round_to
from ..sources import guide

BASIC = guide("VI", "Basic pension")
SUPPLEMENTARY = guide("VI", "Supplementary pension")
MINIMUM = guide("VI", "Minimum pension")
OLD_RULES = "folketrygdloven chapter 3 (old rules), beyond the guide"
MINIMUM_RATES = "folketrygdloven § 19-8, NAV's rates from 1 May 2013, beyond the guide"

# Years up to 1991 could give up to 8.33 points (income between 8 G and 12 G counted one third);
# from 1992 at most 7.
MOST_POINTS = Decimal("8.33")


def points_field(name, label, help):
    return fields.number(name, label, help, max=MOST_POINTS, unit="points")


def basic_pension(insured_years, spouse_is_pensioner, p, explain, source=BASIC) -> Decimal:
    """Basic pension (grunnpensjon): a full rate for 40 years of insurance, proportionally less for fewer."""
    needed = p("pension.minimum_insurance_years")
    if insured_years < needed:
        explain.step(
            f"No basic pension: {insured_years} years of insurance, and at least {number(needed)} are needed.",
            BASIC,
        )
        return Decimal(0)
    full_years = p("pension.full_insurance_years")
    counted = min(Decimal(insured_years), full_years)
    if spouse_is_pensioner:
        full = p.g * p("pension.basic_pension_couple")
        rate_words = f"{percent(p('pension.basic_pension_couple'))} of G, as both spouses are pensioners"
    else:
        full = p.g_times("pension.basic_pension_single")
        rate_words = f"{p.g_words('pension.basic_pension_single')}, as for a single pensioner"
    basic = full * counted / full_years
    explain.step(
        f"Basic pension: the full rate is {rate_words}, {nok(full)}; {number(counted)} of {number(full_years)} "
        f"years of insurance give {nok(basic)}.",
        source,
    )
    return basic


def counted_point_years(years_before_1992, years_from_1992, p, explain) -> tuple[Decimal, Decimal]:
    """At most 40 point years count; years up to 1991 are kept first (they carry the higher rate)."""
    full = p("pension.full_point_years")
    before = min(Decimal(years_before_1992), full)
    after = min(Decimal(years_from_1992), full - before)
    if years_before_1992 + years_from_1992 > full:
        explain.step(
            f"Only {number(full)} point years count: {number(before)} up to 1991 and {number(after)} from 1992.",
            SUPPLEMENTARY,
        )
    return before, after


def supplementary_pension(average_points, years_before_1992, years_from_1992, p, explain) -> Decimal:
    """Supplementary pension (tilleggspensjon) from the average points and the point years."""
    needed = p("pension.minimum_point_years")
    total = years_before_1992 + years_from_1992
    if total < needed:
        explain.step(
            f"No supplementary pension: pension points for {total} years, and at least {number(needed)} are needed.",
            SUPPLEMENTARY,
        )
        return Decimal(0)
    before, after = counted_point_years(years_before_1992, years_from_1992, p, explain)
    rate_before = p("pension.supplementary_rate_before_1992")
    rate_after = p("pension.supplementary_rate_from_1992")
    full_years = p("pension.full_point_years")
    supplementary = p.g * average_points * (rate_before * before + rate_after * after) / full_years
    explain.step(
        f"Supplementary pension: G {nok(p.g)} × average points {number(average_points)} × "
        f"({percent(rate_before)} × {number(before)} years up to 1991 + {percent(rate_after)} × {number(after)} "
        f"years from 1992) / {number(full_years)} = {nok(supplementary)}.",
        OLD_RULES,
    )
    return supplementary


def _minimum_pension_level(x, p, explain) -> Decimal:
    if x["insured_years"] < p("pension.minimum_insurance_years"):
        explain.step(f"No minimum pension level: it needs the same {number(p('pension.minimum_insurance_years'))} "
                     f"years of insurance as the basic pension.", MINIMUM)
        return Decimal(0)
    couple = x["spouse_is_pensioner"]
    full = p("pension.minimum_pension_level_couple" if couple else "pension.minimum_pension_level_single")
    full_years = p("pension.full_insurance_years")
    counted = min(Decimal(x["insured_years"]), full_years)
    level = full * counted / full_years
    who = "a pensioner whose spouse is a pensioner (ordinary rate)" if couple else "a single pensioner"
    explain.step(
        f"Minimum pension level for {who}: {nok(full)} for {number(full_years)} years of insurance; "
        f"{number(counted)} years give {nok(level)}.",
        MINIMUM_RATES if couple else MINIMUM,
    )
    return level


def formula_2013(x, p, explain):
    basic = basic_pension(x["insured_years"], x["spouse_is_pensioner"], p, explain)
    supplementary = supplementary_pension(x["average_pension_points"], x["point_years_before_1992"],
                                          x["point_years_from_1992"], p, explain)
    minimum = _minimum_pension_level(x, p, explain)
    earned = basic + supplementary
    top_up = max(minimum - earned, Decimal(0))
    if top_up:
        explain.step(
            f"Basic and supplementary pension together, {nok(earned)}, are below the minimum pension level; "
            f"a supplement of {nok(top_up)} brings the pension up to {nok(minimum)}.",
            MINIMUM,
        )
    elif minimum:
        explain.step(f"Basic and supplementary pension together: {nok(earned)}, at least the minimum pension level.",
                     MINIMUM)
    annual = round_to(earned + top_up, p("pension.rounding"))
    explain.step(f"Old-age pension: {nok(annual)} a year, {nok(annual / MONTHS_A_YEAR)} a month, before life expectancy "
                 f"adjustment.", SUPPLEMENTARY)
    if not annual:
        explain.step("Nothing from the National Insurance Scheme on these figures. If you are 67 or older and live "
                     "in Norway, look at the supplementary allowance (chapter XI).", BASIC)
        explain.answer("Nothing from the National Insurance Scheme on these figures (the guide's 2013 rules).")
    else:
        explain.answer(f"About {nok(annual)} a year before tax ({nok(annual / MONTHS_A_YEAR)} a month) at 67, "
                       f"under the guide's 2013 rules and figures.")
    return dict(basic_pension=basic, supplementary_pension=supplementary, minimum_pension_level=minimum,
                minimum_pension_supplement=top_up, annual_pension=annual)


CALCULATOR = Calculator(
    id="old_age_pension",
    title="Old-age pension (old rules)",
    chapter="VI",
    summary="Basic pension, supplementary pension and minimum pension level under the old rules, at 67.",
    inputs=(
        fields.integer("insured_years", "Years of insurance (residence) between 16 and 66", required=True,
                       example=40, max=50, unit="years",
                       help="Years you were insured in Norway, usually years of residence. 40 give a full basic pension."),
        points_field("average_pension_points", "Average pension points of your 20 best years",
                     help="From NAV's statement of pension earnings, e.g. 4.25. At most 7 for a year from 1992, "
                          "8.33 for a year up to 1991."),
        fields.integer("point_years_before_1992", "Years with pension points up to 1991", max=59, unit="years",
                       help="Years up to and including 1991 in which you earned pension points."),
        fields.integer("point_years_from_1992", "Years with pension points from 1992", max=59, unit="years",
                       help="Years from 1992 in which you earned pension points."),
        fields.boolean("spouse_is_pensioner", "Your spouse or cohabitant is a pensioner",
                       help="Your spouse (or cohabitant you were married to or have children with) also draws a "
                            "National Insurance pension."),
    ),
    outputs=(
        Output("basic_pension", "Basic pension", "NOK/year"),
        Output("supplementary_pension", "Supplementary pension", "NOK/year"),
        Output("minimum_pension_level", "Minimum pension level", "NOK/year"),
        Output("minimum_pension_supplement", "Supplement up to the minimum pension level", "NOK/year"),
        Output("annual_pension", "Old-age pension a year", "NOK/year"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "These are the guide's rules and figures of 1 May 2013. Today's minimum pension level could not be traced "
        "to a public source (NAV's page of rates stops at 2021), so no 2026 figures are offered. Born 1963 or "
        "later: the new rules (income pension and guarantee pension) replaced this scheme; use the old-age "
        "pension (new rules) calculator. Born 1954-1962: part old rules, part new.",
        "The pension is the one at 67 under the old rules (born before 1954), before the life expectancy "
        "adjustment, which the guide does not give.",
        "The supplementary pension is G × average points × the rate for each point year (one for years up to "
        "1991, a lower one from 1992) / 40: folketrygdloven chapter 3 (old rules), not in the guide.",
        "With more than 40 point years, only 40 count; we keep the years up to 1991 first. NAV counts the 40 "
        "best years, which may differ.",
        "When your spouse is a pensioner we use the ordinary rate of the minimum pension level (folketrygdloven "
        "§ 19-8), which applies when your spouse also gets a minimum pension. If your spouse's own supplementary "
        "pension is higher, NAV uses the lower rate, which the guide does not give.",
        "Supplements for a dependent spouse or children are not calculated.",
        "The annual pension is rounded to whole kroner, as the guide writes it; its parts are not rounded.",
    ),
)
