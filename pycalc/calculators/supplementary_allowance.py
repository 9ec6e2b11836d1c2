"""Supplementary allowance for persons with a short period of residence in Norway (supplerende stønad), guide chapter XI."""
from decimal import Decimal

from .. import fields
from ..errors import InputError
from ..model import Calculator, Output
from ..money import nok, number, percent, round_to
from ..sources import guide
from ..units import MONTHS_A_YEAR

SCHEME = guide("XI", "Supplementary allowance scheme")
COVERED = guide("XI", "What is covered? Supplementary allowance scheme")

# Where the 2026 rules were read: NAV's case-handling system for the allowance (su-se-bakover).
_SU = "navikt/su-se-bakover, "
# The act's sections as NAV's code names them (behandling/klage/domain/.../Klagehjemler.kt): § 3 who can get it,
# § 5 the full allowance, § 6 income deducted, § 7 how the amount is worked out.
_ACT = "lov om supplerende stønad til personer med kort botid i Norge (2005) § "
RATES_2026 = _SU + "satser/src/main/kotlin/satser/domain/supplerendestønad/SatsFactoryForSupplerendeStønad.kt"
HOUSEHOLD_2026 = _SU + "beregning/src/main/kotlin/beregning/domain/BeregningStrategy.kt; " + _ACT + "5"
SPOUSE_2026 = _SU + "beregning/src/main/kotlin/beregning/domain/fradrag/FradragStrategy.kt; " + _ACT + "6"
MONTH_2026 = _SU + "beregning/src/main/kotlin/beregning/domain/MånedsberegningFactory.kt; " + _ACT + "7"
SMALL_2026 = _SU + "beregning/src/main/kotlin/beregning/domain/BeregningFactory.kt; " + _ACT + "7"
AGE_2026 = _SU + "domain/src/main/kotlin/no/nav/su/se/bakover/domain/søknadsbehandling/stønadsperiode/" \
                 "MaskinellAldersvurderingMedGrunnlagsdata.kt; " + _ACT + "3"
RESIDENCE_2026 = ("navikt/pensjonsbrev, alder/maler/src/main/kotlin/no/nav/pensjon/brev/alder/maler/vedlegg/"
                  "opplysningerbruktiberegningen/OpplysningerBruktIBeregningenAlderAP2025.kt; " + _ACT + "3")

# Who you live with decides the rate and how much of a spouse's or cohabitant's income counts.
ALONE, WITH_ADULTS, SPOUSE_67, SPOUSE_UNDER_67, SPOUSE_REFUGEE = (
    "alone", "with_other_adults", "spouse_67_or_older", "spouse_under_67", "spouse_under_67_refugee")
HOUSEHOLDS = (
    (ALONE, "I live alone"),
    (WITH_ADULTS, "I live with other adults (not a spouse or cohabitant)"),
    (SPOUSE_67, "With a spouse or cohabitant aged 67 or older"),
    (SPOUSE_UNDER_67, "With a spouse or cohabitant under 67"),
    (SPOUSE_REFUGEE, "With a spouse or cohabitant under 67 who gets this allowance as a disabled refugee"),
)


def _check(x):
    if x["residence_years"] > x["age"]:
        raise InputError([{
            "field": "residence_years",
            "message": f"Years of residence in Norway ({x['residence_years']}) cannot be more than your age "
                       f"({x['age']}).",
        }])


def _eligible(x, p, explain, sources=(SCHEME, SCHEME, SCHEME), level="the minimum pension level") -> bool:
    age_source, residence_source, years_source = sources
    minimum_age = p("supplementary_allowance.minimum_age")
    if x["age"] < minimum_age:
        reason = (f"you are {x['age']}, and the allowance is for people who have reached {number(minimum_age)}")
        explain.step(f"Not eligible: {reason}. Before that, social financial assistance (chapter XI) may help.",
                     age_source)
        explain.answer(f"You are probably not entitled: {reason}.")
        return False
    if not x["resident_in_norway"]:
        explain.step("Not eligible: the allowance is only for permanent residents of Norway.", residence_source)
        explain.answer("You are probably not entitled: the allowance is only for permanent residents of Norway.")
        return False
    full_years = p("supplementary_allowance.full_residence_years")
    if x["residence_years"] >= full_years:
        explain.step(
            f"Not eligible: with {x['residence_years']} years of residence (at least {number(full_years)}) you have "
            f"a full residence-based pension, at least {level}. Look at the old-age pension "
            f"(chapter VI) instead.",
            years_source,
        )
        explain.answer(f"You are probably not entitled: with {x['residence_years']} years in Norway your old-age "
                       f"pension is at least {level}.")
        return False
    explain.step(
        f"Eligible: aged {x['age']} (at least {number(minimum_age)}), resident in Norway, with "
        f"{x['residence_years']} years of residence, fewer than the {number(full_years)} that give a full pension.",
        years_source,
    )
    return True


def _spouse_income_counted(x, p, explain) -> Decimal:
    """The part of a spouse's or cohabitant's income NAV deducts, by the spouse's age and status."""
    household, income = x["living_situation"], x["spouse_income"]
    if household in (ALONE, WITH_ADULTS):
        if income:
            explain.step(f"The income you entered for a spouse ({nok(income)}) does not count: you have no spouse or "
                         f"cohabitant in this household.", SPOUSE_2026)
        return Decimal(0)
    if household == SPOUSE_UNDER_67:
        explain.step(f"Your spouse or cohabitant is under 67: all of their income, {nok(income)}, counts.",
                     SPOUSE_2026)
        return income
    if household == SPOUSE_67:
        free, words = p("guarantee_pension.ordinary_rate"), "the ordinary rate"
    else:
        free = p.g_times("supplementary_allowance.refugee_spouse_exemption")
        words = (f"the ordinary minimum rate of disability benefit, "
                 f"{p.g_words('supplementary_allowance.refugee_spouse_exemption')}")
    counted = max(income - free, Decimal(0))
    explain.step(f"Your spouse's or cohabitant's income counts only above {words}, {nok(free)}: "
                 f"{nok(income)} − {nok(free)} → {nok(counted)} counts.", SPOUSE_2026)
    return counted


def _rate_2026(x, p, explain) -> Decimal:
    household = x["living_situation"]
    high = household in (ALONE, SPOUSE_UNDER_67)
    rate = p("guarantee_pension.high_rate" if high else "guarantee_pension.ordinary_rate")
    who = dict(HOUSEHOLDS)[household].replace("I live", "you live").replace("With a", "you live with a")
    explain.step(f"Full allowance: the {'high' if high else 'ordinary'} rate, {nok(rate)} a year, as {who}. "
                 f"The rates equal the guarantee pension rates from 1 May 2026.",
                 RATES_2026 + " and " + HOUSEHOLD_2026)
    return rate


def formula_2026(x, p, explain):
    _check(x)
    own = x["other_income"]
    zero = Decimal(0)
    if not _eligible(x, p, explain, (AGE_2026, SCHEME, RESIDENCE_2026), "the guarantee pension rate"):
        return dict(eligible=False, monthly_allowance=zero, annual_allowance=zero, maximum_allowance=zero,
                    counted_income=zero, income_with_allowance=own)
    rate = _rate_2026(x, p, explain)
    counted = (own + _spouse_income_counted(x, p, explain)) * p("supplementary_allowance.income_reduction_rate")
    monthly = round_to(max(rate - counted, zero) / MONTHS_A_YEAR, p("supplementary_allowance.rounding"))
    explain.step(f"Your income is deducted krone for krone: ({nok(rate)} − {nok(counted)}) / {MONTHS_A_YEAR} = "
                 f"{nok(monthly)} a month, in whole kroner.", MONTH_2026)
    smallest = p("supplementary_allowance.minimum_payment_share") * p("guarantee_pension.high_rate") / MONTHS_A_YEAR
    if zero < monthly < smallest:
        explain.step(f"{nok(monthly)} a month is less than {percent(p('supplementary_allowance.minimum_payment_share'))} "
                     f"of the high rate a month ({nok(smallest)}), so nothing is paid.", SMALL_2026)
        monthly = zero
    annual = monthly * MONTHS_A_YEAR
    if monthly:
        explain.answer(f"About {nok(monthly)} a month before tax ({nok(annual)} a year), on top of your own income.")
    else:
        explain.answer(f"No allowance: the income that counts, {nok(counted)} a year, leaves less than "
                       f"{nok(smallest)} a month below the rate of {nok(rate)}.")
    return dict(eligible=True, monthly_allowance=monthly, annual_allowance=annual, maximum_allowance=rate,
                counted_income=counted, income_with_allowance=own + annual)


def formula_2013(x, p, explain):
    _check(x)
    income = x["other_income"] + x["spouse_income"]
    if x["spouse_income"]:
        explain.step(f"Your spouse's or cohabitant's income, {nok(x['spouse_income'])}, is added to your other income: "
                     f"{nok(income)}.", SCHEME)
    if not _eligible(x, p, explain):
        return dict(eligible=False, maximum_allowance=Decimal(0), annual_allowance=Decimal(0),
                    monthly_allowance=Decimal(0), counted_income=Decimal(0), income_with_allowance=income)
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
    explain.answer(f"About {nok(allowance / MONTHS_A_YEAR)} a month before tax ({nok(allowance)} a year)."
                   if allowance else f"No allowance: your other income, {nok(income)}, is at least the full "
                                     f"allowance of {nok(maximum)} a year.")
    return dict(eligible=True, maximum_allowance=maximum, annual_allowance=allowance,
                monthly_allowance=allowance / MONTHS_A_YEAR, counted_income=deduction,
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
        fields.money("other_income", "Your own income a year, pensions included",
                     help="Your income from work and capital, and your Norwegian and foreign pensions, before tax. "
                          "Your spouse's or cohabitant's income goes in the field below."),
        fields.choice("living_situation", "Who you live with", HOUSEHOLDS, default=ALONE,
                      help="Living alone, or with a spouse or cohabitant under 67, gives the high rate. Living with "
                           "other adults, or with a spouse or cohabitant aged 67 or older, gives the ordinary rate."),
        fields.money("spouse_income", "Your spouse's or cohabitant's income a year",
                     help="Their income from work and capital and their pensions, before tax. NAV counts all of it "
                          "if they are under 67; if they are 67 or older, only what is above the ordinary rate."),
        fields.boolean("resident_in_norway", "Permanent resident of Norway", default=True,
                       help="You live in Norway permanently."),
    ),
    outputs=(
        Output("monthly_allowance", "Supplementary allowance a month", "NOK/month"),
        Output("annual_allowance", "Supplementary allowance a year", "NOK/year"),
        Output("eligible", "Eligible for the supplementary allowance", "boolean"),
        Output("maximum_allowance", "Full allowance (the rate)", "NOK/year"),
        Output("counted_income", "Income deducted from the allowance", "NOK/year"),
        Output("income_with_allowance", "Your income with the allowance", "NOK/year"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "Today's rules (2026): the full allowance is the guarantee pension rate, high (NOK 253,787) or ordinary "
        "(NOK 234,765) from 1 May 2026; income is deducted krone for krone and the result paid monthly in whole "
        "kroner (navikt/su-se-bakover). Part of a spouse's income counts as NAV counts it.",
        "Today's rules also stop the allowance during stays abroad of more than 90 days and count capital; not "
        "worked out here.",
        "The scheme is for people with fewer than 40 years of residence; with 40 years your old-age pension is at "
        "least the allowance's full rate (the guarantee pension today, the minimum pension level in the guide's "
        "2013 rules), so we treat 40 years or more as not eligible.",
        "The allowance tops up a pension: your Norwegian old-age pension (reduced for short residence) and any "
        "foreign pension go into other income and are deducted krone for krone, as is other income (lov om "
        "supplerende stønad, beyond the guide).",
        "The guide's 2013 rules: the full allowance is the minimum pension level for a single person (for a couple "
        "NAV used a lower rate, which the guide does not give), and a spouse's or cohabitant's income is added to "
        "yours in full.",
        "NAV may also count capital and property, requires you to reapply in person every year, and stops the "
        "allowance during long stays abroad; this calculator cannot check that.",
    ),
)
