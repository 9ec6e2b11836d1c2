"""Old-age pension under the new rules (alderspensjon etter kapittel 20: inntektspensjon and garantipensjon),
for people born in 1963 or later; the new-rules share for those born 1954-1962. Guide chapter VI, today's rules."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, number, percent, round_to
from ..units import MONTHS_A_YEAR, PERCENT

# Where the 2026 rules were read: NAV's letter templates (the texts of its decision letters), its pension
# simulator, and NAV's pages on how the pension is worked out.
_BREV = "navikt/pensjonsbrev, alder/maler/src/main/kotlin/no/nav/pensjon/brev/alder/maler/vedlegg/opplysningerbruktiberegningen/"
GUARANTEE = _BREV + "OpplysningerBruktIBeregningenGarantipensjon.kt; folketrygdloven § 20-9"
RATES = ("navikt/su-se-bakover, satser/src/main/kotlin/satser/domain/supplerendestønad/"
         "SatsFactoryForSupplerendeStønad.kt; folketrygdloven § 20-9")
INCOME_PENSION = _BREV + "OpplysningerBruktIBeregningenAlderAP2025.kt"
PAGE_1963 = ("https://www.nav.no/no/person/pensjon/alderspensjon/relatert-informasjon/beregning-av-alderspensjon/"
             "beregning-av-alderspensjon-fodt-1963-eller-senere")
INSURANCE = _BREV + "OpplysningerBruktIBeregningenAlderAP2025.kt; " + PAGE_1963
PAGE_1954 = ("https://www.nav.no/no/person/pensjon/alderspensjon/relatert-informasjon/beregning-av-alderspensjon/"
             "beregning-av-alderspensjon-fodt-1954-1962")
COHORTS = "navikt/pensjonssimulator, src/main/kotlin/no/nav/pensjon/simulator/alderspensjon/regel/RegelverkUtil.kt"
# NAV pays and shows the monthly pension in whole kroner (its simulator's 'maanedligUtbetaling').
MONTHLY = ("navikt/pensjonssimulator, end-to-end-test/src/main/resources/afp-etterfulgt-av-alder-response.json; "
           + PAGE_1963)
MINIMUM_YEARS = ("navikt/pensjonsbrev, alder/maler/src/main/kotlin/no/nav/pensjon/brev/alder/maler/avslag/uttak/"
                 "AvslagUnder5AartrygdetidAuto.kt; folketrygdloven § 20-10")

NOT_TRACED = ("NAV's table of life-expectancy divisors (delingstall) by year of birth and age could not be traced "
              "to a public source (NAV's simulator fetches it from an internal service), so this calculator uses "
              "the divisor you enter, as NAV shows it to you.")


def _pension_parts(x, p, explain, account, divisor, divisor_67, level):
    """Income pension and guarantee pension a year, each in whole kroner (None where a divisor is missing)."""
    step = p("old_age.pension_rounding")
    income = round_to(account / divisor, step)
    explain.step(f"Income pension: your pension account {nok(account)} / divisor {number(divisor)} = {nok(income)} "
                 f"a year.", INCOME_PENSION + "; " + PAGE_1963)
    if not divisor_67 and level:
        explain.step(f"Guarantee pension not worked out: it needs the divisor for your year of birth at "
                     f"{number(p('old_age.divisor_age'))}, as well as the one at {x['withdrawal_age']}.", GUARANTEE)
        return income, None
    if not level:
        return income, Decimal(0)
    share = p("guarantee_pension.income_pension_reduction")
    capital = level * divisor_67 - share * account
    guarantee = round_to(max(capital, Decimal(0)) / divisor, step)
    start = (f"Guarantee pension: {nok(level)} × divisor at {number(p('old_age.divisor_age'))} "
             f"{number(divisor_67)} = {nok(level * divisor_67)}")
    deduct = f"{percent(share)} of your pension account ({nok(share * account)})"
    if capital > 0:
        text = (f"{start}, minus {deduct} = {nok(capital)}; divided by the divisor at withdrawal "
                f"{number(divisor)}: {nok(guarantee)} a year.")
    else:
        text = f"{start}; {deduct} is at least that, so no guarantee pension is left."
    explain.step(text, GUARANTEE)
    return income, guarantee


def _guarantee_level(x, p, explain) -> Decimal:
    partner = x["partner_with_pension_or_high_income"]
    rate = p("guarantee_pension.ordinary_rate" if partner else "guarantee_pension.high_rate")
    limit = p.g_times("guarantee_pension.partner_income_limit")
    why = (f"ordinary rate, as your spouse, partner or cohabitant has a pension, disability benefit or AFP, or an "
           f"income above {p.g_words('guarantee_pension.partner_income_limit')} ({nok(limit)})" if partner else
           f"high rate, as you live alone or your partner has no pension and at most "
           f"{p.g_words('guarantee_pension.partner_income_limit')} ({nok(limit)})")
    explain.step(f"Guarantee pension rate: {nok(rate)} a year, the {why}.", RATES)
    least = p("guarantee_pension.minimum_insurance_years")
    if x["insured_years"] < least:
        explain.step(f"No guarantee pension: it needs at least {number(least)} years of insurance, and you have "
                     f"{x['insured_years']}. Only the income pension you have earned can be paid.", MINIMUM_YEARS)
        return Decimal(0)
    full = p("guarantee_pension.full_insurance_years")
    counted = min(Decimal(x["insured_years"]), full)
    level = rate * counted / full
    explain.step(f"{number(counted)} of {number(full)} years of insurance: {nok(rate)} × {number(counted)} / "
                 f"{number(full)} = {nok(level)}, the guarantee level.", INSURANCE)
    return level


def _new_rules_share(x, p, explain) -> Decimal:
    first_new = p("old_age.first_birth_year_new_rules")
    if x["birth_year"] >= first_new:
        explain.step(f"Born in {x['birth_year']}: your whole pension follows the new rules (born "
                     f"{int(first_new)} or later).", COHORTS + "; " + PAGE_1963)
        return Decimal(1)
    first_mixed = p("old_age.first_birth_year_mixed_rules")
    share = (x["birth_year"] - first_mixed + 1) * p("old_age.new_rules_share_per_birth_year")
    explain.step(f"Born in {x['birth_year']}: {percent(share)} of your pension follows the new rules and "
                 f"{percent(1 - share)} the old rules.", PAGE_1954)
    return share


def _old_rules_only(x, p, explain):
    first_mixed = p("old_age.first_birth_year_mixed_rules")
    explain.step(f"Born in {x['birth_year']}, before {int(first_mixed)}: your pension follows the old rules "
                 f"(basic pension, supplementary pension, minimum pension level), not these.", COHORTS)
    explain.answer(f"Born before {int(first_mixed)}, your pension follows the old rules: use the old-age "
                   f"pension (old rules) calculator.")
    zero = Decimal(0)
    return dict(annual_pension=zero, monthly_pension=zero, not_worked_out="old_rules", income_pension=zero,
                guarantee_pension=zero, guarantee_level=zero, new_rules_share=zero, eligible_new_rules=False)


def _mixed_total(x, p, explain, share, new_part):
    """Born 1954-1962: the new-rules pension weighted by its share, plus the old-rules share if given."""
    old = x["old_rules_pension"]
    if not old:
        explain.step(f"The other {percent(1 - share)} follows the old rules, which NAV works out from your pension "
                     f"points; enter that pension (worked out in full under the old rules) to add it.", PAGE_1954)
        return None
    total = share * new_part + (1 - share) * old
    explain.step(f"{percent(share)} × {nok(new_part)} (new rules) + {percent(1 - share)} × {nok(old)} (old rules) = "
                 f"{nok(total)} a year.", PAGE_1954)
    return round_to(total, p("old_age.pension_rounding"))


def _answer(x, p, explain, annual, level, share, weighted_new, income):
    step = p("old_age.pension_rounding")
    age = x["withdrawal_age"]
    if not level and not annual:
        least = p("guarantee_pension.minimum_insurance_years")
        if x["pension_account"] and not x["divisor"]:
            explain.answer(f"No guarantee pension with fewer than {number(least)} years of insurance; enter the "
                           f"divisor NAV shows you to get your income pension.")
        else:
            explain.answer(f"You are probably not entitled: a guarantee pension needs at least {number(least)} years "
                           f"of insurance, and you have no pension account to draw an income pension from.")
    elif annual is not None:
        explain.answer(f"About {nok(annual)} a year before tax ({nok(round_to(annual / MONTHS_A_YEAR, step))} a "
                       f"month), drawn in full from {age}.")
    elif weighted_new is not None:
        explain.answer(f"Your new-rules share ({percent(share)}): about {nok(weighted_new)} a year before tax from "
                       f"{age}; the old-rules share comes on top.")
    elif income is not None:
        explain.answer(f"Income pension about {nok(income)} a year before tax from {age}; enter the divisor at "
                       f"{number(p('old_age.divisor_age'))} to add any guarantee pension.")
    else:
        explain.answer(f"Enter the divisor NAV shows you to get your figure. Drawn in full at "
                       f"{number(p('old_age.divisor_age'))}, the pension is at least {nok(level)} a year before tax.")


def formula_2026(x, p, explain):
    if x["birth_year"] < p("old_age.first_birth_year_mixed_rules"):
        return _old_rules_only(x, p, explain)
    share = _new_rules_share(x, p, explain)
    level = _guarantee_level(x, p, explain)
    account, divisor = x["pension_account"], x["divisor"]
    age_67 = Decimal(x["withdrawal_age"]) == p("old_age.divisor_age")
    divisor_67 = divisor if age_67 else x["divisor_at_67"]
    explain.note(NOT_TRACED)
    income = guarantee = annual = weighted_new = None
    if divisor:
        income, guarantee = _pension_parts(x, p, explain, account, divisor, divisor_67, level)
        if guarantee is not None:
            new_part = income + guarantee
            weighted_new = round_to(share * new_part, p("old_age.pension_rounding"))
            annual = new_part if share == 1 else _mixed_total(x, p, explain, share, new_part)
            if annual is not None:
                monthly = round_to(annual / MONTHS_A_YEAR, p("old_age.pension_rounding"))
                explain.step(f"Old-age pension: {nok(annual)} a year, {nok(monthly)} a month in whole kroner, "
                             f"before tax.", INCOME_PENSION + "; " + MONTHLY)
    elif level:
        explain.step(f"No divisor entered, and NAV's table could not be traced: the income pension is not worked "
                     f"out. Drawn in full at {number(p('old_age.divisor_age'))}, income pension and guarantee "
                     f"pension together are at least the guarantee level, {nok(level)} a year.", GUARANTEE)
    else:
        explain.step("No divisor entered, and NAV's table could not be traced: the income pension is not worked "
                     "out.", INCOME_PENSION + "; " + PAGE_1963)
    if share != 1:
        explain.note("Born 1954-1962: the guarantee pension and the old rules' minimum pension level are each "
                     "weighted by their share here; NAV may add a guarantee supplement (garantitillegg) on top, "
                     "which this calculator does not work out.")
    _answer(x, p, explain, annual, level, share, weighted_new, income)
    # A part that could not be worked out is shown as 0 and named in not_worked_out, next to the result.
    nothing_to_draw = not level and not account
    missing = ("nothing" if nothing_to_draw else "divisor" if income is None
               else "divisor_at_67" if guarantee is None else "old_rules_pension" if annual is None else "nothing")
    zero = Decimal(0)
    annual = zero if annual is None else annual
    monthly = round_to(annual / MONTHS_A_YEAR, p("old_age.pension_rounding"))
    return dict(annual_pension=annual, monthly_pension=monthly, not_worked_out=missing,
                income_pension=zero if income is None else income,
                guarantee_pension=zero if guarantee is None else guarantee, guarantee_level=level,
                new_rules_share=share * PERCENT, eligible_new_rules=True)


CALCULATOR = Calculator(
    id="old_age_pension_new_rules",
    title="Old-age pension (new rules, born 1963 or later)",
    chapter="VI",
    summary="Your income pension and guarantee pension under today's rules, from the pension account nav.no shows "
            "you, and the new-rules share for people born 1954-1962.",
    inputs=(
        fields.money("pension_account", "Your pension account (pensjonsbeholdning)", required=True, example=3040800,
                     help="The amount nav.no shows you: log in, go to 'Din pensjon' and look for "
                          "'pensjonsbeholdning'. It is the sum of all pension you have built up."),
        fields.integer("insured_years", "Years of insurance (trygdetid) between 16 and 66", default=40, max=50,
                       unit="years",
                       help="Years you lived or worked in Norway from 16 to the year you turn 66. 40 years give "
                            "the full guarantee pension; more do not count. Fewer than 5 give no guarantee pension."),
        fields.boolean("partner_with_pension_or_high_income",
                       "Your spouse, partner or cohabitant has a pension or income above 2 G",
                       help="Yes if your spouse, registered partner or cohabitant gets an old-age pension, "
                            "disability benefit or AFP, or earns more than 2 times the basic amount "
                            "(NOK 273,098 in 2026). No if you live alone."),
        fields.integer("birth_year", "Year of birth", default=1963, min=1943, max=2010, unit="",
                       help="The new rules apply in full from 1963. Born 1954-1962: part of the pension follows "
                            "the new rules."),
        fields.integer("withdrawal_age", "Age when you start drawing", default=67, min=62, max=75, unit="years",
                       help="From 62 to 75. The later you start, the higher the pension each year."),
        fields.number("divisor", "Life-expectancy divisor (delingstall) at that age", default=0, max=30,
                      help="NAV's figure for your year of birth and age, e.g. 16.30. Your decision letter shows "
                           "it ('delingstall ved uttak'), and NAV's pension calculator on nav.no ('Din pensjon') "
                           "uses it. 0 if you do not know it."),
        fields.number("divisor_at_67", "Divisor at 67 (only if you start before or after 67)", default=0, max=30,
                      help="The guarantee pension is first worked out with the divisor for your year of birth at "
                           "67. Leave 0 if you start at 67."),
        fields.money("old_rules_pension", "Born 1954-1962: your pension under the old rules",
                     help="Only if you were born 1954-1962: the pension worked out in full under the old rules "
                          "(basic and supplementary pension), as NAV's letter shows it. Leave 0 otherwise."),
    ),
    outputs=(
        Output("annual_pension", "Old-age pension a year", "NOK/year"),
        Output("monthly_pension", "Old-age pension a month", "NOK/month"),
        Output("not_worked_out", "Not worked out (shown as NOK 0)", "text", texts={
            "nothing": "Nothing: every part is worked out",
            "divisor": "The pension: enter the divisor NAV shows you (NAV's table is not public)",
            "divisor_at_67": "The guarantee pension: enter the divisor at 67",
            "old_rules_pension": "The total: enter your old-rules pension (born 1954-1962)",
            "old_rules": "Everything: born before 1954, the old rules apply",
        }),
        Output("income_pension", "Income pension (inntektspensjon)", "NOK/year"),
        Output("guarantee_pension", "Guarantee pension (garantipensjon)", "NOK/year"),
        Output("guarantee_level", "Guarantee level: the least you get, drawn in full at 67", "NOK/year"),
        Output("new_rules_share", "Share of your pension under the new rules", "percent"),
        Output("eligible_new_rules", "Your pension follows the new rules, fully or in part", "boolean"),
    ),
    formulas={"2026": formula_2026},
    notes=(
        "The pension is drawn in full (100%). NAV also allows 20, 40, 50, 60 or 80%; not worked out here.",
        "The life-expectancy divisor is the one you enter: NAV's table could not be traced to a public source.",
        "Drawing before 67 needs a pension account large enough for a pension at 67 of at least the guarantee "
        "level; NAV checks it and this calculator does not.",
        "Pensions in payment are adjusted each 1 May; this is the pension at today's rates.",
        "Born 1953 or earlier: use the old-age pension (old rules) calculator.",
        "The guarantee pension needs at least 5 years of insurance (NAV's letter AvslagUnder5AartrygdetidAuto, "
        "folketrygdloven § 20-10). Refugees who are members of the scheme get the full guarantee pension whatever "
        "their years of insurance (NAV's page https://www.nav.no/no/person/pensjon/nynorsk/garantipensjon_2); not "
        "worked out here.",
    ),
)
