"""Work assessment allowance (arbeidsavklaringspenger), guide chapter V."""
from decimal import Decimal

from .. import fields
from ..conditions import reduced_by_at_least
from ..model import Calculator, Output
from ..money import WHOLE_KRONE, nok, percent, round_to
from ..units import MONTHS_A_YEAR
from ..income_basis import best_income_basis, income_year_fields
from ..sources import guide

ENTITLED = guide("V", "When are you entitled to invalidity benefits?")
COVERED = guide("V", "What is covered?")

_AAP = "navikt/aap-behandlingsflyt, behandlingsflyt/src/main/kotlin/no/nav/aap/behandlingsflyt/"
AGE_2026 = _AAP + "behandling/vilkår/alder/Aldersvilkåret.kt; folketrygdloven § 11-4"
DAILY_2026 = (_AAP + "behandling/tilkjentytelse/BeregnTilkjentYtelseService.kt (beregnDagsatsTidslinje, redusertDagsats) "
              "and navikt/aap-kelvin-komponenter, verdityper/src/main/kotlin/no/nav/aap/komponenter/verdityper/GUnit.kt "
              "and Beløp.kt; folketrygdloven § 11-20")
CAPACITY_2026 = _AAP + "faktagrunnlag/saksbehandler/sykdom/SykdomsVurderinger.kt; folketrygdloven § 11-5"
BASIS_2026 = _AAP + "behandling/beregning/GrunnlagetForBeregningen.kt; folketrygdloven § 11-19"
AMOUNT_2026 = (_AAP + "behandling/tilkjentytelse/BeregnTilkjentYtelseService.kt, MinsteÅrligYtelse.kt and "
               "aldersjusteringAvMinstesats.kt; folketrygdloven § 11-20")
CHILDREN_2026 = _AAP + "behandling/tilkjentytelse/BarnetilleggsatsTidslinje.kt; folketrygdloven § 11-20"

NOT_ENTITLED = dict(eligible=False, calculation_basis=Decimal(0), annual_amount=Decimal(0),
                    child_supplement_annual=Decimal(0), total_annual=Decimal(0), daily_rate=Decimal(0),
                    months_left=0)


def _not_entitled(x, p, explain, age_ok: bool, source) -> dict:
    why = (f"the allowance is for ages {p('work_assessment.minimum_age')} to {p('work_assessment.age_limit')}, "
           f"and you are {x['age']}"
           if not age_ok else
           f"your working capacity must be reduced by at least {percent(p('work_assessment.minimum_capacity_reduction'))}")
    explain.answer(f"You are probably not entitled: {why}.")
    return NOT_ENTITLED


def _age_ok_2013(x, p) -> bool:
    return p("work_assessment.minimum_age") <= x["age"] < p("work_assessment.age_limit")


def _age_ok_2026(x, p) -> bool:
    """From 18 to the end of the month you turn 67: at 67, only in the month of the birthday."""
    limit = p("work_assessment.age_limit")
    return p("work_assessment.minimum_age") <= x["age"] and (
        x["age"] < limit or (x["age"] == limit and x["age_months"] == 0))


def _qualifies(x, p, explain, age_source=ENTITLED, capacity_source=ENTITLED) -> tuple[bool, bool]:
    """(age condition met, all conditions met)."""
    youngest, limit = p("work_assessment.minimum_age"), p("work_assessment.age_limit")
    if age_source == ENTITLED:
        age_ok = _age_ok_2013(x, p)
        explain.step(
            f"Age {x['age']}: {'within' if age_ok else 'outside'} the ages {youngest} to {limit} "
            f"(the allowance stops at {limit}).",
            age_source,
        )
    else:
        age_ok = _age_ok_2026(x, p)
        months = x["age_months"]
        explain.step(
            f"Age {x['age']} years and {months} months: {'within' if age_ok else 'outside'} the ages: from "
            f"{youngest} until the end of the calendar month you turn {limit}.",
            age_source,
        )
    reduction_ok = reduced_by_at_least("Working capacity", x["work_capacity_reduction_percent"],
                                       p("work_assessment.minimum_capacity_reduction"), explain, capacity_source)
    return age_ok, age_ok and reduction_ok


def _months_left(x, p, explain, source, month_of_birthday_counts: bool) -> int:
    """Months until the age limit: to the 67th birthday (2013), or to the end of its month (2026)."""
    limit = p("work_assessment.age_limit")
    to_birthday = (limit - x["age"]) * MONTHS_A_YEAR - x["age_months"]
    if month_of_birthday_counts:
        left = to_birthday + 1
        explain.step(f"You turn {limit} in {to_birthday} months; the allowance can run at most until the end of "
                     f"that month: {left} months counting this one (other time limits not included).", source)
        return left
    explain.step(f"You turn {limit} in {to_birthday} months; the allowance stops then.", source)
    return to_birthday


def _annual_amount(basis, p, explain) -> Decimal:
    rate = p("work_assessment.rate")
    from_income = basis * rate
    minimum = p.g_times("work_assessment.minimum_annual")
    explain.step(f"{percent(rate)} of {nok(basis)} = {nok(from_income)} a year.", COVERED)
    if from_income < minimum:
        explain.step(
            f"That is below the minimum of {p.g_words('work_assessment.minimum_annual')} ({nok(minimum)}), "
            f"so the allowance is {nok(minimum)} a year.",
            COVERED,
        )
        return minimum
    explain.step(
        f"That is not below the minimum of {p.g_words('work_assessment.minimum_annual')} ({nok(minimum)}).",
        COVERED,
    )
    return from_income


def _child_supplement(x, p, explain) -> Decimal:
    per_day = p("work_assessment.child_supplement_per_day")
    days = p("work_assessment.paid_days_per_week") * p("work_assessment.weeks_per_year")
    supplement = x["children"] * per_day * days
    explain.step(
        f"Child supplement: {x['children']} × {nok(per_day)} a day × {days} days a year "
        f"({p('work_assessment.paid_days_per_week')} days a week) = {nok(supplement)} a year.",
        COVERED,
    )
    return supplement


def formula_2013(x, p, explain):
    age_ok, entitled = _qualifies(x, p, explain)
    if not entitled:
        _not_entitled(x, p, explain, age_ok, ENTITLED)
        explain.step(
            "Not entitled to work assessment allowance. If you are still within the sickness benefit period, "
            "look at sickness benefit (chapter III); if the reduction is permanent, the invalidity pension "
            "(chapter V); otherwise social financial assistance (chapter XI).",
            ENTITLED,
        )
        return NOT_ENTITLED
    basis = best_income_basis(x, p, explain, COVERED, cap="work_assessment.maximum_basis")
    annual = _annual_amount(basis, p, explain)
    supplement = _child_supplement(x, p, explain)
    total = annual + supplement
    days = p("work_assessment.paid_days_per_week") * p("work_assessment.weeks_per_year")
    explain.step(f"In all {nok(total)} a year, {nok(total / days)} a day over {days} days.", COVERED)
    months = _months_left(x, p, explain, ENTITLED, month_of_birthday_counts=False)
    explain.answer(f"About {nok(round_to(total / MONTHS_A_YEAR, WHOLE_KRONE))} a month before tax "
                   f"({nok(round_to(total, WHOLE_KRONE))} a year).")
    return dict(eligible=True, calculation_basis=basis, annual_amount=annual,
                child_supplement_annual=supplement, total_annual=total, daily_rate=total / days,
                months_left=months)


def _minimum_2026(x, p, explain) -> Decimal:
    ordinary = p.g_times("work_assessment.minimum_annual")
    young = p("work_assessment.young_age_limit")
    if x["age"] >= young:
        explain.step(f"The minimum is {p.g_words('work_assessment.minimum_annual')} = {nok(ordinary)} a year "
                     f"(G = {nok(p.g)}).", AMOUNT_2026)
        return ordinary
    numerator = p("work_assessment.young_minimum_numerator")
    denominator = p("work_assessment.young_minimum_denominator")
    minimum = ordinary * numerator / denominator
    explain.step(f"Under {young}, the minimum is {numerator}/{denominator} of "
                 f"{p.g_words('work_assessment.minimum_annual')} ({nok(ordinary)}) = {nok(minimum)} a year.",
                 AMOUNT_2026)
    return minimum


def _annual_amount_2026(basis, x, p, explain) -> Decimal:
    rate = p("work_assessment.rate")
    from_income = basis * rate
    explain.step(f"{percent(rate)} of {nok(basis)} = {nok(from_income)} a year.", AMOUNT_2026)
    minimum = _minimum_2026(x, p, explain)
    if from_income < minimum:
        explain.step(f"That is below the minimum, so the allowance is {nok(minimum)} a year.", AMOUNT_2026)
        return minimum
    explain.step("That is not below the minimum.", AMOUNT_2026)
    return from_income


def _child_supplement_2026(x, p, explain) -> Decimal:
    per_day, days = p("work_assessment.child_supplement_per_day"), p("work_assessment.paid_days_per_year")
    supplement = x["children"] * per_day * days
    explain.step(f"Child supplement: {x['children']} × {nok(per_day)} a day × {days} days a year "
                 f"= {nok(supplement)} a year.", CHILDREN_2026)
    return supplement


def _daily_rate_2026(basis, x, p, explain) -> Decimal:
    """The daily rate as NAV reckons it: in multiples of G to 10 decimals, then kroner to the øre, then whole kroner."""
    step, øre = p("work_assessment.g_unit_step"), p("work_assessment.amount_step")
    days, per_day = p("work_assessment.paid_days_per_year"), p("work_assessment.child_supplement_per_day")
    from_income = round_to(round_to(basis / p.g, step) * p("work_assessment.rate"), step)
    minimum = p("work_assessment.minimum_annual")
    if x["age"] < p("work_assessment.young_age_limit"):
        minimum = round_to(round_to(minimum * p("work_assessment.young_minimum_numerator"), step)
                           / p("work_assessment.young_minimum_denominator"), step)
    yearly = max(from_income, minimum)
    daily_g = round_to(yearly / days, step)
    daily_kr = round_to(daily_g * p.g, øre)
    supplement = x["children"] * per_day
    daily = round_to(daily_kr + supplement, p("work_assessment.rounding"))
    explain.step(f"Paid by the day: NAV works the yearly amount out in multiples of G, {yearly.normalize():f} G, "
                 f"over {days} days is {daily_g.normalize():f} G a day, times G ({nok(p.g)}) = {nok(daily_kr)}; "
                 f"plus {x['children']} × {nok(per_day)} = {nok(daily_kr + supplement)}, rounded to {nok(daily)} "
                 "a day.", DAILY_2026)
    return daily


def formula_2026(x, p, explain):
    explain.note("2026 rules: NAV turns each year's income into multiples of that year's average basic amount "
                 "before the 6 G cap and the average, then back into kroner with today's basic amount; this "
                 "calculator takes the incomes as given in today's kroner. The daily rate is the yearly amount "
                 "over 260 days.")
    explain.note("2026 rules: the age condition lasts until the end of the calendar month you turn 67; at 67 you "
                 "are entitled only if your birthday is in this month (0 months since your birthday).")
    age_ok, entitled = _qualifies(x, p, explain, AGE_2026, CAPACITY_2026)
    if not entitled:
        _not_entitled(x, p, explain, age_ok, AGE_2026)
        explain.step(
            "Not entitled to work assessment allowance. If you are still within the sickness benefit period, "
            "look at sickness benefit (chapter III); if the reduction is permanent, the disability benefit "
            "(uføretrygd); otherwise social financial assistance (chapter XI).",
            AGE_2026,
        )
        return NOT_ENTITLED
    basis = best_income_basis(x, p, explain, BASIS_2026, cap="work_assessment.maximum_basis")
    annual = _annual_amount_2026(basis, x, p, explain)
    supplement = _child_supplement_2026(x, p, explain)
    total = annual + supplement
    explain.step(f"In all {nok(total)} a year.", AMOUNT_2026)
    days = p("work_assessment.paid_days_per_year")
    daily = _daily_rate_2026(basis, x, p, explain)
    months = _months_left(x, p, explain, AGE_2026, month_of_birthday_counts=True)
    ends = ""
    if months <= MONTHS_A_YEAR:
        ends = (f" It stops at the end of the month you turn {p('work_assessment.age_limit')}: "
                f"{'this month' if months == 1 else f'in {months} months, this one included'}.")
    explain.answer(f"About {nok(round_to(daily * days / MONTHS_A_YEAR, WHOLE_KRONE))} a month before tax ({nok(daily)} a day for "
                   f"{days} days a year).{ends}")
    return dict(eligible=True, calculation_basis=basis, annual_amount=annual,
                child_supplement_annual=supplement, total_annual=total, daily_rate=daily, months_left=months)


CALCULATOR = Calculator(
    id="work_assessment_allowance",
    title="Work assessment allowance",
    chapter="V",
    summary="Whether you may get work assessment allowance while your working capacity is reduced, "
            "and how much a year, child supplement included.",
    inputs=(
        *income_year_fields("Pensionable income in the last full calendar year before you claim, before tax."),
        fields.integer("children", "Dependent children under 18", max=20,
                       help="Children you support who are under 18."),
        fields.integer("age", "Your age", required=True, example=40, max=120, unit="years",
                       help="Your age in whole years; the allowance is for ages 18 to 67."),
        fields.integer("age_months", "Months since your last birthday", max=11, unit="months",
                       help="Count calendar months: 0 if your birthday is in this month, 1 if it was last month, "
                            "and so on. At 67 the allowance is paid only to the end of your birthday month."),
        fields.percent("work_capacity_reduction_percent", "Reduction in working capacity", default=50,
                       help="How much illness, injury or defect reduces your capacity for work; "
                            "at least 50% is needed."),
    ),
    outputs=(
        Output("eligible", "May get work assessment allowance", "boolean"),
        Output("total_annual", "In all a year", "NOK/year"),
        Output("daily_rate", "A day, child supplement included (paid 260 days a year)", "NOK/day"),
        Output("months_left", "Months left before the age limit", "months"),
        Output("annual_amount", "Allowance a year", "NOK/year"),
        Output("child_supplement_annual", "Child supplement a year", "NOK/year"),
        Output("calculation_basis", "Calculation basis", "NOK/year"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "2013 rules: 'between 18 and 67' is read as from your 18th birthday until you turn 67, so age 67 does not "
        "qualify. 2026 rules: NAV pays until the end of the calendar month you turn 67 (folketrygdloven § 11-4); "
        "'Months left' counts this month and that month, and leaves out other time limits.",
        "Each year's income counts up to 6 G before the three-year average is taken, as for unemployment benefit.",
        "NAV adjusts earlier years' income to today's basic amount; this calculator takes the incomes as given. "
        "2026 rules: the daily rate (the year over 260 days, plus the child supplement) is rounded to whole kroner "
        "as NAV does. 2013 rules: the guide gives no rounding, so amounts are not rounded.",
        "NAV also checks that you are insured (three years, or one year while able to work), resident in Norway, "
        "and in active treatment or work-related measures followed up by NAV; this calculator cannot.",
    ),
)
