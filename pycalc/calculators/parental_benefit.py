"""Parental benefit (foreldrepenger) and maternity grant (engangsstønad), guide chapter IV."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, percent
from ..sources import guide

ENTITLED = guide("IV", "When are you entitled to maternity or paternity benefits?")
COVERED = guide("IV", "What is covered?")
GRANT = guide("IV", "Maternity grant")
ADOPTION = guide("IV", "Adoption")
BASIS_LAW = "folketrygdloven § 14-7 (beyond the guide; chapter IV makes parental benefit equal to sickness benefit)"

# The rate is chosen once for the whole leave, and it sets every length of the leave.
RATES = {
    "100": dict(coverage="parental.full_rate_coverage", birth_weeks="parental.full_rate_weeks",
                adoption_weeks="parental.adoption_full_rate_weeks",
                extra_child_weeks="parental.multiple_birth_extra_weeks_full_rate"),
    "80": dict(coverage="parental.reduced_rate_coverage", birth_weeks="parental.reduced_rate_weeks",
               adoption_weeks="parental.adoption_reduced_rate_weeks",
               extra_child_weeks="parental.multiple_birth_extra_weeks_reduced_rate"),
}
NO_WEEKS = dict(total_weeks=0, weeks_before_birth=0, mother_quota_weeks=0, father_quota_weeks=0, shared_weeks=0)


def _adopted_child_young_enough(x, p, explain) -> bool:
    limit = p("parental.adoption_child_age_limit")
    ok = x["adopted_child_age"] < limit
    explain.step(
        f"The adopted child is {x['adopted_child_age']} years old: "
        f"{'under' if ok else 'not under'} the age limit of {limit}.",
        ADOPTION,
    )
    return ok


def _qualifies(x, p, explain) -> bool:
    needed = p("parental.qualifying_months")
    months_ok = x["months_worked_of_last_10"] >= needed
    explain.step(
        f"You were in paid work {x['months_worked_of_last_10']} of the last 10 months before the leave: "
        f"{'at least' if months_ok else 'fewer than'} the {needed} required.",
        ENTITLED,
    )
    limit = p.g_times("parental.minimum_income")
    income_ok = x["annual_income"] >= limit
    explain.step(
        f"Annual income {nok(x['annual_income'])} {'reaches' if income_ok else 'is below'} "
        f"{p.g_words('parental.minimum_income')} ({nok(limit)}), the least income for parental benefit, "
        f"as for sickness benefit.",
        BASIS_LAW,
    )
    return months_ok and income_ok


def _weeks(x, p, explain, rate) -> dict:
    adoption = x["adoption"]
    base = p(rate["adoption_weeks"] if adoption else rate["birth_weeks"])
    extra_children = x["children_born"] - 1
    extra = extra_children * p(rate["extra_child_weeks"])
    total = base + extra
    explain.step(
        f"At {x['coverage_percent']}% the {'adoption' if adoption else 'benefit'} period is {base} weeks.",
        ADOPTION if adoption else COVERED,
    )
    if extra_children:
        explain.step(
            f"{extra_children} more {'child' if extra_children == 1 else 'children'} × "
            f"{p(rate['extra_child_weeks'])} weeks = {extra} extra weeks, {total} weeks in all; "
            f"the extra weeks are shared.",
            COVERED,
        )
    before = Decimal(0) if adoption else p("parental.weeks_before_birth")
    mother, father = p("parental.mother_quota_weeks"), p("parental.father_quota_weeks")
    shared = total - before - mother - father
    before_words = "" if adoption else f"{before} weeks the mother takes before the birth, "
    explain.step(
        f"Of the {total} weeks: {before_words}{mother} weeks are the mother's quota, {father} weeks the father's "
        f"quota, and the remaining {shared} weeks are shared as the parents choose.",
        COVERED,
    )
    return dict(total_weeks=int(total), weeks_before_birth=int(before), mother_quota_weeks=int(mother),
                father_quota_weeks=int(father), shared_weeks=int(shared))


def _amounts(x, p, explain, coverage, total_weeks) -> tuple[Decimal, Decimal]:
    cap = p.g_times("parental.maximum_basis")
    basis = min(x["annual_income"], cap)
    capped = f" (your income counted up to {p.g_words('parental.maximum_basis')})" if x["annual_income"] > cap else ""
    weeks_a_year = p("parental.weeks_per_year")
    weekly = basis * coverage / weeks_a_year
    explain.step(
        f"Weekly amount: {percent(coverage)} of {nok(basis)}{capped}, over {weeks_a_year} weeks a year "
        f"= {nok(weekly)}.",
        COVERED,
    )
    total = weekly * total_weeks
    explain.step(f"For the whole period: {total_weeks} weeks × {nok(weekly)} = {nok(total)}.", COVERED)
    return weekly, total


def _top_up(total, p, explain) -> Decimal:
    grant = p("parental.maternity_grant")
    if total >= grant:
        explain.step(f"The benefit for the whole period is not lower than the maternity grant of {nok(grant)}, "
                     f"so there is no top-up.", GRANT)
        return Decimal(0)
    explain.step(f"The benefit for the whole period is lower than the maternity grant of {nok(grant)}: "
                 f"it is topped up by {nok(grant - total)}.", GRANT)
    return grant - total


def _not_entitled(x, p, explain, grant_too: bool) -> dict:
    grant = p("parental.maternity_grant") if grant_too else Decimal(0)
    name = "adoption grant" if x["adoption"] else "maternity grant"
    if grant_too:
        explain.step(f"Not entitled to parental benefit. A {name} of {nok(grant)} is paid instead, as a lump sum.",
                     ADOPTION if x["adoption"] else GRANT)
    else:
        explain.step("Neither adoption benefit nor the adoption grant is paid for this child.", ADOPTION)
    zero = Decimal(0)
    return dict(eligible=False, **NO_WEEKS, weekly_amount=zero, total_amount=zero, maternity_grant=grant)


def formula_2013(x, p, explain):
    if x["adoption"] and not _adopted_child_young_enough(x, p, explain):
        return _not_entitled(x, p, explain, grant_too=False)
    if not _qualifies(x, p, explain):
        return _not_entitled(x, p, explain, grant_too=True)
    rate = RATES[x["coverage_percent"]]
    weeks = _weeks(x, p, explain, rate)
    weekly, total = _amounts(x, p, explain, p(rate["coverage"]), weeks["total_weeks"])
    return dict(eligible=True, **weeks, weekly_amount=weekly, total_amount=total,
                maternity_grant=_top_up(total, p, explain))


CALCULATOR = Calculator(
    id="parental_benefit",
    title="Parental benefit",
    chapter="IV",
    summary="Whether you are entitled to parental benefit at birth or adoption, how the weeks are divided, "
            "and how much a week and in all; otherwise the maternity grant.",
    inputs=(
        fields.money("annual_income", "Annual income from work", required=True, example=400000,
                     help="Your pay, or income from self-employment, over a year, before tax."),
        fields.choice("coverage_percent", "Rate of benefit", (
            ("100", "100% for a shorter period"),
            ("80", "80% for a longer period"),
        ), help="The parents choose once: full pay for 49 weeks, or 80% for 59 weeks (46 or 56 when adopting)."),
        fields.integer("children_born", "Children born (or adopted) at once", default=1, min=1, max=10,
                       help="More than one child at a birth lengthens the period."),
        fields.integer("months_worked_of_last_10", "Months in paid work of the last 10", default=10, max=10,
                       unit="months",
                       help="Months with paid work in the ten months before the leave starts; 6 are needed."),
        fields.boolean("adoption", "Adoption", help="You are adopting rather than giving birth."),
        fields.integer("adopted_child_age", "Age of the adopted child", max=18, unit="years",
                       help="Only for an adoption: the child must be under 15."),
    ),
    outputs=(
        Output("eligible", "Entitled to parental benefit", "boolean"),
        Output("total_weeks", "Weeks of leave in all", "weeks"),
        Output("weeks_before_birth", "Weeks the mother takes before the birth", "weeks"),
        Output("mother_quota_weeks", "Mother's quota", "weeks"),
        Output("father_quota_weeks", "Father's quota", "weeks"),
        Output("shared_weeks", "Weeks the parents share", "weeks"),
        Output("weekly_amount", "A week", "NOK/week"),
        Output("total_amount", "Parental benefit for the whole period", "NOK"),
        Output("maternity_grant", "Maternity (or adoption) grant, or the top-up to it", "NOK"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "Parental benefit is equal to sickness benefit, so, as the law says (folketrygdloven § 14-7), "
        "an income below half the basic amount (NOK 42,622.50) gives no parental benefit; the maternity grant "
        "is paid instead.",
        "Because of that income limit, a full period of benefit is always above the maternity grant "
        "(at half the basic amount: NOK 40,163.51 at 100% for 49 weeks); the top-up the guide describes "
        "cannot arise here, though it is checked.",
        "The weekly amount is the annual basis times the rate divided by 52 weeks, unrounded; NAV pays a daily "
        "rate in whole kroner, so payments may differ by a few kroner.",
        "The extra weeks for more than one child are added to the shared weeks, as the law does; "
        "we apply them also to children adopted at once (folketrygdloven § 14-9).",
        "The quotas assume both parents qualify: the father's own work record must also meet the 6-of-10-months "
        "condition for the father's quota.",
        "The maternity grant goes to mothers (and adoptive parents) who do not qualify for parental benefit.",
    ),
)
