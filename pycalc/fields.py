"""Inputs a calculator accepts, and their validation into clean Python values.

Values may come from JSON, a URL fragment, a form or the command line, so strings are
accepted wherever a number is meant; everything is checked and every problem is named
in words a reader can act on.
"""
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .money import nok
from .money import number as plain_number

TYPES = ("money", "integer", "percent", "number", "boolean", "choice")  # "number": a decimal such as pension points
MAX_MONEY = Decimal(1_000_000_000)
MAX_TEXT_LENGTH = 40
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0", ""}


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
        """The worked example's figure: a required field's example, or an optional field's where one
        is given (a form whose every field is optional would otherwise show an answer of zero)."""
        return self.example if self.required or self.example is not None else self.default

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


class Unclear(ValueError):
    """Text that reads as more than one amount, or as none: the message asks the reader."""


_GAPS = re.compile(r"[\s_'\u2019]+")  # spaces of every kind, "_" and "'" group digits: 550 000, 1'000
_MONEY_BEFORE = re.compile(r"^(?:nok|kroner|kr\.?)\s*", re.IGNORECASE)
_MONEY_AFTER = re.compile(r"\s*(?:[,.]\s*[-\u2013\u2014]|nok|kroner|kr\.?)$", re.IGNORECASE)
_SHAPE = re.compile(r"[0-9]*(?:[., ][0-9]+)*")
_EXPONENT = re.compile(r"[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]+")
_MINUS = "-\u2212\u2013"


def _strip_marks(text: str, f: "Field") -> str:
    """Remove what people write around a number: 'kr', 'NOK', ',-' for money; '%' or the unit."""
    if f.type == "money":
        for _ in range(2):
            text = _MONEY_BEFORE.sub("", text).strip()
            text = _MONEY_AFTER.sub("", text).strip()
    elif f.type == "percent":
        text = re.sub(r"\s*%$", "", text)
    if f.unit and f.type != "money" and text.lower().endswith(f.unit.lower()):
        text = text[: -len(f.unit)].strip()
    return text


def _grouped(groups: list[str]) -> bool:
    """Digit groups as thousands are written: 1 to 3 digits (not a lone 0), then groups of 3."""
    if len(groups) == 1:
        return bool(groups[0])
    head, *rest = groups
    return 1 <= len(head) <= 3 and not head.startswith("0") and all(len(g) == 3 for g in rest)


def _decimal(whole: str, fraction: str = "") -> Decimal:
    digits = whole.replace(" ", "").replace(".", "").replace(",", "") or "0"
    return Decimal(digits + (f".{fraction}" if fraction else ""))


def _show(f: "Field", value: Decimal) -> str:
    if f.type == "money":
        return nok(value)
    return plain_number(value, 6) + {"percent": "%"}.get(f.type, f" {f.unit}" if f.unit else "")


def _spell(f: "Field", value: Decimal) -> str:
    """How to type a value so it reads one way only: digits, and a point before any decimals."""
    if value == value.to_integral_value():
        return f"{value.to_integral_value():f}"
    return f"{value.quantize(Decimal('0.01')):f}" if f.type == "money" else f"{value.normalize():f}"


def _ask(f: "Field", first: Decimal, second: Decimal) -> Unclear:
    return Unclear(f"{f.label}: did you mean {_show(f, first)} or {_show(f, second)}? "
                   f"Write {_spell(f, first)} or {_spell(f, second)}.")


def _unreadable(f: "Field", why: str) -> Unclear:
    return Unclear(f"{f.label}: {why} Write the digits only, with a point before any decimals, for example "
                   + {"money": "550000 or 1234.50.", "integer": "1000.", }.get(f.type, "4.5."))


def _read_text(text: str, f: "Field") -> Decimal | None:
    """The number a person meant by ``text`` (rules in README, 'Amounts as people type them').

    Returns None for text that is no number at all; raises Unclear for a number that can be
    read more than one way, or whose digit groups are not the thousands a reader writes."""
    text = _strip_marks(text.strip(), f)
    sign = ""
    if text and text[0] in _MINUS + "+":
        sign, text = ("-" if text[0] in _MINUS else ""), text[1:].strip()
    if _EXPONENT.fullmatch(text):  # 1E+2: a machine's spelling, kept as it was always accepted
        return Decimal(sign + text)
    body = _GAPS.sub(" ", text).strip()
    if not body or not _SHAPE.fullmatch(body) or not any(c.isdigit() for c in body):
        return None
    parts = re.split(r"([., ])", body)
    digits, separators = parts[0::2], parts[1::2]
    marks = [s for s in separators if s in ".,"]
    money, whole_number = f.type == "money", f.type == "integer"
    decimal_field = not money and not whole_number

    def split_at_decimal(index):
        """(groups of the whole part, fraction) with separators[index] as the decimal mark."""
        return re.split(r"[., ]", "".join(parts[: 2 * index + 1])), digits[index + 1]

    decimal_at = None  # index in separators of the decimal mark, if any
    if len(set(marks)) == 2:
        last = len(separators) - 1 - separators[::-1].index(marks[-1])
        if marks.count(marks[-1]) != 1 or last != len(separators) - 1:
            raise _unreadable(f, "the points and commas are not in an order we can read.")
        decimal_at = last
    elif len(marks) == 1:
        at = separators.index(marks[0])
        tail, head = digits[at + 1], "".join(parts[: 2 * at + 1])
        head_groups = re.split(" ", head)
        if at != len(separators) - 1:
            decimal_at = None  # a mark before a space: it groups thousands, like the space
        elif head in ("", "0") or " " in head:
            decimal_at = at  # ",5", "0,50", "1 234,5": only a decimal (a space already groups the thousands)
        elif len(tail) == 3:
            thousands = _decimal(head + tail)
            as_decimal = _decimal(head, tail)
            if not _grouped(head_groups + [tail]):
                if money or whole_number:
                    raise _unreadable(f, "a point or comma may only separate thousands, or the øre.")
                decimal_at = at
            elif money or whole_number:
                decimal_at = None  # 550.000 and 550,000 are both 550000 in kroner
            elif f.min <= thousands <= f.max and f.min <= as_decimal <= f.max:
                raise _ask(f, as_decimal, thousands)
            else:
                decimal_at = at  # 4,500 points: 4500 is beyond the field, so 4.5
        elif money and len(tail) == 1:
            raise _ask(f, _decimal(head, tail), _decimal(head + tail + "00"))
        else:
            decimal_at = at
    if decimal_at is None:
        groups = re.split(r"[., ]", body)
        if not _grouped(groups):
            if len(marks) >= 2 and len(set(marks)) == 1:
                last = len(separators) - 1 - separators[::-1].index(marks[-1])
                whole, fraction = split_at_decimal(last)
                if _grouped(whole) and not (money and len(fraction) > 2) and last == len(separators) - 1:
                    raise _ask(f, _decimal(" ".join(whole), fraction), _decimal(body))
            raise _unreadable(f, "spaces, points and commas may only separate groups of three digits, "
                                 "as in 550 000.")
        return Decimal(sign + body.replace(" ", "").replace(".", "").replace(",", ""))
    whole, fraction = split_at_decimal(decimal_at)
    if not _grouped(whole) and not (len(whole) == 1 and whole[0] == ""):
        raise _unreadable(f, "spaces, points and commas may only separate groups of three digits, as in 550 000.")
    if money and len(fraction) > 2:
        raise _unreadable(f, "an amount has at most two decimals (øre).")
    return Decimal(sign + ("".join(whole) or "0") + "." + fraction)


def _to_decimal(raw, f: "Field"):
    """A finite Decimal from a number or from text as people type it, or None; Unclear if ambiguous."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, Decimal)):
        value = Decimal(raw)
    elif isinstance(raw, float):
        value = Decimal(repr(raw))
    elif isinstance(raw, str):
        if len(raw) > MAX_TEXT_LENGTH:
            return None
        try:
            value = _read_text(raw, f)
        except InvalidOperation:
            return None
        if value is None:
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
    value = _to_decimal(raw, f)
    if value is None:
        raise ValueError(f"{f.label} must be {_kind_words(f)}, {_range_words(f)}.")
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
