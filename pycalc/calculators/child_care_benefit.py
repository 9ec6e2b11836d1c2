"""Child care benefit (stønad til barnetilsyn), guide chapter IX."""
from decimal import ROUND_CEILING, Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import WHOLE_KRONE, nok, percent, round_to
from ..sources import guide
from ..units import MONTHS_A_YEAR

COVERED = guide("IX", "What is covered?")

_EF = "navikt/familie-ef-sak, src/main/kotlin/no/nav/familie/ef/sak/"
INCOME_2026 = (_EF + "vilkår/regler/vilkår/InntektRegel.kt (NOEN_MÅNEDER_OVERSTIGER_6G still met); "
               "https://data.skatteetaten.no/begrep/cf24800d-dfe5-11e7-9101-005056821322 (the text of the section); "
               "folketrygdloven § 15-10")
AMOUNT_2026 = _EF + "beregning/barnetilsyn/BeregningBarnetilsynUtil.kt; folketrygdloven § 15-10"
# The monthly maxima for one, two and three or more children in paid care.
MAXIMA_2026 = ("family.child_care_max_one_child", "family.child_care_max_two_children",
               "family.child_care_max_three_or_more_children")


def _round_up(amount: Decimal, step: Decimal) -> Decimal:
    """Up to a multiple of ``step``: any part of a krone counts as a whole krone."""
    return (amount / step).to_integral_value(rounding=ROUND_CEILING) * step


# ---- 2013: the guide's rule, 64% of the year's costs up to a ceiling it does not give.

def _income_allows(x, p, explain) -> bool:
    limit = p.g_times("family.child_care_income_limit")
    ok = x["annual_income"] <= limit
    explain.step(
        f"Income from work {nok(x['annual_income'])} {'does not exceed' if ok else 'exceeds'} "
        f"{p.g_words('family.child_care_income_limit')} ({nok(limit)}).",
        COVERED,
    )
    return ok


def _annual_costs(x, explain) -> Decimal:
    if x["annual_childcare_costs"] or not x["monthly_childcare_costs"]:
        return x["annual_childcare_costs"]
    costs = x["monthly_childcare_costs"] * MONTHS_A_YEAR
    explain.step(f"Costs of {nok(x['monthly_childcare_costs'])} a month are {nok(costs)} a year.", COVERED)
    return costs


def _costs_counted(x, explain) -> Decimal:
    costs, ceiling = _annual_costs(x, explain), x["annual_cost_ceiling"]
    if not ceiling:
        explain.step(f"Costs of {nok(costs)} counted in full: you gave no ceiling on costs, and the guide gives "
                     f"no figure for it.", COVERED)
        return costs
    if costs > ceiling:
        explain.step(f"Costs of {nok(costs)} count up to the ceiling you gave, {nok(ceiling)}.", COVERED)
        return ceiling
    explain.step(f"Costs of {nok(costs)} are within the ceiling you gave, {nok(ceiling)}.", COVERED)
    return costs


def formula_2013(x, p, explain):
    if not _income_allows(x, p, explain):
        explain.step("No right to child care benefit with this income. Child benefit (barnetrygd) is paid "
                     "whatever your income.", COVERED)
        explain.answer(f"You are probably not entitled: your income from work is above "
                       f"{p.g_words('family.child_care_income_limit')}, "
                       f"{nok(p.g_times('family.child_care_income_limit'))}.")
        return dict(eligible=False, monthly_benefit=Decimal(0), annual_benefit=Decimal(0),
                    max_monthly_benefit=Decimal(0))
    counted = _costs_counted(x, explain)
    rate = p("family.child_care_rate")
    benefit = counted * rate
    explain.step(f"Child care benefit: {percent(rate)} of {nok(counted)} = {nok(benefit)} a year.", COVERED)
    explain.answer(f"About {nok(round_to(benefit, WHOLE_KRONE))} a year "
                   f"({nok(round_to(benefit / MONTHS_A_YEAR, WHOLE_KRONE))} a month), under the guide's 2013 rules.")
    # The guide gives no maximum: the most a month is the ceiling you gave, at the rate, or else what you get.
    ceiling = x["annual_cost_ceiling"]
    most = (ceiling * rate if ceiling else benefit) / MONTHS_A_YEAR
    return dict(eligible=True, monthly_benefit=benefit / MONTHS_A_YEAR, annual_benefit=benefit,
                max_monthly_benefit=most)


# ---- 2026: 64% of the month's costs less cash-for-care benefit, up to a maximum by the number of children.

def _monthly_costs(x, explain) -> Decimal:
    if x["monthly_childcare_costs"] or not x["annual_childcare_costs"]:
        return x["monthly_childcare_costs"]
    costs = x["annual_childcare_costs"] / MONTHS_A_YEAR
    explain.step(f"Costs of {nok(x['annual_childcare_costs'])} a year are {nok(costs)} a month.", AMOUNT_2026)
    return costs


def _maximum(children: int, p) -> Decimal:
    return p(MAXIMA_2026[min(children, len(MAXIMA_2026)) - 1])


def formula_2026(x, p, explain):
    if x["annual_cost_ceiling"]:
        explain.note("The ceiling on costs you gave is not used under the 2026 rules: NAV caps the benefit itself "
                     "at a maximum a month by the number of children.")
    explain.note("NAV pays the benefit month by month for the months you have costs; the year's figure is 12 times "
                 "this month's. NAV also checks that you are a single parent with sole care, in work or in some "
                 "cases training, and that the child is in paid care (usually up to the end of 4th grade); this "
                 "calculator cannot.")
    limit = p.g_times("family.child_care_income_limit")
    income_ok = x["annual_income"] <= limit
    explain.step(f"Income {nok(x['annual_income'])} a year {'does not exceed' if income_ok else 'exceeds'} "
                 f"{p.g_words('family.child_care_income_limit')} ({nok(limit)} with G = {nok(p.g)}).", INCOME_2026)
    children = x["children_in_care"]
    maximum = _maximum(children, p) if children else Decimal(0)
    if not income_ok:
        explain.step("No child care benefit with this income. Child benefit (barnetrygd) is paid whatever your "
                     "income.", INCOME_2026)
        explain.answer(f"You are probably not entitled: your income must not exceed "
                       f"{p.g_words('family.child_care_income_limit')}, {nok(limit)} a year.")
        return dict(eligible=False, monthly_benefit=Decimal(0), annual_benefit=Decimal(0),
                    max_monthly_benefit=maximum)
    if not children:
        explain.step("No child in paid care: no child care benefit.", AMOUNT_2026)
        explain.answer("Nothing to pay: enter the number of children in paid care.")
        return dict(eligible=False, monthly_benefit=Decimal(0), annual_benefit=Decimal(0),
                    max_monthly_benefit=maximum)
    costs = _monthly_costs(x, explain)
    cash_for_care = x["monthly_cash_for_care_benefit"]
    rate = p("family.child_care_rate")
    counted = max(costs - cash_for_care, Decimal(0))
    share = counted * rate
    explain.step(f"Costs {nok(costs)} a month less cash-for-care benefit {nok(cash_for_care)} = {nok(counted)}; "
                 f"{percent(rate)} of that is {nok(share)}.", AMOUNT_2026)
    capped = min(share, maximum)
    explain.step(f"The most for {children} {'child' if children == 1 else 'children'} is {nok(maximum)} a month"
                 f"{' (the same for three or more)' if children >= len(MAXIMA_2026) else ''}: "
                 f"{'the benefit is held to it' if share > maximum else 'the benefit is within it'}.", AMOUNT_2026)
    other = x["monthly_supplementary_benefit"]
    after = max(capped - other, Decimal(0))
    if other:
        explain.step(f"Less supplementary benefit for child care (tilleggsstønad) of {nok(other)} a month: "
                     f"{nok(after)}.", AMOUNT_2026)
    monthly = _round_up(after, p("family.child_care_rounding"))
    explain.step(f"Rounded up to whole kroner: {nok(monthly)} a month, {nok(monthly * MONTHS_A_YEAR)} "
                 f"over 12 months.", AMOUNT_2026)
    explain.answer(f"About {nok(monthly)} a month, tax-free ({nok(monthly * MONTHS_A_YEAR)} over a year of costs); "
                   f"the most for {children} {'child' if children == 1 else 'children'} is {nok(maximum)}.")
    return dict(eligible=costs > 0, monthly_benefit=monthly, annual_benefit=monthly * MONTHS_A_YEAR,
                max_monthly_benefit=maximum)


CALCULATOR = Calculator(
    id="child_care_benefit",
    title="Child care benefit",
    chapter="IX",
    summary="Child care benefit for single parents a month and a year: 64% of what you pay for child care, "
            "up to a maximum by the number of children.",
    inputs=(
        fields.money("monthly_childcare_costs", "Child care costs a month", example=4000,
                     help="What you pay each month for kindergarten, after-school care (SFO/AKS) or a "
                          "childminder while you work, without food money."),
        fields.integer("children_in_care", "Children in paid care", default=1, max=20,
                       help="How many of your children the costs are for."),
        fields.money("monthly_cash_for_care_benefit", "Cash-for-care benefit a month",
                     help="Kontantstøtte you receive for a child in care; NAV deducts it from the costs. 0 if none."),
        fields.money("annual_income", "Your income a year", required=True, example=300000,
                     help="Your income before tax, from work and benefits."),
        fields.money("monthly_supplementary_benefit", "Supplementary benefit for child care a month",
                     help="Tilleggsstønad for child care you get from NAV while in education or a measure; "
                          "NAV deducts it. 0 if none."),
        fields.money("annual_childcare_costs", "Child care costs a year",
                     help="Only if you did not give costs a month: a year's costs, divided by 12."),
        fields.money("annual_cost_ceiling", "Ceiling on costs a year (2013 rules only)",
                     help="Used only with the guide's 2013 rules, which gave no figure; leave 0. "
                          "The 2026 rules cap the benefit itself."),
    ),
    outputs=(
        Output("monthly_benefit", "A month", "NOK/month"),
        Output("eligible", "Entitled to child care benefit", "boolean"),
        Output("max_monthly_benefit", "Most a month for your number of children", "NOK/month"),
        Output("annual_benefit", "A year", "NOK/year"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "2013 rules: the guide says the benefit is 64% of costs 'up to a certain annual ceiling' but gives no "
        "ceiling; if you enter one, it limits the costs counted. An income of exactly 6 G does not exceed 6 G, "
        "so it still qualifies.",
        "2026 rules: no benefit when the income is greater than 6 G (folketrygdloven § 15-10), so exactly 6 G "
        "still qualifies. The benefit is tax-free.",
    ),
)
