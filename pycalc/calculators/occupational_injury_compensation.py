"""Occupational injury: compensation for non-economic loss (ménerstatning), guide chapter VIII."""
from .. import fields
from ..units import PERCENT
from ..model import Calculator, Output
from ..money import nok, number, percent
from ..sources import guide

COVERED = guide("VIII", "What is covered?")


def _non_economic_loss_maximum(p, explain):
    share = p("occupational_injury.non_economic_loss_maximum")
    maximum = share * p.g
    explain.step(
        f"Compensation for non-economic loss: at most {percent(share)} of the basic amount, {nok(maximum)} a year; "
        "you may choose to have it paid as a lump sum instead.",
        COVERED,
    )
    return maximum


def _amount_for_impairment(x, maximum, explain) -> str:
    impairment = number(x["medical_impairment_percent"])
    text = (f"Not given by the guide: it gives only the maximum, {nok(maximum)} a year, not how the compensation "
            f"is graded for a medical impairment of {impairment}%. NAV grades it by a table in the regulations "
            "(forskrift om menerstatning ved yrkesskade).")
    explain.step(f"Your medical impairment is {impairment}%. {text}", COVERED)
    return text


def _favourable_rules(p, explain) -> str:
    rules = (
        "Pensions are not reduced for missing insurance periods or unfulfilled qualifying periods: they are always "
        "granted at full rates.",
        f"An invalidity pension may be granted when earning ability is reduced by at least "
        f"{percent(p('occupational_injury.invalidity_minimum_reduction'))}, against "
        f"{percent(p('occupational_injury.general_invalidity_minimum_reduction'))} under the general rule.",
        "No waiting period for sickness cash benefits, and benefits are calculated in the most favourable way, at "
        "least on your income when the injury occurred.",
        "No contribution to the costs of healthcare, drugs or medical supplies.",
        "After a death: a widow's or widower's pension regardless of how long the marriage lasted (also to a person "
        "supported by the deceased who cares for the deceased's children), and a children's pension until "
        f"{number(p('occupational_injury.childrens_pension_age_in_education'))} for a child still in education.",
    )
    for rule in rules:
        explain.step(f"Favourable rule: {rule}", COVERED)
    return " ".join(rules)


def formula_2013(x, p, explain):
    maximum = _non_economic_loss_maximum(p, explain)
    return dict(
        non_economic_loss_max_annual=maximum,
        non_economic_loss_for_impairment=_amount_for_impairment(x, maximum, explain),
        invalidity_minimum_reduction=p("occupational_injury.invalidity_minimum_reduction") * PERCENT,
        favourable_rules=_favourable_rules(p, explain),
    )


CALCULATOR = Calculator(
    id="occupational_injury_compensation",
    title="Occupational injury: compensation for non-economic loss",
    chapter="VIII",
    summary="The most the National Insurance Scheme pays a year for non-economic loss after an accident at work "
            "or an occupational disease, and the more favourable rules that apply.",
    inputs=(
        fields.percent("medical_impairment_percent", "Medical impairment", required=True, example=40,
                       help="The lasting medical impairment (medisinsk invaliditet) set for the injury, 0 to 100%. "
                            "This is not the reduction in earning ability."),
    ),
    outputs=(
        Output("non_economic_loss_max_annual", "Compensation for non-economic loss, at most", "NOK/year"),
        Output("non_economic_loss_for_impairment", "Compensation for your impairment", "text"),
        Output("invalidity_minimum_reduction", "Reduction in earning ability that can give an invalidity pension",
               "percent"),
        Output("favourable_rules", "More favourable rules after an occupational injury", "text"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "The guide gives only the maximum compensation for non-economic loss, 75% of the basic amount a year. It "
        "does not say how the amount is graded by medical impairment, nor from what impairment it is paid, so this "
        "calculator does not work out an amount for your impairment. (Beyond the guide: folketrygdloven § 13-17 "
        "and the regulations on compensation for non-economic loss pay nothing below 15% impairment and grade the "
        "amount in groups of the basic amount.)",
        "The guide says an invalidity pension may be granted even if earning ability 'has not been reduced by more "
        "than 30%'. We read that as a caseworker does: a reduction of at least 30% is enough after an occupational "
        "injury, against at least 50% otherwise.",
        "The injury must be recognised by NAV as an occupational injury; the employer must report it as soon as "
        "possible. Claims on the employer's occupational injury insurance go to the insurance company within three "
        "years of the end of the year you became aware of the claim.",
    ),
)
