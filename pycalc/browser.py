"""The bridge the browser worker calls: one JSON request in, one JSON answer out.

Everything crosses as a string, so no Python object leaks into JavaScript and the answer
is the same JSON the CLI prints.
"""
import json
import traceback

from .benefit_finder import find_benefits, household_monthly_total
from .charts import render_html
from .errors import InputError
from .registry import calculate


def handle_json(request_text: str) -> str:
    try:
        request = json.loads(request_text)
        if not isinstance(request, dict):
            raise InputError([{"field": "request", "message": "The request must name a calculator and its inputs."}])
        calculator, inputs, rules = request.get("calculator"), request.get("inputs", {}), request.get("rules") or None
        if "situation" in request:  # "What can I get?"
            found = find_benefits(request["situation"])
            answer = {"ok": True, "benefits": found, "total_monthly": household_monthly_total(found)}
        elif request.get("chart"):
            # Drawn on request, after the result: a chart is two dozen calculations.
            answer = {"ok": True, "chart_html": render_html(calculator, inputs, rules, str(request.get("uid", "calc")))}
        else:
            answer = {"ok": True, "result": calculate(calculator, inputs, rules=rules)}
    except InputError as problem:
        answer = {"ok": False, "errors": problem.errors}
    except Exception:  # a fault in our rules must reach the reader as a plain message, not a dead widget
        answer = {"ok": False, "failure": "The calculation failed because of an error in our calculator.",
                  "detail": traceback.format_exc(limit=3)}
    return json.dumps(answer)
