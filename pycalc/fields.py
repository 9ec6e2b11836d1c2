"""Inputs a calculator accepts, and their validation into clean Python values.

Values may come from JSON, a URL fragment, a form or the command line, so strings are
accepted wherever a number is meant; everything is checked and every problem is named
in words a reader can act on.
"""
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .money import nok
from .money import number as plain_number

TYPES = ("money", "integer", "percent", "number", "boolean", "choice")  # "number": a decimal such as pension points
MAX_MONEY = Decimal(1_000_000_000)
MAX_TEXT_LENGTH = 40
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0", ""}
_GROUP_SEPARATORS = (" ", "\u00a0", "\u202f", "_")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    label: str
    help: str = ""
    default: object = None
    required: bool = False
    min: Decimal | None = None
    max: Decimal | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    unit: str = ""  # shown beside the field: "NOK", "%", "months" ...
    example: object = None  # a typical value for a required field, for the worked example

    @property
    def example_value(self):
        return self.example if self.required else self.default

    def metadata(self) -> dict:
        return {
            "name": self.name,
            "type": self.type,
            "label": self.label,
            "help": self.help,
            "default": _json(self.default),
            "required": self.required,
            "min": _json(self.min),
            "max": _json(self.max),
            "choices": [{"value": v, "label": lbl} for v, lbl in self.choices],
            "unit": self.unit,
            "example": _json(self.example_value),
        }


def _json(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def money(name, label, help="", default=0, required=False, max=MAX_MONEY, example=None):
    return Field(name, "money", label, help, None if required else Decimal(default), required,
                 Decimal(0), Decimal(max), unit="NOK", example=None if example is None else Decimal(example))


def integer(name, label, help="", default=0, min=0, max=100, required=False, unit="", example=None):
    return Field(name, "integer", label, help, None if required else default, required,
                 Decimal(min), Decimal(max), unit=unit, example=example)


def percent(name, label, help="", default=0, min=0, max=100, required=False, example=None):
    return Field(name, "percent", label, help, None if required else Decimal(default), required,
                 Decimal(min), Decimal(max), unit="%", example=None if example is None else Decimal(example))


def number(name, label, help="", default=0, min=0, max=100, required=False, unit="", example=None):
    return Field(name, "number", label, help, None if required else Decimal(default), required,
                 Decimal(min), Decimal(max), unit=unit, example=None if example is None else Decimal(example))


def boolean(name, label, help="", default=False):
    return Field(name, "boolean", label, help, default)


def choice(name, label, choices, help="", default=None):
    return Field(name, "choice", label, help, default if default is not None else choices[0][0],
                 choices=tuple(choices))


def _to_decimal(raw):
    """A finite Decimal from a number or a numeric string, or None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, Decimal)):
        value = Decimal(raw)
    elif isinstance(raw, float):
        value = Decimal(repr(raw))
    elif isinstance(raw, str):
        text = raw.strip()
        for separator in _GROUP_SEPARATORS:
            text = text.replace(separator, "")
        if not text or len(text) > MAX_TEXT_LENGTH or "," in text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None
    else:
        return None
    if not value.is_finite():
        return None
    return Decimal(0) if value.is_zero() else value  # "-0" is accepted as 0, and shown as 0


def _range_words(f: Field) -> str:
    show = nok if f.type == "money" else plain_number
    suffix = {"percent": "%", "number": f" {f.unit}" if f.unit else ""}.get(f.type, "")
    if f.type == "money":
        return "0 or more"
    return f"from {show(f.min)}{suffix} to {show(f.max)}{suffix}"


def _kind_words(f: Field) -> str:
    return {
        "money": "a number of kroner",
        "integer": "a whole number",
        "percent": "a percentage",
        "number": "a number",
    }[f.type]


def clean(f: Field, raw):
    """Return the clean value, or raise ValueError with a message for the reader."""
    if f.type == "boolean":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
            return raw.strip().lower() in _TRUE
        if isinstance(raw, int) and raw in (0, 1):
            return bool(raw)
        raise ValueError(f"{f.label} must be yes or no.")
    if f.type == "choice":
        allowed = [v for v, _ in f.choices]
        if isinstance(raw, str) and raw.strip() in allowed:
            return raw.strip()
        if not isinstance(raw, str) and str(raw) in allowed and not isinstance(raw, bool):
            return str(raw)
        options = ", ".join(lbl for _, lbl in f.choices)
        raise ValueError(f"{f.label} must be one of: {options}.")
    value = _to_decimal(raw)
    if value is None:
        hint = " Write digits only, without commas, for example 400000." if isinstance(raw, str) and "," in raw else ""
        raise ValueError(f"{f.label} must be {_kind_words(f)}, {_range_words(f)}.{hint}")
    if value < f.min:
        if f.type == "money":
            raise ValueError(f"{f.label} must be a number of kroner, 0 or more.")
        raise ValueError(f"{f.label} must be {_range_words(f)}.")
    if value > f.max:
        show = nok(f.max) if f.type == "money" else plain_number(f.max) + {"percent": "%", "number": f" {f.unit}"}.get(f.type, "")
        raise ValueError(f"{f.label} must be at most {show}.")
    if f.type == "integer":
        if value != value.to_integral_value():
            raise ValueError(f"{f.label} must be a whole number, {_range_words(f)}.")
        return int(value)
    return value


def _unknown_input(name, known) -> dict:
    shown = str(name)[:MAX_TEXT_LENGTH]
    if not shown.strip():
        return {"field": "inputs", "message": f"An input was given without a name. This calculator takes: {', '.join(known)}."}
    return {"field": shown, "message": f"{shown} is not an input of this calculator. It takes: {', '.join(known)}."}


def clean_all(fields, raw_inputs) -> tuple[dict, list]:
    """Clean every input; return the values with defaults filled in, and all the errors."""
    if not isinstance(raw_inputs, dict):
        return {}, [{"field": "inputs", "message": "The inputs must be given as named values."}]
    known = {f.name: f for f in fields}
    errors = [_unknown_input(name, known) for name in raw_inputs if name not in known]
    values = {}
    for f in fields:
        raw = raw_inputs.get(f.name)
        if raw is None or (isinstance(raw, str) and not raw.strip() and f.type != "choice"):
            if f.required:
                errors.append({"field": f.name, "message": f"{f.label} is required."})
                continue
            values[f.name] = f.default
            continue
        try:
            values[f.name] = clean(f, raw)
        except ValueError as problem:
            errors.append({"field": f.name, "message": str(problem)})
    return values, errors
