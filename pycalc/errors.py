"""The one error a caller of pycalc has to handle: input a person can correct."""


class InputError(ValueError):
    """Bad input, described field by field in words a reader understands.

    ``errors`` is a list of ``{"field": ..., "message": ...}``; ``field`` is the
    input's name, or ``"calculator"`` / ``"rules"`` when those are unknown.
    """

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(e["message"] for e in self.errors))
