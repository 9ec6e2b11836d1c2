"""Child benefit (barnetrygd), guide chapter IX."""
from .. import fields
from ..units import MONTHS_A_YEAR
from ..model import Calculator, Output
from ..money import nok
from ..sources import guide

COVERED = guide("IX", "What is covered?")
RATES_2026 = ("navikt/familie-ba-sak, src/main/kotlin/no/nav/familie/ba/sak/kjerne/beregning/SatsService.kt "
              "(rates from 1 February 2026); barnetrygdloven § 10")


def formula_2013(x, p, explain):
    children = x["children"]
    counted = children
    if x["single_parent"] and children:
        counted += int(p("child_benefit.single_parent_extra_children"))
        explain.step(f"As a single parent you receive child benefit for {counted} children, one more than you have.",
                     COVERED)
    rate = p("child_benefit.monthly_rate")
    monthly = counted * rate
    explain.step(f"Child benefit: {counted} × {nok(rate)} = {nok(monthly)} a month.", COVERED)
    if x["northern_supplement"]:
        supplement = p("child_benefit.northern_supplement")
        monthly += children * supplement
        explain.step(
            f"Northern supplement: {children} × {nok(supplement)} = {nok(children * supplement)} a month, "
            f"for each child you have.",
            COVERED,
        )
    explain.step(f"In all {nok(monthly)} a month, {nok(monthly * MONTHS_A_YEAR)} a year.", COVERED)
    _answer(children, monthly, explain)
    return dict(monthly_amount=monthly, annual_amount=monthly * MONTHS_A_YEAR)


def _answer(children, monthly, explain):
    if not children:
        explain.answer("No child benefit: it is paid for children under 18 who live with you.")
        return
    explain.answer(f"{nok(monthly)} a month ({nok(monthly * MONTHS_A_YEAR)} a year) for {children} "
                   f"{'child' if children == 1 else 'children'}.")


def formula_2026(x, p, explain):
    # Since 2024 one ordinary rate for every child; a single parent no longer counts one child more but gets
    # extended child benefit, one fixed amount a month.
    children = x["children"]
    rate = p("child_benefit.monthly_rate")
    monthly = children * rate
    explain.step(f"Child benefit: {children} × {nok(rate)} = {nok(monthly)} a month, the same rate at every age "
                 f"under 18.", RATES_2026)
    if x["single_parent"] and children:
        extended = p("child_benefit.single_parent_extended_rate")
        monthly += extended
        explain.step(f"As a single parent you also receive extended child benefit (utvidet barnetrygd): "
                     f"{nok(extended)} a month, one amount whatever the number of children.", RATES_2026)
        explain.note("A single parent with a child under 3 who also receives transitional benefit "
                     "(overgangsstønad) may get a further small-child supplement (småbarnstillegg); "
                     "it is not included here.")
    if x["northern_supplement"]:
        supplement = p("child_benefit.northern_supplement")
        monthly += children * supplement
        explain.step(
            f"Finnmark or Svalbard supplement (finnmarkstillegg / svalbardtillegg): {children} × {nok(supplement)} "
            f"= {nok(children * supplement)} a month.",
            RATES_2026,
        )
        explain.note("Which places give the Finnmark supplement follows NAV's rules; this calculator takes your "
                     "answer as given.")
    explain.step(f"In all {nok(monthly)} a month, {nok(monthly * MONTHS_A_YEAR)} a year.", RATES_2026)
    _answer(children, monthly, explain)
    return dict(monthly_amount=monthly, annual_amount=monthly * MONTHS_A_YEAR)


CALCULATOR = Calculator(
    id="child_benefit",
    title="Child benefit",
    chapter="IX",
    summary="Child benefit a month and a year for your children under 18.",
    inputs=(
        fields.integer("children", "Children under 18", max=20, default=1,
                       help="Children under 18 who live with you in Norway."),
        fields.boolean("single_parent", "Single parent",
                       help="You provide for the children alone."),
        fields.boolean("northern_supplement", "Living in Finnmark, North Troms or on Svalbard",
                       help="The northernmost areas, where a supplement is paid for each child."),
    ),
    outputs=(
        Output("monthly_amount", "A month", "NOK/month"),
        Output("annual_amount", "A year", "NOK/year"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "The guide does not say whether the single parent's extra child also gets the northern supplement; "
        "we add the supplement for each child you actually have.",
    ),
)
