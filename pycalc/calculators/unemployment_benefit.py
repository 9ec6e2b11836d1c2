"""Unemployment benefit (dagpenger), guide chapter X."""
from decimal import Decimal

from .. import fields
from ..conditions import reduced_by_at_least
from ..model import Calculator, Output
from ..money import WHOLE_KRONE, nok, number, percent, round_to
from ..units import MONTHS_A_YEAR, PERCENT
from ..income_basis import INCOME_YEARS, best_income_basis, income_year_fields, three_year_average
from ..sources import guide

ENTITLED = guide("X", "When are you entitled to unemployment benefits?")
COVERED = guide("X", "What is covered?")

# Where the 2026 rules were read: NAV's dagpenger rules engine, and the sections its code names.
_DP = "navikt/dp-behandling, dagpenger/src/main/kotlin/no/nav/dagpenger/regel/"
INCOME_TEST_2026 = _DP + "Minsteinntekt.kt and GrenseverdierForMinsteArbeidsinntekt.kt; folketrygdloven § 4-4"
HOURS_2026 = (_DP + "regelsett/vilkår/TapAvArbeidsinntektOgArbeidstid.kt and regelsett/fastsetting/Vanligarbeidstid.kt; "
              "folketrygdloven § 4-3")
BASIS_2026 = _DP + "fastsetting/Dagpengegrunnlag.kt; folketrygdloven § 4-11"
SIZE_2026 = _DP + "fastsetting/DagpengenesStørrelse.kt; folketrygdloven § 4-12, dagpengeforskriften § 7-1"
PERIOD_2026 = _DP + "fastsetting/Dagpengeperiode.kt; folketrygdloven § 4-15"
OWN_SHARE_2026 = _DP + "regelsett/fastsetting/Egenandel.kt; folketrygdloven § 4-9"
AGE_2026 = _DP + "regelsett/vilkår/Alderskrav.kt; folketrygdloven § 4-23"
HOLIDAY_2026 = ("navikt/dp-behandling, ferietillegg/src/main/kotlin/no/nav/dagpenger/ferietillegg/KravPåFerietillegg.kt "
                "and FerietilleggBeløp.kt; folketrygdloven § 4-14")
HOLIDAY_ROUNDING = "unemployment.holiday_supplement_rounding"

# How each rule set names the income periods: the guide speaks of calendar years, NAV's 2026 code of
# the last 12 and 36 completed months. The test itself is the same.
PERIODS_2013 = ("Income last year", "the three years together", "")
PERIODS_2026 = ("Income in the last 12 months", "the last 36 months together", " Either one is enough.")


def _qualifies(x, p, explain, periods=PERIODS_2013, income_source=ENTITLED, hours_source=ENTITLED,
               hours_cap: str | None = None) -> bool:
    last_year_limit = p.g_times("unemployment.minimum_income_last_year")
    three_year_limit = p.g_times("unemployment.minimum_income_three_years")
    three_years = sum(x[name] for name in INCOME_YEARS)
    by_last_year = x["income_year_1"] >= last_year_limit
    by_three_years = three_years >= three_year_limit
    last_period, three_periods, either = periods
    explain.step(
        f"{last_period} {nok(x['income_year_1'])} {'reaches' if by_last_year else 'is below'} "
        f"{p.g_words('unemployment.minimum_income_last_year')} ({nok(last_year_limit)} with G = {nok(p.g)}); "
        f"{three_periods}, {nok(three_years)}, {'reach' if by_three_years else 'are below'} "
        f"{p.g_words('unemployment.minimum_income_three_years')} ({nok(three_year_limit)}).{either}",
        income_source,
    )
    hours_ok = _hours_test(x, p, explain, hours_source, hours_cap)
    return (by_last_year or by_three_years) and hours_ok


def _hours_test(x, p, explain, source, hours_cap: str | None) -> bool:
    """The fall in working hours: from usual and new hours a week when given, else the percentage given."""
    needed = p("unemployment.minimum_hours_reduction")
    usual, new = x["usual_hours_per_week"], x["new_hours_per_week"]
    if usual == 0:
        return reduced_by_at_least("Working hours", x["hours_reduction_percent"], needed, explain, source)
    counted = usual
    if hours_cap is not None and usual > p(hours_cap):
        counted = p(hours_cap)
        explain.step(f"Usual working hours of {number(usual)} a week count as at most {number(counted)} hours "
                     f"a week.", source)
    reduction = max(Decimal(1) - new / counted, Decimal(0)) * PERCENT
    explain.step(f"From {number(counted)} to {number(new)} hours a week: working hours fall by "
                 f"{number(reduction)}%. (The percentage field is not used when you give your hours.)", source)
    return reduced_by_at_least("Working hours", reduction, needed, explain, source)


def _rate_within_ceiling(basis, x, p, explain) -> tuple[Decimal, Decimal, Decimal]:
    """Daily rate, child supplement actually paid, and the total, the total held to 90% of the basis."""
    rounding = p("unemployment.rounding")
    rate = p("unemployment.daily_rate")
    daily = round_to(basis * rate, rounding)
    explain.step(f"Daily rate: {percent(rate)} of {nok(basis)} = {nok(basis * rate)}, "
                 f"rounded to {nok(daily)}.", SIZE_2026)
    per_child = p("unemployment.child_supplement_per_day")
    children = x["children"] * per_child
    explain.step(f"Child supplement: {x['children']} × {nok(per_child)} = {nok(children)} a day.", SIZE_2026)
    share, days = p("unemployment.maximum_share_of_basis"), p("unemployment.paid_days_per_year")
    ceiling = round_to(basis * share / days, rounding)
    uncapped = daily + children
    if uncapped <= ceiling:
        explain.step(
            f"Daily rate and child supplement together, {nok(uncapped)}, are within the ceiling of "
            f"{percent(share)} of the basis over {days} days ({nok(ceiling)} a day).",
            SIZE_2026,
        )
        return daily, children, uncapped
    over = uncapped - ceiling
    reduced = max(daily - over, Decimal(0))
    explain.step(
        f"Daily rate and child supplement together, {nok(uncapped)}, exceed the ceiling of {percent(share)} of "
        f"the basis over {days} days ({nok(ceiling)} a day) by {nok(over)}. NAV takes that from the daily rate "
        f"({nok(daily)} → {nok(reduced)}), and pays {nok(ceiling)} a day in all, of which "
        f"{nok(ceiling - reduced)} is child supplement.",
        SIZE_2026,
    )
    return reduced, ceiling - reduced, ceiling


def _period_weeks(x, p, explain, source=COVERED) -> int:
    limit = p.g_times("unemployment.long_period_minimum_income")
    long = max(x["income_year_1"], three_year_average(x)) >= limit
    weeks = p("unemployment.long_period_weeks" if long else "unemployment.short_period_weeks")
    explain.step(
        f"Income {'reaches' if long else 'is below'} {p.g_words('unemployment.long_period_minimum_income')} "
        f"({nok(limit)}), so the benefit period is "
        f"{weeks} weeks.",
        source,
    )
    return int(weeks)


def _holiday_supplement(x, p, explain, source=COVERED, rounding: str | None = None) -> Decimal:
    weeks_needed = p("unemployment.holiday_supplement_weeks")
    days = x["days_on_benefit_last_year"]
    if days:
        days_needed = weeks_needed * p("unemployment.paid_days_per_week")
        enough, counted = days > days_needed, f"{days} days"
        needed = f"more than {weeks_needed} weeks of {p('unemployment.paid_days_per_week')} days ({days_needed} days)"
    else:
        enough, counted = x["weeks_on_benefit_last_year"] > weeks_needed, f"{x['weeks_on_benefit_last_year']} weeks"
        needed = f"more than {weeks_needed}"
    if not enough:
        explain.step(f"No holiday supplement: benefit was received for {counted} last year, and {needed} "
                     f"are needed.", source)
        return Decimal(0)
    rate = p("unemployment.holiday_supplement_rate")
    supplement = x["benefit_received_last_year"] * rate
    rounded = supplement if rounding is None else round_to(supplement, p(rounding))
    explain.step(
        f"Holiday supplement: {counted} on benefit last year is enough; {percent(rate)} of the "
        f"{nok(x['benefit_received_last_year'])} received = {nok(supplement)}"
        f"{'' if rounded == supplement else ', rounded to ' + nok(rounded)}.",
        source,
    )
    return rounded


def _why_not(x, p) -> str:
    three_years = sum(x[name] for name in INCOME_YEARS)
    if (x["income_year_1"] < p.g_times("unemployment.minimum_income_last_year")
            and three_years < p.g_times("unemployment.minimum_income_three_years")):
        return (f"your income is below {p.g_words('unemployment.minimum_income_last_year')}, "
                f"{nok(p.g_times('unemployment.minimum_income_last_year'))}, "
                f"and below {p.g_words('unemployment.minimum_income_three_years')} over three years")
    return f"your working hours have not fallen by at least {percent(p('unemployment.minimum_hours_reduction'))}"


def _not_entitled(x, p, explain, source, holiday_source, holiday_rounding=None, why: str | None = None):
    holiday = _holiday_supplement(x, p, explain, holiday_source, holiday_rounding)
    extra = f" A holiday supplement of {nok(holiday)} is still due on last year's benefit." if holiday else ""
    explain.answer(f"You are probably not entitled: {why or _why_not(x, p)}.{extra}")
    explain.step(
        "Not entitled to unemployment benefit on these figures. Social financial assistance "
        "(chapter XI) may help while you have no income.",
        source,
    )
    zero = Decimal(0)
    return dict(eligible=False, calculation_basis=zero, daily_rate=zero, child_supplement_per_day=zero,
                total_per_day=zero, weekly_rate=zero, annual_rate=zero, period_weeks=0,
                holiday_supplement=holiday)


def _entitled(x, p, explain, basis, daily, child_supplement, sources, holiday_rounding=None):
    """The amounts paid a day, a week and a year, the period, and the holiday supplement."""
    payment_source, period_source, holiday_source = sources
    per_day = daily + child_supplement
    week_days, year_days = p("unemployment.paid_days_per_week"), p("unemployment.paid_days_per_year")
    explain.step(
        f"Paid {week_days} days a week: {nok(per_day * week_days)} a week, "
        f"{nok(per_day * year_days)} over {year_days} days.",
        payment_source,
    )
    weeks = _period_weeks(x, p, explain, period_source)
    holiday = _holiday_supplement(x, p, explain, holiday_source, holiday_rounding)
    extra = f", plus a holiday supplement of {nok(holiday)}" if holiday else ""
    explain.answer(f"About {nok(per_day * week_days)} a week before tax "
                   f"({nok(round_to(per_day * year_days / MONTHS_A_YEAR, WHOLE_KRONE))} a month), for up to {weeks} weeks{extra}.")
    return dict(eligible=True, calculation_basis=basis, daily_rate=daily,
                child_supplement_per_day=child_supplement, total_per_day=per_day,
                weekly_rate=per_day * week_days, annual_rate=per_day * year_days,
                period_weeks=weeks, holiday_supplement=holiday)


def formula_2013(x, p, explain):
    if not _qualifies(x, p, explain):
        return _not_entitled(x, p, explain, ENTITLED, COVERED)
    basis = best_income_basis(x, p, explain, COVERED, cap="unemployment.maximum_basis", rounding="unemployment.rounding")
    rate = p("unemployment.daily_rate")
    daily = round_to(basis * rate, p("unemployment.rounding"))
    explain.step(f"Daily rate: {percent(rate)} of {nok(basis)} = {nok(daily)}.", COVERED)
    child_supplement = x["children"] * p("unemployment.child_supplement_per_day")
    explain.step(
        f"Child supplement: {x['children']} × {nok(p('unemployment.child_supplement_per_day'))} "
        f"= {nok(child_supplement)} a day.",
        COVERED,
    )
    return _entitled(x, p, explain, basis, daily, child_supplement, (COVERED, COVERED, COVERED))


def _past_age_limit_2026(x, p, explain) -> bool:
    """Paid until the end of the calendar month you turn 67; an age of 0 means not given."""
    if not x["age"]:
        return False
    limit = p("unemployment.age_limit")
    past = x["age"] > limit or (x["age"] == limit and x["age_months"] > 0)
    explain.step(f"Age {x['age']} years and {x['age_months']} months: "
                 f"{'past' if past else 'within'} the age limit: the benefit is paid until the end of the calendar "
                 f"month you turn {limit}.", AGE_2026)
    return past


def formula_2026(x, p, explain):
    explain.note("2026 rules: NAV counts income in the last 12 and 36 completed calendar months before the claim "
                 "and indexes older income to today's basic amount; enter those figures as 'last year' and the two "
                 "years before. Only income from work counts for the income test.")
    if _past_age_limit_2026(x, p, explain):
        return _not_entitled(x, p, explain, AGE_2026, HOLIDAY_2026, HOLIDAY_ROUNDING,
                             why=f"unemployment benefit stops at the end of the month you turn "
                                 f"{p('unemployment.age_limit')}")
    if not _qualifies(x, p, explain, PERIODS_2026, INCOME_TEST_2026, HOURS_2026, "unemployment.maximum_usual_hours"):
        return _not_entitled(x, p, explain, INCOME_TEST_2026, HOLIDAY_2026, HOLIDAY_ROUNDING)
    basis = best_income_basis(x, p, explain, BASIS_2026, cap="unemployment.maximum_basis",
                              rounding="unemployment.rounding")
    daily, children, per_day = _rate_within_ceiling(basis, x, p, explain)
    days = p("unemployment.own_share_days")
    explain.step(f"Personal share (egenandel): NAV keeps back {days} days' rate, {days} × {nok(per_day)} = "
                 f"{nok(days * per_day)}, from the first payments (not after a lay-off in the fish-processing "
                 "industry).", OWN_SHARE_2026)
    return _entitled(x, p, explain, basis, daily, children, (SIZE_2026, PERIOD_2026, HOLIDAY_2026), HOLIDAY_ROUNDING)


CALCULATOR = Calculator(
    id="unemployment_benefit",
    title="Unemployment benefit",
    chapter="X",
    summary="Whether your past income qualifies you for unemployment benefit, and how much a day, a week and a year.",
    inputs=(
        *income_year_fields("Wages and income from self-employment in the last full calendar year, before tax."),
        fields.integer("children", "Dependent children under 18", max=20,
                       help="Children you support who are under 18."),
        fields.number("usual_hours_per_week", "Usual working hours a week", max=168, unit="hours",
                      help="Your usual hours a week before you lost work, for example 37.5. "
                           "Leave 0 to give the reduction as a percentage below."),
        fields.number("new_hours_per_week", "Working hours a week now", max=168, unit="hours",
                      help="The hours a week you still work; 0 if you have lost all work. "
                           "Used only when you give your usual hours."),
        fields.percent("hours_reduction_percent", "Reduction in working hours", default=100,
                       help="How much your working hours have fallen, against your usual hours. 100 if you have "
                            "lost all work. Not used when you give your usual hours above."),
        fields.integer("age", "Your age", max=120, unit="years",
                       help="Your age in whole years, used with the 2026 rules: the benefit stops at the end of the "
                            "month you turn 67. Leave 0 to skip this check."),
        fields.integer("age_months", "Months since your last birthday", max=11, unit="months",
                       help="Count calendar months: 0 if your birthday is in this month, 1 if it was last month, "
                            "and so on. Used only at 67."),
        fields.money("benefit_received_last_year", "Unemployment benefit received last year",
                     help="For the holiday supplement."),
        fields.integer("weeks_on_benefit_last_year", "Weeks on unemployment benefit last year", max=53,
                       help="For the holiday supplement.", unit="weeks"),
        fields.integer("days_on_benefit_last_year", "Days on unemployment benefit last year", max=366,
                       unit="days",
                       help="For the holiday supplement, if you know the days NAV paid (5 a week); "
                            "0 to use the weeks above."),
    ),
    outputs=(
        Output("eligible", "Entitled to unemployment benefit", "boolean"),
        Output("calculation_basis", "Calculation basis", "NOK/year"),
        Output("daily_rate", "Daily rate", "NOK/day"),
        Output("child_supplement_per_day", "Child supplement", "NOK/day"),
        Output("total_per_day", "Total a day, child supplement included", "NOK/day"),
        Output("weekly_rate", "A week (5 days)", "NOK/week"),
        Output("annual_rate", "A year (260 days)", "NOK/year"),
        Output("period_weeks", "Benefit period", "weeks"),
        Output("holiday_supplement", "Holiday supplement (paid on last year's benefit)", "NOK"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "The daily rate is rounded to the nearest krone, as NAV does; the guide gives no rounding.",
        "Under the 2026 rules NAV counts usual working hours of at most 40 a week in the hours test "
        "(give your usual and new hours to apply it), and rounds the holiday supplement to whole kroner.",
        "Weekly and annual amounts include the child supplement.",
        "Your age is used only with the 2026 rules (the benefit stops at the end of the month you turn 67); the "
        "guide's 2013 rules are applied without it.",
        "NAV also checks that you are a genuine job seeker, registered with NAV and available for work; "
        "this calculator cannot.",
    ),
)
