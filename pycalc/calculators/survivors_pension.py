"""Survivor's pension to a widow or widower (gjenlevendepensjon), guide chapter VII."""
from decimal import Decimal

from .. import fields
from ..errors import InputError
from ..model import Calculator, Output
from ..money import nok, number, percent
from ..sources import guide

ENTITLED = guide("VII", "When are you entitled to survivors' benefits?")
COVERED = guide("VII", "What is covered?")
BASIC_PENSION = guide("VI", "What is covered?")
SPECIAL_SUPPLEMENT = guide("V", "What is covered?")
OCCUPATIONAL = guide("VIII", "What is covered?")


def counted_insurance_years(x, p, explain, source=COVERED) -> Decimal:
    """Insurance years the basic pension is scaled by; shared with the children's pension."""
    full = p("survivors.full_insurance_years")
    if x["death_from_occupational_injury"]:
        explain.step(
            f"The death was caused by an occupational injury, so pensions are granted at full rates, "
            f"as if the deceased had {number(full)} insurance years, whatever their insurance record.",
            OCCUPATIONAL,
        )
        return full
    years = Decimal(x["deceased_insurance_years"])
    counted = min(years, full)
    if years > full:
        explain.step(f"The deceased had {number(years)} insurance years; {number(full)} give the full rate, "
                     f"so {number(full)} are counted.", source)
    return counted


def check_qualifying_period(x, p) -> None:
    """The three years immediately before death cannot have been insured with fewer years in all."""
    needed = p("survivors.qualifying_insurance_years")
    if (x["deceased_insured_three_years"] and not x["death_from_occupational_injury"]
            and x["deceased_insurance_years"] < needed):
        raise InputError([{
            "field": "deceased_insurance_years",
            "message": f"You say the deceased was insured for the {number(needed)} years before death, "
                       f"so their insurance years must be at least {number(needed)}.",
        }])


def _qualifies(x, p, explain) -> bool:
    needed = number(p("survivors.qualifying_insurance_years"))
    if x["death_from_occupational_injury"]:
        explain.step(
            f"After a death from an occupational injury the {needed}-year qualifying period does not apply, "
            "and the pension is granted regardless of how long the marriage lasted.",
            OCCUPATIONAL,
        )
        return True
    if x["deceased_insured_three_years"]:
        explain.step(
            f"The deceased was insured and able to work for the {needed} years before death "
            f"(or had drawn a pension for {needed} years), as required.",
            ENTITLED,
        )
        return True
    explain.step(
        f"Not entitled: the deceased was not insured and able to work for the {needed} years immediately "
        f"before death, nor had drawn a pension for {needed} years. If the death was caused by an occupational "
        "injury, answer yes to that question (chapter VIII). A death grant (chapter VII) and social financial "
        "assistance (chapter XI) may still help.",
        ENTITLED,
    )
    return False


def _basic_pension(years, p, explain) -> Decimal:
    full = p.g_times("survivors.full_basic_pension")
    full_years = p("survivors.full_insurance_years")
    basic = full * years / full_years
    explain.step(
        f"Basic pension: the full basic pension, {p.g_words('survivors.full_basic_pension')} ({nok(full)}), "
        f"× {number(years)}/{number(full_years)} insurance years = {nok(basic)} a year.",
        COVERED,
    )
    return basic


def _supplementary_pension(x, p, explain) -> Decimal:
    share = p("survivors.supplementary_pension_share")
    supplementary = x["deceased_supplementary_pension"] * share
    explain.step(
        f"Supplementary pension: {percent(share)} of the deceased's supplementary pension of "
        f"{nok(x['deceased_supplementary_pension'])} = {nok(supplementary)} a year.",
        COVERED,
    )
    return supplementary


def _special_supplement(years, supplementary, p, explain) -> Decimal:
    # It tops up a missing or low supplementary pension, so the supplementary pension is set against it.
    full_years = p("survivors.full_insurance_years")
    full = p.g_times("survivors.special_supplement") * years / full_years
    special = max(full - supplementary, Decimal(0))
    explain.step(
        f"Special supplement, as for disability pensions: {p.g_words('survivors.special_supplement')} "
        f"× {number(years)}/{number(full_years)} insurance years = {nok(full)}, less the supplementary pension "
        f"of {nok(supplementary)} = {nok(special)} a year.",
        SPECIAL_SUPPLEMENT,
    )
    return special


def _income_reduction(x, p, explain) -> Decimal:
    exemption = p("survivors.income_exemption") * p.g
    rate = p("survivors.income_reduction_rate")
    excess = x["survivor_income"] - exemption
    if excess <= 0:
        explain.step(
            f"Your income of {nok(x['survivor_income'])} does not exceed {percent(p('survivors.income_exemption'))} "
            f"of the basic amount ({nok(exemption)}), so the pension is not reduced.",
            COVERED,
        )
        return Decimal(0)
    reduction = excess * rate
    explain.step(
        f"Income test: your income of {nok(x['survivor_income'])} exceeds {percent(p('survivors.income_exemption'))} "
        f"of the basic amount ({nok(exemption)}) by {nok(excess)}; {percent(rate)} of that, {nok(reduction)}, "
        "is deducted from the full pension.",
        COVERED,
    )
    return reduction


def formula_2013(x, p, explain):
    check_qualifying_period(x, p)
    if not _qualifies(x, p, explain):
        zero = Decimal(0)
        explain.answer("You are probably not entitled: the deceased was not insured for the 3 years before the death "
                       "(the guide's 2013 rules).")
        return dict(eligible=False, basic_pension=zero, supplementary_pension=zero, special_supplement=zero,
                    full_pension=zero, income_reduction=zero, annual_pension=zero)
    years = counted_insurance_years(x, p, explain)
    basic = _basic_pension(years, p, explain)
    supplementary = _supplementary_pension(x, p, explain)
    special = _special_supplement(years, supplementary, p, explain)
    full = basic + supplementary + special
    explain.step(f"Full pension: {nok(basic)} + {nok(supplementary)} + {nok(special)} = {nok(full)} a year.", COVERED)
    reduction = _income_reduction(x, p, explain)
    annual = max(full - reduction, Decimal(0))
    explain.step(f"Survivor's pension: {nok(full)} − {nok(reduction)} = {nok(annual)} a year"
                 f"{' (the deduction exceeds the full pension, so none is paid)' if reduction > full else ''}.",
                 COVERED)
    explain.answer(f"About {nok(annual)} a year before tax under the guide's 2013 rules. Deaths from 1 January 2024 "
                   "give the adjustment allowance instead.")
    return dict(eligible=True, basic_pension=basic, supplementary_pension=supplementary, special_supplement=special,
                full_pension=full, income_reduction=reduction, annual_pension=annual)


CALCULATOR = Calculator(
    id="survivors_pension",
    title="Survivor's pension (widow's or widower's)",
    chapter="VII",
    summary="The pension a year to a surviving spouse: basic pension, 55% of the deceased's supplementary "
            "pension, special supplement, less 40% of your income above half the basic amount.",
    inputs=(
        fields.money("deceased_supplementary_pension", "The deceased's supplementary pension a year", required=True,
                     example=120000,
                     help="The old-age or disability supplementary pension (tilleggspensjon) the deceased had, or had "
                          "earned the right to, a year: NAV's pension decision letter, or nav.no 'Din pensjon', shows "
                          "it. 0 if none."),
        fields.integer("deceased_insurance_years", "The deceased's insurance years", default=40, max=50,
                       unit="years",
                       help="Years the deceased was insured (resident) in Norway; 40 give a full basic pension. "
                            "For a deceased under 67, NAV also counts future years up to 66, as for an invalidity "
                            "pension."),
        fields.money("survivor_income", "Your expected income a year",
                     help="Your own annual income, before tax, now or as it may be expected to be."),
        fields.boolean("deceased_insured_three_years", "The deceased was insured for the 3 years before death",
                       default=True,
                       help="Insured and able to work for the three years immediately before death, or drawing a "
                            "pension for at least three years."),
        fields.boolean("death_from_occupational_injury", "The death was caused by an occupational injury or disease",
                       help="Recognised by NAV as an accident at work or occupational disease (chapter VIII)."),
    ),
    outputs=(
        Output("eligible", "Entitled to a survivor's pension", "boolean"),
        Output("basic_pension", "Basic pension", "NOK/year"),
        Output("supplementary_pension", "Supplementary pension (55% of the deceased's)", "NOK/year"),
        Output("special_supplement", "Special supplement", "NOK/year"),
        Output("full_pension", "Full pension before the income test", "NOK/year"),
        Output("income_reduction", "Deduction for your income", "NOK/year"),
        Output("annual_pension", "Survivor's pension a year", "NOK/year"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "This is the guide's 2013 pension. New survivors under 67 have not been granted it since 1 January 2024: "
        "the adjustment allowance (omstillingsstønad) replaced it (its calculator is at the top of this page). "
        "Those who already had it keep it under transitional rules; today's amounts are not computed here.",
        "The guide says the special supplement is granted 'as for disability pensions': the basic amount for a "
        "single pensioner, to those with no or a very low supplementary pension. We read that as NAV applies it "
        "(folketrygdloven § 3-3, beyond the guide): the supplement, reduced for short insurance like the basic "
        "pension, less the supplementary pension, never below 0.",
        "The income test deducts 40% of the excess from the whole pension, special supplement included; the "
        "pension is never below 0. Nothing is rounded: the guide gives no rounding.",
        "The calculator assumes you are under 67, insured, and meet the marriage conditions (married five years, "
        "or children with the deceased, or caring for the deceased's children; other rules for divorced spouses "
        "and cohabitants): it cannot check them. After an occupational injury the marriage conditions do not apply.",
        "A surviving spouse who is not entitled to this pension but temporarily cannot work may get a transitional "
        "benefit worked out the same way.",
    ),
)
