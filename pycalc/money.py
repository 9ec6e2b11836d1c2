"""Money and number formatting. Amounts are Decimal; rounding happens only where a rule says."""
from decimal import ROUND_HALF_UP, Decimal

WHOLE_KRONE = Decimal(1)


def round_to(amount: Decimal, unit: Decimal) -> Decimal:
    """Round half up to a multiple of ``unit`` (a rounding step given by a parameter)."""
    return (amount / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP) * unit


def _plain(value: Decimal, places: int) -> str:
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def nok(amount) -> str:
    """'NOK 511,470' or 'NOK 42,622.50': as the guide writes amounts, øre only when there are any."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return "NOK " + (f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}")


def number(value, places: int = 2) -> str:
    return _plain(Decimal(value), places)


def percent(rate) -> str:
    """A rate held as a fraction, shown as the guide writes it: 0.0024 -> '0.24%'."""
    return _plain(Decimal(rate) * 100, 4) + "%"


def to_json_number(value: Decimal):
    """Money leaves pycalc as a JSON number: an int when whole, else a float to the øre."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
