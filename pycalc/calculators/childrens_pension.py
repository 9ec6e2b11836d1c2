"""Children's pension (barnepensjon), guide chapter VII."""
from decimal import Decimal

from .. import fields
from ..errors import InputError
from ..model import Calculator, Output
from ..money import nok, number, percent
from ..sources import guide
from .survivors_pension import counted_insurance_years

CHILDRENS_PENSION = guide("VII", "Children's pension")


def _check_survivor_pension_given(x):
    if x["both_parents_deceased"] and x["children"] and not x["higher_parent_survivor_pension"]:
        raise InputError([{
            "field": "higher_parent_survivor_pension",
            "message": "When both parents are deceased, the first child's pension equals the survivor's pension "
                       "one parent would have had: give the higher of the two (the survivors_pension calculator "
                       "can work it out).",
        }])


def _scaled_rate(name, years, p) -> Decimal:
    # Reduced like a surviving spouse's basic pension for the deceased's short insurance.
    return p(name) * p.g * years / p("survivors.full_insurance_years")


def _pensions_by_child(x, years, p, explain) -> list[Decimal]:
    first, further = "survivors.first_child_pension", "survivors.further_child_pension"
    full_years = p("survivors.full_insurance_years")
    scaling = "" if years == full_years else f" × {number(years)}/{number(full_years)} insurance years"
    pensions = []
    if x["both_parents_deceased"]:
        pensions.append(x["higher_parent_survivor_pension"])
        explain.step(
            f"Both parents are deceased: the first child's pension equals the higher parent's survivor's pension, "
            f"{nok(x['higher_parent_survivor_pension'])} a year.",
            CHILDRENS_PENSION,
        )
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
    _check_survivor_pension_given(x)
    if not x["children"]:
        explain.step("No children, so no children's pension.", CHILDRENS_PENSION)
        return dict(total_annual=Decimal(0), per_child=Decimal(0))
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
    return dict(total_annual=total, per_child=per_child)


CALCULATOR = Calculator(
    id="childrens_pension",
    title="Children's pension",
    chapter="VII",
    summary="The children's pension a year for children who have lost one or both parents, in all and per child.",
    inputs=(
        fields.integer("children", "Children entitled to the pension", default=1, max=20,
                       help="Children under 18 (under 20 in education if both parents are deceased) who have "
                            "lost the parent."),
        fields.boolean("both_parents_deceased", "Both parents are deceased",
                       help="The first child then receives the survivor's pension one parent would have had."),
        fields.money("higher_parent_survivor_pension", "Higher survivor's pension of the two parents",
                     help="Only when both parents are deceased: the full survivor's pension a year that would have "
                          "been paid to the parent entitled to the higher pension (survivors_pension calculator, "
                          "with no income)."),
        fields.integer("deceased_insurance_years", "The deceased parent's insurance years", default=40, max=50,
                       unit="years",
                       help="40 give the full rate; fewer reduce the pension as they would a surviving spouse's "
                            "basic pension. If both parents are deceased, give the longer of the two."),
        fields.boolean("death_from_occupational_injury", "The death was caused by an occupational injury or disease",
                       help="Then the pension is paid at the full rate whatever the insurance years (chapter VIII)."),
    ),
    outputs=(
        Output("total_annual", "Children's pension a year, all children together", "NOK/year"),
        Output("per_child", "Children's pension a year for each child", "NOK/year"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "Both parents deceased: the guide says the first child's pension equals 'the survivor's pension which would "
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
