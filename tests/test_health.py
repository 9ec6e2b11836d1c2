"""Health checks: every parameter has a source, every calculator has metadata, a page and cases,
and no formula hides a literal amount."""
import ast
import re
from datetime import date
from pathlib import Path

import pytest

import pycalc
from pycalc import parameters
from pycalc.fields import TYPES
from pycalc.model import OUTPUT_UNITS
from case_data import load_cases

ROOT = Path(__file__).resolve().parent.parent
CALCULATOR_IDS = [c["id"] for c in pycalc.calculators()]
MARKER = re.compile(r"^\{\{\s*calculator:\s*([a-z0-9_]+)\s*\}\}$", re.M)


@pytest.mark.parametrize("name", parameters.names())
def test_every_parameter_has_a_description_unit_and_sourced_dated_values(name):
    parameter = parameters.load(name)
    assert parameter.description.strip()
    assert parameter.unit in parameters.UNITS
    assert parameter.values
    for value in parameter.values:
        assert isinstance(value.since, date)
        assert len(value.source.strip()) > 20, f"{name}: a source must say where the figure was read"
    dates = [v.since for v in parameter.values]
    assert dates == sorted(dates) and len(set(dates)) == len(dates), f"{name}: values must be in date order"


def test_every_parameter_is_used_by_some_formula():
    sources = "\n".join(p.read_text() for p in (ROOT / "pycalc").rglob("*.py"))
    unused = [n for n in parameters.names() if f'"{n}"' not in sources and f"'{n}'" not in sources
              and n != "basic_amount"]
    assert not unused


@pytest.mark.parametrize("calculator_id", CALCULATOR_IDS)
def test_every_calculator_has_complete_metadata(calculator_id):
    meta = next(c for c in pycalc.calculators() if c["id"] == calculator_id)
    for key in ("id", "title", "chapter", "summary", "inputs", "outputs"):
        assert meta[key] or meta[key] == [], key
    for field in meta["inputs"]:
        assert set(field) >= {"name", "type", "label", "help", "default", "min", "max", "choices"}
        assert field["type"] in TYPES and field["label"] and field["help"], field["name"]
        assert field["example"] is not None, f"{field['name']} needs a default or an example"
    for output in meta["outputs"]:
        assert output["unit"] in OUTPUT_UNITS and output["label"]


def test_every_calculator_is_placed_on_a_page_once():
    placed = [m for page in (ROOT / "docs").glob("*.md") for m in MARKER.findall(page.read_text())]
    assert sorted(placed) == sorted(CALCULATOR_IDS)


def test_every_calculator_has_cases_that_cite_the_guide_or_nav():
    cases = list(load_cases())
    for calculator_id in CALCULATOR_IDS:
        own = [case for cid, case in cases if cid == calculator_id]
        assert len(own) >= 3, calculator_id
        assert any(re.search(r"\b(chapter|seed|NAV|EC)\b", case["name"]) for case in own), calculator_id


def _numbers_in_formulas(path: Path):
    tree = ast.parse(path.read_text())
    for function in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        for node in ast.walk(function):
            if isinstance(node, ast.Constant) and type(node.value) in (int, float) and node.value not in (0, 1):
                yield node.lineno, node.value


@pytest.mark.parametrize("path", sorted((ROOT / "pycalc" / "calculators").glob("*.py")), ids=lambda p: p.name)
def test_formulas_hold_no_literal_amounts(path):
    assert not list(_numbers_in_formulas(path)), "a figure in a formula must be a parameter"
