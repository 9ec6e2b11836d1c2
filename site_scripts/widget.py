"""A calculator widget as HTML, rendered at build time from pycalc's metadata.

The form and a worked example (computed here by the same pycalc under CPython) are in
the page itself, so a reader sees them before any script or Python has loaded.
"""
from html import escape

import pycalc
from pycalc.charts import render_html as render_chart


def _attrs(**values) -> str:
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{escape(str(value), quote=True)}"')
    return " ".join(parts)


def _field(uid: str, field: dict, value) -> str:
    fid = f"{uid}-{field['name']}"
    described = f"{fid}-help {fid}-error" if field["help"] else f"{fid}-error"
    help_html = f'<p class="calc-help" id="{fid}-help">{escape(field["help"])}</p>' if field["help"] else ""
    error_html = f'<p class="calc-field-error" id="{fid}-error" data-error-for="{field["name"]}" hidden></p>'
    if field["type"] == "boolean":
        control = (f'<input {_attrs(type="checkbox", id=fid, name=field["name"], checked=bool(value), aria_describedby=described)}>'
                   f' <label for="{fid}">{escape(field["label"])}</label>')
        return f'<div class="calc-field calc-field--check">{control}{help_html}{error_html}</div>'
    label = f'<label for="{fid}">{escape(field["label"])}</label>'
    if field["type"] == "choice":
        options = "".join(
            f'<option {_attrs(value=c["value"], selected=c["value"] == value)}>{escape(c["label"])}</option>'
            for c in field["choices"]
        )
        control = f'<select {_attrs(id=fid, name=field["name"], aria_describedby=described)}>{options}</select>'
    else:
        whole = field["type"] == "integer"
        control = f'<input {_attrs(type="text", id=fid, name=field["name"], value=value, inputmode="numeric" if whole else "decimal", autocomplete="off", spellcheck="false", required=field["required"], aria_describedby=described)}>'
        if field["unit"]:
            control = f'<span class="calc-input-unit">{control}<span aria-hidden="true">{escape(field["unit"])}</span></span>'
    return f'<div class="calc-field">{label}{help_html}{control}{error_html}</div>'


def _chart(uid: str, result: dict) -> str:
    chart = render_chart(result["calculator"], result["inputs"], result["rules"], uid)
    return f'<figure class="calc-chart" data-chart>{chart}</figure>' if chart else ""


def _result(uid: str, meta: dict, result: dict) -> str:
    labels = {o["name"]: o["label"] for o in meta["outputs"]}
    rows = "".join(
        f'<div class="calc-output"><dt>{escape(labels[name])}</dt>'
        f'<dd {_attrs(data_output=name, data_value=_json_text(value))}>{escape(result["display"][name])}</dd></div>'
        for name, value in result["outputs"].items()
    )
    steps = "".join(
        f'<li>{escape(s["text"])} <cite class="calc-source">{escape(s["source"])}</cite></li>' for s in result["steps"]
    )
    notes = "".join(f"<li>{escape(n)}</li>" for n in result["notes"])
    return f"""<section class="calc-result" aria-labelledby="{uid}-result-title" data-source="build">
<h4 id="{uid}-result-title">Result</h4>
<p class="calc-status" data-status>A worked example, computed when this page was built. Change the figures to recalculate.</p>
<dl class="calc-outputs">{rows}</dl>
{_chart(uid, result)}
<h4>How this was worked out</h4>
<ol class="calc-steps" data-steps>{steps}</ol>
<h4>Good to know</h4>
<ul class="calc-notes" data-notes>{notes}</ul>
<p class="calc-rules" data-rules>Rules: {escape(result["rules_label"])}, in force from {escape(result["rules_date"])}.</p>
<div class="calc-print-only" data-print-summary><h4>Your figures</h4><dl class="calc-print-inputs"></dl><p data-print-origin></p></div>
<button type="button" class="md-button calc-print-button" data-print hidden>Print or save as PDF</button>
</section>"""


def _json_text(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _rule_set_choice(uid: str, meta: dict, chosen: str) -> str:
    """A choice of rule set when the calculator has more than one; else why it has only one."""
    newest = pycalc.rule_sets()[0]
    if len(meta["rule_sets"]) < 2:
        if newest["id"] in meta["rule_sets"]:
            return ""
        return (f'<p class="calc-rules-only" data-rules-only>Available only with the guide\'s rules '
                f'({escape(chosen)}): today\'s rules and figures for this calculator have not been traced to a NAV source, '
                f'so it does not guess them.</p>')
    labels = {r["id"]: f'{r["label"]} (from {r["date"]})' for r in pycalc.rule_sets()}
    options = "".join(
        f'<option {_attrs(value=rule_id, selected=rule_id == chosen)}>{escape(labels[rule_id])}</option>'
        for rule_id in meta["rule_sets"]
    )
    return (f'<div class="calc-field"><label for="{uid}-rules">Rules to apply</label>'
            f'<select id="{uid}-rules" data-rules-select>{options}</select></div>')


def render(calculator_id: str, uid: str, bundle_path: str) -> str:
    """The widget for one calculator; ``uid`` is unique in the page, ``bundle_path`` root-relative."""
    meta = next(c for c in pycalc.calculators() if c["id"] == calculator_id)
    inputs = pycalc.example_inputs(calculator_id)
    result = pycalc.calculate(calculator_id, inputs)
    values = result["inputs"]
    fields = "".join(_field(uid, f, values[f["name"]]) for f in meta["inputs"])
    return f"""<div class="calc" id="{uid}" {_attrs(data_calculator=calculator_id, data_state="prerendered", data_bundle=bundle_path, data_rules=result["rules"])}>
<h3 class="calc-title">Calculator: {escape(meta["title"])}</h3>
<p class="calc-summary">{escape(meta["summary"])}</p>
<p class="calc-runtime" data-runtime-status role="status"></p>
<div class="calc-error-summary" id="{uid}-errors" tabindex="-1" data-error-summary hidden>
<h4>Please check these figures</h4><ul></ul></div>
<form class="calc-form" novalidate data-form>
{_rule_set_choice(uid, meta, result["rules"])}
{fields}
<button type="submit" class="md-button md-button--primary">Calculate</button>
</form>
{_result(uid, meta, result)}
<p class="calc-live" aria-live="polite" data-live></p>
</div>"""
