"""Disability benefit (uføretrygd), guide chapter V: the scheme that replaced the invalidity pension
(uførepensjon) on 1 January 2015. Today's rules only; the guide's 2013 scheme is invalidity_pension."""
from decimal import Decimal

from .. import fields
from ..conditions import reduced_by_at_least
from ..model import Calculator, Output
from ..money import WHOLE_KRONE, nok, number, percent, round_to
from ..units import MONTHS_A_YEAR, PERCENT

# Where the rules were read: NAV's decision-letter templates (navikt/pensjonsbrev), which state the rules
# NAV applies, and the sections of the National Insurance Act they name.
_LETTERS = "navikt/pensjonsbrev, pensjon/maler/src/main/kotlin/no/nav/pensjon/brev/maler/"
_ATTACHMENT = _LETTERS + "legacy/fraser/vedlegg/opplysningerbruktiberegningufoere/"
_INFO_2026 = "navikt/pensjonsbrev, ufoere/maler/src/main/kotlin/no/nav/pensjon/brev/ufore/maler/info/InfobrevLovendringer2026.kt"
ELIGIBLE = ("navikt/pensjonsbrev, ufoere/maler/src/main/kotlin/no/nav/pensjon/brev/ufore/maler/uforeavslag/"
            "UforeAvslagInntektsevne30.kt and " + _LETTERS + "fraser/ufoer/Innvilgelse.kt; folketrygdloven § 12-7")
OCCUPATIONAL = ("navikt/pensjonsbrev, ufoere/maler/src/main/kotlin/no/nav/pensjon/brev/ufore/maler/uforeavslag/"
                "UforeAvslagInntektsevne30.kt; folketrygdloven § 12-17")
BASIS = _ATTACHMENT + "beregning/SlikBeregnerViUfoeretrygden.kt; folketrygdloven § 12-11"
RATE = _ATTACHMENT + "beregning/SlikBeregnerViUfoeretrygden.kt; folketrygdloven § 12-13"
MINIMUM = _ATTACHMENT + "minsteytelse/ForDegSomHarRettTilMinsteytelse.kt; folketrygdloven § 12-13"
CONVERTED = _LETTERS + "fraser/ReverseringLavereMinstesats.kt; folketrygdloven § 12-13"
INSURANCE = _ATTACHMENT + "trygdetid/DetteErTrygdetidenDin.kt; folketrygdloven § 12-12"
IFU = _INFO_2026 + " and " + _LETTERS + "fraser/ufoer/Innvilgelse.kt; folketrygdloven § 12-9"
REDUCTION_PERCENT = (_ATTACHMENT + "kompensasjon/SlikHarViFastsattKompensasjonsgradenDin.kt and " + _INFO_2026
                     + "; folketrygdloven § 12-14")
ALLOWANCE = _LETTERS + "fraser/OktBunnfradrag.kt and " + _INFO_2026 + "; folketrygdloven § 12-14"
REDUCTION = (_ATTACHMENT + "kompensasjon/SlikBeregnerViReduksjonenAvUfoeretrygden.kt and " + _INFO_2026
             + "; folketrygdloven § 12-14")
CEILING = _LETTERS + "adhoc/AdhocInformasjonHvilendeRett4Aar.kt; folketrygdloven § 12-14"
CHILDREN = _LETTERS + "fraser/vedlegg/opplysningerbruktiberegningufoere/OpplysningerOmBarnetillegg.kt; folketrygdloven § 12-15"
CHILD_CEILING = _LETTERS + "fraser/ufoer/Innvilgelse.kt; folketrygdloven § 12-16"
CHILD_INCOME_TEST = (_LETTERS + "fraser/vedlegg/opplysningerbruktiberegningufoere/OpplysningerOmBarnetillegg.kt and "
                     + _LETTERS + "fraser/vedlegg/VedleggOpplysningerOmEtteroppgjoeret.kt; folketrygdloven § 12-16")

INCOME_YEARS = tuple(f"income_year_{n}" for n in range(1, 6))  # the year before the disability first


def _threshold(x) -> tuple[str, str, str]:
    """The least reduction that qualifies the reader: parameter, why it applies, source."""
    if x["occupational_injury"]:
        return ("disability.minimum_disability_occupational",
                "when an approved occupational injury or disease is the cause", OCCUPATIONAL)
    if x["on_work_assessment_allowance"]:
        return ("disability.minimum_disability_work_assessment",
                "when you were on work assessment allowance as you applied", ELIGIBLE)
    return "disability.minimum_disability", "as the main rule", ELIGIBLE


def _eligible(x, p, explain) -> bool:
    name, why, source = _threshold(x)
    return reduced_by_at_least("Earning ability", x["disability_percent"], p(name), explain, source, why)


def _calculation_basis(x, p, explain) -> Decimal:
    """The average of the best years of the five before the disability, each counted up to the cap."""
    cap = p.g_times("disability.maximum_income_per_year")
    best = int(p("disability.basis_best_years"))
    counted = sorted((min(x[name], cap) for name in INCOME_YEARS), reverse=True)
    basis = sum(counted[:best]) / best
    explain.step(
        f"Each of the five years counts up to {p.g_words('disability.maximum_income_per_year')} ({nok(cap)}). "
        f"The best {best} are {', '.join(nok(v) for v in counted[:best])}; their average, the calculation "
        f"basis, is {nok(basis)}.",
        BASIS,
    )
    return basis


def _minimum_rate(x, p) -> tuple[str, str, str]:
    """The parameter of the reader's minimum rate, who it is for, and its source."""
    married = x["married_or_cohabitant"]
    if x["young_disabled"]:
        name = "disability.minimum_rate_young_married" if married else "disability.minimum_rate_young_single"
        return name, "a young disabled person " + ("living with a partner" if married else "living alone"), MINIMUM
    if married and x["converted_from_disability_pension"]:
        return ("disability.minimum_rate_converted_married",
                "a person living with a partner whose invalidity pension was converted in 2015", CONVERTED)
    if married:
        return "disability.minimum_rate_married", "a person living with a spouse, partner or cohabitant", MINIMUM
    return "disability.minimum_rate_single", "a person living alone", MINIMUM


def _full_annual(basis, x, p, explain) -> tuple[Decimal, Decimal]:
    """Uføretrygd a year at 100%, after the insurance-years proration; and the share of full insurance."""
    rate = p("disability.benefit_rate")
    by_income = basis * rate
    name, who, source = _minimum_rate(x, p)
    minimum = p.g_times(name)
    at_full = max(by_income, minimum)
    explain.step(
        f"{percent(rate)} of the basis is {nok(by_income)}. The minimum for {who} is {p.g_words(name)} "
        f"({nok(minimum)}). You get the higher: {nok(at_full)} a year at 100%, with full insurance.",
        source if minimum > by_income else RATE,
    )
    full_years = p("disability.full_insurance_years")
    years = min(Decimal(x["insured_years"]), full_years)
    share = years / full_years
    full = at_full * share
    if share < 1:
        explain.step(
            f"With {number(years)} of {number(full_years)} years of insurance, it is reduced in proportion: "
            f"{nok(at_full)} × {number(years)}/{number(full_years)} = {nok(full)}.",
            INSURANCE,
        )
    else:
        explain.step(f"{number(years)} years of insurance: full insurance, no reduction.", INSURANCE)
    return full, share


def _income_before_disability(basis, x, p, explain) -> Decimal:
    young = x["young_disabled"]
    name = ("disability.minimum_income_before_disability_young" if young
            else "disability.minimum_income_before_disability")
    lowest = p.g_times(name)
    entered = x["income_before_disability"]
    given = entered if entered > 0 else basis
    used = max(given, lowest)
    where = (f"You entered {nok(entered)}." if entered > 0 else
             f"You entered none, so we use your calculation basis, {nok(basis)}; NAV sets it from the income you "
             "normally had in full work before the disability, and your decision letter shows it.")
    explain.step(
        f"Income before disability (IFU): {where} It is never set lower than {p.g_words(name)} "
        f"({nok(lowest)}{', for a young disabled person' if young else ''}). Used: {nok(used)}.",
        IFU,
    )
    return used


def _reduction_percent(full, ifu, p, explain) -> Decimal:
    ratio = full / ifu
    cap = p("disability.maximum_reduction_percent")
    used = min(ratio, cap)
    explain.step(
        f"Reduction percent: uføretrygd at 100%, {nok(full)}, divided by the income before disability, "
        f"{nok(ifu)}, is {number(ratio * PERCENT)}%"
        + (f"; since 2026 it may not be higher than {percent(cap)}, so {percent(cap)}." if ratio > cap else "."),
        REDUCTION_PERCENT,
    )
    return used


def _income_allowance(ifu, x, p, explain) -> Decimal:
    """The bunnfradrag: the income after disability a graded benefit leaves you, plus the free amount."""
    name = "disability.income_allowance_after_two_years" if x["two_years_on_benefit"] else "disability.income_allowance"
    free = p.g_times(name)
    grade = x["disability_percent"] / PERCENT
    after = ifu * (1 - grade)
    allowance = after + free
    free_words = (f"the free amount {p.g_words(name)} ({nok(free)}), "
                  + ("after two years on uføretrygd" if x["two_years_on_benefit"] else "in the first two years"))
    if after > 0:
        explain.step(
            f"Bunnfradrag (the income you may have before the benefit is reduced): the income left to you by a "
            f"{number(x['disability_percent'])}% degree, {nok(after)}, plus {free_words}: {nok(allowance)}.",
            ALLOWANCE,
        )
    else:
        explain.step(f"Bunnfradrag (the income you may have before the benefit is reduced): {free_words}.", ALLOWANCE)
    return allowance


def _paid(annual, ifu, allowance, reduction_percent, x, p, explain) -> tuple[Decimal, Decimal]:
    """The benefit paid for the year after the income reduction, and the income ceiling."""
    income = x["income_this_year"]
    share = p("disability.income_ceiling")
    ceiling = ifu * share
    if income > ceiling:
        explain.step(
            f"Your income this year, {nok(income)}, is more than {percent(share)} of your income before disability "
            f"({nok(ceiling)}): no uføretrygd is paid for the year. You keep the right to it.",
            CEILING,
        )
        return Decimal(0), ceiling
    over = max(income - allowance, Decimal(0))
    if over == 0:
        explain.step(f"Your income this year, {nok(income)}, is not above the bunnfradrag, {nok(allowance)}: "
                     f"no reduction. You get {nok(annual)} a year.", REDUCTION)
        return annual, ceiling
    reduction = over * reduction_percent
    paid = max(annual - reduction, Decimal(0))
    explain.step(
        f"Your income this year, {nok(income)}, is {nok(over)} above the bunnfradrag. The benefit is reduced by "
        f"{percent(reduction_percent)} of that, {nok(reduction)}: {nok(annual)} − {nok(reduction)} = {nok(paid)} "
        f"a year. (Up to {percent(share)} of your income before disability, {nok(ceiling)}; above it nothing is paid.)",
        REDUCTION,
    )
    return paid, ceiling


def _child_supplement(annual, paid, ifu, insurance_share, x, p, explain) -> Decimal:
    """Barnetillegg: 0.4 G a child, held within 95% of income before disability, then income tested."""
    children = x["children"]
    if children == 0:
        return Decimal(0)
    per_child = p.g_times("disability.child_supplement_per_child")
    full = per_child * children * insurance_share
    explain.step(
        f"Child supplement: {p.g_words('disability.child_supplement_per_child')} ({nok(per_child)}) for each of "
        f"{children} children under 18"
        + (f", reduced for short insurance as the benefit is" if insurance_share < 1 else "")
        + f": {nok(full)} a year before the income test.",
        CHILDREN,
    )
    limit_share = p("disability.child_supplement_ceiling")
    room = max(ifu * x["disability_percent"] / PERCENT * limit_share - annual, Decimal(0))
    if full > room:
        explain.step(
            f"Uføretrygd and child supplement together may not be more than {percent(limit_share)} of your income "
            f"before disability (at your degree): the supplement is held to {nok(room)}.",
            CHILD_CEILING,
        )
        full = room
    joint = x["children_live_with_both_parents"]
    first = ("disability.child_supplement_free_amount_joint" if joint
             else "disability.child_supplement_free_amount_own")
    extra = p.g_times("disability.child_supplement_free_amount_extra_child") * (children - 1)
    free = (p.g_times(first) + extra) * insurance_share
    income = paid + x["income_this_year"] + (x["partner_income"] if joint else Decimal(0))
    whose = ("your and the other parent's income" if joint else "your own income")
    rate = p("disability.child_supplement_reduction_rate")
    cut = max(income - free, Decimal(0)) * rate
    supplement = max(full - cut, Decimal(0))
    explain.step(
        f"Income test: {whose}, uføretrygd included, is {nok(income)}. The free amount is "
        f"{p.g_words(first)} for one child plus {p.g_words('disability.child_supplement_free_amount_extra_child')} "
        f"for each further child"
        + (", reduced for short insurance" if insurance_share < 1 else "")
        + f": {nok(free)}. The supplement is reduced by {percent(rate)} of income above it, {nok(cut)}: "
        f"{nok(supplement)} a year.",
        CHILD_INCOME_TEST,
    )
    return supplement


def _not_eligible(x, p, explain):
    explain.answer(
        f"You are probably not entitled to uføretrygd: your earning ability is reduced by "
        f"{number(x['disability_percent'])}%, less than the {percent(p(_threshold(x)[0]))} required."
    )
    explain.step(
        "No uføretrygd on these figures. While you are in treatment or work-related measures, look at the work "
        "assessment allowance (arbeidsavklaringspenger, chapter V).",
        ELIGIBLE,
    )
    zero = Decimal(0)
    return dict(eligible=False, annual_paid=zero, monthly_paid=zero, annual_benefit=zero, full_annual=zero,
                calculation_basis=zero, reduction_percent=zero, income_allowance=zero, income_ceiling=zero,
                income_before_disability_used=zero, child_supplement_annual=zero)


def formula_2026(x, p, explain):
    explain.note(
        "Left out, because it depends on facts only NAV holds: how NAV up-rates each past year's income to "
        "today's value (enter each year in today's kroner), the special rules after an occupational injury (income "
        "at the time of injury, 40 years of insurance), EEA and treaty calculations, the month-by-month proration "
        "of the bunnfradrag in the year you reach two years, and work in sheltered employment (varig tilrettelagt "
        "arbeid), where the bunnfradrag is 1 G. NAV's own rounding of yearly and monthly amounts is not applied."
    )
    if not _eligible(x, p, explain):
        return _not_eligible(x, p, explain)
    basis = _calculation_basis(x, p, explain)
    full, insurance_share = _full_annual(basis, x, p, explain)
    grade = x["disability_percent"] / PERCENT
    annual = full * grade
    explain.step(f"At your degree of disability, {number(x['disability_percent'])}%: {nok(annual)} a year "
                 f"before any income reduction.", MINIMUM)
    ifu = _income_before_disability(basis, x, p, explain)
    reduction_percent = _reduction_percent(full, ifu, p, explain)
    allowance = _income_allowance(ifu, x, p, explain)
    paid, ceiling = _paid(annual, ifu, allowance, reduction_percent, x, p, explain)
    children = _child_supplement(annual, paid, ifu, insurance_share, x, p, explain)
    monthly = paid / MONTHS_A_YEAR
    children_words = f" Child supplement: {nok(round_to(children, WHOLE_KRONE))} a year." if children > 0 else ""
    if paid > 0:
        explain.answer(f"About {nok(round_to(monthly, WHOLE_KRONE))} a month before tax "
                       f"({nok(round_to(paid, WHOLE_KRONE))} a year) in uføretrygd.{children_words}")
    elif x["income_this_year"] > ceiling:
        explain.answer(f"No uføretrygd is paid for this year: your income is above the ceiling of "
                       f"{percent(p('disability.income_ceiling'))} of your income before disability "
                       f"({nok(round_to(ceiling, WHOLE_KRONE))}).{children_words}")
    else:
        explain.answer(f"No uføretrygd to pay: with {x['insured_years']} years of insurance the benefit is NOK 0.")
    return dict(eligible=True, annual_paid=paid, monthly_paid=monthly, annual_benefit=annual, full_annual=full,
                calculation_basis=basis, reduction_percent=reduction_percent * PERCENT, income_allowance=allowance,
                income_ceiling=ceiling, income_before_disability_used=ifu, child_supplement_annual=children)


def _income_year(n: int, when: str) -> fields.Field:
    return fields.money(
        f"income_year_{n}", f"Pensionable income {when}",
        help="Pay and income from self-employment, before tax, raised to today's kroner with the growth of G. "
             "nav.no, Din pensjon, shows your pensionable income each year; a decision letter shows the raised "
             "figure as 'Inntekt justert med folketrygdens grunnbeløp'. 0 if you had none.",
    )


CALCULATOR = Calculator(
    id="disability_benefit",
    title="Disability benefit (uføretrygd)",
    chapter="V",
    summary="Today's disability benefit: the yearly amount from your best three of five years' income, the "
            "minimum rates, the reduction for income you earn, and the child supplement.",
    inputs=(
        _income_year(1, "in the last full year before you became disabled"),
        _income_year(2, "two years before"),
        _income_year(3, "three years before"),
        _income_year(4, "four years before"),
        _income_year(5, "five years before"),
        fields.boolean("married_or_cohabitant", "Living with a spouse, partner or cohabitant",
                       help="Married, a registered partner, or living together for at least 12 of the last 18 "
                            "months (or with a child together). This sets the minimum rate."),
        fields.boolean("converted_from_disability_pension", "Had invalidity pension on 31 December 2014",
                       help="You had the old invalidity pension (uførepensjon), which NAV changed into uføretrygd "
                            "on 1 January 2015. Your decision letter says so."),
        fields.boolean("young_disabled", "Young disabled (ung ufør)",
                       help="NAV has granted you the rights of a young disabled person: seriously and lastingly ill "
                            "before 26. The higher minimum applies from age 20."),
        fields.integer("insured_years", "Years of insurance (trygdetid)", default=40, max=40, unit="years",
                       help="Years you were a member of National Insurance from age 16, plus the years from the "
                            "disability up to the year you turn 66. 40 is full."),
        fields.percent("disability_percent", "Degree of disability (uføregrad)", default=100,
                       help="How much your earning ability is permanently reduced. At least 50% is needed; 40% if "
                            "you were on work assessment allowance; 30% after an occupational injury."),
        fields.boolean("occupational_injury", "Caused by an approved occupational injury or disease",
                       help="An injury at work or an occupational disease that NAV has approved."),
        fields.boolean("on_work_assessment_allowance", "On work assessment allowance when you applied",
                       help="You received arbeidsavklaringspenger (AAP) when you applied for uføretrygd."),
        fields.money("income_before_disability", "Income before disability (IFU)",
                     help="The income you normally had in full work before the disability, in today's kroner. "
                          "Your decision letter calls it 'inntekt før uførhet'. Leave 0 and we use your calculation "
                          "basis; it is never lower than 3.5 G (4.5 G for a young disabled person)."),
        fields.money("income_this_year", "Income from work this year",
                     help="Pay or income from self-employment you expect this year, before tax, beside the benefit."),
        fields.boolean("two_years_on_benefit", "Had uføretrygd for two years or more",
                       help="Two years or more with the same degree of disability; everyone granted uføretrygd "
                            "before 1 January 2024 counts for the whole of 2026."),
        fields.integer("children", "Children under 18 you support", max=20,
                       help="For the child supplement (barnetillegg)."),
        fields.boolean("children_live_with_both_parents", "The children live with you and their other parent",
                       help="Then both parents' income counts in the child supplement's income test."),
        fields.money("partner_income", "The other parent's income",
                     help="Only used when the children live with both parents: the other parent's income this year, "
                          "before tax, any pension or benefit included."),
    ),
    outputs=(
        Output("eligible", "Entitled to uføretrygd", "boolean"),
        Output("annual_paid", "Uføretrygd paid a year, after the income reduction", "NOK/year"),
        Output("monthly_paid", "Uføretrygd paid a month", "NOK/month"),
        Output("child_supplement_annual", "Child supplement a year", "NOK/year"),
        Output("annual_benefit", "Uføretrygd a year at your degree, before any income reduction", "NOK/year"),
        Output("full_annual", "Uføretrygd a year at 100%", "NOK/year"),
        Output("calculation_basis", "Calculation basis (best 3 of 5 years)", "NOK/year"),
        Output("income_before_disability_used", "Income before disability used", "NOK/year"),
        Output("reduction_percent", "Reduction percent", "percent"),
        Output("income_allowance", "Bunnfradrag: income you may have before a reduction", "NOK/year"),
        Output("income_ceiling", "Income ceiling: above it nothing is paid", "NOK/year"),
    ),
    formulas={"2026": formula_2026},
    notes=(
        "Figures are today's (G = NOK 136,549 from 1 May 2026), read in NAV's decision-letter templates "
        "(navikt/pensjonsbrev) and the sections of the National Insurance Act they name.",
        "Amounts are not rounded: NAV's rounding of yearly and monthly amounts is not in the letters we read.",
        "NAV also requires that you are between 18 and 67, were a member of National Insurance for the last five "
        "years before the disability (with exceptions), and have been through suitable treatment and work-related "
        "measures (navikt/pensjonsbrev, Innvilgelse.kt); this calculator cannot check that.",
        "The young disabled minimum applies from age 20; before that, the ordinary minimum applies.",
    ),
)
