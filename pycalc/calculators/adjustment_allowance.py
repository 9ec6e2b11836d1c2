"""Adjustment allowance (omstillingsstønad), guide chapter VII: the survivor's benefit for deaths from 1 January
2024, which replaced the survivor's pension for new survivors under 67. Not in the guide (2013): rule set 2026 only."""
from decimal import ROUND_FLOOR, Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, number, percent, round_to

# Where the rules were read: NAV's code for survivors' benefits, its letter templates, and the sections they name.
_ETT = "NAV, navikt/pensjon-etterlatte-saksbehandling, "
_BREV = "NAV letter template, navikt/pensjonsbrev, etterlattemaler/"
RATE = _ETT + "apps/etterlatte-beregning/.../omstillingstoenad/sats/OmstillingsstoenadSats.kt; folketrygdloven § 17-6"
INSURANCE = (_ETT + "apps/etterlatte-beregning/.../omstillingstoenad/trygdetidsfaktor/Trygdetidsfaktor.kt; "
             "folketrygdloven § 17-6")
OCCUPATIONAL = (_ETT + "apps/etterlatte-behandling/.../vilkaarsvurdering/vilkaar/OmstillingstoenadVilkaar.kt; "
                "folketrygdloven § 17-12")
INCOME = (_ETT + "apps/etterlatte-beregning/.../avkorting/regler/InntektInnvilgetPeriode.kt and InntektAvkorting.kt; "
          "folketrygdloven § 17-9")
PAID = _ETT + "apps/etterlatte-beregning/.../avkorting/regler/AvkortetYtelse.kt; folketrygdloven § 17-9"
DURATION = _BREV + "fraser/omstillingsstoenad/OmstillingsstoenadFellesFraser.kt; folketrygdloven § 17-5"
NO_TIME_LIMIT = (_ETT + "apps/etterlatte-behandling/.../vilkaarsvurdering/vilkaar/OmstillingstoenadVilkaar.kt; "
                 "folketrygdloven § 17-5")
CONDITIONS = (_ETT + "apps/etterlatte-behandling/.../vilkaarsvurdering/vilkaar/OmstillingstoenadVilkaar.kt; "
              "folketrygdloven § 17-4")
ACTIVITY = _BREV + "omstillingsstoenad/informasjon/OmstillingsstoenadInformasjonDoedsfall.kt; folketrygdloven § 17-7"


def _floor_to(amount: Decimal, step: Decimal) -> Decimal:
    """Round DOWN to a multiple of ``step`` (NAV rounds the income down to whole thousands)."""
    return (amount / step).to_integral_value(rounding=ROUND_FLOOR) * step


def _monthly_full(x, p, explain) -> Decimal:
    months = p("survivors.months_in_year")
    full_years = p("survivors.full_insurance_years")
    annual = p.g_times("adjustment_allowance.rate")
    rate = annual / months
    explain.step(
        f"Full adjustment allowance: {p.g_words('adjustment_allowance.rate')} a year ({nok(annual)} with G = "
        f"{nok(p.g)}), which is {nok(rate)} a month.",
        RATE,
    )
    if x["death_from_occupational_injury"]:
        years = full_years
        explain.step(
            "The death was caused by an approved occupational injury or disease, so the allowance is not reduced "
            "for the deceased's short insurance, and the conditions on earlier membership and on the length of the "
            "marriage do not apply.",
            OCCUPATIONAL,
        )
    else:
        years = min(Decimal(x["deceased_insured_years"]), full_years)
    unrounded = rate * years / full_years
    monthly = round_to(unrounded, p("survivors.monthly_rounding"))
    if years == full_years:
        explain.step(f"With {number(full_years)} insurance years or more the allowance is in full: "
                     f"{nok(monthly)} a month, rounded to whole kroner.", INSURANCE)
    else:
        explain.step(
            f"The deceased had {number(years)} insurance years, and {number(full_years)} give the full allowance: "
            f"{nok(rate)} × {number(years)}/{number(full_years)} = {nok(unrounded)}, rounded to {nok(monthly)} a month.",
            INSURANCE,
        )
    return monthly


def _monthly_reduction(x, p, explain) -> Decimal:
    months = x["months"]
    before = min(x["income_before_start"], x["expected_income"])
    in_period = x["expected_income"] - before
    step = p("adjustment_allowance.income_rounding")
    counted = _floor_to(in_period, step)
    if before:
        explain.step(
            f"Income earned this year before the allowance starts, {nok(before)}, is taken off your expected income "
            f"of {nok(x['expected_income'])}: {nok(in_period)} is earned in the months the allowance is paid.",
            INCOME,
        )
    monthly_income = counted / months
    exemption = p.g_times("adjustment_allowance.income_exemption") / p("survivors.months_in_year")
    rate = p("adjustment_allowance.reduction_rate")
    excess = max(monthly_income - exemption, Decimal(0))
    reduction = round_to(excess * rate, p("survivors.monthly_rounding"))
    explain.step(
        f"NAV rounds the income down to whole thousands ({nok(in_period)} → {nok(counted)}) and spreads it over the "
        f"{months} {'month' if months == 1 else 'months'} the allowance is paid: {nok(monthly_income)} a month.",
        INCOME,
    )
    if not excess:
        explain.step(
            f"That is not more than {p.g_words('adjustment_allowance.income_exemption')} a year spread over "
            f"{number(p('survivors.months_in_year'))} months ({nok(exemption)} a month), so your income does not "
            "reduce the allowance.",
            INCOME,
        )
    else:
        explain.step(
            f"It is {nok(excess)} more than {p.g_words('adjustment_allowance.income_exemption')} a year spread over "
            f"{number(p('survivors.months_in_year'))} months ({nok(exemption)} a month); {percent(rate)} of that, "
            f"rounded to whole kroner, is taken off: {nok(reduction)} a month.",
            INCOME,
        )
    return reduction


def _time_limit(p, explain) -> None:
    normal = number(p("adjustment_allowance.normal_duration"))
    explain.step(
        f"How long: normally until {normal} years after the death, as long as you meet the conditions, and never "
        f"after you turn {number(p('adjustment_allowance.end_age'))}. It can be extended by up to "
        f"{number(p('adjustment_allowance.education_extension'))} years while you take education that is necessary "
        "for you to support yourself.",
        DURATION,
    )
    explain.step(
        f"Exception: if you were born in {int(p('adjustment_allowance.no_time_limit_born_by'))} or earlier, you can "
        f"keep it until {number(p('adjustment_allowance.end_age'))} when your income from work in the five years "
        f"before the death averaged no more than {p.g_words('adjustment_allowance.no_time_limit_average_income')} a "
        f"year ({nok(p.g_times('adjustment_allowance.no_time_limit_average_income'))} in today's G), and was no more "
        f"than {p.g_words('adjustment_allowance.no_time_limit_recent_income')} "
        f"({nok(p.g_times('adjustment_allowance.no_time_limit_recent_income'))}) in each of the last two years. "
        "NAV checks this against your income in those years.",
        NO_TIME_LIMIT,
    )
    explain.step(
        f"After {number(p('adjustment_allowance.activity_from_months'))} months you must, as a rule, work or take part "
        f"in another activity; after "
        f"{number(p('adjustment_allowance.activity_months'))} months in a row without it, the allowance is as a rule "
        "stopped.",
        ACTIVITY,
    )


def formula_2026(x, p, explain):
    explain.step(
        f"Conditions this calculator assumes: the person who died was a member of National Insurance for the "
        f"{number(p('adjustment_allowance.membership_years_before_death'))} years before the death (or drew a pension "
        f"or disability benefit); you were married for at least {number(p('adjustment_allowance.marriage_years'))} "
        "years, or have or had a child with them, or care for a child under 18 at least half of full time; "
        "a cohabitant may count as a spouse (folketrygdloven § 1-5). You are under "
        f"{number(p('adjustment_allowance.end_age'))} and have not married again.",
        CONDITIONS,
    )
    full = _monthly_full(x, p, explain)
    reduction = _monthly_reduction(x, p, explain)
    paid = min(max(full - reduction, Decimal(0)), full)
    annual = paid * x["months"]
    explain.step(
        f"Paid a month: {nok(full)} − {nok(reduction)} = {nok(paid)}"
        f"{' (the reduction is larger than the allowance, so nothing is paid)' if reduction > full else ''}; "
        f"over {x['months']} {'month' if x['months'] == 1 else 'months'} {nok(annual)}.",
        PAID,
    )
    _time_limit(p, explain)
    explain.note("The figures use G = NOK 136,549 (from 1 May 2026) for the whole year. NAV uses the G of each month, "
                 "and after the year settles the allowance against your real income (etteroppgjør).")
    years = number(p("adjustment_allowance.normal_duration"))
    if paid:
        explain.answer(f"About {nok(paid)} a month before tax ({nok(annual)} over {x['months']} "
                       f"{'month' if x['months'] == 1 else 'months'}), normally for up to {years} years after the death.")
    else:
        explain.answer(f"Probably nothing paid: your expected income reduces the allowance of {nok(full)} a month "
                       "to nothing.")
    return dict(monthly_paid=paid, annual_paid=annual, monthly_full=full, monthly_reduction=reduction)


CALCULATOR = Calculator(
    id="adjustment_allowance",
    title="Adjustment allowance (omstillingsstønad)",
    chapter="VII",
    summary="The monthly allowance for a surviving spouse or partner after a death from 1 January 2024: 2.25 G a "
            "year, reduced for the deceased's short insurance and by 45% of your income above half of G.",
    inputs=(
        fields.money("expected_income", "Your expected income this year",
                     help="Your income from work (wages, self-employment) for the whole calendar year, before tax. "
                          "0 if none."),
        fields.integer("months", "Months of this year the allowance is paid", default=12, min=1, max=12,
                       unit="months",
                       help="12 for a whole year; fewer in the year it starts or ends (NAV's decision letter "
                            "gives the months)."),
        fields.money("income_before_start", "Income this year before the allowance starts",
                     help="Only in the year it starts: what you earned this year before the first month of the "
                          "allowance. It is taken off your expected income. 0 if the allowance runs all year."),
        fields.integer("deceased_insured_years", "The deceased's insurance years", default=40, max=50, unit="years",
                       help="Years the person who died was a member of National Insurance after 16 (trygdetid). For "
                            "a person who died before 67, NAV usually adds future years up to the year they would "
                            "have turned 66. 40 give the full allowance. NAV's decision letter shows the figure."),
        fields.boolean("death_from_occupational_injury", "The death was caused by an occupational injury or disease",
                       help="Approved by NAV as an accident at work or occupational disease (chapter VIII). Then "
                            "short insurance does not reduce the allowance."),
    ),
    outputs=(
        Output("monthly_paid", "Adjustment allowance paid a month", "NOK/month"),
        Output("annual_paid", "Paid in the months of this year", "NOK/year"),
        Output("monthly_full", "Full allowance a month, before your income", "NOK/month"),
        Output("monthly_reduction", "Reduction for your income, a month", "NOK/month"),
    ),
    formulas={"2026": formula_2026},
    notes=(
        "For deaths from 1 January 2024. Survivors who already had a survivor's pension (gjenlevendepensjon) keep it "
        "under transitional rules; its calculator is under 'What the guide said in 2013'.",
        "Income means income from work or similar income, as NAV's letters put it. NAV works with the expected "
        "income you report and settles the year afterwards against your real income.",
        "The calculator does not check the conditions on membership, marriage, age and activity: it lists them.",
    ),
)
