"""Parental benefit (foreldrepenger) and maternity grant (engangsstønad), guide chapter IV."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, percent, round_to
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
NO_WEEKS = dict(total_weeks=0, weeks_before_birth=0, mother_quota_weeks=0, father_quota_weeks=0, shared_weeks=0,
                total_days=0, shared_days=0)


def _adopted_child_young_enough(x, p, explain) -> bool:
    limit = p("parental.adoption_child_age_limit")
    ok = x["adopted_child_age"] < limit
    explain.step(
        f"The adopted child is {x['adopted_child_age']} years old: "
        f"{'under' if ok else 'not under'} the age limit of {limit}.",
        ADOPTION,
    )
    return ok


def _qualifies(x, p, explain, work_source=ENTITLED, income_source=BASIS_LAW, with_g=False) -> bool:
    """Work in enough of the last 10 months, and income of at least 0.5 G: the same test in both sets."""
    needed = p("parental.qualifying_months")
    months_ok = x["months_worked_of_last_10"] >= needed
    explain.step(
        f"You were in paid work {x['months_worked_of_last_10']} of the last 10 months before the leave: "
        f"{'at least' if months_ok else 'fewer than'} the {needed} required.",
        work_source,
    )
    limit = p.g_times("parental.minimum_income")
    income_ok = x["annual_income"] >= limit
    shown = f"{nok(limit)} with G = {nok(p.g)}" if with_g else nok(limit)
    explain.step(
        f"Annual income {nok(x['annual_income'])} {'reaches' if income_ok else 'is below'} "
        f"{p.g_words('parental.minimum_income')} ({shown}), the least income for parental benefit"
        f"{'' if with_g else ', as for sickness benefit'}.",
        income_source,
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
    week = p("parental.paid_days_per_week")
    return dict(total_weeks=int(total), weeks_before_birth=int(before), mother_quota_weeks=int(mother),
                father_quota_weeks=int(father), shared_weeks=int(shared), total_days=int(total * week),
                shared_days=int(shared * week))


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
    if grant_too:
        explain.answer(f"You are probably not entitled to parental benefit; a lump sum of {nok(grant)} is paid instead.")
    else:
        explain.answer("Neither adoption benefit nor the adoption grant is paid for this child.")
    return dict(eligible=False, **NO_WEEKS, weekly_amount=zero, total_amount=zero, maternity_grant=grant,
                daily_rate=zero)


def formula_2013(x, p, explain):
    explain.note("2013 rules: parental benefit is equal to sickness benefit, so, as the law says (folketrygdloven "
                 "§ 14-7), an income below half the basic amount (NOK 42,622.50) gives no parental benefit; the "
                 "maternity grant is paid instead. Because of that limit a full period of benefit is always above "
                 "the grant, so the top-up the guide describes cannot arise here, though it is checked.")
    explain.note("2013 rules: the weekly amount is the annual basis times the rate divided by 52 weeks, unrounded; "
                 "NAV pays a daily rate in whole kroner, so payments may differ by a few kroner. The quotas assume "
                 "both parents qualify.")
    if x["adoption"] and not _adopted_child_young_enough(x, p, explain):
        return _not_entitled(x, p, explain, grant_too=False)
    if not _qualifies(x, p, explain):
        return _not_entitled(x, p, explain, grant_too=True)
    rate = RATES[x["coverage_percent"]]
    explain.note("2013 rules: the guide counts whole weeks, and its quotas assume both parents qualify; "
                 "'Who qualifies' is used only by today's rules.")
    weeks = _weeks(x, p, explain, rate)
    weekly, total = _amounts(x, p, explain, p(rate["coverage"]), weeks["total_weeks"])
    explain.answer(f"About {nok(weekly)} a week before tax, for {weeks['total_weeks']} weeks "
                   f"({nok(total)} in all).")
    return dict(eligible=True, **weeks, weekly_amount=weekly, total_amount=total,
                maternity_grant=_top_up(total, p, explain), daily_rate=weekly / p("parental.paid_days_per_week"))


# Today's rules (births and adoptions from 1 July 2024) --------------------------------------------------------------

_KONTO = "navikt/fp-stonadskonto, src/main/java/no/nav/foreldrepenger/stønadskonto/regelmodell/"
ACCOUNTS_2026 = _KONTO + "konfig/Konfigurasjon.java and regler/FastsettStønadskontoStruktur.java; folketrygdloven § 14-9"
QUOTAS_2026 = _KONTO + "konfig/Konfigurasjon.java; folketrygdloven § 14-12"
MULTIPLE_2026 = _KONTO + "regler/LeggTilDagerVedFlereBarn.java and regler/OpprettKontoer.java; folketrygdloven § 14-9"
BIRTH_2026 = _KONTO + "regler/LeggTilDagerVedFødsel.java; folketrygdloven § 14-10"
FATHER_ONLY_2026 = _KONTO + "regler/LeggTilDagerVedBareFarRett.java; folketrygdloven § 14-14"
WORK_2026 = ("navikt/fp-inngangsvilkar, src/main/java/no/nav/foreldrepenger/inngangsvilkaar/regelmodell/opptjening/"
             "OpptjeningsvilkårParametre.java; folketrygdloven § 14-6")
ADOPTION_2026 = "https://regjeringen.no/no/dokumenter/prop.-85-ls-20232024/id3032242/?ch=3; folketrygdloven § 14-5"
_FT = "navikt/ft-beregning, beregningsregler/src/main/java/no/nav/folketrygdloven/beregningsgrunnlag/"
MINIMUM_2026 = _FT + "vurder/BeregningsgrunnlagUnderHalvG.java; folketrygdloven § 14-7"
RATE_2026 = _FT + "regelmodell/resultat/Konstanter.java and regelmodell/fastsett/BeregningsgrunnlagPrArbeidsforhold.java; folketrygdloven § 14-7"
GRANT_2026 = ("navikt/g, engangsstønad.json, and navikt/fp-sak, behandlingsprosess/src/main/java/no/nav/foreldrepenger/"
              "behandling/steg/beregnytelse/es/BeregneYtelseEngangsstønadStegImpl.java; folketrygdloven § 14-17")

# Per rate, the account each situation uses.
ACCOUNTS = {
    "100": {
        "mother_quota": "parental.mother_quota_days_full_rate",
        "father_quota": "parental.father_quota_days_full_rate",
        "shared": "parental.shared_days_full_rate",
        "one_parent": "parental.sole_parent_days_full_rate",
        "father_only": "parental.father_only_days_full_rate",
        "twins": "parental.twins_extra_days_full_rate",
        "more": "parental.triplets_extra_days_full_rate",
    },
    "80": {
        "mother_quota": "parental.mother_quota_days_reduced_rate",
        "father_quota": "parental.father_quota_days_reduced_rate",
        "shared": "parental.shared_days_reduced_rate",
        "one_parent": "parental.sole_parent_days_reduced_rate",
        "father_only": "parental.father_only_days_reduced_rate",
        "twins": "parental.twins_extra_days_reduced_rate",
        "more": "parental.triplets_extra_days_reduced_rate",
    },
}
TWINS = 2  # two children at once: NAV's account for twins (LeggTilDagerVedFlereBarn: getAntallBarn() == 2)


def weeks_and_days(days, p) -> str:
    """'61 weeks and 1 day', as NAV counts a period of weekdays."""
    week = int(p("parental.paid_days_per_week"))
    weeks, rest = divmod(int(days), week)
    text = f"{weeks} week{'' if weeks == 1 else 's'}"
    return text + (f" and {rest} day{'' if rest == 1 else 's'}" if rest else "")


def _extra_days(x, p, explain, names) -> int:
    children = x["children_born"]
    if children < TWINS:
        return 0
    name = names["twins"] if children == TWINS else names["more"]
    extra = int(p(name))
    what = "two children" if children == TWINS else "three or more children"
    explain.step(f"For {what} at once: {extra} extra days ({weeks_and_days(extra, p)}), added to the shared "
                 f"period (or to the one parent's period).", MULTIPLE_2026)
    return extra


def _days_2026(x, p, explain) -> dict:
    names = ACCOUNTS[x["coverage_percent"]]
    birth = not x["adoption"]
    who = x["who_is_entitled"]
    extra = _extra_days(x, p, explain, names)
    mother_before = int(p("parental.before_birth_days")) if birth and who in ("both", "mother_only") else 0
    if who == "both":
        mother, father = int(p(names["mother_quota"])), int(p(names["father_quota"]))
        shared = int(p(names["shared"])) + extra
        explain.step(
            f"At {x['coverage_percent']}% with both parents entitled: the mother's quota {weeks_and_days(mother, p)}, "
            f"the father's quota {weeks_and_days(father, p)}, and {weeks_and_days(shared, p)} the parents share "
            f"as they choose.", QUOTAS_2026)
    else:
        mother = father = 0
        alone = int(p(names["father_only" if who == "father_only" else "one_parent"]))
        shared = alone + extra
        whose = {"mother_only": "the mother's", "father_sole_care": "the father's (sole care)",
                 "father_only": "the father's"}[who]
        explain.step(f"At {x['coverage_percent']}% with one parent entitled there are no quotas: "
                     f"{weeks_and_days(alone, p)} are {whose}{' plus the extra days' if extra else ''}.",
                     ACCOUNTS_2026)
        if who == "father_only":
            free = extra or int(p("parental.father_only_minimum_days"))
            explain.step(f"Of these, the father may take {weeks_and_days(free, p)} whatever the mother does; the other "
                         f"days only while the mother works, studies or cannot care for the child (NAV checks this).",
                         FATHER_ONLY_2026)
    if mother_before:
        explain.step(f"Before the birth the mother has {weeks_and_days(mother_before, p)} of her own, "
                     f"on top of the days above.", BIRTH_2026)
    elif birth and who != "both":
        explain.step("No weeks before the birth: those are the mother's, and she is not entitled here.", BIRTH_2026)
    else:
        explain.step("Adoption: there are no weeks before the birth.", ACCOUNTS_2026)
    if birth and who in ("both", "father_sole_care", "father_only"):
        explain.step(f"The father may take {p('parental.father_days_around_birth')} of his days around the birth, "
                     f"at the same time as the mother; they come out of the days above, not on top.", BIRTH_2026)
    total = mother_before + mother + father + shared
    week = int(p("parental.paid_days_per_week"))
    return dict(total_days=total, total_weeks=total // week, weeks_before_birth=mother_before // week,
                mother_quota_weeks=mother // week, father_quota_weeks=father // week, shared_weeks=shared // week,
                shared_days=shared)


def _not_entitled_2026(x, p, explain, grant_too: bool) -> dict:
    zero = Decimal(0)
    grant = p("parental.maternity_grant") * x["children_born"] if grant_too else zero
    if grant_too:
        name = "adoption grant" if x["adoption"] else "maternity grant"
        explain.step(f"Not entitled to parental benefit. A lump-sum {name} (engangsstønad) of "
                     f"{nok(p('parental.maternity_grant'))} a child × {x['children_born']} = {nok(grant)} "
                     f"can be paid instead.", GRANT_2026)
        explain.answer(f"You are probably not entitled to parental benefit; the lump-sum grant of {nok(grant)} "
                       f"can be paid instead.")
    else:
        explain.step("Neither parental benefit nor the grant is paid for adopting a child of this age.", ADOPTION_2026)
        explain.answer(f"Not entitled: the adopted child must be under {p('parental.adoption_child_age_limit')}.")
    return dict(eligible=False, **NO_WEEKS, weekly_amount=zero, total_amount=zero, maternity_grant=grant,
                daily_rate=zero)


def formula_2026(x, p, explain):
    explain.note("2026 rules for births and adoptions from 1 July 2024. Not counted here: extra days for a premature "
                 "birth, a minimum right when two children are born close together, and the rules when the mother "
                 "has disability benefit; NAV adds them where they apply.")
    if x["adoption"]:
        limit = p("parental.adoption_child_age_limit")
        young = x["adopted_child_age"] < limit
        explain.step(f"The adopted child is {x['adopted_child_age']}: {'under' if young else 'not under'} "
                     f"the age limit of {limit}.", ADOPTION_2026)
        if not young:
            return _not_entitled_2026(x, p, explain, grant_too=False)
    if not _qualifies(x, p, explain, WORK_2026, MINIMUM_2026, with_g=True):
        return _not_entitled_2026(x, p, explain, grant_too=True)
    days = _days_2026(x, p, explain)
    coverage = p(RATES[x["coverage_percent"]]["coverage"])
    cap = p.g_times("parental.maximum_basis")
    basis = min(x["annual_income"], cap)
    capped = (f" (income counted up to {p.g_words('parental.maximum_basis')}, {nok(cap)})"
              if x["annual_income"] > cap else "")
    year, week = p("parental.paid_days_per_year"), p("parental.paid_days_per_week")
    daily = round_to(basis * coverage / year, p("parental.rounding"))
    explain.step(f"Daily rate: {percent(coverage)} of {nok(basis)}{capped} over {year} days = "
                 f"{nok(basis * coverage / year)}, rounded half up to {nok(daily)}. A week of {week} days: "
                 f"{nok(daily * week)}.", RATE_2026)
    total = daily * days["total_days"]
    explain.step(f"For the whole period: {days['total_days']} days ({weeks_and_days(days['total_days'], p)}) × "
                 f"{nok(daily)} = {nok(total)}.", RATE_2026)
    explain.answer(f"About {nok(daily * week)} a week before tax, for {weeks_and_days(days['total_days'], p)} "
                   f"in all ({nok(total)}).")
    return dict(eligible=True, **days, weekly_amount=daily * week, total_amount=total,
                maternity_grant=Decimal(0), daily_rate=daily)


CALCULATOR = Calculator(
    id="parental_benefit",
    title="Parental benefit",
    chapter="IV",
    summary="Whether you are entitled to parental benefit at birth or adoption, how the weeks are divided, "
            "and how much a week and in all; otherwise the lump-sum grant.",
    inputs=(
        fields.money("annual_income", "Annual income from work", required=True, example=400000,
                     help="Your pay, or income from self-employment, over a year, before tax."),
        fields.choice("coverage_percent", "Rate of benefit", (
            ("100", "100% for a shorter period"),
            ("80", "80% for a longer period"),
        ), help="The parents choose once: today 100% for 49 weeks, or 80% for 61 weeks and 1 day "
                "(both parents entitled, one child)."),
        fields.choice("who_is_entitled", "Who qualifies for parental benefit", (
            ("both", "Both parents"),
            ("mother_only", "Only the mother (or she has sole care)"),
            ("father_sole_care", "The father, who has sole care"),
            ("father_only", "Only the father (the mother does not qualify)"),
        ), default="both",
            help="A parent qualifies with paid work in 6 of the last 10 months and income of at least half "
                 "the basic amount. Used by today's rules."),
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
        Output("weekly_amount", "A week", "NOK/week"),
        Output("eligible", "Entitled to parental benefit", "boolean"),
        Output("total_weeks", "Weeks of leave in all (whole weeks)", "weeks"),
        Output("total_days", "Days of leave in all (5 a week)", "days"),
        Output("daily_rate", "A day", "NOK/day"),
        Output("total_amount", "Parental benefit for the whole period", "NOK"),
        Output("mother_quota_weeks", "Mother's quota", "weeks"),
        Output("father_quota_weeks", "Father's quota", "weeks"),
        Output("shared_weeks", "Weeks the parents share (whole weeks)", "weeks"),
        Output("shared_days", "Days the parents share (or one parent's days)", "days"),
        Output("weeks_before_birth", "Weeks the mother takes before the birth", "weeks"),
        Output("maternity_grant", "Lump-sum grant (engangsstønad), or the 2013 top-up", "NOK"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "A period that is not whole weeks is counted in days, 5 a week: 61 weeks and 1 day is 306 days. "
        "Whole weeks are shown in the week figures, the rest in the day figures.",
        "The extra days for more than one child are added to the shared period, as the law does; "
        "we apply them also to children adopted at once.",
        "The lump-sum grant goes to mothers (and adoptive parents) who do not qualify for parental benefit.",
    ),
)
