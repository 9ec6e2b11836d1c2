"""Parameters as data: one TOML file per parameter under ``pycalc/parameters/``.

Each file holds a description, a unit and dated values, each value with the source
where it was read. A formula asks for a parameter by dotted name and gets the value in
force on its rule set's date, so no amount is ever written inside a formula.
"""
import functools
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources

# Units whose stored figure is converted before a formula sees it: the files keep the
# figure as the source writes it ("7.8" percent), formulas work with the fraction.
_SCALE = {"percent": Decimal("0.01")}
UNITS = {"NOK", "percent", "G", "count", "days", "weeks", "months", "years", "hours", "points"}


@dataclass(frozen=True)
class DatedValue:
    since: date
    value: Decimal
    source: str


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    values: tuple[DatedValue, ...]

    def at(self, when: date) -> DatedValue:
        in_force = [v for v in self.values if v.since <= when]
        if not in_force:
            raise LookupError(f"parameter {self.name} has no value in force on {when}")
        return max(in_force, key=lambda v: v.since)


def _root():
    return resources.files("pycalc") / "parameters"


@functools.cache
def load(name: str) -> Parameter:
    path = _root().joinpath(*name.split(".")[:-1], name.split(".")[-1] + ".toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    unit = data["unit"]
    if unit not in UNITS:
        raise ValueError(f"parameter {name}: unknown unit {unit!r}")
    scale = _SCALE.get(unit, Decimal(1))
    values = tuple(
        DatedValue(v["from"], Decimal(v["value"]) * scale, v["source"]) for v in data["values"]
    )
    return Parameter(name, data["description"], unit, values)


@functools.cache
def _in_force(name: str, when: date) -> DatedValue:
    return load(name).at(when)


def names() -> list[str]:
    """Every parameter's dotted name, for health checks and documentation."""
    found = []

    def walk(folder, prefix):
        for entry in folder.iterdir():
            if entry.is_dir():
                walk(entry, prefix + [entry.name])
            elif entry.name.endswith(".toml"):
                found.append(".".join(prefix + [entry.name[: -len(".toml")]]))

    walk(_root(), [])
    return sorted(found)


class Rules:
    """The parameters as they stand on one rule set's date."""

    def __init__(self, on: date):
        self.date = on

    def __call__(self, name: str) -> Decimal:
        return _in_force(name, self.date).value

    def source(self, name: str) -> str:
        return _in_force(name, self.date).source

    @property
    def g(self) -> Decimal:
        """The basic amount (grunnbeløpet), which most limits are multiples of."""
        return self("basic_amount")

    def g_words(self, name: str) -> str:
        """How the rules name such a limit: '1.5 G'."""
        return f"{self(name).normalize():f} G"

    def g_times(self, name: str) -> Decimal:
        """A limit given in the rules as a multiple of G, in kroner."""
        return self(name) * self.g
