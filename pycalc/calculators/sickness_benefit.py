"""Sickness benefit (sykepenger), guide chapter III."""
from decimal import Decimal

from .. import fields
from ..units import PERCENT
from ..model import Calculator, Output
from ..money import nok, percent, round_to
from ..sources import guide

ENTITLED = guide("III", "When are you entitled to sickness cash benefits?")
COVERED = guide("III", "What is covered?")

STANDARD_COVER = "65_from_day_17"
# Each cover a self-employed person may buy is a pair of rules: the share of income paid,
# and the day of sickness payment starts.
SELF_EMPLOYED_COVER = {
    "65_from_day_17": ("sickness.self_employed_coverage", "sickness.self_employed_first_paid_day"),
    "65_from_day_1": ("sickness.self_employed_coverage", "sickness.self_employed_optional_first_paid_day"),
    "100_from_day_17": ("sickness.self_employed_optional_coverage", "sickness.self_employed_first_paid_day"),
    "100_from_day_1": ("sickness.self_employed_optional_coverage",
                       "sickness.self_employed_optional_first_paid_day"),
}


def _worked_long_enough(x, p, explain) -> bool:
    needed = p("sickness.minimum_work_weeks")
    ok = x["weeks_worked"] >= needed
    explain.step(
        f"You had worked {x['weeks_worked']} weeks before falling ill: "
        f"{'at least' if ok else 'fewer than'} the {needed} weeks required.",
        ENTITLED,
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


def _basis(x, p, explain) -> Decimal:
    cap = p.g_times("sickness.maximum_basis")
    basis = min(x["annual_income"], cap)
    if x["annual_income"] > cap:
        explain.step(
            f"Income above {p.g_words('sickness.maximum_basis')} ({nok(cap)}) is not taken into account: "
            f"the basis is {nok(basis)}.",
            COVERED,
        )
    else:
        explain.step(f"The basis is your income, {nok(basis)}.", COVERED)
    return basis


def _cover(x, p, explain, employee: bool) -> tuple[Decimal, int, int]:
    """The share of income paid, the first paid day of sickness and the most days paid."""
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
    coverage_name, first_day_name = SELF_EMPLOYED_COVER[x["self_employed_cover"]]
    coverage, first_day = p(coverage_name), int(p(first_day_name))
    max_days = int(p("sickness.self_employed_max_days"))
    bought = "the standard cover" if x["self_employed_cover"] == STANDARD_COVER else "the voluntary cover you pay for"
    explain.step(
        f"As self-employed with {bought} you are paid {percent(coverage)} of your income from day {first_day} "
        f"of sickness, for at most {max_days} days.",
        COVERED,
    )
    return coverage, first_day, max_days


def _daily_rate(basis, coverage, p, explain) -> Decimal:
    days = p("sickness.paid_days_per_year")
    daily = round_to(basis * coverage / days, p("sickness.rounding"))
    explain.step(
        f"Daily rate: {percent(coverage)} of {nok(basis)} over {days} days a year = {nok(daily)}, "
        f"rounded to whole kroner as NAV pays it.",
        COVERED,
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
    return _nothing(employer_days, daily, basis, coverage, first_day)


def _nothing(employer_period_days=0, employer_daily=Decimal(0), basis=Decimal(0), coverage=Decimal(0),
             first_day=0) -> dict:
    return dict(eligible=False, benefit_basis=basis, coverage_percent=coverage * PERCENT, daily_rate=Decimal(0),
                first_paid_day=first_day, max_benefit_days=0, employer_period_days=employer_period_days,
                employer_period_daily_rate=employer_daily)


def formula_2013(x, p, explain):
    employee = x["worker_type"] == "employee"
    if employee and x["self_employed_cover"] != STANDARD_COVER:
        explain.note("The cover you chose is for the self-employed; it does not change an employee's benefit.")
    worked = _worked_long_enough(x, p, explain)
    income_ok = _meets_income_limit(x, p, explain, employee)
    if not worked:
        explain.step(
            f"Not entitled to sickness benefit, from your employer or the Scheme: the work had lasted fewer than "
            f"{p('sickness.minimum_work_weeks')} weeks. Social financial assistance (chapter XI) may help meanwhile.",
            ENTITLED,
        )
        return _nothing()
    if not employee and not income_ok:
        explain.step(
            f"Not entitled to sickness benefit: your income is below {p.g_words('sickness.minimum_income')}, "
            f"and as self-employed you have no employer period. "
            f"Social financial assistance (chapter XI) may help meanwhile.",
            ENTITLED,
        )
        return _nothing()
    basis = _basis(x, p, explain)
    if employee and not income_ok:
        return _employer_period_only(basis, p, explain)
    coverage, first_day, max_days = _cover(x, p, explain, employee)
    daily = _daily_rate(basis, coverage, p, explain)
    employer_days = int(p("sickness.employer_period_days")) if employee else 0
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
            ("65_from_day_17", "65% from day 17 (standard)"),
            ("65_from_day_1", "65% from day 1 (voluntary)"),
            ("100_from_day_17", "100% from day 17 (voluntary)"),
            ("100_from_day_1", "100% from day 1 (voluntary)"),
        ), default=STANDARD_COVER,
            help="The self-employed get 65% from day 17 unless they pay higher contributions for better cover."),
        fields.integer("weeks_worked", "Weeks in work before falling ill", default=4, max=2600, unit="weeks",
                       help="How long the work had lasted when you fell ill; 4 weeks are needed."),
    ),
    outputs=(
        Output("eligible", "Entitled to sickness benefit", "boolean"),
        Output("benefit_basis", "Income the benefit is calculated on", "NOK/year"),
        Output("coverage_percent", "Share of income paid", "percent"),
        Output("daily_rate", "Daily rate", "NOK/day"),
        Output("first_paid_day", "First day of sickness paid", "day"),
        Output("max_benefit_days", "Most days paid (weekdays)", "days"),
        Output("employer_period_days", "Days paid by the employer", "days"),
        Output("employer_period_daily_rate", "Daily rate the employer pays", "NOK/day"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "The daily rate is the basis times the share paid, divided by 260 days, rounded to the nearest krone "
        "as NAV does; the guide gives no rounding.",
        "The income limit is half the basic amount itself, NOK 42,622.50; the guide rounds it to NOK 42,623. "
        "An income between the two qualifies.",
        "An employee whose income is below the limit is still paid by the employer for the first 16 days, "
        "which have no income limit; the Scheme pays nothing after them (eligible is then false).",
        "The employer period is 16 calendar days; the most days paid (260 or 248) count weekdays, "
        "the employer period included for employees.",
        "The guide gives the self-employed 248 days and does not say that earlier cover lengthens them; "
        "we give 248 days whatever the cover.",
        "NAV also needs a doctor's certificate and checks that illness keeps you from working; "
        "this calculator cannot.",
    ),
)
