"""Amounts as people type them: every spelling a reader uses reads as they meant it, or gets a question.

The rules are in README.md, "Amounts as people type them". A misread amount is a wrong answer, so
every reading that could go two ways must raise an InputError naming both readings.
"""
import json
import subprocess
import sys
from decimal import Decimal

import pytest

import pycalc
from pycalc.fields import clean, integer, money, number, percent

MONEY = money("income", "Your income")
POINTS = number("points", "Average pension points", max=Decimal("8.33"), unit="points")
WIDE = number("hours", "Hours", max=10000)  # a decimal field where a thousands reading also fits
PERCENT = percent("reduction", "Reduction")
WHOLE = integer("months", "Months", max=1200, unit="months")


def read(field, text):
    return clean(field, text)


def problem(field, text) -> str:
    with pytest.raises(ValueError) as raised:
        clean(field, text)
    return str(raised.value)


# --- Money --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "550000", "550 000", "550,000", "550.000", "kr 550 000", "NOK 550,000", "550 000 kr", "kr. 550.000,-",
    "550\u00a0000", "550\u202f000", "550\u2009000", "550_000", "550'000", " 550 000 ", "nok 550000", "Kr 550.000",
    "550.000 NOK", "550 000,-", "550.000,–", "kroner 550 000", "550 000 kroner", "NOK550000", "550000kr",
    "550.000,00", "550,000.00", "550 000,00", "550 000.00", "+550000",
])
def test_money_reads_every_usual_spelling_of_550000(text):
    assert read(MONEY, text) == 550000


@pytest.mark.parametrize("text, value", [
    ("1.234.567", 1234567), ("1,234,567", 1234567), ("1 234 567", 1234567), ("1.234.567,89", Decimal("1234567.89")),
    ("1,234,567.89", Decimal("1234567.89")), ("1234.56", Decimal("1234.56")), ("1234,56", Decimal("1234.56")),
    ("550,00", 550), ("550.00", 550), ("1,500", 1500), ("1.500", 1500), ("0,50", Decimal("0.5")), (",50", Decimal("0.5")),
    ("0.5", Decimal("0.5")), ("0", 0), ("-0", 0), ("1 234,5", Decimal("1234.5")), ("1.234,5", Decimal("1234.5")),
    ("550.-", 550), ("550,-", 550), ("999", 999), ("1000000000", 1000000000),
])
def test_money_reads_thousands_and_ore(text, value):
    assert read(MONEY, text) == Decimal(value)


@pytest.mark.parametrize("text, asks", [
    ("550.5", "did you mean NOK 550.50 or NOK 550,500? Write 550.50 or 550500."),
    ("12,5", "did you mean NOK 12.50 or NOK 12,500? Write 12.50 or 12500."),
    ("1.234.56", "did you mean NOK 1,234.56 or NOK 123,456? Write 1234.56 or 123456."),
    ("1,234,56", "did you mean NOK 1,234.56 or NOK 123,456? Write 1234.56 or 123456."),
    ("kr 550,5", "did you mean NOK 550.50 or NOK 550,500? Write 550.50 or 550500."),
])
def test_money_that_reads_two_ways_asks_which_naming_both(text, asks):
    message = problem(MONEY, text)
    assert message == f"Your income: {asks}"


@pytest.mark.parametrize("text", [
    "550 00", "55 0000", "1234.567", "1,234.567", "1.234,567", "0.500", "1.000,000", "5 5", "1.234,56.7",
    "1,234.56,7", "550,0000", "1.2345.678", "12.34.567", "0 500", "01.000",
])
def test_money_with_groups_that_are_not_thousands_is_refused_not_guessed(text):
    message = problem(MONEY, text)
    assert message.startswith("Your income: ") and "Write the digits only" in message


@pytest.mark.parametrize("text", ["four hundred", "5.", "NOK", "kr", "1/2", "0x10", "١٢٣", "12 weeks", "5e", "--5",
                                  "1..000", "1,,000", "550 000 000 000 000", "%5", "5 %"])
def test_money_that_is_no_amount_gets_the_plain_message(text):
    assert problem(MONEY, text).startswith("Your income")


def test_negative_money_is_still_refused():
    assert problem(MONEY, "-550.000") == "Your income must be a number of kroner, 0 or more."
    assert problem(MONEY, "\u2212550 000") == "Your income must be a number of kroner, 0 or more."


@pytest.mark.parametrize("value", [550000, 550000.0, 1234.5, Decimal("1234.567"), 0, Decimal("550.5")])
def test_numbers_from_json_or_python_are_kept_as_they_are(value):
    assert read(MONEY, value) == Decimal(str(value))


# --- Decimal fields: pension points and percentages ------------------------------------------
@pytest.mark.parametrize("field, text, value", [
    (POINTS, "4,5", "4.5"), (POINTS, "4.5", "4.5"), (POINTS, "4,55", "4.55"), (POINTS, "4,5 points", "4.5"),
    (POINTS, "4,500", "4.5"), (POINTS, "1,234", "1.234"), (POINTS, "0,5", "0.5"), (POINTS, ",5", "0.5"),
    (POINTS, "8,33", "8.33"), (PERCENT, "4,5", "4.5"), (PERCENT, "4,5 %", "4.5"), (PERCENT, "50%", "50"),
    (PERCENT, "12.500", "12.5"), (WIDE, "4,5", "4.5"), (WIDE, "1 234,5", "1234.5"), (WIDE, "1.234,5", "1234.5"),
    (WIDE, "1,234.5", "1234.5"), (WIDE, "0,123", "0.123"),
])
def test_decimal_fields_read_a_decimal_comma(field, text, value):
    assert read(field, text) == Decimal(value)


def test_a_decimal_field_asks_when_both_readings_fit():
    assert problem(WIDE, "1,234") == "Hours: did you mean 1.234 or 1,234? Write 1.234 or 1234."
    assert problem(WIDE, "1.234") == "Hours: did you mean 1.234 or 1,234? Write 1.234 or 1234."


def test_a_decimal_field_out_of_range_says_so():
    assert problem(POINTS, "12") == "Average pension points must be at most 8.33 points."


# --- Whole numbers ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [("1 000", 1000), ("1.000", 1000), ("1,000", 1000), ("12", 12),
                                         ("2,0", 2), ("12 months", 12), ("1 200", 1200)])
def test_whole_numbers_read_thousands(text, value):
    assert read(WHOLE, text) == value and isinstance(read(WHOLE, text), int)


@pytest.mark.parametrize("text", ["2,5", "2.5", "1 00"])
def test_whole_numbers_refuse_a_fraction_or_odd_groups(text):
    assert problem(WHOLE, text).startswith("Months")


# --- Through the public API and the command line --------------------------------------------
@pytest.mark.parametrize("text", ["550 000", "550,000", "550.000", "kr 550 000", "NOK 550,000"])
def test_every_money_input_of_every_calculator_reads_the_five_spellings(text):
    for meta in pycalc.calculators():
        for field in meta["inputs"]:
            if field["type"] == "money" and field["max"] >= 550000:
                inputs = {**pycalc.example_inputs(meta["id"]), field["name"]: text}
                try:
                    result = pycalc.calculate(meta["id"], inputs)
                except pycalc.InputError as error:  # a formula's own consistency check is fine, a misread is not
                    assert all(e["field"] != field["name"] or "550" in e["message"] for e in error.errors), error.errors
                    continue
                assert result["inputs"][field["name"]] == 550000, (meta["id"], field["name"], text)


def cli(*args):
    return subprocess.run([sys.executable, "-m", "pycalc", *args], capture_output=True, text=True, timeout=60)


def test_the_command_line_reads_amounts_as_people_type_them():
    done = cli("calc", "unemployment_benefit", "income_year_1=400.000", "--rules", "2013")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outputs"]["daily_rate"] == 960


def test_the_command_line_asks_about_an_unclear_amount_and_exits_2():
    done = cli("calc", "unemployment_benefit", "income_year_1=400.5", "--rules", "2013")
    assert done.returncode == 2 and done.stdout == ""
    assert ("income_year_1: Income from work last calendar year: did you mean NOK 400.50 or NOK 400,500? "
            "Write 400.50 or 400500.") in done.stderr
