"""Death grant towards funeral expenses (gravferdsstønad), guide chapter VII."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, number
from ..sources import guide

DEATH_GRANT = guide("VII", "Death grant")
MEANS_TEST = "folketrygdloven § 7-2 (beyond the guide)"


def _capped_at_costs(x, p, explain) -> Decimal:
    maximum = p("survivors.death_grant_maximum")
    capped = min(x["funeral_costs"], maximum)
    explain.step(
        f"The grant covers funeral-related expenses up to {nok(maximum)}: funeral costs of {nok(x['funeral_costs'])} "
        f"give at most {nok(capped)}.",
        DEATH_GRANT,
    )
    return capped


def _after_means_test(x, capped, p, explain) -> Decimal:
    age = number(p("survivors.death_grant_means_test_age"))
    if x["deceased_under_18"]:
        explain.step(f"The deceased was under {age}, so the grant is not means-tested: the estate and the "
                     "family's means do not reduce it.", DEATH_GRANT)
        return capped
    grant = max(capped - x["means"], Decimal(0))
    explain.step(
        f"The deceased was {age} or over, so the grant is means-tested: it is reduced by the means that count, "
        f"{nok(x['means'])}: {nok(capped)} − {nok(x['means'])} = {nok(grant)}"
        f"{' (the means cover the costs, so no grant)' if not grant and capped else ''}.",
        f"{DEATH_GRANT}; how the means reduce it: {MEANS_TEST}",
    )
    return grant


def formula_2013(x, p, explain):
    capped = _capped_at_costs(x, p, explain)
    grant = _after_means_test(x, capped, p, explain)
    return dict(grant=grant, means_tested=not x["deceased_under_18"])


CALCULATOR = Calculator(
    id="death_grant",
    title="Death grant (funeral expenses)",
    chapter="VII",
    summary="The lump sum towards funeral expenses, up to a fixed maximum, means-tested unless the deceased "
            "was under 18.",
    inputs=(
        fields.money("funeral_costs", "Funeral costs", required=True, example=30000,
                     help="The documented funeral-related expenses."),
        fields.boolean("deceased_under_18", "The deceased was under 18",
                       help="Then the grant is not means-tested."),
        fields.money("means", "Means that count in the means test",
                     help="Only when the deceased was 18 or over. Unmarried deceased: their net wealth plus insurance "
                          "paid because of the death. Married: both spouses' financial wealth plus such insurance, "
                          "less an allowance equal to the full grant. 0 if none or unknown."),
    ),
    outputs=(
        Output("grant", "Death grant", "NOK"),
        Output("means_tested", "Means-tested", "boolean"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "'Means-tested' means the grant is reduced by the money the deceased (and a spouse) had: the guide says no "
        "more than that. We follow folketrygdloven § 7-2 (beyond the guide): the grant, never more than the costs, "
        "is reduced krone for krone by the deceased's net wealth and insurance paid because of the death; for a "
        "married deceased by both spouses' financial wealth and such insurance, after an allowance equal to the "
        "full grant. Work out that figure yourself and enter it as the means; NAV uses the last tax assessment.",
        "The guide says the grant 'may be granted': NAV decides on the documented costs. Not means-tested: with a "
        "deceased under 18, the grant is the costs up to the maximum, whatever the family's means.",
    ),
)
