"""Facts of notation and the calendar that formulas may use; every rule's figure is a parameter."""
from decimal import Decimal

PERCENT = Decimal(100)  # an input of 50 (%) is the fraction 0.5
MONTHS_A_YEAR = 12
RATIO_PLACES = 4  # decimals shown for an intermediate ratio in an explanation
