"""Occupational injury: compensation for non-economic loss (ménerstatning), guide chapter VIII."""
from .. import fields
from ..units import PERCENT
from ..model import Calculator, Output
from ..money import nok, number, percent
from ..sources import guide

COVERED = guide("VIII", "What is covered?")

# Where the 2026 rules were read: the regulation's table as NOU 2004: 3 and NAV's page reproduce it,
# and NAV's letter templates for the disability benefit (uføretrygd).
TABLE_2026 = ("https://www.regjeringen.no/no/dokumenter/nou-2004-3/id383886/?ch=9 (the regulation's table); "
              "forskrift om menerstatning ved yrkesskade § 3")
DISABILITY_2026 = ("navikt/pensjonsbrev, ufoere/maler/src/main/kotlin/no/nav/pensjon/brev/ufore/maler/uforeavslag/"
                   "UforeAvslagInntektsevne30.kt and UforeAvslagInntektsevne50.kt; folketrygdloven § 12-17")
HEALTHCARE_2026 = "https://www.trygderett.no/folketrygdloven-5-25/ (the text of the section); folketrygdloven § 5-25"

# The groups of the table, lowest first: group n starts at the minimum impairment plus (n - 1) group widths;
# the last runs to 100%. Group 9 (far worse than 100%) is the maximum.
GROUPS = (
    "occupational_injury.non_economic_loss_group_1", "occupational_injury.non_economic_loss_group_2",
    "occupational_injury.non_economic_loss_group_3", "occupational_injury.non_economic_loss_group_4",
    "occupational_injury.non_economic_loss_group_5", "occupational_injury.non_economic_loss_group_6",
    "occupational_injury.non_economic_loss_group_7", "occupational_injury.non_economic_loss_group_8",
)


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
    explain.answer(f"The guide gives only the maximum: at most {nok(maximum)} a year (75% of the basic amount); "
                   "it does not grade the amount by impairment, so no amount for yours is shown.")
    return dict(
        annual_compensation=maximum * 0,  # the guide grades nothing: see the answer and the text output
        non_economic_loss_max_annual=maximum,
        non_economic_loss_for_impairment=_amount_for_impairment(x, maximum, explain),
        invalidity_minimum_reduction=p("occupational_injury.invalidity_minimum_reduction") * PERCENT,
        favourable_rules=_favourable_rules(p, explain),
    )


def _group(x, p) -> int:
    """The group of the table for the reader's impairment: 0 below the minimum."""
    impairment = x["medical_impairment_percent"] / PERCENT
    below = impairment - p("occupational_injury.non_economic_loss_minimum_impairment")
    if below < 0:
        return 0
    return min(int(below // p("occupational_injury.non_economic_loss_group_width")) + 1, len(GROUPS))


def _graded(x, p, explain):
    """The yearly amount for the reader's impairment, its share of G and the group, in words."""
    impairment = number(x["medical_impairment_percent"])
    if x["exceptionally_severe"]:
        share = p("occupational_injury.non_economic_loss_maximum")
        amount = share * p.g
        words = (f"Group {len(GROUPS) + 1}, injuries with consequences far worse than a 100% impairment: "
                 f"{percent(share)} of the basic amount, {nok(amount)} a year.")
        explain.step(words, TABLE_2026)
        return amount, words
    group = _group(x, p)
    if not group:
        minimum = p("occupational_injury.non_economic_loss_minimum_impairment")
        words = (f"A medical impairment of {impairment}% is below {percent(minimum)}: no compensation for "
                 "non-economic loss.")
        explain.step(words, TABLE_2026)
        return p.g * 0, words
    share = p(GROUPS[group - 1])
    amount = share * p.g
    words = (f"A medical impairment of {impairment}% is in group {group} of the table: {percent(share)} of the basic "
             f"amount ({nok(p.g)}), {nok(amount)} a year.")
    explain.step(words, TABLE_2026)
    return amount, words


def formula_2026(x, p, explain):
    amount, words = _graded(x, p, explain)
    maximum = p("occupational_injury.non_economic_loss_maximum") * p.g
    explain.step(f"The highest group pays {percent(p('occupational_injury.non_economic_loss_maximum'))} of the basic "
                 f"amount, {nok(maximum)} a year. The compensation is paid for life, and you may choose to have it "
                 "as a lump sum instead.", TABLE_2026)
    rules = (
        f"A disability benefit (uføretrygd) may be granted when your earning ability is reduced by at least "
        f"{percent(p('occupational_injury.invalidity_minimum_reduction'))} because of a recognised occupational "
        f"injury or disease, against {percent(p('occupational_injury.general_invalidity_minimum_reduction'))} as the "
        "main rule.",
    )
    explain.step(rules[0], DISABILITY_2026)
    explain.step("Treatment of a recognised occupational injury is given without the patient's charges "
                 "(egenandel).", HEALTHCARE_2026)
    explain.note("2026 rules: the lump sum depends on your age, and we could not trace NAV's factors, so only the "
                 "yearly amount is shown. The guide's other favourable rules (full-rate pensions, sickness benefit "
                 "from the first day, survivors' rules) are not repeated for 2026: we could not trace today's "
                 "wording of each.")
    explain.answer(f"About {nok(amount)} a year for a {number(x['medical_impairment_percent'])}% impairment, paid for "
                   "life or as a lump sum." if amount else
                   f"No compensation for non-economic loss: your impairment is below "
                   f"{percent(p('occupational_injury.non_economic_loss_minimum_impairment'))}.")
    return dict(
        annual_compensation=amount,
        non_economic_loss_max_annual=maximum,
        non_economic_loss_for_impairment=words,
        invalidity_minimum_reduction=p("occupational_injury.invalidity_minimum_reduction") * PERCENT,
        favourable_rules=" ".join(rules),
    )


CALCULATOR = Calculator(
    id="occupational_injury_compensation",
    title="Occupational injury: compensation for non-economic loss",
    chapter="VIII",
    summary="What the National Insurance Scheme pays a year for non-economic loss (menerstatning) after an accident at work "
            "or an occupational disease, and the more favourable rules that apply.",
    inputs=(
        fields.percent("medical_impairment_percent", "Medical impairment", required=True, example=40,
                       help="The lasting medical impairment (medisinsk invaliditet) set for the injury, 0 to 100%. "
                            "This is not the reduction in earning ability. NAV's decision on the injury states it."),
        fields.boolean("exceptionally_severe", "Consequences far worse than a 100% impairment",
                       help="Only for the most severe injuries, where NAV finds the consequences much greater than a "
                            "100% impairment (group 9 of the table). Used with the 2026 rules."),
    ),
    outputs=(
        Output("annual_compensation", "Compensation for your impairment a year", "NOK/year"),
        Output("non_economic_loss_max_annual", "Compensation for non-economic loss, at most", "NOK/year"),
        Output("non_economic_loss_for_impairment", "Compensation for your impairment", "text"),
        Output("invalidity_minimum_reduction", "Reduction in earning ability that can give an invalidity pension",
               "percent"),
        Output("favourable_rules", "More favourable rules after an occupational injury", "text"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "2013 rules: the guide gives only the maximum compensation for non-economic loss, 75% of the basic amount a year. It "
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
