"""What a calculator is: its inputs, outputs and one formula per rule set it supports."""
from dataclasses import dataclass, field
from typing import Callable

from .money import nok, number, to_json_number

MONEY_UNITS = ("NOK", "NOK/day", "NOK/week", "NOK/month", "NOK/year")
_PER = {"NOK/day": " a day", "NOK/week": " a week", "NOK/month": " a month", "NOK/year": " a year"}
_COUNTED = {"weeks": ("week", "weeks"), "days": ("day", "days"), "months": ("month", "months"),
            "years": ("year", "years"), "points": ("point", "points")}
OUTPUT_UNITS = MONEY_UNITS + ("boolean", "weeks", "days", "months", "years", "percent", "points", "count", "text", "day")


@dataclass(frozen=True)
class Output:
    name: str
    label: str
    unit: str
    texts: dict = field(default_factory=dict)  # how a coded text output reads: {"not_member": "Not a member"}

    def __post_init__(self):
        if self.unit not in OUTPUT_UNITS:
            raise ValueError(f"output {self.name}: unknown unit {self.unit!r}")

    def metadata(self) -> dict:
        return {"name": self.name, "label": self.label, "unit": self.unit, "texts": dict(self.texts)}

    def to_json(self, value):
        if value is None or isinstance(value, (bool, str)):
            return value
        if self.unit in MONEY_UNITS:
            return to_json_number(value)
        if isinstance(value, int):
            return value
        return to_json_number(value)


    def display(self, value) -> str:
        """The value as a reader sees it; the page and the CLI use this, so they agree."""
        if value is None:
            return "Not applicable"
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, str):
            return self.texts.get(value) or value.replace("_", " ").capitalize()
        if self.unit in MONEY_UNITS:
            return nok(value) + _PER.get(self.unit, "")
        if self.unit in _COUNTED:
            one, many = _COUNTED[self.unit]
            return f"{number(value)} {one if value == 1 else many}"
        if self.unit == "percent":
            return f"{number(value)}%"
        if self.unit == "day":
            return f"Day {number(value)}"
        return number(value)


class Explanation:
    """The steps a formula took, each a sentence with the source of the rule it applied."""

    def __init__(self):
        self.steps: list[dict] = []
        self.notes: list[str] = []
        self.headline: str | None = None

    def answer(self, text: str) -> None:
        """The one-line answer in words, the figure the reader came for: it leads the result."""
        self.headline = text

    def step(self, text: str, source: str) -> None:
        self.steps.append({"text": text, "source": source})

    def note(self, text: str) -> None:
        self.notes.append(text)


@dataclass(frozen=True)
class Calculator:
    id: str
    title: str
    chapter: str  # guide chapter in Roman numerals, or "Membership"
    summary: str
    inputs: tuple
    outputs: tuple
    formulas: dict[str, Callable]  # rule set id -> formula(values, rules, explanation) -> outputs
    notes: tuple[str, ...] = field(default=())

    def metadata(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "chapter": self.chapter,
            "summary": self.summary,
            "rule_sets": sorted(self.formulas, reverse=True),
            "inputs": [f.metadata() for f in self.inputs],
            "outputs": [o.metadata() for o in self.outputs],
        }
