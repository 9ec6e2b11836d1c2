"""One module per calculator; each defines CALCULATOR (a pycalc.model.Calculator)."""
