"""The command line: JSON out, messages and exit code 2 for bad input."""
import json
import subprocess
import sys

import pycalc


def run(*args):
    return subprocess.run([sys.executable, "-m", "pycalc", *args], capture_output=True, text=True, timeout=60)


def test_list_prints_the_metadata_of_every_calculator():
    done = run("list")
    assert done.returncode == 0
    assert [c["id"] for c in json.loads(done.stdout)] == [c["id"] for c in pycalc.calculators()]


def test_calc_prints_the_result_as_json():
    done = run("calc", "unemployment_benefit", "income_year_1=400000", "children=2", "--rules", "2013")
    assert done.returncode == 0
    result = json.loads(done.stdout)
    assert result["outputs"]["daily_rate"] == 960 and result["outputs"]["child_supplement_per_day"] == 34


def test_bad_input_prints_each_message_and_exits_2():
    done = run("calc", "unemployment_benefit", "income_year_1=-4", "children=x", "oops")
    assert done.returncode == 2 and done.stdout == ""
    assert "income_year_1: Income from work last calendar year must be a number of kroner, 0 or more." in done.stderr
    assert "children:" in done.stderr and "name=value" in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_calculator_exits_2():
    done = run("calc", "nothing_here")
    assert done.returncode == 2 and "no calculator called" in done.stderr
