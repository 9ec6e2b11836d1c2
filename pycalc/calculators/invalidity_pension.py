"""Invalidity pension under the old rules (uførepensjon), guide chapter V; occupational injury, chapter VIII."""
from decimal import Decimal

from .. import fields
from ..errors import InputError
from ..units import MONTHS_A_YEAR, PERCENT
from ..conditions import reduced_by_at_least
from ..model import Calculator, Output
from ..money import WHOLE_KRONE, nok, number, percent, round_to
from ..sources import guide
from .old_age_pension import basic_pension, points_field, supplementary_pension

ENTITLED = guide("V", "Invalidity pension")
COVERED = guide("V", "What is covered? Invalidity pension")
OCCUPATIONAL = guide("VIII", "What is covered? National insurance scheme")
SPECIAL_SUPPLEMENT_LAW = "folketrygdloven § 3-3 (old rules), beyond the guide"


def _check(x):
    if x["point_years_before_1992"] > x["point_years"]:
        raise InputError([{
            "field": "point_years_before_1992",
            "message": f"Years with pension points up to 1991 ({x['point_years_before_1992']}) cannot be more than "
                       f"all your years with pension points ({x['point_years']}).",
        }])


def _eligible(x, p, explain) -> bool:
    occupational = x["occupational_injury"]
    needed = p("invalidity.minimum_disability_occupational" if occupational else "invalidity.minimum_disability")
    why = "after an occupational injury or disease" if occupational else "as the general rule"
    return reduced_by_at_least("Income capacity", x["disability_percent"], needed, explain,
                               OCCUPATIONAL if occupational else ENTITLED, why)


def _needed(x, p):
    return p("invalidity.minimum_disability_occupational" if x["occupational_injury"] else "invalidity.minimum_disability")


def _counted_years(x, p, explain) -> tuple[int, int]:
    """Insured years and point years; an occupational injury counts them as full."""
    if not x["occupational_injury"]:
        return x["insured_years"], x["point_years"]
    full_insured = int(p("pension.full_insurance_years"))
    full_points = int(p("pension.full_point_years"))
    explain.step(
        f"After an occupational injury the pension is not reduced for short insurance: it is counted as "
        f"{full_insured} years of insurance and {full_points} point years.",
        OCCUPATIONAL,
    )
    return full_insured, full_points


def _special_supplement(insured_years, single, supplementary, p, explain) -> Decimal:
    """Special supplement (særtillegg): a floor for those with no or a low supplementary pension."""
    if insured_years < p("pension.minimum_insurance_years"):
        explain.step(f"No special supplement: it needs the same {number(p('pension.minimum_insurance_years'))} "
                     f"years of insurance as the basic pension.", COVERED)
        return Decimal(0)
    name = "pension.special_supplement_single" if single else "pension.special_supplement_couple"
    full = p.g_times(name)
    full_years = p("pension.full_insurance_years")
    counted = min(Decimal(insured_years), full_years)
    rate = full * counted / full_years
    deducted = supplementary * p("pension.special_supplement_reduction_rate")
    special = max(rate - deducted, Decimal(0))
    explain.step(
        f"Special supplement: the full rate is {p.g_words(name)} ({nok(full)}); {number(counted)} of "
        f"{number(full_years)} years of insurance give {nok(rate)}; less the supplementary pension {nok(deducted)} "
        f"= {nok(special)}.",
        COVERED if single else SPECIAL_SUPPLEMENT_LAW,
    )
    return special


def formula_2013(x, p, explain):
    _check(x)
    zero = Decimal(0)
    if not _eligible(x, p, explain):
        explain.step(
            "No invalidity pension on these figures. While you are in treatment or rehabilitation, look at the work "
            f"assessment allowance (chapter V); after an occupational injury a reduction of "
            f"{percent(p('invalidity.minimum_disability_occupational'))} is enough (chapter VIII).",
            ENTITLED,
        )
        explain.answer(
            f"You are probably not entitled under the guide's 2013 rules: your income capacity is reduced by "
            f"{number(x['disability_percent'])}%, less than the {percent(_needed(x, p))} required."
        )
        return dict(eligible=False, basic_pension=zero, supplementary_pension=zero, special_supplement=zero,
                    full_pension=zero, annual_pension=zero)
    insured_years, point_years = _counted_years(x, p, explain)
    before_1992 = x["point_years_before_1992"]
    basic = basic_pension(insured_years, not x["single"], p, explain, COVERED)
    supplementary = supplementary_pension(x["average_pension_points"], before_1992, point_years - before_1992,
                                          p, explain)
    special = _special_supplement(insured_years, x["single"], supplementary, p, explain)
    full = basic + supplementary + special
    grade = x["disability_percent"] / PERCENT
    annual = round_to(full * grade, p("pension.rounding"))
    explain.step(
        f"Full invalidity pension {nok(full)}; for a {number(x['disability_percent'])}% reduction of income "
        f"capacity, {nok(annual)} a year.",
        COVERED,
    )
    explain.answer(f"About {nok(round_to(annual / MONTHS_A_YEAR, WHOLE_KRONE))} a month before tax "
                   f"({nok(annual)} a year) under the guide's 2013 rules, a scheme replaced on 1 January 2015.")
    return dict(eligible=True, basic_pension=basic, supplementary_pension=supplementary, special_supplement=special,
                full_pension=full, annual_pension=annual)


CALCULATOR = Calculator(
    id="invalidity_pension",
    title="Invalidity pension (old rules)",
    chapter="V",
    summary="The guide's 2013 invalidity pension (uførepensjon): whether a reduced income capacity gave a pension, "
            "and its basic pension, supplementary pension and special supplement. Replaced by disability benefit "
            "(uføretrygd) on 1 January 2015.",
    inputs=(
        fields.percent("disability_percent", "Reduction of income capacity", required=True, example=100,
                       help="How much your capacity to earn an income is permanently reduced by illness, injury "
                            "or disability."),
        fields.integer("insured_years", "Years of insurance, future years to 66 included", required=True,
                       example=40, max=50, unit="years",
                       help="Years insured in Norway from 16, plus the years from now to the year you turn 66."),
        points_field("average_pension_points", "Average pension points",
                     help="Your average pension points, future points (from your income before the disability) "
                          "included, e.g. 4.25."),
        fields.integer("point_years", "Years with pension points, future years to 66 included", max=59, unit="years",
                       help="Years in which you earned pension points, plus the years from now to 66."),
        fields.integer("point_years_before_1992", "Of these, years up to 1991", max=59, unit="years",
                       help="Point years up to and including 1991, which count at a higher rate. 0 if none."),
        fields.boolean("single", "Single, or your spouse is not a pensioner", default=True,
                       help="Unmarried, or your spouse or cohabitant draws no National Insurance pension. "
                            "Answer no if your spouse is a pensioner."),
        fields.boolean("occupational_injury", "Caused by an occupational injury or disease",
                       help="An injury at work or an occupational disease recognised by NAV."),
    ),
    outputs=(
        Output("eligible", "Entitled to invalidity pension", "boolean"),
        Output("basic_pension", "Basic pension (full, before grading)", "NOK/year"),
        Output("supplementary_pension", "Supplementary pension (full, before grading)", "NOK/year"),
        Output("special_supplement", "Special supplement (full, before grading)", "NOK/year"),
        Output("full_pension", "Pension at 100% invalidity", "NOK/year"),
        Output("annual_pension", "Invalidity pension a year, by your degree of invalidity", "NOK/year"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "This is the guide's scheme of 1 May 2013. Since 1 January 2015 invalidity pension has been replaced by "
        "disability benefit (uføretrygd); nobody is granted it today. For today's rules, use the disability benefit "
        "calculator on the same page.",
        "Basic and supplementary pension are worked out as for the old-age pension (old rules, chapter VI); the "
        "supplementary pension rates come from folketrygdloven chapter 3, not the guide.",
        "The special supplement is reduced krone for krone by the supplementary pension (folketrygdloven § 3-3).",
        "If your spouse is a pensioner we use a basic pension of 85% of G and the ordinary special supplement, 100% "
        "of G, which applies when your spouse also has a special supplement; it is 74% of G if your spouse's "
        "supplementary pension is higher. The guide gives only the rate for a single pensioner.",
        "NAV also requires that you are between 18 and 67 and were insured for the three years just before the "
        "disability (not after an occupational injury); this calculator cannot check that.",
        "After an occupational injury, the pension is counted with 40 years of insurance and 40 point years, as "
        "chapter VIII says it is always granted at full rates.",
        "Supplements for a dependent spouse or children, the more favourable rules for those disabled before 26, "
        "and reductions for periods abroad are not calculated.",
        "The annual pension is rounded to whole kroner; its parts are not rounded.",
    ),
)
