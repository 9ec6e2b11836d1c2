"""Conditions that several benefits share in shape, explained the same way everywhere."""
from .money import number, percent
from .units import PERCENT


def reduced_by_at_least(what: str, given_percent, needed_rate, explain, source, why: str = "") -> bool:
    """'Working hours reduced by 60%: at least the 50% required.' True when the reduction is enough."""
    enough = given_percent / PERCENT >= needed_rate
    explain.step(
        f"{what} reduced by {number(given_percent)}%: "
        f"{'at least' if enough else 'less than'} the {percent(needed_rate)} required{' ' + why if why else ''}.",
        source,
    )
    return enough
