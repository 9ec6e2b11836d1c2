"""Death grant towards funeral expenses (gravferdsstønad), guide chapter VII."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, number
from ..sources import guide

DEATH_GRANT = guide("VII", "Death grant")
# How the means test works, beyond the guide: the law, and NAV's own worked example.
NAV_EXAMPLE = "https://www.nav.no/no/person/pensjon/andre-pensjonsordninger/stonad-ved-gravferd-og-baretransport"
MEANS_TEST = f"folketrygdloven § 7-2; NAV's worked example: {NAV_EXAMPLE}"


def _after_means_test(x, p, explain) -> Decimal:
    """The maximum less the means (never below 0): the most the grant can be."""
    maximum = p("survivors.death_grant_maximum")
    age = number(p("survivors.death_grant_means_test_age"))
    if x["deceased_under_18"]:
        explain.step(f"The deceased was under {age}, so the grant is not means-tested: the estate and the family's "
                     f"means do not reduce it. The most it can be is the full grant, {nok(maximum)}.", DEATH_GRANT)
        return maximum
    ceiling = max(maximum - x["means"], Decimal(0))
    explain.step(
        f"The deceased was {age} or over, so the grant is means-tested: the means that count, {nok(x['means'])}, "
        f"are taken off the full grant: {nok(maximum)} − {nok(x['means'])} = {nok(ceiling)} at most"
        f"{' (the means cover the full grant, so no grant)' if not ceiling else ''}.",
        f"{DEATH_GRANT}; {MEANS_TEST}",
    )
    return ceiling


def _capped_at_costs(x, ceiling, explain) -> Decimal:
    grant = min(x["funeral_costs"], ceiling)
    explain.step(
        f"The grant is never more than the funeral costs: the lower of {nok(x['funeral_costs'])} and "
        f"{nok(ceiling)} is {nok(grant)}.",
        f"{DEATH_GRANT}; folketrygdloven § 7-2",
    )
    return grant


def formula_2013(x, p, explain):
    ceiling = _after_means_test(x, p, explain)
    grant = _capped_at_costs(x, ceiling, explain)
    if grant:
        explain.answer(f"About {nok(grant)} towards the funeral, paid once (the most the guide's 2013 rules give is "
                       f"{nok(p('survivors.death_grant_maximum'))}).")
    else:
        explain.answer("Probably no death grant: the means that count cover the full grant.")
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
                          "and similar sums paid because of the death. Married or cohabiting: both spouses' financial "
                          "wealth (bank deposits, shares) above an allowance, plus such sums; the law sets the "
                          "allowance at the full grant, NAV's page of 2021 at twice the grant (NOK 50,754). NAV uses "
                          "the last tax assessment. 0 if none or unknown."),
    ),
    outputs=(
        Output("grant", "Death grant", "NOK"),
        Output("means_tested", "Means-tested", "boolean"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "'Means-tested' means the grant is reduced by the money the deceased (and a spouse) had: the guide says no "
        "more than that. We follow folketrygdloven § 7-2 (beyond the guide) and NAV's worked example (full grant "
        "25,377 − means 5,200 = at most 20,177): the means are taken off the full grant, and the grant is then at "
        "most the costs. Means are the deceased's net wealth and insurance paid because of the death; for a married "
        "deceased, both spouses' financial wealth and such insurance, after an allowance. Work out that figure "
        "yourself and enter it as the means; NAV uses the last tax assessment.",
        "Today's maximum is not offered: we could not trace it to a source we could read (the newest NAV page we "
        "found gives NOK 25,377 from 1 January 2021). nav.no gives today's figure.",
        "The guide says the grant 'may be granted': NAV decides on the documented costs. Not means-tested: with a "
        "deceased under 18, the grant is the costs up to the maximum, whatever the family's means.",
    ),
)
