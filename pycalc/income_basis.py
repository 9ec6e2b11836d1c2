"""The income basis shared by unemployment benefit and work assessment allowance: last year's
income or, when higher, the average of the last three years, each year counted up to a cap."""
from decimal import Decimal

from . import fields
from .money import nok, round_to

INCOME_YEARS = ("income_year_1", "income_year_2", "income_year_3")  # last year first


def three_year_average(x) -> Decimal:
    return sum(x[name] for name in INCOME_YEARS) / len(INCOME_YEARS)


def best_income_basis(x, p, explain, source, cap: str, rounding: str | None = None) -> Decimal:
    """The higher of last year and the three-year average, each year capped at the ``cap`` parameter (in G)."""
    limit = p.g_times(cap)
    years = [min(x[name], limit) for name in INCOME_YEARS]
    average = sum(years) / len(years)
    basis = max(years[0], average)
    if rounding:
        basis = round_to(basis, p(rounding))
    which = "last year's income" if years[0] >= average else "the three-year average"
    explain.step(
        f"Each year counts up to {p.g_words(cap)} ({nok(limit)}). Last year: {nok(years[0])}; "
        f"three-year average: {nok(average)}. The basis is {which}, the higher: {nok(basis)}.",
        source,
    )
    return basis


def income_year_fields(last_year_help: str) -> tuple:
    """The three income inputs, last year first; only last year's is required."""
    return (
        fields.money("income_year_1", "Income from work last calendar year", required=True, example=400000,
                     help=last_year_help),
        fields.money("income_year_2", "Income from work the year before",
                     help="Used for the three-year average; 0 if you had none."),
        fields.money("income_year_3", "Income from work two years before",
                     help="Used for the three-year average; 0 if you had none."),
    )
