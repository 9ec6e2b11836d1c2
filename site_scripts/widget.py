"""A calculator widget as HTML, rendered at build time from pycalc's metadata.

The form and a worked example (computed here by the same pycalc under CPython) are in
the page itself, so a reader sees them before any script or Python has loaded. The answer
in words (the result's headline) comes first, right under the form; the outputs follow in
the order the calculator declares them, most important first.
"""
import re
from html import escape

import pycalc
from pycalc.charts import render_html as render_chart

_ABSOLUTE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def _attrs(**values) -> str:
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{escape(str(value), quote=True)}"')
    return " ".join(parts)


def _root(page_url: str | None) -> str:
    """The way from the page to the site's root, for links to our own pages (a step citing the
    guide's chapter): '../' per level, or '/' when the page is not known."""
    if page_url is None:
        return "/"
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    return "../" * depth


def _field(uid: str, field: dict, value) -> str:
    fid = f"{uid}-{field['name']}"
    unit = field["unit"] if field["type"] not in ("boolean", "choice") else ""
    described = " ".join(
        [f"{fid}-unit"] * bool(unit) + [f"{fid}-help"] * bool(field["help"]) + [f"{fid}-error"])  # the error last
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
        # Always text: the reader types amounts as they write them ("550 000", "kr 550.000") and
        # pycalc reads them; the page never parses a number itself.
        whole = field["type"] == "integer"
        control = f'<input {_attrs(type="text", id=fid, name=field["name"], value=value, inputmode="numeric" if whole else "decimal", autocomplete="off", spellcheck="false", required=field["required"], aria_describedby=described)}>'
        if unit:
            # The unit is spoken with the field (it is part of its description), not hidden.
            control = f'<span class="calc-input-unit">{control}<span class="calc-unit" id="{fid}-unit">{escape(unit)}</span></span>'
    return f'<div class="calc-field">{label}{help_html}{control}{error_html}</div>'


def _chart(uid: str, result: dict) -> str:
    chart = render_chart(result["calculator"], result["inputs"], result["rules"], uid)
    return f'<figure class="calc-chart" data-chart>{chart}</figure>' if chart else ""


def _href(url: str, root: str) -> str:
    """A citation's address: absolute as it is; one of our pages relative to the site's root."""
    if _ABSOLUTE.match(url) or url.startswith(("#", "//")):
        return url
    return root + url.lstrip("/")


def _split_source(source: str) -> tuple[str, str]:
    """(what a reader can look up, NAV's code reference) from a step's one-line source."""
    first, _, rest = source.partition("; ")
    if first.startswith("navikt/") and rest:
        return rest, first
    if first.startswith("navikt/"):
        return "", first
    return source, ""


def _step(step: dict, root: str) -> str:
    text = escape(step["text"])
    citations = step.get("citations") or []
    reference = step.get("reference")
    if citations:
        links = "; ".join(
            f'<a href="{escape(_href(c["url"], root), quote=True)}">{escape(c["text"])}</a>' if c.get("url") else escape(c["text"])
            for c in citations)
        visible = f'<span class="calc-source">Source: {links}</span>'
    else:  # a step as pycalc gave it before citations: the law visible, NAV's code tucked away
        readable, code = _split_source(step.get("source", ""))
        reference = reference or code
        visible = f'<span class="calc-source">Source: <cite>{escape(readable)}</cite></span>' if readable else ""
    details = (f'<details class="calc-reference"><summary>Where NAV\'s code says this</summary>'
               f'<p><cite>{escape(reference)}</cite></p></details>') if reference else ""
    return f"<li>{text} {visible}{details}</li>"


def _display_value(field: dict, value) -> str:
    if field["type"] == "boolean":
        return "Yes" if value else "No"
    if field["type"] == "choice":
        return next((c["label"] for c in field["choices"] if c["value"] == value), str(value))
    return "" if value is None else f"{value} {field['unit']}".strip() if field["unit"] in ("NOK", "%") else str(value)


def _print_figures(meta: dict, values: dict) -> str:
    rows = "".join(
        f'<dt>{escape(f["label"])}</dt><dd>{escape(_display_value(f, values[f["name"]]))}</dd>' for f in meta["inputs"])
    return (f'<div class="calc-print-only" data-print-summary><h4>Your figures</h4>'
            f'<dl class="calc-print-inputs">{rows}</dl></div>')


def _result(uid: str, meta: dict, result: dict, root: str) -> str:
    rows = "".join(
        f'<div class="calc-output"><dt>{escape(o["label"])}</dt>'
        f'<dd {_attrs(data_output=o["name"], data_value=_json_text(result["outputs"][o["name"]]))}>'
        f'{escape(result["display"][o["name"]])}</dd></div>'
        for o in meta["outputs"]  # the calculator's own order: the figure the reader came for first
    )
    steps = "".join(_step(s, root) for s in result["steps"])
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
<p class="calc-print-origin" data-print-origin></p>
<div class="calc-actions" data-actions hidden>
<button type="button" class="md-button calc-copy-button" data-copy-link>Copy link to these figures</button>
<button type="button" class="md-button calc-print-button" data-print>Print or save as PDF</button>
<span class="calc-copy-status" data-copy-status role="status"></span>
</div>
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


def render(calculator_id: str, uid: str, bundle_path: str, page_url: str | None = None) -> str:
    """The widget for one calculator; ``uid`` is unique in the page, ``bundle_path`` root-relative,
    ``page_url`` the page's own address relative to the site's root (e.g. "unemployment/")."""
    meta = next(c for c in pycalc.calculators() if c["id"] == calculator_id)
    inputs = pycalc.example_inputs(calculator_id)
    result = pycalc.calculate(calculator_id, inputs)
    values = result["inputs"]
    root = _root(page_url)
    fields = "".join(_field(uid, f, values[f["name"]]) for f in meta["inputs"])
    return f"""<div class="calc" id="{uid}" {_attrs(data_calculator=calculator_id, data_state="prerendered", data_bundle=bundle_path, data_rules=result["rules"])}>
<h3 class="calc-title">Calculator: {escape(meta["title"])}</h3>
<p class="calc-summary">{escape(meta["summary"])}</p>
<p class="calc-runtime" data-runtime-status role="status"></p>
<div class="calc-error-summary" id="{uid}-errors" tabindex="-1" data-error-summary hidden>
<h4>Please check these figures</h4><ul></ul></div>
<div class="calc-body">
<form class="calc-form" novalidate data-form>
{_rule_set_choice(uid, meta, result["rules"])}
{fields}
<button type="submit" class="md-button md-button--primary">Calculate</button>
</form>
{_print_figures(meta, values)}
<div class="calc-answer" data-answer>
<p class="calc-answer-tag" data-answer-tag>Worked example</p>
<p class="calc-headline" id="{uid}-headline" tabindex="-1" data-headline>{escape(result["headline"])}</p>
</div>
</div>
{_result(uid, meta, result, root)}
<p class="calc-live" aria-live="polite" data-live></p>
</div>"""
