"""National Insurance contributions (trygdeavgift and arbeidsgiveravgift), guide chapter I."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, percent
from ..sources import guide
from ..units import MONTHS_A_YEAR

FINANCING = guide("I", "Financing")

# Where the 2026 rules were read: Skatteetaten's withholding-table routine for 2026 and the adopted
# rate table; the employer's zones from the same table and a 2026 rate list.
_TT = "Skatteetaten/trekktabell, src/main/java/no/skatteetaten/fastsetting/formueinntekt/forskudd/trekkrutine2026/"
_RATES = "https://www.efacta.no/demo/book/m-6335 (Skattesatser 2026-regler)"
MEMBER_2026 = f"{_TT}Konstanter.java; {_RATES}; folketrygdloven § 23-3"
LIMIT_2026 = f"{_TT}Konstanter.java and Skatteberegning.java; folketrygdloven § 23-3"
EMPLOYER_2026 = (f"{_RATES}; https://www.aktuellesatser.no/langsethrevisjon/book/monochap (Arbeidsgiveravgift 2026); "
                 "folketrygdloven § 23-2")

# The employer's zones offered for 2026, each with its rate parameter. Zone Ia is left out: its rate
# (10.6% or 14.1%) depends on how much of the enterprise's yearly allowance is used, which we could not trace.
ZONES = (
    ("I", "Zone I (most of the country; Oslo, Bergen, Trondheim, Stavanger)", "contributions.employer_rate"),
    ("II", "Zone II", "contributions.employer_rate_zone_2"),
    ("III", "Zone III", "contributions.employer_rate_zone_3"),
    ("IV", "Zone IV", "contributions.employer_rate_zone_4"),
    ("IVa", "Zone IVa", "contributions.employer_rate_zone_4a"),
    ("V", "Zone V (Finnmark and northern Troms)", "contributions.employer_rate_zone_5"),
)

# (input, output, rate parameter, how the guide names the income)
_MEMBER_PARTS = (
    ("wage_income", "wage_contribution", "contributions.wage_rate", "wage income"),
    ("self_employed_income", "self_employed_contribution", "contributions.self_employed_rate",
     "income from self-employment"),
    ("pension_income", "pension_contribution", "contributions.pension_rate", "pension income"),
)


def _member_part(x, p, explain, income_name, rate_name, words, source=FINANCING):
    rate = p(rate_name)
    contribution = x[income_name] * rate
    explain.step(f"Contribution on {words}: {percent(rate)} of {nok(x[income_name])} = {nok(contribution)}.",
                 source)
    return contribution


def _employer_contribution(x, p, explain):
    rate = p("contributions.employer_rate")
    contribution = x["wage_income"] * rate
    explain.step(
        f"Your employer pays, on top of your wages, {percent(rate)} of {nok(x['wage_income'])} "
        f"= {nok(contribution)}. This is the general rate; lower rates apply to enterprises in certain "
        f"parts of the country or in certain branches.",
        FINANCING,
    )
    return contribution


def formula_2013(x, p, explain):
    parts = {output: _member_part(x, p, explain, income, rate, words)
             for income, output, rate, words in _MEMBER_PARTS}
    member = sum(parts.values())
    explain.step(f"Your own contribution in all: {' + '.join(nok(v) for v in parts.values())} = {nok(member)} "
                 f"a year.", FINANCING)
    employer = _employer_contribution(x, p, explain)
    if x["zone"] != ZONES[0][0]:
        explain.note("The guide gives only the general employer's rate for 2013, so the zone you chose is not used "
                     "with the 2013 rules.")
    explain.answer(_headline(member, employer))
    return dict(member_contribution=member, employer_contribution=employer, **parts)


def _headline(member, employer) -> str:
    text = (f"You pay about {nok(member)} a year in contribution (trygdeavgift), "
            f"{nok(member / MONTHS_A_YEAR)} a month." if member
            else "You pay no contribution (trygdeavgift) on these figures.")
    if employer:
        text += f" Your employer pays {nok(employer)} a year on top of your wages."
    return text


def _within_limit(parts, x, p, explain):
    """The member's contribution after the lower limit and the phase-in, shared over the parts."""
    total_income = sum(x[income] for income, *_ in _MEMBER_PARTS)
    limit, phase_in = p("contributions.lower_limit"), p("contributions.phase_in_rate")
    ordinary = sum(parts.values())
    if total_income <= limit:
        explain.step(f"Your personal income in all, {nok(total_income)}, is not above the lower limit of "
                     f"{nok(limit)}: no contribution is due.", LIMIT_2026)
        return {name: Decimal(0) for name in parts}
    cap = (total_income - limit) * phase_in
    if ordinary <= cap:
        explain.step(f"Your personal income in all, {nok(total_income)}, is above the lower limit of {nok(limit)}. "
                     f"The contribution, {nok(ordinary)}, is not more than {percent(phase_in)} of the income above "
                     f"the limit ({nok(cap)}), so it is due in full.", LIMIT_2026)
        return parts
    explain.step(f"Your personal income in all, {nok(total_income)}, is only a little above the lower limit of "
                 f"{nok(limit)}: the contribution is at most {percent(phase_in)} of the {nok(total_income - limit)} "
                 f"above it, {nok(cap)}, instead of {nok(ordinary)}.", LIMIT_2026)
    explain.note("When the phase-in limits the contribution, we share it over your kinds of income in proportion to "
                 "their ordinary contributions; the tax assessment shows only the total.")
    return {name: value * cap / ordinary for name, value in parts.items()}


def _employer_by_zone(x, p, explain):
    rate = p(next(name for code, _, name in ZONES if code == x["zone"]))
    contribution = x["wage_income"] * rate
    if not x["wage_income"]:
        explain.step("No wages, so no employer's contribution.", EMPLOYER_2026)
        return contribution
    explain.step(f"Your employer pays, on top of your wages, the rate of zone {x['zone']}: "
                 f"{percent(rate)} of {nok(x['wage_income'])} = {nok(contribution)}.", EMPLOYER_2026)
    return contribution


def formula_2026(x, p, explain):
    explain.note("Zone Ia is not offered: there the employer pays 10.6% until the enterprise's yearly allowance for "
                 "the reduced rate is used up, then 14.1%, and we could not trace that allowance. Some branches "
                 "(for example finance, steel and coal) pay the zone I rate wherever they are.")
    parts = {output: (_member_part(x, p, explain, income, rate, words, MEMBER_2026) if x[income]
                      else p(rate) * x[income])
             for income, output, rate, words in _MEMBER_PARTS}
    parts = _within_limit(parts, x, p, explain)
    member = sum(parts.values())
    explain.step(f"Your own contribution in all: {nok(member)} a year.", MEMBER_2026)
    employer = _employer_by_zone(x, p, explain)
    explain.answer(_headline(member, employer))
    return dict(member_contribution=member, employer_contribution=employer, **parts)


CALCULATOR = Calculator(
    id="contributions",
    title="National Insurance contributions",
    chapter="I",
    summary="The contribution you pay on wages, self-employment income and pensions, and the one your employer "
            "pays on your wages.",
    inputs=(
        fields.money("wage_income", "Gross wage income a year", example=500000,
                     help="Wages from employment before tax. Your employer also pays a contribution on them. "
                          "0 if you have no wages, for example as a pensioner or self-employed."),
        fields.money("self_employed_income", "Income from self-employment a year",
                     help="Your personal income from your own business, before tax."),
        fields.money("pension_income", "Pension income a year",
                     help="Pensions, for example old-age pension, AFP and occupational pensions (the rate table's "
                          "'pensjonsinntekt mv.'). Benefits from NAV that replace wages are not pensions: ask the "
                          "tax administration (Skatteetaten) which rate applies to them."),
        fields.choice("zone", "Your employer's zone", tuple((code, label) for code, label, _ in ZONES),
                      help="The employer's contribution depends on the municipality where the business is "
                           "registered. Most employers are in zone I; ask your employer if unsure. Zone Ia is not "
                           "offered (see the note)."),
    ),
    outputs=(
        Output("member_contribution", "Your contribution (trygdeavgift) a year", "NOK/year"),
        Output("employer_contribution", "Employer's contribution on your wages a year", "NOK/year"),
        Output("wage_contribution", "Of which on wages", "NOK/year"),
        Output("self_employed_contribution", "Of which on self-employment income", "NOK/year"),
        Output("pension_contribution", "Of which on pensions", "NOK/year"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "2013 rules: the guide gives no lower income limit for 2013, so none is applied. The scheme has one: "
        "below a yearly income limit no contribution is due, and just above it the contribution is at most "
        "25% of the income over the limit (folketrygdloven § 23-3). The 2026 rules apply it.",
        "2013 rules: the employer's contribution uses the guide's general rate; the 2026 rules use your "
        "employer's zone.",
        "Wages of young and elderly people may be charged at the lower rate for other personal income "
        "(folketrygdloven § 23-3); this is not modelled.",
        "Only members of the National Insurance Scheme pay the contribution; see the Membership calculator.",
        "Contributions are not rounded here; the tax assessment may round them. Fishing, hunting and "
        "childminding pay the wage rate, not the self-employed rate; enter that income as wages.",
    ),
)
