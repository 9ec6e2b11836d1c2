"""Cash benefit for families with small children (kontantstøtte), guide chapter IX."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, percent, round_to
from ..sources import guide

ENTITLED = guide("IX", "When are you entitled to family benefits?")
COVERED = guide("IX", "What is covered?")
HOURS_LAW = "kontantstøtteloven § 7 as in force from 1 August 2012 (beyond the guide)"
_KS = "navikt/familie-ks-sak, src/main/kotlin/no/nav/familie/ks/sak/kjerne/"
RATE_2026 = _KS + "beregning/domene/Sats.kt; kontantstøtteloven § 7"
AGE_2026 = (_KS + "behandling/steg/vilkårsvurdering/VilkårLovverkInformasjonForBarn.kt and lovverk/LovverkUtleder.kt "
            "(the 2025 rules, for children born from 1 January 2024); kontantstøtteloven § 2")
# Bands of agreed weekly kindergarten hours, fewest hours first: (hours the band stays below, share paid).
HOUR_BANDS_2026 = (
    ("family.cash_benefit_band_1_below_hours", "family.cash_benefit_band_1_share"),
    ("family.cash_benefit_band_2_below_hours", "family.cash_benefit_band_2_share"),
    ("family.cash_benefit_band_3_below_hours", "family.cash_benefit_band_3_share"),
    ("family.cash_benefit_band_4_below_hours", "family.cash_benefit_band_4_share"),
)


def _full_rate(x, p, explain) -> Decimal | None:
    """The full monthly rate for the child's age, or None when the age gives no benefit."""
    age = x["child_age_months"]
    bands = (
        ("family.cash_benefit_younger_from_month", "family.cash_benefit_younger_to_month",
         "family.cash_benefit_younger_rate"),
        ("family.cash_benefit_older_from_month", "family.cash_benefit_older_to_month",
         "family.cash_benefit_older_rate"),
    )
    for first, last, rate in bands:
        if p(first) <= age <= p(last):
            explain.step(
                f"A child of {age} months is in the band {p(first)}-{p(last)} months: "
                f"the full rate is {nok(p(rate))} a month.",
                COVERED,
            )
            return p(rate)
    explain.step(
        f"No cash benefit for a child of {age} months: it is paid from {p(bands[0][0])} to {p(bands[-1][1])} "
        f"months of age. Child benefit (barnetrygd) is paid for all children under 18.",
        ENTITLED,
    )
    return None


def _share_for_daycare(x, p, explain) -> Decimal:
    hours = x["daycare_hours_per_week"]
    limit = p("family.cash_benefit_hours_limit")
    if hours == 0:
        explain.step("The child is not in subsidised day care: the full rate is paid.", COVERED)
        return Decimal(1)
    if hours < limit:
        share = p("family.cash_benefit_part_time_share")
        explain.step(
            f"{hours} hours a week in subsidised day care, fewer than {limit}: {percent(share)} of the full rate.",
            COVERED,
        )
        return share
    if hours == limit:
        explain.step(
            f"{hours} hours a week in subsidised day care: no cash benefit. The guide gives half for fewer than "
            f"{limit} hours and nothing above; exactly {limit} hours gives nothing, as the law reads "
            f"('{limit} timer eller mer').",
            HOURS_LAW,
        )
    else:
        explain.step(f"{hours} hours a week in subsidised day care, more than {limit}: no cash benefit.", COVERED)
    return Decimal(0)


def _nothing(explain, why: str) -> dict:
    explain.answer(f"No cash-for-care benefit: {why}.")
    return dict(monthly_amount=Decimal(0))


def _paid(explain, monthly, ages: str) -> dict:
    explain.answer(f"{nok(monthly)} a month for this child, paid {ages}.")
    return dict(monthly_amount=monthly)


def formula_2013(x, p, explain):
    full = _full_rate(x, p, explain)
    first, last = p("family.cash_benefit_younger_from_month"), p("family.cash_benefit_older_to_month")
    if full is None:
        return _nothing(explain, f"it is paid for children aged {first} to {last} months")
    share = _share_for_daycare(x, p, explain)
    if share == 0:
        return _nothing(explain, "the child has too many hours in subsidised day care")
    monthly = round_to(full * share, p("family.cash_benefit_rounding"))
    explain.step(f"Cash benefit: {percent(share)} of {nok(full)} = {nok(monthly)} a month, in whole kroner.",
                 COVERED)
    return _paid(explain, monthly, f"while the child is {first} to {last} months old")


def _in_age_range_2026(x, p, explain) -> bool:
    age = x["child_age_months"]
    first, ends = p("family.cash_benefit_from_age_months"), p("family.cash_benefit_until_age_months")
    inside = first <= age < ends
    if inside:
        explain.step(f"A child of {age} months is within the age range: from {first} months until the child "
                     f"turns {ends} months.", AGE_2026)
    else:
        explain.step(f"No cash benefit for a child of {age} months: it runs from {first} months until the child "
                     f"turns {ends} months. Child benefit (barnetrygd) is paid for all children under 18.", AGE_2026)
    return inside


def _share_for_kindergarten_2026(x, p, explain) -> Decimal:
    hours = x["daycare_hours_per_week"]
    if hours == 0:
        share = p("family.cash_benefit_no_kindergarten_share")
        explain.step(f"No agreed time in a kindergarten: {percent(share)} of the full rate.", RATE_2026)
        return share
    for below, share_name in HOUR_BANDS_2026:
        if hours < p(below):
            share = p(share_name)
            explain.step(f"{hours} agreed hours a week in a kindergarten, fewer than {p(below)}: "
                         f"{percent(share)} of the full rate.", RATE_2026)
            return share
    last = p(HOUR_BANDS_2026[-1][0])
    explain.step(f"{hours} agreed hours a week in a kindergarten, {last} or more: no cash benefit.", RATE_2026)
    return Decimal(0)


def formula_2026(x, p, explain):
    # One full rate for the whole age range, reduced in steps by the agreed kindergarten hours.
    explain.note("2026 rules: NAV pays from the calendar month after the child is within the age range; the exact "
                 "first and last month paid follow NAV's calendar rules, which this calculator does not model.")
    explain.note("2026 rules: a child who lives with both parents in turn (delt bosted) gives each parent half; "
                 "not modelled here.")
    first, ends = p("family.cash_benefit_from_age_months"), p("family.cash_benefit_until_age_months")
    if not _in_age_range_2026(x, p, explain):
        return _nothing(explain, f"it is paid from {first} months until the child turns {ends} months")
    share = _share_for_kindergarten_2026(x, p, explain)
    if share == 0:
        return _nothing(explain, f"with {x['daycare_hours_per_week']} agreed hours a week in a kindergarten "
                                 f"nothing is paid")
    full = p("family.cash_benefit_full_rate")
    monthly = round_to(full * share, p("family.cash_benefit_rounding"))
    explain.step(f"Cash benefit: {percent(share)} of {nok(full)} = {nok(monthly)} a month, in whole kroner.",
                 RATE_2026)
    return _paid(explain, monthly, f"from {first} months until the child turns {ends} months")


CALCULATOR = Calculator(
    id="cash_benefit_small_children",
    title="Cash benefit for families with small children",
    chapter="IX",
    summary="Cash-for-care benefit a month for a child from 12 months until 20 months old (2026 rules; the guide's "
            "2013 rules: 13 to 23 months), by the child's age and agreed hours in a kindergarten.",
    inputs=(
        fields.integer("child_age_months", "Child's age in months", required=True, example=15, max=216,
                       unit="months", help="The child's age in whole months."),
        fields.integer("daycare_hours_per_week", "Agreed hours a week in subsidised day care", max=168,
                       unit="hours",
                       help="The time agreed with a day-care centre that receives a public grant; 0 if none."),
    ),
    outputs=(
        Output("monthly_amount", "A month", "NOK/month"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "The guide gives half the rate for 'less than 20 hours' and nothing when the time 'exceeds 20 hours'. "
        "Exactly 20 hours gives nothing, as the law says (kontantstøtteloven § 7: '20 timer eller mer') "
        "and as the 2012 rate table shows (half for up to 19 hours).",
        "Half of NOK 3,303 is paid as NOK 1,652: the benefit is paid in whole kroner.",
        "Hours are the agreed time in a day-care centre that receives a public grant; time in other care does "
        "not count.",
    ),
)
