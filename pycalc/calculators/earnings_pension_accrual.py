"""Earnings-related pension savings under the new rules (inntektspensjon, pensjonsbeholdning), guide chapter VI."""
from decimal import Decimal

from .. import fields
from ..units import PERCENT
from ..model import Calculator, Output
from ..money import nok, number, percent
from ..sources import guide

ACCRUAL = guide("VI", "What is covered? Earnings-related pension")
DRAWING = guide("VI", "When are you entitled to old-age benefits?")
# Where the 2026 rules were read: NAV's letter template on the pension account, NAV's G figures, NAV's page.
ACCRUAL_2026 = ("navikt/pensjonsbrev, alder/maler/src/main/kotlin/no/nav/pensjon/brev/alder/maler/vedlegg/"
                "opplysningerbruktiberegningen/OpplysningerBruktIBeregningenAlderAP2025.kt; "
                "https://www.nav.no/no/person/pensjon/alderspensjon/relatert-informasjon/beregning-av-alderspensjon/"
                "beregning-av-alderspensjon-fodt-1963-eller-senere")
DRAWING_2026 = ("https://www.nav.no/no/person/pensjon/alderspensjon/relatert-informasjon/beregning-av-alderspensjon/"
                "beregning-av-alderspensjon-fodt-1963-eller-senere")
AVERAGE_G_2026 = "navikt/g, grunnbeløp.json (gjennomsnittPerÅr); " + DRAWING_2026

# The grades the guide names: 'The pension may be drawn fully or partially (20%, 40%, 50%, 60% or 80%)'.
WITHDRAWAL_GRADES = ("20", "40", "50", "60", "80", "100")
# Accrual runs from the year you turn 13 to the year you turn 75: at most 63 years.
MOST_YEARS = 63


def _annual_accrual(income, p, explain, base=None, source=ACCRUAL) -> Decimal:
    """Accrual a year: the rate on income up to the ceiling, a multiple of G (2013) or of the year's average G."""
    if base is None:
        ceiling, words = p.g_times("old_age.accrual_ceiling"), p.g_words("old_age.accrual_ceiling")
    else:
        ceiling = p("old_age.accrual_ceiling") * base
        words = f"{number(p('old_age.accrual_ceiling'))} times the year's average G ({nok(base)})"
    counted = min(income, ceiling)
    rate = p("old_age.accrual_rate")
    accrual = counted * rate
    capped = " (the income above it does not count)" if income > ceiling else ""
    explain.step(
        f"Pensionable income counts up to {words}, {nok(ceiling)}{capped}: "
        f"{percent(rate)} of {nok(counted)} = {nok(accrual)} added to your pension savings a year.",
        source,
    )
    return accrual


def _answer(explain, accrual, savings, years):
    over = f" ({nok(savings)} over {years} years)" if years > 1 else ""
    explain.answer(f"About {nok(accrual)} a year added to your pension savings{over}.")


def formula_2026(x, p, explain):
    base = p("pension.average_basic_amount")
    explain.step(f"The year's average basic amount (average G) for 2026 is {nok(base)}; the accrual ceiling is worked "
                 f"out with it, not with G of 1 May ({nok(p.g)}).", AVERAGE_G_2026)
    accrual = _annual_accrual(x["annual_income"], p, explain, base, ACCRUAL_2026)
    return _savings(x, explain, accrual, (
        ("Over {years} at the same income: {savings} of pension savings in today's kroner. NAV adjusts the "
         "account each year with wage growth until you draw it.", ACCRUAL_2026),
        ("Drawing {share}% from age {age}: the pension is worked out from {drawn} of the savings; the other "
         "{kept} keeps building up. The yearly income pension is the savings drawn on divided by the "
         "life-expectancy divisor (delingstall) for your year of birth and age: see the old-age pension "
         "(new rules) calculator.", DRAWING_2026)))


def formula_2013(x, p, explain):
    accrual = _annual_accrual(x["annual_income"], p, explain)
    return _savings(x, explain, accrual, (
        ("Over {years} at the same income: {savings} of pension savings, without the yearly indexation of the "
         "savings.", ACCRUAL),
        ("Drawing {share}% of the pension from age {age}: the pension is worked out from {share}% of the "
         "savings, {drawn}; the other {kept} keeps building up. The yearly pension is the savings drawn on "
         "divided by a life expectancy divisor for your year of birth and age at drawing, which the guide does "
         "not give.", DRAWING)))


def _savings(x, explain, accrual, wording):
    """The savings after the years given and the part drawn on: the same arithmetic in both sets, told in
    each set's words (``wording``: the two sentences, each with its source)."""
    (saved, saved_source), (drawing, drawing_source) = wording
    years = x["years"]
    savings = accrual * years
    share = Decimal(x["withdrawal_percent"]) / PERCENT
    drawn = savings * share
    figures = dict(years=f"{years} {'year' if years == 1 else 'years'}", savings=nok(savings),
                   share=x["withdrawal_percent"], age=x["drawing_age"], drawn=nok(drawn), kept=nok(savings - drawn))
    explain.step(saved.format(**figures), saved_source)
    explain.step(drawing.format(**figures), drawing_source)
    _answer(explain, accrual, savings, years)
    return dict(annual_accrual=accrual, total_savings=savings, savings_drawn=drawn,
                savings_not_drawn=savings - drawn)


CALCULATOR = Calculator(
    id="earnings_pension_accrual",
    title="Earnings-related pension savings (new rules)",
    chapter="VI",
    summary="How much pension savings a year's income builds up under the new rules, and how much of it a "
            "partial pension draws on.",
    inputs=(
        fields.money("annual_income", "Pensionable income a year", required=True, example=500000,
                     help="Income from work in a year, before tax."),
        fields.integer("years", "Years with this income", default=1, min=1, max=MOST_YEARS, unit="years",
                       help="Savings build up from the year you turn 13 to the year you turn 75."),
        fields.choice("withdrawal_percent", "Share of the pension drawn",
                      [(grade, f"{grade}%") for grade in WITHDRAWAL_GRADES], default="100",
                      help="The old-age pension may be drawn in full or in part: 20%, 40%, 50%, 60% or 80%."),
        # Flexible drawing starts at 62 (the guide) and must start by 75.
        fields.integer("drawing_age", "Age when you start drawing", default=67, min=62, max=75, unit="years",
                       help="From 62 to 75. Drawing before 67 needs enough pension savings."),
    ),
    outputs=(
        Output("annual_accrual", "Pension savings built up a year", "NOK/year"),
        Output("total_savings", "Pension savings over the years (not indexed)", "NOK"),
        Output("savings_drawn", "Savings the drawn pension is worked out from", "NOK"),
        Output("savings_not_drawn", "Savings left to build up", "NOK"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "Total savings are the yearly accrual times the years, without the yearly indexation of the savings "
        "with wage growth, so they are in the kroner of the rules' year.",
        "Today's rules (2026) count income up to 7.1 times the year's average G (NOK 134,419 for 2026). The guide's "
        "2013 rules say the same, but the 2013 calculation uses G of 1 May 2013.",
        "The yearly pension is the savings divided by a life expectancy divisor for your year of birth and the "
        "age you start drawing; the guide gives no divisors, so the pension itself is not calculated. The drawing "
        "age only enters the explanation.",
        "Drawing before 67 requires savings large enough for a pension of at least the guarantee pension level "
        "at 67; this calculator cannot check that.",
        "The new rules apply in full to people born in 1963 or later; those born 1954-1962 get part old rules, "
        "part new rules.",
    ),
)
