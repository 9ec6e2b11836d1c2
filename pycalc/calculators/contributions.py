"""National Insurance contributions (trygdeavgift and arbeidsgiveravgift), guide chapter I."""
from .. import fields
from ..model import Calculator, Output
from ..money import nok, percent
from ..sources import guide

FINANCING = guide("I", "Financing")

# (input, output, rate parameter, how the guide names the income)
_MEMBER_PARTS = (
    ("wage_income", "wage_contribution", "contributions.wage_rate", "wage income"),
    ("self_employed_income", "self_employed_contribution", "contributions.self_employed_rate",
     "income from self-employment"),
    ("pension_income", "pension_contribution", "contributions.pension_rate", "pension income"),
)


def _member_part(x, p, explain, income_name, rate_name, words):
    rate = p(rate_name)
    contribution = x[income_name] * rate
    explain.step(f"Contribution on {words}: {percent(rate)} of {nok(x[income_name])} = {nok(contribution)}.",
                 FINANCING)
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
    return dict(member_contribution=member, employer_contribution=employer, **parts)


CALCULATOR = Calculator(
    id="contributions",
    title="National Insurance contributions",
    chapter="I",
    summary="The contribution you pay on wages, self-employment income and pensions, and the one your employer "
            "pays on your wages.",
    inputs=(
        fields.money("wage_income", "Gross wage income a year", required=True, example=500000,
                     help="Wages from employment before tax. Your employer also pays a contribution on them."),
        fields.money("self_employed_income", "Income from self-employment a year",
                     help="Your personal income from your own business, before tax."),
        fields.money("pension_income", "Pension income a year",
                     help="Pensions and other personal income that is neither wages nor self-employment."),
    ),
    outputs=(
        Output("member_contribution", "Your contribution (trygdeavgift) a year", "NOK/year"),
        Output("employer_contribution", "Employer's contribution on your wages a year", "NOK/year"),
        Output("wage_contribution", "Of which on wages", "NOK/year"),
        Output("self_employed_contribution", "Of which on self-employment income", "NOK/year"),
        Output("pension_contribution", "Of which on pensions", "NOK/year"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "The guide gives no lower income limit for 2013, so none is applied here. The real scheme has one: "
        "below a yearly income limit no contribution is due, and just above it the contribution is at most "
        "25% of the income over the limit (folketrygdloven § 23-3). Small incomes may therefore pay less "
        "than shown.",
        "The employer's contribution uses the general rate. Enterprises in certain zones of the country, "
        "mostly in the north and in rural areas, and in certain branches pay a lower rate; this is not "
        "modelled.",
        "Wages of young and elderly people may be charged at the lower rate for other personal income "
        "(folketrygdloven § 23-3); this is not modelled.",
        "Only members of the National Insurance Scheme pay the contribution; see the Membership calculator.",
        "Contributions are not rounded here; the tax assessment may round them.",
    ),
)
