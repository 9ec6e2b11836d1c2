"""Children's pension (barnepensjon), guide chapter VII."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, number, percent, round_to
from ..sources import guide
from .survivors_pension import _basic_pension, _special_supplement, counted_insurance_years

CHILDRENS_PENSION = guide("VII", "Children's pension")

# Where the rules from 1 January 2024 were read: NAV's code for survivors' benefits and the sections it names.
_ETT = "NAV, navikt/pensjon-etterlatte-saksbehandling, "
RATE_2026 = _ETT + "apps/etterlatte-beregning/.../barnepensjon/sats/BarnepensjonSats.kt; folketrygdloven § 18-4"
INSURANCE_2026 = (_ETT + "apps/etterlatte-beregning/.../barnepensjon/trygdetidsfaktor/Trygdetidsfaktor.kt and "
                  "BeregnBarnepensjon.kt; folketrygdloven § 18-5")
CONDITIONS_2026 = (_ETT + "apps/etterlatte-behandling/.../vilkaarsvurdering/vilkaar/BarnepensjonVilkaar2024.kt; "
                   "folketrygdloven § 18-4")
MEMBERSHIP_2026 = (_ETT + "apps/etterlatte-behandling/.../vilkaarsvurdering/vilkaar/BarnepensjonVilkaar2024.kt; "
                   "folketrygdloven § 18-2")
OCCUPATIONAL_2026 = (_ETT + "apps/etterlatte-behandling/.../vilkaarsvurdering/vilkaar/BarnepensjonVilkaar2024.kt; "
                     "folketrygdloven § 18-10")


def _scaled_rate(name, years, p) -> Decimal:
    # Reduced like a surviving spouse's basic pension for the deceased's short insurance.
    return p(name) * p.g * years / p("survivors.full_insurance_years")


def _least_survivor_pension(years, p, explain) -> Decimal:
    """The survivor's pension with no supplementary pension and no income: basic pension and special supplement."""
    basic = _basic_pension(years, p, explain)
    special = _special_supplement(years, Decimal(0), p, explain)
    least = basic + special
    explain.step(
        f"Both parents are deceased: the first child's pension equals the survivor's pension one parent would have "
        f"had. You entered none, so we use the least it can be, with no supplementary pension: {nok(basic)} + "
        f"{nok(special)} = {nok(least)} a year.",
        CHILDRENS_PENSION,
    )
    return least


def _pensions_by_child(x, years, p, explain) -> list[Decimal]:
    first, further = "survivors.first_child_pension", "survivors.further_child_pension"
    full_years = p("survivors.full_insurance_years")
    scaling = "" if years == full_years else f" × {number(years)}/{number(full_years)} insurance years"
    pensions = []
    if x["both_parents_deceased"]:
        given = x["higher_parent_survivor_pension"]
        if given:
            explain.step(
                f"Both parents are deceased: the first child's pension equals the higher parent's survivor's "
                f"pension, {nok(given)} a year.",
                CHILDRENS_PENSION,
            )
        else:
            given = _least_survivor_pension(years, p, explain)
            explain.note("2013 rules: you did not enter the higher parent's survivor's pension, so the first child "
                         "is given the least survivor's pension a parent could have had (basic pension and special "
                         "supplement, no supplementary pension). If either parent had a supplementary pension, the "
                         "real figure is higher: work it out with the survivor's pension calculator and enter it.")
        pensions.append(given)
    rate_names = ([first] + [further] * x["children"])[: x["children"] - len(pensions)]
    if not rate_names:
        return pensions
    pensions.extend(_scaled_rate(name, years, p) for name in rate_names)
    ordinal = "second" if x["both_parents_deceased"] else "first"
    explain.step(
        f"Full pension for the {ordinal} child: {percent(p(first))} of the basic amount{scaling}; "
        f"for each further child {percent(p(further))}{scaling}: "
        f"{nok(_scaled_rate(first, years, p))} and {nok(_scaled_rate(further, years, p))} a year.",
        CHILDRENS_PENSION,
    )
    return pensions


def formula_2013(x, p, explain):
    if not x["children"]:
        explain.step("No children, so no children's pension.", CHILDRENS_PENSION)
        explain.answer("No children's pension: you entered no children.")
        return dict(total_annual=Decimal(0), per_child=Decimal(0), monthly_per_child=Decimal(0))
    years = counted_insurance_years(x, p, explain, CHILDRENS_PENSION)
    pensions = _pensions_by_child(x, years, p, explain)
    total = sum(pensions, Decimal(0))
    per_child = total / x["children"]
    explain.step(
        f"The pensions are added together, {' + '.join(nok(a) for a in pensions)} = {nok(total)} a year, "
        f"and divided equally among the {x['children']} "
        f"{'child' if x['children'] == 1 else 'children'}: {nok(per_child)} each.",
        CHILDRENS_PENSION,
    )
    months = p("survivors.months_in_year")
    explain.step(f"A month: {nok(per_child)} / {number(months)} = {nok(per_child / months)} for each child "
                 "(our arithmetic; the guide gives yearly amounts).", CHILDRENS_PENSION)
    explain.answer(_headline(per_child, total, x["children"]))
    return dict(total_annual=total, per_child=per_child, monthly_per_child=per_child / months)


def _headline(per_child, total, children) -> str:
    if children == 1:
        return f"About {nok(per_child)} a year before tax for the child."
    return f"About {nok(per_child)} a year before tax for each child ({nok(total)} for all {children} together)."


def _years_2026(x, p, explain) -> Decimal:
    full = p("survivors.full_insurance_years")
    if x["death_from_occupational_injury"]:
        explain.step(
            "The death was caused by an approved occupational injury or disease, so the pension is not reduced for "
            "short insurance, and the conditions on membership do not apply.",
            OCCUPATIONAL_2026,
        )
        return full
    return min(Decimal(x["deceased_insurance_years"]), full)


def formula_2026(x, p, explain):
    explain.step(
        f"Conditions this calculator assumes: the child is under {number(p('survivors.child_age_limit'))} "
        "(no schooling needed), and the parent who died was a member of National Insurance for the "
        f"{number(p('adjustment_allowance.membership_years_before_death'))} years before the death, or drew a "
        "pension or disability benefit in those years.",
        CONDITIONS_2026,
    )
    zero = Decimal(0)
    if not x["children"]:
        explain.step("No children, so no children's pension.", CONDITIONS_2026)
        explain.answer("No children's pension: you entered no children.")
        return dict(total_annual=zero, per_child=zero, monthly_per_child=zero)
    orphan = x["both_parents_deceased"] or x["only_one_legal_parent"]
    name = "survivors.child_rate_both_parents" if orphan else "survivors.child_rate_one_parent"
    months = p("survivors.months_in_year")
    rate = p.g_times(name) / months
    explain.step(
        f"{'Both parents have died (or the child has only one legal parent)' if orphan else 'One parent has died'}: "
        f"{p.g_words(name)} a year for each child ({nok(p.g_times(name))} with G = {nok(p.g)}), "
        f"{nok(rate)} a month.",
        RATE_2026,
    )
    if x["both_parents_deceased"] and x["higher_parent_survivor_pension"]:
        explain.step("Under today's rules the parents' survivor's pensions are not used: the rate is the same for "
                     "every child.", RATE_2026)
    years = _years_2026(x, p, explain)
    full_years = p("survivors.full_insurance_years")
    unrounded = rate * years / full_years
    monthly = round_to(unrounded, p("survivors.monthly_rounding"))
    if years == full_years:
        explain.step(f"With {number(full_years)} insurance years or more the pension is in full: {nok(monthly)} a "
                     "month for each child, rounded to whole kroner.", INSURANCE_2026)
    else:
        explain.step(
            f"The parent had {number(years)} insurance years (with both parents dead, the longer of the two counts), "
            f"and {number(full_years)} give the full pension: {nok(rate)} × {number(years)}/{number(full_years)} = "
            f"{nok(unrounded)}, rounded to {nok(monthly)} a month for each child.",
            INSURANCE_2026,
        )
    per_child = monthly * months
    total = per_child * x["children"]
    explain.step(
        f"Each child gets its own pension; it is not shared between brothers and sisters: {nok(monthly)} × "
        f"{number(months)} months = {nok(per_child)} a year for each child, {nok(total)} for "
        f"{x['children']} {'child' if x['children'] == 1 else 'children'}.",
        RATE_2026,
    )
    explain.answer(f"About {nok(monthly)} a month before tax for each child ({nok(per_child)} a year), "
                   f"until the child turns {number(p('survivors.child_age_limit'))}.")
    return dict(total_annual=total, per_child=per_child, monthly_per_child=monthly)


CALCULATOR = Calculator(
    id="childrens_pension",
    title="Children's pension",
    chapter="VII",
    summary="The children's pension a year for children who have lost one or both parents, in all and per child.",
    inputs=(
        fields.integer("children", "Children entitled to the pension", default=1, max=20,
                       help="Children who have lost the parent: under 20 under today's rules (deaths from 2024 and "
                            "today's payments); under 18 in the guide's 2013 rules (20 in education if both parents "
                            "are deceased)."),
        fields.boolean("both_parents_deceased", "Both parents are deceased",
                       help="The first child then receives the survivor's pension one parent would have had."),
        fields.money("higher_parent_survivor_pension", "Higher survivor's pension of the two parents (2013 rules)",
                     help="Only for the guide's 2013 rules, and only when both parents are deceased: the full "
                          "survivor's pension a year that would have been paid to the parent entitled to the higher "
                          "pension (the survivor's pension calculator on this page, with no income). Leave 0 and "
                          "we use the least it can be (no supplementary pension). Today's rules do not use it."),
        fields.boolean("only_one_legal_parent", "The child has only one legal parent, who has died",
                       help="Today's rules pay the higher rate for both parents dead also when only one legal parent "
                            "is registered."),
        fields.integer("deceased_insurance_years", "The deceased parent's insurance years", default=40, max=50,
                       unit="years",
                       help="40 give the full rate; fewer reduce the pension as they would a surviving spouse's "
                            "basic pension. If both parents are deceased, give the longer of the two."),
        fields.boolean("death_from_occupational_injury", "The death was caused by an occupational injury or disease",
                       help="Then the pension is paid at the full rate whatever the insurance years (chapter VIII)."),
    ),
    outputs=(
        Output("per_child", "Children's pension a year for each child", "NOK/year"),
        Output("monthly_per_child", "Children's pension a month for each child", "NOK/month"),
        Output("total_annual", "Children's pension a year, all children together", "NOK/year"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "Today's rules (deaths from 1 January 2024, and all payments since then): 1 G a year for each child, 2.25 G "
        "when both parents have died, reduced for the parent's short insurance, paid a month and rounded to whole "
        "kroner, to age 20, with no sharing between brothers and sisters (NAV's letter on the change of 1 January "
        "2024, navikt/pensjonsbrev EnkeltVedtakOmregningNyttRegelverk.kt: 'an increased rate', 'raised the age "
        "limit from 18 to 20 years', 'no sibling adjustment').",
        "2013 rules: Both parents deceased: the guide says the first child's pension equals 'the survivor's pension which would "
        "have been paid to the parent who was entitled to the highest pension'. We read that as a caseworker would: "
        "for each parent, the survivor's pension they would have had had the other died first; take the higher, "
        "in full, without an income test, since that parent too has died. You enter that figure.",
        "The reduction for short insurance applies to the 40% and 25% rates; the first child's pension when both "
        "parents are deceased is a survivor's pension, already reduced. With both parents deceased we use the "
        "longer of their insurance periods, the reading more favourable to the children.",
        "The calculator assumes the conditions of chapter VII are met: the child is under 18 (20 in education if "
        "both parents are deceased; 21 after an occupational injury) and the deceased was insured and able to work "
        "for the three years before death, or drew a pension for three years. Nothing is rounded.",
    ),
)
