"""Sickness benefit (sykepenger), guide chapter III."""
from decimal import Decimal

from .. import fields
from ..units import MONTHS_A_YEAR, PERCENT
from ..model import Calculator, Output
from ..money import nok, percent, round_to
from ..sources import guide

ENTITLED = guide("III", "When are you entitled to sickness cash benefits?")
COVERED = guide("III", "What is covered?")

# Where the 2026 rules were read: NAV's sickness benefit engine (helse-spleis), and the sections its code names.
_SP = "navikt/helse-spleis, "
WORK_2026 = _SP + "sykepenger-model/src/main/kotlin/no/nav/helse/person/Opptjening.kt; folketrygdloven § 8-2"
INCOME_2026 = _SP + "sykepenger-model/src/main/kotlin/no/nav/helse/utbetalingstidslinje/Minsteinntektsvurdering.kt; folketrygdloven § 8-3"
AGE_2026 = _SP + "sykepenger-model/src/main/kotlin/no/nav/helse/Alder.kt; folketrygdloven § 8-3"
OLDER_2026 = _SP + "sykepenger-model/src/main/kotlin/no/nav/helse/utbetalingstidslinje/Minsteinntektsvurdering.kt; folketrygdloven § 8-51"
BASIS_2026 = _SP + "sykepenger-model/src/main/kotlin/no/nav/helse/person/inntekt/Inntektsgrunnlag.kt; folketrygdloven § 8-10"
RATE_2026 = _SP + "sykepenger-økonomi/src/main/kotlin/no/nav/helse/økonomi/Inntekt.kt and Økonomi.kt; folketrygdloven § 8-10"
EMPLOYEE_2026 = _SP + "sykepenger-etterlevelse-api/src/main/kotlin/no/nav/helse/etterlevelse/Subsumsjonslogg.kt (§ 8-19); folketrygdloven § 8-19"
DAYS_2026 = _SP + "sykepenger-økonomi/src/main/kotlin/no/nav/helse/utbetalingstidslinje/MaksimumSykepengedagerregler.kt; folketrygdloven § 8-12"
DAYS_OLDER_2026 = _SP + "sykepenger-økonomi/src/main/kotlin/no/nav/helse/utbetalingstidslinje/MaksimumSykepengedagerregler.kt; folketrygdloven § 8-51"
SELF_EMPLOYED_2026 = _SP + "sykepenger-økonomi/src/main/kotlin/no/nav/helse/økonomi/Økonomi.kt and Ventetidberegner.kt; folketrygdloven § 8-34"
INSURANCE_2026 = _SP + "sykepenger-etterlevelse-api/src/main/kotlin/no/nav/helse/etterlevelse/Subsumsjonslogg.kt (§ 8-36); folketrygdloven § 8-36"

STANDARD = "standard"
OLD_STANDARD = "65_from_day_17"  # the 2013 standard cover, as old links name it
# Each cover a self-employed person may have is a pair of rules: the share of income paid,
# and the day of sickness payment starts.
SELF_EMPLOYED_COVER_2013 = {
    STANDARD: ("sickness.self_employed_coverage", "sickness.self_employed_first_paid_day"),
    OLD_STANDARD: ("sickness.self_employed_coverage", "sickness.self_employed_first_paid_day"),
    "65_from_day_1": ("sickness.self_employed_coverage", "sickness.self_employed_optional_first_paid_day"),
    "100_from_day_17": ("sickness.self_employed_optional_coverage", "sickness.self_employed_first_paid_day"),
    "100_from_day_1": ("sickness.self_employed_optional_coverage",
                       "sickness.self_employed_optional_first_paid_day"),
}
SELF_EMPLOYED_COVER_2026 = {
    STANDARD: ("sickness.self_employed_coverage", "sickness.self_employed_first_paid_day"),
    "80_from_day_1": ("sickness.self_employed_day_one_coverage", "sickness.self_employed_optional_first_paid_day"),
    "100_from_day_17": ("sickness.self_employed_optional_coverage", "sickness.self_employed_first_paid_day"),
    "100_from_day_1": ("sickness.self_employed_optional_coverage",
                       "sickness.self_employed_optional_first_paid_day"),
}
# The first insurance option of folketrygdloven § 8-36 (letter a), the lower rate from day 1, paid 65% in 2013 and
# pays 80% today. A link that chose it under the other rule set is read as that same option, with a note.
LOWER_DAY_ONE_2013, LOWER_DAY_ONE_2026 = "65_from_day_1", "80_from_day_1"


def _answer(explain, daily, first_day, max_days, p) -> None:
    monthly = daily * p("sickness.paid_days_per_year") / MONTHS_A_YEAR
    explain.answer(f"About {nok(daily)} a day before tax (about {nok(round_to(monthly, p('sickness.rounding')))} "
                   f"a month), from day {first_day} of sickness for up to {max_days} days.")


def _worked_long_enough(x, p, explain, source=ENTITLED) -> bool:
    needed = p("sickness.minimum_work_weeks")
    ok = x["weeks_worked"] >= needed
    explain.step(
        f"You had worked {x['weeks_worked']} weeks before falling ill: "
        f"{'at least' if ok else 'fewer than'} the {needed} weeks required.",
        source,
    )
    return ok


def _meets_income_limit(x, p, explain, employee: bool) -> bool:
    limit = p.g_times("sickness.minimum_income")
    ok = x["annual_income"] >= limit
    employer_words = (
        f" The limit does not apply to the first {p('sickness.employer_period_days')} days, "
        f"which your employer pays." if employee else ""
    )
    explain.step(
        f"Annual income {nok(x['annual_income'])} {'reaches' if ok else 'is below'} "
        f"{p.g_words('sickness.minimum_income')} ({nok(limit)}).{employer_words}",
        ENTITLED,
    )
    return ok


def _basis(x, p, explain, source=COVERED) -> Decimal:
    cap = p.g_times("sickness.maximum_basis")
    basis = min(x["annual_income"], cap)
    if x["annual_income"] > cap:
        explain.step(
            f"Income above {p.g_words('sickness.maximum_basis')} ({nok(cap)}) is not taken into account: "
            f"the basis is {nok(basis)}.",
            source,
        )
    else:
        explain.step(f"The basis is your income, {nok(basis)} (the cap is {p.g_words('sickness.maximum_basis')}, "
                     f"{nok(cap)}).", source)
    return basis


def _cover(x, p, explain, employee: bool) -> tuple[Decimal, int, int]:
    """The share of income paid, the first paid day of sickness and the most days paid (2013 rules)."""
    if employee:
        coverage = p("sickness.employee_coverage")
        first_day = int(p("sickness.employee_first_paid_day"))
        max_days = int(p("sickness.employee_max_days"))
        explain.step(
            f"As an employee you are paid {percent(coverage)} of your income from day {first_day} of sickness, "
            f"for at most {max_days} days. Your employer pays the first "
            f"{p('sickness.employer_period_days')} days, the National Insurance Scheme the rest.",
            COVERED,
        )
        return coverage, first_day, max_days
    coverage_name, first_day_name = SELF_EMPLOYED_COVER_2013[x["self_employed_cover"]]
    coverage, first_day = p(coverage_name), int(p(first_day_name))
    max_days = int(p("sickness.self_employed_max_days"))
    standard = x["self_employed_cover"] in (STANDARD, OLD_STANDARD)
    bought = "the standard cover" if standard else "the voluntary cover you pay for"
    explain.step(
        f"As self-employed with {bought} you are paid {percent(coverage)} of your income from day {first_day} "
        f"of sickness, for at most {max_days} days.",
        COVERED,
    )
    return coverage, first_day, max_days


def _daily_rate(basis, coverage, p, explain, source=COVERED) -> Decimal:
    days = p("sickness.paid_days_per_year")
    daily = round_to(basis * coverage / days, p("sickness.rounding"))
    explain.step(
        f"Daily rate: {percent(coverage)} of {nok(basis)} over {days} days a year = {nok(basis * coverage / days)}, "
        f"rounded half up to whole kroner as NAV pays it: {nok(daily)}.",
        source,
    )
    return daily


def _employer_period_only(basis, p, explain) -> dict:
    coverage = p("sickness.employee_coverage")
    first_day = int(p("sickness.employee_first_paid_day"))
    employer_days = int(p("sickness.employer_period_days"))
    daily = _daily_rate(basis, coverage, p, explain)
    explain.step(
        f"Your employer still pays {nok(daily)} a day ({percent(coverage)} of your income) from day {first_day} "
        f"for the first {employer_days} days: the employer period has no income limit. After that the National "
        f"Insurance Scheme pays nothing, as your income is below {p.g_words('sickness.minimum_income')}; "
        f"social financial assistance (chapter XI) may help.",
        ENTITLED,
    )
    explain.answer(f"Your employer pays {nok(daily)} a day before tax for the first {employer_days} days; "
                   f"after that nothing, as your income is below {nok(p.g_times('sickness.minimum_income'))}.")
    return _nothing(employer_days, daily, basis, coverage, first_day)


def _nothing(employer_period_days=0, employer_daily=Decimal(0), basis=Decimal(0), coverage=Decimal(0),
             first_day=0) -> dict:
    return dict(eligible=False, benefit_basis=basis, coverage_percent=coverage * PERCENT, daily_rate=Decimal(0),
                first_paid_day=first_day, max_benefit_days=0, employer_period_days=employer_period_days,
                employer_period_daily_rate=employer_daily)


def formula_2013(x, p, explain):
    employee = x["worker_type"] == "employee"
    if x["self_employed_cover"] == LOWER_DAY_ONE_2026:
        x = {**x, "self_employed_cover": LOWER_DAY_ONE_2013}
        if not employee:
            explain.note("You chose today's insurance '80% from day 1'. In 2013 that insurance (the first option "
                         "of folketrygdloven § 8-36) paid 65% from day 1, and that is what this 2013 result uses.")
    if employee and x["self_employed_cover"] not in (STANDARD, OLD_STANDARD):
        explain.note("The cover you chose is for the self-employed; it does not change an employee's benefit.")
    explain.note("2013 rules: the income limit is half the basic amount itself, NOK 42,622.50; the guide rounds it "
                 "to NOK 42,623. An employee whose income is below it is still paid by the employer for the first "
                 "16 days, which have no income limit; the Scheme pays nothing after them (eligible is then false).")
    explain.note("2013 rules: the guide gives the self-employed 248 days and does not say that earlier cover "
                 "lengthens them; we give 248 days whatever the cover. The guide gives no age rules.")
    worked = _worked_long_enough(x, p, explain)
    income_ok = _meets_income_limit(x, p, explain, employee)
    if not worked:
        explain.step(
            f"Not entitled to sickness benefit, from your employer or the Scheme: the work had lasted fewer than "
            f"{p('sickness.minimum_work_weeks')} weeks. Social financial assistance (chapter XI) may help meanwhile.",
            ENTITLED,
        )
        explain.answer(f"You are probably not entitled: your work had lasted fewer than "
                       f"{p('sickness.minimum_work_weeks')} weeks when you fell ill.")
        return _nothing()
    if not employee and not income_ok:
        explain.step(
            f"Not entitled to sickness benefit: your income is below {p.g_words('sickness.minimum_income')}, "
            f"and as self-employed you have no employer period. "
            f"Social financial assistance (chapter XI) may help meanwhile.",
            ENTITLED,
        )
        explain.answer(f"You are probably not entitled: your income is below "
                       f"{p.g_words('sickness.minimum_income')}, {nok(p.g_times('sickness.minimum_income'))}.")
        return _nothing()
    basis = _basis(x, p, explain)
    if employee and not income_ok:
        return _employer_period_only(basis, p, explain)
    coverage, first_day, max_days = _cover(x, p, explain, employee)
    daily = _daily_rate(basis, coverage, p, explain)
    employer_days = int(p("sickness.employer_period_days")) if employee else 0
    _answer(explain, daily, first_day, max_days, p)
    return dict(eligible=True, benefit_basis=basis, coverage_percent=coverage * PERCENT, daily_rate=daily,
                first_paid_day=first_day, max_benefit_days=max_days, employer_period_days=employer_days,
                employer_period_daily_rate=daily if employee else Decimal(0))


# Today's rules ---------------------------------------------------------------------------------------------------

def _cover_2026(x, p, explain) -> str:
    """The cover under today's rules; an old link's 2013 standard cover reads as today's standard cover."""
    chosen = x["self_employed_cover"]
    employee = x["worker_type"] == "employee"
    if chosen == LOWER_DAY_ONE_2013:
        if not employee:
            explain.note("Your link chose '65% from day 1', an insurance of 2013 (the first option of "
                         "folketrygdloven § 8-36). The 65% rate is gone: today that insurance pays 80% from day 1, "
                         "and that is what this result uses.")
        return LOWER_DAY_ONE_2026
    if chosen == OLD_STANDARD:
        if employee:
            return STANDARD
        explain.note("Your link chose '65% from day 17', the standard cover of 2013 for those without insurance. "
                     "Today's standard cover is 80% from day 17, and that is what this result uses.")
        return STANDARD
    return chosen


def _age_2026(x, p) -> tuple[bool, bool]:
    """(too old, reduced rights): none from 70, fewer days and a higher income limit from 67."""
    return x["age"] >= p("sickness.age_limit"), x["age"] >= p("sickness.reduced_age")


def _not_entitled_2026(explain, step, source, answer) -> dict:
    explain.step(step + " Social financial assistance (chapter XI) may help meanwhile.", source)
    explain.answer(answer)
    return _nothing()


def _income_limit_2026(x, p, explain, reduced_age: bool) -> tuple[bool, str, Decimal]:
    name = "sickness.minimum_income_from_reduced_age" if reduced_age else "sickness.minimum_income"
    limit = p.g_times(name)
    ok = x["annual_income"] >= limit
    why = (f" from age {p('sickness.reduced_age')}" if reduced_age else "")
    explain.step(
        f"Annual income {nok(x['annual_income'])} {'reaches' if ok else 'is below'} {p.g_words(name)} "
        f"({nok(limit)} with G = {nok(p.g)}), the least income for sickness benefit{why}.",
        OLDER_2026 if reduced_age else INCOME_2026,
    )
    return ok, p.g_words(name), limit


def _rights_2026(x, p, explain, employee: bool, cover: str, reduced_age: bool) -> tuple[Decimal, int, int, int]:
    """Share paid, first paid day, most days the Scheme pays, days the employer pays."""
    nav_days = int(p("sickness.nav_max_days"))
    if employee:
        coverage = p("sickness.employee_coverage")
        first_day = int(p("sickness.employee_first_paid_day"))
        employer_days = int(p("sickness.employer_period_days"))
        explain.step(
            f"As an employee you are paid {percent(coverage)} of the basis from day {first_day} of sickness. "
            f"Your employer pays the first {employer_days} calendar days (the employer period).",
            EMPLOYEE_2026,
        )
    else:
        coverage_name, first_day_name = SELF_EMPLOYED_COVER_2026[cover]
        coverage, first_day, employer_days = p(coverage_name), int(p(first_day_name)), 0
        if cover == STANDARD:
            explain.step(f"As self-employed without extra insurance you are paid {percent(coverage)} of the basis "
                         f"from day {first_day} of sickness; the first {first_day - 1} days are a waiting period "
                         f"with no pay.", SELF_EMPLOYED_2026)
        else:
            explain.step(f"As self-employed with the insurance you pay NAV for, you are paid {percent(coverage)} "
                         f"of the basis from day {first_day} of sickness.", INSURANCE_2026)
        nav_days = int(p("sickness.self_employed_max_days"))
    if reduced_age:
        older_days = int(p("sickness.max_days_from_reduced_age"))
        explain.step(f"From age {p('sickness.reduced_age')} the Scheme pays at most {older_days} days "
                     f"(weekdays), not {nav_days}.", DAYS_OLDER_2026)
        return coverage, first_day, older_days, employer_days
    after = " after the employer period" if employee else ""
    explain.step(f"The Scheme pays at most {nav_days} days (weekdays){after}; "
                 f"with the employer period that is about a year.", DAYS_2026)
    return coverage, first_day, nav_days, employer_days


def formula_2026(x, p, explain):
    employee = x["worker_type"] == "employee"
    cover = _cover_2026(x, p, explain)
    if employee and cover != STANDARD:
        explain.note("The cover you chose is for the self-employed; it does not change an employee's benefit.")
    explain.note("2026 rules: for the self-employed NAV uses the average pensionable income of the last three "
                  "years (each year in today's G, counting only a third of income between 6 G and 12 G and none "
                  "above 12 G; folketrygdloven § 8-35). Enter that average as your annual income.")
    too_old, reduced_age = _age_2026(x, p)
    if too_old:
        limit = p("sickness.age_limit")
        return _not_entitled_2026(
            explain, f"You are {x['age']}: no sickness benefit is paid from age {limit}.", AGE_2026,
            f"You are not entitled: sickness benefit stops at age {limit}.")
    if not _worked_long_enough(x, p, explain, WORK_2026):
        weeks = p("sickness.minimum_work_weeks")
        return _not_entitled_2026(
            explain, f"Not entitled to sickness benefit: the work had lasted fewer than {weeks} weeks.",
            WORK_2026, f"You are probably not entitled: your work had lasted fewer than {weeks} weeks when you fell ill.")
    income_ok, limit_words, limit = _income_limit_2026(x, p, explain, reduced_age)
    if not income_ok:
        employer = (" We could not trace in NAV's code whether your employer must still pay the first "
                    f"{p('sickness.employer_period_days')} days in this case, so none are shown; ask your employer."
                    if employee else "")
        return _not_entitled_2026(
            explain, f"Not entitled to sickness benefit: your income is below {limit_words}.{employer}", INCOME_2026,
            f"You are probably not entitled: your income is below {limit_words}, {nok(limit)}.")
    basis = _basis(x, p, explain, BASIS_2026)
    coverage, first_day, max_days, employer_days = _rights_2026(x, p, explain, employee, cover, reduced_age)
    daily = _daily_rate(basis, coverage, p, explain, RATE_2026)
    if employee:
        monthly = round_to(daily * p("sickness.paid_days_per_year") / MONTHS_A_YEAR, p("sickness.rounding"))
        explain.answer(f"About {nok(daily)} a day before tax (about {nok(monthly)} a month), from day {first_day} of "
                       f"sickness: your employer pays the first {employer_days} days, then NAV for up to "
                       f"{max_days} days.")
    else:
        _answer(explain, daily, first_day, max_days, p)
    explain.note("2026 rules: the rate is for full sick leave. With partial sick leave (gradert sykmelding) NAV pays "
                 "only for the part of your work you cannot do. Holiday pay on sickness benefit and income from "
                 "more than one job or kind of work are not counted here.")
    return dict(eligible=True, benefit_basis=basis, coverage_percent=coverage * PERCENT, daily_rate=daily,
                first_paid_day=first_day, max_benefit_days=max_days, employer_period_days=employer_days,
                employer_period_daily_rate=daily if employee else Decimal(0))


CALCULATOR = Calculator(
    id="sickness_benefit",
    title="Sickness benefit",
    chapter="III",
    summary="Whether you are entitled to sickness benefit, the daily rate, "
            "and from which day and for how long it is paid.",
    inputs=(
        fields.money("annual_income", "Annual income from work", required=True, example=400000,
                     help="Your pay as an employee, or your income from self-employment, over a year, before tax."),
        fields.choice("worker_type", "You work as", (("employee", "Employee"), ("self_employed", "Self-employed")),
                      help="Employees are paid by their employer for the first 16 days."),
        fields.choice("self_employed_cover", "Cover (self-employed only)", (
            (STANDARD, "Standard, no extra insurance (today 80% from day 17; in 2013 65%)"),
            ("80_from_day_1", "80% from day 1 (insurance, today's rules)"),
            ("100_from_day_17", "100% from day 17 (insurance)"),
            ("100_from_day_1", "100% from day 1 (insurance)"),
            ("65_from_day_1", "65% from day 1 (insurance, 2013 rules only)"),
            (OLD_STANDARD, "65% from day 17 (the 2013 standard cover)"),
        ), default=STANDARD,
            help="Without insurance the self-employed get 80% from day 17 today. You can see an insurance you "
                 "bought from NAV in your letters from NAV or on nav.no."),
        fields.integer("weeks_worked", "Weeks in work before falling ill", default=4, max=2600, unit="weeks",
                       help="How long the work had lasted when you fell ill; 4 weeks are needed."),
        fields.integer("age", "Your age when you fall ill", default=40, max=120, unit="years",
                       help="From 67 the rules are stricter (at most 60 days, income at least 2 G); "
                            "from 70 no sickness benefit is paid."),
    ),
    outputs=(
        Output("daily_rate", "Daily rate", "NOK/day"),
        Output("eligible", "Entitled to sickness benefit", "boolean"),
        Output("max_benefit_days", "Most days paid (weekdays)", "days"),
        Output("first_paid_day", "First day of sickness paid", "day"),
        Output("benefit_basis", "Income the benefit is calculated on", "NOK/year"),
        Output("coverage_percent", "Share of income paid", "percent"),
        Output("employer_period_days", "Days paid by the employer", "days"),
        Output("employer_period_daily_rate", "Daily rate the employer pays", "NOK/day"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "The daily rate is the basis times the share paid, divided by 260 days, rounded half up to whole kroner "
        "as NAV does; the guide gives no rounding.",
        "Most days paid: in the guide's 2013 rules, 260 days for employees with the employer period included; "
        "in today's rules, 248 days paid by the National Insurance Scheme after the employer period "
        "(60 days from age 67).",
        "The employer period is 16 calendar days.",
        "NAV also needs a doctor's certificate and checks that illness keeps you from working; "
        "this calculator cannot.",
    ),
)
